"""Fixtures of the challenge-suite tests: the generated cases, once per session."""

from __future__ import annotations

import pytest

from bench.challenge import generate


@pytest.fixture(scope="session")
def test_cases():
    return generate(seed=0, side="test")


@pytest.fixture(scope="session")
def train_cases():
    return generate(seed=0, side="train")
