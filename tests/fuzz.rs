//! The fuzz target of issue 16: article bytes through decode → normalise → match → extract →
//! export → render, in process, with the properties every input must keep:
//!
//! - no panic, and a refused article is an error naming its file, with nothing written;
//! - each GeoJSON file parses back as a FeatureCollection whose geometries are valid
//!   (`geo`'s `Validation`) and within longitude/latitude;
//! - every evidence span and unresolved-name span slices the file's bytes to what the file
//!   decodes to there (`evidence == file[start..end]`, decoded);
//! - `map` (which also draws the overview, the page and the article's map) writes the same
//!   bytes as `extract` in every file both write;
//! - `render` reads what `extract` wrote and draws it.
//!
//! Inputs are mostly the seed articles mutated (names and numbers inserted into the text, the
//! text re-encoded with or without a byte-order mark, then bytes flipped, inserted, deleted and
//! spliced from other seeds), besides random bytes and random Arabic text.
//!
//! `cargo test --release` runs [`DEFAULT_CASES`] cases from a fixed seed, so a failure is the
//! same on every machine; `PROPTEST_CASES=N PROPTEST_RNG_SEED=S` runs more, from another seed
//! (`.ci/run` does, bounded in time). A failure prints the case, shrunk.

mod common;
use common::{convoy, stderr};

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use convoy::document::Articles;
use convoy::export::{self, OutputSet, Sink};
use convoy::pipeline::{self, MapSummary, Progress};
use convoy::render::{self, MapOptions, Scene};
use convoy::Gazetteer;
use geo::algorithm::Validation;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, RngSeed};

/// Cases `cargo test` runs when `PROPTEST_CASES` is not set.
const DEFAULT_CASES: u32 = 96;

/// The seed `cargo test` starts from when `PROPTEST_RNG_SEED` is not set.
const DEFAULT_SEED: u64 = 16;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let g = Gazetteer::embedded().expect("the embedded gazetteer loads");
        convoy::extract::prepare(&g);
        g
    })
}

/// The seed articles' texts, in name order.
fn seeds() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    })
}

/// Texts worth inserting: huge and odd numbers and dates, and characters that trouble
/// normalisation (marks, tatweel, joiners, bidi controls, ligatures, line ends).
const SNIPPETS: &[&str] = &[
    " 99999999999999999999999 جندي ",
    " ١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢ شاحنة ",
    " 18446744073709551616 عربة ",
    " 4294967296 آلية ",
    " ۹۹۹۹۹۹۹۹۹۹ مدرعة ",
    " 1e308 ",
    " -1 جندي ",
    " 0 شاحنة ",
    " في 99999-01-01 ",
    " يوم 31 شباط 2020 ",
    " في 29/02/2021 ",
    " عام 65536 ",
    " في 0/0/0 ",
    " منذ 4294967296 يوما ",
    "\u{feff}",
    "\u{200d}\u{200c}",
    "\u{202e}\u{2066}",
    "ـــــــ",
    "\u{064b}\u{064c}\u{064d}\u{0651}\u{0652}",
    "\u{fdf2}\u{fefb}",
    "\r\n",
    "\r",
    "\u{2028}\u{2029}",
    "\u{10ffff}😀",
    "\t\t",
    "....................",
    "،،،؛؛؟",
    "«»“”()[]",
    "\u{0}",
];

/// Place names and words of movement, for repeating.
const NAMES: &[&str] = &[
    "قاعدة عين الأسد",
    "الحسكة",
    "بغداد",
    "العراق",
    "سوريا",
    "التنف",
    "أربيل",
    "معبر الوليد",
    "الشدادي",
    "قاعدة حرير",
    "انسحب رتل من",
    "إلى",
    "ثم إلى",
    "القوات الأمريكية",
];

const SEPARATORS: &[&str] = &[" ", " و", "، ", "", " إلى ", " من ", "\n"];

/// A change to the text, before it is encoded.
#[derive(Debug, Clone)]
enum TextEdit {
    Insert(Index, &'static str),
    Repeat(Index, &'static str, &'static str, usize),
    /// A movement sentence with its own count and places.
    Sentence(Index, u64, &'static str, &'static str, &'static str),
}

/// How the text is written to the file.
#[derive(Debug, Clone, Copy)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
    Windows1256,
    Iso8859_6,
}

/// A change to the file's bytes, after encoding.
#[derive(Debug, Clone)]
enum ByteEdit {
    Flip(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    /// Bytes `from..from+len` of another seed (as UTF-8) inserted at a point.
    Splice(Index, usize, Index, usize),
    Truncate(Index),
}

/// Byte sequences that are not UTF-8, or marks in the wrong place.
const BAD_BYTES: &[&[u8]] = &[
    b"\xff",
    b"\xc0\x80",
    b"\x80",
    b"\xe2\x82",
    b"\xf4\x90\x80\x80",
    b"\xed\xa0\x80",
    b"\xd8",
    b"\xfe\xff",
    b"\xff\xfe\x00\x00",
    b"\xef\xbb\xbf",
];

#[derive(Debug, Clone)]
enum Article {
    Mutated {
        seed: usize,
        text: Vec<TextEdit>,
        encoding: Encoding,
        bytes: Vec<ByteEdit>,
    },
    Bytes(Vec<u8>),
    Text(String),
}

/// An article and, maybe, the manifest line beside it (its date and title).
#[derive(Debug, Clone)]
struct Case {
    /// The article's file name.
    name: &'static str,
    article: Article,
    manifest: Option<(String, String)>,
}

fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        (any::<Index>(), select(SNIPPETS)).prop_map(|(i, s)| TextEdit::Insert(i, s)),
        (
            any::<Index>(),
            select(NAMES),
            select(SEPARATORS),
            1usize..400
        )
            .prop_map(|(i, n, s, k)| TextEdit::Repeat(i, n, s, k)),
        (
            any::<Index>(),
            prop_oneof![0u64..1000, any::<u64>()],
            select(NAMES),
            select(NAMES),
            select(NAMES)
        )
            .prop_map(|(i, n, a, b, c)| TextEdit::Sentence(i, n, a, b, c)),
    ]
}

fn encoding() -> impl Strategy<Value = Encoding> {
    use Encoding::*;
    prop_oneof![
        6 => Just(Utf8),
        1 => select(vec![Utf8Bom, Utf16Le, Utf16Be, Utf32Le, Utf32Be, Windows1256, Iso8859_6]),
    ]
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| ByteEdit::Flip(i, b)),
        3 => (
            any::<Index>(),
            prop_oneof![
                select(BAD_BYTES).prop_map(<[u8]>::to_vec),
                prop::collection::vec(any::<u8>(), 1..16)
            ]
        )
            .prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        2 => (any::<Index>(), 1usize..200).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        2 => (any::<Index>(), 0usize..5, any::<Index>(), 1usize..3000)
            .prop_map(|(i, s, f, n)| ByteEdit::Splice(i, s, f, n)),
        1 => any::<Index>().prop_map(ByteEdit::Truncate),
    ]
}

fn article() -> impl Strategy<Value = Article> {
    prop_oneof![
        8 => (
            0..seeds().len(),
            prop::collection::vec(text_edit(), 0..4),
            encoding(),
            prop::collection::vec(byte_edit(), 0..6),
        )
            .prop_map(|(seed, text, encoding, bytes)| Article::Mutated {
                seed,
                text,
                encoding,
                bytes,
            }),
        1 => prop::collection::vec(any::<u8>(), 0..4000).prop_map(Article::Bytes),
        1 => "[\u{0600}-\u{06ff} .،\n0-9a-z]{0,2000}".prop_map(Article::Text),
    ]
}

fn manifest() -> impl Strategy<Value = Option<(String, String)>> {
    let date = prop_oneof![
        select(vec![
            "2020-01-08",
            "2021-12",
            "2026",
            "99999-01-01",
            "2020-13-45",
            "2021-02-29",
            "0000-00-00",
            "",
        ])
        .prop_map(str::to_owned),
        "[0-9-]{0,12}",
    ];
    prop::option::of((date, "[\u{0600}-\u{06ff} a-z,\"]{0,40}"))
}

/// File names that need escaping somewhere: in CSV, JSON, SVG titles, map file names.
const FILE_NAMES: &[&str] = &[
    "article.txt",
    "تقرير «١».txt",
    "a b&c<d>'e.txt",
    "quote\"s,comma.txt",
    "new\nline.txt",
    "%s%n{}.TXT",
    ".hidden.txt",
    "-dash.txt",
    "back\\slash.txt",
    ".txt",
    "no_extension",
];

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![4 => Just(FILE_NAMES[0]), 1 => select(FILE_NAMES)],
        article(),
        manifest(),
    )
        .prop_map(|(name, article, manifest)| Case {
            name,
            article,
            manifest,
        })
}

/// The char boundary of `text` at or before the point `i` picks.
fn boundary(text: &str, i: &Index) -> usize {
    let mut at = i.index(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply_text(text: &mut String, edit: &TextEdit) {
    let at = match edit {
        TextEdit::Insert(i, _) | TextEdit::Repeat(i, ..) | TextEdit::Sentence(i, ..) => {
            boundary(text, i)
        }
    };
    let inserted = match edit {
        TextEdit::Insert(_, s) => (*s).to_owned(),
        TextEdit::Repeat(_, name, sep, n) => vec![*name; *n].join(sep),
        TextEdit::Sentence(_, n, a, b, c) => {
            format!(" انسحب رتل مؤلف من {n} شاحنة من {a} إلى {b} ثم إلى {c}. ")
        }
    };
    text.insert_str(at, &inserted);
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let units16 = |little: bool| -> Vec<u8> {
        let mut out = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            out.extend(if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            });
        }
        out
    };
    let units32 = |little: bool| -> Vec<u8> {
        let mut out = if little {
            vec![0xFF, 0xFE, 0, 0]
        } else {
            vec![0, 0, 0xFE, 0xFF]
        };
        for c in text.chars() {
            let c = c as u32;
            out.extend(if little {
                c.to_le_bytes()
            } else {
                c.to_be_bytes()
            });
        }
        out
    };
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xef\xbb\xbf", text.as_bytes()].concat(),
        Encoding::Utf16Le => units16(true),
        Encoding::Utf16Be => units16(false),
        Encoding::Utf32Le => units32(true),
        Encoding::Utf32Be => units32(false),
        Encoding::Windows1256 => encoding_rs::WINDOWS_1256.encode(text).0.into_owned(),
        Encoding::Iso8859_6 => encoding_rs::ISO_8859_6.encode(text).0.into_owned(),
    }
}

fn apply_bytes(bytes: &mut Vec<u8>, edit: &ByteEdit) {
    let at = |i: &Index, len: usize| i.index(len + 1);
    match edit {
        ByteEdit::Flip(i, bit) if !bytes.is_empty() => {
            let k = i.index(bytes.len());
            bytes[k] ^= 1 << bit;
        }
        ByteEdit::Flip(..) => {}
        ByteEdit::Insert(i, b) => {
            let k = at(i, bytes.len());
            bytes.splice(k..k, b.iter().copied());
        }
        ByteEdit::Delete(i, n) => {
            let k = at(i, bytes.len());
            bytes.drain(k..(k + n).min(bytes.len()));
        }
        ByteEdit::Splice(i, seed, from, n) => {
            let other = seeds()[*seed].as_bytes();
            let f = at(from, other.len());
            let piece = &other[f..(f + n).min(other.len())];
            let k = at(i, bytes.len());
            bytes.splice(k..k, piece.iter().copied());
        }
        ByteEdit::Truncate(i) => bytes.truncate(at(i, bytes.len())),
    }
}

impl Article {
    fn bytes(&self) -> Vec<u8> {
        match self {
            Article::Mutated {
                seed,
                text,
                encoding,
                bytes,
            } => {
                let mut t = seeds()[*seed].clone();
                for edit in text {
                    apply_text(&mut t, edit);
                }
                let mut b = encode(&t, *encoding);
                for edit in bytes {
                    apply_bytes(&mut b, edit);
                }
                b
            }
            Article::Bytes(b) => b.clone(),
            Article::Text(t) => t.as_bytes().to_vec(),
        }
    }
}

/// The manifest of one article, as CSV: its header and the article's row.
fn manifest_csv(file: &str, (date, title): &(String, String)) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    format!(
        "file,date,source,url,title\n{},{},fuzz,,{}\n",
        quote(file),
        quote(date),
        quote(title)
    )
}

/// The files of an output directory, by name, with their bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// What the bytes `file[a..b]` decode to, in the encoding the whole file was read in: the
/// offsets are into the file's bytes, whatever its encoding.
fn decode_span(file: &[u8], encoding: Option<&str>, a: usize, b: usize) -> String {
    let span = &file[a..b];
    match encoding {
        None => String::from_utf8_lossy(span).into_owned(),
        Some(name) if name.starts_with("UTF-32") => {
            let little = name.ends_with("LE");
            span.chunks(4)
                .map(|c| {
                    // A unit cut short by the file's end is replaced, as any invalid one.
                    let c: Option<[u8; 4]> = c.try_into().ok();
                    let u = c.map(|c| match little {
                        true => u32::from_le_bytes(c),
                        false => u32::from_be_bytes(c),
                    });
                    u.and_then(char::from_u32).unwrap_or('\u{fffd}')
                })
                .collect()
        }
        Some(name) => {
            let enc = encoding_rs::Encoding::for_label(name.as_bytes())
                .unwrap_or_else(|| panic!("convoy names an encoding encoding_rs knows: {name}"));
            enc.decode_without_bom_handling(span).0.into_owned()
        }
    }
}

/// Every evidence and unresolved span of the output in `dir` slices `file` to its text.
fn check_offsets(dir: &Path, file: &[u8], encoding: Option<&str>) -> Result<(), TestCaseError> {
    for name in ["movements.geojson", "events.geojson"] {
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap();
        for f in v["features"].as_array().unwrap() {
            let p = &f["properties"];
            let a = p["evidence_start"].as_u64().unwrap() as usize;
            let b = p["evidence_end"].as_u64().unwrap() as usize;
            prop_assert!(
                a <= b && b <= file.len(),
                "{}: {a}..{b} of {}",
                p["id"],
                file.len()
            );
            prop_assert_eq!(
                decode_span(file, encoding, a, b),
                p["evidence"].as_str().unwrap(),
                "{}",
                p["id"]
            );
        }
    }
    let mut csv = csv::Reader::from_path(dir.join("unresolved.csv")).unwrap();
    for row in csv.records() {
        let row = row.unwrap();
        let (a, b): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
        prop_assert!(a <= b && b <= file.len(), "unresolved {a}..{b}");
        prop_assert_eq!(decode_span(file, encoding, a, b), &row[3]);
    }
    Ok(())
}

/// Each contract GeoJSON file parses as a FeatureCollection of valid geometries in range,
/// each feature with an id.
fn check_geojson(dir: &Path) -> Result<usize, TestCaseError> {
    let mut features = 0;
    for name in render::CONTRACT_FILES {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let parsed: geojson::GeoJson = text
            .parse()
            .map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        let geojson::GeoJson::FeatureCollection(fc) = parsed else {
            return Err(TestCaseError::fail(format!(
                "{name}: not a FeatureCollection"
            )));
        };
        for f in &fc.features {
            prop_assert!(f.id.is_some(), "{name}: a feature without an id");
            let g = f.geometry.as_ref().expect("a geometry");
            let geometry: geo::Geometry<f64> = g
                .clone()
                .try_into()
                .map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
            prop_assert!(geometry.is_valid(), "{name}: {:?}: {geometry:?}", f.id);
            for c in geo::CoordsIter::coords_iter(&geometry) {
                prop_assert!(
                    (-180.0..=180.0).contains(&c.x) && (-90.0..=90.0).contains(&c.y),
                    "{name}: {:?} out of range",
                    f.id
                );
            }
            features += 1;
        }
    }
    Ok(features)
}

/// A scratch directory, in memory where the system has one: the output sets fsync every file
/// and directory, which on a shared disk costs more than the work itself.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    match shm.is_dir() {
        true => tempfile::tempdir_in(shm).unwrap_or_else(|_| tempfile::tempdir().unwrap()),
        false => tempfile::tempdir().unwrap(),
    }
}

/// Runs every property on one case: `extract` into one directory, `map` (small maps) into
/// another, each of which must give the same contract files.
fn check(case: &Case) -> Result<(), TestCaseError> {
    let g = gazetteer();
    let tmp = scratch();
    let article = tmp.path().join(case.name);
    let bytes = case.article.bytes();
    std::fs::write(&article, &bytes).unwrap();
    if let Some(m) = &case.manifest {
        std::fs::write(tmp.path().join("manifest.csv"), manifest_csv(case.name, m)).unwrap();
    }
    let paths = vec![article.clone()];
    let (dir_one, dir_two) = (tmp.path().join("one"), tmp.path().join("two"));
    let one = export::run(
        g,
        Articles::new(&paths),
        Sink::Dir(dir_one.clone()),
        &|_, _| {},
    );
    let two = map(g, &paths, &dir_two);
    let one = match (one, two) {
        (Err(a), Err(b)) => {
            // Refused as a whole (the manifest): the same error, naming a file, nothing written.
            prop_assert_eq!(a.to_string(), b.to_string());
            prop_assert!(
                a.to_string().contains(&tmp.path().display().to_string()),
                "{a}"
            );
            prop_assert!(!dir_one.join("movements.geojson").exists());
            prop_assert!(!dir_two.join("overview.png").exists());
            return Ok(());
        }
        (Ok(a), Ok(_)) => a,
        (a, b) => {
            return Err(TestCaseError::fail(format!(
                "extract and map differ: {:?} / {:?}",
                a.map(|s| s.articles),
                b.map(|s| s.images.len())
            )))
        }
    };
    for e in &one.failed {
        prop_assert!(e.to_string().contains(case.name), "{e}");
    }
    let mapped = files(&dir_two);
    for (name, written) in files(&dir_one) {
        let again = mapped.iter().find(|(n, _)| *n == name).map(|(_, b)| b);
        prop_assert!(
            again == Some(&written),
            "map wrote another {name} than extract"
        );
    }
    let features = check_geojson(&dir_one)?;
    if one.failed.is_empty() {
        let encoding = convoy::Document::read(&article, convoy::document::DEFAULT_LIMIT)
            .unwrap()
            .decoded_from;
        check_offsets(&dir_one, &bytes, encoding)?;
    } else {
        prop_assert_eq!(features, 0);
    }
    let inputs = render::contract_inputs(&[dir_one]).unwrap();
    let data = Scene::from_paths(&inputs)
        .map_err(|e| TestCaseError::fail(format!("render refuses extract's output: {e}")))?;
    render::render_svg(&data, &MapOptions::default())
        .map_err(|e| TestCaseError::fail(format!("render_svg: {e}")))?;
    Ok(())
}

/// `convoy map` into `dir`, with small maps.
fn map(g: &Gazetteer, paths: &[PathBuf], dir: &Path) -> convoy::Result<MapSummary> {
    let set = OutputSet::new(dir)?;
    let opts = MapOptions {
        width: 400,
        height: 300,
        ..MapOptions::default()
    };
    let none = |_: usize, _: usize| {};
    let progress = Progress {
        extract: &none,
        maps: &none,
    };
    let summary = pipeline::map(g, Articles::new(paths), &set, &opts, &progress)?;
    set.commit()?;
    Ok(summary)
}

fn config() -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = DEFAULT_CASES;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(DEFAULT_SEED);
    }
    // The regressions found are kept as named tests in this file, not in a side file.
    config.failure_persistence = None;
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_articles_through_extract_and_render(case in case()) {
        check(&case)?;
    }
}

// Regressions the fuzz target found, driving the real binary.

fn seed_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name)
}

/// The names of the files in `dir`.
fn names(dir: &Path) -> Vec<String> {
    files(dir).into_iter().map(|(n, _)| n).collect()
}

#[test]
fn fuzz_found_map_goes_on_past_an_article_it_cannot_read() {
    // A UTF-16BE mark before UTF-8 text: `extract` reported the file and went on, `map` wrote
    // nothing and exited 2 (it read the article again for its map's title).
    let tmp = tempfile::tempdir().unwrap();
    let (articles, out) = (tmp.path().join("in"), tmp.path().join("out"));
    std::fs::create_dir(&articles).unwrap();
    let good = seed_path("000_943bcec6441ca9da.txt");
    std::fs::copy(&good, articles.join("good.txt")).unwrap();
    let text = std::fs::read(seed_path("001_c2f3340aad686222.txt")).unwrap();
    std::fs::write(articles.join("bad.txt"), [&b"\xfe\xff"[..], &text].concat()).unwrap();
    let o = convoy(&[
        "map",
        articles.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.txt"), "{}", stderr(&o));
    let written = names(&out);
    assert!(written.contains(&"good.png".to_owned()), "{written:?}");
    assert!(written.contains(&"overview.png".to_owned()), "{written:?}");
    assert!(!written.contains(&"bad.png".to_owned()), "{written:?}");
}

#[test]
fn fuzz_found_map_draws_articles_named_with_a_leading_dot_or_a_backslash() {
    // `.hidden.txt` gave the map `.hidden.png`, a name the output set refuses: `map` failed.
    let tmp = tempfile::tempdir().unwrap();
    let (articles, out) = (tmp.path().join("in"), tmp.path().join("out"));
    std::fs::create_dir(&articles).unwrap();
    for name in [".hidden.txt", "back\\slash.txt"] {
        std::fs::copy(seed_path("000_943bcec6441ca9da.txt"), articles.join(name)).unwrap();
    }
    let o = convoy(&[
        "map",
        articles.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written = names(&out);
    for map in ["_.hidden.png", "back_slash.png"] {
        assert!(written.contains(&map.to_owned()), "{map}: {written:?}");
    }
}

#[test]
fn fuzz_found_map_of_an_article_whose_title_holds_a_control_character() {
    // The bytes 0E 41: the first line, the map's title, went into the SVG as it was, and XML
    // forbids U+000E even escaped, so drawing failed.
    let tmp = tempfile::tempdir().unwrap();
    let (article, out) = (tmp.path().join("a.txt"), tmp.path().join("out"));
    std::fs::write(&article, b"\x0eA").unwrap();
    let o = convoy(&[
        "map",
        article.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(out.join("overview.svg")).unwrap();
    roxmltree::Document::parse(&svg).expect("the overview is XML");
    let o = convoy(&[
        "render",
        out.to_str().unwrap(),
        "--title",
        "\u{1}title",
        "-o",
        tmp.path().join("t.svg").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn fuzz_found_a_trip_from_a_base_to_itself_is_no_line() {
    // One base named over and over around «إلى», in a sentence long enough to be cut to a
    // window, gave a movement from Harir Air Base to itself: a LineString of one point twice,
    // which no GIS takes as valid.
    let tmp = tempfile::tempdir().unwrap();
    let (articles, out) = (tmp.path().join("in"), tmp.path().join("out"));
    std::fs::create_dir(&articles).unwrap();
    let text = format!(
        "بدأت القوات الأمريكية المتمركزة في قاعدة خراب الجير بإخلاء القاعدة اليوم، حيث خرجت من {}حرير للانسحاب.\n",
        "قاعدة حرير إلى ".repeat(130)
    );
    std::fs::write(articles.join("a.txt"), text).unwrap();
    let o = convoy(&[
        "extract",
        articles.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(out.join("movements.geojson")).unwrap();
    let geojson::GeoJson::FeatureCollection(fc) = text.parse().unwrap() else {
        panic!("not a FeatureCollection");
    };
    assert!(
        !fc.features.is_empty(),
        "the trip from Kharab al-Jir is told"
    );
    for f in &fc.features {
        let line: geo::Geometry<f64> = f.geometry.clone().unwrap().try_into().unwrap();
        assert!(line.is_valid(), "{:?}: {line:?}", f.id);
    }
}
