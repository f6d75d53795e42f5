"""The structure of a citizen's letter: whom it is for, where the writer lives, the rest.

Formal letters and e-mails open with their addressees ("Kính gửi: Sở Y tế", "Đồng kính
gửi: UBND huyện Lục Ngạn", or a list of "- …" lines under "Kính gửi:"), and writers say
where they live ("Tôi là …, trú tại thôn Đông, xã Tân Mộc", "Địa chỉ: …", "thường trú",
"quê quán"). Neither is where the matter happened: the addressee is evidence for the
body that is competent, the residence only a hint of the place for a local matter.
``read_letter`` separates them so that routing reads each part for what it means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.routing.bodies import fold_keep_length
from intake.text import nfc

MAX_ADDRESSEE_CHARS = 160
MAX_RESIDENCE_CHARS = 120

_ADDRESSEE = re.compile(
    r"^\W*(?P<cc>dong\s+)?(?:kinh\s+gui|k\s*/\s*g|kg)\s*[:.\-]?\s*(?P<rest>.*?)\s*$")
_BULLET = re.compile(r"^\s*[-+•*–]\s*\S")
_RESIDENCE_CUE = re.compile(
    r"\b(?:(?:hien\s+)?(?:dang\s+)?(?:tru|ngu|cu tru|sinh song|thuong tru|tam tru|o)\s+tai"
    r"|(?:thuong|tam)\s+tru\s*(?::|o\b)|noi\s+(?:thuong\s+tru|tam\s+tru|cu\s+tru)"
    r"|(?:noi|cho)\s+o\s+(?:hien\s+nay|cua\s+(?:toi|chung\s+toi|gia\s+dinh))"
    r"|dia\s+chi(?:\s+(?:lien\s+he|thuong\s+tru|hien\s+nay|nha))?\s*:"
    r"|d\s*/\s*c\s*:|dc\s*:|que\s+quan|que\s+(?:toi\s+)?o|que\s+tai)(?![a-z0-9])\s*:?")
_RESIDENCE_END = re.compile(
    r"[.;!?()\n]|\b(?:xin|kinh|nay|toi|chung toi|em|con|gia dinh|lam don|viet don|gui don"
    r"|co don|phan anh|kien nghi|khieu nai|to cao|de nghi|trinh bay|so dien thoai|sdt|sđt"
    r"|dien thoai|dt|cccd|cmnd|can cuoc|email|sinh nam|sinh ngay|nam sinh|la)\b")


# The writer addresses or asks the province's bodies in general ("Kính gửi các cơ quan
# của tỉnh", "Gửi cơ quan quản lý của tỉnh", "Kính gửi UBND tỉnh", "mong cơ quan có thẩm
# quyền của tỉnh xem xét", "đề nghị tỉnh xem lại"): the writer took the matter to the
# province, not to the commune. The province's office and hotline ("Văn phòng UBND tỉnh")
# forward everything and say nothing of the level. Matched on the folded text.
_PROVINCE = re.compile((
    r"(?<!\w)(?:(?:cac |quy )?co quan(?: \w+){0,4}? (?:cua |o |thuoc )?tinh(?! lo)"
    r"|(?:ubnd|uy ban nhan dan|uy ban|lanh dao|chinh quyen) tinh"
    r"|(?:cac )?so,? (?:ban,? )?nganh(?: cua| cap)? tinh"
    r"|(?:de nghi|mong|kien nghi|xin|yeu cau) (?:\w+ ){0,2}tinh (?:xem|kiem tra|chi dao"
    r"|giai quyet|vao cuoc|quan tam))(?!\w)").replace(" ", r"\s+"))
_OFFICE_BEFORE = re.compile(r"van\s+phong\s*$")
# The province's bodies are the letter's addressees only where the writer addresses or
# asks them: on an addressee line ("Kính gửi: UBND tỉnh", "Đồng kính gửi …", "Gửi các
# cơ quan của tỉnh") or right after an asking verb ("đề nghị UBND tỉnh …", "kiến nghị đồng
# chí Chủ tịch UBND tỉnh …", "mong cơ quan quản lý của tỉnh …"). Named anywhere else, they
# are the story: "Quyết định số 12/QĐ-UBND của UBND tỉnh", "theo kế hoạch của UBND tỉnh".
_ADDRESSEE_LINE = re.compile(r"\W*(?:dong\s+)?(?:kinh\s+gui|gui|k\s*/\s*g|kg)\b")
_OWN_VERB = re.compile(r"(?:de\s+nghi|mong|kien\s+nghi|xin|yeu\s+cau)\s")
_ASKED_BEFORE = re.compile(
    r"(?<!\w)(?:de\s+nghi|kien\s+nghi|mong|xin|yeu\s+cau|de\s+xuat|nho|kinh\s+trinh"
    r"|trinh\s+bay\s+voi|phan\s+anh\s+(?:voi|len|den|toi))"
    r"(?:\s+(?:dong\s+chi|chu\s+tich|pho\s+chu\s+tich|lanh\s+dao|cac|quy|ong|ba))*\s*$")
_ASKED_CONTEXT = 60
_WORD = re.compile(r"\w+")
# "tinh" folded is also "tình" (tình trạng, tình hình) and "tính" (tính toán, tính sai):
# written with diacritics, only "tỉnh" is the province
_NOT_PROVINCE = frozenset({"tình", "tính"})


# The writer asks the commune's or district's committee itself ("đề nghị xã cho người cắt
# cây", "nhờ UBND phường xử lý", "mong chính quyền huyện"): the local committee was chosen.
_LOCAL_BODY = (r"(?:ubnd|uy\s+ban(?:\s+nhan\s+dan)?|chinh\s+quyen|lanh\s+dao|chu\s+tich"
               r"|can\s+bo)")
_COMMUNE = r"(?:" + _LOCAL_BODY + r"\s+)?(?:xa|phuong|thi\s+tran)(?!\w)"
# "đã (nhiều lần) đề nghị / báo / gửi đơn (lên) UBND xã …"
_COMMUNE_ASKED_BEFORE = re.compile(
    r"(?<!\w)(?:da|nhieu\s+lan|may\s+lan)\s+(?:(?:nhieu|may)\s+lan\s+)?"
    r"(?:de\s+nghi|kien\s+nghi|bao(?:\s+cao)?|phan\s+anh|gui\s+don|lam\s+don)"
    r"(?:\s+(?:voi|len|den|toi|ra))?\s+" + _COMMUNE)
# "xã không / chưa giải quyết, trả lời, xử lý"
_COMMUNE_DID_NOT_ACT = re.compile(
    r"(?<!\w)" + _COMMUNE + r"(?:\s+\w+){0,4}?\s+(?:khong|chua|van\s+khong|ko)\s+"
    r"(?:giai\s+quyet|tra\s+loi|xu\s+ly|lam\s+gi|co\s+y\s+kien|can\s+thiep)(?!\w)")
_LOCAL_ASKED = re.compile(
    r"(?<!\w)(?:de\s+nghi|kien\s+nghi|mong|nho|yeu\s+cau|xin)"
    r"(?:\s+" + _LOCAL_BODY + r")?\s+(?:xa|phuong|thi\s+tran|huyen)(?!\w)")


_LOCAL_COMMITTEE = re.compile(
    r"(?<!\w)(?:ubnd|uy\s+ban(?:\s+nhan\s+dan)?|chu\s+tich(?:\s+ubnd)?|chinh\s+quyen)"
    r"\s+(?:xa|phuong|thi\s+tran|huyen)(?!\w)")


# The province's head on the primary addressee line: its People's Committee or its
# Chairman ("Kính gửi: Đồng chí Chủ tịch UBND tỉnh", "Kính gửi: UBND tỉnh Bắc Giang"),
# not a commune's or district's chairman, not the office or a department.
_HEAD_LINE = re.compile(
    r"(?<!\w)(?:(?:ubnd|uy\s+ban(?:\s+nhan\s+dan)?)\s+tinh|chu\s+tich)(?!\w)")
_NOT_HEAD_LINE = re.compile(
    r"(?<!\w)(?:xa|phuong|thi\s+tran|thi\s+xa|huyen|thanh\s+pho|tp|van\s+phong|so)(?!\w)")
# ... asked to direct several bodies ("chỉ đạo các sở, ngành", "chỉ đạo liên ngành",
# "chỉ đạo các cơ quan chức năng"): a matter across bodies, which the Chairman coordinates
# (Luật Tổ chức chính quyền địa phương 2015, Điều 22) and the province's office prepares.
_DIRECT_SEVERAL = re.compile(
    r"(?<!\w)chi\s+dao\s+(?:cho\s+)?(?:cac|lien|nhung)\s+(?:so|nganh|co\s+quan|don\s+vi"
    r"|cap)(?!\w)")


def _as_written(text: str, folded: str, found: re.Match[str]) -> str:
    """What ``found`` (a match in ``folded``) covers in ``text`` as the writer typed it,
    when folding kept the length; else the folded words."""
    return text[found.start():found.end()] if len(folded) == len(text) else found.group(0)


def province_head_asked(letter: Letter) -> str | None:
    """The words by which a letter to the province's People's Committee or its Chairman
    (primary addressee) asks it to direct several bodies, or None."""
    head = any(a.primary and _HEAD_LINE.search(line) and not _NOT_HEAD_LINE.search(line)
               for a in letter.addressees
               for line in (fold_keep_length(a.text).lower(),))
    if not head:
        return None
    text = letter.incident[:6000]
    folded = fold_keep_length(text).lower()
    found = _DIRECT_SEVERAL.search(folded)
    if found is None:
        return None
    return " ".join(_as_written(text, folded, found).split())


def local_committee_asked(text: str) -> bool:
    """Whether the writer asks the commune's or district's committee to act."""
    return _LOCAL_ASKED.search(fold_keep_length(text[:6000]).lower()) is not None


def commune_failed(letter: Letter) -> str | None:
    """The words by which the writer says the commune's committee was already asked, or
    did not act ("đã nhiều lần đề nghị UBND xã …", "xã không giải quyết"), or None: the
    letter to the district then asks it to act over the commune (an escalation), and is
    not a commune matter sent to the wrong level."""
    text = letter.incident[:6000]
    folded = fold_keep_length(text).lower()
    found = _COMMUNE_ASKED_BEFORE.search(folded) or _COMMUNE_DID_NOT_ACT.search(folded)
    return None if found is None else " ".join(_as_written(text, folded, found).split())


# "thôn tôi", "xóm em", "quê mình", "nhà tôi": the writer's own place, unless the words
# go on to say where it is ("ruộng nhà tôi ở xã …": that place is named)
_OWN_PLACE = re.compile(
    r"(?<!\w)(?P<word>thon|xom|xa|phuong|lang|ban|khu|to\s+dan\s+pho|que|nha)\s+"
    r"(?:toi|em|minh|chung\s+toi|chung\s+em)(?!\w)(?!\s+(?:o|tai)(?!\w))")
# Place words that fold to an ordinary word: "xa tôi" is far from me, "bạn tôi" my
# friend. They count as written with their diacritics ("xã", "bản"); typed without
# them, only before the place's capitalised name ("xa toi Tan Moc").
_FOLDS_TO_ANOTHER_WORD = {"xa": "xã", "ban": "bản"}
_NAME_AFTER = re.compile(r"\s*,?\s*[^\W\d_]")


def own_place_words(letter: Letter) -> str | None:
    """The words by which the text places the matter in the writer's own place ("đường
    trục thôn tôi", "xóm em"), or None: with the writer living in the district addressed,
    another place the text names (a workplace, a school) is not where the matter is."""
    text = letter.incident[:6000]
    folded = fold_keep_length(text).lower()
    for found in _OWN_PLACE.finditer(folded):
        if _says_a_place(text, folded, found):
            return " ".join(_as_written(text, folded, found).split())
    return None


# The matter placed at the writer's home itself: "ngõ nhà tôi", "(tuyến phố) trước nhà
# tôi", "cạnh nhà em", "xóm tôi", "tổ dân phố tôi"; not "từ nhà tôi (đi chợ)", which
# names a way elsewhere, nor "quê tôi", a home town that is seldom the residence
_AT_HOME = re.compile(
    r"(?<!\w)(?:(?:ngo|hem|cong|truoc|canh|sau|gan|quanh|sat|doi\s+dien|duong\s+vao)\s+nha"
    r"|xom|thon|to\s+dan\s+pho|khu\s+pho|ngo)\s+(?:toi|em|minh|chung\s+toi|chung\s+em)(?!\w)"
    r"(?!\s+(?:o|tai)(?!\w))")


def home_matter_words(letter: Letter) -> str | None:
    """The words by which the text places the matter at the writer's home or in the
    writer's own hamlet ("ngõ nhà tôi", "trước nhà em", "xóm tôi"), or None."""
    text = letter.incident[:6000]
    folded = fold_keep_length(text).lower()
    found = _AT_HOME.search(folded)
    return None if found is None else " ".join(_as_written(text, folded, found).split())


# A committee that sent the citizen to another place ("bảo phải về xã Tân Mộc", "hướng
# dẫn sang UBND phường …", "không thuộc thẩm quyền"): the committee the story names is
# then not the one that handles the dossier
_SENT_ELSEWHERE = re.compile(
    r"(?<!\w)(?:(?:phai|(?:bao|bat|huong\s+dan|yeu\s+cau|noi)"
    r"(?:\s+(?:toi|em|minh|chung\s+toi|gia\s+dinh))?(?:\s+phai)?)\s+(?:ve|sang|len|qua)"
    r"\s+(?:ubnd\s+|uy\s+ban\s+)?(?:xa|phuong|thi\s+tran|huyen)|khong\s+(?:thuoc|dung)\s+"
    r"(?:tham\s+quyen|noi|dia\s+ban))(?!\w)")


def sent_elsewhere(letter: Letter) -> bool:
    """Whether the text says a committee sent the citizen to another commune or level."""
    return _SENT_ELSEWHERE.search(fold_keep_length(letter.incident[:6000]).lower()) is not None


def _says_a_place(text: str, folded: str, found: re.Match[str]) -> bool:
    """Whether the own-place words ``found`` are a place's ("xã tôi"), not an ordinary
    word folded alike ("xa tôi", "bạn tôi"); see ``_FOLDS_TO_ANOTHER_WORD``."""
    marked = _FOLDS_TO_ANOTHER_WORD.get(found["word"])
    if marked is None or len(folded) != len(text):
        return True
    if text[found.start("word"):found.end("word")].lower() == marked:
        return True
    if text.lower() != folded:
        return False  # typed with diacritics, but not this word's: the ordinary word
    after = _NAME_AFTER.match(text, found.end())
    return after is not None and text[after.end() - 1].isupper()


# A person's name: the words after "tôi là", "tên tôi là", "họ (và) tên:", "người
# viết/làm đơn:", "ký tên", a title ("ông Hoàng Văn Nam"), and the signature lines under
# a closing ("Trân trọng", "Kính thư", "Người làm đơn"). A commune's name there ("Hoàng
# Văn" read as xã Hoàng Vân) is nobody's place, unless a type word or "người/dân" says
# the words name a place ("tôi là người dân xã Tân Mộc").
MAX_NAME_WORDS = 5
_NAME_REACH = 120  # characters read for a name: five words, and a long letter stays linear
_NAME_CUE = re.compile(
    r"(?<!\w)(?<!cua\s)(?:(?:ten\s+)?toi\s+(?:ten\s+)?la|(?:toi|em)\s+ten(?:\s+la)?"
    r"|ho\s+(?:va\s+)?ten(?:\s+nguoi\s+(?:viet|lam|gui)(?:\s+don)?)?\s*:"
    r"|nguoi\s+(?:viet|lam|gui)(?:\s+don)?\s*:|ky\s+ten\s*:?)(?!\w)\s*")
_TITLE = re.compile(r"(?<!\w)(?:ong|ba|anh|chi|co|chu|bac)\s+")
_TITLES_MARKED = frozenset({"ông", "bà", "anh", "chị", "cô", "chú", "bác"})
_TITLES_PLAIN = frozenset({"ong", "ba", "anh", "chi"})  # not "co" (có), "chu", "bac" (Bắc)
_CLOSING = re.compile(
    r"\W*(?:(?:xin\s+)?(?:tran\s+trong|kinh\s+thu)(?:\W+cam\s+on)?|xin\s+cam\s+on"
    r"|nguoi\s+(?:viet|lam|gui)(?:\s+don)?|ky\s+ten)(?!\w)\W*")
_CLOSING_LINES = 3
# Words that go on about the person, not names (not "tài", "quế", "hiền", "việt",
# "đặng": those are given or family names too)
_NAME_END = re.compile(
    r"[,.;:!?()\n\d]|(?<!\w)(?:sinh\s+(?:nam|ngay)|(?:thuong\s+|tam\s+)?tru|o|dia\s+chi"
    r"|so\s+dien\s+thoai|sdt|dien\s+thoai|cccd|cmnd|email|xin|kinh|la|va|da|nay|tai|thuoc"
    r"|cua)(?!\w)")
_NOT_A_NAME = re.compile(
    r"(?<!\w)(?:xa|phuong|thi\s+tran|huyen|thanh\s+pho|tp|thi\s+xa|thon|xom|lang|ban|khu"
    r"|to\s+dan\s+pho|nguoi|dan|ubnd|uy\s+ban)(?!\w)")


def person_name_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a person (see ``_NAME_CUE``), as (start, end) pairs."""
    folded = fold_keep_length(text).lower()
    if len(folded) != len(text):
        return []
    return [*_cued_names(text, folded), *_signature_names(text, folded)]


def _cued_names(text: str, folded: str) -> list[tuple[int, int]]:
    """The names after a cue ("tôi là", "họ tên:") or a title ("ông Hoàng Văn Nam")."""
    cased = _uses_capitals(text)
    spans = [_name_after_cue(text, folded, cue.end(), cased)
             for cue in _NAME_CUE.finditer(folded)]
    titles = _TITLES_PLAIN if text.lower() == folded else _TITLES_MARKED
    spans += [_name_after_title(text, folded, title, titles)
              for title in _TITLE.finditer(folded)]
    return [span for span in spans if span is not None]


def _signature_names(text: str, folded: str) -> list[tuple[int, int]]:
    """The signature lines' names under a closing ("Trân trọng,\nHoàng Văn Nam")."""
    cased = _uses_capitals(text)
    spans = [_signature_line(text, folded, start, cased) for start in _signature_starts(folded)]
    return [span for span in spans if span is not None]


def _uses_capitals(text: str) -> bool:
    """Whether the text is typed with capitals, as a letter is (its first letter is a
    capital): then names are capitalised. A chat message typed in lower case ("toi la
    hoang van nam o thon Dong") writes names in lower case too."""
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.isupper()


def without_person_names(text: str) -> str:
    """``text`` with the persons' names it gives blanked out (positions kept), so that a
    name is not read as a place ("Hoàng Văn Nam" as xã Hoàng Vân). A name of two words
    or more given after a cue or a title is blanked wherever else it stands too (the bare
    signature line at the end of a letter whose writer said "Tôi là Hoàng Văn Nam"); a
    signature line's own words only where they stand (a line under "Trân trọng" may be a
    place and a date, or the story going on)."""
    folded = fold_keep_length(text).lower()
    if len(folded) != len(text):
        return text
    cued = _cued_names(text, folded)
    spans = [*cued, *_signature_names(text, folded)]
    names = {" ".join(folded[start:end].split()) for start, end in cued}
    for name in (n for n in names if " " in n):
        pattern = r"(?<!\w)" + re.escape(name).replace(r"\ ", r"\s+") + r"(?!\w)"
        spans += [(found.start(), found.end()) for found in re.finditer(pattern, folded)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    text = "".join(chars)
    return text


def _name_words(folded: str, start: int) -> list[re.Match[str]]:
    """The words from ``start`` up to a punctuation mark or a word that goes on about
    the person ("sinh năm", "trú", "ở" …)."""
    reach = min(len(folded), start + _NAME_REACH)
    end = _NAME_END.search(folded, start, reach)
    return list(re.finditer(r"\S+", folded[start:end.start() if end else reach]))


def _span(folded: str, start: int, words: list[re.Match[str]]) -> tuple[int, int] | None:
    """The span of ``words`` (found from ``start``), unless they name a place."""
    if not words or _NOT_A_NAME.search(folded, start, start + words[-1].end()):
        return None
    return start, start + words[-1].end()


def _name_after_cue(text: str, folded: str, start: int, cased: bool) -> tuple[int, int] | None:
    """The name after "tôi là", "họ tên:" …: its first ``MAX_NAME_WORDS`` words; in a
    text typed with capitals, only when the first is capitalised ("Tôi là chủ hộ …" is
    no name)."""
    words = _name_words(folded, start)[:MAX_NAME_WORDS]
    if words and cased and not text[start + words[0].start()].isupper():
        return None
    return _span(folded, start, words)


def _name_after_title(text: str, folded: str, title: re.Match[str],
                      titles: frozenset[str]) -> tuple[int, int] | None:
    """The capitalised words after a title ("ông Hoàng Văn Nam"); the title typed with
    its diacritics, or the text typed without them ("ong Hoang Van Nam")."""
    written = text[title.start():title.end()].strip().lower()
    if written not in titles:
        return None  # "có", "chủ", "bạ" …: no title
    words = []
    for word in _name_words(folded, title.end())[:MAX_NAME_WORDS]:
        if not text[title.end() + word.start()].isupper():
            break
        words.append(word)
    return _span(folded, title.end(), words)


def _signature_starts(folded: str) -> list[int]:
    """Where the words after a closing line's cue begin ("Trân trọng, Hoàng Văn Nam"),
    and the next ``_CLOSING_LINES`` lines (the signature)."""
    starts: list[int] = []
    lines = folded.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for number, line in enumerate(lines):
        closing = _CLOSING.match(line)
        if closing is None:
            continue
        starts.append(offsets[number] + closing.end())
        for below in range(number + 1, min(len(lines), number + 1 + _CLOSING_LINES)):
            starts.append(offsets[below] + len(lines[below]) - len(lines[below].lstrip()))
    return starts


def _signature_line(text: str, folded: str, start: int, cased: bool) -> tuple[int, int] | None:
    """A signature line's name: the whole rest of the line, at most ``MAX_NAME_WORDS``
    words and nothing else (no date, no comma: "Tân Mộc, ngày 4 tháng 12" is a place and
    a date), each word capitalised in a text typed with capitals (else the line is the
    story going on: "Đường Tân Mộc hỏng nặng")."""
    line_end = folded.find("\n", start)
    line = folded[start:line_end if line_end >= 0 else len(folded)].rstrip()
    words = _name_words(folded, start)
    if not words or len(words) > MAX_NAME_WORDS or words[-1].end() != len(line):
        return None
    if cased and not all(text[start + w.start()].isupper() for w in words):
        return None
    return _span(folded, start, words)


def local_committee_addressed(letter: Letter) -> bool:
    """Whether an addressee line names a commune's or district's committee ("Kính gửi:
    UBND xã Tân Mộc")."""
    return any(_LOCAL_COMMITTEE.search(fold_keep_length(a.text).lower())
               for a in letter.addressees)


@dataclass(frozen=True)
class Addressee:
    """One addressee line's text; ``primary`` unless it follows "Đồng kính gửi"."""

    text: str
    primary: bool


@dataclass(frozen=True)
class Letter:
    """A complaint's text in its parts."""

    addressees: tuple[Addressee, ...]
    residence: tuple[str, ...]
    incident: str
    province: str | None = None  # the words addressing or asking the province in general

    @property
    def residence_text(self) -> str:
        """Every residence clause, one a line (where the writer lives)."""
        return "\n".join(self.residence)


def read_letter(text: str) -> Letter:
    """Split ``text`` into addressees, the writer's residence and the incident text."""
    text = nfc(text)
    addressees, kept = _addressee_lines(text.splitlines())
    body = "\n".join(kept)
    residence, incident = _residence_clauses(body)
    return Letter(tuple(addressees), tuple(residence), incident, province_cue(text))


def province_cue(text: str) -> str | None:
    """The words by which the writer addresses or asks the province's bodies in general
    (as written), or None."""
    head = text[:6000]
    folded = fold_keep_length(head)
    aligned = len(folded) == len(head)
    for found in _PROVINCE.finditer(folded):
        if _OFFICE_BEFORE.search(folded, 0, found.start()):
            continue  # "Văn phòng UBND tỉnh": the office forwards everything
        if not _addressed_or_asked(folded, found.start(), found.group(0)):
            continue  # named in the story ("Quyết định … của UBND tỉnh"), not addressed
        said = _as_written(head, folded, found)
        if aligned and not _names_the_province(said):
            continue
        return " ".join(said.split())
    return None


def _addressed_or_asked(folded: str, start: int, said: str) -> bool:
    """Whether the province's bodies found at ``start`` are addressed (an addressee line,
    or a "- …" line of its list) or asked (right after an asking verb); words that carry
    their own verb ("đề nghị tỉnh xem lại") always are."""
    if _OWN_VERB.match(said):
        return True
    line_start = folded.rfind("\n", 0, start) + 1
    if start - line_start <= MAX_ADDRESSEE_CHARS and _on_addressee_line(folded, line_start):
        return True
    return _ASKED_BEFORE.search(folded, max(line_start, start - _ASKED_CONTEXT), start) \
        is not None


def _on_addressee_line(folded: str, line_start: int) -> bool:
    """The line at ``line_start`` opens with "Kính gửi"/"Gửi", or is a "- …" line under one."""
    while True:
        if _ADDRESSEE_LINE.match(folded, line_start):
            return True
        line_end = folded.find("\n", line_start)
        line = folded[line_start:line_end if line_end >= 0 else len(folded)]
        if line_start == 0 or not _BULLET.match(line):
            return False
        line_start = folded.rfind("\n", 0, line_start - 1) + 1


def _names_the_province(said: str) -> bool:
    """Whether a "tinh" of the matched words is the province: "tỉnh", or "tinh" typed
    without diacritics; not "tình" or "tính"."""
    return any(nfc(word).lower() not in _NOT_PROVINCE for word in _WORD.findall(said)
               if fold_keep_length(word).lower() == "tinh")


def _addressee_lines(lines: list[str]) -> tuple[list[Addressee], list[str]]:
    found: list[Addressee] = []
    kept: list[str] = []
    group: bool | None = None  # inside a "Kính gửi:" block: primary or not
    for line in lines:
        folded = fold_keep_length(line)
        key = folded.strip()
        head = _ADDRESSEE.match(folded) if len(key) <= MAX_ADDRESSEE_CHARS else None
        if head is not None:
            primary = head["cc"] is None
            rest = line[head.start("rest"):].strip() if len(folded) == len(line) \
                else head["rest"].strip()
            addressee, after = _first_sentence(rest)
            if addressee:
                found.append(Addressee(addressee, primary))
            group = primary if not after else None
            if after:
                kept.append(after)
            continue
        if group is not None and _BULLET.match(line) and len(key) <= MAX_ADDRESSEE_CHARS:
            found.append(Addressee(line.strip().lstrip("-+•*– ").strip(" ;,."), group))
            continue
        if key:
            group = None
        kept.append(line)
    return found, kept


# A sentence ends at . ! ? ; — but not after a type word's abbreviation ("UBND TP. Bắc
# Giang", "H. Lục Nam") — or at a comma before the writer introduces themself.
_SENTENCE_END = re.compile(
    r"(?<!\btp)(?<!\btx)(?<!\b[hxp])(?<!\btt)[.!?;](?:\s|$)"
    r"|,\s+(?=(?:toi|em|chung toi|chau|con)\b)", re.IGNORECASE)


def _first_sentence(rest: str) -> tuple[str, str]:
    """An addressee line's addressee, and what follows it on the same line."""
    end = _SENTENCE_END.search(fold_keep_length(rest))
    if end is None:
        return rest.strip(" -+•*–;,."), ""
    return rest[:end.start()].strip(" -+•*–;,."), rest[end.end():].strip()


def _residence_clauses(body: str) -> tuple[list[str], str]:
    folded = fold_keep_length(body)
    if len(folded) != len(body):
        return [], body
    clauses: list[str] = []
    pieces: list[str] = []
    cursor = 0
    for cue in _RESIDENCE_CUE.finditer(folded):
        if cue.start() < cursor:
            continue
        limit = min(len(folded), cue.end() + MAX_RESIDENCE_CHARS)
        end_match = _RESIDENCE_END.search(folded, cue.end() + 1, limit)
        end = end_match.start() if end_match else limit
        clause = body[cue.end():end].strip(" ,:-")
        if clause:
            clauses.append(clause)
        pieces.append(body[cursor:cue.start()])
        pieces.append(" " * (end - cue.start()))
        cursor = end
    pieces.append(body[cursor:])
    return clauses, "".join(pieces)
