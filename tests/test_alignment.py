"""Alignment of predicted arguments to gold clusters: offsets, then text, else unaligned."""

from __future__ import annotations

from scorer_cases import TEXT, entity, find, standard

from bench.alignment import (
    OFFSETS,
    TEXT_AMBIGUOUS,
    UNALIGNED,
    DocumentAligner,
    backoff_compatible,
    is_unaligned_key,
    part_of_closure,
    unaligned_key,
)
from bench.alignment import TEXT as BY_TEXT
from bench.model import Annotation, ArgumentRef, EntityType


def aligner() -> DocumentAligner:
    return DocumentAligner(standard()[1])


def test_exact_offsets_align_to_the_mention_cluster():
    m = find(TEXT, "Beijing")
    al = aligner().align(ArgumentRef("Beijing", m.start, m.end))
    assert (al.cluster, al.method) == ("B", OFFSETS)


def test_partial_overlap_aligns_by_offsets_even_when_text_differs():
    m = find(TEXT, "Wang Yi")
    al = aligner().align(ArgumentRef("Wang", m.start, m.start + 4))
    assert (al.cluster, al.method) == ("W", OFFSETS)


def test_largest_overlap_wins_over_earlier_mention():
    text = "Foreign Minister Lavrov spoke."
    ann = Annotation(
        "x",
        (
            entity(text, "F", "Foreign Minister", ["Foreign Minister"]),
            entity(text, "L", "Lavrov", ["Lavrov"]),
        ),
        (),
    )
    # "Minister Lavrov": overlaps "Foreign Minister" by 8 characters and "Lavrov" by 6.
    start = text.index("Minister")
    al = DocumentAligner(ann).align(ArgumentRef("Minister Lavrov", start, start + 15))
    assert al.cluster == "F"
    # "ister Lavrov": overlaps by 5 and 6: Lavrov wins.
    start = text.index("ister")
    assert DocumentAligner(ann).align(ArgumentRef("ister Lavrov", start, start + 12)).cluster == "L"


def test_exact_span_wins_over_a_longer_mention_containing_it():
    # A nested mention: "Russian" (GPE) inside "Russian foreign ministry" (ORG).
    text = "The Russian foreign ministry said so."
    ann = Annotation(
        "x",
        (
            entity(text, "MFA", "Russian foreign ministry", ["Russian foreign ministry"], EntityType.ORG),
            entity(text, "RU", "Russia", ["Russian"], EntityType.GPE),
        ),
        (),
    )
    start = text.index("Russian")
    al = DocumentAligner(ann).align(ArgumentRef("Russian", start, start + 7))
    assert al.cluster == "RU"
    # A partial span inside both: equal overlap, the mention closer in length wins.
    al = DocumentAligner(ann).align(ArgumentRef("Russia", start, start + 6))
    assert al.cluster == "RU"


def test_offsets_overlapping_nothing_fall_back_to_text():
    start = TEXT.index("on Monday")
    al = aligner().align(ArgumentRef("Lavrov", start, start + 2))
    assert (al.cluster, al.method) == ("L", BY_TEXT)


def test_text_matches_mentions_aliases_and_canonical_names_after_normalising():
    a = aligner()
    assert a.align(ArgumentRef("Sergei Lavrov")).cluster == "L"  # canonical name
    assert a.align(ArgumentRef("LAVROV’s")).cluster == "L"  # mention, normalised
    assert a.align(ArgumentRef("the Antony Blinken")).cluster == "K"
    assert a.align(ArgumentRef("Pyongyang")).method == BY_TEXT


def test_ambiguous_text_chooses_the_earliest_cluster_and_records_the_candidates():
    text = "Kim met Kim."
    ann = Annotation(
        "x",
        (
            entity(text, "K2", "Kim Yo Jong", ["Kim#2"], aliases=["Kim"]),
            entity(text, "K1", "Kim Jong Un", ["Kim#1"], aliases=["Kim"]),
        ),
        (),
    )
    al = DocumentAligner(ann).align(ArgumentRef("Kim"))
    assert al.method == TEXT_AMBIGUOUS
    assert al.cluster == "K1"  # its first mention comes first
    assert al.candidates == ("K1", "K2")


def test_unaligned_argument_is_kept_with_a_marked_key():
    a = aligner()
    al = a.align(ArgumentRef("Emmanuel Macron"))
    assert (al.cluster, al.method, al.aligned) == (None, UNALIGNED, False)
    key = a.key(ArgumentRef("Emmanuel Macron"))
    assert is_unaligned_key(key) and key == unaligned_key("emmanuel  MACRON")
    assert not is_unaligned_key(a.key(ArgumentRef("Lavrov")))


def test_alignments_are_cached_per_argument():
    a = aligner()
    first = a.align(ArgumentRef("Lavrov"))
    assert a.align(ArgumentRef("Lavrov")) is first


def test_part_of_closure_is_transitive_and_survives_cycles():
    text = "District, Beijing, China."
    ann = Annotation(
        "x",
        (
            entity(text, "D", "District", ["District"], part_of="B"),
            entity(text, "B", "Beijing", ["Beijing"], part_of="C"),
            entity(text, "C", "China", ["China"], part_of="D"),  # a cycle in bad gold
        ),
        (),
    )
    closure = part_of_closure(ann)
    assert closure["D"] == {"D", "B", "C"}
    assert backoff_compatible(closure, "D", "C") and backoff_compatible(closure, "C", "D")


def test_backoff_goes_up_and_down_but_never_sideways():
    closure = part_of_closure(standard()[1])
    assert backoff_compatible(closure, "C", "B")  # predicted China, gold Beijing
    assert backoff_compatible(closure, "B", "C")  # predicted Beijing, gold China
    assert not backoff_compatible(closure, "S", "B")  # Shanghai is not Beijing
    assert backoff_compatible(closure, "L", "L")
    assert not backoff_compatible(closure, "L", "W")
