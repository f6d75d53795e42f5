"""Addressee signal: the body a letter is written to, and bodies it names.

"Kính gửi: Sở Y tế" is strong evidence that the matter is the health department's (the
writer looked up who is competent); "Đồng kính gửi" addressees are weaker; a body named
in the text ("đã lên Sở Xây dựng hỏi") weaker still. Addressing the province as a whole
(the hotline, the Chairman) says nothing about the department. A commune's or
district's People's Committee as addressee proposes that level (XA/HUYEN); the place
itself is read by the place signals, which see the addressee lines too.
"""

from __future__ import annotations

from intake.routing.bodies import GENERIC, BodyIndex, BodyMention
from intake.routing.letter import Letter
from intake.routing.reasons import level_vi
from intake.routing.types import Candidate, Signal

NAME = "addressee"
PRIMARY, COPY, MENTION = 0.9, 0.45, 0.3


def addressee_signal(letter: Letter, bodies: BodyIndex | None) -> Signal:
    """Labels (queue codes or levels) the letter's addressees and named bodies point at."""
    if bodies is None:
        return Signal(NAME)
    evidence: dict[str, float] = {}
    said: dict[str, str] = {}
    addressed: set[str] = set()
    for addressee in letter.addressees:
        for mention in _named(bodies.find(addressee.text)):
            weight = PRIMARY if addressee.primary else COPY
            before = evidence.get(mention.label, 0.0)
            evidence[mention.label] = 1 - (1 - before) * (1 - weight)
            addressed.add(mention.label)
            if weight > before:
                said[mention.label] = addressee.text[mention.start:mention.end].strip()
    for mention in _named(bodies.find(letter.incident[:6000])):
        if mention.label not in evidence:  # a body named in the text, however often: 0.3
            evidence[mention.label] = MENTION
            said[mention.label] = letter.incident[mention.start:mention.end].strip()
    if not evidence:
        return Signal(NAME)
    ranked = sorted(evidence.items(), key=lambda kv: -kv[1])
    top = ranked[0][0]
    how = "thư gửi" if top in addressed else "nhắc đến"
    reason = f"{how} '{said[top]}' → {level_vi(top)}"
    return Signal(NAME, tuple(Candidate(label, value) for label, value in ranked[:4]), reason,
                  {"evidence": {k: round(v, 2) for k, v in ranked[:4]},
                   "addressed": sorted(addressed),
                   "addressees": [a.text for a in letter.addressees][:4]})


def _named(mentions: list[BodyMention]) -> list[BodyMention]:
    """Mentions of a particular body (not the province as a whole)."""
    return [m for m in mentions if m.label != GENERIC]
