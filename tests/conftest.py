"""Shared fixtures: the bundled corpus and the seed document."""

from __future__ import annotations

import pytest

from bench.corpus import load_corpus

SEED_ID = "000_12a61b80a6d06b2b"


@pytest.fixture(scope="session")
def corpus():
    return load_corpus()


@pytest.fixture(scope="session")
def seed_doc(corpus):
    return corpus.document(SEED_ID)
