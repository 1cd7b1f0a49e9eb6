#!/usr/bin/env bash
# The first build a user pays for: a crate with one derived error enum, built
# from a clean target directory, against what they would write by hand.
#
# Generates two crates, each its own package (not a workspace, so that
# nothing unifies their features):
#   api-errors  the quickstart's Oz enum with `#[derive(ApiError)]`, no
#               features, and a function that writes its body
#   by-hand     the same enum with `thiserror`, a `#[derive(Serialize)]`
#               body struct and `serde_json::to_string` (code, status and
#               message matched by hand)
# and builds each ROUNDS times from an empty target directory (dev profile,
# the two interleaved so that the machine's load spreads over both),
# reporting the median time of each, their ratio, and how many crates each
# compiles (the "Compiling" lines, the user's crate included). The sources
# are already downloaded after the first round; what is timed is compiling.
#
# FEATURES=1 also builds the api-errors crate once with each optional feature
# alone, and reports what it adds over the build without features: that is
# what a crate that does not build the framework already pays; a service
# that already builds axum or actix-web pays only for what it does not.
#
# usage: benches/first-build.sh [ROUNDS]   (default 2; BENCHMARKS.md, "First
# build", has the target and the figures)
set -euo pipefail
rounds="${1:-2}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CARGO_INCREMENTAL=0

package() { # dir name dependencies...
    local dir=$1 name=$2
    shift 2
    mkdir -p "$dir/src"
    {
        echo "[package]"
        echo "name = \"$name\""
        echo "version = \"0.0.0\""
        echo "edition = \"2024\""
        echo "publish = false"
        echo "[workspace]"
        echo "[dependencies]"
        for dependency in "$@"; do echo "$dependency"; done
    } > "$dir/Cargo.toml"
}

derived() { # dir features
    local features=""
    [ -z "$2" ] || features=", features = [\"$2\"]"
    package "$1" first-build-api-errors "api-errors = { path = \"$root/error-core\"$features }"
    cat > "$1/src/lib.rs" <<'RUST'
use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
pub enum CapsuleError {
    #[api(code = 13)]
    NoContainer,
    #[api(code = 3, title = "Missing payload.json", detail = path)]
    MissingPayload { path: String },
    #[api(code = 14, title = "Invalid signature")]
    BadSignature,
    #[api(code = 10, title = "Capsule {0} not found")]
    NotFound(u64),
    #[api(code = 12)]
    Database(#[allow(dead_code)] std::io::Error),
}

pub fn body(error: &CapsuleError) -> (u16, String) {
    (error.status(), error.to_json())
}
RUST
}

by_hand() { # dir
    package "$1" first-build-by-hand \
        'thiserror = "2.0.17"' \
        'serde = { version = "1.0.220", features = ["derive"] }' \
        'serde_json = "1.0.140"'
    cat > "$1/src/lib.rs" <<'RUST'
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum CapsuleError {
    #[error("The API did not receive the container")]
    NoContainer,
    #[error("Missing payload.json")]
    MissingPayload { path: String },
    #[error("Invalid signature")]
    BadSignature,
    #[error("Capsule {0} not found")]
    NotFound(u64),
    #[error("Database error")]
    Database(#[source] std::io::Error),
}

#[derive(Serialize)]
struct Body<'a> {
    error_code: u16,
    error_message: String,
    details: Option<&'a str>,
}

pub fn body(error: &CapsuleError) -> (u16, String) {
    let (code, status, details) = match error {
        CapsuleError::NoContainer => (13, 400, None),
        CapsuleError::MissingPayload { path } => (3, 400, Some(path.as_str())),
        CapsuleError::BadSignature => (14, 400, None),
        CapsuleError::NotFound(_) => (10, 404, None),
        CapsuleError::Database(_) => (12, 500, None),
    };
    let body = Body { error_code: code, error_message: error.to_string(), details };
    (status, serde_json::to_string(&body).expect("a struct of strings and numbers"))
}
RUST
}

# One clean build of the package in $1: "seconds cpu-seconds crates", the
# CPU time (user and system, of cargo and every rustc) being what the load
# of a shared machine moves least.
build() {
    rm -rf "$1/target"
    local log="$1/build.log" times="$1/times"
    TIMEFORMAT='%R %U %S'
    { time (cd "$1" && cargo build --color never 2> "$log"); } 2> "$times"
    read -r real user system < "$times"
    echo "$real $(echo "$user + $system" | bc -l) $(grep -c '^ *Compiling ' "$log")"
}

median() { printf '%s\n' $1 | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

derived "$work/api-errors" ""
by_hand "$work/by-hand"
# Resolve and download once, outside the timing.
for crate in api-errors by-hand; do (cd "$work/$crate" && cargo fetch --quiet); done

declare -A times cpu count
for (( round = 1; round <= rounds; round++ )); do
    for crate in api-errors by-hand; do
        read -r seconds cpu_seconds crates < <(build "$work/$crate")
        times[$crate]="${times[$crate]:-} $seconds"
        cpu[$crate]="${cpu[$crate]:-} $cpu_seconds"
        count[$crate]=$crates
        printf 'round %d %-10s %6.2f s  (CPU %6.2f s)  %2d crates\n' \
            "$round" "$crate" "$seconds" "$cpu_seconds" "$crates" >&2
    done
done
ours=$(median "${times[api-errors]}")
theirs=$(median "${times[by-hand]}")
ours_cpu=$(median "${cpu[api-errors]}")
theirs_cpu=$(median "${cpu[by-hand]}")
printf '%-32s %6.2f s  (CPU %6.2f s)  %2d crates\n' "api-errors (no features)" \
    "$ours" "$ours_cpu" "${count[api-errors]}"
printf '%-32s %6.2f s  (CPU %6.2f s)  %2d crates\n' "thiserror + serde + serde_json" \
    "$theirs" "$theirs_cpu" "${count[by-hand]}"
printf 'ratio %.2f, CPU %.2f (target: at most 1.30, at most 16 crates)\n' \
    "$(echo "$ours / $theirs" | bc -l)" "$(echo "$ours_cpu / $theirs_cpu" | bc -l)"

if [ -n "${FEATURES:-}" ]; then
    for feature in http tracing describe utoipa axum actix-web; do
        dir="$work/feature-$feature"
        derived "$dir" "$feature"
        (cd "$dir" && cargo fetch --quiet)
        read -r seconds _ crates < <(build "$dir")
        printf 'feature %-10s %6.2f s  %3d crates  (+%.1f s, +%d crates)\n' "$feature" \
            "$seconds" "$crates" "$(echo "$seconds - $ours" | bc -l)" \
            "$(( crates - ${count[api-errors]} ))"
    done
fi
