"""`graphbuild viz`: the interactive HTML view, on real stores and in a real browser.

The seed article is ingested by the real spaCy pipeline into a LadybugDB store
(and into a Bolt server for the Neo4j test); the page is opened in Debian's
headless Chromium (see tests/browser.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from bolt_server import empty_database
from browser import chromium, open_page
from click.testing import CliRunner, Result
from handmade import seed_store

from graphbuild.cli import main
from graphbuild.errors import EmptyGraphError, EntityNotFoundError
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.stores.neo4j import Neo4jSettings, Neo4jStore
from graphbuild.style import EVENT_COLOUR, type_colours
from graphbuild.viz import load_view, network, render_html, write_html

__all__ = ["chromium"]

SETTLEMENT_SENTENCE = (
    "The monitorship was part of the 2023 settlement in which Binance pleaded guilty"
)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_dir_store(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, seed_dir: Path
) -> Path:
    """The data dir of a closed store holding the seed article, for the CLI to open."""
    data_dir = tmp_path_factory.mktemp("viz") / "graphbuild-data"
    seed_store(data_dir, pipeline, seed_dir).close()
    return data_dir


@pytest.fixture
def store(seed_dir_store: Path, schema: Schema) -> Iterator[EmbeddedStore]:
    with EmbeddedStore.open(seed_dir_store, schema, read_only=True) as opened:
        yield opened


def page_data(html: str, name: str) -> list[dict[str, Any]]:
    """The node or edge list the page hands to vis-network."""
    match = re.search(rf"const {name} = new vis\.DataSet\((\[.*?\])\.map\(tip\)\);", html, re.S)
    assert match, f"no {name} data in the page"
    found = json.loads(match.group(1))
    assert isinstance(found, list)
    return found


def test_view_of_binance(store: EmbeddedStore, schema: Schema) -> None:
    g = load_view(store, schema, entity="Binance", depth=2)
    html = render_html(g, schema=schema, title="Binance", focus="Binance")
    nodes = {n["label"].split("\n")[0]: n for n in page_data(html, "nodes")}
    assert {"Binance", "Richard Teng", "Changpeng Zhao", "Eleanor Hughes"} <= set(nodes)

    # Colour by type: people share one colour, the exchange has another.
    colours = type_colours(schema)
    assert nodes["Richard Teng"]["color"]["background"] == colours["Person"]
    assert nodes["Binance"]["color"]["background"] == colours["Organization"]
    assert colours["Person"] != colours["Organization"]
    # The entity asked for stands out.
    assert nodes["Binance"]["size"] > nodes["Richard Teng"]["size"]

    # The settlement is a diamond that shows its amount, and its hover its evidence and rule.
    settlement = nodes["Settlement 2023"]
    assert settlement["label"] == "Settlement 2023\nover $4.3 billion"
    assert settlement["shape"] == "diamond"
    assert settlement["color"]["background"] == EVENT_COLOUR
    assert SETTLEMENT_SENTENCE in settlement["title"]
    assert "rule settlement/with_amount" in settlement["title"]
    assert "defendant: Binance" in settlement["title"]

    # Edges are labelled by predicate; a relation's hover shows its sentence and rule.
    edges = page_data(html, "edges")
    labels = {e["label"] for e in edges}
    assert {"ROLE_AT (CEO)", "ROLE_AT (chief legal officer)", "FOUNDED", "defendant"} <= labels
    ceo = next(e for e in edges if e["label"] == "ROLE_AT (CEO)")
    assert ceo["from"] == "person:richard-teng" and ceo["to"] == "organization:binance"
    assert "the exchange's CEO Richard Teng" in ceo["title"]
    assert "rule role/title_person_coref" in ceo["title"]
    assert len(edges) == g.number_of_edges()

    # The legend names each type present with its colour and count.
    assert re.search(r'data-type="Person">.*?Person \(3\)', html, re.S)
    assert re.search(r'data-type="event">.*?event \(5\)', html, re.S)


def test_page_loads_nothing_from_the_network(store: EmbeddedStore, schema: Schema) -> None:
    html = render_html(load_view(store, schema), schema=schema)
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert not re.search(r"<link[^>]*\bhref=", html)
    assert "vis.Network" in html and "vis-network" in html


def test_article_text_is_not_markup(schema: Schema) -> None:
    """Names and sentences from articles cannot inject markup into the page."""
    g = nx.MultiDiGraph()
    g.add_node("person:x", category="entity", label="Person", name="</script><b>X</b>")
    html = render_html(g, schema=schema, title="<i>t</i>")
    assert "</script><b>" not in html and "<i>t</i>" not in html
    assert page_data(html, "nodes")[0]["label"] == "</script><b>X</b>"


def test_depth_limits_the_view(store: EmbeddedStore, schema: Schema) -> None:
    near = network(load_view(store, schema, entity="Richard Teng", depth=1), schema=schema)
    far = network(load_view(store, schema, entity="Richard Teng", depth=2), schema=schema)
    near_names = {n["label"] for n in near.nodes}
    far_names = {n["label"] for n in far.nodes}
    assert "Binance" in near_names and "Changpeng Zhao" not in near_names
    assert "Changpeng Zhao" in far_names


def test_unknown_entity_and_empty_store(
    store: EmbeddedStore, schema: Schema, tmp_path: Path
) -> None:
    with pytest.raises(EntityNotFoundError, match="'Nobody'"):
        load_view(store, schema, entity="Nobody")
    with (
        EmbeddedStore.open(tmp_path / "empty", schema) as empty,
        pytest.raises(EmptyGraphError, match="no entities") as caught,
    ):
        load_view(empty, schema, entity="Binance")
    assert "graphbuild ingest" in str(caught.value)
    with pytest.raises(EmptyGraphError, match="no facts between 1990 and 1991"):
        load_view(store, schema, since="1990", until="1991")


def test_viz_command(seed_dir_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "views" / "binance.html"
    result = run("--data-dir", seed_dir_store, "viz", "Binance", "--depth", "2", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "wrote 9 nodes and 12 edges" in result.stderr
    names = {n["label"].split("\n")[0] for n in page_data(out.read_text("utf-8"), "nodes")}
    assert {"Binance", "Richard Teng", "Settlement 2023"} <= names

    whole = run("--data-dir", seed_dir_store, "viz", "-o", tmp_path / "all.html")
    assert whole.exit_code == 0, whole.stderr
    assert "U.S. Treasury" in (tmp_path / "all.html").read_text("utf-8")

    unknown = run("--data-dir", seed_dir_store, "viz", "Nobody", "-o", tmp_path / "x.html")
    assert unknown.exit_code == 2
    assert "no entity has the id or name 'Nobody'" in unknown.stderr
    assert "graphbuild entities" in unknown.stderr
    assert not (tmp_path / "x.html").exists()


def test_viz_command_on_an_empty_or_missing_store(schema: Schema, tmp_path: Path) -> None:
    EmbeddedStore.open(tmp_path / "empty", schema).close()
    empty = run("--data-dir", tmp_path / "empty", "viz", "Binance", "-o", tmp_path / "x.html")
    assert empty.exit_code == 3
    assert empty.stderr.count("\n") == 1
    assert "holds no entities" in empty.stderr and "graphbuild ingest" in empty.stderr
    missing = run("--data-dir", tmp_path / "none", "viz", "Binance", "-o", tmp_path / "x.html")
    assert missing.exit_code == 3
    assert "no graph store" in missing.stderr


def test_unwritable_output_is_a_clear_error(store: EmbeddedStore, schema: Schema) -> None:
    g = load_view(store, schema, entity="Binance", depth=1)
    with pytest.raises(Exception, match="choose a writable path"):
        write_html(g, Path("/proc/graphbuild/view.html"), schema=schema)


def test_same_view_from_a_bolt_server(
    store: EmbeddedStore,
    schema: Schema,
    pipeline: Pipeline,
    seed_dir: Path,
    bolt_server: Neo4jSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    empty_database(bolt_server, keep_schema=True)
    with Neo4jStore.open(bolt_server, schema) as server:
        with pytest.raises(EmptyGraphError):
            load_view(server, schema, entity="Binance")
        assert pipeline.ingest([seed_dir], server).ok
        found = network(load_view(server, schema, entity="Binance"), schema=schema)
    expected = network(load_view(store, schema, entity="Binance"), schema=schema)
    assert found.nodes == expected.nodes
    assert found.edges == expected.edges

    monkeypatch.setenv("NEO4J_URI", bolt_server.uri)
    monkeypatch.setenv("NEO4J_USER", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password.get_secret_value())
    monkeypatch.setenv("NEO4J_DATABASE", bolt_server.database)
    out = tmp_path / "neo4j.html"
    result = run("--store", "neo4j", "viz", "Binance", "-o", out)
    assert result.exit_code == 0, result.stderr
    focused = network(load_view(store, schema, entity="Binance"), schema=schema, focus="Binance")
    assert page_data(out.read_text("utf-8"), "nodes") == focused.nodes


# -- in a real browser -------------------------------------------------------


def test_view_renders_in_chromium(chromium: Any, seed_dir_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "binance.html"
    result = run("--data-dir", seed_dir_store, "viz", "Binance", "--depth", "2", "-o", out)
    assert result.exit_code == 0, result.stderr
    page, log = open_page(chromium, out)
    try:
        page.wait_for_function("document.body.dataset.stabilized === 'true'", timeout=30_000)
        # The network vis-network drew holds the expected nodes, each with a position.
        drawn = page.evaluate(
            "() => { const n = window.graphbuild.network;"
            " const pos = n.getPositions();"
            " return n.body.data.nodes.get().map(d => [d.id, d.label, d.id in pos]); }"
        )
        labels = {label.split("\n")[0] for _, label, _ in drawn}
        assert {"Binance", "Richard Teng", "Changpeng Zhao", "Settlement 2023"} <= labels
        assert all(placed for _, _, placed in drawn)
        assert "Settlement 2023\nover $4.3 billion" in {label for _, label, _ in drawn}
        edge_labels = page.evaluate(
            "() => window.graphbuild.network.body.data.edges.get().map(e => e.label)"
        )
        assert "ROLE_AT (CEO)" in edge_labels

        # The canvas is drawn on (not blank).
        painted = page.evaluate(
            "() => { const c = document.querySelector('#mynetwork canvas');"
            " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"
        )
        assert painted > 1000

        # Hovering the settlement shows its evidence sentence and rule.
        x, y = page.evaluate(
            "() => { const n = window.graphbuild.network;"
            " const id = n.body.data.nodes.get().find(d => d.label.startsWith('Settlement')).id;"
            " const p = n.canvasToDOM(n.getPositions([id])[id]);"
            " const box = document.getElementById('mynetwork').getBoundingClientRect();"
            " return [p.x + box.left, p.y + box.top]; }"
        )
        page.mouse.move(x - 40, y - 40)
        page.mouse.move(x, y, steps=5)
        tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        assert tooltip is not None
        text = tooltip.inner_text()
        assert SETTLEMENT_SENTENCE in text
        assert "settlement/with_amount" in text

        # The legend is on the page.
        assert page.inner_text("#legend").split() == [
            "Person", "(3)", "Organization", "(1)", "event", "(5)",
        ]  # fmt: skip
    finally:
        page.close()
    assert log.errors == []
    assert log.console_errors == []
    # Nothing but the file itself was requested: no CDN, no network.
    assert log.requests == [out.resolve().as_uri()]


def test_whole_graph_renders_without_console_messages(
    chromium: Any, seed_dir_store: Path, tmp_path: Path
) -> None:
    """The whole seed graph, with entities in no fact, draws without a word in the console."""
    out = tmp_path / "all.html"
    assert run("--data-dir", seed_dir_store, "viz", "-o", out).exit_code == 0
    page, log = open_page(chromium, out)
    try:
        page.wait_for_function("document.body.dataset.stabilized === 'true'", timeout=30_000)
        labels = page.evaluate(
            "() => window.graphbuild.network.body.data.nodes.get().map(d => d.label)"
        )
        assert {"U.S. Treasury", "Bitcoin", "Binance"} <= set(labels)
    finally:
        page.close()
    assert log.console == [] and log.errors == []


def test_large_scattered_graph_renders_without_console_messages(
    chromium: Any, schema: Schema, tmp_path: Path
) -> None:
    """Hundreds of small components (a corpus's whole graph) draw without console messages."""
    g = nx.MultiDiGraph()
    for i in range(120):
        g.add_node(f"o:{i}", category="entity", label="Organization", name=f"Firm {i}")
        g.add_node(f"p:{i}", category="entity", label="Person", name=f"Person {i}")
        if i % 2:
            g.add_edge(
                f"p:{i}",
                f"o:{i}",
                key=f"rel:{i}",
                predicate="ROLE_AT",
                properties={"role": "CEO"},
                evidence=[f"Person {i} runs Firm {i}."],
            )
    out = write_html(g, tmp_path / "scattered.html", schema=schema)
    page, log = open_page(chromium, out)
    try:
        page.wait_for_function("document.body.dataset.stabilized === 'true'", timeout=60_000)
        count = page.evaluate("() => window.graphbuild.network.body.data.nodes.length")
        assert count == 240
    finally:
        page.close()
    assert log.console == [] and log.errors == []
