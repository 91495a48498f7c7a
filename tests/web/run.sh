#!/bin/sh
# run.sh — runs the browser tests (tests/web/*.test.mjs) with Node's test runner against
# REDRESS_BIN, installing playwright-core from npm into tests/web/node_modules the first time.
# Ends with one line "N passed, N failed" for scripts/check-summary.
set -u
cd "$(dirname "$0")"
export REDRESS_BIN="${REDRESS_BIN:-$(cd ../.. && pwd)/redress}"
if [ ! -d node_modules/playwright-core ]; then
    npm ci --no-audit --no-fund --loglevel=error || exit 1
fi
out=$(mktemp)
# bounded: the whole suite takes well under a minute; a hung browser must not hang make check
timeout 240 node --test --test-reporter=spec --test-concurrency=1 ./*.test.mjs >"$out" 2>&1
rc=$?
cat "$out"
pass=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$out" | tail -n 1)
fail=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$out" | tail -n 1)
rm -f "$out"
[ "$rc" -ne 0 ] && [ "${fail:-0}" = 0 ] && fail=1
echo "${pass:-0} passed, ${fail:-0} failed"
exit "$rc"
