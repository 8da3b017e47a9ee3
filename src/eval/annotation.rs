//! Annotations (`NAME.json` beside `NAME.txt`; format in `tests/corpus/eval/README.md`) read
//! and checked. Every defect becomes a [`Problem`] naming the file and field, and the rest is
//! still scored:
//!
//! - a file that is not a JSON object with `places`, `movements` and `events` arrays: the
//!   article is not scored;
//! - an entry `score.py` could not score (a place with no name, kind or coordinates, a country
//!   with no polygon; a movement or event naming a place the article does not list, or an
//!   event with no type): that entry is not scored, nor the entries naming a place left out;
//! - anything else (a missing informative field, an unknown status, evidence not found
//!   verbatim in the article): reported, and the entry is scored as `score.py` scores it.
//!
//! So on annotations `score.py` can score, the figures are its figures.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::geometry::{Area, Countries};
use super::report::{py_repr, py_str};
use crate::gazetteer::Kind;

/// One article's annotation, as far as it can be scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// The places, one per name in the order first named (a repeated name keeps the last
    /// entry's values, as a Python dict does).
    pub places: Vec<GoldPlace>,
    /// The trips that can be scored, in the file's order.
    pub movements: Vec<GoldMovement>,
    /// The events that can be scored, in the file's order.
    pub events: Vec<GoldEvent>,
}

/// An annotated place.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldPlace {
    /// `name_en`, which movements and events use to name it.
    pub name: String,
    /// How the article spells it (printed with a missed place).
    pub surface_ar: Vec<String>,
    /// Neither required nor wrong (a country or capital named only as an actor).
    pub optional: bool,
    /// Where a point must be to stand for it.
    pub area: Area,
}

/// An annotated trip; places are indices into [`Annotation::places`].
#[derive(Debug, Clone, PartialEq)]
pub struct GoldMovement {
    /// The origin, or none for a trip that only arrives.
    pub origin: Option<usize>,
    /// The destination, or none for a trip that only leaves.
    pub destination: Option<usize>,
    /// The waypoints a line must pass, when both ends are null (else `score.py` ignores them).
    pub vias: Vec<usize>,
    /// As `score.py` prints it: "Origin -> ['Via'] -> None".
    pub shown: String,
}

/// An annotated event at a place (an index into [`Annotation::places`]).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldEvent {
    /// Its type (withdrawal, arrival…).
    pub kind: String,
    /// Where.
    pub place: usize,
    /// As `score.py` prints it: "withdrawal at Place".
    pub shown: String,
}

/// A defect in an annotation file, and what was done about it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {}{defect}{effect}", .path.display(), .field.as_ref().map(|f| format!("{f}: ")).unwrap_or_default())]
pub struct Problem {
    /// The annotation file.
    pub path: PathBuf,
    /// The field, as a path into the JSON ("movements\[2\].origin"); none for the whole file.
    pub field: Option<String>,
    /// What is wrong.
    pub defect: Defect,
    /// What was done about it.
    pub effect: Effect,
}

impl Problem {
    /// Whether the whole article went unscored.
    pub fn skips_article(&self) -> bool {
        self.effect == Effect::ArticleSkipped
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Defect {
    /// The file cannot be read.
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// The file is not JSON.
    #[error("not valid JSON: {0}")]
    NotJson(String),
    /// The annotation has no article beside it.
    #[error("no {0} beside it to score")]
    NoArticle(String),
    /// A field the format lists is missing.
    #[error("missing")]
    Missing,
    /// A value of the wrong type.
    #[error("not {0}")]
    NotA(&'static str),
    /// A movement or event names a place the article does not list.
    #[error("\"{0}\" is not a place of this article")]
    UnknownPlace(String),
    /// A movement or event names a place left out for its own defects.
    #[error("\"{0}\" is a place left out for its own problems")]
    LeftOutPlace(String),
    /// A country that the country polygons do not have.
    #[error("no country polygon has the code \"{0}\"")]
    NoPolygon(String),
    /// Evidence that is not in the article word for word.
    #[error("not found verbatim in {0}")]
    NotVerbatim(String),
    /// A value outside the format's list (a status, an event type, a kind).
    #[error("\"{value}\" is not one of {expected}")]
    NotOneOf { value: String, expected: String },
    /// Two places with one name.
    #[error("\"{0}\" is also the name of an earlier place; the last one counts")]
    Duplicate(String),
}

/// What was done about a defect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Reported; everything is scored as `score.py` scores it.
    Noted,
    /// The entry named ("movements\[2\]") is not scored.
    EntrySkipped(String),
    /// The article is not scored.
    ArticleSkipped,
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Effect::Noted => Ok(()),
            Effect::EntrySkipped(entry) => write!(f, "; {entry} is not scored"),
            Effect::ArticleSkipped => write!(f, "; the article is not scored"),
        }
    }
}

/// The fields the format lists, in its order (`optional` may be left out); what scoring needs
/// is checked apart.
const INFO_KEYS: [&str; 3] = ["source", "published", "title"];
const PLACE_KEYS: [&str; 9] = [
    "name_en",
    "surface_ar",
    "kind",
    "country",
    "lat",
    "lon",
    "radius_km",
    "coord_source",
    "confidence",
];
const MOVEMENT_KEYS: [&str; 8] = [
    "actor",
    "origin",
    "via",
    "destination",
    "vehicles",
    "personnel",
    "status",
    "evidence_ar",
];
const EVENT_KEYS: [&str; 5] = ["type", "place", "actor", "status", "evidence_ar"];
const STATUSES: [&str; 4] = ["reported", "planned", "in_progress", "denied"];
const EVENT_TYPES: [&str; 6] = [
    "withdrawal",
    "handover",
    "attack",
    "presence",
    "arrival",
    "redeployment",
];

/// Reads the annotation at `path`. `text` is its article's text, to find the evidence in (none
/// when the article could not be read: that is reported by the extraction). Problems are
/// appended to `problems`; `None` when the article cannot be scored at all.
pub fn read(
    path: &Path,
    text: Option<&str>,
    countries: &Countries,
    problems: &mut Vec<Problem>,
) -> Option<Annotation> {
    let mut check = Check {
        path,
        article: article_name(path),
        text,
        countries,
        problems,
    };
    let value = check.json()?;
    check.annotation(&value).ok()
}

/// The article an annotation is for: "NAME.txt" for "NAME.json".
pub fn article_name(path: &Path) -> String {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    format!("{stem}.txt")
}

/// An entry is left out; its problem is reported already.
struct Skip;

type Checked<T> = Result<T, Skip>;

/// The places read so far: where each name is, and the names left out.
#[derive(Default)]
struct Places {
    list: Vec<GoldPlace>,
    index: HashMap<String, usize>,
    left_out: HashSet<String>,
}

/// The checks of one file, and where their problems go.
struct Check<'a> {
    path: &'a Path,
    article: String,
    text: Option<&'a str>,
    countries: &'a Countries,
    problems: &'a mut Vec<Problem>,
}

impl Check<'_> {
    fn report(&mut self, field: Option<String>, defect: Defect, effect: Effect) {
        self.problems.push(Problem {
            path: self.path.to_owned(),
            field,
            defect,
            effect,
        });
    }

    /// Reports a problem with `entry.key`; `skip` says whether the entry is left out for it.
    fn entry(&mut self, entry: &str, key: &str, defect: Defect, skip: bool) {
        let effect = if skip {
            Effect::EntrySkipped(entry.to_owned())
        } else {
            Effect::Noted
        };
        self.report(Some(format!("{entry}.{key}")), defect, effect);
    }

    fn json(&mut self) -> Option<Value> {
        let parsed = std::fs::read(self.path)
            .map_err(|e| Defect::Unreadable(e.to_string()))
            .and_then(|b| serde_json::from_slice(&b).map_err(|e| Defect::NotJson(e.to_string())));
        parsed
            .map_err(|d| self.report(None, d, Effect::ArticleSkipped))
            .ok()
    }

    fn annotation(&mut self, value: &Value) -> Checked<Annotation> {
        let Some(top) = value.as_object() else {
            self.report(None, Defect::NotA("a JSON object"), Effect::ArticleSkipped);
            return Err(Skip);
        };
        for key in INFO_KEYS {
            if !top.contains_key(key) {
                self.report(Some(key.into()), Defect::Missing, Effect::Noted);
            }
        }
        let lists = ["places", "movements", "events"].map(|key| self.list(top, key));
        let [Some(places), Some(movements), Some(events)] = lists else {
            return Err(Skip);
        };
        let places = self.places(places);
        let movements = self.each(movements, "movements", |c, e, v| c.movement(e, v, &places));
        let events = self.each(events, "events", |c, e, v| c.event(e, v, &places));
        Ok(Annotation {
            places: places.list,
            movements,
            events,
        })
    }

    /// One of the three lists an article cannot be scored without.
    fn list<'v>(&mut self, top: &'v Map<String, Value>, key: &str) -> Option<&'v [Value]> {
        let defect = match top.get(key) {
            Some(Value::Array(list)) => return Some(list),
            Some(_) => Defect::NotA("an array"),
            None => Defect::Missing,
        };
        self.report(Some(key.into()), defect, Effect::ArticleSkipped);
        None
    }

    /// The entries of `list` (named "movements[i]") that `one` can score.
    fn each<T>(
        &mut self,
        list: &[Value],
        name: &str,
        mut one: impl FnMut(&mut Self, &str, &Value) -> Checked<T>,
    ) -> Vec<T> {
        let entries = list.iter().enumerate();
        entries
            .filter_map(|(i, v)| one(self, &format!("{name}[{i}]"), v).ok())
            .collect()
    }

    /// The entry as an object, with each of `keys` it lacks reported; a lacking key in
    /// `needed` leaves the entry out.
    fn object<'v>(
        &mut self,
        entry: &str,
        v: &'v Value,
        keys: &[&str],
        needed: &[&str],
    ) -> Checked<&'v Map<String, Value>> {
        let Some(object) = v.as_object() else {
            let skipped = Effect::EntrySkipped(entry.to_owned());
            self.report(Some(entry.to_owned()), Defect::NotA("an object"), skipped);
            return Err(Skip);
        };
        let mut complete = true;
        for key in keys.iter().filter(|k| !object.contains_key(**k)) {
            let need = needed.contains(key);
            self.entry(entry, key, Defect::Missing, need);
            complete &= !need;
        }
        if complete {
            Ok(object)
        } else {
            Err(Skip)
        }
    }

    /// A string the entry cannot be scored without.
    fn string<'v>(
        &mut self,
        entry: &str,
        object: &'v Map<String, Value>,
        key: &str,
    ) -> Checked<&'v str> {
        match object.get(key) {
            Some(Value::String(s)) => Ok(s),
            _ => {
                self.entry(entry, key, Defect::NotA("a string"), true);
                Err(Skip)
            }
        }
    }

    /// A number the entry cannot be scored without.
    fn number(&mut self, entry: &str, object: &Map<String, Value>, key: &str) -> Checked<f64> {
        match object.get(key).and_then(Value::as_f64) {
            Some(x) => Ok(x),
            None => {
                self.entry(entry, key, Defect::NotA("a number"), true);
                Err(Skip)
            }
        }
    }

    /// Reports a string field whose value is not one of `expected` (or not a string).
    fn one_of(&mut self, entry: &str, object: &Map<String, Value>, key: &str, expected: &[&str]) {
        let defect = match object.get(key) {
            None => return,
            Some(Value::String(s)) if expected.contains(&s.as_str()) => return,
            Some(Value::String(s)) => Defect::NotOneOf {
                value: s.clone(),
                expected: expected.join(", "),
            },
            Some(_) => Defect::NotA("a string"),
        };
        self.entry(entry, key, defect, false);
    }

    /// Reports evidence that is not a string or not in the article word for word.
    fn evidence(&mut self, entry: &str, object: &Map<String, Value>) {
        let defect = match (object.get("evidence_ar"), self.text) {
            (Some(Value::String(e)), Some(text)) if !text.contains(e.as_str()) => {
                Defect::NotVerbatim(self.article.clone())
            }
            (Some(Value::String(_)) | None, _) => return,
            (Some(_), _) => Defect::NotA("a string"),
        };
        self.entry(entry, "evidence_ar", defect, false);
    }

    fn places(&mut self, list: &[Value]) -> Places {
        let mut places = Places::default();
        for (i, v) in list.iter().enumerate() {
            let entry = format!("places[{i}]");
            let name = v.get("name_en").and_then(Value::as_str);
            match self.place(&entry, v) {
                Ok(p) => match places.index.get(&p.name) {
                    Some(&j) => {
                        self.entry(&entry, "name_en", Defect::Duplicate(p.name.clone()), false);
                        places.list[j] = p;
                    }
                    None => {
                        places.left_out.remove(&p.name);
                        places.index.insert(p.name.clone(), places.list.len());
                        places.list.push(p);
                    }
                },
                Err(Skip) => {
                    let named = name.filter(|n| !places.index.contains_key(*n));
                    places.left_out.extend(named.map(str::to_owned));
                }
            }
        }
        places
    }

    fn place(&mut self, entry: &str, v: &Value) -> Checked<GoldPlace> {
        let is_country = v.get("kind").and_then(Value::as_str) == Some("country");
        let needed: &[&str] = if is_country {
            &["name_en", "kind", "country"]
        } else {
            &["name_en", "kind", "lat", "lon", "radius_km"]
        };
        let p = self.object(entry, v, &PLACE_KEYS, needed)?;
        let name = self.string(entry, p, "name_en")?.to_owned();
        let kind = self.string(entry, p, "kind")?;
        if kind.parse::<Kind>().is_err() {
            let expected = Kind::ALL.map(|k| k.as_str()).join(", ");
            let value = kind.to_owned();
            self.entry(entry, "kind", Defect::NotOneOf { value, expected }, false);
        }
        let area = if is_country {
            let code = self.string(entry, p, "country")?;
            if !self.countries.knows(code) {
                self.entry(entry, "country", Defect::NoPolygon(code.into()), true);
                return Err(Skip);
            }
            Area::Country(code.to_owned())
        } else {
            Area::Circle {
                lat: self.number(entry, p, "lat")?,
                lon: self.number(entry, p, "lon")?,
                radius_km: self.number(entry, p, "radius_km")?,
            }
        };
        Ok(GoldPlace {
            name,
            surface_ar: self.surface_ar(entry, p),
            optional: self.optional(entry, p),
            area,
        })
    }

    /// The Arabic spellings, or none (reported) when they are not a list of strings.
    fn surface_ar(&mut self, entry: &str, p: &Map<String, Value>) -> Vec<String> {
        let strings = |list: &Vec<Value>| -> Option<Vec<String>> {
            list.iter().map(|s| s.as_str().map(str::to_owned)).collect()
        };
        match p.get("surface_ar") {
            None => Vec::new(),
            Some(Value::Array(list)) if strings(list).is_some() => {
                strings(list).unwrap_or_default()
            }
            Some(_) => {
                self.entry(
                    entry,
                    "surface_ar",
                    Defect::NotA("a list of strings"),
                    false,
                );
                Vec::new()
            }
        }
    }

    /// `optional` as Python reads it (any "truthy" value), reported when not true or false.
    fn optional(&mut self, entry: &str, p: &Map<String, Value>) -> bool {
        let value = p.get("optional").unwrap_or(&Value::Null);
        if !matches!(value, Value::Bool(_) | Value::Null) {
            self.entry(entry, "optional", Defect::NotA("true or false"), false);
        }
        truthy(value)
    }

    fn movement(&mut self, entry: &str, v: &Value, places: &Places) -> Checked<GoldMovement> {
        let m = self.object(entry, v, &MOVEMENT_KEYS, &[])?;
        let origin = self.end(entry, m, "origin", places)?;
        let destination = self.end(entry, m, "destination", places)?;
        let vias = self.vias(entry, m, places, origin.is_none() && destination.is_none())?;
        self.one_of(entry, m, "status", &STATUSES);
        self.evidence(entry, m);
        let via = match m.get("via") {
            Some(v) if truthy(v) => py_repr(v),
            _ => "[]".to_owned(),
        };
        let shown = format!(
            "{} -> {via} -> {}",
            py_str(m.get("origin")),
            py_str(m.get("destination"))
        );
        Ok(GoldMovement {
            origin,
            destination,
            vias,
            shown,
        })
    }

    /// A movement's end: a place, or none when null, empty or missing.
    fn end(
        &mut self,
        entry: &str,
        m: &Map<String, Value>,
        key: &str,
        places: &Places,
    ) -> Checked<Option<usize>> {
        match m.get(key) {
            Some(Value::String(name)) if !name.is_empty() => {
                self.place_named(entry, key, name, places, true).map(Some)
            }
            Some(Value::String(_) | Value::Null) | None => Ok(None),
            Some(_) => {
                self.entry(entry, key, Defect::NotA("a string or null"), true);
                Err(Skip)
            }
        }
    }

    /// The waypoints, needed only when both ends are null: only then does a problem with them
    /// leave the movement out.
    fn vias(
        &mut self,
        entry: &str,
        m: &Map<String, Value>,
        places: &Places,
        needed: bool,
    ) -> Checked<Vec<usize>> {
        let list = match m.get("via") {
            Some(Value::Array(list)) => list.as_slice(),
            Some(v) if truthy(v) => {
                self.entry(entry, "via", Defect::NotA("a list"), needed);
                return if needed { Err(Skip) } else { Ok(Vec::new()) };
            }
            _ => &[],
        };
        let mut vias = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let key = format!("via[{i}]");
            match v.as_str() {
                Some(name) => vias.push(self.place_named(entry, &key, name, places, needed)),
                None => {
                    self.entry(entry, &key, Defect::NotA("a string"), needed);
                    vias.push(Err(Skip));
                }
            }
        }
        if needed {
            vias.into_iter().collect()
        } else {
            Ok(Vec::new())
        }
    }

    /// The place called `name`, or a problem with `entry.key`.
    fn place_named(
        &mut self,
        entry: &str,
        key: &str,
        name: &str,
        places: &Places,
        skip: bool,
    ) -> Checked<usize> {
        if let Some(&i) = places.index.get(name) {
            return Ok(i);
        }
        let defect = if places.left_out.contains(name) {
            Defect::LeftOutPlace(name.to_owned())
        } else {
            Defect::UnknownPlace(name.to_owned())
        };
        self.entry(entry, key, defect, skip);
        Err(Skip)
    }

    fn event(&mut self, entry: &str, v: &Value, places: &Places) -> Checked<GoldEvent> {
        let e = self.object(entry, v, &EVENT_KEYS, &["type", "place"])?;
        let kind = self.string(entry, e, "type")?.to_owned();
        self.one_of(entry, e, "type", &EVENT_TYPES);
        let name = self.string(entry, e, "place")?;
        let place = self.place_named(entry, "place", name, places, true)?;
        self.one_of(entry, e, "status", &STATUSES);
        self.evidence(entry, e);
        Ok(GoldEvent {
            shown: format!("{kind} at {name}"),
            kind,
            place,
        })
    }
}

/// Whether Python takes the value for true: anything but null, false, 0, "", [] and {}.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "انسحبت القوات من قاعدة الشدادي. وصلت إلى حرير.";

    /// Reads `json` as the annotation `dir/a.json` of [`TEXT`]; its problems as stderr shows
    /// them, without the directory.
    fn read_json(json: &str) -> (Option<Annotation>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, json).unwrap();
        let mut problems = Vec::new();
        let countries = Countries::embedded().unwrap();
        let a = read(&path, Some(TEXT), &countries, &mut problems);
        let prefix = format!("{}/", dir.path().display());
        let shown = problems
            .iter()
            .map(|p| p.to_string().replace(&prefix, ""))
            .collect();
        (a, shown)
    }

    fn place(name: &str, extra: &str) -> String {
        format!(
            r#"{{"name_en": "{name}", "surface_ar": ["x"], "kind": "base", "country": "SY",
                "lat": 36.0, "lon": 40.0, "radius_km": 10, "coord_source": "s",
                "confidence": "high"{extra}}}"#
        )
    }

    fn article(places: &[String], movements: &str, events: &str) -> String {
        format!(
            r#"{{"source": "u", "published": null, "title": "t", "places": [{}],
                "movements": [{movements}], "events": [{events}]}}"#,
            places.join(",")
        )
    }

    const MOVE: &str = r#""actor": "US", "via": [], "vehicles": null, "personnel": null,
        "status": "reported", "evidence_ar": "انسحبت القوات من قاعدة الشدادي.""#;

    #[test]
    fn good_annotations_read_whole() {
        let syria = r#"{"name_en": "Syria", "surface_ar": ["سوريا"], "kind": "country",
            "country": "SY", "lat": null, "lon": null, "radius_km": null, "coord_source": "s",
            "confidence": "high", "optional": true}"#;
        let json = article(
            &[place("Shaddadi", ""), syria.into()],
            &format!(
                r#"{{"origin": "Shaddadi", "destination": null, {MOVE}}},
                        {{"origin": "", "destination": null, "via": ["Syria"], "actor": "US",
                          "vehicles": 1, "personnel": null, "status": "planned",
                          "evidence_ar": "وصلت إلى حرير."}}"#
            ),
            r#"{"type": "withdrawal", "place": "Shaddadi", "actor": "US", "status": "reported",
                "evidence_ar": "وصلت"}"#,
        );
        let (a, problems) = read_json(&json);
        assert_eq!(problems, Vec::<String>::new());
        let a = a.unwrap();
        assert_eq!(a.places.len(), 2);
        assert!(a.places[1].optional);
        assert_eq!(a.places[1].area, Area::Country("SY".into()));
        assert_eq!(a.movements[0].origin, Some(0));
        assert_eq!(a.movements[0].shown, "Shaddadi -> [] -> None");
        // An empty origin is null; with both ends null the waypoints count.
        assert_eq!(
            (a.movements[1].origin, a.movements[1].vias.clone()),
            (None, vec![1])
        );
        assert_eq!(a.movements[1].shown, " -> ['Syria'] -> None");
        assert_eq!(a.events[0].shown, "withdrawal at Shaddadi");
    }

    #[test]
    fn problems_name_the_file_and_field_and_say_what_was_left_out() {
        let json = article(
            &[
                place("Shaddadi", ""),
                place("Shaddadi", r#", "optional": "no""#),
                r#"{"name_en": "Nowhere", "kind": "country", "country": "XX"}"#.into(),
                r#"{"name_en": "Harir", "kind": "bass", "lat": "36"}"#.into(),
            ],
            &format!(
                r#"{{"origin": "Foo", "destination": null, {MOVE}}},
                   {{"origin": "Shaddadi", "destination": "Nowhere", {MOVE}}},
                   {{"origin": null, "destination": "Shaddadi", "via": ["Bar"], "status": "done",
                     "evidence_ar": "not in the text"}},
                   {{"origin": null, "destination": null, "via": ["Bar"]}},
                   3"#
            ),
            r#"{"type": "withdrawl", "place": "Shaddadi"}, {"place": "Shaddadi"}"#,
        );
        let (a, problems) = read_json(&json);
        let a = a.unwrap();
        assert_eq!(
            problems,
            [
                "a.json: places[1].optional: not true or false",
                "a.json: places[1].name_en: \"Shaddadi\" is also the name of an earlier place; \
                 the last one counts",
                "a.json: places[2].surface_ar: missing",
                "a.json: places[2].lat: missing",
                "a.json: places[2].lon: missing",
                "a.json: places[2].radius_km: missing",
                "a.json: places[2].coord_source: missing",
                "a.json: places[2].confidence: missing",
                "a.json: places[2].country: no country polygon has the code \"XX\"; places[2] \
                 is not scored",
                "a.json: places[3].surface_ar: missing",
                "a.json: places[3].country: missing",
                "a.json: places[3].lon: missing; places[3] is not scored",
                "a.json: places[3].radius_km: missing; places[3] is not scored",
                "a.json: places[3].coord_source: missing",
                "a.json: places[3].confidence: missing",
                "a.json: movements[0].origin: \"Foo\" is not a place of this article; \
                 movements[0] is not scored",
                "a.json: movements[1].destination: \"Nowhere\" is a place left out for its own \
                 problems; movements[1] is not scored",
                "a.json: movements[2].actor: missing",
                "a.json: movements[2].vehicles: missing",
                "a.json: movements[2].personnel: missing",
                "a.json: movements[2].via[0]: \"Bar\" is not a place of this article",
                "a.json: movements[2].status: \"done\" is not one of reported, planned, \
                 in_progress, denied",
                "a.json: movements[2].evidence_ar: not found verbatim in a.txt",
                "a.json: movements[3].actor: missing",
                "a.json: movements[3].vehicles: missing",
                "a.json: movements[3].personnel: missing",
                "a.json: movements[3].status: missing",
                "a.json: movements[3].evidence_ar: missing",
                "a.json: movements[3].via[0]: \"Bar\" is not a place of this article; \
                 movements[3] is not scored",
                "a.json: movements[4]: not an object; movements[4] is not scored",
                "a.json: events[0].actor: missing",
                "a.json: events[0].status: missing",
                "a.json: events[0].evidence_ar: missing",
                "a.json: events[0].type: \"withdrawl\" is not one of withdrawal, handover, \
                 attack, presence, arrival, redeployment",
                "a.json: events[1].type: missing; events[1] is not scored",
                "a.json: events[1].actor: missing",
                "a.json: events[1].status: missing",
                "a.json: events[1].evidence_ar: missing",
            ]
        );
        // What is left: the later Shaddadi (optional, as "no" is true to Python), the trip
        // with an unknown waypoint but a destination, the misspelt event.
        assert_eq!(a.places.len(), 1);
        assert!(a.places[0].optional);
        assert_eq!(a.movements.len(), 1);
        assert_eq!(a.movements[0].destination, Some(0));
        assert_eq!(a.events.len(), 1);
    }

    #[test]
    fn files_that_cannot_be_scored_skip_the_article() {
        let cases = [
            ("{\"places\": [", "a.json: not valid JSON: EOF while parsing a list at line 1 column 12; the article is not scored"),
            ("[]", "a.json: not a JSON object; the article is not scored"),
        ];
        for (json, message) in cases {
            let (a, problems) = read_json(json);
            assert!(a.is_none());
            assert_eq!(problems, [message]);
        }
        let (a, problems) = read_json(
            r#"{"source": "", "published": "", "title": "", "places": {}, "events": []}"#,
        );
        assert!(a.is_none());
        assert_eq!(
            problems,
            [
                "a.json: places: not an array; the article is not scored",
                "a.json: movements: missing; the article is not scored",
            ]
        );
    }
}
