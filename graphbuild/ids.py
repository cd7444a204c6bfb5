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
    occasion: str | None = None,
) -> str:
    """Stable id of an event from what defines it, whichever article reports it.

    The key is the event type, its ``(role, entity id)`` participants in sorted
    order and, when known, its amount value and currency; so two articles about
    the same settlement name one event. ``occasion`` (see :func:`event_occasion`)
    tells apart two happenings with the same participants.

    >>> a = event_id("Settlement", [("defendant", "organization:binance")], (4.3e9, "USD"))
    >>> a == event_id("Settlement", [("defendant", "organization:binance")], (4.3e9, "USD"))
    True
    """
    parts = [f"{role}={entity}" for role, entity in sorted(set(participants))]
    if amount is not None:
        value, currency = amount
        parts.append(f"amount={float(value)!r} {currency.upper()}")
    if occasion is not None:
        parts.append(f"on={occasion}")
    return f"{event_type.lower()}:" + _digest(event_type, *parts)


# Event types whose earlier happenings an article tells beside the new one: "will succeed
# Moeller as chief executive" and "Moeller, who took over from Taylor in November 2021"
# are two appointments of Moeller at the same company.
YEAR_KEYED_EVENTS = frozenset({"Appointment"})


def event_occasion(event_type: str, date: str | None, published: str | None) -> str | None:
    """The year that tells an event apart from a later one of the same participants: the
    year of its date when that is before the year the article was published, for the
    :data:`YEAR_KEYED_EVENTS`; None for the rest, whose ids stay as they were.

    >>> event_occasion("Appointment", "2021-11", "2025-07-29")
    '2021'
    >>> event_occasion("Appointment", "2026-01-01", "2025-07-29") is None
    True
    """
    if event_type not in YEAR_KEYED_EVENTS or not date or not published:
        return None
    year = date[:4]
    return year if year.isdigit() and year < published[:4] else None


def content_id(text: str) -> str:
    """Article id for inputs that carry none: a hash of the normalised text."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha256:" + _digest(normalised, size=24)
