//! Reading the two gazetteer tiers: the curated GeoJSON and the GeoNames TSV.

use std::io::Read;
use std::str::FromStr;

use geo::Point;
use geojson::{Feature, GeometryValue, JsonObject, JsonValue};

use super::place::{Kind, Place, PlaceId, Tier};
use crate::error::{Error, Result};
use crate::feature_stream::{read_features, StreamError};

/// Parses the curated gazetteer: a GeoJSON FeatureCollection of Points (see gazetteer/README.md),
/// read one feature at a time, so that a large file costs only the places it holds.
/// `source_name` names the file in error messages.
pub fn parse_curated(source_name: &str, reader: impl Read) -> Result<Vec<Place>> {
    let fail = |location: String, message: String| Error::Malformed {
        source_name: source_name.to_owned(),
        location,
        message,
    };
    let mut places = Vec::new();
    let read = read_features(reader, |n, feature: Feature| {
        places.push(curated_place(&fail, n, &feature)?);
        Ok(())
    })
    .map_err(|e| match e {
        StreamError::Feature(e, _) => e,
        StreamError::Json(e) => fail(
            "file".into(),
            format!("not a GeoJSON FeatureCollection: {e}"),
        ),
    })?;
    if read.members.get("type").and_then(JsonValue::as_str) != Some("FeatureCollection") {
        return Err(fail(
            "file".into(),
            "not a GeoJSON FeatureCollection: its \"type\" is not \"FeatureCollection\"".into(),
        ));
    }
    Ok(places)
}

/// The place feature `n` (from 0) describes.
fn curated_place(
    fail: &impl Fn(String, String) -> Error,
    n: usize,
    feature: &Feature,
) -> Result<Place> {
    let props = feature.properties.as_ref();
    let id_hint = props
        .and_then(|p| p.get("id"))
        .and_then(JsonValue::as_str)
        .map_or_else(String::new, |id| format!(" (id \"{id}\")"));
    let location = format!("feature {}{id_hint}", n + 1);
    let err = |m: String| fail(location.clone(), m);
    let props = props.ok_or_else(|| err("has no properties".into()))?;
    let fields = Fields { props, err: &err };
    let point = match feature.geometry.as_ref().map(|g| &g.value) {
        Some(GeometryValue::Point { coordinates }) if coordinates.len() >= 2 => {
            // RFC 7946 §3.1.1: positions are [lon, lat].
            let (lon, lat) = (coordinates[0], coordinates[1]);
            if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
                return Err(err(format!(
                    "field `geometry`: coordinate [{lon}, {lat}] is out of range"
                )));
            }
            Point::new(lon, lat)
        }
        Some(_) => return Err(err("field `geometry`: not a Point".into())),
        None => return Err(err("field `geometry`: missing".into())),
    };
    let id = fields.string("id")?;
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(err(format!(
            "field `id`: \"{id}\" is not a slug of a-z, 0-9 and _"
        )));
    }
    let kind =
        Kind::from_str(&fields.string("kind")?).map_err(|m| err(format!("field `kind`: {m}")))?;
    let precision_m = match props.get("precision_m") {
        Some(JsonValue::Number(n)) if n.as_f64().is_some_and(|v| v > 0.0) => {
            n.as_f64().unwrap_or_default().round() as u32
        }
        _ => {
            return Err(err(
                "field `precision_m`: missing or not a positive number".into()
            ))
        }
    };
    Ok(Place {
        id: PlaceId(id),
        name_en: fields.string("name_en")?,
        name_ar: fields.string("name_ar")?,
        aliases_ar: fields.list("aliases_ar")?,
        aliases_en: fields.list("aliases_en")?,
        kind,
        country: fields.string("country")?,
        admin1: fields.optional_string("admin1")?,
        point,
        precision_m,
        source: fields.string("source")?,
        notes: fields.optional_string("notes")?.unwrap_or_default(),
        homonyms: fields.list("homonyms")?.into_iter().map(PlaceId).collect(),
        tier: Tier::Curated,
        population: 0,
    })
}

struct Fields<'a, F: Fn(String) -> Error> {
    props: &'a JsonObject,
    err: &'a F,
}

impl<F: Fn(String) -> Error> Fields<'_, F> {
    fn string(&self, key: &str) -> Result<String> {
        self.optional_string(key)?
            .ok_or_else(|| (self.err)(format!("field `{key}`: missing")))
    }

    fn optional_string(&self, key: &str) -> Result<Option<String>> {
        match self.props.get(key) {
            None | Some(JsonValue::Null) => Ok(None),
            Some(JsonValue::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err((self.err)(format!(
                "field `{key}`: expected a string, found {other}"
            ))),
        }
    }

    /// An array of strings; a missing field is an empty list.
    fn list(&self, key: &str) -> Result<Vec<String>> {
        match self.props.get(key) {
            None | Some(JsonValue::Null) => Ok(Vec::new()),
            Some(JsonValue::Array(items)) => items
                .iter()
                .map(|v| {
                    v.as_str().map(str::to_owned).ok_or_else(|| {
                        (self.err)(format!(
                            "field `{key}`: expected an array of strings, found {v}"
                        ))
                    })
                })
                .collect(),
            Some(other) => Err((self.err)(format!(
                "field `{key}`: expected an array of strings, found {other}"
            ))),
        }
    }
}

/// The GeoNames TSV header, in order.
const GEONAMES_COLUMNS: [&str; 9] = [
    "geonameid",
    "name",
    "lat",
    "lon",
    "feature_code",
    "country",
    "admin1",
    "population",
    "names_ar",
];

/// Parses the GeoNames tier (gazetteer/geonames.tsv; columns in its README).
pub fn parse_geonames(source_name: &str, text: &str) -> Result<Vec<Place>> {
    let fail = |line: usize, message: String| Error::Malformed {
        source_name: source_name.to_owned(),
        location: format!("line {line}"),
        message,
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    if header != GEONAMES_COLUMNS {
        return Err(fail(
            1,
            format!("expected the header {}", GEONAMES_COLUMNS.join("\\t")),
        ));
    }
    let mut places = Vec::new();
    for (n, line) in lines.enumerate() {
        let line_no = n + 2;
        if line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != GEONAMES_COLUMNS.len() {
            return Err(fail(
                line_no,
                format!(
                    "expected {} tab-separated columns, found {}",
                    GEONAMES_COLUMNS.len(),
                    cols.len()
                ),
            ));
        }
        let number = |i: usize| -> Result<f64> {
            cols[i].parse::<f64>().map_err(|_| {
                fail(
                    line_no,
                    format!(
                        "column `{}`: \"{}\" is not a number",
                        GEONAMES_COLUMNS[i], cols[i]
                    ),
                )
            })
        };
        let geonameid = cols[0].parse::<u64>().map_err(|_| {
            fail(
                line_no,
                format!("column `geonameid`: \"{}\" is not an integer", cols[0]),
            )
        })?;
        let (lat, lon) = (number(2)?, number(3)?);
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(fail(
                line_no,
                format!("coordinate {lat}, {lon} is out of range"),
            ));
        }
        let population = if cols[7].is_empty() {
            0
        } else {
            number(7)? as u64
        };
        let names_ar: Vec<String> = cols[8]
            .split('|')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let kind = match (cols[4], population) {
            ("PPLC", _) | (_, 100_000..) => Kind::City,
            (_, 5_000..) => Kind::Town,
            ("PPLA" | "PPLA2", _) => Kind::Town,
            _ => Kind::Village,
        };
        let precision_m = match kind {
            Kind::City => 10_000,
            Kind::Town => 5_000,
            _ => 2_000,
        };
        places.push(Place {
            id: PlaceId(format!("gn_{geonameid}")),
            name_en: cols[1].to_owned(),
            name_ar: names_ar.first().cloned().unwrap_or_default(),
            aliases_ar: names_ar.into_iter().skip(1).collect(),
            aliases_en: Vec::new(),
            kind,
            country: cols[5].to_owned(),
            admin1: (!cols[6].is_empty()).then(|| cols[6].to_owned()),
            point: Point::new(lon, lat),
            precision_m,
            source: format!("GeoNames {geonameid}"),
            notes: String::new(),
            homonyms: Vec::new(),
            tier: Tier::Geonames,
            population,
        });
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","id":"x_base","geometry":{"type":"Point","coordinates":[42.44,33.78]},"properties":{"id":"x_base","name_en":"X","name_ar":"قاعدة اكس","aliases_ar":["اكس"],"aliases_en":[],"kind":"base","country":"IQ","admin1":null,"precision_m":500,"source":"test","notes":"","homonyms":[]}}]}"#;

    #[test]
    fn parses_a_curated_feature() {
        let places = parse_curated("t.geojson", ONE.as_bytes()).unwrap();
        assert_eq!(places.len(), 1);
        assert_eq!(places[0].id.as_str(), "x_base");
        assert_eq!(places[0].lat(), 33.78);
        assert_eq!(places[0].kind, Kind::Base);
    }

    #[test]
    fn a_bad_field_names_the_feature_and_field() {
        let bad = ONE.replace("\"kind\":\"base\"", "\"kind\":\"bas\"");
        let e = parse_curated("t.geojson", bad.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(
                "t.geojson: feature 1 (id \"x_base\"): field `kind`: unknown kind \"bas\""
            ),
            "{e}"
        );
        let bad = ONE.replace("\"source\":\"test\",", "");
        let e = parse_curated("t.geojson", bad.as_bytes())
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "t.geojson: feature 1 (id \"x_base\"): field `source`: missing"
        );
        let bad = ONE.replace("[42.44,33.78]", "[42.44,133.78]");
        let e = parse_curated("t.geojson", bad.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(e.contains("out of range"), "{e}");
        let e = parse_curated("t.geojson", &b"[1,2]"[..])
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t.geojson: file: not a GeoJSON FeatureCollection"),
            "{e}"
        );
    }

    #[test]
    fn parses_geonames_rows() {
        let tsv =
            "geonameid\tname\tlat\tlon\tfeature_code\tcountry\tadmin1\tpopulation\tnames_ar\n\
                   98182\tBaghdad\t33.34058\t44.40088\tPPLC\tIQ\tBaghdad\t7216000\tبغداد|بغدادي\n";
        let places = parse_geonames("g.tsv", tsv).unwrap();
        assert_eq!(places[0].id.as_str(), "gn_98182");
        assert_eq!(places[0].kind, Kind::City);
        assert_eq!(places[0].name_ar, "بغداد");
        let e = parse_geonames("g.tsv", &tsv.replace("33.34058", "north"))
            .unwrap_err()
            .to_string();
        assert_eq!(e, "g.tsv: line 2: column `lat`: \"north\" is not a number");
    }
}
