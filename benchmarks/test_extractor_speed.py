"""Speed of every installed extractor over the bundled corpus, next to the bare spaCy
pipeline it would be compared with (same documents, batch size and process count), so that
ratios such as "spacy_dep.v1 keeps 90% of the bare pipeline's throughput" or "trigger.v1 is
30x faster than the bare pipeline" are read off one run.

Run: ``.venv/bin/pytest benchmarks/test_extractor_speed.py --benchmark-columns=median,iqr,rounds``
(add ``--benchmark-json=speed.json`` to keep the figures). Each benchmark's ``extra_info``
holds docs, words and words/s at the median; nothing here asserts a speed.

Trainable extractors are fitted before timing (training is not extraction), and every
extractor gets one untimed warm-up pass, so model loading is left out of the figures; the
cold start is measured apart by ``bench.speed``.
"""

from __future__ import annotations

import pytest

from bench import registry
from bench.corpus import iter_words, load_corpus

BATCH_SIZE = 64
ROUNDS = 5


@pytest.fixture(scope="session")
def docs():
    return load_corpus().documents("all")


def _installed() -> list[str]:
    return [i.name for i in registry.list_extractors() if i.installed and i.distribution is not None]


def _record(benchmark, docs, relations: int | None = None) -> None:
    median = benchmark.stats.stats.median
    words = iter_words(docs)
    benchmark.extra_info.update({
        "docs": len(docs), "words": words, "batch_size": BATCH_SIZE,
        "docs_per_s": round(len(docs) / median, 2) if median else None,
        "words_per_s": round(words / median, 1) if median else None,
    })
    if relations is not None:
        benchmark.extra_info["relations"] = relations


@pytest.mark.parametrize("name", _installed())
def test_extractor(benchmark, docs, name):
    params = {"batch_size": BATCH_SIZE} if "batch_size" in registry.declared_parameters(registry.resolve(name)) else {}
    extractor = registry.get_extractor(name, **params)
    if callable(getattr(extractor, "fit", None)):
        from bench.training import default_training_examples

        extractor.fit(default_training_examples())
    warm = list(extractor.extract(docs))
    result = benchmark.pedantic(lambda: list(extractor.extract(docs)), rounds=ROUNDS, iterations=1)
    assert len(result) == len(warm)
    benchmark.extra_info["extractor"] = name
    _record(benchmark, docs, len(result))


@pytest.mark.parametrize("pipeline", ["spacy_full", "spacy_ner_only"])
def test_bare_spacy_pipeline(benchmark, docs, pipeline):
    """The reference: spaCy alone over the same prose, the full pipeline (what spacy_dep.v1
    and classifier.v1 run) and NER only (what cooccurrence.v1 runs)."""
    from bench.extractors.ner import NER_ONLY, load_spacy

    nlp = load_spacy(disable=NER_ONLY if pipeline == "spacy_ner_only" else ())
    bodies = [d.body for d in docs]

    def parse():
        return sum(len(sd) for sd in nlp.pipe(bodies, batch_size=BATCH_SIZE))

    parse()
    benchmark.pedantic(parse, rounds=ROUNDS, iterations=1)
    benchmark.extra_info["extractor"] = pipeline
    _record(benchmark, docs)
