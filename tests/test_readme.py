"""The README's example queries answer on the store that `./dev demo` builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graphbuild.config import PROJECT_ROOT
from graphbuild.pipeline import Pipeline
from graphbuild.stores.embedded import EmbeddedStore

README = PROJECT_ROOT / "README.md"
QUERIES = re.findall(r"```cypher\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def seed_store(
    pipeline: Pipeline, seed_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    data_dir = tmp_path_factory.mktemp("readme") / "graphbuild-data"
    with EmbeddedStore.open(data_dir, pipeline.schema) as store:
        report = pipeline.ingest([seed_dir], store)
    assert report.ok, report.failures
    return data_dir


def test_readme_has_example_queries() -> None:
    assert len(QUERIES) >= 4


@pytest.mark.parametrize("cypher", QUERIES, ids=[q.split("\n")[0][:40] for q in QUERIES])
def test_readme_query_answers(pipeline: Pipeline, seed_store: Path, cypher: str) -> None:
    with EmbeddedStore.open(seed_store, pipeline.schema, read_only=True) as store:
        result = store.query(cypher)
    assert result.rows, f"no rows for:\n{cypher}"


def test_roles_query_gives_the_demo_table(pipeline: Pipeline, seed_store: Path) -> None:
    with EmbeddedStore.open(seed_store, pipeline.schema, read_only=True) as store:
        result = store.query(QUERIES[0])
    assert ["Changpeng Zhao", "co-founder", "Binance"] in result.rows
    assert ["Richard Teng", "CEO", "Binance"] in result.rows


def test_settlement_query_gives_the_amount(pipeline: Pipeline, seed_store: Path) -> None:
    with EmbeddedStore.open(seed_store, pipeline.schema, read_only=True) as store:
        result = store.query(QUERIES[1])
    assert result.records() == [
        {"defendant": "Binance", "amount": 4.3e9, "currency": "USD", "qualifier": "over"}
    ]
