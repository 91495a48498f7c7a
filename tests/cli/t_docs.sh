# t_docs.sh — exports, calendar and report from the command line on the demo desk.

test_export_csv_file_is_private_and_exact() {
    fresh
    r demo
    r export csv invoices --out "$WORK/inv.csv"
    rc_is 0
    [ "$(stat -c %a "$WORK/inv.csv")" = 600 ] || fail "csv mode $(stat -c %a "$WORK/inv.csv")"
    head -1 "$WORK/inv.csv" | grep -q "^id,number,project_id,client_id,client,amount,currency" ||
        fail "header: $(head -1 "$WORK/inv.csv")"
    grep -q "2026-031,3,3,Northwind Analytics,260000,USD" "$WORK/inv.csv" || fail "row missing"
    [ "$(grep -c "$(printf '\r')$" "$WORK/inv.csv")" = 4 ] || fail "lines do not end in CRLF"
    snapshot
    r export csv invoices --out "$WORK/inv.csv"
    rc_is 4
    err_has "out:"
    r export csv audit_entries
    rc_is 1
    err_has "table"
    unchanged
}

test_calendar_and_report_on_the_demo_desk() {
    fresh
    r demo
    r calendar export
    rc_is 0
    out_has "BEGIN:VCALENDAR"
    out_has "UID:invoice-3@redress"
    out_has "Invoice 2026-031 due from Northwind Analytics"
    REDRESS_NOW=2026-11-25T09:00:00Z "$BIN" --db "$DB" report --from 2026-11-01 --to 2026-11-30 >"$WORK/rep" 2>&1 ||
        fail "report failed: $(cat "$WORK/rep")"
    grep -q "3 cases, 0 closed" "$WORK/rep" || fail "report: $(head -3 "$WORK/rep")"
    r report --from 2026-11-30 --to 2026-11-01
    rc_is 1
    err_has "from"
    r report --from 2026-11-01 --to 2026-11-30 --json
    out_is_json
    r calendar link --name phone --base-url https://desk.example.com
    rc_is 0
    printf '%s' "$OUT" | grep -qE '^https://desk\.example\.com/calendar/c_[A-Za-z0-9_-]{43}\.ics$' ||
        fail "not a calendar URL: $OUT"
    r calendar revoke 1
    rc_is 0
    r calendar links --json
    out_has '"revoked_at": "20'
}

test_calendar_subscription_served_until_revoked() {
    web_desk
    r calendar link --name phone
    token=${OUT##*/}
    serve_up || return
    h "$URL/calendar/$token"
    status_is 200
    head_has "Content-Type: text/calendar"
    body_has "UID:invoice-3@redress"
    h -H "$(auth)" "$URL/api/v1/report?from=2026-11-01&to=2026-11-30"
    status_is 200
    body_has '"root_causes"'
    h -H "$(auth)" "$URL/api/v1/report?from=2026-11-31"
    status_is 422
    body_has '"field":"from"'
    r calendar revoke 1
    h "$URL/calendar/$token"
    status_is 404
    h "$URL/calendar/c_forged.ics"
    status_is 404
    serve_down
}
