"""Settings from the environment (and an optional ``pakn.env`` file at the root).

One place decides where the database, the Rasa server and the console live, so every
process (action server, console, bot, mail worker, CLI) agrees without flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def project_root() -> Path:
    """The repository root: ``PAKN_HOME`` if set, else the directory above ``intake/``."""
    home = os.environ.get("PAKN_HOME")
    return Path(home) if home else Path(__file__).resolve().parents[1]


def _read_env_file(path: Path) -> dict[str, str]:
    """Parse ``KEY=VALUE`` lines; blank lines and ``#`` comments are ignored."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip('"').strip("'")
    return values


@dataclass(frozen=True)
class Settings:
    """Everything configurable; see README "Configuration"."""

    root: Path
    var_dir: Path
    database_url: str
    rasa_url: str
    rasa_port: int
    actions_port: int
    console_host: str
    console_port: int
    telegram_token: str | None
    imap_host: str | None
    complaint_due_working_days: int
    max_message_chars: int
    secret_key: str | None
    dossier_portal_url: str = "https://dichvucong.bacgiang.gov.vn"

    @property
    def attachments_dir(self) -> Path:
        """Content-addressed attachment store."""
        return self.var_dir / "attachments"


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build settings from ``env`` (default: ``pakn.env`` overlaid by ``os.environ``)."""
    root = project_root()
    merged = _read_env_file(root / "pakn.env")
    merged.update(os.environ if env is None else env)
    var_dir = Path(merged.get("PAKN_VAR_DIR", str(root / "var")))
    rasa_port = int(merged.get("PAKN_RASA_PORT", "5005"))
    return Settings(
        root=root,
        var_dir=var_dir,
        database_url=merged.get("PAKN_DATABASE_URL", f"sqlite:///{var_dir / 'pakn.db'}"),
        rasa_url=merged.get("PAKN_RASA_URL", f"http://127.0.0.1:{rasa_port}"),
        rasa_port=rasa_port,
        actions_port=int(merged.get("PAKN_ACTIONS_PORT", "5055")),
        console_host=merged.get("PAKN_CONSOLE_HOST", "127.0.0.1"),
        console_port=int(merged.get("PAKN_CONSOLE_PORT", "8000")),
        telegram_token=merged.get("TELEGRAM_BOT_TOKEN") or None,
        imap_host=merged.get("PAKN_IMAP_HOST") or None,
        complaint_due_working_days=int(merged.get("PAKN_DUE_WORKING_DAYS", "10")),
        max_message_chars=int(merged.get("PAKN_MAX_MESSAGE_CHARS", "5000")),
        secret_key=merged.get("PAKN_SECRET_KEY") or None,
        dossier_portal_url=merged.get("PAKN_DOSSIER_PORTAL_URL")
        or "https://dichvucong.bacgiang.gov.vn",
    )
