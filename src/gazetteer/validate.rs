//! Checks on gazetteer data that the parser alone does not make.
//!
//! Unique ids; each point inside a plausible box of its stated country (a swapped lon/lat lands
//! far outside) and, where the basemap outlines that country, inside its Natural Earth border
//! give or take the place's precision (Aleppo swapped lands in Turkey, inside Syria's box; al-Tanf
//! moved 1° east lies in Iraq), and inside the Natural Earth border of the governorate it is
//! filed under (`admin1`), where the gazetteer has that governorate (Ain al-Asad moved 1° north
//! stays in Iraq but leaves Anbar); every name non-empty after normalisation; every curated entry with a source;
//! homonyms that exist; and every name shared by two curated entries marked on both sides.

use std::collections::{BTreeMap, HashMap};

use super::place::{Kind, Place, Tier};
use crate::arabic;
use crate::areas::{self, Area, Basis};

/// Rough bounding boxes (min lon, min lat, max lon, max lat) of the countries the gazetteer
/// covers, with a margin of about half a degree. They only catch gross errors such as swapped
/// coordinates or a place filed under the wrong country.
const COUNTRY_BOXES: &[(&str, [f64; 4])] = &[
    ("AE", [51.0, 22.0, 57.0, 26.5]),
    ("AU", [112.0, -44.5, 154.5, -9.5]),
    ("BE", [2.0, 49.0, 7.0, 52.0]),
    ("BH", [50.2, 25.5, 50.9, 26.5]),
    ("CA", [-141.5, 41.5, -52.0, 84.0]),
    ("CY", [32.0, 34.4, 34.8, 35.9]),
    ("CZ", [12.0, 48.4, 19.0, 51.2]),
    ("DE", [5.5, 47.0, 15.5, 55.5]),
    ("DK", [7.5, 54.3, 15.5, 58.0]),
    ("EG", [24.5, 21.5, 37.0, 32.0]),
    ("ES", [-18.5, 27.5, 4.5, 44.0]),
    ("FI", [19.5, 59.5, 32.0, 70.5]),
    ("FR", [-5.5, 41.0, 10.0, 51.5]),
    ("GB", [-8.7, 49.8, 2.0, 61.0]),
    ("GR", [19.0, 34.5, 30.0, 42.0]),
    ("HR", [13.0, 42.0, 19.7, 46.8]),
    ("HU", [15.8, 45.5, 23.2, 48.8]),
    ("IL", [34.0, 29.3, 36.0, 33.5]),
    ("IQ", [38.5, 28.8, 49.0, 37.6]),
    ("IR", [43.8, 24.8, 63.5, 40.0]),
    ("IT", [6.5, 36.0, 19.0, 47.5]),
    ("JO", [34.8, 28.9, 39.5, 33.6]),
    ("KW", [46.4, 28.4, 48.7, 30.2]),
    ("LB", [35.0, 32.9, 36.8, 34.9]),
    ("NL", [3.2, 50.6, 7.4, 53.7]),
    ("NO", [4.0, 57.8, 31.5, 71.5]),
    ("NZ", [166.0, -47.5, 179.0, -34.0]),
    ("OM", [51.8, 16.5, 60.0, 26.5]),
    ("PL", [14.0, 49.0, 24.2, 55.0]),
    ("PS", [34.2, 31.2, 35.6, 32.6]),
    ("PT", [-9.6, 36.8, -6.1, 42.2]),
    ("QA", [50.7, 24.4, 51.7, 26.2]),
    ("RO", [20.2, 43.6, 29.7, 48.3]),
    ("RU", [19.5, 41.0, 180.0, 82.0]),
    ("SA", [34.5, 16.0, 55.7, 32.2]),
    ("SE", [10.5, 55.0, 24.2, 69.1]),
    ("SI", [13.3, 45.4, 16.7, 47.0]),
    ("SY", [35.5, 32.2, 42.5, 37.4]),
    ("TR", [25.6, 35.8, 45.0, 42.2]),
    ("US", [-125.0, 24.0, -66.5, 49.5]),
    ("YE", [42.5, 12.0, 54.0, 19.0]),
];

/// How far outside `area` a place lies, in km, when it lies farther out than its own
/// precision (at least [`BORDER_SLACK_M`]); `None` when inside or near enough.
fn outside_km(p: &Place, area: &Area) -> Option<f64> {
    if area.contains(p.point) {
        return None;
    }
    let out = area.to_border_m(p.point);
    let slack = f64::from(p.precision_m).max(BORDER_SLACK_M);
    (out > slack).then_some(out / 1000.0)
}

/// The outlines of the governorates among `places` by country and name (`admin1`, as places
/// in them give it): a governorate is filed under its own name. Only the governorates whose
/// outline is their own boundary ([`areas::region`]).
fn governorates(places: &[Place]) -> HashMap<(&str, &str), &'static Area> {
    let outline = |p: &Place| {
        let area = areas::region(p.id.as_str())?;
        (area.basis == Basis::Boundary).then_some(area)
    };
    places
        .iter()
        .filter(|p| p.kind == Kind::Governorate)
        .filter_map(|p| Some(((p.country.as_str(), p.admin1.as_deref()?), outline(p)?)))
        .collect()
}

/// Where a place lies outside what it is filed under: its country's border, else its
/// governorate's (Natural Earth, where `governorates` outline it), as "the border of X" and
/// how far out, in km.
fn outside_outline(
    p: &Place,
    governorates: &HashMap<(&str, &str), &'static Area>,
) -> Option<(String, f64)> {
    if let Some(km) = areas::country(&p.country).and_then(|a| outside_km(p, a)) {
        return Some((format!("{}'s border", p.country), km));
    }
    let admin1 = p.admin1.as_deref()?;
    let area = governorates.get(&(p.country.as_str(), admin1))?;
    if area.contains(p.point) || area.to_border_m(p.point) <= ADMIN1_SLACK_M {
        return None;
    }
    let km = outside_km(p, area)?;
    Some((format!("the border of {admin1} ({})", p.country), km))
}

/// A place on a border (a crossing) may stand a little on the other side of Natural Earth's
/// 1:10m line, whose vertices are a few hundred metres apart.
const BORDER_SLACK_M: f64 = 2_000.0;

/// Natural Earth's admin-1 lines are generalised more than its borders: a place within this of
/// its governorate's line is not told (al-Jalabiya, filed under Raqqa as Wikipedia files it,
/// lies 5 km on the Aleppo side of it). A point moved by a degree lies a hundred kilometres out.
const ADMIN1_SLACK_M: f64 = 10_000.0;

/// The bounding box of a country, if convoy knows one.
pub fn country_box(cc: &str) -> Option<[f64; 4]> {
    COUNTRY_BOXES
        .iter()
        .find(|(c, _)| *c == cc)
        .map(|(_, b)| *b)
}

/// What a validation found: errors make the data unusable, notes are for the reader.
#[derive(Debug, Default)]
pub struct Report {
    pub errors: Vec<String>,
    pub notes: Vec<String>,
    /// Names shared by several curated entries, with the ids sharing them.
    pub collisions: BTreeMap<String, Vec<String>>,
}

impl Report {
    /// True when nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Validates a set of places (one or both tiers).
pub fn validate(places: &[Place]) -> Report {
    let mut report = Report::default();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for p in places {
        *ids.entry(p.id.as_str()).or_default() += 1;
    }
    for (id, n) in &ids {
        if *n > 1 {
            report.errors.push(format!("id \"{id}\" is used {n} times"));
        }
    }
    let mut curated_names: BTreeMap<String, Vec<&Place>> = BTreeMap::new();
    let governorates = governorates(places);
    for p in places {
        let at = format!("{} ({})", p.id, p.name_en);
        match country_box(&p.country) {
            Some([x0, y0, x1, y1]) => {
                if !(x0..=x1).contains(&p.lon()) || !(y0..=y1).contains(&p.lat()) {
                    report.errors.push(format!(
                        "{at}: [{}, {}] lies outside {}'s box — swapped lon/lat or wrong country?",
                        p.lon(),
                        p.lat(),
                        p.country
                    ));
                } else if let Some((border, km)) = outside_outline(p, &governorates) {
                    let found = format!(
                        "{at}: [{}, {}] lies {km:.0} km outside {border} (Natural Earth)",
                        p.lon(),
                        p.lat(),
                    );
                    // GeoNames' own points (islands, disputed land) are told, not refused.
                    match p.tier {
                        Tier::Curated => report.errors.push(format!(
                            "{found} — swapped lon/lat, a point moved, or filed under the wrong country or governorate?"
                        )),
                        Tier::Geonames => report.notes.push(format!("{found}, as GeoNames has it")),
                    }
                }
            }
            None => report.errors.push(format!(
                "{at}: country \"{}\" has no known bounding box",
                p.country
            )),
        }
        if p.name_en.trim().is_empty() {
            report.errors.push(format!("{at}: empty name_en"));
        }
        for name in p.aliases_ar.iter().chain(&p.aliases_en) {
            if arabic::normalize_name(name).is_empty() {
                report.errors.push(format!(
                    "{at}: alias \"{name}\" is empty after normalisation"
                ));
            }
        }
        if p.tier == Tier::Curated {
            if p.name_ar.trim().is_empty() {
                report.errors.push(format!("{at}: empty name_ar"));
            }
            if p.source.trim().is_empty() {
                report
                    .errors
                    .push(format!("{at}: no source for the coordinate"));
            }
            if p.precision_m == 0 {
                report.errors.push(format!("{at}: precision_m is 0"));
            }
            for h in &p.homonyms {
                if !ids.contains_key(h.as_str()) {
                    report
                        .errors
                        .push(format!("{at}: homonym \"{h}\" is not an id in the file"));
                }
            }
            let mut own: Vec<String> = p.names().map(arabic::normalize_name).collect();
            own.sort();
            own.dedup();
            for n in own {
                curated_names.entry(n).or_default().push(p);
            }
        }
    }
    for (name, sharing) in curated_names {
        if sharing.len() < 2 {
            continue;
        }
        for a in &sharing {
            for b in &sharing {
                if a.id != b.id && !a.homonyms.contains(&b.id) {
                    report.errors.push(format!(
                        "name \"{name}\" is shared by {} and {}, but {} does not list {} in homonyms",
                        a.id, b.id, a.id, b.id
                    ));
                }
            }
        }
        report
            .collisions
            .insert(name, sharing.iter().map(|p| p.id.to_string()).collect());
    }
    let geonames = places.iter().filter(|p| p.tier == Tier::Geonames).count();
    if geonames > 0 {
        let with_ar = places
            .iter()
            .filter(|p| p.tier == Tier::Geonames && !p.name_ar.is_empty())
            .count();
        report.notes.push(format!(
            "{geonames} GeoNames places, {with_ar} with Arabic names"
        ));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{parse_curated, parse_geonames, EMBEDDED_GEONAMES, EMBEDDED_PLACES};

    #[test]
    fn shipped_files_are_valid() {
        let curated = parse_curated("places.geojson", EMBEDDED_PLACES.as_bytes()).unwrap();
        let geonames = parse_geonames("geonames.tsv", EMBEDDED_GEONAMES).unwrap();
        let report = validate(&curated);
        assert!(report.is_ok(), "{:#?}", report.errors);
        let report = validate(&geonames);
        assert!(
            report.is_ok(),
            "{:#?}",
            &report.errors[..report.errors.len().min(20)]
        );
    }

    #[test]
    fn swapped_coordinates_and_unmarked_collisions_are_errors() {
        let mut curated = parse_curated("places.geojson", EMBEDDED_PLACES.as_bytes()).unwrap();
        let first = curated.iter().position(|p| p.country == "IQ").unwrap();
        let (x, y) = (curated[first].lon(), curated[first].lat());
        curated[first].point = geo::Point::new(y, x);
        let mut twin = curated[first].clone();
        twin.id = crate::gazetteer::PlaceId("twin_test".into());
        twin.homonyms.clear();
        curated.push(twin);
        let report = validate(&curated);
        assert!(report.errors.iter().any(|e| e.contains("swapped lon/lat")));
        assert!(report
            .errors
            .iter()
            .any(|e| e.contains("does not list twin_test in homonyms")));
    }

    /// The shipped gazetteer with place `id` moved by `f`.
    fn moved(id: &str, f: impl Fn(f64, f64) -> (f64, f64)) -> Report {
        let mut curated = parse_curated("places.geojson", EMBEDDED_PLACES.as_bytes()).unwrap();
        let p = curated.iter_mut().find(|p| p.id.as_str() == id).unwrap();
        let (x, y) = f(p.lon(), p.lat());
        p.point = geo::Point::new(x, y);
        validate(&curated)
    }

    #[test]
    fn f13_a_place_swapped_or_moved_into_another_country_is_an_error() {
        // Aleppo with lat/lon swapped lands in Turkey, inside Syria's box.
        let aleppo = moved("aleppo_city", |x, y| (y, x));
        let inside_box = |r: &Report| r.errors.iter().all(|e| !e.contains("box"));
        assert!(inside_box(&aleppo), "{:?}", aleppo.errors);
        assert!(
            aleppo
                .errors
                .iter()
                .any(|e| e.starts_with("aleppo_city") && e.contains("outside SY's border")),
            "{:?}",
            aleppo.errors
        );
        // A base moved a degree stays in its country but leaves its governorate: al-Taqaddum
        // north into Salah al-Din, al-Shaddadi south into Deir ez-Zor.
        for (id, dy, admin1) in [
            ("al_taqaddum_airbase", 1.0, "Anbar (IQ)"),
            ("al_shaddadi_base", -1.0, "Hasakah (SY)"),
        ] {
            let r = moved(id, |x, y| (x, y + dy));
            let [error] = r.errors.as_slice() else {
                panic!("{id}: {:?}", r.errors)
            };
            assert!(
                error.starts_with(id) && error.contains(&format!("outside the border of {admin1}")),
                "{error}"
            );
        }
        // Al-Tanf moved a degree east lies in Iraq.
        let tanf = moved("al_tanf_garrison", |x, y| (x + 1.0, y));
        assert!(inside_box(&tanf), "{:?}", tanf.errors);
        assert!(
            tanf.errors
                .iter()
                .any(|e| e.starts_with("al_tanf_garrison") && e.contains("outside SY's border")),
            "{:?}",
            tanf.errors
        );
    }
}
