"""Speed of the scorer and of the bootstrap, on a synthetic corpus of the target size.

Targets (issue: scorer): scoring 1,000,000 predictions against 100,000 gold relations over
10,000 documents, pair tier, at >= 500,000 predictions/s; 1,000 bootstrap resamples over
10,000 documents in under one second. Nothing here asserts a speed: the figures are in each
benchmark's ``extra_info`` (``predictions_per_s`` at the median) and in the README.

Run: ``.venv/bin/pytest benchmarks/test_scoring_speed.py --benchmark-columns=min,median,iqr,rounds``

The corpus: 10,000 documents of 20 entity clusters (two mentions each) and 10 gold relations
(types, polarity and realis mixed); 100 predictions per document: the 10 gold relations and
90 random pairs; 90% of arguments carry the exact offsets of a mention, 5% overlap a mention
partially, 5% are text only (half of those match no entity). Every timed call is a fresh
``score_corpus`` unless the name says "prepared", so gold indexing and argument alignment are
included.
"""

from __future__ import annotations

import random

import pytest

from bench.model import (
    Annotation,
    ArgumentRef,
    Document,
    Entity,
    EntityType,
    Mention,
    Polarity,
    PredictedRelation,
    Realis,
    Relation,
    RelationType,
)
from bench.scoring import TIERS, Scorer, ScoringConfig, score_corpus
from bench.stats import BootstrapConfig, Resamples, bootstrap_statistics, compare_systems

N_DOCS = 10_000
GOLD_PER_DOC = 10
PREDS_PER_DOC = 100
ENTITIES = 20
ROUNDS = 5


def synthetic(n_docs=N_DOCS, seed=0):
    rng = random.Random(seed)
    types = list(RelationType)
    docs, gold, preds = {}, {}, []
    for d in range(n_docs):
        doc_id = f"s{d:05d}"
        parts, ents, pos = [], [], 0
        for e in range(ENTITIES):
            name = f"Person{e} Name{d % 97}"
            mentions = []
            for _ in range(2):
                mentions.append(Mention(pos, pos + len(name), name))
                parts.append(name + " spoke. ")
                pos += len(name) + 8
            ents.append(Entity(f"E{e}", EntityType.PER, name, tuple(mentions)))
        rels = []
        for r in range(GOLD_PER_DOC):
            h, t = rng.sample(range(ENTITIES), 2)
            rels.append(
                Relation(
                    f"R{r}", rng.choice(types), f"E{h}", f"E{t}",
                    Polarity.NEG if rng.random() < 0.05 else Polarity.POS,
                    rng.choice([Realis.ACTUAL] * 8 + [Realis.PLANNED, Realis.OTHER]),
                )
            )
        docs[doc_id] = Document(doc_id, "".join(parts))
        gold[doc_id] = Annotation(doc_id, tuple(ents), tuple(rels))

        for p in range(PREDS_PER_DOC):
            if p < GOLD_PER_DOC:
                r = rels[p]
                h, t, rtype = int(r.head[1:]), int(r.tail[1:]), r.type
            else:
                h, t = rng.sample(range(ENTITIES), 2)
                rtype = rng.choice(types)
            head, tail = _argument(rng, ents[h]), _argument(rng, ents[t])
            preds.append(PredictedRelation(doc_id, rtype, head, tail, Realis.ACTUAL))
    return docs, gold, preds


def _argument(rng: random.Random, entity: Entity) -> ArgumentRef:
    """90% exact mention offsets, 5% a partial overlap, 5% text only (half unknown)."""
    m = entity.mentions[rng.randrange(2)]
    x = rng.random()
    if x < 0.90:
        return ArgumentRef(m.text, m.start, m.end)
    if x < 0.95:
        return ArgumentRef(m.text[:7], m.start, m.start + 7)
    return ArgumentRef(m.text if x < 0.975 else f"Nobody{rng.randrange(50)}")


@pytest.fixture(scope="module")
def corpus():
    return synthetic()


def _rate(benchmark, n: int) -> None:
    median = benchmark.stats.stats.median
    benchmark.extra_info.update({
        "documents": N_DOCS,
        "gold_relations": N_DOCS * GOLD_PER_DOC,
        "predictions": n,
        "predictions_per_s": round(n / median) if median else None,
    })


def test_pair_tier_fresh(benchmark, corpus):
    """The target: pair tier, counts only, from scratch (gold indexing and alignment included)."""
    docs, gold, preds = corpus
    result = benchmark.pedantic(
        lambda: score_corpus(docs, gold, preds, tiers=("pair",), details=False),
        rounds=ROUNDS, iterations=1, warmup_rounds=1,
    )
    assert result.totals("pair").sum() > 0
    _rate(benchmark, len(preds))


def test_pair_tier_prepared(benchmark, corpus):
    """Pair tier on prepared gold (``Scorer``), as when several systems are scored."""
    docs, gold, preds = corpus
    scorer = Scorer(docs, gold, ScoringConfig(("pair",)))
    benchmark.pedantic(lambda: scorer.score(preds, details=False), rounds=ROUNDS, iterations=1, warmup_rounds=1)
    _rate(benchmark, len(preds))


def test_all_tiers_with_taxonomy_counts(benchmark, corpus):
    """Every tier, alignment statistics and the taxonomy class counts (records not built)."""
    docs, gold, preds = corpus
    benchmark.pedantic(lambda: score_corpus(docs, gold, preds, tiers=TIERS, details=True), rounds=3, iterations=1, warmup_rounds=1)
    _rate(benchmark, len(preds))


@pytest.fixture(scope="module")
def two_systems(corpus):
    docs, gold, preds = corpus
    scorer = Scorer(docs, gold)
    a = scorer.score(preds, "a", details=False)
    b = scorer.score(preds[::2], "b", details=False)
    return a, b


def test_bootstrap_1000_resamples(benchmark, two_systems):
    """The target: draw 1,000 resamples over 10,000 documents and compute every tier's micro,
    macro and per-type F1 on each, for one system."""
    a, _ = two_systems

    def run():
        plan = Resamples(len(a.doc_ids), 1000, seed=0)
        return bootstrap_statistics(a, plan)

    stats = benchmark.pedantic(run, rounds=ROUNDS, iterations=1, warmup_rounds=1)
    assert stats["pair"]["micro"].shape == (1000,)
    benchmark.extra_info.update({"documents": len(a.doc_ids), "resamples": 1000, "tiers": len(a.tiers)})


def test_paired_comparison(benchmark, two_systems):
    """A vs B on every tier: paired bootstrap intervals (1,000 resamples) and approximate
    randomisation (10,000 rounds) over 10,000 documents."""
    a, b = two_systems
    config = BootstrapConfig(resamples=1000, rounds=10_000, seed=0)
    out = benchmark.pedantic(lambda: compare_systems(a, b, config), rounds=3, iterations=1)
    assert len(out) == 2 * len(a.tiers)
    benchmark.extra_info.update({"documents": len(a.doc_ids), "resamples": 1000, "rounds": 10_000})
