"""The assistant's folded syllable-pair features (``rasa_addons.folded_words``), run by
Rasa's own featurizer inside ``.venv-rasa`` with the pipeline's settings (pairs only):
every spelling of a message, with full, some or no diacritics, gets the same features; a
message with other words does not; and lone syllables that fold alike ("máy", "mày")
are not merged."""

from __future__ import annotations

import json
from pathlib import Path

from tests.assistant.rasa_run import run_in_rasa

FEATURES = r'''
import json, sys
from pathlib import Path
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa_addons.folded_words import FoldedWordFeaturizer

texts = json.loads(sys.argv[1])
storage = LocalModelStorage(Path(sys.argv[2]))
context = ExecutionContext(GraphSchema({}), "test")
config = {**FoldedWordFeaturizer.get_default_config(), "min_ngram": 2, "max_ngram": 2}
featurizer = FoldedWordFeaturizer.create(config, storage, Resource("folded"), context)
tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
training = TrainingData([Message.build(text=t, intent="x") for t in texts])
tokenizer.process_training_data(training)
featurizer.train(training)
featurizer.process_training_data(training)
messages = [Message.build(text=t) for t in texts]
tokenizer.process(messages)
featurizer.process(messages)
out = []
for message in messages:
    _, sentence = message.get_sparse_features("text")
    out.append(sorted(int(i) for i in sentence.features.nonzero()[1]))
print(json.dumps(out))
'''


def _sentence_features(texts: list[str], tmp_path: Path) -> list[list[int]]:
    found: list[list[int]] = run_in_rasa(FEATURES, json.dumps(texts), str(tmp_path))
    return found


def test_every_spelling_of_a_message_has_the_same_word_features(tmp_path: Path) -> None:
    full, bare, some, upper, other = _sentence_features(
        ["đường thôn Đông hỏng nặng", "duong thon dong hong nang",
         "đuong thôn dong hỏng nang", "ĐƯỜNG THÔN ĐÔNG HỎNG NẶNG",
         "thủ tục cấp giấy phép"], tmp_path)
    assert full and full == bare == some == upper
    assert not set(other) & set(full)


def test_lone_syllables_that_fold_alike_share_no_features(tmp_path: Path) -> None:
    motorbike, rude, same_pair = _sentence_features(
        ["thủ tục sang tên xe máy", "mày là ai", "sang ten xe may"], tmp_path)
    assert motorbike and rude
    assert not set(motorbike) & set(rude)
    assert same_pair and set(same_pair) <= set(motorbike)
