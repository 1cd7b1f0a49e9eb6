#!/usr/bin/env bash
# Mutation testing of the runtime interpreter and the derive's expansion:
# cargo-mutants changes one operator or body at a time, and a
# mutant no test notices is a gap in the tests.
#
# How to run (from anywhere in the checkout; needs `cargo install --locked
# cargo-mutants`, version 27):
#   benches/mutants.sh                        every file in FILES below
#   benches/mutants.sh --files "error-core/src/common/escape.rs"
#   benches/mutants.sh --list                 count the mutants, run nothing
#   benches/mutants.sh -- --shard 1/4         anything after `--` goes to
#                                             `cargo mutants` (-F REGEX, ...)
# Options: --files "A B" (paths or globs, relative to the root), -j N,
# --timeout S (test phase), --build-timeout S, --list.
# Environment: MUTANTS_TARGET_DIR (build directory, default
# target/mutants/build), MUTANTS_NICE (default 10: the machine is shared),
# MUTANTS_DEBUG (the dev profile's `debug`, default 0: see below).
#
# Output, in target/mutants/ (not committed): summary.txt with the line
# "caught X of Y viable (Z%), U unviable, T timeouts", missed.txt (one
# surviving mutant a line, `file:line:column: replacement`), unviable.txt,
# timeouts.txt, caught-at-build.txt, and cargo-mutants' own mutants.out/
# (a log per mutant: its diff, the cargo commands and their output).
#
# What runs for every mutant, whichever package it is in:
#   cargo test -p api-errors -p api-errors-derive -p api-errors-tests --lib --tests
# that is the runtime's and the derive's unit tests and every integration
# test under tests/tests/ (the framework ones included: they compare bodies
# and cost about 1.5 s each). cargo-mutants would otherwise test only the
# mutated package; `--test-package` names the three. Left out:
#   - doctests (`--lib --tests`): each one is a separate compilation, minutes
#     a mutant, and they illustrate what the integration tests judge;
#   - api-errors-compile-fail (trybuild): its cases are compile errors of the
#     parser and the validator, not bodies, and its own build of 130 cases
#     would multiply the time of a mutant.
#
# How a mutant is counted. cargo-mutants calls a mutant "unviable" when
# `cargo test --no-run` fails. For a derive that is too broad: a mutated
# expansion (or a mutated escape table, which the derive runs at compile
# time) that makes a test crate fail to compile — the macro panicked, or the
# code it wrote does not type-check or trips a lint the tests deny — is a
# test failing. So an "unviable" mutant is counted unviable only when a
# mutated crate itself (`api-errors` or `api-errors-derive`, lib) did not
# compile; otherwise it is caught (and listed in caught-at-build.txt).
# Timeouts are reported apart and are not in the viable count.
#
# Where it runs. The checkout (committed and untracked files, as they are
# now, not the ignored ones) is copied to target/mutants/tree, and
# cargo-mutants mutates that copy in place (--in-place): the checkout is
# never written to, and the copy keeps one path from run to run, so the
# build directory's dependencies and incremental state are reused (the first
# run builds the test dependencies: about 8 minutes on 2 cores; after that a
# mutant costs about 17 s without debug information, most of it to rebuild
# the 34 test binaries; the whole list, about 440 mutants, about 2 hours and
# 10 minutes). A baseline
# `cargo test` of the same packages in the copy runs first and must pass; its
# test time sets the test timeout (5 times it, at least 120 s).
# With -j N > 1, cargo-mutants copies the tree once per job instead, each with
# its own build directory, copied from the baseline's (tree/target; a shared
# one would serialise the jobs on cargo's lock): worth it only with cores and
# disk to spare (3.5 GB a job).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# The files to mutate. Globs are expanded here, in the checkout, so that a
# file added to or renamed in these folders is picked up.
FILES="error-core/src/private/*.rs error-core/src/common/escape.rs error-core/src/common/layout.rs error-derive/src/expand/*.rs error-derive/src/plan.rs"
# The packages whose tests judge every mutant, and which of their targets.
TEST_PACKAGES=(api-errors api-errors-derive api-errors-tests)
TEST_TARGETS=(--lib --tests)
# The crates a mutant lives in: if one of these fails to compile, the mutant
# is unviable (see above).
MUTATED_CRATES='api-errors|api-errors-derive'

jobs=1
list=
test_timeout=
build_timeout=900
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --files) FILES="$2"; shift 2 ;;
        -j|--jobs) jobs="$2"; shift 2 ;;
        --timeout) test_timeout="$2"; shift 2 ;;
        --build-timeout) build_timeout="$2"; shift 2 ;;
        --list) list=1; shift ;;
        --) shift; extra=("$@"); break ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "mutants.sh: unknown option $1 (see --help)" >&2; exit 1 ;;
    esac
done

# `--file` for cargo-mutants, one per existing file (a glob that matches
# nothing is dropped, so a renamed file does not abort the run).
file_args=()
for pattern in $FILES; do
    for file in $pattern; do
        [ -f "$file" ] && file_args+=(--file "$file")
    done
done
[ ${#file_args[@]} -gt 0 ] || { echo "mutants.sh: no file matches: $FILES" >&2; exit 1; }

out="$root/target/mutants"
tree="$out/tree"
mkdir -p "$out"

if [ -n "$list" ]; then
    cargo mutants --list --workspace "${file_args[@]}" "${extra[@]}" \
        | tee "$out/list.txt" | cut -d: -f1 | sort | uniq -c
    echo "$(wc -l < "$out/list.txt") mutants (the list is in $out/list.txt)"
    exit 0
fi

# Copy the checkout. Modification times are kept, so that cargo sees the
# files it built last time as unchanged; the files cargo-mutants may have
# mutated are then touched, because the build directory holds whatever the
# last mutant of the last run compiled, and a restored file with its old time
# would not be rebuilt.
mkdir -p "$tree"
find "$tree" -mindepth 1 -maxdepth 1 ! -name target -exec rm -rf {} +
git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' path; do
        if [ -e "$path" ] || [ -L "$path" ]; then printf '%s\0' "$path"; fi
    done \
    | tar --null --no-recursion -T - -cf - | tar -xf - -C "$tree"
for ((i = 1; i < ${#file_args[@]}; i += 2)); do touch "$tree/${file_args[i]}"; done

nice_cmd=(nice -n "${MUTANTS_NICE:-10}")
package_args=()
for package in "${TEST_PACKAGES[@]}"; do package_args+=(-p "$package"); done

cd "$tree"
# No debug information: a mutant relinks the 34 test binaries, and their
# debug sections (axum, actix-web, tokio) are most of what the linker writes.
# Nothing here reads a backtrace. (Changing it rebuilds the build directory.)
export CARGO_PROFILE_DEV_DEBUG="${MUTANTS_DEBUG:-0}"
if [ "$jobs" -le 1 ]; then
    export CARGO_TARGET_DIR="${MUTANTS_TARGET_DIR:-$out/build}"
    place=(--in-place)
else
    unset CARGO_TARGET_DIR
    place=(--jobs "$jobs" --copy-target=true)
fi

# Baseline: the same build and tests, unmutated. cargo-mutants' own baseline
# would test only the mutated packages (not tests/), so it is skipped below.
echo "baseline: building the tests (the first run builds every dependency)" >&2
"${nice_cmd[@]}" cargo test --no-run -q "${package_args[@]}" "${TEST_TARGETS[@]}"
start=$(date +%s)
"${nice_cmd[@]}" cargo test -q "${package_args[@]}" "${TEST_TARGETS[@]}" > "$out/baseline.log" 2>&1 \
    || { echo "mutants.sh: the tests fail unmutated; see $out/baseline.log" >&2; exit 1; }
baseline=$(($(date +%s) - start))
[ -n "$test_timeout" ] || test_timeout=$((baseline * 5 > 120 ? baseline * 5 : 120))
echo "baseline: tests pass in ${baseline}s; test timeout ${test_timeout}s, build timeout ${build_timeout}s" >&2

test_package_args=()
for package in "${TEST_PACKAGES[@]}"; do test_package_args+=(--test-package "$package"); done
test_target_args=()
for target in "${TEST_TARGETS[@]}"; do test_target_args+=("--cargo-test-arg=$target"); done

start=$(date +%s)
status=0
"${nice_cmd[@]}" cargo mutants "${place[@]}" --workspace "${file_args[@]}" \
    "${test_package_args[@]}" "${test_target_args[@]}" \
    --baseline=skip --no-shuffle \
    --timeout "$test_timeout" --build-timeout "$build_timeout" \
    --output "$out" "${extra[@]}" || status=$?
elapsed=$(($(date +%s) - start))
# 2: some mutants missed, 3: some timed out; anything else is a failure of
# the run itself.
case $status in 0|2|3) ;; *) echo "mutants.sh: cargo mutants exited with $status" >&2; exit "$status" ;; esac

# Classify. `jq` prints each mutant's outcome and log; an "unviable" mutant
# whose log shows only test targets failing to compile is caught.
results="$out/mutants.out/outcomes.json"
: > "$out/missed.txt"; : > "$out/unviable.txt"; : > "$out/timeouts.txt"; : > "$out/caught-at-build.txt"
caught=0 missed=0 unviable=0 timeouts=0 at_build=0
while IFS=$'\t' read -r summary name log; do
    case "$summary" in
        CaughtMutant) caught=$((caught + 1)) ;;
        MissedMutant) missed=$((missed + 1)); echo "$name" >> "$out/missed.txt" ;;
        Timeout) timeouts=$((timeouts + 1)); echo "$name" >> "$out/timeouts.txt" ;;
        Unviable)
            if grep -qE "could not compile \`($MUTATED_CRATES)\` \(lib\)" "$out/mutants.out/$log"; then
                unviable=$((unviable + 1)); echo "$name" >> "$out/unviable.txt"
            else
                caught=$((caught + 1)); at_build=$((at_build + 1)); echo "$name" >> "$out/caught-at-build.txt"
            fi ;;
        *) echo "mutants.sh: unexpected outcome $summary for $name" >&2 ;;
    esac
done < <(jq -r '.outcomes[] | select(.scenario.Mutant) | [.summary, .scenario.Mutant.name, .log_path] | @tsv' "$results")

viable=$((caught + missed))
tested=$((viable + unviable + timeouts))
percent=$(awk -v c="$caught" -v v="$viable" 'BEGIN { printf "%.1f", v ? 100 * c / v : 0 }')
{
    echo "caught $caught of $viable viable ($percent%), $unviable unviable, $timeouts timeouts"
    echo "($at_build of the caught by a test target that no longer compiled; see caught-at-build.txt)"
    echo "$tested mutants in $((elapsed / 60)) min $((elapsed % 60)) s ($((tested ? elapsed / tested : 0)) s a mutant)"
    if [ "$missed" -gt 0 ]; then echo "missed:"; sed 's/^/  /' "$out/missed.txt"; fi
} | tee "$out/summary.txt"
