# t_pdf.sh — letters as PDF (--pdf FILE): each one turned back to text with pdftotext and checked
# for its amounts, dates, names and references; one page rendered with pdftoppm; names in Greek,
# Devanagari and Arabic; the file private and never overwritten; paper from config.

pdf_text() { pdftotext -layout "$1" - 2>/dev/null; }
pdf_has() { pdf_text "$1" | grep -qF -- "$2" || fail "$1 lacks '$2': $(pdf_text "$1" | head -20)"; }

test_pdf_demand_letter_in_any_script() {
    REDRESS_NOW=2026-11-25T09:00:00Z
    export REDRESS_NOW
    fresh
    r demo
    r config set me.name "Ζωή Παπαδοπούλου" && rc_is 0
    r config set me.business "प्रिया डिज़ाइन" && rc_is 0
    r config set me.address "شارع النيل ١٢، القاهرة" && rc_is 0
    r config set me.email "zoe@example.com" && rc_is 0
    r letter demand 3 --override "client silent" --pursuit-cost 300 --pdf "$WORK/demand.pdf"
    rc_is 0
    out_has "Formal demand for payment"
    [ "$(stat -c %a "$WORK/demand.pdf")" = 600 ] || fail "pdf mode $(stat -c %a "$WORK/demand.pdf")"
    for want in "Formal demand for payment" "Date: 2026-11-25" "Northwind Analytics" \
        "Invoice 2026-031 of 2026-10-16" "2,600.00 USD" "by 2026-12-09" "Ζωή Παπαδοπούλου" \
        "प्रिया" "شارع" "zoe@example.com" "Page 1 of 1"; do
        pdf_has "$WORK/demand.pdf" "$want"
    done
    pdffonts "$WORK/demand.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' ||
        fail "a font is not embedded: $(pdffonts "$WORK/demand.pdf")"
    pdfinfo "$WORK/demand.pdf" | grep -q "(A4)" || fail "not A4: $(pdfinfo "$WORK/demand.pdf")"
    pdftoppm -r 40 -png -f 1 -l 1 "$WORK/demand.pdf" "$WORK/page" || fail "pdftoppm failed"
    [ "$(stat -c %s "$WORK/page-1.png" 2>/dev/null || echo 0)" -gt 2000 ] || fail "page not rendered"
    # an existing file stops the letter before anything is logged
    snapshot
    r letter demand 3 --override "client silent" --pdf "$WORK/demand.pdf"
    rc_is 4
    err_has "pdf:"
    unchanged
    unset REDRESS_NOW
}

test_pdf_reminder_notice_and_restatement() {
    REDRESS_NOW=2026-11-25T09:00:00Z
    export REDRESS_NOW
    fresh
    r demo
    r config set paper a5
    rc_is 1
    err_has "paper"
    r config set paper letter && rc_is 0
    r invoice remind 3 --override "test" --pdf "$WORK/remind.pdf"
    rc_is 0
    pdf_has "$WORK/remind.pdf" "2026-031"
    pdf_has "$WORK/remind.pdf" "2,600.00 USD"
    pdf_has "$WORK/remind.pdf" "Date: 2026-11-25"
    pdf_has "$WORK/remind.pdf" "Payment reminder: invoice 2026-031"
    pdfinfo "$WORK/remind.pdf" | grep -q "612 x 792" || fail "not US Letter: $(pdfinfo "$WORK/remind.pdf")"
    r case want 1 --want "the boards reprinted" --goal "the counter opens Saturday" \
        --override "test" --pdf "$WORK/want.pdf"
    rc_is 0
    pdf_has "$WORK/want.pdf" "the boards reprinted"
    pdf_has "$WORK/want.pdf" "What you want (case 1)"
    pdf_has "$WORK/want.pdf" "You want the boards reprinted so that the counter opens"
    r terminate 2 --pdf "$WORK/t.pdf"
    rc_is 2
    err_has "--pdf"
    [ -e "$WORK/t.pdf" ] && fail "a refused command left a file"
    r terminate 1 --reason "Repeated late payment" --confirm --override "test" --pdf "$WORK/t.pdf"
    rc_is 1
    [ -e "$WORK/t.pdf" ] && fail "a refused notice left a file"
    r terminate 1 --handover project:1 --note "files sent to the client" && rc_is 0
    r terminate 1 --reason "Repeated late payment" --confirm --override "test" --pdf "$WORK/t.pdf"
    rc_is 0
    pdf_has "$WORK/t.pdf" "Repeated late payment"
    pdf_has "$WORK/t.pdf" "Harbour Lane Bakery"
    unset REDRESS_NOW
}

test_pdf_report_with_tables_and_bars() {
    REDRESS_NOW=2026-11-25T09:00:00Z
    export REDRESS_NOW
    fresh
    r demo
    r report --from 2026-11-01 --to 2026-11-30 --pdf "$WORK/report.pdf"
    rc_is 0
    [ "$(stat -c %a "$WORK/report.pdf")" = 600 ] || fail "pdf mode $(stat -c %a "$WORK/report.pdf")"
    for want in "Report 2026-11-01 to 2026-11-30" "What keeps going wrong" "not identified yet" \
        "2026-11" "Northwind Analytics" "Page 1 of 1"; do
        pdf_has "$WORK/report.pdf" "$want"
    done
    # the same figures as the text report: one case answered after 1.3 hours, nothing paid
    pdf_text "$WORK/report.pdf" | grep -q "Harbour Lane Bakery  *0  *0.00 EUR  *0.00 GBP" ||
        fail "cost row: $(pdf_text "$WORK/report.pdf" | grep "Harbour")"
    pdf_text "$WORK/report.pdf" | grep -q "first reply  *1.3 h  *1.3 h  *1" ||
        fail "first reply row: $(pdf_text "$WORK/report.pdf" | grep "first reply")"
    r report --from 2026-11-30 --to 2026-11-01 --pdf "$WORK/bad.pdf"
    rc_is 1
    err_has "from"
    [ -e "$WORK/bad.pdf" ] && fail "a refused report left a file"
    unset REDRESS_NOW
}
