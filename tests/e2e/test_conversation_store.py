"""Conversations survive a restart of the assistant, and old ones are deleted.

The assistant runs with the tracker store ``pakn run`` gives it (``intake.assistant.
conversations``): a citizen half-way through the complaint form when Rasa restarts goes
on where they were. ``prune`` deletes conversations idle for longer than the retention
period, and only those.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from pathlib import Path

import psycopg
import pytest

from intake.assistant.conversations import prune, store_url, tracker_store
from intake.assistant.training import ensure_model
from intake.config import load_settings
from tests.conftest import ROOT, pakn
from tests.harness.postgres import PostgresServer
from tests.harness.rasa_stack import start_rasa_stack

pytestmark = pytest.mark.e2e

CITIZEN = "web:restart-citizen"
COMPLAINT = "Đèn đường ngõ 5 thôn Đông hỏng cả tháng nay, buổi tối rất tối và nguy hiểm"


def _events_of(db_file: str, sender: str) -> int:
    with sqlite3.connect(db_file) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?",
                                      (sender,)).fetchone()[0])


def test_the_form_survives_a_restart_and_old_conversations_are_pruned(
        tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'pakn.db'}"
    pakn("db", "upgrade", database_url=database_url)
    pakn("org", "load", database_url=database_url)
    settings = load_settings({"PAKN_DATABASE_URL": database_url,
                              "PAKN_VAR_DIR": str(tmp_path / "var")})
    store, env = tracker_store(settings)
    assert store["type"] == "SQL" and env == {}
    model = ensure_model(ROOT)

    with start_rasa_stack(ROOT, database_url, model, tracker_store=store, extra_env=env,
                          workdir=tmp_path / "before") as first:
        assert any("mô tả nội dung" in t for t in first.texts(CITIZEN, "Tôi muốn gửi phản ánh"))
        assert any("xã/phường" in t for t in first.texts(CITIZEN, COMPLAINT))
        other = "web:someone-else"
        first.texts(other, "xin chào")

    with start_rasa_stack(ROOT, database_url, model, tracker_store=store, extra_env=env,
                          workdir=tmp_path / "after") as second:
        tracker = second.tracker(CITIZEN)
        assert tracker["slots"]["complaint_text"] == COMPLAINT
        assert (tracker.get("active_loop") or {}).get("name") == "complaint_form"
        # The next answer continues the form: the place is skipped, the procedure asked.
        assert any("thủ tục hành chính" in t for t in second.texts(CITIZEN, "bỏ qua"))

    db_file = str(store_url(settings).database)
    assert _events_of(db_file, CITIZEN) > 0
    assert prune(settings, 1) == 0  # nothing is a day old yet
    deleted = prune(settings, 1, now=time.time() + 2 * 86_400)
    assert deleted > 0
    assert _events_of(db_file, CITIZEN) == 0 and _events_of(db_file, "web:someone-else") == 0


def test_on_postgresql_the_conversations_have_their_own_database_and_no_password_on_disk(
        tmp_path: Path) -> None:
    settings = load_settings({
        "PAKN_DATABASE_URL": "postgresql+psycopg://pakn:s3cret@db.example:5433/pakn",
        "PAKN_VAR_DIR": str(tmp_path)})
    store, env = tracker_store(settings)
    assert store == {"type": "SQL", "dialect": "postgresql", "url": "db.example",
                     "db": "pakn_conversations", "login_db": "pakn", "port": 5433,
                     "username": "pakn", "password": "${PAKN_CONVERSATIONS_DB_PASSWORD}"}
    assert env == {"PAKN_CONVERSATIONS_DB_PASSWORD": "s3cret"}


def test_prune_before_the_assistant_ever_ran_does_nothing(tmp_path: Path) -> None:
    settings = load_settings({"PAKN_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}",
                              "PAKN_VAR_DIR": str(tmp_path)})
    assert prune(settings, 90) == 0


@pytest.mark.postgres
def test_on_postgresql_rasa_creates_and_uses_the_conversations_database(
        tmp_path: Path, pg_server: PostgresServer) -> None:
    database_url = pg_server.create_database(f"pakn_{uuid.uuid4().hex[:8]}")
    pakn("db", "upgrade", database_url=database_url)
    pakn("org", "load", database_url=database_url)
    settings = load_settings({"PAKN_DATABASE_URL": database_url,
                              "PAKN_VAR_DIR": str(tmp_path / "var")})
    store, env = tracker_store(settings)
    with start_rasa_stack(ROOT, database_url, ensure_model(ROOT), tracker_store=store,
                          extra_env=env, workdir=tmp_path / "pg") as stack:
        assert any("mô tả nội dung" in t for t in stack.texts(CITIZEN, "Tôi muốn gửi phản ánh"))
    with psycopg.connect(pg_server.url(store["db"]).replace("+psycopg", "")) as connection:
        count = connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = %s",
                                   (CITIZEN,)).fetchone()
    assert count is not None and count[0] > 0
    assert prune(settings, 1, now=time.time() + 2 * 86_400) == count[0]
