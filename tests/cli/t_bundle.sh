# t_bundle.sh — evidence bundles: `case export` writes a PDF a mediator reads (checked with
# pdftotext for the terms, amounts, dates, names and every entry's hash) and `verify --bundle`
# recomputes it all without a desk; one changed byte in any file of it, an edited entry, an
# added file or a wrong signing key makes it fail naming the file.

bundle_text() { pdftotext -layout "$1/evidence.pdf" - 2>/dev/null; }

# bundle_desk: the demo's case 3 taken to mediation, a demand letter and termination, with a
# contract attached, exported to $WORK/b.
bundle_desk() {
    REDRESS_NOW=2026-11-25T09:00:00Z
    export REDRESS_NOW
    fresh
    r demo
    r invoice remind 3 && rc_is 0
    r escalate 3 --level mediation --reason "Disputed revisions on invoice 2026-031" \
        --mediator "Harbourside Mediation" --date 2026-12-01
    rc_is 0
    r letter demand 3 --pursuit-cost 900 && rc_is 0
    printf 'Contract: two rounds of revisions included.\n' >"$WORK/contract.txt"
    r attach 3 "$WORK/contract.txt" && rc_is 0
    # another client's exchange after the case's first entry: in the stretch, words hidden
    ri "Only the bakery's words" log add --client 1 --direction in --channel email \
        --subject "Private to the bakery" --text -
    rc_is 0
    rm -rf "$WORK/b"
    r case export 3 --out "$WORK/b"
    rc_is 0
}

# verify_bundle DIR: verify --bundle with no desk at all (a mediator's machine).
verify_bundle() {
    "$BIN" --db "$WORK/no-such-desk.db" verify --bundle "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
    RC=$?
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
}

# flip FILE: changes one bit of the byte in the middle of FILE.
flip() {
    off=$(($(stat -c %s "$1") / 2))
    byte=$(od -An -tu1 -j "$off" -N1 "$1" | tr -d ' ')
    printf "$(printf '\\%03o' $((byte ^ 1)))" | dd of="$1" bs=1 seek="$off" conv=notrunc 2>/dev/null
}

test_bundle_reads_for_a_mediator_and_verifies() {
    bundle_desk
    out_has "redress verify --bundle $WORK/b"
    for f in case.json entries.json evidence.pdf MANIFEST head.json; do
        [ -f "$WORK/b/$f" ] || fail "no $f"
    done
    (cd "$WORK/b" && b2sum -l 256 -c MANIFEST >/dev/null) || fail "b2sum does not check MANIFEST"
    text=$(bundle_text "$WORK/b")
    for want in "Evidence: case 3, Northwind Analytics" "Quarterly report design" \
        "Layout of the Q3 investor report, 40 pages" "5,200.00 USD" "400.00 USD" "2 included" \
        "2026-10-15" "Harbourside" "2026-12-01" "2,600.00 USD" \
        "Formal demand for payment" "Dana Whitfield" "contract.txt (44 bytes, text/plain)"; do
        printf '%s' "$text" | grep -qF -- "$want" || fail "evidence.pdf lacks '$want'"
    done
    printf '%s' "$text" | grep -qF "Only the bakery" && fail "another client's words in the PDF"
    grep -qF "Only the bakery" "$WORK/b/entries.json" && fail "another client's words in entries.json"
    # every entry of the case, and the attachment, with its hash as written
    hashes=$(sqlite3 "$DB" "SELECT hash FROM log_entries WHERE case_id = 3 OR (client_id = 3 AND case_id IS NULL AND id >= 3)
        UNION ALL SELECT hash FROM attachments WHERE case_id = 3")
    [ "$(printf '%s\n' "$hashes" | wc -l)" -ge 4 ] || fail "too few hashes: $hashes"
    for h in $hashes; do
        printf '%s' "$text" | grep -qF "$h" || fail "evidence.pdf lacks hash $h"
    done
    verify_bundle "$WORK/b"
    rc_is 0
    out_has "ok: bundle of case 3"
    out_has "4 files match MANIFEST"
    out_has "unsigned:"
    verify_bundle "$WORK/b" --json
    out_is_json
    # the export is in the audit trail, and the desk still verifies
    r verify
    rc_is 0
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit_entries WHERE action = 'case.export'")" = 1 ] ||
        fail "the export was not audited"
    # the same command under the exports' name writes a bundle that verifies too
    r export case 3 --out "$WORK/b2"
    rc_is 0
    verify_bundle "$WORK/b2"
    [ "$RC" = 0 ] || fail "export case's bundle does not verify: $ERR"
    unset REDRESS_NOW
}

test_bundle_fails_on_any_changed_byte() {
    bundle_desk
    for f in entries.json case.json evidence.pdf "attachments/1-contract.txt" MANIFEST head.json; do
        rm -rf "$WORK/t"
        cp -r "$WORK/b" "$WORK/t"
        flip "$WORK/t/$f"
        cmp -s "$WORK/b/$f" "$WORK/t/$f" && fail "flip did not change $f"
        verify_bundle "$WORK/t"
        rc_is 1
        err_has "$f"
    done
    # an entry's words edited with the JSON kept tidy: named by its entry
    rm -rf "$WORK/t"
    cp -r "$WORK/b" "$WORK/t"
    sed -i 's/will not pay the balance/will now pay the balance/' "$WORK/t/entries.json"
    verify_bundle "$WORK/t"
    rc_is 1
    err_has "entries.json: log entry 3 does not match its hash"
    # a file added, a file removed
    rm -rf "$WORK/t"
    cp -r "$WORK/b" "$WORK/t"
    printf 'late evidence' >"$WORK/t/attachments/2-late.txt"
    verify_bundle "$WORK/t"
    rc_is 1
    err_has "attachments/2-late.txt: not in MANIFEST"
    rm "$WORK/t/attachments/2-late.txt" "$WORK/t/evidence.pdf"
    verify_bundle "$WORK/t"
    rc_is 1
    err_has "evidence.pdf"
    verify_bundle "$WORK/none"
    rc_is 1
    err_has "head.json"
    unset REDRESS_NOW
}

test_bundle_signed_by_the_desk_key() {
    r key init --json
    key=$(printf '%s' "$OUT" | sed -n 's/.*"public_key": "\([0-9a-f]*\)".*/\1/p')
    [ ${#key} = 64 ] || fail "no public key in: $OUT"
    bundle_desk
    verify_bundle "$WORK/b" --key "$key"
    rc_is 0
    out_has "signed: by the Ed25519 key $key"
    r verify --bundle "$WORK/b"
    rc_is 0
    out_has "(this desk's key)"
    out_has "desk: this desk's audit trail holds the head"
    verify_bundle "$WORK/b" --key "$(printf '%s' "$key" | tr '0-9a-f' '1-9a-f0')"
    rc_is 1
    err_has "not by the key given"
    sed -i 's/"sig": "\(.\)/"sig": "X\1/; s/"sig": "X0/"sig": "1/; s/"sig": "X[^"]/"sig": "0/' "$WORK/b/head.json"
    verify_bundle "$WORK/b"
    rc_is 1
    err_has "head.json: the signature of audit entry"
    rm -rf "$XDG_CONFIG_HOME/redress"
    unset REDRESS_NOW
}

test_bundle_refused_leaves_nothing() {
    REDRESS_NOW=2026-11-25T09:00:00Z
    export REDRESS_NOW
    fresh
    r demo
    snapshot
    r case export 99 --out "$WORK/x"
    rc_is 3
    [ -e "$WORK/x" ] && fail "a refused export left $WORK/x"
    unchanged
    mkdir -p "$WORK/y"
    r case export 1 --out "$WORK/y"
    rc_is 4
    err_has "does not exist yet"
    unchanged
    # without --bundle, verify still needs a desk
    "$BIN" --db "$WORK/no-such-desk.db" verify >"$WORK/out" 2>"$WORK/err" </dev/null
    [ $? = 2 ] || fail "verify without a desk: exit $?"
    grep -qF "no database at" "$WORK/err" || fail "verify without a desk: $(cat "$WORK/err")"
    unset REDRESS_NOW
}

test_report_page_and_letters_over_http() {
    web_desk
    r invoice remind 3 && rc_is 0
    sent=$(sqlite3 "$DB" "SELECT max(id) FROM log_entries WHERE direction = 'out'")
    serve_up || return
    signin
    # June to November: six columns; the demo's three complaints all came in November
    h -b "$JAR" "$URL/report?from=2026-06-01&to=2026-11-30"
    status_is 200
    columns=$(printf '%s' "$BODY" | sed -n 's/.*<svg class="chart over-time"\(.*\)/\1/p' |
        sed 's,</svg>.*,,' | grep -o '<rect class="bar"' | wc -l)
    [ "$columns" = 6 ] || fail "over-time chart has $columns columns, wanted 6"
    body_has "<title>2026-11: 3</title>"
    body_has "<title>2026-06: 0</title>"
    body_has "Days from complaint to settled"
    body_lacks "<script>"
    h -b "$JAR" "$URL/report?from=2026-11-31"
    status_is 422
    body_has "from"
    h -b "$JAR" "$URL/report.pdf?from=2026-11-01&to=2026-11-30"
    status_is 200
    head_has "Content-Type: application/pdf"
    head_has 'filename="report-2026-11-01-to-2026-11-30.pdf"'
    pdftotext "$WORK/body" - | grep -qF "Days from complaint to settled" || fail "report.pdf lacks the distribution"
    # what was sent has its PDF on the client's page; the client's own words do not
    h -b "$JAR" "$URL/clients/3"
    body_has "/log/$sent/letter.pdf"
    h -b "$JAR" "$URL/log/$sent/letter.pdf"
    status_is 200
    head_has "Content-Type: application/pdf"
    pdftotext "$WORK/body" - >"$WORK/letter.txt"
    for want in "Payment reminder: invoice 2026-031" "2,600.00 USD" "Northwind Analytics"; do
        grep -qF "$want" "$WORK/letter.txt" || fail "letter.pdf lacks '$want'"
    done
    h -b "$JAR" "$URL/log/1/letter.pdf"
    status_is 409
    h -b "$JAR" "$URL/log/9999/letter.pdf"
    status_is 404
    h "$URL/log/$sent/letter.pdf"
    [ "$STATUS" = 200 ] && fail "a letter was served to someone not signed in"
    serve_down
}
