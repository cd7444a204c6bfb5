"""Analytics over the graph that :func:`graphbuild.graph.load_graph` returns.

Plain functions taking the networkx ``MultiDiGraph`` first, as networkx's own
algorithms do. Where direction means nothing to the question (who is central,
who belongs together, how two entities are connected) they work on the
undirected projection: one edge per linked pair of nodes, weighted by the
number of facts joining them, without article nodes (which would join
everything an article mentions). Event nodes stay in it, since an event is how
its participants are connected. Entities are found by id or exact name.

The examples run on :func:`sample_graph`: Ann Lee is the CEO of Acme, and Acme
settled with the Board in 2023 for 5 million dollars.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations, pairwise
from typing import Any, Literal, NamedTuple

import networkx as nx

from graphbuild.graph import ARTICLE, ENTITY, EVENT, STRUCTURAL
from graphbuild.stores.base import PARTICIPANT

Centrality = Literal["degree", "pagerank", "betweenness"]
CommunityMethod = Literal["greedy", "label_propagation"]


class Ranked(NamedTuple):
    """An entity and its centrality score."""

    id: str
    name: str | None
    label: str | None
    score: float


class Fact(NamedTuple):
    """One edge of the graph, in its stored direction, with all its attributes."""

    subject: str
    subject_name: str | None
    predicate: str
    object: str
    object_name: str | None
    key: str
    attributes: dict[str, Any]


class TimelineEntry(NamedTuple):
    """An event an entity takes part in."""

    date: str | None
    type: str | None
    role: str | None
    amount: float | None
    currency: str | None
    status: str | None
    event: str
    participants: dict[str, list[str]]


class CoOccurrence(NamedTuple):
    """Two entities mentioned together, and the articles that do it."""

    a: str
    b: str
    shared: int
    articles: list[str]


def sample_graph() -> nx.MultiDiGraph:
    """A small graph laid out as :func:`graphbuild.graph.load_graph` lays one out.

    >>> g = sample_graph()
    >>> sorted(g.nodes(data="name"))  # doctest: +NORMALIZE_WHITESPACE
    [('o:acme', 'Acme'), ('p:ann', 'Ann Lee'), ('r:board', 'Board'),
     ('s:1', 'Settlement 2023')]
    """
    g = nx.MultiDiGraph()
    g.add_node("p:ann", category=ENTITY, label="Person", name="Ann Lee", articles=["n1"])
    g.add_node("o:acme", category=ENTITY, label="Organization", name="Acme", articles=["n1"])
    g.add_node("r:board", category=ENTITY, label="Regulator", name="Board", articles=["n1"])
    g.add_node(
        "s:1",
        category=EVENT,
        label="Settlement",
        name="Settlement 2023",
        date="2023",
        amount=5e6,
        currency="USD",
        status="agreed",
    )
    g.add_edge(
        "p:ann",
        "o:acme",
        key="rel:1",
        predicate="ROLE_AT",
        properties={"role": "CEO"},
        evidence=["Ann Lee is the CEO of Acme."],
    )
    for entity, role in (("o:acme", "defendant"), ("r:board", "authority")):
        g.add_edge("s:1", entity, key=f"{PARTICIPANT}:{role}", predicate=PARTICIPANT, role=role)
    return g


def find_entity(g: nx.MultiDiGraph, entity: str) -> str:
    """The id of the node whose id, else exact name, is ``entity``.

    Raises ``networkx.NodeNotFound`` when there is none, and ``ValueError``
    when several nodes have that name.

    >>> g = sample_graph()
    >>> find_entity(g, "Acme")
    'o:acme'
    """
    if entity in g:
        return entity
    matches = sorted(node for node, name in g.nodes(data="name") if name == entity)
    if not matches:
        raise nx.NodeNotFound(f"no node has the id or name {entity!r}")
    if len(matches) > 1:
        raise ValueError(f"several nodes are named {entity!r}: {matches}; pass an id")
    return str(matches[0])


def projection(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph of entities and events, edges weighted by fact count.

    >>> g = sample_graph()
    >>> h = projection(g)
    >>> h.number_of_edges(), h.edges["p:ann", "o:acme"]["weight"]
    (3, 1)
    """
    h = nx.Graph()
    h.add_nodes_from(
        (node, data) for node, data in g.nodes(data=True) if data.get("category") != ARTICLE
    )
    for source, target, data in g.edges(data=True):
        if source not in h or target not in h or source == target:
            continue
        if data.get("predicate") in STRUCTURAL - {PARTICIPANT}:
            continue
        weight = h.edges[source, target]["weight"] + 1 if h.has_edge(source, target) else 1
        h.add_edge(source, target, weight=weight)
    return h


def central_entities(g: nx.MultiDiGraph, by: Centrality = "degree", top: int = 10) -> list[Ranked]:
    """The ``top`` entities by centrality, highest first (ties by name).

    ``degree`` counts the facts an entity takes part in (relations and events);
    ``pagerank`` (needs scipy) weights links by their number of facts;
    ``betweenness`` is the normalised share of shortest paths through it.

    >>> g = sample_graph()
    >>> [(r.name, r.score) for r in central_entities(g, top=2)]
    [('Acme', 2.0), ('Ann Lee', 1.0)]
    """
    h = projection(g)
    scores: Mapping[str, float]
    if by == "degree":
        scores = {node: float(d) for node, d in h.degree(weight="weight")}
    elif by == "pagerank":
        try:
            scores = nx.pagerank(h, weight="weight") if h.number_of_edges() else {}
        except ImportError as exc:
            raise ImportError(
                "PageRank in networkx needs scipy, which is not installed: pip install scipy"
            ) from exc
    elif by == "betweenness":
        scores = nx.betweenness_centrality(h)
    else:
        raise ValueError(f"unknown centrality {by!r}: use degree, pagerank or betweenness")
    ranked = [
        Ranked(node, data.get("name"), data.get("label"), float(scores.get(node, 0.0)))
        for node, data in h.nodes(data=True)
        if data.get("category") == ENTITY
    ]
    ranked.sort(key=lambda r: (-r.score, r.name or "", r.id))
    return ranked[:top]


def communities(
    g: nx.MultiDiGraph, method: CommunityMethod = "greedy", *, entities_only: bool = True
) -> list[set[str]]:
    """Groups of nodes more linked to each other than to the rest, largest first.

    ``greedy`` is networkx's greedy modularity maximisation (weighted by fact
    count), ``label_propagation`` its semi-synchronous label propagation, both
    on the undirected projection. With ``entities_only`` (the default) event
    nodes shape the groups but are left out of them; an entity linked to
    nothing is a group of its own.

    >>> g = sample_graph()
    >>> [sorted(group) for group in communities(g)]
    [['o:acme', 'p:ann'], ['r:board']]
    """
    h = projection(g)
    found: Iterable[Iterable[str]]
    if h.number_of_edges() == 0:
        found = [{node} for node in h]
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(h, weight="weight")
    elif method == "label_propagation":
        found = nx.community.label_propagation_communities(h)
    else:
        raise ValueError(f"unknown method {method!r}: use greedy or label_propagation")
    groups = []
    for group in found:
        members = {
            node for node in group if not entities_only or h.nodes[node].get("category") == ENTITY
        }
        if members:
            groups.append(members)
    groups.sort(key=lambda members: (-len(members), min(members)))
    return groups


def shortest_path_facts(g: nx.MultiDiGraph, a: str, b: str) -> list[Fact]:
    """The facts along a shortest path between two entities, ignoring direction.

    Every fact joining two consecutive nodes of the path is listed, in path
    order; an event on the path shows as its participation edges. Raises
    ``networkx.NetworkXNoPath`` when nothing connects them.

    >>> g = sample_graph()
    >>> [(f.subject_name, f.predicate, f.object_name)
    ...  for f in shortest_path_facts(g, "Ann Lee", "Board")]  # doctest: +NORMALIZE_WHITESPACE
    [('Ann Lee', 'ROLE_AT', 'Acme'), ('Settlement 2023', 'PARTICIPANT', 'Acme'),
     ('Settlement 2023', 'PARTICIPANT', 'Board')]
    """
    source, target = find_entity(g, a), find_entity(g, b)
    path = nx.shortest_path(projection(g), source, target)
    facts: list[Fact] = []
    for left, right in pairwise(path):
        for u, v in ((left, right), (right, left)):
            for key, data in sorted((g.get_edge_data(u, v) or {}).items()):
                if data.get("predicate") in STRUCTURAL - {PARTICIPANT}:
                    continue
                facts.append(
                    Fact(
                        subject=u,
                        subject_name=g.nodes[u].get("name"),
                        predicate=str(data.get("predicate")),
                        object=v,
                        object_name=g.nodes[v].get("name"),
                        key=str(key),
                        attributes=dict(data),
                    )
                )
    return facts


def timeline(g: nx.MultiDiGraph, entity: str) -> list[TimelineEntry]:
    """The events an entity takes part in, by date (undated ones last), with their amounts.

    ``participants`` names every participant of the event by role.

    >>> g = sample_graph()
    >>> [(e.date, e.type, e.role, e.amount, e.currency) for e in timeline(g, "Acme")]
    [('2023', 'Settlement', 'defendant', 5000000.0, 'USD')]
    """
    node = find_entity(g, entity)
    entries = []
    for event, _, data in g.in_edges(node, data=True):
        if data.get("predicate") != PARTICIPANT or g.nodes[event].get("category") != EVENT:
            continue
        attrs = g.nodes[event]
        participants: dict[str, list[str]] = {}
        for _, other, link in g.out_edges(event, data=True):
            if link.get("predicate") == PARTICIPANT:
                name = g.nodes[other].get("name") or other
                participants.setdefault(str(link.get("role")), []).append(name)
        entries.append(
            TimelineEntry(
                date=attrs.get("date"),
                type=attrs.get("label"),
                role=data.get("role"),
                amount=attrs.get("amount"),
                currency=attrs.get("currency"),
                status=attrs.get("status"),
                event=event,
                participants={role: sorted(names) for role, names in sorted(participants.items())},
            )
        )
    entries.sort(key=lambda e: (e.date is None, e.date or "", e.type or "", e.event))
    return entries


def co_occurrence(
    source: nx.MultiDiGraph | Mapping[str, Iterable[str]], *, min_count: int = 1
) -> list[CoOccurrence]:
    """Pairs of entities mentioned in the same articles, most shared articles first.

    ``source`` is a graph (each entity's ``articles`` attribute says where it is
    mentioned) or a mapping from article id to the entity ids it mentions, such
    as :func:`graphbuild.graph.article_entities` gives. In each pair ``a < b``.

    >>> co_occurrence({"n1": ["o:acme", "p:ann"], "n2": ["p:ann", "o:acme", "r:board"]})[0]
    CoOccurrence(a='o:acme', b='p:ann', shared=2, articles=['n1', 'n2'])
    """
    mentions: dict[str, set[str]] = {}
    if isinstance(source, nx.Graph):
        for node, data in source.nodes(data=True):
            if data.get("category") == ENTITY:
                for article in data.get("articles") or []:
                    mentions.setdefault(str(article), set()).add(node)
    else:
        for article, entities in source.items():
            mentions.setdefault(str(article), set()).update(entities)
    pairs: dict[tuple[str, str], list[str]] = {}
    for article, entities in sorted(mentions.items()):
        for a, b in combinations(sorted(entities), 2):
            pairs.setdefault((a, b), []).append(article)
    found = [
        CoOccurrence(a, b, len(articles), articles)
        for (a, b), articles in pairs.items()
        if len(articles) >= min_count
    ]
    found.sort(key=lambda c: (-c.shared, c.a, c.b))
    return found
