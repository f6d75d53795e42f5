"""The staff services: scope of the queue, refusals audited, and each action's effects."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from intake.config import Settings
from intake.console.auth import Accounts, StaffIdentity, TooManyAttempts
from intake.console.models import Role
from intake.db import Database
from intake.errors import ValidationError
from intake.mail.ingest import MailIngestor
from intake.models import Channel, Direction, Outbox, Status, utcnow
from intake.services.complaints import IntakeService
from intake.services.staff import AccessDenied, QueueFilter, StaffService
from tests.console.conftest import (
    PASSWORD,
    QUEUE_A,
    QUEUE_B,
    MeetingAfterTheFirstLock,
    complaint_in,
    is_lock_statement,
    run_at_once,
)
from tests.mail.conftest import test_mail_settings


def test_staff_see_only_their_queues(service: IntakeService, staff: StaffService,
                                     alice: StaffIdentity, bob: StaffIdentity,
                                     coordinator: StaffIdentity) -> None:
    mine = complaint_in(service, staff, coordinator, QUEUE_A)
    theirs = complaint_in(service, staff, coordinator, QUEUE_B)
    codes = {r.code for r in staff.queue(alice, QueueFilter()).rows}
    assert mine.code in codes and theirs.code not in codes
    everything = {r.code for r in staff.queue(coordinator, QueueFilter()).rows}
    assert {mine.code, theirs.code} <= everything


def test_other_queue_refused_and_audited(service: IntakeService, staff: StaffService,
                                         alice: StaffIdentity,
                                         coordinator: StaffIdentity) -> None:
    theirs = complaint_in(service, staff, coordinator, QUEUE_B)
    with pytest.raises(AccessDenied):
        staff.detail(alice, theirs.code)
    with pytest.raises(AccessDenied):
        staff.note(alice, theirs.code, "sneaky")
    denied = [e for e in service.events(theirs.code) if e.kind == "access_denied"]
    assert len(denied) == 2 and denied[0].actor == "staff:alice"
    assert not [e for e in service.events(theirs.code) if e.kind == "note"]


def test_filters_and_counts(service: IntakeService, staff: StaffService,
                            alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    first = complaint_in(service, staff, coordinator, QUEUE_A)
    second = complaint_in(service, staff, coordinator, QUEUE_A,
                          text="Đường liên xã bị sụt lún nghiêm trọng 50% mặt đường")
    staff.take(alice, second.code)
    page = staff.queue(alice, QueueFilter())
    assert page.counts == {"routed": 1, "in_progress": 1} and page.total == 2
    found = staff.queue(alice, QueueFilter(text="sụt lún"))
    assert [r.code for r in found.rows] == [second.code]
    assert [r.code for r in staff.queue(alice, QueueFilter(text="50%")).rows] == [second.code]
    assert [r.code for r in staff.queue(alice, QueueFilter(status=Status.ROUTED)).rows] == \
        [first.code]
    assert not staff.queue(alice, QueueFilter(channel=Channel.EMAIL)).rows
    later = utcnow() + timedelta(days=60)
    overdue = staff.queue(alice, QueueFilter(overdue=True), now=later)
    assert {r.code for r in overdue.rows} == {first.code, second.code}
    assert all(r.overdue for r in overdue.rows)
    assert not staff.queue(alice, QueueFilter(overdue=True)).rows


def test_reply_by_email_goes_to_outbox(service: IntakeService, staff: StaffService,
                                       db: Database, alice: StaffIdentity,
                                       coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                         reply_channel=Channel.EMAIL, reply_address="dan@example.vn")
    assert staff.reply(alice, filed.code, "Sở đã kiểm tra và xử lý.") == "email"
    with db.reading() as session:
        rows = session.scalars(select(Outbox).where(Outbox.recipient == "dan@example.vn")).all()
        assert len(rows) == 1 and "Sở đã kiểm tra và xử lý." in rows[0].body
    assert service.get(filed.code).status == Status.ANSWERED
    assert service.messages(filed.code)[-1].direction == "out"


def test_reply_on_web_chat_is_not_pushed(service: IntakeService, staff: StaffService,
                                         alice: StaffIdentity,
                                         coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    assert staff.reply(alice, filed.code, "Đã xử lý.") == "none"
    reply = [e for e in service.events(filed.code) if e.kind == "reply"]
    assert reply[0].data == {"delivery": "none"}


def test_actions_are_audited(service: IntakeService, staff: StaffService, db: Database,
                             alice: StaffIdentity, bob: StaffIdentity,
                             coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.TELEGRAM,
                         reply_channel=Channel.TELEGRAM, reply_address="777")
    staff.take(alice, filed.code)
    staff.note(alice, filed.code, "gọi lại cho UBND xã")
    assert staff.ask_info(alice, filed.code, "Xin cho biết số nhà?") == "telegram"
    assert service.get(filed.code).status == Status.WAITING_FOR_CITIZEN
    staff.transfer(alice, filed.code, QUEUE_B, "thuộc thẩm quyền Sở Tài chính")
    moved = service.get(filed.code)
    assert moved.queue_code == QUEUE_B and moved.routing_reasons[0].startswith("Chuyển")
    with pytest.raises(AccessDenied):
        staff.detail(alice, filed.code)
    staff.reject(bob, filed.code, "trùng lặp")
    kinds = [e.kind for e in service.events(filed.code)]
    for kind in ("taken", "note", "ask_info", "routed", "status"):
        assert kind in kinds
    with db.reading() as session:
        bodies = [o.body for o in session.scalars(select(Outbox).where(
            Outbox.recipient == "777"))]
    assert not any("gọi lại cho UBND xã" in b for b in bodies)
    assert any("trùng lặp" in b for b in bodies)
    with pytest.raises(ValidationError):
        staff.reject(bob, filed.code, "  ")


def test_login_and_rate_limit(accounts: Accounts, alice: StaffIdentity) -> None:
    assert accounts.authenticate("alice", PASSWORD, "10.0.0.1") == alice
    assert accounts.authenticate("alice", "wrong password", "10.0.0.1") is None
    assert accounts.authenticate("nobody", PASSWORD, "10.0.0.1") is None
    for _ in range(5):
        accounts.authenticate("alice", "wrong password", "10.0.0.2")
    with pytest.raises(TooManyAttempts):  # this username from this address: locked
        accounts.authenticate("alice", PASSWORD, "10.0.0.2")
    # … but not its owner elsewhere: failures on a username only slow it down
    assert accounts.authenticate("alice", PASSWORD, "10.0.0.3") == alice
    assert accounts.login_delay("alice") == 0.0
    for _ in range(5):
        accounts.authenticate("alice", "wrong password", "10.0.0.4")
    assert accounts.login_delay("alice") > 0.0


def test_add_user_validates(accounts: Accounts) -> None:
    with pytest.raises(ValidationError):
        accounts.add_user("eve", "short", Role.STAFF, [])
    with pytest.raises(ValidationError):
        accounts.add_user("eve", PASSWORD, Role.STAFF, ["NO_SUCH_QUEUE"])
    made = accounts.add_user("eve", PASSWORD, Role.ADMIN, [QUEUE_A, QUEUE_A])
    assert made.queues == (QUEUE_A,) and made.sees_all
    with pytest.raises(ValidationError):
        accounts.add_user("eve", PASSWORD, Role.STAFF, [])


def test_cli_users_add(database_url: str, db: Database, accounts: Accounts,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from intake.cli import app

    monkeypatch.setenv("PAKN_DATABASE_URL", database_url)
    run = CliRunner()
    made = run.invoke(app, ["users", "add", "admin", "--role", "admin", "--password-stdin"],
                      input=PASSWORD + "\n")
    assert made.exit_code == 0, made.output
    assert accounts.authenticate("admin", PASSWORD, "cli-test") is not None
    staff_only = run.invoke(app, ["users", "add", "lan", "--queue", QUEUE_A, "--queue",
                                  QUEUE_B, "--password-stdin"], input=PASSWORD + "\n")
    assert staff_only.exit_code == 0, staff_only.output
    found = accounts.authenticate("lan", PASSWORD, "cli-test")
    assert found is not None and found.queues == (QUEUE_B, QUEUE_A)
    no_queue = run.invoke(app, ["users", "add", "x", "--password-stdin"], input=PASSWORD)
    assert no_queue.exit_code == 1
    again = run.invoke(app, ["users", "add", "admin", "--role", "admin", "--password-stdin"],
                       input=PASSWORD + "\n")
    assert again.exit_code == 1 and "đã tồn tại" in again.output


def test_record_call_validates_and_acknowledges(service: IntakeService, staff: StaffService,
                                                db: Database, alice: StaffIdentity) -> None:
    from intake.services.staff import RecordedCall

    with pytest.raises(ValidationError):
        staff.record_call(alice, RecordedCall(Channel.PHONE, "Đèn đường hỏng", phone="12"))
    with pytest.raises(ValidationError):
        staff.record_call(alice, RecordedCall(Channel.EMAIL, "Đèn đường hỏng"))
    quiet = staff.record_call(alice, RecordedCall(Channel.WALK_IN, "Đèn đường hỏng nhiều tháng"))
    assert quiet.channel == "walk_in" and quiet.reply_channel == "walk_in"
    told = staff.record_call(alice, RecordedCall(Channel.PHONE, "Đèn đường hỏng nhiều tháng",
                                                 email="Dan@Example.VN"))
    with db.reading() as session:
        (ack,) = session.scalars(select(Outbox).where(Outbox.recipient == "Dan@example.vn"))
        assert told.code in ack.body


def test_text_search_counts_are_capped(service: IntakeService, staff: StaffService,
                                       alice: StaffIdentity, coordinator: StaffIdentity,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import intake.services.staff as staff_module

    for _ in range(3):
        complaint_in(service, staff, coordinator, QUEUE_A)
    monkeypatch.setattr(staff_module, "SEARCH_CAP", 2)
    page = staff.queue(alice, QueueFilter(text="Bích Động"))
    assert page.capped and page.total == 2 and sum(page.counts.values()) == 2
    assert not staff.queue(alice, QueueFilter(text="không có từ này")).rows


def test_merge_duplicate(service: IntakeService, staff: StaffService, db: Database,
                         alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    first = complaint_in(service, staff, coordinator, QUEUE_A)
    dup = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                       reply_channel=Channel.EMAIL, reply_address="trung@example.vn")
    other = complaint_in(service, staff, coordinator, QUEUE_B)
    with pytest.raises(AccessDenied):
        staff.merge(alice, dup.code, other.code)
    with pytest.raises(ValidationError):
        staff.merge(alice, dup.code, dup.code)
    staff.merge(alice, dup.code, first.code, "cùng sự việc")
    assert service.get(dup.code).status == Status.CLOSED
    assert [e.data for e in service.events(first.code) if e.kind == "merged_from"] == \
        [{"from": dup.code}]
    with db.reading() as session:
        (told,) = session.scalars(select(Outbox).where(Outbox.recipient == "trung@example.vn"))
        assert first.code in told.body


def test_a_complaint_merged_away_is_not_merged_into(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    first = complaint_in(service, staff, coordinator, QUEUE_A)
    second = complaint_in(service, staff, coordinator, QUEUE_A)
    third = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.merge(alice, second.code, first.code)
    with pytest.raises(ValidationError) as circle:
        staff.merge(alice, first.code, second.code)
    assert f"hãy gộp vào {first.code}" in circle.value.message_vi
    with pytest.raises(ValidationError, match="merged away") as chain:
        staff.merge(alice, third.code, second.code)
    assert f"đã được gộp vào {first.code}" in chain.value.message_vi
    assert service.get(first.code).status != Status.CLOSED.value
    service.change_status(second.code, Status.IN_PROGRESS, "staff:alice", "Không trùng")
    staff.merge(alice, third.code, second.code)  # reopened: no longer a duplicate
    assert service.get(third.code).status == Status.CLOSED.value


def test_two_staff_merging_a_pair_into_each_other_at_once(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    """Each merge takes its first lock, then both are made to meet (a barrier after the
    first lock statement, given up after 2 s) before taking the second: taken in one
    order, the second merge waits for the first and is refused, instead of a deadlock
    (PostgreSQL) or a circle of two closed complaints (SQLite)."""
    one = complaint_in(service, staff, coordinator, QUEUE_A)
    other = complaint_in(service, staff, coordinator, QUEUE_A)
    outcomes: list[str] = []

    def merge(code: str, into: str) -> None:
        try:
            staff.merge(alice, code, into)
            outcomes.append("merged")
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes.append(type(error).__name__)

    run_at_once(service.db.engine, "after_cursor_execute", MeetingAfterTheFirstLock(),
                [lambda: merge(one.code, other.code), lambda: merge(other.code, one.code)])
    assert sorted(outcomes) == ["merged", "refused"]
    closed = [c for c in (one.code, other.code)
              if service.get(c).status == Status.CLOSED.value]
    assert len(closed) == 1


def _reply_mail(code: str, sender: str) -> bytes:
    """A citizen's e-mail reply on their complaint ``code`` (its code in the subject)."""
    return (f"From: {sender}\r\nTo: thutuchanhchinh@bacgiang.gov.vn\r\n"
            f"Subject: Re: [{code}] bổ sung\r\nMessage-ID: <reply-{code}@example.vn>\r\n"
            "Date: Mon, 12 May 2025 08:30:00 +0700\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            f"Tôi bổ sung thông tin cho phản ánh {code}.\r\n").encode()


def test_a_merge_and_a_mail_batch_meeting_on_the_pair_both_complete(
        service: IntakeService, staff: StaffService, db: Database, alice: StaffIdentity,
        coordinator: StaffIdentity, settings: Settings) -> None:
    """A mail batch files replies to both complaints of a pair, in mail order (the higher
    code first), while staff merge the pair (which locks the lower code first). Both
    take their first lock, meet, then the merge asks for its second lock first and the
    batch a moment later: locked in crossed order, PostgreSQL would end the merge as the
    deadlock's victim (the console's error page). Both must complete, each reply filed
    once and the merge done once."""
    pair = sorted((complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                                reply_channel=Channel.EMAIL, reply_address=address)
                   for address in ("an@example.vn", "binh@example.vn")),
                  key=lambda view: view.code)
    lower, higher = pair
    ingestor = MailIngestor(service, test_mail_settings(settings.var_dir))

    def batch_lets_the_merge_ask_first(seen: threading.local) -> None:
        if getattr(seen, "batch", False):
            time.sleep(0.3)  # the merge waits first: the deadlock's victim

    meet_after_the_first_lock = MeetingAfterTheFirstLock(batch_lets_the_merge_ask_first)
    seen = meet_after_the_first_lock.seen
    outcomes: dict[str, str] = {}

    def merge() -> None:
        try:
            staff.merge(alice, lower.code, higher.code, "cùng sự việc")
            outcomes["merge"] = "merged"
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes["merge"] = type(error).__name__

    def batch() -> None:
        seen.batch = True
        results = ingestor.ingest_batch([(_reply_mail(view.code, view.reply_address or ""),
                                          "t") for view in (higher, lower)])
        outcomes["batch"] = ",".join(f"{r.kind}:{r.status.value}" for r in results)

    run_at_once(db.engine, "after_cursor_execute", meet_after_the_first_lock,
                [merge, batch])
    assert outcomes == {"merge": "merged", "batch": "reply:ingested,reply:ingested"}
    for view in pair:
        inbound = [m for m in service.messages(view.code) if m.direction == Direction.INBOUND]
        assert len(inbound) == 2, view.code  # the complaint's text and the reply, once
    assert service.get(lower.code).status == Status.CLOSED.value
    assert [e.data for e in service.events(higher.code) if e.kind == "merged_from"] == \
        [{"from": lower.code}]
    with db.reading() as session:
        told = session.scalars(select(Outbox.headers).where(
            Outbox.recipient == lower.reply_address)).all()
    assert [h["X-PAKN-Purpose"] for h in told].count("merged") == 1


def test_a_merge_locks_the_pair_and_its_duplicates_in_one_statement(
        service: IntakeService, staff: StaffService, db: Database, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    """C was merged into A; merging A into B locks A, B and C together, in code order,
    before it changes anything: a mail batch filing replies to B and C (which locks in
    code order too) then waits for the merge instead of each holding a lock the other
    asks for (PostgreSQL ends one of a deadlock's two). SQLite has one write lock."""
    if db.engine.dialect.name == "sqlite":
        pytest.skip("SQLite's one write lock orders every unit of work")
    target = complaint_in(service, staff, coordinator, QUEUE_A)
    middle = complaint_in(service, staff, coordinator, QUEUE_A)
    follower = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.merge(alice, follower.code, middle.code, "cùng sự việc")
    locked: list[set[str]] = []

    def record_locks(_conn: object, _cursor: object, statement: str, parameters: object,
                     *_rest: object) -> None:
        if is_lock_statement(statement):
            values = parameters.values() if isinstance(parameters, dict) else parameters
            locked.append({v for v in values or () if isinstance(v, str)})

    event.listen(db.engine, "before_cursor_execute", record_locks)
    try:
        staff.merge(alice, middle.code, target.code, "cùng sự việc")
    finally:
        event.remove(db.engine, "before_cursor_execute", record_locks)
    assert locked and locked[0] == {target.code, middle.code, follower.code}, locked


def test_merging_a_complaint_moves_its_duplicates_to_the_new_target(
        service: IntakeService, staff: StaffService, db: Database, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    """C was merged into A; merging A into B re-points C to B in the same unit of work
    (an event on C and on B saying so), so no duplicate points at a closed duplicate.
    C's citizen was told once, when C was closed; C's status does not change now, so
    they are not told again."""
    target = complaint_in(service, staff, coordinator, QUEUE_A)
    middle = complaint_in(service, staff, coordinator, QUEUE_A)
    follower = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                            reply_channel=Channel.EMAIL, reply_address="chi@example.vn")
    staff.merge(alice, follower.code, middle.code, "cùng sự việc")
    staff.merge(alice, middle.code, target.code, "cùng sự việc")

    repointed = [e for e in service.events(follower.code) if e.kind == "merged"][-1]
    assert repointed.data == {"into": target.code, "via": middle.code}
    assert repointed.actor == "staff:alice"
    assert [e.data for e in service.events(target.code) if e.kind == "merged_from"] == [
        {"from": middle.code}, {"from": follower.code, "via": middle.code}]
    assert service.get(follower.code).status == Status.CLOSED.value
    other = complaint_in(service, staff, coordinator, QUEUE_A)
    with pytest.raises(ValidationError) as chain:
        staff.merge(alice, other.code, follower.code)
    assert f"đã được gộp vào {target.code}" in chain.value.message_vi
    with db.reading() as session:
        told = session.scalars(select(Outbox.body).where(
            Outbox.recipient == "chi@example.vn")).all()
    merged_letters = [body for body in told if "trùng với phản ánh" in body]
    assert len(merged_letters) == 1 and middle.code in merged_letters[0]


def test_a_duplicate_reopened_since_is_not_moved_with_its_old_target(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    target = complaint_in(service, staff, coordinator, QUEUE_A)
    middle = complaint_in(service, staff, coordinator, QUEUE_A)
    reopened = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.merge(alice, reopened.code, middle.code)
    service.change_status(reopened.code, Status.IN_PROGRESS, "staff:alice", "Không trùng")
    staff.merge(alice, middle.code, target.code)
    assert [e.data for e in service.events(reopened.code) if e.kind == "merged"] == \
        [{"into": middle.code}]
    assert service.get(reopened.code).status == Status.IN_PROGRESS.value
