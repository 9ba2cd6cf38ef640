"""``bench report RUN_DIR``: (re)write the reports of a run directory.

Reads the run's JSON files (scores.json, speed.json, challenge.json, errors.json) and writes
report.md, report.html (self-contained: open it from disk), results.csv and results.tex into
the run directory. ``--format`` picks one of them.

``--readme README.md`` instead rewrites the block between ``<!-- results:start -->`` and
``<!-- results:end -->`` in that file with the results table of the run (the README's table
is generated from the committed reference results, never typed by hand). ``--check`` with
``--readme`` changes nothing and exits 1 when the block is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "write report.md / report.html / tables for a run directory"
EXAMPLE = "bench report experiments/results/reference --readme README.md"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("run_dir", type=Path, metavar="RUN_DIR", help="a run directory written by `bench run`")
    parser.add_argument(
        "--format", choices=("md", "html", "csv", "latex", "all"), default=None,
        help="which report to write: md (report.md), html (report.html), csv (results.csv), latex (results.tex) or all (default: all)",
    )
    parser.add_argument("--readme", type=Path, default=None, metavar="README.md", help="rewrite the results block of this file instead of writing the reports (with --format too: both)")
    parser.add_argument("--split", default=None, metavar="SPLIT", help="split of the README table (default: test when scored, else the last split)")
    parser.add_argument("--check", action="store_true", help="with --readme: write nothing, exit 1 when the README's block differs from the generated one")


def run(args: argparse.Namespace) -> int:
    from ..errors import BenchError
    from ..report import FORMATS, write_reports

    if args.check and args.readme is None:
        raise BenchError("--check needs --readme README.md")
    if args.readme is not None:
        status = _readme(args)
        if args.format is None or status:
            return status
    formats = FORMATS if args.format in (None, "all") else (args.format,)
    for path in write_reports(args.run_dir, formats):
        print(f"wrote {path}")
    return 0


def _readme(args: argparse.Namespace) -> int:
    from ..errors import InputError, Problem
    from ..report.readme_table import current_block, readme_block, update_readme
    from ..report.rundir import load_run

    if args.check:
        try:
            text = args.readme.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(Problem(str(args.readme), "", f"cannot be read: {exc.strerror or exc}")) from None
        expected = readme_block(load_run(args.run_dir), args.split, root=args.readme.resolve().parent)
        current = current_block(text)
        if current is None:
            print(f"bench report: {args.readme}: no <!-- results:start --> ... <!-- results:end --> block", file=sys.stderr)
            return 1
        if current.strip() != expected.strip():
            print(f"bench report: {args.readme}: the results block is out of date; run `bench report {args.run_dir} --readme {args.readme}`", file=sys.stderr)
            return 1
        print(f"{args.readme}: results block up to date")
        return 0
    changed = update_readme(args.run_dir, args.readme, args.split)
    print(f"{'updated' if changed else 'unchanged'}: {args.readme} (results block)")
    return 0
