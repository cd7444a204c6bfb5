"""The interface every graph store implements.

A store holds, for each article written to it, an ``Article`` node, the
entities the article mentions (one node table/label per entity type), the
relations between them (one relationship type per predicate) and its events
(one node table/label per event type, with ``PARTICIPANT {role}`` edges to
entities). Writing one article is one transaction: it lands whole or not at all.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any, Self

from pydantic import BaseModel, ConfigDict

from graphbuild.models import ArticleExtraction
from graphbuild.resolve import MergeDecision
from graphbuild.stores.named import named_query

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
    def write(self, extraction: ArticleExtraction, merges: Sequence[MergeDecision] = ()) -> None:
        """Write one article's facts in one transaction.

        Writing the same facts again changes nothing (compare the article's
        ``fingerprint``). When the store holds another version of the article
        (the same id, or the same url under another id), that version is
        retracted first, as :meth:`remove_article` does, in the same transaction.
        ``merges`` records how :mod:`graphbuild.resolve` mapped the names the
        article gave onto entity ids; they go on the article's ``MENTIONS`` edges
        (``merged_names``, ``merge_rules``).
        """

    @abstractmethod
    def remove_article(self, article_id: str) -> bool:
        """Retract one article in one transaction; False when the store does not hold it.

        The ``Article`` node and its edges go; an entity, relation or event that
        only this article supported is deleted; one that other articles also
        support loses this article from ``articles``/``article_confidences``/
        ``article_dates`` and its entries from the evidence lists, and its
        ``support``, ``confidence``, ``first_seen`` and ``last_seen`` are recomputed.
        """

    @abstractmethod
    def query(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run Cypher with parameters; read-only unless ``write`` is set."""

    def named_query(self, name: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Run a named query of :mod:`graphbuild.stores.named`, read-only, with its parameters
        (defaults filled in); the rows come in the query's order, the same on every store."""
        query = named_query(name)
        values = query.bind(params or {})
        result = self.query(self.named_cypher(name), values)
        # A server may give no column names with no rows; the query declares them.
        columns = list(query.columns)
        return QueryResult(columns=columns, rows=query.sort(columns, result.rows))

    @abstractmethod
    def named_cypher(self, name: str) -> str:
        """This store's Cypher for the named query ``name``."""

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
