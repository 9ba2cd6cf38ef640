"""cooccurrence.v1: every pair of entities in a sentence is related.

What it does: spaCy's named-entity recogniser (NER only: no tagger, no parser) finds people
and places in the prose of each document; sentences come from ``bench.text``. In every
sentence, each pair of different person names gives ``met`` and ``discussed`` (no topic), and
each (person, place) pair gives ``visited`` from the person to the place. Relations repeated
across sentences are emitted once per document, with every sentence as evidence.

Why: it is the recall ceiling of sentence-level pairing over NER: any relation stated within
one sentence between two entities the NER finds is among its output. Its precision shows how
much of the task is deciding *which* co-occurring pairs are related.

Where it fails: precision is low by design. It predicts a meeting between people who are
merely mentioned together, a visit to every place named near a person (including places they
only talk about), and it ignores negation ("did not travel"), plans, phone calls, quoted
headlines and "Read more" lists, so it hits every trap. It misses relations whose arguments
are pronouns, titles ("the two ministers") or in different sentences, organisations or
countries acting as participants, and names the NER misses. It leaves realis, polarity and
mode unset (it cannot tell), so it never matches in the ``strict`` tier.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import ArgumentRef, Document, EntityType, PredictedRelation, RelationType, Span
from ..text import normalize, sentence_of, sentence_spans
from .ner import NER_ONLY, SPACY_REQUIREMENT, entity_mentions, load_spacy, parse_bodies


class CooccurrenceExtractor:
    """Every person pair in a sentence -> met and discussed; every (person, place) pair -> visited."""

    name = "cooccurrence.v1"
    description = "every person pair in a sentence -> met+discussed, person+place -> visited"
    requires = ("spacy", SPACY_REQUIREMENT)
    trainable = False
    needs = ("model",)

    def __init__(self, batch_size: int = 64, n_process: int = 1):
        for key, value in (("batch_size", batch_size), ("n_process", n_process)):
            if value < 1:
                raise ValueError(f"{key} must be at least 1; got {value}")
        self.batch_size = batch_size
        self.n_process = n_process
        self.params = {"batch_size": batch_size, "n_process": n_process}

    def extract(self, docs: Iterable[Document]) -> Iterator[PredictedRelation]:
        nlp = load_spacy(disable=NER_ONLY)
        for doc, sdoc in parse_bodies(nlp, docs, self.batch_size, self.n_process):
            yield from self._relations(doc, sdoc)

    def _relations(self, doc: Document, sdoc) -> list[PredictedRelation]:
        sentences = sentence_spans(doc.text, doc.body_start)
        by_sentence: dict[Span, list] = {}
        for m in entity_mentions(doc, sdoc):
            s = sentence_of(sentences, m.start)
            if s is not None:
                by_sentence.setdefault(s, []).append(m)
        found: dict[tuple, list] = {}  # key -> [head, tail, evidence list]

        def add(rtype: RelationType, head, tail, sentence: Span, key: tuple) -> None:
            entry = found.get(key)
            if entry is None:
                found[key] = [rtype, head, tail, [sentence]]
            elif sentence not in entry[3]:
                entry[3].append(sentence)

        for sentence in sentences:
            mentions = by_sentence.get(sentence, [])
            persons = _distinct(m for m in mentions if m.type is EntityType.PER)
            places = _distinct(m for m in mentions if m.is_place)
            for i, a in enumerate(persons):
                for b in persons[i + 1 :]:
                    if _same_person(a.text, b.text):
                        continue
                    pair = tuple(sorted((normalize(a.text), normalize(b.text))))
                    add(RelationType.MET, a, b, sentence, ("met", *pair))
                    add(RelationType.DISCUSSED, a, b, sentence, ("discussed", *pair))
                for p in places:
                    add(RelationType.VISITED, a, p, sentence, ("visited", normalize(a.text), normalize(p.text)))
        return [
            PredictedRelation(
                doc.id, rtype, _arg(head), _arg(tail), evidence=tuple(evidence),
            )
            for rtype, head, tail, evidence in found.values()
        ]


def _distinct(mentions) -> list:
    """First mention of each distinct normalised name, in order."""
    seen: dict[str, object] = {}
    for m in mentions:
        seen.setdefault(normalize(m.text), m)
    return list(seen.values())


def _same_person(a: str, b: str) -> bool:
    """"Kim" and "Kim Jong Un" name one person: one name's words are part of the other's."""
    wa, wb = set(normalize(a).split()), set(normalize(b).split())
    return wa <= wb or wb <= wa


def _arg(m) -> ArgumentRef:
    return ArgumentRef(m.text, m.start, m.end)
