//! Polyline work in map pixels: thinning, clipping to the frame, trimming ends, parallel
//! offsets and arrowheads.

use super::labels::Rect;
use super::svg::Px;

fn dist(a: Px, b: Px) -> f64 {
    (b.0 - a.0).hypot(b.1 - a.1)
}

/// Drops vertices closer than `tol` px to the last one kept (the last vertex always stays), so
/// a line densified every 10 km does not carry sub-pixel steps into the SVG.
pub(crate) fn thin(pts: &[Px], tol: f64) -> Vec<Px> {
    let mut out: Vec<Px> = Vec::with_capacity(pts.len());
    for (i, &p) in pts.iter().enumerate() {
        let last = i + 1 == pts.len();
        match out.last() {
            Some(&q) if dist(p, q) < tol && !last => {}
            Some(&q) if dist(p, q) < tol && last && out.len() > 1 => {
                out.pop();
                out.push(p);
            }
            _ => out.push(p),
        }
    }
    out
}

/// A visible piece of a clipped polyline, and whether its ends are the line's own ends (true)
/// or where it crosses the frame (false).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub pts: Vec<Px>,
    pub starts_at_origin: bool,
    pub ends_at_destination: bool,
}

/// Clips a polyline to a box, keeping the pieces inside in order.
pub(crate) fn clip(pts: &[Px], r: &Rect) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut current: Option<Piece> = None;
    let n = pts.len();
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (pts[i], pts[i + 1]);
        match clip_segment(a, b, r) {
            None => {
                if let Some(p) = current.take() {
                    pieces.push(p);
                }
            }
            Some((t0, t1)) => {
                let lerp = |t: f64| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                let (p0, p1) = (lerp(t0), lerp(t1));
                match current.as_mut() {
                    Some(c) if t0 == 0.0 => c.pts.push(p1),
                    _ => {
                        if let Some(p) = current.take() {
                            pieces.push(p);
                        }
                        current = Some(Piece {
                            pts: vec![p0, p1],
                            starts_at_origin: i == 0 && t0 == 0.0,
                            ends_at_destination: false,
                        });
                    }
                }
                if t1 < 1.0 {
                    if let Some(p) = current.take() {
                        pieces.push(p);
                    }
                } else if i + 2 == n {
                    if let Some(c) = current.as_mut() {
                        c.ends_at_destination = true;
                    }
                }
            }
        }
    }
    if let Some(p) = current.take() {
        pieces.push(p);
    }
    pieces
}

/// The parameter range of segment `a`–`b` inside the box (Liang–Barsky), if any.
fn clip_segment(a: Px, b: Px, r: &Rect) -> Option<(f64, f64)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 < t1).then_some((t0, t1))
}

/// The length of a polyline.
pub(crate) fn length(pts: &[Px]) -> f64 {
    pts.windows(2).map(|w| dist(w[0], w[1])).sum()
}

/// Cuts `d` px off the end of a polyline (nothing is left of one shorter than that).
pub(crate) fn trim_end(pts: &[Px], d: f64) -> Vec<Px> {
    let mut left = d;
    let mut out = pts.to_vec();
    while out.len() >= 2 && left > 0.0 {
        let n = out.len();
        let (a, b) = (out[n - 2], out[n - 1]);
        let len = dist(a, b);
        if len > left {
            let t = (len - left) / len;
            out[n - 1] = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            return out;
        }
        left -= len;
        out.pop();
    }
    if out.len() < 2 {
        Vec::new()
    } else {
        out
    }
}

/// Cuts `d` px off the start of a polyline.
pub(crate) fn trim_start(pts: &[Px], d: f64) -> Vec<Px> {
    let mut rev: Vec<Px> = pts.iter().rev().copied().collect();
    rev = trim_end(&rev, d);
    rev.reverse();
    rev
}

/// The point `d` px back from the end of a polyline (its start when it is shorter).
pub(crate) fn point_back_from_end(pts: &[Px], d: f64) -> Px {
    let mut left = d;
    for w in pts.windows(2).rev() {
        let (a, b) = (w[0], w[1]);
        let len = dist(a, b);
        if len >= left && len > 0.0 {
            let t = (len - left) / len;
            return (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        }
        left -= len;
    }
    pts.first().copied().unwrap_or((0.0, 0.0))
}

/// A polyline moved sideways by `d(s)` px (positive to the left of the direction of travel
/// in screen coordinates), where `s` is the distance along the line and `total` its length.
pub(crate) fn offset(pts: &[Px], d: impl Fn(f64, f64) -> f64) -> Vec<Px> {
    let n = pts.len();
    if n < 2 {
        return pts.to_vec();
    }
    let total = length(pts);
    let normal = |a: Px, b: Px| {
        let len = dist(a, b).max(1e-9);
        ((b.1 - a.1) / len, -(b.0 - a.0) / len)
    };
    let mut s = 0.0;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        if i > 0 {
            s += dist(pts[i - 1], pts[i]);
        }
        let (nx, ny) = if i == 0 {
            normal(pts[0], pts[1])
        } else if i + 1 == n {
            normal(pts[n - 2], pts[n - 1])
        } else {
            let (a, b) = (normal(pts[i - 1], pts[i]), normal(pts[i], pts[i + 1]));
            let (x, y) = (a.0 + b.0, a.1 + b.1);
            let len = x.hypot(y);
            if len < 1e-6 {
                a
            } else {
                // Miter, limited so a sharp turn does not throw the vertex far out.
                let cos_half = (len / 2.0).max(0.5);
                (x / len / cos_half, y / len / cos_half)
            }
        };
        let k = d(s, total);
        out.push((pts[i].0 + nx * k, pts[i].1 + ny * k));
    }
    out
}

/// An arrowhead with its tip at the end of `pts`: the triangle's corners.
pub(crate) fn arrowhead(pts: &[Px], len: f64, half_width: f64) -> [Px; 3] {
    let tip = *pts.last().unwrap_or(&(0.0, 0.0));
    let back = point_back_from_end(pts, len);
    let (dx, dy) = (tip.0 - back.0, tip.1 - back.1);
    let l = dx.hypot(dy).max(1e-9);
    let (ux, uy) = (dx / l, dy / l);
    let base = (tip.0 - ux * len, tip.1 - uy * len);
    [
        tip,
        (base.0 - uy * half_width, base.1 + ux * half_width),
        (base.0 + uy * half_width, base.1 - ux * half_width),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_a_line_leaving_the_frame() {
        let r = Rect::new(0.0, 0.0, 100.0, 100.0);
        let pieces = clip(&[(50.0, 50.0), (80.0, 50.0), (150.0, 50.0)], &r);
        assert_eq!(pieces.len(), 1);
        assert_eq!(
            pieces[0].pts,
            vec![(50.0, 50.0), (80.0, 50.0), (100.0, 50.0)]
        );
        assert!(pieces[0].starts_at_origin && !pieces[0].ends_at_destination);
        let inside = clip(&[(10.0, 10.0), (20.0, 20.0)], &r);
        assert!(inside[0].starts_at_origin && inside[0].ends_at_destination);
        let through = clip(&[(-50.0, 50.0), (150.0, 50.0)], &r);
        assert_eq!(through[0].pts, vec![(0.0, 50.0), (100.0, 50.0)]);
        assert!(!through[0].starts_at_origin && !through[0].ends_at_destination);
    }

    #[test]
    fn trims_and_offsets() {
        let line = [(0.0, 0.0), (10.0, 0.0), (20.0, 0.0)];
        assert_eq!(
            trim_end(&line, 5.0),
            vec![(0.0, 0.0), (10.0, 0.0), (15.0, 0.0)]
        );
        assert_eq!(trim_start(&line, 15.0), vec![(15.0, 0.0), (20.0, 0.0)]);
        assert!(trim_end(&line, 25.0).is_empty());
        let up = offset(&line, |_, _| 2.0);
        assert!(up.iter().all(|p| (p.1 + 2.0).abs() < 1e-9), "{up:?}");
        let head = arrowhead(&line, 4.0, 2.0);
        assert_eq!(head[0], (20.0, 0.0));
        assert_eq!(head[1], (16.0, 2.0));
    }

    #[test]
    fn thinning_keeps_the_ends() {
        let line = [(0.0, 0.0), (0.1, 0.0), (0.2, 0.0), (5.0, 0.0), (5.1, 0.0)];
        assert_eq!(thin(&line, 0.5), vec![(0.0, 0.0), (5.1, 0.0)]);
    }
}
