"""Speed scaling: how time and memory grow with the size of the input.

Synthetic corpora (``bench.synth``; the first N documents of a seed are the same whatever the
total, so every size is a prefix of the next) of growing size are given to each extractor,
each measurement in its own fresh process through ``bench.speed.measure_in_subprocess`` (cold
start apart, warm-up, at least 5 timed passes; median and interquartile range of the pass
time; peak RSS of the process).

What "linear" means here: the median time of one full pass, ``t(n)``, is fitted by least
squares as ``t = a + b n`` (``n`` documents) and the fit's R^2 is reported; because R^2 over
sizes spread on a log scale is dominated by the largest size, the exponent ``k`` of
``t ~ n^k`` (the slope of log t on log n) is reported too: ``k`` close to 1 is linear, above 1
super-linear. Throughput (docs/s) at every size says the same thing point by point.

What "memory flat" means here: the measuring process holds every document and one pass's
relations in memory (``bench.speed.measure`` reads the corpus into a list and keeps the
relations of a pass in a list), so its peak RSS must grow with the corpus even for an
extractor that streams. Both shares are measured apart: the documents' as the peak RSS of a
fresh process that only reads the corpus (``documents_rss_mb``), the relations' as the number
of relations times their size in memory (``output_mb``; bytes per relation measured once per
extractor with ``tracemalloc`` on a sample of documents, in a fresh process). What remains,
``working_rss_mb`` = peak - documents - relations, is the extractor itself (its libraries,
models, caches and working memory): the figure that should stay flat.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import resource
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BenchError

DEFAULT_SIZES = (100, 1_000, 10_000)


@dataclass(frozen=True, slots=True)
class ExtractorPlan:
    """One extractor to measure, on the sizes up to ``max_docs`` (None: every size)."""

    name: str
    params: dict[str, Any] = field(default_factory=dict)
    max_docs: int | None = None

    @classmethod
    def parse(cls, text: str) -> ExtractorPlan:
        """``NAME`` or ``NAME:MAX_DOCS``, e.g. ``spacy_dep.v1:1000``.

        >>> ExtractorPlan.parse("spacy_dep.v1:1000")
        ExtractorPlan(name='spacy_dep.v1', params={}, max_docs=1000)
        """
        name, _, cap = text.partition(":")
        if not name:
            raise BenchError(f"expected NAME or NAME:MAX_DOCS (e.g. trigger.v1 or spacy_dep.v1:1000); got {text!r}")
        if cap:
            try:
                max_docs = int(cap.replace("_", "").replace(",", ""))
            except ValueError:
                raise BenchError(f"{text!r}: MAX_DOCS must be a whole number of documents; got {cap!r}") from None
            if max_docs < 1:
                raise BenchError(f"{text!r}: MAX_DOCS must be at least 1")
            return cls(name, {}, max_docs)
        return cls(name)

    def sizes(self, sizes: Sequence[int]) -> list[int]:
        return [n for n in sizes if self.max_docs is None or n <= self.max_docs]


@dataclass(frozen=True, slots=True)
class ScalingPoint:
    """One extractor on one corpus size (figures of ``bench.speed.SpeedResult``)."""

    extractor: str
    docs: int
    words: int
    pass_median_s: float
    pass_iqr_s: float
    docs_per_s: float
    words_per_s: float
    cold_start_s: float
    latency_p50_ms: float
    latency_p95_ms: float
    peak_rss_mb: float
    documents_rss_mb: float | None
    harness_overhead: float
    relations: int
    repeats: int
    load_average: float | None = None
    relation_bytes: float | None = None

    @property
    def output_mb(self) -> float | None:
        """Estimated memory of one pass's relations (relations x bytes per relation)."""
        return None if self.relation_bytes is None else round(self.relations * self.relation_bytes / 2**20, 1)

    @property
    def working_rss_mb(self) -> float | None:
        """Peak RSS minus the documents and the relations the harness holds."""
        if self.documents_rss_mb is None:
            return None
        return round(self.peak_rss_mb - self.documents_rss_mb - (self.output_mb or 0.0), 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "extractor": self.extractor, "docs": self.docs, "words": self.words,
            "pass_median_s": self.pass_median_s, "pass_iqr_s": self.pass_iqr_s,
            "docs_per_s": self.docs_per_s, "words_per_s": self.words_per_s,
            "cold_start_s": self.cold_start_s, "latency_p50_ms": self.latency_p50_ms,
            "latency_p95_ms": self.latency_p95_ms, "peak_rss_mb": self.peak_rss_mb,
            "documents_rss_mb": self.documents_rss_mb, "relation_bytes": self.relation_bytes,
            "output_mb": self.output_mb, "working_rss_mb": self.working_rss_mb,
            "harness_overhead": self.harness_overhead, "relations": self.relations,
            "repeats": self.repeats, "load_average_1min": self.load_average,
        }


@dataclass(frozen=True, slots=True)
class LinearFit:
    """``y = intercept + slope * x`` by least squares, its R^2, and the log-log exponent."""

    slope: float
    intercept: float
    r2: float | None
    exponent: float | None
    points: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "slope_s_per_doc": _round(self.slope, 9), "intercept_s": _round(self.intercept, 6),
            "r2": _round(self.r2, 6), "loglog_exponent": _round(self.exponent, 4), "points": self.points,
        }


def _round(x: float | None, digits: int) -> float | None:
    return None if x is None else round(x, digits)


def fit_line(xs: Sequence[float], ys: Sequence[float]) -> LinearFit:
    """Least-squares line through the points, with R^2 (None below 3 points: two points are
    always fitted exactly) and the exponent of ``y ~ x^k`` (None below 2 points).

    >>> f = fit_line([1, 2, 3], [2, 4, 6])
    >>> round(f.slope, 6), round(f.intercept, 6), f.r2, round(f.exponent, 6)
    (2.0, 0.0, 1.0, 1.0)
    """
    n = len(xs)
    if n != len(ys) or n < 2:
        raise BenchError(f"a line needs at least two (x, y) points; got {n} x and {len(ys)} y")
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        raise BenchError("a line needs at least two different sizes")
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    intercept = my - slope * mx
    r2 = None
    if n >= 3:
        ss_tot = sum((y - my) ** 2 for y in ys)
        ss_res = sum((y - intercept - slope * x) ** 2 for x, y in zip(xs, ys, strict=True))
        r2 = 1.0 - ss_res / ss_tot if ss_tot > 0 else 1.0
    exponent = None
    if all(x > 0 for x in xs) and all(y > 0 for y in ys):
        lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
        lmx, lmy = sum(lx) / n, sum(ly) / n
        exponent = sum((a - lmx) * (b - lmy) for a, b in zip(lx, ly, strict=True)) / sum((a - lmx) ** 2 for a in lx)
    return LinearFit(slope, intercept, r2, exponent, n)


# --------------------------------------------------------------------------- corpora


def prepare_corpora(folder: Path, sizes: Sequence[int], seed: int = 0) -> dict[int, Path]:
    """A synthetic JSONL corpus of each size in ``folder`` (kept when already written: the
    generator is deterministic, so an existing file of that seed and size is that corpus)."""
    from ..synth import write_corpus

    out: dict[int, Path] = {}
    for n in sorted(set(sizes)):
        if n < 1:
            raise BenchError(f"corpus sizes must be at least 1 document; got {n}")
        path = folder / f"synth-seed{seed}-{n}.jsonl"
        if not path.is_file():
            path = write_corpus(folder, n, seed, "jsonl", force=True).path
        out[n] = path
    return out


def documents_rss_mb(corpus: Path, timeout: float = 600) -> float:
    """Peak RSS (MB) of a fresh interpreter that imports the package's corpus reader and
    reads ``corpus`` into memory, as ``bench.speed`` does before measuring: the share of an
    extractor's peak RSS that is the documents and the interpreter, not the extractor."""
    cmd = [sys.executable, "-m", "bench.experiments.speed_scaling", str(corpus)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"reading {corpus} took longer than {timeout} s") from None
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise BenchError(f"measuring the memory of the documents of {corpus} failed: {tail}")
    return float(json.loads(proc.stdout.strip().splitlines()[-1])["peak_rss_mb"])


def relation_bytes(name: str, params: dict[str, Any], corpus: Path, sample: int = 100, timeout: float = 1800) -> float:
    """Bytes of Python memory per predicted relation of ``name`` (``tracemalloc`` over one
    pass on the first ``sample`` documents of ``corpus``, after a warm-up), in a fresh process."""
    cmd = [
        sys.executable, "-m", "bench.experiments.speed_scaling", "--relation-bytes", name,
        "--params", json.dumps(params), "--sample", str(sample), str(corpus),
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"measuring the size of {name}'s relations took longer than {timeout} s") from None
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise BenchError(f"measuring the size of {name}'s relations failed: {tail}")
    return float(json.loads(proc.stdout.strip().splitlines()[-1])["bytes_per_relation"])


def run_scaling(
    plans: Sequence[ExtractorPlan],
    corpora: dict[int, Path],
    repeats: int = 5,
    warmup: int = 1,
    timeout: float = 3600,
    measure: Callable[..., Any] | None = None,
    baseline: Callable[[Path], float] | None = documents_rss_mb,
    output_size: Callable[[str, dict, Path], float] | None = relation_bytes,
    progress: Callable[[str], None] | None = None,
) -> list[ScalingPoint]:
    """Measure every plan on its sizes, smallest first; ``measure`` defaults to
    ``bench.speed.measure_in_subprocess`` (a fresh process per measurement). ``baseline``
    and ``output_size`` measure the documents' and the relations' memory (None: not measured)."""
    if measure is None:
        from ..speed import measure_in_subprocess as measure
    base = {n: baseline(path) for n, path in corpora.items()} if baseline is not None else {}
    points: list[ScalingPoint] = []
    for plan in plans:
        sizes = plan.sizes(sorted(corpora))
        per_relation = None
        if output_size is not None and sizes:
            if progress:
                progress(f"{plan.name}: size of a relation in memory")
            per_relation = round(output_size(plan.name, dict(plan.params), corpora[sizes[0]]), 1)
        for n in sizes:
            load = _load_average()
            if progress:
                progress(f"{plan.name} on {n:,} documents (load average {load})")
            r = measure(plan.name, dict(plan.params), str(corpora[n]), repeats, warmup, timeout)
            points.append(ScalingPoint(
                extractor=plan.name, docs=r.documents, words=r.words,
                pass_median_s=r.pass_median_s, pass_iqr_s=r.pass_iqr_s,
                docs_per_s=r.docs_per_s, words_per_s=r.words_per_s, cold_start_s=r.cold_start_s,
                latency_p50_ms=r.latency_p50_ms, latency_p95_ms=r.latency_p95_ms,
                peak_rss_mb=r.peak_rss_mb, documents_rss_mb=base.get(n),
                harness_overhead=r.harness_overhead, relations=r.relations, repeats=r.repeats,
                load_average=load, relation_bytes=per_relation,
            ))
    return points


def _load_average() -> float | None:
    """The 1-minute load average before a measurement: other work on the machine slows it."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def fits(points: Sequence[ScalingPoint]) -> dict[str, LinearFit | None]:
    """Per extractor, the fit of pass time on documents (None with one size only)."""
    out: dict[str, LinearFit | None] = {}
    for name in dict.fromkeys(p.extractor for p in points):
        mine = sorted((p for p in points if p.extractor == name), key=lambda p: p.docs)
        out[name] = fit_line([p.docs for p in mine], [p.pass_median_s for p in mine]) if len({p.docs for p in mine}) >= 2 else None
    return out


# --------------------------------------------------------------------------- rendering


def render_markdown(points: Sequence[ScalingPoint]) -> str:
    """The table of every measurement, then the fit per extractor."""
    lines = [
        "| extractor | docs | words | pass time s (median) | IQR s | docs/s | words/s | cold start s | p50 / p95 ms per doc | peak RSS MB | documents MB | relations MB | extractor MB | load avg |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def mb(x: float | None) -> str:
        return "-" if x is None else f"{x:.0f}"

    for p in points:
        load = "-" if p.load_average is None else f"{p.load_average:.1f}"
        lines.append(
            f"| `{p.extractor}` | {p.docs:,} | {p.words:,} | {p.pass_median_s:.3f} | {p.pass_iqr_s:.3f} | "
            f"{p.docs_per_s:,.1f} | {p.words_per_s:,.0f} | {p.cold_start_s:.2f} | "
            f"{p.latency_p50_ms:.1f} / {p.latency_p95_ms:.1f} | {p.peak_rss_mb:.0f} | {mb(p.documents_rss_mb)} | "
            f"{mb(p.output_mb)} | {mb(p.working_rss_mb)} | {load} |"
        )
    lines += ["", "| extractor | sizes | time = a + b * docs: b (ms/doc) | a (s) | R^2 | exponent k of time ~ docs^k |", "|---|---:|---:|---:|---:|---:|"]
    for name, f in fits(points).items():
        if f is None:
            lines.append(f"| `{name}` | 1 | - | - | - | - |")
            continue
        r2 = "n/a (2 points)" if f.r2 is None else f"{f.r2:.5f}"
        k = "-" if f.exponent is None else f"{f.exponent:.3f}"
        lines.append(f"| `{name}` | {f.points} | {1000 * f.slope:.3f} | {f.intercept:.3f} | {r2} | {k} |")
    return "\n".join(lines) + "\n"


def render_csv(points: Sequence[ScalingPoint]) -> str:
    buf = io.StringIO()
    rows = [p.to_dict() for p in points]
    columns = list(rows[0]) if rows else list(ScalingPoint.__slots__)
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def plot_png(points: Sequence[ScalingPoint]) -> bytes:
    """Left: median pass time against documents (log-log) with each extractor's linear fit;
    right: peak RSS against documents, with the documents-only baseline."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), dpi=120)
    fitted = fits(points)
    colours = ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown")
    for colour, name in zip(colours, fitted, strict=False):
        mine = sorted((p for p in points if p.extractor == name), key=lambda p: p.docs)
        xs = [p.docs for p in mine]
        left.plot(xs, [p.pass_median_s for p in mine], "o", color=colour, label=name)
        f = fitted[name]
        if f is not None:
            grid = [xs[0] * (xs[-1] / xs[0]) ** (i / 50) for i in range(51)]
            r2 = "" if f.r2 is None else f", R\u00b2={f.r2:.4f}"
            left.plot(grid, [max(f.intercept + f.slope * x, 1e-6) for x in grid], "--", color=colour, linewidth=1, label=f"{name} fit{r2}")
        right.plot(xs, [p.peak_rss_mb for p in mine], "o-", color=colour, label=f"{name} peak RSS")
        if all(p.working_rss_mb is not None for p in mine):
            right.plot(xs, [p.working_rss_mb for p in mine], "x--", color=colour, linewidth=1, label=f"{name} minus documents and relations")
    base = sorted({(p.docs, p.documents_rss_mb) for p in points if p.documents_rss_mb is not None})
    if base:
        right.plot([b[0] for b in base], [b[1] for b in base], "s:", color="grey", label="documents only (no extractor)")
    left.set_xscale("log")
    left.set_yscale("log")
    left.set_xlabel("documents (synthetic, ~490 words each)")
    left.set_ylabel("median time of one pass (s)")
    left.set_title("time")
    right.set_xscale("log")
    right.set_ylim(bottom=0)
    right.set_xlabel("documents")
    right.set_ylabel("peak RSS of the measuring process (MB)")
    right.set_title("memory")
    for ax in (left, right):
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _measure_relation_bytes(name: str, params: dict[str, Any], docs: list) -> dict[str, Any]:
    import gc
    import tracemalloc

    from ..registry import get_extractor

    extractor = get_extractor(name, **params)
    if callable(getattr(extractor, "fit", None)) and getattr(extractor, "trainable", False):
        from ..training import default_training_examples

        extractor.fit(default_training_examples())
    list(extractor.extract(docs))  # warm-up: models loaded, caches filled
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    out = list(extractor.extract(docs))
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return {"documents": len(docs), "relations": len(out), "bytes": held,
            "bytes_per_relation": round(held / len(out), 1) if out else 0.0}


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.experiments.speed_scaling CORPUS``: read the corpus as
    ``bench.speed`` does, print the process's peak RSS as JSON (the documents' baseline).

    ``... --relation-bytes NAME [--params JSON] [--sample N] CORPUS``: the bytes per relation
    of NAME's output on the first N documents."""
    import argparse

    from ..corpus import read_documents

    ap = argparse.ArgumentParser(prog="python -m bench.experiments.speed_scaling")
    ap.add_argument("corpus")
    ap.add_argument("--relation-bytes", metavar="NAME", default=None)
    ap.add_argument("--params", default="{}")
    ap.add_argument("--sample", type=int, default=100)
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        docs = read_documents(args.corpus)
        if args.relation_bytes:
            print(json.dumps(_measure_relation_bytes(args.relation_bytes, json.loads(args.params), docs[: args.sample])))
            return 0
    except BenchError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(json.dumps({"documents": len(docs), "peak_rss_mb": round(_peak_rss_mb(), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
