"""``bench compare BASE NEW``: regression gates between two runs that fail only on real drops.

BASE and NEW are run directories of ``bench run`` (or their ``scores.json``), or reports of
``bench score --format json``, of the same corpus and scoring configuration; anything else is
refused with exit status 2 and a list of what differs.

For every extractor, split and tier: the micro F1 difference NEW - BASE, its paired bootstrap
95% interval and the paired approximate-randomisation p-value, over the same documents. The
quality gate (``--fail f1:-0.02`` by default) fails only when the drop is beyond the threshold
*and* significant at ``--alpha``; with too few documents for a test nothing fails on noise
(the report says so). Significance is judged on p-values corrected for the number of checks
that were tested (``--correction holm``, the default: Holm–Bonferroni, so that a comparison
of many extractors, splits and tiers does not fail on a chance result; ``--correction none``
for the raw p-values). Speed (ratio of median pass times) is shown and gated only with
``--fail speed:-20%``: beyond the threshold and outside both runs' interquartile ranges. An
extractor that newly failed on documents is a regression. Then what changed: the relations
that flipped, with document, sentence and error class.

Exit status: 0 every gate passes, 1 a regression, 2 input that cannot be compared.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "compare two runs with noise-aware regression gates"
EXAMPLE = "bench compare experiments/results/reference runs/baselines --fail f1:-0.02 --format md"

FORMATS = ("text", "md", "json", "junit")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..gates import CORRECTIONS, DEFAULT_ALPHA, DEFAULT_CORRECTION, DEFAULT_F1

    parser.add_argument("base", type=Path, metavar="BASE", help="the reference: a run directory, its scores.json, or a bench score JSON report")
    parser.add_argument("new", type=Path, metavar="NEW", help="the run to check, in the same form")
    parser.add_argument(
        "--fail", action="append", default=[], metavar="METRIC:THRESHOLD",
        help=f"largest drop allowed: f1:-0.02 (absolute), f1:-5%% (relative), strict.f1:-0.05 (one tier), "
        f"speed:-20%% (opt-in speed gate); repeatable (default {DEFAULT_F1}; speed not gated)",
    )
    parser.add_argument("--alpha", type=float, default=DEFAULT_ALPHA, metavar="A", help=f"significance level of the paired test (default {DEFAULT_ALPHA})")
    parser.add_argument(
        "--correction", choices=CORRECTIONS, default=DEFAULT_CORRECTION,
        help="multiple-testing correction of the quality checks' p-values: holm (Holm-Bonferroni over every "
        "check with a p-value; the chance of any false alarm in the comparison stays at most --alpha) or none "
        f"(default {DEFAULT_CORRECTION})",
    )
    parser.add_argument("--split", action="append", default=[], metavar="SPLIT", help="compare only this split (repeatable; default: every split)")
    parser.add_argument("--extractor", action="append", default=[], metavar="LABEL", help="compare only this extractor (repeatable; default: every extractor)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format on stdout or --output (default: text)")
    parser.add_argument("--output", "-o", type=Path, default=None, metavar="FILE", help="write the report here instead of stdout")
    parser.add_argument("--markdown", type=Path, default=None, metavar="FILE", help="also write the markdown summary here (for a pull-request comment or $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--junit", type=Path, default=None, metavar="FILE", help="also write JUnit XML here (one test case per extractor x split x tier)")


def _write(path: Path | None, text: str) -> None:
    from ..jsonio import write_atomic

    if path is None:
        sys.stdout.write(text)
    else:
        write_atomic(path, text)


def run(args: argparse.Namespace) -> int:
    from ..compare import (
        compare_runs,
        load_run,
        render_json,
        render_markdown,
        render_refusal_markdown,
        render_text,
    )
    from ..errors import BenchError
    from ..gates import parse_gates
    from ..junit import render_junit, render_junit_error

    gates = parse_gates(args.fail, args.alpha, args.correction)
    try:
        base = load_run(args.base, "BASE")
        new = load_run(args.new, "NEW")
        doc = compare_runs(base, new, gates, args.split or None, args.extractor or None)
    except BenchError as exc:
        if args.markdown is not None:
            _write(args.markdown, render_refusal_markdown(exc))
        if args.junit is not None:
            _write(args.junit, render_junit_error(str(exc)))
        raise
    renderers = {"text": render_text, "md": render_markdown, "json": render_json, "junit": render_junit}
    _write(args.output, renderers[args.format](doc))
    if args.markdown is not None:
        _write(args.markdown, render_markdown(doc))
    if args.junit is not None:
        _write(args.junit, render_junit(doc))
    return int(doc["exit_code"])
