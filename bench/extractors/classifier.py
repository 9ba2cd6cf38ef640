"""classifier.v1: a logistic-regression classifier over candidate entity pairs.

What it does: spaCy parses each document's prose; ``bench.extractors.candidates`` proposes
candidate pairs within a sentence (person + place for ``visited``, two people for ``met`` and
``discussed``; a subject pronoun or "the two ministers" stands for the people named before)
and describes each with sparse features: words between and around the pair, trigger lemmas
in the sentence, the dependency path between the two mentions and the trigger governing it,
entity types and distance. One scikit-learn ``LogisticRegression`` per relation type decides
whether the pair is related (class weights balanced, deterministic for a given ``seed``).
Polarity, realis, mode and topics come from cue words on the dependency path and the
objects of "discuss"/"talks on"; a pair that only spoke by phone or video gets no ``met``.

Training: only on training data, never on a test split: by default the constructed corpus's
dev split (when its gold exists), the challenge suite's training templates (when provided)
and the bundled training set ``bench/extractors/data/classifier_train.jsonl`` (short
constructed sentences about fictional people). ``fit(examples)`` replaces that with the given
examples; an extractor that was not fitted fits itself on the default data on first use.
Trained models are cached per process, keyed by the training data and parameters.

Where it fails: it only pairs entities in the same sentence, so relations stated across
sentences are lost unless "the two ministers" or a pronoun carries them; it depends on spaCy's
NER (a person it misses or mislabels cannot be an argument; organisations and countries are
never participants); it learns from a few hundred candidates, so unseen trigger words and
long-distance constructions are guessed from types and distance alone; the cue rules for
polarity and realis read only the path's governors, so a negation elsewhere in the sentence
("denied reports that...") can be missed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from ..model import ArgumentRef, Document, Mode, PredictedRelation, PredictedTopic, RelationType
from ..text import normalize
from . import candidates as cand
from .base import TrainingExample
from .ner import SPACY_REQUIREMENT, load_spacy

_MODELS: dict[str, dict[RelationType, Any]] = {}  # per-process cache of trained models
KINDS = {RelationType.VISITED: "visit", RelationType.MET: "pair", RelationType.DISCUSSED: "pair"}


class ClassifierExtractor:
    """Logistic regression over candidate entity pairs, one model per relation type."""

    name = "classifier.v1"
    description = "logistic regression over candidate entity pairs (words, dependency path, types)"
    requires = ("sklearn", "spacy", SPACY_REQUIREMENT)
    trainable = True
    needs = ("model", "training")

    def __init__(self, C: float = 1.0, threshold: float = 0.5, seed: int = 0, batch_size: int = 64):
        if C <= 0:
            raise ValueError(f"C must be positive; got {C}")
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be between 0 and 1; got {threshold}")
        if not 0 <= seed < 2**32:
            raise ValueError(f"seed must be between 0 and 2**32 - 1; got {seed}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1; got {batch_size}")
        self.C = float(C)
        self.threshold = float(threshold)
        self.seed = int(seed)
        self.batch_size = int(batch_size)
        self.params = {"C": self.C, "threshold": self.threshold, "seed": self.seed, "batch_size": self.batch_size}
        self._models: dict[RelationType, Any] | None = None

    # ---------------------------------------------------------------- training

    def fit(self, examples: Sequence[TrainingExample]) -> ClassifierExtractor:
        """Train one model per relation type on ``examples`` (documents with gold)."""
        key = self._cache_key(examples)
        if key not in _MODELS:
            _MODELS[key] = self._train(examples)
        self._models = _MODELS[key]
        return self

    def _cache_key(self, examples: Sequence[TrainingExample]) -> str:
        from ..jsonio import annotation_to_dict, dumps_canonical

        h = hashlib.sha256(repr(sorted(self.params.items())).encode())
        for ex in examples:
            h.update(ex.document.text.encode())
            h.update(dumps_canonical(annotation_to_dict(ex.gold)).encode())
        return h.hexdigest()

    def _train(self, examples: Sequence[TrainingExample]) -> dict[RelationType, Any]:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        nlp = load_spacy()
        gold = {ex.document.id: ex.gold for ex in examples}
        rows: dict[str, list[tuple[dict, set]]] = {"visit": [], "pair": []}
        for doc, _sdoc, cands in cand.iter_candidates(nlp, [ex.document for ex in examples], self.batch_size):
            for c in cands:
                rows[c.kind].append((cand.features(c), cand.gold_labels(c, gold[doc.id])))
        models: dict[RelationType, Any] = {}
        for rtype, kind in KINDS.items():
            X = [f for f, _ in rows[kind]]
            y = [int(rtype in labels) for _, labels in rows[kind]]
            if len(set(y)) < 2:
                models[rtype] = None  # nothing to learn from: this type is never predicted
                continue
            vec = DictVectorizer(sparse=True, sort=True)
            clf = LogisticRegression(C=self.C, class_weight="balanced", solver="lbfgs", random_state=self.seed, max_iter=2000)
            clf.fit(vec.fit_transform(X), y)
            models[rtype] = (vec, clf)
        return models

    def _ensure_fitted(self) -> dict[RelationType, Any]:
        if self._models is None:
            from ..training import default_training_examples

            self.fit(default_training_examples())
        return self._models

    # ---------------------------------------------------------------- extraction

    def extract(self, docs: Iterable[Document]) -> Iterator[PredictedRelation]:
        models = self._ensure_fitted()
        nlp = load_spacy()
        for doc, _sdoc, cands in cand.iter_candidates(nlp, docs, self.batch_size):
            yield from self._relations(doc, cands, models)

    def _relations(self, doc: Document, cands: list, models) -> list[PredictedRelation]:
        scores: dict[RelationType, list[float]] = {}
        for rtype, kind in KINDS.items():
            subset = [c for c in cands if c.kind == kind]
            if models.get(rtype) is None or not subset:
                scores[rtype] = [0.0] * len(subset)
                continue
            vec, clf = models[rtype]
            scores[rtype] = list(clf.predict_proba(vec.transform([cand.features(c) for c in subset]))[:, 1])
        found = []
        for rtype, kind in KINDS.items():
            subset = [c for c in cands if c.kind == kind]
            for c, p in zip(subset, scores[rtype], strict=True):
                if p >= self.threshold:
                    found.append(build_relation(doc, c, rtype, float(p)))
        return merge_relations(r for r in found if r is not None)


def merge_relations(relations: Iterable[PredictedRelation]) -> list[PredictedRelation]:
    """One relation per document-level key (type, arguments, polarity, realis): the
    highest-scoring one, with the evidence sentences and topics of all."""
    best: dict[tuple, PredictedRelation] = {}
    for rel in relations:
        key = relation_key(rel)
        old = best.get(key)
        if old is None:
            best[key] = rel
            continue
        evidence = tuple(sorted(set(old.evidence) | set(rel.evidence), key=lambda s: (s.start, s.end)))
        topics = tuple(dict.fromkeys(old.topics + rel.topics))
        keep = rel if (rel.score or 0) > (old.score or 0) else old
        best[key] = replace(keep, evidence=evidence, topics=topics)
    return list(best.values())


def build_relation(doc: Document, c, rtype: RelationType, score: float) -> PredictedRelation | None:
    """A predicted relation for candidate ``c``, with attributes from cue words; None for
    ``met`` between parties that only spoke remotely."""
    polarity, realis = cand.attributes(c)
    mode = cand.mode(c)
    if rtype is RelationType.MET and mode in (Mode.PHONE, Mode.VIDEO, Mode.WRITTEN):
        return None
    topics: tuple[PredictedTopic, ...] = ()
    if rtype is RelationType.DISCUSSED:
        topics = tuple(PredictedTopic(doc.text[s.start : s.end], s.start, s.end) for s in cand.topic_spans(c))
    h, t = c.head.mention, c.tail.mention
    return PredictedRelation(
        doc.id, rtype, ArgumentRef(h.text, h.start, h.end), ArgumentRef(t.text, t.start, t.end),
        realis=realis, polarity=polarity,
        mode=mode if rtype is RelationType.DISCUSSED else None,
        topics=topics, evidence=(c.sentence,), trigger=cand.trigger_span(c, rtype),
        score=round(score, 6),
    )


def relation_key(r: PredictedRelation) -> tuple:
    """Relations with the same key are one document-level relation."""
    a, b = normalize(r.head.text), normalize(r.tail.text)
    if r.type is not RelationType.VISITED:
        a, b = sorted((a, b))
    return (r.type, a, b, r.polarity, r.realis)
