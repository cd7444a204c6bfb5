"""Fines and settlements stated through a payment, and payments that are neither.

Sentences are written for these tests; the companies, people and amounts are real.
"""

from __future__ import annotations

import pytest
from readouts import Extract, pairs

from graphbuild.models import ArticleExtraction


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Amounts the pipeline does not tag as money.
        (
            "The European Commission fined Apple €1.8bn on Monday.",
            (
                "Fine",
                frozenset({("authority", "European Commission"), ("defendant", "Apple")}),
                1.8e9,
            ),
        ),
        # The tagger's MONEY span stops before the "m" written onto the number.
        (
            "Barclays has agreed to buy Tesco Bank for about £600m, taking over its cards.",
            (
                "Acquisition",
                frozenset({("acquirer", "Barclays"), ("target", "Tesco Bank")}),
                6e8,
            ),
        ),
        (
            "Credit Suisse's Singapore branch received the largest single penalty, "
            "of S$5.8 million.",
            ("Fine", frozenset({("defendant", "Credit Suisse")}), 5.8e6),
        ),
    ],
)
def test_amounts_the_tagger_misses(
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OpenAI said on Monday that it had raised $40 billion in a funding round led by "
            "SoftBank Group.",
            ("Investment", frozenset({("investor", "SoftBank"), ("target", "OpenAI")}), 4e10),
        ),
        (
            "Anthropic raised $4 billion from Amazon.",
            ("Investment", frozenset({("investor", "Amazon"), ("target", "Anthropic")}), 4e9),
        ),
    ],
)
def test_money_raised_is_an_investment(
    extract_text: Extract,
    text: str,
    expected: tuple[str, frozenset[tuple[str, str]], float | None],
) -> None:
    result = extract_text(text)
    assert expected in events(result)
    invested = pairs(result, "INVESTED_IN")
    investor = next(name for role, name in expected[1] if role == "investor")
    target = next(name for role, name in expected[1] if role == "target")
    assert invested == {(investor, target)}


@pytest.mark.parametrize(
    "text",
    [
        "Stripe raised prices for merchants.",
        "The SEC raised concerns about Coinbase.",
        "Coinbase raised $1 billion by selling convertible bonds.",
    ],
)
def test_raising_that_is_no_investment(extract_text: Extract, text: str) -> None:
    assert not [e for e in events(extract_text(text)) if e[0] == "Investment"]


def test_a_penalty_paid_to_settle_is_one_settlement(extract_text: Extract) -> None:
    text = (
        "Genesis agreed to pay a $21 million civil penalty to settle Securities and Exchange "
        "Commission charges."
    )
    kinds = [e[0] for e in events(extract_text(text)) if e[0] in ("Fine", "Settlement")]
    assert kinds == ["Settlement"]


def test_a_discount_for_settling_is_no_settlement(extract_text: Extract) -> None:
    text = (
        "The Prudential Regulation Authority fined Credit Suisse International £87 million "
        "after a 30 percent discount for settling."
    )
    kinds = [e[0] for e in events(extract_text(text)) if e[0] in ("Fine", "Settlement")]
    assert kinds == ["Fine"]


def test_settling_after_a_payment_is_still_a_settlement(extract_text: Extract) -> None:
    text = "Coinbase agreed to pay $100 million after settling with New York regulators."
    assert [e[0] for e in events(extract_text(text))] == ["Settlement"]


def test_an_order_to_pay_in_the_passive_names_the_court(extract_text: Extract) -> None:
    text = "ANZ was ordered to pay A$240 million in penalties by the Federal Court."
    assert (
        "Fine",
        frozenset({("authority", "Federal Court"), ("defendant", "ANZ")}),
        2.4e8,
    ) in events(extract_text(text))


def test_a_plea_deal_with_an_authority_settles_with_it(extract_text: Extract) -> None:
    text = (
        "Trafigura pleaded guilty and agreed to pay $127 million in penalties under a deal "
        "with the Justice Department."
    )
    result = extract_text(text)
    doj = "U.S. Department of Justice"
    assert (
        "Settlement",
        frozenset({("defendant", "Trafigura"), ("authority", doj)}),
        1.27e8,
    ) in events(result)
    settled = pairs(result, "SETTLED_WITH")
    assert settled == {("Trafigura", doj)}


def test_buying_a_stake_is_an_investment_not_an_acquisition(extract_text: Extract) -> None:
    result = extract_text("UniCredit bought a 9% stake in Commerzbank for 702 million euros.")
    found = events(result)
    assert (
        "Investment",
        frozenset({("investor", "UniCredit"), ("target", "Commerzbank")}),
        7.02e8,
    ) in found
    assert not [e for e in found if e[0] == "Acquisition"]


def test_a_stake_of_a_size_in_a_company_is_owned_and_an_investment(
    extract_text: Extract,
) -> None:
    # The parse hangs "in Disney" on the amount, not on the stake.
    result = extract_text("Trian Fund Management has built a stake of about $3 billion in Disney.")
    assert pairs(result, "OWNS") == {("Trian Fund Management", "Disney")}
    assert (
        "Investment",
        frozenset({("investor", "Trian Fund Management"), ("target", "Disney")}),
        3e9,
    ) in events(result)


def test_a_stake_only_agreed_is_an_investment_but_not_yet_owned(extract_text: Extract) -> None:
    result = extract_text("Scotiabank agreed on Monday to buy a 14.9% stake in KeyCorp.")
    assert pairs(result, "INVESTED_IN") == {("Scotiabank", "KeyCorp")}
    assert not pairs(result, "OWNS")


def test_a_stake_in_oneself_is_no_investment(extract_text: Extract) -> None:
    found = events(extract_text("SoftBank took a 10% stake in the company."))
    assert not [e for e in found if e[0] == "Investment"]


def test_paying_to_resolve_investigations_settles_with_their_authorities(
    extract_text: Extract,
) -> None:
    text = (
        "Morgan Stanley will pay $249 million to resolve SEC and Justice Department "
        "investigations into its block trading business."
    )
    assert (
        "Settlement",
        frozenset(
            {
                ("defendant", "Morgan Stanley"),
                ("authority", "U.S. Securities and Exchange Commission"),
                ("authority", "U.S. Department of Justice"),
            }
        ),
        2.49e8,
    ) in events(extract_text(text))


def test_hit_with_a_fine(extract_text: Extract) -> None:
    text = "HSBC was hit with a £57.4 million fine by the Bank of England."
    assert (
        "Fine",
        frozenset({("authority", "Bank of England"), ("defendant", "HSBC")}),
        5.74e7,
    ) in events(extract_text(text))


def test_a_hit_to_profits_is_no_fine(extract_text: Extract) -> None:
    text = "HSBC was hit by a $1 billion loss in China."
    assert not [e for e in events(extract_text(text)) if e[0] == "Fine"]


def test_backers_invested(extract_text: Extract) -> None:
    result = extract_text("Anthropic, which is backed by Amazon and Google, raised $3.5 billion.")
    invested = pairs(result, "INVESTED_IN")
    assert invested == {("Amazon", "Anthropic"), ("Google", "Anthropic")}


def test_backing_a_proposal_is_no_investment(extract_text: Extract) -> None:
    result = extract_text("The proposal was backed by the SEC.")
    assert not result.relations and not result.events


def test_money_agreed_to_a_regulator_is_a_settlement_with_it(extract_text: Extract) -> None:
    result = extract_text(
        "Bittrex agreed on Tuesday to pay more than $24 million to the Office of Foreign "
        "Assets Control over apparent sanctions breaches."
    )
    assert (
        "Settlement",
        frozenset({("defendant", "Bittrex"), ("authority", "Office of Foreign Assets Control")}),
        24e6,
    ) in events(result)
    assert pairs(result, "SETTLED_WITH") == {("Bittrex", "Office of Foreign Assets Control")}


def test_money_agreed_to_shareholders_is_no_settlement(extract_text: Extract) -> None:
    found = events(extract_text("Broadcom agreed to pay $69 billion to VMware shareholders."))
    assert not {e for e in found if e[0] in ("Fine", "Settlement")}


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia is to buy Intel common stock at $23.28 a share.",
        "Robinhood will pay C$0.36 for each WonderFi Technologies share.",
        "CyberArk shareholders will receive $45 in cash and 2.2005 Palo Alto Networks shares "
        "for each share they hold.",
    ],
)
def test_a_price_per_share_is_no_deal_amount(extract_text: Extract, text: str) -> None:
    assert all(e.amount is None for e in extract_text(text).events)


def test_buying_stock_is_no_acquisition(extract_text: Extract) -> None:
    result = extract_text("Nvidia is to buy Intel common stock at $23.28 a share.")
    assert not [e for e in result.events if e.type == "Acquisition"]
    # Buying a company still is.
    result = extract_text("Nvidia agreed to buy Intel for $90 billion.")
    assert [e.amount.value for e in result.events if e.type == "Acquisition" and e.amount] == [9e10]


def test_shares_of_a_total_go_to_each_party(extract_text: Extract) -> None:
    result = extract_text(
        "The European Commission fined Delivery Hero and its subsidiary Glovo a total of "
        "€329 million on Monday. Berlin-based Delivery Hero must pay €223.3 million and "
        "Glovo €105.7 million."
    )
    fines = {e for e in events(result) if e[0] == "Fine"}
    commission = ("authority", "European Commission")
    assert fines == {
        ("Fine", frozenset({commission, ("defendant", "Delivery Hero")}), 223.3e6),
        ("Fine", frozenset({commission, ("defendant", "Glovo")}), 105.7e6),
    }


def test_a_combined_fine_split_between_two_authorities(extract_text: Extract) -> None:
    # The shares sum to £61.7m; the reports round the combined fine to £61.6m.
    result = extract_text(
        "Citigroup Global Markets was fined a combined £61.6m by Britain's two financial "
        "regulators on Wednesday. The Prudential Regulation Authority imposed £33.9m and "
        "the Financial Conduct Authority £27.8m after parallel investigations."
    )
    fines = {e for e in events(result) if e[0] == "Fine"}
    defendant = ("defendant", "Citigroup Global Markets")
    assert fines == {
        (
            "Fine",
            frozenset({defendant, ("authority", "Prudential Regulation Authority")}),
            33.9e6,
        ),
        ("Fine", frozenset({defendant, ("authority", "Financial Conduct Authority")}), 27.8e6),
    }
    assert ("Financial Conduct Authority", "Citigroup Global Markets") in pairs(result, "FINED")


def test_amounts_that_do_not_add_up_to_the_total_leave_it(extract_text: Extract) -> None:
    result = extract_text(
        "Citigroup Global Markets was fined a combined £61.6m by Britain's two financial "
        "regulators on Wednesday. The Prudential Regulation Authority imposed £10m and the "
        "Financial Conduct Authority £5m in an earlier case."
    )
    assert {(e[1], e[2]) for e in events(result) if e[0] == "Fine"} == {
        (frozenset({("defendant", "Citigroup Global Markets")}), 61.6e6)
    }
