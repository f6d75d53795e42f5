"""``PAKN_DUE_RULES`` is read like every other setting: the environment over ``pakn.env``."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.services import kinds
from intake.services.kinds import due_rules
from tests.spies import calls_to


def test_due_rules_come_from_pakn_env_unless_the_environment_says_otherwise(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pakn.env").write_text("PAKN_DUE_RULES=complaint=45\n", encoding="utf-8")
    monkeypatch.setenv("PAKN_HOME", str(tmp_path))
    monkeypatch.delenv("PAKN_DUE_RULES", raising=False)
    assert due_rules()["complaint"].working_days == 45
    monkeypatch.setenv("PAKN_DUE_RULES", "complaint=30")
    assert due_rules()["complaint"].working_days == 30


def test_an_edited_pakn_env_is_read_again_and_an_unchanged_one_is_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every filed complaint asks for its due rules: the file is read once, then again
    only after it changed."""
    env_file = tmp_path / "pakn.env"
    env_file.write_text("PAKN_DUE_RULES=complaint=45\n", encoding="utf-8")
    monkeypatch.setenv("PAKN_HOME", str(tmp_path))
    monkeypatch.delenv("PAKN_DUE_RULES", raising=False)
    reads = calls_to(monkeypatch, kinds, "_read_env_file")
    assert [due_rules()["complaint"].working_days for _ in range(3)] == [45, 45, 45]
    assert len(reads) == 1
    env_file.write_text("PAKN_DUE_RULES=complaint=120\n", encoding="utf-8")
    assert due_rules()["complaint"].working_days == 120
    assert len(reads) == 2
    env_file.unlink()
    assert due_rules()["complaint"].working_days == 30  # the default again
