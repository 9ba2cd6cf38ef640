"""What one ``bench run`` records: statuses, faults, per-extractor outcomes and the result.

The data classes the other ``bench.run_*`` modules pass around (``Failure``, ``RunResult``
and the runner's mutable ``_ExtractorRun`` / ``_SplitOutcome``), the run directory's format
version and volatile fields, and the small helpers that summarise faults: one line per
exception (``_summary``), a fixed order of failures whatever order parallel work met them in
(``_ordered``) and the counts by kind written to ``scores.json`` (``_error_summary``). Kept
apart so that every step of the run can import them without importing each other.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import PredictedRelation

RUN_FORMAT = 1
VOLATILE_FIELDS = ("created", "timing", "cache", "output")
MAX_MESSAGE = 600
MAX_RECORD = 400

COMPLETE, INCOMPLETE, FAILED, SKIPPED = "complete", "incomplete", "failed", "skipped"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Failure:
    """One fault: which extractor, where, what kind and what happened.

    ``kind`` is one of ``exception``, ``timeout``, ``crash`` (the worker process died),
    ``malformed`` (bad relations; ``record`` holds the first bad one), ``build`` (the
    extractor could not be built or fitted), ``challenge``, ``speed`` or ``report``.
    """

    extractor: str
    kind: str
    message: str
    split: str | None = None
    document: str | None = None
    record: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "extractor": self.extractor, "split": self.split, "document": self.document,
            "kind": self.kind, "message": self.message,
        }
        if self.record is not None:
            out["record"] = self.record
        return out


@dataclass(slots=True)
class _SplitOutcome:
    predictions: dict[str, list[PredictedRelation]] = field(default_factory=dict)
    failed: dict[str, Failure] = field(default_factory=dict)


@dataclass(slots=True)
class _ExtractorRun:
    """What happened to one extractor in this run (mutable while the run goes on)."""

    label: str
    name: str
    params: dict[str, Any]
    params_hash: str
    optional: bool
    trainable: bool
    needs_gold: bool = False
    code: str = ""  # bench.cache.code_fingerprint of the extractor's package: part of every cache key
    status: str = COMPLETE
    message: str | None = None
    splits: dict[str, _SplitOutcome] = field(default_factory=dict)
    challenge: dict | None = None
    challenge_note: str | None = None
    timing: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RunResult:
    """The outcome of ``run_experiment``: the run directory, its documents and the table."""

    directory: Path
    scores: dict[str, Any]
    speed: dict[str, Any] | None
    challenge: dict[str, Any] | None
    failures: tuple[Failure, ...]
    table: str
    exit_code: int


# --------------------------------------------------------------------------- summaries


def _summary(exc: BaseException, frames: bool = True) -> str:
    """``Type: message (at file:line in function)``, the innermost frame only."""
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if frames and exc.__traceback__ is not None:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        text += f" (at {Path(last.filename).name}:{last.lineno} in {last.name})"
    return _short(text, MAX_MESSAGE)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _ordered(failures: Sequence[Failure], runs, docs) -> list[Failure]:
    """Failures in a fixed order (extractor, split and document as in the config and the
    manifest; run-level faults after), whatever order parallel work met them in."""
    labels = {r.label: i for i, r in enumerate(runs)}
    splits = {s: i for i, s in enumerate(docs)}
    position = {(s, d.id): i for s, ds in docs.items() for i, d in enumerate(ds)}
    kinds = ("build", "exception", "timeout", "crash", "malformed", "challenge", "speed", "report")

    def key(f: Failure):
        return (
            labels.get(f.extractor, len(labels)), splits.get(f.split, len(splits)),
            position.get((f.split, f.document), -1), kinds.index(f.kind) if f.kind in kinds else len(kinds),
            f.message,
        )

    return sorted(failures, key=key)


def _error_summary(failures: Sequence[Failure]) -> dict[str, Any]:
    return {"count": len(failures), "by_kind": dict(sorted(Counter(f.kind for f in failures).items()))}


def strip_volatile(scores: dict[str, Any]) -> dict[str, Any]:
    """``scores`` without the fields that differ between two runs of one config."""
    return {k: v for k, v in scores.items() if k not in VOLATILE_FIELDS}

