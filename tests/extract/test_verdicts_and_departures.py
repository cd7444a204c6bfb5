"""Rulings from verdicts, lawsuits from "a case brought by", resignations without a title.

Sentences are written for these tests; the people, companies and events are real.
"""

from __future__ import annotations

import pytest
from readouts import Extract, event_parts, pairs

from graphbuild.models import Article
from graphbuild.pipeline import Pipeline
from graphbuild.validate import validate


@pytest.mark.parametrize(
    ("text", "defendants"),
    [
        (
            "A jury found Sam Bankman-Fried guilty last November on seven counts of fraud.",
            {"Sam Bankman-Fried"},
        ),
        (
            "In April, a New York jury found Terraform Labs and Do Kwon liable for misleading "
            "investors.",
            {"Terraform Labs", "Do Kwon"},
        ),
    ],
)
def test_a_verdict_is_a_ruling(extract_text: Extract, text: str, defendants: set[str]) -> None:
    [ruling] = event_parts(extract_text(text), "Ruling")
    assert ruling == {("defendant", name) for name in defendants}


@pytest.mark.parametrize(
    "text",
    [
        "A jury found Avraham Eisenberg not guilty of one count.",
        "Prosecutors said they would ask the jury to find Sam Bankman-Fried guilty.",
        "Analysts found Coinbase shares cheap.",
    ],
)
def test_no_ruling_without_a_verdict(extract_text: Extract, text: str) -> None:
    assert event_parts(extract_text(text), "Ruling") == []


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "A federal judge in Manhattan on Friday overturned the convictions of Avraham "
            "Eisenberg, the crypto trader.",
            {("defendant", "Avraham Eisenberg")},
        ),
        (
            "District Judge Arun Subramanian acquitted Avraham Eisenberg of wire fraud.",
            {("defendant", "Avraham Eisenberg")},
        ),
        (
            "Britain's Supreme Court on Wednesday quashed the fraud convictions of former "
            "traders Tom Hayes and Carlo Palombo.",
            {
                ("court", "Supreme Court"),
                ("defendant", "Tom Hayes"),
                ("defendant", "Carlo Palombo"),
            },
        ),
        # The deal blocked names both sides; a case thrown out names whom it was against.
        (
            "A federal judge on Thursday blocked Tapestry's $8.5 billion purchase of Capri "
            "Holdings.",
            {("defendant", "Tapestry"), ("defendant", "Capri Holdings")},
        ),
        (
            "A federal judge on Tuesday threw out the Federal Trade Commission's long-running "
            "antitrust case against Meta Platforms.",
            {("defendant", "Meta")},
        ),
    ],
)
def test_what_a_court_undoes_is_a_ruling(
    extract_text: Extract, text: str, parts: set[tuple[str, str]]
) -> None:
    assert event_parts(extract_text(text), "Ruling") == [parts]


@pytest.mark.parametrize(
    "text",
    [
        # Undone by no court.
        "Regulators blocked Tapestry's purchase of Capri Holdings.",
        "The SEC dismissed its case against Coinbase in February.",
        "Kraken dismissed Tom Hayes.",
    ],
)
def test_what_others_undo_is_no_ruling(extract_text: Extract, text: str) -> None:
    assert event_parts(extract_text(text), "Ruling") == []


@pytest.mark.parametrize(
    ("text", "defendant"),
    [
        (
            "Terraform Labs agreed to pay $4.47 billion to settle a civil fraud case brought "
            "by the SEC.",
            "Terraform Labs",
        ),
        (
            "A judge ordered Ripple to pay a penalty in the lawsuit brought against it by the SEC.",
            "Ripple",
        ),
    ],
)
def test_a_case_brought_by_someone_is_their_lawsuit(
    extract_text: Extract, text: str, defendant: str
) -> None:
    result = extract_text(text)
    sec = "U.S. Securities and Exchange Commission"
    assert event_parts(result, "Lawsuit") == [{("plaintiff", sec), ("defendant", defendant)}]
    sued = pairs(result, "SUED")
    assert sued == {(sec, defendant)}


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Intel's board met in December. Pat Gelsinger retired after the meeting.",
            "Pat Gelsinger",
            "Intel",
        ),
        # The pronoun stands for the last person named.
        (
            "KuCoin pleaded guilty. Its founder Chun Gan said he had stepped down.",
            "Chun Gan",
            "KuCoin",
        ),
        (
            "Changpeng Zhao resigned from Binance after the plea.",
            "Changpeng Zhao",
            "Binance",
        ),
    ],
)
def test_a_departure_without_a_title_is_a_resignation(
    extract_text: Extract, text: str, person: str, org: str
) -> None:
    assert {("person", person), ("organization", org)} in event_parts(
        extract_text(text), "Resignation"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Boeing said Dave Calhoun would retire if the board asked him to.",
        "Intel said Pat Gelsinger did not resign.",
        "Binance expects Richard Teng to step down next year.",
    ],
)
def test_planned_or_denied_departures_give_no_resignation(extract_text: Extract, text: str) -> None:
    assert event_parts(extract_text(text), "Resignation") == []


def test_who_becomes_gives_the_appointment(extract_text: Extract) -> None:
    text = (
        "Mellody Hobson, who becomes the board's lead independent director, welcomed the "
        "appointment at Starbucks."
    )
    assert {("appointee", "Mellody Hobson"), ("organization", "Starbucks")} in event_parts(
        extract_text(text), "Appointment"
    )


def test_settling_a_case_settles_with_whoever_brought_it(extract_text: Extract) -> None:
    text = (
        "Terraform Labs agreed to pay $4.47 billion to settle a civil fraud case brought "
        "by the SEC."
    )
    result = extract_text(text)
    settled = pairs(result, "SETTLED_WITH")
    assert settled == {("Terraform Labs", "U.S. Securities and Exchange Commission")}


def test_a_settlement_an_authority_reached_is_the_party_settling(extract_text: Extract) -> None:
    text = "The Federal Trade Commission reached a $4.7 billion settlement with Celsius Network."
    result = extract_text(text)
    settled = pairs(result, "SETTLED_WITH")
    assert settled == {("Celsius Network", "Federal Trade Commission")}


def test_event_dates_said_relative_to_the_article_resolve_against_it(
    pipeline: Pipeline,
) -> None:
    article = Article(
        id="dated",
        published="2024-03-28",
        text="A jury found Sam Bankman-Fried guilty last November. "
        "Pat Gelsinger retired from Intel on Monday.",
    )
    result = validate(pipeline.extractor.extract(article), pipeline.schema)
    dates = {e.type: e.date for e in result.events}
    ruling, resignation = dates["Ruling"], dates["Resignation"]
    assert ruling is not None and (ruling.value, ruling.precision) == ("2023-11", "month")
    assert resignation is not None
    assert (resignation.value, resignation.precision) == ("2024-03-25", "day")


def test_settling_charges_from_an_authority_states_the_charge(extract_text: Extract) -> None:
    text = "Kraken agreed to pay $30 million to settle charges from the SEC."
    sec = "U.S. Securities and Exchange Commission"
    assert event_parts(extract_text(text), "Charge") == [
        {("authority", sec), ("defendant", "Kraken")}
    ]


def test_denying_charges_states_none(extract_text: Extract) -> None:
    assert event_parts(extract_text("Binance denied the charges from the SEC."), "Charge") == []


def test_a_regulator_approving_a_kind_of_product_is_a_policy(extract_text: Extract) -> None:
    text = (
        "The SEC on Wednesday approved the first exchange-traded funds that hold bitcoin, "
        "clearing applications from issuers including BlackRock and Grayscale."
    )
    result = extract_text(text)
    [policy] = [e for e in result.events if e.type == "Policy"]
    names = {e.id: e.name for e in result.entities}
    parts = {(p.role, names[p.entity]) for p in policy.participants}
    assert ("authority", "U.S. Securities and Exchange Commission") in parts
    assert {("subject", "BlackRock"), ("subject", "Grayscale")} <= parts
    assert policy.status == "adopted"


@pytest.mark.parametrize(
    "text",
    [
        # Approving a deal is no policy.
        "The Federal Reserve approved the purchase in April.",
        # A hedged approval states nothing.
        "The SEC may approve the funds next year.",
    ],
)
def test_approvals_that_are_no_policy(extract_text: Extract, text: str) -> None:
    assert event_parts(extract_text(text), "Policy") == []


def test_where_a_person_goes_after_leaving_is_not_what_they_left(extract_text: Extract) -> None:
    text = "Gary Gensler stepped down and returned to teaching at MIT Sloan School of Management."
    assert event_parts(extract_text(text), "Resignation") == []


@pytest.mark.parametrize(
    "text",
    [
        "A New York jury convicted Sam Bankman-Fried of fraud in November.",
        "Sam Bankman-Fried was convicted of fraud by a jury in Manhattan.",
    ],
)
def test_a_conviction_is_a_ruling(extract_text: Extract, text: str) -> None:
    assert event_parts(extract_text(text), "Ruling") == [{("defendant", "Sam Bankman-Fried")}]


def test_an_article_about_a_company_points_its_description_at_it(extract_text: Extract) -> None:
    text = "Coinbase shares fell after the SEC sued the exchange."
    sec = "U.S. Securities and Exchange Commission"
    assert event_parts(extract_text(text), "Lawsuit") == [
        {("plaintiff", sec), ("defendant", "Coinbase")}
    ]


def test_a_reported_would_is_an_announcement(extract_text: Extract) -> None:
    text = "Boeing said Dave Calhoun would retire at the end of the year."
    assert event_parts(extract_text(text), "Resignation") == [
        {("person", "Dave Calhoun"), ("organization", "Boeing")}
    ]


def test_a_court_gives_a_term_and_a_fine(extract_text: Extract) -> None:
    result = extract_text(
        "The U.S. District Court for the Southern District of New York sentenced Wael Hana "
        "to eight years, and gave real estate developer Fred Daibes seven years and a $1.75 "
        "million fine."
    )
    court = "U.S. District Court for the Southern District of New York"
    assert {(court, "Wael Hana"), (court, "Fred Daibes")} <= pairs(result, "SENTENCED")
    assert pairs(result, "FINED") == {(court, "Fred Daibes")}
    [fine] = [e for e in result.events if e.type == "Fine"]
    assert fine.amount is not None and fine.amount.value == 1_750_000


def test_time_given_to_a_person_is_no_sentence(extract_text: Extract) -> None:
    result = extract_text("The SEC gave Coinbase two weeks to answer its questions.")
    assert not pairs(result, "SENTENCED")


def test_a_court_named_after_its_city_keeps_the_city(extract_text: Extract) -> None:
    result = extract_text(
        "The Ho Chi Minh City People's Court also gave Truong My Lan 20 years for bribery. "
        "The same court jailed her husband, Hong Kong businessman Eric Chu, for nine years "
        "and her niece for 17 years."
    )
    court = "Ho Chi Minh City People's Court"
    assert pairs(result, "SENTENCED") == {(court, "Truong My Lan"), (court, "Eric Chu")}
    terms = {r.properties.get("term") for r in result.relations if r.predicate == "SENTENCED"}
    assert "nine years" in terms


def test_a_court_of_appeal_is_a_court(extract_text: Extract) -> None:
    result = extract_text(
        "In October last year the Court of Appeal had found it unlawful for dealers to take "
        "commissions from lenders."
    )
    [court] = [e for e in result.entities if e.name == "Court of Appeal"]
    assert (court.type, court.kind) == ("Regulator", "court")
