"""Syllable-pair features that do not depend on diacritics.

Citizens type Vietnamese with full diacritics, with none ("duong hong"), or with some
("đuong hỏng"). To a word-level featurizer these are different words, so an intent
learnt from "đường hỏng" says nothing about "duong hong"; only the character n-grams
bridge the two, and weakly. ``FoldedWordFeaturizer`` is Rasa's own
``CountVectorsFeaturizer`` on the folded form of each token (lower case, combining marks
removed, đ → d), configured (``config.yml``) to count folded syllable PAIRS only: most
Vietnamese words are two syllables ("thủ tục", "phản ánh", "giấy tờ"), and a pair is
far less ambiguous folded than a lone syllable. Lone folded syllables were tried
(10c17e2) and reverted: they merge "máy" with "mày", and short questions about motorbikes
("thủ tục sang tên xe máy") were taken for small talk.

It runs beside the ordinary featurizers (which keep the diacritics where they are
given), so a message with full diacritics loses nothing. It featurizes the message text
only: intents and action names are single tokens, with no pairs to count.
"""

from __future__ import annotations

import unicodedata

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.constants import TEXT


def fold(word: str) -> str:
    """``word`` in lower case without diacritics (đ → d)."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word)
                   if unicodedata.category(ch) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D").lower()


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True
)
class FoldedWordFeaturizer(CountVectorsFeaturizer):
    """``CountVectorsFeaturizer`` over diacritic-free tokens of the message text."""

    @staticmethod
    def _attributes_for(analyzer: str) -> list[str]:
        """Only the message text: intents and actions have their own featurizer."""
        return [TEXT]

    def _process_tokens(self, tokens: list[str], attribute: str = TEXT) -> list[str]:
        processed = super()._process_tokens(tokens, attribute)
        if attribute != TEXT:
            return processed
        return [fold(token) for token in processed]
