//! Place-name matching throughput on a 50 MB corpus made by repeating the seed articles.
//!
//! `cargo bench --bench places` reports MB/s for normalising + matching (the one-pass automaton
//! over both gazetteer tiers) and for full resolution in context, one article at a time, on one
//! core.

use criterion::{criterion_group, criterion_main, Criterion};

use convoy::{geoparse, Gazetteer};

mod common;
use common::corpus;

fn bench(c: &mut Criterion) {
    let g = Gazetteer::embedded().unwrap();
    let matcher = g.matcher();
    let docs = corpus();
    let mut group = common::corpus_group(c, "places", &docs);
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
