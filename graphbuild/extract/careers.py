"""Appointments and resignations, and the dated roles they give.

"Richard Teng took over as CEO in November 2023" gives an ``Appointment``
event (appointee Teng, organisation Binance, date 2023-11) and
``ROLE_AT {role: CEO, since: 2023-11}``; "Zhao stepped down as chief
executive" gives a ``Resignation`` and ``ROLE_AT {role: former CEO}`` (with
``until`` when a date is given). So a researcher can ask who held a role when.

The organisation is the one the title names ("CEO of Binance", "Binance's
CEO"), else the organisation the article is about: the one it names most
often (news outlets aside), which the rule name records as ``topic``. In an article
about no company, a title that names no body is at the one body the article gives that
post at, if there is one (``post``:
"stepped down as vice chair for supervision" after "the Federal Reserve's vice chair for
supervision").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graphbuild.extract.coref import DESCRIPTIONS, PRONOUNS, antecedent, pronoun_antecedent
from graphbuild.extract.frames import negated_or_hedged
from graphbuild.extract.mentions import PERSON, ArticleEntities, topic_organization
from graphbuild.extract.relations import BODY_TYPES, ROLE_AT, RoleReader, is_bare_head
from graphbuild.extract.values import PUBLISHED, date_near, span_evidence
from graphbuild.ids import event_id, event_occasion, relation_id
from graphbuild.models import Event, EventDate, Evidence, Participant, Relation

APPOINTMENT = "Appointment"
RESIGNATION = "Resignation"

# Verbs whose clause puts a person into a title, and those that take one out.
_APPOINT = frozenset(
    {"appoint", "name", "hire", "promote", "elect", "tap", "become", "succeed", "reappoint",
     "return", "install", "choose", "select", "pick", "nominate", "join", "confirm",
     "approve"}
)  # fmt: skip
_RESIGN = frozenset({"resign", "quit", "leave", "depart", "retire", "oust", "fire", "remove"})
# Verbs that need a particle: "took over as", "stepped down as".
_APPOINT_PARTICLE = {"take": "over", "bring": "back"}
_RESIGN_PARTICLE = {"step": "down", "hand": "over", "give": "up"}

CONFIDENCE = {"career/named_org": 0.8, "career/post": 0.7, "career/topic": 0.6}


_ROLE_NOUNS = frozenset({"role", "job", "post", "position"})
# Words that make a description a body formed by a deal: "the combined company".
_NEW_BODY = frozenset({"combined", "merged", "enlarged", "new"})


def _governing_verb(title: Span) -> Token | None:
    """The verb a title is the complement of: "took over [as CEO]", "named Teng [CEO]".

    A title inside the subject ("Binance co-founder Zhao stepped down") has none.
    """
    root = title.root
    # "stepped down as vice chair for supervision": the parse may hang the title's own "for"
    # on the verb, past the head word after "as".
    after_as = [t for t in title if t.dep_ == "pobj" and t.head.lower_ == "as"]
    if root.dep_ == "prep" and after_as:
        root = after_as[0]
    # "as president and CEO": a coordinated title shares the first one's verb.
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.pos_ in ("VERB", "AUX"):
        return root.head.head
    as_job = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else None
    if as_job is not None and as_job.lemma_.lower() in _ROLE_NOUNS and as_job.dep_ == "dobj":
        return as_job.head  # "gave up his job as Binance's chief executive"
    if root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in _ROLE_NOUNS:
        root = root.head  # "handed [the chief executive role] to Matt Cohen"
    if root.dep_ in ("oprd", "attr", "dobj") and root.head.pos_ in ("VERB", "AUX"):
        verb = root.head
        # "named its chief financial officer, Georges Elhedery, as chief executive": the
        # object's title describes the person; the role given is the one after "as".
        if root.dep_ == "dobj" and any(c.lower_ == "as" for c in verb.children):
            return None
        return _named_to_be(verb) or verb
    return None


def _named_to_be(verb: Token) -> Token | None:
    """ "nominated Kevin Warsh to be the next chair": the verb that names the person, not
    the "to be" that carries the title (the parse may hang it on the person's name)."""
    if verb.lemma_.lower() != "be" or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None
    head = verb.head
    if verb.dep_ in ("relcl", "acl") and head.dep_ == "dobj":
        head = head.head
    return head if head.pos_ == "VERB" and _lemma(head, _APPOINT) in _APPOINT else None


def _lemma(verb: Token, words: frozenset[str]) -> str:
    """The verb's lemma, or the word of ``words`` it inflects when the lemmatiser missed
    it ("reappointed" -> "reappointe")."""
    lemma = verb.lemma_.lower()
    if lemma in words:
        return lemma
    form = verb.lower_
    for word in words:
        if form in (word + "ed", word + "d", word + "s", word + "ing"):
            return word
    return lemma


def _kind(verb: Token) -> str | None:
    lemma = _lemma(verb, _APPOINT | _RESIGN)
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
    if lemma in _APPOINT or _APPOINT_PARTICLE.get(lemma) in particles:
        return APPOINTMENT
    if lemma in _RESIGN or _RESIGN_PARTICLE.get(lemma) in particles:
        return RESIGNATION
    if _handed_to(verb) is not None:
        return APPOINTMENT  # "handed the chief executive role to Matt Cohen"
    if lemma == "serve" and any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children
    ):
        return APPOINTMENT  # "will serve as interim chief executive"; not "has served as"
    return None


def _hands_over_a_role(verb: Token, title: Span) -> bool:
    """What "hand over" gives up must be the title: "will hand over the chief executive
    role", not "hand over the documents to the company's lawyers"."""
    if verb.lemma_.lower() != "hand":
        return True
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    named = obj.lemma_.lower() in _ROLE_NOUNS and title.root.head.i == obj.i
    return obj.i == title.root.i or named


def _person(
    verb: Token, title: Span, ents: ArticleEntities, by_token: dict[int, str]
) -> str | None:
    # The parse may hang the name on the title: "named [Richard Teng CEO]".
    before = by_token.get(title.start - 1)
    if before is not None and ents.types[before] == PERSON:
        return before
    # "Binance named Teng CEO": the object is the appointee; else the subject.
    for deps in (("dobj", "oprd"), ("nsubjpass", "nsubj")):
        for child in verb.children:
            if child.dep_ in deps:
                eid = _person_named(child, ents, by_token)
                if eid is not None:
                    return eid
                # "Mellody Hobson, who becomes the board's lead director".
                if child.lower_ == "who" and verb.dep_ == "relcl":
                    eid = by_token.get(verb.head.i)
                    if eid is not None and ents.types[eid] == PERSON:
                        return eid
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return _person(verb.head, title, ents, by_token)
    return None


def _coordinated_with(
    person: str, verb: Token, ents: ArticleEntities, by_token: dict[int, str]
) -> list[str]:
    """The people coordinated with the verb's subject or object that names ``person``."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and by_token.get(child.i) == person:
            found = [by_token.get(c.i) for c in child.conjuncts]
            return [e for e in found if e is not None and ents.types[e] == PERSON and e != person]
    return []


def _person_named(token: Token, ents: ArticleEntities, by_token: dict[int, str]) -> str | None:
    """The person a token names: a mention, the name beside a description ("its chief
    financial officer, Georges Elhedery"), or "he"/"she" for the last person named."""
    candidates = [token, *(c for c in token.children if c.dep_ == "appos")]
    for candidate in candidates:
        eid = by_token.get(candidate.i)
        if eid is not None and ents.types[eid] == PERSON:
            return eid
    if token.lower_ in _PERSON_PRONOUNS | _OBJECT_PRONOUNS:
        return _pronoun_person(token, ents)
    return None


def _pronoun_person(token: Token, ents: ArticleEntities) -> str | None:
    """Who "he" or "she" is: a person subject earlier in the sentence, else the subject of
    the last sentence naming a person, else the last person named."""
    earlier = [
        (m, e)
        for m, e in zip(ents.mentions, ents.entity_of, strict=True)
        if m.end <= token.i and ents.types[e] == PERSON
    ]
    if not earlier:
        return None
    here = [(m, e) for m, e in earlier if m.sentence_start == token.sent.start_char]
    if any(m.subject for m, _ in here):
        return next(e for m, e in here if m.subject)
    last = [(m, e) for m, e in earlier if m.sentence_start == earlier[-1][0].sentence_start]
    return next((e for m, e in last if m.subject), earlier[-1][1])


def _named_org(title: Span, ents: ArticleEntities, by_token: dict[int, str]) -> str | None:
    """An organisation the title phrase itself names: "CEO of Binance", "Binance's CEO";
    in "chair of the U.S. central bank", the bank, not the country that modifies it."""
    for token in title.root.subtree:
        eid = by_token.get(token.i)
        modifies = by_token.get(token.head.i)
        if token.dep_ in ("nmod", "compound") and modifies not in (None, eid):
            continue
        if eid is not None and ents.types[eid] in BODY_TYPES:
            return eid
    before = title.start - 1
    if before >= 0 and title.doc[before].tag_ == "POS":
        before -= 1
    eid = by_token.get(before) if before >= 0 else None
    if eid is not None and ents.types[eid] in BODY_TYPES:
        return eid
    root = title.root
    if root.dep_ == "conj" and root.head.i < title.start:
        # "Seven & i's president and chief executive": the second title shares the first's.
        first = title.doc[root.head.left_edge.i : root.head.i + 1]
        return _named_org(first, ents, by_token) if first.start < title.start else None
    return None


def _own_title_of(
    title: Span, verb: Token, ents: ArticleEntities, by_token: dict[int, str]
) -> str | None:
    """ "Bitfarms fired its chief executive", "Nike named Hill as its chief executive",
    "named Josh D'Amaro ... as its next chief executive": the body that acts on its own
    title is the verb's subject."""
    before = title.start - 1
    # Past the title's lowercase modifiers: "its next", "its new".
    while (
        before > title.sent.start and title.doc[before].pos_ == "ADJ" and title.doc[before].is_lower
    ):
        before -= 1
    if before < 0 or title.doc[before].lower_ not in ("its", "their"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    eid = by_token.get(subject.i) if subject is not None else None
    if subject is not None and subject.lower_ in ("it", "they"):
        eid = pronoun_antecedent(ents, subject)  # "It also named Tom Lee ... as its chairman"
    return eid if eid is not None and ents.types[eid] in BODY_TYPES else None


def _where_org(verb: Token, ents: ArticleEntities, by_token: dict[int, str]) -> str | None:
    """ "spent 16 years at Goldman Sachs, where he became a partner": the body a "where"
    clause hangs on."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    eid = by_token.get(verb.head.i)
    return eid if eid is not None and ents.types[eid] in BODY_TYPES else None


def _joined_org(verb: Token, ents: ArticleEntities, by_token: dict[int, str]) -> str | None:
    """ "Jane Fraser joined Citigroup as chief financial officer": the body joined."""
    if verb.lemma_.lower() != "join":
        return None
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        eid = by_token.get(child.i)
        if eid is None and child.lemma_.lower() == "board":
            # "is to join Huntington's board as non-executive vice chairman".
            owner = next((c for c in child.children if c.dep_ == "poss"), None)
            eid = by_token.get(owner.i) if owner is not None else None
        if eid is not None and ents.types[eid] in BODY_TYPES:
            return eid
    return None


# Taking charge without a title: "took the helm at Disney", "tapped Bob Iger to lead".
_HELM_NOUNS = frozenset({"helm", "reins", "charge"})
_LEAD_VERBS = frozenset({"lead", "run", "head"})
_LEAVE = frozenset({"retire", "resign", "quit"})
_EXIT = frozenset({"leave", "depart"})
_SUCCEED = frozenset({"succeed", "replace"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_OBJECT_PRONOUNS = frozenset({"him", "her"})


def _departed(
    verb: Token, ents: ArticleEntities, by_token: dict[int, str], descriptions: dict[int, str]
) -> str | None:
    """The person who left in "Pat Gelsinger retired", "he had stepped down", "Philipp
    Rickenbacher was leaving with immediate effect", "left the bank" (no title after the
    verb)."""
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
    left = lemma in _LEAVE or _RESIGN_PARTICLE.get(lemma) in particles
    if lemma in _EXIT:
        # Leaving a body, or just leaving; not "left the meeting" or "left for Paris".
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        goes = any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in verb.children)
        body = None if obj is None else by_token.get(obj.i) or descriptions.get(obj.i)
        left = not goes and (obj is None or (body is not None and ents.types[body] in BODY_TYPES))
    if not left:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ == "who":
        subject = _clause_subject(verb)  # "Jonathan Akeroyd, who left the brand"
    if subject is None:
        return None
    eid = by_token.get(subject.i)
    if eid is None and subject.lower_ in _PERSON_PRONOUNS:
        eid = _pronoun_person(subject, ents)
    return eid if eid is not None and ents.types[eid] == PERSON else None


def _label_of(
    verb: Token,
    titles: list[Span],
    reader: RoleReader,
    ents: ArticleEntities,
    person: str,
    org: str,
) -> Span | None:
    """The title set before the subject's name ("chief executive Philipp Rickenbacher"),
    which the departure ends; none for a title of another body ("Binance CEO"). One of
    the body left ("its chief executive David Duffy stepped down") is ended too."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    named = ents.at_token(subject.i) if subject is not None else None
    if named is None or ents.entity_of[named[0]] != person:
        return None
    title = next((t for t in titles if t.end == named[1].start), None)
    if title is None or not _effective(verb):
        return None
    before = reader.word_before(title)
    if before is not None and before.tag_ == "PRP$" and pronoun_antecedent(ents, before) == org:
        return title  # "its chief executive David Duffy stepped down", its being the body left
    if before is not None and (before.pos_ == "PROPN" or before.tag_ in ("POS", "PRP$")):
        return None  # the title's own owner: "Binance CEO", "its chief executive"
    return title


def _effective(verb: Token) -> bool:
    """Whether a departure has taken place ("stepped down", "was leaving with immediate
    effect"), not one only announced ("will step down", "was leaving after eight years")."""
    if any(c.lower_ in ("immediately", "now") for c in verb.children) or _at_once(verb):
        return True
    # "was leaving" is under way, not done.
    return _in_the_past(verb) and verb.tag_ != "VBG"


def _at_once(verb: Token) -> bool:
    """ "with immediate effect", on the verb or on the title it gives ("would return as its
    chief executive with immediate effect")."""
    return any(
        t.lemma_.lower() == "effect"
        and t.head.lower_ == "with"
        and any(a.lower_ == "immediate" for a in t.children)
        for t in verb.subtree
    )


# Verbs that name someone to a post that may be taken later ("named her as its next chief
# executive"); the others tell the move itself ("took over", "became", "succeeded").
_NAMING = frozenset(
    {"appoint", "name", "hire", "promote", "elect", "tap", "reappoint", "install", "choose",
     "select", "pick", "nominate", "confirm", "approve"}
)  # fmt: skip


def _moved(verb: Token) -> bool:
    """Whether an appointment has taken effect: a move told as done, or one with immediate
    effect; a naming in the past tense is only announced."""
    if _at_once(verb):
        return True
    return _lemma(verb, _NAMING) not in _NAMING and _in_the_past(verb) and verb.tag_ != "VBG"


def _named_before(eid: str | None, verb: Token, ents: ArticleEntities) -> bool:
    return eid is not None and any(
        e == eid and m.end <= verb.i for m, e in zip(ents.mentions, ents.entity_of, strict=True)
    )


def _took_charge(
    verb: Token, ents: ArticleEntities, by_token: dict[int, str], resolve_org: dict[int, str]
) -> tuple[str, str | None] | None:
    """(appointee, organisation or None) for "X took the helm at Y", "Y tapped X to lead
    it", "Y hired X to run its investment bank"."""
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if lemma == "take" and obj is not None and _helm(obj):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ == "who":
            subject = _clause_subject(verb)  # "Charlie Scharf, who took charge in 2019"
        person = by_token.get(subject.i) if subject is not None else None
        if person is None or ents.types[person] != PERSON:
            return None
        org = None
        for token in verb.subtree:
            if token.dep_ == "pobj" and token.head.lower_ in ("at", "of"):
                org = by_token.get(token.i) or resolve_org.get(token.i)
        return person, org
    if lemma in _LEAD_VERBS and verb.dep_ == "xcomp" and _kind(verb.head) == APPOINTMENT:
        appointee = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        person = by_token.get(appointee.i) if appointee is not None else None
        if person is None or ents.types[person] != PERSON:
            return None
        org = None
        if obj is not None:
            org = by_token.get(obj.i) or resolve_org.get(obj.i)
        return person, org
    return None


# Verbs that keep a seat on a board: "sits on Stripe's board", "will stay on its board".
_SEATED = frozenset({"sit", "stay", "remain", "serve"})


def _board_seat(
    verb: Token,
    ents: ArticleEntities,
    by_token: dict[int, str],
    resolve_org: dict[int, str],
    topic: str | None,
) -> tuple[str, str, bool, str] | None:
    """(person, organisation, joined, rule) for a seat on a board: joined in "Brad Smith will
    join the board of G42", "joined Intel's board", "will also join the board"; held in
    "sits on Stripe's board", "will stay on its board". "The board" alone is the article's
    company's (rule ``career/topic``)."""
    lemma = verb.lemma_.lower()
    if lemma == "join":
        board = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "board"), None)
    elif lemma in _SEATED:
        on = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"]
        board = next((o for p in on for o in p.children if o.lower_ == "board"), None)
    else:
        return None
    subject = _clause_subject(verb)
    if board is None or subject is None:
        return None
    person = _person_named(subject, ents, by_token)
    owners = [c for c in board.children if c.dep_ == "poss"]
    owners += [o for p in board.children if p.lower_ == "of" for o in p.children]
    # "the board of directors" names no owner.
    owners = [o for o in owners if o.lemma_.lower() not in ("director", "trustee", "governor")]
    for owner in owners:
        org = by_token.get(owner.i) or resolve_org.get(owner.i)
        if person is not None and org is not None and ents.types[org] in BODY_TYPES:
            return person, org, lemma == "join", "career/named_org"
    if person is None:
        return None
    # "its board": the body the pronoun names; "the board": the article's company.
    if any(o.lower_ in PRONOUNS for o in owners):
        org = resolve_org.get(board.i)
        return (person, org, lemma == "join", "career/named_org") if org is not None else None
    if not owners and topic is not None:
        return person, topic, lemma == "join", "career/topic"
    return None


def _clause_subject(verb: Token) -> Token | None:
    """A verb's subject, also one it shares with the verb it is coordinated with, and the
    person a "who" clause hangs on: "Jesse Powell, who co-founded Kraken and remains its
    chairman"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    clause = verb
    if subject is None and verb.dep_ == "conj":
        clause = verb.head
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ == "who" and clause.dep_ == "relcl":
        subject = clause.head
        if subject.dep_ == "appos":
            subject = subject.head  # "Matt Huang, a co-founder of Paradigm who sits on"
    return subject


def _helm(noun: Token) -> bool:
    """ "the helm", "the reins", "the top job", "charge"."""
    word = noun.lemma_.lower()
    if word == "charge":
        # "who took charge in 2019", "took charge of the bank"; not "took a $1 billion
        # charge".
        return all(c.dep_ == "prep" and c.lower_ in ("of", "at") for c in noun.children)
    return word in _HELM_NOUNS or (word == "job" and any(c.lower_ == "top" for c in noun.children))


def _succession(
    verb: Token, ents: ArticleEntities, by_token: dict[int, str]
) -> tuple[str, str] | None:
    """(successor, predecessor) from "Y will succeed X", "X would be replaced by Y", "He will
    be succeeded by Fernando Fernandez"."""
    named = _named_successor(verb, ents, by_token)
    if named is not None:
        return named
    handover = _handed_to(verb)
    taken_from = _taken_over_from(verb)
    if handover is None and taken_from is None and _lemma(verb, _SUCCEED) not in _SUCCEED:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    sharer = verb
    while subject is None and sharer.dep_ in ("conj", "advcl") and sharer.head.i != sharer.i:
        # "Schneider was leaving … and would be replaced by Freixe", "Diess took the top
        # job in 2018, succeeding Matthias Müller": the shared subject, past a verb the
        # parse put between ("is stepping down …, the company said, and will be replaced").
        sharer = sharer.head
        subject = next((c for c in sharer.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "xcomp" and _lemma(verb.head, _APPOINT) in _APPOINT:
        # "the board named Daniel Ervér ... to replace her": the one named replaces.
        subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if subject is not None and subject.lower_ == "who":
        # "Udi Mokady, now its executive chairman, who handed the chief executive role to
        # Matt Cohen", "Marguerite Bérard, who succeeded Robert Swaak": the person the
        # clause hangs on.
        subject = _clause_subject(verb)
    if subject is None:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    successor_token: Token | None
    predecessor_token: Token | None
    if handover is not None:
        # "will step down … and hand the job to Greg Abel".
        successor_token, predecessor_token = handover, subject
    elif taken_from is not None:
        # "Ripley took over as chief executive in 2023 from Jesse Powell".
        successor_token, predecessor_token = subject, taken_from
    elif passive:
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        successor_token, predecessor_token = by, subject
    else:
        successor_token = subject
        predecessor_token = next((c for c in verb.children if c.dep_ == "dobj"), None)
        with_whom = _prep_object(verb, "with")
        if with_whom is not None and _person_named(subject, ents, by_token) is None:
            # "CVS Health replaced chief executive Karen Lynch with David Joyner": the
            # company replaces one person with another.
            successor_token = with_whom
    return _two_people(successor_token, predecessor_token, ents, by_token)


def _two_people(
    successor: Token | None,
    predecessor: Token | None,
    ents: ArticleEntities,
    by_token: dict[int, str],
) -> tuple[str, str] | None:
    """The two different people a successor's and a predecessor's tokens name, if both do."""
    if successor is None or predecessor is None:
        return None
    one = _person_named(successor, ents, by_token)
    other = _person_named(predecessor, ents, by_token)
    if one is None or other is None or one == other:
        return None
    return one, other


def _successor_to(noun: Token) -> Token | None:
    """Whom a "successor" noun succeeds: "Calhoun's successor", "a successor to Bob Iger"."""
    if noun.lemma_.lower() != "successor":
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("to", "of"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _named_successor(
    verb: Token, ents: ArticleEntities, by_token: dict[int, str]
) -> tuple[str, str] | None:
    """(successor, predecessor) from "Boeing named Kelly Ortberg as Dave Calhoun's
    successor" or "Ortberg was named Calhoun's successor"."""
    if _lemma(verb, _APPOINT) not in _APPOINT:
        return None
    nouns = [c for c in verb.children if c.dep_ in ("oprd", "attr", "dobj")]
    nouns += [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for c in p.children]
    noun = next((n for n in nouns if _successor_to(n) is not None), None)
    if noun is None:
        return None
    appointee = next(
        (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i != noun.i), None
    )
    return _two_people(appointee, _successor_to(noun), ents, by_token)


def _predecessor_beside(verb: Token, ents: ArticleEntities, by_token: dict[int, str]) -> str | None:
    """The one replaced, named by a clause beside an appointment: "named Joshua Schulman as
    its chief executive, replacing Jonathan Akeroyd", "became chief executive of DBS,
    taking over from Piyush Gupta"; the parse may hang the clause on the one appointed
    ("nominated Kevin Warsh ..., succeeding Jerome Powell")."""
    # "named Josh D'Amaro as its next chief executive, ending a long search for a
    # successor to Bob Iger".
    for noun in verb.subtree:
        replaced = _successor_to(noun)
        if replaced is not None and not negated_or_hedged(verb):
            return _person_named(replaced, ents, by_token)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    on_object = [c for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBG"]
    for clause in [*verb.children, *on_object]:
        if clause.dep_ not in ("advcl", "conj", "acl") or negated_or_hedged(clause):
            continue
        taken_from = _taken_over_from(clause)
        if taken_from is not None:
            return _person_named(taken_from, ents, by_token)
        if _lemma(clause, _SUCCEED) in _SUCCEED:
            replaced = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if replaced is not None:
                return _person_named(replaced, ents, by_token)
    return None


def _plural_title(title: Span) -> bool:
    """ "co-chief executives", "the co-chief executive roles"."""
    doc = title.doc
    after = doc[title.end] if title.end < len(doc) else None
    roles = after is not None and after.tag_ == "NNS" and after.lemma_.lower() in _ROLE_NOUNS
    return title.root.tag_ == "NNS" or roles


def _coordinated_sides(
    verb: Token, ents: ArticleEntities, by_token: dict[int, str]
) -> tuple[list[str], list[str]]:
    """The people coordinated with the first successor and the first predecessor of a
    handover: "A and B handed the roles to C and D" gives ([D], [B])."""

    def people(token: Token | None) -> list[str]:
        found = [by_token.get(c.i) for c in token.conjuncts] if token is not None else []
        return [e for e in found if e is not None and ents.types[e] == PERSON]

    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    handover = _handed_to(verb)
    if handover is not None:
        return people(handover), people(subject)
    replaced = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return people(subject), people(replaced)


def _handed_to(verb: Token) -> Token | None:
    """Whom "hand the job to" or "pass the reins to" names: the one who takes the role."""
    if verb.lemma_.lower() not in ("hand", "pass"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in _ROLE_NOUNS | {"rein", "reins"}:
        return None
    return _prep_object(verb, "to", ("prep", "dative"))


def _prep_object(verb: Token, word: str, deps: tuple[str, ...] = ("prep",)) -> Token | None:
    """The object of the verb's first preposition ``word``: "to" in "hand the job to Greg
    Abel", "from" in "took over from Jesse Powell"."""
    prep = next((c for c in verb.children if c.dep_ in deps and c.lower_ == word), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _employer_in(sent: Span, person: str, title_roles: list[Relation]) -> str | None:
    """The body where a current title in ``sent`` places ``person``."""
    return next(
        (
            r.object
            for r in title_roles
            if r.predicate == ROLE_AT
            and r.subject == person
            and not str(r.properties.get("role")).startswith("former ")
            and any(sent.start_char <= e.start < sent.end_char for e in r.evidence)
        ),
        None,
    )


def _holds_there(person: str, org: str | None, role: str, title_roles: list[Relation]) -> bool:
    """Whether a title already has ``person`` in ``role`` at ``org``."""
    return org is not None and any(
        r.subject == person and r.object == org and r.properties.get("role") == role
        for r in title_roles
        if r.predicate == ROLE_AT
    )


def _alongside(
    title: Span, verb: Token, ents: ArticleEntities, by_token: dict[int, str]
) -> list[str]:
    """The people a shared title is shared with: "as co-chief executive alongside Dave
    Ripley"."""
    preps = [
        c
        for t in (title.root, verb)
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in ("alongside", "with")
    ]
    found = [
        _person_named(o, ents, by_token) for p in preps for o in p.children if o.dep_ == "pobj"
    ]
    return [eid for eid in found if eid is not None]


def _taken_over_from(verb: Token) -> Token | None:
    """Whom "took over from" names: the one whose role the subject took."""
    if verb.lemma_.lower() != "take" or not any(
        c.dep_ == "prt" and c.lower_ == "over" for c in verb.children
    ):
        return None
    return _prep_object(verb, "from")


def _in_the_past(verb: Token) -> bool:
    """ "succeeded", "was replaced", "has succeeded"; not "will succeed"."""
    if verb.tag_ == "VBD":
        return True
    return any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_.lower() == "have")
        for c in verb.children
    )


def _org_at(verb: Token, ents: ArticleEntities, by_token: dict[int, str]) -> str | None:
    """ "succeeded Steve Jobs at Apple": the body the verb's "at" names."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "at":
            for obj in prep.children:
                eid = by_token.get(obj.i)
                if eid is not None and ents.types[eid] in BODY_TYPES:
                    return eid
    return None


def _naming_body(verb: Token, ents: ArticleEntities, by_token: dict[int, str]) -> str | None:
    """The body that is the subject of a naming verb: "Boeing named ..."; the parse may
    hang the verb on the body's apposition ("World Liberty Financial, the crypto venture
    backed by ..., named ...")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "acl":
        subject = verb.head.head if verb.head.dep_ == "appos" else verb.head
    eid = by_token.get(subject.i) if subject is not None else None
    return eid if eid is not None and ents.types[eid] in BODY_TYPES else None


# Verbs that keep a person in a title: "will remain chief executive", "stay on as CFO".
_HOLD = frozenset({"remain", "stay", "continue"})


def _held_roles(
    verb: Token,
    title: Span,
    ents: ArticleEntities,
    by_token: dict[int, str],
    descriptions: dict[int, str],
    reader: RoleReader,
    topic: str | None,
    placed: list[Relation],
) -> list[Relation]:
    """ROLE_AT, and no event, for people who keep a title: "Andy Saperstein and Dan
    Simkowitz will remain at the firm as co-presidents". The organisation is the one the
    title or an "at" names, else the one the subject is described with ("Mariano Bosch, a
    co-founder of Adecoagro, will remain chief executive"), else the article's, else the
    one body ``placed`` gives the post at ("he stayed on as a governor" after "a Fed
    governor")."""
    subject = _clause_subject(verb)
    if subject is None:
        return []
    people = [
        eid
        for token in [subject, *(c for c in subject.subtree if c.dep_ == "conj")]
        for eid in [_person_named(token, ents, by_token)]
        if eid is not None
    ]
    # "at the firm": an "at" may name the body by a description.
    org = _named_org(title, ents, by_token) or _org_at(verb, ents, descriptions | by_token)
    rule = "career/named_org"
    if org is None:
        described = (by_token.get(t.i) for t in subject.subtree if t.i != subject.i)
        org = next((e for e in described if e is not None and ents.types[e] in BODY_TYPES), None)
    role = reader.role_of(title)
    if org is None:
        org, rule = topic, "career/topic"
    if org is None:
        org, rule = _post_held_at(role, placed), "career/post"
    if org is None:
        return []
    evidence = span_evidence(verb.sent, f"{rule}/held")
    return [
        _role_at(person, org, role, CONFIDENCE[rule], evidence) for person in dict.fromkeys(people)
    ]


def _post_held_at(role: str, placed: list[Relation]) -> str | None:
    """The one body ``placed`` gives ``role`` at, now or before: where a later move that
    names no body happens."""
    bodies = {
        r.object
        for r in placed
        if r.predicate == ROLE_AT and str(r.properties.get("role")).removeprefix("former ") == role
    }
    return bodies.pop() if len(bodies) == 1 else None


def _since(token: Token) -> Token | None:
    """The date a "since" on ``token`` gives: "since 2018"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "since":
            date = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if date is not None and date.ent_type_ == "DATE":
                return date
    return None


def _held_since(
    doc: Doc,
    ents: ArticleEntities,
    by_token: dict[int, str],
    descriptions: dict[int, str],
    titles: list[Span],
    reader: RoleReader,
    title_roles: list[Relation],
    topic: str | None,
) -> list[tuple[Token, str, str]]:
    """(the "since" date, holder, body) of each post the text says is held since a time:
    a title set beside its holder or after "has been", or a body run since then."""
    found: list[tuple[Token, str, str]] = []
    for title in titles:
        root = title.root
        # "a Fed governor since 2018" (on the title), "has been chief executive of Walmart
        # U.S. ... since 2019" (on the copula).
        date = _since(root)
        if date is None and root.dep_ == "attr" and root.head.lemma_.lower() == "be":
            date = _since(root.head)
        if date is None:
            continue
        roles = {reader.role_of(title), reader.kept_role_of(title)}
        sent = title.sent
        held = [
            (date, r.subject, r.object)
            for r in title_roles
            if r.predicate == ROLE_AT
            and r.properties.get("role") in roles
            and any(sent.start_char <= e.start < sent.end_char for e in r.evidence)
        ]
        if not held and root.dep_ == "attr":
            # "Jejurikar ... has been chief operating officer since 2021": a title that
            # names no body is held at the article's company.
            subject = _clause_subject(root.head)
            person = _person_named(subject, ents, by_token) if subject is not None else None
            org = _named_org(title, ents, by_token) or topic
            if person is not None and org is not None and _named_before(org, root, ents):
                held.append((date, person, org))
        found += held
    for verb in doc:
        # "Wirth, who has run the company since 2018".
        date = _since(verb) if verb.lemma_.lower() in _LEAD_VERBS else None
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        if date is None or not perfect:
            continue
        subject = _clause_subject(verb)
        person = _person_named(subject, ents, by_token) if subject is not None else None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        org = (by_token.get(obj.i) or descriptions.get(obj.i)) if obj is not None else None
        if person is not None and org is not None and ents.types[org] in BODY_TYPES:
            found.append((date, person, org))
    return found


def _same_move(event: Event, seen: Event, published: str | None) -> bool:
    """Whether two Appointment events name the same appointee at the same body, at the
    same time: one in an earlier year than the article's is another appointment."""

    def parts(e: Event) -> set[tuple[str, str]]:
        return {(p.role, p.entity) for p in e.participants if p.role != "predecessor"}

    return (
        event.type == seen.type
        and parts(event) <= parts(seen)
        and _occasion(event, published) == _occasion(seen, published)
    )


def _occasion(event: Event, published: str | None) -> str | None:
    return event_occasion(event.type, event.date.value if event.date else None, published)


def _career_id(
    kind: str, participants: list[Participant], date: EventDate | None, published: str | None
) -> str:
    """An Appointment's id, which names the year of one made before the article's year."""
    occasion = event_occasion(kind, date.value if date else None, published)
    return event_id(kind, [(p.role, p.entity) for p in participants], None, occasion)


def _departure_org(verb: Token, by_token: dict[int, str], ents: ArticleEntities) -> str | None:
    """ "resigned from Binance", "retired from the board of Intel": the organisation left
    ("returned to teaching at MIT" names where the person goes, not what they leave)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for token in prep.subtree:
                eid = by_token.get(token.i)
                if eid is not None and ents.types[eid] in BODY_TYPES:
                    return eid
    return None


def extract_careers(
    doc: Doc,
    ents: ArticleEntities,
    reader: RoleReader,
    title_roles: list[Relation] | None = None,
) -> tuple[list[Event], list[Relation]]:
    """Appointment and Resignation events, and the dated ROLE_AT relations they state.

    ``title_roles`` are the ROLE_AT relations read from titles: a move that names no body is
    at the body where a title in its sentence places the person ("Jason Droege, Scale's
    chief strategy officer, takes over as interim chief executive"), before the
    article's company."""
    by_token = {
        i: eid
        for m, eid in zip(ents.mentions, ents.entity_of, strict=True)
        for i in range(m.start, m.end)
    }
    topic = topic_organization(ents)
    published = doc.user_data.get(PUBLISHED)
    events: dict[str, Event] = {}
    relations: list[Relation] = []
    descriptions = _descriptions(doc, ents)
    # "chair of the U.S. central bank": a body a title's "of" names by description; not
    # "of the combined company", which is a new one.
    described_of = {
        i: eid
        for i, eid in descriptions.items()
        if doc[i].dep_ == "pobj"
        and doc[i].head.lower_ == "of"
        and not any(c.lower_ in _NEW_BODY for c in doc[i].children)
    }
    titles = reader.titles(doc)
    for title in titles:
        verb = _governing_verb(title)
        if verb is None:
            continue
        if _lemma(verb, _HOLD) in _HOLD:
            if not negated_or_hedged(verb):
                held = relations + (title_roles or [])
                relations += _held_roles(
                    verb, title, ents, by_token, descriptions, reader, topic, held
                )
            continue
        kind = _kind(verb)
        if kind is None or negated_or_hedged(verb) or not _hands_over_a_role(verb, title):
            continue
        # "Ortberg will succeed Calhoun as CEO": the subject is appointed, the object left.
        succession = _succession(verb, ents, by_token) if kind == APPOINTMENT else None
        predecessor = succession[1] if succession else None
        person = succession[0] if succession else _person(verb, title, ents, by_token)
        if person is None:
            continue
        beside = None
        if kind == APPOINTMENT and predecessor is None:
            beside = _predecessor_beside(verb, ents, by_token)
            predecessor = beside if beside != person else None
        people = [person]
        predecessors = [predecessor] if predecessor is not None else []
        if title.root.tag_ == "NNS" and succession is None:
            # "Söderström, its ..., and Norström, its ..., will take over as co-chief
            # executives": a plural title takes every person coordinated with the first.
            people += _coordinated_with(person, verb, ents, by_token)
        elif _plural_title(title) and succession is not None:
            # "co-founders John Overdeck and David Siegel handed the co-chief executive roles
            # to Scott Hoffman and Carter Lyons": each side takes its coordinated people.
            more_in, more_out = _coordinated_sides(verb, ents, by_token)
            people += [e for e in more_in if e not in people]
            predecessors += [e for e in more_out if e not in predecessors]
        org = (
            _named_org(title, ents, described_of | by_token)
            or _joined_org(verb, ents, by_token)
            or _own_title_of(title, verb, ents, by_token)
            or _where_org(verb, ents, by_token)
        )
        if org is None and _lemma(verb, _NAMING) in _NAMING and verb.dep_ in ("ROOT", "acl"):
            # "World Liberty Financial named Tron founder Justin Sun as an adviser": the
            # body that names, not the one the person's own title places them at.
            org = _naming_body(verb, ents, by_token)
        rule = "career/named_org"
        if org is None:
            org = _employer_in(title.sent, person, title_roles or [])
            if kind == APPOINTMENT and _holds_there(
                person, org, reader.role_of(title), title_roles or []
            ):
                # "Meg O'Neill, the chief executive of Woodside Energy, would become its
                # chief executive": no one becomes what they are; the move is elsewhere.
                org = None
        if org is None and predecessor is not None:
            # "Udi Mokady, now its executive chairman, who handed the chief executive role
            # to Matt Cohen": where the one succeeded holds a title in the sentence.
            org = _employer_in(title.sent, predecessor, title_roles or [])
        if org is None:
            org, rule = topic, "career/topic"
        if org is None:
            # "Michael Barr stepped down as vice chair for supervision" in an article about
            # no company: the one body the article gives that post at.
            org = _post_held_at(reader.role_of(title), relations + (title_roles or []))
            rule = "career/post"
        if org is None:
            continue
        sent = title.sent
        date = date_near(doc, sent, verb.i)
        role = reader.kept_role_of(title)
        past = _in_the_past(verb)
        evidence = span_evidence(sent, f"{rule}/{kind.lower()}")
        since = date.value if date else None
        confidence = CONFIDENCE[rule]
        for holder in people:
            event = _career_event(kind, holder, org, date, confidence, evidence, published)
            for one in predecessors:
                event = _with_predecessor(event, one, published)
            if kind == APPOINTMENT and _moved(verb):
                # "took over as chief executive in 2021", "would return with immediate effect"
                event = event.model_copy(update={"status": "effective"})
            events.setdefault(event.id, event)
            if kind == APPOINTMENT:
                relations.append(_role_at(holder, org, role, confidence, evidence, since=since))
            else:
                # "will step down as chief executive at the end of the year": the title is
                # still held until then, and ``until`` says when it ends.
                over = past and not role.startswith("former ")
                ended = f"former {role}" if over else role
                relations.append(_role_at(holder, org, ended, confidence, evidence, until=since))
        # The one succeeded holds the role until the successor takes it over. One named
        # beside a move still to come ("would return as its chief executive, replacing Bob
        # Chapek") gets the role the rest of the article gives (see successor_roles).
        for one in predecessors if kind == APPOINTMENT and (beside is None or past) else []:
            # Named to succeed is not yet succeeded: "named … as its next chief executive,
            # replacing Emma Walmsley" leaves her chief executive until the move is made.
            left = f"former {role}" if past and _moved(verb) else role
            relations.append(_role_at(one, org, left, confidence, evidence, until=since))
            if _handed_to(verb) is not None:
                # "who handed the chief executive role to Matt Cohen": he gave it up.
                given_up = evidence.model_copy(update={"rule": f"{rule}/resignation/handover"})
                event = _career_event(RESIGNATION, one, org, date, confidence, given_up, published)
                events.setdefault(event.id, event)
        if kind == APPOINTMENT and role.startswith("co-"):
            # "as co-chief executive alongside Dave Ripley": Ripley holds the role too.
            for partner in _alongside(title, verb, ents, by_token):
                if partner not in people:
                    relations.append(_role_at(partner, org, role, confidence, evidence))
    # Taking charge without a title: an Appointment, but no role to give.
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or negated_or_hedged(verb):
            continue
        took = _took_charge(verb, ents, by_token, descriptions)
        if took is None:
            continue
        person, org = took
        rule = "career/named_org"
        if org is None and _named_before(topic, verb, ents):
            org, rule = topic, "career/topic"
        if org is None or ents.types[org] not in BODY_TYPES:
            continue
        evidence = span_evidence(verb.sent, f"{rule}/appointment/untitled")
        date = date_near(doc, verb.sent, verb.i)
        event = _career_event(APPOINTMENT, person, org, date, CONFIDENCE[rule], evidence, published)
        events.setdefault(event.id, event)
    # "will join the board of G42": a director's seat; "sits on Stripe's board": one held.
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or negated_or_hedged(verb):
            continue
        seat = _board_seat(verb, ents, by_token, descriptions, topic)
        if seat is None:
            continue
        person, org, joined, rule = seat
        confidence = CONFIDENCE[rule]
        if not joined:
            evidence = span_evidence(verb.sent, f"{rule}/held/board")
            relations.append(_role_at(person, org, "director", confidence, evidence))
            continue
        evidence = span_evidence(verb.sent, f"{rule}/appointment/board")
        date = date_near(doc, verb.sent, verb.i)
        event = _career_event(APPOINTMENT, person, org, date, confidence, evidence, published)
        events.setdefault(event.id, event)
        since = date.value if date else None
        relations.append(_role_at(person, org, "director", confidence, evidence, since=since))
    # Successions: the successor's appointment, naming the predecessor.
    # An appointment already read with its predecessor is not read again; one read
    # without ("took the top job in 2018, succeeding Matthias Müller") gains it when
    # _one_per_appointment joins the two.
    appointed = {
        (e.participants[0].entity, e.participants[1].entity, e.participants[2].entity)
        for e in events.values()
        if e.type == APPOINTMENT and len(e.participants) > 2
    }
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or negated_or_hedged(verb):
            continue
        pair = _succession(verb, ents, by_token)
        if pair is None:
            continue
        successor, predecessor = pair
        org, rule = _org_at(verb, ents, by_token), "career/named_org"
        if org is None and _lemma(verb, _APPOINT) in _APPOINT:
            # "Boeing named Kelly Ortberg as Dave Calhoun's successor": the body naming.
            org = _naming_body(verb, ents, by_token)
        if org is None:
            org = _employer_in(verb.sent, predecessor, title_roles or [])
        if org is None and _named_before(topic, verb, ents):
            org, rule = topic, "career/topic"
        if org is None or (successor, org, predecessor) in appointed:
            continue
        evidence = span_evidence(verb.sent, f"{rule}/appointment/succession")
        date = date_near(doc, verb.sent, verb.i)
        event = _career_event(
            APPOINTMENT, successor, org, date, CONFIDENCE[rule], evidence, published
        )
        event = _with_predecessor(event, predecessor, published)
        # "succeeded", or "took the top job in 2018, succeeding Matthias Müller".
        done = verb.head if verb.tag_ == "VBG" and verb.dep_ == "advcl" else verb
        if _moved(done):
            event = event.model_copy(update={"status": "effective"})
        events.setdefault(event.id, event)
        appointed.add((successor, org, predecessor))
    # A post held since a time: the Appointment that started it ("a Fed governor since
    # 2018", "has been chief executive of Walmart U.S. since 2019", "who has run the
    # company since 2018").
    for start, holder, org in _held_since(
        doc, ents, by_token, descriptions, titles, reader, title_roles or [], topic
    ):
        evidence = span_evidence(start.sent, "career/named_org/appointment/since")
        date = date_near(doc, start.sent, start.i)
        confidence = CONFIDENCE["career/named_org"]
        event = _career_event(APPOINTMENT, holder, org, date, confidence, evidence, published)
        event = event.model_copy(update={"status": "effective"})  # it has taken effect
        if not any(_same_move(event, seen, published) for seen in events.values()):
            events.setdefault(event.id, event)
    # Departures without a title: a Resignation, but no role to end.
    titled = {e.evidence[0].start for e in events.values() if e.type == RESIGNATION}
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or negated_or_hedged(verb):
            continue
        person = _departed(verb, ents, by_token, descriptions)
        if person is None:
            continue
        org = _departure_org(verb, by_token, ents)
        rule = "career/named_org"
        if org is None:
            # "its chief executive David Duffy stepped down": where his title places him.
            org = _employer_in(verb.sent, person, title_roles or [])
        if org is None and _named_before(topic, verb, ents):
            # The article's company, if it was named before the departure.
            org, rule = topic, "career/topic"
        if org is None or verb.sent.start_char in titled:
            continue
        # "chief executive Philipp Rickenbacher was leaving": the title he leaves.
        label = _label_of(verb, titles, reader, ents, person, org)
        how = "labelled" if label is not None else "untitled"
        evidence = span_evidence(verb.sent, f"{rule}/resignation/{how}")
        date = date_near(doc, verb.sent, verb.i)
        event = _career_event(RESIGNATION, person, org, date, CONFIDENCE[rule], evidence, published)
        events.setdefault(event.id, event)
        if label is not None:
            role = f"former {reader.kept_role_of(label)}"
            until = date.value if date else None
            relations.append(_role_at(person, org, role, CONFIDENCE[rule], evidence, until=until))
    return _one_per_appointment(list(events.values()), published), relations


def successor_roles(
    events: list[Event], relations: list[Relation], published: str | None
) -> list[Relation]:
    """The role a successor takes over, and the role a predecessor gave up.

    "Porsche boss Oliver Blume will succeed him" after "chief executive Herbert Diess will
    step down": Blume is CEO at Volkswagen too. "Diess took the top job in 2018, succeeding
    Matthias Müller": Müller is a former CEO, because the appointment is dated before the
    article. A successor who already has a role there keeps only that one.
    """
    held: dict[tuple[str, str], list[str]] = {}
    for r in relations:
        # "who has led the beauty group since 2009" names no title to hand on.
        if r.predicate == ROLE_AT and not is_bare_head(r):
            held.setdefault((r.subject, r.object), []).append(str(r.properties.get("role")))
    out: list[Relation] = []
    for event in events:
        if event.type != APPOINTMENT or len(event.participants) < 3:
            continue
        successor, org, predecessor = (p.entity for p in event.participants[:3])
        # "Buffett will step down as chief executive … and hand the job to Greg Abel"
        # beside "will remain chairman": the successor takes the role being left.
        leaving = [
            str(r.properties.get("role")).removeprefix("former ")
            for r in relations
            if r.predicate == ROLE_AT
            and (r.subject, r.object) == (predecessor, org)
            and any("/resignation" in e.rule for e in r.evidence)
        ]
        # "... who has been chairman and chief executive and will remain chairman": the
        # successor does not take what the predecessor keeps.
        kept = {
            str(r.properties.get("role"))
            for r in relations
            if r.predicate == ROLE_AT
            and (r.subject, r.object) == (predecessor, org)
            and any(e.rule.endswith("/held") for e in r.evidence)
        }
        current = leaving or [
            r
            for r in held.get((predecessor, org), [])
            if not r.startswith("former ") and r not in kept
        ]
        given = [(successor, role, event.date.value if event.date else None) for role in current]
        # A move dated before the article is done if told as done, or in an earlier year:
        # not "named her on Tuesday ... she will succeed Knof".
        past = (
            event.date is not None
            and published is not None
            and event.date.value < published
            and (event.status == "effective" or event.date.value[:4] < published[:4])
        )
        told = {e.start for e in event.evidence}
        if past and not held.get((predecessor, org)):
            # The roles the appointment gives, else those not taken at another time ("became
            # finance chief in 2020", "becoming executive chairman on Jan. 1").
            theirs = [
                r
                for r in relations
                if r.predicate == ROLE_AT
                and (r.subject, r.object) == (successor, org)
                and not str(r.properties.get("role")).startswith("former ")
                and not is_bare_head(r)
            ]
            date = event.date.value if event.date else None
            mine = [r for r in theirs if any(e.start in told for e in r.evidence)] or [
                r for r in theirs if r.properties.get("since") in (None, date)
            ]
            roles = dict.fromkeys(str(r.properties.get("role")) for r in mine)
            given += [(predecessor, f"former {role}", None) for role in roles]
        elif not held.get((predecessor, org)):
            # "Ardoino will become chief executive. He succeeds van der Velde": until the
            # handover, the predecessor holds the role the appointment gives.
            given += [
                (predecessor, str(r.properties.get("role")), None)
                for r in relations
                if r.predicate == ROLE_AT
                and (r.subject, r.object) == (successor, org)
                and any(e.rule.startswith("career/") and e.start in told for e in r.evidence)
                and not str(r.properties.get("role")).startswith("former ")
            ]
        elif held.get((successor, org)) and not leaving:
            # A successor with a role there keeps it, unless the text names the role the
            # predecessor leaves ("Andrew Witty has stepped down as chief executive, and
            # chairman Stephen Hemsley has replaced him": Hemsley is CEO too).
            given = [g for g in given if g[0] != successor]
        evidence = event.evidence[0].model_copy(update={"rule": "career/succession/role"})
        for holder, role, since in given:
            out.append(
                _role_at(
                    holder,
                    org,
                    role,
                    CONFIDENCE["career/topic"],
                    evidence,
                    since=since if holder == successor else None,
                )
            )
    return out


def without_ended_roles(relations: list[Relation]) -> list[Relation]:
    """Relations without a role the same sentence says was left: in "chief executive
    Philipp Rickenbacher was leaving", the title names the role he leaves, so he is a
    former CEO and no longer a CEO. A role stated anywhere else stays."""
    ended = [
        (r.subject, r.object, str(r.properties.get("role")).removeprefix("former "), e)
        for r in relations
        if r.predicate == ROLE_AT and str(r.properties.get("role")).startswith("former ")
        for e in r.evidence
        if e.rule.startswith("career/") and "/resignation" in e.rule
    ]

    def left(r: Relation) -> bool:
        role = str(r.properties.get("role"))
        return r.predicate == ROLE_AT and all(
            e.rule.startswith("role/title_person")
            and any(
                (r.subject, r.object, role) == (person, org, gone)
                and there.start <= e.start < there.end
                for person, org, gone, there in ended
            )
            for e in r.evidence
        )

    # "became UnitedHealth's chief executive in 2021" beside "has stepped down as chief
    # executive": the role taken then has ended since.
    until = {
        (r.subject, r.object, str(r.properties.get("role")).removeprefix("former ")): str(
            r.properties.get("until") or ""
        )
        for r in relations
        if r.predicate == ROLE_AT
        and str(r.properties.get("role")).startswith("former ")
        and any(e.rule.startswith("career/") and "/resignation" in e.rule for e in r.evidence)
    }

    def ended_since(r: Relation) -> bool:
        key = (r.subject, r.object, str(r.properties.get("role")))
        since = r.properties.get("since")
        if r.predicate != ROLE_AT or key not in until or not isinstance(since, str):
            return False
        return not until[key] or since <= until[key]

    return [r for r in relations if not left(r) and not ended_since(r)]


def _role_at(
    holder: str,
    org: str,
    role: str,
    confidence: float,
    evidence: Evidence,
    *,
    since: str | None = None,
    until: str | None = None,
) -> Relation:
    """ROLE_AT of ``holder`` at ``org``, with the dates the career move gives."""
    properties: dict[str, str | float | int | list[str] | None] = {"role": role}
    if since is not None:
        properties["since"] = since
    if until is not None:
        properties["until"] = until
    return Relation(
        id=relation_id(holder, ROLE_AT, org, [role]),
        subject=holder,
        predicate=ROLE_AT,
        object=org,
        properties=properties,
        confidence=confidence,
        evidence=[evidence],
    )


def _one_per_appointment(events: list[Event], published: str | None) -> list[Event]:
    """One Appointment per appointee, organisation and occasion: "Boeing named Ortberg its
    next CEO. Ortberg will succeed Calhoun" is one appointment, with its predecessor and the
    evidence of both sentences; "Moeller, who took over from David Taylor in November 2021"
    is another than his move to executive chairman next year."""
    kept: dict[tuple[str, str, str | None], Event] = {}
    out: list[Event] = []
    for event in events:
        if event.type != APPOINTMENT:
            out.append(event)
            continue
        key = (
            event.participants[0].entity,
            event.participants[1].entity,
            _occasion(event, published),
        )
        seen = kept.get(key)
        if seen is None:
            kept[key] = event
            out.append(event)
            continue
        fuller, other = (
            (event, seen) if len(event.participants) > len(seen.participants) else (seen, event)
        )
        effective = "effective" in (fuller.status, other.status)
        merged = fuller.model_copy(
            update={
                "evidence": [*fuller.evidence, *other.evidence],
                "date": fuller.date or other.date,
                "status": "effective" if effective else fuller.status,
            }
        )
        out[out.index(seen)] = merged
        kept[key] = merged
    return out


def _with_predecessor(event: Event, predecessor: str, published: str | None) -> Event:
    participants = [*event.participants, Participant(entity=predecessor, role="predecessor")]
    return event.model_copy(
        update={
            "participants": participants,
            "id": _career_id(event.type, participants, event.date, published),
        }
    )


def _descriptions(doc: Doc, ents: ArticleEntities) -> dict[int, str]:
    """Tokens that name a body through a description or pronoun: "the company", "its bank"."""
    found: dict[int, str] = {}
    for token in doc:
        word = token.lower_
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if word in DESCRIPTIONS and any(c.lower_ == "the" for c in token.children):
            eid = antecedent(ents, token.idx, word, token.sent.start_char)
        elif owner is not None and owner.lower_ in PRONOUNS:
            eid = pronoun_antecedent(ents, owner)
        else:
            continue
        if eid is not None:
            found[token.i] = eid
    return found


def _career_event(
    kind: str,
    person: str,
    org: str,
    date: EventDate | None,
    confidence: float,
    evidence: Evidence,
    published: str | None,
) -> Event:
    """An Appointment or Resignation of ``person`` at ``org``, as announced."""
    person_role = "appointee" if kind == APPOINTMENT else "person"
    participants = [
        Participant(entity=person, role=person_role),
        Participant(entity=org, role="organization"),
    ]
    return Event(
        id=_career_id(kind, participants, date, published),
        type=kind,
        participants=participants,
        date=date,
        status="announced",
        confidence=confidence,
        evidence=[evidence],
    )
