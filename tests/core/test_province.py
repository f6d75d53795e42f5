"""The province's name follows the organisation in force: the organisation data's name
after ``org load``, the new province's from the date of the 2025 change, kept by a later
load, overridden by ``PAKN_PROVINCE_NAME``; bad names are refused with a clear error."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.config import load_settings
from intake.db import Database
from intake.errors import OrganisationDataError
from intake.models import ProvinceName
from intake.org.changes import apply_changes, read_changes
from intake.org.data_files import read_organisation
from intake.org.loader import load_organisation
from intake.org.province import Province
from intake.services.complaints import IntakeService

ROOT = Path(__file__).resolve().parents[2]
REFORM = ROOT / "intake" / "org" / "data" / "changes-2025.yml"


def _names(db: Database) -> list[tuple[str, date | None]]:
    with db.reading() as session:
        return [(row.name, row.effective) for row in session.scalars(
            select(ProvinceName).order_by(ProvinceName.id))]


def test_the_loaded_organisation_names_its_province(service: IntakeService,
                                                    db: Database) -> None:
    province = service.province()
    assert (province.full, province.in_sentence) == ("Tỉnh Bắc Giang", "tỉnh Bắc Giang")
    load_organisation(db, read_organisation(), source="again")  # a reload writes nothing
    assert _names(db) == [("Tỉnh Bắc Giang", None)]


def test_the_2025_file_renames_the_province_from_its_date(service: IntakeService,
                                                          db: Database) -> None:
    before = apply_changes(service, read_changes(REFORM), as_of=date(2025, 6, 30))
    assert "province 'Tỉnh Bắc Ninh' (2025-07-01)" in before.pending
    assert service.province().full == "Tỉnh Bắc Giang"

    after = apply_changes(service, read_changes(REFORM), as_of=date(2025, 7, 1))
    assert "province 'Tỉnh Bắc Ninh' (2025-07-01)" in after.applied
    assert service.province().in_sentence == "tỉnh Bắc Ninh"
    again = apply_changes(service, read_changes(REFORM), as_of=date(2025, 7, 1))
    assert "province 'Tỉnh Bắc Ninh' (2025-07-01)" in again.skipped
    load_organisation(db, read_organisation(), source="reload")  # does not undo the change
    assert service.province().full == "Tỉnh Bắc Ninh"
    assert _names(db) == [("Tỉnh Bắc Giang", None), ("Tỉnh Bắc Ninh", date(2025, 7, 1))]


def test_a_setting_overrides_the_organisation(service: IntakeService, db: Database,
                                              tmp_path: Path) -> None:
    settings = load_settings({"PAKN_DATABASE_URL": db.url,
                              "PAKN_VAR_DIR": str(tmp_path),
                              "PAKN_PROVINCE_NAME": "  thành phố   Huế "})
    assert IntakeService(db, settings).province().full == "Thành phố Huế"
    plain = replace(service.settings, province_name="Bắc Ninh")
    assert IntakeService(db, plain).province().in_sentence == "tỉnh Bắc Ninh"


@pytest.mark.parametrize("bad", ["", "   ", "Tỉnh", "tinh ", "Thành phố", "x" * 200])
def test_bad_names_are_refused(bad: str, tmp_path: Path) -> None:
    with pytest.raises(OrganisationDataError):
        Province.parse(bad)
    if bad.strip():
        with pytest.raises(ValueError, match="PAKN_PROVINCE_NAME"):
            load_settings({"PAKN_VAR_DIR": str(tmp_path), "PAKN_PROVINCE_NAME": bad})


def test_names_without_diacritics_keep_what_was_written() -> None:
    assert Province.parse("tinh Bac Ninh") == Province("Tỉnh", "Bac Ninh")
    assert Province.parse("Bắc Ninh").full == "Tỉnh Bắc Ninh"


@pytest.mark.parametrize("entry", [
    "{action: province, effective: 2025-07-01}",
    "{action: province, name: 'Tỉnh', effective: 2025-07-01}",
    "{action: province, name: 'Tỉnh Bắc Ninh'}",
])
def test_a_bad_province_change_is_refused(entry: str, tmp_path: Path) -> None:
    path = tmp_path / "changes.yml"
    path.write_text(f"source: test\nchanges:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(OrganisationDataError, match="change 1"):
        read_changes(path)
