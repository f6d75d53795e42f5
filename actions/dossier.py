"""Answering "is my dossier done yet?": how to look up a submitted procedure dossier."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import latest_text, service
from intake.services.dossiers import dossier_help


class ActionDossierStatus(Action):
    """Explains where the citizen's dossier is tracked (receipt code, portal, desk)."""

    def name(self) -> str:
        return "action_dossier_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        portal = service().settings.dossier_portal_url
        help_ = dossier_help(latest_text(tracker), portal)
        buttons: list[dict[str, Any]] = [
            {"title": "Gửi phản ánh về hồ sơ quá hạn", "payload": "Tôi muốn gửi phản ánh"}]
        dispatcher.utter_message(text=help_.text_vi(), buttons=buttons)
        return []
