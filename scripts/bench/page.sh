#!/usr/bin/env bash
# The interactive page (index.html) on the seeds and on a corpus of SIZE_MB megabytes (default
# 50, made by make-corpus.sh): its size, the time convoy takes to write it, and in Debian's
# headless Chromium its load time and slowest filter, with every browser check of
# tests/browser/page.test.mjs (run `npm ci` in tests/browser first):
#   scripts/bench/page.sh 50
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
size_mb=${1:-50}
cd "$root"
cargo build --release --quiet
convoy="${CARGO_TARGET_DIR:-$root/target}/release/convoy"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$convoy" map seeds -o "$work/seeds" -q
bash scripts/bench/make-corpus.sh "$work/corpus" "$size_mb" >/dev/null
"$convoy" extract "$work/corpus" -o "$work/corpus-out" -q
/usr/bin/time -f "corpus page written in %e s, max RSS %M KB" \
  "$convoy" render "$work/corpus-out" -o "$work/corpus-out/index.html"
cd tests/browser
for d in seeds corpus-out; do
  echo "== $d: $(du -b "$work/$d/movements.geojson" | cut -f1) bytes of movements.geojson"
  PAGE_DIR="$work/$d" node --test page.test.mjs | grep -E '^# (page|filtering|pass|fail)'
done
