"""Funding rounds: who led them, who raised, and who joined.

A round is one Investment, whoever the article names in it: "Founders Fund led a
$45 million round in Polymarket. Vitalik Buterin and Paradigm also invested."
The investors and companies are real; the sentences are written for these tests.
"""

from __future__ import annotations

from readouts import Extract, event_parts, pairs


def test_the_lead_investor_invests_in_the_company_the_round_is_in(extract_text: Extract) -> None:
    result = extract_text("Founders Fund led a $45 million funding round in Polymarket on Tuesday.")
    assert pairs(result, "INVESTED_IN") == {("Founders Fund", "Polymarket")}
    [event] = [e for e in result.events if e.type == "Investment"]
    assert event.amount is not None and event.amount.value == 45_000_000


def test_who_announces_a_round_led_by_an_investor_raised_it(extract_text: Extract) -> None:
    result = extract_text(
        "Polymarket disclosed an earlier $25 million round led by General Catalyst."
    )
    assert pairs(result, "INVESTED_IN") == {("General Catalyst", "Polymarket")}


def test_investors_who_also_invested_join_the_round_told_before(extract_text: Extract) -> None:
    result = extract_text(
        "Founders Fund led a $45 million funding round in Polymarket on Tuesday. "
        "Vitalik Buterin and Paradigm also invested."
    )
    investors = {"Founders Fund", "Vitalik Buterin", "Paradigm"}
    assert pairs(result, "INVESTED_IN") == {(name, "Polymarket") for name in investors}
    # One round with every investor, and its amount.
    assert event_parts(result, "Investment") == [
        {("target", "Polymarket"), *(("investor", name) for name in investors)}
    ]
    assert [e.amount.value for e in result.events if e.amount] == [45_000_000]


def test_investors_who_took_part_join_the_round(extract_text: Extract) -> None:
    result = extract_text(
        "Andreessen Horowitz led a $30 million round in Farcaster. "
        "Paradigm and Coinbase Ventures also took part."
    )
    assert pairs(result, "INVESTED_IN") == {
        (name, "Farcaster") for name in ("Andreessen Horowitz", "Paradigm", "Coinbase Ventures")
    }


def test_taking_part_in_no_round_is_no_investment(extract_text: Extract) -> None:
    result = extract_text("Coinbase executives took part in a panel on Tuesday.")
    assert not result.events
    assert not pairs(result, "INVESTED_IN")


def test_a_planned_lead_is_no_investment(extract_text: Extract) -> None:
    result = extract_text("Stripe plans to lead a $50 million round in Bridge.")
    assert not pairs(result, "INVESTED_IN")


def test_an_amount_of_another_clause_is_not_the_investment(extract_text: Extract) -> None:
    result = extract_text(
        "Vitalik Buterin and Coinbase also invested, and Polymarket disclosed an earlier "
        "$25 million round."
    )
    names = {e.id: e.name for e in result.entities}
    for event in (e for e in result.events if e.type == "Investment"):
        # The investors' event takes no amount; the earlier round is Polymarket's own.
        investors = {names[p.entity] for p in event.participants if p.role == "investor"}
        if investors:
            assert event.amount is None
        else:
            assert event.amount is not None and event.amount.value == 25_000_000


def test_a_name_listed_among_companies_is_a_company(extract_text: Extract) -> None:
    # The small pipeline leaves "General Catalyst" untagged in this list.
    result = extract_text(
        "Nvidia, Andreessen Horowitz, General Catalyst, Bpifrance and DST Global also "
        "invested in Mistral AI."
    )
    assert ("General Catalyst", "Mistral AI") in pairs(result, "INVESTED_IN")


def test_leads_of_the_round_and_a_list_of_others_join_it(extract_text: Extract) -> None:
    # The parse runs "Paradigm and Blockchain Capital" together and does not join the three
    # names before "also invested" into one subject.
    result = extract_text(
        "Flashbots has raised $60 million in a Series B round. Paradigm and Blockchain "
        "Capital led the round, and Coinbase Ventures, Dragonfly and Greenoaks also invested."
    )
    investors = {"Paradigm", "Blockchain Capital", "Coinbase Ventures", "Dragonfly", "Greenoaks"}
    assert pairs(result, "INVESTED_IN") == {(name, "Flashbots") for name in investors}
    assert event_parts(result, "Investment") == [
        {("target", "Flashbots"), *(("investor", name) for name in investors)}
    ]


def test_leading_no_round_told_before_is_no_investment(extract_text: Extract) -> None:
    result = extract_text("Paradigm and Blockchain Capital led the round on Tuesday.")
    assert not pairs(result, "INVESTED_IN")
    assert not result.events


def test_names_before_a_subject_without_a_closing_and_are_no_list(extract_text: Extract) -> None:
    result = extract_text(
        "In talks with Kraken, Coinbase invested in Flashbots, Paradigm said on Tuesday."
    )
    assert ("Kraken", "Flashbots") not in pairs(result, "INVESTED_IN")


def test_who_raised_money_is_a_company(extract_text: Extract) -> None:
    # The small pipeline leaves "Tempo" untagged.
    result = extract_text(
        "Tempo, a payments-focused blockchain, has raised $500 million in a Series A round."
    )
    assert ("Tempo", "Organization") in {(e.name, e.type) for e in result.entities}


def test_investors_in_the_round_join_it_without_its_valuation(extract_text: Extract) -> None:
    # The small pipeline tags Accel and Cisco as places; investing makes them companies.
    result = extract_text(
        "Thinking Machines Lab has raised $2 billion in a seed round led by Andreessen "
        "Horowitz. Nvidia, Accel, ServiceNow, Cisco, AMD and Jane Street also invested in the "
        "round, which valued the San Francisco-based company at $12 billion."
    )
    investors = {"Andreessen Horowitz", "Nvidia", "Accel", "ServiceNow", "Cisco", "AMD"}
    investors |= {"Jane Street"}
    assert pairs(result, "INVESTED_IN") == {(name, "Thinking Machines Lab") for name in investors}
    (event,) = [e for e in result.events if e.type == "Investment"]
    assert event.amount is not None and event.amount.value == 2_000_000_000
    types = {e.name: e.type for e in result.entities}
    assert types["Accel"] == types["Cisco"] == "Organization"


def test_investing_in_a_round_told_nowhere_is_no_investment(extract_text: Extract) -> None:
    result = extract_text("Nvidia and AMD also invested in the round, the companies said.")
    assert not pairs(result, "INVESTED_IN")
    assert not [e for e in result.events if e.type == "Investment"]


def test_investors_who_put_money_into_the_round_join_it(extract_text: Extract) -> None:
    result = extract_text(
        "Anysphere, the San Francisco-based start-up behind the coding assistant Cursor, has "
        "raised $900 million in a round led by Thrive Capital. Accel and DST Global also put "
        "money into the round."
    )
    assert pairs(result, "INVESTED_IN") == {
        (name, "Anysphere") for name in ("Thrive Capital", "Accel", "DST Global")
    }
    assert ("Anysphere", "San Francisco") in pairs(result, "HEADQUARTERED_IN")


def test_money_put_into_something_else_is_no_investment(extract_text: Extract) -> None:
    result = extract_text(
        "Andreessen Horowitz led a $30 million round in Farcaster. Paradigm put money into "
        "its own fund, and Coinbase Ventures put effort into the round."
    )
    assert pairs(result, "INVESTED_IN") == {("Andreessen Horowitz", "Farcaster")}


def test_investors_of_an_elided_clause_and_a_prince_without_his_title(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Elon Musk's artificial intelligence start-up xAI has raised $6 billion in a Series B "
        "round. Valor Equity Partners and Sequoia Capital took part, as did Saudi Arabia's "
        "Prince Alwaleed bin Talal and Kingdom Holding."
    )
    assert {
        ("Valor Equity Partners", "xAI"),
        ("Alwaleed bin Talal", "xAI"),
        ("Kingdom Holding", "xAI"),
    } <= pairs(result, "INVESTED_IN")


def test_a_round_co_led_by_two_investors(extract_text: Extract) -> None:
    result = extract_text(
        "Phantom said it had raised $150 million in a Series C round co-led by Sequoia "
        "Capital and Paradigm."
    )
    assert pairs(result, "INVESTED_IN") == {
        ("Sequoia Capital", "Phantom"),
        ("Paradigm", "Phantom"),
    }


def test_seed_funding_from_a_list_of_investors(extract_text: Extract) -> None:
    result = extract_text(
        "Alterya had raised $9.8 million in seed funding from Battery Ventures, Y Combinator "
        "and Nyca Partners."
    )
    assert pairs(result, "INVESTED_IN") == {
        (name, "Alterya") for name in ("Battery Ventures", "Y Combinator", "Nyca Partners")
    }


def test_shares_sold_to_investors_are_the_money_raised_before(extract_text: Extract) -> None:
    result = extract_text(
        "BitMine Immersion Technologies said it would raise $250 million in a private "
        "placement. BitMine is selling about 55.6 million shares at $4.50 each to investors "
        "including Founders Fund, Pantera Capital and the crypto exchange Kraken."
    )
    investors = ("Founders Fund", "Pantera Capital", "Kraken")
    assert pairs(result, "INVESTED_IN") == {
        (name, "BitMine Immersion Technologies") for name in investors
    }
    # One event: the raise, its investors, and the sum raised (not the price of a share).
    assert event_parts(result, "Investment") == [
        {("target", "BitMine Immersion Technologies"), *(("investor", n) for n in investors)}
    ]
    assert [e.amount.value for e in result.events if e.amount] == [250_000_000]


def test_selling_a_business_or_issuing_shares_is_no_investment_read_here(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Intel is selling its stake in Mobileye to Apollo. RBL will issue new shares to "
        "Emirates NBD."
    )
    assert not pairs(result, "INVESTED_IN")


def test_a_lead_of_the_companys_previous_round(extract_text: Extract) -> None:
    result = extract_text(
        "Phantom raised $150 million on Thursday. Paradigm also led its previous round, "
        "a $109 million Series B in January 2022."
    )
    assert ("Paradigm", "Phantom") in pairs(result, "INVESTED_IN")
    assert {"Paradigm"} <= {
        name for parts in event_parts(result, "Investment") for role, name in parts
    }


def test_investors_a_raise_names_as_included(extract_text: Extract) -> None:
    result = extract_text(
        "A jury convicted Rishi Shah, the co-founder of Outcome Health. The Chicago-based "
        "company had raised $488 million from investors including Goldman Sachs and Alphabet."
    )
    assert pairs(result, "INVESTED_IN") == {
        ("Goldman Sachs", "Outcome Health"),
        ("Alphabet", "Outcome Health"),
    }


def test_a_private_placement_led_by_investors_is_their_investment(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Forward Industries said on Thursday it had closed a $1.65 billion private placement "
        "led by Galaxy Digital, Jump Crypto and Multicoin Capital. Bitwise Asset Management "
        "and Ribbit Capital also took part."
    )
    investors = {s for s, o in pairs(result, "INVESTED_IN") if o == "Forward Industries"}
    assert investors == {
        "Galaxy Digital",
        "Jump Crypto",
        "Multicoin Capital",
        "Bitwise Asset Management",
        "Ribbit Capital",
    }


def test_a_closed_round_with_its_sum_and_every_investor_the_article_names(
    extract_text: Extract,
) -> None:
    # The tagger leaves "Databricks" untagged; the article capitalises it mid-sentence too.
    result = extract_text(
        "Databricks said on Wednesday it had closed its $10 billion Series J funding round "
        "and added Meta Platforms as a strategic investor. The company had announced the "
        "round in December, led by Thrive Capital. Andreessen Horowitz and DST Global also "
        "invested, along with Temasek and the Qatar Investment Authority. Separately, "
        "Databricks arranged $5.25 billion of debt."
    )
    investors = {"Meta", "Thrive Capital", "Andreessen Horowitz", "DST Global", "Temasek"}
    investors.add("Qatar Investment Authority")
    assert pairs(result, "INVESTED_IN") == {(name, "Databricks") for name in investors}
    [event] = [e for e in result.events if e.type == "Investment"]
    assert event.amount is not None and event.amount.value == 10_000_000_000
    # One investor among several does not put in the round's whole sum.
    assert all("amount" not in r.properties for r in result.relations)


def test_who_is_sued_along_with_others_invests_nothing(extract_text: Extract) -> None:
    result = extract_text(
        "The FTC sued Early Warning Services, along with JPMorgan Chase and Wells Fargo."
    )
    assert pairs(result, "INVESTED_IN") == set()


def test_a_sum_paid_for_a_minority_stake_is_an_investment(extract_text: Extract) -> None:
    result = extract_text("Nomura agreed to pay $120 million for a 20% stake in Kraken.")
    assert pairs(result, "INVESTED_IN") == {("Nomura", "Kraken")}
    assert pairs(result, "ACQUIRED") == set()


def test_who_buys_into_a_company_invests_in_it(extract_text: Extract) -> None:
    result = extract_text(
        "Exor, the holding company that has controlled Juventus since 1923, rejected the "
        "offer from stablecoin issuer Tether. El Salvador-based Tether bought into the club "
        "in February and now owns about 11.5% of it."
    )
    assert pairs(result, "INVESTED_IN") == {("Tether", "Juventus")}
    assert pairs(result, "ACQUIRED") == set()
    assert ("Tether", "Juventus") in pairs(result, "OWNS")
    assert all(e.type != "Acquisition" for e in result.events)


def test_a_majority_stake_sold_to_a_group_led_by_firms(extract_text: Extract) -> None:
    result = extract_text(
        "Truist Financial agreed on Tuesday to sell its remaining 80% stake in Truist "
        "Insurance Holdings, its insurance brokerage unit, to an investor group led by "
        "private equity firms Stone Point Capital and Clayton, Dubilier & Rice, in a deal "
        "that values the business at $15.5 billion."
    )
    target = "Truist Insurance Holdings"
    assert pairs(result, "ACQUIRED") == {
        ("Stone Point Capital", target),
        ("Clayton, Dubilier & Rice", target),
    }


def test_a_round_raised_from_investors(extract_text: Extract) -> None:
    result = extract_text("Kraken raised a $600 million round from Jane Street and Tribe Capital.")
    assert {("Jane Street", "Kraken"), ("Tribe Capital", "Kraken")} <= pairs(result, "INVESTED_IN")


def test_backers_a_raise_came_from(extract_text: Extract) -> None:
    result = extract_text(
        "Aptos Labs has raised about $400 million from backers that include Andreessen "
        "Horowitz, Haun Ventures and Franklin Templeton."
    )
    assert pairs(result, "INVESTED_IN") == {
        (investor, "Aptos Labs")
        for investor in ("Andreessen Horowitz", "Haun Ventures", "Franklin Templeton")
    }


def test_every_backer_of_a_list_that_took_part_joins_the_round(extract_text: Extract) -> None:
    # The tagger leaves "Accel", "Plural" and "General Catalyst" untagged between companies.
    result = extract_text(
        "Helsing has raised $600 million in a funding round led by Prima Materia. Existing "
        "backers Lightspeed Venture Partners, Accel, Plural, General Catalyst and the "
        "Swedish defence group Saab also took part."
    )
    investors = {investor for investor, _ in pairs(result, "INVESTED_IN")}
    assert {"Lightspeed Venture Partners", "Accel", "Plural", "General Catalyst", "Saab"} <= (
        investors
    )


def test_a_name_the_parse_lists_with_an_object_is_the_next_clauses_subject(
    extract_text: Extract,
) -> None:
    # The parse reads "Intel and SoftBank" as the stake's list; SoftBank is who agreed.
    result = extract_text(
        "Nvidia will invest $5 billion in Intel. It comes a month after the U.S. government "
        "took a stake of about 10% in Intel and SoftBank agreed to invest $2 billion in the "
        "chipmaker."
    )
    invested = pairs(result, "INVESTED_IN")
    assert ("SoftBank", "Intel") in invested
    assert not {pair for pair in invested if pair[1] == "SoftBank"}
    assert ("United States", "SoftBank") not in pairs(result, "OWNS")


def test_a_led_round_that_valued_the_sentences_subject(extract_text: Extract) -> None:
    # "it" is the company the sentence is about, not a lead named since.
    result = extract_text(
        "Revolut won a UK banking licence. Revolut became Britain's most valuable start-up "
        "in 2021, when SoftBank and Tiger Global led an $800 million round that valued it at "
        "$33 billion."
    )
    assert pairs(result, "INVESTED_IN") == {("SoftBank", "Revolut"), ("Tiger Global", "Revolut")}


def test_a_round_told_before_that_was_led_by_an_investor(extract_text: Extract) -> None:
    result = extract_text(
        "Harvey has raised $300 million in a Series D round. The round was led by Sequoia "
        "Capital. Existing investors Kleiner Perkins and Elad Gil also participated."
    )
    investors = {"Sequoia Capital", "Kleiner Perkins", "Elad Gil"}
    assert pairs(result, "INVESTED_IN") == {(name, "Harvey") for name in investors}
    assert event_parts(result, "Investment") == [
        {("target", "Harvey"), *(("investor", name) for name in investors)}
    ]


def test_a_round_co_led_by_two_firms_the_pipeline_takes_for_people(
    extract_text: Extract,
) -> None:
    # The parse hangs "Lightspeed" on "Kleiner Perkins", and the small pipeline tags both
    # as people; the gazetteer knows them as investors.
    result = extract_text(
        "Harvey has raised $300 million. The Series D round, co-led by Lightspeed and "
        "Kleiner Perkins, brings its total funding to $500 million."
    )
    investors = {"Lightspeed Venture Partners", "Kleiner Perkins"}
    assert pairs(result, "INVESTED_IN") == {(name, "Harvey") for name in investors}
    types = {e.name: e.type for e in result.entities}
    assert {types[name] for name in investors} == {"Organization"}


def test_a_round_a_relative_clause_says_was_led(extract_text: Extract) -> None:
    result = extract_text(
        "Ramp has raised $200 million. Founders Fund took part in the round, which was led "
        "by Thrive Capital."
    )
    assert pairs(result, "INVESTED_IN") == {
        ("Founders Fund", "Ramp"),
        ("Thrive Capital", "Ramp"),
    }


def test_a_meeting_led_by_an_investor_is_no_round(extract_text: Extract) -> None:
    result = extract_text("Ramp has raised $200 million. The meeting was led by Thrive Capital.")
    assert ("Thrive Capital", "Ramp") not in pairs(result, "INVESTED_IN")


def test_a_round_led_with_participation_from_others(extract_text: Extract) -> None:
    result = extract_text(
        "Mistral AI raised €600 million in a round led by General Catalyst, with "
        "participation from Nvidia, Samsung and Salesforce Ventures."
    )
    investors = {"General Catalyst", "Nvidia", "Samsung Electronics", "Salesforce Ventures"}
    assert pairs(result, "INVESTED_IN") == {(name, "Mistral AI") for name in investors}
    (event,) = [e for e in result.events if e.type == "Investment"]
    assert event.amount is not None and event.amount.value == 600_000_000


def test_a_lead_joined_by_others_and_others_among_the_investors(extract_text: Extract) -> None:
    joined = extract_text(
        "SoftBank led a $40 billion funding round in OpenAI, joined by Microsoft, Coatue and "
        "Thrive Capital."
    )
    investors = {"SoftBank", "Microsoft", "Coatue", "Thrive Capital"}
    assert pairs(joined, "INVESTED_IN") == {(name, "OpenAI") for name in investors}
    among = extract_text(
        "Thinking Machines Lab raised $2 billion in a seed round led by Andreessen Horowitz, "
        "with Nvidia, AMD and Cisco among the other investors."
    )
    investors = {"Andreessen Horowitz", "Nvidia", "AMD", "Cisco"}
    assert pairs(among, "INVESTED_IN") == {(name, "Thinking Machines Lab") for name in investors}


def test_a_lead_and_those_who_joined_it(extract_text: Extract) -> None:
    result = extract_text(
        "Mistral AI closed a €600 million funding round. General Catalyst led the round, and "
        "Nvidia and Samsung joined."
    )
    investors = {"General Catalyst", "Nvidia", "Samsung Electronics"}
    assert pairs(result, "INVESTED_IN") == {(name, "Mistral AI") for name in investors}


def test_who_joined_something_other_than_a_round_invests_nothing(extract_text: Extract) -> None:
    result = extract_text(
        "Mistral AI closed a €600 million funding round. General Catalyst led the talks, and "
        "Nvidia joined."
    )
    assert ("Nvidia", "Mistral AI") not in pairs(result, "INVESTED_IN")


def test_an_investment_received_or_funding_secured_from_investors(extract_text: Extract) -> None:
    received = extract_text("Scale AI received a $14.3 billion investment from Nvidia.")
    assert pairs(received, "INVESTED_IN") == {("Nvidia", "Scale AI")}
    (event,) = [e for e in received.events if e.type == "Investment"]
    assert event.amount is not None and event.amount.value == 14_300_000_000
    secured = extract_text("Polymarket secured funding from Founders Fund and Vitalik Buterin.")
    assert pairs(secured, "INVESTED_IN") == {
        ("Founders Fund", "Polymarket"),
        ("Vitalik Buterin", "Polymarket"),
    }


def test_a_loan_secured_or_contracts_won_are_no_investment(extract_text: Extract) -> None:
    loan = extract_text("Polymarket secured a $500 million loan from JPMorgan Chase.")
    assert not pairs(loan, "INVESTED_IN")
    contracts = extract_text("Palantir secured $2 billion in contracts this year.")
    assert not [e for e in contracts.events if e.type == "Investment"]


def test_investors_or_backers_of_the_round_include(extract_text: Extract) -> None:
    result = extract_text(
        "Zama has raised $57 million. Investors in the round include Pantera Capital, "
        "Blockchain Capital and Multicoin Capital."
    )
    investors = {"Pantera Capital", "Blockchain Capital", "Multicoin Capital"}
    assert pairs(result, "INVESTED_IN") == {(name, "Zama") for name in investors}
    of_round = extract_text(
        "Zama has raised $57 million. Backers of the round include Pantera Capital."
    )
    assert pairs(of_round, "INVESTED_IN") == {("Pantera Capital", "Zama")}


def test_investors_among_the_backers_of_a_round_or_a_company(extract_text: Extract) -> None:
    round_told = extract_text(
        "Zama said on Tuesday it had raised $57 million. Pantera Capital and Multicoin "
        "Capital were among the investors in the round."
    )
    assert pairs(round_told, "INVESTED_IN") == {
        ("Pantera Capital", "Zama"),
        ("Multicoin Capital", "Zama"),
    }
    company = extract_text("Nvidia is among Mistral AI's backers.")
    assert pairs(company, "INVESTED_IN") == {("Nvidia", "Mistral AI")}
    # Among a company's customers is no investment.
    customers = extract_text("Nvidia is among Mistral AI's customers.")
    assert not pairs(customers, "INVESTED_IN")


def test_an_investment_or_an_acquisition_by_a_company(extract_text: Extract) -> None:
    invested = extract_text("The investment by Microsoft in OpenAI was cleared by regulators.")
    assert pairs(invested, "INVESTED_IN") == {("Microsoft", "OpenAI")}
    bought = extract_text("The acquisition of Discover by Capital One closed in May.")
    assert pairs(bought, "ACQUIRED") == {("Capital One", "Discover")}
