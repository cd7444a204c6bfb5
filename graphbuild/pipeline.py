"""The one place that knows the order: read → extract → validate → (store).

::

    pipeline = Pipeline.load(Settings.from_env())
    for item in pipeline.extract(["seeds/articles"]):
        ...  # an ArticleExtraction, or an InputFailure naming the bad input
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TextIO

from graphbuild.config import Settings
from graphbuild.errors import GraphbuildError, InputError
from graphbuild.extract.extractor import BATCH_SIZE, Extractor
from graphbuild.gazetteers import load_gazetteer
from graphbuild.models import Article, ArticleExtraction, InputFailure, RunReport
from graphbuild.nlp.pipeline import MAX_TEXT_CHARS
from graphbuild.readers import read_articles
from graphbuild.schema import Schema, load_schema
from graphbuild.stores.base import GraphStore
from graphbuild.validate import validate

log = logging.getLogger(__name__)

Progress = Callable[[RunReport], None]


def _failure(error: InputError) -> InputFailure:
    message = f"{error.message} ({error.hint})" if error.hint else error.message
    return InputFailure(source=error.source, line=error.line, message=message)


def _article_failure(article: Article, message: str) -> InputFailure:
    return InputFailure(source=article.path or article.id, line=article.line, message=message)


@dataclass
class Pipeline:
    """A loaded schema and extractor, ready to run over inputs."""

    settings: Settings
    schema: Schema
    extractor: Extractor

    @classmethod
    def load(cls, settings: Settings) -> Pipeline:
        """Load the schema, the gazetteers and the spaCy pipeline (the slow part, done once)."""
        schema = load_schema(settings.ontology_path)
        gazetteer = load_gazetteer(settings.gazetteer_dir, schema)
        return cls(settings, schema, Extractor.load(settings.model, schema, gazetteer))

    def extract(
        self, paths: Iterable[str | Path], *, stdin: TextIO | None = None
    ) -> Iterator[ArticleExtraction | InputFailure]:
        """Validated facts for every article read from ``paths``, and a failure for each bad input.

        Results come in input order; a bad input never stops the rest.
        """
        items = read_articles(paths, stdin=stdin)
        while batch := list(islice(items, BATCH_SIZE)):
            articles: list[Article] = []
            for item in batch:
                if isinstance(item, InputError):
                    yield _failure(item)
                elif len(item.text) > MAX_TEXT_CHARS:
                    yield _article_failure(
                        item,
                        f"article {item.id!r} has {len(item.text):,} characters, over the "
                        f"{MAX_TEXT_CHARS:,} that one article may have; split it",
                    )
                else:
                    articles.append(item)
            for candidates in self.extractor.extract_many(articles):
                yield validate(candidates, self.schema)

    def ingest(
        self,
        paths: Iterable[str | Path],
        store: GraphStore,
        *,
        stdin: TextIO | None = None,
        progress: Progress | None = None,
    ) -> RunReport:
        """Extract from ``paths`` and write each article into ``store`` in its own transaction."""
        report = RunReport()
        for item in self.extract(paths, stdin=stdin):
            if isinstance(item, InputFailure):
                report.failures.append(item)
            else:
                try:
                    store.write(item)
                except GraphbuildError as exc:
                    log.error("article %s not stored: %s", item.article.id, exc)
                    report.failures.append(
                        InputFailure(source=item.article.id, message=f"not stored: {exc}")
                    )
                else:
                    report.add(item)
            if progress is not None:
                progress(report)
        return report
