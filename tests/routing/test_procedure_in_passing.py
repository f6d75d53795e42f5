"""A procedure mentioned in passing is context, not the matter, and staff are told so
("chỉ là bối cảnh"), whether it is a department's procedure or one the commune or the
district carries out. Texts written for these tests."""

from __future__ import annotations

import pytest

from intake.org.places import PlaceIndex
from intake.routing.decision import Router
from intake.routing.signals.classifier import Classifier
from intake.routing.signals.procedure import ProcedureMatch
from intake.routing.types import RoutingInput
from tests.routing.conftest import StubFinder

BIRTH = ProcedureMatch("1.000012", "Đăng ký khai sinh", "XA", 0.85)
ID_CARD = ProcedureMatch("1.000013", "Cấp lại thẻ Căn cước công dân", "CONG_AN", 0.8)


@pytest.mark.parametrize(("found", "text", "queue", "said"), [
    (BIRTH, "Tôi đang làm giấy khai sinh cho con, nhân đây phản ánh phòng khám tư nhân đầu "
            "chợ chưa có giấy phép hoạt động khám chữa bệnh mà vẫn truyền dịch, tiêm thuốc "
            "cho người bệnh, bác sĩ không có chứng chỉ hành nghề",
     "SO_Y_TE", "thủ tục 'Đăng ký khai sinh' → cấp xã: chỉ là bối cảnh, nội dung thuộc SO_Y_TE"),
    (ID_CARD, "Tôi lên làm lại căn cước, nhân tiện phản ánh quán karaoke cạnh đó mở nhạc "
              "to đến 1 giờ sáng, chưa có giấy phép kinh doanh dịch vụ karaoke",
     "SO_VH_TT_DL",
     "thủ tục 'Cấp lại thẻ Căn cước công dân' → CONG_AN: chỉ là bối cảnh, nội dung thuộc "
     "SO_VH_TT_DL"),
])
def test_procedure_in_passing_is_said_to_be_context(
        places: PlaceIndex, model: Classifier, found: ProcedureMatch, text: str,
        queue: str, said: str) -> None:
    router = Router(places, "VP_UBND", classifier=model, procedures=StubFinder(found))
    decision = router.route(RoutingInput(text))
    assert decision.queue_code == queue, decision.reasons
    assert said in decision.reasons
