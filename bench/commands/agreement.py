"""``bench agreement A B``: inter-annotator agreement between two annotation sets.

A and B are two folders of annotation files (compared over the documents present in both) or
two annotation files of the same document. A is the reference for precision and recall; F1 and
kappa do not depend on the order. See ``bench/agreement.py`` for the matching rules.
"""

from __future__ import annotations

import argparse

HELP = "inter-annotator agreement between two annotation sets"
EXAMPLE = "bench agreement annotations/agreement/a1 annotations/agreement/a2 --format md"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A", help="reference annotations: a folder of <doc_id>.json files, or one file")
    parser.add_argument("b", metavar="B", help="the other annotations: a folder, or one file of the same document")
    parser.add_argument("--format", choices=("table", "json", "md"), default="table", help="output format (default table)")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE instead of printing it")


def run(args: argparse.Namespace) -> int:
    from ..agreement import compare_paths, format_json, format_markdown, format_table
    from ..jsonio import write_atomic

    report = compare_paths(args.a, args.b)
    text = {"table": format_table, "json": format_json, "md": format_markdown}[args.format](report)
    if args.output:
        write_atomic(args.output, text + "\n")
        print(f"wrote {args.output} ({len(report.documents)} documents)")
    else:
        print(text)
    return 0
