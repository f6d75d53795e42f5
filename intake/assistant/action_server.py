"""The Rasa action server, bound to the host it is given.

``python -m rasa_sdk`` always listens on 0.0.0.0 (only the ``SANIC_HOST`` environment
variable changes that) and has no host option. The action server writes to the product's
database on Rasa's behalf, so it must not be reachable from the network by default: this
entry point builds the same Sanic app as ``rasa_sdk.endpoint.run`` (``create_app`` plus
the plugin hook and keep-alive setting) and serves it on ``--host``/``--port`` in a single
process, so SIGTERM to this process stops the server.

Only Rasa may run actions: every request but ``GET /health`` must carry
``Authorization: Bearer <PAKN_ACTIONS_TOKEN>`` (what Rasa's action endpoint sends, see
``processes.write_endpoints``); anything else is answered 401 before an action runs.
Otherwise any local process could run the actions with a made-up tracker (any sender,
any slot) and write to the product's database.

Usage: ``python -m intake.assistant.action_server --host 127.0.0.1 --port 5055``
"""

from __future__ import annotations

import argparse
import hmac
import logging
from collections.abc import Sequence

from rasa_sdk.constants import DEFAULT_KEEP_ALIVE_TIMEOUT, DEFAULT_SERVER_PORT
from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.plugin import plugin_manager
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json

from intake.assistant.processes import DEFAULT_HOST
from intake.config import load_settings
from intake.logsetup import LEVEL_ENV, configure_logging
from intake.services.factory import get_service

OPEN_PATHS = frozenset({"/health"})

log = logging.getLogger(__name__)


def build_app(actions_package: str, token: str) -> Sanic:  # type: ignore[type-arg]
    """The rasa_sdk Sanic app serving the custom actions of ``actions_package`` to callers
    that present ``token``."""
    executor = ActionExecutor()
    executor.register_package(actions_package)
    app: Sanic = create_app(executor, cors_origins=None)  # type: ignore[type-arg]
    app.config.KEEP_ALIVE_TIMEOUT = DEFAULT_KEEP_ALIVE_TIMEOUT
    require_token(app, token)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    return app


def require_token(app: Sanic, token: str) -> None:  # type: ignore[type-arg]
    """Answer 401 to every request (but ``/health``) without ``Bearer <token>``."""
    expected = f"Bearer {token}".encode()

    async def check(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        given = request.headers.get("authorization", "").encode()
        if hmac.compare_digest(given, expected):
            return None
        return json({"error": "Unauthorized: only the assistant may run actions"},
                    status=401)

    app.register_middleware(check, "request")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options: host, port, actions package and log level."""
    parser = argparse.ArgumentParser(description="Rasa action server (rasa_sdk) on a chosen host")
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help="address to bind (default %(default)s)"
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_SERVER_PORT, help="port (default %(default)s)"
    )
    parser.add_argument(
        "--actions", default="actions", help="package with the custom actions (default %(default)s)"
    )
    parser.add_argument(
        "--log-level",
        default=None,
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="log level of the product's own loggers (default: PAKN_LOG_LEVEL, else INFO;"
        " libraries stay at INFO, those quoting data at WARNING: intake.logsetup)",
    )
    return parser.parse_args(argv)


def warm_up_routing() -> None:
    """Load routing before serving, so that a citizen's first complaint is not the request
    that waits for it and runs past Rasa's action timeout."""
    get_service().warm_up_routing()


def main(argv: Sequence[str] | None = None) -> None:
    """Start the action server and serve until SIGINT/SIGTERM."""
    args = parse_args(argv)
    configure_logging("%(asctime)s %(levelname)-7s %(name)s: %(message)s",
                      {LEVEL_ENV: args.log_level} if args.log_level else None)
    app = build_app(args.actions, load_settings().resolved("PAKN_ACTIONS_TOKEN"))
    warm_up_routing()
    log.info("action server for package %r on http://%s:%s", args.actions, args.host, args.port)
    app.run(
        host=args.host,
        port=args.port,
        single_process=True,
        access_log=False,
        motd=False,
    )


if __name__ == "__main__":
    main()
