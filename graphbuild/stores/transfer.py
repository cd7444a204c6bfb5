"""Copying the embedded store's graph into a Neo4j database: ``graphbuild load``.

The rows travel as the embedded store holds them, label by label and then
type by type, each batch one transaction merged by the rules of a write
(:mod:`graphbuild.stores.rows`). Loading again changes nothing, and a load
cut short (the server stopped, the connection lost) completes when run again,
without duplicates. For example::

    with (
        EmbeddedStore.open(Path("graphbuild-data"), schema, read_only=True) as source,
        Neo4jStore.open(Neo4jSettings.from_env(), schema) as target,
    ):
        copy_graph(source, target)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from graphbuild.errors import StoreNotFoundError

if TYPE_CHECKING:
    from graphbuild.stores.embedded import EmbeddedStore
    from graphbuild.stores.neo4j import Neo4jStore

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 5000

# Called after each batch with the rows copied so far, the rows to copy, and the
# label or type just written.
Progress = Callable[[int, int, str], None]


def copy_graph(
    source: EmbeddedStore,
    target: Neo4jStore,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> dict[str, dict[str, int]]:
    """Merge every node and relationship of ``source`` into ``target``, ``batch_size``
    rows per transaction; returns the counts copied, shaped as :meth:`GraphStore.stats`.

    Raises :class:`StoreNotFoundError` when ``source`` holds nothing, and
    :class:`StoreError` when the target refuses a batch (the batches before it
    stay written; run the copy again once the cause is fixed).
    """
    counts = source.stats()
    total = sum(n for group in counts.values() for n in group.values())
    if not total:
        raise StoreNotFoundError(
            f"the graph store {source.path} holds no graph",
            hint="run `graphbuild ingest` first, or pass --data-dir",
        )
    copied: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
    done = 0
    for batch in source.graph_rows(batch_size):
        target.write_rows(batch)
        group = copied["nodes" if batch.kind == "node" else "relationships"]
        group[batch.name] = group.get(batch.name, 0) + len(batch.rows)
        done += len(batch.rows)
        log.debug("copied %d %s rows (%d of %d)", len(batch.rows), batch.name, done, total)
        if progress is not None:
            progress(done, total, batch.name)
    return copied
