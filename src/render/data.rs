//! What a map draws, read from the GeoJSON files of the output contract
//! (`docs/output-contract.md`): movements, events and places.
//!
//! Each feature is recognised by its geometry and properties, so any of the three files (or a
//! file holding a mix) can be read: a LineString is a movement, a Point with `event_type` an
//! event, a Point with `kind` a place. Only the properties the map needs are required; errors
//! name the file and the feature.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// The three files `convoy extract` writes, in the order they are read from a directory.
pub const CONTRACT_FILES: [&str; 3] = ["movements.geojson", "events.geojson", "places.geojson"];

/// A movement: one LineString feature of `movements.geojson`.
#[derive(Debug, Clone, PartialEq)]
pub struct Movement {
    pub id: String,
    pub doc: String,
    pub event_type: String,
    pub actor: String,
    pub actor_ar: Option<String>,
    pub origin: String,
    pub destination: String,
    pub origin_name: String,
    pub destination_name: String,
    pub via: Vec<String>,
    pub vehicles: Option<u32>,
    pub status: String,
    pub event_date: Option<String>,
    /// The densified great-circle line, `[lon, lat]`, origin first, destination last.
    pub line: Vec<[f64; 2]>,
}

/// An event at a place: one Point feature of `events.geojson`.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub doc: String,
    pub event_type: String,
    pub place: String,
    pub place_name: String,
    pub actor: Option<String>,
    pub status: String,
    pub event_date: Option<String>,
    /// `[lon, lat]`.
    pub point: [f64; 2],
}

/// A place the articles mention: one Point feature of `places.geojson`.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPlace {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    /// Gazetteer kind: airbase, base, crossing, oilfield, village, town, city, district,
    /// governorate, region, country, poi.
    pub kind: String,
    pub mentions: u32,
    pub docs: Vec<String>,
    /// `[lon, lat]`.
    pub point: [f64; 2],
}

/// Everything a map draws: movements, events and places, from one or more contract files.
///
/// # Examples
/// ```
/// use convoy::render::MapData;
/// let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"al_tanf_garrison",
///   "geometry":{"type":"Point","coordinates":[38.6178,33.5058]},
///   "properties":{"id":"al_tanf_garrison","name_en":"al-Tanf garrison","name_ar":"قاعدة التنف",
///   "kind":"base","country":"SY","mentions":2,"docs":["a.txt"],"source":"curated"}}]}"#;
/// let data = MapData::from_geojson_str("places.geojson", text).unwrap();
/// assert_eq!(data.places()[0].name_ar, "قاعدة التنف");
/// assert!(data.movements().is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapData {
    movements: Vec<Movement>,
    events: Vec<Event>,
    places: Vec<MapPlace>,
}

impl MapData {
    /// Reads one contract file's text; `name` names the file in errors.
    pub fn from_geojson_str(name: &str, text: &str) -> Result<MapData> {
        let file_error = |message: String| Error::Malformed {
            source_name: name.to_owned(),
            location: "file".into(),
            message,
        };
        let root: Value = serde_json::from_str(text)
            .map_err(|e| file_error(format!("not a GeoJSON FeatureCollection: {e}")))?;
        let kind = root.get("type").and_then(Value::as_str);
        if kind != Some("FeatureCollection") {
            let found = match kind {
                Some(k) => format!("its \"type\" is \"{k}\""),
                None => "it has no \"type\"".to_owned(),
            };
            return Err(file_error(format!(
                "not a GeoJSON FeatureCollection ({found})"
            )));
        }
        let features = root
            .get("features")
            .and_then(Value::as_array)
            .ok_or_else(|| file_error("a FeatureCollection without a \"features\" array".into()))?;
        let mut data = MapData::default();
        for (i, feature) in features.iter().enumerate() {
            FeatureReader::new(name, i, feature).read_into(&mut data)?;
        }
        Ok(data)
    }

    /// Reads files, or directories holding `movements.geojson`, `events.geojson` and/or
    /// `places.geojson`, and merges them in the order given.
    pub fn from_paths(paths: &[PathBuf]) -> Result<MapData> {
        let mut data = MapData::default();
        for path in paths {
            if path.is_dir() {
                let files: Vec<PathBuf> = CONTRACT_FILES
                    .iter()
                    .map(|f| path.join(f))
                    .filter(|p| p.is_file())
                    .collect();
                if files.is_empty() {
                    return Err(Error::Invalid(format!(
                        "{}: a directory with none of {}",
                        path.display(),
                        CONTRACT_FILES.join(", ")
                    )));
                }
                for file in files {
                    data.merge(read_file(&file)?);
                }
            } else {
                data.merge(read_file(path)?);
            }
        }
        Ok(data)
    }

    /// Adds another file's features; a feature whose id is already here is kept once (the
    /// first one read), so reading the same file twice changes nothing.
    pub fn merge(&mut self, other: MapData) {
        fn add<T>(into: &mut Vec<T>, from: Vec<T>, id: impl Fn(&T) -> &str) {
            let mut seen: BTreeSet<String> = into.iter().map(|x| id(x).to_owned()).collect();
            for x in from {
                if seen.insert(id(&x).to_owned()) {
                    into.push(x);
                }
            }
        }
        add(&mut self.movements, other.movements, |m| &m.id);
        add(&mut self.events, other.events, |e| &e.id);
        add(&mut self.places, other.places, |p| &p.id);
    }

    /// Keeps only what comes from article `doc` (a per-article map).
    pub fn retain_doc(&mut self, doc: &str) {
        self.movements.retain(|m| m.doc == doc);
        self.events.retain(|e| e.doc == doc);
        self.places.retain(|p| p.docs.iter().any(|d| d == doc));
        for p in &mut self.places {
            p.docs = vec![doc.to_owned()];
        }
    }

    /// True when there is nothing to draw but the basemap.
    pub fn is_empty(&self) -> bool {
        self.movements.is_empty() && self.events.is_empty() && self.places.is_empty()
    }

    /// The movements, in the order read.
    pub fn movements(&self) -> &[Movement] {
        &self.movements
    }

    /// The events, in the order read.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The places, in the order read.
    pub fn places(&self) -> &[MapPlace] {
        &self.places
    }

    /// The earliest and latest `event_date` of movements and events, if any is known.
    pub fn date_range(&self) -> Option<(&str, &str)> {
        let dates = self
            .movements
            .iter()
            .filter_map(|m| m.event_date.as_deref())
            .chain(self.events.iter().filter_map(|e| e.event_date.as_deref()));
        dates.fold(None, |acc, d| match acc {
            None => Some((d, d)),
            Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
        })
    }

    /// The distinct articles (`doc`) that movements, events and places come from.
    pub fn docs(&self) -> BTreeSet<&str> {
        let mut docs: BTreeSet<&str> = BTreeSet::new();
        docs.extend(self.movements.iter().map(|m| m.doc.as_str()));
        docs.extend(self.events.iter().map(|e| e.doc.as_str()));
        docs.extend(
            self.places
                .iter()
                .flat_map(|p| p.docs.iter().map(String::as_str)),
        );
        docs
    }
}

fn read_file(path: &Path) -> Result<MapData> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, "cannot read", e))?;
    MapData::from_geojson_str(&path.display().to_string(), &text)
}

/// Reads one feature, with errors that say where.
struct FeatureReader<'a> {
    file: &'a str,
    index: usize,
    feature: &'a Value,
    props: Option<&'a Map<String, Value>>,
}

impl<'a> FeatureReader<'a> {
    fn new(file: &'a str, index: usize, feature: &'a Value) -> FeatureReader<'a> {
        let props = feature.get("properties").and_then(Value::as_object);
        FeatureReader {
            file,
            index,
            feature,
            props,
        }
    }

    /// "feature 3 (id "x")", numbered from 1 as a person counts.
    fn location(&self) -> String {
        let id = self
            .props
            .and_then(|p| p.get("id"))
            .or_else(|| self.feature.get("id"))
            .and_then(Value::as_str);
        match id {
            Some(id) => format!("feature {} (id \"{id}\")", self.index + 1),
            None => format!("feature {}", self.index + 1),
        }
    }

    fn fail(&self, message: impl Into<String>) -> Error {
        Error::Malformed {
            source_name: self.file.to_owned(),
            location: self.location(),
            message: message.into(),
        }
    }

    fn read_into(&self, data: &mut MapData) -> Result<()> {
        if self.feature.get("type").and_then(Value::as_str) != Some("Feature") {
            return Err(self.fail("not a GeoJSON Feature"));
        }
        if self.props.is_none() {
            return Err(self.fail("has no \"properties\" object"));
        }
        let geometry = self
            .feature
            .get("geometry")
            .filter(|g| !g.is_null())
            .ok_or_else(|| self.fail("has no geometry"))?;
        let gtype = geometry.get("type").and_then(Value::as_str).unwrap_or("");
        let coords = geometry
            .get("coordinates")
            .ok_or_else(|| self.fail(format!("its {gtype} geometry has no coordinates")))?;
        match gtype {
            "LineString" => {
                let line = coords
                    .as_array()
                    .ok_or_else(|| self.fail("its LineString coordinates are not an array"))?
                    .iter()
                    .map(|c| self.position(c))
                    .collect::<Result<Vec<_>>>()?;
                if line.len() < 2 {
                    return Err(self.fail("its LineString has fewer than 2 positions"));
                }
                data.movements.push(self.movement(line)?);
            }
            "Point" => {
                let point = self.position(coords)?;
                if self.has("event_type") {
                    data.events.push(self.event(point)?);
                } else if self.has("kind") {
                    data.places.push(self.place(point)?);
                } else {
                    return Err(self.fail(
                        "a Point that is neither an event (no property `event_type`) nor a place \
                         (no property `kind`)",
                    ));
                }
            }
            other => {
                return Err(self.fail(format!(
                    "geometry type \"{other}\" is not one the contract writes (LineString for \
                     movements, Point for events and places)"
                )))
            }
        }
        Ok(())
    }

    fn movement(&self, line: Vec<[f64; 2]>) -> Result<Movement> {
        Ok(Movement {
            id: self.string("id")?,
            doc: self.string("doc")?,
            event_type: self.string("event_type")?,
            actor: self.string("actor")?,
            actor_ar: self.opt_string("actor_ar")?,
            origin: self.string("origin")?,
            destination: self.string("destination")?,
            origin_name: self.string("origin_name")?,
            destination_name: self.string("destination_name")?,
            via: self.strings("via")?,
            vehicles: self.opt_count("vehicles")?,
            status: self.string("status")?,
            event_date: self.date("event_date")?,
            line,
        })
    }

    fn event(&self, point: [f64; 2]) -> Result<Event> {
        Ok(Event {
            id: self.string("id")?,
            doc: self.string("doc")?,
            event_type: self.string("event_type")?,
            place: self.string("place")?,
            place_name: self.string("place_name")?,
            actor: self.opt_string("actor")?,
            status: self.string("status")?,
            event_date: self.date("event_date")?,
            point,
        })
    }

    fn place(&self, point: [f64; 2]) -> Result<MapPlace> {
        Ok(MapPlace {
            id: self.string("id")?,
            name_en: self.string("name_en")?,
            name_ar: self.opt_string("name_ar")?.unwrap_or_default(),
            kind: self.string("kind")?,
            mentions: self.opt_count("mentions")?.unwrap_or(0),
            docs: self.strings("docs")?,
            point,
        })
    }

    fn has(&self, key: &str) -> bool {
        self.props.is_some_and(|p| p.contains_key(key))
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.props.and_then(|p| p.get(key)).filter(|v| !v.is_null())
    }

    /// A required string property.
    fn string(&self, key: &str) -> Result<String> {
        match self.props.and_then(|p| p.get(key)) {
            None => Err(self.fail(format!("missing property `{key}`"))),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(self.fail(format!(
                "property `{key}` is {}, not a string",
                describe(other)
            ))),
        }
    }

    /// A string property that may be null or absent.
    fn opt_string(&self, key: &str) -> Result<Option<String>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.fail(format!(
                "property `{key}` is {}, not a string or null",
                describe(other)
            ))),
        }
    }

    /// An array of strings that may be absent (read as empty).
    fn strings(&self, key: &str) -> Result<Vec<String>> {
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        let bad = || self.fail(format!("property `{key}` is not an array of strings"));
        v.as_array()
            .ok_or_else(bad)?
            .iter()
            .map(|x| x.as_str().map(str::to_owned).ok_or_else(bad))
            .collect()
    }

    /// A non-negative integer that may be null or absent.
    fn opt_count(&self, key: &str) -> Result<Option<u32>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| {
                    self.fail(format!(
                        "property `{key}` is {}, not a non-negative integer or null",
                        describe(v)
                    ))
                }),
        }
    }

    /// A `YYYY-MM-DD` date that may be null or absent (the contract never writes "").
    fn date(&self, key: &str) -> Result<Option<String>> {
        let Some(d) = self.opt_string(key)? else {
            return Ok(None);
        };
        let b = d.as_bytes();
        let ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if ok {
            Ok(Some(d))
        } else {
            Err(self.fail(format!(
                "property `{key}` is \"{d}\", not a YYYY-MM-DD date or null"
            )))
        }
    }

    /// A `[lon, lat]` position in range (RFC 7946 §3.1.1: longitude first).
    fn position(&self, c: &Value) -> Result<[f64; 2]> {
        let pair = c
            .as_array()
            .filter(|a| a.len() >= 2)
            .and_then(|a| Some([a[0].as_f64()?, a[1].as_f64()?]))
            .ok_or_else(|| self.fail(format!("position {c} is not [longitude, latitude]")))?;
        let [lon, lat] = pair;
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return Err(self.fail(format!(
                "coordinate [{lon}, {lat}] is out of range (longitude −180..180, latitude −90..90, \
                 in that order)"
            )));
        }
        Ok(pair)
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(features: &str) -> String {
        format!(r#"{{"type":"FeatureCollection","features":[{features}]}}"#)
    }

    const EVENT: &str = r##"{"type":"Feature","id":"a-e1","geometry":{"type":"Point","coordinates":[42.4412,33.7856]},
        "properties":{"id":"a-e1","doc":"a.txt","event_type":"attack","place":"ain_al_asad_airbase",
        "place_name":"Ain al-Asad Air Base","actor":null,"counterpart":"United States","status":"reported",
        "event_date":"2020-01-08","date_text":null,"geo_precision":1,"evidence":"…","evidence_start":0,
        "evidence_end":3,"marker-color":"#d62728"}}"##;

    #[test]
    fn recognises_an_event() {
        let d = MapData::from_geojson_str("events.geojson", &fc(EVENT)).unwrap();
        assert_eq!(d.events().len(), 1);
        assert_eq!(d.events()[0].event_date.as_deref(), Some("2020-01-08"));
        assert_eq!(d.date_range(), Some(("2020-01-08", "2020-01-08")));
        assert_eq!(d.docs().into_iter().collect::<Vec<_>>(), ["a.txt"]);
    }

    #[test]
    fn messages_name_file_and_feature() {
        let e = MapData::from_geojson_str("x.geojson", r#"{"type":"Feature"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.geojson: file: not a GeoJSON FeatureCollection (its \"type\" is \"Feature\")"
        );
        let missing = EVENT.replace(r#""place_name":"Ain al-Asad Air Base","#, "");
        let e = MapData::from_geojson_str("events.geojson", &fc(&missing)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "events.geojson: feature 1 (id \"a-e1\"): missing property `place_name`"
        );
        let far = EVENT.replace("[42.4412,33.7856]", "[33.7856,142.4412]");
        let e = MapData::from_geojson_str("events.geojson", &fc(&far)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "events.geojson: feature 1 (id \"a-e1\"): coordinate [33.7856, 142.4412] is out of \
             range (longitude −180..180, latitude −90..90, in that order)"
        );
        let empty_date = EVENT.replace("\"2020-01-08\"", "\"\"");
        let e = MapData::from_geojson_str("events.geojson", &fc(&empty_date)).unwrap_err();
        assert!(e
            .to_string()
            .ends_with("property `event_date` is \"\", not a YYYY-MM-DD date or null"));
    }

    #[test]
    fn merging_twice_keeps_one() {
        let d = MapData::from_geojson_str("events.geojson", &fc(EVENT)).unwrap();
        let mut all = d.clone();
        all.merge(d.clone());
        assert_eq!(all, d);
        assert!(!all.is_empty() && MapData::default().is_empty());
    }
}
