"""Finding the procedure a citizen means, however they type it.

Two stages. **Candidates**: BM25 over the procedure's name, keywords (tu_khoa), field,
agency and its own content (conditions, result, documents: syllable pairs only), with
syllable unigrams and bigrams as terms (a Vietnamese word is often two syllables:
"khai sinh", "kết hôn"), all diacritic-free (``intake.text.fold``). Before ranking, the
question goes through the synonym table (``synonyms.yml``: abbreviations and colloquial
names → the catalog's words), loses its question wordings ("cần giấy tờ gì") and
particles, and each unknown syllable is corrected to the nearest known one (edit
distance 1, or 2 for long syllables) with rapidfuzz; situations that imply a procedure
("vợ tôi mới sinh bé", a foreign nationality: "vợ {country}" for every listed country)
add its words at half weight (``expansions``), except where the words only look like one
once folded (``false_friends``: "người lao động" is not "người Lào"). **Re-ranking**: the
best BM25 candidates, plus the best by name and keywords, by implied words and by
example questions, are ordered by a learned linear model (``intake.catalog.ranking``):
per-field BM25 including the steps and documents, name coverage, the similarity of the
question (and of a long question's second half, what it asks) to each procedure's
closest example question and to all its example questions taken together (a question
that tells one part of a situation like one example and the rest like another still
reads like that procedure), and whether the question's situation (lost papers, an expired card,
a foreign spouse, a first licence) agrees with the variant the procedure's name is for
("Cấp lại", "Cấp đổi", "lần đầu", "có yếu tố nước ngoài"). Without a weight file, or
with ``expand=False`` (routing), the order is BM25 re-scored by how much of the
procedure's name the question covers, so "đăng ký khai sinh" prefers that procedure
to "đăng ký khai sinh có yếu tố nước ngoài".
"""

from __future__ import annotations

import heapq
import itertools
import json
import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

from intake.catalog.errors import InvalidQuery
from intake.catalog.ranking import (
    Candidate,
    CueTable,
    KinDeaths,
    Ranker,
    Rejections,
    ask_regex,
    asked_parts,
    done_parts,
    done_regex,
    load_cues,
    load_ranker,
    read_kin_deaths,
    read_rejections,
    vectors,
    with_countries,
    without_kin_deaths,
)
from intake.catalog.records import ProcedureRecord
from intake.text import (
    carries_diacritic,
    fold,
    has_letters_or_digits,
    may_be_spelled,
    mostly_accented,
    nfc,
)

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.yml"
EXAMPLES_FILE = Path(__file__).resolve().parent / "data" / "search_training.jsonl"
MAX_QUERY_CHARS = 2000
FIELD_WEIGHTS = {"name": 3.0, "keywords": 2.0, "field": 0.8, "agency": 0.4, "content": 0.25}
K1, B = 1.2, 0.75
RERANK_DEPTH = 30
EXTRA_CANDIDATES = 10  # best by name and keywords, and best by implied words, added
# Content fields read only by the re-ranker (syllable pairs; not in the first stage)
DETAIL_FIELDS = ("conditions", "documents", "steps", "result")
VARIANT_PENALTY = 0.85
# The re-ranker's score differences (log-odds that the best beats the runner-up), divided
# by this, become score ratios: a runner-up the model ranks below the best with odds under
# about 4:1 stays within the catalog service's CLOSE_RATIO (the assistant then asks which
# one is meant), and a vague question's within VAGUE_RATIO up to odds of about 60:1.
SCORE_TEMPERATURE = 8.0
TAIL_FROM = 12  # a question of this many words or more is read for its last half too
BUILDING = "{building}"  # a slot of ``synonyms.yml``: each of its ``buildings``
# the idf of a word no procedure holds: above any a word of the catalog has up to about
# 4,000 procedures (log(1 + (n - 0.5) / 1.5))
UNKNOWN_IDF = 8.0
IMPLIED_WEIGHT = 0.5  # words a situation implies count less than the citizen's own
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Hit:
    """A ranked procedure: its code, name, score and how much of the question matched."""

    code: str
    name: str
    score: float
    confidence: float
    coverage: float = 1.0
    unasked_variant: bool = False  # its name has a variant word the question lacks ("lại")
    # every word the question says is in the name ("cấp giấy phép xây dựng" is within
    # both "… công trình" and "… nhà ở riêng lẻ"): the words do not tell such names apart
    within_name: bool = False
    # the share of the question's words (by idf) found in the procedure or in the example
    # questions citizens ask about it: a life event ("vợ tôi vừa sinh em bé") is told in
    # its examples' words; a question about something else ("rạp chiếu phim") is not.
    # None: the procedure has no example questions (a province's own, not the demo's)
    explained: float | None = field(kw_only=True)

    def as_dict(self) -> dict[str, object]:
        """``{code, name, score}`` as the CLI's JSON output gives it."""
        return {"code": self.code, "name": self.name, "score": round(self.score, 4),
                "confidence": round(self.confidence, 3)}


@dataclass(frozen=True)
class SynonymTable:
    """The data of ``synonyms.yml``, folded: phrases as token tuples."""

    synonyms: dict[tuple[str, ...], tuple[str, ...]]
    variants: dict[str, str]
    question_phrases: tuple[tuple[str, ...], ...]
    stopwords: frozenset[str]
    # the stopwords as written with their marks ("được", "ở", "về"): a word typed with
    # other marks ("dược", "ô tô", "bảo vệ", "chợ") is no stopword
    marked_stopwords: frozenset[str] = frozenset()
    # the spellings, with their marks, of the synonym phrases written with marks ("cưới"):
    # in a question typed with its marks, a phrase whose marks differ ("kể chuyện cười")
    # is another word, not the synonym (see ``_spelled_as``)
    marked_synonyms: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = field(
        default_factory=dict)
    # likewise for the situations of ``expansions`` ("đám cưới" is not "đám cười")
    marked_expansions: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = field(
        default_factory=dict)
    modifiers: tuple[tuple[str, ...], ...] = ()
    expansions: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # phrases that read like a situation once folded and are not one ("người lao động"
    # folds to "người Lào" + "động"): a situation that ends inside one of them, which goes
    # on past it, is not that situation (see ``Analyzer.implied``)
    false_friends: tuple[tuple[str, ...], ...] = ()
    # a kinsman's "mất" ("bố tôi mất năm ngoái"): a death, whose "mất" a question's words
    # leave out (it would match "… do bị mất" in names); the death cue says it instead
    deaths: KinDeaths | None = None
    # the words with which a citizen says what they want ("muốn", "xin", "đề nghị")
    ask_markers: re.Pattern[str] | None = None
    # the procedure words a question cue implies (``cue_implies``: the foreign cue, read
    # from every way a nationality is told, implies "yếu tố nước ngoài")
    cue_implies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # what the question says its case is not ("không nằm trong khu công nghiệp", "không
    # tạm ngừng nữa"): taken out before the question is read (``Rejections``)
    rejections: Rejections | None = None
    # the words with which a question tells what is already done or had ("đã có",
    # "đã được cấp"): those clauses' words are a step behind what it asks
    done_markers: re.Pattern[str] | None = None

    @property
    def longest(self) -> int:
        """Length in tokens of the longest phrase, for the greedy matcher."""
        return max([len(k) for k in self.synonyms] + [len(p) for p in self.question_phrases]
                   + [1])

    @property
    def longest_expansion(self) -> int:
        """Length in tokens of the longest situation phrase."""
        return max([len(k) for k in self.expansions] + [1])


def _tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


# a word as written: letters and digits, with any combining marks NFC could not compose
# ("tié̂n"), which ``fold`` strips and so keeps inside the word
_WRITTEN_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
# A text is typed with its marks when this share of its words carry some: then a word
# written without any is meant so ("thi", "di sản", "can thiệp"), not a lazy "thì".
MARKED_SHARE = 0.4


@lru_cache(maxsize=1 << 16)
def _folded_parts(word: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(word)))


def _tokens_as_written(text: str) -> list[tuple[str, str]]:
    """``_tokens`` of the text, each with the word it was read from as written (lower
    case, with its marks): "dược" and "được" fold alike, and only one is a stopword."""
    return [(part, word) for word in _WRITTEN_WORD.findall(nfc(text).lower())
            for part in _folded_parts(word)]


def _typed_with_marks(written: Sequence[tuple[str, str]]) -> bool:
    """Whether ``MARKED_SHARE`` of the text's words carry marks."""
    return mostly_accented([word for token, word in written if not token.isdigit()],
                           MARKED_SHARE)


def _with_buildings(phrase: str, buildings: Sequence[str]) -> list[tuple[str, str]]:
    """A phrase with ``{building}`` written out for each building of ``buildings``, with
    the building put in its place (the phrase alone, with "", when it has no slot)."""
    if BUILDING not in phrase:
        return [(phrase, "")]
    return [(phrase.replace(BUILDING, b), b) for b in buildings]


@lru_cache(maxsize=4)
def load_synonyms(path: Path = SYNONYMS_FILE) -> SynonymTable:
    """Read and fold the synonym table (cached per path)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    variants = {fold(str(k)): fold(str(v)) for k, v in (data.get("variants") or {}).items()}

    def phrase(text: str) -> tuple[str, ...]:
        """A phrase's tokens as a text's are read, in the variants' spelling: "liệt sĩ"
        meets a question's "liệt sỹ" and "liệt sĩ", both read "liet sy"."""
        return tuple(variants.get(t, t) for t in _tokens(text))

    buildings = [str(b) for b in data.get("buildings") or []]
    synonyms = {phrase(key): phrase(str(v).replace(BUILDING, building))
                for k, v in (data.get("synonyms") or {}).items()
                for key, building in _with_buildings(str(k), buildings)}
    marked_synonyms = _marked_spellings(
        (key for k in (data.get("synonyms") or {})
         for key, _ in _with_buildings(str(k), buildings)), variants)
    phrases = sorted({phrase(str(p)) for p in data.get("question_phrases") or []},
                     key=len, reverse=True)
    expansions: dict[str, str] = {}
    for key, value in (data.get("expansions") or {}).items():
        for situation in with_countries(str(key), data.get("countries") or []):
            expansions.setdefault(situation, str(value))
    friends = tuple(f for f in (phrase(str(w)) for w in data.get("false_friends") or []) if f)
    return SynonymTable(
        synonyms={k: v for k, v in synonyms.items() if k and v},
        variants=variants,
        question_phrases=tuple(p for p in phrases if p),
        stopwords=frozenset(fold(str(w)) for w in data.get("stopwords") or []),
        marked_stopwords=frozenset(nfc(str(w)).lower() for w in data.get("stopwords") or []),
        marked_synonyms=marked_synonyms,
        marked_expansions=_marked_spellings(expansions, variants),
        modifiers=tuple(m for m in (phrase(str(w)) for w in data.get("modifiers") or []) if m),
        # a situation that folds to a false friend ("người Bỉ", "người bị") is left out
        expansions={k: v for k, v in ((phrase(k), phrase(v)) for k, v in expansions.items())
                    if k and v and k not in friends},
        false_friends=friends,
        deaths=read_kin_deaths(data),
        ask_markers=ask_regex(data),
        cue_implies={str(k): phrase(str(v))
                     for k, v in (data.get("cue_implies") or {}).items() if phrase(str(v))},
        rejections=read_rejections(data),
        done_markers=done_regex(data),
    )


def _marked_spellings(phrases: Iterable[str], variants: Mapping[str, str],
                      ) -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """Phrase (as read: folded, in the variants' spelling) → its words as written with
    marks, for the phrases only ever written with some (a phrase also written bare,
    "cmnd", keeps no spelling: it matches however it is typed)."""
    spellings: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    bare: set[tuple[str, ...]] = set()
    for phrase in phrases:
        written = _tokens_as_written(phrase)
        key = tuple(variants.get(token, token) for token, _ in written)
        if all(word == token for token, word in written):
            bare.add(key)
        else:
            spellings.setdefault(key, set()).add(tuple(word for _, word in written))
    return {k: frozenset(v) for k, v in spellings.items() if k not in bare}


def _spelled_as(spellings: frozenset[tuple[str, ...]] | None,
                written: Sequence[str | None]) -> bool:
    """Whether words typed in a text typed with its marks may be a phrase the table
    writes with marks (``spellings``: how it writes it, if it does). A word
    typed with marks must be one the phrase's may be typed as (``may_be_spelled``: "cười"
    is not "cưới", "cuới" and "hoà"/"hòa" are); one typed bare, or from shorthand
    (None), may be any ("cuoi" in a marked text is a lazy "cưới")."""
    if not spellings:
        return True
    return any(all(word is None or not carries_diacritic(word) or may_be_spelled(word, spelled)
                   for word, spelled in zip(written, spelled_as, strict=True))
               for spelled_as in spellings)


def validate_query(question: str) -> str:
    """The question as NFC text, or ``InvalidQuery`` (empty, only symbols, too long)."""
    text = nfc(question or "").strip()
    if not text or not has_letters_or_digits(text):
        raise InvalidQuery("empty question (no letters or digits)")
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"question of {len(text)} characters exceeds {MAX_QUERY_CHARS}",
                           f"Câu hỏi quá dài ({len(text):,} ký tự). ".replace(",", ".")
                           + "Bạn vui lòng hỏi ngắn gọn tên thủ tục hoặc việc cần làm.")
    return text


class Analyzer:
    """Turns text into search terms: variants, synonyms, question wordings, stopwords."""

    def __init__(self, table: SynonymTable) -> None:
        self.table = table
        self.longest = table.longest  # computed once: it scans every phrase
        self.longest_expansion = table.longest_expansion
        # for ``_match``: the question wordings as a set (the table keeps them as a
        # tuple), and every phrase's first token (no phrase starts at any other token)
        self._questions = frozenset(table.question_phrases)
        self._starts = frozenset(k[0] for k in (*table.synonyms, *table.question_phrases)
                                 if k)

    def words(self, text: str, *, question: bool) -> list[str]:
        """Syllables after the synonym table (and, for a question, without its wordings
        and without the "mất" of a kinsman's death)."""
        if question and self.table.deaths is not None:
            text = without_kin_deaths(nfc(text).lower(), self.table.deaths)
        tokens, as_written, typed_marked = self._as_read(text)
        marked = question and typed_marked
        out: list[str] = []
        i = 0
        while i < len(tokens):
            step, replacement = self._match(tokens, i, question,
                                            as_written if marked else None)
            if step:
                out.extend(replacement)
                i += step
                continue
            token = tokens[i]
            if not (question and self.is_stopword(token, as_written[i], marked)):
                out.append(token)
            i += 1
        return out

    def _as_read(self, text: str) -> tuple[list[str], list[str | None], bool]:
        """The text's tokens in the variants' spelling, each one's word as typed, and
        whether the text is typed with its marks. Shorthand the variants spell out ("ko"
        → "khong", "dc" → "duoc") is read as a word typed bare (None): by its folded
        form."""
        written = _tokens_as_written(text)
        tokens = [self.table.variants.get(t, t) for t, _ in written]
        as_written = [None if t in self.table.variants else w for t, w in written]
        return tokens, as_written, _typed_with_marks(written)

    def is_stopword(self, token: str, word: str | None, marked: bool = False) -> bool:
        """Whether a question's ``token`` (folded, from ``word`` as written; None: from
        shorthand) is one of the table's stopwords. Typed with marks, only as a stopword
        is written ("được", not "dược"). Typed bare, by its folded form ("duoc"), unless
        the text is ``marked`` (typed with its marks): then only a stopword written bare
        ("cho", "em") is one, and "thi", "di sản", "can thiệp" are what they say."""
        table = self.table
        if token not in table.stopwords:
            return False
        if word is None or not table.marked_stopwords:
            return True
        if word != token or marked:
            return word in table.marked_stopwords
        return True

    def never_asked(self, name: str) -> frozenset[str]:
        """The name's folded words a question is never read with: every time the name
        says them, they are stopwords ("cho", "làm" in "… cho người lao động nước ngoài
        làm việc"; not the "duoc" of "dược")."""
        written = _tokens_as_written(name)
        marked = _typed_with_marks(written)
        stopped: set[str] = set()
        kept: set[str] = set()
        for token, word in written:
            (stopped if self.is_stopword(token, word, marked) else kept).add(token)
        return frozenset(stopped - kept)

    def without_rejections(self, text: str) -> str:
        """The text without the variants it rules out (``Rejections``), if the table
        has any."""
        rejections = self.table.rejections
        return text if rejections is None else rejections.blank(text)

    def implied(self, text: str) -> list[str]:
        """The procedure words the question's situations imply (expansions), each once."""
        tokens, as_written, marked = self._as_read(text)
        typed = as_written if marked else None
        cut = self._false_friends(tokens)
        found: list[str] = []
        i = 0
        while i < len(tokens):  # longest first; a matched phrase's words are used up
            step = 1            # ("học xong lớp 9" is not also "lớp 9")
            for size in range(min(self.longest_expansion, len(tokens) - i), 0, -1):
                window = tuple(tokens[i:i + size])
                added = self.table.expansions.get(window)
                if added is not None and i + size not in cut and (
                        typed is None or _spelled_as(self.table.marked_expansions.get(window),
                                                     typed[i:i + size])):
                    found.extend(w for w in added if w not in found)
                    step = size
                    break
            i += step
        return found

    def _false_friends(self, tokens: list[str]) -> set[int]:
        """The token boundaries that fall inside a false friend: a situation ending there
        was read out of the false friend ("người lào" out of "người lao động"), one that
        holds it whole ("tai nạn lao động") or only begins in it is genuine."""
        cut: set[int] = set()
        for phrase in self.table.false_friends:
            size = len(phrase)
            for i in range(len(tokens) - size + 1):
                if tuple(tokens[i:i + size]) == phrase:
                    cut.update(range(i + 1, i + size))
        return cut

    def _match(self, tokens: list[str], i: int, question: bool,
               written: Sequence[str | None] | None = None) -> tuple[int, tuple[str, ...]]:
        """The longest question wording or synonym phrase at token ``i``: its length and
        its replacement. ``written``: the words as typed, for a question typed with its
        marks (a synonym written with marks then matches only as spelled)."""
        if tokens[i] not in self._starts:
            return 0, ()
        for size in range(min(self.longest, len(tokens) - i), 0, -1):
            window = tuple(tokens[i:i + size])
            if question and window in self._questions:
                return size, ()
            if window in self.table.synonyms and (
                    written is None or _spelled_as(self.table.marked_synonyms.get(window),
                                                   written[i:i + size])):
                return size, self.table.synonyms[window]
        return 0, ()


def _size(counts: Counter[str]) -> int:
    return sum(counts.values())


def terms(words: Sequence[str]) -> list[str]:
    """Unigrams plus adjacent bigrams ("khai sinh" → khai, sinh, khai_sinh)."""
    return [*words, *(f"{a}_{b}" for a, b in itertools.pairwise(words))]


def content_text(record: ProcedureRecord) -> str:
    """What a procedure is about beyond its name: who it is for and when (conditions),
    what one brings (documents) and gets (result). Citizens describe their situation in
    these words ("vợ tôi người Hàn Quốc", "giấy chứng sinh") rather than by the name."""
    parts = [record.conditions or "", record.result or "",
             *(d.name for d in record.documents)]
    return " ; ".join(p for p in parts if p)


def read_examples(path: Path = EXAMPLES_FILE) -> tuple[tuple[str, str], ...]:
    """(question, code) pairs of the team's own training questions (JSON lines)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out.append((str(item["question"]), str(item["code"])))
    return tuple(out)


@lru_cache(maxsize=2)
def load_examples(path: Path = EXAMPLES_FILE) -> tuple[tuple[str, str], ...]:
    """The committed training questions (cached), or none when the file is absent."""
    return read_examples(path) if path.exists() else ()


class ExampleIndex:
    """BM25 over example questions labelled with a procedure code: a question that reads
    like the examples of a procedure ("vợ tôi vừa sinh em bé…") points to it even when
    it shares no word with the procedure's name (query expansion from data). Read two
    ways: the closest example (``scores``) and each procedure's examples as one text
    (``pooled_scores``)."""

    def __init__(self, examples: Iterable[tuple[str, str]], analyzer: Analyzer) -> None:
        codes: list[str] = []
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths: list[int] = []
        for i, (question, code) in enumerate(examples):
            # read as a question is: without the variants it rules out
            example_terms = terms(analyzer.words(analyzer.without_rejections(question),
                                                 question=True))
            codes.append(code)
            lengths.append(len(example_terms))
            for term, tf in Counter(example_terms).items():
                postings[term].append((i, tf))
        # examples are held grouped by code (a code's closest example is then the
        # maximum over one slice), each term's impacts as arrays: a question's terms
        # meet thousands of examples, summed by numpy rather than one by one
        order = sorted(range(len(codes)), key=lambda i: codes[i])
        position = {i: p for p, i in enumerate(order)}
        self.codes = sorted(set(codes))  # the codes that have examples, each once
        self._starts = np.searchsorted([codes[i] for i in order], self.codes)
        self._size = len(codes)
        self._impacts = _as_arrays(_bm25_impacts(postings, lengths), position)
        # the same over each procedure's examples taken together: a question that shares
        # a word with one example and another with a second still reads like the code
        by_code: dict[str, Counter[str]] = defaultdict(Counter)
        for term, docs in postings.items():
            for i, tf in docs:
                by_code[codes[i]][term] += tf
        pooled: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for j, code in enumerate(self.codes):
            for term, tf in by_code[code].items():
                pooled[term].append((j, tf))
        # each code's example words (not pairs), for how much of a question they explain
        self.words_of = {code: frozenset(t for t in by_code[code] if "_" not in t)
                         for code in self.codes}
        self._pooled = _as_arrays(_bm25_impacts(pooled, [_size(by_code[c]) for c in self.codes]),
                                  {j: j for j in range(len(self.codes))})

    def scores(self, query_terms: Iterable[str]) -> dict[str, float]:
        """Per procedure code, the similarity of its closest example to the question."""
        per_example = _summed(self._impacts, query_terms, self._size)
        if per_example is None:
            return {}
        closest = np.maximum.reduceat(per_example, self._starts)
        return {self.codes[j]: float(closest[j]) for j in np.flatnonzero(closest > 0)}

    def pooled_scores(self, query_terms: Iterable[str]) -> dict[str, float]:
        """Per procedure code, the similarity of all its examples together."""
        per_code = _summed(self._pooled, query_terms, len(self.codes))
        if per_code is None:
            return {}
        return {self.codes[j]: float(per_code[j]) for j in np.flatnonzero(per_code > 0)}


# the committed examples' index per synonym table (kept with the table, so its id is
# never another table's): every catalog refresh of a process reads them alike
_COMMITTED_EXAMPLE_INDEXES: dict[
    int, tuple[SynonymTable, tuple[tuple[str, str], ...], ExampleIndex]] = {}
_MAX_COMMITTED_TABLES = 4
_COMMITTED_LOCK = threading.Lock()


def committed_example_index(analyzer: Analyzer) -> ExampleIndex:
    """The index of the committed training questions as ``analyzer`` reads them, built
    once per process and synonym table: it depends on nothing in the catalog, and takes
    longer to build (3,500 questions analysed) than the catalog's own index."""
    examples = load_examples()
    key = id(analyzer.table)
    with _COMMITTED_LOCK:  # threads refreshing catalogs at once build it once
        kept = _COMMITTED_EXAMPLE_INDEXES.get(key)
        if kept is not None and kept[0] is analyzer.table and kept[1] is examples:
            return kept[2]
        index = ExampleIndex(examples, analyzer)
        if key not in _COMMITTED_EXAMPLE_INDEXES \
                and len(_COMMITTED_EXAMPLE_INDEXES) >= _MAX_COMMITTED_TABLES:
            del _COMMITTED_EXAMPLE_INDEXES[next(iter(_COMMITTED_EXAMPLE_INDEXES))]
        _COMMITTED_EXAMPLE_INDEXES[key] = (analyzer.table, examples, index)
        return index


_Impacts = dict[str, tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]]


def _as_arrays(impacts: Mapping[str, list[tuple[int, float]]], position: Mapping[int, int],
               ) -> _Impacts:
    """Each term's (document, impact) list as two arrays, documents by ``position``."""
    return {term: (np.array([position[i] for i, _ in docs], dtype=np.intp),
                   np.array([value for _, value in docs], dtype=np.float64))
            for term, docs in impacts.items()}


def _summed(impacts: _Impacts, query_terms: Iterable[str], size: int,
            ) -> npt.NDArray[np.float64] | None:
    """Per document, the sum of the query terms' impacts (None: no term is indexed)."""
    total: npt.NDArray[np.float64] | None = None
    for term in query_terms:
        found = impacts.get(term)
        if found is None:
            continue
        if total is None:
            total = np.zeros(size)
        total[found[0]] += found[1]
    return total


def _idf(documents: int, containing: int) -> float:
    """BM25's idf of a term found in ``containing`` of ``documents`` documents."""
    n = max(documents, 1)
    return math.log(1 + (n - containing + 0.5) / (containing + 0.5))


def _bm25_impacts(postings: Mapping[str, list[tuple[int, int]]], lengths: Sequence[int],
                  ) -> dict[str, list[tuple[int, float]]]:
    """Per term, each document's BM25 contribution (documents given by their lengths)."""
    avg = (sum(lengths) / len(lengths) if lengths else 1.0) or 1.0
    return {term: [(i, _idf(len(lengths), len(docs)) * tf * (K1 + 1)
                    / (tf + K1 * (1 - B + B * lengths[i] / avg))) for i, tf in docs]
            for term, docs in postings.items()}


@dataclass(frozen=True)
class _Query:
    """A question as the index sees it: its words and first-stage scores per document."""

    text: str
    words: list[str]
    all_words: list[str]
    scores: dict[int, float]
    per_field: dict[str, dict[int, float]]
    implied_scores: dict[int, float]
    examples: dict[int, float]
    # the same for the second half of a long question (what is asked, after the story)
    examples_tail: dict[int, float] = field(default_factory=dict)
    # per document, the similarity of its procedure's examples taken together
    examples_pooled: dict[int, float] = field(default_factory=dict)
    examples_pooled_tail: dict[int, float] = field(default_factory=dict)
    # a long question's words from its ask markers on ("… tôi muốn tạm ngừng kinh doanh")
    asked: frozenset[str] = frozenset()
    # the variant cues of its situation (``question_cues``)
    cues: frozenset[str] = frozenset()
    # its words said only where it tells what is already done or had (``done_markers``)
    done: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Asked:
    """A query's words as every hit reads them: the set, the distinct words in order
    and their summed idf (computed once per query, not once per candidate)."""

    words: set[str]
    unique: list[str]
    total: float

    @classmethod
    def of(cls, words: list[str], idf: dict[str, float]) -> _Asked:
        unique = list(dict.fromkeys(words))
        return cls(set(words), unique, sum(idf.get(w, UNKNOWN_IDF) for w in unique) or 1.0)


class SearchIndex:
    """An in-memory BM25 index over a catalog (built once, then read-only)."""

    def __init__(self, records: Iterable[ProcedureRecord],
                 table: SynonymTable | None = None, *,
                 ranker: Ranker | None = None, rerank: bool = True,
                 cues: CueTable | None = None,
                 examples: Iterable[tuple[str, str]] | None = None) -> None:
        self.analyzer = Analyzer(table or load_synonyms())
        self._name_modifiers: dict[frozenset[str], tuple[tuple[str, ...], ...]] = {}
        self.cue_table = cues or load_cues()
        self.ranker = (ranker or load_ranker()) if rerank else None
        self.records = list(records)
        self.examples = (committed_example_index(self.analyzer) if examples is None
                         else ExampleIndex(examples, self.analyzer))
        self.docs_of_code: dict[str, list[int]] = defaultdict(list)
        for doc, record in enumerate(self.records):
            self.docs_of_code[record.code].append(doc)
        self.details: dict[str, list[Counter[str]]] = {f: [] for f in DETAIL_FIELDS}
        self.name_pairs: list[frozenset[str]] = []
        self.proc_cues: list[frozenset[str]] = []
        detail_df: Counter[str] = Counter()
        self.postings: dict[str, dict[str, list[tuple[int, int]]]] = {
            f: defaultdict(list) for f in FIELD_WEIGHTS}
        self.lengths: dict[str, list[int]] = {f: [] for f in FIELD_WEIGHTS}
        self.name_words: list[frozenset[str]] = []
        self.doc_terms: list[frozenset[str]] = []
        df: Counter[str] = Counter()
        for doc, record in enumerate(self.records):
            seen = self._index(doc, record)
            self.doc_terms.append(frozenset(seen))
            df.update(seen)
            detail_df.update(self._index_details(record))
            self.proc_cues.append(self.cue_table.of_record(record.name, record.levels))
        n = max(len(self.records), 1)
        self.detail_idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5))
                           for t, c in detail_df.items()}
        self.detail_avg = {f: (sum(map(_size, cs)) / len(cs) if cs else 1.0) or 1.0
                           for f, cs in self.details.items()}
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.avg = {f: (sum(ls) / len(ls) if ls else 1.0) or 1.0
                    for f, ls in self.lengths.items()}
        self.impacts = self._impacts()
        self.postings.clear()  # the impacts replace them
        self.name_idf = [sum(self.idf.get(w, 0.0) for w in words) or 1.0
                         for words in self.name_words]
        # the name words a question can hold: a question is read without its stopwords
        self.askable = [words - self.analyzer.never_asked(record.name)
                        for words, record in zip(self.name_words, self.records, strict=True)]
        self.vocabulary = sorted({t for t in self.idf if "_" not in t and len(t) > 1})
        self._known = frozenset(self.vocabulary)

    def _index(self, doc: int, record: ProcedureRecord) -> set[str]:
        texts = {"name": record.name, "keywords": " ; ".join(record.keywords),
                 "field": record.field, "agency": record.implementing_agency,
                 "content": content_text(record)}
        seen: set[str] = set()
        for field_name, text in texts.items():
            words = self.analyzer.words(text, question=False)
            if field_name == "keywords":
                words = [w for part in record.keywords
                         for w in [*self.analyzer.words(part, question=False), "|"]]
            field_terms = [t for t in terms(words) if "|" not in t]
            if field_name == "content":  # pairs only: specific, and short posting lists
                field_terms = sorted({t for t in field_terms if "_" in t})
            self.lengths[field_name].append(len(field_terms))
            for term, tf in Counter(field_terms).items():
                self.postings[field_name][term].append((doc, tf))
            seen.update(field_terms)
            if field_name == "name":
                self.name_words.append(frozenset(words))
                self.name_pairs.append(frozenset(t for t in field_terms if "_" in t))
        return seen

    def _impacts(self) -> dict[str, dict[str, list[tuple[int, float]]]]:
        """Each posting's BM25 contribution, computed once: a query only adds them up."""
        out: dict[str, dict[str, list[tuple[int, float]]]] = {}
        for field_name, postings in self.postings.items():
            lengths, avg = self.lengths[field_name], self.avg[field_name]
            out[field_name] = {
                term: [(doc, self.idf[term] * tf * (K1 + 1)
                        / (tf + K1 * (1 - B + B * lengths[doc] / avg))) for doc, tf in docs]
                for term, docs in postings.items()}
        return out

    def _index_details(self, record: ProcedureRecord) -> set[str]:
        """Syllable pairs of the conditions, documents, steps and result, per field."""
        texts = {"conditions": record.conditions or "",
                 "documents": " ; ".join(d.name for d in record.documents),
                 "steps": " ; ".join(record.steps), "result": record.result or ""}
        seen: set[str] = set()
        for field_name, text in texts.items():
            pairs = [t for t in terms(self.analyzer.words(text, question=False)) if "_" in t]
            counts = Counter(pairs)
            self.details[field_name].append(counts)
            seen.update(counts)
        return seen

    def __len__(self) -> int:
        return len(self.records)

    def correct(self, word: str) -> str:
        """A known syllable for an unknown one (typo), or the word itself."""
        if word in self._known or len(word) < 3 or word.isdigit() or not self.vocabulary:
            return word
        limit = 1 if len(word) < 7 else 2
        best = process.extractOne(word, self.vocabulary, scorer=OSA.distance,
                                  score_cutoff=limit)
        if best is None or (len(word) < 5 and best[0][0] != word[0]):
            return word  # short words: only trust a correction that keeps the first letter
        return str(best[0])

    def query_words(self, question: str) -> list[str]:
        """The question's searchable syllables, typos corrected."""
        return [self.correct(w) for w in self.analyzer.words(question, question=True)]

    def search(self, question: str, limit: int = 5, *, expand: bool = True) -> list[Hit]:
        """The best ``limit`` procedures for the question (``InvalidQuery`` if unusable).

        ``expand``: let situations imply procedures (``expansions``), let example
        questions suggest candidates and let the learned re-ranker order them; routing
        turns this off, since a complaint only names a procedure when it says its name."""
        query = self._analyse(validate_query(question), expand,
                              with_examples=expand and self.ranker is not None)
        if query is None:
            return []
        if expand and self.ranker is not None:
            docs = self._candidates(query)
            found = self._features(query, docs)
            values = self.ranker.scores(found, query.cues)
            top, scale = max(values), max(c.first_stage for c in found) or 1.0
            own = set(query.words)
            asked = _Asked.of(query.all_words, self.idf)
            ranked = [Hit(self.records[c.doc].code, self.records[c.doc].name,
                          scale * math.exp((v - top) / SCORE_TEMPERATURE), c.confidence,
                          c.name_cov_all, c.unasked_variant,
                          bool(own) and own <= self.name_words[c.doc],
                          explained=self._explained(c.doc, asked))
                      for c, v in zip(found, values, strict=True)]
            ranked.sort(key=lambda h: (-h.score, h.code))
            return ranked[:limit]
        return self._first_stage(query, limit)

    def named_in(self, text: str, limit: int = 5) -> tuple[list[Hit], list[str]]:
        """``search(text, limit, expand=False)`` and the text's searchable words, in
        order, as that search read them: routing looks where a hit's name stands in a
        complaint without analysing the text a second time."""
        query = self._analyse(validate_query(text), False, with_examples=False)
        if query is None:
            return [], []
        return self._first_stage(query, limit), query.words

    def askable_name_words(self, code: str) -> frozenset[str]:
        """The words of the procedure's name a question's words can meet: its question
        stopwords ("cho", "và", "về" …) are left out, since a question is read without
        them ("Cấp giấy phép lao động cho người lao động nước ngoài" asked for is never
        read with its "cho"). Empty for a code not in the index."""
        docs = self.docs_of_code.get(code)
        return self.askable[docs[0]] if docs else frozenset()

    def _first_stage(self, query: _Query, limit: int) -> list[Hit]:
        """The best ``limit`` hits by the first stage's scores alone."""
        candidates = heapq.nlargest(RERANK_DEPTH, query.scores.items(), key=itemgetter(1))
        asked = _Asked.of(query.all_words, self.idf)
        hits = [self._hit(doc, score, asked, set(query.words)) for doc, score in candidates]
        hits.sort(key=lambda h: (-h.score, h.code))
        return hits[:limit]

    def candidates(self, question: str) -> tuple[list[Hit], list[list[float]]]:
        """The re-ranker's candidates for a question and their feature vectors, in
        first-stage order (for inspection)."""
        query, docs, rows = self._candidate_rows(question)
        if query is None:
            return [], []
        asked = _Asked.of(query.all_words, self.idf)
        hits = [self._hit(doc, query.scores.get(doc, 0.0), asked, set(query.words))
                for doc in docs]
        return hits, rows

    def candidate_codes(self, question: str) -> tuple[list[str], list[list[float]]]:
        """``candidates`` with their codes only: training needs no more of a hit."""
        _, docs, rows = self._candidate_rows(question)
        return [self.records[doc].code for doc in docs], rows

    def _candidate_rows(self, question: str,
                        ) -> tuple[_Query | None, list[int], list[list[float]]]:
        """The analysed question, its candidates and their feature vectors."""
        query = self._analyse(validate_query(question), True, with_examples=True)
        if query is None:
            return None, [], []
        docs = self._candidates(query)
        return query, docs, vectors(self._features(query, docs), query.cues, self.cue_table)

    def _analyse(self, text: str, expand: bool, *, with_examples: bool) -> _Query | None:
        """The question's words and its first-stage scores (None: nothing to search).

        With ``expand``, the variants the question rejects are taken out first."""
        if expand:
            text = self.analyzer.without_rejections(text)
        words = self.query_words(text)
        implied = self.analyzer.implied(text) if expand else []
        cues = self.cue_table.of_question(text) if expand else frozenset()
        for cue in sorted(cues):  # a situation the cues read implies its procedure words
            implied += [w for w in self.analyzer.table.cue_implies.get(cue, ())
                        if w not in implied]
        if not (words or implied) or not self.records:
            return None
        own_terms = list(dict.fromkeys(terms(words)))
        per_field = self._bm25_fields(own_terms)
        scores = self._combine(per_field)
        implied_scores = self._combine(self._bm25_fields(list(dict.fromkeys(terms(implied)))))
        for doc, value in implied_scores.items():
            scores[doc] = scores.get(doc, 0.0) + IMPLIED_WEIGHT * value
        examples: dict[int, float] = {}
        examples_tail: dict[int, float] = {}
        pooled: dict[int, float] = {}
        pooled_tail: dict[int, float] = {}
        if with_examples:
            examples = self._similar(own_terms)
            pooled = self._per_doc(self.examples.pooled_scores(own_terms))
            pooled_tail, examples_tail = pooled, examples
            if len(words) >= TAIL_FROM:
                tail_terms = list(dict.fromkeys(terms(words[len(words) // 2:])))
                pooled_tail = self._per_doc(self.examples.pooled_scores(tail_terms))
                examples_tail = self._similar(tail_terms)
        if not scores and not examples:
            return None
        asked = frozenset(words)
        if len(words) >= TAIL_FROM:
            asked = frozenset(w for part in asked_parts(text, self.analyzer.table.ask_markers)
                              for w in self.query_words(part))
        return _Query(text, words, words + [w for w in implied if w not in words], scores,
                      per_field, implied_scores, examples, examples_tail, pooled, pooled_tail,
                      asked, cues, self._done_words(text, words))

    def _done_words(self, text: str, words: list[str]) -> frozenset[str]:
        """The question's words said only in what it tells as done or had."""
        table = self.analyzer.table
        parts = done_parts(text, table.done_markers, table.ask_markers)
        if not parts:
            return frozenset()
        done = Counter(w for part in parts for w in self.query_words(part))
        told = Counter(words)
        return frozenset(w for w, n in done.items() if told[w] <= n)

    def _similar(self, query_terms: list[str]) -> dict[int, float]:
        """Per document, its closest example's similarity relative to the closest overall."""
        return self._per_doc(self.examples.scores(query_terms))

    def _per_doc(self, similar: dict[str, float]) -> dict[int, float]:
        """Per-code similarities as per-document ones, relative to the best."""
        best = max(similar.values(), default=0.0)
        out: dict[int, float] = {}
        for code, value in similar.items():
            for doc in self.docs_of_code.get(code, ()):
                out[doc] = value / best
        return out

    def _candidates(self, query: _Query) -> list[int]:
        """Best first-stage docs, plus the best by name and keywords, by implied words
        and by example questions."""
        scores = query.scores
        chosen = dict.fromkeys(d for d, _ in heapq.nlargest(RERANK_DEPTH, scores.items(),
                                                            key=itemgetter(1)))
        named: dict[int, float] = defaultdict(float)
        for field_name in ("name", "keywords"):
            for doc, value in query.per_field.get(field_name, {}).items():
                named[doc] += value
        for extra in (named, query.implied_scores, query.examples):
            for doc, _ in heapq.nlargest(EXTRA_CANDIDATES, extra.items(), key=itemgetter(1)):
                chosen.setdefault(doc)
        return sorted(chosen, key=lambda d: (-scores.get(d, 0.0), d))

    def _features(self, query: _Query, docs: list[int]) -> list[Candidate]:
        own, every = set(query.words), set(query.all_words)
        # a long story ends with what is asked ("…, giờ báo mất ở đâu"): the second half
        tail = set(query.words[len(query.words) // 2:]) if len(query.words) >= TAIL_FROM \
            else own
        query_pairs = set(terms(query.all_words)) - every
        pair_terms = [t for t in dict.fromkeys(terms(query.words)) if "_" in t]
        asked = _Asked.of(query.all_words, self.idf)
        unique, total_idf = asked.unique, asked.total
        found = []
        for rank, doc in enumerate(docs, start=1):
            name_words = self.name_words[doc]
            fields = {f: query.per_field.get(f, {}).get(doc, 0.0) for f in FIELD_WEIGHTS}
            fields.update(self._detail_scores(doc, pair_terms))
            name_idf = self.name_idf[doc]
            uncovered = sum(self.idf.get(w, 0.0) for w in name_words - every)
            pairs = self.name_pairs[doc]
            found.append(Candidate(
                doc=doc, first_stage=query.scores.get(doc, 0.0), rank=rank, fields=fields,
                implied=query.implied_scores.get(doc, 0.0),
                examples=query.examples.get(doc, 0.0),
                examples_tail=query.examples_tail.get(doc, 0.0),
                examples_pooled=query.examples_pooled.get(doc, 0.0),
                examples_pooled_tail=query.examples_pooled_tail.get(doc, 0.0),
                name_cov=len(name_words & own) / len(name_words) if name_words else 0.0,
                name_cov_all=len(name_words & every) / len(name_words) if name_words else 0.0,
                name_bigram_cov=len(pairs & query_pairs) / len(pairs) if pairs else 0.0,
                confidence=sum(self.idf.get(w, 0.0) for w in unique
                               if w in self.doc_terms[doc]) / total_idf,
                name_len=len(name_words), uncovered_idf=uncovered / name_idf,
                unasked_variant=self._unasked_variant(name_words, every),
                cues=self.proc_cues[doc],
                tail_cov=len(name_words & tail) / len(name_words) if name_words else 0.0,
                name_share=sum(self.idf.get(w, 0.0) for w in name_words & every)
                / total_idf,
                ask_cov=len(name_words & query.asked) / len(name_words) if name_words else 0.0,
                done_cov=len(name_words & query.done) / len(name_words) if name_words else 0.0))
        return found

    def _detail_scores(self, doc: int, pair_terms: list[str]) -> dict[str, float]:
        """BM25 of the question's syllable pairs in each content field of one procedure."""
        out = {}
        for field_name, counts in self.details.items():
            doc_counts = counts[doc]
            length = _size(doc_counts)
            norm_len = K1 * (1 - B + B * length / self.detail_avg[field_name])
            value = 0.0
            for term in pair_terms:
                tf = doc_counts.get(term)
                if tf:
                    value += self.detail_idf.get(term, 0.0) * tf * (K1 + 1) / (tf + norm_len)
            out[field_name] = value
        return out

    @staticmethod
    def _combine(per_field: dict[str, dict[int, float]]) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        for field_name, values in per_field.items():
            weight = FIELD_WEIGHTS[field_name]
            for doc, value in values.items():
                scores[doc] += weight * value
        return scores

    def _bm25_fields(self, query_terms: list[str]) -> dict[str, dict[int, float]]:
        """Unweighted BM25 of the terms in each first-stage field, per document."""
        out: dict[str, dict[int, float]] = {}
        for field_name in FIELD_WEIGHTS:
            scores: dict[int, float] = defaultdict(float)
            impacts = self.impacts[field_name]
            for term in query_terms:
                for doc, value in impacts.get(term, ()):
                    scores[doc] += value
            out[field_name] = scores
        return out

    def _hit(self, doc: int, score: float, asked: _Asked, own: set[str]) -> Hit:
        """A first-stage hit; ``own``: the question's own words (not those its situation
        implies), which ``within_name`` compares with the name as the re-ranked hits do."""
        record = self.records[doc]
        name_words, askable = self.name_words[doc], self.askable[doc]
        query = asked.words
        coverage = len(askable & query) / len(askable) if askable else 0.0
        terms_of_doc = self.doc_terms[doc]
        matched = sum(self.idf.get(w, 0.0) for w in asked.unique if w in terms_of_doc)
        penalty = VARIANT_PENALTY if self._unasked_variant(name_words, query) else 1.0
        return Hit(record.code, record.name, score * (0.6 + 0.4 * coverage) * penalty,
                   matched / asked.total, coverage, within_name=bool(own) and own <= name_words,
                   explained=self._explained(doc, asked))

    def _explained(self, doc: int, asked: _Asked) -> float | None:
        """``Hit.explained``: the share of the question's idf in the procedure or in its
        example questions (None when it has none)."""
        told = self.examples.words_of.get(self.records[doc].code)
        if told is None:
            return None
        within = self.doc_terms[doc]
        return sum(self.idf.get(w, UNKNOWN_IDF) for w in asked.unique
                   if w in within or w in told) / asked.total

    def _unasked_variant(self, name_words: frozenset[str], query: set[str]) -> bool:
        """The name has a variant word ("lại", "gia hạn") that the question lacks."""
        return any(not all(w in query for w in m) for m in self._modifiers_of(name_words))

    def _modifiers_of(self, name_words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
        """The variant phrases a name holds (kept per name: the same for every query)."""
        found = self._name_modifiers.get(name_words)
        if found is None:
            found = tuple(m for m in self.analyzer.table.modifiers
                          if all(w in name_words for w in m))
            self._name_modifiers[name_words] = found
        return found
