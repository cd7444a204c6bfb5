"""How pictures of the graph look and read: colours per type, captions, amounts, hover text.

The interactive view (:mod:`graphbuild.viz`) and the static figures
(:mod:`graphbuild.figures`) share these, so an entity type has the same colour
in both. Entity types take the colours of :data:`PALETTE` in the order the
ontology declares them (colour-blind-safe Okabe-Ito colours first); every event
type shares :data:`EVENT_COLOUR` and is drawn as a diamond.

>>> amount_text(4.3e9, "USD", "over")
'over $4.3 billion'
>>> amount_text(250_000.0, "CHF", None)
'CHF 250,000'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from graphbuild.graph import ENTITY, EVENT
from graphbuild.schema import Schema
from graphbuild.stores.base import PARTICIPANT

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#CC79A7",  # purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#8C564B",  # brown
    "#7F7F7F",  # grey
)
EVENT_COLOUR = "#D55E00"
# Nodes whose type the ontology does not know (e.g. another schema's graph).
UNKNOWN_COLOUR = "#BBBBBB"
EVENT_LEGEND = "event"

_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Qualifiers of the ontology as words; the rest ("over", "about", ...) read as they are.
_QUALIFIER_WORDS = {"exact": "", "up_to": "up to", "at_least": "at least"}


def type_colours(schema: Schema) -> dict[str, str]:
    """The colour of every entity and event type of ``schema``, as ``#rrggbb``.

    >>> from graphbuild.schema import load_schema
    >>> type_colours(load_schema())["Person"]
    '#0072B2'
    """
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(schema.entity_types)}
    colours.update({name: EVENT_COLOUR for name in schema.event_types})
    return colours


def node_colour(data: Mapping[str, Any], colours: Mapping[str, str]) -> str:
    """The colour of a node of :func:`graphbuild.graph.load_graph` by its ``label``."""
    if data.get("category") == EVENT:
        return EVENT_COLOUR
    return colours.get(str(data.get("label")), UNKNOWN_COLOUR)


def legend_entries(g: nx.MultiDiGraph, colours: Mapping[str, str]) -> list[tuple[str, str, int]]:
    """``(name, colour, count)`` for each entity type in ``g``, in ontology order, then events.

    >>> from graphbuild.analysis import sample_graph
    >>> from graphbuild.schema import load_schema
    >>> legend_entries(sample_graph(), type_colours(load_schema()))[-1]
    ('event', '#D55E00', 1)
    """
    counts: dict[str, int] = {}
    events = 0
    for _, data in g.nodes(data=True):
        if data.get("category") == EVENT:
            events += 1
        elif data.get("category") == ENTITY:
            label = str(data.get("label"))
            counts[label] = counts.get(label, 0) + 1
    order = {name: i for i, name in enumerate(colours)}
    entries = [
        (label, colours.get(label, UNKNOWN_COLOUR), n)
        for label, n in sorted(counts.items(), key=lambda item: (order.get(item[0], 1e9), item[0]))
    ]
    if events:
        entries.append((EVENT_LEGEND, EVENT_COLOUR, events))
    return entries


def amount_text(amount: float | None, currency: str | None, qualifier: str | None) -> str | None:
    """An amount as a reader writes it: ``'over $4.3 billion'``; None without an amount."""
    if amount is None:
        return None
    value = float(amount)
    number = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    for scale, word in _SCALES:
        if abs(value) >= scale:
            number = f"{value / scale:.3g} {word}"
            break
    code = (currency or "").upper()
    sign = _CURRENCY_SIGNS.get(code)
    money = f"{sign}{number}" if sign else f"{code} {number}".strip()
    words = _QUALIFIER_WORDS.get(qualifier or "", qualifier)
    return f"{words} {money}" if words else money


def event_amount(data: Mapping[str, Any]) -> str | None:
    """The amount of an event node as text, or None."""
    return amount_text(data.get("amount"), data.get("currency"), data.get("amount_qualifier"))


def node_caption(data: Mapping[str, Any]) -> str:
    """What a node is labelled with: its name, and for an event also its amount on a second line.

    >>> node_caption({"category": "event", "name": "Settlement 2023", "amount": 5e6,
    ...               "currency": "USD", "amount_qualifier": None})
    'Settlement 2023\\n$5 million'
    """
    name = str(data.get("name") or data.get("label") or "?")
    if data.get("category") == EVENT:
        amount = event_amount(data)
        if amount:
            return f"{name}\n{amount}"
    return name


def edge_caption(data: Mapping[str, Any]) -> str:
    """What an edge is labelled with: its predicate, with the role of a ``ROLE_AT``-like property.

    A participation edge reads as its role (``defendant``), since the event
    node already says what happened.

    >>> edge_caption({"predicate": "ROLE_AT", "properties": {"role": "CEO"}})
    'ROLE_AT (CEO)'
    >>> edge_caption({"predicate": "PARTICIPANT", "role": "defendant"})
    'defendant'
    """
    predicate = str(data.get("predicate"))
    if predicate == PARTICIPANT:
        return str(data.get("role") or predicate)
    role = (data.get("properties") or {}).get("role")
    return f"{predicate} ({role})" if role else predicate


def evidence_lines(data: Mapping[str, Any]) -> list[str]:
    """One line per piece of evidence: the sentence, then its rule and article.

    >>> evidence_lines({"evidence": ["Ann Lee is the CEO of Acme."], "rules": ["role"],
    ...                 "evidence_articles": ["n1"]})
    ['“Ann Lee is the CEO of Acme.” (rule role, article n1)']
    """
    sentences = list(data.get("evidence") or [])
    rules = list(data.get("rules") or [])
    articles = list(data.get("evidence_articles") or [])
    lines = []
    for i, sentence in enumerate(sentences):
        where = []
        if i < len(rules) and rules[i]:
            where.append(f"rule {rules[i]}")
        if i < len(articles) and articles[i]:
            where.append(f"article {articles[i]}")
        suffix = f" ({', '.join(where)})" if where else ""
        lines.append(f"“{sentence}”{suffix}")
    return lines


def _provenance(data: Mapping[str, Any]) -> list[str]:
    parts = []
    if data.get("confidence") is not None:
        parts.append(f"confidence {float(data['confidence']):.2f}")
    if data.get("support") is not None:
        n = int(data["support"])
        parts.append(f"stated by {n} article{'s' if n != 1 else ''}")
    lines = ["; ".join(parts)] if parts else []
    evidence = evidence_lines(data)
    if evidence:
        lines.append("evidence:")
        lines += [f"• {line}" for line in evidence]
    return lines


def node_hover(g: nx.MultiDiGraph, node: str) -> str:
    """The text shown when hovering a node: type, names, amount, participants and evidence."""
    data = g.nodes[node]
    kind = f" ({data['kind']})" if data.get("kind") else ""
    lines = [str(data.get("name") or node), f"{data.get('label')}{kind} · {node}"]
    if data.get("category") == EVENT:
        facts = []
        if data.get("date"):
            facts.append(f"date {data['date']}")
        if data.get("status"):
            facts.append(f"status {data['status']}")
        amount = event_amount(data)
        if amount:
            facts.append(f"amount {amount}")
        if facts:
            lines.append("; ".join(facts))
        for _, other, link in sorted(g.out_edges(node, data=True), key=lambda e: str(e[1])):
            if link.get("predicate") == PARTICIPANT:
                lines.append(f"{link.get('role')}: {g.nodes[other].get('name') or other}")
        lines += _provenance(data)
    else:
        if data.get("aliases"):
            lines.append("also called " + ", ".join(map(str, data["aliases"])))
        articles = list(data.get("articles") or [])
        if articles:
            lines.append("mentioned in " + ", ".join(map(str, articles)))
    return "\n".join(lines)


def edge_hover(g: nx.MultiDiGraph, source: str, target: str, data: Mapping[str, Any]) -> str:
    """The text shown when hovering an edge: the fact, its properties, and its evidence."""
    subject = g.nodes[source].get("name") or source
    obj = g.nodes[target].get("name") or target
    if data.get("predicate") == PARTICIPANT:
        return f"{obj} is {data.get('role')} in {subject}"
    lines = [f"{subject} —{data.get('predicate')}→ {obj}"]
    properties = data.get("properties") or {}
    if properties:
        lines.append("; ".join(f"{k} {v}" for k, v in sorted(properties.items())))
    lines += _provenance(data)
    return "\n".join(lines)
