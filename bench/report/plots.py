"""The figures of report.html, drawn with matplotlib (Agg, no display) as PNG bytes.

- ``f1_intervals``: per split, every extractor's micro F1 in every tier with its 95%
  bootstrap interval (an errorbar; a hollow point where there is no interval);
- ``speed_vs_f1``: documents per second (log axis) against F1, the Pareto front (no other
  extractor is both faster and better) highlighted;
- ``per_type_bars``: per split, F1 of visited / met / discussed per extractor.

Figures are built on ``matplotlib.figure.Figure`` with an Agg canvas, never through pyplot,
so rendering keeps no global state and needs no display. Colours are the Okabe-Ito palette,
distinguishable with the common colour-vision deficiencies. An extractor that failed on some
documents is not plotted as if complete: its row says so instead.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from . import tables as T
from .rundir import Run

TIER_COLOURS = {
    "pair": "#0072B2", "strict": "#D55E00", "lenient": "#009E73", "topic": "#CC79A7",
    "evidence": "#E69F00",
}
TYPE_COLOURS = {"visited": "#0072B2", "met": "#E69F00", "discussed": "#009E73"}
FRONT = "#D55E00"
MUTED = "#8a8f98"
INK = "#22262e"
DPI = 144

_STYLE = {
    "font.size": 9.5,
    "axes.edgecolor": "#b8bcc4",
    "axes.labelcolor": INK,
    "axes.titlesize": 10.5,
    "axes.titleweight": "bold",
    "axes.titlecolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#e6e8ec",
    "grid.linewidth": 0.8,
    "xtick.color": "#555b66",
    "ytick.color": "#555b66",
    "legend.frameon": False,
    "svg.hashsalt": "relation-bench",
}


@dataclass(frozen=True, slots=True)
class Plot:
    """One figure: its PNG bytes and a text alternative saying what it shows."""

    key: str
    title: str
    png: bytes
    alt: str


def _text(s: object) -> str:
    """Label text that matplotlib shows literally (a ``$`` would start mathtext)."""
    return str(s).replace("$", r"\$")


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
    return buf.getvalue()


def _styled(draw):
    """Run a drawing function under the report's matplotlib style."""

    def wrapper(*args, **kwargs):
        import matplotlib

        with matplotlib.rc_context(_STYLE):
            return draw(*args, **kwargs)

    wrapper.__doc__ = draw.__doc__
    wrapper.__name__ = draw.__name__
    return wrapper


@_styled
def f1_intervals(run: Run, split: str) -> Plot | None:
    """Micro F1 with its interval, per extractor (rows) and tier (colours), on one split."""
    extractors = run.split_extractors(split)
    tiers = run.tiers
    if not extractors:
        return None
    n = len(extractors)
    fig = _figure(8.2, 1.3 + n * (0.28 + 0.13 * len(tiers)))
    ax = fig.add_subplot()
    width = 0.72
    step = width / max(len(tiers), 1)
    for j, tier in enumerate(tiers):
        offset = -width / 2 + step * (j + 0.5)
        colour = TIER_COLOURS.get(tier, INK)
        first = True
        for i, e in enumerate(extractors):
            c = T.cell(run, split, e, tier)
            if c is None or not c.complete or c.f1 is None:
                continue
            y = i + offset
            label = tier if first else None
            first = False
            if c.low is not None and c.high is not None:
                ax.errorbar(
                    c.f1, y, xerr=[[max(c.f1 - c.low, 0)], [max(c.high - c.f1, 0)]], fmt="o",
                    color=colour, ms=5, elinewidth=2, capsize=3, label=label,
                )
            else:
                ax.plot(c.f1, y, "o", mfc="white", mec=colour, mew=1.6, ms=5.5, label=label)
    for i, e in enumerate(extractors):
        c = T.cell(run, split, e, tiers[0])
        if c is not None and not c.complete:
            ax.text(0.01, i, _text(c.text), va="center", ha="left", color=MUTED, style="italic", fontsize=9)
        if i:
            ax.axhline(i - 0.5, color="#eceef1", lw=0.8, zorder=0)
    ax.set_yticks(range(n), [_text(e) for e in extractors])
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlim(-0.03, 1.03)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("F1 (micro), 95% bootstrap interval; hollow: no interval")
    ax.set_title(_text(f"{split}: F1 per tier; {T.provenance_line(run, split, with_split=False)}"), loc="left")
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        fig.legend(handles, labels, loc="outside lower center", ncols=len(labels), handletextpad=0.3, columnspacing=1.2)
    alt = f"F1 with 95% intervals on the {split} split for " + ", ".join(extractors) + " in the tiers " + ", ".join(tiers)
    return Plot(f"f1-{split}", f"F1 with intervals, {split}", _png(fig), alt)


def pareto_front(points: list[tuple[str, float, float]]) -> list[str]:
    """The labels of the points ``(label, docs/s, F1)`` that no other point beats: none is at
    least as fast and strictly better, or faster and as good. Fastest first; of two identical
    points the first listed stays.

    >>> pareto_front([("a", 10, 0.5), ("b", 100, 0.4), ("c", 5, 0.45), ("d", 1, 0.9)])
    ['b', 'a', 'd']
    """
    front = []
    best = -1.0
    for label, _speed, f1 in sorted(points, key=lambda p: (-p[1], -p[2])):
        if f1 > best:
            front.append(label)
            best = f1
    return front


@_styled
def speed_vs_f1(run: Run, split: str | None = None, tier: str = "pair") -> Plot | None:
    """docs/s (log x) against micro F1 on ``split`` (default the headline split).

    An extractor that reads the gold (the oracle) is drawn as a reference, apart from the
    front: it bounds what is possible and would otherwise dominate every real extractor.
    """
    split = split or run.headline_split
    if split is None or split not in run.splits:
        return None
    if tier not in run.tiers:
        tier = run.tiers[0]
    points, refs = [], []
    cis = {}
    for e in run.extractors:
        rate = T.docs_per_s(run, e)
        c = T.cell(run, split, e, tier) if e in run.splits[split]["results"] else None
        if rate is None or rate <= 0 or c is None or not c.complete or c.f1 is None:
            continue
        (refs if run.reads_gold(e) else points).append((e, rate, c.f1))
        cis[e] = (c.low, c.high)
    if not points and not refs:
        return None
    front = pareto_front(points)
    fig = _figure(8.2, 4.6)
    ax = fig.add_subplot()
    ax.set_xscale("log")
    by = {p[0]: p for p in points}
    rates = [p[1] for p in (*points, *refs)]
    left, right = min(rates) / 2.5, max(rates) * 4
    if front:
        # The front as a staircase: for a speed s, the best F1 of any extractor at least as fast.
        slow_first = [by[e] for e in reversed(front)]
        xs, ys = [left], [slow_first[0][2]]
        for k, (_, x, y) in enumerate(slow_first):
            xs += [x, x]
            ys += [y, slow_first[k + 1][2] if k + 1 < len(slow_first) else 0.0]
        ax.fill_between(xs, ys, 0, color=FRONT, alpha=0.05, lw=0, zorder=1)
        ax.plot(xs, ys, color=FRONT, lw=1.5, alpha=0.75, zorder=2, label="Pareto front (shaded: dominated)")
    labels = []
    for e, rate, f1 in (*points, *refs):
        on = e in front
        ref = e not in by
        low, high = cis[e]
        colour = FRONT if on else MUTED
        if low is not None and high is not None and not ref:
            ax.errorbar(rate, f1, yerr=[[max(f1 - low, 0)], [max(high - f1, 0)]], fmt="none", ecolor=colour, alpha=0.55, capsize=2.5, lw=1.2, zorder=3)
        if ref:
            ax.plot(rate, f1, "D", ms=6.5, mfc="white", mec=MUTED, mew=1.4, zorder=4)
            text = f"{e} (reads the gold)"
        else:
            ax.plot(rate, f1, "o", ms=8 if on else 6.5, color=colour, mec="white", mew=1.2, zorder=4)
            text = e
        labels.append(ax.annotate(
            _text(text), (rate, f1), xytext=(7, 5), textcoords="offset points", fontsize=9,
            color=INK if on else "#555b66", weight="bold" if on else "normal",
        ))
    ax.set_xlim(left, right)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("documents per second (log scale; steady state, see Speed)")
    ax.set_ylabel(f"{tier} F1 (micro)")
    ax.set_title(_text(f"Speed vs {tier} F1 on {split}: the front is where no extractor is both faster and better"), loc="left")
    if front:
        ax.legend(loc="lower left")
    _untangle(fig, labels)
    alt = f"Scatter of documents per second against {tier} F1 on {split}; Pareto front: " + (", ".join(front) or "none")
    return Plot("pareto", f"Speed vs F1, {split}", _png(fig), alt)


_PLACES = ((7, 5, "left", "bottom"), (7, -5, "left", "top"), (-7, 5, "right", "bottom"), (-7, -5, "right", "top"), (7, 14, "left", "bottom"), (7, -14, "left", "top"))


def _untangle(fig, labels) -> None:
    """Move point labels that would overlap an earlier one to the first free place around
    their point (right above, right below, left above, left below, further out)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    placed = []
    for label in labels:
        for dx, dy, ha, va in _PLACES:
            label.set_position((dx, dy))
            label.set_ha(ha)
            label.set_va(va)
            box = label.get_window_extent(renderer).expanded(1.04, 1.1)
            if not any(box.overlaps(other) for other in placed):
                break
        else:
            label.set_position(_PLACES[0][:2])
            label.set_ha("left")
            label.set_va("bottom")
            box = label.get_window_extent(renderer)
        placed.append(box)


@_styled
def per_type_bars(run: Run, split: str, tier: str = "pair") -> Plot | None:
    """Grouped bars: per extractor the F1 of each relation type, with intervals."""
    if tier not in run.tiers:
        tier = run.tiers[0]
    report = run.splits[split]
    extractors = run.split_extractors(split)
    if not extractors:
        return None
    fig = _figure(8.2, 3.9)
    ax = fig.add_subplot()
    width = 0.26
    for k, ty in enumerate(T.TYPES):
        xs, ys, lo, hi, missing = [], [], [], [], []
        for i, e in enumerate(extractors):
            c = T.cell(run, split, e, tier, rtype=ty)
            block = (((report["results"].get(e) or {}).get(tier) or {}).get("per_type") or {}).get(ty) or {}
            x = i + (k - 1) * width
            if c is None or not c.complete:
                continue
            if "f1" in (block.get("zero_division") or ()) or c.f1 is None:
                missing.append(x)
                continue
            xs.append(x)
            ys.append(c.f1)
            lo.append(max(c.f1 - c.low, 0) if c.low is not None else 0)
            hi.append(max(c.high - c.f1, 0) if c.high is not None else 0)
        colour = TYPE_COLOURS[ty]
        ax.bar(xs, ys, width * 0.92, color=colour, label=ty, zorder=2)
        for x, y in zip(xs, ys, strict=True):
            if y == 0:
                ax.text(x, 0.01, "0", ha="center", va="bottom", fontsize=7.5, color=colour)
        if any(lo) or any(hi):
            ax.errorbar(xs, ys, yerr=[lo, hi], fmt="none", ecolor=INK, alpha=0.6, capsize=2, lw=1, zorder=3)
        for x in missing:
            ax.text(x, 0.02, "n/a", ha="center", va="bottom", fontsize=7.5, color=MUTED, rotation=90)
    for i, e in enumerate(extractors):
        c = T.cell(run, split, e, tier)
        if c is not None and not c.complete:
            ax.text(i, 0.5, "incomplete", ha="center", va="center", color=MUTED, style="italic", rotation=90)
    ax.set_xticks(range(len(extractors)), [_text(e) for e in extractors])
    ax.set_ylim(0, 1.05)
    ax.grid(axis="x", visible=False)
    ax.set_ylabel(f"{tier} F1")
    ax.set_title(_text(f"{split}: {tier} F1 per relation type"), loc="left")
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=3, borderaxespad=0.3)
    alt = f"Bars of visited, met and discussed F1 ({tier} tier) on {split} for " + ", ".join(extractors)
    return Plot(f"types-{split}", f"Per-type F1, {split}", _png(fig), alt)
