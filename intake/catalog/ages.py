"""Ages: the age a question tells against the ages a procedure is for.

The same change of a birth record is the commune's for a child under 14 and the
district's from 14 on; a health card is for children under 6; a work permit is for
foreigners from 18. The catalog states these limits in the procedure's conditions
("cho người chưa đủ 14 tuổi", "từ đủ 14 tuổi trở lên", "trẻ em dưới 6 tuổi"), and
citizens tell an age ("con tôi 10 tuổi", "toi 35 tuoi", "chưa đầy 1 tuổi"). The
re-ranker weighs whether they agree (``age_fit``) and whether they disagree
(``age_misfit``). A clause of the conditions that sends a case elsewhere ("người từ đủ
14 tuổi trở lên … thì làm tại UBND cấp huyện") states the ages the procedure is *not*
for, and is left out; so is an age gap ("hơn con nuôi từ 20 tuổi trở lên"), which is no
one's age.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from intake.text import fold

Interval = tuple[float, float]  # ages in years from (included) .. to (excluded)

# an age told in a question: "10 tuổi", "3 tháng tuổi" (under one year), "chưa đầy 1 tuổi"
_TOLD = re.compile(r"(?<![\w.,])(?:(chua day|chua du|duoi|gan) )?(\d{1,3}) (thang )?tuoi\b")
# limits a condition states, folded: "từ 18 đến 23 tuổi", "từ đủ 14 tuổi (trở lên)",
# "trên 22 tuổi", "chưa đủ 14 tuổi", "dưới 6 tuổi", "không quá 31 tuổi"
_RANGE = re.compile(r"\btu (?:du |tren )?(\d{1,3}) (?:tuoi )?den (?:duoi )?(\d{1,3}) tuoi\b")
_FROM = re.compile(r"\b(tu du|tu|du|tren|tu tren) (\d{1,3}) tuoi\b")
_UNDER = re.compile(r"\b(chua du|duoi|khong qua) (\d{1,3}) tuoi\b")
_GAP = re.compile(r"\bhon(?: \w+){0,3}\s*$")  # "hơn con nuôi từ 20 tuổi": a gap
_NOT = re.compile(r"\b(?:chua|khong)\s*$")  # "chưa đủ 14 tuổi" holds "đủ 14 tuổi"
_CLAUSES = re.compile(r"[.;:\n]+")


def told_ages(text: str) -> tuple[float, ...]:
    """The ages a question tells, in years ("3 tháng tuổi" is 0; "chưa đầy 1 tuổi" 0)."""
    out = []
    for found in _TOLD.finditer(fold(text)):
        below, number, months = found.group(1), int(found.group(2)), found.group(3)
        if months:
            out.append(number / 12)
        elif below in ("chua day", "chua du", "duoi"):
            out.append(max(number - 1, 0))
        else:
            out.append(number)
    return tuple(out)


def stated_ages(conditions: str | None, elsewhere: Sequence[str] = ()) -> tuple[Interval, ...]:
    """The age intervals a procedure's conditions state it is for; none when they state
    none. ``elsewhere``: folded phrases of a clause that sends a case to another body
    ("thi lam tai"), whose ages are left out."""
    out: list[Interval] = []
    for clause in _CLAUSES.split(fold(conditions or "")):
        if any(phrase in clause for phrase in elsewhere):
            continue
        out += _intervals(clause)
    return tuple(out)


def _intervals(clause: str) -> list[Interval]:
    found: list[Interval] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE.finditer(clause):
        found.append((float(m.group(1)), float(m.group(2)) + 1))
        taken.append(m.span())
    for m in _FROM.finditer(clause):
        before = clause[:m.start()]
        if _inside(m.span(), taken) or _GAP.search(before) or _NOT.search(before):
            continue
        low = int(m.group(2)) + (1 if m.group(1) in ("tren", "tu tren") else 0)
        found.append((float(low), math.inf))
    for m in _UNDER.finditer(clause):
        if _inside(m.span(), taken):
            continue
        top = int(m.group(2)) + (1 if m.group(1) == "khong qua" else 0)
        found.append((0.0, float(top)))
    return found


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] < end for start, end in taken)


def age_fit(told: Sequence[float], stated: Sequence[Interval]) -> float:
    """1 when an age the question tells is one the procedure's conditions state it is
    for, else 0."""
    if any(low <= age < high for age in told for low, high in stated):
        return 1.0
    return 0.0


def age_misfit(told: Sequence[float], stated: Sequence[Interval]) -> float:
    """1 when the question tells ages and the procedure states ages none of them is.
    Weighed apart from ``age_fit`` (learned): an age outside every stated interval is not
    always a mismatch ("người dưới 14 tuổi phải có người đại diện" states what the
    passport asks of children, not that adults get none)."""
    if told and stated and not age_fit(told, stated):
        return 1.0
    return 0.0
