"""Department matters with little keyword evidence, written from the departments'
published mandates (not from any evaluation set): the writer's commune in the text does
not make them the commune's, a procedure mentioned in passing does not outweigh a
subject that clearly belongs to another department, and places in two districts do not
make a department's matter ambiguous. A service the commune or town runs stays local."""

from __future__ import annotations

import pytest

from intake.org.places import PlaceIndex
from intake.routing.decision import Router
from intake.routing.signals.classifier import Classifier
from intake.routing.signals.procedure import ProcedureMatch
from intake.routing.types import RoutingInput
from tests.routing.conftest import StubFinder


def _router(places: PlaceIndex, model: Classifier, *found: ProcedureMatch) -> Router:
    return Router(places, "VP_UBND", classifier=model, procedures=StubFinder(*found))


@pytest.mark.parametrize(("text", "queue"), [
    # Luật Điện lực: supply interruptions are the province's industry department's
    ("nha toi o xa Tien Luc, Lang Giang, ca tuan nay cup dien lien mien khong bao truoc",
     "SO_CONG_THUONG"),
    ("Gia đình tôi ở xã Bảo Đài, huyện Lục Nam. Điện chập chờn, điện áp yếu, trạm biến áp "
     "quá tải mà ngành điện chưa nâng cấp", "SO_CONG_THUONG"),
    # Luật Giáo dục nghề nghiệp: vocational training
    ("toi o xa Huong Lac, Lang Giang, muon di hoc nghe han ngan han, co duoc ho tro hoc "
     "phi khong", "SO_LD_TBXH"),
    # Luật Bảo hiểm xã hội: voluntary social insurance is the insurance agency's
    ("Tôi ở xã Đồng Sơn, huyện Yên Dũng, làm ruộng, muốn tham gia bảo hiểm xã hội tự "
     "nguyện để về già có lương hưu", "BHXH"),
    # Luật Năng lượng nguyên tử: radiation safety
    ("Cơ sở nha khoa ở xã Tân Mỹ đặt máy chụp X quang mà chưa có giấy phép an toàn bức "
     "xạ, hàng xóm lo lắng", "SO_KH_CN"),
    # Luật Giá: price gouging
    ("mua mua lu o xa Phuong Son cac cua hang gam hang, day gia nhu yeu pham len gap ba, "
     "de nghi binh on gia", "SO_TAI_CHINH"),
])
def test_a_department_matter_naming_the_writers_commune_goes_to_the_department(
        places: PlaceIndex, model: Classifier, text: str, queue: str) -> None:
    decision = _router(places, model).route(RoutingInput(text))
    assert decision.queue_code == queue, decision.reasons
    assert any(queue in reason for reason in decision.reasons)


@pytest.mark.parametrize(("text", "queue", "cue"), [
    # gambling is an offence the police deal with (Bộ luật Hình sự, art. 321)
    ("Nhóm người lạ tụ tập đánh bạc ăn tiền ở bãi đất trống cuối thôn Đông, xã Bảo Đài, "
     "đêm nào cũng ồn ào", "CONG_AN", "'danh bac'"),
    # a district road is the district's (Luật Giao thông đường bộ)
    ("tuyen duong huyen qua xa Bao Dai hu hong, de nghi huyen Luc Nam sua chua",
     "HUYEN_218", "'duong huyen'"),
])
def test_a_mandate_cue_decides_and_is_in_the_reasons(
        places: PlaceIndex, model: Classifier, text: str, queue: str, cue: str) -> None:
    decision = _router(places, model).route(RoutingInput(text))
    assert decision.queue_code == queue, decision.reasons
    assert any(cue in reason for reason in decision.reasons)


def test_a_market_the_town_runs_stays_with_the_town(
        places: PlaceIndex, model: Classifier) -> None:
    decision = _router(places, model).route(RoutingInput(
        "Chợ tạm của thị trấn Chũ xuống cấp, lối đi lầy lội, đề nghị thị trấn cải tạo"))
    assert decision.queue_code == "XA_07525", decision.reasons
    assert any("'cho tam'" in reason for reason in decision.reasons)


BHYT_CARD = ProcedureMatch("1.000000", "Cấp lại, đổi thẻ bảo hiểm y tế", "BHXH", 0.8)


def test_a_procedure_named_in_passing_yields_to_a_clear_subject(
        places: PlaceIndex, model: Classifier) -> None:
    decision = _router(places, model, BHYT_CARD).route(RoutingInput(
        "Người dân tộc Dao ở thôn vùng đồng bào dân tộc thiểu số không còn được hỗ trợ "
        "theo chương trình 135 sau khi xã ra khỏi diện đặc biệt khó khăn, cả thẻ bảo hiểm "
        "y tế cũng bị cắt"))
    assert decision.queue_code == "BAN_DAN_TOC" and decision.rule == "topic"
    assert "BHXH" in {a.queue for a in decision.scored_alternatives}
    assert ("thủ tục 'Cấp lại, đổi thẻ bảo hiểm y tế' → BHXH: chỉ là bối cảnh, nội dung "
            "thuộc BAN_DAN_TOC") in decision.reasons


def test_a_procedure_the_subject_agrees_with_still_decides(
        places: PlaceIndex, model: Classifier) -> None:
    decision = _router(places, model, BHYT_CARD).route(RoutingInput(
        "Thẻ bảo hiểm y tế của con tôi bị sai ngày sinh, xin đổi thẻ"))
    assert decision.queue_code == "BHXH" and decision.rule == "procedure"


def test_places_in_two_districts_do_not_hold_up_a_department_matter(
        places: PlaceIndex, model: Classifier) -> None:
    decision = _router(places, model).route(RoutingInput(
        "Tôi ở huyện Hiệp Hòa, bán mảnh đất bên huyện Việt Yên, chi cục thuế tính thuế "
        "thu nhập cá nhân từ chuyển nhượng trên giá cao hơn giá trong hợp đồng"))
    assert decision.queue_code == "CUC_THUE", decision.reasons
    assert decision.ask is None
