"""Reports of a run directory: report.md, report.html and the results as CSV and LaTeX.

``write_reports(run_dir)`` is what ``bench run`` calls at the end of a run and what
``bench report RUN_DIR`` calls again later; it reads only the run directory's JSON files, so
the reports can be rebuilt (or restyled) without rerunning anything.

Modules: ``rundir`` (reading the run directory), ``tables`` (pandas tables and their markdown,
CSV and LaTeX renderings), ``markdown`` (report.md), ``plots`` (matplotlib figures),
``html`` (report.html), ``readme_table`` (the README's generated results block).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

FORMATS = ("md", "html", "csv", "latex")
FILES = {"md": "report.md", "html": "report.html", "csv": "results.csv", "latex": "results.tex"}


def write_reports(run_dir: Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the reports of the run at ``run_dir`` into it and return their paths.

    ``formats``: any of md (report.md), html (report.html), csv (results.csv) and latex
    (results.tex); by default all four. Each file is written atomically.
    """
    from ..errors import ParameterError
    from ..jsonio import write_atomic
    from .rundir import load_run

    formats = list(dict.fromkeys(formats))
    for f in formats:
        if f not in FORMATS:
            raise ParameterError("format", "write_reports", FORMATS, f)
    run_dir = Path(run_dir)
    run = load_run(run_dir)
    written = []
    for f in formats:
        text = _render(run, f)
        path = run_dir / FILES[f]
        write_atomic(path, text)
        written.append(path)
    return written


def _render(run, fmt: str) -> str:
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(run)
    if fmt == "html":
        from .html import render_html

        return render_html(run)
    from . import tables

    return tables.to_csv(run) if fmt == "csv" else tables.to_latex(run)


__all__ = ["FILES", "FORMATS", "write_reports"]
