"""graphbuild: an offline knowledge-graph builder for finance, crypto and enforcement news.

The public API::

    from graphbuild import Settings, load_schema, read_articles, extract_article
"""

from graphbuild.config import Settings
from graphbuild.errors import GraphbuildError
from graphbuild.schema import Schema, load_schema

__all__ = ["GraphbuildError", "Schema", "Settings", "load_schema"]
__version__ = "0.1.0"
