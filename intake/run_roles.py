"""Which of the system's processes ``pakn run`` starts on this machine, and where the
assistant listens.

``PAKN_RUN_ROLES`` (comma-separated; unset = every role, as ``make run`` does) names the
roles by their process names:

- ``console``: the staff console with the web chat and the Open311 API;
- ``rasa``: the Rasa servers (``PAKN_ASSISTANT_SERVERS``; with the private
  ``redis-server`` when ``PAKN_REDIS_URL`` names this machine and nothing answers there);
- ``actions``: the action server the Rasa servers call;
- ``telegram``: the Telegram front end;
- ``mail``: the hotline mailbox (``pakn mail poll``, or the ``PAKN_MAIL_ROLES`` processes);
- ``delivery``: the outbox dispatcher (e-mail and Telegram replies).

What is refused, before anything starts (``pakn run`` exits 2 with the variable named):

- an unknown role, or the variable set but naming none (an empty value would otherwise
  start everything on a machine meant to run a part);
- a subset on SQLite: the other roles run in another ``pakn run``, and a SQLite file is
  not shared between machines (on one machine, leave the variable unset);
- ``rasa`` without ``actions`` or the reverse: Rasa calls the action server of its own
  machine (``endpoints.yml``), and nothing else calls it;
- an edge (``console``, ``telegram``) without ``rasa`` here but with no assistant servers
  elsewhere (``PAKN_RASA_URLS``/``PAKN_RASA_URL``), or without the Rasa token and channel
  secret configured: a value generated under ``var/secrets/`` on this machine is not the
  assistant machines' one, so every message would be refused;
- a subset with an edge (``console``, ``telegram``) but no ``PAKN_SECRET_KEY``
  configured: a key generated here signs this machine's sessions, CSRF tokens, rating
  links and buttons, which the consoles and the bot of other machines check;
- a subset with ``console``, ``telegram``, ``mail`` or ``delivery`` on
  ``PAKN_RAW_STORE=dir``: a file in this machine's ``var/`` cannot be served or sent by
  a console or dispatcher elsewhere;
- the assistant here while ``PAKN_RASA_URLS`` names Rasa servers other than this
  machine's own, without ``PAKN_REDIS_URL`` or with a Redis on loopback: the lock store
  must be the one every assistant machine shares (a private ``redis-server`` on each
  machine would lock nothing across them);
- ``PAKN_ASSISTANT_BIND`` that is not an IP address (a scoped IPv6 address included);
  and, when this machine runs the assistant, a public (global) address, or one beyond
  loopback while ``PAKN_RASA_TOKEN`` and ``PAKN_CHANNEL_SECRET`` are not configured: the
  Rasa HTTP API (``--auth-token``) and its channel (signed messages) check a secret,
  but other machines can only present one they were given. The tokens travel in clear
  HTTP: bind to a private network's address only (``0.0.0.0``/``::`` are accepted with a
  note). The action server always listens on loopback: only Rasa, on the same machine,
  calls it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from intake.assistant.locks import LOCAL_HOSTS, parse_redis_url
from intake.config import Settings

#: the roles, in the order ``pakn run`` starts their processes
RUN_ROLES = ("rasa", "actions", "console", "telegram", "mail", "delivery")
#: roles that relay citizens' messages to the Rasa servers
EDGES = ("console", "telegram")


class RunRolesError(ValueError):
    """``PAKN_RUN_ROLES`` or ``PAKN_ASSISTANT_BIND`` cannot work as configured; the message
    names the variable (``pakn run`` exits 2 with it)."""


@dataclass(frozen=True)
class RunRoles:
    """The roles this machine runs; ``explicit`` when ``PAKN_RUN_ROLES`` chose them."""

    roles: frozenset[str]
    explicit: bool = False

    def __contains__(self, role: object) -> bool:
        return role in self.roles

    @property
    def assistant(self) -> bool:
        """True when this machine runs the Rasa servers (and so the action server)."""
        return "rasa" in self.roles


EVERY_ROLE = RunRoles(frozenset(RUN_ROLES))


def parse_run_roles(value: str | None) -> RunRoles:
    """``PAKN_RUN_ROLES`` as given (None: unset, every role)."""
    if value is None:
        return EVERY_ROLE
    roles = frozenset(r.strip().lower() for r in value.split(",") if r.strip())
    if not roles:
        raise RunRolesError(
            f"PAKN_RUN_ROLES is set but names no role: list this machine's roles "
            f"({', '.join(RUN_ROLES)}), or unset it to run every one")
    unknown = sorted(roles - set(RUN_ROLES))
    if unknown:
        raise RunRolesError(f"PAKN_RUN_ROLES: unknown role(s) {', '.join(unknown)} "
                            f"(known: {', '.join(RUN_ROLES)})")
    return RunRoles(roles, explicit=True)


def _listed(roles: Iterable[str]) -> str:
    return ",".join(r for r in RUN_ROLES if r in set(roles))


def is_loopback(bind: str) -> bool:
    """True when ``bind`` (an IP address) is a loopback address."""
    return ipaddress.ip_address(bind).is_loopback


def loopback_host(bind: str) -> str:
    """The loopback address of the family of ``bind`` (``127.0.0.1``, or ``::1`` for an
    IPv6 bind address): where the action server listens, whatever the bind address."""
    return "::1" if ipaddress.ip_address(bind).version == 6 else "127.0.0.1"


def _missing_assistant_secrets(settings: Settings) -> list[str]:
    """The shared assistant secrets that are not configured (generated ones are this
    machine's only)."""
    return [name for name, value in (("PAKN_RASA_TOKEN", settings.rasa_token),
                                     ("PAKN_CHANNEL_SECRET", settings.channel_secret))
            if not value]


def checked_bind(settings: Settings, assistant: bool = True) -> str:
    """``PAKN_ASSISTANT_BIND``, refused when it is not an IP address and, when this machine
    runs the assistant (``assistant``), when it is a public address or reaches beyond this
    machine without the shared secrets configured."""
    bind = settings.assistant_bind
    try:
        if "%" in bind:  # a scoped IPv6 address: the URLs built from it would not work
            raise ValueError(bind)
        address = ipaddress.ip_address(bind)
    except ValueError:
        raise RunRolesError(f"PAKN_ASSISTANT_BIND: {bind[:60]!r} is not an IP address "
                            "(e.g. 10.0.0.5, or 0.0.0.0 for every address)") from None
    if not assistant or address.is_loopback:
        return bind
    if address.is_global:
        raise RunRolesError(
            f"PAKN_ASSISTANT_BIND={bind} is a public address: the tokens travel in clear "
            "HTTP; bind to a private network's address (10.x, 172.16-31.x, 192.168.x, "
            "fd00::/8) reachable only from the edge machines")
    missing = _missing_assistant_secrets(settings)
    if missing:
        raise RunRolesError(
            f"PAKN_ASSISTANT_BIND={bind} opens the assistant to other machines: set "
            f"{' and '.join(missing)} (the same values on every machine; a value "
            "generated under var/secrets/ is known to this machine only, and the "
            "edges elsewhere could not present it)")
    return bind


def bind_notes(settings: Settings, roles: RunRoles) -> list[str]:
    """What ``pakn run`` prints about where the assistant listens: every address
    (``0.0.0.0``/``::``) includes any public one this machine has."""
    if roles.assistant and ipaddress.ip_address(settings.assistant_bind).is_unspecified:
        return [f"assistant: PAKN_ASSISTANT_BIND={settings.assistant_bind} listens on every "
                "address of this machine, public ones included: let only the edge "
                "machines reach the Rasa ports (firewall), or bind to the private address"]
    return []


def own_server(settings: Settings, url: str) -> bool:
    """True when ``url`` names one of the Rasa servers this machine starts (its bind
    address, or loopback when bound to loopback or every address, and its ports)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    ports = range(settings.rasa_port, settings.rasa_port + settings.assistant_servers)
    bind = ipaddress.ip_address(settings.assistant_bind)
    hosts = {str(bind)}
    if bind.is_loopback or bind.is_unspecified:
        hosts |= LOCAL_HOSTS
    return (parts.hostname or "").lower() in hosts and port in ports


def _checked_lock_store(settings: Settings) -> None:
    """With Rasa servers on other machines named in ``PAKN_RASA_URLS``, the lock store
    must be one Redis they all share (see the module docstring)."""
    others = [url for url in settings.rasa_urls if not own_server(settings, url)]
    if not others:
        return
    if settings.redis_url is None:
        raise RunRolesError(
            "PAKN_RASA_URLS names Rasa servers of other machines: set PAKN_REDIS_URL to "
            "the Redis every assistant machine shares (e.g. redis://:PASSWORD@"
            "redis.internal:6379/1), so that one conversation's turns take turns across "
            "machines")
    try:
        target = parse_redis_url(settings.redis_url)
    except ValueError as exc:
        raise RunRolesError(str(exc)) from exc
    host = target.host.strip("[]").lower()
    try:
        loopback = host in LOCAL_HOSTS or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        raise RunRolesError(
            f"PAKN_REDIS_URL names this machine's loopback ({target.where}) while "
            "PAKN_RASA_URLS names Rasa servers of other machines: each machine would lock "
            "in its own Redis; set it to the Redis every assistant machine shares")


#: roles whose files (raw mail, attachments) other machines must read
FILE_ROLES = ("console", "telegram", "mail", "delivery")


def checked_run_roles(settings: Settings) -> RunRoles:
    """``PAKN_RUN_ROLES`` for ``settings``, with every refusal the module docstring
    lists."""
    roles = parse_run_roles(settings.run_roles)
    checked_bind(settings, roles.assistant)
    if roles.explicit:
        _checked_subset(settings, roles)
    if roles.assistant:
        _checked_lock_store(settings)
    return roles


def _checked_subset(settings: Settings, roles: RunRoles) -> None:
    """The refusals of roles ``PAKN_RUN_ROLES`` names (see the module docstring)."""
    everything = roles.roles == EVERY_ROLE.roles
    if not everything and settings.database_url.startswith("sqlite"):
        raise RunRolesError(
            f"PAKN_RUN_ROLES={_listed(roles.roles)} needs PostgreSQL (PAKN_DATABASE_URL): "
            "the other roles run elsewhere, and a SQLite file is not shared between "
            "machines (on one machine, unset PAKN_RUN_ROLES)")
    if ("rasa" in roles) != ("actions" in roles):
        raise RunRolesError(
            f"PAKN_RUN_ROLES={_listed(roles.roles)}: rasa and actions run together (the "
            "Rasa servers call the action server of their own machine): list both or "
            "neither")
    edges = [role for role in EDGES if role in roles]
    if edges and not roles.assistant:
        local = f"http://{settings.assistant_host}:{settings.rasa_port}"
        # PAKN_RASA_URLS set, even to this machine (another pakn run here runs rasa), or
        # PAKN_RASA_URL naming something else than the default: the servers are told
        if not settings.rasa_urls and settings.rasa_url == local:
            raise RunRolesError(
                f"PAKN_RUN_ROLES={_listed(roles.roles)} runs no Rasa server here: set "
                "PAKN_RASA_URLS to the assistant servers on the other machines (e.g. "
                "http://10.0.0.5:5005,http://10.0.0.6:5005)")
        missing = _missing_assistant_secrets(settings)
        if missing:
            raise RunRolesError(
                f"PAKN_RUN_ROLES={_listed(roles.roles)} talks to the assistant servers of "
                f"other machines: set {' and '.join(missing)} to their values (a value "
                "generated here would not match, and every message would be refused)")
    if not everything and edges and settings.secret_key is None:
        raise RunRolesError(
            f"PAKN_RUN_ROLES={_listed(roles.roles)} needs PAKN_SECRET_KEY (the same value "
            "on every machine): a key generated here would sign sessions, CSRF tokens, "
            "rating links and Telegram rating buttons that the consoles and the bot of "
            "other machines refuse")
    files = [role for role in FILE_ROLES if role in roles]
    if not everything and files and settings.raw_store == "dir":
        raise RunRolesError(
            f"PAKN_RUN_ROLES={_listed(roles.roles)} needs PAKN_RAW_STORE=db: with dir, "
            "raw mail and attachments stay in this machine's var/, where a console or "
            "dispatcher on another machine cannot serve or send them")
