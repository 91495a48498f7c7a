#!/bin/sh
# identical.sh — checks that a change to the analyzer's speed changed none of its results: builds
# redress from REF (default: the merge base of HEAD and main, so the word lists and the tuning
# set are the same on both sides and only this branch's code differs) in build/identical/ref,
# builds this tree, and runs both over the same texts (bench/identical_inputs.py: the tuning
# messages and drafts, their lines and shuffled variants, the fuzz seeds, the first 1 MB of the
# `make bench` corpus and 20,000 random texts; never the locked set), comparing exactly:
#   - `redress triage --jsonl` and `redress check --jsonl` output, byte for byte;
#   - every field of triage_result and tone_result, floats in %a (bench/dump_analyze.c);
#   - the fitted model (build/gen/analyze_model.c), which training derives from what the rules
#     find on the tuning set.
# Exit 0 when all are the same, 1 with the first differing lines otherwise. Run it before landing
# a change to scan.c, the lexicon builder or the model's scoring. Takes a few minutes (a second
# build of redress); the reference build is kept while REF's tree is unchanged.
# Usage: sh bench/identical.sh [REF]
set -eu
cd "$(dirname "$0")/.."
REF=${1:-$(git merge-base HEAD main)}
TREE=$(git rev-parse "$REF^{tree}")
OUT=build/identical
REFDIR=$OUT/ref
PKGS="sqlite3 libsodium jansson gmime-3.0 libcurl libical libmicrohttpd pangocairo"
mkdir -p "$OUT"

# dump_analyze against the libredress.a of the tree in $1
dump_build() {
    # shellcheck disable=SC2046
    cc -std=c17 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -O1 -I"$1/src" -I"$1/build/gen" \
        $(pkg-config --cflags jansson) -o "$1/build/dump_analyze" bench/dump_analyze.c \
        "$1/build/rel/libredress.a" $(pkg-config --libs $PKGS) -lm -pthread
}

if [ "$(cat "$REFDIR/.tree" 2>/dev/null)" != "$TREE" ]; then
    echo "== building the reference, $REF (tree $TREE), in $REFDIR"
    rm -rf "$REFDIR"
    mkdir -p "$REFDIR"
    git archive "$TREE" | tar -x -C "$REFDIR"
    make -C "$REFDIR" -s -j2 GIT_COMMIT=ref build/rel/redress build/rel/libredress.a \
        >"$OUT/ref-build.log" 2>&1 || { tail -20 "$OUT/ref-build.log"; exit 1; }
    dump_build "$REFDIR"
    echo "$TREE" >"$REFDIR/.tree"
fi
echo "== building this tree"
make -s -j2 build/rel/redress build/rel/libredress.a build/rel/bench/gen >"$OUT/build.log" 2>&1 ||
    { tail -20 "$OUT/build.log"; exit 1; }
dump_build .

if [ ! -f "$OUT/slice.txt" ]; then
    build/rel/bench/gen 20 "$OUT/corpus.txt" >/dev/null 2>&1
    head -c 1000000 "$OUT/corpus.txt" >"$OUT/slice.txt"
    rm -f "$OUT/corpus.txt"
fi
python3 bench/identical_inputs.py "$OUT/slice.txt" >"$OUT/inputs.jsonl"

fail=0
same() { # name, reference file, this tree's file
    if cmp -s "$2" "$3"; then
        echo "same: $1 ($(wc -l <"$3") lines)"
    else
        echo "DIFFERENT: $1"
        diff "$2" "$3" | head -6
        fail=1
    fi
}
for side in ref new; do
    dir=$([ $side = ref ] && echo "$REFDIR" || echo .)
    "$dir/build/rel/redress" triage --jsonl <"$OUT/inputs.jsonl" >"$OUT/triage.$side" || true
    "$dir/build/rel/redress" check --jsonl <"$OUT/inputs.jsonl" >"$OUT/check.$side" || true
    "$dir/build/dump_analyze" "$OUT/inputs.jsonl" >"$OUT/dump.$side"
done
echo "== $(wc -l <"$OUT/inputs.jsonl") texts, $REF against this tree"
same "redress triage --jsonl" "$OUT/triage.ref" "$OUT/triage.new"
same "redress check --jsonl" "$OUT/check.ref" "$OUT/check.new"
same "every field, floats in %a" "$OUT/dump.ref" "$OUT/dump.new"
same "the fitted model" "$REFDIR/build/gen/analyze_model.c" build/gen/analyze_model.c
exit $fail
