"""Procedure questions: find the procedure in the catalog and answer the asked attribute.

The catalog service (``intake.catalog.service``) does the finding; this action only
decides what to say: the asked attribute (from the ``attribute`` entity or keywords in
the text) or a short summary, naming the procedure and its code, with the other
attributes as buttons. Close candidates → "which one?" with up to 3 buttons. A
follow-up that names no procedure ("còn lệ phí thì sao?") uses ``current_procedure``.
Nothing found → it says so and offers to search again or to file feedback.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import latest_text
from intake.catalog.answers import (
    LABELS,
    answer,
    attribute_of,
    button_payload,
    other_attributes,
    split_message,
)
from intake.catalog.errors import InvalidQuery, ProcedureNotFound
from intake.catalog.records import ProcedureRecord
from intake.catalog.service import CatalogService, get_catalog
from intake.errors import SenderError

log = logging.getLogger(__name__)

CODE_IN_TEXT = re.compile(r"\bmã\s+([A-Za-z0-9][A-Za-z0-9._\-]{2,63})", re.IGNORECASE)
FOLLOW_UP_FILLER = re.compile(
    r"^(the |vay |thế |vậy )?(còn|con)\b|\b(thì|thi) (sao|thế nào|the nao|như thế nào|"
    r"nhu the nao)\b|\b(thế nào|the nao|ra sao)\b|[?.!,]", re.IGNORECASE)
GENERIC = frozenset({"hanh", "chinh", "thong", "tin", "ve", "hoi", "tim", "khac", "lai"})
NO_MATCH = ("Xin lỗi, tôi chưa tìm thấy thủ tục nào khớp với câu hỏi của bạn trong danh "
            "mục thủ tục hành chính của tỉnh. Bạn thử gõ lại tên thủ tục (ví dụ: 'đăng ký "
            "khai sinh', 'cấp lại giấy phép lái xe'), hoặc gửi phản ánh, kiến nghị để cán bộ "
            "trả lời.")
ASK_WHICH = "Bạn muốn hỏi về thủ tục nào? Bạn gõ tên thủ tục hoặc việc cần làm, ví dụ: " \
            "'làm giấy khai sinh cần giấy tờ gì', 'đổi bằng lái xe mất bao lâu'."
CHOOSE = "Có vài thủ tục gần với câu hỏi của bạn. Bạn hỏi thủ tục nào?"
GUESS = ("Tôi chưa chắc bạn hỏi thủ tục nào. Có phải một trong các thủ tục dưới đây không? "
         "Nếu không phải, bạn gõ lại tên thủ tục hoặc việc cần làm cụ thể hơn.")
# the menu's "ask about a procedure" payload (config.yml maps it to ask_procedure)
ASK_PROCEDURE = "Tôi muốn hỏi về thủ tục hành chính"
NONE_OF_THESE = {"title": "Không phải các thủ tục này", "payload": ASK_PROCEDURE}
SEARCH_AGAIN = [{"title": "Hỏi thủ tục khác", "payload": ASK_PROCEDURE},
                {"title": "Gửi phản ánh", "payload": "Tôi muốn gửi phản ánh"}]


def _entity(tracker: Tracker, name: str) -> str | None:
    entities: list[dict[str, Any]] = tracker.latest_message.get("entities") or []
    for entity in entities:
        if entity.get("entity") == name and isinstance(entity.get("value"), str):
            return str(entity["value"])
    return None


class ActionAnswerProcedure(Action):
    """Answers ``ask_procedure`` from the procedure catalog."""

    def name(self) -> str:
        return "action_answer_procedure"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        # The catalog search reads the database: in a thread, off the event loop.
        return await asyncio.to_thread(self._answer, dispatcher, tracker)

    def _answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        text = latest_text(tracker)
        attribute = attribute_of(_entity(tracker, "attribute"), text)
        current = tracker.get_slot("current_procedure")
        catalog = get_catalog()
        try:
            record = self._named(catalog, text) or self._find(
                catalog, text, attribute, current, dispatcher)
        except SenderError as exc:  # InvalidQuery and the like: explain, never crash
            dispatcher.utter_message(text=exc.message_vi)
            return []
        if record is None:
            return []
        _say(dispatcher, record, attribute)
        return [SlotSet("current_procedure", record.code)]

    def _named(self, catalog: CatalogService, text: str) -> ProcedureRecord | None:
        """A procedure named by its code ("Lệ phí thủ tục mã BG-HT-001": our buttons)."""
        match = CODE_IN_TEXT.search(text)
        if match is None:
            return None
        try:
            return catalog.get(match.group(1).rstrip("."))
        except ProcedureNotFound:
            return None

    def _find(self, catalog: CatalogService, text: str, attribute: str | None,
              current: str | None, dispatcher: CollectingDispatcher) -> ProcedureRecord | None:
        question = FOLLOW_UP_FILLER.sub(" ", text).strip()
        words = [w for w in catalog.index().query_words(question) if w not in GENERIC] \
            if question and any(ch.isalnum() for ch in question) else []
        if not words:
            if current and attribute:
                return _current(catalog, current)
            dispatcher.utter_message(text=ASK_WHICH)
            return None
        try:
            found = catalog.lookup(question)
        except InvalidQuery:
            found = None
        if found is not None and found.best is not None:
            return found.best
        if current and attribute and len(words) <= 1:
            return _current(catalog, current)  # "còn lệ phí?": still the same procedure
        if found is not None and found.ambiguous:
            buttons = [{"title": h.name if len(h.name) <= 80 else h.name[:77] + "…",
                        "payload": button_payload(h.code, attribute)}
                       for h in found.alternatives[:3]]
            if found.guess:  # the best did not stand out: say so, and offer a way out
                dispatcher.utter_message(text=GUESS, buttons=[*buttons, NONE_OF_THESE])
            else:
                dispatcher.utter_message(text=CHOOSE, buttons=buttons)
            return None
        log.info("no procedure found (%d characters asked)", len(text))  # no citizen text
        dispatcher.utter_message(text=NO_MATCH, buttons=SEARCH_AGAIN)
        return None


def _current(catalog: CatalogService, code: str) -> ProcedureRecord | None:
    try:
        return catalog.get(code)
    except ProcedureNotFound:
        return None


def _say(dispatcher: CollectingDispatcher, record: ProcedureRecord,
         attribute: str | None) -> None:
    """The answer, split to fit a chat message, with the other attributes as buttons."""
    pieces = split_message(answer(record, attribute))
    buttons = [{"title": LABELS[a], "payload": button_payload(record.code, a)}
               for a in other_attributes(attribute)]
    for piece in pieces[:-1]:
        dispatcher.utter_message(text=piece)
    dispatcher.utter_message(text=pieces[-1], buttons=buttons)
