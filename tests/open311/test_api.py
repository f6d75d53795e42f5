"""The Open311 GeoReport v2 API against the running console (uvicorn, real database).

The read side is driven by a third-party client, ``georeport`` (PyPI); the write side by
form-encoded POSTs exactly as the specification describes them (``httpx`` ``data=``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from georeport import GeoReport
from sqlalchemy import select

from intake.config import Settings
from intake.db import Database
from intake.models import Complaint, ComplaintKind, Outbox
from intake.services.api_clients import ApiClients
from intake.services.complaints import IntakeService
from tests.core.factories import file_complaint
from tests.open311.conftest import serve

ROOT = Path(__file__).resolve().parents[2]
JURISDICTION = "bacgiang.gov.vn"
CITIZEN_TEXT = ("Tôi là Nguyễn Văn An, CCCD số 024090001234, điện thoại 0912 345 678, email "
                "an.nguyen@gmail.com. Đường tỉnh 398 đoạn qua xã Bích Động, huyện Việt Yên "
                "hỏng nặng, nhiều ổ gà sâu, xe máy ngã liên tục.")


def post(api_url: str, fields: dict[str, str], fmt: str = "json") -> httpx.Response:
    """A form-encoded ``POST requests`` as the specification describes it."""
    return httpx.post(f"{api_url}/requests.{fmt}", data=fields, timeout=30,
                      trust_env=False)


def road_report(api_key: str, **overrides: str) -> dict[str, str]:
    """A complete request: a damaged provincial road, with the citizen's contact."""
    fields = {"api_key": api_key, "jurisdiction_id": JURISDICTION,
              "service_code": "giao-thong", "lat": "21.2630", "long": "106.0900",
              "address_string": "Đường tỉnh 398, xã Bích Động, huyện Việt Yên",
              "email": "an.nguyen@gmail.com", "first_name": "Văn An",
              "last_name": "Nguyễn", "phone": "0912345678", "description": CITIZEN_TEXT,
              "attribute[loai_duong]": "tinh-lo", "device_id": "dev-1",
              "account_id": "acc-7"}
    fields.update(overrides)
    return fields


def test_client_lists_services_and_reads_definitions(api_url: str) -> None:
    client = GeoReport(api_url, jurisdiction=JURISDICTION)
    services = client.get_service_list()
    codes = [s["service_code"] for s in services]
    assert {"dat-dai", "giao-thong", "thu-tuc-hanh-chinh", "khac"} <= set(codes)
    road = next(s for s in services if s["service_code"] == "giao-thong")
    assert road["service_name"] == "Giao thông" and road["metadata"] is True
    assert road["type"] == "realtime" and "ổ gà" in road["keywords"]
    assert set(road) == {"service_code", "service_name", "description", "metadata", "type",
                         "keywords", "group"}
    definition = client.get_service_definition("giao-thong")
    assert definition["service_code"] == "giao-thong"
    (kind,) = definition["attributes"]
    assert kind["code"] == "loai_duong" and kind["datatype"] == "singlevaluelist"
    assert {"key": "tinh-lo", "name": "Đường tỉnh"} in kind["values"]
    xml = GeoReport(api_url, jurisdiction=JURISDICTION, output_format="xml")
    assert [s["service_code"] for s in xml.get_service_list()] == codes
    xml_definition = xml.get_service_definition("thu-tuc-hanh-chinh")
    assert xml_definition["attributes"]["attribute"]["code"] == "ma_ho_so"
    assert xml_definition["attributes"]["attribute"]["required"] == "false"


def test_spec_post_files_a_routed_complaint_the_client_then_reads(
        api_url: str, api_key: str, service: IntakeService) -> None:
    response = post(api_url, road_report(api_key))
    assert response.status_code == 200, response.text
    (receipt,) = response.json()
    code = receipt["service_request_id"]
    assert receipt["account_id"] == "acc-7" and code in receipt["service_notice"]
    filed = service.get(code)
    assert filed.channel == "api" and filed.status == "routed" and filed.queue_code
    assert filed.reply_channel == "email" and filed.reply_address == "an.nguyen@gmail.com"
    assert "Loại đường: Đường tỉnh" in filed.text
    assert [e.kind for e in service.events(code)][:2] == ["created", "routed"]
    assert service.events(code)[0].actor == "api:Cổng dịch vụ công"
    with service.db.reading() as session:
        ack = session.scalars(select(Outbox).where(Outbox.complaint_code == code)).one()
        assert (ack.purpose, ack.channel, ack.recipient) == (
            "api_received", "email", "an.nguyen@gmail.com")
        assert code in ack.body and "Giao thông" in ack.body

    client = GeoReport(api_url, jurisdiction=JURISDICTION)
    one = client.get_service_request(code)
    assert one["service_request_id"] == code and one["status"] == "open"
    assert one["service_code"] == "giao-thong" and one["service_name"] == "Giao thông"
    assert one["agency_responsible"] == filed.queue_name
    assert one["requested_datetime"].endswith("+07:00") and one["expected_datetime"]
    listed = client.get_service_requests(service_code="giao-thong", status="open")
    assert [r["service_request_id"] for r in listed] == [code]
    assert client.get_service_requests(service_code="y-te") == []
    assert client.get_service_requests(status="closed") == []
    by_id = client.get_service_requests(service_request_id=code)
    assert by_id[0]["service_request_id"] == code
    xml = GeoReport(api_url, jurisdiction=JURISDICTION, output_format="xml")
    assert xml.get_service_request(code)["service_request_id"] == code


def test_public_output_is_anonymised(api_url: str, api_key: str) -> None:
    (receipt,) = post(api_url, road_report(api_key)).json()
    code = receipt["service_request_id"]
    raw_json = httpx.get(f"{api_url}/requests/{code}.json", trust_env=False).text
    raw_xml = httpx.get(f"{api_url}/requests.xml", trust_env=False).text
    for raw in (raw_json, raw_xml):
        for personal in ("Nguyễn Văn An", "Văn An", "024090001234", "0912 345 678",
                         "0912345678", "an.nguyen@gmail.com", "acc-7", "dev-1", "21.263",
                         "Đường tỉnh 398, xã Bích Động"):
            assert personal not in raw, personal
    (public,) = json.loads(raw_json)
    assert "[họ tên]" in public["description"] and "[số giấy tờ]" in public["description"]
    assert "[số điện thoại]" in public["description"] and "[email]" in public["description"]
    assert "ổ gà" in public["description"]
    assert public["lat"] is None and public["long"] is None
    assert "first_name" not in public and "email" not in public and "phone" not in public


def test_denunciations_are_never_listed(api_url: str, service: IntakeService,
                                        db: Database) -> None:
    secret = file_complaint(service, text="Tố cáo cán bộ địa chính xã Bích Động nhận tiền")
    with db.transaction() as session:
        row = session.scalar(select(Complaint).where(Complaint.code == secret.code))
        assert row is not None
        kind = session.get(ComplaintKind, row.id)
        assert kind is not None
        kind.kind = "denunciation"
    listed = httpx.get(f"{api_url}/requests.json", trust_env=False).json()
    assert secret.code not in [r["service_request_id"] for r in listed]
    one = httpx.get(f"{api_url}/requests/{secret.code}.json", trust_env=False)
    assert one.status_code == 404


def _pakn(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """``pakn api-keys …`` as an operator runs it (the installed command)."""
    executable = Path(sys.executable).with_name("pakn")
    command = [str(executable)] if executable.exists() else [sys.executable, "-m",
                                                             "intake.cli"]
    return subprocess.run([*command, "api-keys", *args], cwd=ROOT,
                          env={**os.environ, "PAKN_DATABASE_URL": settings.database_url,
                               "PAKN_VAR_DIR": str(settings.var_dir)},
                          capture_output=True, text=True, timeout=60, check=False)


def test_key_from_the_command_line_works_until_revoked(
        api_url: str, settings: Settings, service: IntakeService, db: Database) -> None:
    made = _pakn(settings, "add", "Ứng dụng Bắc Giang số")
    assert made.returncode == 0, made.stderr
    key = next(line.split(": ", 1)[1] for line in made.stdout.splitlines()
               if line.startswith("api_key: "))
    with db.reading() as session:
        from intake.models import ApiClient
        stored = session.scalars(select(ApiClient.key_hash)).all()
    assert key not in stored and len(stored) == 1  # only the hash is kept
    assert post(api_url, road_report(key)).status_code == 200
    revoked = _pakn(settings, "revoke", "Ứng dụng Bắc Giang số")
    assert revoked.returncode == 0, revoked.stderr
    assert "revoked" in _pakn(settings, "list").stdout
    before = service.count()
    refused = post(api_url, road_report(key))
    assert refused.status_code == 403
    (error,) = refused.json()
    assert error["code"] == 403 and "thu hồi" in error["description"]
    assert service.count() == before
    assert post(api_url, road_report("made-up-key")).status_code == 403
    assert post(api_url, {**road_report(key), "api_key": ""}).status_code == 403


def test_writes_are_limited_per_key(api_url: str, db: Database,
                                    service: IntakeService) -> None:
    _client, key = ApiClients(db).add("Ứng dụng thử", per_minute=2, per_day=100)
    assert [post(api_url, road_report(key)).status_code for _ in range(2)] == [200, 200]
    before = service.count()
    third = post(api_url, road_report(key))
    assert third.status_code == 429 and third.headers["retry-after"] == "60"
    assert third.json()[0]["code"] == 429
    assert service.count() == before


def test_reads_are_limited_per_client_address(settings: Settings) -> None:
    for base in serve(replace(settings, open311_per_client_minute=5)):
        codes = [httpx.get(f"{base}/open311/v2/services.json", trust_env=False).status_code
                 for _ in range(6)]
        assert codes == [200] * 5 + [429]


@pytest.mark.parametrize(("fields", "status", "words"), [
    ({"service_code": ""}, 400, "service_code"),
    ({"service_code": "khong-co"}, 400, "service_code"),
    ({"description": "   "}, 400, "description"),
    ({"lat": "", "long": "", "address_string": ""}, 400, "address_string"),
    ({"lat": "abc"}, 400, "lat"),
    ({"lat": "95"}, 400, "lat/long"),
    ({"attribute[loai_duong]": "cao-toc"}, 400, "loai_duong"),
    ({"attribute[mau_xe]": "do"}, 400, "mau_xe"),
    ({"email": "khong-phai-email"}, 400, "email"),
    ({"jurisdiction_id": "hanoi.gov.vn"}, 404, "jurisdiction_id"),
])
def test_bad_requests_answer_in_the_spec_error_format(
        api_url: str, api_key: str, fields: dict[str, str], status: int, words: str) -> None:
    response = post(api_url, road_report(api_key, **fields))
    assert response.status_code == status
    (error,) = response.json()
    assert error["code"] == status and words in error["description"]


def test_errors_in_xml_and_on_reads(api_url: str, api_key: str) -> None:
    response = post(api_url, road_report(api_key, service_code=""), fmt="xml")
    assert response.status_code == 400
    root = ElementTree.fromstring(response.content)
    assert root.tag == "errors" and root.findtext("error/code") == "400"
    checks: list[tuple[str, int]] = [
        ("services/khong-co.json", 404), ("requests/PA-00000000.json", 404),
        ("requests/khong-phai-ma.json", 400), ("tokens/abc.json", 404),
        ("services.yaml", 404),
        ("requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400),
        ("requests.json?start_date=hom-qua", 400), ("requests.json?status=pending", 400),
    ]
    for path, status in checks:
        got = httpx.get(f"{api_url}/{path}", trust_env=False)
        assert got.status_code == status, path
        body: Any = got.json()
        assert body[0]["code"] == status and body[0]["description"], path
