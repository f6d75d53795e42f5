"""A letter the writer addresses to the province's bodies in general ("Kính gửi các cơ
quan của tỉnh", "Gửi cơ quan quản lý của tỉnh", "Kính gửi UBND tỉnh"), or in which the
writer asks the province to act ("đề nghị tỉnh xem lại"), is evidence that the matter is
a department's, not the writer's commune's: the local committee's topic weighs less, and
a commune- or district-level procedure the letter mentions does not pull it to the
district without other support. The province's office and hotline forward everything
and say nothing. Texts written for these tests."""

from __future__ import annotations

import pytest

from intake.org.places import PlaceIndex
from intake.routing.decision import Router
from intake.routing.letter import province_cue, read_letter
from intake.routing.signals.classifier import Classifier
from intake.routing.signals.procedure import ProcedureMatch
from intake.routing.types import RoutingInput
from tests.routing.conftest import StubFinder


@pytest.mark.parametrize(("text", "said"), [
    ("Kính gửi các cơ quan của tỉnh,\nTôi là …", "các cơ quan của tỉnh"),
    ("Gui co quan quan ly cua tinh,\nToi ten …", "co quan quan ly cua tinh"),
    ("Kính gửi: UBND tỉnh Bắc Giang\nTôi …", "UBND tỉnh"),
    ("Kính gửi Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
    ("… mong cơ quan có thẩm quyền của tỉnh\nxuống kiểm tra", "cơ quan có thẩm quyền của tỉnh"),
    ("… de nghi tinh xem lai muc phu cap", "de nghi tinh xem"),
    ("Kính gửi các sở, ngành của tỉnh", "các sở, ngành của tỉnh"),
    # a "- …" line of the addressee list, a copy, an asking verb before a title
    ("Kính gửi:\n- Sở Xây dựng;\n- UBND tỉnh Bắc Giang.\nTôi là …", "UBND tỉnh"),
    ("Kính gửi: Sở Y tế\nĐồng kính gửi: UBND tỉnh Bắc Giang\nTôi …", "UBND tỉnh"),
    ("Chúng tôi kiến nghị đồng chí Chủ tịch UBND tỉnh chỉ đạo kiểm tra", "UBND tỉnh"),
])
def test_province_addressed_or_asked(text: str, said: str) -> None:
    assert province_cue(text) == said
    assert read_letter(text).province == said


@pytest.mark.parametrize("text", [
    "Kính gửi Văn phòng UBND tỉnh, tôi phản ánh đường thôn hỏng",  # the office forwards
    "Kính gửi UBND xã Tân Mộc",
    "xe tải chạy trên đường tỉnh lộ 398 làm hỏng mặt đường",
    "tôi lên tỉnh hỏi thì không ai trả lời",
    # "tinh" folded is also "tình" and "tính": written with diacritics, not the province
    "Đề nghị cơ quan chức năng kiểm tra tình trạng lấn chiếm vỉa hè tại thôn 3",
    "đề nghị chính quyền tính toán lại tiền đền bù cho các hộ",
    "cơ quan thuế tính sai tiền sử dụng đất của gia đình tôi",
    # the office, whatever the spacing
    "Kính gửi Văn phòng  UBND tỉnh, đường thôn hỏng",
    "Kính gửi: Văn phòng\nUBND tỉnh Bắc Giang",
    # named in the story, not addressed or asked: a decision's title, "theo …"
    "Theo Quyết định số 1234/QĐ-UBND của UBND tỉnh Bắc Giang, nhà tôi được hỗ trợ 20 triệu",
    "Kính gửi UBND xã Tân Mộc\nTheo kế hoạch của UBND tỉnh thì thôn tôi được làm đường.",
    "de nghi huy quyet dinh cua ubnd tinh ve thu hoi dat nha toi",
    "thuc hien chu truong cua lanh dao tinh, xa da lam duong nhung bo qua thon toi",
])
def test_no_province_cue(text: str) -> None:
    assert province_cue(text) is None


def _router(places: PlaceIndex, model: Classifier, *found: ProcedureMatch) -> Router:
    return Router(places, "VP_UBND", classifier=model, procedures=StubFinder(*found))


DYKE = ("Tôi ở thôn Trại, xã Tân Mộc, huyện Lục Ngạn. Mấy hộ trong thôn đổ đất, xây nhà "
        "kho lấn ra mái đê và hành lang bảo vệ đê, không có giấy phép xây dựng, xe chở đất "
        "chạy trên mặt đê làm lún nứt. Mùa lũ sắp tới, dân rất lo. Đề nghị cơ quan quản lý "
        "đê điều kiểm tra, buộc tháo dỡ.")


def test_letter_to_the_province_is_not_pulled_to_the_district(
        places: PlaceIndex, model: Classifier) -> None:
    """A district-level procedure (a building permit) named in a letter to the province's
    bodies, about a matter a department has support for, goes to that department."""
    permit = ProcedureMatch("1.000011", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "HUYEN", 0.85)
    router = _router(places, model, permit)
    decision = router.route(RoutingInput("Kính gửi các cơ quan của tỉnh,\n" + DYKE))
    assert not decision.queue_code.startswith(("XA_", "HUYEN_")), decision.reasons
    assert decision.queue_code != "VP_UBND", decision.reasons
    assert any("cơ quan cấp tỉnh ('các cơ quan của tỉnh')" in r for r in decision.reasons)


def test_province_letter_about_the_procedure_itself_stays_local(
        places: PlaceIndex, model: Classifier) -> None:
    """With support of its own (the letter is about the permit's delay) the district's
    procedure still decides, whoever the letter is addressed to."""
    permit = ProcedureMatch("1.000011", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "HUYEN", 0.85)
    decision = _router(places, model, permit).route(RoutingInput(
        "Kính gửi các cơ quan của tỉnh,\nTôi nộp hồ sơ xin cấp giấy phép xây dựng nhà ở "
        "riêng lẻ tại xã Tân Mộc, huyện Lục Ngạn đã hơn 2 tháng mà chưa có kết quả, hỏi "
        "thì cán bộ hẹn lần hẹn lữa."))
    assert decision.queue_code == "HUYEN_219", decision.reasons


ALLOWANCE = ("toi lam cong an vien o thon Dong, xa Tan Moc, Luc Ngan da 9 nam, tien phu cap "
             "hang thang it qua, sau khi sap nhap thon lai con bi giam. {ask}")


def test_asking_the_province_weighs_the_department(places: PlaceIndex,
                                                   model: Classifier) -> None:
    """The writer names a commune but asks the province: the commune is not the answer."""
    router = _router(places, model)
    asked = router.route(RoutingInput(ALLOWANCE.format(ask="de nghi tinh xem lai muc phu cap")))
    assert not asked.queue_code.startswith(("XA_", "HUYEN_")), asked.reasons
    assert any("cơ quan cấp tỉnh ('de nghi tinh xem')" in r for r in asked.reasons)


def test_a_decision_of_the_province_quoted_is_not_a_letter_to_it(
        places: PlaceIndex, model: Classifier) -> None:
    """A commune's matter whose story cites the province's decision ("thực hiện quyết
    định của UBND tỉnh về dồn điền đổi thửa") is still asked of the commune: the citation
    does not halve the local committee's share, and no reason says the letter went to
    the province."""
    decision = _router(places, model).route(RoutingInput(
        "nha toi o xa Tan Moc, Luc Ngan. thuc hien quyet dinh cua ubnd tinh ve don dien doi "
        "thua, thon toi chia lai ruong ma nha toi bi chia thieu 2 sao, de nghi xa kiem tra "
        "lai"))
    assert decision.queue_code == "XA_07606", decision.reasons
    assert not any("cơ quan cấp tỉnh" in r for r in decision.reasons)
