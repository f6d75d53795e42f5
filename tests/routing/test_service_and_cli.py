"""Routing through the services (every complaint routed by the decision, the event
keeps queue, confidence, reasons, alternatives and signals) and ``pakn route``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from intake.cli import app
from intake.routing.errors import RoutingDataError
from intake.services.complaints import IntakeService
from tests.core.factories import file_complaint
from tests.spies import fails_once


@pytest.fixture
def run(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("PAKN_DATABASE_URL", database_url)
    monkeypatch.setenv("PAKN_VAR_DIR", str(tmp_path))
    return CliRunner()


def test_a_filed_complaint_stores_the_whole_decision(routing_service: IntakeService) -> None:
    view = file_complaint(routing_service, text=(
        "Tôi đi đăng ký khai sinh cho con ở xã Bích Động, cán bộ hẹn 3 lần chưa xong"))
    assert view.queue_code == "XA_07777"
    routed = routing_service.events(view.code)[1]
    assert routed.kind == "routed"
    assert set(routed.data) >= {"queue", "confidence", "reasons", "alternatives", "signals",
                                "rule"}
    assert routed.data["reasons"][:2] == ["thủ tục 'Đăng ký khai sinh' → cấp xã",
                                          "địa điểm 'Bích Động' → XA_07777"]
    assert {s["name"] for s in routed.data["signals"]} >= {"procedure", "classifier"}


def test_route_text_json_batch_and_explain(run: CliRunner,
                                           routing_service: IntakeService,
                                           tmp_path: Path) -> None:
    result = run.invoke(app, ["route", "Nhà máy xả thải ra sông", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["queue"] == "SO_TN_MT" and data["reasons"] and "alternatives" in data

    human = run.invoke(app, ["route", "lam gks cho con ma xa hen mai"])
    assert human.exit_code == 0 and "VP_UBND" in human.output and "place" in human.output

    batch = tmp_path / "in.jsonl"
    batch.write_text('{"text": "Thẻ BHYT bị sai tên"}\nnot json\n'
                     '{"text": "Đèn đường hỏng", "location": "xã Tự Lạn"}\n',
                     encoding="utf-8")
    out = run.invoke(app, ["route", "--batch", str(batch)])
    lines = [json.loads(line) for line in out.output.splitlines()]
    assert [line.get("queue") for line in lines] == ["BHXH", None, "XA_07774"]
    assert lines[1]["line"] == 2 and "error" in lines[1]
    assert out.exit_code == 1

    view = file_complaint(routing_service, text="Quán karaoke hát đến 2 giờ sáng")
    explained = run.invoke(app, ["route", "explain", view.code])
    assert explained.exit_code == 0, explained.output
    assert "SO_VH_TT_DL" in explained.output and "lý do" in explained.output
    missing = run.invoke(app, ["route", "explain", "PA-ZZZZZZZZ"])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_route_train_and_apply_changes(run: CliRunner, service: IntakeService,
                                       tmp_path: Path) -> None:
    trained = run.invoke(app, ["route", "train"])
    assert trained.exit_code == 0, trained.output
    assert "trained on" in trained.output and (tmp_path / "routing").exists()
    changes = tmp_path / "c.yml"
    changes.write_text("changes:\n  - {action: merge, from: [SO_GTVT], into: SO_XAY_DUNG, "
                       "effective: 2025-03-01}\n", encoding="utf-8")
    applied = run.invoke(app, ["org", "apply-changes", str(changes), "--as-of", "2025-04-01"])
    assert applied.exit_code == 0, applied.output
    assert "applied: merge SO_GTVT → SO_XAY_DUNG" in applied.output
    bad = run.invoke(app, ["org", "apply-changes", str(tmp_path / "none.yml")])
    assert bad.exit_code == 1 and "Traceback" not in bad.output


@pytest.mark.parametrize(("error", "level", "said"), [
    (OSError("var/ not mounted"), "WARNING",
     "routing not loaded ahead (OSError); the first complaint will load it"),
    (ValueError("classifier training file unreadable"), "ERROR",
     "routing not loaded ahead (ValueError: bad routing data or a bug)"),
    (RoutingDataError("unknown queue SO_XYZ in subject_rules.yml"), "ERROR",
     "routing not loaded ahead (RoutingDataError: bad routing data or a bug)"),
])
def test_loading_routing_ahead_never_stops_a_server_from_starting(
        routing_service: IntakeService, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture, error: Exception, level: str, said: str) -> None:
    """The action server, the mail worker and its ingest processes load routing before
    they serve: whatever fails there is logged and they start; the first complaint then
    loads routing (here it does, and is routed, not sent to triage)."""
    failures = fails_once(monkeypatch, routing_service, "router", error)
    routing_service.warm_up_routing()
    assert failures == [type(error).__name__]
    assert [r.levelname for r in caplog.records if said in r.getMessage()] == [level]
    view = file_complaint(routing_service, text="Nhà máy xả thải ra sông Thương")
    assert view.queue_code == "SO_TN_MT"
