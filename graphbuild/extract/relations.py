"""Relations between an article's entities. This version reads ``ROLE_AT`` from job titles.

Shapes read (each a rule name in the evidence):

- ``role/title_person``: "Binance co-founder Changpeng Zhao", "Binance's CEO Richard Teng",
  "the exchange's CEO Richard Teng" (the description resolved to its antecedent),
  "CEO Richard Teng of Binance";
- ``role/coordinated``: "... CEO Richard Teng and chief legal officer Eleanor Hughes"
  (the second title shares the first one's organisation);
- ``role/apposition``: "Richard Teng, chief executive of Binance", "Teng, Binance's CEO",
  "Teng is the CEO of Binance";
- ``role/title_person_topic``: "Chief executive Jane Fraser said" (a company title with no
  company named is at the company the article is about);
- ``role/title_person_led``: "The bureau, led by director Rohit Chopra" (at the body led);
- ``role/office_person``: "Attorney General Merrick Garland" (a public office with no body
  named is at the body the office implies, when the article names it; a minister's
  portfolio, "Finance Minister Fernando Haddad", names no body of its own);
- ``role/heads``: "who heads the agency's enforcement division", "who chairs the
  supervisory board" (chair of the company whose board it is);
- ``role/ran_as``: "who has run the bank as acting governor".

A "former" or "ex-" before the title gives the role "former <role>".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from graphbuild.extract.coref import (
    DESCRIPTIONS,
    PRONOUNS,
    antecedent,
    based_elsewhere,
    pronoun_antecedent,
)
from graphbuild.extract.frames import negated_or_hedged, told_as_to_come
from graphbuild.extract.mentions import (
    PERSON,
    PORTFOLIOS,
    ArticleEntities,
    MentionSpan,
    topic_organization,
)
from graphbuild.extract.values import span_evidence
from graphbuild.gazetteers import Gazetteer
from graphbuild.ids import relation_id
from graphbuild.models import Relation

ROLE_AT = "ROLE_AT"
FOUNDED = "FOUNDED"
FOUNDER_ROLES = frozenset({"founder", "co-founder"})
ADVISES = "ADVISES"
# Titles of someone who acts for a client rather than works at it.
COUNSEL_ROLES = frozenset({"lawyer"})
BODY_TYPES = frozenset({"Organization", "Regulator", "Government"})
PLACE_TYPES = frozenset({"Location", "Government"})

# Words between an organisation and its title that do not change the role.
_SKIPPABLE = frozenset(
    {"new", "incoming", "current", "longtime", "global", "joint", "independent", "departing"}
)
# Words that make another role of the title: "interim CEO", "acting comptroller".
_KEPT = ("interim", "acting", "deputy")
_FORMER = frozenset({"former", "ex", "onetime", "then", "outgoing", "erstwhile"})
_DETERMINERS = frozenset({"the", "a", "an", "another"})
# Adverbs between a copula and the title it gives: "who is also chief executive of Tesla".
_STILL = frozenset({"also", "still", "now", "currently"})
# Adverbs that put a title or a post in the past: "was earlier an executive vice
# president", "who once ran Goldman Sachs's business".
_ONCE = frozenset({"once", "formerly", "previously", "earlier", "later"})
# A copula that puts the title it gives in the past: "was chief executive until 2023".
_PAST_COPULAS = frozenset({"was", "were"})
# Titles of the one who runs a body.
_LEADER_ROLES = frozenset({"CEO", "co-CEO", "chair", "executive chair", "president", "head"})
_LINKS = frozenset({"of", "at", "for", "with"})

# Confidence of each rule, by how directly the text ties person, title and organisation.
# Titles that only companies give, so that a bare "Chief executive Jane Fraser" can be
# placed at the article's company (not "President ..." or "Attorney General ...").
TOPIC_ROLES = frozenset(
    {"CEO", "CFO", "COO", "CTO", "chief legal officer", "chief compliance officer", "co-founder",
     "founder", "chair"}
)  # fmt: skip

# Titles whose plural is not the title with an "s": "chairman" -> "chairmen".
PLURAL_EXCEPTIONS = frozenset({"chairman", "chairwoman", "spokesman", "spokeswoman", "boss"})

CONFIDENCE = {
    "role/title_person_topic": 0.6,
    "role/title_person_led": 0.75,
    "role/apposition_topic": 0.6,
    "role/office_person": 0.7,
    "role/title_of_org_person": 0.85,
    "role/title_person": 0.9,
    "role/title_person_of": 0.85,
    "role/ran_as": 0.75,
    "role/apposition": 0.85,
    "role/whose": 0.8,
    "role/heads": 0.7,
    "role/runs_body": 0.6,
    "role/title_person_coref": 0.75,
    "role/coordinated": 0.7,
    "role/counsel_for": 0.75,
    "role/counsel_of": 0.7,
    "role/led_by": 0.8,
}


@dataclass(frozen=True)
class _Role:
    person: str
    org: str
    role: str
    start: int
    end: int
    rule: str


class RoleReader:
    """Finds job titles (from the gazetteer's title list) and the role each normalises to."""

    def __init__(self, nlp: Language, titles: dict[str, str]) -> None:
        self._roles: dict[str, str] = {}
        patterns: list[Doc] = []
        for form, role in titles.items():
            # Tokenise the form as written: "u.s." splits differently from "U.S.".
            forms = [form]
            # Plurals name several holders: "its founders Chun Gan and Ke Tang".
            if form[-1].isalpha() and form.lower() not in PLURAL_EXCEPTIONS:
                forms.append(form + ("es" if form.endswith("s") else "s"))
            for i, written in enumerate(forms):
                pattern = nlp.make_doc(written)
                key = " ".join(t.lower_ for t in pattern)
                if i == 0:
                    self._roles[key] = role
                else:
                    self._roles.setdefault(key, role)
                patterns.append(pattern)
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._matcher.add("TITLE", patterns)

    def titles(self, doc: Doc) -> list[Span]:
        """Title spans in ``doc``, longest first where they overlap ("chief executive officer")."""
        return filter_spans([doc[s:e] for _, s, e in self._matcher(doc)])

    def role_of(self, title: Span) -> str:
        key = " ".join(t.lower_ for t in title)
        return self._roles.get(key, title.text.lower())

    def word_before(self, title: Span) -> Token | None:
        """The word before the title and its modifiers: "its" in "its interim CFO"."""
        i = _left_of_modifiers(title.doc, title.start, title.sent.start)[0]
        return title.doc[i] if i >= title.sent.start else None

    def kept_role_of(self, title: Span) -> str:
        """The role with the modifiers before the title that belong to it: "interim CEO"."""
        kept = _left_of_modifiers(title.doc, title.start, title.sent.start)[2]
        role = self.role_of(title)
        return f"{kept} {role}" if kept else role


def _left_of_modifiers(doc: Doc, start: int, sent_start: int) -> tuple[int, bool, str]:
    """The first token left of the title's modifiers, whether one said 'former', and the
    modifiers that belong to the role ("interim")."""
    i = start - 1
    former = False
    kept: list[str] = []
    fields = 0
    while i >= sent_start:
        token = doc[i]
        word = token.lower_
        if word in _FORMER:
            former = True
        elif word in _KEPT:
            kept.insert(0, word)
        elif (
            fields < 2
            and token.is_lower
            and token.dep_ in ("compound", "amod")
            and token.pos_ in ("NOUN", "ADJ")
            and word not in DESCRIPTIONS
            and i - 1 >= sent_start
            and (doc[i - 1].tag_ == "POS" or doc[i - 1].is_lower)
        ):
            # The title's field: "the EU's competition commissioner".
            fields += 1
        elif word not in _SKIPPABLE and word != "-":
            break
        i -= 1
    return i, former, " ".join(kept)


def _own_title_then_next(prev: Span, title: Span) -> bool:
    """ "Michael Greenberg, its president, and chief operating officer David Weinberg": a
    title set off after one name, then ", and" and the title of the next name."""
    doc = title.doc
    appositive = prev.root.dep_ == "appos" and prev.root.head.i < prev.start
    comma = doc[prev.end].text == ","
    named = title.end < len(doc) and doc[title.end].pos_ == "PROPN"
    return appositive and comma and named


def _title_chains(doc: Doc, titles: list[Span]) -> list[list[Span]]:
    """Titles joined by "and" into one description: "the founder and former chief executive",
    and a list whose last link alone is "and": "chairman, president and chief executive"."""
    joiners = {"and", ","} | _FORMER | _SKIPPABLE | set(_KEPT)

    def link(prev: Span, title: Span) -> str:
        between = doc[prev.end : title.start]
        if title.sent.start != prev.sent.start or not all(t.lower_ in joiners for t in between):
            return ""
        if any(t.lower_ == "and" for t in between):
            return "" if _own_title_then_next(prev, title) else "and"
        return "comma" if len(between) == 1 else ""

    def closed_by_and(i: int) -> bool:
        """Whether the comma before title ``i`` opens a list that "and" closes."""
        last = titles[i]
        for prev, title in zip(titles[i:], titles[i + 1 :], strict=False):
            joined = link(prev, title)
            if joined != "comma":
                return joined == "and"
            last = title
        # "chairman, chief executive and controlling shareholder": a list that "and"
        # closes with something other than a title.
        end = last.end
        return (
            end + 1 < len(doc)
            and doc[end].lower_ == "and"
            and doc[end + 1].is_lower
            and doc[end + 1].pos_ in ("NOUN", "ADJ", "VERB")
        )

    chains: list[list[Span]] = []
    for i, title in enumerate(titles):
        if chains:
            joined = link(chains[-1][-1], title)
            if joined == "and" or (joined == "comma" and closed_by_and(i)):
                chains[-1].append(title)
                continue
        chains.append([title])
    return chains


def _people_from(ents: ArticleEntities, doc: Doc, index: int) -> list[tuple[str, int]]:
    """People named from token ``index`` on, with coordination: "Chun Gan and Ke Tang"."""
    people: list[tuple[str, int]] = []
    person = _person_starting_at(ents, index)
    while person is not None:
        people.append(person)
        end = person[1]
        # "A, B and C", also with a comma before "and".
        nxt = end
        while nxt < len(doc) and nxt - end < 2 and doc[nxt].lower_ in {"and", ","}:
            nxt += 1
        person = _person_starting_at(ents, nxt) if nxt > end else None
    return people


def _body_ending_at(ents: ArticleEntities, index: int) -> str | None:
    pos = ents.ending_at(index)
    if pos is None:
        return None
    eid = ents.entity_of[pos]
    return eid if ents.types[eid] in BODY_TYPES else None


def _person_starting_at(ents: ArticleEntities, index: int) -> tuple[str, int] | None:
    pos = ents.starting_at(index)
    if pos is None or ents.types[ents.entity_of[pos]] != PERSON:
        return None
    return ents.entity_of[pos], ents.mentions[pos].end


def _org_before(
    doc: Doc, ents: ArticleEntities, i: int, sent_start: int
) -> tuple[str, int, bool] | None:
    """The organisation named just left of token ``i`` (inclusive).

    A compound ("Binance CEO"), a possessive ("Binance's CEO") or a description
    ("the exchange's CEO").

    Returns (entity id, first token index, resolved through a description).
    """
    if i < sent_start:
        return None
    if doc[i].tag_ == "POS":
        i -= 1
        if i < sent_start:
            return None
    org = _body_ending_at(ents, i)
    if org is not None:
        pos = ents.ending_at(i)
        assert pos is not None
        return org, ents.mentions[pos].start, False
    word = doc[i].lower_
    # "the exchange's CEO", and past the description's modifiers, "the data-labelling
    # start-up's co-founder".
    the = i - 1 if i - 1 >= sent_start and doc[i - 1].lower_ == "the" else None
    if the is None:
        the = next((c.i for c in doc[i].children if c.dep_ == "det" and c.lower_ == "the"), None)
    if word in PRONOUNS or (word in DESCRIPTIONS and the is not None and the >= sent_start):
        if word in PRONOUNS:
            eid = pronoun_antecedent(ents, doc[i])
        else:
            eid = antecedent(ents, doc[i].idx, word, doc[i].sent.start_char)
        if eid is not None and ents.types[eid] in BODY_TYPES:
            return eid, i if word in PRONOUNS or the is None else the, True
    return None


def _org_after(doc: Doc, ents: ArticleEntities, j: int, sent_end: int) -> tuple[str, int] | None:
    """An organisation introduced by 'of'/'at' at index ``j``: "chief executive of Binance",
    also past the title's field: "director of enforcement at the FCA"."""
    found = _org_at(doc, ents, j, sent_end)
    if found is not None or j >= sent_end or doc[j].lower_ not in ("of", "for"):
        return found
    for k in range(j + 1, min(j + 7, sent_end)):
        if doc[k].lower_ in ("at", "of") and not doc[k - 1].is_punct:
            return _org_at(doc, ents, k, sent_end)
        if not (doc[k].is_lower or doc[k].lower_ in ("and", "&")):
            break
    return None


def _org_at(doc: Doc, ents: ArticleEntities, j: int, sent_end: int) -> tuple[str, int] | None:
    """The body a link word at ``j`` introduces, and where its name ends."""
    if j >= sent_end or doc[j].lower_ not in _LINKS | {"in"}:
        return None
    if doc[j].lower_ == "in":
        # "an associate director in the SEC's enforcement division": a body's part only,
        # not "head of operations in Britain".
        found = _org_at_link(doc, ents, j, sent_end)
        owns = found is not None and found[1] < sent_end and doc[found[1]].tag_ == "POS"
        return found if owns else None
    return _org_at_link(doc, ents, j, sent_end)


def _org_at_link(doc: Doc, ents: ArticleEntities, j: int, sent_end: int) -> tuple[str, int] | None:
    """The body named after the link word at ``j``, past its kind ("of crypto lender
    Celsius Network") or its place ("of Cambodia-based Prince Group")."""
    k = j + 1
    if k < sent_end and doc[k].lower_ in _DETERMINERS:
        k += 1
    # "chief executive of crypto lender Celsius Network": past the kind of organisation,
    # also where a word of it is a name ("the bitcoin privacy service Samourai Wallet").
    skipped = 0
    while k < sent_end and skipped < 3 and doc[k].is_lower and not _body_starts(ents, k):
        if doc[k].pos_ not in ("NOUN", "ADJ", "VERB", "PROPN"):
            break
        k += 1
        skipped += 1
    pos = ents.starting_at(k)
    if pos is None:
        # The mention may start at the determiner itself.
        pos = ents.starting_at(j + 1)
    if pos is None:
        return _described_at(doc, ents, j, k)
    end = ents.mentions[pos].end
    # "founder of Cambodia-based Prince Group": the organisation follows its place.
    if end + 2 < sent_end and doc[end].text == "-" and doc[end + 1].lower_ == "based":
        pos = ents.starting_at(end + 2)
        if pos is None:
            # "chairman and chief executive of the New York-based carrier".
            last = end + 2
            while last + 1 < sent_end and doc[last + 1].is_lower and doc[last + 1].pos_ == "NOUN":
                last += 1
            return _described_at(doc, ents, j, last + 1)
    eid = ents.entity_of[pos]
    # "chairman of India's Adani Group": the body the country's possessive names.
    if ents.types[eid] in PLACE_TYPES and end + 1 < sent_end and doc[end].tag_ == "POS":
        owned = ents.starting_at(end + 1)
        if owned is not None and ents.types[ents.entity_of[owned]] == "Organization":
            pos, eid = owned, ents.entity_of[owned]
    if ents.types[eid] not in BODY_TYPES:
        return None
    return eid, ents.mentions[pos].end


def _described_at(doc: Doc, ents: ArticleEntities, j: int, k: int) -> tuple[str, int] | None:
    """ "chairman of the supervisory board", "head of the bank": a description after "of" or
    "at" that ends its phrase names the body it points back to."""
    noun = doc[k - 1]
    if k - 1 <= j or doc[j + 1].lower_ != "the" or noun.lower_ not in DESCRIPTIONS:
        return None
    if k < len(doc) and (doc[k].pos_ in ("NOUN", "PROPN") or doc[k].tag_ == "POS"):
        return None
    eid = antecedent(ents, noun.idx, noun.lower_, noun.sent.start_char, based_elsewhere(ents, noun))
    if eid is None or ents.types[eid] not in BODY_TYPES:
        return None
    return eid, k


def _body_starts(ents: ArticleEntities, k: int) -> bool:
    pos = ents.starting_at(k)
    return pos is not None and ents.types[ents.entity_of[pos]] in BODY_TYPES


def _person_before(doc: Doc, ents: ArticleEntities, k: int, sent_start: int) -> int | None:
    """The mention ending just before token ``k``, past an age ("Joseph Cicippio, 58, was")."""
    pos = ents.ending_at(k - 1)
    # ``k`` after the comma that ends the age, or on it: "Salame, 30, who had been".
    for after in (k, k + 1):
        aged = after - 3 >= sent_start and doc[after - 1].text == "," and doc[after - 3].text == ","
        if pos is None and aged and doc[after - 2].like_num:
            pos = ents.ending_at(after - 4)
    return pos


@dataclass(frozen=True)
class _Placement:
    """Who holds a title chain and where: the person, the organisation, the evidence tokens."""

    person: str
    org: str
    start: int
    end: int
    rule: str
    # Modifiers read before the organisation: "Former FTX CEO", "Deputy Treasury Secretary".
    former: bool = False
    kept: str = ""


def _place_chain(
    doc: Doc,
    ents: ArticleEntities,
    first: Span,
    last: Span,
    found: list[_Role],
    unnamed: str | None = None,
) -> list[_Placement]:
    """The people and organisation a chain of titles (one title, or "chairman and CEO") names.

    ``unnamed`` is the body of a title set beside a person with no body named ("Kim,
    the other co-founder, holds 13.1%"), if one is implied (see ``_unnamed_body``)."""
    sent = first.sent
    left = _left_of_modifiers(doc, first.start, sent.start)[0]
    if left >= sent.start and doc[left].lower_ == "whose":
        return _whose_title(doc, ents, doc[left], last)
    people = _people_from(ents, doc, last.end)
    comma = last.end
    if comma < sent.end and doc[comma].lower_ in ("of", "for"):
        # "Meta's head of global affairs, Joel Kaplan": past the title's field.
        field = comma + 1
        while field < min(comma + 5, sent.end) and doc[field].is_lower:
            field += 1
        comma = field if field > comma + 1 else comma
    if (
        not people
        and comma + 1 < sent.end
        and doc[comma].text == ","
        and _org_before(doc, ents, left, sent.start) is not None
    ):
        # "its chairman, Paul Bulcke,", "Its founders, Arthur Hayes, Ben Delo and Sam Reed,":
        # the names set off after the title, past a title of the first's own ("Privy's
        # co-founders, chief executive Henri Stern and Asta Li").
        named = comma + 1
        while (
            named < min(comma + 4, sent.end)
            and doc[named].is_lower
            and doc[named].pos_ in ("NOUN", "ADJ")
        ):
            named += 1
        people = _people_from(ents, doc, named)
    if people:
        if last.root.tag_ not in ("NNS", "NNPS"):
            people = people[:1]
        placed: list[_Placement] = []
        org = _org_before(doc, ents, left, sent.start)
        after = _org_after(doc, ents, people[-1][1], sent.end)
        for person_id, person_end in people:
            if org is not None:
                org_id, org_start, via_coref = org
                _, former, kept = _left_of_modifiers(doc, org_start, sent.start)
                rule = "role/title_person_coref" if via_coref else "role/title_person"
                placed.append(
                    _Placement(person_id, org_id, org_start, person_end, rule, former, kept)
                )
            elif after is not None:
                placed.append(
                    _Placement(person_id, after[0], first.start, after[1], "role/title_person_of")
                )
            elif left >= sent.start and doc[left].lower_ in {"and", ","}:
                # "CEO Richard Teng and chief legal officer Eleanor Hughes": share the
                # organisation; so does a title inside the list a plural title names
                # ("Privy's co-founders, chief executive Henri Stern and Asta Li").
                listed = doc[left].text == "," and doc[left - 1].tag_ in ("NNS", "NNPS")
                prev = next(
                    (
                        r
                        for r in reversed(found)
                        if r.end == left or (listed and r.start <= left < r.end)
                    ),
                    None,
                )
                if prev is not None:
                    placed.append(
                        _Placement(person_id, prev.org, prev.start, person_end, "role/coordinated")
                    )
        return placed
    # "the deputy secretary of the Foreign Ministry, Datuk Abdul Halim Ali".
    after = _org_after(doc, ents, last.end, sent.end)
    if after is not None and after[1] + 1 < sent.end and doc[after[1]].text == ",":
        person = _person_starting_at(ents, after[1] + 1)
        if person is not None:
            return [
                _Placement(person[0], after[0], first.start, person[1], "role/title_of_org_person")
            ]
    # Apposition or copula: "Richard Teng, (the) chief executive of Binance".
    k = left
    # Up to two lowercase modifiers of the title: "Fred Demler, metals economist with ...".
    # And a nationality: "the Estonian co-founders of HashFlare".
    for _ in range(2):
        lower = doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ")
        if k > sent.start and (lower or (doc[k].ent_type_ == "NORP" and doc[k].pos_ == "ADJ")):
            k -= 1
    org_left = None
    former, kept = False, ""
    if k >= sent.start and doc[k].lower_ in _DETERMINERS:
        k -= 1
    else:
        org_left = _org_before(doc, ents, k, sent.start)
        if org_left is not None:
            # "Margrethe Vestager, the EU's competition commissioner", "Daniel Levy, a
            # former OpenAI researcher".
            k, former, kept = _left_of_modifiers(doc, org_left[1], sent.start)
            if k > sent.start and doc[k].lower_ in _DETERMINERS:
                k -= 1
            if k - 1 > sent.start and doc[k].lower_ == "of" and doc[k - 1].lower_ == "one":
                k -= 2  # "Ananth Narayan G, one of the regulator's whole-time members"
    # "who is also chief executive of Tesla"; "was once an executive at Walmart" is past.
    while k > sent.start and doc[k].lower_ in _STILL | _ONCE:
        former = former or doc[k].lower_ in _ONCE
        k -= 1
    if org_left is not None and doc[k].lower_ == "and":
        # "Sam Woods, the Bank of England's deputy governor for prudential regulation and
        # the PRA's chief executive": a second description of the same person.
        return [
            _Placement(prev.person, org_left[0], prev.start, last.end, prev.rule, former, kept)
            for prev in _apposition_before(doc, found, k)
        ]
    if k < sent.start or not (doc[k].text == "," or doc[k].lemma_ in {"be", "become"}):
        return []
    # "Jaain was chief executive from 2020 to 2023", "who had been co-chief executive": a
    # title held in the past.
    had_been = doc[k].lower_ == "been" and k - 1 >= sent.start and doc[k - 1].lower_ == "had"
    former = former or doc[k].lower_ in _PAST_COPULAS or had_been
    # "who has been chairman and chief executive of Kering since 2005".
    if doc[k].lower_ == "been" and k - 1 > sent.start and doc[k - 1].lemma_ == "have":
        k -= 1
    if doc[k].lemma_ in ("be", "have") and k - 2 >= sent.start and doc[k - 1].lower_ == "who":
        # "Elon Musk, who is also chief executive of Tesla": the relative clause's person.
        k -= 1 if doc[k - 2].text != "," else 2
    elif doc[k].lemma_ == "be" and doc[k - 1].lower_ == "and" and doc[k].dep_ == "conj":
        # "Shayne Coplan, who founded Polymarket in 2020 and is its chief executive": the
        # person of the clause the copula is coordinated with.
        clause = doc[k].head
        who = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if who is not None and who.lower_ == "who" and clause.dep_ == "relcl":
            k = clause.head.i + 1 if doc[clause.head.i + 1].text == "," else k
    subject_pos = _person_before(doc, ents, k, sent.start)
    if subject_pos is None or ents.types[ents.entity_of[subject_pos]] != PERSON:
        return []
    holders = [ents.entity_of[subject_pos]]
    start = ents.mentions[subject_pos].start
    if last.root.tag_ in ("NNS", "NNPS"):
        # "Sergei Potapenko and Ivan Turõgin, the Estonian co-founders of HashFlare".
        for earlier in _people_before(doc, ents, subject_pos, sent.start):
            holders.insert(0, ents.entity_of[earlier])
            start = ents.mentions[earlier].start
    body: str | None = None
    end, rule = last.end, "role/apposition"
    if org_left is not None:
        body = org_left[0]
    elif (after := _org_after(doc, ents, last.end, sent.end)) is not None:
        body, end, kept = after[0], after[1], ""
    elif unnamed is not None and doc[k].text == ",":
        body, rule, kept = unnamed, "role/apposition_topic", ""
    if body is None:
        return []
    return [_Placement(p, body, start, end, rule, former, kept) for p in holders]


def _apposition_before(doc: Doc, found: list[_Role], k: int) -> list[_Role]:
    """The apposition title that the "and" at ``k`` continues: one found in the same clause
    of the sentence, with no comma or verb between its end and ``k``."""
    for prev in reversed(found):
        if prev.end > k or doc[prev.start].sent != doc[k].sent:
            continue
        between = doc[prev.end : k]
        if prev.rule == "role/apposition" and not any(
            t.text == "," or t.pos_ in ("VERB", "AUX") for t in between
        ):
            return [prev]
        break
    return []


def _people_before(doc: Doc, ents: ArticleEntities, pos: int, sent_start: int) -> list[int]:
    """The people listed before mention ``pos`` ("A, B and C"), nearest first."""
    found: list[int] = []
    start = ents.mentions[pos].start
    while start - 2 >= sent_start and doc[start - 1].lower_ in ("and", ","):
        gap = 2 if doc[start - 1].lower_ == "and" and doc[start - 2].text == "," else 1
        earlier = ents.ending_at(start - gap - 1)
        if earlier is None or ents.types[ents.entity_of[earlier]] != PERSON:
            break
        found.append(earlier)
        start = ents.mentions[earlier].start
    return found


def _unnamed_body(
    doc: Doc,
    ents: ArticleEntities,
    first: Span,
    roles: list[str],
    found: list[_Role],
    topic: str | None,
) -> str | None:
    """The body of a title that names none: for "the other co-founder", that of the
    title's holder named before; else the article's company, unless the title's clause
    names another body it could be at."""
    if first.start > first.sent.start and doc[first.start - 1].lower_ == "other":
        bases = {_base_role(r) for r in roles}
        return next((r.org for r in reversed(found) if _base_role(r.role) in bases), None)
    if topic is None or _names_another_body(ents, first, topic):
        return None
    return topic


def _led_body(doc: Doc, ents: ArticleEntities, first: Span) -> str | None:
    """The body "led by" a title and name hangs on: "The bureau, led by director Rohit
    Chopra", "Bullish, the exchange led by chief executive Tom Farley"."""
    if first.start - 2 < first.sent.start or doc[first.start - 1].lower_ != "by":
        return None
    led = doc[first.start - 2]
    if led.lemma_.lower() != "lead" or led.dep_ != "acl":
        return None
    noun = led.head
    named = _entity_at(ents, noun.i)
    if named is None and noun.dep_ == "appos":
        named = _entity_at(ents, noun.head.i)  # "Bullish, the exchange led by ..."
    if named is None and noun.lower_ in DESCRIPTIONS:
        named = antecedent(ents, noun.idx, noun.lower_, noun.sent.start_char)
    return named if named is not None and ents.types[named] in BODY_TYPES else None


def _whose_title(doc: Doc, ents: ArticleEntities, whose: Token, last: Span) -> list[_Placement]:
    """ "The company, whose chief executive is Hayden Adams": the body the relative clause
    hangs on, and the person the copula after the title names ("was" makes it former)."""
    copula = doc[last.end] if last.end < last.sent.end else None
    if copula is None or copula.lemma_ != "be":
        return []
    person = _person_starting_at(ents, copula.i + 1)
    clause = next((t for t in whose.ancestors if t.dep_ == "relcl"), None)
    if person is None or clause is None:
        return []
    noun = clause.head
    org = _entity_at(ents, noun.i)
    if org is None and noun.lower_ in DESCRIPTIONS:
        org = antecedent(ents, noun.idx, noun.lower_, noun.sent.start_char)
    if org is None or ents.types[org] not in BODY_TYPES:
        return []
    former = copula.lower_ in _PAST_COPULAS
    return [_Placement(person[0], org, noun.i, person[1], "role/whose", former)]


def _clause_of(token: Token) -> int:
    """The position of the verb whose clause holds ``token`` (the sentence root if none)."""
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in ("VERB", "AUX") and candidate.dep_ not in ("aux", "auxpass"):
            return candidate.i
    return token.sent.root.i


def _names_another_body(ents: ArticleEntities, title: Span, topic: str) -> bool:
    """Whether the title's clause names a body other than the article's, which the title
    could be at ("the SEC under then-chair Gary Gensler"). A body in another clause of the
    sentence is not ("Porsche boss Oliver Blume will succeed him" beside "chief executive
    Herbert Diess will step down")."""
    doc = title.doc
    clause = _clause_of(title.root)
    return any(
        title.sent.start <= m.start < title.sent.end
        and eid != topic
        and ents.types[eid] in BODY_TYPES
        and _clause_of(doc[m.start : m.end].root) == clause
        for m, eid in zip(ents.mentions, ents.entity_of, strict=True)
    )


def _implied_body(ents: ArticleEntities, body: str) -> str | None:
    """The article's entity for an office's body: by name, or its one body of a kind, or
    its one body whose name goes on from the office's ("U.S. Attorney's Office for the
    Eastern District of New York" for "U.S. Attorney's Office")."""
    if body.startswith("the "):
        kind = body.removeprefix("the ")
        of_kind = [e.id for e in ents.entities if e.kind == kind and e.type in BODY_TYPES]
        return of_kind[0] if len(of_kind) == 1 else None
    named = next((e.id for e in ents.entities if e.name == body), None)
    if named is not None:
        return named
    longer = [e.id for e in ents.entities if e.name.startswith(body + " ")]
    return longer[0] if len(longer) == 1 else None


def _implied_office(
    doc: Doc,
    ents: ArticleEntities,
    chain: list[Span],
    roles: list[str],
    gazetteer: Gazetteer,
) -> _Placement | None:
    """ "Attorney General Merrick Garland", "Acting Comptroller Michael Hsu": a public
    office named as a capitalised title right before its holder, with no body beside it,
    is at the body the office implies (``gazetteer.offices``, from the title list), when
    the article names that body. A lowercase "president Jean Liu" is a company's title;
    a lowercase "former prime minister Najib Razak" can only be a country's.
    """
    office = _base_role(roles[0])
    body = gazetteer.offices.get(office)
    if len(chain) != 1 or body is None:
        return None
    states = body == "the country"
    if not chain[0][0].text[0].isupper() and not (states and office not in _COMPANIES_TOO):
        return None
    person = _person_starting_at(ents, chain[0].end)
    if person is None:
        return None
    left = _left_of_modifiers(doc, chain[0].start, chain[0].sent.start)[0]
    # "Finance Minister Fernando Haddad": a minister's portfolio, not a body of its own.
    while (
        states
        and left >= chain[0].sent.start
        and doc[left].text[:1].isupper()
        and doc[left].lower_ in PORTFOLIOS
    ):
        left -= 1
    if states and left >= chain[0].sent.start:
        # "Colombian President Gustavo Petro": the country its adjective names.
        country = gazetteer.country_of_demonym(doc[left].text)
        if country is not None:
            org = _body_by_name(ents, country)
            return (
                _Placement(person[0], org, left, person[1], "role/office_person")
                if org is not None
                else None
            )
    # "New York Attorney General Letitia James": a place or name before the office is its
    # own body, which the office table does not know. A comma sets the office off from the
    # name before it: "Stephen Miran, President Donald Trump's top economic adviser".
    if left >= chain[0].sent.start and (
        ents.at_token(left) is not None or doc[left].pos_ == "PROPN"
    ):
        return None
    org = _holders_country(ents, person[0], gazetteer) if states else None
    if org is None:
        org = _implied_body(ents, body) or _office_named_for(ents, chain[0].text)
    if org is None or org == _NO_BODY:
        return None
    return _Placement(person[0], org, left + 1, person[1], "role/office_person")


# A country's offices whose titles companies use too: lowercase, they are a company's.
_COMPANIES_TOO = frozenset({"president", "vice president"})

# A known office holder whose country the article does not name: no body at all.
_NO_BODY = ""


def _office_named_for(ents: ArticleEntities, title: str) -> str | None:
    """ "Attorney General Letitia James" beside "the New York Attorney General's Office":
    the article's one body named for the office."""
    named = [e.id for e in ents.entities if e.type in BODY_TYPES and f"{title}'s " in e.name]
    return named[0] if len(named) == 1 else None


def _body_by_name(ents: ArticleEntities, name: str) -> str | None:
    return next((e.id for e in ents.entities if e.name == name and e.type in BODY_TYPES), None)


def _holders_country(ents: ArticleEntities, person: str, gazetteer: Gazetteer) -> str | None:
    """ "President Donald Trump" in a story naming Brazil and the United States: the
    country the holder is known to serve, if the article names it; ``_NO_BODY`` if it
    does not (the one country it names is someone else's); None for a holder the
    gazetteer does not know."""
    entity = next(e for e in ents.entities if e.id == person)
    country = gazetteer.country_of_holder([entity.name, *entity.aliases])
    if country is None:
        return None
    return _body_by_name(ents, country) or _NO_BODY


def _countrys_office(
    ents: ArticleEntities, placed: _Placement, roles: list[str], gazetteer: Gazetteer
) -> _Placement:
    """ "Former U.S. Senator Bob Menendez": a country before an office the title list ties
    to one of that country's bodies is that body, when the article names it."""
    body = gazetteer.offices.get(_base_role(roles[0])) if len(roles) == 1 else None
    country = next((e for e in ents.entities if e.id == placed.org), None)
    if body is None or country is None or country.type != "Government":
        return placed
    if not body.startswith(f"{_COUNTRY_PREFIXES.get(country.name, '-')} "):
        return placed
    org = _implied_body(ents, body)
    return replace(placed, org=org) if org is not None else placed


# How the title list's bodies name the country they belong to: "U.S. Senate".
_COUNTRY_PREFIXES = {"United States": "U.S."}


# Verbs whose passive names who holds a post: "G42, which is chaired by Sheikh Tahnoon".
_LED_BY = {"chair": "chair", "head": "head", "run": "head"}
# Verbs whose subject heads the body its object names: "who heads the agency's enforcement
# division", "who once ran Goldman Sachs's business in Southeast Asia".
_HEADING_VERBS = frozenset({"head", "run", "lead", "chair"})
# A part of a body that someone heads for it.
_UNIT_NOUNS = frozenset(
    {
        "division",
        "business",
        "unit",
        "arm",
        "department",
        "operations",
        "team",
        "desk",
        "office",
        "group",
    }
)


def _led_by(doc: Doc, ents: ArticleEntities) -> list[_Role]:
    """ROLE_AT from "which is chaired by X", "a unit headed by X", "X is chaired by Y"."""
    found: list[_Role] = []
    for verb in doc:
        role = _LED_BY.get(verb.lemma_.lower())
        if role is None or verb.tag_ != "VBN":
            continue
        # The agent, or the name set beside it: "run by its co-founder Jeff Smith".
        agents = [o for agent in verb.children if agent.dep_ == "agent" for o in agent.children]
        holders = [
            _entity_at(ents, t.i)
            for o in agents
            if o.dep_ == "pobj"
            for t in [o, *(c for c in o.children if c.dep_ == "appos")]
        ]
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
            body_token = verb.head
        elif subject is not None:
            body_token = subject
        elif verb.dep_ == "acl":
            body_token = verb.head  # "a unit headed by"
        else:
            continue
        body = _entity_at(ents, body_token.i)
        if body is None or ents.types[body] not in BODY_TYPES:
            continue
        for person in holders:
            if person is not None and ents.types[person] == PERSON:
                start, end = min(body_token.i, verb.i), verb.right_edge.i + 1
                found.append(_Role(person, body, role, start, end, "role/led_by"))
    return found


def _heading_roles(doc: Doc, ents: ArticleEntities) -> list[_Role]:
    """ROLE_AT head from a person who heads, runs or leads a part of a body: "Ian McGinley,
    who heads the agency's enforcement division", or a whole body (see ``_run_body``), and
    chair from one who chairs a body or its board. The past tense or "once" makes it
    former; "ran it as executive director" is left to ``_ran_as``."""
    found: list[_Role] = []
    for verb in doc:
        if verb.lemma_.lower() not in _HEADING_VERBS or verb.pos_ != "VERB":
            continue
        as_title = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        if as_title or negated_or_hedged(verb):
            continue
        subject = _holder(verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subject is None or obj is None:
            continue
        person = _entity_at(ents, subject.i)
        chairs = verb.lemma_.lower() == "chair"
        body = _chaired_body(doc, ents, obj) if chairs else _headed_body(ents, obj)
        rule = "role/heads"
        if body is None and not chairs and not told_as_to_come(verb):
            body, rule = _run_body(doc, ents, verb, obj), "role/runs_body"
        if person is None or ents.types[person] != PERSON or body is None:
            continue
        role = ("former " if _told_as_past(verb) else "") + ("chair" if chairs else "head")
        start, end = min(subject.i, verb.i), max(obj.right_edge.i, verb.right_edge.i) + 1
        found.append(_Role(person, body, role, start, min(end, obj.sent.end), rule))
    return found


def _run_body(doc: Doc, ents: ArticleEntities, verb: Token, obj: Token) -> str | None:
    """The whole body a person runs or ran, when no title says how: "who previously ran
    the crafts retailer Michaels", "had been running its pharmacy benefit manager, CVS
    Caremark", "who heads the holding company", or the body a field of work was run at:
    "had run systematic trading at DRW". The role read is a bare head, which a title at
    the same body replaces (see ``without_bare_heads``)."""
    named = [obj, *(c for c in obj.children if c.dep_ == "appos")]
    at = [
        o
        for head in (obj, verb)
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "at"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for token in named + at:
        eid = _entity_at(ents, token.i)
        if eid is not None:
            return eid if ents.types[eid] in BODY_TYPES else None
    return _chaired_body(doc, ents, obj)


def is_bare_head(relation: Relation) -> bool:
    """Whether ``relation`` is only a head read from "ran Aetna", with no title behind it."""
    return relation.predicate == ROLE_AT and all(
        e.rule == "role/runs_body" for e in relation.evidence
    )


def without_bare_heads(relations: list[Relation]) -> list[Relation]:
    """Relations without a bare head (see ``is_bare_head``) when the person has a title at
    that body too: "Uchida, who has run Nissan since 2019" tells no more than his title
    of chief executive."""
    titled = {
        (r.subject, r.object) for r in relations if r.predicate == ROLE_AT and not is_bare_head(r)
    }
    return [r for r in relations if not (is_bare_head(r) and (r.subject, r.object) in titled)]


def _holder(verb: Token) -> Token | None:
    """The subject of a verb of holding a post, or for "who", the name the clause hangs on."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ == "who" and verb.dep_ == "relcl":
        return verb.head
    if subject is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        return _holder(verb.head)  # "also chairs Grupo Aeroportuario and runs Promecap"
    return subject


def _told_as_past(verb: Token) -> bool:
    """ "ran", "once headed", "had run": a post held before, not now."""
    return verb.tag_ == "VBD" or any(
        c.lower_ in _ONCE or (c.dep_ == "aux" and c.lower_ == "had") for c in verb.children
    )


def _ran_as(doc: Doc, ents: ArticleEntities, reader: RoleReader) -> list[_Role]:
    """ROLE_AT from a person who runs a body under a title: "Christian Hawkesby, who has
    run the bank as acting governor since March"; "ran Disney as chief executive" is
    former."""
    found: list[_Role] = []
    titles = {t.root.i: t for t in reader.titles(doc)}
    for verb in doc:
        if verb.lemma_.lower() not in _HEADING_VERBS or verb.pos_ != "VERB":
            continue
        title = next(
            (
                titles[o.i]
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ == "as"
                for o in p.children
                if o.dep_ == "pobj" and o.i in titles
            ),
            None,
        )
        subject = _holder(verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if title is None or subject is None or obj is None or negated_or_hedged(verb):
            continue
        person = _entity_at(ents, subject.i)
        body = _chaired_body(doc, ents, obj)
        if person is None or ents.types[person] != PERSON or body is None:
            continue
        role = reader.kept_role_of(title)
        if _told_as_past(verb):
            role = f"former {role}"
        found.append(_Role(person, body, role, min(subject.i, verb.i), title.end, "role/ran_as"))
    return found


def _chaired_body(doc: Doc, ents: ArticleEntities, obj: Token) -> str | None:
    """The company whose board an object of "chairs" names: "who chairs the supervisory
    board", "chairs Commerzbank's board"; or the body itself: "chairs the bank"."""
    owner = next((c for c in obj.children if c.dep_ in ("poss", "compound")), None)
    if obj.lemma_.lower() == "board" and owner is not None:
        found = _org_before(doc, ents, owner.i, owner.sent.start)
        return found[0] if found is not None else None
    # "chairs the airport operator Grupo Aeroportuario del Sureste": the name beside it.
    for token in [obj, *(c for c in obj.children if c.dep_ == "appos")]:
        named = _entity_at(ents, token.i)
        if named is not None:
            return named if ents.types[named] in BODY_TYPES else None
    if obj.lower_ in DESCRIPTIONS and any(c.lower_ == "the" for c in obj.children):
        eid = antecedent(ents, obj.idx, obj.lower_, obj.sent.start_char)
        return eid if eid is not None and ents.types[eid] in BODY_TYPES else None
    return None


def _headed_body(ents: ArticleEntities, obj: Token) -> str | None:
    """The owner of the part of a body that an object of "heads" names: "Goldman Sachs's
    business", "the agency's enforcement division", "its trading arm", "Intel's data centre
    and artificial intelligence group". A whole body run is read by ``_run_body``."""
    # "the SEC's crypto assets and cyber unit": the unit may end a coordination.
    parts = [obj, *(c for c in obj.children if c.dep_ == "conj")]
    if not any(part.lemma_.lower() in _UNIT_NOUNS for part in parts):
        return None
    # The owner may name the first of the unit's fields: "Intel's data centre and ... group".
    fields = [obj, *(c for c in obj.children if c.dep_ == "nmod")]
    owner = next((c for f in fields for c in f.children if c.dep_ == "poss"), None) or next(
        (c for c in obj.children if c.dep_ == "compound"), None
    )
    if owner is None:
        return None
    # The owner is read as a title's organisation is: a name, "the agency", "its".
    found = _org_before(obj.doc, ents, owner.i, owner.sent.start)
    return found[0] if found is not None else None


def _entity_at(ents: ArticleEntities, i: int) -> str | None:
    hit = ents.at_token(i)
    return ents.entity_of[hit[0]] if hit is not None else None


def _base_role(role: str) -> str:
    """The role without "former" and kept modifiers: "former interim CEO" -> "CEO"."""
    words = role.removeprefix("former ").split(" ")
    while len(words) > 1 and words[0] in _KEPT:
        words.pop(0)
    return " ".join(words)


def _chain_roles(doc: Doc, chain: list[Span], reader: RoleReader) -> list[str]:
    """Each title's role with its own modifiers: "founder", "former CEO", "interim CEO"."""
    roles = []
    for title in chain:
        former = _left_of_modifiers(doc, title.start, title.sent.start)[1]
        role = reader.kept_role_of(title)
        roles.append(f"former {role}" if former else role)
    return roles


def _is_counsel_for(doc: Doc, chain: list[Span], reader: RoleReader) -> bool:
    """ "a lawyer for OKX", "Hill's lawyer": counsel to a client, not a job at it (see
    ``extract_counsel``)."""
    last = chain[-1]
    if not all(reader.role_of(t) in COUNSEL_ROLES for t in chain):
        return False
    # "Hill's lawyer", "his lawyer": counsel to the one who owns the title.
    owner = _counsel_owner(doc, chain[0])
    if owner >= chain[0].sent.start and (
        doc[owner].tag_ == "POS" or doc[owner].lower_ in ("his", "her")
    ):
        return True
    return last.end < len(doc) and doc[last.end].lower_ == "for"


def extract_roles(
    doc: Doc, ents: ArticleEntities, reader: RoleReader, gazetteer: Gazetteer
) -> list[Relation]:
    """``ROLE_AT`` relations from the titles in ``doc``; public offices with no body named
    are placed from ``gazetteer`` as in ``_implied_office``."""
    found: list[_Role] = []
    topic = topic_organization(ents)
    for chain in _title_chains(doc, reader.titles(doc)):
        first, last = chain[0], chain[-1]
        if _is_counsel_for(doc, chain, reader):
            continue
        roles = _chain_roles(doc, chain, reader)
        led = _led_body(doc, ents, first)
        unnamed = led or _unnamed_body(doc, ents, first, roles, found, topic)
        untold = "role/title_person_led" if led else "role/title_person_topic"
        placed = _place_chain(doc, ents, first, last, found, unnamed)
        placed = [_countrys_office(ents, p, roles, gazetteer) for p in placed]
        office = None if placed else _implied_office(doc, ents, chain, roles, gazetteer)
        if office is not None:
            placed = [office]
        elif not placed and unnamed is not None:
            # "Chief executive Jane Fraser said ...": a company title with no company named
            # is taken to be at the company the article is about, unless the sentence
            # names another body it could be at ("the SEC under then-chair Gary Gensler").
            person = _person_starting_at(ents, last.end)
            if person is not None:
                placed = [_Placement(person[0], unnamed, first.start, person[1], untold)]
        if unnamed == topic and any(p.rule.endswith("_topic") for p in placed):
            roles = [r for r in roles if _base_role(r) in TOPIC_ROLES]
        for place in placed:
            for role in roles:
                if place.kept and not role.removeprefix("former ").startswith(place.kept):
                    role = f"{place.kept} {role}"
                if place.former and not role.startswith("former "):
                    role = f"former {role}"
                found.append(
                    _Role(place.person, place.org, role, place.start, place.end, place.rule)
                )

    # "run by chief executive Patrick Collison": a leader's title says more than "run
    # by" ("run by its co-founder Jeff Smith" does not).
    found += [
        led
        for led in _led_by(doc, ents)
        if not any(
            (r.person, r.org) == (led.person, led.org)
            and led.start <= r.start < led.end
            and _base_role(r.role) in _LEADER_ROLES
            for r in found
        )
    ]
    found += _heading_roles(doc, ents)
    found += _ran_as(doc, ents, reader)
    relations: list[Relation] = []
    for r in found:
        evidence = span_evidence(doc[r.start : r.end], r.rule)
        relations.append(
            Relation(
                id=relation_id(r.person, ROLE_AT, r.org, [r.role]),
                subject=r.person,
                predicate=ROLE_AT,
                object=r.org,
                properties={"role": r.role},
                confidence=CONFIDENCE[r.rule],
                evidence=[evidence],
            )
        )
        # A founder's title also states that the person founded the organisation.
        if _base_role(r.role) in FOUNDER_ROLES:
            relations.append(
                Relation(
                    id=relation_id(r.person, FOUNDED, r.org),
                    subject=r.person,
                    predicate=FOUNDED,
                    object=r.org,
                    confidence=CONFIDENCE[r.rule],
                    evidence=[evidence.model_copy(update={"rule": f"{r.rule}/founder"})],
                )
            )
    return relations


def extract_counsel(doc: Doc, ents: ArticleEntities, reader: RoleReader) -> list[Relation]:
    """``ADVISES`` from "David Meister, an outside lawyer for OKX" and "X is a lawyer for Y"."""
    out: list[Relation] = []
    for title in reader.titles(doc):
        if reader.role_of(title) in COUNSEL_ROLES:
            out += _counsel_of(doc, ents, title)
        if not _is_counsel_for(doc, [title], reader):
            continue
        sent = title.sent
        k = title.end + 1
        if k < sent.end and doc[k].lower_ in _DETERMINERS:
            k += 1
        client_pos = ents.starting_at(k)
        # The lawyer: the name before ", an outside lawyer" or "is a lawyer".
        i = title.start - 1
        while i > sent.start and (doc[i].lower_ in _DETERMINERS or doc[i].is_lower):
            if doc[i].lemma_ == "be":
                break
            i -= 1
        lawyer_pos = _person_before(doc, ents, i, sent.start)
        if client_pos is None or lawyer_pos is None:
            continue
        if not (doc[i].text == "," or doc[i].lemma_ == "be"):
            continue
        lawyer, client = ents.entity_of[lawyer_pos], ents.entity_of[client_pos]
        if ents.types[lawyer] != PERSON or lawyer == client:
            continue
        rule = "role/counsel_for"
        out.append(
            Relation(
                id=relation_id(lawyer, ADVISES, client),
                subject=lawyer,
                predicate=ADVISES,
                object=client,
                confidence=CONFIDENCE[rule],
                evidence=[
                    span_evidence(
                        doc[ents.mentions[lawyer_pos].start : ents.mentions[client_pos].end], rule
                    )
                ],
            )
        )
    return out


def _counsel_owner(doc: Doc, title: Span) -> int:
    """The token before a title's lowercase modifiers: "his" in "his longtime lawyer"."""
    i = title.start - 1
    while i > title.sent.start and doc[i].is_lower and doc[i].pos_ in ("ADJ", "NOUN"):
        i -= 1
    return i


def _counsel_of(doc: Doc, ents: ArticleEntities, title: Span) -> list[Relation]:
    """``ADVISES`` from a client's lawyer: "according to his lawyer, Clayton Simms",
    "Karony's defence lawyer Clayton Simms", "Roger Burlingame, Hill's lawyer, said"."""
    sent = title.sent
    i = _counsel_owner(doc, title)
    client: str | None = None
    owner_start = i
    if i >= sent.start and doc[i].lower_ in ("his", "her"):
        earlier = [
            eid
            for m, eid in zip(ents.mentions, ents.entity_of, strict=True)
            if m.end <= i and ents.types[eid] == PERSON
        ]
        client = earlier[-1] if earlier else None
        owner_start = i
    elif i > sent.start and doc[i].tag_ == "POS":
        pos = ents.ending_at(i - 1)
        client = ents.entity_of[pos] if pos is not None else None
        owner_start = ents.mentions[pos].start if pos is not None else i
    if client is None or ents.types[client] not in (PERSON, "Organization"):
        return []
    # The lawyer: named right after the title, or set off before the client's name.
    after = title.end + 1 if title.end < sent.end and doc[title.end].text == "," else title.end
    lawyer = _person_starting_at(ents, after)
    start, end = owner_start, lawyer[1] if lawyer else title.end
    if lawyer is None and owner_start - 1 > sent.start and doc[owner_start - 1].text == ",":
        pos = _person_before(doc, ents, owner_start - 1, sent.start)
        if pos is not None and ents.types[ents.entity_of[pos]] == PERSON:
            lawyer = (ents.entity_of[pos], ents.mentions[pos].end)
            start, end = ents.mentions[pos].start, title.end
    if lawyer is None or lawyer[0] == client:
        return []
    rule = "role/counsel_of"
    return [
        Relation(
            id=relation_id(lawyer[0], ADVISES, client),
            subject=lawyer[0],
            predicate=ADVISES,
            object=client,
            confidence=CONFIDENCE[rule],
            evidence=[span_evidence(doc[start:end], rule)],
        )
    ]


def founder_roles(
    relations: list[Relation], roles: list[Relation], ents: ArticleEntities
) -> list[Relation]:
    """``ROLE_AT {role: founder}`` for each person the text says founded an organisation.

    "Sam Bankman-Fried, who co-founded FTX" states both the founding and the
    role a founder keeps; "co-found" gives "co-founder". A founder title read
    from ``roles`` ("the start-up's co-founder, Alexandr Wang") is kept as it is.
    """
    titled = {
        (r.subject, r.object)
        for r in roles
        if r.predicate == ROLE_AT and r.properties.get("role") in FOUNDER_ROLES
    }
    out: list[Relation] = []
    # Founders of one organisation named in one sentence are its co-founders.
    founders: dict[tuple[str, int], int] = defaultdict(int)
    for relation in relations:
        if relation.predicate == FOUNDED:
            founders[(relation.object, relation.evidence[0].start)] += 1
    for relation in relations:
        if relation.predicate != FOUNDED or ents.types.get(relation.subject) != PERSON:
            continue
        if all(e.rule.startswith("role/") for e in relation.evidence):
            continue  # read from a title, which gave the role already
        if (relation.subject, relation.object) in titled:
            continue
        said = " ".join(e.text.lower() for e in relation.evidence)
        several = founders[(relation.object, relation.evidence[0].start)] > 1
        role = "co-founder" if "co-found" in said or "cofound" in said or several else "founder"
        out.append(
            Relation(
                id=relation_id(relation.subject, ROLE_AT, relation.object, [role]),
                subject=relation.subject,
                predicate=ROLE_AT,
                object=relation.object,
                properties={"role": role},
                confidence=relation.confidence,
                evidence=[
                    e.model_copy(update={"rule": f"{e.rule}/founder_role"})
                    for e in relation.evidence
                ],
            )
        )
    return out


LOCATED_IN = "LOCATED_IN"
HEADQUARTERED_IN = "HEADQUARTERED_IN"
MEMBER_OF = "MEMBER_OF"
# Facts read from how names stand beside each other; a unit known only by its name
# ("name/unit") is weaker than any sentence that says so.
NAMES_CONFIDENCE = {
    "place/comma": 0.7,
    "place/org_in": 0.6,
    "place/org_appositive": 0.65,
    "name/unit": 0.6,
}
# Endings of a group's name that its units replace: "Aeza Logistic" of "Aeza Group".
_GROUP_ENDINGS = frozenset({"group", "holdings"})
# Words that, added to a company's name, still name the company ("Nexo Capital", "Paxos
# Trust Company", "Cytrox AD") and not a unit of it.
_SAME_COMPANY_WORDS = frozenset(
    {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "plc", "ag", "sa",
     "nv", "ad", "co", "co.", "company", "trust", "capital", "global", "financial", "bank",
     "markets", "international", "limited"}
)  # fmt: skip
# Last words of a body that owns a company named like it: "Novo Nordisk Foundation",
# "FirstBank Holding Company".
_OWNER_ENDINGS = frozenset({"foundation", "holding", "holdings", "group", "company"})


def units_by_name(doc: Doc, ents: ArticleEntities) -> list[Relation]:
    """MEMBER_OF from a company named after another the article names: "Barclays Bank UK
    PLC" is part of Barclays, "Santander Bank Polska" of Santander, "Aeza Logistic" of
    "Aeza Group". The evidence is the sentence that first names the unit."""
    companies = [e for e in ents.entities if e.type == "Organization"]
    first_named: dict[str, MentionSpan] = {}
    for m, eid in zip(ents.mentions, ents.entity_of, strict=True):
        first_named.setdefault(eid, m)
    out: list[Relation] = []
    for unit in companies:
        for group in companies:
            words = group.name.split()
            stem = " ".join(words[:-1]) if words[-1].lower() in _GROUP_ENDINGS else None
            prefix = next(
                (p for p in (group.name, stem) if p and unit.name.startswith(p + " ")), None
            )
            if unit.id == group.id or prefix is None or unit.id not in first_named:
                continue
            added = unit.name[len(prefix) :].split()
            if all(w.lower() in _SAME_COMPANY_WORDS for w in added):
                continue
            if added[-1].lower() in _OWNER_ENDINGS:
                continue
            sent = doc[first_named[unit.id].start].sent
            out.append(
                _names_relation(
                    doc, unit.id, MEMBER_OF, group.id, sent.start, sent.end, "name/unit"
                )
            )
    return out


def _names_relation(
    doc: Doc, subject: str, predicate: str, obj: str, start: int, end: int, rule: str
) -> Relation:
    """A relation read from names beside each other, on the words from ``start`` to
    ``end``, with its rule's confidence."""
    return Relation(
        id=relation_id(subject, predicate, obj),
        subject=subject,
        predicate=predicate,
        object=obj,
        confidence=NAMES_CONFIDENCE[rule],
        evidence=[span_evidence(doc[start:end], rule)],
    )


def extract_places(doc: Doc, ents: ArticleEntities) -> list[Relation]:
    """Where places and organisations are, from adjacent names.

    - ``place/comma``: "Lubbock, Texas" gives Lubbock LOCATED_IN Texas (not a list
      such as "Paris, London and Rome");
    - ``place/org_in``: "the Palace of Fine Arts in San Francisco" gives LOCATED_IN;
    - ``place/org_appositive``: "Sun Hung Kai Properties, a Hong Kong construction
      firm" gives HEADQUARTERED_IN.
    """
    out: dict[str, Relation] = {}
    mentions = ents.mentions
    for i, m in enumerate(mentions):
        eid = ents.entity_of[i]
        kind = ents.types[eid]
        nxt = m.end
        if nxt + 1 >= len(doc) or doc[nxt].sent.start != doc[m.start].sent.start:
            continue
        if kind == "Location" and doc[nxt].text == ",":
            j = ents.starting_at(nxt + 1)
            if j is not None and ents.types[ents.entity_of[j]] in PLACE_TYPES:
                end = mentions[j].end
                # A list goes on with another place: "Paris, London and Rome".
                following = ents.starting_at(end + 1) if end + 1 < len(doc) else None
                is_list = (
                    end < len(doc)
                    and doc[end].lower_ in {",", "and", "or"}
                    and following is not None
                    and ents.types[ents.entity_of[following]] in PLACE_TYPES
                )
                if not is_list and ents.entity_of[j] != eid:
                    r = _names_relation(
                        doc, eid, LOCATED_IN, ents.entity_of[j], m.start, end, "place/comma"
                    )
                    out.setdefault(r.id, r)
            continue
        if kind not in ("Organization", "Regulator"):
            continue
        if doc[nxt].lower_ == "in":
            j = ents.starting_at(nxt + 1)
            if j is not None and ents.types[ents.entity_of[j]] in PLACE_TYPES:
                r = _names_relation(
                    doc,
                    eid,
                    LOCATED_IN,
                    ents.entity_of[j],
                    m.start,
                    mentions[j].end,
                    "place/org_in",
                )
                out.setdefault(r.id, r)
        elif (
            doc[nxt].text == ","
            and nxt + 2 < len(doc)
            and doc[nxt + 1].lower_ in {"a", "an", "the"}
        ):
            j = ents.starting_at(nxt + 2)
            if j is None or ents.types[ents.entity_of[j]] not in PLACE_TYPES:
                continue
            after = mentions[j].end
            # The place must modify a noun that describes the organisation.
            if after < len(doc) and doc[after].pos_ in ("NOUN", "ADJ", "PROPN"):
                r = _names_relation(
                    doc,
                    eid,
                    HEADQUARTERED_IN,
                    ents.entity_of[j],
                    m.start,
                    after + 1,
                    "place/org_appositive",
                )
                out.setdefault(r.id, r)
    return list(out.values())
