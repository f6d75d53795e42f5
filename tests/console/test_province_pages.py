"""The console's pages name the province in force: the web chat's title and greeting (as
Chromium renders them), the public answers' page and the staff pages' header say "Bắc
Giang" with the pre-2025 organisation and "Bắc Ninh" once the 2025 changes file is
applied; ``PAKN_PROVINCE_NAME`` overrides both."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from playwright.sync_api import Page

from intake.config import Settings
from intake.console.app import create_app
from intake.org.changes import apply_changes, read_changes
from intake.services.complaints import IntakeService
from tests.console.test_browser import base_url, browser, page

__all__ = ["base_url", "browser", "page"]

REFORM = Path(__file__).resolve().parents[2] / "intake" / "org" / "data" / "changes-2025.yml"


def _greeting(page: Page, url: str) -> str:
    page.goto(f"{url}/chat")
    bubble = page.locator("#log li.bot").first
    bubble.wait_for()
    return bubble.inner_text()


def _pages(settings: Settings) -> dict[str, str]:
    """The chat page, the public answers and the login page, over HTTP."""
    client = TestClient(create_app(replace(settings, secret_key="province-test-secret")))
    return {path: client.get(path).text for path in ("/chat", "/cong-khai", "/login")}


def _greeting_of(html: str) -> str:
    """The greeting the chat page hands its script (JSON)."""
    found = re.search(r'<script id="chat-greeting" type="application/json">(.*?)</script>',
                      html)
    assert found, html
    text: str = json.loads(found.group(1))["text"]
    return text


def test_web_chat_greeting_follows_the_organisation(
        page: Page, base_url: str, service: IntakeService) -> None:
    before = _greeting(page, base_url)
    assert before.startswith("Xin chào! Tôi là trợ lý phản ánh, kiến nghị của tỉnh Bắc Giang.")
    assert page.title() == "Trợ lý phản ánh, kiến nghị — tỉnh Bắc Giang"

    apply_changes(service, read_changes(REFORM), as_of=date(2025, 7, 1))
    page.wait_for_timeout(10_500)  # the console reads the name again after 10 s
    after = _greeting(page, base_url)
    assert after.startswith("Xin chào! Tôi là trợ lý phản ánh, kiến nghị của tỉnh Bắc Ninh.")
    assert page.title() == "Trợ lý phản ánh, kiến nghị — tỉnh Bắc Ninh"
    assert "Bắc Giang" not in page.content()


def test_pages_follow_the_organisation_and_the_setting(
        settings: Settings, service: IntakeService) -> None:
    old = _pages(settings)
    assert "<title>Trợ lý phản ánh, kiến nghị — tỉnh Bắc Giang</title>" in old["/chat"]
    assert "tỉnh Bắc Giang. Tôi có thể giúp bạn:" in _greeting_of(old["/chat"])
    assert "Phản ánh, kiến nghị — Tỉnh Bắc Giang</a>" in old["/cong-khai"]
    assert re.search(r"<title>.*— PAKN Bắc Giang</title>", old["/login"])

    apply_changes(service, read_changes(REFORM), as_of=date(2025, 7, 1))
    new = _pages(settings)
    assert _greeting_of(new["/chat"]).endswith("của tỉnh Bắc Ninh. Tôi có thể giúp bạn:")
    assert "Phản ánh, kiến nghị — Tỉnh Bắc Ninh</a>" in new["/cong-khai"]
    assert "PAKN Bắc Ninh — Bàn làm việc cán bộ</a>" in new["/login"]
    assert all("Bắc Giang" not in text for text in new.values())

    overridden = _pages(replace(settings, province_name="Thành phố Huế"))
    assert _greeting_of(overridden["/chat"]).endswith("của thành phố Huế. Tôi có thể giúp bạn:")
    assert "Phản ánh, kiến nghị — Thành phố Huế</a>" in overridden["/cong-khai"]
