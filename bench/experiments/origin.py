"""Where a committed result came from: the command, the commit, the date and the machine.

Every results folder under ``experiments/results/`` carries an ``origin.json`` and repeats it
at the top of its ``README.md``, so a reader can tell which code produced the numbers and
rerun the command. A dirty checkout is recorded as such: the commit alone does not then
identify the code. Changes inside ``experiments/results/`` do not count as dirty: those files
are outputs, and regenerating one study rewrites them by design.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..jsonio import write_atomic

ORIGIN_FILE = "origin.json"
RESULTS_FOLDER = "experiments/results"  # outputs: their changes do not make a checkout dirty


@dataclass(frozen=True, slots=True)
class Origin:
    """The command that produced a result, and the state of the checkout and machine."""

    command: str
    commit: str | None
    dirty: bool | None
    date: str
    machine: dict[str, Any] = field(default_factory=dict)
    package_version: str = ""
    load_average: tuple[float, float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "command": self.command,
            "git": {"commit": self.commit, "dirty": self.dirty},
            "date": self.date,
            "machine": dict(self.machine),
            "package_version": self.package_version,
            "load_average_at_start": list(self.load_average) if self.load_average else None,
        }

    def markdown(self) -> str:
        """A short block for the top of a results README."""
        commit = self.commit or "unknown"
        if self.dirty:
            commit += " (with uncommitted changes)"
        m = self.machine
        machine = f"{m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('platform', '?')}, Python {m.get('python', '?')}"
        lines = [
            f"- command: `{self.command}`",
            f"- commit: `{commit}`",
            f"- date: {self.date}",
            f"- machine: {machine}",
        ]
        if self.load_average:
            lines.append(f"- load average at start: {', '.join(f'{x:.2f}' for x in self.load_average)} (1, 5, 15 min)")
        return "\n".join(lines)


def current_origin(argv: Sequence[str], program: str = "python -m bench.experiments") -> Origin:
    """The origin of a result produced now by ``program argv`` in this checkout."""
    from .. import __version__
    from ..corpus import PROJECT_ROOT
    from ..runner import git_info
    from ..speed import machine_info

    git = git_info(output=PROJECT_ROOT / RESULTS_FOLDER)
    try:
        load = tuple(round(x, 2) for x in os.getloadavg())
    except OSError:
        load = None
    return Origin(
        command=f"{program} {shlex.join(argv)}".strip(),
        commit=git.get("commit"),
        dirty=git.get("dirty"),
        date=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        machine=machine_info(),
        package_version=__version__,
        load_average=load,
    )


def write_json(path: Path, data: Any) -> None:
    """Indented UTF-8 JSON, written atomically."""
    write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def write_results(out: Path, origin: Origin, files: dict[str, str | bytes | Any]) -> None:
    """Create ``out`` and write ``origin.json`` plus ``files`` (name -> text, bytes, or data
    to write as JSON)."""
    out.mkdir(parents=True, exist_ok=True)
    write_json(out / ORIGIN_FILE, origin.to_dict())
    for name, content in files.items():
        path = out / name
        if isinstance(content, bytes):
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_bytes(content)
            os.replace(tmp, path)
        elif isinstance(content, str):
            write_atomic(path, content)
        else:
            write_json(path, content)
