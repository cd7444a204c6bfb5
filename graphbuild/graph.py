"""The stored graph as a networkx ``MultiDiGraph``, and as tables.

:func:`load_graph` reads a store through Cypher alone (labels and types from the
schema, values as parameters), so it works on every :class:`GraphStore`. In a
notebook, three lines give the graph and its tables::

    store = EmbeddedStore.open(Path("graphbuild-data"), load_schema(), read_only=True)
    g = load_graph(store, store.schema, entity="Binance", depth=2)
    entities, relations, events, evidence = tables(store, store.schema)

The graph holds:

* entity nodes keyed by id: ``category="entity"``, ``label`` (the type),
  ``name``, ``kind``, ``aliases``, ``articles``;
* event nodes keyed by id: ``category="event"``, ``label`` (the event type),
  ``name`` (type and date, e.g. ``"Settlement 2023"``), ``status``, ``amount``,
  ``currency``, ``amount_qualifier``, ``amount_text``, ``date`` (as precise as
  known: ``"2023"``, ``"2023-11"`` or ``"2023-11-21"``), ``date_precision``,
  ``date_text`` and the provenance below;
* one edge per relation, from subject to object, keyed by the relation id:
  ``predicate``, ``properties`` (the predicate's properties that are set) and
  the provenance below;
* one ``PARTICIPANT`` edge from an event to each entity taking part, keyed
  ``"PARTICIPANT:<role>"``, with ``predicate="PARTICIPANT"`` and ``role``;
* with ``with_articles=True``, article nodes (``category="article"``,
  ``label="Article"``, ``name`` (the title, else the id), ``title``, ``url``,
  ``published``, ``source``), ``MENTIONS`` edges from articles to entities
  (``texts``, ``start_offsets``, ``end_offsets``) and ``REPORTED_IN`` edges
  from events to articles.

Provenance on relations and events: ``confidence``, ``support`` (how many
articles state the fact), ``articles``, ``first_seen``, ``last_seen``, and one
entry per piece of evidence in the parallel lists ``evidence`` (the sentence,
whitespace-trimmed; the evidence span when the sentence is unknown),
``evidence_spans``, ``rules``, ``evidence_articles``, ``start_offsets`` and
``end_offsets``. Values are plain Python (str, int, float, None, lists and a
dict), so the graph writes to node-link JSON and reads back equal.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import networkx as nx

from graphbuild.errors import EntityNotFoundError
from graphbuild.schema import Schema
from graphbuild.stores.base import ARTICLE_LABEL, MENTIONS, PARTICIPANT, REPORTED_IN, GraphStore

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

ENTITY = "entity"
EVENT = "event"
ARTICLE = "article"

# Edge predicates that are not relations between entities.
STRUCTURAL = frozenset({PARTICIPANT, MENTIONS, REPORTED_IN})

_EVIDENCE_LISTS = ("evidence_spans", "rules", "evidence_articles", "start_offsets", "end_offsets")
# The properties an event node carries besides its type, name and participants.
EVENT_FIELDS = (
    "status",
    "amount",
    "currency",
    "amount_qualifier",
    "amount_text",
    "date",
    "date_precision",
    "date_text",
)
_DATE_LENGTH = {"year": 4, "month": 7, "day": 10}


class Tables(NamedTuple):
    """Entities, relations, events and their evidence as pandas DataFrames."""

    entities: pd.DataFrame
    relations: pd.DataFrame
    events: pd.DataFrame
    evidence: pd.DataFrame


def load_graph(
    store: GraphStore,
    schema: Schema,
    *,
    entity: str | None = None,
    depth: int = 2,
    since: str | None = None,
    until: str | None = None,
    with_articles: bool = False,
) -> nx.MultiDiGraph:
    """The stored graph, or part of it, as a networkx ``MultiDiGraph``.

    With ``entity`` (an id, or an exact name: every entity of that name is a
    starting point), only the nodes within ``depth`` hops of it, following
    relations and event participation in either direction; an event is a hop,
    so at depth 1 a company has its people and its settlements, and at depth
    2 also the authority it settled with. ``since`` and ``until`` (ISO dates,
    inclusive, as precise as you like: ``"2023"``, ``"2023-11"``,
    ``"2023-11-21"``) keep only the facts of that window: an event whose date
    falls in it (an undated event: whose ``first_seen``..``last_seen`` overlaps
    it) and a relation whose ``first_seen``..``last_seen`` overlaps it, with
    the entities they join. Articles are nodes only with ``with_articles``.

    Raises :class:`EntityNotFoundError` when no entity has the id or name.

    >>> g = load_graph(store, schema, entity="Binance", depth=1)  # doctest: +SKIP
    >>> sorted(g.nodes[n]["name"] for n in g.successors("person:richard-teng"))  # doctest: +SKIP
    ['Binance']
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, got {depth}")
    window = _Window(since, until)
    reader = _Reader(store, schema)
    g = nx.MultiDiGraph()
    if entity is None:
        reader.whole(g, window)
    else:
        reader.neighbourhood(g, entity, depth, window)
    if with_articles:
        reader.articles(g)
    log.debug("loaded %d nodes and %d edges", g.number_of_nodes(), g.number_of_edges())
    return g


def article_entities(store: GraphStore, schema: Schema) -> dict[str, list[str]]:
    """The ids of the entities each stored article mentions, sorted, by article id.

    This is the mapping :func:`graphbuild.analysis.co_occurrence` counts pairs in.

    >>> article_entities(store, schema)["seed-binance-monitorship"][:2]  # doctest: +SKIP
    ['asset:bitcoin', 'government:singapore']
    """
    present = store.stats()
    if MENTIONS not in present["relationships"]:
        return {}
    found: dict[str, set[str]] = {}
    for label in schema.entity_types:
        if label not in present["nodes"]:
            continue
        rows = store.query(
            f"MATCH (a:{ARTICLE_LABEL})-[:{MENTIONS}]->(n:{label}) RETURN a.id, n.id"
        )
        for article_id, entity_id in rows.rows:
            found.setdefault(str(article_id), set()).add(str(entity_id))
    return {article: sorted(ids) for article, ids in sorted(found.items())}


def tables(store: GraphStore, schema: Schema) -> Tables:
    """Entities, relations, events and evidence of the whole store as pandas DataFrames.

    Needs pandas (``pip install pandas``). See :func:`graph_tables` for the columns.

    >>> entities, relations, events, evidence = tables(store, schema)  # doctest: +SKIP
    >>> relations.loc[relations.role == "CEO", ["subject_name", "object_name"]]  # doctest: +SKIP
      subject_name object_name
    0 Richard Teng     Binance
    """
    return graph_tables(load_graph(store, schema))


def graph_tables(g: nx.MultiDiGraph) -> Tables:
    """The entities, relations, events and evidence of a graph from :func:`load_graph`.

    * ``entities``: ``id``, ``type``, ``name``, ``kind``, ``aliases``, ``articles``;
    * ``relations``: ``id``, ``predicate``, ``subject``, ``subject_name``,
      ``object``, ``object_name``, one column per predicate property
      (``role``, ``since``, ``amount``, …), ``confidence``, ``support``,
      ``first_seen``, ``last_seen``, ``articles``, ``evidence`` (sentences);
    * ``events``: ``id``, ``type``, ``name``, ``date``, ``date_precision``,
      ``status``, ``amount``, ``currency``, ``amount_qualifier``,
      ``participants`` (role → entity names), the provenance columns above;
    * ``evidence``: one row per piece of evidence: ``fact`` (relation or event
      id), ``fact_type`` (predicate or event type), ``article``, ``sentence``,
      ``text``, ``rule``, ``start``, ``end``.

    Needs pandas (``pip install pandas``).

    >>> graph_tables(load_graph(store, schema)).events[["type", "amount"]]  # doctest: +SKIP
             type        amount
    0 Appointment           NaN
    1 Resignation           NaN
    2  Settlement  4.300000e+09
    """
    pd = _pandas()
    entity_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    relation_rows: list[dict[str, Any]] = []
    evidence_rows: list[dict[str, Any]] = []
    property_names: set[str] = set()
    for node, data in sorted(g.nodes(data=True)):
        category = data.get("category")
        if category == ENTITY:
            entity_rows.append(
                {
                    "id": node,
                    "type": data.get("label"),
                    "name": data.get("name"),
                    "kind": data.get("kind"),
                    "aliases": list(data.get("aliases") or []),
                    "articles": list(data.get("articles") or []),
                }
            )
        elif category == EVENT:
            participants: dict[str, list[str]] = {}
            for _, target, edge in g.out_edges(node, data=True):
                if edge.get("predicate") == PARTICIPANT:
                    name = g.nodes[target].get("name") or target
                    participants.setdefault(str(edge.get("role")), []).append(name)
            event_rows.append(
                {
                    "id": node,
                    "type": data.get("label"),
                    "name": data.get("name"),
                    **{key: data.get(key) for key in EVENT_FIELDS},
                    "participants": {role: sorted(names) for role, names in participants.items()},
                    **_provenance_columns(data),
                }
            )
            evidence_rows += evidence_of(node, data)
    for source, target, key, data in sorted(g.edges(keys=True, data=True), key=_edge_order):
        if data.get("predicate") in STRUCTURAL:
            continue
        properties = dict(data.get("properties") or {})
        property_names.update(properties)
        relation_rows.append(
            {
                "id": key,
                "predicate": data.get("predicate"),
                "subject": source,
                "subject_name": g.nodes[source].get("name"),
                "object": target,
                "object_name": g.nodes[target].get("name"),
                "properties": properties,
                **_provenance_columns(data),
            }
        )
        evidence_rows += evidence_of(key, data)
    properties_order = sorted(property_names)
    for row in relation_rows:
        properties = row.pop("properties")
        for name in properties_order:
            row[name] = properties.get(name)
    provenance = ["confidence", "support", "first_seen", "last_seen", "articles", "evidence"]
    columns = {
        "entities": ["id", "type", "name", "kind", "aliases", "articles"],
        "relations": [
            "id",
            "predicate",
            "subject",
            "subject_name",
            "object",
            "object_name",
            *properties_order,
            *provenance,
        ],
        "events": ["id", "type", "name", *EVENT_FIELDS, "participants", *provenance],
        "evidence": ["fact", "fact_type", "article", "sentence", "text", "rule", "start", "end"],
    }
    return Tables(
        entities=pd.DataFrame(entity_rows, columns=columns["entities"]),
        relations=pd.DataFrame(relation_rows, columns=columns["relations"]),
        events=pd.DataFrame(event_rows, columns=columns["events"]),
        evidence=pd.DataFrame(evidence_rows, columns=columns["evidence"]),
    )


def evidence_of(fact: str, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The evidence of a relation edge or event node as one dict per piece.

    >>> evidence_of("rel:1", {"predicate": "ROLE_AT", "evidence": ["Jo is CEO of Acme."],
    ...     "evidence_spans": ["CEO of Acme"], "rules": ["role"], "evidence_articles": ["a1"],
    ...     "start_offsets": [6], "end_offsets": [17]})[0]["rule"]
    'role'
    """
    sentences = list(data.get("evidence") or [])
    fields = [list(data.get(name) or []) for name in _EVIDENCE_LISTS]
    fact_type = data.get("predicate") or data.get("label")
    rows = []
    for i, sentence in enumerate(sentences):
        span, rule, article, start, end = (
            values[i] if i < len(values) else None for values in fields
        )
        rows.append(
            {
                "fact": fact,
                "fact_type": fact_type,
                "article": article,
                "sentence": sentence,
                "text": span,
                "rule": rule,
                "start": start,
                "end": end,
            }
        )
    return rows


def _provenance_columns(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "confidence": data.get("confidence"),
        "support": data.get("support"),
        "first_seen": data.get("first_seen"),
        "last_seen": data.get("last_seen"),
        "articles": list(data.get("articles") or []),
        "evidence": list(data.get("evidence") or []),
    }


def _edge_order(edge: tuple[str, str, str, Any]) -> tuple[str, str, str]:
    return (edge[2], edge[0], edge[1])


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(
            "graphbuild's tables need pandas, which is not installed: pip install pandas"
        ) from exc
    return pd


# -- reading the store -------------------------------------------------------


class _Window:
    """An inclusive date window; bounds and dates compare on their common precision."""

    def __init__(self, since: str | None, until: str | None) -> None:
        self.since = since or None
        self.until = until or None

    @property
    def open(self) -> bool:
        return self.since is None and self.until is None

    def overlaps(self, first: str | None, last: str | None) -> bool:
        """Whether the span ``first``..``last`` (either may be unknown) meets the window."""
        if self.open:
            return True
        first = first or last
        last = last or first
        if first is None or last is None:
            return False
        if self.until is not None and _before(self.until, first):
            return False
        return not (self.since is not None and _before(last, self.since))

    def keeps_event(self, data: Mapping[str, Any]) -> bool:
        date = data.get("date")
        if date:
            return self.overlaps(date, date)
        return self.overlaps(data.get("first_seen"), data.get("last_seen"))

    def keeps_relation(self, data: Mapping[str, Any]) -> bool:
        return self.overlaps(data.get("first_seen"), data.get("last_seen"))


def _before(a: str, b: str) -> bool:
    """Whether date ``a`` ends before date ``b`` starts ("2023" is not before "2023-11")."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _event_date(date: Any, precision: Any) -> str | None:
    """A stored (padded) date cut back to its precision: ('2023-01-01', 'year') -> '2023'."""
    if not date:
        return None
    text = str(date)[:10]
    return text[: _DATE_LENGTH.get(str(precision), 10)]


class _Reader:
    """Cypher reads of one store, with labels and types from the schema."""

    def __init__(self, store: GraphStore, schema: Schema) -> None:
        self.store = store
        self.schema = schema
        present = store.stats()
        nodes, rels = present["nodes"], present["relationships"]
        # Tables the store holds no rows of may not exist yet; they are not queried.
        self.entity_labels = [t for t in schema.entity_types if t in nodes]
        self.event_labels = [t for t in schema.event_types if t in nodes]
        self.predicates = [p for p in schema.predicates if p in rels]
        self.has_participants = PARTICIPANT in rels
        self.has_articles = ARTICLE_LABEL in nodes
        self.rels_present = set(rels)

    def query(self, cypher: str, **params: Any) -> list[list[Any]]:
        return self.store.query(cypher, params).rows

    # whole graph or window

    def whole(self, g: nx.MultiDiGraph, window: _Window) -> None:
        entities = self._entities()
        if window.open:
            for node in entities.values():
                _add_entity(g, node, str(node["_label"]))
        events: dict[str, dict[str, Any]] = {}
        for label in self.event_labels:
            for (node,) in self.query(f"MATCH (n:{label}) RETURN n"):
                data = _event_attributes(node, label)
                if window.keeps_event(data):
                    events[str(node["id"])] = data
        g.add_nodes_from(events.items())
        if self.predicates:
            types = "|".join(self.predicates)
            for subject, rel, obj in self.query(f"MATCH (a)-[r:{types}]->(b) RETURN a.id, r, b.id"):
                data = _relation_attributes(rel, self.schema)
                if window.keeps_relation(data):
                    _ensure(g, entities, subject, obj)
                    g.add_edge(subject, obj, key=str(rel["id"]), **data)
        if self.has_participants:
            for event_id, role, entity_id in self.query(
                f"MATCH (e)-[p:{PARTICIPANT}]->(x) RETURN e.id, p.role, x.id"
            ):
                if event_id in events:
                    _ensure(g, entities, entity_id)
                    _add_participant(g, event_id, entity_id, role)

    def _entities(self) -> dict[str, dict[str, Any]]:
        """Every entity node value by id, with its label."""
        found: dict[str, dict[str, Any]] = {}
        for label in self.entity_labels:
            for (node,) in self.query(f"MATCH (n:{label}) RETURN n"):
                found[str(node["id"])] = {**node, "_label": label}
        return found

    # neighbourhood

    def neighbourhood(self, g: nx.MultiDiGraph, entity: str, depth: int, window: _Window) -> None:
        roots = self.find(entity)
        for node in roots:
            _add_entity(g, node, str(node["_label"]))
        frontier = {str(node["id"]) for node in roots}
        for _ in range(depth):
            if not frontier:
                break
            before = set(g.nodes)
            self._expand(g, sorted(frontier), window)
            frontier = set(g.nodes) - before

    def find(self, key: str) -> list[dict[str, Any]]:
        """Entity nodes whose id or exact name is ``key``."""
        found: list[dict[str, Any]] = []
        for label in self.entity_labels:
            for (node,) in self.query(
                f"MATCH (n:{label}) WHERE n.id = $key OR n.name = $key RETURN n", key=key
            ):
                found.append(node)
        if not found:
            raise EntityNotFoundError(
                f"no entity has the id or name {key!r}",
                hint="check the spelling with `graphbuild entities`; names must match exactly",
            )
        return sorted(found, key=lambda node: str(node["id"]))

    def _expand(self, g: nx.MultiDiGraph, ids: list[str], window: _Window) -> None:
        if self.predicates:
            types = "|".join(self.predicates)
            rows = self.query(
                f"MATCH (a)-[r:{types}]->(b) WHERE a.id IN $ids OR b.id IN $ids RETURN a, r, b",
                ids=ids,
            )
            for subject, rel, obj in rows:
                data = _relation_attributes(rel, self.schema)
                if not window.keeps_relation(data):
                    continue
                for node in (subject, obj):
                    if node["id"] not in g:
                        _add_entity(g, node, str(node["_label"]))
                g.add_edge(subject["id"], obj["id"], key=str(rel["id"]), **data)
        if self.has_participants:
            rows = self.query(
                f"MATCH (e)-[p:{PARTICIPANT}]->(x) WHERE e.id IN $ids OR x.id IN $ids "
                "RETURN e, p.role, x",
                ids=ids,
            )
            for event, role, node in rows:
                data = _event_attributes(event, str(event["_label"]))
                if not window.keeps_event(data):
                    continue
                if event["id"] not in g:
                    g.add_node(event["id"], **data)
                if node["id"] not in g:
                    _add_entity(g, node, str(node["_label"]))
                _add_participant(g, event["id"], node["id"], role)

    # articles

    def articles(self, g: nx.MultiDiGraph) -> None:
        if not self.has_articles:
            return
        ids = sorted(g.nodes)
        articles: dict[str, dict[str, Any]] = {}
        links: list[tuple[str, str, str, dict[str, Any]]] = []
        if MENTIONS in self.rels_present:
            for article, mention, entity_id in self.query(
                f"MATCH (a:{ARTICLE_LABEL})-[m:{MENTIONS}]->(n) WHERE n.id IN $ids "
                "RETURN a, m, n.id",
                ids=ids,
            ):
                articles[str(article["id"])] = article
                data = {
                    "predicate": MENTIONS,
                    "texts": list(mention.get("texts") or []),
                    "start_offsets": list(mention.get("start_offsets") or []),
                    "end_offsets": list(mention.get("end_offsets") or []),
                }
                links.append((str(article["id"]), str(entity_id), MENTIONS, data))
        if REPORTED_IN in self.rels_present:
            for event_id, article in self.query(
                f"MATCH (e)-[:{REPORTED_IN}]->(a:{ARTICLE_LABEL}) WHERE e.id IN $ids "
                "RETURN e.id, a",
                ids=ids,
            ):
                articles[str(article["id"])] = article
                links.append((str(event_id), str(article["id"]), REPORTED_IN, {}))
        for article_id, article in sorted(articles.items()):
            g.add_node(
                article_id,
                category=ARTICLE,
                label=ARTICLE_LABEL,
                name=article.get("title") or article_id,
                title=article.get("title"),
                url=article.get("url"),
                published=article.get("published"),
                source=article.get("source"),
            )
        for source, target, predicate, data in links:
            g.add_edge(source, target, key=predicate, **{"predicate": predicate, **data})


def _ensure(g: nx.MultiDiGraph, entities: Mapping[str, dict[str, Any]], *ids: str) -> None:
    for entity_id in ids:
        if entity_id not in g and entity_id in entities:
            node = entities[entity_id]
            _add_entity(g, node, str(node["_label"]))


def _add_entity(g: nx.MultiDiGraph, node: Mapping[str, Any], label: str) -> None:
    g.add_node(
        str(node["id"]),
        category=ENTITY,
        label=label,
        name=node.get("name"),
        kind=node.get("kind"),
        aliases=list(node.get("aliases") or []),
        articles=list(node.get("articles") or []),
    )


def _add_participant(g: nx.MultiDiGraph, event_id: str, entity_id: str, role: Any) -> None:
    g.add_edge(event_id, entity_id, key=f"{PARTICIPANT}:{role}", predicate=PARTICIPANT, role=role)


def _provenance(value: Mapping[str, Any]) -> dict[str, Any]:
    spans = list(value.get("evidence") or [])
    sentences = list(value.get("sentences") or [])
    evidence = [
        (sentences[i] if i < len(sentences) and sentences[i] else span or "").strip()
        for i, span in enumerate(spans)
    ]
    return {
        "confidence": value.get("confidence"),
        "support": value.get("support"),
        "articles": list(value.get("articles") or []),
        "first_seen": value.get("first_seen"),
        "last_seen": value.get("last_seen"),
        "evidence": evidence,
        "evidence_spans": spans,
        "rules": list(value.get("rules") or []),
        "evidence_articles": list(value.get("evidence_articles") or []),
        "start_offsets": list(value.get("start_offsets") or []),
        "end_offsets": list(value.get("end_offsets") or []),
    }


def _relation_attributes(rel: Mapping[str, Any], schema: Schema) -> dict[str, Any]:
    predicate = str(rel["_label"])
    spec = schema.predicates[predicate]
    properties = {name: rel[name] for name in sorted(spec.properties) if rel.get(name) is not None}
    return {"predicate": predicate, "properties": properties, **_provenance(rel)}


def _event_attributes(node: Mapping[str, Any], label: str) -> dict[str, Any]:
    date = _event_date(node.get("date"), node.get("date_precision"))
    data: dict[str, Any] = {
        "category": EVENT,
        "label": label,
        "name": f"{label} {date}" if date else label,
        **{key: node.get(key) for key in EVENT_FIELDS},
        "date": date,
    }
    data.update(_provenance(node))
    return data
