"""Entity resolution across articles: layered rules, stable ids, the merge file.

Rule tests build small extractions by hand; the end-to-end tests run the real
spaCy pipeline (``pipeline`` fixture) into a real LadybugDB store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graphbuild.ids import entity_id
from graphbuild.models import (
    Article,
    ArticleExtraction,
    ArticleHeader,
    Entity,
    Mention,
    RejectReason,
)
from graphbuild.pipeline import Pipeline
from graphbuild.resolve import (
    EntitySummary,
    MergeFile,
    Resolver,
    initials,
    list_entities,
    load_merge_file,
    strip_country_prefix,
    strip_legal_suffixes,
)
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.validate import validate


def article(article_id: str, *entities: tuple[str, str]) -> ArticleExtraction:
    """An extraction naming each (type, name) once."""
    records = []
    offset = 0
    for entity_type, name in entities:
        mention = Mention(start=offset, end=offset + len(name), text=name, sentence=name)
        offset += len(name) + 1
        records.append(
            Entity(id=entity_id(entity_type, name), type=entity_type, name=name, mentions=[mention])
        )
    return ArticleExtraction(article=ArticleHeader(id=article_id), entities=records)


def resolver(pipeline: Pipeline, merges: MergeFile | None = None) -> Resolver:
    return Resolver.build(pipeline.schema, pipeline.gazetteer, pipeline.aliases, merges)


def ids(resolver: Resolver, extraction: ArticleExtraction) -> dict[str, str]:
    """Resolve an article and remember it; the id each of its names ended up with."""
    resolution = resolver.resolve(extraction)
    resolver.remember(resolution.extraction)
    out = {}
    for entity in resolution.extraction.entities:
        for name in [entity.name, *entity.aliases]:
            out[name] = entity.id
    return out


def test_name_rules() -> None:
    assert strip_legal_suffixes("Binance Holdings Ltd.") == "Binance Holdings"
    # "Holdings" is no legal form: news calls the company "Capri Holdings".
    assert strip_legal_suffixes("Capri Holdings") == "Capri Holdings"
    assert strip_legal_suffixes("Acme Widgets, Inc.") == "Acme Widgets"
    assert strip_legal_suffixes("Binance.com") == "Binance"
    assert strip_legal_suffixes("Ltd") == "Ltd"
    assert strip_country_prefix("U.S. Commodity Futures Trading Commission") == (
        "Commodity Futures Trading Commission"
    )
    court = "U.S. District Court for the District of Oregon"
    assert strip_country_prefix(court) == court
    assert initials("Securities and Exchange Commission") == "SEC"


def test_layers_and_their_reasons(pipeline: Pipeline) -> None:
    r = resolver(pipeline)
    resolution = r.resolve(
        article(
            "a1",
            ("Organization", "Binance Holdings Ltd."),
            ("Organization", "Binance.com"),
            ("Organization", "Coinbase Global, Inc."),
            ("Organization", "Acme Widgets Inc."),
            ("Regulator", "Virtual Assets Supervisory Office"),
            ("Regulator", "VASO"),
            ("Regulator", "the Securities and Exchange Commission"),
            ("Government", "U.S."),
        )
    )
    entities = {e.id: e for e in resolution.extraction.entities}
    assert set(entities) == {
        "organization:binance",
        "organization:coinbase",
        "organization:acme-widgets",
        "regulator:virtual-assets-supervisory-office",
        "regulator:us-securities-and-exchange-commission",
        "government:united-states",
    }
    assert entities["organization:binance"].aliases == ["Binance Holdings Ltd.", "Binance.com"]
    assert len(entities["organization:binance"].mentions) == 2
    rules = {d.name: d.rule for d in resolution.merges}
    assert rules == {
        # seeds/aliases.yaml lists this form; a form it does not list goes through the rules.
        "Binance Holdings Ltd.": "alias_table",
        "Binance.com": "alias_table",
        "Coinbase Global, Inc.": "legal_suffix+gazetteer",
        "Acme Widgets Inc.": "legal_suffix",
        "VASO": "acronym",
        "the Securities and Exchange Commission": "alias_table",
        "U.S.": "alias_table",
    }


def test_a_misspelt_name_joins_but_a_name_with_another_word_does_not(
    pipeline: Pipeline,
) -> None:
    r = resolver(pipeline)
    sdny = "U.S. District Court for the Southern District of New York"  # in the gazetteer
    found = ids(
        r,
        article(
            "a1",
            ("Regulator", "U.S. District Court for the Eastern District of New York"),
            ("Regulator", "U.S. District Court for the Southern Distrct of New York"),
        ),
    )
    known = entity_id("Regulator", sdny)
    assert found["U.S. District Court for the Eastern District of New York"] != known
    assert found["U.S. District Court for the Southern Distrct of New York"] == known


def test_known_entities_keep_their_ids(pipeline: Pipeline) -> None:
    r = resolver(pipeline)
    first = ids(
        r, article("a1", ("Organization", "Acme Widgets"), ("Organization", "Terraform Lab"))
    )
    assert first["Acme Widgets"] == "organization:acme-widgets"
    assert first["Terraform Lab"] == "organization:terraform-labs"
    later = ids(
        r,
        article(
            "a2",
            ("Organization", "ACME WIDGETS LLC"),
            ("Organization", "Acme Widget"),
        ),
    )
    # Fuzzy and suffix rules map onto the known entity; never across types.
    assert later["Acme Widgets"] == "organization:acme-widgets"
    assert later["ACME WIDGETS LLC"] == "organization:acme-widgets"
    assert later["Acme Widget"] == "organization:acme-widgets"
    resolution = r.resolve(article("a3", ("Person", "Acme Widgets")))
    assert [e.id for e in resolution.extraction.entities] == ["person:acme-widgets"]


def test_people_sharing_a_surname_stay_apart(pipeline: Pipeline) -> None:
    r = resolver(pipeline)
    ids(r, article("a1", ("Person", "Changpeng Zhao")))
    second = ids(r, article("a2", ("Person", "Wei Zhao"), ("Person", "Zhao"), ("Person", "CZ")))
    assert second == {
        "Wei Zhao": "person:wei-zhao",
        # A surname alone, in an article that does not name the full person, stays alone.
        "Zhao": "person:zhao",
        "CZ": "person:changpeng-zhao",
        "Changpeng Zhao": "person:changpeng-zhao",
    }
    # A close spelling of the same person joins him; another first initial does not.
    third = ids(r, article("a3", ("Person", "Changpen Zhao"), ("Person", "Hangpeng Zhao")))
    assert third["Changpen Zhao"] == "person:changpeng-zhao"
    assert third["Hangpeng Zhao"] == "person:hangpeng-zhao"


def test_merge_file_forces_merges_and_splits(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "merges.yaml"
    path.write_text(
        "merge:\n"
        "  - {type: Person, into: Sam Bankman-Fried, names: [Bankman-Fried's lawyer SBF]}\n"
        "split:\n"
        "  - {type: Organization, names: [Acme Widgets Inc.]}\n",
        encoding="utf-8",
    )
    r = resolver(pipeline, load_merge_file(path, pipeline.schema))
    resolution = r.resolve(
        article(
            "a1",
            ("Organization", "Acme Widgets"),
            ("Organization", "Acme Widgets Inc."),
            ("Person", "Bankman-Fried's lawyer SBF"),
        )
    )
    assert sorted(e.id for e in resolution.extraction.entities) == [
        "organization:acme-widgets",
        "organization:acme-widgets-inc",
        "person:sam-bankman-fried",
    ]
    assert [(d.name, d.rule) for d in resolution.merges] == [
        ("Bankman-Fried's lawyer SBF", "merge_file")
    ]
    assert load_merge_file(tmp_path / "missing.yaml", pipeline.schema) == MergeFile()


def test_relations_onto_one_entity_are_rejected_with_a_reason(
    pipeline: Pipeline, extract_text: Callable[[str], ArticleExtraction]
) -> None:
    extraction = extract_text("Binance CEO Richard Teng spoke in Dubai.")
    teng = next(e for e in extraction.entities if e.name == "Richard Teng")
    binance = next(e for e in extraction.entities if e.name == "Binance")
    merges = MergeFile.model_validate(
        {"merge": [{"type": "Person", "into": "Richard Teng", "names": ["Richard Teng"]}]}
    )
    # Forcing the CEO onto the company's id would make ROLE_AT a loop: it is refused, not lost.
    looped = extraction.model_copy(
        update={
            "entities": [e for e in extraction.entities if e.id != teng.id],
            "relations": [
                rel.model_copy(update={"subject": binance.id})
                for rel in extraction.relations
                if rel.predicate == "ROLE_AT"
            ],
        }
    )
    resolution = resolver(pipeline, merges).resolve(looped)
    assert resolution.extraction.relations == []
    assert [r.reason for r in resolution.extraction.rejected] == [RejectReason.SELF_RELATION]


@pytest.fixture
def store(tmp_path: Path, pipeline: Pipeline) -> Iterator[EmbeddedStore]:
    with EmbeddedStore.open(tmp_path / "data", pipeline.schema) as opened:
        yield opened


ISSUE_ARTICLES = [
    {
        "id": "doj",
        "published": "2023-11-21",
        "text": "Binance Holdings Ltd. agreed to pay $4.3 billion to settle with the U.S. "
        "Department of Justice. Binance founder Changpeng Zhao stepped down. Zhao pleaded guilty.",
    },
    {
        "id": "cz",
        "published": "2023-11-22",
        "text": "Binance said CZ would stay a shareholder. The United States called it a warning.",
    },
    {
        "id": "sec",
        "published": "2023-06-05",
        "text": "The U.S. Securities and Exchange Commission sued Binance.com in June 2023. "
        "The SEC also sued Changpeng Zhao. U.S. officials said more could follow.",
    },
    {
        "id": "genesis-sec",
        "published": "2023-01-12",
        "text": "The Securities and Exchange Commission charged Genesis Global Capital LLC and "
        "Gemini in January 2023.",
    },
    {
        "id": "genesis",
        "published": "2023-01-13",
        "text": "Genesis Global Capital said it would fight the charges.",
    },
    {
        "id": "other-zhao",
        "published": "2020-11-02",
        "text": "Crypto trader Zhao Dong was detained in China in 2020.",
    },
]


def by_name(entities: list[EntitySummary]) -> dict[tuple[str, str], EntitySummary]:
    return {(e.type, e.name): e for e in entities}


def ingest_issue_articles(
    pipeline: Pipeline, store: EmbeddedStore, folder: Path, merges: Path
) -> None:
    folder.mkdir(exist_ok=True)
    for item in ISSUE_ARTICLES:
        (folder / f"{item['id']}.json").write_text(json.dumps(item), encoding="utf-8")
    report = pipeline.ingest([folder], store, merge_file=merges)
    assert report.ok, report.failures


def test_issue_aliases_resolve_across_articles(
    pipeline: Pipeline, store: EmbeddedStore, tmp_path: Path
) -> None:
    ingest_issue_articles(pipeline, store, tmp_path / "in", tmp_path / "merges.yaml")
    entities = by_name(list_entities(store, pipeline.schema))

    binance = entities[("Organization", "Binance")]
    assert binance.id == "organization:binance"
    assert sorted(binance.articles) == ["cz", "doj", "sec"]
    assert {(m.name, m.rule) for m in binance.merges} >= {
        ("Binance Holdings", "alias_table"),
        ("Binance.com", "alias_table"),
    }
    zhao = entities[("Person", "Changpeng Zhao")]
    assert sorted(zhao.articles) == ["cz", "doj", "sec"]
    assert {(m.name, m.rule) for m in zhao.merges} >= {
        ("CZ", "alias_table"),
        ("Zhao", "surname_in_article"),
    }
    assert entities[("Person", "Zhao Dong")].articles == ["other-zhao"]
    sec = entities[("Regulator", "U.S. Securities and Exchange Commission")]
    assert sorted(sec.articles) == ["genesis-sec", "sec"]
    assert {"SEC", "Securities and Exchange Commission"} <= set(sec.aliases)
    us = entities[("Government", "United States")]
    assert sorted(us.articles) == ["cz", "sec"]
    genesis = entities[("Organization", "Genesis Global Capital")]
    assert sorted(genesis.articles) == ["genesis", "genesis-sec"]
    assert [(m.name, m.rule) for m in genesis.merges] == [
        ("Genesis Global Capital LLC", "legal_suffix")
    ]
    # One node per real-world entity.
    people = sorted(name for (kind, name) in entities if kind == "Person")
    assert people == ["Changpeng Zhao", "Zhao Dong"]
    assert store.stats()["nodes"]["Regulator"] == 2
    assert store.stats()["nodes"]["Government"] == 2


def test_merge_file_is_honoured_on_the_next_ingest(
    pipeline: Pipeline, store: EmbeddedStore, tmp_path: Path
) -> None:
    merges = tmp_path / "merges.yaml"
    ingest_issue_articles(pipeline, store, tmp_path / "in", merges)
    before = by_name(list_entities(store, pipeline.schema))
    assert ("Organization", "Genesis Global Capital LLC") not in before

    merges.write_text(
        "split:\n  - {type: Organization, names: [Genesis Global Capital LLC]}\n",
        encoding="utf-8",
    )
    ingest_issue_articles(pipeline, store, tmp_path / "in", merges)
    entities = by_name(list_entities(store, pipeline.schema, "Organization"))
    assert entities[("Organization", "Genesis Global Capital LLC")].articles == ["genesis-sec"]
    assert entities[("Organization", "Genesis Global Capital")].articles == ["genesis"]
    assert all(e.type == "Organization" for e in entities.values())


def test_companies_told_apart_by_their_legal_form_keep_it(pipeline: Pipeline) -> None:
    r = resolver(pipeline)
    names = ids(
        r,
        article(
            "a1",
            ("Organization", "Intellexa S.A."),
            ("Organization", "Intellexa Limited"),
            ("Organization", "Cytrox AD"),
            ("Organization", "Cytrox Holdings"),
            ("Organization", "Binance Holdings Ltd."),
        ),
    )
    assert len({names["Intellexa S.A."], names["Intellexa Limited"]}) == 2
    assert names["Cytrox Holdings"] == entity_id("Organization", "Cytrox Holdings")
    # A legal form no other company of the article shares still goes.
    assert names["Binance Holdings Ltd."] == entity_id("Organization", "Binance")


def test_a_company_takes_the_short_form_its_article_uses(pipeline: Pipeline) -> None:
    long = article("a1", ("Organization", "Westpac Banking Corp"))
    long.entities[0].aliases.append("Westpac")
    resolution = resolver(pipeline).resolve(long)
    [entity] = resolution.extraction.entities
    assert entity.name == "Westpac"
    assert "Westpac Banking Corp" in entity.aliases
    assert {(d.name, d.rule) for d in resolution.merges} == {("Westpac Banking Corp", "short_form")}


def test_an_earlier_appointment_stays_apart_through_resolution(pipeline: Pipeline) -> None:
    text = (
        "Procter & Gamble said on Monday that Jon Moeller will become executive chairman on "
        "Jan. 1. Moeller, who took over from David Taylor in November 2021, is stepping back."
    )
    article = Article(id="pg", text=text, published="2025-07-29")
    extraction = validate(pipeline.extractor.extract(article), pipeline.schema)
    resolved = resolver(pipeline).resolve(extraction).extraction
    moves = [e for e in resolved.events if e.type == "Appointment"]
    assert sorted(e.date.value for e in moves if e.date) == ["2021-11", "2026-01-01"]
    assert len({e.id for e in moves}) == 2


def test_holdings_is_part_of_a_company_name(pipeline: Pipeline) -> None:
    capri = article("a1", ("Organization", "Capri Holdings"))
    capri.entities[0].aliases.append("Capri")
    [entity] = resolver(pipeline).resolve(capri).extraction.entities
    assert entity.name == "Capri Holdings"
