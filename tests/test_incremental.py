"""Ingesting over weeks: reruns, corrections, removals, corroboration and interrupted runs.

Real spaCy pipeline (the ``pipeline`` fixture), real LadybugDB stores in
temporary directories. The articles are short sentences about public events.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graph_dump import dump

from graphbuild.config import PROJECT_ROOT
from graphbuild.pipeline import Pipeline
from graphbuild.stores.base import GraphStore
from graphbuild.stores.embedded import EmbeddedStore

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "binance-doj",
        "published": "2023-11-21",
        "text": "Binance agreed to pay $4.3 billion to settle with the U.S. Department of "
        "Justice in November 2023. Binance CEO Changpeng Zhao stepped down.",
    },
    {
        "id": "kraken-sec",
        "published": "2023-02-09",
        "text": "Kraken agreed to pay $30 million to settle with the SEC in February 2023. "
        "Kraken co-founder Jesse Powell criticised the SEC.",
    },
    {
        "id": "terraform-sec",
        "published": "2024-06-13",
        "text": "Terraform Labs agreed to pay $4.47 billion to settle with the SEC in June 2024. "
        "Terraform Labs co-founder Do Kwon was in custody in Montenegro.",
    },
    {
        "id": "blockfi-sec",
        "published": "2022-02-14",
        "text": "BlockFi agreed to pay $50 million to settle with the SEC in February 2022. "
        "BlockFi CEO Zac Prince said the firm would register a new product.",
    },
    {
        "id": "coinbase-ceo",
        "published": "2023-06-07",
        "text": "Coinbase CEO Brian Armstrong spoke in New York. "
        "The SEC sued Coinbase in June 2023.",
    },
    {
        "id": "ripple-ceo",
        "published": "2023-07-14",
        "text": "Ripple CEO Brad Garlinghouse welcomed a court ruling in July 2023.",
    },
    {
        "id": "circle-ceo",
        "published": "2023-08-08",
        "text": "Circle CEO Jeremy Allaire spoke about stablecoins in Washington.",
    },
    {
        "id": "gemini-founders",
        "published": "2023-01-12",
        "text": "Gemini co-founder Cameron Winklevoss criticised Genesis in January 2023.",
    },
    {
        "id": "bitfinex-cftc",
        "published": "2021-10-15",
        "text": "Bitfinex agreed to pay $1.5 million to settle with the CFTC in October 2021.",
    },
    {
        "id": "binance-cftc",
        "published": "2023-11-21",
        "text": "Binance agreed to pay $2.7 billion to settle with the CFTC in November 2023.",
    },
    {
        "id": "okx-doj",
        "published": "2025-02-24",
        "text": "OKX agreed to pay $504 million to settle with the U.S. Department of Justice "
        "in February 2025.",
    },
    {
        "id": "binance-doj-again",
        "published": "2023-11-22",
        "text": "Binance agreed to pay $4.3 billion to settle with the U.S. Department of Justice. "
        "Changpeng Zhao pleaded guilty.",
    },
]

# Runs an ingest in another process and says how many articles it has written.
INGEST_SCRIPT = """
import sys
from pathlib import Path

from graphbuild.config import Settings
from graphbuild.pipeline import Pipeline
from graphbuild.stores.embedded import EmbeddedStore

pipeline = Pipeline.load(Settings.from_env())
with EmbeddedStore.open(Path(sys.argv[1]), pipeline.schema) as store:
    pipeline.ingest(
        [sys.argv[2]], store, progress=lambda report: print(report.articles, flush=True)
    )
print("done", flush=True)
"""


def write_articles(folder: Path, articles: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article['id']}.json").write_text(json.dumps(article), encoding="utf-8")
    return folder


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "articles", ARTICLES)


@pytest.fixture
def no_merges(tmp_path: Path) -> Path:
    """A merge file path that does not exist, so no user decisions apply."""
    return tmp_path / "no-merges.yaml"


@pytest.fixture
def store(tmp_path: Path, pipeline: Pipeline) -> Iterator[EmbeddedStore]:
    with EmbeddedStore.open(tmp_path / "data", pipeline.schema) as opened:
        yield opened


def ingest(pipeline: Pipeline, paths: list[Path], store: GraphStore, merges: Path) -> None:
    report = pipeline.ingest(paths, store, merge_file=merges)
    assert report.ok, report.failures


def test_reingesting_a_directory_changes_nothing(
    pipeline: Pipeline, inputs: Path, store: EmbeddedStore, no_merges: Path
) -> None:
    ingest(pipeline, [inputs], store, no_merges)
    stats = store.stats()
    assert stats["nodes"]["Article"] == len(ARTICLES)
    before = dump(store, ingested_at=True)
    ingest(pipeline, [inputs], store, no_merges)
    assert store.stats() == stats
    # Unchanged articles are not rewritten: even ingested_at stays.
    assert dump(store, ingested_at=True) == before


def test_same_settlement_in_two_articles_is_one_event(
    pipeline: Pipeline, inputs: Path, store: EmbeddedStore, no_merges: Path
) -> None:
    ingest(pipeline, [inputs], store, no_merges)
    rows = store.query(
        "MATCH (s:Settlement)-[:PARTICIPANT {role: 'defendant'}]->(:Organization {name: $name}) "
        "RETURN s.amount, s.support, list_sort(s.articles), s.first_seen, s.last_seen "
        "ORDER BY s.amount",
        {"name": "Binance"},
    ).rows
    assert rows == [
        [2.7e9, 1, ["binance-cftc"], "2023-11-21", "2023-11-21"],
        [4.3e9, 2, ["binance-doj", "binance-doj-again"], "2023-11-21", "2023-11-22"],
    ]
    sentences = store.query(
        "MATCH (s:Settlement {amount: 4.3e9})-[:REPORTED_IN]->(a:Article) "
        "RETURN a.id, s.evidence_articles, s.sentences ORDER BY a.id"
    ).rows
    assert [row[0] for row in sentences] == ["binance-doj", "binance-doj-again"]
    assert len(sentences[0][2]) == 2


def test_corrected_article_replaces_its_facts(
    pipeline: Pipeline, inputs: Path, store: EmbeddedStore, no_merges: Path, tmp_path: Path
) -> None:
    ingest(pipeline, [inputs], store, no_merges)
    assert "Jesse Powell" in {row[0] for row in store.query("MATCH (p:Person) RETURN p.name").rows}

    # Same id, new text: the correction drops Jesse Powell and changes the amount.
    corrected = dict(ARTICLES[1], text="Kraken agreed to pay $31 million to settle with the SEC.")
    ingest(pipeline, [write_articles(tmp_path / "fix", [corrected])], store, no_merges)

    people = {row[0] for row in store.query("MATCH (p:Person) RETURN p.name").rows}
    assert "Jesse Powell" not in people
    amounts = store.query(
        "MATCH (s:Settlement)-[:PARTICIPANT]->(:Organization {name: 'Kraken'}) RETURN s.amount"
    ).rows
    assert amounts == [[31_000_000.0]]
    assert store.stats()["nodes"]["Article"] == len(ARTICLES)

    # The same graph as ingesting the corrected folder from scratch.
    folder = write_articles(tmp_path / "all-fixed", [corrected, *ARTICLES[:1], *ARTICLES[2:]])
    with EmbeddedStore.open(tmp_path / "fresh", pipeline.schema) as fresh:
        ingest(pipeline, [folder], fresh, no_merges)
        assert fresh.stats() == store.stats()


def test_remove_leaves_no_orphans(
    pipeline: Pipeline, inputs: Path, store: EmbeddedStore, no_merges: Path, tmp_path: Path
) -> None:
    ingest(pipeline, [inputs], store, no_merges)
    assert store.remove_article("binance-doj") is True

    # Zhao's role came only from the removed article; Zhao himself is still named by another.
    assert store.query("MATCH (:Person)-[r:ROLE_AT]->(:Organization {name: 'Binance'}) RETURN r")
    settlement = store.query("MATCH (s:Settlement {amount: 4.3e9}) RETURN s.articles, s.support")
    assert settlement.rows == [[["binance-doj-again"], 1]]
    orphans = store.query(
        "MATCH (n) WHERE size(n.articles) = 0 OR list_contains(n.articles, 'binance-doj') "
        "RETURN n.id"
    ).rows
    assert orphans == []
    unreported = store.query(
        "MATCH (s:Settlement) WHERE NOT EXISTS { MATCH (s)-[:REPORTED_IN]->() } RETURN s.id"
    ).rows
    assert unreported == []

    folder = write_articles(tmp_path / "without", [a for a in ARTICLES if a["id"] != "binance-doj"])
    with EmbeddedStore.open(tmp_path / "fresh", pipeline.schema) as fresh:
        ingest(pipeline, [folder], fresh, no_merges)
        assert fresh.stats() == store.stats()


def test_killed_ingest_then_rerun_equals_one_uninterrupted_run(
    pipeline: Pipeline, inputs: Path, tmp_path: Path, no_merges: Path
) -> None:
    killed_dir = tmp_path / "killed"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    run = subprocess.Popen(
        [sys.executable, "-c", INGEST_SCRIPT, str(killed_dir), str(inputs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    try:
        assert run.stdout is not None
        assert run.stdout.readline().strip() == "1"
        assert run.stdout.readline().strip() == "2"
        run.send_signal(signal.SIGKILL)
    finally:
        run.wait(timeout=60)
        if run.stdout is not None:
            run.stdout.close()
    assert run.returncode == -signal.SIGKILL

    with EmbeddedStore.open(killed_dir, pipeline.schema) as store:
        written = store.stats()["nodes"]["Article"]
        assert 2 <= written < len(ARTICLES)
        ingest(pipeline, [inputs], store, no_merges)
        with EmbeddedStore.open(tmp_path / "whole", pipeline.schema) as whole:
            ingest(pipeline, [inputs], whole, no_merges)
            assert store.stats() == whole.stats()
            assert dump(store) == dump(whole)
