"""The figures: PNG bytes for every plot, the Pareto front, labels that matplotlib must not
interpret."""

from __future__ import annotations

import json

from bench.report import plots
from bench.report.rundir import load_run

PNG = b"\x89PNG\r\n\x1a\n"


def test_every_plot_is_a_png(fake_run):
    for plot in (
        plots.f1_intervals(fake_run, "dev"), plots.f1_intervals(fake_run, "seed"),
        plots.speed_vs_f1(fake_run), plots.per_type_bars(fake_run, "dev"),
    ):
        assert plot is not None and plot.png.startswith(PNG) and len(plot.png) > 5000
        assert plot.alt and plot.title


def test_pareto_front():
    pts = [("slow-good", 10, 0.9), ("fast-bad", 1000, 0.3), ("dominated", 5, 0.5), ("mid", 100, 0.6), ("tie", 100, 0.6)]
    assert plots.pareto_front(pts) == ["fast-bad", "mid", "slow-good"]
    assert plots.pareto_front([("only", 1.0, 0.0)]) == ["only"]
    assert plots.pareto_front([]) == []


def test_speed_plot_needs_speed_figures(run_copy):
    (run_copy / "speed.json").unlink()
    assert plots.speed_vs_f1(load_run(run_copy)) is None


def test_labels_are_shown_literally(run_copy):
    """A ``$`` in a label would start matplotlib's mathtext; it is shown as a dollar sign."""
    raw = (run_copy / "scores.json").read_text().replace('"noisy.v1"', json.dumps("noisy$x^{2"))
    (run_copy / "scores.json").write_text(raw)
    run = load_run(run_copy)
    assert "noisy$x^{2" in run.extractors
    assert plots.f1_intervals(run, "dev").png.startswith(PNG)
    assert plots.per_type_bars(run, "dev").png.startswith(PNG)


def test_png_is_reproducible(fake_run):
    """No date or software version in the file: the same run gives the same bytes."""
    assert plots.per_type_bars(fake_run, "seed").png == plots.per_type_bars(fake_run, "seed").png


def test_the_oracle_is_a_reference_not_on_the_front(fake_run):
    """The oracle reads the gold: it would dominate every real extractor, so the front is
    drawn over the others (fake speeds: oracle 9000, cooccurrence 2500, noisy 400, broken 60
    docs/s; broken.v1 is incomplete on dev and left out)."""
    assert fake_run.reads_gold("oracle.v1") and not fake_run.reads_gold("noisy.v1")
    plot = plots.speed_vs_f1(fake_run)
    assert plot.alt.endswith("Pareto front: cooccurrence.v1, noisy.v1")
