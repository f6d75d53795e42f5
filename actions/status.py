"""Checking a complaint's status by its tracking code.

Privacy: the chat that filed the complaint sees its queue and the last answer; anyone
else who has the code only learns that it exists and its status.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import latest_text, service
from intake.codes import find_code
from intake.errors import InvalidTrackingCode, SenderError
from intake.services.complaints import as_datetime_text
from intake.services.lifecycle import label_vi
from intake.services.views import ComplaintView


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


def _owner_details(view: ComplaintView) -> list[str]:
    lines = [f"Đơn vị xử lý: {view.queue_name or view.queue_code}",
             f"Hạn trả lời: {as_datetime_text(view.due_at)}"]
    if view.last_answer:
        answer = view.last_answer if len(view.last_answer) <= 1500 \
            else view.last_answer[:1500] + "…"
        lines.append(f"Trả lời gần nhất: {answer}")
    return lines


class ActionCheckStatus(Action):
    """Answers the status of the complaint whose code the citizen gave."""

    def name(self) -> str:
        return "action_check_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        code = str(tracker.get_slot("tracking_code") or "")
        try:
            view = service().get(code)
        except SenderError as exc:
            dispatcher.utter_message(text=exc.message_vi)
            return [SlotSet("tracking_code", None)]
        lines = [f"Phản ánh {view.code}: {label_vi(view.status)}."]
        if tracker.sender_id in _senders_of(view):
            lines += _owner_details(view)
        dispatcher.utter_message(text="\n".join(lines))
        return [SlotSet("tracking_code", None)]


def _senders_of(view: ComplaintView) -> set[str]:
    """Conversations that wrote into the complaint (the citizen's own chats)."""
    return {m.sender for m in service().messages(view.code) if m.sender}
