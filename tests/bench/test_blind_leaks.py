"""No evaluation text leaks into what the product learns from.

The blind sets (bench/blind) judge routing, search and intents; a training example that
is one of their texts, or a close paraphrase of one, would make the figures overstate.
These tests compare every training text (the routing classifier's examples, the
assistant's NLU examples, the search re-ranker's questions when they exist) with every
blind text, folded (no diacritics, lower case), and fail naming the training line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from rapidfuzz import fuzz, process

from intake.text import fold

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "bench" / "blind"
CLOSE = 85  # rapidfuzz ratio (0–100) from which two texts count as the same text
SHORT_WORDS = 5
_ANNOTATION = re.compile(r"\[([^\]]+)\]\{[^}]*\}|\[([^\]]+)\]\([^)]*\)")


def _blind_texts() -> list[str]:
    texts = []
    for path in sorted(BLIND.glob("set*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(fold(str(row.get("text") or row.get("question") or "")))
    return texts


def _nlu_examples(files: list[Path] | None = None) -> list[str]:
    """Every NLU example the assistant trains on: each ``data/nlu*.yml``, annotations
    taken out."""
    examples = []
    for path in files or sorted((ROOT / "data").glob("nlu*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for block in doc.get("nlu", []):
            for line in str(block.get("examples") or "").splitlines():
                text = line.strip().removeprefix("- ").strip()
                if text:
                    examples.append(_ANNOTATION.sub(lambda m: m.group(1) or m.group(2),
                                                    text))
    return examples


def _jsonl_texts(path: Path, *keys: str) -> list[str]:
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    texts = [next((str(row[k]) for k in keys if k in row), None) for row in rows]
    assert None not in texts, f"{path}: a row has none of the fields {keys}"
    return [t for t in texts if t is not None]


TRAINING = {
    "routing": lambda: _jsonl_texts(ROOT / "intake/routing/data/training.jsonl", "text"),
    "nlu": _nlu_examples,
    "search": lambda: _jsonl_texts(ROOT / "intake/catalog/data/search_training.jsonl",
                                   "question", "text"),
}


@pytest.fixture(scope="module")
def blind() -> list[str]:
    texts = _blind_texts()
    assert len(texts) > 1000, "the blind sets are missing"
    return texts


def _leaks(examples: list[str], blind: list[str]) -> list[str]:
    found = []
    for example in examples:
        folded = fold(example)
        if len(folded.split()) < SHORT_WORDS:  # "chào buổi sáng": everyone's phrase
            continue
        match = process.extractOne(folded, blind, scorer=fuzz.ratio, score_cutoff=CLOSE)
        if match is not None:
            found.append(example)
    return found


@pytest.mark.parametrize("source", sorted(TRAINING))
def test_no_training_text_is_an_evaluation_text(source: str, blind: list[str]) -> None:
    leaks = _leaks(TRAINING[source](), blind)
    assert not leaks, f"{len(leaks)} {source} training texts copy a blind text: {leaks[:5]}"


def test_every_nlu_file_is_read() -> None:
    """The situations file (and any later one) is checked, not only ``nlu.yml``."""
    names = {p.name for p in (ROOT / "data").glob("nlu*.yml")}
    assert {"nlu.yml", "nlu_situations.yml"} <= names
    assert len(_nlu_examples()) > len(_nlu_examples([ROOT / "data" / "nlu.yml"]))


def test_the_check_finds_a_copied_text(blind: list[str]) -> None:
    """The check itself can fail: a blind text, re-typed without diacritics, is found."""
    assert _leaks([blind[0].upper()], blind) == [blind[0].upper()]
