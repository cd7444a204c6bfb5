"""Within-article references by description: "the exchange", "the company's", "its".

A definite description points back to the most recent entity before it whose
type (and, where the gazetteer knows it, kind) fits the noun, passing over names
in a relative clause of its own sentence; opening a new sentence, to the subject
of the last sentence that names one. A pronoun names
the latest body its own sentence names before it, else the previous sentence's
subject (see :func:`pronoun_antecedent`).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from graphbuild.extract.mentions import (
    COUNTRY_CODES,
    ArticleEntities,
    MentionSpan,
    topic_organization,
)

MEDIA = "media"
_COURT = "court"
_CENTRAL_BANK = "central_bank"

# Noun -> (entity types it can refer to, preferred kinds).
DESCRIPTIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "exchange": (frozenset({"Organization"}), frozenset({"exchange"})),
    "platform": (frozenset({"Organization"}), frozenset({"exchange"})),
    "bank": (frozenset({"Organization"}), frozenset({"bank"})),
    "lender": (frozenset({"Organization"}), frozenset({"bank"})),
    "fund": (frozenset({"Organization"}), frozenset({"fund"})),
    "company": (frozenset({"Organization"}), frozenset()),
    "firm": (frozenset({"Organization"}), frozenset()),
    "group": (frozenset({"Organization"}), frozenset()),
    "startup": (frozenset({"Organization"}), frozenset()),
    "start-up": (frozenset({"Organization"}), frozenset()),
    "business": (frozenset({"Organization"}), frozenset()),
    "steelmaker": (frozenset({"Organization"}), frozenset()),
    "chipmaker": (frozenset({"Organization"}), frozenset()),
    "planemaker": (frozenset({"Organization"}), frozenset()),
    "carmaker": (frozenset({"Organization"}), frozenset()),
    "automaker": (frozenset({"Organization"}), frozenset()),
    "retailer": (frozenset({"Organization"}), frozenset()),
    "fintech": (frozenset({"Organization"}), frozenset()),
    "drugmaker": (frozenset({"Organization"}), frozenset()),
    "brand": (frozenset({"Organization"}), frozenset()),
    "insurer": (frozenset({"Organization"}), frozenset()),
    "carrier": (frozenset({"Organization"}), frozenset()),
    "airline": (frozenset({"Organization"}), frozenset()),
    # "the Italian football club".
    "club": (frozenset({"Organization"}), frozenset()),
    "conglomerate": (frozenset({"Organization"}), frozenset()),
    "consortium": (frozenset({"Organization"}), frozenset()),
    # "The Microsoft-owned professional network", "the Cincinnati, Ohio-based maker of
    # Pampers", "a Utah-based healthcare services provider", "the bitcoin miner".
    "network": (frozenset({"Organization"}), frozenset()),
    "maker": (frozenset({"Organization"}), frozenset()),
    "provider": (frozenset({"Organization"}), frozenset()),
    "miner": (frozenset({"Organization"}), frozenset()),
    # "the board's lead director": the board of the company named before.
    "board": (frozenset({"Organization"}), frozenset()),
    "court": (frozenset({"Regulator"}), frozenset({_COURT})),
    "agency": (frozenset({"Regulator"}), frozenset()),
    # "the commission's deputy commissioner" after "Ireland's Data Protection Commission".
    "commission": (frozenset({"Regulator"}), frozenset()),
    "bureau": (frozenset({"Regulator"}), frozenset()),
    "regulator": (frozenset({"Regulator"}), frozenset()),
    # "The office sued Meta" after "the Texas Attorney General's Office".
    "office": (frozenset({"Regulator"}), frozenset()),
    "authority": (frozenset({"Regulator"}), frozenset()),
    # "the department" after "the Justice Department" or "the Treasury Department".
    "department": (frozenset({"Regulator", "Government"}), frozenset()),
    "ministry": (frozenset({"Regulator", "Government"}), frozenset()),
    "watchdog": (frozenset({"Regulator"}), frozenset()),
    "newspaper": (frozenset({"Organization"}), frozenset({MEDIA})),
    "paper": (frozenset({"Organization"}), frozenset({MEDIA})),
}

# Nouns that name only a body of their kind: "the court" is no regulator.
_ONLY_OF_KIND = frozenset({_COURT})

# Possessive pronouns point to the most recent organisation-like entity.
PRONOUNS = frozenset({"its", "their"})
BODY_TYPES = frozenset({"Organization", "Regulator", "Government"})
# Kinds a body's own name often says ("Gazprombank", "Deutsche Bank").
_NAMED_KINDS = frozenset({"bank"})
# A place used as an adjective ("the U.S. market") is not what "its" points to, nor is a
# name the tagger alone found ("iPhone users"); a gazetteer company ("Coinbase shares") is.
_PLACE_TYPES = frozenset({"Government", "Location"})


def antecedent(
    entities: ArticleEntities,
    before_char: int,
    noun: str,
    sentence_start: int | None = None,
    excluded: frozenset[str] = frozenset(),
    qualifier: str | None = None,
) -> str | None:
    """The entity id a description ("exchange") or pronoun ("its") at ``before_char`` names;
    none of ``excluded`` (the subject of the verb the description is the object of). A
    ``qualifier`` the description carries ("Irish" in "the Irish regulator") picks the
    bodies whose name holds it, when there are any."""
    noun = noun.lower()
    types: frozenset[str]
    kinds: frozenset[str]
    if noun in PRONOUNS:
        types, kinds = BODY_TYPES, frozenset()
    elif noun in DESCRIPTIONS:
        types, kinds = DESCRIPTIONS[noun]
    else:
        return None
    earlier = [
        (m, eid)
        for m, eid in zip(entities.mentions, entities.entity_of, strict=True)
        if m.end_char <= before_char
        and entities.types[eid] in types
        and _stands_alone(entities, m, eid)
        and not (m.relative and m.sentence_start == sentence_start)
        and eid not in excluded
    ]
    if not earlier and noun == "bank":
        # "the bank" after "the Reserve Bank of New Zealand", when no company is named
        # before it: a central bank.
        earlier = [
            (m, eid)
            for m, eid in zip(entities.mentions, entities.entity_of, strict=True)
            if m.end_char <= before_char and entities.kinds.get(eid) == _CENTRAL_BANK
        ]
    if qualifier is not None:
        named = [(m, eid) for m, eid in earlier if qualifier in m.name.split()]
        earlier = named or earlier
    earlier.reverse()
    # A pronoun takes the latest fit; a description opening a new sentence, the salient one.
    salient = noun not in PRONOUNS and sentence_start is not None
    if kinds:
        fitting = [(m, eid) for m, eid in earlier if entities.kinds.get(eid) in kinds]
        if fitting:
            return _salient(fitting, sentence_start) if salient else fitting[0][1]
        if noun in _ONLY_OF_KIND:
            return None
    if qualifier is None and noun in _NAMED_KINDS:
        # No body known to be of the kind: "the bank" after "Gazprombank" and "the
        # Kremlin" is the body whose name calls it so.
        named = [(m, eid) for m, eid in earlier if noun in m.name.lower()]
        earlier = named or earlier
    # A news outlet is the antecedent only of words that mean an outlet, and a court only
    # of "the court" ("The department" after "Judge Amit Mehta of the U.S. District Court"
    # is the Justice Department).
    earlier = [
        (m, eid)
        for m, eid in earlier
        if entities.kinds.get(eid) not in (MEDIA, _COURT) or entities.kinds.get(eid) in kinds
    ]
    if not earlier:
        return None
    return _salient(earlier, sentence_start) if salient else earlier[0][1]


_BASED_WORDS = frozenset({"based", "headquartered"})


def _based_at(token: Token) -> str | None:
    """The place word of "Dallas-based" or "New York-based" ending just before ``token``."""
    doc = token.doc
    i = token.i
    if i < 3 or doc[i - 1].lower_ not in _BASED_WORDS or doc[i - 2].text != "-":
        return None
    return doc[i - 3].lower_


def based_elsewhere(entities: ArticleEntities, noun: Token) -> frozenset[str]:
    """The bodies an earlier "X-based" put somewhere other than where the description
    ``noun`` puts its own: after "Dallas-based Frontier", "the New York-based carrier" is
    not Frontier."""
    based = next((c for c in noun.children if c.lower_ in _BASED_WORDS and c.i < noun.i), None)
    if based is None or based.i < 2 or noun.doc[based.i - 1].text != "-":
        return frozenset()
    place = noun.doc[based.i - 2].lower_
    elsewhere = set()
    for mention, eid in zip(entities.mentions, entities.entity_of, strict=True):
        if mention.end > noun.i or mention.start == 0:
            continue
        other = _based_at(noun.doc[mention.start])
        if other is not None and other != place:
            elsewhere.add(eid)
    return frozenset(elsewhere)


def antecedents(entities: ArticleEntities, before_char: int, noun: str, count: int) -> list[str]:
    """The ``count`` bodies a plural description ("both companies", "the two banks") at
    ``before_char`` names: the latest ``count`` different ones that fit the noun."""
    if noun not in DESCRIPTIONS:
        return []
    types = DESCRIPTIONS[noun][0]
    found: list[str] = []
    for m, eid in reversed(list(zip(entities.mentions, entities.entity_of, strict=True))):
        if m.end_char > before_char or entities.types[eid] not in types:
            continue
        if _stands_alone(entities, m, eid) and eid not in found:
            found.append(eid)
        if len(found) == count:
            return found[::-1]
    return []


def _stands_alone(entities: ArticleEntities, mention: MentionSpan, eid: str) -> bool:
    """Whether a mention can be what a later word points to: not a place used as an
    adjective ("the U.S. market"), nor a tagger-only name modifying a noun."""
    # Nor a company's business in a country ("Walmart U.S."): "the company" after it is
    # the company.
    unit = mention.name.split()[-1] in COUNTRY_CODES
    return not unit and not (
        mention.modifier and (entities.types[eid] in _PLACE_TYPES or not mention.curated)
    )


def _salient(candidates: list[tuple[MentionSpan, str]], sentence_start: int | None) -> str:
    """Among candidates (latest first): when the latest is in an earlier sentence, that
    sentence's subject if it fits ("UBS completed its takeover of Credit Suisse. The
    lender ..." is UBS), or the subject's owner ("Ampere's shareholders will sell");
    else the one of that sentence the article names most (ties: the latest)."""
    latest = candidates[0][0]
    if latest.sentence_start == sentence_start:
        return candidates[0][1]
    same = [(m, eid) for m, eid in candidates if m.sentence_start == latest.sentence_start]
    for mention, eid in same:
        if mention.subject:
            return eid
    for mention, eid in same:
        if mention.owns_subject:
            return eid
    # No subject fits ("he led operations for Nike and Jordan Brand"): the one named most.
    named = Counter(eid for _, eid in candidates)
    return max(same, key=lambda found: named[found[1]])[1]


def pronoun_antecedent(entities: ArticleEntities, pronoun: Token) -> str | None:
    """The body a pronoun ("it", "its", "their") names.

    The latest body its own sentence names before it, by name or by description ("The
    New York-based company ... when it paid"); in a sentence that names none, the
    previous sentence's subject ("BitMEX paid $100m to settle with the CFTC. Its
    founders ..." is BitMEX), which may itself be a description ("the exchange"); else
    the salient body of the latest sentence that names one.
    """
    sent = pronoun.sent
    before = list(reversed(pronoun.doc[sent.start : pronoun.i]))
    # A pronoun is not what the other side of its verb names: in "when the OCC also fined
    # it", "it" is the bank named before; in "when it fined the bank", "it" is no bank.
    other = {
        "dobj": ("nsubj",),
        "dative": ("nsubj",),
        "nsubj": ("dobj", "dative"),  # "fined the bank $58 million": the bank is a dative
    }.get(pronoun.dep_, ())
    opposite = next((c for c in pronoun.head.children if c.dep_ in other), None)
    named = _named_body(entities, opposite) if opposite is not None else None
    before = [t for t in before if named is None or _named_body(entities, t) != named]
    # Nor the body a description set beside it tells of: in "TTAM Research Institute, a
    # non-profit founded by its co-founder", "its" is a body named before.
    itself = _described_by(entities, pronoun)
    before = [t for t in before if itself is None or _named_body(entities, t) != itself]
    owner_of = pronoun.head
    while owner_of.dep_ == "compound" and owner_of.head.i != owner_of.i:
        owner_of = owner_of.head  # "its chief executive David Duffy"
    if pronoun.dep_ == "poss" and owner_of.dep_ in ("nsubj", "nsubjpass"):
        # "Virgin Money had its shares removed from the London Stock Exchange, and its
        # chief executive David Duffy stepped down": the subject of the clause before.
        verb = owner_of.head
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            first = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            found = _named_body(entities, first) if first is not None else None
            if found is not None:
                return found
    if pronoun.dep_ in ("nsubj", "nsubjpass"):
        # A subject "it" names a subject before it: "when Delivery Hero bought a stake in
        # Glovo, and July 2022, when it took sole control" is Delivery Hero.
        for token in before:
            found = _named_body(entities, token)
            if found is not None and token.dep_ in ("nsubj", "nsubjpass"):
                return found
    for token in before:
        found = _named_body(entities, token)
        if found is not None and not (
            entities.types[found] in _PLACE_TYPES and _where_something_is(token)
        ):
            return found
    if sent.start > 0:
        previous = pronoun.doc[sent.start - 1].sent
        subject = next(
            (t for t in previous.root.children if t.dep_ in ("nsubj", "nsubjpass")), None
        )
        if subject is not None and pronoun.lower_ != "their" and _a_list(subject):
            # "Nvidia, Accel and Jane Street also invested in the round. … Murati, its
            # chief executive": a list is no "it"; the company the article is about is.
            return topic_organization(entities)
        found = _named_body(entities, subject) if subject is not None else None
        if found is not None:
            return found
    return antecedent(entities, pronoun.idx, "its", sent.start_char)


def _subject_acting_on(entities: ArticleEntities, noun: Token) -> frozenset[str]:
    """The named subject of the verb a description is the object of: in "Tether bought
    into the club", the club is not Tether."""
    if noun.dep_ not in ("dobj", "pobj"):
        return frozenset()
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    hit = entities.at_token(subject.i) if subject is not None else None
    return frozenset({entities.entity_of[hit[0]]}) if hit is not None else frozenset()


_DEFINITE = frozenset({"the", "this"})


def is_definite(noun: Token) -> bool:
    """Whether a description is definite: "the" or "this" opens its phrase. The parse may
    hang the determiner on a place in it ("The Santa Clara, California-based company"), so
    the words before the noun are read back to the first that no such phrase holds."""
    if any(c.lower_ in _DEFINITE for c in noun.children) or noun.left_edge.lower_ in _DEFINITE:
        return True
    i = noun.i - 1
    doc = noun.doc
    while i >= noun.sent.start and (
        doc[i].pos_ in ("PROPN", "ADJ", "NOUN")
        or doc[i].text in (",", "-")
        or doc[i].lower_ in _BASED_WORDS
    ):
        i -= 1
    return i >= noun.sent.start and doc[i].lower_ in _DEFINITE


def _described_by(entities: ArticleEntities, pronoun: Token) -> str | None:
    """The body named just before the description a pronoun is in: an apposition, or
    "a ..." set off by a comma after the name, where the parse loses the apposition."""
    described = next((a.head for a in pronoun.ancestors if a.dep_ == "appos"), None)
    if described is not None:
        return _named_body(entities, described)
    doc = pronoun.doc
    comma = next(
        (i for i in range(pronoun.i - 1, pronoun.sent.start, -1) if doc[i].text == ","), None
    )
    if comma is None or doc[comma + 1].lower_ not in ("a", "an"):
        return None
    return _named_body(entities, doc[comma - 1])


def _a_list(token: Token) -> bool:
    """Whether a subject names several things: "Nvidia, Accel and AMD" (the parse may hang
    the second name on the first as an apposition)."""
    return any(
        c.dep_ == "conj" or (c.dep_ == "appos" and c.i == token.i + 2) for c in token.children
    ) and any(c.dep_ == "cc" or c.lower_ == "and" for c in token.subtree)


def _where_something_is(token: Token) -> bool:
    """Whether a place's name says only where something is: "CyberArk, headquartered in
    Petah Tikva, Israel, was co-founded by Udi Mokady, now its executive chairman" (the
    name under "in", or beside a town that is)."""
    for node in [token, *token.ancestors]:
        if node.dep_ == "pobj" and node.head.lower_ == "in":
            return True
        if node.pos_ in ("VERB", "AUX") or node.dep_ not in ("pobj", "appos", "npadvmod", "conj"):
            return False
    return False


def _named_body(entities: ArticleEntities, token: Token) -> str | None:
    """The body a token names, by name or through a description ("the exchange"); not a
    name that only modifies a noun ("the U.S. market")."""
    hit = entities.at_token(token.i)
    if hit is not None:
        position, mention = hit
        eid = entities.entity_of[position]
        fits = entities.types[eid] in BODY_TYPES and _stands_alone(entities, mention, eid)
        return eid if fits else None
    word = token.lower_
    if word in DESCRIPTIONS and is_definite(token):
        excluded = _subject_acting_on(entities, token)
        return antecedent(entities, token.idx, word, token.sent.start_char, excluded)
    return None
