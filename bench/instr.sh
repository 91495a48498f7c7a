#!/bin/sh
# instr.sh — what the analyzer costs in instructions, which the machine's load does not change
# (wall-clock MB/s on this shared VM moves by ±30%): callgrind runs bench/bench_analyze.c over the
# first MB bytes of the `make bench` corpus (default 1,000,000; 3,665 messages) and prints the
# instructions triage_message and tone_check execute per pass over them (the bench analyses the
# slice more than once: a warm-up and the timed run; each function's inclusive count is divided
# by its calls per message), then the functions that cost most. Needs valgrind. Not a test.
# Usage: sh bench/instr.sh [BYTES]   (after `make build/rel/bench/bench_analyze build/rel/bench/gen`)
set -eu
BYTES=${1:-1000000}
TMP=$(mktemp -d /tmp/redress-instr.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
build/rel/bench/gen 20 "$TMP/corpus.txt" >/dev/null 2>&1
head -c "$BYTES" "$TMP/corpus.txt" >"$TMP/slice.txt"
MSGS=$(awk 'END { print NR }' "$TMP/slice.txt")
valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" \
    build/rel/bench/bench_analyze "$TMP/slice.txt" 1 >/dev/null 2>&1
callgrind_annotate --threshold=100 --tree=caller --inclusive=yes "$TMP/cg.out" 2>/dev/null >"$TMP/tree.txt"
echo "== $BYTES bytes, $MSGS messages; instructions per pass"
for fn in triage_message tone_check; do
    grep -B1 -E "^ *[0-9,]+ .*\*  .*:$fn( |$)" "$TMP/tree.txt" | grep -E "< .*:analyse \(" | tr -d , |
        sed -E 's/^ *([0-9]+) .*\(([0-9]+)x\).*/\1 \2/' |
        awk -v fn="$fn" -v m="$MSGS" '{ printf "%-15s %8.2f M (%d calls)\n", fn, $1 / ($2 / m) / 1e6, $2 }'
done
echo "== most expensive functions, all passes of both (self)"
callgrind_annotate "$TMP/cg.out" 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,14p'
