"""A matter no commune's or district's People's Committee runs (subject_rules.yml's
``beyond_local``: a power cut is the power company's under Sở Công Thương's supervision,
mobile coverage Sở Thông tin và Truyền thông's, a driving test Sở Giao thông vận tải's,
an upper-secondary school Sở Giáo dục và Đào tạo's, a pension BHXH's) stays with its
department when the text names the writer's commune: the place is where it happened,
not the competent body, even when the classifier, reading the place, leans to the
commune. Unless the writer chose the commune (its addressee line, "đề nghị xã …"), or
the text has a phrase of a local matter too. Texts written for these tests."""

from __future__ import annotations

from typing import cast

import pytest

from intake.org.places import PlaceIndex
from intake.routing.decision import Router
from intake.routing.signals.classifier import Classifier
from intake.routing.signals.subject import subject_signal
from intake.routing.types import RoutingInput


class LeaningModel:
    """A classifier that, like the real one on some texts naming a commune, gives the
    commune's committee most of the probability."""

    def __init__(self, department: str) -> None:
        self.ranked = [("XA", 0.94), (department, 0.18), ("SO_LD_TBXH", 0.02)]

    def predict(self, text: str, top: int = 3) -> list[tuple[str, float]]:
        return self.ranked[:top]

    def confidence(self, p: float) -> float:
        return p


def _router(places: PlaceIndex, department: str) -> Router:
    return Router(places, "VP_UBND", classifier=cast(Classifier, LeaningModel(department)))


@pytest.mark.parametrize(("text", "department"), [
    ("o thon Tho Ha, xa Tan Moc, Luc Ngan. thang nay cup dien 6 lan, lan nao cung dung luc "
     "nau com chieu, khong ai bao truoc", "SO_CONG_THUONG"),
    ("Nhà tôi ở thôn Hạ, xã Tân Mộc, Lục Ngạn. Cả tháng nay điện chập chờn, tối đến bóng "
     "đèn chỉ đỏ lừ, ông bà già nóng quá không ngủ được.", "SO_CONG_THUONG"),
    ("xa Tan Moc, Luc Ngan: ca thon khong co song dien thoai, nguoi gia om muon goi cap cuu "
     "phai chay ra dau doc", "SO_TT_TT"),
    ("o xa Tan Moc, Luc Ngan. toi thi sat hach bang lai xe may 3 lan deu truot, nguoi quen "
     "bao phai dua tien moi qua", "SO_GTVT"),
    ("Bố tôi ở xã Tân Mộc, Lục Ngạn về hưu 2 năm rồi mà lương hưu tháng nào cũng chậm, có "
     "tháng không có, ông không có tiền mua thuốc.", "BHXH"),
])
def test_a_department_matter_at_a_named_commune_stays_with_the_department(
        places: PlaceIndex, text: str, department: str) -> None:
    decision = _router(places, department).route(RoutingInput(text))
    assert decision.queue_code == department, decision.reasons
    assert any("không thuộc thẩm quyền của xã/huyện" in r for r in decision.reasons)


POWER = ("Thôn Hạ, xã Tân Mộc, Lục Ngạn mất điện từ hôm bão vì cây đổ đè lên dây điện. "
         "{ask}")


@pytest.mark.parametrize("text", [
    # the writer asks the commune itself
    POWER.format(ask="Đề nghị xã cho người cưa cây giúp dân."),
    # the letter is addressed to the commune's committee
    "Kính gửi: UBND xã Tân Mộc, huyện Lục Ngạn\n" + POWER.format(ask="Mong được giúp đỡ."),
    # a phrase of a local matter too (the village road)
    POWER.format(ask="Cây đổ chắn ngang đường thôn, xe không đi được."),
])
def test_the_commune_chosen_or_its_matter_named_stays_local(
        places: PlaceIndex, text: str) -> None:
    decision = _router(places, "SO_CONG_THUONG").route(RoutingInput(text))
    assert decision.queue_code == "XA_07606", decision.reasons
    assert not any("không thuộc thẩm quyền của xã/huyện" in r for r in decision.reasons)


def test_the_subject_signal_names_the_phrases_beyond_local() -> None:
    found = subject_signal(RoutingInput("thang nay cup dien 6 lan o xa Tan Moc"))
    assert found.detail["beyond_local"] == ["cup dien"]
    local = subject_signal(RoutingInput("cup dien, den duong thon toi tat het o xa Tan Moc"))
    assert local.detail["beyond_local"] == []
