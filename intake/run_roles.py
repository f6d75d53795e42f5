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
- ``PAKN_ASSISTANT_BIND`` that is not an IP address, or that is not a loopback address
  while ``PAKN_RASA_TOKEN`` and ``PAKN_CHANNEL_SECRET`` are not configured: the Rasa HTTP
  API (``--auth-token``), its channel (signed messages) and the action server (bearer
  token) all check a secret, but other machines can only present one they were given.
  The tokens travel in clear HTTP: bind to a private network's address only.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

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


def checked_bind(settings: Settings) -> str:
    """``PAKN_ASSISTANT_BIND``, refused when it is not an IP address, or when it reaches
    beyond this machine without the shared secrets configured."""
    bind = settings.assistant_bind
    try:
        loopback = is_loopback(bind)
    except ValueError:
        raise RunRolesError(f"PAKN_ASSISTANT_BIND: {bind[:60]!r} is not an IP address "
                            "(e.g. 10.0.0.5, or 0.0.0.0 for every address)") from None
    if not loopback:
        missing = [name for name, value in (("PAKN_RASA_TOKEN", settings.rasa_token),
                                             ("PAKN_CHANNEL_SECRET",
                                              settings.channel_secret)) if not value]
        if missing:
            raise RunRolesError(
                f"PAKN_ASSISTANT_BIND={bind} opens the assistant to other machines: set "
                f"{' and '.join(missing)} (the same values on every machine; a value "
                "generated under var/secrets/ is known to this machine only, and the "
                "edges elsewhere could not present it)")
    return bind


def checked_run_roles(settings: Settings) -> RunRoles:
    """``PAKN_RUN_ROLES`` for ``settings``, with every refusal the module docstring
    lists."""
    roles = parse_run_roles(settings.run_roles)
    checked_bind(settings)
    if not roles.explicit:
        return roles
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
        missing = [name for name, value in (("PAKN_RASA_TOKEN", settings.rasa_token),
                                            ("PAKN_CHANNEL_SECRET",
                                             settings.channel_secret)) if not value]
        if missing:
            raise RunRolesError(
                f"PAKN_RUN_ROLES={_listed(roles.roles)} talks to the assistant servers of "
                f"other machines: set {' and '.join(missing)} to their values (a value "
                "generated here would not match, and every message would be refused)")
    return roles
