"""What a person asking about a complaint by its code may learn (one policy, every edge).

Anyone with the code learns that it exists and its status. The complaint's own
conversation — a chat that wrote into it, or the Telegram chat its answers go to — also
sees the unit handling it, the due date and the last answer (at most 1,500 characters).
The assistant's action, the Telegram bot's ``/trangthai`` and any other edge call
``IntakeService.status_for`` and show its text; none decides this itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from intake.deadlines import VIETNAM
from intake.services.lifecycle import label_vi
from intake.services.views import ComplaintView

MAX_ANSWER_CHARS = 1500


@dataclass(frozen=True)
class StatusAnswer:
    """The answer to "where is my complaint?" for one asker."""

    code: str
    status: str
    owner: bool
    queue_name: str | None = None
    due_at: datetime | None = None
    last_answer: str | None = None

    @property
    def text_vi(self) -> str:
        """The Vietnamese reply: the status for anyone, the details for the owner."""
        lines = [f"Phản ánh {self.code}: {label_vi(self.status)}."]
        if self.owner:
            due = self.due_at.astimezone(VIETNAM).strftime("%d/%m/%Y") if self.due_at else ""
            lines += [f"Đơn vị xử lý: {self.queue_name or ''}", f"Hạn trả lời: {due}"]
            if self.last_answer:
                lines.append(f"Trả lời gần nhất: {self.last_answer}")
        return "\n".join(lines)


def is_owner(view: ComplaintView, sender: str, senders: set[str]) -> bool:
    """``sender`` (``telegram:<chat>``, ``web:<id>`` …) wrote into the complaint, or is
    the Telegram chat its answers go to."""
    prefix, _, rest = sender.partition(":")
    pushed_here = (prefix == "telegram" and view.reply_channel == "telegram"
                   and view.reply_address == rest)
    return pushed_here or sender in senders


def answer_for(view: ComplaintView, sender: str, senders: set[str]) -> StatusAnswer:
    """The status answer ``sender`` may see."""
    if not is_owner(view, sender, senders):
        return StatusAnswer(view.code, view.status, owner=False)
    answer = view.last_answer
    if answer and len(answer) > MAX_ANSWER_CHARS:
        answer = answer[:MAX_ANSWER_CHARS] + "…"
    return StatusAnswer(view.code, view.status, True, view.queue_name or view.queue_code,
                        view.due_at, answer)
