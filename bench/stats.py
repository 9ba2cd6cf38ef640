"""Uncertainty of scores: paired bootstrap intervals and paired approximate randomisation.

Both work from per-document counts (``SystemScore.counts``), never from predictions, so a
stored JSON report is enough to compare two systems later.

- **Bootstrap.** Documents are resampled with replacement, ``resamples`` times (default 1000),
  from a numpy ``Generator`` seeded with ``seed``. The resamples are drawn once, as a weight
  matrix (how often each document is drawn in each resample), and the same matrix is used for
  every system and tier: the intervals are *paired*. Each statistic (micro F1, macro F1, the
  per-type F1s) is recomputed on each resample from the summed counts, with the same
  zero-division rule as the point estimate; the 95% interval is the 2.5th and 97.5th
  percentile (linear interpolation). The interval of a difference between two systems is the
  percentile interval of the per-resample differences.
- **Approximate randomisation.** For A vs B, each round swaps every document's counts between
  the two systems with probability 1/2 (``rounds`` rounds, default 10,000, from a generator
  seeded with ``seed``); the p-value is ``(r + 1) / (rounds + 1)`` where ``r`` counts rounds
  whose absolute F1 difference is at least the observed one (two-sided, add-one smoothed).
- **Too few documents.** With fewer than ``min_docs`` documents (default 10) no interval or
  p-value is given: the value is None and a reason says why ("only 1 document; a bootstrap
  interval needs at least 10"). A false-precise interval is worse than none.

The bootstrap and the randomisation draw from two independent streams spawned from ``seed``
(``numpy.random.SeedSequence(seed).spawn(2)``), so changing one does not change the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .errors import BenchError, ParameterError
from .scoring import TYPE_NAMES, SystemScore

DEFAULT_RESAMPLES = 1000
DEFAULT_ROUNDS = 10_000
DEFAULT_MIN_DOCS = 10
DEFAULT_SEED = 0
STATISTICS = ("micro", "macro", *TYPE_NAMES)  # micro F1, macro F1, per-type F1

# Rows of a resample matrix generated or multiplied at once: bounds memory to about
# _CHUNK_CELLS float64 values whatever the corpus size.
_CHUNK_CELLS = 4_000_000


@dataclass(frozen=True, slots=True)
class BootstrapConfig:
    """Settings of the bootstrap and the randomisation test; recorded in every report."""

    resamples: int = DEFAULT_RESAMPLES
    seed: int = DEFAULT_SEED
    min_docs: int = DEFAULT_MIN_DOCS
    rounds: int = DEFAULT_ROUNDS
    confidence: float = 0.95

    def __post_init__(self):
        for name, low in (("resamples", 0), ("rounds", 0), ("min_docs", 2), ("seed", 0)):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int | np.integer) or v < low:
                raise ParameterError(name, "bootstrap", [f"an integer >= {low}"], v)
        c = self.confidence
        if isinstance(c, bool) or not isinstance(c, int | float) or not 0.0 < c < 1.0:
            raise ParameterError("confidence", "bootstrap", ["a number in (0, 1)"], c)

    def to_dict(self) -> dict:
        return {
            "method": "paired percentile bootstrap over documents",
            "seed": int(self.seed),
            "resamples": int(self.resamples),
            "min_docs": int(self.min_docs),
            "confidence": self.confidence,
            "test": "paired approximate randomisation over documents, two-sided, add-one smoothed",
            "rounds": int(self.rounds),
        }


def _streams(seed: int) -> tuple[np.random.Generator, np.random.Generator]:
    boot, perm = np.random.SeedSequence(int(seed)).spawn(2)
    return np.random.default_rng(boot), np.random.default_rng(perm)


def too_few_reason(n_docs: int, config: BootstrapConfig, what: str = "a bootstrap interval") -> str | None:
    """Why no interval is given, or None when one can be.

    >>> too_few_reason(1, BootstrapConfig())
    'only 1 document; a bootstrap interval needs at least 10'
    """
    if n_docs < config.min_docs:
        noun = "document" if n_docs == 1 else "documents"
        return f"only {n_docs} {noun}; {what} needs at least {config.min_docs}"
    if what.startswith("a bootstrap") and config.resamples == 0:
        return "bootstrap disabled (0 resamples)"
    if what.startswith("a p-value") and config.rounds == 0:
        return "randomisation test disabled (0 rounds)"
    return None


class Resamples:
    """A resampling plan: ``weights[b, d]`` is how many times document ``d`` is drawn in
    resample ``b``. Drawn once from the seed; reused for every system so intervals and
    differences are paired.

    >>> r = Resamples(n_docs=5, resamples=3, seed=7)
    >>> r.weights.shape, [int(x) for x in r.weights.sum(axis=1)]
    ((3, 5), [5, 5, 5])
    """

    __slots__ = ("n_docs", "resamples", "seed", "weights")

    def __init__(self, n_docs: int, resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED):
        self.n_docs = n_docs
        self.resamples = resamples
        self.seed = seed
        rng, _ = _streams(seed)
        dtype = np.uint16 if n_docs < 2**16 else np.uint32
        weights = np.zeros((resamples, n_docs), dtype=dtype)
        if n_docs and resamples:
            rows = max(1, _CHUNK_CELLS // n_docs)
            for b0 in range(0, resamples, rows):
                b1 = min(resamples, b0 + rows)
                idx = rng.integers(0, n_docs, size=(b1 - b0, n_docs))
                idx += np.arange(b1 - b0)[:, None] * n_docs
                weights[b0:b1] = np.bincount(idx.ravel(), minlength=(b1 - b0) * n_docs).reshape(
                    b1 - b0, n_docs
                )
        self.weights = weights

    def sums(self, counts: np.ndarray) -> np.ndarray:
        """Resampled column sums of a ``(n_docs, m)`` count matrix: ``(resamples, m)``."""
        counts = np.asarray(counts, dtype=np.float64)
        if counts.shape[0] != self.n_docs:
            raise BenchError(f"counts have {counts.shape[0]} documents; the resamples were drawn for {self.n_docs}")
        out = np.empty((self.resamples, counts.shape[1]), dtype=np.float64)
        rows = max(1, _CHUNK_CELLS // max(self.n_docs, 1))
        for b0 in range(0, self.resamples, rows):
            b1 = min(self.resamples, b0 + rows)
            out[b0:b1] = self.weights[b0:b1].astype(np.float64) @ counts
        return out


def f1_statistics(counts: np.ndarray, zero_division: float = 0.0) -> dict[str, np.ndarray]:
    """Micro F1, macro F1 and per-type F1 from count arrays of shape ``(..., 3 types, 3)``,
    vectorised over the leading axes, with the scorer's rules (macro over the types with any
    gold or prediction; 0/0 is ``zero_division``)."""
    counts = np.asarray(counts, dtype=np.float64)
    tp, fp, fn = counts[..., 0], counts[..., 1], counts[..., 2]
    den = 2 * tp + fp + fn
    with np.errstate(divide="ignore", invalid="ignore"):
        per_type = np.where(den > 0, 2 * tp / np.where(den > 0, den, 1), zero_division)
        tot = counts.sum(axis=-2)
        mden = 2 * tot[..., 0] + tot[..., 1] + tot[..., 2]
        micro = np.where(mden > 0, 2 * tot[..., 0] / np.where(mden > 0, mden, 1), zero_division)
        included = den > 0
        k = included.sum(axis=-1)
        macro = np.where(k > 0, (per_type * included).sum(axis=-1) / np.maximum(k, 1), zero_division)
    out = {"micro": micro, "macro": macro}
    for j, name in enumerate(TYPE_NAMES):
        out[name] = per_type[..., j]
    return out


@dataclass(frozen=True, slots=True)
class Interval:
    """A confidence interval, or None-valued bounds with the reason there is none."""

    low: float | None
    high: float | None
    reason: str | None = None

    def to_json(self) -> list[float] | None:
        return None if self.low is None else [self.low, self.high]


def percentile_interval(values: np.ndarray, confidence: float) -> Interval:
    alpha = (1.0 - confidence) / 2.0
    lo, hi = np.percentile(values, [100 * alpha, 100 * (1 - alpha)])
    return Interval(float(lo), float(hi))


def _stacked(score: SystemScore, tiers: tuple[str, ...]) -> np.ndarray:
    """``(n_docs, len(tiers) * 9)`` counts of the given tiers side by side."""
    return np.concatenate([score.counts[t].reshape(len(score.doc_ids), 9) for t in tiers], axis=1)


def bootstrap_statistics(
    score: SystemScore, resamples: Resamples, tiers: tuple[str, ...] | None = None
) -> dict[str, dict[str, np.ndarray]]:
    """Per tier, each statistic of ``STATISTICS`` on every resample: ``{tier: {stat: (B,)}}``."""
    tiers = tuple(tiers or score.tiers)
    sums = resamples.sums(_stacked(score, tiers)).reshape(resamples.resamples, len(tiers), 3, 3)
    stats = f1_statistics(sums, score.config.zero_division)
    return {t: {s: stats[s][:, i] for s in STATISTICS} for i, t in enumerate(tiers)}


def bootstrap_ci(
    score: SystemScore,
    config: BootstrapConfig | None = None,
    resamples: Resamples | None = None,
    tiers: tuple[str, ...] | None = None,
) -> dict[str, dict[str, Interval]]:
    """95% (``config.confidence``) percentile intervals of micro, macro and per-type F1, per
    tier: ``{tier: {stat: Interval}}``. Pass ``resamples`` to share one plan across systems;
    otherwise one is drawn from ``config.seed``."""
    config = config or BootstrapConfig()
    tiers = tuple(tiers or score.tiers)
    reason = too_few_reason(len(score.doc_ids), config)
    if reason is not None:
        return {t: {s: Interval(None, None, reason) for s in STATISTICS} for t in tiers}
    resamples = resamples or Resamples(len(score.doc_ids), config.resamples, config.seed)
    stats = bootstrap_statistics(score, resamples, tiers)
    return {t: {s: percentile_interval(v, config.confidence) for s, v in stats[t].items()} for t in tiers}


def approximate_randomisation(
    counts_a: np.ndarray,
    counts_b: np.ndarray,
    rounds: int = DEFAULT_ROUNDS,
    seed: int = DEFAULT_SEED,
    zero_division: float = 0.0,
) -> dict[str, np.ndarray]:
    """Two-sided p-values of the F1 differences between two systems on the same documents.

    ``counts_a`` and ``counts_b`` have shape ``(n_docs, T, 3, 3)`` (T tiers). Returns
    ``{stat: (T,) p-values}`` for ``STATISTICS``. Each round swaps every document's counts
    between A and B with probability 1/2; ``p = (r + 1) / (rounds + 1)``.
    """
    a = np.asarray(counts_a, dtype=np.float64)
    b = np.asarray(counts_b, dtype=np.float64)
    if a.shape != b.shape:
        raise BenchError(f"paired test needs equal shapes; got {a.shape} and {b.shape}")
    n = a.shape[0]
    shape = a.shape[1:]
    observed = {
        s: np.abs(f1_statistics(a.sum(axis=0), zero_division)[s] - f1_statistics(b.sum(axis=0), zero_division)[s])
        for s in STATISTICS
    }
    hits = {s: np.zeros(shape[:-2], dtype=np.int64) for s in STATISTICS}
    _, rng = _streams(seed)
    diff = (b - a).reshape(n, -1)
    tot_a = a.sum(axis=0).reshape(-1)
    tot_b = b.sum(axis=0).reshape(-1)
    rows = max(1, _CHUNK_CELLS // max(n, 1))
    for r0 in range(0, rounds, rows):
        r1 = min(rounds, r0 + rows)
        swap = rng.integers(0, 2, size=(r1 - r0, n), dtype=np.int8).astype(np.float64)
        moved = swap @ diff
        sa = f1_statistics((tot_a + moved).reshape(r1 - r0, *shape), zero_division)
        sb = f1_statistics((tot_b - moved).reshape(r1 - r0, *shape), zero_division)
        for s in STATISTICS:
            hits[s] += (np.abs(sa[s] - sb[s]) >= observed[s] - 1e-12).sum(axis=0)
    return {s: (hits[s] + 1) / (rounds + 1) for s in STATISTICS}


@dataclass(frozen=True, slots=True)
class Comparison:
    """System A vs system B on one tier and one statistic (``micro`` or ``macro`` F1)."""

    a: str
    b: str
    tier: str
    statistic: str
    f1_a: float
    f1_b: float
    ci95: Interval
    p_value: float | None
    p_value_reason: str | None = None

    @property
    def difference(self) -> float:
        return self.f1_a - self.f1_b

    def to_dict(self) -> dict:
        out = {
            "a": self.a, "b": self.b, "tier": self.tier, "metric": f"{self.statistic}_f1",
            "f1_a": self.f1_a, "f1_b": self.f1_b, "difference": self.difference,
            "ci95": self.ci95.to_json(),
        }
        if self.ci95.reason is not None:
            out["ci95_reason"] = self.ci95.reason
        out["p_value"] = self.p_value
        if self.p_value_reason is not None:
            out["p_value_reason"] = self.p_value_reason
        return out


def compare_systems(
    a: SystemScore,
    b: SystemScore,
    config: BootstrapConfig | None = None,
    resamples: Resamples | None = None,
    statistics: tuple[str, ...] = ("micro", "macro"),
    boot: Mapping[str, Mapping[str, Mapping[str, np.ndarray]]] | None = None,
) -> list[Comparison]:
    """A vs B on every tier both were scored on: the F1 difference (A minus B), its paired
    bootstrap interval and the approximate-randomisation p-value.

    ``boot`` may carry precomputed ``bootstrap_statistics`` per system name (the report does
    this so each system is resampled once).
    """
    config = config or BootstrapConfig()
    if a.doc_ids != b.doc_ids:
        raise BenchError(
            f"systems {a.name!r} and {b.name!r} were scored on different documents; "
            "a paired comparison needs the same documents"
        )
    if a.config.hash != b.config.hash:
        raise BenchError(f"systems {a.name!r} and {b.name!r} were scored with different scoring configurations")
    tiers = tuple(t for t in a.tiers if t in b.tiers)
    n = len(a.doc_ids)
    zd = a.config.zero_division
    ci_reason = too_few_reason(n, config)
    p_reason = too_few_reason(n, config, "a p-value")
    boot_a = boot_b = None
    if ci_reason is None:
        if boot is not None and a.name in boot and b.name in boot:
            boot_a, boot_b = boot[a.name], boot[b.name]
        else:
            resamples = resamples or Resamples(n, config.resamples, config.seed)
            boot_a = bootstrap_statistics(a, resamples, tiers)
            boot_b = bootstrap_statistics(b, resamples, tiers)
    pvals = None
    if p_reason is None:
        stack_a = np.stack([a.counts[t] for t in tiers], axis=1)
        stack_b = np.stack([b.counts[t] for t in tiers], axis=1)
        pvals = approximate_randomisation(stack_a, stack_b, config.rounds, config.seed, zd)
    out = []
    for i, t in enumerate(tiers):
        point_a = f1_statistics(a.totals(t), zd)
        point_b = f1_statistics(b.totals(t), zd)
        for s in statistics:
            if boot_a is not None:
                ci = percentile_interval(boot_a[t][s] - boot_b[t][s], config.confidence)
            else:
                ci = Interval(None, None, ci_reason)
            p = float(pvals[s][i]) if pvals is not None else None
            out.append(Comparison(a.name, b.name, t, s, float(point_a[s]), float(point_b[s]), ci, p, p_reason))
    return out
