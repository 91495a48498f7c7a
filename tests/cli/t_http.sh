# t_http.sh — `redress serve` driven over real loopback HTTP with curl: the route table against
# docs/api.yaml, sign-in, sessions, bearer tokens, CSRF, the Host check, body limits, static
# files, throttling, that hostile text is stored verbatim and shown inert, file uploads, and
# people and access (users, passwords, tokens). Each test starts its own server on a free port
# (--listen 127.0.0.1:0) and stops it.

PW='correct horse battery'

# web_desk: a fresh demo desk with the user alice and an API token in $TOKEN.
web_desk() {
    fresh
    "$BIN" --db "$DB" demo >/dev/null || fail "demo failed"
    printf '%s\n' "$PW" | "$BIN" --db "$DB" user add alice >/dev/null || fail "user add failed"
    TOKEN=$("$BIN" --db "$DB" token create --name tests 2>/dev/null)
}

# serve_up [ARGS]: starts redress serve for $DB on a free loopback port; sets URL, HOSTPORT and
# SPID. serve_down stops it with SIGTERM and waits; SRC is its exit code.
serve_up() {
    rm -f "$WORK/serve.out" "$WORK/serve.err" # the server truncates them only once it runs
    "$BIN" --db "$DB" serve --listen 127.0.0.1:0 "$@" >"$WORK/serve.out" 2>"$WORK/serve.err" &
    SPID=$!
    n=0
    until grep -q '^redress serves' "$WORK/serve.out" 2>/dev/null; do
        n=$((n + 1))
        if [ $n -gt 150 ] || ! kill -0 "$SPID" 2>/dev/null; then
            fail "server did not start: $(cat "$WORK/serve.err")"
            return 1
        fi
        sleep 0.1
    done
    URL=$(sed -n 's|^redress serves .* on \(http://[^/]*\)/$|\1|p' "$WORK/serve.out")
    HOSTPORT=${URL#http://}
}
serve_down() {
    kill -TERM "$SPID" 2>/dev/null
    wait "$SPID"
    SRC=$?
}

# h ARGS...: one curl request; sets STATUS, BODY and HEAD (the response headers).
h() {
    STATUS=$(curl -s -o "$WORK/body" -D "$WORK/head" -w '%{http_code}' --max-time 20 "$@")
    BODY=$(cat "$WORK/body")
    HEAD=$(cat "$WORK/head")
}
status_is() { [ "$STATUS" = "$1" ] || fail "HTTP $STATUS, wanted $1: $(printf '%s' "$BODY" | head -c 300)"; }
body_has() { printf '%s' "$BODY" | grep -qF -- "$1" || fail "body lacks '$1': $(printf '%s' "$BODY" | head -c 300)"; }
body_lacks() { printf '%s' "$BODY" | grep -qF -- "$1" && fail "body has '$1'"; return 0; }
head_has() { printf '%s' "$HEAD" | grep -qiF -- "$1" || fail "headers lack '$1': $HEAD"; }
auth() { printf 'Authorization: Bearer %s' "$TOKEN"; }

# signin: signs alice in with a cookie jar at $JAR; CSRF is the session's token.
signin() { signin_as alice; }
# signin_as NAME: the same for the user NAME, whose password is $PW.
signin_as() {
    JAR="$WORK/jar$$"
    rm -f "$JAR"
    h -c "$JAR" --data-urlencode name="$1" --data-urlencode "password=$PW" "$URL/signin"
    status_is 303
    h -b "$JAR" "$URL/api/v1/me"
    CSRF=$(printf '%s' "$BODY" | sed -n 's/.*"csrf":"\([^"]*\)".*/\1/p')
    [ -n "$CSRF" ] || fail "no CSRF token in /api/v1/me: $BODY"
}

test_http_routes_match_api_yaml() {
    fresh
    r serve --routes
    rc_is 0
    printf '%s\n' "$OUT" | awk -F'\t' '$4 == "" { print "route without a summary: " $1 " " $2 }' \
        >"$WORK/nosum"
    [ -s "$WORK/nosum" ] && fail "$(cat "$WORK/nosum")"
    printf '%s\n' "$OUT" | awk -F'\t' '$2 ~ /^\/api\// { print $1 " " $2 " " $4 }' | sort \
        >"$WORK/routes"
    # the operations of docs/api.yaml: a path line, then method lines each with a summary
    awk '/^  \/api\//        { path = $1; sub(/:$/, "", path) }
         /^    (get|post|put|patch|delete):/ { m = toupper($1); sub(/:$/, "", m) }
         /^      summary: / { s = $0; sub(/^      summary: "/, "", s); sub(/"$/, "", s);
                              print m " " path " " s }' "$HERE/../../docs/api.yaml" | sort \
        >"$WORK/yaml"
    diff "$WORK/routes" "$WORK/yaml" >"$WORK/diff" ||
        fail "route table (<) and docs/api.yaml (>) disagree: $(cat "$WORK/diff")"
    [ -s "$WORK/routes" ] || fail "no API routes listed"
}

test_http_serves_with_security_headers_and_stops() {
    web_desk
    serve_up || return
    h "$URL/api/v1/health"
    status_is 200
    body_has '"ok":true'
    head_has "Content-Security-Policy: default-src 'none'; script-src 'self'"
    head_has "X-Content-Type-Options: nosniff"
    head_has "X-Frame-Options: DENY"
    serve_down
    [ "$SRC" = 0 ] || fail "serve exited $SRC after SIGTERM"
    grep -q '"GET /api/v1/health" 200' "$WORK/serve.err" || fail "no access-log line: $(cat "$WORK/serve.err")"
    grep -q 'stopped' "$WORK/serve.err" || fail "no clean stop"
}

test_http_no_user_prints_one_time_link() {
    fresh
    serve_up || return
    link=$(sed -n 's|^sign in once .*: \(http://.*\)$|\1|p' "$WORK/serve.out")
    [ -n "$link" ] || fail "no one-time link printed: $(cat "$WORK/serve.out")"
    h "$URL/api/v1/cases"
    status_is 401
    h -c "$WORK/jar1" "$link"
    status_is 303
    head_has "Set-Cookie: redress_session="
    head_has "HttpOnly"
    head_has "SameSite=Strict"
    h -b "$WORK/jar1" "$URL/api/v1/me"
    status_is 200
    body_has '"user":"owner"'
    h "$link"
    status_is 401
    serve_down
}

test_http_api_needs_sign_in() {
    web_desk
    serve_up || return
    grep -q '^sign in once' "$WORK/serve.out" && fail "one-time link printed although a user exists"
    h "$URL/api/v1/cases"
    status_is 401
    body_has '"code":"unauthorized"'
    h "$URL/api/v1/cases/1" -H "Authorization: Bearer rdt_wrong"
    status_is 401
    h "$URL/api/v1/cases/1" -H "$(auth)"
    status_is 200
    body_has '"id":1'
    serve_down
}

test_http_revoked_token_refused() {
    web_desk
    serve_up || return
    h "$URL/api/v1/clients" -H "$(auth)"
    status_is 200
    r token revoke 1
    rc_is 0
    h "$URL/api/v1/clients" -H "$(auth)"
    status_is 401
    r token list --json
    out_has '"revoked_at": "'
    out_lacks "$TOKEN"
    serve_down
}

test_http_csrf_required_and_nothing_written() {
    web_desk
    serve_up || return
    signin
    snapshot
    h -b "$JAR" -H 'Content-Type: application/json' -d '{"name":"Mallory Ltd"}' "$URL/api/v1/clients"
    status_is 403
    body_has '"field":"csrf"'
    h -b "$JAR" -H 'X-CSRF-Token: wrong' -H 'Content-Type: application/json' \
        -d '{"name":"Mallory Ltd"}' "$URL/api/v1/clients"
    status_is 403
    h -b "$JAR" --data-urlencode name=Mallory --data-urlencode csrf=nope "$URL/api/v1/clients"
    status_is 403
    unchanged
    h -b "$JAR" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
        -d '{"name":"Harbour Lights"}' "$URL/api/v1/clients"
    status_is 201
    h -b "$JAR" --data-urlencode name=Harbour2 --data-urlencode "csrf=$CSRF" "$URL/api/v1/clients"
    status_is 201
    serve_down
}

test_http_expired_session_refused() {
    web_desk
    serve_up || return
    signin
    h -b "$JAR" "$URL/api/v1/cases"
    status_is 200
    sqlite3 "$DB" "UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z'"
    h -b "$JAR" "$URL/api/v1/cases"
    status_is 401
    signin
    h -b "$JAR" -X POST -H "X-CSRF-Token: $CSRF" "$URL/signout"
    status_is 303
    h -b "$JAR" "$URL/api/v1/cases"
    status_is 401
    serve_down
}

test_http_foreign_host_refused() {
    web_desk
    serve_up || return
    h -H "Host: evil.example" -H "$(auth)" "$URL/api/v1/cases"
    status_is 403
    body_has '"field":"host"'
    h -H "Host: localhost:${HOSTPORT#*:}" "$URL/api/v1/health"
    status_is 200
    serve_down
}

test_http_body_over_limit_413() {
    web_desk
    serve_up || return
    head -c 2097152 /dev/zero | tr '\0' a >"$WORK/big"
    snapshot
    h -H "$(auth)" -H 'Content-Type: application/x-www-form-urlencoded' \
        --data-binary @"$WORK/big" "$URL/api/v1/clients"
    status_is 413
    # without a length up front (chunked), the limit still holds
    h -H "$(auth)" -H 'Content-Type: application/x-www-form-urlencoded' \
        -H 'Transfer-Encoding: chunked' --data-binary @"$WORK/big" "$URL/api/v1/clients"
    [ "$STATUS" = 413 ] || [ "$STATUS" = 000 ] || fail "chunked 2 MB body: HTTP $STATUS"
    unchanged
    h "$URL/api/v1/health"
    status_is 200
    serve_down
}

test_http_response_too_large_is_500_and_logged() {
    web_desk
    # seventeen messages of 1 MiB on case 1: its page and its JSON outgrow the 16 MiB a response
    # may be (written behind the desk's back: only the size matters here)
    sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 17)
        INSERT INTO log_entries (client_id, case_id, direction, channel, at, body, recorded_at,
                                 prev_hash, hash)
        SELECT k.client_id, k.id, 'in', 'email', '2026-11-20T10:00:00Z', hex(zeroblob(524288)),
               '2026-11-20T10:00:00Z', '', '' FROM n, cases k WHERE k.id = 1" ||
        fail "could not add the large messages"
    serve_up || return
    h -H "$(auth)" "$URL/api/v1/cases/1"
    status_is 500
    body_has '"field":"response"'
    h -H "$(auth)" "$URL/api/v1/cases/2"
    status_is 200
    serve_down
    grep -q 'GET /api/v1/cases/1: response not sent: text is larger than' "$WORK/serve.err" ||
        fail "no reason in the server log: $(tail -n 3 "$WORK/serve.err")"
}

test_http_static_files_no_traversal() {
    web_desk
    serve_up || return
    h "$URL/static/redress.css"
    status_is 200
    head_has "Content-Type: text/css"
    for p in '/static/../redress.db' '/static/..%2f..%2fetc%2fpasswd' '/static/%2e%2e' \
        '/static/..' '/static/redress.css/..' '/static/..%2fredress.css' '/static//etc/passwd' '/static/.%2e/Makefile'; do
        h --path-as-is "$URL$p"
        status_is 404
    done
    serve_down
}

test_http_errors_name_the_field() {
    web_desk
    serve_up || return
    h -H "$(auth)" -H 'Content-Type: application/json' -d '{"email":"x@example.org"}' "$URL/api/v1/clients"
    status_is 422
    body_has '"code":"invalid"'
    body_has '"field":"name"'
    h -H "$(auth)" -H 'Content-Type: application/json' -d '{"name":' "$URL/api/v1/clients"
    status_is 400
    h -H "$(auth)" "$URL/api/v1/cases/999"
    status_is 404
    body_has '"field":"case"'
    h -H "$(auth)" "$URL/api/v1/nothing"
    status_is 404
    h -H "$(auth)" -X DELETE "$URL/api/v1/cases"
    status_is 405
    serve_down
}

test_http_signin_throttled() {
    web_desk
    serve_up || return
    for i in 1 2 3 4 5; do
        h --data-urlencode name=alice --data-urlencode password=wrong-password "$URL/signin"
        status_is 401
    done
    h --data-urlencode name=alice --data-urlencode "password=$PW" "$URL/signin"
    status_is 429
    body_has "too many failed sign-ins"
    serve_down
}

test_http_hostile_text_verbatim_and_inert() {
    web_desk
    serve_up || return
    name='<script>alert(1)</script> Robert'"'"'); DROP TABLE clients;--'
    h -H "$(auth)" --data-urlencode "name=$name" "$URL/api/v1/clients"
    status_is 201
    id=$(printf '%s' "$BODY" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
    h -H "$(auth)" "$URL/api/v1/clients/$id"
    status_is 200
    head_has "Content-Type: application/json"
    body_has "DROP TABLE clients;--"
    [ "$(sqlite3 "$DB" "SELECT name FROM clients WHERE id = $id")" = "$name" ] ||
        fail "name not stored verbatim"
    # a reflected value in a page is escaped
    h --data-urlencode "name=$name" --data-urlencode password=wrong-password "$URL/signin"
    body_lacks "<script>alert(1)"
    body_has "&lt;script&gt;alert(1)&lt;/script&gt;"
    serve_down
}

test_http_lists_page_with_a_cursor() {
    web_desk
    serve_up || return
    h -H "$(auth)" "$URL/api/v1/clients?limit=2"
    status_is 200
    body_has '"items":[{'
    next=$(printf '%s' "$BODY" | sed -n 's/.*"next":"\([0-9]*\)".*/\1/p')
    [ -n "$next" ] || fail "no next cursor on a full page: $BODY"
    first=$BODY
    h -H "$(auth)" "$URL/api/v1/clients?limit=2&after=$next"
    status_is 200
    [ "$BODY" != "$first" ] || fail "the second page repeats the first"
    h -H "$(auth)" "$URL/api/v1/clients?limit=10000"
    body_has '"next":null'
    h -H "$(auth)" "$URL/api/v1/clients?limit=0"
    status_is 422
    body_has '"field":"limit"'
    serve_down
}

# An invoice path of digits is the invoice's id, the id every answer gives, even when another
# invoice is numbered with those digits; any other path is an invoice number.
test_http_invoice_path_is_its_id() {
    web_desk
    own=$("$BIN" --db "$DB" invoice add --project 1 --number 1 --amount 10 --issued 2026-11-01) ||
        fail "invoice add failed"
    [ "$own" != 1 ] || fail "the new invoice took id 1; the test needs another"
    one=$(sqlite3 "$DB" "SELECT number FROM invoices WHERE id = 1")
    serve_up || return
    h -H "$(auth)" "$URL/api/v1/invoices/1"
    status_is 200
    body_has '"id":1,'
    body_has "\"number\":\"$one\""
    h -H "$(auth)" "$URL/api/v1/invoices/$own/prerequisites"
    status_is 200
    h -H "$(auth)" "$URL/api/v1/invoices/$one"
    status_is 200
    body_has '"id":1,'
    h -H "$(auth)" "$URL/api/v1/invoices/1999-999"
    status_is 404
    body_has '"field":"invoice"'
    serve_down
}

# j METHOD PATH JSON: an API call with the token; sets STATUS and BODY.
j() {
    h -X "$1" -H "$(auth)" -H 'Content-Type: application/json' -d "$3" "$URL$2"
}

test_http_api_walks_a_case_as_the_cli_would() {
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z serve_up || return
    j POST /api/v1/cases/1/concerns '{"text":"Two menu boards show the old prices","specifics":"boards 3 and 5"}'
    status_is 201
    j POST /api/v1/cases/1/acknowledge '{"text":"I am sorry: the old prices on two boards were my mistake."}'
    status_is 200
    j POST /api/v1/cases/1/cause '{"root":"quality","notes":"print colours never checked"}'
    status_is 200
    body_has '"agreed":{'
    j POST /api/v1/cases/1/want '{"want":"the two boards reprinted right","goal":"the counter opens on Saturday"}'
    status_is 200
    body_has '"restatement":"'
    # an offer before the restatement is confirmed is refused by the playbook, and writes nothing
    snapshot
    j POST /api/v1/cases/1/offers '{"option":["redo:reprint boards 3 and 5:2026-11-27"]}'
    status_is 409
    body_has '"code":"conflict"'
    body_has '"overridable":true'                      # an override reason would let it through
    body_has '"action":{"action":"case.want","case":1' # the step to take first, as case next has it
    unchanged
    j POST /api/v1/cases/1/confirm '{"by":"client"}'
    status_is 200
    j POST /api/v1/cases/1/offers '{"option":["redo:reprint boards 3 and 5:2026-11-27","partial_refund:10%:2026-11-30"]}'
    status_is 201
    offer=$(printf '%s' "$BODY" | sed -n 's/.*"id":\([0-9]*\)}*$/\1/p')
    [ -n "$offer" ] || fail "no offer id: $BODY"
    j POST "/api/v1/offers/$offer/choose" '{"option":1}'
    status_is 200
    body_has '"commitments":['
    h -H "$(auth)" "$URL/api/v1/cases/1/commitments"
    status_is 200
    body_has '"items":[{'
    # a reply cannot be released during its hold
    j POST /api/v1/drafts '{"case":2,"body":"I am sorry I left your calls unanswered."}'
    status_is 201
    draft=$(printf '%s' "$BODY" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
    j POST "/api/v1/drafts/$draft/release" '{}'
    status_is 409
    body_has "hold"
    h -H "$(auth)" "$URL/api/v1/verify"
    status_is 200
    body_has '"ok":true'
    serve_down
}

PROBE=${REDRESS_PROBE:-$HERE/../../build/tools/httpprobe}

test_http_slow_client_cut_off() {
    web_desk
    serve_up --request-timeout 2 || return
    "$PROBE" slow "$HOSTPORT" 12 >"$WORK/probe" || fail "a client sending a byte a second was not cut off: $(cat "$WORK/probe")"
    h "$URL/api/v1/health"
    status_is 200
    serve_down
}

test_http_thousand_connections_bounded() {
    web_desk
    serve_up --max-connections 256 --request-timeout 2 --quiet || return
    # a thousand requests at once: each is answered or refused at once, none hangs
    "$PROBE" flood "$HOSTPORT" 1000 30 >"$WORK/probe"
    grep -q 'hung=0' "$WORK/probe" || fail "connections hung: $(cat "$WORK/probe")"
    answered=$(sed -n 's/answered=\([0-9]*\).*/\1/p' "$WORK/probe")
    [ "${answered:-0}" -ge 100 ] || fail "too few answered: $(cat "$WORK/probe")"
    # a thousand idle connections are cut off after the request timeout, and the server answers
    "$PROBE" hold "$HOSTPORT" 1000 5 >"$WORK/hold" &
    hpid=$!
    sleep 4
    h "$URL/api/v1/health"
    status_is 200
    wait "$hpid"
    case $BIN in
    */asan/*) ;; # ASan's shadow memory says nothing about the server's own
    *)
        rss=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/"$SPID"/status)
        [ "${rss:-0}" -lt 65536 ] || fail "server peak memory ${rss} kB"
        ;;
    esac
    serve_down
}

# p PATH FIELDS...: posts a page form with the session's cookie and CSRF token.
p() {
    path=$1
    shift
    h -b "$JAR" --data-urlencode "csrf=$CSRF" "$@" "$URL$path"
}

test_http_new_forms_need_csrf_and_write_nothing() {
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z serve_up || return
    signin
    snapshot
    for form in '/cases/3 form=escalate level=mediation reason=x' \
        '/cases/3?escalation=1 form=escalation_proposal text=x' '/cases/1 form=log_add body=x' \
        '/cases/1 form=time_add minutes=30' '/cases/1 form=flag hostility=3' \
        '/invoices/3 form=remind' '/invoices/3 form=pay amount=10 on=2026-11-24' \
        '/invoices/3 form=adjust kind=write_off amount=10 reason=x' \
        '/invoices/3 form=demand override=x' '/clients form=client_add name=Mallory' \
        '/clients/3 form=project_add title=x price=1' '/clients/3 form=case_open words=x' \
        '/clients/3 form=client_edit name=Mallory' '/clients/3?item=project:3 form=handover note=x' \
        '/clients/3 form=terminate reasons=x override=x' '/lessons?lesson=1 form=lesson_done' \
        '/clients/3 form=project_edit project=3 status=cancelled' \
        '/invoices?refund=1 form=refund_paid on=2026-11-25' \
        '/cases/1?entry=1 form=log_correct body=x reason=x' \
        '/cases/1?commitment=1 form=commitment_split part=x' \
        '/clients/1 form=project_amend project=1 revisions=5 reason=x' \
        '/clients/1?revision=1 form=revision_reverse reason=x' \
        '/reviews form=testimonial client=1 text=x' '/surveys?survey=1 form=survey_close'; do
        set -- $form
        path=$1
        shift
        args=""
        for kv in "$@"; do args="$args --data-urlencode $kv"; done
        # shellcheck disable=SC2086
        h -b "$JAR" $args "$URL$path"
        [ "$STATUS" = 403 ] || fail "$path $1 without a CSRF token: HTTP $STATUS"
        # shellcheck disable=SC2086
        h -b "$JAR" $args --data-urlencode csrf=wrong "$URL$path"
        [ "$STATUS" = 403 ] || fail "$path $1 with a wrong CSRF token: HTTP $STATUS"
    done
    unchanged
    serve_down
}

test_http_previews_write_nothing() {
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z serve_up || return
    signin
    snapshot
    p /invoices/3 --data-urlencode form=remind --data-urlencode preview=yes
    status_is 200
    body_has 'Preview: nothing was sent, logged or counted'
    body_has 'Dear Northwind Analytics'
    p /invoices/3 --data-urlencode form=demand --data-urlencode preview=yes \
        --data-urlencode "override=the client stopped answering"
    status_is 200
    body_has 'Formal demand for payment'
    p /clients/3 --data-urlencode form=terminate --data-urlencode preview=yes \
        --data-urlencode "reasons=Payment withheld twice"
    status_is 409
    body_has 'still open'
    unchanged
    # the real reminder is written, logged and counted
    p /invoices/3 --data-urlencode form=remind
    status_is 303
    [ "$(sqlite3 "$DB" 'SELECT count(*) FROM invoice_reminders WHERE invoice_id = 3')" = 1 ] ||
        fail "the reminder was not counted"
    serve_down
}

test_http_new_forms_show_script_inert() {
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z serve_up || return
    signin
    x='<script>alert(1)</script>'
    p /cases/3 --data-urlencode form=escalate --data-urlencode level=mediation \
        --data-urlencode "reason=$x" --data-urlencode "mediator=$x"
    status_is 303
    p '/cases/3?escalation=1' --data-urlencode form=escalation_proposal --data-urlencode "text=$x"
    status_is 303
    p /cases/3 --data-urlencode form=log_add --data-urlencode direction=in --data-urlencode channel=phone \
        --data-urlencode "subject=$x" --data-urlencode "body=$x"
    status_is 303
    p /cases/3 --data-urlencode form=time_add --data-urlencode minutes=20 --data-urlencode "note=$x"
    status_is 303
    p /invoices/3 --data-urlencode form=adjust --data-urlencode kind=credit_note \
        --data-urlencode amount=10 --data-urlencode "number=$x" --data-urlencode "reason=$x"
    status_is 303
    p /clients --data-urlencode form=client_add --data-urlencode "name=$x" --data-urlencode "notes=$x"
    status_is 303
    p /clients/5 --data-urlencode form=project_add --data-urlencode "title=$x" \
        --data-urlencode price=100 --data-urlencode "scope=$x"
    status_is 303
    p /clients/5 --data-urlencode form=case_open --data-urlencode channel=email --data-urlencode "words=$x"
    status_is 303
    # a refused form shows what was typed again: escaped too
    p /invoices/3 --data-urlencode form=pay --data-urlencode "amount=$x"
    status_is 422
    body_has '&lt;script&gt;alert(1)&lt;/script&gt;'
    body_lacks '<script>alert'
    for page in /cases/3 /invoices/3 /clients /clients/5 /cases/4 /projects /; do
        h -b "$JAR" "$URL$page"
        status_is 200
        body_lacks '<script>alert'
    done
    h -b "$JAR" "$URL/cases/3"
    body_has 'Final proposal: &lt;script&gt;alert(1)&lt;/script&gt;'
    [ "$(sqlite3 "$DB" "SELECT reason FROM escalations WHERE id = 1")" = "$x" ] ||
        fail "the reason is not stored verbatim"
    serve_down
}

test_http_refused_page_form_names_the_field() {
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z serve_up || return
    signin
    snapshot
    p /cases/3 --data-urlencode form=escalate --data-urlencode level=court --data-urlencode reason=x
    status_is 422
    body_has 'id="escalate-level-error"'
    body_has 'aria-invalid="true"'
    p '/cases/1?followup=999' --data-urlencode form=followup_edit --data-urlencode due=2026-12-01
    status_is 404
    p /invoices/3 --data-urlencode form=adjust --data-urlencode kind=write_off \
        --data-urlencode amount=99999999 --data-urlencode reason=x
    [ "$STATUS" -ge 400 ] || fail "a write-off above the balance: HTTP $STATUS"
    unchanged
    serve_down
}

test_http_pause_and_resume_from_the_case_page() {
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z serve_up || return
    signin
    p /cases/2 --data-urlencode form=pause --data-urlencode "reason=abusive call" \
        --data-urlencode until=2026-11-20
    status_is 422
    body_has 'id="pause-until-error"'
    p /cases/2 --data-urlencode form=pause --data-urlencode "reason=abusive call" \
        --data-urlencode until=2026-12-02
    status_is 303
    [ "$(sqlite3 "$DB" 'SELECT status || " " || pause_until FROM cases WHERE id = 2')" = "paused 2026-12-02" ] ||
        fail "not paused until 2026-12-02"
    h -b "$JAR" "$URL/cases/2"
    body_has 'value="resume"'
    p /cases/2 --data-urlencode form=resume
    status_is 303
    [ "$(sqlite3 "$DB" 'SELECT status FROM cases WHERE id = 2')" = open ] || fail "not resumed"
    serve_down
}

test_http_every_id_on_a_page_is_unique() {
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z serve_up || return
    signin
    # two of each thing a form is shown for: follow-ups, drafts, escalations
    p /cases/1 --data-urlencode form=followup_add --data-urlencode kind=call --data-urlencode due=2026-11-28
    p /cases/1 --data-urlencode form=followup_add --data-urlencode kind=meeting --data-urlencode due=2026-11-29
    p /cases/1 --data-urlencode form=draft --data-urlencode "text=I am sorry the boards were wrong."
    p /cases/1 --data-urlencode form=draft --data-urlencode "text=The new boards arrive on Friday."
    p /cases/1 --data-urlencode form=escalate --data-urlencode level=internal --data-urlencode reason=x
    p /cases/1 --data-urlencode form=escalate --data-urlencode level=mediation --data-urlencode reason=y
    for page in /cases/1 /clients/3 /invoices/3 /invoices /clients /lessons /reviews /surveys /people /mail /record /; do
        h -b "$JAR" "$URL$page"
        status_is 200
        printf '%s' "$BODY" | grep -o ' id="[^"]*"' | sort | uniq -d >"$WORK/dups"
        [ -s "$WORK/dups" ] && fail "$page repeats ids: $(tr '\n' ' ' <"$WORK/dups")"
        # and every control has its label
        printf '%s' "$BODY" | grep -o '<\(input\|select\|textarea\) [^>]*id="[^"]*"' |
            grep -v 'type="hidden"' | sed 's/.* id="\([^"]*\)".*/\1/' | sort -u >"$WORK/controls"
        printf '%s' "$BODY" | grep -o '<label for="[^"]*"' | sed 's/.*for="\([^"]*\)"/\1/' |
            sort -u >"$WORK/labels"
        comm -23 "$WORK/controls" "$WORK/labels" >"$WORK/unlabelled"
        [ -s "$WORK/unlabelled" ] && fail "$page has controls without a label: $(tr '\n' ' ' <"$WORK/unlabelled")"
    done
    # a refused form shown once per item comes back beside that item alone
    p '/cases/1?followup=1' --data-urlencode form=followup_edit-1 --data-urlencode due=2020-01-01
    status_is 422
    body_has 'id="followup_edit-1-due-error"'
    body_lacks 'id="followup_edit-2-due-error"'
    serve_down
}

test_http_reviews_and_surveys_from_the_browser() {
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z serve_up || return
    signin
    snapshot
    h -b "$JAR" --data-urlencode form=review_add --data-urlencode platform=Google \
        --data-urlencode text=x "$URL/reviews"
    status_is 403
    h -b "$JAR" --data-urlencode form=survey --data-urlencode period=2026-01-01..2026-12-31 \
        --data-urlencode question=x "$URL/surveys"
    status_is 403
    unchanged
    x='<script>alert(1)</script>'
    p /reviews --data-urlencode form=review_add --data-urlencode "platform=$x" \
        --data-urlencode rating=2 --data-urlencode "text=Slow and rude. $x" \
        --data-urlencode "link=javascript:alert(1)" --data-urlencode case=2
    status_is 422
    body_has 'id="review_add-link-error"'
    unchanged
    p /reviews --data-urlencode form=review_add --data-urlencode "platform=$x" \
        --data-urlencode rating=2 --data-urlencode "text=Slow and rude. $x" \
        --data-urlencode "link=https://reviews.example/1" --data-urlencode case=2
    status_is 303
    h -b "$JAR" "$URL/reviews"
    status_is 200
    body_lacks '<script>alert'
    body_lacks 'href="javascript:'
    body_has 'Slow and rude. &lt;script&gt;'
    # the reply is checked for a public page: marking it posted waits for a clean one
    p '/reviews?review=1' --data-urlencode form=review_reply-1 \
        --data-urlencode "reply=Obviously you should have read the contract."
    status_is 303
    p '/reviews?review=1' --data-urlencode form=review_posted-1
    status_is 409
    body_has 'id="review_posted-1-error"'
    p '/reviews?review=1' --data-urlencode form=review_reply-1 \
        --data-urlencode "reply=Thank you for telling us. I am sorry we let you down. Please get in touch with me directly so I can put it right."
    status_is 303
    p '/reviews?review=1' --data-urlencode form=review_posted-1
    status_is 303
    [ -n "$(sqlite3 "$DB" 'SELECT reply_posted_at FROM reviews WHERE id = 1')" ] || fail "not posted"
    # a survey's links are shown once, whole, and work
    p /surveys --data-urlencode form=survey --data-urlencode period=2026-01-01..2026-12-31 \
        --data-urlencode "question=What should I do differently?"
    status_is 200
    body_has 'shown this once'
    link=$(printf '%s' "$BODY" | grep -o "$URL/s/[A-Za-z0-9_-]*" | head -n 1)
    [ -n "$link" ] || fail "no survey link on the page"
    h "$link"
    status_is 200
    h -b "$JAR" "$URL/surveys"
    body_lacks "${link#"$URL"}"
    p '/surveys?survey=1' --data-urlencode form=survey_close-1
    status_is 303
    [ -n "$(sqlite3 "$DB" 'SELECT closed_at FROM surveys WHERE id = 1')" ] || fail "not closed"
    serve_down
}

test_http_today_pages_each_section() {
    fresh
    r demo --cases 300 --seed 7
    rc_is 0
    TOKEN=$("$BIN" --db "$DB" token create --name tests 2>/dev/null)
    printf '%s\n' "$PW" | "$BIN" --db "$DB" user add alice >/dev/null || fail "user add failed"
    serve_up || return
    # the page: the first rows of each section, and a link to the rest of a long one
    signin
    h -b "$JAR" "$URL/"
    status_is 200
    more=$(printf '%s' "$BODY" | sed -n 's|.*<p class="more"><a href="\(/?section=cases&amp;after=[0-9]*\)".*|\1|p' | sed 's/&amp;/\&/')
    [ -n "$more" ] || fail "no link to more of the cases section on today's page"
    h -b "$JAR" "$URL$more"
    status_is 200
    body_has '<h1>Today: Your next step on open cases</h1>'
    body_has 'Back to today'
    h -H "$(auth)" "$URL/api/v1/today"
    status_is 200
    printf '%s' "$BODY" >"$WORK/today.json"
    # every section shows at most 20 rows, and says how many follow and where they start
    [ "$(sqlite3 :memory: "SELECT max(json_extract(value, '$.shown')) <= 20
        FROM json_each(json_extract(CAST(readfile('$WORK/today.json') AS TEXT), '$.sections'))")" = 1 ] ||
        fail "a section shows more than 20 rows"
    next=$(sqlite3 :memory: "SELECT json_extract(value, '$.next') FROM json_each(json_extract(
        CAST(readfile('$WORK/today.json') AS TEXT), '$.sections')) WHERE json_extract(value, '$.section') = 'cases'")
    [ -n "$next" ] || fail "the cases section has no next cursor on a desk of 300 cases"
    # walking the cases section page by page meets every open case once
    seen=0
    after=""
    : >"$WORK/ids"
    while :; do
        h -H "$(auth)" "$URL/api/v1/today?section=cases&limit=50$after"
        status_is 200
        printf '%s' "$BODY" >"$WORK/page.json"
        sqlite3 :memory: "SELECT DISTINCT json_extract(value, '$.case_id') FROM json_each(json_extract(
            CAST(readfile('$WORK/page.json') AS TEXT), '$.items'))" >>"$WORK/ids"
        next=$(sqlite3 :memory: "SELECT json_extract(CAST(readfile('$WORK/page.json') AS TEXT), '$.next')")
        [ -n "$next" ] || break
        after="&after=$next"
        seen=$((seen + 1))
        [ $seen -lt 50 ] || { fail "the cursor never ends"; break; }
    done
    open=$(sqlite3 "$DB" "SELECT count(*) FROM cases WHERE status = 'open'")
    [ "$(sort -u "$WORK/ids" | wc -l)" = "$open" ] || fail "not every open case met once ($open open)"
    [ "$(sort "$WORK/ids" | uniq -d | wc -l)" = 0 ] || fail "a case on two pages"
    h -H "$(auth)" "$URL/api/v1/today?after=$next"
    status_is 422
    body_has '"field":"after"'
    h -H "$(auth)" "$URL/api/v1/today?section=everything"
    status_is 422
    body_has '"field":"section"'
    serve_down
}

test_http_mistakes_put_right_from_the_browser() {
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z serve_up || return
    signin
    p /cases/1?entry=1 --data-urlencode form=log_correct-1 --data-urlencode "body=The boards 3 and 5" \
        --data-urlencode "reason=the import cut the message"
    status_is 303
    [ "$(sqlite3 "$DB" 'SELECT count(*) FROM log_entries WHERE id = 1 AND body LIKE '"'"'%boards 3 and 5%'"'"'')" = 0 ] ||
        fail "the original entry was edited"
    h -b "$JAR" "$URL/cases/1"
    body_has "corrected by entry"
    body_has 'The boards 3 and 5'
    snapshot
    p /clients/1 --data-urlencode form=project_amend --data-urlencode project=1 \
        --data-urlencode revisions=3
    status_is 422
    body_has 'id="project_amend-reason-error"'
    unchanged
    p /clients/1 --data-urlencode form=project_amend --data-urlencode project=1 \
        --data-urlencode revisions=3 --data-urlencode "reason=agreed on the phone"
    status_is 303
    [ "$(sqlite3 "$DB" 'SELECT revisions FROM projects WHERE id = 1')" = 3 ] || fail "not amended"
    serve_down
}

# The case page keeps files as evidence: an upload from the browser (multipart/form-data) is
# listed and downloads byte for byte; a client's HTML is only ever a download; refusals (no
# token, no file, a large body from someone not signed in) write nothing.
test_http_case_files_upload_and_download() {
    web_desk
    serve_up || return
    signin
    head -c 3000000 /dev/urandom >"$WORK/photo.bin"
    printf '<script>alert(1)</script>' >"$WORK/page.html"
    snapshot
    h -b "$JAR" -F "file=@$WORK/photo.bin" "$URL/cases/2/attachments"
    status_is 403
    h -F "csrf=$CSRF" -F "file=@$WORK/photo.bin" "$URL/cases/2/attachments"
    status_is 413 # not signed in: the usual 1 MiB cap, refused before the body is read
    h -b "$JAR" -F "csrf=$CSRF" -F "file=" "$URL/cases/2/attachments"
    status_is 422
    body_has 'id="attach-file-error">file: choose a file to attach'
    unchanged
    h -b "$JAR" -F "csrf=$CSRF" -F "file=@$WORK/photo.bin" "$URL/cases/2/attachments"
    status_is 303
    head_has 'Location: /cases/2?done=attach#attachments'
    h -b "$JAR" -F "csrf=$CSRF" -F "file=@$WORK/page.html;filename=<em>bold<em>.html" \
        "$URL/cases/2/attachments"
    status_is 303
    h -b "$JAR" "$URL/cases/2?done=attach"
    body_has 'File kept with the case.'
    body_has '<a href="/attachments/1" download>photo.bin</a> · application/octet-stream · 3.0 MB'
    body_has '&lt;em&gt;bold&lt;em&gt;.html</a> · text/html · 25 bytes'
    body_lacks '<em>bold'
    h -b "$JAR" "$URL/attachments/1"
    status_is 200
    cmp -s "$WORK/body" "$WORK/photo.bin" || fail "the download differs from the upload"
    head_has 'Content-Disposition: attachment; filename="photo.bin"'
    h -b "$JAR" "$URL/attachments/2"
    head_has 'Content-Type: application/octet-stream' # never text/html from the desk's origin
    head_has "filename=\"<em>bold<em>.html\"; filename*=UTF-8''%3Cem%3Ebold%3Cem%3E.html"
    h -H "$(auth)" "$URL/api/v1/cases/2"
    body_has '"name":"photo.bin"'
    # tampering is made with the sqlite3 shell, past the seal trigger that would record it
    sqlite3 "$DB" "DROP TRIGGER seal_blobs_update; UPDATE blobs SET data = x'00' WHERE hash = (SELECT hash FROM attachments WHERE id = 1)"
    h -b "$JAR" "$URL/attachments/1"
    status_is 500
    body_lacks 'PNG'
    serve_down
}

# Bring in mail from the browser: an mbox uploaded on /mail lands in the client's log, threaded
# and triaged, with what came in shown after; the same file again adds nothing; refusals (no
# token, no file, a file that is no mail, a case that does not exist) write nothing; the upload
# passes through a private temporary file that is gone afterwards.
test_http_mail_import_from_the_browser() {
    web_desk
    "$BIN" --db "$DB" config set me.addresses me@studio.example >/dev/null || fail "config set"
    mkdir -p "$WORK/tmp"
    TMPDIR="$WORK/tmp" serve_up || return
    signin
    h -b "$JAR" "$URL/mail"
    status_is 200
    body_has '<h1>Bring in mail</h1>'
    body_has 'Messages from your addresses (me@studio.example) count as sent by you'
    h -b "$JAR" "$URL/cases/2"
    body_has '<a href="/mail?case=2">Bring in mail for this case</a>'
    h -b "$JAR" "$URL/mail?case=2"
    body_has 'name="case" aria-describedby="import-case-hint" value="2"'
    printf 'hello, this is not a message\n' >"$WORK/notes.txt"
    snapshot
    h -b "$JAR" -F "file=@$HERE/../data/mail/thread.mbox" "$URL/mail"
    status_is 403
    h -b "$JAR" -F "csrf=$CSRF" -F "file=" "$URL/mail"
    status_is 422
    body_has 'id="import-file-error">file: choose a message or an mbox to import'
    h -b "$JAR" -F "csrf=$CSRF" -F "file=@$WORK/notes.txt" "$URL/mail"
    status_is 422
    body_has 'id="import-file-error">file: &#39;notes.txt&#39; is not a mail message (.eml) or an mbox'
    h -b "$JAR" -F "csrf=$CSRF" -F "case=999" -F "file=@$HERE/../data/mail/thread.mbox" "$URL/mail"
    status_is 404
    body_has 'id="import-case-error">case: no case 999'
    h -b "$JAR" -F "csrf=$CSRF" -F "file=@$HERE/../data/mail/thread.mbox" "$URL/mail"
    status_is 200 # nobody has priya@harbourlane.example: each message skipped, with its place
    body_has 'read as an mbox: 0 imported, 0 already there, 6 skipped.'
    body_has 'no client has'
    unchanged
    h -b "$JAR" -F "csrf=$CSRF" -F "client=1" -F "file=@$HERE/../data/mail/thread.mbox" "$URL/mail"
    status_is 200
    # the fifth message of the file has no From line: skipped, with its place, the rest kept
    body_has '<h2 id="imported-h">thread.mbox</h2><p>6 messages read as an mbox: 5 imported, 0 already there, 1 skipped.'
    body_has '<td>message 5 at byte 1461</td><td>no From address</td>'
    head_has 'Cache-Control: no-store'
    h -b "$JAR" -F "csrf=$CSRF" -F "client=1" -F "file=@$HERE/../data/mail/thread.mbox" "$URL/mail"
    body_has '6 messages read as an mbox: 0 imported, 5 already there, 1 skipped.'
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM log_entries WHERE client_id = 1 AND body LIKE '%boards still show the old prices%'")" = 1 ] ||
        fail "the client's words are not in the log once"
    [ "$(sqlite3 "$DB" "SELECT direction FROM log_entries WHERE body LIKE 'I am sorry about the prices%'")" = out ] ||
        fail "a message from me.addresses is not recorded as sent"
    [ -z "$(ls "$WORK/tmp")" ] || fail "the upload stayed on disk: $(ls "$WORK/tmp")"
    # a mail filter pipes one message to the API with a token: the summary comes back as JSON
    printf 'From: Accounts <ap@northwind.example>\r\nTo: me@studio.example\r\nSubject: Export\r\nMessage-ID: <api-1@northwind.example>\r\nDate: Mon, 30 Nov 2026 08:15:00 +0000\r\n\r\nThe export still drops the March rows.\r\n' >"$WORK/one.eml"
    snapshot
    h -H "$(auth)" -H 'Content-Type: message/rfc822' --data-binary @/dev/null "$URL/api/v1/mail"
    status_is 422
    body_has '"field":"body"'
    h -H "$(auth)" -H 'Content-Type: message/rfc822' --data-binary "@$WORK/one.eml" \
        "$URL/api/v1/mail?create_clients=maybe"
    status_is 422
    body_has '"field":"create_clients"'
    unchanged
    h -H "$(auth)" -H 'Content-Type: message/rfc822' --data-binary "@$WORK/one.eml" "$URL/api/v1/mail"
    status_is 200
    body_has '"source":"eml"'
    body_has '"imported":1'
    h -H "$(auth)" -H 'Content-Type: message/rfc822' --data-binary "@$WORK/one.eml" "$URL/api/v1/mail"
    body_has '"duplicates":1'
    serve_down
}

# Erasure on a client's request from the browser: the client's page says what goes and what
# stays; a wrong or missing confirmation, or no reason, is refused beside its field and writes
# nothing; once erased the page says when, offers no second erasure, and the desk verifies.
test_http_client_erase_from_the_browser() {
    web_desk
    serve_up || return
    signin
    h -b "$JAR" "$URL/clients/4"
    body_has 'Erase their personal data (on their request)'
    body_has 'id="client_erase-confirm-hint">Zoë Lambert'
    snapshot
    p /clients/4 --data-urlencode form=client_erase --data-urlencode "reason=request by e-mail" \
        --data-urlencode "confirm=Zoe Lambert"
    status_is 422
    body_has 'id="client_erase-confirm-error">confirm: type the client&#39;s name, Zoë Lambert, to confirm the erasure'
    p /clients/4 --data-urlencode form=client_erase --data-urlencode "confirm=Zoë Lambert"
    status_is 422
    body_has 'id="client_erase-reason-error"'
    unchanged
    p /clients/4 --data-urlencode form=client_erase --data-urlencode "reason=request by e-mail" \
        --data-urlencode "confirm= Zoë Lambert "
    status_is 303
    head_has 'Location: /clients/4?done=client_erase'
    h -b "$JAR" "$URL/clients/4?done=client_erase"
    body_has 'Their personal data is erased; the log and the audit trail still verify.'
    body_has 'Their personal data was erased on request on'
    body_lacks 'Zoë'
    body_lacks 'id="form-client_erase"'
    r verify
    [ "$RC" = 0 ] || fail "verify after erasure: $OUT $ERR"
    serve_down
}

# The record from the browser: the check says what it walked and gives the line to keep; the
# line given back proves the desk still extends it; a line that is not one is refused beside
# its field; an entry changed behind redress's back is named, as the page's finding.
test_http_record_checked_from_the_browser() {
    web_desk
    serve_up || return
    signin
    h -b "$JAR" "$URL/record"
    status_is 200
    body_has '<h1>The record</h1>'
    p /record --data-urlencode form=verify
    status_is 200
    body_has '<h2 id="result-h">Intact</h2>'
    body_has 'tables match what redress wrote.'
    body_has 'No audit entry is signed yet'
    LINE=$(printf '%s' "$BODY" | sed -n 's/.*id="verify-line" type="text" readonly size="90" value="\([^"]*\)".*/\1/p')
    case $LINE in rd1:*) ;; *) fail "no line to keep: '$LINE'" ;; esac
    p /record --data-urlencode form=verify --data-urlencode "against=$LINE"
    body_has 'The desk still holds everything the line you gave stood for.'
    p /record --data-urlencode form=verify --data-urlencode "against=yesterday"
    status_is 422
    body_has 'id="verify-against-error">against: not a line from redress verify'
    # tampering is made with the sqlite3 shell, past the guard that would refuse it
    sqlite3 "$DB" "DROP TRIGGER log_no_update; UPDATE log_entries SET subject = 'rewritten' WHERE id = 1"
    p /record --data-urlencode form=verify
    status_is 200
    body_has '<h2 id="result-h">Changed outside redress</h2>'
    body_has 'log entry 1 does not match its hash'
    body_lacks 'id="verify-line"'
    serve_down
}

# A backup from the browser: the password again first (an empty one is refused beside its field
# and writes nothing; a wrong one is refused and counts towards the sign-in throttle), then a
# verified copy of the whole desk arrives as a download that verifies on its own; the download
# is in the audit trail and no copy stays behind in the server's temporary folder.
test_http_backup_downloaded() {
    web_desk
    mkdir -p "$WORK/tmp"
    TMPDIR="$WORK/tmp" serve_up || return
    signin
    h -b "$JAR" "$URL/record"
    body_has '<h2 id="backup-h">Download a backup</h2>'
    snapshot
    p /record/backup
    status_is 422
    body_has 'id="backup-password-error">password: type your password to confirm'
    unchanged
    p /record/backup --data-urlencode "password=not the password"
    status_is 401
    body_has 'id="backup-password-error">password: that is not your password'
    body_lacks 'not the password'
    h -b "$JAR" --data-urlencode "password=$PW" "$URL/record/backup"
    status_is 403
    p /record/backup --data-urlencode "password=$PW" 2>/dev/null # a database holds NUL bytes
    status_is 200
    cp "$WORK/body" "$WORK/copy.db" && chmod 600 "$WORK/copy.db"
    head_has 'Content-Type: application/vnd.sqlite3'
    head_has 'Content-Disposition: attachment; filename="redress-'
    [ "$(head -c 15 "$WORK/copy.db")" = "SQLite format 3" ] || fail "the download is no database"
    [ "$(sqlite3 "$WORK/copy.db" 'SELECT count(*) FROM cases')" = \
        "$(sqlite3 "$DB" 'SELECT count(*) FROM cases')" ] || fail "the copy lacks cases"
    "$BIN" --db "$WORK/copy.db" verify >/dev/null || fail "the copy does not verify"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit_entries WHERE action = 'backup.download'")" = 1 ] ||
        fail "the download is not in the audit trail"
    [ -z "$(ls -A "$WORK/tmp")" ] || fail "left in the temporary folder: $(ls -A "$WORK/tmp")"
    serve_down
}

# People and access from the browser: adding a user, removing one who left (their session ends
# at once), changing your own password, and an API token made (shown once) and revoked. Refused
# forms write nothing and never send a typed password back into the page.
test_http_people_and_access() {
    web_desk
    serve_up || return
    signin
    h -b "$JAR" "$URL/people"
    status_is 200
    body_has 'alice (you)'
    body_has 'aria-current="page">People'
    snapshot
    p /people --data-urlencode form=user_add --data-urlencode name=bob \
        --data-urlencode 'password=bob has a long one' --data-urlencode 'password_again=bob has a long 1'
    status_is 422
    body_has 'id="user_add-password_again-error">password_again: the two passwords differ'
    body_lacks 'bob has a long'
    p /people --data-urlencode form=user_add --data-urlencode name=bob \
        --data-urlencode password=short --data-urlencode password_again=short
    status_is 422
    body_has 'password: at least 10 characters'
    p /people --data-urlencode form=user_remove-1
    status_is 422
    body_has 'you cannot remove yourself'
    p /people --data-urlencode form=token_revoke-99
    status_is 404
    p /people --data-urlencode form=user_remove-99
    status_is 404
    body_has 'user: no user 99'
    unchanged
    p /people --data-urlencode form=user_add --data-urlencode name=bob \
        --data-urlencode 'password=bob has a long one' --data-urlencode 'password_again=bob has a long one'
    status_is 303
    head_has 'Location: /people?done=user_add'
    BJAR="$WORK/bobjar"
    h -c "$BJAR" --data-urlencode name=bob --data-urlencode 'password=bob has a long one' "$URL/signin"
    status_is 303
    h -b "$BJAR" "$URL/api/v1/me"
    status_is 200
    bob=$(sqlite3 "$DB" "SELECT id FROM users WHERE name = 'bob'")
    p /people --data-urlencode "form=user_remove-$bob"
    status_is 303
    h -b "$BJAR" "$URL/api/v1/me"
    status_is 401 # signed out at once
    h --data-urlencode name=bob --data-urlencode 'password=bob has a long one' "$URL/signin"
    status_is 401
    h -b "$JAR" "$URL/people"
    body_has 'nothing: removed'
    # your own password: the current one first
    p /people --data-urlencode form=password --data-urlencode current=wrong-password \
        --data-urlencode 'password=alice is new here' --data-urlencode 'password_again=alice is new here'
    status_is 422
    body_has 'current: not your current password'
    p /people --data-urlencode form=password --data-urlencode "current=$PW" \
        --data-urlencode 'password=alice is new here' --data-urlencode 'password_again=alice is new here'
    status_is 303
    h --data-urlencode name=alice --data-urlencode "password=$PW" "$URL/signin"
    status_is 401
    h --data-urlencode name=alice --data-urlencode 'password=alice is new here' "$URL/signin"
    status_is 303
    # a token, shown once, works until revoked
    p /people --data-urlencode form=token_create --data-urlencode name=mail-filter
    status_is 200
    head_has 'Cache-Control: no-store'
    new=$(printf '%s' "$BODY" | sed -n 's/.*id="token-value" type="text" readonly size="70" value="\([^"]*\)".*/\1/p')
    [ -n "$new" ] || fail "no token on the page"
    h -H "Authorization: Bearer $new" "$URL/api/v1/me"
    status_is 200
    h -b "$JAR" "$URL/people"
    body_lacks "$new"
    tid=$(sqlite3 "$DB" "SELECT id FROM api_tokens WHERE name = 'mail-filter'")
    p /people --data-urlencode "form=token_revoke-$tid"
    status_is 303
    h -H "Authorization: Bearer $new" "$URL/api/v1/me"
    status_is 401
    # guessing the current password is throttled as signing in is (five wrong in 15 minutes)
    for i in 1 2 3 4 5; do
        p /people --data-urlencode form=password --data-urlencode "current=guess $i" \
            --data-urlencode 'password=alice guesses on' --data-urlencode 'password_again=alice guesses on'
    done
    status_is 422
    p /people --data-urlencode form=password --data-urlencode 'current=alice is new here' \
        --data-urlencode 'password=alice guesses on' --data-urlencode 'password_again=alice guesses on'
    status_is 429
    body_has 'current: too many wrong passwords'
    serve_down
    r user list
    out_has 'bob'
}

# Users and tokens page like every list: those who may sign in first, then the removed, each
# by name, resumed after a cursor (--limit, --after) from the terminal; on the People page 50
# of each, with a Next page link of its own for the tokens.
test_people_lists_page() {
    fresh
    for u in carol alice bob; do
        ri "$PW
" user add "$u"
        rc_is 0
    done
    r user remove alice
    rc_is 0
    r user list --jsonl --limit 2
    [ "$(printf '%s' "$OUT" | jq -r .name | tr '\n' ' ')" = "bob carol " ] || fail "first page: $OUT"
    CAROL=$(printf '%s' "$OUT" | jq -r 'select(.name == "carol") | .id')
    r user list --jsonl --after "$CAROL"
    [ "$(printf '%s' "$OUT" | jq -r .name)" = alice ] || fail "after carol: $OUT"
    r user list --after 99
    rc_is 1
    err_has 'after: no row 99 in users to continue from'
    n=0
    while [ $n -lt 52 ]; do
        "$BIN" --db "$DB" token create --name "t$n" >/dev/null 2>&1 || fail "token create"
        n=$((n + 1))
    done
    r token list --jsonl --limit 50
    [ "$(printf '%s\n' "$OUT" | wc -l)" = 50 ] || fail "token page: $OUT"
    LAST=$(printf '%s\n' "$OUT" | tail -n 1 | jq -r .id)
    r token list --jsonl --after "$LAST"
    [ "$(printf '%s' "$OUT" | jq -r .name | tr '\n' ' ')" = "t50 t51 " ] || fail "tokens after: $OUT"
    serve_up || return
    signin_as bob
    h -b "$JAR" "$URL/people"
    status_is 200
    body_has '>t49<'
    body_lacks '>t50<'
    body_has "href=\"/people?tokens_after=$LAST\">Next page</a>"
    h -b "$JAR" "$URL/people?tokens_after=$LAST"
    body_has '>t51<'
    body_lacks '>t49<'
    body_has 'carol'
    h -b "$JAR" "$URL/people?tokens_after=x"
    status_is 422
    serve_down
}

# The same from the terminal: user list, passwd and remove; refusals write nothing.
test_cli_users_passwd_and_remove() {
    fresh
    ri 'first password here
' user add alice
    rc_is 0
    snapshot
    r user remove alice
    rc_is 1
    err_has "'alice' is the last user who may sign in; add another first"
    ri 'another password
' user passwd nobody
    rc_is 3
    err_has "no user called 'nobody' may sign in"
    ri 'short
' user passwd alice
    rc_is 1
    err_has 'password: at least 10 characters'
    unchanged
    ri 'bob password one
' user add bob
    rc_is 0
    r user remove bob
    rc_is 0
    out_has 'bob removed: signed out everywhere, can no longer sign in'
    r user list --json
    [ "$(printf '%s' "$OUT" | jq -r '.[] | select(.name == "bob") | .has_password')" = 0 ] ||
        fail "bob kept a password: $OUT"
    ri 'bob password two
' user add bob # back, with a new password
    rc_is 0
    r user list
    out_has 'bob    yes'
    r verify
    rc_is 0
}
