//! The drawing: page layout, the view (projection and extent), basemap, movements, events,
//! places and labels, assembled into one SVG document.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::basemap::{basemap, contains, CLIP_BOX};
use super::data::{MapData, Movement};
use super::geom::{self, arrowhead, clip, offset, thin, trim_end, trim_start};
use super::labels::{place_labels, Anchoring, LabelSpec, Obstacle, Rect, Side};
use super::legend::{self, Drawn};
use super::projection::Lcc;
use super::style::{
    actor_colour, draw_event_marker, palette, Palette, PlaceSymbol, EVENT_RADIUS, EVENT_TYPES,
};
use super::svg::{esc, layer, num, Px, Rgb};
use super::text::{shape, GlyphSet, Line, Paint, Weight};
use super::{Labels, MapOptions};
use crate::error::Result;

/// The title when none is given.
pub(crate) const DEFAULT_TITLE: &str = "convoy: troop movements";

/// The credit line every map carries.
pub(crate) const ATTRIBUTION: &str = "Basemap: Made with Natural Earth · Places: convoy gazetteer \
     (GeoNames CC BY 4.0, OurAirports, Wikipedia) · Fonts: Noto (OFL)";

/// The area shown when there is nothing to fit: Iraq and Syria.
const DEFAULT_EXTENT: [f64; 4] = [35.5, 29.0, 48.8, 37.4];

/// Margin around the fitted features, as a fraction of their span on each side.
const FIT_MARGIN: f64 = 0.10;

/// The smallest span fitted, metres: one town alone still shows its surroundings.
const MIN_SPAN_M: f64 = 250_000.0;

/// Where the map goes on the page and how big things are.
pub(crate) struct Layout {
    /// Size unit: 1 at 2000×1500.
    pub u: f64,
    pub width: f64,
    pub height: f64,
    pub frame: Rect,
    pub panel: Rect,
    pub title_baseline: f64,
    pub subtitle_baseline: f64,
    pub attribution_baseline: f64,
    pub margin: f64,
}

impl Layout {
    fn new(opts: &MapOptions) -> Layout {
        let (width, height) = (opts.width as f64, opts.height as f64);
        let u = (width / 2000.0).min(height / 1500.0).clamp(0.45, 6.0);
        let margin = 28.0 * u;
        let title_baseline = margin + 38.0 * u;
        let subtitle_baseline = title_baseline + 34.0 * u;
        let top = subtitle_baseline + 22.0 * u;
        let bottom = height - 40.0 * u;
        let panel_w = (380.0 * u).min(width * 0.3);
        let frame = Rect {
            x0: margin,
            y0: top,
            x1: width - margin - panel_w - 22.0 * u,
            y1: bottom,
        };
        let panel = Rect {
            x0: frame.x1 + 22.0 * u,
            y0: top,
            x1: width - margin,
            y1: bottom,
        };
        Layout {
            u,
            width,
            height,
            frame,
            panel,
            title_baseline,
            subtitle_baseline,
            attribution_baseline: height - 14.0 * u,
            margin,
        }
    }
}

/// The projection and its placement in the frame.
pub(crate) struct View {
    pub proj: Lcc,
    pub frame: Rect,
    /// Pixels per projected metre.
    pub scale: f64,
    centre: (f64, f64),
}

impl View {
    /// Fits the projection to `focus` points (or to `bbox`), inside `frame`.
    fn fit(focus: &[[f64; 2]], bbox: Option<[f64; 4]>, frame: Rect) -> View {
        let (pts, margin): (Vec<[f64; 2]>, bool) = match bbox {
            Some(b) => (box_outline(b), false),
            None if focus.is_empty() => (box_outline(DEFAULT_EXTENT), false),
            None => (focus.to_vec(), true),
        };
        let lon_lo = pts.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min);
        let lon_hi = pts.iter().map(|p| p[0]).fold(f64::NEG_INFINITY, f64::max);
        let lat_lo = pts.iter().map(|p| p[1]).fold(f64::INFINITY, f64::min);
        let lat_hi = pts.iter().map(|p| p[1]).fold(f64::NEG_INFINITY, f64::max);
        let proj = Lcc::fitted(lat_lo, lat_hi, round_to(0.5 * (lon_lo + lon_hi), 0.01));
        let xy: Vec<(f64, f64)> = pts.iter().map(|p| proj.forward(p[0], p[1])).collect();
        let mut x0 = xy.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
        let mut x1 = xy.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
        let mut y0 = xy.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let mut y1 = xy.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        if margin {
            let grow = |lo: &mut f64, hi: &mut f64| {
                let span = (*hi - *lo).max(MIN_SPAN_M);
                let mid = 0.5 * (*lo + *hi);
                *lo = mid - span * (0.5 + FIT_MARGIN);
                *hi = mid + span * (0.5 + FIT_MARGIN);
            };
            grow(&mut x0, &mut x1);
            grow(&mut y0, &mut y1);
        }
        let scale = (frame.width() / (x1 - x0)).min(frame.height() / (y1 - y0));
        View {
            proj,
            frame,
            scale,
            centre: (0.5 * (x0 + x1), 0.5 * (y0 + y1)),
        }
    }

    pub fn px(&self, lon: f64, lat: f64) -> Px {
        let (x, y) = self.proj.forward(lon, lat);
        self.xy_to_px(x, y)
    }

    fn xy_to_px(&self, x: f64, y: f64) -> Px {
        (
            0.5 * (self.frame.x0 + self.frame.x1) + (x - self.centre.0) * self.scale,
            0.5 * (self.frame.y0 + self.frame.y1) - (y - self.centre.1) * self.scale,
        )
    }

    /// Back from pixels to longitude/latitude.
    pub fn lon_lat(&self, p: Px) -> (f64, f64) {
        let x = self.centre.0 + (p.0 - 0.5 * (self.frame.x0 + self.frame.x1)) / self.scale;
        let y = self.centre.1 - (p.1 - 0.5 * (self.frame.y0 + self.frame.y1)) / self.scale;
        self.proj.inverse(x, y)
    }

    /// Projects a line, cutting it where it crosses the meridian opposite the centre (the
    /// cone's seam), so no segment jumps across the map.
    fn project_path(&self, path: &[[f64; 2]]) -> Vec<Vec<Px>> {
        let lon0 = self.proj.central_meridian();
        let rel = |lon: f64| (lon - lon0 + 180.0).rem_euclid(360.0) - 180.0;
        let mut out: Vec<Vec<Px>> = vec![Vec::new()];
        let mut last: Option<f64> = None;
        for p in path {
            let r = rel(p[0]);
            if last.is_some_and(|l| (r - l).abs() > 180.0) {
                out.push(Vec::new());
            }
            last = Some(r);
            if let Some(cur) = out.last_mut() {
                cur.push(self.px(p[0], p[1]));
            }
        }
        out.retain(|p| p.len() >= 2);
        out
    }
}

fn box_outline(b: [f64; 4]) -> Vec<[f64; 2]> {
    let [x0, y0, x1, y1] = b;
    let mut pts = Vec::new();
    for i in 0..=16 {
        let t = i as f64 / 16.0;
        let lon = x0 + (x1 - x0) * t;
        let lat = y0 + (y1 - y0) * t;
        pts.extend([[lon, y0], [lon, y1], [x0, lat], [x1, lat]]);
    }
    pts
}

fn round_to(v: f64, step: f64) -> f64 {
    (v / step).round() * step
}

fn in_clip_box(p: [f64; 2]) -> bool {
    let [x0, y0, x1, y1] = CLIP_BOX;
    (x0..=x1).contains(&p[0]) && (y0..=y1).contains(&p[1])
}

/// A place as the map draws it: from `places.geojson`, or made up from a movement's or an
/// event's own name and coordinate when that file was not given.
#[derive(Debug, Clone)]
struct Site {
    id: String,
    name_en: String,
    name_ar: String,
    symbol: PlaceSymbol,
    point: [f64; 2],
    mentions: u32,
    /// 3 named by a movement, 2 by an event, 1 otherwise.
    tier: u8,
}

fn sites(data: &MapData) -> BTreeMap<String, Site> {
    let mut sites: BTreeMap<String, Site> = BTreeMap::new();
    for p in data.places() {
        sites.entry(p.id.clone()).or_insert_with(|| Site {
            id: p.id.clone(),
            name_en: p.name_en.clone(),
            name_ar: p.name_ar.clone(),
            symbol: PlaceSymbol::of_kind(&p.kind),
            point: p.point,
            mentions: p.mentions,
            tier: 1,
        });
    }
    let mut add = |id: &str, name: &str, point: [f64; 2], tier: u8| {
        let s = sites.entry(id.to_owned()).or_insert_with(|| Site {
            id: id.to_owned(),
            name_en: name.to_owned(),
            name_ar: String::new(),
            symbol: PlaceSymbol::Poi,
            point,
            mentions: 0,
            tier,
        });
        s.tier = s.tier.max(tier);
    };
    for m in data.movements() {
        let (first, last) = (m.line[0], m.line[m.line.len() - 1]);
        add(&m.origin, &m.origin_name, first, 3);
        add(&m.destination, &m.destination_name, last, 3);
    }
    for e in data.events() {
        add(&e.place, &e.place_name, e.point, 2);
    }
    // Via places take their coordinates from places.geojson only: the line's vertices do not
    // say which one is the via.
    for m in data.movements() {
        for v in &m.via {
            if let Some(s) = sites.get_mut(v) {
                s.tier = 3;
            }
        }
    }
    sites
}

/// The points the default view fits: what is drawn, inside the basemap's box. Movements that
/// leave the box (to Europe, America) are fitted by their ends inside it and drawn to the
/// frame's edge.
fn focus_points(data: &MapData, sites: &BTreeMap<String, Site>) -> Vec<[f64; 2]> {
    let mut pts: Vec<[f64; 2]> = Vec::new();
    for s in sites.values() {
        if s.symbol != PlaceSymbol::Hidden && in_clip_box(s.point) {
            pts.push(s.point);
        }
    }
    for e in data.events() {
        if in_clip_box(e.point) {
            pts.push(e.point);
        }
    }
    for m in data.movements() {
        if m.line.iter().all(|&p| in_clip_box(p)) {
            pts.extend(m.line.iter().copied());
        }
    }
    pts
}

/// Movement line width in px at unit size: 2 px for one vehicle up to 10 px for a thousand or
/// more, on a log scale (convoys range from a handful of trucks to hundreds).
pub(crate) fn movement_width(vehicles: Option<u32>) -> f64 {
    match vehicles {
        None => 3.0,
        Some(v) => {
            let t = ((v.max(1) as f64).log10() / 3.0).clamp(0.0, 1.0);
            2.0 + 8.0 * t
        }
    }
}

/// Text of one or more lines, each with its size and colour.
pub(crate) struct Block {
    lines: Vec<(Line, f64, Rgb)>,
}

/// How the lines of a block line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Centre,
    Right,
}

impl Block {
    pub fn new() -> Block {
        Block { lines: Vec::new() }
    }

    pub fn line(
        mut self,
        text: &str,
        size: f64,
        weight: Weight,
        tracking: f32,
        colour: Rgb,
    ) -> Block {
        if !text.trim().is_empty() {
            self.lines
                .push((shape(text.trim(), weight, tracking), size, colour));
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    fn metrics(l: &Line, size: f64) -> (f64, f64) {
        let s = size as f32;
        (
            (l.ascent(s) as f64).max(0.72 * size),
            (l.descent(s) as f64).max(0.2 * size),
        )
    }

    /// Width and height of the ink area, px.
    pub fn size(&self) -> (f64, f64) {
        let w = self
            .lines
            .iter()
            .map(|(l, s, _)| l.width(*s as f32) as f64)
            .fold(0.0, f64::max);
        let mut h = 0.0;
        for (i, (l, s, _)) in self.lines.iter().enumerate() {
            let (a, d) = Block::metrics(l, *s);
            h += a + d + if i > 0 { 0.18 * s } else { 0.0 };
        }
        (w, h)
    }

    /// Draws the block in `rect` (its ink box), lines aligned as asked.
    pub fn draw(
        &self,
        out: &mut String,
        glyphs: &mut GlyphSet,
        rect: Rect,
        align: Align,
        halo: Option<(Rgb, f64)>,
    ) {
        let mut y = rect.y0;
        let halo_hex = halo.map(|(c, w)| (c.hex(), w));
        for (i, (l, s, colour)) in self.lines.iter().enumerate() {
            let (a, d) = Block::metrics(l, *s);
            if i > 0 {
                y += 0.18 * s;
            }
            let w = l.width(*s as f32) as f64;
            let x = match align {
                Align::Left => rect.x0,
                Align::Right => rect.x1 - w,
                Align::Centre => 0.5 * (rect.x0 + rect.x1 - w),
            };
            let fill = colour.hex();
            let paint = Paint {
                size: *s as f32,
                fill: &fill,
                halo: halo_hex.as_ref().map(|(c, w)| (c.as_str(), *w as f32)),
            };
            glyphs.draw(out, l, x as f32, (y + a) as f32, paint);
            y += a + d;
        }
    }
}

/// A label waiting for a place: what it says, where, and how to draw it.
struct PendingLabel {
    spec: LabelSpec,
    /// One block per size in `spec.sizes`.
    blocks: Vec<Block>,
    /// Space between ink and the box edge (the halo), px.
    pad: f64,
    halo: bool,
}

impl PendingLabel {
    /// A label whose `blocks` are its full text and shorter forms; the first `complete` of
    /// them say everything (see [`LabelSpec::complete`]).
    fn new(
        anchor: Px,
        clearance: f64,
        anchoring: Anchoring,
        blocks: Vec<Block>,
        complete: usize,
        pad: f64,
    ) -> PendingLabel {
        let blocks: Vec<Block> = blocks.into_iter().filter(|b| !b.is_empty()).collect();
        let sizes = blocks
            .iter()
            .map(|b| {
                let (w, h) = b.size();
                (w + 2.0 * pad, h + 2.0 * pad)
            })
            .collect();
        PendingLabel {
            spec: LabelSpec {
                anchor,
                sizes,
                complete,
                clearance,
                anchoring,
            },
            blocks,
            pad,
            halo: true,
        }
    }
}

/// Everything a map needs while it is drawn.
struct Canvas<'a> {
    opts: &'a MapOptions,
    lay: Layout,
    view: View,
    pal: Palette,
    glyphs: GlyphSet,
    obstacles: Vec<Obstacle>,
    labels: Vec<PendingLabel>,
    drawn: Drawn,
    /// Directions (radians, screen) in which arrows leave each place, so event markers can
    /// sit clear of them.
    arrow_dirs: BTreeMap<String, Vec<f64>>,
}

pub(crate) fn draw(data: &MapData, opts: &MapOptions) -> Result<String> {
    let lay = Layout::new(opts);
    let sites = sites(data);
    let focus = focus_points(data, &sites);
    let view = View::fit(&focus, opts.bbox, lay.frame);
    let mut c = Canvas {
        opts,
        view,
        pal: palette(opts.theme),
        glyphs: GlyphSet::default(),
        obstacles: Vec::new(),
        labels: Vec::new(),
        drawn: Drawn::default(),
        arrow_dirs: BTreeMap::new(),
        lay,
    };
    let u = c.lay.u;
    let (w, h) = (c.lay.width, c.lay.height);

    let mut map = String::new();
    c.basemap(&mut map, &focus)?;
    let furniture = c.furniture()?;
    let site_px = c.site_positions(&sites);
    c.movements(&mut map, data, &sites, &site_px)?;
    c.places(&mut map, &sites, &site_px)?;
    c.events(&mut map, data, &sites, &site_px)?;
    c.place_labels(&sites, &site_px);
    c.country_labels();
    c.river_labels();
    let labels = c.draw_labels()?;

    let mut page = String::new();
    let frame = c.lay.frame;
    let _ = writeln!(
        page,
        "<rect width=\"{}\" height=\"{}\" fill=\"{}\"/>",
        num(w),
        num(h),
        c.pal.page.hex()
    );
    let _ = writeln!(
        page,
        "<g clip-path=\"url(#frame)\">\n<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
        num(frame.x0),
        num(frame.y0),
        num(frame.width()),
        num(frame.height()),
        c.pal.sea.hex()
    );
    page.push_str(&map);
    page.push_str(&labels);
    page.push_str(&furniture);
    page.push_str("</g>\n");
    let _ = writeln!(
        page,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
        num(frame.x0),
        num(frame.y0),
        num(frame.width()),
        num(frame.height()),
        c.pal.frame.hex(),
        num(1.2 * u)
    );
    c.titles(&mut page, data);
    let panel = legend::panel(
        &c.drawn,
        &c.lay,
        &c.view,
        &c.pal,
        opts.labels,
        &mut c.glyphs,
    )?;
    page.push_str(&panel);

    let title = opts.title.as_deref().unwrap_or(DEFAULT_TITLE);
    let mut svg = String::with_capacity(page.len() + 200_000);
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">",
        num(w),
        num(h),
        num(w),
        num(h)
    );
    let _ = writeln!(svg, "<title>{}</title>", esc(title));
    let (fx0, fy1) = c.view.lon_lat((frame.x0, frame.y1));
    let (fx1, fy0) = c.view.lon_lat((frame.x1, frame.y0));
    let _ = writeln!(
        svg,
        "<desc>Projection: {}. Map frame ({} {} to {} {} px) corners: lower left {:.4} {:.4}, \
         upper right {:.4} {:.4} (lon lat). {}</desc>",
        c.view.proj.proj_string(),
        num(frame.x0),
        num(frame.y1),
        num(frame.x1),
        num(frame.y0),
        fx0,
        fy1,
        fx1,
        fy0,
        esc(ATTRIBUTION)
    );
    svg.push_str("<defs>\n");
    svg.push_str(&c.glyphs.defs());
    let _ = writeln!(
        svg,
        "<clipPath id=\"frame\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
        num(frame.x0),
        num(frame.y0),
        num(frame.width()),
        num(frame.height())
    );
    svg.push_str("</defs>\n");
    svg.push_str(&page);
    svg.push_str("</svg>\n");
    Ok(svg)
}

impl Canvas<'_> {
    /// Sea, land, lakes, boundaries, rivers, coasts and borders.
    fn basemap(&mut self, out: &mut String, focus: &[[f64; 2]]) -> Result<()> {
        let b = basemap();
        let u = self.lay.u;
        let pal = self.pal;
        let (w, h) = (self.lay.width, self.lay.height);
        let cull = self.lay.frame.inflate(20.0 * u);
        let view = &self.view;
        let visible = |pts: &[Px]| {
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for p in pts {
                x0 = x0.min(p.0);
                y0 = y0.min(p.1);
                x1 = x1.max(p.0);
                y1 = y1.max(p.1);
            }
            pts.len() >= 2 && Rect { x0, y0, x1, y1 }.overlaps(&cull)
        };
        let project = |path: &[[f64; 2]]| -> Vec<Vec<Px>> {
            view.project_path(path)
                .into_iter()
                .map(|p| thin(&p, 0.5))
                .filter(|p| visible(p))
                .collect()
        };
        let round = [
            ("stroke-linejoin", "round".to_owned()),
            ("stroke-linecap", "round".to_owned()),
        ];
        let land = layer(w, h, &[], |pen| {
            for c in &b.countries {
                let focal = c.kind == "country"
                    && focus
                        .iter()
                        .any(|&p| c.polygons.iter().any(|rings| contains(rings, p)));
                let colour = if focal { pal.land_focus } else { pal.land };
                for rings in &c.polygons {
                    // Holes (Dhekelia's enclaves) are other land: filling exteriors is enough.
                    for ring in project(&rings[0]) {
                        pen.polygon(&ring, colour, 1.0);
                    }
                }
            }
            for lake in &b.lakes {
                for &(start, n) in &lake.polygons {
                    for (k, ring) in lake.paths[start..start + n].iter().enumerate() {
                        let colour = if k == 0 { pal.sea } else { pal.land };
                        for p in project(ring) {
                            pen.polygon(&p, colour, 1.0);
                            pen.ring(&p, pal.coast, 1.0, 0.7 * u);
                        }
                    }
                }
            }
        })?;
        out.push_str(&land);
        let admin = layer(
            w,
            h,
            &[
                ("stroke-linejoin", "round".to_owned()),
                ("stroke-dasharray", format!("{} {}", 5.0 * u, 3.0 * u)),
            ],
            |pen| {
                for line in &b.admin1 {
                    for p in project(line) {
                        pen.line(&p, pal.admin1, 1.0, 0.9 * u);
                    }
                }
            },
        )?;
        out.push_str(&admin);
        let lines = layer(w, h, &round, |pen| {
            for r in &b.rivers {
                let major = !r.name_ar.is_empty();
                for line in &r.paths {
                    for p in project(line) {
                        pen.line(&p, pal.river, 1.0, if major { 1.9 * u } else { 1.2 * u });
                    }
                }
            }
            for line in &b.coasts {
                for p in project(line) {
                    pen.line(&p, pal.coast, 1.0, 0.8 * u);
                }
            }
            for line in &b.borders {
                for p in project(line) {
                    pen.line(&p, pal.halo, 0.55, 3.2 * u);
                }
            }
            for line in &b.borders {
                for p in project(line) {
                    pen.line(&p, pal.border, 1.0, 1.3 * u);
                }
            }
        })?;
        out.push_str(&lines);
        Ok(())
    }

    /// Pixel positions of the places inside the frame.
    fn site_positions(&self, sites: &BTreeMap<String, Site>) -> BTreeMap<String, Px> {
        let inner = self.lay.frame.inflate(-2.0 * self.lay.u);
        sites
            .values()
            .filter_map(|s| {
                let p = self.view.px(s.point[0], s.point[1]);
                (inner.contains(&Rect::around(p, 0.0))).then(|| (s.id.clone(), p))
            })
            .collect()
    }

    fn symbol_radius(&self, s: &Site) -> f64 {
        s.symbol.radius() * self.lay.u
    }

    /// Arrows along the movements' lines.
    fn movements(
        &mut self,
        out: &mut String,
        data: &MapData,
        sites: &BTreeMap<String, Site>,
        site_px: &BTreeMap<String, Px>,
    ) -> Result<()> {
        let u = self.lay.u;
        let pal = self.pal;
        let (w, h) = (self.lay.width, self.lay.height);
        let frame = self.lay.frame.inflate(-1.0 * u);
        let theme = self.opts.theme;
        let actors: BTreeSet<&str> = data.movements().iter().map(|m| m.actor.as_str()).collect();
        let actor_index: BTreeMap<&str, usize> =
            actors.iter().enumerate().map(|(i, a)| (*a, i)).collect();
        // Movements along the same places, either way, are drawn side by side.
        let mut bundles: BTreeMap<(String, String, String), Vec<&Movement>> = BTreeMap::new();
        for m in data.movements() {
            let (a, b) = if m.origin <= m.destination {
                (m.origin.clone(), m.destination.clone())
            } else {
                (m.destination.clone(), m.origin.clone())
            };
            bundles.entry((a, b, m.via.join(","))).or_default().push(m);
        }
        let mut lateral: BTreeMap<&str, f64> = BTreeMap::new();
        for ((a, _, _), group) in &bundles {
            let mut group = group.clone();
            group.sort_by(|x, y| x.id.cmp(&y.id));
            let widths: Vec<f64> = group
                .iter()
                .map(|m| movement_width(m.vehicles) * u)
                .collect();
            let total: f64 = widths.iter().sum::<f64>() + 3.0 * u * (group.len() as f64 - 1.0);
            let mut at = -total / 2.0;
            for (m, wd) in group.iter().zip(&widths) {
                let centre = at + wd / 2.0;
                // Offsets are to the left of travel from the bundle's first place, so they
                // flip for movements the other way.
                lateral.insert(&m.id, if m.origin == *a { centre } else { -centre });
                at += wd + 3.0 * u;
            }
        }
        let mut order: Vec<&Movement> = data.movements().iter().collect();
        order.sort_by(|a, b| {
            movement_width(b.vehicles)
                .total_cmp(&movement_width(a.vehicles))
                .then(a.id.cmp(&b.id))
        });
        // Where lines cross the frame to or from places beyond it: (place, leaving) → points.
        let mut off_map: BTreeMap<(String, bool), Vec<Px>> = BTreeMap::new();
        for m in order {
            let colour = actor_colour(actor_index[m.actor.as_str()], theme);
            let width = movement_width(m.vehicles) * u;
            let shift = lateral.get(m.id.as_str()).copied().unwrap_or(0.0);
            let r_origin = sites.get(&m.origin).map_or(0.0, |s| self.symbol_radius(s));
            let r_dest = sites
                .get(&m.destination)
                .map_or(0.0, |s| self.symbol_radius(s));
            let mut shafts: Vec<Vec<Px>> = Vec::new();
            let mut head: Option<[Px; 3]> = None;
            let projected = self.view.project_path(&m.line);
            let n_parts = projected.len();
            for (k, part) in projected.into_iter().enumerate() {
                let part = thin(&part, 0.75 * u);
                let ease = 40.0 * u;
                let part = if shift != 0.0 {
                    offset(&part, |s, total| {
                        let edge = (s.min(total - s) / ease).clamp(0.0, 1.0);
                        shift * (0.4 + 0.6 * edge)
                    })
                } else {
                    part
                };
                let pieces = clip(&part, &frame);
                let n = pieces.len();
                for (i, piece) in pieces.into_iter().enumerate() {
                    let at_origin = piece.starts_at_origin && k == 0;
                    let at_dest = piece.ends_at_destination && k + 1 == n_parts;
                    let mut pts = piece.pts;
                    let dir = |from: Px, along: &[Px]| {
                        let to = along
                            .iter()
                            .find(|p| (p.0 - from.0).hypot(p.1 - from.1) > 15.0 * u)
                            .or(along.last())
                            .copied()
                            .unwrap_or(from);
                        (to.1 - from.1).atan2(to.0 - from.0)
                    };
                    if at_origin {
                        let d = dir(pts[0], &pts);
                        self.arrow_dirs.entry(m.origin.clone()).or_default().push(d);
                    }
                    if at_dest {
                        let rev: Vec<Px> = pts.iter().rev().copied().collect();
                        let d = dir(rev[0], &rev);
                        self.arrow_dirs
                            .entry(m.destination.clone())
                            .or_default()
                            .push(d);
                    }
                    if at_origin {
                        pts = trim_start(&pts, r_origin + 2.0 * u);
                    } else if k == 0 && i == 0 {
                        off_map
                            .entry((m.origin.clone(), false))
                            .or_default()
                            .push(pts[0]);
                    }
                    let last_piece = i + 1 == n && k + 1 == n_parts;
                    if at_dest {
                        pts = trim_end(&pts, r_dest + 2.5 * u);
                    }
                    if pts.len() < 2 {
                        continue;
                    }
                    if last_piece {
                        let len = 2.4 * width + 9.0 * u;
                        let half = 1.25 * width + 4.5 * u;
                        head = Some(arrowhead(&pts, len, half));
                        if !at_dest {
                            off_map
                                .entry((m.destination.clone(), true))
                                .or_default()
                                .push(pts[pts.len() - 1]);
                        }
                        pts = trim_end(&pts, len * 0.7);
                    }
                    if pts.len() >= 2 {
                        shafts.push(pts);
                    }
                }
            }
            if shafts.is_empty() && head.is_none() {
                continue;
            }
            // Obstacles for the labels: the shaft and the head.
            for s in &shafts {
                let coarse = thin(s, 6.0 * u);
                for seg in coarse.windows(2) {
                    self.obstacles.push(Obstacle::Segment {
                        a: seg[0],
                        b: seg[1],
                        half_width: width / 2.0 + 1.5 * u,
                    });
                }
            }
            if let Some(t) = head {
                let xs = t.map(|p| p.0);
                let ys = t.map(|p| p.1);
                self.obstacles.push(Obstacle::Rect(
                    Rect {
                        x0: xs.iter().copied().fold(f64::MAX, f64::min),
                        y0: ys.iter().copied().fold(f64::MAX, f64::min),
                        x1: xs.iter().copied().fold(f64::MIN, f64::max),
                        y1: ys.iter().copied().fold(f64::MIN, f64::max),
                    }
                    .inflate(1.0 * u),
                ));
            }
            let (alpha, dash) = match m.status.as_str() {
                "planned" => (
                    1.0,
                    Some(format!(
                        "{} {}",
                        2.2 * width + 4.0 * u,
                        1.4 * width + 3.0 * u
                    )),
                ),
                "denied" => (
                    0.6,
                    Some(format!(
                        "{} {}",
                        0.9 * width + 1.0 * u,
                        1.3 * width + 3.0 * u
                    )),
                ),
                _ => (1.0, None),
            };
            let round = vec![
                ("stroke-linejoin", "round".to_owned()),
                ("stroke-linecap", "round".to_owned()),
            ];
            let casing = layer(w, h, &round, |pen| {
                for s in &shafts {
                    pen.line(s, pal.halo, 0.9, width + 3.0 * u);
                }
                if let Some(t) = head {
                    pen.ring(&t, pal.halo, 0.9, 3.0 * u);
                }
            })?;
            let mut attrs = vec![("stroke-linejoin", "round".to_owned())];
            match &dash {
                Some(d) => attrs.push(("stroke-dasharray", d.clone())),
                None => attrs.push(("stroke-linecap", "round".to_owned())),
            }
            let shaft = layer(w, h, &attrs, |pen| {
                for s in &shafts {
                    pen.line(s, colour, alpha, width);
                }
            })?;
            let tip = layer(w, h, &round, |pen| {
                if let Some(t) = head {
                    pen.polygon(&t, colour, alpha);
                    pen.ring(&t, colour, alpha, 1.0 * u);
                }
            })?;
            let _ = writeln!(out, "<g id=\"{}\">", esc(&m.id));
            out.push_str(&casing);
            out.push_str(&shaft);
            out.push_str(&tip);
            // Via places: a ring in the movement's colour round the place's symbol.
            let vias = layer(w, h, &[], |pen| {
                for v in &m.via {
                    if let (Some(s), Some(&p)) = (sites.get(v), site_px.get(v)) {
                        let r = self.symbol_radius(s).max(2.5 * u) + 3.0 * u;
                        pen.disc(p, r + 1.5 * u, pal.halo, 0.9);
                        pen.circle(p, r, colour, 1.0, 2.2 * u);
                        self.drawn.via = true;
                    }
                }
            })?;
            out.push_str(&vias);
            out.push_str("</g>\n");
            // The legend is in English; `actor_ar` is the article's wording ("American
            // forces"), not a name.
            self.drawn
                .actor(actor_index[m.actor.as_str()], m.actor.clone(), colour);
            self.drawn.vehicles(m.vehicles);
            match m.status.as_str() {
                "planned" => self.drawn.planned = true,
                "denied" => self.drawn.denied = true,
                _ => {}
            }
        }
        // Off-map labels: one per place beyond the map and stretch of the frame's edge.
        for ((place, leaving), points) in off_map {
            let mut kept: Vec<Px> = Vec::new();
            for p in points {
                if kept.iter().all(|q| (p.0 - q.0).hypot(p.1 - q.1) > 80.0 * u) {
                    kept.push(p);
                }
            }
            let site = sites.get(&place);
            let en = site.map_or(place.as_str(), |s| s.name_en.as_str());
            let ar = site
                .map(|s| s.name_ar.as_str())
                .filter(|a| !a.is_empty())
                .unwrap_or(en);
            for p in kept {
                self.drawn.off_map = true;
                // The arrow points the way the line leaves the frame.
                let f = &self.lay.frame;
                let edges = [
                    (p.0 - f.x0, '←'),
                    (f.x1 - p.0, '→'),
                    (p.1 - f.y0, '↑'),
                    (f.y1 - p.1, '↓'),
                ];
                let arrow = edges
                    .iter()
                    .min_by(|a, b| a.0.total_cmp(&b.0))
                    .map_or('→', |e| e.1);
                let en_text = if leaving {
                    format!("{arrow} {en}")
                } else {
                    format!("from {en}")
                };
                let ar_text = if leaving {
                    format!("إلى {ar}")
                } else {
                    format!("من {ar}")
                };
                let size = 18.0 * u;
                let block = match self.opts.labels {
                    Labels::En => Block::new().line(&en_text, size, Weight::Bold, 0.0, pal.ink),
                    Labels::Ar => {
                        Block::new().line(&ar_text, size * 1.08, Weight::Bold, 0.0, pal.ink)
                    }
                    Labels::Both => Block::new()
                        .line(&en_text, size, Weight::Bold, 0.0, pal.ink)
                        .line(&ar_text, size * 1.08, Weight::Bold, 0.0, pal.ink),
                };
                let l = PendingLabel::new(p, 14.0 * u, Anchoring::Beside, vec![block], 1, 2.0 * u);
                self.labels.push(l);
            }
        }
        Ok(())
    }

    /// Place symbols, least important first so the important ones are on top.
    fn places(
        &mut self,
        out: &mut String,
        sites: &BTreeMap<String, Site>,
        site_px: &BTreeMap<String, Px>,
    ) -> Result<()> {
        let u = self.lay.u;
        let pal = self.pal;
        let mut order: Vec<&Site> = sites
            .values()
            .filter(|s| site_px.contains_key(&s.id) && s.symbol.radius() > 0.0)
            .collect();
        order.sort_by(|a, b| importance(a).cmp(&importance(b)).reverse());
        order.reverse();
        let mut obstacles = Vec::new();
        let symbols = layer(
            self.lay.width,
            self.lay.height,
            &[("stroke-linejoin", "round".to_owned())],
            |pen| {
                for s in &order {
                    let p = site_px[&s.id];
                    let r = s.symbol.radius() * u;
                    s.symbol.draw(pen, p, r, &pal);
                    obstacles.push(Obstacle::Rect(Rect::around(p, r + 1.5 * u)));
                    self.drawn.places.insert(s.symbol);
                }
            },
        )?;
        self.obstacles.extend(obstacles);
        out.push_str(&symbols);
        Ok(())
    }

    /// Event markers beside their place, one per event type there, in a row to the upper
    /// right of the symbol so it stays visible.
    fn events(
        &mut self,
        out: &mut String,
        data: &MapData,
        sites: &BTreeMap<String, Site>,
        site_px: &BTreeMap<String, Px>,
    ) -> Result<()> {
        let u = self.lay.u;
        let pal = self.pal;
        let mut at_place: BTreeMap<&str, BTreeMap<(usize, &str), usize>> = BTreeMap::new();
        for e in data.events() {
            let rank = EVENT_TYPES
                .iter()
                .position(|t| *t == e.event_type)
                .unwrap_or(EVENT_TYPES.len());
            *at_place
                .entry(e.place.as_str())
                .or_default()
                .entry((rank, e.event_type.as_str()))
                .or_default() += 1;
        }
        let re = EVENT_RADIUS * u;
        let mut markers: Vec<(String, Px, usize)> = Vec::new();
        for (place, types) in &at_place {
            let (Some(&p), Some(s)) = (site_px.get(*place), sites.get(*place)) else {
                continue;
            };
            let rs = self.symbol_radius(s);
            // The corner farthest, in angle, from every arrow at the place.
            let dirs = self.arrow_dirs.get(*place).cloned().unwrap_or_default();
            let corners = [(1.0, -1.0), (1.0, 1.0), (-1.0, -1.0), (-1.0, 1.0)];
            let clear = |c: &(f64, f64)| {
                let a = f64::atan2(c.1, c.0);
                dirs.iter()
                    .map(|d| {
                        let x = (a - d).rem_euclid(std::f64::consts::TAU);
                        x.min(std::f64::consts::TAU - x)
                    })
                    .fold(f64::MAX, f64::min)
            };
            let mut best = corners[0];
            for c in &corners[1..] {
                if clear(c) > clear(&best) + 1e-9 {
                    best = *c;
                }
            }
            let (sx, sy) = best;
            let start = (
                p.0 + sx * (rs * 0.75 + re + 1.5 * u),
                p.1 + sy * (rs * 0.75 + re + 1.0 * u),
            );
            for (k, ((_, t), count)) in types.iter().enumerate() {
                let c = (start.0 + sx * k as f64 * (2.0 * re + 3.0 * u), start.1);
                markers.push((t.to_string(), c, *count));
            }
        }
        let mut obstacles = Vec::new();
        let mut counts = Vec::new();
        let layer_svg = layer(
            self.lay.width,
            self.lay.height,
            &[("stroke-linejoin", "round".to_owned())],
            |pen| {
                for (t, c, count) in &markers {
                    draw_event_marker(pen, t, *c, re, &pal);
                    obstacles.push(Obstacle::Rect(Rect::around(*c, re * 1.25 + 1.0 * u)));
                    self.drawn.event(t, *count);
                    if *count > 1 {
                        counts.push((*c, *count));
                    }
                }
            },
        )?;
        out.push_str(&layer_svg);
        // How many events of a type a place had, as a small number under the marker's corner.
        for (c, count) in counts {
            let block = Block::new().line(&count.to_string(), 12.0 * u, Weight::Bold, 0.0, pal.ink);
            let (bw, bh) = block.size();
            let rect = Rect::new(c.0 + re * 0.55, c.1 + re * 0.1, bw, bh);
            block.draw(
                out,
                &mut self.glyphs,
                rect,
                Align::Left,
                Some((pal.halo, 1.8 * u)),
            );
            obstacles.push(Obstacle::Rect(rect.inflate(1.0 * u)));
        }
        self.obstacles.extend(obstacles);
        Ok(())
    }

    /// Labels for the places, most important first.
    fn place_labels(&mut self, sites: &BTreeMap<String, Site>, site_px: &BTreeMap<String, Px>) {
        let u = self.lay.u;
        let pal = self.pal;
        let mut order: Vec<&Site> = sites
            .values()
            .filter(|s| site_px.contains_key(&s.id) && s.symbol != PlaceSymbol::Hidden)
            .collect();
        order.sort_by_key(|s| std::cmp::Reverse(importance(s)));
        for s in order {
            let p = site_px[&s.id];
            let area = s.symbol == PlaceSymbol::Area;
            let (weight, colour, size) = if area {
                (Weight::Regular, pal.ink_soft, 16.0 * u)
            } else if s.tier == 3 {
                (Weight::Bold, pal.ink, 18.0 * u)
            } else {
                (Weight::Regular, pal.ink, 17.0 * u)
            };
            let en = s.name_en.as_str();
            let ar = if s.name_ar.is_empty() {
                en
            } else {
                s.name_ar.as_str()
            };
            let ar_size = size * 1.08;
            let line = |b: Block, text: &str, arabic: bool| {
                let sz = if arabic { ar_size } else { size };
                b.line(text, sz, weight, 0.0, colour)
            };
            // Shorter forms, tried when the full label fits nowhere: without the parenthesis
            // ("Erbil International Airport (Erbil Air Base)"), then broken over two lines.
            let en_forms = name_forms(en);
            let ar_forms = name_forms(ar);
            let mut blocks = Vec::new();
            let mut complete = usize::MAX;
            match self.opts.labels {
                Labels::En => {
                    for f in &en_forms {
                        blocks.push(f.iter().fold(Block::new(), |b, l| line(b, l, false)));
                    }
                }
                Labels::Ar => {
                    for f in &ar_forms {
                        blocks.push(f.iter().fold(Block::new(), |b, l| line(b, l, true)));
                    }
                }
                Labels::Both if s.name_ar.is_empty() => {
                    for f in &en_forms {
                        blocks.push(f.iter().fold(Block::new(), |b, l| line(b, l, false)));
                    }
                }
                Labels::Both => {
                    let ar_short = ar_forms
                        .iter()
                        .find(|f| f.len() == 1 && f[0] != ar)
                        .map_or(ar, |f| f[0].as_str());
                    for (i, f) in en_forms.iter().enumerate() {
                        let arabic = if i == 0 { ar } else { ar_short };
                        let b = f.iter().fold(Block::new(), |b, l| line(b, l, false));
                        blocks.push(line(b, arabic, true));
                    }
                    // Last resort: English alone.
                    complete = blocks.len();
                    for f in en_forms.iter().skip(1) {
                        blocks.push(f.iter().fold(Block::new(), |b, l| line(b, l, false)));
                    }
                }
            }
            let r = self.symbol_radius(s);
            let (clearance, anchoring) = if area {
                (0.0, Anchoring::Centred)
            } else {
                ((r + 3.5 * u).max(1.4 * r), Anchoring::Beside)
            };
            self.labels.push(PendingLabel::new(
                p,
                clearance,
                anchoring,
                blocks,
                complete,
                2.0 * u,
            ));
        }
    }

    /// Country names at their label points (or, when that is off the map, at the point of the
    /// visible part farthest from its edges).
    fn country_labels(&mut self) {
        let u = self.lay.u;
        let pal = self.pal;
        let frame = self.lay.frame;
        let inner = frame.inflate(-30.0 * u);
        for c in &basemap().countries {
            if c.kind != "country" {
                continue;
            }
            let at = self.view.px(c.label[0], c.label[1]);
            let at = if inner.contains(&Rect::around(at, 0.0)) {
                Some(at)
            } else {
                self.visible_interior(&c.polygons)
            };
            let Some(at) = at else { continue };
            let size = 21.0 * u;
            let en = c.name_en.to_uppercase();
            let colour = pal.country_label;
            let blocks = match self.opts.labels {
                Labels::En => vec![Block::new().line(&en, size, Weight::Bold, 140.0, colour)],
                Labels::Ar => {
                    vec![Block::new().line(&c.name_ar, size * 1.1, Weight::Bold, 0.0, colour)]
                }
                Labels::Both => vec![
                    Block::new()
                        .line(&en, size, Weight::Bold, 140.0, colour)
                        .line(&c.name_ar, size * 1.1, Weight::Bold, 0.0, colour),
                    Block::new().line(&en, size, Weight::Bold, 140.0, colour),
                ],
            };
            self.labels.push(PendingLabel::new(
                at,
                0.0,
                Anchoring::Centred,
                blocks,
                1,
                2.0 * u,
            ));
        }
    }

    /// River names beside the middle of each named river's longest visible stretch.
    fn river_labels(&mut self) {
        let u = self.lay.u;
        let colour = self.pal.river.mix(self.pal.ink, 0.25);
        let frame = self.lay.frame.inflate(-10.0 * u);
        for r in &basemap().rivers {
            if r.name_en.is_empty() {
                continue;
            }
            let mut best: Option<Vec<Px>> = None;
            for path in &r.paths {
                for part in self.view.project_path(path) {
                    for piece in clip(&part, &frame) {
                        if best
                            .as_ref()
                            .is_none_or(|b| geom::length(&piece.pts) > geom::length(b))
                        {
                            best = Some(piece.pts);
                        }
                    }
                }
            }
            let Some(line) = best else { continue };
            let len = geom::length(&line);
            if len < 250.0 * u {
                continue;
            }
            let at = geom::point_back_from_end(&line, len / 2.0);
            let size = 16.0 * u;
            let ar = if r.name_ar.is_empty() {
                &r.name_en
            } else {
                &r.name_ar
            };
            let block = match self.opts.labels {
                Labels::En => Block::new().line(&r.name_en, size, Weight::Regular, 60.0, colour),
                Labels::Ar => Block::new().line(ar, size * 1.08, Weight::Regular, 0.0, colour),
                Labels::Both if r.name_ar.is_empty() => {
                    Block::new().line(&r.name_en, size, Weight::Regular, 60.0, colour)
                }
                Labels::Both => Block::new()
                    .line(&r.name_en, size, Weight::Regular, 60.0, colour)
                    .line(ar, size * 1.08, Weight::Regular, 0.0, colour),
            };
            self.labels.push(PendingLabel::new(
                at,
                4.0 * u,
                Anchoring::Beside,
                vec![block],
                1,
                2.0 * u,
            ));
        }
    }

    /// A point well inside the part of a country the frame shows: of a grid of points, the
    /// one farthest from the frame's edges and the country's outline; None when no part is
    /// wide enough for a name.
    fn visible_interior(&self, polygons: &[Vec<super::basemap::Path>]) -> Option<Px> {
        let u = self.lay.u;
        let frame = self.lay.frame;
        let mut rings: Vec<Vec<Px>> = Vec::new();
        for poly in polygons {
            for ring in poly {
                for p in self.view.project_path(ring) {
                    rings.push(thin(&p, 6.0 * u));
                }
            }
        }
        let bbox_hit = rings
            .iter()
            .flatten()
            .any(|p| frame.contains(&Rect::around(*p, 0.0)));
        if !bbox_hit && rings.is_empty() {
            return None;
        }
        let step = 40.0 * u;
        let mut best: Option<(f64, Px)> = None;
        let mut y = frame.y0 + step / 2.0;
        while y < frame.y1 {
            let mut x = frame.x0 + step / 2.0;
            while x < frame.x1 {
                let p = (x, y);
                let mut inside = false;
                for ring in &rings {
                    for w in ring.windows(2) {
                        let (a, b) = (w[0], w[1]);
                        if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0)
                        {
                            inside = !inside;
                        }
                    }
                }
                if inside {
                    let edge = (x - frame.x0)
                        .min(frame.x1 - x)
                        .min(y - frame.y0)
                        .min(frame.y1 - y);
                    let outline = rings
                        .iter()
                        .flatten()
                        .map(|q| (q.0 - p.0).hypot(q.1 - p.1))
                        .fold(f64::MAX, f64::min);
                    let score = edge.min(outline);
                    if best.is_none_or(|(s, _)| score > s + 1e-9) {
                        best = Some((score, p));
                    }
                }
                x += step;
            }
            y += step;
        }
        best.filter(|(s, _)| *s >= 60.0 * u).map(|(_, p)| p)
    }

    /// Places every pending label and draws those that fit.
    fn draw_labels(&mut self) -> Result<String> {
        let u = self.lay.u;
        let pal = self.pal;
        let frame = self.lay.frame.inflate(-3.0 * u);
        let specs: Vec<LabelSpec> = self.labels.iter().map(|l| l.spec.clone()).collect();
        let placed = place_labels(frame, &self.obstacles, &specs);
        if std::env::var_os("CONVOY_DEBUG_LABELS").is_some() {
            for (sp, p) in specs.iter().zip(&placed) {
                eprintln!(
                    "{:?} {:?} -> {:?}",
                    sp.anchor,
                    sp.sizes,
                    p.map(|p| (p.rect, p.side, p.variant))
                );
            }
            for o in &self.obstacles {
                eprintln!("obstacle {o:?}");
            }
        }
        let mut out = String::new();
        let mut leaders: Vec<(Px, Px)> = Vec::new();
        for (l, p) in self.labels.iter().zip(&placed) {
            if let Some(p) = p {
                if let Some(seg) = p.leader {
                    leaders.push(seg);
                }
                let align = match p.side {
                    Side::Right | Side::AboveRight | Side::BelowRight => Align::Left,
                    Side::Left | Side::AboveLeft | Side::BelowLeft => Align::Right,
                    Side::Above | Side::Below | Side::Centre => Align::Centre,
                };
                let rect = p.rect.inflate(-l.pad);
                let halo = l.halo.then_some((pal.halo, 2.2 * u));
                l.blocks[p.variant].draw(&mut out, &mut self.glyphs, rect, align, halo);
            }
        }
        let leader_svg = layer(
            self.lay.width,
            self.lay.height,
            &[("stroke-linecap", "round".to_owned())],
            |pen| {
                for (a, b) in &leaders {
                    pen.line(&[*a, *b], pal.halo, 0.9, 3.0 * u);
                    pen.line(&[*a, *b], pal.ink_soft, 1.0, 1.1 * u);
                }
            },
        )?;
        Ok(leader_svg + &out)
    }

    /// North arrow and scale bar inside the frame's lower left corner; they are obstacles for
    /// labels.
    fn furniture(&mut self) -> Result<String> {
        let (svg, boxes) = legend::furniture(&self.lay, &self.view, &self.pal, &mut self.glyphs)?;
        self.obstacles.extend(boxes.into_iter().map(Obstacle::Rect));
        Ok(svg)
    }

    fn titles(&mut self, out: &mut String, data: &MapData) {
        let u = self.lay.u;
        let pal = self.pal;
        let title = self
            .opts
            .title
            .clone()
            .unwrap_or_else(|| DEFAULT_TITLE.to_owned());
        let subtitle = self
            .opts
            .subtitle
            .clone()
            .unwrap_or_else(|| default_subtitle(data));
        let width = self.lay.width - 2.0 * self.lay.margin;
        for (text, size, weight, colour, baseline) in [
            (
                title,
                38.0 * u,
                Weight::Bold,
                pal.ink,
                self.lay.title_baseline,
            ),
            (
                subtitle,
                22.0 * u,
                Weight::Regular,
                pal.ink_soft,
                self.lay.subtitle_baseline,
            ),
        ] {
            let line = shape(&text, weight, 0.0);
            // A title too long for the page is drawn smaller rather than cut.
            let size = size.min(size * width / (line.width(size as f32) as f64).max(1.0));
            let w = line.width(size as f32) as f64;
            let x = if line.rtl {
                self.lay.width - self.lay.margin - w
            } else {
                self.lay.margin
            };
            let fill = colour.hex();
            self.glyphs.draw(
                out,
                &line,
                x as f32,
                baseline as f32,
                Paint {
                    size: size as f32,
                    fill: &fill,
                    halo: None,
                },
            );
        }
        let line = shape(ATTRIBUTION, Weight::Regular, 0.0);
        let size = (13.0 * u).min(13.0 * u * width / (line.width(13.0 * u as f32) as f64).max(1.0));
        let fill = pal.ink_soft.hex();
        self.glyphs.draw(
            out,
            &line,
            self.lay.margin as f32,
            self.lay.attribution_baseline as f32,
            Paint {
                size: size as f32,
                fill: &fill,
                halo: None,
            },
        );
    }
}

/// A name's forms, longest first: as written; without parentheses; that broken over two
/// lines at the space nearest its middle (for names of three words or more).
fn name_forms(name: &str) -> Vec<Vec<String>> {
    let mut forms = vec![vec![name.to_owned()]];
    let mut short = String::new();
    let mut depth = 0;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => short.push(c),
            _ => {}
        }
    }
    let short = short.split_whitespace().collect::<Vec<_>>().join(" ");
    if !short.is_empty() && short != name {
        forms.push(vec![short.clone()]);
    }
    let base = if short.is_empty() {
        name.to_owned()
    } else {
        short
    };
    let spaces: Vec<usize> = base.match_indices(' ').map(|(i, _)| i).collect();
    if spaces.len() >= 2 {
        let mid = base.len() / 2;
        let at = spaces
            .iter()
            .copied()
            .min_by_key(|&i| (i as i64 - mid as i64).abs())
            .unwrap_or(0);
        forms.push(vec![base[..at].to_owned(), base[at + 1..].to_owned()]);
    }
    forms
}

/// Ordering key: places named by movements, then by events, then the rest; more mentions
/// first; then by id.
fn importance(s: &Site) -> (u8, u8, u32, std::cmp::Reverse<String>) {
    let shown = match s.symbol {
        PlaceSymbol::Area => 0,
        _ => 1,
    };
    (shown, s.tier, s.mentions, std::cmp::Reverse(s.id.clone()))
}

/// "2020-01-08 – 2026-02-16 · 5 articles", or "no movements found".
pub(crate) fn default_subtitle(data: &MapData) -> String {
    if data.movements().is_empty() && data.events().is_empty() {
        return "no movements found".to_owned();
    }
    let dates = match data.date_range() {
        Some((a, b)) if a == b => a.to_owned(),
        Some((a, b)) => format!("{a} – {b}"),
        None => "dates not stated".to_owned(),
    };
    let n = data.docs().len();
    format!("{dates} · {n} article{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_have_shorter_forms() {
        let f = name_forms("Erbil International Airport (Erbil Air Base)");
        assert_eq!(f[1], vec!["Erbil International Airport"]);
        assert_eq!(f[2], vec!["Erbil International", "Airport"]);
        assert_eq!(name_forms("Erbil").len(), 1);
    }

    #[test]
    fn widths_grow_with_vehicles() {
        assert_eq!(movement_width(Some(1)), 2.0);
        assert_eq!(movement_width(Some(1000)), 10.0);
        assert_eq!(movement_width(Some(5000)), 10.0);
        assert!(movement_width(Some(10)) < movement_width(Some(100)));
        assert_eq!(movement_width(None), 3.0);
    }

    #[test]
    fn default_view_fits_iraq_and_syria() {
        let frame = Rect::new(0.0, 0.0, 1500.0, 1300.0);
        let v = View::fit(&[], None, frame);
        let (x, y) = v.px(42.0, 33.0);
        assert!(frame.contains(&Rect::around((x, y), 0.0)));
        let (lat1, lat2) = v.proj.parallels();
        assert!((lat1 - 30.4).abs() < 0.01 && (lat2 - 36.0).abs() < 0.01);
        let (lon, lat) = v.lon_lat(v.px(40.0, 35.0));
        assert!((lon - 40.0).abs() < 1e-9 && (lat - 35.0).abs() < 1e-9);
    }
}
