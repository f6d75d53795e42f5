"""The assistant's intent classifier (``rasa_addons.linear_intents``), trained and run by
Rasa's own graph storage inside ``.venv-rasa``: what it learnt from a spelling with
diacritics it knows without them; two trainings on the same data rank every message the
same; a model written to storage and loaded back ranks as the one trained; the ranking
is ordered, its confidences are probabilities; a message without text is left alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.assistant.rasa_run import run_in_rasa

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
