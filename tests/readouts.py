"""What an extraction says, read back by name, for the extraction tests' assertions."""

from __future__ import annotations

from collections.abc import Callable

from graphbuild.models import ArticleExtraction

Extract = Callable[[str], ArticleExtraction]


def pairs(result: ArticleExtraction, predicate: str) -> set[tuple[str, str]]:
    """(subject name, object name) of every relation with ``predicate``."""
    names = {e.id: e.name for e in result.entities}
    return {
        (names[r.subject], names[r.object]) for r in result.relations if r.predicate == predicate
    }


def event_parts(result: ArticleExtraction, event_type: str) -> list[set[tuple[str, str]]]:
    """The (role, name) participants of each event of ``event_type``."""
    names = {e.id: e.name for e in result.entities}
    return [
        {(p.role, names[p.entity]) for p in e.participants}
        for e in result.events
        if e.type == event_type
    ]
