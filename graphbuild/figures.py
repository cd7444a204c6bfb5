"""Static matplotlib figures of the graph, for notebooks, reports and the README.

Plain functions taking the graph from :func:`graphbuild.graph.load_graph`
first; each returns a ``matplotlib.figure.Figure`` (a notebook shows it, and
``fig.savefig("x.png")`` writes it). They build figures without pyplot, so they
keep no global state and draw with any backend, Agg included. Colours are
those of :mod:`graphbuild.style`, shared with ``graphbuild viz``. Needs
matplotlib (``pip install -e '.[figures]'``).

* :func:`network_figure`: a whole graph (or any part of it), entities as dots
  coloured by type, events as diamonds with their amount, edges labelled by
  predicate, a legend of the types;
* :func:`ego_figure`: the same for the nodes within ``radius`` hops of one entity;
* :func:`enforcement_timeline`: enforcement actions (settlements, fines,
  charges, pleas, …) on a time axis, one lane per type, marker size by amount,
  each labelled with who it was against and how much.

>>> fig = ego_figure(sample_graph(), "Acme")  # doctest: +SKIP
>>> fig.savefig("acme.png", dpi=150)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import networkx as nx

from graphbuild.analysis import find_entity, projection
from graphbuild.graph import ENTITY, EVENT, STRUCTURAL
from graphbuild.schema import Schema, load_schema
from graphbuild.stores.base import PARTICIPANT
from graphbuild.style import (
    EVENT_LEGEND,
    edge_caption,
    event_amount,
    legend_entries,
    node_caption,
    node_colour,
    type_colours,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

# Roles that make an event an action against someone (see enforcement_types).
_ACCUSED_ROLE = "defendant"
_AUTHORITY_ROLE = "authority"
_TARGET_ROLE = "target"
# Where in its period an event dated only by year or month is drawn.
_MID_YEAR = (7, 1)
_MID_MONTH = 15


class EnforcementAction(NamedTuple):
    """An enforcement event as the timeline draws it."""

    event: str
    type: str
    date: str | None
    when: dt.date | None
    reported: str | None
    against: list[str]
    authorities: list[str]
    amount: float | None
    amount_text: str | None
    status: str | None


def _figure(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ImportError(
            "graphbuild's figures need matplotlib, which is not installed: "
            "pip install -e '.[figures]'"
        ) from exc
    if ax is not None:
        figure = ax.get_figure()
        assert figure is not None
        return figure, ax  # type: ignore[return-value]
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


# -- networks ----------------------------------------------------------------


def network_figure(
    g: nx.MultiDiGraph,
    *,
    schema: Schema | None = None,
    focus: str | None = None,
    title: str | None = None,
    ax: Axes | None = None,
    seed: int = 7,
    size: tuple[float, float] = (11.0, 8.0),
) -> Figure:
    """Draw ``g``: entities coloured by type, events as diamonds with amounts, edges by predicate.

    Facts joining the same two nodes share one edge whose label lists them all.
    ``focus`` (an id or exact name) is drawn larger. The layout is a spring
    layout with a fixed ``seed``, so the same graph gives the same picture.
    Article nodes are left out.

    >>> fig = network_figure(sample_graph(), title="Acme")  # doctest: +SKIP
    """
    schema = schema or load_schema()
    colours = type_colours(schema)
    fig, ax = _figure(ax, size)
    h = projection(g)
    focused = {
        node
        for node, data in h.nodes(data=True)
        if focus is not None and (node == focus or data.get("name") == focus)
    }
    pos = _layout(h, seed)
    degree = dict(h.degree())
    for category, shape in ((ENTITY, "o"), (EVENT, "D")):
        nodes = sorted(n for n, c in h.nodes(data="category") if c == category)
        if not nodes:
            continue
        nx.draw_networkx_nodes(
            h,
            pos,
            nodelist=nodes,
            node_shape=shape,
            node_color=[node_colour(h.nodes[n], colours) for n in nodes],
            node_size=[
                900
                if n in focused
                else (260 if category == EVENT else 220 + 60 * min(degree[n], 6))
                for n in nodes
            ],
            edgecolors=["#000000" if n in focused else "#333333" for n in nodes],
            linewidths=[2.5 if n in focused else 0.8 for n in nodes],
            ax=ax,
        )
    nx.draw_networkx_edges(
        h,
        pos,
        ax=ax,
        edge_color="#9a9a9a",
        width=1.0,
        node_size=300,
    )
    captions = _pair_captions(g, h)
    if captions:
        nx.draw_networkx_edge_labels(
            h,
            pos,
            edge_labels=captions,
            ax=ax,
            font_size=7,
            font_color="#444444",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            rotate=False,
        )
    for node, (x, y) in pos.items():
        data = h.nodes[node]
        ax.annotate(
            node_caption(data),
            (x, y),
            xytext=(0, -13 if node not in focused else -20),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=9 if node not in focused else 11,
            fontweight="bold" if node in focused or data.get("category") == EVENT else "normal",
            gid=f"node:{node}",
        )
    alone = [n for n in h if h.degree(n) == 0]
    if alone and len(alone) < h.number_of_nodes():
        top = max(pos[n][1] for n in alone)
        ax.annotate(
            "mentioned, but in no fact:",
            (min(pos[n][0] for n in alone), top),
            xytext=(-12, 16),
            textcoords="offset points",
            fontsize=9,
            fontstyle="italic",
            color="#555555",
        )
    _legend(ax, legend_entries(g, colours))
    ax.set_axis_off()
    ax.margins(0.12)
    if title:
        ax.set_title(title, fontsize=13)
    return fig


def ego_figure(
    g: nx.MultiDiGraph,
    entity: str,
    *,
    radius: int = 1,
    schema: Schema | None = None,
    title: str | None = None,
    ax: Axes | None = None,
    seed: int = 7,
    size: tuple[float, float] = (9.0, 7.0),
) -> Figure:
    """The ego network of ``entity`` (id or exact name): what lies within ``radius`` hops.

    Hops ignore direction and an event is a hop, as in
    :func:`graphbuild.graph.load_graph`: at radius 1 a company has its people
    and its settlements. Raises ``networkx.NodeNotFound`` for an unknown entity.

    >>> fig = ego_figure(sample_graph(), "Acme", radius=1)  # doctest: +SKIP
    """
    centre = find_entity(g, entity)
    near = nx.ego_graph(projection(g), centre, radius=radius)
    sub = g.subgraph(near.nodes).copy()
    name = g.nodes[centre].get("name") or centre
    return network_figure(
        sub,
        schema=schema,
        focus=centre,
        title=title if title is not None else f"{name}: {radius}-hop ego network",
        ax=ax,
        seed=seed,
        size=size,
    )


def _layout(h: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions: each linked component laid out on its own, side by side, largest first;
    nodes linked to nothing in a row of their own underneath."""
    components = sorted(nx.connected_components(h), key=lambda c: (-len(c), min(c)))
    linked = [c for c in components if len(c) > 1]
    alone = sorted(n for c in components if len(c) == 1 for n in c)
    pos: dict[str, tuple[float, float]] = {}
    left = 0.0
    for component in linked:
        radius = math.sqrt(len(component))
        for node, (x, y) in _component_layout(h.subgraph(component), seed).items():
            pos[node] = (left + radius * (1 + float(x)), radius * float(y))
        left += 2 * radius + 1.0
    if alone:
        width = max(left - 1.0, 2.0 * math.sqrt(len(alone)))
        per_row = max(1, min(len(alone), math.ceil(width / 1.5)))
        bottom = min((y for _, y in pos.values()), default=0.0) - 2.2
        for i, node in enumerate(alone):
            row, column = divmod(i, per_row)
            step = width / per_row
            pos[node] = (step * (column + 0.5), bottom - 1.4 * row)
    return pos


def _component_layout(h: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Kamada-Kawai (needs scipy) for a connected graph, else a seeded spring layout."""
    if h.number_of_nodes() <= 2:
        return {node: (float(x), float(y)) for node, (x, y) in nx.circular_layout(h).items()}
    try:
        start = nx.spring_layout(h, seed=seed)
        pos = nx.kamada_kawai_layout(h, pos=start, weight=None)
    except ImportError:
        pos = nx.spring_layout(h, seed=seed, k=1.6 / math.sqrt(h.number_of_nodes()))
    return {node: (float(x), float(y)) for node, (x, y) in pos.items()}


def _node_size(focused: bool, event: bool, degree: int) -> float:
    if focused:
        return 900.0
    return 260.0 if event else 220.0 + 60.0 * min(degree, 6)


def _pair_captions(g: nx.MultiDiGraph, h: nx.Graph) -> dict[tuple[str, str], str]:
    """One label per linked pair of ``h``: the captions of every fact between them."""
    captions: dict[tuple[str, str], list[str]] = {}
    for source, target, data in g.edges(data=True):
        if data.get("predicate") in STRUCTURAL - {PARTICIPANT}:
            continue
        if not h.has_edge(source, target) or source == target:
            continue
        pair = (source, target) if (source, target) in h.edges else (target, source)
        captions.setdefault(pair, []).append(edge_caption(data))
    return {pair: "\n".join(sorted(set(texts))) for pair, texts in captions.items()}


def _legend(ax: Axes, entries: Iterable[tuple[str, str, int]]) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            marker="D" if name == EVENT_LEGEND else "o",
            linestyle="none",
            markerfacecolor=colour,
            markeredgecolor="#333333",
            markersize=8 if name == EVENT_LEGEND else 9,
            label=f"{name} ({count})",
        )
        for name, colour, count in entries
    ]
    if handles:
        ax.legend(handles=handles, loc="upper left", fontsize=9, frameon=False)


# -- enforcement timeline ------------------------------------------------------


def enforcement_types(schema: Schema) -> frozenset[str]:
    """Event types that are enforcement actions, read off the ontology's roles.

    An event type is one when it has a ``defendant`` (settlements, fines,
    charges, lawsuits, pleas, rulings, sentences) or an ``authority`` acting on
    a ``target`` (sanctions); appointments, acquisitions and policies are not.

    >>> sorted(enforcement_types(load_schema()))  # doctest: +NORMALIZE_WHITESPACE
    ['Charge', 'Fine', 'GuiltyPlea', 'Lawsuit', 'Ruling', 'Sanction', 'Sentence',
     'Settlement']
    """
    return frozenset(
        name
        for name, spec in schema.event_types.items()
        if _ACCUSED_ROLE in spec.roles
        or (_AUTHORITY_ROLE in spec.roles and _TARGET_ROLE in spec.roles)
    )


def enforcement_actions(
    g: nx.MultiDiGraph,
    entity: str | None = None,
    *,
    schema: Schema | None = None,
    types: Iterable[str] | None = None,
) -> list[EnforcementAction]:
    """The enforcement events of ``g`` (or those ``entity`` takes part in), by date.

    ``types`` overrides :func:`enforcement_types`. Undated actions come last.

    >>> [(a.type, a.against, a.amount_text) for a in enforcement_actions(sample_graph())]
    [('Settlement', ['Acme'], '$5 million')]
    """
    wanted = frozenset(types) if types is not None else enforcement_types(schema or load_schema())
    if entity is not None:
        node = find_entity(g, entity)
        events: Iterable[str] = {
            source
            for source, _, data in g.in_edges(node, data=True)
            if data.get("predicate") == PARTICIPANT
        }
    else:
        events = (n for n, c in g.nodes(data="category") if c == EVENT)
    actions = []
    for event in events:
        data = g.nodes[event]
        if data.get("category") != EVENT or data.get("label") not in wanted:
            continue
        roles = _participants(g, event)
        actions.append(
            EnforcementAction(
                event=event,
                type=str(data.get("label")),
                date=data.get("date"),
                when=_position(data.get("date")),
                reported=data.get("first_seen"),
                against=roles.get(_ACCUSED_ROLE) or roles.get(_TARGET_ROLE) or [],
                authorities=roles.get(_AUTHORITY_ROLE, []),
                amount=data.get("amount"),
                amount_text=event_amount(data),
                status=data.get("status"),
            )
        )
    actions.sort(key=lambda a: (a.when is None, a.when or dt.date.min, a.type, a.event))
    return actions


def enforcement_timeline(
    g: nx.MultiDiGraph,
    entity: str | None = None,
    *,
    schema: Schema | None = None,
    types: Iterable[str] | None = None,
    undated: Literal["reported", "omit"] = "reported",
    max_labels: int = 24,
    title: str | None = None,
    ax: Axes | None = None,
    size: tuple[float, float] | None = None,
) -> Figure:
    """Enforcement actions on a time axis, one lane per type, each labelled with party and amount.

    Marker area grows with the logarithm of the amount; an action without an
    amount is a hollow marker. An action dated by year is drawn at mid-year,
    by month at mid-month. An action whose text gives no date is drawn, with
    ``undated="reported"`` (the default), at the date of the first article
    reporting it, with a dashed edge; with ``"omit"`` it is left out. A note
    under the axis says how many actions were placed by report date or left
    out. At most ``max_labels`` actions are labelled: those with amounts first,
    largest first, then the rest by date. ``size`` defaults to a height that
    grows with the number of lanes.

    >>> fig = enforcement_timeline(sample_graph(), title="Acme")  # doctest: +SKIP
    """
    from matplotlib import dates as mdates

    schema = schema or load_schema()
    actions = enforcement_actions(g, entity, schema=schema, types=types)
    placed: list[tuple[EnforcementAction, dt.date, bool]] = []
    left_out: list[EnforcementAction] = []
    for action in actions:
        when = action.when
        by_report = False
        if when is None and undated == "reported":
            when, by_report = _position(action.reported), True
        if when is None:
            left_out.append(action)
        else:
            placed.append((action, when, by_report))
    order = list(schema.event_types)
    lanes = sorted(
        {a.type for a, _, _ in placed}, key=lambda t: (order.index(t) if t in order else 99, t)
    )
    fig, ax = _figure(ax, size or (11.0, 1.8 + 1.0 * max(len(lanes), 1)))
    colours = type_colours(schema)
    days_per_point = 1.0
    if placed:
        first = min(when for _, when, _ in placed)
        last = max(when for _, when, _ in placed)
        low = float(mdates.date2num(dt.date(first.year, 1, 1))) - 120
        high = float(mdates.date2num(dt.date(last.year, 12, 31))) + 120
        ax.set_xlim(low, high)
        # Days per typographic point along the axis, to keep labels from overlapping.
        days_per_point = (high - low) / (fig.get_figwidth() * 72 * 0.85)
    slots = _LabelSlots()
    labelled = 0
    for action, when, by_report in _label_order(placed):
        y = lanes.index(action.type)
        x = float(mdates.date2num(when))
        area = _marker_area(action.amount)
        colour = colours.get(action.type, "#333333")
        ax.scatter(
            [x],
            [y],
            s=area,
            marker="D",
            facecolors=colour if action.amount is not None else "white",
            edgecolors=colour,
            linewidths=1.5,
            linestyles="--" if by_report else "-",
            alpha=0.7 if by_report else 1.0,
            zorder=3,
            gid=f"event:{action.event}",
        )
        label = _action_label(action)
        if label is None or labelled >= max_labels:
            continue
        half_width = max(len(line) for line in label.split("\n")) * 8 * 0.3 * days_per_point
        side = slots.take(action.type, x - half_width, x + half_width)
        if side is None:
            continue
        labelled += 1
        offset = 6 + math.sqrt(area) / 2
        ax.annotate(
            label,
            (x, y),
            xytext=(0, offset * side),
            textcoords="offset points",
            ha="center",
            va="bottom" if side > 0 else "top",
            fontsize=8,
            gid=f"label:{action.event}",
        )
    ax.set_yticks(range(len(lanes)), lanes)
    ax.set_ylim(-0.7, max(len(lanes) - 0.3, 0.7))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.spines[["top", "right", "left"]].set_visible(False)
    if placed:
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    else:
        ax.text(0.5, 0.5, "no dated enforcement actions", ha="center", transform=ax.transAxes)
        ax.set_xticks([])
    notes = []
    by_report_count = sum(1 for _, _, by_report in placed if by_report)
    if by_report_count:
        notes.append(
            f"dashed: {by_report_count} with no date in the text, "
            "placed at the first article reporting it"
        )
    if left_out:
        names = "; ".join(f"{a.type} ({', '.join(a.against) or '?'})" for a in left_out[:6])
        more = f" and {len(left_out) - 6} more" if len(left_out) > 6 else ""
        notes.append(f"{len(left_out)} undated, not shown: {names}{more}")
    if labelled < len(placed):
        notes.append(f"{len(placed) - labelled} not labelled (no room, or no party or amount)")
    if notes:
        ax.annotate(
            " · ".join(notes),
            (0.0, 0.0),
            xycoords="axes fraction",
            xytext=(0, -28),
            textcoords="offset points",
            fontsize=8,
            color="#555555",
            va="top",
            gid="notes",
        )
    subject = ""
    if entity is not None:
        subject = f" of {g.nodes[find_entity(g, entity)].get('name') or entity}"
    ax.set_title(title if title is not None else f"Enforcement actions{subject}", fontsize=13)
    return fig


def _label_order(
    placed: list[tuple[EnforcementAction, dt.date, bool]],
) -> list[tuple[EnforcementAction, dt.date, bool]]:
    """Who gets a label first: actions with amounts, largest first, then the rest by date."""
    return sorted(
        placed,
        key=lambda item: (item[0].amount is None, -float(item[0].amount or 0), item[1]),
    )


def _action_label(action: EnforcementAction) -> str | None:
    # Without a party acted against, name the authority that acted, marked as such.
    party = ", ".join(action.against) or (
        "by " + ", ".join(action.authorities) if action.authorities else ""
    )
    lines = [text for text in (party, action.amount_text) if text]
    return "\n".join(lines) or None


class _LabelSlots:
    """Room for labels: in each lane, one row above the markers and one below."""

    def __init__(self) -> None:
        self._taken: dict[tuple[str, int], list[tuple[float, float]]] = {}

    def take(self, lane: str, start: float, end: float) -> int | None:
        """The side (1 above, -1 below) where ``start..end`` is free, now taken; None if none."""
        for side in (1, -1):
            spans = self._taken.setdefault((lane, side), [])
            if all(end < a or start > b for a, b in spans):
                spans.append((start, end))
                return side
        return None


def _participants(g: nx.MultiDiGraph, event: str) -> dict[str, list[str]]:
    roles: dict[str, list[str]] = {}
    for _, other, data in g.out_edges(event, data=True):
        if data.get("predicate") == PARTICIPANT:
            roles.setdefault(str(data.get("role")), []).append(
                str(g.nodes[other].get("name") or other)
            )
    return {role: sorted(names) for role, names in roles.items()}


def _position(value: Any) -> dt.date | None:
    """Where a date of any precision sits on the axis: '2023' -> 2023-07-01."""
    if not value:
        return None
    text = str(value)
    try:
        if len(text) == 4:
            return dt.date(int(text), *_MID_YEAR)
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), _MID_MONTH)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        log.debug("cannot place date %r on the timeline", value)
        return None


def _marker_area(amount: float | None) -> float:
    if amount is None or amount <= 0:
        return 60.0
    # $100k -> 60, $1bn -> 300, $10bn+ -> 360.
    return float(min(360.0, max(60.0, 60.0 * (math.log10(amount) - 4.0))))
