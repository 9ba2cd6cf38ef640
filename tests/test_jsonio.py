"""JSON reading and writing: canonical layout, round trips, problems with JSON pointers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.errors import InputError
from bench.jsonio import (
    LINE_WIDTH,
    annotation_from_dict,
    annotation_to_dict,
    dump_annotation,
    dump_predictions,
    dumps_canonical,
    load_annotation,
    prediction_from_dict,
    prediction_to_dict,
    save_annotation,
    write_atomic,
)
from bench.model import (
    Annotation,
    ArgumentRef,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Mode,
    Polarity,
    PredictedRelation,
    PredictedTopic,
    Realis,
    Relation,
    RelationType,
    Span,
    Topic,
)

CLEAN = Path(__file__).parent / "fixtures" / "clean" / "000_12a61b80a6d06b2b.json"


def _problems(data) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as info:
        annotation_from_dict(data, "f.json")
    assert all(p.file == "f.json" for p in info.value.problems)
    return [(p.where, p.message) for p in info.value.problems]


def _minimal() -> dict:
    return json.loads(CLEAN.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- canonical layout


def test_gold_file_round_trip_is_byte_identical():
    raw = CLEAN.read_text(encoding="utf-8")
    ann = load_annotation(CLEAN)
    assert dump_annotation(ann) == raw
    assert annotation_from_dict(json.loads(dump_annotation(ann))) == ann


def test_canonical_layout_short_containers_stay_on_one_line():
    value = {"a": [1, 2], "b": {"c": "d"}, "long": ["x" * 40, "y" * 40, "z" * 40]}
    text = dumps_canonical(value)
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert '  "a": [1, 2],' in lines
    assert all(len(line) <= LINE_WIDTH for line in lines)
    assert json.loads(text) == value


def test_canonical_keeps_non_ascii_text_readable():
    assert dumps_canonical({"t": "Moscow’s"}) == '{"t": "Moscow’s"}'


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=6)
    | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=40,
)


@given(_json_values)
def test_canonical_dump_is_valid_json_and_stable(value):
    text = dumps_canonical(value)
    assert json.loads(text) == value
    assert dumps_canonical(json.loads(text)) == text


_ids = st.sampled_from(["E1", "E2", "E3"])
_mention = st.builds(
    lambda s, n, t: Mention(s, s + n, t), st.integers(0, 5000), st.integers(1, 40), st.text(min_size=1, max_size=20)
)
_entity = st.builds(
    Entity, _ids, st.sampled_from(EntityType), st.text(min_size=1, max_size=20),
    st.lists(_mention, max_size=4).map(tuple), st.lists(st.text(min_size=1, max_size=10), max_size=2).map(tuple),
    st.none() | _ids,
)
_relation = st.builds(
    Relation,
    st.sampled_from(["R1", "R2"]), st.sampled_from(RelationType), _ids, _ids,
    st.sampled_from(Polarity), st.sampled_from(Realis),
    st.builds(
        Evidence, st.none() | _mention,
        st.lists(st.builds(lambda s, n: Span(s, s + n), st.integers(0, 5000), st.integers(1, 300)), max_size=3).map(tuple),
    ),
    st.none() | st.sampled_from(Mode),
    st.lists(st.builds(Topic, st.text(min_size=1, max_size=15), st.lists(_mention, max_size=2).map(tuple)), max_size=2).map(tuple),
    st.none() | st.sampled_from(["2023-10-16", "2023-10", "2023-10-18/2023-10-19"]),
    st.none() | st.just("ev1"),
    st.none() | st.text(max_size=30),
)
_annotation = st.builds(
    Annotation, st.just("d1"), st.lists(_entity, max_size=4).map(tuple), st.lists(_relation, max_size=4).map(tuple),
    st.lists(st.builds(lambda s, n: Span(s, s + n), st.integers(0, 5000), st.integers(1, 50)), max_size=2).map(tuple),
    st.none() | st.just("a1"),
)


@given(_annotation)
def test_any_annotation_round_trips(ann):
    text = dump_annotation(ann)
    again = annotation_from_dict(json.loads(text))
    assert again == ann
    assert dump_annotation(again) == text


def test_save_and_load(tmp_path):
    ann = load_annotation(CLEAN)
    path = tmp_path / "sub" / "x.json"
    save_annotation(ann, path)
    assert load_annotation(path) == ann
    assert path.read_text(encoding="utf-8") == CLEAN.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- problems


def test_missing_and_ill_typed_fields_have_pointers():
    data = _minimal()
    del data["entities"][1]["name"]
    data["entities"][2]["mentions"][0]["start"] = "1534"
    data["relations"][1]["realis"] = "REAL"
    data["relations"][0]["evidence"]["sentences"][0] = [17]
    assert _problems(data) == [
        ("/entities/1/name", "missing required field"),
        ("/entities/2/mentions/0/start", 'expected int, got "1534"'),
        ("/relations/0/evidence/sentences/0", 'expected [start, end] or {"start", "end"}'),
        ("/relations/1/realis", "must be one of 'ACTUAL', 'PLANNED', 'OTHER', 'GENERIC'; got 'REAL'"),
    ]


def test_booleans_are_not_offsets():
    data = _minimal()
    data["entities"][0]["mentions"][0]["end"] = True
    assert _problems(data) == [("/entities/0/mentions/0/end", "expected int, got true")]


def test_unknown_top_level_field_and_non_object():
    data = _minimal()
    data["relation"] = []
    [(where, message)] = _problems(data)
    assert where == "/relation" and message.startswith("unknown field; allowed:")
    assert _problems([]) == [("", "expected a JSON object at the top level")]


def test_load_annotation_names_the_line_of_a_syntax_error(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{\n  "doc_id": "x",\n  "entities": [,]\n}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_annotation(path)
    [p] = info.value.problems
    assert (p.file, p.where) == (str(path), "line 3")
    assert p.message.startswith("invalid JSON")
    assert str(p).startswith(f"{path}: line 3: invalid JSON")


def test_load_annotation_missing_file_and_bad_encoding(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_annotation(tmp_path / "none.json")
    path = tmp_path / "latin1.json"
    path.write_bytes('{"doc_id": "café"}'.encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        load_annotation(path)


def test_annotation_to_dict_leaves_out_unset_optionals():
    rel = Relation("R1", RelationType.MET, "E1", "E2")
    d = annotation_to_dict(Annotation("d1", (), (rel,)))
    assert list(d) == ["schema_version", "doc_id", "entities", "relations", "out_of_scope"]
    assert d["relations"][0] == {
        "id": "R1", "type": "met", "head": "E1", "tail": "E2", "polarity": "POS", "realis": "ACTUAL",
        "evidence": {"sentences": []},
    }


# --------------------------------------------------------------------------- predictions


def _prediction(**kw) -> PredictedRelation:
    base = dict(
        doc_id="d1", type=RelationType.DISCUSSED, head=ArgumentRef("Lavrov", 0, 6), tail=ArgumentRef("Wang Yi"),
        realis=Realis.ACTUAL, polarity=Polarity.POS, mode=Mode.IN_PERSON,
        topics=(PredictedTopic("the war in Ukraine", 40, 58, "ukraine war"), PredictedTopic("Gaza")),
        evidence=(Span(0, 80),), trigger=Span(7, 16), score=0.75,
    )
    base.update(kw)
    return PredictedRelation(**base)


@pytest.mark.parametrize(
    "pred",
    [
        _prediction(),
        PredictedRelation("d1", RelationType.VISITED, ArgumentRef("Lavrov"), ArgumentRef("China")),
        _prediction(polarity=Polarity.NEG, realis=None, score=None, topics=()),
    ],
)
def test_prediction_round_trip(pred):
    lines = dump_predictions([pred, pred]).splitlines()
    assert len(lines) == 2
    assert prediction_from_dict(json.loads(lines[0])) == pred
    assert prediction_from_dict(prediction_to_dict(pred)) == pred


def test_prediction_minimal_form_and_key_order():
    pred = PredictedRelation("d1", RelationType.MET, ArgumentRef("a"), ArgumentRef("b"))
    assert dump_predictions([pred]) == (
        '{"doc_id": "d1", "type": "met", "head": {"text": "a"}, "tail": {"text": "b"}}\n'
    )


def test_prediction_topics_may_be_plain_strings():
    p = prediction_from_dict(
        {"doc_id": "d1", "type": "discussed", "head": {"text": "a"}, "tail": {"text": "b"}, "topics": ["war"]}
    )
    assert p.topics == (PredictedTopic("war"),)


def test_prediction_problems_have_pointers():
    bad = {
        "doc_id": "d1", "type": "visits", "head": {"text": " ", "start": 5},
        "tail": {"text": "b", "start": 9, "end": 3}, "score": "high",
    }
    with pytest.raises(InputError) as info:
        prediction_from_dict(bad, "p.jsonl", "line 4")
    got = [(p.file, p.where, p.message) for p in info.value.problems]
    assert got == [
        ("p.jsonl", "line 4/type", "must be one of 'visited', 'met', 'discussed'; got 'visits'"),
        ("p.jsonl", "line 4/head/text", "must not be empty"),
        ("p.jsonl", "line 4/head", "give both start and end, or neither"),
        ("p.jsonl", "line 4/tail", "offsets must satisfy 0 <= start < end; got [9, 3)"),
        ("p.jsonl", "line 4/score", 'expected int or float, got "high"'),
    ]


def test_prediction_must_be_an_object():
    with pytest.raises(InputError, match="expected a JSON object"):
        prediction_from_dict(["d1"], "p.jsonl", "line 1")


# --------------------------------------------------------------------------- atomic writes


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "out.txt"
    write_atomic(path, "one\n")
    write_atomic(path, "two\n")
    assert path.read_text() == "two\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_atomic_failure_keeps_the_old_file(tmp_path):
    path = tmp_path / "out.txt"
    write_atomic(path, "old\n")
    with pytest.raises(TypeError):
        write_atomic(path, 42)  # type: ignore[arg-type]
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_non_object_is_reported_once():
    data = _minimal()
    data["entities"][0] = "E1"
    data["entities"][1]["mentions"][0] = "North Korea"
    data["relations"][0] = 5
    assert _problems(data) == [
        ("/entities/0", "expected an object, got str"),
        ("/entities/1/mentions/0", "expected an object, got str"),
        ("/relations/0", "expected an object, got int"),
    ]


def test_write_atomic_leaves_a_readable_file_and_no_temporary(tmp_path):
    import stat

    from bench.jsonio import write_atomic

    target = tmp_path / "sub" / "out.json"
    write_atomic(target, "{}\n")
    assert target.read_text() == "{}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]
