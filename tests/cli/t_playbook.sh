# t_playbook.sh — the resolution path (P2–P14): one case walked from intake to close, the
# guards and their overrides, offers with money checks, escalation triggers, and bad input for
# every command leaving the database unchanged. REDRESS_NOW fixes "today" at 2026-11-20.

pb_now() { REDRESS_NOW=2026-11-20T10:00:00Z; export REDRESS_NOW; }
pb_done() { unset REDRESS_NOW; }

# pb_demo: a fresh desk with the demo data; case 1 is Harbour Lane Bakery (GBP, project 1).
pb_demo() {
    pb_now
    fresh
    r demo
    rc_is 0
}

# pb_paid AMOUNT_MINOR: the demo's invoice HLB-0412 (2,400.00 GBP on project 1) with only
# AMOUNT_MINOR of it paid. Made outside redress, so the table's seal trigger goes first (it
# calls a function only redress has); these tests do not verify afterwards.
pb_paid() {
    sqlite3 "$DB" "DROP TRIGGER IF EXISTS seal_payments_update;
        UPDATE payments SET amount = $1 WHERE invoice_id = 1"
}

# pb_ready: case 1 walked up to a confirmed restatement.
pb_ready() {
    r case concern add 1 --text "Two boards show the old prices" && rc_is 0
    r case acknowledge 1 && rc_is 0
    r case cause 1 --root quality && rc_is 0
    r case want 1 --want "the boards fixed" --goal "the counter opens Saturday" && rc_is 0
    r case confirm 1 && rc_is 0
}

test_playbook_whole_path_intake_to_close() {
    pb_demo # the demo's invoice is paid in full: 240000
    r case next 1
    rc_is 0
    out_has "stage intake"
    out_has "What exactly did you expect"
    r case concern add 1 --text "Two boards show the old prices" --specifics "boards 3 and 5" \
        --example "latte 2.80 instead of 3.10"
    rc_is 0
    r case concern add 1 --text "Colours do not match the proof"
    rc_is 0
    r case next 1
    out_has "stage listening"
    out_has "case acknowledge 1"
    ri "I am sorry: the old prices on two boards were my mistake." case acknowledge 1 --text -
    rc_is 0
    r case next 1
    out_has "case cause 1"
    r case cause 1 --root quality --notes "proof colours not checked on print"
    rc_is 0
    out_has "six print-ready menu boards"
    out_has "extra revision  180.00 GBP"
    r case want 1 --want "the boards corrected and matching the proof" \
        --goal "the new counter opens with the right prices"
    rc_is 0
    out_has "You want the boards corrected and matching the proof so that the new counter"
    out_has "Two boards show the old prices (boards 3 and 5)"
    r case next 1
    out_has "case confirm 1"
    r case confirm 1 --correction "only the two boards reprinted"
    rc_is 0
    out_has "You want only the two boards reprinted"
    r case confirm 1 --by client
    rc_is 0
    r case next 1
    out_has "offer make 1"
    r offer make 1 --option "redo:reprint boards 3 and 5:2026-11-25" --option partial_refund:10%:2026-12-01
    rc_is 0
    out_has "240.00 GBP"
    out_has "margin after: 2,160.00 GBP"
    out_has "offer 1 saved"
    r offer reject 1 --ask 600.00
    rc_is 0
    r case next 1
    out_has "counter-offer"
    r offer make 1 --option "redo:reprint boards 3 and 5:2026-11-25" --option partial_refund:400:2026-12-01
    rc_is 0
    out_has "halfway is 420.00 GBP"
    r offer choose 2 --option 2
    rc_is 0
    out_has "A refund of 400.00 GBP"
    r refund list --pending
    out_has "400.00 GBP"
    r commitment list --case 1
    out_has "2026-12-01"
    r case next 1
    out_has "stage agreed"
    r commitment done 1
    rc_is 0
    out_has "follow-up 1 scheduled"
    r followup list --due
    out_has "(none)"
    r followup list
    out_has "2026-11-23"
    r refund paid 1 --on 2026-11-20
    rc_is 0
    r followup done 1 --outcome "Priya is happy with the reprint"
    rc_is 0
    r case next 1
    out_has "feedback record 1"
    r feedback record 1 --score 4 --text "Quick fix, thank you"
    rc_is 0
    r case next 1
    out_has "case close 1"
    r case close 1 --lesson "print proofs were not checked" --change "order a printed proof" --change-made no
    rc_is 0
    r case show 1 --json
    out_has '"stage": "closed"'
    out_has '"status": "closed"'
    r lesson list --open
    out_has "order a printed proof"
    r lesson done 1
    rc_is 0
    r lesson list --open
    out_has "(none)"
    r log list --client 1
    out_has "Restatement for confirmation"
    out_has "Offer: please choose an option"
    out_has "Acknowledgement and apology"
    r verify
    rc_is 0
    sqlite3 "$DB" "SELECT action FROM audit_entries" >"$WORK/actions"
    grep -q "offer.choose" "$WORK/actions" || fail "no audit entry for offer.choose"
    pb_done
}

test_playbook_offer_blocked_before_confirmation() {
    pb_demo
    snapshot
    r offer make 1 --option "redo:reprint:2026-11-25"
    rc_is 1
    err_has "stage: case 1 is at intake; the client must confirm the restatement"
    err_has "--override"
    err_one_line
    unchanged
    r offer make 1 --option "redo:reprint:2026-11-25" --override "client asked for options on the call"
    rc_is 0
    sqlite3 "$DB" "SELECT detail FROM audit_entries WHERE action = 'offer.make'" >"$WORK/d"
    grep -q "client asked for options on the call" "$WORK/d" || fail "override reason not audited"
    pb_done
}

test_playbook_wrong_stage_says_what_first() {
    pb_demo
    snapshot
    r case acknowledge 1
    rc_is 1
    err_has "record at least one of the client's concerns"
    err_has "next: redress case concern add 1 --text"
    err_one_line
    r case cause 1 --root quality
    rc_is 1
    err_has "acknowledge the complaint first"
    r case want 1 --want a --goal b
    rc_is 1
    err_has "identify the real problem first"
    r case confirm 1
    rc_is 1
    err_has "draft the restatement first"
    r feedback record 1 --score 5
    rc_is 1
    err_has "hold the follow-up first"
    r case close 1 --lesson a --change b
    rc_is 1
    err_has "follow through first"
    r escalation outcome 1 --text x
    rc_is 3
    unchanged
    pb_done
}

test_playbook_close_needs_lesson() {
    pb_demo
    snapshot
    r case close 1 --override "client withdrew the complaint"
    rc_is 0
    r case show 1 --json
    out_has '"status": "closed"'
    fresh
    r demo
    snapshot
    r case close 1
    rc_is 1
    err_has "lesson: closing needs a lesson (P11)"
    r case close 1 --lesson "only half"
    rc_is 1
    err_has "change:"
    unchanged
    pb_done
}

test_playbook_unknown_ids_exit_3() {
    pb_demo
    snapshot
    for cmd in "case next 99" "case concern add 99 --text x" "case acknowledge 99" \
        "case cause 99 --root quality" "case want 99 --want a --goal b" "case confirm 99" \
        "case flag 99 --hostility 1" "case pause 99 --reason x" "case resume 99" \
        "case close 99 --lesson a --change b" "offer make 99 --option redo:x:2026-12-01" \
        "offer choose 99 --option 1" "offer reject 99" "offer list 99" "commitment done 99" \
        "commitment list --case 99" "refund paid 99" "followup done 99 --outcome x" \
        "feedback record 99 --score 3" "lesson done 99" \
        "escalate 99 --level internal --reason x" "escalation outcome 99 --text x"; do
        # shellcheck disable=SC2086
        r $cmd
        [ "$RC" = 3 ] || fail "$cmd: exit $RC, wanted 3 ($ERR)"
    done
    unchanged
    pb_done
}

test_playbook_offer_money_and_dates_checked() {
    pb_demo
    pb_paid 120000
    pb_ready
    snapshot
    r offer make 1 --option partial_refund:1200.01:2026-12-01
    rc_is 1
    err_has "exceeds what the client paid"
    r offer make 1 --option partial_refund:200:2026-11-19
    rc_is 1
    err_has "2026-11-19 is in the past"
    r offer make 1 --option "partial_refund:200 EUR:2026-12-01"
    rc_is 1
    err_has "never mixed"
    r offer make 1 --option partial_refund:12.345:2026-12-01
    rc_is 1
    err_has "option 1:"
    r offer make 1 --option partial_refund:abc:2026-12-01
    rc_is 1
    r offer make 1 --option discount:101%:2026-12-01
    rc_is 1
    err_has "percent"
    r offer make 1 --option refund:10:2026-12-01
    rc_is 1
    err_has "is not one of"
    r offer make 1 --option redo:x:2026-02-30
    rc_is 1
    err_has "not a date"
    r offer make 1 --option "revision:3 rounds:2026-12-01"
    rc_is 1
    err_has "180.00 GBP"
    err_has "--charge: option 1 goes 1 revision beyond"
    err_has "charge for them or waive them"
    r offer make 1 --option redo
    rc_is 1
    err_has "KIND:DETAIL:DUE"
    r offer make 1 --option partial_refund:1200:2026-12-01 --dry-run
    rc_is 0
    out_has "dry run"
    unchanged
    r offer make 1 --option partial_refund:1200:2026-12-01
    rc_is 0
    pb_done
}

test_playbook_offer_choose_reject_bad_input() {
    pb_demo
    pb_ready
    r offer make 1 --option "redo:reprint:2026-11-25"
    rc_is 0
    snapshot
    r offer choose 1 --option 2
    rc_is 1
    err_has "no option 2"
    r offer reject 1 --ask 12,34
    rc_is 1
    err_has "ask:"
    r offer reject 1 --ask "50 USD"
    rc_is 1
    err_has "never mixed"
    r offer make 1 --option "redo:again:2026-11-25"
    rc_is 1
    err_has "open offer"
    unchanged
    r offer choose 1 --option 1
    rc_is 0
    snapshot
    r offer reject 1
    rc_is 1
    err_has "already chosen"
    r commitment done 1
    rc_is 0
    snapshot
    r commitment done 1
    rc_is 1
    err_has "already done"
    r followup done 1 --outcome "   "
    rc_is 1
    r refund paid 1
    rc_is 3
    unchanged
    pb_done
}

test_playbook_escalation_and_pause() {
    pb_demo
    snapshot
    r escalate 1 --level court --reason x
    rc_is 1
    err_has "level:"
    r escalate 1 --level mediation --reason x --date 2026-13-01
    rc_is 1
    r case flag 1 --hostility 4
    rc_is 1
    r case flag 1 --abuse maybe
    rc_is 1
    r case flag 1
    rc_is 1
    r case pause 1 --reason " "
    rc_is 1
    r case resume 1
    rc_is 1
    err_has "not paused"
    unchanged
    r case flag 1 --abuse yes --legal-threat yes --hostility 3
    rc_is 0
    r case next 1
    out_has "legal_threat"
    out_has "abuse"
    out_lacks "Talk, don't type" # never a call to an abuser (P3, P14)
    out_has "Pause contact and send a short boundary message"
    out_has "redress case pause 1 --reason"
    out_has "walk away"
    r case pause 1 --reason "abusive call; both sides need time" --until 2026-11-27
    rc_is 0
    out_has "until 2026-11-27"
    snapshot
    r case concern add 1 --text x
    rc_is 1
    err_has "paused"
    unchanged
    r case next 1
    out_has "case resume 1"
    r case resume 1
    rc_is 0
    r escalate 1 --level mediation --reason "legal threat" --mediator "Ann Fairweather" --date 2026-12-03
    rc_is 0
    r case show 1 --json
    out_has '"stage": "escalated"'
    r escalation outcome 1 --text "agreed to a reprint"
    rc_is 0
    r case show 1 --json
    out_has '"stage": "intake"'
    snapshot
    r escalation outcome 1 --text again
    rc_is 1
    unchanged
    pb_done
}

test_playbook_money_at_risk_trigger() {
    pb_demo
    pb_paid 140000
    r config set currency GBP # the threshold is in the user's own currency
    r case next 1 --json
    out_lacks "money_at_risk"
    pb_paid 139999
    r case next 1 --json
    out_has "money_at_risk"
    out_has '"at_risk": 100001'
    pb_done
}

test_playbook_help_for_every_command() {
    for cmd in "case next" "case concern add" "case acknowledge" "case cause" "case want" \
        "case confirm" "case flag" "case pause" "case resume" "case close" "offer make" \
        "offer choose" "offer reject" "offer list" "commitment list" "commitment done" \
        "refund list" "refund paid" "followup list" "followup done" "feedback record" \
        "lesson list" "lesson done" "escalate" "escalation outcome"; do
        # shellcheck disable=SC2086
        "$BIN" $cmd --help >"$WORK/out" 2>&1 || fail "$cmd --help failed"
        grep -q "usage: redress $cmd" "$WORK/out" || fail "$cmd --help has no usage"
    done
}
