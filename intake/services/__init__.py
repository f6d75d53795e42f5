"""The intake services: the one core every edge calls."""

from intake.services.complaints import IntakeService, NewComplaint
from intake.services.views import ComplaintView, MessageView

__all__ = ["ComplaintView", "IntakeService", "MessageView", "NewComplaint"]
