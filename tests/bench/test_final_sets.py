"""A final blind set's misses are never printed, however its texts reach a benchmark.

``--blind set2`` / ``--blind set10`` keep their misses unprinted by name; these tests
check the other doors: a copy of a final file (or part of one, re-spaced, re-cased)
passed by path to ``bench/catalog_search.py --questions … --show-misses``.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"


def _blind_sets() -> ModuleType:
    spec = importlib.util.spec_from_file_location("blind_sets", BENCH / "blind_sets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(name: str, count: int) -> list[dict[str, object]]:
    lines = (BENCH / "blind" / name / "procedures.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in lines.splitlines()[:count]]


def test_a_final_question_is_recognised_re_cased_and_re_spaced() -> None:
    blind_sets = _blind_sets()
    question = str(_rows("set10", 1)[0]["question"])
    assert blind_sets.holds_final_text(["  " + question.upper().replace(" ", "   ")])


def test_a_working_set_question_is_not_a_final_one() -> None:
    blind_sets = _blind_sets()
    assert not blind_sets.holds_final_text(str(r["question"]) for r in _rows("set5", 20))


def _search_bench(questions: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH / "catalog_search.py"), "--questions", str(questions),
         "--show-misses", "--scale", "190"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=True)


def test_search_bench_keeps_misses_of_a_copied_final_file_unprinted(tmp_path: Path) -> None:
    # set 5's first questions include misses (working set): they prove misses would print
    working = _rows("set5", 40)
    alone = tmp_path / "working.jsonl"
    alone.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in working),
                     encoding="utf-8")
    assert "miss (rank" in _search_bench(alone).stdout

    mixed = tmp_path / "mixed.jsonl"
    rows = working + _rows("set10", 2)
    mixed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                     encoding="utf-8")
    run = _search_bench(mixed)
    assert "misses not printed" in run.stderr
    assert "miss (rank" not in run.stdout
    assert "top-1" in run.stdout  # the figures themselves still print


def _complaints(name: str, count: int) -> list[dict[str, object]]:
    lines = (BENCH / "blind" / name / "complaints_chat.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in lines.splitlines()[:count]]


def test_routing_bench_keeps_confusions_of_a_copied_final_file_unprinted(
        tmp_path: Path) -> None:
    def routing(rows: list[dict[str, object]]) -> str:
        data = tmp_path / "complaints.jsonl"
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
        return subprocess.run(
            [sys.executable, str(BENCH / "routing.py"), "--data", str(data)],
            cwd=ROOT, capture_output=True, text=True, timeout=300, check=True).stdout

    working = _complaints("set5", 5)
    assert "confusions (gold" in routing(working)
    quiet = routing(working + _complaints("set2", 1))
    assert "confusions (gold" not in quiet and "ERR" not in quiet
    assert "confusions and misses are not printed" in quiet
    assert "accuracy:" in quiet  # the figures themselves still print
