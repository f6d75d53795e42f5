"""What a question rules out, what a building is, and giving a licence back: search on
the demo catalog with questions written for this test (in none of the training or
evaluation files)."""

from __future__ import annotations

import pytest

from intake.catalog.importers import parse_path
from intake.catalog.ranking import CONTINUOUS, asked_parts, done_parts, load_cues
from intake.catalog.search import EXAMPLES_FILE, SearchIndex, load_synonyms, read_examples
from intake.catalog.service import DEMO_CATALOG
from intake.org.data_files import read_organisation

# (question, expected code)
RULED_OUT = [
    # a place ruled out: the general procedure, not its industrial-zone variant
    ("doanh nghiệp may mặc của tôi đặt ở thị trấn, nằm ngoài khu công nghiệp, muốn mời "
     "một kỹ thuật viên người Hàn Quốc sang làm, giấy phép lao động cho anh ấy làm ở đâu",
     "BG-VL-002"),
    ("xưởng gỗ không nằm trong khu công nghiệp, nhà đầu tư Singapore cần giấy chứng nhận "
     "đăng ký đầu tư", "BG-DT-001"),
    # a variant ruled out: closing for good, not pausing
    ("chúng tôi muốn đóng hẳn công ty cổ phần, không tạm ngừng nữa, nộp hồ sơ gì",
     "BG-DN-007"),
    # a building that is no house: the construction work's permit
    ("xã muốn xây chợ mới hai tầng, hồ sơ giấy phép xây dựng nộp ở đâu", "BG-XD-001"),
    ("công ty định xây nhà máy chế biến gỗ ở xã, xin phép xây dựng ở cơ quan nào",
     "BG-XD-001"),
    # giving a household business's licence back ends it
    ("cửa hàng tạp hóa đóng rồi, tôi muốn trả lại giấy phép kinh doanh của hộ", "1.001266"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    queues = {q.code: q.name for q in read_organisation().queues}
    return SearchIndex(parse_path(DEMO_CATALOG, queues).records)


def test_these_questions_are_not_training_questions() -> None:
    trained = {q for q, _ in read_examples(EXAMPLES_FILE)}
    assert not trained & {q for q, _ in RULED_OUT}


@pytest.mark.parametrize(("question", "code"), RULED_OUT)
def test_what_the_question_rules_out_does_not_count(index: SearchIndex, question: str,
                                                    code: str) -> None:
    hits = index.search(question, 3)
    assert hits and hits[0].code == code, [(h.code, h.name) for h in hits]


@pytest.mark.parametrize(("text", "left"), [
    ("công ty ở thị trấn, không nằm trong khu công nghiệp, thuê chuyên gia",
     "công ty ở thị trấn,  ~ , thuê chuyên gia"),
    ("xuong o ngoai kcn thi xin o dau", "xuong o  ~  thi xin o dau"),
    ("xưởng nằm ngoài khu công nghiệp, xin ở đâu", "xưởng  ~ , xin ở đâu"),
    ("đóng cửa hẳn, không tạm ngừng nữa", "đóng cửa hẳn,  ~ nữa"),
    ("làm mới chứ không phải cấp lại", "làm mới  ~ "),
    # a refused wish, and the alternatives listed with it
    ("tôi không muốn cấp lại bằng lái, chỉ đổi", "tôi  ~ , chỉ đổi"),
    ("chung toi chua dinh ban nha ma muon tach thua", "chung toi  ~  ma muon tach thua"),
    ("không cần cấp lại hay cấp đổi gì, chỉ muốn gia hạn", " ~ , chỉ muốn gia hạn"),
    # ... but not into a new clause after "hay" that the refusal does not reach
    ("toi khong can cap lai hay em phai lam thu tuc gi", "toi  ~  hay em phai lam thu tuc gi"),
    ("chưa định bán hay chỉ cho thuê nhà", " ~  hay chỉ cho thuê nhà"),
    # ... and an everyday word whose bare form is such an opener goes on refusing:
    # "chung cư" (chúng), "tới" (tôi), "chi phí" (chỉ, chị), "ảnh" (anh)
    ("tôi không muốn mua đất hay chung cư", "tôi  ~ "),
    ("hồ sơ này không muốn nộp trực tuyến hay tới trực tiếp", "hồ sơ này  ~ "),
    ("không hỏi về lệ phí hay chi phí gì, chỉ hỏi thời hạn", " ~ , chỉ hỏi thời hạn"),
    ("không cần bản sao hay ảnh thẻ thì nộp gì", " ~  thì nộp gì"),
])
def test_rejections_are_blanked_up_to_their_clause(text: str, left: str) -> None:
    rejections = load_synonyms().rejections
    assert rejections is not None and rejections.blank(text) == left


@pytest.mark.parametrize("text", [
    "người nước ngoài không thuộc diện cấp giấy phép lao động",  # a procedure's name
    "bố tôi mất không có di chúc",  # a situation
    "vợ tôi là người nước ngoài",
    "không bán nữa",  # a stop, not a variant: the end cue reads it
    # last year, not "nằm ngoài" (outside): both are "nam ngoai" without marks
    "năm ngoái tôi đã nộp đơn xin cấp phép",
    "nam ngoai ong noi chau da lam so do cho ca nha",
])
def test_a_plain_negation_is_no_rejection(text: str) -> None:
    rejections = load_synonyms().rejections
    assert rejections is not None and rejections.blank(text) == text


# (question, expected code): a refused variant yields to what the question asks for
REFUSED = [
    ("Bằng lái xe máy của tôi vẫn còn tốt, tôi không muốn cấp lại bằng lái, chỉ hỏi giờ "
     "muốn học thêm bằng ô tô thì đăng ký ở đâu", "BG-GT-003"),
    ("Căn cước của tôi còn hạn, tôi không cần cấp đổi căn cước, chỉ muốn làm hộ chiếu để "
     "đi du lịch Thái Lan, nộp ở đâu", "BG-XNC-001"),
]


def test_refused_questions_are_not_training_questions() -> None:
    trained = {q for q, _ in read_examples(EXAMPLES_FILE)}
    assert not trained & {q for q, _ in REFUSED}


@pytest.mark.parametrize(("question", "code"), REFUSED)
def test_what_the_citizen_does_not_want_yields_to_what_they_ask(
        index: SearchIndex, question: str, code: str) -> None:
    hits = index.search(question, 3)
    assert hits and hits[0].code == code, [(h.code, h.name) for h in hits]


def test_a_word_that_holds_an_ask_marker_asks_nothing() -> None:
    """"định" asks in "tôi định mở quán", not in "quyết định", "thẩm định" or "gia dinh"
    (gia đình typed without marks): their clauses are no ask, and a done step stays one."""
    table = load_synonyms()
    assert asked_parts("Sở đã ra quyết định cấp phép cho xưởng, giờ tôi muốn mở chi nhánh",
                       table.ask_markers) == ["muốn mở chi nhánh"]
    assert asked_parts("ca gia dinh toi di du lich", table.ask_markers) == []
    assert asked_parts("năm nay tôi định mở quán", table.ask_markers) == ["định mở quán"]
    assert done_parts("kho lạnh đã có giấy phép, bản vẽ đã thẩm định", table.done_markers,
                      table.ask_markers) == ["kho lạnh đã có giấy phép", " bản vẽ đã thẩm định"]


def test_a_building_that_is_no_house_is_no_house(index: SearchIndex) -> None:
    assert "rieng" not in index.query_words("giáo họ xây nhà thờ mới")
    assert "cong" in index.query_words("xây nhà nghỉ 4 tầng")
    assert "rieng" in index.query_words("xây nhà 2 tầng ở thị trấn")


def test_giving_a_licence_back_is_no_reissue(index: SearchIndex) -> None:
    question = "muốn trả lại giấy phép kinh doanh"
    assert "again" not in load_cues().of_question(question)
    assert "lai" not in index.query_words(question)
    assert "cham" in index.analyzer.implied(question)


# (question, expected code): a step told as done names the procedure before the one asked
DONE_BEFORE = [
    ("nhà em đã có giấy phép xây dựng nhà ở từ tháng trước, giờ muốn tách mảnh đất làm "
     "hai thửa", "BG-DD-004"),
]


def test_done_steps_are_read_from_their_clauses() -> None:
    table = load_synonyms()
    assert done_parts("Xưởng đã có giấy chứng nhận an toàn thực phẩm từ năm 2020, nay muốn "
                      "mở thêm cửa hàng", table.done_markers, table.ask_markers) == [
        "xưởng đã có giấy chứng nhận an toàn thực phẩm từ năm 2020"]
    # a clause that asks is no done step, nor is an event ("đã mất")
    assert done_parts("tôi đã có sổ đỏ muốn tách thửa", table.done_markers,
                      table.ask_markers) == []
    assert done_parts("bố tôi đã mất năm ngoái", table.done_markers, table.ask_markers) == []


def test_a_question_without_a_request_word_asks() -> None:
    """A clause that asks with a question word only ("… thì làm sao", "nộp ở đâu",
    "cho em hỏi …") is what the question asks, as a whole, and no done step."""
    table = load_synonyms()
    assert asked_parts("Xưởng của tôi đã có giấy phép môi trường, vậy kho mới nộp hồ sơ ở "
                       "đâu?", table.ask_markers) == [" vậy kho mới nộp hồ sơ ở đâu"]
    assert asked_parts("bang lai cua toi bi rach het, thi lam sao", table.ask_markers) == [
        " thi lam sao"]
    assert done_parts("giấy phép đã được cấp thì gia hạn ở đâu", table.done_markers,
                      table.ask_markers) == []
    # a word that only tells a story is no question ("chưa lấy chồng lần nào")
    assert asked_parts("em chưa lấy chồng lần nào, năm nay mới 25 tuổi",
                       table.ask_markers) == []


def test_a_name_said_only_in_a_done_step_is_marked(index: SearchIndex) -> None:
    question = DONE_BEFORE[0][0]
    hits, vectors = index.candidates(question)
    column = CONTINUOUS.index("done_cov")
    done = {h.code: v[column] for h, v in zip(hits, vectors, strict=True)}
    assert done["BG-XD-H01"] > 0.5 and done["BG-DD-004"] == 0.0


@pytest.mark.parametrize(("question", "code"), DONE_BEFORE)
def test_a_done_step_is_not_what_is_asked(index: SearchIndex, question: str,
                                          code: str) -> None:
    assert not {q for q, _ in read_examples(EXAMPLES_FILE)} & {question}
    hits = index.search(question, 3)
    assert hits and hits[0].code == code, [(h.code, h.name) for h in hits]


@pytest.mark.parametrize("text", [
    # a yes/no question asks about the refusal: the procedure after it is what is asked
    "nhà cấp 4 ở nông thôn không cần giấy phép xây dựng đúng không",
    "nha cap 4 o nong thon khong can giay phep xay dung dung khong",
    "toi khong tinh tien su dung dat duoc khong",
    "hộ kinh doanh nhỏ không cần đăng ký thuế có được không ạ",
])
def test_a_refusal_asked_about_in_a_yes_no_question_rules_nothing_out(text: str) -> None:
    rejections = load_synonyms().rejections
    assert rejections is not None and rejections.blank(text) == text


def test_a_yes_no_question_in_another_clause_leaves_the_refusal() -> None:
    rejections = load_synonyms().rejections
    assert rejections is not None and rejections.blank(
        "tôi không muốn bán nhà, tặng cho con được không") == "tôi  ~ , tặng cho con được không"


@pytest.mark.parametrize("text", [
    # a negator whose last word begins a look-alike word is no negator there
    "tôi không định cư ở nước ngoài nữa",
    "tài khoản không định danh được",
    "giấy khai sinh chua dinh chinh lai ten",  # đính chính
    "gui don mot thang ma khong hoi am gi",  # hồi âm
])
def test_a_negator_inside_a_look_alike_word_refuses_nothing(text: str) -> None:
    rejections = load_synonyms().rejections
    assert rejections is not None and rejections.blank(text) == text


def test_an_ambiguous_question_word_typed_bare_asks_only_at_its_clause_end() -> None:
    """Bare "o dau" is also "ở đầu" (at the head of), "toi hoi" "tôi hơi" (I am a bit)."""
    table = load_synonyms()
    assert asked_parts("nha toi o dau ngo da co so do", table.ask_markers) == []
    assert asked_parts("toi hoi lo vi da co giay phep roi", table.ask_markers) == []
    assert asked_parts("xin giay phep kinh doanh o dau a", table.ask_markers) == [
        "xin giay phep kinh doanh o dau a"]
    assert asked_parts("nhà tôi ở đầu ngõ, tôi hỏi thủ tục tách thửa", table.ask_markers) == [
        " tôi hỏi thủ tục tách thửa"]
    assert asked_parts("cho em hoi thu tuc tach thua", table.ask_markers) == [
        "cho em hoi thu tuc tach thua"]


def test_an_apartment_typed_bare_does_not_hide_what_is_needed() -> None:
    """Bare "can ho" is "căn hộ" (an apartment) and "cần hộ (chiếu)", "cần hỗ (trợ)"."""
    table = load_synonyms()
    assert asked_parts("toi can ho chieu gap", table.ask_markers) == ["can ho chieu gap"]
    assert asked_parts("em can ho tro lam giay to", table.ask_markers) == [
        "can ho tro lam giay to"]
    assert asked_parts("tôi mua căn hộ chung cư năm ngoái", table.ask_markers) == []
