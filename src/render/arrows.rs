//! Movements drawn as arrows: along their great-circle lines, as wide as their convoys, in
//! their actor's colour, side by side where several share a route, cut at the frame with an
//! off-map label where they leave it.

use std::collections::BTreeMap;

use super::flows::{flows, trips_width, Flow};
use super::geom::{self, arrowhead, clip, offset, thin, trim_end, trim_start};
use super::labels::{Anchoring, Obstacle, Rect};
use super::map::{open_feature, open_shared, Canvas, PendingLabel, Site};
use super::scene::Scene;
use super::style::{actor_colour, draw_open_head};
use super::svg::{layer, Px};
use super::text::{Block, Weight};
use super::Labels;
use crate::error::Result;
use crate::palette::movement_width;

/// An arrowhead's length and half its width: times the line's width, plus px at unit size.
pub(crate) const HEAD_LENGTH: (f64, f64) = (2.4, 9.0);
pub(crate) const HEAD_HALF_WIDTH: (f64, f64) = (1.25, 4.5);

/// How much of the head's length the shaft stops short of its tip.
pub(crate) const HEAD_OVER_SHAFT: f64 = 0.7;

impl Canvas<'_> {
    /// Arrows along the movements' lines.
    pub(super) fn movements(
        &mut self,
        out: &mut String,
        data: &Scene,
        sites: &BTreeMap<String, Site>,
        site_px: &BTreeMap<String, Px>,
    ) -> Result<()> {
        let u = self.lay.u;
        let pal = self.pal;
        let (w, h) = (self.lay.width, self.lay.height);
        let frame = self.lay.frame.inflate(-u);
        // Repeated routes are one flow each; when any holds several trips, widths say how
        // many, else how many vehicles.
        let flows = flows(data);
        let most = flows.iter().map(Flow::trips).max().unwrap_or(0);
        let width_of = |f: &Flow| match most > 1 {
            true => trips_width(f.trips(), most),
            false => movement_width(f.first.vehicles),
        };
        // Flows along the same places, either way, are drawn side by side.
        let mut bundles: BTreeMap<(&str, &str, String), Vec<&Flow>> = BTreeMap::new();
        for f in &flows {
            let m = f.first;
            let (a, b) = if m.origin <= m.destination {
                (&m.origin, &m.destination)
            } else {
                (&m.destination, &m.origin)
            };
            bundles.entry((a, b, m.via.join(","))).or_default().push(f);
        }
        let mut lateral: BTreeMap<&str, f64> = BTreeMap::new();
        for ((a, _, _), group) in &bundles {
            let widths: Vec<f64> = group.iter().map(|f| width_of(f) * u).collect();
            let total: f64 = widths.iter().sum::<f64>() + 3.0 * u * (group.len() as f64 - 1.0);
            let mut at = -total / 2.0;
            for (f, wd) in group.iter().zip(&widths) {
                let centre = at + wd / 2.0;
                // Offsets are to the left of travel from the bundle's first place, so they
                // flip for movements the other way.
                let m = f.first;
                lateral.insert(&m.id, if m.origin == *a { centre } else { -centre });
                at += wd + 3.0 * u;
            }
        }
        let mut order: Vec<&Flow> = flows.iter().collect();
        order.sort_by(|a, b| {
            width_of(b)
                .total_cmp(&width_of(a))
                .then(a.first.id.cmp(&b.first.id))
        });
        // Where lines cross the frame to or from places beyond it: (place, leaving) → points.
        let mut off_map: BTreeMap<(String, bool), Vec<Px>> = BTreeMap::new();
        // Flows of several trips, for their labels: trips, vehicles, the shaft's middle.
        let mut counted: Vec<(usize, Option<u64>, Px, f64)> = Vec::new();
        for f in order {
            let m = f.first;
            let colour = actor_colour(m.actor.as_deref());
            let width = width_of(f) * u;
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
                        let len = HEAD_LENGTH.0 * width + HEAD_LENGTH.1 * u;
                        let half = HEAD_HALF_WIDTH.0 * width + HEAD_HALF_WIDTH.1 * u;
                        head = Some(arrowhead(&pts, len, half));
                        if !at_dest {
                            off_map
                                .entry((m.destination.clone(), true))
                                .or_default()
                                .push(pts[pts.len() - 1]);
                        }
                        pts = trim_end(&pts, len * HEAD_OVER_SHAFT);
                    }
                    if pts.len() >= 2 {
                        shafts.push(geom::simplify(&pts, 0.25));
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
            let tip = layer(w, h, &round, |pen| match head {
                // Into a country or region: the line ends past its border, not at a point.
                Some(t) if m.destination_coarse => {
                    draw_open_head(pen, &t, colour, (0.45 * width).max(2.0 * u), &pal);
                    self.drawn.into_area = true;
                }
                Some(t) => {
                    pen.polygon(&t, colour, alpha);
                    pen.ring(&t, colour, alpha, 1.0 * u);
                }
                None => {}
            })?;
            if f.trips() > 1 {
                let vehicles = f.vehicles.map(|v| format!(" data-vehicles=\"{v}\""));
                let extra = vehicles.unwrap_or_default();
                open_shared(out, &mut self.ids, "flow", &f.ids, &extra);
                if let Some(mid) = shafts
                    .iter()
                    .max_by(|a, b| geom::length(a).total_cmp(&geom::length(b)))
                {
                    let at = geom::point_back_from_end(mid, geom::length(mid) / 2.0);
                    counted.push((f.trips(), f.vehicles, at, width));
                }
            } else {
                open_feature(out, &mut self.ids, "movement", &m.id);
            }
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
            // The legend names actors in the map's language (the lexicon's in Arabic too);
            // `actor_ar` is the article's wording ("American forces"), not a name.
            self.drawn
                .actor(&self.lay.words.actor(m.actor.as_deref()), colour);
            match most > 1 {
                true => self.drawn.trips(f.trips(), most),
                false => self.drawn.vehicles(m.vehicles),
            }
            match m.status.as_str() {
                "planned" => self.drawn.planned = true,
                "denied" => self.drawn.denied = true,
                _ => {}
            }
        }
        self.flow_labels(counted);
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
}

/// How many flows of several trips are labelled with their numbers, the largest first.
const FLOW_LABELS: usize = 12;

impl Canvas<'_> {
    /// "188 trips · 5,640 vehicles" beside the middle of the largest flows' shafts.
    fn flow_labels(&mut self, mut counted: Vec<(usize, Option<u64>, Px, f64)>) {
        let u = self.lay.u;
        let ink = self.pal.ink;
        counted.sort_by(|a, b| b.0.cmp(&a.0).then(a.2 .0.total_cmp(&b.2 .0)));
        for (trips, vehicles, at, width) in counted.into_iter().take(FLOW_LABELS) {
            let words = self.lay.words;
            let short = words.trips(trips);
            let full = match vehicles {
                Some(v) => format!("{short} · {}", words.vehicles_stated(&thousands(v))),
                None => short.clone(),
            };
            let size = 15.0 * u;
            let blocks = vec![
                Block::new().line(&full, size, Weight::Bold, 0.0, ink),
                Block::new().line(&short, size, Weight::Bold, 0.0, ink),
            ];
            let clearance = width / 2.0 + 4.0 * u;
            self.labels.push(PendingLabel::new(
                at,
                clearance,
                Anchoring::Beside,
                blocks,
                1,
                2.0 * u,
            ));
        }
    }
}

/// 5640 → "5,640".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(5640), "5,640");
        assert_eq!(thousands(188), "188");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
