"""``graphbuild load``: the embedded store's graph copied into a real Bolt server (ArcadeDB
started by ``bolt_server``, or the Neo4j 5 named by ``NEO4J_URI``)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bolt_server import empty_database
from click.testing import CliRunner, Result
from graph_dump import dump
from handmade import seed_store

from graphbuild.cli import main
from graphbuild.errors import StoreNotFoundError
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema
from graphbuild.stores.base import GraphStore
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.stores.neo4j import Neo4jSettings, Neo4jStore
from graphbuild.stores.transfer import copy_graph

ROLE = (
    "MATCH (p:Person {name: 'Richard Teng'})-[r:ROLE_AT]->(o {name: 'Binance'}) "
    "RETURN r.role, r.support, r.articles, r.evidence, r.sentences, r.rules"
)
SETTLEMENT = (
    "MATCH (s:Settlement)-[:PARTICIPANT {role: 'defendant'}]->({name: 'Binance'}) "
    "RETURN s.amount, s.currency, s.date, s.support, s.articles, s.evidence"
)


@pytest.fixture
def neo4j_store(bolt_server: Neo4jSettings, schema: Schema) -> Iterator[Neo4jStore]:
    empty_database(bolt_server, keep_schema=True)
    with Neo4jStore.open(bolt_server, schema) as store:
        yield store


def rows(store: GraphStore, cypher: str) -> list[list[Any]]:
    return store.query(cypher).rows


def test_load_copies_the_seeded_store(seeded: EmbeddedStore, neo4j_store: Neo4jStore) -> None:
    copied = copy_graph(seeded, neo4j_store)
    assert copied == seeded.stats()
    assert neo4j_store.stats() == seeded.stats()
    assert dump(neo4j_store) == dump(seeded)

    role = rows(neo4j_store, ROLE)
    assert role == rows(seeded, ROLE)
    assert role[0][0] == "CEO"
    assert any("Richard Teng" in sentence for sentence in role[0][4])
    settlement = rows(neo4j_store, SETTLEMENT)
    assert settlement == rows(seeded, SETTLEMENT)
    assert [s[:2] for s in settlement] == [[4.3e9, "USD"]]
    # The same provenance on both sides: support, articles and the evidence spans.
    on_neo4j = neo4j_store.query("MATCH (s:Settlement) RETURN s").rows[0][0]
    on_ladybug = seeded.query("MATCH (s:Settlement) RETURN s").rows[0][0]
    assert on_neo4j == on_ladybug
    assert on_neo4j["support"] == len(on_neo4j["articles"]) >= 1
    assert len(on_neo4j["evidence"]) == len(on_neo4j["evidence_articles"]) >= 1


def test_loading_twice_changes_nothing(seeded: EmbeddedStore, neo4j_store: Neo4jStore) -> None:
    copy_graph(seeded, neo4j_store)
    stats, before = neo4j_store.stats(), dump(neo4j_store, ingested_at=True)
    copy_graph(seeded, neo4j_store, batch_size=7)
    assert neo4j_store.stats() == stats
    assert dump(neo4j_store, ingested_at=True) == before


def test_small_batches_and_a_cut_short_load_give_the_same_graph(
    seeded: EmbeddedStore, neo4j_store: Neo4jStore, bolt_server: Neo4jSettings
) -> None:
    copy_graph(seeded, neo4j_store)
    whole = dump(neo4j_store)

    empty_database(bolt_server, keep_schema=True)
    seen: list[str] = []
    copy_graph(seeded, neo4j_store, batch_size=3, progress=lambda d, t, name: seen.append(name))
    assert dump(neo4j_store) == whole
    assert seen[0] == "Article" and "ROLE_AT" in seen

    # A load that stopped half-way (some nodes, no relationships) completes on the rerun.
    empty_database(bolt_server, keep_schema=True)
    for number, batch in enumerate(seeded.graph_rows(batch_size=4)):
        if number == 5:
            break
        neo4j_store.write_rows(batch)
    assert dump(neo4j_store) != whole
    copy_graph(seeded, neo4j_store)
    assert dump(neo4j_store) == whole


def test_ingesting_into_neo4j_gives_what_loading_gives(
    seeded: EmbeddedStore,
    neo4j_store: Neo4jStore,
    bolt_server: Neo4jSettings,
    pipeline: Pipeline,
    seed_dir: Path,
) -> None:
    report = pipeline.ingest([seed_dir], neo4j_store)
    assert not report.failures
    ingested = dump(neo4j_store)

    empty_database(bolt_server, keep_schema=True)
    copy_graph(seeded, neo4j_store)
    assert dump(neo4j_store) == ingested


def test_an_empty_store_is_refused(tmp_path: Path, schema: Schema, neo4j_store: Neo4jStore) -> None:
    with (
        EmbeddedStore.open(tmp_path, schema) as empty,
        pytest.raises(StoreNotFoundError, match="holds no graph"),
    ):
        copy_graph(empty, neo4j_store)
    assert neo4j_store.stats() == {"nodes": {}, "relationships": {}}


# -- the command ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_dir_store(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, seed_dir: Path
) -> Path:
    """A data directory holding the seed articles, closed so that the command can open it."""
    data_dir = tmp_path_factory.mktemp("load-seed")
    seed_store(data_dir, pipeline, seed_dir).close()
    return data_dir


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_load_command(neo4j_env: Neo4jSettings, seed_dir_store: Path) -> None:
    first = run("--data-dir", seed_dir_store, "load", "--batch-size", "50")
    assert first.exit_code == 0, first.stderr
    assert "loaded " in first.stderr and neo4j_env.uri in first.stderr
    assert neo4j_env.password.get_secret_value() not in first.stderr
    on_neo4j = json.loads(run("--store", "neo4j", "stats", "--format", "json").stdout)
    embedded = json.loads(run("--data-dir", seed_dir_store, "stats", "--format", "json").stdout)
    assert on_neo4j == embedded
    assert on_neo4j["relationships"]["ROLE_AT"] == 4

    again = run("--data-dir", seed_dir_store, "load")
    assert again.exit_code == 0, again.stderr
    assert json.loads(run("--store", "neo4j", "stats", "--format", "json").stdout) == embedded


def test_load_without_a_store_or_a_server(
    neo4j_env: Neo4jSettings, tmp_path: Path, seed_dir_store: Path
) -> None:
    missing = run("--data-dir", tmp_path / "nowhere", "load")
    assert missing.exit_code == 3
    assert "no graph store" in missing.stderr and "graphbuild ingest" in missing.stderr
    assert "Traceback" not in missing.stderr

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = run("--neo4j-uri", f"bolt://127.0.0.1:{port}", "--data-dir", seed_dir_store, "load")
    assert down.exit_code == 3
    assert "cannot reach the Neo4j server" in down.stderr
    assert "Traceback" not in down.stderr
    assert neo4j_env.password.get_secret_value() not in down.stderr
