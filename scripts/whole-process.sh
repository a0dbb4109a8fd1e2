#!/usr/bin/env bash
# Issue 6, item 5: `dossier analyze` as a whole process (model loading included) on about 400 KB of news,
# and its peak memory at 1x, 3x and 9x that input (memory should stay flat in the number of documents).
# Input: the team-written articles in testdata/articles, repeated as JSONL records with distinct ids.
# Usage: scripts/whole-process.sh [DOSSIER_BIN]   (default: target/release/dossier, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/dossier}
[ -x "$bin" ] || cargo build --release -p dossier-cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
docs = [(p.stem, p.read_text()) for p in sorted(pathlib.Path("testdata/articles").glob("*.txt"))]
size = sum(len(t.encode()) for _, t in docs)
reps = -(-400_000 // size)
for mult in (1, 3, 9):
    with open(out / f"news{mult}.jsonl", "w") as f:
        for r in range(reps * mult):
            for stem, text in docs:
                f.write(json.dumps({"id": f"{stem}-{r}", "text": text, "published": "2026-11-20"}) + "\n")
PY
for mult in 1 3 9; do
  f="$tmp/news$mult.jsonl"
  "$bin" analyze "$f" --out "$tmp/out.jsonl" >/dev/null 2>&1 # warm the file cache
  /usr/bin/time -f "%e %U %M" -o "$tmp/t" "$bin" analyze "$f" --out "$tmp/out.jsonl" 2>/dev/null
  read -r wall user rss < "$tmp/t"
  printf '%s KB input, %s records: %s s wall, %s s user, peak RSS %s MB\n' \
    "$(( $(wc -c < "$f") / 1000 ))" "$(wc -l < "$f")" "$wall" "$user" "$(( rss / 1000 ))"
done
