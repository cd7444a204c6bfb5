"""Events as nodes with participants. This version reads ``Settlement`` events.

A sentence with a settlement trigger ("settlement", "settle", "agreed to
pay ... to settle") gives a settlement whose defendant is the company or
person acting in the sentence, whose authority is a regulator or government
it settles with, and whose amount and date are the money and date phrases of
that sentence. Settlements with the same defendant within one article are one
event with several pieces of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graphbuild.extract.coref import pronoun_antecedent
from graphbuild.extract.mentions import PERSON, ArticleEntities, MentionSpan
from graphbuild.extract.values import amount_near, date_near, span_evidence
from graphbuild.ids import event_id, relation_id
from graphbuild.models import Amount, Event, EventDate, Evidence, Participant, Relation

SETTLEMENT = "Settlement"
AUTHORITY_TYPES = frozenset({"Regulator", "Government"})
PARTY_TYPES = frozenset({PERSON, "Organization"})
_TRIGGER_LEMMAS = frozenset({"settle", "settlement"})
_CASE_WORDS = frozenset(
    {"investigation", "probe", "charge", "claim", "allegation", "case", "lawsuit", "suit"}
)
_HEDGES = frozenset(
    {
        "may",
        "might",
        "could",
        "would",
        "expect",
        "consider",
        "talk",
        "propose",
        "seek",
        "plan",
        "intend",
        "hope",
    }
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
_REPORTING_VERBS = frozenset(
    {"say", "tell", "add", "note", "argue", "claim", "state", "explain", "comment", "warn"}
)

CONFIDENCE = {
    "settlement/with_amount": 0.8,
    "settlement/no_amount": 0.6,
    "settlement/charges": 0.7,
}


@dataclass
class _Draft:
    defendant: str
    authorities: list[str]
    amount: Amount | None
    date: EventDate | None
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)


def _triggers(sent: Span) -> list[Token]:
    """ "settle", "settlement", and "resolve" an investigation or charges by paying."""
    return [
        t
        for t in sent
        if (
            (t.lemma_.lower() in _TRIGGER_LEMMAS or t.lower_ in _TRIGGER_LEMMAS) and not _paid_in(t)
        )
        or (t.lemma_.lower() == "resolve" and _resolves_a_case(t))
    ]


def _paid_in(verb: Token) -> bool:
    """ "an investment settled in digital assets", "settled in cash": a payment's means,
    not a case settled."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "in" and _child_noun(c) in _MEANS for c in verb.children
    )


def _child_noun(prep: Token) -> str | None:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj.lemma_.lower() if obj is not None else None


# What a payment is made in.
_MEANS = frozenset(
    {"asset", "cash", "stablecoin", "share", "stock", "token", "currency", "dollar", "bitcoin"}
)


def _resolves_a_case(verb: Token) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    paid = verb.head.lemma_.lower() in ("pay", "agree")
    return obj is not None and obj.lemma_.lower() in _CASE_WORDS and paid


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "neg" for c in token.head.children
    )


def _aside(trigger: Token) -> bool:
    """A settlement mentioned as a reason, not stated: "a 30 percent discount for settling"."""
    return trigger.dep_ in ("pcomp", "pobj") and trigger.head.lower_ == "for"


def _told_before(trigger: Token) -> bool:
    """ "The settlement comes months after ...": the settlement the article told before,
    not one of the people the sentence goes on to name."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in trigger.children
    )


def _hedged(sent: Span) -> bool:
    return any(t.lemma_.lower() in _HEDGES for t in sent)


def _in_sentence(ents: ArticleEntities, sent: Span) -> list[tuple[MentionSpan, str]]:
    return [
        (m, eid)
        for m, eid in zip(ents.mentions, ents.entity_of, strict=True)
        if sent.start <= m.start and m.end <= sent.end
    ]


def _speaker(doc: Doc, mention: MentionSpan) -> bool:
    """Whether the mention is who says something ("X, a lawyer for Y, said the settlement"):
    a speaker reports a settlement, and is not a party to it."""
    root = doc[mention.start : mention.end].root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _REPORTING_VERBS


def _closest(items: list[tuple[MentionSpan, str]], anchor: int) -> tuple[MentionSpan, str] | None:
    return min(items, key=lambda item: abs(item[0].start - anchor), default=None)


def _parties(
    doc: Doc, ents: ArticleEntities, sent: Span, trigger: Token
) -> tuple[str | None, list[str]]:
    """(defendant, authorities) entity ids for a trigger: the authorities settled "with" or
    paid "to", or whose investigations are resolved ("to resolve SEC and Justice
    Department investigations")."""
    mentions = _in_sentence(ents, sent)
    resolved = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    inside = range(resolved.left_edge.i, resolved.i) if resolved is not None else range(0)
    # "to settle charges brought by the SEC", "charges from the CFTC".
    brought: set[int] = set()
    if resolved is not None and resolved.lemma_.lower() in _CASE_WORDS:
        brought = {t.i for t in resolved.subtree if t.i > resolved.i}
        brought |= {t.i for p in trigger.children if p.lower_ in ("by", "from") for t in p.subtree}
    authorities: list[str] = []
    for m, eid in mentions:
        if ents.types[eid] not in AUTHORITY_TYPES or eid in authorities:
            continue
        before = m.start - 1
        if before > sent.start and doc[before].lower_ in {"the", "a"}:
            before -= 1
        word = doc[before].lower_ if before >= sent.start else ""
        # A name used as a modifier is no counterparty: "sold it to U.S. investors",
        # "allegations by U.S. regulators".
        country_modifier = m.modifier and ents.types[eid] == "Government"
        last = doc[m.end - 1]
        # "agreed to pay the SEC a $37,500 penalty to settle": the one paid.
        paid = last.dep_ == "dative" and last.head.lemma_.lower() == "pay"
        if (
            m.start in inside
            or paid
            or (word in {"with", "to"} and not country_modifier)
            or (m.start in brought and word in {"by", "from"} and not country_modifier)
        ):
            authorities.append(eid)
    reached = _reached_by(ents, trigger)
    if reached is not None and reached not in authorities:
        authorities.append(reached)
    parties = [
        (m, eid)
        for m, eid in mentions
        if ents.types[eid] in PARTY_TYPES
        and ents.kinds.get(eid) != "media"
        and eid not in authorities
        and not _speaker(doc, m)
    ]
    # "Binance's settlement" first, then the subject: "Richard Devlin, Unicoin's general
    # counsel, agreed to pay ... to settle" is Devlin's settlement, not Unicoin's.
    own = [
        (m, eid)
        for m, eid in parties
        if doc[m.end - 1].dep_ == "poss" and doc[m.end - 1].head.i == trigger.i
    ]
    subjects = [(m, eid) for m, eid in parties if doc[m.end - 1].dep_ in _SUBJECT_DEPS]
    subjects = [(m, eid) for m, eid in subjects if doc[m.end - 1].dep_ != "poss"] or subjects
    # "Silvergate agreed to pay a $50 million penalty to settle, ..., while Lane and
    # Fraher settled": the subject of the verbs the trigger hangs from.
    governing = _governing_subject(trigger)
    governed = [(m, eid) for m, eid in subjects if m.start <= governing < m.end]
    choice = (
        _closest(own, trigger.i)
        or _closest(governed, trigger.i)
        or _closest(subjects, trigger.i)
        or _closest(parties, trigger.i)
    )
    return (choice[1] if choice else None), authorities


# Links a trigger may hang from on its way up to the verb whose subject settles:
# "agreed to pay a penalty to settle" (the parse may hang "to settle" on the penalty).
_HANGING = frozenset({"xcomp", "advcl", "dobj", "pobj", "prep", "relcl", "acl"})


def _governing_subject(trigger: Token) -> int:
    """The token index of the subject of the verb chain a trigger hangs from ("agreed to
    pay ... to settle"), or -1."""
    node = trigger
    for _ in range(5):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.i
        if node.dep_ not in _HANGING or node.head.i == node.i:
            return -1
        node = node.head
    return -1


# Verbs by which an authority gets a settlement: "secured a settlement with Genesis".
_REACHING = frozenset({"reach", "secure", "obtain", "win", "strike", "announce"})


def _reached_by(ents: ArticleEntities, trigger: Token) -> str | None:
    """The authority that reached the settlement a noun names: "The New York Attorney
    General's office said it had secured a settlement with Genesis"."""
    verb = trigger.head
    if trigger.dep_ != "dobj" or verb.lemma_.lower() not in _REACHING:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    hit = ents.at_token(subject.i)
    if hit is not None:
        eid: str | None = ents.entity_of[hit[0]]
    elif subject.lower_ == "it":
        eid = pronoun_antecedent(ents, subject)
    else:
        return None
    return eid if eid is not None and ents.types[eid] in AUTHORITY_TYPES else None


def extract_settlements(doc: Doc, ents: ArticleEntities, article_id: str) -> list[Event]:
    """Settlement events, one per defendant within the article."""
    drafts: dict[str, _Draft] = {}
    for sent in doc.sents:
        for trigger in _triggers(sent):
            if _negated(trigger) or _aside(trigger):
                continue
            defendant, authorities = _parties(doc, ents, sent, trigger)
            if drafts and _told_before(trigger) and defendant not in drafts:
                # "The settlement comes months after a change at the top: co-founders John
                # Overdeck and ...": the one told before, whoever the sentence names.
                defendant, authorities = list(drafts)[-1], []
            if defendant is None:
                continue
            amount = amount_near(doc, sent, trigger.i)
            rule = "settlement/with_amount" if amount else "settlement/no_amount"
            evidence = span_evidence(sent, rule)
            draft = drafts.get(defendant)
            if draft is None:
                draft = drafts[defendant] = _Draft(
                    defendant=defendant,
                    authorities=authorities,
                    amount=amount,
                    date=date_near(doc, sent, trigger.i),
                    status="proposed" if _hedged(sent) else "agreed",
                )
            else:
                draft.authorities += [a for a in authorities if a not in draft.authorities]
                draft.amount = draft.amount or amount
                draft.date = draft.date or date_near(doc, sent, trigger.i)
            if all(e.start != evidence.start for e in draft.evidence):
                draft.evidence.append(evidence)
                draft.rules.append(rule)
            break

    events = []
    for draft in drafts.values():
        participants = [Participant(entity=draft.defendant, role="defendant")]
        participants += [Participant(entity=a, role="authority") for a in draft.authorities]
        confidence = max(CONFIDENCE[r] for r in draft.rules)
        events.append(
            Event(
                id=event_id(
                    SETTLEMENT,
                    [(p.role, p.entity) for p in participants],
                    None if draft.amount is None else (draft.amount.value, draft.amount.currency),
                ),
                type=SETTLEMENT,
                participants=participants,
                amount=draft.amount,
                date=draft.date,
                status=draft.status,
                confidence=confidence,
                evidence=draft.evidence,
            )
        )
    return events


def one_settlement_per_defendant(events: list[Event]) -> list[Event]:
    """One Settlement per defendant across the readers that state one: the settlement
    sentence and a payment to an authority ("agreed to pay A$240 million in penalties to
    resolve four investigations by ASIC") are one event, with the authorities either
    names and the evidence of both."""
    out: list[Event] = []
    seen: dict[str, int] = {}
    for event in events:
        defendants = [p.entity for p in event.participants if p.role == "defendant"]
        if event.type != SETTLEMENT or len(defendants) != 1:
            out.append(event)
            continue
        index = seen.get(defendants[0])
        if index is None:
            seen[defendants[0]] = len(out)
            out.append(event)
            continue
        first = out[index]
        if first.amount and event.amount and first.amount != event.amount:
            out.append(event)  # two payments: two settlements
            continue
        known = {(p.role, p.entity) for p in first.participants}
        participants = [
            *first.participants,
            *(p for p in event.participants if (p.role, p.entity) not in known),
        ]
        amount = first.amount or event.amount
        starts = {e.start for e in first.evidence}
        out[index] = first.model_copy(
            update={
                "id": event_id(
                    SETTLEMENT,
                    [(p.role, p.entity) for p in participants],
                    None if amount is None else (amount.value, amount.currency),
                ),
                "participants": participants,
                "amount": amount,
                "date": first.date or event.date,
                "evidence": [
                    *first.evidence,
                    *(e for e in event.evidence if e.start not in starts),
                ],
            }
        )
    return out


CHARGE = "Charge"


def charges_settled(
    doc: Doc, ents: ArticleEntities, events: list[Event]
) -> tuple[list[Event], list[Relation]]:
    """A Charge, and CHARGED, from each agreed Settlement of charges that names its
    authority: "agreed to pay the SEC a $37,500 penalty to settle separate negligence-based
    charges" means the SEC charged him. A Charge the article already tells of the same
    defendant is not told again."""
    types = ents.types
    charged = {
        p.entity
        for e in events
        if e.type == CHARGE
        for p in e.participants
        if p.role == "defendant"
    }
    out_events: list[Event] = []
    out_relations: list[Relation] = []
    for event in events:
        if event.type != SETTLEMENT or event.status == "proposed":
            continue
        told = [e for e in event.evidence if _settles_charges(doc, e)]
        defendants = [p.entity for p in event.participants if p.role == "defendant"]
        # A body that charges; "to resolve U.S. charges" names no one who brought them.
        authorities = [
            p.entity
            for p in event.participants
            if p.role == "authority" and types[p.entity] == "Regulator"
        ]
        if not told or not authorities:
            continue
        evidence = told[0].model_copy(update={"rule": "settlement/charges"})
        for defendant in defendants:
            for authority in authorities:
                out_relations.append(
                    Relation(
                        id=relation_id(authority, "CHARGED", defendant),
                        subject=authority,
                        predicate="CHARGED",
                        object=defendant,
                        confidence=CONFIDENCE["settlement/charges"],
                        evidence=[evidence],
                    )
                )
            if defendant in charged:
                continue
            participants = [Participant(entity=defendant, role="defendant")]
            participants += [Participant(entity=a, role="authority") for a in authorities]
            out_events.append(
                Event(
                    id=event_id(CHARGE, [(p.role, p.entity) for p in participants]),
                    type=CHARGE,
                    participants=participants,
                    date=None,
                    status="charged",
                    confidence=CONFIDENCE["settlement/charges"],
                    evidence=[evidence],
                )
            )
    return out_events, out_relations


def _settles_charges(doc: Doc, evidence: Evidence) -> bool:
    """Whether the sentence of ``evidence`` settles or resolves charges."""
    sent = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    if sent is None:
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() == "charge"
        for t in _triggers(sent)
        for c in t.children
    )


def settlements_with_their_accusers(events: list[Event], types: dict[str, str]) -> list[Event]:
    """A Settlement that names no authority is with the one authority the article says
    charged or sued its defendant: "The SEC charged Silvergate ... Silvergate agreed to
    pay a $50 million civil penalty to settle"."""
    accusers: dict[str, set[str]] = {}
    for event in events:
        if event.type not in (CHARGE, "Lawsuit"):
            continue
        bringers = {
            p.entity
            for p in event.participants
            if p.role in ("authority", "plaintiff") and types.get(p.entity) in AUTHORITY_TYPES
        }
        for p in event.participants:
            if p.role == "defendant":
                accusers.setdefault(p.entity, set()).update(bringers)
    out: list[Event] = []
    for event in events:
        roles = {p.role for p in event.participants}
        defendants = [p.entity for p in event.participants if p.role == "defendant"]
        found = accusers.get(defendants[0], set()) if len(defendants) == 1 else set()
        if event.type != SETTLEMENT or "authority" in roles or len(found) != 1:
            out.append(event)
            continue
        accuser = next(iter(found))  # not popped: the defendant may settle twice
        participants = [*event.participants, Participant(entity=accuser, role="authority")]
        amount = (event.amount.value, event.amount.currency) if event.amount else None
        key = event_id(SETTLEMENT, [(p.role, p.entity) for p in participants], amount)
        out.append(event.model_copy(update={"id": key, "participants": participants}))
    return out


def settled_with(events: list[Event]) -> list[Relation]:
    """SETTLED_WITH from each agreed Settlement that names its authority: the defendant
    settled with it, on the evidence that states the settlement."""
    out: list[Relation] = []
    for event in events:
        # A hedged settlement ("plans to settle with the SEC") states no relation.
        if event.type != SETTLEMENT or event.status == "proposed":
            continue
        defendants = [p.entity for p in event.participants if p.role == "defendant"]
        authorities = [p.entity for p in event.participants if p.role == "authority"]
        for defendant in defendants:
            for authority in authorities:
                properties: dict[str, str | float | int | list[str] | None] = {}
                if event.amount is not None:
                    properties = {"amount": event.amount.value, "currency": event.amount.currency}
                out.append(
                    Relation(
                        id=relation_id(defendant, "SETTLED_WITH", authority),
                        subject=defendant,
                        predicate="SETTLED_WITH",
                        object=authority,
                        properties=properties,
                        confidence=event.confidence,
                        evidence=event.evidence[:1],
                    )
                )
    return out


def fines_within_settlements(events: list[Event]) -> list[Event]:
    """A penalty paid under a settlement is part of it: in "Amazon has agreed to pay $2.5
    billion to settle ... The company will pay a $1 billion civil penalty and refund $1.5
    billion", the $1 billion is no Fine of its own. A Fine that names no authority, of a
    party with a larger Settlement in the same currency, joins that Settlement as evidence."""
    out = list(events)
    for event in events:
        defendants = {p.entity for p in event.participants if p.role == "defendant"}
        authorities = [p for p in event.participants if p.role == "authority"]
        if event.type != "Fine" or authorities or event.amount is None or len(defendants) != 1:
            continue
        fine = event.amount
        settlement = next(
            (
                e
                for e in out
                if e.type == SETTLEMENT
                and e.amount is not None
                and e.amount.currency == fine.currency
                and e.amount.value > fine.value
                and defendants <= {p.entity for p in e.participants if p.role == "defendant"}
            ),
            None,
        )
        if settlement is None:
            continue
        out.remove(event)
        starts = {e.start for e in settlement.evidence}
        extra = [e for e in event.evidence if e.start not in starts]
        out[out.index(settlement)] = settlement.model_copy(
            update={"evidence": [*settlement.evidence, *extra]}
        )
    return out
