"""Citizen satisfaction: asked once after a complaint is resolved, answered 1–5.

``Lifecycle`` calls ``Satisfaction.ask`` in the transaction of the step to "closed"
(staff resolving it; not a duplicate merged away, which moves without notice). The
question goes out through ``intake.delivery`` on the citizen's channel: by e-mail with a
signed link to ``/danh-gia/<token>`` (the console's page: 1–5 and an optional comment),
on Telegram with five inline buttons (``dg:<code>:<score>:<signature>``, handled by
``bot/satisfaction.py``, which also sends the link for a comment). Both are audited on
the complaint: ``satisfaction_asked`` (once, ever) and ``satisfaction`` (the score and
comment, once; a comment may follow a button's score once, ``satisfaction_comment``).
A web-chat complaint is asked in the web chat: the question waits for the conversation
that filed it (``pending_for``) and the chat page shows it with five buttons when the
citizen comes back. Phone and desk complaints have no channel to ask on: they are not
asked (and so are not counted as "asked" in the reports).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.config import Settings
from intake.db import Database
from intake.delivery import Outgoing, Purpose, enqueue, push_channel, templates
from intake.delivery.outbox import TELEGRAM_BUTTONS
from intake.errors import InvalidTrackingCode, SenderError, ValidationError
from intake.models import Channel, Complaint, Direction, Event, Message, utcnow
from intake.services.lookup import complaint_by_code
from intake.text import nfc

SALT = "pakn-satisfaction"
ASKED = "satisfaction_asked"
RATED = "satisfaction"
COMMENTED = "satisfaction_comment"
MAX_COMMENT_CHARS = 2000
SIGNATURE_CHARS = 10
BUTTON_PREFIX = "dg"
SCORE_LABELS = {1: "1 😞", 2: "2", 3: "3", 4: "4", 5: "5 😊"}


class InvalidLink(SenderError):
    """A rating link or button that we did not sign (or that was altered)."""

    message_vi = "Đường dẫn đánh giá không hợp lệ hoặc đã bị thay đổi."


class AlreadyRated(SenderError):
    """The citizen has answered already: one answer per complaint."""

    message_vi = "Ông/Bà đã đánh giá phản ánh này. Xin cảm ơn!"


class NotAsked(SenderError):
    """No question was sent for this complaint (not resolved, or no channel)."""

    message_vi = "Phản ánh này chưa được giải quyết xong hoặc không có yêu cầu đánh giá."


@dataclass(frozen=True)
class RatingState:
    """What the rating page shows for one complaint."""

    code: str
    score: int | None
    commented: bool


class Satisfaction:
    """Asking and recording satisfaction, with the installation's signing key."""

    def __init__(self, db: Database | None, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self._secret: bytes | None = None

    # -- signing ------------------------------------------------------------------
    def secret(self) -> bytes:
        """The signing key (``PAKN_SECRET_KEY``, else the installation's), read once."""
        if self._secret is None:
            self._secret = self.settings.resolved("PAKN_SECRET_KEY").encode()
        return self._secret

    def link(self, code: str) -> str:
        """The signed page where the citizen rates ``code``."""
        token = URLSafeSerializer(self.secret(), salt=SALT).dumps(code)
        return f"{self.settings.public_url}/danh-gia/{token}"

    def code_of_token(self, token: str) -> str:
        """The complaint code a link's token was signed for; ``InvalidLink`` otherwise."""
        try:
            code = URLSafeSerializer(self.secret(), salt=SALT).loads(token[:200])
        except BadSignature as exc:
            raise InvalidLink("bad token") from exc
        if not isinstance(code, str):
            raise InvalidLink("bad token payload")
        return code

    def button_data(self, code: str, score: int) -> str:
        """The callback data of one Telegram button (≤ 64 bytes)."""
        return f"{BUTTON_PREFIX}:{code}:{score}:{self._signature(code)}"

    def parse_button(self, data: str) -> tuple[str, int]:
        """(code, score) of a button we made; ``InvalidLink`` otherwise."""
        parts = data.split(":")
        if len(parts) != 4 or parts[0] != BUTTON_PREFIX or not parts[2].isdigit():
            raise InvalidLink("not a rating button")
        code, score, signature = parts[1], int(parts[2]), parts[3]
        if not hmac.compare_digest(signature, self._signature(code)):
            raise InvalidLink("bad button signature")
        return code, score

    def _signature(self, code: str) -> str:
        digest = hmac.new(self.secret(), f"{SALT}:{code}".encode(), hashlib.sha256)
        return digest.hexdigest()[:SIGNATURE_CHARS]

    # -- asking (inside the lifecycle's transaction) -------------------------------
    def ask(self, session: Session, complaint: Complaint) -> None:
        """Ask the citizen once, on their channel; nothing when there is no channel or
        the question was asked before (a complaint reopened and closed again)."""
        channel = push_channel(complaint.reply_channel, complaint.reply_address)
        if _has(session, complaint.id, ASKED):
            return
        if channel is None or complaint.reply_address is None:
            self._ask_in_web_chat(session, complaint)
            return
        headers: dict[str, str] = {}
        if channel is Channel.TELEGRAM:
            letter = templates.satisfaction_request(complaint.code, None)
            headers[TELEGRAM_BUTTONS] = json.dumps(
                [[SCORE_LABELS[s], self.button_data(complaint.code, s)] for s in range(1, 6)],
                ensure_ascii=False)
        else:
            letter = templates.satisfaction_request(complaint.code, self.link(complaint.code))
        enqueue(session, Outgoing(channel, complaint.reply_address, Purpose.SATISFACTION,
                                  letter, complaint.id, complaint.code, headers=headers),
                self.settings.mail_domain)
        session.add(Event(complaint_id=complaint.id, kind=ASKED, actor="system:satisfaction",
                          reason=None, data={"channel": channel.value}, at=utcnow()))

    def _ask_in_web_chat(self, session: Session, complaint: Complaint) -> None:
        """A web-chat complaint: the question waits for the citizen's conversation
        (``pending_for``); the chat page shows it when they come back."""
        if complaint.reply_channel != Channel.WEB.value:
            return
        sender = session.scalar(select(Message.sender).where(
            Message.complaint_id == complaint.id,
            Message.direction == Direction.INBOUND.value).order_by(Message.id).limit(1))
        if not sender or not sender.startswith("web:"):
            return
        session.add(Event(complaint_id=complaint.id, kind=ASKED, actor="system:satisfaction",
                          reason=None, data={"channel": "web", "sender": sender},
                          at=utcnow()))

    def pending_for(self, sender: str, limit: int = 3) -> list[str]:
        """The codes a web-chat conversation was asked about and has not answered."""
        with self._db().reading() as session:
            asked = session.scalars(select(Event.complaint_id).where(
                Event.kind == ASKED, Event.data["sender"].as_string() == sender).order_by(
                Event.id.desc()).limit(20)).all()
            out = []
            for complaint_id in asked:
                if _score(session, complaint_id) is None:
                    complaint = session.get(Complaint, complaint_id)
                    if complaint is not None:
                        out.append(complaint.code)
            return out[:limit]

    def question(self, code: str) -> str:
        """The question's text as the web chat shows it."""
        return templates.satisfaction_request(code, None).body

    # -- answering ------------------------------------------------------------------
    def state(self, code: str) -> RatingState:
        """Whether ``code`` was rated and commented (the page decides what to show)."""
        with self._db().reading() as session:
            complaint = _complaint(session, code)
            return RatingState(complaint.code, _score(session, complaint.id),
                               _commented(session, complaint.id))

    def rate(self, code: str, score: int, comment: str, channel: str,
             chat_id: str | None = None, sender: str | None = None) -> RatingState:
        """Record the citizen's answer (once). ``chat_id``: the Telegram chat that
        pressed the button, which must be the complaint's; ``sender``: the web-chat
        conversation, which must be the one asked. A comment after a button's
        score (no comment yet) is recorded as ``satisfaction_comment``."""
        if not 1 <= score <= 5:
            raise ValidationError("score out of range", "Vui lòng chọn mức từ 1 đến 5.")
        text = nfc(comment or "").strip()
        if len(text) > MAX_COMMENT_CHARS:
            raise ValidationError("comment too long",
                                  f"Góp ý quá dài (tối đa {MAX_COMMENT_CHARS} ký tự).")
        with self._db().transaction() as session:
            # Locked: two presses of the same button at once (a double tap) give one answer.
            complaint = _complaint(session, code, for_update=True)
            if chat_id is not None and (complaint.reply_channel != Channel.TELEGRAM.value
                                        or complaint.reply_address != chat_id):
                raise InvalidLink("button pressed in another chat")
            if not _has(session, complaint.id, ASKED):
                raise NotAsked("no question was sent")
            if sender is not None and not _asked_sender(session, complaint.id, sender):
                raise InvalidLink("another conversation")
            if _score(session, complaint.id) is not None:
                raise AlreadyRated("rated already")
            session.add(Event(complaint_id=complaint.id, kind=RATED, actor="citizen",
                              reason=text or None,
                              data={"score": score, "channel": channel[:16]},
                              at=utcnow()))
            return RatingState(complaint.code, score, bool(text))

    def comment(self, code: str, comment: str, sender: str | None = None) -> RatingState:
        """A comment after a score given without one (once); ``sender``: the web-chat
        conversation, which must be the one asked."""
        text = nfc(comment or "").strip()
        if not text:
            raise ValidationError("empty comment", "Góp ý đang trống.")
        if len(text) > MAX_COMMENT_CHARS:
            raise ValidationError("comment too long",
                                  f"Góp ý quá dài (tối đa {MAX_COMMENT_CHARS} ký tự).")
        with self._db().transaction() as session:
            complaint = _complaint(session, code, for_update=True)
            if sender is not None and not _asked_sender(session, complaint.id, sender):
                raise InvalidLink("another conversation")
            score = _score(session, complaint.id)
            if score is None:
                raise NotAsked("no score yet")
            if _commented(session, complaint.id):
                raise AlreadyRated("commented already")
            session.add(Event(complaint_id=complaint.id, kind=COMMENTED, actor="citizen",
                              reason=text, data={}, at=utcnow()))
            return RatingState(complaint.code, score, True)

    def thanks(self, code: str, score: int, with_link: bool = True) -> str:
        """The thank-you text of a rating; with the link for a comment (Telegram), or
        without (the web chat, where the citizen already is)."""
        return templates.satisfaction_thanks(code, score,
                                             self.link(code) if with_link else None).body

    def comment_thanks(self, code: str) -> str:
        """The thank-you text of a comment (the web chat)."""
        return templates.satisfaction_comment_thanks(code).body

    def _db(self) -> Database:
        if self.db is None:
            raise RuntimeError("Satisfaction built without a database")
        return self.db


def answers_of(session: Session, ids: list[int]) -> dict[int, int | None]:
    """For the complaints ``ids`` that were asked: their score, or None when the citizen
    has not answered (the reports' share who answered and mean score)."""
    if not ids:
        return {}
    asked = set(session.scalars(select(Event.complaint_id).where(
        Event.kind == ASKED, Event.complaint_id.in_(ids))))
    scores: dict[int, int | None] = dict.fromkeys(asked)
    for complaint_id, data in session.execute(select(Event.complaint_id, Event.data).where(
            Event.kind == RATED, Event.complaint_id.in_(ids))):
        if complaint_id in scores:
            scores[complaint_id] = int(data["score"])
    return scores


def _complaint(session: Session, code: str, *, for_update: bool = False) -> Complaint:
    """The complaint a link or button names; a code that is not one is a bad link."""
    try:
        return complaint_by_code(session, code, for_update=for_update)
    except InvalidTrackingCode as exc:
        raise InvalidLink("bad code") from exc


def _has(session: Session, complaint_id: int, kind: str) -> bool:
    return session.scalar(select(Event.id).where(
        Event.complaint_id == complaint_id, Event.kind == kind).limit(1)) is not None


def _asked_sender(session: Session, complaint_id: int, sender: str) -> bool:
    data = session.scalar(select(Event.data).where(
        Event.complaint_id == complaint_id, Event.kind == ASKED).limit(1))
    return isinstance(data, dict) and data.get("sender") == sender


def _score(session: Session, complaint_id: int) -> int | None:
    data = session.scalar(select(Event.data).where(
        Event.complaint_id == complaint_id, Event.kind == RATED).limit(1))
    return int(data["score"]) if data else None


def _commented(session: Session, complaint_id: int) -> bool:
    reason = session.scalar(select(Event.reason).where(
        Event.complaint_id == complaint_id, Event.kind == RATED).limit(1))
    return bool(reason) or _has(session, complaint_id, COMMENTED)


__all__ = ["ASKED", "COMMENTED", "RATED", "AlreadyRated", "InvalidLink", "NotAsked",
           "RatingState", "Satisfaction", "answers_of"]
