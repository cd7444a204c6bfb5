"""The rows a store writes for an article, and the rules that merge them into stored rows.

Both stores hold the same graph: an article becomes rows per node label and
relationship type (:func:`article_rows`), checked against the schema; a row is
merged into the stored one by :func:`merge_rows` (lists united, evidence kept
once per article and span, the first non-null scalar kept), and an article's
support is taken out of a row by :func:`drop_article`. :class:`TableLayout`
names every label and relationship type with its properties and their types.
Plain Python only: each store turns these rows into its own Cypher.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from graphbuild.errors import SchemaError, StoreError
from graphbuild.models import ArticleExtraction, Evidence, Mention
from graphbuild.resolve import MergeDecision
from graphbuild.schema import PropertyType, Schema
from graphbuild.stores.base import ARTICLE_LABEL, MENTIONS, PARTICIPANT, REPORTED_IN

# Property name -> column type, named as LadybugDB names them (STRING, DOUBLE,
# INT64, DATE, and T[] for lists).
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
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Table:
    """A node label, or a relationship type joining the given (from, to) label pairs, with its
    columns."""

    name: str
    kind: Literal["node", "rel"]
    columns: Columns
    pairs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TableLayout:
    """Every node label and relationship type a store holds, derived from the schema."""

    tables: dict[str, Table]

    @classmethod
    def from_schema(cls, schema: Schema) -> TableLayout:
        tables: list[Table] = [Table(ARTICLE_LABEL, "node", _ARTICLE_COLUMNS)]
        tables += [Table(name, "node", _ENTITY_COLUMNS) for name in schema.entity_types]
        tables += [Table(name, "node", _EVENT_COLUMNS) for name in schema.event_types]
        for name, spec in schema.predicates.items():
            properties = {p: _COLUMN_TYPES[prop.type] for p, prop in spec.properties.items()}
            clash = sorted(set(properties) & {"id", *_PROVENANCE_COLUMNS})
            if clash:
                raise SchemaError(
                    f"predicate {name}: property names reserved by the store: {clash}"
                )
            columns = {"id": "STRING", **properties, **_PROVENANCE_COLUMNS}
            tables.append(Table(name, "rel", columns, tuple(schema.relation_pairs(name))))
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
            Table(MENTIONS, "rel", _MENTION_COLUMNS, mentions),
            Table(PARTICIPANT, "rel", {"role": "STRING"}, participants),
            Table(REPORTED_IN, "rel", {}, reported),
        ]
        by_name: dict[str, Table] = {}
        for table in tables:
            if table.name in by_name:
                raise SchemaError(f"{table.name!r} names two tables of the graph store")
            if table.kind == "node" or table.pairs:
                by_name[table.name] = table
        return cls(tables=by_name)

    def columns_of(self, label: str) -> Columns | None:
        table = self.tables.get(label)
        return None if table is None else table.columns


@dataclass(frozen=True)
class RowBatch:
    """Stored rows of one node label or relationship type, as one store gives them to
    another: every column of the table, and for a relationship the ids of its ends
    as ``_src`` and ``_dst``."""

    name: str
    kind: Literal["node", "rel"]
    rows: list[Row]


@dataclass
class ArticleRows:
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


@dataclass
class ArticleItem:
    """One article to write: its id and url, the hash of what it stores, and its rows."""

    id: str
    url: str | None
    fingerprint: str
    rows: ArticleRows


@dataclass
class BatchRows:
    """The rows of several articles, merged by key, so that a store writes each label and
    type of a batch with one statement."""

    articles: dict[str, Row] = field(default_factory=dict)
    entities: dict[str, dict[str, Row]] = field(default_factory=dict)
    # (article id, entity id) -> row, by entity label.
    mentions: dict[str, dict[tuple[str, str], Row]] = field(default_factory=dict)
    relations: dict[str, dict[tuple[str, str], dict[str, Row]]] = field(default_factory=dict)
    events: dict[str, dict[str, Row]] = field(default_factory=dict)
    participants: dict[tuple[str, str], dict[tuple[str, str, str], Row]] = field(
        default_factory=dict
    )
    # (event id, article id) -> row, by event label.
    reported: dict[str, dict[tuple[str, str], Row]] = field(default_factory=dict)

    def add(self, rows: ArticleRows) -> None:
        """Merge one article's rows in (the articles of a batch must all differ)."""
        article = rows.article["id"]
        self.articles[article] = rows.article
        for label, by_id in rows.entities.items():
            _add_all(self.entities.setdefault(label, {}), by_id)
        for label, by_id in rows.mentions.items():
            mentions = self.mentions.setdefault(label, {})
            mentions.update(((article, key), row) for key, row in by_id.items())
        for predicate, by_pair in rows.relations.items():
            pairs = self.relations.setdefault(predicate, {})
            for pair, by_id in by_pair.items():
                _add_all(pairs.setdefault(pair, {}), by_id)
        for label, by_id in rows.events.items():
            _add_all(self.events.setdefault(label, {}), by_id)
        for pair, links in rows.participants.items():
            self.participants.setdefault(pair, {}).update(links)
        for label, by_id in rows.reported.items():
            reports = self.reported.setdefault(label, {})
            reports.update(((key, article), row) for key, row in by_id.items())


def without_repeats(items: Sequence[ArticleItem]) -> list[list[ArticleItem]]:
    """The articles cut into runs in which no id or url comes twice (a later one replaces
    an earlier one, so they cannot be merged into one write)."""
    groups: list[list[ArticleItem]] = [[]]
    seen: set[str] = set()
    for item in items:
        keys = {f"id:{item.id}", *([f"url:{item.url}"] if item.url else [])}
        if keys & seen:
            groups.append([])
            seen = set()
        groups[-1].append(item)
        seen |= keys
    return groups


def _add_all(rows: dict[str, Row], new: Mapping[str, Row]) -> None:
    for key, row in new.items():
        rows[key] = merge_rows(rows.get(key), row)


def article_fingerprint(extraction: ArticleExtraction, merges: Sequence[MergeDecision]) -> str:
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


def article_rows(
    extraction: ArticleExtraction, schema: Schema, merges: Sequence[MergeDecision] = ()
) -> ArticleRows:
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

    facts = ArticleRows(
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
    rows[key] = merge_rows(rows.get(key), row)


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


def merge_rows(old: Row | None, new: Row) -> Row:
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


def drop_article(row: Row, article_id: str) -> Row:
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


def project(row: Row, table: Table, extra: Iterable[str] = ()) -> Row:
    """The row with exactly the columns of ``table`` (missing ones as None), after ``extra``."""
    return {name: row.get(name) for name in [*extra, *table.columns]}
