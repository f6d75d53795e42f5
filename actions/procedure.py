"""Procedure questions: an honest placeholder until the procedure catalog exists.

It says what it cannot do yet and points to the province's public service portal, and
offers to file feedback instead, rather than making up an answer.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


class ActionAnswerProcedure(Action):
    """Answers ``ask_procedure`` (placeholder: the catalog issue makes it real)."""

    def name(self) -> str:
        return "action_answer_procedure"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(
            text="Hiện tôi chưa tra cứu được chi tiết thủ tục hành chính (giấy tờ, thời hạn, "
                 "lệ phí). Bạn có thể xem trên Cổng dịch vụ công của tỉnh hoặc hỏi trực tiếp "
                 "tại Trung tâm Hành chính công. Nếu gặp vướng mắc khi làm thủ tục, "
                 "bạn có thể gửi phản ánh để được trả lời.",
            buttons=[{"title": "Gửi phản ánh", "payload": "Tôi muốn gửi phản ánh"}])
        return []
