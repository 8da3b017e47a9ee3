//! The contract files as the page reads them: one feature at a time, typed to the properties the
//! page shows, so a corpus's files are never held whole in memory.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{Error, Result};

/// A feature of `movements.geojson`, `events.geojson` or `places.geojson`.
#[derive(Debug, Deserialize)]
pub(crate) struct Feature {
    pub geometry: Geometry,
    pub properties: Properties,
}

/// The geometries the contract files hold.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", content = "coordinates")]
pub(crate) enum Geometry {
    Point([f64; 2]),
    LineString(Vec<[f64; 2]>),
}

/// The properties the page shows, of all three files (each reads only its own).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Properties {
    pub id: String,
    pub doc: String,
    pub event_type: Option<String>,
    pub actor: Option<String>,
    pub actor_ar: Option<String>,
    pub counterpart: Option<String>,
    pub origin: String,
    pub destination: String,
    pub origin_name: Option<String>,
    pub destination_name: Option<String>,
    pub origin_site_name: Option<String>,
    pub destination_site_name: Option<String>,
    pub destination_coarse: bool,
    pub via: Vec<String>,
    pub via_names: Vec<String>,
    pub place: String,
    pub place_name: Option<String>,
    pub site_name: Option<String>,
    pub near: bool,
    pub vehicles: Option<u32>,
    pub vehicles_qualifier: Option<String>,
    pub personnel: Option<u32>,
    pub personnel_qualifier: Option<String>,
    pub status: Option<String>,
    pub event_date: Option<String>,
    pub date_text: Option<String>,
    pub background: bool,
    pub evidence: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub stroke: Option<String>,
    #[serde(rename = "marker-color")]
    pub marker_color: Option<String>,
    pub name_en: Option<String>,
    pub name_ar: Option<String>,
    pub kind: Option<String>,
    pub mentions: u32,
}

/// Calls `each` with every feature of the FeatureCollection in file `path`, in file order.
pub(crate) fn for_each(path: &Path, each: &mut dyn FnMut(Feature)) -> Result<()> {
    let file = File::open(path).map_err(|e| Error::io(path, "cannot read", e))?;
    read(BufReader::with_capacity(1 << 16, file), each).map_err(|e| Error::Malformed {
        source_name: path.display().to_string(),
        location: format!("line {}", e.line()),
        message: format!("not a feature collection convoy wrote: {e}"),
    })
}

/// Calls `each` with every feature of the FeatureCollection `reader` holds.
fn read(reader: impl Read, each: &mut dyn FnMut(Feature)) -> serde_json::Result<()> {
    let mut de = serde_json::Deserializer::from_reader(reader);
    Collection(each).deserialize(&mut de)?;
    de.end()
}

/// The top-level object: its `features` are handed on one by one, other members skipped.
struct Collection<'a>(&'a mut dyn FnMut(Feature));

impl<'de> DeserializeSeed<'de> for Collection<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Collection<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a GeoJSON FeatureCollection")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "features" {
                map.next_value_seed(Features(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// The `features` array, read element by element.
struct Features<'a>(&'a mut dyn FnMut(Feature));

impl<'de> DeserializeSeed<'de> for Features<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Features<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of features")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(feature) = seq.next_element::<Feature>()? {
            (self.0)(feature);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> serde_json::Result<Vec<String>> {
        let mut out = Vec::new();
        read(text.as_bytes(), &mut |f| out.push(f.properties.id))?;
        Ok(out)
    }

    #[test]
    fn features_come_one_by_one_in_order() {
        let text = r#"{"type":"FeatureCollection","bbox":[1,2,3,4],"features":[
          {"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"a","kind":"base"}},
          {"type":"Feature","id":"b","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{"id":"b","extra":{"x":[1]}}}
        ]}"#;
        assert_eq!(ids(text).unwrap(), ["a", "b"]);
    }

    #[test]
    fn a_broken_file_is_an_error_with_its_line() {
        let e = ids("{\"features\":[\n{\"geometry\":{\"type\":\"Point\"").unwrap_err();
        assert_eq!(e.line(), 2);
        assert!(ids("[1,2]").is_err());
    }
}
