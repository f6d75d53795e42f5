"""The matter decides, not the place where it happened (subject_rules.yml's ``outranks``
with ``said: nơi xảy ra``): a parking charge or price gouging is a price matter (Luật Giá
2023, Sở Tài chính) at the hospital, the bus station or the gas shop; short weight or a
short pump is a measurement matter (Luật Đo lường 2011, Sở Khoa học và Công nghệ) at the
market or the petrol station; the surface of a road the commune or district runs (Luật
Giao thông đường bộ 2008, Điều 39-40) is its committee's, whatever trucks use it. Medical
and drug prices stay Sở Y tế's. Phrases whose bare form is an everyday phrase count only
written with diacritics (``marked_only``). Texts written for these tests from the
mandates."""

from __future__ import annotations

import pytest

from intake.org.places import PlaceIndex
from intake.routing.decision import Router
from intake.routing.signals.classifier import Classifier
from intake.routing.signals.subject import subject_signal
from intake.routing.types import RoutingInput


@pytest.mark.parametrize(("text", "label", "setting"), [
    ("Bãi trông giữ xe ở bệnh viện huyện thu tiền gửi xe đạp 5 nghìn một lượt, không có vé",
     "SO_TAI_CHINH", "bệnh viện"),
    ("ben xe khach thu phi gui xe may qua dem 25 nghin, xin hoi ai duyet muc nay",
     "SO_TAI_CHINH", "ben xe"),
    ("Sau lũ, cửa hàng gas trong xã găm hàng rồi bán bình gas cao gấp rưỡi",
     "SO_TAI_CHINH", "bình gas"),
    ("Hàng thịt ở chợ thị trấn cân thiếu, một cân về cân lại chỉ còn 8 lạng",
     "SO_KH_CN", "chợ thị trấn"),
    ("cay xang dau xa bom thieu, do 100 nghin ma binh xe chi duoc mot nua",
     "SO_KH_CN", "cay xang"),
    ("Siêu thị bán gạo túi 5 kg, hàng đóng gói sẵn mà cân lại thiếu khối lượng gần nửa cân",
     "SO_KH_CN", "siêu thị"),
])
def test_the_matter_decides_not_where_it_happened(text: str, label: str, setting: str) -> None:
    found = subject_signal(RoutingInput(text))
    assert found.best is not None and found.best.label == label, found.detail
    outranked = found.detail["outranked"]
    assert setting in outranked["dropped"] and outranked["said"] == "nơi xảy ra"


def test_medical_and_drug_prices_stay_with_health() -> None:
    """The price words do not make a drug's or a hospital's price Sở Tài chính's."""
    for text in ("Nhà thuốc bán thuốc hạ sốt mỗi hôm một giá, không niêm yết giá thuốc",
                 "benh vien tang gia dich vu kham benh, vien phi cao hon bang cong khai"):
        found = subject_signal(RoutingInput(text))
        assert found.best is not None and found.best.label == "SO_Y_TE", found.detail
        assert "SO_TAI_CHINH" not in found.detail["evidence"]
        assert found.detail["outranked"]["said"] == "từ chung về giá"


def test_a_local_roads_state_is_its_committees() -> None:
    """Potholes and trucks on a village or district road do not count for Sở GTVT; on a
    national highway they do."""
    for text in ("Đường thôn Hạ bê tông vỡ, ổ gà chi chít, xe tải chở gạch chạy suốt ngày",
                 "duong lien xa qua thon Dong nhieu o ga, xe tai cho dat chay ca dem"):
        found = subject_signal(RoutingInput(text))
        assert found.best is not None and found.best.label == "XA", found.detail
        assert "SO_GTVT" not in found.detail["evidence"]
    highway = subject_signal(RoutingInput("Quốc lộ 37 nhiều ổ gà, xe tải đi rất nguy hiểm"))
    assert highway.best is not None and highway.best.label == "SO_GTVT"


def test_marked_only_phrases_need_their_diacritics() -> None:
    """"cân điêu" counts written so; typed bare, "can dieu" is mostly "cần điều tra"."""
    marked = subject_signal(RoutingInput("Mấy hàng rau ở chợ xã cân điêu cho người mua"))
    assert marked.best is not None and marked.best.label == "SO_KH_CN", marked.detail
    for bare in ("de nghi can dieu tra lai vu viec, ket luan thieu can cu",
                 "xe tai vuot qua tai trong xe cho phep tren duong tinh",
                 "o dau co dich vu dong thieu bao hiem"):
        found = subject_signal(RoutingInput(bare))
        assert "SO_KH_CN" not in found.detail.get("evidence", {}), (bare, found.detail)
        assert "SO_TAI_CHINH" not in found.detail.get("evidence", {}), (bare, found.detail)


@pytest.mark.parametrize(("text", "queue", "setting"), [
    # the classifier alone reads the bus station, the market or the petrol station
    ("Bến xe khách thu tiền gửi xe máy 10 nghìn một lượt, cao gấp đôi nơi khác, vé không "
     "in giá.", "SO_TAI_CHINH", "bến xe"),
    ("Mấy hàng cá ở chợ thị trấn Thắng cân điêu, mua 1 cân về cân lại chỉ còn 8 lạng",
     "SO_KH_CN", "chợ thị trấn"),
    ("cua hang xang dau o xa Tien Dung bom thieu, do 50 nghin ma binh chi duoc hon 1 lit",
     "SO_KH_CN", "xang dau"),
])
def test_routing_says_where_it_only_happened(places: PlaceIndex, model: Classifier,
                                             text: str, queue: str, setting: str) -> None:
    decision = Router(places, "VP_UBND", classifier=model).route(RoutingInput(text))
    assert decision.queue_code == queue, decision.reasons
    assert any("quyết định;" in r and setting in r and "chỉ là nơi xảy ra" in r
               for r in decision.reasons), decision.reasons
