"""Deterministic identifiers from normalised keys, so reruns and MERGE repeat exactly."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def _digest(*parts: str, size: int = 16) -> str:
    # surrogatepass: a lone surrogate from a JSON escape still hashes instead of raising.
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:size]


def normalize_key(name: str) -> str:
    """Case-, accent- and punctuation-folded form of a name: 'U.S. Treasury' -> 'us treasury'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'s", "").replace("\u2019s", "")
    text = text.replace(".", "")
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def entity_id(entity_type: str, name: str) -> str:
    """Stable id of an entity: its type and normalised name, readable where possible.

    >>> entity_id("Organization", "Binance")
    'organization:binance'
    """
    key = normalize_key(name)
    slug = key.replace(" ", "-")
    if not slug:
        slug = _digest(name)
    return f"{entity_type.lower()}:{slug}"


def relation_id(subject: str, predicate: str, obj: str, key: Iterable[str] = ()) -> str:
    """Stable id of a relation; ``key`` holds the property values that tell two edges apart."""
    return "rel:" + _digest(subject, predicate, obj, *key)


def event_id(article_id: str, event_type: str, anchor: Iterable[str]) -> str:
    """Stable id of an event read from one article, anchored on its defining parts."""
    return f"{event_type.lower()}:" + _digest(article_id, event_type, *anchor)


def content_id(text: str) -> str:
    """Article id for inputs that carry none: a hash of the normalised text."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha256:" + _digest(normalised, size=24)
