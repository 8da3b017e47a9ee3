//! Place-name matching throughput on a 50 MB corpus made by repeating the seed articles.
//!
//! `cargo bench --bench places` reports MB/s for normalising + matching (the one-pass automaton
//! over both gazetteer tiers) and for full resolution in context, one article at a time, on one
//! core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use convoy::{geoparse, Document, Gazetteer};

const CORPUS_BYTES: usize = 50 * 1024 * 1024;

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The seeds repeated, as separate articles, until they add up to `CORPUS_BYTES`.
fn corpus() -> Vec<Document> {
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

fn bench(c: &mut Criterion) {
    let g = Gazetteer::embedded().unwrap();
    let matcher = g.matcher();
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("places");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("normalize_50MB", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| convoy::arabic::normalize(&d.text).text().len())
                .sum::<usize>()
        })
    });
    group.bench_function("match_50MB", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| matcher.find(&d.text).len())
                .sum::<usize>()
        })
    });
    group.bench_function("resolve_50MB", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| geoparse::resolve(&g, d).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
