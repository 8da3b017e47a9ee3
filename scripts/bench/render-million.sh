#!/usr/bin/env bash
# Times `convoy render` of a contract file of N features (default 10^6, made by
# make-features.sh when FILE is missing; ~1.4 GB) to PNG and prints seconds and peak RSS
# (issue 16, item 9: render streams, its memory does not grow with the file):
#   cargo build --release
#   scripts/bench/render-million.sh /tmp/features-1M.geojson
#   scripts/bench/render-million.sh /tmp/features-100k.geojson 100000
# CONVOY overrides the binary (default target/release/convoy, or $CARGO_TARGET_DIR's).
set -euo pipefail
file=${1:?usage: render-million.sh FILE [N]}
n=${2:-1000000}
root=$(cd "$(dirname "$0")/../.." && pwd)
convoy=${CONVOY:-${CARGO_TARGET_DIR:-$root/target}/release/convoy}
[ -e "$file" ] || "$root/scripts/bench/make-features.sh" "$n" mixed >"$file"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mb=$(($(stat -c %s "$file") >> 20))
/usr/bin/time -f '%e s %M KB' -o "$out/time" "$convoy" render "$file" -o "$out/map.png"
echo "render $file ($mb MB) to PNG: $(cat "$out/time")"
