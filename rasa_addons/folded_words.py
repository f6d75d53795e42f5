"""Word features that do not depend on diacritics.

Citizens type Vietnamese with full diacritics, with none ("duong hong"), or with some
("đuong hỏng"). To a word-level featurizer these are different words, so an intent
learnt from "đường hỏng" says nothing about "duong hong"; only the character n-grams
bridge the two, and weakly. ``FoldedWordFeaturizer`` is Rasa's own
``CountVectorsFeaturizer`` on the folded form of each token (lower case, combining marks
removed, đ → d), so every spelling of a word is one feature. With ``max_ngram: 2`` it
also counts folded syllable pairs: most Vietnamese words are two syllables ("thủ tục",
"phản ánh", "giấy tờ"), and a pair is far less ambiguous folded than a lone syllable.

It runs beside the ordinary featurizers (which keep the diacritics where they are
given), so a message with full diacritics loses nothing.
"""

from __future__ import annotations

import unicodedata
from typing import List, Text

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

    def _process_tokens(self, tokens: List[Text], attribute: Text = TEXT) -> List[Text]:
        processed = super()._process_tokens(tokens, attribute)
        if attribute != TEXT:
            return processed
        return [fold(token) for token in processed]
