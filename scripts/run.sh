#!/usr/bin/env bash
# Set up if needed, prepare the database and the model, then run the whole system.
#
#   1. scripts/setup.sh                  both venvs (seconds when current)
#   2. pakn db upgrade                   create/migrate the database (SQLite under var/
#                                        unless PAKN_DATABASE_URL says otherwise)
#   3. pakn org load                     the organisation's queues (idempotent)
#      pakn catalog import …             the demo procedure catalog (idempotent)
#   4. pakn assistant train --if-stale   train the Rasa model only if missing or stale
#   5. exec python -m intake.runner      the supervisor (= pakn run, lighter): Rasa, action server, console with
#                                        web chat, and Telegram/mail when configured
#
# Configuration comes from the environment or pakn.env (see README).

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
step .venv/bin/pakn db upgrade
step .venv/bin/pakn org load
if [[ -f intake/catalog/data/demo_catalog.json ]]; then
    step .venv/bin/pakn catalog import intake/catalog/data/demo_catalog.json
fi
step .venv/bin/pakn assistant train --if-stale
printf "[run] exec .venv/bin/python -m intake.runner\n"
exec .venv/bin/python -m intake.runner
