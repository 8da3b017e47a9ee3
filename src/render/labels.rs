//! Label placement: a pure function from labels and obstacles to boxes that overlap nothing.
//!
//! Labels are placed greedily in the order given (the caller sorts them most important first).
//! Each tries candidate boxes around its anchor in a fixed order: right, upper right, lower
//! right, left, upper left, lower left, above, below (Imhof's preferences for point labels);
//! then the same directions further out with a leader line back to the symbol (which may
//! start inside the box of the label's own symbol, any box holding the anchor); then its
//! shorter variants (e.g. one language instead of two) the same way. The first box inside the
//! frame that touches no obstacle (symbol, arrow, legend), no label already placed and no
//! leader already drawn is taken; a label with no such box is dropped. Same input, same
//! output: nothing here depends on hashing or time.

/// A point in map pixels.
pub type Pt = (f64, f64);

/// An axis-aligned box, `x0 <= x1`, `y0 <= y1` (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The box from its corner and size.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        }
    }

    /// The box of half-size `r` around a point.
    pub fn around(p: Pt, r: f64) -> Rect {
        Rect {
            x0: p.0 - r,
            y0: p.1 - r,
            x1: p.0 + r,
            y1: p.1 + r,
        }
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// True when the two boxes share interior (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// True when `o` lies within this box.
    pub fn contains(&self, o: &Rect) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }

    /// The box grown by `d` on every side.
    pub fn inflate(&self, d: f64) -> Rect {
        Rect {
            x0: self.x0 - d,
            y0: self.y0 - d,
            x1: self.x1 + d,
            y1: self.y1 + d,
        }
    }

    /// True when the segment `a`–`b` passes through the box's interior.
    pub fn hit_by_segment(&self, a: Pt, b: Pt) -> bool {
        // Liang–Barsky: clip the segment's parameter range against each slab.
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 >= t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// Something labels must not touch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Obstacle {
    /// A symbol, marker, panel or another fixed box.
    Rect(Rect),
    /// A line (an arrow's shaft) of the given half-width.
    Segment { a: Pt, b: Pt, half_width: f64 },
}

impl Obstacle {
    fn bounds(&self) -> Rect {
        match *self {
            Obstacle::Rect(r) => r,
            Obstacle::Segment { a, b, half_width } => Rect {
                x0: a.0.min(b.0),
                y0: a.1.min(b.1),
                x1: a.0.max(b.0),
                y1: a.1.max(b.1),
            }
            .inflate(half_width),
        }
    }

    fn hits_rect(&self, r: &Rect) -> bool {
        match *self {
            Obstacle::Rect(o) => o.overlaps(r),
            // Growing the box by the half-width is a little more cautious than the exact
            // rounded outline: it can only refuse more, never let an overlap through.
            Obstacle::Segment { a, b, half_width } => r.inflate(half_width).hit_by_segment(a, b),
        }
    }

    fn hits_segment(&self, p: Pt, q: Pt, half_width: f64) -> bool {
        match *self {
            Obstacle::Rect(o) => o.inflate(half_width).hit_by_segment(p, q),
            Obstacle::Segment {
                a,
                b,
                half_width: hw,
            } => segment_distance(a, b, p, q) < hw + half_width,
        }
    }
}

/// How a label sits relative to its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchoring {
    /// Beside a point symbol, `clearance` px from the anchor.
    Beside,
    /// Centred on the anchor (an area such as a country), nudged when needed.
    Centred,
}

/// One label to place.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelSpec {
    pub anchor: Pt,
    /// Other points the label may sit beside, tried after `anchor` (a river's name can go
    /// anywhere along it). A label with any is never given a leader line: it names a line, not
    /// a point.
    pub more_anchors: Vec<Pt>,
    /// Box sizes `(width, height)`: the full label first, then shorter variants.
    pub sizes: Vec<(f64, f64)>,
    /// How many of the leading sizes say everything the label says (shorter forms of the
    /// same names); those after them leave something out (a language). Complete sizes are
    /// tried near the anchor, then with leaders, before any incomplete one.
    pub complete: usize,
    /// Distance from the anchor to the nearest edge of a box placed beside it.
    pub clearance: f64,
    pub anchoring: Anchoring,
}

/// Where a box sits relative to its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Right,
    AboveRight,
    BelowRight,
    Left,
    AboveLeft,
    BelowLeft,
    Above,
    Below,
    Centre,
}

const SIDES: [Side; 8] = [
    Side::Right,
    Side::AboveRight,
    Side::BelowRight,
    Side::Left,
    Side::AboveLeft,
    Side::BelowLeft,
    Side::Above,
    Side::Below,
];

/// A placed label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub rect: Rect,
    pub side: Side,
    /// Which of the label's sizes was used (0 = full).
    pub variant: usize,
    /// A line from the symbol to the box, when the box had to move away.
    pub leader: Option<(Pt, Pt)>,
}

/// Half-width of a leader line, px.
pub const LEADER_HALF_WIDTH: f64 = 0.6;

/// Places `labels` (most important first) inside `frame` so that no box overlaps another box,
/// an obstacle, or a leader line, and no leader line crosses a box or an obstacle. Returns one
/// entry per label, `None` for those dropped.
pub fn place_labels(
    frame: Rect,
    obstacles: &[Obstacle],
    labels: &[LabelSpec],
) -> Vec<Option<Placement>> {
    let mut index = Grid::new(frame);
    for (i, o) in obstacles.iter().enumerate() {
        index.insert(o.bounds(), Item::Obstacle(i));
    }
    let mut placed: Vec<Placement> = Vec::new();
    let mut result = Vec::with_capacity(labels.len());
    for label in labels {
        let found = candidates(label)
            .find(|c| frame.contains(&c.rect) && fits(c, label.anchor, &index, obstacles, &placed));
        if let Some(c) = found {
            let n = placed.len();
            index.insert(c.rect, Item::Label(n));
            if let Some((p, q)) = c.leader {
                index.insert(segment_bounds(p, q, LEADER_HALF_WIDTH), Item::Label(n));
            }
            placed.push(c);
        }
        result.push(found);
    }
    result
}

fn fits(
    c: &Placement,
    anchor: Pt,
    index: &Grid,
    obstacles: &[Obstacle],
    placed: &[Placement],
) -> bool {
    let mut ok = true;
    index.visit(c.rect, |item| {
        ok &= match item {
            Item::Obstacle(i) => !obstacles[i].hits_rect(&c.rect),
            Item::Label(j) => {
                let other = &placed[j];
                !other.rect.overlaps(&c.rect)
                    && other.leader.is_none_or(|(p, q)| {
                        !c.rect.inflate(LEADER_HALF_WIDTH).hit_by_segment(p, q)
                    })
            }
        };
        ok
    });
    if let (true, Some((p, q))) = (ok, c.leader) {
        index.visit(segment_bounds(p, q, LEADER_HALF_WIDTH), |item| {
            ok &= match item {
                // A leader starts at its own symbol: a box holding the anchor is that symbol.
                Item::Obstacle(i) if matches!(obstacles[i], Obstacle::Rect(r) if r.x0 <= anchor.0 && anchor.0 <= r.x1 && r.y0 <= anchor.1 && anchor.1 <= r.y1) => true,
                Item::Obstacle(i) => !obstacles[i].hits_segment(p, q, LEADER_HALF_WIDTH),
                Item::Label(j) => {
                    let other = &placed[j];
                    !other.rect.inflate(LEADER_HALF_WIDTH).hit_by_segment(p, q)
                        && other.leader.is_none_or(|(a, b)| {
                            segment_distance(a, b, p, q) >= 2.0 * LEADER_HALF_WIDTH
                        })
                }
            };
            ok
        });
    }
    ok
}

/// Every candidate box for a label, best first: the complete sizes beside the anchor, then
/// with leaders; then the incomplete sizes the same way.
fn candidates(label: &LabelSpec) -> impl Iterator<Item = Placement> + '_ {
    let complete = label.complete.clamp(1, label.sizes.len().max(1));
    let tiers = [
        (0..complete, false),
        (0..complete, true),
        (complete..label.sizes.len(), false),
        (complete..label.sizes.len(), true),
    ];
    tiers.into_iter().flat_map(move |(range, far)| {
        range.flat_map(move |variant| {
            let (w, h) = label.sizes[variant];
            if far {
                far_candidates(label, variant, w, h)
            } else {
                std::iter::once(label.anchor)
                    .chain(label.more_anchors.iter().copied())
                    .flat_map(|at| near_candidates(label, at, variant, w, h))
                    .collect()
            }
        })
    })
}

fn near_candidates(label: &LabelSpec, at: Pt, variant: usize, w: f64, h: f64) -> Vec<Placement> {
    let (ax, ay) = at;
    match label.anchoring {
        Anchoring::Centred => {
            let nudges = [
                (0.0, 0.0),
                (0.0, -0.8),
                (0.0, 0.8),
                (-0.25, 0.0),
                (0.25, 0.0),
                (-0.25, -0.8),
                (0.25, -0.8),
                (-0.25, 0.8),
                (0.25, 0.8),
                (0.0, -1.6),
                (0.0, 1.6),
            ];
            nudges
                .iter()
                .map(|&(fx, fy)| Placement {
                    rect: Rect::new(ax - w / 2.0 + fx * w, ay - h / 2.0 + fy * h, w, h),
                    side: Side::Centre,
                    variant,
                    leader: None,
                })
                .collect()
        }
        Anchoring::Beside => SIDES
            .iter()
            .map(|&side| Placement {
                rect: beside(at, w, h, label.clearance, side),
                side,
                variant,
                leader: None,
            })
            .collect(),
    }
}

/// Boxes further out, each with a leader line back to the symbol: at three distances
/// growing with the label's height, nearest first.
fn far_candidates(label: &LabelSpec, variant: usize, w: f64, h: f64) -> Vec<Placement> {
    if label.anchoring == Anchoring::Centred || !label.more_anchors.is_empty() {
        return Vec::new();
    }
    [0.6, 1.2, 2.4]
        .iter()
        .flat_map(|&k| {
            SIDES.iter().map(move |&side| {
                let c = label.clearance + k * h;
                let rect = beside(label.anchor, w, h, c, side);
                let start = towards(label.anchor, &rect, label.clearance);
                Placement {
                    rect,
                    side,
                    variant,
                    leader: Some((start, nearest_point(&rect, label.anchor))),
                }
            })
        })
        .collect()
}

/// The box of size `w`×`h` on `side` of `anchor`, `c` px away.
fn beside(anchor: Pt, w: f64, h: f64, c: f64, side: Side) -> Rect {
    let (ax, ay) = anchor;
    // Diagonal boxes keep c on both axes: symbols are boxes to the placer, and a corner only
    // c/√2 away would touch one.
    let d = c;
    match side {
        Side::Right => Rect::new(ax + c, ay - h / 2.0, w, h),
        Side::Left => Rect::new(ax - c - w, ay - h / 2.0, w, h),
        Side::Above => Rect::new(ax - w / 2.0, ay - c - h, w, h),
        Side::Below => Rect::new(ax - w / 2.0, ay + c, w, h),
        Side::AboveRight => Rect::new(ax + d, ay - d - h, w, h),
        Side::BelowRight => Rect::new(ax + d, ay + d, w, h),
        Side::AboveLeft => Rect::new(ax - d - w, ay - d - h, w, h),
        Side::BelowLeft => Rect::new(ax - d - w, ay + d, w, h),
        Side::Centre => Rect::new(ax - w / 2.0, ay - h / 2.0, w, h),
    }
}

fn nearest_point(r: &Rect, p: Pt) -> Pt {
    (p.0.clamp(r.x0, r.x1), p.1.clamp(r.y0, r.y1))
}

/// The point `dist` px from `from` towards the box.
fn towards(from: Pt, r: &Rect, dist: f64) -> Pt {
    let to = nearest_point(r, from);
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = dx.hypot(dy);
    if len <= dist || len == 0.0 {
        return to;
    }
    (from.0 + dx / len * dist, from.1 + dy / len * dist)
}

fn segment_bounds(a: Pt, b: Pt, hw: f64) -> Rect {
    Rect {
        x0: a.0.min(b.0),
        y0: a.1.min(b.1),
        x1: a.0.max(b.0),
        y1: a.1.max(b.1),
    }
    .inflate(hw)
}

fn point_segment_distance(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    (p.0 - (a.0 + t * dx)).hypot(p.1 - (a.1 + t * dy))
}

/// The shortest distance between segments `a`–`b` and `p`–`q` (0 when they cross).
pub fn segment_distance(a: Pt, b: Pt, p: Pt, q: Pt) -> f64 {
    let cross = |o: Pt, u: Pt, v: Pt| (u.0 - o.0) * (v.1 - o.1) - (u.1 - o.1) * (v.0 - o.0);
    let (d1, d2) = (cross(a, b, p), cross(a, b, q));
    let (d3, d4) = (cross(p, q, a), cross(p, q, b));
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        return 0.0;
    }
    point_segment_distance(p, a, b)
        .min(point_segment_distance(q, a, b))
        .min(point_segment_distance(a, p, q))
        .min(point_segment_distance(b, p, q))
}

#[derive(Debug, Clone, Copy)]
enum Item {
    Obstacle(usize),
    Label(usize),
}

/// A uniform grid over the frame; things outside it are kept in the border cells.
struct Grid {
    frame: Rect,
    cell: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<Item>>,
}

impl Grid {
    fn new(frame: Rect) -> Grid {
        let cell = 48.0;
        let cols = ((frame.width() / cell).ceil() as usize).clamp(1, 4096);
        let rows = ((frame.height() / cell).ceil() as usize).clamp(1, 4096);
        Grid {
            frame,
            cell,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
        }
    }

    fn span(&self, r: Rect) -> Option<(usize, usize, usize, usize)> {
        if !(r.x0 <= r.x1 && r.y0 <= r.y1) {
            return None; // NaN or empty
        }
        let f =
            |v: f64, o: f64, n: usize| (((v - o) / self.cell).floor().max(0.0) as usize).min(n - 1);
        Some((
            f(r.x0, self.frame.x0, self.cols),
            f(r.y0, self.frame.y0, self.rows),
            f(r.x1, self.frame.x0, self.cols),
            f(r.y1, self.frame.y0, self.rows),
        ))
    }

    fn insert(&mut self, r: Rect, item: Item) {
        if let Some((c0, r0, c1, r1)) = self.span(r) {
            for row in r0..=r1 {
                for col in c0..=c1 {
                    self.cells[row * self.cols + col].push(item);
                }
            }
        }
    }

    /// Calls `f` on every item whose cells meet `r`, until it returns false. An item may be
    /// seen more than once.
    fn visit(&self, r: Rect, mut f: impl FnMut(Item) -> bool) {
        if let Some((c0, r0, c1, r1)) = self.span(r) {
            for row in r0..=r1 {
                for col in c0..=c1 {
                    for &item in &self.cells[row * self.cols + col] {
                        if !f(item) {
                            return;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn prefers_the_right_then_moves_around() {
        let frame = Rect::new(0.0, 0.0, 400.0, 300.0);
        let label = |x, y| LabelSpec {
            anchor: (x, y),
            more_anchors: Vec::new(),
            sizes: vec![(60.0, 14.0)],
            complete: 1,
            clearance: 6.0,
            anchoring: Anchoring::Beside,
        };
        let symbols = [
            Obstacle::Rect(Rect::around((100.0, 100.0), 4.0)),
            Obstacle::Rect(Rect::around((130.0, 100.0), 4.0)),
        ];
        let out = place_labels(frame, &symbols, &[label(100.0, 100.0), label(380.0, 100.0)]);
        // The first cannot go right (the second symbol is there), so it goes upper right.
        assert_eq!(out[0].unwrap().side, Side::AboveRight);
        // The second is near the right edge: its label goes left.
        assert_eq!(out[1].unwrap().side, Side::Left);
    }

    #[test]
    fn drops_what_cannot_fit() {
        let frame = Rect::new(0.0, 0.0, 100.0, 100.0);
        let big = LabelSpec {
            anchor: (50.0, 50.0),
            more_anchors: Vec::new(),
            sizes: vec![(300.0, 14.0)],
            complete: 1,
            clearance: 5.0,
            anchoring: Anchoring::Beside,
        };
        assert_eq!(place_labels(frame, &[], &[big]), vec![None]);
    }

    #[test]
    fn uses_a_shorter_variant() {
        // The full label is too wide for either side and too tall for above or below.
        let frame = Rect::new(0.0, 0.0, 200.0, 60.0);
        let l = LabelSpec {
            anchor: (100.0, 30.0),
            more_anchors: Vec::new(),
            sizes: vec![(150.0, 40.0), (50.0, 14.0)],
            complete: 2,
            clearance: 5.0,
            anchoring: Anchoring::Beside,
        };
        let p = place_labels(frame, &[], &[l])[0].unwrap();
        assert_eq!((p.variant, p.side), (1, Side::Right));
    }

    fn exact_segment_rect_distance(a: Pt, b: Pt, r: &Rect) -> f64 {
        if r.hit_by_segment(a, b) {
            return 0.0;
        }
        let c = [(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)];
        let mut d = f64::INFINITY;
        for i in 0..4 {
            d = d.min(segment_distance(a, b, c[i], c[(i + 1) % 4]));
        }
        d
    }

    fn arb_label() -> impl Strategy<Value = LabelSpec> {
        (
            0.0f64..600.0,
            0.0f64..400.0,
            5.0f64..120.0,
            8.0f64..30.0,
            2.0f64..12.0,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(x, y, w, h, c, centred, short)| LabelSpec {
                anchor: (x, y),
                more_anchors: if short { vec![(y, x)] } else { Vec::new() },
                complete: 1,
                sizes: if short {
                    vec![(w, h), (w / 2.0, h / 2.0)]
                } else {
                    vec![(w, h)]
                },
                clearance: c,
                anchoring: if centred {
                    Anchoring::Centred
                } else {
                    Anchoring::Beside
                },
            })
    }

    fn arb_obstacle() -> impl Strategy<Value = Obstacle> {
        prop_oneof![
            (0.0f64..600.0, 0.0f64..400.0, 1.0f64..40.0, 1.0f64..40.0)
                .prop_map(|(x, y, w, h)| Obstacle::Rect(Rect::new(x, y, w, h))),
            (
                0.0f64..600.0,
                0.0f64..400.0,
                -80.0f64..80.0,
                -80.0f64..80.0,
                0.5f64..5.0
            )
                .prop_map(|(x, y, dx, dy, hw)| Obstacle::Segment {
                    a: (x, y),
                    b: (x + dx, y + dy),
                    half_width: hw
                }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, rng_seed: proptest::test_runner::RngSeed::Fixed(11), ..ProptestConfig::default() })]

        #[test]
        fn never_overlaps(
            labels in proptest::collection::vec(arb_label(), 0..60),
            obstacles in proptest::collection::vec(arb_obstacle(), 0..40),
        ) {
            let frame = Rect::new(0.0, 0.0, 600.0, 400.0);
            let out = place_labels(frame, &obstacles, &labels);
            prop_assert_eq!(out.len(), labels.len());
            let placed: Vec<Placement> = out.iter().flatten().copied().collect();
            for (i, p) in placed.iter().enumerate() {
                prop_assert!(frame.contains(&p.rect));
                for q in &placed[i + 1..] {
                    prop_assert!(!p.rect.overlaps(&q.rect), "{:?} overlaps {:?}", p.rect, q.rect);
                }
                for o in &obstacles {
                    match *o {
                        Obstacle::Rect(r) => prop_assert!(!r.overlaps(&p.rect)),
                        Obstacle::Segment { a, b, half_width } => {
                            prop_assert!(exact_segment_rect_distance(a, b, &p.rect) >= half_width - 1e-9)
                        }
                    }
                }
                if let Some((a, b)) = p.leader {
                    for (j, q) in placed.iter().enumerate() {
                        if j != i {
                            prop_assert!(!q.rect.hit_by_segment(a, b));
                        }
                    }
                }
            }
        }
    }
}
