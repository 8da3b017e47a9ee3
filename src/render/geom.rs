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

/// Douglas–Peucker simplification: the fewest vertices that stay within `tol` px of the line.
/// A great circle densified every 10 km is a smooth curve: a handful of vertices draw it to
/// a quarter pixel, and the rasteriser strokes (and joins) far fewer segments.
pub(crate) fn simplify(pts: &[Px], tol: f64) -> Vec<Px> {
    if pts.len() <= 2 {
        return pts.to_vec();
    }
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[pts.len() - 1] = true;
    let mut stack = vec![(0, pts.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (mut worst, mut at) = (0.0, 0);
        for i in a + 1..b {
            let d = perpendicular(pts[i], pts[a], pts[b]);
            if d > worst {
                worst = d;
                at = i;
            }
        }
        if worst > tol {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
    pts.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn perpendicular(p: Px, a: Px, b: Px) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = dx.hypot(dy);
    if len == 0.0 {
        return dist(p, a);
    }
    ((p.0 - a.0) * dy - (p.1 - a.1) * dx).abs() / len
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

/// Clips a polygon ring to a box (Sutherland–Hodgman): the part of the fill inside it, as one
/// ring that may run along the box's edges. Enough for filling; not for stroking outlines.
pub(crate) fn clip_ring(ring: &[Px], r: &Rect) -> Vec<Px> {
    let mut pts: Vec<Px> = ring.to_vec();
    // One pass per edge of the box: left, right, top, bottom.
    for edge in 0..4 {
        if pts.is_empty() {
            break;
        }
        let inside = |p: Px| match edge {
            0 => p.0 >= r.x0,
            1 => p.0 <= r.x1,
            2 => p.1 >= r.y0,
            _ => p.1 <= r.y1,
        };
        let cross = |a: Px, b: Px| match edge {
            0 => at_x(a, b, r.x0),
            1 => at_x(a, b, r.x1),
            2 => at_y(a, b, r.y0),
            _ => at_y(a, b, r.y1),
        };
        let input = std::mem::take(&mut pts);
        let mut prev = input[input.len() - 1];
        for &p in &input {
            match (inside(p), inside(prev)) {
                (true, true) => pts.push(p),
                (true, false) => {
                    pts.push(cross(prev, p));
                    pts.push(p);
                }
                (false, true) => pts.push(cross(prev, p)),
                (false, false) => {}
            }
            prev = p;
        }
    }
    pts
}

fn at_x(a: Px, b: Px, x: f64) -> Px {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + (b.1 - a.1) * t)
}

fn at_y(a: Px, b: Px, y: f64) -> Px {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + (b.0 - a.0) * t, y)
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
    fn clips_rings_to_the_box() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let big = [(-5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (-5.0, 15.0)];
        let c = clip_ring(&big, &r);
        assert_eq!(c.len(), 4);
        assert!(c
            .iter()
            .all(|p| (0.0..=10.0).contains(&p.0) && (0.0..=10.0).contains(&p.1)));
        let outside = [(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)];
        assert!(clip_ring(&outside, &r).is_empty());
        let tri = [(5.0, 5.0), (20.0, 5.0), (5.0, 8.0)];
        let c = clip_ring(&tri, &r);
        assert_eq!(c[0], (5.0, 5.0));
        assert!(c.contains(&(10.0, 5.0)));
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
    fn simplifying_keeps_the_shape() {
        let arc: Vec<Px> = (0..=100)
            .map(|i| {
                let a = i as f64 / 100.0 * std::f64::consts::FRAC_PI_2;
                (100.0 * a.cos(), 100.0 * a.sin())
            })
            .collect();
        let s = simplify(&arc, 0.25);
        assert!(s.len() < 20 && s.len() > 4, "{}", s.len());
        assert_eq!((s[0], *s.last().unwrap()), (arc[0], arc[100]));
        let straight = [(0.0, 0.0), (1.0, 0.0), (2.0, 0.01), (3.0, 0.0)];
        assert_eq!(simplify(&straight, 0.25), vec![(0.0, 0.0), (3.0, 0.0)]);
    }

    #[test]
    fn thinning_keeps_the_ends() {
        let line = [(0.0, 0.0), (0.1, 0.0), (0.2, 0.0), (5.0, 0.0), (5.1, 0.0)];
        assert_eq!(thin(&line, 0.5), vec![(0.0, 0.0), (5.1, 0.0)]);
    }
}
