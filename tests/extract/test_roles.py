"""ROLE_AT from job titles, in the sentence shapes news uses, and shapes that must give nothing.

Sentences are written for these tests; the people, titles and companies are real.
"""

from __future__ import annotations

import pytest
from readouts import Extract, pairs

from graphbuild.models import ArticleExtraction


def roles(result: ArticleExtraction) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in result.entities}
    return {
        (names[r.subject], str(r.properties["role"]), names[r.object])
        for r in result.relations
        if r.predicate == "ROLE_AT"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Binance CEO Richard Teng said the exchange would cooperate.",
            ("Richard Teng", "CEO", "Binance"),
        ),
        ("Binance's CEO Richard Teng spoke on Tuesday.", ("Richard Teng", "CEO", "Binance")),
        (
            "Coinbase co-founder Brian Armstrong testified.",
            ("Brian Armstrong", "co-founder", "Coinbase"),
        ),
        (
            "Brian Armstrong, chief executive of Coinbase, said the case had no merit.",
            ("Brian Armstrong", "CEO", "Coinbase"),
        ),
        (
            "Jamie Dimon, the chairman of JPMorgan Chase, warned about inflation.",
            ("Jamie Dimon", "chair", "JPMorgan Chase"),
        ),
        (
            "Former FTX CEO Sam Bankman-Fried was convicted.",
            ("Sam Bankman-Fried", "former CEO", "FTX"),
        ),
        (
            "Gary Gensler, chair of the SEC, called the tokens securities.",
            ("Gary Gensler", "chair", "U.S. Securities and Exchange Commission"),
        ),
    ],
)
def test_role_shapes(extract_text: Extract, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in roles(extract_text(text))


def test_description_resolves_to_the_named_exchange(extract_text: Extract) -> None:
    text = "Kraken settled with regulators. The exchange's CEO Dave Ripley said it would appeal."
    assert ("Dave Ripley", "CEO", "Kraken") in roles(extract_text(text))


def test_coordinated_titles_share_the_organisation(extract_text: Extract) -> None:
    text = "Binance CEO Richard Teng and chief legal officer Eleanor Hughes met officials."
    found = roles(extract_text(text))
    assert ("Richard Teng", "CEO", "Binance") in found
    assert ("Eleanor Hughes", "chief legal officer", "Binance") in found


@pytest.mark.parametrize(
    "text",
    [
        # A title with no person next to it is not a role of anyone named.
        "The chief executive of Binance spoke on Tuesday.",
        # A title with a person but no organisation gives nothing rather than a guess.
        "CEO Richard Teng said the review was finished.",
        # A news outlet is not the antecedent of "the exchange".
        "The Wall Street Journal reported the meeting. The exchange's CEO declined to comment.",
    ],
)
def test_shapes_that_give_no_role(extract_text: Extract, text: str) -> None:
    assert roles(extract_text(text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # "was" puts the title in the past.
            "Joseph Cicippio, 58, was acting comptroller at the American University of Beirut.",
            ("Joseph Cicippio", "former acting comptroller", "American University of Beirut"),
        ),
        (
            "Fred Demler, metals economist with Drexel Burnham Lambert Inc., said prices fell.",
            ("Fred Demler", "economist", "Drexel Burnham Lambert Inc."),
        ),
        (
            "The secretary of the Foreign Ministry, Datuk Abdul Halim Ali, said talks went well.",
            ("Datuk Abdul Halim Ali", "secretary", "Foreign Ministry"),
        ),
    ],
)
def test_roles_past_ages_modifiers_and_fronted_titles(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roles(extract_text(text))


def test_company_title_without_company_is_at_the_article_company(extract_text: Extract) -> None:
    text = "Citigroup was fined again. Chief executive Jane Fraser said Citigroup would comply."
    result = extract_text(text)
    assert ("Jane Fraser", "CEO", "Citigroup") in roles(result)
    [relation] = [r for r in result.relations if r.predicate == "ROLE_AT"]
    assert relation.evidence[0].rule == "role/title_person_topic"


def test_public_office_is_not_placed_at_the_article_company(extract_text: Extract) -> None:
    assert (
        roles(extract_text("Coinbase rallied. President Donald Trump praised Coinbase.")) == set()
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two titles joined by "and" share the person and the organisation; each keeps
        # its own "former".
        (
            "A judge sentenced Alex Mashinsky, the founder and former chief executive of "
            "Celsius Network, to 12 years.",
            {
                ("Alex Mashinsky", "founder", "Celsius Network"),
                ("Alex Mashinsky", "former CEO", "Celsius Network"),
            },
        ),
        (
            "Jamie Dimon, JPMorgan Chase's chairman and chief executive, spoke in Washington.",
            {
                ("Jamie Dimon", "chair", "JPMorgan Chase"),
                ("Jamie Dimon", "CEO", "JPMorgan Chase"),
            },
        ),
        # A place before the organisation is not the organisation.
        (
            "Prosecutors charged Chen Zhi, the chairman of Cambodia-based Prince Group, "
            "with fraud.",
            {("Chen Zhi", "chair", "Prince Group")},
        ),
        # "interim", "acting" and "deputy" make another role.
        (
            "Citigroup hired Jane Fraser. Its interim CFO Mark Mason spoke.",
            {("Mark Mason", "interim CFO", "Citigroup")},
        ),
    ],
)
def test_title_chains_and_kept_modifiers(
    extract_text: Extract, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = roles(extract_text(text))
    assert expected <= found
    assert not any(org in {"Cambodia"} for _, _, org in found)


def test_a_plural_title_names_every_person_after_it(extract_text: Extract) -> None:
    text = (
        "KuCoin pleaded guilty in the U.S. market case. "
        "Its founders Chun Gan and Ke Tang signed agreements."
    )
    result = extract_text(text)
    found = roles(result)
    assert {("Chun Gan", "founder", "KuCoin"), ("Ke Tang", "founder", "KuCoin")} <= found
    founded = pairs(result, "FOUNDED")
    assert founded == {("Chun Gan", "KuCoin"), ("Ke Tang", "KuCoin")}


def test_its_does_not_point_at_a_country_used_as_an_adjective(extract_text: Extract) -> None:
    text = "KuCoin will leave the U.S. market. Its founder Chun Gan agreed."
    assert roles(extract_text(text)) == {("Chun Gan", "founder", "KuCoin")}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Sam Bankman-Fried, who co-founded the exchange FTX, was sentenced.", "co-founder"),
        ("Brian Armstrong founded Coinbase in 2012.", "founder"),
    ],
)
def test_founding_verbs_give_the_founder_role(extract_text: Extract, text: str, role: str) -> None:
    result = extract_text(text)
    [relation] = [r for r in result.relations if r.predicate == "ROLE_AT"]
    assert relation.properties["role"] == role
    assert relation.evidence[0].rule.endswith("/founder_role")


def test_a_singular_title_takes_only_the_first_of_two_names(extract_text: Extract) -> None:
    text = "Coinbase CEO Brian Armstrong and Fred Wilson met regulators."
    assert roles(extract_text(text)) == {("Brian Armstrong", "CEO", "Coinbase")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "David Meister, an outside lawyer for OKX, said the settlement was fair.",
            ("David Meister", "OKX"),
        ),
        (
            "Mark Mukasey, a lawyer for Sam Bankman-Fried, said his client would appeal.",
            ("Mark Mukasey", "Sam Bankman-Fried"),
        ),
        # The client owns the title.
        (
            "Keonne Rodriguez was arrested in Portugal. His lawyer, Roger Burlingame, had "
            "argued that Rodriguez believed the wallet was legal.",
            ("Roger Burlingame", "Keonne Rodriguez"),
        ),
        (
            "Sam Bankman-Fried's lawyer Mark Cohen asked for leniency.",
            ("Mark Cohen", "Sam Bankman-Fried"),
        ),
        (
            "Binance's lawyer, Daniel Fenske, said the exchange would appeal.",
            ("Daniel Fenske", "Binance"),
        ),
    ],
)
def test_a_lawyer_for_a_client_advises_it(
    extract_text: Extract, text: str, expected: tuple[str, str]
) -> None:
    result = extract_text(text)
    advises = pairs(result, "ADVISES")
    assert advises == {expected}
    assert roles(result) == set()


def test_a_lawyer_named_for_no_one_advises_no_one(extract_text: Extract) -> None:
    assert pairs(extract_text("Hill said his lawyer would appeal the ruling."), "ADVISES") == set()


def test_a_lawyer_at_a_firm_works_there(extract_text: Extract) -> None:
    result = extract_text("David Meister, a lawyer at Skadden, represented OKX.")
    assert roles(result) == {("David Meister", "lawyer", "Skadden")}
    assert not [r for r in result.relations if r.predicate == "ADVISES"]


def test_no_article_company_when_the_sentence_names_another_body(extract_text: Extract) -> None:
    text = "Coinbase won. The SEC, under then-chair Gary Gensler, had sued Coinbase in 2023."
    assert not any(org == "Coinbase" for _, _, org in roles(extract_text(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title written with periods: "U.S." tokenises differently in lower case.
        (
            "Damian Williams, the U.S. Attorney for the Southern District of New York, spoke.",
            (
                "Damian Williams",
                "U.S. Attorney",
                "U.S. Attorney's Office for the Southern District of New York",
            ),
        ),
        (
            "Celsius Network fell. Its former chief revenue officer Roni Cohen-Pavon "
            "pleaded guilty.",
            ("Roni Cohen-Pavon", "former chief revenue officer", "Celsius Network"),
        ),
    ],
)
def test_titles_beyond_the_common_ones(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert roles(extract_text(text)) == {expected}


def test_a_prosecutor_is_not_a_lawyer_of_the_country(extract_text: Extract) -> None:
    found = roles(extract_text("U.S. Attorney Damian Williams said the case was strong."))
    assert not any(role == "lawyer" for _, role, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "co-founded" kept as one token: the rest of the sentence parses too.
        (
            "Sam Bankman-Fried, who co-founded the collapsed cryptocurrency exchange FTX, was "
            "sentenced on Thursday to 25 years in prison.",
            ("Sam Bankman-Fried", "co-founder", "FTX"),
        ),
        # The relative clause hangs on a description of the person.
        (
            "Do Kwon, the South Korean entrepreneur who co-founded Terraform Labs, was sentenced.",
            ("Do Kwon", "co-founder", "Terraform Labs"),
        ),
        # The kind of organisation between "of" and its name.
        (
            "Alex Mashinsky, the founder and former chief executive of crypto lender Celsius "
            "Network, was sentenced.",
            ("Alex Mashinsky", "former CEO", "Celsius Network"),
        ),
    ],
)
def test_founders_and_titles_in_longer_sentences(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    result = extract_text(text)
    assert expected in roles(result)
    assert [e.type for e in result.events] == ["Sentence"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A field between the possessive and the title.
        (
            "Margrethe Vestager, the EU's competition commissioner, said Apple had abused its "
            "position.",
            ("Margrethe Vestager", "commissioner", "European Union"),
        ),
        (
            "Therese Chambers, the FCA's joint executive director of enforcement and market "
            "oversight, said the failings were serious.",
            ("Therese Chambers", "executive director", "Financial Conduct Authority"),
        ),
        # The organisation after the title's field.
        (
            "Ho Hern Shin, deputy managing director for financial supervision at MAS, spoke.",
            ("Ho Hern Shin", "deputy managing director", "Monetary Authority of Singapore"),
        ),
        (
            "White House press secretary Karoline Leavitt said Zhao had been prosecuted.",
            ("Karoline Leavitt", "press secretary", "White House"),
        ),
        # "the Commission" after "the European Commission" is that body.
        (
            "Google was fined by the European Commission. Teresa Ribera, the Commission's "
            "executive vice-president in charge of competition, said it was ready.",
            ("Teresa Ribera", "executive vice-president", "European Commission"),
        ),
    ],
)
def test_titles_with_fields_and_public_bodies(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert roles(extract_text(text)) == {expected}


def test_a_name_set_off_after_its_title(extract_text: Extract) -> None:
    text = "Nestlé changed its chief executive. Its chairman, Paul Bulcke, backed the decision."
    assert ("Paul Bulcke", "chair", "Nestlé") in roles(extract_text(text))


def test_a_set_off_name_needs_an_organisation_before_the_title(extract_text: Extract) -> None:
    assert roles(extract_text("The chief executive, Jane Fraser, said costs would fall.")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Justice Department charged the bank. Attorney General Merrick Garland said "
            "no bank was too big to prosecute.",
            ("Merrick Garland", "attorney general", "U.S. Department of Justice"),
        ),
        (
            "The OCC fined Citigroup. Acting Comptroller Michael Hsu said the bank had not "
            "fixed its data.",
            ("Michael Hsu", "acting comptroller", "Office of the Comptroller of the Currency"),
        ),
        (
            "Nippon Steel closed the deal after the U.S. government took a golden share. "
            "President Donald Trump had approved it.",
            ("Donald Trump", "president", "United States"),
        ),
        # Two countries: the adjective before the office says whose it is.
        (
            "The U.S. Treasury sanctioned Colombian President Gustavo Petro on Friday, saying "
            "coca growing in Colombia had reached a record and harmed the United States.",
            ("Gustavo Petro", "president", "Colombia"),
        ),
        # Two countries: the gazetteer knows whose president the holder is.
        (
            "Treasury sanctioned a Brazilian judge. The same day President Donald Trump "
            "raised tariffs on goods from Brazil, and the United States recalled its envoy.",
            ("Donald Trump", "president", "United States"),
        ),
        # Lowercase, a prime minister can only be a country's.
        (
            "Malaysia's High Court convicted former prime minister Najib Razak on Friday.",
            ("Najib Razak", "former prime minister", "Malaysia"),
        ),
        (
            "Britain sanctioned two ministers. Foreign Secretary David Lammy said the United "
            "Kingdom would not stand by.",
            ("David Lammy", "foreign secretary", "United Kingdom"),
        ),
        # The one body the article names for the office.
        (
            "The New York Attorney General's office secured a settlement with Genesis. "
            "Attorney General Letitia James sued Genesis in October 2023.",
            ("Letitia James", "attorney general", "New York Attorney General's Office"),
        ),
        # The one U.S. Attorney's Office the article names, whichever district it serves.
        (
            "The U.S. Attorney's Office for the Eastern District of New York charged three "
            "leaders of SafeMoon. U.S. Attorney Breon Peace said his office would keep "
            "pursuing fraud.",
            (
                "Breon Peace",
                "U.S. Attorney",
                "U.S. Attorney's Office for the Eastern District of New York",
            ),
        ),
    ],
)
def test_public_office_is_at_the_body_it_implies(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roles(extract_text(text))


@pytest.mark.parametrize(
    "text",
    [
        # The body the office implies is not in the article.
        "Attorney General Merrick Garland spoke in Washington on Monday.",
        # Two countries: which one's president is not said, and the gazetteer does not
        # know the holder.
        "President Bernardo Arévalo met Mexican officials as Guatemala and Mexico signed "
        "trade deals.",
        # A holder the gazetteer knows, of a country the article does not name: not the
        # article's one country.
        "Prime Minister Keir Starmer said the trade deal with the United States would "
        "protect car jobs.",
        # A lowercase title before a name is a company's: "president Jean Liu".
        "China's regulator fined Didi, and president Jean Liu apologised.",
        # A body beside the title wins over the implied one.
        "The Justice Department settled. New York Attorney General Letitia James sued Apple.",
        # Two districts' offices: which one the prosecutor heads is not said.
        "The U.S. Attorney's Office for the Southern District of New York and the U.S. "
        "Attorney's Office for the Eastern District of New York both charged him. U.S. "
        "Attorney Damian Williams spoke on Monday.",
    ],
)
def test_public_office_without_its_body_gives_no_implied_role(
    extract_text: Extract, text: str
) -> None:
    implied = {"U.S. Department of Justice", "United States", "Guatemala", "Mexico"}
    implied |= {
        f"U.S. Attorney's Office for the {d} District of New York" for d in ("Southern", "Eastern")
    }
    assert not {r for r in roles(extract_text(text)) if r[2] in implied}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The company's kind stands between "of" and its name.
        (
            "William Lonergan Hill, a co-founder of the bitcoin privacy service Samourai "
            "Wallet, was sentenced to four years.",
            {("William Lonergan Hill", "co-founder", "Samourai Wallet")},
        ),
        # A plural title set off before a list names each person in it.
        (
            "BitMEX paid $100 million in 2021 to settle with the Commodity Futures Trading "
            "Commission. Its founders, Arthur Hayes, Ben Delo and Sam Reed, pleaded guilty.",
            {(name, "founder", "BitMEX") for name in ("Arthur Hayes", "Ben Delo", "Sam Reed")},
        ),
        # Several people founding one company in one sentence are its co-founders.
        (
            "Circle was founded by Jeremy Allaire and Sean Neville.",
            {(name, "co-founder", "Circle") for name in ("Jeremy Allaire", "Sean Neville")},
        ),
        ("Coinbase was founded by Brian Armstrong.", {("Brian Armstrong", "founder", "Coinbase")}),
        # "started ... with" names two founders.
        (
            "Crypto investment firm Paradigm led the round. Matt Huang started Paradigm in "
            "2018 with Fred Ehrsam.",
            {(name, "co-founder", "Paradigm") for name in ("Matt Huang", "Fred Ehrsam")},
        ),
        # The relative pronoun is the object: the exchange is what Jesse Powell founded.
        (
            "Kraken, which Jesse Powell founded in 2011, named a new chief executive.",
            {("Jesse Powell", "founder", "Kraken")},
        ),
        # A clause with no pronoun: "the hedge fund [that] he set up".
        (
            "Andrew Left was charged with fraud. The SEC sued Left and Citron Capital, the "
            "hedge fund he set up in 2018.",
            {("Andrew Left", "founder", "Citron Capital")},
        ),
        # A founder's own title is kept over the plain "founder" a founding verb gives.
        (
            "Scale AI's co-founder, Alexandr Wang, is leaving. Wang, who set up Scale AI in "
            "2016, will stay on its board.",
            {
                ("Alexandr Wang", "co-founder", "Scale AI"),
                ("Alexandr Wang", "director", "Scale AI"),
            },
        ),
        # Hyphenated Korean given names, and "the other co-founder" at the first one's company.
        (
            "Naver Financial will buy Dunamu. Song Chi-hyung, Dunamu's chairman and co-founder, "
            "owns 25.5% of Dunamu. Kim Hyoung-nyon, the other co-founder and vice chairman, "
            "holds 13.1%.",
            {
                ("Song Chi-hyung", "chair", "Dunamu"),
                ("Song Chi-hyung", "co-founder", "Dunamu"),
                ("Kim Hyoung-nyon", "co-founder", "Dunamu"),
                ("Kim Hyoung-nyon", "vice chair", "Dunamu"),
            },
        ),
        # A plural title set beside a list of people names each of them.
        (
            "Sergei Potapenko and Ivan Turõgin, the Estonian co-founders of crypto mining "
            "service HashFlare, were sentenced.",
            {(name, "co-founder", "HashFlare") for name in ("Sergei Potapenko", "Ivan Turõgin")},
        ),
        # The description's own modifiers stand between "the" and it.
        (
            "Meta Platforms has taken a 49% stake in Scale AI, and the data-labelling "
            "start-up's co-founder, Alexandr Wang, has left.",
            {("Alexandr Wang", "co-founder", "Scale AI")},
        ),
        # A digit-led code name is a company: "1MDB", the fund Najib set up.
        (
            "Tim Leissner was sentenced for his part in the looting of 1MDB. About $4.5 billion "
            "was siphoned from the fund, which Najib Razak set up.",
            {("Najib Razak", "founder", "1MDB")},
        ),
    ],
)
def test_founders(extract_text: Extract, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert roles(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Former staff of a company did not found the one they set up.
        "Amazon keeps a stake in Anthropic, which was set up in 2021 by former OpenAI staff.",
        # "started" with no company as its object.
        "Stripe started letting merchants take payments in USDC.",
        "Coinbase started a review of its listings.",
    ],
)
def test_no_founder_without_a_founder_and_a_company(extract_text: Extract, text: str) -> None:
    assert pairs(extract_text(text), "FOUNDED") == set()


def test_a_title_set_beside_a_person_with_no_company_is_at_the_articles_company(
    extract_text: Extract,
) -> None:
    text = (
        "Unilever named Fernando Fernandez chief executive on Tuesday. "
        "Srinivas Phatak, the deputy chief financial officer, becomes acting CFO."
    )
    assert ("Srinivas Phatak", "deputy CFO", "Unilever") in roles(extract_text(text))


def test_a_singular_title_set_off_before_names_takes_only_the_first(
    extract_text: Extract,
) -> None:
    found = roles(
        extract_text(
            "Nestle named a new chief. Its chairman, Paul Bulcke, and Mark Schneider "
            "attended the meeting."
        )
    )
    assert found == {("Paul Bulcke", "chair", "Nestlé")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Elon Musk, who is also chief executive of Tesla, agreed to buy Twitter.",
            ("Elon Musk", "CEO", "Tesla"),
        ),
        (
            "Jamie Dimon, who is chairman of JPMorgan Chase, spoke on Monday.",
            ("Jamie Dimon", "chair", "JPMorgan Chase"),
        ),
        (
            "Ilya Sutskever started the company with Daniel Levy, a former OpenAI researcher.",
            ("Daniel Levy", "former researcher", "OpenAI"),
        ),
        (
            "Brad Smith, Microsoft's vice chair and president, visited Abu Dhabi.",
            ("Brad Smith", "vice chair", "Microsoft"),
        ),
        (
            "Ilya Sutskever, a co-founder and former chief scientist of OpenAI, left in May.",
            ("Ilya Sutskever", "former chief scientist", "OpenAI"),
        ),
        (
            "Twitter sued Musk in the Delaware Court of Chancery. Chancellor Kathaleen "
            "McCormick set a trial date.",
            ("Kathaleen McCormick", "chancellor", "Delaware Court of Chancery"),
        ),
    ],
)
def test_titles_in_relative_clauses_appositions_and_courts(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roles(extract_text(text))


def test_a_negated_copula_gives_no_role(extract_text: Extract) -> None:
    result = extract_text("Jane Fraser, who was never chief executive of Goldman Sachs, spoke.")
    assert not roles(result)


def test_a_chief_of_staff_is_no_head(extract_text: Extract) -> None:
    result = extract_text(
        "Jeff Zients, the White House chief of staff, said on Monday that talks would go on."
    )
    assert roles(result) == {("Jeff Zients", "chief of staff", "White House")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vneet Jaain was chief executive of Adani Green Energy from 2020 to 2023.",
            ("Vneet Jaain", "former CEO", "Adani Green Energy"),
        ),
        (
            "Sreeram Kannan was an associate professor at the University of Washington.",
            ("Sreeram Kannan", "former associate professor", "University of Washington"),
        ),
        # The present tense keeps the title current.
        (
            "Jane Fraser is chief executive of Citigroup.",
            ("Jane Fraser", "CEO", "Citigroup"),
        ),
    ],
)
def test_a_copula_in_the_past_gives_a_former_title(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert roles(extract_text(text)) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spotify said Gustav Söderström, its chief product and technology officer, would "
            "lead product work.",
            ("Gustav Söderström", "chief product and technology officer", "Spotify"),
        ),
        (
            "Alex Norström, Spotify's chief business officer, spoke on Tuesday.",
            ("Alex Norström", "chief business officer", "Spotify"),
        ),
        (
            "Roger Ng, a former Goldman Sachs banker, was convicted.",
            ("Roger Ng", "former banker", "Goldman Sachs"),
        ),
        (
            "He testified against Roger Ng, another former Goldman Sachs banker.",
            ("Roger Ng", "former banker", "Goldman Sachs"),
        ),
    ],
)
def test_titles_of_product_business_and_banking_jobs(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert roles(extract_text(text)) == {expected}


def test_a_start_up_named_before_points_back_to_the_company(extract_text: Extract) -> None:
    text = (
        "Eigen Labs has raised $100 million. The start-up's founder, Sreeram Kannan, spoke "
        "on Thursday."
    )
    assert roles(extract_text(text)) == {("Sreeram Kannan", "founder", "Eigen Labs")}


def test_a_country_possessive_after_of_gives_the_company(extract_text: Extract) -> None:
    text = "Gautam Adani, the chairman of India's Adani Group, has been charged in New York."
    assert roles(extract_text(text)) == {("Gautam Adani", "chair", "Adani Group")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Uniswap Labs was fined. The company, whose chief executive is Hayden Adams, was "
            "warned by the SEC.",
            {("Hayden Adams", "CEO", "Uniswap Labs")},
        ),
        (
            "Riot Platforms, whose chief executive was Jason Les, grew.",
            {("Jason Les", "former CEO", "Riot Platforms")},
        ),
    ],
)
def test_a_title_in_a_whose_clause(
    extract_text: Extract, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert roles(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The CFTC fined Uniswap. Ian McGinley, who heads the agency's enforcement "
            "division, said operators must comply.",
            {("Ian McGinley", "head", "U.S. Commodity Futures Trading Commission")},
        ),
        (
            "The court sentenced Tim Leissner, who once ran Goldman Sachs's business in "
            "Southeast Asia, to two years.",
            {("Tim Leissner", "former head", "Goldman Sachs")},
        ),
        (
            "Starboard, which is run by its co-founder Jeff Smith, has approached Pfizer.",
            {("Jeff Smith", "co-founder", "Starboard"), ("Jeff Smith", "head", "Starboard")},
        ),
    ],
)
def test_who_heads_or_runs_a_part_of_a_body(
    extract_text: Extract, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert roles(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ashley Buchanan, who previously ran the crafts retailer Michaels, left Kohl's.",
            ("Ashley Buchanan", "former head", "Michaels"),
        ),
        (
            "Karen Lynch had run Aetna before joining CVS Health.",
            ("Karen Lynch", "former head", "Aetna"),
        ),
        ("Bob Iger led Walt Disney from 2005 to 2020.", ("Bob Iger", "former head", "Disney")),
        # A field of work run at a body.
        (
            "Leo Mizuhara, who had run systematic trading at DRW, launched Hashnote.",
            ("Leo Mizuhara", "former head", "DRW"),
        ),
        # A unit whose owner names its first field.
        (
            "Justin Hotard, who heads Intel's data centre and artificial intelligence group, "
            "will join Nokia.",
            ("Justin Hotard", "head", "Intel"),
        ),
        # "had run ... as": the past perfect is a post held before.
        (
            "Mark Uyeda, who had run the SEC as acting chairman since January, returned to "
            "his seat.",
            ("Mark Uyeda", "former acting chair", "U.S. Securities and Exchange Commission"),
        ),
    ],
)
def test_who_runs_or_ran_a_whole_body_heads_it(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roles(extract_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "Jane Fraser did not run Citigroup's trading business.",
        # A post still to come is the appointment's to tell.
        "Mike Hsu, who will lead Kimberly-Clark, spoke.",
        "Travis Hill is expected to run the FDIC.",
    ],
)
def test_a_negated_or_future_lead_gives_no_head(extract_text: Extract, text: str) -> None:
    assert not {r for r in roles(extract_text(text)) if r[1].endswith("head")}


def test_a_title_at_the_body_replaces_the_bare_head(extract_text: Extract) -> None:
    text = "Makoto Uchida, Nissan's chief executive, has run Nissan since 2019."
    assert roles(extract_text(text)) == {("Makoto Uchida", "CEO", "Nissan")}


def test_a_predecessor_who_led_the_body_hands_on_the_successors_titles(
    extract_text: Extract,
) -> None:
    text = (
        "Estée Lauder named Stéphane de La Faverie as president and chief executive. He "
        "will succeed Fabrizio Freda, who has led the New York-based beauty group since 2009."
    )
    freda = {r for r in roles(extract_text(text)) if r[0] == "Fabrizio Freda"}
    assert freda == {
        ("Fabrizio Freda", "president", "Estée Lauder"),
        ("Fabrizio Freda", "CEO", "Estée Lauder"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ashley Buchanan was once an executive at Walmart.",
            ("Ashley Buchanan", "former executive", "Walmart"),
        ),
        (
            "Anna Breman was previously group chief economist at Swedbank.",
            ("Anna Breman", "former chief economist", "Swedbank"),
        ),
        ("John Smith is now chief executive of Walmart.", ("John Smith", "CEO", "Walmart")),
    ],
)
def test_an_adverb_between_copula_and_title_says_when(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert roles(extract_text(text)) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De Meo will take over from François-Henri Pinault, who has been chairman and "
            "chief executive of Kering since 2005.",
            {
                ("François-Henri Pinault", "chair", "Kering"),
                ("François-Henri Pinault", "CEO", "Kering"),
            },
        ),
        # A departure only announced keeps the title.
        (
            "Kering said Luca de Meo, the departing Renault boss, would join in September.",
            {("Luca de Meo", "CEO", "Renault")},
        ),
    ],
)
def test_titles_after_a_perfect_copula_or_a_departing_holder(
    extract_text: Extract, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= roles(extract_text(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list of titles that only its last link joins with "and".
        (
            "Steve Steinour, Huntington's chairman, president and chief executive, said "
            "the deal would extend its reach.",
            {("chair", "Huntington"), ("president", "Huntington"), ("CEO", "Huntington")},
        ),
        # A second description of the same person, at another body.
        (
            "Sam Woods, the Bank of England's deputy governor for prudential regulation and "
            "the PRA's chief executive, said firms must have effective controls.",
            {("deputy governor", "Bank of England"), ("CEO", "Prudential Regulation Authority")},
        ),
    ],
)
def test_listed_and_coordinated_descriptions(
    extract_text: Extract, text: str, expected: set[tuple[str, str]]
) -> None:
    person = text.split(",")[0]
    held = {(role, org) for who, role, org in roles(extract_text(text)) if who == person}
    assert expected <= held


def test_two_people_in_a_list_do_not_share_a_title_list(extract_text: Extract) -> None:
    # "Jane Fraser, chief executive" and "the board" are no list of titles for one person.
    result = extract_text(
        "Jane Fraser, Citigroup's chief executive, and Mark Mason, its finance chief, spoke."
    )
    assert ("Mark Mason", "CEO", "Citigroup") not in roles(result)
    assert ("Jane Fraser", "CFO", "Citigroup") not in roles(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare title right after the comma; the "-based company" is no cue that the
        # name is a company's.
        (
            "Palo Alto Networks agreed to buy CyberArk. Nikesh Arora, chairman and chief "
            "executive of the Santa Clara, California-based company, said the deal made sense.",
            ("Nikesh Arora", "CEO", "Palo Alto Networks"),
        ),
        # "now" before the title; "its" is not the country of the place the company is in.
        (
            "CyberArk, headquartered in Petah Tikva, Israel, was co-founded in 1999 by Udi "
            "Mokady, now its executive chairman.",
            ("Udi Mokady", "executive chair", "CyberArk"),
        ),
    ],
)
def test_a_title_after_a_name_the_tagger_called_a_company(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    result = extract_text(text)
    assert expected in roles(result)
    assert (expected[0], "Person") in {(e.name, e.type) for e in result.entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title after "and is" in a "who" clause.
        (
            "Shayne Coplan, who founded Polymarket in 2020 and is its chief executive, said "
            "the deal would help.",
            ("Shayne Coplan", "CEO", "Polymarket"),
        ),
        (
            "Jesse Powell, who co-founded Kraken and was its chief executive until 2022, spoke.",
            ("Jesse Powell", "former CEO", "Kraken"),
        ),
        # The unit someone heads may end a coordination.
        (
            "The SEC sued Cumberland DRW on Thursday. Jorge Tenreiro, who heads the SEC's "
            "crypto assets and cyber unit, said every dealer had to register.",
            ("Jorge Tenreiro", "head", "U.S. Securities and Exchange Commission"),
        ),
        # "its" after a sentence whose subject is a list of companies: the article's company.
        (
            "Thinking Machines Lab, set up by former OpenAI executive Mira Murati, has raised "
            "$2 billion in a round led by Andreessen Horowitz. Nvidia and AMD also invested in "
            "the round. It is one of the largest seed rounds ever raised; Murati, its chief "
            "executive, said a product would come soon.",
            ("Mira Murati", "CEO", "Thinking Machines Lab"),
        ),
    ],
)
def test_titles_in_clauses_and_after_lists(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roles(extract_text(text))


def test_run_by_a_leader_gives_the_leaders_title_alone(extract_text: Extract) -> None:
    assert roles(extract_text("Stripe is run by chief executive Patrick Collison.")) == {
        ("Patrick Collison", "CEO", "Stripe")
    }
    # A co-founder who runs the fund heads it as well.
    assert ("Jeff Smith", "head", "Starboard Value") in roles(
        extract_text("Starboard Value, which is run by its co-founder Jeff Smith, wrote a letter.")
    )


def test_public_offices_set_off_by_a_comma_and_a_senator(extract_text: Extract) -> None:
    result = extract_text(
        "The Senate confirmed Stephen Miran, President Donald Trump's top economic adviser, "
        "as a governor of the U.S. central bank. Senator Lisa Murkowski of Alaska voted "
        "against him."
    )
    found = roles(result)
    assert ("Donald Trump", "president", "United States") in found
    assert ("Lisa Murkowski", "senator", "U.S. Senate") in found
    # A place right before an office is the office's own body, which the table does not
    # know: the Texas attorney general is not at the Justice Department.
    result = extract_text(
        "Texas Attorney General Ken Paxton sued the company. The Justice Department declined."
    )
    assert not [r for r in roles(result) if r[0] == "Ken Paxton"]


def test_a_title_held_before_after_an_age(extract_text: Extract) -> None:
    result = extract_text(
        "Ryan Salame was sentenced on Tuesday. Salame, 30, who had been co-chief executive "
        "of FTX Digital Markets, pleaded guilty in September."
    )
    assert ("Ryan Salame", "former co-CEO", "FTX Digital Markets") in roles(result)


def test_a_title_inside_the_list_a_plural_title_names(extract_text: Extract) -> None:
    result = extract_text(
        "Stripe has agreed to buy Privy. Privy's co-founders, chief executive Henri Stern and "
        "Asta Li, announced the deal on Wednesday."
    )
    assert {
        ("Henri Stern", "co-founder", "Privy"),
        ("Asta Li", "co-founder", "Privy"),
        ("Henri Stern", "CEO", "Privy"),
    } <= roles(result)
    assert ("Asta Li", "CEO", "Privy") not in roles(result)
    # A verb after the comma ends the title: Trump is not the company's chairman.
    result = extract_text(
        "Nippon Steel will buy U.S. Steel. Eiji Hashimoto, the Japanese company's chairman "
        "and chief executive, thanked Trump for his decision."
    )
    assert not [r for r in roles(result) if r[0] != "Eiji Hashimoto"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Consumer Financial Protection Bureau sued Early Warning Services. The bureau, "
            "led by director Rohit Chopra, is seeking redress.",
            ("Rohit Chopra", "director", "Consumer Financial Protection Bureau"),
        ),
        (
            "Bullish, the cryptocurrency exchange led by chief executive Tom Farley, has "
            "bought CoinDesk from Digital Currency Group.",
            ("Tom Farley", "CEO", "Bullish"),
        ),
    ],
)
def test_a_title_after_led_by_is_at_the_body_led(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    result = extract_text(text)
    names = {e.id: e.name for e in result.entities}
    held = {
        (names[r.subject], str(r.properties["role"]), names[r.object], r.evidence[0].rule)
        for r in result.relations
        if r.predicate == "ROLE_AT"
    }
    assert (*expected, "role/title_person_led") in held


def test_a_ministers_portfolio_names_no_body(extract_text: Extract) -> None:
    result = extract_text(
        "New Zealand named Anna Breman as governor of the Reserve Bank of New Zealand. "
        "Finance Minister Nicola Willis said Breman had strong technical skills."
    )
    assert ("Nicola Willis", "minister", "New Zealand") in roles(result)
    assert "Finance" not in {e.name for e in result.entities}


def test_a_justice_is_a_judge_of_the_court_named_with_its_country(
    extract_text: Extract,
) -> None:
    result = extract_text(
        "Justice Michael Lee of the Federal Court of Australia set the penalty on Monday."
    )
    assert ("Michael Lee", "judge", "Federal Court of Australia") in roles(result)
    assert ("Regulator", "Federal Court of Australia") in {
        (e.type, e.name) for e in result.entities
    }
    # The Justice Department holds no judges.
    result = extract_text("The Justice Department sued Google. Its lawyer Jane Roe spoke.")
    assert not [r for r in roles(result) if r[1] == "judge"]


def test_a_title_with_its_field_before_the_name(extract_text: Extract) -> None:
    result = extract_text(
        "Apple said it would appeal, and Meta's head of global affairs, Joel Kaplan, said "
        "the decision amounted to a tariff."
    )
    assert ("Joel Kaplan", "head", "Meta") in roles(result)


def test_who_chairs_the_board_is_the_companys_chair(extract_text: Extract) -> None:
    result = extract_text(
        "Commerzbank named Bettina Orlopp as its next chief executive. Jens Weidmann, who "
        "chairs the supervisory board, called Orlopp the ideal successor."
    )
    assert ("Jens Weidmann", "chair", "Commerzbank") in roles(result)


def test_chairing_and_running_bodies_named_beside_their_kind(extract_text: Extract) -> None:
    # The second verb shares the first one's subject.
    result = extract_text(
        "Fernando Chico Pardo bought a stake in Banamex. Chico Pardo, 73, also chairs the "
        "airport operator Grupo Aeroportuario del Sureste and runs the private equity firm "
        "Promecap."
    )
    found = roles(result)
    assert ("Fernando Chico Pardo", "chair", "Grupo Aeroportuario del Sureste") in found
    assert ("Fernando Chico Pardo", "head", "Promecap") in found


def test_who_runs_a_body_as_a_title_holds_it(extract_text: Extract) -> None:
    result = extract_text(
        "The Reserve Bank of New Zealand has a new governor. Christian Hawkesby, who has "
        "run the bank as acting governor since March, will stay until November."
    )
    assert ("Christian Hawkesby", "acting governor", "Reserve Bank of New Zealand") in roles(result)
    result = extract_text("Bob Iger ran Disney as chief executive from 2005 to 2020.")
    assert ("Bob Iger", "former CEO", "Disney") in roles(result)


def test_a_list_of_titles_closed_by_something_else(extract_text: Extract) -> None:
    result = extract_text(
        "Chris Pavlovski, who founded Rumble in 2013 and is its chairman, chief executive "
        "and controlling shareholder, will keep control of the company."
    )
    assert {
        ("Chris Pavlovski", "chair", "Rumble"),
        ("Chris Pavlovski", "CEO", "Rumble"),
    } <= roles(result)
    assert ("Chris Pavlovski", "Rumble") in pairs(result, "OWNS")


def test_a_title_set_off_after_one_name_is_not_the_next_names(extract_text: Extract) -> None:
    result = extract_text(
        "The price is 30% above Skechers' average share price. Robert Greenberg will keep "
        "running the company alongside Michael Greenberg, its president, and chief operating "
        "officer David Weinberg."
    )
    found = roles(result)
    assert ("Michael Greenberg", "president", "Skechers") in found
    assert ("David Weinberg", "COO", "Skechers") in found
    assert ("David Weinberg", "president", "Skechers") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kentaro Okuda, president and group chief executive of Nomura, praised the deal.",
            ("Kentaro Okuda", "CEO", "Nomura"),
        ),
        (
            "3G Capital's co-managing partners, Alex Behring and Daniel Schwartz, praised it.",
            ("Alex Behring", "co-managing partner", "3G Capital"),
        ),
        (
            "Martin Elling, a former senior partner at McKinsey, agreed to plead guilty.",
            ("Martin Elling", "former senior partner", "McKinsey"),
        ),
    ],
)
def test_titles_of_groups_and_partnerships(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roles(extract_text(text))


def test_a_countrys_office_is_at_the_body_the_article_names(extract_text: Extract) -> None:
    result = extract_text(
        "Former U.S. Senator Bob Menendez was sentenced on Wednesday. Menendez resigned "
        "from the Senate in August."
    )
    assert ("Bob Menendez", "former senator", "U.S. Senate") in roles(result)
    assert ("Bob Menendez", "former senator", "United States") not in roles(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ireland's Data Protection Commission fined LinkedIn. Graham Doyle, the "
            "commission's deputy commissioner, called it a breach.",
            ("Graham Doyle", "deputy commissioner", "Irish Data Protection Commission"),
        ),
        (
            "The SEC sued Unicoin. Mark Cave, an associate director in the SEC's enforcement "
            "division, said the backing was fictitious.",
            ("Mark Cave", "associate director", "U.S. Securities and Exchange Commission"),
        ),
        (
            "SEBI barred Jane Street. The order was issued by Ananth Narayan G, one of the "
            "regulator's whole-time members.",
            ("Ananth Narayan G", "whole-time member", "Securities and Exchange Board of India"),
        ),
        (
            "Former U.S. Representative George Santos was sentenced on Friday. The House of "
            "Representatives expelled him in December.",
            ("George Santos", "former representative", "U.S. House of Representatives"),
        ),
    ],
)
def test_regulator_and_legislature_titles(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roles(extract_text(text))


def test_a_post_in_a_place_is_no_post_at_its_government(extract_text: Extract) -> None:
    found = roles(extract_text("Jane Street's head of trading in Britain, John Smith, spoke."))
    assert not {r for r in found if r[2] == "United Kingdom"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A rank before a title is part of it, not a lesser title.
        (
            "Rob Thomas, IBM's senior vice president of software, said the deal would close.",
            ("Rob Thomas", "senior vice president", "IBM"),
        ),
        # A chief officer of a named field is that officer, not a "head".
        (
            "GSK on Monday named its chief commercial officer, Luke Miels, as its next chief "
            "executive.",
            ("Luke Miels", "chief commercial officer", "GSK"),
        ),
        (
            "Procter & Gamble chief communications officer Damon Jones said sales rose.",
            ("Damon Jones", "chief communications officer", "Procter & Gamble"),
        ),
    ],
)
def test_ranked_and_field_titles_keep_their_full_name(
    extract_text: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roles(extract_text(text))


@pytest.mark.parametrize(
    ("text", "founders", "company"),
    [
        # Titles and kinds between the names of the list after "by".
        (
            "New York-based Wiz was founded in Israel in 2020 by Assaf Rappaport, its chief "
            "executive, together with Ami Luttwak and Roy Reznik, four friends who met while "
            "serving in the army.",
            {"Assaf Rappaport", "Ami Luttwak", "Roy Reznik"},
            "Wiz",
        ),
        (
            "Cursor's maker Anysphere raised $900 million. Anysphere was founded in 2022 by "
            "four Massachusetts Institute of Technology graduates: chief executive Michael "
            "Truell, Sualeh Asif, Arvid Lunnemark and Aman Sanger.",
            {"Michael Truell", "Sualeh Asif", "Arvid Lunnemark", "Aman Sanger"},
            "Anysphere",
        ),
    ],
)
def test_every_founder_a_list_names_is_a_co_founder(
    extract_text: Extract, text: str, founders: set[str], company: str
) -> None:
    found = roles(extract_text(text))
    assert {(name, "co-founder", company) for name in founders} <= found


def test_a_clause_after_the_founders_ends_their_list(extract_text: Extract) -> None:
    result = extract_text(
        "Wiz was founded in 2020 by Assaf Rappaport, who later hired Jeff Bezos as an adviser."
    )
    assert "Jeff Bezos" not in {r[0] for r in pairs(result, "FOUNDED")}


def test_its_next_title_is_the_appointing_body_s(extract_text: Extract) -> None:
    text = (
        "Disney on Tuesday named Josh D'Amaro, chairman of Disney Experiences, as its next "
        "chief executive."
    )
    found = roles(extract_text(text))
    assert ("Josh D'Amaro", "CEO", "Disney") in found
    assert ("Josh D'Amaro", "CEO", "Disney Experiences") not in found


def test_secretary_of_state_is_a_title_of_the_country(extract_text: Extract) -> None:
    result = extract_text(
        "The United States sanctioned four judges. Secretary of State Marco Rubio said so."
    )
    assert ("Marco Rubio", "secretary of state", "United States") in roles(result)
    assert "State" not in {e.name for e in result.entities}
