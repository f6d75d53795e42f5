"""Letters that reach the wrong level for a matter the commune's committee runs.

(1) A letter addressed to a department or the police about a matter the local committee
runs (a neighbour's loudspeakers, the waste of a village lane), naming where: the
committee of that place, and the reason says the letter was misaddressed.
(2) A letter addressed to a district's committee about a matter of one of its communes
(a village road, the commune's waste collection), naming that commune: the commune's
committee (Luật Tổ chức chính quyền địa phương 2015, Điều 35-36).
Texts written for these tests from the mandates."""

from __future__ import annotations

from typing import cast

import pytest

from intake.org.addresses import Centre
from intake.org.places import PlaceIndex
from intake.routing.bodies import BodyIndex
from intake.routing.decision import Router
from intake.routing.signals.classifier import Classifier
from intake.routing.types import RoutingInput

TAN_MOC = "XA_07606"  # xã Tân Mộc, huyện Lục Ngạn
LUC_NGAN = "HUYEN_219"
BAO_SON = "XA_07459"  # xã Bảo Sơn, huyện Lục Nam
HONG_GIANG = "XA_07561"  # xã Hồng Giang, huyện Lục Ngạn
LUC_NAM = "HUYEN_218"


class FixedModel:
    """A classifier that reads every text as the given label."""

    def __init__(self, label: str, share: float = 0.9) -> None:
        self.label, self.share = label, share

    def predict(self, text: str, top: int = 3) -> list[tuple[str, float]]:
        return [(self.label, self.share), ("SO_TN_MT", 0.05), ("SO_Y_TE", 0.02)][:top]

    def confidence(self, p: float) -> float:
        return p


def router_reading(places: PlaceIndex, label: str, share: float = 0.9) -> Router:
    bodies = BodyIndex({"CONG_AN": "Công an tỉnh", "SO_TN_MT": "Sở Tài nguyên và Môi trường"},
                       places)
    return Router(places, "VP_UBND", classifier=cast(Classifier, FixedModel(label, share)),
                  bodies=bodies)


LOUDSPEAKERS = ("Kính gửi: Công an tỉnh Bắc Giang.\nNhà hàng xóm ở thôn Đồng, xã Tân Mộc, "
                "huyện Lục Ngạn mở loa hát đến nửa đêm gần như hằng ngày, trẻ nhỏ và người "
                "già trong xóm không ngủ được, tổ hòa giải đã nói mà không được. Đề nghị "
                "chính quyền sở tại giải quyết.")


def test_a_local_matter_addressed_to_the_police_goes_to_the_commune(
        places: PlaceIndex) -> None:
    decision = router_reading(places, "XA").route(RoutingInput(LOUDSPEAKERS))
    assert decision.queue_code == TAN_MOC, decision.reasons
    assert any("thư gửi nhầm nơi" in r for r in decision.reasons), decision.reasons


def test_a_police_matter_addressed_to_the_police_stays_theirs(places: PlaceIndex) -> None:
    text = ("Kính gửi: Công an tỉnh Bắc Giang.\nỞ thôn Đồng, xã Tân Mộc, huyện Lục Ngạn có "
            "nhóm người tụ tập đánh bạc ăn tiền thâu đêm, đề nghị công an kiểm tra.")
    assert router_reading(places, "CONG_AN").route(RoutingInput(text)).queue_code == "CONG_AN"


def test_a_local_matter_without_a_place_stays_with_the_body_addressed(
        places: PlaceIndex) -> None:
    text = ("Kính gửi: Công an tỉnh Bắc Giang.\nNhà hàng xóm mở loa hát đến nửa đêm, trẻ nhỏ "
            "trong xóm không ngủ được. Đề nghị xử lý.")
    assert router_reading(places, "XA").route(RoutingInput(text)).queue_code == "CONG_AN"


VILLAGE_ROAD = ("Kính gửi: UBND huyện Lục Ngạn.\nĐường trục thôn Đồng, xã Tân Mộc làm từ lâu, "
                "nay bong hết mặt bê tông, mưa xuống lầy lội, xe chở vải không đi được. "
                "Đề nghị sớm sửa đường.")


def test_a_commune_matter_in_a_letter_to_its_district_goes_to_the_commune(
        places: PlaceIndex) -> None:
    decision = router_reading(places, "XA").route(RoutingInput(VILLAGE_ROAD))
    assert decision.queue_code == TAN_MOC, decision.reasons
    assert decision.rule == "addressed_committee"
    assert any("thư gửi UBND Huyện Lục Ngạn, việc cấp xã ở Xã Tân Mộc" in r
               for r in decision.reasons), decision.reasons


def test_the_reason_names_a_city_and_its_ward_by_their_own_types(
        places: PlaceIndex) -> None:
    """A city's ward is no "xã" of a "huyện": staff read the units as they are called."""
    text = ("Kính gửi: UBND thành phố Bắc Giang.\nNgõ trong tổ dân phố số 4, phường Trần "
            "Phú hỏng mặt đường, cống thoát nước bị tắc, mưa là ngập. Đề nghị sửa sớm.")
    decision = router_reading(places, "XA").route(RoutingInput(text))
    assert decision.rule == "addressed_committee", decision.reasons
    assert any("thư gửi UBND Thành phố Bắc Giang, việc cấp xã ở Phường Trần Phú → UBND "
               "Phường Trần Phú" in r for r in decision.reasons), decision.reasons
    assert not any("UBND huyện" in r or "UBND xã" in r for r in decision.reasons)


def test_a_village_matter_of_the_writers_commune_in_a_letter_to_its_district_goes_there(
        places: PlaceIndex) -> None:
    """The text names no commune, only "our village": the commune the writer lives in,
    in the district addressed, is where it is."""
    text = ("Kính gửi: UBND huyện Lục Ngạn.\nTôi là Nông Văn Tám, trú tại thôn Đồng, xã Tân "
            "Mộc, huyện Lục Ngạn. Đường trục thôn tôi làm từ lâu, nay bong hết mặt bê tông, "
            "mưa xuống lầy lội. Đề nghị chính quyền sớm sửa đường.")
    decision = router_reading(places, "XA").route(RoutingInput(text))
    assert decision.queue_code == TAN_MOC, decision.reasons
    assert decision.rule == "addressed_committee"
    assert any("Xã Tân Mộc (nơi người viết cư trú)" in r for r in decision.reasons), \
        decision.reasons


OWN_VILLAGE_ROAD = ("Kính gửi: UBND huyện Lục Ngạn.\nĐường trục thôn tôi làm từ lâu, nay bong "
                    "hết mặt bê tông, mưa xuống lầy lội. Đề nghị chính quyền sớm sửa đường.")


@pytest.mark.parametrize("where", [
    RoutingInput(OWN_VILLAGE_ROAD, signature_text="Nông Văn Tám\nxã Tân Mộc, huyện Lục Ngạn"),
    RoutingInput(OWN_VILLAGE_ROAD, coordinates=(21.3830, 106.5720)),
], ids=["e-mail signature", "telegram location"])
def test_only_the_residence_the_letter_states_stands_for_the_commune(
        places: PlaceIndex, where: RoutingInput) -> None:
    """A signature or a Telegram location is where the sender is, not the residence the
    letter states: the letter to the district is not sent down on it."""
    router = router_reading(places, "XA")
    router.centres = (Centre(TAN_MOC, "Xã Tân Mộc", 21.3830, 106.5720),)
    assert router.evidence(where).hint.best is not None  # the sender's place is known
    decision = router.route(where)
    assert (decision.queue_code, decision.rule) != (TAN_MOC, "addressed_committee"), \
        decision.reasons


def test_a_district_matter_in_a_letter_to_the_district_stays_there(
        places: PlaceIndex) -> None:
    text = ("Kính gửi: UBND huyện Lục Ngạn.\nGia đình tôi ở thôn Đồng, xã Tân Mộc bị thu hồi "
            "đất làm đường, phương án bồi thường giải phóng mặt bằng chưa đúng diện tích.")
    assert router_reading(places, "HUYEN").route(RoutingInput(text)).queue_code == LUC_NGAN


def test_a_commune_matter_in_another_district_goes_to_the_committee_where_it_is(
        places: PlaceIndex) -> None:
    """A district's committee acts only in its own district: a road of a commune of
    Lục Nam, in a letter to the committee of Lục Ngạn, is Bảo Sơn's."""
    text = VILLAGE_ROAD.replace("xã Tân Mộc", "xã Bảo Sơn, huyện Lục Nam")
    decision = router_reading(places, "XA").route(RoutingInput(text))
    assert decision.queue_code == BAO_SON, decision.reasons
    assert decision.rule == "addressed_committee"
    assert any("gửi UBND Huyện Lục Ngạn nhưng việc xảy ra ở Xã Bảo Sơn, ngoài địa bàn" in r
               for r in decision.reasons), decision.reasons


def test_a_district_matter_in_another_district_goes_to_that_district(
        places: PlaceIndex) -> None:
    text = ("Kính gửi: UBND huyện Lục Ngạn.\nTôi trú tại xã Tân Mộc, huyện Lục Ngạn. Gia "
            "đình tôi có ruộng ở xã Bảo Sơn, huyện Lục Nam bị thu hồi làm đường, phương án "
            "bồi thường giải phóng mặt bằng chưa đúng diện tích.")
    decision = router_reading(places, "HUYEN").route(RoutingInput(text))
    assert decision.queue_code == LUC_NAM, decision.reasons


WORKPLACE_ELSEWHERE = (
    "Kính gửi: UBND huyện Lục Ngạn.\nTôi trú tại xã Tân Mộc, huyện Lục Ngạn. Tôi đi làm "
    "công nhân ở xã Bảo Sơn, huyện Lục Nam, chiều về thì đường trục thôn tôi bong hết mặt bê "
    "tông, mưa xuống lầy lội. Đề nghị sớm sửa đường.")


def test_a_workplace_in_another_district_does_not_take_the_letter_away(
        places: PlaceIndex) -> None:
    """The road is the writer's own village's ("thôn tôi"), and the writer lives in the
    district addressed: the other district named is only where the writer works."""
    decision = router_reading(places, "XA").route(RoutingInput(WORKPLACE_ELSEWHERE))
    assert decision.queue_code == TAN_MOC, decision.reasons


def test_a_weak_local_topic_does_not_take_the_letter_to_another_district(
        places: PlaceIndex) -> None:
    """A place of another district named in a letter whose matter is hardly the local
    committee's (a local topic under the minimum) does not move the letter."""
    text = ("Kính gửi: UBND huyện Lục Ngạn.\nTháng trước tôi có đến xã Bảo Sơn, huyện Lục "
            "Nam và thấy một số việc chưa ổn, nay kính mong được xem xét.")
    decision = router_reading(places, "XA", share=0.2).route(RoutingInput(text))
    assert decision.queue_code == LUC_NGAN, decision.reasons


def test_a_letter_asking_the_district_over_its_commune_stays_with_the_district(
        places: PlaceIndex) -> None:
    """The writer went to the commune first and it did not act: the letter to the
    district is an escalation, not a commune matter sent to the wrong level."""
    asked_before = VILLAGE_ROAD.replace(
        "Đề nghị sớm sửa đường.",
        "Tôi đã nhiều lần đề nghị UBND xã Tân Mộc nhưng chưa được giải quyết.")
    did_not_act = VILLAGE_ROAD.replace(
        "Đề nghị sớm sửa đường.", "Xã Tân Mộc vẫn không giải quyết, đề nghị huyện chỉ đạo.")
    folded = ("Kinh gui: UBND huyen Luc Ngan.\nDuong truc thon Dong, xa Tan Moc bong het mat "
              "be tong, mua xuong lay loi. Toi da bao len xa may lan ma khong ai tra loi.")
    for text in (asked_before, did_not_act, folded):
        decision = router_reading(places, "XA").route(RoutingInput(text))
        assert decision.queue_code == LUC_NGAN, (text, decision.reasons)


COMMUNE_ROAD_ELSEWHERE = (
    "Kính gửi: UBND xã Tân Mộc, huyện Lục Ngạn.\nĐường trục thôn Cầu, xã Hồng Giang bong "
    "hết mặt bê tông, mưa xuống lầy lội, xe chở vải không đi được. Đề nghị sớm sửa đường.")


@pytest.mark.parametrize(("text", "share"), [
    # the writer's own village: the other commune is named only in passing
    (COMMUNE_ROAD_ELSEWHERE.replace("Đường trục thôn Cầu, xã Hồng Giang",
                                    "Đường trục thôn tôi, giáp xã Hồng Giang,"), 0.9),
    # the body names the addressed commune too: a road between the two
    (COMMUNE_ROAD_ELSEWHERE.replace("thôn Cầu, xã Hồng Giang",
                                    "từ xã Tân Mộc sang xã Hồng Giang"), 0.9),
    # hardly a local matter
    ("Kính gửi: UBND xã Tân Mộc, huyện Lục Ngạn.\nTháng trước tôi có đến xã Hồng Giang và "
     "thấy một số việc chưa ổn, nay kính mong được xem xét.", 0.2),
    # the other commune named in passing: a road towards it, its border, trucks from it
    # (a commune moved only on such words went to Hồng Giang at confidence 0.9)
    (COMMUNE_ROAD_ELSEWHERE.replace("Đường trục thôn Cầu, xã Hồng Giang",
                                    "Đường từ trung tâm xã đi Hồng Giang"), 0.9),
    (COMMUNE_ROAD_ELSEWHERE.replace("Đường trục thôn Cầu, xã Hồng Giang",
                                    "Đoạn đường giáp ranh Hồng Giang"), 0.9),
    (COMMUNE_ROAD_ELSEWHERE.replace("Đường trục thôn Cầu, xã Hồng Giang bong",
                                    "Xe tải chở vải từ Hồng Giang về làm đường trục thôn "
                                    "Cầu bong"), 0.9),
    # a matter in the other commune: the writer chose the committee; it forwards if need
    # be (no rule moves a letter between the communes of one district)
    (COMMUNE_ROAD_ELSEWHERE, 0.9),
])
def test_a_letter_to_a_commune_stays_there_without_a_clear_other_commune(
        places: PlaceIndex, text: str, share: float) -> None:
    decision = router_reading(places, "XA", share=share).route(RoutingInput(text))
    assert decision.queue_code == TAN_MOC, decision.reasons


@pytest.mark.parametrize(("text", "queue"), [
    # where the writer lives is not where the matter is: a writer living in Lục Nam
    # writes to Lục Ngạn about a road of a commune of Lục Ngạn, which keeps it
    ("Kính gửi: UBND huyện Lục Ngạn.\nTôi là người trú tại xã Bảo Sơn, huyện Lục Nam. "
     "Đường trục thôn Đồng, xã Tân Mộc làm từ lâu, nay bong hết mặt bê tông, mưa xuống "
     "lầy lội. Đề nghị sớm sửa đường.", TAN_MOC),
    # "xa tôi" (far from me) is not "xã tôi": the road of Bảo Sơn, in another district,
    # is not the writer's own commune's, and goes to the committee where it is
    ("Kính gửi: UBND huyện Lục Ngạn.\nTôi trú tại xã Tân Mộc, huyện Lục Ngạn. Đường "
     "trục thôn Đồng, xã Bảo Sơn, huyện Lục Nam bong hết mặt bê tông, mưa xuống lầy "
     "lội; chỗ ấy không xa tôi lắm nên ngày nào tôi cũng đi qua. Đề nghị sớm sửa đường.",
     BAO_SON),
    # under "Trân trọng", "Tân Mộc, ngày …" is a place and a date, not a name: the body's
    # Tân Mộc is where the road is (the writer lives in Hồng Giang)
    ("Kính gửi: UBND huyện Lục Ngạn.\nTôi trú tại xã Hồng Giang, huyện Lục Ngạn. Đường "
     "trục thôn Cầu, xã Tân Mộc bong hết mặt bê tông, mưa xuống lầy lội. Đề nghị sớm "
     "sửa đường.\nTrân trọng cảm ơn!\nTân Mộc, ngày 4 tháng 12 năm 2026\nNgười làm "
     "đơn\nNguyễn Văn A", TAN_MOC),
], ids=["residence elsewhere", "far from me", "signature under a closing"])
def test_the_place_of_the_matter_not_the_writers_decides(
        places: PlaceIndex, text: str, queue: str) -> None:
    decision = router_reading(places, "XA").route(RoutingInput(text))
    assert decision.queue_code == queue, decision.reasons
