"""The learned re-ranker of procedure search: features of a (question, procedure) pair.

BM25 finds candidates; this module says which of them the citizen means. Each candidate
gets a feature vector: its BM25 per field (name, keywords, field, agency, and the
procedure's own content — conditions, documents, steps, result — each normalised by the
best candidate's), how much of its name the question covers (own words, and with the
words its situations imply; for a long question also the clauses in which it says what
it wants, "… tôi muốn tạm ngừng kinh doanh"), the first-stage rank, and the agreement
of *variant cues*:
what the question says about the citizen's situation (lost papers, an expired card, a
foreign spouse, a first licence, a death…) against what the procedure's name says it is
for ("Cấp lại", "Cấp đổi", "lần đầu", "có yếu tố nước ngoài"…). The cue phrases are data
(``question_cues`` and ``procedure_cues`` in ``synonyms.yml``); the weights are learned
(``intake.catalog.training``, pairwise logistic regression on
``data/search_training.jsonl``) and committed as plain JSON (``data/ranker.json``), so
ranking is deterministic and needs no scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from intake.text import nfc, strip_diacritics

RANKER_FILE = Path(__file__).resolve().parent / "data" / "ranker.json"
CUES_FILE = Path(__file__).resolve().parent / "synonyms.yml"
BM25_FEATURES = ("name", "keywords", "field", "agency", "content", "conditions",
                 "documents", "steps", "result")
CONTINUOUS = (*(f"bm25_{f}" for f in BM25_FEATURES), "implied", "examples", "first_stage",
              "first_stage_log", "rank_recip", "name_cov", "name_cov_all",
              "name_bigram_cov", "confidence", "name_len", "uncovered_idf",
              "unasked_variant", "name_share", "tail_cov", "examples_tail", "ask_cov",
              "done_cov", "examples_pooled", "examples_pooled_tail")
# The levels a procedure is carried out at (``cap_thuc_hien``), as procedure cues: a
# question that says where the citizen goes ("lên xã", "UBND huyện", "Sở …") meets the
# level of the record, not only words of its name; the learned weight of each level alone
# is the level citizens most often mean when the question does not say.
LEVEL_CUES = {"xa": "level_xa", "huyen": "level_huyen", "tinh": "level_tinh"}
PLACE_CUE_PREFIX = "at_"  # question cues of where one goes: weighed against the levels
DEATH_CUE = "death"  # the question cue a kinsman's "mất" gives (``kin_deaths``)
# the question cue of a question that tells no situation (no cue but where one goes):
# weighed against the variants names say, it lets the ranker learn how little a "Cấp
# đổi …" or "Cấp lại …" fits a question that says nothing of a loss, an expiry, a change
# ("làm căn cước mất bao lâu"), apart from how often a situation told implies one
UNTOLD_CUE = "untold"
_MAT = re.compile(r"(?<!\w)m[ấa]t(?!\w)")


def _phrase_pattern(phrase: str, *, marked: bool = False) -> str:
    """A regex for a phrase: each marked letter also matches its bare form, unless
    ``marked`` (the phrase then matches only as written with its diacritics)."""
    out = []
    for ch in nfc(phrase.lower()).strip():
        bare = strip_diacritics(ch)
        if ch.isspace():
            out.append(r"\s+")
        elif bare != ch and not marked:
            out.append(f"[{re.escape(ch)}{re.escape(bare)}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _cue_regex(phrases: Sequence[str], marked: frozenset[str] = frozenset(),
               ) -> re.Pattern[str]:
    """Whole-word alternatives, longest first; a phrase in ``marked`` only with its marks."""
    ordered = sorted({str(p) for p in phrases if str(p).strip()}, key=len, reverse=True)
    body = "|".join(_phrase_pattern(p, marked=nfc(p.lower()).strip() in marked)
                    for p in ordered) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@dataclass(frozen=True)
class CueTable:
    """Compiled cue phrases: what questions say and what procedure names say."""

    question: tuple[tuple[str, re.Pattern[str]], ...]
    procedure: tuple[tuple[str, re.Pattern[str]], ...]
    # phrases that contain a cue once diacritics are optional and are not that cue
    # ("người lao động" is not "người Lào", "nguoi bi benh" not "người Bỉ"): blanked
    # out of a question before its cues are read
    false_friends: re.Pattern[str] | None = None
    # a kinsman's "mất" ("mẹ tôi mất năm ngoái"): a death, not a lost paper
    deaths: KinDeaths | None = None

    def of_question(self, text: str) -> frozenset[str]:
        """The cues found in a question (NFC, any case, with or without diacritics).

        False friends hide situations only: a place the citizen names ("sở lao động",
        "sở y tế", the "at_…" cues) is read in the whole question. A kinsman's "mất" is
        the death cue and is not read as a lost paper."""
        lowered = nfc(text).lower()
        blanked = lowered
        if self.false_friends is not None:
            blanked = self.false_friends.sub(" ~ ", lowered)  # not a space: no new phrase
        died = without_kin_deaths(blanked, self.deaths)
        found = {name for name, rx in self.question
                 if rx.search(lowered if name.startswith(PLACE_CUE_PREFIX) else died)}
        if died != blanked:
            found.add(DEATH_CUE)
        return frozenset(found)

    def of_procedure(self, name: str) -> frozenset[str]:
        """The variant cues of a procedure, read from its name."""
        lowered = nfc(name).lower()
        return frozenset(cue for cue, rx in self.procedure if rx.search(lowered))

    def of_record(self, name: str, levels: Sequence[str]) -> frozenset[str]:
        """The cues of a procedure: its name's variant cues and its levels."""
        return self.of_procedure(name) | {LEVEL_CUES[lv] for lv in levels if lv in LEVEL_CUES}

    @property
    def procedure_names(self) -> tuple[str, ...]:
        """Every procedure cue: those read from names, then the levels."""
        return (*(p for p, _ in self.procedure), *LEVEL_CUES.values())

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The (question cue, procedure cue) pairs weighed: a situation against the
        variants names say, a place ("at_…") against the levels records say, and a
        question that tells no situation (``UNTOLD_CUE``) against the variants."""
        names = [p for p, _ in self.procedure]
        levels = list(LEVEL_CUES.values())
        return (*((q, p) for q, _ in self.question
                  for p in (levels if q.startswith(PLACE_CUE_PREFIX) else names)),
                *((UNTOLD_CUE, p) for p in names))

    def feature_names(self) -> tuple[str, ...]:
        """Binary features: each procedure cue, and each (question cue, procedure cue)."""
        return (*(f"p:{p}" for p in self.procedure_names),
                *(f"q:{q}*p:{p}" for q, p in self.pairs()))


def with_countries(phrase: str, countries: Sequence[object]) -> list[str]:
    """A phrase, or with ``{country}`` each of the countries in its place ("vợ {country}"
    → "vợ Hàn Quốc", "vợ Lào" …): a nationality is written many ways, the list once."""
    return with_slot(phrase, "{country}", countries)


def with_slot(phrase: str, slot: str, values: Sequence[object]) -> list[str]:
    """A phrase, or with ``slot`` each of the values in its place."""
    if slot not in phrase:
        return [phrase]
    return [phrase.replace(slot, str(v)) for v in values]


@dataclass(frozen=True)
class KinDeaths:
    """A kinsman's death as ``synonyms.yml`` describes it: one of ``kin``, up to two of
    ``kin_of``, any of ``kin_adverbs``, then "mất", not followed by one of
    ``lost_things`` ("mẹ mất sổ đỏ" is a lost paper after all). A kinsman after one of
    ``kin_owns`` ("của") owns what was lost ("giấy khai sinh của bố mẹ em mất từ lâu"),
    unless a kinsman stands before that "của" too ("bố của chồng tôi mới mất", "bà
    ngoại của vợ tôi mất"): then it is a death again."""

    phrase: re.Pattern[str]
    # the end of a text that leaves a kinsman's "mất" to a thing: "… của (kinsman …)"
    owned: re.Pattern[str] | None
    # the end of a text that is a kinsman ("bố ", "bà ngoại "): what "của" follows
    kin_end: re.Pattern[str]

    def owns(self, before: str) -> bool:
        """Whether the kinsman after ``before`` only owns the lost thing."""
        found = self.owned.search(before) if self.owned is not None else None
        return found is not None and not self.kin_end.search(before[:found.start()])

    def sub(self, text: str) -> str:
        """The text with the "mất" of each kinsman's death replaced by "~"."""
        return self.phrase.sub(
            lambda m: m.group(0) if self.owns(text[:m.start()]) else _MAT.sub("~", m.group(0)),
            text)


def read_kin_deaths(data: Mapping[str, object]) -> KinDeaths | None:
    """The kinsmen's deaths ``synonyms.yml`` describes (``KinDeaths``); None without
    ``kin``."""
    kin_words = [str(k) for k in _listed(data.get("kin"))]
    if not kin_words:
        return None

    marked = _marked_only(data)

    def alternatives(key: str) -> str:
        return _cue_regex([str(w) for w in _listed(data.get(key))], marked).pattern

    # a kinsman whose bare form is an everyday word ("cô" and "có" are both "co": "có
    # mặt" is not an aunt's death) counts only with its marks, as the cue syllables do
    kin = _cue_regex(kin_words, marked).pattern
    phrase = re.compile(rf"{kin}(?:\s+{alternatives('kin_of')}){{0,2}}"
                        rf"(?:\s+{alternatives('kin_adverbs')})*\s+{_phrase_pattern('mất')}"
                        rf"(?!\w)(?!\s+{alternatives('lost_things')})")
    owners = [str(w) for w in _listed(data.get("kin_owns"))]
    owned = (re.compile(rf"{_cue_regex(owners).pattern}\s+(?:{kin}\s+)*$") if owners
             else None)
    return KinDeaths(phrase, owned, re.compile(rf"{kin}(?:\s+{alternatives('kin_of')})*\s*$"))


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def without_kin_deaths(text: str, deaths: KinDeaths | None) -> str:
    """The text (lower case, NFC) with the "mất" of each kinsman's death taken out
    ("mẹ tôi mất năm 2003" → "mẹ tôi ~ năm 2003"; "mẹ mất sổ đỏ" and "giấy khai sinh của
    mẹ em mất" stay)."""
    if deaths is None:
        return text
    return deaths.sub(text)


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_FILE) -> CueTable:
    """Read ``question_cues`` and ``procedure_cues`` (cached per path)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    countries = [str(c) for c in data.get("countries") or []]
    things = [str(t) for t in _listed(data.get("lost_things"))]

    def phrases(values: Sequence[object]) -> list[str]:
        """Each phrase with ``{country}`` and ``{thing}`` (``lost_things``: "mất {thing}"
        → "mất sổ", "mất thẻ" …) written out."""
        return [p for value in values for c in with_countries(str(value), countries)
                for p in with_slot(c, "{thing}", things)]

    # one syllable whose bare form is another everyday word ("ố" and "ở" are both "o",
    # "mờ" and "mở" "mo", "đẻ" and "để" "de"): read only when typed with its marks
    marked = _marked_only(data)

    def compiled(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        section = data.get(key) or {}
        return tuple((str(k), _cue_regex(phrases(v or []), marked))
                     for k, v in section.items())

    friends = [str(w) for w in data.get("false_friends") or [] if str(w).strip()]
    if UNTOLD_CUE in (data.get("question_cues") or {}):
        raise ValueError(f"{path}: question cue {UNTOLD_CUE!r} is the ranker's own "
                         "(a question that tells no situation); name it otherwise")
    return CueTable(compiled("question_cues"), compiled("procedure_cues"),
                    _cue_regex(friends) if friends else None, read_kin_deaths(data))


# the marks that end a clause
_BREAK = r"[.?!;:,\n()]"
_CLAUSE_END = re.compile(_BREAK + "+")
# A rejected variant reaches at most this many words past its negator ("không nằm trong
# khu công nghiệp"), and no further than its clause or a word that starts another part
REJECTED_WORDS = 4
_WORD_OR_BREAK = re.compile(_BREAK + r"|[^\W_]+")


@dataclass(frozen=True)
class Rejections:
    """What a question says the citizen's case is *not*: "không nằm trong khu công
    nghiệp", "ngoài KCN", "đóng cửa hẳn, không tạm ngừng nữa", and what the citizen does
    not want ("không muốn cấp lại bằng lái", "chưa định bán nhà"). The words of the rejected
    variant are taken out of the question, so they count for no procedure (its name's
    words are then unasked: "… trong khu công nghiệp", "Tạm ngừng …" rank below the
    variant the citizen means)."""

    negators: re.Pattern[str]  # the rejected words follow ("không thuộc", "ngoài khu")
    stopped: re.Pattern[str]  # a variant no longer wanted: "không tạm ngừng nữa"
    boundaries: frozenset[str]  # words that end a rejection ("thì", "mà", "muốn" …)
    # words that add another rejected alternative ("không cần cấp lại hay cấp đổi"):
    # the rejection goes on past them, with REJECTED_WORDS more words
    alternatives: frozenset[str] = frozenset()
    # words that, right after an alternative, open a new clause the refusal does not
    # reach ("không cần cấp lại hay em phải làm gì"): as typed, lower case and NFC, with
    # their marks ("chung cư", "tới", "chi phí", "ảnh" open nothing), and bare only those
    # whose bare form is no other word ("em", "ad")
    clause_openers: frozenset[str] = frozenset()
    # a clause that is a yes/no question ("… không cần giấy phép đúng không"): it asks
    # about the refusal, so it rules nothing out
    yes_no: re.Pattern[str] | None = None
    # words a negator's last word begins and that are no refusal ("không định cư",
    # "không định danh", "chua dinh chinh": đính chính)
    lookalikes: re.Pattern[str] | None = None

    def blank(self, text: str) -> str:
        """The text (lower case, NFC) with each rejection and its negator as " ~ "."""
        text = self.stopped.sub(lambda m: " ~ " + m.group(0)[m.start("end") - m.start():],
                                nfc(text).lower())
        out, last = [], 0
        for found in self.negators.finditer(text):
            if found.start() < last or self._is_no_refusal(text, found):
                continue
            end = self._scope_end(text, found.end())
            out += [text[last:found.start()], " ~ "]
            last = end
        return "".join(out) + text[last:]

    def _is_no_refusal(self, text: str, negator: re.Match[str]) -> bool:
        """Whether a negator found refuses nothing: it is part of a look-alike word
        ("không định cư") or its clause is a yes/no question."""
        if self.lookalikes is not None:
            last_word = negator.start() + negator.group(0).rstrip().rfind(" ") + 1
            word = self.lookalikes.match(text, last_word)
            if word is not None and word.end() > negator.end():
                return True
        if self.yes_no is None:
            return False
        breaks = [b.end() for b in _CLAUSE_END.finditer(text, 0, negator.start())]
        after = _CLAUSE_END.search(text, negator.end())
        clause = text[breaks[-1] if breaks else 0:after.start() if after else len(text)]
        return self.yes_no.search(clause) is not None

    def _scope_end(self, text: str, start: int) -> int:
        """Where the rejected words that follow a negator end."""
        end, words, after_alternative = start, 0, False
        for token in _WORD_OR_BREAK.finditer(text, start):
            word = token.group(0)
            if words and strip_diacritics(word) in self.alternatives:
                words, after_alternative = 0, True
                continue
            if not word[0].isalnum() or strip_diacritics(word) in self.boundaries:
                break
            if after_alternative and word in self.clause_openers:
                break
            after_alternative = False
            end, words = token.end(), words + 1
            if words == REJECTED_WORDS:
                break
        return end


def read_rejections(data: Mapping[str, object]) -> Rejections | None:
    """``synonyms.yml``'s ``rejections``: its ``negators`` (those of ``marked_only`` only
    with their marks), the ``modifiers`` a "không … nữa" stops, its ``boundaries`` and
    ``alternatives``; None without negators."""
    section = data.get("rejections")
    if not isinstance(section, dict) or not _listed(section.get("negators")):
        return None
    modifiers = [str(m) for m in _listed(data.get("modifiers"))]
    variant = _cue_regex(modifiers).pattern
    # a negator whose bare form is an everyday phrase ("nằm ngoài" and "năm ngoái", last
    # year, are both "nam ngoai") rules out only as typed with its marks
    marked = _marked_only(data)
    lookalikes = [str(w) for w in _listed(data.get("ask_lookalikes"))]
    return Rejections(
        negators=_cue_regex([str(n) for n in _listed(section.get("negators"))], marked),
        yes_no=yes_no_regex(section, data),
        lookalikes=_cue_regex(lookalikes, marked) if lookalikes else None,
        stopped=re.compile(rf"(?<!\w){_phrase_pattern('không')}\s+(?:{variant})"
                           rf"\s+(?P<end>{_phrase_pattern('nữa')})(?!\w)"),
        boundaries=_folded_words(section.get("boundaries")),
        alternatives=_folded_words(section.get("alternatives")),
        clause_openers=_typed_words(section.get("clause_openers"))
        | _folded_words(section.get("clause_openers_bare")))


def _folded_words(listed: object) -> frozenset[str]:
    """A list of words from ``synonyms.yml``, lower case and without marks."""
    return frozenset(strip_diacritics(nfc(str(w).lower())) for w in _listed(listed))


def _typed_words(listed: object) -> frozenset[str]:
    """A list of words from ``synonyms.yml`` as written, lower case and NFC (a word with
    marks is then found only as typed with them)."""
    return frozenset(nfc(str(w).lower()).strip() for w in _listed(listed))


def _marked_only(data: Mapping[str, object]) -> frozenset[str]:
    """``synonyms.yml``'s ``marked_only``: phrases read only as typed with their marks."""
    return _typed_words(data.get("marked_only"))


def _at_clause_end(data: Mapping[str, object]) -> str:
    """A lookahead: what follows closes its clause, after at most one of
    ``final_particles`` ("… ở đâu ạ", "… được không vậy")."""
    particles = [str(p) for p in _listed(data.get("final_particles"))]
    particle = rf"(?:\s+{_cue_regex(particles).pattern})?" if particles else ""
    return rf"(?={particle}\s*(?:{_BREAK}|$))"


def yes_no_regex(section: Mapping[str, object],
                 data: Mapping[str, object]) -> re.Pattern[str] | None:
    """A yes/no question in a clause: one of the rejections' ``question_tails`` ("đúng
    không", "được không") anywhere, or one of its ``question_ends`` ("không", "chưa")
    closing the clause ("có cần … không"); None without either."""
    tails = [str(t) for t in _listed(section.get("question_tails"))]
    ends = [str(e) for e in _listed(section.get("question_ends"))]
    if not tails and not ends:
        return None
    return re.compile(rf"{_cue_regex(tails).pattern}|{_cue_regex(ends).pattern}"
                      rf"{_at_clause_end(data)}")


def _question_regex(questions: Sequence[str], data: Mapping[str, object]) -> str:
    """The question words as one pattern: those of ``marked_only`` ("ở đâu": bare, also
    "ở đầu") typed without their marks only at the end of their clause."""
    marked = _marked_only(data)
    pattern = _cue_regex(questions, marked).pattern
    ambiguous = [q for q in questions if nfc(q.lower()).strip() in marked]
    if ambiguous:
        pattern += rf"|{_cue_regex(ambiguous).pattern}{_at_clause_end(data)}"
    return pattern


def ask_regex(data: Mapping[str, object]) -> re.Pattern[str] | None:
    """``synonyms.yml``'s ``ask_markers`` ("muốn", "xin", "đề nghị" …) as one regex.

    The words that hold a marker and are no ask (``ask_lookalikes``: "quyết định",
    "thẩm định", "gia đình" — "gia dinh" typed without marks) are matched too, first, in
    the group ``lookalike``, so that ``first_ask`` passes over them. A question asked
    without a request word ("Vậy tôi phải nộp ở đâu", "… thì làm sao", "cho em hỏi …")
    is told by its ``question_words``, in the group ``question``: such a clause asks as a
    whole (``asked_parts``)."""
    markers = [str(m) for m in _listed(data.get("ask_markers"))]
    if not markers:
        return None
    groups = []
    marked = _marked_only(data)
    lookalikes = [str(w) for w in _listed(data.get("ask_lookalikes"))]
    if lookalikes:
        groups.append(rf"(?P<lookalike>{_cue_regex(lookalikes, marked).pattern})")
    groups.append(_cue_regex(markers, marked).pattern)
    questions = [str(w) for w in _listed(data.get("question_words"))]
    if questions:
        groups.append(rf"(?P<question>{_question_regex(questions, data)})")
    return re.compile("|".join(groups)) if len(groups) > 1 else _cue_regex(markers)


def first_ask(markers: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first ask marker or question word in the text that is not part of a
    look-alike word."""
    return next((m for m in markers.finditer(text) if m.lastgroup != "lookalike"), None)


def asked_parts(text: str, markers: re.Pattern[str] | None) -> list[str]:
    """What a question asks for: in each clause with an ask marker, the words from the
    marker on ("Công ty tôi ở TP Bắc Giang, do khó khăn, tôi muốn tạm ngừng kinh doanh
    12 tháng. Xin hỏi thời hạn …" → "muốn tạm ngừng kinh doanh 12 tháng", "Xin hỏi
    thời hạn …"); a clause that asks with a question word only ("giấy phép hết hạn thì
    làm sao") as a whole; none without markers."""
    if markers is None:
        return []
    parts = []
    for clause in _CLAUSE_END.split(nfc(text).lower()):
        found = first_ask(markers, clause)
        if found is not None:
            parts.append(clause if found.lastgroup == "question" else clause[found.start():])
    return parts


# Clauses, and the words that start another part of a sentence ("…đã giải quyết lần đầu
# nhưng tôi không đồng ý", "…đã có sổ, giờ muốn tách"): what is told as done ends there
_DONE_CLAUSE_END = re.compile(_CLAUSE_END.pattern + r"|(?<!\w)(?:nhưng|nhung|mà|giờ|gio|bây giờ|"
                              r"bay gio|nay|rồi|roi)(?!\w)")


def done_regex(data: Mapping[str, object]) -> re.Pattern[str] | None:
    """``synonyms.yml``'s ``done_markers`` ("đã có", "đã được", "đã làm xong" …)."""
    markers = [str(m) for m in _listed(data.get("done_markers"))]
    return _cue_regex(markers) if markers else None


def done_parts(text: str, done: re.Pattern[str] | None,
               asks: re.Pattern[str] | None) -> list[str]:
    """What a question tells as already done or had: each clause with a done marker and
    no ask marker ("Công ty đã có giấy phép kinh doanh vận tải, nay mua thêm xe …" →
    "công ty đã có giấy phép kinh doanh vận tải"); none without markers."""
    if done is None:
        return []
    return [clause for clause in _DONE_CLAUSE_END.split(nfc(text).lower())
            if done.search(clause) and not (asks is not None and first_ask(asks, clause))]


def feature_names(cues: CueTable) -> tuple[str, ...]:
    """Every feature, in the order of the weight vector."""
    return (*CONTINUOUS, *cues.feature_names())


@dataclass(frozen=True)
class Candidate:
    """What the index knows about one candidate for one question (raw, unnormalised)."""

    doc: int
    first_stage: float
    rank: int
    fields: Mapping[str, float]
    implied: float
    examples: float  # similarity to the closest example, relative to the best overall
    name_cov: float
    name_cov_all: float
    name_bigram_cov: float
    confidence: float
    name_len: int
    uncovered_idf: float
    unasked_variant: bool
    cues: frozenset[str]
    name_share: float = 0.0  # share of the question's idf mass its name holds
    tail_cov: float = 0.0  # share of its name in the question's second half (the ask)
    examples_tail: float = 0.0  # ``examples`` for that second half
    ask_cov: float = 0.0  # share of its name in what a long question asks for ("muốn …")
    # share of its name said only where the question tells what is already done or had
    # ("công ty đã có giấy phép kinh doanh vận tải, nay …"): a step behind the citizen
    done_cov: float = 0.0
    examples_pooled: float = 0.0  # all its examples together, relative to the best
    examples_pooled_tail: float = 0.0  # ``examples_pooled`` for a long question's second half


def continuous(candidates: Sequence[Candidate]) -> list[list[float]]:
    """The continuous features of a question's candidates (normalised within it)."""
    best = {f: max((c.fields.get(f, 0.0) for c in candidates), default=0.0)
            for f in BM25_FEATURES}
    best_implied = max((c.implied for c in candidates), default=0.0)
    best_first = max((c.first_stage for c in candidates), default=0.0)
    rows = []
    for c in candidates:
        row = [c.fields.get(f, 0.0) / best[f] if best[f] > 0 else 0.0 for f in BM25_FEATURES]
        row += [c.implied / best_implied if best_implied > 0 else 0.0,
                c.examples,
                c.first_stage / best_first if best_first > 0 else 0.0,
                math.log1p(c.first_stage), 1.0 / c.rank, c.name_cov, c.name_cov_all,
                c.name_bigram_cov, c.confidence, math.log1p(c.name_len), c.uncovered_idf,
                1.0 if c.unasked_variant else 0.0, c.name_share, c.tail_cov,
                c.examples_tail, c.ask_cov, c.done_cov, c.examples_pooled,
                c.examples_pooled_tail]
        rows.append(row)
    return rows


def weighed(question_cues: frozenset[str]) -> frozenset[str]:
    """The question's cues as the ranker weighs them: ``UNTOLD_CUE`` added when none
    tells a situation (cues of where one goes do not)."""
    if any(not q.startswith(PLACE_CUE_PREFIX) for q in question_cues):
        return question_cues
    return question_cues | {UNTOLD_CUE}


def vectors(candidates: Sequence[Candidate], question_cues: frozenset[str],
            cues: CueTable) -> list[list[float]]:
    """The full feature vectors of a question's candidates (for training)."""
    question_cues = weighed(question_cues)
    p_names = cues.procedure_names
    pairs = cues.pairs()
    rows = []
    for c, row in zip(candidates, continuous(candidates), strict=True):
        row += [1.0 if p in c.cues else 0.0 for p in p_names]
        row += [1.0 if (q in question_cues and p in c.cues) else 0.0 for q, p in pairs]
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Ranker:
    """Linear weights over the features (``data/ranker.json``)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]

    def score(self, row: Sequence[float]) -> float:
        """A full feature vector's ranking score (higher is better)."""
        return sum(w * x for w, x in zip(self.weights, row, strict=True))

    def scores(self, candidates: Sequence[Candidate],
               question_cues: frozenset[str]) -> list[float]:
        """The candidates' scores, reading only the cue weights that apply (fast)."""
        size = len(CONTINUOUS)
        head = self.weights[:size]
        by_name = dict(zip(self.features[size:], self.weights[size:], strict=True))
        question_cues = weighed(question_cues)
        out = []
        for c, row in zip(candidates, continuous(candidates), strict=True):
            value = sum(w * x for w, x in zip(head, row, strict=True))
            for p in c.cues:
                value += by_name.get(f"p:{p}", 0.0)
                for q in question_cues:
                    value += by_name.get(f"q:{q}*p:{p}", 0.0)
            out.append(value)
        return out

    def as_dict(self) -> dict[str, object]:
        """Plain data for ``ranker.json``."""
        return {"features": list(self.features),
                "weights": [round(w, 6) for w in self.weights]}


class RankerMismatch(ValueError):
    """The weight file's features are not the ones this code computes."""


def read_ranker(path: Path = RANKER_FILE, cues: CueTable | None = None) -> Ranker:
    """Load the weights; ``RankerMismatch`` if they were trained for other features."""
    data = json.loads(path.read_text(encoding="utf-8"))
    features = tuple(str(f) for f in data["features"])
    weights = tuple(float(w) for w in data["weights"])
    expected = feature_names(cues or load_cues())
    if features != expected or len(weights) != len(features):
        raise RankerMismatch(f"{path.name} was trained for other features; run "
                             "`pakn catalog train-ranker` to retrain it")
    return Ranker(features, weights)


@lru_cache(maxsize=2)
def load_ranker(path: Path = RANKER_FILE) -> Ranker | None:
    """The committed ranker, or None when there is no weight file (BM25 order only)."""
    if not path.exists():
        return None
    return read_ranker(path)
