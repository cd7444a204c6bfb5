"""The embedded LadybugDB store, on a real database in a temporary directory.

``schema`` comes from the root conftest.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graph_dump import dump
from handmade import ACME_SETTLES, mention

from graphbuild.errors import QueryError, StoreError, StoreNotFoundError
from graphbuild.ids import entity_id
from graphbuild.models import ArticleExtraction
from graphbuild.schema import Schema
from graphbuild.stores.base import GraphStore
from graphbuild.stores.embedded import DATABASE_FILE, EmbeddedStore

ROLE = ACME_SETTLES.role
FIRST = ACME_SETTLES.first
first_article = ACME_SETTLES.first_article
second_article = ACME_SETTLES.second_article


def snapshot(store: GraphStore) -> list[str]:
    """Every node and relationship with all its properties, in a stable order."""
    nodes = store.query("MATCH (n) RETURN n").rows
    rels = store.query("MATCH (a)-[r]->(b) RETURN a.id, r, b.id").rows
    return sorted(json.dumps(row, sort_keys=True) for row in [*nodes, *rels])


def value(store: GraphStore, cypher: str, **params: Any) -> Any:
    rows = store.query(cypher, params).rows
    assert len(rows) == 1 and len(rows[0]) == 1, rows
    return rows[0][0]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, schema: Schema) -> Iterator[EmbeddedStore]:
    opened = EmbeddedStore.open(data_dir, schema)
    yield opened
    opened.close()


def test_readme_queries(store: EmbeddedStore) -> None:
    store.write(first_article())

    roles = store.query("MATCH (p:Person)-[r:ROLE_AT]->(o) RETURN p.name, r.role, o.name")
    assert roles.columns == ["p.name", "r.role", "o.name"]
    assert roles.rows == [["Jane Roe", "CEO", "Acme Corp"]]

    settlements = store.query(
        "MATCH (s:Settlement)-[:PARTICIPANT {role: 'defendant'}]->(o:Organization) "
        "RETURN o.name, s.amount, s.currency, s.date, s.date_precision"
    )
    assert settlements.rows == [["Acme Corp", 5_000_000.0, "USD", "2023-11-01", "month"]]

    authority = store.query(
        "MATCH (s:Settlement)-[:PARTICIPANT {role: 'authority'}]->(r:Regulator) "
        "MATCH (s)-[:REPORTED_IN]->(a:Article) RETURN r.name, a.id, a.title"
    )
    assert authority.records() == [
        {"r.name": "Securities Commission", "a.id": "a1", "a.title": "Acme settles"}
    ]


def test_stats_count_every_table(store: EmbeddedStore) -> None:
    assert store.stats() == {"nodes": {}, "relationships": {}}
    store.write(first_article())
    assert store.stats() == {
        "nodes": {"Article": 1, "Organization": 1, "Person": 1, "Regulator": 1, "Settlement": 1},
        "relationships": {"MENTIONS": 3, "PARTICIPANT": 2, "REPORTED_IN": 1, "ROLE_AT": 1},
    }


def test_provenance_is_stored(store: EmbeddedStore) -> None:
    article = first_article()
    store.write(article)

    role = value(store, "MATCH ()-[r:ROLE_AT]->() RETURN r")
    expected = article.relations[0].evidence[0]
    assert role["_label"] == "ROLE_AT"
    assert role["id"] == ROLE
    assert role["since"] is None
    assert role["confidence"] == 0.8
    assert role["articles"] == ["a1"]
    assert role["evidence"] == [expected.text]
    assert role["rules"] == ["role_copula"]
    assert role["sentences"] == [FIRST[0]]
    assert (role["start_offsets"], role["end_offsets"]) == ([expected.start], [expected.end])
    assert role["evidence_articles"] == ["a1"]

    mentions = value(
        store, "MATCH (:Article {id: 'a1'})-[m:MENTIONS]->(o:Organization) RETURN m.texts"
    )
    assert mentions == ["Acme Corp", "Acme Corp"]

    article_node = value(store, "MATCH (a:Article) RETURN a")
    assert json.loads(article_node["meta"]) == {"section": "markets"}
    assert article_node["published"] == "2023-11-21"
    assert article_node["ingested_at"]


def test_parameters(store: EmbeddedStore) -> None:
    store.write(first_article())
    result = store.query(
        "MATCH (p:Person {name: $name})-[r:ROLE_AT]->(o) RETURN o.name, r.role",
        {"name": "Jane Roe"},
    )
    assert result.rows == [["Acme Corp", "CEO"]]
    assert store.query("MATCH (p:Person {name: $name}) RETURN p", {"name": "Nobody"}).rows == []


def test_values_are_plain_python(store: EmbeddedStore) -> None:
    store.write(first_article())

    settlement = value(store, "MATCH (s:Settlement) RETURN s")
    assert settlement["_label"] == "Settlement"
    assert settlement["date"] == "2023-11-01"
    assert not any(key.startswith("_") and key != "_label" for key in settlement)

    # Unlabelled ends bind every entity table; each node keeps only its own columns.
    mentioned = store.query("MATCH (:Article)-[m]->(n) RETURN n ORDER BY n.id").rows
    assert [row[0]["_label"] for row in mentioned] == ["Organization", "Person", "Regulator"]
    assert set(mentioned[1][0]) == {"_label", "id", "name", "kind", "aliases", "articles"}

    path = value(store, "MATCH p = (:Person)-[:ROLE_AT]->(:Organization) RETURN p")
    assert [node["name"] for node in path["nodes"]] == ["Jane Roe", "Acme Corp"]
    assert [rel["_label"] for rel in path["relationships"]] == ["ROLE_AT"]

    literal = store.query("RETURN date('2024-02-29') AS d, {a: [1, 2]} AS s").rows
    assert literal == [["2024-02-29", {"a": [1, 2]}]]


def test_writing_twice_changes_nothing(store: EmbeddedStore) -> None:
    article = first_article()
    store.write(article)
    stats, before = store.stats(), snapshot(store)
    store.write(article)
    assert store.stats() == stats
    assert snapshot(store) == before

    role = value(store, "MATCH ()-[r:ROLE_AT]->() RETURN r")
    assert role["articles"] == ["a1"]
    assert len(role["evidence"]) == 1
    organization = value(store, "MATCH (o:Organization) RETURN o")
    assert organization["aliases"] == ["Acme"]
    assert organization["articles"] == ["a1"]
    starts = value(store, "MATCH (:Article)-[m:MENTIONS]->(:Organization) RETURN m.start_offsets")
    assert starts == [mention(FIRST, 0, "Acme Corp").start, mention(FIRST, 1, "Acme Corp").start]


def test_second_article_extends_lists(store: EmbeddedStore) -> None:
    store.write(first_article())
    store.write(second_article())

    assert value(store, "MATCH (p:Person) RETURN p.articles") == ["a1", "a2"]
    assert value(store, "MATCH (r:Regulator) RETURN r.articles") == ["a1"]
    role = value(store, "MATCH ()-[r:ROLE_AT]->() RETURN r")
    assert role["articles"] == ["a1", "a2"]
    assert role["evidence_articles"] == ["a1", "a2"]
    assert role["rules"] == ["role_copula", "role_appos"]
    assert role["confidence"] == 0.9
    assert store.stats()["relationships"]["ROLE_AT"] == 1
    assert store.stats()["relationships"]["MENTIONS"] == 5

    before = snapshot(store)
    store.write(second_article())
    store.write(first_article())
    assert snapshot(store) == before


def test_failed_write_rolls_back(store: EmbeddedStore) -> None:
    store.write(first_article())
    stats, before = store.stats(), snapshot(store)

    # The database rejects the date only when it reaches the Settlement table,
    # after this article's node, entities and relation have been written.
    broken = first_article("a3", settlement_date="2023-02-30", amount=6_000_000)
    with pytest.raises(StoreError, match="'a3'") as caught:
        store.write(broken)
    assert not isinstance(caught.value, QueryError)

    assert store.stats() == stats
    assert snapshot(store) == before
    assert store.query("MATCH (a:Article {id: 'a3'}) RETURN a").rows == []

    store.write(first_article("a3"))
    assert value(store, "MATCH (p:Person) RETURN p.articles") == ["a1", "a3"]


def test_relation_to_unknown_entity_is_refused(store: EmbeddedStore) -> None:
    store.write(first_article())
    before = snapshot(store)
    article = second_article()
    stray = article.relations[0].model_copy(update={"subject": entity_id("Person", "John Doe")})
    with pytest.raises(StoreError, match="not among its entities") as caught:
        store.write(article.model_copy(update={"relations": [stray]}))
    assert "'a2'" in str(caught.value)
    assert snapshot(store) == before


def test_read_only_query_refuses_writes(store: EmbeddedStore) -> None:
    store.write(first_article())
    with pytest.raises(QueryError, match="--write"):
        store.query("CREATE (:Person {id: 'person:x', name: 'X'})")
    with pytest.raises(QueryError, match="--write"):
        store.query("MATCH (p:Person) SET p.name = 'Y'")
    with pytest.raises(QueryError, match="--write"):
        store.query("CHECKPOINT")
    assert value(store, "MATCH (p:Person) RETURN count(p)") == 1

    store.query("CREATE (:Person {id: 'person:x', name: 'X'})", write=True)
    assert value(store, "MATCH (p:Person) RETURN count(p)") == 2


def test_transaction_statements_are_refused(store: EmbeddedStore) -> None:
    with pytest.raises(QueryError, match="BEGIN"):
        store.query("BEGIN TRANSACTION", write=True)
    with pytest.raises(QueryError, match="COMMIT"):
        store.query("RETURN 1; COMMIT", write=True)
    # Only statements are checked, not names or strings.
    assert store.query("RETURN 'commit; begin' AS begin").rows == [["commit; begin"]]


def test_bad_cypher(store: EmbeddedStore) -> None:
    store.write(first_article())
    with pytest.raises(QueryError, match="Parser exception") as caught:
        store.query("MATC (n) RETURN n")
    assert "\n" not in str(caught.value)
    with pytest.raises(QueryError, match="Nope"):
        store.query("MATCH (n:Nope) RETURN n")


def test_missing_store_read_only(data_dir: Path, schema: Schema) -> None:
    with pytest.raises(StoreNotFoundError, match="graphbuild ingest"):
        EmbeddedStore.open(data_dir, schema, read_only=True)
    assert not data_dir.exists()


def test_reopen_keeps_data(data_dir: Path, schema: Schema) -> None:
    with EmbeddedStore.open(data_dir, schema) as store:
        store.write(first_article())
        stats, before = store.stats(), snapshot(store)
    assert (data_dir / DATABASE_FILE).is_file()

    reopened = EmbeddedStore.open(data_dir, schema, read_only=True)
    try:
        assert reopened.stats() == stats
        assert snapshot(reopened) == before
        with pytest.raises(StoreError, match="read-only"):
            reopened.write(second_article())
        with pytest.raises(QueryError, match="--write"):
            reopened.query("MATCH (p:Person) DELETE p", write=True)
    finally:
        reopened.close()

    with EmbeddedStore.open(data_dir, schema) as writable:
        writable.write(second_article())
        assert value(writable, "MATCH (p:Person) RETURN p.articles") == ["a1", "a2"]


def test_closed_store_refuses_work(store: EmbeddedStore) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.stats()


def test_store_locked_by_another_process(data_dir: Path, schema: Schema) -> None:
    EmbeddedStore.open(data_dir, schema).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, ladybug\n"
            f"db = ladybug.Database({str(data_dir / DATABASE_FILE)!r})\n"
            "print('ready', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked by another process"):
            EmbeddedStore.open(data_dir, schema)
        # Readers do not wait for the writer.
        with EmbeddedStore.open(data_dir, schema, read_only=True) as reader:
            assert reader.stats() == {"nodes": {}, "relationships": {}}
    finally:
        holder.communicate(input="", timeout=30)


def republished(article: ArticleExtraction, **header: Any) -> ArticleExtraction:
    return article.model_copy(update={"article": article.article.model_copy(update=header)})


def corrected_first_article() -> ArticleExtraction:
    """The first article corrected: it no longer names the regulator or the settlement."""
    article = first_article()
    kept = [e for e in article.entities if e.type != "Regulator"]
    return article.model_copy(update={"entities": kept, "events": []})


def test_corroborated_event_is_one_node(store: EmbeddedStore) -> None:
    store.write(first_article("a1"))
    store.write(republished(first_article("a3"), published="2023-12-02"))

    settlement = value(store, "MATCH (s:Settlement) RETURN s")
    assert settlement["support"] == 2
    assert settlement["articles"] == ["a1", "a3"]
    assert settlement["evidence_articles"] == ["a1", "a3"]
    assert (settlement["first_seen"], settlement["last_seen"]) == ("2023-11-21", "2023-12-02")
    reported = store.query("MATCH (:Settlement)-[:REPORTED_IN]->(a) RETURN a.id ORDER BY a.id")
    assert reported.rows == [["a1"], ["a3"]]
    role = value(store, "MATCH ()-[r:ROLE_AT]->() RETURN r")
    assert (role["support"], role["article_confidences"]) == (2, [0.8, 0.8])


def test_corrected_article_replaces_its_facts(
    store: EmbeddedStore, data_dir: Path, schema: Schema
) -> None:
    store.write(first_article())
    store.write(second_article())
    store.write(corrected_first_article())

    assert "Regulator" not in store.stats()["nodes"]
    assert "Settlement" not in store.stats()["nodes"]
    assert "PARTICIPANT" not in store.stats()["relationships"]
    role = value(store, "MATCH ()-[r:ROLE_AT]->() RETURN r")
    assert role["articles"] == ["a2", "a1"]
    assert role["rules"] == ["role_appos", "role_copula"]

    # The same graph as if only the corrected version had ever been written.
    with EmbeddedStore.open(data_dir.parent / "fresh", schema) as fresh:
        fresh.write(second_article())
        fresh.write(corrected_first_article())
        assert dump(store) == dump(fresh)
        assert store.stats() == fresh.stats()


def test_same_url_under_a_new_id_replaces_the_article(store: EmbeddedStore) -> None:
    store.write(first_article("a1"))
    store.write(republished(corrected_first_article(), id="a1-v2", url="https://news.example/a1"))
    assert store.query("MATCH (a:Article) RETURN a.id").rows == [["a1-v2"]]
    assert value(store, "MATCH (p:Person) RETURN p.articles") == ["a1-v2"]
    assert "Settlement" not in store.stats()["nodes"]


def test_remove_article_keeps_only_what_others_support(
    store: EmbeddedStore, data_dir: Path, schema: Schema
) -> None:
    store.write(first_article())
    store.write(second_article())
    assert store.remove_article("a1") is True
    assert store.remove_article("a1") is False

    assert value(store, "MATCH (o:Organization) RETURN o.aliases") == []
    role = value(store, "MATCH ()-[r:ROLE_AT]->() RETURN r")
    assert (role["articles"], role["support"], role["confidence"]) == (["a2"], 1, 0.9)
    assert role["evidence_articles"] == ["a2"]
    with EmbeddedStore.open(data_dir.parent / "fresh", schema) as fresh:
        fresh.write(second_article())
        assert dump(store) == dump(fresh)

    assert store.remove_article("a2") is True
    assert store.stats() == {"nodes": {}, "relationships": {}}


def test_write_many_gives_what_writing_one_by_one_gives(
    store: EmbeddedStore, tmp_path: Path, schema: Schema
) -> None:
    first, second = first_article(), second_article()
    # The same url under another id replaces the first article, as write does.
    moved = first.model_copy(update={"article": first.article.model_copy(update={"id": "a9"})})
    articles = [first, second, first, moved]
    for article in articles:
        store.write(article)
    one_by_one = dump(store)

    with EmbeddedStore.open(tmp_path / "many", schema) as batched:
        assert batched.write_many(articles, batch_size=3) == 4
        assert dump(batched) == one_by_one
        assert batched.stats() == store.stats()
        # Again, in one batch: a1 comes back (replacing a9), then a9 replaces it.
        assert batched.write_many(articles) == 4
        assert dump(batched) == one_by_one


def test_write_many_keeps_the_batches_before_a_refused_one(store: EmbeddedStore) -> None:
    broken = second_article()
    stray = broken.relations[0].model_copy(update={"subject": entity_id("Person", "Nobody")})
    broken = broken.model_copy(update={"relations": [stray]})
    with pytest.raises(StoreError, match=r"'a2'.*not among its entities"):
        store.write_many([first_article(), broken], batch_size=1)
    assert value(store, "MATCH (a:Article) RETURN collect(a.id)") == ["a1"]
