"""``bench run CONFIG``: run an experiment config and write its run directory.

Every extractor of the config runs over every split (trainable ones fitted on the default
training data, never on a test split); the predictions are cached per document, scored per
split with 95% bootstrap intervals, the challenge suite is run and each extractor is timed in
a fresh process. The results table is printed at the end; the run directory
(docs/run-directory.md) holds scores.json, speed.json, challenge.json, errors.json and the
predictions.

Exit status: 0 when everything ran (optional extractors whose extra is missing are skipped,
not failed); 1 when anything failed: an extractor on some or all documents, the challenge
suite, a speed measurement or a report (the run still finishes, writes everything else and
lists the faults in errors.json); 2 for a config or corpus that cannot be used; 130 when
interrupted (finished documents stay cached: run the same command again to resume).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "run an experiment config: extract, score, time, report"
EXAMPLE = "bench run experiments/baselines.toml --out runs/baselines"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("config", type=Path, metavar="CONFIG", help="experiment config (TOML), e.g. experiments/baselines.toml")
    parser.add_argument("--out", type=Path, default=None, metavar="DIR", help="run directory (default: the config's run.output, e.g. runs/baselines)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement (speed.json is not written)")
    parser.add_argument("--no-challenge", action="store_true", help="skip the challenge suite (challenge.json is not written)")
    parser.add_argument("--no-report", action="store_true", help="do not write report.md/report.html (rebuild them later with `bench report DIR`)")
    parser.add_argument("--cache-dir", type=Path, default=None, metavar="DIR", help="prediction cache folder (default: DIR/.cache inside the run directory)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the prediction cache")
    parser.add_argument("--fresh", action="store_true", help="recompute everything, ignoring cached predictions and measurements (the cache is refreshed)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N", help="extractors extracting at once, each in its own process (default: the config's run.jobs); speed is always measured one at a time")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def run(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..errors import BenchError
    from ..runner import RunOptions, run_experiment

    if args.jobs is not None and args.jobs < 1:
        raise BenchError(f"--jobs must be at least 1; got {args.jobs}")
    config = load_config(args.config)
    options = RunOptions(
        output=args.out,
        cache_dir=args.cache_dir,
        use_cache=not args.no_cache,
        fresh=args.fresh,
        speed=not args.no_speed,
        challenge=not args.no_challenge,
        reports=not args.no_report,
        progress=not args.no_progress,
        jobs=args.jobs,
    )
    result = run_experiment(config, options)
    sys.stdout.write(result.table)
    sys.stdout.flush()
    names = ("scores.json", "speed.json", "challenge.json", "errors.json", "report.md", "report.html")
    written = [n for n in names if (result.directory / n).is_file()]
    print(f"bench run: wrote {result.directory}/ ({', '.join(written)}, predictions/)", file=sys.stderr)
    return result.exit_code
