//! The gazetteer: every place convoy knows, its names, and the matcher that finds them in text.
//!
//! Two tiers: the curated `gazetteer/places.geojson` (bases, crossings, fields, towns, regions,
//! countries, each with a cited coordinate) and the GeoNames populated places of the region
//! (`gazetteer/geonames.tsv`). Curated entries win: a GeoNames entry for a place the curated file
//! already holds is dropped on load. Both files and the "not places" list are embedded in the
//! binary; [`GazetteerFiles`] overrides them.

mod load;
mod matcher;
mod place;
pub mod validate;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use load::{parse_curated, parse_geonames};
pub use matcher::{Candidates, Matcher, NameMatch};
pub use place::{GeoPrecision, Kind, Place, PlaceId, PlaceIndex, Tier};

use crate::arabic;
use crate::error::{Error, Result};
use crate::input_file;

/// The curated places shipped with convoy.
pub const EMBEDDED_PLACES: &str = include_str!("../../gazetteer/places.geojson");
/// The GeoNames tier shipped with convoy.
pub const EMBEDDED_GEONAMES: &str = include_str!("../../gazetteer/geonames.tsv");
/// Words and phrases that contain or look like place names but name something else.
pub const EMBEDDED_NOT_PLACES: &str = include_str!("../../gazetteer/not_places.txt");
/// Place names that are also ordinary words: places only where the text says so.
pub const EMBEDDED_NEEDS_CONTEXT: &str = include_str!("../../gazetteer/needs_context.txt");

/// A GeoNames entry within this distance of a curated place that shares a name with it is the
/// same place.
const SAME_PLACE_KM: f64 = 15.0;

/// Which gazetteer files to load; `None` means the embedded default.
#[derive(Debug, Clone, Default)]
pub struct GazetteerFiles {
    /// Overrides `gazetteer/places.geojson`.
    pub curated: Option<PathBuf>,
    /// Overrides `gazetteer/geonames.tsv`.
    pub geonames: Option<PathBuf>,
    /// Leaves the GeoNames tier out.
    pub no_geonames: bool,
    /// Files of places (the curated format) added to the curated tier (`--places`).
    pub added: Vec<PathBuf>,
    /// The largest of these files accepted, in bytes (`--max-gazetteer-mb`); `None` means
    /// [`DEFAULT_MAX_GAZETTEER_BYTES`].
    pub max_bytes: Option<u64>,
}

/// Every place convoy knows.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_id: HashMap<PlaceId, PlaceIndex>,
    not_places: Vec<String>,
    needs_context: Vec<String>,
    /// GeoNames entries dropped because a curated entry is the same place.
    superseded: usize,
    matcher: OnceLock<Matcher>,
}

impl Gazetteer {
    /// The embedded gazetteer (both tiers).
    ///
    /// # Examples
    /// ```
    /// let g = convoy::Gazetteer::embedded().unwrap();
    /// let place = g.place(g.find_unique("قاعدة عين الأسد").unwrap());
    /// assert_eq!(place.id.as_str(), "ain_al_asad_airbase");
    /// ```
    pub fn embedded() -> Result<Gazetteer> {
        Gazetteer::load(&GazetteerFiles::default())
    }

    /// Loads the files named in `files`, the embedded defaults for the rest.
    pub fn load(files: &GazetteerFiles) -> Result<Gazetteer> {
        let (mut curated, source) = match &files.curated {
            Some(path) => (
                parse_curated(&path.display().to_string(), open(path, limit(files))?)?,
                path.display().to_string(),
            ),
            None => (
                parse_curated(
                    "gazetteer/places.geojson (embedded)",
                    EMBEDDED_PLACES.as_bytes(),
                )?,
                "the embedded gazetteer".to_owned(),
            ),
        };
        add_places(&mut curated, &source, &files.added, limit(files))?;
        let geonames = match (&files.geonames, files.no_geonames) {
            (_, true) => Vec::new(),
            (Some(path), false) => {
                parse_geonames(&path.display().to_string(), &read(path, limit(files))?)?
            }
            (None, false) => {
                parse_geonames("gazetteer/geonames.tsv (embedded)", EMBEDDED_GEONAMES)?
            }
        };
        Gazetteer::from_places(curated, geonames)
    }

    /// Builds a gazetteer from parsed tiers; fails on a duplicate id.
    pub fn from_places(curated: Vec<Place>, geonames: Vec<Place>) -> Result<Gazetteer> {
        let not_places = word_list(EMBEDDED_NOT_PLACES);
        let needs_context = word_list(EMBEDDED_NEEDS_CONTEXT);
        let before = geonames.len();
        let geonames = drop_superseded(&curated, geonames);
        let superseded = before - geonames.len();
        let places: Vec<Place> = curated.into_iter().chain(geonames).collect();
        let mut by_id = HashMap::with_capacity(places.len());
        for (i, p) in places.iter().enumerate() {
            if by_id.insert(p.id.clone(), PlaceIndex(i as u32)).is_some() {
                return Err(Error::Malformed {
                    source_name: "gazetteer".into(),
                    location: format!("id \"{}\"", p.id),
                    message: "the id is used twice".into(),
                });
            }
        }
        Ok(Gazetteer {
            places,
            by_id,
            not_places,
            needs_context,
            superseded,
            matcher: OnceLock::new(),
        })
    }

    /// All places, curated first.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place at `ix`.
    pub fn place(&self, ix: PlaceIndex) -> &Place {
        &self.places[ix.get()]
    }

    /// The place with id `id`.
    pub fn by_id(&self, id: &str) -> Option<PlaceIndex> {
        self.by_id.get(&PlaceId(id.to_owned())).copied()
    }

    /// How many GeoNames entries were dropped as duplicates of curated ones.
    pub fn superseded(&self) -> usize {
        self.superseded
    }

    /// The matcher over every name, built on first use.
    pub fn matcher(&self) -> &Matcher {
        self.matcher
            .get_or_init(|| Matcher::new(&self.places, &self.not_places, &self.needs_context))
    }

    /// Places whose id, or one of whose names, is exactly `name` (after normalisation);
    /// curated places first. An id matches alone.
    pub fn lookup(&self, name: &str) -> Vec<PlaceIndex> {
        if let Some(ix) = self.by_id(name.trim()) {
            return vec![ix];
        }
        let wanted = arabic::normalize_name(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        let exact: Vec<PlaceIndex> =
            self.indices_where(|p| p.names().any(|n| arabic::normalize_name(n) == wanted));
        // A curated name settles it; GeoNames homonyms only when nothing curated matches.
        let curated: Vec<PlaceIndex> = exact
            .iter()
            .copied()
            .filter(|&ix| self.place(ix).tier == Tier::Curated)
            .collect();
        if curated.is_empty() {
            exact
        } else {
            curated
        }
    }

    /// The single place `name` means, or an error listing the candidates or the closest names.
    pub fn find_unique(&self, name: &str) -> Result<PlaceIndex> {
        match self.lookup(name).as_slice() {
            [one] => Ok(*one),
            [] => Err(Error::UnknownPlace {
                name: name.to_owned(),
                suggestions: self.suggest(name, 5),
            }),
            many => Err(Error::AmbiguousPlace {
                name: name.to_owned(),
                candidates: many
                    .iter()
                    .map(|&ix| {
                        let p = self.place(ix);
                        format!("{} ({}, {})", p.id, p.name_en, p.kind)
                    })
                    .collect(),
            }),
        }
    }

    /// Up to `n` names closest to `name` by edit distance, for "did you mean" messages.
    pub fn suggest(&self, name: &str, n: usize) -> Vec<String> {
        let wanted = arabic::normalize_name(name);
        let mut scored: Vec<(usize, String)> = Vec::new();
        for p in &self.places {
            let best = p
                .names()
                .chain(std::iter::once(p.id.as_str()))
                .map(|candidate| {
                    let norm = arabic::normalize_name(candidate);
                    (strsim::levenshtein(&wanted, &norm), candidate)
                })
                .min();
            if let Some((d, candidate)) = best {
                let limit = (wanted.chars().count() / 3).max(2);
                if d <= limit {
                    scored.push((d, format!("{candidate} ({})", p.id)));
                }
            }
        }
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(n).map(|(_, s)| s).collect()
    }

    fn indices_where(&self, keep: impl Fn(&Place) -> bool) -> Vec<PlaceIndex> {
        self.places
            .iter()
            .enumerate()
            .filter(|(_, p)| keep(p))
            .map(|(i, _)| PlaceIndex(i as u32))
            .collect()
    }
}

/// The entries of a word list: one a line, blank lines and `#` comments left out.
fn word_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// The largest gazetteer file (`--gazetteer`, `--geonames`, `--places`) accepted by default:
/// 1 GB, about two million curated places (their gazetteer takes some 3 GB of memory).
pub const DEFAULT_MAX_GAZETTEER_BYTES: u64 = 1 << 30;

/// The size limit of a gazetteer file of `files`.
fn limit(files: &GazetteerFiles) -> input_file::Limit {
    input_file::Limit {
        bytes: files.max_bytes.unwrap_or(DEFAULT_MAX_GAZETTEER_BYTES),
        role: "a gazetteer file",
        flag: "--max-gazetteer-mb",
    }
}

/// A gazetteer file to stream: a regular file within the limit.
fn open(path: &Path, limit: input_file::Limit) -> Result<impl std::io::Read> {
    input_file::open(path, limit)
}

/// A gazetteer file's text: a regular file of UTF-8 within the limit.
fn read(path: &Path, limit: input_file::Limit) -> Result<String> {
    String::from_utf8(input_file::read(path, limit)?).map_err(|e| {
        let e = std::io::Error::new(std::io::ErrorKind::InvalidData, e);
        Error::io(path, "cannot read", e)
    })
}

/// Drops GeoNames entries that a curated entry already holds: the same GeoNames id cited as the
/// source of a curated settlement, or a shared name within [`SAME_PLACE_KM`]. A region, country
/// or base that borrows a town's point (the Syrian Desert at Tadmur, Lebanon at Beirut) is not
/// that town, which stays findable by its own name.
fn drop_superseded(curated: &[Place], geonames: Vec<Place>) -> Vec<Place> {
    use geo::{Distance, Haversine};
    if geonames.is_empty() {
        return geonames;
    }
    let cited: std::collections::HashSet<String> = curated
        .iter()
        .filter(|p| p.kind.geo_precision() == GeoPrecision::Town)
        .flat_map(|p| geonames_ids_in(&p.source))
        .collect();
    let mut curated_names: HashMap<String, Vec<&Place>> = HashMap::new();
    for p in curated {
        for n in p.names() {
            curated_names
                .entry(arabic::normalize_name(n))
                .or_default()
                .push(p);
        }
    }
    geonames
        .into_iter()
        .filter(|g| {
            let id = g.id.as_str().trim_start_matches("gn_");
            if cited.contains(id) {
                return false;
            }
            !g.names().any(|n| {
                curated_names
                    .get(&arabic::normalize_name(n))
                    .is_some_and(|ps| {
                        ps.iter()
                            .any(|c| Haversine.distance(c.point, g.point) / 1000.0 < SAME_PLACE_KM)
                    })
            })
        })
        .collect()
}

/// GeoNames ids cited in a source string ("GeoNames 98182", "geonames.org/98182").
fn geonames_ids_in(source: &str) -> Vec<String> {
    let lower = source.to_ascii_lowercase();
    let mut out = Vec::new();
    for marker in ["geonames ", "geonames.org/", "geonameid "] {
        let mut rest = lower.as_str();
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() {
                out.push(digits);
            }
        }
    }
    out
}

/// Adds the places of each file in `added` to `curated` (whose places came from `source`).
/// An id already there, from the gazetteer or an earlier file, is an error naming both: an
/// added place never silently replaces one.
fn add_places(
    curated: &mut Vec<Place>,
    source: &str,
    added: &[PathBuf],
    limit: input_file::Limit,
) -> Result<()> {
    if added.is_empty() {
        return Ok(());
    }
    let mut from: HashMap<PlaceId, String> = curated
        .iter()
        .map(|p| (p.id.clone(), source.to_owned()))
        .collect();
    for path in added {
        let name = path.display().to_string();
        let places = parse_curated(&name, open(path, limit)?)?;
        for place in &places {
            if let Some(first) = from.insert(place.id.clone(), name.clone()) {
                return Err(Error::Malformed {
                    source_name: name,
                    location: format!("id \"{}\"", place.id),
                    message: format!(
                        "{first} already has a place with this id; give the added place another \
                         id (to change a place, edit a copy of the gazetteer and pass it with \
                         --gazetteer)"
                    ),
                });
            }
        }
        curated.extend(places);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geonames_ids_are_read_from_sources() {
        assert_eq!(
            geonames_ids_in("yeaz:cities15000.txt (GeoNames 173811: 36.5, 40.7); https://www.geonames.org/2950159"),
            vec!["173811", "2950159"]
        );
    }

    #[test]
    fn a_town_lending_its_point_to_a_region_or_country_stays_a_town() {
        let g = Gazetteer::embedded().unwrap();
        // The Syrian Desert cites Tadmur's GeoNames record, Lebanon Beirut's.
        for (name, id) in [("تدمر", "gn_163808"), ("بيروت", "gn_276781")] {
            let found: Vec<&str> = g
                .lookup(name)
                .iter()
                .map(|&ix| g.place(ix).id.as_str())
                .collect();
            assert_eq!(found, [id], "{name}");
        }
    }

    #[test]
    fn embedded_gazetteer_loads_and_finds_names() {
        let g = Gazetteer::embedded().unwrap();
        assert!(g.places().len() > 40);
        let asad = g.find_unique("Ain al-Asad").unwrap();
        assert_eq!(g.place(asad).id.as_str(), "ain_al_asad_airbase");
        assert_eq!(g.find_unique("ain_al_asad_airbase").unwrap(), asad);
        let e = g.find_unique("معبر الوليد").unwrap_err().to_string();
        assert!(e.contains("could mean several places"), "{e}");
        let e = g.find_unique("Ain al-Asadd").unwrap_err().to_string();
        assert!(e.contains("did you mean"), "{e}");
    }
}
