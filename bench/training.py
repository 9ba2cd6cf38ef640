"""Training data for learned extractors, in one place so that no code path can train on a
test split.

The default training set is the constructed corpus's ``dev`` split with its gold, plus the
challenge suite's *training* templates (never its test templates). The real seed article and
every ``test`` split are excluded.
"""

from __future__ import annotations

from collections.abc import Sequence

from .corpus import load_corpus
from .errors import BenchError
from .extractors.base import TrainingExample

TRAINING_SPLITS = ("dev",)
FORBIDDEN_SPLITS = ("test",)


def check_training_splits(splits: Sequence[str]) -> None:
    """Refuse any split that is held out for evaluation."""
    bad = [s for s in splits if s in FORBIDDEN_SPLITS or s.endswith("-test") or s == "all"]
    if bad:
        raise BenchError(
            f"refusing to train on {', '.join(repr(b) for b in bad)}: test splits are held out "
            f"for evaluation; train on {', '.join(TRAINING_SPLITS)} (and the challenge training templates)"
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
        from .challenge import training_examples
    except ImportError:
        return []
    return list(training_examples(seed=seed))


def default_training_examples(
    splits: Sequence[str] = TRAINING_SPLITS, challenge: bool = True, seed: int = 0, corpus_root=None
) -> list[TrainingExample]:
    """The training set every trainable baseline uses unless told otherwise."""
    examples = corpus_examples(splits, corpus_root)
    if challenge:
        examples += challenge_examples(seed)
    return examples
