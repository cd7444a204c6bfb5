"""Check candidate facts against the schema: accepted facts go on, the rest are kept with a reason.

Nothing is dropped silently: every rejected entity, relation, event or
participant appears in :attr:`ArticleExtraction.rejected` with a
:class:`RejectReason` and a sentence that says what was wrong.
"""

from __future__ import annotations

from typing import Any

from graphbuild.models import (
    ArticleExtraction,
    Entity,
    Event,
    Participant,
    Rejected,
    RejectReason,
    Relation,
)
from graphbuild.schema import Schema


def _reject(kind: str, reason: RejectReason, detail: str, candidate: dict[str, Any]) -> Rejected:
    return Rejected.model_validate(
        {"kind": kind, "reason": reason, "detail": detail, "candidate": candidate}
    )


def _check_entity(entity: Entity, schema: Schema) -> Rejected | None:
    if entity.type not in schema.entity_types:
        return _reject(
            "entity",
            RejectReason.UNKNOWN_ENTITY_TYPE,
            f"{entity.name!r}: type {entity.type!r} is not in the schema",
            entity.model_dump(exclude={"mentions"}),
        )
    return None


def _check_relation(relation: Relation, types: dict[str, str], schema: Schema) -> Rejected | None:
    candidate = relation.model_dump(exclude={"evidence"})
    candidate["evidence"] = [e.text for e in relation.evidence]
    spec = schema.predicates.get(relation.predicate)
    if spec is None:
        return _reject(
            "relation",
            RejectReason.UNKNOWN_PREDICATE,
            f"predicate {relation.predicate!r} is not in the schema",
            candidate,
        )
    for end in (relation.subject, relation.object):
        if end not in types:
            return _reject(
                "relation",
                RejectReason.UNKNOWN_ENTITY,
                f"{relation.predicate}: {end!r} is not an accepted entity of this article",
                candidate,
            )
    if relation.subject == relation.object:
        return _reject(
            "relation",
            RejectReason.SELF_RELATION,
            f"{relation.predicate}: subject and object are both {relation.subject!r}",
            candidate,
        )
    subject_type, object_type = types[relation.subject], types[relation.object]
    if subject_type not in spec.subject:
        return _reject(
            "relation",
            RejectReason.SUBJECT_TYPE_NOT_ALLOWED,
            f"{relation.predicate} takes a subject of type {sorted(spec.subject)}, "
            f"not {subject_type} ({relation.subject})",
            candidate,
        )
    if object_type not in spec.object:
        return _reject(
            "relation",
            RejectReason.OBJECT_TYPE_NOT_ALLOWED,
            f"{relation.predicate} takes an object of type {sorted(spec.object)}, "
            f"not {object_type} ({relation.object})",
            candidate,
        )
    for name in relation.properties:
        if name not in spec.properties:
            return _reject(
                "relation",
                RejectReason.UNKNOWN_PROPERTY,
                f"{relation.predicate} has no property {name!r}",
                candidate,
            )
    for name, prop in spec.properties.items():
        if prop.required and relation.properties.get(name) in (None, ""):
            return _reject(
                "relation",
                RejectReason.MISSING_PROPERTY,
                f"{relation.predicate} needs property {name!r}",
                candidate,
            )
    return None


def _check_event(
    event: Event, types: dict[str, str], schema: Schema
) -> tuple[Event | None, list[Rejected]]:
    candidate = event.model_dump(exclude={"evidence"})
    candidate["evidence"] = [e.text for e in event.evidence]
    spec = schema.event_types.get(event.type)
    if spec is None:
        reason = RejectReason.UNKNOWN_EVENT_TYPE
        return None, [
            _reject("event", reason, f"event type {event.type!r} is not in the schema", candidate)
        ]
    if event.status is not None and spec.statuses and event.status not in spec.statuses:
        detail = f"{event.type} status {event.status!r} is not one of {list(spec.statuses)}"
        return None, [_reject("event", RejectReason.UNKNOWN_STATUS, detail, candidate)]
    rejected: list[Rejected] = []
    kept: list[Participant] = []
    for p in event.participants:
        entity_type = types.get(p.entity)
        if entity_type is None:
            detail = (
                f"{event.type}.{p.role}: {p.entity!r} is not an accepted entity of this article"
            )
            rejected.append(
                _reject("participant", RejectReason.UNKNOWN_ENTITY, detail, p.model_dump())
            )
        elif not schema.allows_participant(event.type, p.role, entity_type):
            allowed = sorted(spec.roles.get(p.role, frozenset()))
            detail = (
                f"{event.type}.{p.role} takes {allowed or 'no such role'}, "
                f"not {entity_type} ({p.entity})"
            )
            rejected.append(
                _reject("participant", RejectReason.ROLE_NOT_ALLOWED, detail, p.model_dump())
            )
        else:
            kept.append(p)
    if not kept:
        detail = f"{event.type}: no participant is allowed by the schema"
        rejected.append(_reject("event", RejectReason.NO_PARTICIPANTS, detail, candidate))
        return None, rejected
    return event.model_copy(update={"participants": kept}), rejected


def validate(candidates: ArticleExtraction, schema: Schema) -> ArticleExtraction:
    """Split an article's candidate facts into those the schema allows and rejected ones."""
    rejected: list[Rejected] = list(candidates.rejected)
    entities: list[Entity] = []
    for entity in candidates.entities:
        problem = _check_entity(entity, schema)
        if problem is None:
            entities.append(entity)
        else:
            rejected.append(problem)
    types = {e.id: e.type for e in entities}

    relations: list[Relation] = []
    for relation in candidates.relations:
        problem = _check_relation(relation, types, schema)
        if problem is None:
            relations.append(relation)
        else:
            rejected.append(problem)

    events: list[Event] = []
    for event in candidates.events:
        kept, problems = _check_event(event, types, schema)
        rejected.extend(problems)
        if kept is not None:
            events.append(kept)

    return ArticleExtraction(
        article=candidates.article,
        entities=entities,
        relations=relations,
        events=events,
        rejected=rejected,
    )
