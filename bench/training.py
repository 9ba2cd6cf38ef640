"""Training data for learned extractors, in one place so that no code path can train on a
test split.

Every path that fits a trainable extractor without being told what to train on (``bench run``,
the speed protocol, ``bench extract`` without ``--train``, an extractor's self-fit on first
use, the benchmarks and the learning curve) calls ``default_training_examples()``: the
constructed corpus's ``dev`` split with its gold, plus the challenge suite's *training*
templates (never its test templates). The real seed article and every ``test`` split are
refused.

Other sources are explicit (``bench extract --train SOURCE``, ``training_examples(SOURCE)``):

- ``bundled``: ``bench/extractors/data/classifier_train.jsonl``, a small hand-written set of
  short constructed news sentences about fictional people (none taken from the seed article),
  one document a line in the readable draft form of ``bench/authoring.py`` plus its
  ``"text"``. The unit tests fit on it because it is small;
- a corpus split name (``dev``);
- a training JSONL file in the same form as the bundled set.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .corpus import load_corpus
from .errors import BenchError, InputError, Problem
from .extractors.base import TrainingExample
from .model import Provenance

TRAINING_SPLITS = ("dev",)
FORBIDDEN_SPLITS = ("test",)
EVALUATION_SPLITS = ("test", "seed")
DEFAULT = "default"
BUNDLED = "bundled"
BUNDLED_FILE = Path(__file__).resolve().parent / "extractors" / "data" / "classifier_train.jsonl"


def check_training_splits(splits: Sequence[str]) -> None:
    """Refuse any split that is held out for evaluation."""
    bad = [s for s in splits if s in EVALUATION_SPLITS or s.endswith("-test") or s == "all"]
    if bad:
        raise BenchError(
            f"refusing to train on {', '.join(repr(b) for b in bad)}: it is evaluation data, and "
            f"training on it would inflate every score measured on it; train on "
            f"{', '.join(TRAINING_SPLITS)}, the challenge training templates, {BUNDLED!r} or a training file"
        )


def corpus_examples(splits: Sequence[str] = TRAINING_SPLITS, corpus_root=None) -> list[TrainingExample]:
    """Documents with gold from the given corpus splits (checked against held-out splits)."""
    check_training_splits(splits)
    corpus = load_corpus(corpus_root)
    out: list[TrainingExample] = []
    for split in splits:
        if split not in corpus.splits:
            continue
        for doc in corpus.documents(split):
            out.append(TrainingExample(doc, corpus.annotation(doc.id)))
    return out


def challenge_examples(seed: int = 0) -> list[TrainingExample]:
    """The challenge suite's training-side cases (empty when the suite is not available)."""
    try:
        from .challenge import training_examples as challenge_training
    except ImportError:
        return []
    return list(challenge_training(seed=seed))


def default_training_examples(
    splits: Sequence[str] = TRAINING_SPLITS, challenge: bool = True, seed: int = 0, corpus_root=None
) -> list[TrainingExample]:
    """The training set every trainable baseline uses unless told otherwise."""
    examples = corpus_examples(splits, corpus_root)
    if challenge:
        examples += challenge_examples(seed)
    return examples


def read_training_file(path: str | Path) -> list[TrainingExample]:
    """Training documents from a JSONL file: one object a line with ``id``, ``text``, and the
    ``entities``/``relations`` of an annotation draft (mentions as text, see
    bench/authoring.py); an optional ``date`` is the document date."""
    from .authoring import resolve_draft
    from .corpus import document_from_text, read_text_file
    from .jsonio import annotation_from_dict

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
def bundled_examples() -> tuple[TrainingExample, ...]:
    """The bundled training set (cached: it never changes within a process)."""
    return tuple(read_training_file(BUNDLED_FILE))


def split_examples(split: str, corpus_root: str | Path | None = None) -> list[TrainingExample]:
    """The documents of a corpus split that have gold, as training examples."""
    check_training_splits([split])
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


def training_examples(source: str, corpus_root: str | Path | None = None) -> list[TrainingExample]:
    """Examples for ``--train SOURCE``: ``default``, ``bundled``, a split name, or a training
    JSONL file."""
    if source == DEFAULT:
        return default_training_examples(corpus_root=corpus_root)
    if source == BUNDLED:
        return list(bundled_examples())
    check_training_splits([source])
    path = Path(source)
    try:
        is_file = path.is_file()
    except OSError as exc:  # a name the file system refuses (too long, ...)
        raise InputError(Problem(source, "", f"cannot read: {exc.strerror}")) from None
    if is_file:
        return read_training_file(path)
    return split_examples(source, corpus_root)
