//! The basemap compiled into the binary: Natural Earth countries, lakes, rivers and first-level
//! boundary lines from `gazetteer/basemap/` (see its README), read once per process.
//!
//! Country outlines are split into borders (edges two countries share) and coasts (edges of
//! one), so each border is drawn once and coasts can be drawn in the water's colour. Edges on
//! the data's clip box (26–62°E, 24–46°N) are neither: they are where the data stops.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

/// A ring or line, `[lon, lat]`.
pub(crate) type Path = Vec<[f64; 2]>;

/// The box the basemap data is clipped to: minlon, minlat, maxlon, maxlat.
pub(crate) const CLIP_BOX: [f64; 4] = [26.0, 24.0, 62.0, 46.0];

#[derive(Debug)]
pub(crate) struct Country {
    pub name_en: String,
    pub name_ar: String,
    /// `country`, or a sliver (`disputed`, `buffer_zone`, `base_area`, `unassigned_land`).
    pub kind: String,
    pub label: [f64; 2],
    /// Polygons, each a list of rings (exterior first).
    pub polygons: Vec<Vec<Path>>,
}

#[derive(Debug)]
pub(crate) struct Named {
    pub name_en: String,
    pub name_ar: String,
    /// Lines (rivers) or rings (lakes: exterior first, then holes, polygon after polygon).
    pub paths: Vec<Path>,
    /// For lakes: how many leading rings of each polygon, (start, len) into `paths`.
    pub polygons: Vec<(usize, usize)>,
}

#[derive(Debug)]
pub(crate) struct Basemap {
    pub countries: Vec<Country>,
    pub borders: Vec<Path>,
    pub coasts: Vec<Path>,
    pub lakes: Vec<Named>,
    pub rivers: Vec<Named>,
    pub admin1: Vec<Path>,
}

const COUNTRIES: &str = include_str!("../../gazetteer/basemap/countries.geojson");
const LAKES: &str = include_str!("../../gazetteer/basemap/lakes.geojson");
const RIVERS: &str = include_str!("../../gazetteer/basemap/rivers.geojson");
const ADMIN1: &str = include_str!("../../gazetteer/basemap/admin1.geojson");

/// The basemap, parsed on first use. The files are compiled in and validated by the tests.
pub(crate) fn basemap() -> &'static Basemap {
    static BASEMAP: OnceLock<Basemap> = OnceLock::new();
    BASEMAP.get_or_init(|| {
        let countries: Vec<Country> = features(COUNTRIES)
            .into_iter()
            .map(|f| Country {
                label: [
                    f.properties.label_lon.unwrap_or(f64::NAN),
                    f.properties.label_lat.unwrap_or(f64::NAN),
                ],
                name_en: f.properties.name_en,
                name_ar: f.properties.name_ar,
                kind: f.properties.kind,
                polygons: f
                    .geometry
                    .polygons()
                    .into_iter()
                    .map(|rings| rings.iter().map(densify_box_edges).collect())
                    .collect(),
            })
            .collect();
        let (borders, coasts) = split_outlines(&countries);
        let lakes = features(LAKES)
            .into_iter()
            .map(|f| {
                let mut paths = Vec::new();
                let mut polys = Vec::new();
                for rings in f.geometry.polygons() {
                    polys.push((paths.len(), rings.len()));
                    paths.extend(rings);
                }
                Named {
                    name_en: f.properties.name_en,
                    name_ar: f.properties.name_ar,
                    paths,
                    polygons: polys,
                }
            })
            .collect();
        let rivers = features(RIVERS)
            .into_iter()
            .map(|f| Named {
                paths: f.geometry.lines(),
                name_en: f.properties.name_en,
                name_ar: f.properties.name_ar,
                polygons: Vec::new(),
            })
            .collect();
        let admin1 = features(ADMIN1)
            .into_iter()
            .flat_map(|f| f.geometry.lines())
            .collect();
        Basemap {
            countries,
            borders,
            coasts,
            lakes,
            rivers,
            admin1,
        }
    })
}

/// The parts of a basemap file read, typed so serde parses straight into them (several
/// times faster than going through `serde_json::Value`, which counts on a cold start).
#[derive(Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    #[serde(default)]
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_ar: String,
    #[serde(default)]
    kind: String,
    label_lon: Option<f64>,
    label_lat: Option<f64>,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Path>),
    MultiPolygon(Vec<Vec<Path>>),
    LineString(Path),
    MultiLineString(Vec<Path>),
}

impl Geometry {
    fn polygons(self) -> Vec<Vec<Path>> {
        match self {
            Geometry::Polygon(p) => vec![p],
            Geometry::MultiPolygon(ps) => ps,
            _ => Vec::new(),
        }
    }

    fn lines(self) -> Vec<Path> {
        match self {
            Geometry::LineString(l) => vec![l],
            Geometry::MultiLineString(ls) => ls,
            _ => Vec::new(),
        }
    }
}

fn features(text: &str) -> Vec<Feature> {
    serde_json::from_str::<FeatureCollection>(text)
        .expect("embedded basemap is GeoJSON")
        .features
}

/// Adds vertices every 0.25° along edges that lie on the clip box: those are straight in
/// longitude/latitude (a parallel or a meridian) and must bend with the projection like the
/// sea drawn to the same box, or a sliver of sea shows between them.
fn densify_box_edges(ring: &Path) -> Path {
    let mut out: Path = Vec::with_capacity(ring.len());
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        out.push(a);
        if on_clip_box(a, b) {
            let n = ((b[0] - a[0]).abs().max((b[1] - a[1]).abs()) / 0.25).ceil() as usize;
            for i in 1..n {
                let t = i as f64 / n as f64;
                out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
            }
        }
    }
    if let Some(&last) = ring.last() {
        out.push(last);
    }
    out
}

type Key = (i64, i64);

fn key(p: [f64; 2]) -> Key {
    ((p[0] * 1e5).round() as i64, (p[1] * 1e5).round() as i64)
}

fn edge(a: [f64; 2], b: [f64; 2]) -> (Key, Key) {
    let (ka, kb) = (key(a), key(b));
    if ka <= kb {
        (ka, kb)
    } else {
        (kb, ka)
    }
}

fn on_clip_box(a: [f64; 2], b: [f64; 2]) -> bool {
    let [x0, y0, x1, y1] = CLIP_BOX;
    let same = |u: f64, v: f64, w: f64| (u - w).abs() < 1e-9 && (v - w).abs() < 1e-9;
    same(a[0], b[0], x0) || same(a[0], b[0], x1) || same(a[1], b[1], y0) || same(a[1], b[1], y1)
}

/// Splits every country ring into border polylines (edges shared by two features, each kept
/// once) and coast polylines (edges of one feature), leaving out the clip box's edges.
fn split_outlines(countries: &[Country]) -> (Vec<Path>, Vec<Path>) {
    let mut count: HashMap<(Key, Key), u32> = HashMap::new();
    for ring in countries.iter().flat_map(|c| c.polygons.iter().flatten()) {
        for w in ring.windows(2) {
            *count.entry(edge(w[0], w[1])).or_default() += 1;
        }
    }
    let mut borders = Vec::new();
    let mut coasts = Vec::new();
    let mut drawn: HashSet<(Key, Key)> = HashSet::new();
    for ring in countries.iter().flat_map(|c| c.polygons.iter().flatten()) {
        // 0 = skip, 1 = border, 2 = coast; consecutive edges of one class make one polyline.
        let mut current: (u8, Path) = (0, Vec::new());
        let mut flush = |cur: &mut (u8, Path)| {
            let line = std::mem::take(&mut cur.1);
            if line.len() >= 2 {
                match cur.0 {
                    1 => borders.push(line),
                    2 => coasts.push(line),
                    _ => {}
                }
            }
        };
        for w in ring.windows(2) {
            let e = edge(w[0], w[1]);
            let class = if on_clip_box(w[0], w[1]) {
                0
            } else if count[&e] >= 2 {
                if drawn.insert(e) {
                    1
                } else {
                    0
                }
            } else {
                2
            };
            if class != current.0 || current.1.last() != Some(&w[0]) {
                flush(&mut current);
                current.0 = class;
                current.1.push(w[0]);
            }
            current.1.push(w[1]);
        }
        flush(&mut current);
    }
    (borders, coasts)
}

/// Whether a point lies inside a polygon given as rings (even-odd: holes excluded).
pub(crate) fn contains(rings: &[Path], p: [f64; 2]) -> bool {
    let mut inside = false;
    for ring in rings {
        for w in ring.windows(2) {
            let (a, b) = (w[0], w[1]);
            if (a[1] > p[1]) != (b[1] > p[1]) {
                let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
                if p[0] < x {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basemap_reads_and_splits() {
        let b = basemap();
        assert_eq!(b.countries.len(), 35);
        let iraq = b.countries.iter().find(|c| c.name_en == "Iraq").unwrap();
        assert_eq!(
            (iraq.name_en.as_str(), iraq.name_ar.as_str()),
            ("Iraq", "العراق")
        );
        assert!(iraq.polygons.iter().any(|p| contains(p, iraq.label)));
        let baghdad = [44.40088, 33.34058];
        assert!(iraq.polygons.iter().any(|p| contains(p, baghdad)));
        let syria = b.countries.iter().find(|c| c.name_en == "Syria").unwrap();
        assert!(!syria.polygons.iter().any(|p| contains(p, baghdad)));
        assert!(!b.borders.is_empty() && !b.coasts.is_empty());
        assert_eq!(b.lakes.len(), 21);
        assert!(b.rivers.iter().any(|r| r.name_en == "Euphrates"));
        assert!(!b.admin1.is_empty());
        // No clip-box edge is drawn as a coast.
        assert!(b
            .coasts
            .iter()
            .all(|c| c.windows(2).all(|w| !on_clip_box(w[0], w[1]))));
    }
}
