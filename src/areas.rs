//! Countries as areas, not points: the outlines of the basemap's countries (Natural Earth
//! 1:10m, `gazetteer/basemap/countries.geojson`, clipped to 26–62°E, 24–46°N) and their
//! interior label points. A movement into a country ends where its route crosses the border,
//! and an event in a country stands at the label point, never at the capital, which is where
//! the gazetteer puts a country's coordinate.
//!
//! Countries beyond the basemap's box (Spain, Croatia, the United States…) have no outline
//! here; they keep their gazetteer point.

use std::collections::HashMap;
use std::sync::OnceLock;

use geo::algorithm::indexed::IntervalTreeMultiPolygon;
use geo::{Contains, Coord, LineString, MultiPolygon, Point, Polygon};
use serde::Deserialize;

const COUNTRIES: &str = include_str!("../gazetteer/basemap/countries.geojson");

/// A country's outline and the point inside it that stands for the whole.
pub struct Area {
    pub outline: MultiPolygon<f64>,
    /// Natural Earth's label point: inside the country, away from its edges.
    pub interior: Point<f64>,
    /// The outline's edges in an interval tree by latitude: a containment test looks at the
    /// few edges level with the point, not at the thousands of a 1:10m border.
    index: IntervalTreeMultiPolygon<f64>,
}

impl std::fmt::Debug for Area {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Area")
            .field("polygons", &self.outline.0.len())
            .field("interior", &self.interior)
            .finish()
    }
}

impl Area {
    /// Whether `p` (lon, lat) lies inside the outline.
    pub fn contains(&self, p: Point<f64>) -> bool {
        self.index.contains(&p)
    }

    /// How far `p` lies from the outline's nearest edge, in metres (inside or out), on a
    /// plane tangent at `p`: within a few metres of the geodesic distance for the tens of
    /// kilometres that matter here.
    pub fn to_border_m(&self, p: Point<f64>) -> f64 {
        // Metres per degree at p's latitude (WGS 84 mean radius).
        let ky = 6_371_008.8_f64.to_radians();
        let kx = ky * p.y().to_radians().cos();
        let local = |c: Coord| ((c.x - p.x()) * kx, (c.y - p.y()) * ky);
        let edges = self.outline.iter().flat_map(|poly| {
            std::iter::once(poly.exterior())
                .chain(poly.interiors())
                .flat_map(|ring| ring.lines())
        });
        edges
            .map(|e| from_origin(local(e.start), local(e.end)))
            .fold(f64::INFINITY, f64::min)
    }
}

/// The distance from the origin to the segment from `a` to `b`, on a plane.
fn from_origin(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (-(a.0 * dx + a.1 * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a.0 + t * dx).hypot(a.1 + t * dy)
}

/// The area of the country with ISO 3166 alpha-2 code `iso2`, when the basemap outlines it.
///
/// # Examples
/// ```
/// use geo::Point;
/// let iraq = convoy::areas::country("IQ").unwrap();
/// assert!(iraq.contains(Point::new(44.40088, 33.34058)), "Baghdad");
/// assert!(!iraq.contains(Point::new(36.29128, 33.5102)), "Damascus");
/// assert!(iraq.contains(iraq.interior));
/// assert!(convoy::areas::country("ES").is_none(), "beyond the basemap");
/// ```
pub fn country(iso2: &str) -> Option<&'static Area> {
    static AREAS: OnceLock<HashMap<String, Area>> = OnceLock::new();
    AREAS.get_or_init(parse).get(iso2)
}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    iso_a2: String,
    kind: String,
    label_lon: f64,
    label_lat: f64,
}

#[derive(Deserialize)]
struct Geometry {
    coordinates: Vec<Vec<Vec<[f64; 2]>>>,
}

/// The countries of the embedded basemap (its slivers, such as buffer zones, are no country),
/// by code. The file is compiled in and validated by its own tests, so it parses.
fn parse() -> HashMap<String, Area> {
    let collection: Collection =
        serde_json::from_str(COUNTRIES).expect("the embedded basemap parses");
    collection
        .features
        .into_iter()
        .filter(|f| f.properties.kind == "country")
        .map(|f| {
            let polygons = f.geometry.coordinates.into_iter().map(|rings| {
                let mut rings = rings.into_iter().map(ring);
                let exterior = rings.next().unwrap_or_else(|| LineString::new(Vec::new()));
                Polygon::new(exterior, rings.collect())
            });
            let outline = MultiPolygon::new(polygons.collect());
            let area = Area {
                index: IntervalTreeMultiPolygon::new(&outline),
                outline,
                interior: Point::new(f.properties.label_lon, f.properties.label_lat),
            };
            (f.properties.iso_a2, area)
        })
        .collect()
}

fn ring(positions: Vec<[f64; 2]>) -> LineString<f64> {
    positions.into_iter().map(|[x, y]| Coord { x, y }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_answers_as_the_outline_does() {
        let iraq = country("IQ").unwrap();
        for i in 0..400 {
            let p = Point::new(
                38.0 + f64::from(i % 20) * 0.5,
                29.0 + f64::from(i / 20) * 0.4,
            );
            assert_eq!(iraq.contains(p), iraq.outline.contains(&p), "{p:?}");
        }
    }

    #[test]
    fn every_label_point_is_inside_its_country() {
        let areas = parse();
        assert!(areas.len() >= 30, "{}", areas.len());
        for (code, area) in &areas {
            assert!(area.contains(area.interior), "{code}");
        }
    }

    #[test]
    fn distances_to_the_border() {
        // The Iraq–Syria border at al-Qaim/Albu Kamal runs near 41.0°E, 34.4°N.
        let iraq = super::country("IQ").unwrap();
        let d = iraq.to_border_m(Point::new(41.2, 34.4));
        assert!(d < 25_000.0, "{d}");
        assert!(
            iraq.to_border_m(Point::new(44.40088, 33.34058)) > 100_000.0,
            "Baghdad"
        );
        assert_eq!(from_origin((3.0, 4.0), (3.0, 4.0)), 5.0);
        assert_eq!(from_origin((-1.0, 2.0), (1.0, 2.0)), 2.0);
    }
}
