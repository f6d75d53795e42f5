"""Run a snippet inside ``.venv-rasa`` (Rasa 3.6 lives there, not in the product's
environment) and read back its last output line as JSON; and the intents one of the
pipeline's own intent components (with its settings from ``config.yml``) leaves on
messages a classifier ranked a given way."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"

COMPONENT = r'''
import importlib, json, sys
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.nlu.training_data.message import Message

module, name = sys.argv[1].rsplit(".", 1)
config, texts, rankings = (json.loads(arg) for arg in sys.argv[2:5])
component = getattr(importlib.import_module(module), name).create(
    config, None, None, ExecutionContext(GraphSchema({}), "t"))
messages = []
for text, ranking in zip(texts, rankings):
    message = Message.build(text=text)
    message.set("intent", ranking[0])
    message.set("intent_ranking", ranking)
    messages.append(message)
component.process(messages)
print(json.dumps([m.get("intent")["name"] for m in messages]))
'''


def run_in_rasa(script: str, *args: str) -> Any:
    """The JSON the ``script`` printed last, run by ``.venv-rasa``'s interpreter (the
    test is skipped, or failed under PAKN_REQUIRE_SERVICES, when it is missing)."""
    if not RASA_PYTHON.exists():
        skip_or_fail("the .venv-rasa environment is missing (make system-deps)")
    done = subprocess.run([str(RASA_PYTHON), "-c", script, *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def intents_after(component: str, texts: list[str], ranked: list[str]) -> list[str]:
    """The intent each message keeps after the pipeline component whose name ends with
    ``component`` (its settings as in ``config.yml``), when the classifier ranked
    ``ranked`` first to last (0.8, then 0.1 each)."""
    return intents_after_each(component, [(text, ranked) for text in texts])


def intents_after_each(component: str, heard: list[tuple[str, list[str]]]) -> list[str]:
    """``intents_after`` with each message's own ranking: ``(text, ranked)`` pairs, in
    one run of the interpreter."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    entry = next(c for c in config["pipeline"] if c["name"].endswith(component))
    settings = {k: v for k, v in entry.items() if k != "name"}
    rankings = [[{"name": name, "confidence": 0.8 if i == 0 else 0.1}
                 for i, name in enumerate(ranked)] for _, ranked in heard]
    found: list[str] = run_in_rasa(COMPONENT, entry["name"], json.dumps(settings),
                                   json.dumps([text for text, _ in heard]),
                                   json.dumps(rankings))
    return found
