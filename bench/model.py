"""The data model: documents, entity clusters, gold relations and predicted relations.

Every offset in the project is a half-open ``[start, end)`` character offset (a Python string
index) into the raw text of a document's file, date prefix included. ``text[start:end]`` is the
span. All classes are frozen, slotted dataclasses: hashable, safe in sets and as dict keys.

Closed vocabularies are ``str`` enums, so ``RelationType.MET == "met"`` and they serialise as
their value.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """Entity types of the annotation scheme (see annotations/GUIDELINES.md)."""

    PER = "PER"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    FAC = "FAC"


class RelationType(StrEnum):
    """The three relation types. ``visited`` is directional, the other two symmetric."""

    VISITED = "visited"
    MET = "met"
    DISCUSSED = "discussed"

    @property
    def symmetric(self) -> bool:
        return self is not RelationType.VISITED

    @property
    def roles(self) -> tuple[str, str]:
        """Names of the head and tail roles."""
        if self is RelationType.VISITED:
            return ("visitor", "destination")
        return ("participant", "participant")


class Polarity(StrEnum):
    POS = "POS"
    NEG = "NEG"


class Realis(StrEnum):
    """ACTUAL happened; PLANNED is announced or scheduled; OTHER is hoped, hypothetical,
    conditional or requested; GENERIC is habitual or about a class of events."""

    ACTUAL = "ACTUAL"
    PLANNED = "PLANNED"
    OTHER = "OTHER"
    GENERIC = "GENERIC"


class Mode(StrEnum):
    """How a discussion took place."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    WRITTEN = "written"
    UNSPECIFIED = "unspecified"


class Provenance(StrEnum):
    """Where a document's text comes from. Reports always say which they scored."""

    REAL = "real"
    CONSTRUCTED = "constructed"
    SYNTHETIC = "synthetic"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character span ``[start, end)`` into a document's raw text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Mention:
    """A span with the exact text it slices; the text makes files readable and checkable."""

    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity cluster: every mention of one participant, place or organisation.

    ``part_of`` names the id of a containing entity (a ministry is part of its country, a
    city of its country); the ``lenient`` scoring tier backs off along it.
    """

    id: str
    type: EntityType
    name: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    part_of: str | None = None


@dataclass(frozen=True, slots=True)
class Topic:
    """A discussed topic: a short normalised label and the spans that state it."""

    label: str
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a relation holds: the trigger word(s) and the sentence span(s) that state it."""

    trigger: Mention | None = None
    sentences: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    """A gold relation between two entity clusters.

    For ``visited`` the head is the visitor and the tail the destination; for ``met`` and
    ``discussed`` head and tail are the two participants (order carries no meaning). A meeting
    of three or more parties is stored as its pairs, each with the same ``event`` id.
    ``mode`` applies to ``discussed`` only; ``time`` is an ISO 8601 date, month, year or
    ``start/end`` interval resolved against the document date.
    """

    id: str
    type: RelationType
    head: str
    tail: str
    polarity: Polarity = Polarity.POS
    realis: Realis = Realis.ACTUAL
    evidence: Evidence = field(default_factory=Evidence)
    mode: Mode | None = None
    topics: tuple[Topic, ...] = ()
    time: str | None = None
    event: str | None = None
    note: str | None = None

    @property
    def arguments(self) -> dict[str, str]:
        """Arguments by role name; symmetric types list both participants."""
        if self.type is RelationType.VISITED:
            return {"visitor": self.head, "destination": self.tail}
        return {"participant_1": self.head, "participant_2": self.tail}

    @property
    def is_gold_positive(self) -> bool:
        """Required of a system: polarity POS and realis ACTUAL or PLANNED."""
        return self.polarity is Polarity.POS and self.realis in (Realis.ACTUAL, Realis.PLANNED)


@dataclass(frozen=True, slots=True)
class Annotation:
    """The gold of one document: entity clusters, relations and out-of-scope regions
    (advertisements, "Read more" link lists) that no relation may come from."""

    doc_id: str
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    out_of_scope: tuple[Span, ...] = ()
    annotator: str | None = None
    schema_version: int = 1

    def entity(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    @property
    def entities_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}


@dataclass(frozen=True, slots=True)
class Document:
    """A document: the exact text of its file and what the manifest says about it.

    ``body_start`` is the offset where prose begins, after an optional ``date YYYY-MM-DD``
    prefix; extractors analyse ``text[body_start:]`` but report offsets into ``text``.
    """

    id: str
    text: str
    date: _dt.date | None = None
    body_start: int = 0
    provenance: Provenance = Provenance.CONSTRUCTED
    split: str | None = None
    source: str | None = None
    sha256: str | None = None

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


@dataclass(frozen=True, slots=True)
class ArgumentRef:
    """A predicted argument: its surface text and, when known, its offsets."""

    text: str
    start: int | None = None
    end: int | None = None

    @property
    def span(self) -> Span | None:
        if self.start is None or self.end is None:
            return None
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class PredictedTopic:
    text: str
    start: int | None = None
    end: int | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class PredictedRelation:
    """One line of a prediction JSONL file (see README, "Prediction format").

    ``polarity`` None means a positive claim; ``realis`` None is a missing attribute, which
    never matches in the ``strict`` tier.
    """

    doc_id: str
    type: RelationType
    head: ArgumentRef
    tail: ArgumentRef
    realis: Realis | None = None
    polarity: Polarity | None = None
    mode: Mode | None = None
    topics: tuple[PredictedTopic, ...] = ()
    evidence: tuple[Span, ...] = ()
    trigger: Span | None = None
    score: float | None = None

    @property
    def is_negative(self) -> bool:
        return self.polarity is Polarity.NEG
