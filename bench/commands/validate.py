"""``bench validate``: check gold annotation files and the corpus manifest.

With no path: the manifest, every seed file (present, sha256 unchanged) and every gold file in
``annotations/`` (not drafts/, agreement/ or schema/ below it). With paths: those files, each
against its manifest document. Prints one ``file: where: message`` line per problem and a
summary; exits 1 when anything is wrong, 0 when clean.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "check annotation files and the manifest"
EXAMPLE = "bench validate annotations/000_12a61b80a6d06b2b.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="annotation files or folders of them (default: the manifest and all of annotations/)",
    )
    parser.add_argument(
        "--root", type=Path, default=None,
        help="project root holding seeds/ and annotations/ (default: this checkout)",
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def run(args: argparse.Namespace) -> int:
    from bench.validate import check_corpus

    problems, files = check_corpus(args.root, args.paths or None)
    for p in problems:
        print(p)
    scope = "" if args.paths else " (and the manifest)"
    summary = f"{_plural(len(files), 'file')}{scope}, {_plural(len(problems), 'problem')}"
    print(summary)
    return 1 if problems else 0
