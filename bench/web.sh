#!/bin/sh
# web.sh — `make bench-web`: load on `redress serve` with wrk over loopback (not a timed test).
# A generated desk (WEB_CASES cases, default 100000; kept in bench/out/ between runs with
# WEB_KEEP=1), the server started on a free port, then for 1, 16 and 128 connections, each for
# WEB_SECONDS (default 5): today, one case and one API list page — the pages when `/` and
# `/cases/ID` are routed, their JSON equivalents (/api/v1/today, /api/v1/cases/ID) always.
# Prints requests/s, p50 and p99 per run and the server's peak memory (VmHWM); the lines go to
# bench/out/web.tsv for bench/RESULTS.md.
set -eu
BIN=${REDRESS_BIN:-$(pwd)/build/rel/redress}
OUT=bench/out
CASES=${WEB_CASES:-100000}
SECS=${WEB_SECONDS:-5}
mkdir -p "$OUT"
db=${WEB_DESK:-$OUT/web-$CASES.db}
command -v wrk >/dev/null || { echo "web.sh: wrk is missing (apt-get install wrk)"; exit 1; }

if [ "${WEB_KEEP:-0}" != 1 ] || [ ! -f "$db" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    "$BIN" --db "$db" init >/dev/null
    echo "== generating $CASES cases into $db"
    "$BIN" --db "$db" demo --cases "$CASES" >/dev/null
fi
printf 'bench password 1\n' | "$BIN" --db "$db" user add bench >/dev/null 2>&1 || true
TOKEN=$("$BIN" --db "$db" token create --name "bench-$$" 2>/dev/null)

"$BIN" --db "$db" serve --listen 127.0.0.1:0 --quiet >"$OUT/web-serve.out" 2>&1 &
SPID=$!
trap 'kill -TERM $SPID 2>/dev/null; wait $SPID 2>/dev/null || true' EXIT INT TERM
n=0
until grep -q '^redress serves' "$OUT/web-serve.out" 2>/dev/null; do
    n=$((n + 1)); [ $n -gt 100 ] && { echo "web.sh: server did not start"; exit 1; }
    sleep 0.1
done
URL=$(sed -n 's|^redress serves .* on \(http://[^/]*\)/$|\1|p' "$OUT/web-serve.out")
JAR=$OUT/web-jar
curl -s -c "$JAR" --data-urlencode name=bench --data-urlencode 'password=bench password 1' \
    -o /dev/null "$URL/signin"
SID=$(awk '$6 == "redress_session" { print $7 }' "$JAR")
KASE=$((CASES / 2 + 6))

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== desk: $CASES cases, $(du -m "$db" | cut -f1) MB; redress serve with its defaults (4 worker threads)"
: >"$OUT/web.tsv"
# run LABEL PATH HEADER: wrk at 1, 16 and 128 connections.
run() {
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$3" "$URL$2")
    if [ "$code" != 200 ]; then echo "-- $1 ($2): HTTP $code, skipped"; return; fi
    for c in 1 16 128; do
        t=2; [ "$c" = 1 ] && t=1
        wrk -t"$t" -c"$c" -d"${SECS}s" --latency -H "$3" "$URL$2" >"$OUT/wrk.txt" 2>&1
        rps=$(awk '/^Requests\/sec/ { print $2 }' "$OUT/wrk.txt")
        p50=$(awk '$1 == "50%" { print $2 }' "$OUT/wrk.txt")
        p99=$(awk '$1 == "99%" { print $2 }' "$OUT/wrk.txt")
        errs=$(awk '/Non-2xx|Socket errors/ { printf "%s ", $0 }' "$OUT/wrk.txt")
        printf '%-28s %-34s c=%-4s %10s req/s  p50 %-8s p99 %-8s %s\n' "$1" "$2" "$c" "$rps" "$p50" "$p99" "$errs"
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$c" "$rps" "$p50" "$p99" >>"$OUT/web.tsv"
    done
}
run "today (page)" "/" "Cookie: redress_session=$SID"
run "case (page)" "/cases/$KASE" "Cookie: redress_session=$SID"
run "today (API)" "/api/v1/today" "Authorization: Bearer $TOKEN"
run "case (API)" "/api/v1/cases/$KASE" "Authorization: Bearer $TOKEN"
run "case list page (API)" "/api/v1/cases?limit=50" "Authorization: Bearer $TOKEN"
echo "== server peak memory: $(sed -n 's/^VmHWM:[[:space:]]*//p' /proc/$SPID/status)"
