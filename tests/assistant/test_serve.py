"""Rasa's launcher (``rasa_addons.serve``) hands the HTTP API token to Rasa's own
command line whatever characters a generated token holds, and refuses to open the API
without one. The parse is Rasa's own (``rasa.__main__.create_argument_parser``, inside
``.venv-rasa``): a token beginning with "-" once stopped a test stack from starting."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from rasa_addons.serve import MissingToken, rasa_argv
from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]

PARSE = r'''
import json, sys
from rasa.__main__ import create_argument_parser
from rasa_addons.serve import rasa_argv

args, token = json.loads(sys.argv[1]), sys.argv[2]
parsed = create_argument_parser().parse_args(rasa_argv(args, token)[1:])
print(json.dumps({"auth_token": parsed.auth_token, "enable_api": parsed.enable_api}))
'''

RUN = ["run", "--enable-api", "-m", "models/x.tar.gz", "-i", "127.0.0.1", "-p", "5005"]


def _parsed_by_rasa(args: list[str], token: str) -> dict[str, object]:
    python = ROOT / ".venv-rasa" / "bin" / "python"
    if not python.is_file():
        skip_or_fail(f"{python} missing: run `make setup`")
    done = subprocess.run(
        [str(python), "-c", PARSE, json.dumps(args), token],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    parsed: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return parsed


@pytest.mark.parametrize("token", ["-Jx3kq9Zr2mWb7Tn1Vd8Ls4Q", "--r8Kp2Wq7Zt1Xn5Vb3Mc9Ld",
                                   "_aZ0-9yY8xX7wW6vV5uU4tT", "plain0token0of0letters0"])
def test_rasa_reads_the_whole_token_whatever_it_begins_with(token: str) -> None:
    assert _parsed_by_rasa(RUN, token) == {"auth_token": token, "enable_api": True}


def test_the_token_never_stands_alone_in_the_argument_list() -> None:
    argv = rasa_argv(RUN, "-Jx3kq9Zr2mWb7Tn1Vd8Ls4Q")
    assert argv[0] == "rasa" and argv[1:-1] == RUN
    assert argv[-1] == "--auth-token=-Jx3kq9Zr2mWb7Tn1Vd8Ls4Q"


@pytest.mark.parametrize("token", ["", "short-token"])
def test_the_api_is_refused_without_a_real_token(token: str) -> None:
    with pytest.raises(MissingToken, match="PAKN_RASA_TOKEN"):
        rasa_argv(RUN, token)


def test_without_the_api_no_token_is_needed_or_added() -> None:
    assert rasa_argv(["run", "actions"], "") == ["rasa", "run", "actions"]
