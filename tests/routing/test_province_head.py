"""A letter to the province's People's Committee or its Chairman asking to direct several
bodies ("chỉ đạo các sở, ngành", "chỉ đạo liên ngành") is a matter across bodies, which
the Chairman coordinates (Luật Tổ chức chính quyền địa phương 2015, Điều 22) and the
province's office prepares: it goes to Văn phòng UBND tỉnh, whatever procedure or
department the story names. A letter to the Chairman asking him to direct ONE department,
or a department's letter asking to direct its units, stays with that department; so does
a commune chairman's. Texts written for these tests."""

from __future__ import annotations

import pytest

from intake.org.places import PlaceIndex
from intake.routing.bodies import BodyIndex
from intake.routing.decision import Router
from intake.routing.letter import province_head_asked, read_letter
from intake.routing.signals.classifier import Classifier
from intake.routing.signals.procedure import ProcedureMatch
from intake.routing.types import RoutingInput
from tests.routing.conftest import StubFinder

PERMIT = ProcedureMatch("1.009", "Cấp giấy phép xây dựng công trình", "SO_XAY_DUNG", 0.84)

ACROSS = (
    "Kính gửi: Đồng chí Chủ tịch UBND tỉnh Bắc Giang\n"
    "Đồng kính gửi: Sở Xây dựng; Sở Tài nguyên và Môi trường\n\n"
    "Chúng tôi là các hộ dân ở xã Song Mai. Khu đất của chúng tôi nằm trong quy hoạch cụm "
    "công nghiệp từ năm 2016 nhưng không triển khai, không được cấp phép xây dựng, không "
    "được tách thửa. Hỏi huyện thì huyện bảo chờ sở, hỏi sở thì bảo chờ tỉnh. Kính đề nghị "
    "đồng chí Chủ tịch chỉ đạo các sở, ngành rà soát, công bố rõ quy hoạch.")
ACROSS_BARE = (
    "Kinh gui: UBND tinh Bac Giang\n\n"
    "Toi la chu trang trai o xa Kham Lang, huyen Luc Nam. Duong vao trang trai, dien, nuoc "
    "deu khong co du da duoc chap thuan chu truong dau tu tu 2019, gui don nhieu noi thi "
    "moi noi tra loi mot kieu. Kinh de nghi UBND tinh chi dao lien nganh giai quyet dut diem.")


@pytest.fixture
def bodies(places: PlaceIndex) -> BodyIndex:
    return BodyIndex({"SO_XAY_DUNG": "Sở Xây dựng", "SO_TN_MT": "Sở Tài nguyên và Môi trường",
                      "SO_Y_TE": "Sở Y tế", "VP_UBND": "Văn phòng UBND tỉnh"}, places)


@pytest.mark.parametrize("text", [ACROSS, ACROSS_BARE])
def test_a_matter_across_bodies_goes_to_the_provinces_office(
        places: PlaceIndex, model: Classifier, bodies: BodyIndex, text: str) -> None:
    router = Router(places, "VP_UBND", classifier=model, bodies=bodies,
                    procedures=StubFinder(PERMIT))
    decision = router.route(RoutingInput(text))
    assert decision.queue_code == "VP_UBND", decision.reasons
    assert decision.rule == "province_head"
    assert any("việc liên ngành do Chủ tịch chỉ đạo" in r for r in decision.reasons)
    assert not any("chuyển bộ phận tiếp nhận" in r for r in decision.reasons)


@pytest.mark.parametrize("text", [
    # one department named: its matter
    "Kính gửi: Đồng chí Chủ tịch UBND tỉnh Bắc Giang\n\nTrạm y tế xã tôi đóng cửa buổi "
    "chiều, không ai trực. Kính đề nghị đồng chí chỉ đạo Sở Y tế kiểm tra.",
    # a commune's chairman, a department, the office: not the province's head
    "Kính gửi: Chủ tịch UBND xã Tân Mộc\n\nĐề nghị chỉ đạo các ban, ngành của xã dọn rác.",
    "Kính gửi: Sở Xây dựng\n\nĐề nghị Sở chỉ đạo các đơn vị kiểm tra chất lượng công trình.",
    "Kính gửi: Văn phòng UBND tỉnh\n\nĐề nghị chỉ đạo các sở, ngành trả lời đơn.",
    # the head addressed, but no several bodies to direct
    "Kính gửi: Đồng chí Chủ tịch UBND tỉnh\n\nĐề nghị đồng chí xem xét đơn của tôi.",
    # directing several bodies, said in the story of a letter to a department
    "Kính gửi: Sở Tài nguyên và Môi trường\n\nUBND tỉnh đã chỉ đạo các sở kiểm tra từ năm "
    "ngoái mà chưa có kết quả.",
])
def test_no_head_asked_to_direct_several_bodies(text: str) -> None:
    assert province_head_asked(read_letter(text)) is None


def test_the_words_asking_are_kept_as_written() -> None:
    assert province_head_asked(read_letter(ACROSS)) == "chỉ đạo các sở"
    assert province_head_asked(read_letter(ACROSS_BARE)) == "chi dao lien nganh"
