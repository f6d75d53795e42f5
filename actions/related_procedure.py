"""The optional "which procedure is this about?" step of the complaint form.

Suggestions come from the catalog search over the complaint text itself, so most
citizens answer with one tap; a typed name is looked up the same way the procedure
questions are. The chosen procedure goes to routing, which sends it to the procedure's
responsible queue (or the People's Committee of the place for commune/district ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.catalog.errors import InvalidQuery, ProcedureNotFound
from intake.catalog.search import Hit
from intake.catalog.service import CatalogService, get_catalog

SUGGEST_COVERAGE = 0.5
MAX_SUGGESTIONS = 2
SUGGEST_FROM = 5  # the search's best hits read for the procedures a complaint names
_BY_CODE = re.compile(r"\bmã\s+([A-Za-z0-9._\-]+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Choice:
    """A procedure the citizen may mean."""

    code: str
    name: str
    queue: str

    @property
    def payload(self) -> str:
        """What a button sends back: read by :func:`resolve` without a search."""
        return f"thủ tục mã {self.code}"


@dataclass(frozen=True)
class Resolution:
    """The procedure an answer names, or candidates to choose from, or nothing."""

    choice: Choice | None = None
    candidates: tuple[Choice, ...] = ()


def _catalog() -> CatalogService:
    return get_catalog()


def _choice(code: str) -> Choice:
    record = _catalog().get(code)
    return Choice(record.code, record.name, record.queue_code)


def suggestions(complaint_text: str) -> list[Choice]:
    """Procedures the complaint text itself is about (at most two): the search's best
    that the text names, the one it names most fully first.

    A complaint says the name of what it is about ("tôi nộp hồ sơ đăng ký khai sinh …
    chưa có kết quả"), where a question may name a procedure only as what is already
    done, so the search can rank a variant whose examples tell the same story above the
    procedure named. That one is looked for among the best ``SUGGEST_FROM``; the rest
    keep the search's order."""
    try:
        hits = _catalog().search(complaint_text[:1500], limit=SUGGEST_FROM)
    except InvalidQuery:
        return []
    named = [h for h in hits if _named(h)]
    if not named:
        return []
    fullest = max(named, key=lambda h: h.coverage)  # the first of the best on a tie
    rest = [h for h in hits[:MAX_SUGGESTIONS] if _named(h) and h is not fullest]
    return [_choice(h.code) for h in [fullest, *rest][:MAX_SUGGESTIONS]]


def _named(hit: Hit) -> bool:
    """Whether the complaint says enough of the procedure's name to suggest it."""
    return hit.coverage >= SUGGEST_COVERAGE


def resolve(answer: str) -> Resolution:
    """The procedure a typed answer or a button payload names."""
    by_code = _BY_CODE.search(answer.strip())
    if by_code:
        try:
            return Resolution(_choice(by_code.group(1)))
        except ProcedureNotFound:
            return Resolution()
    try:
        found = _catalog().lookup(answer)
    except InvalidQuery:
        return Resolution()
    if found.best is not None:
        record = found.best
        if not found.certain:
            # ranked first, but few of the answer's words are in it: the complaint's
            # procedure decides its queue, so the citizen confirms it with a button
            return Resolution(None, (_choice(record.code),))
        return Resolution(Choice(record.code, record.name, record.queue_code))
    return Resolution(None, tuple(_choice(h.code) for h in found.alternatives[:3]))
