"""The satisfaction buttons (issue 16): 1–5 under the question the delivery dispatcher
sent after a complaint was resolved (callback data ``dg:<code>:<score>:<signature>``).

The press is answered at once; the score is recorded by
``intake.services.satisfaction`` (in a worker thread: blocking database work never runs
on the event loop), which checks the signature and that the chat is the complaint's.
The keyboard is taken off the question, and the citizen is thanked with the link where
they may add a comment. A second press, a stale or forged button: a polite message.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.context import services
from bot.sending import send_text
from intake.errors import SenderError
from intake.services.satisfaction import BUTTON_PREFIX, Satisfaction

log = logging.getLogger(__name__)
PATTERN = rf"^{BUTTON_PREFIX}:"


async def on_rating(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A satisfaction button was pressed."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None:
        return
    try:
        await query.answer()
    except TelegramError as exc:  # an old query cannot be answered: go on
        log.info("callback query not answered: %s", type(exc).__name__)
    svc = services(context)
    satisfaction = Satisfaction(svc.intake.db, svc.settings.intake)
    try:
        code, score = await asyncio.to_thread(_record, satisfaction, query.data or "",
                                              str(chat.id))
    except SenderError as exc:
        await send_text(context.bot, chat.id, exc.message_vi)
        return
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError as exc:
        log.info("keyboard not removed: %s", type(exc).__name__)
    thanks = await asyncio.to_thread(satisfaction.thanks, code, score)
    await send_text(context.bot, chat.id, thanks)


def _record(satisfaction: Satisfaction, data: str, chat_id: str) -> tuple[str, int]:
    """Check the button (its signature reads the installation's key) and record it."""
    code, score = satisfaction.parse_button(data)
    satisfaction.rate(code, score, "", "telegram", chat_id)
    return code, score
