"""Speed of the loaders: the manifest, the documents and their gold, prediction files, and
annotation parsing and writing.

Run: ``.venv/bin/pytest benchmarks/test_loader_speed.py --benchmark-columns=min,median,iqr,rounds``

What is timed:

- the bundled corpus from disk, without the process cache of ``load_corpus``: the manifest
  alone, every document (read and sha256-checked against the manifest), every gold file
  (parsed and checked), and the three together;
- a synthetic JSONL corpus of 1,000 documents (``bench synth``) read with
  ``bench.corpus.read_documents``, the path ``bench extract`` and ``bench.speed`` take;
- a prediction file of 100,000 lines (the gold of the bundled corpus as predictions,
  repeated, with offsets, topics and evidence) read with ``bench.predictions.read_predictions``,
  with and without the offset checks against the documents, and written back;
- annotation JSON parsed into the data model (``annotation_from_dict``) and dumped in the
  canonical form (``dump_annotation``), for every gold file of the corpus.

Each benchmark's ``extra_info`` carries its size (documents, lines, annotations) and the rate
at the median. Nothing here asserts a speed.
"""

from __future__ import annotations

import json

import pytest

from bench.corpus import Corpus, load_corpus, read_documents, read_manifest
from bench.jsonio import annotation_from_dict, annotation_to_dict, dump_annotation, dump_predictions
from bench.predictions import read_predictions
from bench.scoring import gold_as_predictions

PREDICTION_LINES = 100_000
SYNTH_DOCS = 1_000
ROUNDS = 5
LARGE_ROUNDS = 3  # the 100,000-line files: a few seconds a round


def _rate(benchmark, what: str, n: int) -> None:
    median = benchmark.stats.stats.median
    benchmark.extra_info.update({what: n, f"{what}_per_s": round(n / median, 1) if median else None})


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="module")
def documents(corpus):
    return {d.id: d for d in corpus.documents("all")}


@pytest.fixture(scope="module")
def annotated_ids(corpus):
    return [i for i in corpus.ids("all") if corpus.annotation_path(i).is_file()]


def _fresh(corpus: Corpus) -> Corpus:
    """The corpus re-read from disk (``load_corpus`` keeps one per process)."""
    return Corpus(corpus.root, read_manifest(corpus.manifest_path))


# --------------------------------------------------------------------------- the corpus


def test_manifest(benchmark, corpus):
    entries = benchmark.pedantic(lambda: read_manifest(corpus.manifest_path), rounds=20, iterations=1, warmup_rounds=1)
    assert len(entries) == len(corpus.entries)
    _rate(benchmark, "documents", len(entries))


def test_documents(benchmark, corpus):
    """Every document: read as UTF-8 without newline translation, sha256 checked."""
    fresh = _fresh(corpus)
    docs = benchmark.pedantic(lambda: fresh.documents("all"), rounds=ROUNDS, iterations=1, warmup_rounds=1)
    assert len(docs) == len(corpus.entries)
    _rate(benchmark, "documents", len(docs))


def test_gold(benchmark, corpus, annotated_ids):
    """Every gold file: read, JSON-parsed with duplicate-key checks, turned into the data model."""
    fresh = _fresh(corpus)
    gold = benchmark.pedantic(lambda: [fresh.annotation(i) for i in annotated_ids], rounds=ROUNDS, iterations=1, warmup_rounds=1)
    assert len(gold) == len(annotated_ids)
    _rate(benchmark, "annotations", len(gold))


def test_manifest_documents_and_gold(benchmark, corpus, annotated_ids):
    """What a run does first: the manifest, then every document and every gold file."""

    def load():
        fresh = _fresh(corpus)
        return fresh.documents("all"), [fresh.annotation(i) for i in annotated_ids]

    docs, gold = benchmark.pedantic(load, rounds=ROUNDS, iterations=1, warmup_rounds=1)
    assert len(docs) == len(corpus.entries) and len(gold) == len(annotated_ids)
    _rate(benchmark, "documents", len(docs))


@pytest.fixture(scope="module")
def synthetic_jsonl(tmp_path_factory):
    from bench.synth import write_corpus

    return write_corpus(tmp_path_factory.mktemp("synth"), SYNTH_DOCS, seed=0).path


def test_synthetic_jsonl_documents(benchmark, synthetic_jsonl):
    docs = benchmark.pedantic(lambda: read_documents(synthetic_jsonl), rounds=ROUNDS, iterations=1, warmup_rounds=1)
    assert len(docs) == SYNTH_DOCS
    _rate(benchmark, "documents", len(docs))
    benchmark.extra_info["words"] = sum(len(d.text.split()) for d in docs)


# --------------------------------------------------------------------------- predictions


@pytest.fixture(scope="module")
def gold_predictions(corpus, annotated_ids):
    preds = [p for i in annotated_ids for p in gold_as_predictions(corpus.annotation(i))]
    assert preds, "the corpus has no gold relations to turn into predictions"
    repeated = (preds * (PREDICTION_LINES // len(preds) + 1))[:PREDICTION_LINES]
    return repeated


@pytest.fixture(scope="module")
def prediction_file(tmp_path_factory, gold_predictions):
    path = tmp_path_factory.mktemp("predictions") / "predictions.jsonl"
    path.write_text(dump_predictions(gold_predictions), encoding="utf-8")
    return path


def test_read_predictions_100k(benchmark, prediction_file):
    """100,000 lines parsed and validated, documents unknown (no offset checks)."""
    preds, problems = benchmark.pedantic(lambda: read_predictions(prediction_file), rounds=LARGE_ROUNDS, iterations=1, warmup_rounds=1)
    assert len(preds) == PREDICTION_LINES and not problems
    _rate(benchmark, "lines", PREDICTION_LINES)


def test_read_predictions_100k_with_offset_checks(benchmark, prediction_file, documents):
    """The same, with every document id and argument offset checked against the texts (what
    ``bench score`` does)."""
    preds, problems = benchmark.pedantic(lambda: read_predictions(prediction_file, documents), rounds=LARGE_ROUNDS, iterations=1, warmup_rounds=1)
    assert len(preds) == PREDICTION_LINES and not problems
    _rate(benchmark, "lines", PREDICTION_LINES)


def test_dump_predictions_100k(benchmark, gold_predictions):
    text = benchmark.pedantic(lambda: dump_predictions(gold_predictions), rounds=LARGE_ROUNDS, iterations=1, warmup_rounds=1)
    assert text.count("\n") == PREDICTION_LINES
    _rate(benchmark, "lines", PREDICTION_LINES)


# --------------------------------------------------------------------------- annotations


@pytest.fixture(scope="module")
def annotation_dicts(corpus, annotated_ids):
    return [json.loads(corpus.annotation_path(i).read_text(encoding="utf-8")) for i in annotated_ids]


def test_parse_annotations(benchmark, annotation_dicts):
    """JSON already loaded: dicts into frozen dataclasses, every field checked."""
    out = benchmark.pedantic(lambda: [annotation_from_dict(d) for d in annotation_dicts], rounds=ROUNDS * 4, iterations=1, warmup_rounds=1)
    assert len(out) == len(annotation_dicts)
    _rate(benchmark, "annotations", len(out))
    benchmark.extra_info["relations"] = sum(len(a.relations) for a in out)


def test_dump_annotations(benchmark, annotation_dicts):
    """The data model back to canonical JSON text (what ``save_annotation`` writes)."""
    annotations = [annotation_from_dict(d) for d in annotation_dicts]
    texts = benchmark.pedantic(lambda: [dump_annotation(a) for a in annotations], rounds=ROUNDS * 4, iterations=1, warmup_rounds=1)
    assert [json.loads(t) for t in texts] == [annotation_to_dict(a) for a in annotations]
    _rate(benchmark, "annotations", len(texts))
