"""Named queries for researchers: what each asks, its parameters, and the order of its rows.

The queries are data; their Cypher lives with each store (LadybugDB and Neo4j
differ: ``label(n)`` against ``labels(n)``, lists from 1 against from 0), and
both stores answer each query with the same rows. Run one with
:meth:`graphbuild.stores.base.GraphStore.named_query`, or on the command line::

    graphbuild query --named roles-at --param name=Binance
    graphbuild queries            # every named query with its parameters

An entity is named by its name or by one of its aliases. Rows are sorted by
the query's ``order_by`` columns (nulls last), the same on every store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from graphbuild.errors import QueryError

ParameterType = Literal["string", "integer", "string_list"]


class QueryParameter(BaseModel):
    """One parameter of a named query; without a default it must be given."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    type: ParameterType
    description: str
    default: Any = None

    @property
    def required(self) -> bool:
        return self.default is None


class NamedQuery(BaseModel):
    """A read-only query under a name: what it answers, its parameters, and its columns."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str
    parameters: tuple[QueryParameter, ...]
    columns: tuple[str, ...]
    order_by: tuple[str, ...]
    """Columns the rows are sorted by; a leading ``-`` sorts that column descending."""

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The parameters to send: ``given`` checked against the declared ones, defaults added."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise QueryError(
                f"named query {self.name!r} has no parameter {unknown[0]!r}",
                hint=f"its parameters: {self.signature()}",
            )
        values: dict[str, Any] = {}
        for name, spec in known.items():
            value = given.get(name, spec.default)
            if value is None:
                raise QueryError(
                    f"named query {self.name!r} needs --param {name}=…",
                    hint=f"{name}: {spec.description}",
                )
            values[name] = _coerce(self.name, spec, value)
        return values

    def sort(self, columns: Sequence[str], rows: list[list[Any]]) -> list[list[Any]]:
        """The rows in this query's order; ties keep the store's order."""
        ordered = list(rows)
        for key in reversed(self.order_by):
            index = columns.index(key.lstrip("-"))
            descending = key.startswith("-")
            present = [row for row in ordered if row[index] is not None]
            missing = [row for row in ordered if row[index] is None]
            present.sort(key=lambda row: row[index], reverse=descending)
            ordered = present + missing
        return ordered

    def signature(self) -> str:
        """The parameters as ``name`` (required) or ``name=default``."""
        parts = [p.name if p.required else f"{p.name}={_shown(p.default)}" for p in self.parameters]
        return ", ".join(parts) or "none"


def _coerce(query: str, spec: QueryParameter, value: Any) -> Any:
    if spec.type == "integer":
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        if isinstance(value, str) and value.isdigit():
            return int(value)
    elif spec.type == "string":
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    elif isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise QueryError(
        f"named query {query!r}: {spec.name} must be {_kinds[spec.type]}, not {value!r}"
    )


_kinds: dict[ParameterType, str] = {
    "string": "text",
    "integer": "a whole number of 0 or more",
    "string_list": 'a list of text (JSON, or "a,b")',
}


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(value)
    return repr(value) if value == "" else str(value)


_ENTITY = "the entity's name or one of its aliases"

NAMED_QUERIES: dict[str, NamedQuery] = {
    query.name: query
    for query in (
        NamedQuery(
            name="roles-at",
            description="People and their roles at an organisation or public body.",
            parameters=(QueryParameter(name="name", type="string", description=_ENTITY),),
            columns=("person", "role", "since", "until", "confidence", "support"),
            order_by=("person", "role"),
        ),
        NamedQuery(
            name="enforcement",
            description=(
                "Enforcement actions against an entity (events in which it is a defendant "
                "or target): type, status, amount, date and the authority."
            ),
            parameters=(
                QueryParameter(name="name", type="string", description=_ENTITY),
                QueryParameter(
                    name="roles",
                    type="string_list",
                    description="the entity's roles in the event",
                    default=["defendant", "target"],
                ),
            ),
            columns=(
                "action",
                "role",
                "status",
                "amount",
                "currency",
                "qualifier",
                "date",
                "authority",
                "support",
            ),
            order_by=("date", "action", "authority"),
        ),
        NamedQuery(
            name="paths",
            description=(
                "The shortest paths (up to 4 steps) between two entities through relations "
                "and shared events; each step is a relationship type with its role, if any."
            ),
            parameters=(
                QueryParameter(name="source", type="string", description=_ENTITY),
                QueryParameter(name="target", type="string", description=_ENTITY),
            ),
            columns=("hops", "nodes", "steps"),
            order_by=("hops", "nodes", "steps"),
        ),
        NamedQuery(
            name="timeline",
            description="The events an entity takes part in, by date, with its role and amounts.",
            parameters=(QueryParameter(name="name", type="string", description=_ENTITY),),
            columns=(
                "date",
                "precision",
                "event",
                "role",
                "status",
                "amount",
                "currency",
                "support",
            ),
            order_by=("date", "event", "role"),
        ),
        NamedQuery(
            name="most-connected",
            description=(
                "The entities in the most facts: relations to other entities and events "
                "they take part in; neighbours counts the distinct entities and events."
            ),
            parameters=(
                QueryParameter(
                    name="limit", type="integer", description="how many entities", default=10
                ),
            ),
            columns=("type", "name", "facts", "neighbours"),
            order_by=("-facts", "name"),
        ),
        NamedQuery(
            name="evidence",
            description=(
                "The articles that support the facts of an entity: each relation (with "
                "`other`, the entity at its other end) and each event it takes part in, one "
                "row per piece of evidence with its sentence. With `other` given, only the "
                "relations between the two and the events both take part in."
            ),
            parameters=(
                QueryParameter(name="name", type="string", description=_ENTITY),
                QueryParameter(
                    name="other",
                    type="string",
                    description="the other entity's name or alias; empty: any",
                    default="",
                ),
            ),
            columns=(
                "fact",
                "other",
                "article",
                "title",
                "published",
                "source",
                "start",
                "evidence",
                "rule",
                "sentence",
            ),
            order_by=("fact", "other", "article", "start"),
        ),
    )
}


def named_query(name: str) -> NamedQuery:
    """The named query ``name``; QueryError naming the known ones when there is none."""
    query = NAMED_QUERIES.get(name)
    if query is None:
        raise QueryError(
            f"no named query {name!r}",
            hint=f"the named queries: {', '.join(NAMED_QUERIES)} (see `graphbuild queries`)",
        )
    return query
