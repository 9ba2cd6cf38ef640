"""The speed protocol's reference (the bare spaCy pipeline) and how ``measure`` consumes output.

The reference is checked with a stand-in for the spaCy pipeline (no model load) except in the
one ``slow`` test that measures the real pipeline in a fresh process, as ``bench run`` does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import weakref

import pytest

import bench.extractors.ner
import bench.speed_reference
from bench.corpus import document_from_text
from bench.errors import BenchError
from bench.model import ArgumentRef, PredictedRelation, RelationType
from bench.speed import measure, measure_reference_in_subprocess, ratio_text
from bench.speed_reference import (
    RATIO_KEY,
    REFERENCE_NAME,
    SpacyPipelineReference,
    reference_params,
    unavailable,
)

DOCS = [
    document_from_text("a", "date 2024-01-05 Anna Berg met Carl Dahl in Oslo."),
    document_from_text("b", "date 2024-01-06 Eva Lind flew to Rome on Monday and met the mayor there."),
    document_from_text("c", "date 2024-01-07 Talks ended."),
]


class FakeNlp:
    """Records what ``pipe`` is given; yields one object per text, as spaCy yields Docs."""

    def __init__(self):
        self.calls: list[tuple[list[str], dict]] = []

    def pipe(self, texts, **options):
        texts = list(texts)
        self.calls.append((texts, options))
        for t in texts:
            yield t.split()


@pytest.fixture
def fake_spacy(monkeypatch):
    nlp = FakeNlp()
    loaded: list[tuple] = []

    def load_spacy(disable=()):
        loaded.append(tuple(disable))
        return nlp

    monkeypatch.setattr(bench.extractors.ner, "load_spacy", load_spacy)
    monkeypatch.setattr(bench.speed_reference, "unavailable", lambda: None)
    nlp.loaded = loaded
    return nlp


def test_reference_copies_spacy_dep_pipeline_batch_size_and_processes():
    from bench.extractors.spacy_dep import SpacyDepExtractor

    params = reference_params()
    assert params["batch_size"] == SpacyDepExtractor().batch_size
    assert params["disable"] == sorted(SpacyDepExtractor.DISABLE)
    assert params["n_process"] == getattr(SpacyDepExtractor(), "n_process", 1)


def test_reference_parses_each_body_and_yields_no_relations(fake_spacy):
    ref = SpacyPipelineReference()
    params = reference_params()
    assert fake_spacy.loaded == [tuple(params["disable"])]  # the shared loader, spacy_dep.v1's exclusions
    assert list(ref.extract(DOCS)) == []
    ((texts, options),) = fake_spacy.calls
    assert texts == [d.body for d in DOCS]  # the prose, without the date prefix
    assert options == {"batch_size": params["batch_size"], "n_process": params["n_process"]}
    ref = SpacyPipelineReference(batch_size=8, n_process=2, disable=[])
    list(ref.extract(DOCS[:1]))
    assert fake_spacy.calls[-1][1] == {"batch_size": 8, "n_process": 2} and fake_spacy.loaded[-1] == ()
    with pytest.raises(BenchError, match="batch_size must be a positive integer"):
        SpacyPipelineReference(batch_size=0)


def test_reference_is_refused_without_spacy(monkeypatch):
    monkeypatch.setattr(bench.speed_reference, "unavailable", lambda: "spaCy is not installed")
    with pytest.raises(BenchError, match="speed reference: spaCy is not installed"):
        SpacyPipelineReference()


class Pairs:
    """An extractor: one relation per document."""

    name = "pairs.test"

    def __init__(self, **params):
        self.params = params

    def extract(self, docs):
        for d in docs:
            yield PredictedRelation(d.id, RelationType.MET, ArgumentRef("A"), ArgumentRef("B"))


def test_reference_is_measured_like_an_extractor(fake_spacy):
    params = reference_params()
    ref = measure(REFERENCE_NAME, params, DOCS, repeats=5, warmup=0, factory=SpacyPipelineReference)
    ext = measure("pairs.test", {}, DOCS, repeats=5, warmup=0, factory=Pairs)
    assert ref.relations == 0 and ext.relations == len(DOCS)
    assert ref.extractor == "spacy_pipeline" and ref.params == params
    assert (ref.documents, ref.words, ref.repeats) == (ext.documents, ext.words, ext.repeats) == (3, 21, 5)
    assert ref.words == sum(len(d.body.split()) for d in DOCS)
    assert set(ref.to_dict()) == set(ext.to_dict())
    # warm-up 0: the first call, 5 timed passes and 3 one-document latency calls
    assert len(fake_spacy.calls) == 1 + 5 + 3


def test_measure_counts_output_without_keeping_it():
    """Each pass consumes the extractor's output one relation at a time: when a relation is
    produced, the one given two steps before is gone (a list would keep them all)."""
    alive: list[weakref.ref] = []

    class Relation:
        pass

    class Streaming:
        def __init__(self, **params):
            self.params = params

        def extract(self, docs):
            for _ in range(50 * len(docs)):
                if len(alive) >= 2:
                    assert alive[-2]() is None, "measure kept an earlier relation"
                r = Relation()
                alive.append(weakref.ref(r))
                yield r
                del r

    result = measure("stream.test", {}, DOCS, repeats=5, warmup=1, factory=Streaming)
    assert result.relations == 150


def test_ratio_text():
    assert [ratio_text(x) for x in (18.437, 0.9312, 1.0, 250.4, None)] == ["18.4×", "0.93×", "1.00×", "250×", "-"]
    assert ratio_text(None, "–") == "–" and ratio_text(float("nan")) == "-"
    assert RATIO_KEY == "words_per_s_vs_spacy"


def test_speed_command_line_takes_an_extractor_or_the_reference():
    proc = subprocess.run(
        [sys.executable, "-m", "bench.speed", "--extractor", "oracle.v1", "--reference", "spacy", "--input", "seed"],
        capture_output=True, text=True,
    )
    assert proc.returncode == 2 and "not allowed with argument" in proc.stderr


@pytest.mark.slow
def test_real_spacy_reference_in_a_fresh_process():
    if unavailable():
        pytest.skip(unavailable())
    from bench.corpus import read_documents

    docs = read_documents("seed", None)
    res = measure_reference_in_subprocess("spacy", reference_params(), "seed", repeats=5, warmup=0)
    assert res.extractor == "spacy_pipeline" and res.relations == 0
    assert res.documents == len(docs) and res.words == sum(len(d.body.split()) for d in docs)
    assert res.words_per_s > 0 and res.params == json.loads(json.dumps(reference_params()))


def test_first_pass_is_timed_apart_and_shows_what_repeats_save():
    """An extractor that memoises work on text it has seen is slow on the first pass over the
    documents (the warm-up) and fast on the timed passes, which repeat them; the first pass is
    reported so that the difference shows."""
    import time as _time

    class Memoising:
        def __init__(self, **params):
            self.params, self.seen = params, set()

        def extract(self, docs):
            for d in docs:
                if d.id not in self.seen:
                    self.seen.add(d.id)
                    _time.sleep(0.02)
                yield from ()

    r = measure("memo.test", {}, DOCS, repeats=5, warmup=1, factory=Memoising)
    # the first call saw DOCS[0]; the first pass pays for the other two documents
    assert r.first_pass_s >= 0.04 and r.pass_median_s < 0.02
    assert r.first_pass_words_per_s == pytest.approx(r.words / r.first_pass_s, rel=1e-3)
    assert r.first_pass_words_per_s < r.words_per_s
    assert measure("memo.test", {}, DOCS, repeats=5, warmup=0, factory=Memoising).first_pass_s is None
