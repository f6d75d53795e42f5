"""Building a ``Router`` over one database: places, queues, catalog, classifier.

The organisation (active queues, successors of merged or retired ones) comes from the
queue table; the routing data is checked against it here, so a rule naming an unknown
queue fails when routing loads, not when a complaint happens to hit it.

A process keeps the router (and the place index) it built in a ``RoutingCache`` for as
long as the organisation's version (``intake.org.version``, in the database) stays the
one it was built at: the version is read at most every ``PAKN_ORG_CHECK_SECONDS``, and a
change made by any process on any machine is routed with at the next look.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import InterfaceError, OperationalError

from intake.catalog.service import CatalogService
from intake.config import Settings
from intake.db import Database
from intake.models import Queue
from intake.org.addresses import commune_centres, resolve
from intake.org.gazetteer import place_index
from intake.org.places import PlaceIndex
from intake.org.version import current_version
from intake.routing.bodies import BodyIndex, load_body_names
from intake.routing.checks import QueueState, check_codes
from intake.routing.decision import Router
from intake.routing.signals.classifier import TRAINING_FILE, get_classifier
from intake.routing.signals.procedure import CatalogFinder

log = logging.getLogger(__name__)
ADDRESS_CACHE = 4096  # addresses read, remembered per router


def model_path(settings: Settings) -> Path:
    """Where the trained classifier is kept (``var/routing/classifier.joblib``)."""
    return settings.var_dir / "routing" / "classifier.joblib"


def queue_states(db: Database) -> dict[str, QueueState]:
    """Every queue's code → active flag and successor."""
    with db.reading() as session:
        rows = session.execute(select(Queue.code, Queue.active, Queue.successor_code)).all()
    return {code: QueueState(bool(active), successor) for code, active, successor in rows}


def body_index(db: Database, places: PlaceIndex) -> BodyIndex:
    """Provincial and central bodies by their names (from the queue table) and by the
    abbreviations of ``data/bodies.yml``; only active queues' names are read."""
    with db.reading() as session:
        rows = session.execute(select(Queue.code, Queue.name).where(
            Queue.active.is_(True), Queue.kind.in_(("provincial", "central")))).all()
    return BodyIndex({code: name for code, name in rows}, places)


def active_communes(db: Database) -> dict[str, str]:
    """Active commune queues: code → name (what addresses and locations resolve to)."""
    with db.reading() as session:
        rows = session.execute(select(Queue.code, Queue.name).where(
            Queue.active.is_(True), Queue.kind == "commune")).all()
    return {code: name for code, name in rows}


def build_router(db: Database, settings: Settings, places: PlaceIndex,
                 triage_queue: str, training: Path = TRAINING_FILE) -> Router:
    """A router for this database (``RoutingDataError`` if the data names unknown queues)."""
    states = queue_states(db)
    check_codes(states, training_file=training, extra=set(load_body_names().by_queue))
    catalog = CatalogService(db)
    communes = active_communes(db)
    return Router(
        places, triage_queue,
        classifier=get_classifier(model_path(settings), training),
        procedures=CatalogFinder(catalog.index),
        successors={c: s.successor for c, s in states.items() if s.successor},
        active={c for c, s in states.items() if s.active},
        bodies=body_index(db, places),
        # the library reads an address in about a millisecond; the same signature comes
        # back with each mail of its writer, and the cache lives as long as this router
        # (this organisation snapshot)
        addresses=lru_cache(maxsize=ADDRESS_CACHE)(partial(resolve, queues=communes)),
        centres=commune_centres(communes),
    )


class RoutingCache:
    """The place index and the router of one process, kept while the organisation's
    version stays the same (``intake.org.version``).

    Before a cached one is handed out the version is read again, at most every
    ``check_seconds`` (``PAKN_ORG_CHECK_SECONDS``; 0: every time): when it moved, both
    are built again from the database. The version is read before building, so a change
    committed during a build is seen at the next look, never missed. Thread-safe (the
    console serves requests from threads): one build at a time, others wait for it."""

    def __init__(self, db: Database, settings: Settings, triage_queue: str,
                 check_seconds: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.db = db
        self.settings = settings
        self.triage_queue = triage_queue
        self.check_seconds = (settings.org_check_seconds if check_seconds is None
                              else check_seconds)
        self.clock = clock
        self.builds = 0  # routers built by this cache (what tests and benchmarks count)
        self._lock = threading.RLock()
        self._version: int | None = None  # the version the cached objects were built at
        self._checked = 0.0
        self._places: PlaceIndex | None = None
        self._router: Router | None = None
        self._held = threading.local()  # inside ``held``: this thread does not look again

    def places(self) -> PlaceIndex:
        """The commune/district index of the organisation in force (today's places and
        their former names, ``intake.org.gazetteer``)."""
        with self._lock:
            self._follow()
            if self._places is None:
                self._places = place_index(self.db)
            return self._places

    def router(self) -> Router:
        """The routing engine over the organisation in force."""
        with self._lock:
            self._follow()
            if self._router is None:
                places = self._places = self._places or place_index(self.db)
                self._router = build_router(self.db, self.settings, places,
                                            self.triage_queue)
                self.builds += 1
            return self._router

    @contextmanager
    def held(self) -> Iterator[None]:
        """One look at the version for a batch of work (the mail pipeline's claimed
        batch): this thread reads the version on entry (when ``check_seconds`` says so,
        as for any use) and not again inside, however small ``check_seconds`` is.

        It does not pin the router: another thread that looks at the version meanwhile
        may replace the cached router, and this thread's next use gets the new one. Each
        decision is still made by one whole router built from a committed organisation,
        but two messages of one batch may be routed by two versions when an organisation
        change lands during the batch."""
        with self._lock:
            self._follow()
        depth = getattr(self._held, "depth", 0)
        self._held.depth = depth + 1
        try:
            yield
        finally:
            self._held.depth = depth

    def reset(self) -> None:
        """Forget what is cached (this process changed the organisation itself)."""
        with self._lock:
            self._version, self._places, self._router = None, None, None

    def _follow(self) -> None:
        """Read the version when the last look is ``check_seconds`` old (or nothing is
        cached); forget what was built at another version. Inside ``held``, once."""
        if getattr(self._held, "depth", 0) and self._version is not None:
            return
        now = self.clock()
        if self._version is not None and now - self._checked < self.check_seconds:
            return
        try:
            with self.db.reading() as session:
                version = current_version(session)
        except (OperationalError, InterfaceError) as exc:
            if self._router is None:
                raise
            # the database did not answer this once: route with what we have (it was
            # right a moment ago) rather than send the complaint to triage; look again
            # at the next check
            log.warning("organisation version not read (%s); routing with the router "
                        "built at version %s", type(exc).__name__, self._version)
            self._checked = now
            return
        self._checked = now
        if version != self._version:
            self._version, self._places, self._router = version, None, None
