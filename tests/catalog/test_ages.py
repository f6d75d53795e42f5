"""Ages: what a question tells against what a procedure's conditions state it is for.

The same change of a birth record is the commune's for a child under 14 and the
district's from 14 on (the catalog's conditions say so); the questions are written for
this test only."""

from __future__ import annotations

import math

import pytest

from intake.catalog.ages import age_fit, age_misfit, stated_ages, told_ages
from intake.catalog.importers import parse_path
from intake.catalog.search import SearchIndex, load_synonyms
from intake.catalog.service import DEMO_CATALOG
from intake.org.data_files import read_organisation


@pytest.mark.parametrize(("text", "ages"), [
    ("ông nội tôi 81 tuổi", (81,)),
    ("be nha toi 7 tuoi", (7,)),
    ("con gái tôi mới 5 tháng tuổi", (5 / 12,)),
    ("cháu chưa đầy 2 tuổi", (1,)),
    ("sinh năm 1990, làm ở đâu", ()),        # a year is no age
    ("bao nhiêu tuổi thì được làm", ()),
])
def test_the_ages_a_question_tells(text: str, ages: tuple[float, ...]) -> None:
    assert told_ages(text) == pytest.approx(ages)


ELSEWHERE = load_synonyms().age_elsewhere


@pytest.mark.parametrize(("conditions", "intervals"), [
    ("Áp dụng cho công dân từ đủ 14 tuổi trở lên.", [(14, math.inf)]),
    ("Trẻ em dưới 6 tuổi chưa có thẻ.", [(0, 6)]),
    ("Thanh niên từ 17 đến 21 tuổi.", [(17, 22)]),
    ("Người dự tuyển không quá 30 tuổi.", [(0, 31)]),
    # the clause that sends older applicants elsewhere is not this procedure's
    ("Tại cấp xã: cho người chưa đủ 14 tuổi; người từ đủ 14 tuổi trở lên thì làm tại "
     "UBND cấp huyện.", [(0, 14)]),
    # an age gap is nobody's age
    ("Người nhận nuôi hơn con nuôi từ 20 tuổi trở lên.", []),
    (None, []),
])
def test_the_ages_a_procedure_is_for(conditions: str | None,
                                     intervals: list[tuple[float, float]]) -> None:
    assert list(stated_ages(conditions, ELSEWHERE)) == intervals


def test_agreement_and_disagreement() -> None:
    assert (age_fit((30,), [(14, math.inf)]), age_misfit((30,), [(14, math.inf)])) == (1, 0)
    assert (age_fit((30,), [(0, 14)]), age_misfit((30,), [(0, 14)])) == (0, 1)
    # nothing told or nothing stated: neither
    assert (age_fit((), [(0, 14)]), age_misfit((), [(0, 14)])) == (0, 0)
    assert (age_fit((30,), []), age_misfit((30,), [])) == (0, 0)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    queues = {q.code: q.name for q in read_organisation().queues}
    return SearchIndex(parse_path(DEMO_CATALOG, queues).records)


@pytest.mark.parametrize(("question", "code"), [
    # from 14 on, a change of the birth record is the district's (BG-HT-H03) ...
    ("ông tôi 72 tuổi, quê quán trong giấy khai sinh bị ghi nhầm, muốn sửa lại", "BG-HT-H03"),
    ("chi gai toi 27 tuoi muon sua ten dem bi viet sai trong giay khai sinh", "BG-HT-H03"),
    # ... under 14, the commune's (BG-HT-009)
    ("bé nhà tôi 6 tuổi, ngày sinh trong giấy khai sinh bị ghi nhầm, muốn sửa lại",
     "BG-HT-009"),
    ("con trai toi 11 tuoi muon sua ten dem bi viet sai trong giay khai sinh", "BG-HT-009"),
])
def test_the_age_told_chooses_the_level(index: SearchIndex, question: str, code: str) -> None:
    assert index.search(question, limit=1)[0].code == code
