//! A GeoJSON FeatureCollection read one feature at a time.
//!
//! A million features parsed as one JSON tree take several times the file's size in memory;
//! read this way, only the feature at hand is held, whatever the file's size. The top-level
//! members other than `features` (`type`, `crs`, `bbox`, ...) are small and kept, in any order
//! relative to `features`.

use std::cell::RefCell;
use std::fmt;
use std::io::Read;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Why a FeatureCollection could not be read.
#[derive(Debug)]
pub enum StreamError<E> {
    /// The bytes are not a JSON object, or `features` is not an array of `T`.
    Json(serde_json::Error),
    /// What the callback returned for a feature; reading stopped there.
    Feature(E),
}

/// Reads the FeatureCollection in `reader`, giving each feature of its `features` array, parsed
/// as a `T`, to `on_feature` with its index (from 0). Returns the other top-level members.
/// A file without `features` gives no features; it is for the caller to mind.
pub fn read_features<R: Read, T: DeserializeOwned, E>(
    reader: R,
    on_feature: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<Map<String, Value>, StreamError<E>> {
    let failed = RefCell::new(None);
    let mut on_feature = on_feature;
    let seed = Collection {
        on_feature: &mut on_feature,
        failed: &failed,
        feature: PhantomData,
    };
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(reader));
    let result = seed.deserialize(&mut de).and_then(|members| {
        de.end()?;
        Ok(members)
    });
    match (result, failed.into_inner()) {
        (_, Some(e)) => Err(StreamError::Feature(e)),
        (Ok(members), None) => Ok(members),
        (Err(e), None) => Err(StreamError::Json(e)),
    }
}

/// The top-level object.
struct Collection<'a, F, T, E> {
    on_feature: &'a mut F,
    /// The callback's error, which stops reading.
    failed: &'a RefCell<Option<E>>,
    feature: PhantomData<T>,
}

impl<'de, F, T, E> DeserializeSeed<'de> for Collection<'_, F, T, E>
where
    F: FnMut(usize, T) -> Result<(), E>,
    T: DeserializeOwned,
{
    type Value = Map<String, Value>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F, T, E> Visitor<'de> for Collection<'_, F, T, E>
where
    F: FnMut(usize, T) -> Result<(), E>,
    T: DeserializeOwned,
{
    type Value = Map<String, Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON FeatureCollection object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == "features" {
                map.next_value_seed(Features {
                    on_feature: &mut *self.on_feature,
                    failed: self.failed,
                    feature: PhantomData,
                })?;
            } else {
                let value: Value = map.next_value()?;
                members.insert(key, value);
            }
        }
        Ok(members)
    }
}

/// The `features` array.
struct Features<'a, F, T, E> {
    on_feature: &'a mut F,
    failed: &'a RefCell<Option<E>>,
    feature: PhantomData<T>,
}

impl<'de, F, T, E> DeserializeSeed<'de> for Features<'_, F, T, E>
where
    F: FnMut(usize, T) -> Result<(), E>,
    T: DeserializeOwned,
{
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F, T, E> Visitor<'de> for Features<'_, F, T, E>
where
    F: FnMut(usize, T) -> Result<(), E>,
    T: DeserializeOwned,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of features")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(feature) = seq.next_element::<T>()? {
            if let Err(e) = (self.on_feature)(index, feature) {
                *self.failed.borrow_mut() = Some(e);
                return Err(de::Error::custom("stopped at a feature"));
            }
            index += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features read and the other members.
    type Read = (Vec<Value>, Map<String, Value>);

    fn read(text: &str) -> Result<Read, StreamError<String>> {
        let mut seen = Vec::new();
        let members = read_features(text.as_bytes(), |i, f: Value| {
            assert_eq!(i, seen.len());
            if f.get("stop").is_some() {
                return Err(format!("stopped at {i}"));
            }
            seen.push(f);
            Ok(())
        })?;
        Ok((seen, members))
    }

    #[test]
    fn features_come_one_by_one_and_members_are_kept() {
        let text = r#"{"bbox":[1,2,3,4],"features":[{"a":1},{"a":2}],"type":"FeatureCollection",
            "crs":{"type":"name","properties":{"name":"x"}}}"#;
        let (features, members) = read(text).unwrap();
        assert_eq!(features.len(), 2);
        assert_eq!(features[1]["a"], 2);
        assert_eq!(members["type"], "FeatureCollection");
        assert_eq!(members["bbox"][3], 4);
        assert!(members.contains_key("crs") && !members.contains_key("features"));
    }

    #[test]
    fn the_callback_error_stops_the_reading() {
        match read(r#"{"features":[{"a":1},{"stop":1},{"a":3}]}"#) {
            Err(StreamError::Feature(e)) => assert_eq!(e, "stopped at 1"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_json_is_a_json_error() {
        for bad in [
            "[1,2]",
            r#"{"features":{}}"#,
            r#"{"features":[{"a":1},]}"#,
            r#"{"features":[]} x"#,
            "",
        ] {
            assert!(matches!(read(bad), Err(StreamError::Json(_))), "{bad}");
        }
    }
}
