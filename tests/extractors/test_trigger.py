"""trigger.v1 on constructed sentences, one phenomenon each, and its contract."""

from __future__ import annotations

import pytest

from bench.extractors.trigger import TriggerExtractor

from .phenomena import CASES
from .rule_checks import check_case, document


@pytest.fixture(scope="module")
def extractor():
    return TriggerExtractor()


@pytest.mark.parametrize("name", sorted(CASES))
def test_phenomenon(extractor, name):
    check_case(extractor, name, CASES[name])


def test_seed_article_offsets_slice_and_output_is_deterministic(extractor, seed_doc):
    first = list(extractor.extract([seed_doc]))
    second = list(extractor.extract([seed_doc]))
    assert first == second and first
    for p in first:
        assert seed_doc.text[p.head.start:p.head.end] == p.head.text
        assert p.evidence and all(s.start >= seed_doc.body_start for s in p.evidence)


def test_nothing_from_boilerplate_of_seed(extractor, seed_doc):
    cut = seed_doc.text.index("Read more:")
    for p in extractor.extract([seed_doc]):
        assert p.head.start < cut and p.tail.start < cut


def test_empty_and_prefix_only_documents(extractor):
    assert list(extractor.extract([document("e", "")])) == []
    assert list(extractor.extract([])) == []


def test_conformance(extractor):
    conformance = pytest.importorskip("bench.conformance")
    conformance.check_extractor(extractor)
