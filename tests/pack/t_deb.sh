#!/bin/sh
# t_deb.sh DEB — the Debian package as a user meets it: unpacked into a scratch root (dpkg -x,
# the files exactly as dpkg would install them), the installed binary runs the first steps of
# the README, the manual pages and completion scripts are where man and the shells look, the
# dependencies name the shared libraries, and removing the package cannot touch user data (it
# has no maintainer scripts). Ends with "N passed, N failed" like the other runners.
set -u
deb=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT INT TERM
passed=0
failed=0
check() {
    name=$1
    shift
    if "$@" >"$root/.out" 2>&1; then
        passed=$((passed + 1))
        echo "ok   deb: $name"
    else
        failed=$((failed + 1))
        echo "FAIL deb: $name"
        sed 's/^/    /' "$root/.out" | head -20
    fi
}

dpkg -x "$deb" "$root/fs"
bin=$root/fs/usr/bin/redress

first_steps() {
    db=$root/desk.db
    "$bin" --db "$db" init && "$bin" --db "$db" demo && "$bin" --db "$db" case list |
        grep -q "Harbour Lane Bakery"
}
files_in_place() {
    for f in usr/share/man/man1/redress.1.gz usr/share/man/man7/redress-playbook.7.gz \
        usr/share/bash-completion/completions/redress usr/share/zsh/vendor-completions/_redress \
        usr/share/doc/redress/copyright; do
        [ -f "$root/fs/$f" ] || { echo "missing /$f"; return 1; }
    done
}
man_page_renders() {
    command -v man >/dev/null || return 0
    man -l "$root/fs/usr/share/man/man1/redress.1.gz" | grep -q "redress case open"
}
depends_on_libraries() {
    deps=$(dpkg-deb -f "$deb" Depends)
    echo "Depends: $deps"
    for lib in libsqlite3 libsodium libjansson libmicrohttpd libgmime libcurl libical libc6; do
        printf '%s' "$deps" | grep -q "$lib" || { echo "Depends lacks $lib"; return 1; }
    done
}
no_maintainer_scripts() {
    dpkg-deb -e "$deb" "$root/control"
    for s in preinst postinst prerm postrm; do
        [ -e "$root/control/$s" ] && { echo "has a $s script"; return 1; }
    done
    return 0
}
version_matches() {
    v=$(dpkg-deb -f "$deb" Version)
    "$bin" --version | grep -q "^redress $v " || { "$bin" --version; echo "package $v"; return 1; }
}

units_verify() {
    command -v systemd-analyze >/dev/null || return 0
    ex=$root/fs/usr/share/doc/redress/examples
    mkdir -p "$root/units"
    for u in redress.service redress-backup.service redress-backup.timer; do
        [ -f "$ex/$u" ] || { echo "missing examples/$u"; return 1; }
        # the binary is where dpkg -x put it; Documentation= names a page man cannot find there
        sed -e "s|/usr/bin/redress|$bin|g" -e '/^Documentation=/d' "$ex/$u" >"$root/units/$u"
    done
    systemd-analyze verify "$root/units/redress.service" "$root/units/redress-backup.service" \
        "$root/units/redress-backup.timer" || return 1
    for u in redress.service redress-backup.service; do
        level=$(systemd-analyze security --offline=yes "$root/units/$u" 2>/dev/null |
            sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
        echo "$u exposure $level"
        awk -v l="$level" 'BEGIN { exit !(l != "" && l <= 2.5) }' || return 1
    done
}

check "the installed binary runs init, demo and case list" first_steps
check "man pages, completions and copyright are installed" files_in_place
check "man redress renders the command list" man_page_renders
check "Depends names the shared libraries" depends_on_libraries
check "removing it cannot touch user data (no maintainer scripts)" no_maintainer_scripts
check "the binary's version is the package's" version_matches
check "the service units verify and are hardened (exposure <= 2.5)" units_verify
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
