"""Checking a complaint's status by its tracking code.

What the asker may learn is decided by ``IntakeService.status_for`` (the chat that
filed the complaint sees its unit and last answer; anyone else only its status).
"""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import latest_text, service
from intake.codes import find_code
from intake.errors import InvalidTrackingCode, SenderError


class ValidateStatusForm(FormValidationAction):
    """Accepts only text that is a well-formed tracking code."""

    def name(self) -> str:
        return "validate_status_form"

    def validate_tracking_code(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        candidates = [*(value if isinstance(value, list) else [value]), latest_text(tracker)]
        for candidate in candidates:
            code = find_code(str(candidate or ""))
            if code is not None:
                return {"tracking_code": code}
        if tracker.get_slot("requested_slot") == "tracking_code":
            dispatcher.utter_message(
                text=InvalidTrackingCode.message_vi + " Gõ 'hủy' để dừng tra cứu.")
        return {"tracking_code": None}


class ActionCheckStatus(Action):
    """Answers the status of the complaint whose code the citizen gave."""

    def name(self) -> str:
        return "action_check_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        code = str(tracker.get_slot("tracking_code") or "")
        try:
            answer = await asyncio.to_thread(service().status_for, code, tracker.sender_id)
        except SenderError as exc:
            dispatcher.utter_message(text=exc.message_vi)
            return [SlotSet("tracking_code", None)]
        dispatcher.utter_message(text=answer.text_vi)
        return [SlotSet("tracking_code", None)]
