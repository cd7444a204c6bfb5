"""Shared fixtures: settings, schema, and the spaCy pipeline loaded once per test session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bolt_server import bolt_server, neo4j_env
from handmade import seed_store, small_store

from graphbuild.config import PROJECT_ROOT, Settings
from graphbuild.extract.extractor import Extractor
from graphbuild.models import Article, ArticleExtraction
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema, load_schema
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.validate import validate

# The Bolt server fixtures, shared by every test module that needs them.
__all__ = ["bolt_server", "neo4j_env"]

SEED_DIR = PROJECT_ROOT / "seeds" / "articles"
SEED_ARTICLE = SEED_DIR / "binance-monitorship.json"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def schema(settings: Settings) -> Schema:
    return load_schema(settings.ontology_path)


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    """The real spaCy pipeline with graphbuild's gazetteer ruler; loading takes a few seconds."""
    return Pipeline.load(settings)


@pytest.fixture(scope="session")
def extractor(pipeline: Pipeline) -> Extractor:
    return pipeline.extractor


@pytest.fixture(scope="session")
def extract_text(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    """Validated facts of a text, as ``extract`` would give them."""

    def run(text: str, article_id: str = "test", published: str | None = None) -> ArticleExtraction:
        article = Article(id=article_id, text=text, published=published)
        return validate(pipeline.extractor.extract(article), pipeline.schema)

    return run


@pytest.fixture(scope="session")
def seed_article() -> Article:
    raw = json.loads(SEED_ARTICLE.read_text(encoding="utf-8"))
    return Article(id=raw["id"], text=raw["text"].strip(), title=raw["title"])


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The folder of seed articles that the quick start ingests."""
    return SEED_DIR


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "graphbuild-data"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory, schema: Schema) -> Iterator[EmbeddedStore]:
    """The hand-built Northwind store of tests/handmade.py, one per test module."""
    store = small_store(tmp_path_factory.mktemp("small"), schema)
    yield store
    store.close()


@pytest.fixture(scope="module")
def seeded(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, seed_dir: Path
) -> Iterator[EmbeddedStore]:
    """A store with the seed article ingested by the real pipeline, one per test module."""
    store = seed_store(tmp_path_factory.mktemp("seed"), pipeline, seed_dir)
    yield store
    store.close()
