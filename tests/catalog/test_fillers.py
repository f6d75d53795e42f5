"""A situation told with a counting word inside it ("mở một tiệm", "mua cái xe") is the
same situation: the expansions are read again without those words."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.catalog.importers import parse_path
from intake.catalog.search import Analyzer, SearchIndex, load_synonyms
from intake.catalog.service import DEMO_CATALOG
from intake.org.data_files import read_organisation

HOUSEHOLD_BUSINESS = ["dang", "ky", "thanh", "lap", "ho", "kinh", "doanh"]


@pytest.mark.parametrize("question", [
    "sắp tới em mở một tiệm cắt tóc",
    "sap toi em mo mot tiem cat toc",
    "nhà mình muốn mở thêm một cửa hàng điện thoại",
])
def test_a_situation_with_a_counting_word_inside_is_read(question: str) -> None:
    assert Analyzer(load_synonyms()).implied(question) == HOUSEHOLD_BUSINESS


def test_a_word_that_only_folds_like_a_counting_word_stays() -> None:
    """"cài" (to install) is no "cái": "mở cài tiệm" is nothing; a bare "cai" stays, or
    "người Lào Cai" (a province of Vietnam) would read as "người Lào" (a foreigner)."""
    analyzer = Analyzer(load_synonyms())
    assert analyzer.implied("mở cài tiệm") == []
    assert analyzer.implied("mở tiệm") == HOUSEHOLD_BUSINESS
    assert "ngoai" not in analyzer.implied("co ay la nguoi Lao Cai ve lam dau")
    assert "ngoai" not in analyzer.implied("cô ấy là người Lào Cai về làm dâu")


def test_a_shop_opened_at_home_is_a_household_business() -> None:
    queues = {q.code: q.name for q in read_organisation().queues}
    index = SearchIndex(parse_path(Path(DEMO_CATALOG), queues).records)
    question = ("Vợ chồng tôi tính mở một tiệm sửa xe máy ngay trước nhà, thuê thêm một "
                "người phụ việc. Phải làm giấy tờ gì?")
    assert index.search(question, 1)[0].name == "Đăng ký thành lập hộ kinh doanh"
