//! The drawing: page layout, the view (projection and extent), basemap, movements, events,
//! places and labels, assembled into one SVG document.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::basemap::{basemap, contains, CLIP_BOX};
use super::geom::{self, clip, clip_ring, thin};
use super::ids::XmlIds;
use super::labels::{place_labels, segment_distance, Anchoring, LabelSpec, Obstacle, Rect, Side};
use super::legend::{self, Drawn};
use super::scene::Scene;
use super::style::{draw_event_marker, palette, Palette, PlaceSymbol, EVENT_RADIUS};
use super::svg::{esc, layer, num, Px};
use super::text::{shape, Align, Block, GlyphSet, Paint, TextForm, Weight};
use super::view::{in_clip_box, Layout, View};
use super::words::Words;
use super::{Labels, MapOptions};
use crate::error::Result;

/// A place as the map draws it: from `places.geojson`, or made up from a movement's or an
/// event's own name and coordinate when that file was not given.
#[derive(Debug, Clone)]
pub(super) struct Site {
    pub(super) id: String,
    pub(super) name_en: String,
    pub(super) name_ar: String,
    pub(super) symbol: PlaceSymbol,
    pub(super) point: [f64; 2],
    pub(super) mentions: u32,
    /// 3 named by a movement, 2 by an event, 1 otherwise.
    pub(super) tier: u8,
}

fn sites(scene: &Scene) -> BTreeMap<String, Site> {
    let mut sites: BTreeMap<String, Site> = BTreeMap::new();
    for p in scene.places().values() {
        sites.insert(
            p.id.clone(),
            Site {
                id: p.id.clone(),
                name_en: p.name_en.clone(),
                name_ar: p.name_ar.clone(),
                symbol: PlaceSymbol::of_kind(&p.kind),
                point: p.point,
                mentions: p.mentions,
                tier: 1,
            },
        );
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
    // A coarse end (a country, a region) is not where its line ends: the scene keeps no end
    // there.
    for (id, (name, point)) in scene.ends() {
        add(id, name, *point, 3);
    }
    for (id, e) in scene.event_places() {
        add(id, &e.name, e.first, 2);
    }
    // A country, governorate or region stands where its events do (its interior point), not
    // at the capital or representative town where the gazetteer and places.geojson put it.
    for (id, e) in scene.event_places() {
        if let Some(s) = sites.get_mut(id) {
            if matches!(s.symbol, PlaceSymbol::Hidden | PlaceSymbol::Area) {
                s.point = e.last;
            }
        }
    }
    // Via places take their coordinates from places.geojson only: the line's vertices do not
    // say which one is the via.
    for v in scene.vias() {
        if let Some(s) = sites.get_mut(v) {
            s.tier = 3;
        }
    }
    sites
}

/// The points the default view fits: what is drawn, inside the basemap's box. Movements that
/// leave the box (to Europe, America) are fitted by their ends inside it and drawn to the
/// frame's edge. Each distinct line and point counts once: the fit is their extent.
fn focus_points<'a>(
    scene: &'a Scene,
    sites: &'a BTreeMap<String, Site>,
) -> impl Iterator<Item = [f64; 2]> + Clone + 'a {
    let sites = sites
        .values()
        .filter(|s| s.symbol != PlaceSymbol::Hidden && in_clip_box(s.point))
        .map(|s| s.point);
    let events = scene.event_points().filter(|&p| in_clip_box(p));
    let lines = scene
        .lines()
        .filter(|l| l.clone().all(in_clip_box))
        .flatten();
    sites.chain(events).chain(lines)
}

/// A label waiting for a place: what it says, where, and how to draw it.
pub(super) struct PendingLabel {
    pub(super) spec: LabelSpec,
    /// One block per size in `spec.sizes`.
    pub(super) blocks: Vec<Block>,
    /// Space between ink and the box edge (the halo), px.
    pub(super) pad: f64,
    pub(super) halo: bool,
}

impl PendingLabel {
    /// A label whose `blocks` are its full text and shorter forms; the first `complete` of
    /// them say everything (see [`LabelSpec::complete`]).
    pub(super) fn new(
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
                more_anchors: Vec::new(),
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
pub(super) struct Canvas<'a> {
    pub(super) opts: &'a MapOptions,
    pub(super) lay: Layout,
    pub(super) view: View,
    pub(super) pal: Palette,
    pub(super) glyphs: GlyphSet,
    pub(super) obstacles: Vec<Obstacle>,
    pub(super) labels: Vec<PendingLabel>,
    pub(super) drawn: Drawn,
    /// Directions (radians, screen) in which arrows leave each place, so event markers can
    /// sit clear of them.
    pub(super) arrow_dirs: BTreeMap<String, Vec<f64>>,
    /// Where meridians (true) and parallels (false) meet the frame's edge, and their degrees.
    pub(super) graticule_marks: Vec<(Px, String, bool)>,
    /// The document's element ids.
    pub(super) ids: XmlIds,
}

/// The SVG's top-level groups, bottom to top: each one a layer in Inkscape
/// (`inkscape:groupmode="layer"`) and in Illustrator (a top-level `<g>` with an id).
pub(crate) const LAYERS: [&str; 7] = [
    "basemap",
    "movements",
    "places",
    "events",
    "labels",
    "frame",
    "legend",
];

/// Wraps `body` as the layer `name` (one of [`LAYERS`]).
fn layer_group(out: &mut String, name: &str, body: &str) {
    let _ = writeln!(
        out,
        "<g id=\"{name}\" inkscape:groupmode=\"layer\" inkscape:label=\"{name}\">"
    );
    out.push_str(body);
    out.push_str("</g>\n");
}

/// Opens the group that draws one feature: its XML id (see [`super::ids`]) and its GeoJSON id.
pub(super) fn open_feature(out: &mut String, ids: &mut XmlIds, class: &str, feature_id: &str) {
    let _ = writeln!(
        out,
        "<g id=\"{}\" class=\"{class}\" data-feature-id=\"{}\">",
        ids.claim(feature_id),
        esc(feature_id)
    );
}

/// Opens the one element drawn for several features (a flow of trips, a marker for many
/// events): `id` and `data-feature-id` are the first's, `data-feature-ids` lists them all and
/// `data-count` says how many; `extra` adds attributes (` data-vehicles="…"`).
pub(super) fn open_shared(
    out: &mut String,
    ids: &mut XmlIds,
    class: &str,
    feature_ids: &[&str],
    extra: &str,
) {
    let first = feature_ids.first().copied().unwrap_or_default();
    let all: Vec<String> = feature_ids.iter().map(|id| esc(id)).collect();
    let _ = writeln!(
        out,
        "<g id=\"{}\" class=\"{class}\" data-feature-id=\"{}\" data-feature-ids=\"{}\" \
         data-count=\"{}\"{extra}>",
        ids.claim(first),
        esc(first),
        all.join(" "),
        feature_ids.len()
    );
}

/// Up to this many events of a type at a place each draw the marker they share, as elements of
/// their own; more (an overview of a corpus) are one element listing them.
const STACKED_EVENTS: usize = 8;

/// A map drawn once, its text recorded: written as the SVG file (text as `<text>`) or as the
/// SVG the PNG is rasterised from (text as outlines).
pub(crate) struct Drawing {
    /// The SVG up to where the `@font-face` rules go, and the rest; text as marks.
    head: String,
    body: String,
    glyphs: GlyphSet,
}

impl Drawing {
    /// The SVG file: text as `<text>` in the embedded fonts, each cut to what it draws.
    pub fn svg(&self) -> Result<String> {
        let (body, fonts) = self.glyphs.write(&self.body, TextForm::Text);
        let css = fonts.css()?;
        Ok([self.head.as_str(), &css, &body].concat())
    }

    /// The SVG the PNG is rasterised from: text as outlines.
    pub fn outlined(&self) -> String {
        let (body, _) = self.glyphs.write(&self.body, TextForm::Outlines);
        [self.head.as_str(), &body].concat()
    }
}

/// Draws the map: layout, basemap, features, labels and furniture, with its text recorded.
pub(crate) fn draw(data: &Scene, opts: &MapOptions) -> Result<Drawing> {
    let lay = Layout::new(opts);
    let sites = sites(data);
    let focus = focus_points(data, &sites);
    let view = View::fit(focus, opts.bbox, lay.frame);
    let mut c = Canvas {
        opts,
        view,
        pal: palette(opts.theme),
        glyphs: GlyphSet::default(),
        obstacles: Vec::new(),
        labels: Vec::new(),
        drawn: Drawn::default(),
        arrow_dirs: BTreeMap::new(),
        graticule_marks: Vec::new(),
        ids: XmlIds::default(),
        lay,
    };
    for name in LAYERS {
        c.ids.claim(name);
    }
    let u = c.lay.u;
    let (w, h) = (c.lay.width, c.lay.height);

    // Countries holding a place or an event are drawn lighter: the map's subject.
    let anchors: Vec<[f64; 2]> = sites
        .values()
        .map(|s| s.point)
        .chain(data.event_points())
        .collect();
    let mut base = String::new();
    let _ = writeln!(
        base,
        "<rect width=\"{}\" height=\"{}\" fill=\"{}\" shape-rendering=\"crispEdges\"/>",
        num(w),
        num(h),
        c.pal.page.hex()
    );
    let frame = c.lay.frame;
    let _ = writeln!(
        base,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
        num(frame.x0),
        num(frame.y0),
        num(frame.width()),
        num(frame.height()),
        // Outside the basemap's box there is no data: page colour, not sea.
        c.pal.page.hex()
    );
    c.basemap(&mut base, &anchors)?;
    let furniture = c.furniture()?;
    let site_px = c.site_positions(&sites);
    let mut movements = String::new();
    c.movements(&mut movements, data, &sites, &site_px)?;
    let mut places = String::new();
    c.places(&mut places, &sites, &site_px)?;
    let mut events = String::new();
    c.events(&mut events, data, &sites, &site_px)?;
    c.place_labels(&sites, &site_px);
    c.country_labels();
    c.river_labels();
    let labels = c.draw_labels()?;

    let mut edge = String::new();
    // The map is cut to the frame by painting the page round it, not by a clip path: lines
    // and fills are already cut to the frame, so only a symbol's edge can stick out, and a
    // clip path would make the rasteriser draw the whole map on a layer of its own and mask
    // it, which takes longer than all the rest.
    let _ = writeln!(
        edge,
        "<path d=\"M0 0H{w}V{h}H0Z M{x0} {y0}V{y1}H{x1}V{y0}Z\" fill=\"{}\" fill-rule=\"evenodd\" \
         shape-rendering=\"crispEdges\"/>",
        c.pal.page.hex(),
        w = num(w),
        h = num(h),
        x0 = num(frame.x0),
        y0 = num(frame.y0),
        x1 = num(frame.x1),
        y1 = num(frame.y1),
    );
    let _ = writeln!(
        edge,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
        num(frame.x0),
        num(frame.y0),
        num(frame.width()),
        num(frame.height()),
        c.pal.frame.hex(),
        num(1.2 * u)
    );
    c.graticule_labels(&mut edge);
    let mut legend = furniture;
    c.titles(&mut legend, data);
    let panel = legend::panel(&c.drawn, &c.lay, &c.view, &c.pal, &mut c.glyphs)?;
    legend.push_str(&panel);

    let mut page = String::new();
    for (name, body) in LAYERS
        .iter()
        .zip([&base, &movements, &places, &events, &labels, &edge, &legend])
    {
        layer_group(&mut page, name, body);
    }

    let words = c.lay.words;
    let title = opts.title.as_deref().unwrap_or(words.default_title());
    let mut head = String::new();
    let _ = writeln!(
        head,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">",
        num(w),
        num(h),
        num(w),
        num(h)
    );
    let _ = writeln!(head, "<title>{}</title>", esc(title));
    let mut svg = String::with_capacity(page.len() + 1000);
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
        esc(words.attribution())
    );
    svg.push_str(&page);
    svg.push_str("</svg>\n");
    Ok(Drawing {
        head,
        body: svg,
        glyphs: c.glyphs,
    })
}

impl Canvas<'_> {
    /// Sea, land, lakes, boundaries, rivers, coasts and borders.
    fn basemap(&mut self, out: &mut String, anchors: &[[f64; 2]]) -> Result<()> {
        let graticule = self.graticule()?;
        let b = basemap();
        let u = self.lay.u;
        let pal = self.pal;
        let (w, h) = (self.lay.width, self.lay.height);
        let cull = self.lay.frame;
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
        // Lines are cut to the frame (plus a margin the clip path hides) and fills clipped to
        // it: stroking and filling only what shows keeps rasterising fast.
        let lines = |path: &[[f64; 2]]| -> Vec<Vec<Px>> {
            view.project_path(path)
                .into_iter()
                .map(|p| thin(&p, 0.5))
                .filter(|p| visible(p))
                .flat_map(|p| clip(&p, &cull).into_iter().map(|piece| piece.pts))
                .collect()
        };
        let fills = |path: &[[f64; 2]]| -> Vec<Vec<Px>> {
            view.project_path(path)
                .into_iter()
                .map(|p| thin(&p, 0.5))
                .filter(|p| visible(p))
                .map(|p| clip_ring(&p, &cull))
                .filter(|p| p.len() >= 3)
                .collect()
        };
        let round = [
            ("stroke-linejoin", "round".to_owned()),
            ("stroke-linecap", "round".to_owned()),
        ];
        let land = layer(w, h, &[], |pen| {
            // The sea is the basemap's box; countries and lakes are drawn over it.
            let [x0, y0, x1, y1] = CLIP_BOX;
            let n = 64;
            let mut outline: Vec<[f64; 2]> = Vec::new();
            for i in 0..n {
                outline.push([x0 + (x1 - x0) * i as f64 / n as f64, y0]);
            }
            for i in 0..n {
                outline.push([x1, y0 + (y1 - y0) * i as f64 / n as f64]);
            }
            for i in 0..n {
                outline.push([x1 - (x1 - x0) * i as f64 / n as f64, y1]);
            }
            for i in 0..n {
                outline.push([x0, y1 - (y1 - y0) * i as f64 / n as f64]);
            }
            for ring in fills(&outline) {
                pen.polygon(&ring, pal.sea, 1.0);
            }
            for c in &b.countries {
                let focal = c.kind == "country"
                    && anchors
                        .iter()
                        .any(|&p| c.polygons.iter().any(|rings| contains(rings, p)));
                let colour = if focal { pal.land_focus } else { pal.land };
                for rings in &c.polygons {
                    // Holes (Dhekelia's enclaves) are other land: filling exteriors is enough.
                    for ring in fills(&rings[0]) {
                        pen.polygon(&ring, colour, 1.0);
                    }
                }
            }
            for lake in &b.lakes {
                for &(start, n) in &lake.polygons {
                    for (k, ring) in lake.paths[start..start + n].iter().enumerate() {
                        let colour = if k == 0 { pal.sea } else { pal.land };
                        for p in fills(ring) {
                            pen.polygon(&p, colour, 1.0);
                        }
                        for p in lines(ring) {
                            pen.line(&p, pal.coast, 1.0, 0.7 * u);
                        }
                    }
                }
            }
        })?;
        out.push_str(&land);
        out.push_str(&graticule);
        let admin = layer(
            w,
            h,
            &[
                ("stroke-linejoin", "round".to_owned()),
                ("stroke-dasharray", format!("{} {}", 5.0 * u, 3.0 * u)),
            ],
            |pen| {
                for line in &b.admin1 {
                    for p in lines(line) {
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
                    for p in lines(line) {
                        pen.line(&p, pal.river, 1.0, if major { 1.9 * u } else { 1.2 * u });
                    }
                }
            }
            for line in &b.coasts {
                for p in lines(line) {
                    pen.line(&p, pal.coast, 1.0, 0.8 * u);
                }
            }
            for line in &b.borders {
                for p in lines(line) {
                    pen.line(&p, pal.border, 1.0, 1.3 * u);
                }
            }
        })?;
        out.push_str(&lines);
        Ok(())
    }

    /// Meridians and parallels every 0.5°, 1°, 2°, 5° or 10° (at most 10 across the frame),
    /// drawn faintly; their degrees are written outside the frame, meridians below it
    /// and parallels to its right, for readers matching the map to a GIS.
    fn graticule(&mut self) -> Result<String> {
        let u = self.lay.u;
        let f = self.lay.frame;
        let (mut lon0, mut lon1, mut lat0, mut lat1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for i in 0..=40 {
            let t = i as f64 / 40.0;
            for p in [
                (f.x0 + t * f.width(), f.y0),
                (f.x0 + t * f.width(), f.y1),
                (f.x0, f.y0 + t * f.height()),
                (f.x1, f.y0 + t * f.height()),
            ] {
                let (lon, lat) = self.view.lon_lat(p);
                lon0 = lon0.min(lon);
                lon1 = lon1.max(lon);
                lat0 = lat0.min(lat);
                lat1 = lat1.max(lat);
            }
        }
        // One step for both, so the grid's cells look alike.
        let span = (lon1 - lon0).max(lat1 - lat0);
        let s = [0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0]
            .into_iter()
            .find(|s| span / s <= 10.0)
            .unwrap_or(45.0);
        let (slon, slat) = (s, s);
        let ticks = |lo: f64, hi: f64, s: f64| {
            let first = (lo / s).ceil() as i64;
            let last = (hi / s).floor() as i64;
            (first..=last).map(move |k| k as f64 * s)
        };
        let lat_lo = (lat0 - 1.0).max(-89.0);
        let lat_hi = (lat1 + 1.0).min(89.0);
        let mut lines: Vec<Vec<Px>> = Vec::new();
        let mut marks: Vec<(Px, String, bool)> = Vec::new();
        let words = self.lay.words;
        // The parallels' degrees stand on the side of the frame away from the legend.
        let side_x = if words.rtl { f.x0 } else { f.x1 };
        let edge = f.inflate(0.01);
        for lon in ticks(lon0, lon1, slon) {
            let n = ((lat_hi - lat_lo) / 0.1).ceil() as usize;
            let path: Vec<[f64; 2]> = (0..=n)
                .map(|i| [lon, lat_lo + (lat_hi - lat_lo) * i as f64 / n as f64])
                .collect();
            for part in self.view.project_path(&path) {
                for piece in clip(&part, &edge) {
                    for &p in [piece.pts[0], piece.pts[piece.pts.len() - 1]].iter() {
                        if (p.1 - f.y1).abs() < 0.5 {
                            marks.push((p, words.degrees(lon, true), true));
                        }
                    }
                    lines.push(piece.pts);
                }
            }
        }
        for lat in ticks(lat0, lat1, slat) {
            let (a, b) = (lon0 - 1.0, lon1 + 1.0);
            let n = ((b - a) / 0.1).ceil() as usize;
            let path: Vec<[f64; 2]> = (0..=n)
                .map(|i| [a + (b - a) * i as f64 / n as f64, lat])
                .collect();
            for part in self.view.project_path(&path) {
                for piece in clip(&part, &edge) {
                    for &p in [piece.pts[0], piece.pts[piece.pts.len() - 1]].iter() {
                        if (p.0 - side_x).abs() < 0.5 {
                            marks.push((p, words.degrees(lat, false), false));
                        }
                    }
                    lines.push(piece.pts);
                }
            }
        }
        let colour = self.pal.land.mix(self.pal.ink, 0.14);
        let mut out = layer(self.lay.width, self.lay.height, &[], |pen| {
            for l in &lines {
                pen.line(&geom::simplify(l, 0.25), colour, 1.0, 0.6 * u);
            }
        })?;
        self.graticule_marks = marks;
        out.push('\n');
        Ok(out)
    }

    /// The graticule's degrees, outside the frame.
    fn graticule_labels(&mut self, out: &mut String) {
        let u = self.lay.u;
        let f = self.lay.frame;
        let colour = self.pal.ink_soft;
        let marks = std::mem::take(&mut self.graticule_marks);
        for (p, text, meridian) in marks {
            let block = Block::new().line(&text, 13.0 * u, Weight::Regular, 0.0, colour);
            let (w, h) = block.size();
            let rect = if meridian {
                Rect::new(p.0 - w / 2.0, f.y1 + 4.0 * u, w, h)
            } else if self.lay.words.rtl {
                Rect::new(f.x0 - 4.0 * u - w, p.1 - h / 2.0, w, h)
            } else {
                Rect::new(f.x1 + 4.0 * u, p.1 - h / 2.0, w, h)
            };
            if rect.x0 < 0.0 || rect.x1 > self.lay.width || (meridian && rect.x0 < f.x0 - w * 0.5) {
                continue;
            }
            block.draw(out, &mut self.glyphs, rect, Align::Left, None);
        }
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

    pub(super) fn symbol_radius(&self, s: &Site) -> f64 {
        s.symbol.radius() * self.lay.u
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
        for s in &order {
            let p = site_px[&s.id];
            let r = s.symbol.radius() * u;
            open_feature(out, &mut self.ids, "place", &s.id);
            out.push_str(&layer(
                self.lay.width,
                self.lay.height,
                &[("stroke-linejoin", "round".to_owned())],
                |pen| s.symbol.draw(pen, p, r, &pal),
            )?);
            out.push_str("</g>\n");
            self.obstacles
                .push(Obstacle::Rect(Rect::around(p, r + 1.5 * u)));
            self.drawn.places.insert(s.symbol);
        }
        Ok(())
    }

    /// Event markers beside their place, one per event type there, in a row to the upper
    /// right of the symbol so it stays visible.
    fn events(
        &mut self,
        out: &mut String,
        data: &Scene,
        sites: &BTreeMap<String, Site>,
        site_px: &BTreeMap<String, Px>,
    ) -> Result<()> {
        let u = self.lay.u;
        let pal = self.pal;
        // Place → (legend rank, type) → the events drawn by that marker.
        let at_place = data.markers();
        let re = EVENT_RADIUS * u;
        let mut markers: Vec<(&str, Px, &[&str])> = Vec::new();
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
            for (k, ((_, t), ids)) in types.iter().enumerate() {
                let c = (start.0 + sx * k as f64 * (2.0 * re + 3.0 * u), start.1);
                markers.push((t, c, ids));
            }
        }
        let mut obstacles = Vec::new();
        let mut counts = Vec::new();
        for (t, c, ids) in &markers {
            // One element per event: events of a type at one place share a marker, each
            // drawing it, so each can be found, restyled or moved on its own; but a corpus's
            // thousands are one element, or the SVG would grow with the corpus.
            let marker = layer(
                self.lay.width,
                self.lay.height,
                &[("stroke-linejoin", "round".to_owned())],
                |pen| draw_event_marker(pen, t, *c, re, &pal),
            )?;
            if ids.len() > STACKED_EVENTS {
                open_shared(out, &mut self.ids, "events", ids, "");
                out.push_str(&marker);
                out.push_str("</g>\n");
            } else {
                for id in ids.iter() {
                    open_feature(out, &mut self.ids, "event", id);
                    out.push_str(&marker);
                    out.push_str("</g>\n");
                }
            }
            obstacles.push(Obstacle::Rect(Rect::around(*c, re * 1.25 + 1.0 * u)));
            self.drawn.event(t, ids.len());
            if ids.len() > 1 {
                counts.push((*c, ids.len()));
            }
        }
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
        let frame = self.lay.frame;
        let quota = label_quota(frame.width() * frame.height() / (u * u));
        for s in labelled(sites, site_px, quota) {
            let p = site_px[&s.id];
            let area = matches!(s.symbol, PlaceSymbol::Area | PlaceSymbol::Hidden);
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
            // An area's name sits on it, unless arrows or events point at it: then beside the
            // point they meet at, like a place's.
            let (clearance, anchoring) = if area && s.tier < 2 {
                (0.0, Anchoring::Centred)
            } else {
                ((r + 3.5 * u).max(1.4 * r).max(6.0 * u), Anchoring::Beside)
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
            let along = |f: f64| geom::point_back_from_end(&line, len * f);
            let at = along(0.5);
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
            let mut l = PendingLabel::new(at, 4.0 * u, Anchoring::Beside, vec![block], 1, 2.0 * u);
            l.spec.more_anchors = [0.35, 0.65, 0.2, 0.8].iter().map(|&f| along(f)).collect();
            self.labels.push(l);
        }
    }

    /// A point well inside the part of a country the frame shows: of a grid of points, the
    /// one farthest from the frame's edges and the country's outline; None when no part is
    /// wide enough for a name.
    fn visible_interior(&self, polygons: &[Vec<super::basemap::Path>]) -> Option<Px> {
        let u = self.lay.u;
        let frame = self.lay.frame;
        // The rings cut to the frame: only the visible part counts, and the frame's edges
        // then count as outline, as they should.
        let mut rings: Vec<Vec<Px>> = Vec::new();
        for poly in polygons {
            for ring in poly {
                for p in self.view.project_path(ring) {
                    let cut = clip_ring(&thin(&p, 6.0 * u), &frame);
                    if cut.len() >= 3 {
                        rings.push(cut);
                    }
                }
            }
        }
        if rings.is_empty() {
            return None;
        }
        for ring in &mut rings {
            let first = ring[0];
            ring.push(first);
        }
        let step = 50.0 * u;
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
                        .flat_map(|r| r.windows(2))
                        .map(|w| segment_distance(p, p, w[0], w[1]))
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

    fn titles(&mut self, out: &mut String, data: &Scene) {
        let u = self.lay.u;
        let pal = self.pal;
        let title = self
            .opts
            .title
            .clone()
            .unwrap_or_else(|| self.lay.words.default_title().to_owned());
        let subtitle = self
            .opts
            .subtitle
            .clone()
            .unwrap_or_else(|| default_subtitle(data, self.lay.words));
        let width = self.lay.width - 2.0 * self.lay.margin;
        // The subtitle lines up with the title: both on the right under a right-to-left title.
        let right = self.lay.words.rtl || shape(&title, Weight::Bold, 0.0).rtl;
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
            let x = if right {
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
        let line = shape(self.lay.words.attribution(), Weight::Regular, 0.0);
        let size = (13.0 * u).min(13.0 * u * width / (line.width(13.0 * u as f32) as f64).max(1.0));
        let fill = pal.ink_soft.hex();
        let x = if right {
            self.lay.width - self.lay.margin - line.width(size as f32) as f64
        } else {
            self.lay.margin
        };
        self.glyphs.draw(
            out,
            &line,
            x as f32,
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

/// How many places a map frame of `area` square px (at unit size) may label: 40 on the
/// default page's frame, more or fewer with its area, at least 10. Labels that do not fit are
/// dropped anyway; the quota keeps a corpus's hundreds of places from covering the map with
/// names no one can read.
fn label_quota(area: f64) -> usize {
    const DEFAULT_FRAME: f64 = 1540.0 * 1100.0;
    ((40.0 * area / DEFAULT_FRAME).round() as usize).max(10)
}

/// The places to label, most important first, at most `quota` of them.
fn labelled<'s>(
    sites: &'s BTreeMap<String, Site>,
    site_px: &BTreeMap<String, Px>,
    quota: usize,
) -> Vec<&'s Site> {
    let mut order: Vec<&Site> = sites
        .values()
        // A country is named by the basemap, unless a movement or an event is at it: then
        // its name goes where the arrows meet ("Kuwait", at Kuwait's gazetteer point).
        .filter(|s| site_px.contains_key(&s.id) && (s.symbol != PlaceSymbol::Hidden || s.tier >= 2))
        .collect();
    order.sort_by_key(|s| std::cmp::Reverse(importance(s)));
    order.truncate(quota);
    order
}

/// Ordering key: places named by movements, then by events, then the rest; within each, places
/// with symbols before areas, more mentions first, then by id.
fn importance(s: &Site) -> (u8, u8, u32, std::cmp::Reverse<String>) {
    let shown = match s.symbol {
        PlaceSymbol::Area | PlaceSymbol::Hidden => 0,
        _ => 1,
    };
    (s.tier, shown, s.mentions, std::cmp::Reverse(s.id.clone()))
}

/// "2020-01-08 – 2026-02-16 · 5 articles", or "no movements found", in the map's language.
pub(crate) fn default_subtitle(data: &Scene, words: Words) -> String {
    let (movements, events, _) = data.counts();
    if movements == 0 && events == 0 {
        return words.nothing_found().to_owned();
    }
    let dates = match data.date_range() {
        Some((a, b)) if a == b => a.to_owned(),
        Some((a, b)) => format!("{a} – {b}"),
        None => words.dates_not_stated().to_owned(),
    };
    format!("{dates} · {}", words.articles(data.docs().len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crowded_labels_are_thinned_by_rank() {
        let mut sites = BTreeMap::new();
        let mut site_px = BTreeMap::new();
        for i in 0..200u32 {
            let id = format!("base{i:03}");
            sites.insert(
                id.clone(),
                Site {
                    id: id.clone(),
                    name_en: id.clone(),
                    name_ar: String::new(),
                    symbol: PlaceSymbol::of_kind("base"),
                    point: [40.0, 33.0],
                    mentions: i,
                    tier: 3,
                },
            );
            site_px.insert(id, (i as f64, 0.0));
        }
        let quota = label_quota(1540.0 * 1100.0);
        assert_eq!(quota, 40);
        let kept = labelled(&sites, &site_px, quota);
        assert_eq!(kept.len(), 40);
        // The most mentioned keep their labels.
        assert!(kept.iter().all(|s| s.mentions >= 160), "{:?}", kept[39].id);
        assert_eq!(kept[0].id, "base199");
        assert!(label_quota(4.0 * 1540.0 * 1100.0) == 160 && label_quota(1.0) == 10);
    }

    #[test]
    fn long_names_have_shorter_forms() {
        let f = name_forms("Erbil International Airport (Erbil Air Base)");
        assert_eq!(f[1], vec!["Erbil International Airport"]);
        assert_eq!(f[2], vec!["Erbil International", "Airport"]);
        assert_eq!(name_forms("Erbil").len(), 1);
    }
}
