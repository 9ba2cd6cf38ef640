"""The speed protocol: how fast an extractor is, measured so that numbers can be compared.

Each extractor is measured in its own fresh Python process (``measure_in_subprocess``), so one
extractor's loaded models or warm caches never speed up another. Inside that process
(``measure``):

1. cold start: time to import the extractor and build it (model loading included), and the
   time of its first call on one document, reported apart from steady state;
2. warm-up: one full pass over the documents, not timed into the steady-state figures but
   reported apart as the *first pass* (``first_pass_words_per_s``): the text is new to the
   process then, while the timed passes re-run the same documents, so an extractor that
   memoises work on repeated text looks faster in them than on text it has not seen;
3. at least 5 timed repeats of a full pass; the median and interquartile range of the pass
   time give docs/s and words/s;
4. per-document latency: one pass calling the extractor one document at a time, reported as
   p50 / p95 (this defeats batching, so it is a latency figure, not a throughput one);
5. peak resident memory of the process (``ru_maxrss``), the machine's CPU and core count;
6. harness overhead: wall time of the measuring loop minus the time spent inside the
   extractor's own ``extract`` calls, as a fraction of the loop's time.

Every pass consumes the extractor's output by counting it (``relations``), never by keeping
it, so the peak memory is the extractor's own, not that of a list of its relations.

Each figure includes all the work the extractor needs (its own parsing). Nothing here asserts
a speed: figures go to ``speed.json`` and the report.

The same protocol measures the reference the speed goals are stated against: the bare spaCy
pipeline (``bench.speed_reference``; ``python -m bench.speed --reference spacy``,
``measure_reference_in_subprocess``). ``bench run`` reports each extractor's words/s as a
multiple of the reference's (``ratio_text``).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import BenchError
from .model import Document

SPEED_PROTOCOL_VERSION = 2  # 2: the first pass is reported


@dataclass(frozen=True, slots=True)
class SpeedResult:
    """Speed figures of one extractor over one document set."""

    extractor: str
    params: dict[str, Any]
    documents: int
    words: int
    repeats: int
    cold_start_s: float
    first_call_s: float
    pass_median_s: float
    pass_iqr_s: float
    pass_times_s: tuple[float, ...]
    docs_per_s: float
    words_per_s: float
    latency_p50_ms: float
    latency_p95_ms: float
    peak_rss_mb: float
    harness_overhead: float
    relations: int
    machine: dict[str, Any] = field(default_factory=dict)
    protocol_version: int = SPEED_PROTOCOL_VERSION
    first_pass_s: float | None = None  # the first warm-up pass: text new to the process
    first_pass_words_per_s: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["pass_times_s"] = list(self.pass_times_s)
        return d


def machine_info() -> dict[str, Any]:
    """CPU model, core count, platform and Python version of this machine."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu or "unknown",
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile, ``q`` in [0, 100].

    >>> percentile([1, 2, 3, 4], 50)
    2.5
    """
    if not values:
        return 0.0
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux and bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def measure(
    name: str,
    params: dict[str, Any],
    docs: Sequence[Document],
    repeats: int = 5,
    warmup: int = 1,
    latency: bool = True,
    factory=None,
) -> SpeedResult:
    """Measure an extractor in this process (use ``measure_in_subprocess`` for fair figures).

    ``factory`` builds the extractor (default: the registry); the build time is the cold start.
    The output of each call is counted (``relations``: the count of the last timed pass) and
    dropped, never kept in a list, so ``peak_rss_mb`` reflects the extractor and not its output.
    """
    if repeats < 5:
        raise BenchError(f"speed: at least 5 repeats are needed for a median and IQR; got {repeats}")
    if not docs:
        raise BenchError("speed: no documents to measure")
    t0 = time.perf_counter()
    if factory is None:
        from .registry import get_extractor

        extractor = get_extractor(name, **params)
    else:
        extractor = factory(**params)
    if hasattr(extractor, "fit") and getattr(extractor, "trainable", False):
        _fit_default(extractor)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    _count(extractor.extract(docs[:1]))
    first = time.perf_counter() - t0
    first_pass = None
    for k in range(warmup):
        t0 = time.perf_counter()
        _count(extractor.extract(docs))
        if k == 0:
            first_pass = time.perf_counter() - t0
    times: list[float] = []
    relations = 0
    loop_start = time.perf_counter()
    inside = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        n = _count(extractor.extract(docs))
        dt = time.perf_counter() - t0
        inside += dt
        times.append(dt)
        relations = n
    loop = time.perf_counter() - loop_start
    lat: list[float] = []
    if latency:
        for d in docs:
            t0 = time.perf_counter()
            _count(extractor.extract([d]))
            lat.append((time.perf_counter() - t0) * 1000)
    words = sum(len(d.body.split()) for d in docs)
    med = statistics.median(times)
    iqr = percentile(times, 75) - percentile(times, 25)
    return SpeedResult(
        extractor=name,
        params=dict(params),
        documents=len(docs),
        words=words,
        repeats=repeats,
        cold_start_s=round(cold, 6),
        first_call_s=round(first, 6),
        pass_median_s=round(med, 6),
        pass_iqr_s=round(iqr, 6),
        pass_times_s=tuple(round(t, 6) for t in times),
        docs_per_s=round(len(docs) / med, 3) if med > 0 else float("inf"),
        words_per_s=round(words / med, 1) if med > 0 else float("inf"),
        latency_p50_ms=round(percentile(lat, 50), 4),
        latency_p95_ms=round(percentile(lat, 95), 4),
        peak_rss_mb=round(_peak_rss_mb(), 1),
        harness_overhead=round(max(loop - inside, 0.0) / loop, 6) if loop > 0 else 0.0,
        relations=relations,
        machine=machine_info(),
        first_pass_s=None if first_pass is None else round(first_pass, 6),
        first_pass_words_per_s=round(words / first_pass, 1) if first_pass else None,
    )


def _count(relations) -> int:
    """How many items an ``extract`` call gave, consuming them one by one without keeping them."""
    return sum(1 for _ in relations)


def ratio_text(x: float | None, missing: str = "-") -> str:
    """A throughput ratio (an extractor's words/s over the reference's) as a table shows it.

    >>> ratio_text(18.437), ratio_text(0.9312), ratio_text(123.4), ratio_text(None)
    ('18.4×', '0.93×', '123×', '-')
    """
    if not isinstance(x, int | float) or isinstance(x, bool) or x != x:
        return missing
    if x >= 100:
        return f"{x:,.0f}×"
    if x >= 10:
        return f"{x:.1f}×"
    return f"{x:.2f}×"


def _fit_default(extractor) -> None:
    """Trainable extractors are timed after fitting on their default training data; the fit
    time counts into the cold start."""
    try:
        from .training import default_training_examples
    except ImportError:
        return
    extractor.fit(default_training_examples())


def measure_in_subprocess(
    name: str,
    params: dict[str, Any],
    docs_source: str,
    repeats: int = 5,
    warmup: int = 1,
    timeout: float | None = 900,
    corpus_root: str | None = None,
) -> SpeedResult:
    """Run ``measure`` in a fresh interpreter over the documents of ``docs_source`` (a split
    name, folder or JSONL file, as for ``bench extract``) and return its result."""
    return _in_subprocess(["--extractor", name], name, params, docs_source, repeats, warmup, timeout, corpus_root)


def measure_reference_in_subprocess(
    reference: str,
    params: dict[str, Any],
    docs_source: str,
    repeats: int = 5,
    warmup: int = 1,
    timeout: float | None = 900,
    corpus_root: str | None = None,
) -> SpeedResult:
    """As ``measure_in_subprocess``, for a reference of ``bench.speed_reference.REFERENCES``
    (``"spacy"``: the bare spaCy pipeline) instead of a registered extractor."""
    return _in_subprocess(["--reference", reference], f"the {reference} reference", params, docs_source, repeats, warmup, timeout, corpus_root)


def _in_subprocess(
    what: list[str], name: str, params: dict[str, Any], docs_source: str, repeats: int, warmup: int,
    timeout: float | None, corpus_root: str | None,
) -> SpeedResult:
    cmd = [
        sys.executable, "-m", "bench.speed", *what, "--params", json.dumps(params),
        "--input", docs_source, "--repeats", str(repeats), "--warmup", str(warmup),
    ]
    if corpus_root:
        cmd += ["--root", corpus_root]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"speed: {name} did not finish within {timeout} s") from None
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise BenchError(f"speed: measuring {name} failed: {tail}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["pass_times_s"] = tuple(data["pass_times_s"])
    return SpeedResult(**data)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from .corpus import read_documents
    from .speed_reference import REFERENCES

    ap = argparse.ArgumentParser(prog="python -m bench.speed", description="Measure one extractor, or the reference pipeline (prints JSON).")
    which = ap.add_mutually_exclusive_group(required=True)
    which.add_argument("--extractor", help="a registered extractor name")
    which.add_argument("--reference", choices=sorted(REFERENCES), help="a reference pipeline (spacy: the bare spaCy pipeline)")
    ap.add_argument("--params", default="{}")
    ap.add_argument("--input", required=True)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--root", default=None)
    args = ap.parse_args(argv)
    try:
        docs = read_documents(args.input, args.root)
        params = json.loads(args.params)
        if args.reference:
            factory = REFERENCES[args.reference]
            result = measure(factory.name, params, docs, args.repeats, args.warmup, factory=factory)
        else:
            result = measure(args.extractor, params, docs, args.repeats, args.warmup)
    except BenchError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(json.dumps(result.to_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
