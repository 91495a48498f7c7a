#!/bin/sh
# faults.sh — fault injection, as SQLite's and curl's torture tests do it. Each scenario below is
# one command run against a prepared desk by the fault-injection build (REDRESS_FAULT_BIN, built
# with RD_FAULTS): first once to count its store calls (statements, begins, commits), then once
# per call with REDRESS_FAULT=N failing call N. Every run must exit non-zero naming the injected
# fault, leave the database's dump exactly as it was, and leave `verify` passing; afterwards the
# command must still succeed without a fault (a demo that failed midway can be run again).
#
# The scenarios are chosen to cover each kind of write the desk makes, not every command:
#   client add          a plain row plus its audit entry
#   case open --text    a case, a hash-chained log entry, triage findings, raised flags
#   log add --text      the communication log's chain
#   case concern add    a playbook step (guards, stage change)
#   draft new           a reply draft with its tone check
#   invoice pay         money: a payment against an invoice
#   project amend       several amendments, the project's terms and a log entry at once
#   log correct         a correcting log entry and the row pointing it at the original
#   demo                a batch of ~40 operations in one transaction (all or nothing)
set -u
BIN=${REDRESS_BIN:?}
FBIN=${REDRESS_FAULT_BIN:?}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM
export TZ=UTC NO_COLOR=1 REDRESS_USER=tester REDRESS_NOW=2026-11-30T12:00:00Z
unset REDRESS_DB REDRESS_FAULT REDRESS_FAULT_REPORT
passed=0
failed=0

printf 'You missed the deadline again and the files are wrong. I want a refund.\n' >"$WORK/words.txt"
printf 'Thank you for telling me. I will fix the colours by Friday.\n' >"$WORK/reply.txt"

# scenario NAME SETUP COMMAND...: SETUP is "demo" (a demo desk) or "empty" (a new desk).
scenario() {
    name=$1 setup=$2
    shift 2
    db="$WORK/$name.db"
    rm -f "$db"*
    "$BIN" --db "$db" init >/dev/null || { echo "FAIL $name: init"; failed=$((failed + 1)); return; }
    [ "$setup" = demo ] && "$BIN" --db "$db" demo >/dev/null
    sqlite3 "$db" .dump >"$WORK/before.sql"
    cp "$db" "$WORK/pristine.db"
    calls=$(REDRESS_FAULT_REPORT=1 "$FBIN" --db "$db" "$@" 2>&1 >/dev/null |
        sed -n 's/^redress: store calls: //p')
    cp "$WORK/pristine.db" "$db"
    rm -f "$db-wal" "$db-shm"
    ok=1
    if [ -z "$calls" ] || [ "$calls" -lt 1 ]; then
        echo "    $name: could not count its store calls" >&2
        ok=0
        calls=0
    fi
    n=1
    while [ "$n" -le "$calls" ]; do
        REDRESS_FAULT=$n "$FBIN" --db "$db" "$@" >/dev/null 2>"$WORK/err"
        rc=$?
        if [ "$rc" = 0 ]; then
            echo "    $name: fault $n/$calls: exit 0 (the error was swallowed)" >&2
            ok=0
        elif ! grep -q "injected fault at store call $n" "$WORK/err"; then
            echo "    $name: fault $n/$calls: not reported: $(cat "$WORK/err")" >&2
            ok=0
        fi
        sqlite3 "$db" .dump >"$WORK/after.sql"
        if ! cmp -s "$WORK/before.sql" "$WORK/after.sql"; then
            echo "    $name: fault $n/$calls: the database changed" >&2
            ok=0
            cp "$WORK/pristine.db" "$db"
            rm -f "$db-wal" "$db-shm"
        fi
        if ! "$BIN" --db "$db" verify >/dev/null 2>"$WORK/err"; then
            echo "    $name: fault $n/$calls: verify: $(cat "$WORK/err")" >&2
            ok=0
        fi
        n=$((n + 1))
    done
    # with no fault the same command still works on the desk the faults left
    if ! "$BIN" --db "$db" "$@" >/dev/null 2>"$WORK/err"; then
        echo "    $name: fails after the faults: $(cat "$WORK/err")" >&2
        ok=0
    fi
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
        echo "ok   $name ($calls faults)"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
    fi
}

scenario client_add demo client add --name "Fault Test" --email fault@example.org
scenario case_open demo case open --client 1 --channel email --text "$WORK/words.txt"
scenario log_add demo log add --client 2 --direction in --channel email --subject "Again" \
    --text "$WORK/words.txt"
scenario concern_add demo case concern add 1 --text "The prices on two boards are the old ones"
scenario draft_new demo draft new 2 --text "$WORK/reply.txt"
scenario invoice_pay demo invoice pay 3 --amount 100.00 --on 2026-11-20
scenario project_amend demo project amend 1 --price 2,000 --revisions 3 --reason "fewer boards"
scenario log_correct demo log correct 1 --text "$WORK/reply.txt" --reason "pasted the wrong mail"
scenario demo empty demo

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
