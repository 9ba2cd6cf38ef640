"""Running ``bench`` on bad input, in this process (``bench.cli.main``) or as a subprocess,
and checking that what it prints is a message, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.cli import main
from bench.corpus import PROJECT_ROOT

FIXTURES = Path(__file__).parent / "fixtures"
SEED_ID = "000_12a61b80a6d06b2b"


@dataclass(frozen=True, slots=True)
class Outcome:
    """Exit status and output of one ``bench`` invocation."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def run_bench(capsys, *argv: str) -> Outcome:
    """``bench ARGV`` in this process. An exception other than ``BenchError`` escapes from
    ``main`` and fails the test by itself; printed tracebacks are refused here too."""
    capsys.readouterr()  # drop what earlier steps printed
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    outcome = Outcome(code, captured.out, captured.err)
    assert "Traceback" not in outcome.out + outcome.err, outcome.err
    return outcome


def run_bench_process(*argv: str, cwd: Path | None = None, timeout: float = 900) -> Outcome:
    """``bench ARGV`` as a separate process (what a user or CI sees)."""
    bench = Path(sys.executable).with_name("bench")
    command = [str(bench)] if bench.exists() else [sys.executable, "-m", "bench"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    done = subprocess.run(
        [*command, *map(str, argv)], cwd=cwd or PROJECT_ROOT, capture_output=True, text=True,
        timeout=timeout, env=env,
    )
    outcome = Outcome(done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in outcome.out + outcome.err, outcome.err
    return outcome


def error_lines(outcome: Outcome, command: str) -> list[str]:
    """The problems of a failed command: the message after ``bench CMD: error: `` and the
    lines that follow it (one problem a line)."""
    prefix = f"bench {command}: error: "
    lines = outcome.err_lines
    start = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    return [lines[start][len(prefix):], *lines[start + 1 :]]
