"""A throwaway Dovecot IMAP server for tests (Debian's ``dovecot-imapd``).

Started with its own configuration in a temp dir (the settings verified in
``../shared/DESIGN.md``): loopback, a free port, no TLS by default (``ssl="yes"``:
STARTTLS on the plain port; ``ssl="required"``: also an implicit-TLS port, and no login
without TLS; both with a certificate from ``make_tls_files``), plaintext auth allowed, users in
a ``passwd-file`` with ``{PLAIN}`` passwords, Maildir under the temp dir owned by the
``dovecot`` user (Dovecot refuses to run its login process as root), base and state
directories in the temp dir. Stopped and deleted on exit.

    with dovecot_server(users={"hotline": "secret"}) as imap:
        imap.port, imap.client("hotline")   # a logged-in IMAPClient
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from imapclient import IMAPClient

from tests.harness.ports import free_port, is_listening

DOVECOT = "/usr/sbin/dovecot"
MAIL_USER = "dovecot"
LOGIN_USER = "dovenull"


class DovecotUnavailableError(RuntimeError):
    """The dovecot binary (or its service users) is not installed."""


class DovecotStartError(RuntimeError):
    """Dovecot did not start (the message has its log)."""


@dataclass(frozen=True)
class TlsFiles:
    """A test CA and a server certificate it signed (for 127.0.0.1 and localhost)."""

    ca: Path
    cert: Path
    key: Path

    def context(self) -> ssl.SSLContext:
        """A client context trusting only this CA."""
        return ssl.create_default_context(cafile=str(self.ca))


def make_tls_files(directory: Path, name: str = "test") -> TlsFiles:
    """Create a CA and a server certificate signed by it with ``openssl`` in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    ca_key, ca = directory / f"{name}-ca.key", directory / f"{name}-ca.pem"
    key, csr, cert = (directory / f"{name}-server.key", directory / f"{name}-server.csr",
                      directory / f"{name}-server.pem")
    ext = directory / f"{name}-server.ext"
    ext.write_text("subjectAltName = IP:127.0.0.1, DNS:localhost\n"
                   "basicConstraints = critical, CA:FALSE\n"
                   "keyUsage = critical, digitalSignature, keyEncipherment\n"
                   "extendedKeyUsage = serverAuth\n"
                   "authorityKeyIdentifier = keyid\nsubjectKeyIdentifier = hash\n")
    run = [("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout",
            str(ca_key), "-out", str(ca), "-subj", f"/CN=PAKN {name} test CA",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign"),
           ("req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(csr),
            "-subj", "/CN=127.0.0.1"),
           ("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key),
            "-CAcreateserial", "-days", "2", "-out", str(cert), "-extfile", str(ext))]
    for args in run:
        subprocess.run(["openssl", *args], check=True, capture_output=True)
    for path in (ca, cert, key):
        path.chmod(0o644)
    return TlsFiles(ca, cert, key)


@dataclass
class DovecotServer:
    """A running Dovecot: where it listens and who may log in."""

    port: int
    directory: Path
    users: dict[str, str] = field(default_factory=dict)
    host: str = "127.0.0.1"
    process: subprocess.Popen[bytes] | None = None
    ssl: str = "no"
    tls_port: int | None = None
    tls: TlsFiles | None = None

    @property
    def log_path(self) -> Path:
        """Dovecot's log file."""
        return self.directory / "dovecot.log"

    def client(self, user: str, timeout: float = 30) -> IMAPClient:
        """A logged-in IMAP client for ``user`` (STARTTLS when the server requires TLS)."""
        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=timeout)
        if self.ssl == "required" and self.tls is not None:
            client.starttls(self.tls.context())
        client.login(user, self.users[user])
        return client

    def append(self, user: str, messages: list[bytes], folder: str = "INBOX") -> None:
        """APPEND ``messages`` to ``folder`` of ``user`` over one connection."""
        with self.client(user) as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            for message in messages:
                client.append(folder, message)

    def count(self, user: str, folder: str) -> int:
        """How many messages ``folder`` holds."""
        with self.client(user) as client:
            if not client.folder_exists(folder):
                return 0
            status = client.folder_status(folder, [b"MESSAGES"])
            return int(status[b"MESSAGES"])


def _ssl_config(server: DovecotServer) -> str:
    if server.ssl == "no" or server.tls is None:
        return "ssl = no\ndisable_plaintext_auth = no"
    return (f"ssl = {server.ssl}\nssl_cert = <{server.tls.cert}\nssl_key = <{server.tls.key}\n"
            f"disable_plaintext_auth = {'yes' if server.ssl == 'required' else 'no'}")


def _config(directory: Path, port: int, server: DovecotServer) -> str:
    mail_uid = pwd.getpwnam(MAIL_USER)
    return f"""
protocols = imap
listen = 127.0.0.1
base_dir = {directory}/run
state_dir = {directory}/state
log_path = {directory}/dovecot.log
info_log_path = {directory}/dovecot.log
{_ssl_config(server)}
auth_mechanisms = plain login
default_login_user = {LOGIN_USER}
default_internal_user = {MAIL_USER}
first_valid_uid = 100
mail_location = maildir:{directory}/mail/%u
mail_fsync = never
mail_max_userip_connections = 200
protocol imap {{
  mail_max_userip_connections = 200
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {directory}/users
}}
userdb {{
  driver = static
  args = uid={mail_uid.pw_uid} gid={mail_uid.pw_gid} home={directory}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {server.tls_port or 0}
    ssl = yes
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


def _prepare(users: Mapping[str, str]) -> Path:
    if not Path(DOVECOT).is_file():
        raise DovecotUnavailableError(
            f"{DOVECOT} not found (install with scripts/install-system-deps.sh: dovecot-imapd)")
    try:
        owner = pwd.getpwnam(MAIL_USER)
        pwd.getpwnam(LOGIN_USER)
    except KeyError as exc:
        raise DovecotUnavailableError(f"service user missing: {exc}") from exc
    directory = Path(tempfile.mkdtemp(prefix="pakn-dovecot-"))
    directory.chmod(0o755)
    (directory / "mail").mkdir()
    (directory / "users").write_text(
        "".join(f"{user}:{{PLAIN}}{password}\n" for user, password in users.items()))
    (directory / "users").chmod(0o644)
    if os.geteuid() == 0:
        os.chown(directory / "mail", owner.pw_uid, owner.pw_gid)
    return directory


def _wait_listening(server: DovecotServer, timeout: float = 20,
                    port: int | None = None) -> None:
    port = port or server.port
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process is not None and server.process.poll() is not None:
            break
        if is_listening(port):
            return
        time.sleep(0.05)
    log = server.log_path.read_text(errors="replace") if server.log_path.exists() else ""
    raise DovecotStartError(f"dovecot did not listen on {port}:\n{log[-3000:]}")


@contextlib.contextmanager
def dovecot_server(users: Mapping[str, str] | None = None, ssl: str = "no",
                   tls: TlsFiles | None = None) -> Iterator[DovecotServer]:
    """Start Dovecot in the foreground with its own config; stop and delete on exit.

    ``ssl``: ``"no"``; ``"yes"`` (STARTTLS offered on ``port``, plain login allowed);
    ``"required"`` (STARTTLS on ``port`` and implicit TLS on ``tls_port``, login only
    over TLS). ``tls`` is the certificate (one is made in the temp dir if not given).
    """
    if ssl not in ("no", "yes", "required"):
        raise ValueError(f"ssl must be no, yes or required, not {ssl!r}")
    users = dict(users or {"hotline": "hotline-secret"})
    directory = _prepare(users)
    server = DovecotServer(port=free_port(), directory=directory, users=users, ssl=ssl)
    if ssl != "no":
        server.tls = tls or make_tls_files(directory / "tls")
        server.tls_port = free_port()
    config = directory / "dovecot.conf"
    config.write_text(_config(directory, server.port, server))
    try:
        server.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=open(directory / "stderr.log", "wb"))  # noqa: SIM115
        _wait_listening(server)
        if server.tls_port is not None:
            _wait_listening(server, port=server.tls_port)
        yield server
    finally:
        if server.process is not None and server.process.poll() is None:
            server.process.terminate()
            try:
                server.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.process.kill()
                server.process.wait()
        shutil.rmtree(directory, ignore_errors=True)
