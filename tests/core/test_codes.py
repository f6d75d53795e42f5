"""Tracking codes: random, well-formed, forgiving to read back."""

from __future__ import annotations

import pytest

from intake.codes import ALPHABET, find_code, new_code, parse_code
from intake.errors import InvalidTrackingCode


def test_new_codes_have_the_published_shape() -> None:
    code = new_code()
    assert code.startswith("PA-")
    assert len(code) == 11
    assert all(ch in ALPHABET for ch in code[3:])


@pytest.mark.parametrize(("bits", "code"), [
    (0, "PA-00000000"), ((1 << 40) - 1, "PA-ZZZZZZZZ"),
    (0b00001_00010_00011_00100_00101_00110_00111_11111, "PA-1234567Z"),
])
def test_a_code_spells_40_random_bits_five_to_a_symbol(
        monkeypatch: pytest.MonkeyPatch, bits: int, code: str) -> None:
    """All 8 symbols come from one draw of 40 bits of the CSPRNG, first symbol from the
    highest bits."""
    asked: list[int] = []

    def randbits(k: int) -> int:
        asked.append(k)
        return bits

    monkeypatch.setattr("intake.codes.secrets.randbits", randbits)
    assert new_code() == code
    assert asked == [40]


def test_codes_do_not_repeat_or_follow_a_sequence() -> None:
    codes = [new_code() for _ in range(5000)]
    assert len(set(codes)) == 5000
    first_chars = {c[3] for c in codes}
    assert len(first_chars) == 32  # every symbol appears in the first position


@pytest.mark.parametrize("typed", [
    "PA-7K3M9Q2X", "pa-7k3m9q2x", "PA 7K3M 9Q2X", "mã của tôi là pa7k3m9q2x nhé",
    "PA-7K3M9Q2X.", "  PA_7K3M9Q2X  ",
])
def test_typed_codes_are_read_back(typed: str) -> None:
    assert parse_code(typed) == "PA-7K3M9Q2X"


def test_crockford_confusables_are_mapped() -> None:
    assert parse_code("PA-O1IL0000") == "PA-01110000"


@pytest.mark.parametrize("bad", ["", "PA-123", "HS-7K3M9Q2X", "PA-7K3M9Q2U", "xin chào",
                                 "'; DROP TABLE complaints; --", "PA-7K3M9Q2X9Z"])
def test_malformed_codes_are_refused(bad: str) -> None:
    with pytest.raises(InvalidTrackingCode):
        parse_code(bad)


def test_find_code_in_a_mail_subject() -> None:
    assert find_code("Re: [PA-7K3M9Q2X] Xác nhận tiếp nhận phản ánh") == "PA-7K3M9Q2X"
    assert find_code("Re: Xác nhận tiếp nhận") is None
