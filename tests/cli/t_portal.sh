# t_portal.sh — the client's side from the command line: portal links, surveys, reviews and
# testimonials; every refusal names its field and writes nothing.

portal_desk() {
    fresh
    r client add --name "Harbour Lane Bakery" --email priya@harbourlane.example
    r project add --client 1 --title "Menu boards" --price 2400 --currency GBP --deadline 2026-10-30
    ri "The prices on two boards are wrong. I will leave a one-star review on Google." \
        case open --client 1 --project 1 --channel email --received 2026-11-02T08:12:00Z --text -
}

test_portal_link_prints_a_url_shown_once() {
    portal_desk
    r portal link 1 --base-url https://desk.example.com/
    rc_is 0
    printf '%s' "$OUT" | grep -qE '^https://desk\.example\.com/p/p_[A-Za-z0-9_-]{43}$' ||
        fail "not a portal URL: $OUT"
    token=${OUT##*/}
    err_has "shown once"
    r portal links 1 --json
    out_is_json
    out_lacks "$token"
    sqlite3 "$DB" .dump | grep -qF "$token" && fail "the token itself is in the database"
    r portal revoke 1
    rc_is 0
    r portal revoke 1
    rc_is 1
    err_has "already revoked"
}

test_portal_link_refuses_bad_input_and_writes_nothing() {
    portal_desk
    snapshot
    r portal link 1 --expires 0
    rc_is 1
    err_has "expires"
    r portal link 1 --expires 500
    rc_is 1
    r portal link 9
    rc_is 3
    r portal revoke 7
    rc_is 3
    r portal seen
    rc_is 2
    unchanged
}

test_survey_create_lists_links_and_hides_results() {
    # the work counted is what the desk holds in the period: pin today inside it, or the new
    # project made "today" falls outside November once the calendar moves on
    export REDRESS_NOW=2026-11-25T09:00:00Z
    portal_desk
    r client add --name "Northwind Analytics" --email ap@northwind.example
    r project add --client 2 --title "Quarterly report" --deadline 2026-11-15
    snapshot
    r survey create --period 2026-11-01..2026-11-30 --question "What should I do differently?" \
        --min-responses 2
    rc_is 1
    err_has "min-responses"
    r survey create --period 2026-12-01..2026-11-01 --question "Anything?"
    rc_is 1
    err_has "period"
    unchanged
    r survey create --period 2026-11-01..2026-11-30 --question "What should I do differently?" \
        --base-url https://desk.example.com
    rc_is 0
    out_has "2 clients with work"
    out_has "Harbour Lane Bakery <priya@harbourlane.example>  https://desk.example.com/s/s_"
    out_has "Northwind Analytics"
    out_has "only place a link and a client"
    r survey results 1
    out_has "0 of 2 answered"
    out_has "results show once 5 answers are in"
    r survey close 1
    rc_is 0
    r survey list --json
    out_is_json
    out_has '"closed_at": "20'
    unset REDRESS_NOW
}

test_review_reply_is_checked_before_posting() {
    portal_desk
    ri "Late and the prices were wrong." review add --platform Google --rating 2 --client 1 \
        --link https://maps.example/review/1 --date 2026-11-20 --text -
    rc_is 0
    [ "$OUT" = 1 ] || fail "review add printed '$OUT'"
    r review show 1
    out_has "threatened in"
    ri "Actually, you never sent the prices. Email me at sam@studio.example." review reply 1 --text -
    rc_is 0
    out_has "[defensive]"
    out_has "[private-detail]"
    out_has "[no-thanks]"
    out_has "not ready for a public page"
    snapshot
    r review posted 1
    rc_is 1
    err_has "reply:"
    unchanged
    ri "Thank you for the review. I am sorry the boards were late; please get in touch with me directly so I can put it right." \
        review reply 1 --text -
    rc_is 0
    out_has "ready to post"
    r review posted 1
    rc_is 0
    r log list --client 1 --json
    out_has '"channel": "review"'
    snapshot
    ri "x" review add --platform Google --rating 6 --text -
    rc_is 1
    err_has "rating"
    ri "x" review add --platform Google --link "javascript:alert(1)" --text -
    rc_is 1
    err_has "link"
    ri "x" review add --platform Google --date 2030-01-01 --text -
    rc_is 1
    err_has "date"
    unchanged
}

test_testimonial_waits_for_a_case_that_closed_well() {
    portal_desk
    snapshot
    ri "Would you share a few words about the menu boards?" testimonial ask --client 1 --text -
    rc_is 1
    err_has "closed well"
    unchanged
    ri "Would you share a few words about the menu boards?" testimonial ask --client 1 \
        --override "asked for by the client" --text -
    rc_is 0
    r testimonial answer 1 --answer yes --quote "Quick and careful." --where "website"
    rc_is 0
    r testimonial list
    out_has "Quick and careful."
}

test_survey_answers_keep_the_seal() {
    portal_desk
    r project add --client 1 --title "Spring menu" --deadline 2026-11-20
    r survey create --period 2026-11-01..2026-11-30 --question "Anything to change?" --json
    ST=$(printf '%s' "$OUT" | sed -n 's/.*"token": "\(s_[^"]*\)".*/\1/p' | head -1)
    [ -n "$ST" ] || { fail "no survey token: $OUT"; return; }
    r verify
    rc_is 0
    # answer through the desk as the survey page does, then verify: no false tamper alarm
    "$BIN" --db "$DB" serve --listen 127.0.0.1:0 >"$WORK/s.out" 2>"$WORK/s.err" &
    spid=$!
    n=0
    until grep -q '^redress serves' "$WORK/s.out" 2>/dev/null || [ $n -gt 100 ]; do n=$((n + 1)); sleep 0.1; done
    url=$(sed -n 's|^redress serves .* on \(http://[^/]*\)/$|\1|p' "$WORK/s.out")
    cs=$(curl -s "$url/s/$ST" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    code=$(curl -s -o /dev/null -w '%{http_code}' -d "score=5&answer=Nothing&csrf=$cs" "$url/s/$ST")
    kill -TERM $spid
    wait $spid
    [ "$code" = 200 ] || fail "survey answer: HTTP $code"
    r verify
    rc_is 0
    out_has "ok"
}
