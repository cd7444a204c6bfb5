"""The extractor: articles in, candidate facts out, with no spaCy object escaping."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.extract.careers import extract_careers, successor_roles, without_ended_roles
from graphbuild.extract.events import (
    charges_settled,
    extract_settlements,
    fines_within_settlements,
    one_settlement_per_defendant,
    settled_with,
    settlements_with_their_accusers,
)
from graphbuild.extract.frames import extract_frames
from graphbuild.extract.mentions import build_entities, find_mentions
from graphbuild.extract.relations import (
    RoleReader,
    extract_counsel,
    extract_places,
    extract_roles,
    founder_roles,
    units_by_name,
    without_bare_heads,
)
from graphbuild.extract.values import PUBLISHED
from graphbuild.gazetteers import Gazetteer
from graphbuild.models import Article, ArticleExtraction, Relation
from graphbuild.nlp.pipeline import build_nlp
from graphbuild.schema import Schema

# Articles parsed together by spaCy; larger batches use more memory for little gain.
BATCH_SIZE = 32


def merge_relations(relations: list[Relation]) -> list[Relation]:
    """One relation per id: evidence joined, properties filled in, the highest confidence kept.

    Two rules may read the same fact ("Teng took over as CEO" after "Binance CEO
    Richard Teng"); the article states it once, with all its evidence.
    """
    merged: dict[str, Relation] = {}
    for relation in relations:
        seen = merged.get(relation.id)
        if seen is None:
            merged[relation.id] = relation
            continue
        properties = dict(seen.properties)
        for key, value in relation.properties.items():
            if properties.get(key) is None:
                properties[key] = value
        evidence = list(seen.evidence)
        evidence += [
            e
            for e in relation.evidence
            if (e.start, e.end, e.rule) not in {(x.start, x.end, x.rule) for x in seen.evidence}
        ]
        merged[relation.id] = seen.model_copy(
            update={
                "properties": properties,
                "evidence": evidence,
                "confidence": max(seen.confidence, relation.confidence),
            }
        )
    return list(merged.values())


class Extractor:
    """Reads entities, relations and events from articles with one spaCy pipeline.

    Its output is *candidate* facts: :func:`graphbuild.validate.validate` checks
    them against the schema.
    """

    def __init__(self, nlp: Language, schema: Schema, gazetteer: Gazetteer) -> None:
        self._nlp = nlp
        self._schema = schema
        self._gazetteer = gazetteer
        self._roles = RoleReader(nlp, gazetteer.titles)

    @classmethod
    def load(cls, model: str | None, schema: Schema, gazetteer: Gazetteer) -> Extractor:
        """Load the spaCy pipeline ``model`` (or the default) with the gazetteer ruler."""
        return cls(build_nlp(model, gazetteer), schema, gazetteer)

    @property
    def model_name(self) -> str:
        meta = self._nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"

    def _facts(self, article: Article, doc: Doc) -> ArticleExtraction:
        doc.user_data[PUBLISHED] = article.published
        mentions = find_mentions(doc, self._schema, self._gazetteer)
        ents = build_entities(mentions)
        roles = extract_roles(doc, ents, self._roles, self._gazetteer)
        career_events, dated_roles = extract_careers(doc, ents, self._roles, roles)
        frame_relations, frame_events = extract_frames(doc, ents)
        relations = merge_relations(
            roles
            + dated_roles
            + frame_relations
            + founder_roles(frame_relations, roles, ents)
            + extract_counsel(doc, ents, self._roles)
            + extract_places(doc, ents)
            + units_by_name(doc, ents)
        )
        events = fines_within_settlements(
            one_settlement_per_defendant(
                extract_settlements(doc, ents, article.id) + career_events + frame_events
            )
        )
        settled_charges, charged = charges_settled(doc, ents, events)
        events = settlements_with_their_accusers(events + settled_charges, ents.types)
        relations = without_bare_heads(
            without_ended_roles(
                merge_relations(
                    relations
                    + successor_roles(career_events, relations, article.published)
                    + settled_with(events)
                    + charged
                )
            )
        )
        return ArticleExtraction(
            article=article.header(), entities=ents.entities, relations=relations, events=events
        )

    def extract(self, article: Article) -> ArticleExtraction:
        """Candidate facts of one article."""
        return self._facts(article, self._nlp(article.text))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
        """Candidate facts of many articles, parsed in batches, in input order."""
        pairs = self._nlp.pipe(
            ((a.text, a) for a in articles), as_tuples=True, batch_size=BATCH_SIZE
        )
        for doc, article in pairs:
            yield self._facts(article, doc)
