"""Score an extraction (PRED) against a hand-made gold standard (GOLD).

Both are JSON Lines in the ``extract`` output format, one article per line,
paired by ``article.id``::

    gold = load_jsonl("gold.jsonl")
    pred = load_jsonl("facts.jsonl")
    report = evaluate(gold, pred)
    print(report.table())              # or report.model_dump_json(indent=2)

Gold format
-----------
Gold files are read leniently: any field this module does not score
(``rejected``, ``confidence``, ``evidence``, ``kind``, ``date``, ``status``,
the article's title, …) may be left out and is ignored when present. The
minimal line is::

    {"article": {"id": "a1"},
     "entities": [{"id": "person:richard-teng", "type": "Person", "name": "Richard Teng",
                   "aliases": ["Teng"], "mentions": [{"start": 277, "end": 289}]},
                  {"type": "Organization", "name": "Binance"}],
     "relations": [{"subject": "person:richard-teng", "predicate": "ROLE_AT",
                    "object": "organization:binance", "properties": {"role": "CEO"}}],
     "events": [{"type": "Settlement",
                 "participants": [{"entity": "organization:binance", "role": "defendant"}],
                 "amount": {"value": 4300000000, "currency": "USD"}}]}

- an entity needs ``type`` and ``name``; ``id`` defaults to
  :func:`graphbuild.ids.entity_id` of the two (``organization:binance``
  above); ``aliases`` and ``mentions`` (``start``/``end`` offsets and/or
  ``text``) are optional;
- relations and event participants name entities of the same line by id;
- a relation needs ``predicate``; of its ``properties`` only ``role`` is
  scored; an event needs ``type`` and at least one participant (``role`` is
  optional), ``amount`` (``value`` and ``currency``) is optional.

Matching
--------
Within an article, gold and predicted entities are paired one to one (a
maximum matching; exact names are preferred over aliases and overlaps). Two
entities may pair when:

- **strict**: their names are equal after :func:`graphbuild.ids.normalize_key`
  (*typed* scores also need the same entity type);
- **lenient**: the name or any alias or mention text of one normalises equal
  to one of the other, or a mention span of one overlaps a mention span of
  the other where both give offsets (*typed* scores need the same type,
  *untyped* scores ignore it).

Relations and events are then compared through the entity pairing of their
mode: strict uses the strict typed pairing, lenient the lenient untyped one.

- A **relation** matches when the predicate is equal and subject and object
  are paired entities. Strict also needs equal ``role`` properties (compared
  case-insensitively; a missing role only equals a missing role). Lenient
  ignores the role and accepts a symmetric predicate (``PARTNERED_WITH``,
  as the schema declares) in either direction.
- An **event** matches when the type is equal and at least one participant is
  shared: a paired entity, in strict mode also with the same role.
- An **amount** is right when a gold event with an amount can be paired with
  a predicted event that would match it (same type, a shared participant) and
  carries the same currency and value (equal to one part in a million): "the
  amount is attached to the right event". Amounts are paired one to one on
  their own, so the choice of event pairs cannot hide a right amount. Its
  recall is the fraction of gold amounts that are right; its precision the
  fraction of predicted amounts that are.

Relations and events are paired one to one too, so a fact predicted twice
counts once as found and once as spurious.

Counting
--------
Precision, recall and F1 are micro-averaged over articles, with per-label
scores for entity types, predicates and event types (a missed item counts
under its gold label, a spurious one under its predicted label). A gold
article missing from PRED counts as all missed; a PRED article absent from
GOLD is ignored and only counted. A score whose denominator is zero is
``None`` (shown as ``-``), not zero.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field, model_validator

from graphbuild.errors import InputError
from graphbuild.ids import entity_id, normalize_key
from graphbuild.models import ArticleExtraction
from graphbuild.schema import Schema, load_schema

# The relation property that strict matching compares; the others are not scored.
ROLE_PROPERTY = "role"

# Relative tolerance when comparing amounts, for values that went through floats.
AMOUNT_TOLERANCE = 1e-6

STRICT = "strict"
LENIENT = "lenient"
MODES = (STRICT, LENIENT)

# The label of scores that have no per-label breakdown.
ALL = "all"


# --- Records read leniently from gold and pred files -------------------------------------------


class _Lenient(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class EvalMention(_Lenient):
    """A mention: offsets into the article text, its text, or both."""

    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    text: str | None = None

    @property
    def span(self) -> tuple[int, int] | None:
        if self.start is None or self.end is None or self.end <= self.start:
            return None
        return self.start, self.end


class EvalEntity(_Lenient):
    id: str = Field(min_length=1)
    type: str = Field(min_length=1)
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    mentions: list[EvalMention] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if (
            isinstance(data, Mapping)
            and not data.get("id")
            and data.get("type")
            and data.get("name")
        ):
            return {**data, "id": entity_id(str(data["type"]), str(data["name"]))}
        return data

    def keys(self) -> set[str]:
        """Normalised forms of the name, the aliases and the mention texts."""
        forms = [self.name, *self.aliases, *(m.text for m in self.mentions if m.text)]
        return {k for k in map(normalize_key, forms) if k}

    def spans(self) -> list[tuple[int, int]]:
        return [s for s in (m.span for m in self.mentions) if s is not None]


class EvalRelation(_Lenient):
    subject: str
    predicate: str = Field(min_length=1)
    object: str
    properties: dict[str, Any] = Field(default_factory=dict)

    @property
    def role(self) -> str | None:
        value = self.properties.get(ROLE_PROPERTY)
        return None if value is None else " ".join(str(value).casefold().split())


class EvalParticipant(_Lenient):
    entity: str
    role: str | None = None


class EvalAmount(_Lenient):
    value: float = Field(ge=0)
    currency: str = Field(min_length=1)

    def same(self, other: EvalAmount) -> bool:
        return self.currency.upper() == other.currency.upper() and math.isclose(
            self.value, other.value, rel_tol=AMOUNT_TOLERANCE
        )

    def describe(self) -> str:
        value = f"{self.value:.0f}" if self.value.is_integer() else f"{self.value:g}"
        return f"{value} {self.currency.upper()}"


class EvalEvent(_Lenient):
    type: str = Field(min_length=1)
    participants: list[EvalParticipant] = Field(min_length=1)
    amount: EvalAmount | None = None


class EvalHeader(_Lenient):
    id: str = Field(min_length=1)


class EvalArticle(_Lenient):
    """One line of a gold or pred file, keeping only what is scored."""

    article: EvalHeader
    entities: list[EvalEntity] = Field(default_factory=list)
    relations: list[EvalRelation] = Field(default_factory=list)
    events: list[EvalEvent] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> EvalArticle:
        ids = [e.id for e in self.entities]
        seen: set[str] = set()
        for eid in ids:
            if eid in seen:
                raise ValueError(f"entity id {eid!r} is given twice")
            seen.add(eid)
        for r in self.relations:
            for end in (r.subject, r.object):
                if end not in seen:
                    raise ValueError(f"relation {r.predicate} names unknown entity {end!r}")
        for ev in self.events:
            for p in ev.participants:
                if p.entity not in seen:
                    raise ValueError(f"event {ev.type} names unknown entity {p.entity!r}")
        return self

    @property
    def id(self) -> str:
        return self.article.id


ArticleLike = EvalArticle | ArticleExtraction | Mapping[str, Any]


def as_eval_article(item: ArticleLike) -> EvalArticle:
    """Read an extraction, a gold record or a parsed JSON object as an :class:`EvalArticle`."""
    if isinstance(item, EvalArticle):
        return item
    if isinstance(item, ArticleExtraction):
        return EvalArticle.model_validate(item.model_dump(mode="json"))
    return EvalArticle.model_validate(item)


def _short(error: ValidationError) -> str:
    parts = []
    for e in error.errors()[:3]:
        where = ".".join(str(x) for x in e["loc"])
        parts.append(f"{where}: {e['msg']}" if where else str(e["msg"]))
    return "; ".join(parts)


def load_jsonl(path: str | Path) -> list[EvalArticle]:
    """Read a gold or pred JSON Lines file; blank lines are skipped.

    Raises :class:`~graphbuild.errors.InputError` naming the file and line of a
    malformed line, a record that lacks what is scored, or a repeated article id.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise InputError("file not found", source=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read file: {exc}", source=path) from exc
    out: list[EvalArticle] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = EvalArticle.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg}", source=path, line=n) from exc
        except ValidationError as exc:
            raise InputError(
                f"not an extraction record: {_short(exc)}",
                source=path,
                line=n,
                hint="see the gold format in the graphbuild.evaluate docstring",
            ) from exc
        if record.id in seen:
            raise InputError(f"article id {record.id!r} appears twice", source=path, line=n)
        seen.add(record.id)
        out.append(record)
    return out


# --- Scores ------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


class Score(BaseModel):
    """True positives, false positives and false negatives, with P, R and F1 derived."""

    model_config = ConfigDict(frozen=True)

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def __add__(self, other: Score) -> Score:
        return Score(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class ScoreSet(BaseModel):
    """A micro-averaged score and one score per label."""

    model_config = ConfigDict(frozen=True)

    micro: Score = Field(default_factory=Score)
    by_label: dict[str, Score] = Field(default_factory=dict)


class _Tally:
    """Per-label counts while scoring; :meth:`freeze` turns them into a :class:`ScoreSet`."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(self, label: str, *, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        c = self.counts[label]
        c[0] += tp
        c[1] += fp
        c[2] += fn

    def freeze(self) -> ScoreSet:
        by_label = {k: Score(tp=v[0], fp=v[1], fn=v[2]) for k, v in sorted(self.counts.items())}
        return ScoreSet(micro=sum(by_label.values(), Score()), by_label=by_label)


def score_sets(
    gold: Iterable[tuple[Any, str]], pred: Iterable[tuple[Any, str]]
) -> tuple[ScoreSet, list[Any], list[Any], list[Any]]:
    """Score exact-key matching of labelled items; returns the scores, then matched, missed and
    spurious keys.

    Each item is ``(key, label)``; duplicates count once.

    >>> scores, *_ = score_sets([("a", "X"), ("b", "X")], [("a", "X"), ("c", "Y")])
    >>> scores.micro.tp, scores.micro.fp, scores.micro.fn
    (1, 1, 1)
    """
    gold_items = dict.fromkeys(gold)
    pred_items = dict.fromkeys(pred)
    tally = _Tally()
    matched, missed, spurious = [], [], []
    for key, label in gold_items:
        if (key, label) in pred_items:
            tally.add(label, tp=1)
            matched.append(key)
        else:
            tally.add(label, fn=1)
            missed.append(key)
    for key, label in pred_items:
        if (key, label) not in gold_items:
            tally.add(label, fp=1)
            spurious.append(key)
    return tally.freeze(), matched, missed, spurious


# --- One-to-one matching ----------------------------------------------------------------------


def match_pairs(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """A maximum one-to-one matching of left items to right items (augmenting paths).

    ``candidates[i]`` lists the right items that left item ``i`` may pair with,
    best first; earlier left items and earlier candidates are served first
    when several maximum matchings exist. Returns ``{left: right}``.

    >>> match_pairs([[0, 1], [0]])
    {1: 0, 0: 1}
    """
    owner: dict[int, int] = {}
    for root in range(len(candidates)):
        seen: set[int] = set()
        stack: list[tuple[int, int]] = [(root, 0)]  # (left item, next candidate position)
        via: list[int] = []  # right item that leads from stack[k] to stack[k + 1]
        while stack:
            left, pos = stack[-1]
            options = candidates[left]
            while pos < len(options) and options[pos] in seen:
                pos += 1
            if pos == len(options):
                stack.pop()
                if via:
                    via.pop()
                continue
            right = options[pos]
            stack[-1] = (left, pos + 1)
            seen.add(right)
            if right not in owner:
                for (lft, _), rgt in zip(stack, [*via, right], strict=True):
                    owner[rgt] = lft
                break
            via.append(right)
            stack.append((owner[right], 0))
    return {left: right for right, left in owner.items()}


def _pair(n_left: int, n_right: int, rank: Callable[[int, int], int | None]) -> dict[int, int]:
    """Maximum matching where ``rank(i, j)`` is None for pairs that may not match, else a
    preference (lower is better)."""
    candidates: list[list[int]] = []
    for i in range(n_left):
        ranked = [(r, j) for j in range(n_right) if (r := rank(i, j)) is not None]
        candidates.append([j for _, j in sorted(ranked)])
    return match_pairs(candidates)


# --- Comparing one article ---------------------------------------------------------------------


def _overlaps(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


class _EntityView:
    """What matching needs of an entity, computed once."""

    def __init__(self, entity: EvalEntity) -> None:
        self.entity = entity
        self.key = normalize_key(entity.name)
        self.keys = entity.keys()
        self.spans = entity.spans()


def _entity_rank(mode: str, typed: bool) -> Callable[[_EntityView, _EntityView], int | None]:
    def rank(g: _EntityView, p: _EntityView) -> int | None:
        if typed and g.entity.type != p.entity.type:
            return None
        if g.key and g.key == p.key:
            return 0
        if mode == STRICT:
            return None
        if g.keys & p.keys:
            return 1
        if _overlaps(g.spans, p.spans):
            return 2
        return None

    return rank


def _align(
    gold: list[_EntityView], pred: list[_EntityView], mode: str, typed: bool
) -> dict[str, str]:
    """Predicted entity id -> the gold entity id it is paired with."""
    rank = _entity_rank(mode, typed)
    pairs = _pair(len(gold), len(pred), lambda i, j: rank(gold[i], pred[j]))
    return {pred[j].entity.id: gold[i].entity.id for i, j in pairs.items()}


class Outcome(BaseModel):
    """Readable descriptions of the items that matched, were missed and were spurious."""

    model_config = ConfigDict(frozen=True)

    matched: list[str] = Field(default_factory=list)
    missed: list[str] = Field(default_factory=list)
    spurious: list[str] = Field(default_factory=list)


@dataclass
class _Lists:
    matched: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def freeze(self) -> Outcome:
        return Outcome(matched=self.matched, missed=self.missed, spurious=self.spurious)


class ArticleOutcome(BaseModel):
    """What matched in one article, in one mode."""

    model_config = ConfigDict(frozen=True)

    entities: Outcome = Field(default_factory=Outcome)
    relations: Outcome = Field(default_factory=Outcome)
    events: Outcome = Field(default_factory=Outcome)
    amounts: Outcome = Field(default_factory=Outcome)


class ArticleResult(BaseModel):
    """The per-article detail of an evaluation (``evaluate(..., details=True)``)."""

    model_config = ConfigDict(frozen=True)

    id: str
    missing_from_pred: bool = False
    strict: ArticleOutcome
    lenient: ArticleOutcome


class _ModeTallies:
    def __init__(self) -> None:
        self.entities = _Tally()
        self.entities_untyped = _Tally()
        self.relations = _Tally()
        self.events = _Tally()
        self.amounts = _Tally()


class _Article:
    """Gold and pred of one article, compared in both modes."""

    def __init__(self, gold: EvalArticle, pred: EvalArticle, symmetric: frozenset[str]) -> None:
        self.gold = gold
        self.pred = pred
        self.symmetric = symmetric
        self.gold_views = [_EntityView(e) for e in gold.entities]
        self.pred_views = [_EntityView(e) for e in pred.entities]
        self.gold_names = {e.id: e.name for e in gold.entities}
        self.pred_names = {e.id: e.name for e in pred.entities}

    def _entities(self, mode: str, typed: bool, tally: _Tally) -> tuple[dict[str, str], Outcome]:
        alignment = _align(self.gold_views, self.pred_views, mode, typed)
        paired = set(alignment.values())
        out = _Lists()
        for e in self.gold.entities:
            text = f"{e.type}:{e.name}"
            if e.id in paired:
                tally.add(e.type if typed else ALL, tp=1)
                out.matched.append(text)
            else:
                tally.add(e.type if typed else ALL, fn=1)
                out.missed.append(text)
        for e in self.pred.entities:
            if e.id not in alignment:
                tally.add(e.type if typed else ALL, fp=1)
                out.spurious.append(f"{e.type}:{e.name}")
        return alignment, out.freeze()

    def _relation_text(self, r: EvalRelation, names: Mapping[str, str]) -> str:
        role = f", role={r.properties[ROLE_PROPERTY]}" if r.role is not None else ""
        return f"{r.predicate}({names[r.subject]} -> {names[r.object]}{role})"

    def _relations(self, mode: str, alignment: Mapping[str, str], tally: _Tally) -> Outcome:
        gold, pred = self.gold.relations, self.pred.relations

        def rank(i: int, j: int) -> int | None:
            g, p = gold[i], pred[j]
            if g.predicate != p.predicate:
                return None
            ends = (alignment.get(p.subject), alignment.get(p.object))
            forward = ends == (g.subject, g.object)
            if mode == STRICT:
                return 0 if forward and g.role == p.role else None
            if forward:
                return 0 if g.role == p.role else 1
            if g.predicate in self.symmetric and ends == (g.object, g.subject):
                return 2
            return None

        pairs = _pair(len(gold), len(pred), rank)
        out = _Lists()
        for i, g in enumerate(gold):
            text = self._relation_text(g, self.gold_names)
            tally.add(g.predicate, **({"tp": 1} if i in pairs else {"fn": 1}))
            (out.matched if i in pairs else out.missed).append(text)
        used = set(pairs.values())
        for j, p in enumerate(pred):
            if j not in used:
                tally.add(p.predicate, fp=1)
                out.spurious.append(self._relation_text(p, self.pred_names))
        return out.freeze()

    @staticmethod
    def _event_text(ev: EvalEvent, names: Mapping[str, str]) -> str:
        parts = ", ".join(
            f"{p.role}={names[p.entity]}" if p.role else names[p.entity] for p in ev.participants
        )
        amount = f"; {ev.amount.describe()}" if ev.amount else ""
        return f"{ev.type}({parts}{amount})"

    def _events(
        self, mode: str, alignment: Mapping[str, str], tally: _Tally, amounts: _Tally
    ) -> tuple[Outcome, Outcome]:
        gold, pred = self.gold.events, self.pred.events

        def shared(g: EvalEvent, p: EvalEvent) -> int:
            gold_parts = {(x.entity, x.role) for x in g.participants}
            gold_ents = {x.entity for x in g.participants}
            n = 0
            for x in p.participants:
                paired = alignment.get(x.entity)
                if paired is None:
                    continue
                if mode == STRICT:
                    n += (paired, x.role) in gold_parts
                else:
                    n += paired in gold_ents
            return n

        def rank(i: int, j: int) -> int | None:
            g, p = gold[i], pred[j]
            if g.type != p.type:
                return None
            n = shared(g, p)
            if not n:
                return None
            same_amount = g.amount is not None and p.amount is not None and g.amount.same(p.amount)
            return (0 if same_amount else 1000) - n

        def same_amount(i: int, j: int) -> int | None:
            g, p = gold[i], pred[j]
            if g.amount is None or p.amount is None or not g.amount.same(p.amount):
                return None
            return rank(i, j)

        pairs = _pair(len(gold), len(pred), rank)
        used = set(pairs.values())
        events, money = _Lists(), _Lists()
        for i, g in enumerate(gold):
            text = self._event_text(g, self.gold_names)
            tally.add(g.type, **({"tp": 1} if i in pairs else {"fn": 1}))
            (events.matched if i in pairs else events.missed).append(text)
        for j, p in enumerate(pred):
            if j not in used:
                tally.add(p.type, fp=1)
                events.spurious.append(self._event_text(p, self.pred_names))

        money_pairs = _pair(len(gold), len(pred), same_amount)
        money_used = set(money_pairs.values())
        for i, g in enumerate(gold):
            if g.amount is None:
                continue
            text = self._event_text(g, self.gold_names)
            amounts.add(ALL, **({"tp": 1} if i in money_pairs else {"fn": 1}))
            (money.matched if i in money_pairs else money.missed).append(text)
        for j, p in enumerate(pred):
            if p.amount is not None and j not in money_used:
                amounts.add(ALL, fp=1)
                money.spurious.append(self._event_text(p, self.pred_names))
        return events.freeze(), money.freeze()

    def compare(self, mode: str, tallies: _ModeTallies) -> ArticleOutcome:
        alignment, entities = self._entities(mode, True, tallies.entities)
        untyped, _ = self._entities(mode, False, tallies.entities_untyped)
        relation_alignment = alignment if mode == STRICT else untyped
        relations = self._relations(mode, relation_alignment, tallies.relations)
        events, amounts = self._events(mode, relation_alignment, tallies.events, tallies.amounts)
        return ArticleOutcome(
            entities=entities, relations=relations, events=events, amounts=amounts
        )


# --- The report --------------------------------------------------------------------------------


class ModeScores(BaseModel):
    """Every score of one matching mode."""

    model_config = ConfigDict(frozen=True)

    entities: ScoreSet = Field(description="Typed entities, per entity type")
    entities_untyped: Score = Field(description="Entities with the type ignored")
    relations: ScoreSet = Field(description="Per predicate")
    events: ScoreSet = Field(description="Per event type")
    amounts: Score = Field(description="Amounts attached to the right event")


class EvaluationReport(BaseModel):
    """Scores of PRED against GOLD, in strict and lenient mode; ``model_dump_json()`` for JSON."""

    model_config = ConfigDict(frozen=True)

    gold_articles: int
    pred_articles: int
    missing_articles: list[str] = Field(
        default_factory=list, description="Gold article ids absent from pred (all missed)"
    )
    extra_articles: int = Field(0, description="Pred articles absent from gold (ignored)")
    strict: ModeScores
    lenient: ModeScores
    articles: list[ArticleResult] = Field(
        default_factory=list, description="Per-article detail, when asked for"
    )

    def table(self) -> str:
        """The scores as an aligned text table, strict beside lenient."""
        head = (
            f"gold articles {self.gold_articles}, pred articles {self.pred_articles}, "
            f"missing from pred {len(self.missing_articles)} (counted as missed), "
            f"pred-only {self.extra_articles} (ignored)"
        )
        rows: list[tuple[str, list[Score | None]]] = []

        def section(title: str, get: Callable[[ModeScores], ScoreSet]) -> None:
            sets = [get(self.strict), get(self.lenient)]
            rows.append((title, [s.micro for s in sets]))
            for label in sorted(set(sets[0].by_label) | set(sets[1].by_label)):
                rows.append((f"  {label}", [s.by_label.get(label) for s in sets]))

        section("entities (typed)", lambda m: m.entities)
        rows.append(
            ("entities (untyped)", [self.strict.entities_untyped, self.lenient.entities_untyped])
        )
        section("relations", lambda m: m.relations)
        section("events", lambda m: m.events)
        rows.append(("amounts on the right event", [self.strict.amounts, self.lenient.amounts]))
        text = head + "\n\n" + render_scores(rows, list(MODES))
        if self.articles:
            text += "\n\n" + self.details_table()
        return text

    def details_table(self) -> str:
        """What each article missed and got wrong in strict mode, one fact a line.

        Articles where everything matched are listed with "all matched".
        """
        blocks: list[str] = []
        for article in self.articles:
            lines = [
                f"{article.id}" + (" (missing from pred)" if article.missing_from_pred else "")
            ]
            for kind in ("entities", "relations", "events", "amounts"):
                outcome: Outcome = getattr(article.strict, kind)
                lines += [f"  missed   {kind}: {item}" for item in outcome.missed]
                lines += [f"  spurious {kind}: {item}" for item in outcome.spurious]
            if len(lines) == 1:
                lines.append("  all matched")
            blocks.append("\n".join(lines))
        return "\n".join(blocks)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render_scores(rows: Sequence[tuple[str, Sequence[Score | None]]], groups: Sequence[str]) -> str:
    """An aligned text table: one row per label, and P, R, F1, tp, fp, fn per group of scores.

    >>> print(render_scores([("all", [Score(tp=1, fn=1)])], ["strict"]))
           strict
    score  P      R      F1     tp  fp  fn
    all    1.000  0.500  0.667  1   0   1
    """
    sub = ["P", "R", "F1", "tp", "fp", "fn"]
    body: list[list[str]] = []
    for label, scores in rows:
        cells = [label]
        for s in scores:
            if s is None:
                cells += ["", "", "", "", "", ""]
            else:
                cells += [_cell(s.precision), _cell(s.recall), _cell(s.f1)]
                cells += [str(s.tp), str(s.fp), str(s.fn)]
        body.append(cells)
    header = ["score", *(sub * len(groups))]
    widths = [max(len(r[k]) for r in [header, *body]) for k in range(len(header))]
    group_line = " " * widths[0]
    for g, name in enumerate(groups):
        cols = widths[1 + 6 * g : 7 + 6 * g]
        group_line += "  " + name.ljust(sum(cols) + 2 * (len(cols) - 1))
    lines = [group_line]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *body]
    ]
    return "\n".join(line.rstrip() for line in lines)


def evaluate(
    gold: Iterable[ArticleLike],
    pred: Iterable[ArticleLike],
    *,
    schema: Schema | None = None,
    details: bool = False,
) -> EvaluationReport:
    """Score ``pred`` against ``gold``, pairing articles by id (see the module docstring).

    ``schema`` says which predicates are symmetric (default: the project's
    ontology); ``details`` adds what matched, was missed and was spurious in
    each article.

    >>> gold = [{"article": {"id": "a"}, "entities": [{"type": "Person", "name": "Ann Lee"}]}]
    >>> pred = [{"article": {"id": "a"}, "entities": [{"type": "Organization", "name": "Ann Lee"}]}]
    >>> report = evaluate(gold, pred)
    >>> report.strict.entities.micro.f1, report.strict.entities_untyped.f1
    (0.0, 1.0)
    """
    symmetric = frozenset(
        name for name, spec in (schema or load_schema()).predicates.items() if spec.symmetric
    )
    gold_by_id = _by_id(gold, "gold")
    pred_by_id = _by_id(pred, "pred")
    tallies = {mode: _ModeTallies() for mode in MODES}
    results: list[ArticleResult] = []
    missing: list[str] = []
    for article_id, g in gold_by_id.items():
        p = pred_by_id.get(article_id)
        if p is None:
            missing.append(article_id)
            p = EvalArticle(article=EvalHeader(id=article_id))
        compared = _Article(g, p, symmetric)
        outcomes = {mode: compared.compare(mode, tallies[mode]) for mode in MODES}
        if details:
            results.append(
                ArticleResult(
                    id=article_id,
                    missing_from_pred=article_id in missing,
                    strict=outcomes[STRICT],
                    lenient=outcomes[LENIENT],
                )
            )
    extra = sum(1 for article_id in pred_by_id if article_id not in gold_by_id)
    scores = {
        mode: ModeScores(
            entities=t.entities.freeze(),
            entities_untyped=t.entities_untyped.freeze().micro,
            relations=t.relations.freeze(),
            events=t.events.freeze(),
            amounts=t.amounts.freeze().micro,
        )
        for mode, t in tallies.items()
    }
    return EvaluationReport(
        gold_articles=len(gold_by_id),
        pred_articles=len(pred_by_id),
        missing_articles=missing,
        extra_articles=extra,
        strict=scores[STRICT],
        lenient=scores[LENIENT],
        articles=results,
    )


def _by_id(items: Iterable[ArticleLike], side: str) -> dict[str, EvalArticle]:
    out: dict[str, EvalArticle] = {}
    for n, item in enumerate(items, start=1):
        try:
            article = as_eval_article(item)
        except ValidationError as exc:
            raise InputError(
                f"not an extraction record: {_short(exc)}", source=f"<{side}>", line=n
            ) from exc
        if article.id in out:
            raise InputError(f"article id {article.id!r} appears twice", source=f"<{side}>", line=n)
        out[article.id] = article
    return out
