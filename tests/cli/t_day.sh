# t_day.sh — the day-to-day side on the demo desk: `today` (one screen, most urgent first,
# --json), `case next` printing commands with real ids that run as printed, the pause with a
# resume date and a boundary message, reminders previewed, invoices named by their number,
# who is writing (config me.*), follow-ups scheduled and moved. REDRESS_NOW is 2026-11-25.

day_demo() {
    REDRESS_NOW=2026-11-25T09:00:00Z
    export REDRESS_NOW
    fresh
    r demo
    rc_is 0
}

test_day_today_most_urgent_first() {
    day_demo
    r today
    rc_is 0
    out_has "Today, 2026-11-25"
    out_has "invoice 2026-031: 2,600.00 USD open"
    out_has "redress invoice remind 2026-031"
    out_has "redress case concern add 1"
    # the overdue invoice comes before the next steps
    first=$(printf '%s\n' "$OUT" | grep -n "Invoices overdue" | cut -d: -f1)
    later=$(printf '%s\n' "$OUT" | grep -n "Your next step" | cut -d: -f1)
    [ "$first" -lt "$later" ] || fail "invoices ($first) not before next steps ($later)"
    r today --json
    out_is_json
    out_has '"kind": "invoice_overdue"'
    out_has '"action": "invoice.remind"'
    unset REDRESS_NOW
}

test_day_today_pages_each_section() {
    day_demo
    r today --limit 1
    rc_is 0
    out_has "Your next step on open cases"
    out_has "and 2 more cases: redress today --section cases --after 1"
    # the printed command shows the rest of the section
    r today --section cases --after 1 --limit 5
    rc_is 0
    out_has "case 2:"
    out_has "case 3:"
    out_lacks "case 1:"
    out_lacks "more"
    r today --section cases --limit 1 --json
    out_is_json
    out_has '"more": 2'
    out_has '"section": "cases"'
    r today --section nope
    rc_is 1
    err_has "section:"
    r today --after 3
    rc_is 1
    err_has "after:"
    unset REDRESS_NOW
}

test_day_next_prints_commands_that_run() {
    day_demo
    r case concern add 1 --text "Two boards show the old prices"
    ri "I am sorry: the old prices were my mistake." case acknowledge 1 --text -
    r case cause 1 --root quality
    r case want 1 --want "the boards reprinted" --goal "the counter opens"
    r case confirm 1
    r offer make 1 --option "redo:reprint boards 3 and 5:2026-11-27"
    rc_is 0
    r case next 1
    out_has "Run:  redress offer choose 1 --option N"
    out_has "Or:   redress offer reject 1 --ask AMOUNT"
    # the printed command runs once its placeholder is filled in
    cmd=$(printf '%s\n' "$OUT" | sed -n 's/^Run:  redress //p' | sed 's/ N$/ 1/')
    # shellcheck disable=SC2086
    r $cmd
    rc_is 0
    r case next 1
    out_has "Run:  redress commitment done 1"
    out_has "Or:   redress commitment list --case 1"
    r case next 1 --json
    out_has '"action": "commitment.done"'
    out_has '"commitment": 1'
    unset REDRESS_NOW
}

test_day_pause_with_date_and_boundary_message() {
    day_demo
    r case flag 2 --abuse yes
    r case next 2
    out_has "Pause contact and send a short boundary message"
    out_lacks "Talk, don't type"
    out_has "redress case pause 2 --reason"
    out_has "I am not able to continue while the conversation includes personal insults"
    r case pause 2 --reason "insults" --until 2026-11-20
    rc_is 1
    err_has "until:"
    ri "I want to sort this out with you. I am pausing our exchange until Monday 30 November." \
        case pause 2 --reason "insults on the phone" --until 2026-11-30 --message -
    rc_is 0
    out_has "until 2026-11-30"
    out_has "boundary message logged"
    ri "I am sorry." draft new 2
    snapshot
    r draft release 1 --override "it is fine"
    rc_is 0 # an override is the recorded way round, audited
    r today
    out_lacks "case concern add 2" # nothing is suggested on a paused case
    unset REDRESS_NOW
}

test_day_remind_preview_and_number() {
    day_demo
    snapshot
    r invoice remind 2026-031 --preview
    rc_is 0
    out_has "Payment reminder: invoice 2026-031"
    err_has "preview only"
    unchanged
    printf '%s\n' "$OUT" | tail -n +3 >"$WORK/rem.txt"
    r check "$WORK/rem.txt"
    rc_is 0
    out_has "0 errors, 0 warnings"
    r invoice show 2026-031
    rc_is 0
    r invoice remind 2026-031 --channel letter
    rc_is 0
    [ "$(sqlite3 "$DB" "SELECT channel FROM log_entries ORDER BY id DESC LIMIT 1")" = letter ] ||
        fail "the reminder was not logged on the channel used"
    unset REDRESS_NOW
}

test_day_who_is_writing() {
    day_demo
    r config set me.name "Sam Reed"
    rc_is 0
    r config set me.voice they
    rc_is 1
    err_has "me.voice"
    r config set me.voice we
    rc_is 0
    r invoice remind 2026-031 --preview
    out_has "Sam Reed"
    unset REDRESS_NOW
}

test_day_followup_add_and_edit() {
    day_demo
    r followup add 2 --kind call --due 2026-11-26
    rc_is 0
    [ "$OUT" = 1 ] || fail "followup add printed '$OUT'"
    r followup add 2 --kind visit --due 2026-11-26
    rc_is 1
    err_has "kind:"
    r followup edit 1 --due 2026-11-27
    rc_is 0
    r followup list --json
    out_has '"due_on": "2026-11-27"'
    out_has '"kind": "call"'
    unset REDRESS_NOW
}

test_day_reread_before_restating() {
    day_demo
    r case reread 1
    rc_is 0
    out_has "earlier messages"
    [ "$(sqlite3 "$DB" "SELECT reread_at IS NOT NULL FROM cases WHERE id = 1")" = 1 ] ||
        fail "reading was not recorded"
    unset REDRESS_NOW
}

test_day_help() {
    for cmd in today "followup add" "followup edit" "case reread"; do
        # shellcheck disable=SC2086
        "$BIN" $cmd --help >"$WORK/out" 2>&1 || fail "$cmd --help failed"
        grep -q "usage: redress $cmd" "$WORK/out" || fail "$cmd --help has no usage"
    done
}

test_day_case_show_is_the_whole_case() {
    day_demo
    r case concern add 1 --text "Two boards show the old prices" --specifics "boards 3 and 5"
    ri "I am sorry: the old prices were my mistake." case acknowledge 1 --text -
    r case cause 1 --root quality --notes "proof colours not checked"
    r case want 1 --want "the boards reprinted" --goal "the counter opens"
    r case confirm 1
    r offer make 1 --option "redo:reprint boards 3 and 5:2026-11-27"
    r offer reject 1 --ask 400
    r case show 1
    rc_is 0
    out_has "What triage read"
    out_has "Two boards show the old prices (boards 3 and 5)"
    out_has "quality: proof colours not checked"
    out_has "confirmed by the client"
    out_has "offer 1, 2026-11-25: rejected; the client asked for 400.00 GBP"
    out_has "Communication timeline"
    out_has "(the complaint, above)"
    # the client's words appear once
    [ "$(printf '%s\n' "$OUT" | grep -c "prices on two of them are the old ones")" = 1 ] ||
        fail "the client's words are printed more than once"
    r case show 1 --json
    out_has '"concerns": ['
    out_has '"offers": ['
    out_has '"lessons": []'
    unset REDRESS_NOW
}

test_day_case_list_shows_overdue() {
    day_demo
    r followup add 1 --kind call --due 2026-11-26
    REDRESS_NOW=2026-11-28T09:00:00Z
    r case list --json
    out_has '"overdue": 1'
    r case list
    out_has "OVERDUE"
    unset REDRESS_NOW
}

test_day_acknowledgement_contact_details() {
    day_demo
    r case concern add 1 --text "Old prices"
    r config set me.phone "+44 161 555 0101"
    ri "I am sorry: the old prices were my mistake." case acknowledge 1 --text -
    rc_is 0
    err_has "give the client your direct contact details"
    err_has "+44 161 555 0101"
    ri "I am sorry: the old prices were my mistake. You can reach me directly on +44 161 555 0101." case acknowledge 1 --text -
    rc_is 0
    [ -z "$ERR" ] || fail "a hint although contact details were given: $ERR"
    unset REDRESS_NOW
}

test_day_third_party_blame_is_blame() {
    fresh
    ri "I am sorry. The hosting company caused the outage." check -
    rc_is 1
    out_has "blame-shifting"
    ri "I am sorry. My developer messed up the contact form." check -
    rc_is 1
    ri "I will send the corrected files to the printer on Friday 28 November." check -
    rc_is 0
}

test_day_escalations_listed_and_legal_weighed() {
    day_demo
    r escalate 3 --level mediation --reason "disputed revisions" --mediator "Harbourside Mediation"
    rc_is 0
    r escalate 3 --level mediation --reason "again"
    rc_is 1
    err_has "already escalated to mediation"
    r escalation proposal 1 --text "half of the disputed revisions"
    rc_is 0
    r escalation list --case 3
    out_has "half of the disputed revisions"
    r escalate 3 --checklist
    rc_is 0
    out_has "weigh more than the money"
    r escalate 3 --level legal --reason "no payment"
    rc_is 1
    err_has "weighed:"
    r escalate 3 --level legal --reason "no payment" --weighed "no future work; the amount matters"
    rc_is 0
    r case close 1 --override "test" --differently "x"
    rc_is 1
    err_has "differently:"
    unset REDRESS_NOW
}

test_day_money_and_words_not_codes() {
    day_demo
    r config set currency USD
    r case next 3
    out_has "facts: at_risk 2,600.00 USD"
    out_lacks "260000"
    r lesson list
    rc_is 0
    r revision add --project 1 --note "one more colour pass"
    r revision list --project 1
    out_has "no" # beyond-policy reads yes or no, not 0 or 1
    r time add --client 1 --minutes 1h30 --on 2026-11-20
    rc_is 0
    unset REDRESS_NOW
}

test_day_write_off_keeps_history() {
    day_demo
    r invoice write-off 2026-031 --amount 600 --reason "disputed revisions conceded"
    rc_is 0
    r invoice show 2026-031
    out_has "written off   600.00 USD"
    out_has "balance       2,000.00 USD"
    r invoice credit-note 2026-031 --amount 2000.01 --reason "x"
    rc_is 1
    err_has "amount:"
    [ "$(sqlite3 "$DB" "SELECT amount FROM invoices WHERE number = '2026-031'")" = 260000 ] ||
        fail "the invoice itself was edited"
    unset REDRESS_NOW
}
