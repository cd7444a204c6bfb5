"""An interactive HTML view of the graph: one self-contained page drawn by vis-network.

:func:`write_html` draws a graph from :func:`graphbuild.graph.load_graph` with
pyvis: entities as dots coloured by type (a legend names the colours), events
as diamonds labelled with their type, date and amount, edges labelled by
predicate (a participation edge by its role). Hovering a node or an edge shows
the fact with its properties, confidence, support and every evidence
sentence with the rule that read it and its article. The vis-network script
and stylesheet that pyvis ships are inlined, so the page needs no network
and can be mailed or archived as one file.

:func:`load_view` reads what to draw from a store and says clearly when there
is nothing: :class:`~graphbuild.errors.EntityNotFoundError` for an unknown
entity, :class:`~graphbuild.errors.EmptyGraphError` for an empty store or
window. ``graphbuild viz ENTITY --depth 2 -o view.html`` is these two calls.

>>> g = load_view(store, store.schema, entity="Binance", depth=2)  # doctest: +SKIP
>>> write_html(g, Path("binance.html"), schema=store.schema, title="Binance")  # doctest: +SKIP
PosixPath('binance.html')
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network

from graphbuild.errors import EmptyGraphError, ExportError
from graphbuild.graph import EVENT, load_graph
from graphbuild.schema import Schema
from graphbuild.stores.base import GraphStore
from graphbuild.style import (
    EVENT_LEGEND,
    edge_caption,
    edge_hover,
    legend_entries,
    node_caption,
    node_colour,
    node_hover,
    type_colours,
)

log = logging.getLogger(__name__)

TEMPLATE = "network.html"
_TEMPLATE_DIR = Path(__file__).parent / "templates"
# pyvis's own templates folder holds the vis-network build the page inlines.
_PYVIS_TEMPLATE_DIR = Path(pyvis.__file__).parent / "templates"

_OPTIONS: dict[str, Any] = {
    "nodes": {"font": {"size": 15, "face": "sans-serif"}, "borderWidth": 1},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#8a8a8a", "highlight": "#333333", "hover": "#333333"},
        "font": {"size": 11, "align": "middle", "strokeWidth": 3},
        "width": 1.2,
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 140},
        "stabilization": {"enabled": True, "iterations": 400},
    },
    "interaction": {"hover": True, "tooltipDelay": 120},
}


def load_view(
    store: GraphStore,
    schema: Schema,
    *,
    entity: str | None = None,
    depth: int = 2,
    since: str | None = None,
    until: str | None = None,
) -> nx.MultiDiGraph:
    """What :func:`write_html` should draw: an entity's neighbourhood, or the whole graph.

    Takes the options of :func:`graphbuild.graph.load_graph`. Raises
    :class:`EmptyGraphError` when the store holds no entity yet, or when the
    time window holds nothing, and :class:`EntityNotFoundError` when no
    entity has the id or name ``entity``.
    """
    present = store.stats()["nodes"]
    if not any(present.get(label) for label in schema.entity_types):
        raise EmptyGraphError(
            "the store holds no entities yet, so there is nothing to draw",
            hint="ingest articles first: graphbuild ingest PATHS",
        )
    g = load_graph(store, schema, entity=entity, depth=depth, since=since, until=until)
    if g.number_of_nodes() == 0:
        window = f"between {since or 'the start'} and {until or 'now'}"
        raise EmptyGraphError(
            f"no facts {window}", hint="widen the window with --since/--until, or drop them"
        )
    return g


def network(
    g: nx.MultiDiGraph,
    *,
    schema: Schema,
    focus: str | None = None,
    height: str = "800px",
) -> Network:
    """The pyvis ``Network`` of ``g``, styled as :func:`write_html` draws it.

    ``focus`` (an id, or the exact name of entities) is drawn larger, as what
    the view is about. Node and edge ``title`` attributes hold the hover text
    as plain text.
    """
    colours = type_colours(schema)
    focused = {
        node
        for node, data in g.nodes(data=True)
        if focus is not None and (node == focus or data.get("name") == focus)
    }
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    undirected = nx.Graph(g)
    degree = dict(undirected.degree())
    for node, data in sorted(g.nodes(data=True)):
        colour = node_colour(data, colours)
        is_event = data.get("category") == EVENT
        net.add_node(
            node,
            label=node_caption(data),
            title=node_hover(g, node),
            shape="diamond" if is_event else "dot",
            size=(30 if node in focused else 12 + 3 * min(degree.get(node, 0), 6)),
            borderWidth=4 if node in focused else 1,
            color={
                "background": colour,
                "border": "#222222",
                "highlight": {"background": colour, "border": "#000000"},
                "hover": {"background": colour, "border": "#000000"},
            },
            # Kept on the node for readers of the page's data (tests, scripts).
            type=data.get("label"),
            category=data.get("category"),
        )
    parallel: Counter[frozenset[str]] = Counter()
    for source, target, key, data in sorted(g.edges(keys=True, data=True), key=_edge_order):
        pair = frozenset((source, target))
        nth = parallel[pair]
        parallel[pair] += 1
        net.add_edge(
            source,
            target,
            id=f"{source}|{target}|{key}",
            label=edge_caption(data),
            title=edge_hover(g, source, target, data),
            predicate=data.get("predicate"),
            # Facts between the same two nodes curve apart instead of overlapping.
            smooth={"enabled": True, "type": "curvedCW", "roundness": 0.25 * nth}
            if nth
            else {"enabled": False},
        )
    # vis-network's improved layout (Kamada-Kawai) cannot place many components and
    # says so in the console; its plain random start serves those graphs as well.
    improved = nx.number_connected_components(undirected) <= 1 and len(undirected) <= 100
    net.options = {**_OPTIONS, "layout": {"improvedLayout": improved}}
    return net


def render_html(
    g: nx.MultiDiGraph,
    *,
    schema: Schema,
    title: str = "graphbuild",
    focus: str | None = None,
    height: str = "800px",
) -> str:
    """The page of :func:`write_html` as a string."""
    net = network(g, schema=schema, focus=focus, height=height)
    nodes, edges, _, height, _, _ = net.get_network_data()
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader(_TEMPLATE_DIR),
                jinja2.FileSystemLoader(_PYVIS_TEMPLATE_DIR),
            ]
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    entities = sum(1 for _, c in g.nodes(data="category") if c != EVENT)
    events = g.number_of_nodes() - entities
    summary = (
        f"{_plural(entities, 'entity', 'entities')}, {_plural(events, 'event', 'events')}, "
        f"{_plural(g.number_of_edges(), 'edge', 'edges')}"
    )
    return environment.get_template(TEMPLATE).render(
        title=title,
        summary=summary,
        legend=legend_entries(g, type_colours(schema)),
        event_legend=EVENT_LEGEND,
        nodes=nodes,
        edges=edges,
        options=net.options,
        height=height,
    )


def write_html(
    g: nx.MultiDiGraph,
    path: Path,
    *,
    schema: Schema,
    title: str = "graphbuild",
    focus: str | None = None,
    height: str = "800px",
) -> Path:
    """Write the interactive view of ``g`` to ``path`` (one self-contained HTML file).

    Raises :class:`~graphbuild.errors.ExportError` when the file cannot be written.
    """
    html = render_html(g, schema=schema, title=title, focus=focus, height=height)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ExportError(
            f"cannot write {path}: {exc.strerror or exc}",
            hint="choose a writable path with -o",
        ) from exc
    log.info("wrote %d nodes and %d edges to %s", g.number_of_nodes(), g.number_of_edges(), path)
    return path


def _edge_order(edge: tuple[str, str, str, Any]) -> tuple[str, str, str]:
    return (edge[0], edge[1], edge[2])


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
