"""The default graph store: LadybugDB, an in-process Cypher database kept in one file.

The database lives in ``data_dir / "graph.lbdb"``. Its tables are derived from
the schema and created on the first write:

* one node table per entity type: ``id``, ``name``, ``kind``, ``aliases``,
  ``articles`` (ids of the articles that mention the entity);
* ``Article`` nodes: ``id``, ``title``, ``url``, ``published``, ``source``,
  ``meta`` (a JSON string) and ``ingested_at`` (when the article was first written);
* ``MENTIONS`` from ``Article`` to every entity type: ``start_offsets``,
  ``end_offsets``, ``texts``;
* one relationship table per predicate, over every (subject type, object type)
  pair the schema allows: ``id``, the predicate's typed properties and the
  provenance columns below;
* one node table per event type: ``id``, ``status``, ``amount``, ``currency``,
  ``amount_qualifier``, ``amount_text``, ``date`` (a DATE: a year or month is
  padded to its first day), ``date_precision``, ``date_text`` and the
  provenance columns; ``PARTICIPANT {role}`` edges lead to the entities that
  take part and ``REPORTED_IN`` edges to the articles that report the event.

Provenance columns: ``confidence`` (the highest seen), ``articles`` (every
article that supports the fact) and six parallel lists, one entry per piece of
evidence: ``evidence`` (its text), ``rules``, ``sentences``, ``start_offsets``,
``end_offsets`` and ``evidence_articles``.

Writing merges: list columns grow as set unions (evidence is one entry per
article and span), a scalar keeps the first non-null value written, so writing
an article again changes nothing. For example::

    store = EmbeddedStore.open(Path("graphbuild-data"), load_schema())
    store.write(extraction)
    store.query("MATCH (p:Person)-[r:ROLE_AT]->(o) RETURN p.name, r.role, o.name")
    store.close()
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal
from uuid import UUID

import ladybug

from graphbuild.errors import QueryError, SchemaError, StoreError, StoreNotFoundError
from graphbuild.models import ArticleExtraction, Evidence, Mention
from graphbuild.resolve import MergeDecision
from graphbuild.schema import PropertyType, Schema
from graphbuild.stores.base import (
    ARTICLE_LABEL,
    MENTIONS,
    PARTICIPANT,
    REPORTED_IN,
    GraphStore,
    QueryResult,
)

log = logging.getLogger(__name__)

DATABASE_FILE = "graph.lbdb"

_NOT_FOUND_HINT = "run `graphbuild ingest` first, or pass --data-dir"
_WRITE_REFUSED = "the query would change the graph, and queries are read-only: pass --write"

Columns = dict[str, str]
Row = dict[str, Any]

_COLUMN_TYPES: dict[PropertyType, str] = {
    "string": "STRING",
    "float": "DOUBLE",
    "integer": "INT64",
    "date": "DATE",
    "string_list": "STRING[]",
}

# Entry i of each list describes one piece of evidence; the first three fields
# (article, start, end) identify it, so the same evidence is never stored twice.
_EVIDENCE_FIELDS = (
    "evidence_articles",
    "start_offsets",
    "end_offsets",
    "evidence",
    "rules",
    "sentences",
)
_MENTION_FIELDS = ("start_offsets", "end_offsets", "texts")
# Entry i describes supporting article i: its id, the confidence it gave, and
# the date it was seen (published, else ingested).
_SUPPORT_FIELDS = ("articles", "article_confidences", "article_dates")
# Entry i: a name as extracted and the resolution rule that mapped it to this entity.
_MERGE_FIELDS = ("merged_names", "merge_rules")
# Each group of parallel lists, found by a column only it has, with its key size.
_PARALLEL_GROUPS: dict[str, tuple[tuple[str, ...], int]] = {
    "evidence_articles": (_EVIDENCE_FIELDS, 3),
    "texts": (_MENTION_FIELDS, 2),
    "article_confidences": (_SUPPORT_FIELDS, 1),
    "merge_rules": (_MERGE_FIELDS, 2),
}
_GROUPED_FIELDS = frozenset(
    name for fields, _ in _PARALLEL_GROUPS.values() for name in fields if name != "articles"
)
_SET_FIELDS = ("articles", "aliases")
_NOT_SCALAR = frozenset(
    {*_EVIDENCE_FIELDS, *_MENTION_FIELDS, *_GROUPED_FIELDS, "support", "first_seen", "last_seen"}
)

_ENTITY_COLUMNS: Columns = {
    "id": "STRING",
    "name": "STRING",
    "kind": "STRING",
    "aliases": "STRING[]",
    "articles": "STRING[]",
}
_ARTICLE_COLUMNS: Columns = {
    "id": "STRING",
    "title": "STRING",
    "url": "STRING",
    "published": "STRING",
    "source": "STRING",
    "meta": "STRING",
    "ingested_at": "STRING",
    "fingerprint": "STRING",
}
_PROVENANCE_COLUMNS: Columns = {
    "confidence": "DOUBLE",
    # When the fact first entered the store (kept while any article supports it).
    "ingested_at": "STRING",
    "support": "INT64",
    "first_seen": "STRING",
    "last_seen": "STRING",
    "articles": "STRING[]",
    "article_confidences": "DOUBLE[]",
    "article_dates": "STRING[]",
    "evidence": "STRING[]",
    "rules": "STRING[]",
    "sentences": "STRING[]",
    "start_offsets": "INT64[]",
    "end_offsets": "INT64[]",
    "evidence_articles": "STRING[]",
}
_EVENT_COLUMNS: Columns = {
    "id": "STRING",
    "status": "STRING",
    "amount": "DOUBLE",
    "currency": "STRING",
    "amount_qualifier": "STRING",
    "amount_text": "STRING",
    "date": "DATE",
    "date_precision": "STRING",
    "date_text": "STRING",
    **_PROVENANCE_COLUMNS,
}
_MENTION_COLUMNS: Columns = {
    "start_offsets": "INT64[]",
    "end_offsets": "INT64[]",
    "texts": "STRING[]",
    "aliases": "STRING[]",
    "merged_names": "STRING[]",
    "merge_rules": "STRING[]",
}

# Keys LadybugDB adds to node, relationship and path values.
_INTERNAL_KEYS = frozenset({"_ID", "_LABEL", "_SRC", "_DST"})

# Strings, quoted names and comments, blanked out before looking for statement keywords.
_LITERALS = re.compile(
    r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL
)
_WORD = re.compile(r"[A-Za-z_]+")
_TRANSACTION_CONTROL = frozenset(
    {"BEGIN", "COMMIT", "ROLLBACK", "COMMIT_SKIP_CHECKPOINT", "ROLLBACK_SKIP_CHECKPOINT"}
)
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class _Table:
    """A node table, or a relationship table joining the given (from, to) label pairs."""

    name: str
    kind: Literal["node", "rel"]
    columns: Columns
    pairs: tuple[tuple[str, str], ...] = ()

    def ddl(self) -> str:
        columns = [
            f"{name} {type_}{' PRIMARY KEY' if self.kind == 'node' and name == 'id' else ''}"
            for name, type_ in self.columns.items()
        ]
        if self.kind == "node":
            return f"CREATE NODE TABLE IF NOT EXISTS {self.name}({', '.join(columns)})"
        ends = [f"FROM {src} TO {dst}" for src, dst in self.pairs]
        return f"CREATE REL TABLE IF NOT EXISTS {self.name}({', '.join([*ends, *columns])})"

    def set_clause(self, var: str, skip: Iterable[str] = ("id",)) -> str:
        # A None in a parameter struct is typed STRING, so every value is cast to its column type.
        skipped = set(skip)
        return ", ".join(
            f"{var}.{name} = CAST(row.{name} AS {type_})"
            for name, type_ in self.columns.items()
            if name not in skipped
        )


@dataclass(frozen=True)
class _Layout:
    """Every table the store holds, derived from the schema."""

    tables: dict[str, _Table]

    @classmethod
    def from_schema(cls, schema: Schema) -> _Layout:
        tables: list[_Table] = [_Table(ARTICLE_LABEL, "node", _ARTICLE_COLUMNS)]
        tables += [_Table(name, "node", _ENTITY_COLUMNS) for name in schema.entity_types]
        tables += [_Table(name, "node", _EVENT_COLUMNS) for name in schema.event_types]
        for name, spec in schema.predicates.items():
            properties = {p: _COLUMN_TYPES[prop.type] for p, prop in spec.properties.items()}
            clash = sorted(set(properties) & {"id", *_PROVENANCE_COLUMNS})
            if clash:
                raise SchemaError(
                    f"predicate {name}: property names reserved by the store: {clash}"
                )
            columns = {"id": "STRING", **properties, **_PROVENANCE_COLUMNS}
            tables.append(_Table(name, "rel", columns, tuple(schema.relation_pairs(name))))
        mentions = tuple((ARTICLE_LABEL, name) for name in sorted(schema.entity_types))
        participants = tuple(
            sorted(
                {
                    (event.name, entity_type)
                    for event in schema.event_types.values()
                    for types in event.roles.values()
                    for entity_type in types
                }
            )
        )
        reported = tuple((name, ARTICLE_LABEL) for name in sorted(schema.event_types))
        tables += [
            _Table(MENTIONS, "rel", _MENTION_COLUMNS, mentions),
            _Table(PARTICIPANT, "rel", {"role": "STRING"}, participants),
            _Table(REPORTED_IN, "rel", {}, reported),
        ]
        by_name: dict[str, _Table] = {}
        for table in tables:
            if table.name in by_name:
                raise SchemaError(f"{table.name!r} names two tables of the graph store")
            if table.kind == "node" or table.pairs:
                by_name[table.name] = table
        return cls(tables=by_name)

    def columns_of(self, label: str) -> Columns | None:
        table = self.tables.get(label)
        return None if table is None else table.columns


@dataclass
class _Facts:
    """One article's rows, grouped by table and checked against the schema."""

    article: Row
    entities: dict[str, dict[str, Row]] = field(default_factory=dict)
    mentions: dict[str, dict[str, Row]] = field(default_factory=dict)
    relations: dict[str, dict[tuple[str, str], dict[str, Row]]] = field(default_factory=dict)
    events: dict[str, dict[str, Row]] = field(default_factory=dict)
    participants: dict[tuple[str, str], dict[tuple[str, str, str], Row]] = field(
        default_factory=dict
    )
    reported: dict[str, dict[str, Row]] = field(default_factory=dict)


class EmbeddedStore(GraphStore):
    """A :class:`GraphStore` in a LadybugDB file; build it with :meth:`open`.

    Queries run on the database opened read-only, so LadybugDB itself refuses
    writes unless ``write=True``; a store opened for writing switches between
    the two modes as needed.
    """

    def __init__(self, path: Path, schema: Schema, *, read_only: bool) -> None:
        self.path = path
        self.schema = schema
        self.read_only = read_only
        self._layout = _Layout.from_schema(schema)
        self._db: Any = None
        self._conn: Any = None
        self._conn_read_only = read_only
        self._schema_ready = False
        self._closed = False

    @classmethod
    def open(cls, data_dir: Path, schema: Schema, *, read_only: bool = False) -> EmbeddedStore:
        """Open (or, for writing, create) the store in ``data_dir``."""
        path = data_dir / DATABASE_FILE
        if read_only and not path.exists():
            raise StoreNotFoundError(f"no graph store in {data_dir}", hint=_NOT_FOUND_HINT)
        if not read_only:
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the data directory {data_dir}: {exc}") from exc
        store = cls(path, schema, read_only=read_only)
        store._connection(read_only=read_only)
        return store

    def write(self, extraction: ArticleExtraction, merges: Sequence[MergeDecision] = ()) -> None:
        """Write one article's facts in one transaction.

        Writing the same facts again changes nothing. When the store holds
        another version of the article (the same id, or the same url under
        another id), that version is retracted first, in the same transaction.
        """
        header = extraction.article
        article_id = header.id
        if self.read_only:
            raise StoreError(
                f"article {article_id!r}: the store was opened read-only",
                hint="open it for writing",
            )
        facts = _collect(extraction, self.schema, merges)
        fingerprint = _fingerprint(extraction, merges)
        facts.article["fingerprint"] = fingerprint
        conn = self._connection(read_only=False)
        self._ensure_tables(conn)
        try:
            with _transaction(conn):
                previous = self._versions(conn, article_id, header.url)
                if previous == {article_id: fingerprint}:
                    log.debug("article %s is stored already", article_id)
                    return
                for old_id in sorted(previous):
                    self._retract(conn, old_id)
                self._write_facts(conn, facts)
        except Exception as exc:
            raise StoreError(
                f"article {article_id!r} was not written: {_first_line(exc)}",
                hint="nothing from this article is in the store",
            ) from exc
        if previous:
            log.info("article %s replaces %s", article_id, ", ".join(sorted(previous)))
        log.debug("wrote article %s", article_id)

    def remove_article(self, article_id: str) -> bool:
        """Retract an article in one transaction; False when the store does not hold it.

        Facts that only this article supported (entities, relations, events,
        mentions) are deleted; facts other articles support lose this article
        from ``articles`` and its entries from the evidence lists.
        """
        if self.read_only:
            raise StoreError(
                f"article {article_id!r}: the store was opened read-only",
                hint="open it for writing",
            )
        conn = self._connection(read_only=False)
        self._ensure_tables(conn)
        try:
            with _transaction(conn):
                if article_id not in self._versions(conn, article_id, None):
                    return False
                self._retract(conn, article_id)
        except Exception as exc:
            raise StoreError(
                f"article {article_id!r} was not removed: {_first_line(exc)}",
                hint="the store is unchanged",
            ) from exc
        log.info("removed article %s", article_id)
        return True

    def query(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run Cypher with parameters; read-only unless ``write`` is set.

        Values come back as plain Python: dates as ISO strings, nodes and
        relationships as dicts of their properties with the label under ``_label``.
        With several statements separated by ``;``, the last one's result is returned.
        """
        for keyword in _leading_keywords(cypher):
            if keyword in _TRANSACTION_CONTROL:
                raise QueryError(
                    f"{keyword} is not allowed in a query: the store manages transactions"
                )
            # CHECKPOINT on a read-only LadybugDB leaves the file needing recovery.
            if keyword == "CHECKPOINT" and not write:
                raise QueryError(_WRITE_REFUSED)
        if write and self.read_only:
            raise QueryError(
                "cannot run a write query: the store was opened read-only",
                hint="open it for writing; on the command line, pass --write",
            )
        conn = self._connection(read_only=not write)
        try:
            outcome = conn.execute(cypher, dict(params or {}))
        except (RuntimeError, ValueError, TypeError) as exc:
            if not write and "read-only database" in str(exc):
                raise QueryError(_WRITE_REFUSED) from exc
            raise QueryError(_first_line(exc)) from exc
        finally:
            if write:
                self._schema_ready = False
        results = outcome if isinstance(outcome, list) else [outcome]
        try:
            last = results[-1]
            columns = [str(name) for name in last.get_column_names()]
            rows = [[self._plain(value) for value in row] for row in last.get_all()]
        finally:
            for result in results:
                result.close()
        return QueryResult(columns=columns, rows=rows)

    def stats(self) -> dict[str, dict[str, int]]:
        """Counts: ``{"nodes": {label: n}, "relationships": {type: n}}``, zeros omitted."""
        conn = self._connection()
        counts: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
        for name, kind in _fetch(conn, "CALL show_tables() RETURN name, type"):
            label = "`" + str(name).replace("`", "``") + "`"
            if kind == "NODE":
                group, cypher = "nodes", f"MATCH (n:{label}) RETURN count(n)"
            elif "REL" in str(kind):
                group, cypher = "relationships", f"MATCH ()-[r:{label}]->() RETURN count(r)"
            else:
                continue
            count = int(_fetch(conn, cypher)[0][0])
            if count:
                counts[group][str(name)] = count
        return {group: dict(sorted(found.items())) for group, found in counts.items()}

    def close(self) -> None:
        """Close the database; the store cannot be used afterwards."""
        self._disconnect()
        self._closed = True

    # -- connections -------------------------------------------------------

    def _connection(self, *, read_only: bool | None = None) -> Any:
        """The open connection, reopening the database when another mode is asked for."""
        if self._closed:
            raise StoreError(f"the graph store {self.path} is closed")
        if self._conn is not None and read_only in (None, self._conn_read_only):
            return self._conn
        mode = self.read_only if read_only is None else read_only
        self._disconnect()
        try:
            self._db = ladybug.Database(self.path, read_only=mode)
            self._conn = ladybug.Connection(self._db)
        except (RuntimeError, OSError) as exc:
            self._disconnect()
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"the graph store {self.path} is locked by another process",
                    hint="wait for the other graphbuild command to finish, or pass --data-dir",
                ) from exc
            raise StoreError(
                f"cannot open the graph store {self.path}: {_first_line(exc)}"
            ) from exc
        self._conn_read_only = mode
        log.debug("opened %s %s", self.path, "read-only" if mode else "for writing")
        return self._conn

    def _disconnect(self) -> None:
        conn, db = self._conn, self._db
        self._conn = self._db = None
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()

    def _ensure_tables(self, conn: Any) -> None:
        if self._schema_ready:
            return
        try:
            with _transaction(conn):
                for table in sorted(self._layout.tables.values(), key=lambda t: t.kind):
                    _fetch(conn, table.ddl())
        except RuntimeError as exc:
            raise StoreError(
                f"cannot create the tables of the graph store: {_first_line(exc)}"
            ) from exc
        self._schema_ready = True

    # -- writing -----------------------------------------------------------

    def _versions(self, conn: Any, article_id: str, url: str | None) -> dict[str, str | None]:
        """Fingerprints of the stored articles with this id or, when given, this url."""
        found = {
            str(key): value
            for key, value in _fetch(
                conn,
                f"MATCH (a:{ARTICLE_LABEL} {{id: $id}}) RETURN a.id, a.fingerprint",
                {"id": article_id},
            )
        }
        if url:
            found.update(
                (str(key), value)
                for key, value in _fetch(
                    conn,
                    f"MATCH (a:{ARTICLE_LABEL} {{url: $url}}) RETURN a.id, a.fingerprint",
                    {"url": url},
                )
            )
        return found

    def _retract(self, conn: Any, article_id: str) -> None:
        """Remove an article and its support from every fact, inside the caller's transaction."""
        tables = self._layout.tables
        params = {"article": article_id}
        for label in self.schema.entity_types:
            rows = _fetch(
                conn,
                f"MATCH (n:{label}) WHERE list_contains(n.articles, $article) "
                "RETURN n.id, n.articles",
                params,
            )
            remaining = {
                str(key): [a for a in articles if a != article_id] for key, articles in rows
            }
            gone = [key for key, articles in remaining.items() if not articles]
            if gone:
                _fetch(conn, f"MATCH (n:{label}) WHERE n.id IN $ids DETACH DELETE n", {"ids": gone})
            kept = [key for key, articles in remaining.items() if articles]
            if kept:
                aliases: dict[str, set[str]] = {key: set() for key in kept}
                for key, names in _fetch(
                    conn,
                    f"MATCH (a:{ARTICLE_LABEL})-[m:{MENTIONS}]->(n:{label}) "
                    "WHERE n.id IN $ids AND a.id <> $article RETURN n.id, m.aliases",
                    {"ids": kept, "article": article_id},
                ):
                    aliases[str(key)].update(names or [])
                updates = [
                    {"id": key, "articles": remaining[key], "aliases": sorted(aliases[key])}
                    for key in kept
                ]
                _fetch(
                    conn,
                    f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
                    "SET n.articles = CAST(row.articles AS STRING[]), "
                    "n.aliases = CAST(row.aliases AS STRING[])",
                    {"rows": updates},
                )
        for label in self.schema.event_types:
            table = tables[label]
            rows = _fetch(
                conn,
                f"MATCH (n:{label}) WHERE list_contains(n.articles, $article) RETURN n.id, n",
                params,
            )
            gone, kept_rows = self._without(rows, article_id, table)
            if gone:
                _fetch(conn, f"MATCH (n:{label}) WHERE n.id IN $ids DETACH DELETE n", {"ids": gone})
            if kept_rows:
                _fetch(
                    conn,
                    f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
                    f"SET {table.set_clause('n')}",
                    {"rows": kept_rows},
                )
        for predicate in self.schema.predicates:
            table = tables[predicate]
            rows = _fetch(
                conn,
                f"MATCH ()-[e:{predicate}]->() WHERE list_contains(e.articles, $article) "
                "RETURN e.id, e",
                params,
            )
            gone, kept_rows = self._without(rows, article_id, table)
            if gone:
                _fetch(
                    conn, f"MATCH ()-[e:{predicate}]->() WHERE e.id IN $ids DELETE e", {"ids": gone}
                )
            if kept_rows:
                _fetch(
                    conn,
                    f"UNWIND $rows AS row MATCH ()-[e:{predicate}]->() WHERE e.id = row.id "
                    f"SET {table.set_clause('e')}",
                    {"rows": kept_rows},
                )
        _fetch(conn, f"MATCH (a:{ARTICLE_LABEL} {{id: $article}}) DETACH DELETE a", params)

    def _without(
        self, rows: Iterable[Sequence[Any]], article_id: str, table: _Table
    ) -> tuple[list[str], list[Row]]:
        """Ids of the facts only ``article_id`` supports, and the others' rows without it."""
        gone: list[str] = []
        kept: list[Row] = []
        for key, value in rows:
            row = _drop_article(self._plain(value), article_id)
            if row.get("articles"):
                kept.append(_project(row, table))
            else:
                gone.append(str(key))
        return gone, kept

    def _write_facts(self, conn: Any, facts: _Facts) -> None:
        tables = self._layout.tables
        self._upsert_nodes(conn, tables[ARTICLE_LABEL], {facts.article["id"]: facts.article})
        for label, rows in facts.entities.items():
            self._upsert_nodes(conn, tables[label], rows)
        self._upsert_mentions(conn, facts)
        for predicate, by_pair in facts.relations.items():
            table = tables[predicate]
            ids = [rel_id for rows in by_pair.values() for rel_id in rows]
            existing = self._existing(
                conn, f"MATCH ()-[e:{table.name}]->() WHERE e.id IN $ids RETURN e.id, e", ids
            )
            for (src, dst), rows in by_pair.items():
                merged = [_merge_rows(existing.get(key), row) for key, row in rows.items()]
                _upsert_rels(conn, table, src, dst, merged, key="id")
        for label, rows in facts.events.items():
            self._upsert_nodes(conn, tables[label], rows)
        for (event, entity), roles in facts.participants.items():
            _upsert_rels(conn, tables[PARTICIPANT], event, entity, list(roles.values()), key="role")
        for label, reports in facts.reported.items():
            _upsert_rels(conn, tables[REPORTED_IN], label, ARTICLE_LABEL, list(reports.values()))

    def _upsert_nodes(self, conn: Any, table: _Table, rows: Mapping[str, Row]) -> None:
        existing = self._existing(
            conn, f"MATCH (n:{table.name}) WHERE n.id IN $ids RETURN n.id, n", list(rows)
        )
        merged = [_project(_merge_rows(existing.get(key), row), table) for key, row in rows.items()]
        cypher = (
            f"UNWIND $rows AS row MERGE (n:{table.name} {{id: row.id}}) SET {table.set_clause('n')}"
        )
        _fetch(conn, cypher, {"rows": merged})

    def _upsert_mentions(self, conn: Any, facts: _Facts) -> None:
        existing = {
            (str(label), str(entity_id)): self._plain(edge)
            for label, entity_id, edge in _fetch(
                conn,
                f"MATCH (a:{ARTICLE_LABEL} {{id: $article}})-[e:{MENTIONS}]->(n) "
                "RETURN label(n), n.id, e",
                {"article": facts.article["id"]},
            )
        }
        for label, rows in facts.mentions.items():
            merged = [_merge_rows(existing.get((label, key)), row) for key, row in rows.items()]
            _upsert_rels(conn, self._layout.tables[MENTIONS], ARTICLE_LABEL, label, merged)

    def _existing(self, conn: Any, cypher: str, ids: Sequence[str]) -> dict[str, Row]:
        """Stored rows by id, as plain values, for the ids about to be written."""
        found: dict[str, Row] = {}
        for key, value in _fetch(conn, cypher, {"ids": list(ids)}):
            row = self._plain(value)
            if isinstance(row, dict):
                found[str(key)] = row
        return found

    # -- reading -----------------------------------------------------------

    def _plain(self, value: Any) -> Any:
        """A LadybugDB value as plain Python (str, int, float, bool, None, list, dict)."""
        if value is None or isinstance(value, bool | int | float | str):
            return value
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        if isinstance(value, timedelta):
            return str(value)
        if isinstance(value, Decimal):
            integral = value.is_finite() and value == value.to_integral_value()
            return int(value) if integral else float(value)
        if isinstance(value, UUID):
            return str(value)
        if isinstance(value, bytes | bytearray):
            return bytes(value).hex()
        if isinstance(value, list | tuple):
            return [self._plain(item) for item in value]
        if isinstance(value, dict):
            return self._plain_dict(value)
        return str(value)

    def _plain_dict(self, value: dict[Any, Any]) -> dict[str, Any]:
        if "_NODES" in value and "_RELS" in value:
            return {
                "nodes": [self._plain(node) for node in value["_NODES"]],
                "relationships": [self._plain(rel) for rel in value["_RELS"]],
            }
        label = value.get("_LABEL")
        if isinstance(label, str) and "_ID" in value:
            # An unlabelled match returns the columns of every table it could
            # bind; keep only the label's own.
            columns = self._layout.columns_of(label)
            props = {
                str(key): self._plain(item)
                for key, item in value.items()
                if key not in _INTERNAL_KEYS and (columns is None or key in columns)
            }
            return {"_label": label, **props}
        return {str(key): self._plain(item) for key, item in value.items()}


# -- turning an extraction into rows ---------------------------------------


def _fingerprint(extraction: ArticleExtraction, merges: Sequence[MergeDecision]) -> str:
    """A hash of everything a write stores, to tell an unchanged article from a corrected one."""
    payload = json.dumps(
        [
            extraction.model_dump(mode="json", exclude={"rejected"}),
            [m.model_dump(mode="json") for m in merges],
        ],
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def _seen_date(published: str | None, ingested: datetime) -> str:
    """The date an article saw a fact: its publication date when it reads as ISO, else today."""
    if published:
        match = _ISO_PREFIX.match(published.strip())
        if match:
            return match[0]
    return ingested.date().isoformat()


def _collect(
    extraction: ArticleExtraction, schema: Schema, merges: Sequence[MergeDecision] = ()
) -> _Facts:
    """Rows for every table an article touches; raises StoreError when the schema forbids one."""
    header = extraction.article
    article_id = header.id
    now = datetime.now(UTC)
    seen = _seen_date(header.published, now)
    ingested_at = now.isoformat(timespec="seconds")
    merged_by_entity: dict[str, list[MergeDecision]] = {}
    for decision in merges:
        merged_by_entity.setdefault(decision.entity, []).append(decision)

    def refuse(message: str) -> StoreError:
        return StoreError(
            f"article {article_id!r}: {message}", hint="validate the extraction before storing it"
        )

    facts = _Facts(
        article={
            "id": article_id,
            "title": header.title,
            "url": header.url,
            "published": header.published,
            "source": header.source,
            "meta": json.dumps(header.meta, sort_keys=True, ensure_ascii=False, default=str),
            "ingested_at": now.isoformat(timespec="seconds"),
        }
    )
    types: dict[str, str] = {}
    for entity in extraction.entities:
        if entity.type not in schema.entity_types:
            raise refuse(f"entity {entity.id!r} has unknown type {entity.type!r}")
        if types.setdefault(entity.id, entity.type) != entity.type:
            raise refuse(f"entity id {entity.id!r} is used for two types")
        row: Row = {
            "id": entity.id,
            "name": entity.name,
            "kind": entity.kind,
            "aliases": sorted(set(entity.aliases)),
            "articles": [article_id],
        }
        _add(facts.entities.setdefault(entity.type, {}), entity.id, row)
        decisions = merged_by_entity.get(entity.id, [])
        mention = {
            "_src": article_id,
            "_dst": entity.id,
            **_mention_columns(entity.mentions),
            "aliases": sorted(set(entity.aliases)),
            "merged_names": [d.name for d in decisions],
            "merge_rules": [d.rule for d in decisions],
        }
        _add(facts.mentions.setdefault(entity.type, {}), entity.id, mention)

    for rel in extraction.relations:
        spec = schema.predicates.get(rel.predicate)
        if spec is None:
            raise refuse(f"relation {rel.id!r} has unknown predicate {rel.predicate!r}")
        src, dst = types.get(rel.subject), types.get(rel.object)
        if src is None or dst is None:
            missing = rel.subject if src is None else rel.object
            raise refuse(f"relation {rel.id!r} names {missing!r}, which is not among its entities")
        if not schema.allows_relation(rel.predicate, src, dst):
            raise refuse(f"relation {rel.id!r}: {rel.predicate} cannot join {src} to {dst}")
        properties: Row = dict.fromkeys(spec.properties)
        for name, value in rel.properties.items():
            prop = spec.properties.get(name)
            if prop is None:
                raise refuse(f"relation {rel.id!r}: {rel.predicate} has no property {name!r}")
            try:
                properties[name] = _property_value(prop.type, value)
            except ValueError as exc:
                raise refuse(f"relation {rel.id!r}, property {name!r}: {exc}") from exc
        row = {
            "id": rel.id,
            "_src": rel.subject,
            "_dst": rel.object,
            **properties,
            "confidence": rel.confidence,
            "ingested_at": ingested_at,
            **_support_columns(article_id, rel.confidence, seen),
            **_evidence_columns(article_id, rel.evidence),
        }
        by_pair = facts.relations.setdefault(rel.predicate, {})
        _add(by_pair.setdefault((src, dst), {}), rel.id, row)

    for event in extraction.events:
        if event.type not in schema.event_types:
            raise refuse(f"event {event.id!r} has unknown type {event.type!r}")
        for participant in event.participants:
            entity_type = types.get(participant.entity)
            if entity_type is None:
                raise refuse(
                    f"event {event.id!r} names {participant.entity!r}, "
                    "which is not among its entities"
                )
            if not schema.allows_participant(event.type, participant.role, entity_type):
                raise refuse(
                    f"event {event.id!r}: a {entity_type} cannot be the {participant.role} "
                    f"of a {event.type}"
                )
            link = {"_src": event.id, "_dst": participant.entity, "role": participant.role}
            links = facts.participants.setdefault((event.type, entity_type), {})
            links[(event.id, participant.entity, participant.role)] = link
        amount, when = event.amount, event.date
        row = {
            "id": event.id,
            "status": event.status,
            "amount": None if amount is None else amount.value,
            "currency": None if amount is None else amount.currency,
            "amount_qualifier": None if amount is None else amount.qualifier,
            "amount_text": None if amount is None else amount.text,
            "date": None if when is None else _full_date(when.value),
            "date_precision": None if when is None else when.precision,
            "date_text": None if when is None else when.text,
            "confidence": event.confidence,
            "ingested_at": ingested_at,
            **_support_columns(article_id, event.confidence, seen),
            **_evidence_columns(article_id, event.evidence),
        }
        _add(facts.events.setdefault(event.type, {}), event.id, row)
        facts.reported.setdefault(event.type, {})[event.id] = {
            "_src": event.id,
            "_dst": article_id,
        }
    return facts


def _add(rows: dict[str, Row], key: str, row: Row) -> None:
    rows[key] = _merge_rows(rows.get(key), row)


def _mention_columns(mentions: Iterable[Mention]) -> Row:
    return _parallel_merge(
        {}, [(m.start, m.end, m.text) for m in mentions], _MENTION_FIELDS, key_size=2
    )


def _support_columns(article_id: str, confidence: float, seen: str) -> Row:
    return {"articles": [article_id], "article_confidences": [confidence], "article_dates": [seen]}


def _evidence_columns(article_id: str, evidence: Iterable[Evidence]) -> Row:
    items = [(article_id, e.start, e.end, e.text, e.rule, e.sentence) for e in evidence]
    return _parallel_merge({}, items, _EVIDENCE_FIELDS, key_size=3)


def _property_value(kind: PropertyType, value: object) -> object:
    """A relation property converted to what its column takes; ValueError when it cannot be."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"expected a {kind} value, got {value!r}")
    if kind == "string" and isinstance(value, str):
        return value
    if kind == "float" and isinstance(value, int | float):
        return float(value)
    if kind == "integer" and isinstance(value, int):
        return value
    if kind == "date" and isinstance(value, str):
        return _full_date(value)
    if kind == "string_list" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(f"expected a {kind} value, got {value!r}")


def _full_date(value: str) -> str:
    """An ISO date cut to a year or month, padded to its first day: '2023-11' -> '2023-11-01'."""
    match = _PARTIAL_DATE.match(value)
    if match is None:
        # A full date, or not a date at all: the database rejects the latter.
        return value
    return f"{match[1]}-{match[2] or '01'}-01"


def _merge_rows(old: Row | None, new: Row) -> Row:
    """``new`` merged into the stored ``old``: lists united, first non-null scalar kept."""
    if old is None:
        return _derive(dict(new))
    merged = dict(old)
    for name, value in new.items():
        if name == "aliases":
            merged[name] = sorted(set(_union(old.get(name), value)))
        elif name in _SET_FIELDS:
            merged[name] = _union(old.get(name), value)
        elif name == "confidence":
            known = [c for c in (old.get(name), value) if c is not None]
            merged[name] = max(known) if known else None
        elif name not in _NOT_SCALAR:
            merged[name] = value if old.get(name) is None else old[name]
    for marker, (fields, key_size) in _PARALLEL_GROUPS.items():
        if marker in new:
            merged.update(_parallel_merge(old, _entries(new, fields), fields, key_size))
    return _derive(merged)


def _derive(row: Row) -> Row:
    """Recompute the columns that summarise a fact's support: confidence, support, seen dates."""
    if "article_confidences" in row:
        confidences = [c for c in row["article_confidences"] if c is not None]
        dates = [d for d in row["article_dates"] if d]
        row["confidence"] = max(confidences) if confidences else None
        row["support"] = len(row["articles"])
        row["first_seen"] = min(dates, default=None)
        row["last_seen"] = max(dates, default=None)
    return row


def _drop_article(row: Row, article_id: str) -> Row:
    """A fact's row without the support and evidence of one article."""
    out = dict(row)
    for marker in ("article_confidences", "evidence_articles"):
        fields = _PARALLEL_GROUPS[marker][0]
        if marker in row:
            entries = [entry for entry in _entries(row, fields) if entry[0] != article_id]
            out.update({name: [entry[i] for entry in entries] for i, name in enumerate(fields)})
    return _derive(out)


def _entries(row: Mapping[str, Any], fields: Sequence[str]) -> list[tuple[Any, ...]]:
    return list(zip(*(row.get(name) or [] for name in fields), strict=True))


def _parallel_merge(
    old: Mapping[str, Any], new: Iterable[tuple[Any, ...]], fields: Sequence[str], key_size: int
) -> Row:
    """Parallel list columns with ``new`` entries appended unless their key is there already."""
    entries = _entries(old, fields)
    seen = {entry[:key_size] for entry in entries}
    for entry in new:
        if entry[:key_size] not in seen:
            seen.add(entry[:key_size])
            entries.append(entry)
    return {name: [entry[i] for entry in entries] for i, name in enumerate(fields)}


def _union(old: Iterable[Any] | None, new: Iterable[Any] | None) -> list[Any]:
    out: list[Any] = []
    for item in [*(old or []), *(new or [])]:
        if item not in out:
            out.append(item)
    return out


def _project(row: Row, table: _Table, extra: Iterable[str] = ()) -> Row:
    return {name: row.get(name) for name in [*extra, *table.columns]}


# -- Cypher ----------------------------------------------------------------


def _upsert_rels(
    conn: Any, table: _Table, src: str, dst: str, rows: Sequence[Row], key: str | None = None
) -> None:
    """MERGE one relationship per row between nodes of ``src`` and ``dst`` (both labelled,
    which MERGE requires), identified by ``key`` when a pair may have several."""
    if not rows:
        return
    merge_on = f" {{{key}: row.{key}}}" if key else ""
    cypher = (
        f"UNWIND $rows AS row MATCH (a:{src} {{id: row._src}}) MATCH (b:{dst} {{id: row._dst}}) "
        f"MERGE (a)-[e:{table.name}{merge_on}]->(b)"
    )
    assignments = table.set_clause("e", skip=[key] if key else [])
    if assignments:
        cypher += f" SET {assignments}"
    _fetch(conn, cypher, {"rows": [_project(row, table, ("_src", "_dst")) for row in rows]})


def _fetch(conn: Any, cypher: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
    """Run one statement and return its rows as LadybugDB gives them."""
    result = conn.execute(cypher, dict(params or {}))
    try:
        return list(result.get_all())
    finally:
        result.close()


@contextmanager
def _transaction(conn: Any) -> Iterator[None]:
    _fetch(conn, "BEGIN TRANSACTION")
    try:
        yield
        _fetch(conn, "COMMIT")
    except BaseException:
        # After a binder or runtime error LadybugDB has already rolled back, and
        # ROLLBACK fails with "no active transaction".
        with suppress(RuntimeError):
            _fetch(conn, "ROLLBACK")
        raise


def _leading_keywords(cypher: str) -> list[str]:
    """The first keyword of each statement (after EXPLAIN or PROFILE), upper-cased."""
    keywords = []
    for statement in _LITERALS.sub(" ", cypher).split(";"):
        words = [word.upper() for word in _WORD.findall(statement)[:2]]
        if words and words[0] in ("EXPLAIN", "PROFILE"):
            words = words[1:]
        if words:
            keywords.append(words[0])
    return keywords


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
