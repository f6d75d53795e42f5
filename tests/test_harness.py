"""The test harness itself: PostgreSQL really starts, the model fingerprint tracks its
inputs, the action server binds where it is told, and the process commands are right."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from intake.assistant import training
from intake.assistant.processes import (
    action_server_command,
    rasa_server_command,
    sql_tracker_store,
    wait_until_ready,
    write_endpoints,
)
from tests.harness.ports import free_port, is_listening
from tests.harness.postgres import PostgresServer


@pytest.mark.postgres
def test_postgres_harness_runs_a_real_server(pg_url: str) -> None:
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as conn:
            version = conn.execute(sa.text("select version()")).scalar_one()
            encoding = conn.execute(sa.text("show server_encoding")).scalar_one()
    finally:
        engine.dispose()
    assert str(version).startswith("PostgreSQL")
    assert encoding == "UTF8"


@pytest.mark.postgres
def test_postgres_harness_creates_databases(pg_server: PostgresServer) -> None:
    url = pg_server.create_database("harness_extra")
    assert url.endswith(f":{pg_server.port}/harness_extra")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("select current_database()")).scalar_one() == (
                "harness_extra"
            )
            assert conn.execute(sa.text("select lower('ĐƯỜNG')")).scalar_one() == "đường"
    finally:
        engine.dispose()


def _rasa_project_copy(tmp_path: Path) -> Path:
    """A copy of the repository's Rasa inputs (or minimal stand-ins where absent)."""
    root = Path(__file__).resolve().parents[1]
    copy = tmp_path / "project"
    (copy / "requirements").mkdir(parents=True)
    for name in ("config.yml", "domain.yml", "requirements/rasa.txt"):
        if (root / name).is_file():
            shutil.copy(root / name, copy / name)
    if (root / "data").is_dir() and any((root / "data").glob("*.yml")):
        shutil.copytree(root / "data", copy / "data")
    else:
        (copy / "data").mkdir()
        (copy / "data" / "nlu.yml").write_text(
            'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - xin chào\n',
            encoding="utf-8",
        )
    for name, text in (("config.yml", "language: vi\n"), ("domain.yml", "intents: [greet]\n"),
                       ("requirements/rasa.txt", "rasa==3.6.21\n")):
        if not (copy / name).exists():
            (copy / name).write_text(text, encoding="utf-8")
    return copy


def test_fingerprint_follows_the_training_inputs(tmp_path: Path) -> None:
    project = _rasa_project_copy(tmp_path)
    before = training.fingerprint(project)
    assert training.fingerprint(project) == before  # deterministic
    path = training.model_path(project)
    assert path.parent == project / "models"
    assert path.name == f"pakn-{before[:16]}.tar.gz"
    assert training.is_stale(project)

    data_file = sorted((project / "data").rglob("*.yml"))[0]
    data_file.write_text(data_file.read_text(encoding="utf-8") + "\n# changed\n",
                         encoding="utf-8")
    after_data = training.fingerprint(project)
    assert after_data != before

    (project / "data" / ".nlu.yml.swp").write_bytes(b"editor noise")
    (project / "endpoints.yml").write_text("action_endpoint: {url: x}\n", encoding="utf-8")
    assert training.fingerprint(project) == after_data  # not training inputs

    rasa_lock = project / "requirements" / "rasa.txt"
    rasa_lock.write_text("rasa==3.6.99\n", encoding="utf-8")
    assert training.rasa_version(project) == "3.6.99"
    assert training.fingerprint(project) != after_data


def test_ensure_model_skips_training_when_the_model_exists(tmp_path: Path) -> None:
    project = _rasa_project_copy(tmp_path)
    model = training.model_path(project)
    model.parent.mkdir()
    model.write_bytes(b"not really a model")
    assert not training.is_stale(project)
    # No .venv-rasa in the copy: reaching `rasa train` would raise TrainingError.
    assert training.ensure_model(project) == model
    with pytest.raises(training.TrainingError, match="make setup"):
        training.ensure_model(project, force=True)


def test_server_commands_bind_loopback(tmp_path: Path) -> None:
    rasa = rasa_server_command(tmp_path, tmp_path / "m.tar.gz", 5005, tmp_path / "e.yml")
    assert rasa[:3] == [str(tmp_path / ".venv-rasa" / "bin" / "python"), "-m",
                        "rasa_addons.serve"]  # adds --auth-token from the environment
    assert rasa[rasa.index("-i") + 1] == "127.0.0.1"
    assert "--enable-api" in rasa and "--auth-token" not in rasa
    assert rasa[rasa.index("--credentials") + 1] == str(tmp_path / "credentials.yml")
    action = action_server_command(5055)
    assert action[1:3] == ["-m", "intake.assistant.action_server"]
    assert action[action.index("--host") + 1] == "127.0.0.1"


def test_endpoints_and_tracker_store(tmp_path: Path) -> None:
    store = sql_tracker_store("postgresql+psycopg://rasa:pw@db.local:5433/rasa_tracker")
    assert store == {"type": "SQL", "dialect": "postgresql", "url": "db.local", "port": 5433,
                     "db": "rasa_tracker", "username": "rasa", "password": "pw"}
    path = write_endpoints(tmp_path / "endpoints.yml", "http://127.0.0.1:5055/webhook", store)
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert content["action_endpoint"] == {
        "url": "http://127.0.0.1:5055/webhook",
        "headers": {"Authorization": "Bearer ${PAKN_ACTIONS_TOKEN}"}}  # expanded by Rasa
    assert content["tracker_store"]["db"] == "rasa_tracker"


def test_action_server_binds_the_given_host(tmp_path: Path) -> None:
    package = tmp_path / "harness_actions"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent("""
        from rasa_sdk import Action

        class ActionPing(Action):
            def name(self):
                return "action_ping"

            async def run(self, dispatcher, tracker, domain):
                dispatcher.utter_message(text="pong")
                return []
    """), encoding="utf-8")
    port = free_port()
    command = action_server_command(port, actions_package="harness_actions")
    token = "harness-actions-token-0123456789"
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin", "PAKN_ACTIONS_TOKEN": token,
           "PAKN_VAR_DIR": str(tmp_path / "var")}
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, cwd=tmp_path) as process:
        try:
            wait_until_ready(f"http://127.0.0.1:{port}/health", 60, process=process)
            import httpx

            url = f"http://127.0.0.1:{port}/actions"
            assert httpx.get(url, trust_env=False).status_code == 401
            actions = httpx.get(url, trust_env=False,
                                headers={"Authorization": f"Bearer {token}"}).json()
            assert {"name": "action_ping"} in actions
            outside = _non_loopback_address()
            if outside is not None:
                assert not is_listening(port, host=outside)
        finally:
            process.terminate()
            process.wait(timeout=20)
    assert sys.executable == command[0]


def _non_loopback_address() -> str | None:
    """An address of this machine other than 127.0.0.1, if it has one."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("10.255.255.255", 1))
            address: str = sock.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address
