//! `cargo bench -p api-errors-benches --bench extract`: the JSON extractor of
//! `api_errors::axum` against axum's own `Json`, in the same run, on a valid
//! body and on a rejected one (a property missing, two levels down). The
//! requests and extractors are in `src/extract.rs`.

use std::hint::black_box;

use api_errors_benches::extract::{MISSING, VALID, api_errors_json, axum_json};
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

criterion_group!(benches, extract);
criterion_main!(benches);
