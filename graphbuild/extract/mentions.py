"""Entity mentions from a parsed article, grouped into the article's entities.

Mentions come from the gazetteer ruler (labels are our entity types) and from
spaCy's NER (labels mapped through the schema). Within one article, mentions
with the same normalised name are one entity, and a surname alone ("Teng")
joins the full name ("Richard Teng") the article gives.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from graphbuild.extract.normalize import clean_name, clean_person_name
from graphbuild.gazetteers import Gazetteer
from graphbuild.ids import entity_id, normalize_key
from graphbuild.models import Entity, Mention
from graphbuild.schema import Schema

PERSON = "Person"


@dataclass(frozen=True)
class MentionSpan:
    """One named mention, with token and character positions into the doc."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    type: str
    name: str
    kind: str | None
    curated: bool
    sentence: str

    def to_record(self) -> Mention:
        return Mention(
            start=self.start_char, end=self.end_char, text=self.text, sentence=self.sentence
        )


# Common nouns that the pipeline sometimes pulls into a name: "the Russian exchange Garantex".
_DESCRIPTORS = frozenset(
    {"exchange", "company", "firm", "bank", "lender", "fund", "startup", "platform", "group",
     "regulator", "agency", "watchdog", "newspaper", "outlet", "broker", "issuer"}
)  # fmt: skip


def _trim(span: Span) -> Span:
    """Drop a leading description or determiner and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    for i in range(end - 2, start - 1, -1):
        if doc[i].is_lower and doc[i].lower_ in _DESCRIPTORS:
            start = i + 1
            break
    while start < end - 1 and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end - 1 > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[start:end]


def find_mentions(doc: Doc, schema: Schema, gazetteer: Gazetteer) -> list[MentionSpan]:
    """Every entity mention the schema has a type for, in text order."""
    out: list[MentionSpan] = []
    for ent in doc.ents:
        curated = ent.label_ in schema.entity_types
        entity_type = ent.label_ if curated else schema.type_for_spacy_label(ent.label_)
        if entity_type is None:
            continue
        span = _trim(ent)
        text = span.text
        if curated:
            name = ent.ent_id_ or text
            entry = gazetteer.entry(name, entity_type)
            kind = entry.kind if entry else None
        else:
            name = clean_person_name(text) if entity_type == PERSON else clean_name(text)
            kind = None
            # The small pipeline tags stray lowercase words; a name has a capital or a digit.
            if not any(c.isupper() or c.isdigit() for c in name):
                continue
        if not normalize_key(name):
            continue
        out.append(
            MentionSpan(
                start=span.start,
                end=span.end,
                start_char=span.start_char,
                end_char=span.end_char,
                text=text,
                type=entity_type,
                name=name,
                kind=kind,
                curated=curated,
                sentence=span.sent.text,
            )
        )
    return out


@dataclass(frozen=True)
class ArticleEntities:
    """The article's entities and, for each mention (by position), the entity it names."""

    entities: list[Entity]
    mentions: list[MentionSpan]
    entity_of: list[str]
    types: dict[str, str]
    kinds: dict[str, str | None]

    def at_token(self, index: int) -> tuple[int, MentionSpan] | None:
        """The mention covering a token, with its position, if any."""
        for i, mention in enumerate(self.mentions):
            if mention.start <= index < mention.end:
                return i, mention
        return None

    def ending_at(self, index: int) -> int | None:
        """Position of the mention whose last token is ``index``."""
        for i, mention in enumerate(self.mentions):
            if mention.end - 1 == index:
                return i
        return None

    def starting_at(self, index: int) -> int | None:
        for i, mention in enumerate(self.mentions):
            if mention.start == index:
                return i
        return None


def _surname_owner(name: str, full_names: dict[str, str]) -> str | None:
    """The key of the one full name in the article that ends with this single word."""
    words = name.split()
    if len(words) != 1:
        return None
    owners = {key for surname, key in full_names.items() if surname == normalize_key(words[0])}
    return owners.pop() if len(owners) == 1 else None


def build_entities(mentions: list[MentionSpan]) -> ArticleEntities:
    """Group mentions into entities: one per normalised name, surnames joined to full names.

    When the pipeline gives one name several types, the type most mentions
    carry wins (a curated gazetteer type always wins).
    """
    # A surname belongs to a full name only when exactly one full name ends in it.
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == PERSON and len(m.name.split()) > 1:
            full_by_surname[normalize_key(m.name.split()[-1])].add(normalize_key(m.name))
    unique_full = {s: next(iter(keys)) for s, keys in full_by_surname.items() if len(keys) == 1}

    keys: list[str] = []
    for m in mentions:
        key = normalize_key(m.name)
        if m.type == PERSON:
            key = _surname_owner(m.name, unique_full) or key
        keys.append(key)

    type_votes: dict[str, Counter[str]] = defaultdict(Counter)
    curated_type: dict[str, str] = {}
    for key, m in zip(keys, mentions, strict=True):
        type_votes[key][m.type] += 1
        if m.curated:
            curated_type.setdefault(key, m.type)

    groups: dict[str, list[MentionSpan]] = defaultdict(list)
    for key, m in zip(keys, mentions, strict=True):
        groups[key].append(m)

    entities: list[Entity] = []
    id_of_key: dict[str, str] = {}
    types: dict[str, str] = {}
    kinds: dict[str, str | None] = {}
    for key, group in groups.items():
        entity_type = curated_type.get(key) or type_votes[key].most_common(1)[0][0]
        # The name is the longest form given (a full name rather than a surname),
        # unless the gazetteer supplies the canonical one.
        curated = [m for m in group if m.curated and m.type == entity_type]
        name = curated[0].name if curated else max((m.name for m in group), key=len)
        eid = entity_id(entity_type, name)
        id_of_key[key] = eid
        types[eid] = entity_type
        kinds[eid] = next((m.kind for m in group if m.kind), None)
        aliases = sorted({m.text for m in group if m.text != name})
        entities.append(
            Entity(
                id=eid,
                type=entity_type,
                name=name,
                kind=kinds[eid],
                aliases=aliases,
                mentions=[m.to_record() for m in group],
            )
        )
    entity_of = [id_of_key[key] for key in keys]
    return ArticleEntities(
        entities=entities, mentions=mentions, entity_of=entity_of, types=types, kinds=kinds
    )


def topic_organization(ents: ArticleEntities) -> str | None:
    """The organisation an article names most often, news outlets aside (ties: first named)."""
    counts: Counter[str] = Counter()
    for eid in ents.entity_of:
        if ents.types[eid] == "Organization" and ents.kinds.get(eid) != "media":
            counts[eid] += 1
    return counts.most_common(1)[0][0] if counts else None
