# t_draft.sh — triage on incoming words, reply drafts with tone check, hold and cool-off (P2, P5).

# at TIME ARGS...: runs redress as if it were TIME.
at() {
    REDRESS_NOW=$1
    export REDRESS_NOW
    shift
    r "$@"
    unset REDRESS_NOW
}

draft_case() {
    fresh
    r client add --name "Harbour Lane"
    ri "$DRAFT_WORDS" case open --client 1 --channel email --received 2026-11-02T08:00Z --text -
}

# The root cause is the fitted model's choice (judged on the corpus by make eval); what case open
# must do is store the one triage gives for the same words.
triage_root_of() {
    printf '{"id":1,"text":"%s"}\n' "$1" | "$BIN" triage --jsonl |
        sed -n 's/.*"root_cause":"\([a-z_]*\)".*/\1/p'
}
DRAFT_WORDS="You missed the deadline again: the files are two weeks late. I want a refund, or my lawyer will be in touch."

test_case_open_triages_the_words() {
    draft_case
    root=$(triage_root_of "$DRAFT_WORDS")
    case "$root" in missed_deadline | quality | communication | scope | billing) ;;
    *) fail "triage gave root cause '$root' for a complaint" ;; esac
    r case show 1 --json
    out_has '"legal_threat": 1'
    out_has '"refund_demand": 1'
    out_has "\"triage_root\": \"$root\""
    out_has '"deadline"'
    printf '%s' "$OUT" | grep -q '"hostility": [123]' || fail "hostility not raised: $OUT"
    out_has '"findings": ['
    out_has '"text": "lawyer"'
    r case show 1
    out_has "  triage: "
    out_has "legal threat, refund demand"
}

test_incoming_log_entry_raises_flags() {
    fresh
    r client add --name A
    ri "Thanks for the call." case open --client 1 --channel phone --received 2026-11-02T08:00Z --text -
    r case show 1 --json
    out_has '"review_threat": 0'
    ri "Still nothing. I am posting a one-star review on Google tonight." \
        log add --client 1 --case 1 --direction in --channel email --at 2026-11-03T08:00Z --text -
    rc_is 0
    r case show 1 --json
    out_has '"review_threat": 1'
    ri "Calm words now." log add --client 1 --case 1 --direction in --channel email --at 2026-11-04T08:00Z --text -
    r case show 1 --json
    out_has '"review_threat": 1'
}

test_first_reply_waits_for_cool_off() {
    draft_case
    at 2026-11-02T08:10Z draft new 1 --text /dev/null
    rc_is 1
    err_has "text: the draft is empty"
    REDRESS_NOW=2026-11-02T08:05Z
    export REDRESS_NOW
    ri "I am sorry I missed the deadline. I will send corrected boards by Friday 6 November." \
        draft new 1 --subject "Your menu boards"
    unset REDRESS_NOW
    rc_is 0
    id=$(printf '%s' "$OUT" | head -n 1)
    r draft show "$id" --json
    out_has '"hold_until": "2026-11-02T09:00:00Z"'
    snapshot
    at 2026-11-02T08:30Z draft release "$id"
    rc_is 1
    err_has "on hold until"
    err_has "30 min left"
    unchanged
    at 2026-11-02T09:01Z draft release "$id"
    rc_is 0
    out_has "released"
    r log list --client 1 --json
    out_has '"subject": "Your menu boards"'
    out_has '"direction": "out"'
    r verify
    rc_is 0
}

test_later_reply_only_waits_for_the_hold() {
    draft_case
    r log add --client 1 --case 1 --direction out --channel phone --at 2026-11-02T09:30Z --subject "Call" --text /dev/null
    printf 'Thank you for your patience. The boards will be with you on 6 November.' >"$WORK/d.txt"
    at 2026-11-03T10:00Z draft new 1 --text "$WORK/d.txt"
    rc_is 0
    r draft list --case 1 --json
    out_has '"hold_until": "2026-11-03T10:15:00Z"'
}

test_tone_errors_block_release_unless_overridden() {
    draft_case
    printf "I'm sorry if you feel let down, but you should have sent the copy earlier." >"$WORK/bad.txt"
    at 2026-11-02T08:05Z draft new 1 --text "$WORK/bad.txt"
    rc_is 0
    out_has "conditional-apology"
    out_has "blame-shifting"
    snapshot
    at 2026-11-03T08:00Z draft release 1
    rc_is 1
    err_has "tone check found"
    unchanged
    at 2026-11-03T08:00Z draft release 1 --override ""
    rc_is 1
    err_has "override:"
    unchanged
    at 2026-11-03T08:00Z draft release 1 --override "client asked for a blunt answer"
    rc_is 0
    r draft show 1 --json
    out_has '"override_reason": "client asked for a blunt answer"'
    out_has '"status": "released"'
    sqlite3 "$DB" "SELECT detail FROM audit_entries WHERE action = 'draft.release'" | grep -q "blunt answer" ||
        fail "override reason not in the audit trail"
}

test_edit_rechecks_and_released_drafts_are_final() {
    draft_case
    printf "Sorry if this upset you." >"$WORK/a.txt"
    at 2026-11-02T08:05Z draft new 1 --text "$WORK/a.txt"
    r draft show 1 --json
    out_has '"errors": 1'
    printf "I am sorry I upset you. I will call you tomorrow at 10am." >"$WORK/b.txt"
    at 2026-11-02T08:06Z draft edit 1 --text "$WORK/b.txt"
    rc_is 0
    r draft show 1 --json
    out_has '"errors": 0'
    out_has '"hold_until": "2026-11-02T09:00:00Z"'
    at 2026-11-02T10:00Z draft release 1
    rc_is 0
    snapshot
    at 2026-11-02T10:01Z draft edit 1 --text "$WORK/a.txt"
    rc_is 1
    err_has "already released"
    at 2026-11-02T10:01Z draft release 1
    rc_is 1
    unchanged
}

test_draft_bad_input() {
    draft_case
    snapshot
    ri "hello" draft new 99
    rc_is 3
    err_has "case: no case 99"
    printf 'bad \377 bytes' >"$WORK/bad.txt"
    r draft new 1 --text "$WORK/bad.txt"
    rc_is 1
    err_has "text: is not valid UTF-8"
    ri "hello" draft new 1 --channel pigeon
    rc_is 1
    err_has "channel:"
    r draft show 7
    rc_is 3
    r draft release 7
    rc_is 3
    unchanged
}

test_acknowledgement_is_tone_checked() {
    draft_case
    r case concern add 1 --text "The deadline was missed"
    snapshot
    ri "I'm sorry if you feel let down, but the brief changed." case acknowledge 1 --text -
    rc_is 1
    err_has "text: the acknowledgement has"
    err_has "conditional-apology at 1:"
    unchanged
    ri "I'm sorry if you feel let down, but the brief changed." case acknowledge 1 --text - \
        --override "the client asked for the reason in writing"
    rc_is 0
    sqlite3 "$DB" "SELECT detail FROM audit_entries WHERE action = 'case.acknowledge'" |
        grep -q "asked for the reason" || fail "override reason not in the audit trail"
    ri "I am sorry I missed the deadline; that was my mistake." case acknowledge 1 --text -
    rc_is 0
    r case next 1 --json
    root=$(triage_root_of "$DRAFT_WORDS")
    out_has "\"suggested_root_cause\": \"$root\""
}
