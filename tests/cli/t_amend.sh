# t_amend.sh — putting mistakes right on the demo desk, through the binary and the JSON API: a
# project amended (the first terms stay readable in project show and case show), a revision
# charge reversed, a log entry corrected beside the original (verify still passes), a commitment
# split into parts, the client's own fix chosen, a write-off owed nowhere, and the commands that
# do not act on a case saying what they take (letter demand --invoice, terminate --client).
# Each refusal leaves the database as it was. REDRESS_NOW is 2026-11-25.

amend_demo() {
    REDRESS_NOW=2026-11-25T09:00:00Z
    export REDRESS_NOW
    fresh
    r demo
    rc_is 0
}

test_amend_project_terms_recorded() {
    amend_demo
    snapshot
    r project amend 1 --reason "fewer boards"
    rc_is 1
    err_has "--price: give what changes"
    r project amend 1 --price lots --reason "fewer boards"
    rc_is 1
    err_has "price:"
    r project amend 1 --price 2,000
    rc_is 2
    r project amend 1 --currency USD --reason "moved"
    rc_is 1
    err_has "currency:"
    unchanged
    r project amend 1 --price 2,000 --extra-revision-price 150 --reason "two boards dropped" \
        --channel phone
    rc_is 0
    out_has "price: 2,400.00 GBP, now 2,000.00 GBP"
    r project show 1
    out_has "first agreed: price 2,400.00 GBP, 2 revisions included, each extra 180.00 GBP"
    out_has "extra_revision_price: 180.00 GBP, now 150.00 GBP (two boards dropped)"
    r case show 1
    out_has "Amendments to what was agreed"
    r log list --client 1
    out_has "Amendment to what was agreed"
    r project show 1 --json
    out_is_json
    out_has '"agreed"'
    r verify
    rc_is 0
    unset REDRESS_NOW
}

test_amend_log_correction_beside_original() {
    amend_demo
    snapshot
    ri "" log correct 1 --text - --reason "pasted half"
    rc_is 1
    err_has "text:"
    ri "Boards 2 and 4 show the old prices." log correct 99 --text - --reason "pasted half"
    rc_is 3
    unchanged
    ri "Boards 2 and 4 show the old prices." log correct 1 --text - --reason "misheard the boards"
    rc_is 0
    r case show 1
    out_has "(entry 1, corrected by entry"
    out_has "Correction of entry 1: Complaint"
    out_has "Hi, the menu boards arrived" # the original is never edited
    r verify
    rc_is 0
    unset REDRESS_NOW
}

test_amend_revision_reversed_and_commitment_parts() {
    amend_demo
    r project add --client 1 --title "Window vinyls" --price 800 --revisions 0 \
        --extra-revision-price 90
    project=$(printf '%s\n' "$OUT" | tail -1)
    r revision add --project "$project" --note "new colour" --charge
    rc_is 0
    revision=$(printf '%s\n' "$OUT" | head -1)
    r revision list --project "$project" --json
    out_has '"charged": 9000'
    snapshot
    r revision reverse "$revision"
    rc_is 2
    r revision reverse 99 --reason x
    rc_is 3
    unchanged
    r revision reverse "$revision" --reason "the colour was my mistake"
    rc_is 0
    out_has "0.00 EUR still charged"
    # a commitment in parts, through case 1's walk
    r case concern add 1 --text "Two boards show the old prices"
    ri "I am sorry: the old prices were my mistake." case acknowledge 1 --text -
    r case cause 1 --root quality
    r case want 1 --want "the boards reprinted" --goal "the counter opens"
    r case confirm 1
    r offer make 1 --option "redo:reprint all six boards:2026-11-30" \
        --option "client_fix:keep the boards, add price stickers:2026-11-28"
    rc_is 0
    out_has "Your own proposal: keep the boards, add price stickers"
    r offer choose 1 --option 1
    rc_is 0
    snapshot
    r commitment split 1 --part "boards 1-3:2026-11-26" --part "boards 4-6:2026-12-03"
    rc_is 1
    err_has "part 2:"
    unchanged
    r commitment split 1 --part "boards 1-3:2026-11-26" --part "boards 4-6:2026-11-29"
    rc_is 0
    out_has "in 2 parts"
    REDRESS_NOW=2026-11-27T09:00:00Z
    r today
    out_has "boards 1-3"
    r commitment done 1
    rc_is 1
    err_has "split into parts"
    r commitment done 2
    r commitment done 3
    rc_is 0
    out_has "follow-up"
    unset REDRESS_NOW
}

test_amend_written_off_owed_nowhere() {
    amend_demo
    r client show 3
    out_has "owes"
    r invoice write-off 2026-031 --amount 2,600 --reason "the client closed"
    rc_is 0
    r client show 3
    out_lacks "owes"
    r today
    out_lacks "2026-031"
    r report
    out_lacks "owes"
    r letter demand --invoice 2026-031 --override "testing"
    rc_is 1
    unset REDRESS_NOW
}

test_amend_commands_say_what_they_take() {
    amend_demo
    r letter demand
    rc_is 2
    err_has "--invoice"
    r letter demand --invoice 2026-031
    rc_is 1
    err_has "prerequisites missing"
    r terminate --client 3
    rc_is 0
    out_has "Walking away from Northwind Analytics"
    r terminate --client 3 --handover invoice:2026-031 --note "passed to a collection agency"
    rc_is 0
    out_has "[x] invoice:3"
    r terminate --client 3 --handover invoice:2026-999 --note "x"
    rc_is 3
    "$BIN" case show --help | grep -q "usage: redress case show CASE" || fail "case show says CASE"
    "$BIN" invoice pay --help | grep -q "usage: redress invoice pay INVOICE" ||
        fail "invoice pay says INVOICE"
    unset REDRESS_NOW
}

test_amend_over_the_api() {
    REDRESS_NOW=2026-11-25T09:00:00Z
    export REDRESS_NOW
    web_desk
    serve_up || return
    h -H "$(auth)" -H 'Content-Type: application/json' \
        -d '{"price": "2,000", "reason": "two boards dropped"}' "$URL/api/v1/projects/1/amendments"
    status_is 201
    body_has '"new_value":"200000"'
    h -H "$(auth)" -H 'Content-Type: application/json' -d '{"price": "2,000"}' \
        "$URL/api/v1/projects/1/amendments"
    status_is 422
    body_has "reason"
    h -H "$(auth)" -H 'Content-Type: application/json' \
        -d '{"body": "Boards 2 and 4.", "reason": "misheard"}' "$URL/api/v1/log/1/corrections"
    status_is 201
    signin
    h -b "$JAR" "$URL/cases/1"
    status_is 200
    body_has "Entry 1, corrected by entry"
    body_has "correcting entry 1."
    h -H "$(auth)" "$URL/api/v1/invoices/2026-031"
    status_is 200
    body_has '"number":"2026-031"'
    serve_down
    unset REDRESS_NOW
}
