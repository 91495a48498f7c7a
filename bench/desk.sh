#!/bin/sh
# desk.sh — the desk benchmark (`make bench-desk`): builds desks of 1,000, 10,000 and 100,000
# cases with `redress demo --cases N` (through the desk operations: audited, hash chained), then
# times the daily commands on each against the `sqlite3` shell fetching the same information
# from the same file (the floor), with CPU time and peak memory, and writes the table into
# bench/RESULTS.md between the bench-desk markers. Each run is measured by bench/runstat.c. Not a test: numbers depend on the machine.
# Environment: DESK_SIZES (default "1000 10000 100000"), DESK_REPS (runs per command, median
# taken, default 5), DESK_KEEP=1 keeps existing desks in bench/out instead of regenerating;
# DESK_BIN, DESK_TODAY_BIN, DESK_RUNSTAT name other builds of the three programs;
# DESK_TABLE_ONLY=1 rewrites the table from the last run's bench/out/desk/results.tsv.
set -eu
cd "$(dirname "$0")/.."
SIZES=${DESK_SIZES:-1000 10000 100000}
REPS=${DESK_REPS:-5}
OUT=bench/out/desk
BIN=${DESK_BIN:-$(pwd)/build/rel/redress}
TODAY_BIN=${DESK_TODAY_BIN:-$(pwd)/build/rel/bench/bench_today}
RUNSTAT=${DESK_RUNSTAT:-$(pwd)/build/rel/bench/runstat}
mkdir -p "$OUT"
RES=$OUT/results.tsv
unset REDRESS_NOW
export TZ=UTC NO_COLOR=1 REDRESS_USER=bench

# median of the numbers on stdin
median() { sort -n | awk '{a[NR] = $1} END {if (NR) print a[int((NR + 1) / 2)]; else print 0}'; }

# measure LABEL DB KIND CMD…: runs CMD REPS times (after one warm-up), output to /dev/null;
# appends "size label kind median_wall_us peak_kb median_cpu_us" to $RES. CPU time (user +
# system) is what the ratios use: on this shared VM wall time moves with the neighbours' load.
measure() {
    label=$1 db=$2 kind=$3
    shift 3
    "$@" >/dev/null 2>&1 || true
    : >"$OUT/ms" && : >"$OUT/kb" && : >"$OUT/cpu"
    i=0
    while [ $i -lt "$REPS" ]; do
        "$RUNSTAT" "$OUT/stat" "$@" >/dev/null 2>"$OUT/err" || {
            echo "bench-desk: $label failed: $(head -c 300 "$OUT/err")" >&2
        }
        read -r wall cpu kb1 <"$OUT/stat"
        echo "$wall" >>"$OUT/ms"
        echo "$cpu" >>"$OUT/cpu"
        echo "$kb1" >>"$OUT/kb"
        i=$((i + 1))
    done
    us=$(median <"$OUT/ms")
    cpu=$(median <"$OUT/cpu")
    kb=$(sort -n "$OUT/kb" | tail -n 1)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$label" "$kind" "$us" "$kb" "$cpu" >>"$RES"
}

# instr LABEL KIND CMD…: instructions CMD executes (callgrind), which no neighbour's load moves;
# appended as "size label KIND-instr count". Only for the commands that show one thing or one
# page: under valgrind a whole 100k list would take minutes.
instr() {
    label=$1 kind=$2
    shift 2
    command -v valgrind >/dev/null || return 0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$OUT/cg" || true
    n=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$OUT/cg")
    printf '%s\t%s\t%s-instr\t%s\t\t\n' "$size" "$label" "$kind" "${n:-0}" >>"$RES"
}

# pair LABEL "REDRESS ARGS" "FLOOR SQL" [SQLITE3 OPTION] [small]: redress and the sqlite3 floor;
# with small, their instruction counts too.
pair() {
    label=$1 args=$2 sql=$3 opt=${4:--list}
    # shellcheck disable=SC2086
    measure "$label" "$db" redress "$BIN" --db "$db" $args
    measure "$label" "$db" sqlite3 sqlite3 "$opt" "$db" "$sql"
    if [ "${5:-}" = small ]; then
        # shellcheck disable=SC2086
        instr "$label" redress "$BIN" --db "$db" $args
        instr "$label" sqlite3 sqlite3 "$opt" "$db" "$sql"
    fi
}

CASE_SELECT="SELECT k.*, c.name, c.email, c.phone, p.title FROM cases k JOIN clients c ON c.id = k.client_id LEFT JOIN projects p ON p.id = k.project_id"
INVOICE_SELECT="SELECT i.*, p.title, p.client_id, c.name, (SELECT coalesce(sum(amount), 0) FROM payments WHERE invoice_id = i.id) AS paid, (SELECT count(*) FROM invoice_reminders WHERE invoice_id = i.id) FROM invoices i JOIN projects p ON p.id = i.project_id JOIN clients c ON c.id = p.client_id"
OVERDUE="WHERE i.due_on < date('now') AND i.amount > (SELECT coalesce(sum(amount), 0) FROM payments WHERE invoice_id = i.id) ORDER BY i.due_on, i.id"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r), SQLite $(sqlite3 --version | cut -d' ' -f1), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${DESK_TABLE_ONLY:-0}" = 1 ] || : >"$RES"
for size in $SIZES; do
    [ "${DESK_TABLE_ONLY:-0}" = 1 ] && break
    db=$OUT/desk-$size.db
    if [ "${DESK_KEEP:-0}" != 1 ] || [ ! -f "$db" ]; then
        rm -f "$db" "$db-wal" "$db-shm"
        "$BIN" --db "$db" init >/dev/null
        /usr/bin/time -f '%e %U %M' -o "$OUT/gen-$size" "$BIN" --db "$db" demo --cases "$size" >/dev/null
    fi
    counts=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM log_entries), (SELECT count(*) FROM audit_entries), (SELECT count(*) FROM invoices), (SELECT count(*) FROM clients)" | tr '|' ' ')
    if [ -f "$OUT/gen-$size" ]; then
        read -r gen_s gen_user gen_kb <"$OUT/gen-$size"
        echo "== $size cases: generated in $gen_s s wall, $gen_user s CPU ($(awk -v n="$size" -v s="$gen_s" -v u="$gen_user" 'BEGIN {printf "%.0f cases/s wall, %.0f cases/s CPU", n / s, n / u}'), peak $gen_kb KB); log, audit, invoices, clients: $counts; $(du -m "$db" | cut -f1) MB"
        printf '%s\tgenerate\tinfo\t%s\t%s\n' "$size" "$(awk -v n="$size" -v s="$gen_s" -v u="$gen_user" 'BEGIN {printf "%.0f/%.0f", n / s, n / u}')" "$gen_kb" >>"$RES"
    else # DESK_KEEP with a desk this run did not generate
        echo "== $size cases: kept desk, not generated in this run; log, audit, invoices, clients: $counts; $(du -m "$db" | cut -f1) MB"
        printf '%s\tgenerate\tinfo\tkept\t0\n' "$size" >>"$RES"
    fi
    kase=$((size / 2 + 6))
    client=6
    invoice=$((size / 4 + 3))

    pair "case list" "case list" "$CASE_SELECT ORDER BY k.received_at DESC, k.id DESC"
    pair "case list --limit 50" "case list --limit 50" "$CASE_SELECT ORDER BY k.received_at DESC, k.id DESC LIMIT 50" -list small
    pair "case list --json" "case list --json" "$CASE_SELECT ORDER BY k.received_at DESC, k.id DESC" -json
    pair "invoice list --overdue" "invoice list --overdue" "$INVOICE_SELECT $OVERDUE"
    pair "invoice list --overdue --limit 50" "invoice list --overdue --limit 50" "$INVOICE_SELECT $OVERDUE LIMIT 50" -list small
    pair "followup list" "followup list" "SELECT f.*, c.name FROM followups f JOIN cases k ON k.id = f.case_id JOIN clients c ON c.id = k.client_id ORDER BY f.due_on, f.id"
    pair "lesson list" "lesson list" "SELECT l.*, c.name, k.root_cause FROM lessons l JOIN cases k ON k.id = l.case_id JOIN clients c ON c.id = k.client_id ORDER BY l.id"
    pair "case show N" "case show $kase" "$CASE_SELECT WHERE k.id = $kase; SELECT * FROM log_entries WHERE case_id = $kase ORDER BY at, id; SELECT * FROM log_triage WHERE log_id IN (SELECT id FROM log_entries WHERE case_id = $kase)" -list small
    pair "client show N" "client show $client" "SELECT * FROM clients WHERE id = $client; SELECT * FROM projects WHERE client_id = $client; $CASE_SELECT WHERE k.client_id = $client ORDER BY k.received_at DESC" -list small
    pair "invoice show N" "invoice show $invoice" "$INVOICE_SELECT WHERE i.id = $invoice; SELECT * FROM payments WHERE invoice_id = $invoice" -list small
    pair "case next N" "case next $kase" "$CASE_SELECT WHERE k.id = $kase; SELECT * FROM concerns WHERE case_id = $kase; SELECT * FROM offers WHERE case_id = $kase; SELECT * FROM commitments WHERE case_id = $kase; SELECT * FROM escalations WHERE case_id = $kase" -list small
    pair "today" "today" "SELECT m.*, c.name FROM commitments m JOIN cases k ON k.id = m.case_id JOIN clients c ON c.id = k.client_id WHERE m.done_at IS NULL AND m.due_on < date('now') ORDER BY m.due_on, m.id LIMIT 11; SELECT f.*, c.name FROM followups f JOIN cases k ON k.id = f.case_id JOIN clients c ON c.id = k.client_id WHERE f.done_at IS NULL AND f.due_on <= date('now') ORDER BY f.due_on, f.id LIMIT 11; $INVOICE_SELECT $OVERDUE LIMIT 11; SELECT * FROM drafts WHERE status = 'draft' ORDER BY hold_until LIMIT 11; SELECT k.*, c.name FROM cases k JOIN clients c ON c.id = k.client_id WHERE k.status = 'open' ORDER BY k.received_at, k.id LIMIT 11; SELECT * FROM cases WHERE watch_until >= date('now') ORDER BY watch_until LIMIT 11" -list small
    pair "verify" "verify" "SELECT * FROM log_entries ORDER BY id; SELECT * FROM audit_entries ORDER BY id"
    "$TODAY_BIN" "$db" "$REPS" >"$OUT/today-$size.txt"
    awk -v s="$size" '$2 == "view" {printf "%s\ttoday: the view (in process)\tredress\t%d\t0\t%d\n", s, $3 * 1000, $3 * 1000}' "$OUT/today-$size.txt" >>"$RES"
    sed 's/^/   /' "$OUT/today-$size.txt"
    awk -F '\t' -v s="$size" '$1 == s && $3 != "info" {printf "   %-36s %-8s %10.1f ms wall %10.1f ms CPU %8d KB\n", $2, $3, $4 / 1000, $6 / 1000, $5}' "$RES"
done

# The table: time per size, growth, ratio to the floor and peak memory at the largest size.
largest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -n 1)
smallest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | head -n 1)
TABLE=$OUT/table.md
awk -F '\t' -v sizes="$SIZES" -v big="$largest" -v small="$smallest" '
BEGIN { n = split(sizes, S, " ") }
$3 == "redress" { t[$2, $1] = $4 / 1000; c[$2, $1] = $6 / 1000; kb[$2, $1] = $5; if (!($2 in seen)) { seen[$2] = 1; order[++m] = $2 } }
$3 == "sqlite3" { f[$2, $1] = $4 / 1000; fc[$2, $1] = $6 / 1000 }
$3 == "redress-instr" { ri[$2, $1] = $4 }
$3 == "sqlite3-instr" { si[$2, $1] = $4 }
$3 == "info" { gen[$1] = $4; genkb[$1] = $5 }
END {
    printf "| command: CPU ms (median) |"; for (i = 1; i <= n; i++) printf " %s cases |", S[i]
    printf " %s / %s: CPU (instructions) | redress / sqlite3 at %s: CPU (instructions) | wall ms at %s: redress / sqlite3 | peak memory at %s |\n", big, small, big, big, big
    printf "|---|"; for (i = 1; i <= n; i++) printf "---:|"; printf "---:|---:|---:|---:|\n"
    for (j = 1; j <= m; j++) {
        k = order[j]; printf "| %s |", k
        for (i = 1; i <= n; i++) printf " %.1f |", c[k, S[i]]
        printf " %.2f×", (c[k, small] > 0 ? c[k, big] / c[k, small] : 0)
        if (ri[k, small] > 0) printf " (%.3f×)", ri[k, big] / ri[k, small]
        printf " |"
        if (fc[k, big] > 0) {
            printf " %.2f×", c[k, big] / fc[k, big]
            if (si[k, big] > 0) printf " (%.2f×)", ri[k, big] / si[k, big]
            printf " |"
        } else printf " – |"
        if (f[k, big] > 0) printf " %.1f / %.1f |", t[k, big], f[k, big]; else printf " %.1f |", t[k, big]
        if (kb[k, big] > 0) printf " %.1f MB |\n", kb[k, big] / 1024; else printf " (in process) |\n"
    }
    printf "| generate: cases/s wall / CPU |"; for (i = 1; i <= n; i++) printf " %s |", gen[S[i]]
    if (genkb[big] > 0) printf " | | | %.1f MB |\n", genkb[big] / 1024; else printf " | | | – |\n"
}' "$RES" >"$TABLE"
cat "$TABLE"

# Into bench/RESULTS.md, between the markers (added at the end the first time).
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r), SQLite $(sqlite3 --version | cut -d' ' -f1)"
{
    echo "<!-- bench-desk:start -->"
    echo "## Desk at scale (\`make bench-desk\`, $(date -u +%Y-%m-%d) on $(git rev-parse --short HEAD))"
    echo
    echo "Machine: $MACHINE; load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (a shared VM)."
    echo "Method: desks built by \`redress demo --cases N\` (desk operations, audited and hash chained);"
    echo "each command run $REPS times after a warm-up, output to /dev/null (so lists print every row),"
    echo "median wall time of the whole process. The floor is the \`sqlite3\` shell fetching the same"
    echo "information from the same file. Times are median CPU time (user + system, from wait4: less"
    echo "moved by the neighbours' load than wall time, which is given at the largest size); for the"
    echo "commands that show one thing or one page, instruction counts (callgrind) beside. Peak memory is"
    echo "the maximum resident set (bench/runstat.c). \`today\` is the command (the first 10 rows of each"
    echo "section with its count of more; its floor reads 11 rows of each from the same indexes);"
    echo "\`today: the view (in process)\` is the same view timed inside one process (bench/bench_today.c)."
    echo
    cat "$TABLE"
    echo "<!-- bench-desk:end -->"
} >"$OUT/section.md"
if grep -q '<!-- bench-desk:start -->' bench/RESULTS.md; then
    awk -v f="$OUT/section.md" '
        /<!-- bench-desk:start -->/ { while ((getline l < f) > 0) print l; skip = 1; next }
        /<!-- bench-desk:end -->/ { skip = 0; next }
        !skip { print }' bench/RESULTS.md >"$OUT/RESULTS.md"
    mv "$OUT/RESULTS.md" bench/RESULTS.md
else
    { echo; cat "$OUT/section.md"; } >>bench/RESULTS.md
fi
echo "== written to bench/RESULTS.md"
