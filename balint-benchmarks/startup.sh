#!/usr/bin/env bash
# Start-up timing of the balint program, side by side in one run: a trivial Java main,
# `balint --version` and `balint validate examples/riverside.json` (every contribution coded),
# run alternately N times (default 15). Prints, for each, the median wall-clock time and the median
# processor time (user + system, less sensitive to other load on the machine), and the ratios.
# Usage: balint-benchmarks/startup.sh [N]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/balint" --version >/dev/null   # builds the jar and its class-data archive if needed
printf 'public class Trivial { public static void main(String[] a) { System.out.println("ok"); } }\n' \
  >"$work/Trivial.java"
javac -d "$work" "$work/Trivial.java"

# Appends "wall cpu" in milliseconds for one run of a command (output discarded, exit code ignored).
TIMEFORMAT='%R %U %S'
measure() {
  local file="$1"
  shift
  { time "$@" >/dev/null 2>&1 || true; } 2>&1 | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' >>"$file"
}

for ((i = 0; i < runs; i++)); do
  measure "$work/trivial" java -cp "$work" Trivial
  measure "$work/version" "$root/balint" --version
  measure "$work/validate" "$root/balint" validate "$root/examples/riverside.json"
done

median() { awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
tw=$(median "$work/trivial" 1); tc=$(median "$work/trivial" 2)
vw=$(median "$work/version" 1); vc=$(median "$work/version" 2)
dw=$(median "$work/validate" 1); dc=$(median "$work/validate" 2)
echo "$runs runs each, alternating; medians in milliseconds (wall-clock, processor)"
printf '%-32s %6s %6s\n' "trivial Java main" "$tw" "$tc"
printf '%-32s %6s %6s   %sx, %sx the trivial main\n' "balint --version" "$vw" "$vc" "$(ratio "$vw" "$tw")" "$(ratio "$vc" "$tc")"
printf '%-32s %6s %6s   %sx, %sx --version\n' "balint validate riverside.json" "$dw" "$dc" "$(ratio "$dw" "$vw")" "$(ratio "$dc" "$vc")"
