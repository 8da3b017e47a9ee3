//! Countries, governorates and regions as areas, not points: their outlines and interior
//! label points. A movement into an area ends where its route crosses the area's border, and
//! an event in an area stands at its interior point, never at the capital or the
//! representative town where the gazetteer puts it.
//!
//! Countries are the basemap's (Natural Earth 1:10m, `gazetteer/basemap/countries.geojson`,
//! clipped to 26–62°E, 24–46°N), with Natural Earth's label points. Governorates and regions
//! are built from Natural Earth's admin-1 polygons (`gazetteer/basemap/admin1_areas.geojson`)
//! by the definitions in [`regions`]. Countries beyond the basemap's box (Spain, Croatia, the
//! United States…) and places no definition covers have no outline here; they keep their
//! gazetteer point.

mod cuts;
pub(crate) mod geojson;
mod regions;

use std::collections::HashMap;
use std::sync::OnceLock;

use geo::algorithm::indexed::IntervalTreeMultiPolygon;
use geo::{Contains, Coord, LineString, MultiPolygon, Point, Polygon};
use serde::Deserialize;

const COUNTRIES: &str = include_str!("../../gazetteer/basemap/countries.geojson");

/// An area's outline and the point inside it that stands for the whole.
pub struct Area {
    pub outline: MultiPolygon<f64>,
    /// A point inside the area, away from its edges: Natural Earth's label point for a
    /// country, the pole of inaccessibility (polylabel) for a governorate or region.
    pub interior: Point<f64>,
    /// Whether the outline is the place's own boundary or convoy's approximation of it.
    pub basis: Basis,
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

/// What an area's outline stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The place's own boundary: a country, a governorate, or a union of whole ones that the
    /// place is (the Kurdistan Region's governorates, the Gulf states).
    Boundary,
    /// convoy's documented approximation of a region with no legal boundary (north-east
    /// Syria, northern Iraq, the al-Tanf 55 km zone…): see `gazetteer/README.md`.
    Approximate,
}

impl Basis {
    /// The word the output contract uses for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Boundary => "boundary",
            Basis::Approximate => "approximate",
        }
    }
}

impl Area {
    /// The area of `outline`, standing at `interior`.
    fn new(outline: MultiPolygon<f64>, interior: Point<f64>, basis: Basis) -> Area {
        Area {
            index: IntervalTreeMultiPolygon::new(&outline),
            outline,
            interior,
            basis,
        }
    }

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
/// Its basis is [`Basis::Boundary`].
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

/// The area of the gazetteer's governorate or region `id` (kind `governorate` or `region`),
/// when [`regions`] defines one; built on first use.
///
/// # Examples
/// ```
/// use geo::Point;
/// let kurdistan = convoy::areas::region("kurdistan_region_iraq").unwrap();
/// assert!(kurdistan.contains(Point::new(44.00943, 36.19117)), "Erbil");
/// assert!(!kurdistan.contains(Point::new(43.11889, 36.335)), "Mosul");
/// assert!(kurdistan.contains(kurdistan.interior));
/// assert!(convoy::areas::region("baghdad_city").is_none(), "a city is a point");
/// ```
pub fn region(id: &str) -> Option<&'static Area> {
    static AREAS: OnceLock<HashMap<&'static str, Area>> = OnceLock::new();
    AREAS.get_or_init(regions::build).get(id)
}

#[derive(Deserialize)]
struct CountryProperties {
    iso_a2: String,
    kind: String,
    label_lon: f64,
    label_lat: f64,
}

/// The countries of the embedded basemap (its slivers, such as buffer zones, are no country),
/// by code. The file is compiled in and validated by its own tests, so it parses.
fn parse() -> HashMap<String, Area> {
    features::<CountryProperties>(COUNTRIES)
        .filter(|(p, _)| p.kind == "country")
        .map(|(p, outline)| {
            let interior = Point::new(p.label_lon, p.label_lat);
            (p.iso_a2, Area::new(outline, interior, Basis::Boundary))
        })
        .collect()
}

/// The features of an embedded basemap file of (Multi)Polygons: properties and outline.
fn features<P: serde::de::DeserializeOwned>(
    text: &'static str,
) -> impl Iterator<Item = (P, MultiPolygon<f64>)> {
    let collection: geojson::Collection<P> =
        serde_json::from_str(text).expect("the embedded basemap parses");
    collection.features.into_iter().map(|f| {
        let polygons = f.geometry.polygons().into_iter().map(|rings| {
            let mut rings = rings.into_iter().map(ring);
            let exterior = rings.next().unwrap_or_else(|| LineString::new(Vec::new()));
            Polygon::new(exterior, rings.collect())
        });
        (f.properties, MultiPolygon::new(polygons.collect()))
    })
}

fn ring(positions: geojson::Ring) -> LineString<f64> {
    (positions.into_iter())
        .map(|geojson::Position([x, y])| Coord { x, y })
        .collect()
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
