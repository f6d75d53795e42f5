"""Search quality and latency of the procedure catalog on labelled citizen questions.

    .venv/bin/python bench/catalog_search.py [--catalog FILE] [--scale 2145] [--show-misses]
                                             [--blind setN [--blind setM …]]

``--blind setN`` reads ``bench/blind/setN/procedures.jsonl`` (questions written by people
who had not seen the search code or the synonyms; checked against its frozen checksum
first); given several times, the sets' questions are measured together (sets 2, 10 and
11 were written to one brief and mix: together they are one larger sample of it). The
misses of a final set (``FINAL_SETS``: 2, 10, 11) are never printed. ``--absent setN``
(sets 12 and 13) instead reads questions that no procedure of the catalog answers and
prints what the lookup says to them on the demo catalog, by kind: nothing found
(right), a guess or a choice of three, or a procedure answered alone (the worst); it
prints no question.

Questions: ``bench/data/catalog_questions.jsonl`` (one JSON object a line: ``question``,
``name`` = the required procedure's exact name, optional ``code``, ``tags``
[no_diacritics, abbreviation]). The expected code is ``code`` if given, else the code of
the procedure with that name in the catalog under test. Reports top-1, top-3, MRR and
latency p50/p95 of ``SearchIndex.search`` on (1) the demo catalog and (2) the demo
catalog scaled to ``--scale`` procedures with the national sample (if present) and
generated near-neighbour variants ("Gia hạn …", "Thu hồi …" of each procedure, without
keywords) as distractors, and what the assistant would say (``judge``: the procedure,
three to choose from, or nothing). Prints figures; asserts nothing (targets: top-1 ≥ 0.90,
top-3 ≥ 0.97, p95 < 20 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from blind_sets import (  # noqa: E402  (bench/ is the script's folder)
    BLIND,
    FINAL_SETS,
    holds_final_text,
    sets_with,
    verify,
)

from intake.catalog.importers import parse_path  # noqa: E402
from intake.catalog.records import ProcedureRecord  # noqa: E402
from intake.catalog.search import Hit, SearchIndex  # noqa: E402
from intake.catalog.service import Judgement, judge  # noqa: E402
from intake.org.data_files import read_organisation  # noqa: E402
from intake.text import fold, nfc  # noqa: E402

DEMO = ROOT / "intake" / "catalog" / "data" / "demo_catalog.json"
QUESTIONS = ROOT / "bench" / "data" / "catalog_questions.jsonl"
SAMPLE = Path(os.environ.get("PAKN_TTHC_SAMPLE_DIR")
              or ROOT.parent / "shared" / "data" / "tthc-national-sample")
PREFIXES = ("Gia hạn", "Thu hồi", "Điều chỉnh nội dung", "Cấp đổi", "Đính chính",
            "Thẩm định hồ sơ", "Xác nhận", "Tạm ngừng", "Chấm dứt", "Báo cáo định kỳ về",
            "Công bố", "Hủy bỏ", "Đề nghị hỗ trợ", "Kiểm tra", "Bổ sung hồ sơ")
SUFFIXES = ("", " đối với tổ chức", " cho doanh nghiệp có vốn đầu tư nước ngoài",
            " trong trường hợp thay đổi thông tin", " (liên thông)", " tại cấp Bộ")


def queue_names() -> dict[str, str]:
    return {q.code: q.name for q in read_organisation().queues}


def load_catalog(path: Path) -> list[ProcedureRecord]:
    parsed = parse_path(path, queue_names())
    if parsed.rejections:
        print(f"warning: {len(parsed.rejections)} rejected in {path.name}: "
              f"{parsed.rejections[:3]}")
    return parsed.records


def scaled(base: list[ProcedureRecord], size: int) -> list[ProcedureRecord]:
    """The base catalog plus the national sample and generated variants, ``size`` in all."""
    records = list(base)
    if SAMPLE.is_dir():
        records += [r for r in load_catalog(SAMPLE) if r.code not in {b.code for b in base}]
    i = 0
    while len(records) < size:
        source = base[i % len(base)]
        round_ = i // len(base)
        prefix = PREFIXES[round_ % len(PREFIXES)]
        suffix = SUFFIXES[(round_ // len(PREFIXES)) % len(SUFFIXES)]
        name = f"{prefix} {source.name[0].lower()}{source.name[1:]}{suffix}"
        records.append(replace(source, code=f"GEN-{i:05d}", name=name, keywords=()))
        i += 1
    return records[:size]


def read_questions(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def expected_code(item: dict[str, object], by_name: dict[str, str]) -> str | None:
    code = item.get("code")
    if isinstance(code, str) and code:
        return code
    return by_name.get(fold(nfc(str(item["name"]))))


def run(records: list[ProcedureRecord], questions: list[dict[str, object]], label: str,
        show_misses: bool) -> None:
    t0 = time.perf_counter()
    index = SearchIndex(records)
    build_ms = (time.perf_counter() - t0) * 1000
    by_name = {fold(r.name): r.code for r in records if not r.code.startswith("GEN-")}
    ranks: list[int | None] = []
    latencies: list[float] = []
    tags: dict[str, list[int | None]] = {}
    missing = 0
    said: dict[str, int] = {"answered right": 0, "offered (right among 3)": 0,
                            "answered wrong": 0, "offered (right not among them)": 0,
                            "nothing found": 0}
    for item in questions:
        code = expected_code(item, by_name)
        if code is None:
            missing += 1
            continue
        start = time.perf_counter()
        hits = index.search(str(item["question"]), limit=10)
        latencies.append((time.perf_counter() - start) * 1000)
        codes = [h.code for h in hits]
        rank = codes.index(code) + 1 if code in codes else None
        ranks.append(rank)
        said[_what_is_said(index, str(item["question"]), hits, code)] += 1
        for tag in [*item.get("tags", []), "all"]:  # type: ignore[misc]
            tags.setdefault(str(tag), []).append(rank)
        if show_misses and rank != 1:
            print(f"  miss (rank {rank}): {item['question']!r} → {item.get('name', code)!r}; got "
                  f"{[h.name[:50] for h in hits[:3]]}")
    n = len(ranks)
    print(f"\n== {label}: {len(records)} procedures, index built in {build_ms:.0f} ms, "
          f"{n} questions" + (f" ({missing} without a matching procedure)" if missing else ""))
    for tag, tag_ranks in sorted(tags.items()):
        m = len(tag_ranks)
        top1 = sum(r == 1 for r in tag_ranks) / m
        top3 = sum(r is not None and r <= 3 for r in tag_ranks) / m
        mrr = sum(1 / r for r in tag_ranks if r) / m
        print(f"  {tag:<14} n={m:<4} top-1 {top1:.3f}  top-3 {top3:.3f}  MRR {mrr:.3f}")
    print("  what the assistant says (CatalogService.lookup's judge): " + "; ".join(
        f"{what} {count / n:.1%}" for what, count in said.items()))
    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"  latency ms: p50 {statistics.median(latencies):.2f}  p95 {p95:.2f}  "
          f"max {latencies[-1]:.2f}")


def run_absent(records: list[ProcedureRecord], questions: list[dict[str, object]],
               label: str) -> None:
    """What the assistant's lookup says to questions no procedure of the catalog answers
    (``absent.jsonl`` of a blind set): ideally nothing; a guess or a choice of three is a
    lesser fault than a procedure answered alone."""
    index = SearchIndex(records)
    said: dict[str, Counter[str]] = {}
    for item in questions:
        question = str(item["question"])
        judged = _judged(index, question, index.search(question, limit=10))
        what = ("answered with a procedure" if judged.best is not None
                else "offered as a guess" if judged.guess
                else "offered to choose" if judged.alternatives else "nothing found")
        for kind in (str(item.get("kind", "all")), "all"):
            said.setdefault(kind, Counter())[what] += 1
    print(f"\n== {label}: {len(records)} procedures, {len(questions)} questions with no "
          "procedure in the catalog (what the assistant's lookup says)")
    for kind, counts in sorted(said.items()):
        total = sum(counts.values())
        print(f"  {kind:<17} n={total:<4} " + "; ".join(
            f"{what} {counts[what] / total:.1%}" for what in (
                "nothing found", "offered as a guess", "offered to choose",
                "answered with a procedure")))


def _judged(index: SearchIndex, question: str, hits: list[Hit]) -> Judgement:
    """What the assistant's lookup makes of the hits (``CatalogService.lookup``'s judge)."""
    return judge(hits[:3], len(set(index.query_words(question))), question)


def _what_is_said(index: SearchIndex, question: str, hits: list[Hit], code: str) -> str:
    """How the assistant's lookup would answer: the procedure, a choice, or nothing."""
    said = _judged(index, question, hits)
    if said.best is not None:
        return "answered right" if said.best.code == code else "answered wrong"
    if said.alternatives:
        return "offered (right among 3)" if code in {h.code for h in said.alternatives} \
            else "offered (right not among them)"
    return "nothing found"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", type=Path, default=DEMO)
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--scale", type=int, default=2145)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--blind", choices=sets_with("procedures.jsonl"), action="append",
                        help="a blind set (several: measured together)")
    parser.add_argument("--absent", choices=sets_with("absent.jsonl"), action="append",
                        help="a blind set of questions no procedure answers (several: "
                             "together): what the lookup says to them")
    args = parser.parse_args()
    if args.absent:
        verify()
        absent = [q for name in args.absent
                  for q in read_questions(BLIND / name / "absent.jsonl")]
        # on the demo catalog only: its writers checked them against the demo's 183
        # procedures, and the national sample that scales it may hold their answers
        run_absent(load_catalog(DEMO), absent, f"catalog {DEMO.name}")
        return
    if args.blind:
        verify()
    if not args.catalog.exists():
        raise SystemExit(f"{args.catalog} not found (the demo catalog ships with the repo)")
    base = load_catalog(args.catalog)
    questions = ([q for name in args.blind
                  for q in read_questions(BLIND / name / "procedures.jsonl")]
                 if args.blind else read_questions(args.questions))
    if args.show_misses and (set(args.blind or ()) & set(FINAL_SETS)
                             or holds_final_text(str(q["question"]) for q in questions)):
        print("misses not printed: these questions are (or hold) a final blind set's "
              "questions", file=sys.stderr)
        args.show_misses = False
    nodiac = sum("no_diacritics" in q.get("tags", []) for q in questions)  # type: ignore[operator]
    abbrev = sum("abbreviation" in q.get("tags", []) for q in questions)  # type: ignore[operator]
    print(f"questions: {len(questions)}; without diacritics {nodiac / len(questions):.0%}; "
          f"abbreviations/colloquial {abbrev / len(questions):.0%}")
    run(base, questions, f"catalog {args.catalog.name}", args.show_misses)
    run(scaled(base, args.scale), questions, f"scaled to {args.scale}", args.show_misses)


if __name__ == "__main__":
    main()
