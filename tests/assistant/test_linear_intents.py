"""The assistant's intent classifier (``rasa_addons.linear_intents``), trained and run by
Rasa's own graph storage inside ``.venv-rasa``: what it learnt from a spelling with
diacritics it knows without them; two trainings on the same data rank every message the
same; a model written to storage and loaded back ranks as the one trained; the ranking
is ordered, its confidences are probabilities; a message without text is left alone; a
classifier trained on nothing passes the intents through, an unreadable model file is an
error; Rasa's training cache sees a change of the module."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from tests.assistant.rasa_run import ROOT, run_in_rasa

TRAIN_AND_RANK = r'''
import json, sys
from pathlib import Path
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa_addons.linear_intents import LinearIntentClassifier

examples, texts = json.loads(sys.argv[1]), json.loads(sys.argv[2])
context = ExecutionContext(GraphSchema({}), "test")
config = LinearIntentClassifier.get_default_config()

def train(folder):
    (Path(sys.argv[3]) / folder).mkdir()
    storage = LocalModelStorage(Path(sys.argv[3]) / folder)
    resource = Resource("linear")
    classifier = LinearIntentClassifier.create(config, storage, resource, context)
    classifier.train(TrainingData([Message.build(text=t, intent=i) for t, i in examples]))
    return classifier, storage, resource

def rank(classifier):
    messages = [Message.build(text=t) for t in texts] + [Message.build(text="")]
    classifier.process(messages)
    return [m.get("intent_ranking") for m in messages]

first, storage, resource = train("a")
second, _, _ = train("b")
loaded = LinearIntentClassifier.load(config, storage, resource, context)
print(json.dumps({"first": rank(first), "second": rank(second), "loaded": rank(loaded)}))
'''

EXAMPLES = [
    ("đường thôn hỏng nặng lâu rồi", "file_complaint"),
    ("đèn đường xóm tôi hỏng cả tháng", "file_complaint"),
    ("cán bộ xã hẹn trả hồ sơ mãi không trả", "file_complaint"),
    ("rác thải đổ bừa ra bờ sông", "file_complaint"),
    ("thủ tục làm giấy khai sinh cần giấy tờ gì", "ask_procedure"),
    ("đăng ký kết hôn nộp hồ sơ ở đâu", "ask_procedure"),
    ("cấp lại bằng lái xe mất bao lâu", "ask_procedure"),
    ("lệ phí cấp phép xây dựng bao nhiêu", "ask_procedure"),
    ("xin chào", "greet"),
    ("chào bạn", "greet"),
    ("chào ad ạ", "greet"),
]


def _train_and_rank(texts: list[str], tmp_path: Path) -> dict[str, Any]:
    ranked: dict[str, Any] = run_in_rasa(
        TRAIN_AND_RANK, json.dumps(EXAMPLES), json.dumps(texts), str(tmp_path))
    return ranked


def _top(ranking: list[dict[str, Any]]) -> str:
    return str(ranking[0]["name"])


def test_what_it_learnt_with_diacritics_it_knows_without(tmp_path: Path) -> None:
    ranked = _train_and_rank(["duong thon hong nang qua", "thu tuc lam giay khai sinh",
                              "chao ban"], tmp_path)
    assert [_top(r) for r in ranked["first"][:3]] == [
        "file_complaint", "ask_procedure", "greet"]


def test_it_ranks_the_same_every_training_and_after_loading(tmp_path: Path) -> None:
    ranked = _train_and_rank(["đèn đường hỏng", "giấy tờ gì", "alo"], tmp_path)
    assert ranked["first"] == ranked["second"] == ranked["loaded"]


def test_the_ranking_is_ordered_and_its_confidences_are_probabilities(
        tmp_path: Path) -> None:
    ranked = _train_and_rank(["đường hỏng", "thủ tục kết hôn"], tmp_path)
    for ranking in ranked["first"][:2]:
        confidences = [r["confidence"] for r in ranking]
        assert {r["name"] for r in ranking} == {"file_complaint", "ask_procedure", "greet"}
        assert confidences == sorted(confidences, reverse=True)
        assert abs(sum(confidences) - 1.0) < 1e-6 and confidences[0] > confidences[1]


def test_a_message_without_text_is_left_alone(tmp_path: Path) -> None:
    ranked = _train_and_rank(["đường hỏng"], tmp_path)
    assert ranked["first"][-1] is None


LOAD_STORED = r'''
import json, sys
from pathlib import Path
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa_addons.linear_intents import MODEL_FILE, LinearIntentClassifier

case, folder = sys.argv[1], Path(sys.argv[2])
storage = LocalModelStorage(folder)
context = ExecutionContext(GraphSchema({}), "test")
config = LinearIntentClassifier.get_default_config()
resource = Resource("linear")
trained = LinearIntentClassifier.create(config, storage, resource, context)
if case == "no examples":
    trained.train(TrainingData([Message.build(text="")]))
else:
    trained.train(TrainingData([Message.build(text="xin chào", intent="greet"),
                                Message.build(text="đường hỏng", intent="file_complaint")]))
    with storage.write_to(resource) as directory:
        (directory / MODEL_FILE).write_bytes(b"\x80\x09not a model")
try:
    loaded = LinearIntentClassifier.load(config, storage, resource, context)
except Exception as exc:
    print(json.dumps({"error": type(exc).__name__}))
else:
    message = Message.build(text="xin chào")
    message.set("intent", {"name": "greet", "confidence": 0.7})
    loaded.process([message])
    print(json.dumps({"intent": message.get("intent")}))
'''


def test_a_classifier_trained_without_examples_passes_the_intents_through(
        tmp_path: Path) -> None:
    found = run_in_rasa(LOAD_STORED, "no examples", str(tmp_path))
    assert found == {"intent": {"name": "greet", "confidence": 0.7}}


def test_an_unreadable_model_file_is_an_error_not_an_untrained_classifier(
        tmp_path: Path) -> None:
    found = run_in_rasa(LOAD_STORED, "corrupt", str(tmp_path))
    assert found.get("error") in {"ValueError", "UnpicklingError"}, found


def test_the_training_cache_sees_a_change_of_the_module() -> None:
    """Rasa fingerprints a component by its class's source: the features built outside
    the class, and scikit-learn's version, must count too (else a changed feature reuses
    the cached model)."""
    script = r'''
import json, sklearn
from rasa_addons import linear_intents
print(json.dumps([linear_intents.LinearIntentClassifier.fingerprint_addon({}),
                  sklearn.__version__]))
'''
    addon, version = run_in_rasa(script)
    module = ROOT / "rasa_addons" / "linear_intents.py"
    assert addon == hashlib.sha256(module.read_bytes() + version.encode()).hexdigest()


def test_the_pipeline_runs_it_after_diet_and_before_the_components_that_read_its_intent(
        ) -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    names = [c["name"].rsplit(".", 1)[-1] for c in config["pipeline"]]
    linear = names.index("LinearIntentClassifier")
    assert names.index("DIETClassifier") < linear
    for after in ("CueGuard", "FallbackClassifier", "PatternIntents", "WordlessFallback"):
        assert linear < names.index(after), after
