"""The data model: frozen, hashable values; closed vocabularies as string enums."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bench.model import (
    Annotation,
    ArgumentRef,
    Document,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Mode,
    Polarity,
    PredictedRelation,
    Realis,
    Relation,
    RelationType,
    Span,
    Topic,
)


def _relation(**kw) -> Relation:
    base = dict(id="R1", type=RelationType.VISITED, head="E1", tail="E2")
    base.update(kw)
    return Relation(**base)


def _annotation() -> Annotation:
    e1 = Entity("E1", EntityType.PER, "Sergei Lavrov", (Mention(0, 6, "Lavrov"),), ("Lavrov",))
    e2 = Entity("E2", EntityType.GPE, "China", (Mention(17, 22, "China"),))
    return Annotation("d1", (e1, e2), (_relation(),))


@pytest.mark.parametrize(
    "value",
    [
        Span(0, 3),
        Mention(0, 3, "abc"),
        Entity("E1", EntityType.PER, "A", (Mention(0, 1, "A"),)),
        Topic("war", (Mention(0, 3, "war"),)),
        Evidence(Mention(0, 3, "met"), (Span(0, 10),)),
        _relation(),
        _annotation(),
        Document("d1", "text"),
        ArgumentRef("Lavrov", 0, 6),
        PredictedRelation("d1", RelationType.MET, ArgumentRef("a"), ArgumentRef("b")),
    ],
    ids=lambda v: type(v).__name__,
)
def test_frozen_and_hashable(value):
    assert dataclasses.is_dataclass(value)
    field = dataclasses.fields(value)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, None)
    assert hash(value) == hash(dataclasses.replace(value))
    assert value == dataclasses.replace(value)
    assert len({value, dataclasses.replace(value)}) == 1
    assert not hasattr(value, "__dict__")  # slotted


def test_equal_values_are_one_set_member_and_different_ones_are_not():
    a, b = _relation(), _relation()
    c = _relation(realis=Realis.PLANNED)
    assert {a, b, c} == {a, c}


def test_enums_are_strings_with_their_values():
    assert RelationType.MET == "met"
    assert RelationType("discussed") is RelationType.DISCUSSED
    assert [t.value for t in EntityType] == ["PER", "ORG", "GPE", "LOC", "FAC"]
    assert {p.value for p in Polarity} == {"POS", "NEG"}
    assert [r.value for r in Realis] == ["ACTUAL", "PLANNED", "OTHER", "GENERIC"]
    assert Mode("in_person") is Mode.IN_PERSON
    assert f"{Realis.ACTUAL}" == "ACTUAL"  # str() is the value, as written to files
    with pytest.raises(ValueError):
        RelationType("visit")


def test_relation_types_roles_and_symmetry():
    assert not RelationType.VISITED.symmetric
    assert RelationType.MET.symmetric and RelationType.DISCUSSED.symmetric
    assert RelationType.VISITED.roles == ("visitor", "destination")
    assert RelationType.MET.roles == ("participant", "participant")
    assert _relation().arguments == {"visitor": "E1", "destination": "E2"}
    assert _relation(type=RelationType.MET).arguments == {"participant_1": "E1", "participant_2": "E2"}


def test_relation_defaults():
    r = _relation()
    assert (r.polarity, r.realis, r.mode, r.topics, r.time, r.event) == (
        Polarity.POS, Realis.ACTUAL, None, (), None, None,
    )
    assert r.evidence == Evidence()


@pytest.mark.parametrize(
    "polarity, realis, positive",
    [
        (Polarity.POS, Realis.ACTUAL, True),
        (Polarity.POS, Realis.PLANNED, True),
        (Polarity.POS, Realis.OTHER, False),
        (Polarity.POS, Realis.GENERIC, False),
        (Polarity.NEG, Realis.ACTUAL, False),
        (Polarity.NEG, Realis.PLANNED, False),
    ],
)
def test_gold_positive(polarity, realis, positive):
    assert _relation(polarity=polarity, realis=realis).is_gold_positive is positive


def test_span_overlap_and_containment_are_half_open():
    assert Span(0, 5).overlaps(Span(4, 6))
    assert not Span(0, 5).overlaps(Span(5, 6))  # touching is not overlapping
    assert Span(0, 5).contains(Span(0, 5)) and Span(0, 5).contains(Span(1, 4))
    assert not Span(0, 5).contains(Span(4, 6))
    assert Mention(3, 7, "abcd").span == Span(3, 7)


def test_annotation_lookup():
    ann = _annotation()
    assert ann.entity("E2").name == "China"
    assert set(ann.entities_by_id) == {"E1", "E2"}
    with pytest.raises(KeyError):
        ann.entity("E9")


def test_document_body_skips_the_date_prefix():
    doc = Document("d1", "date 2023-10-16 Lavrov met Wang Yi.", dt.date(2023, 10, 16), 16)
    assert doc.body == "Lavrov met Wang Yi."


def test_prediction_negative_and_argument_span():
    p = PredictedRelation("d1", RelationType.MET, ArgumentRef("a", 0, 1), ArgumentRef("b"))
    assert not p.is_negative
    assert dataclasses.replace(p, polarity=Polarity.NEG).is_negative
    assert p.head.span == Span(0, 1)
    assert p.tail.span is None
