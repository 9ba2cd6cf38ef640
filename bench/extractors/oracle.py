"""oracle.v1: emits the gold annotations as predictions.

What it does: for every input document that has a gold file (``annotations/<doc id>.json``
by default, or ``<gold>/<doc id>.json``), it emits every gold relation, NEG and OTHER ones
included, with its polarity, realis, mode, topics, trigger and evidence sentences. Each
argument is the first mention of its cluster inside the relation's evidence sentence, or the
cluster's first mention when none lies there. Documents without gold produce nothing.

Why: a sanity check of the whole pipeline. Scored against the same gold it must reach 1.0 in
every tier; anything less is a bug in loading, alignment or scoring, not in an extractor.

Where it fails: by construction it knows nothing but the gold, so it says nothing on new
text. It refuses a document whose text no longer matches its gold's offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, Problem
from ..model import (
    Annotation,
    ArgumentRef,
    Document,
    Entity,
    Polarity,
    PredictedRelation,
    PredictedTopic,
    Span,
)


class OracleExtractor:
    """Emits the gold relations of each document (sanity check: scores 1.0 in every tier)."""

    name = "oracle.v1"
    description = "emits the gold relations (sanity check: 1.0 in every tier)"
    requires: tuple[str, ...] = ()
    trainable = False
    needs = ("gold",)

    def __init__(self, gold: str | None = None):
        if gold is not None and not _is_folder(gold):
            raise InputError(
                Problem(str(gold), "", "gold folder not found; the 'gold' parameter of oracle.v1 names a folder of <doc_id>.json files")
            )
        self.gold = gold
        self.params = {"gold": gold}

    def _gold_dir(self) -> Path:
        if self.gold is not None:
            return Path(self.gold)
        from ..corpus import PROJECT_ROOT

        return PROJECT_ROOT / "annotations"

    def _annotation(self, doc: Document) -> Annotation | None:
        from ..jsonio import load_annotation

        path = self._gold_dir() / f"{doc.id}.json"
        if not path.is_file():
            return None
        ann = load_annotation(path)
        problems = _gold_problems(ann, doc, str(path))
        if problems:
            raise InputError(problems)
        return ann

    def extract(self, docs: Iterable[Document]) -> Iterator[PredictedRelation]:
        for doc in docs:
            ann = self._annotation(doc)
            if ann is None:
                continue
            entities = ann.entities_by_id
            for r in ann.relations:
                sentences = r.evidence.sentences
                topics = tuple(
                    PredictedTopic(t.mentions[0].text, t.mentions[0].start, t.mentions[0].end, t.label)
                    if t.mentions else PredictedTopic(t.label, label=t.label)
                    for t in r.topics
                )
                trigger = r.evidence.trigger
                yield PredictedRelation(
                    doc.id,
                    r.type,
                    _argument(entities[r.head], sentences),
                    _argument(entities[r.tail], sentences),
                    realis=r.realis,
                    polarity=r.polarity or Polarity.POS,
                    mode=r.mode,
                    topics=topics,
                    evidence=tuple(sentences),
                    trigger=Span(trigger.start, trigger.end) if trigger else None,
                )


def _argument(entity: Entity, sentences: tuple[Span, ...]) -> ArgumentRef:
    """The entity's first mention inside an evidence sentence, else its first mention."""
    mentions = sorted(entity.mentions, key=lambda m: (m.start, m.end))
    inside = [m for m in mentions if any(s.contains(m.span) for s in sentences)]
    chosen = (inside or mentions or [None])[0]
    if chosen is None:
        return ArgumentRef(entity.name)
    return ArgumentRef(chosen.text, chosen.start, chosen.end)


def _is_folder(path: str) -> bool:
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):  # a name the file system refuses: not a folder either
        return False


def _gold_problems(ann: Annotation, doc: Document, file: str) -> list[Problem]:
    """What makes a gold file unusable for ``doc``: offsets outside or not slicing its text
    (the gold was made on other text) and relations naming unknown entities."""
    problems: list[Problem] = []
    n = len(doc.text)
    changed = "the gold does not fit this text (a changed document, or a gold error that bench validate reports)"

    def span(where: str, what: str, start: int, end: int, text: str | None = None) -> None:
        if not 0 <= start < end <= n:
            problems.append(Problem(file, where, f"{what} offsets [{start}, {end}) are outside document {doc.id!r} (length {n}): {changed}"))
        elif text is not None and doc.text[start:end] != text:
            there = doc.text[start:end]
            there = there if len(there) <= 60 else there[:57] + "..."
            problems.append(Problem(file, where, f"{what} [{start}, {end}) {text!r} does not match document {doc.id!r} ({there!r} there): {changed}"))

    for i, e in enumerate(ann.entities):
        for j, m in enumerate(e.mentions):
            span(f"/entities/{i}/mentions/{j}", f"mention of entity {e.id}", m.start, m.end, m.text)
    ids = {e.id for e in ann.entities}
    known = ", ".join(sorted(ids)) or "none"
    for i, r in enumerate(ann.relations):
        for role in ("head", "tail"):
            ref = getattr(r, role)
            if ref not in ids:
                problems.append(Problem(file, f"/relations/{i}/{role}", f"relation {r.id!r} names unknown entity id {ref!r}; known: {known} (bench validate checks a gold file)"))
        if r.evidence.trigger is not None:
            t = r.evidence.trigger
            span(f"/relations/{i}/evidence/trigger", "trigger", t.start, t.end, t.text)
        for k, s in enumerate(r.evidence.sentences):
            span(f"/relations/{i}/evidence/sentences/{k}", "evidence sentence", s.start, s.end)
        for k, t in enumerate(r.topics):
            for q, m in enumerate(t.mentions):
                span(f"/relations/{i}/topics/{k}/mentions/{q}", "topic", m.start, m.end, m.text)
    return problems
