"""The interface every graph store implements.

A store holds, for each article written to it, an ``Article`` node, the
entities the article mentions (one node table/label per entity type), the
relations between them (one relationship type per predicate) and its events
(one node table/label per event type, with ``PARTICIPANT {role}`` edges to
entities). Writing one article is one transaction: it lands whole or not at all.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

from pydantic import BaseModel, ConfigDict

from graphbuild.models import ArticleExtraction

# Node label of articles and relationship types that are not predicates.
ARTICLE_LABEL = "Article"
MENTIONS = "MENTIONS"
PARTICIPANT = "PARTICIPANT"
REPORTED_IN = "REPORTED_IN"


class QueryResult(BaseModel):
    """Column names and rows of plain Python values (str, int, float, bool, None, list, dict)."""

    model_config = ConfigDict(frozen=True)

    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class GraphStore(ABC):
    """A place to write extractions and run Cypher."""

    @abstractmethod
    def write(self, extraction: ArticleExtraction) -> None:
        """Write one article's facts in one transaction; writing it again changes nothing."""

    @abstractmethod
    def query(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run Cypher with parameters; read-only unless ``write`` is set."""

    @abstractmethod
    def stats(self) -> dict[str, dict[str, int]]:
        """Counts ``{"nodes": {label: n}, "relationships": {type: n}}``; zero counts omitted."""

    @abstractmethod
    def close(self) -> None:
        """Release files or connections."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
