"""Validation against the schema: what is refused, and that every refusal carries a reason."""

from __future__ import annotations

from graphbuild.models import (
    ArticleExtraction,
    ArticleHeader,
    Entity,
    Event,
    Evidence,
    Mention,
    Participant,
    RejectReason,
    Relation,
)
from graphbuild.schema import Schema
from graphbuild.validate import validate

TEXT = "Binance co-founder Changpeng Zhao met the SEC in Washington."
EVIDENCE = [Evidence(start=0, end=33, text=TEXT[:33], rule="test", sentence=TEXT)]


def _entity(eid: str, etype: str, name: str, start: int) -> Entity:
    mention = Mention(start=start, end=start + len(name), text=name, sentence=TEXT)
    return Entity(id=eid, type=etype, name=name, mentions=[mention])


ENTITIES = [
    _entity("org:binance", "Organization", "Binance", 0),
    _entity("person:cz", "Person", "Changpeng Zhao", 19),
    _entity("reg:sec", "Regulator", "SEC", 42),
    _entity("loc:washington", "Location", "Washington", 49),
]


def _relation(subject: str, predicate: str, obj: str, **props: str) -> Relation:
    return Relation(
        id=f"{subject}-{predicate}-{obj}",
        subject=subject,
        predicate=predicate,
        object=obj,
        properties=dict(props),
        confidence=0.9,
        evidence=EVIDENCE,
    )


def _run(schema: Schema, **facts: list) -> ArticleExtraction:  # type: ignore[type-arg]
    candidates = ArticleExtraction(
        article=ArticleHeader(id="a1"), entities=facts.pop("entities", ENTITIES), **facts
    )
    return validate(candidates, schema)


def test_allowed_relation_passes(schema: Schema) -> None:
    result = _run(
        schema, relations=[_relation("person:cz", "ROLE_AT", "org:binance", role="co-founder")]
    )
    assert len(result.relations) == 1
    assert result.rejected == []


def test_relation_with_disallowed_subject_type_is_rejected_with_reason(schema: Schema) -> None:
    result = _run(schema, relations=[_relation("org:binance", "ROLE_AT", "reg:sec", role="CEO")])
    assert result.relations == []
    [rejected] = result.rejected
    assert rejected.kind == "relation"
    assert rejected.reason is RejectReason.SUBJECT_TYPE_NOT_ALLOWED
    assert "Organization" in rejected.detail
    assert rejected.candidate["evidence"] == [EVIDENCE[0].text]


def test_object_type_missing_property_unknown_predicate(schema: Schema) -> None:
    result = _run(
        schema,
        relations=[
            _relation("person:cz", "ROLE_AT", "loc:washington", role="CEO"),
            _relation("person:cz", "ROLE_AT", "org:binance"),
            _relation("person:cz", "LIKES", "org:binance"),
            _relation("person:cz", "ROLE_AT", "org:binance", role="CEO", salary="1"),
            _relation("person:cz", "ROLE_AT", "person:nobody", role="CEO"),
        ],
    )
    assert result.relations == []
    assert [r.reason for r in result.rejected] == [
        RejectReason.OBJECT_TYPE_NOT_ALLOWED,
        RejectReason.MISSING_PROPERTY,
        RejectReason.UNKNOWN_PREDICATE,
        RejectReason.UNKNOWN_PROPERTY,
        RejectReason.UNKNOWN_ENTITY,
    ]


def test_unknown_entity_type_rejects_the_entity_and_its_relations(schema: Schema) -> None:
    odd = Entity(
        id="x:1",
        type="Spaceship",
        name="Enterprise",
        mentions=[Mention(start=0, end=7, text="Binance", sentence=TEXT)],
    )
    result = _run(
        schema,
        entities=[*ENTITIES, odd],
        relations=[_relation("person:cz", "ROLE_AT", "x:1", role="CEO")],
    )
    reasons = [r.reason for r in result.rejected]
    assert reasons == [RejectReason.UNKNOWN_ENTITY_TYPE, RejectReason.UNKNOWN_ENTITY]
    assert "x:1" not in {e.id for e in result.entities}


def _settlement(*participants: tuple[str, str], status: str | None = "agreed") -> Event:
    return Event(
        id="settlement:1",
        type="Settlement",
        participants=[Participant(entity=e, role=r) for e, r in participants],
        status=status,
        confidence=0.8,
        evidence=EVIDENCE,
    )


def test_event_participants_checked_one_by_one(schema: Schema) -> None:
    event = _settlement(("org:binance", "defendant"), ("loc:washington", "authority"))
    result = _run(schema, events=[event])
    [kept] = result.events
    assert [(p.entity, p.role) for p in kept.participants] == [("org:binance", "defendant")]
    [rejected] = result.rejected
    assert (rejected.kind, rejected.reason) == ("participant", RejectReason.ROLE_NOT_ALLOWED)


def test_event_without_allowed_participant_or_with_unknown_status(schema: Schema) -> None:
    result = _run(
        schema,
        events=[
            _settlement(("loc:washington", "defendant")),
            _settlement(("org:binance", "defendant"), status="imagined"),
        ],
    )
    assert result.events == []
    reasons = [r.reason for r in result.rejected]
    assert reasons == [
        RejectReason.ROLE_NOT_ALLOWED,
        RejectReason.NO_PARTICIPANTS,
        RejectReason.UNKNOWN_STATUS,
    ]
