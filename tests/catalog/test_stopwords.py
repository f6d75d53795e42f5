"""A question is read without its stopwords (pronouns, particles: "tôi", "được", "ở",
"về"), but only as they are written: a word with other marks that folds alike ("dược",
"ô tô", "bảo vệ", "chợ", "nhà") is what the citizen asks about. Typed without any marks,
"duoc" is either, and stays left out, unless the question is typed with its marks: then
a bare "thi" or "di" is meant as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.catalog.importers import parse_path
from intake.catalog.ranking import CONTINUOUS
from intake.catalog.search import (
    Analyzer,
    SearchIndex,
    _tokens,
    _tokens_as_written,
    load_synonyms,
)
from intake.catalog.service import DEMO_CATALOG
from intake.org.data_files import read_organisation


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_synonyms())


@pytest.mark.parametrize(("question", "read"), [
    ("chứng chỉ hành nghề dược được không", ["chung", "chi", "hanh", "nghe", "duoc"]),
    ("chung chi hanh nghe duoc duoc khong", ["chung", "chi", "hanh", "nghe"]),
    ("xe ô tô ở chợ", ["xe", "o", "to", "cho"]),
    ("xe o to o cho", ["xe", "to"]),
    ("bảo vệ thực vật về nhà", ["bao", "ve", "thuc", "vat", "nha"]),
    ("Tôi muốn đến tiến hành đền bù", ["tien", "hanh", "den", "bu"]),
    # shorthand the variants spell out is a stopword as its folded form is
    ("xin dc cấp ko", ["cap"]),
    ("giấy phép xây dựng nhá", ["giay", "phep", "xay", "dung"]),  # a particle, no house
    # a question typed with its marks means a bare word as written; typed bare, it may be
    # a stopword without its marks
    ("phúc khảo bài thi của con được không", ["phuc", "khao", "bai", "thi", "cua", "con"]),
    ("phuc khao bai thi cua con duoc khong", ["phuc", "khao", "bai", "cua", "con"]),
    ("phân chia di sản thừa kế", ["phan", "chia", "di", "san", "thua", "ke"]),
])
def test_a_question_loses_its_stopwords_as_written(analyzer: Analyzer, question: str,
                                                   read: list[str]) -> None:
    assert analyzer.words(question, question=True) == read


@pytest.mark.parametrize("text", [
    "Tôi cần x-quang, 25 m², đ.", "tié̂n đượ̀c q̃ua", "İstanbul", "abc_def 12ab 😀 phí",
    "giấy\u00adphép", "ＡＢＣ 123", "",
])
def test_a_question_is_split_into_the_same_words_as_before(text: str) -> None:
    """Reading each word as written splits a text where folding it did, even where its
    marks were not composed (a tone typed before a circumflex)."""
    assert [token for token, _ in _tokens_as_written(text)] == _tokens(text)


def test_the_name_words_a_question_never_holds(analyzer: Analyzer) -> None:
    assert analyzer.never_asked(
        "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam"
    ) == {"cho", "lam"}
    assert analyzer.never_asked("Cấp Chứng chỉ hành nghề dược") == frozenset()
    # a folded word the name says twice, once a stopword and once not, can be asked for
    assert analyzer.never_asked("Cấp phép cho chợ tạm và chợ đêm") == {"va"}


def test_a_question_naming_a_procedure_whole_covers_its_name_whole() -> None:
    """"dược" was read as the stopword "được": the pharmacist's licence was never covered
    whole, whatever the question said."""
    queues = {q.code: q.name for q in read_organisation().queues}
    index = SearchIndex(parse_path(Path(DEMO_CATALOG), queues).records)
    question = "cấp chứng chỉ hành nghề dược cần những gì"
    hits, vectors = index.candidates(question)
    [row] = [v for h, v in zip(hits, vectors, strict=True)
             if h.name == "Cấp Chứng chỉ hành nghề dược"]
    assert row[CONTINUOUS.index("name_cov")] == 1.0
    assert index.search(question, 1)[0].name == "Cấp Chứng chỉ hành nghề dược"
