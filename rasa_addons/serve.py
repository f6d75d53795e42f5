"""``python -m rasa_addons.serve ARGS…``: ``rasa ARGS…`` with the HTTP API's token.

Rasa takes its API token only as ``--auth-token`` on the command line, which every local
user can read (``ps``, ``/proc/<pid>/cmdline``). This launcher reads it from
``PAKN_RASA_TOKEN`` in its environment (private to the process's user) and hands it to
Rasa's own entry point in-process, so it never appears in an argument list. Without the
variable it refuses to start an API nobody has to authenticate to.
"""

from __future__ import annotations

import os
import sys

TOKEN_ENV = "PAKN_RASA_TOKEN"


def main() -> None:
    """Run Rasa's command line with ``--auth-token`` from the environment."""
    token = os.environ.get(TOKEN_ENV, "")
    if "--enable-api" in sys.argv and len(token) < 16:
        sys.exit(f"{TOKEN_ENV} is not set (or shorter than 16 characters): "
                 "refusing to open Rasa's HTTP API without a token")
    extra = ["--auth-token", token] if "--enable-api" in sys.argv else []
    sys.argv = ["rasa", *sys.argv[1:], *extra]
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
