# t_readme.sh — the README's demo walks must stay true: every `redress` line of the code blocks
# after the "tour" marker runs in order on a fresh desk; a line whose comment says "(exit 1)"
# must be refused, every other line must succeed.

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
    done <"$WORK/tour.txt"
}
