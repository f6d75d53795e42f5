"""Commands the bot answers itself: /start, /help, /trangthai [MÃ], /huy, and unknown ones.

Rasa reads ``/word`` as an intent, so no command text is ever forwarded raw: /huy is
relayed as the word "hủy" (the assistant's cancel), /trangthai without a code as a
status request, everything else is answered here.
"""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import ContextTypes

from bot.context import Services, sender_of, services
from bot.relay import turn
from bot.sending import keyboard, send_text
from intake.delivery import templates
from intake.errors import SenderError

HELP = (
    "Hướng dẫn:\n"
    "• Nhắn bằng chữ điều bạn cần hỏi hoặc phản ánh; tôi sẽ hỏi thêm địa điểm, liên hệ.\n"
    "• Gửi ảnh/tệp (tối đa {mb} MB) và vị trí ngay trong lúc hoặc ngay sau khi gửi phản "
    "ánh để đính kèm.\n"
    "• /trangthai PA-XXXXXXXX — xem tình trạng phản ánh.\n"
    "• /huy — dừng việc đang làm dở.\n"
    "Tôi chưa nghe được tin nhắn thoại, video hay nhãn dán.")
UNKNOWN = "Lệnh này không được hỗ trợ. Các lệnh: /start, /help, /trangthai MÃ, /huy."
START_BUTTONS = (("Gửi phản ánh", "Tôi muốn gửi phản ánh"),
                 ("Tra cứu mã phản ánh", "Tra cứu tình trạng phản ánh"),
                 ("Hỏi thủ tục", "Tôi muốn hỏi về thủ tục hành chính"))


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: what the bot can do for the province in force (the organisation's name,
    read off the event loop), with the three ways in as buttons."""
    if update.effective_chat:
        province = await asyncio.to_thread(services(context).intake.province)
        await send_text(context.bot, update.effective_chat.id,
                        templates.telegram_welcome(province),
                        keyboard(START_BUTTONS, services(context).keys))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help."""
    if update.effective_chat:
        mb = services(context).settings.max_file_bytes // (1024 * 1024)
        await send_text(context.bot, update.effective_chat.id, HELP.format(mb=mb))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/huy: the assistant's own cancel (form state lives in Rasa); held files dropped."""
    chat = update.effective_chat
    if chat is None:
        return
    await services(context).pending.drop(chat.id)
    message = update.effective_message
    await turn(context, chat.id, "hủy", update.effective_user,
               message.message_id if message else None)


async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/trangthai [MÃ]: with a code, answered here; without, the assistant asks for one."""
    chat = update.effective_chat
    if chat is None:
        return
    if not context.args:
        message = update.effective_message
        await turn(context, chat.id, "tra cứu tình trạng phản ánh", update.effective_user,
                   message.message_id if message else None)
        return
    text = await status_text(services(context), chat.id, " ".join(context.args))
    await send_text(context.bot, chat.id, text)


async def status_text(svc: Services, chat_id: int, code: str) -> str:
    """What this chat may learn of ``code`` (``IntakeService.status_for`` decides)."""
    try:
        answer = await asyncio.to_thread(svc.intake.status_for, code, sender_of(chat_id))
    except SenderError as exc:
        return exc.message_vi
    return answer.text_vi


async def unknown(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any other ``/command``: explained here, never forwarded to Rasa."""
    if update.effective_chat:
        await send_text(context.bot, update.effective_chat.id, UNKNOWN)
