"""The catalog services: import, search, look up, and find what a citizen means.

The CLI and the assistant's actions call this; nothing else touches the catalog's
tables. The search index is built in memory from the database and rebuilt when the
catalog changes (another process may import while this one serves): the check is one
cheap query (count and newest change), made at most once per ``refresh_seconds``.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select

from intake.catalog.errors import ProcedureNotFound
from intake.catalog.importers import parse_path
from intake.catalog.models import Procedure
from intake.catalog.records import ParsedFile, ProcedureRecord
from intake.catalog.search import Hit, SearchIndex, validate_query
from intake.catalog.store import ImportSummary, load_records, upsert
from intake.config import Settings, load_settings
from intake.db import Database
from intake.models import Queue, QueueChange
from intake.org.data_files import read_organisation
from intake.org.successors import heirs
from intake.text import fold

DEMO_CATALOG = Path(__file__).resolve().parent / "data" / "demo_catalog.json"
# A procedure is answered when the question's words are found in it (MIN_CONFIDENCE of
# their weight), or when the re-ranker puts it clearly ahead (the runner-up scores at most
# CLEAR_LEAD of it) and some of the words are there: a life event ("vợ tôi vừa sinh con")
# shares few words with the procedure it implies. A procedure with example questions
# needs fewer of them (LEAD_FLOOR_TOLD instead of LEAD_FLOOR) when most of the question's
# words (EXPLAINED_FLOOR of their weight) are in it or in its examples, and is neither
# answered nor offered as a plain choice when they are not: a life event is told in its
# examples' words, a question about a cinema is not. One without examples (a province's
# own procedure) is judged by its words alone. Short of that, the three best are offered
# to choose from when the best stands out (SUGGEST_LEAD, SUGGEST_FLOOR), or offered as a
# guess ("có phải …?") when it does not but some of the words are there (GUESS_FLOOR):
# the right procedure is often among those three when no one stands out. With fewer
# words, nothing is found. Figures: bench/catalog_search.py (what the assistant says).
MIN_CONFIDENCE = 0.5
CLEAR_LEAD, LEAD_FLOOR, LEAD_FLOOR_TOLD, EXPLAINED_FLOOR = 0.65, 0.15, 0.1, 0.5
SUGGEST_LEAD, SUGGEST_FLOOR = 0.85, 0.1
GUESS_FLOOR, GUESS_SCORE = 0.1, 50.0
# A long question (a story, then what is asked) spreads its words over things no
# procedure holds (the family, the dates, what was done before): a smaller share of them
# found is still a guess worth offering when the best scores well (LONG_GUESS_SCORE; a
# long chat about the weather or a restaurant scores about GUESS_SCORE). "Long" counts
# the distinct syllables the index reads (``question_words``: stopwords out), about 17–20
# typed words for 12. Chosen on working sets 4–6, where the right procedure was among
# the three best for nearly all of the long questions told "nothing found" before.
LONG_QUESTION_WORDS, LONG_GUESS_FLOOR, LONG_GUESS_SCORE = 12, 0.03, 100.0
CLOSE_RATIO = 0.83
# A short question naming only part of the best name ("thủ tục đăng ký") is vague: a
# wider margin of candidates is offered. "lý lịch tư pháp" covers little of "Cấp Phiếu lý
# lịch tư pháp cho công dân Việt Nam" too, but its four specific words are not vague.
VAGUE_COVERAGE = 0.6
VAGUE_WORDS = 2
VAGUE_RATIO = 0.6


@dataclass(frozen=True)
class Judgement:
    """What a search's hits let the assistant say (``judge``).

    ``best`` alone: the answer (``certain`` when the question's words are in it, not only
    its lead over the rest). ``alternatives`` without ``best``: a choice, a ``guess`` when
    the best did not stand out. Neither: nothing found."""

    best: Hit | None = None
    alternatives: tuple[Hit, ...] = ()
    certain: bool = False
    guess: bool = False


@dataclass(frozen=True)
class Lookup:
    """What a question found: the procedure, procedures to choose from (close to each
    other, the best not sure enough alone, or a guess), or nothing (see ``judge``)."""

    best: ProcedureRecord | None
    alternatives: tuple[Hit, ...] = ()
    certain: bool = False
    guess: bool = False

    @property
    def ambiguous(self) -> bool:
        """True when the citizen is asked to choose among several procedures."""
        return self.best is None and len(self.alternatives) > 1


class CatalogService:
    """Catalog operations over one database."""

    def __init__(self, db: Database, refresh_seconds: float = 2.0) -> None:
        self.db = db
        self.refresh_seconds = refresh_seconds
        self._index: SearchIndex | None = None
        self._stamp: tuple[int, str] | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    # -- import ---------------------------------------------------------------------
    def queue_names(self) -> dict[str, str]:
        """Queue codes (and names) a record may name: the database's, else the shipped."""
        with self.db.reading() as session:
            rows = session.execute(select(Queue.code, Queue.name)).all()
        if rows:
            return {code: name for code, name in rows}
        return {q.code: q.name for q in read_organisation().queues}

    def former_names(self) -> list[tuple[str, str]]:
        """Earlier names of renamed provincial and central queues, (code, name)."""
        with self.db.reading() as session:
            rows = session.execute(select(QueueChange.queue_code, QueueChange.old_value).join(
                Queue, Queue.code == QueueChange.queue_code).where(
                QueueChange.change == "renamed", Queue.kind.in_(("provincial", "central")))
            ).all()
        return [(code, old) for code, old in rows if old]

    def heirs(self) -> dict[str, str]:
        """Retired queue → the active queue its successors lead to (organisation changes)."""
        with self.db.reading() as session:
            return heirs(session)

    def parse(self, path: Path) -> ParsedFile:
        """Read and validate one file (``CatalogFileError`` if unreadable); a procedure
        whose agency is a merged or retired body goes to that body's successor, so that a
        re-import of an old export does not undo an organisation change."""
        parsed = parse_path(path, self.queue_names(), self.former_names())
        heirs = self.heirs()
        parsed.records = [replace(r, queue_code=heirs[r.queue_code])
                          if r.queue_code in heirs else r for r in parsed.records]
        return parsed

    def import_file(self, path: Path, *, dry_run: bool = False,
                    progress: Callable[[int], None] | None = None,
                    parsed: ParsedFile | None = None) -> ImportSummary:
        """Upsert one file's records in one transaction (rolled back on ``dry_run``)."""
        parsed = parsed or self.parse(path)
        if dry_run:
            with self.db.reading() as session:
                summary = upsert(session, parsed, dry_run=True, progress=progress)
                session.rollback()
        else:
            with self.db.transaction() as session:
                summary = upsert(session, parsed, progress=progress)
        self._stamp = None
        return summary

    # -- read -----------------------------------------------------------------------
    def get(self, code: str) -> ProcedureRecord:
        """One procedure by code (``ProcedureNotFound`` otherwise)."""
        with self.db.reading() as session:
            records = load_records(session, code.strip())
        if not records:
            raise ProcedureNotFound(f"no procedure with code {code!r}")
        return records[0]

    def count(self) -> int:
        """How many procedures the catalog holds."""
        with self.db.reading() as session:
            return int(session.scalar(select(func.count(Procedure.id))) or 0)

    def index(self) -> SearchIndex:
        """The search index of the current catalog (rebuilt after a change)."""
        with self._lock:
            now = time.monotonic()
            if self._index is not None and now - self._checked < self.refresh_seconds:
                return self._index
            stamp = self._current_stamp()
            self._checked = now
            if self._index is None or stamp != self._stamp:
                with self.db.reading() as session:
                    self._index = SearchIndex(load_records(session))
                self._stamp = stamp
            return self._index

    def _current_stamp(self) -> tuple[int, str]:
        with self.db.reading() as session:
            count, newest = session.execute(select(
                func.count(Procedure.id), func.max(Procedure.updated_at))).one()
        return int(count or 0), str(newest)

    # -- search ---------------------------------------------------------------------
    def search(self, question: str, limit: int = 5) -> list[Hit]:
        """Ranked procedures for a question (``InvalidQuery`` for unusable input)."""
        return self.index().search(question, limit)

    def lookup(self, question: str) -> Lookup:
        """The procedure a citizen means, up to 3 close candidates, or nothing
        (``judge`` decides which)."""
        validate_query(question)
        index = self.index()
        said = judge(index.search(question, limit=3), len(set(index.query_words(question))),
                     question)
        return Lookup(self.get(said.best.code) if said.best else None, said.alternatives,
                      said.certain, said.guess)


def judge(found: list[Hit], question_words: int, question: str = "") -> Judgement:
    """What a search's best three hits let the assistant say: the procedure (with itself
    as the only alternative), several to choose from, a guess, or nothing.

    Several: the best is not sure enough to be answered alone, or the runners-up score
    within ``CLOSE_RATIO`` of it (``VAGUE_RATIO`` for a vague question: few words,
    covering little of the name).
    """
    if not found:
        return Judgement()
    best = found[0]
    # a lone hit has no runner-up to be ahead of: only its words can make it sure
    lead = found[1].score / best.score if len(found) > 1 and best.score > 0 else 1.0
    certain = best.confidence >= MIN_CONFIDENCE
    if not certain and not _clearly_ahead(best, lead):
        return _offer(found, lead, question_words)
    hits = [best, *(h for h in found[1:] if h.confidence >= MIN_CONFIDENCE)]
    vague = best.coverage < VAGUE_COVERAGE and question_words <= VAGUE_WORDS
    ratio = VAGUE_RATIO if vague else CLOSE_RATIO
    # a variant the citizen did not ask for ("Cấp lại …" when nothing was lost) is no
    # rival of the plain procedure, however close its score
    said = _words(question)
    close = tuple(h for h in hits if (h.score >= ratio * best.score
                                      or _same_words(best, h, said))
                  and (best.unasked_variant or not h.unasked_variant))
    if len(close) > 1:
        return Judgement(None, close)
    return Judgement(best, (best,), certain=certain)


def _same_words(best: Hit, other: Hit, said: frozenset[str]) -> bool:
    """Whether ``other`` is offered with ``best`` whatever their scores: the question's
    words (as the index reads them) are within both names, neither name is the other's
    with words added, the question does not say the whole of the best's name, and no
    word it says (as typed, stopwords included: a bare "duoc", "nha" is one the index
    leaves out) is in the best's name only. Then what tells the two apart is what the
    citizen has not said ("cấp giấy phép xây dựng": for a building or for a house?), or
    said only of the other, and the scores' gap is no reason to choose. When one name
    only adds words to the other's ("… thẻ BHYT cho trẻ em" and "Liên thông … thẻ BHYT
    cho trẻ em"), the judge's usual rule decides. A variant the citizen did not ask for
    ("Cấp lại …") is never added this way."""
    if not (best.within_name and other.within_name and not other.unasked_variant
            and other.score >= VAGUE_RATIO * best.score):
        return False
    mine, theirs = _words(best.name), _words(other.name)
    if mine <= theirs or theirs <= mine:
        return False
    # a word said that only the best's name has decides for it; one that only the
    # other's has ("… xay dung nha", a bare "nha" left out by the index) is a reason to
    # offer
    return not (mine <= said or said & (mine - theirs))


def _words(text: str) -> frozenset[str]:
    """The folded words of a text, as typed (no stopword left out)."""
    return frozenset(re.findall(r"\w+", fold(text)))


def _offer(found: list[Hit], lead: float, question_words: int) -> Judgement:
    """The best hits to choose from when none is sure enough alone: a plain choice when
    the best stands out, a guess when some of the words are there (fewer of a long
    question's), else nothing."""
    best = found[0]
    if lead <= SUGGEST_LEAD and best.confidence >= SUGGEST_FLOOR and _told_in_examples(best):
        offered = tuple(h for h in found if h.confidence >= SUGGEST_FLOOR)
        if len(offered) > 1:
            return Judgement(None, offered)
    if len(found) > 1 and (_some_words_found(best) or _long_story_found(best, question_words)):
        return Judgement(None, tuple(found[:3]), guess=True)
    return Judgement()


def _clearly_ahead(best: Hit, lead: float) -> bool:
    """Whether the re-ranker puts the best clearly ahead and enough of the question's
    words are in it (fewer when most are in the questions citizens ask about it)."""
    floor = LEAD_FLOOR if best.explained is None else LEAD_FLOOR_TOLD
    return lead <= CLEAR_LEAD and best.confidence >= floor and _told_in_examples(best)


def _told_in_examples(best: Hit) -> bool:
    """Whether the best's example questions, if it has any, tell most of the question."""
    return best.explained is None or best.explained >= EXPLAINED_FLOOR


def _some_words_found(best: Hit) -> bool:
    """Whether some of the question's words are in the best procedure and it scores enough."""
    return best.confidence >= GUESS_FLOOR and best.score >= GUESS_SCORE


def _long_story_found(best: Hit, question_words: int) -> bool:
    """Whether a long question's best scores well though few of its words are there."""
    return (question_words >= LONG_QUESTION_WORDS and best.confidence >= LONG_GUESS_FLOOR
            and best.score >= LONG_GUESS_SCORE)


@lru_cache(maxsize=8)
def _catalog_for(url: str) -> CatalogService:
    return CatalogService(Database(url))


def get_catalog(settings: Settings | None = None) -> CatalogService:
    """The process-wide catalog service for ``settings`` (default: from the environment)."""
    return _catalog_for((settings or load_settings()).database_url)
