"""One service object per process, built from the settings."""

from __future__ import annotations

from functools import lru_cache

from intake.config import Settings, load_settings
from intake.db import Database
from intake.services.complaints import IntakeService


@lru_cache(maxsize=8)
def _service_for(settings: Settings) -> IntakeService:
    return IntakeService(Database(settings.database_url), settings)


def get_service(settings: Settings | None = None) -> IntakeService:
    """The process-wide service for ``settings`` (default: from the environment)."""
    return _service_for(settings or load_settings())
