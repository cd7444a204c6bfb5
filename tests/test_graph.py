"""Loading a store into networkx: whole, an entity's neighbourhood, a time window; tables.

Real LadybugDB stores in temporary directories: a small one filled with the
hand-built Northwind extractions of ``handmade``, and one filled by the real
pipeline from ``seeds/articles``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import networkx as nx
import pytest
from bolt_server import empty_database
from handmade import (
    ACQUIRED,
    ACQUISITION,
    FIRST,
    FOUNDED,
    HARBOR,
    LUMEN,
    MARA,
    NAMES,
    NORTHWIND,
    ROLE,
    SETTLEMENT,
    TEO,
    first_article,
    second_article,
    seed_store,
    third_article,
)

from graphbuild.config import PROJECT_ROOT
from graphbuild.errors import EntityNotFoundError
from graphbuild.export import export_neo4j_csv
from graphbuild.graph import (
    article_entities,
    graph_tables,
    load_graph,
    tables,
)
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.stores.neo4j import Neo4jSettings, Neo4jStore


def names(g: nx.MultiDiGraph) -> set[str]:
    return {str(name) for _, name in g.nodes(data="name")}


def test_whole_graph(small: EmbeddedStore, schema: Schema) -> None:
    g = load_graph(small, schema)
    stats = small.stats()
    entities = sum(stats["nodes"][t] for t in schema.entity_types if t in stats["nodes"])
    events = sum(stats["nodes"][t] for t in schema.event_types if t in stats["nodes"])
    assert g.number_of_nodes() == entities + events == 7
    relations = sum(
        stats["relationships"][p] for p in schema.predicates if p in stats["relationships"]
    )
    assert g.number_of_edges() == relations + stats["relationships"]["PARTICIPANT"] == 7

    assert g.nodes[MARA] == {
        "category": "entity",
        "label": "Person",
        "name": "Mara Quill",
        "kind": None,
        "aliases": [],
        "articles": ["n1"],
    }
    settlement = g.nodes[SETTLEMENT]
    assert settlement["category"] == "event"
    assert settlement["label"] == "Settlement"
    assert settlement["name"] == "Settlement 2022-03"
    assert (settlement["amount"], settlement["currency"]) == (2e6, "USD")
    assert (settlement["date"], settlement["status"]) == ("2022-03", "agreed")
    assert settlement["evidence"] == [FIRST[1]]
    assert settlement["support"] == 1

    role = g.edges[MARA, NORTHWIND, ROLE]
    assert role["predicate"] == "ROLE_AT"
    assert role["properties"] == {"role": "CEO"}
    assert role["confidence"] == 0.85
    assert role["support"] == 1
    assert role["articles"] == ["n1"]
    assert role["evidence"] == [FIRST[0]]
    assert role["rules"] == ["role/of"]
    assert role["first_seen"] == role["last_seen"] == "2022-03-10"
    assert g.edges[LUMEN, NORTHWIND, ACQUIRED]["properties"] == {"amount": 9e7, "currency": "USD"}

    participant = g.edges[SETTLEMENT, HARBOR, "PARTICIPANT:authority"]
    assert participant == {"predicate": "PARTICIPANT", "role": "authority"}
    assert "Article" not in {label for _, label in g.nodes(data="label")}


def test_with_articles(small: EmbeddedStore, schema: Schema) -> None:
    g = load_graph(small, schema, with_articles=True)
    stats = small.stats()
    assert g.number_of_nodes() == sum(stats["nodes"].values())
    assert g.number_of_edges() == sum(stats["relationships"].values())
    assert g.nodes["n2"]["label"] == "Article"
    assert g.nodes["n2"]["name"] == "Lumen buys Northwind"
    mention = g.edges["n1", NORTHWIND, "MENTIONS"]
    assert mention["texts"] == ["Northwind Bank", "Northwind Bank"]
    assert g.has_edge(ACQUISITION, "n2", "REPORTED_IN")


def test_neighbourhood_by_depth(small: EmbeddedStore, schema: Schema) -> None:
    alone = load_graph(small, schema, entity="Northwind Bank", depth=0)
    assert list(alone.nodes) == [NORTHWIND]

    near = load_graph(small, schema, entity="Northwind Bank", depth=1)
    assert set(near) == {NORTHWIND, MARA, LUMEN, SETTLEMENT, ACQUISITION}
    # Every fact that touches the entity, none that does not.
    assert near.has_edge(SETTLEMENT, NORTHWIND)
    assert not near.has_edge(SETTLEMENT, HARBOR)

    far = load_graph(small, schema, entity=NORTHWIND, depth=2)
    assert set(far) == {NORTHWIND, MARA, LUMEN, SETTLEMENT, ACQUISITION, HARBOR, TEO}
    assert far.has_edge(SETTLEMENT, HARBOR, "PARTICIPANT:authority")
    assert far.has_edge(TEO, LUMEN, FOUNDED)
    assert nx.utils.graphs_equal(far, load_graph(small, schema))


def test_neighbourhood_of_unknown_entity(small: EmbeddedStore, schema: Schema) -> None:
    with pytest.raises(EntityNotFoundError, match="'Northwind'") as caught:
        load_graph(small, schema, entity="Northwind")
    assert caught.value.hint and "graphbuild entities" in caught.value.hint


def test_time_window(small: EmbeddedStore, schema: Schema) -> None:
    early = load_graph(small, schema, until="2022")
    assert set(early) == {MARA, NORTHWIND, HARBOR, SETTLEMENT}

    late = load_graph(small, schema, since="2024-01")
    assert set(late) == {LUMEN, NORTHWIND, TEO, ACQUISITION}
    assert late.has_edge(LUMEN, NORTHWIND, ACQUIRED)

    # Bounds are inclusive and compare on their common precision.
    assert set(load_graph(small, schema, since="2022-03-10", until="2022-03-10")) == set(early)
    assert load_graph(small, schema, since="2023", until="2023").number_of_nodes() == 0

    # A window narrows a neighbourhood too.
    window = load_graph(small, schema, entity=NORTHWIND, depth=2, since="2024")
    assert set(window) == {LUMEN, NORTHWIND, TEO, ACQUISITION}


def test_empty_store(tmp_path: Path, schema: Schema) -> None:
    with EmbeddedStore.open(tmp_path / "empty", schema) as store:
        assert load_graph(store, schema, with_articles=True).number_of_nodes() == 0
        assert article_entities(store, schema) == {}
        frames = tables(store, schema)
        assert frames.entities.empty and frames.evidence.empty
        assert list(frames.relations.columns)[:3] == ["id", "predicate", "subject"]


def test_article_entities(small: EmbeddedStore, schema: Schema) -> None:
    assert article_entities(small, schema) == {
        "n1": sorted([HARBOR, MARA, NORTHWIND]),
        "n2": sorted([LUMEN, NORTHWIND, TEO]),
        "n3": sorted([LUMEN, NORTHWIND]),
    }


def test_tables(small: EmbeddedStore, schema: Schema) -> None:
    entities, relations, events, evidence = tables(small, schema)
    assert sorted(entities["name"]) == sorted(name for _, name in NAMES.values())
    assert set(entities.columns) == {"id", "type", "name", "kind", "aliases", "articles"}

    role = relations.set_index("id").loc[ROLE]
    assert (role["subject_name"], role["predicate"], role["object_name"]) == (
        "Mara Quill",
        "ROLE_AT",
        "Northwind Bank",
    )
    assert role["role"] == "CEO"
    assert role["evidence"] == [FIRST[0]]
    assert relations.set_index("id").loc[ACQUIRED, "amount"] == 9e7

    settlement = events.set_index("id").loc[SETTLEMENT]
    assert settlement["participants"] == {
        "authority": ["Harbor Authority"],
        "defendant": ["Northwind Bank"],
    }
    assert (settlement["amount"], settlement["date"]) == (2e6, "2022-03")

    assert len(evidence) == 5
    row = next(r for r in evidence.to_dict("records") if r["fact"] == SETTLEMENT)
    assert row["article"] == "n1"
    assert row["rule"] == "settlement/pay"
    assert row["sentence"] == FIRST[1]
    assert " ".join(FIRST)[row["start"] : row["end"]] == row["text"]


def test_tables_of_a_neighbourhood(small: EmbeddedStore, schema: Schema) -> None:
    g = load_graph(small, schema, entity=TEO, depth=1)
    frames = graph_tables(g)
    assert list(frames.relations["id"]) == [FOUNDED]
    assert frames.events.empty


def test_tables_without_pandas(
    small: EmbeddedStore, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        tables(small, schema)
    # The graph itself needs no pandas.
    assert load_graph(small, schema).number_of_nodes() == 7


def test_seed_neighbourhood_of_binance(seeded: EmbeddedStore) -> None:
    schema = seeded.schema
    near = load_graph(seeded, schema, entity="Binance", depth=1)
    binance = "organization:binance"
    assert {"Binance", "Richard Teng", "Changpeng Zhao"} <= names(near)
    labels = {label for _, label in near.nodes(data="label")}
    assert "Settlement" in labels
    # Every node at depth 1 touches Binance.
    for node in near:
        assert node == binance or near.has_edge(node, binance) or near.has_edge(binance, node)

    far = load_graph(seeded, schema, entity="Binance", depth=2)
    assert set(near) <= set(far)
    # Richard Teng reaches Binance's other people only at depth 2.
    teng_near = load_graph(seeded, schema, entity="Richard Teng", depth=1)
    teng_far = load_graph(seeded, schema, entity="Richard Teng", depth=2)
    assert "Changpeng Zhao" not in names(teng_near)
    assert "Changpeng Zhao" in names(teng_far)

    settlement = next(n for n, d in near.nodes(data=True) if d["label"] == "Settlement")
    assert near.nodes[settlement]["amount"] == 4.3e9
    assert near.nodes[settlement]["currency"] == "USD"
    assert near.edges[settlement, binance, "PARTICIPANT:defendant"]["role"] == "defendant"


def test_seed_time_window(seeded: EmbeddedStore) -> None:
    in_2023 = load_graph(seeded, seeded.schema, since="2023", until="2023")
    events = {d["label"]: d for _, d in in_2023.nodes(data=True) if d["category"] == "event"}
    assert "Settlement" in events and "Appointment" in events
    assert all(d["date"] and d["date"].startswith("2023") for d in events.values())
    # Relations were first seen in 2025 (the article's date), outside the window.
    assert not [e for e in in_2023.edges(data="predicate") if e[2] == "ROLE_AT"]


def test_same_graph_from_a_bolt_server(
    small: EmbeddedStore, schema: Schema, bolt_server: Neo4jSettings, tmp_path: Path
) -> None:
    """The Cypher of load_graph answers alike on LadybugDB and on a Bolt server."""
    empty_database(bolt_server, keep_schema=True)
    with Neo4jStore.open(bolt_server, schema) as server:
        for extraction in (first_article(), second_article(), third_article()):
            server.write(extraction)
        for options in (
            {"with_articles": True},
            {"entity": "Northwind Bank", "depth": 1},
            {"entity": TEO, "depth": 2},
            {"since": "2024"},
        ):
            expected = load_graph(small, schema, **options)
            found = load_graph(server, schema, **options)
            assert nx.utils.graphs_equal(found, expected), options
            assert dict(found.nodes(data=True)) == dict(expected.nodes(data=True))
            edges = {(u, v, k): d for u, v, k, d in expected.edges(keys=True, data=True)}
            assert {(u, v, k): d for u, v, k, d in found.edges(keys=True, data=True)} == edges
        # The neo4j-admin files of both stores hold the same rows under the same headers.
        for store, folder in ((small, tmp_path / "embedded"), (server, tmp_path / "server")):
            export_neo4j_csv(store, schema, folder)
        for path in sorted((tmp_path / "embedded").iterdir()):
            expected_rows = _csv_rows(path)
            found_rows = _csv_rows(tmp_path / "server" / path.name)
            assert len(found_rows) == len(expected_rows), path.name
            assert set(found_rows[0]) == set(expected_rows[0]), path.name


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


# The notebook example the README shows, verbatim.
# The README's notebook example, run as written.
NOTEBOOK_EXAMPLE = re.findall(
    r"```python\n(.*?)```", (PROJECT_ROOT / "README.md").read_text(encoding="utf-8"), re.S
)[0]


def test_notebook_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline, seed_dir: Path
) -> None:
    seed_store(tmp_path / "graphbuild-data", pipeline, seed_dir).close()
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(NOTEBOOK_EXAMPLE, namespace)
    store = namespace["store"]
    assert isinstance(store, EmbeddedStore)
    try:
        g = namespace["g"]
        assert isinstance(g, nx.MultiDiGraph)
        assert {"Binance", "Richard Teng"} <= names(g)
        relations = namespace["relations"]
        ceo = relations[relations["role"] == "CEO"]  # type: ignore[index]
        assert list(ceo["subject_name"]) == ["Richard Teng"]
        events = namespace["events"]
        settlement = events[events["type"] == "Settlement"]  # type: ignore[index]
        assert list(settlement["amount"]) == [4.3e9]
    finally:
        store.close()
