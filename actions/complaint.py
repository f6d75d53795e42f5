"""Filing a complaint from a conversation: the form's validation, summary and submit."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import published, related_procedure
from actions.common import channel_of, is_skip, latest_intent, latest_text, service
from intake.chat.signals import MAP_POSITION, MAP_POSITION_TEXT, signal_of
from intake.contacts import Contact, parse_contact
from intake.delivery import templates
from intake.errors import SenderError, ValidationError
from intake.services.attachments import describe_attached
from intake.services.complaints import NewComplaint, as_datetime_text, check_complaint_text
from intake.text import clean, fold, nfc

log = logging.getLogger(__name__)

SKIPPED = "-"
ON_MAP = MAP_POSITION_TEXT  # the place question answered by a Telegram map position
MIN_WORDS = 4
FORM_SLOTS = ("complaint_text", "complaint_location", "complaint_procedure", "complaint_contact",
              "complaint_confirm", "location_queue", "rejected_location", "procedure_code",
              "rejected_procedure", "contact_wanted", "requested_slot")
NOT_RELATED = frozenset({"khong lien quan", "ko lien quan", "k lien quan", "khong co thu tuc",
                         "khong biet", "khong ro"})
YES = frozenset({"co", "c", "dung", "dung roi", "ok", "oke", "okay", "uh", "u", "vang", "da",
                 "da dung", "gui", "gui di", "xac nhan", "dong y", "yes", "y", "chuan"})
NO = frozenset({"khong", "ko", "k", "kg", "sai", "sai roi", "khong dung", "chua dung",
                "khong phai", "no", "huy", "thoi"})
# "Yes, I'll leave a contact" without the contact itself.
WILLING = frozenset({"co", "c", "ok", "oke", "uh", "u", "um", "ung", "vang", "da", "duoc",
                     "dc", "co a", "vang a", "da co", "co chu", "muon", "co muon", "de lai",
                     "yes", "y", "u co", "co nhe"})


def is_yes(text: str) -> bool:
    """A bare "có"/"ừ"/"được" (with no phone number or e-mail in it)."""
    return fold(text).strip(" .!,") in WILLING
# Consent to the use of personal data (Decree 13/2023/NĐ-CP) is part of the confirmation:
# "có" / "Đồng ý và gửi" both files the complaint and agrees to this use, nothing more.
CONSENT = ("Thông tin cá nhân trong phản ánh (nội dung, liên hệ, ảnh, vị trí) chỉ được cơ quan "
           "nhà nước dùng để xem xét, trả lời phản ánh. Trả lời 'có' là bạn đồng ý gửi và đồng ý "
           "cho sử dụng thông tin như trên.")
TRIGGER_ONLY = ("phan anh", "kien nghi", "khieu nai", "gop y", "to cao", "muon", "gui",
                "toi", "minh", "em", "anh", "chi", "cho", "can", "lam", "de", "dang", "ve",
                "mot", "viec", "nay", "a", "oi", "ad", "admin", "bot", "voi", "o", "day")


def _looks_like_trigger_only(text: str) -> bool:
    """ "tôi muốn gửi phản ánh": announces a complaint without saying what it is."""
    words = fold(text).replace(",", " ").split()
    meaningful = [w for w in words if w not in " ".join(TRIGGER_ONLY).split()]
    return len(words) < MIN_WORDS or len(meaningful) < 2


class ValidateComplaintForm(FormValidationAction):
    """Checks each answer of the complaint form and explains what is wrong in Vietnamese."""

    def name(self) -> str:
        return "validate_complaint_form"

    async def validate_complaint_text(self, value: Any, dispatcher: CollectingDispatcher,
                                      tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = nfc(str(value or "")).strip()
        asked = tracker.get_slot("requested_slot") == "complaint_text"
        if not asked and _looks_like_trigger_only(text):
            return {"complaint_text": None}
        try:
            text = check_complaint_text(text)  # the one rule of every channel
        except ValidationError as exc:
            dispatcher.utter_message(text=exc.message_vi)
            return {"complaint_text": None}
        if len(text.split()) < MIN_WORDS:
            dispatcher.utter_message(text="Nội dung hơi ngắn. Bạn vui lòng mô tả rõ hơn: "
                                          "sự việc gì, ở đâu, liên quan cơ quan nào.")
            return {"complaint_text": None}
        await published.point_to_similar(dispatcher, text)  # issue 16, before filing
        return {"complaint_text": text}

    async def validate_complaint_location(self, value: Any, dispatcher: CollectingDispatcher,
                                          tracker: Tracker, domain: DomainDict
                                          ) -> dict[str, Any]:
        """The place, checked against the organisation's places (a database read: in a
        thread, off the action server's event loop)."""
        return await asyncio.to_thread(self._check_location, value, dispatcher, tracker)

    def _check_location(self, value: Any, dispatcher: CollectingDispatcher,
                        tracker: Tracker) -> dict[str, Any]:
        if signal_of(tracker.latest_message.get("metadata")) == MAP_POSITION:
            # The position itself is held by intake and attached when the complaint is
            # filed (routing reads it there); the slot only records how it was answered.
            return {"complaint_location": ON_MAP, "location_queue": None}
        text = clean(str(value or ""))
        if not text or is_skip(text):
            return {"complaint_location": SKIPPED, "location_queue": None}
        if len(text) > 200:
            dispatcher.utter_message(text="Địa điểm hơi dài, bạn ghi ngắn gọn tên xã/phường "
                                          "và huyện giúp tôi (ví dụ: xã Bích Động, Việt Yên).")
            return {"complaint_location": None}
        places = service().places()
        match = places.best(text)
        if match is not None:
            place = match.place
            return {"complaint_location": text, "location_queue": place.queue_code}
        if tracker.get_slot("rejected_location") == text:
            return {"complaint_location": text, "location_queue": None,
                    "rejected_location": None}
        suggestions = places.suggest(text)
        buttons = [{"title": p.full_name, "payload": p.full_name} for p in suggestions]
        buttons.append({"title": "Bỏ qua", "payload": "bỏ qua"})
        hint = "Có phải bạn muốn nói: " + ", ".join(p.full_name for p in suggestions) + "?" \
            if suggestions else "Bạn có thể ghi rõ 'xã …, huyện …'."
        dispatcher.utter_message(
            text=templates.place_not_found(text, hint, service().province()),
            buttons=buttons)
        return {"complaint_location": None, "rejected_location": text}

    async def validate_complaint_procedure(self, value: Any, dispatcher: CollectingDispatcher,
                                           tracker: Tracker, domain: DomainDict
                                           ) -> dict[str, Any]:
        """The related procedure, looked up in the catalog (in a thread)."""
        return await asyncio.to_thread(self._check_procedure, value, dispatcher, tracker)

    def _check_procedure(self, value: Any, dispatcher: CollectingDispatcher,
                         tracker: Tracker) -> dict[str, Any]:
        text = clean(str(value or ""))
        if not text or is_skip(text) or fold(text) in NOT_RELATED:
            return {"complaint_procedure": SKIPPED, "procedure_code": None}
        found = related_procedure.resolve(text)
        if found.choice is not None:
            return {"complaint_procedure": found.choice.name,
                    "procedure_code": found.choice.code}
        if tracker.get_slot("rejected_procedure") == text:
            return {"complaint_procedure": text, "procedure_code": None,
                    "rejected_procedure": None}
        buttons = [{"title": c.name[:60], "payload": c.payload} for c in found.candidates]
        buttons.append({"title": "Không liên quan", "payload": "bỏ qua"})
        ask = "Bạn muốn nói thủ tục nào?" if found.candidates else (
            f"Tôi chưa tìm thấy thủ tục '{text[:80]}'. Bạn có thể ghi lại tên thủ tục, gửi lại "
            "y như cũ để giữ nguyên, hoặc gõ 'bỏ qua'.")
        dispatcher.utter_message(text=ask, buttons=buttons)
        return {"complaint_procedure": None, "rejected_procedure": text}

    def validate_complaint_contact(self, value: Any, dispatcher: CollectingDispatcher,
                                   tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = clean(str(value or ""))
        if not text or is_skip(text):
            return {"complaint_contact": SKIPPED}
        try:
            contact = parse_contact(text)
        except SenderError as exc:
            if is_yes(text) or latest_intent(tracker) == "affirm":
                return {"complaint_contact": None, "contact_wanted": True}
            dispatcher.utter_message(text=exc.message_vi)
            return {"complaint_contact": None}
        return {"complaint_contact": contact.phone or contact.email}

    def validate_complaint_confirm(self, value: Any, dispatcher: CollectingDispatcher,
                                   tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        answer = fold(str(value or "")).strip(" .!")
        intent = latest_intent(tracker)
        if answer in YES or (intent == "affirm" and answer not in NO):
            return {"complaint_confirm": "yes"}
        if answer in NO or intent == "deny":
            return {"complaint_confirm": "no"}
        dispatcher.utter_message(text="Bạn vui lòng trả lời 'có' để gửi phản ánh, "
                                      "hoặc 'không' để hủy.")
        return {"complaint_confirm": None}


class ActionAskComplaintContact(Action):
    """Asks for a phone number or e-mail; after a bare "có" asks for the value itself,
    instead of repeating the yes/no question."""

    def name(self) -> str:
        return "action_ask_complaint_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        if tracker.get_slot("contact_wanted"):
            dispatcher.utter_message(
                text="Bạn vui lòng nhập số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ "
                     "email để cơ quan liên hệ. Gõ 'bỏ qua' nếu không muốn để lại.")
            return [SlotSet("contact_wanted", False)]
        dispatcher.utter_message(response="utter_ask_complaint_contact")
        return []


class ActionAskComplaintProcedure(Action):
    """Asks which procedure the complaint is about, suggesting what the text mentions."""

    def name(self) -> str:
        return "action_ask_complaint_procedure"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        found = await asyncio.to_thread(related_procedure.suggestions,
                                        str(tracker.get_slot("complaint_text") or ""))
        buttons = [{"title": c.name[:60], "payload": c.payload} for c in found]
        buttons.append({"title": "Không liên quan", "payload": "bỏ qua"})
        dispatcher.utter_message(
            text="Phản ánh có liên quan đến thủ tục hành chính nào không (ví dụ: đăng ký "
                 "khai sinh, cấp sổ đỏ)? Chọn bên dưới, gõ tên thủ tục, hoặc gõ 'bỏ qua'.",
            buttons=buttons)
        return []


class ActionAskComplaintConfirm(Action):
    """Shows the summary of the complaint and asks to send it."""

    def name(self) -> str:
        return "action_ask_complaint_confirm"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        text = str(tracker.get_slot("complaint_text") or "")
        location = tracker.get_slot("complaint_location")
        contact = tracker.get_slot("complaint_contact")
        preview = text if len(text) <= 600 else text[:600] + "…"
        lines = ["Bạn kiểm tra lại phản ánh:", f"• Nội dung: {preview}",
                 f"• Địa điểm: {location if location and location != SKIPPED else '(không ghi)'}",
                 f"• Thủ tục liên quan: {_shown(tracker.get_slot('complaint_procedure'))}",
                 f"• Liên hệ: {contact if contact and contact != SKIPPED else '(không để lại)'}",
                 CONSENT, "Gửi phản ánh này?"]
        dispatcher.utter_message(text="\n".join(lines), buttons=[
            {"title": "Đồng ý và gửi", "payload": "có"}, {"title": "Hủy", "payload": "không"}])
        return []


def _shown(value: Any) -> str:
    return str(value) if value and value != SKIPPED else "(không)"


def _reset_form() -> list[EventType]:
    return [SlotSet(slot, None) for slot in FORM_SLOTS]


class ActionSubmitComplaint(Action):
    """Files the confirmed complaint through intake and gives the tracking code."""

    def name(self) -> str:
        return "action_submit_complaint"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        if tracker.get_slot("complaint_confirm") != "yes":
            dispatcher.utter_message(response="utter_complaint_cancelled")
            return _reset_form()
        channel, reply_to = channel_of(tracker.sender_id)
        location = tracker.get_slot("complaint_location")
        contact_text = tracker.get_slot("complaint_contact")
        contact = Contact()
        if contact_text and contact_text != SKIPPED:
            contact = parse_contact(str(contact_text))
        message_id = tracker.latest_message.get("message_id") or latest_text(tracker)
        procedure = await asyncio.to_thread(_procedure_fields,
                                            tracker.get_slot("procedure_code"))
        new = NewComplaint(
            channel=channel, reply_channel=channel, reply_address=reply_to,
            text=str(tracker.get_slot("complaint_text") or ""),
            location_text=location if location not in (None, "", SKIPPED, ON_MAP) else None,
            contact=contact, sender=tracker.sender_id, take_held=True,
            external_id=f"rasa:{tracker.sender_id}:{message_id}",
            **procedure,
        )
        try:
            view = await asyncio.to_thread(service().create_complaint, new,
                                           f"citizen:{channel.value}")
        except SenderError as exc:
            dispatcher.utter_message(text=exc.message_vi)
            return _reset_form()
        province = await asyncio.to_thread(service().province)
        lines = [templates.chat_acknowledgement(view.code, view.queue_name,
                                                as_datetime_text(view.due_at), province)]
        if view.attached is not None and (note := describe_attached(view.code, view.attached)):
            lines.append(note)
        dispatcher.utter_message(text="\n".join(lines))
        log.info("complaint filed over chat → %s", view.queue_code)  # no tracking code
        return [*_reset_form(), SlotSet("last_complaint_code", view.code)]


def _procedure_fields(code: Any) -> dict[str, Any]:
    """The chosen procedure for routing (its code, responsible queue or level, name)."""
    if not code:
        return {}
    try:
        choice = related_procedure.resolve(f"thủ tục mã {code}").choice
    except SenderError:
        return {}
    if choice is None:
        return {}
    return {"procedure_code": choice.code, "procedure_queue": choice.queue,
            "procedure_name": choice.name}


class ActionCancelForm(Action):
    """Stops the form in progress and forgets what was typed into it."""

    def name(self) -> str:
        return "action_cancel_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        loop = (tracker.active_loop or {}).get("name")
        if loop == "status_form":
            dispatcher.utter_message(response="utter_status_cancelled")
            return [ActiveLoop(None), SlotSet("tracking_code", None),
                    SlotSet("requested_slot", None)]
        dispatcher.utter_message(response="utter_complaint_cancelled")
        return [ActiveLoop(None), *_reset_form()]
