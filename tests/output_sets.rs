//! Regression tests for issue 16's item 2 (outputs replaced as a set) and item 5 (same-named
//! articles in two directories), driving the real binary. The kills at each rename are in
//! `.ci/check-faults` (strace).

mod common;
use common::{convoy, stderr};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn seed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Two article directories whose outputs differ, in content and in per-article maps.
fn two_inputs(root: &Path) -> (PathBuf, PathBuf) {
    let (a, b) = (root.join("a"), root.join("b"));
    for (dir, seeds) in [
        (&a, ["000_943bcec6441ca9da.txt", "001_c2f3340aad686222.txt"]),
        (&b, ["003_772795c6d2f65b54.txt", "004_cec0cb9a2edc8622.txt"]),
    ] {
        std::fs::create_dir(dir).unwrap();
        for name in seeds {
            std::fs::copy(seed(name), dir.join(name)).unwrap();
        }
    }
    (a, b)
}

/// The visible files of `dir` and their bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The hidden files of `dir` other than the lock and the set's record.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".convoy.lock" && n != ".convoy-set")
        .collect()
}

fn run(args: &[&str]) {
    let o = convoy(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
}

fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_convoy"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn f02_two_runs_into_one_directory_leave_one_whole_set() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = two_inputs(root.path());
    for command in ["extract", "map"] {
        let size = ["--size", "400x300"];
        let extra: &[&str] = if command == "map" { &size } else { &[] };
        let reference = |input: &Path, name: &str| {
            let out = root.path().join(format!("{command}-{name}"));
            run(&[&[command, s(input), "-o", s(&out)], extra].concat());
            files(&out)
        };
        let (set_a, set_b) = (reference(&a, "a"), reference(&b, "b"));
        assert_ne!(set_a, set_b);
        let tries = if command == "map" { 3 } else { 8 };
        for i in 0..tries {
            let out = root.path().join(format!("{command}-both-{i}"));
            // Each try starts from a set, so that a mix with the previous one would show too.
            let first = if i % 2 == 0 { &a } else { &b };
            run(&[&[command, s(first), "-o", s(&out)], extra].concat());
            let runs: Vec<_> = [&a, &b]
                .iter()
                .map(|input| spawn(&[&[command, "-q", s(input), "-o", s(&out)], extra].concat()))
                .collect();
            for r in runs {
                let o = r.wait_with_output().unwrap();
                assert!(o.status.success(), "{}", stderr(&o));
            }
            let got = files(&out);
            assert!(
                got == set_a || got == set_b,
                "{command}, try {i}: a mix: {:?}",
                got.keys().collect::<Vec<_>>()
            );
            assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
        }
    }
}

#[test]
fn f02_a_second_run_waits_for_the_lock_and_says_so() {
    let root = tempfile::tempdir().unwrap();
    let (a, _) = two_inputs(root.path());
    let out = root.path().join("out");
    run(&["extract", s(&a), "-o", s(&out)]);
    let lock = std::fs::File::open(out.join(".convoy.lock")).unwrap();
    lock.lock().unwrap();
    let mut waiting = spawn(&["extract", s(&a), "-o", s(&out)]);
    // Read its stderr as it comes: the run says it waits once it reaches the lock, however long
    // a busy machine takes to get there.
    let mut err = std::io::BufReader::new(waiting.stderr.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut err, &mut first).unwrap();
    assert!(
        first.contains("another convoy run is replacing its files; waiting"),
        "{first}"
    );
    assert!(first.contains(s(&out)), "{first}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "the run went on while another held the directory"
    );
    lock.unlock().unwrap();
    assert!(waiting.wait().unwrap().success());
}

#[test]
fn f02_places_geojson_a_directory_fails_before_anything_is_replaced() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = two_inputs(root.path());
    let out = root.path().join("out");
    run(&["extract", s(&a), "-o", s(&out)]);
    let before = files(&out);
    std::fs::remove_file(out.join("places.geojson")).unwrap();
    std::fs::create_dir(out.join("places.geojson")).unwrap();
    let o = convoy(&["extract", s(&b), "-o", s(&out)]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("places.geojson: is a directory"), "{e}");
    for name in ["movements.geojson", "events.geojson", "unresolved.csv"] {
        assert_eq!(
            std::fs::read(out.join(name)).unwrap(),
            before[name],
            "{name} was replaced"
        );
    }
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

#[test]
fn f02_extract_after_map_removes_the_old_maps() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = two_inputs(root.path());
    let out = root.path().join("out");
    run(&["map", s(&a), "-o", s(&out), "--size", "400x300"]);
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    run(&["extract", s(&b), "-o", s(&out)]);
    let names: Vec<String> = files(&out).into_keys().collect();
    assert_eq!(
        names,
        [
            "events.geojson",
            "events.qml",
            "movements.geojson",
            "movements.qml",
            "notes.txt",
            "places.geojson",
            "places.qml",
            "unresolved.csv"
        ]
    );
}

#[cfg(target_os = "linux")]
#[test]
fn f10_a_dead_runs_temporary_files_are_removed_by_the_next_run() {
    let root = tempfile::tempdir().unwrap();
    let (a, _) = two_inputs(root.path());
    let out = root.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // Beyond Linux's largest process id: no process has it.
    let dead = out.join(".convoy-4999999-abcdef.tmp");
    std::fs::write(&dead, vec![b'x'; 1 << 20]).unwrap();
    run(&["extract", s(&a), "-o", s(&out)]);
    assert!(!dead.exists());
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

/// Every feature id of a GeoJSON file.
fn ids(dir: &Path, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn f05_same_named_articles_in_two_directories_get_unique_ids_and_maps() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = (root.path().join("dirA"), root.path().join("dirB"));
    for (dir, name) in [
        (&a, "000_943bcec6441ca9da.txt"),
        (&b, "003_772795c6d2f65b54.txt"),
    ] {
        std::fs::create_dir(dir).unwrap();
        std::fs::copy(seed(name), dir.join("report.txt")).unwrap();
    }
    std::fs::copy(seed("004_cec0cb9a2edc8622.txt"), b.join("other.txt")).unwrap();
    let out = root.path().join("out");
    let o = convoy(&["map", s(&a), s(&b), "-o", s(&out), "--size", "400x300"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("5 maps in"), "{}", stderr(&o));
    let mut all = ids(&out, "movements.geojson");
    all.extend(ids(&out, "events.geojson"));
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "duplicate ids");
    assert!(all.iter().any(|id| id.starts_with("dirA/report-")));
    assert!(all.iter().any(|id| id.starts_with("dirB/report-")));
    assert!(all.iter().any(|id| id.starts_with("other-")));
    let maps: Vec<String> = files(&out)
        .into_keys()
        .filter(|n| n.ends_with(".png") && !n.starts_with("overview"))
        .collect();
    assert_eq!(maps, ["dirA__report.png", "dirB__report.png", "other.png"]);
    // Each article's map is its own.
    let m = files(&out);
    assert_ne!(m["dirA__report.png"], m["dirB__report.png"]);
}

#[test]
fn f05_the_same_directory_twice_is_read_once_with_a_warning() {
    let root = tempfile::tempdir().unwrap();
    let (a, _) = two_inputs(root.path());
    let (once, twice) = (root.path().join("once"), root.path().join("twice"));
    run(&["extract", s(&a), "-o", s(&once)]);
    let o = convoy(&["extract", s(&a), s(&a), "-o", s(&twice)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("given more than once; read once"),
        "{}",
        stderr(&o)
    );
    assert_eq!(files(&once), files(&twice));
}
