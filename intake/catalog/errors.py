"""Typed errors of the catalog, on the hierarchy of ``intake.errors``."""

from __future__ import annotations

from intake.errors import IntakeError, SenderError, ValidationError


class CatalogFileError(SenderError):
    """A catalog file that cannot be read at all (wrong format, truncated, empty)."""

    message_vi = "Tệp danh mục thủ tục không đọc được."


class RecordRejected(IntakeError):
    """One record of a catalog file is invalid; the reason says which key and why."""


class InvalidQuery(ValidationError):
    """A search question that carries nothing searchable (empty, emoji, too long)."""

    message_vi = ("Bạn vui lòng gõ tên thủ tục hoặc việc cần làm bằng chữ, ví dụ: "
                  "'đăng ký khai sinh cần giấy tờ gì'.")


class ProcedureNotFound(SenderError):
    """A procedure code that is not in the catalog."""

    message_vi = "Không tìm thấy thủ tục có mã này trong danh mục."
