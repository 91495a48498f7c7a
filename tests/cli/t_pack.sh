# t_pack.sh — what a packaged redress offers beside its commands: the manual page and completion
# scripts generated from the command table, --version, and `redress backup`.

# The commands `redress --help` lists, one per line ("case concern add").
help_commands() { "$BIN" --help | sed -n 's/^  \([a-z][a-z ]*[a-z]\)  .*/\1/p' | sed 's/ *$//'; }

test_man_page_lists_every_command() {
    "$BIN" --man >"$WORK/redress.1" || fail "--man failed"
    n=0
    for c in $(help_commands | tr ' ' '_'); do
        w=$(printf '%s' "$c" | tr '_' ' ')
        grep -qF ".SS \"redress $w" "$WORK/redress.1" || fail "man page lacks '$w'"
        n=$((n + 1))
    done
    [ "$n" -gt 50 ] || fail "only $n commands read from --help"
    for s in ".SH ENVIRONMENT" "REDRESS_DB" ".SH EXIT STATUS" ".SH FILES" "redress\\-playbook"; do
        grep -qF -- "$s" "$WORK/redress.1" || fail "man page lacks '$s'"
    done
    # every option of one command is there, and the page renders without roff warnings
    grep -qF '\-\-extra\-revision\-price' "$WORK/redress.1" || fail "project add options missing"
    if command -v man >/dev/null; then
        MANWIDTH=80 man --warnings -l "$WORK/redress.1" >"$WORK/man.txt" 2>"$WORK/man.err" ||
            fail "man -l failed"
        [ -s "$WORK/man.err" ] && fail "roff warnings: $(head -3 "$WORK/man.err")"
        grep -q "redress case concern add" "$WORK/man.txt" || fail "rendered page lacks a command"
    fi
    return 0
}

test_playbook_man_page_names_every_stage() {
    page="$HERE/../../docs/redress-playbook.7"
    [ -f "$page" ] || { fail "docs/redress-playbook.7 missing"; return; }
    fresh
    r case list --stage none-such # the error lists the stages the desk knows
    stages=$(printf '%s' "$ERR" | sed -n 's/.*is not one of //p' | tr -d ',')
    [ -n "$stages" ] || fail "could not read the stages from: $ERR"
    for s in $stages; do
        grep -qw "$s" "$page" || fail "redress-playbook(7) does not explain the stage '$s'"
    done
    if command -v man >/dev/null; then
        man --warnings -l "$page" >/dev/null 2>"$WORK/man7.err" || fail "man -l failed"
        [ -s "$WORK/man7.err" ] && fail "roff warnings: $(head -3 "$WORK/man7.err")"
    fi
    return 0
}

test_bash_completion_completes_commands_and_ids() {
    command -v bash >/dev/null || return 0
    fresh
    r client add --name "Harbour Lane Bakery"
    r case open --client 1 --channel email
    "$BIN" --completion bash >"$WORK/comp.bash"
    cat >"$WORK/try.bash" <<TRY
set -e
PATH="$(dirname "$BIN"):\$PATH"
. "$WORK/comp.bash"
complete -p redress
t() { COMP_WORDS=("\$@"); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1)); _redress; echo "\${COMPREPLY[*]}"; }
t redress cas
t redress case con
t redress case next --
t redress --db "$DB" case next ""
t redress --db "$DB" case open --client ""
TRY
    bash "$WORK/try.bash" >"$WORK/comp.out" 2>"$WORK/comp.err" || fail "bash: $(cat "$WORK/comp.err")"
    sed -n 2p "$WORK/comp.out" | grep -qx "case" || fail "'cas' did not complete to case: $(cat "$WORK/comp.out")"
    sed -n 3p "$WORK/comp.out" | grep -qx "concern confirm" || fail "'case con': $(sed -n 3p "$WORK/comp.out")"
    sed -n 4p "$WORK/comp.out" | grep -q -- "--json" || fail "options: $(sed -n 4p "$WORK/comp.out")"
    sed -n 5p "$WORK/comp.out" | grep -qx "1" || fail "open case id: $(sed -n 5p "$WORK/comp.out")"
    sed -n 6p "$WORK/comp.out" | grep -qx "1" || fail "client id: $(sed -n 6p "$WORK/comp.out")"
}

test_zsh_completion_script_loads() {
    command -v zsh >/dev/null || return 0
    "$BIN" --completion zsh >"$WORK/_redress"
    zsh -f -c "autoload -Uz compinit && compinit -u -d '$WORK/zcd' && . '$WORK/_redress' && \
        [[ \${_comps[redress]} == _redress ]]" >"$WORK/zsh.err" 2>&1 ||
        fail "zsh: $(cat "$WORK/zsh.err")"
}

test_version_names_commit_and_libraries() {
    r --version
    rc_is 0
    out_has "redress 0.1.0 (commit "
    out_has "SQLite 3."
    out_has "libsodium "
    out_has "libmicrohttpd 0."
    out_lacks "missing"
}

# The server, mail, PDF and calendar code are modules the program opens when a command needs
# them: a command that does not need one runs without it, one that does says which is missing,
# where it looked and what to do, and changes nothing.
test_modules_load_only_when_needed() {
    fresh
    r demo
    snapshot
    REDRESS_MODULE_DIR=$WORK/no-modules
    export REDRESS_MODULE_DIR
    r case list
    rc_is 0
    out_has "Harbour Lane Bakery"
    r calendar export
    rc_is 4
    err_has "module: redress-calendar.so (libical"
    err_has "looked in $WORK/no-modules"
    err_has "REDRESS_MODULE_DIR"
    r --version
    out_has "calendar missing"
    unset REDRESS_MODULE_DIR
    unchanged
    r calendar export
    rc_is 0
    out_has "BEGIN:VCALENDAR"
}

test_backup_verifies_and_keeps_newest() {
    fresh
    r client add --name "Harbour Lane Bakery"
    r backup --to "$WORK/bk" --keep 2
    rc_is 0
    out_has "verified:"
    [ "$(stat -c %a "$WORK/bk")" = 700 ] || fail "backup folder mode $(stat -c %a "$WORK/bk")"
    f=$(ls "$WORK/bk"/redress-*.db | head -1)
    [ "$(stat -c %a "$f")" = 600 ] || fail "backup file mode $(stat -c %a "$f")"
    "$BIN" --db "$f" client list | grep -q "Harbour Lane" || fail "the copy lacks the client"
    "$BIN" --db "$f" verify >/dev/null || fail "the copy does not verify"
    r backup --to "$WORK/bk" --keep 2
    r backup --to "$WORK/bk" --keep 2 --json
    out_has '"removed": 1'
    [ "$(ls "$WORK/bk"/redress-*.db | wc -l)" = 2 ] || fail "kept $(ls "$WORK/bk" | wc -l) copies, wanted 2"
}

test_backup_refuses_bad_input_and_writes_nothing() {
    fresh
    : >"$WORK/notadir"
    snapshot
    r backup --to "$WORK/notadir"
    rc_is 1
    err_has "to: "
    r backup --to "$WORK/bk2" --keep 0
    rc_is 1
    err_has "keep"
    [ -e "$WORK/bk2" ] && fail "a folder was created for a refused backup"
    unchanged
}

test_backup_while_another_process_writes() {
    fresh
    r client add --name "Busy client"
    ( i=0; while [ $i -lt 40 ]; do
        printf "message %s" "$i" | "$BIN" --db "$DB" log add --client 1 --direction in --channel email --text - \
            >/dev/null 2>&1; i=$((i + 1)); done ) &
    writer=$!
    n=0
    while [ $n -lt 5 ]; do
        r backup --to "$WORK/bkw" --keep 10
        rc_is 0
        n=$((n + 1))
    done
    wait $writer
    for f in "$WORK/bkw"/redress-*.db; do
        "$BIN" --db "$f" verify >/dev/null 2>&1 || fail "$f does not verify"
    done
}
