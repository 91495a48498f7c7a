#!/bin/sh
# startup.sh — what analysing one message costs a whole process (issue 10, item 5): `redress
# triage` of one message against `redress --version`, and `redress log add` of an incoming
# message against the sqlite3 floor (the same row inserted by the sqlite3 shell into a copy of
# the same desk). ROUNDS interleaved rounds (default 41), each command measured by
# bench/runstat.c; prints the median wall and CPU (user + system) time of each and the ratios
# (CPU time is steadier on a shared machine). Not a test: the numbers
# depend on the machine. Usage: sh bench/startup.sh [ROUNDS]
set -eu
ROUNDS=${1:-41}
BIN=${REDRESS_BIN:-$(pwd)/build/rel/redress}
RUNSTAT=$(pwd)/build/rel/bench/runstat
TMP=$(mktemp -d /tmp/redress-startup.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
MSG="$TMP/msg.txt"
printf '%s\n' "It's now three weeks late and nobody answers my emails. If the files are not here by" \
    "Friday I want my deposit back, or I'm leaving a review on Google." >"$MSG"
export REDRESS_DB="$TMP/desk.db" REDRESS_NOW=2026-11-25T09:00:00Z NO_COLOR=1
"$BIN" init >/dev/null
"$BIN" demo >/dev/null
cp "$TMP/desk.db" "$TMP/floor.db"
BODY=$(tr '\n' ' ' <"$MSG" | sed "s/'/''/g")
FLOOR_SQL="INSERT INTO log_entries(client_id, case_id, direction, channel, at, subject, body,
 recorded_at, prev_hash, hash) SELECT 1, 1, 'in', 'email', '2026-11-25T09:00:00Z', NULL,
 '$BODY', '2026-11-25T09:00:00Z', hash, hash FROM log_entries ORDER BY id DESC LIMIT 1;"
run() { # name cmd...: appends the wall time in microseconds to $TMP/name
    name=$1
    shift
    "$RUNSTAT" "$TMP/one" "$@" >/dev/null 2>&1 </dev/null || {
        echo "startup: $name failed" >&2
        exit 1
    }
    cut -d' ' -f1 "$TMP/one" >>"$TMP/$name"
    cut -d' ' -f2 "$TMP/one" >>"$TMP/$name.cpu"
}
i=0
while [ $i -lt "$ROUNDS" ]; do
    run version "$BIN" --version
    run triage "$BIN" triage "$MSG"
    run logadd "$BIN" log add --client 1 --case 1 --direction in --channel email --text "$MSG"
    run sqlite3 sqlite3 "$TMP/floor.db" "$FLOOR_SQL"
    i=$((i + 1))
done
median() { sort -n "$TMP/$1" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
ms() { awk "BEGIN{printf \"%.2f\", $1/1000}"; }
ratio() { awk "BEGIN{printf \"%.2f\", $1/$2}"; }
for kind in "" .cpu; do
    v=$(median version$kind) t=$(median triage$kind) l=$(median logadd$kind)
    s=$(median sqlite3$kind)
    label=wall
    [ -n "$kind" ] && label=cpu
    echo "$label (ms, median of $ROUNDS): --version $(ms "$v"), triage $(ms "$t"), log add (in)" \
        "$(ms "$l"), sqlite3 floor $(ms "$s"); triage/--version $(ratio "$t" "$v") (target" \
        "<= 1.5), log add/sqlite3 $(ratio "$l" "$s") (target <= 1.2)"
done
