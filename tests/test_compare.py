"""``bench compare``: loading, refusal of incomparable runs, the gates, changes, outputs.

The run directories are built here from a small constructed corpus scored with the real
scorer (``bench.scoring``, ``bench.score_report``), laid out as ``bench run`` writes them.
Degraded runs are made by deleting true positives from a copy of a run's predictions and
scoring again. One test runs the real ``bench run`` on a tiny corpus so that a change of
the run directory's format shows up here.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from scorer_cases import D, M, V, entity, relation

from bench.cli import main
from bench.compare import NotComparable, compare_runs, load_run, render_markdown, render_text
from bench.gates import parse_gates
from bench.jsonio import dump_annotation, dump_predictions, prediction_to_dict
from bench.junit import render_junit
from bench.model import (
    Annotation,
    Document,
    EntityType,
    PredictedRelation,
    Provenance,
    RelationType,
)
from bench.score_report import score_to_json
from bench.scoring import SCORER_VERSION, Scorer, ScoringConfig, gold_as_predictions
from bench.stats import BootstrapConfig

GOLDEN = Path(__file__).parent / "golden" / "compare"

PEOPLE = [
    ("Alice Moreau", "Bruno Keller", "Carla Pinto"), ("Chidi Okafor", "Dana Levi", "Ezra Cohen"),
    ("Emil Novak", "Farah Aziz", "Goran Petrov"), ("Greta Lund", "Hugo Silva", "Ilse Brandt"),
    ("Ines Ortega", "Jonas Berg", "Karl Weber"), ("Kenji Sato", "Lena Roth", "Marta Diaz"),
    ("Mira Costa", "Nils Holm", "Olga Ivanova"), ("Omar Haddad", "Petra Vogel", "Rafael Cruz"),
]
CITIES = ["Paris", "Nairobi", "Lima", "Oslo", "Hanoi", "Quito", "Accra", "Riga", "Doha", "Bern"]
TOPICS = ["trade", "climate policy", "energy security", "fisheries", "migration"]
SPLITS = {"seed": 2, "dev": 16}
MACHINE = {"cpu": "Test CPU", "cores": 2, "platform": "test", "python": "3.11"}


# --------------------------------------------------------------------------- the fixture corpus


def make_document(doc_id: str, i: int, split: str) -> tuple[Document, Annotation]:
    """Four sentences: a visit, a meeting, what was discussed, a meeting that did not happen."""
    a, b, c = PEOPLE[i % len(PEOPLE)]
    city, topic = CITIES[i % len(CITIES)], TOPICS[i % len(TOPICS)]
    text = (
        f"{a} visited {city} on Monday. {a} met {b} there. "
        f"They discussed {topic}. {b} did not meet {c}."
    )
    ents = (
        entity(text, "a", a, [a]),
        entity(text, "b", b, [f"{b}#1", f"{b}#2"]),
        entity(text, "c", c, [c]),
        entity(text, "p", city, [city], EntityType.GPE),
    )
    rels = (
        relation(text, "R1", V, "a", "p", sentence=0, trigger="visited"),
        relation(text, "R2", M, "a", "b", sentence=1, trigger="met"),
        relation(text, "R3", D, "a", "b", sentence=2, trigger="discussed", topics=[(topic, [topic])]),
        relation(text, "R4", M, "b", "c", polarity="NEG", sentence=3, trigger="meet"),
    )
    doc = Document(
        doc_id, text, provenance=Provenance.CONSTRUCTED, split=split,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    return doc, Annotation(doc_id, ents, rels)


def make_corpus() -> dict[str, tuple[dict[str, Document], dict[str, Annotation]]]:
    out = {}
    k = 0
    for split, n in SPLITS.items():
        docs, gold = {}, {}
        for _ in range(n):
            doc_id = f"{split[0]}{k:02d}"
            docs[doc_id], gold[doc_id] = make_document(doc_id, k, split)
            k += 1
        out[split] = (docs, gold)
    return out


def corpus_hash(docs, gold) -> str:
    h = hashlib.sha256()
    for d in sorted(docs):
        h.update(d.encode())
        h.update(docs[d].sha256.encode())
        h.update(dump_annotation(gold[d]).encode())
    return h.hexdigest()[:16]


def alpha(gold) -> list[PredictedRelation]:
    """A perfect system: the gold as predictions."""
    return [p for ann in gold.values() for p in gold_as_predictions(ann)]


def beta(gold) -> list[PredictedRelation]:
    """A weaker system: visits and meetings, the negated meeting as a claim, no discussions."""
    out = []
    for ann in gold.values():
        for p in gold_as_predictions(ann):
            if p.type is RelationType.DISCUSSED:
                continue
            out.append(PredictedRelation(p.doc_id, p.type, p.head, p.tail, evidence=p.evidence))
    return out


def systems_for(corpus) -> dict[str, dict[str, list[PredictedRelation]]]:
    """Predictions per extractor label, per split."""
    return {
        "alpha.v1": {s: alpha(g) for s, (_, g) in corpus.items()},
        "beta.v1": {s: beta(g) for s, (_, g) in corpus.items()},
    }


def drop_true_positives(preds: list[PredictedRelation], rtype: RelationType, docs: list[str]) -> list[PredictedRelation]:
    """A copy of ``preds`` without the positive ``rtype`` predictions of ``docs``."""
    return [p for p in preds if not (p.doc_id in docs and p.type is rtype and p.polarity is not None and p.polarity.value == "POS")]


def speed_entry(label: str, times: list[float]) -> dict:
    med = sorted(times)[len(times) // 2]
    return {
        "status": "complete", "extractor": label, "params": {}, "documents": 18, "words": 400, "repeats": len(times),
        "cold_start_s": 0.1, "first_call_s": 0.01, "pass_median_s": med, "pass_iqr_s": 0.0,
        "pass_times_s": times, "docs_per_s": round(18 / med, 3), "words_per_s": round(400 / med, 1),
        "latency_p50_ms": 1.0, "latency_p95_ms": 2.0, "peak_rss_mb": 50.0, "harness_overhead": 0.0,
        "relations": 10, "machine": MACHINE, "protocol_version": 1,
    }


BASE_TIMES = {"alpha.v1": [0.100, 0.101, 0.099, 0.102, 0.100], "beta.v1": [0.500, 0.510, 0.490, 0.505, 0.495]}


def write_run(
    path: Path,
    corpus,
    systems,
    failed: dict[tuple[str, str], list[str]] | None = None,
    speed: dict[str, list[float]] | None = BASE_TIMES,
    boot: BootstrapConfig | None = None,
) -> Path:
    """A run directory as ``bench run`` writes it. ``failed[(label, split)]`` lists documents
    the extractor failed on (it is then incomplete on that split and scored apart)."""
    failed = failed or {}
    boot = boot or BootstrapConfig(resamples=500, rounds=2000)
    config = ScoringConfig()
    splits, partial, corpus_info, unscored = {}, {}, {}, {}
    for split, (docs, gold) in corpus.items():
        block = {
            "split": split, "documents": sorted(docs), "provenance": {"constructed": len(docs)},
            "unannotated": [], "hash": corpus_hash(docs, gold),
        }
        corpus_info[split] = {"documents": len(docs), "annotated": len(docs), "hash": block["hash"], "provenance": {"constructed": len(docs)}, "words": 100}
        scorer = Scorer(docs, gold, config)
        complete = []
        for label, per_split in systems.items():
            bad = failed.get((label, split))
            if not bad:
                complete.append(scorer.score(per_split[split], label))
                continue
            done = [d for d in sorted(docs) if d not in bad]
            sub = Scorer({d: docs[d] for d in done}, {d: gold[d] for d in done}, config)
            partial.setdefault(split, {})[label] = score_to_json(
                [sub.score([p for p in per_split[split] if p.doc_id in done], label)], boot,
                {**block, "documents": done, "partial": True}, errors=True,
            )
        if complete:
            splits[split] = score_to_json(complete, boot, block, errors=True)
        else:
            unscored[split] = "no extractor completed this split"
        for label, per_split in systems.items():
            out = path / "predictions" / label / f"{split}.jsonl"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(dump_predictions(per_split[split]), encoding="utf-8")
    extractors = {}
    for label in systems:
        entry = {
            "name": label, "version": "v1", "params": {}, "params_hash": "0", "optional": False,
            "trainable": False, "status": "complete", "message": None, "splits": {},
        }
        for split, (docs, _) in corpus.items():
            bad = failed.get((label, split), [])
            n = len(docs)
            entry["splits"][split] = {
                "status": "incomplete" if bad else "complete", "documents": n, "failed": len(bad),
                "failed_documents": sorted(bad), "relations": 0,
                "message": f"incomplete: {len(bad)} of {n} documents failed" if bad else None,
            }
            if bad:
                entry["status"] = "incomplete"
                entry["message"] = f"incomplete: {len(bad)} of {n} documents failed"
        extractors[label] = entry
    scores = {
        "format_version": 1, "kind": "relation-bench run",
        "package": {"name": "relation-bench", "version": "0.1.0"},
        "git": {"commit": None, "dirty": None}, "machine": MACHINE, "created": "2000-01-01T00:00:00+00:00",
        "config": {"format": 1, "experiment": {"name": "fixture", "description": ""}, "corpus": {"root": None, "splits": list(corpus)}},
        "config_hash": "fixture",
        "scorer": {"version": SCORER_VERSION, "config": config.to_dict(), "config_hash": config.hash},
        "bootstrap": boot.to_dict(), "training": None,
        "corpus": {"root": None, "splits": corpus_info},
        "extractors": extractors, "splits": splits, "partial": partial, "unscored": unscored,
        "errors": {"count": 0, "by_kind": {}}, "output": str(path),
    }
    path.mkdir(parents=True, exist_ok=True)
    (path / "scores.json").write_text(json.dumps(scores, indent=1), encoding="utf-8")
    if speed is not None:
        sp = {
            "format_version": 1, "protocol_version": 1, "split": "all", "corpus_hash": "all-hash", "repeats": 5,
            "warmup": 1, "machine": MACHINE, "note": "", "extractors": {k: speed_entry(k, v) for k, v in speed.items()},
        }
        (path / "speed.json").write_text(json.dumps(sp, indent=1), encoding="utf-8")
    (path / "errors.json").write_text(json.dumps({"format_version": 1, "errors": []}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus():
    return make_corpus()


@pytest.fixture
def base_run(tmp_path, corpus):
    return write_run(tmp_path / "base", corpus, systems_for(corpus))


# How many dev documents (of 16) lose a true positive in the degraded runs below. A loss in 8
# documents is significant alone (p ~ 0.008) but not after Holm's correction over the ten
# tested checks of a comparison (p ~ 0.08); a loss in 12 (p ~ 0.001) is significant either way.
CHANCE_LEVEL = 8
STRONG = 12


def degraded_systems(corpus, n_docs: int = CHANCE_LEVEL, rtype=M, label="alpha.v1", split="dev"):
    systems = systems_for(corpus)
    docs = sorted(corpus[split][0])[:n_docs]
    systems[label] = dict(systems[label])
    systems[label][split] = drop_true_positives(systems[label][split], rtype, docs)
    return systems


def compare(base, new, *specs, alpha=0.05, splits=None, correction="holm", extractors=None):
    return compare_runs(load_run(base, "BASE"), load_run(new, "NEW"), parse_gates(specs, alpha, correction), splits, extractors)


def cli(capsys, *argv):
    code = main(["compare", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


# --------------------------------------------------------------------------- the gates


def test_identical_runs_pass_with_zero_differences(tmp_path, corpus, base_run, capsys):
    new = write_run(tmp_path / "new", corpus, systems_for(corpus))
    doc = compare(base_run, new)
    assert doc["exit_code"] == 0 and doc["verdict"] == "pass"
    dev = [q for q in doc["quality"] if q["split"] == "dev"]
    assert dev and all(q["difference"] == 0 and q["status"] == "pass" and q["p_value"] == 1.0 for q in dev)
    assert all(q["ci95"] == [0, 0] for q in dev)
    assert all(not ch[k] for ch in doc["changes"] for k in ("newly_missed", "newly_spurious", "newly_found"))
    code, out, _ = cli(capsys, base_run, new)
    assert code == 0 and "✅ no regression" in out


def test_degraded_extractor_fails_and_is_named(tmp_path, corpus, base_run, capsys):
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=STRONG))
    doc = compare(base_run, new, "f1:-0.02")
    assert doc["exit_code"] == 1
    failed = [q for q in doc["quality"] if q["status"] == "fail"]
    assert failed and {q["extractor"] for q in failed} == {"alpha.v1"}
    assert {q["split"] for q in failed} == {"dev"}
    pair = next(q for q in failed if q["tier"] == "pair")
    # 12 of 48 gold positives lost: F1 = 72 / 84
    assert pair["new_f1"] == pytest.approx(72 / 84, abs=1e-6) and pair["base_f1"] == 1.0
    assert pair["p_adjusted"] <= 0.05 and pair["ci95"][1] < 0
    assert pair["beyond_threshold_by"] == pytest.approx(-(1 - 72 / 84) + 0.02, abs=1e-6)
    assert doc["regressions"][0].startswith("alpha.v1 (dev, pair): F1 -0.143")
    assert "Holm p=" in doc["regressions"][0]
    # beta.v1 did not change: every check passes
    assert all(q["status"] != "fail" for q in doc["quality"] if q["extractor"] == "beta.v1")
    code, out, _ = cli(capsys, base_run, new, "--fail", "f1:-0.02", "--format", "md")
    assert code == 1
    first = next(line for line in out.splitlines() if line.startswith("###"))
    assert "❌" in first and "alpha.v1" in first and "beta.v1" not in first


def test_flipped_relations_name_document_sentence_and_class(tmp_path, corpus, base_run):
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=3))
    doc = compare(base_run, new)
    ch = next(c for c in doc["changes"] if c["extractor"] == "alpha.v1" and c["split"] == "dev")
    assert ch["records"] is True
    assert [m["doc_id"] for m in ch["newly_missed"]] == sorted(corpus["dev"][0])[:3]
    first = ch["newly_missed"][0]
    a, b, _ = PEOPLE[SPLITS["seed"] % len(PEOPLE)]
    assert first["relation"] == f"met({a}, {b})"
    assert first["sentence"] == f"{a} met {b} there."
    assert first["class"] == "missed"
    assert ch["newly_spurious"] == [] and ch["newly_found"] == []
    assert ch["error_classes"] == {"missed": [0, 3]}
    # the reverse direction: BASE degraded, NEW whole -> newly found
    back = compare(new, base_run)
    ch = next(c for c in back["changes"] if c["extractor"] == "alpha.v1" and c["split"] == "dev")
    assert len(ch["newly_found"]) == 3 and ch["newly_missed"] == []


def test_newly_spurious_relations_carry_their_taxonomy_class(tmp_path, corpus, base_run):
    systems = systems_for(corpus)
    docs = sorted(corpus["dev"][0])[:2]
    extra = []
    for d in docs:
        a_visit = next(p for p in systems["alpha.v1"]["dev"] if p.doc_id == d and p.type is V)
        extra.append(PredictedRelation(d, V, a_visit.tail, a_visit.head))  # reversed direction
    systems["alpha.v1"] = {**systems["alpha.v1"], "dev": systems["alpha.v1"]["dev"] + extra}
    new = write_run(tmp_path / "new", corpus, systems)
    doc = compare(base_run, new)
    ch = next(c for c in doc["changes"] if c["extractor"] == "alpha.v1" and c["split"] == "dev")
    assert [s["class"] for s in ch["newly_spurious"]] == ["reversed_direction", "reversed_direction"]
    assert all(s["sentence"] for s in ch["newly_spurious"])


def test_small_change_within_noise_passes(tmp_path, corpus, base_run):
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=1))
    doc = compare(base_run, new, "f1:-0.02")
    assert doc["exit_code"] == 0
    pair = next(q for q in doc["quality"] if (q["extractor"], q["split"], q["tier"]) == ("alpha.v1", "dev", "pair"))
    assert -0.02 < pair["difference"] < 0
    assert pair["status"] == "pass"


def test_drop_beyond_threshold_in_one_document_is_not_significant(tmp_path, corpus, base_run):
    """Three relations lost in one document: F1 drops by 0.032 (beyond 0.02) but one document
    cannot make a significant difference over sixteen, so the gate passes and says why."""
    systems = systems_for(corpus)
    d = sorted(corpus["dev"][0])[0]
    systems["alpha.v1"] = {**systems["alpha.v1"], "dev": [p for p in systems["alpha.v1"]["dev"] if p.doc_id != d or p.polarity.value == "NEG"]}
    new = write_run(tmp_path / "new", corpus, systems)
    doc = compare(base_run, new, "f1:-0.02")
    pair = next(q for q in doc["quality"] if (q["extractor"], q["split"], q["tier"]) == ("alpha.v1", "dev", "pair"))
    assert pair["difference"] == pytest.approx(90 / 93 - 1, abs=1e-6)
    assert pair["status"] == "pass" and pair["note"] == "within noise" and pair["p_value"] > 0.05
    assert doc["exit_code"] == 0


def test_too_few_documents_are_untested_and_never_fail(tmp_path, corpus, base_run):
    """The seed split has 2 documents: losing everything there is flagged, not failed."""
    systems = systems_for(corpus)
    systems["alpha.v1"] = {**systems["alpha.v1"], "seed": []}
    new = write_run(tmp_path / "new", corpus, systems)
    doc = compare(base_run, new)
    seed = [q for q in doc["quality"] if q["extractor"] == "alpha.v1" and q["split"] == "seed"]
    assert {q["status"] for q in seed} == {"untested"}
    assert all(q["p_value"] is None and "only 2 documents" in q["reason"] for q in seed)
    assert doc["exit_code"] == 0
    assert any("alpha.v1 (seed, pair)" in w and "not tested" in w for w in doc["warnings"])


def test_relative_and_per_tier_thresholds(tmp_path, corpus, base_run):
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=STRONG))
    # a 14.3% drop passes a 15% relative gate
    assert compare(base_run, new, "f1:-15%")["exit_code"] == 0
    assert compare(base_run, new, "f1:-5%")["exit_code"] == 1
    # a looser pair threshold, default elsewhere: the other tiers still fail
    doc = compare(base_run, new, "pair.f1:-0.2")
    tiers = {q["tier"] for q in doc["quality"] if q["status"] == "fail"}
    assert "pair" not in tiers and tiers


@pytest.mark.parametrize("correction", ["holm", "none"])
def test_alpha_changes_significance(tmp_path, corpus, base_run, correction):
    """--alpha is compared with the adjusted p (the raw p without a correction)."""
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=6))
    doc = compare(base_run, new, alpha=0.05, correction=correction)
    pair = next(q for q in doc["quality"] if (q["extractor"], q["split"], q["tier"]) == ("alpha.v1", "dev", "pair"))
    p = pair["p_adjusted"]
    assert (p > pair["p_value"]) if correction == "holm" else (p == pair["p_value"])
    assert compare(base_run, new, alpha=p / 2, correction=correction)["exit_code"] == 0
    assert compare(base_run, new, alpha=min(0.99, p * 1.01), correction=correction)["exit_code"] == 1


# --------------------------------------------------------------------------- multiple testing


def test_chance_level_drop_fails_uncorrected_but_not_after_holm(tmp_path, corpus, base_run, capsys):
    """Meetings lost in 8 of 16 documents: p ~ 0.008 alone, but ten checks were tested, and
    Holm's correction makes it ~0.08: beyond the threshold, within noise, no regression."""
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=CHANCE_LEVEL))
    raw = compare(base_run, new, correction="none")
    held = compare(base_run, new)  # holm is the default
    assert raw["exit_code"] == 1 and held["exit_code"] == 0 and held["verdict"] == "pass"
    assert raw["gates"]["correction"] == "none" and held["gates"]["correction"] == "holm"
    key = ("alpha.v1", "dev", "pair")
    qr = next(q for q in raw["quality"] if (q["extractor"], q["split"], q["tier"]) == key)
    qh = next(q for q in held["quality"] if (q["extractor"], q["split"], q["tier"]) == key)
    assert qr["status"] == "fail" and qr["p_adjusted"] == qr["p_value"] <= 0.05
    assert qh["p_value"] == qr["p_value"]  # the raw p is kept as it was
    assert held["gates"]["family_size"] == 10
    # three tied smallest p-values (pair, strict, lenient): each becomes 10 x p
    assert qh["p_adjusted"] == pytest.approx(min(1.0, 10 * qh["p_value"]), abs=1e-5) and qh["p_adjusted"] > 0.05
    assert qh["status"] == "pass" and qh["note"] == "within noise" and qh["beyond_threshold_by"] is not None
    assert "not significant at alpha 0.05 after the Holm correction over 10 tests" in qh["message"]
    assert held["regressions"] == [] and held["summary"]["fail"] == 0
    # the command line: the default corrects, --correction none does not
    code, out, _ = cli(capsys, base_run, new)
    assert code == 0 and "✅ no regression" in out and "Holm-adjusted p ≤ 0.05" in out
    code, out, _ = cli(capsys, base_run, new, "--correction", "none")
    assert code == 1 and "❌" in out and "no correction for multiple testing" in out
    code, out, _ = cli(capsys, base_run, new, "--correction", "holm", "--format", "json")
    assert code == 0 and json.loads(out)["gates"]["correction"] == "holm"


def test_strong_regression_fails_with_or_without_correction(tmp_path, corpus, base_run, capsys):
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=STRONG))
    for correction in ("holm", "none"):
        doc = compare(base_run, new, correction=correction)
        assert doc["exit_code"] == 1, correction
        assert {(q["extractor"], q["split"], q["tier"]) for q in doc["quality"] if q["status"] == "fail"} == {
            ("alpha.v1", "dev", t) for t in ("pair", "strict", "lenient")
        }
    for correction in ("holm", "none"):
        code, _, _ = cli(capsys, base_run, new, "--correction", correction)
        assert code == 1


def test_family_is_the_checks_with_a_p_value(tmp_path, corpus, base_run):
    """Untested checks (the 2-document seed split) and checks of an incomplete extractor are
    not counted; the family is what one comparison actually tested."""
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=CHANCE_LEVEL))
    doc = compare(base_run, new)
    tested = [q for q in doc["quality"] if q["p_value"] is not None]
    assert len(doc["quality"]) == 20 and len(tested) == 10 == doc["gates"]["family_size"]
    for q in doc["quality"]:
        if q["p_value"] is None:
            assert q["status"] == "untested" and q["p_adjusted"] is None
        else:
            assert q["p_value"] <= q["p_adjusted"] <= 1.0
    ordered = [q["p_adjusted"] for q in sorted(tested, key=lambda q: q["p_value"])]
    assert ordered == sorted(ordered)
    # one extractor only: a family of five, and the same loss is significant after Holm
    one = compare(base_run, new, extractors=["alpha.v1"])
    assert one["gates"]["family_size"] == 5 and one["exit_code"] == 1
    pair = next(q for q in one["quality"] if (q["split"], q["tier"]) == ("dev", "pair"))
    assert pair["p_adjusted"] == pytest.approx(5 * pair["p_value"], abs=1e-5)
    # an extractor newly incomplete on dev: its checks fail as before and leave the family
    failed = write_run(tmp_path / "failed", corpus, systems_for(corpus), failed={("beta.v1", "dev"): ["d05"]})
    doc = compare(base_run, failed)
    assert doc["exit_code"] == 1 and doc["gates"]["family_size"] == 5
    assert all("p_adjusted" not in q for q in doc["quality"] if q["check"] == "complete")


def test_too_few_rounds_for_the_family_is_a_warning(tmp_path, corpus):
    """100 rounds: no p-value below 1/101; Holm over ten checks needs 0.005. The comparison
    says that no check can fail instead of passing in silence."""
    boot = BootstrapConfig(resamples=100, rounds=100)
    base = write_run(tmp_path / "base", corpus, systems_for(corpus), boot=boot)
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=16), boot=boot)
    doc = compare(base, new)
    assert doc["exit_code"] == 0
    assert doc["warnings"][-1] == (
        "no quality check can fail: with 100 randomisation rounds no p-value can reach alpha 0.05 after the "
        "Holm correction over 10 checks (the smallest is 1/101); BASE needs at least 199 rounds"
    )
    plain = compare(base, new, correction="none")
    assert plain["exit_code"] == 1 and not any("no quality check can fail" in w for w in plain["warnings"])


def test_json_contract_gains_keys_only(tmp_path, corpus, base_run, capsys):
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=3))
    code, out, _ = cli(capsys, base_run, new, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["format_version"] == 1
    assert list(doc["gates"]) == ["alpha", "correction", "family_size", "f1", "speed", "rule"]
    assert doc["gates"]["correction"] == "holm" and doc["gates"]["family_size"] == 10
    keys = ["extractor", "split", "tier", "status", "base_f1", "new_f1", "difference", "ci95", "p_value",
            "p_adjusted", "reason", "documents", "check", "note", "beyond_threshold_by", "message"]
    assert all(list(q) == keys for q in doc["quality"])
    code, out, _ = cli(capsys, base_run, new, "--format", "json", "--correction", "none")
    plain = json.loads(out)
    assert plain["gates"]["correction"] == "none" and plain["gates"]["family_size"] == 10
    assert all(q["p_adjusted"] == q["p_value"] for q in plain["quality"])


def test_renderings_name_the_correction_and_show_the_adjusted_p(tmp_path, corpus, base_run):
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=STRONG))
    doc = compare(base_run, new)
    md, text, xml = render_markdown(doc), render_text(doc), render_junit(doc)
    line = "f1:-0.02: fail when micro F1 drops by more than 0.02 (every tier) and Holm-adjusted p ≤ 0.05"
    assert line in md and line in text
    assert "Holm–Bonferroni correction over the 10 checks with a p-value" in md
    assert "| p | Holm p | result |" in md and "Holm p" in text.split("\nchecks:\n")[1].splitlines()[0]
    assert "after the Holm correction over 10 tests" in xml and "Holm p=" in xml
    plain = compare(base_run, new, correction="none")
    md = render_markdown(plain)
    assert "and p ≤ 0.05 (no correction for multiple testing)" in md
    assert "Holm p" not in md and "Holm-adjusted" not in md and "Holm correction" not in render_junit(plain)


def test_a_document_without_the_correction_keys_renders_as_uncorrected(tmp_path, corpus, base_run):
    """A comparison document written before the correction existed is still rendered."""
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=STRONG))
    doc = json.loads(json.dumps(compare(base_run, new, correction="none")))
    for key in ("correction", "family_size"):
        del doc["gates"][key]
    for q in doc["quality"]:
        q.pop("p_adjusted", None)
    md = render_markdown(doc)
    assert "(no correction for multiple testing)" in md and "Holm p" not in md and "Holm-adjusted" not in md
    assert render_text(doc) and render_junit(doc)


def test_unknown_correction_exits_2(base_run, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["compare", str(base_run), str(base_run), "--correction", "bonferroni"])
    assert exc.value.code == 2 and "invalid choice: 'bonferroni'" in capsys.readouterr().err


def test_newly_incomplete_extractor_fails_prominently(tmp_path, corpus, base_run):
    new = write_run(tmp_path / "new", corpus, systems_for(corpus), failed={("beta.v1", "dev"): ["d05", "d07"]})
    doc = compare(base_run, new)
    assert doc["exit_code"] == 1
    assert doc["regressions"][0].startswith("beta.v1 (dev) incomplete in NEW: 2 of 16 documents failed")
    assert "on the 14 documents it finished" in doc["regressions"][0]
    cases = [q for q in doc["quality"] if q["extractor"] == "beta.v1" and q["split"] == "dev"]
    assert cases and all(q["status"] == "fail" for q in cases)
    md = render_markdown(doc)
    assert md.splitlines()[2].startswith("### ❌ regression in beta.v1 (dev) incomplete in NEW")


def test_incomplete_in_both_is_not_compared_and_does_not_fail(tmp_path, corpus):
    failed = {("beta.v1", "dev"): ["d05"]}
    base = write_run(tmp_path / "base", corpus, systems_for(corpus), failed=failed)
    new = write_run(tmp_path / "new", corpus, systems_for(corpus), failed=failed)
    doc = compare(base, new)
    assert doc["exit_code"] == 0
    assert {q["status"] for q in doc["quality"] if q["extractor"] == "beta.v1" and q["split"] == "dev"} == {"not_compared"}
    assert any("beta.v1 (dev): not compared" in w for w in doc["warnings"])


def test_skipped_extractor_is_not_compared(tmp_path, corpus, base_run):
    new = write_run(tmp_path / "new", corpus, systems_for(corpus))
    data = json.loads((new / "scores.json").read_text())
    entry = data["extractors"]["beta.v1"]
    entry.update(status="skipped", message="skipped: extra 'embed' not installed", splits={})
    for split in data["splits"].values():
        split["systems"].remove("beta.v1")
        for key in ("results", "per_document", "errors", "alignment"):
            split[key].pop("beta.v1", None)
    (new / "scores.json").write_text(json.dumps(data))
    doc = compare(base_run, new)
    assert doc["exit_code"] == 0
    assert any("skipped in NEW (extra 'embed' not installed)" in w for w in doc["warnings"])


# --------------------------------------------------------------------------- speed


def test_speed_is_shown_but_not_gated_by_default(tmp_path, corpus, base_run):
    slow = {"alpha.v1": [0.2, 0.21, 0.19, 0.2, 0.2], "beta.v1": BASE_TIMES["beta.v1"]}
    new = write_run(tmp_path / "new", corpus, systems_for(corpus), speed=slow)
    doc = compare(base_run, new)
    assert doc["exit_code"] == 0 and doc["speed"]["gated"] is False
    row = next(s for s in doc["speed"]["extractors"] if s["extractor"] == "alpha.v1")
    assert row["change"] == pytest.approx(0.1 / 0.2 - 1) and row["status"] == "pass"


def test_speed_gate_fails_only_beyond_threshold_and_outside_the_spread(tmp_path, corpus, base_run):
    slow = {"alpha.v1": [0.2, 0.21, 0.19, 0.2, 0.2], "beta.v1": BASE_TIMES["beta.v1"]}
    new = write_run(tmp_path / "new", corpus, systems_for(corpus), speed=slow)
    doc = compare(base_run, new, "speed:-20%")
    assert doc["exit_code"] == 1
    assert [s["extractor"] for s in doc["speed"]["extractors"] if s["status"] == "fail"] == ["alpha.v1"]
    assert doc["regressions"] == [next(r for r in doc["regressions"] if r.startswith("alpha.v1 (speed)"))]
    # the same 50% slowdown of the median, but NEW's passes overlap BASE's: noise, passes
    noisy = {"alpha.v1": [0.05, 0.09, 0.2, 0.3, 0.4], "beta.v1": BASE_TIMES["beta.v1"]}
    noisy_run = write_run(tmp_path / "noisy", corpus, systems_for(corpus), speed=noisy)
    doc = compare(base_run, noisy_run, "speed:-20%")
    row = next(s for s in doc["speed"]["extractors"] if s["extractor"] == "alpha.v1")
    assert row["change"] < -0.2 and row["status"] == "pass" and row["note"] == "within noise"
    assert doc["exit_code"] == 0


def test_speed_gate_without_speed_json_is_refused(tmp_path, corpus, base_run, capsys):
    new = write_run(tmp_path / "new", corpus, systems_for(corpus), speed=None)
    with pytest.raises(NotComparable, match="NEW has none"):
        compare(base_run, new, "speed:-20%")
    code, _, err = cli(capsys, base_run, new, "--fail", "speed:-20%")
    assert code == 2 and "speed.json" in err
    # without a speed gate the comparison goes on and says speed was not compared
    doc = compare(base_run, new)
    assert doc["speed"]["available"] is False and "NEW without speed.json" in doc["speed"]["reason"]


# --------------------------------------------------------------------------- refusals


def test_mismatched_corpora_are_refused_with_exit_2(tmp_path, corpus, base_run, capsys):
    other = copy.deepcopy(corpus)
    docs, gold = other["dev"]
    d = sorted(gold)[0]
    ann = gold[d]
    gold[d] = Annotation(d, ann.entities, ann.relations[:-1])  # one gold relation less
    new = write_run(tmp_path / "new", other, systems_for(corpus))
    code, out, err = cli(capsys, base_run, new, "--markdown", tmp_path / "summary.md", "--junit", tmp_path / "junit.xml")
    assert code == 2 and out == ""
    assert "not comparable" in err and "corpus hash of split dev" in err
    h_base = json.loads((base_run / "scores.json").read_text())["corpus"]["splits"]["dev"]["hash"]
    h_new = json.loads((new / "scores.json").read_text())["corpus"]["splits"]["dev"]["hash"]
    assert f"BASE {h_base}, NEW {h_new}" in err
    assert "seed" not in err  # the seed split did not change
    assert "corpus hash of split dev" in (tmp_path / "summary.md").read_text()
    assert "<error" in (tmp_path / "junit.xml").read_text()


def test_every_difference_is_listed(tmp_path, corpus, base_run):
    new = write_run(tmp_path / "new", corpus, systems_for(corpus))
    data = json.loads((new / "scores.json").read_text())
    data["scorer"]["version"] = "9.9.9"
    data["scorer"]["config_hash"] = "ffff"
    data["scorer"]["config"]["zero_division"] = 1.0
    data["extractors"]["gamma.v1"] = copy.deepcopy(data["extractors"]["beta.v1"])
    only_dev(data)
    (new / "scores.json").write_text(json.dumps(data))
    with pytest.raises(NotComparable) as exc:
        compare(base_run, new)
    text = str(exc.value)
    assert "scorer version: BASE 1.0.0, NEW 9.9.9" in text
    assert "zero_division (BASE 0.0, NEW 1.0)" in text
    assert "splits: BASE seed, dev; NEW dev" in text
    assert "extractor set: only in NEW: gamma.v1" in text
    assert len(exc.value.differences) == 4


def test_split_option_compares_the_common_split(tmp_path, corpus, base_run):
    new = write_run(tmp_path / "new", corpus, systems_for(corpus))
    data = json.loads((new / "scores.json").read_text())
    only_dev(data)
    (new / "scores.json").write_text(json.dumps(data))
    with pytest.raises(NotComparable, match="use --split"):
        compare(base_run, new)
    doc = compare(base_run, new, splits=["dev"])
    assert doc["splits"] == ["dev"] and doc["exit_code"] == 0
    with pytest.raises(NotComparable, match="split\\(s\\) seed not run in NEW \\(run: dev\\)"):
        compare(base_run, new, splits=["seed"])


def only_dev(scores: dict) -> None:
    """Turn a fixture run's scores.json into that of a run asked for the dev split only."""
    del scores["splits"]["seed"]
    del scores["corpus"]["splits"]["seed"]
    scores["config"]["corpus"]["splits"] = ["dev"]
    for entry in scores["extractors"].values():
        entry["splits"].pop("seed")


def test_split_where_every_extractor_failed_is_a_regression(tmp_path, corpus, base_run):
    """NEW ran the dev split but every extractor failed there: nothing scored, still compared."""
    dev = sorted(corpus["dev"][0])
    failed = {(label, "dev"): dev for label in ("alpha.v1", "beta.v1")}
    new = write_run(tmp_path / "new", corpus, systems_for(corpus), failed=failed)
    assert "dev" not in json.loads((new / "scores.json").read_text())["splits"]
    doc = compare(base_run, new)
    assert doc["exit_code"] == 1
    assert [r.split(" in NEW")[0] for r in doc["regressions"]] == ["alpha.v1 (dev) failed", "beta.v1 (dev) failed"]


def test_unusable_inputs_exit_2_with_a_message(tmp_path, base_run, capsys):
    code, _, err = cli(capsys, tmp_path / "nowhere", base_run)
    assert code == 2 and "nowhere" in err and "BASE" in err
    (tmp_path / "bad.json").write_text("{\n  not json")
    code, _, err = cli(capsys, base_run, tmp_path / "bad.json")
    assert code == 2 and "bad.json: line 2: NEW: not valid JSON" in err
    (tmp_path / "other.json").write_text(json.dumps({"hello": 1}))
    code, _, err = cli(capsys, base_run, tmp_path / "other.json")
    assert code == 2 and "neither a run's scores.json" in err
    (tmp_path / "empty").mkdir()
    code, _, err = cli(capsys, base_run, tmp_path / "empty")
    assert code == 2 and "without scores.json" in err
    code, _, err = cli(capsys, base_run, base_run, "--fail", "f1:0.02")
    assert code == 2 and "negative number" in err
    data = json.loads((base_run / "scores.json").read_text())
    del data["splits"]["dev"]["per_document"]
    (tmp_path / "broken.json").write_text(json.dumps(data))
    code, _, err = cli(capsys, base_run, tmp_path / "broken.json")
    assert code == 2 and "/splits/dev/per_document: NEW: missing" in err
    data = json.loads((base_run / "scores.json").read_text())
    data["splits"]["dev"]["per_document"]["alpha.v1"]["pair"]["d02"]["met"] = "three"
    (tmp_path / "garbled.json").write_text(json.dumps(data))
    code, _, err = cli(capsys, base_run, tmp_path / "garbled.json")
    assert code == 2 and "garbled.json: /splits/dev/per_document: NEW: malformed per-document counts" in err


def test_plain_score_reports_are_accepted(tmp_path, corpus, capsys):
    """Two ``bench score --format json`` reports (here: the split reports of the fixture)."""
    base = write_run(tmp_path / "base", corpus, systems_for(corpus))
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=STRONG))
    for run in (base, new):
        dev = json.loads((run / "scores.json").read_text())["splits"]["dev"]
        (run / "dev-score.json").write_text(json.dumps(dev))
    code, out, _ = cli(capsys, base / "dev-score.json", new / "dev-score.json", "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["splits"] == ["dev"] and doc["base"]["kind"] == "score"
    assert doc["speed"]["available"] is False
    # a score report against a run directory: the common split is compared with --split
    code, out, _ = cli(capsys, base, new / "dev-score.json", "--split", "dev")
    assert code == 1 and "alpha.v1" in out
    # a score report of one system: the common extractor is compared with --extractor
    one = json.loads((new / "dev-score.json").read_text())
    one["systems"] = ["alpha.v1"]
    for key in ("results", "per_document", "errors", "alignment"):
        one[key].pop("beta.v1")
    (tmp_path / "alpha.json").write_text(json.dumps(one))
    code, _, err = cli(capsys, base, tmp_path / "alpha.json", "--split", "dev")
    assert code == 2 and "extractor set: only in BASE: beta.v1" in err and "--extractor" in err
    code, out, _ = cli(capsys, base, tmp_path / "alpha.json", "--split", "dev", "--extractor", "alpha.v1", "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["extractors"] == ["alpha.v1"] and {q["extractor"] for q in doc["quality"]} == {"alpha.v1"}
    code, _, err = cli(capsys, base, tmp_path / "alpha.json", "--split", "dev", "--extractor", "beta.v1")
    assert code == 2 and "extractor(s) beta.v1 not in NEW (there: alpha.v1)" in err


def test_score_report_without_error_records_lists_changed_documents(tmp_path, corpus):
    base = write_run(tmp_path / "base", corpus, systems_for(corpus))
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=2))
    for run in (base, new):
        dev = json.loads((run / "scores.json").read_text())["splits"]["dev"]
        for e in dev["errors"].values():
            e.pop("records")
        (run / "dev-score.json").write_text(json.dumps(dev))
    doc = compare(base / "dev-score.json", new / "dev-score.json")
    ch = next(c for c in doc["changes"] if c["extractor"] == "alpha.v1")
    assert ch["records"] is False and "stored no error records" in ch["records_reason"]
    assert [d["doc_id"] for d in ch["documents"]] == sorted(corpus["dev"][0])[:2]
    assert ch["documents"][0]["base"] == [3, 0, 0] and ch["documents"][0]["new"] == [2, 0, 1]
    assert "documents whose counts changed" in render_markdown(doc)


# --------------------------------------------------------------------------- outputs


def golden_pair(tmp_path, corpus):
    """BASE and NEW of the golden files: alpha.v1 loses its meetings in 12 dev documents and
    gets slower; beta.v1 stops claiming the negated meeting in 4 dev documents (better)."""
    systems = degraded_systems(corpus, n_docs=STRONG)
    gone = {d: PEOPLE[int(d[1:]) % len(PEOPLE)][2] for d in sorted(corpus["dev"][0])[:4]}
    systems["beta.v1"] = {**systems["beta.v1"], "dev": [
        p for p in systems["beta.v1"]["dev"] if not (p.doc_id in gone and gone[p.doc_id] in (p.head.text, p.tail.text))
    ]}
    slow = {"alpha.v1": [0.150, 0.152, 0.149, 0.151, 0.150], "beta.v1": [0.480, 0.520, 0.500, 0.490, 0.510]}
    base = write_run(tmp_path / "base", corpus, systems_for(corpus))
    new = write_run(tmp_path / "new", corpus, systems, speed=slow)
    return base, new


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if not path.exists():  # first run writes the file; review it, then commit it
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        pytest.fail(f"golden file {path} was missing and has been written; review and commit it")
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path}"


def test_markdown_matches_golden(tmp_path, corpus):
    base, new = golden_pair(tmp_path, corpus)
    doc = compare(base, new, "f1:-0.02", "speed:-20%")
    md = render_markdown(doc)
    assert str(tmp_path) not in md
    check_golden("regression.md", md)


def test_junit_matches_golden(tmp_path, corpus):
    base, new = golden_pair(tmp_path, corpus)
    doc = compare(base, new, "f1:-0.02", "speed:-20%")
    xml = render_junit(doc)
    import xml.etree.ElementTree as ET

    root = ET.fromstring(xml)
    cases = root.findall(".//testcase")
    assert len(cases) == 2 * 2 * 5 + 2  # extractors x splits x tiers, plus the speed gate
    assert root.get("failures") == str(len(root.findall(".//failure")))
    assert str(tmp_path) not in xml
    check_golden("regression.junit.xml", xml)


def test_pass_markdown_matches_golden(tmp_path, corpus):
    base = write_run(tmp_path / "base", corpus, systems_for(corpus))
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus, n_docs=1))
    check_golden("pass.md", render_markdown(compare(base, new)))


def test_every_format_from_the_command(tmp_path, corpus, capsys):
    base, new = golden_pair(tmp_path, corpus)
    out_json = tmp_path / "report.json"
    code, out, _ = cli(
        capsys, base, new, "--fail", "f1:-0.02", "--fail", "speed:-20%", "--format", "json", "--output", out_json,
        "--markdown", tmp_path / "summary.md", "--junit", tmp_path / "junit.xml",
    )
    assert code == 1 and out == ""
    doc = json.loads(out_json.read_text())
    assert doc["kind"] == "relation-bench comparison" and doc["exit_code"] == 1
    assert (tmp_path / "summary.md").read_text() == render_markdown(doc)
    assert (tmp_path / "junit.xml").read_text() == render_junit(doc)
    code, out, _ = cli(capsys, base, new, "--fail", "speed:-20%", "--format", "text")
    assert code == 1 and out == render_text(doc) and "<details>" not in out
    code, out, _ = cli(capsys, base, new, "--fail", "speed:-20%", "--format", "junit")
    assert out.startswith("<?xml")


def test_markdown_escapes_text_from_the_data(tmp_path, corpus):
    base = write_run(tmp_path / "base", corpus, systems_for(corpus))
    systems = systems_for(corpus)
    d = sorted(corpus["dev"][0])[0]
    from bench.model import ArgumentRef

    bad = PredictedRelation(d, M, ArgumentRef("<script>alert(1)</script>"), ArgumentRef("x|y"))
    systems["alpha.v1"] = {**systems["alpha.v1"], "dev": systems["alpha.v1"]["dev"] + [bad]}
    new = write_run(tmp_path / "new", corpus, systems)
    md = render_markdown(compare(base, new))
    assert "<script>" not in md and "&lt;script>" in md


# --------------------------------------------------------------------------- a real run directory


@pytest.fixture
def disk_corpus(tmp_path, corpus):
    """The fixture corpus on disk (seeds/, manifest, annotations/) for ``bench run``."""
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    (root / "annotations").mkdir()
    entries = []
    for split, (docs, gold) in corpus.items():
        for d, doc in docs.items():
            (root / "seeds" / f"{d}.txt").write_text(doc.text, encoding="utf-8", newline="")
            (root / "annotations" / f"{d}.json").write_text(dump_annotation(gold[d]), encoding="utf-8")
            entries.append({"id": d, "file": f"{d}.txt", "sha256": doc.sha256, "provenance": "constructed", "split": split})
    (root / "seeds" / "manifest.json").write_text(json.dumps({"version": 1, "documents": entries}), encoding="utf-8")
    return root


def test_real_run_directories(tmp_path, disk_corpus, capsys):
    """``bench run`` on the fixture corpus, then compare: identical runs pass; a copy whose
    oracle predictions lost true positives (scored again) fails, naming the oracle."""
    config = tmp_path / "tiny.toml"
    config.write_text(
        "[corpus]\n"
        f"root = {json.dumps(str(disk_corpus))}\n"
        'splits = ["seed", "dev"]\n'
        "[bootstrap]\nresamples = 200\nrounds = 1000\n"
        "[speed]\nenabled = false\n[challenge]\nenabled = false\n"
        f'[[extractors]]\nname = "oracle.v1"\nparams = {{ gold = {json.dumps(str(disk_corpus / "annotations"))} }}\n',
        encoding="utf-8",
    )
    run_dir = tmp_path / "run"
    assert main(["run", str(config), "--out", str(run_dir), "--no-progress"]) == 0
    capsys.readouterr()
    code, out, err = cli(capsys, run_dir, run_dir)
    assert code == 0, err
    assert "✅ no regression" in out

    # degrade a copy: delete the oracle's met predictions in 12 dev documents (STRONG: significant after the Holm correction) and score again
    degraded = tmp_path / "degraded"
    shutil.copytree(run_dir, degraded, ignore=shutil.ignore_patterns(".cache"))
    from bench.corpus import load_corpus
    from bench.predictions import read_predictions

    corp = load_corpus(disk_corpus)
    all_docs = {d.id: d for d in corp.documents("all")}
    preds, problems = read_predictions(degraded / "predictions" / "oracle.v1" / "dev.jsonl", all_docs)
    assert not problems
    victims = sorted(corp.ids("dev"))[:STRONG]
    preds = [p for p in preds if not (p.doc_id in victims and p.type is M and p.polarity.value == "POS")]
    (degraded / "predictions" / "oracle.v1" / "dev.jsonl").write_text(
        "".join(json.dumps(prediction_to_dict(p)) + "\n" for p in preds), encoding="utf-8"
    )
    scores = json.loads((degraded / "scores.json").read_text())
    dev = scores["splits"]["dev"]
    ids = dev["corpus"]["documents"]
    b = dev["bootstrap"]
    scorer = Scorer({i: all_docs[i] for i in ids}, {i: corp.annotation(i) for i in ids}, ScoringConfig(tuple(dev["config"]["tiers"])))
    scores["splits"]["dev"] = score_to_json(
        [scorer.score(preds, "oracle.v1")], BootstrapConfig(b["resamples"], b["seed"], b["min_docs"], b["rounds"]),
        dev["corpus"], errors=True,
    )
    (degraded / "scores.json").write_text(json.dumps(scores))
    code, out, err = cli(capsys, run_dir, degraded, "--format", "md")
    assert code == 1, err
    assert "❌" in out and "oracle.v1 (dev, pair)" in out
    assert "newly missed" in out


def test_markdown_lists_fewer_flips_to_fit_a_comment(tmp_path, corpus, base_run):
    new = write_run(tmp_path / "new", corpus, degraded_systems(corpus))
    doc = compare(base_run, new)
    full = render_markdown(doc)
    assert full.count("met(") == 8 and "at most" not in full
    short = render_markdown(doc, max_chars=len(full) - 1)
    assert len(short) < len(full) and short.count("met(") < 8
    assert "... and" in short and "the JSON report lists all" in short
    # the verdict and the tables are never cut
    assert short.split("<details>")[0] == full.split("<details>")[0]


# --------------------------------------------------------------------------- the project's CI script


def test_ci_regression_script(tmp_path, disk_corpus):
    """``.ci/regression`` on a tiny config: no regression against its own reference (exit 0,
    the markdown on stdout); a run whose oracle reads gold with meetings removed fails (exit
    1); a reference on other gold is refused (exit 2)."""
    import subprocess

    script = Path(__file__).resolve().parent.parent / ".ci" / "regression"
    gold_copy = tmp_path / "oracle-gold"
    shutil.copytree(disk_corpus / "annotations", gold_copy)
    config = tmp_path / "tiny.toml"
    config.write_text(
        "[corpus]\n"
        f"root = {json.dumps(str(disk_corpus))}\n"
        'splits = ["seed", "dev"]\n'
        "[bootstrap]\nresamples = 200\nrounds = 1000\n"
        "[speed]\nenabled = false\n[challenge]\nenabled = false\n"
        f'[[extractors]]\nname = "oracle.v1"\nparams = {{ gold = {json.dumps(str(gold_copy))} }}\n',
        encoding="utf-8",
    )
    reference = tmp_path / "reference"
    assert main(["run", str(config), "--out", str(reference), "--no-progress", "--no-report"]) == 0
    env = {"CONFIG": str(config), "REFERENCE": str(reference), "PATH": "/usr/bin:/bin"}

    def regression():
        return subprocess.run(["bash", str(script)], capture_output=True, text=True, env=env, timeout=600)

    done = regression()
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("## Benchmark comparison") and "✅ no regression" in done.stdout

    from bench.jsonio import load_annotation, save_annotation

    for d in sorted(p.stem for p in gold_copy.glob("d*.json"))[:STRONG]:
        ann = load_annotation(gold_copy / f"{d}.json")
        save_annotation(Annotation(d, ann.entities, tuple(r for r in ann.relations if r.type is not M)), gold_copy / f"{d}.json")
    done = regression()
    assert done.returncode == 1, done.stderr
    assert "❌" in done.stdout and "oracle.v1 (dev, pair)" in done.stdout and "regression against" in done.stderr

    scores = json.loads((reference / "scores.json").read_text())
    scores["corpus"]["splits"]["dev"]["hash"] = "0000000000000000"
    (reference / "scores.json").write_text(json.dumps(scores))
    done = regression()
    assert done.returncode == 2 and "corpus hash of split dev" in done.stderr and "regenerate the reference" in done.stderr
