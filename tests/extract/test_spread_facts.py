"""Enforcement facts spread over a list or over sentences.

"UOB, UBS and Citibank were among the firms penalised" names the parties of a
fine whose authority the sentence before names; each party gets its own fine.
Sentences are written for these tests; the firms and regulators are real.
"""

from __future__ import annotations

from readouts import Extract, event_parts, pairs

MAS = "Monetary Authority of Singapore"
SEC = "U.S. Securities and Exchange Commission"
FCA = "Financial Conduct Authority"


def test_firms_listed_after_a_summary_are_each_fined_by_its_authority(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "The Monetary Authority of Singapore imposed penalties on nine financial "
        "institutions on Wednesday. United Overseas Bank, UBS and Citibank were among the "
        "other firms penalised, along with Julius Baer."
    )
    firms = {"United Overseas Bank", "UBS", "Citigroup", "Julius Baer"}
    assert pairs(result, "FINED") == {(MAS, firm) for firm in firms}
    fines = event_parts(result, "Fine")
    # One fine a firm; the summary with no party named is not a fine of its own.
    assert sorted(fines, key=sorted) == sorted(
        ({("authority", MAS), ("defendant", firm)} for firm in firms), key=sorted
    )
    carried = [r for r in result.relations if r.predicate == "FINED"]
    assert all(r.evidence[0].rule.endswith("/carried") for r in carried)
    assert all(len(r.evidence) == 2 for r in carried)  # the list's sentence and the authority's


def test_a_noun_that_classes_the_subject_stands_for_it(extract_text: Extract) -> None:
    result = extract_text("Goldman Sachs and Morgan Stanley were among the banks fined by the SEC.")
    assert pairs(result, "FINED") == {(SEC, "Goldman Sachs"), (SEC, "Morgan Stanley")}
    result = extract_text("Sinbad is the third mixer sanctioned by OFAC this year.")
    assert pairs(result, "SANCTIONED") == {("Office of Foreign Assets Control", "Sinbad")}


def test_a_charge_in_a_later_sentence_keeps_the_authority_of_the_first(
    extract_text: Extract,
) -> None:
    result = extract_text("The SEC charged Coinbase in June. Kraken was charged in November.")
    assert pairs(result, "CHARGED") == {(SEC, "Coinbase"), (SEC, "Kraken")}


def test_each_fined_gives_a_fine_each_with_its_amount(extract_text: Extract) -> None:
    result = extract_text(
        "The FCA fined Barclays £40 million in July. Former chief executive Jes Staley and "
        "chairman Nigel Higgins were each fined £1 million."
    )
    fines = [e for e in result.events if e.type == "Fine"]
    names = {e.id: e.name for e in result.entities}
    by_party = {
        names[p.entity]: e.amount.value if e.amount else None
        for e in fines
        for p in e.participants
        if p.role == "defendant"
    }
    assert by_party == {"Barclays": 40e6, "Jes Staley": 1e6, "Nigel Higgins": 1e6}


def test_a_fine_on_several_parties_without_each_keeps_no_shared_amount(
    extract_text: Extract,
) -> None:
    result = extract_text("The FCA fined Barclays and Lloyds a combined £60 million.")
    fines = [e for e in result.events if e.type == "Fine"]
    assert len(fines) == 2 and all(e.amount is None for e in fines)


def test_listed_firms_not_fined_or_only_maybe_fined_give_nothing(extract_text: Extract) -> None:
    for text in (
        "The FCA fined Barclays £40 million. UBS and HSBC were among the banks not fined.",
        "The FCA fined Barclays £40 million. Lloyds may also be fined.",
    ):
        assert pairs(extract_text(text), "FINED") == {(FCA, "Barclays")}


def test_a_party_with_no_authority_anywhere_in_the_article_gets_none(
    extract_text: Extract,
) -> None:
    result = extract_text("Kraken was charged in November, according to court papers.")
    assert pairs(result, "CHARGED") == set()
    assert event_parts(result, "Charge") == [{("defendant", "Kraken")}]


def test_a_plea_of_several_people_is_one_plea_each(extract_text: Extract) -> None:
    result = extract_text("Ben Delo and Sam Reed pleaded guilty in 2022.")
    assert sorted(event_parts(result, "GuiltyPlea"), key=sorted) == [
        {("defendant", "Ben Delo")},
        {("defendant", "Sam Reed")},
    ]


def test_sanctions_on_coordinated_prepositions_reach_each_target(extract_text: Extract) -> None:
    result = extract_text(
        "The U.S. Treasury's Office of Foreign Assets Control imposed sanctions on Tuesday "
        "on Hydra, the world's largest darknet market, and on Garantex, a cryptocurrency "
        "exchange."
    )
    ofac = "Office of Foreign Assets Control"
    assert pairs(result, "SANCTIONED") == {(ofac, "Hydra"), (ofac, "Garantex")}
    # An authority's office is part of it.
    assert pairs(result, "MEMBER_OF") == {(ofac, "U.S. Treasury")}


def test_a_country_s_office_is_not_said_to_be_its_member(extract_text: Extract) -> None:
    result = extract_text("Germany's Federal Criminal Police Office shut down the servers.")
    assert pairs(result, "MEMBER_OF") == set()
    assert ("Regulator", "Federal Criminal Police Office") in {
        (e.type, e.name) for e in result.entities
    }


def test_companies_a_count_and_a_colon_set_out_are_each_sanctioned(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "The U.S. Treasury on Tuesday imposed sanctions on Tal Dilian, the founder of the "
        "Intellexa Consortium, and on his associate Sara Hamou. The department's Office of "
        "Foreign Assets Control also designated three companies that belong to the "
        "consortium: Greece-based Intellexa S.A., North Macedonia-based Cytrox AD and "
        "Hungary-based Cytrox Holdings."
    )
    companies = {"Intellexa S.A.", "Cytrox AD", "Cytrox Holdings"}
    sanctioned = pairs(result, "SANCTIONED")
    assert {("U.S. Treasury", "Sara Hamou")} | {
        ("Office of Foreign Assets Control", c) for c in companies
    } <= sanctioned
    assert {(c, "Intellexa Consortium") for c in companies} <= pairs(result, "MEMBER_OF")
    assert ("Cytrox Holdings", "Hungary") in pairs(result, "HEADQUARTERED_IN")
    # One action of the department and its office.
    assert len(event_parts(result, "Sanction")) == 1


def test_put_on_a_trade_blacklist_is_a_sanction(extract_text: Extract) -> None:
    result = extract_text(
        "The Commerce Department had already put Intellexa S.A. and Cytrox AD on a trade "
        "blacklist in July last year."
    )
    assert pairs(result, "SANCTIONED") == {
        ("U.S. Department of Commerce", "Intellexa S.A."),
        ("U.S. Department of Commerce", "Cytrox AD"),
    }


def test_a_fine_told_again_through_its_authority_alone_is_one_fine(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Britain's Financial Conduct Authority fined PwC £15 million on Friday, the first "
        "time the watchdog has fined an audit firm. In May, PwC paid £4.9 million to settle "
        "with the Financial Reporting Council over the same audit."
    )
    assert event_parts(result, "Fine") == [
        {("authority", "Financial Conduct Authority"), ("defendant", "PwC")}
    ]
    assert ("PwC", "Financial Reporting Council") in pairs(result, "SETTLED_WITH")


def test_a_colon_right_after_the_counted_noun(extract_text: Extract) -> None:
    result = extract_text("OFAC designated two companies: Intellexa S.A. and Cytrox AD.")
    assert pairs(result, "SANCTIONED") == {
        ("Office of Foreign Assets Control", "Intellexa S.A."),
        ("Office of Foreign Assets Control", "Cytrox AD"),
    }
