"""Fines and settlements stated through a payment, and payments that are neither.

Sentences are written for these tests; the companies, people and amounts are real.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graphbuild.models import ArticleExtraction

Extract = Callable[[str], ArticleExtraction]


def events(result: ArticleExtraction) -> set[tuple[str, frozenset[tuple[str, str]], float | None]]:
    names = {e.id: e.name for e in result.entities}
    return {
        (
            e.type,
            frozenset((p.role, names[p.entity]) for p in e.participants),
            e.amount.value if e.amount else None,
        )
        for e in result.events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plea deal: the payment is the settlement, its payer the defendant.
        (
            "TD Bank pleaded guilty on Thursday and agreed to pay about $3 billion in penalties.",
            ("Settlement", frozenset({("defendant", "TD Bank")}), 3e9),
        ),
        # The payer named by a description.
        (
            "Binance pleaded guilty, and the exchange agreed to pay $4.3 billion in penalties.",
            ("Settlement", frozenset({("defendant", "Binance")}), 4.3e9),
        ),
        (
            "Changpeng Zhao accepted a $50 million fine.",
            ("Fine", frozenset({("defendant", "Changpeng Zhao")}), 5e7),
        ),
        # An order to pay a penalty: the orderer is the authority.
        (
            "The CFTC ordered Coinbase to pay a $6.5 million civil penalty.",
            (
                "Fine",
                frozenset(
                    {
                        ("authority", "U.S. Commodity Futures Trading Commission"),
                        ("defendant", "Coinbase"),
                    }
                ),
                6.5e6,
            ),
        ),
        # The indirect object of "fined" is the one fined.
        (
            "The Financial Conduct Authority fined Starling Bank almost £29 million.",
            (
                "Fine",
                frozenset(
                    {("authority", "Financial Conduct Authority"), ("defendant", "Starling Bank")}
                ),
                29e6,
            ),
        ),
    ],
)
def test_payments_that_state_an_event(
    extract_text: Extract,
    text: str,
    expected: tuple[str, frozenset[tuple[str, str]], float | None],
) -> None:
    assert expected in events(extract_text(text))


def test_an_order_to_pay_gives_the_fined_relation(extract_text: Extract) -> None:
    result = extract_text("The CFTC ordered Coinbase to pay a $6.5 million civil penalty.")
    names = {e.id: e.name for e in result.entities}
    fined = [
        (names[r.subject], names[r.object], r.properties.get("amount"))
        for r in result.relations
        if r.predicate == "FINED"
    ]
    assert fined == [("U.S. Commodity Futures Trading Commission", "Coinbase", 6.5e6)]


@pytest.mark.parametrize(
    "text",
    [
        # A purchase price is not a settlement.
        "Microsoft agreed to pay $69 billion for Activision Blizzard.",
        # Hedged and refused payments state nothing.
        "Binance may agree to pay $4 billion in penalties.",
        "Kraken refused to pay the fine.",
        "Coinbase did not agree to pay any penalty.",
    ],
)
def test_payments_that_are_no_fine_or_settlement(extract_text: Extract, text: str) -> None:
    found = events(extract_text(text))
    assert not {e for e in found if e[0] in ("Fine", "Settlement")}


def test_a_settle_sentence_gives_one_settlement(extract_text: Extract) -> None:
    text = "Kraken agreed to pay $30 million to settle charges from the SEC."
    settlements = [e for e in events(extract_text(text)) if e[0] == "Settlement"]
    assert len(settlements) == 1
    assert settlements[0][2] == 3e7
