"""The seed article end to end through the extractor: what the README promises a user sees."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graphbuild.models import Article, ArticleExtraction, Entity
from graphbuild.validate import validate


@pytest.fixture(scope="module")
def seed(pipeline, seed_article: Article) -> ArticleExtraction:  # type: ignore[no-untyped-def]
    return validate(pipeline.extractor.extract(seed_article), pipeline.schema)


def _entity(result: ArticleExtraction, name: str) -> Entity:
    matches = [e for e in result.entities if e.name == name]
    assert len(matches) == 1, (
        f"{name!r} found {len(matches)} times in {[e.name for e in result.entities]}"
    )
    return matches[0]


@pytest.mark.parametrize(
    ("name", "entity_type"),
    [
        ("Binance", "Organization"),
        ("Richard Teng", "Person"),
        ("Changpeng Zhao", "Person"),
        ("Financial Times", "Organization"),
        ("Wall Street Journal", "Organization"),
        ("U.S. Treasury", "Regulator"),
        ("Bitcoin", "Asset"),
    ],
)
def test_seed_entities_are_typed(seed: ArticleExtraction, name: str, entity_type: str) -> None:
    assert _entity(seed, name).type == entity_type


def test_every_mention_points_at_its_text(seed: ArticleExtraction, seed_article: Article) -> None:
    for entity in seed.entities:
        assert entity.mentions, entity
        for m in entity.mentions:
            assert seed_article.text[m.start : m.end] == m.text
            assert m.text in m.sentence
            assert seed_article.text.find(m.sentence) != -1


def test_surname_joins_the_full_name(seed: ArticleExtraction) -> None:
    teng = _entity(seed, "Richard Teng")
    assert "Teng" in teng.aliases
    assert not [e for e in seed.entities if e.name == "Teng"]


def _role(seed: ArticleExtraction, person: str, org: str) -> list[str]:
    p, o = _entity(seed, person), _entity(seed, org)
    return [
        str(r.properties["role"])
        for r in seed.relations
        if r.predicate == "ROLE_AT" and r.subject == p.id and r.object == o.id
    ]


def test_roles_at_binance(seed: ArticleExtraction) -> None:
    assert _role(seed, "Richard Teng", "Binance") == ["CEO"]
    assert sorted(_role(seed, "Changpeng Zhao", "Binance")) == ["co-founder", "former CEO"]


def test_teng_is_ceo_since_november_2023(seed: ArticleExtraction) -> None:
    teng = next(r for r in seed.relations if r.properties.get("role") == "CEO")
    assert teng.properties["since"] == "2023-11"
    rules = [e.rule for e in teng.evidence]
    assert rules == ["role/title_person_coref", "career/topic/appointment"]


def test_founder_title_states_founded(seed: ArticleExtraction) -> None:
    zhao, binance = _entity(seed, "Changpeng Zhao"), _entity(seed, "Binance")
    founded = [r for r in seed.relations if r.predicate == "FOUNDED"]
    assert [(r.subject, r.object) for r in founded] == [(zhao.id, binance.id)]
    assert founded[0].evidence[0].rule == "role/title_person/founder"


def test_relation_evidence_quotes_the_article(
    seed: ArticleExtraction, seed_article: Article
) -> None:
    assert seed.relations
    for relation in seed.relations:
        assert 0 < relation.confidence <= 1
        for ev in relation.evidence:
            assert seed_article.text[ev.start : ev.end] == ev.text
            assert ev.rule.startswith(("role/", "frame/", "career/"))
    teng = next(r for r in seed.relations if r.properties.get("role") == "CEO")
    assert teng.evidence[0].text == "the exchange's CEO Richard Teng"
    assert teng.evidence[0].rule == "role/title_person_coref"


def test_settlement_with_binance_as_defendant(
    seed: ArticleExtraction, seed_article: Article
) -> None:
    binance = _entity(seed, "Binance")
    settlements = [e for e in seed.events if e.type == "Settlement"]
    assert len(settlements) == 1
    event = settlements[0]
    assert {(p.entity, p.role) for p in event.participants} >= {(binance.id, "defendant")}
    assert event.amount is not None
    assert event.amount.value == 4.3e9
    assert (event.amount.currency, event.amount.qualifier) == ("USD", "over")
    assert event.date is not None and (event.date.value, event.date.precision) == ("2023", "year")
    evidence = event.evidence[0]
    assert seed_article.text[evidence.start : evidence.end] == evidence.text
    assert "paying over $4.3 billion in penalties" in evidence.text


def test_nothing_is_rejected_silently(seed: ArticleExtraction) -> None:
    for item in seed.rejected:
        assert item.detail and item.reason


def test_extraction_is_deterministic(
    pipeline,
    seed_article: Article,
    seed: ArticleExtraction,  # type: ignore[no-untyped-def]
) -> None:
    again = validate(pipeline.extractor.extract(seed_article), pipeline.schema)
    assert again == seed


def test_same_facts_whether_parsed_alone_or_in_a_batch(
    pipeline,
    seed_article: Article,
    extract_text: Callable[[str], ArticleExtraction],  # type: ignore[no-untyped-def]
) -> None:
    other = Article(id="other", text="Coinbase CEO Brian Armstrong spoke in New York.")
    batch = list(pipeline.extractor.extract_many([other, seed_article]))
    alone = pipeline.extractor.extract(seed_article)
    assert batch[1] == alone
