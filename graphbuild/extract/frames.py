"""Relations read from verb and noun frames in the dependency parse.

A frame names a predicate and the words that state it: verbs ("sued",
"acquired", "fined") whose subject and object are the relation's ends, and
nouns ("acquisition of", "stake in", "lawsuit against") whose owner or
governing verb's subject is the subject. The parse gives active and passive
voice ("was fined by the Treasury"), relative and participle clauses
("Circle, founded by Jeremy Allaire"), control verbs ("agreed to buy") and
coordination ("the SEC and the CFTC charged Binance and Zhao").

Some facts are stated by words no single frame holds, and have readers of
their own: payments ("agreed to pay $297 million in penalties", "ordered
Ripple to pay a penalty"), verdicts ("a jury found X guilty"), money raised
("raised $40 billion in a round led by SoftBank"), rounds led and joined ("Founders
Fund led a $45 million round in Polymarket. Paradigm also took part": one round,
both its investors), shares sold to investors ("selling 55.6 million shares to
investors including Founders Fund"), cases and charges by their
source ("a case brought by the SEC", "settle charges from the SEC") and a
regulator's decisions ("approved the first bitcoin funds").

Some enforcement facts span sentences: "MAS imposed penalties on nine firms.
UOB and UBS were among the firms penalised." A fine, sanction or charge whose
sentence names parties but no authority takes the authority of the article's
previous event of its type (rule suffix ``/carried``), and a fine, plea or
sentence of several parties is one each.

Negated facts ("did not sue") are not emitted; neither are hedged ones (a
modal such as "may" or "could", or a governing verb such as "plans to",
"is expected to", "denied"). Each frame has a rule name in the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from graphbuild.extract.coref import (
    DESCRIPTIONS,
    antecedent,
    antecedents,
    based_elsewhere,
    is_definite,
    pronoun_antecedent,
)
from graphbuild.extract.mentions import PERSON, ArticleEntities, lead_organization
from graphbuild.extract.values import amount_near, date_near, money_spans, span_evidence
from graphbuild.ids import event_id, relation_id
from graphbuild.models import Amount, Event, Evidence, Participant, Relation


@dataclass(frozen=True)
class Frame:
    """Words that state a predicate (or only an event), and where its object is found."""

    predicate: str | None
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    # Prepositions whose object is the relation's object ("invest in", "settle with").
    preps: frozenset[str] = frozenset()
    # Whether the direct object is the relation's object ("acquired Deribit").
    direct_object: bool = True
    # Properties the frame reads from the clause.
    amount: bool = False
    stake: bool = False
    term: bool = False
    # The event the same words report, the roles of subject and object in it, and its status.
    event: str | None = None
    subject_role: str | None = None
    object_role: str | None = None
    status: str | None = None
    # Words one of which must depend on the verb: "pleaded [guilty]".
    requires: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return (self.predicate or self.event or "frame").lower()


def _forms(*words: str) -> frozenset[str]:
    return frozenset(words)


FRAMES: tuple[Frame, ...] = (
    Frame(
        "ACQUIRED",
        verbs=_forms("acquire", "acquired", "buy", "bought", "purchase", "purchased"),
        nouns=_forms("acquisition", "purchase", "takeover"),
        preps=_forms("of"),
        amount=True,
        event="Acquisition",
        subject_role="acquirer",
        object_role="target",
        status="agreed",
    ),
    # "BBVA's hostile takeover bid for Banco Sabadell": an offer, not yet a purchase, so an
    # event and no relation.
    Frame(
        None,
        nouns=_forms("bid"),
        preps=_forms("for"),
        amount=True,
        event="Acquisition",
        subject_role="acquirer",
        object_role="target",
        status="proposed",
    ),
    Frame(
        "FOUNDED",
        verbs=_forms("found", "founded", "co-found", "co-founded", "cofound", "cofounded"),
        nouns=_forms(),
    ),
    # "who started Kalshi in 2018": the object must be an organisation, which the
    # schema checks, so "started trading" and "started a review" give nothing.
    Frame("FOUNDED", verbs=_forms("start", "started", "starts")),
    # "the hedge fund he set up in 2018".
    Frame("FOUNDED", verbs=_forms("set", "sets"), requires=_forms("up")),
    # "Leo Mizuhara launched Hashnote in February 2023": a person launches a company; a
    # company launches products and units, which are not its foundings.
    Frame("FOUNDED", verbs=_forms("launch", "launched", "launches")),
    Frame(
        "INVESTED_IN",
        verbs=_forms("invest", "invested"),
        nouns=_forms("investment"),
        preps=_forms("in"),
        direct_object=False,
        amount=True,
        event="Investment",
        subject_role="investor",
        object_role="target",
        status="agreed",
    ),
    Frame(
        "OWNS",
        verbs=_forms("own", "owned", "owns", "control", "controls", "controlled"),
        nouns=_forms("stake", "shareholding"),
        preps=_forms("in"),
        stake=True,
    ),
    Frame(
        "SUED",
        verbs=_forms("sue", "sued", "sues"),
        nouns=_forms("lawsuit", "suit", "complaint"),
        preps=_forms("against"),
        event="Lawsuit",
        subject_role="plaintiff",
        object_role="defendant",
        status="filed",
    ),
    Frame(
        "CHARGED",
        verbs=_forms("charge", "charged", "charges", "indict", "indicted"),
        nouns=_forms("charges", "indictment", "indictments"),
        preps=_forms("against"),
        event="Charge",
        subject_role="authority",
        object_role="defendant",
        status="charged",
    ),
    Frame(
        "FINED",
        verbs=_forms("fine", "fined", "fines", "penalize", "penalized", "penalised"),
        # "imposed a $60.6 million penalty on Citigroup".
        nouns=_forms("fine", "penalty", "penalties"),
        preps=_forms("on", "against"),
        amount=True,
        event="Fine",
        subject_role="authority",
        object_role="defendant",
        status="imposed",
    ),
    Frame(
        "SANCTIONED",
        verbs=_forms("sanction", "sanctioned", "sanctions", "blacklisted", "blacklist"),
        # "imposed sanctions on Sinbad".
        nouns=_forms("sanctions"),
        preps=_forms("on", "against"),
        event="Sanction",
        subject_role="authority",
        object_role="target",
        status="imposed",
    ),
    Frame(
        "SETTLED_WITH",
        verbs=_forms("settle", "settled", "settles"),
        nouns=_forms("settlement"),
        # "settled with the SEC", "settle charges from the SEC".
        preps=_forms("with", "from", "by"),
        direct_object=False,
        amount=True,
    ),
    Frame(
        "PARTNERED_WITH",
        verbs=_forms("partner", "partnered", "partners", "team", "teamed"),
        # "has licensing deals with Google and OpenAI" (see _PARTNER_DEALS).
        nouns=_forms(
            "partnership",
            "alliance",
            "deal",
            "deals",
            "agreement",
            "agreements",
            "collaboration",
            "tie-up",
            "venture",
        ),
        preps=_forms("with"),
        direct_object=False,
    ),
    Frame(
        "REGULATES",
        verbs=_forms(
            "regulate",
            "regulates",
            "regulated",
            "supervise",
            "supervises",
            "supervised",
            "license",
            "licenses",
            "licensed",
            "oversee",
            "oversees",
            "overseen",
            "oversaw",
        ),
    ),
    Frame("ADVISES", verbs=_forms("advise", "advises", "advised")),
    Frame(
        "HEADQUARTERED_IN",
        verbs=_forms("base", "based", "headquarter", "headquartered"),
        # "from Union Pacific's headquarters in Omaha".
        nouns=_forms("headquarters"),
        preps=_forms("in"),
        direct_object=False,
    ),
    Frame(
        "MEMBER_OF",
        nouns=_forms("member", "part", "unit", "division", "arm", "subsidiary"),
        preps=_forms("of"),
    ),
    # "five companies that belong to the consortium".
    Frame(
        "MEMBER_OF",
        verbs=_forms("belong", "belongs", "belonged"),
        preps=_forms("to"),
        direct_object=False,
    ),
    Frame(
        None,
        verbs=_forms("plead", "pleaded", "pleads", "pled"),
        requires=_forms("guilty"),
        direct_object=False,
        event="GuiltyPlea",
        subject_role="defendant",
        status="pleaded",
    ),
    Frame(
        "SENTENCED",
        verbs=_forms("sentence", "sentenced", "jail", "jailed", "imprison", "imprisoned"),
        term=True,
        event="Sentence",
        subject_role="court",
        object_role="defendant",
        status="sentenced",
    ),
)

# Payments that state an event without "fine" or "settle" as the verb: "agreed to pay
# $297 million in penalties" (a plea deal's settlement), "accepted a $50 million fine",
# "ordered Ripple to pay a $125 million civil penalty" (a fine with its authority).
PAID_SETTLEMENT = Frame(
    None,
    event="Settlement",
    subject_role="defendant",
    object_role="authority",
    status="agreed",
    amount=True,
)
PAID_FINE = Frame(
    "FINED",
    amount=True,
    event="Fine",
    subject_role="authority",
    object_role="defendant",
    status="imposed",
)
# A verdict: "a jury found Bankman-Fried guilty", "found Terraform and Kwon liable".
VERDICT = Frame(
    None, event="Ruling", subject_role="court", object_role="defendant", status="decided"
)
_VERDICTS = frozenset({"guilty", "liable"})
# A case someone brought: "to settle a civil fraud case brought by the SEC".
BROUGHT_CASE = next(f for f in FRAMES if f.predicate == "SUED")
_CASE_NOUNS = frozenset({"case", "lawsuit", "suit", "action", "complaint"})
SETTLED_CASE = next(f for f in FRAMES if f.predicate == "SETTLED_WITH")
# "The FTC reached a settlement with Celsius": the party settles with the authority.
_AUTHORITY_TYPES = frozenset({"Regulator", "Government"})
_PARTY_TYPES = frozenset({PERSON, "Organization"})
# Money raised: "raised $40 billion in a round led by SoftBank", "raised $4 billion from
# Amazon". The raiser is the target; the lead or source, the investor.
RAISED = next(f for f in FRAMES if f.predicate == "INVESTED_IN")
_ROUND_NOUNS = frozenset({"round", "financing", "funding", "investment", "placement"})
# Who announces a round raised it: "Polymarket disclosed a round led by General Catalyst".
_ROUND_VERBS = frozenset(
    {"disclose", "announce", "close", "complete", "secure", "land", "raise", "finalize",
     "finalise", "receive", "unveil", "confirm"}
)  # fmt: skip
# Where a company has offices, or its headquarters.
OFFICES = Frame("LOCATED_IN")
HEADQUARTERS = next(f for f in FRAMES if f.predicate == "HEADQUARTERED_IN")
_SITES = frozenset(
    {"office", "operation", "branch", "presence", "hub", "base", "site", "store", "plant",
     "facility", "factory", "centre", "center", "farm", "mill", "mine", "refinery",
     "warehouse", "campus", "business"}
)  # fmt: skip
# Verbs by which a company has sites: "has offices in", "runs mining sites in", "owns two
# power plants in".
_SITE_VERBS = frozenset({"have", "run", "operate", "open", "own", "build"})
# Backing states the investment, not an event (no amount, no time).
BACKED = Frame("INVESTED_IN")
_DEBT_WORDS = frozenset({"bond", "debt", "note", "loan", "borrowing"})
_STAKE_VERBS = frozenset({"buy", "acquire", "purchase", "take", "build", "raise", "increase"})
_STAKE_NOUNS = frozenset({"stake", "share", "holding", "interest", "shareholding"})
# Charges someone brought: "settle charges from the SEC", "faces charges by the DOJ".
CHARGES = next(f for f in FRAMES if f.predicate == "CHARGED")
SENTENCES = next(f for f in FRAMES if f.predicate == "SENTENCED")
_CHARGE_NOUNS = frozenset({"charge", "allegation", "claim"})
_FACING = frozenset({"settle", "face", "resolve"})
# A regulator's decision on a kind of thing: "the SEC approved the first bitcoin funds".
POLICY = Frame(
    None, event="Policy", subject_role="authority", object_role="subject", status="adopted"
)
POLICY_PROPOSED = Frame(
    None, event="Policy", subject_role="authority", object_role="subject", status="proposed"
)
_POLICY_VERBS = {"approve": POLICY, "adopt": POLICY, "ban": POLICY, "authorize": POLICY,
                 "authorise": POLICY, "finalize": POLICY, "finalise": POLICY,
                 "propose": POLICY_PROPOSED}  # fmt: skip
_POLICY_OBJECTS = frozenset(
    {"rule", "regulation", "ban", "fund", "etf", "product", "application", "framework",
     "guidance", "standard", "licence", "license", "listing", "law", "bill", "policy"}
)  # fmt: skip
_PAY_VERBS = frozenset({"pay", "accept", "receive"})
_GIVE = frozenset({"give", "hand"})
_JAIL = frozenset({"jail", "imprison"})
_TERM_UNITS = frozenset({"year", "month", "week", "day"})
_PENALTY_NOUNS = frozenset({"fine", "penalty"})
_ORDER_VERBS = frozenset({"order", "require", "force", "direct", "compel"})
_SETTLE_WORDS = frozenset({"settle", "settlement"})
# A payment is a settlement only in enforcement words, not "agreed to pay $69 billion for".
_ENFORCEMENT_WORDS = frozenset(
    {"penalty", "fine", "forfeiture", "restitution", "damage", "disgorgement", "plead",
     "guilty", "plea", "charge", "allegation", "resolve", "investigation", "probe",
     "violation", "breach"}
)  # fmt: skip

# Nouns for a part of an organisation, which stand for their owner.
_PARTS = frozenset({"branch", "unit", "subsidiary", "arm", "division", "affiliate", "office"})

_MODALS = frozenset({"may", "might", "could", "would", "should", "can"})
_REPORTING = frozenset({"say", "announce", "confirm", "tell", "state", "disclose", "report"})
_HEDGING_VERBS = frozenset(
    {
        "plan", "consider", "seek", "expect", "hope", "want", "propose", "explore", "discuss",
        "aim", "deny", "weigh", "threaten", "intend", "try", "attempt", "refuse", "mull",
        "pledge", "promise", "vow", "offer", "negotiate", "ask", "urge", "request",
    }
)  # fmt: skip
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
_PRONOUNS_THING = frozenset({"it", "its", "they", "their"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
# Words that count the names a plural noun stands for: "both companies", "five companies".
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
# "each man", "both men": the people named together before.
_PEOPLE_NOUNS = frozenset(
    {"man", "men", "woman", "women", "defendant", "defendants", "founder", "founders"}
)
# Nouns for people who work at the body named before them.
_MEMBERS = frozenset({"staff", "employee", "executive", "researcher", "engineer", "worker"})
_COPULA_NOUN_DEPS = frozenset({"attr", "appos"})
# Prepositions that date one deed by another: "after pleading guilty".
_TIME_PREPS = frozenset({"after", "before", "since"})
_STAKE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)")

CONFIDENCE = {
    "active": 0.8,
    "passive": 0.8,
    "clause": 0.7,
    "noun": 0.7,
    "based": 0.85,
    "owned": 0.8,
    "deal": 0.7,
    "paid": 0.7,
    "ordered": 0.8,
    "verdict": 0.8,
    "raised": 0.75,
    "stake": 0.75,
    "charges_from": 0.7,
    "policy": 0.7,
    "brought": 0.75,
    "led": 0.75,
    "act": 0.7,
    "also": 0.7,
    "described": 0.7,
    "listed": 0.7,
    "sold_shares": 0.75,
    # An authority, or a round, taken from an earlier sentence of the article.
    "carried": 0.6,
    "joined": 0.6,
}


def negated_or_hedged(verb: Token) -> bool:
    """A negation or modal on the verb or any verb that governs it; for a noun ("plans to
    buy a stake in"), on the verb it belongs to."""
    while verb.pos_ in ("NOUN", "PROPN") and verb.head.i != verb.i:
        if verb.dep_ not in ("dobj", "pobj", "prep", "attr", "nsubj", "nsubjpass", "appos"):
            break
        verb = verb.head
    token: Token | None = verb
    # "No OKX employee was charged": a negative determiner on the subject.
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            d.lower_ in ("no", "none", "neither") for d in child.children if d.dep_ == "det"
        ):
            return True
    while token is not None:
        for child in token.children:
            if child.dep_ == "neg":
                return True
            # "is no longer a member of the board".
            if child.lower_ == "longer" and any(d.lower_ == "no" for d in child.children):
                return True
            if child.dep_ == "aux" and child.lower_ in _MODALS and not _reported_will(token):
                return True
        if token is not verb and token.lemma_.lower() in _HEDGING_VERBS:
            return True
        if (
            token.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl")
            and token.head.i != token.i
        ):
            token = token.head
        else:
            token = None
    return False


def _reported_will(verb: Token) -> bool:
    """ "Unilever said that Schumacher would step down": "would" is "will" in reported
    speech, an announcement rather than a hedge (unless a condition comes with it)."""
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _MODALS), None)
    if modal is None or modal.lower_ != "would":
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.subtree):
        return False
    # "said that X was leaving and would be replaced by Y".
    clause = _first_conjunct(verb)
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _REPORTING


def told_as_to_come(verb: Token) -> bool:
    """ "will run the merged bank", "is to take", "agreed to take", "expected to run": a
    deed or post still to come."""
    return verb.dep_ == "xcomp" or any(
        c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children
    )


def _plea_to_come(verb: Token) -> bool:
    """ "has agreed to plead guilty": a plea deal, whose plea is still to come."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "agree"


def _first_conjunct(verb: Token) -> Token:
    """The first of the verbs ``verb`` is coordinated with, whose clause it shares."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


class _Resolver:
    """From a token to the entity it names: a mention, an appositive, a description, a pronoun."""

    def __init__(self, doc: Doc, ents: ArticleEntities) -> None:
        self._doc = doc
        self._ents = ents
        self._by_token: dict[int, str] = {}
        for mention, eid in zip(ents.mentions, ents.entity_of, strict=True):
            for i in range(mention.start, mention.end):
                self._by_token[i] = eid

    def entity(self, token: Token) -> str | None:
        eid = self._by_token.get(token.i)
        if eid is not None:
            return eid
        if token.lower_ in ("which", "whom") and token.dep_ == "pobj":
            # "Commerzbank, in which the German government holds a stake": the name the
            # relative clause hangs on.
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            return self.entity(clause.head) if clause is not None else None
        unit = self._by_token.get(token.head.i) if token.dep_ == "appos" else None
        if token.lemma_.lower() in _PARTS and unit is not None and not self.is_person(unit):
            # "CB Payments, the London-based payments arm of Coinbase": the part is the
            # name it stands beside, not its owner.
            return unit
        if token.lemma_.lower() in _PARTS | {"board"}:
            # "Credit Suisse's Singapore branch": the owner, not the place, is the body;
            # "advised Covestro's management board": the company the board runs.
            owner = _child(token, {"poss"})
            if owner is not None and owner.i in self._by_token:
                return self._by_token[owner.i]
        if token.lemma_.lower() in _PARTS | {"business"}:
            # "the retail banking business of Tesco Bank".
            owners = [o for o in _prep_objects(token, frozenset({"of"})) if o.i in self._by_token]
            if owners:
                return self._by_token[owners[0].i]
        described = self._by_token.get(token.head.i) if token.dep_ == "appos" else None
        if described is not None and self._ents.types[described] == PERSON:
            # "Richard Tornetta, a Tesla shareholder who had sued Musk": the person, not
            # the company that names the kind of shareholder.
            return described
        for child in token.children:
            named = child.dep_ in ("appos", "compound")
            # "the firm that Bankman-Fried, FTX's founder, also set up": the parse may hang
            # the person on his title.
            named = named or (
                child.dep_ == "nmod"
                and self._ents.types.get(self._by_token.get(child.i, "")) == PERSON
            )
            if named and child.i in self._by_token:
                eid = self._by_token[child.i]
                if child.dep_ == "compound" and token.tag_ == "NNS" and self.is_place(eid):
                    # "U.S. regulators": some of a country's bodies, not the country.
                    continue
                if child.dep_ == "compound" and self._ents.types.get(eid) == "Asset":
                    continue  # "a bitcoin miner" is no bitcoin
                if child.dep_ == "compound" and token.lemma_.lower() in _MEMBERS:
                    continue  # "former OpenAI staff" are people, not OpenAI
                return eid
        if described is not None:
            # "Do Kwon, the entrepreneur who co-founded Terraform": the description's name.
            return described
        word = token.lower_
        following = self._by_token.get(token.i + 1)
        if word in DESCRIPTIONS and following is not None and token.dep_ in ("dobj", "pobj"):
            # "to buy ... software company Splunk": the parse may leave the name off the
            # noun it follows.
            return following
        # "the Oakland, California-based company": the parse may hang "the" on the place.
        if word in DESCRIPTIONS and is_definite(token):
            # "the exchange Binance": the name that follows the description.
            following = self._by_token.get(token.i + 1)
            if following is not None:
                return following
            return self.described(token)
        if word in _PRONOUNS_THING:
            return pronoun_antecedent(self._ents, token)
        if word in _PRONOUNS_PERSON:
            # An object pronoun is not its own clause's subject: in "Lisa Cook, who sued
            # him", "him" is not Cook.
            subject = self._clause_subject(token) if token.dep_ in ("dobj", "pobj") else None
            # … and it is the subject of the clause the relative clause hangs in, when that
            # is a person: "Trump has tried to fire Governor Lisa Cook, who sued him".
            outer = self._outer_subject(token) if subject is not None else None
            if outer is not None and outer != subject and self._ents.types[outer] == PERSON:
                return outer
            people = [
                (m, eid)
                for m, eid in zip(self._ents.mentions, self._ents.entity_of, strict=True)
                if m.end_char <= token.idx and self._ents.types[eid] == PERSON and eid != subject
            ]
            if not people:
                return None
            latest, _ = people[-1]
            if latest.sentence_start == token.sent.start_char:
                return people[-1][1]
            # From an earlier sentence, the person that sentence tells of most directly:
            # after "imposed sanctions on Alexandre de Moraes, the justice overseeing the
            # case against Jair Bolsonaro", "him" is de Moraes.
            told = [(m, eid) for m, eid in people if m.sentence_start == latest.sentence_start]
            doc = token.doc
            return min(told, key=lambda p: len(list(doc[p[0].start : p[0].end].root.ancestors)))[1]
        return None

    def _plural(self, noun: Token) -> list[str]:
        """The bodies "both companies" or "the two banks" name: as many as it counts; the
        people "the pair", "the two" or "each man" name: the last ones named together."""
        if noun.i in self._by_token:
            return []
        words = {c.lower_ for c in noun.children if c.dep_ in ("det", "nummod", "predet")}
        word = noun.lower_
        if (word in ("pair", "duo", "two") and "the" in words) or (
            word in _PEOPLE_NOUNS and words & {"each", "both"}
        ):
            return self._people_together(noun.i)
        if noun.tag_ != "NNS":
            return []
        count = max((_COUNTS.get(w, 0) for w in words), default=0)
        if not count:
            return []
        listed = self._listed_after(noun, count)
        if len(listed) == count:
            return listed  # "two Russian subsidiaries, Aeza Logistic and Cloud Solutions"
        return antecedents(self._ents, noun.idx, noun.lemma_.lower(), count)

    def _listed_after(self, noun: Token, count: int) -> list[str]:
        """The ``count`` names a comma or colon after ``noun`` sets out: "two Russian
        subsidiaries, Aeza Logistic and Cloud Solutions", "five companies that belong to the
        consortium: Greece-based Intellexa S.A., ..." (past a clause on the noun, and past
        where each is based)."""
        doc, end = self._doc, noun.sent.end
        opener = noun.i + 1
        if opener < end and doc[opener].text not in (",", ":") and noun.right_edge.i + 1 < end:
            opener = noun.right_edge.i + 1
            if doc[opener].text != ":":
                return []
        if opener >= end or doc[opener].text not in (",", ":"):
            return []
        found: list[str] = []
        i = opener + 1
        while i < end:
            i = self._past_base(i)
            hit = self._ents.at_token(i)
            if hit is None or hit[1].start != i:
                return []
            found.append(self._ents.entity_of[hit[0]])
            i = hit[1].end
            if len(found) == count:
                return found
            if i + 1 < end and doc[i].lower_ == "and":
                i += 1
            elif i + 1 < end and doc[i].text == "," and doc[i + 1].lower_ == "and":
                i += 2
            elif i < end and doc[i].text == ",":
                i += 1
            else:
                return []
        return []

    def _past_base(self, i: int) -> int:
        """Token ``i``, or the token after the "Greece-based" that opens there."""
        hit = self._ents.at_token(i)
        if hit is None or not self.is_place(self._ents.entity_of[hit[0]]):
            return i
        after = hit[1].end
        doc = self._doc
        based = after + 2 < len(doc) and doc[after].text == "-"
        return after + 2 if based and doc[after + 1].lower_ in ("based", "headquartered") else i

    def _people_together(self, before: int) -> list[str]:
        """The people of the latest coordination of names before token ``before``:
        "Sergei Potapenko and Ivan Turõgin"."""
        named = list(zip(self._ents.mentions, self._ents.entity_of, strict=True))
        for mention, eid in reversed(named):
            if mention.end > before or self._ents.types[eid] != PERSON:
                continue
            head = self._doc[mention.end - 1]
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            group = [self.entity(t) for t in [head, *_conjuncts(head)]]
            people = [e for e in dict.fromkeys(group) if e is not None and self.is_person(e)]
            if len(people) >= 2:
                return people
        return []

    def _clause_subject(self, token: Token) -> str | None:
        """The named subject of the verb over ``token``, through "who" to the person."""
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subject = _subject_of(verb)[0]
        if subject is not None and subject.lower_ == "who" and verb.dep_ == "relcl":
            subject = verb.head
        return self._by_token.get(subject.i) if subject is not None else None

    def _outer_subject(self, token: Token) -> str | None:
        """The named subject of the clause that the relative clause over ``token`` is in."""
        clause = token.head.head if token.dep_ == "pobj" else token.head
        if clause.dep_ != "relcl":
            return None
        verb = clause.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subject = _subject_of(verb)[0]
        return self._by_token.get(subject.i) if subject is not None else None

    def _not_subject(self, noun: Token) -> frozenset[str]:
        """The named subject of the verb a description is the object of: in "Broadcom
        agreed to buy the cloud computing company", the company is not Broadcom."""
        if noun.dep_ == "appos":
            noun = noun.head  # the parse may hang the description on a town before it
        if noun.dep_ not in ("dobj", "pobj"):
            return frozenset()
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        owner = _child(verb, {"poss"}) if noun.dep_ == "pobj" and verb.pos_ == "NOUN" else None
        if owner is not None and owner.i in self._by_token:
            # "Toyota's total investment in the Santa Cruz, California-based company".
            return frozenset({self._by_token[owner.i]})
        if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
            verb = verb.head  # "took sole control of the company"
        subject = _subject_of(verb)[0] if verb.pos_ in ("VERB", "AUX") else None
        eid = self._by_token.get(subject.i) if subject is not None else None
        if subject is not None and eid is None and subject.lower_ in ("it", "they"):
            # "when it took sole control of the Barcelona-based company": not what "it" is.
            eid = pronoun_antecedent(self._ents, subject)
        return frozenset({eid}) if eid is not None else frozenset()

    def lead_organization(self) -> str | None:
        """The organisation the article's first sentence is about."""
        return lead_organization(self._ents)

    def is_authority(self, eid: str) -> bool:
        return self._ents.types.get(eid) in _AUTHORITY_TYPES

    def is_court(self, eid: str) -> bool:
        return self._ents.types.get(eid) == "Regulator" and self._ents.kinds.get(eid) == "court"

    def is_supervisor(self, eid: str) -> bool:
        """A regulator that is no court."""
        return self._ents.types.get(eid) == "Regulator" and self._ents.kinds.get(eid) != "court"

    def is_person(self, eid: str) -> bool:
        return self._ents.types.get(eid) == PERSON

    def is_organization(self, eid: str) -> bool:
        return self._ents.types.get(eid) == "Organization"

    def is_party(self, eid: str) -> bool:
        """A person or a company: who can invest, take part or sign."""
        return self._ents.types.get(eid) in _PARTY_TYPES

    def is_place(self, eid: str) -> bool:
        return self._ents.types.get(eid) in ("Location", "Government")

    def body_before(self, token: Token) -> str | None:
        """The body "its" would name just before ``token``'s phrase."""
        return antecedent(self._ents, token.left_edge.idx, "its", token.sent.start_char)

    def described(self, noun: Token) -> str | None:
        """The body a description ("the company") points back to, before the description's
        own words ("The Microsoft-owned professional network" is not Microsoft)."""
        start = min(noun.left_edge.idx, noun.idx)
        called = self._called_so(noun, start)
        if called is not None:
            return called
        # "the Irish regulator": a capitalised adjective that names its body.
        qualifier = next(
            (c.text for c in noun.children if c.dep_ == "amod" and c.text[:1].isupper()), None
        )
        return antecedent(
            self._ents,
            start,
            noun.lower_,
            noun.sent.start_char,
            self._not_subject(noun) | based_elsewhere(self._ents, noun),
            qualifier,
        )

    def _called_so(self, noun: Token, before: int) -> str | None:
        """The one body the article has set beside the same noun before: "The Salt Lake
        City-based firm" after "Bridge Investment Group, a real estate investment firm"."""
        doc = noun.doc
        lemma = noun.lemma_.lower()
        named: set[str] = set()
        for token in doc:
            if token.idx >= before or token.dep_ != "appos" or token.lemma_.lower() != lemma:
                continue
            eid = self.entity(token.head)
            if eid is not None and not self.is_place(eid) and not self.is_person(eid):
                named.add(eid)
        if len(named) != 1:
            return None
        eid = named.pop()
        return None if eid in self._not_subject(noun) else eid

    def is_asset(self, eid: str) -> bool:
        return self._ents.types.get(eid) == "Asset"

    def is_regulator(self, eid: str) -> bool:
        return self._ents.types.get(eid) == "Regulator"

    def entities(self, token: Token) -> list[str]:
        """The entity a token names and those coordinated with it ("the SEC and the CFTC").

        A noun that classes a copula's subject names that subject: in "UBS and Citibank
        were among the firms penalised" and "Sinbad is the mixer sanctioned", the firms
        are UBS and Citibank and the mixer is Sinbad.
        """
        classed = _classed_subject(token)
        if classed is not None and token.i not in self._by_token:
            return self.entities(classed)
        out = []
        for t in [token, *_conjuncts(token)]:
            single = self.entity(t)
            for eid in self._plural(t) or ([single] if single is not None else []):
                if eid not in out:
                    out.append(eid)
        # A list the parse broke up: a subject's, or an agent's ("co-led by Lightspeed and
        # Kleiner Perkins").
        listed = token.dep_ in ("nsubj", "nsubjpass") or (
            token.dep_ == "pobj" and token.head.dep_ == "agent"
        )
        if listed and out:
            out += [e for e in self._listed_with(token) if e not in out]
        return out

    def _listed_with(self, token: Token) -> list[str]:
        """The names listed with a subject that the parse did not join to it: in "Sequoia
        Capital, Ribbit Capital and SV Angel also invested", all three invested. A list is
        names of one type set apart by commas, its last one after "and"."""
        found = self._ents.at_token(token.i)
        if found is None:
            return []
        first = last = found[0]
        kind = self._ents.types[self._ents.entity_of[first]]
        closed = False
        while not closed:
            step = self._next_in_list(last, kind)
            if step is None:
                break
            last, closed = step
        while True:
            earlier = self._previous_in_list(first, kind, closed)
            if earlier is None:
                break
            first, by_and = earlier
            closed = closed or by_and
        if not closed:
            return []
        members = [
            self._ents.entity_of[pos]
            for pos in range(len(self._ents.mentions))
            if self._ents.mentions[first].start
            <= self._ents.mentions[pos].start
            <= self._ents.mentions[last].start
        ]
        return list(dict.fromkeys(members))

    def _next_in_list(self, pos: int, kind: str) -> tuple[int, bool] | None:
        """The list member after mention ``pos`` and whether "and" brought it (ending the
        list)."""
        doc = self._doc
        i = self._ents.mentions[pos].end
        words = [t.lower_ for t in doc[i : i + 2]]
        gap = 2 if words == [",", "and"] else 1 if words[:1] in (["and"], [","]) else 0
        nxt = self._ents.starting_at(i + gap) if gap else None
        if nxt is None or self._ents.types[self._ents.entity_of[nxt]] != kind:
            return None
        return nxt, "and" in words[:gap]

    def _previous_in_list(self, pos: int, kind: str, closed: bool) -> tuple[int, bool] | None:
        """The list member before mention ``pos`` and whether "and" joins them; once the
        list's "and" is found, only commas go on."""
        doc = self._doc
        start = self._ents.mentions[pos].start
        if start < 2:
            return None
        by_and = doc[start - 1].lower_ == "and"
        if (closed and by_and) or not (by_and or doc[start - 1].text == ","):
            return None
        end = start - 2 if by_and and doc[start - 2].text == "," else start - 1
        prev = self._ents.ending_at(end - 1)
        if prev is None or self._ents.types[self._ents.entity_of[prev]] != kind:
            return None
        return prev, by_and


def _class_copula(noun: Token) -> Token | None:
    """The copula whose subject a common noun classes: "X is the mixer", "X were among
    the firms"."""
    if noun.pos_ != "NOUN":
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        copula = noun.head.head
    elif noun.dep_ == "attr":
        copula = noun.head
    else:
        return None
    return copula if copula.lemma_.lower() == "be" else None


def _classed_subject(noun: Token) -> Token | None:
    """The subject a common noun classes (see ``_class_copula``)."""
    copula = _class_copula(noun)
    return _child(copula, {"nsubj"}) if copula is not None else None


def _after_class_noun(verb: Token) -> bool:
    """ "were among the other firms penalised" parsed with the verb on the copula: the
    verb follows the noun that classes the copula's subject."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBN", "VBD") or verb.i == 0:
        return False
    return _class_copula(verb.doc[verb.i - 1]) == verb.head


def _conjuncts(token: Token) -> list[Token]:
    """Tokens coordinated with ``token``, also past an apposition: in "Ellison, the former
    chief executive of Alameda, and Gary Wang", Wang hangs on "executive"."""
    found: list[Token] = []
    appositions = [c for c in token.children if c.dep_ == "appos"]
    heads = [token, *appositions]
    stack = [c for head in heads for c in head.children if c.dep_ == "conj"]
    # "Arthur Mensch, its chief executive, Guillaume Lample and Timothée Lacroix": the list
    # goes on from a name set beside the first one's title.
    stack += [
        name
        for title in appositions
        for name in title.children
        if name.dep_ == "appos" and name.pos_ == "PROPN" and _child(name, {"conj"}) is not None
    ]
    if stack:
        # "United Overseas Bank, UBS, UOB Kay Hian and Citibank": in a list the parse
        # takes for an apposition, a name after the first is one more member.
        found.extend(a for a in appositions if a.pos_ == "PROPN")
    while stack:
        t = stack.pop()
        if _opens_a_clause(t):
            continue
        found.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return found


def _opens_a_clause(token: Token) -> bool:
    """Whether a name the parse coordinated with an object is the subject of the verb
    right after it, a verb with no subject of its own: in "took a stake in Intel and
    SoftBank agreed to invest", SoftBank agreed."""
    after = token.right_edge.i + 1
    if after >= token.sent.end:
        return False
    verb = token.doc[after]
    while verb.dep_ == "advmod" and after + 1 < token.sent.end:  # "and SoftBank also agreed"
        after += 1
        verb = token.doc[after]
    return (
        verb.tag_ in ("VBD", "VBZ", "VBP")
        and verb.dep_ in ("conj", "ROOT", "ccomp", "advcl")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _clause_subject_before(verb: Token) -> Token | None:
    """The name right before a finite verb with no subject that the parse coordinated
    with an earlier object instead (see ``_opens_a_clause``)."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].dep_ == "advmod":
        i -= 1
    if i < verb.sent.start:
        return None
    name = verb.doc[i]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return name if name.dep_ == "conj" and name.pos_ == "PROPN" and _opens_a_clause(name) else None


def _child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions in ``preps``, also of one coordinated with them:
    "sanctions on Hydra and on Garantex"."""
    found = [p for p in token.children if p.dep_ == "prep" and p.lower_ in preps]
    found += [c for p in found for c in p.children if c.dep_ == "conj" and c.lower_ in preps]
    return [obj for prep in found for obj in prep.children if obj.dep_ == "pobj"]


# Verbs that judge a deed someone else did: "described buying Frank as a huge error".
_JUDGING = frozenset({"describe", "call", "defend", "criticize", "criticise", "praise", "regret"})


def _subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb and whether it is the *object* of a passive verb."""
    # A bad parse may give several subjects ("co - founder Zhao"): the nearest is the head.
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if subjects:
        return subjects[-1], False
    passive = _child(verb, {"nsubjpass"})
    if passive is not None:
        return passive, True
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _JUDGING:
        # "Jamie Dimon has described buying Frank as a huge error": the speaker did not.
        return None, False
    # "took a stake in Intel and SoftBank agreed to invest": the name the parse hung on
    # the object before.
    stranded = _clause_subject_before(verb) if verb.tag_ in ("VBD", "VBZ", "VBP") else None
    if stranded is not None:
        return stranded, False
    # "agreed to buy": the controlling verb's subject; "sued and fined": the first verb's;
    # "paid $30 million to settle": a purpose clause shares its main verb's subject.
    purpose = verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children)
    if (verb.dep_ in ("xcomp", "conj") or purpose) and verb.head.i != verb.i:
        subject, acted_on = _subject_of(verb.head)
        # "Skechers agreed to be bought by 3G Capital": what the passive acts on.
        if verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
            acted_on = True
        return subject, acted_on
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _TIME_PREPS:
        # "Zhao, who spent four months in prison after pleading guilty": who did what the
        # clause says did the deed it dates it by, even as a passive's subject.
        governing = verb.head.head
        subject = _subject_of(governing)[0]
        if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS:
            subject = governing.head if governing.dep_ == "relcl" else None
        return subject, False
    # "The platform has licensing deals": the parse may hang the subject on the auxiliary.
    for aux in (c for c in verb.children if c.dep_ == "aux"):
        subject = _child(aux, _SUBJECTS)
        if subject is not None:
            return subject, False
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return _child(child, {"pobj"})
    return None


@dataclass(frozen=True)
class _Found:
    subjects: list[str]
    objects: list[str]
    anchor: Token
    rule: str


# Papers that charge someone on their authority's behalf.
_CHARGING_PAPERS = frozenset({"indictment", "complaint"})


def _verb_frame(frame: Frame, verb: Token, resolve: _Resolver) -> _Found | None:
    if frame.predicate == "INVESTED_IN" and _in_the_round(verb):
        return None  # read by _joined_round
    if frame.event == "Acquisition" and (_buys_securities(verb) or _bought_into(verb)):
        return None  # "bought into the club" is read by _stake_bought_into
    subject, passive = _subject_of(verb)
    agent = _agent(verb)
    objects: list[Token] = []
    subjects: list[Token] = []
    rule = "active"
    # "the other firms penalised": a past participle on a noun is passive without an agent;
    # the small parse may hang it on the copula instead ("were among the firms penalised").
    participle = subject is None and (
        (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")) or _after_class_noun(verb)
    )
    if passive or agent is not None or participle:
        # "Binance was fined by the Treasury" / "Circle, founded by Jeremy Allaire".
        rule = "passive"
        if agent is not None:
            subjects.append(agent)
        if subject is not None and passive:
            objects.append(subject)
        elif verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("PROPN", "NOUN"):
            objects.append(verb.head)
            rule = "clause"
        elif _after_class_noun(verb):
            objects.append(verb.doc[verb.i - 1])
            rule = "clause"
        if rule == "clause":
            # "were among the firms penalised, along with Julius Baer and LGT Bank".
            for along in (c for c in verb.children if c.lower_ == "along"):
                objects.extend(_prep_objects(along, frozenset({"with"})))
        if frame.preps and not frame.direct_object:
            # "X is based in Y": the passive subject is the relation's subject.
            subjects, objects = objects, _prep_objects(verb, frame.preps)
            where = any(c.lower_ == "where" for c in verb.children)
            if not objects and where and verb.dep_ == "relcl":
                objects = [verb.head]  # "Atlanta, where Norfolk Southern is based"
                rule = "clause"
    else:
        if subject is not None:
            subjects.append(subject)
            subjects.extend(_as_did(verb))  # "The SEC sued Ripple, as did the CFTC"
            subjects.extend(_joined_subjects(verb, subject))
            if frame.predicate == "INVESTED_IN":
                subjects.extend(_invested_along_with(verb))
        elif verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
            subjects.append(verb.head)
            rule = "clause"
        elif verb.dep_ == "acl" and verb.head.lemma_.lower() in _CHARGING_PAPERS:
            # "unsealed an indictment in Texas charging him": who brought the paper.
            paper = verb.head
            bringer = _subject_of(paper.head)[0] if paper.dep_ == "dobj" else None
            if bringer is not None:
                subjects.append(bringer)
                rule = "clause"
        obj = _child(verb, {"dobj"})
        if obj is None and verb.i + 1 < len(verb.doc):
            # "who founded Geely": the parse may take the name after the verb for an adverb.
            after = verb.doc[verb.i + 1]
            named = resolve.entity(after) if after.dep_ == "advmod" else None
            if after.head.i == verb.i and named is not None and resolve.is_organization(named):
                obj = after
        if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
            relative = obj is not None and obj.lower_ in _RELATIVE_PRONOUNS
            # "The exchange, which Changpeng Zhao founded in 2017" and, with no pronoun,
            # "Citron Capital, the hedge fund he set up": the clause's noun is the object.
            bare = obj is None and subject is not None and subject.lower_ not in _RELATIVE_PRONOUNS
            if relative or bare:
                obj = verb.head
                rule = "clause"
        if frame.direct_object and obj is not None:
            objects.append(obj)
            # "sued Early Warning Services, the company that runs Zelle, along with JPMorgan
            # Chase, Bank of America and Wells Fargo": the parse hangs them on the verb.
            objects.extend(_along_with(verb, obj))
        # "fined Starling Bank £29 million": the one fined is the indirect object, which the
        # small parse may hang on the amount instead ("Barclays" as a modifier of "million").
        dative = _child(verb, {"dative"})
        if frame.direct_object and dative is not None:
            objects.append(dative)
        if frame.direct_object and obj is not None and (obj.like_num or obj.ent_type_ == "MONEY"):
            objects.extend(
                c
                for c in obj.children
                if (c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN")
                or (c.dep_ == "quantmod" and resolve.entity(c) is not None)  # "BitMEX $100m"
            )
            # ... or on the verb, as a modifier between it and the amount.
            objects.extend(
                c
                for c in verb.children
                if c.dep_ in ("advmod", "npadvmod")
                and verb.i < c.i < obj.i
                and resolve.entity(c) is not None
            )
        objects.extend(_prep_objects(verb, frame.preps))
        if not frame.direct_object and obj is not None:
            # "settle charges from the SEC": the preposition hangs on the object.
            objects.extend(_prep_objects(obj, frame.preps))
    clause = _first_conjunct(verb)  # "which has $53 billion in assets and is headquartered in"
    if clause.dep_ == "relcl" and subject is not None and subject.lower_ in _RELATIVE_PRONOUNS:
        # "Binance, which is based in Abu Dhabi": the relative pronoun stands for the head.
        target = subjects if not passive or (frame.preps and not frame.direct_object) else objects
        head = _who_head(clause.head, resolve) if subject.lower_ == "who" else clause.head
        target[:] = [head if t is subject else t for t in target]
        rule = "clause"
    subject_ids = [e for t in subjects for e in resolve.entities(t)]
    object_ids = [e for t in objects for e in resolve.entities(t)]
    if frame.predicate == "HEADQUARTERED_IN":
        # "headquartered in Houston and Tupelo, Mississippi": the state is where the town is.
        states = {
            resolve.entity(t)
            for o in objects
            for t in o.subtree
            if _state_of_the_town_before(t, resolve)
        }
        object_ids = [e for e in object_ids if e not in states]
    launched = frame.predicate == "FOUNDED" and verb.lower_.startswith("launch")
    if launched and not all(resolve.is_person(e) for e in subject_ids):
        return None
    if frame.predicate == "FOUNDED" and any(resolve.is_person(e) for e in subject_ids):
        # "started Kalshi in 2018 with Luana Lopes Lara": she is a founder too.
        partners = _prep_objects(verb, frozenset({"with"}))
        subject_ids += [e for t in partners for e in resolve.entities(t) if resolve.is_person(e)]
    if frame.predicate == "FOUNDED":
        # "founded in 2023 by Arthur Mensch, its chief executive, Guillaume Lample and
        # Timothée Lacroix": everyone the list after "by" or "with" names, however the
        # parse hangs it.
        for prep in (c for c in verb.children if c.lower_ in ("by", "with")):
            subject_ids += [e for e in _people_listed_after(prep, resolve) if e not in subject_ids]
    # One side is enough for an event ("Zhao was sentenced"); a relation needs both.
    if not subject_ids and not object_ids:
        return None
    return _Found(subject_ids, object_ids, verb, rule)


# Words that end a list of names: a clause about them ("four friends who met").
_LIST_ENDS = frozenset({"who", "which", "that", "whose", ";", "after", "before", "when"})


def _people_listed_after(prep: Token, resolve: _Resolver) -> list[str]:
    """The people a list after a preposition names, up to the end of the list: in "by four
    graduates: chief executive Michael Truell, Sualeh Asif, Arvid Lunnemark and Aman
    Sanger", all four; titles and descriptions between the names are passed over."""
    people: list[str] = []
    for token in prep.doc[prep.i + 1 : prep.sent.end]:
        if token.lower_ in _LIST_ENDS or (token.pos_ == "VERB" and token.dep_ != "amod"):
            break
        eid = resolve.entity(token) if token.pos_ == "PROPN" else None
        if eid is not None and resolve.is_person(eid) and eid not in people:
            people.append(eid)
    return people


# Nouns for people that a "who" clause may hang on.
_PERSON_NOUNS = frozenset({"people", "person", "individual", "executive", *_PEOPLE_NOUNS})


def _who_head(head: Token, resolve: _Resolver) -> Token:
    """The people "who" stands for: in "four people linked to the firm who were
    blacklisted" the parse hangs the clause on "firm", but a firm is no "who"."""

    def personal(token: Token) -> bool:
        eid = resolve.entity(token)
        return token.lemma_.lower() in _PERSON_NOUNS or (eid is not None and resolve.is_person(eid))

    token = head
    while not personal(token) and token.dep_ in ("pobj", "prep", "acl") and token.head.i != token.i:
        token = token.head
    return token if personal(token) else head


# Deals that make the parties partners: "licensing deals with Google and OpenAI".
_PARTNER_DEALS = frozenset(
    {"licensing", "licence", "license", "partnership", "distribution", "supply", "content"}
)


def _state_of_the_town_before(token: Token, resolve: _Resolver) -> bool:
    """Whether a place follows a town and a comma: "Mississippi" in "Tupelo, Mississippi"."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != ",":
        return False
    town = resolve.entity(doc[token.i - 2])
    return town is not None and resolve.is_place(town)


# Deeds whose noun may name its doer with "by": "the acquisition of Discover by Capital One".
_DONE_BY = frozenset({"Investment", "Acquisition"})
_BUYING_GROUPS = frozenset({"consortium", "group"})


def _noun_frame(frame: Frame, noun: Token, resolve: _Resolver) -> _Found | None:
    """ "X completed its acquisition of Y", "a stake in Y", "OFAC is part of the Treasury"."""
    between = [e for t in _prep_objects(noun, frozenset({"between"})) for e in resolve.entities(t)]
    if frame.predicate == "PARTNERED_WITH" and len(between) >= 2:
        # "a partnership between Apple and Goldman Sachs".
        return _Found(between[:1], between[1:], noun, "noun")
    if frame.predicate == "PARTNERED_WITH" and noun.lemma_.lower() in ("deal", "agreement"):
        kinds = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
        if noun.dep_ == "dobj":
            kinds.add(noun.head.lower_)  # the parse may take "has licensing deals" for a verb
        if not kinds & _PARTNER_DEALS:
            return None  # "a deal with the SEC", "an agreement with its creditors"
    objects = _stake_places(noun, frame.preps) if frame.stake else _prep_objects(noun, frame.preps)
    head = noun.head
    if frame.stake and _event_status(RAISED, noun) == "agreed":
        return None  # "agreed to buy a 14.9% stake": owned once the purchase is done
    if not objects and head.pos_ in ("VERB", "AUX"):
        # "led a $2 billion investment in the startup": the preposition hangs on the verb.
        objects = _prep_objects(head, frame.preps)
    elif objects and noun.dep_ == "dobj":
        # "imposed sanctions on Tal Dilian ... and on his associate Sara Hamou": the parse
        # hangs the second "on" on the verb.
        again = [c for c in head.children if c.dep_ == "conj" and c.lower_ in frame.preps]
        objects += [t for prep in again for t in prep.children if t.dep_ == "pobj"]
    owner = _child(noun, {"poss"})
    subject: Token | None = owner
    doer = _prep_objects(noun, frozenset({"by"})) if frame.event in _DONE_BY else []
    if subject is None and doer:
        # "the investment by Microsoft in OpenAI", "the acquisition of Discover by Capital
        # One": the parse may hang what is acted on on the doer.
        subject = doer[0]
        if subject.lemma_.lower() in _BUYING_GROUPS:
            # "a takeover by a consortium of CVC Capital Partners and Nordic Capital".
            subject = next(iter(_prep_objects(subject, frozenset({"of"}))), subject)
        else:
            objects = objects or _prep_objects(subject, frame.preps)
        agreed = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else None
        if not objects and agreed is not None and agreed.lemma_.lower() == "agree":
            # "Hargreaves Lansdown agreed to a £5.4 billion takeover by ...": what agrees
            # to be bought.
            objects = [t for t in [_subject_of(agreed)[0]] if t is not None]
    clause = _child(noun, {"relcl"}) if frame.stake else None
    if subject is None and clause is not None:
        # "the stake he built in Twitter": the clause's subject holds it.
        holder = _child(clause, {"nsubj"})
        if holder is not None and holder.lower_ not in _RELATIVE_PRONOUNS:
            subject = holder
            objects = objects or _prep_objects(clause, frame.preps)
    if subject is None and noun.dep_ in _COPULA_NOUN_DEPS | {"dobj", "pobj"}:
        subject = _subject_of(head)[0] if noun.dep_ != "appos" else head
        if noun.dep_ == "appos":
            # "Polychain Capital and Bullish Capital, the venture arm of Bullish": the
            # apposition describes the name right before it, not the whole list.
            listed = [c for c in _conjuncts(head) if c.i < noun.i]
            subject = max(listed, key=lambda t: t.i) if listed else head
        if subject is None and head.tag_ == "VBG" and head.dep_ == "dobj":
            subject = _subject_of(head.head)[0]  # "has licensing deals", parsed as a verb
        if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS:
            # "OFAC, which is part of the Treasury": the pronoun stands for the head.
            subject = head.head if head.dep_ == "relcl" else None
    if subject is None or not objects:
        return None
    object_ids = [e for t in objects for e in resolve.entities(t)]
    # No body acts on itself: "into Anthropic, bringing its total investment in the
    # start-up" does not make Anthropic its own investor.
    subject_ids = [e for e in resolve.entities(subject) if e not in object_ids]
    if frame.predicate == "MEMBER_OF" and noun.lemma_.lower() != "member":
        # A part, unit or arm is a body: "Furner understood every part of the business".
        subject_ids = [e for e in subject_ids if not resolve.is_person(e)]
    # "imposed penalties on nine financial institutions": the authority acts on parties
    # named later ("UOB and UBS were among the firms penalised").
    acts_on_later = frame.event in _CARRIED and all(resolve.is_authority(e) for e in subject_ids)
    if subject_ids and not object_ids and acts_on_later:
        return _Found(subject_ids, [], noun, "noun")
    if not subject_ids or not object_ids:
        return None
    return _Found(subject_ids, object_ids, noun, "noun")


def _described_company(described: Token, resolve: _Resolver, definite: bool) -> str | None:
    """The company a noun with an "X-based" or "X-owned" before it stands for: the name
    itself, the name it is the kind or apposition of ("Geneva-based commodities trader
    Gunvor", "Bybit, a Dubai-based exchange"), or the company a definite description points
    back to ("The Tysons, Virginia-based software company"); never a person ("Nikesh Arora,
    chairman of the Santa Clara, California-based company")."""
    subject = resolve.entity(described)
    if subject is None and described.dep_ in ("compound", "appos"):
        subject = resolve.entity(described.head)
    if subject is not None and resolve.is_person(subject):
        subject = None
    if (
        (subject is None or resolve.is_place(subject))
        and described.lower_ in DESCRIPTIONS
        and definite
    ):
        # The parse may take the town for the described name.
        subject = resolve.described(described)
    return subject


def _owned_compound(token: Token, resolve: _Resolver) -> _Found | None:
    """ "The Microsoft-owned professional network": "X-owned" or "X-controlled" before the
    company owned."""
    if token.lower_ not in ("owned", "controlled") or token.i < 2:
        return None
    doc = token.doc
    if doc[token.i - 1].text != "-":
        return None
    owner = resolve.entity(doc[token.i - 2])
    described = token.head if token.head.i != token.i else None
    if owner is None or described is None or resolve.is_place(owner):
        return None
    definite = any(c.lower_ == "the" for c in described.children) or (
        token.i > 2 and doc[token.i - 3].lower_ == "the"
    )
    owned = _described_company(described, resolve, definite)
    if owned is None or owned == owner or resolve.is_place(owned):
        return None
    return _Found([owner], [owned], token, "owned")


def _based_compound(token: Token, resolve: _Resolver) -> _Found | None:
    """ "the Seychelles-based exchange", "the London-headquartered bank": place, hyphen,
    'based' or 'headquartered', then the described noun."""
    if token.lower_ not in ("based", "headquartered") or token.i < 2:
        return None
    if token.doc[token.i - 1].text != "-":
        return None
    doc = token.doc
    first = token.i - 2
    place = resolve.entity(doc[first])
    while first > token.sent.start and doc[first].ent_iob_ == "I":
        first -= 1  # to the start of "New Jersey"
    # "the Tysons, Virginia-based software company": the town before its state.
    if first - 2 >= token.sent.start and doc[first - 1].text == ",":
        town = resolve.entity(doc[first - 2])
        # A place by its type or its tag ("New Brunswick, New Jersey-based"), and not a
        # company listed before: "Thalestris Limited, North Macedonia-based Cytrox AD".
        placed = doc[first - 2].ent_type_ in ("GPE", "LOC")
        if town is not None and (resolve.is_place(town) or placed):
            place, first = town, first - 2
            while first > token.sent.start and doc[first].ent_iob_ == "I":
                first -= 1  # to the start of "Santa Clara"
    described = token.head if token.head.i != token.i else None
    if place is None or described is None:
        return None
    # The tagger may take "the" into the town's name ("The Menomonee Falls").
    definite = (
        doc[first].lower_ == "the"
        or (first > 0 and doc[first - 1].lower_ == "the")
        or any(c.lower_ == "the" for c in described.children)
    )
    subject = _described_company(described, resolve, definite)
    # The parse may take the town for the subject and hang the noun on it as an apposition.
    told = described.head if described.dep_ == "appos" else described
    if (
        (subject is None or resolve.is_place(subject))
        and definite
        and described.pos_ == "NOUN"
        and told.dep_ in ("nsubj", "nsubjpass")
        and described.sent.start > 0
    ):
        # "The Sunnyvale, California-based buyer will fund …", "the New York-based hedge
        # fund manager knew …": a body told by what it does, the one the article is about.
        subject = resolve.lead_organization()
    if subject is None or subject == place:
        return None
    # "Ireland-based Intellexa Limited and Thalestris Limited": a name joined to the one
    # based, with no base of its own, shares it.
    joined = [
        e
        for c in described.children
        if c.dep_ == "conj"
        and c.left_edge.i == described.i + 2
        and c.doc[described.i + 1].lower_ == "and"
        and not any(a.lower_ in ("based", "headquartered") for a in c.children)
        for e in [resolve.entity(c)]
        if e is not None and not resolve.is_place(e) and not resolve.is_person(e)
    ]
    return _Found([subject, *joined], [place], token, "based")


def _penalty_object(verb: Token) -> bool:
    """Whether the verb pays a penalty: "pay a $125 million penalty", "pay $240 million in
    penalties"."""
    obj = _child(verb, {"dobj"})
    if obj is None:
        return False
    named = [obj, *_prep_objects(obj, frozenset({"in"}))]
    return any(t.lemma_.lower() in _PENALTY_NOUNS for t in named)


def _bodies_in(verb: Token, resolve: _Resolver, preps: frozenset[str]) -> list[str]:
    """Authorities named by ``preps`` anywhere under the verb: "under a deal with the DOJ"."""
    found: list[str] = []
    for token in verb.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in preps:
            found += [e for e in resolve.entities(token) if resolve.is_authority(e)]
    return list(dict.fromkeys(found))


# Nouns for a case an authority brings, whose modifiers name the authority.
_INQUIRY_NOUNS = frozenset({"investigation", "probe", "charge", "inquiry"})


def _cases_of(verb: Token, resolve: _Resolver) -> list[str]:
    """Authorities whose case a payment resolves: "to resolve U.S. Justice Department
    investigations", "to resolve charges brought by the SEC"."""
    found: list[str] = []
    for noun in verb.subtree:
        if noun.lemma_.lower() in _INQUIRY_NOUNS and noun.pos_ == "NOUN":
            found += _authorities_of(noun, resolve)
    return list(dict.fromkeys(found))


def _authorities_of(case: Token, resolve: _Resolver) -> list[str]:
    """The regulators a case noun names: "Justice Department charges", "the SEC's
    investigation", "charges brought by the SEC"."""
    found: list[str] = []
    for token in case.subtree:
        named = token.dep_ in ("compound", "poss") and token.head.i == case.i
        named = named or (token.dep_ == "pobj" and token.head.lower_ in ("by", "from"))
        if named:
            # A country as a modifier is no party: "to end a U.S. investigation".
            found += [e for e in resolve.entities(token) if resolve.is_regulator(e)]
    return found


def _payment(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Fine or a Settlement stated through a payment; see ``PAID_SETTLEMENT``."""
    lemma = verb.lemma_.lower()
    if lemma not in _PAY_VERBS:
        return []
    penalty = _penalty_object(verb)
    head = verb.head
    if lemma == "pay" and verb.dep_ == "xcomp" and head.lemma_.lower() in _ORDER_VERBS:
        # "The court ordered Ripple to pay a penalty", "ANZ was ordered to pay $240 million
        # in penalties by the court": the orderer fines the payer.
        payer = _child(head, {"dobj", "nsubjpass"})
        orderer = _agent(head) if _child(head, {"nsubjpass"}) else _subject_of(head)[0]
        authorities = resolve.entities(orderer) if orderer is not None else []
        authorities = authorities or _bodies_in(verb, resolve, frozenset({"by"}))
        # "The CFPB ordered Apple and Goldman Sachs to pay more than $89 million": a sum a
        # regulator orders paid is a fine; one a court orders may be damages.
        subtree = range(verb.left_edge.i, verb.right_edge.i + 1)
        money = any(span.start in subtree for span, _ in money_spans(verb.doc, verb.sent))
        regulator = bool(authorities) and all(resolve.is_supervisor(e) for e in authorities)
        payers = resolve.entities(payer) if payer is not None else []
        if payer is None or not (penalty or (money and regulator and payers)):
            return []
        return [(PAID_FINE, _Found(authorities, payers, verb, "ordered"))]
    subject = _subject_of(verb)[0]
    if subject is None:
        return []
    payers = resolve.entities(subject)
    if not payers:
        return []
    words = {t.lemma_.lower() for t in verb.sent}
    obj = _child(verb, {"dobj"})
    if obj is not None and obj.lemma_.lower() in _PENALTY_NOUNS:
        # "agreed to pay a $21 million penalty to settle SEC charges" is a settlement,
        # which the settlement rules read.
        if lemma == "pay" and words & _SETTLE_WORDS:
            return []
        paid_to = _agreed_penalty_authorities(verb, resolve)
        if paid_to:
            return [
                (PAID_SETTLEMENT, _Found(payers, paid_to, verb, "paid")),
                (SETTLED_CASE, _Found(payers, paid_to, verb, "paid")),
            ]
        return [(PAID_FINE, _Found([], payers, verb, "paid"))]
    agreed = any(t.lemma_.lower() == "agree" for t in verb.ancestors)
    subtree = range(verb.left_edge.i, verb.right_edge.i + 1)
    has_money = any(span.start in subtree for span, _ in money_spans(verb.doc, verb.sent))
    # A sentence that says "settle" is read by the settlement rules.
    enforcement = bool(words & _ENFORCEMENT_WORDS) and not words & _SETTLE_WORDS
    authorities = _bodies_in(verb, resolve, frozenset({"with", "to"}))
    authorities += [a for a in _cases_of(verb, resolve) if a not in authorities]
    # "agreed to pay $24 million to OFAC": money paid to a regulator settles with it.
    to_regulator = bool(authorities) and all(resolve.is_regulator(e) for e in authorities)
    to_regulator = to_regulator and not words & _SETTLE_WORDS
    if lemma == "pay" and agreed and has_money and (enforcement or to_regulator):
        found = [(PAID_SETTLEMENT, _Found(payers, authorities, verb, "paid"))]
        if authorities:
            found.append((SETTLED_CASE, _Found(payers, authorities, verb, "paid")))
        return found
    return []


def _agreed_penalty_authorities(verb: Token, resolve: _Resolver) -> list[str]:
    """The authorities a payer agrees to pay a penalty to, which make the penalty a
    settlement with them: "agreed to pay a $26.5 million penalty to the New York State
    Department of Financial Services", "agreed to pay the SEC a $250,000 civil penalty",
    "Under a plea agreement with the Justice Department, the company agreed to pay a
    criminal fine". A penalty paid with no agreement, or to no authority, is left a fine."""
    agree = next((t for t in verb.ancestors if t.lemma_.lower() == "agree"), None)
    if agree is None:
        return []
    dative = _child(verb, {"dative"})
    found = [e for e in resolve.entities(dative) if resolve.is_authority(e)] if dative else []
    found += _bodies_in(verb, resolve, frozenset({"to", "with"}))
    found += _bodies_in(agree, resolve, frozenset({"with"}))
    return list(dict.fromkeys(found))


def _backed_by(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "Anthropic, which is backed by Amazon and Google": the backers invested in it."""
    subject, passive = _subject_of(verb)
    agent = _agent(verb)
    if verb.lemma_.lower() != "back" or not passive or agent is None or subject is None:
        return []
    if verb.dep_ == "relcl" and subject.lower_ in ("which", "that", "who"):
        subject = verb.head
    backers, backed = resolve.entities(agent), resolve.entities(subject)
    if not backers or not backed:
        return []
    return [(BACKED, _Found(backers, backed, verb, "passive"))]


def _offices_in(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "Bitstamp has offices in Luxembourg, London and Singapore": where a company is;
    "has its headquarters in" says where it is based."""
    obj = _child(verb, {"dobj"})
    subject = _subject_of(verb)[0]
    if verb.lemma_.lower() == "be" and subject is not None and obj is None:
        # "LinkedIn, whose European headquarters are in Dublin": the owner of the
        # headquarters is the subject.
        owner = _child(subject, {"poss"})
        if owner is None:
            return []
        obj, subject = subject, owner
        if subject.lower_ == "whose" and verb.dep_ == "relcl":
            subject = verb.head
    if verb.lemma_.lower() == "operate" and obj is None and subject is not None:
        # "CleanSpark, which also operates in Mississippi".
        obj = verb
    if verb.lemma_.lower() not in _SITE_VERBS | {"be"} or obj is None:
        return []
    kind = obj.lemma_.lower()
    head_office = kind == "office" and any(c.lower_ == "head" for c in obj.children)
    frame = HEADQUARTERS if kind == "headquarters" or head_office else None
    frame = frame or (OFFICES if kind in _SITES or kind == "operate" else None)
    if frame is HEADQUARTERS and _regional(obj):
        frame = OFFICES  # "its European headquarters": one site among others
    if frame is None or subject is None:
        return []
    if verb.dep_ == "relcl" and subject.lower_ in ("which", "that"):
        subject = verb.head
    where = frozenset({"in", "across"})
    kinds = [obj, *(c for c in obj.children if c.dep_ == "conj")]  # "farms and mills in"
    sites = [t for k in kinds for t in _prep_objects(k, where)]
    sites += _prep_objects(verb, where) if obj.i != verb.i else []
    # "2,400 stores in 20 countries across North America, Europe and Asia".
    sites += [t for s in list(sites) for t in _prep_objects(s, frozenset({"across"}))]
    if not sites and verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        sites = [verb.head]  # "San Ramon, where it has had its head office since 2002"
    places = [e for t in sites for e in resolve.entities(t)]
    # "Columbus, Georgia-based Synovus has 244 branches": the parse may make the town the
    # subject and the company its apposition; no place has offices.
    named = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    companies = [e for t in named for e in resolve.entities(t) if not resolve.is_place(e)]
    if not places or not companies:
        return []
    return [(frame, _Found(companies, places, verb, "clause"))]


def _based_up_front(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "Based in Olney, Maryland, Sandy Spring has 53 branches", "Founded in 1868 and
    based in Olney, Maryland, Sandy Spring has": a participle opening the sentence says
    where the company named right after its place is based (the parse may hang that
    name on the place)."""
    if verb.lower_ not in ("based", "headquartered") or verb.tag_ != "VBN":
        return []
    first = verb.head if verb.dep_ == "conj" and verb.head.tag_ == "VBN" else verb
    if first.i != verb.sent.start or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    places = _prep_objects(verb, frozenset({"in"}))
    if not places:
        return []
    doc = verb.doc
    i = places[0].i
    while i < verb.sent.end:
        named = resolve.entity(doc[i])
        if named is not None and not resolve.is_place(named):
            break
        if named is None and doc[i].text != "," and not doc[i].is_title:
            return []  # past the place, something other than the company's name
        i += 1
    else:
        return []
    if i == places[0].i or doc[i - 1].text != ",":
        return []
    located = [e for t in places for e in resolve.entities(t) if resolve.is_place(e)]
    company = resolve.entity(doc[i])
    if not located or company is None or not resolve.is_organization(company):
        return []
    return [(HEADQUARTERS, _Found([company], located[:1], verb, "based"))]


_MOVING_VERBS = frozenset({"move", "relocate", "shift", "transfer"})


def _moved_headquarters(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "Tether, which moved its headquarters to El Salvador": where a company has moved its
    headquarters is where they are (not where it plans or is asked to move them)."""
    if verb.lemma_.lower() not in _MOVING_VERBS or verb.tag_ not in ("VBD", "VBN"):
        return []  # "will move its holding company's headquarters to Atlanta" is to come
    if told_as_to_come(verb):
        return []
    moved = _child(verb, {"dobj"})
    if moved is None or moved.lemma_.lower() not in ("headquarters", "hq"):
        return []
    subject = _named_subject(verb)
    companies = resolve.entities(subject) if subject is not None else []
    places = [
        e
        for t in _prep_objects(verb, frozenset({"to"}))
        for e in resolve.entities(t)
        if resolve.is_place(e)
    ]
    if not companies or not places:
        return []
    return [(HEADQUARTERS, _Found(companies, places, verb, "clause"))]


def _regional(office: Token) -> bool:
    """Whether a head office is one of a region: "its European headquarters", "U.S. head
    office", "regional headquarters"."""
    return any(
        c.dep_ in ("amod", "compound")
        and (c.ent_type_ in ("NORP", "GPE", "LOC") or c.lower_ in ("regional", "international"))
        for c in office.children
    )


def _sites_of(noun: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """LOCATED_IN from a body's sites named by their place: "its operations in
    California", "Binance's offices in Paris"."""
    owner = _child(noun, {"poss"})
    if noun.lemma_.lower() not in _SITES or owner is None:
        return []
    places = [e for t in _prep_objects(noun, frozenset({"in"})) for e in resolve.entities(t)]
    # A company's sites; "its branch in Estonia" is no authority's.
    bodies = [e for e in resolve.entities(owner) if resolve.is_organization(e)]
    places = [e for e in places if resolve.is_place(e)]
    if not places or not bodies:
        return []
    return [(OFFICES, _Found(bodies, places, noun, "noun"))]


# Who works for a body: "Chevron employs about 7,000 people in the Houston area".
_STAFF = frozenset({"people", "person", "staff", "worker", "employee"})


def _employs_in(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """LOCATED_IN from where a body employs people, and the figures listed after them
    ("and about 2,000 in San Ramon")."""
    staff = _child(verb, {"dobj"})
    subject = _subject_of(verb)[0]
    if verb.lemma_.lower() != "employ" or staff is None or subject is None:
        return []
    if staff.lemma_.lower() not in _STAFF:
        return []
    counted = [staff, *(c for c in staff.children if c.dep_ == "conj")]
    sites = [t for n in counted for t in _prep_objects(n, frozenset({"in"}))]
    # "the Houston area": the place that names the area.
    sites += [c for t in sites if t.lemma_.lower() in ("area", "region") for c in t.children]
    places = [e for t in sites for e in resolve.entities(t) if resolve.is_place(e)]
    bodies = [e for e in resolve.entities(subject) if not resolve.is_place(e)]
    if not places or not bodies:
        return []
    return [(OFFICES, _Found(bodies, places, verb, "clause"))]


def _stake_object(verb: Token) -> Token | None:
    """The stake a verb buys: "bought a 9% stake in Commerzbank", "took a stake in", "the
    stake he built in Twitter"."""
    if verb.lemma_.lower() not in _STAKE_VERBS:
        return None
    obj = _child(verb, {"dobj"})
    if obj is None and verb.dep_ == "relcl":
        obj = verb.head
    return obj if obj is not None and obj.lemma_.lower() in _STAKE_NOUNS else None


def _stake_places(stake: Token, preps: frozenset[str]) -> list[Token]:
    """What a stake is in, also past its size: "a stake of about $4 billion in PepsiCo"
    (the parse hangs "in PepsiCo" on the amount)."""
    places = _prep_objects(stake, preps)
    for size in _prep_objects(stake, frozenset({"of"})):
        if size.like_num or size.ent_type_ == "MONEY":
            places += _prep_objects(size, frozenset({"in"}))
    return places


# Verbs that buy a stake outright, not build one up or take one in a round.
_BUY_VERBS = frozenset({"buy", "acquire", "purchase"})


def _paid_for(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "Meta paid $1 billion for Instagram in 2012 and $19 billion for WhatsApp in 2014":
    a sum paid for a company buys it. A sum paid for anything else ("for charging customers
    twice", "for more engineers") is no purchase, nor is one paid for part of a company
    ("for half of Santander TFI"); one paid for a stake buys the company when the stake is a
    majority, and is an investment in it when not."""
    if verb.lemma_.lower() != "pay":
        return []
    subject = _subject_of(verb)[0]
    if verb.dep_ == "relcl" and subject is not None and subject.lower_ in _RELATIVE_PRONOUNS:
        subject = verb.head  # "DCG, which paid $500,000 for CoinDesk in 2016"
    buyers = [e for e in resolve.entities(subject) if resolve.is_organization(e)] if subject else []
    if not buyers:
        return []
    money = {i for span, _ in money_spans(verb.doc, verb.sent) for i in range(span.start, span.end)}
    obj = _child(verb, {"dobj"})
    # The sum paid and, in a list of purchases, each further sum with its own "for".
    sums = [obj] if obj is not None else []
    sums += [c for c in verb.children if c.dep_ == "conj" and c.i in money]
    found: list[tuple[Frame, _Found]] = []
    for paid in sums:
        if paid.i not in money:
            continue
        holder = verb if paid is obj else paid
        for company in _prep_objects(holder, frozenset({"for"})):
            frame = ACQUISITION
            bought = [company]
            if company.lemma_.lower() in _STAKE_NOUNS:
                # "agreed to pay about $168 million for a 64% stake in Exaion": a majority
                # buys the company, a minority invests in it.
                frame = ACQUISITION if _majority(company) else RAISED
                bought = _stake_places(company, frozenset({"in", "of"}))
            targets = [
                e
                for t in bought
                for e in resolve.entities(t)
                if resolve.is_organization(e) and e not in buyers
            ]
            if targets:
                anchor = verb if paid is obj else company
                found.append((frame, _Found(buyers, targets, anchor, "paid")))
    return found


def _stake_bought(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """Buying a stake is an investment in the company, not its acquisition, unless it is a
    majority bought outright."""
    stake = _stake_object(verb)
    if stake is None:
        return []
    subject = _subject_of(verb)[0]
    investors = resolve.entities(subject) if subject is not None else []
    stakes_in = _stake_places(stake, frozenset({"in", "of"}))
    if stake.i == verb.head.i:
        stakes_in += _prep_objects(verb, frozenset({"in"}))  # "the stake he built in Twitter"
    targets = [e for t in stakes_in for e in resolve.entities(t) if e not in investors]
    if not investors or not targets:
        return []
    if _majority(stake) and verb.lemma_.lower() in _BUY_VERBS:
        # "agreed to buy Lone Star's 75% stake in Novo Banco": a majority is a takeover.
        return [(ACQUISITION, _Found(investors, targets, verb, "stake"))]
    return [(RAISED, _Found(investors, targets, verb, "stake"))]


_RAISING = frozenset({"raise", "secure", "land", "attract"})


def _raised(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """An Investment from money raised, and who put it in when the text says: "raised
    $300 million in a round led by Sequoia", "secured $2 billion from Intercontinental
    Exchange" (money secured, landed or attracted is raised when it is a round or its
    investors are named)."""
    lemma = verb.lemma_.lower()
    if lemma not in _RAISING:
        return []
    obj = _child(verb, {"dobj"})
    subtree = range(verb.left_edge.i, verb.right_edge.i + 1)
    money = [s for s, _ in money_spans(verb.doc, verb.sent) if s.start in subtree]
    # "raised $600 million", or "raised a $600 million round".
    counted = obj is not None and obj.lemma_.lower() in _ROUND_NOUNS
    inside = range(obj.left_edge.i, obj.i) if obj is not None and counted else range(0)
    if obj is None or not any(s.start <= obj.i < s.end or s.start in inside for s in money):
        return []
    if any(t.lemma_.lower() in _DEBT_WORDS for t in verb.subtree):
        return []  # borrowing is no investment
    subject = _subject_of(verb)[0]
    targets = resolve.entities(subject) if subject is not None else []
    if not targets:
        return []
    sources = _prep_objects(verb, frozenset({"from"}))
    if counted:
        sources += _prep_objects(obj, frozenset({"from"}))  # "a $600 million round from"
    # "in a Series C round co-led by Sequoia Capital and Paradigm": the parse may hang the
    # "led by" on the verb.
    leads = [c for c in verb.children if c.dep_ == "advcl"]
    # "raised $9.8 million in seed funding": the parse may hang the round on the sum.
    rounds = _prep_objects(verb, frozenset({"in"})) + _prep_objects(obj, frozenset({"in"}))
    for round_noun in rounds:
        if round_noun.lemma_.lower() not in _ROUND_NOUNS:
            continue
        leads += [c for c in round_noun.children if c.dep_ == "acl"]
        # "in seed funding from Battery Ventures, Y Combinator, NFX and Nyca Partners".
        sources += _prep_objects(round_noun, frozenset({"from"}))
    for led in leads:
        agent = _agent(led) if led.lemma_.lower() == "lead" else None
        if agent is not None:
            sources.append(agent)
        sources += _participation_from(led)
    sources += [t for head in (verb, obj, *rounds) for t in _participation_from(head)]
    sources += [t for head in (verb, *rounds) for t in (*_joined_by(head), *_among_backers(head))]
    # "from investors including Goldman Sachs and Alphabet", "from backers that include
    # Andreessen Horowitz, Haun Ventures and Franklin Templeton".
    sources += [
        named
        for source in sources
        if source.lemma_.lower() in _BACKER_NOUNS
        for named in [
            *_prep_objects(source, frozenset({"including"})),
            *(
                o
                for clause in source.children
                if clause.dep_ == "relcl" and clause.lemma_.lower() == "include"
                for o in clause.children
                if o.dep_ == "dobj"
            ),
        ]
    ]
    investors = [e for t in sources for e in resolve.entities(t)]
    funded = counted or any(r.lemma_.lower() in _ROUND_NOUNS for r in rounds)
    if lemma != "raise" and not funded and not investors:
        return []  # "secured $2 billion in contracts"
    return [(RAISED, _Found(investors, targets, verb, "raised"))]


def _closed_round(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "Databricks said it had closed its $10 billion Series J funding round": a round with
    its sum that a company closes or announces is money it raised. A round "led by" someone
    is read by ``_led_round``."""
    lemma = verb.lemma_.lower()
    if lemma not in _ROUND_VERBS or lemma == "raise":
        return []
    # The parse may take "round" for an adverb of the verb.
    round_noun = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "advmod", "npadvmod") and c.lemma_.lower() in _ROUND_NOUNS
        ),
        None,
    )
    if round_noun is None or any(c.dep_ == "acl" for c in round_noun.children):
        return []
    # "received a $14.3 billion investment from Meta Platforms", "secured funding from
    # Founders Fund and Vitalik Buterin".
    sources = [
        *_prep_objects(verb, frozenset({"from"})),
        *_prep_objects(round_noun, frozenset({"from"})),
        *_participation_from(verb),
        *_participation_from(round_noun),
    ]
    subject = _subject_of(verb)[0]
    targets = resolve.entities(subject) if subject is not None else []
    investors = [
        e for t in sources for e in resolve.entities(t) if resolve.is_party(e) and e not in targets
    ]
    subtree = range(round_noun.left_edge.i, round_noun.i + 1)
    if not investors and not any(s.start in subtree for s, _ in money_spans(verb.doc, verb.sent)):
        return []
    if any(t.lemma_.lower() in _DEBT_WORDS for t in round_noun.subtree):
        return []  # "secured a $500 million loan from"
    return [(RAISED, _Found(investors, targets, verb, "raised"))] if targets else []


def _led_round(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """An Investment from a round someone led: "Founders Fund led a $45 million funding
    round in Polymarket", "Polymarket disclosed a $25 million round led by General Catalyst"
    (whoever announces the round raised it)."""
    if verb.lemma_.lower() != "lead":
        return []
    told = _round_told(verb, resolve)
    if told is not None:
        return told
    # "had announced the round in December, led by Thrive Capital": the parse may hang the
    # "led by" on the verb that announces the round.
    announced = _child(verb.head, {"dobj"}) if verb.dep_ == "advcl" else None
    if announced is not None and announced.lemma_.lower() not in _ROUND_NOUNS:
        announced = None
    if (verb.dep_ == "acl" and verb.head.lemma_.lower() in _ROUND_NOUNS) or announced:
        agent = _agent(verb)
        round_noun = announced or verb.head
        if agent is None or round_noun.dep_ != "dobj":
            return []  # "raised $40 billion in a round led by SoftBank" is read by _raised
        sharers = [agent, *_participation_from(verb), *_participation_from(round_noun)]
        investors = [e for t in sharers for e in resolve.entities(t)]
        targets = [
            e for t in _prep_objects(round_noun, frozenset({"in"})) for e in resolve.entities(t)
        ]
        definite = any(c.lower_ == "the" for c in round_noun.children)
        if announced is not None and definite:
            # "had announced the round in December, led by Thrive Capital": the round told
            # before.
            return [(RAISED, _Found(investors, [], verb, "joined"))] if investors else []
        announcer = round_noun.head
        if not targets and announcer.lemma_.lower() in _ROUND_VERBS:
            subject = _subject_of(announcer)[0]
            targets = resolve.entities(subject) if subject is not None else []
    else:
        led = _child(verb, {"dobj"})
        subject = _subject_of(verb)[0]
        if led is None or led.lemma_.lower() not in _ROUND_NOUNS or subject is None:
            return []
        sharers = [subject, *_joined_by(verb), *_participation_from(verb)]
        investors = [e for t in sharers for e in resolve.entities(t)]
        places = _prep_objects(led, frozenset({"in"})) + _prep_objects(verb, frozenset({"in"}))
        targets = [e for t in places for e in resolve.entities(t)]
        targets += _round_owners(led, investors, resolve)
        # "led an $800 million round that valued it at $33 billion": what the round valued.
        for clause in (c for c in led.children if c.dep_ == "relcl"):
            valued = _child(clause, {"dobj"}) if clause.lemma_.lower() == "value" else None
            if valued is not None and valued.lower_ == "it":
                # "Revolut became ..., when SoftBank and Tiger Global led a round that valued
                # it": the sentence's subject, not a lead named since.
                main = _subject_of(verb.sent.root)[0]
                valued = main if main is not None else valued
            targets += resolve.entities(valued) if valued is not None else []
        if not targets and investors and any(c.lower_ == "the" for c in led.children):
            # "Thrive Capital and Greenoaks led the round": the round told before.
            return [(RAISED, _Found(investors, [], verb, "joined"))]
    targets = [e for e in targets if e not in investors]
    if not investors or not targets:
        return []
    return [(RAISED, _Found(investors, targets, verb, "led"))]


def _round_owners(round_noun: Token, investors: list[str], resolve: _Resolver) -> list[str]:
    """The company whose round it is by its possessive: "Paradigm also led its previous
    round", "Its Series B round was led by Paradigm". A lead does not lead its own round,
    so "its" that would name an investor is the article's company."""
    owners: list[str] = []
    for owner in (c for c in round_noun.children if c.dep_ == "poss"):
        owned = [e for e in resolve.entities(owner) if e not in investors]
        lead = resolve.lead_organization() if owner.tag_ == "PRP$" else None
        owners += owned or ([lead] if lead is not None else [])
    return owners


_TOLD_BEFORE = frozenset({"the", "this", "that"})


def _round_told(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]] | None:
    """A round the sentence is about, "led by" its investors: "The round was led by Thrive
    Capital", "The Series C round, co-led by Lightspeed and Kleiner Perkins, brings",
    "Its Series B round was led by Paradigm". The round is the company's that "its" stands
    for or that "in" names; "the round" is the one the article told before. None when the
    verb leads no such round, and the other readings of "led" apply."""
    passive = _child(verb, {"nsubjpass"})
    if passive is not None and passive.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        passive = verb.head  # "took part in the round, which was led by Thrive Capital"
    if passive is not None and passive.lemma_.lower() in _ROUND_NOUNS:
        round_noun = passive
    elif verb.dep_ == "acl" and verb.head.dep_ in ("nsubj", "nsubjpass"):
        round_noun = verb.head
    else:
        return None
    agent = _agent(verb)
    if round_noun.lemma_.lower() not in _ROUND_NOUNS or agent is None:
        return None
    sharers = [agent, *_participation_from(verb), *_participation_from(round_noun)]
    investors = [e for t in sharers for e in resolve.entities(t)]
    targets = [e for t in _prep_objects(round_noun, frozenset({"in"})) for e in resolve.entities(t)]
    targets += _round_owners(round_noun, investors, resolve)
    targets = [e for e in targets if e not in investors]
    if not investors:
        return []
    if targets:
        return [(RAISED, _Found(investors, targets, verb, "led"))]
    if _told_before(round_noun):
        return [(RAISED, _Found(investors, [], verb, "joined"))]
    return []


def _told_before(noun: Token) -> bool:
    """Whether a noun is "the round" or "this round", which the article told before (the
    parse may hang the article on a word before the noun: "The Series D round")."""
    return any(t.dep_ == "det" and t.lower_ in _TOLD_BEFORE for t in noun.subtree if t.i < noun.i)


# What is bought when no company is: "is to buy Intel common stock", "bought and sold
# tokens for its own account".
_SECURITIES = frozenset({"stock", "share", "token", "coin", "bond", "security", "asset"})


def _buys_securities(verb: Token) -> bool:
    """Whether a purchase is of securities or tokens, which makes no acquisition."""
    obj = _child(verb, {"dobj"})
    if obj is None and verb.dep_ == "conj":
        obj = _child(verb.head, {"dobj"})  # "bought and sold … tokens"
    return obj is not None and obj.lemma_.lower() in _SECURITIES


def _in_the_round(verb: Token) -> bool:
    """ "also invested in the round": a round the article told before, not a company."""
    return verb.lemma_.lower() == "invest" and any(
        noun.lemma_.lower() in _ROUND_NOUNS and any(c.lower_ == "the" for c in noun.children)
        for noun in _prep_objects(verb, frozenset({"in"}))
    )


def _joined_round(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """Investors who "also took part", "participated", "joined the round" or "put money
    into the round": investors
    of the round the article told before (see ``_join_rounds``)."""
    lemma = verb.lemma_.lower()
    obj = _child(verb, {"dobj"})
    joined = (
        lemma == "participate"
        or (lemma == "invest" and _in_the_round(verb))
        or (lemma == "take" and obj is not None and obj.lower_ == "part")
        or (lemma == "join" and obj is not None and obj.lemma_.lower() in _ROUND_NOUNS)
        # "General Catalyst led the round, and Nvidia and Samsung joined".
        or (lemma == "join" and obj is None and verb.dep_ == "conj" and _led_a_round(verb.head))
        or (
            # "also put money into the round".
            lemma == "put"
            and obj is not None
            and obj.lemma_.lower() in ("money", "capital", "cash")
            and any(
                noun.lemma_.lower() in _ROUND_NOUNS
                for noun in _prep_objects(verb, frozenset({"into", "in"}))
            )
        )
    )
    subject = _subject_of(verb)[0]
    if not joined or subject is None:
        return []
    sharers = (subject, *_as_did(verb), *_invested_along_with(verb))
    investors = [e for t in sharers for e in resolve.entities(t)]
    # The backers noun is the subject, or the parse hangs the list on it either way.
    near = [subject.head, *subject.subtree]
    backers = next((t for t in near if t.lemma_.lower() in _BACKER_NOUNS), None)
    if backers is not None:
        backers = backers if backers.i == subject.head.i else subject
        # "Existing backers Lightspeed Venture Partners, Accel, Plural, General Catalyst and
        # the Swedish defence group Saab also took part": every company the list names,
        # however the parse hangs it.
        listed = [resolve.entity(t) for t in backers.subtree]
        investors += [
            e for e in listed if e is not None and resolve.is_organization(e) and e not in investors
        ]
    return [(RAISED, _Found(investors, [], verb, "joined"))] if investors else []


def _led_a_round(verb: Token) -> bool:
    """Whether a verb is "led the round" or "led a $45 million round"."""
    led = _child(verb, {"dobj"})
    return verb.lemma_.lower() == "lead" and led is not None and led.lemma_.lower() in _ROUND_NOUNS


def _added_as_investor(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "(Databricks) added Meta Platforms as a strategic investor": a company that adds or
    brings in a backer takes its money. The backer joins the round the article tells."""
    if verb.lemma_.lower() not in ("add", "welcome"):
        return []
    obj = _child(verb, {"dobj"})
    roles = _prep_objects(verb, frozenset({"as"}))
    if obj is None or not any(r.lemma_.lower() in _BACKER_NOUNS for r in roles):
        return []
    subject = _subject_of(verb)[0]
    investors = resolve.entities(obj)
    targets = resolve.entities(subject) if subject is not None else []
    if not investors or not targets:
        return []
    return [(RAISED, _Found(investors, targets, verb, "joined"))]


def _bought_into(verb: Token) -> bool:
    """Whether a verb is "bought into", which takes a stake rather than a company."""
    return verb.lemma_.lower() == "buy" and any(
        c.dep_ == "prep" and c.lower_ == "into" for c in verb.children
    )


def _companies_after(verb: Token, resolve: _Resolver, prep: str, others: list[str]) -> list[str]:
    """The companies the verb's preposition ``prep`` names, other than ``others``."""
    return [
        e
        for t in _prep_objects(verb, frozenset({prep}))
        for e in resolve.entities(t)
        if resolve.is_organization(e) and e not in others
    ]


def _stake_bought_into(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "Tether bought into the club in February": who buys into a company takes a stake in
    it, an investment and not a takeover."""
    if not _bought_into(verb):
        return []
    subject = _subject_of(verb)[0]
    investors = resolve.entities(subject) if subject is not None else []
    targets = _companies_after(verb, resolve, "into", investors)
    if not investors or not targets:
        return []
    return [(RAISED, _Found(investors, targets, verb, "stake"))]


def _works_with(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "Exaion works with Nvidia and Deloitte on its cloud services": a company that works
    with companies is their partner (not one that works with a regulator or the police)."""
    if verb.lemma_.lower() != "work":
        return []
    subject = _subject_of(verb)[0]
    companies = (
        [e for e in resolve.entities(subject) if resolve.is_organization(e)] if subject else []
    )
    partners = _companies_after(verb, resolve, "with", companies)
    if not companies or not partners:
        return []
    return [(PARTNERSHIP, _Found(companies, partners, verb, "active"))]


def _invested_along_with(verb: Token) -> list[Token]:
    """Who put money in beside the subject: "DST Global also invested, along with Temasek
    and the Qatar Investment Authority" (not said of who is sued or charged "along with"
    others, who may be defendants)."""
    return [
        named
        for along in verb.children
        if along.lower_ == "along"
        for named in _prep_objects(along, frozenset({"with"}))
    ]


def _joined_by(verb: Token) -> list[Token]:
    """Who joined the lead of a round: "SoftBank led the round, joined by Microsoft and
    Coatue"."""
    return [
        agent
        for clause in verb.children
        if clause.dep_ in ("advcl", "acl") and clause.lemma_.lower() == "join"
        for agent in [_agent(clause)]
        if agent is not None
    ]


def _among_backers(token: Token) -> list[Token]:
    """Who a "with … among the investors" phrase names: "raised $2 billion in a round led by
    Andreessen Horowitz, with Nvidia, AMD and Cisco among the other investors"."""
    named = _prep_objects(token, frozenset({"with"}))
    places = [token, *named]
    among = [n for t in places for n in _prep_objects(t, frozenset({"among"}))]
    return named if any(n.lemma_.lower() in _BACKER_NOUNS for n in among) else []


def _participation_from(token: Token) -> list[Token]:
    """Who took part in a round "with participation from" them: "raised $300 million in a
    round led by Sequoia, with participation from Kleiner Perkins and Coatue"."""
    return [
        named
        for noun in _prep_objects(token, frozenset({"with"}))
        if noun.lemma_.lower() == "participation"
        for named in _prep_objects(noun, frozenset({"from", "by"}))
    ]


_SHARE_NOUNS = frozenset({"share", "stock"})


def _sold_shares(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """INVESTED_IN from shares a company sells to investors: "BitMine is selling about 55.6
    million shares at $4.50 each to investors including Founders Fund and Kraken"."""
    obj = _child(verb, {"dobj"})
    subject = _subject_of(verb)[0]
    if verb.lemma_.lower() != "sell" or subject is None:
        return []
    if obj is None or obj.lemma_.lower() not in _SHARE_NOUNS:
        return []
    buyers: list[Token] = []
    for buyer in _prep_objects(verb, frozenset({"to"})):
        if buyer.lemma_.lower() in _BACKER_NOUNS:
            buyers += _prep_objects(buyer, frozenset({"including"}))  # "investors including"
        else:
            buyers.append(buyer)
    sellers = resolve.entities(subject)
    investors = [e for t in buyers for e in resolve.entities(t) if e not in sellers]
    if not sellers or not investors:
        return []
    return [(RAISED, _Found(investors, sellers, verb, "sold_shares"))]


# What a company sells when it sells a business of its own.
_BUSINESS_NOUNS = frozenset(
    {"business", "unit", "operations", "operation", "arm", "division", "subsidiary", "bank",
     "platform", "company", "lender", "insurer", "brokerage"}
)  # fmt: skip


def _sold_business(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "HSBC agreed to sell its Argentine unit, HSBC Argentina, to Grupo Financiero
    Galicia", "The British bank sold its Brazilian operations to Bradesco": whom a company
    sells a business to buys it. The business is the target where the article names it;
    a sale of goods, assets or shares ("sold them to criminals") is none."""
    if verb.lemma_.lower() != "sell":
        return []
    obj = _child(verb, {"dobj"})
    if obj is None:
        return []
    majority = obj.lemma_.lower() in _STAKE_NOUNS and _majority(obj)
    if obj.lemma_.lower() not in _BUSINESS_NOUNS and resolve.entity(obj) is None and not majority:
        return []
    subject = _subject_of(verb)[0]
    sellers = resolve.entities(subject) if subject is not None else []
    # "to Bradesco", which the parse may also hang on the verb as a dative.
    to = [c for c in verb.children if c.lower_ == "to" and c.dep_ in ("prep", "dative")]
    named = [t for t in (_child(prep, {"pobj"}) for prep in to) if t is not None]
    # "to an investor group led by Stone Point Capital and Clayton, Dubilier & Rice".
    named += [
        agent
        for t in named
        if resolve.entity(t) is None
        for led in t.children
        if led.dep_ == "acl" and led.lemma_.lower() == "lead"
        for agent in [_agent(led)]
        if agent is not None
    ]
    buyers = [
        e
        for t in named
        for e in resolve.entities(t)
        if resolve.is_organization(e) and e not in sellers
    ]
    if not buyers:
        return []
    # "its remaining 80% stake in Truist Insurance Holdings": a majority sold sells the
    # company.
    sold = _stake_places(obj, frozenset({"in", "of"})) if majority else [obj]
    sold += [c for c in obj.children if c.dep_ == "appos"]
    targets = [
        e
        for t in sold
        for e in resolve.entities(t)
        if resolve.is_organization(e) and e not in sellers and e not in buyers
    ]
    return [(ACQUISITION, _Found(list(dict.fromkeys(buyers)), targets, verb, "paid"))]


def _joined_subjects(verb: Token, subject: Token) -> list[Token]:
    """The other subjects the parse hangs on the verb beside ``subject``, joined by "and":
    "The U.S. Justice Department and about 30 states sued Live Nation"."""
    others = [c for c in verb.children if c.dep_ == "nsubj" and c.i != subject.i]
    doc = verb.doc
    return [
        c
        for c in others
        if any(t.lower_ == "and" for t in doc[min(c.i, subject.i) : max(c.i, subject.i)])
    ]


def _as_did(verb: Token) -> list[Token]:
    """The subjects of an elided clause that repeats the verb: "Fidelity took part, as did
    Prince Alwaleed bin Talal and Kingdom Holding"."""
    return [
        subject
        for clause in verb.children
        if clause.dep_ == "advcl"
        and clause.lemma_.lower() == "do"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children)
        for subject in clause.children
        if subject.dep_ == "nsubj"
    ]


def _charges_from(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Charge from "settle charges from the SEC": the subject faced charges the authority
    brought."""
    obj = _child(verb, {"dobj"})
    if verb.lemma_.lower() not in _FACING or obj is None or obj.lemma_.lower() not in _CHARGE_NOUNS:
        return []
    sources = _prep_objects(verb, frozenset({"from", "by"}))
    sources += _prep_objects(obj, frozenset({"from", "by"}))
    # "charges brought by the SEC".
    for clause in obj.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in ("bring", "file"):
            agent = _agent(clause)
            sources += [agent] if agent is not None else []
    authorities = [e for t in sources for e in resolve.entities(t)]
    # "to resolve Justice Department charges", "the SEC's charges".
    authorities += _authorities_of(obj, resolve)
    subject = _subject_of(verb)[0]
    if subject is None and verb.head.ent_type_ == "MONEY":
        # "agreed to pay $950 million to resolve ... charges": the parse hangs the purpose
        # on the amount; who pays faced the charges.
        payer = verb.head.head
        subject = _subject_of(payer)[0] if payer.pos_ == "VERB" else None
    defendants = resolve.entities(subject) if subject is not None else []
    if not authorities or not defendants:
        return []
    return [(CHARGES, _Found(list(dict.fromkeys(authorities)), defendants, verb, "charges_from"))]


def _policy(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Policy from a regulator's decision on a kind of thing, with the parties it names:
    "The SEC approved the first bitcoin funds, clearing applications from BlackRock"."""
    lemma = verb.lemma_.lower()
    obj = _child(verb, {"dobj"})
    if lemma not in _POLICY_VERBS or obj is None or resolve.entity(obj) is not None:
        return []
    if obj.lemma_.lower() not in _POLICY_OBJECTS:
        return []
    subject = _subject_of(verb)[0]
    authorities = resolve.entities(subject) if subject is not None else []
    if not authorities:
        return []
    named = [
        eid
        for token in verb.subtree
        if token.dep_ in ("pobj", "conj", "appos", "dobj") and token.i != obj.i
        for eid in [resolve.entity(token)]
        if eid is not None and eid not in authorities
    ]
    named = list(dict.fromkeys(named))
    return [(_POLICY_VERBS[lemma], _Found(authorities, named, verb, "policy"))]


def _verdict(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Ruling from "found X guilty/liable" or "convicted X"; "found X not guilty" gives
    nothing."""
    if verb.lemma_.lower() == "convict":
        subject, passive = _subject_of(verb)
        convicted = subject if passive else _child(verb, {"dobj"})
        court = _agent(verb) if passive else subject
        defendants = resolve.entities(convicted) if convicted is not None else []
        courts = resolve.entities(court) if court is not None else []
        return [(VERDICT, _Found(courts, defendants, verb, "verdict"))] if defendants else []
    if verb.lemma_.lower() != "find":
        return []
    verdict = next((c for c in verb.children if c.lower_ in _VERDICTS), None)
    if verdict is None or any(c.dep_ == "neg" for c in verdict.children):
        return []
    named = [c for c in verdict.children if c.dep_ in ("nsubj", "compound")]
    named += [c for c in verb.children if c.dep_ == "dobj"]
    defendants = [e for t in named for e in resolve.entities(t)]
    if not defendants:
        return []
    subject = _subject_of(verb)[0]
    courts = resolve.entities(subject) if subject is not None else []
    return [(VERDICT, _Found(courts, defendants, verb, "verdict"))]


# Who rules: "a federal judge ruled", "A federal appeals court ruled".
_JUDGES = frozenset({"judge", "court", "panel", "jury", "justice", "tribunal", "chancellor"})


def _ruled(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Ruling against the subject of what a judge or court ruled: "A federal appeals
    court ruled on Tuesday that the SEC was wrong to reject ...", "Google broke U.S.
    antitrust law ..., a federal judge ruled". Not "ruled out", nor a ruling by anyone
    else ("the company ruled that")."""
    if verb.lemma_.lower() != "rule" or _child(verb, {"prt"}) is not None:
        return []
    subject = _subject_of(verb)[0]
    courts = _courts_judging(subject, resolve) if subject is not None else None
    if courts is None:
        return []
    ruled = _child(verb, {"ccomp"})
    if ruled is None and verb.dep_ in ("ccomp", "parataxis") and verb.head.pos_ in ("VERB", "AUX"):
        ruled = verb.head  # the ruling told first, the judge after it
    if ruled is None or any(c.dep_ == "aux" and c.lower_ in ("can", "may") for c in ruled.children):
        return []  # "ruled that Cook can stay in her post": a ruling for her, not against
    party = _subject_of(ruled)[0]
    defendants = [e for e in resolve.entities(party) if not resolve.is_place(e)] if party else []
    if not defendants:
        return []
    return [(VERDICT, _Found(courts, defendants, verb, "verdict"))]


def _courts_judging(judge: Token, resolve: _Resolver) -> list[str] | None:
    """The courts a judge or court names ("A judge at the High Court in London"), none if
    it names no court ("A federal judge"); None when it is no judge or court at all (a
    regulator that dismisses a case is no court)."""
    courts = [e for e in resolve.entities(judge) if resolve.is_court(e)]
    # "District Judge Arun Subramanian": a judge by title.
    titled = any(c.dep_ == "compound" and c.lemma_.lower() in _JUDGES for c in judge.children)
    if judge.lemma_.lower() not in _JUDGES and not courts and not titled:
        return None
    courts += [
        e
        for t in _prep_objects(judge, frozenset({"at", "of", "on"}))
        for e in resolve.entities(t)
        if resolve.is_court(e)
    ]
    return list(dict.fromkeys(courts))


# What a court undoes or stops: "overturned the convictions of", "blocked Tapestry's
# purchase of Capri Holdings", "threw out the FTC's case against Meta".
_UNDOING_VERBS = frozenset({"overturn", "quash", "acquit", "dismiss", "block", "vacate", "reverse"})
_UNDOING_PARTICLES = {"throw": "out", "set": "aside", "strike": "down"}
# What names a ruling's defendant after "of" or "against": "the convictions of Tom Hayes",
# "every claim against Close Brothers"; the owner of a conviction is its defendant too.
_UNDONE_CASES = _CASE_NOUNS | {"conviction", "claim", "charge", "verdict"}
# Deals a court blocks, beside the takeover nouns (``_DEAL_NOUNS``).
_BLOCKED_DEALS = frozenset({"purchase", "merger", "sale"})


def _undone(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Ruling from what a judge or court overturns, quashes, blocks or throws out: its
    defendants are those acquitted, those whose conviction or deal it undoes, and those a
    case or claim it dismisses was against (not who brought it)."""
    lemma = verb.lemma_.lower()
    particle = _child(verb, {"prt"})
    told = particle is not None and _UNDOING_PARTICLES.get(lemma) == particle.lower_
    if lemma not in _UNDOING_VERBS and not told:
        return []
    subject, passive = _subject_of(verb)
    judge = _agent(verb) if passive else subject
    undone = subject if passive else _child(verb, {"dobj"})
    courts = _courts_judging(judge, resolve) if judge is not None else None
    if courts is None or undone is None:
        return []
    noun = undone.lemma_.lower()
    named = [undone] if resolve.entity(undone) is not None else []
    if noun in _UNDONE_CASES:
        named = _prep_objects(undone, frozenset({"of", "against"}))
        if noun == "conviction":
            named += [c for c in undone.children if c.dep_ == "poss"]
    elif noun in _DEAL_NOUNS | _BLOCKED_DEALS:
        named = [c for c in undone.children if c.dep_ == "poss"]
        named += _prep_objects(undone, frozenset({"of"}))
    defendants = [
        e for t in named for e in resolve.entities(t) if not resolve.is_place(e) and e not in courts
    ]
    if not defendants:
        return []
    return [(VERDICT, _Found(courts, list(dict.fromkeys(defendants)), verb, "verdict"))]


def _hit_with(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Fine from "HSBC was hit with a £57.4 million fine by the Bank of England"."""
    if verb.lemma_.lower() not in ("hit", "slap"):
        return []
    fines = [
        t for t in _prep_objects(verb, frozenset({"with"})) if t.lemma_.lower() in _PENALTY_NOUNS
    ]
    subject, passive = _subject_of(verb)
    if not fines or not passive or subject is None:
        return []
    agent = _agent(verb)
    authorities = resolve.entities(agent) if agent is not None else []
    return [(PAID_FINE, _Found(authorities, resolve.entities(subject), verb, "passive"))]


_UNIT_NOUNS = frozenset({"unit", "division", "arm", "subsidiary", "business", "affiliate"})


def _named_unit(noun: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """MEMBER_OF from a body's part named beside it: "Berkshire's energy business,
    Berkshire Hathaway Energy"."""
    if noun.lemma_.lower() not in _UNIT_NOUNS:
        return []
    owner = _child(noun, {"poss"})
    names = [c for c in noun.children if c.dep_ == "appos"]
    if owner is None and noun.dep_ == "compound" and resolve.entity(noun.head) is not None:
        # "its subsidiary Natixis runs a technology centre": the kind before the name.
        names, owner = [noun.head], _child(noun.head, {"poss"})
    # The owner by name: "its lending arm Genesis" may point past the right body.
    named = owner is not None and owner.lower_ not in _PRONOUNS_THING
    owners = resolve.entities(owner) if owner is not None and named else []
    if owner is not None and not named and noun.dep_ == "conj" and names:
        # "Delivery Hero and its Spanish subsidiary Glovo": "its" is the body named first.
        first = resolve.entity(noun.head)
        owners = [first] if first is not None else []
    elif owner is not None and not named and _part_told(noun, names):
        # "BPCE ..., and its subsidiary Natixis"; "at Aetna, its insurance unit": "its" is
        # a body named before the part, not the part.
        parts_named = {e for t in [*names, noun.head] for e in resolve.entities(t)}
        found = resolve.entity(owner)
        if found is None or found in parts_named:
            found = resolve.body_before(noun.head if noun.dep_ == "appos" else noun)
        owners = [found] if found is not None and found not in parts_named else []
    if owners and not names and noun.dep_ == "appos":
        # "FTX Digital Markets, the exchange's Bahamas-based unit": the name it stands beside,
        # or the body a title it stands beside is at ("chief executive of Walmart U.S., the
        # retailer's biggest business").
        names = [noun.head]
        beside = resolve.entity(noun.head)
        if beside is None or resolve.is_person(beside):
            names += _prep_objects(noun.head, frozenset({"of", "at"}))
    parts = [
        e
        for t in names
        for e in resolve.entities(t)
        if e not in owners and not resolve.is_person(e)
    ]
    if not owners or not parts:
        return []
    return [(MEMBERSHIP, _Found(parts, owners, noun, "noun"))]


def _part_told(noun: Token, names: list[Token]) -> bool:
    """Whether "its" before a part's kind may be read: the kind set beside a name ("Aetna,
    its insurance unit") or the kind before a name that acts ("its subsidiary Natixis
    runs"); not "FTX hit its lending arm Genesis", where "its" is a body further back."""
    before = noun.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else noun
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and before.text == ",":
        return True
    return noun.dep_ == "compound" and any(t.dep_ in ("nsubj", "nsubjpass") for t in names)


ADVICE = next(f for f in FRAMES if f.predicate == "ADVISES")
PARENT = Frame("OWNS")
PARTNERSHIP = next(f for f in FRAMES if f.predicate == "PARTNERED_WITH")
INVESTMENT = Frame("INVESTED_IN")
# Nouns that say what someone is to a body: "Trump's top economic adviser", "a longtime
# partner of Tether", "counts Amazon as a major backer".
REGULATION = next(f for f in FRAMES if f.predicate == "REGULATES")
# Kinds of body a "parent" makes an owner: "its parent company".
_PARENT_KINDS = frozenset({"company", "group", "firm"})
_LINK_NOUNS = {"adviser": ADVICE, "advisor": ADVICE, "partner": PARTNERSHIP,
               "backer": INVESTMENT, "shareholder": PARENT, "owner": PARENT,
               "co-owner": PARENT, "supervisor": REGULATION}  # fmt: skip
# Verbs that give a role after "as", and whether their object is the one who takes it
# ("named Justin Sun as an adviser") or the body it is at ("joined Tether as an adviser").
_AS_ROLE_VERBS = {"name": "taker", "appoint": "taker", "hire": "taker", "tap": "taker",
                  "count": "taker", "join": "body"}  # fmt: skip


def _named_subject(verb: Token) -> Token | None:
    """A verb's subject, or for "who", "which" or "that", the name the relative clause hangs
    on: "van der Velde, who will move into an advisory role", "Anthropic, which former
    OpenAI executives founded … and which counts Amazon as a major backer"."""
    subject = _subject_of(verb)[0]
    clause = _first_conjunct(verb)
    if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and clause.dep_ == "relcl":
        return clause.head
    return subject


OWNERSHIP = next(f for f in FRAMES if f.predicate == "OWNS")


def _holdings(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """OWNS from a share or an amount of an asset someone holds: "Musk, who owns about 13%
    of Tesla", "UniCredit now holds around 9% of Commerzbank", "now holds 331,200 bitcoin".
    Holding someone to account ("held Binance liable") is no holding, and only a holding
    in the present is read: "Ver and his companies held about 131,000 bitcoin when …",
    "will own about 27% of the combined lender" are not. Who bought a number of coins
    holds them ("it had bought 4,710 bitcoin"), and so does who holds an asset as its
    reserve ("Both companies hold bitcoin as their main reserve asset")."""
    lemma = verb.lemma_.lower()
    bought = lemma in ("buy", "purchase") and verb.tag_.startswith("VB")
    if not bought and (lemma not in ("hold", "own") or verb.tag_ not in ("VBZ", "VBP")):
        return []
    obj = _child(verb, {"dobj"})
    if obj is None or _child(verb, {"oprd", "acomp", "xcomp", "ccomp"}) is not None:
        return []
    if obj.lower_ in ("%", "percent") and not bought:
        owned = [e for t in _prep_objects(obj, frozenset({"of"})) for e in resolve.entities(t)]
    else:
        counted = _child(obj, {"nummod"}) is not None
        reserve = not bought and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        owned = [e for e in resolve.entities(obj) if (counted or reserve) and resolve.is_asset(e)]
    subject = _named_subject(verb)
    holders = [e for e in resolve.entities(subject) if e not in owned] if subject else []
    if not holders or not owned:
        return []
    return [(OWNERSHIP, _Found(holders, owned, verb, "active"))]


def _stake_held(noun: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """OWNS from a holder's stake: "agreed to buy Lone Star's 75% stake in Novo Banco",
    "to sell its remaining 80% stake in Truist Insurance Holdings"."""
    if noun.lemma_.lower() not in ("stake", "shareholding") or noun.pos_ != "NOUN":
        return []
    owner = _child(noun, {"poss"})
    if owner is None or owner.lower_ == "whose":
        return []
    places = _stake_places(noun, frozenset({"in"}))
    owned = [e for t in places for e in resolve.entities(t) if resolve.is_organization(e)]
    holders = [e for e in resolve.entities(owner) if e not in owned]
    if not holders or not owned:
        return []
    return [(OWNERSHIP, _Found(holders, owned, noun, "noun"))]


def _link_noun(noun: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ADVISES, PARTNERED_WITH, INVESTED_IN or OWNS from what a noun calls someone: "Stephen
    Miran, President Donald Trump's top economic adviser", "joined Tether as a strategic
    adviser", "will serve as a senior adviser to the company", "will move into an advisory
    role at Tether", "Cantor Fitzgerald, a longtime partner of Tether", "which counts Amazon
    as a major backer", "Richard Tornetta, a Tesla shareholder", "Intercontinental
    Exchange, the owner of the New York Stock Exchange". A national security adviser holds
    a public office, read as a title."""
    lemma = noun.lemma_.lower()
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    advisory = lemma in ("role", "position", "post") and "advisory" in modifiers
    frame = ADVICE if advisory else _LINK_NOUNS.get(lemma)
    if lemma in _PARENT_KINDS and "parent" in modifiers:
        frame = PARENT  # "its parent company, Alphabet"
    # "one of the biggest shareholders in the lender" names one of them.
    one_of = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one"
    listed = _names_set_off(noun, resolve) if noun.tag_ in ("NNS", "NNPS") else []
    plural = noun.tag_ in ("NNS", "NNPS") and not one_of and not listed
    if frame is None or "security" in modifiers or plural:
        return []
    owner = _child(noun, {"poss"})
    if owner is not None and owner.lower_ == "whose" and noun.head.dep_ == "relcl":
        owner = noun.head.head  # "Deliveroo, whose biggest shareholder is Amazon"
    others = resolve.entities(owner) if owner is not None else []
    preps = frozenset({"to", "at", "of", "in"})
    others += [e for t in _prep_objects(noun, preps) for e in resolve.entities(t)]
    if lemma == "shareholder":
        # "a Tesla shareholder".
        others += [e for c in noun.children if c.dep_ == "compound" for e in resolve.entities(c)]
    # Where the noun stands in the sentence: for "one of the … shareholders", where "one" does.
    place = noun.head.head if one_of else noun
    while place.dep_ == "conj" and place.head.i != place.i:
        place = place.head
    if not others and place is not noun:
        # "the founder and majority owner of the exchange Bitzlato": "of" hangs on the first.
        others = [e for t in _prep_objects(place, preps) for e in resolve.entities(t)]
        # "its chairman, chief executive and controlling shareholder": so does "its".
        first_owner = _child(place, {"poss"})
        if not others and first_owner is not None:
            others = resolve.entities(first_owner)
    described: list[str] = []
    beside = [c for c in noun.children if c.dep_ == "appos"]
    if listed:
        # "Ampere's main shareholders, private equity firm Carlyle and software maker
        # Oracle, will sell": the names set off after the plural noun.
        described = listed
    elif beside and place is noun:
        # "Occidental's largest shareholder, Berkshire Hathaway, bought more", "of its
        # parent company, Alphabet": the name set off after the noun.
        described = [e for t in beside for e in resolve.entities(t)]
    elif place.dep_ == "appos":
        described = resolve.entities(place.head)
    elif place.dep_ == "attr":
        # "Pavlovski, who … is its controlling shareholder": "who" is the name.
        subject = _named_subject(place.head)
        described = resolve.entities(subject) if subject is not None else []
    elif place.dep_ == "nsubj" and place.head.lemma_ == "be":
        # "Deliveroo's biggest shareholder is Amazon": the name is the copula's.
        named = _child(place.head, {"attr"})
        described = resolve.entities(named) if named is not None else []
    elif place.dep_ == "pobj" and place.head.lower_ in ("as", "into"):
        verb = place.head.head
        subject = _named_subject(verb)
        obj = _child(verb, {"dobj"})
        took = _AS_ROLE_VERBS.get(verb.lemma_.lower())
        if took == "taker" and obj is not None:
            described = resolve.entities(obj)
            if owner is None or owner.tag_ == "PRP$":
                # "counts Crédit Agricole as its biggest shareholder": "its" is the subject's.
                others = resolve.entities(subject) if subject is not None else others
        else:
            described = resolve.entities(subject) if subject is not None else []
            if took == "body" and obj is not None:
                others = others or resolve.entities(obj)
            # "will move into an advisory role at Tether": the parse may hang "at" on the verb.
            at = _prep_objects(verb, frozenset({"at"}))
            others = others or [e for t in at for e in resolve.entities(t)]
    if frame is REGULATION:
        # "the European Central Bank, its supervisor": "its" is the company named before
        # the supervisor, and only a company is supervised.
        if not others or set(others) <= set(described):
            found = resolve.body_before(place.head) if place.dep_ == "appos" else None
            others = [found] if found is not None else []
        described = [e for e in described if resolve.is_regulator(e)]
        others = [e for e in others if resolve.is_organization(e)]
    others = [e for e in others if e not in described]
    if not described or not others:
        return []
    return [(frame, _Found(described, others, noun, "described"))]


def _names_set_off(noun: Token, resolve: _Resolver) -> list[str]:
    """The bodies and people named between the commas right after a plural noun, where the
    parse loses the list: "Ampere's main shareholders, private equity firm Carlyle and
    software maker Oracle, will sell"."""
    doc, end = noun.doc, noun.sent.end
    if noun.i + 1 >= end or doc[noun.i + 1].text != ",":
        return []
    close = next((i for i in range(noun.i + 2, end) if doc[i].text == ","), None)
    if close is None:
        return []
    named: list[str] = []
    for token in doc[noun.i + 2 : close]:
        if token.pos_ == "VERB":
            return []  # a clause, not a list of names
        eid = resolve.entity(token) if token.pos_ == "PROPN" else None
        if eid is not None and eid not in named and not resolve.is_place(eid):
            named.append(eid)
    return named


_BACKER_NOUNS = frozenset({"backer", "investor"})
# Words that make a company a state's: "Brazil's state-controlled oil company".
_STATE_WORDS = frozenset({"state", "state-owned", "state-controlled", "state-run", "sovereign"})


def _state_owned(noun: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """OWNS from a state's company set beside its name: "Petroecuador, Ecuador's state oil
    company", "Petrobras, Brazil's state-controlled oil company", "ADNOC, the state energy
    company of the United Arab Emirates", "Russia's state nuclear company, Rosatom"."""
    if noun.lower_ not in DESCRIPTIONS and noun.lemma_.lower() not in DESCRIPTIONS:
        return []
    words = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    words += [g for c in words for g in c.children if g.dep_ in ("npadvmod", "compound")]
    if not any(w.lower_ in _STATE_WORDS for w in words):
        return []
    owner = _child(noun, {"poss"})
    states = resolve.entities(owner) if owner is not None else []
    states += [e for t in _prep_objects(noun, frozenset({"of"})) for e in resolve.entities(t)]
    states = [e for e in states if resolve.is_place(e)]
    # The name the description stands beside: an apposition, or the parse's conjunct, or
    # one set after it ("Russia's state nuclear company, Rosatom").
    named = noun.head if noun.dep_ in ("appos", "conj") else None
    named = named or next((c for c in noun.children if c.dep_ == "appos"), None)
    company = resolve.entity(named) if named is not None else None
    companies = [company] if company is not None and resolve.is_organization(company) else []
    if not states or not companies:
        return []
    return [(OWNERSHIP, _Found(states, companies, noun, "noun"))]


# What a regulator grants a company it will supervise.
_LICENCES = frozenset(
    {"licence", "license", "charter", "authorisation", "authorization", "permit", "approval"}
)


def _licensed(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """REGULATES from a licence a regulator grants: "Revolut has been granted a UK banking
    licence by the Prudential Regulation Authority", "the OCC granted … a national bank
    charter to Erebor"."""
    if verb.lemma_.lower() not in ("grant", "award", "issue", "give"):
        return []
    licence = _child(verb, {"dobj"})
    if licence is None or licence.lemma_.lower() not in _LICENCES:
        return []
    subject, passive = _subject_of(verb)
    # The parse may hang "by" and "to" on the licence or a noun inside it ("approval for a
    # national bank charter to Erebor").
    inside = [t for t in licence.subtree if t.pos_ in ("NOUN", "PROPN")]
    if passive:
        agent = _agent(verb)
        by = [agent] if agent is not None else _prep_objects(licence, frozenset({"by"}))
        granters = [e for t in by for e in resolve.entities(t)]
        holders = resolve.entities(subject) if subject is not None else []
    else:
        granters = resolve.entities(subject) if subject is not None else []
        takers = [c for c in verb.children if c.dep_ == "dative"]
        takers += [o for t in [verb, *inside] for o in _prep_objects(t, frozenset({"to"}))]
        holders = [e for t in takers for e in resolve.entities(t)]
    granters = [e for e in granters if resolve.is_regulator(e)]
    holders = [e for e in holders if resolve.is_organization(e)]
    if not granters or not holders:
        return []
    return [(REGULATION, _Found(granters, holders, verb, "clause"))]


def _backers_include(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """INVESTED_IN from a list of a company's backers: "Perplexity, whose backers include
    Jeff Bezos and Nvidia", "Anthropic's investors include Amazon"."""
    subject = _child(verb, {"nsubj"})
    if verb.lemma_.lower() != "include" or subject is None:
        return []
    if subject.lemma_.lower() not in _BACKER_NOUNS or subject.tag_ != "NNS":
        return []
    owner = _child(subject, {"poss"})
    if owner is not None and owner.lower_ == "whose" and verb.dep_ == "relcl":
        owner = verb.head
    listed = _child(verb, {"dobj"})
    if listed is None or negated_or_hedged(verb):
        return []
    backed_by_prep = _prep_objects(subject, frozenset({"in", "of"}))
    if owner is None and any(
        noun.lemma_.lower() in _ROUND_NOUNS and not _child(noun, {"poss"})
        for noun in backed_by_prep
    ):
        # "Investors in the round include Paradigm and Pantera Capital": backers of the
        # round the article told before.
        backers = [e for e in resolve.entities(listed) if resolve.is_party(e)]
        return [(RAISED, _Found(backers, [], verb, "joined"))] if backers else []
    if owner is None and backed_by_prep:
        owner = backed_by_prep[0]  # "Other investors in Acme include"
    if owner is None:
        return []
    backed = resolve.entities(owner)
    backers = [e for e in resolve.entities(listed) if e not in backed]
    if not backed or not backers:
        return []
    return [(INVESTMENT, _Found(backers, backed, verb, "listed"))]


def _among_investors(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "Tiger Global and Ribbit Capital were among the investors in the round", "Nvidia is
    among Mistral's backers": backers of the company the noun names, or of the round the
    article told before."""
    subject = _child(verb, {"nsubj"})
    if verb.lemma_.lower() != "be" or subject is None or negated_or_hedged(verb):
        return []
    backers_noun = next(
        (n for n in _prep_objects(verb, frozenset({"among"})) if n.lemma_.lower() in _BACKER_NOUNS),
        None,
    )
    if backers_noun is None:
        return []
    investors = [e for e in resolve.entities(subject) if resolve.is_party(e)]
    places = [
        *(c for c in backers_noun.children if c.dep_ == "poss"),
        *_prep_objects(backers_noun, frozenset({"in", "of"})),
        *_prep_objects(verb, frozenset({"in"})),
    ]
    rounds = [p for p in places if p.lemma_.lower() in _ROUND_NOUNS]
    targets = [
        e
        for p in places
        if p.lemma_.lower() not in _ROUND_NOUNS
        for e in resolve.entities(p)
        if e not in investors and resolve.is_organization(e)
    ]
    if not investors:
        return []
    if targets:
        return [(INVESTMENT, _Found(investors, targets, verb, "listed"))]
    if any(_told_before(r) for r in rounds):
        return [(RAISED, _Found(investors, [], verb, "joined"))]
    return []


# Nouns for companies working together, and those that are only one when both sides are
# companies and the sentence tells of no purchase or settlement ("a deal with the SEC", "a
# deal with Paramount to buy its stake").
_TIE_NOUNS = frozenset({"partnership", "alliance", "venture", "collaboration", "tie-up", "pact"})
_DEAL_NOUNS_SIGNED = frozenset({"deal", "agreement", "contract"})
_SIGNING_VERBS = frozenset(
    {"sign", "strike", "reach", "ink", "announce", "form", "enter", "create", "launch", "set"}
)
_DEALINGS_ELSE = frozenset({"buy", "acquire", "sell", "settle", "merge", "pay", "purchase"})


def _partnership(noun: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """PARTNERED_WITH from a tie told as a noun: "under a long-term partnership with BNP
    Paribas", "has struck deals with retailers such as Walmart", "signed a five-year
    contract with IREN", "Nvidia and Synopsys announced a strategic partnership",
    "Standard Chartered, Animoca Brands and HKT formed a joint venture"."""
    lemma = noun.lemma_.lower()
    joint = lemma == "venture" and any(c.lower_ == "joint" for c in noun.children)
    tie = lemma in _TIE_NOUNS and (lemma != "venture" or joint)
    if not tie and lemma not in _DEAL_NOUNS_SIGNED:
        return []
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as":
        return []  # "was set up as a joint venture with Bank of Scotland" is what it is
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "keeps control ... under a partnership with"
    elif noun.dep_ != "dobj":
        return []
    if not verb.tag_.startswith("VB") or negated_or_hedged(verb) or told_as_to_come(verb):
        return []
    if not tie and verb.lemma_.lower() not in _SIGNING_VERBS:
        return []
    if any(t.lemma_.lower() in _DEALINGS_ELSE for t in noun.subtree if t.i > noun.i):
        return []
    subject = _subject_of(verb)[0]
    if subject is not None and subject.lower_ in ("they", "we"):
        # "Standard Chartered, Animoca Brands and HKT said they had formed a joint venture":
        # those who said so.
        sayer = next((a for a in verb.ancestors if a.lemma_.lower() in _REPORTING), None)
        subject = _subject_of(sayer)[0] if sayer is not None else subject
    if subject is None:
        return []
    sides = [e for e in resolve.entities(subject) if not resolve.is_authority(e)]
    partners = [
        e
        for t in [
            *_prep_objects(noun, frozenset({"with"})),
            *_prep_objects(verb, frozenset({"with"})),
        ]
        for e in [*resolve.entities(t), *_such_as(t, resolve)]
        if resolve.is_organization(e) and e not in sides
    ]
    sides = [e for e in sides if resolve.is_party(e)]
    if not partners and tie and len(sides) >= 2:
        # "Nvidia and Synopsys announced a strategic partnership": each with the others.
        return [
            (PARTNERSHIP, _Found([side], sides[i + 1 :], noun, "noun"))
            for i, side in enumerate(sides[:-1])
        ]
    if not sides or not partners:
        return []
    return [(PARTNERSHIP, _Found(sides, partners, noun, "noun"))]


def _such_as(token: Token, resolve: _Resolver) -> list[str]:
    """The names a kind lists "such as" or "including": "retailers such as Walmart"."""
    named = _prep_objects(token, frozenset({"as", "including", "like"}))
    named += [
        o for c in token.children if c.lower_ == "such" for o in _prep_objects(c, frozenset({"as"}))
    ]
    return [e for t in named for e in resolve.entities(t)]


_PARENT_NOUNS = frozenset({"parent"})  # an owner is read by _link_noun


def _parent_of(noun: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """OWNS from a parent set beside its name: "Alphabet, Google's parent", "FirstBank
    Holding Company, the parent of Colorado lender FirstBank"."""
    if noun.lemma_.lower() not in _PARENT_NOUNS:
        return []
    named = noun.head
    town = resolve.entity(named) if noun.dep_ == "conj" else None
    if town is not None and resolve.is_place(town) and named.dep_ == "appos":
        # "Fulton Financial, the Lancaster, Pennsylvania-based parent of Fulton Bank": the
        # parse hangs the parent on the town before "-based".
        named = named.head
    elif noun.dep_ != "appos":
        return []
    owned = [c for c in noun.children if c.dep_ == "poss"] + _prep_objects(noun, frozenset({"of"}))
    owners = [e for e in resolve.entities(named) if not resolve.is_place(e)]
    children = [e for t in owned for e in resolve.entities(t) if e not in owners]
    if not owners or not children:
        return []
    return [(PARENT, _Found(owners, children, noun, "noun"))]


def _along_with(verb: Token, obj: Token) -> list[Token]:
    """The parties named "along with" a verb's object, which the parse hangs on the verb,
    the object or a description set beside it: "sued Early Warning Services, the company
    that runs Zelle, along with JPMorgan Chase"."""
    described = [c for c in obj.children if c.dep_ == "appos"]
    holders = (verb, obj, *described)
    return [
        t
        for along in (c for h in holders for c in h.children if c.lower_ == "along")
        for t in _prep_objects(along, frozenset({"with"}))
    ]


SANCTIONS = next(f for f in FRAMES if f.predicate == "SANCTIONED")
# Lists an authority adds the sanctioned to: "added Garantex to its sanctions list".
_BLACKLISTS = frozenset({"blacklist", "list"})


def _outlawed(kind: Token) -> bool:
    """ "a transnational criminal organisation", "a foreign terrorist organization": a kind
    an authority designates to sanction."""
    return any(c.lower_ in ("criminal", "terrorist") for c in kind.children)


def _sanctioned_by_act(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Sanction from what an authority does to the sanctioned: "OFAC added both companies
    to its blacklist", "Britain froze the assets of Rosneft and Lukoil", "OFAC designated
    Garantex". A company that freezes a hacker's assets, or designates a market maker,
    sanctions no one: the subject must be an authority."""
    lemma = verb.lemma_.lower()
    targets: list[Token] = []
    if lemma in ("add", "put", "place"):
        # "added Garantex to its sanctions list", "put Intellexa S.A. on a trade blacklist".
        lists = [
            t
            for t in _prep_objects(verb, frozenset({"to", "on"}))
            if t.lemma_.lower() in _BLACKLISTS
            and (t.lemma_.lower() == "blacklist" or _child(t, {"compound", "amod"}) is not None)
        ]
        obj = _child(verb, {"dobj"})
        targets = [obj] if lists and obj is not None else []
    elif lemma == "freeze":
        assets = _child(verb, {"dobj"})
        if assets is not None and assets.lemma_.lower() in ("asset", "property"):
            targets = _prep_objects(assets, frozenset({"of"}))
    subject = _subject_of(verb)[0] if targets else None
    if lemma == "designate" and all(_outlawed(t) for t in _prep_objects(verb, frozenset({"as"}))):
        # "OFAC designated Garantex and Grinex"; "Grinex was designated by the Treasury";
        # "designated the group as a transnational criminal organisation"; not "the EU
        # designated Apple as a gatekeeper".
        obj, passive = _child(verb, {"dobj"}), _child(verb, {"nsubjpass"})
        subject = _subject_of(verb)[0] if obj is not None else _agent(verb)
        targets = [obj] if obj is not None else [passive] if passive is not None else []
        if obj is not None:
            # "designated L.Y.P. Group ..., along with Garden City Hotel".
            targets.extend(_along_with(verb, obj))
    if subject is None or not targets:
        return []
    authorities = [e for e in resolve.entities(subject) if resolve.is_authority(e)]
    sanctioned = [e for t in targets for e in resolve.entities(t) if not resolve.is_authority(e)]
    if not authorities or not sanctioned:
        return []
    # "OFAC also designated Liu Lizhi": more parties of the action told before.
    also = any(c.lower_ == "also" for c in verb.children)
    return [(SANCTIONS, _Found(authorities, sanctioned, verb, "also" if also else "act"))]


MEMBERSHIP = next(f for f in FRAMES if f.predicate == "MEMBER_OF")


def _owned_authority(name: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """ "the U.S. Treasury's Office of Foreign Assets Control": an authority's office is
    part of it (a country's office is not said to be: "Germany's Federal Police")."""
    owner = _child(name, {"poss"})
    part = resolve.entity(name)
    if owner is None or part is None or not resolve.is_regulator(part):
        return []
    body = resolve.entity(owner)
    if body is None or body == part or not resolve.is_regulator(body):
        return []
    return [(MEMBERSHIP, _Found([part], [body], name, "noun"))]


def _brought_case(noun: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Lawsuit from "a case brought by the SEC" (against the clause's subject); settling
    that case settles with whoever brought it."""
    if noun.lemma_.lower() not in _CASE_NOUNS:
        return []
    brought = [c for c in noun.children if c.dep_ == "acl"]
    # "The SEC brought a case against Ripple": the subject brought it.
    active = noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("bring", "file")
    for verb in brought + ([noun.head] if active else []):
        if verb.lemma_.lower() not in ("bring", "file"):
            continue
        agent = _subject_of(verb)[0] if verb.i == noun.head.i else _agent(verb)
        if agent is None:
            continue
        plaintiffs = resolve.entities(agent)
        against = _prep_objects(verb, frozenset({"against"}))
        against += _prep_objects(noun, frozenset({"against"}))
        if against:
            defendants = [e for t in against for e in resolve.entities(t)]
        elif verb.i == noun.head.i:
            defendants = []
        else:
            # "Coinbase won a case brought by the SEC", "Telstra was ordered to pay A$50
            # million in a similar case brought by the commission".
            clause = noun.head.head if noun.dep_ == "pobj" else noun.head
            subject = _subject_of(clause)[0] if noun.dep_ in ("dobj", "pobj") else None
            defendants = resolve.entities(subject) if subject is not None else []
        defendants = [e for e in defendants if e not in plaintiffs]
        if plaintiffs and defendants:
            found = [(BROUGHT_CASE, _Found(plaintiffs, defendants, noun, "brought"))]
            if noun.head.lemma_.lower() == "settle":
                found.append((SETTLED_CASE, _Found(defendants, plaintiffs, noun, "brought")))
            return found
    return []


def _majority(stake: Token) -> bool:
    """Whether a stake's share, read before it ("a 64% stake"), is more than half."""
    share = _stake(stake)
    return share is not None and share > 0.5


def _stake(anchor: Token) -> float | None:
    window = anchor.doc[max(anchor.sent.start, anchor.i - 4) : anchor.i].text
    match = _STAKE.search(window)
    return round(float(match.group(1)) / 100, 4) if match else None


def _term(verb: Token) -> str | None:
    """The sentence a verb gives: "sentenced to four months", "jailed for 11 years", "was
    given four years"."""
    if verb.lemma_.lower() in _GIVE:
        obj = _child(verb, {"dobj"})
        return _term_words(obj) if obj is not None else None
    preps = frozenset({"for"} if verb.lemma_.lower() in _JAIL else {"to"})
    for obj in _prep_objects(verb, preps):
        return _term_words(obj)
    return None


def _term_words(term: Token) -> str:
    """The words of a term without when it was given: "11 years and eight months" of "11
    years and eight months on Tuesday"."""
    when = {
        t.i
        for prep in term.subtree
        if prep.dep_ == "prep" and prep.lower_ in ("on", "at", "by", "after")
        for t in prep.subtree
    }
    # "nine years and her niece for 17 years": a conjunct that is no span of time is
    # another object of the verb.
    for other in term.children:
        if other.dep_ == "conj" and other.lemma_.lower() not in _TERM_UNITS:
            when |= {t.i for t in other.subtree} | {
                c.i for c in term.children if c.dep_ == "cc" and c.i < other.i
            }
    words = [t for t in term.subtree if t.i not in when]
    return term.doc[words[0].i : words[-1].i + 1].text


def _given_term(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A Sentence from a term given: "was given four years and 11 months by the same
    court", and "the court ... gave real estate developer Fred Daibes seven years and a
    $1.75 million fine" (with the Fine)."""
    obj = _child(verb, {"dobj"})
    if verb.lemma_.lower() in _GIVE and _child(verb, {"dative"}) is not None:
        return _term_given_to(verb, resolve)
    if verb.lemma_.lower() not in _GIVE or obj is None or _agent(verb) is None:
        return []
    if not (obj.ent_type_ == "DATE" and obj.lemma_.lower() in _TERM_UNITS):
        return []
    if any(c.dep_ in ("xcomp", "advcl") for c in verb.children):
        return []  # time given to do something: "was given two days to answer"
    found = _verb_frame(SENTENCES, verb, resolve)
    if found is None or not found.objects or not found.subjects:
        return []
    return [(SENTENCES, found)]


FINES = next(f for f in FRAMES if f.predicate == "FINED")


def _term_given_to(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """A court gives someone a term, and maybe a fine beside it: "gave Fred Daibes seven
    years and a $1.75 million fine"."""
    dative = _child(verb, {"dative"})
    subject = _subject_of(verb)[0]
    term = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "npadvmod")
            and c.ent_type_ == "DATE"
            and c.lemma_.lower() in _TERM_UNITS
        ),
        None,
    )
    if dative is None or subject is None or term is None:
        return []
    courts = [e for e in resolve.entities(subject) if resolve.is_authority(e)]
    people = [e for e in resolve.entities(dative) if resolve.is_person(e)]
    if not courts or not people:
        return []
    found: list[tuple[Frame, _Found]] = [(SENTENCES, _Found(courts, people, verb, "active"))]
    for fine in (c for c in term.children if c.dep_ == "conj" and c.lemma_.lower() == "fine"):
        found.append((FINES, _Found(courts, people, fine, "active")))
    return found


def _takes_amount(frame: Frame, found: _Found) -> bool:
    """Whether a frame's fact takes the amount near its words. Investors who join a round
    told before take its amount (see _join_rounds) and put in only part of it, not a
    figure beside them ("invested in the round, which valued the company at $12 billion")."""
    return frame.amount and found.rule != "joined"


def _properties(frame: Frame, doc: Doc, found: _Found) -> dict[str, str | float | None]:
    props: dict[str, str | float | None] = {}
    anchor = found.anchor
    if _takes_amount(frame, found):
        amount = amount_near(doc, anchor.sent, anchor.i)
        if amount is not None:
            props["amount"] = amount.value
            props["currency"] = amount.currency
    if frame.stake:
        stake = _stake(anchor)
        if stake is not None:
            props["stake"] = stake
    if frame.term:
        term = _term(anchor)
        if term is not None:
            props["term"] = term
    return props


ACQUISITION = next(f for f in FRAMES if f.predicate == "ACQUIRED")
_CONTROL = frozenset({"controlling", "majority"})


def _took_control(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """An acquisition from "took sole control of the Barcelona-based company", "gained
    full control of Glovo", "has won control of Banca Popolare di Sondrio"; told as done,
    the acquirer owns the target too."""
    if verb.lemma_.lower() not in ("take", "gain", "assume", "acquire", "win"):
        return []
    control = _child(verb, {"dobj"})
    if control is None or control.lemma_.lower() != "control":
        return []
    subject = _subject_of(verb)[0]
    acquirers = resolve.entities(subject) if subject is not None else []
    targets = [
        e
        for t in _prep_objects(control, frozenset({"of"}))
        for e in resolve.entities(t)
        if e not in acquirers
    ]
    if not acquirers or not targets:
        return []
    found = _Found(acquirers, targets, verb, "active")
    done = verb.tag_ in ("VBD", "VBN") and not told_as_to_come(verb)
    return [(ACQUISITION, found)] + ([(OWNERSHIP, found)] if done else [])


_SHARE_OF = frozenset({"most", "all", "part", "some", "much"})


def _taken_over(verb: Token, resolve: _Resolver) -> list[tuple[Frame, _Found]]:
    """An acquisition from "MoonPay took over the payments firm Helio", "agreed to take over
    most of Sainsbury's Bank", "agreed to be taken private by Silver Lake", "will take
    Walgreens private". A person who "took over as chief executive" or "took over from" a
    predecessor takes over no company, and neither does one that takes over a role."""
    if verb.lemma_.lower() != "take":
        return []
    over = any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children)
    # "taken private", however the parse hangs "private" on the verb.
    private = any(c.lower_ == "private" for c in verb.children)
    if not over and not private:
        return []
    subject, acted_on = _subject_of(verb)
    agent = _agent(verb)
    if agent is not None:
        acquirers = resolve.entities(agent)
        taken = resolve.entities(subject) if subject is not None and acted_on else []
    else:
        acquirers = resolve.entities(subject) if subject is not None and not acted_on else []
        obj = _child(verb, {"dobj"})
        if obj is not None and obj.lower_ in _SHARE_OF:
            obj = next(iter(_prep_objects(obj, frozenset({"of"}))), obj)
        taken = resolve.entities(obj) if obj is not None else []
    acquirers = [e for e in acquirers if not resolve.is_person(e)]
    targets = [e for e in taken if resolve.is_organization(e) and e not in acquirers]
    if not acquirers or not targets:
        return []
    return [(ACQUISITION, _Found(acquirers, targets, verb, "active"))]


def _takes_control(anchor: Token) -> bool:
    """Whether an investment buys control: "bought a controlling stake in", "invest $3
    billion in RBL Bank for a controlling stake of up to 60%"."""
    near = [c for c in anchor.children] + [g for c in anchor.children for g in c.children]
    return any(
        t.lemma_.lower() in _STAKE_NOUNS and any(c.lower_ in _CONTROL for c in t.children)
        for t in near
    )


# Nouns for a takeover offer or deal whose valuation of the target is its price.
_DEAL_NOUNS = frozenset({"bid", "offer", "deal", "takeover", "transaction", "acquisition"})


@dataclass(frozen=True)
class _Valuation:
    target: str
    amount: Amount
    evidence: Evidence


def _valuations(doc: Doc, resolve: _Resolver) -> list[_Valuation]:
    """Prices a deal puts on its target in a sentence of its own: "The bid, launched in May
    2024, valued Sabadell at about €17bn"."""
    found: list[_Valuation] = []
    for verb in doc:
        if verb.lemma_.lower() != "value" or verb.pos_ != "VERB" or negated_or_hedged(verb):
            continue
        deal = verb.head if verb.dep_ == "acl" else _subject_of(verb)[0]
        target = _child(verb, {"dobj"})
        if deal is None or deal.lemma_.lower() not in _DEAL_NOUNS or target is None:
            continue
        at = _prep_objects(verb, frozenset({"at"}))
        amount = amount_near(doc, verb.sent, at[0].i) if at else None
        if amount is None:
            continue
        evidence = span_evidence(verb.sent, "frame/acquisition/valued")
        found += [_Valuation(t, amount, evidence) for t in resolve.entities(target)]
    return found


# What a suit may be brought to stop: "sued in April to stop the deal", "sued to block the
# merger".
_STOP_VERBS = frozenset({"stop", "block", "halt", "prevent", "unwind"})
_MERGER_NOUNS = frozenset(
    {"deal", "merger", "acquisition", "purchase", "takeover", "combination", "transaction"}
)


def _suits_against_deals(
    doc: Doc, resolve: _Resolver, events: list[Event], relations: dict[str, Relation]
) -> list[Event]:
    """``events`` where a suit brought to stop a deal told before is against its parties:
    "The FTC sued in April to stop the deal" after "Tapestry's $8.5 billion purchase of
    Capri Holdings" is a Lawsuit against both, and SUED each of them."""
    out = list(events)
    for verb in doc:
        if verb.lemma_.lower() != "sue" or _child(verb, {"dobj"}) is not None:
            continue
        stop = next(
            (c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.lemma_ in _STOP_VERBS),
            None,
        )
        deal = _child(stop, {"dobj"}) if stop is not None else None
        subject = _subject_of(verb)[0]
        if deal is None or deal.lemma_.lower() not in _MERGER_NOUNS or subject is None:
            continue
        plaintiffs = resolve.entities(subject)
        # The deal the sentence names ("sued to block Visa's $5.3 billion purchase of
        # Plaid"), else the last one told before.
        start = verb.sent.start_char
        deals = [e for e in out if e.type == ACQUISITION.event]
        here = [e for e in deals if any(v.start == start for v in e.evidence)]
        before = here or [e for e in deals if e.evidence[0].start < start]
        whole = [e for e in before if {"acquirer", "target"} <= {p.role for p in e.participants}]
        if not plaintiffs or not before:
            continue
        merger = (whole or before)[-1]
        parties = [p.entity for p in merger.participants if p.role in ("acquirer", "target")]
        parties = [e for e in parties if e not in plaintiffs]
        if not parties:
            continue
        evidence = span_evidence(verb.sent, f"frame/{BROUGHT_CASE.name}/deal")
        participants = [Participant(entity=e, role="plaintiff") for e in plaintiffs]
        participants += [Participant(entity=e, role="defendant") for e in parties]
        # The suit read without its defendants gives way to this one.
        out = [
            e
            for e in out
            if not (
                e.type == BROUGHT_CASE.event
                and any(v.start == evidence.start for v in e.evidence)
                and not any(p.role == "defendant" for p in e.participants)
            )
        ]
        key = [(p.role, p.entity) for p in participants]
        out.append(
            Event(
                id=event_id(BROUGHT_CASE.event or "Lawsuit", key, None),
                type=BROUGHT_CASE.event or "Lawsuit",
                participants=participants,
                date=date_near(doc, verb.sent, verb.i),
                status=BROUGHT_CASE.status,
                confidence=CONFIDENCE["deal"],
                evidence=[evidence],
            )
        )
        for plaintiff in plaintiffs:
            for party in parties:
                rid = relation_id(plaintiff, BROUGHT_CASE.predicate or "SUED", party)
                relations.setdefault(
                    rid,
                    Relation(
                        id=rid,
                        subject=plaintiff,
                        predicate=BROUGHT_CASE.predicate or "SUED",
                        object=party,
                        confidence=CONFIDENCE["deal"],
                        evidence=[evidence],
                    ),
                )
    return out


def _priced(events: list[Event], valuations: list[_Valuation]) -> list[Event]:
    """Give an Acquisition with no amount the price a later sentence's valuation of its
    target states. A valuation alone makes no event: "a round that values Kalshi at $2
    billion" prices no purchase."""
    out: list[Event] = []
    for event in events:
        targets = {p.entity for p in event.participants if p.role == "target"}
        price = next((v for v in valuations if v.target in targets), None)
        if event.type != "Acquisition" or event.amount is not None or price is None:
            out.append(event)
            continue
        key = [(p.role, p.entity) for p in event.participants]
        amount = price.amount
        out.append(
            event.model_copy(
                update={
                    "id": event_id(event.type, key, (amount.value, amount.currency)),
                    "amount": amount,
                    "evidence": [*event.evidence, price.evidence],
                }
            )
        )
    return out


# Verbs that end an offer or a deal: "the bid has failed", "the deal collapsed".
_FAILED = frozenset({"fail", "collapse", "lapse", "abandon", "withdraw", "reject", "scrap"})


def _event_status(frame: Frame, anchor: Token) -> str | None:
    """The frame's status; an acquisition or investment only agreed is not completed."""
    if frame.event not in ("Acquisition", "Investment"):
        return frame.status
    if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.lemma_.lower() in _FAILED:
        return "abandoned"  # "BBVA's takeover bid for Banco Sabadell has failed"
    if frame.status == "proposed":
        return frame.status
    if anchor.pos_ in ("PROPN", "NUM"):
        # A name standing for its clause ("and $19 billion for WhatsApp"): its verb's tense.
        anchor = next((t for t in anchor.ancestors if t.pos_ in ("VERB", "AUX")), anchor)
    governors = {t.lemma_.lower() for t in anchor.ancestors}
    if "agree" in governors or "announce" in governors:
        return "agreed"
    if "complete" in governors or anchor.tag_ in ("VBD", "VBN"):
        return "completed"
    return "proposed"


def _frame_event(
    frame: Frame, found: _Found, doc: Doc, ents: ArticleEntities, evidence: Evidence
) -> Event | None:
    if found.subjects == found.objects and len(found.subjects) == 1:
        return None  # "Cephalon, a drugmaker Teva had bought", misparsed: none acts on itself
    participants: dict[tuple[str, str], Participant] = {}
    for role, ids in ((frame.subject_role, found.subjects), (frame.object_role, found.objects)):
        if role is None:
            continue
        for eid in ids:
            if role in _PARTY_ROLES and ents.types[eid] == "Location":
                continue  # "the penalty on Hengda", the tagger's place: no party
            participants[(role, eid)] = Participant(entity=eid, role=role)
    if not participants or frame.event is None:
        return None
    sent = found.anchor.sent
    amount = amount_near(doc, sent, found.anchor.i) if _takes_amount(frame, found) else None
    key = [(p.role, p.entity) for p in participants.values()]
    return Event(
        id=event_id(frame.event, key, (amount.value, amount.currency) if amount else None),
        type=frame.event,
        participants=list(participants.values()),
        amount=amount,
        date=date_near(doc, sent, found.anchor.i),
        status=_event_status(frame, found.anchor),
        confidence=CONFIDENCE[found.rule],
        evidence=[evidence],
    )


def extract_frames(doc: Doc, ents: ArticleEntities) -> tuple[list[Relation], list[Event]]:
    """Relations and events for every frame the parse shows.

    One relation per (subject, predicate, object); one event per type and
    participants, with the evidence of every sentence that states it.
    """
    resolve = _Resolver(doc, ents)
    by_verb: dict[str, list[Frame]] = {}
    by_noun: dict[str, list[Frame]] = {}
    for frame in FRAMES:
        for form in frame.verbs:
            by_verb.setdefault(form, []).append(frame)
        for form in frame.nouns:
            by_noun.setdefault(form, []).append(frame)
    headquartered = next(f for f in FRAMES if f.predicate == "HEADQUARTERED_IN")

    relations: dict[str, Relation] = {}
    events: dict[str, Event] = {}
    for token in doc:
        candidates: list[tuple[Frame, _Found]] = []
        based = _based_compound(token, resolve)
        owned = _owned_compound(token, resolve)
        if based is not None:
            candidates.append((headquartered, based))
        elif owned is not None:
            candidates.append((OWNERSHIP, owned))
        elif token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            for frame in by_verb.get(token.lower_, []) + by_verb.get(token.lemma_.lower(), []):
                if frame.predicate == "ACQUIRED" and _stake_object(token) is not None:
                    continue  # read as an investment by _stake_bought
                # "pleaded guilty", and not "pleaded not guilty".
                required = [c for c in token.children if c.lower_ in frame.requires]
                negated = any(n.dep_ == "neg" for c in required for n in c.children)
                if frame.requires and (not required or negated):
                    continue
                found = _verb_frame(frame, token, resolve)
                if found is not None:
                    candidates.append((frame, found))
            readers = (
                _payment, _verdict, _raised, _stake_bought, _charges_from, _policy, _hit_with,
                _backed_by, _offices_in, _led_round, _joined_round, _given_term,
                _sanctioned_by_act, _took_control, _holdings, _ruled, _backers_include,
                _sold_shares, _employs_in, _licensed, _paid_for, _sold_business, _closed_round,
                _added_as_investor, _works_with, _stake_bought_into, _undone, _based_up_front,
                _among_investors, _taken_over, _moved_headquarters,
            )  # fmt: skip
            for read in readers:
                candidates.extend(read(token, resolve))
        elif token.pos_ in ("NOUN", "PROPN"):
            for frame in by_noun.get(token.lower_, []):
                found = _noun_frame(frame, token, resolve)
                if found is not None:
                    # "its European headquarters in Dublin": one site among others.
                    regional = frame is HEADQUARTERS and _regional(token)
                    candidates.append((OFFICES if regional else frame, found))
            candidates.extend(_brought_case(token, resolve))
            candidates.extend(_state_owned(token, resolve))
            candidates.extend(_owned_authority(token, resolve))
            candidates.extend(_parent_of(token, resolve))
            candidates.extend(_named_unit(token, resolve))
            candidates.extend(_link_noun(token, resolve))
            candidates.extend(_stake_held(token, resolve))
            candidates.extend(_sites_of(token, resolve))
            candidates.extend(_partnership(token, resolve))
        for frame, found in candidates:
            if negated_or_hedged(found.anchor):
                continue
            if frame.event == "GuiltyPlea" and _plea_to_come(found.anchor):
                continue
            if frame.predicate == "INVESTED_IN" and _takes_control(found.anchor):
                frame = ACQUISITION  # "invest $3 billion in RBL Bank for a controlling stake"
            sent = found.anchor.sent
            props = _properties(frame, doc, found)
            rule = f"frame/{frame.name}/{found.rule}"
            evidence = span_evidence(sent, rule)
            event = _frame_event(frame, found, doc, ents, evidence)
            if event is not None:
                seen = events.get(event.id)
                if seen is None:
                    events[event.id] = event
                elif all(e.start != evidence.start for e in seen.evidence):
                    events[event.id] = seen.model_copy(
                        update={"evidence": [*seen.evidence, evidence]}
                    )
            if frame.predicate is None:
                continue
            for subject in found.subjects:
                for obj in found.objects:
                    if subject == obj:
                        continue
                    head, tail = subject, obj
                    if (
                        frame.predicate == SETTLED_CASE.predicate
                        and ents.types[subject] in _AUTHORITY_TYPES
                        and ents.types[obj] in _PARTY_TYPES
                    ):
                        head, tail = obj, subject
                    rid = relation_id(head, frame.predicate, tail)
                    if rid in relations:
                        continue
                    relations[rid] = Relation(
                        id=rid,
                        subject=head,
                        predicate=frame.predicate,
                        object=tail,
                        properties=dict(props),
                        confidence=CONFIDENCE[found.rule],
                        evidence=[evidence],
                    )
    deals = _priced(_one_per_deal(list(events.values()), resolve), _valuations(doc, resolve))
    deals = _suits_against_deals(doc, resolve, deals, relations)
    rounds = _join_rounds(deals, relations)
    carried = _one_sanction_told_on(_carry_authorities(rounds, relations), relations)
    events_read = _shares_of_totals(
        doc,
        resolve,
        _retold_without_sum(_one_each(_retold_by_authority(_one_per_action(carried, relations)))),
        relations,
    )
    # Where a body has its headquarters it is not told again as located.
    head_offices = {
        (r.subject, r.object) for r in relations.values() if r.predicate == "HEADQUARTERED_IN"
    }
    kept = [
        r
        for r in relations.values()
        if not (r.predicate == "LOCATED_IN" and (r.subject, r.object) in head_offices)
    ]
    return kept, events_read


# Events whose total a sentence may split between the parties: "fined Delivery Hero and
# Glovo a total of €329 million … Delivery Hero must pay €223.3 million and Glovo €105.7
# million".
_SPLIT_TYPES = frozenset({"Fine", "Settlement"})


def _gapped_shares(doc: Doc, resolve: _Resolver) -> list[list[tuple[str, Amount]]]:
    """Each sentence's shares of one sum, party by party: "Delivery Hero must pay €223.3
    million and Glovo €105.7 million", "the PRA imposed £33.9m and the Financial Conduct
    Authority £27.8m" (a second party and its amount with the verb left out)."""
    out: list[list[tuple[str, Amount]]] = []
    for sent in doc.sents:
        spans = money_spans(doc, sent)
        for (first, first_amount), (second, second_amount) in pairwise(spans):
            party = resolve.entity(doc[second.start - 1]) if second.start > 0 else None
            if party is None:
                continue
            name_start = second.start - 1
            while name_start > first.end and resolve.entity(doc[name_start - 1]) == party:
                name_start -= 1
            joined = [t.lower_ for t in doc[first.end : name_start] if t.lower_ != "the"]
            if joined not in (["and"], [",", "and"]):
                continue
            verb = first.root.head
            subject = _subject_of(verb)[0] if verb.pos_ in ("VERB", "AUX") else None
            payer = resolve.entity(subject) if subject is not None else None
            if payer is None or payer == party or first_amount.currency != second_amount.currency:
                continue
            out.append([(payer, first_amount), (party, second_amount)])
    return out


def _shares_of_totals(
    doc: Doc, resolve: _Resolver, events: list[Event], relations: dict[str, Relation]
) -> list[Event]:
    """Events of parties a sentence gives shares of one sum to, each with its own share.

    An event of one of them whose amount is the sum (to within 1%, as reports round it) or
    none takes that party's share ("fined Delivery Hero and Glovo a total of €329
    million"); an event that names neither, with the sum and no authority, becomes one
    event per authority ("Citigroup Global Markets was fined a combined £61.6m" and "the
    PRA imposed £33.9m and the FCA £27.8m"), whose FINED relations follow."""
    for shares in _gapped_shares(doc, resolve):
        out: list[Event] = []
        for event in events:
            named = {p.entity for p in event.participants}
            own = [(party, a) for party, a in shares if party in named]
            roles = {p.role for p in event.participants}
            summed = _is_the_sum(event.amount, shares)
            splittable = event.type in _SPLIT_TYPES and (event.amount is None or summed)
            if splittable and len(own) == 1:
                party, share = own[0]
                out.append(_with_amount(event, share))
                for authority in (p.entity for p in event.participants if p.role == "authority"):
                    rid = relation_id(authority, "FINED", party)
                    if event.type == "Fine" and rid in relations:
                        shared = {"amount": share.value, "currency": share.currency}
                        relations[rid] = relations[rid].model_copy(update={"properties": shared})
            elif (
                splittable
                and not own
                and summed
                and "authority" not in roles
                and all(resolve.is_authority(party) for party, _ in shares)
            ):
                for party, amount in shares:
                    participants = [
                        *event.participants,
                        Participant(entity=party, role="authority"),
                    ]
                    split = _with_amount(
                        event.model_copy(update={"participants": participants}), amount
                    )
                    out.append(split)
                    if event.type == "Fine":
                        _add_fined(relations, split, party)
            else:
                out.append(event)
        events = out
    return events


def _is_the_sum(amount: Amount | None, shares: list[tuple[str, Amount]]) -> bool:
    """Whether an amount is the sum of the shares, to within 1% (reports round it)."""
    total = sum(share.value for _, share in shares)
    return (
        amount is not None
        and amount.currency == shares[0][1].currency
        and abs(amount.value - total) <= 0.01 * total
    )


def _add_fined(relations: dict[str, Relation], event: Event, authority: str) -> None:
    for defendant in (p.entity for p in event.participants if p.role == "defendant"):
        rid = relation_id(authority, "FINED", defendant)
        relations.setdefault(
            rid,
            Relation(
                id=rid,
                subject=authority,
                predicate="FINED",
                object=defendant,
                properties=(
                    {"amount": event.amount.value, "currency": event.amount.currency}
                    if event.amount is not None
                    else {}
                ),
                confidence=CONFIDENCE["carried"],
                evidence=list(event.evidence),
            ),
        )


def _with_amount(event: Event, amount: Amount) -> Event:
    key = [(p.role, p.entity) for p in event.participants]
    return event.model_copy(
        update={
            "id": event_id(event.type, key, (amount.value, amount.currency)),
            "amount": amount,
        }
    )


# How far a deal has gone, later stages last.
_DEAL_STAGES = ("proposed", "agreed", "completed")


def _one_per_deal(events: list[Event], resolve: _Resolver) -> list[Event]:
    """One Acquisition per buyer and target: "Broadcom completed its takeover of VMware ...
    Broadcom agreed last year to buy the company for $61 billion" is one deal, at its latest
    stage, with the amount one sentence gives and the evidence of both. Two different
    amounts stay two events."""
    out: list[Event] = []
    for event in events:
        if event.type != "Acquisition":
            out.append(event)
            continue
        parties = {(p.role, p.entity) for p in event.participants}
        same = next(
            (
                i
                for i, seen in enumerate(out)
                if seen.type == "Acquisition"
                and {(p.role, p.entity) for p in seen.participants} == parties
                and (seen.amount is None or event.amount is None or seen.amount == event.amount)
            ),
            None,
        )
        if same is None:
            out.append(event)
            continue
        seen = out[same]
        stages = [e.status for e in (seen, event) if e.status in _DEAL_STAGES]
        status = max(stages, key=_DEAL_STAGES.index) if stages else seen.status
        out[same] = _merged(seen, event, list(seen.participants), status)
    return _buyer_told_elsewhere(out, resolve)


def _buyer_told_elsewhere(events: list[Event], resolve: _Resolver) -> list[Event]:
    """A purchase told without its buyer joins the purchase of the same target that names
    it: "arguing that it had bought Instagram and WhatsApp" beside "Meta paid $1 billion
    for Instagram in 2012 and $19 billion for WhatsApp in 2014" is those two purchases,
    with their dates and amounts. An authority the parse makes the buyer ("The FTC sued
    the company, arguing that it had bought Instagram") is none: authorities do not buy
    companies."""

    def buyers(event: Event) -> list[str]:
        return [p.entity for p in event.participants if p.role == "acquirer"]

    out = list(events)
    for event in events:
        if event.type != "Acquisition" or not all(resolve.is_authority(e) for e in buyers(event)):
            continue
        targets = [p.entity for p in event.participants if p.role == "target"]
        homes: list[int] = []
        for target in targets:
            named = [
                i
                for i, other in enumerate(out)
                if other is not event
                and other.type == "Acquisition"
                and any(not resolve.is_authority(e) for e in buyers(other))
                and any(p.role == "target" and p.entity == target for p in other.participants)
            ]
            if len(named) != 1:
                break
            homes.append(named[0])
        else:
            if not homes:
                continue
            for i in dict.fromkeys(homes):
                fuller = out[i]
                out[i] = _merged(fuller, event, list(fuller.participants), fuller.status)
            out = [e for e in out if e is not event]
    return out


def _joined_participants(seen: Event, event: Event) -> list[Participant]:
    """The participants of ``seen``, then those of ``event`` it does not have."""
    known = {(p.role, p.entity) for p in seen.participants}
    return [*seen.participants, *(p for p in event.participants if (p.role, p.entity) not in known)]


def _merged(
    seen: Event, event: Event, participants: list[Participant], status: str | None
) -> Event:
    """One event from two that state the same happening: the first's amount unless it has
    none, the first's date unless it has none, the evidence of both."""
    amount = seen.amount or event.amount
    key = [(p.role, p.entity) for p in participants]
    return seen.model_copy(
        update={
            "id": event_id(seen.type, key, (amount.value, amount.currency) if amount else None),
            "participants": participants,
            "amount": amount,
            "status": status,
            "date": seen.date or event.date,
            "evidence": [*seen.evidence, *(e for e in event.evidence if e not in seen.evidence)],
        }
    )


def _one_sanction_told_on(events: list[Event], relations: dict[str, Relation]) -> list[Event]:
    """A Sanction told on after another joins it: one action with all its targets.

    An authority, or its part, "also" imposed it ("The U.S. Treasury imposed sanctions on
    Aeza Group. The department's Office of Foreign Assets Control also designated Aeza
    Logistic"), or it names targets and takes its authority from the one before ("…were
    among four people who were blacklisted"). Each authority sanctioned every target."""
    members = {(r.subject, r.object) for r in relations.values() if r.predicate == "MEMBER_OF"}

    def authorities(event: Event) -> set[str]:
        return {p.entity for p in event.participants if p.role == "authority"}

    def related(ours: set[str], theirs: set[str]) -> bool:
        return bool(ours & theirs) or any(
            (a, b) in members or (b, a) in members for a in ours for b in theirs
        )

    out: list[Event] = []
    for event in events:
        before = next(
            (
                i
                for i in range(len(out) - 1, -1, -1)
                if out[i].type == "Sanction" and related(authorities(event), authorities(out[i]))
            ),
            None,
        )
        also = event.evidence[0].rule.endswith("/also")
        carried = any(e.rule.endswith("/carried") for e in event.evidence)
        if event.type != "Sanction" or before is None or not (also or carried):
            out.append(event)
            continue
        seen = out[before]
        joined = _merged(seen, event, _joined_participants(seen, event), seen.status)
        out[before] = joined
        own = event.evidence[0]
        told = own.model_copy(update={"rule": f"{own.rule.removesuffix('/carried')}/carried"})
        # In the order the participants were told, so that the output is the same each run.
        named = dict.fromkeys(p.entity for p in joined.participants if p.role == "authority")
        for authority in named:
            for target in (p.entity for p in joined.participants if p.role == "target"):
                rid = relation_id(authority, "SANCTIONED", target)
                relations.setdefault(
                    rid,
                    Relation(
                        id=rid,
                        subject=authority,
                        predicate="SANCTIONED",
                        object=target,
                        confidence=CONFIDENCE["carried"],
                        evidence=[told],
                    ),
                )
    return out


def _join_rounds(events: list[Event], relations: dict[str, Relation]) -> list[Event]:
    """Investors named with no company they invest in ("Dragonfly and ParaFi also invested",
    "Nvidia also took part") are investors in the round the article told before, which
    becomes one event with all of them. Joining no round told before, "took part" is no
    investment.
    """
    out: list[Event] = []
    for event in events:
        roles = {p.role for p in event.participants}
        if event.type == "Investment" and event.amount is None and "investor" in roles:
            # "would raise $250 million in a private placement. BitMine is selling shares
            # to investors including Founders Fund": who put in the money raised before.
            raise_before = _bare_raise(out, event)
            if raise_before is not None:
                raised = out[raise_before]
                out[raise_before] = _merged(
                    raised, event, _joined_participants(raised, event), raised.status
                )
                continue
        if event.type != "Investment" or roles != {"investor"} or event.amount is not None:
            out.append(event)
            continue
        joined = event.evidence[0].rule.endswith("/joined")
        before = next(
            (
                i
                for i in range(len(out) - 1, -1, -1)
                if out[i].type == "Investment"
                and any(p.role == "target" for p in out[i].participants)
            ),
            None,
        )
        if before is None:
            if not joined:
                out.append(event)
            continue
        round_event = out[before]
        participants = _joined_participants(round_event, event)
        added = participants[len(round_event.participants) :]
        key = [(p.role, p.entity) for p in participants]
        amount = round_event.amount
        out[before] = round_event.model_copy(
            update={
                "id": event_id(
                    "Investment", key, (amount.value, amount.currency) if amount else None
                ),
                "participants": participants,
                "evidence": [*round_event.evidence, *event.evidence],
            }
        )
        source = round_event.evidence[0]
        for investor in added:
            for target in (p for p in round_event.participants if p.role == "target"):
                rid = relation_id(investor.entity, "INVESTED_IN", target.entity)
                relations.setdefault(
                    rid,
                    Relation(
                        id=rid,
                        subject=investor.entity,
                        predicate="INVESTED_IN",
                        object=target.entity,
                        confidence=CONFIDENCE["joined"],
                        evidence=[event.evidence[0], source],
                    ),
                )
    return out


def _bare_raise(events: list[Event], event: Event) -> int | None:
    """The index of the last Investment in ``events`` that names no investor and the same
    target as ``event``."""
    targets = {p.entity for p in event.participants if p.role == "target"}
    for i in range(len(events) - 1, -1, -1):
        seen = events[i]
        if seen.type != "Investment":
            continue
        roles = {p.role for p in seen.participants}
        seen_targets = {p.entity for p in seen.participants if p.role == "target"}
        return i if roles == {"target"} and seen_targets == targets else None
    return None


# Enforcement events whose authority may be named a sentence before the parties, and the
# relation each states: "MAS imposed penalties on nine firms. UOB and UBS were among them".
_CARRIED = {"Fine": "FINED", "Sanction": "SANCTIONED", "Charge": "CHARGED"}
_PARTY_ROLES = frozenset({"defendant", "target"})


def _carry_authorities(events: list[Event], relations: dict[str, Relation]) -> list[Event]:
    """Give an enforcement event with parties but no authority the authority of the
    article's previous event of its type, which states who acts; its relations follow.
    A previous event with an authority and no parties ("imposed penalties on nine
    firms") only summed up the events that name them, and is dropped.
    """
    last: dict[str, Event] = {}
    out: dict[str, Event] = {}
    summaries: set[str] = set()  # authority-only events whose parties came later
    for event in events:
        roles = {p.role for p in event.participants}
        before = last.get(event.type)
        if (
            event.type in _CARRIED
            and "authority" not in roles
            and roles & _PARTY_ROLES
            and before is not None
        ):
            authorities = [p for p in before.participants if p.role == "authority"]
            if not {p.role for p in before.participants} & _PARTY_ROLES:
                summaries.add(before.id)
            participants = [*event.participants, *authorities]
            key = [(p.role, p.entity) for p in participants]
            amount = (event.amount.value, event.amount.currency) if event.amount else None
            # The parties' sentence, and the sentence that named the authority.
            own, source = event.evidence[0], before.evidence[0]
            own_carried = own.model_copy(update={"rule": f"{own.rule}/carried"})
            source_carried = source.model_copy(update={"rule": f"{source.rule}/carried"})
            event = event.model_copy(
                update={
                    "id": event_id(event.type, key, amount),
                    "participants": participants,
                    "confidence": CONFIDENCE["carried"],
                    "evidence": [*event.evidence, source_carried],
                }
            )
            predicate = _CARRIED[event.type]
            for authority in authorities:
                for party in (p for p in event.participants if p.role in _PARTY_ROLES):
                    rid = relation_id(authority.entity, predicate, party.entity)
                    relations.setdefault(
                        rid,
                        Relation(
                            id=rid,
                            subject=authority.entity,
                            predicate=predicate,
                            object=party.entity,
                            confidence=CONFIDENCE["carried"],
                            evidence=[own_carried, source_carried],
                        ),
                    )
        if "authority" in {p.role for p in event.participants}:
            last[event.type] = event
        seen = out.get(event.id)
        out[event.id] = (
            event
            if seen is None
            else seen.model_copy(update={"evidence": [*seen.evidence, *event.evidence]})
        )
    return [e for e in out.values() if e.id not in summaries]


def _one_per_action(events: list[Event], relations: dict[str, Relation]) -> list[Event]:
    """One enforcement event for one action told through a body and its part: "The U.S.
    Treasury imposed sanctions on Rosneft and Lukoil. The department's Office of Foreign
    Assets Control added both companies to its blacklist" is one Sanction with both
    authorities, when a MEMBER_OF relation ties them and the parties are the same."""
    members = {(r.subject, r.object) for r in relations.values() if r.predicate == "MEMBER_OF"}

    def authorities(event: Event) -> set[str]:
        return {p.entity for p in event.participants if p.role == "authority"}

    def parties(event: Event) -> set[tuple[str, str]]:
        return {(p.role, p.entity) for p in event.participants if p.role in _PARTY_ROLES}

    out: list[Event] = []
    for event in events:
        same = next(
            (
                i
                for i, seen in enumerate(out)
                if event.type in _CARRIED
                and seen.type == event.type
                and parties(seen) == parties(event)
                and parties(event)
                and any(
                    (a, b) in members or (b, a) in members
                    for a in authorities(seen)
                    for b in authorities(event)
                )
                and (seen.amount is None or event.amount is None or seen.amount == event.amount)
            ),
            None,
        )
        if same is None:
            out.append(event)
            continue
        seen = out[same]
        out[same] = _merged(seen, event, _joined_participants(seen, event), seen.status)
    return out


def _retold_without_sum(events: list[Event]) -> list[Event]:
    """A fine, sanction or charge told without a sum, where the article gives one of the
    same type and parties with a sum, is that one told again: "ordered Apple and Goldman
    Sachs to pay more than $89 million" beside "Apple must pay a $25 million penalty"."""
    out = list(events)
    for event in events:
        if event.type not in _CARRIED or event.amount is not None:
            continue
        parts = {(p.role, p.entity) for p in event.participants}
        told = next(
            (
                seen
                for seen in out
                if seen is not event
                and seen.type == event.type
                and seen.amount is not None
                and parts == {(p.role, p.entity) for p in seen.participants}
                # "in 2020 it fined Teva" is another fine than this year's.
                and not (event.date and seen.date and event.date.value[:4] != seen.date.value[:4])
            ),
            None,
        )
        if told is not None:
            out.remove(event)
            out[out.index(told)] = _merged(told, event, list(told.participants), told.status)
    return out


def _retold_by_authority(events: list[Event]) -> list[Event]:
    """An enforcement event that names only its authority, where the article has one of the
    same type and authority with its parties, is that event told again: "the first time
    the watchdog has penalised an audit firm" after "the FCA fined PwC £15 million"."""
    out = list(events)
    for event in events:
        if event.type not in _CARRIED or any(p.role in _PARTY_ROLES for p in event.participants):
            continue
        authorities = {p.entity for p in event.participants if p.role == "authority"}
        told = next(
            (
                seen
                for seen in out
                if seen is not event
                and seen.type == event.type
                and any(p.role in _PARTY_ROLES for p in seen.participants)
                and authorities <= {p.entity for p in seen.participants}
                and (seen.amount is None or event.amount is None or seen.amount == event.amount)
            ),
            None,
        )
        if authorities and told is not None:
            out.remove(event)
            merged = _merged(told, event, list(told.participants), told.status)
            out[out.index(told)] = merged
    return out


# Events that happen to each party on their own: each pleads, each is fined, each
# company bought is a deal of its own.
_EACH_PARTY = {
    "Fine": "defendant",
    "GuiltyPlea": "defendant",
    "Sentence": "defendant",
    "Acquisition": "target",
}


def _one_each(events: list[Event]) -> list[Event]:
    """A fine, plea or sentence of several parties is one each ("Cheng Wei and Jean Liu
    were each fined", "Its founders pleaded guilty"), and so is the purchase of several
    companies ("it bought Pixar, Marvel and Lucasfilm"); the amount stays with each only
    when the sentence says it is each one's. A party's share that is an event already
    read ("the Commission has penalised the company: it fined Teva and Cephalon") is that
    one event."""
    out: list[Event] = []
    for event in events:
        role = _EACH_PARTY.get(event.type)
        parties = [p for p in event.participants if p.role == role]
        if role is None or len(parties) < 2:
            out.append(event)
            continue
        others = [p for p in event.participants if p.role != role]
        each = any(re.search(r"\b(each|apiece)\b", e.text) for e in event.evidence)
        amount = event.amount if each else None
        for party in parties:
            participants = [party, *others]
            key = [(p.role, p.entity) for p in participants]
            piece = event.model_copy(
                update={
                    "id": event_id(
                        event.type, key, (amount.value, amount.currency) if amount else None
                    ),
                    "participants": participants,
                    "amount": amount,
                }
            )
            same = next((i for i, seen in enumerate(out) if seen.id == piece.id), None)
            if same is None:
                out.append(piece)
            else:
                seen = out[same]
                out[same] = _merged(seen, piece, list(seen.participants), seen.status)
    return out
