"""``python -m intake.console.serve``: the console under uvicorn, as ``pakn run`` starts it.

uvicorn believes ``X-Forwarded-For``/``-Proto`` from 127.0.0.1 by default, so any local
peer could choose the client address the console sees and walk past the per-address
limits (login failures, web chat). Here forwarded headers count only from the proxies in
``PAKN_TRUSTED_PROXIES`` (addresses or networks; none by default); from anyone else the
peer's own address is the client's. Host and port come from ``PAKN_CONSOLE_HOST`` and
``PAKN_CONSOLE_PORT``; no access log (URLs carry tracking codes). The product's own
loggers log at ``PAKN_LOG_LEVEL`` (``intake.logsetup``).
"""

from __future__ import annotations

from typing import Any

import uvicorn

from intake.config import Settings, load_settings
from intake.logsetup import configure_logging

#: seconds an idle keep-alive connection is kept (uvicorn's default, said here)
KEEP_ALIVE_SECONDS = 5


def uvicorn_config(app: Any, settings: Settings, *, host: str | None = None,
                   port: int | None = None, factory: bool = False) -> uvicorn.Config:
    """uvicorn's configuration for the console: proxy headers only from trusted proxies."""
    trusted = ",".join(settings.trusted_proxies)
    return uvicorn.Config(
        app, factory=factory,
        host=host or settings.console_host, port=port or settings.console_port,
        proxy_headers=bool(trusted), forwarded_allow_ips=trusted or None,
        server_header=False, access_log=False, timeout_keep_alive=KEEP_ALIVE_SECONDS,
        log_level="info")


def main() -> None:
    """Serve the console until SIGINT/SIGTERM."""
    configure_logging()
    settings = load_settings()
    config = uvicorn_config("intake.console.app:create_app", settings, factory=True)
    uvicorn.Server(config).run()


if __name__ == "__main__":
    main()
