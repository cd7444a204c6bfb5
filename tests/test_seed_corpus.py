"""The sample corpus in ``seeds/corpus/articles``: readable, sourced, connected once ingested."""

from __future__ import annotations

import re
from collections.abc import Iterator

import networkx as nx
import pytest

from graphbuild.config import PROJECT_ROOT
from graphbuild.graph import article_entities, load_graph
from graphbuild.models import Article
from graphbuild.pipeline import Pipeline
from graphbuild.readers import read_articles
from graphbuild.stores.embedded import EmbeddedStore

CORPUS_DIR = PROJECT_ROOT / "seeds" / "corpus" / "articles"
SOURCES = CORPUS_DIR.parent / "SOURCES.md"
CORPUS_FILES = sorted(CORPUS_DIR.glob("*.json"))

_SECTION = re.compile(r"^## (\S+)\s*$", re.MULTILINE)
_URL = re.compile(r"https?://\S+")


def _sources_by_file() -> dict[str, list[str]]:
    """The URLs SOURCES.md lists under each ``## file.json`` heading."""
    text = SOURCES.read_text(encoding="utf-8")
    headings = list(_SECTION.finditer(text))
    sections: dict[str, list[str]] = {}
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        sections[heading.group(1)] = _URL.findall(text[heading.end() : end])
    return sections


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    items = list(read_articles(CORPUS_FILES))
    errors = [item for item in items if not isinstance(item, Article)]
    assert not errors, errors
    return [item for item in items if isinstance(item, Article)]


@pytest.fixture(scope="module")
def corpus_store(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline
) -> Iterator[EmbeddedStore]:
    """The corpus ingested by the real pipeline into a fresh embedded store."""
    store = EmbeddedStore.open(tmp_path_factory.mktemp("corpus"), pipeline.schema)
    report = pipeline.ingest(CORPUS_FILES, store)
    assert not report.failures, report.failures
    yield store
    store.close()


@pytest.fixture(scope="module")
def corpus_graph(corpus_store: EmbeddedStore, pipeline: Pipeline) -> nx.MultiDiGraph:
    return load_graph(corpus_store, pipeline.schema)


def _node(g: nx.MultiDiGraph, name: str) -> str:
    found = [node for node, data in g.nodes(data=True) if data.get("name") == name]
    assert len(found) == 1, (name, found)
    return str(found[0])


def test_the_corpus_has_at_least_twenty_articles(corpus: list[Article]) -> None:
    assert len(corpus) >= 20


def test_every_brief_reads_as_a_dated_article_with_its_own_id(corpus: list[Article]) -> None:
    assert len(corpus) == len(CORPUS_FILES)
    for article in corpus:
        assert article.id.startswith("corpus-"), article.path
        assert article.title, article.id
        assert article.published is not None
        assert re.fullmatch(r"20(22|23|24|25)-\d\d-\d\d", article.published), article.id
        assert 80 <= len(article.text.split()) <= 200, article.id
    assert len({article.id for article in corpus}) == len(corpus)


def test_every_brief_is_listed_in_sources_with_a_url() -> None:
    sources = _sources_by_file()
    assert sorted(sources) == sorted(path.name for path in CORPUS_FILES)
    for name, urls in sources.items():
        assert urls, f"{name} has no source URL in {SOURCES.name}"


@pytest.mark.slow
def test_most_articles_meet_in_one_connected_component(
    corpus_store: EmbeddedStore, corpus_graph: nx.MultiDiGraph, pipeline: Pipeline
) -> None:
    # Observed: the largest component holds entities of 23 of the 28 briefs (the FTX,
    # Binance, Celsius, Terra, Genesis, SEC and U.S. bank-failure stories); the UBS and
    # Credit Suisse briefs form their own component. Three quarters is the floor.
    largest = max(nx.weakly_connected_components(corpus_graph), key=len)
    by_article = article_entities(corpus_store, pipeline.schema)
    assert len(by_article) == len(CORPUS_FILES)
    reached = [article for article, ids in by_article.items() if largest & set(ids)]
    assert len(reached) >= 3 * len(by_article) // 4, sorted(set(by_article) - set(reached))
    names = {corpus_graph.nodes[node].get("name") for node in largest}
    assert {"Sam Bankman-Fried", "Changpeng Zhao", "Alex Mashinsky", "Do Kwon"} <= names
    # Silvergate's holding company and its bank are two bodies; the component holds both.
    assert {"Gary Gensler", "Coinbase", "Silvergate Capital", "Silvergate Bank"} <= names


@pytest.mark.slow
def test_a_person_named_in_several_briefs_is_one_entity_seen_in_all_of_them(
    corpus: list[Article],
    corpus_store: EmbeddedStore,
    pipeline: Pipeline,
    corpus_graph: nx.MultiDiGraph,
) -> None:
    by_article = article_entities(corpus_store, pipeline.schema)
    for name in ["Sam Bankman-Fried", "Gary Gensler", "Damian Williams", "Alex Mashinsky"]:
        naming = {article.id for article in corpus if name in article.text}
        assert len(naming) >= 3, name
        node = _node(corpus_graph, name)
        assert {article for article, ids in by_article.items() if node in ids} == naming


@pytest.mark.slow
def test_gensler_chairs_the_sec_that_sued_coinbase_led_by_armstrong(
    corpus_graph: nx.MultiDiGraph,
) -> None:
    g = corpus_graph
    sec = _node(g, "U.S. Securities and Exchange Commission")
    coinbase = _node(g, "Coinbase")

    def roles(person: str, body: str) -> set[str]:
        edges = g.get_edge_data(_node(g, person), body, default={})
        return {data["properties"].get("role") for data in edges.values()}

    def role_in(event: str, entity: str) -> set[str]:
        return {data.get("role") for data in g.get_edge_data(event, entity, default={}).values()}

    assert "chair" in roles("Gary Gensler", sec)
    assert "CEO" in roles("Brian Armstrong", coinbase)
    # The lawsuit is an event node with role edges to both parties.
    suits = [
        event
        for event, data in g.nodes(data=True)
        if data.get("label") == "Lawsuit"
        and "plaintiff" in role_in(event, sec)
        and "defendant" in role_in(event, coinbase)
    ]
    assert suits
