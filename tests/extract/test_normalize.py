"""Money, date and name normalisers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuild.extract.normalize import (
    clean_name,
    clean_person_name,
    parse_date,
    parse_money,
    qualifier_before,
)


@pytest.mark.parametrize(
    ("text", "value", "currency", "qualifier"),
    [
        ("over $4.3 billion", 4.3e9, "USD", "over"),
        ("$4.3 billion", 4.3e9, "USD", "exact"),
        ("4.3bn dollars", 4.3e9, "USD", "exact"),
        ("€1.8 billion", 1.8e9, "EUR", "exact"),
        ("more than $500 million", 5e8, "USD", "over"),
        ("about £20m", 2e7, "GBP", "about"),
        ("US$150 million", 1.5e8, "USD", "exact"),
        ("$50,000", 5e4, "USD", "exact"),
        ("up to $10 billion", 1e10, "USD", "up_to"),
        ("nearly 2 trillion yen", 2e12, "JPY", "under"),
        ("about 15.1 trillion won", 1.51e13, "KRW", "about"),
        ("268.5 billion rupees", 2.685e11, "INR", "exact"),
    ],
)
def test_money_phrases(text: str, value: float, currency: str, qualifier: str) -> None:
    amount = parse_money(text)
    assert amount is not None
    assert amount.value == pytest.approx(value)
    assert (amount.currency, amount.qualifier, amount.text) == (currency, qualifier, text)


@pytest.mark.parametrize(
    "text",
    # "won" is a currency only after a scale word: "in 2024 won a ruling" names no money.
    ["billions", "a large sum", "4.3 billion", "hundreds of millions", "2024 won a ruling"],
)
def test_phrases_without_number_or_currency_are_not_amounts(text: str) -> None:
    assert parse_money(text) is None


def test_qualifier_from_words_before_an_amount() -> None:
    assert qualifier_before("laws, paying over") == "over"
    assert qualifier_before("agreed to pay more than") == "over"
    assert qualifier_before("agreed to pay") is None


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "billion"]))
def test_dollar_amounts_scale(number: int, scale: str) -> None:
    amount = parse_money(f"${number} {scale}")
    assert amount is not None
    assert amount.value == number * (1e6 if scale == "million" else 1e9)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2023", "2023", "year"),
        ("in 2023", "2023", "year"),
        ("November 2023", "2023-11", "month"),
        ("Nov. 21, 2023", "2023-11-21", "day"),
        ("21 November 2023", "2023-11-21", "day"),
        ("2024-02-29", "2024-02-29", "day"),
    ],
)
def test_absolute_dates(text: str, value: str, precision: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert (parsed.value, parsed.precision) == (value, precision)


@pytest.mark.parametrize(
    "text", ["last Tuesday", "Weeks later", "February 30, 2023", "Smarch 2023"]
)
def test_relative_or_impossible_dates_are_not_resolved(text: str) -> None:
    assert parse_date(text) is None


def test_a_weekday_before_a_full_date_is_dropped() -> None:
    parsed = parse_date("Monday, July 1, 2024")
    assert parsed is not None
    assert (parsed.value, parsed.precision, parsed.text) == (
        "2024-07-01",
        "day",
        "Monday, July 1, 2024",
    )


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        # 2024-04-30 was a Tuesday: "on Tuesday" is that day, "last Tuesday" the week before.
        ("on Tuesday", "2024-04-30", "2024-04-30", "day"),
        ("last Tuesday", "2024-04-30", "2024-04-23", "day"),
        ("Thursday", "2024-03-28T18:00:00Z", "2024-03-28", "day"),
        ("on Monday", "2024-03-28", "2024-03-25", "day"),
        ("yesterday", "2024-03-01", "2024-02-29", "day"),
        ("last year", "2024-04-30", "2023", "year"),
        ("this year", "2024-04", "2024", "year"),
        ("last month", "2024-01-15", "2023-12", "month"),
        # A month without a year: the latest one, unless the text looks ahead a little.
        ("December", "2025-03-12", "2024-12", "month"),
        ("in April", "2024-06-13", "2024-04", "month"),
        ("last March", "2024-03-05", "2023-03", "month"),
        ("March 18", "2025-03-12", "2025-03-18", "day"),
        ("September 9", "2024-08-13", "2024-09-09", "day"),
    ],
)
def test_relative_dates_resolve_against_the_published_date(
    text: str, published: str, value: str, precision: str
) -> None:
    parsed = parse_date(text, published)
    assert parsed is not None
    assert (parsed.value, parsed.precision, parsed.text) == (value, precision, text)


@pytest.mark.parametrize(
    ("text", "published"),
    [("on Tuesday", "2024-04"), ("last month", "2024"), ("the 1990s", "2024-01-01")],
)
def test_relative_dates_need_a_precise_enough_published_date(text: str, published: str) -> None:
    assert parse_date(text, published) is None


@given(st.dates(), st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]))
def test_a_weekday_resolves_to_that_weekday_in_the_week_up_to_publication(
    published: date, weekday: str
) -> None:
    parsed = parse_date(f"on {weekday}", published.isoformat())
    assert parsed is not None
    found = date.fromisoformat(parsed.value)
    assert found.strftime("%A") == weekday
    assert 0 <= (published - found).days < 7


def test_names_lose_titles_articles_and_possessives() -> None:
    assert clean_person_name("Mr. Zhao's") == "Zhao"
    assert clean_person_name("Dr Jane Smith") == "Jane Smith"
    assert clean_name("the Wall Street Journal") == "Wall Street Journal"
    assert clean_name("Binance's") == "Binance"
