"""``PAKN_RUN_ROLES`` and ``PAKN_ASSISTANT_BIND``: what ``pakn run`` plans for a machine,
and what it refuses before anything starts.

No Rasa here: the plan (``intake.runner.plan``), the endpoints it writes, and real
``pakn run`` processes (``python -m intake.runner``) refused with exit 2, the variable
named, and nothing written under their ``PAKN_VAR_DIR`` nor to their database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from intake.config import Settings, load_settings
from intake.run_roles import RunRolesError, bind_notes, checked_run_roles
from intake.runner import idle_roles, plan, role_notes
from tests.harness.ports import free_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
PG = "postgresql+psycopg://pakn@db.internal:5432/pakn"  # never reached by these tests
SECRETS = {"PAKN_RASA_TOKEN": "r" * 24, "PAKN_CHANNEL_SECRET": "c" * 24}
#: what every machine of several shares besides the assistant's secrets
FLEET = {**SECRETS, "PAKN_SECRET_KEY": "k" * 24, "PAKN_RAW_STORE": "db"}


@pytest.fixture(autouse=True)
def _no_repository_pakn_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``pakn.env`` in the checkout must not change what these tests see: the root is
    an empty directory (``PAKN_HOME``)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PAKN_HOME", str(home))
    return home


def _settings(tmp_path: Path, **env: str) -> Settings:
    return load_settings({"PAKN_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}",
                          "PAKN_VAR_DIR": str(tmp_path / "var"), **env})


def _refused(settings: Settings, match: str) -> None:
    with pytest.raises(RunRolesError, match=match):
        checked_run_roles(settings)


def test_unset_means_every_role_and_bad_lists_are_refused(tmp_path: Path) -> None:
    roles = checked_run_roles(_settings(tmp_path))
    assert not roles.explicit and {"rasa", "actions", "console"} <= roles.roles
    _refused(_settings(tmp_path, PAKN_RUN_ROLES=""), "PAKN_RUN_ROLES is set but names no")
    _refused(_settings(tmp_path, PAKN_RUN_ROLES=" , "), "PAKN_RUN_ROLES is set but names no")
    _refused(_settings(tmp_path, PAKN_RUN_ROLES="console,assistent", PAKN_DATABASE_URL=PG),
             "PAKN_RUN_ROLES: unknown role.*assistent")


def test_a_subset_needs_postgresql_and_rasa_goes_with_actions(tmp_path: Path) -> None:
    _refused(_settings(tmp_path, PAKN_RUN_ROLES="rasa,actions"),
             "PAKN_RUN_ROLES=rasa,actions needs PostgreSQL")
    every = "rasa,actions,console,telegram,mail,delivery"
    assert checked_run_roles(_settings(tmp_path, PAKN_RUN_ROLES=every)).explicit
    for half in ("rasa", "actions,console"):
        _refused(_settings(tmp_path, PAKN_RUN_ROLES=half, PAKN_DATABASE_URL=PG,
                           PAKN_RASA_URLS="http://10.0.0.5:5005", **FLEET),
                 "rasa and actions run together")


def test_an_edge_without_rasa_here_needs_the_servers_and_their_secrets(
        tmp_path: Path) -> None:
    base = {"PAKN_DATABASE_URL": PG, "PAKN_RUN_ROLES": "console,delivery"}
    _refused(_settings(tmp_path, **base), "runs no Rasa server here: set PAKN_RASA_URLS")
    _refused(_settings(tmp_path, **base, PAKN_RASA_URLS="http://10.0.0.5:5005"),
             "set PAKN_RASA_TOKEN and PAKN_CHANNEL_SECRET to their values")
    _refused(_settings(tmp_path, **base, PAKN_RASA_URLS="http://10.0.0.5:5005",
                       PAKN_RASA_TOKEN="r" * 24), "set PAKN_CHANNEL_SECRET to")
    roles = checked_run_roles(_settings(tmp_path, **base, **FLEET,
                                        PAKN_RASA_URLS="http://10.0.0.5:5005"))
    assert roles.roles == {"console", "delivery"}
    # PAKN_RASA_URL naming another machine is enough too, and PAKN_RASA_URLS naming this
    # one (the assistant in another pakn run on the same machine)
    assert checked_run_roles(_settings(tmp_path, **base, **FLEET,
                                       PAKN_RASA_URL="http://10.0.0.5:5005")).explicit
    assert checked_run_roles(_settings(tmp_path, **base, **FLEET,
                                       PAKN_RASA_URLS="http://127.0.0.1:5005")).explicit


def test_several_machines_need_one_signing_key_and_files_in_the_database(
        tmp_path: Path) -> None:
    """Rating buttons signed by a console are checked by the bot, the bot's rating link
    by a console: one PAKN_SECRET_KEY; files one machine stored, another serves or sends:
    PAKN_RAW_STORE=db."""
    base = {"PAKN_DATABASE_URL": PG, "PAKN_RASA_URLS": "http://10.0.0.5:5005", **SECRETS}
    for roles in ("console", "telegram", "console,delivery"):
        _refused(_settings(tmp_path, **base, PAKN_RAW_STORE="db", PAKN_RUN_ROLES=roles),
                 f"PAKN_RUN_ROLES={roles} needs PAKN_SECRET_KEY")
    for roles in ("console", "telegram,mail", "mail", "delivery"):
        _refused(_settings(tmp_path, **base, PAKN_SECRET_KEY="k" * 24, PAKN_RUN_ROLES=roles),
                 f"PAKN_RUN_ROLES={roles} needs PAKN_RAW_STORE=db")
    # the assistant alone keeps no file and signs for nobody; mail and delivery alone
    # relay nothing to Rasa, so no key is required of them
    assistant = _settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RUN_ROLES="rasa,actions")
    assert checked_run_roles(assistant).roles == {"rasa", "actions"}
    mail = _settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RUN_ROLES="mail,delivery",
                     PAKN_RAW_STORE="db")
    assert checked_run_roles(mail).roles == {"mail", "delivery"}
    # one machine, every role: nothing to share
    assert checked_run_roles(_settings(tmp_path)).roles >= {"console", "telegram"}


def test_assistant_machines_of_several_need_one_shared_redis(tmp_path: Path) -> None:
    others = "http://10.0.0.11:5005,http://10.0.0.12:5005"
    base = {"PAKN_DATABASE_URL": PG, "PAKN_RUN_ROLES": "rasa,actions",
            "PAKN_ASSISTANT_BIND": "10.0.0.11", **FLEET}
    _refused(_settings(tmp_path, **base, PAKN_RASA_URLS=others),
             "PAKN_RASA_URLS names Rasa servers of other machines: set PAKN_REDIS_URL")
    for local in ("redis://127.0.0.1:6379/1", "redis://:pw@localhost:6379/1",
                  "redis://[::1]:6379/1", "redis://127.0.0.2:6379/1"):
        _refused(_settings(tmp_path, **base, PAKN_RASA_URLS=others, PAKN_REDIS_URL=local),
                 "PAKN_REDIS_URL names this machine's loopback")
    shared = "redis://:pw@redis.internal:6379/1"
    assert checked_run_roles(_settings(tmp_path, **base, PAKN_RASA_URLS=others,
                                       PAKN_REDIS_URL=shared)).assistant
    # more entries than this machine's servers: one of them is another's
    _refused(_settings(tmp_path, **base, PAKN_RASA_URLS="http://10.0.0.11:5005,"
                       "http://10.0.0.11:5006"), "set PAKN_REDIS_URL")
    # only this machine's own servers (every role here too): a local Redis is right
    own = {"PAKN_RASA_URLS": "http://10.0.0.11:5005,http://10.0.0.11:5006",
           "PAKN_ASSISTANT_SERVERS": "2", "PAKN_REDIS_URL": "redis://127.0.0.1:6379/1"}
    assert checked_run_roles(_settings(tmp_path, **base, **own)).assistant
    assert checked_run_roles(_settings(
        tmp_path, PAKN_RASA_URLS="http://127.0.0.1:5005,http://localhost:5006",
        PAKN_ASSISTANT_SERVERS="2", PAKN_REDIS_URL="redis://127.0.0.1:6379/1")).assistant
    _refused(_settings(tmp_path, PAKN_RASA_URLS="http://10.0.0.12:5005",
                       PAKN_REDIS_URL="redis://127.0.0.1:6379/1"),
             "PAKN_REDIS_URL names this machine's loopback")
    # no assistant here: the lock store is the assistant machines' business
    console = _settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RUN_ROLES="console",
                        PAKN_RASA_URLS=others, **FLEET)
    assert checked_run_roles(console).roles == {"console"}


def test_the_bind_address_is_checked_and_a_non_loopback_one_needs_the_secrets(
        tmp_path: Path) -> None:
    for bad in ("assistant.internal", "10.0.0.300", "0.0.0.0; rm", "fe80::1%eth0"):
        _refused(_settings(tmp_path, PAKN_ASSISTANT_BIND=bad),
                 "PAKN_ASSISTANT_BIND: .* is not an IP address")
    for wide in ("0.0.0.0", "10.0.0.5", "::", "fd00::5"):
        _refused(_settings(tmp_path, PAKN_ASSISTANT_BIND=wide),
                 f"PAKN_ASSISTANT_BIND={wide} opens the assistant to other machines: "
                 "set PAKN_RASA_TOKEN and PAKN_CHANNEL_SECRET")
        settings = _settings(tmp_path, PAKN_ASSISTANT_BIND=wide, **SECRETS)
        assert checked_run_roles(settings).assistant
    assert checked_run_roles(_settings(tmp_path, PAKN_ASSISTANT_BIND="127.0.0.2")).assistant
    # a public address is refused even with the secrets: they travel in clear HTTP
    for public in ("8.8.8.8", "2001:4860:4860::8888"):
        _refused(_settings(tmp_path, PAKN_ASSISTANT_BIND=public, **SECRETS),
                 f"PAKN_ASSISTANT_BIND={public} is a public address")
    # every address: accepted, with a note saying that public ones are included
    every = _settings(tmp_path, PAKN_ASSISTANT_BIND="0.0.0.0", **SECRETS)
    assert "public ones included" in bind_notes(every, checked_run_roles(every))[0]
    private = _settings(tmp_path, PAKN_ASSISTANT_BIND="10.0.0.5", **SECRETS)
    assert bind_notes(private, checked_run_roles(private)) == []


def test_the_bind_address_of_a_machine_without_the_assistant_opens_nothing(
        tmp_path: Path) -> None:
    """A mail machine that inherits PAKN_ASSISTANT_BIND=0.0.0.0 from the shared pakn.env
    listens nowhere: neither the secrets nor a private address are asked of it."""
    for bind in ("0.0.0.0", "8.8.8.8"):
        settings = _settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RUN_ROLES="mail",
                             PAKN_RAW_STORE="db", PAKN_ASSISTANT_BIND=bind)
        roles = checked_run_roles(settings)
        assert roles.roles == {"mail"} and bind_notes(settings, roles) == []
    _refused(_settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RUN_ROLES="mail",
                       PAKN_RAW_STORE="db", PAKN_ASSISTANT_BIND="eth0"),
             "PAKN_ASSISTANT_BIND: 'eth0' is not an IP address")


def _names(specs: list) -> list[str]:  # type: ignore[type-arg]
    return [spec.name for spec in specs]


def test_rasa_listens_where_it_is_told_and_the_action_server_on_loopback(
        tmp_path: Path) -> None:
    settings = _settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RUN_ROLES="rasa,actions",
                         PAKN_ASSISTANT_BIND="10.0.0.5", PAKN_RASA_PORT="6100",
                         PAKN_ACTIONS_PORT="6155", **SECRETS)
    roles = checked_run_roles(settings)
    specs = {s.name: s for s in plan(settings, tmp_path / "model.tar.gz", roles=roles,
                                     env={})}
    assert list(specs) == ["actions", "rasa"]
    rasa = specs["rasa"].command
    assert rasa[rasa.index("-i") + 1] == "10.0.0.5" and rasa[rasa.index("-p") + 1] == "6100"
    # only Rasa on this machine calls the action server: it stays on loopback
    actions = specs["actions"].command
    assert actions[actions.index("--host") + 1] == "127.0.0.1"
    endpoints = yaml.safe_load((settings.var_dir / "run" / "endpoints.yml").read_text())
    assert endpoints["action_endpoint"]["url"] == "http://127.0.0.1:6155/webhook"
    assert specs["actions"].env["PAKN_ACTIONS_HEALTH_URL"] == "http://127.0.0.1:6155"
    # an IPv6 bind: the IPv6 loopback
    six = _settings(tmp_path, PAKN_ASSISTANT_BIND="fd00::5", PAKN_ACTIONS_PORT="6155",
                    **SECRETS)
    specs = {s.name: s for s in plan(six, tmp_path / "model.tar.gz", env={})}
    actions = specs["actions"].command
    assert actions[actions.index("--host") + 1] == "::1"
    endpoints = yaml.safe_load((six.var_dir / "run" / "endpoints.yml").read_text())
    assert endpoints["action_endpoint"]["url"] == "http://[::1]:6155/webhook"
    assert specs["console"].env["PAKN_ACTIONS_HEALTH_URL"] == "http://[::1]:6155"
    assert specs["rasa"].command[specs["rasa"].command.index("-i") + 1] == "fd00::5"
    # every address: the processes here reach each other on loopback
    every = _settings(tmp_path, PAKN_ASSISTANT_BIND="0.0.0.0", PAKN_ACTIONS_PORT="6155",
                      **SECRETS)
    specs = {s.name: s for s in plan(every, tmp_path / "model.tar.gz", env={})}
    assert specs["rasa"].command[specs["rasa"].command.index("-i") + 1] == "0.0.0.0"
    endpoints = yaml.safe_load((every.var_dir / "run" / "endpoints.yml").read_text())
    assert endpoints["action_endpoint"]["url"] == "http://127.0.0.1:6155/webhook"
    assert specs["console"].env["PAKN_ACTIONS_HEALTH_URL"] == "http://127.0.0.1:6155"
    assert specs["console"].env["PAKN_RASA_URL"] == f"http://127.0.0.1:{every.rasa_port}"


def test_each_process_gets_only_the_secrets_it_reads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The channel secret and the Rasa token only to the edges (the console and the bot),
    the action server's token only to it; the signing key to every product process (the
    intake services sign rating and file links); Rasa gets its three."""
    monkeypatch.setenv("PAKN_SECRET_KEY", "exported" * 4)  # Rasa inherits os.environ
    secrets = {**FLEET, "PAKN_ACTIONS_TOKEN": "a" * 24}
    configured = {**secrets, "PAKN_SMTP_HOST": "smtp.x", "PAKN_IMAP_HOST": "imap.x"}
    settings = _settings(tmp_path, TELEGRAM_BOT_TOKEN="1:t", **configured)
    # what the children would inherit (the Redis URL is the Rasa servers' only)
    inherited = {**configured, "PAKN_REDIS_URL": "redis://:pw@redis.internal:6379/1"}
    specs = {s.name: s for s in plan(settings, tmp_path / "m.tar.gz", env=inherited)}
    assert list(specs) == ["actions", "rasa", "console", "telegram", "mail", "delivery"]
    names = ("PAKN_SECRET_KEY", "PAKN_RASA_TOKEN", "PAKN_ACTIONS_TOKEN",
             "PAKN_CHANNEL_SECRET")
    held = {name: {n for n in names if n in spec.env} for name, spec in specs.items()}
    assert held == {
        "console": {"PAKN_SECRET_KEY", "PAKN_RASA_TOKEN", "PAKN_CHANNEL_SECRET"},
        "telegram": {"PAKN_SECRET_KEY", "PAKN_RASA_TOKEN", "PAKN_CHANNEL_SECRET"},
        "actions": {"PAKN_SECRET_KEY", "PAKN_ACTIONS_TOKEN"},
        "mail": {"PAKN_SECRET_KEY"}, "delivery": {"PAKN_SECRET_KEY"},
        "rasa": {"PAKN_RASA_TOKEN", "PAKN_ACTIONS_TOKEN", "PAKN_CHANNEL_SECRET"}}, held
    assert all(specs[name].env[n] == secrets[n] for name in specs for n in held[name])
    assert not any("PAKN_REDIS_URL" in specs[name].env
                   for name in ("console", "telegram", "actions", "mail", "delivery"))


def test_a_subset_starts_only_its_processes(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAKN_ACTIONS_HEALTH_URL", "http://127.0.0.1:1")  # inherited: dropped
    servers = "http://10.0.0.5:5005,http://10.0.0.6:5005"
    settings = _settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RASA_URLS=servers,
                         PAKN_RUN_ROLES="console,delivery,mail", PAKN_SMTP_HOST="smtp.x",
                         PAKN_IMAP_HOST="imap.x", **FLEET)
    roles = checked_run_roles(settings)
    specs = plan(settings, tmp_path / "no-model-needed.tar.gz", roles=roles)  # os.environ
    assert _names(specs) == ["console", "mail", "delivery"]
    assert specs[0].env["PAKN_RASA_URLS"] == servers
    assert "PAKN_ACTIONS_HEALTH_URL" not in specs[0].env
    assert not (settings.var_dir / "run" / "endpoints.yml").exists()  # no Rasa here
    # the default (every role) is today's plan: assistant, console, then the optional ones
    default = _settings(tmp_path, PAKN_SMTP_HOST="smtp.x")
    assert _names(plan(default, tmp_path / "m.tar.gz")) == ["actions", "rasa", "console",
                                                             "delivery"]


def test_a_named_role_that_would_start_nothing_is_reported(tmp_path: Path) -> None:
    settings = _settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RUN_ROLES="telegram,mail,"
                         "delivery", PAKN_RASA_URLS="http://10.0.0.5:5005", **FLEET)
    missing = idle_roles(settings, checked_run_roles(settings), {})
    assert missing == ["telegram needs TELEGRAM_BOT_TOKEN",
                       "mail needs PAKN_IMAP_HOST (or PAKN_MAIL_ROLES=ingest for ingest "
                       "workers only)", "delivery needs PAKN_SMTP_HOST or TELEGRAM_BOT_TOKEN"]
    ingest = idle_roles(settings, checked_run_roles(settings), {"PAKN_MAIL_ROLES": "ingest"})
    assert not any(m.startswith("mail") for m in ingest)
    # unset roles: optional processes stay optional (one 'not started' line each)
    assert idle_roles(_settings(tmp_path), checked_run_roles(_settings(tmp_path)), {}) == []


def test_the_notes_of_a_subset_are_its_roles_and_their_optional_processes(
        tmp_path: Path) -> None:
    env = {"PAKN_DATABASE_URL": PG, "PAKN_RUN_ROLES": "console,delivery",
           "PAKN_RASA_URLS": "http://10.0.0.5:5005", "TELEGRAM_BOT_TOKEN": "1:t", **FLEET}
    settings = _settings(tmp_path, **env)
    notes = role_notes(settings, checked_run_roles(settings))
    # the dispatcher's missing SMTP server is said; the mailbox and the bot, another
    # machine's roles, are not
    assert notes == ["roles on this machine (PAKN_RUN_ROLES): console, delivery",
                     "delivery: no SMTP server (set PAKN_SMTP_HOST): e-mail waits in the "
                     "outbox"]


def _pakn_run(home: Path, var: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``pakn run`` with ``home`` as PAKN_HOME, none of this shell's PAKN_/TELEGRAM_
    settings, and a PostgreSQL URL where nothing listens (a check made after connecting
    would fail there, not be refused)."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("PAKN_", "TELEGRAM_"))}
    database = f"postgresql+psycopg://pakn@127.0.0.1:{free_port()}/pakn"
    return subprocess.run(
        [sys.executable, "-m", "intake.runner"], cwd=ROOT, capture_output=True, text=True,
        timeout=120, stdin=subprocess.DEVNULL,
        env={**clean, "PAKN_HOME": str(home), "PAKN_VAR_DIR": str(var),
             "PAKN_DATABASE_URL": database, **env})


@pytest.mark.parametrize(("env", "named"), [
    ({"PAKN_RUN_ROLES": "console,dispatcher"}, "PAKN_RUN_ROLES: unknown role(s) dispatcher"),
    ({"PAKN_RUN_ROLES": ""}, "PAKN_RUN_ROLES is set but names no role"),
    ({"PAKN_RUN_ROLES": "console"}, "PAKN_RUN_ROLES=console runs no Rasa server here"),
    ({"PAKN_RUN_ROLES": "rasa"}, "rasa and actions run together"),
    ({"PAKN_RUN_ROLES": "telegram", "PAKN_RASA_URLS": "http://10.0.0.5:5005", **FLEET},
     "telegram needs TELEGRAM_BOT_TOKEN"),
    ({"PAKN_RUN_ROLES": "console", "PAKN_RASA_URLS": "http://10.0.0.5:5005", **SECRETS,
      "PAKN_RAW_STORE": "db"}, "PAKN_RUN_ROLES=console needs PAKN_SECRET_KEY"),
    ({"PAKN_RUN_ROLES": "mail", "PAKN_IMAP_HOST": "127.0.0.1"},
     "PAKN_RUN_ROLES=mail needs PAKN_RAW_STORE=db"),
    ({"PAKN_RUN_ROLES": "rasa,actions", "PAKN_RASA_URLS": "http://10.0.0.12:5005",
      "PAKN_REDIS_URL": "redis://127.0.0.1:6379/1"},
     "PAKN_REDIS_URL names this machine's loopback"),
    ({"PAKN_ASSISTANT_BIND": "8.8.8.8", **SECRETS},
     "PAKN_ASSISTANT_BIND=8.8.8.8 is a public address"),
    ({"PAKN_ASSISTANT_BIND": "0.0.0.0"}, "PAKN_ASSISTANT_BIND=0.0.0.0 opens the assistant"),
    ({"PAKN_ASSISTANT_BIND": "eth0"}, "PAKN_ASSISTANT_BIND: 'eth0' is not an IP address"),
])
def test_pakn_run_refuses_before_anything_starts(tmp_path: Path, env: dict[str, str],
                                                 named: str, _no_repository_pakn_env: Path
                                                 ) -> None:
    var = tmp_path / "var"
    done = _pakn_run(_no_repository_pakn_env, var, env)
    assert done.returncode == 2, done.stderr[-2000:]
    assert named in done.stderr and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert not var.exists()  # no secret generated, no endpoints written, nothing pruned


def test_mail_roles_written_in_pakn_env_count_like_exported_ones(
        tmp_path: Path, _no_repository_pakn_env: Path) -> None:
    """``pakn.env`` is configuration like the environment: a bad PAKN_MAIL_ROLES there
    is refused too (it used to be read from the environment only, and silently ignored)."""
    home = _no_repository_pakn_env
    (home / "pakn.env").write_text("PAKN_MAIL_ROLES=fetch,poll\n", encoding="utf-8")
    var = tmp_path / "var"
    done = _pakn_run(home, var, {"PAKN_IMAP_HOST": "127.0.0.1"})
    assert done.returncode == 2, done.stderr[-2000:]
    assert "PAKN_MAIL_ROLES: unknown role(s) poll" in done.stderr, done.stderr[-2000:]
    assert not var.exists()
