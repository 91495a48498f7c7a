# t_readme.sh — the README's demo walks must stay true: every `redress` line of the code blocks
# after the "tour" marker runs in order on a fresh desk; a line whose comment says "(exit 1)"
# must be refused, every other line must succeed. `today` must show the day's list and `case show
# 1`, at the end of the first walk, the whole case.

test_readme_tour_runs() {
    readme_tour_lines "$WORK/tour.txt"
    [ "$(grep -c redress "$WORK/tour.txt")" -gt 30 ] || fail "README tour not found"
    DB="$WORK/readme.db"
    export BIN DB
    n=0
    while IFS= read -r line; do
        case "$line" in export*) continue ;; esac
        want=0
        case "$line" in *"(exit 1)"*) want=1 ;; esac
        cmd=$(printf '%s' "$line" | sed -e 's/[[:space:]]*#.*$//' -e 's|redress |"$BIN" --db "$DB" |g')
        REDRESS_NOW=2026-11-25T09:00:00Z sh -c "$cmd" >"$WORK/out" 2>"$WORK/err" </dev/null
        got=$?
        n=$((n + 1))
        [ "$got" = "$want" ] || fail "README line $n exited $got, wanted $want: $line ($(head -c 300 "$WORK/err"))"
        # the walk shows the day's list and, at the end of the first walk, the whole case
        case "$line" in
        "redress today"*)
            grep -q "^Today, 2026-11-25" "$WORK/out" || fail "README today shows no day: $(head -c 300 "$WORK/out")"
            seen_today=1 ;;
        "redress case show 1"*)
            for part in "Concerns (P4)" "Restatement (P7)" "Offers" "Commitments (P9)" \
                "Feedback (P10)" "Lesson (P11)" "Communication timeline"; do
                grep -qF "$part" "$WORK/out" || fail "README case show lacks $part"
            done
            seen_case=1 ;;
        esac
    done <"$WORK/tour.txt"
    [ "${seen_today:-0}" = 1 ] || fail "README walk does not run redress today"
    [ "${seen_case:-0}" = 1 ] || fail "README walk does not show the whole case (case show 1)"
}
