"""A real TLS-enabled PostgreSQL for the TLS tests: the system's server (Debian
``postgresql``, installed by scripts/system-deps.sh) in a temporary directory, with a CA,
a server certificate for ``localhost``/127.0.0.1 and a client certificate made here with
``cryptography``. As root, the server runs as the ``postgres`` system user (PostgreSQL
refuses to run as root)."""

from __future__ import annotations

import datetime as dt
import glob
import ipaddress
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def system_pg_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/<major>/bin`` with initdb, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _key():
    return ec.generate_private_key(ec.SECP256R1())


def _cert(subject: str, key, issuer_cert=None, issuer_key=None, *, ca=False, names=(), ips=()):
    now = dt.datetime.now(dt.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_cert.subject if issuer_cert else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if names or ips:
        alt = [x509.DNSName(n) for n in names] + [x509.IPAddress(ipaddress.ip_address(i)) for i in ips]
        builder = builder.add_extension(x509.SubjectAlternativeName(alt), critical=False)
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    return builder.sign(issuer_key or key, hashes.SHA256())


def _write(path: Path, cert=None, key=None) -> Path:
    data = b""
    if cert is not None:
        data += cert.public_bytes(serialization.Encoding.PEM)
    if key is not None:
        data += key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    path.write_bytes(data)
    path.chmod(0o600)
    return path


@dataclass
class TlsServer:
    """A running TLS server: connect as ``postgres`` to ``127.0.0.1:port``; ``ca`` signs the
    server certificate (``localhost``, 127.0.0.1) and ``client_cert``/``client_key`` (CN
    ``postgres``); ``other_ca`` signs nothing. Database ``certdb`` requires a client
    certificate; every other database trusts any TLS connection."""

    port: int
    ca: Path
    other_ca: Path
    client_cert: Path
    client_key: Path
    base: Path

    def url(self, database: str = "postgres", host: str = "127.0.0.1", **query: str) -> str:
        """A libpq URL of ``database``; extra libpq parameters go into the query."""
        q = "&".join(f"{k}={v}" for k, v in query.items())
        return f"postgresql://postgres@{host}:{self.port}/{database}" + (f"?{q}" if q else "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_tls_server(bin_dir: Path) -> tuple[TlsServer, callable]:
    """Initialise and start a TLS server; returns it and a function that stops it and
    removes its directory.

    Raises:
        RuntimeError: initdb or pg_ctl failed (the message holds their output).
    """
    base = Path(tempfile.mkdtemp(prefix="boxoffice-tls-"))
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    server_dir = base / "server"
    server_dir.mkdir()
    data = server_dir / "data"
    ca_key, other_key, server_key, client_key = _key(), _key(), _key(), _key()
    ca = _cert("boxoffice test venue CA", ca_key, ca=True)
    other = _cert("some other CA", other_key, ca=True)
    server = _cert("localhost", server_key, ca, ca_key, names=["localhost"], ips=["127.0.0.1"])
    client = _cert("postgres", client_key, ca, ca_key)
    if owner:
        os.chown(base, owner.pw_uid, owner.pw_gid)
        os.chown(server_dir, owner.pw_uid, owner.pw_gid)

    def run(*cmd: str) -> None:
        done = subprocess.run([*run_as, *cmd], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {done.stdout}{done.stderr}")

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
    certs = {
        "server.crt": _write(base / "server.crt", server),
        "server.key": _write(base / "server.key", key=server_key),
        "ca.crt": _write(base / "ca-for-server.crt", ca),
    }
    for name, src in certs.items():
        shutil.copy(src, data / name)
        (data / name).chmod(0o600)
        if owner:
            os.chown(data / name, owner.pw_uid, owner.pw_gid)
    port = _free_port()
    with open(data / "postgresql.conf", "a") as conf:
        conf.write(
            f"\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{server_dir}'\n"
            "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\nssl_ca_file = 'ca.crt'\n"
            "fsync = off\n"
        )
    (data / "pg_hba.conf").write_text(
        "local all all trust\n"
        "hostssl certdb all 127.0.0.1/32 cert\n"
        "hostssl all all 127.0.0.1/32 trust\n"
        "hostnossl all all 127.0.0.1/32 reject\n"
    )
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(server_dir / "log"), "-w", "-t", "60", "start")
    srv = TlsServer(
        port=port,
        ca=_write(base / "ca.crt", ca),
        other_ca=_write(base / "other-ca.crt", other),
        client_cert=_write(base / "client.crt", client),
        client_key=_write(base / "client.key", key=client_key),
        base=base,
    )

    def stop() -> None:
        subprocess.run(
            [*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(base, ignore_errors=True)

    return srv, stop


_names = itertools.count(1)


@pytest.fixture(scope="module")
def tls_server():
    """A :class:`TlsServer` for the module (skipped only where the system has no PostgreSQL)."""
    bin_dir = system_pg_bin()
    if bin_dir is None:
        pytest.skip("the system's PostgreSQL server is not installed (scripts/system-deps.sh installs it)")
    server, stop = start_tls_server(bin_dir)
    yield server
    stop()


@pytest.fixture
def database(tls_server) -> str:
    """A fresh, empty database on the TLS server; yields its name."""
    name = f"tls_{next(_names)}"
    with psycopg.connect(tls_server.url(sslmode="require"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(tls_server.url(sslmode="require"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
