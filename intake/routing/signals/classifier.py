"""Statistical signal: TF-IDF character n-grams and a linear model over labelled examples.

Trained on ``intake/routing/data/training.jsonl`` (``{"text": …, "label": …}`` written by
the team; disjoint from the benchmark set). Character n-grams (2–5, within words) of the
diacritic-free text cope with missing diacritics, typos and Vietnamese syllables; word
unigrams and bigrams add phrases. Training takes about a second, so the model is trained
on first use when ``var/routing/classifier.joblib`` is missing or was trained on another
version of the data (its SHA-256 is stored with it); ``pakn route train`` retrains.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain
from operator import is_not
from pathlib import Path
from typing import Any, TypeGuard, cast

import joblib
import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline

from intake.routing.errors import ClassifierError, RoutingDataError
from intake.routing.text import about_text
from intake.routing.types import Candidate, RoutingInput, Signal
from intake.text import fold

TRAINING_FILE = Path(__file__).resolve().parents[1] / "data" / "training.jsonl"
MAX_CHARS = 1200
CALIBRATION_FOLDS = 4
CALIBRATION_NAME = "calibration.json"
CALIBRATION_CEILING = 0.95  # the team's own data never proves a text certain
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Example:
    """One labelled complaint."""

    text: str
    label: str


def read_examples(path: Path = TRAINING_FILE) -> list[Example]:
    """The labelled examples of a JSON-lines file (``RoutingDataError`` if malformed)."""
    examples = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RoutingDataError(f"cannot read training data {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            examples.append(Example(str(row["text"]), str(row["label"])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise RoutingDataError(f"{path}:{number}: bad example: {exc}") from exc
    return examples


def prepare(text: str) -> str:
    """What the model sees: folded text, cut to a bounded length."""
    return fold(text[:MAX_CHARS * 2])[:MAX_CHARS]


def _pipeline() -> Pipeline:
    features = FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                  min_df=1, max_features=60000)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
    ])
    return Pipeline([("features", features),
                     ("model", LogisticRegression(C=20.0, max_iter=3000))])


# a gram's column was found (column 0 included); a C-level predicate, typed as the guard
# it is so that the filtered columns are ints
_KNOWN = cast(Callable[[int | None], TypeGuard[int]], partial(is_not, None))
WORD_CACHE = 1 << 15  # words whose character n-grams' columns a process keeps
# only words up to this length are kept: a longer one (a URL, a pasted code) holds
# hundreds of grams, so a cache of such words would take tens of MB per process (2,000
# URLs of 335 characters: 3.2 MB), and they rarely come again
KEPT_WORD_LENGTH = 32


class _AnyGrams:
    """The columns of a text's grams known to the vocabulary, in the order the
    vectorizer's analyzer gives the grams (the look-ups and the filter at C speed)."""

    def __init__(self, analyze: Callable[[str], list[str]], vocabulary: dict[str, int]) -> None:
        self.analyze = analyze
        self.vocabulary = vocabulary

    def __call__(self, text: str) -> Iterable[int]:
        return filter(_KNOWN, map(self.vocabulary.get, self.analyze(text)))


class _WordBoundGrams:
    """``_AnyGrams`` for a ``char_wb`` vectorizer, word by word: its n-grams never cross a
    word, so a text's grams are its words' grams one after the other, and each word's
    known columns are computed once and kept (``WORD_CACHE`` words of up to
    ``KEPT_WORD_LENGTH`` characters; a longer one each time it comes). A complaint has a few
    hundred words, mostly the few thousand syllables of the language; cutting each
    into n-grams and looking them up was most of the model's time. The words are those
    the analyzer splits (its preprocessor, then whitespace), and each word's grams come
    from the vectorizer's own n-gram function: the same columns in the same order, so
    the same sums to the last bit."""

    def __init__(self, vectorizer: TfidfVectorizer, vocabulary: dict[str, int]) -> None:
        self.decode = vectorizer.decode
        self.preprocess = vectorizer.build_preprocessor()
        grams_of = vectorizer._char_wb_ngrams  # what its analyzer calls (scikit-learn 1.x)

        def columns(word: str) -> tuple[int, ...]:
            return tuple(filter(_KNOWN, map(vocabulary.get, grams_of(word))))

        self.computed = columns
        self.kept = lru_cache(maxsize=WORD_CACHE)(columns)

    def word_columns(self, word: str) -> tuple[int, ...]:
        """A word's known columns: kept for a short word, computed again for a long one."""
        return self.kept(word) if len(word) <= KEPT_WORD_LENGTH else self.computed(word)

    def __call__(self, text: str) -> Iterable[int]:
        words = self.preprocess(self.decode(text)).split()
        if max(map(len, words), default=0) <= KEPT_WORD_LENGTH:  # most texts: at C speed
            return chain.from_iterable(map(self.kept, words))
        return chain.from_iterable(map(self.word_columns, words))


def _grams(vectorizer: TfidfVectorizer) -> _AnyGrams | _WordBoundGrams:
    """How a block finds a text's known columns: word by word for ``char_wb`` with the
    default preprocessing, else through the vectorizer's analyzer."""
    vocabulary = dict(vectorizer.vocabulary_)
    if vectorizer.analyzer == "char_wb" and vectorizer.preprocessor is None \
            and vectorizer.input == "content":
        return _WordBoundGrams(vectorizer, vocabulary)
    return _AnyGrams(vectorizer.build_analyzer(), vocabulary)


@dataclass(frozen=True)
class _Block:
    """One vectorizer of the union, reduced to what scoring one text needs: the known
    columns of a text's grams, the idf, and the model's weights for its columns."""

    columns_of: Callable[[str], Iterable[int]]
    idf: Any
    coef: Any

    def contribution(self, text: str) -> Any:
        """This block's share of the class scores: coef · l2(sublinear-tf · idf)."""
        counts = Counter(self.columns_of(text))
        if not counts:
            return 0.0
        columns = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = (1.0 + np.log(tf)) * self.idf[columns]
        weights /= np.sqrt(weights @ weights)
        return self.coef[:, columns] @ weights


class Classifier:
    """A trained model and the SHA-256 of the data it was trained on.

    Scoring one text through scikit-learn's transformers costs about 1.3 ms, mostly
    input validation and sparse-matrix assembly; the mail worker routes hundreds of
    messages a second, so ``predict`` computes the same TF-IDF features and softmax
    directly from the fitted vocabularies and weights (≈ 0.25 ms). ``predict_reference``
    keeps the scikit-learn path, and the tests hold the two to the same probabilities.
    """

    def __init__(self, pipeline: Pipeline, data_hash: str,
                 calibration: tuple[list[float], list[float]] | None = None) -> None:
        self.pipeline = pipeline
        self.data_hash = data_hash
        self.calibration = calibration
        self.labels: list[str] = [str(c) for c in pipeline.classes_]
        union = pipeline.named_steps["features"]
        self._vectorizers = [vectorizer for _, vectorizer in union.transformer_list]
        self._model = pipeline.named_steps["model"]
        self._blocks = self._reduce() if self._is_direct() else []

    def _is_direct(self) -> bool:
        """Whether the direct path computes what the pipeline does: multinomial model,
        vectorizers with sublinear tf, idf and l2 norm."""
        return len(self.labels) > 2 and all(
            v.sublinear_tf and v.use_idf and v.norm == "l2" for v in self._vectorizers)

    def _reduce(self) -> list[_Block]:
        coef = np.asarray(self._model.coef_, dtype=np.float64)
        blocks, offset = [], 0
        for vectorizer in self._vectorizers:
            width = len(vectorizer.vocabulary_)
            blocks.append(_Block(_grams(vectorizer),
                                 np.asarray(vectorizer.idf_, dtype=np.float64),
                                 np.ascontiguousarray(coef[:, offset:offset + width])))
            offset += width
        return blocks

    def _features(self, text: str) -> Any:
        """The union's features for one text, without the union's joblib machinery."""
        return hstack([v.transform([text]) for v in self._vectorizers]).tocsr()

    def probabilities(self, prepared: str) -> Any:
        """Class probabilities (in ``labels`` order) of an already prepared text."""
        if not self._blocks:
            return self._model.predict_proba(self._features(prepared))[0]
        scores = np.array(self._model.intercept_, dtype=np.float64)
        for block in self._blocks:
            scores = scores + block.contribution(prepared)
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def predict(self, text: str, top: int = 3) -> list[tuple[str, float]]:
        """The ``top`` labels with their probabilities, best first."""
        return _ranked(self.labels, self.probabilities(prepare(text)), top)

    def confidence(self, probability: float) -> float:
        """How often a top label with this probability was right in cross-validation on
        the training data (isotonic; the probability itself when not calibrated)."""
        if self.calibration is None:
            return probability
        xs, ys = self.calibration
        return float(np.interp(probability, xs, ys))

    def predict_reference(self, text: str, top: int = 3) -> list[tuple[str, float]]:
        """``predict`` through scikit-learn's own transformers and model."""
        probabilities = self._model.predict_proba(self._features(prepare(text)))[0]
        return _ranked(self.labels, probabilities, top)


def _ranked(labels: list[str], probabilities: Any, top: int) -> list[tuple[str, float]]:
    ranked = sorted(zip(labels, probabilities, strict=True), key=lambda p: -p[1])
    return [(label, float(p)) for label, p in ranked[:top]]


def data_hash(path: Path) -> str:
    """SHA-256 of the training file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(path: Path = TRAINING_FILE, calibration: Path | None = None) -> Classifier:
    """Fit the model on the examples of ``path`` (read as routing reads a complaint:
    without addressee lines, the writer's address, greetings and signature), with its
    top probability calibrated by cross-validation.

    The calibration costs four more fits, so it is kept as data
    (``calibration.json`` next to the training file, keyed by the training data's hash)
    and computed here only when that file is missing or stale; ``pakn route train``
    writes it."""
    examples = read_examples(path)
    if len({e.label for e in examples}) < 2:
        raise ClassifierError(f"{path}: need examples of at least two labels")
    texts = [prepare(about_text(e.text)) for e in examples]
    labels = [e.label for e in examples]
    pipeline = _pipeline()
    pipeline.fit(texts, labels)
    wanted = data_hash(path)
    stored = read_calibration(calibration or path.with_name(CALIBRATION_NAME), wanted)
    return Classifier(pipeline, wanted,
                      stored if stored is not None else _calibrate(texts, labels))


def read_calibration(path: Path, wanted_hash: str) -> tuple[list[float], list[float]] | None:
    """The stored calibration for this training data (None if absent, stale or bad)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("training_sha256") != wanted_hash:
            return None
        return [float(x) for x in doc["xs"]], [float(y) for y in doc["ys"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_calibration(model: Classifier, path: Path) -> None:
    """Keep a model's calibration as data, keyed by its training data's hash."""
    if model.calibration is None:
        return
    xs, ys = model.calibration
    path.write_text(json.dumps({"training_sha256": model.data_hash,
                                "xs": [round(x, 6) for x in xs],
                                "ys": [round(y, 6) for y in ys]}, indent=1) + "\n",
                    encoding="utf-8")


def _calibrate(texts: list[str], labels: list[str]) -> tuple[list[float], list[float]] | None:
    """Isotonic map from the top probability to the share of right answers, from
    out-of-fold predictions (None when a label has too few examples to fold)."""
    counts = Counter(labels)
    folds = min(CALIBRATION_FOLDS, min(counts.values()))
    if folds < 2:
        return None
    predicted = cross_val_predict(_pipeline(), texts, labels, method="predict_proba",
                                  cv=StratifiedKFold(folds, shuffle=True, random_state=7))
    classes = sorted(counts)
    top = predicted.max(axis=1)
    right = np.array([classes[i] == label for i, label in
                      zip(predicted.argmax(axis=1), labels, strict=True)], dtype=np.float64)
    iso = IsotonicRegression(y_min=0.0, y_max=CALIBRATION_CEILING,
                             out_of_bounds="clip").fit(top, right)
    xs = np.linspace(0.0, 1.0, 41)
    return [float(x) for x in xs], [float(y) for y in iso.predict(xs)]


def save(model: Classifier, target: Path) -> None:
    """Write the model atomically (a temporary file of this process's own, then rename:
    two processes that trained at once must not write into one temporary file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        joblib.dump({"pipeline": model.pipeline, "hash": model.data_hash,
                     "calibration": model.calibration}, temporary)
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)


def _load(target: Path, wanted_hash: str) -> Classifier | None:
    if not target.exists():
        return None
    try:
        stored: dict[str, Any] = joblib.load(target)
    except (OSError, EOFError, ValueError, KeyError, AttributeError, ImportError) as exc:
        log.warning("ignoring unreadable classifier %s: %s", target, exc)
        return None
    if stored.get("hash") != wanted_hash:
        return None
    return Classifier(stored["pipeline"], wanted_hash, stored.get("calibration"))


_lock = threading.Lock()
_cache: dict[str, Classifier] = {}


def get_classifier(model_path: Path, training: Path = TRAINING_FILE) -> Classifier:
    """The model for ``training``'s data: from memory, from ``model_path``, else trained
    now and saved there (in memory it is keyed by the data's hash alone)."""
    wanted = data_hash(training)
    with _lock:
        cached = _cache.get(wanted)
        if cached is not None:
            return cached
        model = _load(model_path, wanted)
        if model is None:
            model = train(training)
            try:
                save(model, model_path)
            except OSError as exc:
                log.warning("classifier not saved to %s: %s", model_path, exc)
        _cache[wanted] = model
        return model


def classifier_signal(data: RoutingInput, model: Classifier | None) -> Signal:
    """The model's top labels and probabilities."""
    if model is None:
        return Signal("classifier", detail={"model": "unavailable"})
    text = f"{data.subject}\n{data.text}" if data.subject else data.text
    ranked = model.predict(text)
    label, p = ranked[0]
    scale = model.confidence(p) / p if p > 0 else 0.0
    candidates = tuple(Candidate(lbl, min(1.0, q * scale)) for lbl, q in ranked)
    return Signal("classifier", candidates,
                  f"mô hình phân loại: {label} ({candidates[0].score:.0%})",
                  {"top": [[lbl, round(q, 3)] for lbl, q in ranked],
                   "calibrated": round(candidates[0].score, 3)})
