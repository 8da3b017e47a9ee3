//! Regression tests for the failures of issue 16 (hardening), each named after its number
//! there, driving the real binary: decoding and offsets, `near -k`, closed pipes, and the
//! command line's manners.

mod common;
use common::{convoy, stderr, stdout};

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn seed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name)
}

fn seeds() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .display()
        .to_string()
}

/// Seed 000, the article the issue broke with one byte.
fn seed_000() -> Vec<u8> {
    std::fs::read(seed("000_943bcec6441ca9da.txt")).unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `extract FILE -o DIR` into a new temporary directory, which must succeed.
fn extract(file: &Path) -> (tempfile::TempDir, Output) {
    let out = tempfile::tempdir().unwrap();
    let o = convoy(&["extract", s(file), "-o", s(out.path())]);
    assert!(o.status.success(), "{}", stderr(&o));
    (out, o)
}

fn features(dir: &Path, name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["features"].as_array().unwrap().clone()
}

/// Every movement's and event's evidence_start..evidence_end, and every unresolved name's
/// start..end, slice the file's bytes to what `decode` makes of them.
fn offsets_slice_the_file(dir: &Path, file: &[u8], decode: impl Fn(&[u8]) -> String) {
    let mut checked = 0;
    for name in ["movements.geojson", "events.geojson"] {
        for f in features(dir, name) {
            let p = &f["properties"];
            let (a, b) = (
                p["evidence_start"].as_u64().unwrap() as usize,
                p["evidence_end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                decode(&file[a..b]),
                p["evidence"].as_str().unwrap(),
                "{}",
                p["id"]
            );
            checked += 1;
        }
    }
    let mut csv = csv::Reader::from_path(dir.join("unresolved.csv")).unwrap();
    for row in csv.records() {
        let row = row.unwrap();
        let (a, b): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
        assert_eq!(decode(&file[a..b]), &row[3]);
    }
    assert!(checked > 10, "only {checked} features");
}

fn utf8(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn count(dir: &Path, name: &str) -> usize {
    features(dir, name).len()
}

#[test]
fn f01_one_bad_byte_does_not_ruin_an_article() {
    let d = seed_000();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("000_bad.txt");
    // The reproduction: one stray byte at 3000 (inside a letter: three invalid
    // sequences, the byte and the two halves around it).
    std::fs::write(&bad, [&d[..3000], b"\xff", &d[3000..]].concat()).unwrap();
    let (clean, _) = extract(&seed("000_943bcec6441ca9da.txt"));
    let (out, o) = extract(&bad);
    assert_eq!(
        count(out.path(), "movements.geojson"),
        count(clean.path(), "movements.geojson")
    );
    assert!(count(out.path(), "movements.geojson") > 0);
    assert!(
        stderr(&o).contains(&format!(
            "{}: decoded as UTF-8, 3 invalid sequences replaced by U+FFFD",
            bad.display()
        )),
        "{}",
        stderr(&o)
    );
}

#[test]
fn f01_utf32le_with_a_mark_is_not_read_as_utf16le() {
    let text = String::from_utf8(seed_000()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("000_utf32.txt");
    let mut bytes = vec![0xFF, 0xFE, 0, 0];
    bytes.extend(text.chars().flat_map(|c| (c as u32).to_le_bytes()));
    std::fs::write(&file, &bytes).unwrap();
    let (clean, _) = extract(&seed("000_943bcec6441ca9da.txt"));
    let (out, o) = extract(&file);
    assert!(
        stderr(&o).contains("decoded from UTF-32LE"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        count(out.path(), "movements.geojson"),
        count(clean.path(), "movements.geojson")
    );
    let utf32 = |b: &[u8]| {
        b.chunks(4)
            .map(|q| char::from_u32(u32::from_le_bytes([q[0], q[1], q[2], q[3]])).unwrap())
            .collect::<String>()
    };
    offsets_slice_the_file(out.path(), &bytes, utf32);
}

#[test]
fn f04_offsets_are_into_the_file_with_a_utf8_mark() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("000_bom.txt");
    let bytes = [b"\xEF\xBB\xBF".as_slice(), &seed_000()].concat();
    std::fs::write(&file, &bytes).unwrap();
    let (out, _) = extract(&file);
    offsets_slice_the_file(out.path(), &bytes, utf8);
    // `places` gives the same spans.
    let o = convoy(&["places", s(&file), "--format", "json"]);
    let rows: Value = serde_json::from_slice(&o.stdout).unwrap();
    for r in rows.as_array().unwrap() {
        let (a, b) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
        assert_eq!(utf8(&bytes[a as usize..b as usize]), r["surface"]);
    }
}

#[test]
fn f04_offsets_are_into_the_file_after_a_replaced_byte_and_in_windows_1256() {
    let d = seed_000();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("000_bad.txt");
    let bytes = [&d[..3000], b"\xff", &d[3000..]].concat();
    std::fs::write(&bad, &bytes).unwrap();
    let (out, _) = extract(&bad);
    offsets_slice_the_file(out.path(), &bytes, utf8);
    let text = String::from_utf8(d).unwrap();
    let (legacy, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
    let file = dir.path().join("000_1256.txt");
    std::fs::write(&file, &legacy).unwrap();
    let (out, _) = extract(&file);
    let decode = |b: &[u8]| encoding_rs::WINDOWS_1256.decode(b).0.into_owned();
    offsets_slice_the_file(out.path(), &legacy, decode);
}

/// The rows `near` prints as JSON.
fn near_rows(args: &[&str]) -> Vec<Value> {
    let o = convoy(args);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v.as_array().unwrap().clone()
}

#[test]
fn f06_near_with_a_huge_k_lists_every_place() {
    let all = near_rows(&[
        "near",
        "al_tanf_garrison",
        "--k",
        "100000",
        "--format",
        "json",
    ]);
    for k in ["1000000000000000000", "10000000000"] {
        let rows = near_rows(&["near", "al_tanf_garrison", "--k", k, "--format", "json"]);
        assert_eq!(rows.len(), all.len());
    }
    // Every place but the query's own.
    let list = convoy(&["gazetteer", "list", "--tier", "all", "--format", "csv"]);
    assert_eq!(all.len(), stdout(&list).lines().count() - 2);
}

/// Runs convoy with its stdout read by a reader that takes 10 bytes and closes the pipe.
fn read_ten_bytes_and_close(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_convoy"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut ten = [0; 10];
    child.stdout.take().unwrap().read_exact(&mut ten).unwrap();
    // The reader is dropped: the pipe is closed while convoy still writes.
    child.wait_with_output().unwrap()
}

#[test]
fn f11_a_closed_pipe_ends_quietly_in_every_format() {
    let runs: Vec<Vec<&str>> = vec![
        vec!["gazetteer", "list", "--tier", "all", "--format", "json"],
        vec!["gazetteer", "list", "--tier", "all", "--format", "csv"],
        vec!["gazetteer", "list", "--tier", "all", "--format", "table"],
        vec![
            "near",
            "al_tanf_garrison",
            "-k",
            "5000",
            "--format",
            "geojson",
        ],
    ];
    for args in runs {
        let o = read_ten_bytes_and_close(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}

#[test]
fn f12_a_scale_that_gives_an_unusable_image_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("x.png");
    let (out, _) = extract(&seed("000_943bcec6441ca9da.txt"));
    let o = convoy(&["render", s(out.path()), "-o", s(&png), "--scale", "0.0001"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("a scale of 0.0001 gives a 1×1 PNG"),
        "{}",
        stderr(&o)
    );
    assert!(!png.exists());
}

#[test]
fn f12_output_extensions_are_case_insensitive() {
    let (out, _) = extract(&seed("000_943bcec6441ca9da.txt"));
    let png = out.path().join("MAP.PNG");
    let o = convoy(&["render", s(out.path()), "-o", s(&png), "--size", "400x300"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    // Articles named .TXT in a directory are read too.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed("000_943bcec6441ca9da.txt"), dir.path().join("A.TXT")).unwrap();
    let o = convoy(&["places", s(dir.path()), "--format", "csv"]);
    assert!(stdout(&o).contains("A.TXT,"), "{}", stdout(&o));
}

#[test]
fn f12_fatal_errors_print_the_os_error_once() {
    let o = convoy(&["render", "/no/such/extract", "-o", "/tmp/never.png"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).matches("(os error 2)").count(),
        1,
        "{}",
        stderr(&o)
    );
    let o = convoy(&[
        "--gazetteer",
        "/no/such/places.geojson",
        "gazetteer",
        "list",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).matches("(os error 2)").count(),
        1,
        "{}",
        stderr(&o)
    );
}

#[test]
fn f12_a_duplicate_manifest_row_is_an_error_naming_the_file_and_row() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed("000_943bcec6441ca9da.txt"), dir.path().join("a.txt")).unwrap();
    let manifest = dir.path().join("manifest.csv");
    std::fs::write(&manifest, "file,date\na.txt,2020-01-08\na.txt,2020-02-01\n").unwrap();
    let out = dir.path().join("out");
    let o = convoy(&["extract", s(dir.path()), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        format!(
            "convoy: {}: line 3: \"a.txt\" is listed again (first on line 2)",
            manifest.display()
        )
    );
    assert!(!out.join("movements.geojson").exists());
}

#[cfg(unix)]
#[test]
fn f12_dangling_symlinks_in_an_article_directory_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed("000_943bcec6441ca9da.txt"), dir.path().join("a.txt")).unwrap();
    let link = dir.path().join("b.txt");
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), &link).unwrap();
    let o = convoy(&["places", s(dir.path()), "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "convoy: {}: skipped: a link that cannot be followed",
            link.display()
        )),
        "{}",
        stderr(&o)
    );
}

#[test]
fn f13_k_has_a_short_form() {
    let rows = near_rows(&["near", "al_tanf_garrison", "-k", "3", "--format", "json"]);
    assert_eq!(rows.len(), 3);
}

#[test]
fn f13_near_with_no_hits_says_so_and_exits_0() {
    let args = [
        "near",
        "al_tanf_garrison",
        "--within",
        "10m",
        "--kind",
        "airbase",
    ];
    let o = convoy(&args);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "convoy: no place within 0.01 km of al_tanf_garrison passes the filters\n"
    );
    let o = convoy(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(stdout(&o).trim(), "[]");
}

#[test]
fn f13_map_into_a_name_ending_in_png_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out").join("overview.png");
    let o = convoy(&["map", &seeds(), "-o", s(&target)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("map writes a directory"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn f13_map_of_a_missing_directory_names_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("maps");
    let o = convoy(&["map", "nosuchdir", &seeds(), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("convoy: nosuchdir: No such file or directory"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    let o = convoy(&["extract", "nosuchdir", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
}

#[test]
fn f13_help_shows_examples_for_each_subcommand() {
    for sub in [
        &["extract"][..],
        &["map"],
        &["render"],
        &["near"],
        &["places"],
        &["eval"],
        &["gazetteer"],
        &["gazetteer", "list"],
        &["gazetteer", "show"],
        &["gazetteer", "validate"],
    ] {
        let o = convoy(&[sub, &["--help"]].concat());
        assert!(o.status.success());
        assert!(stdout(&o).contains("Examples:\n  convoy "), "{sub:?}");
    }
}

#[test]
fn f13_quiet_leaves_out_the_summary() {
    let out = tempfile::tempdir().unwrap();
    let o = convoy(&["extract", &seeds(), "-o", s(out.path()), "--quiet"]);
    assert!(o.status.success());
    assert_eq!(stderr(&o), "");
    let o = convoy(&["extract", &seeds(), "-o", s(out.path())]);
    assert!(stderr(&o).contains("5 articles:"), "{}", stderr(&o));
}

#[test]
fn f13_geojsonseq_with_an_output_directory_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let args = [
        "extract",
        &seeds(),
        "-o",
        s(out.path()),
        "--format",
        "geojsonseq",
    ];
    let o = convoy(&args);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

/// The names in `dir` of convoy's temporary files.
fn temp_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".convoy-") && n.ends_with(".tmp"))
        .collect()
}

#[cfg(target_os = "linux")]
#[test]
fn f10_temp_files_of_a_killed_run_are_removed_by_the_next() {
    let articles = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        let name = articles.path().join(format!("{i:04}.txt"));
        std::fs::hard_link(seed("000_943bcec6441ca9da.txt"), name).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    // Another program's temporary file is none of convoy's business.
    std::fs::write(out.path().join(".tmpOTHER"), "x").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_convoy"))
        .args(["extract", s(articles.path()), "-o", s(out.path())])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while temp_files(out.path()).is_empty() {
        assert!(
            started.elapsed().as_secs() < 20,
            "no temporary files appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!temp_files(out.path()).is_empty());
    assert!(!out.path().join("movements.geojson").exists());
    let o = convoy(&["extract", &seeds(), "-o", s(out.path())]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(temp_files(out.path()), Vec::<String>::new());
    assert!(out.path().join(".tmpOTHER").exists());
}

#[test]
fn f03_map_and_render_accept_a_movement_with_no_actor() {
    // The sentence: a column leaves with no one named as moving it.
    let input = tempfile::tempdir().unwrap();
    let article = input.path().join("a.txt");
    std::fs::write(
        &article,
        "انسحب رتل مؤلف من 20 شاحنة من قاعدة الشدادي إلى معبر الوليد ثم إلى العراق.",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = convoy(&["map", s(&article), "-o", s(out.path()), "--size", "400x300"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let movements = features(out.path(), "movements.geojson");
    assert!(!movements.is_empty());
    assert!(
        movements.iter().all(|m| m["properties"]["actor"].is_null()),
        "the test needs a movement with a null actor"
    );
    for image in ["again.png", "again.svg"] {
        let target = out.path().join(image);
        let o = convoy(&["render", s(out.path()), "-o", s(&target)]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(std::fs::metadata(&target).unwrap().len() > 1000);
    }
}

#[test]
fn f03_a_manifest_year_of_five_digits_is_refused_before_anything_is_written() {
    let input = tempfile::tempdir().unwrap();
    std::fs::copy(seed("004_cec0cb9a2edc8622.txt"), input.path().join("a.txt")).unwrap();
    std::fs::write(
        input.path().join("manifest.csv"),
        "file,date\na.txt,99999-01-01\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = convoy(&["map", s(input.path()), "-o", s(out.path())]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a four-digit year"),
        "{}",
        stderr(&o)
    );
    assert!(!out.path().join("movements.geojson").exists());
}

#[test]
fn f12_the_same_files_in_another_argument_order_give_the_same_bytes() {
    let (a, b) = (
        seed("000_943bcec6441ca9da.txt"),
        seed("001_c2f3340aad686222.txt"),
    );
    let tmp = tempfile::tempdir().unwrap();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    for (out, first, second) in [(&one, &a, &b), (&two, &b, &a)] {
        let o = convoy(&["extract", s(first), s(second), "-o", s(out), "-q"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let mut compared = 0;
    for entry in std::fs::read_dir(&one).unwrap() {
        let name = entry.unwrap().file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let (x, y) = (one.join(&name), two.join(&name));
        assert!(
            std::fs::read(&x).unwrap() == std::fs::read(&y).unwrap(),
            "{name:?} differs"
        );
        compared += 1;
    }
    assert!(compared >= 4, "{compared} files");
    let places = |first: &Path, second: &Path| {
        stdout(&convoy(&["places", s(first), s(second), "--format", "csv"]))
    };
    assert_eq!(places(&a, &b), places(&b, &a));
}

#[test]
fn f12_a_negative_latitude_is_a_target_without_a_double_dash() {
    let rows = near_rows(&["near", "-33.9,18.4", "-k", "1", "--format", "json"]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let escaped = near_rows(&["near", "-k", "1", "--format", "json", "--", "-33.9,18.4"]);
    assert_eq!(rows, escaped);
}

/// A trip told wholly in Europe (Germany to Poland), far outside the basemap.
const FAR_AWAY: &str = "انسحب رتل مؤلف من 20 شاحنة من ألمانيا إلى بولندا.\n";

#[test]
fn f12_data_wholly_outside_the_basemap_is_an_error_for_render_not_an_empty_map() {
    let tmp = tempfile::tempdir().unwrap();
    let article = tmp.path().join("far.txt");
    std::fs::write(&article, FAR_AWAY).unwrap();
    let maps = tmp.path().join("maps");
    let o = convoy(&["map", s(&article), "-o", s(&maps), "--size", "400x300"]);
    // map writes the set (the GeoJSON holds the trip) and says its maps cannot show it.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(features(&maps, "movements.geojson").len(), 1);
    let extent = "lies within the basemap (26°E–62°E, 24°N–46°N)";
    for warned in [
        format!("convoy: far.txt: none of its 1 movement and 2 places {extent}: its map far.png is empty"),
        format!("convoy: overview.png: none of its 1 movement and 2 places {extent}: the overview is empty"),
    ] {
        assert!(stderr(&o).contains(&warned), "{}", stderr(&o));
    }
    // render, whose one product is the image, refuses to draw an empty map.
    let png = tmp.path().join("far.png");
    for format in ["far.png", "far.svg"] {
        let image = tmp.path().join(format);
        let o = convoy(&["render", s(&maps), "-o", s(&image)]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(
            stderr(&o),
            format!(
                "convoy: {}: none of its 1 movement and 2 places {extent}, so the map would be \
                 empty; nothing was written (--bbox draws them without a basemap)\n",
                maps.display()
            )
        );
        assert!(!image.exists());
    }
    // Asked for the area, it draws the trip without a basemap.
    let o = convoy(&["render", s(&maps), "-o", s(&png), "--bbox", "10,48,25,56"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn f12_data_partly_outside_the_basemap_is_drawn_with_a_warning_naming_the_count() {
    let tmp = tempfile::tempdir().unwrap();
    let (far, near) = (tmp.path().join("far.txt"), seed("000_943bcec6441ca9da.txt"));
    std::fs::write(&far, FAR_AWAY).unwrap();
    let out = tmp.path().join("out");
    let o = convoy(&["extract", s(&far), s(&near), "-o", s(&out), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let movements = features(&out, "movements.geojson").len();
    assert!(movements > 1, "{movements}");
    let png = tmp.path().join("all.png");
    let o = convoy(&["render", s(&out), "-o", s(&png), "--size", "400x300"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "convoy: {}: 1 of {movements} movements lies wholly outside the basemap (26°E–62°E, \
             24°N–46°N): not drawn (--bbox draws them without a basemap)\n",
            out.display()
        )
    );
    assert!(png.exists());
    // The seed alone is wholly inside: not a word.
    let (inside, _) = extract(&near);
    let o = convoy(&[
        "render",
        s(inside.path()),
        "-o",
        s(&png),
        "--size",
        "400x300",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}
