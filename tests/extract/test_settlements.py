"""Settlement events: defendant, authority, amount, date, status; and what is not a settlement."""

from __future__ import annotations

from collections.abc import Callable

from readouts import pairs

from graphbuild.models import ArticleExtraction, Event

Extract = Callable[[str], ArticleExtraction]


def settlements(result: ArticleExtraction) -> list[Event]:
    return [e for e in result.events if e.type == "Settlement"]


def participants(result: ArticleExtraction, event: Event) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in result.entities}
    return {(p.role, names[p.entity]) for p in event.participants}


def test_settlement_with_authority_and_amount(extract_text: Extract) -> None:
    result = extract_text(
        "Kraken agreed to a settlement with the SEC in February 2023, paying $30 million."
    )
    [event] = settlements(result)
    assert participants(result, event) == {
        ("defendant", "Kraken"),
        ("authority", "U.S. Securities and Exchange Commission"),
    }
    assert event.amount is not None
    assert (event.amount.value, event.amount.currency, event.amount.qualifier) == (
        3e7,
        "USD",
        "exact",
    )
    assert event.date is not None and event.date.value == "2023-02"
    assert event.status == "agreed"


def test_passive_settle_gives_the_defendant(extract_text: Extract) -> None:
    result = extract_text("Ripple Labs settled the case for $50 million.")
    [event] = settlements(result)
    # "Ripple Labs" is an alias of the gazetteer's canonical "Ripple".
    assert ("defendant", "Ripple") in participants(result, event)


def test_one_settlement_told_in_two_sentences_is_one_event(extract_text: Extract) -> None:
    text = (
        "Binance reached a settlement with the Justice Department. "
        "Under the settlement, Binance will pay more than $4 billion."
    )
    result = extract_text(text)
    [event] = settlements(result)
    assert len(event.evidence) == 2
    assert event.amount is not None and event.amount.qualifier == "over"


def test_hedged_settlement_is_marked_proposed(extract_text: Extract) -> None:
    result = extract_text("Binance may settle with the Justice Department for $4 billion.")
    [event] = settlements(result)
    assert event.status == "proposed"


def test_negated_settlement_is_not_an_event(extract_text: Extract) -> None:
    assert settlements(extract_text("Coinbase did not settle with the SEC.")) == []


def test_sentence_without_trigger_is_not_a_settlement(extract_text: Extract) -> None:
    assert (
        settlements(extract_text("Binance paid $4.3 billion in fees to its market makers.")) == []
    )


def test_whoever_speaks_of_a_settlement_is_not_its_defendant(extract_text: Extract) -> None:
    text = "David Meister, an outside lawyer for OKX, said the settlement contained no charges."
    result = extract_text(text)
    names = {e.id: e.name for e in result.entities}
    defendants = {
        names[p.entity]
        for e in result.events
        if e.type == "Settlement"
        for p in e.participants
        if p.role == "defendant"
    }
    assert "David Meister" not in defendants


def test_a_headline_is_not_part_of_the_first_sentence(extract_text: Extract) -> None:
    text = (
        "Kraken settles SEC staking case\n\n"
        "Kraken agreed to pay $30 million to settle charges from the SEC."
    )
    [settlement] = [e for e in extract_text(text).events if e.type == "Settlement"]
    sentences = [ev.sentence for ev in settlement.evidence]
    assert any(s.startswith("Kraken agreed to pay") for s in sentences)
    assert not any("staking case" in s and "agreed to pay" in s for s in sentences)


def test_settling_charges_brought_by_an_authority(extract_text: Extract) -> None:
    result = extract_text(
        "BlockFi agreed on Monday to pay $100 million to settle charges brought by the U.S. "
        "Securities and Exchange Commission."
    )
    sec = "U.S. Securities and Exchange Commission"
    assert pairs(result, "SETTLED_WITH") == {("BlockFi", sec)}
    assert pairs(result, "CHARGED") == {(sec, "BlockFi")}
    assert len([e for e in result.events if e.type == "Settlement"]) == 1


def test_resolving_an_authority_s_investigations(extract_text: Extract) -> None:
    result = extract_text(
        "Glencore agreed on Tuesday to pay more than $1.1 billion to resolve U.S. Justice "
        "Department investigations."
    )
    assert pairs(result, "SETTLED_WITH") == {("Glencore", "U.S. Department of Justice")}


def test_a_country_s_investigation_names_no_authority(extract_text: Extract) -> None:
    result = extract_text("Binance agreed to pay $4.3 billion to end a U.S. investigation.")
    assert not pairs(result, "SETTLED_WITH")


def test_a_payment_and_its_settlement_are_one_event(extract_text: Extract) -> None:
    result = extract_text(
        "ANZ has agreed to pay A$240 million in penalties to resolve four investigations by "
        "the Australian Securities and Investments Commission."
    )
    (settlement,) = [e for e in result.events if e.type == "Settlement"]
    names = {e.id: e.name for e in result.entities}
    assert {(p.role, names[p.entity]) for p in settlement.participants} == {
        ("defendant", "ANZ"),
        ("authority", "Australian Securities and Investments Commission"),
    }


def test_paying_to_resolve_an_authority_s_charges(extract_text: Extract) -> None:
    # The parse hangs the purpose clause on the amount, not on "pay".
    result = extract_text(
        "Glencore agreed on Friday to pay more than $1.1 billion to resolve Justice Department "
        "charges that it bribed officials in Africa."
    )
    doj = "U.S. Department of Justice"
    assert pairs(result, "CHARGED") == {(doj, "Glencore")}
    assert pairs(result, "SETTLED_WITH") == {("Glencore", doj)}


def test_a_country_s_charges_name_no_authority(extract_text: Extract) -> None:
    result = extract_text("Glencore agreed to pay $1.1 billion to resolve U.S. charges.")
    assert not pairs(result, "CHARGED")


def test_whom_a_product_was_sold_to_is_no_counterparty(extract_text: Extract) -> None:
    result = extract_text(
        "Nexo agreed to pay $45 million to settle charges that it sold a lending product to "
        "U.S. investors."
    )
    assert not pairs(result, "SETTLED_WITH")
    [settlement] = settlements(result)
    assert participants(result, settlement) == {("defendant", "Nexo")}


def test_a_country_s_regulators_are_no_named_counterparty(extract_text: Extract) -> None:
    result = extract_text(
        "Tether paid $41 million in 2021 to settle allegations by U.S. regulators that it had "
        "misrepresented its reserves."
    )
    assert not pairs(result, "SETTLED_WITH")
    assert not pairs(result, "CHARGED")
    [settlement] = settlements(result)
    assert participants(result, settlement) == {("defendant", "Tether")}


def test_a_payment_settled_in_assets_settles_no_case(extract_text: Extract) -> None:
    result = extract_text(
        "MGX will invest $2 billion in Binance, the largest investment in a crypto company "
        "ever settled in digital assets."
    )
    assert not [e for e in result.events if e.type == "Settlement"]


def test_the_settlement_told_before_names_none_of_the_people_after_it(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Two Sigma has agreed to pay $90 million to settle charges by the U.S. Securities and "
        "Exchange Commission. The settlement comes months after a change at the top: "
        "co-founders John Overdeck and David Siegel handed the co-chief executive roles to "
        "Scott Hoffman and Carter Lyons."
    )
    [event] = settlements(result)
    assert ("defendant", "Two Sigma") in participants(result, event)
    assert len(event.evidence) == 2


def test_a_penalty_paid_under_a_settlement_is_part_of_it(extract_text: Extract) -> None:
    result = extract_text(
        "Amazon has agreed to pay $2.5 billion to settle a Federal Trade Commission lawsuit, "
        "the agency said on Thursday. The Seattle-based company will pay a $1 billion civil "
        "penalty and refund $1.5 billion to about 35 million customers."
    )
    assert [e.type for e in result.events] == ["Settlement"]
    [settlement] = result.events
    assert settlement.amount is not None and settlement.amount.value == 2_500_000_000
    assert len(settlement.evidence) == 2


def test_a_fine_an_authority_imposed_stays_a_fine(extract_text: Extract) -> None:
    result = extract_text(
        "Binance agreed to pay $4.3 billion to settle with the Justice Department. The "
        "Treasury fined Binance $968 million."
    )
    assert {e.type for e in result.events} == {"Settlement", "Fine"}


def test_an_agreement_to_plead_guilty_is_no_plea_yet(extract_text: Extract) -> None:
    result = extract_text(
        "The office charged Martin Elling with obstruction of justice, and he has agreed to "
        "plead guilty."
    )
    assert not [e for e in result.events if e.type == "GuiltyPlea"]


def test_the_subject_settles_not_the_company_its_title_names(extract_text: Extract) -> None:
    result = extract_text(
        "Richard Devlin, Unicoin's general counsel, agreed to pay the SEC a $37,500 penalty "
        "to settle separate negligence-based charges."
    )
    assert pairs(result, "SETTLED_WITH") == {
        ("Richard Devlin", "U.S. Securities and Exchange Commission")
    }


def test_settling_charges_means_the_authority_charged(extract_text: Extract) -> None:
    result = extract_text(
        "Richard Devlin, Unicoin's general counsel, agreed to pay the SEC a $37,500 penalty "
        "to settle separate negligence-based charges."
    )
    assert pairs(result, "CHARGED") == {
        ("U.S. Securities and Exchange Commission", "Richard Devlin")
    }
    assert [e.type for e in result.events].count("Charge") == 1
    # A settlement of a lawsuit is no charge.
    sued = extract_text("Binance agreed to pay $50 million to settle the lawsuit with the FTC.")
    assert not pairs(sued, "CHARGED")


def test_a_penalty_agreed_with_an_authority_is_a_settlement_with_it(
    extract_text: Extract,
) -> None:
    cases = [
        (
            "Paxos Trust Company agreed on Thursday to pay a $26.5 million penalty to the New "
            "York State Department of Financial Services.",
            ("Paxos Trust Company", "New York Department of Financial Services"),
        ),
        (
            "Pawan Passi entered a deferred prosecution agreement and agreed to pay the SEC a "
            "$250,000 civil penalty.",
            ("Pawan Passi", "U.S. Securities and Exchange Commission"),
        ),
        (
            "Under a plea agreement with the Justice Department, Trafigura agreed to pay a "
            "criminal fine of about $80.5 million.",
            ("Trafigura", "U.S. Department of Justice"),
        ),
    ]
    for text, pair in cases:
        result = extract_text(text)
        assert [e.type for e in result.events if e.type != "Charge"] == ["Settlement"], text
        assert pairs(result, "SETTLED_WITH") == {pair}, text
        [settlement] = settlements(result)
        assert settlement.amount is not None


def test_a_penalty_paid_with_no_agreement_or_to_no_authority_stays_a_fine(
    extract_text: Extract,
) -> None:
    # Ordered, not agreed: the court fines the bank.
    ordered = extract_text("The court ordered Westpac to pay a A$1.3 billion penalty.")
    assert "Settlement" not in {e.type for e in ordered.events}
    # Agreed, but to no authority the sentence names.
    agreed = extract_text("The company agreed to pay a $5 million penalty.")
    assert not pairs(agreed, "SETTLED_WITH")


def test_an_authority_that_secured_a_settlement_is_its_counterparty(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "The New York Attorney General's office said on Monday that it had secured a "
        "settlement worth $2 billion with Genesis Global Holdco, the bankrupt crypto lender."
    )
    [event] = settlements(result)
    assert participants(result, event) == {
        ("defendant", "Genesis Global Holdco"),
        ("authority", "New York Attorney General's Office"),
    }


def test_the_one_who_agreed_to_pay_to_settle_is_the_defendant(extract_text: Extract) -> None:
    # "to settle" hangs on the penalty; the subject of "agreed" settles, not the people
    # named after it.
    result = extract_text(
        "Silvergate agreed to pay a $50 million civil penalty to settle, without admitting "
        "or denying the allegations, while Lane and Fraher settled by agreeing to pay "
        "$1 million and $250,000 respectively."
    )
    [event, *_] = settlements(result)
    assert ("defendant", "Silvergate Capital") in participants(result, event)
    assert event.amount is not None and event.amount.value == 5e7


def test_a_settlement_naming_no_authority_is_with_the_one_that_charged(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "The SEC on Monday charged Silvergate Capital with misleading investors. Silvergate "
        "agreed to pay a $50 million civil penalty to settle the charges."
    )
    [event] = settlements(result)
    assert participants(result, event) == {
        ("defendant", "Silvergate Capital"),
        ("authority", "U.S. Securities and Exchange Commission"),
    }
    assert ("Silvergate Capital", "U.S. Securities and Exchange Commission") in pairs(
        result, "SETTLED_WITH"
    )


def test_a_settlement_is_with_no_one_when_two_authorities_charged(extract_text: Extract) -> None:
    result = extract_text(
        "The SEC and the Justice Department charged Silvergate Capital. Silvergate agreed to "
        "pay $50 million to settle."
    )
    [event] = settlements(result)
    assert {p.role for p in event.participants} == {"defendant"}
