#!/usr/bin/env bash
# Compile time of the derive for its users.
#
# Generates one crate with a large Oz error enum (unit, tuple and struct
# variants, interpolated titles) three times, in a temporary workspace:
#   plain      #[derive(Debug)] only
#   derive     #[derive(Debug, ApiError)] with the same codes, titles, details
#   thiserror  #[derive(Debug, thiserror::Error)] plus hand-written `code()`
#              and `status()` matches carrying the same information
# builds the dependencies once, then rebuilds each crate ROUNDS times (after
# touching its source; CARGO_INCREMENTAL=0, dev profile, the three crates
# interleaved so that the machine's load spreads over all of them) and
# reports the median of each and the ratio of the derive's cost over the
# plain enum to thiserror's cost over the plain enum (BENCHMARKS.md,
# "Compile time", has the targets at each size).
#
# usage: benches/compile-time.sh [VARIANTS] [ROUNDS]   (default 30 5;
# KEEP=1 keeps the generated workspace, for profiling; INSTRUCTIONS=1 also
# counts rustc's instructions for each crate once under callgrind, which
# does not depend on the machine's load: about 3 minutes for 1,000 variants)
set -euo pipefail
variants="${1:-30}"
rounds="${2:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
export CARGO_INCREMENTAL=0
export CARGO_TARGET_DIR="$work/target"

cat > "$work/Cargo.toml" <<TOML
[workspace]
resolver = "3"
members = ["plain", "derive", "thiserror"]

[workspace.dependencies]
api-errors = { path = "$root/error-core" }
thiserror = "2.0.17"
serde = "1.0.220"
TOML

# Codes 0..=14 in turn; the table's default status (its class is checked).
variant() { # kind index code
    local i=$2 code=$3
    case $1 in
        unit)   echo "V$i" ;;
        tuple)  echo "V$i(String, u32)" ;;
        struct) echo "V$i { name: String, line: u32 }" ;;
    esac
}
kind() { case $(( $1 % 3 )) in 0) echo unit ;; 1) echo tuple ;; 2) echo struct ;; esac; }
title() { # kind index
    case $1 in
        unit)   echo "Error number $2" ;;
        tuple)  echo "Bad value {0} ($2)" ;;
        struct) echo "Missing {name} at line {line} ($2)" ;;
    esac
}
status() { case $1 in 0|2|11|12) echo 500 ;; *) echo 400 ;; esac; }

generate() { # crate
    local crate=$1 dir="$work/$1"
    mkdir -p "$dir/src"
    {
        echo "[package]"
        echo "name = \"gen-$crate\""
        echo "version = \"0.0.0\""
        echo "edition = \"2024\""
        echo "publish = false"
        echo "[dependencies]"
        case $crate in
            derive) echo "api-errors.workspace = true" ;;
            thiserror) echo "thiserror.workspace = true" ;;
        esac
    } > "$dir/Cargo.toml"
    {
        echo "#![allow(dead_code)]"
        case $crate in
            plain) echo "#[derive(Debug)]" ;;
            derive) echo "#[derive(Debug, api_errors::ApiError)]"; echo "#[api(format = \"oz\")]" ;;
            thiserror) echo "#[derive(Debug, thiserror::Error)]" ;;
        esac
        echo "pub enum Error {"
        local i kind code
        for (( i = 0; i < variants; i++ )); do
            kind=$(kind $i); code=$(( i % 15 ))
            case $crate in
                derive)
                    case $kind in
                        unit) echo "    #[api(code = $code, title = \"$(title $kind $i)\")]" ;;
                        tuple) echo "    #[api(code = $code, title = \"$(title $kind $i)\", detail = 1)]" ;;
                        struct) echo "    #[api(code = $code, title = \"$(title $kind $i)\", detail = name)]" ;;
                    esac ;;
                thiserror) echo "    #[error(\"$(title $kind $i)\")]" ;;
            esac
            echo "    $(variant $kind $i $code),"
        done
        echo "}"
        if [ "$crate" = thiserror ]; then
            for method in code status; do
                echo "impl Error {"
                echo "    pub fn $method(&self) -> u16 {"
                echo "        match self {"
                for (( i = 0; i < variants; i++ )); do
                    kind=$(kind $i); code=$(( i % 15 ))
                    value=$code; [ $method = status ] && value=$(status $code)
                    case $kind in
                        unit) echo "            Self::V$i => $value," ;;
                        tuple) echo "            Self::V$i(..) => $value," ;;
                        struct) echo "            Self::V$i { .. } => $value," ;;
                    esac
                done
                echo "        }"
                echo "    }"
                echo "}"
            done
        fi
    } > "$dir/src/lib.rs"
}

crates="plain derive thiserror"
for crate in $crates; do generate "$crate"; done
echo "generated $variants variants in $work; building dependencies once" >&2
# One build per crate as it is measured (`-p`): features of shared
# dependencies may unify differently than in a workspace build.
for crate in $crates; do (cd "$work" && cargo build --quiet -p "gen-$crate"); done

declare -A times
for (( round = 1; round <= rounds; round++ )); do
    for crate in $crates; do
        touch "$work/$crate/src/lib.rs"
        start=$(date +%s.%N)
        (cd "$work" && cargo build --quiet -p "gen-$crate")
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        times[$crate]="${times[$crate]:-} $t"
        printf 'round %d %-9s %.2f s\n' "$round" "$crate" "$t" >&2
    done
done

median() { printf '%s\n' $1 | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
plain=$(median "${times[plain]}")
derive=$(median "${times[derive]}")
thiserror=$(median "${times[thiserror]}")
echo
echo "$variants variants, median of $rounds rebuilds (CARGO_INCREMENTAL=0, dev profile):"
printf '| crate | median | over plain |\n| --- | --- | --- |\n'
printf '| plain `derive(Debug)` | %.2f s | |\n' "$plain"
printf '| `derive(ApiError)` | %.2f s | %.2f s |\n' "$derive" "$(echo "$derive - $plain" | bc -l)"
printf '| thiserror + matches | %.2f s | %.2f s |\n' "$thiserror" "$(echo "$thiserror - $plain" | bc -l)"
printf '\nderive cost / thiserror cost = %.2f (wall clock)\n' \
    "$(echo "($derive - $plain) / ($thiserror - $plain)" | bc -l)"

if [ -n "${INSTRUCTIONS:-}" ]; then
    # rustc alone (not cargo), through a wrapper that runs the three crates'
    # compilations under callgrind.
    cat > "$work/count-rustc" <<'WRAPPER'
#!/usr/bin/env bash
case " $* " in
    *" --crate-name gen_"*)
        exec valgrind --tool=callgrind --callgrind-out-file="$COUNT_OUT" "$@" ;;
    *) exec "$@" ;;
esac
WRAPPER
    chmod +x "$work/count-rustc"
    declare -A counts
    for crate in $crates; do
        touch "$work/$crate/src/lib.rs"
        (cd "$work" && COUNT_OUT="$work/$crate.callgrind" RUSTC_WRAPPER="$work/count-rustc" \
            cargo build --quiet -p "gen-$crate" 2>/dev/null)
        counts[$crate]=$(sed -n 's/^summary: *//p' "$work/$crate.callgrind")
    done
    millions() { echo "$(( ($1 + 500000) / 1000000 ))"; }
    echo
    echo "rustc instructions (callgrind):"
    printf '| crate | instructions | over plain |\n| --- | --- | --- |\n'
    printf '| plain `derive(Debug)` | %s M | |\n' "$(millions "${counts[plain]}")"
    printf '| `derive(ApiError)` | %s M | %s M |\n' "$(millions "${counts[derive]}")" \
        "$(millions "$(( counts[derive] - counts[plain] ))")"
    printf '| thiserror + matches | %s M | %s M |\n' "$(millions "${counts[thiserror]}")" \
        "$(millions "$(( counts[thiserror] - counts[plain] ))")"
    printf '\nderive cost / thiserror cost = %.2f (instructions)\n' \
        "$(echo "(${counts[derive]} - ${counts[plain]}) / (${counts[thiserror]} - ${counts[plain]})" | bc -l)"
fi
