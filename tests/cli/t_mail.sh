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

test_import_me_email_counts_as_one_of_my_addresses() {
    fresh
    r config set me.email me@studio.example # no me.addresses at all
    r client add --name "Priya Shah" --email priya@harbourlane.example
    r import "$MAILDATA/thread.mbox" --client 1 --quiet
    rc_is 0
    [ "$(sqlite3 "$DB" "SELECT direction FROM log_entries l JOIN mail_messages m ON m.log_id = l.id WHERE m.from_addr = 'me@studio.example'")" = out ] ||
        fail "mail from me.email read as incoming: $(sqlite3 "$DB" "SELECT from_addr, direction FROM log_entries l JOIN mail_messages m ON m.log_id = l.id")"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM log_entries WHERE direction = 'in'")" = 4 ] ||
        fail "the client's mail is not incoming"
}

# Mail rows, attachment rows and the bytes they point at are under the seal: an edit from the
# sqlite3 shell, even one that drops the seal trigger and puts it back, fails verify naming the
# table.
test_mail_tables_are_under_the_seal() {
    mail_desk
    r import "$MAILDATA/html-attachment.eml" --client 1 --quiet
    rc_is 0
    r verify
    rc_is 0
    for edit in "mail_messages SET from_addr = 'someone@else.example'" \
        "mail_messages SET message_id = 'forged@else.example'" \
        "attachments SET name = 'other.pdf'" \
        "attachments SET size = 14" \
        "blobs SET data = X'2550'"; do
        t=${edit%% *}
        cp "$DB" "$WORK/t.db"
        trig=$(sqlite3 "$WORK/t.db" "SELECT sql FROM sqlite_master WHERE name = 'seal_${t}_update'")
        [ -n "$trig" ] || fail "$t has no seal trigger"
        sqlite3 "$WORK/t.db" "DROP TRIGGER seal_${t}_update; UPDATE $edit; $trig;" ||
            fail "$t: the edit did not apply"
        "$BIN" --db "$WORK/t.db" verify >/dev/null 2>"$WORK/err" && fail "$t: an edit passed verify"
        grep -q "^redress: $t: its rows differ from the seal" "$WORK/err" || fail "$t: $(cat "$WORK/err")"
        rm -f "$WORK/t.db" "$WORK/t.db-wal" "$WORK/t.db-shm"
    done
    # and the evidence itself refuses to come out changed
    cp "$DB" "$WORK/t.db"
    sqlite3 "$WORK/t.db" "DROP TRIGGER seal_blobs_update; UPDATE blobs SET data = X'2550'"
    "$BIN" --db "$WORK/t.db" attachment get 1 --out "$WORK/a.pdf" 2>"$WORK/err" && fail "changed bytes came out"
    grep -q "were changed" "$WORK/err" || fail "attachment get: $(cat "$WORK/err")"
    rm -f "$WORK/t.db" "$WORK/t.db-wal" "$WORK/t.db-shm"
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
        while read -r t; do
            # the chains' salts are random, and so are the hashes and signatures made over them
            cols=$(sqlite3 "$1" "SELECT group_concat('\"' || name || '\"') FROM pragma_table_info('$t')
                WHERE name NOT IN ('salt', 'hash', 'prev_hash', 'log_head', 'sig')")
            echo "== $t"
            sqlite3 "$1" "SELECT $cols FROM \"$t\" ORDER BY 1"
        done
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
    # (made as someone holding the file would: the table's seal trigger dropped first)
    sqlite3 "$DB" "DROP TRIGGER IF EXISTS seal_blobs_update;
        UPDATE blobs SET data = CAST('forged' AS BLOB) WHERE hash = (SELECT hash FROM attachments WHERE id = 2)"
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

# smtp_start DIR: a real SMTP server on a free loopback port (tests/cli/smtpd.py), its port in
# $SMTP_PORT; smtp_stop ends it.
smtp_start() {
    mkdir -p "$1"
    /usr/bin/python3 "$HERE/smtpd.py" "$1" 2>"$1/log" &
    SMTP_PID=$!
    n=0
    while [ ! -f "$1/port" ] && [ $n -lt 100 ]; do
        sleep 0.1
        n=$((n + 1))
    done
    SMTP_PORT=$(cat "$1/port" 2>/dev/null)
    [ -n "$SMTP_PORT" ] || fail "the SMTP server did not start: $(cat "$1/log")"
}
smtp_stop() {
    kill "$SMTP_PID" 2>/dev/null
    wait "$SMTP_PID" 2>/dev/null
}

test_draft_send_delivers_once_through_smtp() {
    S="$WORK/smtp"
    smtp_start "$S"
    fresh
    r config set me.addresses "sam@studio.example"
    r config set me.name "Sam Ré"
    r config set me.signature "Sam Ré
Studio Example"
    r config set smtp.url "smtp://127.0.0.1:$SMTP_PORT"
    r client add --name "Priya Shah" --email priya@harbourlane.example
    ri "The boards are wrong." case open --client 1 --channel email --received 2026-11-01T08:00Z --text -
    r import "$MAILDATA/thread.mbox"
    REDRESS_NOW=2026-11-10T09:00:00Z
    export REDRESS_NOW
    ri "I am sorry about the prices. The corrected boards — all six — reach you on Friday." draft new 1
    REDRESS_NOW=2026-11-10T10:00:00Z
    # the server refuses: released, not sent, its answer shown
    echo "550 5.2.2 Mailbox full" >"$S/reject"
    REDRESS_SMTP_USER=sam REDRESS_SMTP_PASSWORD=s3cret r draft send 1
    rc_is 4
    err_has "550 5.2.2 Mailbox full"
    err_has "released but not sent"
    r draft show 1
    out_has "status      released"
    out_has "delivery    failed"
    [ -f "$S/1.eml" ] && fail "a refused message was saved"
    # the retry goes through, once
    rm "$S/reject"
    REDRESS_SMTP_USER=sam REDRESS_SMTP_PASSWORD=s3cret r draft send 1
    rc_is 0
    out_has "250 2.0.0 Ok: queued as test1"
    r draft send 1
    rc_is 1
    err_has "was already sent"
    r verify # queueing and each attempt are audited, so the seal holds
    rc_is 0
    unset REDRESS_NOW
    smtp_stop
    [ -f "$S/1.eml" ] && [ ! -f "$S/2.eml" ] || fail "not exactly one message arrived: $(ls "$S")"
    M="$S/1.eml"
    # headers unfolded (continuation lines joined) for the checks below
    tr -d '\r' <"$M" | awk '/^[ \t]/ { printf " %s", substr($0, 2); next } NR > 1 { print "" } { printf "%s", $0 } END { print "" }' >"$S/unfolded"
    mid=$(sqlite3 "$DB" "SELECT message_id FROM mail_outbox WHERE draft_id = 1")
    grep -q "^Message-Id: <$mid>" "$M" || fail "Message-ID not the recorded one ($mid)"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM mail_messages m JOIN drafts d ON d.log_id = m.log_id WHERE m.message_id = '$mid'")" = 1 ] ||
        fail "the log entry does not carry the Message-ID"
    grep -q '^In-Reply-To: <p2@harbourlane.example>' "$M" || fail "In-Reply-To: $(grep -i reply "$M")"
    grep -q '^References: <p1@harbourlane.example> <s1@studio.example> <p2@harbourlane.example>$' "$S/unfolded" ||
        fail "References: $(grep -i references "$S/unfolded")"
    grep -q '^Date: Tue, 10 Nov 2026 10:00:00 +0000' "$M" || fail "Date: $(grep Date "$M")"
    grep -qi '^From: Sam =?utf-8?b?UsOp?= <sam@studio.example>' "$M" || fail "From: $(grep From "$M")"
    grep -q '^To: Priya Shah <priya@harbourlane.example>' "$M" || fail "To: $(grep ^To "$M")"
    grep -q '^Subject: Re: Re: The menu boards' "$M" || fail "Subject: $(grep Subject "$M")"
    grep -q '^Content-Type: text/plain; charset=utf-8' "$M" || fail "no UTF-8 content type"
    grep -q '^Content-Transfer-Encoding: quoted-printable' "$M" || fail "not quoted-printable"
    /usr/bin/python3 -c 'import sys, quopri; sys.stdout.buffer.write(quopri.decodestring(sys.stdin.buffer.read().split(b"\r\n\r\n", 1)[1]))' <"$M" | tr -d '\r' >"$S/body"
    grep -q '^I am sorry about the prices. The corrected boards — all six — reach you on Friday.$' "$S/body" ||
        fail "body does not decode to the draft: $(cat "$S/body")"
    grep -q '^--=20' "$M" || fail "no signature separator"
    grep -q '^Sam R=C3=A9' "$M" || fail "signature missing"
    [ "$(tr -d '\r' <"$M" | wc -c)" -lt "$(wc -c <"$M")" ] || fail "no CRLF"
    [ "$(grep -c "$(printf '\r')\$" "$M")" = "$(wc -l <"$M")" ] || fail "a bare LF line end"
    [ "$(sed -n 1p "$S/1.env")" = sam@studio.example ] || fail "MAIL FROM: $(cat "$S/1.env")"
    [ "$(sed -n 2p "$S/1.env")" = priya@harbourlane.example ] || fail "RCPT TO: $(cat "$S/1.env")"
    [ "$(sed -n 3p "$S/1.env")" = sam ] || fail "no AUTH as sam: $(cat "$S/1.env")"
}

test_draft_send_refuses_before_releasing() {
    mail_desk
    ri "The boards are wrong." case open --client 1 --channel email --received 2026-11-01T08:00Z --text -
    REDRESS_NOW=2026-11-10T09:00:00Z
    export REDRESS_NOW
    ri "I am sorry, the boards come on Friday." draft new 1
    REDRESS_NOW=2026-11-10T10:00:00Z
    snapshot
    r draft send 1
    rc_is 1
    err_has "smtp.url: set the server first"
    r config set smtp.url "http://example.org"
    rc_is 1
    r config set smtp.url "smtp://127.0.0.1:9"
    printf 'sam\ns3cret\n' >"$WORK/creds"
    chmod 644 "$WORK/creds"
    r config set smtp.credentials "$WORK/creds"
    snapshot
    r draft send 1
    rc_is 1
    err_has "can be read by others"
    unchanged
    chmod 600 "$WORK/creds"
    # nothing listens on port 9: released, the delivery failed, the answer kept
    r draft send 1
    rc_is 4
    err_has "released but not sent"
    [ "$(sqlite3 "$DB" "SELECT status || ' ' || attempts FROM mail_outbox")" = "failed 1" ] ||
        fail "outbox: $(sqlite3 "$DB" "SELECT * FROM mail_outbox")"
    unset REDRESS_NOW
}

# A payment reminder written and sent at once, its PDF attached and kept; a pause holds the
# restatement; a refused delivery stays logged but unsent with the server's answer, and the retry
# sends the same message once.
test_letter_send_delivers_letters_once_through_smtp() {
    S="$WORK/smtp-letters"
    smtp_start "$S"
    fresh
    r config set me.email sam@studio.example # no me.addresses: me.email is the From address
    r config set me.name "Sam Ré"
    r config set me.signature "Sam Ré, Studio Example"
    r config set smtp.url "smtp://127.0.0.1:$SMTP_PORT"
    r client add --name "Dana Whitfield" --email dana@northwind.example
    r project add --client 1 --title "Report design" --scope "40-page report" --price 1200 --currency EUR
    r invoice add --project 1 --number 2026-031 --amount 1,200.00 --issued 2026-10-01
    cat >"$WORK/dana.eml" <<'MAIL'
From: Dana Whitfield <dana@northwind.example>
To: sam@studio.example
Subject: The report
Date: Mon, 02 Nov 2026 09:00:00 +0000
Message-ID: <d1@northwind.example>

We will pay when the charts are fixed.
MAIL
    r import "$WORK/dana.eml" --client 1 --quiet
    rc_is 0
    REDRESS_NOW=2026-11-20T09:00:00Z
    export REDRESS_NOW
    REDRESS_SMTP_USER=sam REDRESS_SMTP_PASSWORD=s3cret r invoice remind 1 --send --pdf "$WORK/reminder.pdf" --json
    rc_is 0
    out_is_json
    err_has "sent to dana@northwind.example as <"
    err_has "with payment-reminder.pdf"
    log_id=$(printf '%s' "$OUT" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["log_id"])')
    M="$S/1.eml"
    [ -f "$M" ] || fail "nothing arrived: $(ls "$S")"
    tr -d '\r' <"$M" | awk '/^[ \t]/ { printf " %s", substr($0, 2); next } NR > 1 { print "" } { printf "%s", $0 } END { print "" }' >"$S/unfolded"
    mid=$(sqlite3 "$DB" "SELECT message_id FROM mail_outbox WHERE log_id = $log_id AND draft_id IS NULL")
    [ -n "$mid" ] || fail "no outbox row for the letter"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM mail_messages WHERE log_id = $log_id AND message_id = '$mid' AND in_reply_to = 'd1@northwind.example'")" = 1 ] ||
        fail "the letter's log entry does not carry its Message-ID"
    grep -q "^Message-Id: <$mid>" "$M" || fail "Message-ID not the recorded one ($mid)"
    grep -q '^In-Reply-To: <d1@northwind.example>' "$M" || fail "In-Reply-To: $(grep -i reply "$M")"
    grep -qi '^From: Sam =?utf-8?b?UsOp?= <sam@studio.example>' "$M" || fail "From: $(grep From "$M")"
    grep -q '^To: Dana Whitfield <dana@northwind.example>' "$M" || fail "To: $(grep ^To "$M")"
    grep -q '^Subject: Payment reminder: invoice 2026-031$' "$S/unfolded" || fail "Subject: $(grep Subject "$M")"
    grep -q '^Content-Type: multipart/mixed' "$S/unfolded" || fail "not multipart/mixed"
    grep -q 'filename=payment-reminder.pdf' "$S/unfolded" || fail "no PDF file name"
    [ "$(grep -c "$(printf '\r')\$" "$M")" = "$(wc -l <"$M")" ] || fail "a bare LF line end"
    # the parts decode to the logged letter with the signature, and to the PDF kept as evidence
    /usr/bin/python3 - "$M" "$S" <<'PY' || fail "the parts do not decode: $(cat "$S/parts.err")"
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
text, pdf = [p for p in m.iter_parts()]
assert text.get_content_type() == "text/plain" and text.get_content_charset() == "utf-8"
open(sys.argv[2] + "/text", "w", encoding="utf-8").write(text.get_content().replace("\r\n", "\n"))
assert pdf.get_content_type() == "application/pdf" and pdf.get_filename() == "payment-reminder.pdf"
open(sys.argv[2] + "/pdf", "wb").write(pdf.get_content())
PY
    sqlite3 "$DB" "SELECT body FROM log_entries WHERE id = $log_id" >"$S/logged"
    grep -qF "$(head -1 "$S/logged")" "$S/text" || fail "the text is not the letter: $(head -3 "$S/text")"
    grep -q '^-- $' "$S/text" && grep -q '^Sam Ré, Studio Example$' "$S/text" || fail "no signature: $(tail -3 "$S/text" | od -c | tail -4)"
    [ "$(head -c 5 "$S/pdf")" = "%PDF-" ] || fail "the attachment is not a PDF"
    [ "$(sqlite3 "$DB" "SELECT hex(b.data) FROM attachments a JOIN blobs b ON b.hash = a.hash WHERE a.log_id = $log_id")" = \
        "$(od -An -tx1 -v "$S/pdf" | tr -d ' \n' | tr a-f A-F)" ] || fail "the PDF sent is not the one kept"
    r letter send "$log_id"
    rc_is 1
    err_has "was already sent"
    # a restatement waits while the case is paused, with nothing written
    ri "The charts are wrong." case open --client 1 --channel email --received 2026-11-20T08:00Z --text -
    REDRESS_NOW=2026-11-20T10:00:00Z
    r case concern add 1 --text "The charts show last year's figures"
    rc_is 0
    ri "I am sorry the charts came out wrong." case acknowledge 1 --text -
    rc_is 0
    r case cause 1 --root quality --notes "the charts were never checked"
    rc_is 0
    r case want 1 --want "the charts redrawn" --goal "the board meeting goes well" --json
    rc_is 0
    want_id=$(printf '%s' "$OUT" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["log_id"])')
    [ "$(sqlite3 "$DB" "SELECT subject FROM log_entries WHERE id = $want_id")" = "Restatement for confirmation" ] ||
        fail "case want --json names log entry $want_id"
    r case pause 1 --reason "a cooling-down week"
    rc_is 0
    snapshot
    REDRESS_SMTP_USER=sam REDRESS_SMTP_PASSWORD=s3cret r letter send "$want_id"
    rc_is 1
    err_has "is paused"
    unchanged
    r case resume 1
    # the server refuses: logged, not sent, its answer kept; the retry sends it once
    echo "451 4.3.0 Try again later" >"$S/reject"
    REDRESS_SMTP_USER=sam REDRESS_SMTP_PASSWORD=s3cret r letter send "$want_id" --attach-pdf
    rc_is 4
    err_has "451 4.3.0 Try again later"
    err_has "is logged but not sent"
    [ "$(sqlite3 "$DB" "SELECT status || ' ' || attempts || ' ' || answer FROM mail_outbox WHERE log_id = $want_id")" = \
        "failed 1 451 4.3.0 Try again later" ] || fail "outbox: $(sqlite3 "$DB" "SELECT * FROM mail_outbox")"
    rm "$S/reject"
    REDRESS_SMTP_USER=sam REDRESS_SMTP_PASSWORD=s3cret r letter send "$want_id" --json
    rc_is 0
    out_has '"attachments": ['
    out_has 'what-we-agreed.pdf'
    [ -f "$S/2.eml" ] && [ ! -f "$S/3.eml" ] || fail "not exactly one more message: $(ls "$S")"
    grep -q "^Message-Id: <$(sqlite3 "$DB" "SELECT message_id FROM mail_outbox WHERE log_id = $want_id")>" "$S/2.eml" ||
        fail "the retry is not the queued message"
    # the demand letter goes the same way, straight from the command that writes it
    REDRESS_SMTP_USER=sam REDRESS_SMTP_PASSWORD=s3cret r letter demand 1 --override "no mediation offered yet" --send
    rc_is 0
    err_has "sent to dana@northwind.example"
    grep -q '^Subject: Formal demand for payment: invoice 2026-031' "$S/3.eml" || fail "no demand letter: $(ls "$S")"
    # what is not a letter is refused, naming why
    r letter send 1
    rc_is 1
    err_has "is not a letter redress wrote"
    r letter send 99
    rc_is 3
    r verify
    rc_is 0
    unset REDRESS_NOW
    smtp_stop
}

test_api_search() {
    web_desk
    serve_up || return
    h "$URL/api/v1/search?q=prices" -H "$(auth)"
    status_is 200
    body_has '"kind":"log"'
    body_has '"snippet_highlights":[['
    h "$URL/api/v1/search?q=%22unclosed" -H "$(auth)"
    status_is 422
    body_has "is not a search"
    h "$URL/api/v1/search?q=prices"
    status_is 401
    serve_down
}

test_api_letter_send() {
    S="$WORK/smtp-api"
    smtp_start "$S"
    web_desk
    "$BIN" --db "$DB" config set me.addresses sam@studio.example >/dev/null
    serve_up || return
    h -X POST "$URL/api/v1/invoices/3/remind" -H "$(auth)" -H 'Content-Type: application/json' -d '{}'
    status_is 200
    log_id=$(printf '%s' "$BODY" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["log_id"])')
    h -X POST "$URL/api/v1/letters/$log_id/send" -H "$(auth)" -H 'Content-Type: application/json' -d '{"pdf": true}'
    status_is 422
    body_has "smtp.url: set the server first"
    serve_down
    "$BIN" --db "$DB" config set smtp.url "smtp://127.0.0.1:$SMTP_PORT" >/dev/null
    serve_up || return
    h -X POST "$URL/api/v1/letters/$log_id/send" -H "$(auth)" -H 'Content-Type: application/json' -d '{"pdf": true}'
    status_is 200
    body_has '"status":"sent"'
    body_has '"attachments":["payment-reminder.pdf"]'
    h -X POST "$URL/api/v1/letters/$log_id/send" -H "$(auth)" -H 'Content-Type: application/json' -d '{}'
    status_is 409
    body_has "was already sent"
    serve_down
    smtp_stop
    [ -f "$S/1.eml" ] && [ ! -f "$S/2.eml" ] || fail "not exactly one message arrived: $(ls "$S")"
}

# The case page mails a letter redress wrote: a bad choice is refused naming the field and
# writes nothing; a failed delivery shows the server's answer and offers the retry, which sends
# the same message; a sent letter shows where it went and offers no second send.
test_case_page_sends_a_letter_by_email() {
    S="$WORK/smtp-page"
    web_desk
    REDRESS_NOW=2026-11-25T09:00:00Z
    export REDRESS_NOW
    "$BIN" --db "$DB" config set me.addresses sam@studio.example >/dev/null
    "$BIN" --db "$DB" config set smtp.url "smtp://127.0.0.1:9" >/dev/null # nothing listens there
    "$BIN" --db "$DB" case want 1 --want "the prices corrected on every board" \
        --goal "the boards go up before the launch" --override "tested out of order" >/dev/null ||
        fail "case want failed"
    id=$(sqlite3 "$DB" "SELECT max(id) FROM log_entries WHERE case_id = 1 AND subject = 'Restatement for confirmation'")
    [ -n "$id" ] || fail "no restatement logged"
    serve_up || return
    signin
    h -b "$JAR" "$URL/cases/1"
    status_is 200
    body_has 'Send it to the client by email'
    body_has "value=\"letter_send-$id\""
    snapshot
    p "/cases/1?entry=$id" --data-urlencode "form=letter_send-$id" --data-urlencode pdf=maybe
    status_is 422
    body_has 'pdf: '
    body_has 'is not yes or no'
    p "/cases/1?entry=4" --data-urlencode "form=letter_send-4"
    status_is 409
    body_has 'is not a letter redress wrote'
    unchanged
    p "/cases/1?entry=$id" --data-urlencode "form=letter_send-$id" --data-urlencode pdf=yes
    [ "$STATUS" -ge 400 ] || fail "a send to a closed port answered HTTP $STATUS"
    body_has 'but not sent'
    h -b "$JAR" "$URL/cases/1"
    body_has 'Not delivered to orders@harbourlane.example yet (1 attempt)'
    body_has 'Try sending it again'
    serve_down
    smtp_start "$S"
    "$BIN" --db "$DB" config set smtp.url "smtp://127.0.0.1:$SMTP_PORT" >/dev/null
    serve_up || return
    signin
    p "/cases/1?entry=$id" --data-urlencode "form=letter_send-$id"
    status_is 303
    head_has "Location: /cases/1?done=letter_send#timeline"
    h -b "$JAR" "$URL/cases/1?done=letter_send"
    body_has 'Letter sent by email; the timeline shows where it went.'
    body_has 'Emailed to orders@harbourlane.example, '
    body_lacks 'Try sending it again'
    body_lacks "value=\"letter_send-$id\""
    h -H "$(auth)" "$URL/api/v1/cases/1"
    body_has '"letter":true'
    body_has '"status":"sent"'
    serve_down
    smtp_stop
    [ -f "$S/1.eml" ] && [ ! -f "$S/2.eml" ] || fail "not exactly one message arrived: $(ls "$S")"
    grep -q 'filename=what-we-agreed.pdf' "$S/1.eml" || fail "the retry lost the PDF of the first try"
    unset REDRESS_NOW
}

# The search page: the box in the header, ranked hits with the matched words marked and
# everything else escaped, filters, paging, and a malformed query refused beside the field.
test_search_page() {
    web_desk
    ri "Harmless <script>alert(1)</script> zebra & <b>bold</b>" log add --client 1 --direction in --channel email --subject "<i>zebra</i> stripes" --text -
    n=0
    while [ $n -lt 24 ]; do
        ri "the zebra number $n" log add --client 2 --direction in --channel email --subject "Zebra $n" --text -
        n=$((n + 1))
    done
    serve_up || return
    signin
    h -b "$JAR" "$URL/"
    status_is 200
    body_has 'id="top-query" name="query"'
    h -b "$JAR" "$URL/search?query=zebra"
    status_is 200
    body_has 'Results 1–20, best first'
    body_has '<mark>zebra</mark>'
    body_has 'rel="next" href="/search?query=zebra&amp;page=2"'
    h -b "$JAR" "$URL/search?query=zebra&page=2"
    status_is 200
    body_has 'Results 21–25, best first'
    body_has 'rel="prev"'
    h -b "$JAR" "$URL/search?query=zebra&client=1"
    status_is 200
    body_has 'Results 1–1, best first'
    body_has 'value="1"'
    body_has '&lt;script&gt;alert(1)&lt;/script&gt; <mark>zebra</mark> &amp; &lt;b&gt;bold&lt;/b&gt;'
    body_has '&lt;i&gt;<mark>zebra</mark>&lt;/i&gt; stripes'
    body_lacks '<script>alert'
    body_lacks '<b>bold'
    h -b "$JAR" "$URL/search?query=%22unclosed"
    status_is 422
    body_has 'id="search-query-error">query: '
    body_has 'is not a search'
    body_has 'aria-invalid="true"'
    body_has 'value="&quot;unclosed"'
    h -b "$JAR" "$URL/search?query=zebra&since=yesterday-ish"
    status_is 422
    body_has 'id="search-since-error">since: '
    h "$URL/search?query=zebra"
    status_is 303 # not signed in: to the sign-in page
    serve_down
}

test_today_mail_sends_the_digest() {
    S="$WORK/smtp-digest"
    smtp_start "$S"
    fresh
    r today --mail
    rc_is 1
    err_has "smtp.url: set the server first"
    r config set me.addresses "sam@studio.example"
    r config set smtp.url "smtp://127.0.0.1:$SMTP_PORT"
    r client add --name "Priya Shah" --email priya@harbourlane.example
    ri "The boards are wrong." case open --client 1 --channel email --received 2026-11-01T08:00Z --text -
    r today --mail
    rc_is 0
    out_has "today's digest sent to sam@studio.example"
    smtp_stop
    [ "$(sed -n 2p "$S/1.env")" = sam@studio.example ] || fail "not sent to me: $(cat "$S/1.env")"
    tr -d '\r' <"$S/1.eml" | grep -q '^Subject: redress: today, ' || fail "subject: $(grep Subject "$S/1.eml")"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM log_entries WHERE direction = 'out'")" = 0 ] ||
        fail "the digest was logged as an exchange with a client"
}
