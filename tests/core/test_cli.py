"""The operator's CLI against a real database."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from intake.cli import app
from intake.services.complaints import IntakeService
from tests.core.factories import file_complaint


@pytest.fixture
def run(database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("PAKN_DATABASE_URL", database_url)
    return CliRunner()


def test_list_and_show_a_complaint(run: CliRunner, service: IntakeService) -> None:
    view = file_complaint(service)
    listed = run.invoke(app, ["complaints", "list", "--queue", "XA_07777", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [c["code"] for c in json.loads(listed.output)] == [view.code]
    shown = run.invoke(app, ["complaint", "show", view.code.lower(), "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert data["queue_code"] == "XA_07777"
    assert [e["kind"] for e in data["events"]] == ["created", "routed"]
    text = run.invoke(app, ["complaint", "show", view.code])
    assert "routing: địa điểm" in text.output


@pytest.mark.parametrize(("code", "message"), [("PA-ZZZZZZZZ", "Không tìm thấy"),
                                               ("12345", "định dạng")])
def test_unknown_or_malformed_codes_are_clear_errors(run: CliRunner, service: IntakeService,
                                                      code: str, message: str) -> None:
    result = run.invoke(app, ["complaint", "show", code])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_org_load_is_idempotent(run: CliRunner, service: IntakeService) -> None:
    result = run.invoke(app, ["org", "load"])
    assert result.exit_code == 0
    assert "added 0, renamed 0, retired 0, reactivated 0, unchanged 242" in result.output
