#!/usr/bin/env bash
# Pathological single articles (issue 16, item 7) at doubling sizes: convoy extract's wall time,
# time per MB, peak RSS and the size of movements.geojson, so one sees that time per MB does not
# rise with size and the output stays in proportion to the input.
#
#   scripts/bench/pathological.sh [KIND...]
#
# Kinds (default: line names sentences nostop):
#   line       the seed articles joined into one line, repeated: 1 2 4 8 16 64 MB (and 200 MB
#              when BIG=1), with --max-article-mb
#   names      10k, 100k (and 1M when BIG=1) gazetteer names in one sentence, listed as the
#              origins of one withdrawal
#   sentences  a short withdrawal sentence repeated: 1 4 16 MB
#   nostop     the seed articles with every full stop made a comma: one sentence of 1 4 16 MB
# SIZES="1 2 4" overrides the sizes of line, sentences and nostop; COUNTS="10000" those of names.
#
# Figures (2026-12-02, 2 shared cores at load average 10; seconds, s/MB, peak RSS):
#   line       1 MB 0.20 s 0.200 s/MB 33 MB; 8 MB 1.08 0.135 176; 16 MB 1.83 0.114 337;
#              64 MB 9.13 0.143 1287; 200 MB 33.6 0.168 3980 (before: 200 MB still running
#              after 15 minutes)
#   names      10k 0.14 s 17 MB; 100k (2.1 MB) 0.51 s 54 MB (before: 6.6 s, 290 MB of
#              movements.geojson); 1M (21 MB) 3.95 s 0.188 s/MB 424 MB
#   sentences  1 MB 0.24 s; 4 MB 0.70; 16 MB 3.50 (0.219 s/MB) 414 MB
#   nostop     1 MB 0.40 s; 4 MB 0.67; 16 MB 2.07 (0.129 s/MB) 330 MB
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cargo build --release --quiet
convoy="${CARGO_TARGET_DIR:-$root/target}/release/convoy"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# make KIND SIZE FILE: writes the input of KIND at SIZE (MB, or names for `names`) to FILE.
make() {
  python3 - "$1" "$2" "$3" "$root" "$convoy" <<'EOF'
import glob, json, re, subprocess, sys
kind, size, path, root, convoy = sys.argv[1:]
seeds = " ".join(
    open(f, encoding="utf-8").read().replace("\n", " ") for f in sorted(glob.glob(root + "/seeds/*.txt"))
)

def repeat(unit, mb):
    n = int(float(mb) * 1024 * 1024)
    data = (unit.encode() * (n // len(unit.encode()) + 1))[:n]
    return data.decode("utf-8", "ignore")

if kind == "line":
    text = repeat(seeds + " ", size)
elif kind == "nostop":
    text = repeat(re.sub(r"[.!?؟]", "،", seeds) + " ", size)
elif kind == "sentences":
    text = repeat("انسحبت القوات الأمريكية من قاعدة التنف إلى الأردن. ", size)
elif kind == "names":
    listed = subprocess.run([convoy, "gazetteer", "list", "--no-geonames", "--format", "json"],
                            check=True, capture_output=True).stdout
    names = [p["name_ar"] for p in json.loads(listed)]
    n = int(size)
    text = ("انسحبت القوات الأمريكية من "
            + " و".join(names[i % len(names)] for i in range(n))
            + " إلى الأراضي العراقية.\n")
else:
    sys.exit(f"unknown kind {kind}")
open(path, "w", encoding="utf-8").write(text)
EOF
}

printf '%-10s %10s %10s %9s %9s %12s %10s\n' kind size MB seconds s/MB 'peak RSS MB' 'movements'
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(line names sentences nostop)
for kind in "${kinds[@]}"; do
  case $kind in
    line) sizes=${SIZES:-1 2 4 8 16 64${BIG:+ 200}} ;;
    names) sizes=${COUNTS:-10000 100000${BIG:+ 1000000}} ;;
    sentences | nostop) sizes=${SIZES:-1 4 16} ;;
    *) echo "unknown kind $kind" >&2; exit 2 ;;
  esac
  for size in $sizes; do
    rm -rf "$work/in" "$work/out"
    mkdir -p "$work/in"
    make "$kind" "$size" "$work/in/article.txt"
    bytes=$(stat -c %s "$work/in/article.txt")
    /usr/bin/time -f '%e %M' -o "$work/time" \
      "$convoy" extract "$work/in" -o "$work/out" -q --max-article-mb 256
    read -r secs kb <"$work/time"
    awk -v k="$kind" -v s="$size" -v b="$bytes" -v t="$secs" -v m="$kb" \
      -v o="$(stat -c %s "$work/out/movements.geojson")" 'BEGIN {
        mb = b / 1048576
        printf "%-10s %10s %10.2f %9.2f %9.3f %12.0f %10.0f KB\n", k, s, mb, t, t / mb, m / 1024, o / 1024
      }'
  done
done
