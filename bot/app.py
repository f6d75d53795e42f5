"""Building the bot: the Application, its handlers and its services.

``base_url`` / ``base_file_url`` come from the settings, so the same code talks to
Telegram, to a local Bot API server, or to the test double. Updates of different chats
are handled concurrently; updates of one chat strictly in order (a conversation is a
sequence: Rasa must see the citizen's messages as they were sent).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

import httpx
from telegram import Update
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import attachments, commands, relay, satisfaction
from bot.context import Services
from bot.joining import MessageJoiner
from bot.pending import PendingStore
from bot.ratelimit import FloodGuard, guard_update
from bot.sending import PayloadKeys
from bot.settings import BotSettings
from intake.chat.relay import FailoverTransport, RasaRelay
from intake.db import Database
from intake.services.attachments import AttachmentService
from intake.services.complaints import IntakeService

log = logging.getLogger(__name__)
MAX_CONCURRENT_UPDATES = 256
UNSUPPORTED = (filters.VOICE | filters.AUDIO | filters.VIDEO | filters.VIDEO_NOTE
               | filters.Sticker.ALL | filters.ANIMATION | filters.CONTACT | filters.POLL
               | filters.Dice.ALL | filters.VENUE)


class PerChatProcessor(BaseUpdateProcessor):
    """Concurrent across chats, sequential within a chat."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run ``coroutine`` holding the lock of the update's chat."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] = self._users.get(chat.id, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if self._users[chat.id] == 0:  # nobody waits: forget the lock
                del self._users[chat.id]
                del self._locks[chat.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def make_services(settings: BotSettings) -> Services:
    """The long-lived objects of one bot process."""
    db = Database(settings.intake.database_url)
    attachments = AttachmentService(db, settings.intake)
    # one or several assistant servers (PAKN_RASA_URLS): messages go to the sender's
    # server, the HTTP API to the first reachable one (they share the tracker store)
    relay = RasaRelay(settings.intake.assistant_urls,
                      settings.intake.resolved("PAKN_CHANNEL_SECRET"))
    return Services(
        settings=settings,
        relay=relay,
        rasa_api=httpx.AsyncClient(  # Rasa's HTTP API wants its token as a parameter
            base_url=relay.health.servers[0], timeout=10.0,
            transport=FailoverTransport(relay.health),
            params={"token": settings.intake.resolved("PAKN_RASA_TOKEN")}),
        intake=IntakeService(db, settings.intake),
        attachments=attachments,
        pending=PendingStore(attachments),
        keys=PayloadKeys(),
        flood_guard=FloodGuard(settings.burst, settings.refill_per_second),
        joiner=MessageJoiner(settings.join_seconds, settings.join_long_seconds)
        if settings.join_seconds > 0 else None,
    )


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The last word on an error no handler caught: a dropped connection to Telegram (a
    poll that timed out, a network blip) is expected and retried by the library, so one
    line; anything else is a bug, logged with its traceback (never the update's text)."""
    error = context.error
    if isinstance(error, (NetworkError, TimedOut)) and not isinstance(error, BadRequest):
        log.warning("telegram connection problem (%s); the library retries",
                    type(error).__name__)
        return
    log.error("unhandled %s while handling an update", type(error).__name__,
              exc_info=error)


def add_handlers(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Guard first (group -1), then commands, media, text, buttons; the error handler."""
    app.add_handler(TypeHandler(Update, guard_update), group=-1)
    app.add_handler(CommandHandler("start", commands.start))
    app.add_handler(CommandHandler("help", commands.help_command))
    app.add_handler(CommandHandler("trangthai", commands.status))
    app.add_handler(CommandHandler("huy", commands.cancel))
    app.add_handler(MessageHandler(filters.COMMAND, commands.unknown))
    app.add_handler(MessageHandler(filters.PHOTO, attachments.on_photo))
    app.add_handler(MessageHandler(filters.Document.ALL, attachments.on_document))
    app.add_handler(MessageHandler(filters.LOCATION, attachments.on_location))
    app.add_handler(MessageHandler(UNSUPPORTED, attachments.on_unsupported))
    app.add_handler(MessageHandler(filters.TEXT, relay.on_text))
    app.add_handler(CallbackQueryHandler(satisfaction.on_rating, pattern=satisfaction.PATTERN))
    app.add_handler(CallbackQueryHandler(relay.on_button))
    app.add_error_handler(on_error)


def build_application(settings: BotSettings) -> Application[Any, Any, Any, Any, Any, Any]:
    """The configured Application (answers from staff leave through the delivery
    dispatcher, ``pakn delivery send``, not through this process)."""
    svc = make_services(settings)

    async def post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        if svc.joiner is not None:  # texts still waiting for a follow-up go now
            await svc.joiner.flush_all()
        await svc.relay.aclose()
        await svc.rasa_api.aclose()
        svc.intake.db.dispose()

    app = (ApplicationBuilder().token(settings.token).base_url(settings.base_url)
           .base_file_url(settings.base_file_url)
           .concurrent_updates(PerChatProcessor())
           .post_stop(post_shutdown).build())
    app.bot_data["services"] = svc
    add_handlers(app)
    return app
