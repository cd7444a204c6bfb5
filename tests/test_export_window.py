"""`graphbuild export --since/--until`: the facts of a time window, in any graph format."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from handmade import seed_store

from graphbuild.cli import main
from graphbuild.export import read_node_link
from graphbuild.graph import load_graph
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema
from graphbuild.stores.embedded import EmbeddedStore


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, seed_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("window") / "graphbuild-data"
    seed_store(path, pipeline, seed_dir).close()
    return path


def events(g: nx.MultiDiGraph) -> dict[str, str | None]:
    return {
        str(d["name"]): d.get("date") for _, d in g.nodes(data=True) if d["category"] == "event"
    }


def test_export_a_year(data_dir: Path, schema: Schema, tmp_path: Path) -> None:
    out = tmp_path / "2023.json"
    result = run("--data-dir", data_dir, "export", out, "--format", "node-link",
                 "--since", "2023", "--until", "2023")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    g = read_node_link(out)
    # The events the article dates in 2023, with their participants; not the relations,
    # which the store first saw in April 2025 (the article's date).
    assert events(g) == {
        "Settlement 2023": "2023",
        "GuiltyPlea 2023": "2023",
        "Appointment 2023-11": "2023-11",
    }
    assert {"Binance", "Richard Teng"} <= {name for _, name in g.nodes(data="name")}
    assert not [p for _, _, p in g.edges(data="predicate") if p == "ROLE_AT"]
    with EmbeddedStore.open(data_dir, schema, read_only=True) as store:
        expected = load_graph(store, schema, since="2023", until="2023")
    assert nx.utils.graphs_equal(g, expected)


def test_export_from_a_date_on_with_an_entity(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "recent.json"
    result = run("--data-dir", data_dir, "export", out, "--format", "node-link",
                 "--entity", "Richard Teng", "--depth", "1", "--since", "2025-01")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    g = read_node_link(out)
    # Relations reported in 2025 are in; the 2023 appointment is not.
    roles = {d["properties"].get("role") for _, _, d in g.edges(data=True)
             if d["predicate"] == "ROLE_AT"}  # fmt: skip
    assert roles == {"CEO"}
    assert "Appointment 2023-11" not in events(g)


def test_window_does_not_apply_to_neo4j_csv(data_dir: Path, tmp_path: Path) -> None:
    result = run("--data-dir", data_dir, "export", tmp_path / "import", "--format", "neo4j-csv",
                 "--since", "2023")  # fmt: skip
    assert result.exit_code == 2
    assert "do not apply to --format neo4j-csv" in result.stderr
    assert not (tmp_path / "import").exists()
