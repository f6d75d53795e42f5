"""Fixtures of the routing tests: the shipped organisation as a place index, a router
without database (keyword rules + classifier), and the services over a real database
(SQLite and PostgreSQL, from the core tests' fixtures) with the demo catalog imported."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from intake.catalog.service import DEMO_CATALOG, CatalogService
from intake.config import Settings
from intake.db import Database
from intake.models import QueueKind
from intake.org.data_files import read_organisation
from intake.org.places import Place, PlaceIndex, bare_name
from intake.routing.bodies import BodyIndex
from intake.routing.decision import Router
from intake.routing.signals.classifier import Classifier, get_classifier
from intake.routing.signals.procedure import ProcedureMatch
from intake.services.complaints import IntakeService
from tests.core.conftest import database_url, db, service, settings  # noqa: F401  (reused)


@pytest.fixture(scope="session")
def places() -> PlaceIndex:
    """Every commune and district of the shipped organisation."""
    specs = read_organisation().queues
    return PlaceIndex([Place(q.code, bare_name(q.name, q.place_type), q.place_type or "",
                             q.kind is QueueKind.DISTRICT, q.parent_code)
                       for q in specs if q.kind in (QueueKind.DISTRICT, QueueKind.COMMUNE)])


@pytest.fixture(scope="session")
def model(tmp_path_factory: pytest.TempPathFactory) -> Classifier:
    """The classifier trained on the shipped examples."""
    return get_classifier(tmp_path_factory.mktemp("model") / "classifier.joblib")


class StubFinder:
    """A procedure finder that always finds the given procedures."""

    def __init__(self, *matches: ProcedureMatch) -> None:
        self.matches = list(matches)

    def find(self, text: str) -> Sequence[ProcedureMatch]:
        return self.matches


@pytest.fixture
def router(places: PlaceIndex, model: Classifier) -> Router:
    """Keyword rules and classifier, no catalog."""
    return Router(places, "VP_UBND", classifier=model)


@pytest.fixture(scope="session")
def bodies(places: PlaceIndex) -> BodyIndex:
    """Every provincial and central body of the shipped organisation, found by name."""
    names = {q.code: q.name for q in read_organisation().queues
             if q.kind in (QueueKind.PROVINCIAL, QueueKind.CENTRAL)}
    return BodyIndex(names, places)


@pytest.fixture
def letters(places: PlaceIndex, model: Classifier, bodies: BodyIndex) -> Router:
    """Keyword rules, classifier and the organisation's bodies (addressee lines), no
    catalog."""
    return Router(places, "VP_UBND", classifier=model, bodies=bodies)


@pytest.fixture
def routing_service(db: Database, settings: Settings) -> IntakeService:  # noqa: F811
    """The intake services with the demo catalog imported."""
    CatalogService(db).import_file(Path(DEMO_CATALOG))
    return IntakeService(db, settings)
