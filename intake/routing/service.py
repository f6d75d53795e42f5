"""Building a ``Router`` over one database: places, queues, catalog, classifier.

The organisation (active queues, successors of merged or retired ones) comes from the
queue table; the routing data is checked against it here, so a rule naming an unknown
queue fails when routing loads, not when a complaint happens to hit it.
"""

from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path

from sqlalchemy import select

from intake.catalog.service import CatalogService
from intake.config import Settings
from intake.db import Database
from intake.models import Queue
from intake.org.addresses import commune_centres, resolve
from intake.org.places import PlaceIndex
from intake.routing.bodies import BodyIndex, load_body_names
from intake.routing.checks import QueueState, check_codes
from intake.routing.decision import Router
from intake.routing.signals.classifier import TRAINING_FILE, get_classifier
from intake.routing.signals.procedure import CatalogFinder

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
