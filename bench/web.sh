#!/bin/sh
# web.sh — `make bench-web`: load on `redress serve` with wrk over loopback (not a timed test).
#
# A generated desk (WEB_CASES cases, default 100000, made by `redress demo --cases N` within
# WEB_GEN_SECONDS, default 1800; kept in bench/out/ and reused with WEB_KEEP=1, or given with
# WEB_DESK), the server started on a free port with its defaults, then for 1, 16 and 128
# connections, each for WEB_SECONDS (default 5): the case page, the case through the API, a page
# of 50 cases through the API, and today (the page and the API). Each run prints requests/s, p50,
# p99, errors and the load average when it started (the machine may be shared: compare ratios
# within one run, not across runs).
#
# Today is measured last: when it does not answer 200 within WEB_TODAY_PROBE seconds (default
# 20) on the big desk, it is measured instead on a desk of WEB_TODAY_CASES (default 10000)
# cases, and the output says so.
#
# Memory: the server's peak resident memory (VmHWM) is reset after the sign-in (argon2id takes
# 19 MiB while it checks a password, one sign-in at a time) and read after the runs on the big
# desk, so it is the peak under load; the peak at sign-in is printed beside it.
#
# The lines go to bench/out/web.tsv (tab-separated) and bench/out/web.md (table rows for
# bench/RESULTS.md).
set -eu
BIN=${REDRESS_BIN:-$(pwd)/build/rel/redress}
OUT=bench/out
CASES=${WEB_CASES:-100000}
SECS=${WEB_SECONDS:-5}
GEN_SECS=${WEB_GEN_SECONDS:-1800}
PROBE=${WEB_TODAY_PROBE:-20}
TODAY_CASES=${WEB_TODAY_CASES:-10000}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "web.sh: wrk is missing (apt-get install wrk)"; exit 1; }

# desk PATH N: makes a desk of N demo cases at PATH unless WEB_KEEP=1 and it is there.
desk() {
    if [ "${WEB_KEEP:-0}" = 1 ] && [ -f "$1" ]; then return; fi
    rm -f "$1" "$1-wal" "$1-shm"
    "$BIN" --db "$1" init >/dev/null
    echo "== generating $2 cases into $1 (at most ${GEN_SECS}s)"
    if ! timeout "$GEN_SECS" "$BIN" --db "$1" demo --cases "$2" >/dev/null; then
        echo "web.sh: generating $2 cases did not finish in ${GEN_SECS}s"
        exit 1
    fi
}

SPID=
# stop_server: SIGTERM (requests in flight finish), SIGKILL after 15 s (a today that is still
# being worked out after its probe gave up).
stop_server() {
    if [ -n "$SPID" ]; then
        kill -TERM "$SPID" 2>/dev/null || true
        n=0
        while kill -0 "$SPID" 2>/dev/null && [ $n -lt 150 ]; do
            sleep 0.1
            n=$((n + 1))
        done
        kill -KILL "$SPID" 2>/dev/null || true
        wait "$SPID" 2>/dev/null || true
    fi
    SPID=
}
trap stop_server EXIT INT TERM

# start PATH: serves the desk at PATH; sets URL, SID (a signed-in session) and TOKEN.
start() {
    printf 'bench password 1\n' | "$BIN" --db "$1" user add bench >/dev/null 2>&1 || true
    TOKEN=$("$BIN" --db "$1" token create --name "bench-$$-$(date +%s)" 2>/dev/null)
    "$BIN" --db "$1" serve --listen 127.0.0.1:0 --quiet >"$OUT/web-serve.out" 2>&1 &
    SPID=$!
    n=0
    until grep -q '^redress serves' "$OUT/web-serve.out" 2>/dev/null; do
        n=$((n + 1))
        [ $n -gt 300 ] && { echo "web.sh: server did not start"; exit 1; }
        sleep 0.1
    done
    URL=$(sed -n 's|^redress serves .* on \(http://[^/]*\)/$|\1|p' "$OUT/web-serve.out")
    JAR=$OUT/web-jar
    rm -f "$JAR"
    curl -s -c "$JAR" --data-urlencode name=bench --data-urlencode 'password=bench password 1' \
        -o /dev/null "$URL/signin"
    SID=$(awk '$6 == "redress_session" { print $7 }' "$JAR")
    [ -n "$SID" ] || { echo "web.sh: could not sign in"; exit 1; }
}

hwm() {
    sed -n 's/^VmHWM:[[:space:]]*//p' "/proc/$SPID/status"
}

# run DESK-LABEL LABEL PATH HEADER: wrk at 1, 16 and 128 connections.
run() {
    code=$(curl -s -o /dev/null --max-time "$PROBE" -w '%{http_code}' -H "$4" "$URL$3" || true)
    if [ "$code" != 200 ]; then
        echo "-- $2 ($3): HTTP $code within ${PROBE}s, not measured"
        return 1
    fi
    for c in 1 16 128; do
        t=2
        [ "$c" = 1 ] && t=1
        load=$(cut -d' ' -f1 /proc/loadavg)
        wrk -t"$t" -c"$c" -d"${SECS}s" --timeout 10s --latency -H "$4" "$URL$3" \
            >"$OUT/wrk.txt" 2>&1
        rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$OUT/wrk.txt")
        p50=$(awk '$1 == "50%" { print $2 }' "$OUT/wrk.txt")
        p99=$(awk '$1 == "99%" { print $2 }' "$OUT/wrk.txt")
        errs=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 }
                    END { print n + 0 }' "$OUT/wrk.txt")
        printf '%-8s %-14s %-30s c=%-4s %7s req/s  p50 %-8s p99 %-8s errors %s  load %s\n' \
            "$1" "$2" "$3" "$c" "$rps" "$p50" "$p99" "$errs" "$load"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$c" "$rps" "$p50" "$p99" \
            "$errs" "$load" >>"$OUT/web.tsv"
        printf '| %s | %s `%s` | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$c" "$rps" \
            "$p50" "$p99" "$errs" "$load" >>"$OUT/web.md"
    done
}

db=${WEB_DESK:-$OUT/web-$CASES.db}
desk "$db" "$CASES"
start "$db"
signin_peak=$(hwm)
KASE=$((CASES / 2 + 6))
label="${CASES}"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $("$BIN" --version | tr '\n' ' ')"
echo "== desk: $CASES cases, $(du -m "$db" | cut -f1) MB; redress serve with its defaults (4 worker threads)"
: >"$OUT/web.tsv"
: >"$OUT/web.md"
# from here the peak is the peak under load
echo 5 >"/proc/$SPID/clear_refs"
run "$label" "case page" "/cases/$KASE" "Cookie: redress_session=$SID" || true
run "$label" "case API" "/api/v1/cases/$KASE" "Authorization: Bearer $TOKEN" || true
run "$label" "case list API" "/api/v1/cases?limit=50" "Authorization: Bearer $TOKEN" || true
load_peak=$(hwm)
today_ok=1
run "$label" "today page" "/" "Cookie: redress_session=$SID" || today_ok=0
if [ "$today_ok" = 1 ]; then
    run "$label" "today API" "/api/v1/today" "Authorization: Bearer $TOKEN" || today_ok=0
fi
echo "== server peak memory: $load_peak under load on the $CASES-case desk (reset after sign-in;" \
    "with today's runs: $(hwm)); $signin_peak after the sign-in (argon2id)"
stop_server

if [ "$today_ok" = 0 ] && [ "$TODAY_CASES" != "$CASES" ]; then
    small=${WEB_TODAY_DESK:-$OUT/web-$TODAY_CASES.db}
    echo "== today did not answer on the $CASES-case desk: measured on a $TODAY_CASES-case desk"
    desk "$small" "$TODAY_CASES"
    start "$small"
    echo 5 >"/proc/$SPID/clear_refs"
    run "$TODAY_CASES" "today page" "/" "Cookie: redress_session=$SID" || true
    run "$TODAY_CASES" "today API" "/api/v1/today" "Authorization: Bearer $TOKEN" || true
    echo "== server peak memory on the $TODAY_CASES-case desk: $(hwm)"
    stop_server
fi
