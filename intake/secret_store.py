"""The secrets the processes share, with safe defaults when nothing is configured.

Four secrets tie the system together: the console's signing key (sessions, CSRF, web-chat
conversation ids), the token of Rasa's HTTP API, the token Rasa sends to the action
server, and the secret with which our edges (console, Telegram bot) sign each message to
the assistant's channel. In production they come from the environment (or ``pakn.env``).
When one is not configured, the first process that needs it generates a random value and
keeps it in ``var/secrets/<name>`` (mode 0600, directory 0700), so ``make run`` works with
nothing configured and every process of one installation (same ``PAKN_VAR_DIR``) agrees.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

#: environment variable → file name under ``var/secrets/``
SECRET_FILES = {
    "PAKN_SECRET_KEY": "secret-key",
    "PAKN_RASA_TOKEN": "rasa-token",
    "PAKN_ACTIONS_TOKEN": "actions-token",
    "PAKN_CHANNEL_SECRET": "channel-secret",
}
MIN_SECRET_CHARS = 16


class SecretConfigError(ValueError):
    """A configured secret is unusable (too short); the message names the variable."""


def check_configured(name: str, value: str | None) -> str | None:
    """``value`` if it is long enough to be a secret (None stays None)."""
    if value is not None and len(value) < MIN_SECRET_CHARS:
        raise SecretConfigError(f"{name} must be at least {MIN_SECRET_CHARS} characters "
                                "(or unset: a random one is generated under var/secrets/)")
    return value


def runtime_secret(var_dir: Path, name: str, configured: str | None = None) -> str:
    """The secret ``name``: ``configured`` if given, else the installation's generated one.

    Generation is race-free across processes: the value is written to a private temporary
    file and hard-linked into place, so a reader never sees a half-written secret and two
    processes starting at once end up with the same value.
    """
    if configured:
        return configured
    path = var_dir / "secrets" / SECRET_FILES[name]
    existing = _read(path)
    if existing:
        return existing
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(32))
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass  # another process was first: use its value
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    value = _read(path)
    if not value:
        raise SecretConfigError(f"{path} is empty: delete it to have a new secret generated")
    return value


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="ascii").strip() or None
    except FileNotFoundError:
        return None
