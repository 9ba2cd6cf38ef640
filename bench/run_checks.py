"""Checking an extractor's output before the runner accepts it (``check_relations``).

Every relation must be a ``PredictedRelation`` for one of the documents of the call, with
offsets inside the document that slice the stated text, and must survive the JSONL format.
The worker process (``bench.run_workers``) runs the check on each reply, so the first bad
record is reported with the extractor's name and never reaches the cache or the scores.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .jsonio import prediction_from_dict, prediction_to_dict
from .model import ArgumentRef, Document, PredictedRelation, PredictedTopic, Span
from .run_records import MAX_RECORD, _short, _summary


def check_relations(relations: Sequence[Any], docs: Mapping[str, Document]) -> tuple[list[dict], str | None, str | None]:
    """Turn an extractor's output into JSONL records, checking each relation.

    Returns ``(records, problem, first_bad_record)``: ``problem`` is None when every relation
    is well formed; otherwise it says what is wrong with the first bad one (whose ``repr``
    is the third item) and the records stop there.
    """
    records: list[dict] = []
    for i, r in enumerate(relations):
        problem = _relation_problem(r, docs)
        if problem is not None:
            return records, f"relation {i}: {problem}", _short(repr(r), MAX_RECORD)
        records.append(prediction_to_dict(r))
    return records, None, None


def _relation_problem(r: Any, docs: Mapping[str, Document]) -> str | None:
    if not isinstance(r, PredictedRelation):
        return f"is a {type(r).__name__}, not a bench.model.PredictedRelation"
    if not isinstance(r.doc_id, str) or r.doc_id not in docs:
        return f"doc_id {r.doc_id!r} is not one of the documents it was given"
    doc = docs[r.doc_id]
    try:
        prediction_from_dict(json.loads(json.dumps(prediction_to_dict(r))), "<output>")
    except Exception as exc:  # anything a plugin could put in a field
        return f"cannot be written as a prediction record: {_summary(exc, frames=False)}"
    n = len(doc.text)
    for role in ("head", "tail"):
        arg: ArgumentRef = getattr(r, role)
        if arg.start is None:
            continue
        if not 0 <= arg.start < arg.end <= n:
            return f"{role} offsets [{arg.start}, {arg.end}) are outside document {doc.id!r} (length {n})"
        if doc.text[arg.start : arg.end] != arg.text:
            return f"{role} offsets [{arg.start}, {arg.end}) slice {doc.text[arg.start:arg.end]!r}, not {role}.text {arg.text!r}"
    spans: list[tuple[str, Any]] = [(f"evidence {j}", s) for j, s in enumerate(r.evidence)]
    spans += [(f"topic {j}", t) for j, t in enumerate(r.topics) if isinstance(t, PredictedTopic) and t.start is not None]
    if r.trigger is not None:
        spans.append(("trigger", r.trigger))
    for what, s in spans:
        if not isinstance(s, Span | PredictedTopic) or not 0 <= s.start < s.end <= n:
            return f"{what} offsets are outside document {doc.id!r} (length {n}): {s!r}"
    return None

