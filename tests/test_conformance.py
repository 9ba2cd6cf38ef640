"""check_extractor: a conforming extractor passes; each kind of defect fails with a message
that names the check, the document and what was expected."""

from __future__ import annotations

import re

import pytest

from bench.conformance import ConformanceError, check_extractor, conformance_checks, probe_documents
from bench.model import ArgumentRef, PredictedRelation, RelationType, Span


class Good:
    """Emits visited(first capitalised word -> last capitalised word) per document."""

    name = "good.v1"

    def __init__(self, limit: int = 5):
        self.params = {"limit": limit}

    def extract(self, docs):
        for doc in docs:
            words = [(i, w) for i, w in _words(doc.text, doc.body_start) if w[:1].isupper()]
            if len(words) >= 2:
                (a, wa), (b, wb) = words[0], words[-1]
                yield PredictedRelation(doc.id, RelationType.VISITED, ArgumentRef(wa, a, a + len(wa)), ArgumentRef(wb, b, b + len(wb)), evidence=(Span(doc.body_start, len(doc.text)),))


def _words(text, start):
    """(offset, word) pairs of the prose, offsets into the raw text."""
    return [(m.start(), m.group()) for m in re.finditer(r"\w+", text) if m.start() >= start]


def _variant(**attrs):
    """An instance of a subclass of Good with ``attrs`` overridden."""
    return type("Variant", (Good,), attrs)()


def fails_with(extractor, *fragments):
    with pytest.raises(ConformanceError) as err:
        check_extractor(extractor)
    for f in fragments:
        assert f in str(err.value), str(err.value)
    assert isinstance(err.value, AssertionError)


def test_good_extractor_passes():
    check_extractor(Good())


def test_probe_documents_cover_the_edge_cases():
    docs = {d.id: d for d in probe_documents()}
    assert docs["probe-empty"].text == ""
    assert docs["probe-date-only"].body == ""
    assert docs["probe-news"].date is not None and docs["probe-plain"].date is None
    assert any(ord(ch) > 127 for ch in docs["probe-news"].text)  # character != byte offsets


def test_bad_name():
    fails_with(_variant(name="Good"), "failed check_name", "'keyword.v1'")


def test_params_must_be_json():
    class B(Good):
        def __init__(self, limit: int = 5):
            self.params = {"limit": (limit,)}

    fails_with(B(), "check_params_json", "use lists, not tuples")


def test_params_must_match_constructor():
    class B(Good):
        def __init__(self, limit: int = 5, extra: bool = False):
            self.params = {"limit": limit}

    fails_with(B(), "check_params_declared", "missing from params: ['extra']")


def test_offsets_must_slice_text():
    class B(Good):
        def extract(self, docs):
            for r in super().extract(docs):
                yield PredictedRelation(r.doc_id, r.type, ArgumentRef(r.head.text, r.head.start + 1, r.head.end + 1), r.tail)

    fails_with(B(), "check_output_well_formed", "document 'probe-news', relation 0 (visited): head", "but the stated text is")


def test_offsets_outside_prose_rejected():
    class B(Good):
        def extract(self, docs):
            for doc in docs:
                if doc.body_start:
                    yield PredictedRelation(doc.id, RelationType.MET, ArgumentRef("date", 1, 5), ArgumentRef("x"))

    fails_with(B(), "fall in the date prefix")


def test_doc_id_must_be_an_input_document():
    class B(Good):
        def extract(self, docs):
            for r in super().extract(docs):
                yield PredictedRelation("other", r.type, r.head, r.tail)

    fails_with(B(), "doc_id 'other' is not the id of an input document")


def test_types_must_be_enums():
    class B(Good):
        def extract(self, docs):
            for r in super().extract(docs):
                yield PredictedRelation(r.doc_id, "visited", r.head, r.tail)

    fails_with(B(), "type must be a RelationType")


def test_returning_none_fails():
    fails_with(_variant(extract=lambda self, docs: None), "returned None")


def test_exceptions_are_reported():
    def boom(self, docs):
        raise RuntimeError("kaput")

    fails_with(_variant(extract=boom), "extract() raised RuntimeError: kaput")


def test_nondeterminism_detected():
    class B(Good):
        calls = 0

        def extract(self, docs):
            type(self).calls += 1
            out = list(super().extract(docs))
            return out if type(self).calls % 2 else out[::-1]

    fails_with(B(), "check_deterministic", "first difference at relation 0")


def test_one_pass_iterators_supported():
    class B(Good):
        def extract(self, docs):
            n = len(list(docs))  # consumes an iterator before the real pass
            return list(super().extract(docs)) if n else []

    fails_with(B(), "check_accepts_iterator")


def test_empty_and_date_only_documents_give_nothing():
    class B(Good):
        def extract(self, docs):
            for doc in docs:
                yield PredictedRelation(doc.id, RelationType.MET, ArgumentRef("A"), ArgumentRef("B"))

    fails_with(B(), "check_empty_document", "expected none")


def test_score_must_be_finite_float():
    class B(Good):
        def extract(self, docs):
            for r in super().extract(docs):
                yield PredictedRelation(r.doc_id, r.type, r.head, r.tail, score=float("nan"))

    fails_with(B(), "score must be None or a finite float")


def test_conformance_checks_for_parametrisation():
    names = [n for n, _ in conformance_checks(Good())]
    assert names[0] == "check_name" and "check_deterministic" in names
    assert "check_fit" not in names

    class Fits(Good):
        fitted = False

        def fit(self, examples):
            assert examples and examples[0].gold.relations
            type(self).fitted = True

    pairs = list(conformance_checks(Fits()))
    assert pairs[-1][0] == "check_fit"
    for _, check in pairs:
        check()
    assert Fits.fitted


def test_fit_failures_are_reported():
    class B(Good):
        def fit(self, examples):
            raise ValueError("no data")

    fails_with(B(), "check_fit", "fit() on one small training document raised ValueError: no data")
