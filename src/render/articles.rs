//! A corpus's contract files read back one article at a time. `extract` writes each article's
//! movements and events together, in the articles' order; so the two files are read side by
//! side, each article's part cut out as it comes, and only a batch of articles is held,
//! however large the corpus. The places, few whatever the corpus, are read first.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use super::data::{read, Event, FeatureSink, MapData, MapPlace, Movement};
use crate::error::{Error, Result};

/// How many articles' features a reader may read ahead of the one being cut out.
const AHEAD: usize = 64;

/// Reads the features of the articles `docs` (their `doc` names, in the order extract wrote
/// them) from `movements`, `events` and `places` (any may be missing) and gives them to
/// `each`, `batch` articles at a time, as (position in `docs`, the article's features). An
/// article's places are those listing it among their `docs`, each listing it alone.
///
/// # Examples
/// ```
/// use convoy::render::articles_of;
/// let mut seen = 0;
/// articles_of(None, None, None, &["a.txt"], 8, |batch| {
///     seen += batch.len();
///     assert!(batch[0].1.is_empty());
///     Ok(())
/// })
/// .unwrap();
/// assert_eq!(seen, 1);
/// ```
pub fn articles_of(
    movements: Option<&Path>,
    events: Option<&Path>,
    places: Option<&Path>,
    docs: &[&str],
    batch: usize,
    mut each: impl FnMut(Vec<(usize, MapData)>) -> Result<()>,
) -> Result<()> {
    let places = Places::read(places)?;
    std::thread::scope(|s| {
        let (movements, from_movements) = side(s, movements);
        let (events, from_events) = side(s, events);
        let mut movements = Peeked::new(movements);
        let mut events = Peeked::new(events);
        let mut held = Vec::with_capacity(batch);
        for (i, doc) in docs.iter().enumerate() {
            let mut data = places.of(doc);
            for (_, part) in [movements.take(doc), events.take(doc)]
                .into_iter()
                .flatten()
            {
                data.merge(part);
            }
            held.push((i, data));
            if held.len() == batch.max(1) {
                each(std::mem::take(&mut held))?;
            }
        }
        if !held.is_empty() {
            each(held)?;
        }
        // Features left over belong to no article, or came out of the articles' order.
        let left = movements.next.take().or(events.next.take());
        drop((movements, events));
        for reader in [from_movements, from_events].into_iter().flatten() {
            reader.join().expect("a reader thread panicked")?;
        }
        match left {
            Some((doc, _)) => Err(Error::Invalid(format!(
                "features of article \"{doc}\" are not in the order of the articles read"
            ))),
            None => Ok(()),
        }
    })
}

/// A reader of one file on a thread of its own, sending each article's features as a run of
/// them ends; none for a file that is missing.
#[allow(clippy::type_complexity)]
fn side<'s>(
    s: &'s std::thread::Scope<'s, '_>,
    path: Option<&'s Path>,
) -> (
    Option<Receiver<(String, MapData)>>,
    Option<std::thread::ScopedJoinHandle<'s, Result<()>>>,
) {
    let Some(path) = path else {
        return (None, None);
    };
    let (tx, rx) = sync_channel(AHEAD);
    let reader = s.spawn(move || {
        let file = File::open(path).map_err(|e| Error::io(path, "cannot read", e))?;
        let mut runs = Runs {
            tx,
            doc: None,
            data: MapData::default(),
        };
        read(&path.display().to_string(), file, &mut runs)?;
        runs.flush();
        Ok(())
    });
    (Some(rx), Some(reader))
}

/// Cuts a file's features into runs of one article, sent as each ends.
struct Runs {
    tx: SyncSender<(String, MapData)>,
    doc: Option<String>,
    data: MapData,
}

impl Runs {
    /// Starts the run of `doc`, sending the one before when it is another article's.
    fn start(&mut self, doc: &str) {
        if self.doc.as_deref() != Some(doc) {
            self.flush();
            self.doc = Some(doc.to_owned());
        }
    }

    fn flush(&mut self) {
        if let Some(doc) = self.doc.take() {
            // A closed receiver stopped early, on an error of its own: nothing to send to.
            let _ = self.tx.send((doc, std::mem::take(&mut self.data)));
        }
    }
}

impl FeatureSink for Runs {
    fn movement(&mut self, m: Movement) {
        self.start(&m.doc);
        self.data.movement(m);
    }

    fn event(&mut self, e: Event) {
        self.start(&e.doc);
        self.data.event(e);
    }

    fn place(&mut self, p: MapPlace) {
        self.data.place(p);
    }
}

/// A receiver of runs with the next one looked at.
struct Peeked {
    rx: Option<Receiver<(String, MapData)>>,
    next: Option<(String, MapData)>,
}

impl Peeked {
    fn new(rx: Option<Receiver<(String, MapData)>>) -> Peeked {
        let next = rx.as_ref().and_then(|r| r.recv().ok());
        Peeked { rx, next }
    }

    /// The run of `doc`, when it is the next one.
    fn take(&mut self, doc: &str) -> Option<(String, MapData)> {
        if self.next.as_ref().is_none_or(|(d, _)| d != doc) {
            return None;
        }
        let next = self.rx.as_ref().and_then(|r| r.recv().ok());
        std::mem::replace(&mut self.next, next)
    }
}

/// The places, and which of them each article names.
#[derive(Default)]
struct Places {
    all: Vec<MapPlace>,
    by_doc: HashMap<String, Vec<u32>>,
}

impl Places {
    fn read(path: Option<&Path>) -> Result<Places> {
        let Some(path) = path else {
            return Ok(Places::default());
        };
        let data = MapData::from_paths(&[PathBuf::from(path)])?;
        let mut places = Places::default();
        for (i, p) in data.places().iter().enumerate() {
            for doc in &p.docs {
                let at = places.by_doc.entry(doc.clone()).or_default();
                // A place listing the article twice is still one place.
                if at.last() != Some(&(i as u32)) {
                    at.push(i as u32);
                }
            }
        }
        places.all = data.places().to_vec();
        for p in &mut places.all {
            p.docs = Vec::new();
        }
        Ok(places)
    }

    /// Data holding the places article `doc` names, each listing `doc` alone.
    fn of(&self, doc: &str) -> MapData {
        let mut data = MapData::default();
        for &i in self.by_doc.get(doc).into_iter().flatten() {
            let mut p = self.all[i as usize].clone();
            p.docs = vec![doc.to_owned()];
            data.place(p);
        }
        data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, features: &[String]) -> PathBuf {
        let path = dir.join(name);
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        );
        std::fs::write(&path, text).unwrap();
        path
    }

    fn event(id: &str, doc: &str) -> String {
        format!(
            r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[44.0,33.0]}},
            "properties":{{"id":"{id}","doc":"{doc}","event_type":"withdrawal","place":"p"}}}}"#
        )
    }

    fn movement(id: &str, doc: &str) -> String {
        format!(
            r#"{{"type":"Feature","geometry":{{"type":"LineString","coordinates":[[44,33],[45,34]]}},
            "properties":{{"id":"{id}","doc":"{doc}","actor":null,"origin":"p","destination":"q",
            "status":"completed"}}}}"#
        )
    }

    /// Each article's event and movement ids and place docs, read `batch` at a time.
    fn read_all(dir: &Path, docs: &[&str], batch: usize) -> Result<Vec<Vec<String>>> {
        let mut got = Vec::new();
        articles_of(
            Some(&dir.join("movements.geojson")),
            Some(&dir.join("events.geojson")),
            Some(&dir.join("places.geojson")),
            docs,
            batch,
            |b| {
                assert!(b.len() <= batch);
                for (i, data) in b {
                    assert_eq!(i, got.len());
                    let ids = (data.movements().iter().map(|m| m.id.clone()))
                        .chain(data.events().iter().map(|e| e.id.clone()))
                        .chain(data.places().iter().map(|p| p.docs.join("+")));
                    got.push(ids.collect());
                }
                Ok(())
            },
        )?;
        Ok(got)
    }

    #[test]
    fn each_article_gets_its_own_features_only() {
        let dir = tempfile::tempdir().unwrap();
        let place = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[44.0,33.0]},
            "properties":{"id":"p","name_en":"P","kind":"town","docs":["a.txt","c.txt","c.txt"]}}"#;
        write(dir.path(), "places.geojson", &[place.to_owned()]);
        write(
            dir.path(),
            "events.geojson",
            &[
                event("a-e1", "a.txt"),
                event("a-e2", "a.txt"),
                event("c-e1", "c.txt"),
            ],
        );
        write(
            dir.path(),
            "movements.geojson",
            &[movement("b-m1", "b.txt"), movement("c-m1", "c.txt")],
        );
        let docs = ["a.txt", "b.txt", "c.txt", "d.txt"];
        for batch in [1, 3, 8] {
            let got = read_all(dir.path(), &docs, batch).unwrap();
            assert_eq!(
                got,
                [
                    vec!["a-e1", "a-e2", "a.txt"],
                    vec!["b-m1"],
                    vec!["c-m1", "c-e1", "c.txt"],
                    vec![],
                ]
            );
        }
    }

    #[test]
    fn features_out_of_the_articles_order_are_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "places.geojson", &[]);
        write(dir.path(), "movements.geojson", &[]);
        let events = [event("b-e1", "b.txt"), event("a-e1", "a.txt")];
        write(dir.path(), "events.geojson", &events);
        let e = read_all(dir.path(), &["a.txt", "b.txt"], 4).unwrap_err();
        assert!(
            e.to_string().contains("\"a.txt\" are not in the order"),
            "{e}"
        );
        let e = read_all(dir.path(), &["a.txt"], 4).unwrap_err();
        assert!(e.to_string().contains("\"b.txt\""), "{e}");
    }
}
