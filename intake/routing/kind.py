"""The kind of submission a citizen makes: phản ánh, kiến nghị, khiếu nại or tố cáo.

The kind decides who is competent (Luật Khiếu nại 2011: a complaint about an
administrative decision goes first to whoever made it; Luật Tố cáo 2018: a denunciation
of an official goes to the head of the body that manages that official) and the time
limit (``intake.services.kinds``). Citizens name the kind themselves ("đơn tố cáo",
"tôi khiếu nại quyết định …"); when they do not, the submission is feedback.
Codes are those of ``intake.services.kinds``: feedback, request, complaint, denunciation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.routing.bodies import fold_keep_length

FEEDBACK, REQUEST, COMPLAINT, DENUNCIATION = "feedback", "request", "complaint", "denunciation"
KIND_VI = {FEEDBACK: "phản ánh", REQUEST: "kiến nghị", COMPLAINT: "khiếu nại",
           DENUNCIATION: "tố cáo"}

_NEGATED = r"(?<!khong )(?<!khong phai )(?<!chua )(?<!chua muon )"
_DENUNCIATION = re.compile(_NEGATED + r"\b(to cao|to giac)\b")
_COMPLAINT = re.compile(_NEGATED + r"\b(khieu nai|khieu kien)\b")
_FEEDBACK = re.compile(r"\b(phan anh|phan anh kien nghi)\b")
_REQUEST = re.compile(r"\b(kien nghi|de xuat)\b")


@dataclass(frozen=True)
class KindFinding:
    """The kind and the words that said so (None when nothing did)."""

    kind: str
    cue: str | None

    @property
    def reason(self) -> str:
        """``loại đơn: tố cáo ('tố cáo')`` for the staff reading the reasons."""
        said = f" (từ '{self.cue}')" if self.cue else " (mặc định)"
        return f"loại đơn: {KIND_VI[self.kind]}{said}"


def detect_kind(text: str) -> KindFinding:
    """Tố cáo before khiếu nại before kiến nghị/phản ánh (whichever is named first)."""
    folded = " ".join(fold_keep_length(text[:6000]).split())
    for kind, pattern in ((DENUNCIATION, _DENUNCIATION), (COMPLAINT, _COMPLAINT)):
        found = pattern.search(folded)
        if found:
            return KindFinding(kind, found.group(1))
    feedback = _FEEDBACK.search(folded)
    request = _REQUEST.search(folded)
    if request and (feedback is None or request.start() < feedback.start()):
        return KindFinding(REQUEST, request.group(1))
    if feedback:
        return KindFinding(FEEDBACK, feedback.group(1))
    return KindFinding(FEEDBACK, None)
