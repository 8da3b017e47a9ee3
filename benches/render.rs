//! Map rendering time, on the fixtures of `tests/fixtures/render/`.
//!
//! `cargo bench --bench render` reports the time to draw the fixture overview (3 movements, 4
//! events, 8 places) and the dense one (32 movements, 24 events, 45 places) at 2000×1500: as
//! SVG alone, and as PNG (SVG, then parsing and rasterising it with resvg, then encoding);
//! and both files of the dense one drawn twice or drawn once (`svg_and_png`; set
//! `CONVOY_BENCH_MAP_DATA=DIR` to add a directory of contract files, e.g. a corpus's extract).
//! The first call in a process also parses the embedded basemap and fonts (once, then kept);
//! criterion's warm-up hides that cost, so the whole-process figure is measured apart (see the
//! `first_render` group, which times a fresh process's first map).

use std::path::Path;

use criterion::{criterion_group, Criterion};

use convoy::render::{render_png, render_svg, render_svg_and_png, MapOptions, Scene};

fn data(dir: &str) -> Scene {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render");
    Scene::from_paths(&[root.join(dir)]).unwrap()
}

fn bench(c: &mut Criterion) {
    let opts = MapOptions::default();
    let mut group = c.benchmark_group("render");
    group.sample_size(20);
    for (name, dir) in [("fixture", "."), ("dense", "dense")] {
        let d = data(dir);
        group.bench_function(format!("{name}_svg_2000x1500"), |b| {
            b.iter(|| render_svg(&d, &opts).unwrap())
        });
        group.bench_function(format!("{name}_png_2000x1500"), |b| {
            b.iter(|| render_png(&d, &opts).unwrap())
        });
    }
    group.finish();

    // The overview is written as SVG and PNG: two drawings, or one drawing written both ways.
    // CONVOY_BENCH_MAP_DATA=DIR adds a directory of contract files (e.g. a corpus's extract).
    let mut group = c.benchmark_group("svg_and_png");
    group.sample_size(10);
    let mut inputs = vec![("dense".to_owned(), data("dense"))];
    if let Some(dir) = std::env::var_os("CONVOY_BENCH_MAP_DATA") {
        inputs.push(("data".to_owned(), Scene::from_paths(&[dir.into()]).unwrap()));
    }
    for (name, d) in &inputs {
        group.bench_function(format!("{name}_drawn_twice"), |b| {
            b.iter(|| (render_svg(d, &opts).unwrap(), render_png(d, &opts).unwrap()))
        });
        group.bench_function(format!("{name}_drawn_once"), |b| {
            b.iter(|| render_svg_and_png(d, &opts).unwrap())
        });
    }
    group.finish();

    // A whole first render as a new process would do it: basemap and fonts parsed once, then
    // the map. Measured by running this bench binary's own first iteration only once.
    let mut group = c.benchmark_group("first_render");
    group.sample_size(10);
    group.bench_function("fixture_png_2000x1500_cold", |b| {
        b.iter_custom(|iters| {
            let exe = std::env::current_exe().unwrap();
            let start = std::time::Instant::now();
            for _ in 0..iters {
                let status = std::process::Command::new(&exe)
                    .env("CONVOY_RENDER_ONCE", "1")
                    .status()
                    .unwrap();
                assert!(status.success());
            }
            start.elapsed()
        })
    });
    group.finish();
}

/// With CONVOY_RENDER_ONCE set, the bench binary draws the fixture overview once and exits:
/// the cold, whole-process cost of a map.
fn render_once_if_asked() {
    if std::env::var_os("CONVOY_RENDER_ONCE").is_some() {
        let png = render_png(&data("."), &MapOptions::default()).unwrap();
        assert!(!png.is_empty());
        std::process::exit(0);
    }
}

criterion_group!(benches, bench);

fn main() {
    render_once_if_asked();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
