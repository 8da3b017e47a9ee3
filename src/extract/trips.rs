//! Trips assembled from what the frames tell: half-trips joined across clauses and sentences,
//! trips refined by a later, more specific end, and a trip told twice kept once.
//!
//! Reporters split one trip over several clauses: "خرج الرتل من القاعدة فجراً. ووصل بعد ساعات
//! إلى المعبر" (origin, then destination), "بلغت القوات المعبر. وجاء قسم منها من الأردن"
//! (destination, then origin), "غادر الجنود أربيل. عاد 102 منهم إلى إيطاليا، و75 إلى الأردن"
//! (one origin, several destinations). And a headline or summary ("من سوريا إلى العراق")
//! restates a trip the body tells in detail.

use geo::{Distance, Haversine};

use super::{Endpoint, Movement, Status};
use crate::document::MAX_EXCERPT_BYTES;
use crate::gazetteer::{Gazetteer, Kind, PlaceIndex};
use crate::geoparse::Mention;

/// How many sentences after a half-trip its other half may be told.
const REACH: usize = 2;

/// How many sentences apart a headline or summary may restate a trip.
const RESTATED_WITHIN: usize = 12;

/// A trip with one end told: kept for joining with the other half.
#[derive(Debug, Clone)]
pub(super) struct Half {
    /// The sentence that tells it.
    pub sentence: usize,
    /// The trip; the end not told holds a placeholder.
    pub movement: Movement,
    /// Which end is told: the origin (else the destination).
    pub has_origin: bool,
    /// The trigger kind of the frame (withdrawal vs redeployment events).
    pub redeploy: bool,
    /// Its clause tells the next step ("ثم انطلق إلى", "بعدما"), not something at the same time.
    pub next_step: bool,
    /// Its clause brings in a convoy of its own: a convoy noun without the article ("أدخلت
    /// رتلاً"، "وصلت قافلة"), not "الرتل" told before.
    pub new_convoy: bool,
    /// What moves is a part of something told before ("قسماً من المعدات جرى شحنه إلى"):
    /// another part of a trip told before, from where it set out.
    pub part: bool,
}

impl Half {
    fn actor(&self) -> Option<&str> {
        self.movement.actor.as_ref().map(|a| &*a.name)
    }

    /// Whether the two halves can be the same party's trip.
    fn same_party(&self, other: &Half) -> bool {
        match (self.actor(), other.actor()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

/// Joins half-trips into trips. `movements` are the whole trips the frames told, with their
/// sentence; the joined ones are added to them. Returns, for each half, whether it was used.
pub(super) fn assemble(
    g: &Gazetteer,
    mentions: &[Mention],
    movements: &mut Vec<(usize, Movement)>,
    halves: &[Half],
) -> Vec<bool> {
    let mut used = vec![false; halves.len()];
    let mut found = Vec::new();
    for i in 0..halves.len() {
        if used[i] || !halves[i].has_origin {
            continue;
        }
        let a = &halves[i];
        // A later trip from the same place already tells it.
        let covered = movements[told_in(movements, a.sentence, a.sentence + REACH)]
            .iter()
            .any(|(_, m)| {
                m.origin.place == a.movement.origin.place
                    && a.actor()
                        .is_none_or(|x| m.actor.as_ref().is_some_and(|y| *y.name == *x))
            });
        if covered {
            used[i] = true;
            continue;
        }
        // Where they went, told later in the sentence or in the next ones: every destination
        // of the first sentence that tells one ("عاد 102 إلى إيطاليا، و75 إلى الأردن").
        let later = |j: usize| {
            let b = &halves[j];
            !used[j]
                && !b.has_origin
                && j > i
                && b.sentence <= a.sentence + REACH
                && a.same_party(b)
                && b.movement.destination.place != a.movement.origin.place
        };
        let within = |j: &usize| halves[*j].sentence <= a.sentence + REACH;
        let Some(first) = (i + 1..halves.len()).take_while(within).find(|&j| later(j)) else {
            continue;
        };
        // An origin told nearer to the destination is the one it goes from ("بدأت سحب معداتها
        // من القاعدة. ... غادر القاعدة، وسلك الطريق باتجاه الحسكة"); from the same place, it
        // tells this trip again.
        let nearer = (i + 1..first).find(|&k| {
            let b = &halves[k];
            !used[k] && b.has_origin && b.sentence > a.sentence && a.same_party(b)
        });
        if let Some(k) = nearer {
            used[i] = halves[k].movement.origin.place == a.movement.origin.place;
            continue;
        }
        // A destination told as the next step ("قبل أن يتجه نحو Y", "ثم اتجه إلى Y") is where
        // the trip went on to, not another part's end: it is left for `go_on`.
        let at = halves[first].sentence;
        let joined: Vec<usize> = (first..halves.len())
            .take_while(|&j| halves[j].sentence == at)
            .filter(|&j| later(j))
            .take_while(|&j| j == first || !halves[j].next_step)
            .collect();
        // Origins listed together ("أخلت قاعدتي تل بيدر وقسرك، ونقلت عناصرها إلى العراق")
        // each go where the trip goes.
        let together: Vec<usize> = std::iter::once(i)
            .chain((i + 1..first).filter(|&k| {
                let b = &halves[k];
                !used[k] && b.has_origin && b.sentence == a.sentence && a.same_party(b)
            }))
            .collect();
        // "وسلك الطريق باتجاه بغداد ومنها إلى كركوك، قبل أن يواصل مسيره صوب حرير": the next
        // steps told in that sentence are where the trip went on to.
        let onward: Vec<usize> = (first..halves.len())
            .take_while(|&j| halves[j].sentence == at)
            .filter(|&j| later(j) && halves[j].next_step && !joined.contains(&j))
            .collect();
        for &o in &together {
            used[o] = true;
            for &j in &joined {
                let mut trip = join(&halves[o], &halves[j]);
                for &k in &onward {
                    go_on_to(&mut trip, &halves[k].movement);
                }
                found.push((a.sentence, trip));
            }
        }
        for j in joined.into_iter().chain(onward) {
            used[j] = true;
        }
    }
    add(movements, &mut found);
    refine(g, movements, halves, &mut used);
    go_on(g, mentions, movements, halves, &mut used);
    // "بلغت القوات المعبر. وجاء قسم منها من الأردن، وانطلق آخر من قاعدة عين الأسد": where they
    // came from, told in the next sentence.
    for j in open_destinations(halves, &used) {
        let b = &halves[j];
        let origins: Vec<usize> = (j + 1..halves.len())
            .take_while(|&i| halves[i].sentence <= b.sentence + 1)
            .filter(|&i| {
                let a = &halves[i];
                !used[i]
                    && a.has_origin
                    && a.sentence == b.sentence + 1
                    && a.same_party(b)
                    && a.movement.origin.place != b.movement.destination.place
            })
            .collect();
        if origins.is_empty() {
            continue;
        }
        used[j] = true;
        for i in origins {
            used[i] = true;
            found.push((b.sentence, join(&halves[i], b)));
        }
    }
    add(movements, &mut found);
    used
}

/// The halves that tell only a destination and are not yet part of a trip.
fn open_destinations(halves: &[Half], used: &[bool]) -> Vec<usize> {
    (0..halves.len())
        .filter(|&j| !used[j] && !halves[j].has_origin)
        .collect()
}

/// The range of `movements` (in the order of their sentences) told by sentences `from` to
/// `to`: found by binary search, so that joining stays linear in a long text.
fn told_in(movements: &[(usize, Movement)], from: usize, to: usize) -> std::ops::Range<usize> {
    movements.partition_point(|(s, _)| *s < from)..movements.partition_point(|(s, _)| *s <= to)
}

/// Adds the trips `found` to `movements`, keeping them in the order of their sentences.
fn add(movements: &mut Vec<(usize, Movement)>, found: &mut Vec<(usize, Movement)>) {
    if !found.is_empty() {
        movements.append(found);
        movements.sort_by_key(|(s, _)| *s);
    }
}

/// A destination told later that lies inside an earlier trip's destination refines that trip:
/// "أدخل التحالف تعزيزات إلى شمال شرق سوريا ... وتوجه الرتل نحو قاعدتي تل بيدر وقسرك". The
/// refined trip goes from the earlier one's origin; the coarse one is then a restatement.
fn refine(
    g: &Gazetteer,
    movements: &mut Vec<(usize, Movement)>,
    halves: &[Half],
    used: &mut [bool],
) {
    let mut found = Vec::new();
    for j in open_destinations(halves, used) {
        let b = &halves[j];
        // A convoy brought in is another trip, not this one's end told again.
        if b.new_convoy {
            continue;
        }
        let dest = b.movement.destination.place;
        let window = told_in(movements, b.sentence.saturating_sub(REACH + 1), b.sentence);
        let coarse = movements[window].iter().rev().find(|(_, m)| {
            m.destination.place != dest
                && refines(g, m.destination.place, dest)
                && b.actor()
                    .is_none_or(|x| m.actor.as_ref().is_none_or(|y| *y.name == *x))
        });
        if let Some((s, m)) = coarse {
            let mut refined = m.clone();
            refined.destination = b.movement.destination;
            refined.via.extend(b.movement.via.iter().copied());
            refined.vehicles = refined.vehicles.or(b.movement.vehicles);
            refined.personnel = refined.personnel.or(b.movement.personnel);
            widen(&mut refined, &b.movement);
            used[j] = true;
            found.push((*s, refined));
        }
    }
    add(movements, &mut found);
}

/// A destination told next that neither holds nor lies inside an earlier trip's destination
/// is where that trip went on to: "خرج الرتل من قاعدة جلبيا وسلك الطريق نحو المالكية. وسيجتاز
/// الحدود مع العراق" is Jalabiya → al-Malikiyah → Iraq; "ثم انطلق إلى Y" in the same sentence
/// too. Told at the same time in the same sentence ("فيما ستعود وحدات أخرى إلى الولايات
/// المتحدة"), it is where another part went from the same origin. A place the sentence before
/// named with the trip ("نحو قاعدة الحرير بأربيل") is no next leg.
fn go_on(
    g: &Gazetteer,
    mentions: &[Mention],
    movements: &mut Vec<(usize, Movement)>,
    halves: &[Half],
    used: &mut [bool],
) {
    let mut found = Vec::new();
    for j in open_destinations(halves, used) {
        let b = &halves[j];
        let dest = b.movement.destination.place;
        let window = told_in(movements, b.sentence.saturating_sub(1), b.sentence);
        let before = movements[window.clone()].iter().rposition(|(s, m)| {
            m.evidence.end <= b.movement.evidence.end
                && m.origin.place != dest
                && !refines(g, m.destination.place, dest)
                && !refines(g, dest, m.destination.place)
                // Going back to where it came from is a trip of its own ("على أن تعود إلى العراق").
                && !contains(g, dest, m.origin.place)
                && (*s == b.sentence || !named_in(mentions, dest, &m.evidence) && !b.new_convoy)
                && b.actor()
                    .is_none_or(|x| m.actor.as_ref().is_none_or(|y| *y.name == *x))
        });
        let Some(k) = before.map(|k| window.start + k) else {
            continue;
        };
        used[j] = true;
        let (s, m) = &mut movements[k];
        // "ليتابع جزء منه طريقه نحو Y": a part that goes on goes from where the trip ended.
        if b.part && b.next_step {
            let mut part = b.movement.clone();
            part.origin = m.destination;
            part.actor = part.actor.or_else(|| m.actor.clone());
            found.push((*s, part));
            continue;
        }
        if *s == b.sentence && !b.next_step || b.part {
            let mut part = join_origin(m, b);
            part.via = b.movement.via.clone();
            found.push((*s, part));
            continue;
        }
        go_on_to(m, &b.movement);
    }
    add(movements, &mut found);
}

/// Extends trip `m` past its destination to where `next` (a destination half) goes.
fn go_on_to(m: &mut Movement, next: &Movement) {
    let reached = m.destination;
    m.via.push(reached);
    m.via.extend(next.via.iter().copied());
    m.destination = next.destination;
    widen(m, next);
    if next.status != Status::Reported {
        m.status = next.status;
    }
}

/// The trip from `m`'s origin to the destination half `b` tells, with `b`'s own counts and
/// status.
fn join_origin(m: &Movement, b: &Half) -> Movement {
    let mut part = b.movement.clone();
    part.origin = m.origin;
    part.actor = part.actor.or_else(|| m.actor.clone());
    part
}

/// Whether `place` is named within the bytes `range` of the text.
fn named_in(mentions: &[Mention], place: PlaceIndex, range: &std::ops::Range<usize>) -> bool {
    let from = mentions.partition_point(|n| n.span.start < range.start);
    mentions[from..]
        .iter()
        .take_while(|n| n.span.end <= range.end)
        .any(|n| n.place == place)
}

/// Widens `m`'s evidence to take in `other`'s: a trip told over sentences is evidenced by them
/// all. When the text between them is longer than an excerpt (a text with no full stops read
/// in windows), `m` keeps its own evidence, marked cut, so that evidence stays bounded.
fn widen(m: &mut Movement, other: &Movement) {
    let union = m.evidence.start.min(other.evidence.start)..m.evidence.end.max(other.evidence.end);
    if union.len() > m.evidence.len() + other.evidence.len() + MAX_EXCERPT_BYTES {
        m.evidence_cut = true;
    } else {
        m.evidence = union;
        m.evidence_cut |= other.evidence_cut;
    }
}

/// The trip whose origin `a` tells and destination `b` tells.
fn join(a: &Half, b: &Half) -> Movement {
    let mut m = a.movement.clone();
    let other = &b.movement;
    m.destination = other.destination;
    m.via.extend(other.via.iter().copied());
    m.vehicles = m.vehicles.or(other.vehicles);
    m.personnel = m.personnel.or(other.personnel);
    m.date = m.date.or(other.date);
    m.date_text = m.date_text.or_else(|| other.date_text.clone());
    m.actor = m.actor.or_else(|| other.actor.clone());
    widen(&mut m, other);
    if m.status == Status::Reported {
        m.status = other.status;
    }
    m
}

/// Drops a trip that restates another: both its ends contain the other's ends, one of them
/// strictly ("من سوريا إلى العراق" over "من قاعدة الشدادي عبر معبر الوليد إلى أربيل"). What
/// only the restatement says (counts, date, waypoints) goes to the detailed trip.
///
/// `movements` are in the order of their sentences; a restatement is looked for within
/// [`RESTATED_WITHIN`] sentences, so the work stays linear in a long text.
pub(super) fn merge_restatements(
    g: &Gazetteer,
    mut movements: Vec<(usize, Movement)>,
) -> Vec<Movement> {
    fold_crossing_legs(g, &mut movements);
    let mut i = 0;
    while i < movements.len() {
        let (s, a) = &movements[i];
        let lo = movements.partition_point(|(t, _)| t + RESTATED_WITHIN < *s);
        let hi = movements.partition_point(|(t, _)| *t <= s + RESTATED_WITHIN);
        let detail = (lo..hi).find(|&k| {
            let b = &movements[k].1;
            k != i
                && holds(g, &a.origin, &b.origin)
                && holds(g, &a.destination, &b.destination)
                && (a.origin.place != b.origin.place
                    || a.destination.place != b.destination.place
                    || a.via.len() < b.via.len() && a.via.iter().all(|v| b.via.contains(v)))
                && a.actor
                    .as_ref()
                    .is_none_or(|x| b.actor.as_ref().is_none_or(|y| x.name == y.name))
                // A trip planned is not the one done: "سحب ألف جندي يُنتظر أن يُنقلوا".
                && (a.status == Status::Planned) == (b.status == Status::Planned)
        });
        match detail {
            Some(k) => {
                let (_, a) = movements.remove(i);
                let b = &mut movements[if k > i { k - 1 } else { k }].1;
                b.vehicles = b.vehicles.or(a.vehicles);
                b.personnel = b.personnel.or(a.personnel);
                if b.date.is_none() {
                    b.date = a.date;
                    b.date_text = a.date_text;
                }
                if b.via.is_empty() {
                    b.via = a.via;
                }
                b.actor = b.actor.take().or(a.actor);
            }
            None => i += 1,
        }
    }
    movements.into_iter().map(|(_, m)| m).collect()
}

/// Folds a leg told on its own into the trip it belongs to: a trip from a border crossing
/// ("ولجت الإقليم من منفذ فيشخابور ... صوب أربيل") to where a trip of the same actor told
/// within [`RESTATED_WITHIN`] sentences goes, from elsewhere, is that trip passing the crossing.
fn fold_crossing_legs(g: &Gazetteer, movements: &mut Vec<(usize, Movement)>) {
    let mut i = 0;
    while i < movements.len() {
        let (s, leg) = &movements[i];
        // (A leg with waypoints of its own is a trip told whole.)
        if g.place(leg.origin.place).kind != Kind::Crossing || !leg.via.is_empty() {
            i += 1;
            continue;
        }
        let lo = movements.partition_point(|(t, _)| t + RESTATED_WITHIN < *s);
        let hi = movements.partition_point(|(t, _)| *t <= s + RESTATED_WITHIN);
        let whole = (lo..hi).find(|&k| {
            let m = &movements[k].1;
            k != i
                && g.place(m.origin.place).kind != Kind::Crossing
                && !m.via.iter().any(|v| v.place == leg.origin.place)
                && same_place(g, m.destination.place, leg.destination.place)
                && m.actor
                    .as_ref()
                    .is_none_or(|x| leg.actor.as_ref().is_none_or(|y| x.name == y.name))
                && m.status == leg.status
        });
        match whole {
            Some(k) => {
                let (_, leg) = movements.remove(i);
                let m = &mut movements[if k > i { k - 1 } else { k }].1;
                m.via.push(leg.origin);
                m.vehicles = m.vehicles.or(leg.vehicles);
                m.personnel = m.personnel.or(leg.personnel);
                m.actor = m.actor.take().or(leg.actor);
            }
            None => i += 1,
        }
    }
}

/// Whether the place `fine` says more exactly where `coarse` is: it lies inside it, or it is a
/// site of a town or city (مطار أربيل after أربيل), within [`SAME_PLACE_M`].
fn refines(g: &Gazetteer, coarse: PlaceIndex, fine: PlaceIndex) -> bool {
    let (c, f) = (g.place(coarse), g.place(fine));
    contains(g, coarse, fine)
        || matches!(c.kind, Kind::Town | Kind::City)
            && f.kind.is_site()
            && Haversine.distance(c.point, f.point) <= SAME_PLACE_M
}

/// Whether two places are one for a trip's end: one contains the other, or they lie within
/// [`SAME_PLACE_M`] (a city and its airport).
fn same_place(g: &Gazetteer, a: PlaceIndex, b: PlaceIndex) -> bool {
    contains(g, a, b)
        || contains(g, b, a)
        || Haversine.distance(g.place(a).point, g.place(b).point) <= SAME_PLACE_M
}

/// How close two places are to be one trip's end (أربيل and مطار أربيل).
const SAME_PLACE_M: f64 = 25_000.0;

/// Whether the end `outer` holds the end `inner`: its place contains the other's; or it is a
/// city and the other a site of its governorate; or it is the countryside of a town or city
/// ("ريف الرقة الشمالي") and the other a finer place in it ("قاعدة جلبيا"), within
/// [`COUNTRYSIDE_M`].
fn holds(g: &Gazetteer, outer: &Endpoint, inner: &Endpoint) -> bool {
    if contains(g, outer.place, inner.place) {
        return true;
    }
    let (o, n) = (g.place(outer.place), g.place(inner.place));
    // "نحو أربيل" in a headline for "إلى قاعدة حرير في أربيل": a city stands for its
    // governorate's sites.
    let seat = o.kind == Kind::City
        && n.kind.is_site()
        && o.country == n.country
        && o.admin1.is_some()
        && o.admin1 == n.admin1;
    seat || outer.near
        && !inner.near
        && outer.place != inner.place
        && matches!(o.kind, Kind::Town | Kind::City)
        && n.precision_m < o.precision_m
        && Haversine.distance(o.point, n.point) <= COUNTRYSIDE_M
}

/// How far the countryside of a town or city (ريف X) reaches: in Syria and Iraq a city's
/// countryside is its governorate's or district's land, up to about 100 km out.
const COUNTRYSIDE_M: f64 = 100_000.0;

/// Whether place `outer` contains place `inner` (or is it): a country holds every place of
/// its country; a region or governorate every finer place within its extent.
pub(super) fn contains(g: &Gazetteer, outer: PlaceIndex, inner: PlaceIndex) -> bool {
    if outer == inner {
        return true;
    }
    let (o, n) = (g.place(outer), g.place(inner));
    match o.kind {
        Kind::Country => n.kind != Kind::Country && n.country == o.country,
        // A region reaches as far as its radius, but not over the border ("شمال العراق" holds
        // no base in Syria).
        Kind::Region | Kind::Governorate => {
            n.kind != Kind::Country
                && n.country == o.country
                && n.precision_m < o.precision_m
                && Haversine.distance(o.point, n.point) <= f64::from(o.precision_m)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_regions_contain_the_places_inside_them() {
        let g = Gazetteer::embedded().unwrap();
        let at = |id: &str| g.by_id(id).unwrap();
        assert!(contains(&g, at("syria"), at("al_shaddadi_base")));
        assert!(contains(&g, at("northeast_syria"), at("tell_baydar_base")));
        assert!(contains(&g, at("iraq"), at("kurdistan_region_iraq")));
        assert!(!contains(&g, at("iraq"), at("syria")));
        assert!(!contains(&g, at("northeast_syria"), at("al_tanf_garrison")));
        assert!(!contains(&g, at("northern_iraq"), at("al_shaddadi_town")));
        assert!(!contains(&g, at("al_shaddadi_base"), at("syria")));
    }
}
