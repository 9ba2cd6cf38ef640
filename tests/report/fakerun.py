"""A small, fake run directory for the report tests, built with the real scorer.

Twelve constructed documents (``dev``: enough for bootstrap intervals) and one real document
(``seed``: too few, so its intervals are null with a reason). Four systems: an oracle, a
co-occurrence-like system with reversed and spurious guesses, a noisy system whose output
carries HTML/JS injection attempts, and a system that failed on two documents (so the report
must call it incomplete). One document's text carries the same injection attempts.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from bench.challenge import CAPABILITIES
from bench.challenge.evaluate import CapabilityScore, ChallengeResult
from bench.jsonio import prediction_to_dict
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
    Provenance,
    Realis,
    Relation,
    RelationType,
    Span,
    Topic,
)
from bench.score_report import score_to_json
from bench.scoring import Scorer, ScoringConfig, gold_as_predictions
from bench.stats import BootstrapConfig

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'

PEOPLE = [
    ("Alice Moreau", "Bruno Keller"), ("Chidi Okafor", "Dana Levi"), ("Emil Novak", "Farah Aziz"),
    ("Greta Lund", "Hugo Silva"), ("Ines Ortega", "Jonas Berg"), ("Kenji Sato", "Lena Roth"),
    ("Mira Costa", "Nils Holm"), ("Omar Haddad", "Petra Vogel"), ("Quinn Adler", "Rosa Marin"),
    ("Sami Laine", "Tara Kaur"), ("Uma Reyes", "Viktor Ilic"), ("Wen Zhao", "Yara Nasser"),
]
CITIES = ["Paris", "Nairobi", "Lima", "Oslo", "Hanoi", "Quito", "Accra", "Riga", "Doha", "Bern", "Suva", "Rome"]
TOPICS = ["trade", "climate policy", "energy security", "fisheries", "migration", "water rights"]

SYSTEMS = ("oracle.v1", "cooccurrence.v1", "noisy.v1", "broken.v1")
BROKEN_DOCS = ("d03", "d08")  # broken.v1 raised on these
INJECTED = 5  # d06 carries the injection in its text; noisy.v1 misses its met relation


def _mention(text: str, needle: str, start: int = 0) -> Mention:
    i = text.index(needle, start)
    return Mention(i, i + len(needle), needle)


def _document(doc_id: str, i: int, split: str, provenance: Provenance, inject: bool = False):
    a, b = PEOPLE[i % len(PEOPLE)]
    city = CITIES[i % len(CITIES)]
    topic = TOPICS[i % len(TOPICS)]
    s1 = f"{a} visited {city} on Monday."
    s2 = f"{a} met {b} there." if not inject else f"{a} met {b} there {SCRIPT} {IMG}."
    s3 = f"They discussed {topic}."
    s4 = f"{b} did not meet the mayor of {city}." if i % 3 == 0 else f"{b} flew home."
    text = f"date 2024-03-{i + 1:02d} {s1} {s2} {s3} {s4}"
    body_start = len("date 2024-03-01 ")
    ma = _mention(text, a)
    mb = _mention(text, b)
    mc = _mention(text, city)
    ents = [
        Entity("e1", EntityType.PER, a, (ma,)),
        Entity("e2", EntityType.PER, b, (mb, *((_mention(text, b, mb.end),) if i % 3 == 0 else ()))),
        Entity("e3", EntityType.GPE, city, (mc, *((_mention(text, city, mc.end),) if i % 3 == 0 else ()))),
    ]
    sent = lambda s: Span(text.index(s), text.index(s) + len(s))  # noqa: E731
    rels = [
        Relation("r1", RelationType.VISITED, "e1", "e3", evidence=Evidence(_mention(text, "visited"), (sent(s1),))),
        Relation("r2", RelationType.MET, "e1", "e2", evidence=Evidence(_mention(text, "met"), (sent(s2),))),
        Relation(
            "r3", RelationType.DISCUSSED, "e1", "e2", evidence=Evidence(_mention(text, "discussed"), (sent(s3),)),
            topics=(Topic(topic, (_mention(text, topic),)),),
        ),
    ]
    if i % 3 == 0:
        ents.append(Entity("e4", EntityType.PER, f"mayor of {city}", (_mention(text, f"mayor of {city}"),)))
        rels.append(Relation("r4", RelationType.MET, "e2", "e4", polarity=Polarity.NEG, evidence=Evidence(None, (sent(s4),))))
    doc = Document(doc_id, text, dt.date(2024, 3, i + 1), body_start, provenance, split)
    return doc, Annotation(doc_id, tuple(ents), tuple(rels))


def corpus():
    """``{split: (documents, gold)}``: dev d01-d12 (d06 carries the injection), seed s01."""
    out = {}
    docs, gold = {}, {}
    for i in range(12):
        d, g = _document(f"d{i + 1:02d}", i, "dev", Provenance.CONSTRUCTED, inject=i == INJECTED)
        docs[d.id], gold[d.id] = d, g
    out["dev"] = (docs, gold)
    d, g = _document("s01", 3, "seed", Provenance.REAL)
    out["seed"] = ({d.id: d}, {d.id: g})
    return out


def _arg(m: Mention) -> ArgumentRef:
    return ArgumentRef(m.text, m.start, m.end)


def predictions(system: str, docs: dict, gold: dict) -> list[PredictedRelation]:
    """Deterministic predictions of one fake system."""
    out: list[PredictedRelation] = []
    for n, doc_id in enumerate(sorted(gold)):
        g = gold[doc_id]
        if system == "oracle.v1":
            out += gold_as_predictions(g)
            continue
        ents = g.entities_by_id
        a, b, c = (ents[k].mentions[0] for k in ("e1", "e2", "e3"))
        ev = tuple(r.evidence.sentences[0] for r in g.relations[:1])
        if system == "cooccurrence.v1":
            out.append(PredictedRelation(doc_id, RelationType.MET, _arg(a), _arg(b)))
            out.append(PredictedRelation(doc_id, RelationType.MET, _arg(a), _arg(c)))
            if n % 2:
                out.append(PredictedRelation(doc_id, RelationType.VISITED, _arg(c), _arg(a), evidence=ev))
            else:
                out.append(PredictedRelation(doc_id, RelationType.VISITED, _arg(a), _arg(c), evidence=ev))
        elif system == "noisy.v1":
            out.append(PredictedRelation(doc_id, RelationType.VISITED, _arg(a), _arg(c), Realis.ACTUAL, evidence=ev))
            if n % 4 != 1:
                out.append(PredictedRelation(doc_id, RelationType.MET, _arg(a), _arg(b), Realis.ACTUAL))
            text = docs[doc_id].text
            if SCRIPT in text:  # the injection, predicted with offsets: its sentence is shown
                i, j = text.index(SCRIPT), text.index(IMG)
                head, tail = ArgumentRef(SCRIPT, i, i + len(SCRIPT)), ArgumentRef(IMG, j, j + len(IMG))
            else:
                head, tail = ArgumentRef(SCRIPT), ArgumentRef(IMG)
            out.append(PredictedRelation(doc_id, RelationType.DISCUSSED, head, tail))
        elif system == "broken.v1":
            if doc_id in BROKEN_DOCS:
                continue
            out.append(PredictedRelation(doc_id, RelationType.MET, _arg(a), _arg(b), Realis.ACTUAL))
    return out


def speed_figures(label: str, docs_per_s: float) -> dict:
    return {
        "extractor": label, "params": {}, "documents": 13, "words": 390, "repeats": 5,
        "cold_start_s": 0.12, "first_call_s": 0.01, "pass_median_s": round(13 / docs_per_s, 6),
        "pass_iqr_s": 0.001, "pass_times_s": [round(13 / docs_per_s, 6)] * 5,
        "docs_per_s": docs_per_s, "words_per_s": round(docs_per_s * 30, 1),
        "latency_p50_ms": round(1000 / docs_per_s, 4), "latency_p95_ms": round(1500 / docs_per_s, 4),
        "peak_rss_mb": 80.5, "harness_overhead": 0.004, "relations": 40,
        "machine": {"cpu": "Test CPU", "cores": 2, "platform": "Linux", "python": "3.11"},
        "protocol_version": 1,
    }


SPEEDS = {"oracle.v1": 9000.0, "cooccurrence.v1": 2500.0, "noisy.v1": 400.0, "broken.v1": 60.0}


def challenge_figures(label: str, k: int) -> dict:
    scores = tuple(
        CapabilityScore(c, 80, (17 * (i + 1) * (k + 2)) % 81, (11 * (i + 1) * (k + 2)) % 41)
        for i, c in enumerate(CAPABILITIES)
    )
    result = ChallengeResult(label, {}, 0, "test", "1", "abcdef0123456789", scores, ())
    return result.to_dict()


def write_run(out: Path, systems=SYSTEMS, failures: bool = True) -> Path:
    """Write the fake run directory into ``out`` (the layout ``bench run`` writes; see
    docs/run-directory.md) and return it."""
    out.mkdir(parents=True, exist_ok=True)
    config = ScoringConfig()
    boot = BootstrapConfig(resamples=200, seed=0, min_docs=10, rounds=200)
    broken = failures and "broken.v1" in systems
    splits, partial, extractors = {}, {}, {}
    for s in systems:
        extractors[s] = {
            "name": s, "version": "v1", "params": {}, "params_hash": "0" * 16, "optional": False,
            "trainable": False, "status": "complete", "message": None, "splits": {},
        }
    for split, (docs, gold) in corpus().items():
        scorer = Scorer(docs, gold, config)
        prov: dict[str, int] = {}
        for d in docs.values():
            prov[d.provenance.value] = prov.get(d.provenance.value, 0) + 1
        block = {"split": split, "documents": sorted(gold), "provenance": prov, "unannotated": [], "hash": "0123456789abcdef"}
        complete = []
        for name in systems:
            preds = predictions(name, docs, gold)
            lines = "".join(json.dumps(prediction_to_dict(p)) + "\n" for p in preds)
            (out / "predictions" / name).mkdir(parents=True, exist_ok=True)
            (out / "predictions" / name / f"{split}.jsonl").write_text(lines, encoding="utf-8")
            failed = sorted(d for d in BROKEN_DOCS if d in gold) if broken and name == "broken.v1" else []
            extractors[name]["splits"][split] = {
                "status": "incomplete" if failed else "complete", "documents": len(gold), "failed": len(failed),
                "failed_documents": failed, "relations": len(preds),
                "message": f"incomplete: {len(failed)} of {len(gold)} documents failed" if failed else None,
            }
            if not failed:
                complete.append(scorer.score(preds, name))
                continue
            done = [d for d in sorted(gold) if d not in failed]
            sub = Scorer({d: docs[d] for d in done}, {d: gold[d] for d in done}, config)
            partial.setdefault(split, {})[name] = score_to_json(
                [sub.score(preds, name)], boot, {**block, "documents": done, "partial": True}, errors=True,
            )
            extractors[name].update(status="incomplete", message=f"incomplete: {len(failed)} of 13 documents failed")
        splits[split] = score_to_json(complete, boot, block, errors=True)
    envelope = {
        "format_version": 1,
        "kind": "relation-bench run",
        "package": {"name": "relation-bench", "version": "0.1.0"},
        "git": {"commit": "0123456789abcdef0123456789abcdef01234567", "dirty": False},
        "machine": {"cpu": "Test CPU @ 2.0GHz", "cores": 2, "platform": "Linux-6.1-x86_64", "python": "3.11.2"},
        "created": "2025-01-02T03:04:05+00:00",
        "config_file": "experiments/fake.toml",
        "config": {
            "format": 1,
            "experiment": {"name": "fake", "description": f"a fake run {SCRIPT}"},
            "corpus": {"root": None, "splits": ["seed", "dev"]},
            "extractors": [{"name": s, "label": s, "params": {}, "optional": False} for s in systems],
            "scoring": {"tiers": list(config.tiers), "zero_division": 0.0, "topic_threshold": 0.5},
            "bootstrap": {"resamples": 200, "seed": 0, "min_docs": 10, "rounds": 200, "confidence": 0.95},
        },
        "config_hash": "fedcba9876543210",
        "scorer": {"version": "1.0.0", "config": config.to_dict(), "config_hash": config.hash},
        "bootstrap": boot.to_dict(),
        "corpus": {"root": None, "splits": {
            "seed": {"documents": 1, "annotated": 1, "hash": "0" * 16, "provenance": {"real": 1}, "words": 30},
            "dev": {"documents": 12, "annotated": 12, "hash": "1" * 16, "provenance": {"constructed": 12}, "words": 360},
        }},
        "extractors": extractors,
        "splits": {"seed": splits["seed"], "dev": splits["dev"]},
        "partial": partial,
        "unscored": {},
        "errors": {"count": len(BROKEN_DOCS) if broken else 0, "by_kind": {"exception": len(BROKEN_DOCS)} if broken else {}},
        "timing": {"total_s": 12.5},
        "output": str(out),
    }
    (out / "scores.json").write_text(json.dumps(envelope, indent=1), encoding="utf-8")
    speed = {s: {"status": "complete", **speed_figures(s, SPEEDS.get(s, 100.0))} for s in systems}
    (out / "speed.json").write_text(json.dumps({
        "format_version": 1, "protocol_version": 1, "split": "all", "repeats": 5, "warmup": 1,
        "machine": envelope["machine"], "extractors": speed,
    }, indent=1), encoding="utf-8")
    challenge = {s: {"status": "complete", **challenge_figures(s, k)} for k, s in enumerate(systems)}
    (out / "challenge.json").write_text(json.dumps({
        "format_version": 1, "seed": 0, "suite_version": "1", "extractors": challenge,
    }, indent=1), encoding="utf-8")
    recs = []
    if broken:
        recs = [
            {"extractor": "broken.v1", "split": "dev", "document": d, "kind": "exception",
             "message": f"ValueError: bad token {SCRIPT} {IMG}"}
            for d in BROKEN_DOCS
        ]
    (out / "errors.json").write_text(json.dumps({"format_version": 1, "errors": recs}, indent=1), encoding="utf-8")
    return out
