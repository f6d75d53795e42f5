"""Before a complaint is filed: a published answer close to it (issue 16).

When the citizen has described the matter, the complaint form's validation calls
``point_to_similar``: if the province has published an answer to a close question
(``intake.services.publication``: shared syllable pairs), the assistant shows it with
the link to ``/cong-khai`` — "Câu hỏi tương tự đã được trả lời: …" — and the form goes
on, so the citizen may still file. The look-up runs in a worker thread.
"""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.common import service
from intake.services.publication import Publication, PublishedView

QUESTION_CHARS = 200
ANSWER_CHARS = 400


async def point_to_similar(dispatcher: CollectingDispatcher, text: str) -> None:
    """Tell the citizen about a close published answer, if there is one."""
    found, public_url = await asyncio.to_thread(_similar, text)
    if found is not None:
        dispatcher.utter_message(text=note(found, public_url))


def _similar(text: str) -> tuple[PublishedView | None, str]:
    intake = service()
    settings = intake.settings
    publication = Publication(intake.db, settings.mail_domain, settings.public_url)
    return publication.similar(text), settings.public_url


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def note(found: PublishedView, public_url: str) -> str:
    """The message: the question, the unit's answer, the link; filing still possible."""
    return (f"Câu hỏi tương tự đã được trả lời: «{_short(found.question, QUESTION_CHARS)}»\n"
            f"{found.queue_name} trả lời: «{_short(found.answer, ANSWER_CHARS)}»\n"
            f"Xem đầy đủ: {public_url}/cong-khai?q={found.code}\n"
            "Nếu câu trả lời trên chưa giải quyết được việc của bạn, bạn cứ tiếp tục để gửi "
            "phản ánh.")
