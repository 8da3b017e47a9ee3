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
    /// What the callback returned for a feature; reading stopped there. The top-level members
    /// read before it come with it (a `crs` that explains why a feature is wrong, say).
    Feature(E, Map<String, Value>),
}

/// What a FeatureCollection holds besides its features.
#[derive(Debug, Default)]
pub struct Collection {
    /// The top-level members other than `features` (`type`, `crs`, `bbox`, ...).
    pub members: Map<String, Value>,
    /// How many features the `features` array held; `None` when there was no `features`.
    pub features: Option<usize>,
}

/// Reads the FeatureCollection in `reader`, giving each feature of its `features` array, parsed
/// as a `T`, to `on_feature` with its index (from 0), holding only the feature at hand.
/// Returns the other top-level members and the count; a file without `features` gives no
/// features and `features: None`, for the caller to mind.
pub fn read_features<R: Read, T: DeserializeOwned, E>(
    reader: R,
    on_feature: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<Collection, StreamError<E>> {
    let failed = RefCell::new(None);
    let read = RefCell::new(Collection::default());
    let mut on_feature = on_feature;
    let seed = CollectionSeed {
        on_feature: &mut on_feature,
        failed: &failed,
        read: &read,
        feature: PhantomData,
    };
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(reader));
    let result = seed.deserialize(&mut de).and_then(|()| de.end());
    match (result, failed.into_inner()) {
        (_, Some(e)) => Err(StreamError::Feature(e, read.into_inner().members)),
        (Ok(()), None) => Ok(read.into_inner()),
        (Err(e), None) => Err(StreamError::Json(e)),
    }
}

/// The top-level object.
struct CollectionSeed<'a, F, T, E> {
    on_feature: &'a mut F,
    /// The callback's error, which stops reading.
    failed: &'a RefCell<Option<E>>,
    /// What has been read besides the features.
    read: &'a RefCell<Collection>,
    feature: PhantomData<T>,
}

impl<'de, F, T, E> DeserializeSeed<'de> for CollectionSeed<'_, F, T, E>
where
    F: FnMut(usize, T) -> Result<(), E>,
    T: DeserializeOwned,
{
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F, T, E> Visitor<'de> for CollectionSeed<'_, F, T, E>
where
    F: FnMut(usize, T) -> Result<(), E>,
    T: DeserializeOwned,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON FeatureCollection object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "features" {
                let count = map.next_value_seed(FeaturesSeed {
                    on_feature: &mut *self.on_feature,
                    failed: self.failed,
                    feature: PhantomData,
                })?;
                self.read.borrow_mut().features = Some(count);
            } else {
                let value: Value = map.next_value()?;
                self.read.borrow_mut().members.insert(key, value);
            }
        }
        Ok(())
    }
}

/// The `features` array.
struct FeaturesSeed<'a, F, T, E> {
    on_feature: &'a mut F,
    failed: &'a RefCell<Option<E>>,
    feature: PhantomData<T>,
}

impl<'de, F, T, E> DeserializeSeed<'de> for FeaturesSeed<'_, F, T, E>
where
    F: FnMut(usize, T) -> Result<(), E>,
    T: DeserializeOwned,
{
    type Value = usize;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F, T, E> Visitor<'de> for FeaturesSeed<'_, F, T, E>
where
    F: FnMut(usize, T) -> Result<(), E>,
    T: DeserializeOwned,
{
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of features")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut index = 0;
        while let Some(feature) = seq.next_element::<T>()? {
            if let Err(e) = (self.on_feature)(index, feature) {
                *self.failed.borrow_mut() = Some(e);
                return Err(de::Error::custom("stopped at a feature"));
            }
            index += 1;
        }
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features read and the other members.
    type Read = (Vec<Value>, Map<String, Value>);

    fn read(text: &str) -> Result<Read, StreamError<String>> {
        let mut seen = Vec::new();
        let read = read_features(text.as_bytes(), |i, f: Value| {
            assert_eq!(i, seen.len());
            if f.get("stop").is_some() {
                return Err(format!("stopped at {i}"));
            }
            seen.push(f);
            Ok(())
        })?;
        assert_eq!(read.features, Some(seen.len()));
        Ok((seen, read.members))
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
        match read(r#"{"crs":null,"features":[{"a":1},{"stop":1},{"a":3}],"type":"x"}"#) {
            Err(StreamError::Feature(e, members)) => {
                assert_eq!(e, "stopped at 1");
                assert_eq!(members.keys().collect::<Vec<_>>(), ["crs"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_features_array_is_told_apart_from_an_empty_one() {
        let count = |text: &str| read_features(text.as_bytes(), |_, _: Value| Ok::<_, ()>(()));
        assert_eq!(count(r#"{"type":"x"}"#).unwrap().features, None);
        assert_eq!(count(r#"{"features":[]}"#).unwrap().features, Some(0));
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
