"""What ``pakn run`` starts for several assistant servers and the Redis lock store.

No Rasa here: the plan (``intake.assistant.servers``), the endpoints it writes (no
password on disk) and the decisions about Redis, against a real private redis-server.
"""

from __future__ import annotations

import socket
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from intake.assistant.locks import PASSWORD_VARIABLE, RedisTarget, parse_redis_url
from intake.assistant.servers import AssistantConfigError, assistant_plan
from intake.config import Settings, load_settings
from intake.runner import plan
from tests.harness.ports import free_port
from tests.harness.redis import RedisUnavailableError, redis_server

pytestmark = pytest.mark.e2e


def _settings(tmp_path: Path, **env: str) -> Settings:
    return load_settings({"PAKN_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}",
                          "PAKN_VAR_DIR": str(tmp_path / "var"), **env})


def test_two_servers_without_redis_refuse_to_start(tmp_path: Path) -> None:
    with pytest.raises(AssistantConfigError, match="needs PAKN_REDIS_URL"):
        assistant_plan(_settings(tmp_path, PAKN_ASSISTANT_SERVERS="2"))
    one = assistant_plan(_settings(tmp_path))
    assert one.lock_store is None and one.ports == (5005,)


def test_a_remote_redis_that_does_not_answer_is_an_error_a_local_one_is_started(
        tmp_path: Path) -> None:
    with pytest.raises(AssistantConfigError, match="does not answer"):
        assistant_plan(_settings(tmp_path, PAKN_REDIS_URL="redis://redis.invalid:6379/1"))
    port = free_port()
    local = assistant_plan(_settings(tmp_path, PAKN_REDIS_URL=f"redis://:pw@localhost:{port}",
                                     PAKN_ASSISTANT_SERVERS="2", PAKN_RASA_PORT="6100"))
    assert local.start_redis and local.ports == (6100, 6101)
    assert local.edge_urls == ("http://127.0.0.1:6100", "http://127.0.0.1:6101")
    assert any("SQLite" in note for note in local.notes)
    for bad in ("http://x", "redis://h:port/1", "redis://h/abc"):
        with pytest.raises(AssistantConfigError, match="PAKN_REDIS_URL"):
            assistant_plan(_settings(tmp_path, PAKN_REDIS_URL=bad))


def test_the_plan_gives_every_rasa_server_the_lock_store_without_the_password_on_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        server = redis_server(password="l0ck-s3cret")
        redis = server.__enter__()
    except RedisUnavailableError as exc:
        pytest.fail(str(exc))
    try:
        settings = _settings(tmp_path, PAKN_REDIS_URL=redis.url, PAKN_ASSISTANT_SERVERS="2")
        assistant = assistant_plan(settings)
        assert not assistant.start_redis  # something answers there: used as it is
        specs = {s.name: s for s in plan(settings, tmp_path / "model.tar.gz", assistant)}
        assert {"rasa1", "rasa2", "actions", "console"} <= set(specs) and "redis" not in specs
        endpoints = (settings.var_dir / "run" / "endpoints.yml").read_text()
        assert "l0ck-s3cret" not in endpoints
        lock = yaml.safe_load(endpoints)["lock_store"]
        assert lock["type"] == "rasa_addons.lock_store.ReportingRedisLockStore"
        assert lock["port"] == redis.port and lock["password"] == "${PAKN_REDIS_PASSWORD}"
        for name in ("rasa1", "rasa2"):
            assert specs[name].env[PASSWORD_VARIABLE] == "l0ck-s3cret"
            assert "l0ck-s3cret" not in " ".join(specs[name].command)
        assert specs["console"].env["PAKN_RASA_URLS"] == \
            f"http://127.0.0.1:{settings.rasa_port},http://127.0.0.1:{settings.rasa_port + 1}"
    finally:
        server.__exit__(None, None, None)
    # Redis gone and local: pakn run starts its own; planning writes no file with the
    # password, the process hands it to redis-server on stdin, and only it and the Rasa
    # servers see PAKN_REDIS_URL
    monkeypatch.setenv("PAKN_REDIS_URL", settings.redis_url or "")
    monkeypatch.setenv(PASSWORD_VARIABLE, "l0ck-s3cret")
    assistant = assistant_plan(settings)
    assert assistant.start_redis
    specs = {s.name: s for s in plan(settings, tmp_path / "model.tar.gz", assistant)}
    assert not _files_holding(settings.var_dir, "l0ck-s3cret")
    assert "l0ck-s3cret" not in " ".join(specs["redis"].command)
    for name, spec in specs.items():
        if name not in {"rasa", "rasa1", "rasa2", "redis"}:
            assert "l0ck-s3cret" not in " ".join(spec.env.values()), name
    assert specs["rasa1"].env[PASSWORD_VARIABLE] == "l0ck-s3cret"
    process = subprocess.Popen(specs["redis"].command, env=specs["redis"].env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        target = parse_redis_url(settings.redis_url or "")
        deadline = time.monotonic() + 15
        while not _authenticates(target):
            assert process.poll() is None and time.monotonic() < deadline, \
                "the private redis-server did not start"
            time.sleep(0.05)
        assert not _authenticates(replace(target, password="wrong"))
        assert not _files_holding(settings.var_dir, "l0ck-s3cret")
    finally:
        process.terminate()
        assert process.wait(timeout=15) == 0
    assert not _files_holding(settings.var_dir, "l0ck-s3cret")


def _files_holding(directory: Path, secret: str) -> list[Path]:
    return [p for p in directory.rglob("*")
            if p.is_file() and secret in p.read_text(errors="replace")]


def _authenticates(target: RedisTarget) -> bool:
    """True when Redis at ``target`` answers PING after AUTH with its password."""
    try:
        with socket.create_connection((target.host, target.port), timeout=1) as sock:
            sock.sendall(f"AUTH {target.password}\r\nPING\r\n".encode())
            answer = b""
            while answer.count(b"\r\n") < 2:
                chunk = sock.recv(256)
                if not chunk:
                    break
                answer += chunk
    except OSError:
        return False
    return answer == b"+OK\r\n+PONG\r\n"


def test_a_redis_password_with_a_control_character_is_refused(tmp_path: Path) -> None:
    for password in ("a%0Aport%206380", "a%0Db", "a%09b", "a%7Fb"):
        with pytest.raises(AssistantConfigError, match="control character"):
            assistant_plan(_settings(tmp_path,
                                     PAKN_REDIS_URL=f"redis://:{password}@localhost:1/1"))
    assert parse_redis_url("redis://:a%20b%22c@localhost/1").password == 'a b"c'


def test_redis_urls() -> None:
    target = parse_redis_url("rediss://user:p%40ss@cache.example:6380/3")
    assert (target.host, target.port, target.db, target.username, target.password,
            target.tls) == ("cache.example", 6380, 3, "user", "p@ss", True)
    assert parse_redis_url("redis://127.0.0.1").where == "127.0.0.1:6379/1"
    assert "p@ss" not in target.where
