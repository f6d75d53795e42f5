#!/usr/bin/env bash
# Install the Debian packages the test suite needs, only those that are missing.
#
# The tests start their own throwaway servers on free ports (PostgreSQL, Dovecot, Redis) and
# their own browser, so the system-wide services are not needed: while installing, a
# temporary policy-rc.d keeps package scripts from starting them (unless one exists).
# `apt-get update` runs once, and only when something must be installed.
#
# Needs root (or sudo). Non-interactive. Usage: scripts/install-system-deps.sh

set -euo pipefail

# ---------------------------------------------------------------------------------------
# PACKAGES: "<debian package>:<what proves it is installed>". The check is a command
# name (looked up with command -v, also under /usr/lib/postgresql/*/bin) or, when it
# starts with "dpkg:", just the package's dpkg status. Add new system dependencies here.
# ---------------------------------------------------------------------------------------
PACKAGES=(
    "postgresql:initdb"             # throwaway PostgreSQL clusters (tests/harness/postgres.py)
    "dovecot-core:dovecot"          # IMAP server for the mailbox tests (issue: hotline mailbox)
    "dovecot-imapd:dpkg:dovecot-imapd"
    "chromium:chromium"             # browser tests of the web console / web chat
    "chromium-driver:chromedriver"
    "redis-server:redis-server"     # Rasa's lock store for several assistant servers (tests
                                    # start their own on a free port: tests/harness/redis.py)
)

log() { printf '[system-deps] %s\n' "$*"; }
die() {
    printf '[system-deps] ERROR: %s\n' "$*" >&2
    exit 1
}

installed() { # installed CHECK
    local check="$1"
    if [[ "$check" == dpkg:* ]]; then
        dpkg-query -W -f='${db:Status-Status}' "${check#dpkg:}" 2>/dev/null | grep -qx installed
        return
    fi
    command -v "$check" >/dev/null 2>&1 && return 0
    compgen -G "/usr/lib/postgresql/*/bin/$check" >/dev/null
}

main() {
    local missing=() entry pkg check
    for entry in "${PACKAGES[@]}"; do
        pkg="${entry%%:*}"
        check="${entry#*:}"
        if ! installed "$check" || ! dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -qx installed; then
            missing+=("$pkg")
        fi
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "all present: $(printf '%s ' "${PACKAGES[@]%%:*}")(${SECONDS}s)"
        return 0
    fi
    log "missing: ${missing[*]}"

    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || die "not root and no sudo: install as root: apt-get install ${missing[*]}"
        sudo=(sudo -n)
    fi
    command -v apt-get >/dev/null || die "apt-get not found; install these packages by hand: ${missing[*]}"

    # Keep package scripts from starting system-wide services (the tests run their own).
    local policy=/usr/sbin/policy-rc.d own_policy=0
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\n# temporary, from scripts/install-system-deps.sh\nexit 101\n' |
            "${sudo[@]}" tee "$policy" >/dev/null
        "${sudo[@]}" chmod 755 "$policy"
        own_policy=1
        # Expanded now on purpose: the trap runs after main's locals are gone.
        # shellcheck disable=SC2064
        trap "${sudo[*]} rm -f $policy" EXIT
    fi

    export DEBIAN_FRONTEND=noninteractive
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold
        -o DPkg::Lock::Timeout=600)
    local logfile
    logfile="$(mktemp "${TMPDIR:-/tmp}/pakn-system-deps.XXXXXX.log")"
    log "apt-get update ..."
    if ! "${apt[@]}" update >"$logfile" 2>&1; then
        tail -n 30 "$logfile" >&2
        die "apt-get update failed (log: $logfile)"
    fi
    log "apt-get install ${missing[*]} ..."
    if ! "${apt[@]}" install --no-install-recommends "${missing[@]}" >>"$logfile" 2>&1; then
        tail -n 40 "$logfile" >&2
        die "apt-get install failed (log: $logfile)"
    fi
    if [[ "$own_policy" == 1 ]]; then
        log "(a temporary policy-rc.d kept the package scripts from starting services)"
    fi
    rm -f "$logfile"
    # Debian enables redis-server's system service (127.0.0.1:6379) for the next boot:
    # the tests start their own, and `pakn run` starts one for PAKN_REDIS_URL on
    # localhost only when nothing listens there, so a system-wide one is not wanted.
    if [[ " ${missing[*]} " == *" redis-server "* ]] && [[ -d /run/systemd/system ]]; then
        "${sudo[@]}" systemctl disable --now redis-server.service >/dev/null 2>&1 || true
        log "redis-server's system service disabled (start one yourself if you want it)"
    fi
    for entry in "${PACKAGES[@]}"; do
        installed "${entry#*:}" || die "${entry%%:*} installed but '${entry#*:}' not found"
    done
    log "installed ${missing[*]} (${SECONDS}s)"
}

main "$@"
