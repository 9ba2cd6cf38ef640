"""Paired bootstrap intervals and approximate randomisation over per-document counts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.errors import BenchError, ParameterError
from bench.scoring import ScoringConfig, SystemScore, prf
from bench.stats import (
    BootstrapConfig,
    Resamples,
    approximate_randomisation,
    bootstrap_ci,
    bootstrap_statistics,
    compare_systems,
    f1_statistics,
    too_few_reason,
)


def system(name: str, per_doc: np.ndarray, tiers=("pair",), zero_division=0.0) -> SystemScore:
    """A SystemScore straight from a ``(n_docs, 3, 3)`` count array (same counts every tier)."""
    per_doc = np.asarray(per_doc, dtype=np.int64)
    ids = tuple(f"d{i:03d}" for i in range(per_doc.shape[0]))
    config = ScoringConfig(tiers, zero_division)
    return SystemScore(name, ids, {t: per_doc.copy() for t in config.tiers}, config)


def random_counts(n: int, seed: int, scale: int = 5) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, scale, size=(n, 3, 3))


def test_resample_weights_are_multinomial_draws_fixed_by_the_seed():
    r = Resamples(50, 200, seed=3)
    assert r.weights.shape == (200, 50)
    assert (r.weights.sum(axis=1) == 50).all()
    assert (Resamples(50, 200, seed=3).weights == r.weights).all()
    assert (Resamples(50, 200, seed=4).weights != r.weights).any()


def test_resampled_sums_are_weighted_document_sums():
    r = Resamples(4, 5, seed=1)
    counts = np.arange(4 * 9).reshape(4, 9)
    expected = np.array([[sum(r.weights[b, d] * counts[d, j] for d in range(4)) for j in range(9)] for b in range(5)])
    assert np.array_equal(r.sums(counts), expected)


def test_f1_statistics_agree_with_the_point_estimates():
    counts = np.array([[4, 3, 2], [0, 0, 0], [1, 0, 3]])  # met is empty: excluded from macro
    stats = f1_statistics(counts)
    tot = counts.sum(axis=0)
    assert stats["micro"] == pytest.approx(prf(*tot)["f1"])
    per = [prf(*counts[i])["f1"] for i in (0, 2)]
    assert stats["macro"] == pytest.approx(sum(per) / 2)
    assert stats["visited"] == pytest.approx(per[0])
    assert f1_statistics(np.zeros((3, 3)), zero_division=1.0)["micro"] == 1.0


def test_identical_documents_give_a_degenerate_interval_at_the_point():
    s = system("a", np.tile([[2, 1, 1], [0, 0, 0], [1, 0, 3]], (12, 1, 1)))
    ci = bootstrap_ci(s, BootstrapConfig(resamples=100))["pair"]
    point = s.metrics("pair")["micro"]["f1"]
    assert ci["micro"].low == pytest.approx(point) and ci["micro"].high == pytest.approx(point)


def test_too_few_documents_give_no_interval_but_a_reason():
    s = system("a", random_counts(1, 0))
    ci = bootstrap_ci(s)["pair"]["micro"]
    assert (ci.low, ci.high, ci.to_json()) == (None, None, None)
    assert ci.reason == "only 1 document; a bootstrap interval needs at least 10"
    assert too_few_reason(9, BootstrapConfig()) == "only 9 documents; a bootstrap interval needs at least 10"
    assert too_few_reason(30, BootstrapConfig(resamples=0)) == "bootstrap disabled (0 resamples)"
    assert too_few_reason(3, BootstrapConfig(min_docs=3)) is None


def test_bootstrap_config_checks_its_parameters():
    with pytest.raises(ParameterError, match="'resamples' parameter of bootstrap"):
        BootstrapConfig(resamples=-1)
    with pytest.raises(ParameterError, match="'min_docs'"):
        BootstrapConfig(min_docs=1)
    assert BootstrapConfig().to_dict()["seed"] == 0


def test_same_seed_same_intervals_other_seed_other_intervals():
    s = system("a", random_counts(40, 1))
    one = bootstrap_ci(s, BootstrapConfig(seed=5))
    two = bootstrap_ci(s, BootstrapConfig(seed=5))
    three = bootstrap_ci(s, BootstrapConfig(seed=6))
    assert one == two
    assert one != three


def test_identical_systems_never_differ():
    counts = random_counts(30, 2)
    a, b = system("a", counts), system("b", counts)
    (micro, macro) = compare_systems(a, b, BootstrapConfig(resamples=200, rounds=500))
    assert micro.difference == 0.0
    assert micro.ci95.to_json() == [0.0, 0.0]
    assert micro.p_value == 1.0 and macro.p_value == 1.0


def test_a_clearly_better_system_has_a_small_p_value_and_a_positive_interval():
    n = 40
    good = np.tile([[3, 0, 0], [3, 0, 0], [3, 0, 0]], (n, 1, 1))
    bad = np.tile([[1, 2, 2], [1, 2, 2], [1, 2, 2]], (n, 1, 1))
    rounds = 999
    (micro, _) = compare_systems(system("good", good), system("bad", bad), BootstrapConfig(resamples=300, rounds=rounds))
    assert micro.difference == pytest.approx(1.0 - 1 / 3)
    assert micro.ci95.low > 0
    assert micro.p_value == pytest.approx(1 / (rounds + 1))  # add-one smoothing: never 0


def test_randomisation_p_value_is_exact_for_one_swappable_document():
    # Documents 1..n identical in both systems; only document 0 differs. Swapping it flips
    # the sign of the difference, not its size: every round is as extreme as observed.
    a = np.zeros((12, 1, 3, 3))
    b = np.zeros((12, 1, 3, 3))
    a[:, 0, 0] = [2, 0, 0]
    b[:, 0, 0] = [2, 0, 0]
    a[0, 0, 0] = [5, 0, 0]
    b[0, 0, 0] = [0, 5, 5]
    p = approximate_randomisation(a, b, rounds=200, seed=0)
    assert p["micro"][0] == 1.0


def test_comparisons_need_the_same_documents():
    a = system("a", random_counts(12, 0))
    b = system("b", random_counts(13, 0))
    with pytest.raises(BenchError, match="different documents"):
        compare_systems(a, b)


def test_comparison_with_too_few_documents_says_why():
    (micro, _) = compare_systems(system("a", random_counts(3, 0)), system("b", random_counts(3, 1)))
    d = micro.to_dict()
    assert d["ci95"] is None and d["p_value"] is None
    assert d["ci95_reason"] == "only 3 documents; a bootstrap interval needs at least 10"
    assert d["p_value_reason"] == "only 3 documents; a p-value needs at least 10"


def test_bootstrap_shares_one_plan_across_systems():
    plan = Resamples(20, 100, seed=0)
    a = system("a", random_counts(20, 0))
    b = system("b", random_counts(20, 1))
    sa, sb = bootstrap_statistics(a, plan), bootstrap_statistics(b, plan)
    (micro, _) = compare_systems(a, b, BootstrapConfig(resamples=100), boot={"a": sa, "b": sb})
    diff = sa["pair"]["micro"] - sb["pair"]["micro"]
    assert micro.ci95.low == pytest.approx(np.percentile(diff, 2.5))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(10, 25),
    seed=st.integers(0, 10_000),
    scale=st.integers(1, 8),
)
def test_property_interval_contains_the_point_estimate(n, seed, scale):
    s = system("a", random_counts(n, seed, scale), tiers=("pair", "strict"))
    ci = bootstrap_ci(s, BootstrapConfig(resamples=300, seed=seed))
    for stat in ("micro", "macro"):
        point = s.metrics("pair")[stat]["f1"]
        iv = ci["pair"][stat]
        assert iv.low - 1e-12 <= point <= iv.high + 1e-12


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_property_same_seed_same_comparison(seed):
    a, b = system("a", random_counts(15, seed)), system("b", random_counts(15, seed + 1))
    config = BootstrapConfig(resamples=100, rounds=200, seed=seed)
    one = [c.to_dict() for c in compare_systems(a, b, config)]
    two = [c.to_dict() for c in compare_systems(a, b, config)]
    assert one == two
