"""The JSON report: layout, rendering from it, and reading it back for later comparisons."""

from __future__ import annotations

import json

import pytest
from scorer_cases import M, V, pred, standard

from bench.errors import BenchError, InputError, ParameterError, Problem
from bench.score_report import problem_to_dict, render, score_to_json, scores_from_json
from bench.scoring import TIERS, Scorer, gold_as_predictions
from bench.stats import BootstrapConfig, compare_systems

BOOT = BootstrapConfig(resamples=100, rounds=100, seed=3)


@pytest.fixture(scope="module")
def two():
    cases = [standard(f"d{i:02d}") for i in range(12)]
    scorer = Scorer({d.id: d for d, _ in cases}, {a.doc_id: a for _, a in cases})
    oracle = [p for _, a in cases for p in gold_as_predictions(a)]
    weak = [pred(d.id, V, "Lavrov", "Beijing") for d, _ in cases[:7]] + [pred("d03", M, "Lavrov", "Blinken")]
    return scorer.score(oracle, "oracle"), scorer.score(weak, "weak")


def test_report_layout(two):
    d = score_to_json(two, BOOT, notes=["hello"])
    assert list(d) == [
        "format_version", "scorer_version", "config", "config_hash", "bootstrap", "corpus", "systems",
        "results", "comparisons", "alignment", "per_document", "errors", "input_problems", "notes",
    ]
    assert d["bootstrap"]["seed"] == 3 and d["bootstrap"]["resamples"] == 100
    t = d["results"]["weak"]["pair"]
    assert t["trap_hits"] == 1 and t["ignored"] == 0
    assert t["micro"]["zero_division"] == []
    assert t["macro"]["types"] == ["visited", "met", "discussed"]
    assert {c["metric"] for c in d["comparisons"]} == {"micro_f1", "macro_f1"}
    assert len(d["comparisons"]) == 2 * len(TIERS)
    json.dumps(d)  # serialisable as is


def test_same_seed_same_report(two):
    assert score_to_json(two, BOOT) == score_to_json(two, BOOT)


def test_report_reads_back_and_reproduces_the_comparisons(two):
    d = score_to_json(two, BOOT)
    back = scores_from_json(json.loads(json.dumps(d)))
    assert [s.name for s in back] == ["oracle", "weak"]
    for orig, again in zip(two, back, strict=True):
        for t in TIERS:
            assert (orig.counts[t] == again.counts[t]).all()
    redo = [c.to_dict() for c in compare_systems(*back, BOOT)]
    for a, b in zip(d["comparisons"], redo, strict=True):
        assert a["p_value"] == pytest.approx(b["p_value"])
        assert a["ci95"] == pytest.approx(b["ci95"], abs=1e-6)


def test_reading_back_refuses_other_versions_and_edited_configs(two):
    d = score_to_json(two, BOOT)
    with pytest.raises(InputError, match="format_version 2 is not supported"):
        scores_from_json({**d, "format_version": 2})
    with pytest.raises(InputError, match="config_hash"):
        scores_from_json({**d, "config": {**d["config"], "zero_division": 1.0}})


def test_every_format_renders_from_the_same_report(two):
    d = score_to_json(two, BOOT, errors=True)
    table = render(d, "table", errors=True)
    assert "oracle vs weak" in table and "weak FP trap: d03" in table
    assert json.loads(render(d, "json")) == d
    assert render(d, "csv").count("\n") == 1 + 2 * len(TIERS) * 5
    assert "| oracle |" in render(d, "md")
    with pytest.raises(ParameterError, match="'format' parameter of score must be one of 'table', 'json', 'csv', 'md'; got 'xml'"):
        render(d, "xml")


def test_systems_must_share_documents_and_names(two):
    a, b = two
    with pytest.raises(BenchError, match="unique"):
        score_to_json([a, a])
    cases = [standard("zz")]
    other = Scorer({d.id: d for d, _ in cases}, {x.doc_id: x for _, x in cases}).score([], "other")
    with pytest.raises(BenchError, match="different documents"):
        score_to_json([a, other])


def test_problems_carry_their_line_number():
    assert problem_to_dict(Problem("p.jsonl", "line 7", "bad"), "sys") == {
        "file": "p.jsonl", "line": 7, "message": "bad", "system": "sys",
    }
    assert problem_to_dict(Problem("p.jsonl", "", "gone")) == {"file": "p.jsonl", "line": None, "message": "gone"}
