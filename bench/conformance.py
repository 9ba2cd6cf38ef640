"""Conformance checks for extractors: the contract a plugin author tests in their own suite.

One call covers it::

    from bench.conformance import check_extractor
    check_extractor(MyExtractor())

or, to see each check as its own test::

    @pytest.mark.parametrize("check", [c for _, c in conformance_checks(MyExtractor())],
                             ids=[n for n, _ in conformance_checks(MyExtractor())])
    def test_conformance(check):
        check()

A failed check raises ``ConformanceError`` (a ``BenchError`` and an ``AssertionError``) whose
message names the extractor, the check, the document, the relation and what was expected.

The checks run the extractor on a few small probe documents written for this purpose
(fictional people, curly quotes so that byte and character offsets differ, one document with
a date prefix, one without, an empty one and one holding only a date prefix).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from typing import Any

from .errors import BenchError
from .model import (
    ArgumentRef,
    Document,
    Mode,
    Polarity,
    PredictedRelation,
    PredictedTopic,
    Realis,
    RelationType,
    Span,
)
from .registry import NAME_PATTERN, declared_parameters


class ConformanceError(BenchError, AssertionError):
    """An extractor broke the extractor contract (see bench/extractors/base.py)."""


PROBE_TEXTS = {
    "probe-news": (
        " date 2024-03-05 Foreign Minister Anna Berglund visited Vienna on Tuesday. Berglund "
        "met Chancellor Markus Feldmann and discussed energy prices and the Danube bridge.\n\n"
        "“We talked by phone about trade,” said Tomas Rieger, who did not travel to Prague. "
        "President Ilse Marek will visit Warsaw next month.\n"
    ),
    "probe-plain": (
        "Prime Minister Jonas Kellberg held talks with his Estonian counterpart Kadri Tamm "
        "in Tallinn on Friday, his office said. The two leaders discussed regional security."
    ),
}
EMPTY_ID = "probe-empty"
DATE_ONLY_ID = "probe-date-only"

# Gold for the first probe document, in the readable draft form of bench/authoring.py, for
# the fit check of trainable extractors.
PROBE_DRAFT = {
    "doc_id": "probe-news",
    "entities": [
        {"id": "E1", "type": "PER", "name": "Anna Berglund", "mentions": ["Anna Berglund", "Berglund"]},
        {"id": "E2", "type": "GPE", "name": "Vienna", "mentions": ["Vienna"]},
        {"id": "E3", "type": "PER", "name": "Markus Feldmann", "mentions": ["Markus Feldmann"]},
        {"id": "E4", "type": "PER", "name": "Tomas Rieger", "mentions": ["Tomas Rieger"]},
        {"id": "E5", "type": "GPE", "name": "Prague", "mentions": ["Prague"]},
        {"id": "E6", "type": "PER", "name": "Ilse Marek", "mentions": ["Ilse Marek"]},
        {"id": "E7", "type": "GPE", "name": "Warsaw", "mentions": ["Warsaw"]},
    ],
    "relations": [
        {"type": "visited", "head": "E1", "tail": "E2", "trigger": "visited"},
        {"type": "met", "head": "E1", "tail": "E3", "trigger": "met"},
        {"type": "discussed", "head": "E1", "tail": "E3", "trigger": "discussed", "mode": "in_person",
         "topics": [{"label": "energy prices", "text": "energy prices"}]},
        {"type": "visited", "head": "E4", "tail": "E5", "trigger": "travel", "polarity": "NEG"},
        {"type": "visited", "head": "E6", "tail": "E7", "trigger": "visit", "realis": "PLANNED"},
    ],
}


def probe_documents() -> list[Document]:
    """The probe documents, the empty and the date-only one included."""
    from .corpus import document_from_text

    docs = [document_from_text(i, t) for i, t in PROBE_TEXTS.items()]
    docs.append(document_from_text(EMPTY_ID, ""))
    docs.append(document_from_text(DATE_ONLY_ID, " date 2024-03-05\n"))
    return docs


def probe_training_examples():
    """``TrainingExample`` objects for the fit check."""
    from .authoring import resolve_draft
    from .corpus import document_from_text
    from .extractors.base import TrainingExample
    from .jsonio import annotation_from_dict

    doc = document_from_text("probe-news", PROBE_TEXTS["probe-news"])
    gold = annotation_from_dict(resolve_draft(PROBE_DRAFT, doc, "<probe>"), "<probe>")
    return [TrainingExample(doc, gold)]


# --------------------------------------------------------------------------- the checks


class _Run:
    """Runs the extractor once on the probes and keeps the output for several checks."""

    def __init__(self, extractor):
        self.extractor = extractor
        self.docs = probe_documents()
        self._out: list | None = None

    @property
    def label(self) -> str:
        return repr(getattr(self.extractor, "name", type(self.extractor).__name__))

    def fail(self, check: str, message: str) -> ConformanceError:
        return ConformanceError(f"extractor {self.label} failed {check}: {message}")

    def extract(self, docs, check: str) -> list:
        try:
            result = self.extractor.extract(docs)
        except Exception as exc:
            raise self.fail(check, f"extract() raised {type(exc).__name__}: {exc}") from exc
        if result is None:
            raise self.fail(check, "extract() returned None; return an iterable of PredictedRelation (an empty list when there is nothing)")
        try:
            return list(result)
        except Exception as exc:
            raise self.fail(check, f"iterating the result of extract() raised {type(exc).__name__}: {exc}") from exc

    def output(self) -> list:
        if self._out is None:
            self._out = self.extract(list(self.docs), "check_extract_runs")
        return self._out


def _check_name(run: _Run) -> None:
    name = getattr(run.extractor, "name", None)
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise run.fail("check_name", f"name must be a string like 'keyword.v1' (lower-case letters, digits, underscores, then .vN); got {name!r}")


def _check_params_json(run: _Run) -> None:
    params = getattr(run.extractor, "params", None)
    if not isinstance(params, dict):
        raise run.fail("check_params_json", f"params must be a dict of the constructor's parameters; got {type(params).__name__}")
    bad = [k for k in params if not isinstance(k, str)]
    if bad:
        raise run.fail("check_params_json", f"params keys must be strings; got {bad!r}")
    try:
        again = json.loads(json.dumps(params, sort_keys=True))
    except (TypeError, ValueError) as exc:
        raise run.fail("check_params_json", f"params must be JSON-serialisable (they go into every report): {exc}") from None
    if again != params:
        raise run.fail("check_params_json", f"params change through JSON (use lists, not tuples; str keys): {params!r} -> {again!r}")


def _check_params_declared(run: _Run) -> None:
    params = getattr(run.extractor, "params", {}) or {}
    declared = set(declared_parameters(type(run.extractor)))
    if declared != set(params):
        extra = sorted(set(params) - declared)
        missing = sorted(declared - set(params))
        parts = []
        if missing:
            parts.append(f"constructor parameters missing from params: {missing}")
        if extra:
            parts.append(f"params keys that the constructor does not declare: {extra}")
        raise run.fail("check_params_declared", "; ".join(parts) + " (params must be exactly the constructor's parameters, so that ExtractorClass(**params) rebuilds it)")


def _check_rebuild_from_params(run: _Run) -> None:
    params = run.extractor.params
    try:
        clone = type(run.extractor)(**params)
    except Exception as exc:
        raise run.fail("check_rebuild_from_params", f"{type(run.extractor).__name__}(**params) raised {type(exc).__name__}: {exc}") from None
    if getattr(clone, "params", None) != params:
        raise run.fail("check_rebuild_from_params", f"rebuilt from {params!r}, the copy reports params {clone.params!r}")
    if getattr(clone, "name", None) != run.extractor.name:
        raise run.fail("check_rebuild_from_params", f"rebuilt copy is named {clone.name!r}, not {run.extractor.name!r}")


def _check_span(run: _Run, check: str, where: str, doc: Document, start: Any, end: Any, text: str | None) -> None:
    for v in (start, end):
        if not isinstance(v, int) or isinstance(v, bool):
            raise run.fail(check, f"{where}: offsets must be ints; got [{start!r}, {end!r})")
    if not 0 <= start < end <= len(doc.text):
        raise run.fail(check, f"{where}: offsets [{start}, {end}) must satisfy 0 <= start < end <= {len(doc.text)} (the document's length)")
    if start < doc.body_start:
        raise run.fail(check, f"{where}: offsets [{start}, {end}) fall in the date prefix (prose starts at {doc.body_start})")
    if text is not None and doc.text[start:end] != text:
        raise run.fail(check, f"{where}: offsets [{start}, {end}) slice {doc.text[start:end]!r} but the stated text is {text!r} (offsets are character offsets into the raw text, date prefix included)")


def _validate_relation(run: _Run, check: str, i: int, r: Any, docs: dict[str, Document]) -> None:
    if not isinstance(r, PredictedRelation):
        raise run.fail(check, f"item {i} is a {type(r).__name__}, not a bench.model.PredictedRelation")
    if r.doc_id not in docs:
        raise run.fail(check, f"relation {i}: doc_id {r.doc_id!r} is not the id of an input document ({', '.join(docs)})")
    doc = docs[r.doc_id]
    where = f"document {r.doc_id!r}, relation {i}"
    if not isinstance(r.type, RelationType):
        raise run.fail(check, f"{where}: type must be a RelationType; got {r.type!r}")
    where = f"{where} ({r.type.value})"
    for role in ("head", "tail"):
        arg = getattr(r, role)
        if not isinstance(arg, ArgumentRef):
            raise run.fail(check, f"{where}: {role} must be an ArgumentRef; got {type(arg).__name__}")
        if not isinstance(arg.text, str) or not arg.text.strip():
            raise run.fail(check, f"{where}: {role}.text must be a non-empty string; got {arg.text!r}")
        if (arg.start is None) != (arg.end is None):
            raise run.fail(check, f"{where}: {role} gives only one of start and end")
        if arg.start is not None:
            _check_span(run, check, f"{where}: {role}", doc, arg.start, arg.end, arg.text)
    for attr, enum in (("realis", Realis), ("polarity", Polarity), ("mode", Mode)):
        value = getattr(r, attr)
        if value is not None and not isinstance(value, enum):
            allowed = ", ".join(repr(v.value) for v in enum)
            raise run.fail(check, f"{where}: {attr} must be None or a {enum.__name__} ({allowed}); got {value!r}")
    for j, t in enumerate(r.topics):
        if not isinstance(t, PredictedTopic) or not isinstance(t.text, str) or not t.text.strip():
            raise run.fail(check, f"{where}: topic {j} must be a PredictedTopic with non-empty text; got {t!r}")
        if (t.start is None) != (t.end is None):
            raise run.fail(check, f"{where}: topic {j} gives only one of start and end")
        if t.start is not None:
            _check_span(run, check, f"{where}: topic {j}", doc, t.start, t.end, t.text)
    for j, s in enumerate(r.evidence):
        if not isinstance(s, Span):
            raise run.fail(check, f"{where}: evidence {j} must be a Span; got {s!r}")
        _check_span(run, check, f"{where}: evidence {j}", doc, s.start, s.end, None)
    if r.trigger is not None:
        if not isinstance(r.trigger, Span):
            raise run.fail(check, f"{where}: trigger must be a Span; got {r.trigger!r}")
        _check_span(run, check, f"{where}: trigger", doc, r.trigger.start, r.trigger.end, None)
    if r.score is not None and (not isinstance(r.score, float) or not math.isfinite(r.score)):
        raise run.fail(check, f"{where}: score must be None or a finite float; got {r.score!r}")
    from .jsonio import prediction_from_dict, prediction_to_dict

    try:
        back = prediction_from_dict(json.loads(json.dumps(prediction_to_dict(r))))
    except Exception as exc:
        raise run.fail(check, f"{where}: does not round-trip through the prediction JSONL format: {exc}") from None
    if back != r:
        raise run.fail(check, f"{where}: changes through the prediction JSONL format: {r!r} -> {back!r}")


def _check_output_well_formed(run: _Run) -> None:
    docs = {d.id: d for d in run.docs}
    for i, r in enumerate(run.output()):
        _validate_relation(run, "check_output_well_formed", i, r, docs)


def _check_deterministic(run: _Run) -> None:
    first = run.output()
    second = run.extract(list(run.docs), "check_deterministic")
    if first != second:
        diff = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), min(len(first), len(second)))
        raise run.fail("check_deterministic", f"two runs on the same documents differ (run 1: {len(first)} relations, run 2: {len(second)}; first difference at relation {diff})")


def _check_accepts_iterator(run: _Run) -> None:
    once = run.extract(iter(list(run.docs)), "check_accepts_iterator")
    if once != run.output():
        raise run.fail("check_accepts_iterator", "extract() over a one-pass iterator of the documents gives a different result than over a list (iterate the documents only once)")


def _check_nothing_from(run: _Run, check: str, doc_id: str, what: str) -> None:
    doc = next(d for d in run.docs if d.id == doc_id)
    out = run.extract([doc], check)
    if out:
        raise run.fail(check, f"{what} {doc.text!r} produced {len(out)} relation(s); expected none")


def _check_empty_document(run: _Run) -> None:
    _check_nothing_from(run, "check_empty_document", EMPTY_ID, "the empty document")


def _check_date_only_document(run: _Run) -> None:
    _check_nothing_from(run, "check_date_only_document", DATE_ONLY_ID, "a document holding only a date prefix")


def _check_fit(run: _Run) -> None:
    clone = type(run.extractor)(**run.extractor.params)
    try:
        clone.fit(probe_training_examples())
    except Exception as exc:
        raise run.fail("check_fit", f"fit() on one small training document raised {type(exc).__name__}: {exc}") from exc
    sub = _Run(clone)
    docs = {d.id: d for d in sub.docs}
    for i, r in enumerate(sub.extract(list(sub.docs), "check_fit")):
        _validate_relation(sub, "check_fit", i, r, docs)


def conformance_checks(extractor) -> Iterator[tuple[str, Callable[[], None]]]:
    """``(check name, callable)`` pairs, for ``pytest.mark.parametrize``. The checks share one
    run of the extractor over the probe documents."""
    run = _Run(extractor)
    checks: list[tuple[str, Callable[[_Run], None]]] = [
        ("check_name", _check_name),
        ("check_params_json", _check_params_json),
        ("check_params_declared", _check_params_declared),
        ("check_rebuild_from_params", _check_rebuild_from_params),
        ("check_output_well_formed", _check_output_well_formed),
        ("check_deterministic", _check_deterministic),
        ("check_accepts_iterator", _check_accepts_iterator),
        ("check_empty_document", _check_empty_document),
        ("check_date_only_document", _check_date_only_document),
    ]
    if callable(getattr(extractor, "fit", None)):
        checks.append(("check_fit", _check_fit))
    for name, fn in checks:
        yield name, (lambda fn=fn: fn(run))


def check_extractor(extractor) -> None:
    """Run every conformance check on ``extractor``; raise ``ConformanceError`` at the first
    failure. Returns None when the extractor conforms."""
    for _, check in conformance_checks(extractor):
        check()
