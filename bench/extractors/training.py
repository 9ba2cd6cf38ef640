"""Training data for the trainable baselines, and the rule that keeps evaluation data out.

Sources, each a list of ``TrainingExample`` (a document with its gold):

- a corpus split (``dev``), documents and their gold files from ``annotations/``;
- the challenge suite's training templates, when ``bench.challenge`` provides
  ``training_examples()``;
- ``bench/extractors/data/classifier_train.jsonl``: a small hand-written training set of short
  constructed news sentences about fictional people (none is taken from the seed article),
  one document a line in the readable draft form of ``bench/authoring.py`` plus its
  ``"text"``.

``default_examples()`` is the union of the three, used when a trainable extractor is not
fitted explicitly. Splits that hold evaluation data (``test``, ``seed``) are refused.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from ..errors import BenchError, InputError, Problem
from ..model import Provenance
from .base import TrainingExample

FIXTURE = Path(__file__).resolve().parent / "data" / "classifier_train.jsonl"
EVALUATION_SPLITS = ("test", "seed")
DEFAULT = "default"


def refuse_evaluation_split(split: str) -> None:
    """Raise ``BenchError`` for a split that evaluation depends on."""
    if split in EVALUATION_SPLITS or split.startswith("test"):
        raise BenchError(
            f"refusing to train on the {split!r} split: it is evaluation data, and training on "
            f"it would inflate every score measured on it. Train on 'dev', on a training file, "
            f"or on {DEFAULT!r} (dev + challenge training templates + the bundled training set)"
        )


def read_training_file(path: str | Path) -> list[TrainingExample]:
    """Training documents from a JSONL file: one object a line with ``id``, ``text``, and the
    ``entities``/``relations`` of an annotation draft (mentions as text, see
    bench/authoring.py); an optional ``date`` is the document date."""
    from ..authoring import resolve_draft
    from ..corpus import document_from_text, read_text_file
    from ..jsonio import annotation_from_dict

    path = Path(path)
    examples: list[TrainingExample] = []
    problems: list[Problem] = []
    for n, line in enumerate(read_text_file(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(str(path), f"line {n}", f"invalid JSON: {exc.msg}"))
            continue
        if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not isinstance(row.get("text"), str):
            problems.append(Problem(str(path), f"line {n}", 'expected {"id": str, "text": str, "entities": [...], "relations": [...]}'))
            continue
        doc = document_from_text(row["id"], row["text"], provenance=Provenance.CONSTRUCTED, split="train", source=str(path))
        draft = {k: row.get(k, []) for k in ("entities", "relations", "out_of_scope")}
        draft["doc_id"] = row["id"]
        try:
            gold = annotation_from_dict(resolve_draft(draft, doc, f"{path}:{n}"), f"{path}:{n}")
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        examples.append(TrainingExample(doc, gold))
    if problems:
        raise InputError(problems)
    return examples


@lru_cache(maxsize=1)
def fixture_examples() -> tuple[TrainingExample, ...]:
    """The bundled training set (cached: it never changes within a process)."""
    return tuple(read_training_file(FIXTURE))


def split_examples(split: str, corpus_root: str | Path | None = None) -> list[TrainingExample]:
    """The documents of a corpus split that have gold, as training examples."""
    from ..corpus import load_corpus

    refuse_evaluation_split(split)
    corpus = load_corpus(corpus_root)
    if split not in corpus.splits:
        raise BenchError(f"unknown split {split!r}; the corpus has: {', '.join(corpus.splits)}")
    out = []
    for doc_id in corpus.ids(split):
        if corpus.annotation_path(doc_id).is_file():
            out.append(TrainingExample(corpus.document(doc_id), corpus.annotation(doc_id)))
    if not out:
        raise BenchError(f"split {split!r} has no annotated documents to train on")
    return out


def challenge_examples() -> list[TrainingExample]:
    """The challenge suite's training templates, when the suite provides them."""
    if importlib.util.find_spec("bench.challenge") is None:
        return []
    module = importlib.import_module("bench.challenge")
    provider = getattr(module, "training_examples", None)
    if not callable(provider):
        return []
    examples = list(provider())
    for ex in examples:
        if ex.document.split and (ex.document.split in EVALUATION_SPLITS or ex.document.split.startswith("test")):
            raise BenchError(f"challenge training example {ex.document.id!r} is marked split {ex.document.split!r}; refusing evaluation data")
    return examples


def default_examples(corpus_root: str | Path | None = None) -> list[TrainingExample]:
    """dev split (when annotated) + challenge training templates + the bundled training set."""
    from ..corpus import load_corpus

    out: list[TrainingExample] = []
    corpus = load_corpus(corpus_root)
    if "dev" in corpus.splits:
        try:
            out.extend(split_examples("dev", corpus_root))
        except BenchError:
            pass  # a dev split whose gold is not written yet
    out.extend(challenge_examples())
    out.extend(fixture_examples())
    return out


def training_examples(source: str, corpus_root: str | Path | None = None) -> list[TrainingExample]:
    """Examples for ``--train SOURCE``: ``default``, a split name, or a training JSONL file."""
    if source == DEFAULT:
        return default_examples(corpus_root)
    refuse_evaluation_split(source)
    path = Path(source)
    if path.is_file():
        return read_training_file(path)
    return split_examples(source, corpus_root)
