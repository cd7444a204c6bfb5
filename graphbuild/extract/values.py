"""What a fact is read with: the evidence span, and amounts and dates near its words."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graphbuild.extract.normalize import (
    CURRENCY_SYMBOLS,
    parse_date,
    parse_money,
    qualifier_before,
)
from graphbuild.models import Amount, EventDate, Evidence


def _nearest(doc: Doc, sent: Span, label: str, anchor: int) -> list[Span]:
    found = [e for e in doc.ents if e.label_ == label and sent.start <= e.start < sent.end]
    return sorted(found, key=lambda e: abs(e.start - anchor))


# Entity labels the pipeline may give an amount of money: it tags "S$5.8 million" CARDINAL.
_MONEY_LABELS = frozenset({"MONEY", "CARDINAL", "QUANTITY"})


# Scale words written onto a number ("£600m", "$4bn") that the tagger may leave out.
_SCALE_ENDINGS = frozenset({"m", "mn", "mln", "bn", "b", "tn"})


def money_spans(doc: Doc, sent: Span) -> list[tuple[Span, Amount]]:
    """Every amount of money in ``sent``, with its span.

    The pipeline's MONEY entities, numbers it labelled otherwise that read as
    money, and amounts it missed ("€1.8bn"): a currency symbol or a number
    followed by a currency, read with :func:`parse_money`.
    """
    found: list[tuple[Span, Amount]] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in _MONEY_LABELS and sent.start <= ent.start < sent.end:
            if (
                ent.end < sent.end
                and not doc[ent.end - 1].whitespace_
                and doc[ent.end].lower_ in _SCALE_ENDINGS
            ):
                ent = doc[ent.start : ent.end + 1]  # "about £600m": the tagger left out "m"
            amount = parse_money(ent.text)
            if amount is not None:
                found.append((ent, amount))
                covered.update(range(ent.start, ent.end))
    for i in range(sent.start, sent.end):
        token = doc[i]
        if i in covered or not (
            token.text.startswith(CURRENCY_SYMBOLS) or token.text[:1].isdigit()
        ):
            continue
        for width in (4, 3, 2, 1):
            span = doc[i : min(i + width, sent.end)]
            if covered.intersection(range(span.start, span.end)):
                continue
            amount = parse_money(span.text)
            if amount is not None:
                # Not the words after it: "£33.9m and the FCA £27.8m".
                while len(span) > 1:
                    shorter = parse_money(doc[span.start : span.end - 1].text)
                    if shorter is None or (shorter.value, shorter.currency) != (
                        amount.value,
                        amount.currency,
                    ):
                        break
                    span = doc[span.start : span.end - 1]
                found.append((span, amount))
                covered.update(range(span.start, span.end))
                break
    return found


def amount_near(doc: Doc, sent: Span, anchor: int) -> Amount | None:
    """The money phrase of ``sent`` nearest token ``anchor``, with a qualifier said before it.

    "paying over $4.3 billion": the pipeline's MONEY span may leave "over"
    outside, so the three words before the span are read too.
    """
    spans = sorted(money_spans(doc, sent), key=lambda found: abs(found[0].start - anchor))
    # Not an amount of another clause joined to the anchor's: in "ParaFi also invested, and
    # Polymarket disclosed a $25 million round" the investment has no amount.
    # Nor one of a relative clause the anchor is outside: "agreed to buy Hidden Road, a prime
    # broker that clears about $3 trillion a year, for $1.25 billion".
    own = _clause(doc[anchor])
    spans = [
        (span, amount)
        for span, amount in spans
        if not _coordinated(_clause(span.root), own)
        and not _aside(span.root, doc[anchor])
        and not _outside_the_relative_clause(span.root, own)
        and not _per_unit(span)
    ]
    for span, amount in spans:
        if amount.qualifier == "exact":
            qualifier = qualifier_before(doc[max(sent.start, span.start - 3) : span.start].text)
            if qualifier:
                amount = amount.model_copy(update={"qualifier": qualifier})
        return amount
    return None


# Words after a price that make it one unit's: "$23.28 a share", "C$0.36 for each share",
# "$45 in cash and 2.2005 shares for each share".
_PER_UNIT = (("a", "share"), ("per", "share"), ("for", "each"), ("for", "every"), ("apiece",))


def _per_unit(span: Span) -> bool:
    """Whether an amount is a price per share or per unit, not a deal's or a penalty's."""
    doc, sent = span.doc, span.sent
    # "shares at $4.50 each" (not "fined $50,000 each", one party's share of a penalty).
    priced_at = span.start > sent.start and doc[span.start - 1].lower_ == "at"
    if priced_at and span.end < sent.end and doc[span.end].lower_ == "each":
        return True
    words: list[str] = []
    for token in doc[span.end : min(span.end + 8, sent.end)]:
        if token.text in (",", ";"):
            break
        words.append(token.lower_)
    return any(
        tuple(words[i : i + len(unit)]) == unit for unit in _PER_UNIT for i in range(len(words))
    )


def _clause(token: Token) -> Token:
    """The verb heading the clause a token is in: the nearest verb up from it that has a
    subject of its own, or the sentence root."""
    while token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children
        ):
            return token
        token = token.head
    return token


_DEAL_NOUNS = frozenset({"deal", "transaction", "offer", "bid", "agreement", "takeover"})


def _aside(money: Token, anchor: Token) -> bool:
    """Whether an amount belongs to a relative clause that describes something other than
    the anchor and is not the anchor's own clause. "the settlement in which Binance ...
    paid $4.3 billion" describes the anchor. A price after "for" is the anchor's even where
    the parse hangs it on the relative clause ("to buy the company, which is based in Palo
    Alto, for $61 billion")."""
    clause = _clause(money)
    if clause.dep_ != "relcl" or clause.i == _clause(anchor).i or clause.head.i == anchor.i:
        return False
    # "to buy Norfolk Southern in a deal that values its rival at $85 billion": the price.
    if clause.lemma_.lower() == "value" and clause.head.lemma_.lower() in _DEAL_NOUNS:
        return False
    return not (money.head.lower_ == "for" or money.head.head.lower_ == "for")


def _outside_the_relative_clause(money: Token, clause: Token) -> bool:
    """Whether an amount lies outside the relative clause that tells the event: in "Nova
    Digital, which Brevan Howard bought in 2023, co-led a round valuing the token at $1.5
    billion", the purchase has no price."""
    if clause.dep_ != "relcl":
        return False
    return not clause.left_edge.i <= money.i <= clause.right_edge.i


def _coordinated(clause: Token, other: Token) -> bool:
    """Whether two clauses are distinct conjuncts, each with its own subject."""
    if clause.i == other.i:
        return False
    return (clause.dep_ == "conj" and clause.head.i == other.i) or (
        other.dep_ == "conj" and other.head.i == clause.i
    )


PUBLISHED = "graphbuild_published"


def date_near(doc: Doc, sent: Span, anchor: int) -> EventDate | None:
    """The date phrase of ``sent`` nearest token ``anchor``, one inside the anchor's own
    phrase first.

    Relative phrases ("on Tuesday", "last year") are resolved against the
    article's published date, which the extractor keeps in
    ``doc.user_data[PUBLISHED]``.
    """
    published = doc.user_data.get(PUBLISHED)
    # A date in the anchor's own phrase first: "joined in 2005 and became CFO in 2023".
    head = doc[anchor]
    own = range(head.left_edge.i, head.right_edge.i + 1)
    nearest = [e for e in _nearest(doc, sent, "DATE", anchor) if not _dated_aside(e, head)]
    if head.dep_ == "relcl":
        # "joined Westpac in 2020 from Goldman Sachs, where he became a partner": a
        # relative clause's deed is dated inside the clause or on the noun it hangs on
        # ("the 2023 settlement in which Binance pleaded guilty"), if at all.
        nearest = [e for e in nearest if e.start in own or e.root.head.i == head.head.i]
    future = _to_come(head)
    for ent in sorted(nearest, key=lambda e: e.start not in own):
        parsed = parse_date(ent.text, published, future)
        if parsed is not None:
            return parsed
    return None


def _to_come(anchor: Token) -> bool:
    """Whether the deed at ``anchor`` is still to come: its verb, or one it hangs on, takes
    "will" ("will succeed Moeller on Jan. 1, with Moeller becoming executive chairman")."""
    token = anchor
    while True:
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in token.children):
            return True
        if token.head.i == token.i or token.dep_ in ("relcl", "ccomp", "conj"):
            return False
        token = token.head


def _dated_aside(date: Span, anchor: Token) -> bool:
    """Whether a date belongs to a relative clause that describes something other than the
    anchor and is not the anchor's own clause: "Virgin Money, which Richard Branson founded
    in 1995, ... and its chief executive stepped down"; not "a settlement, which it
    reached in November"."""
    own = _clause(anchor).i
    clause = _clause(date.root)
    # "succeeds Zinsner, who have run the chipmaker since Gelsinger retired in December":
    # a clause inside such a relative clause is aside too.
    while clause.dep_ != "relcl" and clause.i != own and clause.head.i != clause.i:
        clause = _clause(clause.head)
    return not (clause.dep_ != "relcl" or clause.i == own or clause.head.i == anchor.i)


def span_evidence(span: Span, rule: str) -> Evidence:
    """The evidence of a fact: the span's offsets and text, its sentence, the rule that read it."""
    return Evidence(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        rule=rule,
        sentence=span.sent.text,
    )
