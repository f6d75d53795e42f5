"""Small NLU components for Vietnamese text as it really arrives.

- ``UnicodeNormalizer`` (first in the pipeline): NFC-normalises every message, in
  training and at prediction, so decomposed input (some keyboards, mail decoded from
  windows-1258) meets the same features as the NFC training data.
- ``TokenLimit`` (right after the tokenizer): the featurizers and DIET read at most the
  first ``max_tokens`` words of a message. A citizen may paste a whole letter; DIET's
  transformer costs grow faster than its length (7.5 s for 6,000 words), and the
  assistant's channel times out. The text itself is kept whole for the actions.
- ``WordlessFallback`` (last): a message with no letter or digit (empty, spaces, emoji
  only, punctuation) has no meaning to classify; DIET would still pick some intent with
  confidence. It becomes ``nlu_fallback``, which the rules answer with a clarification.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

FALLBACK_INTENT = "nlu_fallback"
INTENT_RANKING = "intent_ranking"


def _nfc(message: Message) -> None:
    text = message.get(TEXT)
    if isinstance(text, str):
        message.set(TEXT, unicodedata.normalize("NFC", text))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class UnicodeNormalizer(GraphComponent):
    """NFC for every message."""

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> UnicodeNormalizer:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            _nfc(example)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            _nfc(message)
        return messages


def _first_tokens(message: Message, limit: int) -> None:
    tokens = message.get(TOKENS_NAMES[TEXT])
    if isinstance(tokens, list) and len(tokens) > limit:
        message.set(TOKENS_NAMES[TEXT], tokens[:limit])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class TokenLimit(GraphComponent):
    """The first ``max_tokens`` tokens of a message's text, for the components after it."""

    def __init__(self, max_tokens: int) -> None:
        if max_tokens < 1:
            raise ValueError(f"TokenLimit: max_tokens must be at least 1, not {max_tokens}")
        self.max_tokens = max_tokens

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"max_tokens": 400}

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> TokenLimit:
        return cls(int(config.get("max_tokens", 400)))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            _first_tokens(example, self.max_tokens)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            _first_tokens(message, self.max_tokens)
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class WordlessFallback(GraphComponent):
    """``nlu_fallback`` for messages without a single letter or digit."""

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> WordlessFallback:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text: str | None = message.get(TEXT)
            if text is None or any(ch.isalnum() for ch in text):
                continue
            intent = {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, intent, add_to_output=True)
            ranking = message.get(INTENT_RANKING) or []
            message.set(INTENT_RANKING, [intent, *ranking], add_to_output=True)
        return messages


def _fold(text: str) -> str:
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D").lower()


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class PatternIntents(GraphComponent):
    """Intents the wording leaves no doubt about: message formats the assistant itself
    tells citizens to use, and a message that ends by taking leave.

    "bổ sung PA-XXXXXXXX: …" is the instructed way to add to a complaint; a statistical
    classifier may still read the added text as a new complaint. "cảm ơn nhé, chào" ends
    the conversation, though the classifier hears the thanks first. Patterns (regular
    expressions over the lower-cased, diacritic-free text) come from the pipeline
    configuration, e.g. ``patterns: {add_info: '^\\s*bo\\s*[sx]ung\\b.*\\bpa[- ]?\\w{8}'}``.
    """

    def __init__(self, patterns: Dict[str, str]) -> None:
        self.patterns = {name: re.compile(p) for name, p in patterns.items()}

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"patterns": {}}

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> PatternIntents:
        return cls(dict(config.get("patterns") or {}))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str):
                continue
            folded = _fold(text)
            for name, pattern in self.patterns.items():
                if pattern.search(folded):
                    intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
                    message.set(INTENT, intent, add_to_output=True)
                    ranking = [r for r in message.get(INTENT_RANKING) or []
                               if r.get(INTENT_NAME_KEY) != name]
                    message.set(INTENT_RANKING, [intent, *ranking], add_to_output=True)
                    break
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CueGuard(GraphComponent):
    """Intents that must be said in words, not guessed from the shape of a message.

    Cancelling (``stop``) throws away a half-filled complaint; DIET's character n-grams
    can take an unrelated short answer for it ("xã Bích Động, huyện Việt Yên" scored
    ``stop`` 0.70). An intent listed here keeps its prediction only when the lower-cased,
    diacritic-free text matches its cue expression; otherwise the next intent of the
    ranking takes its place. Cues come from the pipeline configuration.
    """

    def __init__(self, cues: Dict[str, str]) -> None:
        self.cues = {name: re.compile(p) for name, p in cues.items()}

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"cues": {}}

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> CueGuard:
        return cls(dict(config.get("cues") or {}))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            intent = message.get(INTENT) or {}
            cue = self.cues.get(intent.get(INTENT_NAME_KEY) or "")
            if not isinstance(text, str) or cue is None or cue.search(_fold(text)):
                continue
            ranking = [r for r in message.get(INTENT_RANKING) or []
                       if r.get(INTENT_NAME_KEY) not in self.cues]
            if ranking:
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING, ranking, add_to_output=True)
        return messages
