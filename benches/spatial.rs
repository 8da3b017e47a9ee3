//! Spatial index figures on 1,000,000 random points spread uniformly over the sphere:
//! bulk-load time, k = 10 nearest, and all within 50 km, with geodesic distances (WGS 84).
//! A second group repeats the queries on 1,000,000 points packed into the Iraq–Syria box
//! (about 1 point per km²), where a 50 km radius holds thousands of answers.
//!
//! `cargo bench --bench spatial`

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use geo::Point;
use rand::{rngs::StdRng, RngExt, SeedableRng};

use convoy::spatial::SpatialIndex;

const N: usize = 1_000_000;

/// A point uniform on the sphere (uniform in longitude and in sin(latitude)).
fn sphere_point(rng: &mut StdRng) -> Point<f64> {
    let lon = rng.random_range(-180.0..180.0);
    let lat = rng.random_range(-1.0f64..1.0).asin().to_degrees();
    Point::new(lon, lat)
}

fn region_point(rng: &mut StdRng) -> Point<f64> {
    Point::new(rng.random_range(36.0..48.0), rng.random_range(30.0..37.5))
}

fn bench_set(c: &mut Criterion, name: &str, gen: fn(&mut StdRng) -> Point<f64>) {
    let mut rng = StdRng::seed_from_u64(42);
    let points: Vec<(u32, Point<f64>)> = (0..N as u32).map(|i| (i, gen(&mut rng))).collect();
    let queries: Vec<Point<f64>> = (0..1024).map(|_| gen(&mut rng)).collect();
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function("build_1M", |b| {
        b.iter_batched(|| points.clone(), SpatialIndex::new, BatchSize::LargeInput)
    });
    let index = SpatialIndex::new(points.clone());
    group.sample_size(100);
    let mut i = 0;
    group.bench_function("nearest_k10", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(index.nearest(queries[i], 10, None, |_| true))
        })
    });
    group.bench_function("within_50km", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(index.within(queries[i], 50_000.0, |_| true))
        })
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let mut rng = StdRng::seed_from_u64(7);
    let pairs: Vec<(Point<f64>, Point<f64>)> = (0..1024)
        .map(|_| (region_point(&mut rng), region_point(&mut rng)))
        .collect();
    let mut i = 0;
    c.bench_function("geodesic_inverse", |b| {
        b.iter(|| {
            i = (i + 1) % pairs.len();
            black_box(convoy::spatial::geodesic(pairs[i].0, pairs[i].1))
        })
    });
    bench_set(c, "spatial_sphere", sphere_point);
    bench_set(c, "spatial_region", region_point);
}

criterion_group!(benches, bench);
criterion_main!(benches);
