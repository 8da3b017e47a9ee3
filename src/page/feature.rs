//! The contract files as the page reads them: one feature at a time, typed to the properties the
//! page shows, so a corpus's files are never held whole in memory.

use std::convert::Infallible;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::feature_stream::{read_features, StreamError};

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
    read(file, each).map_err(|e| Error::Malformed {
        source_name: path.display().to_string(),
        location: format!("line {}", e.line()),
        message: format!("not a feature collection convoy wrote: {e}"),
    })
}

/// Calls `each` with every feature of the FeatureCollection `reader` holds.
fn read(reader: impl Read, each: &mut dyn FnMut(Feature)) -> serde_json::Result<()> {
    let each = |_, feature| {
        each(feature);
        Ok::<(), Infallible>(())
    };
    match read_features(reader, each) {
        Ok(_) => Ok(()),
        Err(StreamError::Json(e)) => Err(e),
        Err(StreamError::Feature(never, _)) => match never {},
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
