"""Search: diacritics, abbreviations, typos, ranking, and bad questions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from intake.catalog.errors import InvalidQuery
from intake.catalog.importers import parse_path
from intake.catalog.search import SearchIndex, load_synonyms
from intake.org.data_files import read_organisation
from tests.catalog.conftest import FIXTURES


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    queues = {q.code: q.name for q in read_organisation().queues}
    return SearchIndex(parse_path(FIXTURES / "flat_small.json", queues).records)


@pytest.mark.parametrize(("question", "code"), [
    ("đăng ký khai sinh", "BG-HT-001"),
    ("dang ky khai sinh", "BG-HT-001"),
    ("lam gks can gi", "BG-HT-001"),
    ("khai sihn cho con", "BG-HT-001"),
    ("cccd mất bao lâu", "BG-CA-002"),
    ("làm căn cước gắn chip", "BG-CA-002"),
    ("lltp o dau", "BG-LLTP-001"),
    ("li lich tu phap", "BG-LLTP-001"),
    ("Tôi sắp đi xuất khẩu lao động, công ty yêu cầu nộp phiếu lý lịch tư pháp, "
     "vậy tôi phải làm ở đâu và mất bao lâu?", "BG-LLTP-001"),
])
def test_finds_the_procedure(index: SearchIndex, question: str, code: str) -> None:
    hits = index.search(question, 3)
    assert hits and hits[0].code == code, [h.as_dict() for h in hits]


@pytest.mark.parametrize("question", ["", "   ", "?!...", "🙂🙂🙂", "x" * 10_000])
def test_unusable_questions_raise_invalid_query(index: SearchIndex, question: str) -> None:
    with pytest.raises(InvalidQuery) as caught:
        index.search(question)
    assert caught.value.message_vi  # a Vietnamese answer for the citizen


def test_unknown_words_match_nothing_confidently(index: SearchIndex) -> None:
    assert all(h.confidence < 0.5 for h in index.search("xyz qwerty"))


def test_empty_index_returns_nothing() -> None:
    assert SearchIndex([]).search("khai sinh") == []


def test_the_committed_examples_are_read_once_per_synonym_table(index: SearchIndex) -> None:
    """A catalog refresh reuses the analysed example questions; a different synonym
    table reads them anew, and finds a birth story as the shared index does."""
    refreshed = SearchIndex(index.records[:2])
    assert refreshed.examples is index.examples
    other = SearchIndex(index.records, replace(load_synonyms(), variants={}))
    assert other.examples is not index.examples
    story = "vợ tôi vừa sinh em bé ở bệnh viện, giờ làm giấy tờ cho cháu thế nào"
    assert other.search(story, 1)[0].code == index.search(story, 1)[0].code == "BG-HT-001"


def test_explained_counts_the_words_of_a_procedure_and_of_its_examples(
        index: SearchIndex) -> None:
    """A word only the examples hold counts; a procedure without examples has no
    share (None), and the example words are words, not the index's word pairs."""
    examples = [("vợ tôi vừa sinh em bé ở bệnh viện", "BG-HT-001")]
    told = SearchIndex(index.records, examples=examples)
    assert all("_" not in w for w in told.examples.words_of["BG-HT-001"])
    hits = {h.code: h for h in told.search("vợ tôi vừa sinh em bé", 5)}
    assert hits["BG-HT-001"].explained == pytest.approx(1.0)
    assert all(h.explained is None for code, h in hits.items() if code != "BG-HT-001")
    bare = {h.code: h for h in SearchIndex(index.records, examples=[]).search(
        "vợ tôi vừa sinh em bé", 5)}
    assert all(h.explained is None for h in bare.values())
