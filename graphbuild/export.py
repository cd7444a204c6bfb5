"""Write the graph out for other tools: Gephi, yEd, spreadsheets, Neo4j.

:func:`export_graph` writes a graph from :func:`graphbuild.graph.load_graph`:

* ``graphml`` and ``gexf`` (Gephi): these formats hold only strings, numbers
  and booleans, so list and dict attributes (``aliases``, ``evidence``,
  ``properties``, …) are written as JSON text and attributes that are None are
  left out. GraphML edge ids are the edge keys (read the file back with
  ``nx.read_graphml(path, force_multigraph=True)``). In GEXF a node's label is
  its name (what Gephi shows) and its type the attribute ``type``; an edge's
  label is its predicate, and its key the attribute ``networkx_key``.
* ``node-link``: networkx's node-link JSON (nodes, and edges under ``edges``
  with their ``key``); :func:`read_node_link` reads it back into an equal graph.
* ``csv``: a folder with ``nodes.csv`` (``id``, ``category``, ``label``,
  ``name``, then every other attribute) and ``edges.csv`` (``source``,
  ``target``, ``key``, ``predicate``, then the rest); lists and dicts as JSON,
  None as an empty cell.
* ``jsonl``: one fact per line, relations then events, each with its evidence
  (article, sentence, span text, rule, offsets); see :func:`facts`.

:func:`export_neo4j_csv` writes the store itself as the CSV files that
``neo4j-admin database import full`` loads, and returns that command line.

>>> g = load_graph(store, schema)  # doctest: +SKIP
>>> export_graph(g, "gexf", Path("binance.gexf"))  # doctest: +SKIP
PosixPath('binance.gexf')
"""

from __future__ import annotations

import csv
import json
import logging
import shlex
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, get_args

import networkx as nx

from graphbuild.errors import ConfigError, ExportError
from graphbuild.graph import EVENT, EVENT_FIELDS, STRUCTURAL, evidence_of
from graphbuild.schema import Schema
from graphbuild.stores.base import ARTICLE_LABEL, MENTIONS, PARTICIPANT, REPORTED_IN, GraphStore

log = logging.getLogger(__name__)

Format = Literal["graphml", "gexf", "node-link", "csv", "jsonl"]
FORMATS: tuple[str, ...] = get_args(Format)

# The extra labels the Neo4j store gives every entity and every event
# (graphbuild.stores.neo4j), used here as the ID spaces of the import.
NEO4J_ENTITY_LABEL = "Entity"
NEO4J_EVENT_LABEL = "Event"
# Between array elements: ';' as neo4j-admin expects by default, else (when an
# element holds a ';', as sentences may) the ASCII unit separator.
ARRAY_DELIMITER = ";"
FALLBACK_ARRAY_DELIMITER = "\x1f"

_NODE_FIRST = ("id", "category", "label", "name")
_EDGE_FIRST = ("source", "target", "key", "predicate")
_EVENT_FACT_FIELDS = ("name", *EVENT_FIELDS)
_PROVENANCE_FIELDS = ("confidence", "support", "first_seen", "last_seen", "articles")


def export_graph(g: nx.MultiDiGraph, fmt: Format | str, path: Path) -> Path:
    """Write ``g`` to ``path`` (a folder for ``csv``) in ``fmt``; returns ``path``.

    Raises :class:`~graphbuild.errors.ConfigError` for an unknown format and
    :class:`ExportError` when the file cannot be written.

    >>> from graphbuild.analysis import sample_graph
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = export_graph(sample_graph(), "node-link", Path(folder) / "g.json")
    ...     sorted(read_node_link(path).nodes) == sorted(sample_graph().nodes)
    True
    """
    if fmt not in FORMATS:
        raise ConfigError(
            f"unknown export format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}"
        )
    try:
        if fmt == "csv":
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            nx.write_graphml(flat_graph(g), path)
        elif fmt == "gexf":
            nx.write_gexf(_gexf_graph(g), path)
        elif fmt == "node-link":
            data = nx.node_link_data(g, edges="edges")
            path.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
        elif fmt == "csv":
            _write_graph_csv(g, path)
        else:
            with path.open("w", encoding="utf-8") as out:
                for fact in facts(g):
                    out.write(json.dumps(fact, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    log.info("wrote %s (%s)", path, fmt)
    return path


def read_node_link(path: Path) -> nx.MultiDiGraph:
    """Read a graph written by ``export_graph(g, "node-link", path)``.

    >>> from graphbuild.analysis import sample_graph
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = export_graph(sample_graph(), "node-link", Path(folder) / "g.json")
    ...     read_node_link(path).edges["p:ann", "o:acme", "rel:1"]["properties"]
    {'role': 'CEO'}
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    graph: nx.MultiDiGraph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    return graph


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose attributes GraphML and GEXF can hold.

    Lists and dicts become JSON text and None values are left out.

    >>> from graphbuild.analysis import sample_graph
    >>> flat_graph(sample_graph()).edges["p:ann", "o:acme", "rel:1"]["properties"]
    '{"role": "CEO"}'
    """
    h = nx.MultiDiGraph()
    h.graph.update(_flat(g.graph))
    h.add_nodes_from((node, _flat(data)) for node, data in g.nodes(data=True))
    h.add_edges_from((u, v, key, _flat(data)) for u, v, key, data in g.edges(keys=True, data=True))
    return h


def facts(g: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """Every relation and then every event of ``g``, by id, as a JSON-ready record.

    A relation: ``kind="relation"``, ``id``, ``predicate``, ``subject`` and
    ``object`` (each ``{id, type, name}``), ``properties``; an event:
    ``kind="event"``, ``id``, ``type``, its name, status, amount and date
    fields, and ``participants`` (``{role, id, type, name}``). Both then have
    ``confidence``, ``support``, ``first_seen``, ``last_seen``, ``articles``
    and ``evidence``: ``{article, sentence, text, rule, start, end}`` each.

    >>> from graphbuild.analysis import sample_graph
    >>> [(f["kind"], f["id"]) for f in facts(sample_graph())]
    [('relation', 'rel:1'), ('event', 's:1')]
    """
    relations = sorted(
        (key, u, v, data)
        for u, v, key, data in g.edges(keys=True, data=True)
        if data.get("predicate") not in STRUCTURAL
    )
    for key, u, v, data in relations:
        yield {
            "kind": "relation",
            "id": key,
            "predicate": data.get("predicate"),
            "subject": _node_ref(g, u),
            "object": _node_ref(g, v),
            "properties": dict(data.get("properties") or {}),
            **_provenance(key, data),
        }
    for node, data in sorted(g.nodes(data=True)):
        if data.get("category") != EVENT:
            continue
        participants = sorted(
            (str(link.get("role")), target)
            for _, target, link in g.out_edges(node, data=True)
            if link.get("predicate") == PARTICIPANT
        )
        yield {
            "kind": "event",
            "id": node,
            "type": data.get("label"),
            **{name: data.get(name) for name in _EVENT_FACT_FIELDS},
            "participants": [
                {"role": role, **_node_ref(g, target)} for role, target in participants
            ],
            **_provenance(node, data),
        }


def export_neo4j_csv(
    store: GraphStore, schema: Schema, folder: Path, *, database: str = "neo4j"
) -> str:
    """Write the store as ``neo4j-admin database import`` CSV files; return the command.

    One file per node label and per relationship type (``nodes-Person.csv``,
    ``rels-ROLE_AT.csv``, …), with header fields ``id:ID(Space)``, ``:LABEL``,
    ``:START_ID(Space)``, ``:END_ID(Space)``, ``:TYPE`` and typed properties
    (``amount:double``, ``support:long``, ``date:date``,
    ``aliases:string[]``, …). The ID spaces and extra labels are those of the
    Neo4j store: entities are ``Entity`` (labelled ``Person;Entity``, …),
    events ``Event``, articles ``Article``, so the imported database answers
    the same Cypher. Empty cells and empty lists are absent properties. Array
    elements are joined by ``;``, or by U+001F when some element contains
    ``;``; the command says which. Labels and types with no rows get no file.

    >>> print(export_neo4j_csv(store, schema, Path("import")))  # doctest: +SKIP
    neo4j-admin database import full neo4j --nodes=import/nodes-Person.csv ...
    """
    present = store.stats()
    nodes, rels = present["nodes"], present["relationships"]
    tables: list[_CsvTable] = []
    date_columns = {"date"}
    for label in schema.entity_types:
        if label in nodes:
            rows = [r[0] for r in store.query(f"MATCH (n:{label}) RETURN n").rows]
            tables.append(_node_table(label, NEO4J_ENTITY_LABEL, rows, (label, NEO4J_ENTITY_LABEL)))
    for label in schema.event_types:
        if label in nodes:
            rows = [r[0] for r in store.query(f"MATCH (n:{label}) RETURN n").rows]
            tables.append(
                _node_table(
                    label, NEO4J_EVENT_LABEL, rows, (label, NEO4J_EVENT_LABEL), date_columns
                )
            )
    if ARTICLE_LABEL in nodes:
        rows = [r[0] for r in store.query(f"MATCH (n:{ARTICLE_LABEL}) RETURN n").rows]
        tables.append(_node_table(ARTICLE_LABEL, ARTICLE_LABEL, rows, (ARTICLE_LABEL,)))
    ends = {
        **{p: (NEO4J_ENTITY_LABEL, NEO4J_ENTITY_LABEL) for p in schema.predicates},
        PARTICIPANT: (NEO4J_EVENT_LABEL, NEO4J_ENTITY_LABEL),
        REPORTED_IN: (NEO4J_EVENT_LABEL, ARTICLE_LABEL),
        MENTIONS: (ARTICLE_LABEL, NEO4J_ENTITY_LABEL),
    }
    for rel_type, (start, end) in ends.items():
        if rel_type not in rels:
            continue
        spec = schema.predicates.get(rel_type)
        dates = {n for n, p in spec.properties.items() if p.type == "date"} if spec else set()
        rows = store.query(f"MATCH (a)-[r:{rel_type}]->(b) RETURN a.id, r, b.id").rows
        tables.append(_rel_table(rel_type, start, end, rows, dates))

    delimiter = ARRAY_DELIMITER
    if any(table.array_holds(ARRAY_DELIMITER) for table in tables):
        delimiter = FALLBACK_ARRAY_DELIMITER
        if any(table.array_holds(delimiter) for table in tables):
            raise ExportError(
                "cannot choose an array delimiter: list values hold both ';' and U+001F"
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for table in tables:
            table.write(folder, delimiter)
    except OSError as exc:
        raise ExportError(f"cannot write into {folder}: {exc.strerror or exc}") from exc
    args = ["neo4j-admin", "database", "import", "full", database]
    args += [f"--nodes={folder / t.file}" for t in tables if t.kind == "nodes"]
    args += [f"--relationships={folder / t.file}" for t in tables if t.kind == "relationships"]
    args += [
        f"--array-delimiter={'U+001F' if delimiter == FALLBACK_ARRAY_DELIMITER else delimiter}",
        "--multiline-fields=true",
    ]
    log.info("wrote %d neo4j-admin files into %s", len(tables), folder)
    return shlex.join(args)


# -- graph formats -----------------------------------------------------------


def _flat(data: Mapping[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in data.items():
        if value is None:
            continue
        if isinstance(value, list | tuple | dict | set):
            value = json.dumps(
                sorted(value) if isinstance(value, set) else value,
                ensure_ascii=False,
                sort_keys=True,
            )
        flat[str(name)] = value
    return flat


def _gexf_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    h = flat_graph(g)
    for node, data in h.nodes(data=True):
        kind = data.pop("label", None)
        if kind is not None:
            data["type"] = kind
        data["label"] = data.get("name", node)
    for _, _, data in h.edges(data=True):
        data["label"] = data.get("predicate", "")
    return h


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _write_graph_csv(g: nx.MultiDiGraph, folder: Path) -> None:
    node_rows = [{"id": node, **data} for node, data in g.nodes(data=True)]
    edge_rows = [
        {"source": u, "target": v, "key": key, **data}
        for u, v, key, data in g.edges(keys=True, data=True)
    ]
    for name, rows, first in (
        ("nodes.csv", node_rows, _NODE_FIRST),
        ("edges.csv", edge_rows, _EDGE_FIRST),
    ):
        seen = {column for row in rows for column in row}
        columns = [*first, *sorted(seen - set(first))]
        with (folder / name).open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_cell(row.get(column)) for column in columns])


def _node_ref(g: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    data = g.nodes[node]
    return {"id": node, "type": data.get("label"), "name": data.get("name")}


def _provenance(fact: str, data: Mapping[str, Any]) -> dict[str, Any]:
    evidence = [
        {k: v for k, v in item.items() if k not in ("fact", "fact_type")}
        for item in evidence_of(fact, data)
    ]
    record = {name: data.get(name) for name in _PROVENANCE_FIELDS}
    record["articles"] = list(data.get("articles") or [])
    return {**record, "evidence": evidence}


# -- neo4j-admin -------------------------------------------------------------


class _CsvTable:
    """One neo4j-admin CSV file: typed header fields and the rows under them."""

    def __init__(
        self,
        kind: Literal["nodes", "relationships"],
        file: str,
        header: list[str],
        columns: list[str],
        types: dict[str, str],
        rows: list[dict[str, Any]],
    ) -> None:
        self.kind = kind
        self.file = file
        self.header = header
        self.columns = columns
        self.types = types
        self.rows = rows

    def array_holds(self, delimiter: str) -> bool:
        arrays = [column for column, kind in self.types.items() if kind.endswith("[]")]
        for row in self.rows:
            for column in arrays:
                items: list[Any] = row.get(column) or []
                if any(delimiter in str(item) for item in items):
                    return True
        return False

    def write(self, folder: Path, delimiter: str) -> None:
        with (folder / self.file).open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(self.header)
            for row in self.rows:
                writer.writerow(
                    [_neo4j_cell(row.get(column), delimiter) for column in self.columns]
                )


def _node_table(
    label: str,
    id_space: str,
    rows: Sequence[Mapping[str, Any]],
    labels: Sequence[str],
    dates: Iterable[str] = (),
) -> _CsvTable:
    names = _property_names(rows, first=("id",))
    types = _types(rows, names, set(dates))
    header = [f"id:ID({id_space})", *(_typed(name, types[name]) for name in names[1:]), ":LABEL"]
    table_rows = [{**row, ":LABEL": ";".join(labels)} for row in rows]
    return _CsvTable("nodes", f"nodes-{label}.csv", header, [*names, ":LABEL"], types, table_rows)


def _rel_table(
    rel_type: str,
    start: str,
    end: str,
    rows: Sequence[Sequence[Any]],
    dates: Iterable[str] = (),
) -> _CsvTable:
    props = [dict(rel) for _, rel, _ in rows]
    names = _property_names(props)
    types = _types(props, names, set(dates))
    header = [
        f":START_ID({start})",
        f":END_ID({end})",
        *(_typed(name, types[name]) for name in names),
        ":TYPE",
    ]
    table_rows = [
        {**prop, ":START_ID": src, ":END_ID": dst, ":TYPE": rel_type}
        for (src, _, dst), prop in zip(rows, props, strict=True)
    ]
    columns = [":START_ID", ":END_ID", *names, ":TYPE"]
    return _CsvTable("relationships", f"rels-{rel_type}.csv", header, columns, types, table_rows)


def _property_names(rows: Sequence[Mapping[str, Any]], first: Sequence[str] = ()) -> list[str]:
    """Property names in the order the store gives them, ``first`` first, ``_label`` left out."""
    names = list(first)
    for row in rows:
        for name in row:
            if name not in names and not name.startswith("_"):
                names.append(name)
    return names


def _types(
    rows: Sequence[Mapping[str, Any]], names: Sequence[str], dates: set[str]
) -> dict[str, str]:
    """neo4j-admin property types read off the values (dates from the schema)."""
    types: dict[str, str] = {}
    for name in names:
        values: list[Any] = [row[name] for row in rows if row.get(name) is not None]
        lists = [v for v in values if isinstance(v, list)]
        if values and len(lists) == len(values):
            items = [item for v in lists for item in v if item is not None]
            types[name] = _scalar_type(items, name in dates) + "[]"
        else:
            types[name] = _scalar_type(values, name in dates)
    return types


def _scalar_type(values: Sequence[Any], is_date: bool) -> str:
    if is_date:
        return "date"
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _typed(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def _neo4j_cell(value: Any, delimiter: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return delimiter.join(_neo4j_scalar(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _neo4j_scalar(value)


def _neo4j_scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
