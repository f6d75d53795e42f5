"""Nationality (quốc tịch: nhập, thôi, trở lại, xác nhận có quốc tịch, người gốc Việt Nam)
is the Department of Justice's (Luật Quốc tịch 2008, NĐ 16/2020: Sở Tư pháp receives and
checks the dossiers), not the police's, even when the letter goes on to the identity
card or the passport the writer cannot get without it: those documents follow from the
nationality, they are not the matter. Texts written for these tests."""

from __future__ import annotations

import pytest

from intake.org.places import PlaceIndex
from intake.routing.decision import Router
from intake.routing.signals.classifier import Classifier
from intake.routing.signals.procedure import ProcedureMatch
from intake.routing.signals.subject import subject_signal
from intake.routing.types import RoutingInput
from tests.routing.conftest import StubFinder

# the catalog finds the identity-card procedure in such letters (its name is covered)
CARD = ProcedureMatch("1.001", "Cấp lại thẻ Căn cước công dân", "CONG_AN", 0.84)
PASSPORT = ProcedureMatch("1.002", "Cấp hộ chiếu phổ thông", "CONG_AN", 0.82)


@pytest.mark.parametrize("text", [
    # regaining it, with the card and the passport that depend on it
    "Tôi ở thôn Đồng, xã Tân Mộc, Lục Ngạn. Năm 2008 tôi lấy chồng Hàn Quốc nên đã thôi "
    "quốc tịch Việt Nam. Nay về quê sống, tôi muốn trở lại quốc tịch Việt Nam để cấp lại "
    "thẻ căn cước công dân và làm hộ chiếu, nhưng hỏi công an thì bảo chưa đủ điều kiện. "
    "Mong cơ quan có thẩm quyền hướng dẫn hồ sơ.",
    # without diacritics, a child born abroad
    "con toi sinh o Dai Loan, me nguoi Dai Loan, nay ve o voi ong ba o xa Tan Moc. di lam "
    "can cuoc cho chau thi duoc bao phai xac nhan co quoc tich viet nam truoc, cap lai the "
    "can cuoc cung khong duoc. xin huong dan",
])
@pytest.mark.parametrize("procedure", [CARD, PASSPORT])
def test_nationality_is_the_department_of_justices(
        places: PlaceIndex, model: Classifier, text: str, procedure: ProcedureMatch) -> None:
    router = Router(places, "VP_UBND", classifier=model, procedures=StubFinder(procedure))
    decision = router.route(RoutingInput(text))
    assert decision.queue_code == "SO_TU_PHAP", decision.reasons
    # staff read why the card or passport did not decide
    assert any("quyết định;" in r and "chỉ là hệ quả" in r for r in decision.reasons)


def test_a_passport_without_nationality_stays_with_the_police(
        places: PlaceIndex, model: Classifier) -> None:
    """The identity card or passport alone is still the police's."""
    router = Router(places, "VP_UBND", classifier=model, procedures=StubFinder(PASSPORT))
    decision = router.route(RoutingInput(
        "Tôi nộp hồ sơ cấp hộ chiếu phổ thông ở công an tỉnh đã 3 tuần, quá hẹn mà chưa "
        "có, gọi điện thì không ai nghe. Nhà tôi ở xã Tân Mộc, Lục Ngạn."))
    assert decision.queue_code == "CONG_AN", decision.reasons


def test_nationality_sets_the_documents_aside_in_the_subject_rules() -> None:
    """The subject rules do not count the card and the passport for the police when the
    text is about nationality (``outranks`` in subject_rules.yml), and say so."""
    found = subject_signal(RoutingInput(
        "muon xin tro lai quoc tich viet nam de lam can cuoc va ho chieu cho con"))
    assert found.best is not None and found.best.label == "SO_TU_PHAP"
    assert "CONG_AN" not in found.detail["evidence"]
    assert found.detail["outranked"] == {"by": ["quoc tich"],
                                         "dropped": ["can cuoc", "ho chieu"],
                                         "said": "hệ quả"}
    alone = subject_signal(RoutingInput("lam can cuoc va ho chieu cho con qua lau"))
    assert alone.best is not None and alone.best.label == "CONG_AN"
