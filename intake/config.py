"""Settings from the environment (and an optional ``pakn.env`` file at the root).

One place decides where the database, the Rasa server and the console live, so every
process (action server, console, bot, mail worker, CLI) agrees without flags.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from intake.secret_store import check_configured, runtime_secret

_ROOT = Path(__file__).resolve().parents[1]  # resolved once: read for every new complaint


def project_root() -> Path:
    """The repository root: ``PAKN_HOME`` if set, else the directory above ``intake/``."""
    home = os.environ.get("PAKN_HOME")
    return Path(home) if home else _ROOT


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
    rasa_token: str | None = None
    actions_token: str | None = None
    channel_secret: str | None = None
    trusted_proxies: tuple[str, ...] = ()
    session_idle_minutes: int = 60
    chat_messages_per_client_minute: int = 60
    smtp_host: str | None = None
    mail_domain: str = "bacgiang.gov.vn"  # the domain of our Message-IDs
    public_url: str = "http://127.0.0.1:8000"  # the console as citizens reach it (links)
    open311_per_client_minute: int = 120  # Open311 API requests a minute per client address
    conversation_days: int = 90  # the assistant's conversations are kept this long
    province_name: str | None = None  # overrides the organisation's (intake.org.province)
    rasa_urls: tuple[str, ...] = ()  # PAKN_RASA_URLS: several assistant servers (edges)
    assistant_servers: int = 1  # PAKN_ASSISTANT_SERVERS: Rasa servers `pakn run` starts
    redis_url: str | None = None  # PAKN_REDIS_URL: Rasa's lock store (several servers)
    # PAKN_RAW_STORE: raw mail and attachments in "dir" (var/) or "db" (shared by machines)
    raw_store: str = "dir"
    assistant_bind: str = "127.0.0.1"  # PAKN_ASSISTANT_BIND: Rasa and the action server
    run_roles: str | None = None  # PAKN_RUN_ROLES as given (checked by intake.run_roles)
    actions_health_url: str | None = None  # set by pakn run: this machine's action server
    # PAKN_ORG_CHECK_SECONDS: how often a process looks whether the organisation changed
    org_check_seconds: float = 5.0

    @property
    def assistant_host(self) -> str:
        """Where this machine's own processes reach the Rasa servers and the action server
        it runs: the bind address, or loopback when bound to every address."""
        return reachable_host(self.assistant_bind)

    @property
    def assistant_urls(self) -> tuple[str, ...]:
        """The Rasa servers the edges talk to: ``PAKN_RASA_URLS``, else ``PAKN_RASA_URL``
        alone (a one-item list)."""
        return self.rasa_urls or (self.rasa_url,)

    @property
    def attachments_dir(self) -> Path:
        """Content-addressed attachment store."""
        return self.var_dir / "attachments"

    def resolved(self, name: str) -> str:
        """The secret ``name`` (``PAKN_SECRET_KEY``, ``PAKN_RASA_TOKEN``,
        ``PAKN_ACTIONS_TOKEN`` or ``PAKN_CHANNEL_SECRET``): as configured, else the one
        generated for this installation under ``var/secrets/`` (see ``intake.secret_store``)."""
        configured = {"PAKN_SECRET_KEY": self.secret_key, "PAKN_RASA_TOKEN": self.rasa_token,
                      "PAKN_ACTIONS_TOKEN": self.actions_token,
                      "PAKN_CHANNEL_SECRET": self.channel_secret}[name]
        return runtime_secret(self.var_dir, name, configured)


class SettingsError(ValueError):
    """A setting's value cannot work; the message names the variable (``pakn`` prints
    it as one line and exits 2, as it does for the run roles' refusals)."""


def _int_setting(env: Mapping[str, str], name: str, default: str) -> int:
    """The whole number ``name`` of ``env`` (``SettingsError`` naming it otherwise)."""
    value = env.get(name, default)
    try:
        return int(value)
    except ValueError as exc:
        raise SettingsError(f"{name}: {value!r} is not a whole number") from exc


def reachable_host(bind: str) -> str:
    """The host part of a URL reaching a server bound to ``bind`` from this machine:
    ``0.0.0.0`` → ``127.0.0.1``, ``::`` → ``[::1]``, an IPv6 address in brackets, anything
    else as it is."""
    if bind in {"0.0.0.0", ""}:
        return "127.0.0.1"
    if bind == "::":
        return "[::1]"
    return f"[{bind}]" if ":" in bind else bind


def parse_trusted_proxies(value: str) -> tuple[str, ...]:
    """``PAKN_TRUSTED_PROXIES``: comma-separated addresses or networks (CIDR) of the
    reverse proxies whose ``X-Forwarded-For``/``-Proto`` the console believes. Empty: none
    (the peer's address is the client's). ``*`` is refused: it would let anyone choose
    their address and walk past the per-address limits."""
    entries = tuple(e.strip() for e in value.split(",") if e.strip())
    for entry in entries:
        if entry == "*":
            raise SettingsError("PAKN_TRUSTED_PROXIES: '*' would trust every client; "
                                "list the proxies' addresses or networks")
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError as exc:
            raise SettingsError(f"PAKN_TRUSTED_PROXIES: {entry!r} is not an IP address or "
                                "network") from exc
    return entries


def parse_rasa_urls(value: str) -> tuple[str, ...]:
    """``PAKN_RASA_URLS``: comma-separated ``http(s)://host:port`` of the assistant
    servers the edges spread conversations over (empty: ``PAKN_RASA_URL`` alone). A URL
    given twice would double one server's share, so it is refused."""
    from urllib.parse import urlsplit

    urls = tuple(u.strip().rstrip("/") for u in value.split(",") if u.strip())
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise SettingsError(f"PAKN_RASA_URLS: {url!r} is not an http(s)://host:port URL")
    if len(set(urls)) != len(urls):
        raise SettingsError("PAKN_RASA_URLS: a server is listed twice")
    return urls


def parse_raw_store(value: str | None) -> str:
    """``PAKN_RAW_STORE``: where raw mail and attachments are kept, ``dir`` (the local
    ``var/``, the default) or ``db`` (the database, which every machine sharing it reads)."""
    store = (value or "dir").strip().lower()
    if store not in ("dir", "db"):
        raise SettingsError(f"PAKN_RAW_STORE must be 'dir' or 'db', not {value!r}")
    return store


def parse_org_check_seconds(value: str | None) -> float:
    """``PAKN_ORG_CHECK_SECONDS``: at most how often a process reads the organisation's
    version (one primary-key look-up) before it routes with the router it holds
    (``intake.org.version``); 0 looks every time. Default 5: an organisation change is
    routed with everywhere within seconds."""
    text = (value or "5").strip()
    try:
        seconds = float(text)
    except ValueError as exc:
        raise SettingsError(f"PAKN_ORG_CHECK_SECONDS: {value!r} is not a number of "
                            "seconds") from exc
    if not 0 <= seconds <= 3600:  # a NaN fails this too
        raise SettingsError("PAKN_ORG_CHECK_SECONDS: between 0 and 3600 seconds")
    return seconds


def parse_assistant_servers(value: str) -> int:
    """``PAKN_ASSISTANT_SERVERS``: how many Rasa servers ``pakn run`` starts (1–8)."""
    try:
        count = int(value)
    except ValueError as exc:
        raise SettingsError(f"PAKN_ASSISTANT_SERVERS: {value!r} is not a number") from exc
    if not 1 <= count <= 8:
        raise SettingsError("PAKN_ASSISTANT_SERVERS: between 1 and 8 (each Rasa server takes "
                            "about 1.2 GB of memory)")
    return count


def parse_province_name(value: str) -> str | None:
    """``PAKN_PROVINCE_NAME``: the province's name, overriding the organisation's
    ("Tỉnh Bắc Ninh", or "Bắc Ninh" for a province); empty: the organisation's."""
    from intake.errors import OrganisationDataError
    from intake.org.province import Province

    if not value.strip():
        return None
    try:
        return Province.parse(value).full
    except OrganisationDataError as exc:
        raise SettingsError(f"PAKN_PROVINCE_NAME: {exc}") from exc


def configured_environment(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The configuration as every process sees it: ``pakn.env`` overlaid by ``env``
    (default ``os.environ``), so a setting written in the file counts like an exported
    one."""
    merged = _read_env_file(project_root() / "pakn.env")
    merged.update(os.environ if env is None else env)
    return merged


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build settings from ``env`` (default: ``pakn.env`` overlaid by ``os.environ``)."""
    root = project_root()
    merged = configured_environment(env)
    var_dir = Path(merged.get("PAKN_VAR_DIR", str(root / "var")))
    rasa_port = _int_setting(merged, "PAKN_RASA_PORT", "5005")
    rasa_urls = parse_rasa_urls(merged.get("PAKN_RASA_URLS", ""))
    bind = (merged.get("PAKN_ASSISTANT_BIND") or "127.0.0.1").strip()
    return Settings(
        root=root,
        var_dir=var_dir,
        database_url=merged.get("PAKN_DATABASE_URL", f"sqlite:///{var_dir / 'pakn.db'}"),
        rasa_url=merged.get("PAKN_RASA_URL")
        or (rasa_urls[0] if rasa_urls else f"http://{reachable_host(bind)}:{rasa_port}"),
        rasa_port=rasa_port,
        actions_port=_int_setting(merged, "PAKN_ACTIONS_PORT", "5055"),
        console_host=merged.get("PAKN_CONSOLE_HOST", "127.0.0.1"),
        console_port=_int_setting(merged, "PAKN_CONSOLE_PORT", "8000"),
        telegram_token=merged.get("TELEGRAM_BOT_TOKEN") or None,
        imap_host=merged.get("PAKN_IMAP_HOST") or None,
        complaint_due_working_days=_int_setting(merged, "PAKN_DUE_WORKING_DAYS", "10"),
        max_message_chars=_int_setting(merged, "PAKN_MAX_MESSAGE_CHARS", "12000"),
        secret_key=check_configured("PAKN_SECRET_KEY", merged.get("PAKN_SECRET_KEY") or None),
        dossier_portal_url=merged.get("PAKN_DOSSIER_PORTAL_URL")
        or "https://dichvucong.bacgiang.gov.vn",
        rasa_token=check_configured("PAKN_RASA_TOKEN", merged.get("PAKN_RASA_TOKEN") or None),
        actions_token=check_configured("PAKN_ACTIONS_TOKEN",
                                       merged.get("PAKN_ACTIONS_TOKEN") or None),
        channel_secret=check_configured("PAKN_CHANNEL_SECRET",
                                        merged.get("PAKN_CHANNEL_SECRET") or None),
        trusted_proxies=parse_trusted_proxies(merged.get("PAKN_TRUSTED_PROXIES", "")),
        session_idle_minutes=_int_setting(merged, "PAKN_SESSION_IDLE_MINUTES", "60"),
        chat_messages_per_client_minute=_int_setting(merged, "PAKN_CHAT_LIMIT_PER_CLIENT", "60"),
        smtp_host=merged.get("PAKN_SMTP_HOST") or None,
        mail_domain=mail_domain_of(merged),
        open311_per_client_minute=_int_setting(merged, "PAKN_OPEN311_LIMIT_PER_CLIENT", "120"),
        conversation_days=_int_setting(merged, "PAKN_CONVERSATION_DAYS", "90"),
        province_name=parse_province_name(merged.get("PAKN_PROVINCE_NAME", "")),
        rasa_urls=rasa_urls,
        assistant_servers=parse_assistant_servers(merged.get("PAKN_ASSISTANT_SERVERS")
                                                  or "1"),
        redis_url=merged.get("PAKN_REDIS_URL") or None,
        raw_store=parse_raw_store(merged.get("PAKN_RAW_STORE")),
        assistant_bind=bind,
        run_roles=merged.get("PAKN_RUN_ROLES"),
        actions_health_url=merged.get("PAKN_ACTIONS_HEALTH_URL") or None,
        org_check_seconds=parse_org_check_seconds(merged.get("PAKN_ORG_CHECK_SECONDS")),
        public_url=(merged.get("PAKN_PUBLIC_URL") or
                    f"http://127.0.0.1:{merged.get('PAKN_CONSOLE_PORT', '8000')}").rstrip("/"),
    )


DEFAULT_MAIL_FROM = "Đường dây nóng TTHC Bắc Giang <thutuchanhchinh@bacgiang.gov.vn>"


def mail_domain_of(env: dict[str, str]) -> str:
    """The domain of the Message-IDs we generate: ``PAKN_MAIL_DOMAIN``, else the domain
    of ``PAKN_MAIL_FROM`` (how our own mail is recognised when it comes back)."""
    from email.utils import parseaddr

    sender = env.get("PAKN_MAIL_FROM") or DEFAULT_MAIL_FROM
    return (env.get("PAKN_MAIL_DOMAIN") or parseaddr(sender)[1].rpartition("@")[2]).lower()
