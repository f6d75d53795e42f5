"""``python -m intake.assistant.redis_process RUN_DIR``: the private ``redis-server``
that ``pakn run`` starts for a local ``PAKN_REDIS_URL`` where nothing answers.

Its configuration (with the URL's password as ``requirepass``) is handed to
``redis-server -`` on its standard input, so it never lands in a file: nothing under
``var/run/`` holds the password, whether or not the server ever ran, and nothing is left
behind when it stops. ``PAKN_REDIS_URL`` comes from this process's environment (the
supervisor gives it to this process and the Rasa servers only). SIGTERM and SIGINT are
passed on to ``redis-server``, whose exit status becomes this process's.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from types import FrameType

from intake.assistant.locks import local_server_config, parse_redis_url

URL_VARIABLE = "PAKN_REDIS_URL"


def command(run_dir: str) -> list[str]:
    """The supervisor's command line for this process (no password on it)."""
    return [sys.executable, "-m", "intake.assistant.redis_process", run_dir]


def serve(run_dir: str, url: str) -> int:
    """Run ``redis-server`` for ``url`` in ``run_dir`` until it exits; its exit status."""
    config = local_server_config(parse_redis_url(url), run_dir)
    executable = shutil.which("redis-server") or "redis-server"
    child = subprocess.Popen([executable, "-"], stdin=subprocess.PIPE, cwd=run_dir)

    def forward(signum: int, _frame: FrameType | None) -> None:
        if child.poll() is None:
            child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    assert child.stdin is not None  # stdin=PIPE
    with child.stdin:
        child.stdin.write(config.encode("utf-8"))
    return child.wait()


def main() -> None:
    """Entry point: ``RUN_DIR`` from the command line, the URL from the environment."""
    if len(sys.argv) != 2 or not os.environ.get(URL_VARIABLE):
        raise SystemExit(f"usage: {URL_VARIABLE}=redis://… python -m "
                         "intake.assistant.redis_process RUN_DIR")
    raise SystemExit(serve(sys.argv[1], os.environ[URL_VARIABLE]))


if __name__ == "__main__":
    main()
