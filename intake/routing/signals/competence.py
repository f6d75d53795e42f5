"""Competence by the kind of submission: who must settle a complaint or a denunciation.

- Khiếu nại about an administrative decision or act goes first to whoever made it (Luật
  Khiếu nại 2011, Điều 17–21): "khiếu nại quyết định của UBND huyện …" → that district's
  People's Committee; "… của Sở Xây dựng" → that department. A complaint about an
  inspection's conclusion goes to the provincial inspectorate. A second complaint
  ("khiếu nại lần hai") goes one level above a commune's or a district's committee or a
  department (``_second_settler``); other lines (police, tax, social insurance) settle it
  within their own.
- Tố cáo of an official is received one level above the body where that official works,
  never by that body's own queue: its staff are the accused's colleagues, and the law
  binds the receiver to keep the denouncer's identity secret (Luật Tố cáo 2018, Điều 47).
  The level above settles it or hands it to the competent head under Điều 13–15. So a
  commune's chairman or civil servant → the district's People's Committee; a district's
  leaders or office staff, a department's director or staff → the provincial inspectorate
  (which advises the province's Chairman on denunciations), and the inspectorate's own
  leaders → the province's Chairman (VP_UBND). The police are the one exception: a police
  officer → Công an tỉnh, whose inspection office settles denunciations of the force
  (police matters never go through the civil administration). A village head (trưởng
  thôn), who is not a civil servant, → the commune that recognises him.
When the submission names no decision or no official, this signal is silent and the
subject decides, as for feedback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.org.places import PlaceIndex
from intake.routing.bodies import GENERIC, BodyIndex, BodyMention, fold_keep_length
from intake.routing.kind import COMPLAINT, DENUNCIATION, KIND_VI, KindFinding
from intake.routing.types import LEVEL_COMMUNE, LEVEL_DISTRICT, LEVELS, Candidate, Signal

NAME = "competence"
CONFIDENCE = 0.82
INSPECTORATE = "THANH_TRA"
PROVINCE = "VP_UBND"  # the province's Chairman, through the People's Committee's office
POLICE = "CONG_AN"
_WINDOW = 260
_DECISION_WINDOW = 140

_COMMUNE = r"(?:xa|phuong|thi tran)"
_DISTRICT = r"(?:huyen|thanh pho|tp|thi xa)"
_COMMITTEE = r"(?:(?:ubnd|uy ban nhan dan|uy ban)\s+)?"
# "phòng" that is no government office: fire prevention (police), a bank's branch, a
# clinic, a rented room
_NOT_AN_OFFICE = r"(?:chay|giao dich|kham|tro)"


@dataclass(frozen=True)
class Official:
    """A kind of official a denunciation names, and who receives it."""

    label: str  # a queue code, or a level (XA/HUYEN) read at the place named
    who: str
    pattern: re.Pattern[str]


OFFICIALS: tuple[Official, ...] = (
    Official(POLICE, "cán bộ công an", re.compile(
        r"\b(?:cong an vien|can bo cong an|chien si cong an|canh sat giao thong|csgt|canh sat"
        rf"|(?:pho )?truong cong an|(?:cong an|ca) (?:{_COMMUNE}|{_DISTRICT}|tinh))\b")),
    Official(LEVEL_DISTRICT, "lãnh đạo UBND cấp xã", re.compile(
        rf"\b(?:(?:pho )?chu tich {_COMMITTEE}{_COMMUNE}|chu tich xa)\b")),
    Official(LEVEL_DISTRICT, "công chức cấp xã", re.compile(
        rf"\b(?:(?:can bo|cong chuc|ke toan|van phong) {_COMMITTEE}{_COMMUNE}"
        r"|(?:cong chuc|can bo) (?:dia chinh|tu phap|van hoa|tai chinh|giao thong thuy loi)"
        r"|dia chinh (?:xa|phuong)|can bo xa)\b")),
    Official(LEVEL_COMMUNE, "trưởng thôn, tổ trưởng dân phố", re.compile(
        r"\b(?:truong thon|pho thon|to truong dan pho|truong xom)\b")),
    Official(INSPECTORATE, "lãnh đạo UBND cấp huyện, giám đốc sở", re.compile(
        rf"\b(?:(?:pho )?chu tich {_COMMITTEE}{_DISTRICT}|(?:pho )?giam doc (?:mot )?so)\b")),
    Official(PROVINCE, "lãnh đạo Thanh tra tỉnh", re.compile(
        r"\b(?:pho )?chanh thanh tra tinh\b")),
    Official(INSPECTORATE, "cán bộ phòng, ban cấp huyện", re.compile(
        rf"\b(?:(?:pho )?truong phong|can bo phong|cong chuc phong)\b(?! {_NOT_AN_OFFICE})"
        rf"|\b(?:can bo|cong chuc|lanh dao) {_COMMITTEE}(?:{_DISTRICT}|cap huyen)\b")),
    Official(INSPECTORATE, "công chức sở, ngành tỉnh", re.compile(
        r"\b(?:(?:can bo|cong chuc|lanh dao|thanh tra)(?: cua)? so|chi cuc truong)\b")),
    Official(INSPECTORATE, "chánh thanh tra huyện, sở", re.compile(
        r"\b(?:pho )?chanh thanh tra\b")),
)
_TO_CAO = re.compile(r"\b(?:to cao|to giac)\b")
# Whom the denunciation is about when it is no official: a business, an investor, a
# contractor, a household or a named private person. Then the subject decides.
_PRIVATE_PARTY = re.compile(
    r"\W*(?:(?:viec|hanh vi(?: cua)?)\s+)?(?:chu dau tu|nha thau|(?:chu )?(?:cong ty|doanh nghiep"
    r"|co so|cua hang|quan|xuong|trang trai|nha hang|khach san)|ho (?:gia dinh|dan|ong|ba)"
    r"|gia dinh (?:ong|ba)|(?:ong|ba|anh|chi|nguoi|nhom|doi tuong|hang xom)\s+(?![a-z]+ (?:xa|so))"
    r")\b")
_PRIVATE_LEAD = 40
# A body someone asked to act, or reported to, is not the accused: "đề nghị Thanh tra Sở
# Xây dựng kiểm tra", "đã báo trưởng thôn", "gửi đơn đến chủ tịch xã".
_ASKED = re.compile(
    r"\b(?:de nghi|kien nghi|yeu cau|mong|nho|xin|gui(?: don)?(?: (?:den|toi|len))?|bao(?: cao)?"
    r"(?: (?:voi|len|den))?|phan anh(?: (?:voi|len|den))?|trinh|kinh)\W*(?:\w+\W+){0,1}$")
_ASKED_LEAD = 30
_DECISION = re.compile(r"\b(?:quyet dinh|thong bao|cong van|van ban|hanh vi)\b")
_BY = re.compile(r"\b(?:cua|do)\b")
# the maker named before its decision: "Chủ tịch UBND huyện Lạng Giang ra quyết định phạt",
# in the same clause (no comma or full stop between: "… UBND huyện, rồi Sở Y tế ra quyết
# định" is Sở Y tế's); "định kỳ thông báo" is no signing
_MADE = re.compile(r"(?:\s+\w+){0,4}?\s+(?:da\s+|vua\s+)?(?:(?:ra|ban hanh)\s+"
                   r"(?:quyet dinh|thong bao|cong van)|ky\s+(?:quyet dinh|cong van))\b")
# a decision of the commune or the district, named by its level only ("quyết định bồi
# thường của huyện"): that level's committee, at the place the text names
# "do" only before the committee's name: folded, "do xa" is also "do xả (thải)" (because
# of) and "đó xã"
_BY_LEVEL = re.compile(
    r"\b(?:cua\s+(?:(?:ubnd|uy ban nhan dan|uy ban|chu tich)\s+)?"
    r"|do\s+(?:ubnd|uy ban nhan dan|uy ban|chu tich)\s+)(?P<level>huyen|xa)\b"
    r"(?!\s+(?:hoi|giao|nay|nha|ngoai|vien))")
_LEVEL_OF = {"huyen": LEVEL_DISTRICT, "xa": LEVEL_COMMUNE}
_LEVEL_WINDOW = 40
_MADE_WINDOW = 60
# a second complaint about the first settlement: "khiếu nại lần hai/lần 2/lần thứ hai",
# "giải quyết (khiếu nại) lần hai"
_SECOND_TIME = re.compile(
    r"\b(?:khieu nai|giai quyet(?: khieu nai)?) lan (?:thu )?(?:hai|2)\b")
_COMMUNE_QUEUE = "XA_"
_DISTRICT_QUEUE = "HUYEN_"
_DEPARTMENT_QUEUE = "SO_"
# a local committee or its chairman made the decision (not one of its offices)
_COMMITTEE_MAKER = re.compile(r"\b(?:ubnd|uy ban|chu tich)\b")
# a department itself or its director (not a sub-agency, "chi cục")
_DEPARTMENT_MAKER = re.compile(r"[^|]*\|so\b|.*\b(?:giam doc|lanh dao)\W+\|")
_TITLE_LEAD = 12
_INSPECTION = re.compile(r"\bket luan (?:thanh tra|kiem tra)\b|\bthanh tra\b.{0,40}\bket luan\b")


@dataclass(frozen=True)
class Competent:
    """Who must settle it: a queue, or a level with the place when it is named."""

    label: str
    place: str | None
    reason: str
    named: str = ""  # folded: the words before the maker, "|", the maker ("chu tich |ubnd …")


def competence_signal(text: str, kind: KindFinding, bodies: BodyIndex | None,
                      places: PlaceIndex) -> Signal:
    """The body competent for a khiếu nại or tố cáo, when the text says enough."""
    found: Competent | None = None
    if kind.kind == DENUNCIATION:
        found = _denounced(text, places)
    elif kind.kind == COMPLAINT and bodies is not None:
        found = _decision_maker(text, bodies)
    if found is None:
        return Signal(NAME, (), None, {"kind": kind.kind})
    return Signal(NAME, (Candidate(found.label, CONFIDENCE, found.place or ""),), found.reason,
                  {"kind": kind.kind, "place": found.place})


def _denounced(text: str, places: PlaceIndex) -> Competent | None:
    folded = fold_keep_length(text[:8000])
    windows = [(m.end(), m.end() + _WINDOW) for m in _TO_CAO.finditer(folded)]
    for start, end in [*windows, (0, len(folded))]:
        best = _first_official(folded, start, end)
        if best is None and (start, end) in windows and _names_private_party(folded, start):
            return None  # "tố cáo chủ đầu tư …": no official, whatever the text names later
        if best is not None:
            _, official, match = best
            label = official.label
            place = _place_near(text, match.end(), places) if label in LEVELS else None
            return Competent(label, place,
                             f"tố cáo {official.who} ('{text[match.start():match.end()]}') → "
                             f"{_settler(label)} tiếp nhận ({_why_there(label)}; "
                             "Luật Tố cáo 2018)")
    return None


def _first_official(folded: str, start: int, end: int
                     ) -> tuple[int, Official, re.Match[str]] | None:
    """The first official named in ``folded[start:end]`` who is not merely asked to act."""
    best: tuple[int, Official, re.Match[str]] | None = None
    for official in OFFICIALS:
        for match in official.pattern.finditer(folded, start, end):
            if _ASKED.search(folded[max(start, match.start() - _ASKED_LEAD):match.start()]):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), official, match)
            break
    return best


def _names_private_party(folded: str, start: int) -> bool:
    """Whether the words right after "tố cáo" name a business or a private person."""
    return _PRIVATE_PARTY.match(folded, start, start + _PRIVATE_LEAD) is not None


def _why_there(label: str) -> str:
    if label == POLICE:
        return "tố cáo cán bộ công an do cơ quan công an giải quyết"
    return "cấp trên của nơi người bị tố cáo công tác, giữ bí mật người tố cáo"


def _settler(label: str) -> str:
    return {LEVEL_DISTRICT: "UBND cấp huyện", LEVEL_COMMUNE: "UBND cấp xã",
            INSPECTORATE: "Thanh tra tỉnh", POLICE: "Công an tỉnh",
            PROVINCE: "Chủ tịch UBND tỉnh"}.get(label, label)


def _place_near(text: str, start: int, places: PlaceIndex) -> str | None:
    """The commune or district named right after the official's title."""
    for match in places.find(text[start:start + 40]):
        if match.position <= 12:
            return match.place.queue_code
    return None


def _decision_maker(text: str, bodies: BodyIndex) -> Competent | None:
    folded = fold_keep_length(text[:8000])
    if _INSPECTION.search(folded):
        return Competent(INSPECTORATE, None, f"{KIND_VI[COMPLAINT]} kết luận thanh tra → "
                         "Thanh tra tỉnh (Luật Khiếu nại 2011)")
    first = _first_settler(text, folded, bodies)
    if first is None or not _SECOND_TIME.search(folded):
        return first
    return _second_settler(first)


def _first_settler(text: str, folded: str, bodies: BodyIndex) -> Competent | None:
    """Whoever made the contested decision, who settles a first complaint about it."""
    mentions = [m for m in bodies.find(text[:8000]) if m.label != GENERIC]
    for decision in _DECISION.finditer(folded):
        for mention in mentions:
            between = folded[decision.end():mention.start]
            if decision.end() <= mention.start <= decision.end() + _DECISION_WINDOW \
                    and _BY.search(between):
                named = text[mention.start:mention.end]
                return Competent(mention.label, mention.place,
                                 f"khiếu nại {text[decision.start():decision.end()]} của "
                                 f"'{named}' → người ra quyết định giải quyết lần đầu "
                                 "(Luật Khiếu nại 2011)", _maker_words(folded, mention))
    return _maker_before(text, folded, mentions) or _decision_of_level(text, folded)


def _second_settler(first: Competent) -> Competent:
    """A second complaint goes one level above the first settler in the local government
    (Luật Khiếu nại 2011, Điều 7, 18, 21): a commune's committee or chairman → the
    district's chairman; a district's committee or chairman, or a department's director
    → the province's Chairman, whose inspectorate verifies it and advises (queue
    THANH_TRA). A district's office (phòng) is settled a second time by its district's
    chairman (Điều 18), a department's sub-agency (chi cục) by its director (Điều 20):
    their queues stay. The police, tax, social insurance and other central lines settle
    within their own line: the first settler's queue stays too. The maker is still named
    in the reason."""
    committee = _COMMITTEE_MAKER.search(first.named) is not None
    if committee and (first.label == LEVEL_COMMUNE or first.label.startswith(_COMMUNE_QUEUE)):
        return Competent(LEVEL_DISTRICT, first.place, f"{first.reason}; khiếu nại lần hai → "
                         "Chủ tịch UBND cấp huyện giải quyết lần hai (Luật Khiếu nại 2011)")
    district = first.label == LEVEL_DISTRICT or first.label.startswith(_DISTRICT_QUEUE)
    department = first.label.startswith(_DEPARTMENT_QUEUE) \
        and _DEPARTMENT_MAKER.match(first.named) is not None
    if (committee and district) or department:
        return Competent(INSPECTORATE, None, f"{first.reason}; khiếu nại lần hai → Chủ tịch "
                         "UBND tỉnh giải quyết, Thanh tra tỉnh tham mưu, xác minh (Luật Khiếu "
                         "nại 2011)")
    return first


def _maker_words(folded: str, mention: BodyMention) -> str:
    """The maker's name as written, folded, after the words before it (a title:
    "chủ tịch", "giám đốc") and "|"."""
    lead = folded[max(0, mention.start - _TITLE_LEAD):mention.start]
    return f"{lead}|{folded[mention.start:mention.end]}"


def _maker_before(text: str, folded: str, mentions: list[BodyMention]) -> Competent | None:
    """The maker named before its decision ("Chủ tịch UBND huyện Lục Nam đã ký quyết
    định …"), when no decision names its maker after it ("quyết định … của …")."""
    for mention in mentions:
        if _MADE.match(folded, mention.end, mention.end + _MADE_WINDOW) is not None:
            named = text[mention.start:mention.end]
            return Competent(mention.label, mention.place,
                             f"khiếu nại quyết định do '{named}' ban hành → người ra quyết "
                             "định giải quyết lần đầu (Luật Khiếu nại 2011)",
                             _maker_words(folded, mention))
    return None


def _decision_of_level(text: str, folded: str) -> Competent | None:
    """A decision of the commune or district named by its level only ("quyết định bồi
    thường của huyện"): that level's committee made it and settles it first."""
    for decision in _DECISION.finditer(folded):
        by = _BY_LEVEL.search(folded, decision.end(), decision.end() + _LEVEL_WINDOW)
        if by is not None:
            level = _LEVEL_OF[by["level"]]
            return Competent(level, None, f"khiếu nại {text[decision.start():by.end()]} → "
                             f"{_settler(level)} ra quyết định, giải quyết lần đầu "
                             "(Luật Khiếu nại 2011)", "|ubnd " + by["level"])
    return None
