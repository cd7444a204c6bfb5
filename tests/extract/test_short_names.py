"""A name the article gives again, or a company's short name, is the same entity.

The small pipeline tags a name in one sentence and misses it in the next, and
news shortens a company's name after the first mention ("Mistral AI", then
"Mistral"). The companies and people are real; the sentences are written for
these tests.
"""

from __future__ import annotations

import pytest
from readouts import Extract, pairs


def test_a_short_name_after_the_full_one_is_the_same_company(extract_text: Extract) -> None:
    result = extract_text(
        "Paris-based Mistral AI raised €1.7bn on Tuesday. "
        "Mistral was founded in 2023 by Arthur Mensch."
    )
    names = {e.name for e in result.entities}
    assert "Mistral" not in names
    assert pairs(result, "FOUNDED") == {("Arthur Mensch", "Mistral AI")}


def test_an_untagged_second_use_of_a_name_is_a_mention(extract_text: Extract) -> None:
    result = extract_text(
        "Goldman Sachs was fined by the CFPB. Goldman said it was pleased to resolve the matter."
    )
    goldman = next(e for e in result.entities if e.name == "Goldman Sachs")
    assert [m.text for m in goldman.mentions] == ["Goldman Sachs", "Goldman"]


def test_a_longer_body_named_after_a_company_is_another_entity(extract_text: Extract) -> None:
    # The foundation owns the company: adding "Foundation" names another body.
    result = extract_text(
        "The Novo Nordisk Foundation is the largest shareholder of Novo Nordisk. "
        "Novo Nordisk has cut its sales forecast."
    )
    names = {e.name for e in result.entities if e.type == "Organization"}
    assert {"Novo Nordisk Foundation", "Novo Nordisk"} <= names


def test_a_generic_word_alone_is_no_short_name(extract_text: Extract) -> None:
    result = extract_text("Bank of America advised ASML on the deal. The Bank said it was pleased.")
    bank = next(e for e in result.entities if e.name == "Bank of America")
    assert [m.text for m in bank.mentions] == ["Bank of America"]


def test_the_lead_sentence_subject_is_the_article_company(extract_text: Extract) -> None:
    # Liberty is named twice, the bank once; the lead sentence is about the bank.
    result = extract_text(
        "New York Community Bancorp said it would raise $1 billion from investors led by "
        "Liberty Strategic Capital. Liberty is contributing $450 million. "
        "Joseph Otting will become chief executive."
    )
    roles = pairs(result, "ROLE_AT")
    assert ("Joseph Otting", "New York Community Bancorp") in roles
    assert ("Joseph Otting", "Liberty Strategic Capital") not in roles


def test_a_known_name_wins_over_a_part_of_it_the_tagger_took(extract_text: Extract) -> None:
    # The tagger takes "Fifth" alone for a person in the second sentence.
    result = extract_text(
        "Fifth Third Bancorp agreed to buy Comerica. Tim Spence, Fifth Third's chairman and "
        "chief executive, called the deal a pivotal moment."
    )
    assert "Fifth" not in {e.name for e in result.entities}
    roles = {r.properties.get("role") for r in result.relations if r.predicate == "ROLE_AT"}
    assert pairs(result, "ROLE_AT") == {("Tim Spence", "Fifth Third Bancorp")}
    assert roles == {"chair", "CEO"}


def test_a_former_name_is_the_same_company(extract_text: Extract) -> None:
    # The tagger misses "RTX" and tags only "Raytheon".
    result = extract_text(
        "RTX, the defense contractor formerly known as Raytheon, agreed on Wednesday to pay "
        "$950 million. Raytheon employees paid bribes, prosecutors said."
    )
    [company] = [e for e in result.entities if e.type == "Organization"]
    assert (company.name, company.aliases) == ("RTX", ["Raytheon"])


def test_a_surname_shared_by_relatives_is_the_person_named_first(extract_text: Extract) -> None:
    result = extract_text(
        "Warren Buffett will step down as chief executive of Berkshire Hathaway, the company "
        "said. Buffett, 94, will remain chairman. Only his children Howard Buffett and Susie "
        "Buffett had known. Buffett first named Greg Abel as his likely successor in 2021."
    )
    people = {e.name: e for e in result.entities if e.type == "Person"}
    assert set(people) == {"Warren Buffett", "Howard Buffett", "Susie Buffett", "Greg Abel"}
    assert len(people["Warren Buffett"].mentions) == 3
    # "the company said" after a name is a new clause, not the name's kind.
    assert ("Person", "Greg Abel") in {(e.type, e.name) for e in result.entities}


def test_a_company_named_short_takes_its_listed_full_name(extract_text: Extract) -> None:
    result = extract_text(
        "Target said on Wednesday that Michael Fiddelke, its chief operating officer, would "
        "succeed Brian Cornell as chief executive. The shooter missed the target."
    )
    companies = {e.name for e in result.entities if e.type == "Organization"}
    assert companies == {"Target Corp."}


@pytest.mark.parametrize(
    ("text", "predicate", "pair"),
    [
        (
            "Naver Financial, the payments arm of South Korean internet group Naver, will buy "
            "Dunamu.",
            "MEMBER_OF",
            ("Naver Financial", "Naver"),
        ),
        (
            "PNC agreed to buy FirstBank Holding Company, the parent of Colorado lender "
            "FirstBank, for $4.1 billion.",
            "OWNS",
            ("FirstBank Holding Company", "FirstBank"),
        ),
    ],
)
def test_a_short_name_set_beside_a_longer_one_as_its_parent_or_part_is_another_body(
    extract_text: Extract, text: str, predicate: str, pair: tuple[str, str]
) -> None:
    result = extract_text(text)
    assert set(pair) <= {e.name for e in result.entities}
    assert pair in pairs(result, predicate)


def test_a_lab_named_without_its_lab_is_the_same_company(extract_text: Extract) -> None:
    result = extract_text(
        "Thinking Machines Lab has raised $2 billion. John Schulman is now Thinking "
        "Machines' chief scientist."
    )
    assert "Thinking Machines" not in {e.name for e in result.entities}


def test_a_parent_named_beside_its_description_is_another_body(extract_text: Extract) -> None:
    result = extract_text(
        "Barclays has agreed to buy the retail banking business of Tesco Bank, the lending "
        "arm of Britain's biggest supermarket chain, Tesco, for about £600m. Tesco chief "
        "executive Ken Murphy said it would let the retailer focus on its core business."
    )
    names = {e.name for e in result.entities}
    assert {"Tesco", "Tesco Bank"} <= names
    assert pairs(result, "MEMBER_OF") == {("Tesco Bank", "Tesco")}
    # The business of Tesco Bank is what Barclays buys.
    assert pairs(result, "ACQUIRED") == {("Barclays", "Tesco Bank")}
    assert ("Ken Murphy", "Tesco") in pairs(result, "ROLE_AT")


def test_a_short_name_of_two_companies_is_the_one_named_first(extract_text: Extract) -> None:
    result = extract_text(
        "Rocket Companies agreed on Monday to buy Mr. Cooper Group for $9.4 billion. Jay Bray "
        "is to run Rocket Mortgage, the group's lending business, reporting to Rocket chief "
        "executive Varun Krishna. Dan Gilbert will stay on as Rocket's chairman."
    )
    names = {e.name for e in result.entities if e.type == "Organization"}
    assert "Rocket" not in names
    assert {("Varun Krishna", "Rocket Companies"), ("Dan Gilbert", "Rocket Companies")} <= pairs(
        result, "ROLE_AT"
    )


def test_a_possessive_for_the_shares_is_no_shop_name(extract_text: Extract) -> None:
    result = extract_text(
        "A judge blocked Tapestry's $8.5 billion purchase of Capri Holdings. Capri's shares "
        "fell by about half, while Tapestry's rose more than 10%."
    )
    assert ("Tapestry", "Capri Holdings") in pairs(result, "ACQUIRED")
    assert "Tapestry's" not in {e.name for e in result.entities}


def test_a_company_s_initials_after_its_first_word_name_it(extract_text: Extract) -> None:
    result = extract_text(
        "BNP Paribas completed its purchase of AXA Investment Managers on Tuesday. AXA sold "
        "its investment platform to AXA IM for €300 million ahead of the closing."
    )
    names = {e.name for e in result.entities if e.type == "Organization"}
    assert "AXA IM" not in names and "AXA Investment Managers" in names
    # Initials that are not the company's stay apart.
    other = extract_text("AXA Investment Managers and AXA XL both reported profits.")
    assert {"AXA Investment Managers", "AXA XL"} <= {e.name for e in other.entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Securities and Exchange Board of India barred Jane Street. The order covers "
            "the group's entities, including Jane Street Singapore.",
            ("Jane Street Singapore", "Jane Street"),
        ),
        (
            "OFAC sanctioned Aeza Group, a web hosting firm, and its unit Aeza Logistic.",
            ("Aeza Logistic", "Aeza Group"),
        ),
    ],
)
def test_a_company_named_after_another_is_its_unit(
    extract_text: Extract, text: str, expected: tuple[str, str]
) -> None:
    assert expected in pairs(extract_text(text), "MEMBER_OF")


@pytest.mark.parametrize(
    "text",
    [
        # The longer name only adds the company's own kind or legal form.
        "Nexo Capital agreed to pay $45 million. Nexo said it was pleased.",
        # The longer name is the owner's.
        "The Novo Nordisk Foundation has long held a controlling stake in Novo Nordisk.",
    ],
)
def test_a_name_that_only_adds_a_form_or_an_owner_s_ending_is_no_unit(
    extract_text: Extract, text: str
) -> None:
    assert not pairs(extract_text(text), "MEMBER_OF")


def test_a_short_name_is_the_first_full_name_not_a_later_name_with_a_suffix(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Columbia Banking System agreed on Wednesday to buy Pacific Premier Bancorp. "
        "Tacoma, Washington-based Columbia, the parent of Umpqua Bank, said Umpqua would "
        "change its name to Columbia Bank. Columbia's chief executive, Clint Stein, said "
        "the deal would help."
    )
    assert ("Clint Stein", "Columbia Banking System") in {
        (s, o) for s, o in pairs(result, "ROLE_AT")
    }
