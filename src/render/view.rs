//! Where things go: the page layout (title, frame, legend panel, margins) and the view, the
//! projection fitted to what is drawn and placed in the frame.

use super::basemap::CLIP_BOX;
use super::labels::Rect;
use super::projection::Lcc;
use super::svg::Px;
use super::words::Words;
use super::MapOptions;

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
    /// The furniture's language; right to left, the page is mirrored: legend panel on the
    /// left, the parallels' degrees between it and the frame, scale bar and north arrow in
    /// the frame's lower right corner, titles and attribution on the right.
    pub words: Words,
}

impl Layout {
    pub(crate) fn new(opts: &MapOptions) -> Layout {
        let (width, height) = (opts.width as f64, opts.height as f64);
        let u = (width / 2000.0).min(height / 1500.0).clamp(0.45, 6.0);
        let margin = 28.0 * u;
        let title_baseline = margin + 38.0 * u;
        let subtitle_baseline = title_baseline + 34.0 * u;
        let top = subtitle_baseline + 22.0 * u;
        // Below the frame: the meridians' degrees, then the attribution.
        let bottom = height - 50.0 * u;
        let panel_w = (380.0 * u).min(width * 0.3);
        // Between frame and panel: the parallels' degrees.
        let gap = 46.0 * u;
        let words = Words::of(opts.labels);
        let (frame_x0, panel_x0) = if words.rtl {
            (margin + panel_w + gap, margin)
        } else {
            (margin, width - margin - panel_w)
        };
        let frame = Rect {
            x0: frame_x0,
            y0: top,
            x1: frame_x0 + (width - 2.0 * margin - panel_w - gap),
            y1: bottom,
        };
        let panel = Rect {
            x0: panel_x0,
            y0: top,
            x1: panel_x0 + panel_w,
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
            words,
        }
    }
}

/// The smallest and largest of each coordinate: `[x_lo, x_hi, y_lo, y_hi]`.
fn extent(pts: impl Iterator<Item = [f64; 2]>) -> [f64; 4] {
    let far = [
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    pts.fold(far, |[x0, x1, y0, y1], [x, y]| {
        [x0.min(x), x1.max(x), y0.min(y), y1.max(y)]
    })
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
    /// Fits the projection to `focus` points (or to `bbox`), inside `frame`. The points are
    /// walked twice (before and after projecting), never gathered: an overview's lines may
    /// have millions of vertices.
    pub(crate) fn fit<I>(focus: I, bbox: Option<[f64; 4]>, frame: Rect) -> View
    where
        I: Iterator<Item = [f64; 2]> + Clone,
    {
        match bbox {
            Some(b) => View::fit_points(box_outline(b).into_iter(), false, frame),
            None if focus.clone().next().is_none() => {
                View::fit_points(box_outline(DEFAULT_EXTENT).into_iter(), false, frame)
            }
            None => View::fit_points(focus, true, frame),
        }
    }

    /// Fits the projection to `pts`, with a margin around them if `margin`.
    fn fit_points<I>(pts: I, margin: bool, frame: Rect) -> View
    where
        I: Iterator<Item = [f64; 2]> + Clone,
    {
        let [lon_lo, lon_hi, lat_lo, lat_hi] = extent(pts.clone());
        let proj = Lcc::fitted(lat_lo, lat_hi, round_to(0.5 * (lon_lo + lon_hi), 0.01));
        let xy = pts.map(|p| {
            let (x, y) = proj.forward(p[0], p[1]);
            [x, y]
        });
        let [mut x0, mut x1, mut y0, mut y1] = extent(xy);
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
    pub(crate) fn project_path(&self, path: &[[f64; 2]]) -> Vec<Vec<Px>> {
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

pub(crate) fn in_clip_box(p: [f64; 2]) -> bool {
    let [x0, y0, x1, y1] = CLIP_BOX;
    (x0..=x1).contains(&p[0]) && (y0..=y1).contains(&p[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_view_fits_iraq_and_syria() {
        let frame = Rect::new(0.0, 0.0, 1500.0, 1300.0);
        let v = View::fit(std::iter::empty(), None, frame);
        let (x, y) = v.px(42.0, 33.0);
        assert!(frame.contains(&Rect::around((x, y), 0.0)));
        let (lat1, lat2) = v.proj.parallels();
        assert!((lat1 - 30.4).abs() < 0.01 && (lat2 - 36.0).abs() < 0.01);
        let (lon, lat) = v.lon_lat(v.px(40.0, 35.0));
        assert!((lon - 40.0).abs() < 1e-9 && (lat - 35.0).abs() < 1e-9);
    }
}
