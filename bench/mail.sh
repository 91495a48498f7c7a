#!/bin/sh
# mail.sh — the mail benchmark (make bench-mail): a generated Maildir of MAIL_N messages
# (default 100,000; bench/mailgen.c) imported by `redress import` (parsing, threading, triage,
# the log's hash chain, attachments and the search index included), then 20 searches, both in
# one process and as one `redress search` process each; the same Maildir indexed by
# `notmuch new` and the same queries through `notmuch search`. Prints the figures and the
# ratios for bench/RESULTS.md. Every step is bounded by a timeout.
set -eu
N=${MAIL_N:-100000}
OUT=${MAIL_OUT:-bench/out/mail}
BIN=$(pwd)/build/rel/redress
MD=$OUT/maildir-$N
DB=$OUT/bench-$N.db
mkdir -p "$OUT"
if [ ! -f "$MD/.complete" ]; then
    rm -rf "$MD"
    build/rel/bench/mailgen "$MD" "$N"
    touch "$MD/.complete"
fi
ms() { echo $(($(date +%s%N) / 1000000)); }

QUERIES='deadline|refund lawyer|"one-star review"|invoice|contract|colours proof|caf*|checkout|revisions|photos missing|launch monday|balance|thursday|VAT|screenshot|factura|boards|meeting|"final version"|sorted friday'

rm -f "$DB" "$DB-wal" "$DB-shm"
"$BIN" --db "$DB" init >/dev/null
"$BIN" --db "$DB" config set me.addresses sam@studio.example >/dev/null
t0=$(ms)
timeout 1800 "$BIN" --db "$DB" import "$MD" --create-clients --json >"$OUT/import.json"
t1=$(ms)
imported=$(sed -n 's/^  "imported": \([0-9]*\).*/\1/p' "$OUT/import.json")
echo "redress import: $imported messages in $((t1 - t0)) ms: $((imported * 1000 / (t1 - t0))) msgs/s"
echo "database: $(du -h "$DB" | cut -f1)"

OLDIFS=$IFS
IFS='|'
# shellcheck disable=SC2086
timeout 600 build/rel/bench/bench_mailsearch "$DB" 10 $QUERIES
IFS=$OLDIFS

# per process: each query 3 times as a separate `redress search` / `notmuch search`
per_process() { # $1: label, then the command prefix; queries from $QUERIES
    label=$1
    shift
    : >"$OUT/lat-$label"
    OLDIFS=$IFS
    IFS='|'
    for q in $QUERIES; do
        IFS=$OLDIFS
        for _ in 1 2 3; do
            a=$(ms)
            timeout 60 "$@" "$q" >/dev/null
            echo $(($(ms) - a)) >>"$OUT/lat-$label"
        done
        IFS='|'
    done
    IFS=$OLDIFS
    sort -n "$OUT/lat-$label" | awk -v l="$label" '{ v[NR] = $1 } END {
        i = int(NR * 0.99) + 1; if (i > NR) i = NR
        printf "%s per process: p50 %d ms, p99 %d ms (%d runs)\n", l, v[int(NR / 2) + 1], v[i], NR }'
}
per_process redress "$BIN" --db "$DB" search --limit 20

NM=$OUT/notmuch-$N
rm -rf "$NM" "$MD/.notmuch"
mkdir -p "$NM"
cat >"$NM/config" <<CFG
[database]
path=$(cd "$MD" && pwd)
[user]
name=Sam Example
primary_email=sam@studio.example
[new]
tags=inbox;
[maildir]
synchronize_flags=false
CFG
export NOTMUCH_CONFIG="$NM/config"
t0=$(ms)
timeout 3600 notmuch new --quiet
t1=$(ms)
count=$(notmuch count '*')
echo "notmuch new: $count messages in $((t1 - t0)) ms: $((count * 1000 / (t1 - t0))) msgs/s"
per_process notmuch notmuch search --limit=20
rm -rf "$MD/.notmuch"
