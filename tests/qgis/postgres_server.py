"""A throw-away PostgreSQL + PostGIS server for the tests: Debian's packages, a temp dir, a free port.

Debian installs the server binaries under ``/usr/lib/postgresql/<version>/bin`` (15 on
bookworm, 17 on trixie) and PostGIS as ``postgresql-<version>-postgis-3``; the newest version
that has PostGIS is used. PostgreSQL refuses to run as root (the CI runs the tests as root in a
chroot), so then ``initdb`` and ``pg_ctl`` run as the ``postgres`` system user that the
Debian packages create (Python switches the user: no su/runuser needed), in a directory
handed to that user. Anything missing is an error that
names what to install: these tests are never skipped.
"""
from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PACKAGES_HINT = "install the Debian packages postgresql and postgresql-<version>-postgis-3 (scripts/install_system_packages.sh)"


class ServerError(RuntimeError):
    pass


def _version(path):
    match = re.search(r"/postgresql/(\d+)/", path)
    return int(match.group(1)) if match else 0


def server_binaries():
    """The bin directory of the newest PostgreSQL that has PostGIS, else a ServerError naming the packages."""
    found = []
    for initdb in glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        version = _version(initdb)
        if glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"):
            found.append((version, Path(initdb).parent))
    if not found:
        versions = sorted(_version(path) for path in glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        raise ServerError(f"No PostgreSQL server with PostGIS found (server versions: {versions or 'none'}): "
                          + PACKAGES_HINT)
    return max(found)[1]


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """``start()`` a cluster in a temp dir on a free port (trust authentication, 127.0.0.1 only); ``stop()`` removes it."""

    def __init__(self, database="sozialraum"):
        self.database = database
        self.bin = server_binaries()
        self.port = free_port()
        self.user = "postgres"
        self.as_root = os.geteuid() == 0
        self.directory = None

    # -- running the server's programs -----------------------------------------------------
    def _account(self):
        """Keyword arguments that run a program as the ``postgres`` system user when we are root (else none)."""
        if not self.as_root:  # postgres refuses root: run as the packages' system user
            return {}
        try:
            entry = pwd.getpwnam("postgres")
        except KeyError:
            raise ServerError("Running as root, but there is no system user 'postgres' to run the server: "
                              + PACKAGES_HINT) from None
        environment = dict(os.environ, HOME=entry.pw_dir or "/", USER="postgres", LOGNAME="postgres")
        return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": [], "env": environment}

    def _run(self, program, *args, timeout=120, check=True):
        result = subprocess.run([str(self.bin / program), *args], capture_output=True, text=True, timeout=timeout,
                                cwd="/", **self._account())
        if check and result.returncode != 0:
            raise ServerError(f"{program} failed ({result.returncode}): {result.stdout}\n{result.stderr}\n{self.log_tail()}")
        return result.stdout

    def log_tail(self):
        log = Path(self.directory or "/nonexistent") / "server.log"
        return log.read_text(errors="replace")[-3000:] if log.is_file() else ""

    # -- life cycle ------------------------------------------------------------------------
    def start(self):
        # below /tmp when root: the postgres user must reach it (a root-only TMPDIR would not do)
        self.directory = tempfile.mkdtemp(prefix="sozialraum-pg-", dir="/tmp" if self.as_root else None)
        if self.as_root:
            entry = pwd.getpwnam("postgres")
            os.chown(self.directory, entry.pw_uid, entry.pw_gid)
        data = str(Path(self.directory) / "data")
        self._run("initdb", "-D", data, "-U", self.user, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = (f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c full_page_writes=off -c synchronous_commit=off")
        self._run("pg_ctl", "-D", data, "-l", str(Path(self.directory) / "server.log"), "-w", "-t", "60", "-o", options,
                  "start")
        self.sql("postgres", f'CREATE DATABASE "{self.database}"')
        self.sql(self.database, "CREATE EXTENSION postgis")
        return self

    def stop(self):
        if self.directory is None:
            return
        data = str(Path(self.directory) / "data")
        try:
            self._run("pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "60", "stop")
        except (ServerError, subprocess.TimeoutExpired):
            self._run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", timeout=60, check=False)
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None

    # -- using it --------------------------------------------------------------------------
    def sql(self, database, statement):
        """Run ``statement`` with psql (tab-separated rows, no header); returns the output."""
        psql = shutil.which("psql") or str(self.bin / "psql")
        command = [psql, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                   "-p", str(self.port), "-U", self.user, "-d", database, "-c", statement]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise ServerError(f"psql failed: {statement}\n{result.stderr}")
        return result.stdout

    def rows(self, statement):
        return [line.split("\t") for line in self.sql(self.database, statement).splitlines() if line]

    def connection_info(self):
        return f"dbname='{self.database}' host=127.0.0.1 port={self.port} user='{self.user}' sslmode=disable"
