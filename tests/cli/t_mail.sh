# t_mail.sh — mail import (threads, direction, triage, attachments, skips, idempotence, SIGKILL),
# attachments by hand, search, and sending through a real SMTP server on loopback.

MAILDATA="$HERE/../data/mail"

# mail_desk: a desk whose user is me@studio.example, with Priya as client 1.
mail_desk() {
    fresh
    r config set me.addresses "me@studio.example, sam@studio.example"
    r client add --name "Priya Shah" --email priya@harbourlane.example
}

test_import_mbox_threads_and_skips() {
    mail_desk
    ri "The boards are wrong." case open --client 1 --channel email --received 2026-11-01T08:00Z --text -
    r import "$MAILDATA/thread.mbox" --json
    rc_is 0
    out_is_json
    out_has '"source": "mbox"'
    out_has '"messages": 6'
    out_has '"imported": 4'
    out_has '"skipped": 2'
    out_has '"no From address": 1'
    out_has 'no client has the address stranger@elsewhere.example'
    out_has '"position": "message 5 at byte'
    r log list --client 1 --json
    out_has '"direction": "out"'
    # all four joined the only open case; the >From line was unescaped
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM log_entries WHERE case_id = 1")" = 5 ] ||
        fail "not every message joined case 1"
    sqlite3 "$DB" "SELECT body FROM log_entries" | grep -q '^From the counter' || fail "mbox >From not unescaped"
    # windows-1252 quoted-printable became UTF-8
    sqlite3 "$DB" "SELECT body FROM log_entries" | grep -q 'Thanks – Friday works. The café' ||
        fail "charset not converted: $(sqlite3 "$DB" "SELECT body FROM log_entries WHERE id = 4")"
    # the incoming words were triaged
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM log_triage")" -ge 3 ] || fail "incoming mail not triaged"
    r import "$MAILDATA/thread.mbox" --json
    out_has '"imported": 0'
    out_has '"duplicates": 4'
}

test_import_threads_to_the_case_it_continues() {
    mail_desk
    ri "First." case open --client 1 --channel email --received 2026-11-01T08:00Z --text -
    head -n 12 "$MAILDATA/thread.mbox" >"$WORK/first.mbox"
    r import "$WORK/first.mbox" --quiet
    rc_is 0
    [ -z "$OUT" ] || fail "--quiet printed: $OUT"
    ri "Second complaint." case open --client 1 --channel email --received 2026-11-02T08:30Z --text -
    # two open cases now: the reply and the answer still join case 1, by thread
    r import "$MAILDATA/thread.mbox"
    rc_is 0
    out_has "mbox"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM log_entries WHERE case_id = 1")" = 4 ] ||
        fail "thread not followed: $(sqlite3 "$DB" "SELECT id, case_id, subject FROM log_entries")"
    # the message without a thread cannot choose between two open cases: the client's log
    [ "$(sqlite3 "$DB" "SELECT case_id IS NULL FROM log_entries WHERE subject = 'Photos of the boards'")" = 1 ] ||
        fail "unthreaded message put on a case"
}

test_import_eml_html_and_attachment() {
    mail_desk
    r import "$MAILDATA/html-attachment.eml" --case 1
    rc_is 3
    err_has "case: no case 1"
    r import "$MAILDATA/html-attachment.eml" --client 1
    rc_is 0
    out_has "1 attachments kept"
    body=$(sqlite3 "$DB" "SELECT body FROM log_entries")
    printf '%s' "$body" | grep -q '^You missed the deadline again & the files are two weeks late.$' ||
        fail "HTML not turned into text: $body"
    printf '%s' "$body" | grep -q 'color' && fail "style text leaked: $body"
    [ "$(sqlite3 "$DB" "SELECT name || ' ' || type || ' ' || size FROM attachments")" = "contract.pdf application/pdf 15" ] ||
        fail "attachment row: $(sqlite3 "$DB" "SELECT * FROM attachments")"
    [ "$(sqlite3 "$DB" "SELECT hex(data) FROM blobs")" = 255044462D312E340A25C7EC8FA20A ] ||
        fail "attachment bytes not decoded"
    [ "$(sqlite3 "$DB" "SELECT subject FROM log_entries")" = "Menü boards are late" ] || fail "subject not decoded"
}

test_import_create_clients_and_bad_paths() {
    fresh
    r config set me.addresses me@studio.example
    r import "$MAILDATA/thread.mbox" --create-clients --json
    rc_is 0
    out_has '"clients_created": 2'
    r client list
    out_has "Priya Shah"
    out_has "stranger@elsewhere.example"
    snapshot
    r import "$WORK/none.mbox"
    rc_is 3
    err_one_line
    printf 'just some words\n' >"$WORK/words.txt"
    r import "$WORK/words.txt"
    rc_is 1
    err_has "is not a message, an mbox or a Maildir"
    mkdir -p "$WORK/notmaildir"
    r import "$WORK/notmaildir"
    rc_is 1
    err_has "not a Maildir"
    r import "$MAILDATA/thread.mbox" --client 99
    rc_is 3
    unchanged
}

# make_maildir DIR N: N messages from Priya, every third without a Message-ID.
make_maildir() {
    mkdir -p "$1/cur" "$1/new" "$1/tmp"
    i=1
    while [ $i -le "$2" ]; do
        if [ $((i % 3)) = 0 ]; then mid=""; else mid="Message-ID: <m$i@harbourlane.example>"; fi
        printf 'From: Priya <priya@harbourlane.example>\nTo: me@studio.example\nSubject: Note %d\nDate: Mon, 02 Nov 2026 08:%02d:00 +0000\n%s\n\nMessage %d: the files are late again, I want a refund.\n' \
            $i $((i % 60)) "$mid" $i >"$1/cur/$(printf '%05d' $i).host:2,S"
        i=$((i + 1))
    done
}

# logical_dump DB: every table except FTS5's internal ones, whose layout follows commit history.
logical_dump() {
    sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' ORDER BY name" |
        while read -r t; do echo "== $t"; sqlite3 "$1" "SELECT * FROM \"$t\" ORDER BY 1"; done
    echo "== search"
    sqlite3 "$1" "SELECT kind, ref, subject, body FROM search_fts ORDER BY kind, ref"
}

test_import_survives_sigkill() {
    make_maildir "$WORK/md" 900
    REDRESS_NOW=2026-11-30T09:00:00Z
    export REDRESS_NOW
    mail_desk
    clean=$DB
    r import "$WORK/md"
    out_has "900 imported"
    mail_desk
    # each round is killed as soon as the run before it has committed something more, so the
    # kills land inside the import whatever the speed of the machine
    kills=0
    last=0
    while [ "$last" -lt 900 ] && [ $kills -lt 6 ]; do
        "$BIN" --db "$DB" import "$WORK/md" >/dev/null 2>&1 &
        pid=$!
        n=0
        while [ $n -lt 500 ]; do
            now=$(sqlite3 "$DB" "SELECT count(*) FROM mail_messages" 2>/dev/null || echo 0)
            [ "$now" -gt "$last" ] && break
            sleep 0.01
            n=$((n + 1))
        done
        kill -9 $pid 2>/dev/null
        wait $pid 2>/dev/null
        last=$(sqlite3 "$DB" "SELECT count(*) FROM mail_messages")
        kills=$((kills + 1))
    done
    [ "$last" -lt 900 ] || [ $kills -ge 2 ] || fail "no kill landed inside the import"
    r import "$WORK/md" --json
    rc_is 0
    unset REDRESS_NOW
    logical_dump "$clean" >"$WORK/clean.txt"
    logical_dump "$DB" >"$WORK/killed.txt"
    cmp -s "$WORK/clean.txt" "$WORK/killed.txt" ||
        fail "state after SIGKILL and re-run differs: $(diff "$WORK/clean.txt" "$WORK/killed.txt" | head -n 5)"
    r verify
    rc_is 0
}

test_attach_show_and_export() {
    mail_desk
    ri "The boards are wrong." case open --client 1 --channel email --received 2026-11-01T08:00Z --text -
    r import "$MAILDATA/html-attachment.eml"
    printf 'signed contract' >"$WORK/contract.txt"
    r attach 1 "$WORK/contract.txt" --name "Contract 2026.txt"
    rc_is 0
    [ "$OUT" = 2 ] || fail "attach printed '$OUT'"
    snapshot
    r attach 9 "$WORK/contract.txt"
    rc_is 3
    r attach 1 "$WORK/contract.txt" --name "../evil"
    rc_is 1
    err_has "name: '../evil' may not contain a slash"
    unchanged
    r case show 1
    out_has "Contract 2026.txt  text/plain  15 bytes"
    out_has "contract.pdf  application/pdf  15 bytes"
    r attachment get 2
    [ "$OUT" = "signed contract" ] || fail "attachment bytes: $OUT"
    r case export 1 --out "$WORK/exp"
    rc_is 0
    [ -f "$WORK/exp/case.json" ] || fail "no case.json"
    (cd "$WORK/exp" && b2sum -l 256 -c MANIFEST >/dev/null) || fail "MANIFEST does not check"
    cmp -s "$WORK/exp/attachments/2-Contract 2026.txt" "$WORK/contract.txt" || fail "exported bytes differ"
    r case export 1 --out "$WORK/exp"
    rc_is 4
    err_has "does not exist yet"
    # the seal of the bytes: a changed blob is refused, not handed out as evidence
    sqlite3 "$DB" "UPDATE blobs SET data = CAST('forged' AS BLOB) WHERE hash = (SELECT hash FROM attachments WHERE id = 2)"
    r attachment get 2
    rc_is 1
    err_has "the bytes of attachment 2 were changed"
}

test_search_ranks_highlights_and_refuses_bad_queries() {
    mail_desk
    ri "The boards are wrong." case open --client 1 --channel email --received 2026-11-01T08:00Z --text -
    r import "$MAILDATA/thread.mbox"
    r case concern add 1 --text "Old prices on two boards" --specifics "boards 3 and 5"
    r search "old prices"
    rc_is 0
    out_has "[old] [prices]"
    r search '"reprint boards"' --json
    out_is_json
    out_has '"kind": "log"'
    out_has '"snippet_highlights"'
    r search 'reprin*'
    out_has "[reprint]"
    r search "don't"
    rc_is 0
    r search boards --since 2026-11-03
    out_lacks "log 2 "
    r search boards --client 2
    out_has "(no match)"
    r search concern --case 1
    rc_is 0
    r search prices --json
    printf '%s' "$OUT" | grep -q '"kind": "concern"' || fail "concerns not searched: $OUT"
    r search '"unclosed'
    rc_is 1
    err_one_line
    err_has "query: '\"unclosed' is not a search"
    printf '%s' "$ERR" | grep -qi "fts5\|syntax" && fail "SQLite's text leaked: $ERR"
    r search "   "
    rc_is 1
}
