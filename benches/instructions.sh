#!/usr/bin/env bash
# Instructions per call of each way of writing each body, counted by
# callgrind (stable whatever the machine's load): the totals of 2,000 and
# 1,000 calls, differenced, divided by 1,000.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release -p api-errors-benches --bin instructions >&2
bin="$target/release/instructions"
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
groups="${*:-oz_null oz_details entrecode_seed interpolated rfc9457_out_of_credit extract_valid extract_missing_property layer_valid layer_missing_property}"
for group in $groups; do
    case "$group" in
        extract_*) ways="axum_json api_errors_json" ;;
        layer_*) ways="router layered layered_id" ;;
        rfc9457_*) ways="write_json to_json serde_body serde_struct hand_writer http_api_problem problem_details" ;;
        *) ways="write_json to_json serde_body serde_struct hand_writer" ;;
    esac
    for way in $ways; do
        low=$(count "$group/$way" 1000)
        high=$(count "$group/$way" 2000)
        echo "$group/$way $(( (high - low) / 1000 ))"
    done
done
