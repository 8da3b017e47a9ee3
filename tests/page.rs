//! The interactive page `convoy map` writes (`index.html`): self-contained, the same bytes for
//! the same input, as many features as the GeoJSON beside it, and article text that cannot
//! break out of its data block. tests/browser/ drives it in Chromium.

mod common;

use std::path::{Path, PathBuf};

use common::{convoy, stderr};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `convoy map INPUT -o OUT ARGS` and returns the page.
fn map(input: &Path, out: &Path, args: &[&str]) -> String {
    let mut all = vec![
        "map",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
    ];
    all.extend(args);
    let o = convoy(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read_to_string(out.join("index.html")).unwrap()
}

/// The page's data block, parsed.
fn data(page: &str) -> Value {
    let start = page.find("id=\"convoy-data\">").unwrap() + "id=\"convoy-data\">".len();
    let len = page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..start + len]).unwrap()
}

/// The page without the contents of its script and style elements.
fn markup(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(open) = rest.find(['<']).filter(|_| !rest.is_empty()) {
        let tag = &rest[open..];
        let end = ["<script", "<style"]
            .iter()
            .find(|t| tag.starts_with(**t))
            .map(|t| tag.find(&format!("</{}>", &t[1..])).unwrap());
        match end {
            Some(end) => {
                out.push_str(&rest[..open]);
                let close = tag[end..].find('>').unwrap() + 1;
                rest = &tag[end + close..];
            }
            None => {
                out.push_str(&rest[..open + 1]);
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn features(dir: &Path, name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["features"].as_array().unwrap().clone()
}

/// How many members the routes or sites stand for.
fn members(list: &Value) -> usize {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x["members"].as_array().unwrap().len())
        .sum()
}

#[test]
fn the_seeds_page_is_self_contained_repeatable_and_counts_every_feature() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let seeds = root().join("seeds");
    let page = map(&seeds, a.path(), &[]);
    assert_eq!(page, map(&seeds, b.path(), &[]), "not byte-identical");
    assert!(page.len() < 2_000_000, "{} bytes", page.len());
    // Nothing to fetch: no src or href attribute in the markup, and a policy that forbids it.
    let html = markup(&page);
    assert!(
        !html.contains(" src=") && !html.contains(" href="),
        "{html}"
    );
    assert!(page.contains("default-src 'none'"));
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));

    let d = data(&page);
    let c = &d["content"];
    let movements = features(a.path(), "movements.geojson");
    let events = features(a.path(), "events.geojson");
    let places = features(a.path(), "places.geojson");
    assert_eq!(c["counts"]["movements"], movements.len());
    assert_eq!(c["counts"]["events"], events.len());
    assert_eq!(c["counts"]["places"], places.len());
    assert_eq!(members(&c["routes"]), movements.len());
    assert_eq!(members(&c["sites"]), events.len());
    let marked = places
        .iter()
        .filter(|p| p["properties"]["kind"] != "country");
    assert_eq!(c["places"].as_array().unwrap().len(), marked.count());
    // Every movement is drawn in its GeoJSON colour, and its evidence is in the page when it is
    // the first of its route's reports with that evidence.
    let actors = c["actors"].as_array().unwrap();
    for m in &movements {
        let p = &m["properties"];
        let route = c["routes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| {
                r["details"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x["id"] == p["id"])
            })
            .unwrap_or_else(|| panic!("{} is not in the page in full", p["id"]));
        let colour = match route["actor"].as_u64() {
            Some(i) => actors[i as usize]["colour"].clone(),
            None => Value::from("#555555"),
        };
        assert_eq!(colour, p["stroke"], "{}", p["id"]);
        let detail = route["details"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == p["id"])
            .unwrap();
        assert_eq!(detail["evidence"], p["evidence"]);
    }
    // Dates are sorted and distinct, and every dated feature's date is among them.
    let dates: Vec<&str> = c["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
    for f in movements.iter().chain(&events) {
        if let Some(date) = f["properties"]["event_date"].as_str() {
            assert!(dates.contains(&date), "{date}");
        }
    }
}

#[test]
fn arabic_labels_give_a_right_to_left_arabic_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = map(&root().join("seeds"), dir.path(), &["--labels", "ar"]);
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    let d = data(&page);
    assert_eq!(d["lang"], "ar");
    // The ends carry the gazetteer's Arabic names.
    let named = d["content"]["routes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["to"]["ar"].is_string())
        .count();
    assert!(named > 0);
}

#[test]
fn article_text_cannot_break_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = map(
        &root().join("tests/fixtures/page-hostile"),
        dir.path(),
        &["--title", "</title><script>alert(3)</script>"],
    );
    // Three script elements (Leaflet, the data, the page's own), each closed once.
    assert_eq!(page.matches("<script").count(), 3);
    assert_eq!(page.matches("</script>").count(), 3);
    assert!(!page.contains("<img"));
    assert!(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>"));
    // The evidence is in the data as written, markup and all.
    let d = data(&page);
    let text = d["content"].to_string();
    assert!(text.contains(r#"</script><script>document.title=\"pwned\"</script>"#));
    assert!(text.contains("<img src=x onerror=alert(2)>"));
    assert_eq!(d["content"]["docs"][0]["url"], "javascript:alert(1)");
}
