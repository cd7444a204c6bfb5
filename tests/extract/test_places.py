"""Where places and organisations are, from adjacent names; lists are not containment."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from readouts import pairs

from graphbuild.models import ArticleExtraction

Extract = Callable[[str], ArticleExtraction]


def facts(result: ArticleExtraction) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in result.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in result.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The trial opened in Lubbock, Texas, on Monday.", ("Lubbock", "LOCATED_IN", "Texas")),
        (
            "Sun Hung Kai Properties, a Hong Kong construction firm, won the tender.",
            ("Sun Hung Kai Properties", "HEADQUARTERED_IN", "Hong Kong"),
        ),
        (
            "The Palace of Fine Arts in San Francisco reopened.",
            ("Palace of Fine Arts", "LOCATED_IN", "San Francisco"),
        ),
    ],
)
def test_place_shapes(extract_text: Extract, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(extract_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "Based in Olney, Maryland, Sandy Spring Bancorp has 53 branches.",
        # A participle coordinated with the one that opens the sentence; the parse hangs
        # the company on the town.
        "Founded in 1868 and based in Olney, Maryland, Sandy Spring Bancorp has $14.4 "
        "billion of assets.",
    ],
)
def test_a_base_told_before_the_company_named(extract_text: Extract, text: str) -> None:
    assert ("Sandy Spring Bancorp", "HEADQUARTERED_IN", "Olney") in facts(extract_text(text))


def test_washington_dc_is_one_place(extract_text: Extract) -> None:
    result = extract_text("The bank has branches in Maryland, Virginia and Washington, D.C.")
    places = {e.name for e in result.entities if e.type == "Location"}
    assert "Washington, D.C." in places
    assert not {"Washington", "D.C."} & places


def test_a_list_of_places_is_not_containment(extract_text: Extract) -> None:
    result = extract_text("Flights to Paris, London and Rome resumed on Friday.")
    assert [r for r in result.relations if r.predicate == "LOCATED_IN"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "bitcoin" names the miner's trade, not the miner.
        (
            "Riot Platforms, a bitcoin miner based in Castle Rock, Colorado, said it had "
            "built a stake.",
            ("Riot Platforms", "HEADQUARTERED_IN", "Castle Rock"),
        ),
        # The parse hangs the description on the person; the town's name has two words.
        (
            "Palo Alto Networks agreed to buy CyberArk. Nikesh Arora, chairman and chief "
            "executive of the Santa Clara, California-based company, said the deal made sense.",
            ("Palo Alto Networks", "HEADQUARTERED_IN", "Santa Clara"),
        ),
        # "the carrier" points back to the airline.
        (
            "Delta Air Lines sued CrowdStrike. In its complaint, the Atlanta-based carrier "
            "said the outage cost it $500 million.",
            ("Delta Air Lines", "HEADQUARTERED_IN", "Atlanta"),
        ),
    ],
)
def test_headquarters_of_a_described_company(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(extract_text(text))


def test_headquarters_in_two_towns_in_a_clause_shared_with_another_verb(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Huntington agreed to buy Cadence Bank on Monday. Cadence, which has about $53 "
        "billion in assets and is headquartered in Houston and Tupelo, Mississippi, runs "
        "390 branches."
    )
    found = facts(result)
    assert {("Cadence Bank", "HEADQUARTERED_IN", "Houston")} <= found
    assert ("Cadence Bank", "HEADQUARTERED_IN", "Tupelo") in found
    # The state is where the town is, not a headquarters of its own.
    assert ("Cadence Bank", "HEADQUARTERED_IN", "Mississippi") not in found
    assert ("Tupelo", "LOCATED_IN", "Mississippi") in found


def test_a_described_object_is_not_the_subject_that_acts_on_it(extract_text: Extract) -> None:
    # "it" is Delivery Hero, the subject of the earlier clause, and the company it took
    # control of is not itself.
    result = extract_text(
        "Delivery Hero bought a minority stake in Glovo in 2018, and in July 2022 it took "
        "sole control of the Barcelona-based company."
    )
    found = facts(result)
    assert ("Glovo", "HEADQUARTERED_IN", "Barcelona") in found
    assert ("Delivery Hero", "HEADQUARTERED_IN", "Barcelona") not in found
    assert ("Delivery Hero", "ACQUIRED", "Glovo") in found


def test_where_a_company_has_sites_and_staff(extract_text: Extract) -> None:
    result = facts(
        extract_text(
            "Chevron said it would move its headquarters to Houston. Jobs that support its "
            "operations in California will stay in San Ramon, where it has had its head "
            "office since 2002. Chevron employs about 7,000 people in the Houston area."
        )
    )
    assert {
        ("Chevron", "LOCATED_IN", "California"),
        ("Chevron", "HEADQUARTERED_IN", "San Ramon"),
        ("Chevron", "LOCATED_IN", "Houston"),
    } <= result
    # Its head office is not told again as a place it is in.
    assert ("Chevron", "LOCATED_IN", "San Ramon") not in result


def test_branches_of_a_company_set_beside_its_town(extract_text: Extract) -> None:
    result = facts(
        extract_text(
            "Columbus, Georgia-based Synovus has 244 branches in Georgia, Alabama and Florida."
        )
    )
    assert {("Synovus", "LOCATED_IN", s) for s in ("Georgia", "Alabama", "Florida")} <= result
    assert ("Columbus", "LOCATED_IN", "Alabama") not in result


def test_an_authoritys_branch_is_no_site(extract_text: Extract) -> None:
    result = facts(
        extract_text(
            "Danske Bank agreed to forfeit $2 billion, ending a long Justice Department "
            "investigation into money laundering at its branch in Estonia."
        )
    )
    assert not {f for f in result if f[1] == "LOCATED_IN" and f[2] == "Estonia"} - {
        ("Danske Bank", "LOCATED_IN", "Estonia")
    }


def test_a_description_after_a_company_named_before_its_officer(
    extract_text: Extract,
) -> None:
    result = facts(
        extract_text(
            "Pinnacle Financial Partners agreed to buy Synovus Financial. Kevin Blair, "
            "Synovus's chief executive, will run the merged bank, while Pinnacle chief "
            "executive Terry Turner, who co-founded the Nashville-based lender in 2000, will "
            "become chairman."
        )
    )
    assert {
        ("Terry Turner", "FOUNDED", "Pinnacle Financial Partners"),
        ("Pinnacle Financial Partners", "HEADQUARTERED_IN", "Nashville"),
    } <= result
    assert ("Synovus Financial", "HEADQUARTERED_IN", "Nashville") not in result


def test_a_base_shared_by_a_name_joined_to_the_one_based(extract_text: Extract) -> None:
    result = facts(
        extract_text(
            "OFAC designated Ireland-based Intellexa Limited and Thalestris Limited, and "
            "Hungary-based Cytrox Holdings."
        )
    )
    assert {
        ("Intellexa Limited", "HEADQUARTERED_IN", "Ireland"),
        ("Thalestris Limited", "HEADQUARTERED_IN", "Ireland"),
        ("Cytrox Holdings", "HEADQUARTERED_IN", "Hungary"),
    } <= result
    assert ("Cytrox Holdings", "HEADQUARTERED_IN", "Ireland") not in result


def test_an_apposition_describes_the_name_right_before_it(extract_text: Extract) -> None:
    result = facts(
        extract_text(
            "Babylon raised $70 million in a round led by Paradigm. Polychain Capital and "
            "Bullish Capital, the venture arm of crypto exchange operator Bullish, also "
            "invested."
        )
    )
    assert ("Bullish Capital", "MEMBER_OF", "Bullish") in result
    assert ("Polychain Capital", "MEMBER_OF", "Bullish") not in result


def test_whose_headquarters_and_a_regional_head_office(extract_text: Extract) -> None:
    found = facts(
        extract_text(
            "Ireland's Data Protection Commission fined LinkedIn on Thursday. The "
            "Microsoft-owned professional network, whose European headquarters are in Dublin, "
            "was also reprimanded. Binance, whose headquarters are in Abu Dhabi, said nothing."
        )
    )
    # A region's head office is one site among others; "X-owned" gives the owner.
    assert ("LinkedIn", "LOCATED_IN", "Dublin") in found
    assert ("LinkedIn", "HEADQUARTERED_IN", "Dublin") not in found
    assert ("Microsoft", "OWNS", "LinkedIn") in found
    assert not {f for f in found if f[0] == "Microsoft" and f[2] == "Dublin"}
    assert ("Binance", "HEADQUARTERED_IN", "Abu Dhabi") in found


def test_an_owner_before_a_name_that_is_a_place_owns_nothing(extract_text: Extract) -> None:
    found = facts(extract_text("The state-owned lender Sberbank and the Texas-owned fund paid."))
    assert not {f for f in found if f[1] == "OWNS"}


def test_where_a_company_operates_and_has_stores(extract_text: Extract) -> None:
    found = facts(
        extract_text(
            "Bitcoin miner CleanSpark agreed to buy GRIID. CleanSpark, which also operates in "
            "Mississippi, lent GRIID money. Walmart has about 10,000 stores in 19 countries "
            "across North America, Europe and Asia."
        )
    )
    assert ("CleanSpark", "LOCATED_IN", "Mississippi") in found
    assert {("Walmart", "LOCATED_IN", p) for p in ("North America", "Europe", "Asia")} <= found


def test_a_town_before_a_two_word_state_and_based(extract_text: Extract) -> None:
    result = extract_text(
        "Johnson & Johnson agreed to buy Intra-Cellular Therapies for $14.6 billion. The New "
        "Brunswick, New Jersey-based healthcare group will pay $132 a share."
    )
    assert pairs(result, "HEADQUARTERED_IN") == {("Johnson & Johnson", "New Brunswick")}
    assert pairs(result, "LOCATED_IN") == {("New Brunswick", "New Jersey")}


def test_the_company_an_investment_is_in_is_not_its_investor(extract_text: Extract) -> None:
    result = extract_text(
        "Toyota Motor will invest another $500 million in Joby Aviation, the companies said. "
        "The money will be paid in two tranches, bringing Toyota's total investment in the "
        "Santa Cruz, California-based company to $894 million."
    )
    assert pairs(result, "HEADQUARTERED_IN") == {("Joby Aviation", "Santa Cruz")}


def test_a_company_listed_before_a_based_name_is_no_town(extract_text: Extract) -> None:
    result = extract_text(
        "The Treasury sanctioned Ireland-based Intellexa Limited, North Macedonia-based "
        "Cytrox AD and Hungary-based Cytrox Holdings."
    )
    assert ("Intellexa Limited", "North Macedonia") not in pairs(result, "HEADQUARTERED_IN")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bitfarms agreed to buy Stronghold Digital Mining. Stronghold owns two power plants "
            "in Pennsylvania that burn waste coal.",
            ("Stronghold Digital Mining", "Pennsylvania"),
        ),
        (
            "BPCE already has a consumer credit business in Portugal.",
            ("BPCE", "Portugal"),
        ),
    ],
)
def test_a_company_s_plants_and_businesses_in_a_place(
    extract_text: Extract, text: str, expected: tuple[str, str]
) -> None:
    assert expected in pairs(extract_text(text), "LOCATED_IN")


def test_a_stake_owned_in_a_company_is_no_site(extract_text: Extract) -> None:
    result = extract_text(
        "Bitfarms agreed to buy Stronghold Digital Mining. Stronghold owns a 10% stake in a "
        "bank in Pennsylvania."
    )
    assert not pairs(result, "LOCATED_IN")


def test_a_place_named_after_a_country_is_not_the_country(extract_text: Extract) -> None:
    result = extract_text(
        "Houston-based Marathon Oil has wells in Texas, New Mexico and Oklahoma. Danske Bank "
        "sold its business in Northern Ireland."
    )
    types = {e.name: e.type for e in result.entities}
    assert types["New Mexico"] == types["Northern Ireland"] == "Location"
    assert "Mexico" not in types and "Ireland" not in types


def test_where_a_company_moved_its_headquarters(extract_text: Extract) -> None:
    moved = extract_text(
        "Tether, which recently moved its headquarters to El Salvador, may mine bitcoin."
    )
    assert pairs(moved, "HEADQUARTERED_IN") == {("Tether", "El Salvador")}
    to_come = extract_text(
        "Pinnacle Financial Partners will move its holding company's headquarters to Atlanta."
    )
    assert pairs(to_come, "HEADQUARTERED_IN") == set()
