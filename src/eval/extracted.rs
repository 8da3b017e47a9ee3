//! What convoy extracted from the annotated articles: the features `convoy extract` writes,
//! taken from the extraction's GeoJSON text sequence (the export's own bytes, so exactly what
//! the files would hold) and grouped by article. By the output contract, movements are
//! LineStrings, places Points with a `docs` list, and events the other Points.

use std::collections::HashMap;

use serde::Deserialize;

use crate::error::{Error, Result};

/// A place of `places.geojson`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacePoint {
    /// The point, [lon, lat].
    pub at: [f64; 2],
    /// The gazetteer id (printed with a wrong point).
    pub id: Option<String>,
}

/// A movement of `movements.geojson`.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Its vertices, [lon, lat], first the origin and last the destination.
    pub vertices: Vec<[f64; 2]>,
    /// The gazetteer ids of its places (printed with an extra line).
    pub origin: Option<String>,
    /// See `origin`.
    pub via: Option<Vec<String>>,
    /// See `origin`.
    pub destination: Option<String>,
}

/// An event of `events.geojson`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPoint {
    /// The point, [lon, lat].
    pub at: [f64; 2],
    /// Its type (withdrawal, arrival…).
    pub event_type: Option<String>,
}

/// One article's features, each kind in the order written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The places it names.
    pub places: Vec<PlacePoint>,
    /// Its movements.
    pub lines: Vec<Line>,
    /// Its events.
    pub events: Vec<EventPoint>,
}

/// Every article's features, by file name ("301_x.txt").
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    by_doc: HashMap<String, Article>,
}

#[derive(Deserialize)]
struct Feature {
    geometry: Geometry,
    properties: Properties,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Point(Vec<f64>),
    LineString(Vec<Vec<f64>>),
}

#[derive(Deserialize)]
struct Properties {
    id: Option<String>,
    doc: Option<String>,
    docs: Option<Vec<String>>,
    event_type: Option<String>,
    origin: Option<String>,
    via: Option<Vec<String>>,
    destination: Option<String>,
}

impl Extracted {
    /// Reads the features of a GeoJSON text sequence (RFC 8142: RS, JSON, LF per feature), as
    /// `export::Sink::Seq` writes them.
    pub fn from_seq(seq: &[u8]) -> Result<Extracted> {
        let mut x = Extracted::default();
        let records = seq.split(|&b| b == 0x1e).filter(|r| !r.is_empty());
        for (i, record) in records.enumerate() {
            let f: Feature = serde_json::from_slice(record).map_err(|e| Error::Malformed {
                source_name: "the extraction".into(),
                location: format!("feature {}", i + 1),
                message: e.to_string(),
            })?;
            x.add(f);
        }
        Ok(x)
    }

    fn add(&mut self, f: Feature) {
        let p = f.properties;
        match (f.geometry, p.docs) {
            (Geometry::LineString(vertices), _) => {
                let vertices = vertices.iter().map(|v| lon_lat(v)).collect();
                self.doc(p.doc).lines.push(Line {
                    vertices,
                    origin: p.origin,
                    via: p.via,
                    destination: p.destination,
                });
            }
            (Geometry::Point(at), Some(docs)) => {
                for doc in docs {
                    let id = p.id.clone();
                    self.doc(Some(doc)).places.push(PlacePoint {
                        at: lon_lat(&at),
                        id,
                    });
                }
            }
            (Geometry::Point(at), None) => {
                let at = lon_lat(&at);
                let event_type = p.event_type;
                self.doc(p.doc).events.push(EventPoint { at, event_type });
            }
        }
    }

    fn doc(&mut self, doc: Option<String>) -> &mut Article {
        self.by_doc.entry(doc.unwrap_or_default()).or_default()
    }

    /// The features of the article `doc` ("301_x.txt"); none if it has none.
    pub fn article(&self, doc: &str) -> &Article {
        static NONE: Article = Article {
            places: Vec::new(),
            lines: Vec::new(),
            events: Vec::new(),
        };
        self.by_doc.get(doc).unwrap_or(&NONE)
    }
}

/// A position's first two numbers (a missing one is NaN, which stands for no place).
fn lon_lat(position: &[f64]) -> [f64; 2] {
    let at = |i: usize| position.get(i).copied().unwrap_or(f64::NAN);
    [at(0), at(1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEQ: &str = concat!(
        "\x1e{\"type\":\"Feature\",\"id\":\"a-m1\",\"geometry\":{\"type\":\"LineString\",",
        "\"coordinates\":[[38.8,36.3],[40.7,36.5]]},\"properties\":{\"id\":\"a-m1\",",
        "\"doc\":\"a.txt\",\"event_type\":\"relocation\",\"origin\":\"x\",\"destination\":\"y\",",
        "\"via\":[],\"evidence\":\"\\u001e\"}}\n",
        "\x1e{\"type\":\"Feature\",\"id\":\"a-e1\",\"geometry\":{\"type\":\"Point\",",
        "\"coordinates\":[40.7,36.5]},\"properties\":{\"id\":\"a-e1\",\"doc\":\"a.txt\",",
        "\"event_type\":\"arrival\"}}\n",
        "\x1e{\"type\":\"Feature\",\"id\":\"y\",\"geometry\":{\"type\":\"Point\",",
        "\"coordinates\":[40.7,36.5]},\"properties\":{\"id\":\"y\",\"docs\":[\"a.txt\",\"b.txt\"]}}\n",
    );

    #[test]
    fn sequences_sort_into_lines_events_and_places_by_article() {
        let x = Extracted::from_seq(SEQ.as_bytes()).unwrap();
        let a = x.article("a.txt");
        assert_eq!(a.lines.len(), 1);
        assert_eq!(a.lines[0].vertices, vec![[38.8, 36.3], [40.7, 36.5]]);
        assert_eq!(a.lines[0].via, Some(vec![]));
        assert_eq!(a.events[0].event_type.as_deref(), Some("arrival"));
        assert_eq!(a.places[0].id.as_deref(), Some("y"));
        let b = x.article("b.txt");
        assert!(b.lines.is_empty() && b.events.is_empty() && b.places.len() == 1);
        assert_eq!(x.article("c.txt"), &Article::default());
    }

    #[test]
    fn a_broken_record_is_an_error_naming_it() {
        let e = Extracted::from_seq(b"\x1e{\"geometry\":1}\n").unwrap_err();
        assert!(
            e.to_string().starts_with("the extraction: feature 1: "),
            "{e}"
        );
    }
}
