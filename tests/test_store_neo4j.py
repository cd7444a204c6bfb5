"""The Neo4j store on a real Bolt server: ArcadeDB started by ``bolt_server``, or the Neo4j 5
named by ``NEO4J_URI``. Every test starts from an empty database; ``schema`` comes from the
root conftest.
"""

from __future__ import annotations

import json
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bolt_server import empty_database
from graph_dump import dump
from handmade import BINANCE_SETTLES, mention
from pydantic import SecretStr

from graphbuild.config import PROJECT_ROOT
from graphbuild.errors import ConfigError, QueryError, StoreError
from graphbuild.ids import entity_id
from graphbuild.models import ArticleExtraction, ArticleHeader, Entity, EventDate
from graphbuild.schema import Schema
from graphbuild.stores.base import GraphStore
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.stores.neo4j import Neo4jSettings, Neo4jStore

README_QUERIES = re.findall(
    r"```cypher\n(.*?)```", (PROJECT_ROOT / "README.md").read_text(encoding="utf-8"), re.S
)
# Where the README's LadybugDB Cypher is not Neo4j's: label(n) does not exist (a
# node's type is its label other than Entity or Event), and lists count from 1.
NEO4J_DIALECT = {
    "label(e)": "[l IN labels(e) WHERE NOT l IN ['Entity', 'Event']][0]",
    "range(1, size(s.evidence_articles))": "range(0, size(s.evidence_articles) - 1)",
}

TENG = BINANCE_SETTLES.person_id
FIRST = BINANCE_SETTLES.first
first_article = BINANCE_SETTLES.first_article
second_article = BINANCE_SETTLES.second_article


def value(store: GraphStore, cypher: str, **params: Any) -> Any:
    rows = store.query(cypher, params).rows
    assert len(rows) == 1 and len(rows[0]) == 1, rows
    return rows[0][0]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def store(
    bolt_server: Neo4jSettings, schema: Schema, request: pytest.FixtureRequest
) -> Iterator[Neo4jStore]:
    """An open store on the emptied database; parametrized indirectly, the param is
    ``merge_nodes`` (None: as the server suits). Constraints and indexes stay from
    test to test: opening the store creates those that are missing."""
    empty_database(bolt_server, keep_schema=True)
    settings = bolt_server.model_copy(update={"merge_nodes": getattr(request, "param", None)})
    with Neo4jStore.open(settings, schema) as opened:
        yield opened


# The tests that write run with nodes written both ways: with MERGE, as on Neo4j,
# and as the server suits (on ArcadeDB: create the missing, then update).
BOTH_NODE_WRITES = pytest.mark.parametrize(
    "store", [None, True], indirect=True, ids=["suited", "merge"]
)


@pytest.fixture
def embedded(tmp_path: Path, schema: Schema) -> Iterator[EmbeddedStore]:
    with EmbeddedStore.open(tmp_path / "data", schema) as opened:
        yield opened


def test_readme_queries_answer_as_on_the_embedded_store(
    store: Neo4jStore, embedded: EmbeddedStore
) -> None:
    for target in (store, embedded):
        target.write(first_article())
        target.write(second_article())
    assert len(README_QUERIES) >= 5
    for cypher in README_QUERIES:
        on_neo4j = cypher
        for ladybug, neo4j in NEO4J_DIALECT.items():
            on_neo4j = on_neo4j.replace(ladybug, neo4j)
        expected, got = embedded.query(cypher), store.query(on_neo4j)
        assert expected.rows, cypher
        assert got.columns == expected.columns
        if "ORDER BY" in cypher:
            assert got.rows == expected.rows, cypher
        else:
            assert sorted(map(json.dumps, got.rows)) == sorted(map(json.dumps, expected.rows))


@BOTH_NODE_WRITES
def test_same_graph_as_the_embedded_store(store: Neo4jStore, embedded: EmbeddedStore) -> None:
    for target in (store, embedded):
        target.write(first_article())
        target.write(second_article())
    assert store.stats() == embedded.stats()
    assert dump(store) == dump(embedded)


def schema_objects(store: Neo4jStore) -> tuple[list[str], list[str]]:
    """Labels with a uniqueness constraint on ``id``, and ``label.property`` of the other
    indexes (not Neo4j's lookup indexes)."""
    constraints = store.query("SHOW CONSTRAINTS").records()
    indexes = store.query("SHOW INDEXES").records()
    unique = sorted(
        label for c in constraints if c["properties"] == ["id"] for label in c["labelsOrTypes"]
    )
    indexed = sorted(
        f"{label}.{prop}"
        for i in indexes
        if not i["owningConstraint"] and i["type"] != "LOOKUP"
        for label in i["labelsOrTypes"]
        for prop in i["properties"]
    )
    return unique, indexed


def test_constraints_and_indexes_after_open(bolt_server: Neo4jSettings, schema: Schema) -> None:
    empty_database(bolt_server)
    with Neo4jStore.open(bolt_server, schema) as store:
        first = schema_objects(store)
        labels = ["Article", "Entity", "Event", *schema.entity_types, *schema.event_types]
        assert first[0] == sorted(labels)
        names = {f"{label}.name" for label in ["Entity", *schema.entity_types]}
        assert names | {"Article.url"} <= set(first[1])
        assert {f"{p}.id" for p in schema.predicates} <= set(first[1])

        store.ensure_schema()
        with Neo4jStore.open(bolt_server, schema) as again:
            again.write(first_article())
        assert schema_objects(store) == first


def test_entities_and_events_carry_their_umbrella_label(store: Neo4jStore) -> None:
    store.write(first_article())
    binance = value(store, "MATCH (n:Entity {name: 'Binance'}) RETURN n")
    assert binance["_label"] == "Organization"
    assert binance["aliases"] == ["Binance Holdings"]
    labels = value(store, "MATCH (n:Entity {name: 'Binance'}) RETURN labels(n)")
    assert sorted(labels) == ["Entity", "Organization"]
    assert value(store, "MATCH (n:Entity) RETURN count(n)") == 3
    assert value(store, "MATCH (e:Event)-[:PARTICIPANT]->(n:Entity) RETURN count(n)") == 2


def test_properties_have_neo4j_types(store: Neo4jStore) -> None:
    store.write(first_article())
    kinds = store.query(
        "MATCH (s:Settlement) RETURN s.date = date('2023-11-01'), s.amount = 4.3e9, "
        "s.currency, s.date_precision, size(s.start_offsets), s.start_offsets[0] + 1"
    ).rows
    start = mention(FIRST, 1, "Binance").start
    assert kinds == [[True, True, "USD", "month", 1, start + 1]]


def test_values_are_plain_python(store: Neo4jStore) -> None:
    store.write(first_article())
    settlement = value(store, "MATCH (s:Settlement) RETURN s")
    assert settlement["_label"] == "Settlement"
    assert settlement["date"] == "2023-11-01"
    assert settlement["amount"] == 4.3e9

    teng = value(store, "MATCH (p:Person) RETURN p")
    # Neo4j keeps no null property; the known ones read back as None.
    assert teng == {
        "_label": "Person",
        "id": TENG,
        "name": "Richard Teng",
        "kind": None,
        "aliases": [],
        "articles": ["a1"],
    }

    path = value(store, "MATCH p = (:Person)-[:ROLE_AT]->(:Organization) RETURN p")
    assert [node["name"] for node in path["nodes"]] == ["Richard Teng", "Binance"]
    assert [rel["_label"] for rel in path["relationships"]] == ["ROLE_AT"]

    literal = store.query("RETURN date('2024-02-29') AS d, {a: [1, 2]} AS s").rows
    assert literal == [["2024-02-29", {"a": [1, 2]}]]


@BOTH_NODE_WRITES
def test_writing_twice_changes_nothing(store: Neo4jStore) -> None:
    article = first_article()
    store.write(article)
    stats, before = store.stats(), dump(store)
    assert stats == {
        "nodes": {"Article": 1, "Organization": 1, "Person": 1, "Regulator": 1, "Settlement": 1},
        "relationships": {"MENTIONS": 3, "PARTICIPANT": 2, "REPORTED_IN": 1, "ROLE_AT": 1},
    }
    store.write(article)
    assert store.stats() == stats
    assert dump(store) == before
    role = value(store, "MATCH ()-[r:ROLE_AT]->() RETURN r")
    assert role["articles"] == ["a1"]
    assert len(role["evidence"]) == 1


@BOTH_NODE_WRITES
def test_second_article_extends_lists(store: Neo4jStore) -> None:
    store.write(first_article())
    store.write(second_article())
    assert value(store, "MATCH (p:Person) RETURN p.articles") == ["a1", "a2"]
    assert value(store, "MATCH (o:Organization) RETURN o.aliases") == [
        "Binance Holdings",
        "Binance.com",
    ]
    role = value(store, "MATCH ()-[r:ROLE_AT]->() RETURN r")
    assert role["evidence_articles"] == ["a1", "a2"]
    assert role["rules"] == ["role_copula", "role_appos"]
    assert role["confidence"] == 0.9

    before = dump(store)
    store.write(second_article())
    store.write(first_article())
    assert dump(store) == before


@BOTH_NODE_WRITES
@pytest.mark.parametrize("rows_per_statement", [None, 1])
def test_write_many_gives_the_same_graph(
    store: Neo4jStore, bolt_server: Neo4jSettings, rows_per_statement: int | None
) -> None:
    store.write(first_article())
    store.write(second_article())
    one_by_one = dump(store)

    empty_database(bolt_server)
    articles = [first_article(), second_article(), first_article()]
    written = store.write_many(articles, batch_size=2, rows_per_statement=rows_per_statement)
    assert written == 3
    assert dump(store) == one_by_one


@BOTH_NODE_WRITES
def test_write_many_stops_at_the_failing_batch(store: Neo4jStore) -> None:
    def lone(article_id: str, entity_type: str, key: str) -> ArticleExtraction:
        entity = Entity(id=key, type=entity_type, name="Lee")
        return ArticleExtraction(article=ArticleHeader(id=article_id), entities=[entity])

    def stored_articles() -> list[str]:
        return sorted(value(store, "MATCH (a:Article) RETURN collect(a.id)"))

    # The second batch reuses a Person's id for an Organization: the server refuses it.
    articles = [first_article(), lone("a3", "Person", "x:1"), lone("a4", "Organization", "x:1")]
    with pytest.raises(StoreError, match="'a4' was not written: id 'x:1' is a Person in the store"):
        store.write_many(articles, batch_size=2)
    assert stored_articles() == ["a1", "a3"]

    # Within one batch the clash is found before anything is sent.
    articles = [second_article(), lone("a5", "Person", "x:2"), lone("a6", "Organization", "x:2")]
    with pytest.raises(StoreError, match="'x:2' is an Organization here but a Person in article"):
        store.write_many(articles, batch_size=3)
    assert stored_articles() == ["a1", "a3"]


def test_read_only_query_refuses_writes(store: Neo4jStore) -> None:
    store.write(first_article())
    before = dump(store)
    for cypher in (
        "CREATE (:Person:Entity {id: 'person:x', name: 'X'})",
        "MATCH (p:Person) SET p.name = 'Y'",
        "MATCH (n) DETACH DELETE n",
        "CREATE INDEX extra_kind IF NOT EXISTS FOR (n:Person) ON (n.kind)",
        "// a comment first\nDROP CONSTRAINT graphbuild_person_id",
    ):
        with pytest.raises(QueryError, match="--write"):
            store.query(cypher)
    assert dump(store) == before
    indexes = store.query("SHOW INDEXES").records()
    assert "extra_kind" not in {i["name"] for i in indexes}

    store.query("CREATE (:Person:Entity {id: 'person:x', name: 'X'})", write=True)
    assert value(store, "MATCH (p:Person) RETURN count(p)") == 2


def test_parameters(store: Neo4jStore) -> None:
    store.write(first_article())
    result = store.query(
        "MATCH (p:Person {name: $name})-[r:ROLE_AT]->(o) RETURN o.name, r.role",
        {"name": "Richard Teng"},
    )
    assert result.rows == [["Binance", "CEO"]]
    assert store.query("MATCH (p:Person {name: $name}) RETURN p", {"name": "Nobody"}).rows == []


def test_bad_cypher(store: Neo4jStore) -> None:
    with pytest.raises(QueryError) as caught:
        store.query("MATC (n) RETURN n")
    assert "\n" not in str(caught.value)


@BOTH_NODE_WRITES
def test_corrections_and_removals_as_on_the_embedded_store(
    store: Neo4jStore, embedded: EmbeddedStore
) -> None:
    first, second = first_article(), second_article()
    # The same article corrected: no settlement any more, and a lower confidence.
    role = first.relations[0].model_copy(update={"confidence": 0.6})
    corrected = first.model_copy(update={"events": [], "relations": [role]})
    # The same url under another id replaces it too.
    moved = first.model_copy(update={"article": first.article.model_copy(update={"id": "a9"})})

    def both(step: Any) -> None:
        for target in (store, embedded):
            step(target)
        assert store.stats() == embedded.stats()
        assert dump(store) == dump(embedded)

    both(lambda s: s.write(first))
    both(lambda s: s.write(second))
    assert value(store, "MATCH ()-[r:ROLE_AT]->() RETURN r.support") == 2
    both(lambda s: s.write(corrected))
    assert store.stats()["nodes"].get("Settlement") is None
    both(lambda s: s.write(moved))
    assert value(store, "MATCH (a:Article) RETURN collect(a.id)") in (["a2", "a9"], ["a9", "a2"])

    assert store.remove_article("a2") is True
    assert embedded.remove_article("a2") is True
    assert dump(store) == dump(embedded)
    assert store.remove_article("a2") is False
    both(lambda s: s.remove_article("a9"))
    assert store.stats() == {"nodes": {}, "relationships": {}}


@BOTH_NODE_WRITES
def test_failed_write_leaves_nothing(store: Neo4jStore) -> None:
    store.write(first_article())
    stats, before = store.stats(), dump(store)

    # The server refuses the Organization whose id a Person already has, after
    # this article's node and its Person were written in the same transaction.
    clash = Entity(id=TENG, type="Organization", name="Teng Holdings")
    newcomer = Entity(id=entity_id("Person", "Jane Roe"), type="Person", name="Jane Roe")
    broken = ArticleExtraction(
        article=ArticleHeader(id="a3"), entities=[newcomer, clash], relations=[], events=[]
    )
    with pytest.raises(StoreError, match="'a3'") as caught:
        store.write(broken)
    assert TENG in str(caught.value)
    assert not isinstance(caught.value, QueryError)
    assert store.stats() == stats
    assert dump(store) == before

    # A date that is no date is refused before anything is sent.
    bad_date = (
        first_article("a4")
        .events[0]
        .model_copy(
            update={"date": EventDate(value="2023-02-30", precision="day", text="30 February")}
        )
    )
    with pytest.raises(StoreError, match="not a date"):
        store.write(first_article("a4").model_copy(update={"events": [bad_date]}))
    assert dump(store) == before


def test_relation_to_unknown_entity_is_refused(store: Neo4jStore) -> None:
    article = second_article()
    stray = article.relations[0].model_copy(update={"subject": entity_id("Person", "John Doe")})
    with pytest.raises(StoreError, match="not among its entities"):
        store.write(article.model_copy(update={"relations": [stray]}))
    assert store.stats() == {"nodes": {}, "relationships": {}}


def test_wrong_password(bolt_server: Neo4jSettings, schema: Schema) -> None:
    wrong = "not-the-password-7c1e"
    settings = bolt_server.model_copy(update={"password": SecretStr(wrong)})
    with pytest.raises(StoreError, match="user name or password") as caught:
        Neo4jStore.open(settings, schema)
    assert wrong not in str(caught.value)
    assert bolt_server.password.get_secret_value() not in str(caught.value)
    assert wrong not in repr(settings)


def test_server_unreachable(schema: Schema) -> None:
    settings = Neo4jSettings(uri=f"bolt://127.0.0.1:{closed_port()}", password="whatever")
    started = time.monotonic()
    with pytest.raises(StoreError, match="cannot reach") as caught:
        Neo4jStore.open(settings, schema)
    assert time.monotonic() - started < 5
    assert "whatever" not in str(caught.value)


def test_read_only_store(store: Neo4jStore, bolt_server: Neo4jSettings, schema: Schema) -> None:
    store.write(first_article())
    with Neo4jStore.open(bolt_server, schema, read_only=True) as reader:
        assert reader.stats() == store.stats()
        with pytest.raises(StoreError, match="read-only"):
            reader.write(second_article())
        with pytest.raises(QueryError, match="read-only"):
            reader.query("MATCH (p:Person) DELETE p", write=True)


def test_closed_store_refuses_work(store: Neo4jStore) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.stats()


def test_settings_from_env() -> None:
    env = {
        "NEO4J_URI": "neo4j://graph.example:7687",
        "NEO4J_USER": "reader",
        "NEO4J_PASSWORD": "s3cret-value",
        "NEO4J_DATABASE": "news",
    }
    settings = Neo4jSettings.from_env(env)
    assert (settings.uri, settings.user, settings.database) == (
        "neo4j://graph.example:7687",
        "reader",
        "news",
    )
    assert settings.password.get_secret_value() == "s3cret-value"
    assert "s3cret-value" not in repr(settings) and "s3cret-value" not in str(settings)
    assert Neo4jSettings.from_env({"NEO4J_PASSWORD": "x"}).uri == "bolt://localhost:7687"
    with pytest.raises(ConfigError, match="NEO4J_PASSWORD"):
        Neo4jSettings.from_env({"NEO4J_URI": "bolt://localhost:7687"})
