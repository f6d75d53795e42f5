"""What every handler reaches through ``context.bot_data["services"]``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from telegram.ext import ContextTypes

from bot.ratelimit import FloodGuard
from bot.sending import PayloadKeys
from bot.settings import BotSettings
from intake.chat.relay import RasaRelay
from intake.services.attachments import AttachmentService
from intake.services.complaints import IntakeService

if TYPE_CHECKING:  # bot.pending imports sender_of from here
    from bot.pending import PendingStore


@dataclass
class Services:
    """The bot process's long-lived objects (one per process)."""

    settings: BotSettings
    relay: RasaRelay
    rasa_api: httpx.AsyncClient
    intake: IntakeService
    attachments: AttachmentService
    pending: PendingStore
    keys: PayloadKeys
    flood_guard: FloodGuard

    async def conversation_state(self, sender: str) -> tuple[str | None, str | None]:
        """The active form and the slot it asks for, from Rasa's tracker (None on error)."""
        try:
            response = await self.rasa_api.get(f"/conversations/{sender}/tracker",
                                               params={"include_events": "NONE"})
            response.raise_for_status()
            tracker: dict[str, Any] = response.json()
        except (httpx.HTTPError, ValueError):
            return None, None
        loop = (tracker.get("active_loop") or {}).get("name")
        slot = (tracker.get("slots") or {}).get("requested_slot")
        return (loop if isinstance(loop, str) else None,
                slot if isinstance(slot, str) else None)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The process's services (set up by ``bot.app.build_application``)."""
    found = context.bot_data["services"]
    assert isinstance(found, Services)
    return found


def sender_of(chat_id: int) -> str:
    """The Rasa sender id of a Telegram chat (``actions.common.channel_of`` reads it)."""
    return f"telegram:{chat_id}"
