"""The graphbuild command as a person uses it: real pipeline, real store, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from graphbuild.cli import main
from graphbuild.models import json_schemas

ROLES = "MATCH (p:Person)-[r:ROLE_AT]->(o) RETURN p.name, r.role, o.name ORDER BY p.name"


def run(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def stats(data_dir: Path) -> dict[str, dict[str, int]]:
    result = run("--data-dir", data_dir, "stats", "--format", "json")
    assert result.exit_code == 0, result.stderr
    counts: dict[str, dict[str, int]] = json.loads(result.stdout)
    return counts


def test_extract_writes_json_lines_and_touches_no_store(seed_dir: Path, data_dir: Path) -> None:
    result = run("--data-dir", data_dir, "extract", seed_dir)
    assert result.exit_code == 0, result.stderr
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert set(record) == {"article", "entities", "relations", "events", "rejected"}
    assert record["article"]["id"] == "seed-binance-monitorship"
    names = {e["name"]: e["type"] for e in record["entities"]}
    assert names["Binance"] == "Organization"
    assert names["U.S. Treasury"] == "Regulator"
    assert "extracted 1 article" in result.stderr
    assert not data_dir.exists()


def test_extract_to_file_and_from_stdin(tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    text = json.dumps(
        {"id": "a1", "text": "Kraken CEO Dave Ripley spoke in London.", "desk": "crypto"}
    )
    result = run("extract", "-", "-o", out, input=text + "\n")
    assert result.exit_code == 0, result.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["article"]["id"] == "a1"
    assert record["article"]["meta"] == {"desk": "crypto"}
    assert [r["properties"]["role"] for r in record["relations"]] == ["CEO"]


def test_ingest_is_idempotent_and_queryable(seed_dir: Path, data_dir: Path) -> None:
    first = run("--data-dir", data_dir, "ingest", seed_dir)
    assert first.exit_code == 0, first.stderr
    assert "ingested 1 article" in first.stderr
    before = stats(data_dir)
    assert before["nodes"]["Organization"] >= 3
    assert before["relationships"]["ROLE_AT"] == 4
    assert before["nodes"]["Settlement"] == 1

    second = run("--data-dir", data_dir, "ingest", seed_dir)
    assert second.exit_code == 0, second.stderr
    assert stats(data_dir) == before

    table = run("--data-dir", data_dir, "query", ROLES)
    assert table.exit_code == 0, table.stderr
    assert "Richard Teng" in table.stdout and "CEO" in table.stdout
    assert table.stdout.rstrip().endswith("(4 rows)")


def test_query_parameters_and_formats(seed_dir: Path, data_dir: Path) -> None:
    assert run("--data-dir", data_dir, "ingest", seed_dir).exit_code == 0
    cypher = (
        "MATCH (o:Organization {name: $name})<-[r:ROLE_AT]-(p) "
        "RETURN DISTINCT p.name AS person ORDER BY person"
    )
    as_json = run(
        "--data-dir", data_dir, "query", cypher, "--param", "name=Binance", "--format", "json"
    )
    assert as_json.exit_code == 0, as_json.stderr
    assert json.loads(as_json.stdout) == [
        {"person": "Changpeng Zhao"},
        {"person": "Eleanor Hughes"},
        {"person": "Richard Teng"},
    ]
    as_csv = run("--data-dir", data_dir, "query", cypher, "-p", "name=Binance", "--format", "csv")
    assert as_csv.stdout.splitlines() == [
        "person",
        "Changpeng Zhao",
        "Eleanor Hughes",
        "Richard Teng",
    ]
    # A value that reads as JSON is typed: no organisation is named 5.
    typed = run(
        "--data-dir", data_dir, "query", "RETURN $n + 1 AS n", "-p", "n=5", "--format", "json"
    )
    assert json.loads(typed.stdout) == [{"n": 6}]


def test_query_is_read_only_unless_asked(seed_dir: Path, data_dir: Path) -> None:
    assert run("--data-dir", data_dir, "ingest", seed_dir).exit_code == 0
    before = stats(data_dir)
    refused = run("--data-dir", data_dir, "query", "MATCH (p:Person) DETACH DELETE p")
    assert refused.exit_code == 4
    assert "--write" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert stats(data_dir) == before
    allowed = run("--data-dir", data_dir, "query", "--write", "MATCH (p:Person) DETACH DELETE p")
    assert allowed.exit_code == 0, allowed.stderr
    assert "Person" not in stats(data_dir)["nodes"]


def test_bad_cypher_and_missing_store_are_one_line_errors(seed_dir: Path, data_dir: Path) -> None:
    missing = run("--data-dir", data_dir, "query", ROLES)
    assert missing.exit_code == 3
    assert "graphbuild ingest" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1

    assert run("--data-dir", data_dir, "ingest", seed_dir).exit_code == 0
    bad = run("--data-dir", data_dir, "query", "MATCH (p:Person RETURN p")
    assert bad.exit_code == 4
    assert bad.stderr.startswith("graphbuild: error:")
    assert "Traceback" not in bad.stderr

    param = run("--data-dir", data_dir, "query", ROLES, "--param", "oops")
    assert param.exit_code == 2
    assert "NAME=VALUE" in param.stderr


def test_bad_inputs_are_reported_and_the_rest_ingested(
    seed_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    assert run("--data-dir", data_dir, "ingest", seed_dir).exit_code == 0
    before = stats(data_dir)

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_text("", encoding="utf-8")
    (batch / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = "Soci\xe9t\xe9 G\xe9n\xe9rale paid a fine.".encode("latin-1")
    (batch / "latin1.txt").write_bytes(latin1)
    (batch / "broken.json").write_text('{"text": "Coinbase', encoding="utf-8")
    good = {"id": "good-1", "text": "Coinbase co-founder Brian Armstrong spoke in New York."}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "no-text", "title": "Only a title"})]
    (batch / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run("--data-dir", data_dir, "ingest", batch)
    assert result.exit_code == 1
    errors = result.stderr
    for name in ("empty.txt", "binary.txt", "latin1.txt", "broken.json"):
        assert name in errors, errors
    assert "mixed.jsonl:2" in errors
    assert "mixed.jsonl:3" in errors
    assert "Traceback" not in errors

    after = stats(data_dir)
    for label, count in before["nodes"].items():
        assert after["nodes"][label] >= count
    roles = run("--data-dir", data_dir, "query", ROLES, "--format", "json")
    people = {row["p.name"] for row in json.loads(roles.stdout)}
    assert {"Richard Teng", "Brian Armstrong"} <= people


def test_schema_show_and_export(tmp_path: Path) -> None:
    shown = run("schema")
    assert shown.exit_code == 0
    assert "ROLE_AT" in shown.stdout and "Settlement" in shown.stdout
    as_json = json.loads(run("schema", "--format", "json").stdout)
    assert as_json["predicates"]["ROLE_AT"]["subject"] == ["Person"]
    exported = run("schema", "--export-json", tmp_path)
    assert exported.exit_code == 0
    for name, document in json_schemas().items():
        assert json.loads((tmp_path / name).read_text(encoding="utf-8")) == document


def test_missing_model_is_a_clear_error(seed_dir: Path) -> None:
    result = run("--model", "xx_no_such_pipeline", "extract", seed_dir)
    assert result.exit_code == 2
    assert "xx_no_such_pipeline" in result.stderr
    assert "pip install" in result.stderr


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_paths_are_required(command: str) -> None:
    result = run(command)
    assert result.exit_code == 2
    assert "PATHS" in result.stderr


def test_entities_remove_and_merge_file(seed_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    merges = tmp_path / "merges.yaml"
    merges.write_text(
        "merge:\n  - {type: Person, into: Richard Teng, names: [R. Teng]}\n", encoding="utf-8"
    )
    article = {"id": "teng-2", "text": "Binance CEO R. Teng met regulators in Paris."}
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(article) + "\n", encoding="utf-8")
    ingest = run("--data-dir", data_dir, "ingest", seed_dir, extra, "--merge-file", merges)
    assert ingest.exit_code == 0, ingest.stderr

    listed = run("--data-dir", data_dir, "entities", "--type", "Person", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    people = {e["name"]: e for e in json.loads(listed.stdout)}
    assert set(people["Richard Teng"]["articles"]) == {"seed-binance-monitorship", "teng-2"}
    assert "R. Teng" not in people

    removed = run("--data-dir", data_dir, "remove", "teng-2")
    assert removed.exit_code == 0, removed.stderr
    after = json.loads(run("--data-dir", data_dir, "entities", "--format", "json").stdout)
    teng = next(e for e in after if e["name"] == "Richard Teng")
    assert teng["articles"] == ["seed-binance-monitorship"]
    assert "Paris" not in {e["name"] for e in after}

    unknown = run("--data-dir", data_dir, "remove", "no-such-article")
    assert unknown.exit_code == 1
    assert "no-such-article" in unknown.stderr
    bad_type = run("--data-dir", data_dir, "entities", "--type", "Spaceship")
    assert bad_type.exit_code == 2


def test_export_formats(seed_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    import networkx as nx

    from graphbuild.export import read_node_link

    assert run("--data-dir", data_dir, "ingest", seed_dir).exit_code == 0
    node_link = tmp_path / "seed.json"
    result = run("--data-dir", data_dir, "export", node_link, "--format", "node-link")
    assert result.exit_code == 0, result.stderr
    graph = read_node_link(node_link)
    names = {data.get("name") for _, data in graph.nodes(data=True)}
    assert {"Binance", "Richard Teng", "U.S. Treasury"} <= names
    graphml = tmp_path / "seed.graphml"
    assert run("--data-dir", data_dir, "export", graphml, "--format", "graphml").exit_code == 0
    assert nx.read_graphml(graphml).number_of_nodes() == graph.number_of_nodes()

    folder = tmp_path / "import"
    admin = run("--data-dir", data_dir, "export", folder, "--format", "neo4j-csv")
    assert admin.exit_code == 0, admin.stderr
    assert "neo4j-admin database import full" in admin.stdout
    assert (folder / "rels-ROLE_AT.csv").exists()
