"""`graphbuild evaluate` on the seed article's real extraction and its gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graphbuild.cli import main

GOLD = Path(__file__).parent / "data" / "eval" / "seed-gold.jsonl"


def test_evaluate_command_scores_extract_output(seed_dir: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(seed_dir), "-o", str(pred)]).exit_code == 0
    table = runner.invoke(main, ["evaluate", str(GOLD), str(pred)])
    assert table.exit_code == 0, table.stderr
    assert "ROLE_AT" in table.stdout and "amounts on the right event" in table.stdout
    as_json = runner.invoke(main, ["evaluate", str(GOLD), str(pred), "--format", "json"])
    report = json.loads(as_json.stdout)
    assert report["strict"]["events"]["by_label"]["Settlement"]["tp"] == 1
    assert report["strict"]["relations"]["by_label"]["FOUNDED"]["tp"] == 1


def test_evaluate_reports_a_broken_gold_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article": {"id": "a"}}\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(gold)])
    assert result.exit_code != 0
    assert "gold.jsonl:2" in result.stderr
    assert "Traceback" not in result.stderr


def test_details_in_the_table_list_each_missed_and_spurious_fact(tmp_path: Path) -> None:
    gold_line = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    pred_line = json.loads(json.dumps(gold_line))
    dropped = pred_line["relations"].pop(0)
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(gold_line) + "\n", encoding="utf-8")
    pred.write_text(json.dumps(pred_line) + "\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["evaluate", str(gold), str(pred)])
    detailed = runner.invoke(main, ["evaluate", str(gold), str(pred), "--details"])
    assert detailed.exit_code == 0, detailed.stderr
    assert "missed   relations" not in plain.stdout
    missed = [line for line in detailed.stdout.splitlines() if "missed   relations" in line]
    assert len(missed) == 1 and dropped["predicate"] in missed[0]
    assert gold_line["article"]["id"] in detailed.stdout
