"""How fast the stores load synthetic facts: batched UNWIND against one MERGE per row.

Generates ``--entities`` entities (people and organisations) and ``--relations``
relationships among them (ROLE_AT, ADVISES, MEMBER_OF, PARTNERED_WITH, each with
one piece of evidence), spread over synthetic articles of ``--per-article``
entities. Each article is loaded in two phases: first its entities (timed as
entities/s; each also gets its MENTIONS edge), then its relationships (timed as
relationships/s; this second article names the same entities again, which
merge as no-ops beside their new MENTIONS edges). Each store loads the same data
in these ways:

* ``batched``: each phase is one ``write_many`` call over all articles,
  ``--batch-articles`` articles per transaction, so one ``UNWIND`` statement
  per label and type carries the rows of all of them (the embedded store
  checkpoints once, at the end of the call, inside the timing);
* ``row statements`` (Bolt only): the same transactions and Cypher, one row per
  statement (``write_many(..., rows_per_statement=1)``);
* ``row writes``: one article per entity, or per relationship with its two
  ends: one MERGE per row, each in its own transaction.

The per-row ways are time-boxed: they run ``--row-seconds`` per phase and the
output extrapolates the full load from that sample, saying so. The Bolt server
is ArcadeDB started by ``tests/bolt_server.py``, or the Neo4j named by
``NEO4J_URI`` (whose database must be empty; the bench empties it again at the
end). For example::

    .venv/bin/python scripts/bench_load.py --entities 20000 --relations 40000
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from itertools import islice
from pathlib import Path

from graphbuild.config import PROJECT_ROOT
from graphbuild.ids import relation_id
from graphbuild.models import ArticleExtraction, ArticleHeader, Entity, Evidence, Mention, Relation
from graphbuild.schema import load_schema
from graphbuild.stores.base import GraphStore
from graphbuild.stores.embedded import EmbeddedStore
from graphbuild.stores.neo4j import ENV_URI, Neo4jSettings, Neo4jStore

sys.path.insert(0, str(PROJECT_ROOT / "tests"))
from bolt_server import DATABASE, ArcadeDBProcess, node_count

SENTENCE = "A synthetic sentence that names both parties."
PREDICATES = ("ROLE_AT", "ADVISES", "MEMBER_OF", "PARTNERED_WITH")
PHASES = ("entities", "relations")


@dataclass(frozen=True)
class Synthetic:
    """One synthetic article: ``size`` entities and ``relations`` relationships among them."""

    prefix: str
    index: int
    size: int
    relations: int

    def entity(self, k: int) -> Entity:
        """Entity k: people at even positions, organisations at odd ones."""
        number = self.index * self.size + k
        kind = "Person" if k % 2 == 0 else "Organization"
        return Entity(
            id=f"{self.prefix}:{kind.lower()}:{number}",
            type=kind,
            name=f"{kind} {number}",
            mentions=[Mention(start=0, end=9, text="Synthetic", sentence=SENTENCE)],
        )

    def relation(self, r: int) -> Relation:
        people, organisations = (self.size + 1) // 2, self.size // 2
        predicate = PREDICATES[r % len(PREDICATES)]
        target = self.entity(2 * ((r * 7 + 3) % organisations) + 1)
        if predicate == "PARTNERED_WITH":
            source = self.entity(2 * (r % organisations) + 1)
            if source.id == target.id:
                target = self.entity(2 * ((r % organisations + 1) % organisations) + 1)
        else:
            source = self.entity(2 * (r % people))
        return Relation(
            id=relation_id(source.id, predicate, target.id, [str(self.index), str(r)]),
            subject=source.id,
            predicate=predicate,
            object=target.id,
            properties={"role": "director"} if predicate == "ROLE_AT" else {},
            confidence=0.5,
            evidence=[Evidence(start=0, end=9, text="Synthetic", rule="bench", sentence=SENTENCE)],
        )

    def article(self, phase: str, tag: str = "") -> ArticleExtraction:
        entities = [self.entity(k) for k in range(self.size)]
        relations = (
            [self.relation(r) for r in range(self.relations)] if phase == "relations" else []
        )
        header = ArticleHeader(id=f"{self.prefix}:{self.index}:{phase}{tag}", title="Synthetic")
        return ArticleExtraction(article=header, entities=entities, relations=relations)

    def rows(self, phase: str) -> int:
        return self.size if phase == "entities" else self.relations

    def row_articles(self, phase: str) -> Iterator[ArticleExtraction]:
        """One article per row: an entity, or a relationship with its two ends."""
        if phase == "entities":
            for k in range(self.size):
                header = ArticleHeader(id=f"{self.prefix}:{self.index}:entity-{k}")
                yield ArticleExtraction(article=header, entities=[self.entity(k)])
            return
        by_id = {e.id: e for e in (self.entity(k) for k in range(self.size))}
        for r in range(self.relations):
            relation = self.relation(r)
            header = ArticleHeader(id=f"{self.prefix}:{self.index}:relation-{r}")
            ends = [by_id[relation.subject], by_id[relation.object]]
            yield ArticleExtraction(article=header, entities=ends, relations=[relation])


@dataclass
class Measure:
    """Rows written and seconds spent in one phase; ``sampled`` when time-boxed."""

    rows: int = 0
    seconds: float = 0.0
    sampled: bool = False

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


# A way of writing: (store, a group of articles, phase, seconds left) -> rows written.
Writer = Callable[[GraphStore, list[Synthetic], str, float], int]


def batched(store: GraphStore, group: list[Synthetic], phase: str, budget: float) -> int:
    assert isinstance(store, EmbeddedStore | Neo4jStore)
    store.write_many([a.article(phase) for a in group], batch_size=len(group))
    return sum(a.rows(phase) for a in group)


def batched_run(store: GraphStore, groups: list[list[Synthetic]], phase: str) -> int:
    """All groups in one ``write_many`` call, a transaction per group (the embedded store
    checkpoints once, at the end of the call, and that is timed too)."""
    assert isinstance(store, EmbeddedStore | Neo4jStore)
    articles = (a.article(phase) for group in groups for a in group)
    store.write_many(articles, batch_size=len(groups[0]))
    return sum(a.rows(phase) for group in groups for a in group)


def row_statements(store: GraphStore, group: list[Synthetic], phase: str, budget: float) -> int:
    assert isinstance(store, Neo4jStore)
    articles = [a.article(phase) for a in group]
    store.write_many(articles, batch_size=len(group), rows_per_statement=1)
    return sum(a.rows(phase) for a in group)


def row_writes(store: GraphStore, group: list[Synthetic], phase: str, budget: float) -> int:
    deadline = time.perf_counter() + budget
    done = 0
    for synthetic in group:
        for article in synthetic.row_articles(phase):
            store.write(article)
            done += 1
            if time.perf_counter() > deadline:
                return done
    return done


def run_way(
    store: GraphStore, writer: Writer, groups: list[list[Synthetic]], row_seconds: float | None
) -> dict[str, Measure]:
    """Both phases over the groups; with ``row_seconds``, each phase stops after that long."""
    results: dict[str, Measure] = {}
    ready = 0  # groups whose entities are all in the store
    for phase in PHASES:
        measure = Measure()
        if writer is batched and row_seconds is None:
            started = time.perf_counter()
            measure.rows = batched_run(store, groups, phase)
            measure.seconds = time.perf_counter() - started
            results[phase] = measure
            continue
        for number, group in enumerate(groups):
            if row_seconds is not None and measure.seconds >= row_seconds:
                break
            if phase == "relations" and number >= ready:
                # A sampled run's relationships need their ends: written here, untimed.
                batched(store, group, "entities", 0.0)
            budget = float("inf") if row_seconds is None else row_seconds - measure.seconds
            started = time.perf_counter()
            rows = writer(store, group, phase, budget)
            measure.seconds += time.perf_counter() - started
            measure.rows += rows
            if phase == "entities" and rows == sum(a.rows(phase) for a in group):
                ready = number + 1
        measure.sampled = measure.rows < sum(a.rows(phase) for g in groups for a in g)
        results[phase] = measure
    return results


def make_groups(
    prefix: str, entities: int, relations: int, per_article: int, per_group: int
) -> list[list[Synthetic]]:
    count = max(1, entities // per_article)
    per = max(1, round(relations / count))
    articles = iter(Synthetic(prefix, i, per_article, per) for i in range(count))
    return [group for group in iter(lambda: list(islice(articles, per_group)), [])]


EMBEDDED_WAYS: tuple[tuple[str, Writer, bool], ...] = (
    ("batched", batched, False),
    ("row writes", row_writes, True),
)
BOLT_WAYS: tuple[tuple[str, Writer, bool], ...] = (
    ("batched", batched, False),
    ("row statements", row_statements, True),
    ("row writes", row_writes, True),
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=200_000)
    parser.add_argument("--per-article", type=int, default=20, help="entities per article")
    parser.add_argument(
        "--batch-articles", type=int, default=50, help="articles per batched transaction"
    )
    parser.add_argument("--row-seconds", type=float, default=20.0, help="time box per phase")
    parser.add_argument("--heap", default="2g", help="ArcadeDB JVM heap")
    parser.add_argument("--skip-embedded", action="store_true")
    parser.add_argument("--skip-bolt", action="store_true")
    args = parser.parse_args(argv)
    if args.per_article < 2 or args.entities < args.per_article or args.batch_articles < 1:
        parser.error("need --per-article >= 2, --entities >= --per-article, --batch-articles >= 1")

    schema = load_schema()
    results: dict[tuple[str, str], dict[str, Measure]] = {}

    def groups(prefix: str) -> list[list[Synthetic]]:
        return make_groups(
            prefix, args.entities, args.relations, args.per_article, args.batch_articles
        )

    def measure(store: GraphStore, name: str, way: str, writer: Writer, sampled: bool) -> None:
        limit = args.row_seconds if sampled else None
        results[(name, way)] = run_way(store, writer, groups(f"{name}-{way}"), limit)
        print(f"  measured {name} {way}", file=sys.stderr, flush=True)

    if not args.skip_embedded:
        for way, writer, sampled in EMBEDDED_WAYS:
            with (
                tempfile.TemporaryDirectory(prefix="graphbuild-bench-") as folder,
                EmbeddedStore.open(Path(folder), schema) as embedded,
            ):
                measure(embedded, "embedded", way, writer, sampled)
    server_note = "not run"
    if not args.skip_bolt:
        with (
            bolt_settings(args.heap) as (settings, server_note),
            Neo4jStore.open(settings, schema) as bolt,
        ):
            for way, writer, sampled in BOLT_WAYS:
                measure(bolt, "bolt", way, writer, sampled)
            if os.environ.get(ENV_URI):
                delete_everything(bolt)
    every = [a for g in groups("") for a in g]
    counts = (sum(a.rows("entities") for a in every), sum(a.rows("relations") for a in every))
    summary(args, results, counts, server_note)


def delete_everything(store: Neo4jStore) -> None:
    """Empty the database the bench wrote into, a slice at a time."""
    while store.query(
        "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*)", write=True
    ).rows[0][0]:
        pass


@contextmanager
def bolt_settings(heap: str) -> Iterator[tuple[Neo4jSettings, str]]:
    """The Bolt server to measure: NEO4J_URI when set, else ArcadeDB started here."""
    if os.environ.get(ENV_URI):
        settings = Neo4jSettings.from_env()
        if node_count(settings):
            raise SystemExit(f"the database at {settings.where} is not empty")
        yield settings, f"Neo4j at {settings.where}"
        return
    server = ArcadeDBProcess(heap=heap)
    try:
        version = metadata.version("arcadedb-embedded")
        settings = Neo4jSettings(
            uri=server.uri, user="root", password=server.password, database=DATABASE
        )
        yield settings, f"ArcadeDB {version} (arcadedb-embedded), JVM heap {heap}, on 127.0.0.1"
    finally:
        server.stop()


def summary(
    args: argparse.Namespace,
    results: dict[tuple[str, str], dict[str, Measure]],
    counts: tuple[int, int],
    server_note: str,
) -> None:
    entities, relations = counts
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"embedded: LadybugDB {metadata.version('ladybug')}; Bolt: {server_note}")
    print(
        f"data: {entities:,} entities and {relations:,} relationships in articles of "
        f"{args.per_article} entities; batches of {args.batch_articles} articles"
    )
    print()
    print(f"{'store':9} {'way':15} {'entities/s':>11} {'relationships/s':>16}  note")
    for (store, way), measures in results.items():
        notes = []
        for phase, total in zip(PHASES, counts, strict=True):
            m = measures[phase]
            if m.sampled:
                full = total / m.rate if m.rate else float("inf")
                notes.append(
                    f"{phase} sampled: {m.rows:,} rows in {m.seconds:.0f} s, "
                    f"all {total:,} extrapolated to ~{full / 60:,.0f} min"
                )
        rates = f"{measures['entities'].rate:>11,.0f} {measures['relations'].rate:>16,.0f}"
        print(f"{store:9} {way:15} {rates}  {'; '.join(notes)}")
    print()
    for store in ("embedded", "bolt"):
        fast = results.get((store, "batched"))
        for way in ("row statements", "row writes"):
            slow = results.get((store, way))
            if fast and slow:
                ratios = [
                    f"{phase} x{fast[phase].rate / slow[phase].rate:,.1f}"
                    for phase in PHASES
                    if slow[phase].rate
                ]
                print(f"batched / {way} on {store}, same run: {', '.join(ratios)}")


if __name__ == "__main__":
    main()
