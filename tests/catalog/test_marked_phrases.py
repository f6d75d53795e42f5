"""A synonym or situation written with its marks in ``synonyms.yml`` ("cưới", "sổ đỏ",
"cưới vợ") is read in a question typed with its marks only as it may be spelled: "kể
chuyện cười" (a joke) is no wedding, "số đo" (a measurement) no land certificate, "lớn"
(big) no pig. Typed without marks, a word may be either, and a bare word inside a marked
question is a lazy one ("tôi mới cuoi vợ"); so is a mark left off ("cuới"), hỏi and ngã
confused ("sỗ đỏ") or the tone on the other vowel ("hoà", "Thuỵ"). The table's phrases
are read in the variants' spelling as questions are ("liệt sĩ" is "liệt sỹ")."""

from __future__ import annotations

import pytest

from intake.catalog.search import Analyzer, SynonymTable, load_synonyms
from intake.catalog.service import DEMO_CATALOG, CatalogService
from intake.text import may_be_spelled

WEDDING = ["ket", "hon"]
LAND_CERTIFICATE = ["giay", "chung", "nhan", "quyen", "su", "dung", "dat"]


@pytest.fixture(scope="module")
def table() -> SynonymTable:
    return load_synonyms()


@pytest.fixture(scope="module")
def analyzer(table: SynonymTable) -> Analyzer:
    return Analyzer(table)


def _holds(words: list[str], phrase: list[str]) -> bool:
    return any(words[i:i + len(phrase)] == phrase for i in range(len(words)))


@pytest.mark.parametrize(("question", "phrase", "read"), [
    ("mới cưới vợ xong thì làm giấy tờ gì", WEDDING, True),
    ("kể chuyện cười đi", WEDDING, False),
    ("ke chuyen cuoi di", WEDDING, True),  # bare: "cuoi" may be "cưới"
    ("tôi mới cuoi vợ, cần làm giấy tờ gì", WEDDING, True),  # a lazy word in marked text
    ("tôi muốn cuới vợ thì làm giấy gì", WEDDING, True),  # a mark left off
    ("mất sỗ đỏ làm lại ở đâu", LAND_CERTIFICATE, True),  # ngã for hỏi
    ("mất sổ đỏ rồi làm lại ở đâu", LAND_CERTIFICATE, True),
    ("mat so do roi lam lai o dau", LAND_CERTIFICATE, True),
    ("muốn làm bìa mới theo số đo mới", LAND_CERTIFICATE, False),
])
def test_a_synonym_written_with_marks_is_read_only_as_spelled(
        analyzer: Analyzer, question: str, phrase: list[str], read: bool) -> None:
    assert _holds(analyzer.words(question, question=True), phrase) is read


@pytest.mark.parametrize(("question", "implied"), [
    ("Nó vừa cưới vợ tháng trước, giờ làm giấy tờ gì", True),
    ("Nó cứ cười vợ mãi vì nấu ăn dở", False),
    ("no vua cuoi vo thang truoc", True),
])
def test_a_situation_written_with_marks_is_read_only_as_spelled(
        analyzer: Analyzer, question: str, implied: bool) -> None:
    assert _holds(analyzer.implied(question), WEDDING) is implied


@pytest.mark.parametrize(("typed", "spelled"), [
    ("hoà", "hòa"), ("thuỷ", "thủy"), ("KHỎE", "khoẻ"),  # the tone on either vowel
    ("cuới", "cưới"), ("cươi", "cưới"), ("dỏ", "đỏ"),  # a mark left off
    ("sỗ", "sổ"), ("sữa", "sửa"),  # hỏi and ngã confused
    ("chíp", "chip"),  # a loanword the table writes bare
])
def test_a_word_may_be_typed_short_of_its_spelling(typed: str, spelled: str) -> None:
    assert may_be_spelled(typed, spelled)


@pytest.mark.parametrize(("typed", "spelled"), [
    ("cười", "cưới"), ("cưỡi", "cưới"), ("lớn", "lợn"), ("số", "sổ"), ("để", "đẻ"),
    ("sử", "sự"), ("tày", "tây"), ("cầm", "cắm"), ("cuội", "cưới"),
])
def test_a_mark_the_spelling_lacks_makes_another_word(typed: str, spelled: str) -> None:
    assert not may_be_spelled(typed, spelled)


def test_a_phrase_also_written_bare_matches_however_it_is_typed(table: SynonymTable) -> None:
    """Only phrases the table writes with marks, and never bare, keep spellings: an
    acronym ("cmnd") matches any way it comes."""
    assert ("cuoi",) in table.marked_synonyms
    assert ("cmnd",) in table.synonyms and ("cmnd",) not in table.marked_synonyms


@pytest.mark.parametrize(("question", "phrase"), [
    ("nhà tôi có bác là liệt sĩ, hằng năm được trợ cấp gì", ["tro", "cap", "tho", "cung"]),
    ("chứng chỉ hành nghề dược sĩ", ["hanh", "nghe", "duoc"]),
])
def test_a_phrase_with_a_variant_syllable_is_read_as_questions_are(
        analyzer: Analyzer, question: str, phrase: list[str]) -> None:
    """"sĩ", "kí", "lí" are read "sy", "ky", "ly" in questions; the table's synonyms
    ("dược sĩ") and situations ("liệt sĩ") too, or they never matched."""
    read = analyzer.words(question, question=True) + analyzer.implied(question)
    assert _holds(read, phrase)


@pytest.mark.parametrize("question", [
    "tôi cưới vợ người Thuỵ Điển", "tôi cưới vợ người Thụy Điển",
    "chồng tôi là người Thụy Sĩ", "chong toi la nguoi thuy si",
])
def test_a_nationality_is_read_however_its_tone_is_placed(analyzer: Analyzer,
                                                          question: str) -> None:
    assert _holds(analyzer.implied(question), ["yeu", "to", "nuoc", "ngoai"])


def test_a_joke_is_not_answered_with_the_marriage_procedure(
        catalog: CatalogService) -> None:
    """Typed with its marks, "cười" (laugh) folded to "cưới" (wed) and the lookup
    answered "Đăng ký kết hôn" to a request for a joke."""
    catalog.import_file(DEMO_CATALOG)
    found = catalog.lookup("kể chuyện cười đi")
    assert found.best is None or "kết hôn" not in found.best.name
    assert all("kết hôn" not in h.name for h in found.alternatives)
    wedding = catalog.lookup("tháng sau tôi cưới vợ, giấy tờ làm ở xã nào")
    named = [wedding.best.name] if wedding.best else [h.name for h in wedding.alternatives]
    assert "Đăng ký kết hôn" in named
