"""Every table of the product, for Alembic: importing this registers all models.

Each part of intake keeps its models in its own module (``intake.models`` for the core,
``intake.catalog.models``, ``intake.mail.models`` …); list each such module here.
"""

from __future__ import annotations

from intake import mail_memory, storage
from intake import models as core_models
from intake.catalog import models as catalog_models
from intake.delivery import models as delivery_models
from intake.mail import models as mail_models
from intake.models import Base
from intake.org import version as org_version

metadata = Base.metadata

__all__ = ["catalog_models", "core_models", "delivery_models", "mail_memory", "mail_models",
           "metadata", "org_version", "storage"]
