"""Factories for intake-core tests: complaints as citizens file them."""

from __future__ import annotations

import itertools
from typing import Any

from intake.models import Channel
from intake.services.complaints import IntakeService, NewComplaint
from intake.services.views import ComplaintView

_counter = itertools.count(1)

BICH_DONG = "Cán bộ một cửa xã Bích Động hẹn trả hồ sơ 3 lần vẫn chưa có kết quả"


def new_complaint(**overrides: Any) -> NewComplaint:
    """A chat complaint with sensible defaults; override any field."""
    fields: dict[str, Any] = {
        "channel": Channel.CHAT, "reply_channel": Channel.CHAT, "text": BICH_DONG,
        "sender": "test-citizen", "external_id": f"test:{next(_counter)}",
    }
    fields.update(overrides)
    return NewComplaint(**fields)


def file_complaint(service: IntakeService, **overrides: Any) -> ComplaintView:
    """File a complaint through the service as a citizen would."""
    return service.create_complaint(new_complaint(**overrides), actor="citizen:test")
