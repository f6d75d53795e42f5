"""Adding information to a complaint already filed ("bổ sung PA-XXXXXXXX …").

Only the conversation that filed (or wrote into) the complaint may add to it: anyone
else who knows a code learns nothing and writes nothing.
"""

from __future__ import annotations

import asyncio
import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import channel_of, latest_text, service
from intake.codes import find_code
from intake.errors import SenderError
from intake.text import clean

MIN_WORDS = 2
_CODE = re.compile(r"\bP\s*A\s*[-\s_.:]?\s*[0-9A-Z](?:[\s-]?[0-9A-Z]){7}\b", re.IGNORECASE)
_LEAD = re.compile(
    r"^(?:\W|t[oô]i|m[iì]nh|em|cho|mu[oố]n|xin|b[oổ]\s*sung|th[eê]m|g[uử]i|"
    r"th[oô]ng\s*tin|n[oộ]i\s*dung|v[aà]o|cho|ph[aả]n\s*[aá]nh|ki[eế]n\s*ngh[iị]|m[aã]|"
    r"s[oố]|l[aà]|\s)*", re.IGNORECASE)
MSG_HOW = ("Để bổ sung thông tin, bạn nhắn theo mẫu: 'bổ sung PA-XXXXXXXX <nội dung bổ sung>' "
           "(mã có trong tin nhắn xác nhận khi gửi phản ánh).")


def addition_text(text: str) -> str:
    """What the citizen adds: the message without the code and the lead-in words."""
    body = _CODE.sub(" ", text)
    return clean(_LEAD.sub("", clean(body)))


class ActionAddInfo(Action):
    """Appends the citizen's addition to their own complaint's thread."""

    def name(self) -> str:
        return "action_add_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker)
        code = find_code(text) or find_code(str(tracker.get_slot("tracking_code") or ""))
        addition = addition_text(text)
        if code is None or len(addition.split()) < MIN_WORDS:
            dispatcher.utter_message(text=MSG_HOW)
            return [SlotSet("tracking_code", None)]
        dispatcher.utter_message(text=await asyncio.to_thread(_add, tracker, code, addition))
        return [SlotSet("tracking_code", None), SlotSet("last_complaint_code", code)]


def _add(tracker: Tracker, code: str, addition: str) -> str:
    """Write the addition (the service checks the complaint is this conversation's);
    the answer to show."""
    channel, _ = channel_of(tracker.sender_id)
    message_id = tracker.latest_message.get("message_id") or addition
    try:
        service().add_citizen_info(code, addition, channel, tracker.sender_id,
                                   external_id=f"rasa:{tracker.sender_id}:{message_id}")
    except SenderError as exc:
        return exc.message_vi
    return f"Đã bổ sung thông tin vào phản ánh {code}. Cán bộ xử lý sẽ xem cùng nội dung đã gửi."
