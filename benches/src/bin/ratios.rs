//! Reads the latest `cargo bench -p api-errors-benches` results (criterion's
//! `estimates.json`) and prints the tables of BENCHMARKS.md: each way's
//! median time, its ratio to the baselines measured in the same run, and the
//! issue's targets. With a path argument it also draws the ratios as an SVG
//! chart (`benches/ratios.svg`).
//!
//! ```sh
//! cargo bench -p api-errors-benches
//! cargo run -p api-errors-benches --bin ratios -- benches/ratios.svg
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The groups, in order, with a title.
const GROUPS: [(&str, &str); 5] = [
    ("oz_null", "Oz, details null"),
    ("oz_details", "Oz, structured details"),
    ("entrecode_seed", "entrecode seed example"),
    (
        "interpolated",
        "entrecode, interpolated title + Display detail",
    ),
    ("rfc9457_out_of_credit", "RFC 9457, out of credit"),
];

/// The ways, in order, with a label.
const WAYS: [(&str, &str); 8] = [
    ("write_json", "derived write_json (reused Vec)"),
    ("to_json", "derived to_json (new String)"),
    ("serde_body", "serde_json of derived body()"),
    ("serde_struct", "hand-written serde struct"),
    ("hand_writer", "hand-written byte writer"),
    ("http_api_problem", "http-api-problem"),
    ("problem_details", "problem_details"),
    ("json_macro", "serde_json::json! + to_string"),
];

/// Median nanoseconds of each way of one group (`None` where not measured).
struct Group {
    name: &'static str,
    title: &'static str,
    times: Vec<Option<f64>>,
}

impl Group {
    fn time(&self, way: &str) -> Option<f64> {
        let index = WAYS.iter().position(|(name, _)| *name == way)?;
        self.times[index]
    }

    /// `time(a) / time(b)`.
    fn ratio(&self, a: &str, b: &str) -> Option<f64> {
        Some(self.time(a)? / self.time(b)?)
    }
}

fn criterion_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
        PathBuf::from,
    );
    target.join("criterion")
}

fn median(dir: &Path, group: &str, way: &str) -> Option<f64> {
    let path = dir.join(group).join(way).join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64()
}

fn format_ratio(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "–".to_owned(), |ratio| format!("{ratio:.2}×"))
}

fn main() {
    let dir = criterion_dir();
    let groups: Vec<Group> = GROUPS
        .iter()
        .map(|&(name, title)| Group {
            name,
            title,
            times: WAYS
                .iter()
                .map(|(way, _)| median(&dir, name, way))
                .collect(),
        })
        .collect();
    if groups
        .iter()
        .all(|group| group.times.iter().all(Option::is_none))
    {
        eprintln!(
            "no results under {}: run `cargo bench -p api-errors-benches` first",
            dir.display()
        );
        std::process::exit(1);
    }
    print!("{}", tables(&groups));
    print!("{}", targets(&groups));
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(&path, svg(&groups)).expect("writes the chart");
        eprintln!("wrote {path}");
    }
}

/// One table per group: median, and ratios to the serde struct and to the
/// hand-written writer.
fn tables(groups: &[Group]) -> String {
    let mut out = String::new();
    for group in groups {
        let _ = writeln!(out, "\n#### {} (`{}`)\n", group.title, group.name);
        let _ = writeln!(
            out,
            "| way | median | ÷ serde struct | ÷ hand writer |\n| --- | ---: | ---: | ---: |"
        );
        for (index, (way, label)) in WAYS.iter().enumerate() {
            let Some(time) = group.times[index] else {
                continue;
            };
            let _ = writeln!(
                out,
                "| {label} | {time:.1} ns | {} | {} |",
                format_ratio(group.ratio(way, "serde_struct")),
                format_ratio(group.ratio(way, "hand_writer")),
            );
        }
    }
    out
}

/// The issue's targets, each with its measured ratio.
fn targets(groups: &[Group]) -> String {
    let mut out = String::from(
        "\n#### Targets\n\n| target | group | measured | met |\n| --- | --- | ---: | :---: |\n",
    );
    let mut row = |target: &str, group: &Group, ratio: Option<f64>, met: fn(f64) -> bool| {
        let verdict = ratio.map_or("–", |ratio| if met(ratio) { "yes" } else { "**no**" });
        let _ = writeln!(
            out,
            "| {target} | `{}` | {} | {verdict} |",
            group.name,
            format_ratio(ratio)
        );
    };
    for group in groups {
        if matches!(group.name, "entrecode_seed" | "rfc9457_out_of_credit") {
            row(
                "write_json ≤ 1.5× hand writer",
                group,
                group.ratio("write_json", "hand_writer"),
                |ratio| ratio <= 1.5,
            );
        }
        if group.name == "entrecode_seed" {
            row(
                "serde struct ≥ 5× write_json",
                group,
                group.ratio("serde_struct", "write_json"),
                |ratio| ratio >= 5.0,
            );
        }
        row(
            "serde of body() ≤ 1.05× serde struct",
            group,
            group.ratio("serde_body", "serde_struct"),
            |ratio| ratio <= 1.05,
        );
        row(
            "http-api-problem ≥ 10× write_json",
            group,
            group.ratio("http_api_problem", "write_json"),
            |ratio| ratio >= 10.0,
        );
    }
    out
}

/// Horizontal bars of each way's time divided by the hand writer's, on a
/// logarithmic axis from 0.5× to 200×.
fn svg(groups: &[Group]) -> String {
    const WIDTH: f64 = 820.0;
    const LABEL: f64 = 250.0;
    const BAR: f64 = 16.0;
    const GAP: f64 = 4.0;
    const LOW: f64 = 0.5;
    const HIGH: f64 = 200.0;
    let plot = WIDTH - LABEL - 70.0;
    let x =
        |ratio: f64| LABEL + plot * (ratio.clamp(LOW, HIGH) / LOW).log10() / (HIGH / LOW).log10();
    let colours = [
        "#1f77b4", "#6baed6", "#9ecae1", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    ];
    let mut body = String::new();
    let mut y = 40.0;
    for group in groups {
        let _ = writeln!(
            body,
            r#"<text x="10" y="{:.0}" font-weight="bold">{}</text>"#,
            y + 12.0,
            group.title
        );
        y += 20.0;
        for (index, (way, label)) in WAYS.iter().enumerate() {
            let Some(ratio) = group.ratio(way, "hand_writer") else {
                continue;
            };
            let end = x(ratio);
            let _ = writeln!(
                body,
                r#"<text x="{:.0}" y="{:.0}" text-anchor="end">{label}</text><rect x="{LABEL:.0}" y="{y:.0}" width="{:.1}" height="{BAR:.0}" fill="{}"/><text x="{:.1}" y="{:.0}">{ratio:.2}×</text>"#,
                LABEL - 8.0,
                y + 12.0,
                end - LABEL,
                colours[index],
                end + 4.0,
                y + 12.0,
            );
            y += BAR + GAP;
        }
        y += 14.0;
    }
    let mut axis = String::new();
    for tick in [0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0] {
        let _ = write!(
            axis,
            r##"<line x1="{0:.1}" y1="30" x2="{0:.1}" y2="{1:.0}" stroke="#ccc"/><text x="{0:.1}" y="{2:.0}" text-anchor="middle">{tick}×</text>"##,
            x(tick),
            y,
            y + 14.0,
        );
    }
    let height = y + 30.0;
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH:.0}" height="{height:.0}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="20" font-size="14">Time of each way ÷ the hand-written byte writer (median, same run; log scale; lower is faster)</text>
{axis}
{body}</svg>
"#
    )
}
