"""The frozen blind evaluation sets: check them against their checksums, or freeze them.

    .venv/bin/python bench/blind_sets.py            # verify bench/blind/SHA256SUMS
    .venv/bin/python bench/blind_sets.py --freeze   # add the sums of a new set's files

``bench/blind/set1`` to ``set14`` were written by people who had not seen the routing
rules, the synonyms, the training data or the older benchmarks, from the organisation
file, the departments' official functions and the catalog only (see
``bench/blind/README.md``). They were frozen before any tuning: every benchmark that
reads them calls ``verify()`` first, so an edited set cannot be measured silently.
Set 1, set 3, set 4 and set 5 are working sets (set 3 was written later, for the classes
where set 1 had been tuned on too often; set 4, procedure questions only, for search's
weakest classes; set 5 at stop 32, by two more writers, for every part; set 6, procedure
questions, and set 7, complaints, at stop 33; set 8, procedure questions, at stop 41;
set 9, colloquial names of procedures, at stop 42; set 14, procedure questions to set
2's brief, at stop 45, when the older working sets had come to overstate);
set 2 is read only for the final figures, and so are set 10 (procedure questions, stop 43,
written to set 2's brief by one more writer, after set 2 had been read at the end of
many stops), set 11 (stop 44, the same brief, three more writers) and set 13 (stop 44,
questions no procedure answers; set 12 is its working twin). Benchmarks never print the
misses of a final set (``FINAL_SETS``), whatever door its texts come in by.
Freezing only adds the sums of files that have none: a frozen line is never rewritten.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

BLIND = Path(__file__).resolve().parent / "blind"
SUMS = BLIND / "SHA256SUMS"
#: read only for the figures of a closing note: their misses are never printed
FINAL_SETS = ("set2", "set10", "set11", "set13")


class BlindSetChanged(RuntimeError):
    """A blind file differs from its frozen checksum (or is missing)."""


def _files() -> list[Path]:
    return sorted(p for p in BLIND.glob("set*/*.jsonl"))


def sets_with(pattern: str) -> tuple[str, ...]:
    """The names of the sets that hold a file matching ``pattern`` (``chat.jsonl``,
    ``complaints_*.jsonl``): a benchmark offers exactly the sets it can read."""
    return tuple(sorted(d.name for d in BLIND.glob("set*") if any(d.glob(pattern))))


def digest(path: Path) -> str:
    """SHA-256 of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify() -> dict[str, str]:
    """The frozen sums, after checking every file against them."""
    if not SUMS.exists():
        raise BlindSetChanged(f"{SUMS} is missing: the blind sets were never frozen")
    frozen = {}
    for line in SUMS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            value, name = line.split(maxsplit=1)
            frozen[name.strip()] = value
    problems = []
    for name, value in frozen.items():
        path = BLIND / name
        if not path.exists():
            problems.append(f"{name}: missing")
        elif digest(path) != value:
            problems.append(f"{name}: changed since it was frozen")
    extra = [str(p.relative_to(BLIND)) for p in _files()
             if str(p.relative_to(BLIND)) not in frozen]
    problems += [f"{name}: not frozen" for name in extra]
    if problems:
        raise BlindSetChanged("blind sets do not match SHA256SUMS: " + "; ".join(problems))
    return frozen


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def final_texts() -> frozenset[str]:
    """Every text of a final set (question, complaint or chat message), NFC, case and
    spaces folded: what a benchmark must not print the misses of, wherever the file lies."""
    return frozenset(_folded(str(row.get("text") or row.get("question") or ""))
                     for name in FINAL_SETS for path in sorted((BLIND / name).glob("*.jsonl"))
                     for row in read_jsonl(path))


def holds_final_text(texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` is a final set's text: a copy of a final file passed by
    path (``--questions``, ``--data``, ``--holdout``) keeps its misses unprinted too."""
    finals = final_texts()
    return any(_folded(text) in finals for text in texts)


def read_jsonl(path: Path) -> list[dict[str, object]]:
    """The rows of one blind file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def freeze_new() -> list[str]:
    """Append the sums of a new set's files; the lines already there stay. A set is
    frozen whole: a new file in a set that has frozen files (set 2, the final one, above
    all) is refused, not frozen."""
    known = SUMS.read_text(encoding="utf-8") if SUMS.exists() else ""
    frozen = {line.split(maxsplit=1)[1].strip() for line in known.splitlines() if line.strip()}
    new = [p for p in _files() if str(p.relative_to(BLIND)) not in frozen]
    closed = {name.split("/")[0] for name in frozen}
    added_to_frozen = [str(p.relative_to(BLIND)) for p in new if p.parent.name in closed]
    if added_to_frozen:
        raise BlindSetChanged("a frozen set gains no file: " + ", ".join(added_to_frozen))
    if new:
        SUMS.write_text(known + "".join(f"{digest(p)}  {p.relative_to(BLIND)}\n" for p in new),
                        encoding="utf-8")
    return [str(p.relative_to(BLIND)) for p in new]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--freeze", action="store_true", help="add the sums of new files")
    args = parser.parse_args()
    if args.freeze:
        try:
            added = freeze_new()
        except BlindSetChanged as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"froze {', '.join(added) or 'nothing new'}")
    try:
        frozen = verify()
    except BlindSetChanged as exc:
        print(exc, file=sys.stderr)
        return 1
    for name in sorted(frozen):
        print(f"ok {name}: {len(read_jsonl(BLIND / name))} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
