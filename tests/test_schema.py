"""The ontology file, the schema object, and the published JSON Schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.config import PROJECT_ROOT
from graphbuild.errors import SchemaError
from graphbuild.models import json_schemas
from graphbuild.schema import Schema, load_schema

ISSUE_PREDICATES = {
    "ROLE_AT", "FOUNDED", "OWNS", "ACQUIRED", "INVESTED_IN", "PARTNERED_WITH", "REGULATES",
    "SUED", "CHARGED", "SETTLED_WITH", "FINED", "SANCTIONED", "SENTENCED", "HEADQUARTERED_IN",
    "LOCATED_IN", "ADVISES", "MEMBER_OF",
}  # fmt: skip
ISSUE_EVENTS = {
    "Settlement", "Fine", "Charge", "Lawsuit", "GuiltyPlea", "Ruling", "Sentence",
    "Appointment", "Resignation", "Acquisition", "Investment", "Sanction", "Policy",
}  # fmt: skip


def test_ontology_declares_the_types_users_query(schema: Schema) -> None:
    assert set(schema.entity_types) == {
        "Person", "Organization", "Regulator", "Government", "Location", "Asset",
    }  # fmt: skip
    assert set(schema.predicates) >= ISSUE_PREDICATES
    assert set(schema.event_types) >= ISSUE_EVENTS
    assert schema.predicates["ROLE_AT"].properties["role"].required
    assert "amount" in schema.predicates["SETTLED_WITH"].properties
    assert "term" in schema.predicates["SENTENCED"].properties


def test_groups_expand_and_type_rules_hold(schema: Schema) -> None:
    assert schema.allows_relation("ROLE_AT", "Person", "Regulator")
    assert schema.allows_relation("ROLE_AT", "Person", "Government")
    assert not schema.allows_relation("ROLE_AT", "Organization", "Organization")
    assert not schema.allows_relation("ROLE_AT", "Person", "Asset")
    assert schema.allows_participant("Settlement", "defendant", "Organization")
    assert not schema.allows_participant("Settlement", "defendant", "Asset")
    assert not schema.allows_participant("Settlement", "acquirer", "Organization")


def test_spacy_labels_map_to_one_type(schema: Schema) -> None:
    assert schema.type_for_spacy_label("PERSON") == "Person"
    assert schema.type_for_spacy_label("ORG") == "Organization"
    assert schema.type_for_spacy_label("GPE") == "Location"
    assert schema.type_for_spacy_label("MONEY") is None


def test_schema_is_immutable(schema: Schema) -> None:
    with pytest.raises(Exception, match="frozen"):
        schema.version = 2  # type: ignore[misc]


def test_describe_is_deterministic(schema: Schema) -> None:
    described = schema.describe()
    assert described["predicates"]["ROLE_AT"]["object"] == [
        "Government",
        "Organization",
        "Regulator",
    ]
    assert json.dumps(described, sort_keys=True) == json.dumps(schema.describe(), sort_keys=True)


def test_unknown_type_in_predicate_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "ontology.yaml"
    bad.write_text(
        "entity_types: {Person: {}}\npredicates: {KNOWS: {subject: [Person], object: [Robot]}}\n",
        encoding="utf-8",
    )
    with pytest.raises(SchemaError, match="unknown entity type 'Robot'"):
        load_schema(bad)


def test_label_that_is_not_an_identifier_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "ontology.yaml"
    bad.write_text("entity_types: {'Person) DETACH DELETE (x': {}}\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="not a valid label"):
        load_schema(bad)


def test_missing_ontology_says_where_to_point(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="GRAPHBUILD_SCHEMA_DIR"):
        load_schema(tmp_path / "nope.yaml")


@pytest.mark.parametrize("name", sorted(json_schemas()))
def test_published_json_schemas_match_the_models(name: str) -> None:
    """schemas/json/ must be regenerated when the models change (see the message)."""
    path = PROJECT_ROOT / "schemas" / "json" / name
    assert path.exists(), f"{path} missing: run graphbuild schema --export-json schemas/json"
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk == json_schemas()[name], f"{path} drifted from the models; regenerate it"
