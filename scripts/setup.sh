#!/usr/bin/env bash
# Create (or refresh) the project's two Python environments.
#
#   .venv       Python >= 3.11 (3.11 preferred): the product, `pip install -e '.[dev]'`
#               constrained by requirements/product.txt.
#   .venv-rasa  Python 3.10: `rasa==3.6.21` only, constrained by requirements/rasa.txt.
#               Rasa Open Source 3.6 needs Python < 3.11 and pins old libraries, so it
#               lives in its own environment and only trains and serves the assistant.
#
# Idempotent: each venv holds a stamp file (.pakn-stamp) with the sha256 of its inputs
# (pyproject.toml / lock file / interpreter version / package layout). When the stamp
# matches, the venv is left untouched, so a second run takes about a second.
#
# Environment knobs:
#   PAKN_PYTHON310=/path/python3.10   use this interpreter for .venv-rasa
#   PAKN_PYTHON311=/path/python3.11   use this interpreter for .venv
#   PAKN_SETUP_CLEAN=1                delete and recreate both venvs
#
# If a lock file is missing, the venv is installed unconstrained and the lock file is
# written from it (pip freeze). scripts/lock.sh regenerates the lock files from scratch.
#
# This file can also be sourced (scripts/lock.sh does) to reuse its functions.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RASA_VERSION="3.6.21"
PRODUCT_VENV="$ROOT/.venv"
RASA_VENV="$ROOT/.venv-rasa"
PRODUCT_LOCK="$ROOT/requirements/product.txt"
RASA_LOCK="$ROOT/requirements/rasa.txt"
STAMP_NAME=".pakn-stamp"
# Bump when this script changes how a venv is built, to force a rebuild everywhere.
STAMP_FORMAT="pakn-setup-1"
# pip's noise on this machine family: a system pip.conf lists local mirrors that do not
# hold every project. Filtered from what we show, kept in the full log.
PIP_NOISE_RE="^WARNING: Location '.*' is ignored: it is neither a file nor a directory\.$"

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off

log() { printf '[setup] %s\n' "$*"; }
die() {
    printf '[setup] ERROR: %s\n' "$*" >&2
    exit 1
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

# run_logged LOGFILE CMD...: run CMD with its output in LOGFILE. On failure print the
# end of the log without pip's mirror noise, so the real error is visible. On success
# show any remaining warnings (few; they may matter).
run_logged() {
    local logfile="$1"
    shift
    printf '\n$ %s\n' "$*" >>"$logfile"
    local rc=0
    "$@" >>"$logfile" 2>&1 || rc=$?
    if [[ "$rc" == "0" ]]; then
        local extra
        extra="$(grep -v -E "$PIP_NOISE_RE" "$logfile" | grep -E '^(WARNING|ERROR)' | head -n 20 || true)"
        if [[ -n "$extra" ]]; then
            printf '%s\n' "$extra" | sed 's/^/[setup]   pip: /'
        fi
        return 0
    fi
    printf '[setup] command failed (exit %s): %s\n' "$rc" "$*" >&2
    printf '[setup] last lines of %s (mirror warnings removed):\n' "$logfile" >&2
    grep -v -E "$PIP_NOISE_RE" "$logfile" | tail -n 40 | sed 's/^/    /' >&2
    return "$rc"
}

# python_info PY: print "X.Y<TAB>full version<TAB>real executable" or fail.
python_info() {
    "$1" -c 'import sys; print("%d.%d\t%s\t%s" % (sys.version_info[0], sys.version_info[1], sys.version.split()[0], sys.executable))' 2>/dev/null
}

# candidates_for X.Y: interpreter paths to try, best first (PATH, then pyenv trees).
candidates_for() {
    local v="$1" dir
    command -v "python$v" 2>/dev/null || true
    for dir in "${PYENV_ROOT:-}" /root/.pyenv "${HOME:-/nonexistent}/.pyenv"; do
        [[ -n "$dir" && -d "$dir/versions" ]] || continue
        # Newest patch release first.
        find "$dir/versions" -maxdepth 1 -name "$v.*" -printf '%f\n' 2>/dev/null |
            grep -E "^$v\.[0-9]+$" | sort -t. -k3,3nr |
            while read -r ver; do
                echo "$dir/versions/$ver/bin/python$v"
            done || true
    done
    [[ -x "/usr/bin/python$v" ]] && echo "/usr/bin/python$v"
    [[ -x "/usr/local/bin/python$v" ]] && echo "/usr/local/bin/python$v"
    return 0
}

# find_python X.Y...: print the real executable of the first working interpreter whose
# version is one of X.Y (in order of preference) and which can create venvs.
find_python() {
    local want cand info
    for want in "$@"; do
        while read -r cand; do
            [[ -n "$cand" && -x "$cand" ]] || continue
            info="$(python_info "$cand")" || continue # e.g. a pyenv shim with no version
            [[ "${info%%$'\t'*}" == "$want" ]] || continue
            "$cand" -c 'import venv, ensurepip' 2>/dev/null || continue
            printf '%s\n' "${info##*$'\t'}"
            return 0
        done < <(candidates_for "$want")
    done
    return 1
}

resolve_pythons() {
    if [[ -n "${PAKN_PYTHON310:-}" ]]; then
        [[ "$(python_info "$PAKN_PYTHON310" | cut -f1)" == "3.10" ]] ||
            die "PAKN_PYTHON310=$PAKN_PYTHON310 is not a working Python 3.10"
        PY310="$PAKN_PYTHON310"
    else
        PY310="$(find_python 3.10)" || die "Python 3.10 not found (needed by Rasa 3.6 in .venv-rasa).
  Looked for python3.10 on PATH and under \$PYENV_ROOT, /root/.pyenv and ~/.pyenv.
  Install it with pyenv:   pyenv install 3.10.13
  or on Ubuntu 22.04:      apt install python3.10 python3.10-venv
  (Debian 12 ships no python3.10 package; use pyenv there), or set PAKN_PYTHON310=/path/to/python3.10"
    fi
    if [[ -n "${PAKN_PYTHON311:-}" ]]; then
        local v
        v="$(python_info "$PAKN_PYTHON311" | cut -f1)" || die "PAKN_PYTHON311=$PAKN_PYTHON311 does not run"
        [[ "${v#3.}" -ge 11 ]] 2>/dev/null || die "PAKN_PYTHON311=$PAKN_PYTHON311 is Python $v; need >= 3.11"
        PY311="$PAKN_PYTHON311"
    else
        PY311="$(find_python 3.11 3.12 3.13 3.14)" || die "Python >= 3.11 not found (needed by the product in .venv).
  Install it with:         apt install python3 python3-venv      (Debian 12: Python 3.11)
  or with pyenv:           pyenv install 3.11.7
  or set PAKN_PYTHON311=/path/to/python3.11"
    fi
}

sha_of() { sha256sum "$@" | cut -d' ' -f1; }

# stamp_product / stamp_rasa: the sha256 of everything that decides a venv's content.
stamp_product() {
    {
        echo "$STAMP_FORMAT"
        echo "root:$ROOT" # the editable install points at this checkout
        python_info "$PY311"
        sha_of "$ROOT/pyproject.toml"
        if [[ -f "$PRODUCT_LOCK" ]]; then sha_of "$PRODUCT_LOCK"; else echo "no-lock"; fi
        # An editable install maps the top-level packages that existed at install time;
        # a package added later (e.g. bot/) needs a reinstall to be importable.
        local d
        for d in intake actions bot; do
            if [[ -d "$ROOT/$d" ]]; then echo "pkg:$d"; fi
        done
    } | sha256sum | cut -d' ' -f1
}

stamp_rasa() {
    {
        echo "$STAMP_FORMAT"
        echo "rasa==$RASA_VERSION"
        python_info "$PY310"
        if [[ -f "$RASA_LOCK" ]]; then sha_of "$RASA_LOCK"; else echo "no-lock"; fi
    } | sha256sum | cut -d' ' -f1
}

venv_current() { # venv_current VENV STAMP: true when the venv exists, works and matches.
    [[ -f "$1/$STAMP_NAME" && "$(cat "$1/$STAMP_NAME")" == "$2" ]] &&
        "$1/bin/python" -c 'pass' 2>/dev/null
}

# new_venv PY VENV LOG: (re)create VENV with PY unless it already runs that interpreter.
new_venv() {
    local py="$1" venv="$2" logfile="$3" want have
    want="$(python_info "$py" | cut -f2)"
    have="$(python_info "$venv/bin/python" | cut -f2 || true)"
    if [[ "${PAKN_SETUP_CLEAN:-0}" == "1" || "$have" != "$want" ]]; then
        rm -rf "$venv"
        run_logged "$logfile" "$py" -m venv "$venv"
    fi
}

freeze_to() { # freeze_to VENV LOCKFILE HEADER: write a lock file from VENV's packages.
    local venv="$1" lock="$2" header="$3" tmp
    mkdir -p "$(dirname "$lock")"
    tmp="$(mktemp)"
    {
        printf '# %s\n' "$header"
        printf '# Python %s. Regenerate with scripts/lock.sh; used as pip constraints (-c).\n' \
            "$(python_info "$venv/bin/python" | cut -f2)"
        "$venv/bin/python" -m pip freeze --all --exclude-editable --exclude pakn 2>/dev/null |
            grep -v -E '^(-e |pakn( |==|@))' | LC_ALL=C sort -f
    } >"$tmp"
    mv "$tmp" "$lock"
}

# unlocked VENV LOCKFILE: print the installed distributions (except pakn) that the lock
# file does not pin, e.g. a dependency added to pyproject.toml since the last lock.
unlocked() {
    "$1/bin/python" - "$2" <<'PY'
import re, sys
from importlib.metadata import distributions
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
pinned = set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==", line)
    if m:
        pinned.add(norm(m.group(1)))
names = {norm(d.metadata["Name"]) for d in distributions() if d.metadata["Name"]}
print(" ".join(sorted(names - pinned - {"pakn"})))
PY
}

# install_product VENV LOGFILE [constrained=1]
install_product() {
    local venv="$1" logfile="$2" constrained="${3:-1}" pip
    pip=("$venv/bin/python" -m pip -q)
    if [[ "$constrained" == "1" && -f "$PRODUCT_LOCK" ]]; then
        run_logged "$logfile" "${pip[@]}" install -c "$PRODUCT_LOCK" pip setuptools wheel
        # Build the editable wheel with the locked setuptools: no build-isolation
        # download, same result every time.
        run_logged "$logfile" "${pip[@]}" install --no-build-isolation -c "$PRODUCT_LOCK" -e "${ROOT}[dev]"
    else
        run_logged "$logfile" "${pip[@]}" install -U pip setuptools wheel
        run_logged "$logfile" "${pip[@]}" install --no-build-isolation -e "${ROOT}[dev]"
    fi
}

# install_rasa VENV LOGFILE [constrained=1]
install_rasa() {
    local venv="$1" logfile="$2" constrained="${3:-1}" pip
    pip=("$venv/bin/python" -m pip -q)
    if [[ "$constrained" == "1" && -f "$RASA_LOCK" ]]; then
        run_logged "$logfile" "${pip[@]}" install -c "$RASA_LOCK" pip setuptools wheel
        run_logged "$logfile" "${pip[@]}" install -c "$RASA_LOCK" "rasa==$RASA_VERSION"
    else
        # Rasa 3.6.21 pins setuptools 70.3 (it still imports pkg_resources); pip
        # downgrades to it while installing rasa.
        run_logged "$logfile" "${pip[@]}" install -U pip wheel
        run_logged "$logfile" "${pip[@]}" install "rasa==$RASA_VERSION"
    fi
}

# setup_venv NAME VENV PY STAMPFN INSTALLFN LOCK
setup_venv() {
    local name="$1" venv="$2" py="$3" stampfn="$4" installfn="$5" lock="$6"
    local t0 stamp logfile had_lock=1
    t0="$(now)"
    stamp="$("$stampfn")"
    if [[ "${PAKN_SETUP_CLEAN:-0}" != "1" ]] && venv_current "$venv" "$stamp"; then
        log "$name: up to date ($(since "$t0"))"
        return 0
    fi
    [[ -f "$lock" ]] || had_lock=0
    logfile="$(mktemp "${TMPDIR:-/tmp}/pakn-setup-${name#.}.XXXXXX.log")"
    log "$name: installing with $(python_info "$py" | cut -f2) (log: $logfile) ..."
    rm -f "$venv/$STAMP_NAME"
    new_venv "$py" "$venv" "$logfile"
    "$installfn" "$venv" "$logfile"
    if [[ "$had_lock" == "0" ]]; then
        freeze_to "$venv" "$lock" "Lock file for $name, written by scripts/setup.sh (no lock file existed)."
        log "$name: wrote ${lock#"$ROOT"/} (no lock file existed; commit it)"
        stamp="$("$stampfn")"
    else
        local extra
        extra="$(unlocked "$venv" "$lock")"
        if [[ -n "$extra" ]]; then
            # New dependencies: pin what was just installed, keeping every other pin.
            freeze_to "$venv" "$lock" "$(head -n 1 "$lock" | sed 's/^# //')"
            log "$name: added to ${lock#"$ROOT"/}: $extra (commit it)"
            stamp="$("$stampfn")"
        fi
    fi
    echo "$stamp" >"$venv/$STAMP_NAME"
    rm -f "$logfile"
    log "$name: ready ($(since "$t0"))"
}

main() {
    local t0
    t0="$(now)"
    cd "$ROOT"
    resolve_pythons
    log "python 3.10: $PY310 ($(python_info "$PY310" | cut -f2)); product python: $PY311 ($(python_info "$PY311" | cut -f2)) ($(since "$t0"))"
    setup_venv .venv "$PRODUCT_VENV" "$PY311" stamp_product install_product "$PRODUCT_LOCK"
    setup_venv .venv-rasa "$RASA_VENV" "$PY310" stamp_rasa install_rasa "$RASA_LOCK"
    log "done in $(since "$t0")"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
