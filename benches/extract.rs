//! Extraction throughput on a 50 MB corpus made by repeating the seed articles.
//!
//! `cargo bench --bench extract` reports:
//! - `articles_50MB`: extraction and serialisation of every article's features, one article
//!   at a time, on one core (no files);
//! - `end_to_end_50MB`: what `convoy extract DIR -o OUT` does, on all cores: reading the
//!   article files, extracting in parallel, writing the four output files atomically.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use convoy::{export, extract, Gazetteer};

mod common;

fn bench(c: &mut Criterion) {
    let g = Gazetteer::embedded().unwrap();
    let docs = common::corpus();
    let mut group = common::corpus_group(c, "extract", &docs);
    group.bench_function("articles_50MB", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let x = extract::extract(&g, d, None);
                    export::features(&g, d, &x, None).movements.len()
                })
                .sum::<usize>()
        })
    });
    let input = tempfile::tempdir().unwrap();
    let output = tempfile::tempdir().unwrap();
    let (paths, bytes) = common::write_corpus(input.path());
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("end_to_end_50MB", |b| {
        b.iter(|| {
            let sink = export::Sink::Dir(output.path().to_owned());
            export::run(&g, &paths, sink, &|_, _| {}).unwrap().movements
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
