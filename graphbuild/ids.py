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


def event_id(
    event_type: str,
    participants: Iterable[tuple[str, str]],
    amount: tuple[float, str] | None = None,
) -> str:
    """Stable id of an event from what defines it, whichever article reports it.

    The key is the event type, its ``(role, entity id)`` participants in sorted
    order and, when known, its amount value and currency; so two articles about
    the same settlement name one event.

    >>> a = event_id("Settlement", [("defendant", "organization:binance")], (4.3e9, "USD"))
    >>> a == event_id("Settlement", [("defendant", "organization:binance")], (4.3e9, "USD"))
    True
    """
    parts = [f"{role}={entity}" for role, entity in sorted(set(participants))]
    if amount is not None:
        value, currency = amount
        parts.append(f"amount={float(value)!r} {currency.upper()}")
    return f"{event_type.lower()}:" + _digest(event_type, *parts)


def content_id(text: str) -> str:
    """Article id for inputs that carry none: a hash of the normalised text."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha256:" + _digest(normalised, size=24)
