"""A setting that cannot work is one clear line from ``pakn``, naming the variable, with
exit code 2 (as the run roles' refusals): no traceback box, nothing started."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake.config import SettingsError, load_settings, parse_org_check_seconds

ROOT = Path(__file__).resolve().parents[2]


def _pakn(tmp_path: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAKN_")}
    env.update({"PAKN_HOME": str(tmp_path), "PAKN_VAR_DIR": str(tmp_path / "var"),
                "PAKN_DATABASE_URL": f"sqlite:///{tmp_path / 'pakn.db'}", **settings})
    return subprocess.run([sys.executable, "-m", "intake.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(("variable", "value", "says"), [
    ("PAKN_RAW_STORE", "s3", "error: PAKN_RAW_STORE must be 'dir' or 'db', not 's3'"),
    ("PAKN_CONSOLE_PORT", "80x", "error: PAKN_CONSOLE_PORT: '80x' is not a whole number"),
    ("PAKN_ORG_CHECK_SECONDS", "soon",
     "error: PAKN_ORG_CHECK_SECONDS: 'soon' is not a number of seconds"),
])
def test_a_bad_setting_is_one_line_and_exit_2(tmp_path: Path, variable: str, value: str,
                                              says: str) -> None:
    for command in (["complaints", "list"], ["run"]):
        done = _pakn(tmp_path, *command, **{variable: value})
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert done.stderr.strip() == says, (command, done.stderr)
        assert "Traceback" not in done.stderr + done.stdout and "╭" not in done.stderr
    assert not (tmp_path / "var").exists() and not (tmp_path / "pakn.db").exists()


def test_a_setting_in_pakn_env_is_named_too(tmp_path: Path) -> None:
    (tmp_path / "pakn.env").write_text("PAKN_RAW_STORE=database\n", encoding="utf-8")
    done = _pakn(tmp_path, "complaints", "list")
    assert done.returncode == 2
    assert done.stderr.strip() == "error: PAKN_RAW_STORE must be 'dir' or 'db', not 'database'"


@pytest.mark.parametrize("value", ["-1", "nan", "3601", "inf", " "])
def test_org_check_seconds_refuses_what_cannot_work(value: str) -> None:
    with pytest.raises(SettingsError, match="PAKN_ORG_CHECK_SECONDS"):
        parse_org_check_seconds(value)


def test_org_check_seconds_default_and_zero() -> None:
    assert load_settings({}).org_check_seconds == 5.0
    assert load_settings({"PAKN_ORG_CHECK_SECONDS": "0"}).org_check_seconds == 0.0
    assert parse_org_check_seconds("2.5") == 2.5
    assert parse_org_check_seconds(None) == 5.0
