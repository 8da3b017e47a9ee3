#!/usr/bin/env bash
# Times `convoy map` on a corpus of about SIZE_MB megabytes (made by make-corpus.sh when DIR
# is missing) and prints wall time, CPU time, peak memory and article maps per second:
#   cargo build --release
#   scripts/bench/map-corpus.sh /tmp/corpus5 5      # issue 14: >= 16 maps/s, < 300 MB
#   scripts/bench/map-corpus.sh /tmp/corpus50 50    # issue 14: completes, < 1 GB
# CONVOY overrides the binary (default target/release/convoy, or $CARGO_TARGET_DIR's).
set -euo pipefail
dir=${1:?usage: map-corpus.sh DIR [SIZE_MB]}
size_mb=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
convoy=${CONVOY:-${CARGO_TARGET_DIR:-$root/target}/release/convoy}
[ -d "$dir" ] || "$root/scripts/bench/make-corpus.sh" "$dir" "$size_mb"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
articles=$(find "$dir" -maxdepth 1 -name '*.txt' | wc -l)
/usr/bin/time -f '%e %U %S %M' -o "$out/time" "$convoy" map "$dir" -o "$out/maps" --quiet
read -r wall user sys kb <"$out/time"
maps=$(find "$out/maps" -maxdepth 1 -name '*.png' ! -name overview.png | wc -l)
[ "$maps" -eq "$articles" ] || { echo "only $maps maps for $articles articles" >&2; exit 1; }
awk -v a="$articles" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" -v c="$(nproc)" 'BEGIN {
  printf "%d articles: %.1f s wall, %.1f s CPU (%d cores), peak RSS %.0f MB, %.1f maps/s\n",
    a, w, u + s, c, k / 1024, a / w
}'
