"""A whole graph as sorted JSON lines, for comparing two stores in tests."""

from __future__ import annotations

import json

from graphbuild.stores.base import GraphStore


def dump(store: GraphStore, *, ingested_at: bool = False) -> list[str]:
    """Every node and relationship with its properties.

    ``ingested_at`` only says when a write happened, so it is left out unless asked for.
    """
    nodes = [row[0] for row in store.query("MATCH (n) RETURN n").rows]
    rels = store.query("MATCH (a)-[r]->(b) RETURN a.id, r, b.id").rows
    if not ingested_at:
        for item in [*nodes, *(row[1] for row in rels)]:
            item.pop("ingested_at", None)
    return sorted(json.dumps(row, sort_keys=True) for row in [*nodes, *rels])
