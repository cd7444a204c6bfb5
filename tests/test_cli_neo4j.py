"""The CLI with --store neo4j against a real Bolt server (ArcadeDB, or NEO4J_URI's Neo4j)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from graphbuild.cli import main
from graphbuild.stores.neo4j import Neo4jSettings

ROLES = (
    "MATCH (p:Person)-[r:ROLE_AT]->(o) RETURN p.name AS person, r.role AS role "
    "ORDER BY person, role"
)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_ingest_query_and_stats_on_neo4j(neo4j_env: Neo4jSettings, seed_dir: Path) -> None:
    first = run("--store", "neo4j", "ingest", seed_dir)
    assert first.exit_code == 0, first.stderr
    stats = json.loads(run("--store", "neo4j", "stats", "--format", "json").stdout)
    assert stats["relationships"]["ROLE_AT"] == 4
    again = run("--store", "neo4j", "ingest", seed_dir)
    assert again.exit_code == 0, again.stderr
    assert json.loads(run("--store", "neo4j", "stats", "--format", "json").stdout) == stats

    rows = json.loads(run("--store", "neo4j", "query", ROLES, "--format", "json").stdout)
    assert {"person": "Richard Teng", "role": "CEO"} in rows
    entity = run("--store", "neo4j", "query", "MATCH (n:Entity {name: $n}) RETURN n.id AS id",
                 "-p", "n=Binance", "--format", "json")  # fmt: skip
    assert json.loads(entity.stdout) == [{"id": "organization:binance"}]


def test_neo4j_query_is_read_only_and_password_stays_secret(neo4j_env: Neo4jSettings) -> None:
    refused = run("--store", "neo4j", "query", "CREATE (:Person {id: 'x', name: 'X'})")
    assert refused.exit_code == 4
    assert "--write" in refused.stderr
    secret = neo4j_env.password.get_secret_value()
    wrong = CliRunner().invoke(
        main,
        ["--store", "neo4j", "stats"],
        env={"NEO4J_PASSWORD": secret + "-wrong"},
        catch_exceptions=False,
    )
    assert wrong.exit_code == 3
    assert secret not in wrong.stderr and "Traceback" not in wrong.stderr


def test_missing_password_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    result = run("--store", "neo4j", "stats")
    assert result.exit_code == 2
    assert "NEO4J_PASSWORD" in result.stderr
