"""The evaluation harness: exact scores on small hand-written gold and pred files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graphbuild.errors import InputError
from graphbuild.evaluate import (
    EvalArticle,
    EvaluationReport,
    Score,
    evaluate,
    load_jsonl,
    match_pairs,
)
from graphbuild.models import ArticleExtraction
from graphbuild.pipeline import Pipeline

SEED_GOLD = Path(__file__).parent / "data" / "eval" / "seed-gold.jsonl"


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _run(
    tmp_path: Path, gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> EvaluationReport:
    """Evaluate through files, as the CLI does."""
    gold_file = _write(tmp_path / "gold.jsonl", gold)
    pred_file = _write(tmp_path / "pred.jsonl", pred)
    return evaluate(load_jsonl(gold_file), load_jsonl(pred_file), details=True)


def _prf(score: Score) -> tuple[float | None, float | None, float | None]:
    return score.precision, score.recall, score.f1


def _ent(type_: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"type": type_, "name": name, **extra}


def _article(article_id: str, **parts: Any) -> dict[str, Any]:
    return {"article": {"id": article_id}, **parts}


BINANCE = "organization:binance"
TENG = "person:richard-teng"


def test_identical_files_score_one(tmp_path: Path) -> None:
    record = _article(
        "a1",
        entities=[_ent("Organization", "Binance"), _ent("Person", "Richard Teng")],
        relations=[
            {
                "subject": TENG,
                "predicate": "ROLE_AT",
                "object": BINANCE,
                "properties": {"role": "CEO"},
            }
        ],
        events=[
            {
                "type": "Settlement",
                "participants": [{"entity": BINANCE, "role": "defendant"}],
                "amount": {"value": 4.3e9, "currency": "USD"},
            }
        ],
    )
    report = _run(tmp_path, [record], [record])
    for mode in (report.strict, report.lenient):
        assert _prf(mode.entities.micro) == (1.0, 1.0, 1.0)
        assert _prf(mode.entities_untyped) == (1.0, 1.0, 1.0)
        assert _prf(mode.relations.by_label["ROLE_AT"]) == (1.0, 1.0, 1.0)
        assert _prf(mode.events.by_label["Settlement"]) == (1.0, 1.0, 1.0)
        assert _prf(mode.amounts) == (1.0, 1.0, 1.0)


def test_type_mismatch_counts_only_in_untyped_scores(tmp_path: Path) -> None:
    gold = [
        _article("a1", entities=[_ent("Regulator", "U.S. Treasury"), _ent("Person", "Ann Lee")])
    ]
    pred = [_article("a1", entities=[_ent("Government", "US Treasury"), _ent("Person", "Ann Lee")])]
    report = _run(tmp_path, gold, pred)
    # "US Treasury" normalises like "U.S. Treasury", but the type differs.
    assert report.strict.entities.micro == Score(tp=1, fp=1, fn=1)
    assert _prf(report.strict.entities.micro) == (0.5, 0.5, 0.5)
    assert report.strict.entities.by_label["Regulator"] == Score(fn=1)
    assert report.strict.entities.by_label["Government"] == Score(fp=1)
    assert _prf(report.strict.entities.by_label["Person"]) == (1.0, 1.0, 1.0)
    assert _prf(report.strict.entities_untyped) == (1.0, 1.0, 1.0)
    assert report.lenient.entities.micro == Score(tp=1, fp=1, fn=1)
    assert _prf(report.lenient.entities_untyped) == (1.0, 1.0, 1.0)


def test_alias_matches_in_lenient_mode_only(tmp_path: Path) -> None:
    gold = [_article("a1", entities=[_ent("Person", "Richard Teng", aliases=["Teng"])])]
    pred = [_article("a1", entities=[_ent("Person", "Teng")])]
    report = _run(tmp_path, gold, pred)
    assert report.strict.entities.micro == Score(tp=0, fp=1, fn=1)
    assert _prf(report.strict.entities_untyped) == (0.0, 0.0, 0.0)
    assert _prf(report.lenient.entities.micro) == (1.0, 1.0, 1.0)
    assert _prf(report.lenient.entities_untyped) == (1.0, 1.0, 1.0)


def test_overlapping_mentions_match_in_lenient_mode(tmp_path: Path) -> None:
    gold = [
        _article(
            "a1", entities=[_ent("Person", "Richard Teng", mentions=[{"start": 10, "end": 22}])]
        )
    ]
    pred = [
        _article(
            "a1",
            entities=[
                _ent(
                    "Person",
                    "R. Teng Jr",
                    mentions=[{"start": 10, "end": 25, "text": "R. Teng Jr"}],
                ),
                _ent("Person", "Someone Else", mentions=[{"start": 22, "end": 30}]),
            ],
        )
    ]
    report = _run(tmp_path, gold, pred)
    assert report.strict.entities.micro == Score(tp=0, fp=2, fn=1)
    # One gold entity pairs with one predicted entity; the other stays spurious.
    assert report.lenient.entities.micro == Score(tp=1, fp=1, fn=0)
    assert report.articles[0].lenient.entities.spurious == ["Person:Someone Else"]


def test_missing_and_extra_articles(tmp_path: Path) -> None:
    a1 = _article("a1", entities=[_ent("Organization", "Binance")])
    a2 = _article(
        "a2", entities=[_ent("Organization", "Coinbase"), _ent("Person", "Brian Armstrong")]
    )
    extra = _article("zz", entities=[_ent("Organization", "Kraken")])
    report = _run(tmp_path, [a1, a2], [a1, extra])
    assert report.gold_articles == 2
    assert report.pred_articles == 2
    assert report.missing_articles == ["a2"]
    assert report.extra_articles == 1
    # a2 counts as all missed; the pred-only article adds no false positive.
    assert report.strict.entities.micro == Score(tp=1, fp=0, fn=2)
    assert _prf(report.strict.entities.micro) == (1.0, pytest.approx(1 / 3), 0.5)
    assert [a.missing_from_pred for a in report.articles] == [False, True]


def test_relations_strict_role_and_lenient_symmetry(tmp_path: Path) -> None:
    entities = [
        _ent("Organization", "Binance"),
        _ent("Person", "Richard Teng"),
        _ent("Organization", "Coinbase"),
    ]
    coinbase = "organization:coinbase"
    gold = [
        _article(
            "a1",
            entities=entities,
            relations=[
                {
                    "subject": TENG,
                    "predicate": "ROLE_AT",
                    "object": BINANCE,
                    "properties": {"role": "CEO"},
                },
                {
                    "subject": TENG,
                    "predicate": "ROLE_AT",
                    "object": coinbase,
                    "properties": {"role": "chair"},
                },
                {"subject": BINANCE, "predicate": "PARTNERED_WITH", "object": coinbase},
            ],
        )
    ]
    pred = [
        _article(
            "a1",
            entities=entities,
            relations=[
                # role compared without case in strict mode
                {
                    "subject": TENG,
                    "predicate": "ROLE_AT",
                    "object": BINANCE,
                    "properties": {"role": "ceo"},
                },
                # wrong role: strict miss, lenient hit
                {
                    "subject": TENG,
                    "predicate": "ROLE_AT",
                    "object": coinbase,
                    "properties": {"role": "CFO"},
                },
                # symmetric predicate the other way round: lenient hit only
                {"subject": coinbase, "predicate": "PARTNERED_WITH", "object": BINANCE},
            ],
        )
    ]
    report = _run(tmp_path, gold, pred)
    assert report.strict.relations.by_label["ROLE_AT"] == Score(tp=1, fp=1, fn=1)
    assert report.strict.relations.by_label["PARTNERED_WITH"] == Score(tp=0, fp=1, fn=1)
    assert _prf(report.strict.relations.micro) == (
        pytest.approx(1 / 3),
        pytest.approx(1 / 3),
        pytest.approx(1 / 3),
    )
    assert _prf(report.lenient.relations.micro) == (1.0, 1.0, 1.0)


def test_relation_needs_both_ends_matched(tmp_path: Path) -> None:
    gold = [
        _article(
            "a1",
            entities=[_ent("Organization", "Binance"), _ent("Person", "Richard Teng")],
            relations=[
                {
                    "subject": TENG,
                    "predicate": "ROLE_AT",
                    "object": BINANCE,
                    "properties": {"role": "CEO"},
                }
            ],
        )
    ]
    # The predicted object is an organisation the gold does not have.
    pred = [
        _article(
            "a1",
            entities=[_ent("Organization", "Binance US"), _ent("Person", "Richard Teng")],
            relations=[
                {
                    "subject": TENG,
                    "predicate": "ROLE_AT",
                    "object": "organization:binance-us",
                    "properties": {"role": "CEO"},
                }
            ],
        )
    ]
    report = _run(tmp_path, gold, pred)
    for mode in (report.strict, report.lenient):
        assert mode.relations.micro == Score(tp=0, fp=1, fn=1)


def _settlement(entity: str, role: str, value: float | None) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "Settlement",
        "participants": [{"entity": entity, "role": role}],
    }
    if value is not None:
        event["amount"] = {"value": value, "currency": "USD"}
    return event


def test_amounts_must_sit_on_the_matched_event(tmp_path: Path) -> None:
    entities = [_ent("Organization", "Binance"), _ent("Organization", "Coinbase")]
    coinbase = "organization:coinbase"
    gold = [
        _article(
            "a1",
            entities=entities,
            events=[
                _settlement(BINANCE, "defendant", 4.3e9),
                _settlement(coinbase, "defendant", 1e8),
            ],
        )
    ]
    swapped = [
        _article(
            "a1",
            entities=entities,
            events=[
                _settlement(BINANCE, "defendant", 1e8),
                _settlement(coinbase, "defendant", 4.3e9),
            ],
        )
    ]
    report = _run(tmp_path, gold, swapped)
    assert report.strict.events.micro == Score(tp=2)
    assert report.strict.amounts == Score(tp=0, fp=2, fn=2)
    assert _prf(report.strict.amounts) == (0.0, 0.0, 0.0)

    right = [
        _article(
            "a1",
            entities=entities,
            events=[
                _settlement(BINANCE, "defendant", 4300000000.0),
                _settlement(coinbase, "defendant", None),
            ],
        )
    ]
    report = _run(tmp_path, gold, right)
    assert report.strict.amounts == Score(tp=1, fp=0, fn=1)
    assert _prf(report.strict.amounts) == (1.0, 0.5, pytest.approx(2 / 3))


def test_a_right_amount_counts_whichever_way_events_pair(tmp_path: Path) -> None:
    # Two fines of one bank by two authorities; the prediction splits them differently.
    entities = [
        _ent("Organization", "Citigroup"),
        _ent("Regulator", "OCC"),
        _ent("Regulator", "Federal Reserve"),
    ]
    citi, occ, fed = "organization:citigroup", "regulator:occ", "regulator:federal-reserve"

    def fine(parts: list[tuple[str, str]], value: float | None) -> dict[str, Any]:
        event: dict[str, Any] = {
            "type": "Fine",
            "participants": [{"entity": e, "role": r} for e, r in parts],
        }
        if value is not None:
            event["amount"] = {"value": value, "currency": "USD"}
        return event

    gold = [
        _article(
            "a1",
            entities=entities,
            events=[
                fine([(citi, "defendant"), (occ, "authority")], 4e8),
                fine([(citi, "defendant"), (fed, "authority")], None),
            ],
        )
    ]
    pred = [
        _article(
            "a1",
            entities=entities,
            events=[fine([(citi, "defendant")], 4e8), fine([(occ, "authority")], None)],
        )
    ]
    report = _run(tmp_path, gold, pred)
    # Both events match only if the $400 million fine pairs with the Fed's; the amount
    # still sits on an event that matches the OCC's fine, so it is right.
    assert report.strict.events.micro == Score(tp=2)
    assert report.strict.amounts == Score(tp=1)


def test_event_role_counts_in_strict_mode_only(tmp_path: Path) -> None:
    entities = [_ent("Organization", "Binance")]
    gold = [_article("a1", entities=entities, events=[_settlement(BINANCE, "defendant", None)])]
    pred = [_article("a1", entities=entities, events=[_settlement(BINANCE, "plaintiff", None)])]
    report = _run(tmp_path, gold, pred)
    assert report.strict.events.by_label["Settlement"] == Score(tp=0, fp=1, fn=1)
    assert report.lenient.events.by_label["Settlement"] == Score(tp=1)
    # An event of another type never matches.
    pred[0]["events"][0]["type"] = "Fine"
    report = _run(tmp_path, gold, pred)
    assert report.lenient.events.micro == Score(tp=0, fp=1, fn=1)
    assert report.lenient.events.by_label["Fine"] == Score(fp=1)


def test_minimal_gold_reads_with_default_ids(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "gold.jsonl",
        [_article("a1", entities=[_ent("Person", "Richard Teng")], rejected=[{"any": "thing"}])],
    )
    (article,) = load_jsonl(path)
    assert isinstance(article, EvalArticle)
    assert article.entities[0].id == TENG


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"entities": []}), "article"),
        (
            json.dumps(
                _article("a1", relations=[{"subject": "x", "predicate": "ROLE_AT", "object": "y"}])
            ),
            "unknown entity 'x'",
        ),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_article("a0")) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_jsonl(path)
    assert info.value.line == 3
    assert message in str(info.value)


def test_repeated_article_id_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "gold.jsonl", [_article("a1"), _article("a1")])
    with pytest.raises(InputError, match="appears twice"):
        load_jsonl(path)


def test_no_denominator_gives_none_not_zero(tmp_path: Path) -> None:
    report = _run(
        tmp_path, [_article("a1", entities=[_ent("Person", "Ann Lee")])], [_article("a1")]
    )
    assert _prf(report.strict.entities.micro) == (None, 0.0, 0.0)
    assert _prf(report.strict.relations.micro) == (None, None, None)


def test_table_and_json(tmp_path: Path) -> None:
    gold = [_article("a1", entities=[_ent("Person", "Ann Lee"), _ent("Organization", "Binance")])]
    pred = [_article("a1", entities=[_ent("Person", "Ann Lee")])]
    report = _run(tmp_path, gold, pred)
    table = report.table()
    assert "strict" in table and "lenient" in table
    row = next(line for line in table.splitlines() if line.startswith("entities (typed)"))
    assert row.split()[2:9] == ["1.000", "0.500", "0.667", "1", "0", "1", "1.000"]
    data = json.loads(report.model_dump_json())
    assert data["strict"]["entities"]["micro"] == {
        "tp": 1,
        "fp": 0,
        "fn": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
    }


def test_match_pairs_finds_a_maximum_matching() -> None:
    # Greedy would give left 0 the right 0 and leave left 1 unmatched.
    assert match_pairs([[0, 1], [0]]) == {0: 1, 1: 0}
    assert match_pairs([[0], [0], [0]]) == {0: 0}
    assert match_pairs([[], [1, 0], [1]]) == {1: 0, 2: 1}


def test_seed_article_against_its_gold(pipeline: Pipeline, seed_dir: Path) -> None:
    """The real extraction of the seed article, as ``graphbuild extract`` writes it."""
    pred = [item for item in pipeline.extract([seed_dir]) if isinstance(item, ArticleExtraction)]
    report = evaluate(load_jsonl(SEED_GOLD), pred, schema=pipeline.schema, details=True)
    assert report.missing_articles == []
    (article,) = report.articles
    for outcome in (article.strict, article.lenient):
        assert "Organization:Binance" in outcome.entities.matched
        assert "Person:Richard Teng" in outcome.entities.matched
        assert "ROLE_AT(Richard Teng -> Binance, role=CEO)" in outcome.relations.matched
        settlement = "Settlement(defendant=Binance; 4300000000 USD)"
        assert settlement in outcome.events.matched
        assert settlement in outcome.amounts.matched
    assert report.strict.relations.by_label["ROLE_AT"].tp >= 1
    assert report.strict.events.by_label["Settlement"] == Score(tp=1)
