"""Organisation changes: a merge moves open complaints with an audit event and keeps
history; already-applied and future changes; bad changes write nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.db import Database
from intake.errors import OrganisationDataError
from intake.models import Queue, QueueChange, Role, Status
from intake.org.changes import apply_changes, read_changes
from intake.org.data_files import read_organisation
from intake.org.loader import load_organisation
from intake.routing.errors import RoutingDataError
from intake.services.accounts import Accounts
from intake.services.complaints import IntakeService
from tests.core.factories import file_complaint

MERGE = """
source: test reform
changes:
  - {action: merge, from: [SO_KH_DT], into: SO_TAI_CHINH, effective: 2025-03-01}
  - {action: rename, code: BAN_DAN_TOC, name: "Sở Dân tộc và Tôn giáo", effective: 2025-03-01}
  - {action: retire, code: SO_NGOAI_VU, successor: VP_UBND, effective: 2031-01-01}
"""


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "changes.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _kh_dt(service: IntakeService, text: str = "Đăng ký doanh nghiệp bị trả hồ sơ") -> str:
    view = file_complaint(service, text=text, procedure_queue="SO_KH_DT",
                          procedure_name="Đăng ký doanh nghiệp")
    assert view.queue_code == "SO_KH_DT"
    return view.code


def test_merge_moves_open_complaints_and_keeps_history(
        service: IntakeService, db: Database, tmp_path: Path) -> None:
    open_code, closed_code = _kh_dt(service), _kh_dt(service, "Giải thể doanh nghiệp chậm")
    service.change_status(closed_code, Status.CLOSED, actor="staff:test")
    report = apply_changes(service, read_changes(_file(tmp_path, MERGE)),
                           as_of=date(2025, 6, 1))
    assert len(report.applied) == 2 and len(report.pending) == 1
    assert report.moved == {"SO_KH_DT": 1}

    moved = service.get(open_code)
    assert moved.queue_code == "SO_TAI_CHINH"
    events = service.events(open_code)
    assert [e.kind for e in events] == ["created", "routed", "transferred"]
    assert events[1].data["queue"] == "SO_KH_DT"  # history intact
    assert events[2].data["previous_queue"] == "SO_KH_DT" and "sáp nhập" in (
        events[2].reason or "")
    assert service.get(closed_code).queue_code == "SO_KH_DT"  # closed: stays where it was

    with db.reading() as session:
        old = session.get(Queue, "SO_KH_DT")
        assert old is not None and not old.active and old.successor_code == "SO_TAI_CHINH"
        changes = session.scalars(select(QueueChange.change).where(
            QueueChange.queue_code.in_(["SO_KH_DT", "BAN_DAN_TOC"]))).all()
    assert set(changes) == {"created", "merged", "renamed"}

    again = apply_changes(service, read_changes(_file(tmp_path, MERGE)),
                          as_of=date(2025, 6, 1))
    assert not again.applied and len(again.skipped) == 2 and not again.moved

    # reloading the base organisation does not undo the reform
    load_organisation(db, read_organisation(), source="test")
    with db.reading() as session:
        assert not session.get(Queue, "SO_KH_DT").active  # type: ignore[union-attr]
        assert session.get(Queue, "BAN_DAN_TOC").name == "Sở Dân tộc và Tôn giáo"  # type: ignore[union-attr]

    # new complaints about the merged department reach its successor, saying why
    fresh = file_complaint(service, text="Đăng ký thành lập công ty TNHH bị trả hồ sơ")
    assert fresh.queue_code == "SO_TAI_CHINH"


def test_future_changes_wait_for_their_date(service: IntakeService, tmp_path: Path) -> None:
    code = _kh_dt(service)
    report = apply_changes(service, read_changes(_file(tmp_path, MERGE)),
                           as_of=date(2024, 1, 1))
    assert not report.applied and len(report.pending) == 3
    assert service.get(code).queue_code == "SO_KH_DT"


def test_dry_run_writes_nothing(service: IntakeService, tmp_path: Path) -> None:
    code = _kh_dt(service)
    report = apply_changes(service, read_changes(_file(tmp_path, MERGE)),
                           as_of=date(2025, 6, 1), dry_run=True)
    assert report.applied and report.dry_run
    assert service.get(code).queue_code == "SO_KH_DT"


def test_retiring_a_queue_the_rules_need_without_successor_is_refused(
        service: IntakeService, tmp_path: Path) -> None:
    code = _kh_dt(service)
    path = _file(tmp_path, "changes:\n  - {action: retire, code: SO_KH_DT, "
                           "effective: 2025-01-01}\n")
    with pytest.raises(RoutingDataError, match="SO_KH_DT"):
        apply_changes(service, read_changes(path), as_of=date(2025, 6, 1))
    assert service.get(code).queue_code == "SO_KH_DT"  # rolled back


@pytest.mark.parametrize("text", [
    "changes:\n  - {action: merge, from: [SO_KH_DT], into: SO_KHONG_CO, effective: 2025-01-01}\n",
    "changes:\n  - {action: explode, code: SO_KH_DT, effective: 2025-01-01}\n",
    "changes:\n  - {action: rename, code: SO_KH_DT, effective: 2025-01-01}\n",
    "changes: 7\n",
])
def test_malformed_changes_are_refused(service: IntakeService, tmp_path: Path,
                                       text: str) -> None:
    with pytest.raises(OrganisationDataError):
        apply_changes(service, read_changes(_file(tmp_path, text)), as_of=date(2025, 6, 1))


def test_a_merged_bodys_staff_join_its_successor_and_a_retired_ones_are_reported(
        service: IntakeService, db: Database, tmp_path: Path) -> None:
    accounts = Accounts(db)
    planner = accounts.add_user("kehoach", "mat-khau-du-dai", Role.STAFF, ["SO_KH_DT"])
    both = accounts.add_user("haiso", "mat-khau-du-dai", Role.STAFF,
                             ["SO_KH_DT", "SO_TAI_CHINH"])
    foreign = accounts.add_user("ngoaivu", "mat-khau-du-dai", Role.STAFF, ["SO_NGOAI_VU"])
    report = apply_changes(service, read_changes(_file(tmp_path, MERGE)),
                           as_of=date(2031, 6, 1))
    assert report.staff == {"SO_KH_DT": 1}  # "haiso" already worked Sở Tài chính
    assert report.to_reassign == {"SO_NGOAI_VU": 1}
    assert any("reassign" in line for line in report.lines())
    assert accounts.identity(planner.id).queues == ("SO_KH_DT", "SO_TAI_CHINH")
    assert accounts.identity(both.id).queues == ("SO_KH_DT", "SO_TAI_CHINH")
    assert accounts.identity(foreign.id).queues == ("SO_NGOAI_VU",)  # not the triage desk
