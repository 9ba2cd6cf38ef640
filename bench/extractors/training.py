"""Training data for the trainable baselines, on top of ``bench.training`` (the one source
of corpus and challenge training data, which refuses test splits).

Sources, each a list of ``TrainingExample`` (a document with its gold):

- ``bench.training.default_training_examples()``: the constructed corpus's ``dev`` split with
  its gold and the challenge suite's training templates;
- ``bench/extractors/data/classifier_train.jsonl``: a small hand-written training set of short
  constructed news sentences about fictional people (none is taken from the seed article),
  one document a line in the readable draft form of ``bench/authoring.py`` plus its
  ``"text"``.

``default_examples()`` is their union, used when a trainable extractor is not fitted
explicitly. Evaluation data (``test`` splits, the real ``seed`` article) is refused.
"""

from __future__ import annotations

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
    from ..training import check_training_splits

    check_training_splits([split])
    if split in EVALUATION_SPLITS:
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
        except RecursionError:  # arrays or objects nested deeper than the parser can follow
            problems.append(Problem(str(path), f"line {n}", "invalid JSON: nested too deeply"))
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
    out = [
        TrainingExample(corpus.document(i), corpus.annotation(i))
        for i in corpus.ids(split)
        if corpus.annotation_path(i).is_file()
    ]
    if not out:
        raise BenchError(f"split {split!r} has no annotated documents to train on")
    return out


def default_examples(corpus_root: str | Path | None = None) -> list[TrainingExample]:
    """The project's default training data plus the bundled training set. While the dev
    split's gold is incomplete, its annotated documents are used."""
    from .. import training

    try:
        out = list(training.default_training_examples(corpus_root=corpus_root))
    except InputError:  # a dev document whose gold file is not written yet
        try:
            out = split_examples("dev", corpus_root)
        except BenchError:
            out = []
        out += training.challenge_examples()
    return out + list(fixture_examples())


def training_examples(source: str, corpus_root: str | Path | None = None) -> list[TrainingExample]:
    """Examples for ``--train SOURCE``: ``default``, a split name, or a training JSONL file."""
    if source == DEFAULT:
        return default_examples(corpus_root)
    refuse_evaluation_split(source)
    path = Path(source)
    try:
        is_file = path.is_file()
    except OSError as exc:  # a name the file system refuses (too long, ...)
        raise InputError(Problem(source, "", f"cannot read: {exc.strerror}")) from None
    if is_file:
        return read_training_file(path)
    return split_examples(source, corpus_root)
