"""Phrases of departments' published mandates that the subject rules lacked: drug shops
and the drugs they sell (Luật Dược 2016), sports venues and classified relics (Luật Thể
dục, thể thao 2006; Luật Di sản văn hóa 2001), business registration and stalled
investment projects (Luật Doanh nghiệp 2020; Luật Đầu tư 2020, Điều 48), selling in a
housing project (Luật Kinh doanh bất động sản 2023), the dyke's body (Luật Đê điều 2006),
and what the commune keeps: its public land (Luật Đất đai 2024, Điều 179), village ponds,
sidewalks taken over; and everyday phrases that only look like them ("nhiều lần đề nghị"
typed without diacritics is "lan de", an inheritance is a "di sản"). Texts written for
these tests."""

from __future__ import annotations

import pytest

from intake.routing.signals.subject import subject_signal
from intake.routing.types import RoutingInput


@pytest.mark.parametrize(("text", "label"), [
    ("Hiệu thuốc trên phố bán cho người già mấy vỉ thuốc quá hạn sử dụng", "SO_Y_TE"),
    ("Nhà thi đấu mới xây đã bong tróc, mái dột nước", "SO_VH_TT_DL"),
    ("Ngôi đình là di tích lịch sử đã xếp hạng mà người ta trùng tu bằng sắt thép", "SO_VH_TT_DL"),
    ("Công ty đổi trụ sở công ty sang nhà tôi mà không hỏi, giờ thư thuế gửi về nhà tôi",
     "SO_KH_DT"),
    ("Dự án nhà máy gạch là dự án chậm tiến độ ba năm, đất rào bỏ không", "SO_KH_DT"),
    ("Sàn giao dịch rao bán nhà ở hình thành trong tương lai mà chưa có bảo lãnh", "SO_XAY_DUNG"),
    ("Mấy hộ dựng lều quán bán hàng ngay trên mặt đê", "SO_NN_PTNT"),
    ("Quỹ đất công ích của xã bị chia nhau canh tác, không ai nộp tiền", "XA"),
    ("Ao làng bị bèo và rác phủ kín, bốc mùi cả xóm", "XA"),
    ("Các quán nhậu lấn chiếm vỉa hè, người đi bộ phải đi dưới lòng đường", "XA"),
])
def test_a_mandates_own_words_point_at_its_body(text: str, label: str) -> None:
    subject = subject_signal(RoutingInput(text))
    assert subject.best is not None and subject.best.label == label, subject.candidates


@pytest.mark.parametrize(("text", "not_label"), [
    # typed without diacritics, "lấn đê / mặt đê" are "lần đề (nghị) / (có) mặt để"
    ("toi da nhieu lan de nghi xa sua duong ma khong ai tra loi", "SO_NN_PTNT"),
    ("hom hop thon toi co mat de nghe ma khong ai giai thich tien dong gop", "SO_NN_PTNT"),
    # a family's inheritance, a child's legal representative: not heritage, not a company
    ("Anh em tôi tranh chấp di sản thừa kế bố mẹ để lại, xã hòa giải mãi không xong",
     "SO_VH_TT_DL"),
    ("Tôi là người đại diện theo pháp luật của cháu nhỏ mồ côi mà xã không xác nhận",
     "SO_KH_DT"),
])
def test_an_everyday_phrase_does_not_point_at_a_mandate(text: str, not_label: str) -> None:
    subject = subject_signal(RoutingInput(text))
    assert subject.best is None or subject.best.label != not_label, subject.candidates
