"""A throwaway PostgreSQL cluster for tests (Debian's ``postgresql`` package).

PostgreSQL refuses to run as root. As root the cluster is created and run by the
``postgres`` user (``runuser -u postgres --``) in a temporary directory that user owns;
as any other user it runs as that user. It listens on 127.0.0.1 on a free port (and a
Unix socket in the temp dir, never the system one), trusts local connections, trades
durability for speed (``fsync=off``), and is stopped and deleted on exit.

    with postgres_server(databases=["rasa"]) as pg:
        pg.url()          # postgresql+psycopg://postgres@127.0.0.1:PORT/postgres
        pg.url("rasa")    # the extra database
        pg.create_database("other")
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.harness.ports import free_port

SERVICE_USER = "postgres"
START_ATTEMPTS = 3


class PostgresUnavailableError(RuntimeError):
    """The PostgreSQL server binaries (initdb, pg_ctl) are not installed."""


class PostgresStartError(RuntimeError):
    """The throwaway cluster could not be created or started (the message has the log)."""


def find_pg_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with ``initdb`` and ``pg_ctl``.

    ``PAKN_PG_BIN`` overrides; otherwise ``initdb`` on PATH is a last resort.
    """
    override = os.environ.get("PAKN_PG_BIN")
    candidates: list[Path] = [Path(override)] if override else []
    versions = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if p.parent.name.isdigit()]
    candidates += sorted(versions, key=lambda p: int(p.parent.name), reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for directory in candidates:
        if (directory / "initdb").is_file() and (directory / "pg_ctl").is_file():
            return directory
    return None


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {path})"


@dataclass
class PostgresServer:
    """A running throwaway cluster: connection URLs and database creation."""

    port: int
    directory: Path
    host: str = "127.0.0.1"
    user: str = SERVICE_USER

    @property
    def data_dir(self) -> Path:
        """The cluster's data directory."""
        return self.directory / "data"

    @property
    def log_path(self) -> Path:
        """The server's log file."""
        return self.directory / "postgres.log"

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL (psycopg 3 driver) of ``database`` on this server."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create database ``name`` (UTF-8) and return its SQLAlchemy URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(
                    sql.Identifier(name)
                )
            )
        return self.url(name)


def _as_owner(command: list[str]) -> list[str]:
    """Run ``command`` as the postgres user when we are root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", SERVICE_USER, "--", *command]
    return command


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _as_owner(command),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _make_directory() -> Path:
    directory = Path(tempfile.mkdtemp(prefix="pakn-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam(SERVICE_USER)
        except KeyError as exc:
            shutil.rmtree(directory, ignore_errors=True)
            raise PostgresUnavailableError(
                f"running as root but there is no '{SERVICE_USER}' user to run PostgreSQL"
            ) from exc
        os.chown(directory, owner.pw_uid, owner.pw_gid)
    return directory


def _initdb(bin_dir: Path, directory: Path) -> None:
    base = [str(bin_dir / "initdb"), "-D", str(directory / "data"), "-A", "trust",
            "-U", SERVICE_USER, "-E", "UTF8", "--no-sync"]
    # C.UTF-8 classifies Vietnamese letters (lower()/upper() work on them); fall back to
    # the plain C locale where it is not available.
    result = _run([*base, "--locale=C.UTF-8"], directory)
    if result.returncode != 0:
        shutil.rmtree(directory / "data", ignore_errors=True)
        result = _run([*base, "--no-locale"], directory)
    if result.returncode != 0:
        raise PostgresStartError(f"initdb failed:\n{result.stdout}\n{result.stderr}")


def _start(bin_dir: Path, server: PostgresServer) -> None:
    options = " ".join([
        f"-p {server.port}",
        f"-k {server.directory}",
        f"-c listen_addresses={server.host}",
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=200",
    ])
    result = _run(
        [str(bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-o", options,
         "-l", str(server.log_path), "-w", "-t", "60", "start"],
        server.directory,
    )
    if result.returncode != 0:
        raise PostgresStartError(
            f"pg_ctl start failed (port {server.port}):\n{result.stdout}{result.stderr}\n"
            f"--- {server.log_path} ---\n{_tail(server.log_path)}"
        )


def _stop(bin_dir: Path, server: PostgresServer) -> None:
    result = _run(
        [str(bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-m", "fast", "-w", "-t", "30",
         "stop"],
        server.directory,
    )
    if result.returncode == 0:
        return
    pid_file = server.data_dir / "postmaster.pid"
    with contextlib.suppress(OSError, ValueError, IndexError):
        pid = int(pid_file.read_text().splitlines()[0])
        os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def postgres_server(databases: Sequence[str] = ()) -> Iterator[PostgresServer]:
    """Start a throwaway cluster, create ``databases`` in it, and yield it.

    Raises :class:`PostgresUnavailableError` when the binaries are missing and
    :class:`PostgresStartError` when the cluster does not start. The cluster is stopped
    and its directory deleted on exit.
    """
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise PostgresUnavailableError(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin "
            "(install with: scripts/install-system-deps.sh, or apt-get install postgresql)"
        )
    directory = _make_directory()
    server: PostgresServer | None = None
    try:
        _initdb(bin_dir, directory)
        for attempt in range(1, START_ATTEMPTS + 1):
            candidate = PostgresServer(port=free_port(), directory=directory)
            try:
                _start(bin_dir, candidate)
            except PostgresStartError as exc:
                # Another process may have taken the port between free_port() and start.
                in_use = re.search(r"could not bind|already in use", str(exc), re.IGNORECASE)
                if attempt == START_ATTEMPTS or not in_use:
                    raise
                continue
            server = candidate
            break
        assert server is not None
        for name in databases:
            server.create_database(name)
        yield server
    finally:
        if server is not None:
            _stop(bin_dir, server)
        shutil.rmtree(directory, ignore_errors=True)


@contextlib.contextmanager
def throwaway_postgres(databases: Sequence[str] = ()) -> Iterator[str]:
    """Like :func:`postgres_server` but yields the URL of the ``postgres`` database."""
    with postgres_server(databases) as server:
        yield server.url()
