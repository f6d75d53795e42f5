"""Photos, documents and locations; a polite answer for media the bot cannot read.

A file is checked (size limit, type allow-list, and that its first bytes match the
type for images and PDF) before and after download, then either attached to the chat's
latest complaint (filed within the attach window) or held until the complaint being
written is filed. A location fills the complaint's location the same way; sent while the
form asks where it happened, it answers that question.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.context import Services, ask_again, sender_of, services
from bot.relay import attach_now, turn
from bot.sending import keyboard, send_text
from intake.chat.signals import MAP_POSITION, MAP_POSITION_TEXT
from intake.errors import SenderError
from intake.text import nfc

log = logging.getLogger(__name__)

MSG_UNSUPPORTED = ("Xin lỗi, tôi chưa nghe/xem được tin nhắn thoại, video, nhãn dán. "
                   "Bạn vui lòng nhắn bằng chữ; có thể gửi kèm ảnh, tệp PDF/Word/Excel "
                   "và vị trí trên bản đồ.")
MSG_TOO_BIG = "Tệp quá lớn (tối đa {mb} MB). Bạn vui lòng gửi tệp nhỏ hơn hoặc chụp ảnh lại."
MSG_BAD_TYPE = ("Tôi chỉ nhận ảnh (JPG, PNG, WEBP) và tệp PDF, Word, Excel, văn bản. "
                "Bạn vui lòng gửi lại tệp đúng định dạng.")
MSG_DOWNLOAD_FAILED = "Xin lỗi, tôi chưa tải được tệp này. Bạn vui lòng gửi lại sau ít phút."
MSG_HELD_IN_FORM = "Đã nhận {what}. Tôi sẽ đính kèm vào phản ánh khi bạn gửi."
MSG_HELD = ("Đã nhận {what}. Để gửi phản ánh kèm {what} này, bạn nhắn 'gửi phản ánh' rồi "
            "mô tả sự việc; {what} sẽ được đính kèm khi phản ánh được gửi.")
MSG_TOO_MANY = "Bạn đã gửi đủ số tệp cho một phản ánh. Các tệp khác xin gửi qua email."
MAGIC = {"image/jpeg": (b"\xff\xd8\xff",), "image/png": (b"\x89PNG",),
         "image/webp": (b"RIFF",), "application/pdf": (b"%PDF",)}


def content_ok(content_type: str, data: bytes) -> bool:
    """The first bytes agree with the declared type (for the types that have a signature)."""
    signatures = MAGIC.get(content_type)
    return signatures is None or data.startswith(signatures)


async def on_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo: its largest size within the limit."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or not message.photo:
        return
    svc = services(context)
    limit = svc.settings.max_file_bytes
    sizes = [p for p in message.photo if (p.file_size or 0) <= limit]
    if not sizes:
        await send_text(context.bot, chat.id, MSG_TOO_BIG.format(mb=limit // 2**20))
        return
    photo = max(sizes, key=lambda p: (p.width * p.height, p.file_size or 0))
    await _receive(context, chat.id, photo.file_id, f"anh-{photo.file_unique_id}.jpg",
                   "image/jpeg", "ảnh", message.caption)


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A document: allowed types only, within the size limit."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or message.document is None:
        return
    svc, document = services(context), message.document
    content_type = (document.mime_type or "").lower()
    if content_type not in svc.settings.allowed_types:
        await send_text(context.bot, chat.id, MSG_BAD_TYPE)
        return
    if (document.file_size or 0) > svc.settings.max_file_bytes:
        await send_text(context.bot, chat.id,
                        MSG_TOO_BIG.format(mb=svc.settings.max_file_bytes // 2**20))
        return
    await _receive(context, chat.id, document.file_id,
                   document.file_name or f"tep-{document.file_unique_id}", content_type, "tệp",
                   message.caption)


async def _receive(context: ContextTypes.DEFAULT_TYPE, chat_id: int, file_id: str,
                   filename: str, content_type: str, what: str,
                   caption: str | None = None) -> None:
    """Download, check and hold one file (with what the citizen wrote under it), then
    attach it to the chat's recent complaint or keep it for the one being written."""
    svc = services(context)
    data = await _download(context, file_id, svc.settings.max_file_bytes)
    if data is None:
        await send_text(context.bot, chat_id, MSG_DOWNLOAD_FAILED)
        return
    if len(data) > svc.settings.max_file_bytes:
        await send_text(context.bot, chat_id,
                        MSG_TOO_BIG.format(mb=svc.settings.max_file_bytes // 2**20))
        return
    if not content_ok(content_type, data):
        await send_text(context.bot, chat_id, MSG_BAD_TYPE)
        return
    try:
        held = await svc.pending.add_file(chat_id, data, filename, content_type,
                                          nfc(caption) if caption else None)
    except SenderError as exc:  # an empty file
        await send_text(context.bot, chat_id, exc.message_vi)
        return
    if not held:
        await send_text(context.bot, chat_id, MSG_TOO_MANY)
        return
    loop, _ = await svc.conversation_state(sender_of(chat_id))
    await _place(context, chat_id, what, loop)


async def _download(context: ContextTypes.DEFAULT_TYPE, file_id: str, limit: int
                    ) -> bytes | None:
    try:
        handle = await context.bot.get_file(file_id)
        if (handle.file_size or 0) > limit:
            return b"\0" * (limit + 1)  # reported too big: refused without downloading
        return bytes(await handle.download_as_bytearray())
    except TelegramError as exc:
        log.warning("file download failed: %s", type(exc).__name__)
        return None


async def on_location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A map position: the complaint's location (answers the form's question if asked)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or message.location is None:
        return
    svc = services(context)
    await svc.pending.set_location(chat.id, message.location.latitude, message.location.longitude)
    loop, slot = await svc.conversation_state(sender_of(chat.id))
    if loop == "complaint_form" and slot == "complaint_location":
        await send_text(context.bot, chat.id, "Đã nhận vị trí trên bản đồ.")
        # The place question is answered by the map: a structured signal, not a typed word.
        await turn(context, chat.id, MAP_POSITION_TEXT, update.effective_user,
                   message.message_id, signal=MAP_POSITION)
        return
    await _place(context, chat.id, "vị trí", loop)


async def _place(context: ContextTypes.DEFAULT_TYPE, chat_id: int, what: str,
                 loop: str | None) -> None:
    """Attach what is held to the latest complaint, or keep it for the one being written."""
    svc = services(context)
    if loop == "complaint_form":
        await send_text(context.bot, chat_id, MSG_HELD_IN_FORM.format(what=what))
        await _ask_again(context, chat_id)
        return
    code = await _recent_complaint(svc, chat_id)
    if code is None:
        await send_text(context.bot, chat_id, MSG_HELD.format(what=what))
        return
    note = await attach_now(svc, chat_id, code)
    await send_text(context.bot, chat_id, note or MSG_DOWNLOAD_FAILED)


async def _ask_again(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
    """The form's pending question again, so the citizen knows where they were."""
    svc = services(context)
    _, slot = await svc.conversation_state(sender_of(chat_id))
    if slot is None:
        return
    for text, buttons in await ask_again(svc, sender_of(chat_id), slot):
        await send_text(context.bot, chat_id, text, keyboard(buttons, svc.keys))


async def _recent_complaint(svc: Services, chat_id: int) -> str | None:
    """The chat's latest complaint if it wrote into it within the attach window."""
    window = timedelta(hours=svc.settings.attach_window_hours)
    return await asyncio.to_thread(svc.attachments.recent_complaint_of, sender_of(chat_id),
                                   window)


async def on_unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Voice, audio, video, video notes, stickers, animations, contacts, polls …"""
    if update.effective_chat:
        await send_text(context.bot, update.effective_chat.id, MSG_UNSUPPORTED)
