//! The maps' embedded Natural Earth basemap as the page draws it: the box it covers (sea
//! inside, "no data" outside), country fills with their names, borders and coasts as lines (so the clip box's edge is not drawn), lakes and rivers;
//! `[lat, lon]` at 3 decimals (about 100 m, finer than a screen pixel at the zooms the page
//! allows), serialised once per process.

use std::sync::OnceLock;

use serde::Serialize;

use crate::render::basemap::{basemap, Path, CLIP_BOX};

/// The basemap as the page's JSON.
pub(crate) fn json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let b = basemap();
        let layers = Layers {
            bounds: [
                point([CLIP_BOX[0], CLIP_BOX[1]]),
                point([CLIP_BOX[2], CLIP_BOX[3]]),
            ],
            countries: b
                .countries
                .iter()
                .map(|c| Country {
                    en: &c.name_en,
                    ar: &c.name_ar,
                    label: (c.kind == "country" && c.label.iter().all(|v| v.is_finite()))
                        .then(|| point(c.label)),
                    polygons: c
                        .polygons
                        .iter()
                        .map(|rings| rings.iter().map(line).collect())
                        .collect(),
                })
                .collect(),
            borders: b.borders.iter().map(line).collect(),
            coasts: b.coasts.iter().map(line).collect(),
            lakes: b
                .lakes
                .iter()
                .flat_map(|l| l.paths.iter().map(line))
                .collect(),
            rivers: b
                .rivers
                .iter()
                .flat_map(|r| r.paths.iter().map(line))
                .collect(),
        };
        serde_json::to_string(&layers).expect("the basemap serialises")
    })
}

#[derive(Serialize)]
struct Layers<'a> {
    /// South-west and north-east corners of the box the data covers.
    bounds: [[f64; 2]; 2],
    countries: Vec<Country<'a>>,
    borders: Vec<Vec<[f64; 2]>>,
    coasts: Vec<Vec<[f64; 2]>>,
    lakes: Vec<Vec<[f64; 2]>>,
    rivers: Vec<Vec<[f64; 2]>>,
}

#[derive(Serialize)]
struct Country<'a> {
    en: &'a str,
    ar: &'a str,
    /// Where the name goes; none for slivers (disputed land, buffer zones).
    label: Option<[f64; 2]>,
    polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

/// `[lon, lat]` to `[lat, lon]` at 3 decimals.
fn point(p: [f64; 2]) -> [f64; 2] {
    [(p[1] * 1e3).round() / 1e3, (p[0] * 1e3).round() / 1e3]
}

/// A line or ring at 3 decimals, without the repeated vertices rounding makes.
fn line(path: &Path) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(path.len());
    for &p in path {
        let q = point(p);
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_basemap_is_small_and_names_the_countries() {
        let text = json();
        assert!(text.len() < 700_000, "{} bytes", text.len());
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let names: Vec<&str> = v["countries"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["en"].as_str())
            .collect();
        assert!(
            names.contains(&"Iraq") && names.contains(&"Syria"),
            "{names:?}"
        );
        assert!(!v["borders"].as_array().unwrap().is_empty());
        assert!(!v["rivers"].as_array().unwrap().is_empty());
    }

    #[test]
    fn rounding_drops_repeated_vertices() {
        let l = line(&vec![[44.0001, 33.0], [44.0002, 33.0], [45.0, 34.0]]);
        assert_eq!(l, vec![[33.0, 44.0], [34.0, 45.0]]);
    }
}
