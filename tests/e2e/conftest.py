"""Helpers for conversations with the running assistant (Rasa + action server)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest

from intake.config import load_settings
from intake.db import Database
from intake.services.complaints import IntakeService
from tests.harness.rasa_stack import RasaStack


class Conversation:
    """One citizen talking to the assistant over the REST channel."""

    def __init__(self, stack: RasaStack, sender: str) -> None:
        self.stack = stack
        self.sender = sender

    def say(self, text: str) -> str:
        """Send ``text``; the assistant's answers joined, which must not be empty."""
        answers = self.stack.texts(self.sender, text)
        assert answers, f"the assistant answered nothing to {text[:80]!r}\n" \
                        f"{self.stack.log_tails()}"
        return "\n".join(answers)


@pytest.fixture
def chat(rasa_stack: RasaStack) -> Callable[[], Conversation]:
    """Start new conversations (each with its own sender id)."""
    return lambda: Conversation(rasa_stack, f"test-{uuid.uuid4().hex[:10]}")


@pytest.fixture
def intake(rasa_stack: RasaStack) -> Iterator[IntakeService]:
    """The intake services over the database the action server writes to."""
    settings = load_settings({"PAKN_DATABASE_URL": rasa_stack.database_url})
    database = Database(rasa_stack.database_url)
    yield IntakeService(database, settings)
    database.dispose()
