//! Loading a large curated gazetteer (`--gazetteer FILE`): parsing it and building the name
//! matcher, for 10,000 and 100,000 synthetic places made by `scripts/bench/make-gazetteer.sh`.
//!
//! `cargo bench --bench gazetteer` reports `load/10000` and `load/100000` with a throughput in
//! places per second, which must not fall with the size (10⁶ places: run the script and time
//! `convoy --gazetteer FILE --no-geonames places ARTICLE` as its header says).

use std::path::PathBuf;
use std::process::Command;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use convoy::gazetteer::GazetteerFiles;
use convoy::Gazetteer;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/bench/make-gazetteer.sh"
    );
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for n in [10_000usize, 100_000] {
        let path: PathBuf = dir.path().join(format!("{n}.geojson"));
        let out = Command::new("bash")
            .arg(script)
            .arg(n.to_string())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::write(&path, out.stdout).unwrap();
        let files = GazetteerFiles {
            curated: Some(path),
            geonames: None,
            no_geonames: true,
            ..GazetteerFiles::default()
        };
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(n.to_string(), |b| {
            b.iter(|| Gazetteer::load(&files).unwrap().matcher().pattern_count())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
