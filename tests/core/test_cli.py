"""The operator's CLI against a real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from intake.cli import app
from intake.services.complaints import IntakeService
from tests.conftest import ROOT
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


@pytest.mark.parametrize(("url", "said"), [
    # a new database nobody migrated: say what to run, not a SQL traceback
    ("sqlite:///{tmp}/empty.db", "run `pakn db upgrade` first"),
    # a server that does not answer: which database (password hidden), and why
    ("postgresql+psycopg://pakn:s3cret@127.0.0.1:9/pakn", "cannot use the database"),
])
def test_a_database_problem_is_one_clear_line(tmp_path: Path, url: str, said: str) -> None:
    executable = Path(sys.executable).with_name("pakn")
    result = subprocess.run(
        [str(executable), "complaints", "list"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PAKN_DATABASE_URL": url.format(tmp=tmp_path),
             "PAKN_VAR_DIR": str(tmp_path)}, stdin=subprocess.DEVNULL, timeout=120,
        check=False)
    assert result.returncode == 1
    assert said in result.stderr and "Traceback" not in result.stderr + result.stdout
    assert "s3cret" not in result.stderr
