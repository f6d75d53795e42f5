"""The bot without Rasa: Telegram delivery (SQLite and PostgreSQL), webhook secret, Rasa down.

The delivery dispatcher runs in-process with its Telegram transport (a real
python-telegram-bot ``Bot``) pointed at the Bot API double; the database is migrated and
loaded through the ``pakn`` CLI.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from bot.app import build_application
from bot.settings import load_bot_settings
from bot.webhook import SECRET_HEADER, webhook_app
from intake.config import load_settings
from intake.db import Database
from intake.delivery.dispatcher import Dispatcher, RetryPolicy
from intake.delivery.transports.telegram import TelegramTransport
from intake.models import Channel, Outbox, OutboxStatus, Status, utcnow
from intake.services.complaints import IntakeService, NewComplaint
from tests.bot.conftest import bot_env, start_bot, stop_bot
from tests.conftest import pakn
from tests.harness.ports import free_port
from tests.harness.postgres import PostgresServer
from tests.harness.telegram_api import TelegramApiDouble

TOKEN = "42:OUTBOX-test"


def _migrated(url: str) -> Database:
    pakn("db", "upgrade", database_url=url)
    pakn("org", "load", database_url=url)
    return Database(url)


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = _migrated(f"sqlite:///{tmp_path_factory.mktemp('outbox') / 'pakn.db'}")
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, sqlite_db: Database) -> Iterator[Database]:
    if request.param == "sqlite":
        yield sqlite_db
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    db = _migrated(server.create_database(f"outbox_{uuid.uuid4().hex[:8]}"))
    yield db
    db.dispose()


def _answered(db: Database, chat_id: int, answer: str = "Đã xử lý xong.") -> str:
    intake = IntakeService(db, load_settings({"PAKN_DATABASE_URL": db.url}))
    view = intake.create_complaint(NewComplaint(
        channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM, reply_address=str(chat_id),
        text="Rác thải ùn ứ ở chợ thôn Đông nhiều ngày", sender=f"telegram:{chat_id}"),
        actor="citizen:telegram")
    intake.change_status(view.code, Status.ANSWERED, actor="staff:test", reason=answer)
    return view.code


def _row(db: Database, chat_id: int) -> Outbox:
    with db.reading() as session:
        return session.query(Outbox).filter(Outbox.recipient == str(chat_id)).one()


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


def _dispatcher(api_url: str, db: Database, retry: float = 0.5) -> Dispatcher:
    return Dispatcher(db, {"telegram": TelegramTransport(TOKEN, base_url=api_url)},
                      RetryPolicy(base=timedelta(seconds=retry)))


async def _pass(api_url: str, db: Database, retry: float = 0.5) -> dict[str, int]:
    dispatcher = _dispatcher(api_url, db, retry)
    try:
        return await dispatcher.run_once()
    finally:
        await dispatcher.aclose()


def test_outbox_sends_waits_out_429_and_fails_403(database: Database) -> None:
    with TelegramApiDouble(TOKEN) as api:
        ok, flooded, blocked = 7_001, 7_002, 7_003
        _answered(database, flooded)  # first in line: gets the 429
        code = _answered(database, ok)
        _answered(database, blocked)
        api.block(blocked)
        api.fail_next("sendMessage", 429, retry_after=3)
        counts = _run(_pass(api.base_url, database))
        assert counts == {"sent": 1, "retry": 1, "failed": 1}
        assert code in api.sent_to(ok)[0].text and "Đã xử lý xong." in api.sent_to(ok)[0].text
        first_try = _row(database, flooded)
        assert first_try.status == "pending" and "429" in (first_try.last_error or "")
        assert first_try.next_attempt_at > utcnow() + timedelta(seconds=2)
        failed = _row(database, blocked)
        assert failed.status == OutboxStatus.FAILED.value and "403" in (failed.last_error or "")
        audit = [e for e in IntakeService(database, load_settings(
            {"PAKN_DATABASE_URL": database.url})).events(failed.complaint_code or "")
                 if e.kind == "delivery_failed"]
        assert [e.data["outbox_id"] for e in audit] == [failed.id]
        # Due again after retry_after: sent on a later pass, nothing lost.
        with database.transaction() as session:
            row = session.get(Outbox, first_try.id)
            assert row is not None
            row.next_attempt_at = utcnow()
        assert _run(_pass(api.base_url, database))["sent"] == 1
        assert _row(database, flooded).status == OutboxStatus.SENT.value
        assert len(api.sent_to(flooded)) == 1


def test_network_errors_are_retried_with_backoff(database: Database) -> None:
    chat = 7_010
    _answered(database, chat)
    dead = f"http://127.0.0.1:{free_port()}/bot"
    assert _run(_pass(dead, database, retry=2.0)) == {"sent": 0, "retry": 1, "failed": 0}
    row = _row(database, chat)
    assert row.status == "pending" and row.attempts == 1
    assert "network error" in (row.last_error or "")
    assert row.next_attempt_at > utcnow() + timedelta(seconds=1)
    with TelegramApiDouble(TOKEN) as api:
        with database.transaction() as session:
            stored = session.get(Outbox, row.id)
            assert stored is not None
            stored.next_attempt_at = utcnow()
        assert _run(_pass(api.base_url, database))["sent"] == 1
        assert _row(database, chat).attempts == 2


def test_two_workers_never_claim_the_same_row(database: Database) -> None:
    for chat in range(7_100, 7_110):
        _answered(database, chat)

    async def claim_twice() -> tuple[list[int], list[int]]:
        a, b = (_dispatcher("http://127.0.0.1:9/bot", database),
                _dispatcher("http://127.0.0.1:9/bot", database))
        got_a, got_b = await asyncio.gather(asyncio.to_thread(a.claim_due, 50),
                                            asyncio.to_thread(b.claim_due, 50))
        return [d.id for d in got_a], [d.id for d in got_b]

    first, second = _run(claim_twice())
    assert not set(first) & set(second)
    assert len(set(first) | set(second)) >= 10


def test_webhook_checks_the_secret_token(tmp_path: Path) -> None:
    with TelegramApiDouble(TOKEN) as api:
        env = bot_env(api, "http://127.0.0.1:9", f"sqlite:///{tmp_path / 'x.db'}", tmp_path)
        settings = load_bot_settings(env)
        app = build_application(settings)
        client = TestClient(webhook_app(app, "s3cret-token"))
        update = {"update_id": 1, "message": {
            "message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "text": "hi"}}
        assert client.post("/telegram", json=update).status_code == 403
        assert client.post("/telegram", json=update,
                           headers={SECRET_HEADER: "wrong"}).status_code == 403
        assert app.update_queue.empty()
        good = client.post("/telegram", json=update, headers={SECRET_HEADER: "s3cret-token"})
        assert good.status_code == 200 and app.update_queue.qsize() == 1
        assert client.post("/telegram", content=b"{not json",
                           headers={SECRET_HEADER: "s3cret-token"}).status_code == 400


def test_rasa_down_gets_a_polite_answer_not_silence(tmp_path: Path) -> None:
    with TelegramApiDouble(TOKEN) as api:
        env = bot_env(api, f"http://127.0.0.1:{free_port()}",
                      f"sqlite:///{tmp_path / 'x.db'}", tmp_path)
        process = start_bot(env, tmp_path / "bot.log", api)
        try:
            answer = api.say(9_001, "xin chào")
            assert "sự cố" in answer
            assert "TEST" not in (tmp_path / "bot.log").read_text()  # no token in logs
        finally:
            stop_bot(process)


def test_the_supervisor_starts_the_bot_only_when_configured(tmp_path: Path) -> None:
    from intake.runner import optional_notes, plan

    base = {"PAKN_VAR_DIR": str(tmp_path)}
    without = load_settings(base)
    assert "telegram" not in [s.name for s in plan(without, tmp_path / "model.tar.gz")]
    assert any(n.startswith("telegram: not started") for n in optional_notes(without))
    with_token = load_settings({**base, "TELEGRAM_BOT_TOKEN": "1:x"})
    specs = {s.name: s for s in plan(with_token, tmp_path / "model.tar.gz")}
    assert specs["telegram"].command[-2:] == ["-m", "bot"]
    assert specs["delivery"].command[-2:] == ["delivery", "send"]
