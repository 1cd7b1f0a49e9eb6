//! `cargo bench -p api-errors-benches`: one criterion group per body, every
//! way of writing it measured in the same run, so that ratios within a group
//! are honest on a noisy machine. `cargo run -p api-errors-benches --bin
//! ratios` then prints the table of BENCHMARKS.md and draws the chart.
//!
//! Every way writes into a buffer reused across iterations (cleared first),
//! except `to_json` and `json!`, which return a new `String` as their callers
//! get it. The peer crates build their value and serialise it in each
//! iteration: that is what an error response costs with them.

use std::hint::black_box;

use api_errors::ApiError;
use api_errors_benches::{
    self as fixtures, Embedded, Link, Links, OzStruct, Pointer, SubStruct, Violation,
};
use criterion::{Criterion, criterion_group, criterion_main};
use http::Uri;
use http_api_problem::{HttpApiProblem, StatusCode};
use problem_details::ProblemDetails;
use serde::Serialize;

/// The `_links` of an entrecode body whose type URL is `type_url`.
fn links(type_url: &str) -> Links<'_> {
    Links {
        up: Link {
            title: "Data Manager Home Page",
            href: "https://datamanager.entrecode.de",
        },
        describedby: Link {
            title: "Error Description",
            href: type_url,
        },
    }
}

/// The seed's sub-error.
fn sub_error(property: &str) -> Embedded<SubStruct<'_>> {
    Embedded {
        error: SubStruct {
            code: 2201,
            title: "Missing property in JSON Body",
            type_url: "https://entrecode.de/doc/errors/2201",
            detail: property,
        },
    }
}

/// What `problem_details` adds after its own members (`type`, `status`,
/// `title`, `detail`), flattened into the object.
#[derive(Serialize)]
struct EntrecodeExtensions<'a, E> {
    code: u16,
    #[serde(rename = "_links")]
    links: Links<'a>,
    #[serde(rename = "_embedded", skip_serializing_if = "Option::is_none")]
    embedded: Option<E>,
}

fn write(out: &mut Vec<u8>, value: &impl Serialize) {
    serde_json::to_writer(out, value).expect("serialises");
}

/// The rows every group has: the derived error three ways.
fn derived<E: ApiError>(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    error: &E,
) {
    let mut out = Vec::with_capacity(1024);
    group.bench_function("write_json", |b| {
        b.iter(|| {
            out.clear();
            black_box(error).write_json(&mut out);
            black_box(&out);
        });
    });
    group.bench_function("to_json", |b| b.iter(|| black_box(error).to_json()));
    group.bench_function("serde_body", |b| {
        b.iter(|| {
            out.clear();
            write(&mut out, &black_box(error).body());
            black_box(&out);
        });
    });
}

/// Times `write` into a reused buffer.
fn into_buffer(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    mut write: impl FnMut(&mut Vec<u8>),
) {
    let mut out = Vec::with_capacity(1024);
    group.bench_function(name, |b| {
        b.iter(|| {
            out.clear();
            write(&mut out);
            black_box(&out);
        });
    });
}

fn oz_null(c: &mut Criterion) {
    let mut group = c.benchmark_group("oz_null");
    derived(&mut group, &fixtures::oz_null());
    into_buffer(&mut group, "serde_struct", fixtures::oz_null_struct);
    into_buffer(&mut group, "hand_writer", fixtures::oz_null_hand);
    into_buffer(&mut group, "http_api_problem", |out| {
        let problem = HttpApiProblem::empty()
            .value("error_code", &10)
            .value("error_message", &"Resource not found")
            .value("details", &());
        write(out, &problem);
    });
    into_buffer(&mut group, "problem_details", |out| {
        let problem = ProblemDetails::new().with_extensions(OzStruct {
            error_code: 10,
            error_message: "Resource not found",
            details: (),
        });
        write(out, &problem);
    });
    group.bench_function("json_macro", |b| b.iter(fixtures::oz_null_json));
    group.finish();
}

fn oz_details(c: &mut Criterion) {
    let mut group = c.benchmark_group("oz_details");
    let details: Violation = fixtures::violation();
    let details = &details;
    derived(&mut group, &fixtures::oz_details());
    into_buffer(&mut group, "serde_struct", |out| {
        fixtures::oz_details_struct(out, black_box(details));
    });
    into_buffer(&mut group, "hand_writer", |out| {
        fixtures::oz_details_hand(out, black_box(details));
    });
    into_buffer(&mut group, "http_api_problem", |out| {
        let problem = HttpApiProblem::empty()
            .value("error_code", &4)
            .value("error_message", &"Invalid value")
            .value("details", black_box(details));
        write(out, &problem);
    });
    into_buffer(&mut group, "problem_details", |out| {
        let problem = ProblemDetails::new().with_extensions(OzStruct {
            error_code: 4,
            error_message: "Invalid value",
            details: black_box(details),
        });
        write(out, &problem);
    });
    group.bench_function("json_macro", |b| {
        b.iter(|| fixtures::oz_details_json(black_box(details)));
    });
    group.finish();
}

fn entrecode_seed(c: &mut Criterion) {
    let mut group = c.benchmark_group("entrecode_seed");
    let (name, property) = ("count", "property");
    derived(&mut group, &fixtures::seed());
    into_buffer(&mut group, "serde_struct", |out| {
        fixtures::seed_struct(out, black_box(name), black_box(property));
    });
    into_buffer(&mut group, "hand_writer", |out| {
        fixtures::seed_hand(out, black_box(name), black_box(property));
    });
    let type_url = "https://entrecode.de/doc/errors/2202";
    into_buffer(&mut group, "http_api_problem", |out| {
        let problem = HttpApiProblem::new(StatusCode::BAD_REQUEST)
            .type_url(type_url)
            .title("Missing property in query string")
            .detail(black_box(name))
            .value("code", &2202)
            .value("_links", &links(type_url))
            .value("_embedded", &sub_error(black_box(property)));
        write(out, &problem);
    });
    into_buffer(&mut group, "problem_details", |out| {
        let problem = ProblemDetails::new()
            .with_type(Uri::from_static(type_url))
            .with_status(StatusCode::BAD_REQUEST)
            .with_title("Missing property in query string")
            .with_detail(black_box(name))
            .with_extensions(EntrecodeExtensions {
                code: 2202,
                links: links(type_url),
                embedded: Some(sub_error(black_box(property))),
            });
        write(out, &problem);
    });
    group.bench_function("json_macro", |b| {
        b.iter(|| fixtures::seed_json(black_box(name), black_box(property)));
    });
    group.finish();
}

fn interpolated(c: &mut Criterion) {
    let mut group = c.benchmark_group("interpolated");
    let property = "count";
    let pointer = Pointer(vec!["items".into(), "3".into(), "count".into()]);
    let pointer = &pointer;
    derived(&mut group, &fixtures::interpolated());
    into_buffer(&mut group, "serde_struct", |out| {
        fixtures::interpolated_struct(out, black_box(property), black_box(pointer));
    });
    into_buffer(&mut group, "hand_writer", |out| {
        fixtures::interpolated_hand(out, black_box(property), black_box(pointer));
    });
    let type_url = "https://entrecode.de/doc/errors/2211";
    into_buffer(&mut group, "http_api_problem", |out| {
        let problem = HttpApiProblem::new(StatusCode::BAD_REQUEST)
            .type_url(type_url)
            .title(format!("Invalid value for {}", black_box(property)))
            .detail(black_box(pointer).to_string())
            .value("code", &2211)
            .value("_links", &links(type_url));
        write(out, &problem);
    });
    into_buffer(&mut group, "problem_details", |out| {
        let problem = ProblemDetails::new()
            .with_type(Uri::from_static(type_url))
            .with_status(StatusCode::BAD_REQUEST)
            .with_title(format!("Invalid value for {}", black_box(property)))
            .with_detail(black_box(pointer).to_string())
            .with_extensions(EntrecodeExtensions::<()> {
                code: 2211,
                links: links(type_url),
                embedded: None,
            });
        write(out, &problem);
    });
    group.bench_function("json_macro", |b| {
        b.iter(|| fixtures::interpolated_json(black_box(property), black_box(pointer)));
    });
    group.finish();
}

/// RFC 9457 §3's out-of-credit body. The peers' builders live in the
/// library (`src/rfc9457.rs`), so that its unit test checks their bodies too.
fn rfc9457_out_of_credit(c: &mut Criterion) {
    use fixtures::rfc9457;
    let mut group = c.benchmark_group("rfc9457_out_of_credit");
    let values = rfc9457::values();
    let values = &values;
    derived(&mut group, &rfc9457::out_of_credit());
    into_buffer(&mut group, "serde_struct", |out| {
        rfc9457::out_of_credit_struct(out, black_box(values));
    });
    into_buffer(&mut group, "hand_writer", |out| {
        rfc9457::out_of_credit_hand(out, black_box(values));
    });
    into_buffer(&mut group, "http_api_problem", |out| {
        rfc9457::out_of_credit_http_api_problem(out, black_box(values));
    });
    into_buffer(&mut group, "problem_details", |out| {
        rfc9457::out_of_credit_problem_details(out, black_box(values));
    });
    group.finish();
}

fn check(_: &mut Criterion) {
    fixtures::check();
    fixtures::rfc9457::check();
}

criterion_group!(
    benches,
    check,
    oz_null,
    oz_details,
    entrecode_seed,
    interpolated,
    rfc9457_out_of_credit
);
criterion_main!(benches);
