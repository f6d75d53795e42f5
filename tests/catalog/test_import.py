"""Importing catalogs: both formats, idempotence, dry runs, bad files and bad records."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from intake.catalog.errors import CatalogFileError
from intake.catalog.service import CatalogService
from tests.catalog.conftest import FIXTURES

SMALL = FIXTURES / "flat_small.json"


def _rows() -> list[dict[str, object]]:
    return json.loads(SMALL.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_flat_json_imports_and_reimport_changes_nothing(catalog: CatalogService) -> None:
    first = catalog.import_file(SMALL)
    assert sorted(first.added) == ["BG-CA-002", "BG-HT-001", "BG-LLTP-001"]
    again = catalog.import_file(SMALL)
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], 3)
    record = catalog.get("BG-HT-001")
    assert record.name == "Đăng ký khai sinh" and record.queue_code == "XA" and record.demo
    assert [c.kind for c in record.channels] == ["truc_tiep", "truc_tuyen", "buu_chinh"]
    assert record.documents[0].originals == 1


def test_changed_record_is_updated_and_versioned(catalog: CatalogService,
                                                 tmp_path: Path) -> None:
    catalog.import_file(SMALL)
    rows = _rows()
    rows[1]["ten_tthc"] = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam (sửa)"
    summary = catalog.import_file(_write(tmp_path, "changed.json", rows))
    assert summary.updated == ["BG-LLTP-001"] and len(summary.unchanged) == 2
    record = catalog.get("BG-LLTP-001")
    assert record.name.endswith("(sửa)") and record.extra["version"] == 2


def test_dry_run_writes_nothing(catalog: CatalogService) -> None:
    summary = catalog.import_file(SMALL, dry_run=True)
    assert len(summary.added) == 3 and summary.dry_run
    assert catalog.count() == 0


def test_bad_records_are_rejected_with_reasons_and_the_rest_imports(
        catalog: CatalogService, tmp_path: Path) -> None:
    rows = _rows()
    bad_queue = {**rows[0], "ma_tthc": "BG-X-1", "queue": "SO_KHONG_CO"}
    no_name = {**rows[0], "ma_tthc": "BG-X-2", "ten_tthc": ""}
    bad_channel = {**rows[0], "ma_tthc": "BG-X-3",
                   "cach_thuc_thuc_hien": [{"hinh_thuc": "fax"}]}
    bad_date = {**rows[0], "ma_tthc": "BG-X-4", "ngay_cong_bo": "2023-13-45"}
    duplicate = {**rows[1]}
    not_object = "just a string"
    path = _write(tmp_path, "mixed.json", [*rows, bad_queue, no_name, bad_channel, bad_date,
                                           duplicate, not_object])
    summary = catalog.import_file(path)
    assert len(summary.added) == 3
    reasons = {r.code: r.reason for r in summary.rejected}
    assert "SO_KHONG_CO" in reasons["BG-X-1"]
    assert "ten_tthc" in reasons["BG-X-2"]
    assert "fax" in reasons["BG-X-3"]
    assert "date" in reasons["BG-X-4"]
    assert "duplicate" in reasons["BG-LLTP-001"]
    assert any("expected an object" in r.reason for r in summary.rejected)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.json", "", "empty"),
    ("truncated.json", SMALL.read_text(encoding="utf-8")[:700], "truncated"),
    ("object.json", '{"a": 1}', "expected a JSON list"),
    ("catalog.txt", "ma_tthc,ten_tthc", "unknown catalog format"),
    ("broken.xlsx", "not a zip", "not a readable XLSX"),
    ("noheader.csv", "a,b\n1,2\n", "no header row"),
])
def test_unreadable_files_raise_a_clear_error(catalog: CatalogService, tmp_path: Path,
                                              name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogFileError, match=message):
        catalog.import_file(path)
    assert catalog.count() == 0


def test_latin1_file_is_refused(catalog: CatalogService, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('[{"ten_tthc": "Đăng ký"}]'.encode("utf-16"))
    with pytest.raises(CatalogFileError, match="UTF-8"):
        catalog.import_file(path)


def test_csv_with_semicolon_lists(catalog: CatalogService, tmp_path: Path) -> None:
    path = tmp_path / "flat.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ma_tthc", "ten_tthc", "linh_vuc", "cap_thuc_hien",
                         "co_quan_thuc_hien", "queue", "hinh_thuc", "thoi_han",
                         "phi_le_phi", "thanh_phan_ho_so", "tu_khoa", "demo"])
        writer.writerow(["BG-CSV-1", "Đăng ký khai tử", "Hộ tịch", "xa", "UBND cấp xã", "XA",
                         "truc_tiep;truc_tuyen", "Ngay trong ngày", "Miễn lệ phí",
                         "Tờ khai (1/0);Giấy báo tử (0/1)", "báo tử;khai tử", "x"])
    summary = catalog.import_file(path)
    assert summary.added == ["BG-CSV-1"], summary.rejected
    record = catalog.get("BG-CSV-1")
    assert [d.copies for d in record.documents] == [0, 1]
    assert record.channels[0].fee_vnd == 0 and record.demo


def test_xlsx(catalog: CatalogService, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ma_tthc", "ten_tthc", "linh_vuc", "cap_thuc_hien", "co_quan_thuc_hien",
                  "queue", "cach_thuc_thuc_hien"])
    sheet.append(["BG-XL-1", "Đăng ký kết hôn", "Hộ tịch", "xa", "UBND cấp xã", "XA",
                  json.dumps([{"hinh_thuc": "truc_tiep", "thoi_han": "03 ngày làm việc",
                               "phi_le_phi": "Miễn lệ phí"}], ensure_ascii=False)])
    path = tmp_path / "flat.xlsx"
    book.save(path)
    summary = catalog.import_file(path)
    assert summary.added == ["BG-XL-1"], summary.rejected
    assert catalog.get("BG-XL-1").channels[0].time_limit_days == 3


def test_national_sample_all_import(catalog: CatalogService, national_sample: Path) -> None:
    summary = catalog.import_file(national_sample)
    assert summary.rejected == [] and len(summary.added) == 207
    again = catalog.import_file(national_sample)
    assert len(again.unchanged) == 207 and not again.added and not again.updated
    record = catalog.get("1.013124")
    assert record.levels == ("bo",) and record.channels[0].time_limit_days == 30
    assert record.steps[0].startswith("Bước 1")
    assert record.documents[1].template == "5-PHLCII.doc"


def test_national_document_with_bad_json_is_rejected(catalog: CatalogService,
                                                     national_sample: Path,
                                                     tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    for source in sorted(national_sample.glob("*.json"))[:3]:
        (folder / source.name).write_text(source.read_text(encoding="utf-8"),
                                          encoding="utf-8")
    (folder / "9.999999.json").write_text('{"metadata": {', encoding="utf-8")
    summary = catalog.import_file(folder)
    assert len(summary.added) == 3 and len(summary.rejected) == 1
    assert "9.999999.json" in summary.rejected[0].reason
