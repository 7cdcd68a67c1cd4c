"""A real IMAP server for the tests: Dovecot (Debian's ``dovecot-imapd``, which ``scripts/ci-services.sh``
installs) on 127.0.0.1 over TLS with a self-signed certificate made here, serving a Maildir the test fills.

It runs in the foreground (``dovecot -F``) with a configuration of its own in a temporary directory, so it
touches no system configuration and stops with the test. Run as root, Dovecot will not serve mail as uid 0,
so the Maildir then belongs to the ``dovecot`` system user.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

USER = "sam@example.org"
PASSWORD = "correct horse battery staple"
DOVECOT_PATHS = ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot")


@dataclass(frozen=True)
class Server:
    """A running server: where it listens, its certificate (to trust) and its Maildir."""

    host: str
    port: int
    certificate: Path
    maildir: Path

    @property
    def url(self) -> str:
        return f"imaps://{USER.replace('@', '%40')}@{self.host}:{self.port}/INBOX"


def dovecot() -> str | None:
    """The dovecot binary, if it is installed."""
    return shutil.which("dovecot") or next((p for p in DOVECOT_PATHS if Path(p).is_file()), None)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _config(root: Path, *, port: int, uid: int, gid: int, as_root: bool) -> str:
    import pwd

    me = pwd.getpwuid(os.getuid()).pw_name
    users = "" if as_root else f"default_login_user = {me}\ndefault_internal_user = {me}\n"
    auth = "service auth {\n  user = root\n}\n" if as_root else ""
    return f"""\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = yes
auth_mechanisms = plain
first_valid_uid = 1
{users}mail_location = maildir:{root}/Maildir:LAYOUT=fs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
{auth}"""


@contextmanager
def running(messages: list[bytes]) -> Iterator[Server]:
    """A Dovecot serving ``messages`` (unseen, in INBOX) until the block ends.

    Raises RuntimeError when it does not start within 20 seconds (its log is in the message).
    """
    binary = dovecot()
    assert binary is not None
    root = Path(tempfile.mkdtemp(prefix="afterview-imap-"))
    try:
        root.chmod(0o755)
        for sub in ("run", "state", "home", "Maildir/cur", "Maildir/new", "Maildir/tmp"):
            (root / sub).mkdir(parents=True)
        for number, data in enumerate(messages, 1):
            (root / "Maildir" / "cur" / f"{1_700_000_000 + number}.M{number}P1.corpus:2,").write_bytes(data)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem")],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n", encoding="utf-8")
        as_root = os.geteuid() == 0
        if as_root:
            import pwd

            account = pwd.getpwnam("dovecot")
            uid, gid = account.pw_uid, account.pw_gid
            for path in [root / "home", *(root / "Maildir").rglob("*"), root / "Maildir"]:
                os.chown(path, uid, gid)
        else:
            uid, gid = os.getuid(), os.getgid()
        port = _free_port()
        config = root / "dovecot.conf"
        config.write_text(_config(root, port=port, uid=uid, gid=gid, as_root=as_root), encoding="utf-8")
        process = subprocess.Popen(
            [binary, "-F", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            _wait(port, process, root)
            yield Server("127.0.0.1", port, root / "cert.pem", root / "Maildir")
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)
            if process.stderr is not None:
                process.stderr.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _wait(port: int, process: subprocess.Popen[bytes], root: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    log = (root / "dovecot.log").read_text(errors="replace") if (root / "dovecot.log").exists() else ""
    raise RuntimeError(f"dovecot did not start on port {port}: {log[-2000:]}")
