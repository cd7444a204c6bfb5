"""Draw the README's picture of the seed graph: docs/seed-graph.png.

Ingests the seed articles with the real pipeline into a temporary embedded
store, loads the whole graph and draws it with
:func:`graphbuild.figures.network_figure`. Run it again after changing the
seeds or the extractor, and commit the new picture::

    .venv/bin/python scripts/draw_seed_graph.py
    .venv/bin/python scripts/draw_seed_graph.py --articles seeds/corpus/articles -o /tmp/corpus.png
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from graphbuild.config import PROJECT_ROOT, Settings
from graphbuild.figures import network_figure
from graphbuild.graph import load_graph
from graphbuild.pipeline import Pipeline
from graphbuild.stores.embedded import EmbeddedStore

DEFAULT_ARTICLES = PROJECT_ROOT / "seeds" / "articles"
DEFAULT_OUTPUT = PROJECT_ROOT / "docs" / "seed-graph.png"


def draw(
    articles: Path,
    output: Path,
    *,
    dpi: int = 130,
    title: str | None = None,
    pipeline: Pipeline | None = None,
) -> Path:
    """Ingest ``articles`` into a temporary store and write the picture of its graph."""
    pipeline = pipeline or Pipeline.load(Settings.from_env())
    with (
        tempfile.TemporaryDirectory(prefix="graphbuild-seed-") as tmp,
        EmbeddedStore.open(Path(tmp) / "data", pipeline.schema) as store,
    ):
        report = pipeline.ingest([articles], store)
        if report.failures:
            failed = "; ".join(f"{f.source}: {f.message}" for f in report.failures)
            raise SystemExit(f"draw_seed_graph: some articles failed: {failed}")
        g = load_graph(store, pipeline.schema)
    n = report.articles
    fig = network_figure(
        g,
        schema=pipeline.schema,
        title=title or f"What graphbuild reads from {n} seed article{'s' if n != 1 else ''}",
        size=(12.0, 8.5),
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(output, dpi=dpi, facecolor="white")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--dpi", type=int, default=130)
    parser.add_argument("--title", default=None)
    args = parser.parse_args(argv)
    path = draw(args.articles, args.output, dpi=args.dpi, title=args.title)
    print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
