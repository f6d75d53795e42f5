"""What every handler reaches through ``context.bot_data["services"]``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from telegram.ext import ContextTypes

from bot.joining import MessageJoiner
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
    joiner: MessageJoiner | None = None  # None: every text is its own turn
    domain_actions: frozenset[str] | None = None  # the assistant's actions, read once

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


async def ask_action(services: Services, slot: str) -> str:
    """The action that asks for ``slot``: the form's own choice, ``action_ask_<slot>`` when
    the domain has such an action, else the response ``utter_ask_<slot>``."""
    if services.domain_actions is None:
        try:
            response = await services.rasa_api.get("/domain",
                                                   headers={"Accept": "application/json"})
            response.raise_for_status()
            services.domain_actions = frozenset(response.json().get("actions") or ())
        except (httpx.HTTPError, ValueError):
            return f"utter_ask_{slot}"
    custom = f"action_ask_{slot}"
    return custom if custom in services.domain_actions else f"utter_ask_{slot}"


async def ask_again(services: Services, sender: str, slot: str
                    ) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Have the assistant ask its pending question again (after a photo or a file sent
    in the middle of the form): the texts and buttons it says; [] on any failure."""
    name = await ask_action(services, slot)
    try:
        response = await services.rasa_api.post(
            f"/conversations/{sender}/execute", json={"name": name},
            params={"include_events": "NONE"})
        response.raise_for_status()
        messages = response.json().get("messages") or []
        # The form checks an answer only when the assistant was listening before it;
        # ``execute`` leaves the question as the last action, so say it listens now.
        listened = await services.rasa_api.post(
            f"/conversations/{sender}/tracker/events",
            json=[{"event": "action", "name": "action_listen"}],
            params={"include_events": "NONE"})
        listened.raise_for_status()
    except (httpx.HTTPError, ValueError):
        return []
    said = []
    for item in messages:
        if not isinstance(item, dict):
            continue
        buttons = tuple((str(b.get("title", "")), str(b.get("payload", "")))
                        for b in item.get("buttons") or [] if isinstance(b, dict))
        if item.get("text"):
            said.append((str(item["text"]), buttons))
    return said


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The process's services (set up by ``bot.app.build_application``)."""
    found = context.bot_data["services"]
    assert isinstance(found, Services)
    return found


def sender_of(chat_id: int) -> str:
    """The Rasa sender id of a Telegram chat (``actions.common.channel_of`` reads it)."""
    return f"telegram:{chat_id}"
