"""The administration pages' service: ``intake.services.admin`` plus the hotline
mailbox's quarantine, which belongs to the mail edge (``intake.mail``)."""

from __future__ import annotations

from collections.abc import Callable

from intake.mail.ingest import IngestResult
from intake.mail.quarantine import MailOverview, QuarantinedMail, overview, quarantined
from intake.services import admin as core_admin
from intake.services.admin import (
    AdminEventRow,
    AdminOnly,
    ImportRow,
    QueueChangeRow,
    QueueKindCount,
    UserRow,
)
from intake.services.identity import StaffIdentity


class AdminService(core_admin.AdminService):
    """Accounts, organisation, catalog import, and the mailbox's quarantine."""

    # -- hotline mailbox --------------------------------------------------------------
    def mail_overview(self, who: StaffIdentity) -> MailOverview:
        """Messages per status and the e-mail outbox's backlog."""
        self.require_admin(who, "mail")
        return overview(self.db)

    def mail_quarantine(self, who: StaffIdentity, limit: int = 100) -> list[QuarantinedMail]:
        """Messages that could not be processed, oldest first, with their errors."""
        self.require_admin(who, "mail")
        return quarantined(self.db, limit)

    def retry_mail(self, who: StaffIdentity, ingest_id: int,
                   retry: Callable[[int], IngestResult]) -> IngestResult:
        """Run a quarantined message through the pipeline again (``retry`` is the mail
        ingestor's); the attempt and its outcome are audited."""
        self.require_admin(who, "mail:retry")
        result = retry(ingest_id)
        self.audit(who, "mail_retried", f"#{ingest_id}",
                   {"status": result.status.value, "code": result.code})
        return result


__all__ = ["AdminEventRow", "AdminOnly", "AdminService", "ImportRow", "QueueChangeRow",
           "QueueKindCount", "UserRow"]
