"""Run graphbuild on public benchmark datasets and score it against their labels.

The datasets are not part of graphbuild: every function takes the path of a
dataset file, and nothing here is trained or tuned on them. Test splits are
held out for independent evaluation, so the readers refuse any file whose name
says ``test``.

- **CoNLL04** (Roth & Yih 2004, SpERT's JSON form): sentences of news with
  entities (Peop, Org, Loc, Other) and relations (Work_For, OrgBased_In,
  Located_In, Live_In, Kill). :func:`run_conll04`.
- **FiNER-ORD** (Shah et al. 2023): financial news with PER, LOC, ORG entities
  as one token per CSV row. :func:`run_finer_ord`.

Each sentence (CoNLL04) or document (FiNER-ORD) becomes an :class:`Article`
whose text is its tokens joined by single spaces, so every gold entity has
character offsets. The real pipeline reads the articles; each mention of each
extracted entity becomes a predicted span, labelled through
:data:`ENTITY_LABELS`, and each relation a pair of spans, labelled through
:data:`RELATION_LABELS`.

Scores (micro and per label):

- entities **strict**: exact character span and label;
- entities **boundary**: the spans overlap, same label (paired one to one);
- entities **untyped**: exact character span, label ignored;
- relations **strict**: relation label, and both arguments with exact spans
  and labels (the "strict" of SpERT and the CoNLL04 literature);
- relations **boundary**: relation label, and both argument spans overlap.

Gold labels graphbuild does not model (CoNLL04 ``Other``, ``Live_In``,
``Kill``) are left out of the micro scores and reported apart with their
support, and in a second micro score over all gold labels where they count
as missed. Predictions that map to no dataset label (an ``Asset``, a
``ROLE_AT`` to a country) are not scored and only counted.
"""

from __future__ import annotations

import csv
import json
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graphbuild.errors import ConfigError, InputError
from graphbuild.evaluate import Score, ScoreSet, match_pairs, render_scores
from graphbuild.models import Article, ArticleExtraction, Entity, Relation
from graphbuild.pipeline import Pipeline
from graphbuild.validate import validate

log = logging.getLogger(__name__)

CONLL04 = "conll04"
FINER_ORD = "finer-ord"

# --- The label mapping -------------------------------------------------------------------------


@dataclass(frozen=True)
class EntityLabel:
    """Our entity type (and kind, where the kind decides) and the label it counts as."""

    type: str
    kind: str | None
    labels: dict[str, str]  # dataset -> label


# Read top to bottom; the first row whose type matches, and whose kind matches
# or is None, decides. Regulators (agencies, courts, police) are organisations
# in both datasets. A Government is a place when it is a country or a state
# ("U.S.", "Hong Kong") and an organisation when it is a legislature or a union
# ("Congress", "EU"). Asset has no counterpart: its predictions are not scored.
ENTITY_LABELS: tuple[EntityLabel, ...] = (
    EntityLabel("Person", None, {CONLL04: "Peop", FINER_ORD: "PER"}),
    EntityLabel("Organization", None, {CONLL04: "Org", FINER_ORD: "ORG"}),
    EntityLabel("Regulator", None, {CONLL04: "Org", FINER_ORD: "ORG"}),
    EntityLabel("Government", "legislature", {CONLL04: "Org", FINER_ORD: "ORG"}),
    EntityLabel("Government", "union", {CONLL04: "Org", FINER_ORD: "ORG"}),
    EntityLabel("Government", None, {CONLL04: "Loc", FINER_ORD: "LOC"}),
    EntityLabel("Location", None, {CONLL04: "Loc", FINER_ORD: "LOC"}),
)

# Dataset entity labels graphbuild has no type for.
UNSUPPORTED_ENTITY_LABELS: dict[str, frozenset[str]] = {
    CONLL04: frozenset({"Other"}),  # dates, amounts, titles, events: not entities to us
    FINER_ORD: frozenset(),
}


@dataclass(frozen=True)
class RelationLabel:
    """A CoNLL04 relation, the predicates that count as it, and its argument labels."""

    label: str
    predicates: tuple[str, ...]  # empty: graphbuild does not model it
    subject: str
    object: str


# A predicted relation takes the label of the row whose predicate, subject label
# and object label all fit: LOCATED_IN from an organisation is OrgBased_In,
# from a place Located_In.
RELATION_LABELS: tuple[RelationLabel, ...] = (
    RelationLabel("Work_For", ("ROLE_AT",), "Peop", "Org"),
    RelationLabel("OrgBased_In", ("HEADQUARTERED_IN", "LOCATED_IN"), "Org", "Loc"),
    RelationLabel("Located_In", ("LOCATED_IN",), "Loc", "Loc"),
    RelationLabel("Live_In", (), "Peop", "Loc"),  # where people live: not modelled
    RelationLabel("Kill", (), "Peop", "Peop"),  # not modelled
)

UNSUPPORTED_RELATION_LABELS = frozenset(r.label for r in RELATION_LABELS if not r.predicates)


def entity_label(dataset: str, entity_type: str, kind: str | None) -> str | None:
    """The dataset label our entity counts as, or None when it has none.

    >>> entity_label(CONLL04, "Government", "country"), entity_label(CONLL04, "Regulator", None)
    ('Loc', 'Org')
    """
    for row in ENTITY_LABELS:
        if row.type == entity_type and row.kind in (None, kind):
            return row.labels.get(dataset)
    return None


def relation_label(predicate: str, subject: str, obj: str) -> str | None:
    """The CoNLL04 label of a predicate between arguments of these CoNLL04 labels, if any.

    >>> relation_label("LOCATED_IN", "Org", "Loc"), relation_label("ROLE_AT", "Peop", "Loc")
    ('OrgBased_In', None)
    """
    for row in RELATION_LABELS:
        if predicate in row.predicates and (row.subject, row.object) == (subject, obj):
            return row.label
    return None


# --- Benchmark documents -----------------------------------------------------------------------


class LabeledSpan(BaseModel):
    """A labelled character span of a document's text."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    label: str

    def overlaps(self, other: LabeledSpan) -> bool:
        return self.start < other.end and other.start < self.end


class LabeledRelation(BaseModel):
    """A labelled relation between two spans."""

    model_config = ConfigDict(frozen=True)

    head: LabeledSpan
    tail: LabeledSpan
    label: str


class BenchmarkDoc(BaseModel):
    """One sentence or document of a dataset, as text with gold spans and relations."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    entities: tuple[LabeledSpan, ...] = ()
    relations: tuple[LabeledRelation, ...] = ()

    def article(self) -> Article:
        return Article(id=self.id, text=self.text)


def join_tokens(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Tokens joined by single spaces, with each token's character span.

    >>> join_tokens(["Sun", "Hung", "Kai"])
    ('Sun Hung Kai', [(0, 3), (4, 8), (9, 12)])
    """
    offsets: list[tuple[int, int]] = []
    pos = 0
    for token in tokens:
        offsets.append((pos, pos + len(token)))
        pos += len(token) + 1
    return " ".join(tokens), offsets


def _check_split(path: Path) -> None:
    if "test" in path.name.lower():
        raise ConfigError(
            f"{path}: test splits are held out for independent evaluation",
            hint="benchmark on a train, dev or val file",
        )


def _span(offsets: list[tuple[int, int]], start: int, end: int, label: str) -> LabeledSpan:
    return LabeledSpan(start=offsets[start][0], end=offsets[end - 1][1], label=label)


def read_conll04(path: Path, limit: int | None = None) -> list[BenchmarkDoc]:
    """Read a CoNLL04 file in SpERT's JSON form: one :class:`BenchmarkDoc` per sentence."""
    _check_split(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read CoNLL04 JSON: {exc}", source=path) from exc
    if not isinstance(raw, list):
        raise InputError("expected a JSON list of sentences", source=path)
    docs: list[BenchmarkDoc] = []
    for n, item in enumerate(raw[:limit] if limit is not None else raw):
        try:
            text, offsets = join_tokens(item["tokens"])
            spans = [
                _span(offsets, e["start"], e["end"], e["type"]) for e in item.get("entities", [])
            ]
            relations = [
                LabeledRelation(head=spans[r["head"]], tail=spans[r["tail"]], label=r["type"])
                for r in item.get("relations", [])
            ]
        except (KeyError, IndexError, TypeError) as exc:
            raise InputError(f"sentence {n} is malformed: {exc!r}", source=path) from exc
        doc_id = f"{CONLL04}:{item.get('orig_id', n)}"
        docs.append(
            BenchmarkDoc(id=doc_id, text=text, entities=tuple(spans), relations=tuple(relations))
        )
    return docs


# FiNER-ORD label ids: 0=O, then B-/I- pairs.
FINER_ORD_TAGS: dict[int, tuple[str, str] | None] = {
    0: None,
    1: ("B", "PER"),
    2: ("I", "PER"),
    3: ("B", "LOC"),
    4: ("I", "LOC"),
    5: ("B", "ORG"),
    6: ("I", "ORG"),
}


def bio_spans(tags: Sequence[tuple[str, str] | None]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` of BIO tags; an I- that continues nothing starts a span.

    >>> bio_spans([("B", "PER"), ("I", "PER"), None, ("I", "ORG")])
    [(0, 2, 'PER'), (3, 4, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    open_start: int | None = None
    open_label = ""
    for i, tag in enumerate([*tags, None]):
        continues = tag is not None and tag[0] == "I" and tag[1] == open_label
        if open_start is not None and not continues:
            spans.append((open_start, i, open_label))
            open_start = None
        if tag is not None and open_start is None:
            open_start, open_label = i, tag[1]
    return spans


def read_finer_ord(path: Path, limit: int | None = None) -> list[BenchmarkDoc]:
    """Read a FiNER-ORD CSV: one :class:`BenchmarkDoc` per document (``doc_idx``), in file order.

    The sentences of a document are joined by single spaces, like its tokens.
    """
    _check_split(path)
    tokens: dict[int, list[str]] = defaultdict(list)
    tags: dict[int, list[tuple[str, str] | None]] = defaultdict(list)
    sentence_of: dict[int, list[int]] = defaultdict(list)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    doc, sent = int(row["doc_idx"]), int(row["sent_idx"])
                    tag = FINER_ORD_TAGS[int(row["gold_label"])]
                    token = row["gold_token"]
                except (KeyError, ValueError, TypeError) as exc:
                    raise InputError(f"bad row: {exc!r}", source=path, line=n) from exc
                tokens[doc].append(token)
                tags[doc].append(tag)
                sentence_of[doc].append(sent)
    except OSError as exc:
        raise InputError(f"cannot read FiNER-ORD CSV: {exc}", source=path) from exc
    docs: list[BenchmarkDoc] = []
    for doc in list(tokens)[:limit] if limit is not None else tokens:
        text, offsets = join_tokens(tokens[doc])
        # An entity never runs across a sentence boundary: an I- there starts a new one.
        sents = sentence_of[doc]
        restored = [
            ("B", t[1]) if t is not None and i and sents[i] != sents[i - 1] else t
            for i, t in enumerate(tags[doc])
        ]
        spans = [_span(offsets, s, e, label) for s, e, label in bio_spans(restored)]
        docs.append(BenchmarkDoc(id=f"{FINER_ORD}:{doc}", text=text, entities=tuple(spans)))
    return docs


# --- Predictions as labelled spans -------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """An extraction seen through a dataset's labels."""

    entities: list[LabeledSpan]
    relations: list[LabeledRelation]
    unmapped_entities: Counter[str]
    unmapped_relations: Counter[str]


def _inside(start: int, end: int, relation: Relation) -> bool:
    return any(ev.start <= start and end <= ev.end for ev in relation.evidence)


def _distance(span: LabeledSpan, relation: Relation) -> int:
    return min(max(ev.start - span.end, span.start - ev.end, 0) for ev in relation.evidence)


def _argument_spans(entity: Entity, label: str, relation: Relation) -> list[LabeledSpan]:
    """The mentions of a relation argument that its evidence covers, else the nearest one.

    An argument resolved by coreference ("the exchange's CEO") lies outside the
    evidence; the benchmark wants one span per argument, not every mention.
    """
    spans = [LabeledSpan(start=m.start, end=m.end, label=label) for m in entity.mentions]
    covered = [s for s in spans if _inside(s.start, s.end, relation)]
    if covered or not spans:
        return covered
    return [min(spans, key=lambda s: (_distance(s, relation), s.start))]


def predictions(extraction: ArticleExtraction, dataset: str) -> Prediction:
    """The entity mentions and relations of an extraction, labelled for ``dataset``."""
    labels: dict[str, str] = {}
    spans: list[LabeledSpan] = []
    unmapped_entities: Counter[str] = Counter()
    for entity in extraction.entities:
        label = entity_label(dataset, entity.type, entity.kind)
        if label is None:
            unmapped_entities[entity.type] += len(entity.mentions)
            continue
        labels[entity.id] = label
        spans += [LabeledSpan(start=m.start, end=m.end, label=label) for m in entity.mentions]
    by_id = {e.id: e for e in extraction.entities}
    relations: list[LabeledRelation] = []
    unmapped_relations: Counter[str] = Counter()
    for r in extraction.relations:
        subject, obj = labels.get(r.subject, ""), labels.get(r.object, "")
        rel = relation_label(r.predicate, subject, obj)
        if rel is None:
            unmapped_relations[r.predicate] += 1
            continue
        for head in _argument_spans(by_id[r.subject], subject, r):
            for tail in _argument_spans(by_id[r.object], obj, r):
                relations.append(LabeledRelation(head=head, tail=tail, label=rel))
    return Prediction(
        entities=list(dict.fromkeys(spans)),
        relations=list(dict.fromkeys(relations)),
        unmapped_entities=unmapped_entities,
        unmapped_relations=unmapped_relations,
    )


# --- Scoring -----------------------------------------------------------------------------------


class ErrorExample(BaseModel):
    """One error of the extractor, with the text it was made on."""

    model_config = ConfigDict(frozen=True)

    kind: str
    doc: str
    gold: str | None = None
    pred: str | None = None
    context: str = Field(description="The text around the error")


class _Counts:
    def __init__(self) -> None:
        self.tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(self, label: str, index: int) -> None:
        self.tally[label][index] += 1

    def freeze(self, leave_out: frozenset[str] = frozenset()) -> ScoreSet:
        by_label = {k: Score(tp=v[0], fp=v[1], fn=v[2]) for k, v in sorted(self.tally.items())}
        micro = sum((s for k, s in by_label.items() if k not in leave_out), Score())
        return ScoreSet(micro=micro, by_label=by_label)


def _score_exact(
    gold: Iterable[Any], pred: Iterable[Any], label: Callable[[Any], str], counts: _Counts
) -> tuple[list[Any], list[Any]]:
    """Exact matching by equality; returns the missed gold and the spurious predicted items."""
    gold_set, pred_set = dict.fromkeys(gold), dict.fromkeys(pred)
    missed = []
    for g in gold_set:
        if g in pred_set:
            counts.add(label(g), 0)
        else:
            counts.add(label(g), 2)
            missed.append(g)
    spurious = [p for p in pred_set if p not in gold_set]
    for p in spurious:
        counts.add(label(p), 1)
    return missed, spurious


def _score_paired(
    gold: Sequence[Any],
    pred: Sequence[Any],
    fits: Callable[[Any, Any], bool],
    label: Callable[[Any], str],
    counts: _Counts,
) -> None:
    """One-to-one matching where ``fits(gold, pred)`` allows a pair."""
    pairs = match_pairs([[j for j, p in enumerate(pred) if fits(g, p)] for g in gold])
    used = set(pairs.values())
    for i, g in enumerate(gold):
        counts.add(label(g), 0 if i in pairs else 2)
    for j, p in enumerate(pred):
        if j not in used:
            counts.add(label(p), 1)


def _unlabeled(span: LabeledSpan) -> tuple[int, int]:
    return span.start, span.end


class BenchmarkReport(BaseModel):
    """Scores of graphbuild on one dataset file; ``table()`` renders them, ``model_dump_json()``
    dumps them."""

    model_config = ConfigDict(frozen=True)

    dataset: str
    file: str = Field(description="Name of the dataset file read")
    model: str = Field(description="spaCy pipeline that ran")
    documents: int
    seconds: float
    entities_strict: ScoreSet
    entities_boundary: ScoreSet
    entities_untyped: Score
    entities_all_labels: Score = Field(
        description="Strict micro over every gold label, unsupported ones counted as missed"
    )
    relations_strict: ScoreSet | None = None
    relations_boundary: ScoreSet | None = None
    relations_all_labels: Score | None = None
    unsupported: dict[str, int] = Field(
        default_factory=dict, description="Gold labels graphbuild does not model, with support"
    )
    unmapped_predictions: dict[str, int] = Field(
        default_factory=dict, description="Predicted types and predicates no label maps to"
    )
    confusion: dict[str, int] = Field(
        default_factory=dict,
        description="'gold -> pred' label counts on exactly equal spans; '-' is no span",
    )
    error_counts: dict[str, int] = Field(default_factory=dict)
    examples: list[ErrorExample] = Field(default_factory=list)

    def table(self) -> str:
        """The scores and error counts as text."""
        lines = [
            f"{self.dataset} ({self.file}): {self.documents} documents, model {self.model}, "
            f"{self.seconds:.1f} s",
            "",
        ]
        rows: list[tuple[str, list[Score | None]]] = []
        rows.append(
            (
                "entities",
                [self.entities_strict.micro, self.entities_boundary.micro],
            )
        )
        for label in self.entities_strict.by_label:
            rows.append(
                (
                    f"  {label}",
                    [
                        self.entities_strict.by_label.get(label),
                        self.entities_boundary.by_label.get(label),
                    ],
                )
            )
        rows.append(("entities, untyped span", [self.entities_untyped, None]))
        rows.append(("entities, all gold labels", [self.entities_all_labels, None]))
        if self.relations_strict is not None and self.relations_boundary is not None:
            rows.append(("relations", [self.relations_strict.micro, self.relations_boundary.micro]))
            for label in self.relations_strict.by_label:
                rows.append(
                    (
                        f"  {label}",
                        [
                            self.relations_strict.by_label.get(label),
                            self.relations_boundary.by_label.get(label),
                        ],
                    )
                )
            rows.append(("relations, all gold labels", [self.relations_all_labels, None]))
        lines.append(render_scores(rows, ["strict", "boundary"]))
        if self.unsupported:
            listed = ", ".join(f"{k} ({v})" for k, v in sorted(self.unsupported.items()))
            lines.append(f"\nnot modelled, left out of the micro scores: {listed}")
        if self.unmapped_predictions:
            listed = ", ".join(f"{k} ({v})" for k, v in sorted(self.unmapped_predictions.items()))
            lines.append(f"predictions with no label here, not scored: {listed}")
        if self.confusion:
            lines.append("\nlabels on exactly equal spans (gold -> pred):")
            for key, n in sorted(self.confusion.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"  {key:<16} {n:>5}")
        if self.error_counts:
            lines.append("\nerrors:")
            for key, n in sorted(self.error_counts.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"  {key:<32} {n:>5}")
        return "\n".join(lines)


def _text(doc: BenchmarkDoc, span: LabeledSpan) -> str:
    return f"{doc.text[span.start : span.end]!r}/{span.label}"


def _relation_text(doc: BenchmarkDoc, r: LabeledRelation) -> str:
    return f"{r.label}({_text(doc, r.head)}, {_text(doc, r.tail)})"


class _Errors:
    """Counts of error kinds and the first few examples of each."""

    def __init__(self, per_kind: int) -> None:
        self.per_kind = per_kind
        self.counts: Counter[str] = Counter()
        self.examples: list[ErrorExample] = []

    def add(
        self,
        kind: str,
        doc: BenchmarkDoc,
        where: tuple[int, int],
        gold: str | None = None,
        pred: str | None = None,
    ) -> None:
        self.counts[kind] += 1
        if self.counts[kind] <= self.per_kind:
            self.examples.append(
                ErrorExample(
                    kind=kind, doc=doc.id, gold=gold, pred=pred, context=_context(doc.text, *where)
                )
            )


# Characters of text shown on each side of an error.
CONTEXT_CHARS = 100


def _context(text: str, start: int, end: int) -> str:
    left, right = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    return ("..." if left else "") + text[left:right] + ("..." if right < len(text) else "")


def _where(*spans: LabeledSpan) -> tuple[int, int]:
    return min(s.start for s in spans), max(s.end for s in spans)


def _entity_errors(
    doc: BenchmarkDoc, gold: list[LabeledSpan], pred: list[LabeledSpan], errors: _Errors
) -> None:
    for g in gold:
        if g in pred:
            continue
        same_span = [p for p in pred if _unlabeled(p) == _unlabeled(g)]
        overlapping = [p for p in pred if p.overlaps(g)]
        same_type = [p for p in overlapping if p.label == g.label]
        if same_span:
            p = same_span[0]
            kind = f"entity wrong type {g.label}->{p.label}"
        elif same_type:
            p, kind = same_type[0], "entity boundary"
        elif overlapping:
            p, kind = overlapping[0], "entity boundary and type"
        else:
            errors.add(f"entity missed {g.label}", doc, _where(g), gold=_text(doc, g))
            continue
        errors.add(kind, doc, _where(g, p), gold=_text(doc, g), pred=_text(doc, p))
    for p in pred:
        if not any(p.overlaps(g) for g in doc.entities):
            errors.add(f"entity spurious {p.label}", doc, _where(p), pred=_text(doc, p))


def score(
    dataset: str,
    docs: Sequence[BenchmarkDoc],
    extractions: Sequence[ArticleExtraction],
    *,
    file: str = "",
    model: str = "",
    seconds: float = 0.0,
    examples_per_kind: int = 5,
) -> BenchmarkReport:
    """Score extractions of ``docs`` (same order) against their gold labels."""
    unsupported_entities = UNSUPPORTED_ENTITY_LABELS.get(dataset, frozenset())
    has_relations = dataset == CONLL04
    strict, boundary, untyped, all_labels = _Counts(), _Counts(), _Counts(), _Counts()
    rel_strict, rel_boundary, rel_all = _Counts(), _Counts(), _Counts()
    unsupported: Counter[str] = Counter()
    unmapped: Counter[str] = Counter()
    confusion: Counter[str] = Counter()
    errors = _Errors(examples_per_kind)

    def span_label(s: LabeledSpan) -> str:
        return s.label

    def rel_label(r: LabeledRelation) -> str:
        return r.label

    for doc, extraction in zip(docs, extractions, strict=True):
        if extraction.article.id != doc.id:
            raise ValueError(f"extraction {extraction.article.id!r} is not of {doc.id!r}")
        pred = predictions(extraction, dataset)
        unmapped.update(pred.unmapped_entities)
        if has_relations:
            unmapped.update(pred.unmapped_relations)
        gold = [s for s in doc.entities if s.label not in unsupported_entities]
        unsupported.update(s.label for s in doc.entities if s.label in unsupported_entities)

        _score_exact(gold, pred.entities, span_label, strict)
        _score_exact(doc.entities, pred.entities, span_label, all_labels)
        _score_paired(
            gold,
            pred.entities,
            lambda g, p: g.label == p.label and g.overlaps(p),
            span_label,
            boundary,
        )
        _score_exact(
            map(_unlabeled, gold), map(_unlabeled, pred.entities), lambda _: "all", untyped
        )
        pred_by_span = {_unlabeled(p): p.label for p in pred.entities}
        gold_by_span = {_unlabeled(g): g.label for g in doc.entities}
        for key, label in gold_by_span.items():
            confusion[f"{label} -> {pred_by_span.get(key, '-')}"] += 1
        for key, label in pred_by_span.items():
            if key not in gold_by_span:
                confusion[f"- -> {label}"] += 1
        _entity_errors(doc, gold, pred.entities, errors)

        if not has_relations:
            continue
        gold_rels = [r for r in doc.relations if r.label not in UNSUPPORTED_RELATION_LABELS]
        unsupported.update(r.label for r in doc.relations if r.label in UNSUPPORTED_RELATION_LABELS)
        missed, spurious = _score_exact(gold_rels, pred.relations, rel_label, rel_strict)
        _score_exact(doc.relations, pred.relations, rel_label, rel_all)
        _score_paired(
            gold_rels,
            pred.relations,
            lambda g, p: g.label == p.label and g.head.overlaps(p.head) and g.tail.overlaps(p.tail),
            rel_label,
            rel_boundary,
        )
        for r in missed:
            where = _where(r.head, r.tail)
            errors.add(f"relation missed {r.label}", doc, where, gold=_relation_text(doc, r))
        for r in spurious:
            where = _where(r.head, r.tail)
            errors.add(f"relation spurious {r.label}", doc, where, pred=_relation_text(doc, r))

    return BenchmarkReport(
        dataset=dataset,
        file=file,
        model=model,
        documents=len(docs),
        seconds=round(seconds, 2),
        entities_strict=strict.freeze(),
        entities_boundary=boundary.freeze(),
        entities_untyped=untyped.freeze().micro,
        entities_all_labels=all_labels.freeze().micro,
        relations_strict=rel_strict.freeze() if has_relations else None,
        relations_boundary=rel_boundary.freeze() if has_relations else None,
        relations_all_labels=rel_all.freeze().micro if has_relations else None,
        unsupported=dict(sorted(unsupported.items())),
        unmapped_predictions=dict(sorted(unmapped.items())),
        confusion=dict(sorted(confusion.items())),
        error_counts=dict(sorted(errors.counts.items())),
        examples=errors.examples,
    )


# --- Runners -----------------------------------------------------------------------------------


def extract_docs(docs: Sequence[BenchmarkDoc], pipeline: Pipeline) -> list[ArticleExtraction]:
    """Validated extractions of the documents, in order, parsed in batches."""
    articles = [doc.article() for doc in docs]
    return [validate(c, pipeline.schema) for c in pipeline.extractor.extract_many(articles)]


def _run(
    dataset: str,
    path: Path,
    docs: Sequence[BenchmarkDoc],
    pipeline: Pipeline,
    examples_per_kind: int,
) -> BenchmarkReport:
    started = time.perf_counter()
    extractions = extract_docs(docs, pipeline)
    seconds = time.perf_counter() - started
    log.info("%s: %d documents extracted in %.1f s", dataset, len(docs), seconds)
    return score(
        dataset,
        docs,
        extractions,
        file=path.name,
        model=pipeline.extractor.model_name,
        seconds=seconds,
        examples_per_kind=examples_per_kind,
    )


def run_conll04(
    path: Path, pipeline: Pipeline, limit: int | None = None, *, examples_per_kind: int = 5
) -> BenchmarkReport:
    """Entity and relation scores of ``pipeline`` on a CoNLL04 file (e.g. ``conll04_dev.json``).

    ``limit`` reads only the first sentences.
    """
    return _run(CONLL04, path, read_conll04(path, limit), pipeline, examples_per_kind)


def run_finer_ord(
    path: Path, pipeline: Pipeline, limit: int | None = None, *, examples_per_kind: int = 5
) -> BenchmarkReport:
    """Entity scores of ``pipeline`` on a FiNER-ORD CSV (e.g. ``val.csv``).

    ``limit`` reads only the first documents.
    """
    return _run(FINER_ORD, path, read_finer_ord(path, limit), pipeline, examples_per_kind)
