# t_hygiene.sh — what reaches the terminal and the file system: escapes from client text shown
# visibly, refused at the door of the desk, JSON still JSON, and write errors on stdout reported.

test_check_echo_shows_escapes_visibly() {
    printf "I'm sorry if\033[2J\033[8m you feel upset, but it is your fault.\n" >"$WORK/esc.txt"
    "$BIN" check "$WORK/esc.txt" >"$WORK/out" 2>"$WORK/err"
    grep -q "$(printf '\033')" "$WORK/out" "$WORK/err" && fail "a raw ESC reached the output"
    grep -qF 'sorry if\x1b[2J\x1b[8m' "$WORK/out" || fail "escape not shown visibly: $(cat "$WORK/out")"
    "$BIN" check "$WORK/evil$(printf '\033')[31m.txt" >"$WORK/out" 2>"$WORK/err"
    grep -q "$(printf '\033')" "$WORK/err" && fail "a raw ESC from a file name reached stderr"
    grep -qF 'evil\x1b[31m.txt' "$WORK/err" || fail "file name not shown visibly: $(cat "$WORK/err")"
}

test_triage_echo_shows_c1_and_bidi_visibly() {
    printf 'This is a scam \302\233 and I want a refund \342\200\256 now\n' >"$WORK/c1.txt"
    "$BIN" triage "$WORK/c1.txt" >"$WORK/out" 2>&1
    grep -q "$(printf '\302\233')" "$WORK/out" && fail "a raw C1 control reached the output"
    grep -q "$(printf '\342\200\256')" "$WORK/out" && fail "a raw bidi override reached the output"
    return 0
}

test_stored_text_refuses_hidden_characters() {
    fresh
    r client add --name Ann
    snapshot
    r client add --name "$(printf 'Bad\302\233name')"
    rc_is 1
    err_has "name: contains a control character (U+009B)"
    ri "$(printf 'I want a refund\rAll good, no complaint here')" case open --client 1 --channel email --text -
    rc_is 1
    err_has "contains a control character (carriage return"
    r log add --client 1 --direction in --channel email --subject "$(printf 'x\342\200\256y')"
    rc_is 1
    err_has "subject: contains a bidirectional override (U+202E)"
    unchanged
}

test_crlf_from_a_file_becomes_lf() {
    fresh
    r client add --name Ann
    printf 'line one\r\nline two\r\n' >"$WORK/crlf.txt"
    r log add --client 1 --direction in --channel email --subject s --text "$WORK/crlf.txt"
    rc_is 0
    [ "$(sqlite3 "$DB" "SELECT instr(body, char(13)) FROM log_entries")" = 0 ] ||
        fail "a carriage return was stored"
}

test_stored_hidden_text_is_shown_visibly() {
    fresh
    r client add --name Ann
    # as if written by an older redress or by hand: the display must still not pass it raw
    sqlite3 "$DB" "PRAGMA foreign_keys=ON; DROP TRIGGER IF EXISTS clients_no_update; DROP TRIGGER IF EXISTS seal_clients_update;" \
        "UPDATE clients SET name = 'A' || char(27) || '[2J' || char(155) || char(8238) || 'nn'" 2>/dev/null
    r client list
    printf '%s' "$OUT" | grep -q "$(printf '\033')" && fail "raw ESC in client list"
    out_has 'A\x1b[2J\u009b\u202enn'
    r client show 1 --json
    out_is_json
    printf '%s' "$OUT" | grep -q "$(printf '\302\233')" && fail "raw C1 in JSON"
    out_has '\u001B[2J\u009b\u202enn'
}

test_stdout_write_error_is_reported() {
    fresh
    "$BIN" --db "$DB" client list >/dev/full 2>"$WORK/err"
    RC=$?
    ERR=$(cat "$WORK/err")
    rc_is 4
    err_has "standard output"
}

# as_other CMD...: runs CMD as another user when the tests run as root (root ignores file modes).
as_other() {
    if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi
}

test_new_desk_and_its_wal_are_private() {
    DB="$WORK/private$$.db"
    (umask 022; "$BIN" --db "$DB" init >/dev/null) || fail "init failed"
    [ "$(stat -c %a "$DB")" = 600 ] || fail "database mode is $(stat -c %a "$DB")"
    # keep a reader open so the -wal and -shm files outlive the write
    (echo "BEGIN; SELECT count(*) FROM clients;"; sleep 2) | sqlite3 "$DB" >/dev/null &
    reader=$!
    sleep 0.3
    (umask 022; "$BIN" --db "$DB" client add --name Ann >/dev/null) || fail "client add failed"
    for f in "$DB-wal" "$DB-shm"; do
        [ -f "$f" ] || { fail "$f missing"; continue; }
        [ "$(stat -c %a "$f")" = 600 ] || fail "$f mode is $(stat -c %a "$f")"
    done
    kill "$reader" 2>/dev/null
    wait "$reader" 2>/dev/null
    return 0
}

test_zero_byte_file_gets_private_on_init() {
    DB="$WORK/zero$$.db"
    (umask 022; : >"$DB")
    "$BIN" --db "$DB" init >/dev/null || fail "init on an empty file failed"
    [ "$(stat -c %a "$DB")" = 600 ] || fail "mode is $(stat -c %a "$DB")"
}

test_shared_desk_warns_once() {
    fresh
    chmod 644 "$DB"
    r client list
    rc_is 0
    [ "$(printf '%s\n' "$ERR" | grep -c 'can be read by other users')" = 1 ] ||
        fail "wanted one warning: $ERR"
    chmod 600 "$DB"
    r client list
    [ -z "$ERR" ] || fail "warning on a private desk: $ERR"
}

test_files_that_are_not_desks_are_left_unchanged() {
    other="$WORK/other$$.db"
    sqlite3 "$other" "CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine'); PRAGMA user_version = 7;"
    : >"$WORK/zero$$.db"
    printf 'just text\n' >"$WORK/text$$.db"
    sqlite3 "$WORK/app$$.db" "PRAGMA application_id = 42; CREATE TABLE t (x);"
    for f in "$other" "$WORK/zero$$.db" "$WORK/text$$.db" "$WORK/app$$.db"; do
        cp "$f" "$WORK/copy.db"
        for cmd in "client list" "verify" "client add --name X" "demo"; do
            # init and demo may fill an empty file: they are the commands that create desks
            [ "$f" = "$WORK/zero$$.db" ] && [ "$cmd" = demo ] && continue
            # shellcheck disable=SC2086
            "$BIN" --db "$f" $cmd >"$WORK/out" 2>"$WORK/err"
            RC=$?
            ERR=$(cat "$WORK/err")
            [ "$RC" != 0 ] || fail "$cmd accepted $f"
            case "$ERR" in *"not a redress desk"* | *"empty file, not a redress desk"*) ;;
            *) fail "$cmd on $f: $ERR" ;; esac
            cmp -s "$f" "$WORK/copy.db" || fail "$cmd changed $f"
            [ -e "$f-wal" ] && fail "$cmd left $f-wal"
        done
    done
    "$BIN" --db "$other" init >/dev/null 2>&1 && fail "init took over another program's database"
    return 0
}

test_desk_without_application_id_is_adopted() {
    fresh
    r client add --name Ann
    sqlite3 "$DB" "PRAGMA application_id = 0"
    r client list
    rc_is 0
    out_has Ann
    [ "$(sqlite3 "$DB" 'PRAGMA application_id')" = 1380209235 ] || fail "application_id not set"
}

test_read_only_desk_opens_for_reading() {
    fresh
    r client add --name Ann
    dir=$(mktemp -d)
    cp "$DB" "$dir/ro.db"
    chmod 444 "$dir/ro.db"
    chmod 555 "$dir"
    as_other "$BIN" --db "$dir/ro.db" verify >"$WORK/out" 2>"$WORK/err" || fail "verify: $(cat "$WORK/err")"
    as_other "$BIN" --db "$dir/ro.db" client list >"$WORK/out" 2>"$WORK/err" || fail "list: $(cat "$WORK/err")"
    grep -q Ann "$WORK/out" || fail "client list lacks Ann"
    as_other "$BIN" --db "$dir/ro.db" client add --name Bob >"$WORK/out" 2>"$WORK/err"
    RC=$?
    ERR=$(cat "$WORK/err")
    rc_is 4
    err_has "read-only"
    [ "$(ls "$dir")" = ro.db ] || fail "files appeared beside a read-only desk: $(ls "$dir")"
    chmod 755 "$dir"
    rm -rf "$dir"
}

test_init_json_escapes_the_path() {
    DB="$WORK/q\"x$$.db"
    r init --json
    rc_is 0
    out_is_json
}

test_small_parsers_give_the_right_error() {
    fresh
    r client add --name Ann
    snapshot
    r case open --client 1 --channel email --received 1970-01-01T00:00+14:00
    rc_is 1
    err_has "outside 1970-01-01 to 9999-12-31"
    r client show 9223372036854775807
    rc_is 3
    r client show 9223372036854775808
    rc_is 1
    err_has "too large"
    r project add --client 1 --title T --price 12345678901234567890 --currency EUR
    rc_is 1
    err_has "too large"
    unchanged
}

test_demo_killed_midway_leaves_nothing_half_done() {
    for delay in 0.02 0.05 0.1 0.15 0.25; do
        fresh
        "$BIN" --db "$DB" demo >/dev/null 2>&1 &
        pid=$!
        sleep "$delay"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        n=$(sqlite3 "$DB" "SELECT count(*) FROM clients")
        case "$n" in 0 | 4) ;; *) fail "after a kill at ${delay}s the desk has $n clients" ;; esac
        if [ "$n" = 0 ]; then
            r demo
            rc_is 0
        fi
        r verify
        rc_is 0
    done
}
