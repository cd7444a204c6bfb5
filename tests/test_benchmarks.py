"""The benchmark runner: dataset readers, offsets, the label mapping and the scores.

The data is a five-sentence excerpt of CoNLL04 dev (tests/data/benchmarks/) and
a made-up FiNER-ORD style CSV, so no test needs the datasets themselves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuild.benchmarks import (
    CONLL04,
    ENTITY_LABELS,
    FINER_ORD,
    BenchmarkDoc,
    LabeledRelation,
    LabeledSpan,
    entity_label,
    join_tokens,
    predictions,
    read_conll04,
    read_finer_ord,
    relation_label,
    run_conll04,
    score,
)
from graphbuild.errors import ConfigError
from graphbuild.evaluate import Score
from graphbuild.models import (
    ArticleExtraction,
    ArticleHeader,
    Entity,
    Evidence,
    Mention,
    Relation,
)
from graphbuild.pipeline import Pipeline
from graphbuild.schema import Schema

SAMPLE = Path(__file__).parent / "data" / "benchmarks" / "conll04_sample.json"


@pytest.fixture(scope="module")
def sample() -> list[BenchmarkDoc]:
    return read_conll04(SAMPLE)


def _text(doc: BenchmarkDoc, span: LabeledSpan) -> str:
    return doc.text[span.start : span.end]


def test_conll04_reader_gives_text_and_offsets(sample: list[BenchmarkDoc]) -> None:
    assert [d.id for d in sample] == [
        "conll04:5178",
        "conll04:4596",
        "conll04:2834",
        "conll04:1771",
        "conll04:3426",
    ]
    booth = sample[0]
    assert booth.text.startswith("John Wilkes Booth , who assassinated President Lincoln ,")
    assert [(_text(booth, s), s.label) for s in booth.entities] == [
        ("John Wilkes Booth", "Peop"),
        ("President Lincoln", "Peop"),
    ]
    assert booth.entities[0] == LabeledSpan(start=0, end=17, label="Peop")
    (kill,) = booth.relations
    assert (kill.label, _text(booth, kill.head), _text(booth, kill.tail)) == (
        "Kill",
        "John Wilkes Booth",
        "President Lincoln",
    )
    work = sample[4].relations[0]
    assert (work.label, _text(sample[4], work.head), _text(sample[4], work.tail)) == (
        "Work_For",
        "Avihu Bin-Nun",
        "Air Force",
    )


def test_every_gold_span_is_its_tokens(sample: list[BenchmarkDoc]) -> None:
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for doc, item in zip(sample, raw, strict=True):
        assert doc.text == " ".join(item["tokens"])
        for span, entity in zip(doc.entities, item["entities"], strict=True):
            assert _text(doc, span) == " ".join(item["tokens"][entity["start"] : entity["end"]])


def test_limit_reads_the_first_sentences() -> None:
    assert [d.id for d in read_conll04(SAMPLE, limit=2)] == ["conll04:5178", "conll04:4596"]


@given(st.lists(st.text(min_size=1, max_size=8), max_size=12))
def test_join_tokens_offsets_point_at_each_token(tokens: list[str]) -> None:
    text, offsets = join_tokens(tokens)
    assert [text[s:e] for s, e in offsets] == tokens


def test_test_splits_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="held out"):
        read_conll04(tmp_path / "conll04_test.json")
    with pytest.raises(ConfigError, match="held out"):
        read_finer_ord(tmp_path / "test.csv")


@pytest.mark.parametrize(
    ("entity_type", "kind", "conll", "finer"),
    [
        ("Person", None, "Peop", "PER"),
        ("Organization", "exchange", "Org", "ORG"),
        ("Regulator", "agency", "Org", "ORG"),
        ("Government", "country", "Loc", "LOC"),
        ("Government", "state", "Loc", "LOC"),
        ("Government", None, "Loc", "LOC"),
        ("Government", "legislature", "Org", "ORG"),
        ("Government", "union", "Org", "ORG"),
        ("Location", None, "Loc", "LOC"),
        ("Asset", "crypto", None, None),
    ],
)
def test_entity_label_mapping(
    entity_type: str, kind: str | None, conll: str | None, finer: str | None
) -> None:
    assert entity_label(CONLL04, entity_type, kind) == conll
    assert entity_label(FINER_ORD, entity_type, kind) == finer


def test_mapping_names_only_schema_types(schema: Schema) -> None:
    for row in ENTITY_LABELS:
        assert row.type in schema.entity_types
        assert row.kind is None or row.kind in schema.entity_types[row.type].kinds


@pytest.mark.parametrize(
    ("predicate", "subject", "obj", "label"),
    [
        ("ROLE_AT", "Peop", "Org", "Work_For"),
        ("ROLE_AT", "Peop", "Loc", None),
        ("HEADQUARTERED_IN", "Org", "Loc", "OrgBased_In"),
        ("LOCATED_IN", "Org", "Loc", "OrgBased_In"),
        ("LOCATED_IN", "Loc", "Loc", "Located_In"),
        ("FOUNDED", "Peop", "Org", None),
    ],
)
def test_relation_label_mapping(predicate: str, subject: str, obj: str, label: str | None) -> None:
    assert relation_label(predicate, subject, obj) == label


def _entity(doc: BenchmarkDoc, eid: str, type_: str, text: str, kind: str | None = None) -> Entity:
    start = doc.text.index(text)
    mention = Mention(start=start, end=start + len(text), text=text, sentence=doc.text)
    return Entity(id=eid, type=type_, name=text, kind=kind, mentions=[mention])


def _relation(doc: BenchmarkDoc, subject: str, predicate: str, obj: str, evidence: str) -> Relation:
    start = doc.text.index(evidence)
    return Relation(
        id=f"rel:{subject}-{obj}",
        subject=subject,
        predicate=predicate,
        object=obj,
        properties={"role": "member"} if predicate == "ROLE_AT" else {},
        confidence=0.5,
        evidence=[Evidence(start=start, end=start + len(evidence), text=evidence, rule="test")],
    )


def _extraction(
    doc: BenchmarkDoc, entities: list[Entity], relations: list[Relation]
) -> ArticleExtraction:
    return ArticleExtraction(
        article=ArticleHeader(id=doc.id), entities=entities, relations=relations
    )


def test_predictions_are_labelled_spans(sample: list[BenchmarkDoc]) -> None:
    doc = sample[2]  # Sun Hung Kai Properties , a Hong Kong construction firm ...
    extraction = _extraction(
        doc,
        [
            _entity(doc, "o", "Organization", "Sun Hung Kai Properties"),
            _entity(doc, "g", "Government", "Hong Kong", kind="state"),
            _entity(doc, "a", "Asset", "27 percent"),
        ],
        [_relation(doc, "o", "HEADQUARTERED_IN", "g", "Sun Hung Kai Properties , a Hong Kong")],
    )
    pred = predictions(extraction, CONLL04)
    assert [(_text(doc, s), s.label) for s in pred.entities] == [
        ("Sun Hung Kai Properties", "Org"),
        ("Hong Kong", "Loc"),
    ]
    assert pred.unmapped_entities == {"Asset": 1}
    assert pred.relations == [
        LabeledRelation(head=pred.entities[0], tail=pred.entities[1], label="OrgBased_In")
    ]


def test_scores_on_hand_made_predictions(sample: list[BenchmarkDoc]) -> None:
    wang, sun = sample[1], sample[2]
    extractions = [
        _extraction(
            wang,
            [
                _entity(wang, "p", "Person", "Wang Ziqiang"),
                # "the" inside the span: right label, wrong boundary
                _entity(wang, "o", "Organization", "the Institute of Mechanics"),
            ],
            [_relation(wang, "p", "ROLE_AT", "o", "Wang Ziqiang at the Institute of Mechanics")],
        ),
        _extraction(
            sun,
            [
                # right span, wrong label
                _entity(sun, "p", "Person", "Sun Hung Kai Properties"),
                _entity(sun, "l", "Location", "Hong Kong"),
            ],
            [],
        ),
    ]
    report = score(CONLL04, [wang, sun], extractions, file="sample")
    assert report.entities_strict.by_label["Peop"] == Score(tp=1, fp=1, fn=0)
    assert report.entities_strict.by_label["Org"] == Score(tp=0, fp=1, fn=2)
    assert report.entities_strict.by_label["Loc"] == Score(tp=1)
    assert report.entities_strict.micro == Score(tp=2, fp=2, fn=2)
    assert report.entities_boundary.micro == Score(tp=3, fp=1, fn=1)
    assert report.entities_untyped == Score(tp=3, fp=1, fn=1)
    # Other ("27 percent") is not modelled: left out, but counted as missed over all labels.
    assert report.unsupported == {"Other": 1}
    assert report.entities_all_labels == Score(tp=2, fp=2, fn=3)
    assert report.relations_strict is not None and report.relations_boundary is not None
    assert report.relations_strict.by_label["Work_For"] == Score(tp=0, fp=1, fn=1)
    assert report.relations_boundary.by_label["Work_For"] == Score(tp=1)
    assert report.relations_strict.by_label["OrgBased_In"] == Score(fn=1)
    assert report.confusion["Org -> Peop"] == 1
    assert report.error_counts["entity wrong type Org->Peop"] == 1
    assert report.error_counts["entity boundary"] == 1
    assert "Work_For" in report.table()


def test_finer_ord_reader(tmp_path: Path) -> None:
    rows = [
        (1, "Ann", 7, 0),
        (2, "Lee", 7, 0),
        (0, "joined", 7, 0),
        (5, "Acme", 7, 0),
        (6, "Corp", 7, 0),
        # an I- at the start of a sentence starts a new entity
        (6, "Holdings", 7, 1),
        (0, "in", 7, 1),
        (3, "Paris", 7, 1),
        (0, "Hello", 8, 0),
    ]
    path = tmp_path / "val.csv"
    path.write_text(
        "gold_label,gold_token,doc_idx,sent_idx\n"
        + "".join(f"{label},{token},{doc},{sent}\n" for label, token, doc, sent in rows),
        encoding="utf-8",
    )
    first, second = read_finer_ord(path)
    assert first.id == "finer-ord:7"
    assert first.text == "Ann Lee joined Acme Corp Holdings in Paris"
    assert [(_text(first, s), s.label) for s in first.entities] == [
        ("Ann Lee", "PER"),
        ("Acme Corp", "ORG"),
        ("Holdings", "ORG"),
        ("Paris", "LOC"),
    ]
    assert second.entities == ()
    assert [d.id for d in read_finer_ord(path, limit=1)] == ["finer-ord:7"]


def test_conll04_sample_end_to_end(pipeline: Pipeline) -> None:
    """The real pipeline on the excerpt: a report, whatever the scores are today."""
    report = run_conll04(SAMPLE, pipeline)
    assert report.documents == 5
    assert report.file == "conll04_sample.json"
    assert report.unsupported == {"Kill": 1, "Live_In": 2, "Other": 1}
    gold_entities = report.entities_strict.micro.tp + report.entities_strict.micro.fn
    assert gold_entities == 12
    assert report.relations_strict is not None
    gold_relations = report.relations_strict.micro.tp + report.relations_strict.micro.fn
    assert gold_relations == 4  # Work_For 2, OrgBased_In 1, Located_In 1
    assert report.entities_strict.micro.tp > 0
    json.loads(report.model_dump_json())
