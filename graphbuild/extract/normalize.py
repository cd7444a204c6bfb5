"""Normalisers for values stated in text: money, dates, person names.

Pure functions on strings, so they are tested on their own::

    >>> parse_money("over $4.3 billion")
    Amount(value=4300000000.0, currency='USD', qualifier='over', text='over $4.3 billion')
"""

from __future__ import annotations

import re
from datetime import date, timedelta

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

CURRENCY_SYMBOLS = tuple(symbol for symbol, _ in _SYMBOLS)

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
    "rupee": "INR",
    "won": "KRW",
    "krw": "KRW",
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
            # "won" is a currency only after a scale: "15.1 trillion won", not "2024 won".
            if word.lower() in _CURRENCY_WORDS and (word.lower() != "won" or scale_match):
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


_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_LEADING_WEEKDAY = re.compile(r"^(?:on\s+)?(?:[A-Za-z]+day),?\s+(?=\S)", re.IGNORECASE)
_RELATIVE_DAY = re.compile(r"^(?:on\s+|last\s+|this\s+past\s+)?(?P<weekday>[A-Za-z]+)$")
_RELATIVE_SPAN = re.compile(r"^(?P<which>this|last|next)\s+(?P<unit>year|month)$")
_MONTH_ONLY = re.compile(r"^(?:in\s+|last\s+|early\s+|late\s+|mid-?)?(?P<month>[A-Za-z]{3,9})\.?$")
_MONTH_DAY = re.compile(r"^(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$")
_PUBLISHED = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
# A month named without a year is the one in the published year, unless that lies more
# than half a year after publication ("retired in December", published in March).
_AHEAD_DAYS = 183
_AHEAD_MONTHS = 6


def _absolute_date(phrase: str) -> EventDate | None:
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


def published_date(published: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an article's published value, as far as it goes."""
    match = _PUBLISHED.match((published or "").strip())
    if match is None:
        return None
    month, day = match.group("month"), match.group("day")
    return int(match.group("year")), int(month) if month else None, int(day) if day else None


def _relative_date(phrase: str, published: str | None, future: bool) -> EventDate | None:
    """A date said relative to the article's publication, resolved against it; a month or
    day of a deed still to come is the next one ("will take over on Jan. 1")."""
    when = published_date(published)
    if when is None:
        return None
    year, month, day = when
    lower = phrase.lower()
    span = _RELATIVE_SPAN.match(lower)
    if span is not None:
        shift = {"this": 0, "last": -1, "next": 1}[span["which"]]
        if span["unit"] == "year":
            return EventDate(value=f"{year + shift:04d}", precision="year", text=phrase)
        if month is None:
            return None
        total = year * 12 + month - 1 + shift
        return EventDate(
            value=f"{total // 12:04d}-{total % 12 + 1:02d}", precision="month", text=phrase
        )
    if month is not None and day is not None:
        today = date(year, month, day)
        weekday = _RELATIVE_DAY.match(lower)
        if lower in ("today", "yesterday"):
            value = today - timedelta(days=1 if lower == "yesterday" else 0)
            return EventDate(value=value.isoformat(), precision="day", text=phrase)
        if weekday is not None and weekday["weekday"] in _WEEKDAYS:
            # News reports the past week: "on Tuesday" is the latest Tuesday up to publication.
            back = (today.weekday() - _WEEKDAYS[weekday["weekday"]]) % 7
            if back == 0 and lower.startswith("last "):
                back = 7
            value = today - timedelta(days=back)
            return EventDate(value=value.isoformat(), precision="day", text=phrase)
        month_day = _MONTH_DAY.match(phrase)
        if month_day is not None and month_day["month"].lower() in _MONTHS:
            try:
                found = date(year, _MONTHS[month_day["month"].lower()], int(month_day["day"]))
            except ValueError:
                return None
            if (found - today).days > _AHEAD_DAYS:
                found = found.replace(year=year - 1)
            elif future and found < today:
                found = found.replace(year=year + 1)
            return EventDate(value=found.isoformat(), precision="day", text=phrase)
    only = _MONTH_ONLY.match(phrase)
    if only is not None and month is not None and only["month"].lower() in _MONTHS:
        named = _MONTHS[only["month"].lower()]
        found_year = year
        past = lower.startswith("last ")
        ahead = named >= month if past else named - month > _AHEAD_MONTHS
        if ahead:
            found_year -= 1
        elif future and named < month:
            found_year += 1
        return EventDate(value=f"{found_year:04d}-{named:02d}", precision="month", text=phrase)
    return None


def parse_date(text: str, published: str | None = None, future: bool = False) -> EventDate | None:
    """A date with its precision: "November 2023" -> 2023-11 (month).

    A weekday before a full date is dropped ("Monday, July 1, 2024"). Dates said
    relative to the article ("last Tuesday", "this year", "in March", "March 18")
    are resolved against ``published`` (the article's ISO date) when it is given
    and precise enough; otherwise they give None. With ``future`` (the date of a deed
    still to come) a month or day before publication is next year's:

    >>> parse_date("Jan. 1", "2025-07-29", future=True).value
    '2026-01-01'
    """
    said = " ".join(text.strip().split())
    phrase = _LEADING_WEEKDAY.sub("", said) or said
    found = _absolute_date(phrase) or _relative_date(phrase, published, future)
    return found.model_copy(update={"text": said}) if found is not None else None


_HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "judge", "prince",
    "princess", "sheikh", "sheikha",
}  # fmt: skip


# A nickname in quotes between given name and surname: 'Robert "Kelly" Ortberg'.
_NICKNAME = re.compile(r"^\S+\s+[\"\u201c]([^\"\u201d]+)[\"\u201d]\s+(.+)$")


def clean_person_name(text: str) -> str:
    """A person's name without honorifics or a possessive: "Mr. Zhao's" -> "Zhao"; a quoted
    nickname is the name the person goes by: 'Robert "Kelly" Ortberg' -> "Kelly Ortberg".

    >>> clean_person_name('Robert "Kelly" Ortberg')
    'Kelly Ortberg'
    """
    nickname = _NICKNAME.match(text.strip())
    if nickname:
        text = f"{nickname.group(1)} {nickname.group(2)}"
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
