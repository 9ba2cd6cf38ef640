"""The speed table's "× spaCy parse" column and the row of the spaCy reference, in the frame,
report.md and report.html; the no-value mark when a run has no reference."""

from __future__ import annotations

import json

import pytest

from bench.report import tables as T
from bench.report.html import speed_html
from bench.report.markdown import render_markdown
from bench.report.rundir import load_run

from .fakerun import speed_figures

DESCRIPTION = "the bare spaCy pipeline en_core_web_sm 3.8.0 (components excluded: lemmatizer), batch_size 64, n_process 1"


def _with_reference(run_dir, reference: dict, ratios: dict[str, float]):
    speed = json.loads((run_dir / "speed.json").read_text())
    for label, ratio in ratios.items():
        speed["extractors"][label]["words_per_s_vs_spacy"] = ratio
    speed["reference"] = {"spacy_pipeline": reference}
    (run_dir / "speed.json").write_text(json.dumps(speed))
    return load_run(run_dir)


@pytest.fixture
def measured(run_copy):
    ref = {"status": "complete", **speed_figures("spacy_pipeline", 50.0), "relations": 0, "description": DESCRIPTION}
    return _with_reference(run_copy, ref, {"oracle.v1": 180.0, "cooccurrence.v1": 18.437, "noisy.v1": 0.9312, "broken.v1": 1.2})


def test_ratio_column_and_reference_row(measured):
    frame = T.speed_frame(measured)
    assert list(frame.columns[:3]) == ["docs/s", "words/s", "× spaCy parse"]
    assert frame.loc["cooccurrence.v1", "× spaCy parse"] == "18.4×"
    assert frame.loc["noisy.v1", "× spaCy parse"] == "0.93×"
    ref = frame.loc["spaCy pipeline (reference)"]
    assert (ref["docs/s"], ref["words/s"], ref["× spaCy parse"]) == ("50.0", "1,500", "1.00×")
    assert frame.index[-1] == "spaCy pipeline (reference)"


def test_report_md_and_html_show_the_ratio_and_the_reference(measured):
    md = render_markdown(measured)
    speed = md[md.index("## Speed"):md.index("## Challenge suite")]
    header = next(line for line in speed.splitlines() if line.startswith("| extractor |"))
    assert header.startswith("| extractor | docs/s | words/s | × spaCy parse |")
    assert "18.4×" in speed and "| spaCy pipeline (reference) | 50.0 | 1,500 | 1.00× |" in speed
    assert DESCRIPTION in speed
    html = speed_html(measured)
    assert "<th>× spaCy parse</th>" in html and "<td>18.4×</td>" in html
    assert '<td class="name">spaCy pipeline (reference)</td><td>50.0</td><td>1,500</td><td>1.00×</td>' in html


def test_no_reference_shows_the_no_value_mark(fake_run):
    frame = T.speed_frame(fake_run)
    assert "× spaCy parse" in frame.columns
    assert set(frame["× spaCy parse"]) == {T.NO_VALUE}
    assert "spaCy pipeline (reference)" not in frame.index
    assert "no spaCy reference in this run" in render_markdown(fake_run)


def test_failed_reference_shows_the_no_value_mark_and_says_why(run_copy):
    run = _with_reference(run_copy, {"status": "failed", "message": "speed: measuring the spacy reference failed: boom"}, {})
    frame = T.speed_frame(run)
    assert set(frame["× spaCy parse"]) == {T.NO_VALUE}
    assert "spaCy pipeline (reference)" not in frame.index
    note = "× spaCy parse: no spaCy reference in this run (speed: measuring the spacy reference failed: boom)."
    assert T.speed_reference_note(run) == note
    assert note in render_markdown(run) and note in speed_html(run)


def test_first_pass_ratio_column(run_copy):
    ref = {"status": "complete", **speed_figures("spacy_pipeline", 50.0), "relations": 0, "description": DESCRIPTION,
           "first_pass_words_per_s": 1400.0}
    run = _with_reference(run_copy, ref, {"oracle.v1": 180.0, "cooccurrence.v1": 18.437, "noisy.v1": 0.9312, "broken.v1": 1.2})
    frame = T.speed_frame(run)
    assert list(frame.columns[:4]) == ["docs/s", "words/s", "× spaCy parse", "× spaCy, first pass"]
    assert frame.loc["spaCy pipeline (reference)", "× spaCy, first pass"] == "1.00×"
    # runs whose extractors have no first-pass ratio (older speed.json) show the no-value mark
    assert frame.loc["cooccurrence.v1", "× spaCy, first pass"] == T.NO_VALUE
    assert "first pass over the documents" in T.speed_reference_note(run)

