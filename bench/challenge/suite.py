"""Generating challenge cases from templates, deterministically from a seed.

Each instance of a template draws its fillers from its own ``random.Random`` seeded with
``"{seed}:{template id}:{instance}"`` (string seeds are hashed with SHA-512 by ``random``, so
this does not depend on ``PYTHONHASHSEED``). No global random state is used, and a case does
not change when other templates are added or removed.

A case is one document with its gold, or, for the invariance capabilities, a pair of documents
(the second with two names swapped, or with surnames for full names) plus the correspondence
between their entity ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..corpus import sha256_text
from ..errors import ParameterError
from ..extractors.base import TrainingExample
from ..jsonio import annotation_to_dict, write_atomic
from ..model import Annotation, Document, Provenance
from .fillers import pools, sample_people, sample_places, sample_topics
from .render import CITY_SLOTS, COUNTRY_SLOTS, PERSON_SLOTS, TOPIC_SLOTS, Fill, build_gold
from .templates import CAPABILITIES, SIDES, TEST, TRAIN, Template, templates

SUITE_VERSION = "challenge.v1"
CASES_PER_CAPABILITY = {TEST: 80, TRAIN: 40}
SPLIT_OF_SIDE = {TEST: "challenge-test", TRAIN: "challenge-train"}
_BASE_DATE = dt.date(2024, 1, 1)
_SLOT = re.compile(r"\{([A-Z0-9]+)(?:\.[A-Za-z]+)?\}")


@dataclass(frozen=True, slots=True)
class ChallengeCase:
    """One test of a capability.

    ``documents`` and ``gold`` hold one document, or two for an invariance case. ``mapping``
    pairs each entity id of the first document with the id of the entity in the same position
    (template slot) of the second: the other name after a swap, the same person after a change
    of alias (empty for single-document cases).
    """

    id: str
    capability: str
    template: str
    side: str
    documents: tuple[Document, ...]
    gold: tuple[Annotation, ...]
    mapping: tuple[tuple[str, str], ...] = ()

    @property
    def is_invariance(self) -> bool:
        return len(self.documents) == 2


def _slots(t: Template) -> set[str]:
    found = set(_SLOT.findall(" ".join(t.sentences)))
    for r in t.relations:
        found.update(s.partition(".")[0] for s in (r.head, r.tail))
    return found


def _fill(t: Template, rng: random.Random) -> Fill:
    used = _slots(t)
    persons = [s for s in PERSON_SLOTS if s in used]
    places = [s for s in (*COUNTRY_SLOTS, *CITY_SLOTS) if s in used]
    topics = [s for s in TOPIC_SLOTS if s in used]
    p = pools()
    days = rng.sample(p.weekdays, 2)
    return Fill(
        people=dict(zip(persons, sample_people(rng, len(persons)), strict=True)),
        places=dict(zip(places, sample_places(rng, len(places)), strict=True)),
        topics=dict(zip(topics, sample_topics(rng, len(topics)), strict=True)),
        words={"DAY": days[0], "DAY2": days[1], "MONTH": rng.choice(p.months)},
    )


def _swap(fill: Fill, a: str, b: str) -> Fill:
    people = dict(fill.people)
    people[a], people[b] = people[b], people[a]
    return Fill(people, fill.places, fill.topics, fill.words)


def _document(doc_id: str, text: str, date: dt.date, side: str, template: str) -> Document:
    return Document(
        doc_id, text, date, 0, Provenance.CONSTRUCTED, SPLIT_OF_SIDE[side],
        f"challenge template {template}", sha256_text(text),
    )


def _instance(t: Template, case_id: str, rng: random.Random) -> ChallengeCase:
    fill = _fill(t, rng)
    date = _BASE_DATE + dt.timedelta(days=rng.randrange(366))
    if t.capability == "argument_order_invariance":
        variants = [(fill, 0), (_swap(fill, "A", "B"), 0)]
    elif t.capability == "alias_invariance":
        variants = [(fill, 0), (fill, 1)]
    else:
        variants = [(fill, 0)]
    docs, golds, slot_ids = [], [], []
    for k, (f, variant) in enumerate(variants):
        doc_id = case_id if len(variants) == 1 else f"{case_id}{'ab'[k]}"
        text, gold, ids = build_gold(doc_id, t.id, t.sentences, t.relations, f, variant, date)
        docs.append(_document(doc_id, text, date, t.side, t.id))
        golds.append(gold)
        slot_ids.append(ids)
    mapping: tuple[tuple[str, str], ...] = ()
    if len(variants) == 2:
        # The entity in the same position: with two names swapped, what was said of the first
        # name is now said of the second, so a prediction about it must move with it.
        mapping = tuple(sorted((eid, slot_ids[1][slot]) for slot, eid in slot_ids[0].items()))
    return ChallengeCase(case_id, t.capability, t.id, t.side, tuple(docs), tuple(golds), mapping)


def generate(seed: int = 0, side: str = TEST) -> list[ChallengeCase]:
    """Every case of one side of the suite, in capability then template order.

    Test case ids look like ``ch-negation-0007``; training case ids like
    ``ch-train-negation-0007``. Regenerating with the same seed gives identical cases.
    """
    if side not in SIDES:
        raise ParameterError("side", "generate", SIDES, side)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ParameterError("seed", "generate", ["an int"], seed)
    prefix = "ch" if side == TEST else "ch-train"
    target = CASES_PER_CAPABILITY[side]
    cases: list[ChallengeCase] = []
    seen: set[str] = set()
    for capability in CAPABILITIES:
        group = templates(side, capability)
        n = 0
        for k, t in enumerate(group):
            count = target // len(group) + (1 if k < target % len(group) else 0)
            for i in range(count):
                n += 1
                case_id = f"{prefix}-{capability}-{n:04d}"
                for attempt in range(100):
                    rng = random.Random(f"{seed}:{t.id}:{i}:{attempt}")
                    case = _instance(t, case_id, rng)
                    if case.documents[0].text not in seen:
                        break
                else:  # pragma: no cover - the filler pools are far larger than needed
                    raise RuntimeError(f"template {t.id}: could not draw {count} distinct instances")
                seen.add(case.documents[0].text)
                cases.append(case)
    return cases


def training_examples(seed: int = 0) -> list[TrainingExample]:
    """The training side as ``TrainingExample``s (both documents of an invariance pair)."""
    return [
        TrainingExample(doc, gold)
        for case in generate(seed, TRAIN)
        for doc, gold in zip(case.documents, case.gold, strict=True)
    ]


# --------------------------------------------------------------------------- on disk


def expectation_lines(gold: Annotation) -> list[str]:
    """The gold of one document as readable lines: ``met(Ana Silva, Jorge Mensah) POS ACTUAL``."""
    names = {e.id: e.name for e in gold.entities}
    out = []
    for r in gold.relations:
        extra = f" mode={r.mode.value}" if r.mode is not None else ""
        out.append(f"{r.type.value}({names[r.head]}, {names[r.tail]}) {r.polarity.value} {r.realis.value}{extra}")
    return out


def case_to_dict(case: ChallengeCase) -> dict:
    """The JSON form of a case (one line of the dump)."""
    return {
        "id": case.id,
        "capability": case.capability,
        "template": case.template,
        "side": case.side,
        "documents": [
            {"id": d.id, "text": d.text, "date": d.date.isoformat() if d.date else None, "split": d.split, "provenance": d.provenance.value}
            for d in case.documents
        ],
        "expected": [expectation_lines(g) for g in case.gold],
        "mapping": [list(p) for p in case.mapping],
        "gold": [annotation_to_dict(g) for g in case.gold],
    }


def dumps_cases(cases: Iterable[ChallengeCase]) -> str:
    """Cases as JSONL, one case a line; the same cases always give the same bytes."""
    return "".join(json.dumps(case_to_dict(c), ensure_ascii=False) + "\n" for c in cases)


def suite_hash(cases: Iterable[ChallengeCase]) -> str:
    """A short hash of the cases' JSONL: two results are comparable only on the same hash."""
    return hashlib.sha256(dumps_cases(cases).encode("utf-8")).hexdigest()[:16]


def dump_cases(directory: str | Path, seed: int = 0, sides: Iterable[str] = SIDES) -> list[Path]:
    """Write ``challenge-<side>-seed<S>.jsonl`` for each side into ``directory``."""
    written = []
    for side in sides:
        path = Path(directory) / f"challenge-{side}-seed{seed}.jsonl"
        write_atomic(path, dumps_cases(generate(seed, side)))
        written.append(path)
    return written
