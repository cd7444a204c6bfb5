"""Events read by the same frames as relations: participants, amounts, dates, statuses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from readouts import event_parts, pairs

from graphbuild.models import ArticleExtraction, Event

Extract = Callable[[str], ArticleExtraction]
SEC = "U.S. Securities and Exchange Commission"
CFTC = "U.S. Commodity Futures Trading Commission"


def only(result: ArticleExtraction, event_type: str) -> Event:
    [event] = [e for e in result.events if e.type == event_type]
    return event


def parts(result: ArticleExtraction, event: Event) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in result.entities}
    return {(p.role, names[p.entity]) for p in event.participants}


def test_passive_sentence_without_agent_still_gives_the_event(extract_text: Extract) -> None:
    # News names a person in full before it uses the surname alone.
    result = extract_text(
        "Binance founder Changpeng Zhao pleaded guilty. Zhao was sentenced to four months in "
        "prison in April 2024."
    )
    event = only(result, "Sentence")
    assert parts(result, event) == {("defendant", "Changpeng Zhao")}
    assert event.date is not None and event.date.value == "2024-04"
    assert event.status == "sentenced"


def test_fine_with_authority_defendant_and_amount(extract_text: Extract) -> None:
    result = extract_text("Binance was fined $4.3 billion by the Treasury.")
    event = only(result, "Fine")
    assert parts(result, event) == {("authority", "U.S. Treasury"), ("defendant", "Binance")}
    assert event.amount is not None and event.amount.value == 4.3e9


def test_coordinated_charges_are_one_event(extract_text: Extract) -> None:
    result = extract_text("The SEC and the CFTC charged Binance and Changpeng Zhao in 2023.")
    event = only(result, "Charge")
    assert parts(result, event) == {
        ("authority", SEC),
        ("authority", CFTC),
        ("defendant", "Binance"),
        ("defendant", "Changpeng Zhao"),
    }


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Microsoft completed its acquisition of Activision in October 2023.", "completed"),
        ("Coinbase agreed to buy Kraken for $2.9 billion.", "agreed"),
    ],
)
def test_acquisition_status(extract_text: Extract, text: str, status: str) -> None:
    assert only(extract_text(text), "Acquisition").status == status


def test_guilty_plea_needs_guilty(extract_text: Extract) -> None:
    pleaded = extract_text("Changpeng Zhao pleaded guilty in November 2023.")
    assert parts(pleaded, only(pleaded, "GuiltyPlea")) == {("defendant", "Changpeng Zhao")}
    not_guilty = extract_text("Sam Bankman-Fried pleaded not guilty to fraud charges.")
    assert [e for e in not_guilty.events if e.type == "GuiltyPlea"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The SEC did not sue Coinbase.",
        "The Treasury may sanction Garantex.",
        "Binance denied that it was fined by the Treasury.",
    ],
)
def test_negated_or_hedged_give_no_event(extract_text: Extract, text: str) -> None:
    assert extract_text(text).events == []


def test_penalties_and_sanctions_stated_through_nouns(extract_text: Extract) -> None:
    fined = extract_text("The Federal Reserve imposed a $60.6 million penalty on Citigroup.")
    event = only(fined, "Fine")
    assert parts(fined, event) == {("authority", "Federal Reserve"), ("defendant", "Citigroup")}
    assert event.amount is not None and event.amount.value == 6.06e7
    sanctioned = extract_text("The Treasury imposed sanctions on Sinbad in November 2023.")
    assert parts(sanctioned, only(sanctioned, "Sanction")) == {
        ("authority", "U.S. Treasury"),
        ("target", "Sinbad"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "No OKX employee was charged.",
        "Nippon Steel has pledged to invest $11 billion in Microsoft.",
    ],
)
def test_negative_subjects_and_pledges_give_no_event(extract_text: Extract, text: str) -> None:
    assert extract_text(text).events == []


def test_coordinated_subjects_past_their_appositions_all_plead(extract_text: Extract) -> None:
    text = (
        "Caroline Ellison, the former chief executive of Alameda Research, and Gary Wang, "
        "a co-founder of FTX, pleaded guilty to fraud charges."
    )
    result = extract_text(text)
    names = {e.id: e.name for e in result.entities}
    pleas = [e for e in result.events if e.type == "GuiltyPlea"]
    # Each pleads: one plea each.
    assert sorted(names[p.entity] for e in pleas for p in e.participants) == [
        "Caroline Ellison",
        "Gary Wang",
    ]
    assert len(pleas) == 2


def test_a_fine_whose_party_the_parse_hangs_on_the_verb(extract_text: Extract) -> None:
    # The small parse makes "BitMEX" a modifier of "fined", not its object.
    result = extract_text("A federal judge in Manhattan fined BitMEX $100 million on Wednesday.")
    names = {e.id: e.name for e in result.entities}
    [fine] = [e for e in result.events if e.type == "Fine"]
    assert [names[p.entity] for p in fine.participants] == ["BitMEX"]
    assert fine.amount is not None and fine.amount.value == 100_000_000


def test_a_takeover_that_his_names_the_buyer_of(extract_text: Extract) -> None:
    result = extract_text("Elon Musk has completed his $44 billion takeover of Twitter.")
    event = only(result, "Acquisition")
    names = {e.id: e.name for e in result.entities}
    assert {(p.role, names[p.entity]) for p in event.participants} == {
        ("acquirer", "Elon Musk"),
        ("target", "Twitter"),
    }
    assert event.amount is not None and event.amount.value == 44_000_000_000


def test_an_amount_in_a_relative_clause_is_not_the_price(extract_text: Extract) -> None:
    event = only(
        extract_text(
            "Ripple agreed to buy Hidden Road, a prime broker that clears about $3 trillion a "
            "year for its clients, for $1.25 billion."
        ),
        "Acquisition",
    )
    assert event.amount is not None and event.amount.value == 1.25e9


def test_a_price_after_a_relative_clause_is_the_price(extract_text: Extract) -> None:
    result = extract_text(
        "Broadcom completed its takeover of VMware on Wednesday. Broadcom agreed last year to "
        "buy the cloud computing company, which is based in Palo Alto, for $61 billion."
    )
    # One deal: the completed takeover and the agreement told before it.
    event = only(result, "Acquisition")
    names = {e.id: e.name for e in result.entities}
    assert {(p.role, names[p.entity]) for p in event.participants} == {
        ("acquirer", "Broadcom"),
        ("target", "VMware"),
    }
    assert event.status == "completed"
    assert event.amount is not None and event.amount.value == 61e9
    assert len(event.evidence) == 2


def test_two_prices_are_two_deals(extract_text: Extract) -> None:
    result = extract_text(
        "Alphabet agreed to buy Wiz for $23 billion in 2024. Alphabet agreed to buy Wiz for "
        "$32 billion in 2025."
    )
    amounts = sorted(e.amount.value for e in result.events if e.type == "Acquisition" and e.amount)
    assert amounts == [23e9, 32e9]


def sentences(result: ArticleExtraction) -> set[tuple[str, str, object]]:
    names = {e.id: e.name for e in result.entities}
    return {
        (names[r.subject], names[r.object], r.properties.get("term"))
        for r in result.relations
        if r.predicate == "SENTENCED"
    }


def test_jailed_by_a_court_is_a_sentence_with_its_term(extract_text: Extract) -> None:
    result = extract_text(
        "Ryan Salame was jailed for seven and a half years on Tuesday by the U.S. District "
        "Court for the Southern District of New York."
    )
    court = "U.S. District Court for the Southern District of New York"
    assert sentences(result) == {(court, "Ryan Salame", "seven and a half years")}


def test_a_term_given_by_the_same_court_is_a_sentence(extract_text: Extract) -> None:
    result = extract_text(
        "Zhimin Qian was jailed for 11 years and eight months by Southwark Crown Court. Her "
        "associate, Seng Hok Ling, was given four years and 11 months by the same court."
    )
    court = "Southwark Crown Court"
    assert sentences(result) == {
        (court, "Zhimin Qian", "11 years and eight months"),
        (court, "Seng Hok Ling", "four years and 11 months"),
    }


def test_the_court_names_no_body_of_another_kind(extract_text: Extract) -> None:
    result = extract_text(
        "The SEC sued Ripple in 2020. Brad Garlinghouse was given two days by the court to answer."
    )
    assert not sentences(result)
    assert not [e for e in result.events if e.type == "Sentence"]


def test_a_fine_on_a_person_named_after_a_title(extract_text: Extract) -> None:
    # The parse hangs the name on the amount: "fined [Evergrande founder Hui Ka Yan 47
    # million yuan]".
    result = extract_text(
        "The China Securities Regulatory Commission also fined Evergrande founder Hui Ka Yan "
        "47 million yuan."
    )
    event = only(result, "Fine")
    assert parts(result, event) == {
        ("authority", "China Securities Regulatory Commission"),
        ("defendant", "Hui Ka Yan"),
    }


def test_time_a_court_gives_to_do_something_is_no_sentence(extract_text: Extract) -> None:
    result = extract_text(
        "Zhimin Qian appeared at Southwark Crown Court on Monday. Qian was given two weeks by "
        "the court to respond."
    )
    assert not sentences(result)


ROSNEFT = (
    "The U.S. Treasury Department on Wednesday imposed sanctions on Rosneft and Lukoil, "
    "Russia's two largest oil companies. The department's Office of Foreign Assets Control "
    "added both companies to its blacklist. Britain froze the assets of Rosneft and Lukoil "
    "a week earlier."
)


def test_sanctions_told_by_what_an_authority_does(extract_text: Extract) -> None:
    result = extract_text(ROSNEFT)
    names = {e.id: e.name for e in result.entities}
    sanctioned = {
        (names[r.subject], names[r.object]) for r in result.relations if r.predicate == "SANCTIONED"
    }
    # "both companies" names the two companies named last.
    assert {
        ("Office of Foreign Assets Control", "Rosneft"),
        ("Office of Foreign Assets Control", "Lukoil"),
        ("United Kingdom", "Rosneft"),
        ("United Kingdom", "Lukoil"),
    } <= sanctioned
    # The Treasury's action and its office's are one Sanction; Britain's is another.
    events = [parts(result, e) for e in result.events if e.type == "Sanction"]
    assert sorted(events, key=len) == [
        {("authority", "United Kingdom"), ("target", "Rosneft"), ("target", "Lukoil")},
        {
            ("authority", "U.S. Treasury"),
            ("authority", "Office of Foreign Assets Control"),
            ("target", "Rosneft"),
            ("target", "Lukoil"),
        },
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A company freezing a hacker's assets, and an addition to no blacklist.
        "Binance froze the assets of Lazarus Group after the hack.",
        "The Treasury added Garantex to its agenda for the meeting.",
    ],
)
def test_no_sanction_without_an_authority_and_a_blacklist(extract_text: Extract, text: str) -> None:
    result = extract_text(text)
    assert not [r for r in result.relations if r.predicate == "SANCTIONED"]
    assert not [e for e in result.events if e.type == "Sanction"]


def amounts(result: ArticleExtraction, event_type: str) -> list[tuple[float, str]]:
    return [
        (e.amount.value, e.amount.currency)
        for e in result.events
        if e.type == event_type and e.amount is not None
    ]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # The price is the valuation in the deal's own relative clause.
        (
            "Union Pacific agreed on Tuesday to buy Norfolk Southern in a cash-and-stock deal "
            "that values its smaller rival at $85 billion.",
            (85e9, "USD"),
        ),
        # The first amount, in the currency the deal is in, not the conversion after it.
        (
            "Naver Financial will buy Dunamu in an all-share deal that values Dunamu at about "
            "15.1 trillion won ($10.3 billion).",
            (1.51e13, "KRW"),
        ),
    ],
)
def test_a_deal_valuing_its_target_gives_the_price(
    extract_text: Extract, text: str, amount: tuple[float, str]
) -> None:
    assert amounts(extract_text(text), "Acquisition") == [amount]


def test_a_failed_bid_is_an_abandoned_acquisition_priced_by_a_later_sentence(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "BBVA's hostile takeover bid for Banco Sabadell has failed, the CNMV said on "
        "Thursday. The bid, launched in May 2024, valued Sabadell at about €17bn."
    )
    event = only(result, "Acquisition")
    assert parts(result, event) == {("acquirer", "BBVA"), ("target", "Banco Sabadell")}
    assert event.status == "abandoned"
    assert amounts(result, "Acquisition") == [(17e9, "EUR")]
    # An offer is not a purchase.
    assert not [r for r in result.relations if r.predicate == "ACQUIRED"]


def test_a_controlling_stake_is_an_acquisition(extract_text: Extract) -> None:
    result = extract_text(
        "Dubai-based Emirates NBD agreed on Saturday to invest about 268.5 billion rupees in "
        "India's RBL Bank for a controlling stake of up to 60%."
    )
    event = only(result, "Acquisition")
    assert parts(result, event) == {("acquirer", "Emirates NBD"), ("target", "RBL Bank")}
    assert not [e for e in result.events if e.type == "Investment"]


@pytest.mark.parametrize(
    "text",
    [
        # A round's valuation prices no purchase; a minority stake buys no control.
        "Kalshi raised $185 million in a round that values the company at $2 billion.",
        "MGX will invest $2 billion in Binance for a minority stake.",
    ],
)
def test_no_acquisition_from_a_valuation_or_a_minority_stake(
    extract_text: Extract, text: str
) -> None:
    assert not [e for e in extract_text(text).events if e.type == "Acquisition"]


HASHFLARE = (
    "Sergei Potapenko and Ivan Turõgin, the Estonian co-founders of crypto mining service "
    "HashFlare, were sentenced in Seattle on Tuesday. Judge Robert Lasnik also ordered each "
    "man to pay a $25,000 fine. The pair pleaded guilty in February to wire fraud."
)


def test_each_man_and_the_pair_are_the_people_named_together(extract_text: Extract) -> None:
    result = extract_text(HASHFLARE)
    people = {"Sergei Potapenko", "Ivan Turõgin"}
    fined = [parts(result, e) for e in result.events if e.type == "Fine"]
    assert sorted(fined, key=str) == sorted([{("defendant", p)} for p in people], key=str)
    assert amounts(result, "Fine") == [(25000.0, "USD"), (25000.0, "USD")]
    pleas = [parts(result, e) for e in result.events if e.type == "GuiltyPlea"]
    assert {frozenset(p) for p in pleas} == {frozenset({("defendant", p)}) for p in people}
    # The judge, named alone, is no one's co-defendant.
    assert not any(("defendant", "Robert Lasnik") in p for p in fined + pleas)


def test_the_man_alone_is_not_a_group(extract_text: Extract) -> None:
    result = extract_text(
        "Sergei Potapenko and Ivan Turõgin were charged. Prosecutors said the man paid a "
        "$25,000 fine."
    )
    assert not [e for e in result.events if e.type == "Fine" and len(e.participants) > 1]


@pytest.mark.parametrize(
    "text",
    [
        "OFAC designated Binance and Huione Group on Thursday.",
        "Binance and Huione Group were designated by OFAC on Thursday.",
    ],
)
def test_an_authority_designating_parties_sanctions_them(extract_text: Extract, text: str) -> None:
    result = extract_text(text)
    assert parts(result, only(result, "Sanction")) == {
        ("authority", "Office of Foreign Assets Control"),
        ("target", "Binance"),
        ("target", "Huione Group"),
    }


def test_designating_a_gatekeeper_is_no_sanction(extract_text: Extract) -> None:
    result = extract_text("The EU designated Apple as a gatekeeper under the new law.")
    assert not [e for e in result.events if e.type == "Sanction"]


def test_parties_an_authority_also_designated_join_its_sanction(extract_text: Extract) -> None:
    result = extract_text(
        "The U.S. Treasury Department's Office of Foreign Assets Control on Thursday "
        "sanctioned Funnull Technology, a Philippines-based company. OFAC also designated "
        "Liu Lizhi, a Chinese national who administers the firm."
    )
    assert parts(result, only(result, "Sanction")) == {
        ("authority", "Office of Foreign Assets Control"),
        ("target", "Funnull Technology"),
        ("target", "Liu Lizhi"),
    }


AEZA = (
    "The U.S. Treasury imposed sanctions on Tuesday on Aeza Group, a St. Petersburg-based "
    "hosting company. The department's Office of Foreign Assets Control also designated two "
    "Russian subsidiaries, Aeza Logistic and Cloud Solutions, as well as Aeza International, "
    "a UK-based front company. Chief executive Arsenii Penzev and general director Yurii "
    "Bozoyan were among four people linked to the firm who were blacklisted."
)


def test_what_a_part_of_the_authority_also_designated_joins_its_sanction(
    extract_text: Extract,
) -> None:
    # The Office is part of the Treasury: one action, told in three sentences.
    result = extract_text(AEZA)
    targets = {
        "Aeza Group",
        "Aeza Logistic",
        "Cloud Solutions",
        "Aeza International",
        "Arsenii Penzev",
        "Yurii Bozoyan",
    }
    authorities = {"U.S. Treasury", "Office of Foreign Assets Control"}
    assert parts(result, only(result, "Sanction")) == {
        *(("authority", a) for a in authorities),
        *(("target", t) for t in targets),
    }
    assert {(a, t) for a in authorities for t in targets} <= pairs(result, "SANCTIONED")
    assert ("Organization", "Cloud Solutions") in {(e.type, e.name) for e in result.entities}


def test_a_sanction_of_another_authority_stays_apart(extract_text: Extract) -> None:
    result = extract_text(
        "The U.S. Treasury imposed sanctions on Tuesday on Aeza Group. Britain's National "
        "Crime Agency also designated Aeza International."
    )
    assert len([e for e in result.events if e.type == "Sanction"]) == 2
    assert ("U.S. Treasury", "Aeza International") not in pairs(result, "SANCTIONED")


def test_a_fine_told_twice_in_one_sentence_is_one_event_per_defendant(
    extract_text: Extract,
) -> None:
    # "penalised the company" and "fined Teva and Cephalon" tell one fine of Teva.
    result = extract_text(
        "Teva said it would appeal. It is not the first time the European Commission has "
        "penalised the company: in 2020 it fined Teva and Cephalon, a drugmaker Teva had "
        "bought, for conspiring to delay a cheaper generic version of a medicine."
    )
    fines = [parts(result, e) for e in result.events if e.type == "Fine"]
    commission = ("authority", "European Commission")
    assert sorted(fines, key=sorted) == [
        {commission, ("defendant", "Cephalon")},
        {commission, ("defendant", "Teva")},
    ]
    assert all(len(e.evidence) == 1 for e in result.events if e.type == "Fine")
    # The misparsed clause does not make Teva buy itself.
    assert not any(
        p.role == "target" and p.entity == q.entity
        for e in result.events
        if e.type == "Acquisition"
        for p in e.participants
        for q in e.participants
        if q.role == "acquirer"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A federal appeals court ruled on Tuesday that the U.S. Securities and Exchange "
            "Commission was wrong to reject Grayscale's plan.",
            {("defendant", SEC)},
        ),
        # The ruling told first, the judge after it.
        (
            "Google broke U.S. antitrust law by using exclusive deals, a federal judge ruled "
            "on Monday.",
            {("defendant", "Google")},
        ),
        (
            "A judge at the High Court in London ruled on Thursday that Craig Wright is not "
            "Satoshi Nakamoto.",
            {("court", "High Court"), ("defendant", "Craig Wright")},
        ),
    ],
)
def test_what_a_court_ruled_is_a_ruling_against_its_subject(
    extract_text: Extract, text: str, expected: set[tuple[str, str]]
) -> None:
    result = extract_text(text)
    assert parts(result, only(result, "Ruling")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Binance ruled out a listing in the United States.",
        "Coinbase ruled that staff must return to the office.",
        "The judge ruled on the motion on Monday.",
        # A ruling for its subject names no one it went against.
        "A federal appeals court ruled on Monday that Lisa Cook can stay in her post.",
    ],
)
def test_ruling_out_or_ruling_by_no_court_is_no_ruling(extract_text: Extract, text: str) -> None:
    assert not [e for e in extract_text(text).events if e.type == "Ruling"]


def test_a_plea_that_dates_another_deed_is_its_subject_s(extract_text: Extract) -> None:
    result = extract_text(
        "President Donald Trump has pardoned Changpeng Zhao, the founder of Binance, who "
        "spent four months in a U.S. prison after pleading guilty to anti-money-laundering "
        "failures."
    )
    assert parts(result, only(result, "GuiltyPlea")) == {("defendant", "Changpeng Zhao")}
    # Before doing something is no plea of anything.
    assert not extract_text("Binance collapsed before paying its customers.").events


def test_companies_bought_in_a_list_are_a_deal_each(extract_text: Extract) -> None:
    # The tagger calls Marvel and Lucasfilm places; the purchase makes them companies.
    result = extract_text(
        "Iger, 71, led Disney from 2005 to 2020, a period in which it bought Pixar, Marvel "
        "and Lucasfilm."
    )
    deals = sorted((parts(result, e) for e in result.events if e.type == "Acquisition"), key=sorted)
    assert deals == [
        {("acquirer", "Disney"), ("target", name)} for name in ("Lucasfilm", "Marvel", "Pixar")
    ]
    # Places something is bought in stay places, and buy nothing.
    result = extract_text("Binance bought land in Dubai, Abu Dhabi and Bahrain.")
    assert not pairs(result, "ACQUIRED")


def test_parties_along_with_the_object_are_parties_too(extract_text: Extract) -> None:
    result = extract_text(
        "The Consumer Financial Protection Bureau on Friday sued Early Warning Services, the "
        "company that runs the Zelle payment network, along with JPMorgan Chase, Bank of "
        "America and Wells Fargo, three of the seven banks that own it."
    )
    bureau = "Consumer Financial Protection Bureau"
    sued = {"Early Warning Services", "JPMorgan Chase", "Bank of America", "Wells Fargo"}
    assert pairs(result, "SUED") == {(bureau, name) for name in sued}
    # What comes along with a company bought is not another company bought.
    result = extract_text("Coinbase bought Deribit along with its founders' stake.")
    assert pairs(result, "ACQUIRED") == {("Coinbase", "Deribit")}


@pytest.mark.parametrize(
    ("text", "plaintiff", "defendant"),
    [
        ("The SEC brought a case against Ripple in 2020.", "SEC", "Ripple"),
        (
            "Coinbase agreed to pay $50 million in a case brought by the SEC.",
            "SEC",
            "Coinbase",
        ),
    ],
)
def test_a_case_brought_is_a_lawsuit(
    extract_text: Extract, text: str, plaintiff: str, defendant: str
) -> None:
    found = pairs(extract_text(text), "SUED")
    assert {(p.replace("U.S. Securities and Exchange Commission", "SEC"), d) for p, d in found} == {
        (plaintiff, defendant)
    }


def test_bringing_a_case_without_a_defendant_names_no_one(extract_text: Extract) -> None:
    result = extract_text("The SEC brought the case in October, the agency said.")
    assert not pairs(result, "SUED")


@pytest.mark.parametrize(
    ("text", "defendants"),
    [
        (
            "A judge blocked Tapestry's $8.5 billion purchase of Capri Holdings. The FTC sued "
            "in April to stop the deal.",
            {"Tapestry", "Capri Holdings"},
        ),
        (
            "The Justice Department sued Visa on Tuesday. The department had earlier sued to "
            "block Visa's $5.3 billion purchase of the fintech start-up Plaid.",
            {"Visa", "Plaid"},
        ),
    ],
)
def test_a_suit_to_stop_a_deal_is_against_its_parties(
    extract_text: Extract, text: str, defendants: set[str]
) -> None:
    result = extract_text(text)
    names = {e.id: e.name for e in result.entities}
    suits = [
        {names[p.entity] for p in e.participants if p.role == "defendant"}
        for e in result.events
        if e.type == "Lawsuit"
    ]
    assert defendants in suits


def test_a_suit_to_stop_no_deal_names_no_defendant(extract_text: Extract) -> None:
    result = extract_text(
        "Meta shares rose on Monday. Meta agreed to buy Scale AI in June. The FTC sued in "
        "April to stop the practice, which it called unfair."
    )
    assert not pairs(result, "SUED")


def test_a_penalty_retold_through_the_commission_is_the_same_fine(extract_text: Extract) -> None:
    result = extract_text(
        "The China Securities Regulatory Commission on Friday fined Hengda Real Estate 4.18 "
        "billion yuan for falsified accounts. Its investigation found that Hengda had inflated "
        "revenue. The commission called the penalty on Hengda its most severe."
    )
    # "the commission" now names the regulator; the penalty it retells is no second Fine.
    assert event_parts(result, "Fine") == [
        {
            ("authority", "China Securities Regulatory Commission"),
            ("defendant", "Hengda Real Estate"),
        }
    ]


@pytest.mark.parametrize(
    ("text", "authority", "defendants"),
    [
        (
            "The Justice Department unsealed indictments against Sergey Ivanov and Timur "
            "Shakhmametov on Thursday.",
            "U.S. Department of Justice",
            {"Sergey Ivanov", "Timur Shakhmametov"},
        ),
        (
            "The SEC filed a complaint charging Binance with fraud.",
            "U.S. Securities and Exchange Commission",
            {"Binance"},
        ),
    ],
)
def test_indictments_and_complaints_that_charge(
    extract_text: Extract, text: str, authority: str, defendants: set[str]
) -> None:
    assert pairs(extract_text(text), "CHARGED") == {(authority, d) for d in defendants}


def test_a_sum_a_regulator_orders_paid_is_a_fine(extract_text: Extract) -> None:
    result = extract_text(
        "The Consumer Financial Protection Bureau on Wednesday ordered Apple and Goldman Sachs "
        "to pay more than $89 million over failures in the Apple Card. Goldman must pay a $45 "
        "million penalty and Apple a $25 million penalty."
    )
    cfpb = "Consumer Financial Protection Bureau"
    assert {(cfpb, "Apple"), (cfpb, "Goldman Sachs")} <= pairs(result, "FINED")
    # The fine told again with its own sum is one fine each, not two.
    assert sorted(len(parts) for parts in event_parts(result, "Fine")) == [2, 2]


def test_a_sum_a_court_orders_paid_is_no_fine(extract_text: Extract) -> None:
    result = extract_text("A federal jury ordered Google to pay $425 million to users.")
    assert not pairs(result, "FINED")


def test_a_purchase_told_in_a_relative_clause_takes_no_amount_from_outside_it(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Nova Digital, which Brevan Howard bought from Dragonfly Capital in 2023, co-led "
        "Berachain's Series B round last year, valuing the token at $1.5 billion."
    )
    bought = [e for e in result.events if e.type == "Acquisition"]
    assert bought and all(e.amount is None for e in bought)
    # Inside the clause, the price is the purchase's.
    priced = extract_text(
        "HashiCorp will not be run through Red Hat, the open-source business that IBM "
        "bought for $34 billion in 2019."
    )
    [red_hat] = [e for e in priced.events if e.type == "Acquisition"]
    assert red_hat.amount is not None and red_hat.amount.value == 34_000_000_000


def test_a_sum_paid_for_a_company_buys_it(extract_text: Extract) -> None:
    result = extract_text(
        "Meta paid $1 billion for Instagram in 2012 and $19 billion for WhatsApp in 2014."
    )
    assert pairs(result, "ACQUIRED") == {("Meta", "Instagram"), ("Meta", "WhatsApp")}
    bought = {
        (e.amount.value if e.amount else None, e.date.value if e.date else None, e.status)
        for e in result.events
        if e.type == "Acquisition"
    }
    assert bought == {(1e9, "2012", "completed"), (19e9, "2014", "completed")}
    clause = extract_text("DCG, which paid $500,000 for CoinDesk in 2016, came under strain.")
    assert pairs(clause, "ACQUIRED") == {("Digital Currency Group", "CoinDesk")}


def test_a_sum_paid_for_a_deed_or_a_part_buys_nothing(extract_text: Extract) -> None:
    for text in (
        "Bank of America was ordered to pay $250 million for charging customers twice.",
        "Erste will also pay about €200m for half of Santander TFI.",
        "The company said the money would pay for more engineers.",
    ):
        result = extract_text(text)
        assert not [e for e in result.events if e.type == "Acquisition"], text


def test_a_purchase_told_without_its_buyer_joins_the_one_that_names_it(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "The FTC sued the company in December 2020, arguing that it had bought Instagram "
        "and WhatsApp to neutralise rivals. Meta paid $1 billion for Instagram in 2012 and "
        "$19 billion for WhatsApp in 2014."
    )
    bought = [e for e in result.events if e.type == "Acquisition"]
    assert len(bought) == 2
    assert all(len(e.evidence) == 2 for e in bought)
    assert not [r for r in pairs(result, "ACQUIRED") if r[0] != "Meta"]


def test_who_judges_a_purchase_did_not_make_it(extract_text: Extract) -> None:
    result = extract_text(
        "JPMorgan has also sued the pair, and its chief executive, Jamie Dimon, has "
        "described buying Frank as a huge error."
    )
    assert ("Jamie Dimon", "Frank") not in pairs(result, "ACQUIRED")


def test_whom_a_company_sells_a_business_to_buys_it(extract_text: Extract) -> None:
    result = extract_text(
        "HSBC agreed on Tuesday to sell its Argentine unit, HSBC Argentina, to Grupo "
        "Financiero Galicia for $550 million."
    )
    assert pairs(result, "ACQUIRED") == {("Grupo Financiero Galicia", "HSBC Argentina")}
    [deal] = [e for e in result.events if e.type == "Acquisition"]
    assert deal.status == "agreed" and deal.amount is not None and deal.amount.value == 5.5e8
    # A business the article does not name: the buyer's purchase, with its price.
    unnamed = extract_text(
        "The British bank HSBC sold its Brazilian operations to Bradesco for $5.2 billion in 2015."
    )
    assert event_parts(unnamed, "Acquisition") == [{("acquirer", "Bradesco")}]


def test_a_sale_of_goods_or_to_no_company_is_no_purchase(extract_text: Extract) -> None:
    for text in (
        "Kraken sold the seized coins to Coinbase last week.",
        "Nexo sold its Earn Interest Product to U.S. investors.",
    ):
        result = extract_text(text)
        assert not [e for e in result.events if e.type == "Acquisition"], text


def test_designated_as_a_criminal_organisation_is_a_sanction(extract_text: Extract) -> None:
    result = extract_text(
        "The U.S. Treasury imposed sanctions on the Karen National Army on Monday. The "
        "department's Office of Foreign Assets Control designated the group as a "
        "transnational criminal organisation."
    )
    assert ("Office of Foreign Assets Control", "Karen National Army") in pairs(
        result, "SANCTIONED"
    )
    gatekeeper = extract_text("The European Commission designated Apple as a gatekeeper.")
    assert not pairs(gatekeeper, "SANCTIONED")
