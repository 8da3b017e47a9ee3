//! What a map draws, gathered from the features as they are read, one at a time.
//!
//! A corpus tells of the same routes, places and events again and again; the map draws each
//! route once (a flow), each place once and one marker per event type at a place. So a
//! [`Scene`] keeps only that: a flow per route with the movement drawn for it, the places, the
//! event markers, the distinct lines and points the view is fitted to, the dates' range and
//! the articles' names. What it holds for each feature is its id, packed in one text (the
//! SVG lists every feature it draws), and a 4-byte reference to it from its flow or marker.
//! Memory grows with what is drawn and with the ids, not with the features' properties,
//! lines and evidence.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{BuildHasher, Hash};
use std::path::PathBuf;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::coverage::Coverage;
use super::data::{read, read_paths, Event, FeatureSink, MapData, MapPlace, Movement};
use super::flows::Routes;
use super::style::EVENT_TYPES;
use crate::error::Result;

/// Everything a map draws, from one or more contract files; features whose id an earlier
/// feature of their layer has are left out (the first read is kept), so reading the same file
/// twice changes nothing.
///
/// # Examples
/// ```
/// use convoy::render::Scene;
/// let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"al_tanf_garrison",
///   "geometry":{"type":"Point","coordinates":[38.6178,33.5058]},
///   "properties":{"id":"al_tanf_garrison","name_en":"al-Tanf garrison","name_ar":"قاعدة التنف",
///   "kind":"base","country":"SY","mentions":2,"docs":["a.txt"],"source":"curated"}}]}"#;
/// let scene = Scene::from_geojson_str("places.geojson", text).unwrap();
/// assert_eq!(scene.counts(), (0, 0, 1));
/// ```
#[derive(Debug, Default)]
pub struct Scene {
    movement_ids: Ids,
    event_ids: Ids,
    /// The movements, gathered by route.
    pub(super) routes: Routes,
    /// Every distinct line a movement follows, for the view to fit.
    lines: Distinct<Box<[[u64; 2]]>>,
    /// The ends of movements that are not countries or regions, in the order read: the first
    /// movement naming one gives its name and point.
    ends: BTreeMap<String, (String, [f64; 2])>,
    /// The places movements pass through.
    vias: BTreeSet<String>,
    /// The places of `places.geojson`, the first of each id.
    places: BTreeMap<String, MapPlace>,
    /// Where events happened: each place's name and point as its first event gives them, and
    /// its last event's point.
    event_places: BTreeMap<String, EventPlace>,
    /// Every distinct point an event is at.
    event_points: Distinct<[u64; 2]>,
    /// Place → (legend rank, event type) → the events drawn by that marker, in the order read.
    markers: BTreeMap<String, BTreeMap<(usize, String), Vec<u32>>>,
    /// The earliest and latest `event_date` of movements and events.
    dates: Option<(String, String)>,
    /// The articles features come from.
    docs: BTreeSet<String>,
    /// What of the features lies outside the basemap.
    coverage: Coverage,
}

/// A place as its events name it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct EventPlace {
    pub(super) name: String,
    pub(super) first: [f64; 2],
    pub(super) last: [f64; 2],
}

impl Scene {
    /// Reads one contract file's text; `name` names the file in errors.
    pub fn from_geojson_str(name: &str, text: &str) -> Result<Scene> {
        let mut scene = Scene::default();
        read(name, text.as_bytes(), &mut scene)?;
        Ok(scene)
    }

    /// Reads files, or directories holding `movements.geojson`, `events.geojson` and/or
    /// `places.geojson`, in the order given, one feature at a time.
    pub fn from_paths(paths: &[PathBuf]) -> Result<Scene> {
        let mut scene = Scene::default();
        read_paths(paths, &mut scene)?;
        Ok(scene)
    }

    /// What a map of `data`'s features draws.
    pub fn of(data: &MapData) -> Scene {
        let mut scene = Scene::default();
        data.movements()
            .iter()
            .for_each(|m| scene.movement(m.clone()));
        data.events().iter().for_each(|e| scene.event(e.clone()));
        data.places().iter().for_each(|p| scene.place(p.clone()));
        scene
    }

    /// How many movements, events and places were kept.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.movement_ids.len(),
            self.event_ids.len(),
            self.places.len(),
        )
    }

    /// True when there is nothing to draw but the basemap.
    pub fn is_empty(&self) -> bool {
        self.counts() == (0, 0, 0)
    }

    /// What of the features kept lies outside the basemap.
    pub fn coverage(&self) -> Coverage {
        self.coverage
    }

    /// The id of the movement `at`.
    pub(super) fn movement_id(&self, at: u32) -> &str {
        self.movement_ids.get(at)
    }

    /// Every distinct line movements follow, `[lon, lat]`.
    pub(super) fn lines(
        &self,
    ) -> impl Iterator<Item = impl Iterator<Item = [f64; 2]> + Clone + '_> + Clone + '_ {
        self.lines.iter().map(|l| l.iter().map(|&p| from_bits(p)))
    }

    /// Every distinct point events are at.
    pub(super) fn event_points(&self) -> impl Iterator<Item = [f64; 2]> + Clone + '_ {
        self.event_points.iter().map(|&p| from_bits(p))
    }

    /// The places of the places files, by id.
    pub(super) fn places(&self) -> &BTreeMap<String, MapPlace> {
        &self.places
    }

    /// Movement ends that are places, by id: the name and point the first movement gave.
    pub(super) fn ends(&self) -> &BTreeMap<String, (String, [f64; 2])> {
        &self.ends
    }

    /// The places events happened at, by id.
    pub(super) fn event_places(&self) -> &BTreeMap<String, EventPlace> {
        &self.event_places
    }

    /// The places movements pass through.
    pub(super) fn vias(&self) -> &BTreeSet<String> {
        &self.vias
    }

    /// Place → (legend rank, event type) → the ids of the events that marker draws, in the
    /// order read.
    pub(super) fn markers(&self) -> BTreeMap<&str, BTreeMap<(usize, &str), Vec<&str>>> {
        let id = |&at: &u32| self.event_ids.get(at);
        self.markers
            .iter()
            .map(|(place, types)| {
                let types = types
                    .iter()
                    .map(|((rank, t), ids)| ((*rank, t.as_str()), ids.iter().map(id).collect()))
                    .collect();
                (place.as_str(), types)
            })
            .collect()
    }

    /// The earliest and latest `event_date` of movements and events, if any is known.
    pub fn date_range(&self) -> Option<(&str, &str)> {
        self.dates.as_ref().map(|(a, b)| (a.as_str(), b.as_str()))
    }

    /// The distinct articles (`doc`) that movements, events and places come from.
    pub fn docs(&self) -> &BTreeSet<String> {
        &self.docs
    }

    fn date(&mut self, date: Option<&str>) {
        let Some(d) = date else { return };
        match &mut self.dates {
            None => self.dates = Some((d.to_owned(), d.to_owned())),
            Some((lo, hi)) => {
                if d < lo.as_str() {
                    *lo = d.to_owned();
                }
                if d > hi.as_str() {
                    *hi = d.to_owned();
                }
            }
        }
    }

    fn doc(&mut self, doc: &str) {
        if !self.docs.contains(doc) {
            self.docs.insert(doc.to_owned());
        }
    }
}

impl FeatureSink for Scene {
    fn movement(&mut self, m: Movement) {
        let Some(at) = self.movement_ids.insert(&m.id) else {
            return;
        };
        self.coverage.movement(&m);
        self.date(m.event_date.as_deref());
        self.doc(&m.doc);
        let (first, last) = (m.line[0], m.line[m.line.len() - 1]);
        for (coarse, id, name, point) in [
            (m.origin_coarse, &m.origin, &m.origin_name, first),
            (
                m.destination_coarse,
                &m.destination,
                &m.destination_name,
                last,
            ),
        ] {
            if !coarse && !self.ends.contains_key(id) {
                self.ends.insert(id.clone(), (name.clone(), point));
            }
        }
        for v in &m.via {
            if !self.vias.contains(v) {
                self.vias.insert(v.clone());
            }
        }
        self.lines
            .insert(m.line.iter().map(|&p| to_bits(p)).collect());
        self.routes.add(m, at);
    }

    fn event(&mut self, e: Event) {
        let Some(at) = self.event_ids.insert(&e.id) else {
            return;
        };
        self.coverage.event(&e);
        self.date(e.event_date.as_deref());
        self.doc(&e.doc);
        self.event_points.insert(to_bits(e.point));
        match self.event_places.get_mut(&e.place) {
            Some(p) => p.last = e.point,
            None => {
                let place = EventPlace {
                    name: e.place_name,
                    first: e.point,
                    last: e.point,
                };
                self.event_places.insert(e.place.clone(), place);
            }
        }
        let rank = EVENT_TYPES
            .iter()
            .position(|t| *t == e.event_type)
            .unwrap_or(EVENT_TYPES.len());
        self.markers
            .entry(e.place)
            .or_default()
            .entry((rank, e.event_type))
            .or_default()
            .push(at);
    }

    fn place(&mut self, mut p: MapPlace) {
        if self.places.contains_key(&p.id) {
            return;
        }
        self.coverage.place(&p);
        for doc in std::mem::take(&mut p.docs) {
            self.doc(&doc);
        }
        self.places.insert(p.id.clone(), p);
    }
}

fn to_bits([x, y]: [f64; 2]) -> [u64; 2] {
    [x.to_bits(), y.to_bits()]
}

fn from_bits([x, y]: [u64; 2]) -> [f64; 2] {
    [f64::from_bits(x), f64::from_bits(y)]
}

/// Feature ids, each once, numbered in the order first read, packed in one text.
#[derive(Debug, Default)]
struct Ids {
    text: String,
    /// Where each id ends in `text`; the next begins there.
    ends: Vec<usize>,
    /// The ids' numbers, found by the id's hash.
    table: HashTable<u32>,
}

impl Ids {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, at: u32) -> &str {
        let at = at as usize;
        let start = at.checked_sub(1).map_or(0, |i| self.ends[i]);
        &self.text[start..self.ends[at]]
    }

    /// Numbers `id`; `None` when it was already there.
    fn insert(&mut self, id: &str) -> Option<u32> {
        let Ids { text, ends, table } = self;
        let slice = |at: u32| {
            let at = at as usize;
            &text[at.checked_sub(1).map_or(0, |i| ends[i])..ends[at]]
        };
        let hash = FxBuildHasher.hash_one(id);
        if table.find(hash, |&at| slice(at) == id).is_some() {
            return None;
        }
        let at = u32::try_from(ends.len()).expect("fewer than 2^32 features");
        table.insert_unique(hash, at, |&at| FxBuildHasher.hash_one(slice(at)));
        text.push_str(id);
        ends.push(text.len());
        Some(at)
    }
}

/// Values, each once, in the order first inserted.
#[derive(Debug)]
struct Distinct<T> {
    items: Vec<T>,
    table: HashTable<u32>,
}

impl<T> Default for Distinct<T> {
    fn default() -> Self {
        Distinct {
            items: Vec::new(),
            table: HashTable::new(),
        }
    }
}

impl<T: Hash + Eq> Distinct<T> {
    fn insert(&mut self, value: T) {
        let Distinct { items, table } = self;
        let hash = FxBuildHasher.hash_one(&value);
        if table
            .find(hash, |&at| items[at as usize] == value)
            .is_some()
        {
            return;
        }
        let at = u32::try_from(items.len()).expect("fewer than 2^32 distinct values");
        table.insert_unique(hash, at, |&at| FxBuildHasher.hash_one(&items[at as usize]));
        items.push(value);
    }

    fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_numbered_once() {
        let mut ids = Ids::default();
        assert_eq!(ids.insert("a-m1"), Some(0));
        assert_eq!(ids.insert(""), Some(1));
        assert_eq!(ids.insert("b-m1"), Some(2));
        assert_eq!(ids.insert("a-m1"), None);
        assert_eq!(ids.insert(""), None);
        assert_eq!((ids.get(0), ids.get(1), ids.get(2)), ("a-m1", "", "b-m1"));
        assert_eq!(ids.len(), 3);
        for i in 0..10_000 {
            assert_eq!(ids.insert(&format!("x{i}")), Some(3 + i));
        }
        assert_eq!(ids.get(10_002), "x9999");
        assert_eq!(ids.insert("x5000"), None);
    }

    fn trip(id: usize, to: &str) -> Movement {
        Movement {
            doc: format!("a{:05}.txt", id / 3),
            destination_coarse: true,
            via: vec!["v".into()],
            vehicles: Some(2),
            event_date: Some(format!("2020-01-{:02}", 1 + id % 28)),
            line: vec![[44.0, 33.0], [44.5, 33.5], [45.0, 34.0]],
            ..Movement::test_trip(&format!("a{id:05}-m1"), to)
        }
    }

    #[test]
    fn repeated_routes_are_held_once() {
        let mut scene = Scene::default();
        // Read backwards, so the first by id comes last; every trip read twice.
        for id in (0..3000).rev().chain(0..3000) {
            scene.movement(trip(id, if id % 2 == 0 { "b" } else { "c" }));
        }
        assert_eq!(scene.counts(), (3000, 0, 0));
        assert_eq!(scene.routes.len(), 2, "one flow per route");
        assert_eq!(scene.lines().count(), 1, "one line for all");
        assert_eq!(scene.ends().len(), 1, "a coarse end is no site");
        assert_eq!(scene.docs().len(), 1000);
        assert_eq!(scene.date_range(), Some(("2020-01-01", "2020-01-28")));
        let f = crate::render::flows::flows(&scene);
        assert_eq!((f[0].first.id.as_str(), f[0].trips()), ("a00000-m1", 1500));
        assert_eq!(f[0].vehicles, Some(3000));
        assert!(f[0].ids.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(f[1].first.id, "a00001-m1");
    }

    #[test]
    fn distinct_values_keep_their_first_order() {
        let mut d = Distinct::default();
        for v in [3, 1, 3, 2, 1] {
            d.insert(v);
        }
        assert_eq!(d.iter().copied().collect::<Vec<_>>(), [3, 1, 2]);
    }
}
