"""The results tables: cells, notes, provenance, and the CSV/LaTeX/markdown renderings agree
with scores.json."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from bench.report import tables as T
from bench.report.rundir import load_run


def _micro(run_dir, split, system, tier):
    scores = json.loads((run_dir / "scores.json").read_text())
    return scores["splits"][split]["results"][system][tier]["micro"]


def test_cell_shows_f1_and_its_interval(fake_run, fake_run_dir):
    m = _micro(fake_run_dir, "dev", "noisy.v1", "pair")
    c = T.cell(fake_run, "dev", "noisy.v1", "pair")
    assert c.text == f"{m['f1']:.3f} [{m['ci95'][0]:.3f}, {m['ci95'][1]:.3f}]"
    assert (c.precision, c.recall) == (m["precision"], m["recall"])


def test_cell_without_interval_says_why(fake_run):
    c = T.cell(fake_run, "seed", "noisy.v1", "pair")
    assert c.low is None
    assert c.text.endswith("(no CI: 1 document)")
    t = T.split_table(fake_run, "seed")
    assert "No CI: only 1 document; a bootstrap interval needs at least 10." in t.notes


def test_incomplete_extractor_has_no_f1(fake_run):
    t = T.split_table(fake_run, "dev")
    row = t.frame.loc["broken.v1"]
    assert row[("pair", T.F1_HEADER)] == "incomplete: 2 of 12 documents failed"
    assert row[("pair", "P")] == T.NO_VALUE and row[("pair", "R")] == T.NO_VALUE
    assert not any(c[:1].isdigit() for c in row.tolist()[:-1])  # no number but docs/s
    note = next(n for n in t.notes if n.startswith("broken.v1"))
    assert "d03, d08" in note and "not comparable" in note
    # On the seed split the same extractor finished everything: a normal row.
    assert T.split_table(fake_run, "seed").frame.loc["broken.v1"][("pair", "P")] == "1.000"


def test_split_table_layout(fake_run):
    t = T.split_table(fake_run, "dev")
    assert list(t.frame.index) == ["oracle.v1", "cooccurrence.v1", "noisy.v1", "broken.v1"]
    assert t.frame.columns[0] == ("pair", T.F1_HEADER)
    assert t.frame.columns[-1] == (T.SPEED_GROUP, T.SPEED_HEADER)
    assert len(t.frame.columns) == 3 * 5 + 1
    assert t.frame.loc["noisy.v1"][(T.SPEED_GROUP, T.SPEED_HEADER)] == "400"
    assert t.best["pair"] == frozenset({"oracle.v1"})
    assert t.provenance == "12 documents scored: 0 real, 12 constructed"


def test_provenance_line_names_real_and_constructed(fake_run):
    assert T.provenance_line(fake_run, "seed") == "seed: 1 document scored: 1 real, 0 constructed"


def test_csv_holds_the_numbers_of_scores_json(fake_run, fake_run_dir):
    frame = pd.read_csv(io.StringIO(T.to_csv(fake_run)), keep_default_na=False)
    row = frame[(frame.split == "dev") & (frame.extractor == "noisy.v1") & (frame.tier == "strict") & (frame.average == "micro")]
    assert len(row) == 1
    m = _micro(fake_run_dir, "dev", "noisy.v1", "strict")
    assert float(row.f1.iloc[0]) == pytest.approx(m["f1"])
    assert float(row.ci95_low.iloc[0]) == pytest.approx(m["ci95"][0])
    assert int(row.tp.iloc[0]) == m["tp"]
    broken = frame[(frame.split == "dev") & (frame.extractor == "broken.v1")]
    assert len(broken) == 1 and not bool(broken.complete.iloc[0]) and broken.f1.iloc[0] == ""
    assert int(broken.failed_documents.iloc[0]) == 2
    # per-type rows carry their type
    types = frame[(frame.split == "dev") & (frame.extractor == "oracle.v1") & (frame.tier == "pair") & (frame.average == "type")]
    assert list(types.type) == ["visited", "met", "discussed"]


def test_latex_has_one_booktabs_table_per_split(fake_run):
    tex = T.to_latex(fake_run)
    assert tex.count("\\begin{table}") == 2
    assert "\\toprule" in tex and "\\multicolumn{3}{c}{pair}" in tex
    assert "F1 [95\\% CI]" in tex
    assert "\\label{tab:results-dev}" in tex
    assert "incomplete: 2 of 12 documents failed" in tex


def test_markdown_table_escapes_cells():
    frame = pd.DataFrame({"a": ["x|y <b>"]}, index=pd.Index(["r`1"], name="n"))
    md = T.frame_to_markdown(frame)
    assert md.splitlines()[2] == "| r\\`1 | x\\|y &lt;b&gt; |"


def test_speed_and_challenge_frames(fake_run):
    speed = T.speed_frame(fake_run)
    assert speed.loc["cooccurrence.v1", "docs/s"] == "2,500"
    challenge = T.challenge_frame(fake_run)
    assert "overall" in challenge.index
    raw = fake_run.challenge["noisy.v1"]["capabilities"]["negation"]["pass_rate"]
    assert challenge.loc["negation", "noisy.v1"] == pytest.approx(raw)


def test_failed_speed_measurement_is_shown_as_such(run_copy):
    speed = json.loads((run_copy / "speed.json").read_text())
    speed["extractors"]["noisy.v1"] = {"status": "failed", "message": "speed: measuring noisy.v1 failed: boom"}
    (run_copy / "speed.json").write_text(json.dumps(speed))
    run = load_run(run_copy)
    assert T.docs_per_s(run, "noisy.v1") is None
    assert T.speed_frame(run).loc["noisy.v1", "docs/s"].startswith("not measured: speed: measuring")
    assert T.split_table(run, "dev").frame.loc["noisy.v1"][(T.SPEED_GROUP, T.SPEED_HEADER)] == T.NO_VALUE
