#!/usr/bin/env bash
# Score the name work on the labelled news sets (issue 14).
#
# usage: tools/score_names.sh [OUTDIR]   (default /tmp/glossary-names)
# Builds seeds/, ../shared/corpus/news-dev and ../shared/corpus/news-dev2 with
# this checkout's code into fresh term bases, exports each (json, tbx, po,
# csv) and prints each set's score.py summary line; the full miss lists are
# in OUTDIR/SET.score. Needs `make run` (or `make .venv/.installed`) first.
# GLOSSARY_BACKEND=pyvi scores another Vietnamese tagger (build --backend).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus=${GLOSSARY_CORPUS:-$repo/../shared/corpus}
out=${1:-/tmp/glossary-names}
glossary="$repo/.venv/bin/glossary"
backend=${GLOSSARY_BACKEND:-underthesea}
mkdir -p "$out"
for set in seeds news-dev news-dev2; do
  case $set in seeds) src=$repo/seeds ;; *) src=$corpus/$set ;; esac
  rm -f "$out/$set".db*
  "$glossary" build --backend "$backend" "$src"/*.txt --db "$out/$set.db" >/dev/null 2>"$out/$set.build.err" \
    || { echo "build of $set failed: see $out/$set.build.err" >&2; exit 1; }
  for f in json tbx po csv; do
    "$glossary" export --db "$out/$set.db" --format "$f" -o "$out/$set.$f" >/dev/null 2>&1
  done
  if [ "$set" != seeds ]; then
    python3 "$corpus/$set/score.py" "$out/$set.json" "$corpus/$set" >"$out/$set.score"
    echo "$set: $(tail -1 "$out/$set.score")"
  fi
done
