"""The Vietnamese reasons a staff member reads next to a routed complaint.

Short, one fact per reason, naming what was found and where it led:
``thủ tục 'Đăng ký khai sinh' → cấp xã``; ``địa điểm 'Bích Động' → XA_07777``.
"""

from __future__ import annotations

from intake.routing.types import LEVEL_COMMUNE, LEVELS

TRIAGE = "chuyển bộ phận tiếp nhận, phân loại"


def level_vi(label: str) -> str:
    """``XA`` → ``cấp xã``; ``HUYEN`` → ``cấp huyện``; a queue code stays itself."""
    if label not in LEVELS:
        return label
    return "cấp xã" if label == LEVEL_COMMUNE else "cấp huyện"


def topic_reason(label: str, phrases: list[str], probability: float | None) -> str:
    """``nội dung: 'xả thải', 'ô nhiễm' → SO_TN_MT (mô hình 82%)``."""
    parts = []
    if phrases:
        parts.append("nội dung: " + ", ".join(f"'{p}'" for p in phrases[:3]))
    else:
        parts.append("nội dung")
    text = f"{parts[0]} → {level_vi(label)}"
    if probability is not None:
        text += f" (mô hình phân loại {probability:.0%})"
    return text


def procedure_context_reason(procedure_reason: str, label: str) -> str:
    """A procedure the text mentions whose department is not the one the subject names:
    ``thủ tục 'Cấp lại thẻ BHYT' → BHXH: chỉ là bối cảnh, nội dung thuộc BAN_DAN_TOC``."""
    return f"{procedure_reason}: chỉ là bối cảnh, nội dung thuộc {level_vi(label)}"


def department_without_place_reason(level: str, label: str, score: float) -> str:
    """A local matter with no place, sent to the department that leads the others:
    ``nội dung cấp xã nhưng chưa rõ xã/huyện nào; sở, ngành dẫn đầu: SO_NN_PTNT (52%)``."""
    return (f"nội dung {level_vi(level)} nhưng chưa rõ xã/huyện nào; "
            f"sở, ngành dẫn đầu: {label} ({score:.0%})")


def level_place_reason(level: str, place_code: str, resolved: str) -> str | None:
    """Why a place's queue was moved up or kept at a level (None when nothing moved)."""
    if place_code == resolved:
        return None
    if resolved.startswith("HUYEN_") and place_code.startswith("XA_"):
        return f"việc {level_vi(level)} → UBND cấp huyện của {place_code}: {resolved}"
    return f"chỉ biết huyện, chưa rõ xã → {resolved}"


def addressed_place_reason(place_name: str, queue: str) -> str:
    """The place named in the letter's addressee line."""
    return f"nơi nhận ghi trong dòng 'Kính gửi': {place_name} → {queue}"


def commune_of_district_reason(district: str, commune: str, queue: str,
                               residence: bool = False) -> str:
    """A letter to a district's committee about a matter of one of its communes; the
    places by their full names (``Thành phố Bắc Giang``, ``Phường Trần Phú``), because a
    city's ward is no commune of a district. ``residence``: the text named no commune
    there, the commune is where the letter says the writer lives."""
    where = f"{commune} (nơi người viết cư trú)" if residence else commune
    return f"thư gửi UBND {district}, việc cấp xã ở {where} → UBND {commune}: {queue}"


def at_home_reason(words: str, district: str) -> str:
    """A commune's matter the text places at the writer's home, where it names only the
    district or city: the writer's own commune or ward."""
    return (f"việc ở ngay nơi người viết cư trú ('{words}'), văn bản chỉ nêu {district} "
            "→ xã/phường nơi người viết cư trú")


def procedure_office_reason(commune: str, queue: str) -> str:
    """A commune's procedure: the committee the citizen went to, among the places."""
    return f"đơn nêu người dân đến UBND {commune} làm thủ tục → {queue}"


def committee_elsewhere_reason(addressed: str, where: str, queue: str) -> str:
    """A letter to a local committee about a matter in another district's territory."""
    return (f"gửi UBND {addressed} nhưng việc xảy ra ở {where}, ngoài địa bàn "
            f"→ thuộc thẩm quyền UBND {where}: {queue}")


def misaddressed_local_reason(addressee: str, level: str) -> str:
    """A letter to a department about a matter the local committee runs."""
    return (f"{addressee}, nhưng nội dung là việc {level_vi(level)} → UBND nơi xảy ra "
            "(thư gửi nhầm nơi)")


def province_reason(said: str) -> str:
    """The writer addressed or asked the province's bodies in general."""
    return (f"thư gửi/đề nghị cơ quan cấp tỉnh ('{said}') → việc của sở, ngành, "
            "không phải của xã/huyện")


def province_head_reason(said: str, office: str) -> str:
    """A letter to the province's head asking to direct several bodies."""
    return (f"thư gửi UBND tỉnh/Chủ tịch UBND tỉnh, đề nghị '{said}' → việc liên ngành do "
            f"Chủ tịch chỉ đạo, {office} tham mưu")


def committee_runs_reason(place: str, phrases: list[str]) -> str:
    """A letter to the commune's committee about a matter it runs itself; ``place`` is the
    full name (``Phường Trần Phú``)."""
    words = ", ".join(f"'{p}'" for p in phrases[:3])
    return (f"thư gửi UBND {place} về {words}: an ninh trật tự ở địa phương do Chủ tịch UBND "
            "cấp xã chỉ đạo → giữ nơi nhận")


def beyond_local_reason(phrases: tuple[str, ...]) -> str:
    """The matter is one no commune's or district's committee runs (by mandate): the
    place the text names is where it happened."""
    words = ", ".join(f"'{p}'" for p in phrases[:3])
    return (f"nội dung {words} không thuộc thẩm quyền của xã/huyện → việc của sở, ngành "
            "(địa điểm chỉ là nơi xảy ra)")


def outranked_reason(by: list[str], dropped: list[str], said: str = "hệ quả") -> str:
    """Words set aside because the matter they follow from was found (subject rules'
    ``outranks``): ``'quốc tịch' quyết định; 'hộ chiếu', 'căn cước' chỉ là hệ quả``; ``said``
    is what they are to the matter (``'cân điêu' quyết định; 'chợ thị trấn' chỉ là nơi
    xảy ra``)."""
    deciding = ", ".join(f"'{w}'" for w in by[:2])
    following = ", ".join(f"'{w}'" for w in dropped[:3])
    return f"{deciding} quyết định; {following} chỉ là {said}"


def successor_reason(old: str, new: str) -> str:
    """A queue merged or retired in an organisation change."""
    return f"{old} đã sáp nhập/giải thể → đơn vị kế thừa {new}"


def triage_reason(why: str | None = None) -> str:
    """The reason given when the complaint goes to the triage desk (always says so)."""
    if why:
        return f"{why} → {TRIAGE}"
    return f"không xác định được đơn vị phụ trách → {TRIAGE}"
