"""Graph stores behind one interface: the embedded LadybugDB store (default) and Neo4j."""

from graphbuild.stores.base import GraphStore, QueryResult

__all__ = ["GraphStore", "QueryResult"]
