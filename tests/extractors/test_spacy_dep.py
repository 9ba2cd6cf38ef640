"""spacy_dep.v1 on the same constructed phenomenon cases as trigger.v1. The spaCy pipeline
is loaded once per session."""

from __future__ import annotations

import pytest

from .phenomena import CASES
from .rule_checks import check_case

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def spacy_extractor():
    from bench.extractors.spacy_dep import SpacyDepExtractor

    return SpacyDepExtractor()


@pytest.mark.parametrize("name", sorted(CASES))
def test_phenomenon(spacy_extractor, name):
    check_case(spacy_extractor, name, CASES[name])


def test_deterministic_and_offsets_on_seed(spacy_extractor, seed_doc):
    first = list(spacy_extractor.extract([seed_doc]))
    assert first == list(spacy_extractor.extract([seed_doc]))
    for p in first:
        assert seed_doc.text[p.tail.start:p.tail.end] == p.tail.text


def test_bad_batch_size_is_refused():
    from bench.errors import ParameterError
    from bench.extractors.spacy_dep import SpacyDepExtractor

    with pytest.raises(ParameterError):
        SpacyDepExtractor(batch_size=0)
