"""What a fact is read with: the evidence span, and amounts and dates near its words."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graphbuild.extract.normalize import parse_date, parse_money, qualifier_before
from graphbuild.models import Amount, EventDate, Evidence


def _nearest(doc: Doc, sent: Span, label: str, anchor: int) -> list[Span]:
    found = [e for e in doc.ents if e.label_ == label and sent.start <= e.start < sent.end]
    return sorted(found, key=lambda e: abs(e.start - anchor))


def amount_near(doc: Doc, sent: Span, anchor: int) -> Amount | None:
    """The money phrase of ``sent`` nearest token ``anchor``, with a qualifier said before it.

    "paying over $4.3 billion": the pipeline's MONEY span may leave "over"
    outside, so the three words before the span are read too.
    """
    for ent in _nearest(doc, sent, "MONEY", anchor):
        amount = parse_money(ent.text)
        if amount is None:
            continue
        if amount.qualifier == "exact":
            qualifier = qualifier_before(doc[max(sent.start, ent.start - 3) : ent.start].text)
            if qualifier:
                amount = amount.model_copy(update={"qualifier": qualifier})
        return amount
    return None


PUBLISHED = "graphbuild_published"


def date_near(doc: Doc, sent: Span, anchor: int) -> EventDate | None:
    """The date phrase of ``sent`` nearest token ``anchor``.

    Relative phrases ("on Tuesday", "last year") are resolved against the
    article's published date, which the extractor keeps in
    ``doc.user_data[PUBLISHED]``.
    """
    published = doc.user_data.get(PUBLISHED)
    for ent in _nearest(doc, sent, "DATE", anchor):
        parsed = parse_date(ent.text, published)
        if parsed is not None:
            return parsed
    return None


def span_evidence(span: Span, rule: str) -> Evidence:
    """The evidence of a fact: the span's offsets and text, its sentence, the rule that read it."""
    return Evidence(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        rule=rule,
        sentence=span.sent.text,
    )
