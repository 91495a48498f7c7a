# t_seal.sh — the seal from the outside: the kept line and --against, the signing key and its
# file, erasure, writes from the sqlite3 shell, and one tamper per table of a desk that walked
# the README tour (every table the tour fills).

# seal_tour: a desk in $DB that walked the README tour.
seal_tour() {
    readme_tour_lines "$WORK/tour.txt"
    DB="$WORK/seal-$(date +%s%N).db"
    while IFS= read -r line; do
        case "$line" in export*) continue ;; esac
        cmd=$(printf '%s' "$line" | sed -e 's/[[:space:]]*#.*$//' -e 's|redress |"$BIN" --db "$DB" |g')
        BIN="$BIN" DB="$DB" REDRESS_NOW=2026-11-25T09:00:00Z sh -c "$cmd" >/dev/null 2>&1 </dev/null
    done <"$WORK/tour.txt"
}

test_seal_verify_ends_with_a_line_to_keep() {
    fresh
    r client add --name A
    r verify
    rc_is 0
    line=$(printf '%s\n' "$OUT" | tail -1)
    case "$line" in rd1:L0:*:A2:*:S*) ;; *) fail "last line is not a kept line: $line" ;; esac
    r log add --client 1 --direction in --channel email --subject s --text /dev/null
    r verify --against "$line"
    rc_is 0
    out_has "extends"
    r verify --against "rd1:nonsense"
    rc_is 1
    err_has "against:"
    r verify --json
    out_is_json
    out_has '"line": "rd1:L1:'
    out_has '"state": "'
}

test_seal_against_catches_a_rollback() {
    fresh
    r client add --name A
    cp "$DB" "$WORK/old.db"
    r client add --name B
    r verify
    line=$(printf '%s\n' "$OUT" | tail -1)
    cp "$WORK/old.db" "$DB"
    rm -f "$DB-wal" "$DB-shm"
    r verify
    rc_is 0 # an older copy is consistent in itself
    r verify --against "$line"
    rc_is 1
    err_has "entries were removed since"
}

test_seal_key_init_signs_and_losing_it_is_survivable() {
    fresh
    r key init
    rc_is 0
    key="$XDG_CONFIG_HOME/redress/signing.key"
    [ "$(stat -c %a "$key")" = 600 ] || fail "key mode $(stat -c %a "$key")"
    [ "$(stat -c %a "$XDG_CONFIG_HOME/redress")" = 700 ] || fail "key folder not 0700"
    r key init
    rc_is 1
    err_has "already exists"
    r client add --name A
    r verify
    rc_is 0
    out_has "signed by this machine's key"
    mv "$key" "$WORK/key.bak"
    r verify
    rc_is 0
    out_has "can no longer be proven here"
    r client add --name B
    r verify
    out_has "the newest 1 audit entries carry no signature"
    mv "$WORK/key.bak" "$key"
    chmod 644 "$key"
    r client list
    rc_is 1
    err_has "chmod 600"
    rm -f "$key"
}

test_seal_the_shell_cannot_write_a_sealed_table() {
    fresh
    r client add --name A --email a@example.org
    snapshot
    sqlite3 "$DB" "UPDATE clients SET email = 'evil@example.org'" 2>"$WORK/sqlerr" &&
        fail "the shell changed a sealed table"
    grep -q "redress_seal" "$WORK/sqlerr" || fail "no seal error: $(cat "$WORK/sqlerr")"
    unchanged
}

test_seal_client_erase() {
    fresh
    r client add --name "Ann Example" --email ann@example.org --phone "+44 1"
    ri "Ann here: the boards are wrong" case open --client 1 --channel email --text -
    r log add --client 1 --direction in --channel email --subject "From Ann" --text /dev/null
    r client erase 1
    rc_is 2
    r client erase 1 --reason "asked by email on 2026-11-30"
    rc_is 0
    out_has "client 1 erased"
    r verify
    rc_is 0
    out_has "erased on request"
    sqlite3 "$DB" .dump | grep -q "Ann" && fail "a trace of the name is left"
    sqlite3 "$DB" .dump | grep -q "ann@example.org" && fail "the email is left"
    r client erase 1 --reason again
    rc_is 1
    err_has "already erased"
    r client erase 99 --reason x
    rc_is 3
}

test_seal_one_tamper_per_table() {
    seal_tour
    r verify
    rc_is 0
    tables=$(sqlite3 "$DB" "SELECT tbl FROM seal_sums WHERE rows > 0")
    [ "$(printf '%s\n' "$tables" | wc -l)" -ge 15 ] || fail "the tour filled few tables: $tables"
    for t in $tables; do
        cp "$DB" "$WORK/t.db"
        sqlite3 "$WORK/t.db" "PRAGMA foreign_keys = OFF; DROP TRIGGER seal_${t}_delete;
            DELETE FROM $t WHERE rowid = (SELECT max(rowid) FROM $t)"
        "$BIN" --db "$WORK/t.db" verify >/dev/null 2>"$WORK/err" && fail "$t: a deleted row passed"
        # a migration's record removed makes redress refuse to open the desk at all
        grep -q "^redress: $t: \|^redress: migration " "$WORK/err" || fail "$t: $(cat "$WORK/err")"
        rm -f "$WORK/t.db" "$WORK/t.db-wal" "$WORK/t.db-shm"
    done
}

test_seal_a_desk_from_before_the_seal_migrates_and_verifies() {
    DB="$WORK/legacy-$(date +%s%N).db"
    sqlite3 "$DB" <"$HERE/../data/legacy-desk-005.sql" || fail "fixture did not load"
    chmod 600 "$DB"
    r verify
    rc_is 0
    out_has "older: 4 log and 17 audit entries predate the seal"
    r client add --name "After the upgrade"
    r verify
    rc_is 0
    out_has "ok: 4 log entries, 19 audit entries"
    # a row from before the seal is still checked with the encoding it was hashed with
    sqlite3 "$DB" "DROP TRIGGER log_no_update; UPDATE log_entries SET body = body || 'x' WHERE id = 2"
    r verify
    rc_is 1
    err_has "log entry 2 does not match its hash"
}
