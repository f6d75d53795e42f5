"""The start of every conversation session: the province's name into the ``province`` slot.

The assistant's own responses (``domain.yml``: the greeting, "who are you", out of scope)
name the province through the slot (``{province}``: "tỉnh Bắc Ninh"), so they follow the
organisation in force (``IntakeService.province``) without retraining. Rasa runs this
action at the start of each session (a new conversation, after a restart, after the
session expires), so a session started after an organisation change says the new name.
"""

from __future__ import annotations

import asyncio
import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.common import service
from intake.errors import IntakeError

log = logging.getLogger(__name__)
PROVINCE_SLOT = "province"


class ActionSessionStart(Action):
    """Rasa's session start, plus the province's name (the responses have a variant
    without the name for the case it cannot be read)."""

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        try:
            province = await asyncio.to_thread(service().province)
        except (IntakeError, SQLAlchemyError, OSError) as exc:
            log.warning("session start: the province's name could not be read (%s)",
                        type(exc).__name__)
            province = None
        events.append(SlotSet(PROVINCE_SLOT, province.in_sentence if province else None))
        events.append(ActionExecuted("action_listen"))
        return events
