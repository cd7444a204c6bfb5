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

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any
from uuid import UUID

import ladybug

from graphbuild.errors import QueryError, StoreError, StoreNotFoundError
from graphbuild.models import ArticleExtraction
from graphbuild.resolve import MergeDecision, Resolution
from graphbuild.schema import Schema
from graphbuild.stores.base import (
    ARTICLE_LABEL,
    MENTIONS,
    PARTICIPANT,
    REPORTED_IN,
    GraphStore,
    QueryResult,
)
from graphbuild.stores.named import named_query
from graphbuild.stores.rows import (
    ArticleItem,
    BatchRows,
    Row,
    RowBatch,
    Table,
    TableLayout,
    article_fingerprint,
    article_rows,
    drop_article,
    merge_rows,
    project,
    without_repeats,
)

log = logging.getLogger(__name__)

DATABASE_FILE = "graph.lbdb"

_NOT_FOUND_HINT = "run `graphbuild ingest` first, or pass --data-dir"
_WRITE_REFUSED = "the query would change the graph, and queries are read-only: pass --write"

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
        self._layout = TableLayout.from_schema(schema)
        self._db: Any = None
        self._conn: Any = None
        self._conn_read_only = read_only
        self._schema_ready = False
        self._closed = False
        self._named: dict[str, str] | None = None

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
        self._write_items([self._item(extraction, merges)])
        log.debug("wrote article %s", extraction.article.id)

    def write_many(
        self, articles: Iterable[ArticleExtraction | Resolution], *, batch_size: int = 200
    ) -> int:
        """Write articles (with their merge decisions, given a :class:`Resolution`)
        ``batch_size`` at a time, one transaction per batch; returns how many were taken.

        The result is that of writing them one by one with :meth:`write`, but facts
        shared by the articles of a batch are merged before they are sent, so each
        table is one ``UNWIND`` statement per batch. When a batch fails, the batches
        before it stay written and the error names the failing batch's articles.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        taken = 0
        iterator = iter(articles)
        with self._checkpoint_at_end():
            while batch := list(islice(iterator, batch_size)):
                items = [
                    self._item(a.extraction, a.merges)
                    if isinstance(a, Resolution)
                    else self._item(a, ())
                    for a in batch
                ]
                self._write_items(items)
                taken += len(items)
                log.debug("wrote %d articles", taken)
        return taken

    @contextmanager
    def _checkpoint_at_end(self) -> Iterator[None]:
        """Checkpoint once when the block ends, not after every large commit.

        LadybugDB checkpoints (folds its write-ahead log into the database file)
        on the commit that takes the log past a threshold, and a checkpoint costs
        more as the database grows, so a long run of batches would pay it again
        and again. Commits stay durable in the log meanwhile: a crash loses
        nothing that was committed (the log is replayed on the next open).
        """
        if self.read_only:
            yield
            return
        conn = self._connection(read_only=False)
        _fetch(conn, "CALL auto_checkpoint=false")
        try:
            yield
        finally:
            conn = self._connection(read_only=False)
            try:
                _fetch(conn, "CHECKPOINT")
            finally:
                _fetch(conn, "CALL auto_checkpoint=true")

    def _item(self, extraction: ArticleExtraction, merges: Sequence[MergeDecision]) -> ArticleItem:
        header = extraction.article
        if self.read_only:
            raise StoreError(
                f"article {header.id!r}: the store was opened read-only",
                hint="open it for writing",
            )
        rows = article_rows(extraction, self.schema, merges)
        fingerprint = article_fingerprint(extraction, merges)
        rows.article["fingerprint"] = fingerprint
        return ArticleItem(header.id, header.url, fingerprint, rows)

    def _write_items(self, items: list[ArticleItem]) -> None:
        """Write the articles in one transaction, each replacing its stored versions."""
        conn = self._connection(read_only=False)
        self._ensure_tables(conn)
        replaced: dict[str, list[str]] = {}
        try:
            with _transaction(conn):
                for group in without_repeats(items):
                    self._write_group(conn, group, replaced)
        except Exception as exc:
            if len(items) == 1:
                what, hint = f"article {items[0].id!r} was", "nothing from this article"
            else:
                what = f"the {len(items)} articles {items[0].id!r} to {items[-1].id!r} were"
                hint = "nothing from these articles"
            raise StoreError(
                f"{what} not written: {_first_line(exc)}", hint=f"{hint} is in the store"
            ) from exc
        for article_id, previous in replaced.items():
            log.info("article %s replaces %s", article_id, ", ".join(previous))

    def _write_group(
        self, conn: Any, items: list[ArticleItem], replaced: dict[str, list[str]]
    ) -> None:
        """Write articles whose ids and urls all differ, inside the caller's transaction."""
        stored = self._versions(
            conn, [item.id for item in items], [item.url for item in items if item.url]
        )
        batch = BatchRows()
        retract: set[str] = set()
        for item in items:
            previous = {
                key: fingerprint
                for key, (url, fingerprint) in stored.items()
                if key == item.id or (item.url and url == item.url)
            }
            if previous == {item.id: item.fingerprint}:
                log.debug("article %s is stored already", item.id)
                continue
            if previous:
                replaced[item.id] = sorted(previous)
            retract.update(previous)
            batch.add(item.rows)
        for old_id in sorted(retract):
            self._retract(conn, old_id)
        if batch.articles:
            self._write_facts(conn, batch)

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
                if article_id not in self._versions(conn, [article_id], []):
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

    def named_cypher(self, name: str) -> str:
        """The LadybugDB Cypher of the named query ``name`` (see :mod:`graphbuild.stores.named`)."""
        named_query(name)
        if self._named is None:
            self._named = _named_cypher(self.schema)
        return self._named[name]

    def graph_rows(self, batch_size: int = 5000) -> Iterator[RowBatch]:
        """Every stored node and relationship, ``batch_size`` rows at a time.

        Node labels come first (articles, entities, events), then relationship
        types, so that whoever copies the rows writes each edge's ends before the edge.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        conn = self._connection()
        present = {str(name) for name, _ in _fetch(conn, "CALL show_tables() RETURN name, type")}
        tables = sorted(self._layout.tables.values(), key=lambda t: t.kind)
        for table in tables:
            if table.name not in present:
                continue
            if table.kind == "node":
                cypher = f"MATCH (n:{table.name}) RETURN n"
            else:
                cypher = f"MATCH (a)-[e:{table.name}]->(b) RETURN e, a.id, b.id"
            result = conn.execute(cypher)
            try:
                while result.has_next():
                    rows = []
                    for value, *ends in result.get_n(batch_size):
                        row = self._plain(value)
                        row.pop("_label", None)
                        if ends:
                            row["_src"], row["_dst"] = ends
                        rows.append(row)
                    yield RowBatch(table.name, table.kind, rows)
            finally:
                result.close()

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
                    _fetch(conn, _ddl(table))
        except RuntimeError as exc:
            raise StoreError(
                f"cannot create the tables of the graph store: {_first_line(exc)}"
            ) from exc
        self._schema_ready = True

    # -- writing -----------------------------------------------------------

    def _versions(
        self, conn: Any, ids: Sequence[str], urls: Sequence[str]
    ) -> dict[str, tuple[str | None, str | None]]:
        """Url and fingerprint of the stored articles with one of these ids or urls."""
        found: dict[str, tuple[str | None, str | None]] = {}
        for key, url, fingerprint in _fetch(
            conn,
            f"UNWIND $ids AS id MATCH (a:{ARTICLE_LABEL} {{id: id}}) "
            "RETURN a.id, a.url, a.fingerprint",
            {"ids": list(ids)},
        ):
            found[str(key)] = (url, fingerprint)
        if urls:
            for key, url, fingerprint in _fetch(
                conn,
                f"MATCH (a:{ARTICLE_LABEL}) WHERE a.url IN $urls RETURN a.id, a.url, a.fingerprint",
                {"urls": list(urls)},
            ):
                found[str(key)] = (url, fingerprint)
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
                    f"SET {_set_clause(table, 'n')}",
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
                    f"SET {_set_clause(table, 'e')}",
                    {"rows": kept_rows},
                )
        _fetch(conn, f"MATCH (a:{ARTICLE_LABEL} {{id: $article}}) DETACH DELETE a", params)

    def _without(
        self, rows: Iterable[Sequence[Any]], article_id: str, table: Table
    ) -> tuple[list[str], list[Row]]:
        """Ids of the facts only ``article_id`` supports, and the others' rows without it."""
        gone: list[str] = []
        kept: list[Row] = []
        for key, value in rows:
            row = drop_article(self._plain(value), article_id)
            if row.get("articles"):
                kept.append(project(row, table))
            else:
                gone.append(str(key))
        return gone, kept

    def _write_facts(self, conn: Any, batch: BatchRows) -> None:
        tables = self._layout.tables
        self._upsert_nodes(conn, tables[ARTICLE_LABEL], batch.articles)
        for label, rows in batch.entities.items():
            self._upsert_nodes(conn, tables[label], rows)
        self._upsert_mentions(conn, batch)
        for predicate, by_pair in batch.relations.items():
            table = tables[predicate]
            for (src, dst), rows in by_pair.items():
                # Found through the ends' primary keys, not by scanning the relationships.
                existing = self._existing(
                    conn,
                    f"UNWIND $ids AS row MATCH (a:{src} {{id: row._src}})-[e:{table.name}]->"
                    f"(b:{dst} {{id: row._dst}}) WHERE e.id = row.id RETURN e.id, e",
                    [{"id": key, "_src": r["_src"], "_dst": r["_dst"]} for key, r in rows.items()],
                )
                merged = [merge_rows(existing.get(key), row) for key, row in rows.items()]
                _upsert_rels(conn, table, src, dst, merged, key="id")
        for label, rows in batch.events.items():
            self._upsert_nodes(conn, tables[label], rows)
        for (event, entity), roles in batch.participants.items():
            _upsert_rels(conn, tables[PARTICIPANT], event, entity, list(roles.values()), key="role")
        for label, reports in batch.reported.items():
            _upsert_rels(conn, tables[REPORTED_IN], label, ARTICLE_LABEL, list(reports.values()))

    def _upsert_nodes(self, conn: Any, table: Table, rows: Mapping[str, Row]) -> None:
        existing = self._existing(
            conn, f"UNWIND $ids AS id MATCH (n:{table.name} {{id: id}}) RETURN n.id, n", list(rows)
        )
        merged = [project(merge_rows(existing.get(key), row), table) for key, row in rows.items()]
        cypher = (
            f"UNWIND $rows AS row MERGE (n:{table.name} {{id: row.id}}) "
            f"SET {_set_clause(table, 'n')}"
        )
        _fetch(conn, cypher, {"rows": merged})

    def _upsert_mentions(self, conn: Any, batch: BatchRows) -> None:
        # Nothing to read and merge: the articles of a batch are new to the store, or
        # their earlier version (with its MENTIONS edges) was retracted just before.
        for label, rows in batch.mentions.items():
            merged = [merge_rows(None, row) for row in rows.values()]
            _upsert_rels(conn, self._layout.tables[MENTIONS], ARTICLE_LABEL, label, merged)

    def _existing(self, conn: Any, cypher: str, ids: Sequence[Any]) -> dict[str, Row]:
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


# -- Cypher ----------------------------------------------------------------


def _ddl(table: Table) -> str:
    columns = [
        f"{name} {type_}{' PRIMARY KEY' if table.kind == 'node' and name == 'id' else ''}"
        for name, type_ in table.columns.items()
    ]
    if table.kind == "node":
        return f"CREATE NODE TABLE IF NOT EXISTS {table.name}({', '.join(columns)})"
    ends = [f"FROM {src} TO {dst}" for src, dst in table.pairs]
    return f"CREATE REL TABLE IF NOT EXISTS {table.name}({', '.join([*ends, *columns])})"


def _set_clause(table: Table, var: str, skip: Iterable[str] = ("id",)) -> str:
    # A None in a parameter struct is typed STRING, so every value is cast to its column type.
    skipped = set(skip)
    return ", ".join(
        f"{var}.{name} = CAST(row.{name} AS {type_})"
        for name, type_ in table.columns.items()
        if name not in skipped
    )


def _upsert_rels(
    conn: Any, table: Table, src: str, dst: str, rows: Sequence[Row], key: str | None = None
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
    assignments = _set_clause(table, "e", skip=[key] if key else [])
    if assignments:
        cypher += f" SET {assignments}"
    _fetch(conn, cypher, {"rows": [project(row, table, ("_src", "_dst")) for row in rows]})


def _named_cypher(schema: Schema) -> dict[str, str]:
    """The named queries in LadybugDB's Cypher: ``label(x)`` for a type, lists from 1, and
    ``(n:A:B)`` for a node of any of the tables A, B."""
    entities = ":".join(schema.entity_types)
    predicates = "|".join(schema.predicates)
    facts = f"{predicates}|{PARTICIPANT}"

    def named(var: str, param: str) -> str:
        return f"({var}.name = ${param} OR ${param} IN {var}.aliases)"

    def evidence(var: str, keep: str) -> str:
        return (
            f"UNWIND range(1, size({var}.evidence_articles)) AS i "
            f"WITH {keep}, i, {var}.evidence_articles[i] AS article_id "
            f"MATCH (a:{ARTICLE_LABEL} {{id: article_id}}) "
        )

    def evidence_columns(var: str) -> str:
        return (
            "a.id AS article, a.title AS title, a.published AS published, a.source AS source, "
            f"{var}.start_offsets[i] AS start, {var}.evidence[i] AS evidence, "
            f"{var}.rules[i] AS rule, {var}.sentences[i] AS sentence"
        )

    role = "CASE WHEN r.role IS NULL THEN label(r) ELSE label(r) + ' ' + r.role END"
    return {
        "roles-at": (
            f"MATCH (p:Person)-[r:ROLE_AT]->(o:{entities}) WHERE {named('o', 'name')} "
            "RETURN p.name AS person, r.role AS role, r.since AS since, r.until AS until, "
            "r.confidence AS confidence, r.support AS support"
        ),
        "enforcement": (
            f"MATCH (e)-[p:{PARTICIPANT}]->(n:{entities}) "
            f"WHERE {named('n', 'name')} AND p.role IN $roles "
            f"OPTIONAL MATCH (e)-[:{PARTICIPANT} {{role: 'authority'}}]->(x:{entities}) "
            "RETURN label(e) AS action, p.role AS role, e.status AS status, e.amount AS amount, "
            "e.currency AS currency, e.amount_qualifier AS qualifier, e.date AS date, "
            "x.name AS authority, e.support AS support"
        ),
        "paths": (
            f"MATCH (a:{entities}), (b:{entities}) "
            f"WHERE {named('a', 'source')} AND {named('b', 'target')} AND a.id <> b.id "
            f"MATCH p = (a)-[:{facts}* ALL SHORTEST 1..4]-(b) "
            "RETURN length(p) AS hops, "
            "list_transform(nodes(p), n -> coalesce(n.name, label(n))) AS nodes, "
            f"list_transform(rels(p), r -> {role}) AS steps"
        ),
        "timeline": (
            f"MATCH (e)-[p:{PARTICIPANT}]->(n:{entities}) WHERE {named('n', 'name')} "
            "RETURN e.date AS date, e.date_precision AS precision, label(e) AS event, "
            "p.role AS role, e.status AS status, e.amount AS amount, e.currency AS currency, "
            "e.support AS support"
        ),
        "most-connected": (
            f"MATCH (n:{entities})-[r:{facts}]-(m) "
            "RETURN label(n) AS type, n.name AS name, count(r) AS facts, "
            "count(DISTINCT m.id) AS neighbours ORDER BY facts DESC, name LIMIT $limit"
        ),
        "evidence": (
            f"MATCH (s:{entities})-[r:{predicates}]-(o:{entities}) "
            f"WHERE {named('s', 'name')} AND ($other = '' OR {named('o', 'other')}) "
            + evidence("r", "r, o")
            + f"RETURN DISTINCT label(r) AS fact, o.name AS other, {evidence_columns('r')} "
            f"UNION ALL MATCH (e)-[:{PARTICIPANT}]->(s:{entities}) WHERE {named('s', 'name')} "
            f"AND ($other = '' OR EXISTS {{ MATCH (e)-[:{PARTICIPANT}]->(o:{entities}) "
            f"WHERE {named('o', 'other')} }}) "
            + evidence("e", "e")
            + "RETURN DISTINCT label(e) AS fact, CAST(NULL AS STRING) AS other, "
            + evidence_columns("e")
        ),
    }


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
