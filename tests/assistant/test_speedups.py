"""The launcher's shortcuts for Rasa (``rasa_addons.speedups``) give Rasa's own answers:
the same action-server responses accepted and refused, with Rasa's hint on a refusal,
and the same event class for every event name, including the names Rasa answers
specially. Run inside ``.venv-rasa``, against Rasa 3.6 itself, before and after
``install()``."""

from __future__ import annotations

from tests.assistant.rasa_run import run_in_rasa

COMPARE = r'''
import json
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.utils.common import all_subclasses

RESPONSES = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "phone", "value": "0912345678"}],
     "responses": [{"text": "Cảm ơn bạn."}]},
    {"events": [{"event": "followup", "name": "action_listen"}]},
    {},
    {"events": "slot"},
    {"events": [{"timestamp": 1}]},
    {"responses": "Cảm ơn"},
    {"events": [{"event": 3}]},
    {"events": [{"timestamp": 1}], "responses": 3},
]
NAMES = sorted({cls.type_name for cls in all_subclasses(Event)}) + ["topic", "no_such_event"]


def verdicts():
    action = RemoteAction("action_x", None)
    out = []
    for response in RESPONSES:
        try:
            out.append(action._validate_action_result(response))
        except ValidationError as refused:
            out.append("refused: " + refused.message)
    return out


def classes(default):
    out = []
    for name in NAMES:
        try:
            found = Event.resolve_by_type(name, default)
        except ValueError:
            found = "ValueError"
        out.append(getattr(found, "__name__", found))
    return out


def answers():
    return {"verdicts": verdicts(), "classes": classes(None),
            "with_default": classes(UserUttered), "again": classes(None)}


before = answers()
from rasa_addons.speedups import install
install()
install()
after = answers()
print(json.dumps({"before": before, "after": after,
                  "replaced": RemoteAction._validate_action_result.__module__}))
'''

LAUNCH = r'''
import json, sys
import rasa.__main__
from rasa.core.actions.action import RemoteAction

rasa_own = RemoteAction._validate_action_result
seen = {}
rasa.__main__.main = lambda: seen.update(
    installed=RemoteAction._validate_action_result is not rasa_own, argv=sys.argv)
sys.argv = ["serve", "--version"]
from rasa_addons import serve
serve.main()
print(json.dumps(seen))
'''


def test_the_shortcuts_answer_as_rasa_does() -> None:
    seen = run_in_rasa(COMPARE)
    assert seen["replaced"] == "rasa_addons.speedups"
    assert seen["after"] == seen["before"]
    verdicts = seen["after"]["verdicts"]
    assert verdicts[:4] == [True, True, True, True]
    refusals = verdicts[4:]
    assert len(refusals) == 5 and all(r.startswith("refused: ") for r in refusals)
    assert all(r.endswith("/custom-actions") for r in refusals)  # Rasa's hint
    classes = seen["after"]["classes"]
    assert "UserUttered" in classes and "SlotSet" in classes
    assert classes[-2:] == [None, "ValueError"]  # "topic", an unknown name
    assert seen["after"]["with_default"][-1] == "UserUttered"


def test_the_launcher_installs_them_before_rasa_starts() -> None:
    seen = run_in_rasa(LAUNCH)
    assert seen == {"installed": True, "argv": ["rasa", "--version"]}
