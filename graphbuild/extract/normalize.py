"""Normalisers for values stated in text: money, dates, person names.

Pure functions on strings, so they are tested on their own::

    >>> parse_money("over $4.3 billion")
    Amount(value=4300000000.0, currency='USD', qualifier='over', text='over $4.3 billion')
"""

from __future__ import annotations

import re
from datetime import date

from graphbuild.models import Amount, EventDate

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
}

# Longest symbols first so that "US$" wins over "$".
_SYMBOLS = [
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("HK$", "HKD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
]

_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "rupees": "INR",
    "inr": "INR",
    "francs": "CHF",
    "chf": "CHF",
    "sgd": "SGD",
    "aud": "AUD",
    "cad": "CAD",
    "hkd": "HKD",
}

# Phrases before an amount and the qualifier they give it.
_QUALIFIERS = [
    ("more than", "over"),
    ("over", "over"),
    ("above", "over"),
    ("in excess of", "over"),
    ("upwards of", "over"),
    ("at least", "at_least"),
    ("no less than", "at_least"),
    ("up to", "up_to"),
    ("as much as", "up_to"),
    ("less than", "under"),
    ("under", "under"),
    ("nearly", "under"),
    ("almost", "under"),
    ("just under", "under"),
    ("about", "about"),
    ("around", "about"),
    ("roughly", "about"),
    ("approximately", "about"),
    ("some", "about"),
    ("an estimated", "about"),
]

_NUMBER = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
_SCALE_AFTER = re.compile(
    r"^\s*-?\s*(?P<scale>thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b|t)\b", re.I
)


def parse_money(text: str) -> Amount | None:
    """Read an amount of money from a phrase such as "$4.3 billion" or "4.3bn euros".

    Returns None when the phrase names no number or no currency. A qualifier
    phrase at its start ("over", "more than", "about", "up to") is kept.
    """
    phrase = " ".join(text.split())
    lowered = phrase.lower()
    qualifier = "exact"
    for words, value in sorted(_QUALIFIERS, key=lambda q: -len(q[0])):
        if lowered.startswith(words + " "):
            qualifier = value
            break
    match = _NUMBER.search(phrase)
    if match is None:
        return None
    number = float(match.group("num").replace(",", ""))
    rest = phrase[match.end() :]
    scale = 1.0
    scale_match = _SCALE_AFTER.match(rest)
    if scale_match:
        scale = _SCALES[scale_match.group("scale").lower()]
        rest = rest[scale_match.end() :]
    currency = None
    before = phrase[: match.start()]
    for symbol, code in _SYMBOLS:
        if before.rstrip().endswith(symbol):
            currency = code
            break
    if currency is None:
        for word in re.findall(r"[A-Za-z]+", rest)[:2] + re.findall(r"[A-Za-z]+", before)[-1:]:
            if word.lower() in _CURRENCY_WORDS:
                currency = _CURRENCY_WORDS[word.lower()]
                break
    if currency is None:
        return None
    return Amount(
        value=round(number * scale, 2), currency=currency, qualifier=qualifier, text=phrase
    )


def qualifier_before(words_before: str) -> str | None:
    """The qualifier that the words just before an amount give it, if any ("paying over")."""
    lowered = " ".join(words_before.lower().split())
    for words, value in sorted(_QUALIFIERS, key=lambda q: -len(q[0])):
        if lowered.endswith(" " + words) or lowered == words:
            return value
    return None


_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS = [
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}$"),
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+{_YEAR}$"),
    re.compile(rf"^{_MONTH}\s+{_YEAR}$"),
    re.compile(rf"^{_YEAR}-(?P<nmonth>\d{{2}})-(?P<day>\d{{2}})$"),
    re.compile(rf"^(?:in\s+|early\s+|late\s+|mid-?)?{_YEAR}$"),
]


def parse_date(text: str) -> EventDate | None:
    """An absolute date with its precision: "November 2023" -> 2023-11 (month).

    Relative dates ("last Tuesday") return None here; they need the article's date.
    """
    phrase = " ".join(text.strip().split())
    for pattern in _DATE_PATTERNS:
        match = pattern.match(phrase)
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        month: int | None
        if parts.get("nmonth"):
            month = int(parts["nmonth"])
        elif parts.get("month"):
            month = _MONTHS.get(parts["month"].lower())
            if month is None:
                return None
        else:
            month = None
        day = int(parts["day"]) if parts.get("day") else None
        try:
            if day is not None and month is not None:
                value = date(year, month, day).isoformat()
                return EventDate(value=value, precision="day", text=phrase)
        except ValueError:
            return None
        if month is not None:
            return EventDate(value=f"{year:04d}-{month:02d}", precision="month", text=phrase)
        return EventDate(value=f"{year:04d}", precision="year", text=phrase)
    return None


_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "judge"}


def clean_person_name(text: str) -> str:
    """A person's name without honorifics or a possessive: "Mr. Zhao's" -> "Zhao"."""
    words = text.replace("\u2019", "'").split()
    while words and words[0].rstrip(".").lower() in _HONORIFICS:
        words = words[1:]
    name = " ".join(words)
    if name.endswith("'s"):
        name = name[:-2]
    return name.strip(" ,;:'\"")


def clean_name(text: str) -> str:
    """An organisation or place name as a node name: no leading article, possessive or quotes."""
    name = " ".join(text.replace("\u2019", "'").split())
    if name.lower().startswith("the "):
        name = name[4:]
    if name.endswith("'s"):
        name = name[:-2]
    return name.strip(" ,;:'\"")
