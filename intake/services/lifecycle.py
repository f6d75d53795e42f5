"""The complaint life cycle: which status may follow which."""

from __future__ import annotations

from intake.models import Status

ALLOWED: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.ROUTED, Status.REJECTED, Status.CLOSED}),
    Status.ROUTED: frozenset({Status.ROUTED, Status.IN_PROGRESS, Status.WAITING_FOR_CITIZEN,
                              Status.ANSWERED, Status.REJECTED, Status.CLOSED}),
    Status.IN_PROGRESS: frozenset({Status.ROUTED, Status.WAITING_FOR_CITIZEN, Status.ANSWERED,
                                   Status.REJECTED, Status.CLOSED}),
    Status.WAITING_FOR_CITIZEN: frozenset({Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED,
                                           Status.REJECTED, Status.ROUTED}),
    Status.ANSWERED: frozenset({Status.CLOSED, Status.IN_PROGRESS}),
    Status.CLOSED: frozenset({Status.IN_PROGRESS}),
    Status.REJECTED: frozenset({Status.IN_PROGRESS}),
}

LABELS_VI: dict[Status, str] = {
    Status.RECEIVED: "Đã tiếp nhận",
    Status.ROUTED: "Đã chuyển đơn vị xử lý",
    Status.IN_PROGRESS: "Đang xử lý",
    Status.WAITING_FOR_CITIZEN: "Chờ người dân bổ sung thông tin",
    Status.ANSWERED: "Đã trả lời",
    Status.CLOSED: "Đã kết thúc",
    Status.REJECTED: "Không tiếp nhận",
}


def can_move(current: Status, target: Status) -> bool:
    """True if ``current`` → ``target`` is a legal step."""
    return target in ALLOWED[current]


def label_vi(status: str) -> str:
    """The Vietnamese label citizens see."""
    return LABELS_VI.get(Status(status), status)
