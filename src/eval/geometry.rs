//! The scorer's geometry: when a convoy point "stands for" an annotated place. A place is a
//! circle of `radius_km` on a 6371 km sphere, or a country's polygons tested by ray casting.
//! Each test is `score.py`'s, operation for operation, so that a point on an edge falls on the
//! same side in both.

use std::collections::HashMap;

use serde::Deserialize;

use crate::areas::geojson::{self, Collection};
use crate::error::{Error, Result};

/// The scorer's country polygons (Natural Earth 1:50m, see `gazetteer/eval/README.md`).
pub const EMBEDDED_COUNTRIES: &str = include_str!("../../gazetteer/eval/countries.geojson");

/// Great-circle distance in km between two points on a 6371 km sphere (`score.py`'s `km`).
///
/// # Examples
/// ```
/// // One degree of latitude.
/// let d = convoy::eval::km(33.0, 44.0, 34.0, 44.0);
/// assert!((d - 111.19).abs() < 0.01);
/// ```
pub fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let a = squared(((p2 - p1) / 2.0).sin())
        + p1.cos() * p2.cos() * squared(((lon2 - lon1).to_radians() / 2.0).sin());
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// `x ** 2` as Python computes it: the C library's `pow`, which is not always `x * x` (they
/// differ in the last bit for about 1 in 1,000 numbers). `black_box` keeps the compiler from
/// turning the call into a multiplication.
fn squared(x: f64) -> f64 {
    x.powf(std::hint::black_box(2.0))
}

/// A ring as `[lon, lat]` positions; the last may repeat the first (GeoJSON) or not.
type Ring = Vec<[f64; 2]>;

/// Whether (x, y) is inside `ring`, by ray casting (`score.py`'s `_ring_contains`): the edge
/// from the last position back to the first is tested too.
fn ring_contains(ring: &[[f64; 2]], x: f64, y: f64) -> bool {
    let next = ring.iter().skip(1).chain(ring.first());
    let mut inside = false;
    for (&[x1, y1], &[x2, y2]) in ring.iter().zip(next) {
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// A polygon: its outer ring, then its holes.
#[derive(Debug, Clone)]
struct Polygon(Vec<Ring>);

impl Polygon {
    fn contains(&self, x: f64, y: f64) -> bool {
        let Some((outer, holes)) = self.0.split_first() else {
            return false;
        };
        ring_contains(outer, x, y) && !holes.iter().any(|h| ring_contains(h, x, y))
    }
}

/// Country polygons by ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, Default)]
pub struct Countries {
    by_code: HashMap<String, Vec<Polygon>>,
}

/// What the scorer takes from a country feature's properties.
#[derive(Deserialize)]
struct Properties {
    iso2: Option<String>,
}

impl Countries {
    /// The polygons embedded in convoy, the scorer's own.
    pub fn embedded() -> Result<Countries> {
        Countries::parse(
            "gazetteer/eval/countries.geojson (embedded)",
            EMBEDDED_COUNTRIES,
        )
    }

    /// Parses a FeatureCollection of Polygon or MultiPolygon features with an `iso2` property;
    /// `source_name` names it in errors. A code on several features keeps the last, as
    /// `score.py` does.
    pub fn parse(source_name: &str, text: &str) -> Result<Countries> {
        let collection: Collection<Properties> =
            serde_json::from_str(text).map_err(|e| Error::Malformed {
                source_name: source_name.to_owned(),
                location: format!("line {} column {}", e.line(), e.column()),
                message: format!("not a FeatureCollection of (Multi)Polygons with iso2: {e}"),
            })?;
        let mut by_code = HashMap::new();
        for f in collection.features {
            let polygons = (f.geometry.polygons().into_iter())
                .map(|rings| Polygon(rings.into_iter().map(ring).collect()))
                .collect();
            if let Some(code) = f.properties.iso2 {
                by_code.insert(code, polygons);
            }
        }
        Ok(Countries { by_code })
    }

    /// Whether the point is inside the country `code`; `None` when no polygon has that code.
    pub fn contains(&self, code: &str, lon: f64, lat: f64) -> Option<bool> {
        let polygons = self.by_code.get(code)?;
        Some(polygons.iter().any(|p| p.contains(lon, lat)))
    }

    /// Whether some polygon has the code.
    pub fn knows(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }
}

/// A ring's positions as `[lon, lat]`.
fn ring(positions: geojson::Ring) -> Ring {
    positions.into_iter().map(|p| p.0).collect()
}

/// Where an annotated place is: what a point must fall in to stand for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Area {
    /// Within `radius_km` of a point.
    Circle { lat: f64, lon: f64, radius_km: f64 },
    /// Inside a country's polygons (places of kind `country`), by ISO alpha-2 code.
    Country(String),
}

impl Area {
    /// Whether the point (lon, lat) stands for the place (`score.py`'s `stands_for`). A
    /// country without polygons contains nothing; annotations are checked for that first.
    pub fn holds(&self, countries: &Countries, [lon, lat]: [f64; 2]) -> bool {
        match self {
            Area::Circle {
                lat: y,
                lon: x,
                radius_km,
            } => km(*y, *x, lat, lon) <= *radius_km,
            Area::Country(code) => countries.contains(code, lon, lat).unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_the_scorers_to_the_bit() {
        // score.py's km() for the same arguments, printed with repr(): Baghdad to Damascus,
        // and a short hop where pow(x, 2) and x * x differ.
        assert_eq!(km(33.3152, 44.3661, 33.5138, 36.2765), 750.9735985524907);
        assert_eq!(km(36.0561, 40.7303, 36.1, 40.8), 7.9413529101349045);
        // With x * x for the squares this would end in ...658.
        assert_eq!(
            km(34.7506, 46.5458, 34.836252, 46.714239),
            18.090953743546578
        );
        assert_eq!(km(1.0, 2.0, 1.0, 2.0), 0.0);
    }

    #[test]
    fn rings_contain_by_ray_casting_with_holes_left_out() {
        let square = vec![
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [0.0, 10.0],
            [0.0, 0.0],
        ];
        let hole = vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0]];
        let p = Polygon(vec![square.clone(), hole]);
        assert!(p.contains(1.0, 1.0));
        assert!(!p.contains(5.0, 5.0), "in the hole");
        assert!(!p.contains(11.0, 5.0));
        // An unclosed ring is closed by the last edge.
        assert!(ring_contains(&square[..4], 9.0, 5.0));
        assert!(!Polygon(vec![]).contains(1.0, 1.0));
    }

    #[test]
    fn embedded_countries_cover_the_world_and_keep_the_last_of_a_code() {
        let c = Countries::embedded().unwrap();
        assert_eq!(c.contains("SY", 38.99, 35.95), Some(true), "Raqqa");
        assert_eq!(c.contains("IQ", 38.99, 35.95), Some(false));
        assert_eq!(c.contains("US", -77.04, 38.9), Some(true), "Washington");
        assert_eq!(c.contains("ES", -3.7, 40.42), Some(true), "Madrid");
        assert_eq!(c.contains("XX", 0.0, 0.0), None);
        // AU's last feature is Ashmore and Cartier Is., so Canberra is not "in AU".
        assert_eq!(c.contains("AU", 149.13, -35.28), Some(false));
        assert!(c.knows("KW") && !c.knows("XX"));
    }

    #[test]
    fn country_files_parse_polygons_and_say_what_is_wrong() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"iso2":"ZZ"},"geometry":{"type":"Polygon",
             "coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}},
            {"type":"Feature","properties":{"iso2":null},"geometry":{"type":"Polygon",
             "coordinates":[]}}]}"#;
        let c = Countries::parse("t.geojson", text).unwrap();
        assert_eq!(c.contains("ZZ", 1.0, 1.0), Some(true));
        let bad = r#"{"features":[{"properties":{"iso2":"ZZ"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        let e = Countries::parse("t.geojson", bad).unwrap_err().to_string();
        assert!(e.starts_with("t.geojson: line 1 column "), "{e}");
        assert!(
            e.contains("not a FeatureCollection of (Multi)Polygons with iso2"),
            "{e}"
        );
        let short = r#"{"features":[{"properties":{"iso2":"ZZ"},"geometry":{"type":"Polygon","coordinates":[[[1]]]}}]}"#;
        let e = Countries::parse("t.geojson", short)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "t.geojson: line 1 column 89: not a FeatureCollection of (Multi)Polygons with iso2: \
             a position has fewer than two numbers at line 1 column 89"
        );
    }

    #[test]
    fn areas_hold_points_within_their_radius_or_country() {
        let c = Countries::embedded().unwrap();
        let base = Area::Circle {
            lat: 36.0561,
            lon: 40.7303,
            radius_km: 10.0,
        };
        assert!(base.holds(&c, [40.8, 36.1]));
        assert!(!base.holds(&c, [41.0, 36.1]));
        assert!(Area::Country("SY".into()).holds(&c, [40.8, 36.1]));
        assert!(!Area::Country("XX".into()).holds(&c, [40.8, 36.1]));
    }
}
