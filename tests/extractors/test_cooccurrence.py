"""cooccurrence.v1: every same-sentence person pair and (person, place) pair."""

from __future__ import annotations

import pytest

from bench.conformance import check_extractor
from bench.corpus import document_from_text
from bench.extractors.cooccurrence import CooccurrenceExtractor
from bench.model import RelationType

pytestmark = pytest.mark.slow

TEXT = (
    " date 2024-03-05 President Samuel Otieno met Chancellor Markus Feldmann in Berlin on Tuesday. "
    "Otieno later flew to Paris.\n\nAnna Berglund stayed at home."
)


@pytest.fixture(scope="module")
def relations():
    return list(CooccurrenceExtractor().extract([document_from_text("d1", TEXT)]))


def keyset(rels):
    return {(r.type, r.head.text, r.tail.text) for r in rels}


def test_pairs_within_sentences(relations):
    keys = keyset(relations)
    assert (RelationType.MET, "Samuel Otieno", "Markus Feldmann") in keys
    assert (RelationType.DISCUSSED, "Samuel Otieno", "Markus Feldmann") in keys
    assert (RelationType.VISITED, "Samuel Otieno", "Berlin") in keys
    assert (RelationType.VISITED, "Markus Feldmann", "Berlin") in keys
    assert (RelationType.VISITED, "Otieno", "Paris") in keys
    # nobody is paired across sentences, and no relation has a topic, realis or polarity
    assert not any("Anna Berglund" in (r.head.text, r.tail.text) for r in relations)
    assert all(r.realis is None and r.polarity is None and not r.topics for r in relations)


def test_offsets_and_evidence(relations):
    for r in relations:
        for arg in (r.head, r.tail):
            assert TEXT[arg.start : arg.end] == arg.text
        (sentence,) = r.evidence
        assert sentence.start <= min(r.head.start, r.tail.start) and max(r.head.end, r.tail.end) <= sentence.end


def test_one_relation_per_document_level_pair():
    # spaCy labels the second "Kadri Tamm" ORG; the name seen as a person earlier wins
    text = "Foreign Minister Anna Berglund met Prime Minister Kadri Tamm in Tallinn. Later, Anna Berglund thanked Kadri Tamm for the visit."
    rels = [r for r in CooccurrenceExtractor().extract([document_from_text("d2", text)]) if r.type is RelationType.MET]
    assert len(rels) == 1 and len(rels[0].evidence) == 2


def test_same_person_is_not_paired_with_herself():
    text = "Kadri Tamm arrived. Tamm and Kadri Tamm's aide Jonas Kellberg met reporters."
    rels = CooccurrenceExtractor().extract([document_from_text("d3", text)])
    assert not any({r.head.text, r.tail.text} == {"Tamm", "Kadri Tamm"} for r in rels)


def test_rejects_bad_parameters():
    with pytest.raises(ValueError):
        CooccurrenceExtractor(batch_size=0)


def test_conforms():
    check_extractor(CooccurrenceExtractor())
