"""Routing quality and latency on labelled complaints: the team's own, or a blind set.

    .venv/bin/python bench/routing.py [--data FILE …] [--blind setN] [--training FILE]
                                      [--show-all] [--json]

``--blind setN`` reads ``bench/blind/setN/complaints_*.jsonl`` (written by people who had
not seen the rules; checked against ``bench/blind/SHA256SUMS`` first) and also reports
the accuracy per trait (addressee, residence, several places …) and of the detected kind
of submission. With ``--blind set2`` misses are not printed (a final set stays unread).

Data: ``bench/data/routing_labelled.jsonl`` (``id``, ``text``, ``label`` = the right
queue, ``style`` chat|email, ``diacritics``, ``place`` = about a named commune or
district). Disjoint from the classifier's training set (checked: no text in common after
folding). Runs in a throwaway SQLite database with the shipped organisation and the demo
catalog, through the same ``Router`` the services use. Reports accuracy, macro-F1 over
the labels, the share sent to triage undecided, the confusions, and routing latency
p50/p95 per complaint. Targets: accuracy ≥ 0.90 with ≤ 10% triaged; p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from blind_sets import FINAL_SETS, holds_final_text, sets_with  # noqa: E402  (bench/ is the script's folder)

from intake.catalog.service import DEMO_CATALOG, CatalogService  # noqa: E402
from intake.config import load_settings  # noqa: E402
from intake.db import Database, upgrade  # noqa: E402
from intake.org.changes import apply_changes, read_changes  # noqa: E402
from intake.org.data_files import read_organisation  # noqa: E402
from intake.org.loader import load_organisation  # noqa: E402
from intake.routing.service import build_router, queue_states  # noqa: E402
from intake.routing.signals.classifier import TRAINING_FILE, read_examples  # noqa: E402
from intake.routing.types import RoutingInput  # noqa: E402
from intake.services.complaints import IntakeService  # noqa: E402
from intake.text import fold  # noqa: E402

DATA = ROOT / "bench" / "data" / "routing_labelled.jsonl"
BLIND = ROOT / "bench" / "blind"
KINDS = {"phan_anh": "feedback", "kien_nghi": "request", "khieu_nai": "complaint",
         "to_cao": "denunciation"}
UNDECIDED = {"triage", "procedure_needs_place", "place_conflict", "local_needs_place"}


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean F1 over the gold labels."""
    labels = sorted({gold for gold, _ in pairs})
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall
                      else 0.0)
    return sum(scores) / len(scores)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def service_for(tmp: Path) -> IntakeService:
    """A migrated SQLite database with the organisation and the demo catalog."""
    url = f"sqlite:///{tmp / 'bench.db'}"
    upgrade(url)
    db = Database(url)
    load_organisation(db, read_organisation(), source="bench")
    CatalogService(db).import_file(DEMO_CATALOG)
    return IntakeService(db, load_settings({"PAKN_DATABASE_URL": url,
                                            "PAKN_VAR_DIR": str(tmp)}))


def expected_after(service: IntakeService, changes: Path) -> Callable[[str, str], str]:
    """Apply an organisation-changes file (as of today) and return gold → expected queue:
    the gold queue's successor; for an abolished district (no single heir: its successor
    is the triage desk), the triage desk or any of today's communes that hold part of it."""
    report = apply_changes(service, read_changes(changes))
    print(f"organisation changes applied: {len(report.applied)} ({changes})")
    states = queue_states(service.db)
    heirs: dict[str, set[str]] = {}
    for place in service.places().places:
        if place.former_of is not None and place.district_code:
            heirs.setdefault(place.district_code, set()).add(place.queue_code)

    def final(code: str) -> str:
        for _ in range(10):
            state = states.get(code)
            if state is None or state.active or state.successor is None:
                return code
            code = state.successor
        return code

    def expected(gold: str, routed: str) -> str:
        if routed == final(gold) or routed in heirs.get(gold, set()):
            return routed
        return final(gold)

    return expected


def verified_blind_files(name: str) -> list[Path]:
    """The blind set's complaint files, after checking them against SHA256SUMS."""
    sys.path.insert(0, str(ROOT / "bench"))
    from blind_sets import verify

    verify()
    return sorted((BLIND / name).glob("complaints_*.jsonl"))


def read_rows(paths: list[Path]) -> list[dict[str, object]]:
    """Labelled complaints of every file; the blind sets' fields mapped to ours."""
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            row["style"] = "email" if row.get("style") in ("email", "letter") else "chat"
            row.setdefault("place", any(t in row.get("traits", []) for t in (
                "several_places", "bare_place", "local_service")))
            rows.append(row)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, action="append")
    parser.add_argument("--blind", choices=sets_with("complaints_*.jsonl"))
    parser.add_argument("--training", type=Path, default=TRAINING_FILE,
                        help="the classifier's training file (default: the shipped one)")
    parser.add_argument("--changes", type=Path,
                        help="apply this organisation-changes file first (e.g. "
                             "intake/org/data/changes-2025.yml) and map the expected queues "
                             "through their successors")
    parser.add_argument("--show-all", action="store_true", help="print every result")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    args = parser.parse_args()
    paths = verified_blind_files(args.blind) if args.blind else (args.data or [DATA])
    rows = read_rows(paths)
    quiet = args.blind in FINAL_SETS or holds_final_text(str(r["text"]) for r in rows)
    training = {fold(e.text) for e in read_examples(args.training)}
    overlap = [r["id"] for r in rows if fold(r["text"]) in training]
    if overlap:
        print(f"benchmark and training overlap: ids {overlap}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        service = service_for(Path(tmp))
        expected = expected_after(service, args.changes) if args.changes else None
        router = build_router(service.db, service.settings, service.places(),
                              service.triage_queue, training=args.training)
        router.route(RoutingInput("khởi động"))  # warm the catalog index and the model
        results, latencies = [], []
        for row in rows:
            started = time.perf_counter()
            decision = router.route(RoutingInput(row["text"], row.get("location")))
            latencies.append((time.perf_counter() - started) * 1000)
            if expected is not None:
                row["label"] = expected(str(row["label"]), decision.queue_code)
            results.append((row, decision))
    pairs = [(r["label"], d.queue_code) for r, d in results]
    correct = [r for r, d in results if r["label"] == d.queue_code]
    undecided = [r for r, d in results if d.rule in UNDECIDED]

    def accuracy_of(subset: list[dict[str, object]]) -> str:
        ids = {id(r) for r in subset}
        hit = sum(1 for r in correct if id(r) in ids)
        return f"{hit}/{len(subset)} = {hit / len(subset):.3f}" if subset else "-"

    confusions = Counter((r["label"], d.queue_code) for r, d in results
                         if r["label"] != d.queue_code)
    kinds = [(KINDS.get(str(r["kind"]), str(r["kind"])), getattr(d, "kind", "feedback"))
             for r, d in results
             if r.get("kind")]
    figures = {
        "complaints": len(rows), "accuracy": round(len(correct) / len(rows), 3),
        "macro_f1": round(macro_f1(pairs), 3),
        "triaged_undecided": round(len(undecided) / len(rows), 3),
        "kind_accuracy": round(sum(g == p for g, p in kinds) / len(kinds), 3) if kinds else None,
        "latency_ms_p50": round(statistics.median(latencies), 2),
        "latency_ms_p95": round(percentile(latencies, 95), 2),
        "confusions": [{"gold": g, "routed": p, "count": n}
                       for (g, p), n in confusions.most_common()],
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return 0
    print(f"complaints: {len(rows)} (chat {sum(r['style'] == 'chat' for r in rows)}, email "
          f"{sum(r['style'] == 'email' for r in rows)}; without diacritics "
          f"{sum(not r['diacritics'] for r in rows)}; about a named place "
          f"{sum(bool(r['place']) for r in rows)}; labels {len({r['label'] for r in rows})})")
    print(f"accuracy: {accuracy_of(rows)}   macro-F1: {figures['macro_f1']}")
    for name, subset in (("chat", [r for r in rows if r["style"] == "chat"]),
                         ("email", [r for r in rows if r["style"] == "email"]),
                         ("no diacritics", [r for r in rows if not r["diacritics"]]),
                         ("named place", [r for r in rows if r["place"]])):
        print(f"  {name:<14} {accuracy_of(subset)}")
    local = [r for r in rows if str(r["label"]).startswith(("XA_", "HUYEN_"))]
    print(f"  {'local (XA/HUYEN)':<14} {accuracy_of(local)}")
    for trait in sorted({t for r in rows for t in r.get("traits", [])}):  # type: ignore[attr-defined]
        subset = [r for r in rows if trait in r.get("traits", [])]  # type: ignore[operator]
        print(f"  trait {trait:<20} {accuracy_of(subset)}")
    for kind in sorted({str(r["kind"]) for r in rows if r.get("kind")}):
        print(f"  kind {kind:<21} {accuracy_of([r for r in rows if r.get('kind') == kind])}")
    if kinds:
        print(f"kind of submission detected: {sum(g == p for g, p in kinds)}/{len(kinds)} = "
              f"{figures['kind_accuracy']}")
    print(f"triaged (undecided): {len(undecided)}/{len(rows)} = "
          f"{len(undecided) / len(rows):.3f}")
    print(f"latency per complaint: p50 {figures['latency_ms_p50']} ms, "
          f"p95 {figures['latency_ms_p95']} ms")
    if quiet:
        which = f"{args.blind} is a final blind set" if args.blind else \
            "these complaints hold a final blind set's complaints"
        print(f"({which}: confusions and misses are not printed)")
        return 0
    print("confusions (gold → routed × n):")
    for (gold, got), n in confusions.most_common():
        print(f"  {gold} → {got} × {n}")
    for row, decision in results:
        if args.show_all or row["label"] != decision.queue_code:
            mark = "ok " if row["label"] == decision.queue_code else "ERR"
            print(f"{mark} #{row['id']} {row['label']} → {decision.queue_code} "
                  f"[{decision.rule} {decision.confidence:.2f}] {row['text'][:90]!r}")
            if row["label"] != decision.queue_code:
                print(f"      {' | '.join(decision.reasons)[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
