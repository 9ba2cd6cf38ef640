"""The reference of the speed protocol: the bare spaCy English pipeline, measured like an extractor.

The project states its speed goals relative to spaCy: "trigger.v1 is at least 30x faster than
the bare spaCy pipeline on the same text", "spacy_dep.v1 keeps >= 90% of the throughput of
the bare spaCy pipeline it runs, same batch size and processes". A docs/s figure alone cannot
be checked against such a goal on another machine; a ratio to a pipeline measured in the same
run, on the same documents, can. So ``bench run`` measures this reference once per run and
reports each extractor's words/s as a multiple of the reference's (``speed.json``:
``reference`` and ``words_per_s_vs_spacy``).

``SpacyPipelineReference`` looks like an extractor to ``bench.speed.measure``: it is built by a
factory (its cold start is the import of spaCy and the loading of the pipeline, by the loader
the spaCy extractors share, ``bench.extractors.ner.load_spacy``, with the components
``spacy_dep.v1`` excludes excluded here too), and its ``extract`` runs ``nlp.pipe`` over each
document's prose (``doc.body``, as every spaCy extractor parses it) at ``spacy_dep.v1``'s
default batch size and number of processes, and yields no relation. It is measured in a
fresh process by ``python -m bench.speed --reference spacy``, by the very ``measure``
function that measures the extractors, so its figures follow the same protocol.
"""

from __future__ import annotations

import importlib.util
import inspect
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .errors import BenchError
from .model import Document

REFERENCE_NAME = "spacy_pipeline"  # its key under "reference" in speed.json
REFERENCE_CLI = "spacy"  # python -m bench.speed --reference spacy
RATIO_KEY = "words_per_s_vs_spacy"  # an extractor's words/s over the reference's
MATCHED_EXTRACTOR = "spacy_dep.v1"  # whose pipeline, batch size and processes it copies
RATIO_HEADER = "× spaCy parse"  # the speed tables' column of RATIO_KEY, in the console and the reports
FIRST_PASS_RATIO_KEY = "first_pass_words_per_s_vs_spacy"  # the same ratio for the first, untimed-text pass
FIRST_PASS_HEADER = "× spaCy, first pass"  # the reports' column of FIRST_PASS_RATIO_KEY
REFERENCE_LABEL = "spaCy pipeline (reference)"  # the reference's own row in those tables


class SpacyPipelineReference:
    """The bare spaCy pipeline over each document's prose; yields no relations.

    ``batch_size``, ``n_process`` and ``disable`` (None: as ``spacy_dep.v1``, see
    ``reference_params``) are passed to ``load_spacy`` and ``nlp.pipe``.
    """

    name = REFERENCE_NAME
    requires: tuple[str, ...] = ("spacy",)
    trainable = False

    def __init__(self, batch_size: int | None = None, n_process: int | None = None,
                 disable: Sequence[str] | None = None) -> None:
        why = unavailable()
        if why:
            raise BenchError(f"speed reference: {why}")
        defaults = reference_params() if None in (batch_size, n_process, disable) else {}
        batch_size = defaults.get("batch_size") if batch_size is None else batch_size
        n_process = defaults.get("n_process") if n_process is None else n_process
        disable = defaults.get("disable") if disable is None else disable
        for key, value in (("batch_size", batch_size), ("n_process", n_process)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                raise BenchError(f"speed reference: {key} must be a positive integer; got {value!r}")
        from .extractors.ner import load_spacy

        self.batch_size, self.n_process = batch_size, n_process
        self.disable = tuple(sorted(set(disable or ())))
        self.params: dict[str, Any] = {"batch_size": batch_size, "n_process": n_process, "disable": list(self.disable)}
        self.nlp = load_spacy(self.disable)

    def extract(self, docs: Iterable[Document]) -> Iterator[Any]:
        options = {k: v for k, v in (("batch_size", self.batch_size), ("n_process", self.n_process)) if v is not None}
        for _ in self.nlp.pipe((d.body for d in docs), **options):
            pass
        yield from ()


REFERENCES = {REFERENCE_CLI: SpacyPipelineReference}


def unavailable() -> str | None:
    """Why the reference cannot be measured here (spaCy or its English pipeline missing), or
    None when it can."""
    if importlib.util.find_spec("spacy") is None:
        return "spaCy is not installed"
    from .extractors.ner import model_name

    try:
        model_name()
    except BenchError as exc:
        return str(exc)
    return None


def reference_params() -> dict[str, Any]:
    """The parameters of the reference: ``spacy_dep.v1``'s default ``batch_size`` and
    ``n_process`` and the pipeline components it excludes. Where it has no such parameter it
    runs with spaCy's default, and so does the reference: ``n_process`` 1 (``nlp.pipe``'s
    default), ``batch_size`` None (the pipeline's own ``nlp.batch_size``)."""
    from .extractors.spacy_dep import SpacyDepExtractor

    signature = inspect.signature(SpacyDepExtractor).parameters

    def default(name: str, fallback: Any) -> Any:
        p = signature.get(name)
        return fallback if p is None or p.default is inspect.Parameter.empty else p.default

    return {
        "batch_size": default("batch_size", None),
        "n_process": default("n_process", 1),
        "disable": sorted(set(getattr(SpacyDepExtractor, "DISABLE", ()))),
    }


def describe(params: dict[str, Any]) -> str:
    """One sentence saying what the reference measured (pipeline, its version, settings)."""
    from importlib.metadata import PackageNotFoundError, version

    from .extractors.ner import model_name

    try:
        model = model_name()
    except BenchError:
        model = "the English pipeline"
    else:
        try:
            model = f"{model} {version(model)}"
        except PackageNotFoundError:
            pass
    try:
        spacy = f"spaCy {version('spacy')}"
    except PackageNotFoundError:
        spacy = "spaCy"
    excluded = ", ".join(params.get("disable") or ()) or "none"
    batch = params.get("batch_size") if params.get("batch_size") is not None else "spaCy's default"
    procs = params.get("n_process") if params.get("n_process") is not None else 1
    return (
        f"the bare spaCy pipeline {model} ({spacy}; components excluded: {excluded}) over each document's "
        f"prose with nlp.pipe, batch_size {batch}, n_process {procs} ({MATCHED_EXTRACTOR}'s defaults); "
        "no relations"
    )
