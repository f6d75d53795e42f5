"""The cue that ``stop`` must carry (``rasa_addons.text_guard.CueGuard`` with the stop cue
of ``config.yml``), run inside ``.venv-rasa`` on messages DIET took for ``stop``.

Cancelling throws away a half-filled complaint, so DIET's ``stop`` stands only when the
message says so in words. Citizens also cancel with the teencode "thui" (thôi) and with
"không <khai, điền, nhập…> nữa"; without those cues such a cancel became ``deny`` at a
confidence near 0, i.e. the fallback. A place name or a problem that has stopped
("đèn đường không sáng nữa") must still not cancel anything.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"

GUARD = r'''
import json, sys
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.nlu.training_data.message import Message
from rasa_addons.text_guard import CueGuard

texts, cues = json.loads(sys.argv[1]), json.loads(sys.argv[2])
guard = CueGuard.create({"cues": cues}, None, None, ExecutionContext(GraphSchema({}), "t"))
messages = []
for text in texts:
    message = Message.build(text=text)
    ranking = [{"name": "stop", "confidence": 0.8}, {"name": "deny", "confidence": 0.1}]
    message.set("intent", ranking[0])
    message.set("intent_ranking", ranking)
    messages.append(message)
guard.process(messages)
print(json.dumps([m.get("intent")["name"] for m in messages]))
'''


def _intents_after_guard(texts: list[str]) -> list[str]:
    """The intent each message keeps when DIET ranked ``stop`` first and ``deny`` next."""
    if not RASA_PYTHON.exists():
        skip_or_fail("the .venv-rasa environment is missing (make system-deps)")
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    guard = next(c for c in config["pipeline"] if c["name"].endswith("CueGuard"))
    done = subprocess.run(
        [str(RASA_PYTHON), "-c", GUARD, json.dumps(texts),
         json.dumps(guard["cues"])], cwd=ROOT, capture_output=True, text=True,
        timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    found: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_cancels_in_teencode_or_as_not_doing_it_any_more_stay_stop() -> None:
    texts = ["thui, mình nghĩ lại rồi", "không nhập nữa", "ko điền thông tin nữa đâu",
             "hok khai báo nữa", "Hủy"]
    assert _intents_after_guard(texts) == ["stop"] * len(texts)


def test_places_and_problems_that_stopped_do_not_cancel() -> None:
    texts = ["xã Bích Động, huyện Việt Yên", "đèn đường không sáng nữa",
             "nước máy không chảy nữa", "xã không trả lời nữa", "ok"]
    assert _intents_after_guard(texts) == ["deny"] * len(texts)
