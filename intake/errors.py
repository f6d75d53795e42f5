"""Typed errors of the intake services.

``SenderError`` subclasses are the citizen's or operator's mistake: the edges answer them
politely (``message_vi`` is safe to show). Anything else is a system error: logged,
retried, alerted.
"""

from __future__ import annotations


class IntakeError(Exception):
    """Base of every error the intake services raise on purpose."""


class SenderError(IntakeError):
    """Bad input from whoever called: explained to them, never retried."""

    message_vi: str = "Yêu cầu không hợp lệ."

    def __init__(self, detail: str, message_vi: str | None = None) -> None:
        super().__init__(detail)
        if message_vi is not None:
            self.message_vi = message_vi


class ValidationError(SenderError):
    """A field is missing, too long, or of the wrong shape."""


class InvalidTrackingCode(ValidationError):
    """Text that cannot be a tracking code (wrong prefix, length or alphabet)."""

    message_vi = "Mã tra cứu không đúng định dạng. Mã có dạng PA-XXXXXXXX (8 ký tự chữ và số)."


class ComplaintNotFound(SenderError):
    """A well-formed tracking code that matches no complaint."""

    message_vi = "Không tìm thấy phản ánh nào có mã này. Vui lòng kiểm tra lại mã tra cứu."


class NotYourComplaint(SenderError):
    """A conversation tried to write into a complaint that is not its own."""

    message_vi = ("Chỉ có thể bổ sung cho phản ánh do chính bạn gửi từ cuộc trò "
                  "chuyện này. Bạn vui lòng kiểm tra lại mã, hoặc gửi phản ánh mới.")


class ComplaintFinished(SenderError):
    """Information added to a complaint that is already closed or rejected."""

    message_vi = ("Phản ánh này đã kết thúc xử lý nên không bổ sung thêm được. Nếu sự việc "
                  "vẫn còn, bạn vui lòng gửi phản ánh mới (có thể ghi mã phản ánh cũ).")


class UnknownQueue(SenderError):
    """A queue code that is not in the organisation (or is retired)."""

    message_vi = "Không có đơn vị tiếp nhận với mã này."


class InvalidTransition(SenderError):
    """A status change the complaint's life cycle does not allow."""

    message_vi = "Không thể chuyển phản ánh sang trạng thái này."


class OrganisationDataError(IntakeError):
    """The shipped or imported organisation data is inconsistent (an operator's fix)."""
