"""Session fixtures that start real services for the tests.

- ``pg_server`` / ``pg_url``: a throwaway PostgreSQL cluster (``tests.harness.postgres``).
- ``rasa_stack``: a SQLite database migrated and loaded with the organisation through
  the ``pakn`` CLI, the current Rasa model (trained if stale), and the Rasa server plus
  action server on free ports (``tests.harness.rasa_stack``).

A missing service (PostgreSQL binaries, the ``.venv-rasa`` environment) skips the tests
that need it, unless ``PAKN_REQUIRE_SERVICES=1`` (set by ``scripts/test.sh`` and CI),
where it fails them: the full suite must never pass by skipping.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from intake.assistant.processes import rasa_executable
from intake.assistant.training import TrainingError, ensure_model
from intake.clock import utcnow
from intake.deadlines import VIETNAM
from tests.harness.postgres import PostgresServer, PostgresUnavailableError, postgres_server
from tests.harness.rasa_stack import RasaStack, start_rasa_stack

ROOT = Path(__file__).resolve().parents[1]


def services_required() -> bool:
    """True when missing services must fail the tests instead of skipping them."""
    return os.environ.get("PAKN_REQUIRE_SERVICES", "") in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> None:
    """Skip the test for a missing service, or fail it when services are required."""
    if services_required():
        pytest.fail(f"{reason} (PAKN_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def project_root() -> Path:
    """The repository root (config.yml, domain.yml, data/, the venvs)."""
    return ROOT


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for the whole session (``create_database`` for more)."""
    try:
        with postgres_server() as server:
            yield server
    except PostgresUnavailableError as exc:
        skip_or_fail(str(exc))


@pytest.fixture(scope="session")
def pg_url(pg_server: PostgresServer) -> str:
    """SQLAlchemy URL of the ``postgres`` database of the session's PostgreSQL server."""
    return pg_server.url()


def pakn(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    """Run the ``pakn`` CLI of this environment against ``database_url``; fail on error."""
    executable = Path(sys.executable).with_name("pakn")
    command = [str(executable), *args] if executable.exists() else [
        sys.executable, "-m", "intake.cli", *args]
    result = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, "PAKN_DATABASE_URL": database_url},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(
            f"`pakn {' '.join(args)}` failed with exit code {result.returncode}:\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return result


@pytest.fixture(scope="session")
def rasa_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RasaStack]:
    """Rasa server + action server on a fresh SQLite database, for the whole session.

    The stack's ``database_url`` is the SQLite database the action server writes to.
    Logs are in ``stack.workdir`` (kept by pytest's tmp_path retention); failures
    include ``stack.log_tails()``.
    """
    if not rasa_executable(ROOT).is_file():
        skip_or_fail(f"{rasa_executable(ROOT)} missing: run `make setup`")
    workdir = tmp_path_factory.mktemp("rasa-stack")
    database_url = f"sqlite:///{workdir / 'pakn.sqlite3'}"
    pakn("db", "upgrade", database_url=database_url)
    pakn("org", "load", database_url=database_url)
    demo_catalog = ROOT / "intake" / "catalog" / "data" / "demo_catalog.json"
    if demo_catalog.is_file():
        pakn("catalog", "import", str(demo_catalog), database_url=database_url)
    try:
        model = ensure_model(ROOT)
    except TrainingError as exc:
        pytest.fail(f"training the Rasa model failed: {exc}", pytrace=False)
    # the product's own loggers at DEBUG: no log line may carry personal data at any level
    with start_rasa_stack(ROOT, database_url, model, workdir=workdir,
                          extra_env={"PAKN_LOG_LEVEL": "DEBUG"}) as stack:
        yield stack


MIDNIGHT_MARGIN = timedelta(minutes=5)


def seconds_to_vietnam_midnight(now: datetime) -> float:
    """How long until the date changes in Vietnam (the console's "today")."""
    local = now.astimezone(VIETNAM)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(),
                                tzinfo=VIETNAM)
    return (midnight - local).total_seconds()


@pytest.fixture
def clear_of_vietnam_midnight() -> None:
    """Wait out the last minutes of a day in Vietnam. A test that writes and then reads
    something counted per day (the view "Mới hôm nay", "Đến hạn hôm nay", a day's digest,
    the daily cap of acknowledgements, a duration under a day) must not see the date
    change in between: a CI run once filed complaints before midnight and read the page
    after it."""
    left = seconds_to_vietnam_midnight(utcnow())
    if left < MIDNIGHT_MARGIN.total_seconds():
        time.sleep(left + 1)
