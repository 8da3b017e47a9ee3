//! The legend panel (only what the map draws), the scale bar and the north arrow.

use std::collections::{BTreeMap, BTreeSet};

use super::flows::trips_width;
use super::geom::arrowhead;
use super::labels::Rect;
use super::style::{
    draw_event_marker, draw_open_head, Palette, PlaceSymbol, EVENT_RADIUS, EVENT_TYPES,
};
use super::svg::{layer, num, Pen, Px, Rgb};
use super::text::{Align, Block};
use super::text::{GlyphSet, Weight};
use super::view::{Layout, View};
use super::words::Words;
use crate::error::Result;
use crate::palette::movement_width;

/// What the map drew, for the legend.
#[derive(Debug, Default)]
pub(crate) struct Drawn {
    /// The actors' names and colours, in name order.
    pub actors: BTreeMap<String, Rgb>,
    pub vehicles: BTreeSet<u32>,
    pub vehicles_unknown: bool,
    /// Flows of several trips drawn (their numbers of trips), and the most any holds.
    pub trips: BTreeSet<usize>,
    pub most_trips: usize,
    pub planned: bool,
    pub denied: bool,
    pub via: bool,
    pub off_map: bool,
    /// A movement went into a country or region (an open arrowhead).
    pub into_area: bool,
    /// (legend rank, type) → number of markers' events.
    pub events: BTreeMap<(usize, String), usize>,
    pub places: BTreeSet<PlaceSymbol>,
}

impl Drawn {
    pub fn actor(&mut self, name: &str, colour: Rgb) {
        if !self.actors.contains_key(name) {
            self.actors.insert(name.to_owned(), colour);
        }
    }

    pub fn vehicles(&mut self, v: Option<u32>) {
        match v {
            Some(v) => {
                self.vehicles.insert(v);
            }
            None => self.vehicles_unknown = true,
        }
    }

    pub fn trips(&mut self, trips: usize, most: usize) {
        self.trips.insert(trips);
        self.most_trips = most;
    }

    pub fn event(&mut self, event_type: &str, count: usize) {
        let rank = EVENT_TYPES
            .iter()
            .position(|t| *t == event_type)
            .unwrap_or(EVENT_TYPES.len());
        *self
            .events
            .entry((rank, event_type.to_owned()))
            .or_default() += count;
    }
}

/// The largest 1, 2 or 5 × 10ⁿ not above `x` (x > 0): 137 → 100, 0.37 → 0.2, 60 → 50. The
/// scale bar's length in km.
pub(crate) fn nice(x: f64) -> f64 {
    let p = 10f64.powf(x.log10().floor());
    let m = x / p;
    let f = if m >= 5.0 {
        5.0
    } else if m >= 2.0 {
        2.0
    } else {
        1.0
    };
    f * p
}

/// The 1, 2 or 5 × 10ⁿ nearest to `x` on a log scale (x > 0): 40 → 50, 120 → 100.
pub(crate) fn nearest_nice(x: f64) -> f64 {
    let lo = nice(x);
    let lead = lo / 10f64.powf(lo.log10().floor());
    let hi = lo * if (lead - 2.0).abs() < 1e-9 { 2.5 } else { 2.0 };
    if (x / lo).ln() <= (hi / x).ln() {
        lo
    } else {
        hi
    }
}

/// Nice vehicle counts to show the line widths by: the smallest, middle and largest stated,
/// each rounded to the nearest 1, 2 or 5 × 10ⁿ.
fn width_samples(vehicles: &BTreeSet<u32>) -> Vec<u32> {
    let (Some(&lo), Some(&hi)) = (vehicles.first(), vehicles.last()) else {
        return Vec::new();
    };
    let mid = ((lo.max(1) as f64) * (hi.max(1) as f64)).sqrt();
    let mut out: Vec<u32> = [lo.max(1) as f64, mid, hi.max(1) as f64]
        .iter()
        .map(|&v| nearest_nice(v).max(1.0) as u32)
        .collect();
    out.dedup();
    out
}

/// Numbers of trips to show the flows' widths by: the fewest, one between (a round number)
/// and the most.
fn trip_samples(trips: &BTreeSet<usize>) -> Vec<usize> {
    let (Some(&lo), Some(&hi)) = (trips.first(), trips.last()) else {
        return Vec::new();
    };
    let mid = nearest_nice(((lo.max(1) * hi.max(1)) as f64).sqrt()) as usize;
    let mut out = vec![lo];
    if mid > lo && mid < hi {
        out.push(mid);
    }
    if hi > lo {
        out.push(hi);
    }
    out
}

fn km_text(km: f64) -> String {
    if km >= 1.0 {
        format!("{}", km.round() as i64)
    } else {
        format!("{km}")
    }
}

/// Draws the scale bar and north arrow in the frame's lower left corner; returns the SVG and
/// the box they cover.
pub(crate) fn furniture(
    lay: &Layout,
    view: &View,
    pal: &Palette,
    glyphs: &mut GlyphSet,
) -> Result<(String, Vec<Rect>)> {
    let u = lay.u;
    let frame = lay.frame;
    let words = lay.words;
    // Laid out for the lower left corner, then mirrored into the lower right for Arabic.
    let mx = |x: f64| {
        if words.rtl {
            frame.x0 + frame.x1 - x
        } else {
            x
        }
    };
    let mrect = |r: Rect| Rect {
        x0: mx(r.x0).min(mx(r.x1)),
        x1: mx(r.x0).max(mx(r.x1)),
        ..r
    };
    let pad = 12.0 * u;
    // Scale true at the bar's own latitude (the conic's scale changes by under 1% over the map).
    let bar_y = frame.y1 - 22.0 * u;
    let x0 = frame.x0 + 18.0 * u + pad;
    let (_, lat) = view.lon_lat((mx(x0), bar_y));
    let ground_m_per_px = 1.0 / (view.scale * view.proj.scale_factor(lat));
    let target_km = 0.18 * frame.width() * ground_m_per_px / 1000.0;
    let km = nice(target_km);
    let bar = km * 1000.0 / ground_m_per_px;
    let parts = if (km / 10f64.powf(km.log10().floor()) - 5.0).abs() < 1e-9 {
        5
    } else {
        4
    };
    let label_size = 15.0 * u;
    let bar_h = 7.0 * u;
    let labels_y = bar_y - bar_h - 6.0 * u;
    let end_label = Block::new().line(
        &format!("{} {}", km_text(km), words.km()),
        label_size,
        Weight::Regular,
        0.0,
        pal.ink,
    );
    let (end_w, label_h) = end_label.size();
    let arrow_h = 40.0 * u;
    let arrow_cx = x0 + bar + end_w / 2.0 + 34.0 * u;
    let top = (labels_y - label_h).min(bar_y - arrow_h - 2.0 * u) - pad;
    let bg = mrect(Rect {
        x0: frame.x0 + 18.0 * u,
        y0: top,
        x1: arrow_cx + 18.0 * u + pad,
        y1: bar_y + pad,
    });
    let mut out = String::new();
    // North: the direction of the meridian at the arrow, turned from straight up by the
    // cone's convergence east or west of the central meridian.
    let arrow_c = (mx(arrow_cx), bar_y - arrow_h / 2.0 + 4.0 * u);
    let (lon, lat) = view.lon_lat(arrow_c);
    let a = view.px(lon, lat);
    let b = view.px(lon, (lat + 0.1).min(89.9));
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let l = dx.hypot(dy).max(1e-9);
    let (ux, uy) = (dx / l, dy / l);
    let half = arrow_h / 2.0 - 6.0 * u;
    let tip = (arrow_c.0 + ux * half, arrow_c.1 + uy * half);
    let tail = (arrow_c.0 - ux * half * 0.7, arrow_c.1 - uy * half * 0.7);
    let side = |s: f64| {
        (
            arrow_c.0 - ux * half * 0.95 - uy * s,
            arrow_c.1 - uy * half * 0.95 + ux * s,
        )
    };
    let wing = 9.0 * u;
    let pal2 = *pal;
    out.push_str(&layer(
        lay.width,
        lay.height,
        &[("stroke-linejoin", "round".to_owned())],
        |pen| {
            pen.polygon(&rect_pts(&bg), pal2.panel, 0.85);
            pen.ring(&rect_pts(&bg), pal2.frame, 0.5, 0.8 * u);
            let step = bar / parts as f64;
            for i in 0..parts {
                let r = mrect(Rect::new(x0 + i as f64 * step, bar_y - bar_h, step, bar_h));
                let fill = if i % 2 == 0 { pal2.ink } else { pal2.panel };
                pen.polygon(&rect_pts(&r), fill, 1.0);
            }
            pen.ring(
                &rect_pts(&mrect(Rect::new(x0, bar_y - bar_h, bar, bar_h))),
                pal2.ink,
                1.0,
                1.0 * u,
            );
            pen.polygon(&[tip, side(wing), tail], pal2.ink, 1.0);
            pen.polygon(&[tip, tail, side(-wing)], pal2.panel, 1.0);
            pen.ring(
                &[tip, side(wing), tail, side(-wing)],
                pal2.ink,
                1.0,
                1.2 * u,
            );
        },
    )?);
    let zero = Block::new().line("0", label_size, Weight::Regular, 0.0, pal.ink);
    let (zw, _) = zero.size();
    zero.draw(
        &mut out,
        glyphs,
        mrect(Rect::new(x0 - zw / 2.0, labels_y - label_h, zw, label_h)),
        Align::Centre,
        None,
    );
    end_label.draw(
        &mut out,
        glyphs,
        mrect(Rect::new(
            x0 + bar - end_w / 2.0,
            labels_y - label_h,
            end_w,
            label_h,
        )),
        Align::Centre,
        None,
    );
    let n = Block::new().line(words.north(), 16.0 * u, Weight::Bold, 0.0, pal.ink);
    let (nw, nh) = n.size();
    let n_at = (
        tip.0 + ux * (nh * 0.5 + 4.0 * u),
        tip.1 + uy * (nh * 0.5 + 4.0 * u),
    );
    n.draw(
        &mut out,
        glyphs,
        Rect::new(n_at.0 - nw / 2.0, n_at.1 - nh / 2.0, nw, nh),
        Align::Centre,
        None,
    );
    let bg = Rect {
        y0: bg.y0.min(n_at.1 - nh / 2.0 - 2.0 * u),
        ..bg
    };
    Ok((out, vec![bg.inflate(2.0 * u)]))
}

fn rect_pts(r: &Rect) -> [Px; 4] {
    [(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)]
}

/// One legend row: its swatch drawing and its text.
struct Row {
    swatch: Swatch,
    text: String,
}

enum Swatch {
    Heading,
    Arrow {
        colour: Rgb,
        width: f64,
        dash: Option<(f64, f64)>,
        alpha: f64,
    },
    Via,
    OffMap,
    IntoArea,
    Event(String),
    Place(PlaceSymbol),
    Note,
}

/// The legend panel beside the map.
pub(crate) fn panel(
    drawn: &Drawn,
    lay: &Layout,
    view: &View,
    pal: &Palette,
    glyphs: &mut GlyphSet,
) -> Result<String> {
    let rows = rows(drawn, view, pal, lay.words);
    let avail = lay.panel.height();
    let h = rows_height(&rows, lay.u);
    let k = if h > avail { avail / h } else { 1.0 };
    let (svg, _) = draw_rows(&rows, lay, pal, k, glyphs)?;
    Ok(svg)
}

fn rows(drawn: &Drawn, view: &View, pal: &Palette, words: Words) -> Vec<Row> {
    let mut rows = Vec::new();
    let row = |swatch, text: &str| Row {
        swatch,
        text: text.to_owned(),
    };
    if !drawn.actors.is_empty() {
        rows.push(row(Swatch::Heading, words.movements_heading()));
        for (name, colour) in &drawn.actors {
            rows.push(row(
                Swatch::Arrow {
                    colour: *colour,
                    width: 4.0,
                    dash: None,
                    alpha: 1.0,
                },
                name,
            ));
        }
        if !drawn.trips.is_empty() {
            rows.push(row(Swatch::Heading, words.trips_heading()));
        }
        for t in trip_samples(&drawn.trips) {
            rows.push(row(
                Swatch::Arrow {
                    colour: pal.ink_soft,
                    width: trips_width(t, drawn.most_trips),
                    dash: None,
                    alpha: 1.0,
                },
                &words.trips(t),
            ));
        }
        let samples = width_samples(&drawn.vehicles);
        if !samples.is_empty() || drawn.vehicles_unknown {
            rows.push(row(Swatch::Heading, words.vehicles_heading()));
        }
        for v in samples {
            rows.push(row(
                Swatch::Arrow {
                    colour: pal.ink_soft,
                    width: movement_width(Some(v)),
                    dash: None,
                    alpha: 1.0,
                },
                &words.vehicles(v),
            ));
        }
        if drawn.vehicles_unknown {
            rows.push(row(
                Swatch::Arrow {
                    colour: pal.ink_soft,
                    width: movement_width(None),
                    dash: None,
                    alpha: 1.0,
                },
                words.number_not_stated(),
            ));
        }
        if drawn.planned {
            rows.push(row(
                Swatch::Arrow {
                    colour: pal.ink_soft,
                    width: 3.0,
                    dash: Some((2.2 * 3.0 + 4.0, 1.4 * 3.0 + 3.0)),
                    alpha: 1.0,
                },
                words.planned(),
            ));
        }
        if drawn.denied {
            rows.push(row(
                Swatch::Arrow {
                    colour: pal.ink_soft,
                    width: 3.0,
                    dash: Some((0.9 * 3.0 + 1.0, 1.3 * 3.0 + 3.0)),
                    alpha: 0.6,
                },
                words.denied(),
            ));
        }
        if drawn.via {
            rows.push(row(Swatch::Via, words.via()));
        }
        if drawn.off_map {
            rows.push(row(Swatch::OffMap, words.off_map()));
        }
        if drawn.into_area {
            rows.push(row(Swatch::IntoArea, words.into_area()));
        }
    }
    if !drawn.events.is_empty() {
        rows.push(row(Swatch::Heading, words.events_heading()));
        for ((_, t), count) in &drawn.events {
            let name = words.event_type(t);
            let text = if *count > 1 {
                format!("{name} ({count})")
            } else {
                name
            };
            rows.push(row(Swatch::Event(t.clone()), &text));
        }
    }
    let symbols: Vec<PlaceSymbol> = drawn
        .places
        .iter()
        .copied()
        .filter(|s| s.radius() > 0.0)
        .collect();
    if !symbols.is_empty() {
        rows.push(row(Swatch::Heading, words.places_heading()));
        for s in symbols {
            rows.push(row(Swatch::Place(s), words.place_kind(s.legend())));
        }
    }
    let (lat1, lat2) = view.proj.parallels();
    rows.push(row(Swatch::Heading, words.projection_heading()));
    rows.push(row(Swatch::Note, words.projection_name()));
    rows.push(row(
        Swatch::Note,
        &words.parallels(
            &num((lat1 * 10.0).round() / 10.0),
            &num((lat2 * 10.0).round() / 10.0),
        ),
    ));
    rows.push(row(
        Swatch::Note,
        &words.central_meridian(&num((view.proj.central_meridian() * 100.0).round() / 100.0)),
    ));
    rows
}

/// The panel's height at full size.
fn rows_height(rows: &[Row], u: f64) -> f64 {
    let mut h = 2.0 * 18.0 * u;
    for (i, r) in rows.iter().enumerate() {
        if matches!(r.swatch, Swatch::Heading) && i > 0 {
            h += 14.0 * u;
        }
        h += row_height(&r.swatch, u);
    }
    h
}

fn row_height(s: &Swatch, u: f64) -> f64 {
    match s {
        Swatch::Note => 21.0 * u,
        _ => 30.0 * u,
    }
}

/// Draws the rows at size factor `k`; returns the SVG and the height used.
fn draw_rows(
    rows: &[Row],
    lay: &Layout,
    pal: &Palette,
    k: f64,
    glyphs: &mut GlyphSet,
) -> Result<(String, f64)> {
    let u = lay.u * k;
    let p = lay.panel;
    let pad = 18.0 * u;
    let sw_w = 54.0 * u;
    // Right to left: swatches on the right, text right-aligned to their left.
    let rtl = lay.words.rtl;
    let sw_x0 = if rtl { p.x1 - pad - sw_w } else { p.x0 + pad };
    let text_w = (p.width() - 2.0 * pad - sw_w - 14.0 * u).max(10.0);
    let text_x = if rtl {
        p.x0 + pad
    } else {
        sw_x0 + sw_w + 14.0 * u
    };
    let full_x = p.x0 + pad;
    let align = if rtl { Align::Right } else { Align::Left };
    let mut y = p.y0 + pad;
    let mut text_out = String::new();
    let mut swatches: Vec<(f64, &Swatch)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let (size, weight, colour) = match r.swatch {
            Swatch::Heading => (19.0 * u, Weight::Bold, pal.ink),
            Swatch::Note => (14.5 * u, Weight::Regular, pal.ink_soft),
            _ => (17.0 * u, Weight::Regular, pal.ink),
        };
        if matches!(r.swatch, Swatch::Heading) && i > 0 {
            y += 14.0 * u;
        }
        let (x, width) = match r.swatch {
            Swatch::Heading | Swatch::Note => (full_x, p.width() - 2.0 * pad),
            _ => (text_x, text_w),
        };
        let mut block = Block::new().line(&r.text, size, weight, 0.0, colour);
        let (mut bw, _) = block.size();
        if bw > width {
            block = Block::new().line(&r.text, size * width / bw, weight, 0.0, colour);
            bw = width;
        }
        let row_h = row_height(&r.swatch, u);
        let centre = y + row_h / 2.0;
        let (_, bh) = block.size();
        let x = if rtl { x + width - bw } else { x };
        block.draw(
            &mut text_out,
            glyphs,
            Rect::new(x, centre - bh / 2.0, bw, bh),
            align,
            None,
        );
        swatches.push((centre, &r.swatch));
        y += row_h;
    }
    let height = y + pad - p.y0;
    let mut out = String::new();
    let pal2 = *pal;
    let bg = Rect {
        y1: p.y0 + height.min(p.height()),
        ..p
    };
    out.push_str(&layer(
        lay.width,
        lay.height,
        &[
            ("stroke-linejoin", "round".to_owned()),
            ("stroke-linecap", "round".to_owned()),
        ],
        |pen| {
            pen.polygon(&rect_pts(&bg), pal2.panel, 1.0);
            pen.ring(&rect_pts(&bg), pal2.frame, 0.6, 1.0 * u);
            for (cy, s) in &swatches {
                draw_swatch(pen, s, (sw_x0, sw_w, rtl), *cy, u, &pal2, false);
            }
        },
    )?);
    // Dashed swatches need the dash pattern on their own group.
    for (cy, s) in &swatches {
        if let Swatch::Arrow {
            dash: Some((on, off)),
            ..
        } = s
        {
            out.push_str(&layer(
                lay.width,
                lay.height,
                &[("stroke-dasharray", format!("{} {}", on * u, off * u))],
                |pen| draw_swatch(pen, s, (sw_x0, sw_w, rtl), *cy, u, &pal2, true),
            )?);
        }
    }
    out.push_str(&text_out);
    Ok((out, height))
}

/// Draws a legend swatch `(x0, w, flip)` wide round the row's centre line `cy`; flipped, lines
/// run right to left, as the Arabic legend reads.
fn draw_swatch(
    pen: &mut Pen,
    s: &Swatch,
    (x0, w, flip): (f64, f64, bool),
    cy: f64,
    u: f64,
    pal: &Palette,
    dashed_pass: bool,
) {
    let mid = (x0 + w / 2.0, cy);
    // x at fraction `t` of the swatch, from where its lines start.
    let at = |t: f64| if flip { x0 + w * (1.0 - t) } else { x0 + w * t };
    // Back from `x` by `d` px, towards the start.
    let back = |x: f64, d: f64| if flip { x + d } else { x - d };
    let line = [(at(0.0), cy), (at(1.0), cy)];
    match s {
        Swatch::Arrow {
            colour,
            width,
            dash,
            alpha,
        } => {
            let wd = width * u;
            let len = 2.4 * wd + 9.0 * u;
            let head = arrowhead(&line, len, 1.25 * wd + 4.5 * u);
            let shaft = [line[0], (back(at(1.0), len * 0.7), cy)];
            if dash.is_some() != dashed_pass {
                if !dashed_pass {
                    pen.polygon(&head, *colour, *alpha);
                }
                return;
            }
            pen.line(&shaft, *colour, *alpha, wd);
            if !dashed_pass {
                pen.polygon(&head, *colour, *alpha);
            }
        }
        Swatch::Via => {
            pen.line(&line, pal.ink_soft, 1.0, 3.0 * u);
            let r = PlaceSymbol::Town.radius() * u;
            pen.disc(mid, r + 4.5 * u, pal.halo, 0.9);
            pen.circle(mid, r + 3.0 * u, pal.ink_soft, 1.0, 2.2 * u);
            PlaceSymbol::Town.draw(pen, mid, r, pal);
        }
        Swatch::IntoArea => {
            let (wd, len) = (3.0 * u, 2.4 * 3.0 * u + 9.0 * u);
            let head = arrowhead(&line, len, 1.25 * wd + 4.5 * u);
            pen.line(
                &[line[0], (back(at(1.0), len * 0.7), cy)],
                pal.ink_soft,
                1.0,
                wd,
            );
            draw_open_head(pen, &head, pal.ink_soft, 2.0 * u, pal);
        }
        Swatch::OffMap => {
            let edge = at(0.8);
            let head = arrowhead(
                &[line[0], (edge, cy)],
                2.4 * 3.0 * u + 9.0 * u,
                1.25 * 3.0 * u + 4.5 * u,
            );
            pen.line(
                &[line[0], (back(edge, 10.0 * u), cy)],
                pal.ink_soft,
                1.0,
                3.0 * u,
            );
            pen.polygon(&head, pal.ink_soft, 1.0);
            pen.line(
                &[(edge, cy - 12.0 * u), (edge, cy + 12.0 * u)],
                pal.frame,
                1.0,
                1.5 * u,
            );
        }
        Swatch::Event(t) => draw_event_marker(pen, t, mid, EVENT_RADIUS * u, pal),
        Swatch::Place(p) => p.draw(pen, mid, p.radius() * u, pal),
        Swatch::Heading | Swatch::Note => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_bar_lengths_are_round() {
        assert_eq!(nice(137.0), 100.0);
        assert_eq!(nice(60.0), 50.0);
        assert_eq!(nice(499.0), 200.0);
        assert_eq!(nice(250.0), 200.0);
        assert_eq!(nice(1.0), 1.0);
        assert!((nice(0.37) - 0.2).abs() < 1e-12);
        for x in [0.013, 3.7, 42.0, 987.0, 12_345.0] {
            let n = nice(x);
            assert!(n <= x && n > x / 5.0 - 1e-9, "{x} -> {n}");
            let lead = n / 10f64.powf(n.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|d| (lead - d).abs() < 1e-9),
                "{n}"
            );
        }
        assert_eq!(km_text(100.0), "100");
    }

    #[test]
    fn width_samples_are_round_and_distinct() {
        let v: BTreeSet<u32> = [12, 40, 300].into_iter().collect();
        assert_eq!(width_samples(&v), vec![10, 50, 200]);
        let v: BTreeSet<u32> = [40, 120].into_iter().collect();
        assert_eq!(width_samples(&v), vec![50, 100]);
        let trips: BTreeSet<usize> = [2, 5, 188].into_iter().collect();
        assert_eq!(trip_samples(&trips), vec![2, 20, 188]);
        assert_eq!(trip_samples(&[3].into_iter().collect()), vec![3]);
        let one: BTreeSet<u32> = [7].into_iter().collect();
        assert_eq!(width_samples(&one), vec![5]);
        assert_eq!(nearest_nice(3.0), 2.0);
        assert_eq!(nearest_nice(3.3), 5.0);
        assert_eq!(nearest_nice(8.0), 10.0);
    }
}
