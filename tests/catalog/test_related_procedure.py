"""The complaint form's "which procedure is this about?" suggestions, over the demo catalog."""

from __future__ import annotations

import pytest

from actions import related_procedure
from intake.catalog.service import DEMO_CATALOG, CatalogService


@pytest.fixture
def demo_catalog(catalog: CatalogService, monkeypatch: pytest.MonkeyPatch) -> CatalogService:
    catalog.import_file(DEMO_CATALOG)
    monkeypatch.setattr(related_procedure, "_catalog", lambda: catalog)
    return catalog


@pytest.mark.parametrize(("complaint", "named", "not_asked"), [
    ("Tôi nộp hồ sơ đăng ký khai sinh cho con ở xã Bích Động 2 tuần chưa có kết quả",
     "Đăng ký khai sinh", "Đăng ký lại khai sinh"),
    ("nop ho so dang ky ket hon o xa da qua han ma chua duoc tra ket qua", "Đăng ký kết hôn",
     "Đăng ký kết hôn có yếu tố nước ngoài"),
    ("Cán bộ một cửa hẹn ba lần vẫn chưa trả giấy phép lái xe cấp lại cho tôi",
     "Cấp lại giấy phép lái xe", "Cấp mới giấy phép lái xe"),
])
def test_the_procedure_a_complaint_names_comes_first(
        demo_catalog: CatalogService, complaint: str, named: str, not_asked: str) -> None:
    """Variants whose stories read like the complaint ("khai sinh kết hợp nhận cha, mẹ,
    con") may rank above the procedure named in the search; the suggestions put the
    named one first, and a variant the complaint rules out or never says is not brought
    up from below to keep it company."""
    offered = [c.name for c in related_procedure.suggestions(complaint)]
    assert offered and offered[0] == named, offered
    assert len(offered) <= related_procedure.MAX_SUGGESTIONS and not_asked not in offered


def test_a_complaint_naming_no_procedure_gets_no_suggestion(
        demo_catalog: CatalogService) -> None:
    assert related_procedure.suggestions("Đường làng bị ngập nước sau mưa, xe không đi được") == []
