# Entry points. `make run` sets up (if needed) and runs the system; `make test` runs the
# whole test suite on a fresh machine (it installs what is missing). The work is done by
# the scripts in scripts/, which can also be run directly.

SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup run test lint train lock system-deps

help:
	@echo "make setup        create/refresh .venv (product) and .venv-rasa (Rasa 3.6.21)"
	@echo "make run          set up if needed, migrate, load the organisation, train if stale, run"
	@echo "make run ORG=pre-2025   the same with the demo's original (pre-2025) organisation"
	@echo "make test         the whole test suite (system packages, venvs, lint, model, pytest)"
	@echo "make lint         ruff check + mypy"
	@echo "make train        train the Rasa model if it is missing or stale"
	@echo "make lock         regenerate requirements/product.txt and requirements/rasa.txt"
	@echo "make system-deps  install the Debian packages the tests need"

setup:
	bash scripts/setup.sh

run:
	PAKN_ORG=$(ORG) bash scripts/run.sh

test:
	bash scripts/test.sh

lint: setup
	.venv/bin/ruff check .
	.venv/bin/mypy
	.venv/bin/lint-imports

train: setup
	.venv/bin/pakn assistant train --if-stale

lock:
	bash scripts/lock.sh

system-deps:
	bash scripts/install-system-deps.sh
