//! Runs one way of writing one body `COUNT` times, for instruction counts
//! that do not depend on the machine's load:
//!
//! ```sh
//! valgrind --tool=callgrind target/release/instructions entrecode_seed/write_json 1000
//! ```
//!
//! `benches/instructions.sh` runs every way with two counts and divides the
//! difference of the totals by the difference of the counts: the
//! instructions of one call.

use std::hint::black_box;

use api_errors::ApiError;
use api_errors_benches as fixtures;

/// Calls `write` `count` times into a reused buffer.
fn run(count: u32, mut write: impl FnMut(&mut Vec<u8>)) {
    let mut out = Vec::with_capacity(1024);
    for _ in 0..count {
        out.clear();
        write(black_box(&mut out));
        black_box(&out);
    }
}

/// The derived error's own ways; `false` if `way` is not one of them.
fn derived(way: &str, count: u32, error: &impl ApiError) -> bool {
    match way {
        "write_json" => run(count, |out| black_box(error).write_json(out)),
        "to_json" => run(count, |_| {
            black_box(black_box(error).to_json());
        }),
        "serde_body" => run(count, |out| {
            serde_json::to_writer(out, &black_box(error).body()).expect("serialises");
        }),
        _ => return false,
    }
    true
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(name), Some(count)) = (args.next(), args.next()) else {
        eprintln!("usage: instructions GROUP/WAY COUNT");
        std::process::exit(2);
    };
    let count: u32 = count.parse().expect("COUNT is a number");
    let (group, way) = name.split_once('/').expect("GROUP/WAY");
    let details = fixtures::violation();
    let pointer = fixtures::Pointer(vec!["items".into(), "3".into(), "count".into()]);
    if group.starts_with("extract_") {
        extract(group, way, count);
        return;
    }
    if group.starts_with("layer_") {
        layer(group, way, count);
        return;
    }
    let done = match group {
        "oz_null" => derived(way, count, &fixtures::oz_null()),
        "oz_details" => derived(way, count, &fixtures::oz_details()),
        "entrecode_seed" => derived(way, count, &fixtures::seed()),
        "interpolated" => derived(way, count, &fixtures::interpolated()),
        "rfc9457_out_of_credit" => derived(way, count, &fixtures::rfc9457::out_of_credit()),
        _ => false,
    };
    if done {
        return;
    }
    let (name, property) = (black_box("count"), black_box("property"));
    match (group, way) {
        ("oz_null", "serde_struct") => run(count, fixtures::oz_null_struct),
        ("oz_null", "hand_writer") => run(count, fixtures::oz_null_hand),
        ("oz_details", "serde_struct") => {
            run(count, |out| fixtures::oz_details_struct(out, &details));
        }
        ("oz_details", "hand_writer") => run(count, |out| fixtures::oz_details_hand(out, &details)),
        ("entrecode_seed", "serde_struct") => {
            run(count, |out| fixtures::seed_struct(out, name, property));
        }
        ("entrecode_seed", "hand_writer") => {
            run(count, |out| fixtures::seed_hand(out, name, property));
        }
        ("interpolated", "serde_struct") => {
            run(count, |out| {
                fixtures::interpolated_struct(out, name, &pointer);
            });
        }
        ("interpolated", "hand_writer") => {
            run(count, |out| {
                fixtures::interpolated_hand(out, name, &pointer);
            });
        }
        ("rfc9457_out_of_credit", _) => rfc9457(way, count),
        _ => {
            eprintln!("unknown way {group}/{way}");
            std::process::exit(2);
        }
    }
}

/// `rfc9457_out_of_credit`'s other ways, the two peer crates included.
fn rfc9457(way: &str, count: u32) {
    use api_errors_benches::rfc9457::{
        out_of_credit_hand, out_of_credit_http_api_problem, out_of_credit_problem_details,
        out_of_credit_struct, values,
    };
    let values = values();
    let values = &values;
    match way {
        "serde_struct" => run(count, |out| out_of_credit_struct(out, black_box(values))),
        "hand_writer" => run(count, |out| out_of_credit_hand(out, black_box(values))),
        "http_api_problem" => run(count, |out| {
            out_of_credit_http_api_problem(out, black_box(values));
        }),
        "problem_details" => run(count, |out| {
            out_of_credit_problem_details(out, black_box(values));
        }),
        _ => {
            eprintln!("unknown way rfc9457_out_of_credit/{way}");
            std::process::exit(2);
        }
    }
}

/// The extractors' groups: `extract_valid` and `extract_missing_property`,
/// ways `axum_json` and `api_errors_json`.
fn extract(group: &str, way: &str, count: u32) {
    use api_errors_benches::extract::{MISSING, VALID, api_errors_json, axum_json};
    let body = match group {
        "extract_valid" => VALID,
        "extract_missing_property" => MISSING,
        _ => {
            eprintln!("unknown group {group}");
            std::process::exit(2);
        }
    };
    let read: fn(&'static str) -> bool = match way {
        "axum_json" => axum_json,
        "api_errors_json" => api_errors_json,
        _ => {
            eprintln!("unknown way {group}/{way}");
            std::process::exit(2);
        }
    };
    for _ in 0..count {
        black_box(read(black_box(body)));
    }
}

/// A request through a router with the crate's `Json`, with (`layered`)
/// and without (`router`) `FrameworkErrorsLayer`.
fn layer(group: &str, way: &str, count: u32) {
    use api_errors_benches::extract::{MISSING, VALID, through_layer_with_id, through_router};
    let body = match group {
        "layer_valid" => VALID,
        "layer_missing_property" => MISSING,
        _ => {
            eprintln!("unknown group {group}");
            std::process::exit(2);
        }
    };
    let layered = match way {
        "router" => false,
        "layered" => true,
        "layered_id" => {
            for _ in 0..count {
                black_box(through_layer_with_id(black_box(body)));
            }
            return;
        }
        _ => {
            eprintln!("unknown way {group}/{way}");
            std::process::exit(2);
        }
    };
    for _ in 0..count {
        black_box(through_router(black_box(body), layered));
    }
}
