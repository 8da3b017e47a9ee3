//! One article's part of a corpus's [`MapData`], cut out by an index built in one pass, so
//! that a map per article costs the article's features, not a search (or a copy) of the
//! whole corpus each time.

use std::collections::HashMap;

use super::data::MapData;

/// Where each article's movements, events and places lie in a [`MapData`].
///
/// # Examples
/// ```
/// use convoy::render::{ArticleIndex, MapData};
/// let data = MapData::default();
/// let index = ArticleIndex::new(&data);
/// assert!(index.article(&data, "a.txt").is_empty());
/// ```
#[derive(Debug, Default)]
pub struct ArticleIndex {
    by_doc: HashMap<String, Positions>,
}

/// Positions in a [`MapData`]'s lists, in their order.
#[derive(Debug, Default)]
struct Positions {
    movements: Vec<usize>,
    events: Vec<usize>,
    places: Vec<usize>,
}

impl ArticleIndex {
    /// Indexes `data` by the articles (`doc`) its features come from.
    pub fn new(data: &MapData) -> ArticleIndex {
        let mut by_doc: HashMap<String, Positions> = HashMap::new();
        fn at<'m>(by_doc: &'m mut HashMap<String, Positions>, doc: &str) -> &'m mut Positions {
            if !by_doc.contains_key(doc) {
                by_doc.insert(doc.to_owned(), Positions::default());
            }
            by_doc.get_mut(doc).expect("inserted above")
        }
        for (i, m) in data.movements().iter().enumerate() {
            at(&mut by_doc, &m.doc).movements.push(i);
        }
        for (i, e) in data.events().iter().enumerate() {
            at(&mut by_doc, &e.doc).events.push(i);
        }
        for (i, p) in data.places().iter().enumerate() {
            for doc in &p.docs {
                let places = &mut at(&mut by_doc, doc).places;
                // A place listing the article twice is still one place.
                if places.last() != Some(&i) {
                    places.push(i);
                }
            }
        }
        ArticleIndex { by_doc }
    }

    /// What article `doc` holds of `data` (the data this index was built from): its
    /// movements and events, and the places it names, each listing `doc` alone.
    pub fn article(&self, data: &MapData, doc: &str) -> MapData {
        let Some(at) = self.by_doc.get(doc) else {
            return MapData::default();
        };
        let mut places = pick(data.places(), &at.places);
        for p in &mut places {
            p.docs = vec![doc.to_owned()];
        }
        MapData::from_parts(
            pick(data.movements(), &at.movements),
            pick(data.events(), &at.events),
            places,
        )
    }
}

/// Copies of the items of `all` at `at`.
fn pick<T: Clone>(all: &[T], at: &[usize]) -> Vec<T> {
    at.iter().map(|&i| all[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Event, MapPlace};

    fn event(id: &str, doc: &str) -> Event {
        Event {
            id: id.into(),
            doc: doc.into(),
            event_type: "withdrawal".into(),
            place: "p".into(),
            place_name: "P".into(),
            actor: None,
            status: None,
            event_date: None,
            point: [44.0, 33.0],
        }
    }

    #[test]
    fn an_article_gets_its_own_features_only() {
        let place = MapPlace {
            id: "p".into(),
            name_en: "P".into(),
            name_ar: String::new(),
            kind: "town".into(),
            mentions: 3,
            docs: vec!["a.txt".into(), "b.txt".into()],
            point: [44.0, 33.0],
        };
        let data = MapData::from_parts(
            Vec::new(),
            vec![
                event("a-e1", "a.txt"),
                event("b-e1", "b.txt"),
                event("a-e2", "a.txt"),
            ],
            vec![place],
        );
        let index = ArticleIndex::new(&data);
        let a = index.article(&data, "a.txt");
        let ids: Vec<&str> = a.events().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a-e1", "a-e2"]);
        assert_eq!(a.places().len(), 1);
        assert_eq!(a.places()[0].docs, ["a.txt"]);
        assert_eq!(index.article(&data, "b.txt").events()[0].id, "b-e1");
        assert!(index.article(&data, "c.txt").is_empty());
    }
}
