"""The records that cross every stage boundary.

These are the ``extract`` output contract: other tools and the evaluation read
the JSON they serialise to, so field names are stable. Type names (entity
types, predicates, event types) are plain strings here and are checked against
the schema by :mod:`graphbuild.validate`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

DatePrecision = Literal["year", "month", "day"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(_Record):
    """One news article as read from an input file."""

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="Publication date or datetime as given")
    source: str | None = Field(default=None, description="Outlet or publisher")
    meta: dict[str, Any] = Field(default_factory=dict, description="Input fields we do not model")
    path: str | None = Field(default=None, description="File the article was read from")
    line: int | None = Field(
        default=None, description="1-based line of the record in a JSON Lines or JSON list input"
    )

    def header(self) -> ArticleHeader:
        return ArticleHeader(
            id=self.id,
            title=self.title,
            url=self.url,
            published=self.published,
            source=self.source,
            meta=self.meta,
        )


class ArticleHeader(_Record):
    """An article without its text: what the extract output and the store keep."""

    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)


class Mention(_Record):
    """Where an entity is named: character offsets into the article text."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: str
    sentence: str

    @model_validator(mode="after")
    def _ordered(self) -> Mention:
        if self.end <= self.start:
            raise ValueError("mention end must be after its start")
        return self


class Evidence(_Record):
    """The text span that supports a fact and the rule that read it."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: str
    rule: str
    sentence: str | None = None


class Entity(_Record):
    id: str
    type: str
    name: str
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Relation(_Record):
    id: str
    subject: str = Field(description="Entity id")
    predicate: str
    object: str = Field(description="Entity id")
    properties: dict[str, str | float | int | list[str] | None] = Field(default_factory=dict)
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(min_length=1)


class Amount(_Record):
    value: float = Field(ge=0)
    currency: str = Field(min_length=3, max_length=3, description="ISO 4217 code")
    qualifier: str = "exact"
    text: str


class EventDate(_Record):
    value: str = Field(description="ISO 8601 date, cut to its precision: 2023, 2023-11, 2023-11-21")
    precision: DatePrecision
    text: str


class Participant(_Record):
    entity: str = Field(description="Entity id")
    role: str


class Event(_Record):
    id: str
    type: str
    participants: list[Participant] = Field(min_length=1)
    amount: Amount | None = None
    date: EventDate | None = None
    status: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(min_length=1)


class RejectReason(StrEnum):
    """Why a candidate fact did not make it into the graph."""

    UNKNOWN_ENTITY_TYPE = "unknown_entity_type"
    UNKNOWN_PREDICATE = "unknown_predicate"
    SUBJECT_TYPE_NOT_ALLOWED = "subject_type_not_allowed"
    OBJECT_TYPE_NOT_ALLOWED = "object_type_not_allowed"
    SELF_RELATION = "self_relation"
    MISSING_PROPERTY = "missing_property"
    UNKNOWN_PROPERTY = "unknown_property"
    UNKNOWN_EVENT_TYPE = "unknown_event_type"
    ROLE_NOT_ALLOWED = "role_not_allowed"
    UNKNOWN_STATUS = "unknown_status"
    UNKNOWN_ENTITY = "unknown_entity"
    NO_PARTICIPANTS = "no_participants"


class Rejected(_Record):
    """A candidate that failed validation, kept with the reason."""

    kind: Literal["entity", "relation", "event", "participant"]
    reason: RejectReason
    detail: str
    candidate: dict[str, Any]


class ArticleExtraction(_Record):
    """Everything graphbuild read from one article: one line of ``extract`` output."""

    article: ArticleHeader
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)


class InputFailure(_Record):
    """An input that could not be read or processed, named by file and line."""

    source: str
    line: int | None = None
    message: str


class RunReport(BaseModel):
    """Counts for one run of ``extract`` or ``ingest``; mutable while the run goes."""

    model_config = ConfigDict(extra="forbid")

    articles: int = 0
    entities: int = 0
    relations: int = 0
    events: int = 0
    rejected: dict[str, int] = Field(default_factory=dict)
    failures: list[InputFailure] = Field(default_factory=list)

    def add(self, extraction: ArticleExtraction) -> None:
        self.articles += 1
        self.entities += len(extraction.entities)
        self.relations += len(extraction.relations)
        self.events += len(extraction.events)
        for item in extraction.rejected:
            self.rejected[item.reason.value] = self.rejected.get(item.reason.value, 0) + 1

    @property
    def ok(self) -> bool:
        return not self.failures


# Records whose JSON Schema is published in schemas/json/, by file name.
PUBLISHED_MODELS: dict[str, type[BaseModel]] = {
    "article-extraction.schema.json": ArticleExtraction,
    "run-report.schema.json": RunReport,
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema documents generated from the records, keyed by file name."""
    return {name: model.model_json_schema() for name, model in PUBLISHED_MODELS.items()}
