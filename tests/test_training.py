"""bench.training: the one source of training data, and its refusal of evaluation splits."""

from __future__ import annotations

import pytest

from bench import training
from bench.errors import BenchError


@pytest.fixture(scope="module")
def default():
    return training.default_training_examples()


def test_the_default_is_dev_plus_challenge_training_templates_only(default):
    splits = {ex.document.split for ex in default}
    assert "dev" in splits
    assert not splits & {"test", "seed"}
    assert not any(ex.document.id.startswith("000_") for ex in default)
    assert not any(s.endswith("-test") for s in splits if s)


def test_train_default_names_the_same_examples_as_the_runner(default):
    again = training.training_examples("default")
    assert [ex.document.id for ex in again] == [ex.document.id for ex in default]


def test_bundled_is_a_separate_explicit_source():
    bundled = training.training_examples("bundled")
    assert bundled and all(ex.document.split == "train" for ex in bundled)
    ids = {ex.document.id for ex in training.default_training_examples()}
    assert not ids & {ex.document.id for ex in bundled}


@pytest.mark.parametrize("source", ["test", "seed", "all", "challenge-test"])
def test_evaluation_sources_are_refused(source):
    with pytest.raises(BenchError, match="refusing to train"):
        training.training_examples(source)


def test_untrained_baselines_fit_on_the_default_set(monkeypatch):
    """An extractor used before ``fit`` trains on exactly what ``bench run`` trains on."""
    from bench.extractors.classifier import ClassifierExtractor

    calls = []
    small = list(training.bundled_examples())

    def fake_default(*args, **kwargs):
        calls.append((args, kwargs))
        return small

    monkeypatch.setattr(training, "default_training_examples", fake_default)
    ClassifierExtractor()._ensure_fitted()
    assert len(calls) == 1
