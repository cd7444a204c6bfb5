"""The one place that knows the order: read → extract → validate → resolve → (store).

::

    pipeline = Pipeline.load(Settings.from_env())
    for item in pipeline.extract(["seeds/articles"]):
        ...  # an ArticleExtraction, or an InputFailure naming the bad input
    with EmbeddedStore.open(data_dir, pipeline.schema) as store:
        report = pipeline.ingest(["seeds/articles"], store)
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
from graphbuild.gazetteers import Gazetteer, GazetteerEntry, load_gazetteer
from graphbuild.models import Article, ArticleExtraction, InputFailure, RunReport
from graphbuild.nlp.pipeline import MAX_TEXT_CHARS
from graphbuild.readers import read_articles
from graphbuild.resolve import (
    ALIASES_FILE,
    MERGE_FILE,
    Resolver,
    known_entities,
    load_aliases,
    load_merge_file,
)
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


def default_merge_file(settings: Settings) -> Path:
    """Where the merge file is looked for when none is given: ``merges.yaml`` in the data dir."""
    return settings.data_dir / MERGE_FILE


@dataclass
class Pipeline:
    """A loaded schema, gazetteer, alias table and extractor, ready to run over inputs."""

    settings: Settings
    schema: Schema
    extractor: Extractor
    gazetteer: Gazetteer
    aliases: tuple[GazetteerEntry, ...] = ()

    @classmethod
    def load(cls, settings: Settings) -> Pipeline:
        """Load the schema, the gazetteers and the spaCy pipeline (the slow part, done once).

        The alias table (``seeds/aliases.yaml``) joins the gazetteers, so that the
        names it lists are found in text as well as resolved.
        """
        schema = load_schema(settings.ontology_path)
        gazetteer = load_gazetteer(settings.gazetteer_dir, schema)
        aliases = load_aliases(settings.seeds_dir / ALIASES_FILE, schema)
        ruler_names = gazetteer.model_copy(update={"entries": (*gazetteer.entries, *aliases)})
        extractor = Extractor.load(settings.model, schema, ruler_names)
        return cls(settings, schema, extractor, gazetteer, aliases)

    def resolver(self, merge_file: Path | None = None) -> Resolver:
        """A fresh resolver with the merge file read now (``merge_file``, else the default)."""
        path = merge_file if merge_file is not None else default_merge_file(self.settings)
        merges = load_merge_file(path, self.schema)
        return Resolver.build(self.schema, self.gazetteer, self.aliases, merges)

    def extract(
        self,
        paths: Iterable[str | Path],
        *,
        stdin: TextIO | None = None,
        merge_file: Path | None = None,
    ) -> Iterator[ArticleExtraction | InputFailure]:
        """Validated, resolved facts for every article read from ``paths``, and a failure for
        each bad input.

        Results come in input order; a bad input never stops the rest. Entities are
        resolved across the articles of this run (no store is read).
        """
        resolver = self.resolver(merge_file)
        for item in self._validated(paths, stdin=stdin):
            if isinstance(item, InputFailure):
                yield item
            else:
                resolved = resolver.resolve(item).extraction
                resolver.remember(resolved)
                yield resolved

    def _validated(
        self, paths: Iterable[str | Path], *, stdin: TextIO | None = None
    ) -> Iterator[ArticleExtraction | InputFailure]:
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
        merge_file: Path | None = None,
    ) -> RunReport:
        """Extract from ``paths``, resolve entities against the store and write each article
        into ``store`` in its own transaction.

        An article already stored unchanged is left alone; a corrected version (same id,
        or same url) replaces the stored one. A run that was killed can simply be rerun.
        ``merge_file`` defaults to :func:`default_merge_file`, read when the run starts.
        """
        report = RunReport()
        resolver = self.resolver(merge_file)
        resolver.learn(known_entities(store, self.schema))
        for item in self._validated(paths, stdin=stdin):
            if isinstance(item, InputFailure):
                report.failures.append(item)
            else:
                resolution = resolver.resolve(item)
                item = resolution.extraction
                try:
                    store.write(item, resolution.merges)
                except GraphbuildError as exc:
                    log.error("article %s not stored: %s", item.article.id, exc)
                    report.failures.append(
                        InputFailure(source=item.article.id, message=f"not stored: {exc}")
                    )
                else:
                    resolver.remember(item)
                    report.add(item)
            if progress is not None:
                progress(report)
        return report
