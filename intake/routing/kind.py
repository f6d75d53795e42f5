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

from intake.text import nfc, strip_diacritics

FEEDBACK, REQUEST, COMPLAINT, DENUNCIATION = "feedback", "request", "complaint", "denunciation"
KIND_VI = {FEEDBACK: "phản ánh", REQUEST: "kiến nghị", COMPLAINT: "khiếu nại",
           DENUNCIATION: "tố cáo"}

# Written with diacritics, only the exact words count ("xây tường to cao" is not "tố cáo");
# written without, the folded words do.
_WORDS = {
    DENUNCIATION: ("tố cáo|tố giác", "to cao|to giac"),
    COMPLAINT: ("khiếu nại|khiếu kiện", "khieu nai|khieu kien"),
    FEEDBACK: ("phản ánh", "phan anh"),
    REQUEST: ("kiến nghị|đề xuất", "kien nghi|de xuat"),
}
_NEGATION = {True: r"(?:không|chưa|chẳng)(?: (?:có ý|muốn|phải|hề|định))* ",
             False: r"(?:khong|ko|chua|chang)(?: (?:co y|muon|phai|he|dinh))* "}
# A complaint need not say "khiếu nại": disagreeing with, or asking to reconsider, a
# decision, a conclusion or a result is one (Luật Khiếu nại 2011, art. 2: a request to
# review an administrative decision). Matched on the folded text.
_IMPLICIT_COMPLAINT = re.compile(
    r"(?<!\w)(?:khong (?:dong y|dong tinh|chap nhan|thong nhat)(?: voi)?|phan doi"
    r"|(?:de nghi|yeu cau|xin) (?:\w+ ){0,3}(?:xem xet|xet|xem|giai quyet|ra soat) lai)"
    r"(?: \w+){0,8}? (?:quyet dinh|ket luan|ket qua|xet duyet|viec xet|muc boi thuong"
    r"|gia boi thuong|phuong an boi thuong|viec thu hoi|viec cuong che|thong bao thu hoi"
    r"|cach tinh|van ban tra loi|cong van tra loi)(?!\w)")


def _find(kind: str, text: str, accented: bool) -> re.Match[str] | None:
    """The first mention of ``kind``'s words in ``text`` that is not negated."""
    words = _WORDS[kind][0 if accented else 1]
    for found in re.finditer(rf"(?<![^\W\d_])({words})(?![^\W\d_])", text):
        before = text[max(0, found.start() - 40):found.start()]
        if not re.search(_NEGATION[accented] + r"$", before):
            return found
    return None


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
    """Tố cáo before khiếu nại (named, or implied by disagreeing with a decision or a
    conclusion) before kiến nghị/phản ánh (whichever is named first); a kind the writer
    denies ("tôi không có ý tố cáo ai") does not count."""
    original = " ".join(nfc(text[:6000]).lower().split())
    accented = strip_diacritics(original) != original
    body = original
    for kind in (DENUNCIATION, COMPLAINT):
        found = _find(kind, body, accented)
        if found:
            return KindFinding(kind, found.group(1))
    implicit = _IMPLICIT_COMPLAINT.search(strip_diacritics(body))
    if implicit:
        return KindFinding(COMPLAINT, implicit.group(0))
    feedback = _find(FEEDBACK, body, accented)
    request = _find(REQUEST, body, accented)
    if request and (feedback is None or request.start() < feedback.start()):
        return KindFinding(REQUEST, request.group(1))
    if feedback:
        return KindFinding(FEEDBACK, feedback.group(1))
    return KindFinding(FEEDBACK, None)
