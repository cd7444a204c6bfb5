"""Exports: graph formats that read back, and neo4j-admin CSV files that match the store."""

from __future__ import annotations

import csv
import doctest
import json
import shlex
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from handmade import (
    FIRST,
    MARA,
    NORTHWIND,
    ROLE,
    SETTLEMENT,
    first_article,
)

import graphbuild.export
from graphbuild.errors import ConfigError
from graphbuild.export import (
    FORMATS,
    export_graph,
    export_neo4j_csv,
    facts,
    flat_graph,
    read_node_link,
)
from graphbuild.graph import load_graph
from graphbuild.schema import Schema
from graphbuild.stores.embedded import EmbeddedStore


def edges_with_keys(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_docstring_examples() -> None:
    result = doctest.testmod(graphbuild.export)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("store_name", ["small", "seeded"])
def test_node_link_round_trips(
    store_name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    store: EmbeddedStore = request.getfixturevalue(store_name)
    g = load_graph(store, store.schema, with_articles=True)
    back = read_node_link(export_graph(g, "node-link", tmp_path / "graph.json"))
    assert isinstance(back, nx.MultiDiGraph)
    assert nx.utils.graphs_equal(g, back)
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert edges_with_keys(back) == edges_with_keys(g)
    assert json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))["edges"]


def test_graphml_parses_back(small: EmbeddedStore, schema: Schema, tmp_path: Path) -> None:
    g = load_graph(small, schema, with_articles=True)
    path = export_graph(g, "graphml", tmp_path / "graph.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(back, nx.MultiDiGraph)
    assert set(back.nodes) == set(g.nodes)
    assert set(edges_with_keys(back)) == set(edges_with_keys(g))

    northwind = back.nodes[NORTHWIND]
    assert northwind["name"] == "Northwind Bank"
    assert northwind["label"] == "Organization"
    # Lists are JSON text; None values are left out.
    assert json.loads(northwind["articles"]) == ["n1", "n2", "n3"]
    assert "kind" not in back.nodes[MARA]
    settlement = back.nodes[SETTLEMENT]
    assert settlement["amount"] == 2e6
    assert settlement["support"] == 1
    role = back.edges[MARA, NORTHWIND, ROLE]
    assert json.loads(role["properties"]) == {"role": "CEO"}
    assert json.loads(role["evidence"]) == [FIRST[0]]
    assert role["confidence"] == 0.85


def test_gexf_parses_back(seeded: EmbeddedStore, tmp_path: Path) -> None:
    g = load_graph(seeded, seeded.schema)
    back = nx.read_gexf(export_graph(g, "gexf", tmp_path / "graph.gexf"))
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
    binance = back.nodes["organization:binance"]
    # Gephi shows the label: the name; the type is an attribute.
    assert binance["label"] == "Binance"
    assert binance["type"] == "Organization"
    assert json.loads(binance["articles"]) == ["seed-binance-monitorship"]
    predicates = sorted(d["label"] for _, _, d in back.edges(data=True))
    assert predicates == sorted(d["predicate"] for _, _, d in g.edges(data=True))
    keys = {k for _, _, k in back.edges(keys=True)}
    assert keys == {k for _, _, k in g.edges(keys=True)}


def test_flat_graph_holds_only_scalars(seeded: EmbeddedStore) -> None:
    flat = flat_graph(load_graph(seeded, seeded.schema, with_articles=True))
    values = [v for _, d in flat.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in flat.edges(data=True) for v in d.values()]
    assert values
    assert all(isinstance(v, str | int | float | bool) for v in values)


def test_csv_tables(small: EmbeddedStore, schema: Schema, tmp_path: Path) -> None:
    g = load_graph(small, schema, with_articles=True)
    folder = export_graph(g, "csv", tmp_path / "tables")
    nodes = read_csv(folder / "nodes.csv")
    edges = read_csv(folder / "edges.csv")
    assert nodes[0][:4] == ["id", "category", "label", "name"]
    assert edges[0][:4] == ["source", "target", "key", "predicate"]
    stats = small.stats()
    assert len(nodes) - 1 == sum(stats["nodes"].values())
    assert len(edges) - 1 == sum(stats["relationships"].values())

    header = nodes[0]
    row = next(r for r in nodes[1:] if r[0] == SETTLEMENT)
    record = dict(zip(header, row, strict=True))
    assert (record["label"], record["amount"], record["currency"]) == (
        "Settlement",
        "2000000.0",
        "USD",
    )
    assert json.loads(record["evidence"]) == [FIRST[1]]
    mara = dict(zip(header, next(r for r in nodes[1:] if r[0] == MARA), strict=True))
    assert mara["kind"] == ""


def test_jsonl_facts(small: EmbeddedStore, schema: Schema, tmp_path: Path) -> None:
    g = load_graph(small, schema)
    path = export_graph(g, "jsonl", tmp_path / "facts.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == list(facts(g))
    stats = small.stats()["relationships"]
    relations = [f for f in lines if f["kind"] == "relation"]
    events = [f for f in lines if f["kind"] == "event"]
    assert len(relations) == sum(stats.get(p, 0) for p in schema.predicates)
    assert len(events) == 2

    role = next(f for f in relations if f["id"] == ROLE)
    assert role["subject"] == {"id": MARA, "type": "Person", "name": "Mara Quill"}
    assert role["object"]["name"] == "Northwind Bank"
    assert role["properties"] == {"role": "CEO"}
    expected = first_article().relations[0].evidence[0]
    assert role["evidence"] == [
        {
            "article": "n1",
            "sentence": FIRST[0],
            "text": expected.text,
            "rule": "role/of",
            "start": expected.start,
            "end": expected.end,
        }
    ]
    settlement = next(f for f in events if f["id"] == SETTLEMENT)
    assert settlement["type"] == "Settlement"
    assert (settlement["amount"], settlement["currency"], settlement["date"]) == (
        2e6,
        "USD",
        "2022-03",
    )
    assert [(p["role"], p["name"]) for p in settlement["participants"]] == [
        ("authority", "Harbor Authority"),
        ("defendant", "Northwind Bank"),
    ]
    assert settlement["evidence"][0]["rule"] == "settlement/pay"


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="graphml, gexf, node-link, csv, jsonl"):
        export_graph(nx.MultiDiGraph(), "dot", tmp_path / "g.dot")
    assert FORMATS == ("graphml", "gexf", "node-link", "csv", "jsonl")


def neo4j_files(folder: Path) -> dict[str, list[list[str]]]:
    return {path.name: read_csv(path) for path in sorted(folder.glob("*.csv"))}


@pytest.mark.parametrize("store_name", ["small", "seeded"])
def test_neo4j_csv_matches_the_store(
    store_name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    store: EmbeddedStore = request.getfixturevalue(store_name)
    folder = tmp_path / "import"
    command = export_neo4j_csv(store, store.schema, folder)
    files = neo4j_files(folder)
    stats = store.stats()
    assert set(files) == {f"nodes-{label}.csv" for label in stats["nodes"]} | {
        f"rels-{rel_type}.csv" for rel_type in stats["relationships"]
    }
    for label, count in stats["nodes"].items():
        assert len(files[f"nodes-{label}.csv"]) - 1 == count
    for rel_type, count in stats["relationships"].items():
        assert len(files[f"rels-{rel_type}.csv"]) - 1 == count

    args = shlex.split(command)
    assert args[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    assert sorted(a.removeprefix("--nodes=") for a in args if a.startswith("--nodes=")) == sorted(
        str(folder / name) for name in files if name.startswith("nodes-")
    )
    relationships = [a.removeprefix("--relationships=") for a in args if "--relationships=" in a]
    assert sorted(relationships) == sorted(
        str(folder / name) for name in files if name.startswith("rels-")
    )
    assert "--array-delimiter=;" in args
    assert "--multiline-fields=true" in args


def test_neo4j_csv_headers(small: EmbeddedStore, schema: Schema, tmp_path: Path) -> None:
    export_neo4j_csv(small, schema, tmp_path)
    files = neo4j_files(tmp_path)

    person = files["nodes-Person.csv"]
    assert person[0] == [
        "id:ID(Entity)",
        "name",
        "kind",
        "aliases:string[]",
        "articles:string[]",
        ":LABEL",
    ]
    mara = dict(zip(person[0], next(r for r in person[1:] if r[0] == MARA), strict=True))
    assert mara[":LABEL"] == "Person;Entity"
    assert mara["kind"] == ""
    organization = files["nodes-Organization.csv"]
    northwind = next(r for r in organization[1:] if r[0] == NORTHWIND)
    assert northwind[4].split(";") == ["n1", "n2", "n3"]

    settlement = files["nodes-Settlement.csv"]
    header = settlement[0]
    assert header[0] == "id:ID(Event)"
    assert header[-1] == ":LABEL"
    for typed in (
        "amount:double",
        "currency",
        "date:date",
        "confidence:double",
        "support:long",
        "articles:string[]",
        "start_offsets:long[]",
        "article_confidences:double[]",
        "sentences:string[]",
    ):
        assert typed in header
    row = dict(zip(header, settlement[1], strict=True))
    assert (row["amount:double"], row["date:date"]) == ("2000000.0", "2022-03-01")
    assert row[":LABEL"] == "Settlement;Event"
    assert row["sentences:string[]"] == FIRST[1]

    assert files["nodes-Article.csv"][0][0] == "id:ID(Article)"
    role = files["rels-ROLE_AT.csv"]
    assert role[0][:3] == [":START_ID(Entity)", ":END_ID(Entity)", "id"]
    assert role[0][-1] == ":TYPE"
    assert {"role", "since:date", "until:date"} <= set(role[0])
    assert role[1][:3] == [MARA, NORTHWIND, ROLE]
    assert role[1][-1] == "ROLE_AT"
    acquired = files["rels-ACQUIRED.csv"][0]
    assert {"amount:double", "currency", "date:date"} <= set(acquired)
    assert files["rels-PARTICIPANT.csv"][0] == [
        ":START_ID(Event)",
        ":END_ID(Entity)",
        "role",
        ":TYPE",
    ]
    assert files["rels-REPORTED_IN.csv"][0] == [":START_ID(Event)", ":END_ID(Article)", ":TYPE"]
    assert files["rels-MENTIONS.csv"][0][:2] == [":START_ID(Article)", ":END_ID(Entity)"]


def test_neo4j_csv_array_delimiter_fallback(tmp_path: Path, schema: Schema) -> None:
    # A sentence holding ';' cannot be an element of a ';'-delimited array.
    article = first_article()
    relation = article.relations[0]
    evidence = relation.evidence[0].model_copy(
        update={"sentence": "Mara Quill is the chief executive; she joined in 2020."}
    )
    article = article.model_copy(
        update={"relations": [relation.model_copy(update={"evidence": [evidence]})]}
    )
    with EmbeddedStore.open(tmp_path / "data", schema) as store:
        store.write(article)
        command = export_neo4j_csv(store, schema, tmp_path / "import", database="news")
    args = shlex.split(command)
    assert args[4] == "news"
    assert "--array-delimiter=U+001F" in args
    rows = read_csv(tmp_path / "import" / "rels-ROLE_AT.csv")
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["sentences:string[]"] == "Mara Quill is the chief executive; she joined in 2020."
    assert record["articles:string[]"] == "n1"
