"""The ontology as one immutable object, loaded from ``schemas/ontology.yaml``.

Code asks the schema which types exist and which a predicate may join; it does
not spell type names itself::

    >>> schema = load_schema()
    >>> schema.allows_relation("ROLE_AT", "Person", "Organization")
    True
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from graphbuild.errors import SchemaError

PropertyType = Literal["string", "float", "integer", "date", "string_list"]

# Labels and relationship types go into Cypher text (they cannot be parameters),
# so the schema only admits plain identifiers.
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PropertySpec(_Frozen):
    type: PropertyType = "string"
    required: bool = False
    description: str = ""


class EntityTypeSpec(_Frozen):
    name: str
    description: str = ""
    spacy_labels: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


class PredicateSpec(_Frozen):
    name: str
    description: str = ""
    subject: frozenset[str]
    object: frozenset[str]
    properties: dict[str, PropertySpec] = Field(default_factory=dict)
    symmetric: bool = False


class EventTypeSpec(_Frozen):
    name: str
    roles: dict[str, frozenset[str]]
    statuses: tuple[str, ...] = ()


class Schema(_Frozen):
    """Entity types, predicates and event types, with the rules that join them."""

    version: int
    entity_types: dict[str, EntityTypeSpec]
    predicates: dict[str, PredicateSpec]
    event_types: dict[str, EventTypeSpec]
    amount_qualifiers: tuple[str, ...]

    @model_validator(mode="after")
    def _check_names(self) -> Schema:
        names = [*self.entity_types, *self.predicates, *self.event_types]
        for name in names:
            if not _IDENTIFIER.match(name):
                raise ValueError(f"{name!r} is not a valid label (letters, digits, underscore)")
        clash = set(self.entity_types) & set(self.event_types)
        if clash:
            raise ValueError(f"names used both as entity and event type: {sorted(clash)}")
        for pred in self.predicates.values():
            for t in pred.subject | pred.object:
                if t not in self.entity_types:
                    raise ValueError(f"predicate {pred.name} names unknown entity type {t!r}")
            for prop in pred.properties:
                if not _IDENTIFIER.match(prop):
                    raise ValueError(f"predicate {pred.name}: bad property name {prop!r}")
        for event in self.event_types.values():
            for role, types in event.roles.items():
                if not _IDENTIFIER.match(role):
                    raise ValueError(f"event {event.name}: bad role name {role!r}")
                for t in types:
                    if t not in self.entity_types:
                        raise ValueError(f"event {event.name} role {role} names unknown type {t!r}")
        return self

    def describe(self) -> dict[str, Any]:
        """The ontology as plain, deterministically ordered data (for display and export)."""
        data: dict[str, Any] = self.model_dump(mode="python")
        for section in ("predicates", "event_types"):
            for spec in data[section].values():
                for key in ("subject", "object"):
                    if key in spec:
                        spec[key] = sorted(spec[key])
                for role, types in (spec.get("roles") or {}).items():
                    spec["roles"][role] = sorted(types)
        data["amount_qualifiers"] = list(self.amount_qualifiers)
        for spec in data["entity_types"].values():
            spec["spacy_labels"] = list(spec["spacy_labels"])
            spec["kinds"] = list(spec["kinds"])
        for spec in data["event_types"].values():
            spec["statuses"] = list(spec["statuses"])
        return data

    def allows_relation(self, predicate: str, subject_type: str, object_type: str) -> bool:
        spec = self.predicates.get(predicate)
        return spec is not None and subject_type in spec.subject and object_type in spec.object

    def allows_participant(self, event_type: str, role: str, entity_type: str) -> bool:
        spec = self.event_types.get(event_type)
        return spec is not None and entity_type in spec.roles.get(role, frozenset())

    def type_for_spacy_label(self, label: str) -> str | None:
        """Our entity type for a spaCy NER label, or None when we do not keep that label."""
        for spec in self.entity_types.values():
            if label in spec.spacy_labels:
                return spec.name
        return None

    def relation_pairs(self, predicate: str) -> list[tuple[str, str]]:
        """Every (subject type, object type) pair a predicate may join, sorted."""
        spec = self.predicates[predicate]
        return sorted((s, o) for s in spec.subject for o in spec.object)


def _expand(types: list[str] | str, groups: dict[str, list[str]], where: str) -> frozenset[str]:
    names = [types] if isinstance(types, str) else list(types)
    out: set[str] = set()
    for name in names:
        out.update(groups.get(name, [name]))
    if not out:
        raise SchemaError(f"{where}: no entity types given")
    return frozenset(out)


def schema_from_dict(raw: dict[str, Any], *, source: str = "<schema>") -> Schema:
    """Build a :class:`Schema` from the parsed YAML document."""
    try:
        groups: dict[str, list[str]] = raw.get("groups") or {}
        entity_types = {
            name: EntityTypeSpec(name=name, **(body or {}))
            for name, body in (raw.get("entity_types") or {}).items()
        }
        predicates = {}
        for name, body in (raw.get("predicates") or {}).items():
            body = dict(body or {})
            predicates[name] = PredicateSpec(
                name=name,
                description=body.get("description", ""),
                subject=_expand(body.get("subject", []), groups, f"{source}: {name}.subject"),
                object=_expand(body.get("object", []), groups, f"{source}: {name}.object"),
                properties={
                    p: PropertySpec(**(spec or {}))
                    for p, spec in (body.get("properties") or {}).items()
                },
                symmetric=bool(body.get("symmetric", False)),
            )
        event_types = {}
        for name, body in (raw.get("event_types") or {}).items():
            body = dict(body or {})
            event_types[name] = EventTypeSpec(
                name=name,
                roles={
                    role: _expand(types, groups, f"{source}: {name}.roles.{role}")
                    for role, types in (body.get("roles") or {}).items()
                },
                statuses=tuple(body.get("statuses") or ()),
            )
        return Schema(
            version=int(raw.get("version", 1)),
            entity_types=entity_types,
            predicates=predicates,
            event_types=event_types,
            amount_qualifiers=tuple(raw.get("amount_qualifiers") or ()),
        )
    except (ValidationError, TypeError, ValueError) as exc:
        raise SchemaError(
            f"{source}: invalid ontology: {exc}", hint="fix the YAML file and try again"
        ) from exc


@cache
def _load_cached(path: Path) -> Schema:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SchemaError(
            f"ontology file not found: {path}",
            hint="set GRAPHBUILD_SCHEMA_DIR to the folder holding ontology.yaml",
        ) from exc
    except yaml.YAMLError as exc:
        raise SchemaError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise SchemaError(f"{path}: expected a mapping at the top level")
    return schema_from_dict(raw, source=str(path))


def load_schema(path: Path | None = None) -> Schema:
    """Load (once per path) the ontology; defaults to the project's ``schemas/ontology.yaml``."""
    from graphbuild.config import Settings

    return _load_cached((path or Settings().ontology_path).resolve())
