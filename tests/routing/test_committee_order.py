"""A letter addressed to a commune's committee about order and security in the commune
(thefts in the village, fights, gambling, a gang disturbing the night) stays with that
committee, whose Chairman directs the commune police to keep them (Luật Tổ chức chính
quyền địa phương 2015, Điều 35-36; decision.yml's ``committee_runs``), even when the
subject rules and the classifier read them as the police's. The police's own papers
(the identity card) and a denunciation of a crime stay the police's. Texts written for
these tests."""

from __future__ import annotations

from typing import cast

import pytest

from intake.org.places import PlaceIndex
from intake.routing.bodies import BodyIndex
from intake.routing.decision import Router
from intake.routing.signals.classifier import Classifier
from intake.routing.types import RoutingInput


class PoliceModel:
    """A classifier that, like the real one on such letters, reads the police."""

    def predict(self, text: str, top: int = 3) -> list[tuple[str, float]]:
        return [("CONG_AN", 0.9), ("XA", 0.06), ("SO_LD_TBXH", 0.01)][:top]

    def confidence(self, p: float) -> float:
        return p


@pytest.fixture
def router(places: PlaceIndex) -> Router:
    return Router(places, "VP_UBND", classifier=cast(Classifier, PoliceModel()),
                  bodies=BodyIndex({"CONG_AN": "Công an tỉnh"}, places))


@pytest.mark.parametrize("text", [
    "Kính gửi: UBND xã Tân Mộc, huyện Lục Ngạn\n\nChúng tôi là các hộ dân thôn Đồng. Mấy "
    "tháng nay trong thôn liên tục mất trộm gà, máy bơm, có nhà bị trộm cả xe máy. Đề nghị "
    "UBND xã chỉ đạo công an xã tăng cường tuần tra, bắt kẻ trộm cắp.",
    "Kinh gui: Chu tich UBND xa Tien Dung, huyen Yen Dung\nToi phan anh: toi nao o bai dat "
    "canh truong hoc cung co nhom thanh nien danh bai an tien, danh nhau, gay roi. De nghi "
    "xa co bien phap bao dam an ninh trat tu.",
])
def test_order_in_the_commune_stays_with_the_committee_addressed(
        router: Router, text: str) -> None:
    decision = router.route(RoutingInput(text))
    assert decision.queue_code.startswith("XA_"), decision.reasons
    assert decision.rule == "addressed_committee"
    assert any("an ninh trật tự ở địa phương do Chủ tịch UBND cấp xã chỉ đạo" in r
               for r in decision.reasons), decision.reasons


@pytest.mark.parametrize("text", [
    # the police's own papers, in a letter to the commune
    "Kính gửi: UBND xã Tân Mộc, huyện Lục Ngạn\n\nTôi làm thủ tục cấp căn cước cho con ở "
    "công an xã đã hai tháng chưa có thẻ, đề nghị xã hỏi giúp.",
    # order in the commune, but the letter is not addressed to its committee
    "Thôn Đồng, xã Tân Mộc mấy tháng nay mất trộm liên tục, đề nghị công an vào cuộc.",
])
def test_the_polices_matters_stay_the_polices(router: Router, text: str) -> None:
    assert router.route(RoutingInput(text)).queue_code == "CONG_AN"
