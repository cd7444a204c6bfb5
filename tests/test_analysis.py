"""Analytics over graphs loaded from real LadybugDB stores (hand-built and seed articles)."""

from __future__ import annotations

import doctest
from pathlib import Path

import networkx as nx
import pytest
from handmade import (
    ACQUIRED,
    ACQUISITION,
    FOUNDED,
    HARBOR,
    LUMEN,
    MARA,
    NORTHWIND,
    ROLE,
    SETTLEMENT,
    TEO,
    seed_store,
)

import graphbuild.analysis
from graphbuild.analysis import (
    central_entities,
    co_occurrence,
    communities,
    find_entity,
    projection,
    sample_graph,
    shortest_path_facts,
    timeline,
)
from graphbuild.graph import article_entities, load_graph
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema
from graphbuild.stores.embedded import EmbeddedStore


@pytest.fixture(scope="module")
def small_graph(small: EmbeddedStore, schema: Schema) -> nx.MultiDiGraph:
    return load_graph(small, schema)


@pytest.fixture(scope="module")
def seed_graph(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, seed_dir: Path
) -> nx.MultiDiGraph:
    with seed_store(tmp_path_factory.mktemp("seed"), pipeline, seed_dir) as store:
        return load_graph(store, store.schema)


def test_docstring_examples() -> None:
    result = doctest.testmod(graphbuild.analysis, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("by", ["degree", "pagerank", "betweenness"])
def test_binance_is_most_central_in_the_seed_graph(seed_graph: nx.MultiDiGraph, by: str) -> None:
    ranked = central_entities(seed_graph, by=by, top=3)  # type: ignore[arg-type]
    assert ranked[0].name == "Binance"
    assert ranked[0].label == "Organization"
    assert len(ranked) == 3
    assert ranked[0].score > ranked[1].score
    # Only entities are ranked, never events.
    assert all(seed_graph.nodes[r.id]["category"] == "entity" for r in ranked)


def test_centrality_scores(small_graph: nx.MultiDiGraph) -> None:
    degree = central_entities(small_graph)
    # Northwind: its CEO, the acquisition relation, and two events.
    assert [(r.id, r.score) for r in degree[:2]] == [(NORTHWIND, 4.0), (LUMEN, 3.0)]
    # Ties are ordered by name.
    assert [r.name for r in degree[2:]] == ["Harbor Authority", "Mara Quill", "Teo Brandt"]
    pagerank = central_entities(small_graph, by="pagerank", top=100)
    assert sum(r.score for r in pagerank) < 1.0  # events hold the rest
    assert central_entities(small_graph, by="betweenness", top=1)[0].id == NORTHWIND
    with pytest.raises(ValueError, match="unknown centrality"):
        central_entities(small_graph, by="closeness")  # type: ignore[arg-type]


def test_articles_do_not_join_the_projection(small: EmbeddedStore, schema: Schema) -> None:
    with_articles = load_graph(small, schema, with_articles=True)
    assert set(projection(with_articles)) == set(load_graph(small, schema))
    assert central_entities(with_articles) == central_entities(load_graph(small, schema))


def test_communities(small_graph: nx.MultiDiGraph) -> None:
    groups = communities(small_graph)
    entities = {n for n, d in small_graph.nodes(data=True) if d["category"] == "entity"}
    assert set().union(*groups) == entities
    assert sum(len(group) for group in groups) == len(entities)
    assert [len(group) for group in groups] == sorted((len(g) for g in groups), reverse=True)
    together = next(group for group in groups if MARA in group)
    assert NORTHWIND in together

    with_events = communities(small_graph, entities_only=False)
    assert {SETTLEMENT, ACQUISITION} <= set().union(*with_events)

    spread = communities(small_graph, "label_propagation")
    assert set().union(*spread) == entities


def test_shortest_path_goes_through_the_facts(small_graph: nx.MultiDiGraph) -> None:
    path = shortest_path_facts(small_graph, "Mara Quill", "Teo Brandt")
    assert [(f.subject, f.predicate, f.object) for f in path] == [
        (MARA, "ROLE_AT", NORTHWIND),
        (LUMEN, "ACQUIRED", NORTHWIND),
        (TEO, "FOUNDED", LUMEN),
    ]
    assert [f.key for f in path] == [ROLE, ACQUIRED, FOUNDED]
    assert path[0].attributes["properties"] == {"role": "CEO"}
    assert path[0].attributes["evidence"] == [
        "Mara Quill is the chief executive of Northwind Bank."
    ]

    through_event = shortest_path_facts(small_graph, MARA, "Harbor Authority")
    assert [(f.subject_name, f.predicate, f.object_name) for f in through_event] == [
        ("Mara Quill", "ROLE_AT", "Northwind Bank"),
        ("Settlement 2022-03", "PARTICIPANT", "Northwind Bank"),
        ("Settlement 2022-03", "PARTICIPANT", "Harbor Authority"),
    ]
    assert [f.attributes["role"] for f in through_event[1:]] == ["defendant", "authority"]


def test_shortest_path_in_the_seed_graph(seed_graph: nx.MultiDiGraph) -> None:
    path = shortest_path_facts(seed_graph, "Richard Teng", "Changpeng Zhao")
    assert path[0].subject_name == "Richard Teng"
    assert path[0].predicate == "ROLE_AT"
    assert path[0].attributes["properties"]["role"] == "CEO"
    assert {f.object_name for f in path} == {"Binance"}
    assert {f.subject_name for f in path[1:]} == {"Changpeng Zhao"}


def test_shortest_path_errors() -> None:
    g = sample_graph()
    g.add_node("p:alone", category="entity", label="Person", name="Alone")
    with pytest.raises(nx.NetworkXNoPath):
        shortest_path_facts(g, "Ann Lee", "Alone")
    with pytest.raises(nx.NodeNotFound, match="'Nobody'"):
        shortest_path_facts(g, "Ann Lee", "Nobody")
    g.add_node("p:ann2", category="entity", label="Person", name="Ann Lee")
    with pytest.raises(ValueError, match="pass an id"):
        find_entity(g, "Ann Lee")


def test_timeline(small_graph: nx.MultiDiGraph) -> None:
    entries = timeline(small_graph, "Northwind Bank")
    assert [(e.date, e.type, e.role, e.amount, e.currency, e.status) for e in entries] == [
        ("2022-03", "Settlement", "defendant", 2e6, "USD", "agreed"),
        ("2024-06", "Acquisition", "target", 9e7, "USD", "completed"),
    ]
    assert entries[1].participants == {"acquirer": ["Lumen Capital"], "target": ["Northwind Bank"]}
    assert timeline(small_graph, TEO) == []


def test_seed_timeline_is_date_ordered(seed_graph: nx.MultiDiGraph) -> None:
    entries = timeline(seed_graph, "Binance")
    dated = [e.date for e in entries if e.date is not None]
    assert dated == sorted(dated)
    assert all(e.date is not None for e in entries[: len(dated)])  # undated last
    settlement = next(e for e in entries if e.type == "Settlement")
    assert (settlement.date, settlement.role) == ("2023", "defendant")
    assert (settlement.amount, settlement.currency) == (4.3e9, "USD")
    assert {"Appointment", "Resignation"} <= {e.type for e in entries}


def test_co_occurrence(small: EmbeddedStore, small_graph: nx.MultiDiGraph, schema: Schema) -> None:
    pairs = co_occurrence(small_graph)
    assert pairs[0] == (LUMEN, NORTHWIND, 2, ["n2", "n3"])
    assert all(p.shared == 1 for p in pairs[1:])
    assert len(pairs) == 1 + 3 + 2  # the pair above, n1's three pairs, n2's other two
    assert co_occurrence(article_entities(small, schema)) == pairs
    assert co_occurrence(small_graph, min_count=2) == pairs[:1]
    assert (HARBOR, LUMEN) not in {(p.a, p.b) for p in pairs}
