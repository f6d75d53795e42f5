"""Answers: attributes from entity or keywords, formatting, splitting, lookups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.catalog.answers import answer, attribute_of, split_message
from intake.catalog.search import Hit
from intake.catalog.service import (
    DEMO_CATALOG,
    EXPLAINED_FLOOR,
    GUESS_SCORE,
    LEAD_FLOOR,
    LEAD_FLOOR_TOLD,
    LONG_QUESTION_WORDS,
    CatalogService,
    judge,
)
from tests.catalog.conftest import FIXTURES


@pytest.mark.parametrize(("entity", "text", "expected"), [
    ("fee", "bất kỳ", "fee"),
    (None, "còn lệ phí thì sao?", "fee"),
    (None, "lam cccd mat bao lau", "duration"),
    (None, "cần giấy tờ gì", "documents"),
    (None, "nộp ở đâu", "agency"),
    (None, "nop qua mang duoc ko", "online"),
    (None, "các bước làm", "steps"),
    (None, "nhận kết quả", "result"),
    (None, "cần điều kiện gì", "conditions"),
    (None, "đăng ký khai sinh", None),
    ("nonsense", "đăng ký khai sinh", None),
])
def test_attribute_of(entity: str | None, text: str, expected: str | None) -> None:
    assert attribute_of(entity, text) == expected


def test_split_message_keeps_lines_and_limit() -> None:
    text = "\n".join(f"dòng {i} " + "x" * 50 for i in range(300)) + "\n" + "y " * 5000
    pieces = split_message(text, 4096)
    assert all(len(p) <= 4096 for p in pieces) and len(pieces) > 3
    assert "".join(pieces).replace("\n", "").replace(" ", "") == \
        text.replace("\n", "").replace(" ", "")


def test_answers_name_the_procedure_and_code(catalog: CatalogService) -> None:
    catalog.import_file(FIXTURES / "flat_small.json")
    record = catalog.get("BG-LLTP-001")
    fee = answer(record, "fee")
    assert "BG-LLTP-001" in fee and "200.000" in fee and "lý lịch tư pháp" in fee
    assert "Tờ khai yêu cầu" in answer(record, "documents")
    assert "Thời hạn" in answer(record, None)


def test_lookup_best_ambiguous_and_none(catalog: CatalogService, tmp_path: Path) -> None:
    rows = json.loads((FIXTURES / "flat_small.json").read_text(encoding="utf-8"))
    rows += [{**rows[0], "ma_tthc": "BG-HT-002", "ten_tthc": "Đăng ký kết hôn", "tu_khoa": []},
             {**rows[0], "ma_tthc": "BG-HT-003", "ten_tthc": "Đăng ký khai tử", "tu_khoa": []}]
    path = tmp_path / "more.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    catalog.import_file(path)
    found = catalog.lookup("làm giấy khai sinh cần gì")
    assert found.best is not None and found.best.code == "BG-HT-001"
    vague = catalog.lookup("thủ tục đăng ký")
    assert vague.ambiguous and 1 < len(vague.alternatives) <= 3
    nothing = catalog.lookup("xin giấy phép bay flycam")
    assert nothing.best is None and not nothing.ambiguous


@pytest.mark.parametrize(("question", "word"), [
    # a situation shares few words with the procedure it implies; the re-ranker is sure
    ("vợ tôi mới sinh em bé được một tuần, giờ phải đi làm giấy gì cho cháu", "khai sinh"),
    ("bố tôi vừa mất hôm qua, gia đình cần làm giấy tờ gì ở xã", "khai tử"),
])
def test_a_life_event_question_gets_an_answer_or_a_choice(
        catalog: CatalogService, question: str, word: str) -> None:
    catalog.import_file(DEMO_CATALOG)
    found = catalog.lookup(question)
    assert found.best is not None or found.ambiguous, question
    names = [found.best.name] if found.best else [h.name for h in found.alternatives]
    assert any(word in n.lower() for n in names), names


def test_a_variant_not_asked_for_is_no_rival_of_the_plain_procedure(
        catalog: CatalogService) -> None:
    """Nothing was lost: "Cấp lại thẻ …" scores close, but the citizen is answered with
    "Cấp thẻ …" rather than asked to choose."""
    catalog.import_file(DEMO_CATALOG)
    found = catalog.lookup("lam can cuoc cong dan mat bao lau")
    assert found.best is not None and found.best.name == "Cấp thẻ Căn cước công dân"
    lost = catalog.lookup("mất căn cước công dân rồi làm lại thế nào")
    names = [lost.best.name] if lost.best else [h.name for h in lost.alternatives]
    assert "Cấp lại thẻ Căn cước công dân" in names


def _hits(*scored: tuple[float, float], explained: float | None = 1.0) -> list[Hit]:
    """Hits with the given (score, confidence), best first, the question's words all in
    them or their example questions unless ``explained`` says otherwise."""
    return [Hit(f"P-{i}", f"Thủ tục {i}", score, confidence, explained=explained)
            for i, (score, confidence) in enumerate(scored)]


def test_the_judge_answers_offers_guesses_or_finds_nothing() -> None:
    strong = GUESS_SCORE * 3
    sure = judge(_hits((strong, 0.8), (strong * 0.5, 0.3)), question_words=5)
    assert sure.best is not None and sure.certain
    ahead = judge(_hits((strong, 0.3), (strong * 0.5, 0.3)), question_words=5)
    assert ahead.best is not None and not ahead.certain  # ahead, but few of its words
    standing_out = judge(_hits((strong, 0.3), (strong * 0.8, 0.3), (strong * 0.7, 0.2)), 5)
    assert standing_out.best is None and len(standing_out.alternatives) == 3
    assert not standing_out.guess
    level = _hits((strong, 0.3), (strong * 0.97, 0.3), (strong * 0.95, 0.2))
    guessed = judge(level, question_words=5)
    assert guessed.best is None and guessed.guess and len(guessed.alternatives) == 3
    weak = _hits((GUESS_SCORE * 0.8, 0.3), (GUESS_SCORE * 0.78, 0.3), (GUESS_SCORE * 0.7, 0.2))
    assert judge(weak, question_words=5) == judge([], question_words=5)  # nothing
    few_words = judge(_hits((strong, 0.05), (strong * 0.97, 0.05)), question_words=5)
    assert few_words.best is None and not few_words.alternatives


def test_a_lead_or_a_choice_needs_the_question_told_in_the_procedure_or_its_examples(
        ) -> None:
    """A life event's words are in its procedure's example questions; a cinema's are not.
    Without them, a clear lead is no answer and a best that stands out is no choice: only
    a guess, when the best scores enough, or nothing."""
    strong = GUESS_SCORE * 3
    ahead = judge(_hits((strong, 0.3), (strong * 0.5, 0.3), explained=0.3), 5)
    assert ahead.best is None and ahead.guess
    standing_out = _hits((strong, 0.3), (strong * 0.8, 0.3), (strong * 0.7, 0.2),
                         explained=EXPLAINED_FLOOR - 0.01)
    assert judge(standing_out, 5).guess
    low = _hits((GUESS_SCORE * 0.8, 0.3), (GUESS_SCORE * 0.5, 0.3), explained=0.3)
    assert judge(low, 5) == judge([], 5)


def test_a_life_event_told_in_the_examples_is_answered_with_fewer_words_in_the_name(
        ) -> None:
    """"bố tôi vừa mất hôm qua …" has few words in "Đăng ký khai tử" (between
    LEAD_FLOOR_TOLD and LEAD_FLOOR) but all in its examples: clearly ahead, it is the
    answer. A procedure without examples (a province's own) with as few words is not,
    and the gate on examples does not apply to it."""
    strong = GUESS_SCORE * 3
    few = (LEAD_FLOOR_TOLD + LEAD_FLOOR) / 2
    told = judge(_hits((strong, few), (strong * 0.5, 0.1), explained=0.9), 5)
    assert told.best is not None and told.best.code == "P-0" and not told.certain
    untold = judge(_hits((strong, few), (strong * 0.5, 0.1), explained=None), 5)
    assert untold.best is None
    own = judge(_hits((strong, LEAD_FLOOR), (strong * 0.5, 0.1), explained=None), 5)
    assert own.best is not None and own.best.code == "P-0"
    standing_out = _hits((strong, 0.3), (strong * 0.8, 0.3), (strong * 0.7, 0.2),
                         explained=None)
    assert len(judge(standing_out, 5).alternatives) == 3 and not judge(standing_out, 5).guess


@pytest.mark.parametrize("question", [
    "cách nấu canh chua cá cho ngon",
    "tối nay rạp chiếu phim nào còn vé",
])
def test_a_question_about_no_procedure_is_offered_none(catalog: CatalogService,
                                                       question: str) -> None:
    """A word or two found by chance ("chiếu" folds like "chiều" of a plot of land) do not
    make the best procedure an answer or a choice."""
    catalog.import_file(DEMO_CATALOG)
    found = catalog.lookup(question)
    assert found.best is None and not found.alternatives, found


def test_a_long_story_with_few_of_its_words_found_gets_a_guess() -> None:
    """A story of many words shares few of them with any procedure: the three best are
    still offered as a guess, where a short question with as few found gets nothing."""
    strong = GUESS_SCORE * 3
    spread = _hits((strong, 0.05), (strong * 0.97, 0.05), (strong * 0.9, 0.04))
    story = judge(spread, question_words=LONG_QUESTION_WORDS)
    assert story.best is None and story.guess and len(story.alternatives) == 3
    assert judge(spread, question_words=LONG_QUESTION_WORDS - 1) == judge([], 5)
    nothing = _hits((strong, 0.01), (strong * 0.97, 0.01))
    assert judge(nothing, question_words=40) == judge([], 5)


@pytest.mark.parametrize("story", [
    "hôm qua tôi đi câu cá ở hồ gần nhà với mấy người bạn cũ, trời mưa to quá nên cả nhóm "
    "về sớm, tối đến ăn lẩu rồi xem phim, cho hỏi bay flycam trên sao hỏa thì xin giấy gì",
    "tôi muốn hỏi thời tiết ngày mai ở Đà Nẵng thế nào vì cả gia đình định đi biển chơi "
    "với ông bà nội mấy hôm, có mưa bão gì không",
])
def test_a_long_story_about_nothing_in_the_catalog_gets_no_guess(
        catalog: CatalogService, story: str) -> None:
    """A long question's smaller share of words found is a guess only when the best
    scores well (LONG_GUESS_SCORE): a chat about the weather or an outing shares a
    word or two with some procedure and scores little."""
    catalog.import_file(DEMO_CATALOG)
    found = catalog.lookup(story)
    assert found.best is None and not found.guess, found


def test_a_question_about_nothing_in_the_catalog_gets_no_guess(
        catalog: CatalogService) -> None:
    """Words like "giấy phép" are everywhere in the catalog: a licence for a flycam matches
    them weakly, and three unrelated licences are not offered as a guess."""
    catalog.import_file(DEMO_CATALOG)
    found = catalog.lookup("thủ tục xin giấy phép bay flycam trên sao hỏa")
    assert found.best is None and not found.alternatives


def test_names_the_question_does_not_tell_apart_are_offered_together(
        catalog: CatalogService) -> None:
    """"Cấp giấy phép xây dựng" is within the names of the permit for a building and of
    the permit for a house: the citizen has not said which, so both are offered, however
    the scores differ. A name that only adds words to the best's (the same permit in an
    industrial park, the BHYT card through the joint birth procedure) does not stop the
    general one being answered, and a question that says a whole name, or a word only
    the best's name has, gets it."""
    catalog.import_file(DEMO_CATALOG)
    permit = catalog.lookup("thủ tục cấp giấy phép xây dựng")
    offered = [h.name for h in permit.alternatives]
    assert permit.best is None and offered == [
        "Cấp giấy phép xây dựng công trình", "Cấp giấy phép xây dựng nhà ở riêng lẻ"]
    card = catalog.lookup("thẻ bhyt cho trẻ dưới 6 tuổi làm ở đâu")
    assert card.best is not None
    assert card.best.name == "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"
    whole = catalog.lookup("cấp giấy phép xây dựng nhà ở riêng lẻ")
    assert whole.best is not None and whole.best.name == "Cấp giấy phép xây dựng nhà ở riêng lẻ"
    # "dược" and "nhà" fold to words the index leaves out ("được", the particle "nha");
    # said, they still tell the names apart
    for pharmacist in ("cấp chứng chỉ hành nghề dược", "chứng chỉ hành nghề dược"):
        said = catalog.lookup(pharmacist)
        assert said.best is not None and said.best.name == "Cấp Chứng chỉ hành nghề dược"
    house = catalog.lookup("cấp giấy phép xây dựng nhà")
    assert "Cấp giấy phép xây dựng nhà ở riêng lẻ" in (
        [house.best.name] if house.best else [h.name for h in house.alternatives])
