"""Tests of bench.experiments: the tier ablation, the learning curve, the speed-scaling study
and their results folders. Tiny inputs, no NLP model: the extractors here are stand-ins."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bench import registry
from bench.errors import BenchError, InputError
from bench.experiments import generalisation as gen
from bench.experiments import learning_curve as lc
from bench.experiments import speed_scaling as ss
from bench.experiments import tier_ablation as ta
from bench.experiments.__main__ import main
from bench.experiments.origin import current_origin, write_results
from bench.extractors.base import TrainingExample
from bench.model import (
    Annotation,
    ArgumentRef,
    Document,
    Entity,
    EntityType,
    Mention,
    PredictedRelation,
    Realis,
    Relation,
    RelationType,
)
from bench.score_report import score_to_json
from bench.scoring import TIERS, Scorer, ScoringConfig, gold_as_predictions
from bench.speed import SpeedResult
from bench.stats import BootstrapConfig

# --------------------------------------------------------------------------- a tiny corpus

TEXT = "Alice met Bob. Alice visited Paris, France."


def _mention(text: str, word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start, start + len(word), word)


def tiny_corpus(n_docs: int = 12):
    """``n_docs`` identical documents: gold met(Alice, Bob) and visited(Alice -> Paris),
    Paris part of France; no topics, no evidence (so those tiers are 0/0)."""
    docs, gold = {}, {}
    for i in range(n_docs):
        doc_id = f"d{i:02d}"
        ents = (
            Entity("A", EntityType.PER, "Alice", (_mention(TEXT, "Alice"), _mention(TEXT, "Alice", 1))),
            Entity("B", EntityType.PER, "Bob", (_mention(TEXT, "Bob"),)),
            Entity("P", EntityType.GPE, "Paris", (_mention(TEXT, "Paris"),), part_of="F"),
            Entity("F", EntityType.GPE, "France", (_mention(TEXT, "France"),)),
        )
        rels = (Relation("R1", RelationType.MET, "A", "B"), Relation("R2", RelationType.VISITED, "A", "P"))
        docs[doc_id] = Document(doc_id, TEXT, split="dev")
        gold[doc_id] = Annotation(doc_id, ents, rels)
    return docs, gold


def half_right(doc_id: str) -> list[PredictedRelation]:
    """met without realis (right pair, strict miss) and visited(Alice -> France) (wrong pair,
    lenient hit through part_of)."""
    alice, bob, france = _mention(TEXT, "Alice"), _mention(TEXT, "Bob"), _mention(TEXT, "France")
    return [
        PredictedRelation(doc_id, RelationType.MET, ArgumentRef("Alice", alice.start, alice.end), ArgumentRef("Bob", bob.start, bob.end)),
        PredictedRelation(doc_id, RelationType.VISITED, ArgumentRef("Alice", alice.start, alice.end), ArgumentRef("France", france.start, france.end), realis=Realis.ACTUAL),
    ]


def score_report(n_docs: int = 12, resamples: int = 200, rounds: int = 500) -> dict:
    docs, gold = tiny_corpus(n_docs)
    scorer = Scorer(docs, gold, ScoringConfig(TIERS))
    half = scorer.score([p for d in docs for p in half_right(d)], "half")
    oracle = scorer.score([p for a in gold.values() for p in gold_as_predictions(a)], "oracle")
    return score_to_json([half, oracle], BootstrapConfig(resamples=resamples, rounds=rounds, seed=3))


def run_scores(report: dict, **extra) -> dict:
    """A minimal scores.json envelope around one split's report."""
    out = {
        "format_version": 1, "kind": "relation-bench run", "config_file": "experiments/x.toml",
        "config_hash": "c0ffee", "config": {"corpus": {"splits": ["dev", "test"]}},
        "scorer": {"version": report["scorer_version"], "config_hash": report["config_hash"]},
        "bootstrap": report["bootstrap"], "git": {"commit": "abc", "dirty": False},
        "created": "2025-01-01T00:00:00+00:00", "training": None,
        "corpus": {"splits": {"dev": {"hash": "h"}}},
        "extractors": {"half": {"status": "complete"}, "oracle": {"status": "complete"}, "embedding.v1": {"status": "skipped", "message": "skipped: extra 'embed' not installed"}},
        "splits": {"dev": report}, "partial": {}, "unscored": {"test": "no gold files"},
    }
    out.update(extra)
    return out


# --------------------------------------------------------------------------- tier ablation


def _rows(rows, extractor):
    return {r.tier: r for r in rows if r.extractor == extractor}


def test_tier_deltas_hand_computed():
    rows = _rows(ta.tier_deltas(score_report(), "dev"), "half")
    # pair: met TP, visited FP + FN -> 2*1 / (2*1 + 1 + 1) = 0.5
    assert rows["pair"].f1 == pytest.approx(0.5)
    assert rows["pair"].delta == 0 and rows["pair"].delta_ci95 is None and rows["pair"].p_value is None
    # strict: met has no realis (never matches), visited is the wrong pair -> 0
    assert rows["strict"].f1 == 0.0 and rows["strict"].delta == pytest.approx(-0.5)
    # lenient: France backs off to Paris -> both right
    assert rows["lenient"].f1 == pytest.approx(1.0) and rows["lenient"].delta == pytest.approx(0.5)
    # identical documents: every resample gives the same F1s, so the intervals are points
    assert rows["lenient"].delta_ci95 == pytest.approx((0.5, 0.5))
    assert rows["strict"].delta_ci95 == pytest.approx((-0.5, -0.5))
    assert rows["strict"].p_value < 0.05
    # no gold topics or evidence sentences: 0/0, flagged
    assert rows["topic"].not_applicable and rows["evidence"].not_applicable
    assert not rows["pair"].not_applicable


def test_tier_deltas_agree_with_the_score_report():
    """Same documents, same seed, same plan: the tier F1s and their intervals are exactly the
    scorer's own."""
    report = score_report()
    for row in ta.tier_deltas(report, "dev"):
        if row.not_applicable:
            continue
        block = report["results"][row.extractor][row.tier]["micro"]
        assert round(row.f1, 6) == block["f1"]
        assert list(row.ci95) == pytest.approx(block["ci95"], abs=1e-6)


def test_the_oracle_has_no_tier_effect():
    rows = _rows(ta.tier_deltas(score_report(), "dev"), "oracle")
    for tier in ("strict", "lenient"):
        assert rows[tier].delta == 0
        assert rows[tier].delta_ci95 == (0.0, 0.0)
    for tier in ("topic", "evidence"):  # 0/0: no number to compare
        assert rows[tier].not_applicable
        assert rows[tier].delta is None and rows[tier].delta_ci95 is None and rows[tier].p_value is None


def test_too_few_documents_give_no_interval_and_say_why():
    rows = ta.tier_deltas(score_report(n_docs=3), "dev")
    assert all(r.ci95 is None and r.delta_ci95 is None and r.p_value is None for r in rows)
    assert all("only 3 documents" in r.reason for r in rows)
    assert "No intervals: only 3 documents" in ta.render_markdown(ta.ablation_from_scores(run_scores(score_report(n_docs=3))))


def test_unknown_base_tier_is_refused():
    report = score_report()
    with pytest.raises(BenchError, match="base tier 'nope'"):
        ta.tier_deltas(report, "dev", base="nope")


def test_ablation_of_a_run_notes_what_it_left_out():
    ab = ta.ablation_from_scores(run_scores(score_report()))
    assert ab.splits == ("dev",) and ab.extractors == ("half", "oracle")
    assert any("'test' not scored: no gold files" in n for n in ab.notes)
    assert any("embedding.v1: skipped" in n for n in ab.notes)
    assert len(ab.rows) == 2 * len(TIERS)
    md = ta.render_markdown(ab)
    assert "| `half` | 50.0 [50.0, 50.0] | 0.0 (\u221250.0 [\u221250.0, \u221250.0]) | 100.0 (+50.0 [+50.0, +50.0]) | n/a (0/0) | n/a (0/0) |" in md
    lines = ta.render_csv(ab).splitlines()
    assert len(lines) == 1 + 2 * len(TIERS) and lines[0].startswith("split,extractor,tier,f1")


def test_a_run_with_no_scored_split_is_an_error():
    with pytest.raises(BenchError, match="no split"):
        ta.ablation_from_scores(run_scores(score_report(), splits={}))


def test_read_scores_refuses_other_files(tmp_path):
    with pytest.raises(InputError, match="not found"):
        ta.read_scores(tmp_path)
    (tmp_path / "scores.json").write_text('{"kind": "something else"}')
    with pytest.raises(InputError, match="not the scores.json"):
        ta.read_scores(tmp_path)
    (tmp_path / "scores.json").write_text("{not json")
    with pytest.raises(InputError, match="not a readable JSON"):
        ta.read_scores(tmp_path / "scores.json")


def test_trimmed_scores_drop_records_but_keep_counts():
    docs, gold = tiny_corpus()
    half = Scorer(docs, gold).score([p for d in docs for p in half_right(d)], "half")
    report = score_to_json([half], BootstrapConfig(resamples=50, rounds=50), errors=True)
    scores = run_scores(report)
    assert report["errors"]["half"]["records"]
    trimmed = ta.trimmed_scores(scores)
    assert "records" not in trimmed["splits"]["dev"]["errors"]["half"]
    assert trimmed["splits"]["dev"]["per_document"] == report["per_document"]
    assert report["errors"]["half"]["records"], "the original is left alone"


def test_tier_ablation_command_writes_a_results_folder_that_recomputes(tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    (run / "scores.json").write_text(json.dumps(run_scores(score_report())))
    out = tmp_path / "results"
    assert main(["tier-ablation", str(run), "--out", str(out)]) == 0
    for name in ("README.md", "ablation.json", "ablation.csv", "scores.json", "origin.json"):
        assert (out / name).is_file(), name
    origin = json.loads((out / "origin.json").read_text())
    assert origin["command"] == f"python -m bench.experiments tier-ablation {run} --out {out}"
    assert origin["machine"]["cores"] and origin["date"]
    readme = (out / "README.md").read_text()
    assert "- command: `python -m bench.experiments tier-ablation" in readme and "| `half` |" in readme
    again = tmp_path / "again"
    assert main(["tier-ablation", str(out / "scores.json"), "--out", str(again)]) == 0
    first, second = (json.loads((d / "ablation.json").read_text()) for d in (out, again))
    assert first["rows"] == second["rows"]


def test_tier_ablation_command_reports_bad_input(tmp_path, capsys):
    assert main(["tier-ablation", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert "not found; expected a run directory" in capsys.readouterr().err


# --------------------------------------------------------------------------- learning curve


def _example(doc_id: str, split: str, text: str = "x", gold: Annotation | None = None) -> TrainingExample:
    return TrainingExample(Document(doc_id, text, split=split), gold or Annotation(doc_id, (), ()))


def test_subsample_is_stratified_deterministic_and_in_pool_order():
    pool = [_example(f"a{i}", "dev") for i in range(20)] + [_example(f"b{i}", "challenge-train") for i in range(200)]
    s = lc.subsample(pool, 0.1, seed=1)
    assert [e.document.split for e in s].count("dev") == 2
    assert [e.document.split for e in s].count("challenge-train") == 20
    assert [e.document.id for e in s] == [e.document.id for e in lc.subsample(pool, 0.1, seed=1)]
    assert [e.document.id for e in s] != [e.document.id for e in lc.subsample(pool, 0.1, seed=2)]
    order = [pool.index(e) for e in s]
    assert order == sorted(order)
    assert len(lc.subsample(pool, 0.01, seed=0)) == 1 + 2, "at least one of each split"
    assert lc.subsample(pool, 1.0, seed=5) == pool
    with pytest.raises(BenchError, match=r"\(0, 1\]"):
        lc.subsample(pool, 0.0, seed=0)


def test_held_out_documents_are_never_trained_on():
    evals = [Document("t1", "The test text.", split="test")]
    with pytest.raises(BenchError, match="refusing to train on 'test'"):
        lc.check_held_out([_example("x", "test")], evals, "test")
    with pytest.raises(BenchError, match="contains 1 document"):
        lc.check_held_out([_example("t1", "dev")], evals, "test")
    with pytest.raises(BenchError, match="contains 1 document"):
        lc.check_held_out([_example("copy", "dev", text="The test text.")], evals, "test")
    lc.check_held_out([_example("ok", "dev")], evals, "test")


NAMES = ["Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal"]


class Memoriser:
    """A trainable stand-in: remembers the met pairs of its training gold and predicts each
    one in any document that names both people."""

    name = "memoriser.v1"
    trainable = True
    fits = 0

    def __init__(self, seed: int = 0):
        self.params = {"seed": seed}
        self.pairs: set[tuple[str, str]] = set()

    def fit(self, examples):
        type(self).fits += 1
        for ex in examples:
            names = {e.id: e.name for e in ex.gold.entities}
            self.pairs |= {(names[r.head], names[r.tail]) for r in ex.gold.relations}
        return self

    def extract(self, docs):
        for d in docs:
            for a, b in sorted(self.pairs):
                if a in d.text and b in d.text:
                    yield PredictedRelation(d.id, RelationType.MET, ArgumentRef(a), ArgumentRef(b), realis=Realis.ACTUAL)


def _met_doc(doc_id: str, a: str, b: str, split: str, prefix: str = "") -> tuple[Document, Annotation]:
    text = f"{prefix}{a} met {b}."
    ents = (Entity("A", EntityType.PER, a, (_mention(text, a),)), Entity("B", EntityType.PER, b, (_mention(text, b),)))
    return Document(doc_id, text, split=split), Annotation(doc_id, ents, (Relation("R1", RelationType.MET, "A", "B"),))


def _curve_data():
    pairs = [(NAMES[i], NAMES[j]) for i in range(len(NAMES)) for j in range(i + 1, len(NAMES))][:20]
    pool = [TrainingExample(*_met_doc(f"tr{k}", a, b, "dev")) for k, (a, b) in enumerate(pairs)]
    evals = [_met_doc(f"te{k}", a, b, "test", prefix="Later, ") for k, (a, b) in enumerate(pairs)]
    return pool, [d for d, _ in evals], {d.id: g for d, g in evals}


def test_learning_curve_fits_a_fresh_model_per_point_and_learns():
    pool, docs, gold = _curve_data()
    Memoriser.fits = 0
    points = lc.run_learning_curve(Memoriser, pool, docs, gold, fractions=[0.25, 1.0, 0.5], seeds=[0, 1, 1],
                                   bootstrap=BootstrapConfig(resamples=100, rounds=0))
    assert [(p.fraction, p.seed) for p in points] == [(0.25, 0), (0.25, 1), (0.5, 0), (0.5, 1), (1.0, None)]
    assert Memoriser.fits == 5
    assert [p.train_examples for p in points] == [5, 5, 10, 10, 20]
    full = points[-1]
    assert full.f1["pair"] == 1.0 and full.train_by_split == {"dev": 20}
    # a memoriser that saw k of 20 pairs finds exactly those k: recall k/20, precision 1
    quarter = points[0]
    assert quarter.precision == 1.0 and quarter.recall == pytest.approx(0.25)
    assert quarter.ci95["pair"] is not None and quarter.ci95["pair"][0] <= quarter.f1["pair"] <= quarter.ci95["pair"][1]
    summary = {s.fraction: s for s in lc.summarise(points)}
    assert summary[0.25].runs == 2 and summary[1.0].runs == 1 and summary[1.0].std is None
    assert summary[0.25].mean == pytest.approx(2 * 0.25 / 1.25)


def test_learning_curve_refuses_a_pool_holding_evaluation_documents():
    pool, docs, gold = _curve_data()
    leaky = pool + [TrainingExample(docs[0], gold[docs[0].id])]
    with pytest.raises(BenchError, match="refusing to train on 'test'"):
        lc.run_learning_curve(Memoriser, leaky, docs, gold, fractions=[1.0], seeds=[0])


def test_summary_statistics():
    def point(fraction, seed, f1):
        return lc.CurvePoint(fraction, seed, 10, {"dev": 10}, {"pair": f1}, 1.0, f1, {"pair": None}, 0, 0.0, 0.0)

    s = lc.summarise([point(0.5, 0, 0.2), point(0.5, 1, 0.4), point(0.5, 2, 0.6), point(1.0, None, 0.7)])
    assert s[0].mean == pytest.approx(0.4) and s[0].std == pytest.approx(0.2)
    assert (s[0].low, s[0].high, s[0].runs) == (0.2, 0.6, 3)
    assert s[1].std is None and s[1].mean == 0.7


def test_learning_curve_renderings():
    pool, docs, gold = _curve_data()
    points = lc.run_learning_curve(Memoriser, pool, docs, gold, fractions=[0.5, 1.0], seeds=[0, 1], bootstrap=BootstrapConfig(resamples=50, rounds=0))
    curve = lc.LearningCurve(tuple(points), "memoriser.v1", {"seed": 0}, "test", len(docs), "runner", {"dev": 20}, tuple(points[0].f1))
    md = lc.render_markdown(curve)
    assert "| 100% | 20 | 1 | 100.0 [100.0\u2013100.0]" in md and "| 50% | 0 | 10 | dev 10 |" in md
    assert len(lc.render_csv(curve).splitlines()) == 1 + 3
    assert lc.plot_png(curve).startswith(b"\x89PNG")
    data = curve.to_dict()
    assert data["pool"] == {"source": "runner", "examples": 20, "by_split": {"dev": 20}}
    assert [s["runs"] for s in data["summary"]["pair"]] == [2, 1]


def test_unknown_training_pool():
    with pytest.raises(BenchError, match="unknown training pool"):
        lc.training_pool("everything")


@pytest.fixture
def memoriser_registered():
    registry.register("memoriser.v1", Memoriser)
    yield
    registry.unregister("memoriser.v1")


def test_learning_curve_command_end_to_end(tmp_path, memoriser_registered):
    """On the bundled corpus's test split with the runner's training pool."""
    out = tmp_path / "lc"
    code = main(["learning-curve", "--extractor", "memoriser.v1", "--fractions", "50%,1", "--seeds", "0-1",
                 "--bootstrap", "20", "--out", str(out)])
    assert code == 0
    data = json.loads((out / "learning_curve.json").read_text())
    assert data["evaluation"]["split"] == "test" and data["evaluation"]["documents"] > 0
    assert "test" not in data["pool"]["by_split"] and data["pool"]["by_split"]
    assert [(p["fraction"], p["seed"]) for p in data["points"]] == [(0.5, 0), (0.5, 1), (1.0, None)]
    assert (out / "learning_curve.png").read_bytes().startswith(b"\x89PNG")
    assert "memoriser.v1" in (out / "README.md").read_text()


def test_learning_curve_command_refuses_untrainable_and_unknown(tmp_path, capsys):
    assert main(["learning-curve", "--extractor", "trigger.v1", "--out", str(tmp_path)]) == 2
    assert "has no fit()" in capsys.readouterr().err
    assert main(["learning-curve", "--extractor", "nope.v1", "--out", str(tmp_path)]) == 2
    assert "unknown extractor 'nope.v1'" in capsys.readouterr().err


def test_fraction_and_seed_arguments(capsys):
    with pytest.raises(SystemExit):
        main(["learning-curve", "--out", "x", "--fractions", "0,1"])
    assert "fractions must be in (0, 1]" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["learning-curve", "--out", "x", "--seeds", "a,b"])
    assert "whole numbers" in capsys.readouterr().err


# --------------------------------------------------------------------------- speed scaling


def test_extractor_plan_parsing():
    assert ss.ExtractorPlan.parse("trigger.v1") == ss.ExtractorPlan("trigger.v1")
    plan = ss.ExtractorPlan.parse("spacy_dep.v1:1,000")
    assert plan.max_docs == 1000 and plan.sizes([100, 1000, 10000]) == [100, 1000]
    for bad in ("x.v1:many", "x.v1:0", ":5"):
        with pytest.raises(BenchError):
            ss.ExtractorPlan.parse(bad)


def test_fit_line():
    f = ss.fit_line([100, 1000, 10000], [0.5 + 0.002 * x for x in (100, 1000, 10000)])
    assert f.slope == pytest.approx(0.002) and f.intercept == pytest.approx(0.5) and f.r2 == pytest.approx(1.0)
    assert 0 < f.exponent < 1, "a fixed cost makes growth look sub-linear on a log scale"
    quad = ss.fit_line([1, 2, 3, 4], [1, 4, 9, 16])
    assert quad.r2 < 1.0 and quad.exponent == pytest.approx(2.0)
    assert ss.fit_line([1, 2], [3, 5]).r2 is None
    with pytest.raises(BenchError):
        ss.fit_line([1], [1])
    with pytest.raises(BenchError):
        ss.fit_line([2, 2, 2], [1, 2, 3])


def _fake_measure(calls):
    def measure(name, params, source, repeats, warmup, timeout):
        n = int(Path(source).stem.rsplit("-", 1)[1])
        calls.append((name, n, repeats, warmup))
        t = 0.01 + 0.001 * n
        return SpeedResult(name, params, n, 500 * n, repeats, 0.2, 0.01, t, t / 10, (t,) * repeats, n / t, 500 * n / t,
                           1.0, 2.0, 100.0 + n / 1000, 0.001, 3 * n)
    return measure


def test_run_scaling_measures_each_plan_on_its_sizes(tmp_path):
    corpora = {n: tmp_path / f"synth-seed0-{n}.jsonl" for n in (10, 100, 1000)}
    calls = []
    plans = [ss.ExtractorPlan("fast.v1"), ss.ExtractorPlan("slow.v1", {}, 100)]
    sized = []

    def output_size(name, params, corpus):
        sized.append((name, corpus.name))
        return 1024 * 1024 / 3000  # 3 relations a document: 1 MB per 1,000 documents

    points = ss.run_scaling(plans, corpora, repeats=5, warmup=1, measure=_fake_measure(calls), baseline=lambda p: 30.0, output_size=output_size)
    assert calls == [("fast.v1", 10, 5, 1), ("fast.v1", 100, 5, 1), ("fast.v1", 1000, 5, 1), ("slow.v1", 10, 5, 1), ("slow.v1", 100, 5, 1)]
    assert sized == [("fast.v1", "synth-seed0-10.jsonl"), ("slow.v1", "synth-seed0-10.jsonl")], "once per extractor, on its smallest corpus"
    # peak 101 MB = 30 MB of documents + 1 MB of relations + 70 MB of extractor
    assert points[2].output_mb == pytest.approx(1.0, abs=0.05)
    assert points[2].working_rss_mb == pytest.approx(70.0, abs=0.05)
    assert ss.run_scaling(plans[:1], {10: corpora[10]}, measure=_fake_measure([]), baseline=None, output_size=None)[0].working_rss_mb is None
    fits = ss.fits(points)
    assert fits["fast.v1"].slope == pytest.approx(0.001) and fits["fast.v1"].r2 == pytest.approx(1.0)
    assert fits["slow.v1"].r2 is None
    md = ss.render_markdown(points)
    assert "| `fast.v1` | 3 | 1.000 | 0.010 | 1.00000 |" in md and "n/a (2 points)" in md
    assert len(ss.render_csv(points).splitlines()) == 1 + 5
    assert ss.plot_png(points).startswith(b"\x89PNG")


def test_prepare_corpora_writes_each_size_once(tmp_path):
    corpora = ss.prepare_corpora(tmp_path, [3, 5, 3], seed=1)
    assert sorted(corpora) == [3, 5]
    assert [len(corpora[n].read_text().splitlines()) for n in (3, 5)] == [3, 5]
    assert corpora[5].read_text().splitlines()[:3] == corpora[3].read_text().splitlines(), "each size is a prefix of the next"
    stamp = corpora[5].stat().st_mtime_ns
    assert ss.prepare_corpora(tmp_path, [5], seed=1)[5].stat().st_mtime_ns == stamp
    with pytest.raises(BenchError):
        ss.prepare_corpora(tmp_path, [0])


@pytest.mark.slow
def test_relation_bytes_in_a_fresh_process(tmp_path):
    path = ss.prepare_corpora(tmp_path, [5])[5]
    assert 50 < ss.relation_bytes("trigger.v1", {}, path, sample=5) < 100_000
    with pytest.raises(BenchError, match="failed"):
        ss.relation_bytes("nope.v1", {}, path)


@pytest.mark.slow
def test_documents_rss_in_a_fresh_process(tmp_path):
    path = ss.prepare_corpora(tmp_path, [4])[4]
    assert 5 < ss.documents_rss_mb(path) < 2000
    with pytest.raises(BenchError, match="failed"):
        ss.documents_rss_mb(tmp_path / "missing.jsonl")


def test_speed_scaling_command_checks_before_working(tmp_path, capsys):
    assert main(["speed-scaling", "--out", str(tmp_path / "o"), "--repeats", "4", "--work", str(tmp_path / "w")]) == 2
    assert "at least 5" in capsys.readouterr().err
    assert main(["speed-scaling", "--out", str(tmp_path / "o"), "--extractor", "trigerr.v1", "--work", str(tmp_path / "w")]) == 2
    assert "unknown extractor 'trigerr.v1'" in capsys.readouterr().err
    assert not (tmp_path / "w").exists(), "no corpus is generated for a command that cannot run"


# --------------------------------------------------------------------------- origin


def test_origin_names_command_commit_date_and_machine(tmp_path):
    origin = current_origin(["learning-curve", "--out", "a b"])
    assert origin.command == "python -m bench.experiments learning-curve --out 'a b'"
    assert dt.datetime.fromisoformat(origin.date).tzinfo is not None
    assert origin.machine["cores"] >= 1
    write_results(tmp_path / "r", origin, {"table.md": "x\n", "data.json": {"a": 1}, "plot.png": b"\x89PNG"})
    assert json.loads((tmp_path / "r" / "origin.json").read_text())["command"] == origin.command
    assert json.loads((tmp_path / "r" / "data.json").read_text()) == {"a": 1}
    assert (tmp_path / "r" / "plot.png").read_bytes() == b"\x89PNG"
    assert "- command: `python -m bench.experiments learning-curve --out 'a b'`" in origin.markdown()


def test_regenerated_results_do_not_make_the_checkout_dirty(tmp_path, monkeypatch):
    import subprocess

    import bench.corpus

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path, check=True, capture_output=True)

    (tmp_path / "experiments" / "results" / "x").mkdir(parents=True)
    (tmp_path / "experiments" / "results" / "x" / "README.md").write_text("old\n")
    (tmp_path / "code.py").write_text("x = 1\n")
    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "start")
    monkeypatch.setattr(bench.corpus, "PROJECT_ROOT", tmp_path)
    (tmp_path / "experiments" / "results" / "x" / "README.md").write_text("new\n")
    origin = current_origin(["learning-curve"])
    assert origin.commit and origin.dirty is False
    (tmp_path / "code.py").write_text("x = 2\n")
    assert current_origin(["learning-curve"]).dirty is True


# --------------------------------------------------------------------------- generalisation


def _write(path: Path, preds) -> Path:
    from bench.predictions import write_predictions

    write_predictions(path, preds)
    return path


def test_generalisation_groups_pair_and_count_by_hand(tmp_path):
    docs, gold = tiny_corpus(12)
    # before: half right on every document (1 tp of 2 gold, 1 fp); after: the gold everywhere
    before = _write(tmp_path / "before.jsonl", [p for d in docs for p in half_right(d)])
    after = _write(tmp_path / "after.jsonl", [p for a in gold.values() for p in gold_as_predictions(a)])
    groups = [gen.parse_group("all=d*"), gen.parse_group("first two=d00,d01")]
    rows = gen.compare_versions("x.v1", before, after, docs, gold, groups, BootstrapConfig(resamples=200, rounds=500, seed=1))
    whole, two = rows
    assert (whole.group, whole.n_docs, two.n_docs) == ("all", 12, 2)
    # before: tp 12, fp 12, fn 12 -> P = R = F1 = 0.5; after: 1.0
    assert (whole.before["tp"], whole.before["fp"], whole.before["fn"]) == (12, 12, 12)
    assert whole.before["f1"] == pytest.approx(0.5) and whole.after["f1"] == pytest.approx(1.0)
    assert whole.difference == pytest.approx(0.5)
    # identical documents: every resample gives the same F1s, so the interval is a point
    assert whole.ci95 == pytest.approx([0.5, 0.5]) and whole.p_value is not None and whole.p_value < 0.01
    assert two.ci95 is None and two.p_value is None and "at least 10" in two.reason
    table = gen.render_markdown(rows, "old", "new")
    assert "| all | 12 | 0.500 [0.500, 0.500] | 1.000 [1.000, 1.000] | +0.500 [+0.500, +0.500] |" in table
    assert "| first two | 2 | 0.500 | 1.000 | +0.500 (only 2 documents" in table


def test_generalisation_refuses_an_empty_group_and_a_malformed_one(tmp_path):
    docs, gold = tiny_corpus(3)
    empty = _write(tmp_path / "e.jsonl", [])
    with pytest.raises(InputError, match="no document of the split matches zz"):
        gen.compare_versions("x.v1", empty, empty, docs, gold, [gen.parse_group("none=zz*")])
    with pytest.raises(InputError, match="LABEL=GLOB"):
        gen.parse_group("label=")
    assert gen.parse_group("n*") == gen.Group("n*", ("n*",))



def test_generalisation_command_writes_a_results_folder(tmp_path, capsys):
    from bench.corpus import load_corpus

    corpus = load_corpus()
    ids = ["c001", "c002"]
    after = _write(tmp_path / "after.jsonl", [p for i in ids for p in gold_as_predictions(corpus.annotation(i))])
    before = _write(tmp_path / "before.jsonl", [])
    out = tmp_path / "gen"
    code = main(["generalisation", "--split", "dev", "--pair", "x.v1", str(before), str(after),
                 "--group", "two=c001,c002", "--before-label", "old", "--after-label", "new", "--out", str(out)])
    assert code == 0
    data = json.loads((out / "generalisation.json").read_text())
    row = data["rows"][0]
    assert (row["group"], row["documents"], row["before"]["f1"], row["after"]["f1"]) == ("two", 2, 0.0, 1.0)
    assert {"README.md", "origin.json"} <= {p.name for p in out.iterdir()}
    assert "| two | 2 | 0.000 | 1.000 | +1.000" in capsys.readouterr().out
