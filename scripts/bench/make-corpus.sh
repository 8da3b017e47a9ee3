#!/usr/bin/env bash
# Makes a corpus of about SIZE_MB megabytes (default 50) by copying the seed articles under new
# names, for the extraction benchmark:
#   scripts/bench/make-corpus.sh /tmp/corpus 50
#   /usr/bin/time -v target/release/convoy extract /tmp/corpus -o /tmp/corpus-out
set -euo pipefail
dir=${1:?usage: make-corpus.sh DIR [SIZE_MB]}
size_mb=${2:-50}
mkdir -p "$dir"
root=$(cd "$(dirname "$0")/../.." && pwd)
total=0
i=0
limit=$((size_mb * 1024 * 1024))
while [ "$total" -lt "$limit" ]; do
  for f in "$root"/seeds/*.txt; do
    cp "$f" "$dir/$(printf '%06d' "$i")_$(basename "$f")"
    total=$((total + $(stat -c %s "$f")))
    i=$((i + 1))
  done
done
echo "$i articles, $total bytes in $dir"
