"""Text and button presses → Rasa REST channel → Telegram messages.

The sender is ``telegram:<chat id>``, text is NFC-normalised and guarded by the shared
``intake.chat.relay`` (``/…`` never reaches Rasa raw, long text refused, an empty or
failed answer becomes a polite message). Message text is never logged.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update, User
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.context import Services, sender_of, services
from bot.sending import keyboard, send_text, typing
from intake.chat.relay import Reply
from intake.chat.signals import with_signal
from intake.errors import SenderError
from intake.services.attachments import describe_attached
from intake.text import nfc

log = logging.getLogger(__name__)

MSG_EXPIRED_BUTTON = "Nút này đã hết hạn. Bạn vui lòng nhắn lại bằng chữ."


def metadata_of(user: User | None, message_id: int | None) -> dict[str, Any]:
    """What Rasa may know about the Telegram side (no names, no phone numbers)."""
    return {"telegram": {"user_id": user.id if user else None, "message_id": message_id,
                         "language": user.language_code if user else None}}


async def turn(context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str,
               user: User | None, message_id: int | None,
               signal: str | None = None) -> list[Reply]:
    """One Rasa turn for the chat, replies sent. ``signal`` (``intake.chat.signals``)
    tells the assistant what the message stands for when it is not typed text.

    Files held during the form are attached by the assistant's filing action itself, in
    the filing transaction: nothing here reads the replies to learn what was filed."""
    svc = services(context)
    metadata = metadata_of(user, message_id)
    if signal is not None:
        metadata = with_signal(metadata, signal)
    async with typing(context.bot, chat_id):
        replies = await svc.relay.reply_to(sender_of(chat_id), nfc(text),
                                           svc.settings.max_chars, metadata)
    for reply in replies:
        await send_text(context.bot, chat_id, reply.text or "…",
                        keyboard(reply.buttons, svc.keys))
    return replies


async def attach_now(svc: Services, chat_id: int, code: str) -> str:
    """Attach the chat's held files/location to ``code``; a line telling the citizen."""
    try:
        done = await svc.pending.attach_to(chat_id, code)
    except SenderError as exc:
        return exc.message_vi
    return describe_attached(code, done)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A citizen's text message: joined with the chat's next ones if they follow within
    the joining window (``bot.joining``), then relayed as one turn."""
    message = update.effective_message
    if message is None or message.text is None or update.effective_chat is None:
        return
    chat_id, user, message_id = update.effective_chat.id, update.effective_user, \
        message.message_id
    joiner = services(context).joiner
    if joiner is None:
        await turn(context, chat_id, message.text, user, message_id)
        return

    async def relay_joined(text: str) -> None:
        await turn(context, chat_id, text, user, message_id)

    joiner.add(chat_id, message.text, relay_joined)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed inline button: answered at once, its payload relayed as the citizen's."""
    query = update.callback_query
    if query is None or update.effective_chat is None:
        return
    chat_id = update.effective_chat.id
    try:
        await query.answer()
    except TelegramError as exc:  # an old query (>15 min) cannot be answered: go on
        log.info("callback query not answered: %s", type(exc).__name__)
    payload = services(context).keys.decode(query.data or "")
    if not payload:
        await send_text(context.bot, chat_id, MSG_EXPIRED_BUTTON)
        return
    await _remove_keyboard(update)
    message_id = query.message.message_id if query.message else None
    await turn(context, chat_id, payload, update.effective_user, message_id)


async def _remove_keyboard(update: Update) -> None:
    """Take the buttons off the answered message so a second press cannot resend."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError as exc:
        log.info("keyboard not removed: %s", type(exc).__name__)
