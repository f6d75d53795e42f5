"""Finding the procedure a citizen means, however they type it.

Ranking is BM25 over the procedure's name, keywords (tu_khoa), field and agency, with
syllable unigrams and bigrams as terms (a Vietnamese word is often two syllables:
"khai sinh", "kết hôn"), all diacritic-free (``intake.text.fold``). Before ranking, the
question goes through the synonym table (``synonyms.yml``: abbreviations and colloquial
names → the catalog's words), loses its question wordings ("cần giấy tờ gì") and
particles, and each unknown syllable is corrected to the nearest known one (edit
distance 1, or 2 for long syllables) with rapidfuzz. The top candidates are then
re-scored by how much of the procedure's name the question covers, so "đăng ký khai
sinh" prefers that procedure to "đăng ký khai sinh có yếu tố nước ngoài".
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

from intake.catalog.errors import InvalidQuery
from intake.catalog.records import ProcedureRecord
from intake.text import fold, has_letters_or_digits, nfc

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.yml"
MAX_QUERY_CHARS = 2000
FIELD_WEIGHTS = {"name": 3.0, "keywords": 2.0, "field": 0.8, "agency": 0.4, "content": 0.25}
K1, B = 1.2, 0.75
RERANK_DEPTH = 30
VARIANT_PENALTY = 0.85
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
    modifiers: tuple[tuple[str, ...], ...] = ()
    expansions: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

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


@lru_cache(maxsize=4)
def load_synonyms(path: Path = SYNONYMS_FILE) -> SynonymTable:
    """Read and fold the synonym table (cached per path)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    synonyms = {tuple(_tokens(str(k))): tuple(_tokens(str(v)))
                for k, v in (data.get("synonyms") or {}).items()}
    phrases = sorted({tuple(_tokens(str(p))) for p in data.get("question_phrases") or []},
                     key=len, reverse=True)
    return SynonymTable(
        synonyms={k: v for k, v in synonyms.items() if k and v},
        variants={fold(str(k)): fold(str(v)) for k, v in (data.get("variants") or {}).items()},
        question_phrases=tuple(p for p in phrases if p),
        stopwords=frozenset(fold(str(w)) for w in data.get("stopwords") or []),
        modifiers=tuple(m for m in (tuple(_tokens(str(w))) for w in data.get("modifiers") or [])
                        if m),
        expansions={k: v for k, v in ((tuple(_tokens(str(k))), tuple(_tokens(str(v))))
                                      for k, v in (data.get("expansions") or {}).items())
                    if k and v},
    )


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

    def words(self, text: str, *, question: bool) -> list[str]:
        """Syllables after the synonym table (and, for a question, without its wordings)."""
        tokens = [self.table.variants.get(t, t) for t in _tokens(text)]
        out: list[str] = []
        i = 0
        while i < len(tokens):
            step, replacement = self._match(tokens, i, question)
            if step:
                out.extend(replacement)
                i += step
                continue
            token = tokens[i]
            if not (question and token in self.table.stopwords):
                out.append(token)
            i += 1
        return out

    def implied(self, text: str) -> list[str]:
        """The procedure words the question's situations imply (expansions), each once."""
        tokens = [self.table.variants.get(t, t) for t in _tokens(text)]
        found: list[str] = []
        for i in range(len(tokens)):
            for size in range(min(self.table.longest_expansion, len(tokens) - i), 0, -1):
                added = self.table.expansions.get(tuple(tokens[i:i + size]))
                if added is not None:
                    found.extend(w for w in added if w not in found)
                    break
        return found

    def _match(self, tokens: list[str], i: int, question: bool) -> tuple[int, tuple[str, ...]]:
        for size in range(min(self.table.longest, len(tokens) - i), 0, -1):
            window = tuple(tokens[i:i + size])
            if question and window in self.table.question_phrases:
                return size, ()
            if window in self.table.synonyms:
                return size, self.table.synonyms[window]
        return 0, ()


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


class SearchIndex:
    """An in-memory BM25 index over a catalog (built once, then read-only)."""

    def __init__(self, records: Iterable[ProcedureRecord],
                 table: SynonymTable | None = None) -> None:
        self.analyzer = Analyzer(table or load_synonyms())
        self.records = list(records)
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
        n = max(len(self.records), 1)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.avg = {f: (sum(ls) / len(ls) if ls else 1.0) or 1.0
                    for f, ls in self.lengths.items()}
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

        ``expand``: let situations imply procedures (``expansions``); routing turns this
        off, since a complaint only names a procedure when it says its name."""
        text = validate_query(question)
        words = self.query_words(text)
        implied = self.analyzer.implied(text) if expand else []
        if not (words or implied) or not self.records:
            return []
        scores = self._bm25(list(dict.fromkeys(terms(words))))
        for doc, value in self._bm25(list(dict.fromkeys(terms(implied)))).items():
            scores[doc] = scores.get(doc, 0.0) + IMPLIED_WEIGHT * value
        words = words + [w for w in implied if w not in words]
        if not scores:
            return []
        candidates = sorted(scores.items(), key=lambda kv: -kv[1])[:RERANK_DEPTH]
        hits = [self._hit(doc, score, words) for doc, score in candidates]
        hits.sort(key=lambda h: (-h.score, h.code))
        return hits[:limit]

    def _bm25(self, query_terms: list[str]) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        for field_name, weight in FIELD_WEIGHTS.items():
            postings, lengths, avg = (self.postings[field_name], self.lengths[field_name],
                                      self.avg[field_name])
            for term in query_terms:
                idf = self.idf.get(term)
                if idf is None:
                    continue
                for doc, tf in postings.get(term, ()):
                    norm = tf + K1 * (1 - B + B * lengths[doc] / avg)
                    scores[doc] += weight * idf * tf * (K1 + 1) / norm
        return scores

    def _hit(self, doc: int, score: float, words: list[str]) -> Hit:
        record = self.records[doc]
        name_words = self.name_words[doc]
        query = set(words)
        coverage = len(name_words & query) / len(name_words) if name_words else 0.0
        unique = list(dict.fromkeys(words))
        total = sum(self.idf.get(w, 8.0) for w in unique) or 1.0
        matched = sum(self.idf.get(w, 0.0) for w in unique if w in self.doc_terms[doc])
        penalty = VARIANT_PENALTY if self._unasked_variant(name_words, query) else 1.0
        return Hit(record.code, record.name, score * (0.6 + 0.4 * coverage) * penalty,
                   matched / total, coverage)

    def _unasked_variant(self, name_words: frozenset[str], query: set[str]) -> bool:
        """The name has a variant word ("lại", "gia hạn") that the question lacks."""
        return any(all(w in name_words for w in m) and not all(w in query for w in m)
                   for m in self.analyzer.table.modifiers)
