# t_portal_http.sh — the client's pages over real HTTP: looking changes nothing, acting needs the
# form's token and lands in the log and today, a link opens only its own case, revoked and
# expired links are refused, a survey link works once, and hostile text shows inert.

# portal_web: the demo desk with case 1 restated (the want carries markup) and a link in $PT.
portal_web() {
    web_desk
    r config set me.email sam@studio.example
    r case concern add 1 --text "Old prices on two boards"
    ri "I am sorry: the old prices were my mistake." case acknowledge 1 --text -
    r case cause 1 --root quality --notes "INTERNAL-NOTE never checked the proof"
    r case want 1 --want "the boards <script>alert(1)</script> reprinted" --goal "the counter opens"
    rc_is 0
    r portal link 1
    PT=${OUT##*/}
}

form_csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/body" | head -1; }

test_portal_pages_change_nothing_and_show_only_the_clients_part() {
    portal_web
    serve_up || return
    snapshot
    h "$URL/p/$PT"
    status_is 200
    head_has "Cache-Control: no-store"
    body_has "You want the boards &lt;script&gt;alert(1)&lt;/script&gt; reprinted"
    body_lacks "<script>alert"
    body_lacks "INTERNAL-NOTE"
    body_lacks "hostility"
    body_lacks "Marco Bellini"
    body_has "sam@studio.example"
    for a in confirm correct; do
        h "$URL/p/$PT/do?action=$a"
        status_is 200
    done
    h "$URL/p/$PT/do?action=choose&option=1" # not open yet: no offer
    status_is 404
    unchanged
    serve_down
}

test_portal_action_needs_the_form_token_and_reaches_today() {
    portal_web
    serve_up || return
    snapshot
    h -d "action=confirm" "$URL/p/$PT/do"
    status_is 403
    h -d "action=confirm&csrf=0000000000000000000000000000000000000000000000000000000000000000" \
        "$URL/p/$PT/do"
    status_is 403
    unchanged
    h "$URL/p/$PT/do?action=confirm"
    CS=$(form_csrf)
    [ -n "$CS" ] || fail "no form token on the confirmation page"
    h -d "action=confirm&csrf=$CS&words=Spot+on" "$URL/p/$PT/do"
    status_is 303
    head_has "Location: /p/$PT?done=confirm"
    r case show 1 --json
    out_has '"stage": "want_confirmed"'
    r today
    out_has "From your clients, on their portal page"
    out_has "confirmed the restatement"
    r log list --client 1 --json
    out_has '"channel": "portal"'
    out_has "Spot on"
    serve_down
}

test_portal_link_opens_only_its_own_case_and_expires() {
    portal_web
    r portal link 2 --expires 1
    PB=${OUT##*/}
    serve_up || return
    h "$URL/p/$PB"
    status_is 200
    body_lacks "Harbour Lane"
    body_lacks "boards"
    h "$URL/p/$PB/do?action=met&commitment=1"
    status_is 404
    r portal revoke 1
    h "$URL/p/$PT"
    status_is 404
    body_has "not valid any more"
    h "$URL/p/p_not-a-token"
    status_is 404
    serve_down
    # a day and more later the one-day link is refused too
    REDRESS_NOW=2030-01-01T00:00:00Z serve_up || return
    h "$URL/p/$PB"
    status_is 404
    serve_down
}

test_survey_link_works_once() {
    web_desk
    r survey create --period 2026-01-01..2026-12-31 --question "What should I change?" --json
    rc_is 0
    ST=$(printf '%s' "$OUT" | sed -n 's/.*"token": "\(s_[^"]*\)".*/\1/p' | head -1)
    [ -n "$ST" ] || fail "no survey token in: $OUT"
    serve_up || return
    h "$URL/s/$ST"
    status_is 200
    body_has "What should I change?"
    body_has "anonymous"
    CS=$(form_csrf)
    snapshot
    h -d "score=9&answer=x&csrf=$CS" "$URL/s/$ST"
    status_is 422
    body_has "score"
    unchanged
    h -d "score=4&answer=Reply+faster&csrf=$CS" "$URL/s/$ST"
    status_is 200
    body_has "cannot be traced back"
    h -d "score=4&answer=again&csrf=$CS" "$URL/s/$ST"
    status_is 404
    body_has "already used"
    serve_down
    r survey results 1
    out_has "1 of 4 answered"
    out_has "results show once 5 answers are in"
    out_lacks "Reply faster"
}

test_portal_api_issues_and_lists_links() {
    portal_web
    serve_up || return
    h -H "$(auth)" -X POST "$URL/api/v1/cases/1/portal-links"
    status_is 201
    body_has '"path":"/p/p_'
    h -H "$(auth)" "$URL/api/v1/cases/1/portal-links"
    status_is 200
    body_lacks '"token"'
    h -H "$(auth)" -X POST -d "expires=0" "$URL/api/v1/cases/1/portal-links"
    status_is 422
    body_has '"field":"expires"'
    h -H "$(auth)" -X POST -d "platform=Google&text=Late&rating=9" "$URL/api/v1/reviews"
    status_is 422
    body_has '"field":"rating"'
    h -H "$(auth)" "$URL/api/v1/portal-events"
    status_is 200
    serve_down
}
