"""The seed gold (annotations/000_12a61b80a6d06b2b.json) and the annotation format.

The gold must load, validate against the JSON Schema, slice exactly the text it claims, obey the
rules of annotations/GUIDELINES.md that a schema cannot express, round-trip byte for byte, and be
exactly what its draft resolves to (nobody edits gold offsets by hand). These checks are written
here, independently of the project's validator, so that a bug in one does not hide a defect in
the other.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from itertools import combinations
from pathlib import Path

import jsonschema
import pytest

from bench.authoring import resolve_draft
from bench.corpus import document_from_text
from bench.jsonio import annotation_from_dict, dump_annotation, load_annotation
from bench.model import EntityType, Mode, RelationType
from bench.text import normalize, sentence_spans

SEED_ID = "000_12a61b80a6d06b2b"
ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "annotations" / f"{SEED_ID}.json"
DRAFT = ROOT / "annotations" / "drafts" / f"{SEED_ID}.draft.json"
SCHEMA = ROOT / "annotations" / "schema" / "annotation.schema.json"
PACKAGED_SCHEMA = ROOT / "bench" / "schema" / "annotation.schema.json"
GUIDELINES = ROOT / "annotations" / "GUIDELINES.md"

VISITORS = {EntityType.PER, EntityType.ORG, EntityType.GPE}
DESTINATIONS = {EntityType.GPE, EntityType.LOC, EntityType.FAC, EntityType.ORG}
PARTICIPANTS = {EntityType.PER, EntityType.ORG, EntityType.GPE}

# The relations of the seed gold, as decided in its draft (see the notes there). Kept here so that
# an accidental edit of the draft shows up as a failing test with a readable difference.
SEED_RELATIONS = {
    ("visited", "lavrov", "north_korea", "POS", "PLANNED"),
    ("visited", "lavrov", "china", "POS", "ACTUAL"),
    ("visited", "lavrov", "beijing", "POS", "ACTUAL"),
    ("visited", "kim", "moscow", "POS", "ACTUAL"),
    ("met", "kim", "putin", "POS", "ACTUAL"),
    ("discussed", "kim", "putin", "POS", "ACTUAL"),
    ("met", "kim", "shoigu", "POS", "ACTUAL"),
    ("discussed", "kim", "shoigu", "POS", "ACTUAL"),
    ("met", "lavrov", "wang_yi", "POS", "ACTUAL"),
    ("discussed", "lavrov", "wang_yi", "POS", "ACTUAL"),
}


@pytest.fixture(scope="module")
def gold():
    return load_annotation(GOLD)


@pytest.fixture(scope="module")
def gold_json():
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def sentences(seed_doc):
    return sentence_spans(seed_doc.text, seed_doc.body_start)


def _spans(ann):
    """Every (where, Mention) the gold claims slices the document text."""
    for e in ann.entities:
        for m in e.mentions:
            yield f"entity {e.id}", m
    for r in ann.relations:
        for t in r.topics:
            for m in t.mentions:
                yield f"{r.id} topic {t.label!r}", m
        if r.evidence.trigger is not None:
            yield f"{r.id} trigger", r.evidence.trigger


def _key(r):
    head, tail = r.head, r.tail
    if r.type.symmetric:
        head, tail = sorted((head, tail))
    return (r.type.value, head, tail, r.polarity.value, r.realis.value)


# --------------------------------------------------------------------------- the schema


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_packaged_schema_is_identical_to_the_annotations_copy():
    assert PACKAGED_SCHEMA.read_bytes() == SCHEMA.read_bytes()


def test_seed_gold_validates_against_the_schema(validator, gold_json):
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(gold_json)]
    assert errors == []


def _relation(data, type_):
    return next(r for r in data["relations"] if r["type"] == type_)


MUTATIONS = {
    "unknown top-level field": lambda d: d.update(comment="x"),
    "unknown entity field": lambda d: d["entities"][0].update(gender="m"),
    "unknown relation field": lambda d: d["relations"][0].update(confidence=0.9),
    "bad entity type": lambda d: d["entities"][0].update(type="PERSON"),
    "entity without mentions": lambda d: d["entities"][0].update(mentions=[]),
    "empty aliases list": lambda d: d["entities"][0].update(aliases=[]),
    "mention without text": lambda d: d["entities"][0]["mentions"][0].pop("text"),
    "negative offset": lambda d: d["entities"][0]["mentions"][0].update(start=-1),
    "bad realis": lambda d: d["relations"][0].update(realis="FUTURE"),
    "bad polarity": lambda d: d["relations"][0].update(polarity="pos"),
    "mode on met": lambda d: _relation(d, "met").update(mode="in_person"),
    "topics on visited": lambda d: _relation(d, "visited").update(topics=[{"label": "x", "mentions": []}]),
    "discussed without mode": lambda d: _relation(d, "discussed").pop("mode"),
    "discussed without topics": lambda d: _relation(d, "discussed").pop("topics"),
    "upper-case topic label": lambda d: _relation(d, "discussed")["topics"][0].update(label="Ukraine war"),
    "time not ISO 8601": lambda d: d["relations"][0].update(time="October 2023"),
    "evidence without trigger": lambda d: d["relations"][0]["evidence"].pop("trigger"),
    "evidence without sentences": lambda d: d["relations"][0]["evidence"].update(sentences=[]),
    "sentence of three numbers": lambda d: d["relations"][0]["evidence"].update(sentences=[[1, 2, 3]]),
    "out-of-scope as a pair": lambda d: d.update(out_of_scope=[[1, 2]]),
    "schema version 2": lambda d: d.update(schema_version=2),
    "null note": lambda d: d["relations"][0].update(note=None),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_schema_rejects_a_broken_gold(validator, gold_json, name):
    broken = copy.deepcopy(gold_json)
    MUTATIONS[name](broken)
    assert list(validator.iter_errors(broken)), f"schema accepted: {name}"


# --------------------------------------------------------------------------- the file


def test_seed_gold_loads_and_names_its_document(gold, seed_doc):
    assert gold.doc_id == SEED_ID == seed_doc.id
    assert gold.schema_version == 1
    assert gold.entities and gold.relations


def test_round_trip_is_byte_identical(gold):
    assert dump_annotation(gold) == GOLD.read_text(encoding="utf-8")


def test_draft_resolves_to_exactly_the_committed_gold(seed_doc):
    draft = json.loads(DRAFT.read_text(encoding="utf-8"))
    resolved = resolve_draft(draft, seed_doc, str(DRAFT))
    text = dump_annotation(annotation_from_dict(resolved, str(DRAFT)))
    assert text == GOLD.read_text(encoding="utf-8"), (
        "the gold differs from what its draft resolves to; edit the draft and run "
        f"python -m bench.authoring {DRAFT.relative_to(ROOT)} -o {GOLD.relative_to(ROOT)}"
    )


def test_every_span_slices_the_document_text(gold, seed_doc):
    bad = [
        (where, m.start, m.end, m.text, seed_doc.text[m.start : m.end])
        for where, m in _spans(gold)
        if not (0 <= m.start < m.end <= len(seed_doc.text)) or seed_doc.text[m.start : m.end] != m.text
    ]
    assert bad == []


def test_nothing_is_annotated_in_the_date_prefix_or_out_of_scope(gold, seed_doc):
    assert gold.out_of_scope, "the seed has an advertisement, a follow-us line and a link list"
    assert [seed_doc.text[s.start : s.end] for s in gold.out_of_scope][:2] == [
        "Advertisement",
        "For all the latest headlines follow our Google News channel online or via the app.",
    ]
    assert seed_doc.text[gold.out_of_scope[-1].start :].startswith("Read more:")
    for where, m in _spans(gold):
        assert m.start >= seed_doc.body_start, where
        assert not any(o.overlaps(m.span) for o in gold.out_of_scope), (where, m)
    for r in gold.relations:
        for s in r.evidence.sentences:
            assert not any(o.overlaps(s) for o in gold.out_of_scope), (r.id, s)


# --------------------------------------------------------------------------- entities


def test_ids_are_unique_and_every_reference_resolves(gold):
    entity_ids = [e.id for e in gold.entities]
    assert len(entity_ids) == len(set(entity_ids))
    relation_ids = [r.id for r in gold.relations]
    assert len(relation_ids) == len(set(relation_ids))
    known = set(entity_ids)
    for e in gold.entities:
        assert e.part_of is None or (e.part_of in known and e.part_of != e.id), e.id
    for r in gold.relations:
        assert {r.head, r.tail} <= known, r.id


def test_part_of_never_cycles(gold):
    parent = {e.id: e.part_of for e in gold.entities}
    for start in parent:
        seen, node = set(), start
        while node is not None:
            assert node not in seen, f"part_of cycle through {start}"
            seen.add(node)
            node = parent[node]


def test_mentions_of_different_clusters_never_overlap(gold):
    owned = [(e.id, m) for e in gold.entities for m in e.mentions]
    clashes = [
        (a, ma.text, b, mb.text)
        for (a, ma), (b, mb) in combinations(owned, 2)
        if a != b and ma.span.overlaps(mb.span)
    ]
    assert clashes == []


def test_a_cluster_never_lists_the_same_span_twice(gold):
    for e in gold.entities:
        spans = [(m.start, m.end) for m in e.mentions]
        assert len(spans) == len(set(spans)), e.id
        assert spans == sorted(spans), e.id


def test_text_alignment_is_unambiguous(gold):
    """No normalised name, alias or mention text belongs to two clusters: the scorer's second
    alignment rule would not know which one a prediction means."""
    owner: dict[str, str] = {}
    for e in gold.entities:
        forms = {e.name, *e.aliases, *(m.text for m in e.mentions)}
        for form in {normalize(f) for f in forms}:
            assert owner.setdefault(form, e.id) == e.id, f"{form!r}: {owner[form]} and {e.id}"


def test_adjectives_and_pronouns_are_not_mentions(gold):
    texts = {m.text.lower() for e in gold.entities for m in e.mentions}
    forbidden = {"russian", "north korean", "chinese", "ukrainian", "he", "his", "they", "its", "it", "which"}
    assert texts.isdisjoint(forbidden)


# --------------------------------------------------------------------------- relations


def test_argument_types_fit_the_roles(gold):
    types = {e.id: e.type for e in gold.entities}
    for r in gold.relations:
        assert r.head != r.tail, r.id
        if r.type is RelationType.VISITED:
            assert types[r.head] in VISITORS and types[r.tail] in DESTINATIONS, r.id
        else:
            assert types[r.head] in PARTICIPANTS and types[r.tail] in PARTICIPANTS, r.id


def test_mode_and_topics_belong_to_discussed_only(gold):
    for r in gold.relations:
        if r.type is RelationType.DISCUSSED:
            assert r.mode is not None and r.topics, r.id
            assert all(t.mentions and t.label == t.label.lower().strip() for t in r.topics), r.id
        else:
            assert r.mode is None and not r.topics, r.id


def test_every_relation_has_a_trigger_inside_its_evidence_sentences(gold, sentences):
    for r in gold.relations:
        assert r.evidence.trigger is not None, r.id
        assert r.evidence.sentences, r.id
        assert all(s in sentences for s in r.evidence.sentences), r.id
        assert list(r.evidence.sentences) == sorted(r.evidence.sentences, key=lambda s: s.start), r.id
        assert any(s.contains(r.evidence.trigger.span) for s in r.evidence.sentences), r.id


def test_one_relation_per_key_per_event(gold):
    keys = [(_key(r), r.event) for r in gold.relations]
    assert len(keys) == len(set(keys))


def test_seed_relations_have_an_event_and_a_valid_time(gold):
    for r in gold.relations:
        assert r.event, r.id
        assert r.time is not None, r.id
        parts = r.time.split("/")
        assert 1 <= len(parts) <= 2, r.id
        for part in parts:
            padded = {4: part + "-01-01", 7: part + "-01", 10: part}[len(part)]
            dt.date.fromisoformat(padded)
        if len(parts) == 2:
            assert parts[0] <= parts[1], r.id


def test_in_person_discussions_come_with_their_meeting(gold):
    met = {(_key(r)[1:], r.event, r.time) for r in gold.relations if r.type is RelationType.MET}
    for r in gold.relations:
        if r.type is RelationType.DISCUSSED and r.mode is Mode.IN_PERSON:
            assert (_key(r)[1:], r.event, r.time) in met, r.id


def test_relations_are_in_trigger_order(gold):
    order = {"visited": 0, "met": 1, "discussed": 2}
    positions = [(r.evidence.trigger.start, order[r.type.value]) for r in gold.relations]
    assert positions == sorted(positions)
    assert [r.id for r in gold.relations] == [f"R{i}" for i in range(1, len(gold.relations) + 1)]


def test_seed_relations_are_the_decided_ones(gold):
    assert {_key(r) for r in gold.relations} == {
        (t, *sorted((h, d)), p, rl) if t != "visited" else (t, h, d, p, rl)
        for t, h, d, p, rl in SEED_RELATIONS
    }


def test_seed_times_resolve_against_the_document_date(gold, seed_doc):
    assert seed_doc.date == dt.date(2023, 10, 16) and seed_doc.date.weekday() == 0  # a Monday
    times = {(r.type.value, r.head, r.tail): r.time for r in gold.relations}
    assert times[("visited", "lavrov", "north_korea")] == "2023-10-18/2023-10-19"
    assert times[("visited", "lavrov", "china")] == seed_doc.date.isoformat()  # "on Monday"
    assert times[("met", "kim", "putin")] == "2023-09"  # "in September", before the document date


def test_seed_discussion_with_wang_yi_gathers_every_restatement(gold, seed_doc, sentences):
    talks = next(r for r in gold.relations if r.type is RelationType.DISCUSSED and "wang_yi" in (r.head, r.tail))
    assert talks.mode is Mode.IN_PERSON
    labels = {t.label: [m.text for m in t.mentions] for t in talks.topics}
    assert labels["ukraine war"] == ["Ukraine war", "war in Ukraine", "Ukrainian crisis"]
    quoted = [seed_doc.text[s.start : s.end] for s in talks.evidence.sentences]
    assert quoted[0].startswith("Lavrov discussed")
    assert any("exchange of views" in q for q in quoted)
    assert any(q.startswith("During the talks") for q in quoted)


def test_judgement_calls_carry_a_note(gold):
    calls = [r for r in gold.relations if (r.type.value, r.head, r.tail) in {
        ("visited", "kim", "moscow"), ("visited", "lavrov", "china"), ("met", "lavrov", "wang_yi"),
        ("met", "kim", "shoigu"),
    }]
    assert len(calls) == 4
    assert all(r.note for r in calls)


# --------------------------------------------------------------------------- the guidelines


def test_guidelines_worked_example_resolves():
    """The draft in section 14 of the guidelines resolves over the text quoted there and gives
    the relations its table lists."""
    guide = GUIDELINES.read_text(encoding="utf-8")
    section = guide.split("## 14. Worked example", 1)[1].split("## 15.", 1)[0]
    quote = " ".join(line[2:] for line in section.splitlines() if line.startswith("> "))
    draft = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))
    doc = document_from_text("example", quote + "\n")
    assert doc.date == dt.date(2024, 3, 4)
    gold = annotation_from_dict(resolve_draft(draft, doc))
    for _, m in _spans(gold):
        assert doc.text[m.start : m.end] == m.text
    assert {_key(r) for r in gold.relations} == {
        ("visited", "wang_yi", "jakarta", "POS", "ACTUAL"),
        ("met", "retno", "wang_yi", "POS", "ACTUAL"),
        ("discussed", "retno", "wang_yi", "POS", "ACTUAL"),
        ("visited", "wang_yi", "bali", "NEG", "PLANNED"),
        ("discussed", "japan_fm", "wang_yi", "POS", "ACTUAL"),
    }
    assert not any(r.type is RelationType.MET and "japan_fm" in (r.head, r.tail) for r in gold.relations)
    sentences = sentence_spans(doc.text, doc.body_start)
    assert all(s in sentences for r in gold.relations for s in r.evidence.sentences)
