"""Small hand-built documents and gold for the scorer's tests.

Mentions are given as surface strings (``"Lavrov#2"`` is the second occurrence), never as
typed offsets, so a case reads like the sentence it is about.
"""

from __future__ import annotations

import re

from bench.model import (
    Annotation,
    ArgumentRef,
    Document,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Polarity,
    PredictedRelation,
    PredictedTopic,
    Realis,
    Relation,
    RelationType,
    Span,
    Topic,
)
from bench.text import sentence_spans

V, M, D = RelationType.VISITED, RelationType.MET, RelationType.DISCUSSED


def find(text: str, selector: str) -> Mention:
    """The mention selected by ``"surface"`` or ``"surface#n"`` (n-th whole-word occurrence)."""
    m = re.fullmatch(r"(.*?)(?:#(\d+))?", selector, re.S)
    surface, nth = m.group(1), int(m.group(2) or 1)
    hits = [h.start() for h in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text)]
    if len(hits) < nth:
        raise AssertionError(f"{selector!r} not in the text")
    start = hits[nth - 1]
    return Mention(start, start + len(surface), surface)


def entity(text: str, eid: str, name: str, mentions: list[str], etype=EntityType.PER, aliases=(), part_of=None) -> Entity:
    return Entity(eid, etype, name, tuple(find(text, s) for s in mentions), tuple(aliases), part_of)


def relation(
    text: str, rid: str, rtype, head: str, tail: str, polarity="POS", realis="ACTUAL",
    sentence: int | None = None, trigger: str | None = None, topics=(),
) -> Relation:
    sents = sentence_spans(text)
    ev = Evidence(
        find(text, trigger) if trigger else None,
        (sents[sentence],) if sentence is not None else (),
    )
    tops = tuple(Topic(label, tuple(find(text, s) for s in spans)) for label, spans in topics)
    return Relation(rid, rtype, head, tail, Polarity(polarity), Realis(realis), ev, topics=tops)


def arg(text: str, selector: str | None = None, surface: str | None = None) -> ArgumentRef:
    """An argument with offsets (``selector`` in ``text``) or text only (``surface``)."""
    if selector is not None:
        m = find(text, selector)
        return ArgumentRef(m.text, m.start, m.end)
    return ArgumentRef(surface)


def pred(doc_id, rtype, head: ArgumentRef | str, tail: ArgumentRef | str, **kw) -> PredictedRelation:
    head = ArgumentRef(head) if isinstance(head, str) else head
    tail = ArgumentRef(tail) if isinstance(tail, str) else tail
    if "topics" in kw:
        kw["topics"] = tuple(PredictedTopic(t) if isinstance(t, str) else t for t in kw["topics"])
    for k in ("realis", "polarity"):
        if isinstance(kw.get(k), str):
            kw[k] = Realis(kw[k]) if k == "realis" else Polarity(kw[k])
    return PredictedRelation(doc_id, rtype, head, tail, **kw)


# The standard case: one document exercising every rule.
TEXT = (
    "Lavrov visited Beijing, not Shanghai, on Monday. "
    "Lavrov met Wang Yi in China. "
    "They discussed the war in Ukraine and the Middle East. "
    "Lavrov did not meet Blinken. "
    "Putin hopes to visit Pyongyang."
)
SENT = sentence_spans(TEXT)


def standard(doc_id: str = "d1") -> tuple[Document, Annotation]:
    """Sentences: 0 Lavrov visited Beijing; 1 met Wang Yi in China; 2 discussed two topics;
    3 did not meet Blinken (NEG); 4 Putin hopes to visit Pyongyang (OTHER)."""
    t = TEXT
    ents = (
        entity(t, "L", "Sergei Lavrov", ["Lavrov#1", "Lavrov#2", "Lavrov#3"], aliases=["Lavrov"]),
        entity(t, "B", "Beijing", ["Beijing"], EntityType.GPE, part_of="C"),
        entity(t, "S", "Shanghai", ["Shanghai"], EntityType.GPE, part_of="C"),
        entity(t, "C", "China", ["China"], EntityType.GPE),
        entity(t, "W", "Wang Yi", ["Wang Yi"]),
        entity(t, "K", "Antony Blinken", ["Blinken"]),
        entity(t, "P", "Vladimir Putin", ["Putin"]),
        entity(t, "Y", "Pyongyang", ["Pyongyang"], EntityType.GPE),
    )
    rels = (
        relation(t, "R1", V, "L", "B", sentence=0, trigger="visited"),
        relation(t, "R2", M, "L", "W", sentence=1, trigger="met"),
        relation(
            t, "R3", D, "W", "L", sentence=2, trigger="discussed",
            topics=[("ukraine war", ["the war in Ukraine"]), ("middle east", ["the Middle East"])],
        ),
        relation(t, "R4", M, "L", "K", polarity="NEG", sentence=3, trigger="meet"),
        relation(t, "R5", V, "P", "Y", realis="OTHER", sentence=4, trigger="visit"),
    )
    return Document(doc_id, TEXT), Annotation(doc_id, ents, rels)


def span_of(text: str, selector: str) -> Span:
    return find(text, selector).span
