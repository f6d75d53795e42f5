"""Who settles a second complaint, where a matter at the writer's home is, which
commune's committee handles a procedure the citizen took there, and ordinary phrases
marked otherwise than a commune's name.

(1) A second complaint (khiếu nại lần hai) goes one level above whoever settled the
first (Luật Khiếu nại 2011, Điều 7, 18, 21): a district's chairman's or a department's
first settlement → the province's Chairman, whose inspectorate verifies and advises
(Thanh tra tỉnh); a commune's → the district.
(2) A commune's matter placed at the writer's home ("ngõ nhà tôi"), where the letter
names only the city the writer lives in: the writer's ward.
(3) A commune's procedure where two communes of one district are named: the commune
whose committee the citizen went to.
(4) "đồng tiền" typed with its marks is money, not xã Đồng Tiến.
Texts written for these tests from the laws and the mandates."""

from __future__ import annotations

import pytest

from intake.org.places import PlaceIndex
from intake.routing.bodies import BodyIndex
from intake.routing.decision import Router
from intake.routing.signals.classifier import Classifier
from intake.routing.signals.procedure import ProcedureMatch
from intake.routing.types import RoutingInput
from tests.routing.conftest import StubFinder

LUC_NGAN = "HUYEN_219"
TAN_MOC = "XA_07606"  # xã Tân Mộc, huyện Lục Ngạn
TRAN_PHU = "XA_07213"  # phường Trần Phú, thành phố Bắc Giang
CITY = "HUYEN_213"
DEATH = ProcedureMatch("1.000656", "Đăng ký khai tử", "XA", 0.85)


SECOND_AFTER_DISTRICT = """Kính gửi: Chủ tịch UBND tỉnh Bắc Giang

Tôi là Hà Văn Lộc, trú tại xã Tân Dĩnh, huyện Lạng Giang. Gia đình tôi bị thu hồi 600 m2
đất vườn để làm khu công nghiệp. Tháng 3 năm nay Chủ tịch UBND huyện Lạng Giang đã ký
quyết định giải quyết khiếu nại lần đầu, chỉ bồi thường theo giá đất nông nghiệp.
Tôi không nhất trí và làm đơn khiếu nại lần hai, đề nghị tỉnh xem xét lại giá bồi thường.
"""

SECOND_AFTER_COMMUNE = """Kính gửi: UBND huyện Lục Ngạn

Tôi là Đàm Thị Hoa, thôn Khuôn Thần, xã Tân Mộc. Chủ tịch UBND xã Tân Mộc đã ra quyết định
giải quyết khiếu nại lần đầu về việc xã thu hồi phần đất ao tôi nhận khoán từ năm 2009.
Tôi không đồng ý với quyết định này, nay khiếu nại lần 2 lên huyện.
"""

FIRST_AFTER_DISTRICT = """Kính gửi: Chủ tịch UBND tỉnh Bắc Giang

Tôi là Hà Văn Lộc, trú tại xã Tân Dĩnh, huyện Lạng Giang. Tôi khiếu nại quyết định thu hồi
đất của UBND huyện Lạng Giang vì giá bồi thường quá thấp so với giá thị trường.
"""


@pytest.mark.parametrize(("text", "queue", "said"), [
    (SECOND_AFTER_DISTRICT, "THANH_TRA", "Chủ tịch UBND tỉnh giải quyết"),
    (SECOND_AFTER_COMMUNE, LUC_NGAN, "Chủ tịch UBND cấp huyện giải quyết lần hai"),
    (FIRST_AFTER_DISTRICT, "HUYEN_217", "giải quyết lần đầu"),
])
def test_a_second_complaint_goes_one_level_above_the_first_settler(
        letters: Router, text: str, queue: str, said: str) -> None:
    decision = letters.route(RoutingInput(text))
    assert decision.queue_code == queue, decision.reasons
    assert any(said in r for r in decision.reasons), decision.reasons
    second = any("khiếu nại lần hai" in r for r in decision.reasons)
    assert second is (text is not FIRST_AFTER_DISTRICT)


AT_HOME = """Kinh gui: Cong an thanh pho Bac Giang

Toi la Do Thi Mai, tru tai to dan pho so 5, phuong Tran Phu, thanh pho Bac Giang.
Ngo nha toi co hai ho do gach vun, phe thai xay dung ra loi di chung suot ba thang nay,
tre con di hoc phai leo qua, troi mua thi bun lay ca ngo. Nhac nhieu lan ma khong don.
De nghi xu ly.
"""


def test_a_commune_matter_at_the_writers_home_goes_to_the_writers_ward(
        letters: Router) -> None:
    decision = letters.route(RoutingInput(AT_HOME))
    assert decision.queue_code == TRAN_PHU, decision.reasons
    assert any("nơi người viết cư trú ('Ngo nha toi')" in r for r in decision.reasons)


@pytest.mark.parametrize("elsewhere", [
    "O mot ngo gan cho thanh pho co",  # no home
    "Tu nha toi di cho phai qua mot ngo, o do co",  # a way from home, not the home
    "Que toi co",  # a home town is seldom the residence
])
def test_without_the_home_the_city_named_stays_the_place(
        letters: Router, elsewhere: str) -> None:
    decision = letters.route(RoutingInput(AT_HOME.replace("Ngo nha toi co", elsewhere)))
    assert decision.queue_code != TRAN_PHU, decision.reasons


DEATH_LETTER = """Kính gửi: Báo Bắc Giang

Tôi là Hoàng Văn Nam, trú tại thôn Khuôn Thần, xã Tân Mộc, huyện Lục Ngạn. Bố tôi mất
tại nhà chị gái tôi ở xã Hồng Giang hồi tháng 8. Tôi mang giấy báo tử lên UBND xã Tân Mộc
để đăng ký khai tử thì công chức hộ tịch hẹn hết tuần này sang tuần khác. Đã hai tháng
chưa làm được.
"""
SENT_ON = DEATH_LETTER.replace(
    "hẹn hết tuần này sang tuần khác", "bảo phải về xã Hồng Giang nơi bố tôi mất")


def test_a_commune_procedure_goes_to_the_commune_office_the_citizen_went_to(
        places: PlaceIndex, model: Classifier, bodies: BodyIndex) -> None:
    router = Router(places, "VP_UBND", classifier=model, bodies=bodies,
                    procedures=StubFinder(DEATH))
    decision = router.route(RoutingInput(DEATH_LETTER))
    assert decision.queue_code == TAN_MOC, decision.reasons
    assert any("đơn nêu người dân đến UBND Xã Tân Mộc" in r for r in decision.reasons)
    sent_on = router.route(RoutingInput(SENT_ON))  # the committee sent the citizen on
    assert sent_on.queue_code == LUC_NGAN, sent_on.reasons


def test_an_ordinary_phrase_marked_otherwise_than_a_commune_is_no_place(
        places: PlaceIndex) -> None:
    money = places.find("mỗi sào đóng 15.000 đồng tiền nạo vét, huyện Yên Thế không hỏi")
    assert [m.place.name for m in money] == ["Yên Thế"]
    folded = places.find("moi sao dong 15.000 dong tien nao vet, huyen Yen The khong hoi")
    assert "Đồng Tiến" in {m.place.name for m in folded}  # typed bare: may be either
    named = places.find("ở Đồng Tiến, huyện Yên Thế")
    assert "Đồng Tiến" in {m.place.name for m in named}


def test_a_capitalised_name_with_a_missing_mark_is_still_the_commune(
        places: PlaceIndex) -> None:
    for typed in ("Đồng Tien", "Dong Tiến", "Đông Tiến"):
        found = places.find(f"đường ở {typed}, huyện Yên Thế hỏng")
        assert "Đồng Tiến" in {m.place.name for m in found}, typed
