"""Procedure signal: the administrative procedure a complaint is about → its queue.

The catalog search (BM25 over names and keywords, synonyms, typo correction) ranks the
procedures; a complaint is long and talks about much else, so only a hit whose name is
mostly present in the text (``coverage``) and named in one place (``named_together``: a
name's light syllables, "đăng ký", "giải quyết", "cấp", turn up all over a letter, and a
folded "khai" and "sinh" far apart name nothing) counts. A procedure handled "at the
place" (queue ``XA``/``HUYEN``) proposes a level, which the decision resolves with the
place signal. A procedure the edge already knows (the assistant was answering about it) wins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from intake.catalog.errors import InvalidQuery
from intake.catalog.search import SearchIndex
from intake.routing.types import LEVELS, Candidate, RoutingInput, Signal

NAME = "procedure"
MAX_SEARCH_CHARS = 1500
MIN_COVERAGE = 0.75
GIVEN_CONFIDENCE = 0.9
RIVAL_MARGIN = 0.04
RIVAL_PENALTY = 0.15
NAME_SPREAD = 2  # a named procedure's words within twice the name's length …
NAMED_SHARE = 0.6  # … carrying this share of its idf


@dataclass(frozen=True)
class ProcedureMatch:
    """A procedure found in a text: code, name, responsible queue or level, how sure."""

    code: str
    name: str
    queue: str
    confidence: float


class ProcedureFinder(Protocol):
    """Anything that finds procedures in a text (the catalog; a stub in tests)."""

    def find(self, text: str) -> Sequence[ProcedureMatch]:
        """Procedures the text is about, best first."""


class CatalogFinder:
    """Finds procedures with the catalog's search index (rebuilt when it changes)."""

    def __init__(self, index: Callable[[], SearchIndex], limit: int = 3) -> None:
        self._index = index
        self.limit = limit
        self._queues: tuple[SearchIndex | None, dict[str, str]] = (None, {})

    def _queue_of(self, index: SearchIndex) -> dict[str, str]:
        """Procedure code → responsible queue, kept as long as the index is the same."""
        if self._queues[0] is not index:
            self._queues = (index, {r.code: r.queue_code for r in index.records})
        return self._queues[1]

    def find(self, text: str) -> list[ProcedureMatch]:
        """Hits whose name the text covers well enough, with their queue."""
        index = self._index()
        if not len(index):
            return []
        try:
            hits, words = index.named_in(text[:MAX_SEARCH_CHARS], self.limit)
        except InvalidQuery:
            return []
        queues = self._queue_of(index)
        found = [ProcedureMatch(h.code, h.name, queues[h.code], 0.45 + 0.4 * h.coverage)
                 for h in hits if h.coverage >= MIN_COVERAGE
                 and named_together(words, index.askable_name_words(h.code), index.idf)]
        return _penalise_rivals(found)


def named_together(words: Sequence[str], name: frozenset[str],
                   idf: Mapping[str, float]) -> bool:
    """Whether the text names the procedure in one place: some stretch of it, twice the
    name's length (``NAME_SPREAD``), holds name words that carry ``NAMED_SHARE`` of the
    name's weight (idf: "đăng ký", "giải quyết", "cấp" weigh little, "khai sinh", "tạm
    trú" much). "Hôm em ra xã đăng ký tạm trú" names one; "công nhân … tổ dân phố …
    hóa đơn … giải lớn" over a letter is no "Công nhận tổ trưởng tổ hòa giải"."""
    total = sum(idf.get(w, 0.0) for w in name)
    if total <= 0.0:
        return True
    width = NAME_SPREAD * len(name)
    at = [(i, w) for i, w in enumerate(words) if w in name]
    inside: Counter[str] = Counter()
    left = 0
    for position, word in at:
        inside[word] += 1
        while position - at[left][0] >= width:
            gone = at[left][1]
            inside[gone] -= 1
            if not inside[gone]:
                del inside[gone]
            left += 1
        if sum(idf.get(w, 0.0) for w in inside) >= NAMED_SHARE * total:
            return True
    return False


def _penalise_rivals(found: list[ProcedureMatch]) -> list[ProcedureMatch]:
    """Lower the top match when a runner-up of another queue fits about as well."""
    if len(found) < 2:
        return found
    top, rival = found[0], found[1]
    if rival.queue != top.queue and top.confidence - rival.confidence < RIVAL_MARGIN:
        top = ProcedureMatch(top.code, top.name, top.queue, top.confidence - RIVAL_PENALTY)
    return [top, *found[1:]]


def procedure_signal(data: RoutingInput, finder: ProcedureFinder | None) -> Signal:
    """The procedure the edge named, else the best procedure the catalog finds."""
    if data.procedure_queue:
        name = data.procedure_name or "?"
        return Signal(NAME, (Candidate(data.procedure_queue, GIVEN_CONFIDENCE, name),),
                      _reason(name, data.procedure_queue), {"name": name, "given": True})
    if finder is None:
        return Signal(NAME, detail={"catalog": "unavailable"})
    matches = finder.find(data.text)
    if not matches:
        return Signal(NAME)
    top = matches[0]
    candidates = tuple(Candidate(m.queue, m.confidence, m.name) for m in matches)
    return Signal(NAME, candidates, _reason(top.name, top.queue),
                  {"code": top.code, "name": top.name})


def _reason(name: str, queue: str) -> str:
    if queue in LEVELS:
        level = "cấp xã" if queue == "XA" else "cấp huyện"
        return f"thủ tục '{name}' → {level}"
    return f"thủ tục '{name}' → {queue}"
