"""Routing reads a letter's structure: whom it is addressed to, where the writer lives
versus where the matter is, the kind of submission with its legal competence, and how
strongly a place name is written (type word, diacritics, ordinary phrase)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from intake.models import Channel, ComplaintKind
from intake.org.places import PlaceIndex
from intake.routing.bodies import GENERIC, BodyIndex
from intake.routing.decision import Router
from intake.routing.kind import detect_kind
from intake.routing.letter import (
    own_place_words,
    person_name_spans,
    read_letter,
    without_person_names,
)
from intake.routing.types import RoutingInput
from intake.services.complaints import IntakeService, NewComplaint

FORMAL = """Kính gửi: Sở Tài nguyên và Môi trường tỉnh Bắc Giang
Đồng kính gửi: UBND huyện Lục Ngạn

Tôi là Nguyễn Văn Tám, sinh năm 1968, trú tại thôn Đồng Quân, xã Tân Mộc, huyện Lục Ngạn.
Tôi viết đơn này phản ánh việc cơ sở sản xuất gạch ở thôn bên cạnh xả khói đen suốt đêm.
Trân trọng."""


def test_addressee_lines_and_the_writers_address_are_read_apart() -> None:
    letter = read_letter(FORMAL)
    assert [(a.text, a.primary) for a in letter.addressees] == [
        ("Sở Tài nguyên và Môi trường tỉnh Bắc Giang", True), ("UBND huyện Lục Ngạn", False)]
    assert letter.residence == ("thôn Đồng Quân, xã Tân Mộc, huyện Lục Ngạn",)
    assert "Tân Mộc" not in letter.incident
    assert "xả khói đen" in letter.incident


def test_an_addressee_list_and_a_sentence_after_the_addressee() -> None:
    letter = read_letter("Kính gửi:\n- Thanh tra tỉnh\n- Sở Xây dựng\nTôi xin trình bày")
    assert [a.text for a in letter.addressees] == ["Thanh tra tỉnh", "Sở Xây dựng"]
    inline = read_letter("Kinh gui So Y te. Toi phan anh phong kham tu o cho Thua.")
    assert [a.text for a in inline.addressees] == ["So Y te"]
    assert inline.incident.startswith("Toi phan anh")


def test_bodies_are_found_by_name_abbreviation_and_committee(bodies: BodyIndex) -> None:
    found = bodies.find("Kính gửi Sở TN&MT, UBND xã Tân Mộc và Phòng GD&ĐT huyện Hiệp Hòa; "
                        "đồng gửi Chủ tịch UBND tỉnh")
    labels = [(m.label, m.place) for m in found]
    assert labels == [("SO_TN_MT", None), ("XA", "XA_07606"), ("HUYEN", "HUYEN_223"),
                      (GENERIC, None)]


def test_the_addressee_outweighs_a_village_named_in_the_letter(letters: Router) -> None:
    decision = letters.route(RoutingInput(
        "Kính gửi: Sở Y tế tỉnh Bắc Giang\n"
        "Tôi ở thôn Cầu Sến, Tân Mộc. Phòng khám tư ở chợ xã bán thuốc không rõ nguồn gốc, "
        "người bán không rõ là ai.\nTrân trọng."))
    assert decision.queue_code == "SO_Y_TE"
    assert any("thư gửi 'Sở Y tế'" in r for r in decision.reasons)


def test_the_writers_residence_does_not_pull_a_department_matter_down(
        letters: Router) -> None:
    decision = letters.route(RoutingInput(FORMAL))
    assert decision.queue_code == "SO_TN_MT"
    place = next(s for s in decision.signals if s.name == "place_in_text")
    assert place.best is None or place.best.label != "XA_07606"


def test_residence_is_a_hint_for_a_local_matter_with_no_other_place(
        letters: Router) -> None:
    decision = letters.route(RoutingInput(
        "Tôi là Lê Văn Hùng, trú tại xã Tân Mộc, huyện Lục Ngạn. Đường bê tông trong thôn "
        "mới làm đã nứt, mương thoát nước trong thôn tắc, trưởng thôn không giải quyết."))
    assert decision.queue_code == "XA_07606"
    assert any("nơi ở của người viết" in r for r in decision.reasons)


def test_a_district_named_with_its_type_word_beats_a_bare_ordinary_phrase(
        letters: Router) -> None:
    decision = letters.route(RoutingInput(
        "Đường liên thôn ở huyện Lục Nam hỏng nặng, người dân bỏ đồng tiền ra tự sửa mà "
        "chính quyền không làm"))
    place = next(s for s in decision.signals if s.name == "place_in_text")
    assert place.best is not None and place.best.label == "HUYEN_218"
    assert decision.queue_code != "XA_07216"  # Đồng Tiến is not the Đồng Tiền of the text


def test_place_scores_follow_how_the_name_is_written(places: PlaceIndex) -> None:
    typed = places.find("xã Tân Mộc")[0].score
    bare = places.find("ở Tân Mộc có")[0].score
    folded = places.find("o tan moc co")[0].score
    assert typed > bare > folded
    assert not places.find("ông Quang Minh nói")
    assert all(m.score < 0.6 for m in places.find("phong trào tân tiến"))


@pytest.mark.parametrize(("text", "kind"), [
    ("Tôi làm đơn tố cáo cán bộ địa chính xã nhận tiền", "denunciation"),
    ("toi khieu nai quyet dinh thu hoi dat", "complaint"),
    ("Kiến nghị tỉnh làm thêm cầu qua sông", "request"),
    ("Xin phản ánh, kiến nghị về rác thải", "feedback"),
    ("đèn đường hỏng cả tuần", "feedback"),
    ("Tôi không tố cáo ai, chỉ phản ánh việc đường hỏng", "feedback"),
])
def test_the_kind_of_submission_is_read_from_the_writers_words(text: str, kind: str) -> None:
    assert detect_kind(text).kind == kind


@pytest.mark.parametrize(("text", "queue"), [
    # A denunciation goes one level above the accused's own body (Luật Tố cáo 2018,
    # Điều 47: the denouncer's identity is kept from the accused's colleagues)
    ("Tôi tố cáo ông Trần Văn B, cán bộ địa chính xã Quý Sơn, huyện Lục Ngạn nhận tiền "
     "của dân để làm sổ đỏ.", "HUYEN_219"),                 # a commune civil servant
    ("to cao chu tich xa tan moc lam sai lech ho so de nghi cap dat", "HUYEN_219"),
    ("Tôi tố cáo trưởng phòng tài nguyên huyện Lục Nam gây khó dễ, đòi tiền.",
     "THANH_TRA"),                                           # a district office's head
    ("Tôi tố cáo phó giám đốc sở chỉ đạo nâng khống giá thiết bị.", "THANH_TRA"),
    ("Tôi tố cáo cán bộ Sở Xây dựng nhận tiền để bỏ qua vi phạm.", "THANH_TRA"),
    ("Tôi tố cáo phó chánh thanh tra tỉnh bao che sai phạm.", "VP_UBND"),  # never itself
    ("Tôi tố cáo cán bộ phòng cháy chữa cháy công an tỉnh nhận tiền của quán karaoke.",
     "CONG_AN"),                                             # "phòng cháy" is no office
    ("Tôi tố cáo trưởng thôn Mằn, xã Tuấn Đạo, huyện Sơn Động thu tiền làm đường "
     "không công khai.", "XA_07663"),                      # a village head: his commune
    ("Tôi tố cáo cảnh sát giao thông đứng chốt ở quốc lộ 31 nhận tiền của lái xe.",
     "CONG_AN"),
    # Luật Khiếu nại 2011: first to whoever made the decision
    ("Tôi khiếu nại quyết định thu hồi đất số 123/QĐ-UBND của UBND huyện Lục Nam vì bồi "
     "thường không thỏa đáng.", "HUYEN_218"),
    ("Khiếu nại quyết định xử phạt của Sở Xây dựng đối với công trình nhà tôi",
     "SO_XAY_DUNG"),
    ("Kính gửi Thanh tra tỉnh. Tôi khiếu nại kết luận thanh tra về đất đai của xã.",
     "THANH_TRA"),
    # the maker named before its decision; a decision named by its level only
    ("Chủ tịch UBND huyện Lục Nam đã ký quyết định thu hồi đất nhà tôi mà không họp dân, "
     "tôi khiếu nại.", "HUYEN_218"),
    ("Tôi đã gửi đơn lên UBND huyện Lục Nam, sau đó Sở Xây dựng ra quyết định xử phạt "
     "công trình nhà tôi, tôi khiếu nại quyết định này.", "SO_XAY_DUNG"),
    ("Tôi đã gửi đơn lên UBND huyện Lục Nam, rồi Sở Y tế ra quyết định xử phạt phòng "
     "khám của tôi, tôi khiếu nại quyết định này.", "SO_Y_TE"),  # another clause's maker
    ("Tôi khiếu nại quyết định cưỡng chế của huyện, nhà tôi ở xã Tân Mộc, huyện Lục Ngạn "
     "đã tự tháo dỡ phần lấn ra.", "HUYEN_219"),
    ("Tôi tố cáo giám đốc một sở của tỉnh giao các gói thầu cho công ty của người nhà.",
     "THANH_TRA"),
])
def test_competence_follows_the_kind_of_submission(letters: Router, text: str,
                                                   queue: str) -> None:
    decision = letters.route(RoutingInput(text))
    assert decision.queue_code == queue
    assert decision.rule == "competence"
    assert any("Luật" in r for r in decision.reasons)


@pytest.mark.parametrize("text", [
    # folded, "do xả" (because of dumping) and "đó xã" read like "do xã" (by the commune)
    "Tôi khiếu nại quyết định xử phạt do xả nước thải ra mương, xưởng của tôi ở xã Tân Mộc, "
    "huyện Lục Ngạn đã có hệ thống xử lý.",
    "toi khieu nai quyet dinh xu phat do xa thai ra suoi, xuong cua toi o xa Tan Moc huyen "
    "Luc Ngan",
])
def test_because_of_is_no_maker(letters: Router, text: str) -> None:
    decision = letters.route(RoutingInput(text))
    assert decision.queue_code == "SO_TN_MT", decision.reasons


def test_a_denunciation_of_a_business_is_routed_by_its_subject(letters: Router) -> None:
    decision = letters.route(RoutingInput(
        "Tôi tố cáo cơ sở sản xuất ở khu công nghiệp Quang Châu xả nước thải chưa xử lý "
        "ra mương."))
    assert decision.rule != "competence"
    assert decision.kind == "denunciation"


@pytest.mark.parametrize("text", [
    # the contractor is denounced; the department's inspectors are only asked to act
    "Kinh gui Thanh tra So Cong Thuong.\nChung toi to cao nha thau thi cong duong dien 35kV "
    "o thon Ha, xa Tan Moc dung cot cu, day sai chung loai. De nghi Thanh tra So Cong Thuong "
    "kiem tra, buoc lam lai.",
    # a named private person; the commune's chairman is whom the writer reported to
    "Tôi tố cáo ông Lê Văn K ở thôn Trại lấn chiếm lối đi chung. Tôi đã báo chủ tịch xã "
    "nhưng chưa thấy giải quyết.",
])
def test_a_body_asked_to_act_is_not_the_accused(letters: Router, text: str) -> None:
    decision = letters.route(RoutingInput(text))
    assert decision.kind == "denunciation"
    competence = next(s for s in decision.signals if s.name == "competence")
    assert competence.best is None


def test_a_filed_complaint_keeps_its_kind_and_the_kinds_time_limit(
        routing_service: IntakeService) -> None:
    view = routing_service.create_complaint(NewComplaint(
        Channel.CHAT, "Tôi khiếu nại quyết định thu hồi đất của UBND huyện Lục Nam vì bồi "
        "thường không thỏa đáng.", Channel.CHAT), actor="test")
    plain = routing_service.create_complaint(NewComplaint(
        Channel.CHAT, "Đèn đường thôn tôi ở xã Tân Mộc hỏng cả tháng.", Channel.CHAT),
        actor="test")
    with routing_service.db.reading() as session:
        kinds = {k.complaint_id: (k.kind, k.set_by) for k in session.query(ComplaintKind)}
    assert ("complaint", "system:routing") in kinds.values()
    assert ("feedback", "system:routing") in kinds.values()
    assert view.due_at is not None and plain.due_at is not None
    assert view.due_at - plain.due_at > timedelta(days=20)  # 30 vs 10 working days
    routed = next(e for e in routing_service.events(view.code) if e.kind == "routed")
    assert routed.data["kind"] == "complaint"
    assert any("loại đơn: khiếu nại" in r for r in routed.data["reasons"])


@pytest.mark.parametrize("text", [
    # "kết luận" of a committee is not an inspection's conclusion
    "Tôi khiếu nại vì kết luận của UBND huyện Lục Nam về ranh giới đất không đúng.",
    # a body asked for information is not the one whose decision is complained about
    "Tôi khiếu nại việc chậm chi trả bồi thường, đã hỏi Sở Tài chính nhưng chưa được trả lời.",
])
def test_competence_needs_the_decision_maker_or_an_inspection(letters: Router,
                                                             text: str) -> None:
    decision = letters.route(RoutingInput(text))
    competence = next(s for s in decision.signals if s.name == "competence")
    assert competence.best is None or competence.best.label not in ("THANH_TRA",
                                                                    "SO_TAI_CHINH")


@pytest.mark.parametrize(("text", "kind"), [
    ("Tôi không đồng ý với quyết định xử phạt của UBND xã vì nhà tôi không vi phạm",
     "complaint"),
    ("toi khong dong y ket qua binh xet ho ngheo nam nay cua thon, nha toi du dieu kien",
     "complaint"),
    ("Đề nghị xem xét lại kết luận thanh tra về việc giao đất dịch vụ ở xã", "complaint"),
    ("Tôi không đồng ý việc quán karaoke hát đến khuya", "feedback"),
    ("de nghi xem lai gio chay xe buyt tuyen Luc Ngan", "feedback"),
])
def test_disagreeing_with_a_decision_is_a_complaint_without_the_word(
        text: str, kind: str) -> None:
    """Luật Khiếu nại 2011, art. 2: asking to review a decision or a conclusion is a
    complaint, whether or not the writer says "khiếu nại"."""
    assert detect_kind(text).kind == kind


def test_ordinary_words_are_not_the_writers_address_or_a_kind() -> None:
    market = read_letter("Chợ ở xã Tân Mộc bán thịt ôi thiu, cán bộ nói ở cuộc họp sẽ xử lý")
    assert market.residence == () and "Tân Mộc" in market.incident
    assert detect_kind("Nhà bên cạnh xây tường to cao che hết nắng").kind == "feedback"
    assert detect_kind("Tôi không có ý tố cáo ai, chỉ phản ánh đường hỏng").kind == "feedback"


def test_addressee_lines_with_trailing_spaces_and_abbreviated_type_words() -> None:
    assert [a.text for a in read_letter("Kính gửi: Sở Y tế   \nTôi phản ánh").addressees] \
        == ["Sở Y tế"]
    letter = read_letter("Kính gửi: UBND TP. Bắc Giang. Tôi phản ánh đèn đường hỏng.")
    assert [a.text for a in letter.addressees] == ["UBND TP. Bắc Giang"]
    assert letter.incident.startswith("Tôi phản ánh")


def test_a_letter_to_a_commune_goes_there_though_the_writer_lives_elsewhere(
        letters: Router) -> None:
    """The writer chose the commune's committee: living in the city does not make the
    letter ambiguous between two places."""
    decision = letters.route(RoutingInput(
        "Kính gửi: Chủ tịch UBND xã Tân Mộc, huyện Lục Ngạn\n\n"
        "Tôi tên Phạm Văn Khải, hiện ở cùng con tại phường Trần Phú, TP Bắc Giang, có ruộng "
        "ở thôn Khuôn Giáp. Mương nội đồng chảy qua ruộng nhà tôi bị sạt lở từ mùa mưa năm "
        "ngoái, nước không vào được ruộng, vụ này bỏ trắng. Tôi đã báo trưởng thôn nhưng "
        "chưa ai đến xem.\nĐề nghị UBND xã cho người kiểm tra, sửa lại đoạn mương.\n"
        "Phạm Văn Khải"))
    assert decision.queue_code == "XA_07606"
    assert any("Kính gửi" in r and "Tân Mộc" in r for r in decision.reasons), decision.reasons


@pytest.mark.parametrize(("text", "code"), [
    ("sáng nào cũng tắc ở cổng chợ Vôi", "XA_07375"),
    ("khu vuc ga Kep xe om chiem het via he", "XA_07399"),
    ("ra chợ Chũ mua hàng thì bị ép giá", "XA_07525"),
])
def test_a_one_syllable_place_is_read_after_the_landmark_named_for_it(
        places: PlaceIndex, text: str, code: str) -> None:
    assert places.find(text)[0].place.queue_code == code


@pytest.mark.parametrize("text", [
    "tôi đưa tiền cho Thắng rồi",        # "cho" (give) typed with its marks is not "chợ"
    "cho voi an mia",                    # no capital: an ordinary phrase
    "chợ hôm nay đông",
])
def test_a_one_syllable_name_is_not_read_without_its_landmark(
        places: PlaceIndex, text: str) -> None:
    assert all(m.score < 0.6 for m in places.find(text))


def test_a_bank_branch_head_is_no_district_official(letters: Router) -> None:
    decision = letters.route(RoutingInput(
        "Tôi tố cáo trưởng phòng giao dịch ngân hàng ở huyện Lục Nam ép khách mua bảo hiểm."))
    assert decision.rule != "competence"


def test_the_committee_addressed_is_read_from_its_own_line(letters: Router) -> None:
    """Of two addressee lines, the one naming a committee gives the place."""
    decision = letters.route(RoutingInput(
        "Kính gửi:\n- Ông Trưởng thôn Khuôn Giáp, xã Tân Mộc\n- Chủ tịch UBND xã Võ Tranh\n\n"
        "Đường liên thôn qua xóm tôi hỏng nặng, mưa xuống là lầy, đề nghị xã cho sửa."))
    assert decision.queue_code == "XA_07489"


@pytest.mark.parametrize(("text", "own"), [
    ("Đường trục thôn tôi bong hết mặt bê tông.", "thôn tôi"),
    ("Cong rãnh xom em bi tac tu lau.", "xom em"),
    ("Ruộng nhà tôi ở xã Bảo Sơn bị ngập úng.", None),  # the words say where it is
    ("Tôi đi làm ở xã Bảo Sơn, đường ở đó hỏng.", None),
    ("Đường ra đồng xã tôi bong hết mặt.", "xã tôi"),
    ("Đường bản tôi sạt lở.", "bản tôi"),
    ("Cây đổ chắn đường, nhà ông ấy không xa tôi lắm.", None),  # far from me
    ("Bạn tôi kể đường ấy hỏng.", None),  # my friend
    ("duong nay khong xa toi lam", None),
    ("duong truc xa toi Tan Moc bong het mat", "xa toi"),  # before the commune's name
])
def test_the_writers_own_place_is_read_from_its_words(text: str, own: str | None) -> None:
    assert own_place_words(read_letter(text)) == own


@pytest.mark.parametrize(("text", "names"), [
    ("Tôi là Hoàng Văn Nam, trú tại thôn Đồng.", ["Hoàng Văn Nam"]),
    ("Họ và tên: Hoàng Văn Bình\nĐịa chỉ: thôn Đồng", ["Hoàng Văn Bình"]),
    ("Đề nghị buộc ông Hoàng Văn Nam trả lại lối đi.", ["Hoàng Văn Nam"]),
    ("Mong được giải quyết.\nTrân trọng,\nHoàng Văn Nam\n0912 000 000", ["Hoàng Văn Nam"]),
    ("toi la hoang van nam o thon Dong", ["hoang van nam"]),
    ("Tôi là người dân xã Hoàng Vân, đường hỏng.", []),  # a type word: a place
    ("de nghi Ong Hoang Van Nam tra lai loi di", ["Hoang Van Nam"]),
    ("duong o tp Bac Giang hong, xe co Hoang Van Thu cung tac", []),  # Bắc, có: no titles
    ("Trân trọng kính báo.\nĐường qua Hoàng Vân hỏng nặng từ lâu mà không ai sửa.", []),
])
def test_a_persons_name_is_read_from_its_cue_words(text: str, names: list[str]) -> None:
    assert [text[start:end] for start, end in person_name_spans(text)] == names


@pytest.mark.parametrize(("text", "names"), [
    # not a cue: "của tôi là" goes on with the opinion
    ("Ý kiến của tôi là đường Tân Mộc cần sửa ngay.", set()),
    # a letter names a person with a capital: "chủ hộ" is what the writer is
    ("Tôi là chủ hộ tại Tân Mộc, nhà hàng xóm mở loa.", set()),
    # under a closing: a place and a date, then the signer's name
    ("Trân trọng cảm ơn!\nTân Mộc, ngày 4 tháng 12 năm 2026\nNgười làm đơn\nNguyễn Văn A",
     {"Nguyễn Văn A"}),
    # under a closing, the story goes on: no name
    ("Xin cảm ơn ad trước ạ.\nĐường Tân Mộc hỏng nặng\nmưa xuống lầy lội lắm", set()),
])
def test_words_that_only_look_like_a_name_are_kept(text: str, names: set[str]) -> None:
    assert {text[start:end] for start, end in person_name_spans(text)} == names
    assert "Tân Mộc" in without_person_names(text)


@pytest.mark.parametrize("text", [
    "Tôi là Hoàng Văn Nam, trú tại thôn Đồng, xã Tân Mộc, huyện Lục Ngạn. Nhà hàng xóm mở "
    "loa hát đến nửa đêm, trẻ nhỏ không ngủ được. Đề nghị xử lý.",
    "Tôi trú tại thôn Đồng, xã Tân Mộc, huyện Lục Ngạn. Nhà hàng xóm mở loa hát đến nửa "
    "đêm, trẻ nhỏ không ngủ được. Đề nghị xử lý.\nTrân trọng,\nHoàng Văn Nam",
    # the name given once, then again bare on the last line
    "Tôi tên Hoàng Văn Nam, trú tại thôn Đồng, xã Tân Mộc, huyện Lục Ngạn. Nhà hàng xóm mở "
    "loa hát đến nửa đêm, trẻ nhỏ không ngủ được. Đề nghị xử lý.\nHoàng Văn Nam",
])
def test_the_writers_name_is_no_commune(letters: Router, text: str) -> None:
    """"Hoàng Văn" is also xã Hoàng Vân (Hiệp Hòa): in the writer's name it is no place,
    and the residence the letter gives decides."""
    decision = letters.route(RoutingInput(text))
    assert decision.queue_code == "XA_07606", decision.reasons
