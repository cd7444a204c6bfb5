"""Appointments and resignations: events, and ROLE_AT with the dates the text gives."""

from __future__ import annotations

import pytest
from readouts import Extract, event_parts

from graphbuild.models import ArticleExtraction


def dated_roles(result: ArticleExtraction) -> set[tuple[str, str, str, str | None, str | None]]:
    names = {e.id: e.name for e in result.entities}
    return {
        (
            names[r.subject],
            str(r.properties["role"]),
            names[r.object],
            r.properties.get("since"),  # type: ignore[misc]
            r.properties.get("until"),  # type: ignore[misc]
        )
        for r in result.relations
        if r.predicate == "ROLE_AT"
    }


def test_appointment_gives_role_since(extract_text: Extract) -> None:
    result = extract_text("Richard Teng took over as CEO of Binance in November 2023.")
    assert ("Richard Teng", "CEO", "Binance", "2023-11", None) in dated_roles(result)
    assert event_parts(result, "Appointment") == [
        {("appointee", "Richard Teng"), ("organization", "Binance")}
    ]
    [event] = [e for e in result.events if e.type == "Appointment"]
    assert event.date is not None and event.date.value == "2023-11"


def test_resignation_gives_former_role_until(extract_text: Extract) -> None:
    result = extract_text(
        "Changpeng Zhao stepped down as chief executive of Binance in November 2023."
    )
    assert ("Changpeng Zhao", "former CEO", "Binance", None, "2023-11") in dated_roles(result)
    assert event_parts(result, "Resignation") == [
        {("person", "Changpeng Zhao"), ("organization", "Binance")}
    ]


def test_organisation_from_the_article_topic(extract_text: Extract) -> None:
    text = (
        "Binance faced more questions on Monday. Binance said its plans were unchanged. "
        "Richard Teng took over as CEO in November 2023."
    )
    result = extract_text(text)
    assert ("Richard Teng", "CEO", "Binance", "2023-11", None) in dated_roles(result)
    [event] = [e for e in result.events if e.type == "Appointment"]
    assert event.evidence[0].rule == "career/topic/appointment"


def test_title_in_the_subject_is_not_a_resignation(extract_text: Extract) -> None:
    result = extract_text("Binance co-founder Changpeng Zhao stepped down on Tuesday.")
    assert not any(role.startswith("former") for _, role, *_ in dated_roles(result))


@pytest.mark.parametrize(
    "text",
    [
        "Changpeng Zhao is expected to resign as CEO of Binance.",
        "Changpeng Zhao did not step down as CEO of Binance.",
    ],
)
def test_hedged_or_negated_career_moves_give_nothing(extract_text: Extract, text: str) -> None:
    result = extract_text(text)
    assert event_parts(result, "Resignation") == []
    assert not any(role.startswith("former") for _, role, *_ in dated_roles(result))


@pytest.mark.parametrize(
    "text",
    [
        "UBS brought back Sergio Ermotti as chief executive to manage the takeover.",
        "Sergio Ermotti returned as chief executive of UBS in April 2023.",
        "UBS reappointed Sergio Ermotti as CEO.",
    ],
)
def test_returns_and_reappointments_are_appointments(extract_text: Extract, text: str) -> None:
    appointments = event_parts(extract_text(text), "Appointment")
    assert {("appointee", "Sergio Ermotti"), ("organization", "UBS")} in appointments


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Jane Fraser joined Citigroup as chief financial officer in 2004.",
            "Jane Fraser",
            "Citigroup",
        ),
        ("Nike named Elliott Hill as its new chief executive.", "Elliott Hill", "Nike"),
        # Taking charge with no title named.
        ("Disney tapped Bob Iger to lead the company again.", "Bob Iger", "Disney"),
        ("Bob Iger took the helm at Disney in November.", "Bob Iger", "Disney"),
        (
            "Goldman Sachs hired John Waldron to run its investment bank.",
            "John Waldron",
            "Goldman Sachs",
        ),
    ],
)
def test_more_ways_to_take_a_job(extract_text: Extract, text: str, person: str, org: str) -> None:
    appointments = event_parts(extract_text(text), "Appointment")
    assert {("appointee", person), ("organization", org)} in appointments


@pytest.mark.parametrize(
    "text",
    [
        "Disney may tap Bob Iger to lead the company again.",
        "Bob Iger did not take the helm at Disney.",
        "The exchange took charge of the customer funds.",
    ],
)
def test_no_job_taken(extract_text: Extract, text: str) -> None:
    assert not [e for e in extract_text(text).events if e.type == "Appointment"]


def test_a_title_is_not_an_organisation(extract_text: Extract) -> None:
    result = extract_text("Mark Mason, who became CFO in 2019, will leave the bank.")
    assert "CFO" not in {e.name for e in result.entities}


@pytest.mark.parametrize(
    ("text", "successor", "org", "predecessor"),
    [
        (
            "Unilever said Hein Schumacher would step down. "
            "He will be succeeded by Fernando Fernandez.",
            "Fernando Fernandez",
            "Unilever",
            "Hein Schumacher",
        ),
        (
            "Nestlé said that chief executive Mark Schneider was leaving and would be replaced "
            "by Laurent Freixe, the head of its Latin America business.",
            "Laurent Freixe",
            "Nestlé",
            "Mark Schneider",
        ),
        ("Tim Cook succeeded Steve Jobs at Apple.", "Tim Cook", "Apple", "Steve Jobs"),
        # A company replaces one person with another.
        (
            "CVS Health replaced chief executive Karen Lynch with David Joyner on Thursday.",
            "David Joyner",
            "CVS Health",
            "Karen Lynch",
        ),
        # A successor named as such.
        (
            "Boeing named Kelly Ortberg as Dave Calhoun's successor on Wednesday.",
            "Kelly Ortberg",
            "Boeing",
            "Dave Calhoun",
        ),
        (
            "Disney on Tuesday named Josh D'Amaro as its next chief executive, ending a long "
            "search for a successor to Bob Iger.",
            "Josh D'Amaro",
            "Disney",
            "Bob Iger",
        ),
        # Named "to be" the next holder, and the one succeeded hung on the name.
        (
            "The Federal Reserve will get a new leader. President Donald Trump on Friday "
            "nominated Kevin Warsh to be the next chair of the U.S. central bank, succeeding "
            "Jerome Powell.",
            "Kevin Warsh",
            "Federal Reserve",
            "Jerome Powell",
        ),
        # A reporting verb the parse puts between the two deeds.
        (
            "Michael Sonnenshein is stepping down as chief executive of Grayscale Investments, "
            "the crypto asset manager said on Monday, and will be replaced by Peter Mintzberg.",
            "Peter Mintzberg",
            "Grayscale",
            "Michael Sonnenshein",
        ),
    ],
)
def test_a_succession_appoints_the_successor(
    extract_text: Extract, text: str, successor: str, org: str, predecessor: str
) -> None:
    appointments = event_parts(extract_text(text), "Appointment")
    assert {("appointee", successor), ("organization", org), ("predecessor", predecessor)} in (
        appointments
    )


def test_a_hedged_succession_appoints_no_one(extract_text: Extract) -> None:
    result = extract_text("Apple grew. Tim Cook may succeed Steve Jobs.")
    assert not [e for e in result.events if e.type == "Appointment"]


def test_a_successor_not_yet_named_appoints_no_one(extract_text: Extract) -> None:
    result = extract_text("Boeing has not named a successor to Dave Calhoun.")
    assert not [e for e in result.events if e.type == "Appointment"]


def test_the_one_succeeded_by_a_nominee_holds_the_role(extract_text: Extract) -> None:
    result = extract_text(
        "The Federal Reserve will get a new leader. President Donald Trump on Friday "
        "nominated Kevin Warsh to be the next chair of the U.S. central bank, succeeding "
        "Jerome Powell."
    )
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    assert {
        ("Kevin Warsh", "chair", "Federal Reserve"),
        ("Jerome Powell", "chair", "Federal Reserve"),
    } <= roles
    # The country in "the U.S. central bank" only says whose bank it is.
    assert not any(org == "United States" and p == "Kevin Warsh" for p, _, org in roles)


def test_the_object_title_describes_the_person_and_the_as_title_is_the_new_job(
    extract_text: Extract,
) -> None:
    text = (
        "HSBC on Wednesday named its chief financial officer, Georges Elhedery, as its next "
        "group chief executive. Elhedery, 50, will take over on September 2, when Noel Quinn "
        "steps down. He joined the bank in 2005 and became finance chief in January 2023."
    )
    result = extract_text(text)
    names = {e.id: e.name for e in result.entities}
    dated = {
        (names[r.subject], str(r.properties["role"]), r.properties.get("since"))
        for r in result.relations
        if r.predicate == "ROLE_AT"
    }
    # "named its CFO, Elhedery, as CEO" appoints a CEO; "He ... became finance chief" is
    # Elhedery (the last sentence's subject), not Quinn (its last name).
    assert ("Georges Elhedery", "CEO", None) in dated
    assert ("Georges Elhedery", "CFO", "2023-01") in dated
    assert not any(person == "Noel Quinn" and role == "CFO" for person, role, _ in dated)


def roles(result: ArticleExtraction) -> set[tuple[str, str, str]]:
    return {(person, role, org) for person, role, org, _, _ in dated_roles(result)}


def test_a_coordinated_title_after_as_gives_each_role(extract_text: Extract) -> None:
    result = extract_text("Starbucks on Tuesday named Brian Niccol as its new chairman and CEO.")
    assert {("Brian Niccol", "chair", "Starbucks"), ("Brian Niccol", "CEO", "Starbucks")} <= (
        roles(result)
    )
    assert event_parts(result, "Appointment") == [
        {("appointee", "Brian Niccol"), ("organization", "Starbucks")}
    ]


def test_succeeding_someone_as_a_titled_role(extract_text: Extract) -> None:
    # Announced: the one succeeded still holds the job; one appointment, with both sentences.
    result = extract_text(
        "Boeing named Kelly Ortberg as its next chief executive. Ortberg will succeed "
        "Dave Calhoun as president and CEO on August 8."
    )
    found = roles(result)
    assert {("Kelly Ortberg", "CEO", "Boeing"), ("Dave Calhoun", "CEO", "Boeing")} <= found
    [appointment] = [e for e in result.events if e.type == "Appointment"]
    assert len(appointment.evidence) == 2
    assert event_parts(result, "Appointment") == [
        {
            ("appointee", "Kelly Ortberg"),
            ("organization", "Boeing"),
            ("predecessor", "Dave Calhoun"),
        }
    ]
    # In the past: the one succeeded is a former holder.
    found = roles(
        extract_text("In 2020 Bob Chapek succeeded Bob Iger as chief executive of Disney.")
    )
    assert {("Bob Chapek", "CEO", "Disney"), ("Bob Iger", "former CEO", "Disney")} <= found


def test_a_quoted_nickname_is_the_name_used(extract_text: Extract) -> None:
    result = extract_text('Boeing named Robert "Kelly" Ortberg as its chief executive.')
    [person] = [e for e in result.entities if e.type == "Person"]
    assert person.name == "Kelly Ortberg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The organisation an "at" names, through a description.
        (
            "Morgan Stanley named Ted Pick chief executive. Andy Saperstein and Dan Simkowitz "
            "will remain at the firm as co-presidents.",
            {
                ("Andy Saperstein", "co-president", "Morgan Stanley"),
                ("Dan Simkowitz", "co-president", "Morgan Stanley"),
            },
        ),
        # The organisation the subject is described with, not the article's buyer.
        (
            "Tether has taken control of Adecoagro. Mariano Bosch, a co-founder of Adecoagro, "
            "will remain chief executive.",
            {("Mariano Bosch", "CEO", "Adecoagro")},
        ),
    ],
)
def test_kept_titles_give_roles_and_no_event(
    extract_text: Extract, text: str, expected: set[tuple[str, str, str]]
) -> None:
    result = extract_text(text)
    names = {e.id: e.name for e in result.entities}
    held = {
        (names[r.subject], str(r.properties["role"]), names[r.object])
        for r in result.relations
        if r.evidence[0].rule.endswith("/held")
    }
    assert held == expected
    keepers = {name for name, _, _ in expected}
    assert not [p for e in event_parts(result, "Appointment") for p in e if p[1] in keepers]


def test_a_title_not_kept_gives_nothing(extract_text: Extract) -> None:
    result = extract_text("Tether bought Adecoagro. Paolo Ardoino will not remain chief executive.")
    assert not [r for r in result.relations if r.predicate == "ROLE_AT"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Jeremy Weir will become executive chairman of Trafigura Group.", "executive chair"),
        (
            "Sandro DiNello will become non-executive chairman of New York Community Bancorp.",
            "chair",
        ),
    ],
)
def test_executive_and_non_executive_chairs(extract_text: Extract, text: str, role: str) -> None:
    assert [r for _, r, _, _, _ in dated_roles(extract_text(text))] == [role]


def test_a_successor_takes_over_the_role_of_the_one_leaving(extract_text: Extract) -> None:
    result = extract_text(
        "Volkswagen said on Friday that chief executive Herbert Diess will step down on "
        "September 1 and that Porsche boss Oliver Blume will succeed him."
    )
    assert ("Herbert Diess", "CEO", "Volkswagen") in roles(result)
    assert ("Oliver Blume", "CEO", "Volkswagen") in roles(result)
    assert ("Oliver Blume", "CEO", "Porsche") in roles(result)
    assert {
        ("appointee", "Oliver Blume"),
        ("organization", "Volkswagen"),
        ("predecessor", "Herbert Diess"),
    } in event_parts(result, "Appointment")


def test_an_earlier_succession_makes_the_predecessor_former(extract_text: Extract) -> None:
    result = extract_text(
        "Volkswagen chief executive Herbert Diess took the top job in 2018, succeeding "
        "Matthias Müller.",
        published="2022-07-22",
    )
    assert ("Matthias Müller", "former CEO", "Volkswagen") in roles(result)
    assert {
        ("appointee", "Herbert Diess"),
        ("organization", "Volkswagen"),
        ("predecessor", "Matthias Müller"),
    } in event_parts(result, "Appointment")


def test_joining_a_board_is_a_director_seat(extract_text: Extract) -> None:
    result = extract_text("Brad Smith will join the board of G42 next month.")
    assert roles(result) == {("Brad Smith", "director", "G42")}
    assert event_parts(result, "Appointment") == [
        {("appointee", "Brad Smith"), ("organization", "G42")}
    ]


def test_not_joining_a_board_gives_nothing(extract_text: Extract) -> None:
    result = extract_text("Brad Smith will not join the board of G42.")
    assert not roles(result)
    assert not event_parts(result, "Appointment")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Berkshire Hathaway, which is chaired by Warren Buffett, sold shares.",
            ("Warren Buffett", "chair", "Berkshire Hathaway"),
        ),
        (
            "Volkswagen said on Friday that the board was pleased. Hans Dieter Pötsch, "
            "chairman of the supervisory board, praised him.",
            ("Hans Dieter Pötsch", "chair", "Volkswagen"),
        ),
    ],
)
def test_a_chair_named_by_chaired_by_or_of_the_board(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roles(extract_text(text))


def test_a_report_chaired_by_someone_is_no_job(extract_text: Extract) -> None:
    assert not roles(extract_text("The inquiry into Barclays was chaired by Jane Smith."))


def test_an_interim_role_taken_over_keeps_its_qualifier(extract_text: Extract) -> None:
    result = extract_text(
        "UBS said deputy chief executive Sergio Ermotti takes over as interim chief executive."
    )
    roles = {(person, role) for person, role, _, _, _ in dated_roles(result)}
    assert ("Sergio Ermotti", "interim CEO") in roles
    assert ("Sergio Ermotti", "CEO") not in roles


@pytest.mark.parametrize(
    "text",
    [
        "Credit Suisse said that chief executive Thomas Gottstein was leaving with immediate "
        "effect.",
        "Credit Suisse said that chief executive Thomas Gottstein left the bank on Friday.",
    ],
)
def test_leaving_the_title_the_name_carries_makes_it_former(
    extract_text: Extract, text: str
) -> None:
    result = extract_text(text)
    assert {("person", "Thomas Gottstein"), ("organization", "Credit Suisse")} in event_parts(
        result, "Resignation"
    )
    roles = {(person, role) for person, role, _, _, _ in dated_roles(result)}
    assert roles == {("Thomas Gottstein", "former CEO")}


def test_a_departure_only_announced_keeps_the_title(extract_text: Extract) -> None:
    result = extract_text(
        "Credit Suisse said that chief executive Thomas Gottstein was leaving after two years "
        "in the job."
    )
    assert event_parts(result, "Resignation")
    roles = {(person, role) for person, role, _, _, _ in dated_roles(result)}
    assert roles == {("Thomas Gottstein", "CEO")}


def test_leaving_for_somewhere_is_no_resignation(extract_text: Extract) -> None:
    result = extract_text("Credit Suisse chief executive Thomas Gottstein left for Zurich.")
    assert not event_parts(result, "Resignation")


def test_the_one_succeeded_holds_the_role_until_the_handover(extract_text: Extract) -> None:
    result = extract_text(
        "Tether said on Friday that its chief technology officer, Paolo Ardoino, will become "
        "chief executive in December. He succeeds Jean-Louis van der Velde."
    )
    roles = {(person, role, org) for person, role, org, _, _ in dated_roles(result)}
    assert ("Jean-Louis van der Velde", "CEO", "Tether") in roles
    assert ("Paolo Ardoino", "CEO", "Tether") in roles


def test_a_body_that_fires_its_own_chief_is_the_one_left(extract_text: Extract) -> None:
    # Riot Platforms is the article's company; "its" is Bitfarms, the one that fires.
    result = extract_text(
        "Riot Platforms built a stake in Bitfarms. Riot Platforms said it would call a "
        "meeting. This month Bitfarms fired its chief executive, Geoffrey Morphy."
    )
    assert event_parts(result, "Resignation") == [
        {("person", "Geoffrey Morphy"), ("organization", "Bitfarms")}
    ]
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    assert ("Geoffrey Morphy", "former CEO", "Bitfarms") in roles
    assert not any(org == "Riot Platforms" for _, _, org in roles)


def test_a_plural_title_appoints_every_coordinated_person(extract_text: Extract) -> None:
    result = extract_text(
        "Spotify said on Tuesday that Gustav Söderström, its chief product officer, and "
        "Alex Norström, its chief business officer, will take over as co-chief executives."
    )
    appointed = event_parts(result, "Appointment")
    assert {("appointee", "Gustav Söderström"), ("organization", "Spotify")} in appointed
    assert {("appointee", "Alex Norström"), ("organization", "Spotify")} in appointed
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    assert {
        ("Gustav Söderström", "co-CEO", "Spotify"),
        ("Alex Norström", "co-CEO", "Spotify"),
    } <= roles


def test_a_singular_title_appoints_only_the_first_person(extract_text: Extract) -> None:
    result = extract_text(
        "Spotify said Alex Norström and Daniel Ek will meet. Norström will take over as "
        "chief executive."
    )
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    assert ("Daniel Ek", "CEO", "Spotify") not in roles


def test_handing_over_a_role_is_a_resignation(extract_text: Extract) -> None:
    result = extract_text(
        "Spotify founder Daniel Ek will hand over the chief executive role on Jan. 1, the "
        "company said on Tuesday."
    )
    assert event_parts(result, "Resignation") == [
        {("person", "Daniel Ek"), ("organization", "Spotify")}
    ]


def test_handing_over_a_document_is_no_resignation(extract_text: Extract) -> None:
    result = extract_text("Daniel Ek will hand over the documents to Spotify's lawyers.")
    assert event_parts(result, "Resignation") == []


BERKSHIRE = (
    "Warren Buffett will step down as chief executive of Berkshire Hathaway at the end of the "
    "year and hand the job to Greg Abel, the company said on Sunday. Buffett, 94, will remain "
    "chairman. Only two directors, his children Howard Buffett and Susie Buffett, had known."
)


def test_a_departure_announced_for_later_keeps_the_title_and_the_job_handed_on(
    extract_text: Extract,
) -> None:
    result = extract_text(BERKSHIRE)
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    # Buffett is chief executive until the handover, and stays chairman; Abel takes the
    # role Buffett is leaving, not the one he keeps.
    assert ("Warren Buffett", "CEO", "Berkshire Hathaway") in roles
    assert ("Warren Buffett", "chair", "Berkshire Hathaway") in roles
    assert ("Greg Abel", "CEO", "Berkshire Hathaway") in roles
    assert ("Greg Abel", "chair", "Berkshire Hathaway") not in roles
    assert not any(role.startswith("former") for _, role, _ in roles)
    assert {
        ("appointee", "Greg Abel"),
        ("organization", "Berkshire Hathaway"),
        ("predecessor", "Warren Buffett"),
    } in event_parts(result, "Appointment")


def test_handing_over_a_role_to_no_one_named_appoints_no_one(extract_text: Extract) -> None:
    result = extract_text("Warren Buffett will hand the documents to Greg Abel on Sunday.")
    assert event_parts(result, "Appointment") == []


KRAKEN = (
    "Crypto exchange Kraken has named Arjun Sethi as co-chief executive alongside Dave Ripley. "
    "Ripley took over as chief executive in 2023 from Jesse Powell, who co-founded Kraken in "
    "2011 and remains its chairman."
)


def test_taking_over_from_someone_names_the_predecessor(extract_text: Extract) -> None:
    result = extract_text(KRAKEN)
    assert {
        ("appointee", "Dave Ripley"),
        ("organization", "Kraken"),
        ("predecessor", "Jesse Powell"),
    } in event_parts(result, "Appointment")
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    # Powell left the chief executive's job in 2023 and keeps the chair.
    assert ("Jesse Powell", "former CEO", "Kraken") in roles
    assert ("Jesse Powell", "chair", "Kraken") in roles
    # A shared title is held by the one it is shared with too.
    assert ("Dave Ripley", "co-CEO", "Kraken") in roles


def test_a_move_with_no_body_named_is_where_the_persons_title_places_them(
    extract_text: Extract,
) -> None:
    # Meta is the article's company; Droege's title places him at Scale AI.
    result = extract_text(
        "Meta Platforms has taken a 49% stake in Scale AI. Meta said the deal would help it. "
        "Jason Droege, Scale AI's chief strategy officer, takes over as interim chief executive."
    )
    assert event_parts(result, "Appointment") == [
        {("appointee", "Jason Droege"), ("organization", "Scale AI")}
    ]


def test_a_chief_hired_from_another_company_moves_to_the_one_hiring(
    extract_text: Extract,
) -> None:
    # No one becomes what they already are: "its" is the company that tells of the move.
    result = extract_text(
        "BP said on Wednesday that Meg O'Neill, the chief executive of Australia's Woodside "
        "Energy, would become its chief executive on April 1, replacing Murray Auchincloss."
    )
    assert event_parts(result, "Appointment") == [
        {
            ("appointee", "Meg O'Neill"),
            ("organization", "BP"),
            ("predecessor", "Murray Auchincloss"),
        }
    ]
    # A promotion within the company is still the company's.
    result = extract_text(
        "Jane Fraser, the chief financial officer of Citigroup, will become its chief "
        "executive in March."
    )
    assert event_parts(result, "Appointment") == [
        {("appointee", "Jane Fraser"), ("organization", "Citigroup")}
    ]


def test_an_adviser_named_by_a_company_is_its_adviser(extract_text: Extract) -> None:
    # The parse hangs "named" on the company's description; his own title places him at
    # Tron.
    result = extract_text(
        "World Liberty Financial, the crypto venture backed by Donald Trump and his family, "
        "named Tron founder Justin Sun as an adviser on Tuesday."
    )
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    assert ("Justin Sun", "adviser", "World Liberty Financial") in roles
    assert ("Justin Sun", "adviser", "Tron") not in roles


def test_one_who_stays_on_as_an_adviser(extract_text: Extract) -> None:
    result = extract_text(
        "Mo Shaikh has stepped down as chief executive of Aptos Labs. He will stay on as a "
        "strategic adviser."
    )
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    assert ("Mo Shaikh", "adviser", "Aptos Labs") in roles


def test_a_successor_does_not_take_the_role_the_predecessor_keeps(extract_text: Extract) -> None:
    result = extract_text(
        "Kering said Luca de Meo would become its chief executive on Sept. 15. He will take "
        "over from François-Henri Pinault, who has been chairman and chief executive of Kering "
        "since 2005 and will remain chairman."
    )
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    assert ("Luca de Meo", "CEO", "Kering") in roles
    assert ("Luca de Meo", "chair", "Kering") not in roles


def test_a_title_with_no_shared_prefix_is_not_shared(extract_text: Extract) -> None:
    result = extract_text("Kraken named Arjun Sethi chief executive with Dave Ripley present.")
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    assert not any(p == "Dave Ripley" for p, _, _ in roles)


@pytest.mark.parametrize(
    ("text", "seat", "joined"),
    [
        (
            "Boeing named Kelly Ortberg chief executive. Ortberg will succeed Dave Calhoun as "
            "president and CEO on August 8 and will also join the board of directors.",
            ("Kelly Ortberg", "director", "Boeing"),
            True,
        ),
        (
            "The project is run by Matt Huang, a co-founder of Paradigm who also sits on "
            "Stripe's board.",
            ("Matt Huang", "director", "Stripe"),
            False,
        ),
        (
            "Meta took a stake in Scale AI. Scale AI's co-founder Alexandr Wang is leaving its "
            "top job. Wang will stay on its board.",
            ("Alexandr Wang", "director", "Scale AI"),
            False,
        ),
    ],
)
def test_board_seats_joined_and_held(
    extract_text: Extract, text: str, seat: tuple[str, str, str], joined: bool
) -> None:
    result = extract_text(text)
    assert seat in {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    appointed = {("appointee", seat[0]), ("organization", seat[2])}
    assert any(appointed <= parts for parts in event_parts(result, "Appointment")) == joined


def test_sitting_on_no_board_is_no_seat(extract_text: Extract) -> None:
    result = extract_text("Matt Huang sits on a panel at Stripe's conference.")
    assert not any(role == "director" for _, role, _, _, _ in dated_roles(result))


def test_handing_a_named_role_to_a_successor(extract_text: Extract) -> None:
    result = extract_text(
        "CyberArk was co-founded in 1999 by Udi Mokady, now its executive chairman, who "
        "handed the chief executive role to Matt Cohen in 2023."
    )
    assert event_parts(result, "Appointment") == [
        {("appointee", "Matt Cohen"), ("organization", "CyberArk"), ("predecessor", "Udi Mokady")}
    ]
    assert event_parts(result, "Resignation") == [
        {("person", "Udi Mokady"), ("organization", "CyberArk")}
    ]
    held = dated_roles(result)
    assert ("Matt Cohen", "CEO", "CyberArk", "2023", None) in held
    assert ("Udi Mokady", "former CEO", "CyberArk", None, "2023") in held
    # The successor takes the role handed over, not the ones the founder keeps.
    assert not {r for r in held if r[0] == "Matt Cohen" and r[1] != "CEO"}


def test_handing_over_documents_is_no_succession(extract_text: Extract) -> None:
    result = extract_text(
        "Udi Mokady, CyberArk's chairman, handed the documents to Matt Cohen in 2023."
    )
    assert not event_parts(result, "Appointment")
    assert not event_parts(result, "Resignation")


def test_joining_a_named_boards_seat_is_at_that_board(extract_text: Extract) -> None:
    result = extract_text(
        "Huntington agreed to buy Cadence Bank. Dan Rollins, Cadence's chairman and chief "
        "executive, is to join Huntington's board as vice chairman once the deal closes."
    )
    assert event_parts(result, "Appointment") == [
        {("appointee", "Dan Rollins"), ("organization", "Huntington")}
    ]


def test_confirmed_as_a_governor_is_an_appointment(extract_text: Extract) -> None:
    result = extract_text(
        "The Senate on Monday confirmed Stephen Miran as a governor of the Federal Reserve."
    )
    assert event_parts(result, "Appointment") == [
        {("appointee", "Stephen Miran"), ("organization", "Federal Reserve")}
    ]


def test_confirming_a_report_is_no_appointment(extract_text: Extract) -> None:
    result = extract_text("Binance confirmed the report about Richard Teng on Monday.")
    assert not event_parts(result, "Appointment")


def test_a_handover_is_at_the_body_where_the_one_succeeded_holds_a_title(
    extract_text: Extract,
) -> None:
    # The article is about Palo Alto Networks; the handover is at CyberArk.
    result = extract_text(
        "Palo Alto Networks agreed to buy CyberArk. Palo Alto Networks said the deal would "
        "close next year. CyberArk was co-founded in 1999 by Udi Mokady, now its executive "
        "chairman, who handed the chief executive role to Matt Cohen in 2023."
    )
    assert event_parts(result, "Appointment") == [
        {("appointee", "Matt Cohen"), ("organization", "CyberArk"), ("predecessor", "Udi Mokady")}
    ]


def test_a_chairman_who_replaces_the_chief_executive_takes_the_role_left(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Andrew Witty has stepped down as chief executive of UnitedHealth Group, and chairman "
        "Stephen Hemsley has replaced him, the company said on Tuesday. Witty, a former "
        "chief executive of drugmaker GlaxoSmithKline, became UnitedHealth's chief "
        "executive in 2021 and will serve as a senior adviser to the company."
    )
    held = {(r[0], r[1], r[2]) for r in dated_roles(result)}
    assert ("Stephen Hemsley", "CEO", "UnitedHealth") in held
    assert ("Stephen Hemsley", "chair", "UnitedHealth") in held
    # The role taken in 2021 has ended since.
    assert ("Andrew Witty", "CEO", "UnitedHealth") not in held
    assert ("Andrew Witty", "former CEO", "UnitedHealth") in held


@pytest.mark.parametrize(
    ("text", "successor", "predecessor", "org"),
    [
        (
            # A clause beside the appointment names the one replaced.
            "Burberry named Joshua Schulman as its chief executive on Monday, replacing "
            "Jonathan Akeroyd, who left the company with immediate effect.",
            "Joshua Schulman",
            "Jonathan Akeroyd",
            "Burberry",
        ),
        (
            "Tan Su Shan became chief executive of DBS on Friday, taking over from Piyush "
            "Gupta after the annual meeting.",
            "Tan Su Shan",
            "Piyush Gupta",
            "DBS",
        ),
        (
            # "who succeeded": the one the clause hangs on took the role.
            "The bank is led by Marguerite Bérard, who succeeded Robert Swaak as chief "
            "executive of ABN Amro in April.",
            "Marguerite Bérard",
            "Robert Swaak",
            "ABN Amro",
        ),
    ],
)
def test_the_one_replaced_by_a_past_appointment_is_former(
    extract_text: Extract, text: str, successor: str, predecessor: str, org: str
) -> None:
    result = extract_text(text)
    assert {
        ("appointee", successor),
        ("organization", org),
        ("predecessor", predecessor),
    } in event_parts(result, "Appointment")
    roles = {(p, role, o) for p, role, o, _, _ in dated_roles(result)}
    assert (successor, "CEO", org) in roles
    assert (predecessor, "former CEO", org) in roles
    assert (predecessor, "CEO", org) not in roles


def test_one_who_left_the_company_resigned(extract_text: Extract) -> None:
    result = extract_text(
        "Burberry named Joshua Schulman as its chief executive on Monday, replacing Jonathan "
        "Akeroyd, who left the company with immediate effect."
    )
    assert event_parts(result, "Resignation") == [
        {("person", "Jonathan Akeroyd"), ("organization", "Burberry")}
    ]


def test_a_clause_that_keeps_the_one_named_is_no_replacement(extract_text: Extract) -> None:
    # Replacing a product is not replacing a person; an undone replacement replaces no one.
    result = extract_text(
        "Burberry named Joshua Schulman as its chief executive on Monday, replacing its "
        "spring collection. Gucci named Stefano Cantino chief executive, not replacing "
        "Jean-Francois Palus, who stays on as chairman."
    )
    assert all(len(parts) == 2 for parts in event_parts(result, "Appointment"))
    roles = {(p, role) for p, role, _, _, _ in dated_roles(result)}
    assert not any(p == "Jean-Francois Palus" and role.startswith("former") for p, role in roles)


def test_a_handover_between_pairs_gives_each_side_its_people(extract_text: Extract) -> None:
    result = extract_text(
        "Two Sigma agreed to pay $90 million. The settlement comes months after a change at "
        "the top: co-founders John Overdeck and David Siegel, who remain co-chairmen, handed "
        "the co-chief executive roles to Scott Hoffman and Carter Lyons in September."
    )
    founders = {("predecessor", "John Overdeck"), ("predecessor", "David Siegel")}
    assert sorted(event_parts(result, "Appointment"), key=sorted) == [
        {("appointee", "Carter Lyons"), ("organization", "Two Sigma"), *founders},
        {("appointee", "Scott Hoffman"), ("organization", "Two Sigma"), *founders},
    ]
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    for successor in ("Scott Hoffman", "Carter Lyons"):
        assert (successor, "co-CEO", "Two Sigma") in roles
    for founder in ("John Overdeck", "David Siegel"):
        assert (founder, "former co-CEO", "Two Sigma") in roles
    assert sorted(event_parts(result, "Resignation"), key=sorted) == [
        {("person", "David Siegel"), ("organization", "Two Sigma")},
        {("person", "John Overdeck"), ("organization", "Two Sigma")},
    ]


def test_a_handover_of_one_role_takes_no_one_else(extract_text: Extract) -> None:
    result = extract_text(
        "CyberArk was co-founded in 1999 by Udi Mokady and Alon Cohen. Mokady handed the "
        "chief executive role to Matt Cohen and Ehud Mokady in 2023."
    )
    assert all(
        ("appointee", "Ehud Mokady") not in parts for parts in event_parts(result, "Appointment")
    )


@pytest.mark.parametrize(
    ("text", "appointee", "org"),
    [
        (
            "Starbucks named Brian Niccol chief executive. Niccol will join on September 9, "
            "and chief financial officer Rachel Ruggeri will serve as interim CEO until then.",
            "Rachel Ruggeri",
            "Starbucks",
        ),
        (
            "Wells Fargo said the order was lifted. Chief executive Charlie Scharf, who took "
            "charge in 2019, called the decision a milestone.",
            "Charlie Scharf",
            "Wells Fargo",
        ),
    ],
)
def test_serving_from_now_on_and_taking_charge_are_appointments(
    extract_text: Extract, text: str, appointee: str, org: str
) -> None:
    assert {("appointee", appointee), ("organization", org)} in event_parts(
        extract_text(text), "Appointment"
    )


@pytest.mark.parametrize(
    "text",
    [
        # Serving so far, and a charge on the books.
        "Coinbase said Brian Armstrong, who has served as chief executive since 2012, would stay.",
        "Wells Fargo said Charlie Scharf took a $1 billion charge in 2019.",
    ],
)
def test_serving_so_far_and_an_accounting_charge_appoint_no_one(
    extract_text: Extract, text: str
) -> None:
    assert not event_parts(extract_text(text), "Appointment")


def test_giving_up_a_job_as_a_title_is_a_resignation(extract_text: Extract) -> None:
    result = extract_text("Changpeng Zhao gave up his job as Binance's chief executive in 2023.")
    assert event_parts(result, "Resignation") == [
        {("person", "Changpeng Zhao"), ("organization", "Binance")}
    ]
    assert ("Changpeng Zhao", "former CEO", "Binance", None, "2023") in dated_roles(result)
    # Giving up a stake ends no role.
    result = extract_text("Changpeng Zhao gave up his stake in Binance in 2023.")
    assert not event_parts(result, "Resignation")


def test_a_departure_ends_the_title_its_body_gave(extract_text: Extract) -> None:
    # "its" is the subject of the clause before, not the exchange named last.
    result = extract_text(
        "Nationwide Building Society completed its purchase of Virgin Money on Tuesday. "
        "Virgin Money, which Richard Branson founded in 1995, had its shares removed from "
        "the London Stock Exchange, and its chief executive David Duffy stepped down."
    )
    assert event_parts(result, "Resignation") == [
        {("person", "David Duffy"), ("organization", "Virgin Money")}
    ]
    held = dated_roles(result)
    # The founding year dates the founding, not the departure.
    assert ("David Duffy", "former CEO", "Virgin Money", None, None) in held
    assert not {r for r in held if r[0] == "David Duffy" and r[1] == "CEO"}


def test_a_second_title_shares_the_body_the_first_names(extract_text: Extract) -> None:
    # Coinbase is the article's company; "Binance's" names the body of both titles.
    result = extract_text(
        "Coinbase said on Monday it would list more tokens. Richard Teng, who became "
        "Binance's president and chief executive in 2023, said Binance would do the same."
    )
    roles = {(p, role, org) for p, role, org, _, _ in dated_roles(result)}
    assert {("Richard Teng", "president", "Binance"), ("Richard Teng", "CEO", "Binance")} <= roles
    assert not {r for r in roles if r[0] == "Richard Teng" and r[2] == "Coinbase"}


def test_a_senate_approves_an_appointee(extract_text: Extract) -> None:
    result = extract_text(
        "Brazil's Senate on Tuesday approved Gabriel Galípolo as the next president of the "
        "Central Bank of Brazil by 66 votes to 5."
    )
    assert {("appointee", "Gabriel Galípolo"), ("organization", "Central Bank of Brazil")} <= (
        event_parts(result, "Appointment")[0]
    )


def test_a_move_that_names_no_body_is_at_the_one_body_of_that_post(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "The Senate on Wednesday confirmed Michelle Bowman as the Federal Reserve's vice chair "
        "for supervision. Bowman has been a Fed governor since 2018. The job had been empty "
        "since Michael Barr stepped down as vice chair for supervision in February, though "
        "he stayed on as a governor."
    )
    found = {(person, role, org) for person, role, org, _, _ in dated_roles(result)}
    assert ("Michael Barr", "former vice chair for supervision", "Federal Reserve") in found
    assert ("Michael Barr", "governor", "Federal Reserve") in found
    assert {("person", "Michael Barr"), ("organization", "Federal Reserve")} in event_parts(
        result, "Resignation"
    )


def test_the_article_company_comes_before_a_post_held_elsewhere(extract_text: Extract) -> None:
    result = extract_text(
        "Boeing named Kelly Ortberg, a former CEO of Rockwell Collins, to lead the planemaker. "
        "Boeing said Ortberg will succeed Dave Calhoun as CEO on Aug. 8."
    )
    found = {(person, role, org) for person, role, org, _, _ in dated_roles(result)}
    assert ("Kelly Ortberg", "CEO", "Boeing") in found
    assert ("Kelly Ortberg", "CEO", "Rockwell Collins") not in found


def test_its_title_named_by_a_pronoun_subject(extract_text: Extract) -> None:
    result = extract_text(
        "BitMine Immersion Technologies said on Monday it would raise $250 million. It also "
        "named Tom Lee, a co-founder of research firm Fundstrat, as its chairman."
    )
    found = {(person, role, org) for person, role, org, _, _ in dated_roles(result)}
    assert ("Tom Lee", "chair", "BitMine Immersion Technologies") in found
    assert ("Tom Lee", "chair", "Fundstrat") not in found


@pytest.mark.parametrize(
    ("text", "appointee", "org"),
    [
        (
            "The Senate confirmed Michelle Bowman on Wednesday. Bowman, a Fed governor since "
            "2018, was nominated in March.",
            "Michelle Bowman",
            "Federal Reserve",
        ),
        (
            "Walmart named John Furner chief executive. Furner has been chief executive of "
            "Walmart U.S. since 2019.",
            "John Furner",
            "Walmart U.S.",
        ),
        (
            "Chevron will move to Houston. Chief executive Mike Wirth, who has run the "
            "company since 2018, criticised California.",
            "Mike Wirth",
            "Chevron",
        ),
    ],
)
def test_a_post_held_since_a_time_was_an_appointment(
    extract_text: Extract, text: str, appointee: str, org: str
) -> None:
    result = extract_text(text)
    # A post held since then has taken effect.
    assert "effective" in {e.status for e in result.events if e.type == "Appointment"}
    assert {("appointee", appointee), ("organization", org)} in [
        {p for p in parts if p[0] != "predecessor"} for parts in event_parts(result, "Appointment")
    ]


def test_a_post_held_now_without_a_start_is_no_appointment(extract_text: Extract) -> None:
    result = extract_text(
        "Chevron will move to Houston. Chief executive Mike Wirth, who runs the company, "
        "criticised California. Wirth has worked at Chevron since 1982."
    )
    assert not event_parts(result, "Appointment")


def test_a_post_taken_where_a_clause_says_and_undated_there(extract_text: Extract) -> None:
    result = extract_text(
        "Westpac named Anthony Miller chief executive. Miller joined Westpac in 2020 from "
        "Deutsche Bank, and before that spent 16 years at Goldman Sachs, where he became a "
        "partner."
    )
    found = dated_roles(result)
    assert ("Anthony Miller", "partner", "Goldman Sachs", None, None) in found
    assert not {r for r in found if r[1] == "partner" and r[2] == "Westpac"}


def test_an_appointment_in_an_earlier_year_is_another_appointment(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Procter & Gamble said on Monday that Shailesh Jejurikar will succeed Jon Moeller as "
        "chief executive on Jan. 1, with Moeller becoming executive chairman. Moeller, who "
        "took over from David Taylor in November 2021, is stepping back after four years. "
        "Jejurikar has been chief operating officer since 2021.",
        published="2025-07-29",
    )
    moves = [e for e in result.events if e.type == "Appointment"]
    names = {e.id: e.name for e in result.entities}
    dates = {(names[e.participants[0].entity], e.date.value if e.date else None) for e in moves}
    # Moeller now, and Moeller in 2021 after Taylor: two happenings, two events.
    assert {("Jon Moeller", "2021-11"), ("Shailesh Jejurikar", "2021")} <= dates
    assert {("appointee", "Jon Moeller"), ("organization", "Procter & Gamble")} in [
        {p for p in parts if p[0] != "predecessor"}
        for parts in event_parts(result, "Appointment")
        if ("predecessor", "David Taylor") not in parts
    ]
    assert len({e.id for e in moves}) == len(moves) == 4
    # Taylor gave up the role Moeller took, not the chairmanship Moeller takes next year.
    assert ("David Taylor", "former executive chair", "Procter & Gamble", None, None) not in (
        dated_roles(result)
    )


def test_an_appointment_told_twice_in_the_articles_year_stays_one(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Intel has appointed Lip-Bu Tan as its chief executive, effective March 18. Tan "
        "succeeds David Zinsner, who has run the chipmaker as interim chief executive since "
        "Pat Gelsinger retired in December.",
        published="2025-03-12",
    )
    [move] = [e for e in result.events if e.type == "Appointment"]
    # The December of the clause about Zinsner does not date Tan's appointment.
    assert move.date is None or move.date.value == "2025-03-18"


def test_a_naming_is_announced_and_a_move_told_as_done_is_effective(
    extract_text: Extract,
) -> None:
    named = extract_text(
        "Commerzbank named its finance chief, Bettina Orlopp, as its next chief executive on "
        "Tuesday. Orlopp will succeed Manfred Knof.",
        published="2024-09-25",
    )
    [move] = [e for e in named.events if e.type == "Appointment"]
    assert move.status == "announced"
    # Knof keeps the post until she takes it over.
    assert ("Manfred Knof", "CEO", "Commerzbank", None, None) in dated_roles(named)
    done = extract_text(
        "The Walt Disney Company said late on Sunday that Bob Iger would return as its chief "
        "executive with immediate effect, replacing Bob Chapek.",
        published="2022-11-21",
    )
    [move] = [e for e in done.events if e.type == "Appointment"]
    assert move.status == "effective"
    assert ("Bob Chapek", "former CEO", "Disney", None, None) in dated_roles(done)


def test_one_named_to_be_succeeded_keeps_the_role_until_the_move(extract_text: Extract) -> None:
    result = extract_text(
        "GSK on Monday named its chief commercial officer, Luke Miels, as its next chief "
        "executive, replacing Emma Walmsley, who is stepping down after almost nine years."
    )
    names = {e.id: e.name for e in result.entities}
    walmsley = {
        str(r.properties["role"])
        for r in result.relations
        if r.predicate == "ROLE_AT" and names[r.subject] == "Emma Walmsley"
    }
    assert "CEO" in walmsley and "former CEO" not in walmsley
    # A move told as done makes the one succeeded a former holder.
    done = extract_text("Tim Cook succeeded Steve Jobs as chief executive of Apple in 2011.")
    names = {e.id: e.name for e in done.entities}
    assert ("Steve Jobs", "former CEO") in {
        (names[r.subject], str(r.properties["role"]))
        for r in done.relations
        if r.predicate == "ROLE_AT"
    }
