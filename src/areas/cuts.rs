//! The lines convoy draws where a region has no boundary of its own: a box of meridians and
//! parallels, the Euphrates through Syria, a circle around a point.

use std::sync::OnceLock;

use geo::{
    coord, BooleanOps, Coord, Destination, Haversine, LineString, MultiLineString, MultiPolygon,
    Point, Polygon, Rect,
};
use serde::Deserialize;

use super::country;

const RIVERS: &str = include_str!("../../gazetteer/basemap/rivers.geojson");

/// A cut applied to an outline.
#[derive(Debug, Clone, Copy)]
pub(super) enum Cut {
    /// Keeps what lies inside `[west, south, east, north]` (degrees).
    Box([f64; 4]),
    /// Keeps what lies north-east of the Euphrates in Syria (its left bank).
    EastOfEuphrates,
    /// Keeps what lies south-west of it.
    WestOfEuphrates,
    /// Keeps what lies within `radius_m` of `centre` (lon, lat), as a 64-sided polygon.
    Within { centre: [f64; 2], radius_m: f64 },
}

impl Cut {
    /// What of `outline` the cut keeps.
    pub(super) fn apply(&self, outline: &MultiPolygon<f64>) -> MultiPolygon<f64> {
        match *self {
            Cut::Box([w, s, e, n]) => outline
                .intersection(&Rect::new(coord! {x: w, y: s}, coord! {x: e, y: n}).to_polygon()),
            Cut::EastOfEuphrates => outline.intersection(east_of_euphrates()),
            Cut::WestOfEuphrates => outline.difference(east_of_euphrates()),
            Cut::Within { centre, radius_m } => outline.intersection(&circle(centre, radius_m)),
        }
    }
}

/// The polygon of `radius_m` around `centre`: 64 vertices at that great-circle distance.
fn circle([lon, lat]: [f64; 2], radius_m: f64) -> Polygon<f64> {
    let centre = Point::new(lon, lat);
    let ring: LineString<f64> = (0..64)
        .map(|k| Coord::from(Haversine.destination(centre, f64::from(k) * 360.0 / 64.0, radius_m)))
        .collect();
    Polygon::new(ring, Vec::new())
}

/// Everything north-east of the Euphrates's course through Syria: the river as the basemap
/// draws it (Natural Earth 1:50m, through Lake Assad), from where it enters Syria to where it
/// leaves for Iraq, closed round through Turkey and Iraq far to the north-east.
fn east_of_euphrates() -> &'static Polygon<f64> {
    static BANK: OnceLock<Polygon<f64>> = OnceLock::new();
    BANK.get_or_init(|| {
        let course = course(&euphrates_in_syria());
        let (first, last) = (course[0], course[course.len() - 1]);
        let mut ring = course;
        ring.extend([
            coord! {x: 45.0, y: last.y},
            coord! {x: 45.0, y: 38.5},
            coord! {x: first.x, y: 38.5},
        ]);
        Polygon::new(LineString::new(ring), Vec::new())
    })
}

#[derive(Deserialize)]
struct Rivers {
    features: Vec<River>,
}

#[derive(Deserialize)]
struct River {
    properties: RiverName,
    geometry: RiverGeometry,
}

#[derive(Deserialize)]
struct RiverGeometry {
    coordinates: Lines,
}

/// A LineString's or a MultiLineString's coordinates.
#[derive(Deserialize)]
#[serde(untagged)]
enum Lines {
    One(Vec<[f64; 2]>),
    Many(Vec<Vec<[f64; 2]>>),
}

#[derive(Deserialize)]
struct RiverName {
    name_en: String,
}

/// The pieces of the basemap's Euphrates that lie in Syria.
fn euphrates_in_syria() -> MultiLineString<f64> {
    let rivers: Rivers = serde_json::from_str(RIVERS).expect("the embedded rivers parse");
    let lines: Vec<LineString<f64>> = rivers
        .features
        .into_iter()
        .filter(|r| r.properties.name_en == "Euphrates")
        .flat_map(|r| match r.geometry.coordinates {
            Lines::One(line) => vec![line],
            Lines::Many(lines) => lines,
        })
        .map(|line| line.into_iter().map(|[x, y]| coord! {x: x, y: y}).collect())
        .collect();
    let syria = &country("SY").expect("Syria is on the basemap").outline;
    syria.clip(&MultiLineString::new(lines), false)
}

/// One course through `pieces` that share their ends: from the northernmost loose end, each
/// next piece joined at the current end (turned round if need be). Pieces that do not join it
/// (side channels) are left out.
fn course(pieces: &MultiLineString<f64>) -> Vec<Coord<f64>> {
    let mut left: Vec<Vec<Coord<f64>>> = pieces.iter().map(|l| l.0.clone()).collect();
    let loose = |c: Coord<f64>, all: &[Vec<Coord<f64>>]| {
        all.iter()
            .flat_map(|p| [p[0], p[p.len() - 1]])
            .filter(|e| *e == c)
            .count()
            == 1
    };
    let start = left
        .iter()
        .flat_map(|p| [p[0], p[p.len() - 1]])
        .filter(|e| loose(*e, &left))
        .max_by(|a, b| a.y.total_cmp(&b.y))
        .expect("the Euphrates has a loose end in Syria");
    let mut course = vec![start];
    while let Some(k) = left
        .iter()
        .position(|p| p[0] == *course.last().unwrap() || p[p.len() - 1] == *course.last().unwrap())
    {
        let mut piece = left.swap_remove(k);
        if piece[0] != *course.last().unwrap() {
            piece.reverse();
        }
        course.extend(piece.into_iter().skip(1));
    }
    course
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Contains;

    #[test]
    fn the_euphrates_runs_from_turkey_to_iraq_through_raqqa() {
        let course = course(&euphrates_in_syria());
        let (first, last) = (course[0], course[course.len() - 1]);
        // Enters at Jarabulus (36.8°N), leaves at Albu Kamal (41°E).
        assert!(
            (first.y - 36.83).abs() < 0.05 && (first.x - 38.0).abs() < 0.1,
            "{first:?}"
        );
        assert!(
            (last.x - 41.0).abs() < 0.1 && (last.y - 34.4).abs() < 0.1,
            "{last:?}"
        );
        let bank = east_of_euphrates();
        // Raqqa (north bank) and Qamishli lie north-east; Deir ez-Zor (south bank) and Palmyra do not.
        assert!(bank.contains(&Point::new(39.00788, 35.95283)));
        assert!(bank.contains(&Point::new(41.23, 37.05)));
        assert!(!bank.contains(&Point::new(40.14084, 35.33588)));
        assert!(!bank.contains(&Point::new(38.28402, 34.5624)));
    }

    #[test]
    fn a_circle_keeps_what_lies_within_its_radius() {
        let square = MultiPolygon::new(vec![Rect::new(
            coord! {x: 38.0, y: 33.0},
            coord! {x: 39.5, y: 34.0},
        )
        .to_polygon()]);
        let kept = Cut::Within {
            centre: [38.6, 33.5],
            radius_m: 20_000.0,
        }
        .apply(&square);
        assert!(kept.contains(&Point::new(38.6, 33.5)));
        assert!(!kept.contains(&Point::new(38.6, 33.75)), "28 km north");
    }
}
