"""``python -m rasa_addons.serve ARGS…``: ``rasa ARGS…`` with the HTTP API's token.

Rasa takes its API token only as ``--auth-token`` on the command line, which every local
user can read (``ps``, ``/proc/<pid>/cmdline``). This launcher reads it from
``PAKN_RASA_TOKEN`` in its environment (private to the process's user) and hands it to
Rasa's own entry point in-process, so it never appears in an argument list. Without the
variable it refuses to start an API nobody has to authenticate to.

Before Rasa starts, it installs :mod:`rasa_addons.speedups` (two per-turn costs of Rasa
3.6 done once per process).
"""

from __future__ import annotations

import os
import sys

TOKEN_ENV = "PAKN_RASA_TOKEN"


class MissingToken(ValueError):
    """The HTTP API was asked for without a token long enough to be one."""


def rasa_argv(args: list[str], token: str) -> list[str]:
    """Rasa's argument list for ``args``, with the API token when the API is enabled.

    The token is joined to its option (``--auth-token=…``): a generated token may begin
    with "-" (``secrets.token_urlsafe`` draws from ``A-Za-z0-9-_``), and argparse reads a
    separate "-…" argument as an option, not as the option's value.
    """
    if "--enable-api" not in args:
        return ["rasa", *args]
    if len(token) < 16:
        raise MissingToken(f"{TOKEN_ENV} is not set (or shorter than 16 characters): "
                           "refusing to open Rasa's HTTP API without a token")
    return ["rasa", *args, f"--auth-token={token}"]


def main() -> None:
    """Run Rasa's command line with ``--auth-token`` from the environment."""
    try:
        sys.argv = rasa_argv(sys.argv[1:], os.environ.get(TOKEN_ENV, ""))
    except MissingToken as refused:
        sys.exit(str(refused))
    from rasa.__main__ import main as rasa_main

    from rasa_addons.speedups import install

    install()
    rasa_main()


if __name__ == "__main__":
    main()
