"""Write intake/org/data/changes-2025.yml: the 2025 reorganisation as organisation changes.

    .venv/bin/python scripts/org_changes_2025.py [--check]

The departments' part is written by hand below (each change with its source). The
communes' part is generated: every commune of the shipped 2023 data
(``intake/org/data/xa-phuong/``, 209 units) is followed to the commune of the new Bắc
Ninh province that holds it since 1 July 2025, with the mapping the library
``vietnamadminunits`` (MIT) ships (``data/converter_2025.json``: legacy commune → new
commune; ``data/dataset.db``: the new communes' names and GSO codes). 17 of our units
were merged into neighbours in 2024 (Nghị quyết 1191/NQ-UBTVQH15) and are absent from
the library's legacy list; their 2024 successor is found through the library's keyword
aliases (the old name listed among the successor's keywords, in the same district or,
for Yên Dũng, merged into TP Bắc Giang in 2024, anywhere in the province), and any unit
left unresolved stops the script. ``--check`` fails if the file on disk differs from
what would be written (run by the tests).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import vietnamadminunits
import yaml
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "intake" / "org" / "data"
OUT = DATA / "changes-2025.yml"
LIB = Path(vietnamadminunits.__file__).resolve().parent / "data"
LIB_VERSION = "vietnamadminunits 1.0.4"
NEW_PROVINCE_KEY = "tinhbacninh"
OLD_PROVINCE_KEY = "tinhbacgiang"
TYPES = {"Xã": "xa", "Phường": "phuong", "Thị trấn": "thi-tran"}
COMMUNE_SOURCE = ("Nghị quyết 1658/NQ-UBTVQH15 ngày 16/6/2025 (hiệu lực 01/07/2025); bảng xã cũ → "
                  "xã mới: vietnamadminunits 1.0.4")
DISTRICT_SOURCE = ("Luật Tổ chức chính quyền địa phương 72/2025/QH15 ngày 16/6/2025 (hiệu lực "
                   "01/07/2025)")

SRC_ND45 = ("Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ "
            "quan chuyên môn thuộc UBND cấp tỉnh (danh sách sở thống nhất: Sở Tài chính, Sở "
            "Nông nghiệp và Môi trường, Sở Xây dựng, Sở Khoa học và Công nghệ …; Sở Dân tộc "
            "và Tôn giáo là sở đặc thù) — hdnd.dongnai.gov.vn, thanhphohaiphong.gov.vn")
SRC_BG_HDND = ("Nghị quyết của HĐND tỉnh Bắc Giang, kỳ họp thứ 25 (chuyên đề) ngày 19/02/2025, "
               "thành lập, tổ chức lại các cơ quan chuyên môn thuộc UBND tỉnh — nguoiduatin.vn "
               "19/02/2025 'Bắc Giang thành lập 7 sở mới' (số hiệu nghị quyết không có trong "
               "bài; chưa xác nhận)")
EFFECTIVE_MARCH = ("ngày hiệu lực 01/03/2025: ngày bộ máy mới theo Nghị định 45/2025/NĐ-CP "
                   "vận hành (cùng ngày công an cấp huyện chấm dứt hoạt động, cafef.vn "
                   "01/03/2025); văn bản của tỉnh ghi ngày này chưa tìm thấy — chưa xác nhận")
SRC_NQ202 = ("Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành "
             "chính cấp tỉnh (Bắc Giang + Bắc Ninh → tỉnh Bắc Ninh; chính quyền mới hoạt động "
             "từ 01/07/2025) — github.com/thanglequoc/vietnamese-provinces-database v3.0.2; "
             "didulich.net")
SRC_LAW72 = ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025 (hiệu lực "
             "01/07/2025): chính quyền địa phương hai cấp, tỉnh và xã; cấp huyện chấm dứt "
             "hoạt động")
SRC_NQ1658 = ("Nghị quyết 1658/NQ-UBTVQH15 ngày 16/6/2025 của UBTVQH về sắp xếp các ĐVHC cấp "
              "xã của tỉnh Bắc Ninh (99 đơn vị: 66 xã, 33 phường; hiệu lực 01/07/2025) — "
              "thethaovanhoa.vn (TTXVN) 27/06/2025; bảng xã cũ → xã mới: "
              f"{LIB_VERSION}, data/converter_2025.json")
SRC_NQ1191 = ("Nghị quyết 1191/NQ-UBTVQH15 ngày 28/9/2024 của UBTVQH về sắp xếp ĐVHC cấp "
              "huyện, cấp xã của tỉnh Bắc Giang giai đoạn 2023-2025 — baotintuc.vn (ngày "
              "hiệu lực chưa xác nhận; các đơn vị sáp nhập năm 2024 được ghi thẳng vào đơn vị "
              "năm 2025 chứa chúng)")
SRC_POLICE = ("Quyết định của Bộ trưởng Bộ Công an ngày 22/6/2025 sắp xếp công an cấp tỉnh theo "
              "ĐVHC mới, hiệu lực 01/07/2025 (baoxaydung.vn 28/6/2025); Công an tỉnh Bắc Giang "
              "sáp nhập vào Công an tỉnh Bắc Ninh (vtcnews.vn 28/6/2025)")

DEPARTMENTS: list[dict[str, Any]] = [
    {"action": "merge", "from": ["SO_KH_DT"], "into": "SO_TAI_CHINH", "effective": "2025-03-01",
     "source": f"{SRC_ND45}; {SRC_BG_HDND}: Sở Tài chính hợp nhất Sở KH&ĐT và Sở Tài chính; "
               f"{EFFECTIVE_MARCH}"},
    {"action": "merge", "from": ["SO_GTVT"], "into": "SO_XAY_DUNG", "effective": "2025-03-01",
     "note": "sát hạch, cấp giấy phép lái xe chuyển sang Công an tỉnh",
     "source": f"{SRC_ND45}; {SRC_BG_HDND}: Sở Xây dựng hợp nhất Sở GTVT và Sở Xây dựng, sát "
               f"hạch và cấp GPLX chuyển sang công an tỉnh; {EFFECTIVE_MARCH}"},
    {"action": "create", "code": "SO_NN_MT", "name": "Sở Nông nghiệp và Môi trường",
     "kind": "provincial", "effective": "2025-03-01",
     "source": f"{SRC_ND45}; {SRC_BG_HDND}; {EFFECTIVE_MARCH}"},
    {"action": "merge", "from": ["SO_TN_MT", "SO_NN_PTNT"], "into": "SO_NN_MT",
     "effective": "2025-03-01",
     "source": f"{SRC_BG_HDND}: Sở NN&MT hợp nhất Sở TN&MT và Sở NN&PTNT; {EFFECTIVE_MARCH}"},
    {"action": "merge", "from": ["SO_TT_TT"], "into": "SO_KH_CN", "effective": "2025-03-01",
     "source": f"{SRC_BG_HDND}: Sở KH&CN hợp nhất Sở TT&TT và Sở KH&CN; {EFFECTIVE_MARCH}"},
    {"action": "merge", "from": ["SO_LD_TBXH"], "into": "SO_NOI_VU", "effective": "2025-03-01",
     "note": ("Sở LĐ-TB&XH giải thể, chức năng chia: lao động, việc làm, người có công → Sở "
              "Nội vụ; bảo trợ xã hội, trẻ em → Sở Y tế; giáo dục nghề nghiệp → Sở GD&ĐT; "
              "phòng chống tệ nạn (cai nghiện) → Công an. Hàng đợi chỉ có một đơn vị kế thừa: "
              "Sở Nội vụ (nhận phần lớn); phản ánh về bảo trợ xã hội, trẻ em, học nghề cần "
              "chuyển tiếp"),
     "source": (f"{SRC_ND45} (không còn Sở LĐ-TB&XH trong danh sách sở); việc chia chức năng "
                "cho Sở Nội vụ / Sở Y tế / Sở GD&ĐT theo tỉnh Bắc Giang: chưa xác nhận bằng văn "
                "bản của tỉnh (ở cấp bộ: biên bản bàn giao ngày 28/02/2025 giữa Bộ LĐ-TB&XH, "
                "Bộ GD&ĐT và Bộ Y tế — vietnam.vn); chuyển cai nghiện sang công an: cafef.vn "
                f"01/03/2025; {EFFECTIVE_MARCH}")},
    {"action": "rename", "code": "BAN_DAN_TOC", "name": "Sở Dân tộc và Tôn giáo",
     "effective": "2025-03-01",
     "source": (f"{SRC_ND45} (Sở Dân tộc và Tôn giáo: sở đặc thù ở một số địa phương); việc "
                "tỉnh Bắc Giang thành lập sở này (1 trong '7 sở mới', bài nguoiduatin.vn "
                f"19/02/2025 bị cắt trước đoạn đó): chưa xác nhận; {EFFECTIVE_MARCH}")},
    {"action": "rename", "code": "CONG_AN", "name": "Công an tỉnh Bắc Ninh",
     "effective": "2025-07-01", "source": SRC_POLICE},
]

UNCONFIRMED = [
    "Cục Thuế tỉnh (CUC_THUE): ngành thuế được tổ chức lại năm 2025 (Chi cục Thuế khu vực, "
    "rồi 'Thuế tỉnh' theo Quyết định 1378/QĐ-CT năm 2025); tên và ngày áp dụng cho Bắc Giang / "
    "Bắc Ninh chưa tìm được nguồn xác nhận → hàng đợi giữ nguyên tên.",
    "Bảo hiểm xã hội tỉnh (BHXH): tổ chức lại thành BHXH khu vực năm 2025; quyết định và ngày áp "
    "dụng cho Bắc Giang chưa tìm được nguồn xác nhận → hàng đợi giữ nguyên tên.",
    "Sở Ngoại vụ (SO_NGOAI_VU): Nghị định 45/2025/NĐ-CP xếp là sở đặc thù; tỉnh Bắc Giang / Bắc "
    "Ninh có giữ hay nhập vào Văn phòng UBND tỉnh hay không: chưa xác nhận → giữ nguyên.",
    "Ngày hiệu lực các đợt hợp nhất sở của tỉnh Bắc Giang (ghi 01/03/2025): xem ghi chú từng "
    "thay đổi.",
    "Sau 01/07/2025 các sở của tỉnh Bắc Giang hợp nhất với sở cùng tên của tỉnh Bắc Ninh (Nghị "
    "quyết 202/2025/QH15); tên hàng đợi không ghi tên tỉnh nên không đổi.",
]


def _fold(text: str) -> str:
    return unidecode(text).lower().replace(" ", "").replace("-", "")


def _our_units() -> dict[str, dict[str, Any]]:
    units: dict[str, dict[str, Any]] = {}
    for path in sorted((DATA / "xa-phuong").glob("*.json")):
        units.update(json.loads(path.read_text(encoding="utf-8")))
    return units


def _districts() -> dict[str, dict[str, Any]]:
    districts: dict[str, dict[str, Any]] = json.loads(
        (DATA / "quan-huyen-24.json").read_text(encoding="utf-8"))
    return districts


def _library() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], dict[str, str]]:
    """Legacy Bắc Giang units by code, new Bắc Ninh units by code, legacy key → new key."""
    with sqlite3.connect(LIB / "dataset.db") as conn:
        conn.row_factory = sqlite3.Row
        legacy = {r["wardCode"]: dict(r) for r in conn.execute(
            "SELECT * FROM admin_units_legacy WHERE provinceKey = ?", (OLD_PROVINCE_KEY,))}
        new = {r["wardCode"]: dict(r) for r in conn.execute(
            "SELECT * FROM admin_units WHERE provinceKey = ?", (NEW_PROVINCE_KEY,))}
    converter = json.loads((LIB / "converter_2025.json").read_text(encoding="utf-8"))
    to_new = {old: new_key for new_key, olds in
              converter["DICT_PROVINCE_WARD_NO_DIVIDED"][NEW_PROVINCE_KEY].items()
              for old in olds}
    if converter["DICT_PROVINCE_WARD_DIVIDED"].get(NEW_PROVINCE_KEY):
        raise SystemExit("the library lists divided communes for Bắc Ninh: handle them first")
    return legacy, new, to_new


def _legacy_of(code: str, unit: dict[str, Any],
               legacy: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Our 2023 unit → the library's pre-July-2025 unit holding it."""
    if code in legacy:
        return legacy[code]
    key = _fold(unit["name"])
    hits = [lu for lu in legacy.values() if key in json.loads(lu["wardKeywords"])
            and lu["districtCode"] == unit["parent_code"]]
    if not hits:
        hits = [lu for lu in legacy.values() if key in json.loads(lu["wardKeywords"])]
    if len(hits) != 1:
        raise SystemExit(f"cannot place {code} {unit['name_with_type']}: {len(hits)} candidates")
    return hits[0]


MERGED_2024: set[str] = set()  # our codes merged into a neighbour in 2024 (filled below)


def commune_mapping() -> tuple[dict[str, list[str]], dict[str, dict[str, Any]], list[str]]:
    """New commune code → our old codes in it; the new units; notes on 2024 merges."""
    units, (legacy, new, to_new) = _our_units(), _library()
    new_by_key = {u["wardKey"]: u for u in new.values()}
    into: dict[str, list[str]] = defaultdict(list)
    notes = []
    for code, unit in sorted(units.items()):
        lu = _legacy_of(code, unit, legacy)
        if lu["wardCode"] != code:
            MERGED_2024.add(code)
            notes.append(f"{unit['name_with_type']} ({code}) → {lu['ward']} ({lu['wardCode']}) "
                         "năm 2024")
        key = f"{OLD_PROVINCE_KEY}_{lu['districtKey']}_{lu['wardKey']}"
        if key not in to_new:
            raise SystemExit(f"no 2025 successor for {code} ({key})")
        into[new_by_key[to_new[key]]["wardCode"]].append(code)
    return dict(into), new, notes


def _type_of(ward: str) -> str:
    for word, slug in TYPES.items():
        if ward.startswith(word + " "):
            return slug
    raise SystemExit(f"unknown unit type in {ward!r}")


def commune_changes() -> tuple[list[dict[str, Any]], list[str]]:
    """Renames/creations of the 99 new communes, then the merges into them."""
    into, new, notes = commune_mapping()
    ours = _our_units()
    first: list[dict[str, Any]] = []
    merges: list[dict[str, Any]] = []
    for code, unit in sorted(new.items()):
        queue, olds = f"XA_{code}", sorted(into.get(code, []))
        name = f"UBND {unit['ward']}"
        common = {"effective": "2025-07-01", "place_type": _type_of(unit["ward"]),
                  "parent": None, "source": COMMUNE_SOURCE}
        if code in ours:
            if code not in olds:
                raise SystemExit(f"{code} is an old unit outside the new {unit['ward']}")
            first.append({"action": "rename", "code": queue, "name": name, **common})
        else:
            first.append({"action": "create", "code": queue, "name": name, "kind": "commune",
                          **common})
        others = [f"XA_{c}" for c in olds if c != code]
        if others:
            via_2024 = [ours[c]["name_with_type"] for c in olds if c in MERGED_2024]
            source = COMMUNE_SOURCE + (f"; {', '.join(via_2024)}: sáp nhập năm 2024 theo "
                                       "Nghị quyết 1191/NQ-UBTVQH15 ngày 28/9/2024"
                                       if via_2024 else "")
            merges.append({"action": "merge", "from": others, "into": queue,
                           "effective": "2025-07-01", "source": source})
    return first + merges, notes


def province_change() -> dict[str, Any]:
    """The province itself: Bắc Giang and Bắc Ninh form the new Bắc Ninh province (the
    name every greeting, acknowledgement and page title says from that date)."""
    return {"action": "province", "name": "Tỉnh Bắc Ninh", "effective": "2025-07-01",
            "source": SRC_NQ202}


def district_changes() -> list[dict[str, Any]]:
    """Every district retired; its open complaints go to the triage desk (no single heir)."""
    return [{"action": "retire", "code": f"HUYEN_{code}", "successor": "VP_UBND",
             "effective": "2025-07-01", "source": DISTRICT_SOURCE} for code in sorted(_districts())]


HEADER = """\
# The 2025 reorganisation of the demo organisation (Bắc Giang as in 2018-2023) into the
# province in force today (tỉnh Bắc Ninh, from 1 July 2025). GENERATED by
# scripts/org_changes_2025.py (edit that script, not this file), applied by `make run`:
#   .venv/bin/pakn org apply-changes intake/org/data/changes-2025.yml [--as-of …] [--dry-run]
# Every change names its source (document number and date, and where it was read);
# `unconfirmed:` lists what could not be confirmed and was therefore NOT changed.
"""


def document() -> dict[str, Any]:
    """The whole changes file as data."""
    communes, notes = commune_changes()
    return {
        "source": "Tổ chức lại 2025: sở (NĐ 45/2025/NĐ-CP), tỉnh (NQ 202/2025/QH15), "
                  "xã (NQ 1658/NQ-UBTVQH15), bỏ cấp huyện (Luật 72/2025/QH15)",
        "sources": {
            "departments": [SRC_ND45, SRC_BG_HDND, EFFECTIVE_MARCH],
            "police": SRC_POLICE,
            "province": SRC_NQ202,
            "communes": SRC_NQ1658,
            "communes_2024": SRC_NQ1191,
            "districts": SRC_LAW72 + " — tasks split between the province and the communes: "
                         "no single successor, so a district's open complaints go to the "
                         "triage desk (VP_UBND) to be redistributed",
        },
        "unconfirmed": UNCONFIRMED,
        "merged_in_2024": notes,
        "changes": [*DEPARTMENTS, province_change(), *communes, *district_changes()],
    }


def render() -> str:
    """The file's text."""
    body = yaml.safe_dump(document(), allow_unicode=True, sort_keys=False, width=100)
    return HEADER + body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args()
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run scripts/org_changes_2025.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
