//! Extraction throughput on a 50 MB corpus made by repeating the seed articles.
//!
//! `cargo bench --bench extract` reports:
//! - `articles_50MB`: extraction and serialisation of every article's features, one article
//!   at a time, on one core (no files);
//! - `end_to_end_50MB`: what `convoy extract DIR -o OUT` does, on all cores: reading the
//!   article files, extracting in parallel, writing the four output files atomically;
//! - `one_long_article/1MB`, `/4MB`, `/16MB`: one article of the seeds repeated to that size,
//!   so that time per MB shows whether anything grows faster than the text (it must not).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use convoy::document::Articles;
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
                    export::features(&g, d, &x, None, None).movements.len()
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
            export::run(&g, Articles::new(&paths), sink, &|_, _| {})
                .unwrap()
                .movements
        })
    });
    group.finish();
    long_article(c, &g);
}

/// One article of 1, 4 and 16 MB: the cost of reading one text must stay linear in its length.
fn long_article(c: &mut Criterion, g: &Gazetteer) {
    let seeds = common::seeds();
    let mut group = c.benchmark_group("one_long_article");
    group.sample_size(10);
    for mb in [1usize, 4, 16] {
        let mut text = String::new();
        while text.len() < mb << 20 {
            for s in &seeds {
                text.push_str(s);
                text.push_str("\n\n");
            }
        }
        let doc = convoy::Document::from_text("long.txt", &text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{mb}MB"), |b| {
            b.iter(|| extract::extract(g, &doc, None).movements.len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
