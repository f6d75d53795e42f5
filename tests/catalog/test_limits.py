"""Catalog files that would cost too much to read are refused with a clear error.

The console tests (``tests/console/test_security.py``) upload such files to the running
console; these check the importer's limits directly, for every format.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from intake.catalog import limits
from intake.catalog.errors import CatalogFileError
from intake.catalog.importers import parse_path
from tests.catalog.bombs import xlsx_bomb, xlsx_rows

QUEUES = {"SO_TU_PHAP": "Sở Tư pháp"}


def _refusal(path: Path) -> limits.CatalogTooLarge:
    with pytest.raises(limits.CatalogTooLarge) as caught:
        parse_path(path, QUEUES)
    return caught.value


def test_xlsx_bomb_refused_from_the_zip_directory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(xlsx_bomb(100))
    started = time.monotonic()
    refusal = _refusal(path)
    assert time.monotonic() - started < 1.0
    assert "giải nén" in refusal.message_vi


def test_too_many_rows_refused_in_every_format(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 50)
    sheet = tmp_path / "rows.xlsx"
    sheet.write_bytes(xlsx_rows(60))
    assert "dòng" in _refusal(sheet).message_vi
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text("ma_tthc,ten_tthc\n" + "".join(f"X{i},Y\n" for i in range(60)),
                        encoding="utf-8")
    assert "dòng" in _refusal(csv_file).message_vi
    json_file = tmp_path / "rows.json"
    json_file.write_text("[" + ",".join("{}" for _ in range(60)) + "]", encoding="utf-8")
    assert "dòng" in _refusal(json_file).message_vi


def test_too_many_columns_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    header = ",".join(["ma_tthc", *(f"c{i}" for i in range(limits.MAX_COLUMNS + 1))])
    path.write_text(header + "\nX,1\n", encoding="utf-8")
    assert "cột" in _refusal(path).message_vi


def test_deep_json_refused_without_recursion_error(tmp_path: Path) -> None:
    for depth in (limits.MAX_JSON_DEPTH + 1, 100_000):
        path = tmp_path / f"deep{depth}.json"
        path.write_text("[" * depth + "]" * depth, encoding="utf-8")
        assert "lồng" in _refusal(path).message_vi


def test_time_limit_stops_a_long_read(tmp_path: Path) -> None:
    path = tmp_path / "slow.csv"
    path.write_text("ma_tthc\n" + "".join(f"X{i}\n" for i in range(2000)), encoding="utf-8")
    with limits.time_limit(-1.0), pytest.raises(limits.CatalogTooLarge) as caught:
        parse_path(path, QUEUES)
    assert "quá lâu" in caught.value.message_vi


def test_a_normal_file_still_imports(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "flat_small.json"
    parsed = parse_path(fixture, QUEUES | {"XA": "", "HUYEN": ""})
    assert parsed.records or parsed.rejections
    assert isinstance(parsed.records, list)
    with pytest.raises(CatalogFileError):
        parse_path(tmp_path / "missing.json", QUEUES)


def test_isolated_reading_keeps_messages_and_is_stopped_in_time(tmp_path: Path) -> None:
    from intake.catalog.isolated import parse_isolated

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    with pytest.raises(CatalogFileError) as caught:
        parse_isolated(deep, QUEUES)
    assert "lồng" in caught.value.message_vi  # the child's message crosses the pipe
    rows = tmp_path / "rows.xlsx"
    rows.write_bytes(xlsx_rows(300_000))
    started = time.monotonic()
    with pytest.raises(limits.CatalogTooLarge) as slow:
        parse_isolated(rows, QUEUES, seconds=0.5)
    assert "quá lâu" in slow.value.message_vi
    assert time.monotonic() - started < 0.5 + 10.0
    fixture = Path(__file__).parent / "fixtures" / "flat_small.json"
    assert parse_isolated(fixture, QUEUES).source_file == "flat_small.json"
