"""The project's own error types. Bad input never escapes as a traceback: the CLI catches
``BenchError`` and prints its message, which names the file, the place in it and what was
expected."""

from __future__ import annotations

from dataclasses import dataclass


class BenchError(Exception):
    """Base class of every error the project raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One defect found in an input: where it is and what is wrong.

    ``where`` is a JSON pointer (``/relations/3/head``), ``line N`` or a document id.
    """

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.file}: {where}{self.message}"


class InputError(BenchError):
    """Bad input (a file, a config, a parameter), with every problem found in it."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("", "", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class CorpusError(InputError):
    """The corpus on disk disagrees with its manifest (missing file, changed sha256, ...)."""


class ParameterError(BenchError, ValueError):
    """A function or command parameter outside its allowed values.

    >>> raise ParameterError("match", "score", ["pair", "strict"], "x")
    Traceback (most recent call last):
    ...
    bench.errors.ParameterError: The 'match' parameter of score must be one of 'pair', 'strict'; got 'x' instead.
    """

    def __init__(self, name: str, owner: str, allowed, got):
        allowed_s = ", ".join(repr(a) for a in allowed)
        super().__init__(
            f"The {name!r} parameter of {owner} must be one of {allowed_s}; got {got!r} instead."
        )
