"""The ``bench`` command line.

Each subcommand lives in its own module under ``bench/commands/`` and is imported only when
it runs, so ``bench --help`` imports no NLP library. A command module defines:

- ``HELP``: one line for the command list;
- ``EXAMPLE``: an example invocation, shown in the command's help;
- ``add_arguments(parser)``: its options;
- ``run(args) -> int``: the exit status (0 ok, 1 a finding such as a failed check or
  regression, 2 unusable input).

``BenchError`` raised by a command is printed as a message, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

from . import __version__

# name -> (module, one-line help). Kept here so the list needs no imports.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("bench.commands.validate", "check annotation files and the manifest"),
    "show": ("bench.commands.show", "print a document's gold relations, readably"),
    "extractors": ("bench.commands.extractors", "list the registered extractors"),
    "extract": ("bench.commands.extract", "run an extractor over documents, write predictions"),
    "score": ("bench.commands.score", "score prediction files against the gold"),
    "run": ("bench.commands.run", "run an experiment config: extract, score, time, report"),
    "compare": ("bench.commands.compare", "compare two runs with noise-aware regression gates"),
    "challenge": ("bench.commands.challenge", "run the challenge suite, pass rate per capability"),
    "agreement": ("bench.commands.agreement", "inter-annotator agreement between two annotation sets"),
    "synth": ("bench.commands.synth", "generate a large synthetic corpus for speed runs"),
    "report": ("bench.commands.report", "write report.md / report.html / tables for a run directory"),
}

DESCRIPTION = """relation-bench: who VISITED where, who MET whom, who DISCUSSED what.

Score relation extractors against hand-annotated gold, with confidence intervals, speed
figures and regression gates. Run `bench COMMAND --help` for a command's options."""


def _command_list(commands: dict[str, tuple[str, str]]) -> str:
    width = max((len(n) for n in commands), default=0)
    lines = [f"  {name.ljust(width)}  {helptext}" for name, (_, helptext) in commands.items()]
    return "commands:\n" + "\n".join(lines)


def _available() -> dict[str, tuple[str, str]]:
    """Commands whose module exists (a command not yet built is not offered)."""
    out = {}
    for name, (module, helptext) in COMMANDS.items():
        if importlib.util.find_spec(module) is not None:
            out[name] = (module, helptext)
    return out


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The top-level parser; with ``command`` the full parser of that one command."""
    available = _available()
    parser = argparse.ArgumentParser(
        prog="bench",
        description=DESCRIPTION,
        epilog=_command_list(available),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"relation-bench {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", help="one of the commands below")
    for name, (module, helptext) in available.items():
        if name == command:
            mod = importlib.import_module(module)
            p = sub.add_parser(
                name, description=f"{helptext}.\n\nexample:\n  {mod.EXAMPLE}",
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            mod.add_arguments(p)
            p.set_defaults(_run=mod.run)
        else:
            sub.add_parser(name, add_help=False)  # listed once, in the epilog
    return parser


def main(argv: list[str] | None = None) -> int:
    from .errors import BenchError

    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(command if command in COMMANDS else None)
    if command is not None and command not in _available():
        known = ", ".join(_available())
        print(f"bench: unknown command {command!r}; available: {known}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 0 if not argv else 2
    try:
        return int(args._run(args) or 0)
    except BenchError as exc:
        print(f"bench {command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"bench {command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
