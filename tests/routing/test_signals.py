"""Each routing signal on its own."""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from intake.catalog.importers import parse_path
from intake.catalog.search import SearchIndex
from intake.catalog.service import DEMO_CATALOG
from intake.org.data_files import read_organisation
from intake.org.places import PlaceIndex
from intake.routing.signals.classifier import (
    CALIBRATION_NAME,
    KEPT_WORD_LENGTH,
    TRAINING_FILE,
    Classifier,
    _AnyGrams,
    _WordBoundGrams,
    classifier_signal,
    data_hash,
    prepare,
    read_calibration,
    read_examples,
    save,
)
from intake.routing.signals.place import (
    hint_signal,
    location_signal,
    text_place_signal,
)
from intake.routing.signals.procedure import CatalogFinder, named_together, procedure_signal
from intake.routing.signals.subject import is_accented, subject_signal
from intake.routing.text import subject_text
from intake.routing.types import RoutingInput


# -- places ---------------------------------------------------------------------------
def test_place_with_and_without_diacritics_and_type_word(places: PlaceIndex) -> None:
    for text in ("Đèn đường ở xã Bích Động hỏng", "den duong o xa bich dong hong",
                 "Den duong Bich Dong, Viet Yen hong", "tt bich dong mat dien"):
        signal = text_place_signal(RoutingInput(text), places)
        assert signal.best and signal.best.label == "XA_07777", text


def test_a_commune_with_its_own_district_is_the_commune(places: PlaceIndex) -> None:
    signal = text_place_signal(RoutingInput("xã Tự Lạn, huyện Việt Yên"), places)
    assert signal.best and signal.best.label == "XA_07774"
    assert signal.detail["kind"] == "one"


def test_two_communes_of_one_district_give_the_district(places: PlaceIndex) -> None:
    signal = text_place_signal(
        RoutingInput("Đường từ xã Tự Lạn đi thị trấn Bích Động hỏng nặng"), places)
    assert signal.detail["kind"] == "shared_district"
    assert signal.best and signal.best.label == "HUYEN_222"


def test_places_in_two_districts_are_a_conflict(places: PlaceIndex) -> None:
    signal = text_place_signal(
        RoutingInput("Xe khách từ thị trấn Chũ về xã Bích Động chạy ẩu"), places)
    assert signal.detail["kind"] == "conflict"
    assert {c.label for c in signal.candidates} >= {"XA_07525", "XA_07777"}


def test_a_district_name_is_not_read_as_an_overlapping_commune(places: PlaceIndex) -> None:
    signal = text_place_signal(RoutingInput("tro cap o huyen son dong bi cat"), places)
    assert signal.best and signal.best.label == "HUYEN_220"


def test_the_place_the_citizen_gave(places: PlaceIndex) -> None:
    signal = location_signal(RoutingInput("đèn hỏng", location_text="xa Bich Dong"), places)
    assert signal.best and signal.best.label == "XA_07777"


def test_hints_signature_and_telegram_location(places: PlaceIndex) -> None:
    signed = hint_signal(RoutingInput("đường hỏng", signature_text=(
        "Nguyễn Văn An\nĐịa chỉ: thôn Đông, xã Tự Lạn, huyện Việt Yên")), places)
    assert signed.best and signed.best.label == "XA_07774" and signed.best.score < 0.8
    near = hint_signal(RoutingInput("đường hỏng", coordinates=(21.279, 106.099)), places)
    assert near.best and near.best.label == "HUYEN_222"
    hanoi = hint_signal(RoutingInput("đường hỏng", coordinates=(21.028, 105.834)), places)
    assert hanoi.best is None


# -- subject matter -------------------------------------------------------------------
def test_subject_rules_point_at_departments() -> None:
    cases = {
        "Nhà máy xả thải ra sông": "SO_TN_MT",
        "nha may xa thai gay o nhiem": "SO_TN_MT",
        "Thẻ bảo hiểm y tế của tôi bị sai tên": "BHXH",
        "Trường THPT thu học phí cao": "SO_GD_DT",
        "Trường THCS thu học phí cao": "HUYEN",
        "Quán karaoke hát đến nửa đêm": "SO_VH_TT_DL",
    }
    for text, label in cases.items():
        signal = subject_signal(RoutingInput(text))
        assert signal.best and signal.best.label == label, (text, signal)
        assert signal.reason and label in signal.reason


def test_typed_with_diacritics_a_phrase_must_match_them_exactly() -> None:
    # "tiền thuê" (hire, rent) folds to the same letters as "tiền thuế" (tax)
    hire = subject_signal(RoutingInput("Nhà nghèo, không có tiền thuê người bênh vực ở tòa."))
    assert not hire.best or hire.best.label != "CUC_THUE", hire
    tax = subject_signal(RoutingInput("Tôi nộp tiền thuế đất hai lần mà chưa được hoàn."))
    assert tax.best and tax.best.label == "CUC_THUE", tax
    # typed without diacritics, the folded phrase still counts
    plain = subject_signal(RoutingInput("toi nop tien thue dat hai lan ma chua duoc hoan"))
    assert plain.best and plain.best.label == "CUC_THUE", plain


def test_a_text_is_typed_with_diacritics_when_enough_of_its_words_carry_one() -> None:
    # a share of 0.3 of the words (numbers aside); each word is judged once and kept
    assert is_accented("Tôi nộp tiền thuế dat hai lan")  # 4 of 7
    assert not is_accented("Tôi nop tien thue dat hai lan ma chua duoc hoan 2024")  # 1 of 11
    assert is_accented("Tôi nộp tiền thuế dat hai lan " * 3)  # the words again, from the cache
    assert is_accented("Tôi đi")  # đ has no mark to strip, and still is one
    assert not is_accented("123 456") and not is_accented("")


def test_salutations_do_not_count_as_the_subject() -> None:
    mail = ("Kính gửi Văn phòng UBND tỉnh,\n\nNhà máy xả thải ra sông.\n\n"
            "Trân trọng,\nNguyễn Văn An\nĐường dây nóng")
    assert subject_text(mail) == "Nhà máy xả thải ra sông."


# -- classifier -----------------------------------------------------------------------
def test_classifier_generalises_with_a_calibrated_confidence(model: Classifier) -> None:
    signal = classifier_signal(RoutingInput("the bhyt cua me toi bi sai nam sinh"), model)
    assert signal.best and signal.best.label == "BHXH"
    assert 0 < signal.best.score <= 1
    assert signal.detail["calibrated"] == round(signal.best.score, 3)
    # the top probability maps to how often it was right out of fold: never decreasing
    assert model.calibration is not None
    _, ys = model.calibration
    assert all(a <= b for a, b in itertools.pairwise(ys)) and ys[-1] > ys[0]
    assert model.confidence(0.9) >= model.confidence(0.3)



def test_direct_scoring_gives_scikit_learns_probabilities(model: Classifier) -> None:
    texts = [e.text for e in read_examples()[::7]] + [
        "", "!!!", "Đường liên xã bị sụt lún, đề nghị sửa chữa", "duong lien xa bi sut lun",
        "x" * 5000, "hồ sơ đất đai nộp từ tháng 3 chưa có kết quả " * 40]
    assert model._blocks, "the shipped model should take the direct path"
    for text in texts:
        direct = dict(model.predict(text, top=len(model.labels)))
        reference = dict(model.predict_reference(text, top=len(model.labels)))
        assert direct.keys() == reference.keys()
        assert max(abs(direct[k] - reference[k]) for k in reference) < 1e-9, text[:40]
        assert model.predict(text)[0][0] == model.predict_reference(text)[0][0]


def test_character_grams_read_word_by_word_give_the_same_sums_to_the_last_bit(
        model: Classifier) -> None:
    # the char_wb block keeps each word's columns; the sums must not change by a bit,
    # whatever the whitespace between the words, and when the words come again
    texts = [e.text for e in read_examples()[::5]] + [
        "", "   ", "Đường  liên\txã\n\nbị sụt lún", "a\u00a0b\u3000c\x1cd\u2028e", "ǅ İ ẞ ﬁ",
        "x" * 5000, "hồ sơ đất đai nộp từ tháng 3 chưa có kết quả " * 40]
    word_bound = [b for b in model._blocks if isinstance(b.columns_of, _WordBoundGrams)]
    assert len(word_bound) == 1, "the character n-grams should be read word by word"
    (vectorizer,) = [v for v in model._vectorizers if v.analyzer == "char_wb"]
    through_analyzer = _AnyGrams(vectorizer.build_analyzer(), dict(vectorizer.vocabulary_))
    block = word_bound[0]
    for _ in range(2):  # the second time from the words kept
        for text in map(prepare, texts):
            assert list(block.columns_of(text)) == list(through_analyzer(text)), text[:40]
            again = replace(block, columns_of=through_analyzer)
            assert np.array_equal(block.contribution(text), again.contribution(text))


def test_a_long_word_is_not_kept_but_gives_the_same_columns(model: Classifier) -> None:
    # a URL's hundreds of grams would fill the word cache with megabytes: a word longer
    # than KEPT_WORD_LENGTH is cut into grams each time it comes, to the same columns
    (grams,) = [b.columns_of for b in model._blocks if isinstance(b.columns_of, _WordBoundGrams)]
    assert isinstance(grams, _WordBoundGrams)
    (vectorizer,) = [v for v in model._vectorizers if v.analyzer == "char_wb"]
    through_analyzer = _AnyGrams(vectorizer.build_analyzer(), dict(vectorizer.vocabulary_))
    url = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=" + "7" * 40
    short = "đ" * KEPT_WORD_LENGTH
    grams.kept.cache_clear()
    for _ in range(2):
        assert list(grams(url)) == list(through_analyzer(url))
    assert grams.kept.cache_info().currsize == 0, "the long word was kept"
    text = f"xem {url} và {short}"
    assert list(grams(text)) == list(through_analyzer(text))
    assert grams.kept.cache_info().currsize == 3  # xem, và and the short word

# -- procedure ------------------------------------------------------------------------
def test_procedure_from_the_catalog() -> None:
    queues = {q.code: q.name for q in read_organisation().queues}
    index = SearchIndex(parse_path(Path(DEMO_CATALOG), queues).records)
    finder = CatalogFinder(lambda: index)
    signal = procedure_signal(RoutingInput(
        "Tôi đi đăng ký khai sinh cho con mà cán bộ hẹn 3 lần"), finder)
    assert signal.best and signal.best.label == "XA"
    assert signal.reason == "thủ tục 'Đăng ký khai sinh' → cấp xã"
    nothing = procedure_signal(RoutingInput("trời hôm nay đẹp quá"), finder)
    assert nothing.best is None


def test_a_procedure_name_scattered_over_a_complaint_is_not_named() -> None:
    """Every word of "Đăng ký khai sinh" is in this complaint about an internet line,
    far apart: the search ranks the procedure first, the signal does not take it (it
    would send the complaint to a commune); said as a phrase, it is taken."""
    queues = {q.code: q.name for q in read_organisation().queues}
    index = SearchIndex(parse_path(Path(DEMO_CATALOG), queues).records)
    finder = CatalogFinder(lambda: index)
    scattered = ("Nhà tôi đăng ký gói cước internet tháng trước, hôm khai trương quán cà phê "
                 "thì mất sóng cả buổi, nhà mạng hẹn mãi không đến sửa, đến tối sinh nhật "
                 "con cũng mất mạng")
    assert index.search(scattered, 1, expand=False)[0].name == "Đăng ký khai sinh"
    assert procedure_signal(RoutingInput(scattered), finder).best is None
    said = "Hôm qua tôi ra xã đăng ký khai sinh cho con, cán bộ bắt chờ cả buổi"
    assert procedure_signal(RoutingInput(said), finder).reason == \
        "thủ tục 'Đăng ký khai sinh' → cấp xã"


def test_a_name_said_whole_is_covered_whole_though_a_text_is_read_without_stopwords(
        ) -> None:
    """A text is read without its stopwords ("cho", "làm" …), so a name holding them
    was never covered whole, and counted as less surely named; the name words a text
    can hold are the measure."""
    queues = {q.code: q.name for q in read_organisation().queues}
    index = SearchIndex(parse_path(Path(DEMO_CATALOG), queues).records)
    name = "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam"
    code = next(r.code for r in index.records if r.name == name)
    assert {"cho", "lam"} <= index.name_words[index.docs_of_code[code][0]]
    assert not {"cho", "lam"} & index.askable_name_words(code)
    text = ("Công ty tôi nộp hồ sơ xin cấp giấy phép lao động cho người lao động nước "
            "ngoài làm việc tại Việt Nam cho kỹ sư trưởng từ đầu tháng, quá hạn vẫn chưa "
            "có kết quả")
    hits, _ = index.named_in(text, 3)
    assert (hits[0].code, hits[0].coverage) == (code, 1.0)
    [match, *_] = CatalogFinder(lambda: index).find(text)
    assert match.code == code and match.confidence == pytest.approx(0.85)
    assert index.askable_name_words("NO-SUCH-CODE") == frozenset()


NAME = frozenset({"giai", "quyet", "huong", "tro", "cap", "that", "nghiep"})
IDF = {"giai": 0.5, "quyet": 0.5, "huong": 1.0, "tro": 1.5, "cap": 0.3, "that": 2.0,
       "nghiep": 2.0}  # the name's weight is in "trợ cấp thất nghiệp"


@pytest.mark.parametrize(("text", "named"), [
    ("thang truoc toi nop ho so tro cap that nghiep ma chua duoc huong", True),
    # the heavy words together, the light ones ("giải quyết") far away or absent
    ("ho so giai quyet cham qua " + "x " * 30 + "tro cap that nghiep thang nay", True),
    ("that la nghiep chuong " + "x " * 30 + "cap tro giup " + "x " * 30 + "huong", False),
    ("hom nay troi dep", False),
])
def test_named_together_weighs_the_name_words_in_one_stretch(text: str, named: bool) -> None:
    assert named_together(text.split(), NAME, IDF) is named


def test_a_procedure_the_edge_already_knows_wins() -> None:
    signal = procedure_signal(RoutingInput("hỏi", procedure_queue="SO_TU_PHAP",
                                           procedure_name="Cấp Phiếu lý lịch tư pháp"), None)
    assert signal.best and signal.best.label == "SO_TU_PHAP"


def test_the_shipped_calibration_belongs_to_the_shipped_training_data() -> None:
    # computed by `pakn route train`; stale data would make every process pay for the
    # cross-validation again (tens of seconds), so it must follow the training file
    stored = read_calibration(TRAINING_FILE.with_name(CALIBRATION_NAME),
                              data_hash(TRAINING_FILE))
    assert stored is not None, "run `pakn route train` after editing training.jsonl"
    xs, ys = stored
    assert len(xs) == len(ys) > 10 and max(ys) <= 0.95


def test_processes_that_save_the_model_at_once_do_not_trip_over_each_other(
        model: Classifier, tmp_path: Path) -> None:
    # two workers that trained at the same moment each write their own temporary file
    target = tmp_path / "classifier.joblib"
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: save(model, target), range(8)))
    assert target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["classifier.joblib"]  # no leftovers
