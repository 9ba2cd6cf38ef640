"""Rendering templates: exact offsets, mentions by the guidelines, triggers, time."""

from __future__ import annotations

import datetime as dt

import pytest

from bench.challenge.fillers import Person, Place
from bench.challenge.render import Fill, RelSpec, TemplateError, build_gold, render, resolve_time
from bench.model import EntityType, Mode, Polarity, Realis, RelationType

ANA = Person("Ana", "Silva", "f", "Foreign Minister")
KOFI = Person("Kofi", "Mensah", "m", "Trade Minister")
FILL = Fill(
    people={"A": ANA, "B": KOFI},
    places={"L": Place("Peru", "Lima"), "X": Place("Kenya", "Nairobi")},
    topics={"T": "a free trade agreement"},
    words={"DAY": "Monday", "DAY2": "Friday", "MONTH": "March"},
)


def test_render_records_exact_spans():
    r = render(("{A.title} [met] {B} in {L}.", "{A.Subj} [met] {A.poss} <counterpart|B> again."), FILL)
    assert r.text == "Foreign Minister Ana Silva met Kofi Mensah in Lima. She met her counterpart again."
    for key, spans in r.mentions.items():
        for s, e, _ in spans:
            assert r.text[s:e] in {"Ana Silva", "Kofi Mensah", "Lima", "counterpart"}, key
    assert [r.text[s:e] for s, e, _ in r.mentions["A"]] == ["Ana Silva"]  # no pronoun mention
    assert [r.text[s:e] for s, e, _ in r.mentions["B"]] == ["Kofi Mensah", "counterpart"]
    assert r.aliases["A"] == ["Foreign Minister Ana Silva", "Foreign Minister"]
    assert [t[0] for t in r.triggers] == ["met", "met"]
    assert [(r.text[s.start:s.end]) for s in r.sentences] == [
        "Foreign Minister Ana Silva met Kofi Mensah in Lima.", "She met her counterpart again.",
    ]


def test_role_mention_leaves_out_the_article():
    r = render(("{A.Role} [arrived].",), FILL)
    (s, e, kind), = r.mentions["A"]
    assert r.text.startswith("The foreign minister") and r.text[s:e] == "foreign minister" and kind == "nominal"


def test_alias_variant_uses_the_surname():
    assert render(("{A.alias} left.",), FILL, variant=0).text == "Ana Silva left."
    assert render(("{A.alias} left.",), FILL, variant=1).text == "Silva left."


def test_build_gold_entities_relations_and_evidence():
    text, ann, ids = build_gold(
        "d1", "t", ("{A} [arrived] in {X.capital} on {DAY}.", "{A.Subj} [held talks] with {B} in {X} on {T}."),
        (
            RelSpec(RelationType.VISITED, "A", "X.capital", "arrived", time="DAY"),
            RelSpec(RelationType.MET, "A", "B", "held talks"),
            RelSpec(RelationType.DISCUSSED, "B", "A", "held talks", mode=Mode.IN_PERSON, topics=("T",)),
        ),
        FILL, date=dt.date(2024, 3, 6),
    )
    ents = ann.entities_by_id
    assert [e.name for e in ann.entities] == ["Ana Silva", "Nairobi", "Kofi Mensah", "Kenya"]  # order of first mention
    assert ents[ids["X.capital"]].part_of == ids["X"]
    assert ents[ids["A"]].type is EntityType.PER and ents[ids["X"]].type is EntityType.GPE
    visited, met, discussed = ann.relations
    assert visited.time == "2024-03-04"  # past tense Monday before Wednesday 6 March
    # the pronoun sentence needs the antecedent sentence as evidence
    assert len(met.evidence.sentences) == 2 and met.evidence.sentences == discussed.evidence.sentences
    assert met.event == discussed.event != visited.event
    assert (discussed.head, discussed.tail) == (ids["A"], ids["B"])  # participants in order of mention
    assert discussed.topics[0].label == "free trade agreement"
    assert discussed.topics[0].mentions[0].text == "a free trade agreement"
    for rel in ann.relations:
        t = rel.evidence.trigger
        assert text[t.start:t.end] == t.text
    assert all(r.polarity is Polarity.POS and r.realis is Realis.ACTUAL for r in ann.relations)


@pytest.mark.parametrize(
    "sentences, rels, message",
    [
        (("{A} met {B}.",), (RelSpec(RelationType.MET, "A", "B", "met"),), "not marked"),
        (("{A} [met] someone.",), (RelSpec(RelationType.MET, "A", "B", "met"),), "never mentioned"),
        (("{Q} [met] {B}.",), (), "unknown slot"),
        (("{A.nickname} [met] {B}.",), (), "unknown person form"),
        (("[{A} met {B}.",), (), "unclosed"),
    ],
)
def test_template_errors_say_what_is_wrong(sentences, rels, message):
    with pytest.raises(TemplateError, match=message):
        build_gold("d", "t", sentences, rels, FILL)


@pytest.mark.parametrize(
    "expr, date, future, expected",
    [
        ("DAY", dt.date(2024, 3, 4), False, "2024-03-04"),  # the same Monday
        ("DAY", dt.date(2024, 3, 4), True, "2024-03-04"),
        ("DAY2", dt.date(2024, 3, 4), False, "2024-03-01"),  # the Friday before
        ("DAY2", dt.date(2024, 3, 4), True, "2024-03-08"),
        ("DAY+1", dt.date(2024, 3, 6), False, "2024-03-05"),
        ("MONTH", dt.date(2024, 1, 10), False, "2023-03"),
        ("MONTH", dt.date(2024, 1, 10), True, "2024-03"),
        ("last month", dt.date(2024, 1, 10), False, "2023-12"),
        ("next month", dt.date(2024, 12, 10), True, "2025-01"),
        ("next week", dt.date(2024, 3, 6), True, "2024-03-11/2024-03-17"),
        ("this month", dt.date(2024, 3, 6), True, "2024-03"),
    ],
)
def test_resolve_time(expr, date, future, expected):
    assert resolve_time(expr, date, future, FILL.words) == expected
