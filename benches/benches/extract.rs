//! `cargo bench -p api-errors-benches --bench extract`: the JSON extractor of
//! `api_errors::axum` against axum's own `Json`, in the same run, on a valid
//! body and on a rejected one (a property missing, two levels down); and a
//! router with the crate's `Json`, with and without `FrameworkErrorsLayer`.
//! The requests, extractors and routers are in `src/extract.rs`.

use std::hint::black_box;

use api_errors_benches::extract::{
    MISSING, VALID, api_errors_json, axum_json, through_layer_with_id, through_router,
};
use criterion::{Criterion, criterion_group, criterion_main};

fn extract(c: &mut Criterion) {
    for (name, body, accepted) in [("valid", VALID, true), ("missing_property", MISSING, false)] {
        // Both extractors agree on the body before either is timed.
        assert_eq!(
            (axum_json(body), api_errors_json(body)),
            (accepted, accepted)
        );
        let mut group = c.benchmark_group(format!("extract_{name}"));
        group.bench_function("axum::Json", |b| b.iter(|| axum_json(black_box(body))));
        group.bench_function("api_errors::axum::Json", |b| {
            b.iter(|| api_errors_json(black_box(body)));
        });
        group.finish();
    }
}

/// A request through a router with the crate's `Json`, with and without
/// `FrameworkErrorsLayer`: what the layer costs a request it passes (a
/// valid body) and one it answers (a missing property, answered in Oz
/// instead of the rejection's empty 400).
fn layer(c: &mut Criterion) {
    for (name, body, status) in [("valid", VALID, 200), ("missing_property", MISSING, 400)] {
        assert_eq!(through_router(body, false), status);
        assert_eq!(through_router(body, true), status);
        let mut group = c.benchmark_group(format!("layer_{name}"));
        group.bench_function("router", |b| {
            b.iter(|| through_router(black_box(body), false));
        });
        group.bench_function("router + FrameworkErrorsLayer", |b| {
            b.iter(|| through_router(black_box(body), true));
        });
        // The same request with an `x-request-id`: what the id costs.
        assert_eq!(through_layer_with_id(body), (status, status >= 400));
        group.bench_function("router + FrameworkErrorsLayer, with a request id", |b| {
            b.iter(|| through_layer_with_id(black_box(body)));
        });
        group.finish();
    }
}

criterion_group!(benches, extract, layer);
criterion_main!(benches);
