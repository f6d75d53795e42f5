"""``pakn run``: the supervisor that starts the system's processes.

By default (``PAKN_RUN_ROLES`` unset) Rasa (signed channel), the action server and the
web console always run; the Telegram bot and the mail worker only when configured, and
the delivery dispatcher whenever any transport is (SMTP or Telegram). ``PAKN_RUN_ROLES``
picks a part of them for one machine of several (``intake.run_roles``); Rasa listens on
``PAKN_ASSISTANT_BIND`` (loopback by default), the action server always on loopback.
Every log line is prefixed with the process that wrote it, Ctrl-C stops them all, and
when one process dies the others are stopped too, so a broken start is seen at once, not
half-working.
"""

from __future__ import annotations

import logging
import shlex
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from honcho.manager import Manager
from honcho.printer import Printer

from intake.assistant.conversations import prune, retention_days, tracker_store
from intake.assistant.locks import PASSWORD_VARIABLE
from intake.assistant.processes import (
    action_server_command,
    action_webhook_url,
    assistant_secrets,
    rasa_env,
    rasa_server_command,
    write_endpoints,
)
from intake.assistant.servers import (
    AssistantConfigError,
    AssistantPlan,
    assistant_plan,
    local_redis_command,
    local_redis_env,
    server_name,
)
from intake.assistant.training import model_path
from intake.config import Settings, configured_environment, reachable_host
from intake.delivery.config import transports_configured
from intake.run_roles import (
    EVERY_ROLE,
    RUN_ROLES,
    RunRoles,
    RunRolesError,
    bind_notes,
    checked_run_roles,
    loopback_host,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProcessSpec:
    """One supervised process."""

    name: str
    command: list[str]
    env: dict[str, str]


#: what only the Rasa servers (and the private redis-server) may see: the Redis URL and
#: the password taken from it
RASA_ONLY = ("PAKN_REDIS_URL", PASSWORD_VARIABLE)
#: every shared secret; each product process gets only those it reads (``SECRETS_OF``)
SECRETS = ("PAKN_SECRET_KEY", "PAKN_RASA_TOKEN", "PAKN_ACTIONS_TOKEN", "PAKN_CHANNEL_SECRET")
#: the secrets each product process reads: the edges sign messages to Rasa (channel
#: secret), read its API (Rasa token) and sign sessions, rating links and buttons (secret
#: key); the action server checks its bearer token; the action server, the mail worker and
#: the dispatcher build the intake services, whose lifecycle signs rating links and answer
#: files' links (``intake/services/satisfaction.py``, ``attachments.py``): secret key
SECRETS_OF = {
    "console": ("PAKN_SECRET_KEY", "PAKN_RASA_TOKEN", "PAKN_CHANNEL_SECRET"),
    "telegram": ("PAKN_SECRET_KEY", "PAKN_RASA_TOKEN", "PAKN_CHANNEL_SECRET"),
    "actions": ("PAKN_SECRET_KEY", "PAKN_ACTIONS_TOKEN"),
    "mail": ("PAKN_SECRET_KEY",),
    "delivery": ("PAKN_SECRET_KEY",),
}


def _product_env(settings: Settings, assistant: AssistantPlan | None = None,
                 roles: RunRoles = EVERY_ROLE,
                 env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment common to the product processes (console, bot, actions, mail,
    delivery): ``env`` (default: ``pakn.env`` overlaid by this process's environment)
    without the Redis password (``RASA_ONLY``) and without any shared secret (each
    process gets its own, ``process_env``), plus the shared settings;
    ``PAKN_ACTIONS_HEALTH_URL`` (what the console's ``/healthz`` probes) only when this
    machine runs the action server."""
    base = configured_environment() if env is None else env
    product = {name: value for name, value in base.items()
               if name not in RASA_ONLY and name not in SECRETS}
    product["PAKN_DATABASE_URL"] = settings.database_url
    product["PAKN_RASA_URL"] = settings.rasa_url
    if assistant is not None:  # the edges spread conversations over these servers
        product["PAKN_RASA_URL"] = assistant.edge_urls[0]
        product["PAKN_RASA_URLS"] = ",".join(assistant.edge_urls)
    elif settings.rasa_urls:  # the servers of other machines
        product["PAKN_RASA_URLS"] = ",".join(settings.rasa_urls)
    product.pop("PAKN_ACTIONS_HEALTH_URL", None)
    if "actions" in roles:
        product["PAKN_ACTIONS_HEALTH_URL"] = actions_base_url(settings)
    product["PYTHONUNBUFFERED"] = "1"
    return product


def process_env(product: Mapping[str, str], secrets: Mapping[str, str],
                role: str) -> dict[str, str]:
    """``product`` plus the secrets process ``role`` reads (``SECRETS_OF``)."""
    return {**product, **{name: secrets[name] for name in SECRETS_OF[role]}}


def shared_secrets(settings: Settings) -> dict[str, str]:
    """Every secret the processes share, resolved once here (generated under
    ``var/secrets/`` when not configured) so that all children agree from the start."""
    return {"PAKN_SECRET_KEY": settings.resolved("PAKN_SECRET_KEY"),
            **assistant_secrets(settings)}


def optional_notes(settings: Settings) -> list[str]:
    """One line for each optional process that is not configured (or not available)."""
    notes = []
    if settings.telegram_token is None:
        notes.append("telegram: not started (set TELEGRAM_BOT_TOKEN to enable the bot)")
    if settings.imap_host is None:
        notes.append("mail: not started (set PAKN_IMAP_HOST and credentials to read the "
                     "hotline mailbox)")
    if not transports_configured(settings):
        notes.append("delivery: not started (set PAKN_SMTP_HOST or TELEGRAM_BOT_TOKEN; "
                     "answers and acknowledgements wait in the outbox until then)")
    elif settings.smtp_host is None:
        notes.append("delivery: no SMTP server (set PAKN_SMTP_HOST): e-mail waits in the "
                     "outbox")
    return notes


def console_command(settings: Settings) -> list[str]:
    """The console process (``intake.console.serve``: uvicorn with the console's proxy and
    limit settings, host and port from the environment); the test harness starts it the
    same way."""
    return [sys.executable, "-m", "intake.console.serve"]


def actions_base_url(settings: Settings) -> str:
    """This machine's action server as its own processes reach it: always on loopback
    (``intake.run_roles.loopback_host``), since only Rasa on this machine calls it."""
    return f"http://{reachable_host(loopback_host(settings.assistant_bind))}:" \
           f"{settings.actions_port}"


def plan(settings: Settings, model: Path, assistant: AssistantPlan | None = None,
         roles: RunRoles = EVERY_ROLE,
         env: Mapping[str, str] | None = None) -> list[ProcessSpec]:
    """The processes to start for ``settings`` and this machine's ``roles``
    (``assistant``: the Rasa servers and the Redis lock store,
    ``intake.assistant.servers``; computed here when not given and ``rasa`` is a role);
    ``env``: the configuration the children inherit (default: ``pakn.env`` overlaid by
    this process's environment)."""
    if roles.assistant:
        assistant = assistant or assistant_plan(settings)
    product = _product_env(settings, assistant if roles.assistant else None, roles, env)
    secrets = shared_secrets(settings)
    specs = []
    if roles.assistant and assistant is not None:
        specs += _assistant_specs(settings, model, assistant,
                                  process_env(product, secrets, "actions"))
    if "console" in roles:
        specs.append(ProcessSpec("console", console_command(settings),
                                 process_env(product, secrets, "console")))
    if "telegram" in roles and settings.telegram_token is not None:  # bot/__main__.py
        specs.append(ProcessSpec("telegram", [sys.executable, "-m", "bot"],
                                 process_env(product, secrets, "telegram")))
    if "mail" in roles:
        specs += mail_specs(settings, process_env(product, secrets, "mail"))
    if "delivery" in roles and transports_configured(settings):
        specs.append(ProcessSpec("delivery", [sys.executable, "-m", "intake.cli",
                                              "delivery", "send"],
                                 process_env(product, secrets, "delivery")))
    return specs


def _assistant_specs(settings: Settings, model: Path, assistant: AssistantPlan,
                     actions_env: dict[str, str]) -> list[ProcessSpec]:
    """The private Redis (when needed), the action server on loopback and the Rasa
    servers on ``PAKN_ASSISTANT_BIND``; Rasa's action endpoint is the loopback one."""
    host = settings.assistant_bind
    actions_host = loopback_host(host)
    store, store_env = tracker_store(settings)  # conversations survive a restart
    endpoints = write_endpoints(settings.var_dir / "run" / "endpoints.yml",
                                action_webhook_url(settings.actions_port,
                                                   reachable_host(actions_host)),
                                store, assistant.lock_store)
    specs = []
    if assistant.start_redis and assistant.redis is not None:
        specs.append(ProcessSpec("redis", local_redis_command(settings, assistant.redis),
                                 local_redis_env(settings)))
    specs.append(ProcessSpec("actions", action_server_command(settings.actions_port,
                                                              actions_host),
                             actions_env))
    # the three assistant secrets, and not the signing key an exported one would pass on
    inherited = {name: value for name, value in rasa_env().items() if name not in SECRETS}
    rasa_environment = (inherited | assistant_secrets(settings) | store_env
                        | assistant.lock_env)
    for index, port in enumerate(assistant.ports):
        specs.append(ProcessSpec(server_name(index, len(assistant.ports)),
                                 rasa_server_command(settings.root, model, port, endpoints,
                                                     host),
                                 rasa_environment))
    return specs


def idle_roles(settings: Settings, roles: RunRoles, env: Mapping[str, str]) -> list[str]:
    """For roles ``PAKN_RUN_ROLES`` names that would start nothing here, what is missing
    (a machine told to run the bot without its token is a mistake, not an option)."""
    missing = []
    if "telegram" in roles and settings.telegram_token is None:
        missing.append("telegram needs TELEGRAM_BOT_TOKEN")
    if "mail" in roles and not mail_specs(settings, dict(env)):
        missing.append("mail needs PAKN_IMAP_HOST (or PAKN_MAIL_ROLES=ingest for ingest "
                       "workers only)")
    if "delivery" in roles and not transports_configured(settings):
        missing.append("delivery needs PAKN_SMTP_HOST or TELEGRAM_BOT_TOKEN")
    return missing if roles.explicit else []


MAIL_ROLES = ("fetch", "ingest")


class MailRolesError(ValueError):
    """``PAKN_MAIL_ROLES`` / ``PAKN_MAIL_INGEST_WORKERS`` are invalid or do not fit the
    database; the message names the variable (``pakn run`` exits 2 with it)."""


def mail_roles(env: Mapping[str, str]) -> tuple[frozenset[str], int]:
    """``PAKN_MAIL_ROLES`` (``fetch``, ``ingest`` or both, comma-separated; unset: the
    embedded ``pakn mail poll``, both in one process tree) and ``PAKN_MAIL_INGEST_WORKERS``
    (ingest-worker processes this machine runs, default 1)."""
    roles = frozenset(r.strip().lower() for r in env.get("PAKN_MAIL_ROLES", "").split(",")
                      if r.strip())
    unknown = sorted(roles - set(MAIL_ROLES))
    if unknown:
        raise MailRolesError(f"PAKN_MAIL_ROLES: unknown role(s) {', '.join(unknown)} "
                             f"(known: {', '.join(MAIL_ROLES)})")
    raw = (env.get("PAKN_MAIL_INGEST_WORKERS") or "").strip()
    try:
        workers = int(raw or 1)
    except ValueError:
        raise MailRolesError(f"PAKN_MAIL_INGEST_WORKERS must be a whole number, not "
                             f"{raw[:20]!r}") from None
    if workers < 1:
        raise MailRolesError("PAKN_MAIL_INGEST_WORKERS must be at least 1")
    return roles, workers


def checked_mail_roles(settings: Settings, env: Mapping[str, str]
                       ) -> tuple[frozenset[str], int]:
    """``mail_roles``, refused where the database cannot serve them: on SQLite a claim
    takes no lock (several ingest workers would take the same rows) and the file is not
    shared with a fetcher on another machine."""
    roles, workers = mail_roles(env)
    if "ingest" in roles and settings.database_url.startswith("sqlite"):
        if workers > 1:
            raise MailRolesError(
                f"PAKN_MAIL_INGEST_WORKERS={workers} needs PostgreSQL: on SQLite claims "
                "take no lock, so several ingest workers would take the same messages "
                "(set it to 1, or set PAKN_DATABASE_URL to PostgreSQL)")
        if "fetch" not in roles:
            raise MailRolesError(
                "PAKN_MAIL_ROLES=ingest needs PostgreSQL: an ingest-only machine takes the "
                "queue a fetcher elsewhere fills, which a SQLite file cannot share (use "
                "PAKN_MAIL_ROLES=fetch,ingest, or unset it, on SQLite)")
    return roles, workers


def mail_specs(settings: Settings, env: dict[str, str]) -> list[ProcessSpec]:
    """The mail processes: ``mail`` (fetch and ingest in one process tree) by default when
    the mailbox is configured; with ``PAKN_MAIL_ROLES`` a ``mail-fetch`` process (one per
    mailbox in the whole deployment) and/or ``mail-ingest-N`` processes (any number, on
    any machine sharing the PostgreSQL database and ``PAKN_RAW_STORE=db``)."""
    roles, workers = checked_mail_roles(settings, env)
    pakn = [sys.executable, "-m", "intake.cli", "mail"]
    if not roles:
        return ([ProcessSpec("mail", [*pakn, "poll"], env)]
                if settings.imap_host is not None else [])
    specs = []
    if "fetch" in roles and settings.imap_host is not None:
        specs.append(ProcessSpec("mail-fetch", [*pakn, "fetch"], env))
    if "ingest" in roles:
        specs += [ProcessSpec(f"mail-ingest-{i}", [*pakn, "ingest-worker"], env)
                  for i in range(1, workers + 1)]
    return specs


def role_notes(settings: Settings, roles: RunRoles) -> list[str]:
    """The lines ``pakn run`` prints when ``PAKN_RUN_ROLES`` chose this machine's roles:
    which, and the optional processes' notes (``optional_notes``) of the roles named."""
    notes = [f"roles on this machine (PAKN_RUN_ROLES): "
             f"{', '.join(r for r in RUN_ROLES if r in roles)}"]
    return notes + [note for note in optional_notes(settings)
                    if note.partition(":")[0] in roles]


def run_supervised(settings: Settings) -> int:
    """Start this machine's processes and wait; the exit code of the first one to stop
    (2, before anything starts or any data is touched, when the configuration cannot
    work)."""
    try:
        roles = checked_run_roles(settings)
        if "mail" in roles:
            checked_mail_roles(settings, configured_environment())
    except (RunRolesError, MailRolesError) as exc:
        log.error("%s", exc)
        return 2
    missing = idle_roles(settings, roles, configured_environment())
    if missing:
        log.error("PAKN_RUN_ROLES names roles that would start nothing here: %s",
                  "; ".join(missing))
        return 2
    model = model_path(settings.root)
    assistant = None
    if roles.assistant:
        if not model.is_file():
            log.error("no trained assistant at %s: run `pakn assistant train --if-stale` "
                      "(or `make run`, which does it)", model)
            return 2
        try:
            assistant = assistant_plan(settings)
        except AssistantConfigError as exc:
            log.error("%s", exc)
            return 2
        pruned = prune(settings, retention_days(settings))  # where the conversations are
        if pruned:
            print(f"pakn | conversations older than {retention_days(settings)} days "
                  f"deleted ({pruned} events)", flush=True)
    manager = Manager(Printer(sys.stdout))
    notes = role_notes(settings, roles) if roles.explicit else optional_notes(settings)
    notes += bind_notes(settings, roles)
    for note in (*notes, *(assistant.notes if assistant else ())):
        print(f"pakn | {note}", flush=True)
    for spec in plan(settings, model, assistant, roles):
        manager.add_process(spec.name, shlex.join(spec.command), env=spec.env,
                            cwd=str(settings.root))
    if "console" in roles:
        print(f"pakn | web chat: http://{settings.console_host}:{settings.console_port}"
              "/chat (ready when its /healthz says \"ok\")", flush=True)
    manager.loop()
    return int(manager.returncode or 0)


def main() -> None:
    """``python -m intake.runner``: the supervisor without the whole CLI imported (the
    ``pakn`` CLI loads every sub-command, scikit-learn included, into a process that only
    waits on its children)."""
    from intake.config import load_settings

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    raise SystemExit(run_supervised(load_settings()))


if __name__ == "__main__":
    main()
