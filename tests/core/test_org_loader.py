"""Loading the organisation: every queue, idempotent, history kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from intake.db import Database
from intake.errors import OrganisationDataError
from intake.models import Queue, QueueChange
from intake.org.data_files import DEFAULT_ORG_FILE, read_organisation
from intake.org.loader import load_organisation


def test_the_shipped_organisation_has_every_queue_of_the_contract() -> None:
    org = read_organisation()
    kinds: dict[str, int] = {}
    for q in org.queues:
        kinds[q.kind.value] = kinds.get(q.kind.value, 0) + 1
    assert kinds == {"provincial": 20, "central": 3, "district": 10, "commune": 209}
    codes = org.by_code()
    assert codes["XA_07777"].name == "UBND Thị trấn Bích Động"
    assert codes["XA_07777"].parent_code == "HUYEN_222"
    assert codes["HUYEN_222"].name == "UBND Huyện Việt Yên"
    assert org.triage_queue == "VP_UBND"


def test_loading_twice_changes_nothing(db: Database) -> None:
    summary = load_organisation(db, read_organisation(), source="again")
    assert not summary.changed and summary.unchanged == 242


def _edited_copy(tmp_path: Path, edit: dict[str, str], drop: str | None = None) -> Path:
    doc = yaml.safe_load(DEFAULT_ORG_FILE.read_text(encoding="utf-8"))
    for entry in doc["provincial"]:
        entry["name"] = edit.get(entry["code"], entry["name"])
    doc["provincial"] = [e for e in doc["provincial"] if e["code"] != drop]
    target = tmp_path / "departments.yml"
    target.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    for name in ("xa-phuong", "quan-huyen-24.json"):
        (tmp_path / name).symlink_to(DEFAULT_ORG_FILE.parent / name)
    return target


def test_rename_and_retire_keep_history(db: Database, tmp_path: Path) -> None:
    path = _edited_copy(tmp_path, {"SO_NOI_VU": "Sở Nội vụ (mới)"}, drop="BAN_DAN_TOC")
    summary = load_organisation(db, read_organisation(path), source="2025 reform")
    assert summary.renamed == ["SO_NOI_VU"] and summary.retired == ["BAN_DAN_TOC"]
    with db.reading() as session:
        retired = session.get(Queue, "BAN_DAN_TOC")
        assert retired is not None and not retired.active and retired.retired_at is not None
        history = session.scalars(select(QueueChange).where(
            QueueChange.queue_code == "SO_NOI_VU").order_by(QueueChange.id)).all()
        assert [(h.change, h.old_value, h.new_value) for h in history][-1] == (
            "renamed", "Sở Nội vụ", "Sở Nội vụ (mới)")
        assert session.scalar(select(func.count()).select_from(Queue)) == 242
    back = load_organisation(db, read_organisation(), source="undo")
    assert back.reactivated == ["BAN_DAN_TOC"] and back.renamed == ["SO_NOI_VU"]


def test_an_unknown_triage_queue_is_an_operator_error(tmp_path: Path) -> None:
    doc = yaml.safe_load(DEFAULT_ORG_FILE.read_text(encoding="utf-8"))
    doc["triage_queue"] = "NOT_A_QUEUE"
    doc.pop("districts_from"), doc.pop("communes_from")
    bad = tmp_path / "bad.yml"
    bad.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(OrganisationDataError, match="triage"):
        read_organisation(bad)
