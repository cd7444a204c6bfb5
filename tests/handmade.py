"""Hand-built extractions for the store, graph, analysis and export tests, and the stores
they fill.

Two small worlds:

- a settlement story (``SettlementStory``): a chief executive, the company, a regulator
  and a settlement between the two bodies in one article, and a second article naming the
  same role. The embedded store tests tell it with Acme (``ACME_SETTLES``), the Neo4j store
  tests with Binance (``BINANCE_SETTLES``); the two casts differ in data the tests check.
- Northwind (``first_article``, ``second_article``, ``third_article``, articles n1 to n3):
  a CEO, a settlement, an acquisition and a founder over 2022 to 2024, which
  ``small_store`` writes for the graph, analysis and export tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from graphbuild.ids import entity_id, event_id, relation_id
from graphbuild.models import (
    Amount,
    ArticleExtraction,
    ArticleHeader,
    Entity,
    Event,
    EventDate,
    Evidence,
    Mention,
    Participant,
    Relation,
)
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema
from graphbuild.stores.embedded import EmbeddedStore


def locate(sentences: Sequence[str], index: int, phrase: str) -> tuple[int, int, str]:
    """Offsets of ``phrase`` in sentence ``index`` of the article text, and that sentence."""
    text = " ".join(sentences)
    sentence = sentences[index]
    start = text.index(sentence) + sentence.index(phrase)
    end = start + len(phrase)
    assert text[start:end] == phrase
    return start, end, sentence


def mention(sentences: Sequence[str], index: int, phrase: str) -> Mention:
    start, end, sentence = locate(sentences, index, phrase)
    return Mention(start=start, end=end, text=phrase, sentence=sentence)


def evidence(sentences: Sequence[str], index: int, phrase: str, rule: str) -> Evidence:
    start, end, sentence = locate(sentences, index, phrase)
    return Evidence(start=start, end=end, text=phrase, rule=rule, sentence=sentence)


@dataclass(frozen=True)
class SettlementStory:
    """Who is in the settlement story and how its two articles word it.

    ``first`` is the first article's sentences: the person is the chief executive of the
    organization; the organization agreed to pay ``amount_text`` to the regulator in
    November 2023. ``second`` is one sentence naming the person, a comma, the role, a
    comma and the rest.
    """

    person: str
    organization: str
    organization_kind: str
    regulator: str
    regulator_kind: str
    first: tuple[str, ...]
    second: tuple[str, ...]
    title: str
    url: str
    """The first article's url; ``{article_id}`` in it is filled in."""
    person_mention: str
    """How the first article names the person."""
    aliases: tuple[str, ...]
    """The organization's aliases in the first article."""
    second_title: str
    second_aliases: tuple[str, ...]
    amount: float
    amount_text: str

    @property
    def person_id(self) -> str:
        return entity_id("Person", self.person)

    @property
    def organization_id(self) -> str:
        return entity_id("Organization", self.organization)

    @property
    def regulator_id(self) -> str:
        return entity_id("Regulator", self.regulator)

    @property
    def role(self) -> str:
        return relation_id(self.person_id, "ROLE_AT", self.organization_id, ["CEO"])

    def first_article(
        self,
        article_id: str = "a1",
        settlement_date: str = "2023-11",
        amount: float | None = None,
    ) -> ArticleExtraction:
        """The CEO, the company, the regulator, and a settlement between the two bodies.

        ``settlement_date`` and ``amount`` change the settlement's values (not its text).
        """
        s = self.first
        person, organization, regulator = self.person_id, self.organization_id, self.regulator_id
        value = self.amount if amount is None else amount
        return ArticleExtraction(
            article=ArticleHeader(
                id=article_id,
                title=self.title,
                url=self.url.format(article_id=article_id),
                published="2023-11-21",
                source="Example News",
                meta={"section": "markets"},
            ),
            entities=[
                Entity(
                    id=person,
                    type="Person",
                    name=self.person,
                    mentions=[mention(s, 0, self.person_mention)],
                ),
                Entity(
                    id=organization,
                    type="Organization",
                    name=self.organization,
                    kind=self.organization_kind,
                    aliases=list(self.aliases),
                    mentions=[mention(s, 0, self.organization), mention(s, 1, self.organization)],
                ),
                Entity(
                    id=regulator,
                    type="Regulator",
                    name=self.regulator,
                    kind=self.regulator_kind,
                    mentions=[mention(s, 1, self.regulator)],
                ),
            ],
            relations=[
                Relation(
                    id=self.role,
                    subject=person,
                    predicate="ROLE_AT",
                    object=organization,
                    properties={"role": "CEO"},
                    confidence=0.8,
                    evidence=[evidence(s, 0, s[0][:-1], "role_copula")],
                )
            ],
            events=[
                Event(
                    id=event_id(
                        "Settlement",
                        [("defendant", organization), ("authority", regulator)],
                        (value, "USD"),
                    ),
                    type="Settlement",
                    participants=[
                        Participant(entity=organization, role="defendant"),
                        Participant(entity=regulator, role="authority"),
                    ],
                    amount=Amount(value=value, currency="USD", text=self.amount_text),
                    date=EventDate(value=settlement_date, precision="month", text="November 2023"),
                    status="agreed",
                    confidence=0.7,
                    evidence=[evidence(s, 1, s[1][:-1], "settlement_pay")],
                )
            ],
        )

    def second_article(self) -> ArticleExtraction:
        """Another article (a2) naming the same CEO, company and role."""
        s = self.second
        person, organization = self.person_id, self.organization_id
        return ArticleExtraction(
            article=ArticleHeader(id="a2", title=self.second_title),
            entities=[
                Entity(
                    id=person,
                    type="Person",
                    name=self.person,
                    mentions=[mention(s, 0, self.person)],
                ),
                Entity(
                    id=organization,
                    type="Organization",
                    name=self.organization,
                    kind=self.organization_kind,
                    aliases=list(self.second_aliases),
                    mentions=[mention(s, 0, self.organization)],
                ),
            ],
            relations=[
                Relation(
                    id=self.role,
                    subject=person,
                    predicate="ROLE_AT",
                    object=organization,
                    properties={"role": "CEO"},
                    confidence=0.9,
                    # The person and the apposition, up to the comma that closes it.
                    evidence=[evidence(s, 0, s[0][: s[0].rindex(", ")], "role_appos")],
                )
            ],
        )


ACME_SETTLES = SettlementStory(
    person="Jane Roe",
    organization="Acme Corp",
    organization_kind="company",
    regulator="Securities Commission",
    regulator_kind="agency",
    first=(
        "Jane Roe is the chief executive of Acme Corp.",
        "Acme Corp agreed to pay $5 million to the Securities Commission in November 2023.",
    ),
    second=("Jane Roe, the chief executive of Acme Corp, declined to comment.",),
    title="Acme settles",
    url="https://news.example/{article_id}",
    person_mention="Jane Roe",
    aliases=("Acme",),
    second_title="No comment",
    second_aliases=(),
    amount=5_000_000,
    amount_text="$5 million",
)

BINANCE_SETTLES = SettlementStory(
    person="Richard Teng",
    organization="Binance",
    organization_kind="exchange",
    regulator="Justice Department",
    regulator_kind="prosecutor",
    first=(
        "Richard Teng is the chief executive of Binance.",
        "Binance agreed to pay $4.3 billion to the Justice Department in November 2023.",
    ),
    second=("Richard Teng, the chief executive of Binance, spoke at a conference.",),
    title="Binance settles",
    url="https://news.example/binance",
    person_mention="Teng",
    aliases=("Binance Holdings",),
    second_title="A conference",
    second_aliases=("Binance.com",),
    amount=4.3e9,
    amount_text="$4.3 billion",
)


# Northwind: articles n1 to n3.

MARA = entity_id("Person", "Mara Quill")
TEO = entity_id("Person", "Teo Brandt")
NORTHWIND = entity_id("Organization", "Northwind Bank")
LUMEN = entity_id("Organization", "Lumen Capital")
HARBOR = entity_id("Regulator", "Harbor Authority")

ROLE = relation_id(MARA, "ROLE_AT", NORTHWIND, ["CEO"])
ACQUIRED = relation_id(LUMEN, "ACQUIRED", NORTHWIND)
FOUNDED = relation_id(TEO, "FOUNDED", LUMEN)
SETTLEMENT = event_id("Settlement", [("defendant", NORTHWIND), ("authority", HARBOR)], (2e6, "USD"))
ACQUISITION = event_id("Acquisition", [("acquirer", LUMEN), ("target", NORTHWIND)], (9e7, "USD"))

FIRST = (
    "Mara Quill is the chief executive of Northwind Bank.",
    "Northwind Bank agreed to pay $2 million to the Harbor Authority in March 2022.",
)
SECOND = (
    "Lumen Capital bought Northwind Bank for $90 million in June 2024.",
    "Teo Brandt founded Lumen Capital.",
)
THIRD = ("Northwind Bank now trades under the Lumen Capital name.",)

NAMES = {
    MARA: ("Person", "Mara Quill"),
    TEO: ("Person", "Teo Brandt"),
    NORTHWIND: ("Organization", "Northwind Bank"),
    LUMEN: ("Organization", "Lumen Capital"),
    HARBOR: ("Regulator", "Harbor Authority"),
}


def _entity(key: str, sentences: Sequence[str], *phrases: tuple[int, str]) -> Entity:
    entity_type, name = NAMES[key]
    mentions = [mention(sentences, index, phrase) for index, phrase in phrases]
    return Entity(id=key, type=entity_type, name=name, mentions=mentions)


def _evidence(sentences: Sequence[str], index: int, rule: str) -> list[Evidence]:
    """The whole sentence ``index``, without its full stop, as the evidence."""
    return [evidence(sentences, index, sentences[index].rstrip("."), rule)]


def first_article() -> ArticleExtraction:
    """2022: Mara Quill is CEO of Northwind Bank, which settles with the Harbor Authority."""
    s = FIRST
    return ArticleExtraction(
        article=ArticleHeader(id="n1", title="Northwind settles", published="2022-03-10"),
        entities=[
            _entity(MARA, s, (0, "Mara Quill")),
            _entity(NORTHWIND, s, (0, "Northwind Bank"), (1, "Northwind Bank")),
            _entity(HARBOR, s, (1, "Harbor Authority")),
        ],
        relations=[
            Relation(
                id=ROLE,
                subject=MARA,
                predicate="ROLE_AT",
                object=NORTHWIND,
                properties={"role": "CEO"},
                confidence=0.85,
                evidence=_evidence(s, 0, "role/of"),
            )
        ],
        events=[
            Event(
                id=SETTLEMENT,
                type="Settlement",
                participants=[
                    Participant(entity=NORTHWIND, role="defendant"),
                    Participant(entity=HARBOR, role="authority"),
                ],
                amount=Amount(value=2e6, currency="USD", text="$2 million"),
                date=EventDate(value="2022-03", precision="month", text="March 2022"),
                status="agreed",
                confidence=0.8,
                evidence=_evidence(s, 1, "settlement/pay"),
            )
        ],
    )


def second_article() -> ArticleExtraction:
    """2024: Lumen Capital, founded by Teo Brandt, buys Northwind Bank."""
    s = SECOND
    return ArticleExtraction(
        article=ArticleHeader(id="n2", title="Lumen buys Northwind", published="2024-06-02"),
        entities=[
            _entity(LUMEN, s, (0, "Lumen Capital"), (1, "Lumen Capital")),
            _entity(NORTHWIND, s, (0, "Northwind Bank")),
            _entity(TEO, s, (1, "Teo Brandt")),
        ],
        relations=[
            Relation(
                id=ACQUIRED,
                subject=LUMEN,
                predicate="ACQUIRED",
                object=NORTHWIND,
                properties={"amount": 9e7, "currency": "USD"},
                confidence=0.8,
                evidence=_evidence(s, 0, "frame/buy"),
            ),
            Relation(
                id=FOUNDED,
                subject=TEO,
                predicate="FOUNDED",
                object=LUMEN,
                confidence=0.8,
                evidence=_evidence(s, 1, "frame/found"),
            ),
        ],
        events=[
            Event(
                id=ACQUISITION,
                type="Acquisition",
                participants=[
                    Participant(entity=LUMEN, role="acquirer"),
                    Participant(entity=NORTHWIND, role="target"),
                ],
                amount=Amount(value=9e7, currency="USD", text="$90 million"),
                date=EventDate(value="2024-06", precision="month", text="June 2024"),
                status="completed",
                confidence=0.8,
                evidence=_evidence(s, 0, "acquisition/buy"),
            )
        ],
    )


def third_article() -> ArticleExtraction:
    """A later article naming both firms, with no facts."""
    s = THIRD
    return ArticleExtraction(
        article=ArticleHeader(id="n3", title="New name", published="2024-07-15"),
        entities=[
            _entity(NORTHWIND, s, (0, "Northwind Bank")),
            _entity(LUMEN, s, (0, "Lumen Capital")),
        ],
    )


def small_store(data_dir: Path, schema: Schema) -> EmbeddedStore:
    """A store holding the three Northwind articles."""
    store = EmbeddedStore.open(data_dir, schema)
    for extraction in (first_article(), second_article(), third_article()):
        store.write(extraction)
    return store


def seed_store(data_dir: Path, pipeline: Pipeline, seed_dir: Path) -> EmbeddedStore:
    """A store holding what the real pipeline reads from ``seeds/articles``."""
    store = EmbeddedStore.open(data_dir, pipeline.schema)
    report = pipeline.ingest([seed_dir], store)
    assert not report.failures
    return store
