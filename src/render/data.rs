//! What a map draws, read from the GeoJSON files of the output contract
//! (`docs/output-contract.md`): movements, events and places.
//!
//! Each feature is recognised by its geometry and properties, so any of the three files (or a
//! file holding a mix) can be read: a LineString is a movement, a Point with `event_type` an
//! event, a Point with `kind` a place. Only the properties the map needs are required; errors
//! name the file and the feature.
//!
//! Files as GDAL writes them back (`ogr2ogr -where …`) read as convoy's own: the id may be
//! the Feature's `id` member only, properties come in any order, optional ones may be missing,
//! and a layer that passed through a text format may carry numbers as digits in strings,
//! dates as `YYYY/MM/DD` and empty strings for null. What a map cannot do without is named,
//! all of it at once.

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::feature_stream::{read_features, StreamError};

/// The three files `convoy extract` writes, in the order they are read from a directory.
pub const CONTRACT_FILES: [&str; 3] = ["movements.geojson", "events.geojson", "places.geojson"];

/// The GeoJSON files `paths` name, in order: a file as it is, a directory as the contract
/// files it holds. A directory holding none of them is an error.
pub fn contract_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let held: Vec<PathBuf> = CONTRACT_FILES
            .iter()
            .map(|f| path.join(f))
            .filter(|p| p.is_file())
            .collect();
        if held.is_empty() {
            return Err(Error::Invalid(format!(
                "{}: a directory with none of {}",
                path.display(),
                CONTRACT_FILES.join(", ")
            )));
        }
        files.extend(held);
    }
    Ok(files)
}

/// A movement: one LineString feature of `movements.geojson`.
#[derive(Debug, Clone, PartialEq)]
pub struct Movement {
    pub id: String,
    /// The article's file name; empty when the file does not say.
    pub doc: String,
    pub event_type: Option<String>,
    /// Who moved; `None` when not stated.
    pub actor: Option<String>,
    pub actor_ar: Option<String>,
    pub origin: String,
    pub destination: String,
    /// The ends' English names; their gazetteer ids when the file does not give them.
    pub origin_name: String,
    pub destination_name: String,
    /// The end is a country or region, drawn at its border or interior point rather than at
    /// the place's coordinate (`origin_coarse`, `destination_coarse`; false when absent).
    pub origin_coarse: bool,
    pub destination_coarse: bool,
    pub via: Vec<String>,
    pub vehicles: Option<u32>,
    pub status: String,
    pub event_date: Option<String>,
    /// The densified great-circle line, `[lon, lat]`, origin first, destination last.
    pub line: Vec<[f64; 2]>,
}

#[cfg(test)]
impl Movement {
    /// A reported United States withdrawal from `a` to `to`, for tests to vary.
    pub(crate) fn test_trip(id: &str, to: &str) -> Movement {
        Movement {
            id: id.into(),
            doc: format!("{id}.txt"),
            event_type: Some("withdrawal".into()),
            actor: Some("United States".into()),
            actor_ar: None,
            origin: "a".into(),
            destination: to.into(),
            origin_name: "A".into(),
            destination_name: to.into(),
            origin_coarse: false,
            destination_coarse: false,
            via: Vec::new(),
            vehicles: None,
            status: "reported".into(),
            event_date: None,
            line: vec![[44.0, 33.0], [45.0, 34.0]],
        }
    }
}

/// An event at a place: one Point feature of `events.geojson`.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    /// The article's file name; empty when the file does not say.
    pub doc: String,
    pub event_type: String,
    pub place: String,
    /// The place's English name; its gazetteer id when the file does not give it.
    pub place_name: String,
    pub actor: Option<String>,
    pub status: Option<String>,
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
        let mut data = MapData::default();
        read(name, text.as_bytes(), &mut data)?;
        Ok(data)
    }

    /// Reads files, or directories holding `movements.geojson`, `events.geojson` and/or
    /// `places.geojson`, and merges them in the order given (as [`MapData::merge`] does). Each
    /// file is read one feature at a time, so only what the map draws is held.
    pub fn from_paths(paths: &[PathBuf]) -> Result<MapData> {
        let mut data = MapData::default();
        read_paths(paths, &mut data)?;
        data.keep_first_of_each_id();
        Ok(data)
    }

    /// Adds another file's features; a feature whose id is already here is kept once (the
    /// first one read), so reading the same file twice changes nothing.
    pub fn merge(&mut self, other: MapData) {
        self.movements.extend(other.movements);
        self.events.extend(other.events);
        self.places.extend(other.places);
        self.keep_first_of_each_id();
    }

    /// Drops every feature whose id an earlier feature of its layer has.
    fn keep_first_of_each_id(&mut self) {
        keep_first_of_each(&mut self.movements, |m| &m.id);
        keep_first_of_each(&mut self.events, |e| &e.id);
        keep_first_of_each(&mut self.places, |p| &p.id);
    }

    /// Data made of these features, as given (no ids merged).
    pub fn from_parts(
        movements: Vec<Movement>,
        events: Vec<Event>,
        places: Vec<MapPlace>,
    ) -> MapData {
        MapData {
            movements,
            events,
            places,
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
}

/// What features are read into, one at a time.
pub(crate) trait FeatureSink {
    fn movement(&mut self, m: Movement);
    fn event(&mut self, e: Event);
    fn place(&mut self, p: MapPlace);
}

impl FeatureSink for MapData {
    fn movement(&mut self, m: Movement) {
        self.movements.push(m);
    }

    fn event(&mut self, e: Event) {
        self.events.push(e);
    }

    fn place(&mut self, p: MapPlace) {
        self.places.push(p);
    }
}

/// Reads the contract files `paths` name (as [`contract_inputs`] finds them), in order, into
/// `sink`, one feature at a time.
pub(crate) fn read_paths(paths: &[PathBuf], sink: &mut impl FeatureSink) -> Result<()> {
    for path in contract_inputs(paths)? {
        let file = File::open(&path).map_err(|e| Error::io(&path, "cannot read", e))?;
        read(&path.display().to_string(), file, sink)?;
    }
    Ok(())
}

/// Reads the FeatureCollection in `reader` into `sink`; `name` names the file in errors.
pub(crate) fn read(name: &str, reader: impl Read, sink: &mut impl FeatureSink) -> Result<()> {
    let file_error = |message: String| Error::Malformed {
        source_name: name.to_owned(),
        location: "file".into(),
        message,
    };
    let read = read_features(reader, |i, feature: Value| {
        FeatureReader::new(name, i, &feature).read_into(sink)
    })
    .map_err(|e| match e {
        StreamError::Json(e) => file_error(format!("not a GeoJSON FeatureCollection: {e}")),
        // Coordinates that are not degrees explain a feature's error better than it does.
        StreamError::Feature(e, members) => check_crs(&members).err().map_or(e, file_error),
    })?;
    let kind = read.members.get("type").and_then(Value::as_str);
    if kind != Some("FeatureCollection") {
        let found = match kind {
            Some(k) => format!("its \"type\" is \"{k}\""),
            None => "it has no \"type\"".to_owned(),
        };
        return Err(file_error(format!(
            "not a GeoJSON FeatureCollection ({found})"
        )));
    }
    check_crs(&read.members).map_err(file_error)?;
    if read.features.is_none() {
        return Err(file_error(
            "a FeatureCollection without a \"features\" array".into(),
        ));
    }
    Ok(())
}

/// A legacy `crs` member other than WGS 84 longitude/latitude means the coordinates are not
/// degrees (GDAL writes one for a reprojected layer).
fn check_crs(members: &Map<String, Value>) -> std::result::Result<(), String> {
    let Some(crs) = members.get("crs").filter(|c| !c.is_null()) else {
        return Ok(());
    };
    let name = crs
        .pointer("/properties/name")
        .and_then(Value::as_str)
        .unwrap_or("");
    let wgs84 = ["CRS84", "EPSG::4326", "EPSG:4326"]
        .iter()
        .any(|w| name.ends_with(w));
    if wgs84 {
        return Ok(());
    }
    Err(format!(
        "its coordinates are in \"{name}\", not WGS 84 longitude and latitude (RFC 7946); \
         convert it with `ogr2ogr -t_srs EPSG:4326`"
    ))
}

/// Drops every item of `items` whose `id` an earlier item has, keeping their order; it
/// sorts indices, not ids, so a million features need no second copy of their ids.
fn keep_first_of_each<T>(items: &mut Vec<T>, id: impl Fn(&T) -> &str) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Stable: of equal ids, the first read comes first.
    order.sort_by(|&a, &b| id(&items[a]).cmp(id(&items[b])));
    let mut repeated = vec![false; items.len()];
    for pair in order.windows(2) {
        if id(&items[pair[0]]) == id(&items[pair[1]]) {
            repeated[pair[1]] = true;
        }
    }
    let mut at = 0;
    items.retain(|_| {
        at += 1;
        !repeated[at - 1]
    });
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
        match self.found_id() {
            Some(id) => format!("feature {} (id \"{id}\")", self.index + 1),
            None => format!("feature {}", self.index + 1),
        }
    }

    /// The `id` property, else the Feature's `id` member, where GDAL puts it (a string, or a
    /// number as GDAL numbers features of other formats).
    fn found_id(&self) -> Option<String> {
        [self.props.and_then(|p| p.get("id")), self.feature.get("id")]
            .into_iter()
            .flatten()
            .find_map(|v| match v {
                Value::String(s) if !s.is_empty() => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
    }

    /// The feature's id, which every feature needs.
    fn id(&self) -> Result<String> {
        let none = "has no id: neither an `id` property nor a Feature `id` member";
        self.found_id().ok_or_else(|| self.fail(none))
    }

    /// Fails naming every one of `keys` the feature lacks, which a `what` cannot be drawn
    /// without (a null value is there: it says "not stated").
    fn require(&self, what: &str, keys: &[&str]) -> Result<()> {
        let missing: Vec<String> = keys
            .iter()
            .filter(|k| !self.has(k))
            .map(|k| format!("`{k}`"))
            .collect();
        match missing.as_slice() {
            [] => Ok(()),
            [one] => Err(self.fail(format!(
                "missing property {one}, which {what} needs (see docs/output-contract.md; a \
                 layer filtered with `ogr2ogr -select` must keep it)"
            ))),
            many => Err(self.fail(format!(
                "missing properties {}, which {what} needs (see docs/output-contract.md; a \
                 layer filtered with `ogr2ogr -select` must keep them)",
                many.join(", ")
            ))),
        }
    }

    fn fail(&self, message: impl Into<String>) -> Error {
        Error::Malformed {
            source_name: self.file.to_owned(),
            location: self.location(),
            message: message.into(),
        }
    }

    fn read_into(&self, data: &mut impl FeatureSink) -> Result<()> {
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
                data.movement(self.movement(line)?);
            }
            "Point" => {
                let point = self.position(coords)?;
                if self.has("event_type") {
                    data.event(self.event(point)?);
                } else if self.has("kind") {
                    data.place(self.place(point)?);
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
        self.require("a movement", &["actor", "origin", "destination", "status"])?;
        let origin = self.string("origin")?;
        let destination = self.string("destination")?;
        Ok(Movement {
            id: self.id()?,
            doc: self.opt_string("doc")?.unwrap_or_default(),
            event_type: self.opt_string("event_type")?,
            actor: self.opt_string("actor")?,
            actor_ar: self.opt_string("actor_ar")?,
            origin_name: self.opt_string("origin_name")?.unwrap_or(origin.clone()),
            destination_name: self
                .opt_string("destination_name")?
                .unwrap_or(destination.clone()),
            origin,
            destination,
            origin_coarse: self.flag("origin_coarse")?,
            destination_coarse: self.flag("destination_coarse")?,
            via: self.strings("via")?,
            vehicles: self.opt_count("vehicles")?,
            status: self.string("status")?,
            event_date: self.date("event_date")?,
            line,
        })
    }

    fn event(&self, point: [f64; 2]) -> Result<Event> {
        self.require("an event", &["event_type", "place"])?;
        let place = self.string("place")?;
        Ok(Event {
            id: self.id()?,
            doc: self.opt_string("doc")?.unwrap_or_default(),
            event_type: self.string("event_type")?,
            place_name: self.opt_string("place_name")?.unwrap_or(place.clone()),
            place,
            actor: self.opt_string("actor")?,
            status: self.opt_string("status")?,
            event_date: self.date("event_date")?,
            point,
        })
    }

    fn place(&self, point: [f64; 2]) -> Result<MapPlace> {
        self.require("a place", &["kind", "name_en"])?;
        Ok(MapPlace {
            id: self.id()?,
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

    /// A string property that may be null, empty (as GDAL writes null to text formats) or
    /// absent.
    fn opt_string(&self, key: &str) -> Result<Option<String>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.fail(format!(
                "property `{key}` is {}, not a string or null",
                describe(other)
            ))),
        }
    }

    /// A boolean that may be null or absent (false); GDAL may write it back as 0 or 1, or as
    /// text.
    fn flag(&self, key: &str) -> Result<bool> {
        let Some(v) = self.get(key) else {
            return Ok(false);
        };
        match (v, v.as_u64(), v.as_str()) {
            (Value::Bool(b), ..) => Ok(*b),
            (_, Some(0), _) | (_, _, Some("" | "0" | "false")) => Ok(false),
            (_, Some(1), _) | (_, _, Some("1" | "true")) => Ok(true),
            _ => Err(self.fail(format!(
                "property `{key}` is {}, not a boolean or null",
                describe(v)
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

    /// A non-negative integer that may be null or absent; GDAL may write it back as a whole
    /// real (40.0) or as digits in a string ("40", or "" for null).
    fn opt_count(&self, key: &str) -> Result<Option<u32>> {
        let whole = |f: f64| f.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&f);
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(v) => v
                .as_u64()
                .or_else(|| v.as_f64().filter(|f| whole(*f)).map(|f| f as u64))
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
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

    /// A `YYYY-MM-DD` date that may be null or absent (the contract never writes "", but GDAL
    /// writes null so to text formats, and a date as `YYYY/MM/DD`).
    fn date(&self, key: &str) -> Result<Option<String>> {
        let Some(d) = self.opt_string(key)? else {
            return Ok(None);
        };
        let b = d.as_bytes();
        let sep = b.get(4).copied().filter(|c| *c == b'-' || *c == b'/');
        let ok = b.len() == 10
            && sep.is_some()
            && b[7] == b[4]
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if ok {
            Ok(Some(d.replace('/', "-")))
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
        let scene = crate::render::Scene::of(&d);
        assert_eq!(scene.date_range(), Some(("2020-01-08", "2020-01-08")));
        assert_eq!(scene.docs().iter().collect::<Vec<_>>(), ["a.txt"]);
    }

    #[test]
    fn messages_name_file_and_feature() {
        let e = MapData::from_geojson_str("x.geojson", r#"{"type":"Feature"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.geojson: file: not a GeoJSON FeatureCollection (its \"type\" is \"Feature\")"
        );
        let missing = EVENT.replace(r#""place":"ain_al_asad_airbase","#, "");
        let e = MapData::from_geojson_str("events.geojson", &fc(&missing)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "events.geojson: feature 1 (id \"a-e1\"): missing property `place`, which an event \
             needs (see docs/output-contract.md; a layer filtered with `ogr2ogr -select` must \
             keep it)"
        );
        let anonymous = EVENT.replace(r#""id":"a-e1","#, "");
        let e = MapData::from_geojson_str("events.geojson", &fc(&anonymous)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "events.geojson: feature 1: has no id: neither an `id` property nor a Feature `id` \
             member"
        );
        let far = EVENT.replace("[42.4412,33.7856]", "[33.7856,142.4412]");
        let e = MapData::from_geojson_str("events.geojson", &fc(&far)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "events.geojson: feature 1 (id \"a-e1\"): coordinate [33.7856, 142.4412] is out of \
             range (longitude −180..180, latitude −90..90, in that order)"
        );
        let bad_date = EVENT.replace("\"2020-01-08\"", "\"2020-1-8\"");
        let e = MapData::from_geojson_str("events.geojson", &fc(&bad_date)).unwrap_err();
        assert!(e
            .to_string()
            .ends_with("property `event_date` is \"2020-1-8\", not a YYYY-MM-DD date or null"));
        let projected = fc(EVENT).replacen(
            "{",
            r#"{"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"#,
            1,
        );
        let e = MapData::from_geojson_str("events.geojson", &projected).unwrap_err();
        assert_eq!(
            e.to_string(),
            "events.geojson: file: its coordinates are in \"urn:ogc:def:crs:EPSG::3857\", not \
             WGS 84 longitude and latitude (RFC 7946); convert it with `ogr2ogr -t_srs EPSG:4326`"
        );
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
