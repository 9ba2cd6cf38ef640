"""The error taxonomy: why each false positive and false negative of the pair tier is one.

Every false positive (a distinct predicted key that is neither a gold positive nor ignored)
gets exactly one class, the first that applies in this order:

1. ``unaligned_argument``: an argument matches no gold entity (by offsets or text);
2. ``trap``: the key matches a NEG gold relation (the text says it did *not* happen);
3. ``reversed_direction``: a ``visited`` whose reverse is a gold visited;
4. ``wrong_type``: the same two entities are a gold positive of another type;
5. ``one_argument_wrong``: a gold positive of the same type shares exactly one argument in
   the same role (for met/discussed: one participant);
6. ``spurious_pair``: none of the above; no gold relation links these entities.

Every false negative (a gold-positive key no prediction aligned to) is ``missed``; its record
lists the classes of false positives that point at it (``related``), so "missed, but
predicted with the wrong direction" is visible.

Counting is cheap (a few set lookups per false positive) and always done when scoring with
details; the readable records (document, sentence, prediction, aligned names, the gold that
explains the error) are built only when asked for.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from .alignment import UNALIGNED, UNALIGNED_MARK, ArgumentAlignment
from .model import ArgumentRef, Polarity, PredictedRelation, Relation, RelationType, Span

ERROR_CLASSES = (
    "wrong_type",
    "reversed_direction",
    "one_argument_wrong",
    "unaligned_argument",
    "trap",
    "spurious_pair",
    "missed",
)
TYPE_NAMES = tuple(t.value for t in (RelationType.VISITED, RelationType.MET, RelationType.DISCUSSED))
FALSE_POSITIVE = "false_positive"
FALSE_NEGATIVE = "false_negative"


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """One false positive or false negative of the pair tier, readable on its own.

    ``kind`` is ``false_positive`` or ``false_negative``; ``error`` one of ``ERROR_CLASSES``.
    ``head``/``tail`` describe the arguments (the predicted text, the aligned cluster, its
    name, how it was aligned); ``prediction`` is a representative prediction (the first in a
    fixed order, so the record does not depend on input order) and ``predictions`` how many
    predictions collapsed onto the same key; ``gold`` is the gold relation missed, or the one
    that explains the false positive; ``sentence`` the sentence it comes from, and
    ``sentence_source`` how that sentence was found: ``prediction`` (the prediction's
    evidence, trigger or argument offsets), ``co-mention`` (a prediction without offsets: the
    first sentence mentioning both aligned arguments) or ``gold`` (a missed relation's
    evidence).
    """

    doc_id: str
    kind: str
    error: str
    type: str
    head: dict
    tail: dict
    sentence: str | None
    explanation: str
    prediction: PredictedRelation | None = None
    predictions: int = 0
    gold: Relation | None = None
    related: tuple[str, ...] = ()
    sentence_source: str | None = None

    def to_dict(self) -> dict:
        from .jsonio import prediction_to_dict

        out = {
            "doc_id": self.doc_id,
            "kind": self.kind,
            "class": self.error,
            "type": self.type,
            "head": self.head,
            "tail": self.tail,
            "sentence": self.sentence,
            "sentence_source": self.sentence_source,
            "explanation": self.explanation,
        }
        if self.prediction is not None:
            out["prediction"] = prediction_to_dict(self.prediction)
            out["predictions"] = self.predictions
        if self.gold is not None:
            g = self.gold
            out["gold"] = {
                "id": g.id, "type": g.type.value, "head": g.head, "tail": g.tail,
                "polarity": g.polarity.value, "realis": g.realis.value,
            }
        if self.related:
            out["related"] = list(self.related)
        return out


# --------------------------------------------------------------------------- classes


def _role_index(gd) -> list[tuple[set[str], set[str]]]:
    """Per type: (heads, tails) of the gold-positive keys; for symmetric types both are the
    set of participants."""
    out = []
    for ti in range(3):
        heads = {k[0] for k in gd.pos[ti]}
        tails = {k[1] for k in gd.pos[ti]}
        if ti:
            heads = tails = heads | tails
        out.append((heads, tails))
    return out


def classify_false_positive(gd, ti: int, key: tuple[str, str]) -> str:
    """The taxonomy class of the false-positive ``key`` of type index ``ti`` (order in the
    module docstring). ``gd`` is the scorer's gold index of the document."""
    h, t = key
    if h[:1] == UNALIGNED_MARK or t[:1] == UNALIGNED_MARK:  # is_unaligned_key, inlined
        return "unaligned_argument"
    if key in gd.neg[ti]:
        return "trap"
    if ti == 0 and (t, h) in gd.pos[0]:
        return "reversed_direction"
    for tj in range(3):
        if tj != ti and ((h, t) in gd.pos[tj] or (t, h) in gd.pos[tj]):
            return "wrong_type"
    if gd.roles is None:
        gd.roles = _role_index(gd)
    heads, tails = gd.roles[ti]
    # The key is not a gold positive, so a gold key sharing one argument shares exactly one.
    if h in heads or t in tails:
        return "one_argument_wrong"
    return "spurious_pair"


def count_errors(gd, pair: tuple[set, set, set], into: dict[str, int]) -> None:
    """Add the class counts of one document's pair-tier errors to ``into``."""
    for ti in range(3):
        for k in pair[ti] - gd.pos[ti] - gd.ignored[ti]:
            c = classify_false_positive(gd, ti, k)
            into[c] += 1
        into["missed"] += len(gd.pos[ti] - pair[ti])


# --------------------------------------------------------------------------- records


def _first(rels: Iterable[Relation], pred) -> Relation:
    """The relation of smallest id satisfying ``pred``."""
    return min((r for r in rels if pred(r)), key=lambda r: r.id)


def _positive(r: Relation) -> bool:
    return r.is_gold_positive


def _relation_text(gd, r: Relation) -> str:
    arrow = " -> " if r.type is RelationType.VISITED else ", "
    return f"{r.id} {r.type.value}({gd.names.get(r.head, r.head)}{arrow}{gd.names.get(r.tail, r.tail)})"


def explain_false_positive(gd, ti: int, key: tuple[str, str], error: str) -> tuple[Relation | None, str]:
    """The gold relation behind a false positive of class ``error`` (if any) and a sentence
    saying why it is one."""
    h, t = key
    if error == "unaligned_argument":
        return None, "matches no gold entity by offsets or text"
    if error == "trap":
        r = _first(gd.by_key[ti][key], lambda r: r.polarity is Polarity.NEG)
        return r, f"the text negates this relation: gold {_relation_text(gd, r)} is NEG"
    if error == "reversed_direction":
        r = _first(gd.by_key[0][(t, h)], _positive)
        return r, f"gold has the opposite direction: {_relation_text(gd, r)}"
    if error == "wrong_type":
        for tj in range(3):
            for gk in ((h, t), (t, h)):
                if tj != ti and gk in gd.pos[tj]:
                    r = _first(gd.by_key[tj][gk], _positive)
                    return r, f"gold relates these entities as {TYPE_NAMES[tj]}: {_relation_text(gd, r)}"
    if error == "one_argument_wrong":
        for gk in sorted(gd.pos[ti]):
            shared = (gk[0] == h or gk[1] == t) if ti == 0 else bool({h, t} & set(gk))
            if shared:
                r = _first(gd.by_key[ti][gk], _positive)
                return r, f"one argument differs from gold {_relation_text(gd, r)}"
    return None, "no gold relation links these entities in this document"


def _pred_order(p: PredictedRelation) -> tuple:
    def arg(a: ArgumentRef):
        return (-1 if a.start is None else a.start, -1 if a.end is None else a.end, a.text)

    return (
        arg(p.head), arg(p.tail), p.realis or "", p.polarity or "", p.mode or "",
        tuple((s.start, s.end) for s in p.evidence), -1 if p.score is None else p.score,
        tuple((t.text, t.label or "") for t in p.topics),
    )


def _sentence_text(gd, spans: Iterable[Span | None]) -> str | None:
    """The document sentence holding the first usable span (or the span's own text)."""
    doc = gd.document
    if doc is None:
        return None
    sentences = gd.sentences
    starts = [s.start for s in sentences]
    for s in spans:
        if s is None or not 0 <= s.start < s.end <= len(doc.text):
            continue
        j = bisect.bisect_right(starts, s.start) - 1
        if 0 <= j < len(sentences) and sentences[j].start <= s.start < sentences[j].end:
            sent = sentences[j]
            return doc.text[sent.start : sent.end]
        return doc.text[s.start : s.end]
    return None


def _comention_sentence(gd, a: str, b: str) -> str | None:
    """For a prediction without offsets: the first sentence mentioning both clusters."""
    doc = gd.document
    ents = gd.annotation.entities_by_id
    if doc is None or a not in ents or b not in ents:
        return None
    for s in gd.sentences:
        if any(s.contains(m.span) for m in ents[a].mentions) and any(
            s.contains(m.span) for m in ents[b].mentions
        ):
            return doc.text[s.start : s.end]
    return None


def _arg_info(gd, al: ArgumentAlignment | None, cluster: str, text: str | None) -> dict:
    out: dict = {}
    if text is not None:
        out["text"] = text
    if al is not None and not al.aligned:
        out.update(cluster=None, name=None, aligned_by=UNALIGNED)
        return out
    out["cluster"] = cluster
    out["name"] = gd.names.get(cluster, cluster)
    if al is not None:
        out["aligned_by"] = al.method
        if len(al.candidates) > 1:
            out["candidates"] = list(al.candidates)
    return out


def error_records(gd, pair: tuple[set, set, set], members: dict) -> list[ErrorRecord]:
    """The readable records of one document's pair-tier errors (false positives first)."""
    out: list[ErrorRecord] = []
    align = gd.aligner.align
    related: dict[tuple, set[str]] = {}
    for ti in range(3):
        for k in sorted(pair[ti] - gd.pos[ti] - gd.ignored[ti]):
            error = classify_false_positive(gd, ti, k)
            gold, why = explain_false_positive(gd, ti, k, error)
            preds = sorted(members[(ti, k)], key=_pred_order)
            rep = preds[0]
            ha, ta = align(rep.head), align(rep.tail)
            if error == "unaligned_argument":
                roles = [r for r, al in (("head", ha), ("tail", ta)) if not al.aligned]
                why = f"the {' and '.join(roles)} {why}"
            sentence = _sentence_text(gd, (*rep.evidence, rep.trigger, rep.head.span, rep.tail.span))
            source = "prediction" if sentence is not None else None
            if sentence is None and ha.aligned and ta.aligned:
                sentence = _comention_sentence(gd, ha.cluster, ta.cluster)
                source = "co-mention" if sentence is not None else None
            if gold is not None and error != "trap":
                gti = TYPE_NAMES.index(gold.type.value)
                gk = (gold.tail, gold.head) if gti and gold.tail < gold.head else (gold.head, gold.tail)
                related.setdefault((gti, gk), set()).add(error)
            out.append(
                ErrorRecord(
                    gd.doc_id, FALSE_POSITIVE, error, TYPE_NAMES[ti],
                    _arg_info(gd, ha, ha.cluster or "", rep.head.text),
                    _arg_info(gd, ta, ta.cluster or "", rep.tail.text),
                    sentence, why, rep, len(preds), gold, sentence_source=source,
                )
            )
    for ti in range(3):
        for k in sorted(gd.pos[ti] - pair[ti]):
            r = _first(gd.by_key[ti][k], _positive)
            rel = tuple(sorted(related.get((ti, k), ())))
            why = "no prediction aligned to this relation"
            if rel:
                why += "; predicted with an error: " + ", ".join(rel)
            trigger = r.evidence.trigger.span if r.evidence.trigger is not None else None
            sentence = _sentence_text(gd, (*r.evidence.sentences, trigger))
            out.append(
                ErrorRecord(
                    gd.doc_id, FALSE_NEGATIVE, "missed", TYPE_NAMES[ti],
                    _arg_info(gd, None, r.head, None), _arg_info(gd, None, r.tail, None),
                    sentence, why, gold=r, related=rel,
                    sentence_source="gold" if sentence is not None else None,
                )
            )
    return out
