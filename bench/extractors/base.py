"""The extractor protocol. A protocol, not a base class: any object with these members is an
extractor, so plugins need nothing from this package at class-definition time.

Contract:

- ``name``: ``"family.vN"``. Bump N whenever the output for the same input changes.
- ``params``: the JSON-serialisable parameters it was built with; they go into every report
  and into the prediction cache key.
- ``extract(docs)``: predicted relations for an iterable of documents. Offsets, when given,
  index ``doc.text`` (the raw text, date prefix included). Must be deterministic.
- optional ``fit(examples)``: learn from training documents with gold. The harness only ever
  passes training splits (never a test split).
- optional class attributes ``description`` (one line), ``requires`` (e.g. ``("spacy",)``),
  ``trainable`` (bool).

Plugins construct as ``ExtractorClass(**params)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from ..model import Annotation, Document, PredictedRelation


@dataclass(frozen=True, slots=True)
class TrainingExample:
    """A document with its gold, as passed to ``fit``."""

    document: Document
    gold: Annotation


@runtime_checkable
class Extractor(Protocol):
    name: str
    params: dict[str, Any]

    def extract(self, docs: Iterable[Document]) -> Iterator[PredictedRelation]: ...


@runtime_checkable
class Trainable(Extractor, Protocol):
    def fit(self, examples: Sequence[TrainingExample]) -> None: ...
