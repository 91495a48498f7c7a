#!/bin/sh
# run.sh — end-to-end tests that drive the built redress binary. Each tests/cli/t_*.sh file
# defines test cases with the helpers below; the runner prints one line per case and ends with
# "N passed, N failed". REDRESS_BIN names the binary under test.
set -u
BIN=${REDRESS_BIN:-$(pwd)/redress}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM
export TZ=UTC NO_COLOR=1 REDRESS_USER=tester
# the signing key of the tests, never the user's own (each test that wants one runs key init)
export XDG_CONFIG_HOME="$WORK/config"
unset REDRESS_DB REDRESS_NOW
passed=0
failed=0
current=""
case_ok=1

# fresh: a new empty database in $DB
fresh() {
    DB="$WORK/$(date +%s%N).db"
    "$BIN" --db "$DB" init >/dev/null || fail "init failed"
}

# r ARGS...: runs redress against $DB; sets RC, OUT, ERR.
r() {
    "$BIN" --db "$DB" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
    RC=$?
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
}

# ri INPUT ARGS...: like r with INPUT on standard input.
ri() {
    input=$1
    shift
    printf '%s' "$input" | "$BIN" --db "$DB" "$@" >"$WORK/out" 2>"$WORK/err"
    RC=$?
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
}

fail() {
    case_ok=0
    printf '    %s\n' "$*" >&2
}

rc_is() { [ "$RC" = "$1" ] || fail "exit code $RC, wanted $1 (stderr: $ERR)"; }
out_has() { printf '%s' "$OUT" | grep -qF -- "$1" || fail "stdout lacks '$1': $OUT"; }
out_lacks() { printf '%s' "$OUT" | grep -qF -- "$1" && fail "stdout has '$1'"; return 0; }
err_has() { printf '%s' "$ERR" | grep -qF -- "$1" || fail "stderr lacks '$1': $ERR"; }
# (a "try:" line after a usage error and the "next:" step the desk names come on lines of their own)
err_one_line() { [ "$(printf '%s\n' "$ERR" | grep -cvE '^(try|next):')" = 1 ] || fail "stderr is not one line: $ERR"; }
# out_is_json: stdout is one well-formed JSON value (checked by SQLite, which the tests need anyway).
out_is_json() {
    printf '%s' "$OUT" >"$WORK/out.json"
    [ "$(sqlite3 :memory: "SELECT json_valid(CAST(readfile('$WORK/out.json') AS TEXT))")" = 1 ] ||
        fail "stdout is not JSON: $(head -c 200 "$WORK/out.json")"
}
# snapshot / unchanged: the database is byte-for-byte the same logical dump as before.
snapshot() { sqlite3 "$DB" .dump >"$WORK/before.sql"; }
unchanged() {
    sqlite3 "$DB" .dump >"$WORK/after.sql"
    cmp -s "$WORK/before.sql" "$WORK/after.sql" || fail "database changed"
}

# readme_tour_lines FILE: the lines of the README's code blocks after the "tour" marker.
readme_tour_lines() {
    awk '/<!-- tour/ { on = 1 } on && /^```sh/ { inb = 1; next } on && /^```/ { inb = 0; next }
         inb { print }' "$HERE/../../README.md" >"$1"
}

run_case() {
    current=$1
    case_ok=1
    "$1"
    if [ $case_ok = 1 ]; then
        passed=$((passed + 1))
        echo "ok   $1"
    else
        failed=$((failed + 1))
        echo "FAIL $1"
    fi
}

for f in "$HERE"/t_*.sh; do
    . "$f"
done
for t in $(grep -ho '^test_[a-z0-9_]*' "$HERE"/t_*.sh); do
    run_case "$t"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
