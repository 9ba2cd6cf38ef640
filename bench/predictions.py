"""Reading and writing prediction files (JSONL, one predicted relation a line).

The format is in README "Prediction format" and ``bench.jsonio.prediction_from_dict``:
``doc_id``, ``type``, ``head.text`` and ``tail.text`` are required; offsets, realis, polarity,
mode, topics, evidence, trigger and score are optional.

Reading never drops a line silently. Every defect is a ``Problem`` with ``file`` and
``line N``:

- invalid JSON (including arrays or objects nested too deeply to parse), a line that is not
  an object, missing ``doc_id``/``type``/``head``/``tail``, an unknown relation type or
  attribute value: the line cannot be scored and is left out;
- an unknown document (when the documents are known): left out;
- argument offsets out of the document's range, or not slicing the stated text
  (``text[start:end] != head.text``): the prediction is kept, its offsets are dropped and it
  is aligned by its text (the problem says so).

``read_predictions(..., strict=True)`` raises ``InputError`` with every problem instead. A
file that cannot be read at all (missing, a folder, not UTF-8, a name the file system refuses)
is an ``InputError`` naming the file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from .errors import InputError, Problem
from .jsonio import dump_predictions, prediction_from_dict, write_atomic
from .model import ArgumentRef, Document, PredictedRelation


def read_predictions(
    path: str | os.PathLike,
    docs: Mapping[str, Document] | None = None,
    strict: bool = False,
) -> tuple[list[PredictedRelation], list[Problem]]:
    """Parse a prediction JSONL file: ``(predictions, problems)``.

    With ``docs`` (id -> Document), document ids and argument offsets are checked against the
    texts. ``strict=True`` turns any problem into an ``InputError`` listing all of them.
    """
    path = Path(path)
    file = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            raw = fh.read()
    except FileNotFoundError:
        raise InputError(Problem(file, "", "prediction file not found")) from None
    except IsADirectoryError:
        raise InputError(Problem(file, "", "expected a JSONL file, got a directory")) from None
    except UnicodeDecodeError as exc:
        raise InputError(Problem(file, f"byte {exc.start}", "not valid UTF-8")) from None
    except OSError as exc:  # no permission, a name the file system refuses (too long, ...)
        raise InputError(Problem(file, "", f"cannot read: {exc.strerror}")) from None
    preds: list[PredictedRelation] = []
    problems: list[Problem] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"line {n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(file, where, f"invalid JSON ({exc.msg} at column {exc.colno}); line not scored"))
            continue
        except RecursionError:  # arrays or objects nested deeper than the parser can follow
            problems.append(Problem(file, where, "invalid JSON (nested too deeply); line not scored"))
            continue
        try:
            pred = prediction_from_dict(data, file, "")
        except InputError as exc:
            detail = "; ".join(
                f"{p.where.lstrip('/')}: {p.message}" if p.where else p.message for p in exc.problems
            )
            problems.append(Problem(file, where, f"{detail}; line not scored"))
            continue
        except RecursionError:  # a value nested just below the parser's limit, quoted back
            problems.append(Problem(file, where, "invalid JSON (nested too deeply); line not scored"))
            continue
        if docs is not None:
            doc = docs.get(pred.doc_id)
            if doc is None:
                problems.append(Problem(file, where, f"unknown document {pred.doc_id!r}; line not scored"))
                continue
            pred = _check_offsets(pred, doc, file, where, problems)
        preds.append(pred)
    if strict and problems:
        raise InputError(problems)
    return preds, problems


def _check_offsets(
    pred: PredictedRelation, doc: Document, file: str, where: str, problems: list[Problem]
) -> PredictedRelation:
    changed = {}
    for role in ("head", "tail"):
        arg: ArgumentRef = getattr(pred, role)
        if arg.start is None or arg.end is None:
            continue
        if arg.end > len(doc.text):
            problems.append(
                Problem(
                    file, where,
                    f"{role} offsets [{arg.start}, {arg.end}) are outside document {doc.id!r} "
                    f"(length {len(doc.text)}); offsets ignored, aligned by text",
                )
            )
        elif doc.text[arg.start : arg.end] != arg.text:
            problems.append(
                Problem(
                    file, where,
                    f"{role} offsets [{arg.start}, {arg.end}) slice {doc.text[arg.start:arg.end]!r}, "
                    f"not {role}.text {arg.text!r}; offsets ignored, aligned by text",
                )
            )
        else:
            continue
        changed[role] = ArgumentRef(arg.text)
    return replace(pred, **changed) if changed else pred


def write_predictions(path: str | os.PathLike, preds: Iterable[PredictedRelation]) -> None:
    """Write predictions as JSONL (atomically: a reader never sees half a file)."""
    write_atomic(path, dump_predictions(preds))
