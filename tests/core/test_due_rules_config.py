"""``PAKN_DUE_RULES`` is read like every other setting: the environment over ``pakn.env``."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.services.kinds import due_rules


def test_due_rules_come_from_pakn_env_unless_the_environment_says_otherwise(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pakn.env").write_text("PAKN_DUE_RULES=complaint=45\n", encoding="utf-8")
    monkeypatch.setenv("PAKN_HOME", str(tmp_path))
    monkeypatch.delenv("PAKN_DUE_RULES", raising=False)
    assert due_rules()["complaint"].working_days == 45
    monkeypatch.setenv("PAKN_DUE_RULES", "complaint=30")
    assert due_rules()["complaint"].working_days == 30
