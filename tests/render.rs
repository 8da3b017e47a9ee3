//! The map renderer on the fixtures in `tests/fixtures/render/`: PNGs of the size asked that
//! are not blank, SVG that parses, the same bytes twice, errors that name file and feature.
//!
//! Set `CONVOY_RENDER_PREVIEW=DIR` to also write the maps drawn here to DIR for a look.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use convoy::render::{
    render_png, render_svg, render_svg_and_png, Labels, MapData, MapOptions, Scene, Theme,
};
use resvg::usvg;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render")
}

fn fixture_data() -> Scene {
    Scene::from_paths(&[fixtures()]).unwrap()
}

fn preview(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("CONVOY_RENDER_PREVIEW") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(Path::new(&dir).join(name), bytes).unwrap();
    }
}

/// Decodes a PNG into (width, height, RGB bytes).
fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// How many distinct colours, and the share of pixels unlike the most common one.
fn colour_stats(rgb: &[u8]) -> (usize, f64) {
    let mut counts = std::collections::HashMap::new();
    for p in rgb.chunks_exact(3) {
        *counts.entry([p[0], p[1], p[2]]).or_insert(0usize) += 1;
    }
    let total = rgb.len() / 3;
    let top = counts.values().copied().max().unwrap_or(0);
    (counts.len(), 1.0 - top as f64 / total as f64)
}

#[test]
fn fixtures_read_as_contract_files() {
    let data = fixture_data();
    assert_eq!(data.counts(), (3, 4, 8));
    assert_eq!(data.date_range(), Some(("2019-10-20", "2020-01-12")));
    assert_eq!(data.docs().len(), 3);
}

#[test]
fn overview_png_is_the_size_asked_and_not_blank() {
    let data = fixture_data();
    let opts = MapOptions::default();
    let png_bytes = render_png(&data, &opts).unwrap();
    preview("overview.png", &png_bytes);
    let (w, h, rgb) = decode(&png_bytes);
    assert_eq!((w, h), (2000, 1500));
    let (colours, not_background) = colour_stats(&rgb);
    assert!(colours > 500, "only {colours} colours");
    assert!(not_background > 0.4, "{not_background}");
}

#[test]
fn png_scale_multiplies_the_size() {
    let opts = MapOptions {
        width: 800,
        height: 600,
        scale: 1.5,
        labels: Labels::En,
        ..MapOptions::default()
    };
    let png_bytes = render_png(&fixture_data(), &opts).unwrap();
    let (w, h, _) = decode(&png_bytes);
    assert_eq!((w, h), (1200, 900));
    // 96 dpi times the scale, in the pHYs chunk: 144 dpi is 5669 pixels per metre.
    assert_eq!(dpi_of(&png_bytes), Some((5669, 5669)));
}

/// The pixels per metre a PNG's `pHYs` chunk states, read back by the png crate.
fn dpi_of(png_bytes: &[u8]) -> Option<(u32, u32)> {
    let reader = png::Decoder::new(std::io::Cursor::new(png_bytes))
        .read_info()
        .unwrap();
    let dims = reader.info().pixel_dims?;
    assert_eq!(dims.unit, png::Unit::Meter);
    Some((dims.xppu, dims.yppu))
}

#[test]
fn png_states_the_dpi_asked() {
    let opts = MapOptions {
        width: 800,
        height: 600,
        dpi: Some(300.0),
        ..MapOptions::default()
    };
    let png_bytes = render_png(&fixture_data(), &opts).unwrap();
    // 300 / 0.0254 = 11811.02 pixels per metre; the size in pixels is unchanged.
    assert_eq!(dpi_of(&png_bytes), Some((11811, 11811)));
    assert_eq!(decode(&png_bytes).0, 800);
    let bad = MapOptions {
        dpi: Some(0.0),
        ..MapOptions::default()
    };
    let e = render_png(&fixture_data(), &bad).unwrap_err().to_string();
    assert!(e.contains("dpi"), "{e}");
}

#[test]
fn svg_parses_and_carries_the_map() {
    let data = fixture_data();
    let svg = render_svg(&data, &MapOptions::default()).unwrap();
    preview("overview.svg", svg.as_bytes());
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).unwrap();
    assert_eq!(tree.size().width(), 2000.0);
    // Each movement is a group named by its id; the off-map destination is labelled; the
    // projection is stated for GIS users.
    for id in ["a-m1", "b-m1", "c-m1"] {
        let open = format!("<g id=\"{id}\" class=\"movement\" data-feature-id=\"{id}\">");
        assert!(svg.contains(&open), "{id}");
    }
    // In named layers, bottom to top, that Inkscape and Illustrator show as layers.
    let mut at = 0;
    for name in [
        "basemap",
        "movements",
        "places",
        "events",
        "labels",
        "frame",
        "legend",
    ] {
        let open =
            format!("<g id=\"{name}\" inkscape:groupmode=\"layer\" inkscape:label=\"{name}\">");
        let found = svg[at..].find(&open).unwrap_or_else(|| panic!("{name}"));
        at += found + open.len();
    }
    assert!(svg.contains("+proj=lcc"));
    // Text is <text>, editable, in the embedded fonts: the faces used, as @font-face data;
    // Arabic as its logical string, right to left, for the viewer to shape.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect();
    assert!(texts.len() > 20);
    for face in [
        "'Noto Sans'; font-weight: normal",
        "'Noto Sans'; font-weight: bold",
        "'Noto Sans Arabic'; font-weight: normal",
    ] {
        assert!(
            svg.contains(&format!(
                "@font-face {{ font-family: {face}; src: url(data:font/ttf;base64,AAEAAA"
            )),
            "{face}"
        );
    }
    let arabic = texts
        .iter()
        .find(|t| t.text().is_some_and(|s| s.starts_with('ق')))
        .expect("an Arabic label");
    assert_eq!(arabic.attribute("direction"), Some("rtl"));
    assert_eq!(
        arabic.attribute("font-family"),
        Some("'Noto Sans Arabic', 'Noto Sans'")
    );
    // No text is left as outlines (those are for the PNG: resvg has no text engine here).
    assert!(!svg.contains("aria-label"));
}

#[test]
fn same_input_same_bytes() {
    let data = fixture_data();
    for theme in [Theme::Light, Theme::Dark] {
        let opts = MapOptions {
            width: 1000,
            height: 750,
            theme,
            ..MapOptions::default()
        };
        let a = render_png(&data, &opts).unwrap();
        let b = render_png(&data, &opts).unwrap();
        assert!(a == b, "PNG bytes differ");
        let svg = render_svg(&data, &opts).unwrap();
        assert_eq!(svg, render_svg(&data, &opts).unwrap());
        // One drawing written both ways gives the same files as two drawings.
        let (svg_once, png_once) = render_svg_and_png(&data, &opts).unwrap();
        assert_eq!(svg_once, svg);
        assert!(png_once == a, "PNG bytes differ when drawn once for both");
    }
}

/// The fonts an SVG embeds, by `(family, bold)`: the `@font-face` data decoded.
fn embedded_fonts(svg: &str) -> BTreeMap<(String, bool), Vec<u8>> {
    use base64::Engine;
    let mut out = BTreeMap::new();
    for rule in svg.split("@font-face {").skip(1) {
        let family = rule.split('\'').nth(1).unwrap().to_owned();
        let bold = rule.contains("font-weight: bold");
        let data = rule
            .split("base64,")
            .nth(1)
            .and_then(|d| d.split(')').next())
            .unwrap();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap();
        out.insert((family, bold), bytes);
    }
    out
}

/// The whole embedded font of `(family, bold)`, as shipped in `assets/fonts/`.
fn whole_font(family: &str, bold: bool) -> Vec<u8> {
    let file = format!(
        "{}-{}.ttf",
        family.replace(' ', ""),
        if bold { "Bold" } else { "Regular" }
    );
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/fonts")
            .join(file),
    )
    .unwrap()
}

/// `text` shaped in `font` as a browser would shape it: each glyph's outline and advance.
fn shaped_outlines(font: &[u8], text: &str, rtl: bool) -> Vec<String> {
    use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
    struct Pts(String);
    impl OutlineBuilder for Pts {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0 += &format!("M{x} {y}");
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0 += &format!("L{x} {y}");
        }
        fn quad_to(&mut self, a: f32, b: f32, x: f32, y: f32) {
            self.0 += &format!("Q{a} {b} {x} {y}");
        }
        fn curve_to(&mut self, a: f32, b: f32, c: f32, d: f32, x: f32, y: f32) {
            self.0 += &format!("C{a} {b} {c} {d} {x} {y}");
        }
        fn close(&mut self) {
            self.0 += "Z";
        }
    }
    let face = rustybuzz::Face::from_slice(font, 0).unwrap();
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    if rtl {
        buffer.set_direction(rustybuzz::Direction::RightToLeft);
    }
    let shaped = rustybuzz::shape(&face, &[], buffer);
    shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| {
            let mut p = Pts(format!("{} {}:", pos.x_advance, pos.x_offset));
            if info.glyph_id == 0 {
                p.0 += "notdef";
            }
            face.outline_glyph(GlyphId(info.glyph_id as u16), &mut p);
            p.0
        })
        .collect()
}

#[test]
fn svg_fonts_are_cut_to_the_text_and_draw_it_as_the_whole_fonts_do() {
    // Arabic labels and furniture (joining forms, lam-alef, marks, digits), and both.
    for labels in [Labels::Ar, Labels::Both] {
        let opts = MapOptions {
            labels,
            ..MapOptions::default()
        };
        let svg = render_svg(&fixture_data(), &opts).unwrap();
        let fonts = embedded_fonts(&svg);
        assert!(fonts.contains_key(&("Noto Sans Arabic".to_owned(), false)));
        for ((family, bold), cut) in &fonts {
            let whole = whole_font(family, *bold);
            // The four faces took 1.5 MB; each is cut to a small part of itself.
            assert!(
                cut.len() * 5 < whole.len(),
                "{family}: {} of {}",
                cut.len(),
                whole.len()
            );
        }
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let mut checked = 0;
        for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let text = t.text().unwrap();
            let bold = t.attribute("font-weight") == Some("bold");
            let rtl = t.attribute("direction") == Some("rtl");
            let families: Vec<&str> = t
                .attribute("font-family")
                .unwrap()
                .split(", ")
                .map(|f| f.trim_matches('\''))
                .collect();
            // A renderer takes each character from the first family that has it: the cut
            // fonts must have exactly the characters the whole ones have, or it would fall
            // back differently.
            for family in &families {
                let whole = whole_font(family, bold);
                let whole = rustybuzz::Face::from_slice(&whole, 0).unwrap();
                let cut = fonts.get(&(family.to_string(), bold));
                let cut = cut.map(|c| rustybuzz::Face::from_slice(c, 0).unwrap());
                for c in text.chars() {
                    let in_whole = whole.glyph_index(c).is_some();
                    let in_cut = cut.as_ref().is_some_and(|f| f.glyph_index(c).is_some());
                    // A face no text is drawn in is not embedded at all.
                    assert!(
                        in_cut == in_whole || cut.is_none(),
                        "{family} {c:?} in {text:?}"
                    );
                }
            }
            // Shaped in the cut font, the text draws the glyphs (joined forms, ligatures,
            // marks) and advances the whole font draws.
            let first = (families[0].to_owned(), bold);
            let whole = whole_font(families[0], bold);
            let all_in_first = rustybuzz::Face::from_slice(&whole, 0)
                .map(|f| text.chars().all(|c| f.glyph_index(c).is_some()))
                .unwrap();
            if all_in_first {
                assert_eq!(
                    shaped_outlines(&fonts[&first], text, rtl),
                    shaped_outlines(&whole, text, rtl),
                    "{text}"
                );
                checked += 1;
            }
        }
        assert!(checked > 20, "{checked} texts checked");
    }
}

#[test]
fn svg_is_the_same_bytes_from_one_run_to_the_next() {
    let out = tempfile::tempdir().unwrap();
    let fixtures = fixtures();
    let run = |name: &str| {
        let file = out.path().join(name);
        let o = common::convoy(&[
            "render",
            fixtures.to_str().unwrap(),
            "-o",
            file.to_str().unwrap(),
            "--labels",
            "ar",
        ]);
        assert!(o.status.success(), "{}", common::stderr(&o));
        std::fs::read(file).unwrap()
    };
    assert!(run("a.svg") == run("b.svg"), "the SVG differs between runs");
}

/// Where each text the SVG writes stands (a `<text>`'s centre, an outline's first point), by
/// its text.
fn texts(svg: &str) -> Vec<(String, f64)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let mut out = Vec::new();
    for n in doc.descendants() {
        // A <text>: its x is its centre, which is what the tests below compare.
        if n.has_tag_name("text") {
            let x = n.attribute("x").and_then(|x| x.parse().ok());
            out.push((n.text().unwrap_or("").to_owned(), x.unwrap_or(f64::NAN)));
            continue;
        }
        let Some(label) = n.attribute("aria-label") else {
            continue;
        };
        // A haloed text's outline is in the path its <use> points at.
        let d = n.attribute("d").or_else(|| {
            let href = n.attribute(("http://www.w3.org/1999/xlink", "href"))?;
            let target = doc
                .descendants()
                .find(|m| m.attribute("id") == Some(&href[1..]))?;
            target.attribute("d")
        });
        let x = d
            .and_then(|d| d[1..].split(' ').next())
            .and_then(|x| x.parse().ok())
            .unwrap_or(f64::NAN);
        out.push((label.to_owned(), x));
    }
    out
}

#[test]
fn arabic_maps_are_arabic_and_mirrored() {
    let data = fixture_data();
    let draw = |labels| {
        let opts = MapOptions {
            labels,
            ..MapOptions::default()
        };
        texts(&render_svg(&data, &opts).unwrap())
    };
    let (ar, en) = (draw(Labels::Ar), draw(Labels::En));
    let x_of = |texts: &[(String, f64)], t: &str| {
        texts
            .iter()
            .find(|(l, _)| l == t)
            .unwrap_or_else(|| panic!("no {t}"))
            .1
    };
    // The legend in Arabic, on the left; in English, on the right.
    assert!(x_of(&ar, "الإسقاط") < 500.0);
    assert!(x_of(&en, "Projection") > 1500.0);
    for heading in ["التحركات، حسب الجهة", "الأحداث", "الأماكن"] {
        assert!(x_of(&ar, heading) < 500.0, "{heading}");
    }
    // Title, scale, north arrow, degrees: no English word is left but names (Natural Earth,
    // WGS 84, convoy, the fonts' and licences' names).
    let keep = [
        "convoy",
        "Natural",
        "Earth",
        "WGS",
        "OFL",
        "Noto",
        "GeoNames",
        "CC",
        "BY",
        "OurAirports",
    ];
    for (text, _) in &ar {
        for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
            assert!(word.is_empty() || keep.contains(&word), "{word} in {text}");
        }
    }
    assert!(
        ar.iter().any(|(t, _)| t.ends_with(" كم")),
        "the scale in km"
    );
    assert!(ar.iter().any(|(t, _)| t == "ش"), "north");
    // The Arabic title stands on the right.
    let title = ar
        .iter()
        .find(|(t, _)| t.starts_with("تحركات القوات"))
        .unwrap();
    assert!(title.1 > 1000.0, "{title:?}");
    // English maps are wholly English: no Arabic letter.
    for (text, _) in &en {
        assert!(
            !text.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
            "{text}"
        );
    }
}

#[test]
fn themes_and_label_languages_all_draw() {
    let data = fixture_data();
    for (theme, labels, name) in [
        (Theme::Dark, Labels::Both, "dark.png"),
        (Theme::Light, Labels::Ar, "arabic.png"),
        (Theme::Light, Labels::En, "english.png"),
    ] {
        let opts = MapOptions {
            theme,
            labels,
            ..MapOptions::default()
        };
        let png_bytes = render_png(&data, &opts).unwrap();
        preview(name, &png_bytes);
        let (_, _, rgb) = decode(&png_bytes);
        let (colours, not_background) = colour_stats(&rgb);
        assert!(
            colours > 500 && not_background > 0.4,
            "{name}: {colours} {not_background}"
        );
    }
}

#[test]
fn bbox_overrides_the_fit() {
    let data = fixture_data();
    let opts = MapOptions {
        bbox: Some([38.0, 32.5, 45.0, 37.5]),
        ..MapOptions::default()
    };
    let svg = render_svg(&data, &opts).unwrap();
    assert!(
        svg.contains("+lat_1=33.33"),
        "parallels at 1/6 and 5/6 of 32.5–37.5"
    );
    assert!(svg.contains("+lon_0=41.5 "));
}

#[test]
fn empty_data_draws_a_basemap_saying_so() {
    let opts = MapOptions::default();
    let svg = render_svg(&Scene::default(), &opts).unwrap();
    assert!(svg.contains("no movements found"));
    let png_bytes = render_png(&Scene::default(), &opts).unwrap();
    preview("empty.png", &png_bytes);
    let (w, h, rgb) = decode(&png_bytes);
    assert_eq!((w, h), (2000, 1500));
    assert!(colour_stats(&rgb).0 > 100);
    // An empty FeatureCollection reads as empty data.
    let empty = Scene::from_geojson_str(
        "events.geojson",
        r#"{"type":"FeatureCollection","features":[]}"#,
    )
    .unwrap();
    assert!(empty.is_empty());
}

#[test]
fn subtitle_defaults_to_dates_and_articles() {
    let svg = render_svg(&fixture_data(), &MapOptions::default()).unwrap();
    assert!(svg.contains("2019-10-20 – 2020-01-12 · 3 articles"));
    let opts = MapOptions {
        subtitle: Some("Seeds 000–004".into()),
        ..MapOptions::default()
    };
    let svg = render_svg(&fixture_data(), &opts).unwrap();
    assert!(!svg.contains("3 articles"));
}

fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

#[test]
fn not_a_feature_collection_names_the_file() {
    let e = Scene::from_geojson_str("movements.geojson", r#"{"type":"Feature"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "movements.geojson: file: not a GeoJSON FeatureCollection (its \"type\" is \"Feature\")"
    );
    let e = Scene::from_geojson_str("movements.geojson", "[1, 2").unwrap_err();
    assert!(e
        .to_string()
        .starts_with("movements.geojson: file: not a GeoJSON FeatureCollection: "));
}

#[test]
fn missing_property_names_file_and_feature() {
    let text =
        read_fixture("movements.geojson").replacen("\"actor\":\"International coalition\",", "", 1);
    let e = Scene::from_geojson_str("movements.geojson", &text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "movements.geojson: feature 3 (id \"c-m1\"): missing property `actor`, which a movement \
         needs (see docs/output-contract.md; a layer filtered with `ogr2ogr -select` must keep \
         it)"
    );
    let text = read_fixture("places.geojson").replacen("\"kind\":\"crossing\",", "", 1);
    let e = Scene::from_geojson_str("places.geojson", &text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "places.geojson: feature 8 (id \"semalka_crossing\"): a Point that is neither an event \
         (no property `event_type`) nor a place (no property `kind`)"
    );
}

#[test]
fn out_of_range_coordinate_names_file_and_feature() {
    // Latitude and longitude swapped: 42.4412 is fine as a latitude, but 33.7856, 142.4412 is not.
    let text =
        read_fixture("events.geojson").replacen("[42.4412,33.7856]", "[33.7856,142.4412]", 1);
    let e = Scene::from_geojson_str("events.geojson", &text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "events.geojson: feature 1 (id \"b-e2\"): coordinate [33.7856, 142.4412] is out of range \
         (longitude −180..180, latitude −90..90, in that order)"
    );
}

#[test]
fn from_paths_reads_files_and_directories() {
    let files: Vec<PathBuf> = ["movements.geojson", "events.geojson", "places.geojson"]
        .iter()
        .map(|f| fixtures().join(f))
        .collect();
    assert_eq!(
        MapData::from_paths(&files).unwrap(),
        MapData::from_paths(&[fixtures()]).unwrap()
    );
    let dir = tempfile::tempdir().unwrap();
    let e = MapData::from_paths(&[dir.path().to_path_buf()]).unwrap_err();
    assert!(e
        .to_string()
        .ends_with("a directory with none of movements.geojson, events.geojson, places.geojson"));
    let e = MapData::from_paths(&[dir.path().join("nope.geojson")]).unwrap_err();
    assert!(e.to_string().contains("nope.geojson: cannot read"));
}

#[test]
fn features_read_twice_are_drawn_once() {
    // The same files again, and as files after their directory: every feature is already
    // there by its id, so the map is the same, to the byte.
    let files: Vec<PathBuf> = ["places.geojson", "events.geojson", "movements.geojson"]
        .iter()
        .map(|f| fixtures().join(f))
        .collect();
    let twice = Scene::from_paths(&[vec![fixtures()], files].concat()).unwrap();
    assert_eq!(twice.counts(), fixture_data().counts());
    let opts = MapOptions::default();
    assert_eq!(
        render_svg(&twice, &opts).unwrap(),
        render_svg(&fixture_data(), &opts).unwrap()
    );
}

#[test]
fn bad_options_are_refused() {
    let opts = MapOptions {
        width: 10,
        ..MapOptions::default()
    };
    let e = render_svg(&Scene::default(), &opts).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot draw the map: the map must be 200 to 20000 pixels wide and high, not 10×1500"
    );
    let opts = MapOptions {
        bbox: Some([45.0, 30.0, 40.0, 35.0]),
        ..MapOptions::default()
    };
    assert!(render_svg(&Scene::default(), &opts).is_err());
}

#[test]
fn dense_overview_draws() {
    // 32 movements (two to and from beyond the basemap), 24 events, 45 places.
    let data = Scene::from_paths(&[fixtures().join("dense")]).unwrap();
    assert_eq!(data.counts().0, 32);
    let png_bytes = render_png(&data, &MapOptions::default()).unwrap();
    preview("dense.png", &png_bytes);
    let (w, h, rgb) = decode(&png_bytes);
    assert_eq!((w, h), (2000, 1500));
    assert!(colour_stats(&rgb).0 > 1000);
}

#[test]
fn portrait_and_small_pages_draw() {
    // Text and symbols scale with the page; the legend keeps its side.
    let data = Scene::from_paths(&[fixtures().join("dense")]).unwrap();
    for (w, h, name) in [(1000, 1400, "portrait.png"), (800, 600, "small.png")] {
        let opts = MapOptions {
            width: w,
            height: h,
            ..MapOptions::default()
        };
        let png_bytes = render_png(&data, &opts).unwrap();
        preview(name, &png_bytes);
        let (pw, ph, rgb) = decode(&png_bytes);
        assert_eq!((pw, ph), (w, h));
        assert!(colour_stats(&rgb).0 > 300, "{name}");
    }
}
