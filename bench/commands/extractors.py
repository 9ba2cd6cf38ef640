"""``bench extractors``: list every registered extractor, built-in or plugin.

Listing imports each extractor's module (cheap: heavy libraries are imported only when an
extractor runs) and checks its requirements with ``find_spec`` without importing them.
"""

from __future__ import annotations

import argparse
import json

HELP = "list the registered extractors"
EXAMPLE = "bench extractors"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("table", "json"), default="table",
        help="table for reading (default) or json for scripts",
    )


def run(args: argparse.Namespace) -> int:
    from ..registry import list_extractors

    infos = list_extractors()
    if args.format == "json":
        rows = [
            {
                "name": i.name, "family": i.family, "version": i.version,
                "description": i.description, "needs": list(i.needs), "requires": list(i.requires),
                "missing": list(i.missing), "extra": i.extra, "trainable": i.trainable,
                "installed": i.installed, "package": i.distribution, "target": i.target,
                "import_error": i.import_error,
            }
            for i in infos
        ]
        print(json.dumps(rows, indent=2))
        return 0
    print(render_table(infos))
    return 0


def render_table(infos) -> str:
    """The human-readable listing, with a note under it for each extractor not installed."""
    header = ("NAME", "VERSION", "INSTALLED", "NEEDS", "PACKAGE", "DESCRIPTION")
    rows = [
        (
            i.name, i.version or "-", "yes" if i.installed else "no",
            ", ".join(_needs(i)) or "-", i.distribution or "(in-process)", i.description or "-",
        )
        for i in infos
    ]
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header) - 1)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1]
        for r in [header, *rows]
    ]
    notes = []
    for i in infos:
        if i.import_error:
            notes.append(f"{i.name}: {i.import_error}")
        elif i.missing:
            how = f"; install with: pip install 'relation-bench[{i.extra}]'" if i.extra else ""
            notes.append(f"{i.name}: cannot import {', '.join(i.missing)}{how}")
    if not rows:
        lines.append("(no extractors registered: is relation-bench installed?)")
    return "\n".join(line.rstrip() for line in lines + ([""] + notes if notes else []))


def _needs(info) -> list[str]:
    needs = list(info.needs)
    if info.extra:
        needs.append(f"extra [{info.extra}]")
    return needs
