"""A synonym or situation written with its marks in ``synonyms.yml`` ("cưới", "sổ đỏ",
"cưới vợ") is read in a question typed with its marks only as it is spelled there: "kể
chuyện cười" (a joke) is no wedding, "số đo" (a measurement) no land certificate, "lớn"
(big) no pig. Typed without marks, a word may be either, and a bare word inside a marked
question is a lazy one ("tôi mới cuoi vợ"). Where the tone mark sits does not matter:
"hoà" and "hòa" are one spelling."""

from __future__ import annotations

import pytest

from intake.catalog.search import Analyzer, SynonymTable, load_synonyms
from intake.catalog.service import DEMO_CATALOG, CatalogService
from intake.text import spelling

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


def test_where_the_tone_mark_sits_is_one_spelling() -> None:
    assert spelling("hoà") == spelling("hòa") and spelling("thuỷ") == spelling("thủy")
    assert spelling("khoẻ") == spelling("KHỎE")
    assert spelling("cười") != spelling("cưới") and spelling("lớn") != spelling("lợn")
    assert spelling("đẻ") != spelling("để") != spelling("de")


def test_a_phrase_also_written_bare_matches_however_it_is_typed(table: SynonymTable) -> None:
    """Only phrases the table writes with marks, and never bare, keep spellings."""
    assert ("cuoi",) in table.marked_synonyms
    bare_only = [k for k in table.synonyms if k not in table.marked_synonyms]
    assert bare_only  # acronyms and shorthand ("cmnd", "gplx") match any way they come
    assert all(all(part.isascii() for part in key) for key in bare_only)


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
