//! `convoy map` at corpus scale (issue 14, item 4): every article's map is written, the same
//! bytes whatever the number of threads.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// The seed articles copied under `n` distinct names into `dir`.
fn corpus(dir: &Path, copies: usize) -> BTreeSet<String> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut stems = BTreeSet::new();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            for k in 0..copies {
                let stem = format!("{k:03}_{name}");
                std::fs::copy(&path, dir.join(format!("{stem}.txt"))).unwrap();
                stems.insert(stem);
            }
        }
    }
    stems
}

/// Runs `convoy map CORPUS -o OUT` on `threads` threads.
fn map(corpus: &Path, out: &Path, threads: usize) {
    let o = Command::new(env!("CARGO_BIN_EXE_convoy"))
        .args(["map", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .env("RAYON_NUM_THREADS", threads.to_string())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", common::stderr(&o));
}

fn pngs(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".png"))
        .collect()
}

#[test]
fn every_article_map_is_written_the_same_on_one_thread_or_two() {
    let tmp = tempfile::tempdir().unwrap();
    let (articles, one, two) = (
        tmp.path().join("articles"),
        tmp.path().join("one"),
        tmp.path().join("two"),
    );
    std::fs::create_dir(&articles).unwrap();
    let stems = corpus(&articles, 4);
    assert_eq!(stems.len(), 20);
    map(&articles, &one, 1);
    map(&articles, &two, 2);
    let mut expected: BTreeSet<String> = stems.iter().map(|s| format!("{s}.png")).collect();
    expected.insert("overview.png".into());
    assert_eq!(pngs(&one), expected);
    assert_eq!(pngs(&two), expected);
    for name in &expected {
        let a = std::fs::read(one.join(name)).unwrap();
        let b = std::fs::read(two.join(name)).unwrap();
        assert!(a.starts_with(b"\x89PNG\r\n\x1a\n"), "{name} is not a PNG");
        assert!(a == b, "{name} differs between one thread and two");
    }
    // No temporary file is left behind.
    let left: Vec<String> = std::fs::read_dir(&two)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
