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
