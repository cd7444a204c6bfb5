"""Static figures: what they show, read back from the figure and from its Agg rendering.

The graph comes from the seed article, ingested by the real spaCy pipeline into
a LadybugDB store (the ``seeded`` fixture).
"""

from __future__ import annotations

import doctest
import importlib.util
import re
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text

import graphbuild.figures
import graphbuild.style
from graphbuild.analysis import sample_graph
from graphbuild.config import PROJECT_ROOT
from graphbuild.figures import (
    ego_figure,
    enforcement_actions,
    enforcement_timeline,
    enforcement_types,
    network_figure,
)
from graphbuild.graph import load_graph
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.style import EVENT_COLOUR, amount_text, type_colours


@pytest.fixture(scope="module")
def seed_graph(seeded: EmbeddedStore) -> nx.MultiDiGraph:
    return load_graph(seeded, seeded.schema)


def texts(fig: Figure) -> list[str]:
    fig.draw_without_rendering()
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def face_colours(fig: Figure) -> set[str]:
    found: set[str] = set()
    for collection in fig.findobj(PathCollection):
        found.update(to_hex(c).upper() for c in collection.get_facecolors())
    return found


def rendered(fig: Figure) -> np.ndarray:
    """The figure drawn by the Agg backend, as an RGB array."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[:, :, :3]


def pixels_of(image: np.ndarray, colour: str) -> int:
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(image.astype(int) - rgb).sum(axis=2) < 12).sum())


def test_ego_network_of_binance(seed_graph: nx.MultiDiGraph, schema: Schema) -> None:
    fig = ego_figure(seed_graph, "Binance", radius=1, schema=schema)
    shown = texts(fig)
    for name in ("Binance", "Richard Teng", "Changpeng Zhao", "Eleanor Hughes"):
        assert name in shown
    # Events carry their amount; edges their predicate (parallel facts share one label).
    assert "Settlement 2023\nover $4.3 billion" in shown
    assert "ROLE_AT (CEO)" in shown
    assert "FOUNDED\nROLE_AT (co-founder)\nROLE_AT (former CEO)" in shown
    assert "defendant" in shown
    # Only what lies within one hop: the Treasury and Bitcoin are not linked to Binance.
    assert "U.S. Treasury" not in shown and "Bitcoin" not in shown
    assert "Binance: 1-hop ego network" in shown
    # A legend of the types present, with counts.
    assert {"Person (3)", "Organization (1)", "event (4)"} <= set(shown)

    colours = type_colours(schema)
    assert {colours["Person"], colours["Organization"], EVENT_COLOUR} <= face_colours(fig)
    image = rendered(fig)
    assert pixels_of(image, colours["Organization"]) > 300  # Binance's large dot
    assert pixels_of(image, EVENT_COLOUR) > 300
    assert pixels_of(image, colours["Person"]) > 300


def test_ego_radius_and_unknown_entity(seed_graph: nx.MultiDiGraph, schema: Schema) -> None:
    near = texts(ego_figure(seed_graph, "Richard Teng", radius=1, schema=schema))
    far = texts(ego_figure(seed_graph, "Richard Teng", radius=2, schema=schema))
    assert "Binance" in near and "Changpeng Zhao" not in near
    assert "Changpeng Zhao" in far
    with pytest.raises(nx.NodeNotFound, match="Nobody"):
        ego_figure(seed_graph, "Nobody", schema=schema)


def test_whole_graph_puts_unlinked_entities_apart(
    seed_graph: nx.MultiDiGraph, schema: Schema
) -> None:
    fig = network_figure(seed_graph, schema=schema, title="seed")
    positions = {
        t.get_gid(): t.xy for t in fig.findobj(Text) if str(t.get_gid()).startswith("node:")
    }
    linked_low = min(y for gid, (_, y) in positions.items() if "binance" in gid)
    assert positions["node:asset:bitcoin"][1] < linked_low
    assert positions["node:regulator:us-treasury"][1] < linked_low
    assert len(positions) == seed_graph.number_of_nodes()
    # The same graph gives the same picture.
    again = network_figure(seed_graph, schema=schema, title="seed")
    assert {
        t.get_gid(): t.xy for t in again.findobj(Text) if str(t.get_gid()).startswith("node:")
    } == positions


def test_enforcement_actions_of_the_seed(seed_graph: nx.MultiDiGraph, schema: Schema) -> None:
    actions = enforcement_actions(seed_graph, schema=schema)
    summary = [(a.type, a.date, a.against, a.amount, a.amount_text) for a in actions]
    assert summary == [
        ("GuiltyPlea", "2023", ["Binance"], None, None),
        ("Settlement", "2023", ["Binance"], 4.3e9, "over $4.3 billion"),
        ("GuiltyPlea", None, ["Changpeng Zhao"], None, None),
    ]
    # Appointments and resignations are not enforcement.
    assert {a.type for a in actions} <= enforcement_types(schema)
    assert "Appointment" not in enforcement_types(schema)
    assert [a.type for a in enforcement_actions(seed_graph, "Changpeng Zhao", schema=schema)] == [
        "GuiltyPlea"
    ]


def test_enforcement_timeline(seed_graph: nx.MultiDiGraph, schema: Schema) -> None:
    fig = enforcement_timeline(seed_graph, schema=schema)
    shown = texts(fig)
    assert "Enforcement actions" in shown
    assert "Binance\nover $4.3 billion" in shown
    assert "Binance" in shown  # the plea, which has no amount
    assert "Changpeng Zhao" in shown  # his plea, placed at the article's date
    assert "dashed: 1 with no date in the text, placed at the first article reporting it" in shown
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Settlement", "GuiltyPlea"]
    points = {str(c.get_gid()): c for c in fig.findobj(PathCollection) if c.get_gid() is not None}
    assert len(points) == 3
    # The settlement sits at mid-2023 in its lane, filled because it has an amount.
    settlement = next(c for gid, c in points.items() if gid.startswith("event:settlement:"))
    x, y = settlement.get_offsets()[0]
    assert mdates.num2date(x).date().isoformat() == "2023-07-01"
    assert y == 0
    assert to_hex(settlement.get_facecolors()[0]).upper() == EVENT_COLOUR
    pleas = [c for gid, c in points.items() if gid.startswith("event:guiltyplea:")]
    dates = sorted(mdates.num2date(c.get_offsets()[0][0]).date().isoformat() for c in pleas)
    # Binance's plea is dated 2023 by the text; Zhao's is undated, so drawn at April 2025.
    assert dates == ["2023-07-01", "2025-04-15"]
    assert all(to_hex(c.get_facecolors()[0]) == "#ffffff" for c in pleas)
    assert settlement.get_sizes()[0] > pleas[0].get_sizes()[0]
    assert pixels_of(rendered(fig), EVENT_COLOUR) > 200


def test_timeline_of_an_entity_and_undated_actions_left_out(
    seed_graph: nx.MultiDiGraph, schema: Schema
) -> None:
    shown = texts(enforcement_timeline(seed_graph, "Changpeng Zhao", schema=schema))
    assert "Enforcement actions of Changpeng Zhao" in shown
    assert "Changpeng Zhao" in shown and "Binance" not in shown
    omitted = texts(
        enforcement_timeline(seed_graph, "Changpeng Zhao", schema=schema, undated="omit")
    )
    assert "no dated enforcement actions" in omitted
    assert "1 undated, not shown: GuiltyPlea (Changpeng Zhao)" in omitted


def test_timeline_labels_do_not_pile_up(schema: Schema) -> None:
    """Many actions on one day: the largest amounts get the labels, the rest are counted."""
    g = nx.MultiDiGraph()
    for i in range(6):
        g.add_node(f"o:{i}", category="entity", label="Organization", name=f"Firm {i}")
        g.add_node(
            f"fine:{i}",
            category="event",
            label="Fine",
            name="Fine 2024-05-01",
            date="2024-05-01",
            amount=float(10**6 * (i + 1)),
            currency="USD",
        )
        g.add_edge(f"fine:{i}", f"o:{i}", key="PARTICIPANT:defendant", predicate="PARTICIPANT",
                   role="defendant")  # fmt: skip
    shown = texts(enforcement_timeline(g, schema=schema))
    labels = [t for t in shown if t.startswith("Firm ")]
    assert labels == ["Firm 5\n$6 million", "Firm 4\n$5 million"]
    assert "4 not labelled (no room, or no party or amount)" in shown


def test_timeline_names_the_authority_when_no_party_is_known(schema: Schema) -> None:
    g = sample_graph()
    g.remove_edge("s:1", "o:acme", key="PARTICIPANT:defendant")
    shown = texts(enforcement_timeline(g, schema=schema))
    assert "by Board\n$5 million" in shown


def test_figures_draw_into_a_given_axes(schema: Schema) -> None:
    fig = Figure(figsize=(10, 4))
    left, right = fig.subplots(1, 2)
    assert ego_figure(sample_graph(), "Acme", schema=schema, ax=left) is fig
    assert enforcement_timeline(sample_graph(), schema=schema, ax=right) is fig
    shown = texts(fig)
    assert "Settlement 2023\n$5 million" in shown and "Acme\n$5 million" in shown


def test_amounts_read_as_a_reader_writes_them() -> None:
    assert amount_text(4.3e9, "USD", "over") == "over $4.3 billion"
    assert amount_text(2.5e6, "EUR", "up_to") == "up to €2.5 million"
    assert amount_text(1.2e12, "USD", "exact") == "$1.2 trillion"
    assert amount_text(950.0, "GBP", "about") == "about £950"
    assert amount_text(None, "USD", None) is None


def test_without_matplotlib(schema: Schema, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"pip install -e '\.\[figures\]'"):
        ego_figure(sample_graph(), "Acme", schema=schema)


@pytest.mark.parametrize("module", [graphbuild.style, graphbuild.figures])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(
        module,  # type: ignore[arg-type]
        extraglobs={"sample_graph": sample_graph},
        optionflags=doctest.ELLIPSIS,
    )
    assert result.failed == 0
    assert result.attempted > 0


def test_readme_shows_the_seed_graph(
    pipeline: Pipeline, seed_dir: Path, tmp_path: Path, schema: Schema
) -> None:
    """The README's picture exists, and scripts/draw_seed_graph.py draws it from the seeds."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "![" in readme and "(docs/seed-graph.png)" in readme
    committed = PROJECT_ROOT / "docs" / "seed-graph.png"
    assert committed.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    spec = importlib.util.spec_from_file_location(
        "draw_seed_graph", PROJECT_ROOT / "scripts" / "draw_seed_graph.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = script.draw(seed_dir, tmp_path / "seed.png", dpi=60, pipeline=pipeline)
    image = plt_image(out)
    assert image.shape[0] > 400 and image.shape[1] > 600
    colours = type_colours(schema)
    assert pixels_of(image, colours["Organization"]) > 50
    assert pixels_of(image, EVENT_COLOUR) > 50


def plt_image(path: Path) -> np.ndarray:
    from matplotlib.image import imread

    data = imread(path)
    return (np.asarray(data)[:, :, :3] * 255).round().astype(int)


def test_readme_figures_example(seed_graph: nx.MultiDiGraph) -> None:
    """The README's figures example runs as written on the seed graph."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    example = next(
        block
        for block in re.findall(r"```python\n(.*?)```", readme, re.S)
        if "graphbuild.figures" in block
    )
    namespace: dict[str, object] = {"g": seed_graph}
    exec(example, namespace)
    fig = namespace["ego_figure"](seed_graph, "Binance", radius=1)  # type: ignore[operator]
    assert "Binance" in texts(fig)
