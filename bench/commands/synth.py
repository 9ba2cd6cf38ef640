"""``bench synth``: write a large synthetic corpus for speed and scale runs.

The documents are news-style text about fictional officials (see ``bench/synth.py``), marked
synthetic, with no gold; they go to ``--out`` only, never into ``seeds/`` or ``annotations/``.
Feed the output to any command that reads documents, e.g. ``bench extract --input``.
"""

from __future__ import annotations

import argparse
import time

HELP = "generate a large synthetic corpus for speed runs"
EXAMPLE = "bench synth --docs 10000 --seed 0 --out /tmp/synth"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", type=int, required=True, metavar="N", help="number of documents")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="generation seed (default 0); the same seed gives the same documents")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder (created; never inside seeds/ or annotations/)")
    parser.add_argument(
        "--format", choices=("jsonl", "txt"), default="jsonl",
        help="jsonl: one DIR/synth-seed<S>-<N>.jsonl of {id, text, date, provenance}; txt: DIR/<id>.txt files with a date prefix (default jsonl)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file (jsonl) or add to a folder that holds .txt files")


def run(args: argparse.Namespace) -> int:
    from ..errors import BenchError
    from ..synth import write_corpus

    if args.docs < 1:
        raise BenchError(f"--docs must be at least 1; got {args.docs}")
    started = time.perf_counter()
    summary = write_corpus(args.out, args.docs, args.seed, args.format, args.force)
    seconds = time.perf_counter() - started
    rate = f", {summary.docs / seconds:,.0f} docs/s" if seconds > 0 else ""
    print(
        f"wrote {summary.docs:,} synthetic documents ({summary.words:,} words, "
        f"{summary.words / summary.docs:,.0f} words/doc) to {summary.path} in {seconds:.2f} s{rate}"
    )
    return 0
