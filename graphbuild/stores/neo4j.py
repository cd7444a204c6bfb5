"""A graph store on a Neo4j 5 server (or any server that speaks Bolt and Neo4j's Cypher).

The server holds the same graph as the embedded store, with the same property
names, so the same Cypher answers on both:

* every entity is a node labelled with its type (``Person``, ``Organization``,
  …) and also ``Entity``: ``id``, ``name``, ``kind``, ``aliases``, ``articles``;
* every event is a node labelled with its type (``Settlement``, …) and also
  ``Event``: ``id``, ``status``, ``amount`` (a float) with ``currency``,
  ``amount_qualifier``, ``amount_text``, ``date`` (a Neo4j date; a year or month
  is padded to its first day), ``date_precision``, ``date_text`` and the
  provenance properties;
* ``Article`` nodes: ``id``, ``title``, ``url``, ``published``, ``source``,
  ``meta`` (a JSON string), ``ingested_at`` and ``fingerprint``;
* ``MENTIONS`` from an article to each entity it names: ``start_offsets``,
  ``end_offsets``, ``texts``, ``aliases``, ``merged_names``, ``merge_rules``;
* one relationship type per predicate (``ROLE_AT``, …): ``id``, the
  predicate's typed properties (dates as Neo4j dates) and the provenance properties;
* ``PARTICIPANT {role}`` from events to entities, ``REPORTED_IN`` from events
  to articles.

Provenance properties and the rules that merge them are shared with the embedded store
(:mod:`graphbuild.stores.rows`): ``confidence``, ``support``,
``first_seen``, ``last_seen``, ``articles`` with ``article_confidences`` and
``article_dates``, and the parallel evidence lists. Writing an article again
changes nothing; a corrected article (same id, or same url) replaces the
stored one; :meth:`Neo4jStore.remove_article` retracts one.

Each write is one managed transaction (the driver retries transient errors
with backoff): stored rows are read, merged in Python, and written back with
batched ``UNWIND $rows … MERGE`` statements. Before any write the store creates,
idempotently, a uniqueness constraint on ``id`` for ``Article``, ``Entity``,
``Event`` and every entity and event type, and indexes on names, article urls
and relationship ids.

Two differences from the embedded store: a property Neo4j cannot hold as null
is absent instead (reading a node or relationship fills its known properties
back in as None), and a missing evidence sentence is stored as ``""`` because
Neo4j lists cannot contain null. For example::

    settings = Neo4jSettings.from_env()
    with Neo4jStore.open(settings, load_schema()) as store:
        store.write(extraction)
        store.query("MATCH (p:Person)-[r:ROLE_AT]->(o) RETURN p.name, r.role, o.name")
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import islice
from typing import Any, LiteralString
from urllib.parse import urlsplit

import neo4j
import neo4j.exceptions as neo4j_errors
import neo4j.graph
import neo4j.spatial
import neo4j.time
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from graphbuild.errors import ConfigError, QueryError, SchemaError, StoreError
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

ENV_URI = "NEO4J_URI"
ENV_USER = "NEO4J_USER"
ENV_PASSWORD = "NEO4J_PASSWORD"
ENV_DATABASE = "NEO4J_DATABASE"

# Labels every entity and every event carries beside its own type.
ENTITY_LABEL = "Entity"
EVENT_LABEL = "Event"

_WRITE_REFUSED = "the query would change the graph, and queries are read-only: pass --write"
_NOTHING_WRITTEN = "nothing from it is in the store"
_ACCESS_MODE = "Neo.ClientError.Statement.AccessMode"
_DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"

# Statements that change the schema or the server; the server must refuse them
# in a read transaction, and some Bolt servers apply them regardless.
_ADMIN_KEYWORDS = frozenset(
    {"CREATE", "DROP", "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "START", "STOP"}
)
# Strings, quoted names and comments, blanked out before looking for the leading keyword.
_LITERALS = re.compile(
    r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL
)
_WORD = re.compile(r"[A-Za-z_]+")
# The cause the driver gives when a connection fails: "(reason [Errno 111] Connection refused)".
_REASON = re.compile(r"\(reason ([^\n]+?)\)\s*$", re.MULTILINE)
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Neo4jSettings(BaseModel):
    """Where the Neo4j server is and how to log in; the password is never shown."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    uri: str = Field(default="bolt://localhost:7687", min_length=1)
    user: str = Field(default="neo4j", min_length=1)
    password: SecretStr
    database: str = Field(default="neo4j", min_length=1)
    connection_timeout: float = Field(default=10.0, gt=0, description="Seconds to connect")
    max_retry_time: float = Field(
        default=15.0, ge=0, description="Seconds to retry a transaction after transient errors"
    )
    merge_nodes: bool | None = Field(
        default=None,
        description=(
            "Write nodes with one MERGE (True), or create the missing ones and then update "
            "(False); None: MERGE, except on ArcadeDB, whose planner scans for a MERGE on "
            "two labels instead of using the id index"
        ),
    )

    @field_validator("uri")
    @classmethod
    def _bolt_address(cls, uri: str) -> str:
        scheme = urlsplit(uri).scheme
        if scheme not in _SCHEMES:
            schemes = ", ".join(f"{name}://" for name in _SCHEMES)
            raise ValueError(f"a Bolt address starts with one of {schemes}")
        return uri

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Neo4jSettings:
        """Settings from ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``."""
        env = os.environ if environ is None else environ
        if not env.get(ENV_PASSWORD):
            raise ConfigError(
                f"{ENV_PASSWORD} is not set", hint="set it to the password of the Neo4j user"
            )
        values: dict[str, object] = {"password": env[ENV_PASSWORD]}
        for name, key in (("uri", ENV_URI), ("user", ENV_USER), ("database", ENV_DATABASE)):
            if env.get(key):
                values[name] = env[key]
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            # Name the variable and the problem, never the value (it may be the password).
            variables = {"uri": ENV_URI, "user": ENV_USER, "database": ENV_DATABASE}
            problems = "; ".join(
                f"{variables.get(str(error['loc'][0]), ENV_PASSWORD)}: {error['msg']}"
                for error in exc.errors()
            )
            raise ConfigError(f"invalid Neo4j settings: {problems}") from None

    @property
    def where(self) -> str:
        """The server address with any user information left out, for messages."""
        parts = urlsplit(self.uri)
        host = parts.hostname or ""
        if parts.port is not None:
            host = f"{host}:{parts.port}"
        return f"{parts.scheme}://{host}" if parts.scheme else self.uri


@dataclass(frozen=True)
class _Layout:
    """The properties (and their types) of every label and relationship type, from the schema."""

    tables: dict[str, Table]
    entity_labels: tuple[str, ...]
    event_labels: tuple[str, ...]
    predicates: tuple[str, ...]

    @classmethod
    def from_schema(cls, schema: Schema) -> _Layout:
        tables = TableLayout.from_schema(schema).tables
        taken = sorted({ENTITY_LABEL, EVENT_LABEL} & set(tables))
        if taken:
            raise SchemaError(f"names reserved by the Neo4j store: {taken}")
        return cls(
            tables=tables,
            entity_labels=tuple(schema.entity_types),
            event_labels=tuple(schema.event_types),
            predicates=tuple(schema.predicates),
        )

    def columns(self, name: str | None) -> tuple[str, ...] | None:
        table = self.tables.get(name or "")
        return None if table is None else tuple(table.columns)

    def schema_statements(self) -> dict[str, str]:
        """Constraints and indexes by name, each statement creating one only when missing."""
        unique = [ARTICLE_LABEL, ENTITY_LABEL, EVENT_LABEL, *self.entity_labels, *self.event_labels]
        bodies = {
            f"graphbuild_{label.lower()}_id": f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            for label in unique
        }
        bodies.update(
            (f"graphbuild_{label.lower()}_name", f"FOR (n:{label}) ON (n.name)")
            for label in (ENTITY_LABEL, *self.entity_labels)
        )
        bodies[f"graphbuild_{ARTICLE_LABEL.lower()}_url"] = f"FOR (n:{ARTICLE_LABEL}) ON (n.url)"
        bodies.update(
            (f"graphbuild_{name.lower()}_id", f"FOR ()-[r:{name}]-() ON (r.id)")
            for name in self.predicates
        )
        return {
            name: f"CREATE {'CONSTRAINT' if 'REQUIRE' in body else 'INDEX'} {name} "
            f"IF NOT EXISTS {body}"
            for name, body in bodies.items()
        }

    def label_of(self, labels: Iterable[str]) -> str | None:
        """A node's own type among its labels (not ``Entity`` or ``Event``)."""
        found = set(labels)
        own = sorted(found - {ENTITY_LABEL, EVENT_LABEL})
        known = [label for label in own if label in self.tables]
        if known or own:
            return (known or own)[0]
        return min(found) if found else None

    def to_neo4j(self, name: str, row: Row) -> Row:
        """A merged row with Neo4j values: DATE columns as dates, no null inside lists."""
        table = self.tables[name]
        out = dict(row)
        for column, kind in table.columns.items():
            value = out.get(column)
            if kind == "DATE" and isinstance(value, str):
                out[column] = date.fromisoformat(value)
            elif kind == "STRING[]" and isinstance(value, list):
                out[column] = ["" if item is None else item for item in value]
        return out


@dataclass
class _Batch:
    """Rows of several articles, by node label and relationship type, merged by key."""

    nodes: dict[str, dict[Any, Row]] = field(default_factory=dict)
    relationships: dict[str, dict[Any, Row]] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    # The type of each entity and event id, and the article that first gave it.
    owners: dict[str, tuple[str, str]] = field(default_factory=dict)

    def add(self, item: ArticleItem) -> None:
        rows, article = item.rows, item.id
        for label, by_id in [*rows.entities.items(), *rows.events.items()]:
            for key in by_id:
                known = self.owners.setdefault(key, (label, article))
                if known[0] != label:
                    raise StoreError(
                        f"article {article!r}: id {key!r} is {_a(label)} here but "
                        f"{_a(known[0])} in article {known[1]!r}",
                        hint="give each entity and event one type",
                    )
        self._put(self.nodes, ARTICLE_LABEL, article, rows.article)
        for label, by_id in [*rows.entities.items(), *rows.events.items()]:
            for key, row in by_id.items():
                self._put(self.nodes, label, key, row)
        for by_id in rows.mentions.values():
            for row in by_id.values():
                self._put(self.relationships, MENTIONS, (row["_src"], row["_dst"]), row)
        for predicate, by_pair in rows.relations.items():
            for by_id in by_pair.values():
                for key, row in by_id.items():
                    self._put(self.relationships, predicate, key, row)
        for links in rows.participants.values():
            for link, row in links.items():
                self._put(self.relationships, PARTICIPANT, link, row)
        for reports in rows.reported.values():
            for row in reports.values():
                self._put(self.relationships, REPORTED_IN, (row["_src"], row["_dst"]), row)
        self.articles.append(article)

    @staticmethod
    def _put(group: dict[str, dict[Any, Row]], name: str, key: Any, row: Row) -> None:
        rows = group.setdefault(name, {})
        rows[key] = merge_rows(rows.get(key), row)

    def not_written(self) -> str:
        """The start of the message saying these articles were not written."""
        if len(self.articles) == 1:
            return f"article {self.articles[0]!r} was not written"
        first, last = self.articles[0], self.articles[-1]
        return f"the {len(self.articles)} articles {first!r} to {last!r} were not written"


class _Progress:
    """What a transaction was doing, for the message when it fails."""

    def __init__(self, articles: Sequence[str]) -> None:
        self.articles = list(articles)
        self.step = "the first statement"
        self.batch = _Batch(articles=list(articles))
        # The stored versions each article replaced (known once the transaction ran).
        self.replaced: dict[str, list[str]] = {}


class Neo4jStore(GraphStore):
    """A :class:`GraphStore` on a Neo4j server reached over Bolt; build it with :meth:`open`.

    Queries run in read transactions unless ``write=True``. Writes are refused
    when the store was opened ``read_only``.
    """

    def __init__(
        self,
        driver: neo4j.Driver,
        settings: Neo4jSettings,
        schema: Schema,
        *,
        read_only: bool,
        merge_nodes: bool = True,
    ) -> None:
        self.settings = settings
        self.schema = schema
        self.read_only = read_only
        self._layout = _Layout.from_schema(schema)
        self._driver = driver
        self._closed = False
        self._cypher = _Cypher(self._layout, merge_nodes=merge_nodes)

    @classmethod
    def open(
        cls, settings: Neo4jSettings, schema: Schema, *, read_only: bool = False
    ) -> Neo4jStore:
        """Connect, check the login and database, and (unless ``read_only``) create the
        constraints and indexes. Raises :class:`StoreError` when the server cannot be used."""
        _Layout.from_schema(schema)
        try:
            driver = neo4j.GraphDatabase.driver(
                settings.uri,
                auth=(settings.user, settings.password.get_secret_value()),
                connection_timeout=settings.connection_timeout,
                max_transaction_retry_time=settings.max_retry_time,
                user_agent="graphbuild",
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise ConfigError(
                f"cannot use the Neo4j address {settings.where!r}: {_first_line(exc)}",
                hint=f"set {ENV_URI} to an address such as bolt://localhost:7687",
            ) from exc
        try:
            probe = cls(driver, settings, schema, read_only=read_only)
            agent = probe._ping()
            merge_nodes = settings.merge_nodes
            if merge_nodes is None:
                merge_nodes = "arcadedb" not in agent.lower()
            store = cls(driver, settings, schema, read_only=read_only, merge_nodes=merge_nodes)
            if not read_only:
                store.ensure_schema()
        except BaseException:
            driver.close()
            raise
        log.debug("connected to %s (%s), database %s", settings.where, agent, settings.database)
        return store

    def ensure_schema(self) -> None:
        """Create the constraints and indexes that are missing; harmless to repeat."""
        statements = self._layout.schema_statements()
        listings = (
            "SHOW CONSTRAINTS YIELD name RETURN name",
            "SHOW INDEXES YIELD name RETURN name",
        )
        try:
            with self._session(write=True) as session:
                existing = {
                    str(row[0])
                    for listing in listings
                    for row in session.execute_read(_fetch, listing, {}, False)[1]
                }
                for name, cypher in statements.items():
                    if name not in existing:
                        session.execute_write(_run_only, cypher, {})
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            raise self._error(exc, "cannot create the constraints and indexes") from exc

    def write(self, extraction: ArticleExtraction, merges: Sequence[MergeDecision] = ()) -> None:
        """Write one article's facts in one transaction.

        Writing the same facts again changes nothing. When the store holds
        another version of the article (the same id, or the same url under
        another id), that version is retracted first, in the same transaction.
        """
        self._write([self._item(extraction, merges)], rows_per_statement=None)
        log.debug("wrote article %s", extraction.article.id)

    def write_many(
        self,
        articles: Iterable[ArticleExtraction | Resolution],
        *,
        batch_size: int = 200,
        rows_per_statement: int | None = None,
    ) -> int:
        """Write articles (with their merge decisions, given a :class:`Resolution`)
        ``batch_size`` at a time, one transaction per batch; returns how many were taken.

        Facts shared by the articles of a batch are merged before they are sent,
        so each label and type is one ``UNWIND`` statement per batch;
        ``rows_per_statement`` caps the rows one statement carries (None: no cap).
        When a batch fails, the batches before it stay written and the error names
        the failing batch's articles.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if rows_per_statement is not None and rows_per_statement < 1:
            raise ValueError("rows_per_statement must be at least 1")
        taken = 0
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            items = [
                self._item(a.extraction, a.merges)
                if isinstance(a, Resolution)
                else self._item(a, ())
                for a in batch
            ]
            self._write(items, rows_per_statement=rows_per_statement)
            taken += len(items)
            log.debug("wrote %d articles", taken)
        return taken

    def named_cypher(self, name: str) -> str:
        """The Neo4j Cypher of the named query ``name`` (see :mod:`graphbuild.stores.named`)."""
        named_query(name)
        return self._cypher.named[name]

    def write_rows(self, batch: RowBatch) -> None:
        """Merge stored rows of another store (see :meth:`EmbeddedStore.graph_rows`) in one
        transaction, by the rules of :meth:`write`.

        Nodes are matched by ``id``; relationships by their ends and ``id`` (predicates),
        ``role`` (``PARTICIPANT``) or nothing else (``MENTIONS``, ``REPORTED_IN``). List
        properties are united, evidence is kept once per article and span, and a scalar
        keeps its first non-null value, so writing the same rows again changes nothing.
        A relationship whose ends are not stored is skipped: write the nodes first.
        """
        self._check_open()
        what = f"{len(batch.rows)} {batch.name} {'nodes' if batch.kind == 'node' else 'edges'}"
        if self.read_only:
            raise StoreError(f"{what}: the store was opened read-only", hint="open it for writing")
        table = self._layout.tables.get(batch.name)
        if table is None or table.kind != batch.kind:
            raise StoreError(
                f"{what}: the schema has no such {'label' if batch.kind == 'node' else 'type'}",
                hint="load with the schema the store was built with",
            )
        keyed: dict[Any, Row] = {}
        for row in batch.rows:
            key = _row_key(batch.name, row)
            keyed[key] = merge_rows(keyed.get(key), row)
        rows = _Batch()
        (rows.nodes if batch.kind == "node" else rows.relationships)[batch.name] = keyed
        progress = _Progress([])

        def work(tx: neo4j.ManagedTransaction) -> None:
            self._write_batch(tx, rows, None, progress)

        try:
            with self._session(write=True) as session:
                session.execute_write(work)
        except neo4j_errors.ConstraintError as exc:
            raise StoreError(
                f"{what} were not written: {self._clash(rows, exc)}",
                hint=f"{_NOTHING_WRITTEN}; give each entity and event one type",
            ) from exc
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            error = self._error(exc, f"{what} were not written ({progress.step})")
            error.hint = error.hint or _NOTHING_WRITTEN
            raise error from exc

    def remove_article(self, article_id: str) -> bool:
        """Retract an article in one transaction; False when the store does not hold it.

        Facts that only this article supported (entities, relations, events,
        mentions) are deleted; facts other articles support lose this article
        from ``articles`` and its entries from the evidence lists.
        """
        self._check_writable(article_id)
        progress = _Progress([article_id])

        def work(tx: neo4j.ManagedTransaction) -> bool:
            found = _rows(tx, self._cypher.article_by_id, ids=[article_id])
            if not found:
                return False
            self._retract(tx, article_id, progress)
            return True

        try:
            with self._session(write=True) as session:
                removed: bool = session.execute_write(work)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            error = self._error(exc, f"article {article_id!r} was not removed ({progress.step})")
            error.hint = error.hint or "the store is unchanged"
            raise error from exc
        if removed:
            log.info("removed article %s", article_id)
        return removed

    def query(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run Cypher with parameters; read-only unless ``write`` is set.

        Values come back as plain Python: dates as ISO strings, nodes and
        relationships as dicts of their properties with the label under ``_label``.
        """
        self._check_open()
        if write and self.read_only:
            raise QueryError(
                "cannot run a write query: the store was opened read-only",
                hint="open it for writing; on the command line, pass --write",
            )
        if not write and _leading_keyword(cypher) in _ADMIN_KEYWORDS:
            raise QueryError(_WRITE_REFUSED)
        parameters = dict(params or {})
        try:
            with self._session(write=write) as session:
                if write:
                    columns, rows = session.execute_write(_fetch, cypher, parameters, False)
                else:
                    columns, rows = session.execute_read(_fetch, cypher, parameters, True)
        except _WriteInReadMode:
            raise QueryError(_WRITE_REFUSED) from None
        except neo4j_errors.ClientError as exc:
            if exc.code == _ACCESS_MODE:
                raise QueryError(_WRITE_REFUSED) from exc
            if isinstance(exc, neo4j_errors.AuthError) or exc.code == _DATABASE_NOT_FOUND:
                raise self._error(exc, "the query failed") from exc
            raise QueryError(_first_line(exc)) from exc
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            raise self._error(exc, "the query failed") from exc
        return QueryResult(columns=columns, rows=[[self._plain(v) for v in row] for row in rows])

    def stats(self) -> dict[str, dict[str, int]]:
        """Counts: ``{"nodes": {label: n}, "relationships": {type: n}}``, zeros omitted.

        Entities and events are counted under their own type, not under ``Entity`` or ``Event``.
        """
        self._check_open()
        tables = self._layout.tables.values()
        labels = [t.name for t in tables if t.kind == "node"]
        types = [t.name for t in tables if t.kind == "rel"]
        try:
            with self._session(write=False) as session:
                nodes, rels = session.execute_read(_count, labels, types)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            raise self._error(exc, "cannot count the graph") from exc
        return {
            "nodes": {k: v for k, v in sorted(nodes.items()) if v},
            "relationships": {k: v for k, v in sorted(rels.items()) if v},
        }

    def close(self) -> None:
        """Close the connections; the store cannot be used afterwards."""
        if not self._closed:
            self._closed = True
            self._driver.close()

    # -- connections -------------------------------------------------------

    def _session(self, *, write: bool) -> neo4j.Session:
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        return self._driver.session(database=self.settings.database, default_access_mode=mode)

    def _ping(self) -> str:
        """One auto-commit round trip (not retried), to fail fast on a bad address or login;
        returns the server's agent string."""
        try:
            with self._session(write=False) as session:
                return session.run("RETURN 1").consume().server.agent
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as exc:
            raise self._error(exc, "cannot use the Neo4j server") from exc

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"the connection to {self.settings.where} is closed")

    def _check_writable(self, article_id: str) -> None:
        self._check_open()
        if self.read_only:
            raise StoreError(
                f"article {article_id!r}: the store was opened read-only",
                hint="open it for writing",
            )

    def _error(self, exc: BaseException, doing: str) -> StoreError:
        """One clear StoreError for a driver or server failure (never naming the password)."""
        where, settings = self.settings.where, self.settings
        if isinstance(exc, neo4j_errors.AuthError):
            return StoreError(
                f"cannot log in to the Neo4j server at {where} as {settings.user!r}: "
                "the server refused the user name or password",
                hint=f"check {ENV_USER} and {ENV_PASSWORD}",
            )
        if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
            reason = _REASON.search(str(exc))
            return StoreError(
                f"cannot reach the Neo4j server at {where}" + (f": {reason[1]}" if reason else ""),
                hint=f"start the server, or set {ENV_URI} to where it listens",
            )
        if isinstance(exc, neo4j_errors.Neo4jError) and exc.code == _DATABASE_NOT_FOUND:
            return StoreError(
                f"the Neo4j server at {where} has no database {settings.database!r}",
                hint=f"create it, or set {ENV_DATABASE}",
            )
        return StoreError(f"{doing}: {_first_line(exc)}")

    # -- writing -----------------------------------------------------------

    def _item(self, extraction: ArticleExtraction, merges: Sequence[MergeDecision]) -> ArticleItem:
        """An article's rows, checked against the schema and the value types before any
        transaction starts."""
        header = extraction.article
        self._check_writable(header.id)
        rows = article_rows(extraction, self.schema, merges)
        checks = [*rows.events.items()]
        checks += [
            (name, by_id) for name, pairs in rows.relations.items() for by_id in pairs.values()
        ]
        for name, by_key in checks:
            for key, row in by_key.items():
                self._check_dates(header.id, name, key, row)
        fingerprint = article_fingerprint(extraction, merges)
        rows.article["fingerprint"] = fingerprint
        return ArticleItem(header.id, header.url, fingerprint, rows)

    def _check_dates(self, article_id: str, name: str, key: Any, row: Row) -> None:
        for column, kind in self._layout.tables[name].columns.items():
            value = row.get(column)
            if kind == "DATE" and isinstance(value, str):
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise StoreError(
                        f"article {article_id!r}: {key!r}: {column} {value!r} is not a date",
                        hint="validate the extraction before storing it",
                    ) from None

    def _write(self, items: list[ArticleItem], *, rows_per_statement: int | None) -> None:
        """Write the articles in one transaction, each replacing its stored versions."""
        progress = _Progress([item.id for item in items])

        def work(tx: neo4j.ManagedTransaction) -> None:
            progress.batch = _Batch(articles=progress.articles)
            progress.replaced.clear()
            for group in without_repeats(items):
                self._apply(tx, group, rows_per_statement, progress)

        try:
            with self._session(write=True) as session:
                session.execute_write(work)
        except neo4j_errors.ConstraintError as exc:
            batch = _Batch(articles=progress.articles, nodes=progress.batch.nodes)
            raise StoreError(
                f"{batch.not_written()}: {self._clash(batch, exc)}",
                hint=f"{_NOTHING_WRITTEN}; give each entity and event one type",
            ) from exc
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            batch = _Batch(articles=progress.articles)
            error = self._error(exc, f"{batch.not_written()} ({progress.step})")
            error.hint = error.hint or _NOTHING_WRITTEN
            raise error from exc
        for article_id, previous in progress.replaced.items():
            log.info("article %s replaces %s", article_id, ", ".join(previous))

    def _apply(
        self,
        tx: neo4j.ManagedTransaction,
        items: list[ArticleItem],
        rows_per_statement: int | None,
        progress: _Progress,
    ) -> None:
        """Write articles whose ids and urls are all different, inside the caller's transaction."""
        progress.step = "reading the stored versions"
        stored = {
            str(key): (url, fingerprint)
            for key, url, fingerprint in [
                *_rows(tx, self._cypher.article_by_id, ids=[item.id for item in items]),
                *_rows(tx, self._cypher.article_by_url, urls=[i.url for i in items if i.url]),
            ]
        }
        batch = _Batch()
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
                progress.replaced[item.id] = sorted(previous)
            retract.update(previous)
            batch.add(item)
        for old in sorted(retract):
            self._retract(tx, old, progress)
        progress.batch = batch
        self._write_batch(tx, batch, rows_per_statement, progress)

    def _write_batch(
        self,
        tx: neo4j.ManagedTransaction,
        batch: _Batch,
        rows_per_statement: int | None,
        progress: _Progress,
    ) -> None:
        cypher, layout = self._cypher, self._layout
        for name, is_node in cypher.order:
            rows = (batch.nodes if is_node else batch.relationships).get(name)
            if not rows:
                continue
            progress.step = f"writing {name} {'nodes' if is_node else 'relationships'}"
            table = layout.tables[name]
            extra = () if is_node else ("_src", "_dst")
            existing: dict[Any, Row] = {}
            read = cypher.stored.get(name)
            if read is not None:
                keys = [{"id": k} for k in rows] if is_node else [_ends(r) for r in rows.values()]
                for key, value in _chunked_rows(tx, read, keys, rows_per_statement):
                    existing[key] = self._stored(value)
            merged = [
                layout.to_neo4j(name, project(merge_rows(existing.get(key), row), table, extra))
                for key, row in rows.items()
            ]
            for statement in cypher.write[name]:
                _run_chunked(tx, statement, merged, rows_per_statement)

    def _retract(self, tx: neo4j.ManagedTransaction, article_id: str, progress: _Progress) -> None:
        """Remove an article and its support from every fact, inside the caller's transaction."""
        cypher, layout = self._cypher, self._layout
        progress.step = f"retracting article {article_id!r}"
        # Relations it supports join two entities it mentions; events it supports report to it.
        kept: dict[str, list[Row]] = {}
        gone: dict[str, list[Row]] = {}
        for kind, src, dst, value in _rows(tx, cypher.relations_of, article=article_id):
            row = {**drop_article(self._stored(value), article_id), "_src": src, "_dst": dst}
            if row.get("articles"):
                row = layout.to_neo4j(kind, project(row, layout.tables[kind], ("_src", "_dst")))
                kept.setdefault(kind, []).append(row)
            else:
                gone.setdefault(kind, []).append(row)
        for labels, value in _rows(tx, cypher.events_of, article=article_id):
            label = layout.label_of(labels) or EVENT_LABEL
            row = drop_article(self._stored(value), article_id)
            if row.get("articles"):
                kept.setdefault(label, []).append(
                    layout.to_neo4j(label, project(row, layout.tables[label]))
                )
            else:
                gone.setdefault(EVENT_LABEL, []).append({"id": row["id"]})
        for name, rows in kept.items():
            _run_chunked(tx, cypher.write[name][-1], rows, None)
        for name, rows in gone.items():
            statement = cypher.delete_node.get(name) or cypher.delete_relationship[name]
            _run_chunked(tx, statement, rows, None)
        kept_entities: dict[str, list[str]] = {}
        gone_entities: list[Row] = []
        for key, articles in _rows(tx, cypher.entities_of, article=article_id):
            remaining = [a for a in articles or [] if a != article_id]
            if remaining:
                kept_entities[str(key)] = remaining
            else:
                gone_entities.append({"id": key})
        _run_chunked(tx, cypher.delete_node[ENTITY_LABEL], gone_entities, None)
        aliases: dict[str, set[str]] = {key: set() for key in kept_entities}
        for key, names in _rows(
            tx, cypher.other_aliases, ids=list(kept_entities), article=article_id
        ):
            aliases[str(key)].update(names or [])
        updates = [
            {"id": key, "articles": remaining, "aliases": sorted(aliases[key])}
            for key, remaining in kept_entities.items()
        ]
        _run_chunked(tx, cypher.set_support, updates, None)
        _rows(tx, cypher.delete_article, article=article_id)

    def _clash(self, batch: _Batch, exc: neo4j_errors.ConstraintError) -> str:
        """Which id broke a uniqueness constraint, looked up after the rollback."""
        wanted = [
            {"id": key, "label": label}
            for label, rows in batch.nodes.items()
            if label != ARTICLE_LABEL
            for key in rows
        ]
        try:
            with self._session(write=False) as session:
                clashes = session.execute_read(_fetch, self._cypher.clash, {"rows": wanted})[1]
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError):
            clashes = []
        if clashes:
            key, stored, wanted_label = clashes[0]
            stored_label = self._layout.label_of(stored) or "node"
            return (
                f"id {key!r} is {_a(stored_label)} in the store "
                f"and cannot also be {_a(wanted_label)}"
            )
        detail = _first_line(exc)
        if detail.startswith("Error executing Cypher command"):
            # ArcadeDB sometimes names the statement instead of the key.
            detail = "the server did not say which"
        return f"an id is already taken ({detail})"

    def _stored(self, value: Any) -> Row:
        """A stored node or relationship as a row the merge rules take (dates as ISO text)."""
        plain = self._plain(value)
        if not isinstance(plain, dict):
            return {}
        plain.pop("_label", None)
        return plain

    # -- reading -----------------------------------------------------------

    def _plain(self, value: Any) -> Any:
        """A driver value as plain Python (str, int, float, bool, None, list, dict)."""
        if value is None or isinstance(value, bool | int | float | str):
            return value
        if isinstance(value, neo4j.graph.Node):
            label = self._layout.label_of(value.labels)
            return self._properties(label, self._layout.columns(label), value)
        if isinstance(value, neo4j.graph.Relationship):
            return self._properties(value.type, self._layout.columns(value.type), value)
        if isinstance(value, neo4j.graph.Path):
            return {
                "nodes": [self._plain(node) for node in value.nodes],
                "relationships": [self._plain(rel) for rel in value.relationships],
            }
        if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time):
            return value.to_native().isoformat()
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        if isinstance(value, neo4j.time.Duration):
            return value.iso_format()
        if isinstance(value, timedelta):
            return str(value)
        if isinstance(value, neo4j.spatial.Point):
            return [float(c) for c in value]
        if isinstance(value, bytes | bytearray):
            return bytes(value).hex()
        if isinstance(value, list | tuple):
            return [self._plain(item) for item in value]
        if isinstance(value, dict):
            return {str(key): self._plain(item) for key, item in value.items()}
        return str(value)

    def _properties(
        self, label: str | None, known: Sequence[str] | None, entity: neo4j.graph.Entity
    ) -> Row:
        # Neo4j keeps no null properties: a known property that is absent reads as None.
        props = {str(key): self._plain(item) for key, item in entity.items()}
        ordered = {name: props.pop(name, None) for name in known or ()}
        return {"_label": label, **ordered, **props}


class _WriteInReadMode(Exception):
    """Raised inside a read transaction that changed the graph, so that it rolls back."""


class _Cypher:
    """Every statement the store reads and writes with, built once from the layout.

    Labels and types come from the schema; every value travels as a parameter.
    """

    def __init__(self, layout: _Layout, *, merge_nodes: bool) -> None:
        tables = layout.tables
        article, entity, event = ARTICLE_LABEL, ENTITY_LABEL, EVENT_LABEL
        umbrella = {
            article: None,
            **dict.fromkeys(layout.entity_labels, entity),
            **dict.fromkeys(layout.event_labels, event),
        }
        # The order that writes each edge's ends before the edge.
        self.order: list[tuple[str, bool]] = [
            (article, True),
            *((label, True) for label in layout.entity_labels),
            (MENTIONS, False),
            *((name, False) for name in layout.predicates),
            *((label, True) for label in layout.event_labels),
            (PARTICIPANT, False),
            (REPORTED_IN, False),
        ]
        ends = {
            MENTIONS: (article, entity, None),
            PARTICIPANT: (event, entity, "role"),
            REPORTED_IN: (event, article, None),
            **{name: (entity, entity, "id") for name in layout.predicates},
        }
        self.write: dict[str, tuple[str, ...]] = {
            label: _write_nodes(label, other, tables[label].columns, merge=merge_nodes)
            for label, other in umbrella.items()
        }
        # How stored rows are read before they are merged. MENTIONS and REPORTED_IN
        # need no reading: they start at an article written in the same transaction
        # (an earlier version of it is retracted first), and PARTICIPANT has no
        # properties besides its key.
        self.stored: dict[str, str] = {
            label: f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) RETURN n.id, n"
            for label in umbrella
        }
        self.delete_relationship: dict[str, str] = {}
        for name, (src, dst, key) in ends.items():
            self.write[name] = (_write_relationships(src, name, dst, tables[name].columns, key),)
            on = f" {{{key}: row.{key}}}" if key else ""
            match = (
                f"UNWIND $rows AS row MATCH (a:{src} {{id: row._src}})"
                f"-[e:{name}{on}]->(b:{dst} {{id: row._dst}}) "
            )
            if key == "id":
                self.stored[name] = match + "RETURN e.id, e"
                self.delete_relationship[name] = match + "DELETE e"
        self.article_by_id = (
            f"UNWIND $ids AS id MATCH (a:{article} {{id: id}}) RETURN a.id, a.url, a.fingerprint"
        )
        self.article_by_url = (
            f"UNWIND $urls AS url MATCH (a:{article} {{url: url}}) "
            "RETURN a.id, a.url, a.fingerprint"
        )
        self.relations_of = (
            f"MATCH (a:{article} {{id: $article}})-[:{MENTIONS}]->(s:{entity})-[e]->"
            f"(o:{entity})<-[:{MENTIONS}]-(a) WHERE $article IN e.articles "
            "RETURN type(e), s.id, o.id, e"
        )
        self.events_of = (
            f"MATCH (n:{event})-[:{REPORTED_IN}]->(:{article} {{id: $article}}) RETURN labels(n), n"
        )
        self.entities_of = (
            f"MATCH (:{article} {{id: $article}})-[:{MENTIONS}]->(n:{entity}) "
            "RETURN n.id, n.articles"
        )
        self.other_aliases = (
            f"UNWIND $ids AS id MATCH (a:{article})-[m:{MENTIONS}]->(n:{entity} {{id: id}}) "
            "WHERE a.id <> $article RETURN n.id, m.aliases"
        )
        self.set_support = (
            f"UNWIND $rows AS row MATCH (n:{entity} {{id: row.id}}) "
            "SET n.articles = row.articles, n.aliases = row.aliases"
        )
        self.delete_node = {
            label: f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) DETACH DELETE n"
            for label in (entity, event)
        }
        self.delete_article = f"MATCH (a:{article} {{id: $article}}) DETACH DELETE a"
        # Which of the given ids are stored under another type than the one wanted.
        self.clash = (
            "UNWIND $rows AS row "
            f"OPTIONAL MATCH (n:{entity} {{id: row.id}}) "
            f"OPTIONAL MATCH (v:{event} {{id: row.id}}) "
            "WITH row, coalesce(n, v) AS n WHERE n IS NOT NULL AND NOT row.label IN labels(n) "
            "RETURN row.id, labels(n), row.label"
        )
        self.named: dict[str, str] = _named_cypher(layout)


def _named_cypher(layout: _Layout) -> dict[str, str]:
    """The named queries in Neo4j's Cypher: ``labels(n)`` (a node's type is its label other
    than Entity and Event), ``type(r)``, lists from 0; written so that ArcadeDB answers them
    too (a list element is bound with WITH before it is matched on)."""
    entity, event, article = ENTITY_LABEL, EVENT_LABEL, ARTICLE_LABEL
    predicates = "|".join(layout.predicates)
    facts = f"{predicates}|{PARTICIPANT}"

    def named(var: str, param: str) -> str:
        return f"({var}.name = ${param} OR ${param} IN {var}.aliases)"

    def own(var: str) -> str:
        return f"[l IN labels({var}) WHERE NOT l IN ['{entity}', '{event}']][0]"

    def evidence(var: str, keep: str) -> str:
        return (
            f"UNWIND range(0, size({var}.evidence_articles) - 1) AS i "
            f"WITH {keep}, i, {var}.evidence_articles[i] AS article_id "
            f"MATCH (a:{article} {{id: article_id}}) "
        )

    def evidence_columns(var: str) -> str:
        # A missing sentence is stored as '' (Neo4j lists hold no null); it reads as null.
        sentence = f"{var}.sentences[i]"
        return (
            "a.id AS article, a.title AS title, a.published AS published, a.source AS source, "
            f"{var}.start_offsets[i] AS start, {var}.evidence[i] AS evidence, "
            f"{var}.rules[i] AS rule, "
            f"CASE WHEN {sentence} = '' THEN null ELSE {sentence} END AS sentence"
        )

    role = "CASE WHEN r.role IS NULL THEN type(r) ELSE type(r) + ' ' + r.role END"
    return {
        "roles-at": (
            f"MATCH (p:Person)-[r:ROLE_AT]->(o:{entity}) WHERE {named('o', 'name')} "
            "RETURN p.name AS person, r.role AS role, r.since AS since, r.until AS until, "
            "r.confidence AS confidence, r.support AS support"
        ),
        "enforcement": (
            f"MATCH (e:{event})-[p:{PARTICIPANT}]->(n:{entity}) "
            f"WHERE {named('n', 'name')} AND p.role IN $roles "
            f"OPTIONAL MATCH (e)-[:{PARTICIPANT} {{role: 'authority'}}]->(x:{entity}) "
            f"RETURN {own('e')} AS action, p.role AS role, e.status AS status, "
            "e.amount AS amount, e.currency AS currency, e.amount_qualifier AS qualifier, "
            "e.date AS date, x.name AS authority, e.support AS support"
        ),
        "paths": (
            f"MATCH (a:{entity}) WHERE {named('a', 'source')} "
            f"MATCH (b:{entity}) WHERE {named('b', 'target')} AND a.id <> b.id "
            f"MATCH p = allShortestPaths((a)-[:{facts}*..4]-(b)) "
            f"RETURN length(p) AS hops, [n IN nodes(p) | coalesce(n.name, {own('n')})] AS nodes, "
            f"[r IN relationships(p) | {role}] AS steps"
        ),
        "timeline": (
            f"MATCH (e:{event})-[p:{PARTICIPANT}]->(n:{entity}) WHERE {named('n', 'name')} "
            f"RETURN e.date AS date, e.date_precision AS precision, {own('e')} AS event, "
            "p.role AS role, e.status AS status, e.amount AS amount, e.currency AS currency, "
            "e.support AS support"
        ),
        "most-connected": (
            f"MATCH (n:{entity})-[r:{facts}]-(m) "
            f"RETURN {own('n')} AS type, n.name AS name, count(r) AS facts, "
            "count(DISTINCT m.id) AS neighbours ORDER BY facts DESC, name LIMIT $limit"
        ),
        "evidence": (
            f"MATCH (s:{entity})-[r:{predicates}]-(o:{entity}) "
            f"WHERE {named('s', 'name')} AND ($other = '' OR {named('o', 'other')}) "
            + evidence("r", "r, o")
            + f"RETURN DISTINCT type(r) AS fact, o.name AS other, {evidence_columns('r')} "
            f"UNION ALL MATCH (e:{event})-[:{PARTICIPANT}]->(s:{entity}) "
            f"WHERE {named('s', 'name')} "
            f"AND ($other = '' OR EXISTS {{ MATCH (e)-[:{PARTICIPANT}]->(o:{entity}) "
            f"WHERE {named('o', 'other')} }}) "
            + evidence("e", "e")
            + f"RETURN DISTINCT {own('e')} AS fact, null AS other, "
            + evidence_columns("e")
        ),
    }


def _assignments(var: str, columns: Iterable[str], skip: Iterable[str]) -> str:
    skipped = set(skip)
    return ", ".join(f"{var}.{name} = row.{name}" for name in columns if name not in skipped)


def _write_nodes(
    label: str, umbrella: str | None, columns: Iterable[str], *, merge: bool
) -> tuple[str, ...]:
    """Statements that write rows as nodes of ``label`` (also labelled ``umbrella``).

    With ``merge``, one ``MERGE`` on both labels. Without, missing nodes are
    created first and all are then updated through their own label's index:
    ArcadeDB answers a ``MERGE`` on two labels by scanning (see ``merge_nodes``).
    The last statement updates existing nodes in either case.
    """
    labels = f"{label}:{umbrella}" if umbrella else label
    update = f"SET {_assignments('n', columns, ['id'])}"
    if merge:
        return (f"UNWIND $rows AS row MERGE (n:{labels} {{id: row.id}}) {update}",)
    return (
        f"UNWIND $rows AS row OPTIONAL MATCH (n:{label} {{id: row.id}}) "
        f"WITH row, n WHERE n IS NULL CREATE (:{labels} {{id: row.id}})",
        f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) {update}",
    )


def _write_relationships(
    src: str, rel_type: str, dst: str, columns: Iterable[str], key: str | None
) -> str:
    merge_on = f" {{{key}: row.{key}}}" if key else ""
    cypher = (
        f"UNWIND $rows AS row MATCH (a:{src} {{id: row._src}}) MATCH (b:{dst} {{id: row._dst}}) "
        f"MERGE (a)-[e:{rel_type}{merge_on}]->(b)"
    )
    assignments = _assignments("e", columns, [key] if key else [])
    return f"{cypher} SET {assignments}" if assignments else cypher


def _row_key(name: str, row: Row) -> Any:
    """What tells one node or relationship of ``name`` from another (as :class:`_Batch` keys)."""
    if "_src" not in row:
        return row["id"]
    if name == PARTICIPANT:
        return (row["_src"], row["_dst"], row["role"])
    if name in (MENTIONS, REPORTED_IN):
        return (row["_src"], row["_dst"])
    return row["id"]


def _ends(row: Row) -> Row:
    return {"_src": row["_src"], "_dst": row["_dst"], "id": row.get("id")}


def _rows(tx: neo4j.ManagedTransaction, cypher: str, **params: Any) -> list[list[Any]]:
    return [list(record.values()) for record in tx.run(_text(cypher), params)]


def _run_chunked(
    tx: neo4j.ManagedTransaction, cypher: str, rows: Sequence[Row], size: int | None
) -> None:
    step = size or max(len(rows), 1)
    for start in range(0, len(rows), step):
        tx.run(_text(cypher), rows=list(rows[start : start + step])).consume()


def _chunked_rows(
    tx: neo4j.ManagedTransaction, cypher: str, rows: Sequence[Any], size: int | None
) -> list[list[Any]]:
    step = size or max(len(rows), 1)
    found: list[list[Any]] = []
    for start in range(0, len(rows), step):
        found += _rows(tx, cypher, rows=list(rows[start : start + step]))
    return found


def _text(cypher: str) -> LiteralString:
    # Every statement is built from the schema's identifiers and fixed text, or is
    # the user's own query; values always travel as parameters. (mypy reads
    # LiteralString as str, so this is a plain return.)
    return cypher


def _run_only(tx: neo4j.ManagedTransaction, cypher: str, params: Mapping[str, Any]) -> None:
    tx.run(_text(cypher), dict(params)).consume()


def _fetch(
    tx: neo4j.ManagedTransaction, cypher: str, params: Mapping[str, Any], read_only: bool = True
) -> tuple[list[str], list[list[Any]]]:
    result = tx.run(_text(cypher), dict(params))
    columns: list[str] = list(result.keys())
    rows = [list(record.values()) for record in result]
    summary = result.consume()
    if read_only and (
        summary.counters.contains_updates
        or summary.counters.contains_system_updates
        or summary.query_type not in (None, "r")
    ):
        raise _WriteInReadMode
    return columns, rows


def _count(
    tx: neo4j.ManagedTransaction, labels: Sequence[str], types: Sequence[str]
) -> tuple[dict[str, int], dict[str, int]]:
    nodes = {
        label: int(tx.run(_text(f"MATCH (n:{label}) RETURN count(n)")).single(strict=True)[0])
        for label in labels
    }
    rels = {
        name: int(tx.run(_text(f"MATCH ()-[r:{name}]->() RETURN count(r)")).single(strict=True)[0])
        for name in types
    }
    return nodes, rels


def _leading_keyword(cypher: str) -> str | None:
    """The first keyword of the statement (after EXPLAIN or PROFILE), upper-cased."""
    words = [word.upper() for word in _WORD.findall(_LITERALS.sub(" ", cypher))[:2]]
    if words and words[0] in ("EXPLAIN", "PROFILE"):
        words = words[1:]
    return words[0] if words else None


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'AEIOU' else 'a'} {word}"


def _first_line(exc: BaseException) -> str:
    message = getattr(exc, "message", None)
    text = str(message if isinstance(message, str) and message else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = ["ENTITY_LABEL", "EVENT_LABEL", "Neo4jSettings", "Neo4jStore"]
