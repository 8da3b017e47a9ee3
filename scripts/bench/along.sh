#!/usr/bin/env bash
# Times `convoy near --along FILE --within 20km` on a movements file of N movements (default
# 105000, ~180 MB, made by make-features.sh when FILE is missing) and on its first half, and
# prints seconds and peak RSS of each (issue 16, item 9: --along streams, in time linear in the
# file and memory that does not grow with it):
#   cargo build --release
#   scripts/bench/along.sh /tmp/movements-180M.geojson
# CONVOY overrides the binary (default target/release/convoy, or $CARGO_TARGET_DIR's).
set -euo pipefail
file=${1:?usage: along.sh FILE [N]}
n=${2:-105000}
root=$(cd "$(dirname "$0")/../.." && pwd)
convoy=${CONVOY:-${CARGO_TARGET_DIR:-$root/target}/release/convoy}
[ -e "$file" ] || "$root/scripts/bench/make-features.sh" "$n" movements >"$file"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/scripts/bench/make-features.sh" $((n / 2)) movements >"$out/half.geojson"
for f in "$out/half.geojson" "$file"; do
  mb=$(($(stat -c %s "$f") >> 20))
  /usr/bin/time -f '%e s %M KB' -o "$out/time" "$convoy" near --along "$f" --within 20km >"$out/rows"
  echo "near --along ($mb MB, $(wc -l <"$out/rows") lines out): $(cat "$out/time")"
done
