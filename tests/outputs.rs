//! Outputs a report writer and a GIS analyst can use as they are (issue 14): every seed
//! feature dated and sourced from the manifest.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::convoy_ok;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn features(dir: &Path, name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["features"].as_array().unwrap().clone()
}

/// The seeds extracted into a temporary directory.
fn seeds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = root().join("seeds");
    convoy_ok(&[
        "extract",
        seeds.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    dir
}

#[test]
fn every_seed_feature_is_dated_and_sourced_from_the_manifest() {
    let dir = seeds();
    let manifest = std::fs::read_to_string(root().join("seeds/manifest.csv")).unwrap();
    let mut all = features(dir.path(), "movements.geojson");
    all.extend(features(dir.path(), "events.geojson"));
    assert!(all.len() > 40);
    for f in &all {
        let p = &f["properties"];
        let id = p["id"].as_str().unwrap();
        let date = p["event_date"]
            .as_str()
            .unwrap_or_else(|| panic!("{id}: no date"));
        assert_eq!(date.len(), 10, "{id}: {date}");
        let precision = p["time_precision"].as_u64().unwrap();
        assert!((1..=3).contains(&precision), "{id}: {precision}");
        if p["date_text"].is_null() {
            assert!(precision >= 2, "{id}: no date stated, yet precision 1");
        }
        // The manifest's line for the article, as the feature carries it.
        let line = manifest
            .lines()
            .find(|l| l.starts_with(p["doc"].as_str().unwrap()))
            .unwrap();
        let article_date = p["article_date"].as_str().unwrap();
        assert!(line.contains(&format!(",{article_date},")), "{id}");
        for key in ["source", "title"] {
            let v = p[key].as_str().unwrap_or_else(|| panic!("{id}: no {key}"));
            assert!(line.contains(v), "{id}: {key} {v}");
        }
        assert!(p["url"].is_null(), "{id}: the seeds have no URLs");
    }
    let by_id = |id: &str| {
        let f = all.iter().find(|f| f["id"] == id).unwrap();
        let p = &f["properties"];
        (p["event_date"].clone(), p["time_precision"].clone())
    };
    // Stated: the day. Told in a report of 8 January 2020: near that day. Planned then: vaguer.
    // In an article dated only February 2026: the middle of the month.
    assert_eq!(
        by_id("003_772795c6d2f65b54-m1"),
        ("2011-12-18".into(), 1.into())
    );
    assert_eq!(
        by_id("000_943bcec6441ca9da-m3"),
        ("2020-01-08".into(), 2.into())
    );
    assert_eq!(
        by_id("000_943bcec6441ca9da-m9"),
        ("2020-01-08".into(), 3.into())
    );
    assert_eq!(
        by_id("004_cec0cb9a2edc8622-e1"),
        ("2026-02-15".into(), 3.into())
    );
}

/// The names in the first column of the contract's tables, under each `## DIR/<file>` heading.
fn documented(contract: &str, file: &str) -> Vec<String> {
    let section = contract
        .split("\n## ")
        .find(|s| s.starts_with(&format!("DIR/{file}")))
        .unwrap_or_else(|| panic!("no section for {file}"));
    section
        .lines()
        .filter_map(|l| l.strip_prefix('|'))
        .filter_map(|l| l.split('|').next())
        .flat_map(|names| names.split(','))
        .map(|n| n.trim().to_owned())
        .collect()
}

#[test]
fn the_contract_in_the_project_documents_every_property_written() {
    let contract = std::fs::read_to_string(root().join("docs/output-contract.md")).unwrap();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains("(docs/output-contract.md)"),
        "README links it"
    );
    let dir = seeds();
    for file in ["movements.geojson", "events.geojson", "places.geojson"] {
        let names = documented(&contract, file);
        for f in features(dir.path(), file) {
            for key in f["properties"].as_object().unwrap().keys() {
                assert!(
                    names.contains(key),
                    "{file}: `{key}` is not in the contract"
                );
            }
        }
    }
    let csv = std::fs::read_to_string(dir.path().join("unresolved.csv")).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(contract.contains(&format!("`{header}`")), "{header}");
}

/// A feature's element id in the SVG, as the contract's rule makes it from the feature id: a
/// `_` before an id that does not start with a letter or `_` (the seeds' ids need no escapes).
fn svg_id(feature_id: &str) -> String {
    assert!(feature_id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
    match feature_id.chars().next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => feature_id.to_owned(),
        _ => format!("_{feature_id}"),
    }
}

/// The element drawn for feature `id` (found by its XML id, and carrying the feature id in
/// `data-feature-id`), when something is drawn for it.
fn element_of<'a, 'i>(
    svg: &'a roxmltree::Document<'i>,
    id: &str,
) -> Option<roxmltree::Node<'a, 'i>> {
    let node = svg
        .descendants()
        .find(|n| n.attribute("id") == Some(svg_id(id).as_str()))?;
    assert_eq!(node.attribute("data-feature-id"), Some(id));
    Some(node)
}

/// The colours an element and what it holds paint (`fill` and `stroke`), in lower case, leaving
/// out greys (casings, halos and outlines are white or grey; only "actor not stated" is a grey
/// feature colour, and `contains` still tells it).
fn colours_of(node: roxmltree::Node) -> std::collections::BTreeSet<String> {
    node.descendants()
        .flat_map(|n| [n.attribute("fill"), n.attribute("stroke")])
        .flatten()
        .filter(|c| c.starts_with('#') && c.len() == 7)
        .map(str::to_ascii_lowercase)
        .filter(|c| !(c[1..3] == c[3..5] && c[3..5] == c[5..7]))
        .collect()
}

/// Checks the SVG element of feature `id` is drawn in `colour` and no other colour; false when
/// nothing is drawn for it.
fn drawn_in(svg: &roxmltree::Document, id: &str, colour: &str) -> bool {
    let Some(node) = element_of(svg, id) else {
        return false;
    };
    let grey = colour[1..3] == colour[3..5] && colour[3..5] == colour[5..7];
    let want: std::collections::BTreeSet<String> = if grey {
        Default::default()
    } else {
        [colour.to_ascii_lowercase()].into()
    };
    assert_eq!(colours_of(node), want, "{id}");
    let all: Vec<&str> = node
        .descendants()
        .flat_map(|n| [n.attribute("fill"), n.attribute("stroke")])
        .flatten()
        .collect();
    assert!(
        all.iter().any(|c| c.eq_ignore_ascii_case(colour)),
        "{id}: {colour} not drawn"
    );
    true
}

/// The distinct colours of a PNG's pixels, as `#rrggbb`.
fn png_colours(path: &Path) -> std::collections::BTreeSet<String> {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buf[..info.buffer_size()]
        .chunks_exact(3)
        .map(|p| format!("#{:02x}{:02x}{:02x}", p[0], p[1], p[2]))
        .collect()
}

/// One colour per actor and per event type in every output (issue 14, item 2): the GeoJSON's
/// simplestyle `stroke` and `marker-color`, the SVG (the element whose id is a movement's or
/// an event's feature id is drawn in that colour), the PNGs and the QGIS styles (.qml).
#[test]
fn same_colour_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = root().join("seeds");
    let out = dir.path().to_str().unwrap();
    convoy_ok(&["map", seeds.to_str().unwrap(), "-o", out]);
    let text = std::fs::read_to_string(dir.path().join("overview.svg")).unwrap();
    let svg = roxmltree::Document::parse(&text).unwrap();
    let mut by_actor: std::collections::BTreeMap<String, String> = Default::default();
    let mut undrawn = 0;
    let mut pngs = std::collections::BTreeMap::new();
    for m in features(dir.path(), "movements.geojson") {
        let p = &m["properties"];
        let (id, stroke) = (p["id"].as_str().unwrap(), p["stroke"].as_str().unwrap());
        let actor = p["actor"].as_str().unwrap_or("-").to_owned();
        // One actor, one colour, across the articles.
        let first = by_actor.entry(actor.clone()).or_insert(stroke.to_owned());
        assert_eq!(first, stroke, "{actor}");
        // The element drawn for the movement is drawn in its stroke (a movement too short to
        // draw at the overview's scale has none).
        if !drawn_in(&svg, id, stroke) {
            undrawn += 1;
        }
        // Into a country or region: an open arrowhead, filled with the page's white (so are the
        // discs under waypoints, hence only movements without any).
        if let (Some(node), true) = (element_of(&svg, id), p["via"] == Value::Array(vec![])) {
            let open = node
                .descendants()
                .any(|n| n.attribute("fill") == Some("#FFFFFF"));
            assert_eq!(open, p["destination_coarse"] == true, "{id}: open head");
        }
        // And its article's own map uses the same colour (maps no longer number actors).
        let stem = p["doc"].as_str().unwrap().trim_end_matches(".txt");
        let png = pngs
            .entry(stem.to_owned())
            .or_insert_with(|| png_colours(&dir.path().join(format!("{stem}.png"))));
        assert!(png.contains(stroke), "{id}: {stroke} not in {stem}.png");
    }
    assert!(
        undrawn <= 2,
        "{undrawn} movements not drawn in the overview"
    );
    assert_eq!(by_actor["United States"], "#1f77b4");
    // Every event is an element of its own, drawn in its type's marker-color.
    let events = features(dir.path(), "events.geojson");
    let mut by_type: std::collections::BTreeMap<String, String> = Default::default();
    for e in &events {
        let p = &e["properties"];
        let (id, colour) = (
            p["id"].as_str().unwrap(),
            p["marker-color"].as_str().unwrap(),
        );
        let t = p["event_type"].as_str().unwrap().to_owned();
        assert_eq!(
            by_type.entry(t.clone()).or_insert(colour.to_owned()),
            colour,
            "{t}"
        );
        assert!(drawn_in(&svg, id, colour), "{id}: no element");
    }
    assert!(events.len() > 30);
    // The QGIS styles beside the layers draw each feature in its GeoJSON colour: its actor's
    // or its type's class, or for the rest (the class "") the colour grey like a movement with
    // no actor, and the feature's own colour by expression.
    let movement_classes = qml_classes(dir.path(), "movements.qml");
    for (actor, stroke) in &by_actor {
        let class = if actor == "-" { "" } else { actor.as_str() };
        assert_eq!(movement_classes[class], [stroke.clone()].into(), "{actor}");
    }
    let event_classes = qml_classes(dir.path(), "events.qml");
    for (t, colour) in &by_type {
        assert_eq!(event_classes[t.as_str()], [colour.clone()].into(), "{t}");
    }
}

/// The widest open line in `colour` an element holds, in px: the shaft, not a head's outline
/// (a closed ring); plotters draws lines at 8× inside a `scale(0.125)` group. None for a
/// movement too short to draw a shaft.
fn widest_stroke(node: roxmltree::Node, colour: &str) -> Option<f64> {
    let open = |n: &roxmltree::Node| {
        let pts: Vec<&str> = n
            .attribute("points")
            .unwrap_or("")
            .split_whitespace()
            .collect();
        pts.first() != pts.last()
    };
    node.descendants()
        .filter(|n| n.has_tag_name("polyline") && open(n))
        .filter(|n| n.parent().and_then(|g| g.attribute("transform")) == Some("scale(0.125)"))
        .filter(|n| {
            n.attribute("stroke")
                .is_some_and(|s| s.eq_ignore_ascii_case(colour))
        })
        .filter_map(|n| n.attribute("stroke-width")?.parse::<f64>().ok())
        .map(|w| w / 8.0)
        .reduce(f64::max)
}

#[test]
fn geojson_stroke_width_is_the_width_the_map_draws() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = root().join("seeds");
    convoy_ok(&[
        "map",
        seeds.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(dir.path().join("overview.svg")).unwrap();
    let svg = roxmltree::Document::parse(&text).unwrap();
    let mut compared = 0;
    let mut widths = std::collections::BTreeSet::new();
    for m in features(dir.path(), "movements.geojson") {
        let p = &m["properties"];
        let id = p["id"].as_str().unwrap();
        let (stroke, width) = (
            p["stroke"].as_str().unwrap(),
            p["stroke-width"].as_f64().unwrap(),
        );
        let Some(drawn) = element_of(&svg, id).and_then(|n| widest_stroke(n, stroke)) else {
            continue;
        };
        // The GeoJSON's width is to 0.1 px, the map's to 1/8 px.
        assert!(
            (drawn - width).abs() <= 0.15,
            "{id}: {width} in the GeoJSON, {drawn} drawn"
        );
        widths.insert((width * 10.0) as i64);
        compared += 1;
    }
    assert!(compared >= 10, "{compared} movements compared");
    assert!(
        widths.len() >= 2,
        "only one width among the seeds: {widths:?}"
    );
}

/// The classes of a QGIS style's categorized renderer: each value, and the colours its
/// symbol's layers draw in (leaving out locked layers: the white halo), as `#rrggbb`.
fn qml_classes(
    dir: &Path,
    name: &str,
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&text, opts).unwrap();
    let symbol = |i: &str| {
        doc.descendants()
            .find(|n| {
                n.has_tag_name("symbol")
                    && n.attribute("name") == Some(i)
                    && n.parent().is_some_and(|p| p.has_tag_name("symbols"))
            })
            .unwrap()
    };
    let hex = |rgba: &str| {
        let c: Vec<u8> = rgba.split(',').map(|v| v.parse().unwrap()).collect();
        format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
    };
    doc.descendants()
        .filter(|n| n.has_tag_name("category"))
        .map(|c| {
            let colours = symbol(c.attribute("symbol").unwrap())
                .children()
                .filter(|l| l.attribute("locked") == Some("0"))
                .flat_map(|l| l.descendants())
                .filter(|o| matches!(o.attribute("name"), Some("line_color" | "color")))
                .map(|o| hex(o.attribute("value").unwrap()))
                .collect();
            (c.attribute("value").unwrap().to_owned(), colours)
        })
        .collect()
}

/// A file of the GDAL-style fixtures.
fn gdal_fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/render/gdal").join(name)
}

#[test]
fn render_reads_layers_as_gdal_writes_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("us.svg");
    let (movements, events) = (
        gdal_fixture("movements_us.geojson"),
        gdal_fixture("events_attacks.geojson"),
    );
    convoy_ok(&[
        "render",
        movements.to_str().unwrap(),
        events.to_str().unwrap(),
        "-o",
        svg_path.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&svg_path).unwrap();
    let svg = roxmltree::Document::parse(&text).unwrap();
    // Ids from the Feature `id` member, a number among them; colours as the GeoJSON's.
    assert!(drawn_in(&svg, "a-m1", "#1f77b4"), "a-m1 drawn");
    assert!(drawn_in(&svg, "b-m1", "#555555"), "no actor: grey");
    assert!(element_of(&svg, "7").is_some(), "feature 7 drawn as _7");
    let data = convoy::render::MapData::from_paths(&[movements, events]).unwrap();
    let m = data.movements();
    assert_eq!((m[0].vehicles, m[1].vehicles), (Some(120), Some(40)));
    assert_eq!(m[0].event_date.as_deref(), Some("2020-01-08"));
    assert_eq!(m[1].actor, None);
    assert!(
        m[1].destination_coarse && !m[0].destination_coarse,
        "1 is true"
    );
    assert_eq!(
        m[0].origin_name, "kharab_al_jir_airfield",
        "the id names it"
    );
    assert_eq!(data.events()[0].id, "b-e2");
}

#[test]
fn render_says_all_a_filtered_layer_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_convoy"))
        .arg("render")
        .arg(gdal_fixture("movements_selected.geojson"))
        .arg("-o")
        .arg(dir.path().join("x.png"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(
            "movements_selected.geojson: feature 1 (id \"a-m1\"): missing properties `actor`, \
             `origin`, `destination`, `status`, which a movement needs (see \
             docs/output-contract.md; a layer filtered with `ogr2ogr -select` must keep them)"
        ),
        "{stderr}"
    );
}

/// A place of `places.geojson` by id: its kind, country and point.
fn place_of<'a>(places: &'a [Value], id: &str) -> &'a Value {
    places
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in places.geojson"))
}

fn point_of(v: &Value) -> geo::Point {
    geo::Point::new(v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

/// The area of a place that is a whole country, governorate or region convoy outlines.
fn area_of(place: &Value) -> Option<&'static convoy::areas::Area> {
    let p = &place["properties"];
    match p["kind"].as_str().unwrap() {
        "country" => convoy::areas::country(p["country"].as_str().unwrap()),
        "governorate" | "region" => convoy::areas::region(p["id"].as_str().unwrap()),
        _ => None,
    }
}

/// Checks the coarse end of `line` (whose last vertex is that end) whose nearest stated place
/// is `stated` (None when the other end is an area too).
fn check_coarse_end(id: &str, line: &[geo::Point], stated: Option<geo::Point>, place: &Value) {
    use geo::{Distance, Haversine};
    let Some(area) = area_of(place) else {
        return;
    };
    let end = line[line.len() - 1];
    assert!(
        area.contains(end),
        "{id}: the end {end:?} is outside the area"
    );
    match stated {
        None => assert_eq!(end, area.interior, "{id}: area to area"),
        Some(s) if area.contains(s) => {
            let d = Haversine.distance(s, end);
            assert!(
                (d - 20_000.0).abs() < 500.0,
                "{id}: a stub from inside, {d}"
            );
        }
        Some(_) => {
            let d = area.to_border_m(end);
            assert!(d < 22_000.0, "{id}: {d} m inside the border");
            // Only the stub runs inside: not on to the capital or the region's representative
            // town, as the line did when it ended at the gazetteer point.
            for v in line.iter().filter(|v| area.contains(**v)) {
                let d = Haversine.distance(*v, end);
                assert!(d < 20_500.0, "{id}: {v:?} inside, {d} m before the end");
            }
        }
    }
}

#[test]
fn coarse_ends_stop_at_the_border_and_events_in_an_area_at_its_interior() {
    let dir = seeds();
    let checked = check_coarse_ends(dir.path());
    assert!(checked >= 10, "{checked} coarse ends");
    // `near --along` reads the same lines: no Q-West "152 km along" an invented leg to Baghdad.
    let rows = near_along(&dir.path().join("movements.geojson"), "20km");
    for r in &rows {
        let into_iraq = ["000_943bcec6441ca9da-m2", "000_943bcec6441ca9da-m3"];
        if into_iraq.contains(&r["movement"].as_str().unwrap()) {
            assert_ne!(r["id"], "qayyarah_airfield_west", "{r}");
            assert_ne!(r["id"], "baghdad_city", "{r}");
        }
    }
}

/// An article of our own whose ends are regions: a trip from a Syrian base into the Kurdistan
/// Region, one from a base inside it to it, one from northern Syria to western Iraq, and a
/// withdrawal from north-east Syria.
const REGIONS_ARTICLE: &str = "رتل أمريكي يغادر سوريا نحو إقليم كردستان

انسحب رتل للقوات الأمريكية يضم 30 آلية من قاعدة قسرك باتجاه إقليم كردستان العراق.

وقالت مصادر محلية إن القوات الأمريكية انسحبت من مواقع في شمال شرق سوريا.

وفي سياق متصل، نقلت القوات الأمريكية جنودا من قاعدة حرير إلى إقليم كردستان.

كما انتقل رتل للتحالف الدولي من شمال سوريا إلى غرب العراق.
";

#[test]
fn region_ends_stop_at_the_region_border_and_near_along_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("regions.txt");
    std::fs::write(&article, REGIONS_ARTICLE).unwrap();
    let out = dir.path().join("out");
    convoy_ok(&[
        "extract",
        article.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let movements = features(&out, "movements.geojson");
    let ends: Vec<(String, String, String)> = movements
        .iter()
        .map(|f| {
            let p = &f["properties"];
            let s = |k: &str| p[k].as_str().unwrap().to_owned();
            (s("origin"), s("destination"), s("destination_outline"))
        })
        .collect();
    let kri = "kurdistan_region_iraq";
    let want = [
        ("qasrak_base", kri, "boundary"),
        ("harir_airbase", kri, "boundary"),
        ("northern_syria", "western_iraq", "approximate"),
    ];
    for (want, got) in want.iter().zip(&ends) {
        assert_eq!((want.0, want.1, want.2), (&*got.0, &*got.1, &*got.2));
    }
    let events = features(&out, "events.geojson");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["properties"]["place"], "northeast_syria");
    assert_eq!(events[0]["properties"]["outline"], "approximate");
    // Every end checked against its polygon: three destinations, one origin, one event.
    assert_eq!(check_coarse_ends(&out), 5);
    // The line from Qasrak stops a stub inside the region, 40-odd km short of Erbil: nothing
    // at Erbil lies within 20 km of it, as everything did when it ran on to Erbil's point.
    let rows = near_along(&out.join("movements.geojson"), "20km");
    let m1: Vec<&str> = rows
        .iter()
        .filter(|r| r["movement"] == "regions-m1")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(!m1.is_empty(), "places along the route across Nineveh");
    for erbil in ["erbil_city", "erbil_intl_airport", "erbil_governorate"] {
        assert!(!m1.contains(&erbil), "{erbil} along {m1:?}");
    }
}

/// `convoy near --along MOVEMENTS --within DISTANCE`'s rows.
fn near_along(movements: &Path, within: &str) -> Vec<Value> {
    let o = Command::new(env!("CARGO_BIN_EXE_convoy"))
        .args(["near", "--along"])
        .arg(movements)
        .args(["--within", within, "--format", "json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Checks every coarse end of the movements in DIR against its area (see [`check_coarse_end`])
/// and that every event at a whole area stands at its interior point; how many ends it checked.
fn check_coarse_ends(dir: &Path) -> usize {
    let places = features(dir, "places.geojson");
    let mut checked = 0;
    for f in features(dir, "movements.geojson") {
        let p = &f["properties"];
        let id = p["id"].as_str().unwrap();
        let line: Vec<geo::Point> = f["geometry"]["coordinates"]
            .as_array()
            .unwrap()
            .iter()
            .map(point_of)
            .collect();
        let stated: Vec<&str> = std::iter::once(&p["origin"])
            .chain(p["via"].as_array().unwrap())
            .chain(std::iter::once(&p["destination"]))
            .map(|v| v.as_str().unwrap())
            .collect();
        let (origin, destination) = (
            place_of(&places, stated[0]),
            place_of(&places, stated[stated.len() - 1]),
        );
        let at = |id: &str| point_of(&place_of(&places, id)["geometry"]["coordinates"]);
        let inner = &stated[usize::from(area_of(origin).is_some())
            ..stated.len() - usize::from(area_of(destination).is_some())];
        for (end, place) in [("origin", origin), ("destination", destination)] {
            let drawn_by = area_of(place).map_or("point", |a| a.basis.as_str());
            let want = if p[format!("{end}_coarse")] == true {
                Value::from(drawn_by)
            } else {
                Value::Null
            };
            assert_eq!(p[format!("{end}_outline")], want, "{id} {end}");
        }
        if p["destination_coarse"] == true {
            let last = inner.last().map(|s| at(s));
            check_coarse_end(id, &line, last, destination);
            checked += 1;
        }
        if p["origin_coarse"] == true {
            let back: Vec<geo::Point> = line.iter().rev().copied().collect();
            check_coarse_end(id, &back, inner.first().map(|s| at(s)), origin);
            checked += 1;
        }
    }
    for e in features(dir, "events.geojson") {
        let place = place_of(&places, e["properties"]["place"].as_str().unwrap());
        if let Some(area) = area_of(place) {
            let at = point_of(&e["geometry"]["coordinates"]);
            assert_eq!(at, area.interior, "{}", e["id"]);
            assert!(area.contains(at), "{}", e["id"]);
            checked += 1;
        }
    }
    checked
}

/// The place labels of `places.qml` in DIR: the text-style's expression.
fn qml_label(dir: &Path) -> String {
    let text = std::fs::read_to_string(dir.join("places.qml")).unwrap();
    let start = text.find("fieldName=\"").unwrap() + "fieldName=\"".len();
    let end = start + text[start..].find('"').unwrap();
    text[start..end]
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
}

#[test]
fn extract_writes_qgis_styles_labelled_in_english_or_as_asked() {
    let dir = seeds();
    assert_eq!(qml_label(dir.path()), "\"name_en\"");
    for name in ["movements.qml", "events.qml"] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(text.contains("startField=\"event_date\""), "{name}");
    }
    let seeds = root().join("seeds");
    let out = dir.path().to_str().unwrap();
    convoy_ok(&[
        "extract",
        seeds.to_str().unwrap(),
        "-o",
        out,
        "--labels",
        "ar",
    ]);
    assert_eq!(
        qml_label(dir.path()),
        "coalesce(nullif(trim(\"name_ar\"), ''), \"name_en\")"
    );
}
