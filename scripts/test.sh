#!/usr/bin/env bash
# The whole test suite, on a fresh machine or a used one.
#
# Phases (each one timed):
#   1. system packages   scripts/install-system-deps.sh (PostgreSQL, Dovecot, Chromium)
#   2. environments      scripts/setup.sh (.venv and .venv-rasa; seconds when current)
#   3. lint              ruff check . ; mypy ; lint-imports (the layer contract in
#                        pyproject.toml: core ← services ← edges, no edge writes rows)
#   4. rasa data         rasa data validate --fail-on-warnings
#   5. model             pakn assistant train --if-stale (minutes when the data changed)
#   6. pytest            with PAKN_REQUIRE_SERVICES=1: a missing PostgreSQL or Rasa is a
#                        failure, not a skip. The fixtures start and stop the servers.
#
# Phases 1, 2 and 5 stop the run when they fail (nothing after them can work); lint, data
# validation and pytest failures are collected so one run reports all of them. Exits
# non-zero if anything failed. Extra arguments go to pytest (e.g. -k e2e, -x).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PAKN_REQUIRE_SERVICES=1 RASA_TELEMETRY_ENABLED=false PYTHONUNBUFFERED=1

T_START=$SECONDS
FAILED=()
TIMES=()

phase() { # phase NAME fatal|continue CMD...: run and time one phase
    local name="$1" mode="$2" t0=$SECONDS rc=0
    shift 2
    printf '\n[test] ==== %s: %s\n' "$name" "$*"
    "$@" || rc=$?
    local took=$((SECONDS - t0))
    TIMES+=("$(printf '%-16s %5ss  %s' "$name" "$took" "$([[ $rc == 0 ]] && echo ok || echo "FAILED ($rc)")")")
    printf '[test] ==== %s: %s in %ss\n' "$name" "$([[ $rc == 0 ]] && echo ok || echo "FAILED (exit $rc)")" "$took"
    if [[ $rc != 0 ]]; then
        FAILED+=("$name")
        if [[ "$mode" == fatal ]]; then
            summary
            exit "$rc"
        fi
    fi
    return 0
}

summary() {
    printf '\n[test] ==== summary (total %ss)\n' "$((SECONDS - T_START))"
    printf '[test]   %s\n' "${TIMES[@]}"
    if [[ ${#FAILED[@]} -gt 0 ]]; then
        printf '[test] FAILED: %s\n' "${FAILED[*]}"
    else
        printf '[test] all phases passed\n'
    fi
}

validate_rasa_data() {
    env -u PYTHONPATH TF_CPP_MIN_LOG_LEVEL=2 .venv-rasa/bin/rasa data validate --fail-on-warnings
}

phase "system packages" fatal bash scripts/install-system-deps.sh
phase "environments" fatal bash scripts/setup.sh
phase "ruff" continue .venv/bin/ruff check .
phase "mypy" continue .venv/bin/mypy
phase "layers" continue .venv/bin/lint-imports
phase "rasa data" continue validate_rasa_data
phase "model" fatal .venv/bin/pakn assistant train --if-stale
phase "pytest" continue .venv/bin/pytest -ra --durations=15 "$@"

summary
[[ ${#FAILED[@]} -eq 0 ]]
