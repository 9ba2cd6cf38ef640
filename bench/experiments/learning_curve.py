"""Learning curve: a trainable extractor's F1 on held-out documents as its training data grows.

The training pool is the one ``bench run`` fits trainable extractors on
(``bench.training.default_training_examples``: the constructed corpus's dev split and the
challenge suite's training templates, the default of every path that fits one), or with
``pool="bundled"`` the small hand-written ``classifier_train.jsonl``. For each fraction
and seed a subsample of the pool is drawn *stratified by source split* (each split keeps its
share, at least one document of each), the extractor is fitted on it alone and scored on the
evaluation split (``test`` by default) in every tier, with a bootstrap interval over the
evaluation documents.

The evaluation split is used for evaluation only: every fraction, seed and parameter is fixed
before it is read, nothing is chosen from its scores, and a pool that contains any of its
documents (by id or by text) is refused. The full pool is the same for every seed, so the
100% point is run once.

Subsampling is deterministic: a fraction and seed give the same documents on any machine
(``random.Random`` seeded with a string, no global state).
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import BenchError
from ..extractors.base import TrainingExample
from ..model import Annotation, Document
from ..scoring import TIERS, Scorer, ScoringConfig
from ..stats import BootstrapConfig, Resamples, bootstrap_ci

DEFAULT_FRACTIONS = (0.1, 0.25, 0.5, 1.0)
DEFAULT_SEEDS = tuple(range(5))
POOLS = ("runner", "bundled")


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """One fitted model: its training subsample and its scores on the evaluation split.

    ``seed`` is None for the full pool (every seed draws the same documents). ``f1`` holds the
    micro F1 of every tier; ``ci95`` the bootstrap interval of each over the evaluation
    documents (None with too few documents).
    """

    fraction: float
    seed: int | None
    train_examples: int
    train_by_split: dict[str, int]
    f1: dict[str, float]
    precision: float
    recall: float
    ci95: dict[str, tuple[float, float] | None]
    relations: int
    fit_s: float
    extract_s: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "fraction": self.fraction, "seed": self.seed,
            "train_examples": self.train_examples, "train_by_split": dict(self.train_by_split),
            "f1": {t: round(v, 6) for t, v in self.f1.items()},
            "pair_precision": round(self.precision, 6), "pair_recall": round(self.recall, 6),
            "ci95": {t: None if c is None else [round(c[0], 6), round(c[1], 6)] for t, c in self.ci95.items()},
            "relations": self.relations,
            "fit_s": round(self.fit_s, 3), "extract_s": round(self.extract_s, 3),
        }


@dataclass(frozen=True, slots=True)
class CurveSummary:
    """The runs of one fraction, summarised for one tier: mean, sample standard deviation
    (None for a single run), min and max of F1 over seeds."""

    fraction: float
    tier: str
    runs: int
    train_examples: float
    mean: float
    std: float | None
    low: float
    high: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "fraction": self.fraction, "tier": self.tier, "runs": self.runs,
            "train_examples": round(self.train_examples, 1), "mean": round(self.mean, 6),
            "std": None if self.std is None else round(self.std, 6),
            "min": round(self.low, 6), "max": round(self.high, 6),
        }


@dataclass(frozen=True, slots=True)
class LearningCurve:
    points: tuple[CurvePoint, ...]
    extractor: str
    params: dict[str, Any]
    eval_split: str
    eval_documents: int
    pool: str
    pool_by_split: dict[str, int]
    tiers: tuple[str, ...]
    bootstrap: dict[str, Any] = field(default_factory=dict)

    def summary(self, tier: str = "pair") -> list[CurveSummary]:
        return summarise(self.points, tier)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "relation-bench learning curve",
            "extractor": self.extractor, "params": dict(self.params),
            "evaluation": {"split": self.eval_split, "documents": self.eval_documents},
            "pool": {"source": self.pool, "examples": sum(self.pool_by_split.values()), "by_split": dict(self.pool_by_split)},
            "tiers": list(self.tiers),
            "bootstrap": dict(self.bootstrap),
            "summary": {t: [s.to_dict() for s in self.summary(t)] for t in self.tiers},
            "points": [p.to_dict() for p in self.points],
        }


# --------------------------------------------------------------------------- data


def training_pool(pool: str = "runner", corpus_root=None) -> list[TrainingExample]:
    """The full training set a learning curve subsamples (see the module docstring)."""
    if pool == "runner":
        from ..training import default_training_examples

        return default_training_examples(corpus_root=corpus_root)
    if pool == "bundled":
        from ..training import bundled_examples

        return list(bundled_examples())
    raise BenchError(f"unknown training pool {pool!r}; choose one of: {', '.join(POOLS)}")


def split_of(example: TrainingExample) -> str:
    return example.document.split or "other"


def subsample(examples: Sequence[TrainingExample], fraction: float, seed: int) -> list[TrainingExample]:
    """A stratified sample: ``round(fraction * n)`` examples of each source split (at least
    one), chosen by ``random.Random(f"learning-curve:{seed}:{split}")``, in pool order.

    >>> from bench.model import Annotation, Document
    >>> pool = [TrainingExample(Document(f"d{i}", "x", split="a" if i < 8 else "b"), Annotation(f"d{i}", (), ())) for i in range(10)]
    >>> [e.document.id for e in subsample(pool, 0.5, seed=0)] == [e.document.id for e in subsample(pool, 0.5, seed=0)]
    True
    >>> sorted({e.document.split for e in subsample(pool, 0.1, seed=3)})
    ['a', 'b']
    """
    if not 0.0 < fraction <= 1.0:
        raise BenchError(f"a training fraction must be in (0, 1]; got {fraction}")
    groups: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        groups.setdefault(split_of(ex), []).append(i)
    chosen: list[int] = []
    for split, idx in sorted(groups.items()):
        k = min(len(idx), max(1, round(fraction * len(idx))))
        chosen += random.Random(f"learning-curve:{seed}:{split}").sample(idx, k)
    return [examples[i] for i in sorted(chosen)]


def check_held_out(pool: Sequence[TrainingExample], eval_docs: Sequence[Document], eval_split: str) -> None:
    """Refuse a pool that holds a test split or any evaluation document (by id or text)."""
    from ..training import check_training_splits

    check_training_splits(sorted({split_of(ex) for ex in pool}))
    ids = {d.id for d in eval_docs}
    texts = {d.text for d in eval_docs}
    leaked = [ex.document.id for ex in pool if ex.document.id in ids or ex.document.text in texts]
    if leaked:
        raise BenchError(
            f"the training pool contains {len(leaked)} document(s) of the evaluation split {eval_split!r} "
            f"({', '.join(leaked[:5])}{' ...' if len(leaked) > 5 else ''}); a learning curve never trains on what it scores"
        )


# --------------------------------------------------------------------------- running


def run_learning_curve(
    factory: Callable[[], Any],
    pool: Sequence[TrainingExample],
    eval_docs: Sequence[Document],
    eval_gold: Mapping[str, Annotation],
    fractions: Sequence[float] = DEFAULT_FRACTIONS,
    seeds: Sequence[int] = DEFAULT_SEEDS,
    tiers: Sequence[str] = TIERS,
    bootstrap: BootstrapConfig | None = None,
    eval_split: str = "test",
    progress: Callable[[str], None] | None = None,
) -> list[CurvePoint]:
    """Fit ``factory()`` on each subsample and score it on ``eval_docs``; one point per
    (fraction, seed), a single point for a fraction that takes the whole pool."""
    if not pool:
        raise BenchError("the training pool is empty")
    if not eval_gold:
        raise BenchError(f"the evaluation split {eval_split!r} has no gold to score against")
    check_held_out(pool, eval_docs, eval_split)
    bootstrap = bootstrap or BootstrapConfig()
    scorer = Scorer({d.id: d for d in eval_docs}, eval_gold, ScoringConfig(tuple(tiers)))
    plan = None
    if bootstrap.resamples and len(scorer.doc_ids) >= bootstrap.min_docs:
        plan = Resamples(len(scorer.doc_ids), bootstrap.resamples, bootstrap.seed)
    points: list[CurvePoint] = []
    for fraction in sorted(set(fractions)):
        full = all(round(fraction * n) >= n for n in _split_sizes(pool).values())
        for seed in ([None] if full else list(dict.fromkeys(seeds))):
            train = list(pool) if seed is None else subsample(pool, fraction, seed)
            if progress:
                progress(f"fraction {fraction:g}, seed {'all' if seed is None else seed}: {len(train)} training examples")
            extractor = factory()
            t0 = time.perf_counter()
            extractor.fit(train)
            fit_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            predictions = list(extractor.extract(list(eval_docs)))
            extract_s = time.perf_counter() - t0
            score = scorer.score(predictions, details=False)
            intervals = bootstrap_ci(score, bootstrap, resamples=plan) if plan is not None else None
            pair = score.metrics("pair")["micro"]
            points.append(CurvePoint(
                fraction=fraction, seed=seed, train_examples=len(train),
                train_by_split=dict(sorted(_split_sizes(train).items())),
                f1={t: score.metrics(t)["micro"]["f1"] for t in score.tiers},
                precision=pair["precision"], recall=pair["recall"],
                ci95={t: None if intervals is None else (intervals[t]["micro"].low, intervals[t]["micro"].high) for t in score.tiers},
                relations=len(predictions), fit_s=fit_s, extract_s=extract_s,
            ))
    return points


def _split_sizes(examples: Sequence[TrainingExample]) -> dict[str, int]:
    out: dict[str, int] = {}
    for ex in examples:
        out[split_of(ex)] = out.get(split_of(ex), 0) + 1
    return out


def summarise(points: Sequence[CurvePoint], tier: str = "pair") -> list[CurveSummary]:
    """Per fraction: mean, standard deviation, min and max of ``tier`` F1 over the seeds."""
    out = []
    for fraction in sorted({p.fraction for p in points}):
        runs = [p for p in points if p.fraction == fraction and tier in p.f1]
        if not runs:
            continue
        values = [p.f1[tier] for p in runs]
        out.append(CurveSummary(
            fraction, tier, len(values), statistics.fmean(p.train_examples for p in runs),
            statistics.fmean(values), statistics.stdev(values) if len(values) > 1 else None,
            min(values), max(values),
        ))
    return out


# --------------------------------------------------------------------------- rendering


def render_markdown(curve: LearningCurve, tiers: Sequence[str] = ("pair", "strict", "lenient")) -> str:
    """The summary table (mean +- sd [min-max] per tier over seeds), then every run."""
    tiers = [t for t in tiers if t in curve.tiers]
    header = ["training fraction", "examples", "runs", *(f"{t} F1 mean \u00b1 sd [min\u2013max]" for t in tiers)]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---:"] * len(header)) + "|"]
    summaries = {t: {s.fraction: s for s in curve.summary(t)} for t in tiers}
    for fraction in sorted({p.fraction for p in curve.points}):
        first = summaries[tiers[0]][fraction]
        cells = [f"{100 * fraction:g}%", f"{first.train_examples:.0f}", str(first.runs)]
        for t in tiers:
            s = summaries[t][fraction]
            sd = "" if s.std is None else f" \u00b1 {100 * s.std:.1f}"
            cells.append(f"{100 * s.mean:.1f}{sd} [{100 * s.low:.1f}\u2013{100 * s.high:.1f}]")
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Every run (pair-tier P, R and F1 with its 95% bootstrap interval over the evaluation documents):", ""]
    lines += ["| fraction | seed | examples | by split | P | R | pair F1 [95% CI] | relations |", "|---:|---:|---:|---|---:|---:|---:|---:|"]
    for p in curve.points:
        ci = p.ci95.get("pair")
        f1 = f"{100 * p.f1['pair']:.1f}" + (f" [{100 * ci[0]:.1f}, {100 * ci[1]:.1f}]" if ci else "")
        split = ", ".join(f"{k} {v}" for k, v in p.train_by_split.items())
        lines.append(f"| {100 * p.fraction:g}% | {'all' if p.seed is None else p.seed} | {p.train_examples} | {split} | {100 * p.precision:.1f} | {100 * p.recall:.1f} | {f1} | {p.relations} |")
    return "\n".join(lines) + "\n"


def render_csv(curve: LearningCurve) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["fraction", "seed", "train_examples", *(f"{t}_f1" for t in curve.tiers), "pair_precision", "pair_recall", "pair_ci_low", "pair_ci_high", "relations"])
    for p in curve.points:
        ci = p.ci95.get("pair") or (None, None)
        w.writerow([
            p.fraction, "all" if p.seed is None else p.seed, p.train_examples,
            *(round(p.f1[t], 6) for t in curve.tiers), round(p.precision, 6), round(p.recall, 6),
            None if ci[0] is None else round(ci[0], 6), None if ci[1] is None else round(ci[1], 6), p.relations,
        ])
    return buf.getvalue()


def plot_png(curve: LearningCurve, tiers: Sequence[str] = ("pair", "strict")) -> bytes:
    """F1 against the number of training examples (log scale): each run as a dot, the mean
    over seeds as a line, the min-max range over seeds as a band, and the bootstrap interval
    of the full-pool run (evaluation-set noise) as an error bar."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=120)
    colours = ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple")
    shown = [t for t in tiers if t in curve.tiers]
    for k, (colour, tier) in enumerate(zip(colours, shown, strict=False)):
        summary = curve.summary(tier)
        xs = [s.train_examples for s in summary]
        ax.plot(xs, [100 * s.mean for s in summary], "-", color=colour, label=f"{tier} (mean over seeds)")
        ax.fill_between(xs, [100 * s.low for s in summary], [100 * s.high for s in summary], color=colour, alpha=0.15, linewidth=0)
        ax.plot([p.train_examples for p in curve.points], [100 * p.f1[tier] for p in curve.points], "o", color=colour, markersize=3, alpha=0.6)
        full = [p for p in curve.points if p.seed is None and p.ci95.get(tier)]
        for p in full:
            lo, hi = p.ci95[tier]
            x = p.train_examples * (1.0 + 0.04 * k)  # side by side, not on top of each other
            ax.errorbar([x], [100 * p.f1[tier]], yerr=[[100 * (p.f1[tier] - lo)], [100 * (hi - p.f1[tier])]], color=colour, capsize=4, fmt="none",
                        label=f"{tier}: 95% bootstrap CI over {curve.eval_split} documents")
    ax.set_xscale("log")
    ticks = sorted({round(s.train_examples) for s in curve.summary(shown[0])}) if shown else []
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.minorticks_off()
    ax.set_xlabel("training examples (documents, log scale)")
    ax.set_ylabel(f"micro F1 x 100 on {curve.eval_split} ({curve.eval_documents} documents)")
    ax.set_title(f"{curve.extractor}: learning curve")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()
