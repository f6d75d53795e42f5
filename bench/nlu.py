"""Intent F1 per intent on the held-out NLU set, with the ask_procedure/file_complaint confusion.

    .venv/bin/python bench/nlu.py [--holdout tests/data/nlu_holdout.yml] [--model models/]
                                  [--blind setN]

``--blind setN`` evaluates on ``bench/blind/setN/chat.jsonl`` (messages written by people
who had not seen the training data; checked against its frozen checksum first).

Runs ``rasa test nlu`` of ``.venv-rasa`` on the newest trained model (train first with
``.venv/bin/pakn assistant train --if-stale``), reads its ``intent_report.json`` and
prints F1 per intent, the macro F1 (target ≥ 0.95) and how often ``ask_procedure`` and
``file_complaint`` were mistaken for each other. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from blind_sets import BLIND, FINAL_SETS, holds_final_text, read_jsonl, sets_with, verify

ROOT = Path(__file__).resolve().parents[1]
PAIR = ("ask_procedure", "file_complaint")


def run_rasa(holdout: Path, model: Path, out: Path) -> dict[str, dict[str, object]]:
    """Run ``rasa test nlu`` and return its intent report."""
    rasa = ROOT / ".venv-rasa" / "bin" / "rasa"
    command = [str(rasa), "test", "nlu", "--nlu", str(holdout), "--model", str(model),
               "--out", str(out)]
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    report: dict[str, dict[str, object]] = json.loads(
        (out / "intent_report.json").read_text(encoding="utf-8"))
    return report


def read_misses(out: Path) -> list[tuple[str, str, str, float]]:
    """The messages ``rasa test nlu`` got wrong: text, expected, predicted, confidence."""
    path = out / "intent_errors.json"
    if not path.exists():
        return []
    rows = json.loads(path.read_text(encoding="utf-8"))
    return sorted((str(r["text"]), str(r["intent"]),
                   str(r["intent_prediction"]["name"]),
                   float(r["intent_prediction"]["confidence"])) for r in rows)


def blind_as_nlu(name: str, out: Path) -> Path:
    """The blind set's chat messages as a Rasa NLU file (after the checksum check)."""
    verify()
    by_intent: dict[str, list[str]] = {}
    for row in read_jsonl(BLIND / name / "chat.jsonl"):
        text = " ".join(str(row["text"]).split())
        by_intent.setdefault(str(row["intent"]), []).append(text)
    lines = ['version: "3.1"', "nlu:"]
    for intent, texts in sorted(by_intent.items()):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {json.dumps(t, ensure_ascii=False)[1:-1]}" for t in texts]
    path = out / f"blind-{name}.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--holdout", type=Path, default=ROOT / "tests/data/nlu_holdout.yml")
    parser.add_argument("--model", type=Path, default=ROOT / "models")
    parser.add_argument("--blind", choices=sets_with("chat.jsonl"))
    parser.add_argument("--show-misses", action="store_true",
                        help="print each misclassified message (refused for a final "
                             "set, whose misses are never read)")
    args = parser.parse_args()
    if args.show_misses and args.blind in FINAL_SETS:
        parser.error(f"{args.blind} is a final blind set: its misses are not printed")
    with tempfile.TemporaryDirectory(prefix="pakn-nlu-") as tmp:
        holdout = blind_as_nlu(args.blind, Path(tmp)) if args.blind else args.holdout
        report = run_rasa(holdout, args.model, Path(tmp))
        misses = read_misses(Path(tmp)) if args.show_misses else []
    if holds_final_text(text for text, *_ in misses):
        print("misses not printed: the holdout holds a final blind set's messages",
              file=sys.stderr)
        misses = []
    for text, expected, got, confidence in misses:
        print(f"miss {expected} -> {got} ({confidence:.2f}): {text!r}")
    intents = {k: v for k, v in report.items()
               if isinstance(v, dict) and "f1-score" in v
               and k not in {"macro avg", "weighted avg", "micro avg", "accuracy"}}
    for name, row in sorted(intents.items()):
        print(f"{name:<16} F1 {float(row['f1-score']):.3f}  support {row.get('support')}")
    macro = sum(float(r["f1-score"]) for r in intents.values()) / max(len(intents), 1)
    print(f"macro F1 {macro:.3f} (target ≥ 0.95)")
    for a, b in (PAIR, PAIR[::-1]):
        confused = intents.get(a, {}).get("confused_with") or {}
        count = confused.get(b, 0) if isinstance(confused, dict) else 0
        print(f"{a} predicted as {b}: {count}")


if __name__ == "__main__":
    main()
