"""``rasa_addons.text_guard.TokenLimit`` with its setting from ``config.yml``, run after
Rasa's own tokenizer inside ``.venv-rasa``: a pasted letter reaches the featurizers and
DIET as its first words only, its text stays whole, and a message shorter than the limit
(every training example) is left as it was."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.assistant.rasa_run import run_in_rasa

ROOT = Path(__file__).resolve().parents[2]

TOKENS = r'''
import json, sys
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa_addons.text_guard import TokenLimit

settings, texts = (json.loads(arg) for arg in sys.argv[1:3])
limit = TokenLimit.create(settings, None, None, ExecutionContext(GraphSchema({}), "t"))
tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
messages = [Message.build(text=t) for t in texts]
tokenizer.process(messages)
limit.process(messages)
training = TrainingData([Message.build(text=t, intent="x") for t in texts])
tokenizer.process_training_data(training)
limit.process_training_data(training)
try:
    TokenLimit.create({"max_tokens": 0}, None, None, ExecutionContext(GraphSchema({}), "t"))
    refused = ""
except ValueError as error:
    refused = str(error)
print(json.dumps({
    "texts": [m.get("text") for m in messages],
    "tokens": [[t.text for t in m.get("text_tokens")] for m in messages],
    "trained": [len(m.get("text_tokens")) for m in training.training_examples],
    "refused": refused}))
'''

LETTER = "Cán bộ xã gây khó dễ khi tôi làm hồ sơ. " * 500  # 5,000 words


def _limit_setting() -> dict[str, int]:
    """The limit of ``config.yml``, which must come right after the tokenizer: before it
    there are no tokens to cut, after a featurizer the features are already made."""
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    names = [c["name"] for c in pipeline]
    at = names.index("rasa_addons.text_guard.TokenLimit")
    assert names[at - 1] == "WhitespaceTokenizer"
    return {"max_tokens": int(pipeline[at]["max_tokens"])}


def test_a_pasted_letter_is_read_from_its_first_words_and_kept_whole() -> None:
    setting = _limit_setting()
    short = "đường thôn Đông hỏng nặng"
    out = run_in_rasa(TOKENS, json.dumps(setting), json.dumps([LETTER, short]))
    letter_tokens, short_tokens = out["tokens"]
    assert len(letter_tokens) == setting["max_tokens"] < len(LETTER.split())
    assert letter_tokens[:5] == ["Cán", "bộ", "xã", "gây", "khó"]
    assert out["texts"] == [LETTER, short]  # the actions still get every word
    assert short_tokens == ["đường", "thôn", "Đông", "hỏng", "nặng"]
    assert out["trained"] == [setting["max_tokens"], 5]
    assert "max_tokens must be at least 1" in out["refused"]
