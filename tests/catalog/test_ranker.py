"""The learned re-ranker of procedure search: behaviour on the demo catalog with questions
written for this test (in none of the training or evaluation files), the variant cues,
the weight file, and the retraining that must give the committed weights."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from intake.catalog.importers import parse_path
from intake.catalog.ranking import (
    CONTINUOUS,
    RANKER_FILE,
    UNTOLD_CUE,
    RankerMismatch,
    asked_parts,
    feature_names,
    load_cues,
    load_ranker,
    read_ranker,
    weighed,
)
from intake.catalog.records import ProcedureRecord
from intake.catalog.search import EXAMPLES_FILE, SearchIndex, load_synonyms, read_examples
from intake.catalog.service import DEMO_CATALOG
from intake.org.data_files import read_organisation
from tests.catalog.conftest import FIXTURES

# (question, expected code): situations and variants, written for this test only
BEHAVIOUR = [
    # life events: the procedure is never named
    ("cháu nội tôi vừa mới ra đời ở trạm xá, bố mẹ cháu phải làm gì với xã", "1.001193"),
    ("bà cụ nhà tôi từ trần sáng nay tại nhà, gia đình cần báo chính quyền thế nào",
     "1.000656"),
    # foreign element
    ("vợ tôi mang quốc tịch Thái Lan, con chúng tôi sinh ở Bắc Giang, làm khai sinh ở đâu",
     "2.000528"),
    ("toi muon ket hon voi ban gai nguoi canada", "2.000806"),
    # đổi / cấp lại / cấp mới, licence classes
    ("bằng lái hạng B2 của tôi hết hạn tháng trước, giờ đổi ở đâu", "BG-GT-001"),
    ("đi chợ bị móc mất ví, mất luôn bằng lái xe máy A1", "BG-GT-002"),
    ("con tôi tròn 18 tuổi muốn học và thi bằng lái ô tô lần đầu", "BG-GT-003"),
    ("sổ đỏ nhà tôi bị mối xông rách nát, muốn đổi sổ mới", "BG-DD-003"),
    ("trộm vào nhà lấy mất sổ đỏ", "BG-DD-002"),
    # a long question whose content words could drown the name
    ("Tôi làm công nhân may ở khu công nghiệp đã 7 năm, tháng trước công ty khó khăn nên "
     "cho tôi cùng nhiều chị em khác thôi việc, tôi có sổ bảo hiểm đầy đủ, xin hỏi tôi có "
     "được nhận trợ cấp gì trong lúc chưa tìm được việc và nộp hồ sơ ở đâu", "BG-VL-001"),
    # where the citizen goes chooses between the same procedure at two levels
    ("năm sinh trong giấy khai sinh của tôi bị ghi sai, lên phòng tư pháp huyện sửa được "
     "không", "BG-HT-H03"),
    ("tên con gái tôi trong giấy khai sinh viết sai dấu, ra ubnd xã sửa thế nào",
     "BG-HT-009"),
    # school grades name the school level (lớp 6-9 trung học cơ sở, 10-12 phổ thông)
    ("con đang học lớp 7 ở Yên Dũng, nhà chuyển lên thành phố, xin học trường khác",
     "BG-GD-H02"),
    ("con tôi học xong lớp 9 năm nay, hồ sơ thi vào trường công", "BG-GD-004"),
    # a Vietnamese living abroad is a foreign element ("định cư bên {country}"); a
    # Vietnamese province that reads like a nationality without its marks is not
    ("anh ấy định cư bên Canada về quê, hai đứa muốn đăng ký làm vợ chồng", "2.000806"),
    ("cô ấy là người Lào Cai, về làm dâu Bắc Giang, đăng ký kết hôn ở xã", "1.000894"),
    # going abroad is where a Vietnamese citizen goes: the extract for citizens
    ("tôi sắp đi nước ngoài làm việc cần phiếu lý lịch tư pháp", "BG-LLTP-001"),
]


def _queues() -> dict[str, str]:
    return {q.code: q.name for q in read_organisation().queues}


@pytest.fixture(scope="module")
def demo() -> list[ProcedureRecord]:
    return parse_path(DEMO_CATALOG, _queues()).records


@pytest.fixture(scope="module")
def index(demo: list[ProcedureRecord]) -> SearchIndex:
    return SearchIndex(demo)


def test_behaviour_questions_are_not_training_questions() -> None:
    trained = {q for q, _ in read_examples(EXAMPLES_FILE)}
    assert not trained & {q for q, _ in BEHAVIOUR}


@pytest.mark.parametrize(("question", "code"), BEHAVIOUR)
def test_understands_the_situation(index: SearchIndex, question: str, code: str) -> None:
    hits = index.search(question, 3)
    assert hits and hits[0].code == code, [(h.code, h.name) for h in hits]


def test_reranking_beats_bm25_alone_on_these_questions(demo: list[ProcedureRecord],
                                                       index: SearchIndex) -> None:
    plain = SearchIndex(demo, rerank=False)
    ranked = sum(index.search(q, 1)[0].code == c for q, c in BEHAVIOUR)
    bm25 = sum(bool(h) and h[0].code == c for q, c in BEHAVIOUR for h in [plain.search(q, 1)])
    assert ranked == len(BEHAVIOUR) and bm25 < ranked


def test_routing_order_is_bm25(demo: list[ProcedureRecord], index: SearchIndex) -> None:
    """expand=False (routing) ignores the re-ranker: the same hits as without it."""
    plain = SearchIndex(demo, rerank=False)
    for question, _ in BEHAVIOUR:
        assert index.search(question, 5, expand=False) == plain.search(question, 5,
                                                                       expand=False)


def test_scores_are_positive_and_ordered(index: SearchIndex) -> None:
    hits = index.search("mất căn cước làm lại ở đâu", 5)
    scores = [h.score for h in hits]
    assert all(s > 0 for s in scores) and scores == sorted(scores, reverse=True)
    assert hits[0].code == "BG-CC-003"


def test_small_catalog_without_examples_still_ranks() -> None:
    records = parse_path(FIXTURES / "flat_small.json", _queues()).records
    index = SearchIndex(records, examples=())
    assert index.search("lam gks can gi", 3)[0].code == "BG-HT-001"


@pytest.mark.parametrize(("text", "cues"), [
    ("vợ tôi là người Úc", {"foreign"}),
    ("chong toi quoc tich han quoc", {"foreign"}),
    ("tôi sắp đi làm ở Nhật", set()),            # a destination is not a nationality
    ("mất bằng lái B2", {"lost", "licence_class"}),
    ("nhà ở mặt đường", set()),                   # mặt is not mất
    ("ông tôi qua đời", {"death"}),
    # false friends: without its marks a phrase reads like a nationality
    ("người lao động bị mất việc", {"lost"}),       # "người Lào" + "động"
    ("nguoi lao dong bi tai nan lao dong", set()),  # nor "người Bỉ" after it
    ("nguoi bi tai nan giao thong", set()),         # "người bị", not "người Bỉ"
    ("người Lào Cai chuyển về Bắc Giang", set()),   # a Vietnamese province
    ("người y tá trạm xá", set()),                  # not "người Ý"
    ("bố tôi là người Thái ở Sơn La", set()),       # one of Vietnam's own peoples
    ("người lao động nước ngoài", {"foreign"}),
    ("chồng em quốc tịch Bồ Đào Nha", {"foreign"}),
    ("anh ấy định cư bên Mỹ", {"foreign"}),
    ("người bị trộm mất ví", {"lost"}),
    ("tôi sắp đi nước ngoài làm việc", set()),       # a destination
    ("con đi du học nước ngoài", set()),
    ("anh ấy định cư ở nước ngoài", {"foreign"}),    # a residence abroad is one
    # a kinsman's "mất" is a death, not a lost paper, unless a lost thing follows
    ("mẹ tôi mất năm ngoái", {"death"}),
    ("chồng chị tôi đã mất vì tai nạn", {"death"}),
    ("ong noi minh vua mat tuan truoc", {"death"}),
    ("bố tôi mất ví ở chợ", {"lost"}),
    ("mẹ mất sổ đỏ rồi", {"lost"}),
    ("em mất bằng lái", {"lost"}),                   # "em" is also the citizen
    # a one-syllable cue whose bare form is another word counts only with its marks
    ("lam giay khai tu o dau", set()),               # "o" is "ở", not "ố"
    ("so do bi o vang het", {"exchange"}),
    ("mo cua hang tap hoa", set()),                  # "mở", not "mờ"
    ("the bi mo chu", {"exchange"}),
    ("de lam ho chieu", set()),                      # "để", not "đẻ"
    ("vo toi moi de", {"birth"}),
    ("so hong nha toi", set()),                      # "hồng", not "hỏng"
    ("gia han bang lai", {"extend"}),                # "lái", not "lại"
    ("thẻ bị hỏng", {"exchange"}),
    # "đổi", "mất", "thôi" typed bare are also "đời"/"đợi", "mặt", "thời": they count
    # bare only with what is exchanged or lost ("doi bang", "mat so"), or with marks
    ("ong noi toi qua doi tuan truoc", {"death"}),     # "đời", not "đổi"
    ("phai doi bao lau moi co", set()),                # "đợi"
    ("bang lai het han, doi bang o dau", {"exchange", "extend"}),
    ("đổi ở đâu", {"exchange"}),
    ("lam khai sinh co phai co mat ca hai vo chong", set()),  # "có mặt": no aunt died
    ("em lam mat bang lai", {"lost"}),
    ("bi mat so ho khau", {"lost"}),
    ("mat so do roi", {"lost"}),
    ("thoi han tam tru bao lau", set()),               # "thời hạn", not "thôi"
    ("hộ kinh doanh thôi không bán nữa", {"end"}),
    # the "mất" of time and money is no lost paper
    ("làm hộ chiếu mất bao lâu", set()),
    ("lam ho chieu mat may ngay", set()),
    ("cô tôi vừa mất", {"death"}),
    # life events told, not named; a birth or a divorce abroad is a foreign element
    ("tháng sau hai đứa tổ chức đám cưới", {"marriage"}),
    ("bé nhà tôi chào đời hôm qua", {"birth"}),
    ("con tôi sinh ra ở Nhật Bản", {"birth", "foreign"}),
    ("tôi đã ly dị ở tòa án Hàn Quốc", {"foreign"}),
])
def test_question_cues(text: str, cues: set[str]) -> None:
    assert load_cues().of_question(text) == cues


@pytest.mark.parametrize(("name", "cues"), [
    ("Cấp lại giấy phép lái xe", {"reissue", "licence"}),
    ("Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", {"exchange", "licence"}),
    ("Đăng ký khai sinh có yếu tố nước ngoài", {"foreign", "birth"}),
    ("Thu hồi giấy phép cho doanh nghiệp có vốn đầu tư nước ngoài", {"end", "foreign_capital"}),
    ("Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", {"first"}),
    ("Đăng ký khai sinh", {"birth"}),
    # the life event a procedure registers
    ("Đăng ký khai tử", {"death"}),
    ("Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", {"death"}),
    ("Cấp Giấy xác nhận tình trạng hôn nhân", {"marriage"}),
    ("Cấp thẻ Căn cước công dân", set()),
])
def test_procedure_cues(name: str, cues: set[str]) -> None:
    assert load_cues().of_procedure(name) == cues


@pytest.mark.parametrize(("text", "cues"), [
    ("lên phòng tư pháp huyện hỏi", {"at_district"}),
    ("ra ubnd xa xin giay", {"at_commune"}),
    ("nộp ở sở tư pháp", {"at_province"}),
    ("sổ đỏ nhà tôi", set()),                      # sổ is not sở
    # "lao động" and "y tế" are false friends of the foreign cue, not of a place
    ("tôi lên sở lao động hỏi thủ tục", {"at_province"}),
    ("phòng lao động huyện bảo tôi", {"at_district"}),
    ("lên sở y tế xin giấy phép hành nghề", {"at_province"}),
])
def test_place_cues(text: str, cues: set[str]) -> None:
    assert load_cues().of_question(text) == cues


def test_procedure_levels_are_cues_and_pair_only_with_places() -> None:
    cues = load_cues()
    assert cues.of_record("Đăng ký khai sinh", ("xa",)) == {"level_xa", "birth"}
    assert cues.of_record("Cấp lại giấy phép lái xe", ("tinh", "huyen")) == {
        "reissue", "licence", "level_tinh", "level_huyen"}
    pairs = cues.pairs()
    assert ("at_district", "level_huyen") in pairs and ("foreign", "foreign") in pairs
    assert not any(q.startswith("at_") != p.startswith("level_") for q, p in pairs)


def test_a_kinsmans_death_is_not_searched_as_a_lost_paper(index: SearchIndex) -> None:
    """"mất" after a kinsman is a death: its word is not searched (it matched "… do bị
    mất" in names), and an inheritance question is not answered with a lost land
    certificate; what a kinsman lost is still searched."""
    assert "mat" not in index.query_words("bố tôi mất năm ngoái")
    assert "mat" in index.query_words("bố tôi mất sổ đỏ")
    hits = index.search("bà ngoại tôi mất đã lâu, căn nhà và mảnh vườn còn đứng tên bà, "
                        "các con của bà muốn làm văn bản khai nhận di sản", 3)
    assert hits[0].code == "BG-CT-004", [(h.code, h.name) for h in hits]
    assert not [h.name for h in hits if "bị mất" in h.name]


def test_a_kinsmans_paper_lost_is_no_death(index: SearchIndex) -> None:
    """A kinsman after "của" owns what was lost: "giấy khai sinh của mẹ em mất" is a lost
    birth certificate (re-registration), not a death; "bà nội của em mất" still is one."""
    question = ("giay khai sinh ban chinh cua me em mat tu lau roi, so goc o xa cung hu "
                "hong het, gio muon co lai giay khai sinh cho me thi lam nhu nao")
    assert "mat" in index.query_words(question)
    assert index.search(question, 1)[0].code == "1.004884"
    assert "mat" not in index.query_words("bà nội của em mất tháng trước")


@pytest.mark.parametrize(("text", "cue"), [
    ("giấy khai sinh của bố mẹ em mất từ lâu rồi", "lost"),  # a kinsman after a kinsman
    ("sổ hộ khẩu của ông bà em mất", "lost"),
    ("giấy khai sinh của  mẹ em mất", "lost"),  # two spaces
    ("bố của chồng tôi mới mất, làm giấy chứng tử", "death"),  # "của" after a kinsman
    ("bà ngoại của vợ tôi mới mất", "death"),
    ("chồng của chị gái tôi mất", "death"),
])
def test_whose_mat_it_is(text: str, cue: str) -> None:
    """After "của", a kinsman owns the lost thing; a kinsman's kinsman still dies."""
    cues = load_cues().of_question(text)
    assert cue in cues and ({"lost", "death"} - {cue}).isdisjoint(cues), cues


def test_a_question_that_tells_no_situation_is_weighed_as_untold() -> None:
    """The ranker reads "untold" when a question's cues tell no situation (where one
    goes is none), and weighs it against every variant a name says."""
    assert weighed(frozenset()) == {UNTOLD_CUE}
    assert weighed(frozenset({"at_commune"})) == {"at_commune", UNTOLD_CUE}
    assert weighed(frozenset({"lost"})) == {"lost"}
    pairs = load_cues().pairs()
    assert (UNTOLD_CUE, "reissue") in pairs and (UNTOLD_CUE, "exchange") in pairs
    assert not [p for q, p in pairs if q == UNTOLD_CUE and p.startswith("level_")]


def test_qua_doi_is_not_searched_as_doi(index: SearchIndex) -> None:
    """"qua đời" typed bare is "qua doi": its "doi" matched "Cấp đổi …" names. It is one
    word on both sides ("quađời"), and a death told bare gives no exchange variant."""
    assert "doi" not in index.query_words("bo toi qua doi thang truoc")
    hits = index.search("ông ngoại mình qua doi tuần trước ở nhà, giờ ra xã làm giấy gì", 3)
    assert hits[0].code == "1.000656", [(h.code, h.name) for h in hits]
    assert not [h.name for h in hits if "đổi" in h.name.lower()]


def test_oto_typed_as_one_word_is_o_to(index: SearchIndex) -> None:
    """"oto" ("ôtô") is how many type "ô tô": it reads as the names' two syllables."""
    assert {"o", "to"} <= set(index.query_words("xin giay phep kinh doanh van tai bang oto"))
    assert index.search("xin giay phep kinh doanh van tai bang oto", 1)[0].code == "BG-GT-005"


def test_time_is_no_lost_paper(index: SearchIndex) -> None:
    """"mất bao lâu" asks how long: the passport itself, not the report of its loss."""
    for question in ("làm hộ chiếu mất bao lâu", "lam ho chieu mat may ngay"):
        assert index.search(question, 1)[0].code == "BG-XNC-001"


@pytest.mark.parametrize(("question", "code"), [
    ("vợ tôi là công dân Lào, con chúng tôi sinh ở Bắc Giang, xin giấy khai sinh", "2.000528"),
    ("ban gai toi la cong dan Nhat, tui toi muon lam giay ket hon", "2.000806"),
    ("chồng tôi có thẻ vĩnh trú bên đó, con chúng tôi sinh ở Bắc Giang, làm khai sinh",
     "2.000528"),
])
def test_the_foreign_cue_implies_the_foreign_variant(index: SearchIndex, question: str,
                                                     code: str) -> None:
    """Every way the cues read a nationality ("công dân Lào", not in the situations
    list) implies "yếu tố nước ngoài" (``cue_implies``), as a situation would."""
    query = index._analyse(question, True, with_examples=False)
    assert query is not None and "foreign" in query.cues
    assert {"yeu", "to", "nuoc", "ngoai"} <= set(query.all_words)
    assert index.search(question, 1)[0].code == code
    plain = index._analyse("con chúng tôi sinh ở Bắc Giang", True, with_examples=False)
    assert plain is not None and "ngoai" not in plain.all_words


@pytest.mark.parametrize(("question", "code"), [
    ("chồng tôi là người Hàn, chúng tôi mới có con gái đầu lòng sinh tại Bắc Giang", "2.000528"),
    ("con gái tôi sinh ra ở Đài Loan năm ngoái, nay về quê chưa có giấy khai sinh Việt Nam",
     "2.000528"),
])
def test_a_birth_told_meets_the_birth_registration(index: SearchIndex, question: str,
                                                   code: str) -> None:
    """A birth told ("sinh tại", "sinh ra ở", "đầu lòng") meets the procedures whose names
    register a birth, not the foreign marriage the spouse's nationality also fits."""
    assert index.search(question, 1)[0].code == code


def test_what_a_question_asks_follows_its_markers() -> None:
    markers = load_synonyms().ask_markers
    assert asked_parts("Công ty TNHH của tôi ở Việt Yên, do thua lỗ tôi muốn giải thể "
                       "doanh nghiệp. Xin hỏi hồ sơ gồm gì?", markers) == [
        "muốn giải thể doanh nghiệp", "xin hỏi hồ sơ gồm gì"]
    assert asked_parts("thu tuc cap lai the can cuoc", markers) == ["thu tuc cap lai the can cuoc"]
    # a question word asks too, with its whole clause; a clause with neither asks nothing
    assert asked_parts("mất căn cước làm lại ở đâu", markers) == [
        "mất căn cước làm lại ở đâu"]
    assert asked_parts("mất căn cước từ tháng trước", markers) == []


def test_a_long_questions_ask_outweighs_its_background(index: SearchIndex) -> None:
    """A letter names the company's type before it says what it wants: the name in the
    clause of "muốn …" (ask_cov) counts, the company's type told before does not."""
    question = ("Kính gửi Sở Kế hoạch và Đầu tư, công ty trách nhiệm hữu hạn một thành viên "
                "của tôi ở Việt Yên làm ăn thua lỗ hai năm liền, nay tôi muốn giải thể doanh "
                "nghiệp, xin hỏi hồ sơ gồm những gì")
    hits, vectors = index.candidates(question)
    column = CONTINUOUS.index("ask_cov")
    ask = {h.code: v[column] for h, v in zip(hits, vectors, strict=True)}
    assert ask["BG-DN-007"] == 1.0 and ask["BG-DN-001"] == 0.0
    assert index.search(question, 1)[0].code == "BG-DN-007"


def test_a_longer_situation_uses_up_its_words(index: SearchIndex) -> None:
    """"học xong lớp 9" implies the upper secondary intake, and its "lớp 9" (a lower
    secondary grade) does not imply the lower secondary school as well."""
    implied = index.analyzer.implied("con tôi học xong lớp 9")
    assert "pho" in implied and "so" not in implied
    assert "so" in index.analyzer.implied("con tôi đang học lớp 8")


@pytest.mark.parametrize(("text", "implied"), [
    ("vợ tôi là người Bồ Đào Nha", "yeu to nuoc ngoai"),      # any listed nationality
    ("anh ấy định cư bên Úc", "yeu to nuoc ngoai"),
    ("lấy chồng Đài Loan", "dang ky ket hon yeu to nuoc ngoai"),
    ("người lao động nghỉ việc", "tro cap that nghiep"),      # not "người Lào"
    ("nguoi lao dong bi tai nan lao dong", "giam dinh thuong tat tai nan lao dong"),
    ("người bị liệt nửa người", "xac dinh muc do khuyet tat"),
    ("người Lào Cai về đây ở", ""),
])
def test_situations_by_nationality_and_false_friends(index: SearchIndex, text: str,
                                                     implied: str) -> None:
    assert " ".join(index.analyzer.implied(text)) == implied


@pytest.mark.parametrize("question", [
    "nguoi lao dong o cong ty bi cat giam, nghi viec roi thi nhan tro cap o dau",
    "nguoi lao dong bi tai nan lao dong khi dang lam, giam dinh o dau",
    "con tôi đi du học nước ngoài cần bản sao giấy khai sinh",
    "tôi đi nước ngoài 2 năm có phải khai báo tạm vắng không",
])
def test_a_worker_is_no_foreign_element(index: SearchIndex, question: str) -> None:
    """"người lao động" once matched "người Lào", and going abroad the words "nước
    ngoài" of the foreign variants: they came up for Vietnamese citizens' questions."""
    assert not [h.name for h in index.search(question, 3) if "nước ngoài" in h.name]


def test_weight_file_loads_and_matches_the_features() -> None:
    ranker = load_ranker()
    assert ranker is not None
    assert ranker.features == feature_names(load_cues())
    assert all(math.isfinite(w) for w in ranker.weights)
    assert any(abs(w) > 0.1 for w in ranker.weights)


def test_weight_file_for_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(RANKER_FILE.read_text(encoding="utf-8"))
    data["features"] = [*data["features"][:-1], "q:unknown*p:unknown"]
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RankerMismatch):
        read_ranker(path)


def test_training_data_names_demo_procedures(demo: list[ProcedureRecord]) -> None:
    examples = read_examples(EXAMPLES_FILE)
    codes = {r.code for r in demo}
    assert len(examples) >= 600 and {c for _, c in examples} <= codes
    assert len({q for q, _ in examples}) == len(examples)


def test_retraining_gives_the_committed_weights() -> None:
    """The committed ranker.json is what the committed training data gives."""
    from intake.catalog.training import differences, retrain

    assert differences(read_ranker(RANKER_FILE), retrain(_queues())) == []


def test_a_long_question_is_also_read_for_what_it_asks(demo: list[ProcedureRecord]) -> None:
    """A long story is compared with the example questions as a whole and by its second
    half (the ask): here the story reads like a birth, the ask like a lost licence."""
    examples = [("vợ tôi vừa sinh em bé ở bệnh viện huyện", "1.001193"),
                ("bị móc túi mất bằng lái xe làm lại ở đâu", "BG-GT-002")]
    index = SearchIndex(demo, examples=examples)
    story = ("vợ tôi vừa sinh em bé ở bệnh viện huyện được ba hôm, sáng qua tôi đi đón "
             "hai mẹ con thì bị móc túi ngoài cổng, giờ làm lại bằng lái xe ở đâu")
    by_code = _features_by_code(index, story, "examples", "examples_tail")
    whole, tail = 0, 1
    assert by_code["1.001193"][whole] == 1.0 > by_code["1.001193"][tail]
    assert by_code["BG-GT-002"][tail] == 1.0 > by_code["BG-GT-002"][whole]
    short = _features_by_code(index, "bằng lái xe bị mất", "examples", "examples_tail")
    assert all(row[whole] == row[tail] for row in short.values())


def _features_by_code(index: SearchIndex, question: str, *features: str,
                      ) -> dict[str, tuple[float, ...]]:
    """Per candidate's code, the values of the named re-ranker features for a question."""
    names = feature_names(load_cues())
    hits, rows = index.candidates(question)
    return {h.code: tuple(row[names.index(f)] for f in features)
            for h, row in zip(hits, rows, strict=True)}


def test_a_question_told_across_a_procedures_examples_reads_like_it(
        demo: list[ProcedureRecord]) -> None:
    """Each example of the birth says half of the question, and another procedure has
    one example that says its first half and a little of the second: the birth's
    examples taken together say more of the question (relative to the best)."""
    examples = [("vợ tôi vừa sinh em bé", "1.001193"),
                ("giấy chứng sinh của bệnh viện", "1.001193"),
                ("vợ tôi vừa sinh em bé, giấy chứng sinh", "BG-GT-002")]
    index = SearchIndex(demo, examples=examples)
    by_code = _features_by_code(index, "vợ tôi vừa sinh em bé, giấy chứng sinh của bệnh viện",
                                "examples", "examples_pooled")
    closest, pooled = 0, 1
    assert by_code["BG-GT-002"][closest] > 0
    assert by_code["1.001193"][pooled] == 1.0 > by_code["BG-GT-002"][pooled] > 0


def test_a_long_questions_ask_is_compared_with_every_example_of_a_procedure(
        demo: list[ProcedureRecord]) -> None:
    """The pooled similarity is read for a long question's second half too."""
    examples = [("vợ tôi vừa sinh em bé ở bệnh viện huyện", "1.001193"),
                ("bị móc túi mất bằng lái", "BG-GT-002"),
                ("làm lại bằng lái xe ở đâu", "BG-GT-002")]
    index = SearchIndex(demo, examples=examples)
    story = ("vợ tôi vừa sinh em bé ở bệnh viện huyện được ba hôm, sáng qua tôi đi đón "
             "hai mẹ con thì bị móc túi ngoài cổng, giờ làm lại bằng lái xe ở đâu")
    by_code = _features_by_code(index, story, "examples_pooled", "examples_pooled_tail")
    whole, tail = 0, 1
    assert by_code["BG-GT-002"][tail] > by_code["1.001193"][tail]
    assert by_code["1.001193"][whole] > 0 and by_code["BG-GT-002"][whole] > 0
