//! The line drawn for a movement: great circles through its stated places, with its coarse
//! ends drawn honestly. A country, governorate or region is not a point to draw to: a line
//! into one ends where the route (origin → stated vias → the area) crosses its border, plus a
//! short stub inside; a line out of one starts a stub inside its border, where the route
//! leaves it, or at its interior point when the first stated place lies inside it; a trip
//! from one area to another runs between their interior label points. A
//! coarse via stands at its interior point. Areas without an outline ([`crate::areas`]: a
//! country beyond the basemap) keep their gazetteer point.

use geo::{Distance, Haversine, Point};

use super::great_circles;
use crate::areas::{self, Area};
use crate::extract::Endpoint;
use crate::gazetteer::{Gazetteer, GeoPrecision, Kind, Place};

/// How far a line runs inside the border of a country it goes into or comes out of.
pub const STUB_M: f64 = 20_000.0;

/// A place a movement names, in order: where the gazetteer puts it, and the area it stands
/// for when the text names a whole country, governorate or region that convoy outlines.
#[derive(Debug, Clone, Copy)]
pub struct Stop {
    pub at: Point,
    pub area: Option<&'static Area>,
}

impl Stop {
    /// The stop an endpoint makes: a country, governorate or region named as a whole
    /// (geo_precision 3) is its area.
    pub fn of(g: &Gazetteer, e: &Endpoint) -> Stop {
        let place = g.place(e.place);
        Stop {
            at: place.point,
            area: (e.precision(g) == GeoPrecision::Region)
                .then(|| area(place))
                .flatten(),
        }
    }

    /// Where the line passes or aims, and where an event stands: an area's interior point,
    /// else the place.
    pub fn aim(&self) -> Point {
        self.area.map_or(self.at, |a| a.interior)
    }
}

/// The outline of a place named as a whole: a country's, or a governorate's or region's.
pub fn area(place: &Place) -> Option<&'static Area> {
    match place.kind {
        Kind::Country => areas::country(&place.country),
        Kind::Governorate | Kind::Region => areas::region(place.id.as_str()),
        _ => None,
    }
}

/// The vertices of the line through `stops` (origin first, destination last; at least two).
pub fn line(stops: &[Stop]) -> Vec<Point> {
    let line = honest(&outer_as_point(stops));
    if line.iter().all(|p| *p == line[0]) {
        // Two names for one outline (Western Iraq is Anbar governorate): nothing to draw
        // between them, so the line joins their gazetteer points, as it did before areas.
        let points: Vec<Point> = stops.iter().map(|s| s.at).collect();
        return great_circles(&points);
    }
    line
}

/// A trip between two areas of which one holds the other's interior point ("from Iraq to the
/// Kurdistan Region"): the outer area stands at its interior point, as a stated place would,
/// so the line goes into (or out of) the inner area at its border. Other stops as they are.
fn outer_as_point(stops: &[Stop]) -> Vec<Stop> {
    let mut stops = stops.to_vec();
    if let [Stop { area: Some(a), .. }, Stop { area: Some(b), .. }] = stops[..] {
        let (a_in_b, b_in_a) = (b.contains(a.interior), a.contains(b.interior));
        let point = |area: &Area| Stop {
            at: area.interior,
            area: None,
        };
        if b_in_a && !a_in_b {
            stops[0] = point(a);
        } else if a_in_b && !b_in_a {
            stops[1] = point(b);
        }
    }
    stops
}

/// The line through `stops` with its coarse ends at their borders or interior points.
fn honest(stops: &[Stop]) -> Vec<Point> {
    let (first, last) = (stops[0], stops[stops.len() - 1]);
    if stops.len() == 2 && first.area.is_some() && last.area.is_some() {
        return great_circles(&[first.aim(), last.aim()]);
    }
    // The places stated between the ends that are areas.
    let from = usize::from(first.area.is_some());
    let to = stops.len() - usize::from(last.area.is_some());
    let mut inner: Vec<Point> = Vec::new();
    for s in &stops[from..to] {
        if inner.last() != Some(&s.aim()) {
            inner.push(s.aim());
        }
    }
    let mut line = if inner.len() > 1 {
        great_circles(&inner)
    } else {
        inner.clone()
    };
    if let Some(area) = last.area {
        line.extend(into(inner[inner.len() - 1], area).into_iter().skip(1));
    }
    if let Some(area) = first.area {
        // Out of an area to a place inside it ("من شمال سوريا عبر معبر سيمالكا"): where in the
        // area it began is not said, so the line starts at the area's interior point, as a
        // trip between two areas does; a stub at the place would hide that it crossed the area.
        let mut out = if area.contains(inner[0]) {
            great_circles(&[inner[0], area.interior])
        } else {
            into(inner[0], area)
        };
        out.reverse();
        out.extend(line.into_iter().skip(1));
        line = out;
    }
    if line.len() == 1 {
        line.push(line[0]);
    }
    line
}

/// The leg from `from` towards `area`'s interior, ending [`STUB_M`] past the border (or at the
/// interior point, if that is nearer); from inside the area, only the stub.
fn into(from: Point, area: &Area) -> Vec<Point> {
    let leg = great_circles(&[from, area.interior]);
    let entry = if area.contains(from) {
        Some(0)
    } else {
        leg.iter().position(|p| area.contains(*p))
    };
    let Some(k) = entry else {
        return leg;
    };
    let mut kept = leg[..k].to_vec();
    let border = if k == 0 {
        from
    } else {
        crossing(leg[k - 1], leg[k], area)
    };
    kept.push(border);
    kept.extend(walk(border, &leg[k..], STUB_M));
    kept
}

/// Where the segment from `outside` to `inside` crosses the area's border, to within a metre
/// or so (the segment is at most one densification step, so planar bisection serves).
fn crossing(mut outside: Point, mut inside: Point, area: &Area) -> Point {
    for _ in 0..30 {
        let mid = Point::new(
            (outside.x() + inside.x()) / 2.0,
            (outside.y() + inside.y()) / 2.0,
        );
        if area.contains(mid) {
            inside = mid;
        } else {
            outside = mid;
        }
    }
    inside
}

/// The points after `start` along `ahead` (the rest of the line, which `start` lies before)
/// up to `metres` from `start`; the last is interpolated.
fn walk(start: Point, ahead: &[Point], metres: f64) -> Vec<Point> {
    let mut out = Vec::new();
    let (mut at, mut left) = (start, metres);
    for &p in ahead {
        let d = Haversine.distance(at, p);
        if d >= left {
            let t = left / d;
            out.push(Point::new(
                at.x() + (p.x() - at.x()) * t,
                at.y() + (p.y() - at.y()) * t,
            ));
            return out;
        }
        if d > 0.0 {
            out.push(p);
        }
        left -= d;
        at = p;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::{country, region};

    fn stop(lon: f64, lat: f64) -> Stop {
        Stop {
            at: Point::new(lon, lat),
            area: None,
        }
    }

    fn in_country(iso2: &str, gazetteer: Point) -> Stop {
        Stop {
            at: gazetteer,
            area: country(iso2),
        }
    }

    const BAGHDAD: Point = Point(geo::Coord {
        x: 44.40088,
        y: 33.34058,
    });

    /// The gazetteer's point for the Kurdistan Region: Erbil.
    const ERBIL: Point = Point(geo::Coord {
        x: 44.00943,
        y: 36.19117,
    });

    fn in_region(id: &str, gazetteer: Point) -> Stop {
        Stop {
            at: gazetteer,
            area: region(id),
        }
    }

    #[test]
    fn a_convoy_from_a_syrian_base_into_kurdistan_ends_at_its_boundary_not_at_erbil() {
        // "انسحبت القوات من قاعدة قسرك باتجاه إقليم كردستان": Qasrak → the Kurdistan Region.
        let kurdistan = region("kurdistan_region_iraq").unwrap();
        let qasrak = stop(40.511955, 36.706242);
        let line = line(&[qasrak, in_region("kurdistan_region_iraq", ERBIL)]);
        let end = *line.last().unwrap();
        assert_eq!(line[0], qasrak.at);
        assert!(kurdistan.contains(end), "{end:?}");
        assert!(kurdistan.to_border_m(end) < STUB_M + 2_000.0, "{end:?}");
        // Straight towards the region's interior point (in Sulaymaniyah, its widest part), the
        // route crosses Nineveh and enters Erbil governorate by the Tigris, 40-odd km short of
        // Erbil: only the stub runs inside the region.
        assert!(
            Haversine.distance(end, ERBIL) > 30_000.0,
            "not at Erbil: {end:?}"
        );
        let inside = line.iter().filter(|p| kurdistan.contains(**p)).count();
        assert!(inside <= 3, "{inside}");
    }

    #[test]
    fn from_a_base_inside_kurdistan_to_the_region_a_stub_and_no_more() {
        // "نقل الجنود من قاعدة حرير إلى إقليم كردستان": Harir is in the region already, so
        // the trip goes on into it from there; the line claims no more than the stub.
        let kurdistan = region("kurdistan_region_iraq").unwrap();
        let harir = Point::new(44.3399, 36.5337);
        let line = line(&[
            stop(harir.x(), harir.y()),
            in_region("kurdistan_region_iraq", ERBIL),
        ]);
        assert_eq!(line[0], harir);
        let end = *line.last().unwrap();
        let far = Haversine.distance(harir, end);
        assert!(far <= STUB_M + 100.0 && far > 1_000.0, "{far}");
        assert!(line.iter().all(|p| kurdistan.contains(*p)));
    }

    #[test]
    fn out_of_a_region_to_a_place_inside_it_the_line_starts_at_its_interior_point() {
        // "من شمال سوريا عبر معبر سيمالكا": where in the region it began is not said.
        let north = region("northern_syria").unwrap();
        let semalka = Point::new(42.35, 37.09);
        assert!(north.contains(semalka));
        let line = line(&[
            in_region("northern_syria", ERBIL),
            stop(semalka.x(), semalka.y()),
        ]);
        assert_eq!(line[0], north.interior);
        assert_eq!(*line.last().unwrap(), semalka);
    }

    #[test]
    fn from_iraq_to_kurdistan_the_line_enters_the_region_at_its_border() {
        // Iraq holds the Kurdistan Region: Iraq stands at its interior point and the line
        // goes into the region there; the reverse trip leaves the region for that point.
        let (iraq, kurdistan) = (
            country("IQ").unwrap(),
            region("kurdistan_region_iraq").unwrap(),
        );
        let into = line(&[
            in_country("IQ", BAGHDAD),
            in_region("kurdistan_region_iraq", ERBIL),
        ]);
        assert_eq!(into[0], iraq.interior);
        let end = *into.last().unwrap();
        assert!(kurdistan.contains(end) && kurdistan.to_border_m(end) < STUB_M + 2_000.0);
        let out = line(&[
            in_region("kurdistan_region_iraq", ERBIL),
            in_country("IQ", BAGHDAD),
        ]);
        assert!(kurdistan.contains(out[0]) && kurdistan.to_border_m(out[0]) < STUB_M + 2_000.0);
        assert_eq!(*out.last().unwrap(), iraq.interior);
    }

    #[test]
    fn a_trip_between_two_regions_joins_their_interior_points() {
        // "من شمال سوريا إلى غرب العراق".
        let (syria_north, iraq_west) = (
            region("northern_syria").unwrap(),
            region("western_iraq").unwrap(),
        );
        let line = line(&[
            in_region("northern_syria", Point::new(38.86228, 36.3855)),
            in_region("western_iraq", Point::new(41.6, 32.9)),
        ]);
        assert_eq!(line[0], syria_north.interior);
        assert_eq!(*line.last().unwrap(), iraq_west.interior);
    }

    #[test]
    fn two_names_for_one_outline_join_their_gazetteer_points() {
        // Western Iraq is drawn as Anbar governorate: no line between one interior point and
        // itself (a LineString of one point twice is no valid geometry).
        let (west, ramadi) = (Point::new(41.6, 32.9), Point::new(43.30778, 33.42056));
        let line = line(&[
            in_region("western_iraq", west),
            in_region("anbar_governorate", ramadi),
        ]);
        assert_eq!((line[0], *line.last().unwrap()), (west, ramadi));
    }

    #[test]
    fn a_line_into_a_country_ends_a_stub_past_its_border() {
        // al-Shaddadi → al-Hol → Iraq: no longer on to Baghdad.
        let iraq = country("IQ").unwrap();
        let stops = [
            stop(40.73, 36.06),
            stop(41.14, 36.37),
            in_country("IQ", BAGHDAD),
        ];
        let line = line(&stops);
        let end = *line.last().unwrap();
        assert!(iraq.contains(end));
        assert!(Haversine.distance(end, BAGHDAD) > 300_000.0);
        assert!(iraq.to_border_m(end) < STUB_M + 2_000.0, "{end:?}");
        assert!(line.contains(&stops[1].at), "the last stated place is kept");
        // Only the stub lies inside: the vertices before the crossing are all outside.
        let inside = line.iter().filter(|p| iraq.contains(**p)).count();
        assert!(inside <= 3, "{inside}");
    }

    #[test]
    fn a_last_place_inside_the_country_gets_only_the_stub() {
        // The NE al-Waleed crossing's point lies just inside Iraq: the line goes a stub on.
        let crossing = Point::new(42.175, 36.9);
        let line = line(&[
            stop(41.14, 36.37),
            stop(42.175, 36.9),
            in_country("IQ", BAGHDAD),
        ]);
        let from_crossing = Haversine.distance(crossing, *line.last().unwrap());
        assert!((from_crossing - STUB_M).abs() < 100.0, "{from_crossing}");
    }

    #[test]
    fn a_line_out_of_a_country_starts_where_it_leaves() {
        // Iraq → Camp Arifjan (Kuwait): starts inside Iraq's border, not at Baghdad.
        let iraq = country("IQ").unwrap();
        let line = line(&[in_country("IQ", BAGHDAD), stop(48.1, 28.98)]);
        let start = line[0];
        assert!(iraq.contains(start));
        assert!(iraq.to_border_m(start) < STUB_M + 2_000.0);
        assert_eq!(*line.last().unwrap(), Point::new(48.1, 28.98));
    }

    #[test]
    fn a_trip_between_countries_joins_their_interior_points() {
        let (iraq, kuwait) = (country("IQ").unwrap(), country("KW").unwrap());
        let line = line(&[
            in_country("IQ", BAGHDAD),
            in_country("KW", Point::new(47.97429, 29.367)),
        ]);
        assert_eq!(line[0], iraq.interior);
        assert_eq!(*line.last().unwrap(), kuwait.interior);
    }

    #[test]
    fn plain_places_keep_their_great_circle() {
        let stops = [stop(40.0, 35.0), stop(41.0, 35.0)];
        assert_eq!(line(&stops), great_circles(&[stops[0].at, stops[1].at]));
    }
}
