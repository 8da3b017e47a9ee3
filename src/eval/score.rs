//! The figures, as `score.py` defines them (its docstring is the definition; this is a port,
//! loop for loop, so that ties fall the same way):
//!
//! - places: a required place is found when a point of the article stands for it; a point is
//!   right when it stands for a required place, and left out of precision when it stands only
//!   for optional ones;
//! - movements: each annotated trip takes the first unused line of the article whose first
//!   vertex stands for its origin and last vertex for its destination (a null end matches
//!   anything; when both are null, the line must pass each waypoint). A half trip is also
//!   found by a withdrawal event at its origin or an arrival event at its destination.
//!   Precision is the lines used over all lines;
//! - events: found by an event of the same type at the place, or for a withdrawal (arrival) by
//!   a line starting (ending) there; recall only.

use serde::Serialize;

use super::annotation::Annotation;
use super::extracted::{Article, Line};
use super::geometry::{Area, Countries};
use super::report::{py_list, py_opt};

/// The counts behind the figures, named as in `score.py --json`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Required places found.
    pub pl_hit: usize,
    /// Required places.
    pub pl_n: usize,
    /// Points that stand for a required place.
    pub pl_ok: usize,
    /// Points counted (not those standing only for optional places).
    pub pl_out: usize,
    /// Annotated movements found.
    pub mv_hit: usize,
    /// Annotated movements.
    pub mv_n: usize,
    /// Lines that found a movement.
    pub mv_used: usize,
    /// Lines.
    pub mv_out: usize,
    /// Annotated events found.
    pub ev_hit: usize,
    /// Annotated events.
    pub ev_n: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.pl_hit += o.pl_hit;
        self.pl_n += o.pl_n;
        self.pl_ok += o.pl_ok;
        self.pl_out += o.pl_out;
        self.mv_hit += o.mv_hit;
        self.mv_n += o.mv_n;
        self.mv_used += o.mv_used;
        self.mv_out += o.mv_out;
        self.ev_hit += o.ev_hit;
        self.ev_n += o.ev_n;
    }
}

/// The figures of `score.py --json`, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// Places: precision, recall and F1.
    pub places_p: f64,
    /// See `places_p`.
    pub places_r: f64,
    /// See `places_p`.
    pub places_f1: f64,
    /// Movements: precision, recall and F1.
    pub movements_p: f64,
    /// See `movements_p`.
    pub movements_r: f64,
    /// See `movements_p`.
    pub movements_f1: f64,
    /// Events: recall.
    pub events_r: f64,
    /// What the figures are worked out from.
    pub counts: Counts,
}

impl Scores {
    /// The figures of the counts (0 where a denominator is 0).
    ///
    /// # Examples
    /// ```
    /// use convoy::eval::{Counts, Scores};
    /// let s = Scores::new(Counts { pl_hit: 9, pl_n: 10, pl_ok: 3, pl_out: 4, ..Counts::default() });
    /// assert_eq!((s.places_p, s.places_r), (0.75, 0.9));
    /// assert_eq!(s.movements_f1, 0.0);
    /// ```
    pub fn new(t: Counts) -> Scores {
        let (pp, pr) = (ratio(t.pl_ok, t.pl_out), ratio(t.pl_hit, t.pl_n));
        let (mp, mr) = (ratio(t.mv_used, t.mv_out), ratio(t.mv_hit, t.mv_n));
        Scores {
            places_p: pp,
            places_r: pr,
            places_f1: f1(pp, pr),
            movements_p: mp,
            movements_r: mr,
            movements_f1: f1(mp, mr),
            events_r: ratio(t.ev_hit, t.ev_n),
            counts: t,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// `2 * p * r / (p + r)`, evaluated in that order as Python does.
fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// One article's counts, and what it missed or got wrong (for `--verbose`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleScore {
    /// The article's file stem ("301_alain_russian_convoy_qamishli").
    pub stem: String,
    /// The article's share of the counts.
    pub counts: Counts,
    /// Required places not found, in name order, with their Arabic spellings.
    pub places_missed: Vec<(String, Vec<String>)>,
    /// The ids of points standing for no required place.
    pub places_wrong: Vec<Option<String>>,
    /// Annotated movements not found ("Origin -> [] -> None").
    pub movements_missed: Vec<String>,
    /// Lines that found no movement ("origin_id -> ['via_id'] -> destination_id").
    pub lines_extra: Vec<String>,
    /// Annotated events not found ("withdrawal at Place").
    pub events_missed: Vec<String>,
}

/// Scores the features `x` of one article against its annotation `a`.
pub fn article(stem: &str, a: &Annotation, x: &Article, countries: &Countries) -> ArticleScore {
    let mut s = ArticleScore {
        stem: stem.to_owned(),
        ..ArticleScore::default()
    };
    places(&mut s, a, x, countries);
    movements(&mut s, a, x, countries);
    events(&mut s, a, x, countries);
    s
}

fn places(s: &mut ArticleScore, a: &Annotation, x: &Article, countries: &Countries) {
    let holds = |i: usize, at: [f64; 2]| holds(a, i, countries, at);
    let gold: Vec<usize> = (0..a.places.len())
        .filter(|&i| !a.places[i].optional)
        .collect();
    let for_gold = |at| gold.iter().any(|&i| holds(i, at));
    // A point that stands only for optional places is left out of precision.
    let points: Vec<_> = (x.places.iter())
        .filter(|p| for_gold(p.at) || !(0..a.places.len()).any(|i| holds(i, p.at)))
        .collect();
    let (found, missed): (Vec<usize>, Vec<usize>) =
        (gold.iter()).partition(|&&i| points.iter().any(|p| holds(i, p.at)));
    let wrong: Vec<Option<String>> = (points.iter())
        .filter(|p| !for_gold(p.at))
        .map(|p| p.id.clone())
        .collect();
    s.counts.pl_hit = found.len();
    s.counts.pl_n = gold.len();
    s.counts.pl_ok = points.len() - wrong.len();
    s.counts.pl_out = points.len();
    s.places_missed = missed
        .into_iter()
        .map(|i| (a.places[i].name.clone(), a.places[i].surface_ar.clone()))
        .collect();
    s.places_missed.sort();
    s.places_wrong = wrong;
}

fn movements(s: &mut ArticleScore, a: &Annotation, x: &Article, countries: &Countries) {
    let area = |i: Option<usize>| i.map(|i| &a.places[i].area);
    let stands = |end: Option<&Area>, at: Option<&[f64; 2]>| {
        end.is_none_or(|e| at.is_some_and(|&at| e.holds(countries, at)))
    };
    let mut used = vec![false; x.lines.len()];
    for m in &a.movements {
        let (o, d) = (area(m.origin), area(m.destination));
        let passes = |l: &Line| {
            (m.vias.iter()).all(|&v| l.vertices.iter().any(|&at| holds(a, v, countries, at)))
        };
        let line = (x.lines.iter().enumerate()).position(|(i, l)| {
            !used[i] && stands(o, l.vertices.first()) && stands(d, l.vertices.last()) && passes(l)
        });
        let mut hit = line.inspect(|&i| used[i] = true).is_some();
        // A half trip: its one end's withdrawal or arrival event.
        let half = match (o, d) {
            (Some(o), None) => Some(("withdrawal", o)),
            (None, Some(d)) => Some(("arrival", d)),
            _ => None,
        };
        if let (false, Some((kind, end))) = (hit, half) {
            hit = (x.events.iter())
                .any(|e| e.event_type.as_deref() == Some(kind) && end.holds(countries, e.at));
        }
        s.counts.mv_n += 1;
        s.counts.mv_hit += usize::from(hit);
        if !hit {
            s.movements_missed.push(m.shown.clone());
        }
    }
    s.counts.mv_used = used.iter().filter(|&&u| u).count();
    s.counts.mv_out = x.lines.len();
    s.lines_extra = (x.lines.iter().zip(&used))
        .filter(|(_, &u)| !u)
        .map(|(l, _)| shown(l))
        .collect();
}

/// Whether the point stands for the annotation's place `place`.
fn holds(a: &Annotation, place: usize, countries: &Countries, at: [f64; 2]) -> bool {
    a.places[place].area.holds(countries, at)
}

/// A line as `score.py` prints it.
fn shown(l: &Line) -> String {
    let via = l.via.as_deref().map_or_else(|| "None".to_owned(), py_list);
    format!(
        "{} -> {via} -> {}",
        py_opt(l.origin.as_deref()),
        py_opt(l.destination.as_deref())
    )
}

fn events(s: &mut ArticleScore, a: &Annotation, x: &Article, countries: &Countries) {
    for e in &a.events {
        let at = |v: Option<&[f64; 2]>| v.is_some_and(|&v| holds(a, e.place, countries, v));
        let mut ok = (x.events.iter())
            .any(|f| f.event_type.as_deref() == Some(e.kind.as_str()) && at(Some(&f.at)));
        if !ok && e.kind == "withdrawal" {
            ok = x.lines.iter().any(|l| at(l.vertices.first()));
        }
        if !ok && e.kind == "arrival" {
            ok = x.lines.iter().any(|l| at(l.vertices.last()));
        }
        s.counts.ev_n += 1;
        s.counts.ev_hit += usize::from(ok);
        if !ok {
            s.events_missed.push(e.shown.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::annotation::{GoldEvent, GoldMovement, GoldPlace};
    use super::super::extracted::{EventPoint, PlacePoint};
    use super::*;

    /// Places on the equator a degree apart (111 km), 10 km each: A at lon 0, B at 1, C at 2;
    /// D, optional, at 3.
    fn places() -> Vec<GoldPlace> {
        ["A", "B", "C", "D"]
            .iter()
            .enumerate()
            .map(|(i, name)| GoldPlace {
                name: (*name).into(),
                surface_ar: vec![format!("{name}ع")],
                optional: i == 3,
                area: Area::Circle {
                    lat: 0.0,
                    lon: i as f64,
                    radius_km: 10.0,
                },
            })
            .collect()
    }

    fn at(lon: f64) -> [f64; 2] {
        [lon, 0.0]
    }

    fn line(lons: &[f64]) -> Line {
        Line {
            vertices: lons.iter().map(|&x| at(x)).collect(),
            origin: Some(format!("o{}", lons[0])),
            via: Some(vec![]),
            destination: None,
        }
    }

    fn trip(origin: Option<usize>, destination: Option<usize>, vias: &[usize]) -> GoldMovement {
        GoldMovement {
            origin,
            destination,
            vias: vias.to_vec(),
            shown: format!("{origin:?}-{destination:?}"),
        }
    }

    fn event(kind: &str, place: usize) -> GoldEvent {
        GoldEvent {
            kind: kind.into(),
            place,
            shown: format!("{kind} at {place}"),
        }
    }

    fn score(a: &Annotation, x: &Article) -> ArticleScore {
        article("t", a, x, &Countries::default())
    }

    #[test]
    fn points_for_optional_places_only_are_left_out_of_precision() {
        let a = Annotation {
            places: places(),
            movements: vec![],
            events: vec![],
        };
        let point = |lon, id: &str| PlacePoint {
            at: at(lon),
            id: Some(id.into()),
        };
        let x = Article {
            places: vec![
                point(0.01, "a"),
                point(3.0, "d"),
                point(5.0, "far"),
                point(0.0, "a2"),
            ],
            ..Article::default()
        };
        let s = score(&a, &x);
        assert_eq!((s.counts.pl_hit, s.counts.pl_n), (1, 3));
        assert_eq!((s.counts.pl_ok, s.counts.pl_out), (2, 3));
        assert_eq!(s.places_wrong, [Some("far".to_owned())]);
        assert_eq!(s.places_missed[0], ("B".to_owned(), vec!["Bع".to_owned()]));
    }

    #[test]
    fn each_trip_takes_the_first_unused_matching_line() {
        let a = Annotation {
            places: places(),
            movements: vec![trip(Some(0), None, &[]), trip(Some(0), Some(1), &[])],
            events: vec![],
        };
        // The half trip takes the first line, though the full trip needed it: greedy, in
        // annotation order, as score.py.
        let x = Article {
            lines: vec![line(&[0.0, 1.0]), line(&[0.0, 2.0])],
            ..Article::default()
        };
        let s = score(&a, &x);
        assert_eq!((s.counts.mv_hit, s.counts.mv_n), (1, 2));
        assert_eq!((s.counts.mv_used, s.counts.mv_out), (1, 2));
        assert_eq!(s.movements_missed, ["Some(0)-Some(1)"]);
        assert_eq!(s.lines_extra, ["o0 -> [] -> None"]);
    }

    #[test]
    fn waypoints_count_only_when_both_ends_are_null() {
        let a = Annotation {
            places: places(),
            movements: vec![trip(None, None, &[2]), trip(None, None, &[1])],
            events: vec![],
        };
        let x = Article {
            lines: vec![line(&[0.0, 1.0, 3.0])],
            ..Article::default()
        };
        let s = score(&a, &x);
        assert_eq!(s.counts.mv_hit, 1, "{s:?}");
        assert_eq!(s.movements_missed, ["None-None"]);
    }

    #[test]
    fn half_trips_are_found_by_their_ends_events() {
        let a = Annotation {
            places: places(),
            movements: vec![trip(Some(0), None, &[]), trip(None, Some(1), &[])],
            events: vec![],
        };
        let ev = |kind: &str, lon| EventPoint {
            at: at(lon),
            event_type: Some(kind.into()),
        };
        let x = Article {
            events: vec![ev("withdrawal", 0.0), ev("withdrawal", 1.0)],
            ..Article::default()
        };
        let s = score(&a, &x);
        assert_eq!(
            (s.counts.mv_hit, s.counts.mv_used, s.counts.mv_out),
            (1, 0, 0)
        );
        assert_eq!(s.movements_missed, ["None-Some(1)"]);
    }

    #[test]
    fn withdrawals_and_arrivals_are_also_found_at_line_ends() {
        let a = Annotation {
            places: places(),
            movements: vec![],
            events: vec![
                event("withdrawal", 0),
                event("arrival", 1),
                event("arrival", 0),
                event("presence", 1),
                event("attack", 2),
            ],
        };
        let x = Article {
            lines: vec![line(&[0.0, 1.0])],
            events: vec![EventPoint {
                at: at(2.0),
                event_type: Some("attack".into()),
            }],
            ..Article::default()
        };
        let s = score(&a, &x);
        assert_eq!((s.counts.ev_hit, s.counts.ev_n), (3, 5));
        assert_eq!(s.events_missed, ["arrival at 0", "presence at 1"]);
    }

    #[test]
    fn figures_are_zero_without_denominators() {
        let s = Scores::new(Counts::default());
        assert_eq!(
            (s.places_p, s.places_f1, s.movements_r, s.events_r),
            (0.0, 0.0, 0.0, 0.0)
        );
        let s = Scores::new(Counts {
            mv_hit: 1,
            mv_n: 3,
            mv_used: 1,
            mv_out: 2,
            ..Counts::default()
        });
        // 2 * 0.5 * (1/3) / (0.5 + 1/3), as Python evaluates it.
        assert_eq!(s.movements_f1, 0.4);
    }
}
