# t_scale.sh — lists page and stream: --limit, --after, --all, --json as one array and --jsonl
# as JSON Lines, the cursor to go on with on standard error, and refusals naming the field.

test_list_pages_with_limit_and_after() {
    fresh
    r demo
    r case list --limit 2
    rc_is 0
    out_has "Northwind"
    out_has "Marco Bellini"
    out_lacks "Harbour Lane"
    err_has "2 shown; more with --after 2"
    r case list --limit 2 --after 2
    rc_is 0
    out_has "Harbour Lane"
    out_lacks "Marco Bellini"
    [ -z "$ERR" ] || fail "a last page says there is more: $ERR"
    r case list --all
    out_has "Harbour Lane"
    out_has "Northwind"
}

test_list_json_streams_an_array_and_jsonl_lines() {
    fresh
    r demo
    r client list --json --limit 3
    rc_is 0
    out_is_json
    [ "$(printf '%s' "$OUT" | grep -c '"name"')" = 3 ] || fail "not 3 clients: $OUT"
    r client list --json --after 99
    rc_is 1
    err_has "after: no row 99 in clients"
    r invoice list --jsonl
    rc_is 0
    n=$(printf '%s\n' "$OUT" | wc -l)
    [ "$n" -ge 2 ] || fail "one line per invoice wanted: $OUT"
    printf '%s\n' "$OUT" | while IFS= read -r line; do
        printf '%s' "$line" >"$WORK/line.json"
        [ "$(sqlite3 :memory: "SELECT json_valid(CAST(readfile('$WORK/line.json') AS TEXT))")" = 1 ] ||
            echo bad
    done | grep -q bad && fail "a line is not JSON"
    r case list --json --status closed
    [ "$OUT" = "[]" ] || fail "empty list is not []: $OUT"
}

test_list_refusals_name_the_field() {
    fresh
    r case list --limit 0
    rc_is 1
    err_has "limit:"
    r case list --limit many
    rc_is 1
    err_has "limit:"
    r lesson list --after -3
    rc_is 1
    err_has "after:"
    r followup list --limit
    rc_is 2
}

test_demo_cases_builds_a_desk_that_verifies_and_streams() {
    fresh
    r demo --cases 300 --seed 7
    rc_is 0
    out_has "300 cases generated"
    r verify
    rc_is 0
    out_has "ok:"
    # More rows than one page of the CLI's reading: the array is still one valid whole.
    r case list --json
    out_is_json
    [ "$(printf '%s' "$OUT" | grep -c '"received_at"')" = 300 ] || fail "not 300 cases listed"
    r case list --jsonl
    [ "$(printf '%s\n' "$OUT" | cut -d, -f1 | sort -u | wc -l)" = 300 ] || fail "a case twice or lost"
    r invoice list --overdue --jsonl
    [ "$(printf '%s\n' "$OUT" | grep -c '"overdue":true')" = 30 ] || fail "not one overdue invoice per client"
    r demo --cases 10
    rc_is 1
    err_has "already has clients"
    r demo --cases 0
    rc_is 1
    err_has "cases:"
}
