"""Entity mentions from a parsed article, grouped into the article's entities.

Mentions come from the gazetteer ruler (labels are our entity types) and from
spaCy's NER (labels mapped through the schema). Within one article, mentions
with the same normalised name are one entity, and a surname alone ("Teng")
joins the full name ("Richard Teng") the article gives.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from graphbuild.extract.normalize import clean_name, clean_person_name
from graphbuild.gazetteers import Gazetteer
from graphbuild.ids import entity_id, normalize_key
from graphbuild.models import Entity, Mention
from graphbuild.schema import Schema

PERSON = "Person"


@dataclass(frozen=True)
class MentionSpan:
    """One named mention, with token and character positions into the doc."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    type: str
    name: str
    kind: str | None
    curated: bool
    sentence: str
    # The type came from the words around the name, not from the tagger.
    cued: bool = False
    # The name modifies a noun ("the U.S. market"): not what a later "its" points to.
    modifier: bool = False
    # The name is a clause's subject: the likelier antecedent of "the lender" after it.
    subject: bool = False
    # The name owns the clause's subject ("Ampere's main shareholders will sell"): the
    # likelier antecedent after the subject itself.
    owns_subject: bool = False
    sentence_start: int = 0
    # The name sits in a relative clause ("Musk, who is also chief executive of Tesla,
    # agreed to buy the company"): an aside, not what a description later in its sentence
    # names.
    relative: bool = False
    # The name is what another name is a part or the parent of ("Naver Financial, the
    # payments arm of internet group Naver"): another body, not a short form of it.
    related: bool = False
    # The name is introduced as a part of another body ("its unit Kakao Entertainment"):
    # its first word names that other body, not this one.
    unit: bool = False
    # The name follows a word for where things are ("branches in Pennsylvania"): a place
    # however else the article uses the name.
    placed: bool = False

    def to_record(self) -> Mention:
        return Mention(
            start=self.start_char, end=self.end_char, text=self.text, sentence=self.sentence
        )


# Common nouns that the pipeline sometimes pulls into a name: "the Russian exchange Garantex".
_DESCRIPTORS = frozenset(
    {"exchange", "company", "firm", "bank", "lender", "fund", "startup", "start-up", "platform",
     "group", "regulator", "agency", "watchdog", "newspaper", "outlet", "broker", "issuer"}
)  # fmt: skip


# The portfolios of a government's ministers: "Finance Minister", "Economy Minister".
PORTFOLIOS = frozenset(
    {"finance", "economy", "economic", "foreign", "defence", "defense", "interior", "home",
     "trade", "justice", "health", "energy", "industry", "treasury", "digital", "labour",
     "labor", "transport", "environment"}
)  # fmt: skip


# Words that end a list, not a name: the tagger's "Blender and" before a gazetteer name.
_JOINERS = frozenset({"and", "or", ","})


def _trim(span: Span) -> Span:
    """Drop a leading description or determiner, and a trailing possessive, list word or
    sentence stop (the tagger's "Lula." at the end of a sentence)."""
    start, end = span.start, span.end
    doc = span.doc
    for i in range(end - 2, start - 1, -1):
        if doc[i].is_lower and doc[i].lower_ in _DESCRIPTORS:
            start = i + 1
            break
    while start < end - 1 and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end - 1 > start and (
        doc[end - 1].tag_ in {"POS", "."} or doc[end - 1].lower_ in _JOINERS
    ):
        end -= 1
    return doc[start:end]


# Words a news writer puts before a company's name: "the crypto exchange Deribit",
# "streaming service Spotify", "hedge fund Coatue". Checked before job titles, so that
# "asset manager BlackRock" is a company although "manager" is a title.
_BASED = frozenset({"based", "headquartered"})
_PLACE_PREPOSITIONS = frozenset({"in", "across", "throughout", "near", "from", "to"})
_ORG_BEFORE = frozenset(
    {"exchange", "company", "firm", "bank", "lender", "network", "service", "platform",
     "mixer", "maker", "chipmaker", "planemaker", "automaker", "carmaker", "retailer",
     "chain", "fund", "insurer", "startup", "start-up", "conglomerate", "operator", "provider",
     "developer", "brokerage", "publisher", "steelmaker", "wallet", "issuer", "subsidiary",
     "unit", "giant", "affiliate", "asset manager", "market", "marketplace",
     "hedge fund", "investment firm", "private equity", "commodities trader",
     "commodity trader", "drugmaker", "fintech", "contractor", "business", "outlet",
     "miner", "airline", "group"}
)  # fmt: skip
# Last words that make a name a company's: "Peken Global", "Terraform Labs".
_ORG_HEADS = frozenset(
    {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "plc", "ag", "sa",
     "nv", "group", "holdings", "bank", "labs", "global", "network", "capital", "financial",
     "partners", "technologies", "systems", "steel", "securities", "investments", "ventures",
     "wallet", "exchange", "airlines", "motors", "energy", "pharmaceuticals", "entertainment",
     "industries", "international", "trust", "insurance", "grill", "fintech", "markets",
     "bancorp", "platforms", "solutions", "services", "logistics", "brands", "limited", "vc",
     "holdco", "bankshares", "bancshares", "credit", "union"}
)  # fmt: skip
# Last words of a place that is run as a business: "Koh Kong Resort".
_BUSINESS_HEADS = frozenset({"hotel", "resort", "casino"})
# What follows "X's" when X is a company: "Activision Blizzard's chief executive".
_ORG_POSSESSIONS = frozenset(
    {"ceo", "chief", "chairman", "chair", "board", "shares", "stock", "subsidiary", "unit",
     "headquarters", "founder", "co-founder", "cfo", "shareholders", "customers", "general"}
)  # fmt: skip
# What only a company has, as the noun its name is the possessive of.
_BODY_PARTS = frozenset({"board", "subsidiary", "unit", "headquarters", "shareholder"})
# Before a name, these make it a company's: "acquisition of", "stake in", "agreed to buy".
_ORG_OBJECT_OF = frozenset({"acquire", "buy", "purchase", "own", "found", "co-found", "cofound"})
_ORG_OBJECT_OF_NOUN = frozenset(
    {"acquisition", "takeover", "purchase", "stake", "round", "control", "subsidiary", "unit",
     "division", "affiliate"}
)  # fmt: skip
# Titles that also name things other than a person's job: "its partner Microsoft".
_NOT_PERSON_TITLES = frozenset(
    {"partner", "member", "employee", "official", "executive", "head", "chief", "deputy"}
)
# Name endings that do not change which company is meant.
_ORG_SUFFIXES = frozenset(
    {"lab", "labs", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "group", "holdings",
     "bank", "plc", "ag", "co", "co.", "bancorp"}
)  # fmt: skip
_BODY_TYPES = frozenset({"Organization", "Regulator", "Government"})
_COURT_WORDS = frozenset({"Court", "Tribunal"})
# Capitalised words that make a name a public authority's.
_AUTHORITY_WORDS = frozenset(
    {"Commission", "Authority", "Agency", "Office", "Police", "Bureau", "Regulator", "Ombudsman",
     "Department", "Ministry"}
)  # fmt: skip
_LEGAL_ONLY = frozenset({"llc", "inc", "corp", "ltd", "plc", "ag", "sa", "nv", "co", "lp", "llp"})
_PARTY_VERBS = frozenset({"plead", "settle", "invest"})
_APPOINTING = frozenset({"appoint", "name", "hire", "promote", "tap", "oust", "fire"})
_APPOINTEE_DEPS = frozenset({"dobj", "oprd"})
# Adverbs between a name's comma and its title: "Udi Mokady, now its executive chairman".
_TITLE_ADVERBS = frozenset({"now", "also", "then", "currently", "still"})
_FIGURE = re.compile(r"[\d.,]+\s*(?:bn|mn|m|k|tn|b)?", re.IGNORECASE)
# How a company's business in a country is named after it: "Walmart U.S.", "Tesco UK".
COUNTRY_CODES = frozenset({"U.S.", "US", "UK", "U.K."})
# Company kinds that are also people's trades: "software developer", "tour operator".
_TRADES = frozenset({"developer", "publisher", "operator", "contractor", "provider"})
# Relatives a name may be set beside: "his wife, Nadine Menendez", "his son Michael" (not
# "partner", which a company is too).
_RELATIVES = frozenset(
    {"wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "spouse",
     "nephew", "niece", "cousin"}
)  # fmt: skip
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame"})


def _person_titles(gazetteer: Gazetteer) -> frozenset[str]:
    """Lowercased title forms that, right before a name, make it a person's."""
    return frozenset(
        form.lower()
        for form, role in gazetteer.titles.items()
        if role not in _NOT_PERSON_TITLES and form.lower() not in _NOT_PERSON_TITLES
    )


def _words_before(span: Span, n: int) -> str:
    start = max(span.sent.start, span.start - n)
    return " ".join(t.lower_ for t in span.doc[start : span.start])


def _titled_after(span: Span, titles: frozenset[str]) -> bool:
    """ "Bharat Masrani, TD's chief executive", "Jane Doe, the bank's general counsel", "Gustav
    Söderström, its chief product officer": a comma, then a description that a determiner
    or a possessive opens, ending in a title (a place
    before an occupation, "West Palm Beach, Fla., lawyer", has neither)."""
    doc, end = span.doc, span.end
    if end >= span.sent.end or doc[end].text != ",":
        return False
    first = end + 1
    # "Udi Mokady, now its executive chairman"; "Aleksandr Mira Serda, one of Garantex's
    # co-owners".
    while first < span.sent.end and doc[first].lower_ in _TITLE_ADVERBS:
        first += 1
    if doc[first : first + 2].text.lower() == "one of":
        first += 2
    words: list[str] = []
    described = False
    for token in doc[first : min(first + 7, span.sent.end)]:
        words.append(token.lower_)
        described = described or token.pos_ == "DET" or token.tag_ in ("POS", "PRP$")
        for n in (3, 2, 1):
            if " ".join(words[-n:]) in titles:
                # "Nikesh Arora, chairman and chief executive of": a bare title right
                # after the comma, that "of" or a second title follows.
                after = token.i + 1
                bare = (
                    len(words) == n and after < span.sent.end and doc[after].lower_ in ("of", "and")
                )
                return described or bare
        opening = token.pos_ in ("DET", "PROPN", "ADJ", "PART") or token.tag_ in ("POS", "PRP$")
        # A noun that modifies the title: "its chief product officer".
        modifier = token.pos_ == "NOUN" and token.dep_ in ("compound", "nmod")
        if not (opening or modifier):
            return False
    return False


def _longer_name(span: Span, titles: frozenset[str]) -> Span:
    """A gazetteer company name followed by more capitalised name words that the tagger left
    untagged is the name of something else; a title ("Coinbase Chief Executive") or a legal
    suffix ("Apple Inc.") does not lengthen it."""
    doc, end = span.doc, span.end
    while end < span.sent.end:
        token = doc[end]
        if not _untagged_name_word(token):
            break
        if token.lower_ in titles or token.lower_.rstrip(".") in _LEGAL_ONLY:
            break
        # A bank named for the country it serves: "HSBC Bank Canada", "Barclays Bank UK
        # PLC" are banks of their own, not HSBC and Canada.
        country = _country_after(doc, end + 1) if token.lower_ == "bank" else None
        if country is not None:
            end = country
            break
        # A company ending closes the name unless more of it follows: "Santander Bank
        # Polska" is another bank than Santander, "Santander Bank" is Santander.
        if token.lower_ in _ORG_SUFFIXES and not (
            end + 1 < span.sent.end and _untagged_name_word(doc[end + 1])
        ):
            break
        if end + 1 < len(doc) and f"{token.lower_} {doc[end + 1].lower_}" in titles:
            break
        end += 1
    # The unit's legal form ends its name even when the tagger took it for a name of its
    # own: "Credit Suisse Services AG".
    if end > span.end and end < span.sent.end and doc[end].lower_.rstrip(".") in _LEGAL_ONLY:
        end += 1
    return span if end == span.end else doc[span.start : end]


def _country_after(doc: Doc, i: int) -> int | None:
    """The end of a country's name the tagger tagged at token ``i``, or None."""
    ent = next((e for e in doc.ents if e.start == i), None)
    if ent is None or ent.label_ not in ("Government", "GPE"):
        return None
    if ent.label_ == "Government" and not ent.ent_id_:
        return None
    return ent.end


def _court_name(span: Span) -> bool:
    """A court's name: "the Federal Court", "the Court of Appeal", "the High Court of
    Australia"."""
    doc = span.doc
    return len(span) > 1 and any(
        t.text in _COURT_WORDS
        and (
            t.i in (span.start, span.end - 1)
            or (t.i + 1 < span.end and doc[t.i + 1].lower_ == "of")
        )
        for t in span
    )


def _central_bank(span: Span) -> bool:
    """ "Central Bank" in a name: a country's central bank, an authority."""
    return any(a.text == "Central" and b.text == "Bank" for a, b in pairwise(span))


def _of_a_place(spans: list[Span]) -> list[Span]:
    """A body's name that the tagger ends at "of", before the place it is of, joined to
    the place: "the Central Bank of the Republic of" and "Türkiye"."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == "ORG"
            and prev[-1].lower_ == "of"
            and prev.end == span.start
            and span.label_ in ("GPE", "LOC", "Government", "Location")
        ):
            out[-1] = Span(span.doc, prev.start, span.end, label="ORG")
            continue
        out.append(span)
    return out


def _kind_opening(span: Span) -> bool:
    """Whether a name the tagger took with the capitalised kind of company that opens its
    sentence: "Insurer Unipol", "Chipmaker Nvidia"."""
    return (
        len(span) > 1
        and span.start == span.sent.start
        and span[0].lower_ in _ORG_BEFORE
        and span[1].text[:1].isupper()
    )


def _set_beside_its_kind(span: Span, kind: str | None) -> bool:
    """Whether a name is set beside the noun for the kind of body the gazetteer lists under
    its first words ("Gemini Space Station, the cryptocurrency exchange"), other than the
    plain "company" that a unit is too."""
    return kind not in (None, "company") and any(
        c.dep_ == "appos" and c.lemma_.lower() == kind for c in span.root.children
    )


def _company_around(span: Span) -> Span | None:
    """The company name a gazetteer place is part of: untagged name words around it that
    end in a company word ("Voltic Ghana Limited")."""
    doc, sent = span.doc, span.sent
    start, end = span.start, span.end
    while start - 1 >= sent.start and _untagged_name_word(doc[start - 1]):
        start -= 1
    if start - 1 >= sent.start and doc[start - 1].ent_type_:
        return None  # "Barclays Bank UK PLC" is read with the company the gazetteer knows
    while end < sent.end and _untagged_name_word(doc[end]):
        end += 1
    last = doc[end - 1].lower_.rstrip(".")
    if end == span.end or (last not in _ORG_SUFFIXES and last not in _LEGAL_ONLY | {"limited"}):
        return None
    return doc[start:end]


def _untagged_name_word(token: Token) -> bool:
    """A capitalised proper noun or an acronym ("TFI") that the tagger left untagged."""
    capitalised = token.is_title or (token.is_upper and token.is_alpha and len(token) > 1)
    return capitalised and token.pos_ == "PROPN" and not token.ent_type_


# What a person does, capitalised at a sentence's start and taken into the name there:
# "Financier Low Taek Jho, seen as the mastermind".
_CALLINGS = frozenset(
    {"financier", "businessman", "businesswoman", "billionaire", "tycoon", "entrepreneur"}
)


def _without_title(span: Span, titles: frozenset[str]) -> Span:
    """A name without a title the tagger took into it: "CFO Mark Mason" -> "Mark Mason",
    "Financier Low Taek Jho" -> "Low Taek Jho"."""
    for n in (3, 2, 1):
        if len(span) > n and " ".join(t.lower_ for t in span[:n]) in titles:
            return span[n:]
    if len(span) > 2 and span[0].lower_ in _CALLINGS:
        return span[1:]
    return span


def _serves_as_title(span: Span, titles: frozenset[str]) -> bool:
    """ "Sergio Ermotti returned as chief executive", "UBS named Ermotti as CEO"."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass", *_APPOINTEE_DEPS):
        return False
    if root.dep_ == "nsubj" and any(c.dep_ in _APPOINTEE_DEPS for c in root.head.children):
        return False  # "Nike named Elliott Hill as its chief executive": the object serves
    for prep in root.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for obj in prep.children:
                head_words = span.doc[obj.left_edge.i : obj.i + 1]
                words = " ".join(t.lower_ for t in head_words if not t.is_punct)
                if obj.dep_ == "pobj" and any(words.endswith(title) for title in titles):
                    return True
    return False


def _kind_set_off_after(span: Span) -> bool:
    """ "Coutts, the private bank owned by NatWest": a company's kind after a comma, read from
    the words where the parse hangs the apposition elsewhere. The kind ends its phrase,
    unlike "the bank's chief executive" or "the company founder"."""
    doc = span.doc
    i = span.end
    if i + 2 >= span.sent.end or doc[i].text != "," or doc[i + 1].lower_ not in ("the", "a", "an"):
        return False
    # "Anysphere, the San Francisco-based start-up": past the place it is based in.
    place_end = _based_place_end(doc, i + 2, span.sent.end)
    start = place_end if place_end is not None else i + 2
    for j in range(start, min(start + 4, span.sent.end)):
        word = doc[j]
        if not word.is_lower:
            return False
        if word.lemma_ in _ORG_BEFORE or f"{doc[j - 1].lower_} {word.lemma_}" in _ORG_BEFORE:
            after = doc[j + 1] if j + 1 < span.sent.end else None
            if after is not None and after.is_lower and after.lemma_ in _ORG_BEFORE:
                continue  # "the crypto exchange operator"
            # "... to Greg Abel, the company said": the kind is the subject of a verb.
            said = after is not None and after.tag_ in ("VBD", "VBZ", "VBP", "MD")
            # "Cephalon, a drugmaker Teva had bought": a clause on the kind opens after it.
            clause = after is not None and after.dep_ == "nsubj" and after.head.dep_ == "relcl"
            return not said and (
                after is None
                or clause
                or (after.pos_ not in ("NOUN", "PROPN") and after.tag_ != "POS")
            )
        # A lowercase word the tagger takes for a name ("crypto") modifies the kind too.
        if word.pos_ not in ("ADJ", "NOUN", "PROPN"):
            return False
    return False


def _based_place_end(doc: Doc, start: int, end: int) -> int | None:
    """Where "San Francisco-based" or "Laval, Quebec-based" that opens at ``start`` ends."""
    j = start
    while j < end and (doc[j].text[:1].isupper() or doc[j].text == ","):
        j += 1
    based = j + 1 < end and doc[j].text == "-" and doc[j + 1].lower_ in _BASED
    return j + 2 if based and j > start else None


def _before_based(span: Span) -> bool:
    """ "Toronto-based", "Pennsylvania-headquartered": a place a body is based in."""
    doc, end = span.doc, span.end
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _BASED


def _appoints_someone(span: Span) -> bool:
    """ "Nike named Elliott Hill as its chief executive": who appoints a named person is a
    body."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in _APPOINTING:
        return False
    # "Buffett named Greg Abel as his successor" after "Warren Buffett": a person's surname.
    surname = len(span) == 1 and any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == span.text and e.end <= span.start
        for e in span.doc.ents
    )
    # The parse takes the appointee for a predicate ("oprd") before "as its next president".
    return not surname and any(
        c.dep_ in _APPOINTEE_DEPS and c.pos_ == "PROPN" for c in root.head.children
    )


def _acts_as_a_party(span: Span) -> bool:
    """A place does not plead guilty, agree to pay or invest: "Trafigura pleaded guilty",
    "Nvidia, Accel, ServiceNow, Cisco, AMD and Jane Street also invested"."""
    root = span.root
    # The parse may hang a list's second name on the first as an apposition.
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    return verb.lemma_.lower() in _PARTY_VERBS or any(
        c.dep_ == "xcomp" and c.lemma_.lower() == "pay" for c in verb.children
    )


def _bought_in_a_list(span: Span) -> bool:
    """A name listed after the first object of a purchase: "it bought Pixar, Marvel and
    Lucasfilm" (the tagger calls the last two places)."""
    root = span.root
    if root.dep_ not in ("conj", "appos"):
        return False
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    verb = root.head
    return root.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in _ORG_OBJECT_OF


def context_type(
    span: Span, entity_type: str, titles: frozenset[str], company_only_titles: frozenset[str]
) -> str:
    """The type the words around a name give it, where they outweigh the tagger.

    The small pipeline calls many companies people or places ("Deribit",
    "Spotify") and some people companies. News writing names a company's kind
    before it ("the crypto exchange Deribit") or ends its name with one ("Peken
    Global"), and puts a title before or after a person's name ("chief
    executive Bharat Masrani", "BC Wong, KuCoin's former chief legal officer").
    """
    doc = span.doc
    org = "Organization"
    # Courts are authorities: "the Federal Court", "the Court of Appeal".
    if _court_name(span):
        return "Regulator"
    # "The Tysons, Virginia-based company": a town before its state and "-based".
    end = span.end
    state_end = end + 1
    while state_end < span.sent.end and doc[state_end].ent_type_ in ("GPE", "LOC", "Location"):
        state_end += 1  # past "New Jersey"
    if (
        state_end + 1 < span.sent.end
        and doc[end].text == ","
        and state_end > end + 1
        and doc[state_end].text == "-"
        and doc[state_end + 1].lower_ in _BASED
    ):
        return "Location"
    # "Swindon-based Nationwide", "The Copenhagen-based bank": where something is based.
    if _before_based(span):
        return "Location"
    if entity_type == org and len(span) > 1 and any(t.text in _AUTHORITY_WORDS for t in span):
        return "Regulator"  # "Federal Criminal Police Office", "Competition Commission of India"
    if entity_type == org and _central_bank(span):
        return "Regulator"  # "the Central Bank of the Republic of Türkiye"
    # "Britain's water regulator, Ofwat", where the tagger calls Ofwat a place (a person
    # may be "a former financial regulator").
    if entity_type != PERSON and _set_beside_a_regulator(span):
        return "Regulator"
    if entity_type == "Location" and _acts_as_a_party(span):
        return org
    if entity_type in (PERSON, "Location") and _bought_in_a_list(span):
        return org
    # "Turkey's President Recep Tayyip Erdoğan appointed Fatih Karahan": a titled person.
    titled = entity_type == PERSON and _person_cue(span, titles)
    if entity_type in (PERSON, "Location") and _appoints_someone(span) and not titled:
        return org
    # A person the tagger found with a title beside the name stays one, where the parse
    # sets the name beside a company's kind ("the investment firm of Spotify co-founder
    # and chief executive Daniel Ek"): a title only a company gives, right before the
    # name; not "Mr. Cooper Group", nor "Geneva-based commodities trader Gunvor".
    if (
        entity_type in (PERSON, "Location")
        and not (
            titled
            and span[-1].lower_ not in _ORG_HEADS
            and span.start > 0
            and _title_ending_at(span.doc, span.start - 1, company_only_titles)
        )
        and _company_cue(span, entity_type, company_only_titles)
    ):
        return org
    if entity_type != PERSON and _person_cue(span, titles):
        return PERSON
    return entity_type


# Nouns that say a body is a regulator, when set beside its name.
_REGULATOR_NOUNS = frozenset({"regulator", "watchdog", "authority", "agency", "supervisor"})


def _set_beside_a_regulator(span: Span) -> bool:
    """Whether a name is set beside a noun only a regulator takes: "France's data
    protection authority, the CNIL", "the CNIL, France's privacy watchdog"."""
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in _REGULATOR_NOUNS:
        return root.head.pos_ == "NOUN"
    return any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in _REGULATOR_NOUNS
        for c in root.children
    )


def _company_cue(span: Span, entity_type: str, company_only_titles: frozenset[str]) -> bool:
    """Whether the words around a name the tagger did not call a company make it one: a
    company's kind before or after it, a company's ending, "which", a company's
    possessions, a verb or noun that takes a company ("bought Deribit", "the takeover of
    Hess"), or a title only a company gives before "of" or "at"."""
    doc = span.doc
    before_two, before_one = _words_before(span, 2), _words_before(span, 1)
    # "real estate developer Fred Daibes": a trade people have too does not outweigh a
    # full name the tagger gives a person.
    trade = entity_type == PERSON and len(span) > 1 and before_one in _TRADES
    if (before_two in _ORG_BEFORE or before_one in _ORG_BEFORE) and not trade:
        return True
    # "Dubai-based Emirates NBD": what is based somewhere is a body, not a place.
    if (
        span.start >= 2
        and doc[span.start - 1].lower_ in ("based", "headquartered")
        and doc[span.start - 2].text == "-"
    ):
        return True
    if entity_type == PERSON and span[-1].lower_ in _ORG_HEADS and len(span) > 1:
        return True
    # "designated ... Garden City Hotel, Koh Kong Resort": a named hotel or resort is the
    # business that runs it, unless something happens at it ("met at the Plaza Hotel").
    if (
        len(span) > 1
        and span[-1].lower_ in _BUSINESS_HEADS
        and not (span.root.dep_ == "pobj" and span.root.head.lower_ in ("at", "in", "near"))
    ):
        return True
    # "Spotify, the Stockholm-based music streaming service": the kind set off right after
    # the name (not one the parser hung on it from further on: "Nikesh Arora, chairman and
    # chief executive of the Santa Clara, California-based company").
    if any(
        c.dep_ == "appos" and c.lemma_.lower() in _ORG_BEFORE and c.left_edge.i == span.end + 1
        for c in span.root.children
    ):
        return True
    if _kind_set_off_after(span):
        return True
    if _bought_in_a_clause(span) or _sold_to(span) or _paid_for(span):
        return True
    if _set_beside_a_kind(span):
        return True
    # "Rowan, a former Dyson chief executive": a name between an article or "former" and a
    # title only a company gives.
    if (
        span.start > 0
        and doc[span.start - 1].lower_ in ("a", "an", "the", "former")
        and _title_at(doc, span.end, company_only_titles) > 0
    ):
        return True
    # "Hidden Road, which clears trades for hedge funds": people take "who".
    if entity_type == PERSON and _which_clause(span.root):
        return True
    # "a Series A round led by Paradigm": who leads a funding round is an investor.
    root = span.root
    led = root.head.head
    by = root.dep_ == "pobj" and root.head.dep_ == "agent" and led.lemma_ == "lead"
    if by and led.head.lemma_.lower() in ("round", "financing", "funding"):
        return True
    after = span.end
    if (
        after + 1 < len(doc)
        and doc[after].tag_ == "POS"
        and doc[after + 1].lower_ in _ORG_POSSESSIONS
    ):
        return True
    # "Skechers' average share price": what the name owns, past its modifiers.
    if root.dep_ == "poss" and _share_price(root.head):
        return True
    # "Gazprombank, one of Russia's largest lenders": one of a company's kind.
    for one in (c for c in root.children if c.dep_ == "appos" and c.lower_ == "one"):
        kinds = [t for p in one.children if p.lower_ == "of" for t in p.children]
        if any(t.dep_ == "pobj" and t.lemma_.lower() in _ORG_BEFORE for t in kinds):
            return True
    # "Gazprombank is partly owned by Gazprom": what is owned or controlled is a company.
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in ("own", "control"):
        return True
    # "He joined Adidas in 1998": what a person joins is a body.
    if root.dep_ == "dobj" and root.head.lemma_.lower() == "join":
        joiner = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
        if joiner is not None and (joiner.lower_ in ("he", "she") or joiner.ent_type_ == "PERSON"):
            return True
    # "Puma's supervisory board": past the words before what the name owns.
    if root.dep_ == "poss" and root.head.lemma_.lower() in _BODY_PARTS:
        return True
    first = span.start - 1
    # Past the name's own modifiers: "a stake in rival Bitfarms".
    while (
        first > span.sent.start
        and doc[first].is_lower
        and doc[first].dep_ in ("amod", "compound")
        and doc[first].head.i == span.root.i
    ):
        first -= 1
    if first >= span.sent.start:
        prev = doc[first]
        if prev.lemma_.lower() in _ORG_OBJECT_OF and prev.pos_ == "VERB":
            return True
        if (
            prev.lower_ in {"of", "in"}
            and first - 1 >= span.sent.start
            and doc[first - 1].lemma_.lower() in _ORG_OBJECT_OF_NOUN
        ):
            return True
        # "a co-founder of Adecoagro", "chief executive at Direct Line".
        if (
            prev.lower_ in {"of", "at"}
            and first - 1 >= span.sent.start
            and _title_ending_at(doc, first - 1, company_only_titles)
        ):
            return True
    return False


def _first_listed(token: Token) -> Token:
    """The first name of the list a name is in ("Evita Investments" for "Evita Pay" in
    "Evita Investments and Evita Pay"), where the parse hangs the list on it."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _set_beside_a_kind(span: Span) -> bool:
    """ "Russia's state nuclear company, Rosatom", "the payment firms Evita Investments and
    Evita Pay": a name set beside a company's kind, alone or in a list of such names."""
    root = _first_listed(span.root)
    kind = root.head
    return (
        root.dep_ == "appos"
        and kind.pos_ == "NOUN"
        and kind.lemma_.lower() in _ORG_BEFORE
        and kind.lemma_.lower() not in _TRADES  # "real estate developer Fred Daibes"
        and kind.i < root.i
    )


def _bought_in_a_clause(span: Span) -> bool:
    """ "Nova Digital, which Brevan Howard bought from Dragonfly Capital", "Red Hat, the
    open-source business that IBM bought": what a clause says was bought is a company."""
    root = span.root
    nouns = [root, *(c for c in root.children if c.dep_ == "appos")]
    for noun in nouns:
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            if clause.lemma_.lower() not in _ORG_OBJECT_OF or clause.pos_ != "VERB":
                continue
            if any(
                c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in clause.children
            ):
                continue  # "Eric Li, who founded Geely": the name does the deed
            obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if obj is None or obj.lower_ in ("which", "that"):
                return True
    return False


def _sold_to(span: Span) -> bool:
    """ "sold its Brazilian operations to Bradesco": whom a business is sold to buys it."""
    root = _first_listed(span.root)
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.head.lemma_.lower() == "sell"
        and any(c.dep_ == "dobj" for c in prep.head.children)
    )


def _paid_for(span: Span) -> bool:
    """ "The bank paid $175 million for Frank in 2021": what a sum is paid for, by name,
    is a company bought."""
    root = span.root
    prep = root.head
    verb = prep.head
    if root.dep_ != "pobj" or prep.lower_ != "for" or verb.lemma_.lower() != "pay":
        return False
    return any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children)


def _share_price(noun: Token) -> bool:
    """ "share price", "stock price": what only a listed company has."""
    return noun.lemma_.lower() == "price" and any(
        c.dep_ == "compound" and c.lemma_.lower() in ("share", "stock") for c in noun.children
    )


def _person_cue(span: Span, titles: frozenset[str]) -> bool:
    """A title or honorific before the name, a title after it, a role it takes, "who"
    ("François-Henri Pinault, who has been chairman"), or a relative's word it stands
    beside ("His wife, Nadine Menendez")."""
    if _words_before(span, 1) in _HONORIFICS or _serves_as_title(span, titles):
        return True
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in _RELATIVES:
        return True
    if _who_clause(span.root) or _age_set_off(span) or _succeeded_or_cofounder(span):
        return True
    words = [_words_before(span, n) for n in (3, 2, 1)]
    # "Aviva's chief executive, Amanda Blanc, said": a title, a comma, then the name.
    if span.start - 1 >= span.sent.start and span.doc[span.start - 1].text == ",":
        titled = _title_ending_at(span.doc, span.start - 2, titles)
        followed = span.end < span.sent.end and span.doc[span.end].text == ","
        if titled and followed:
            return True
    return any(w in titles for w in words) or _titled_after(span, titles)


_FOUNDING_LEMMAS = frozenset({"found", "co-found", "cofound", "start"})


def _succeeded_or_cofounder(span: Span) -> bool:
    """ "taking over from Jakob Stausholm": whom someone takes over from is a person; so is
    whom someone founds a company with ("founded Klarna ... with Niklas Adalberth and Victor
    Jacobsson"), and a founder named by a personal name of two or three words."""
    root = _first_listed(span.root)
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        # "Brex was founded in 2017 by Pedro Franceschi and Henrique Dubugras": a founder
        # with a name of two or three words is a person.
        founding = root.head.head.lemma_.lower() in _FOUNDING_LEMMAS
        return founding and 2 <= len(span) <= 3 and all(t.is_title for t in span)
    if root.dep_ != "pobj" or root.head.lower_ not in ("from", "with"):
        return False
    verb = root.head.head
    if root.head.lower_ == "from":
        return verb.lemma_.lower() == "take" and any(
            c.dep_ == "prt" and c.lower_ == "over" for c in verb.children
        )
    return verb.lemma_.lower() in _FOUNDING_LEMMAS


def _age_set_off(span: Span) -> bool:
    """ "De La Faverie, 50, joined the company in 2011": an age between commas after a
    name is a person's."""
    doc, end = span.doc, span.end
    if end + 2 >= span.sent.end or doc[end].text != "," or doc[end + 2].text != ",":
        return False
    age = doc[end + 1]
    return age.like_num and age.text.isdigit() and 18 <= int(age.text) <= 99


_US = frozenset({"u.s.", "us", "america", "united states", "the united states"})


def _another_countrys(span: Span, canonical: str) -> bool:
    """Whether a bare name the gazetteer reads as a U.S. body ("Senate") follows another
    country's possessive: "Brazil's Senate"."""
    doc = span.doc
    if not canonical.startswith("U.S. ") or span.text.startswith(("U.S.", "US ")):
        return False
    if span.start < 2 or doc[span.start - 1].tag_ != "POS":
        return False
    country = doc[span.start - 2]
    return country.ent_type_ in ("GPE", "Government") and country.lower_ not in _US


def _ends_a_title(span: Span, titles: frozenset[str]) -> bool:
    """Whether the words before a name make a title of it: "Secretary of State"."""
    doc = span.doc
    return any(
        " ".join(t.lower_ for t in doc[span.start - n : span.end]) in titles
        for n in (1, 2)
        if span.start - n >= span.sent.start
    )


def _portfolio(span: Span) -> bool:
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        len(span) == 1
        and span[0].lower_ in PORTFOLIOS
        and after is not None
        and after.lower_ in {"minister", "secretary"}
    )


def find_mentions(doc: Doc, schema: Schema, gazetteer: Gazetteer) -> list[MentionSpan]:
    """Every entity mention the schema has a type for, in text order."""
    out: list[MentionSpan] = []
    products: set[str] = set()
    titles = _person_titles(gazetteer)
    all_titles = frozenset(form.lower() for form in gazetteer.titles)
    company_titles = frozenset(
        form.lower() for form, role in gazetteer.titles.items() if role in _COMPANY_ROLES
    )
    company_only_titles = frozenset(
        form.lower() for form, role in gazetteer.titles.items() if role in _COMPANY_ONLY_ROLES
    )
    spans = _with_particles(
        _led_by_a_place_word(
            _led_by_a_number_word(
                _with_company_endings(_washington_dc(_split_at_verbs(list(doc.ents))))
            )
        )
    )
    spans = _of_a_place(spans)
    foreign = {e.text for e in spans if _another_countrys(e, e.ent_id_ or e.text)}
    for ent in _coordinated_parts(_names_over_joiners(spans)):
        curated = ent.label_ in schema.entity_types
        entity_type = ent.label_ if curated else schema.type_for_spacy_label(ent.label_)
        span = _trim(ent) if curated else _without_title(_trim(ent), titles)
        # Not where the tagger took the whole for a company: "Business Insider".
        kind_opening = not curated and entity_type in (PERSON, "Location") and _kind_opening(span)
        if kind_opening:
            # "Insurer Unipol, BPER's largest shareholder": the kind opening the sentence.
            span, entity_type = span[1:], "Organization"
        # The tagger calls some companies products ("a stake in rival Bitfarms"); such a
        # name counts where the words around it make it a company.
        if ent.label_ == "PRODUCT" and _company_cue(span, PERSON, company_only_titles):
            entity_type = "Organization"
        if entity_type is None:
            continue
        if not curated and entity_type == PERSON:
            span = _with_given_name(span, all_titles)
        if curated and entity_type == "Organization":
            longer = _longer_name(span, all_titles)
            entry = gazetteer.entry(ent.ent_id_ or span.text, entity_type)
            if longer is not span and _set_beside_its_kind(longer, entry.kind if entry else None):
                # "Gemini Space Station, the cryptocurrency exchange": the listed exchange
                # under its full name.
                span = longer
            elif longer is not span:
                # "Boeing Commercial Airplanes", "Intel Products": a unit with its own name.
                span, curated = longer, False
        if curated and entity_type in ("Government", "Location"):
            company = _company_around(span)
            if company is not None:
                # "Voltic Ghana Limited": a country inside a company's name.
                span, curated, entity_type = company, False, "Organization"
        cued = False
        if kind_opening:
            entity_type, cued = "Organization", True
        elif not curated and entity_type in (PERSON, "Organization", "Location"):
            tagged = entity_type
            entity_type = context_type(span, entity_type, titles, company_only_titles)
            # "Mr Abetz": a lone name a person's cue confirms is cued too (see build_entities).
            confirmed = entity_type == PERSON and len(span) == 1 and _person_cue(span, titles)
            # People settle and plead too: a place read as a party is no company's cue
            # ("Martino has not settled" beside "Antonio Martino").
            party = tagged == "Location" and _acts_as_a_party(span)
            cued = (tagged != entity_type and not party) or confirmed
            named = _with_given_name(span, all_titles) if entity_type != PERSON else span
            if named is not span and _person_cue(named, titles):
                # "chief executive Arne Freundt", where the tagger took "Freundt" alone
                # for a company: the title is before the given name.
                span, entity_type, cued = named, PERSON, True
        text = span.text
        if curated and text in foreign:
            # "Brazil's Senate" is not the U.S. Senate that "Senate" alone names, nor is
            # "a Senate committee" after it.
            curated = False
        if curated:
            name = ent.ent_id_ or text
            entry = gazetteer.entry(name, entity_type)
            kind = entry.kind if entry else None
        else:
            name = clean_person_name(text) if entity_type == PERSON else clean_name(text)
            kind = "court" if entity_type == "Regulator" and _court_name(span) else None
            if entity_type == "Regulator" and _central_bank(span):
                kind = "central_bank"
            # The small pipeline tags stray lowercase words; a name has a capital or a digit,
            # and does not end in a common noun ("the Russian exchange").
            if not any(c.isupper() or c.isdigit() for c in name):
                continue
            # Nor is a figure written with its scale ("$444bn" tagged as a person).
            if _FIGURE.fullmatch(name):
                continue
            if span[-1].is_alpha and span[-1].is_lower and not _hyphenated_end(span):
                continue
            # A legal suffix the tagger split off ("Genesis Global Capital, LLC") or a job
            # title it took for a name ("who became CFO") is no name.
            if name.lower().rstrip(".") in _LEGAL_ONLY or name.lower() in all_titles:
                continue
            # Nor is a minister's portfolio ("Finance" in "Finance Minister Fernando Haddad"),
            # nor the end of a title ("State" in "Secretary of State Marco Rubio").
            if _portfolio(span) or _ends_a_title(span, all_titles):
                continue
            # Nor a law ("the Digital Services Act"), nor artificial intelligence ("AI").
            if (len(span) > 1 and span[-1].text == "Act") or name in ("AI", "A.I."):
                continue
            # Nor a product or brand a company makes ("the maker of Pampers and Tide"),
            # wherever the article names it.
            if _a_product(span.root):
                products.add(normalize_key(name))
                continue
            # "Target", once the context makes it a company, is the listed "Target Corp.".
            listed = (
                gazetteer.company_by_short_name(name) if entity_type == "Organization" else None
            )
            if listed is not None:
                name, kind = listed.name, listed.kind
        if not normalize_key(name):
            continue
        out.append(_mention(span, entity_type, name, kind=kind, curated=curated, cued=cued))
    out = [m for m in out if m.curated or normalize_key(m.name) not in products]
    # A given name taken into a person's name was also tagged on its own ("Bharat").
    out = [m for m in out if not any(_inside(m, longer) for longer in out)]
    out = _district_authorities(doc, out)
    out = _courts_of_places(doc, out)
    out = _holders_offices(doc, out)
    out = _country_units(doc, out)
    out = _listed_assets(doc, out)
    out = _siblings_named(doc, out)
    out += _missed_places(doc, out)
    out += _missed_people(doc, out, titles)
    out += _missed_organizations(doc, out, all_titles, company_titles)
    out = _with_former_names(doc, out)
    out = _with_repeated_names(doc, out)
    out = _shop_names(doc, out)
    out = [
        replace(m, type="Organization", cued=True) if _named_investor(doc, m, out) else m
        for m in out
    ]
    out = [replace(m, related=True) if _related_body(doc, m) else m for m in out]
    return sorted(out + _missed_surnames(doc, out), key=lambda m: m.start)


# Nouns whose "of" names what a company makes, and those for its brands.
_MAKER_NOUNS = frozenset({"maker", "producer", "manufacturer"})
_BRAND_NOUNS = frozenset({"brand", "label", "product"})
_TICKER_NOUNS = frozenset({"ticker", "symbol"})


def _a_product(token: Token) -> bool:
    """Whether a name is a product, brand or ticker: "the maker of Tylenol, Band-Aid and
    Listerine", "the iPhone maker", "Capri, whose labels include Versace, Jimmy Choo and
    Michael Kors", "brands including Le Labo", "under the ticker GLXY"."""
    # "the iPhone maker": what the maker makes.
    if token.dep_ == "compound" and token.head.lemma_.lower() in _MAKER_NOUNS:
        return True
    # A share's ticker: "under the ticker GLXY", "the symbol KDLY".
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lemma_.lower() in _TICKER_NOUNS:
        return True
    # The parse may hang a list's second name on the first as an apposition.
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in _MAKER_NOUNS
    # "brands including Jo Malone London, The Ordinary and Le Labo".
    if token.dep_ == "pobj" and token.head.lower_ in ("including", "like"):
        return token.head.head.lemma_.lower() in _BRAND_NOUNS
    if token.dep_ in ("dobj", "attr") and token.head.lemma_.lower() == "include":
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.lemma_.lower() in _BRAND_NOUNS
    return False


# Plural words for siblings named together: "twins Cameron and Tyler Winklevoss".
_SIBLINGS = frozenset({"twins", "brothers", "sisters"})


def _siblings_named(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """ "founded by twins Cameron and Tyler Winklevoss": siblings named together share the
    surname given once, after the last given name, and are people whatever the tag."""
    out = list(found)
    for i, (first, second) in enumerate(pairwise(found)):
        joined = first.end < len(doc) and doc[first.end].lower_ == "and"
        if not joined or second.start != first.end + 1 or first.start == 0:
            continue
        if doc[first.start - 1].lower_ not in _SIBLINGS:
            continue
        words = second.name.split()
        if len(first.name.split()) != 1 or len(words) < 2:
            continue
        name = f"{first.name} {words[-1]}"
        out[i] = replace(first, type=PERSON, name=name, cued=True, curated=False, kind=None)
        out[i + 1] = replace(second, type=PERSON, cued=True, curated=False, kind=None)
    return out


# Nouns for crypto assets, and the words that open a list of them: "tokens that were
# offered as investment contracts, among them Solana, Polygon and Filecoin".
_ASSET_NOUNS = frozenset({"token", "coin", "cryptocurrency", "stablecoin", "altcoin"})
_LIST_OPENERS = (("among", "them"), ("such", "as"), ("including",))


def _listed_assets(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """``found`` with the names listed after a plural asset noun and "among them",
    "such as" or "including" typed as assets, whatever the tagger called them."""
    listed: set[int] = set()
    for sent in doc.sents:
        nouns = [t.i for t in sent if t.tag_ == "NNS" and t.lemma_.lower() in _ASSET_NOUNS]
        if not nouns:
            continue
        words = [t.lower_ for t in sent]
        for opener in _LIST_OPENERS:
            for k in range(len(words) - len(opener) + 1):
                start = sent.start + k
                if tuple(words[k : k + len(opener)]) != opener or nouns[0] >= start:
                    continue
                end = start + len(opener)
                # The list runs over names, commas and "and" to its end.
                while end < sent.end and (
                    doc[end].pos_ == "PROPN" or doc[end].lower_ in (",", "and")
                ):
                    end += 1
                listed.update(range(start + len(opener), end))
    out = [
        replace(m, type="Asset", cued=True)
        if not m.curated and m.start in listed and m.type != "Asset"
        else m
        for m in found
    ]
    # Names in the list that the tagger missed ("Cosmos").
    covered = {i for m in found for i in range(m.start, m.end)}
    missed = {i for i in listed - covered if doc[i].pos_ == "PROPN"}
    for i in sorted(missed):
        if doc[i].text[:1].isupper() and i - 1 not in missed:
            end = i + 1
            while end in missed:
                end += 1
            span = doc[i:end]
            out.append(_mention(span, "Asset", clean_name(span.text), cued=True))
    return sorted(out, key=lambda m: m.start)


# Words inside a family name: "Jean-Louis van der Velde", "Henri de Castries".
_NAME_PARTICLES = frozenset(
    {"van", "der", "den", "de", "von", "da", "di", "du", "del", "della", "le", "la", "ter", "ten"}
)


def _split_at_verbs(spans: list[Span]) -> list[Span]:
    """The tagger's spans cut at a lowercase verb it ran into a name: "Universal sued
    Midjourney" is "Universal" and "Midjourney"."""
    out: list[Span] = []
    for span in spans:
        # Not a name's first or last word: the tagger calls "bitcoin" a verb.
        verbs = [t.i for t in span[1:-1] if t.is_lower and t.tag_.startswith("VB")]
        if not verbs:
            out.append(span)
            continue
        start = span.start
        for cut in [*verbs, span.end]:
            if cut > start:
                out.append(Span(span.doc, start, cut, label=span.label))
            start = cut + 1
    return out


def _led_by_a_place_word(spans: list[Span]) -> list[Span]:
    """A company name whose first word the tagger took for a place, joined: "Emirates" (a
    place) and "NBD" (a company) are "Emirates NBD"."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ in ("GPE", "LOC")
            and span.label_ == "ORG"  # not a gazetteer name: "Paris AFP" is a dateline
            and prev.end == span.start
            and prev.root.dep_ == "compound"
            and prev.root.head.i in range(span.start, span.end)
        ):
            out[-1] = Span(span.doc, prev.start, span.end, label=span.label)
            continue
        out.append(span)
    return out


# The tagger's labels for names that a number word may open.
_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "PERSON", "FAC", "PRODUCT", "NORP"})


def _led_by_a_number_word(spans: list[Span]) -> list[Span]:
    """A name whose first word is a number word the tagger left out, joined: "Two" and
    "Sigma" are "Two Sigma", "Three Mile Island" one place; not "Two" in "Two Goldman Sachs
    executives", which counts something the name only qualifies. Inside a sentence a
    capitalised number word before name words opens a company's name however the tagger
    read them ("found that Two Sigma broke")."""
    out: list[Span] = []
    for span in spans:
        doc = span.doc
        before = doc[span.start - 1] if span.start > span.sent.start else None
        if (
            before is not None
            and span.label_ in _NAME_LABELS
            and (_opens_a_name(before) or _digits_joined(before))
            and before.dep_ in ("nummod", "compound")
            and before.head.i in range(span.start, span.end)
            and span.root.tag_ in (("NNP",) if span.label_ == "NORP" else ("NNP", "NNPS"))
        ):
            label = "ORG" if span.label_ == "NORP" else span.label_
            span = Span(doc, before.i, span.end, label=label)
            if out and out[-1].start == before.i:
                out.pop()  # the number word tagged on its own
        elif span.label_ == "CARDINAL" and all(_opens_a_name(t) for t in span):
            end = span.end
            while end < span.sent.end and _untagged_name_word(doc[end]):
                end += 1
            # Opening a sentence, the number word may count what follows ("Three Mile
            # Island" aside); "Twenty One Capital" ends as a company's name does.
            opening = span.start == span.sent.start
            if end > span.end and (not opening or doc[end - 1].lower_ in _ORG_HEADS):
                span = Span(doc, span.start, end, label="ORG")
        out.append(span)
    return out


def _washington_dc(spans: list[Span]) -> list[Span]:
    """ "Washington, D.C." as one place: its "D.C." names no place that holds Washington."""
    out: list[Span] = []
    for span in spans:
        doc = span.doc
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.text == "Washington"
            and span.text == "D.C."
            and prev.end + 1 == span.start
            and doc[prev.end].text == ","
        ):
            out[-1] = Span(doc, prev.start, span.end, label=prev.label)
            continue
        out.append(span)
    return out


def _with_company_endings(spans: list[Span]) -> list[Span]:
    """A company's name with the generic words after it that the tagger left out: in
    "Genesis Global Holdco" it tags "Genesis" alone."""
    out: list[Span] = []
    for span in spans:
        doc = span.doc
        end = span.end
        while (
            span.label_ == "ORG"
            and end < span.sent.end
            and _untagged_name_word(doc[end])
            and doc[end].lower_ in _ORG_HEADS
        ):
            end += 1
        out.append(Span(doc, span.start, end, label=span.label) if end > span.end else span)
    return out


def _digits_joined(token: Token) -> bool:
    """Digits written onto the next word: the "3" of "3G Capital"."""
    return token.is_digit and not token.whitespace_


def _opens_a_name(token: Token) -> bool:
    """A capitalised number word written out: "Two", "Three"."""
    return token.is_alpha and token.like_num and token.is_title


def _with_particles(spans: list[Span]) -> list[Span]:
    """The tagger's person spans with the particles of a family name they split at or left
    out joined in: "Jean-Louis van" and "Velde" are "Jean-Louis van der Velde", and "Van der
    Velde" opening a sentence is one name."""
    out: list[Span] = []
    for span in spans:
        doc = span.doc
        start = span.start
        if span.label_ == "PERSON":
            while start > span.sent.start and doc[start - 1].lower_ in _NAME_PARTICLES:
                start -= 1
            if start < span.start and doc[start].is_lower and start > span.sent.start:
                start = span.start  # particles of a name are capitalised only at its start
        prev = out[-1] if out else None
        if (
            prev is not None
            and span.label_ == prev.label_ == "PERSON"
            and all(t.lower_ in _NAME_PARTICLES for t in doc[prev.end : span.start])
            and (prev.end < span.start or doc[prev.end - 1].lower_ in _NAME_PARTICLES)
        ):
            out[-1] = Span(doc, prev.start, span.end, label=span.label)
            continue
        out.append(Span(doc, start, span.end, label=span.label) if start < span.start else span)
    return out


# Words that join the parts of a company's name in Italian, Spanish, French or Portuguese,
# and words that open a bank's or a group's name in those languages.
_NAME_JOINERS = frozenset(
    {"di", "dei", "del", "della", "delle", "degli", "de", "des", "du", "da", "do", "dos", "das"}
)  # fmt: skip
_COMPANY_OPENINGS = frozenset(
    {"banca", "banco", "banque", "caixa", "caisse", "grupo", "groupe", "compagnie", "societe"}
)  # fmt: skip
_COMPANY_LABELS = frozenset({"ORG", "Organization"})


def _names_over_joiners(spans: list[Span]) -> list[Span]:
    """The pieces of a company's name that joining words split, as one span: in "Banca Monte
    dei Paschi di Siena" the tagger takes "Banca Monte" for a person and "Siena" for a
    company, and in "Monte dei Paschi" it tags "Paschi" alone. The pieces are joined when
    one of them was tagged as a company or the name opens with a bank's or group's word,
    which also takes the names right after it ("Grupo Financiero Banamex"); "Luca de Meo"
    and "Rio de Janeiro" are left as they are."""
    if not spans:
        return spans
    doc = spans[0].doc
    out: list[Span] = []
    for span in spans:
        if out and out[-1].end > span.start:
            continue  # taken into the name before it
        sent = span.sent
        start, end = span.start, span.end
        while (
            start - 2 >= sent.start
            and doc[start - 1].lower_ in _NAME_JOINERS
            and doc[start - 1].is_lower
            and _name_piece(doc[start - 2])
        ):
            start -= 2
            while start - 1 >= sent.start and _name_piece(doc[start - 1]):
                start -= 1
        while (
            end + 1 < sent.end
            and doc[end].lower_ in _NAME_JOINERS
            and doc[end].is_lower
            and _name_piece(doc[end + 1])
        ):
            end += 2
            while end < sent.end and _name_piece(doc[end]):
                end += 1
        while doc[start].lower_ in _COMPANY_OPENINGS and end < sent.end and _name_piece(doc[end]):
            end += 1  # "Grupo Financiero Banamex": the tagger took the rest for a person
        pieces = [s for s in spans if start <= s.start and s.end <= end]
        company = doc[start].lower_ in _COMPANY_OPENINGS or any(
            s.label_ in _COMPANY_LABELS for s in pieces
        )
        if (start, end) == (span.start, span.end) or not company:
            out.append(span)
            continue
        while out and out[-1].end > start:
            out.pop()  # a piece tagged before this one
        label = next(
            (s.label for s in pieces if s.label_ in _COMPANY_LABELS), doc.vocab.strings["ORG"]
        )
        out.append(Span(doc, start, end, label=label))
    return out


def _name_piece(token: Token) -> bool:
    """A capitalised proper noun that the tagger left untagged or took for a name."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ in ("", "ORG", "PERSON", "GPE", "Organization")
    )


def _coordinated_parts(spans: list[Span]) -> list[Span]:
    """The tagger's spans with two names it ran together split apart: "Thrive Capital and
    Greenoaks led the round". The parse must join them as a list, and the two must not
    start alike ("Johnson and Johnson" stays one name)."""
    out: list[Span] = []
    for span in spans:
        doc = span.doc
        joint = next(
            (
                t.i
                for t in span[1:-1]
                if t.lower_ == "and"
                and t.dep_ == "cc"
                and doc[t.i + 1].text[:1].isupper()
                and any(c.dep_ == "conj" and c.i > t.i for c in t.head.children)
            ),
            None,
        )
        if joint is None:
            out.append(span)
            continue
        first, second = doc[span.start : joint], doc[joint + 1 : span.end]
        if (
            first[0].lower_ == second[0].lower_
            # Two names side by side, not one name with "and" in it ("Securities and
            # Exchange Commission"): the second is a conjunct of the first's head word,
            # which does not hang inside the second.
            or second.root.dep_ != "conj"
            or second.root.head.i != first.root.i
            or second.start <= first.root.head.i < second.end
        ):
            out.append(span)
            continue
        out.append(Span(doc, first.start, first.end, label=span.label))
        out.append(Span(doc, second.start, second.end, label=span.label))
    return out


def _title_at(doc: Doc, i: int, titles: frozenset[str]) -> int:
    """Length of the job title starting at token ``i`` ("chief executive"), 0 if none."""
    for n in (4, 3, 2, 1):
        if i + n <= len(doc) and " ".join(t.lower_ for t in doc[i : i + n]) in titles:
            return n
    return 0


def _title_ending_at(doc: Doc, i: int, titles: frozenset[str]) -> bool:
    return any(
        i - n + 1 >= 0 and " ".join(t.lower_ for t in doc[i - n + 1 : i + 1]) in titles
        for n in (1, 2, 3, 4)
    )


# Entity labels whose tokens are never part of a company name; a nationality (NORP) can be
# ("Chipotle Mexican Grill"), on its own it is none ("Dutch chief executive").
# A name that starts with digits and goes on in capitals ("1MDB") or in letters with a
# capital inside ("23andMe").
_CODE_NAME = re.compile(r"\d+(?:[A-Z]{2,}|[a-z]+[A-Z][A-Za-z]*)")
# What a company says it did: "GameStop said", "CoinDesk announced".
_COMPANY_STATEMENTS = frozenset(
    {"say", "announce", "report", "disclose", "confirm", "agree", "file", "post"}
)
# A word capitalised inside as well as first: "GameStop", "MicroStrategy", "CoinDesk".
_INNER_CAPITAL = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_NOT_NAME_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
)  # fmt: skip
# Words before a title that qualify it rather than name a company: "Former President".
_TITLE_QUALIFIERS = frozenset(
    {"former", "acting", "interim", "deputy", "new", "incoming", "outgoing", "then", "ex",
     "vice", "assistant", "associate", "senior", "executive", "joint", "co"}
)  # fmt: skip


# Roles only an organisation gives, so that a name right before one is a company's.
_COMPANY_ROLES = frozenset(
    {"CEO", "co-CEO", "founder", "co-founder", "chair", "president", "CFO", "COO", "CTO",
     "chief legal officer", "chief compliance officer", "chief revenue officer",
     "chief risk officer", "chief investment officer", "chief information officer",
     "chief strategy officer", "chief marketing officer", "chief product officer",
     "chief product and technology officer", "chief business officer", "co-executive director",
     "managing director", "executive director", "executive vice-president", "director",
     "head", "spokesperson"}
)  # fmt: skip
# Of those, the ones no public body gives: "a co-founder of Adecoagro" is a company, and
# "president of Mexico" is not.
_COMPANY_ONLY_ROLES = _COMPANY_ROLES - {"president", "chair", "director", "head", "spokesperson"}
# A company's parts named before a title: "Board chair Susan Arnold", "Group chairman".
_UNITS_BEFORE_TITLES = frozenset({"board", "group", "company", "bank", "firm", "fund"})


def _name_word(token: Token, titles: frozenset[str]) -> bool:
    if _CODE_NAME.fullmatch(token.text):
        return True  # "1MDB", which the tagger takes for a number
    return (
        token.text[:1].isupper()
        and (token.is_alpha or token.text == "&")
        and not token.is_stop
        and token.lower_ not in _TITLE_QUALIFIERS
        and (token.ent_type_ not in _NOT_NAME_LABELS or _mistagged_as_a_date(token))
        and not _title_at(token.doc, token.i, titles)
    )


def _mistagged_as_a_date(token: Token) -> bool:
    """ "Bitcoin miner TeraWulf said": a name capitalised inside that the tagger takes for
    a date, which no word for a month or a day is."""
    return token.ent_type_ in ("DATE", "TIME") and _INNER_CAPITAL.fullmatch(token.text) is not None


def _number_in_name(doc: Doc, start: int, i: int) -> bool:
    """A number that ends a name begun before it: "Hut 8", "Channel 4"."""
    token = doc[i]
    return (
        i > start
        and token.is_digit
        and token.dep_ == "nummod"
        and token.head.i == i - 1
        and not token.ent_type_
    )


def _missed_organizations(
    doc: Doc, found: list[MentionSpan], titles: frozenset[str], company_titles: frozenset[str]
) -> list[MentionSpan]:
    """Company names the tagger missed, in the places only an organisation fills.

    "Nationwide chief executive Debbie Crosbie", "Splunk's president and CEO" (a name
    before a job title), "the chief executive of Chipotle Mexican Grill" (a name after a
    title and "of" or "at"). A name is a run of capitalised words that no entity covers
    and that holds no title; the title is one only a company gives (not "Commodity
    trader Trafigura"), and the run does not continue another name ("U.S. District Judge").
    """
    covered = {i for m in found for i in range(m.start, m.end)}
    extra: list[MentionSpan] = []
    i = 0
    while i < len(doc):
        end = i
        while (
            end < len(doc)
            and end not in covered
            and doc[end].sent.start == doc[i].sent.start
            and (_name_word(doc[end], titles) or _number_in_name(doc, i, end))
        ):
            end += 1
        if end == i:
            i += 1
            continue
        span = doc[i:end]
        lone = len(span) == 1 and (
            span[0].ent_type_ == "NORP" or span[0].lower_ in _UNITS_BEFORE_TITLES
        )
        after = end + 1 if end < len(doc) and doc[end].tag_ == "POS" else end
        before_title = (
            after < len(doc)
            and _title_at(doc, after, company_titles) > 0
            and (i == 0 or i - 1 not in covered)
        )
        after_title = (
            i >= 2
            and doc[i - 1].lower_ in ("of", "at")
            and _title_ending_at(doc, i - 2, company_titles)
        )
        legal = span.text.lower().rstrip(".") in _LEGAL_ONLY  # "Capital, LLC"
        listed = _listed_with_companies(span, found) and not legal
        # "Riot Platforms", "Ethereal Ventures": proper nouns ending in a company's ending.
        ending = (
            len(span) > 1
            and span[-1].lower_ in _ORG_HEADS
            and all(t.pos_ == "PROPN" for t in span)
            and not (end < len(doc) and doc[end].lower_ == "of")  # "State Bank of India"
        )
        # "Strive, the asset manager co-founded by ...": a company's kind set off after it.
        # The parse must hang the kind on the name ("Strive" is tagged as an adjective).
        appositive = any(c.dep_ == "appos" for c in span.root.children)
        # "Anysphere, the San Francisco-based start-up": a sentence may open with the name
        # the parse takes for an adverb; not "However" or "Separately".
        opening = (
            len(span) == 1
            and span.start == span.sent.start
            and not span[0].is_stop
            and not span[0].lower_.endswith("ly")
        )
        kind = (appositive or opening) and _kind_set_off_after(span)
        # "the looting of 1MDB": a code of digits and capitals is a name, unless it
        # modifies a noun ("2FA codes").
        code = len(span) == 1 and _CODE_NAME.fullmatch(span.text) and span.root.dep_ != "compound"
        # "Boise, Idaho-based Albertsons": what is based somewhere is a body, unless the
        # name only modifies the noun that is ("Jacksonville-based CPA firm Harbeson").
        based = (
            i >= 2
            and doc[i - 1].lower_ in _BASED
            and doc[i - 2].text == "-"
            and not (end < len(doc) and doc[end].pos_ == "NOUN")
        )
        # "to buy San Francisco-based cybersecurity software company Splunk": a company's
        # kind right before the name (the parse may take the name for a verb).
        kind_before = (
            i >= 1
            and doc[i - 1].pos_ == "NOUN"
            and doc[i - 1].lemma_.lower() in _ORG_BEFORE
            and doc[i - 1].sent.start == doc[i].sent.start
        )
        cued = (
            before_title
            or after_title
            or kind_before
            or _taken_by_a_body(span, found)
            or listed
            or ending
            or kind
            or code
            or based
            or _raised_money(span)
            or _speaks_as_a_company(span, found)
            or _founded_or_owner(span)
            or _appoints_someone(span)
            or _initials_used(span)
        )
        # "research firm Fundstrat": a kind of company before it outweighs the tagger's
        # nationality.
        if cued and (not lone or kind_before):
            extra.append(_mention(span, "Organization", clean_name(span.text), cued=True))
        i = end
    return extra


# What a body does to a company: "The Dutch Data Protection Authority fined Uber".
# Word forms, as the lemmatiser takes "fined" for a form of "fin".
_BODY_ACTS_ON_COMPANY = frozenset(
    {"acquire", "acquires", "acquired", "buy", "buys", "bought", "purchase", "purchases",
     "purchased", "fine", "fines", "fined", "sue", "sues", "sued"}
)  # fmt: skip


def _taken_by_a_body(span: Span, found: list[MentionSpan]) -> bool:
    """ "The Dutch Data Protection Authority fined Uber", "Cisco bought Splunk": a proper
    name a named body fines, sues or buys is a company (people are tagged as such)."""
    root = span.root
    verb = root.head
    if root.dep_ != "dobj" or root.pos_ != "PROPN" or verb.lower_ not in _BODY_ACTS_ON_COMPANY:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and any(
        m.start <= subject.i < m.end and m.type in ("Organization", "Regulator", "Government")
        for m in found
    )


def _speaks_as_a_company(span: Span, found: list[MentionSpan]) -> bool:
    """ "GameStop said on Wednesday that ...": a name capitalised inside or capitalised
    inside a sentence elsewhere, which the tagger left untagged, that announces something as
    a company does (not a protocol that "lets people" do something)."""
    root = span.root
    return (
        len(span) == 1
        and (
            _INNER_CAPITAL.fullmatch(span.text) is not None
            or _capitalised_elsewhere(span[0], found)
        )
        and root.dep_ == "nsubj"
        and root.head.lemma_.lower() in _COMPANY_STATEMENTS
    )


def _capitalised_elsewhere(token: Token, found: list[MentionSpan]) -> bool:
    """ "Databricks said ..." then "Separately, Databricks arranged ...": a word the article
    capitalises inside a sentence as well, a proper name and not a sentence's first word.
    Not the surname of a person named in full: "Musk said" after "Elon Musk"."""
    doc = token.doc
    others = [t for t in doc if t.text == token.text and t.i != token.i]
    surname = any(
        m.type == PERSON and len(m.name.split()) > 1 and m.name.split()[-1] == token.text
        for m in found
    )
    return not surname and any(
        t.pos_ == "PROPN" and t.i > t.sent.start and not t.doc[t.i - 1].is_quote for t in others
    )


# Word forms before a name that make it a company: what is founded, and who owns a
# company ("Eric Li, who founded Geely", "which is owned by China's Geely"). Word forms,
# as the parse may take the name for an adverb.
_FOUNDING_FORMS = frozenset({"founded", "co-founded", "cofounded"})
_OWNING_FORMS = frozenset({"owned", "controlled"})


def _founded_or_owner(span: Span) -> bool:
    doc, i = span.doc, span.start
    if i >= 1 and doc[i - 1].lower_ in _FOUNDING_FORMS:
        return True
    # Past a country's possessive: "owned by China's Geely".
    j = i - 2 if i >= 2 and doc[i - 1].tag_ == "POS" and doc[i - 2].ent_type_ == "GPE" else i
    return j >= 2 and doc[j - 1].lower_ == "by" and doc[j - 2].lower_ in _OWNING_FORMS


def _initials_used(span: Span) -> bool:
    """ "Electronic Arts agreed ..." then "9.9% of EA": a name of several words whose
    initials the article writes on their own is a company's."""
    if len(span) < 2 or not all(t.pos_ == "PROPN" for t in span):
        return False
    initials = "".join(t.text[0] for t in span)
    return any(t.text == initials for t in span.doc if t.i not in range(span.start, span.end))


def _raised_money(span: Span) -> bool:
    """ "Tempo, a payments-focused blockchain, has raised $500 million": who raises money
    from investors is a company."""
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() != "raise":
        return False
    return any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children)


# The seat of a U.S. court or prosecutor, named after "for the": "District of Columbia",
# "Eastern District of Virginia", "District of Columbia Circuit", "Second Circuit".
_DISTRICT_WORDS = frozenset({"District", "Circuit"})
_SEATED_BODIES = frozenset({"Court", "Appeals", "Office"})


def _district_authorities(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """Courts and prosecutors named with their district or circuit, as one mention: "the U.S.
    District Court for the District of Columbia", "the U.S. Attorney's Office for the
    Eastern District of Virginia". The tagger splits these into a body, a country and a
    place; the pieces are dropped in favour of the whole name."""
    whole: list[MentionSpan] = []
    for token in doc:
        if token.lower_ != "for" or token.i < 1 or doc[token.i - 1].text not in _SEATED_BODIES:
            continue
        if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "the":
            continue
        end = token.i + 2
        while end < token.sent.end and (
            doc[end].is_title
            or doc[end].lower_ == "of"
            or doc[end].like_num
            or re.fullmatch(r"\d+(st|nd|rd|th)", doc[end].text)
        ):
            end += 1
        seat = [t.text for t in doc[token.i + 2 : end]]
        if "Circuit" in seat:
            end = token.i + 2 + seat.index("Circuit") + 1
        elif "District" not in seat or seat[-1] == "of":
            continue
        start = token.i - 1
        while start - 1 >= token.sent.start and (
            doc[start - 1].text[:1].isupper()
            or doc[start - 1].tag_ == "POS"
            or (doc[start - 1].lower_ == "of" and doc[start].text == "Appeals")
        ):
            start -= 1
        while doc[start].lower_ == "the":
            start += 1
        span = doc[start:end]
        if any(m.start <= start and end <= m.end and m.curated for m in found):
            continue
        kind = "court" if any(t.text in _COURT_WORDS for t in span) else "prosecutor"
        whole.append(_mention(span, "Regulator", clean_name(span.text), kind=kind))
    return _in_place_of_pieces(found, whole)


def _courts_of_places(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """Courts named after their country, state or city, as one mention: "the Federal Court
    of Australia", "the High Court of Australia", which the tagger splits at the place, and
    "the Ho Chi Minh City People's Court", where it leaves the city untagged."""
    whole: list[MentionSpan] = []
    for m in found:
        if m.type == "Regulator" and m.kind == "court":
            # "The Ho Chi Minh City People's Court": the untagged place before the court.
            start = m.start
            while start - 1 >= doc[m.start].sent.start and _untagged_name_word(doc[start - 1]):
                start -= 1
            if start < m.start and doc[start : m.start].root.dep_ == "compound":
                span = doc[start : m.end]
                whole.append(_mention(span, "Regulator", clean_name(span.text), kind="court"))
            continue
        court = m.start - 2
        if m.type not in ("Government", "Location") or court < 1:
            continue
        if doc[court].text not in _COURT_WORDS or doc[court + 1].lower_ != "of":
            continue
        start = court
        while start - 1 >= doc[court].sent.start and doc[start - 1].is_title:
            start -= 1
        while doc[start].lower_ == "the":
            start += 1
        if start == court:
            continue  # "a court of the Netherlands" has no name
        span = doc[start : m.end]
        whole.append(_mention(span, "Regulator", clean_name(span.text), kind="court"))
    return _in_place_of_pieces(found, whole)


def _in_place_of_pieces(found: list[MentionSpan], whole: list[MentionSpan]) -> list[MentionSpan]:
    """``found`` with the mentions that overlap a whole name dropped and the whole names in."""
    if not whole:
        return found
    kept = [m for m in found if not any(m.start < w.end and w.start < m.end for w in whole)]
    return sorted(kept + whole, key=lambda m: m.start)


# Public offices whose holder gives a body its name: "the Texas Attorney General's Office".
_OFFICE_HOLDERS = frozenset(
    {"General", "Attorney", "Prosecutor", "Comptroller", "Controller", "Governor", "Mayor",
     "Auditor", "Treasurer"}
)  # fmt: skip


def _holders_offices(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """Bodies named after the office that heads them, as one mention: "the Texas Attorney
    General's Office", "the State Auditor's Office", "the New York Attorney General's
    office". The tagger splits off the place and
    the title; the pieces are dropped in favour of the whole name. Offices named with
    their district ("the U.S. Attorney's Office for the ...") are left to
    `_district_authorities`."""
    whole: list[MentionSpan] = []
    for token in doc:
        i = token.i
        if token.lower_ != "office" or i < 2 or doc[i - 1].tag_ != "POS":
            continue
        if doc[i - 2].text not in _OFFICE_HOLDERS:
            continue
        if i + 1 < len(doc) and doc[i + 1].lower_ == "for":
            continue
        start = i - 2
        while start - 1 >= token.sent.start and doc[start - 1].text[:1].isupper():
            start -= 1
        while doc[start].lower_ == "the" and start < i - 2:
            start += 1
        span = doc[start : i + 1]
        if any(m.start <= start and i + 1 <= m.end and m.curated for m in found):
            continue
        prosecutes = doc[i - 2].text in ("Attorney", "General", "Prosecutor")
        kind = "prosecutor" if prosecutes else "agency"
        # "the New York Attorney General's office": the body's name capitalises it.
        name = clean_name(doc[start:i].text + " Office")
        whole.append(_mention(span, "Regulator", name, kind=kind))
    return _in_place_of_pieces(found, whole)


# Nouns that set one body beside another: "the payments arm of Naver", "the parent of".
# Nouns that introduce a body as part of another: "its unit Kakao Entertainment".
_UNIT_NOUNS = frozenset({"arm", "unit", "division", "subsidiary", "affiliate"})
_RELATED_BODY_NOUNS = _UNIT_NOUNS | {"business", "parent", "owner"}


def _country_units(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """``found`` with a company's business in a country named as one body: "chief
    executive of Walmart U.S.", "its Argentine unit, HSBC Argentina", where the company's
    name modifies the country's."""
    out: list[MentionSpan] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "Organization"
            and m.type == "Government"
            and prev.end == m.start
            and doc[prev.end - 1].dep_ == "compound"
            and doc[prev.end - 1].head.i == m.end - 1
        ):
            span = doc[prev.start : m.end]
            out[-1] = _mention(span, "Organization", f"{prev.name} {m.text}", cued=True)
            continue
        out.append(m)
    return out


def _related_body(doc: Doc, mention: MentionSpan) -> bool:
    """Whether a name is the other body in an apposition that relates two: "Naver" in
    "Naver Financial, the payments arm of internet group Naver"."""
    token = doc[mention.end - 1]
    if mention.type != "Organization":
        return False
    if token.dep_ == "appos" and token.head.dep_ == "pobj":
        # "Tesco Bank, the lending arm of Britain's biggest supermarket chain, Tesco": the
        # name set beside the parent's description.
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    noun = token.head.head
    return noun.lemma_.lower() in _RELATED_BODY_NOUNS and (
        noun.dep_ == "appos" or _set_off_before(noun)
    )


def _set_off_before(noun: Token) -> bool:
    """Whether a noun's phrase is set off by a comma and opened by a determiner, where the
    parse loses the apposition: "Exaion, the data centre and cloud computing subsidiary"."""
    doc = noun.doc
    i = noun.i - 1
    while i > noun.sent.start and doc[i].is_lower and doc[i].pos_ not in ("DET", "PUNCT"):
        i -= 1
    return i > noun.sent.start and doc[i].pos_ == "DET" and doc[i - 1].text == ","


def _missed_places(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """Places the tagger missed before "-based": "the Vevey-based food group", and the town
    before its state in "Boise, Idaho-based Albertsons"."""
    covered = {i for m in found for i in range(m.start, m.end)}
    extra: list[MentionSpan] = []
    for token in doc:
        if token.lower_ not in _BASED or token.i < 2 or doc[token.i - 1].text != "-":
            continue
        end = token.i - 1
        ends = [end]
        # "Boise, Idaho-based": the town before the state and its comma.
        start = _capitalised_run_start(doc, end)
        if start is not None and start - 2 >= token.sent.start and doc[start - 1].text == ",":
            ends.append(start - 1)
        for stop in ends:
            first = _capitalised_run_start(doc, stop)
            if first is None or any(i in covered for i in range(first, stop)):
                continue
            span = doc[first:stop]
            extra.append(_mention(span, "Location", clean_name(span.text), cued=True))
            covered.update(range(first, stop))
    return extra


def _capitalised_run_start(doc: Doc, stop: int) -> int | None:
    """Where the run of capitalised nouns ending before token ``stop`` starts, or None if
    there is none. A nationality is no place: "Australian-based"."""
    start = stop
    while (
        start - 1 >= 0
        and doc[start - 1].pos_ in ("PROPN", "NOUN")
        and doc[start - 1].is_title
        and doc[start - 1].ent_type_ != "NORP"
    ):
        start -= 1
        if doc[start].sent.start != doc[stop - 1].sent.start:
            return None
    return start if start < stop else None


def _missed_people(doc: Doc, found: list[MentionSpan], titles: frozenset[str]) -> list[MentionSpan]:
    """People the tagger missed whose name a job title or a "who" clause describes right
    after it: "Ilya Sutskever, a co-founder and former chief scientist of OpenAI, said",
    "Ilya Lichtenstein, who broke into". The name is two to four capitalised proper nouns
    that no mention covers. A full name whose surname the article uses alone for a person
    ("sued Elon Musk" beside "Musk said") is one too."""
    covered = {i for m in found for i in range(m.start, m.end)}
    surnames = {m.name.split()[-1] for m in found if m.type == PERSON}
    # "Elon Musk's social network X" beside "Musk, who owns X": a surname a "who" clause
    # describes.
    surnames |= {t.text for t in doc if t.pos_ == "PROPN" and t.i not in covered and _who_clause(t)}
    extra: list[MentionSpan] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in covered:
            continue
        known = token.text in surnames and token.i > 0 and doc[token.i - 1].dep_ == "compound"
        if not (known or _titled_apposition(token, titles) or _who_clause(token)):
            continue
        start = token.i
        while (
            start - 1 >= token.sent.start
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].head.i == token.i
            and doc[start - 1].pos_ == "PROPN"
        ):
            start -= 1
        span = doc[start : token.i + 1]
        words_ok = all(t.is_alpha and t.is_title and not t.is_stop for t in span)
        if (
            not 2 <= len(span) <= 4
            or not words_ok
            or any(i in covered for i in range(start, token.i))
        ):
            continue
        if span[0].lower_ in titles or span[0].lower_ in _TITLE_QUALIFIERS:
            continue
        extra.append(_mention(span, PERSON, clean_person_name(span.text), cued=True))
    return extra


def _titled_apposition(token: Token, titles: frozenset[str]) -> bool:
    appos = [c for c in token.children if c.dep_ == "appos" and c.i > token.i]
    if not appos or appos[0].lower_ in _NOT_PERSON_TITLES:
        return False
    return _title_ending_at(token.doc, appos[0].i, titles)


def _who_clause(token: Token) -> bool:
    """ "Ilya Lichtenstein, who broke into the exchange": a relative clause with "who"."""
    return _relative_pronoun(token) == "who"


def _which_clause(token: Token) -> bool:
    return _relative_pronoun(token) == "which"


def _relative_pronoun(token: Token) -> str | None:
    """The subject pronoun of a relative clause on ``token``: "who", "which" or "that"."""
    for clause in token.children:
        if clause.dep_ == "relcl" and clause.i > token.i:
            for s in clause.children:
                if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("who", "which", "that"):
                    return s.lower_
    return None


def _listed_with_companies(span: Span, found: list[MentionSpan]) -> bool:
    """ "Nvidia, Andreessen Horowitz, General Catalyst and DST Global": a name in a list
    whose other names are companies, or untagged names beside at least one company."""
    root = span.root
    if root.dep_ != "conj" and not any(c.dep_ == "conj" for c in root.children):
        return False
    neighbours = [root.head] if root.dep_ == "conj" else []
    neighbours += [c for c in root.children if c.dep_ == "conj"]
    if all(
        any(m.start <= t.i < m.end and m.type == "Organization" for m in found) for t in neighbours
    ):
        return True
    # The whole list: "Lightspeed Venture Partners, Accel, Plural, General Catalyst and
    # ... Saab", where the parse may hang the list's second name on the first.
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members = [first]
    for member in members:
        members += [c for c in member.children if c.dep_ == "conj"]
    if first.dep_ in ("npadvmod", "appos") and first.head.i < first.i:
        members.append(first.head)
    types: list[str | None] = []
    for token in members:
        if span.start <= token.i < span.end:
            continue
        mention = next((m for m in found if m.start <= token.i < m.end), None)
        kind = token.pos_ == "NOUN" and token.lemma_.lower() in _ORG_BEFORE
        if mention is None and kind and any(c.lower_ == "the" for c in token.children):
            types.append(None)  # "the Swedish defence group Saab", not "his companies"
            continue
        if mention is None and not (token.pos_ == "PROPN" and token.is_title):
            return False
        types.append(mention.type if mention is not None else None)
    # Its other names are companies, or names no one tagged beside at least one company.
    return "Organization" in types and all(t in ("Organization", None) for t in types)


# What an investor does in a round: "Variant also took part", "Coinbase Ventures invested".
_ROUND_PARTS = frozenset({"invest", "participate", "take"})


def _named_investor(doc: Doc, mention: MentionSpan, found: list[MentionSpan]) -> bool:
    """A one-word name the tagger calls a person where only an investor fits: listed with
    companies alone ("co-led by Sequoia Capital and Paradigm") or taking part in a round
    ("and Variant also took part"); not a surname the article gave a full name for."""
    if mention.type != PERSON or mention.curated or mention.end - mention.start != 1:
        return False
    # "sanctioned Prince Group and Chen" after "Chen Zhi": a person named before.
    if any(
        m.type == PERSON and mention.name in m.name.split() and m.name != mention.name
        for m in found
    ):
        return False
    span = doc[mention.start : mention.end]
    if _listed_with_companies(span, found):
        return True
    verb = span.root.head
    lemma = verb.lemma_.lower()
    if span.root.dep_ != "nsubj" or lemma not in _ROUND_PARTS:
        return False
    return lemma != "take" or any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)


def _hyphenated_end(span: Span) -> bool:
    """Whether the span ends in the second half of a hyphenated word: "Song Chi-hyung"."""
    return (
        len(span) > 2
        and span[-2].text == "-"
        and not (span[-3].whitespace_ or span[-2].whitespace_)
    )


def _mention(
    span: Span,
    entity_type: str,
    name: str,
    *,
    kind: str | None = None,
    curated: bool = False,
    cued: bool = False,
) -> MentionSpan:
    """A mention of ``span``, with its positions and its place in the parse."""
    root = span.root
    return MentionSpan(
        start=span.start,
        end=span.end,
        start_char=span.start_char,
        end_char=span.end_char,
        text=span.text,
        type=entity_type,
        name=name,
        kind=kind,
        curated=curated,
        sentence=span.sent.text,
        cued=cued,
        # Not a company before its officer's name: "Pinnacle chief executive Terry Turner";
        # a place before "-based" is one ("Toronto-based WonderFi").
        modifier=(
            root.dep_ in ("compound", "amod", "nmod")
            and root.head.i >= span.end
            and root.head.ent_type_ != "PERSON"
        )
        or _before_based(span),
        subject=root.dep_ in ("nsubj", "nsubjpass"),
        owns_subject=root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass"),
        sentence_start=span.sent.start_char,
        relative=any(a.dep_ == "relcl" for a in root.ancestors),
        placed=root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS,
        unit=span.start > 0 and span.doc[span.start - 1].lower_ in _UNIT_NOUNS,
    )


def _inside(mention: MentionSpan, other: MentionSpan) -> bool:
    """Whether ``mention`` lies within the longer mention ``other``."""
    longer = other.end - other.start > mention.end - mention.start
    return longer and other.start <= mention.start and mention.end <= other.end


def _with_given_name(span: Span, all_titles: frozenset[str]) -> Span:
    """A surname with the given name the tagger left out: in "Chief executive Bharat
    Masrani", "Bharat" is tagged as a nationality and "Masrani" alone as a person; so
    is a hyphenated surname ("Heloise Temple-Boyer")."""
    i = span.start - 1
    if " " in span.text or i < span.sent.start:
        return span
    given = span.doc[i]
    if (
        given.pos_ == "PROPN"
        and given.is_alpha
        and given.is_title
        and given.dep_ == "compound"
        and span.start <= given.head.i < span.end
        and given.lower_ not in all_titles
        and given.lower_ not in _HONORIFICS
    ):
        return span.doc[i : span.end]
    return span


_ONCE = frozenset({"formerly", "previously", "once"})


def _with_former_names(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """``found`` with a company's former name joined to its current one: in "RTX, the
    defense contractor formerly known as Raytheon", Raytheon is RTX's other name. The
    current name is taken even where the tagger missed it."""
    out = list(found)
    for i, former in enumerate(found):
        token = doc[former.end - 1]
        if former.type == PERSON:
            continue
        called = token.head
        if token.dep_ == "oprd" and called.lemma_ == "call" and called.dep_ == "relcl":
            # "Berkshire Hathaway Energy, when it was still called MidAmerican Energy".
            if not any(c.lower_ in ("still", "then", "once") for c in called.children):
                continue
            holder = called.head
        else:
            token = doc[former.start]
            if token.dep_ != "pobj" or token.head.lower_ != "as":
                continue
            known = token.head.head
            if known.lower_ != "known" or not any(c.lower_ in _ONCE for c in known.children):
                continue
            # "known" qualifies the apposition of the current name.
            holder = known.head.head if known.head.dep_ == "appos" else known.head
        if holder.i >= former.start or holder.pos_ != "PROPN":
            continue
        current = next((m for m in out if m.start <= holder.i < m.end), None)
        if current is None:
            span = doc[holder.left_edge.i : holder.i + 1]
            if not all(t.text[:1].isupper() for t in span):
                continue
            current = _mention(span, former.type, clean_name(span.text), cued=True)
            out.append(current)
        out[i] = replace(former, type=current.type, name=current.name, curated=False)
    return out


def _shop_names(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """``found`` with the companies whose name ends in "'s" ("Kohl's fired its chief
    executive"): a possessive that possesses nothing, where the name is what acts or is
    acted on, is part of a company's name, in every use the article makes of it."""
    shops = {
        normalize_key(m.name)
        for m in found
        if not m.curated
        and m.type in (PERSON, "Organization")
        and m.end < len(doc)
        and doc[m.end].tag_ == "POS"
        and doc[m.end - 1].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and not _shares_moved(doc[m.end - 1])
    }
    # "Kering's shares jumped while Renault's fell" beside "Renault announced": a name
    # the article also writes without the "'s" is no shop's name.
    shops -= {
        normalize_key(m.name)
        for m in found
        if not (m.end < len(doc) and doc[m.end].tag_ == "POS") and not m.text.endswith("'s")
    }
    out: list[MentionSpan] = []
    for m in found:
        if normalize_key(m.name) in shops:
            # "a Kohl's director": the name as written where the possessive follows it.
            possessive = m.end < len(doc) and doc[m.end].tag_ == "POS"
            name = f"{m.name}'s" if possessive else m.name
            m = replace(m, type="Organization", name=name, cued=True)
        out.append(m)
    return out


# Verbs of a share price: "Capri's shares fell by half, while Tapestry's rose".
_SHARE_MOVES = frozenset(
    {"rise", "fall", "jump", "drop", "climb", "gain", "slip", "slide", "surge", "soar",
     "tumble", "sink", "decline", "plunge", "rally", "edge", "dip", "lose", "add"}
)  # fmt: skip


def _shares_moved(name: Token) -> bool:
    """Whether a possessive that possesses nothing stands for the company's shares: "while
    Tapestry's rose more than 10%"."""
    return name.dep_ == "nsubj" and name.head.lemma_.lower() in _SHARE_MOVES


def _with_repeated_names(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """``found`` with the other uses of a name the article tags somewhere, or of a company's
    short name, which the tagger missed: "Mistral was founded in 2023" after "Mistral AI".
    Only a use that stands alone counts, not one inside a longer run of capitalised words."""
    by_words: dict[tuple[str, ...], MentionSpan] = {}
    for m in found:
        words = tuple(t.text for t in doc[m.start : m.end])
        # Short names only for companies written in capitals ("X", "3M").
        capitals = m.type == "Organization" and m.text.isupper()
        if m.text[:1].isupper() and (len(m.text) >= 3 or capitals) and not doc[m.start].is_stop:
            by_words.setdefault(words, m)
    for m in found:
        # A company's short name, which build_entities joins to the full one.
        if m.type == "Organization":
            words = tuple(t.text for t in doc[m.start : m.end])
            # "Twenty One" for "Twenty One Capital", though not "Two" for "Two Sigma".
            counted = _opens_a_name(doc[m.start])
            for n in _short_forms(list(words)):
                short = " ".join(words[:n])
                if len(short) >= 3 and (not doc[m.start].is_stop or (counted and n > 1)):
                    guess = replace(m, text=short, name=short, curated=False)
                    by_words.setdefault(words[:n], guess)
    by_first: dict[str, list[tuple[tuple[str, ...], MentionSpan]]] = defaultdict(list)
    for words, m in by_words.items():
        by_first[words[0]].append((words, m))
    for candidates in by_first.values():
        # The longest name first: "Fifth Third" before "Fifth".
        candidates.sort(key=lambda c: -len(c[0]))
    covered = {i for m in found for i in range(m.start, m.end)}
    extra: list[MentionSpan] = []
    replaced: list[MentionSpan] = []
    for token in doc:
        for words, m in by_first.get(token.text, []):
            end = token.i + len(words)
            if end > len(doc) or tuple(t.text for t in doc[token.i : end]) != words:
                continue
            # A part of the name the tagger took for a name of its own ("Fifth" tagged as
            # a person in "Fifth Third's chairman") gives way to the whole name.
            parts = [
                other
                for other in found
                if token.i <= other.start
                and other.end <= end
                and other.end - other.start < end - token.i
            ]
            taken = {i for other in parts for i in range(other.start, other.end)}
            if any(i in covered and i not in taken for i in range(token.i, end)):
                continue
            if any(other.curated for other in parts):
                continue
            if _continues_name(doc, token.i - 1) or _continues_name(doc, end):
                continue
            span = doc[token.i : end]
            extra.append(_mention(span, m.type, m.name, kind=m.kind, curated=m.curated))
            replaced += parts
            covered.update(range(token.i, end))
            break
    return [m for m in found if m not in replaced] + extra


def _continues_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a capitalised name word that a name beside it would run into."""
    return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()


def _missed_surnames(doc: Doc, found: list[MentionSpan]) -> list[MentionSpan]:
    """Surnames the tagger did not tag ("Elhedery, 50, will take over") of people the article
    names in full; each joins its person in :func:`build_entities`."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for m in found:
        words = m.name.split()
        if m.type == PERSON and len(words) > 1:
            surnames[words[-1]].add(m.name)
    covered = {i for m in found for i in range(m.start, m.end)}
    extra = []
    for token in doc:
        names = surnames.get(token.text, set())
        # "Menendez" between "Bob Menendez" and a later "Nadine Menendez": the one named
        # before it (as build_entities joins it).
        before = {m.name for m in found if m.name in names and m.start < token.i}
        if token.i in covered or not token.is_title or 1 not in (len(names), len(before)):
            continue
        extra.append(
            MentionSpan(
                start=token.i,
                end=token.i + 1,
                start_char=token.idx,
                end_char=token.idx + len(token.text),
                text=token.text,
                type=PERSON,
                name=token.text,
                kind=None,
                curated=False,
                sentence=token.sent.text,
                subject=token.dep_ in ("nsubj", "nsubjpass"),
                sentence_start=token.sent.start_char,
            )
        )
    return extra


@dataclass(frozen=True)
class ArticleEntities:
    """The article's entities and, for each mention (by position), the entity it names."""

    entities: list[Entity]
    mentions: list[MentionSpan]
    entity_of: list[str]
    types: dict[str, str]
    kinds: dict[str, str | None]

    def at_token(self, index: int) -> tuple[int, MentionSpan] | None:
        """The mention covering a token, with its position, if any."""
        for i, mention in enumerate(self.mentions):
            if mention.start <= index < mention.end:
                return i, mention
        return None

    def ending_at(self, index: int) -> int | None:
        """Position of the mention whose last token is ``index``."""
        for i, mention in enumerate(self.mentions):
            if mention.end - 1 == index:
                return i
        return None

    def starting_at(self, index: int) -> int | None:
        for i, mention in enumerate(self.mentions):
            if mention.start == index:
                return i
        return None


# Small words inside a company's name that its initials leave out.
_NOT_INITIALLED = frozenset({"of", "and", "the", "&", "for", "de", "du", "des", "la"})


def build_entities(mentions: list[MentionSpan]) -> ArticleEntities:
    """Group mentions into entities: one per normalised name, surnames joined to full names.

    When the pipeline gives one name several types, the type most mentions
    carry wins (a curated gazetteer type always wins). The tail of a full name
    joins that person whatever its tag, and a company's short name ("TD")
    joins the one longer name that only adds a suffix to it ("TD Bank"). In a text
    of several sentences, a lone name tagged as a person that joins no full name and
    has no person's cue is a body's ("fashion houses Gucci, Chloé and Loewe").
    """
    # A lone name that a person's cue types somewhere ("Najib, 72,") is that person's.
    cued_people = {normalize_key(m.name) for m in mentions if m.type == PERSON and m.cued}
    # "Starboard Value" tagged as a person beside "Starboard, which is run by": people are
    # not named by their given name alone, so a name whose first word the article uses on
    # its own for a company is that company's.
    lone_companies = {
        normalize_key(m.name)
        for m in mentions
        if m.type == "Organization" and len(m.name.split()) == 1
    } - cued_people
    mentions = [
        replace(m, type="Organization")
        if m.type == PERSON
        and not m.curated
        and len(m.name.split()) > 1
        and normalize_key(m.name.split()[0]) in lone_companies
        else m
        for m in mentions
    ]
    # "Helena Helmersson stepped down", tagged as a company, beside "Helmersson, who took
    # the top job": a full name whose surname a person's cue types alone, and nothing
    # calls a company, is that person.
    cued_surnames = {
        normalize_key(m.name)
        for m in mentions
        if m.type == PERSON and m.cued and len(m.name.split()) == 1
    } - {normalize_key(m.name) for m in mentions if m.type == "Organization"}
    mentions = [
        replace(m, type=PERSON)
        if m.type == "Organization"
        and not (m.curated or m.cued)
        and len(m.name.split()) in (2, 3)
        and normalize_key(m.name.split()[-1]) in cued_surnames
        else m
        for m in mentions
    ]
    # The tail of a full name ("Narasimhan", "Johnston Holthaus") names that person even
    # when the pipeline tagged it as something else; a gazetteer name is left alone.
    full_by_tail: dict[str, set[str]] = defaultdict(set)
    first_named: dict[str, tuple[int, int]] = {}  # sentence and token a full name starts at
    for m in mentions:
        words = m.name.split()
        if m.type == PERSON and len(words) > 1:
            first_named.setdefault(normalize_key(m.name), (m.sentence_start, m.start))
            for n in range(1, len(words)):
                full_by_tail[normalize_key(" ".join(words[n:]))].add(normalize_key(m.name))
    # "Chen" beside "Chen Zhi", "Ly" beside "Ly Yong Phat": a family name written first
    # names the same person.
    full_by_head: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = m.name.split()
        if m.type == PERSON and len(words) in (2, 3):
            full_by_head[normalize_key(words[0])].add(normalize_key(m.name))
        # "Lula" beside "Luiz Inácio Lula da Silva": so does a name from inside a long
        # one, whatever its tag, like the tail of a full name.
        if m.type == PERSON and len(words) > 3:
            for word in words[1:-1]:
                if word[:1].isupper():
                    full_by_tail[normalize_key(word)].add(normalize_key(m.name))
    # "Terraform" beside "Terraform Labs", "TD" beside "TD Bank": one company.
    org_by_stem: dict[str, set[str]] = defaultdict(set)
    # "Mistral" beside "Mistral AI", "World Liberty" beside "World Liberty Financial": a
    # company's short name is the start of its full name.
    org_by_start: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = m.name.split()
        if m.type == "Organization" and len(words) > 1 and words[-1].lower() in _ORG_SUFFIXES:
            org_by_stem[normalize_key(" ".join(words[:-1]))].add(normalize_key(m.name))
        if m.type == "Organization" and words[-1] not in COUNTRY_CODES and not m.unit:
            # Not "Walmart" for "Walmart U.S.": that is the company, the other its business;
            # nor "Kakao" for "its unit Kakao Entertainment".
            for n in _short_forms(words):
                org_by_start[normalize_key(" ".join(words[:n]))].add(normalize_key(m.name))
            # "MARA" after "MARA Holdings", a form the gazetteer lists for Marathon Digital.
            written = m.text.split()
            if m.curated and written != words:
                for n in _short_forms(written):
                    org_by_start[normalize_key(" ".join(written[:n]))].add(normalize_key(m.name))
            # "AXA IM" for "AXA Investment Managers", "CPPIB" for "Canada Pension Plan
            # Investment Board": a company's initials, after its first word or alone.
            for short in _initialisms(words):
                org_by_start[normalize_key(short)].add(normalize_key(m.name))
            # "Monte dei Paschi" inside "Banca Monte dei Paschi di Siena": a name of two
            # or more words that a longer one holds after its first word.
            for i in range(1, len(words) - 1):
                for j in range(i + 2, len(words) + 1):
                    if words[i][:1].isupper() and words[j - 1][:1].isupper():
                        inner = normalize_key(" ".join(words[i:j]))
                        org_by_start[inner].add(normalize_key(m.name))

    # Where each company's full name is first given.
    org_first: dict[str, int] = {}
    for m in mentions:
        if m.type == "Organization" and len(m.name.split()) > 1:
            org_first.setdefault(normalize_key(m.name), m.start)

    # "the Commission" after "the European Commission": the last word of one body's name.
    body_by_tail: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        words = m.name.split()
        if m.type in _BODY_TYPES and len(words) > 1 and words[-1][:1].isupper():
            body_by_tail[normalize_key(words[-1])].add((normalize_key(m.name), m.type))

    # "Naver" beside "Naver Financial, the payments arm of ... Naver": two bodies.
    related = {normalize_key(m.name) for m in mentions if m.related}
    keys: list[str] = []
    for i, m in enumerate(mentions):
        key = normalize_key(m.name)
        owners = full_by_tail.get(key, set())
        bodies = body_by_tail.get(key, set())
        # "Najib" tagged as a company beside "former prime minister Najib Razak".
        person_word = m.type == PERSON or (key in cued_people and len(m.name.split()) == 1)
        heads = full_by_head.get(key, set()) if person_word and not owners else set()
        starts = org_by_start.get(key, set())
        full_name = _shortest_start(starts) or _named_first(starts, org_first, m.start)
        # A company named after its founder keeps its own mentions: "the former chief
        # executive of Hess" beside "John Hess".
        company = m.cued and m.type != PERSON
        # "Buffett" beside "Warren Buffett" and, named in a later sentence, his children
        # "Howard Buffett" and "Susie Buffett": the surname is the person the article named
        # first. Two named together ("Ke Tang and Jing Tang") stay apart.
        earlier = sorted((first_named[o], o) for o in owners if first_named[o][1] < m.start)
        if len(owners) > 1 and earlier:
            alone = len(earlier) == 1 or earlier[0][0][0] < earlier[1][0][0]
            owners = {earlier[0][1]} if alone else owners
        if not m.curated and not company and len(owners) == 1 and key not in owners:
            key = next(iter(owners))
            if m.type != PERSON:
                mentions[i] = replace(m, type=PERSON)
        elif not m.curated and len(heads) == 1 and key not in heads:
            key = next(iter(heads))
        elif (
            m.type == "Organization"
            and len(org_by_stem.get(key, ())) == 1
            and key not in related
            and starts <= org_by_stem[key]
        ):
            # Not when another name starts with it too: "Columbia" after "Columbia Banking
            # System" is that company, not "Columbia Bank", the name its unit will take.
            key = next(iter(org_by_stem[key]))
        elif (
            not m.curated
            and not owners
            and not heads
            # "at Verizon" tagged as a place after "Verizon Communications".
            and (
                m.type == "Organization"
                or (m.type == PERSON and len(m.name.split()) == 1)
                or (
                    m.type == "Location"
                    and len(m.name.split()) == 1
                    and not (m.modifier or m.placed)
                )
            )
            and full_name is not None
            and key not in related
        ):
            key = full_name
            if m.type != "Organization":
                mentions[i] = replace(m, type="Organization")
        elif not m.curated and len(m.name.split()) == 1 and len(bodies) == 1 and not owners:
            key, body_type = next(iter(bodies))
            mentions[i] = replace(m, type=body_type, cued=True)
        keys.append(key)

    # "0.9 of an Atlantic Union share", tagged as a place, where the same words elsewhere
    # are the short name of "Atlantic Union Bankshares": that company.
    joined = {
        normalize_key(m.name): key
        for m, key in zip(mentions, keys, strict=True)
        if m.type == "Organization" and not m.curated and key != normalize_key(m.name)
    }
    for i, (m, key) in enumerate(zip(mentions, keys, strict=True)):
        if m.type == "Location" and not m.curated and key in joined:
            keys[i] = joined[key]
            mentions[i] = replace(m, type="Organization")

    # "fined luxury fashion houses Gucci, Chloé and Loewe": an article names a person in
    # full before it uses one name alone, so a lone name that joined no full name, and that
    # no context gave a person's cue, is a body's. A sentence or two cut from an article
    # ("Reagan said") may name a person it gave in full before, so only a text with names
    # in three sentences or more is read so.
    whole = len({m.sentence_start for m in mentions}) >= 3
    mentions = [
        replace(m, type="Organization")
        if whole
        and m.type == PERSON
        and not (m.curated or m.cued)
        and len(m.name.split()) == 1
        and key == normalize_key(m.name)
        and key not in cued_people
        else m
        for key, m in zip(keys, mentions, strict=True)
    ]
    # A gazetteer type wins; else a type the context gave; else the tagger's majority.
    type_votes: dict[str, Counter[str]] = defaultdict(Counter)
    curated_type: dict[str, str] = {}
    for key, m in zip(keys, mentions, strict=True):
        type_votes[key][m.type] += 1
        if m.curated:
            curated_type.setdefault(key, m.type)
        elif m.cued:
            type_votes[key][m.type] += len(mentions)

    groups: dict[str, list[MentionSpan]] = defaultdict(list)
    for key, m in zip(keys, mentions, strict=True):
        groups[key].append(m)

    entities: list[Entity] = []
    id_of_key: dict[str, str] = {}
    types: dict[str, str] = {}
    kinds: dict[str, str | None] = {}
    for key, group in groups.items():
        entity_type = curated_type.get(key) or type_votes[key].most_common(1)[0][0]
        # The name is the longest form given (a full name rather than a surname),
        # unless the gazetteer supplies the canonical one.
        curated = [m for m in group if m.curated and m.type == entity_type]
        name = curated[0].name if curated else max((m.name for m in group), key=len)
        eid = entity_id(entity_type, name)
        id_of_key[key] = eid
        types[eid] = entity_type
        kinds[eid] = next((m.kind for m in group if m.kind), None)
        aliases = sorted({m.text for m in group if m.text != name})
        entities.append(
            Entity(
                id=eid,
                type=entity_type,
                name=name,
                kind=kinds[eid],
                aliases=aliases,
                mentions=[m.to_record() for m in group],
            )
        )
    entity_of = [id_of_key[key] for key in keys]
    return ArticleEntities(
        entities=entities, mentions=mentions, entity_of=entity_of, types=types, kinds=kinds
    )


def _initialisms(words: list[str]) -> list[str]:
    """The short forms a company's capitalised words make of their first letters: the
    whole name's ("CPPIB", "EA"), and its first word's followed by the rest's ("AXA IM")
    when three or more."""
    capitals = [w for w in words if w[:1].isupper() and w[:1].isalpha()]
    if len(capitals) != len([w for w in words if w.lower() not in _NOT_INITIALLED]):
        return []
    out = []
    if len(capitals) >= 2:
        out.append("".join(w[0] for w in capitals))
    if len(capitals) >= 3 and capitals[0] == words[0]:
        out.append(f"{words[0]} {''.join(w[0] for w in capitals[1:])}")
    return out


def _short_forms(words: list[str]) -> list[int]:
    """How many of a company name's first words may stand for it: one word ("Mistral" for
    "Mistral AI"), or more when only a generic ending follows ("World Liberty" for "World
    Liberty Financial"); not "Novo Nordisk" for "Novo Nordisk Foundation", another body,
    nor a generic word alone ("Bank" for "Bank of America")."""
    if len(words) < 2 or words[0].lower() in _ORG_HEADS:
        return []
    return [
        n
        for n in range(1, len(words))
        if words[n - 1][:1].isupper()
        and (n == 1 or all(w.lower() in _ORG_HEADS for w in words[n:]))
    ]


def _named_first(names: set[str], first: dict[str, int], at: int) -> str | None:
    """Of two or more full names a short name starts, the one the article gives first,
    before the short name: "Rocket" is "Rocket Companies", the article's first name, and
    not "Rocket Mortgage, the group's lending business", named later."""
    before = sorted((first[n], n) for n in names if n in first and first[n] < at)
    return before[0][1] if before else None


def _shortest_start(names: set[str]) -> str | None:
    """Of the full names a short name starts, the one that starts all the others ("Novo
    Nordisk" of it and "Novo Nordisk Foundation"); none when they differ."""
    if not names:
        return None
    shortest = min(names, key=len)
    if all(name == shortest or name.startswith(shortest + " ") for name in names):
        return shortest
    return None


def lead_organization(ents: ArticleEntities) -> str | None:
    """The organisation the article's first sentence names as its subject, if any."""
    lead = ents.mentions[0].sentence_start if ents.mentions else 0
    return next(
        (
            eid
            for m, eid in zip(ents.mentions, ents.entity_of, strict=True)
            if m.sentence_start == lead and m.subject and ents.types[eid] == "Organization"
        ),
        None,
    )


def topic_organization(ents: ArticleEntities) -> str | None:
    """The organisation an article is about: the one it names most often, counting the
    subject of its first sentence twice more (news puts its subject first), news outlets
    aside; ties go to the first named."""
    counts: Counter[str] = Counter()
    lead = ents.mentions[0].sentence_start if ents.mentions else 0
    for m, eid in zip(ents.mentions, ents.entity_of, strict=True):
        if ents.types[eid] == "Organization" and ents.kinds.get(eid) != "media":
            counts[eid] += 3 if m.subject and m.sentence_start == lead else 1
    return counts.most_common(1)[0][0] if counts else None
