"""Facts stated through a description or a part of an organisation.

Sentences are written for these tests; the companies and places are real.
"""

from __future__ import annotations

import pytest
from readouts import Extract, pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The description stands beside the name it describes.
        ("Bybit, a Dubai-based exchange, disclosed the theft.", ("Bybit", "Dubai")),
        (
            "The complaint came from Spotify, the Stockholm-based music streaming service.",
            ("Spotify", "Stockholm"),
        ),
        # A description points back to the company named before it.
        (
            "Boeing named a new chief on Friday, a week after the Virginia-based planemaker "
            "reported a loss.",
            ("Boeing", "Virginia"),
        ),
        (
            "Revolut has been granted a UK banking licence, the London-based fintech said.",
            ("Revolut", "London"),
        ),
        # A part set beside its name is that name, not its owner.
        (
            "Britain's Financial Conduct Authority fined CB Payments, the London-based "
            "payments arm of crypto exchange Coinbase, more than £3.5 million.",
            ("CB Payments", "London"),
        ),
    ],
)
def test_based_descriptions(extract_text: Extract, text: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(extract_text(text), "HEADQUARTERED_IN")


def test_which_is_part_of(extract_text: Extract) -> None:
    text = "OFAC, which is part of the Treasury Department, named the mixer."
    assert pairs(extract_text(text), "MEMBER_OF") == {
        ("Office of Foreign Assets Control", "U.S. Treasury")
    }


def test_a_branch_stands_for_its_owner_not_its_place(extract_text: Extract) -> None:
    text = "Credit Suisse's Singapore branch, now part of UBS, paid the largest penalty."
    found = pairs(extract_text(text), "MEMBER_OF")
    assert ("Credit Suisse", "UBS") in found
    assert not any(subject == "Singapore" for subject, _ in found)


def test_a_description_opening_a_sentence_points_to_the_last_subject(
    extract_text: Extract,
) -> None:
    text = (
        "UBS said on Monday that it had completed its takeover of Credit Suisse. "
        "The Zurich-based lender agreed in March to buy its rival for 3 billion Swiss francs."
    )
    result = extract_text(text)
    assert ("UBS", "Zurich") in pairs(result, "HEADQUARTERED_IN")
    assert ("Credit Suisse", "Zurich") not in pairs(result, "HEADQUARTERED_IN")


def test_a_pronoun_still_points_to_the_latest_fit(extract_text: Extract) -> None:
    # The court is the subject, but "it" is the latest fitting name: Ripple.
    text = (
        "The U.S. District Court for the Southern District of New York ordered Ripple to pay "
        "a penalty in the lawsuit brought against it by the SEC."
    )
    assert pairs(extract_text(text), "SUED") == {
        ("U.S. Securities and Exchange Commission", "Ripple")
    }


def test_a_partnership_between_two_companies(extract_text: Extract) -> None:
    text = "The Apple Card is a partnership between Apple and Goldman Sachs."
    assert pairs(extract_text(text), "PARTNERED_WITH") == {("Apple", "Goldman Sachs")}


def test_headquartered_written_like_based(extract_text: Extract) -> None:
    text = "HSBC, the London-headquartered bank, said profits rose."
    assert pairs(extract_text(text), "HEADQUARTERED_IN") == {("HSBC", "London")}


def test_offices_and_headquarters_a_company_has(extract_text: Extract) -> None:
    result = extract_text(
        "Bitstamp, which has offices in Luxembourg, London and Singapore, was sold. "
        "Coinbase has its headquarters in San Francisco."
    )
    assert pairs(result, "LOCATED_IN") == {
        ("Bitstamp", "Luxembourg"),
        ("Bitstamp", "London"),
        ("Bitstamp", "Singapore"),
    }
    assert pairs(result, "HEADQUARTERED_IN") == {("Coinbase", "San Francisco")}


def test_a_problem_in_a_place_locates_nothing(extract_text: Extract) -> None:
    result = extract_text("Kraken said the exchange has a problem in Europe.")
    assert pairs(result, "LOCATED_IN") == set()


def test_a_pronoun_opening_a_sentence_is_the_previous_subject(extract_text: Extract) -> None:
    # Not the latest body named (the CFTC): the subject of the sentence before.
    result = extract_text(
        "BitMEX paid $100 million in 2021 to settle with the Commodity Futures Trading "
        "Commission. Its founders, Arthur Hayes, Ben Delo and Sam Reed, pleaded guilty in 2022."
    )
    assert ("Arthur Hayes", "BitMEX") in pairs(result, "FOUNDED")
    assert all(o == "BitMEX" for _, o in pairs(result, "ROLE_AT"))


def test_a_pronoun_after_a_description_subject_is_what_it_describes(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Polymarket disclosed an earlier round led by General Catalyst. The platform did not "
        "say how much it is now worth. Shayne Coplan, its founder and chief executive, said "
        "demand was growing."
    )
    assert pairs(result, "ROLE_AT") == {("Shayne Coplan", "Polymarket")}


def test_a_pronoun_takes_a_body_its_own_sentence_names_first(extract_text: Extract) -> None:
    result = extract_text(
        "BitMEX settled with the CFTC. Binance said its founder Changpeng Zhao would step down."
    )
    assert pairs(result, "FOUNDED") == {("Changpeng Zhao", "Binance")}


def test_the_board_is_the_company_named_before(extract_text: Extract) -> None:
    result = extract_text(
        "Morgan Stanley said Ted Pick will succeed James Gorman. Tom Glocer, the board's "
        "lead director, praised Pick's record."
    )
    assert ("Tom Glocer", "Morgan Stanley") in pairs(result, "ROLE_AT")


def test_a_description_of_a_person_names_the_person_not_its_company(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Richard Tornetta, a Tesla shareholder who had sued Elon Musk, welcomed the ruling."
    )
    assert pairs(result, "SUED") == {("Richard Tornetta", "Elon Musk")}


def test_a_town_and_state_before_based(extract_text: Extract) -> None:
    result = extract_text(
        "MicroStrategy said it bought bitcoin. The Tysons, Virginia-based software company "
        "now holds 331,200 bitcoin."
    )
    assert ("Location", "Tysons") in {(e.type, e.name) for e in result.entities}
    assert pairs(result, "HEADQUARTERED_IN") == {("MicroStrategy", "Tysons")}
    assert pairs(result, "LOCATED_IN") == {("Tysons", "Virginia")}


def test_an_indefinite_description_before_based_points_back_to_no_one(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Zservers sold hosting to ransomware gangs. Britain also named a UK-based front "
        "company for the host."
    )
    assert pairs(result, "HEADQUARTERED_IN") == set()


def test_a_description_after_a_sentence_with_no_named_subject_is_the_most_named(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Nike named Elliott Hill chief executive. Nike shares rose. In his earlier stint he "
        "led operations for Nike and Jordan Brand. The Beaverton, Oregon-based company "
        "said sales would recover."
    )
    assert pairs(result, "HEADQUARTERED_IN") == {("Nike", "Beaverton")}


def test_a_name_in_a_relative_clause_is_an_aside(extract_text: Extract) -> None:
    # "the company" is the one being bought, not the one the relative clause mentions.
    result = extract_text(
        "Elon Musk completed his takeover of Twitter on Thursday. Musk, who also runs "
        "Tesla, agreed in April to buy the San Francisco-based company."
    )
    assert pairs(result, "HEADQUARTERED_IN") == {("Twitter", "San Francisco")}
    assert ("Elon Musk", "Tesla") not in pairs(result, "ACQUIRED")


def test_the_department_is_the_department_named_before_not_a_court(extract_text: Extract) -> None:
    result = extract_text(
        "A federal judge ruled on Monday in a case brought by the Justice Department. Judge "
        "Amit Mehta of the U.S. District Court for the District of Columbia said Google was a "
        "monopolist. The department and a group of states sued Google in 2020."
    )
    assert pairs(result, "SUED") == {("U.S. Department of Justice", "Google")}


def test_the_department_owns_its_office(extract_text: Extract) -> None:
    result = extract_text(
        "The U.S. Treasury Department imposed sanctions on Rosneft. The department's Office "
        "of Foreign Assets Control added the company to its blacklist."
    )
    assert ("Office of Foreign Assets Control", "U.S. Treasury") in pairs(result, "MEMBER_OF")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jim Vena will lead the merged company from Union Pacific's headquarters in Omaha.",
            ("Union Pacific", "Omaha"),
        ),
        (
            "Union Pacific will buy Norfolk Southern. Atlanta, where Norfolk Southern is based, "
            "will remain a major location.",
            ("Norfolk Southern", "Atlanta"),
        ),
    ],
)
def test_headquarters_as_a_noun_and_a_where_clause(
    extract_text: Extract, text: str, expected: tuple[str, str]
) -> None:
    assert expected in pairs(extract_text(text), "HEADQUARTERED_IN")


def test_a_town_where_nothing_is_based_is_no_headquarters(extract_text: Extract) -> None:
    text = "Union Pacific will buy Norfolk Southern. Atlanta, where the deal was signed, is hot."
    assert pairs(extract_text(text), "HEADQUARTERED_IN") == set()


def test_a_part_named_beside_its_owner_is_a_member_and_keeps_its_former_name(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Greg Abel joined Berkshire Hathaway in 2000. He ran Berkshire's energy business, "
        "Berkshire Hathaway Energy, when it was still called MidAmerican Energy."
    )
    assert pairs(result, "MEMBER_OF") == {("Berkshire Hathaway Energy", "Berkshire Hathaway")}
    energy = next(e for e in result.entities if e.name == "Berkshire Hathaway Energy")
    assert "MidAmerican Energy" in energy.aliases


def test_a_part_owned_through_a_pronoun_is_left_unread(extract_text: Extract) -> None:
    # "its" here is DCG, not FTX, the body its sentence names last.
    result = extract_text(
        "DCG came under strain after the collapse of FTX hit its lending arm Genesis."
    )
    assert pairs(result, "MEMBER_OF") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "its" is the body the unit is coordinated with.
        (
            "The European Commission fined Delivery Hero and its Spanish subsidiary Glovo "
            "a total of €329 million.",
            ("Glovo", "Delivery Hero"),
        ),
        # The unit's owner through a description; the unit is the name it stands beside.
        (
            "Ryan Salame was a former top executive at the crypto exchange FTX. He ran FTX "
            "Digital Markets, the exchange's Bahamas-based unit, until 2022.",
            ("FTX Digital Markets", "FTX"),
        ),
    ],
)
def test_a_unit_beside_its_owner_is_a_member(
    extract_text: Extract, text: str, expected: tuple[str, str]
) -> None:
    assert expected in pairs(extract_text(text), "MEMBER_OF")


def test_a_subsidiary_of_no_body_named_beside_it_is_no_member(extract_text: Extract) -> None:
    # "its" is Delivery Hero, but the subsidiary has no name.
    result = extract_text("Delivery Hero and its Spanish subsidiary were fined by Spain.")
    assert pairs(result, "MEMBER_OF") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The tagger took the place for a company, a person or nothing at all.
        (
            "Swindon-based Nationwide Building Society completed its takeover of Virgin Money.",
            ("Nationwide Building Society", "Swindon"),
        ),
        ("Abu Dhabi-based MGX will invest $2 billion in Binance.", ("MGX", "Abu Dhabi")),
        (
            "Danske Bank pleaded guilty. The Copenhagen-based bank lied to those lenders.",
            ("Danske Bank", "Copenhagen"),
        ),
        (
            "Nestle named a new chief. The change takes effect on September 1, the "
            "Vevey-based food group said.",
            ("Nestlé", "Vevey"),
        ),
        # The company's kind between the place and its name.
        ("Geneva-based commodities trader Gunvor pleaded guilty.", ("Gunvor", "Geneva")),
        # A town before its state, and a company the tagger missed after them.
        (
            "Kroger sued Albertsons. In a complaint, Boise, Idaho-based Albertsons accused "
            "Kroger of breaching their agreement.",
            ("Albertsons", "Boise"),
        ),
    ],
)
def test_what_is_based_somewhere_is_a_body_and_where_is_a_place(
    extract_text: Extract, text: str, expected: tuple[str, str]
) -> None:
    result = extract_text(text)
    assert expected in pairs(result, "HEADQUARTERED_IN")
    assert (expected[1], "Location") in {(e.name, e.type) for e in result.entities}


def test_a_nationality_before_based_is_no_place_and_a_modifier_after_it_no_company(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "The sanctions freeze the Australian-based assets of adversaries. The Jacksonville-based "
        "CPA firm Harbeson said it would comply."
    )
    typed = {(e.name, e.type) for e in result.entities}
    assert ("Australian", "Location") not in typed
    assert ("CPA", "Organization") not in typed


@pytest.mark.parametrize(
    ("text", "fined"),
    [
        # An object "it" is not the verb's subject, though that is the latest body named.
        (
            "Citigroup paid $136 million. Regulators said the bank had missed milestones under "
            "consent orders issued in 2020, when the Office of the Comptroller of the Currency "
            "fined it $400 million.",
            ("Office of the Comptroller of the Currency", "Citigroup"),
        ),
        # A subject "it" is not what its verb's object describes.
        (
            "Deutsche Bank agreed to pay $186 million. The Federal Reserve said the "
            "Frankfurt-based lender had fallen short of consent orders issued in 2017, when it "
            "fined the bank $41 million.",
            ("Federal Reserve", "Deutsche Bank"),
        ),
    ],
)
def test_a_pronoun_is_not_the_other_party_of_its_verb(
    extract_text: Extract, text: str, fined: tuple[str, str]
) -> None:
    assert fined in pairs(extract_text(text), "FINED")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Synopsys agreed on Tuesday to buy Ansys for about $35 billion. The Sunnyvale, "
            "California-based buyer will fund the cash portion with new debt.",
            {("Synopsys", "Sunnyvale")},
        ),
        (
            # The parse takes the town for the subject; the noun still tells the body.
            "Alimentation Couche-Tard withdrew its proposal to buy Seven & i Holdings on "
            "Wednesday. The Laval, Quebec-based owner of the Circle K chain said talks had "
            "stalled.",
            {("Alimentation Couche-Tard", "Laval")},
        ),
        # Someone the article is not about: "a" names no one told before.
        (
            "Synopsys agreed on Tuesday to buy Ansys. A New York-based hedge fund manager "
            "said the price was high.",
            set(),
        ),
    ],
)
def test_a_body_told_by_what_it_does_is_the_one_the_article_is_about(
    extract_text: Extract, text: str, expected: set[tuple[str, str]]
) -> None:
    found = pairs(extract_text(text), "HEADQUARTERED_IN")
    assert {(c, p) for c, p in found if c in ("Synopsys", "Alimentation Couche-Tard")} == expected


def test_a_description_s_adjective_picks_the_body_whose_name_holds_it(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Ireland's Data Protection Commission fined LinkedIn €310 million on Thursday. The "
        "inquiry began after a complaint to France's data protection authority, the CNIL. "
        "As LinkedIn's lead supervisor in the EU, the Irish regulator took over the case."
    )
    assert pairs(result, "REGULATES") == {("Irish Data Protection Commission", "LinkedIn")}


def test_a_description_points_to_the_body_set_beside_the_same_noun_before(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Apollo Global Management agreed on Monday to buy Bridge Investment Group, a real "
        "estate investment firm, for about $1.5 billion. Bridge shareholders will receive "
        "0.07081 of an Apollo share. The Salt Lake City-based firm owns apartment blocks."
    )
    assert pairs(result, "HEADQUARTERED_IN") == {("Bridge Investment Group", "Salt Lake City")}


def test_the_bank_is_the_body_whose_name_says_so_when_no_bank_is_known(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "The U.S. Treasury on Thursday imposed sanctions on Gazprombank, one of Russia's "
        "largest lenders. Janet Yellen said the move would make it harder for the Kremlin "
        "to pay for its military. Britain and Canada already sanctioned the bank in 2022."
    )
    sanctioned = pairs(result, "SANCTIONED")
    assert ("United Kingdom", "Gazprombank") in sanctioned
    assert not [p for p in sanctioned if p[1] == "Kremlin"]


def test_a_description_based_elsewhere_is_not_the_body_based_before(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Verizon Communications agreed on Thursday to buy Frontier Communications. "
        "Dallas-based Frontier has 2.2 million fiber subscribers. Hans Vestberg, chairman "
        "and chief executive of the New York-based carrier, described Frontier as a "
        "strategic fit."
    )
    assert pairs(result, "HEADQUARTERED_IN") == {
        ("Frontier Communications", "Dallas"),
        ("Verizon Communications", "New York"),
    }
    assert ("Hans Vestberg", "Verizon Communications") in pairs(result, "ROLE_AT")
    assert ("Hans Vestberg", "Frontier Communications") not in pairs(result, "ROLE_AT")


def test_its_in_a_description_of_a_body_is_another_body(extract_text: Extract) -> None:
    # The parse loses the apposition "a non-profit founded by ...".
    result = extract_text(
        "23andMe filed for bankruptcy protection in March, and TTAM Research Institute, a "
        "non-profit founded by its co-founder and former chief executive Anne Wojcicki, won "
        "an auction for its assets."
    )
    assert ("Anne Wojcicki", "23andMe") in pairs(result, "FOUNDED")
    assert ("Anne Wojcicki", "TTAM Research Institute") not in pairs(result, "ROLE_AT")


def test_a_description_after_a_sentence_about_a_company_s_shareholders(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "SoftBank Group agreed on Wednesday to buy Ampere Computing for $6.5 billion. "
        "Ampere's main shareholders, private equity firm Carlyle and software maker Oracle, "
        "will sell their stakes to SoftBank. The Santa Clara, California-based company was "
        "founded by its chief executive, Renee James."
    )
    assert pairs(result, "HEADQUARTERED_IN") == {("Ampere Computing", "Santa Clara")}
    assert pairs(result, "FOUNDED") == {("Renee James", "Ampere Computing")}
    assert ("Renee James", "SoftBank") not in pairs(result, "ROLE_AT")
    assert pairs(result, "OWNS") == {
        ("Carlyle", "Ampere Computing"),
        ("Oracle", "Ampere Computing"),
    }


def test_him_after_a_sentence_is_the_person_it_tells_of_most_directly(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "The U.S. Treasury on Wednesday imposed sanctions on Alexandre de Moraes, the "
        "Brazilian Supreme Federal Court justice overseeing the case against former "
        "President Jair Bolsonaro. The department's Office of Foreign Assets Control "
        "designated him under the Global Magnitsky Act."
    )
    sanctioned = {target for _, target in pairs(result, "SANCTIONED")}
    assert sanctioned == {"Alexandre de Moraes"}
