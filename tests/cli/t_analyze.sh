# t_analyze.sh — end-to-end tests of `redress triage` and `redress check`: exit codes, the
# compiler-format diagnostic lines, the --json shapes, --werror, --explain, bad input.

test_analyze_commands_have_help() {
    "$BIN" --help >"$WORK/help" || fail "--help failed"
    for cmd in "triage" "check"; do
        "$BIN" $cmd --help >"$WORK/out" 2>&1 || fail "$cmd --help failed"
        grep -q "usage: redress $cmd" "$WORK/out" || fail "$cmd --help has no usage line"
        grep -qF "$cmd" "$WORK/help" || fail "$cmd missing from redress --help"
    done
}

test_triage_needs_no_database() {
    DB="$WORK/none.db"
    ri "My lawyer will be in touch." triage
    rc_is 0
    out_has "legal threat"
    [ ! -e "$DB" ] || fail "triage created a database"
}

test_triage_json_shape() {
    DB="$WORK/none.db"
    ri "You are a fraud!!! I want a refund and I will not pay the rest. Still waiting." triage --json
    rc_is 0
    for k in '"hostility": 3' '"abuse": true' '"legal_threat": false' '"review_threat": false' \
        '"refund_demand": true' '"payment_refusal": true' '"complaints": [' '"root_cause":' \
        '"findings": [' '"kind": "abuse"' '"start":' '"end":' '"text": "fraud"'; do
        out_has "$k"
    done
}

test_triage_reads_a_file() {
    DB="$WORK/none.db"
    printf 'Please leave me alone, I will post a one star review on Google.\n' >"$WORK/msg.txt"
    r triage --json "$WORK/msg.txt"
    rc_is 0
    out_has '"review_threat": true'
}

test_triage_invalid_utf8_is_one_line() {
    DB="$WORK/none.db"
    printf 'bad \303\050 byte' >"$WORK/bad.txt"
    r triage "$WORK/bad.txt"
    rc_is 1
    err_has "bad.txt"
    err_has "UTF-8"
    err_one_line
    printf 'bad \377' | "$BIN" check >"$WORK/out" 2>"$WORK/err"
    [ $? = 1 ] || fail "check accepted invalid UTF-8"
    grep -q '<stdin>' "$WORK/err" || fail "stderr does not name <stdin>"
}

test_check_compiler_format() {
    DB="$WORK/none.db"
    printf 'Hi Jen,\nsorry if the gallery was late. We will look into it soon.\n' >"$WORK/d.txt"
    r check "$WORK/d.txt"
    rc_is 1
    out_has "$WORK/d.txt:2:1: error: "
    out_has "[conditional-apology]"
    out_has "warning: "
    out_has "[vague-commitment]"
    printf '%s\n' "$OUT" | grep -q '^    "sorry if" -> ' || fail "no suggestion line: $OUT"
}

test_check_stdin_is_named() {
    DB="$WORK/none.db"
    ri "As I said, you should have read the contract." check
    rc_is 1
    out_has "<stdin>:1:1: error:"
    out_has "[blame-shifting]"
}

test_check_clean_draft_exits_zero() {
    DB="$WORK/none.db"
    ri "I'm sorry I sent the wrong files. I will send the right ones by 4pm today." check
    rc_is 0
    out_has "0 errors, 0 warnings"
    out_has "unconditional-apology"
    out_has "specific-commitment"
}

test_check_werror() {
    DB="$WORK/none.db"
    ri "Obviously the files are attached." check
    rc_is 0
    out_has "[dismissive]"
    ri "Obviously the files are attached." check --werror
    rc_is 1
}

test_check_json_shape() {
    DB="$WORK/none.db"
    ri "Sorry for any inconvenience, but it was sent to the wrong address!!" check --json
    rc_is 1
    for k in '"diagnostics": [' '"rule": "conditional-apology"' '"severity": "error"' '"line": 1' \
        '"column": 1' '"start": 0' '"end":' '"message":' '"suggestion":' '"strengths": [' \
        '"errors":' '"warnings":' '"hints": 0'; do
        out_has "$k"
    done
}

test_check_explain() {
    DB="$WORK/none.db"
    r check --explain apology-but
    rc_is 0
    out_has "apology-but"
    out_has "Instead of"
    r check --explain no-such-rule
    rc_is 2
    err_has "unknown rule"
}

test_check_empty_and_curly() {
    DB="$WORK/none.db"
    ri "" check
    rc_is 0
    ri "" triage --json
    rc_is 0
    out_has '"hostility": 0'
    ri "I’m sorry you feel that way." check
    rc_is 1
    out_has "[conditional-apology]"
}

test_analyze_big_and_odd_input() {
    DB="$WORK/none.db"
    head -c 1000000 /dev/zero | tr '\0' '!' >"$WORK/bangs.txt"
    r check "$WORK/bangs.txt"
    rc_is 0
    out_has "[shouting]"
    out_has "0 errors, 1 warning"
    r triage --json "$WORK/bangs.txt"
    rc_is 0
    out_has '"kind": "exclamation"'
    printf 'sorry if\000you should have' >"$WORK/nul.txt"
    r check "$WORK/nul.txt"
    rc_is 1
    err_has "nul.txt"
    err_has "NUL"
    err_one_line
    head -c 3000000 /dev/zero | tr '\0' 'a' >"$WORK/line.txt"
    r triage "$WORK/line.txt"
    rc_is 0
    out_has "hostility  0"
}

test_triage_and_check_jsonl() {
    DB="$WORK/none.db"
    printf '%s\n' '{"id":7,"text":"You are a fraud. I want a refund."}' '' \
        '{"id":"b","text":"Could you send the invoice?"}' >"$WORK/batch.jsonl"
    r triage --jsonl "$WORK/batch.jsonl"
    rc_is 0
    [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 2 ] || fail "want 2 lines: $OUT"
    out_has '{"id":7,"hostility":3,'
    out_has '"abuse":true'
    out_has '"refund_demand":true'
    out_has '{"id":"b","hostility":0,'
    out_has '"hostility_score":'
    printf '%s\n' '{"id":1,"text":"sorry if you feel that way"}' '{"id":2}' 'nope' >"$WORK/bad.jsonl"
    r check --jsonl "$WORK/bad.jsonl"
    rc_is 1
    out_has '{"id":1,"diagnostics":[{"rule":"conditional-apology"'
    out_has '{"id":2,"error":"'
    out_has 'bad.jsonl:2: text: is missing'
    out_has 'bad.jsonl:3: not a JSON object'
    err_has "2 lines not analysed"
    err_one_line
}
