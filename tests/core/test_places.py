"""Places as citizens name them: with and without diacritics, type words, ambiguity."""

from __future__ import annotations

import pytest

from intake.org.places import PlaceIndex
from intake.services.complaints import IntakeService


@pytest.fixture
def places(service: IntakeService) -> PlaceIndex:
    return service.places()


@pytest.mark.parametrize("text", [
    "xã Bích Động", "thị trấn Bích Động", "tt bich dong", "Bich Dong, Viet Yen",
    "ở BÍCH ĐỘNG huyện Việt Yên", "cán bộ một cửa xã bích động hẹn 3 lần",
])
def test_bich_dong_is_found_however_it_is_typed(places: PlaceIndex, text: str) -> None:
    best = places.best(text)
    assert best is not None
    assert best.place.queue_code == "XA_07777"


def test_district_alone_goes_to_the_district(places: PlaceIndex) -> None:
    best = places.best("huyện Lục Ngạn")
    assert best is not None and best.place.queue_code == "HUYEN_219"


def test_one_syllable_names_need_their_type_word(places: PlaceIndex) -> None:
    assert places.best("tháng này chú tôi đi làm") is None
    best = places.best("thị trấn Chũ")
    assert best is not None and best.place.name == "Chũ"


def test_the_province_is_not_its_city(places: PlaceIndex) -> None:
    assert places.best("ô nhiễm ở tỉnh Bắc Giang") is None
    best = places.best("ô nhiễm ở TP Bắc Giang")
    assert best is not None and best.place.queue_code == "HUYEN_213"


def test_a_name_shared_by_two_communes_is_settled_by_the_district(places: PlaceIndex) -> None:
    found = places.find("xã Quang Minh")
    assert len({m.place.queue_code for m in found}) >= 2
    best = places.best("xã Quang Minh, huyện Hiệp Hòa")
    assert best is not None
    assert best.place.district_code == "HUYEN_223"


def test_nothing_found_in_text_without_places(places: PlaceIndex) -> None:
    assert places.find("thủ tục cấp căn cước mất bao lâu") == []


def test_suggestions_share_words_with_the_typo(places: PlaceIndex) -> None:
    names = [p.name for p in places.suggest("xa bich dongg")]
    assert "Bích Động" in names
