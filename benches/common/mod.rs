//! The benchmark corpus: the seed articles repeated, as separate articles, to 50 MB.

#![allow(dead_code)] // each bench uses its share

use std::path::{Path, PathBuf};

use convoy::Document;
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};

pub const CORPUS_BYTES: usize = 50 * 1024 * 1024;

fn seed_paths() -> Vec<PathBuf> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}

pub fn seeds() -> Vec<String> {
    seed_paths()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The seeds repeated, as separate articles, until they add up to `CORPUS_BYTES`.
pub fn corpus() -> Vec<Document> {
    let seeds = seeds();
    let mut docs = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        for (i, text) in seeds.iter().enumerate() {
            total += text.len();
            docs.push(Document::from_text(
                format!("{i}-{}.txt", docs.len()),
                text.clone(),
            ));
        }
    }
    docs
}

/// [`corpus`] written to `dir` as files (what `scripts/bench/make-corpus.sh` makes), with the
/// paths in name order and their total size.
pub fn write_corpus(dir: &Path) -> (Vec<PathBuf>, usize) {
    let mut paths = Vec::new();
    let mut total = 0;
    for d in corpus() {
        let path = dir.join(format!("{:06}_{}", paths.len(), d.name));
        std::fs::write(&path, &d.text).unwrap();
        total += d.text.len();
        paths.push(path);
    }
    (paths, total)
}

/// A benchmark group over the whole corpus: ten samples (a pass takes seconds), throughput in
/// bytes of article text.
pub fn corpus_group<'c>(
    c: &'c mut Criterion,
    name: &str,
    docs: &[Document],
) -> BenchmarkGroup<'c, WallTime> {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group
}
