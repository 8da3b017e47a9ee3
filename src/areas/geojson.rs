//! Area files as GeoJSON: a FeatureCollection of Polygon or MultiPolygon features, each with
//! properties of the reader's own type. The one reading of such files, for the basemap's
//! countries and governorates here and the scorer's countries in `eval`.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;

/// A FeatureCollection of areas whose properties are a `P`.
#[derive(Debug, Deserialize)]
pub struct Collection<P> {
    /// Its features, in file order.
    pub features: Vec<Feature<P>>,
}

/// One area: its properties and outline.
#[derive(Debug, Deserialize)]
pub struct Feature<P> {
    /// What the reader takes from its properties.
    pub properties: P,
    /// Its outline.
    pub geometry: Geometry,
}

/// A ring as `[lon, lat]` positions, as the file gives them (closed or not).
pub type Ring = Vec<Position>;

/// An outline: one polygon or several, each a list of rings (exterior first, then holes).
#[derive(Debug, Deserialize)]
#[serde(tag = "type", content = "coordinates")]
pub enum Geometry {
    /// One polygon's rings.
    Polygon(Vec<Ring>),
    /// Several polygons' rings.
    MultiPolygon(Vec<Vec<Ring>>),
}

impl Geometry {
    /// The polygons, each a list of rings, whichever way the file gave them.
    pub fn polygons(self) -> Vec<Vec<Ring>> {
        match self {
            Geometry::Polygon(p) => vec![p],
            Geometry::MultiPolygon(ps) => ps,
        }
    }
}

/// A position's longitude and latitude: its first two numbers. A third (a height, which
/// GeoJSON allows) is passed over; fewer than two is an error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position(pub [f64; 2]);

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Position, D::Error> {
        deserializer.deserialize_seq(PositionVisitor)
    }
}

struct PositionVisitor;

impl<'de> Visitor<'de> for PositionVisitor {
    type Value = Position;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a position of at least two numbers")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Position, A::Error> {
        let short = || de::Error::custom("a position has fewer than two numbers");
        let lon: f64 = seq.next_element()?.ok_or_else(short)?;
        let lat: f64 = seq.next_element()?.ok_or_else(short)?;
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Position([lon, lat]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Name {
        name: String,
    }

    #[test]
    fn polygons_and_multipolygons_read_alike_heights_passed_over() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Polygon",
             "coordinates":[[[0,0],[2,0,5],[2,2],[0,0]]]}},
            {"type":"Feature","properties":{"name":"b"},"geometry":{"type":"MultiPolygon",
             "coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}}]}"#;
        let c: Collection<Name> = serde_json::from_str(text).unwrap();
        let [a, b] = <[Feature<Name>; 2]>::try_from(c.features).unwrap();
        assert_eq!(
            (a.properties.name.as_str(), b.properties.name.as_str()),
            ("a", "b")
        );
        let a = a.geometry.polygons();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0][0][1], Position([2.0, 0.0]));
        assert_eq!(b.geometry.polygons().len(), 2);
    }

    #[test]
    fn a_short_position_or_another_geometry_is_an_error() {
        let short = r#"{"features":[{"properties":{"name":"a"},"geometry":{"type":"Polygon","coordinates":[[[1]]]}}]}"#;
        let e = serde_json::from_str::<Collection<Name>>(short).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("a position has fewer than two numbers"),
            "{e}"
        );
        let point = r#"{"features":[{"properties":{"name":"a"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        assert!(serde_json::from_str::<Collection<Name>>(point).is_err());
    }
}
