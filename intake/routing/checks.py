"""Load-time checks of the routing data against the organisation.

Rules and training labels refer to queue codes. A code the organisation does not know
is an error (a typo, or data for another province); a retired queue is accepted only if
it has a successor, which routing then follows (after a merger the shipped rules keep
working and say so in their reasons).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from intake.routing.errors import RoutingDataError
from intake.routing.signals.classifier import TRAINING_FILE, read_examples
from intake.routing.signals.subject import RULES_FILE, load_rules
from intake.routing.types import LEVELS


@dataclass(frozen=True)
class QueueState:
    """What the checks need to know of a queue."""

    active: bool
    successor: str | None


def named_codes(rules_file: Path = RULES_FILE,
                training_file: Path = TRAINING_FILE) -> dict[str, str]:
    """Every queue code the routing data names → where (for the error message)."""
    named: dict[str, str] = {}
    for label in sorted(load_rules(rules_file).labels):
        named.setdefault(label, rules_file.name)
    for example in read_examples(training_file):
        named.setdefault(example.label, training_file.name)
    return {code: where for code, where in named.items() if code not in LEVELS}


def check_codes(queues: Mapping[str, QueueState], rules_file: Path = RULES_FILE,
                training_file: Path = TRAINING_FILE, extra: set[str] | None = None) -> None:
    """``RoutingDataError`` if the data names an unknown queue or a dead end
    (``extra``: codes named by other routing data, such as bodies.yml)."""
    problems = []
    named = named_codes(rules_file, training_file)
    for code in extra or ():
        named.setdefault(code, "bodies.yml")
    for code, where in sorted(named.items()):
        state = queues.get(code)
        if state is None:
            problems.append(f"{where}: unknown queue {code}")
        elif not state.active and _final(code, queues) is None:
            problems.append(f"{where}: queue {code} is retired without an active successor")
    if problems:
        raise RoutingDataError("routing data does not match the organisation: "
                               + "; ".join(problems))


def _final(code: str, queues: Mapping[str, QueueState]) -> str | None:
    seen = set()
    current: str | None = code
    while current is not None and current not in seen:
        seen.add(current)
        state = queues.get(current)
        if state is None:
            return None
        if state.active:
            return current
        current = state.successor
    return None
