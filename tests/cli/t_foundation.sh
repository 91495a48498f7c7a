# t_foundation.sh — the foundation: init, clients, projects, cases, the log, verify, usage.

test_init_creates_default_path_0700() {
    home="$WORK/xdg$$"
    XDG_DATA_HOME="$home" "$BIN" init >"$WORK/out" 2>&1 || fail "init failed: $(cat "$WORK/out")"
    [ -f "$home/redress/redress.db" ] || fail "no database at \$XDG_DATA_HOME/redress/redress.db"
    [ "$(stat -c %a "$home/redress")" = 700 ] || fail "folder mode is $(stat -c %a "$home/redress")"
    [ "$(sqlite3 "$home/redress/redress.db" 'PRAGMA journal_mode')" = wal ] || fail "not WAL"
}

test_redress_db_env_is_used() {
    DB="$WORK/env$$.db"
    REDRESS_DB="$DB" "$BIN" init >/dev/null 2>&1 || fail "init with REDRESS_DB failed"
    [ -f "$DB" ] || fail "REDRESS_DB not honoured"
}

test_commands_need_init() {
    DB="$WORK/missing.db"
    r client list
    rc_is 2
    err_has "run \`redress init\` first"
    [ -f "$DB" ] && fail "a database was created by a read command"
    return 0
}

test_client_add_list_show_edit() {
    fresh
    r client add --name "Zoë Lambert" --email zoe@example.org --phone "+33 1 23 45 67 89" --company Atelier
    rc_is 0
    [ "$OUT" = 1 ] || fail "client add printed '$OUT', wanted 1"
    r client list
    out_has "Zoë Lambert"
    out_has "zoe@example.org"
    r client show 1 --json
    out_has '"company": "Atelier"'
    r client edit 1 --company "" --notes "prefers email"
    rc_is 0
    r client show 1 --json
    out_has '"company": null'
    out_has '"notes": "prefers email"'
}

test_client_add_requires_name() {
    fresh
    snapshot
    r client add --email a@b.example
    rc_is 2
    err_has "--name"
    r client add --name "   "
    rc_is 1
    err_has "name: is required"
    err_one_line
    unchanged
}

test_client_bad_email_and_phone() {
    fresh
    snapshot
    r client add --name A --email not-an-email
    rc_is 1
    err_has "email:"
    r client add --name A --phone "call me"
    rc_is 1
    err_has "phone:"
    unchanged
}

test_invalid_utf8_rejected() {
    fresh
    snapshot
    r client add --name "$(printf 'bad\377name')"
    rc_is 1
    err_has "name: is not valid UTF-8"
    r client add --name ok
    snapshot
    printf 'caf\303' >"$WORK/bad.txt"
    r case open --client 1 --channel email --text "$WORK/bad.txt"
    rc_is 1
    err_has "text: is not valid UTF-8"
    unchanged
}

test_unknown_client_is_not_found() {
    fresh
    snapshot
    r case open --client 42 --channel email
    rc_is 3
    err_has "client: no client 42"
    r project add --client 42 --title T
    rc_is 3
    r client show 42
    rc_is 3
    unchanged
}

test_project_money_parsing() {
    fresh
    r client add --name A
    r project add --client 1 --title Site --price "1,250.50" --currency EUR --extra-revision-price 80
    rc_is 0
    r project show 1 --json
    out_has '"price": 125050'
    out_has '"extra_revision_price": 8000'
    r project add --client 1 --title Site2 --price 1250.5
    r project show 2 --json
    out_has '"price": 125050'
    r project add --client 1 --title Yen --price 5000 --currency JPY
    r project show 3 --json
    out_has '"price": 5000'
}

test_project_bad_money_and_dates() {
    fresh
    r client add --name A
    snapshot
    for bad in "12.345" "-5" "1,25" "12,50" "abc" "1.2.3" ""; do
        r project add --client 1 --title T --price "$bad"
        rc_is 1
        err_has "price:"
    done
    r project add --client 1 --title T --price 10 --currency XYZ
    rc_is 1
    err_has "currency:"
    r project add --client 1 --title T --deadline 2025-02-30
    rc_is 1
    err_has "deadline: 2025-02-30 is not a date"
    r project add --client 1 --title T --deadline 30/01/2026
    rc_is 1
    err_has "deadline:"
    r project add --client 1 --title T --payment-terms -3
    rc_is 1
    err_has "payment-terms:"
    unchanged
}

test_case_open_list_show() {
    fresh
    r client add --name "Harbour Lane" --email hl@example.org --phone "+44 20 1234"
    r project add --client 1 --title Menu
    ri "The boards are wrong and late." case open --client 1 --project 1 --channel email --received 2026-11-02T08:12 --text -
    rc_is 0
    [ "$OUT" = 1 ] || fail "case id '$OUT'"
    r case list
    out_has "Harbour Lane"
    out_has "intake"
    r case show 1
    out_has "hl@example.org"
    out_has "+44 20 1234"
    out_has "The boards are wrong and late."
    r case list --status open --json
    out_has '"id": 1'
    r case list --status closed --json
    out_lacks '"id": 1'
    r case list --stage intake --json
    out_has '"id": 1'
    r case list --stage listening --json
    out_lacks '"id": 1'
    r case list --stage bogus
    rc_is 1
    err_has "stage: 'bogus' is not one of intake"
    r case list --status maybe
    rc_is 1
    err_has "status:"
    r log list --client 1
    out_has "Complaint"
}

test_case_bad_input_leaves_db_unchanged() {
    fresh
    r client add --name A
    r client add --name B
    r project add --client 2 --title Other
    snapshot
    r case open --client 1 --channel fax
    rc_is 1
    err_has "channel: 'fax' is not one of"
    r case open --client 1 --channel email --received "yesterday"
    rc_is 1
    err_has "received:"
    r case open --client 1 --channel email --received 2026-13-01
    rc_is 1
    r case open --client 1 --channel email --received 2999-01-01
    rc_is 1
    err_has "in the future"
    r case open --client 1 --project 1 --channel email
    rc_is 1
    err_has "project: project 1 belongs to another client"
    r case open --client abc --channel email
    rc_is 1
    err_has "client: 'abc'"
    unchanged
}

test_ten_megabyte_text_rejected() {
    fresh
    r client add --name A
    snapshot
    head -c 10485760 /dev/zero | tr '\0' 'a' >"$WORK/big.txt"
    r case open --client 1 --channel email --text "$WORK/big.txt"
    rc_is 1
    err_has "text: larger than"
    r log add --client 1 --direction in --channel email --text "$WORK/big.txt"
    rc_is 1
    unchanged
}

test_log_add_and_list() {
    fresh
    r client add --name A
    ri "Called to apologise and agree a date." log add --client 1 --direction out --channel phone --at 2026-11-03T10:00 --subject "Call" --text -
    rc_is 0
    r log list --client 1 --json
    out_has '"direction": "out"'
    out_has '"subject": "Call"'
    snapshot
    r log add --client 1 --direction sideways --channel phone --subject x
    rc_is 1
    err_has "direction:"
    r log add --client 1 --direction in --channel phone
    rc_is 1
    err_has "text:"
    unchanged
}

test_verify_ok_counts() {
    fresh
    r client add --name A
    ri "late again" case open --client 1 --channel email --text -
    r log add --client 1 --direction out --channel email --subject Re --text /dev/null
    r verify
    rc_is 0
    # the migration, the client, the case: three audit entries
    [ "$(printf '%s\n' "$OUT" | head -1)" = "ok: 2 log entries, 4 audit entries" ] ||
        fail "verify said '$OUT'"
}

# Tampering: each edit is made with the sqlite3 shell, dropping the append-only triggers first.
tamper_setup() {
    fresh
    r client add --name A
    for i in 1 2 3 4; do
        r log add --client 1 --direction in --channel email --subject "message $i" --text /dev/null
    done
    sqlite3 "$DB" "DROP TRIGGER log_no_update; DROP TRIGGER log_no_delete; DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"
}

test_verify_catches_edit() {
    tamper_setup
    sqlite3 "$DB" "UPDATE log_entries SET subject = 'rewritten' WHERE id = 2"
    r verify
    rc_is 1
    err_has "log entry 2 does not match its hash"
}

test_verify_catches_delete() {
    tamper_setup
    sqlite3 "$DB" "DELETE FROM log_entries WHERE id = 2"
    r verify
    rc_is 1
    err_has "log entry 3 does not follow"
}

test_verify_catches_delete_last() {
    tamper_setup
    sqlite3 "$DB" "DELETE FROM log_entries WHERE id = 4"
    r verify
    rc_is 1
    err_has "entries were removed"
}

test_verify_catches_reorder() {
    tamper_setup
    sqlite3 "$DB" "UPDATE log_entries SET id = 100 WHERE id = 2; UPDATE log_entries SET id = 2 WHERE id = 3; UPDATE log_entries SET id = 3 WHERE id = 100;"
    r verify
    rc_is 1
    err_has "log entry 2"
}

test_verify_catches_audit_edit() {
    tamper_setup
    sqlite3 "$DB" "UPDATE audit_entries SET actor = 'someone else' WHERE id = 1"
    r verify
    rc_is 1
    err_has "audit entry 1 does not match its hash"
}

test_log_is_append_only_in_sql() {
    fresh
    r client add --name A
    r log add --client 1 --direction in --channel email --subject s --text /dev/null
    sqlite3 "$DB" "DELETE FROM log_entries" 2>"$WORK/sqlerr" && fail "delete was allowed"
    grep -q "append-only" "$WORK/sqlerr" || fail "no append-only error"
}

test_usage_errors_exit_2() {
    fresh
    r client add
    rc_is 2
    r client add --name A --bogus 1
    rc_is 2
    err_has "unknown option --bogus"
    r frobnicate
    rc_is 2
    r client show
    rc_is 2
    "$BIN" client >/dev/null 2>"$WORK/err"
    [ $? = 2 ] || fail "bare group did not exit 2"
    grep -q "client add" "$WORK/err" || fail "bare group did not list its commands"
}

test_every_command_has_help() {
    "$BIN" --help >"$WORK/help" || fail "--help failed"
    for cmd in "init" "client add" "client list" "client show" "client edit" "project add" "project edit" \
        "project list" "project show" "case open" "case list" "case show" "log add" \
        "log list" "verify" "demo"; do
        # shellcheck disable=SC2086
        "$BIN" $cmd --help >"$WORK/out" 2>&1 || fail "$cmd --help failed"
        grep -q "usage: redress $cmd" "$WORK/out" || fail "$cmd --help has no usage line"
        grep -qF "$cmd" "$WORK/help" || fail "$cmd missing from redress --help"
    done
}

test_read_commands_have_json() {
    fresh
    r client add --name A
    r project add --client 1 --title T
    ri "x" case open --client 1 --channel email --text -
    for cmd in "client list" "client show 1" "project list" "project show 1" "case list" \
        "case show 1" "log list --client 1" "verify"; do
        # shellcheck disable=SC2086
        r $cmd --json
        rc_is 0
        out_is_json
    done
}

test_no_colour_when_piped() {
    fresh
    r client add --name A
    r client list
    printf '%s' "$OUT" | grep -q "$(printf '\033')" && fail "escape codes in piped output"
    return 0
}

test_concurrent_writers_lose_nothing() {
    fresh
    r client add --name A
    (for i in $(seq 1 60); do "$BIN" --db "$DB" log add --client 1 --direction in --channel email --subject "a$i" --text /dev/null >/dev/null || echo fail >>"$WORK/conc"; done) &
    (for i in $(seq 1 60); do "$BIN" --db "$DB" client add --name "b$i" >/dev/null || echo fail >>"$WORK/conc"; done) &
    wait
    [ -f "$WORK/conc" ] && fail "$(wc -l <"$WORK/conc") writes failed"
    [ "$(sqlite3 "$DB" 'SELECT count(*) FROM log_entries')" = 60 ] || fail "log rows lost"
    [ "$(sqlite3 "$DB" 'SELECT count(*) FROM clients')" = 61 ] || fail "client rows lost"
    r verify
    rc_is 0
    out_has "ok: 60 log entries, 122 audit entries"
}

test_demo_loads_once() {
    fresh
    r demo
    rc_is 0
    r case list --json
    out_has "Harbour Lane Bakery"
    r verify
    rc_is 0
    snapshot
    r demo
    rc_is 1
    err_has "already has clients"
    unchanged
}

test_project_edit_marks_delivered() {
    fresh
    r client add --name A
    r project add --client 1 --title Site --scope "five pages" --deadline 2026-12-01 --price 1000
    r project edit 1 --status delivered --deadline ""
    rc_is 0
    r project show 1 --json
    out_has '"status": "delivered"'
    out_has '"deadline": null'
    out_has '"scope": "five pages"'
    out_has '"price": 100000'
    snapshot
    r project edit 1 --status finished
    rc_is 1
    err_has "status: 'finished' is not active, delivered or cancelled"
    r project edit 1 --deadline 2026-02-30
    rc_is 1
    err_has "deadline:"
    r project edit 1 --title " "
    rc_is 1
    err_has "title:"
    r project edit 1
    rc_is 2
    r project edit 9 --status delivered
    rc_is 3
    unchanged
    r terminate 1
    out_lacks "undelivered project"
}
