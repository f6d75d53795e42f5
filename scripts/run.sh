#!/usr/bin/env bash
# Set up if needed, prepare the database and the model, then run the whole system.
#
#   1. scripts/setup.sh                  both venvs (seconds when current)
#   2. pakn db upgrade                   create/migrate the database (SQLite under var/
#                                        unless PAKN_DATABASE_URL says otherwise)
#   3. pakn org load                     the organisation's queues (idempotent)
#      pakn org apply-changes …          the 2025 reorganisation (idempotent): the
#                                        organisation in force today
#      pakn catalog import …             the demo procedure catalog (idempotent)
#   4. pakn assistant train --if-stale   train the Rasa model only if missing or stale
#   5. exec python -m intake.runner      the supervisor (= pakn run, lighter): Rasa, action server, console with
#                                        web chat, and Telegram/mail when configured
#
# Configuration comes from the environment or pakn.env (see README).
#
# PAKN_ORG=pre-2025 (make run ORG=pre-2025): the demo's original organisation (Bắc Giang
# before 2025: 20 departments, 10 districts, 209 communes), for comparison. A database
# the reorganisation was applied to cannot go back, so this uses its own SQLite file
# (var/pakn-pre2025.db) unless PAKN_DATABASE_URL is set in the environment.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export RASA_TELEMETRY_ENABLED=false

step() { # step CMD...: run one step and print how long it took
    local t0=$SECONDS
    printf '[run] %s\n' "$*"
    "$@"
    printf '[run] ... done in %ss\n' "$((SECONDS - t0))"
}

step bash scripts/setup.sh
case "${PAKN_ORG:-}" in
    "" | current) ORG_CHANGES=intake/org/data/changes-2025.yml ;;
    pre-2025)
        ORG_CHANGES=""
        if [[ -z "${PAKN_DATABASE_URL:-}" ]]; then
            export PAKN_DATABASE_URL="sqlite:///$ROOT/var/pakn-pre2025.db"
        fi
        printf '[run] organisation: the pre-2025 snapshot (no changes applied)\n'
        ;;
    *)
        printf '[run] ERROR: PAKN_ORG must be "current" or "pre-2025", not %q\n' "$PAKN_ORG" >&2
        exit 2
        ;;
esac

step .venv/bin/pakn db upgrade
step .venv/bin/pakn org load
if [[ -n "$ORG_CHANGES" ]]; then
    step .venv/bin/pakn org apply-changes "$ORG_CHANGES"
fi
if [[ -f intake/catalog/data/demo_catalog.json ]]; then
    step .venv/bin/pakn catalog import intake/catalog/data/demo_catalog.json
fi
step .venv/bin/pakn assistant train --if-stale
printf "[run] exec .venv/bin/python -m intake.runner\n"
exec .venv/bin/python -m intake.runner
