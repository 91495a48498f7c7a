# t_money.sh — money and walking away (P15, P16, P18, P21): an unpaid invoice through reminder
# and mediation to the demand letter, terminating a client, revisions, screening, and bad input
# for every command leaving the database unchanged. REDRESS_NOW fixes "today" at 2026-11-25.

money_now() { export REDRESS_NOW=2026-11-25T09:00:00Z; }
money_done() { unset REDRESS_NOW; }

# A client with a project on 14 days' terms and an invoice of 1,200.00 USD due 2026-10-15.
money_setup() {
    fresh
    r client add --name "Northwind Analytics" --email ap@northwind.example
    r project add --client 1 --title "Report design" --scope "40-page report" --price 1200 \
        --currency USD --payment-terms 14 --revisions 1 --extra-revision-price 150
    r invoice add --project 1 --number 2026-031 --amount 1,200.00 --issued 2026-10-01
    rc_is 0
}

test_money_invoice_due_from_terms_and_overdue() {
    money_now
    money_setup
    [ "$OUT" = 1 ] || fail "invoice add printed '$OUT'"
    r invoice show 1 --json
    out_has '"due_on": "2026-10-15"'
    out_has '"days_overdue": 41'
    r invoice pay 1 --amount 200 --on 2026-10-20
    rc_is 0
    r invoice list --overdue
    out_has "1,000.00 USD"
    out_has "41"
    r invoice list --client 1 --json
    out_has '"balance": 100000'
    r invoice pay 1 --amount "1,000.00 USD" --on 2026-11-01
    rc_is 0
    r invoice list --overdue --json
    [ "$OUT" = "[]" ] || fail "paid invoice still listed as overdue: $OUT"
    money_done
}

test_money_escalation_to_demand_letter() {
    money_now
    money_setup
    ri "We will not pay until the invoice is corrected." case open --client 1 --project 1 \
        --channel letter --received 2026-10-20 --text -
    # nothing on file yet but the contract terms: the letter is refused and names what is missing
    snapshot
    r letter demand 1
    rc_is 1
    err_has "reminder (no payment reminder"
    err_has "mediation (mediation was not offered"
    err_one_line
    unchanged
    r invoice remind 1
    rc_is 0
    out_has "Payment reminder: invoice 2026-031"
    out_has "41 days past due"
    r log list --client 1 --json
    out_has '"subject": "Payment reminder: invoice 2026-031"'
    r escalate 1 --level mediation --reason "payment dispute" --mediator "Jane Doe" --date 2026-12-01
    rc_is 0
    r letter demand 1 --pursuit-cost 400 --deadline-days 10
    rc_is 0
    out_has "Formal demand for payment"
    out_has "Invoice 2026-031"
    out_has "41 days overdue"
    out_has "by 2026-12-05"
    out_has "last resort"
    out_has "Documented communication (attached as evidence)"
    out_has "from you (letter): Complaint"
    out_has "to you (email): Payment reminder: invoice 2026-031"
    err_has "Cost-benefit: 1,200.00 USD owed vs. 400.00 USD to pursue it: net 800.00 USD"
    r log list --client 1 --json
    out_has '"subject": "Formal demand for payment: invoice 2026-031"'
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit_entries WHERE action = 'letter.demand'")" = 1 ] ||
        fail "no audit entry for the letter"
    r verify
    rc_is 0
    money_done
}

test_money_demand_override_is_audited() {
    money_now
    money_setup
    r letter demand 1 --override "client stopped answering" --json
    rc_is 0
    out_has '"prerequisite": "reminder"'
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit_entries WHERE detail LIKE '%client stopped answering%'")" = 1 ] ||
        fail "override reason not audited"
    money_done
}

test_money_terminate_client() {
    money_now
    money_setup
    ri "You are useless." case open --client 1 --channel email --text -
    r time add --client 1 --case 1 --minutes 90 --note "calls about the invoice"
    rc_is 0
    r terminate 1
    rc_is 0
    out_has "[ ] project:1"
    out_has "[ ] invoice:1"
    snapshot
    r terminate 1 --reason "Repeated late payment" --confirm
    rc_is 1
    err_has "2 items are still open"
    err_has "invoice:1"
    unchanged
    r terminate 1 --handover project:1 --note "Files sent to Blue Door Studio"
    rc_is 0
    out_has "[x] project:1"
    r terminate 1 --handover invoice:1 --note "Written off"
    out_has "nothing open"
    snapshot
    r terminate 1 --reason "Repeated late payment" --reason "Abusive messages" \
        --referral "Blue Door Studio" --confirm
    rc_is 1
    err_has "cooling off" # the abusive message arrived minutes ago (P2)
    unchanged
    r terminate 1 --reason "Repeated late payment" --reason "Abusive messages" \
        --referral "Blue Door Studio" --confirm --override "decided a week ago, after the last call"
    rc_is 0
    out_has "Notice of termination of services"
    out_has "- Repeated late payment"
    out_has "- Abusive messages"
    out_has "I recommend Blue Door"
    r client show 1 --json
    out_has '"status": "terminated"'
    out_has '"stage": "terminated"'
    r log list --client 1 --json
    out_has '"subject": "Notice of termination"'
    [ "$(sqlite3 "$DB" "SELECT status FROM projects WHERE id = 1")" = handed_over ] ||
        fail "project not marked handed over"
    # new work for this client: the history comes first (stderr), the id alone on stdout
    ri "Can you do one more report?" case open --client 1 --channel email --text -
    rc_is 0
    [ "$OUT" = 2 ] || fail "case open printed '$OUT'"
    err_has "Screening: this client has a history"
    err_has "you walked away from this client on 2026-11-25"
    r project add --client 1 --title "Another report" --json
    out_has '"history": ['
    out_has '"kind": "terminated"'
    r terminate 1 --reason again --confirm
    rc_is 1
    err_has "already terminated"
    money_done
}

test_money_case_open_without_history_prints_id_only() {
    fresh
    r client add --name A
    r case open --client 1 --channel email
    [ "$OUT" = 1 ] || fail "case open printed '$OUT'"
    [ -z "$ERR" ] || fail "unexpected stderr: $ERR"
    r case open --client 1 --channel email --json
    out_has '"history": ['
    out_has '"kind": "complaints"'
}

test_money_revisions() {
    money_now
    money_setup
    r revision add --project 1 --note "move the charts"
    rc_is 0
    out_has "revision 1 of 1 included"
    snapshot
    r revision add --project 1 --note "new cover"
    rc_is 1
    err_has "only 1 is included"
    err_has "150.00 USD"
    err_has "--charge: this is revision 2"; err_has "charge for it or waive it"
    unchanged
    r revision add --project 1 --note "new cover" --charge
    rc_is 0
    out_has "charged (150.00 USD)"
    r revision add --project 1 --waive
    out_has "waived"
    r revision list --project 1
    out_has "3 of 1 included revisions used"
    r revision list --project 1 --json
    out_has '"price": 15000'
    money_done
}

test_money_bad_input_leaves_db_unchanged() {
    money_now
    money_setup
    r case open --client 1 --channel email
    snapshot
    # unknown ids
    for cmd in "invoice show 9" "invoice remind 9" "invoice pay 9 --amount 1 --on 2026-11-01" \
        "letter demand 9" "terminate 9" "revision list --project 9" \
        "revision add --project 9" "time add --client 9 --minutes 5" \
        "time add --client 1 --case 9 --minutes 5" "invoice list --client 9" \
        "invoice add --project 9 --number X --amount 1 --issued 2026-11-01"; do
        # shellcheck disable=SC2086
        r $cmd
        rc_is 3
        err_one_line
    done
    # malformed, future and past dates
    r invoice add --project 1 --number X --amount 10 --issued 2026-02-30
    rc_is 1
    err_has "issued: 2026-02-30 is not a date"
    r invoice add --project 1 --number X --amount 10 --issued 2026-11-26
    err_has "issued: 2026-11-26 is in the future"
    r invoice add --project 1 --number X --amount 10 --issued 2026-11-01 --due 2026-10-01
    err_has "due: 2026-10-01 is before the issue date"
    r invoice pay 1 --amount 10 --on 2026-12-01
    err_has "on: 2026-12-01 is in the future"
    r invoice pay 1 --amount 10 --on 2026-09-30
    err_has "before invoice 2026-031 was issued"
    r invoice pay 1 --amount 10 --on yesterday
    err_has "on: 'yesterday' is not a date"
    # malformed, negative, zero money; overpayment; wrong currency
    r invoice add --project 1 --number X --amount 12.345 --issued 2026-11-01
    err_has "amount: '12.345' has more than 2 decimal places"
    r invoice add --project 1 --number X --amount -5 --issued 2026-11-01
    err_has "amount: '-5' is negative"
    r invoice add --project 1 --number X --amount 0 --issued 2026-11-01
    err_has "amount: must be more than zero"
    r invoice add --project 1 --number X --amount "100 EUR" --issued 2026-11-01
    err_has "is in EUR but this is in USD"
    r invoice pay 1 --amount 1,200.01 --on 2026-11-01
    err_has "more than the 1,200.00 USD still owed"
    r invoice pay 1 --amount 1,2,00 --on 2026-11-01
    err_has "is not an amount"
    r invoice add --project 1 --number 2026-031 --amount 10 --issued 2026-11-01
    err_has "already has an invoice 2026-031"
    r letter demand 1 --pursuit-cost abc --override x
    err_has "pursuit-cost:"
    r letter demand 1 --deadline-days 0 --override x
    err_has "deadline-days:"
    # time, termination and revisions
    r time add --client 1 --minutes 0
    err_has "minutes:"
    r time add --client 1 --minutes lots
    err_has "minutes:"
    r terminate 1 --confirm
    err_has "reason: give at least one reason"
    r terminate 1 --handover project:1
    err_has "note:"
    r terminate 1 --handover thing:1 --note x
    err_has "is not commitment, project, refund or invoice"
    r terminate 1 --handover project:1 --note x --confirm
    rc_is 2
    r revision add --project 1 --charge
    err_has "included in the price"
    r revision add --project 1 --charge --waive
    rc_is 2
    unchanged
    money_done
}

test_money_commands_have_help_and_json() {
    for cmd in "invoice add" "invoice pay" "invoice list" "invoice show" "invoice remind" \
        "letter demand" "time add" "terminate" "revision add" "revision list"; do
        # shellcheck disable=SC2086
        "$BIN" $cmd --help >"$WORK/out" 2>&1 || fail "$cmd --help failed"
        grep -q "usage: redress $cmd" "$WORK/out" || fail "$cmd --help has no usage line"
    done
    money_now
    money_setup
    for cmd in "invoice list" "invoice show 1" "terminate 1" "revision list --project 1"; do
        # shellcheck disable=SC2086
        r $cmd --json
        rc_is 0
        out_is_json
    done
    money_done
}

test_money_demo_tour() {
    fresh
    r demo
    rc_is 0
    r invoice list --client 1 --json
    out_has '"balance": 0'
    r invoice list --client 3 --overdue
    out_has "2026-031"
    r terminate 3
    out_has "late_payments"
    out_has "[ ] invoice:3"
    r verify
    rc_is 0
}
