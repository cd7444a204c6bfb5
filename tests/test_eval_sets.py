"""The evaluation sets: graphbuild on real news briefs, scored against hand-made gold.

- ``eval/dev``: 30 briefs whose errors the rules were written against;
- ``eval/fresh``, ``eval/fresh2``: 15 briefs each, written and annotated after the
  rules of their day, held apart until read;
- ``eval/fresh3`` to ``eval/fresh17``, ``eval/fresh19`` and ``eval/fresh21``: 20 briefs
  each, written by a session that never ran graphbuild; read since;
- ``eval/fresh18``, ``eval/fresh20``, ``eval/fresh22`` and ``eval/fresh23``: 20 briefs
  each, held apart, written the same way.

A regression guard, not a target: each floor sits a little under the strict
micro F1 the harness measured, so a change that loses facts fails CI. Raise the
dev floors when extraction improves; the fresh floors record its first run and
are raised only when the set is replaced by a new held-apart one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from graphbuild.evaluate import EvaluationReport, evaluate, load_jsonl
from graphbuild.models import ArticleExtraction, InputFailure
from graphbuild.pipeline import Pipeline

EVAL_DIR = Path(__file__).resolve().parent.parent / "eval"


@dataclass(frozen=True)
class EvalSet:
    name: str
    min_articles: int
    floors: dict[str, float]

    @property
    def articles(self) -> Path:
        return EVAL_DIR / self.name / "articles.jsonl"

    @property
    def gold(self) -> Path:
        return EVAL_DIR / self.name / "gold.jsonl"


SETS = [
    # Measured 2026-11-24, en_core_web_sm 3.8.0, strict (P/R in eval/dev/README.md):
    # typed entities 0.959, relations 0.858, events 0.930, amounts 0.939.
    EvalSet(
        "dev",
        25,
        {"typed entities": 0.92, "relations": 0.83, "events": 0.90, "amounts": 0.90},
    ),
    # First run, 2026-11-23: typed entities 0.876, relations 0.519, events 0.571, amounts
    # 0.500. Read since and replaced; 2026-11-24: 0.933, 0.726, 0.848, 0.710.
    EvalSet(
        "fresh",
        15,
        {"typed entities": 0.90, "relations": 0.70, "events": 0.82, "amounts": 0.68},
    ),
    # First run, 2026-11-24: typed entities 0.836, relations 0.420, events 0.638, amounts
    # 0.750. Read since and replaced; 2026-11-24: 0.910, 0.824, 0.847, 0.846.
    EvalSet(
        "fresh2",
        15,
        {"typed entities": 0.88, "relations": 0.79, "events": 0.82, "amounts": 0.82},
    ),
    # First run, 2026-11-24: typed entities 0.883, relations 0.433, events 0.733, amounts
    # 0.625. Read since and replaced by fresh4; 2026-11-24: 0.937, 0.819, 0.812, 0.800.
    EvalSet(
        "fresh3",
        20,
        {"typed entities": 0.91, "relations": 0.79, "events": 0.78, "amounts": 0.77},
    ),
    # First run, 2026-11-24: typed entities 0.858, relations 0.543, events 0.638,
    # amounts 0.714. Read since and replaced by fresh5; 2026-11-24: 0.932, 0.807, 0.857,
    # 0.903.
    EvalSet(
        "fresh4",
        20,
        {"typed entities": 0.90, "relations": 0.77, "events": 0.83, "amounts": 0.87},
    ),
    # First run, 2026-11-24: typed entities 0.886, relations 0.508, events 0.632,
    # amounts 0.621. Read since and replaced by fresh6; 2026-11-24: 0.949, 0.759, 0.771,
    # 0.824.
    EvalSet(
        "fresh5",
        20,
        {"typed entities": 0.92, "relations": 0.73, "events": 0.74, "amounts": 0.79},
    ),
    # First run, 2026-11-24: typed entities 0.903, relations 0.441, events 0.731,
    # amounts 0.818. Read since and replaced by fresh7; 2026-11-24: 0.975, 0.761, 0.820,
    # 0.870.
    EvalSet(
        "fresh6",
        20,
        {"typed entities": 0.94, "relations": 0.73, "events": 0.79, "amounts": 0.84},
    ),
    # First run, 2026-11-24: typed entities 0.869, relations 0.468, events 0.658,
    # amounts 0.522. Read since and replaced by fresh8; 2026-11-24: 0.926, 0.818, 0.840,
    # 0.889.
    EvalSet(
        "fresh7",
        20,
        {"typed entities": 0.90, "relations": 0.79, "events": 0.81, "amounts": 0.86},
    ),
    # First run, 2026-11-24: typed entities 0.867, relations 0.565, events 0.682,
    # amounts 0.650. Read since and replaced by fresh9; 2026-11-24: 0.938, 0.830, 0.805,
    # 0.947.
    EvalSet(
        "fresh8",
        20,
        {"typed entities": 0.91, "relations": 0.80, "events": 0.78, "amounts": 0.92},
    ),
    # First run, 2026-11-24: typed entities 0.915, relations 0.500, events 0.757,
    # amounts 0.857. Read since and replaced by fresh10; 2026-11-24: 0.942, 0.744, 0.868,
    # 0.897.
    EvalSet(
        "fresh9",
        20,
        {"typed entities": 0.91, "relations": 0.71, "events": 0.84, "amounts": 0.87},
    ),
    # First run, 2026-11-24: typed entities 0.834, relations 0.575, events 0.690,
    # amounts 0.750. Read since and replaced by fresh11; 2026-11-24: 0.888, 0.719, 0.713,
    # 0.750.
    EvalSet(
        "fresh10",
        20,
        {"typed entities": 0.86, "relations": 0.69, "events": 0.68, "amounts": 0.72},
    ),
    # First run, 2026-11-24: typed entities 0.861, relations 0.546, events 0.644,
    # amounts 0.541. Read since and replaced by fresh12; 2026-11-24: 0.885, 0.675, 0.644,
    # 0.541. "Holdings" stays in names since the fresh13 round (9 of the 11 such names in
    # the gold keep it), which this set's "Hashnote" does not: 0.881, 0.649, 0.702, 0.556.
    EvalSet(
        "fresh11",
        20,
        {"typed entities": 0.86, "relations": 0.63, "events": 0.67, "amounts": 0.51},
    ),
    # First run, 2026-11-24: typed entities 0.867, relations 0.480, events 0.742,
    # amounts 0.829. Read since and replaced by fresh13; 2026-11-24: 0.946, 0.810, 0.860,
    # 0.900. With "Holdings" kept in names ("Nomura Holdings", which its gold calls
    # "Nomura"): 0.941, 0.794, 0.863, 0.850.
    EvalSet(
        "fresh12",
        20,
        {"typed entities": 0.92, "relations": 0.77, "events": 0.83, "amounts": 0.83},
    ),
    # First run, 2026-11-24, with the rules frozen: typed entities 0.844, relations 0.511,
    # events 0.713, amounts 0.667. Read since and replaced by fresh14; 2026-11-24: 0.899,
    # 0.681, 0.813, 0.848.
    EvalSet(
        "fresh13",
        20,
        {"typed entities": 0.87, "relations": 0.65, "events": 0.78, "amounts": 0.82},
    ),
    # First run, 2026-11-24, with the rules frozen: typed entities 0.866, relations 0.538,
    # events 0.762, amounts 0.556. Read since and replaced by fresh15; 2026-11-24: 0.917,
    # 0.704, 0.841, 0.780.
    EvalSet(
        "fresh14",
        20,
        {"typed entities": 0.89, "relations": 0.67, "events": 0.81, "amounts": 0.75},
    ),
    # First run, 2026-11-24, with the rules frozen: typed entities 0.887, relations 0.603,
    # events 0.630, amounts 0.759. Read since and replaced by fresh16; 2026-11-24: 0.922,
    # 0.723, 0.744, 0.800.
    EvalSet(
        "fresh15",
        20,
        {"typed entities": 0.89, "relations": 0.69, "events": 0.71, "amounts": 0.77},
    ),
    # First run, 2026-11-24, with the rules frozen: typed entities 0.840, relations 0.381,
    # events 0.645, amounts 0.500. Read since and replaced by fresh17 and fresh18;
    # 2026-11-25: 0.926, 0.764, 0.781, 0.741.
    EvalSet(
        "fresh16",
        20,
        {"typed entities": 0.90, "relations": 0.72, "events": 0.73, "amounts": 0.71},
    ),
    # First run, 2026-11-25, with the rules frozen: typed entities 0.877, relations 0.540,
    # events 0.629, amounts 0.600. Read since and replaced by fresh18; 2026-11-25: 0.935,
    # 0.705, 0.685, 0.667.
    EvalSet(
        "fresh17",
        20,
        {"typed entities": 0.91, "relations": 0.65, "events": 0.62, "amounts": 0.64},
    ),
    # First run, 2026-11-25, with the rules frozen: typed entities 0.834, relations 0.532,
    # events 0.674, amounts 0.556; 0.845, 0.549, 0.674, 0.556 after the rules read off
    # fresh17; 0.855, 0.565, 0.682, 0.556 after those read off fresh19; 0.855, 0.589,
    # 0.697, 0.556 after the rounds of 2026-11-25's last session. Held apart: its
    # per-article misses are not read.
    EvalSet(
        "fresh18",
        20,
        {"typed entities": 0.81, "relations": 0.51, "events": 0.64, "amounts": 0.52},
    ),
    # First run, 2026-11-25, with the rules frozen: typed entities 0.872, relations 0.540,
    # events 0.684, amounts 0.774. Read since and replaced by fresh20; 2026-11-25: 0.917,
    # 0.612, 0.684, 0.774.
    EvalSet(
        "fresh19",
        20,
        {"typed entities": 0.89, "relations": 0.58, "events": 0.65, "amounts": 0.74},
    ),
    # First run, 2026-11-25, with the rules frozen: typed entities 0.886, relations 0.632,
    # events 0.683, amounts 0.583; unchanged on its second run. Held apart: its
    # per-article misses are not read.
    EvalSet(
        "fresh20",
        20,
        {"typed entities": 0.86, "relations": 0.60, "events": 0.65, "amounts": 0.55},
    ),
    # First run, 2026-11-25, with the rules frozen: typed entities 0.851, relations 0.602,
    # events 0.800, amounts 0.722. Read since and replaced by fresh22; 2026-11-25: 0.933,
    # 0.826, 0.851, 0.833.
    EvalSet(
        "fresh21",
        20,
        {"typed entities": 0.91, "relations": 0.80, "events": 0.83, "amounts": 0.80},
    ),
    # First run, 2026-11-25, with the rules frozen: typed entities 0.820, relations 0.427,
    # events 0.627, amounts 0.733; unchanged on its second run, 0.823 / 0.441 on its third.
    # Held apart: its per-article misses are not read.
    EvalSet(
        "fresh22",
        20,
        {"typed entities": 0.80, "relations": 0.40, "events": 0.60, "amounts": 0.70},
    ),
    # First run, 2026-11-25, with the rules frozen: typed entities 0.861, relations 0.437,
    # events 0.737, amounts 0.759. Held apart: its per-article misses are not read.
    EvalSet(
        "fresh23",
        20,
        {"typed entities": 0.84, "relations": 0.42, "events": 0.71, "amounts": 0.74},
    ),
]


@pytest.fixture(scope="module", params=SETS, ids=[s.name for s in SETS])
def eval_set(request: pytest.FixtureRequest) -> EvalSet:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def report(pipeline: Pipeline, eval_set: EvalSet) -> EvaluationReport:
    results = list(pipeline.extract([eval_set.articles]))
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert not failures, failures
    pred = [r for r in results if isinstance(r, ArticleExtraction)]
    return evaluate(load_jsonl(eval_set.gold), pred)


def test_the_set_has_enough_articles_and_one_gold_line_each(eval_set: EvalSet) -> None:
    article_ids = [
        json.loads(line)["id"]
        for line in eval_set.articles.read_text(encoding="utf-8").splitlines()
    ]
    gold_ids = [g.id for g in load_jsonl(eval_set.gold)]
    assert len(article_ids) >= eval_set.min_articles
    assert len(set(article_ids)) == len(article_ids)
    assert sorted(gold_ids) == sorted(article_ids)


def test_every_gold_article_is_extracted(report: EvaluationReport, eval_set: EvalSet) -> None:
    assert report.gold_articles >= eval_set.min_articles
    assert report.missing_articles == []
    assert report.extra_articles == 0


def test_micro_f1_stays_above_the_floors(report: EvaluationReport, eval_set: EvalSet) -> None:
    strict = report.strict
    measured = {
        "typed entities": strict.entities.micro.f1,
        "relations": strict.relations.micro.f1,
        "events": strict.events.micro.f1,
        "amounts": strict.amounts.f1,
    }
    below = {
        name: (value, eval_set.floors[name])
        for name, value in measured.items()
        if value is None or value < eval_set.floors[name]
    }
    assert not below, f"strict micro F1 under its floor (measured, floor): {below}"
