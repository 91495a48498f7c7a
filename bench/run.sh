#!/bin/sh
# run.sh — the analyzer benchmark (`make bench`): generates a 100 MB corpus of realistic
# messages (bench/gen.c, fixed seed) into bench/out/, measures triage and check on one core
# (bench/bench_analyze.c, peak memory from /usr/bin/time -v), runs the same corpus through the
# npm packages sentiment, vader-sentiment and write-good (installed into bench/node_modules),
# and prints throughput and the ratios. Not a test: numbers depend on the machine.
# Environment: BENCH_MB (corpus size, default 100), BENCH_REPS (runs per analyzer, default 3), JS_SENTIMENT_MB / JS_VADER_MB / JS_WG_MB
# (how much each JavaScript tool processes; the slow ones get a slice, default 100 / 4 / 4).
set -eu
cd "$(dirname "$0")/.."
MB=${BENCH_MB:-100}
OUT=bench/out
CORPUS=$OUT/corpus-$MB.txt
mkdir -p "$OUT"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%dT%H:%MZ)"
[ -f "$CORPUS" ] || build/rel/bench/gen "$MB" "$CORPUS"
echo "== corpus: $CORPUS ($(wc -c <"$CORPUS") bytes, $(wc -l <"$CORPUS") messages)"

echo "== redress analyzer (one core, fastest of ${BENCH_REPS:-3} runs; median beside it)"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v build/rel/bench/bench_analyze "$CORPUS" "${BENCH_REPS:-3}" >"$OUT/c.txt" 2>"$OUT/time.txt"
    grep -E 'Maximum resident' "$OUT/time.txt" | sed 's/^[[:space:]]*/   /'
else
    build/rel/bench/bench_analyze "$CORPUS" "${BENCH_REPS:-3}" >"$OUT/c.txt"
fi
cat "$OUT/c.txt"

if command -v node >/dev/null && command -v npm >/dev/null; then
    if [ ! -d bench/node_modules/write-good ]; then
        echo "== installing the JavaScript tools into bench/node_modules"
        (cd bench && npm install --no-audit --no-fund --silent)
    fi
    echo "== JavaScript tools (node $(node --version)); slow ones on a slice, throughput from what they processed"
    node bench/bench.js "$CORPUS" "${JS_SENTIMENT_MB:-100}" "${JS_VADER_MB:-4}" "${JS_WG_MB:-4}" >"$OUT/js.txt"
    cat "$OUT/js.txt"
else
    echo "== node/npm not found: JavaScript comparison skipped"
    : >"$OUT/js.txt"
fi

echo "== ratios (MB/s of redress / MB/s of the tool)"
cat "$OUT/c.txt" "$OUT/js.txt" | awk '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } names[$1] = 1 }
    END {
        t = v["triage", "mb_per_s"]; c = v["check", "mb_per_s"]
        printf "triage %.1f MB/s fastest, %.1f median, %.1f by CPU time (target >= 100): %s\n", t, v["triage", "median_mb_per_s"], v["triage", "cpu_mb_per_s"], (t >= 100 ? "met" : "NOT met")
        printf "check  %.1f MB/s fastest, %.1f median, %.1f by CPU time (target >= 100): %s\n", c, v["check", "median_mb_per_s"], v["check", "cpu_mb_per_s"], (c >= 100 ? "met" : "NOT met")
        if (v["sentiment", "mb_per_s"] > 0)
            printf "triage / sentiment       = %6.1fx (target >= 2)\n", t / v["sentiment", "mb_per_s"]
        if (v["vader", "mb_per_s"] > 0)
            printf "triage / vader-sentiment = %6.1fx (target >= 50)\n", t / v["vader", "mb_per_s"]
        if (v["write-good", "mb_per_s"] > 0)
            printf "check  / write-good      = %6.1fx (target >= 50)\n", c / v["write-good", "mb_per_s"]
        printf "heap allocations while analysing: triage %s, check %s (target 0)\n",
            v["triage", "allocs"], v["check", "allocs"]
    }'
