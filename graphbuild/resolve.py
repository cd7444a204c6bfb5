"""Entities across articles → canonical entities, with the reason of every merge.

Each entity an article gives is mapped onto one canonical entity of the same
type (never across types) by layered rules, tried in this order; the rule names
are what ``graphbuild entities`` shows:

1. ``merge_file``: the user's merge file forces a name into an entity, or keeps
   it apart from every other (a split: no later rule touches it).
2. ``gazetteer`` / ``alias_table``: curated names in ``seeds/gazetteers/`` and
   ``seeds/aliases.yaml`` ("SEC" → "U.S. Securities and Exchange Commission").
3. ``legal_suffix`` (organisations: "Coinbase Global, Inc." → "Coinbase Global",
   "Binance.com" → "Binance") and ``country_prefix`` (regulators: "U.S. Foo
   Agency" → "Foo Agency"), each followed by layers 1 and 2 again. The article's
   own names decide two cases: a company keeps its legal form when another
   company of the article shares the rest of its name ("Intellexa S.A." beside
   "Intellexa Limited"), and ``short_form`` names a company by the first words
   the article also uses alone, before a generic ending ("Westpac" for "Westpac
   Banking Corp").
4. ``normalisation``: the same normalised name as an entity already known (in
   the store, or earlier in the run): "Acme corp" is "Acme Corp".
5. ``acronym``: an all-capitals name ("CFTB") joins the one known entity of its
   type whose initials spell it.
6. ``fuzzy``: the closest known name by :func:`rapidfuzz.fuzz.ratio` at or over
   :data:`FUZZY_THRESHOLD` (people: only with the same surname and first
   initial, never a single word), unless a word of one name stands where the
   other has a different word ("Eastern" for "Southern" District of New York).

A single-word person name is never merged by layers 3-6: the within-article
grouping (:mod:`graphbuild.extract.mentions`) joins "Zhao" to "Changpeng Zhao"
only when the article names him. An entity's id is
:func:`graphbuild.ids.entity_id` of its canonical name, and a known entity keeps
its id: later articles are mapped onto it, it is never renamed. Relations and
events are rewritten onto the canonical ids, and their ids recomputed, so the
same fact read from two articles is one edge or node::

    resolver = Resolver.build(schema, gazetteer, aliases, load_merge_file(path, schema))
    resolver.learn(known_entities(store, schema))
    resolution = resolver.resolve(extraction)
    store.write(resolution.extraction, resolution.merges)
    resolver.remember(resolution.extraction)
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rapidfuzz import fuzz

from graphbuild.errors import ConfigError, QueryError
from graphbuild.gazetteers import Gazetteer, GazetteerEntry
from graphbuild.ids import entity_id, event_id, event_occasion, normalize_key, relation_id
from graphbuild.models import (
    ArticleExtraction,
    Entity,
    Event,
    Evidence,
    Mention,
    Participant,
    Rejected,
    RejectReason,
    Relation,
)
from graphbuild.schema import Schema

if TYPE_CHECKING:
    from graphbuild.stores.base import GraphStore

log = logging.getLogger(__name__)

ALIASES_FILE = "aliases.yaml"
MERGE_FILE = "merges.yaml"

# The entity types some rules treat specially; each must exist in the schema to apply.
PERSON = "Person"
ORGANIZATION = "Organization"
REGULATOR = "Regulator"

# Rule names, as recorded in the store and shown by `graphbuild entities`.
RULE_MERGE_FILE = "merge_file"
RULE_GAZETTEER = "gazetteer"
RULE_ALIAS_TABLE = "alias_table"
RULE_LEGAL_SUFFIX = "legal_suffix"
RULE_COUNTRY_PREFIX = "country_prefix"
RULE_NORMALISATION = "normalisation"
RULE_ACRONYM = "acronym"
RULE_FUZZY = "fuzzy"
RULE_SURNAME = "surname_in_article"
RULE_IN_ARTICLE = "in_article"
RULE_SHORT_FORM = "short_form"

# Lowest rapidfuzz ratio (0-100) at which two names of one type are one entity.
FUZZY_THRESHOLD: dict[str, float] = {PERSON: 90.0}
FUZZY_DEFAULT_THRESHOLD = 88.0
# Normalised names shorter than this are never matched fuzzily.
FUZZY_MIN_LENGTH = 6

_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:ltd|limited|inc|incorporated|corp|corporation|llc|llp|plc|ag|sa|"
    r"s\.a|nv|n\.v|bv|b\.v|gmbh|pte|pty|spa|s\.p\.a|kk)\.?)+$",
    re.IGNORECASE,
)
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|io|net|org)$", re.IGNORECASE)
_COUNTRY_PREFIX = re.compile(
    r"^(?:the\s+)?(?:U\.?S\.?|United States|U\.?K\.?|United Kingdom)\s+", re.IGNORECASE
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# Words that may end a company's name after the short form the article also uses.
_GENERIC_ENDINGS = frozenset({"banking"})
_MINOR_WORDS = frozenset({"and", "of", "the", "for", "on", "in", "&", "de", "du", "des", "la"})


class MergeDecision(BaseModel):
    """A name an article gave, the entity it was mapped onto, and the rule(s) that did it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entity: str = Field(description="Entity id after resolution")
    name: str = Field(description="The name as the article gave it")
    rule: str = Field(description="Rule names joined by '+', in the order applied")


class Resolution(BaseModel):
    """One article's facts on canonical entities, and how its names were mapped."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    extraction: ArticleExtraction
    merges: list[MergeDecision] = Field(default_factory=list)


class ForcedMerge(BaseModel):
    """Merge file entry: these names of this type are the entity named ``into``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str
    into: str = Field(min_length=1)
    names: list[str] = Field(default_factory=list)


class ForcedSplit(BaseModel):
    """Merge file entry: each of these names is its own entity; no rule merges it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str
    names: list[str] = Field(min_length=1)


class MergeFile(BaseModel):
    """The user's merge decisions, read from a YAML file kept under version control."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    merge: list[ForcedMerge] = Field(default_factory=list)
    split: list[ForcedSplit] = Field(default_factory=list)


class KnownEntity(BaseModel):
    """An entity the resolver can map new names onto: its id, type and name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    type: str
    name: str


class EntitySummary(BaseModel):
    """One stored entity with its aliases, sources and merge reasons (``graphbuild entities``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    type: str
    name: str
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list, description="Ids of supporting articles")
    merges: list[MergeDecision] = Field(
        default_factory=list, description="Names mapped onto this entity, with their rule"
    )


# -- files -------------------------------------------------------------------


def _read_yaml(path: Path, what: str) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the {what}: {exc}") from exc


def _check_type(path: Path, entity_type: str, schema: Schema) -> None:
    if entity_type not in schema.entity_types:
        raise ConfigError(
            f"{path}: type {entity_type!r} is not an entity type of the schema",
            hint=f"use one of {', '.join(schema.entity_types)}",
        )


def load_aliases(path: Path, schema: Schema) -> tuple[GazetteerEntry, ...]:
    """The curated alias table: ``entries`` of ``{type, name, aliases, kind}``; none if no file."""
    if not path.is_file():
        return ()
    raw = _read_yaml(path, "alias table")
    items = raw.get("entries") if isinstance(raw, dict) else None
    if raw is not None and not isinstance(items, list):
        raise ConfigError(f"{path}: expected a mapping with a list of 'entries'")
    entries: list[GazetteerEntry] = []
    for i, item in enumerate(items or [], start=1):
        try:
            entry = GazetteerEntry.model_validate(item)
        except ValidationError as exc:
            raise ConfigError(f"{path}: entry {i} is invalid: {exc}") from exc
        _check_type(path, entry.type, schema)
        entries.append(entry)
    return tuple(entries)


def load_merge_file(path: Path | None, schema: Schema) -> MergeFile:
    """The user's merges and splits from ``path``; empty when there is no such file."""
    if path is None or not path.is_file():
        return MergeFile()
    raw = _read_yaml(path, "merge file")
    try:
        merges = MergeFile.model_validate(raw or {})
    except ValidationError as exc:
        raise ConfigError(
            f"{path}: the merge file is invalid: {exc}",
            hint="see 'The merge file' in the README",
        ) from exc
    for entity_type in [m.type for m in merges.merge] + [s.type for s in merges.split]:
        _check_type(path, entity_type, schema)
    return merges


# -- name rules ----------------------------------------------------------------


def strip_legal_suffixes(name: str) -> str:
    """A company name without its legal form or web domain.

    >>> strip_legal_suffixes("Acme Widgets, Inc.")
    'Acme Widgets'

    "Holdings" is part of the name, as news writes it: "Capri Holdings", "Arm Holdings".
    >>> strip_legal_suffixes("Binance.com")
    'Binance'
    """
    stripped = _DOMAIN_SUFFIX.sub("", name.strip())
    stripped = _LEGAL_SUFFIX.sub("", stripped).rstrip(" ,")
    return stripped if len(normalize_key(stripped)) >= 2 else name


def strip_country_prefix(name: str) -> str:
    """A public body's name without a leading country: 'U.S. Foo Agency' -> 'Foo Agency'.

    Courts and prosecutors keep it, since it is part of their names: "U.S. District
    Court for the District of Oregon", "U.S. Attorney's Office for ...".
    """
    stripped = _COUNTRY_PREFIX.sub("", name.strip())
    words = stripped.split()
    if len(words) < 2 or "Court" in words or words[0].startswith("Attorney"):
        return name
    return stripped


def initials(name: str) -> str:
    """Capital initials of a name's significant words.

    >>> initials("Securities and Exchange Commission")
    'SEC'
    """
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.casefold() not in _MINOR_WORDS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _acronyms_of(name: str) -> set[str]:
    found = {initials(name), initials(strip_country_prefix(name))}
    return {a for a in found if len(a) >= 2}


def _relation_key(schema: Schema, relation: Relation) -> list[str]:
    # The values that tell two edges of one predicate apart are its required
    # properties (ROLE_AT: the role), as the extractors key relation ids.
    spec = schema.predicates.get(relation.predicate)
    if spec is None:
        return []
    return [
        str(relation.properties.get(name))
        for name, prop in spec.properties.items()
        if prop.required and relation.properties.get(name) is not None
    ]


# -- the resolver ----------------------------------------------------------------


@dataclass
class _Canonical:
    """Where the name layers (1-3) put an entity: a name, the rules, and whether it is final."""

    name: str
    rules: list[str]
    final: bool


@dataclass
class Resolver:
    """Maps each article's entities onto canonical entities; build with :meth:`build`."""

    schema: Schema
    curated: dict[tuple[str, str], tuple[str, str]]
    forced: dict[tuple[str, str], str]
    apart: set[tuple[str, str]]
    known: dict[str, dict[str, KnownEntity]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        schema: Schema,
        gazetteer: Gazetteer,
        aliases: Iterable[GazetteerEntry] = (),
        merge_file: MergeFile | None = None,
    ) -> Resolver:
        """A resolver from the gazetteer, the alias table and the user's merge file."""
        curated: dict[tuple[str, str], tuple[str, str]] = {}
        for entry in gazetteer.entries:
            for form in entry.surface_forms():
                curated.setdefault((entry.type, normalize_key(form)), (entry.name, RULE_GAZETTEER))
        # The alias table is the user's: it overrides the shipped gazetteers.
        for entry in aliases:
            for form in entry.surface_forms():
                curated[(entry.type, normalize_key(form))] = (entry.name, RULE_ALIAS_TABLE)
        forced: dict[tuple[str, str], str] = {}
        apart: set[tuple[str, str]] = set()
        merges = merge_file or MergeFile()
        for item in merges.merge:
            for form in [item.into, *item.names]:
                forced[(item.type, normalize_key(form))] = item.into
        for split in merges.split:
            apart.update((split.type, normalize_key(name)) for name in split.names)
        resolver = cls(schema=schema, curated=curated, forced=forced, apart=apart)
        resolver.learn(
            KnownEntity(id=entity_id(t, name), type=t, name=name)
            for (t, _), (name, _) in curated.items()
        )
        return resolver

    def learn(self, entities: Iterable[KnownEntity]) -> None:
        """Add entities that names may be mapped onto (from the store, or just written)."""
        for entity in entities:
            self.known.setdefault(entity.type, {}).setdefault(entity.id, entity)

    def remember(self, extraction: ArticleExtraction) -> None:
        """Learn the entities of a resolved article."""
        self.learn(KnownEntity(id=e.id, type=e.type, name=e.name) for e in extraction.entities)

    # -- layers 1-3 ----------------------------------------------------------

    def _lookup(self, entity_type: str, name: str) -> tuple[str, str] | None:
        key = (entity_type, normalize_key(name))
        if key in self.forced:
            return self.forced[key], RULE_MERGE_FILE
        if key in self.apart:
            return name, RULE_MERGE_FILE
        return self.curated.get(key)

    def canonical(self, entity_type: str, name: str) -> _Canonical:
        """The canonical name of ``name`` by the merge file, curated names and name rules."""
        hit = self._lookup(entity_type, name)
        if hit is not None:
            target, rule = hit
            return _Canonical(target, [rule] if target != name else [], final=True)
        current, rules = name, []
        steps: list[tuple[str, Any]] = []
        if entity_type == ORGANIZATION:
            steps.append((RULE_LEGAL_SUFFIX, strip_legal_suffixes))
        if entity_type == REGULATOR:
            steps.append((RULE_COUNTRY_PREFIX, strip_country_prefix))
        for rule, transform in steps:
            changed = transform(current)
            if changed == current:
                continue
            current = changed
            rules.append(rule)
            hit = self._lookup(entity_type, current)
            if hit is not None:
                target, found = hit
                return _Canonical(target, [*rules, found] if target != current else rules, True)
        return _Canonical(current, rules, final=False)

    def _article_canon(self, entities: Sequence[Entity]) -> dict[str, _Canonical]:
        """The canonical name of each entity of one article, where the article's own names
        decide two things the name alone cannot.

        A company whose name without its legal form is another company's of the article,
        or starts another's, keeps its legal form: "Intellexa S.A." beside "Intellexa
        Limited", "Cytrox Holdings" beside "Cytrox AD". A company the article also calls
        by the first word(s) of its name, before a generic ending, takes that short form:
        "Westpac" for "Westpac Banking Corp".
        """
        canon = {e.id: self.canonical(e.type, e.name) for e in entities}
        companies = [e for e in entities if e.type == ORGANIZATION]
        for e in companies:
            c = canon[e.id]
            if c.final:
                continue
            short = _short_form(c.name, e.aliases)
            if short is not None:
                canon[e.id] = self.canonical(e.type, short)
                canon[e.id].rules.insert(0, RULE_SHORT_FORM)
        for e in companies:
            c = canon[e.id]
            if c.final or RULE_LEGAL_SUFFIX not in c.rules or RULE_SHORT_FORM in c.rules:
                continue
            stem = normalize_key(c.name)
            for other in companies:
                theirs = normalize_key(other.name)
                shared = normalize_key(canon[other.id].name) == stem or theirs.startswith(
                    stem + " "
                )
                if other.id != e.id and normalize_key(e.name) != theirs and shared:
                    canon[e.id] = _Canonical(e.name, [], final=False)
                    break
        return canon

    # -- layers 4-6 ----------------------------------------------------------

    def _match(
        self, entity_type: str, name: str, article: dict[str, str]
    ) -> tuple[str, str] | None:
        """(id, rule) of the known or same-article entity this name joins, if any."""
        candidates = {**self.known.get(entity_type, {})}
        for eid, other in article.items():
            candidates.setdefault(eid, KnownEntity(id=eid, type=entity_type, name=other))
        own = entity_id(entity_type, name)
        candidates.pop(own, None)
        if not candidates or (entity_type, normalize_key(name)) in self.apart:
            return None
        words = normalize_key(name).split()
        if entity_type == PERSON and len(words) < 2:
            return None
        if entity_type != PERSON and _ACRONYM.match(name.replace(".", "")):
            acronym = name.replace(".", "")
            found = sorted(c.id for c in candidates.values() if acronym in _acronyms_of(c.name))
            if len(found) == 1:
                return found[0], RULE_ACRONYM
            return None
        key = normalize_key(name)
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        threshold = FUZZY_THRESHOLD.get(entity_type, FUZZY_DEFAULT_THRESHOLD)
        best: tuple[float, str] | None = None  # (-score, id): the lowest wins
        for candidate in candidates.values():
            other = normalize_key(candidate.name)
            if (entity_type, other) in self.apart:
                continue
            if entity_type == PERSON:
                theirs = other.split()
                if len(theirs) < 2 or theirs[-1] != words[-1] or theirs[0][0] != words[0][0]:
                    continue
            score = fuzz.ratio(key, other)
            if score >= threshold and _another_word(key, other):
                continue
            if score >= threshold and (best is None or (-score, candidate.id) < best):
                best = (-score, candidate.id)
        return None if best is None else (best[1], RULE_FUZZY)

    # -- one article -----------------------------------------------------------

    def resolve(self, extraction: ArticleExtraction) -> Resolution:
        """The article's facts on canonical entities, and a decision for each mapped name."""
        canon = self._article_canon(extraction.entities)
        target: dict[str, str] = {}
        names: dict[str, str] = {}
        rules: dict[str, list[str]] = {}
        # Entities of this article resolved so far, by type; an acronym comes after
        # the long names it may abbreviate, and nothing joins a later entity.
        seen: dict[str, dict[str, str]] = {}
        order = sorted(
            extraction.entities,
            key=lambda e: bool(_ACRONYM.match(canon[e.id].name.replace(".", ""))),
        )
        for e in order:
            c = canon[e.id]
            own = entity_id(e.type, c.name)
            rules[e.id] = list(c.rules)
            known = self.known.get(e.type, {})
            here = seen.setdefault(e.type, {})
            match = None
            if not c.final and own not in known and own not in here:
                match = self._match(e.type, c.name, here)
            if match is None:
                target[e.id] = own
                names.setdefault(own, known[own].name if own in known else c.name)
            else:
                joined, rule = match
                rules[e.id].append(rule)
                target[e.id] = joined
                names.setdefault(joined, known[joined].name if joined in known else here[joined])
            here.setdefault(target[e.id], names[target[e.id]])

        entities = self._merge_entities(extraction.entities, target, names)
        merges = self._decisions(extraction.entities, target, names, rules)
        relations, rejected = _rewrite_relations(self.schema, extraction.relations, target)
        events = _rewrite_events(extraction.events, target, extraction.article.published)
        resolved = extraction.model_copy(
            update={
                "entities": entities,
                "relations": relations,
                "events": events,
                "rejected": [*extraction.rejected, *rejected],
            }
        )
        return Resolution(extraction=resolved, merges=merges)

    def _merge_entities(
        self, entities: Sequence[Entity], target: dict[str, str], names: dict[str, str]
    ) -> list[Entity]:
        groups: dict[str, list[Entity]] = {}
        for e in entities:
            groups.setdefault(target[e.id], []).append(e)
        out = []
        for eid, group in groups.items():
            name = names[eid]
            aliases = {a for e in group for a in e.aliases} | {e.name for e in group}
            mentions: dict[tuple[int, int], Mention] = {}
            for e in group:
                for m in e.mentions:
                    mentions.setdefault((m.start, m.end), m)
            out.append(
                Entity(
                    id=eid,
                    type=group[0].type,
                    name=name,
                    kind=next((e.kind for e in group if e.kind), None),
                    aliases=sorted(aliases - {name}),
                    mentions=[mentions[k] for k in sorted(mentions)],
                )
            )
        return out

    def _decisions(
        self,
        entities: Sequence[Entity],
        target: dict[str, str],
        names: dict[str, str],
        rules: dict[str, list[str]],
    ) -> list[MergeDecision]:
        decisions: dict[tuple[str, str], MergeDecision] = {}

        def add(eid: str, name: str, rule: str) -> None:
            decisions.setdefault((eid, name), MergeDecision(entity=eid, name=name, rule=rule))

        for e in entities:
            eid = target[e.id]
            final = names[eid]
            if e.name != final:
                add(eid, e.name, "+".join(rules[e.id]) or RULE_NORMALISATION)
            surname = final.split()[-1] if e.type == PERSON else None
            for alias in e.aliases:
                if alias == final or normalize_key(alias) == normalize_key(final):
                    continue
                if alias == surname and len(final.split()) > 1:
                    add(eid, alias, RULE_SURNAME)
                    continue
                hit = self._lookup(e.type, alias)
                add(eid, alias, hit[1] if hit is not None else RULE_IN_ARTICLE)
        return sorted(decisions.values(), key=lambda d: (d.entity, d.name))


# Lowest rapidfuzz ratio at which a word in one name is a spelling of one in the other.
SAME_WORD_RATIO = 80.0


def _short_form(name: str, aliases: Sequence[str]) -> str | None:
    """The shortest alias made of the first words of ``name`` where only generic endings
    follow: "Westpac" for "Westpac Banking"."""
    words = name.split()
    found = [
        alias
        for alias in aliases
        if 0 < len(alias.split()) < len(words)
        and words[: len(alias.split())] == alias.split()
        and all(w.lower() in _GENERIC_ENDINGS for w in words[len(alias.split()) :])
    ]
    return min(found, key=len) if found else None


def _another_word(key: str, other: str) -> bool:
    """Whether two close names differ by a whole word put in another's place, not by its
    spelling or by a word one of them adds: the Eastern and the Southern District of New
    York are two courts."""
    mine, theirs = key.split(), other.split()
    matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
    return any(
        fuzz.ratio(" ".join(mine[i1:i2]), " ".join(theirs[j1:j2])) < SAME_WORD_RATIO
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op == "replace"
    )


def _merge_evidence(a: Sequence[Evidence], b: Sequence[Evidence]) -> list[Evidence]:
    seen = {(e.start, e.end, e.rule) for e in a}
    return [*a, *(e for e in b if (e.start, e.end, e.rule) not in seen)]


def _rewrite_relations(
    schema: Schema, relations: Sequence[Relation], target: dict[str, str]
) -> tuple[list[Relation], list[Rejected]]:
    out: dict[str, Relation] = {}
    rejected: list[Rejected] = []
    for rel in relations:
        subject, obj = target.get(rel.subject, rel.subject), target.get(rel.object, rel.object)
        if subject == obj:
            rejected.append(
                Rejected(
                    kind="relation",
                    reason=RejectReason.SELF_RELATION,
                    detail=f"{rel.predicate}: both ends resolve to {subject!r}",
                    candidate=rel.model_dump(mode="json", exclude={"evidence"}),
                )
            )
            continue
        rid = relation_id(subject, rel.predicate, obj, _relation_key(schema, rel))
        moved = rel.model_copy(update={"id": rid, "subject": subject, "object": obj})
        if rid in out:
            first = out[rid]
            moved = first.model_copy(
                update={
                    "confidence": max(first.confidence, rel.confidence),
                    "evidence": _merge_evidence(first.evidence, rel.evidence),
                }
            )
        out[rid] = moved
    return list(out.values()), rejected


def _rewrite_events(
    events: Sequence[Event], target: dict[str, str], published: str | None
) -> list[Event]:
    out: dict[str, Event] = {}
    for event in events:
        participants: list[Participant] = []
        for p in event.participants:
            moved = Participant(entity=target.get(p.entity, p.entity), role=p.role)
            if moved not in participants:
                participants.append(moved)
        amount = None if event.amount is None else (event.amount.value, event.amount.currency)
        date = event.date.value if event.date else None
        occasion = event_occasion(event.type, date, published)
        eid = event_id(event.type, [(p.role, p.entity) for p in participants], amount, occasion)
        rewritten = event.model_copy(update={"id": eid, "participants": participants})
        if eid in out:
            first = out[eid]
            rewritten = first.model_copy(
                update={
                    "confidence": max(first.confidence, event.confidence),
                    "evidence": _merge_evidence(first.evidence, event.evidence),
                    "date": first.date or event.date,
                    "status": first.status or event.status,
                }
            )
        out[eid] = rewritten
    return list(out.values())


# -- the store side ------------------------------------------------------------


def known_entities(store: GraphStore, schema: Schema) -> list[KnownEntity]:
    """Every entity in the store, for :meth:`Resolver.learn`."""
    found: list[KnownEntity] = []
    for label in schema.entity_types:
        try:
            rows = store.query(f"MATCH (n:{label}) RETURN n.id, n.name").rows
        except QueryError:
            # A fresh store has no tables yet.
            log.debug("no %s table in the store yet", label)
            continue
        found += [KnownEntity(id=str(i), type=label, name=str(n)) for i, n in rows if n]
    return found


def list_entities(
    store: GraphStore, schema: Schema, entity_type: str | None = None
) -> list[EntitySummary]:
    """Stored entities, by type then id, with aliases, supporting articles and merge reasons.

    ``entity_type`` limits the list to one type of the schema.
    """
    if entity_type is not None and entity_type not in schema.entity_types:
        raise ConfigError(
            f"{entity_type!r} is not an entity type",
            hint=f"use one of {', '.join(schema.entity_types)}",
        )
    labels = [entity_type] if entity_type else sorted(schema.entity_types)
    out: list[EntitySummary] = []
    for label in labels:
        try:
            nodes = store.query(
                f"MATCH (n:{label}) RETURN n.id, n.name, n.kind, n.aliases, n.articles "
                "ORDER BY n.id"
            ).rows
            mentions = store.query(
                f"MATCH (a:Article)-[m:MENTIONS]->(n:{label}) "
                "RETURN n.id, a.id, m.merged_names, m.merge_rules ORDER BY a.id"
            ).rows
        except QueryError:
            log.debug("no %s table in the store yet", label)
            continue
        merges: dict[str, dict[tuple[str, str], MergeDecision]] = {}
        for eid, _, merged_names, merge_rules in mentions:
            for name, rule in zip(merged_names or [], merge_rules or [], strict=True):
                decision = MergeDecision(entity=str(eid), name=str(name), rule=str(rule))
                merges.setdefault(str(eid), {}).setdefault((decision.name, rule), decision)
        for eid, name, kind, aliases, articles in nodes:
            out.append(
                EntitySummary(
                    id=str(eid),
                    type=label,
                    name=str(name),
                    kind=kind,
                    aliases=list(aliases or []),
                    articles=list(articles or []),
                    merges=sorted(merges.get(str(eid), {}).values(), key=lambda d: d.name),
                )
            )
    return out
