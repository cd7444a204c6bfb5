"""The named queries on both stores: the embedded store, and a real Bolt server (ArcadeDB
started by ``bolt_server``, or the Neo4j 5 named by ``NEO4J_URI``) holding the same graph.
Each query must give the same rows on both, and the rows the tests expect."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bolt_server import empty_database
from click.testing import CliRunner
from handmade import BINANCE_SETTLES, seed_store

from graphbuild.cli import main
from graphbuild.errors import QueryError
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema
from graphbuild.stores.base import GraphStore
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.stores.named import NAMED_QUERIES
from graphbuild.stores.neo4j import Neo4jSettings, Neo4jStore
from graphbuild.stores.transfer import copy_graph

SEED = "seed-binance-monitorship"


@pytest.fixture(scope="module")
def seeded_neo4j(
    bolt_server: Neo4jSettings, schema: Schema, seeded: EmbeddedStore
) -> Iterator[Neo4jStore]:
    """The seed store loaded into the Bolt server, for the tests of this module."""
    empty_database(bolt_server, keep_schema=True)
    with Neo4jStore.open(bolt_server, schema) as store:
        copy_graph(seeded, store)
        yield store


Stores = tuple[GraphStore, GraphStore]


def answer(stores: Stores, query: str, /, **params: Any) -> list[dict[str, Any]]:
    """The records of a named query, checked to be the same on both stores."""
    embedded, bolt = stores
    on_embedded = embedded.named_query(query, params)
    on_bolt = bolt.named_query(query, params)
    declared = list(NAMED_QUERIES[query].columns)
    raw = embedded.query(embedded.named_cypher(query), NAMED_QUERIES[query].bind(params))
    assert raw.columns == declared
    assert on_bolt == on_embedded
    return on_embedded.records()


@pytest.fixture
def both(seeded: EmbeddedStore, seeded_neo4j: Neo4jStore) -> tuple[GraphStore, GraphStore]:
    return seeded, seeded_neo4j


def test_roles_at(both: tuple[GraphStore, GraphStore]) -> None:
    rows = answer(both, "roles-at", name="Binance")
    assert [(r["person"], r["role"]) for r in rows] == [
        ("Changpeng Zhao", "co-founder"),
        ("Changpeng Zhao", "former CEO"),
        ("Eleanor Hughes", "chief legal officer"),
        ("Richard Teng", "CEO"),
    ]
    teng = rows[-1]
    assert teng["since"] == "2023-11-01" and teng["until"] is None and teng["support"] == 1
    assert answer(both, "roles-at", name="Nobody Inc") == []


def test_enforcement(both: tuple[GraphStore, GraphStore]) -> None:
    rows = answer(both, "enforcement", name="Binance")
    settlement = [r for r in rows if r["action"] == "Settlement"]
    assert settlement == [
        {
            "action": "Settlement",
            "role": "defendant",
            "status": "agreed",
            "amount": 4.3e9,
            "currency": "USD",
            "qualifier": "over",
            "date": "2023-01-01",
            "authority": None,
            "support": 1,
        }
    ]
    assert {r["action"] for r in rows} == {"Settlement", "GuiltyPlea"}
    zhao = answer(both, "enforcement", name="Changpeng Zhao")
    assert [(r["action"], r["role"]) for r in zhao] == [("GuiltyPlea", "defendant")]
    assert answer(both, "enforcement", name="Binance", roles=["plaintiff"]) == []


def test_paths(both: tuple[GraphStore, GraphStore]) -> None:
    rows = answer(both, "paths", source="Richard Teng", target="Changpeng Zhao")
    assert rows == [
        {
            "hops": 2,
            "nodes": ["Richard Teng", "Binance", "Changpeng Zhao"],
            "steps": ["ROLE_AT CEO", "FOUNDED"],
        },
        {
            "hops": 2,
            "nodes": ["Richard Teng", "Binance", "Changpeng Zhao"],
            "steps": ["ROLE_AT CEO", "ROLE_AT co-founder"],
        },
        {
            "hops": 2,
            "nodes": ["Richard Teng", "Binance", "Changpeng Zhao"],
            "steps": ["ROLE_AT CEO", "ROLE_AT former CEO"],
        },
    ]
    assert answer(both, "paths", source="Richard Teng", target="Richard Teng") == []


def test_timeline(both: tuple[GraphStore, GraphStore]) -> None:
    rows = answer(both, "timeline", name="Binance")
    assert [(r["date"], r["event"], r["role"]) for r in rows] == [
        ("2023-01-01", "GuiltyPlea", "defendant"),
        ("2023-01-01", "Settlement", "defendant"),
        ("2023-11-01", "Appointment", "organization"),
        (None, "Resignation", "organization"),
    ]
    assert rows[1]["amount"] == 4.3e9 and rows[1]["precision"] == "year"


def test_most_connected(both: tuple[GraphStore, GraphStore]) -> None:
    rows = answer(both, "most-connected", limit=2)
    assert [(r["type"], r["name"]) for r in rows] == [
        ("Organization", "Binance"),
        ("Person", "Changpeng Zhao"),
    ]
    assert rows[0]["facts"] > rows[1]["facts"] >= 2
    assert len(answer(both, "most-connected")) >= 3


def test_evidence(both: tuple[GraphStore, GraphStore]) -> None:
    rows = answer(both, "evidence", name="Binance", other="Richard Teng")
    role = [r for r in rows if r["fact"] == "ROLE_AT"]
    assert {r["evidence"] for r in role} >= {"the exchange's CEO Richard Teng"}
    assert all(r["article"] == SEED and r["other"] == "Richard Teng" for r in role)
    assert all("Teng" in r["sentence"] for r in role)
    # Both take part in the appointment, which is evidence too.
    assert [r["fact"] for r in rows if r["other"] is None] == ["Appointment"]

    every = answer(both, "evidence", name="Binance")
    settlement = [r for r in every if r["fact"] == "Settlement"]
    assert len(settlement) == 1
    assert "$4.3 billion" in settlement[0]["sentence"]
    assert settlement[0]["title"] == "Binance asks U.S. Treasury to ease its monitorship"


def test_handmade_story_with_two_articles(
    bolt_server: Neo4jSettings, schema: Schema, tmp_path: Path, seeded_neo4j: Neo4jStore
) -> None:
    """Support from two articles, an authority, and the same answers (this test empties
    the Bolt database, so the module's other tests run first)."""
    empty_database(bolt_server, keep_schema=True)
    with (
        EmbeddedStore.open(tmp_path, schema) as embedded,
        Neo4jStore.open(bolt_server, schema) as bolt,
    ):
        for store in (embedded, bolt):
            store.write(BINANCE_SETTLES.first_article())
            store.write(BINANCE_SETTLES.second_article())
        stores = (embedded, bolt)
        (settlement,) = answer(stores, "enforcement", name="Binance Holdings")
        assert settlement["authority"] == "Justice Department"
        assert (settlement["amount"], settlement["date"]) == (4.3e9, "2023-11-01")
        (role,) = answer(stores, "roles-at", name="Binance")
        assert (role["person"], role["role"], role["support"]) == ("Richard Teng", "CEO", 2)
        evidence = answer(stores, "evidence", name="Richard Teng", other="Binance")
        assert [r["article"] for r in evidence] == ["a1", "a2"]
        paths = answer(stores, "paths", source="Richard Teng", target="Justice Department")
        assert paths[0]["nodes"] == ["Richard Teng", "Binance", "Settlement", "Justice Department"]


def test_parameters_are_checked(seeded: EmbeddedStore) -> None:
    with pytest.raises(QueryError, match="needs --param name"):
        seeded.named_query("roles-at")
    with pytest.raises(QueryError, match="no parameter 'org'"):
        seeded.named_query("roles-at", {"org": "Binance"})
    with pytest.raises(QueryError, match="limit must be a whole number"):
        seeded.named_query("most-connected", {"limit": "many"})
    with pytest.raises(QueryError, match="no named query 'roles'"):
        seeded.named_query("roles", {})


def test_query_named_on_the_command_line(
    tmp_path: Path, pipeline: Pipeline, seed_dir: Path
) -> None:
    listing = CliRunner().invoke(main, ["queries"])
    assert listing.exit_code == 0
    for name in NAMED_QUERIES:
        assert name in listing.stdout
    assert "--param name=" in listing.stdout
    described = json.loads(CliRunner().invoke(main, ["queries", "--format", "json"]).stdout)
    assert [q["name"] for q in described] == list(NAMED_QUERIES)

    data_dir = tmp_path / "data"
    seed_store(data_dir, pipeline, seed_dir).close()
    args = ["--data-dir", str(data_dir), "query", "--named", "roles-at", "-p", "name=Binance"]
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    teng = json.loads(result.stdout)[-1]
    assert (teng["person"], teng["role"]) == ("Richard Teng", "CEO")
    missing = CliRunner().invoke(main, ["--data-dir", str(data_dir), "query", "--named", "paths"])
    assert missing.exit_code == 4 and "needs --param source" in missing.stderr
    both = CliRunner().invoke(main, ["query", "RETURN 1", "--named", "paths"])
    assert both.exit_code == 2
