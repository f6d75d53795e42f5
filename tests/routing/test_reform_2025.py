"""The 2025 reorganisation (intake/org/data/changes-2025.yml) on a real database.

Old addresses reach today's commune with the reason saying so, merged departments reach
their successor, open complaints move once with a ``transferred`` event, a Telegram
location reaches the nearest commune, and the pre-2025 snapshot still routes as before.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from intake.catalog.models import Procedure
from intake.catalog.service import DEMO_CATALOG, CatalogService
from intake.db import Database
from intake.models import Event, Queue, QueueChange, Status, utcnow
from intake.org.addresses import resolve
from intake.org.changes import apply_changes, read_changes
from intake.routing.service import active_communes
from intake.services.complaints import IntakeService
from intake.services.identity import StaffIdentity
from intake.services.open311 import Open311
from intake.services.reports import Reports
from tests.core.factories import file_complaint

ROOT = Path(__file__).resolve().parents[2]
REFORM = ROOT / "intake" / "org" / "data" / "changes-2025.yml"
AFTER = date(2025, 7, 2)
TAN_MOC, NAM_DUONG = "XA_07606", "XA_07603"  # Xã Tân Mộc (Lục Ngạn) → Xã Nam Dương
BICH_DONG = "XA_07777"  # Thị trấn Bích Động keeps its code as Phường Việt Yên
LIGHTS = "Đèn chiếu sáng đường làng ở {place} hỏng cả tháng nay, tối đi lại rất nguy hiểm"


def _apply(service: IntakeService) -> None:
    apply_changes(service, read_changes(REFORM), as_of=AFTER)


def _transfers(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Event).where(
            Event.kind == "transferred")) or 0


def test_generated_file_is_current() -> None:
    """The file on disk is what the generator writes from the library's mapping."""
    result = subprocess.run([sys.executable, "scripts/org_changes_2025.py", "--check"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_every_change_is_sourced_and_unconfirmed_facts_are_listed() -> None:
    import yaml

    doc = yaml.safe_load(REFORM.read_text(encoding="utf-8"))
    departments = [c for c in doc["changes"] if not str(c.get("code", c.get("into", "")))
                   .startswith(("XA_", "HUYEN_"))]
    assert departments and all("source" in c for c in departments)
    assert all(key in doc["sources"] for key in ("communes", "districts", "province"))
    assert any("CUC_THUE" in line for line in doc["unconfirmed"])


def test_open_complaints_move_once_and_history_stays(service: IntakeService,
                                                     db: Database) -> None:
    commune = file_complaint(service, text="Hồ sơ chứng thực ở xã chậm",
                             procedure_queue=TAN_MOC)
    department = file_complaint(service, text="Đăng ký doanh nghiệp bị trả hồ sơ",
                                procedure_queue="SO_KH_DT",
                                procedure_name="Đăng ký doanh nghiệp")
    assert (commune.queue_code, department.queue_code) == (TAN_MOC, "SO_KH_DT")

    report = apply_changes(service, read_changes(REFORM), as_of=AFTER)
    assert report.moved[TAN_MOC] == 1 and report.moved["SO_KH_DT"] == 1
    assert service.get(commune.code).queue_code == NAM_DUONG
    assert service.get(department.code).queue_code == "SO_TAI_CHINH"
    events = service.events(commune.code)
    assert [e.kind for e in events] == ["created", "routed", "transferred"]
    assert events[1].data["queue"] == TAN_MOC and events[2].data["previous_queue"] == TAN_MOC
    moves = _transfers(db)

    again = apply_changes(service, read_changes(REFORM), as_of=AFTER)
    assert not again.applied and not again.moved and _transfers(db) == moves
    with db.reading() as session:
        old = session.get(Queue, TAN_MOC)
        district = session.get(Queue, "HUYEN_219")
        assert old is not None and not old.active and old.successor_code == NAM_DUONG
        assert district is not None and not district.active
        kept = session.get(Queue, BICH_DONG)
        assert kept is not None and kept.name == "UBND Phường Việt Yên" \
            and kept.place_type == "phuong" and kept.parent_code is None
        history = set(session.scalars(select(QueueChange.change).where(
            QueueChange.queue_code == BICH_DONG)))
    assert {"created", "renamed", "moved"} <= history


def test_changes_wait_for_their_dates(service: IntakeService) -> None:
    report = apply_changes(service, read_changes(REFORM), as_of=date(2025, 4, 1))
    assert any("SO_KH_DT" in line for line in report.applied)
    assert not any("XA_" in line or "HUYEN_" in line for line in report.applied)
    assert len(report.pending) > 150


@pytest.mark.parametrize(("place", "heir", "note"), [
    ("xã Tân Mộc, huyện Lục Ngạn", NAM_DUONG, "xã Tân Mộc (cũ) → Xã Nam Dương"),
    ("xa tan moc, huyen luc ngan", NAM_DUONG, "xã Tân Mộc (cũ) → Xã Nam Dương"),
    ("thị trấn Bích Động, Việt Yên", BICH_DONG, "thị trấn Bích Động (cũ) → Phường Việt Yên"),
    ("thi tran bich dong, viet yen", BICH_DONG, "thị trấn Bích Động (cũ) → Phường Việt Yên"),
])
def test_old_address_in_the_text_reaches_todays_commune(
        service: IntakeService, place: str, heir: str, note: str) -> None:
    _apply(service)
    view = file_complaint(service, text=LIGHTS.format(place=place))
    assert view.queue_code == heir
    routed = service.events(view.code)[1]
    assert any(note in reason for reason in routed.data["reasons"]), routed.data["reasons"]


def test_todays_commune_named_with_its_old_district(service: IntakeService) -> None:
    """Phúc Hòa kept its name in 2025; people still add "huyện Tân Yên", which must not
    make it a conflict with the old communes of that district."""
    _apply(service)
    view = file_complaint(service, text=LIGHTS.format(
        place="xã Phúc Hòa, huyện Tân Yên"))
    assert view.queue_code == "XA_07330"


@pytest.mark.parametrize("place", ["xã Tân Mộc, huyện Lục Ngạn", "xa tan moc luc ngan"])
def test_old_address_in_the_form_reaches_todays_commune(service: IntakeService,
                                                        place: str) -> None:
    _apply(service)
    view = file_complaint(service, text=LIGHTS.format(place="thôn tôi"), location_text=place)
    assert view.queue_code == NAM_DUONG
    reasons = service.events(view.code)[1].data["reasons"]
    assert any("xã Tân Mộc (cũ) → Xã Nam Dương" in r for r in reasons), reasons


def test_before_the_reform_the_old_commune_is_itself(service: IntakeService) -> None:
    view = file_complaint(service, text=LIGHTS.format(place="xã Tân Mộc, huyện Lục Ngạn"))
    assert view.queue_code == TAN_MOC
    assert not any("(cũ)" in r for r in service.events(view.code)[1].data["reasons"])


def test_merged_department_reaches_its_successor(service: IntakeService) -> None:
    _apply(service)
    view = file_complaint(service, text="Dự án đầu tư của công ty tôi nộp hồ sơ xin chủ "
                                        "trương đầu tư tại Sở Kế hoạch và Đầu tư đã 3 tháng "
                                        "chưa có kết quả")
    assert view.queue_code == "SO_TAI_CHINH"
    reasons = service.events(view.code)[1].data["reasons"]
    assert any("SO_KH_DT đã sáp nhập/giải thể → đơn vị kế thừa SO_TAI_CHINH" in r
               for r in reasons), reasons


def _centre(code: str) -> tuple[float, float]:
    """The library's centre of a 2025 commune (what a phone there would report, nearly)."""
    import vietnamadminunits

    path = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    with sqlite3.connect(path) as conn:
        lat, lon = conn.execute("SELECT wardLat, wardLon FROM admin_units WHERE wardCode = ?",
                                (code,)).fetchone()
    return float(lat), float(lon)


def test_telegram_location_reaches_the_nearest_commune(service: IntakeService) -> None:
    _apply(service)
    lat, lon = _centre("07603")
    view = file_complaint(service, text=LIGHTS.format(place="thôn tôi"),
                          coordinates=(lat + 0.004, lon - 0.003))
    assert view.queue_code == NAM_DUONG
    reasons = service.events(view.code)[1].data["reasons"]
    assert any("vị trí Telegram gần trung tâm Xã Nam Dương" in r for r in reasons), reasons


def test_telegram_location_far_away_is_not_a_commune(service: IntakeService) -> None:
    _apply(service)
    view = file_complaint(service, text=LIGHTS.format(place="thôn tôi"),
                          coordinates=(21.028, 105.834))  # Hà Nội
    assert not (view.queue_code or "").startswith("XA_")


def test_address_library_reads_old_and_new_forms(service: IntakeService,
                                                 db: Database) -> None:
    _apply(service)
    communes = active_communes(db)
    old = resolve("thôn Đồng Cốc, xã Tân Mộc, huyện Lục Ngạn, tỉnh Bắc Giang", communes)
    assert old is not None and old.queue_code == NAM_DUONG and old.former == "xã Tân Mộc (cũ)"
    new = resolve("xã Nam Dương, tỉnh Bắc Ninh", communes)
    assert new is not None and new.queue_code == NAM_DUONG and new.former is None
    assert resolve("123 Nguyễn Trãi, Thanh Xuân, Hà Nội", communes) is None
    assert resolve("không có địa chỉ", communes) is None


def _national(folder: Path, code: str, agency: str) -> None:
    """A minimal document of the national export naming ``agency``."""
    folder.mkdir(exist_ok=True)
    doc = {"metadata": {"mã_thủ_tục": code, "tên_thủ_tục": f"Thủ tục thử {code}",
                        "lĩnh_vực": "Thử nghiệm", "cấp_thực_hiện": "Cấp Tỉnh"},
           "content": {"cơ_quan_thực_hiện": agency}, "tables": {}}
    (folder / f"{code}.json").write_text(json.dumps(doc, ensure_ascii=False),
                                         encoding="utf-8")


def test_catalog_follows_the_successors(service: IntakeService, db: Database,
                                        tmp_path: Path) -> None:
    catalog = CatalogService(db)
    catalog.import_file(DEMO_CATALOG)
    before = {c: catalog.get(c).queue_code for c in _codes_of(catalog, "SO_KH_DT")}
    assert before

    report = apply_changes(service, read_changes(REFORM), as_of=AFTER)
    assert report.procedures["SO_KH_DT"] == len(before)
    assert {catalog.get(c).queue_code for c in before} == {"SO_TAI_CHINH"}
    again = catalog.import_file(DEMO_CATALOG)  # what make run does after the changes
    assert not again.updated and {catalog.get(c).queue_code for c in before} == {
        "SO_TAI_CHINH"}

    folder = tmp_path / "export"
    _national(folder, "9.000001", "Sở Kế hoạch và Đầu tư tỉnh Bắc Giang")  # old name
    _national(folder, "9.000002", "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh")  # new name
    _national(folder, "9.000003", "Ban Dân tộc tỉnh Bắc Giang")  # renamed since
    _national(folder, "9.000004", "Công an tỉnh Bắc Giang")  # renamed since
    catalog.import_file(folder)
    assert [catalog.get(f"9.00000{i}").queue_code for i in range(1, 5)] == [
        "SO_TAI_CHINH", "SO_NN_MT", "BAN_DAN_TOC", "CONG_AN"]


def _codes_of(catalog: CatalogService, queue: str) -> list[str]:
    with catalog.db.reading() as session:
        return list(session.scalars(select(Procedure.code).where(Procedure.queue_code == queue)))


def test_reports_over_the_change_count_each_complaint_under_todays_unit(
        service: IntakeService) -> None:
    start = utcnow() - timedelta(days=1)
    closed = file_complaint(service, text="Hồ sơ chứng thực ở xã chậm", procedure_queue=TAN_MOC)
    service.change_status(closed.code, Status.CLOSED, actor="staff:test")
    file_complaint(service, text="Hồ sơ hộ tịch ở xã chậm", procedure_queue=TAN_MOC)
    file_complaint(service, text="Đèn đường hỏng", procedure_queue=NAM_DUONG)
    _apply(service)
    assert service.get(closed.code).queue_code == TAN_MOC  # history: closed stays

    end = utcnow() + timedelta(minutes=1)
    everyone = StaffIdentity(1, "coordinator", "coordinator", ())
    rows = {r.queue: r for r in Reports(service.db).per_queue(everyone, start, end)}
    assert TAN_MOC not in rows
    assert (rows[NAM_DUONG].received, rows[NAM_DUONG].open) == (3, 2)
    assert rows[NAM_DUONG].name == "UBND Xã Nam Dương"
    new_unit = StaffIdentity(2, "nam-duong", "staff", (NAM_DUONG,))
    mine = Reports(service.db).per_queue(new_unit, start, end)
    assert [(r.queue, r.received) for r in mine] == [(NAM_DUONG, 3)]


def test_open311_categories_name_todays_departments(service: IntakeService) -> None:
    _apply(service)
    categories = {s.code: s.department for s in Open311(service).services}
    assert categories["giao-thong"] == "SO_XAY_DUNG" and categories["dat-dai"] == "SO_NN_MT"
    assert not set(categories.values()) & {"SO_GTVT", "SO_TN_MT", "SO_LD_TBXH"}


def test_denunciation_of_a_commune_official_does_not_go_to_that_commune(
        service: IntakeService) -> None:
    """Before 2025 the district chairman settled it; the district is gone, so its
    successor (the triage desk) decides — never the accused official's own commune."""
    _apply(service)
    view = file_complaint(service, text="Tôi tố cáo chủ tịch xã Tân Mộc, huyện Lục Ngạn nhận "
                                        "tiền của dân để cấp đất trái phép")
    assert view.queue_code == "VP_UBND"
    reasons = service.events(view.code)[1].data["reasons"]
    assert any("HUYEN_219 đã sáp nhập/giải thể → đơn vị kế thừa VP_UBND" in r
               for r in reasons), reasons
