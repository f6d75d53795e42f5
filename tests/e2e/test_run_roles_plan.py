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
from intake.run_roles import RunRolesError, checked_run_roles
from intake.runner import idle_roles, plan, role_notes
from tests.harness.ports import free_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
PG = "postgresql+psycopg://pakn@db.internal:5432/pakn"  # never reached by these tests
SECRETS = {"PAKN_RASA_TOKEN": "r" * 24, "PAKN_CHANNEL_SECRET": "c" * 24}


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
                           PAKN_RASA_URLS="http://10.0.0.5:5005", **SECRETS),
                 "rasa and actions run together")


def test_an_edge_without_rasa_here_needs_the_servers_and_their_secrets(
        tmp_path: Path) -> None:
    base = {"PAKN_DATABASE_URL": PG, "PAKN_RUN_ROLES": "console,delivery"}
    _refused(_settings(tmp_path, **base), "runs no Rasa server here: set PAKN_RASA_URLS")
    _refused(_settings(tmp_path, **base, PAKN_RASA_URLS="http://10.0.0.5:5005"),
             "set PAKN_RASA_TOKEN and PAKN_CHANNEL_SECRET to their values")
    _refused(_settings(tmp_path, **base, PAKN_RASA_URLS="http://10.0.0.5:5005",
                       PAKN_RASA_TOKEN="r" * 24), "set PAKN_CHANNEL_SECRET to")
    roles = checked_run_roles(_settings(tmp_path, **base, **SECRETS,
                                        PAKN_RASA_URLS="http://10.0.0.5:5005"))
    assert roles.roles == {"console", "delivery"}
    # PAKN_RASA_URL naming another machine is enough too, and PAKN_RASA_URLS naming this
    # one (the assistant in another pakn run on the same machine)
    assert checked_run_roles(_settings(tmp_path, **base, **SECRETS,
                                       PAKN_RASA_URL="http://10.0.0.5:5005")).explicit
    assert checked_run_roles(_settings(tmp_path, **base, **SECRETS,
                                       PAKN_RASA_URLS="http://127.0.0.1:5005")).explicit


def test_the_bind_address_is_checked_and_a_non_loopback_one_needs_the_secrets(
        tmp_path: Path) -> None:
    for bad in ("assistant.internal", "10.0.0.300", "0.0.0.0; rm"):
        _refused(_settings(tmp_path, PAKN_ASSISTANT_BIND=bad),
                 "PAKN_ASSISTANT_BIND: .* is not an IP address")
    for wide in ("0.0.0.0", "10.0.0.5", "::"):
        _refused(_settings(tmp_path, PAKN_ASSISTANT_BIND=wide),
                 f"PAKN_ASSISTANT_BIND={wide} opens the assistant to other machines: "
                 "set PAKN_RASA_TOKEN and PAKN_CHANNEL_SECRET")
        assert checked_run_roles(_settings(tmp_path, PAKN_ASSISTANT_BIND=wide, **SECRETS))
    assert checked_run_roles(_settings(tmp_path, PAKN_ASSISTANT_BIND="127.0.0.2"))


def _names(specs: list) -> list[str]:  # type: ignore[type-arg]
    return [spec.name for spec in specs]


def test_the_assistant_machine_listens_where_it_is_told_and_rasa_calls_actions_there(
        tmp_path: Path) -> None:
    settings = _settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RUN_ROLES="rasa,actions",
                         PAKN_ASSISTANT_BIND="10.0.0.5", PAKN_RASA_PORT="6100",
                         PAKN_ACTIONS_PORT="6155", **SECRETS)
    roles = checked_run_roles(settings)
    specs = {s.name: s for s in plan(settings, tmp_path / "model.tar.gz", roles=roles)}
    assert list(specs) == ["actions", "rasa"]
    rasa = specs["rasa"].command
    assert rasa[rasa.index("-i") + 1] == "10.0.0.5" and rasa[rasa.index("-p") + 1] == "6100"
    actions = specs["actions"].command
    assert actions[actions.index("--host") + 1] == "10.0.0.5"
    endpoints = yaml.safe_load((settings.var_dir / "run" / "endpoints.yml").read_text())
    assert endpoints["action_endpoint"]["url"] == "http://10.0.0.5:6155/webhook"
    # every address: the processes here reach each other on loopback
    every = _settings(tmp_path, PAKN_ASSISTANT_BIND="0.0.0.0", PAKN_ACTIONS_PORT="6155",
                      **SECRETS)
    specs = {s.name: s for s in plan(every, tmp_path / "model.tar.gz")}
    assert specs["rasa"].command[specs["rasa"].command.index("-i") + 1] == "0.0.0.0"
    endpoints = yaml.safe_load((every.var_dir / "run" / "endpoints.yml").read_text())
    assert endpoints["action_endpoint"]["url"] == "http://127.0.0.1:6155/webhook"
    assert specs["console"].env["PAKN_ACTIONS_HEALTH_URL"] == "http://127.0.0.1:6155"
    assert specs["console"].env["PAKN_RASA_URL"] == f"http://127.0.0.1:{every.rasa_port}"


def test_a_subset_starts_only_its_processes(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAKN_ACTIONS_HEALTH_URL", "http://127.0.0.1:1")  # inherited: dropped
    servers = "http://10.0.0.5:5005,http://10.0.0.6:5005"
    settings = _settings(tmp_path, PAKN_DATABASE_URL=PG, PAKN_RASA_URLS=servers,
                         PAKN_RUN_ROLES="console,delivery,mail", PAKN_SMTP_HOST="smtp.x",
                         PAKN_IMAP_HOST="imap.x", **SECRETS)
    roles = checked_run_roles(settings)
    specs = plan(settings, tmp_path / "no-model-needed.tar.gz", roles=roles)
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
                         "delivery", PAKN_RASA_URLS="http://10.0.0.5:5005", **SECRETS)
    missing = idle_roles(settings, checked_run_roles(settings), {})
    assert missing == ["telegram needs TELEGRAM_BOT_TOKEN",
                       "mail needs PAKN_IMAP_HOST (or PAKN_MAIL_ROLES=ingest for ingest "
                       "workers only)", "delivery needs PAKN_SMTP_HOST or TELEGRAM_BOT_TOKEN"]
    ingest = idle_roles(settings, checked_run_roles(settings), {"PAKN_MAIL_ROLES": "ingest"})
    assert not any(m.startswith("mail") for m in ingest)
    # unset roles: optional processes stay optional (one 'not started' line each)
    assert idle_roles(_settings(tmp_path), checked_run_roles(_settings(tmp_path)), {}) == []


def test_a_console_of_several_is_told_about_its_signing_key(tmp_path: Path) -> None:
    env = {"PAKN_DATABASE_URL": PG, "PAKN_RUN_ROLES": "console",
           "PAKN_RASA_URLS": "http://10.0.0.5:5005", **SECRETS}
    settings = _settings(tmp_path, **env)
    notes = role_notes(settings, checked_run_roles(settings))
    assert notes[0] == "roles on this machine (PAKN_RUN_ROLES): console"
    assert "PAKN_SECRET_KEY is not set" in notes[1]
    keyed = _settings(tmp_path, **env, PAKN_SECRET_KEY="k" * 24)
    assert len(role_notes(keyed, checked_run_roles(keyed))) == 1


@pytest.mark.parametrize(("env", "named"), [
    ({"PAKN_RUN_ROLES": "console,dispatcher"}, "PAKN_RUN_ROLES: unknown role(s) dispatcher"),
    ({"PAKN_RUN_ROLES": ""}, "PAKN_RUN_ROLES is set but names no role"),
    ({"PAKN_RUN_ROLES": "console"}, "PAKN_RUN_ROLES=console runs no Rasa server here"),
    ({"PAKN_RUN_ROLES": "rasa"}, "rasa and actions run together"),
    ({"PAKN_RUN_ROLES": "telegram", "PAKN_RASA_URLS": "http://10.0.0.5:5005", **SECRETS},
     "telegram needs TELEGRAM_BOT_TOKEN"),
    ({"PAKN_ASSISTANT_BIND": "0.0.0.0"}, "PAKN_ASSISTANT_BIND=0.0.0.0 opens the assistant"),
    ({"PAKN_ASSISTANT_BIND": "eth0"}, "PAKN_ASSISTANT_BIND: 'eth0' is not an IP address"),
])
def test_pakn_run_refuses_before_anything_starts(tmp_path: Path, env: dict[str, str],
                                                 named: str) -> None:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("PAKN_", "TELEGRAM_"))}
    var = tmp_path / "var"
    # PostgreSQL where nothing listens: a check after a connection would fail otherwise
    database = f"postgresql+psycopg://pakn@127.0.0.1:{free_port()}/pakn"
    done = subprocess.run(
        [sys.executable, "-m", "intake.runner"], cwd=ROOT, capture_output=True, text=True,
        timeout=120, stdin=subprocess.DEVNULL,
        env={**clean, "PAKN_VAR_DIR": str(var), "PAKN_DATABASE_URL": database, **env})
    assert done.returncode == 2, done.stderr[-2000:]
    assert named in done.stderr and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert not var.exists()  # no secret generated, no endpoints written, nothing pruned


def test_mail_roles_written_in_pakn_env_count_like_exported_ones(tmp_path: Path) -> None:
    """``pakn.env`` is configuration like the environment: a bad PAKN_MAIL_ROLES there
    is refused too (it used to be read from the environment only, and silently ignored)."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "pakn.env").write_text("PAKN_MAIL_ROLES=fetch,poll\n", encoding="utf-8")
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("PAKN_", "TELEGRAM_"))}
    var = tmp_path / "var"
    database = f"postgresql+psycopg://pakn@127.0.0.1:{free_port()}/pakn"
    done = subprocess.run(
        [sys.executable, "-m", "intake.runner"], cwd=ROOT, capture_output=True, text=True,
        timeout=120, stdin=subprocess.DEVNULL,
        env={**clean, "PAKN_HOME": str(home), "PAKN_VAR_DIR": str(var),
             "PAKN_DATABASE_URL": database, "PAKN_IMAP_HOST": "127.0.0.1"})
    assert done.returncode == 2, done.stderr[-2000:]
    assert "PAKN_MAIL_ROLES: unknown role(s) poll" in done.stderr, done.stderr[-2000:]
    assert not var.exists()
