"""Reading a run directory: what the renderers see, and clear errors for bad run directories."""

from __future__ import annotations

import json

import pytest

from bench.errors import InputError
from bench.report.rundir import load_run

from .fakerun import BROKEN_DOCS, SYSTEMS


def test_reads_every_file_of_the_run(fake_run):
    assert list(fake_run.splits) == ["seed", "dev"]
    assert fake_run.extractors == list(SYSTEMS)
    assert fake_run.tiers == ["pair", "strict", "lenient", "topic", "evidence"]
    assert set(fake_run.speed) == set(SYSTEMS)
    assert all("docs_per_s" in v for v in fake_run.speed.values())
    assert set(fake_run.challenge) == set(SYSTEMS)
    assert [f.doc_id for f in fake_run.failures] == list(BROKEN_DOCS)
    assert fake_run.name == "fake"
    assert fake_run.headline_split == "dev"


def test_incomplete_extractor_is_known_per_split(fake_run):
    assert fake_run.incomplete("broken.v1", "dev") == (2, 12)
    assert fake_run.incomplete("broken.v1", "seed") is None
    assert fake_run.incomplete("noisy.v1", "dev") is None
    assert fake_run.failed_documents("broken.v1", "dev") == set(BROKEN_DOCS)
    # Scored apart, not with the complete systems, but still listed in the split's tables.
    assert "broken.v1" not in fake_run.splits["dev"]["systems"]
    assert "broken.v1" in fake_run.split_extractors("dev")
    assert fake_run.partial("broken.v1", "dev") is not None
    assert fake_run.status("broken.v1") == ("incomplete", "incomplete: 2 of 13 documents failed")


def test_incomplete_falls_back_to_errors_json(run_copy):
    """Without the runner's per-extractor record, the failures in errors.json decide."""
    scores = json.loads((run_copy / "scores.json").read_text())
    del scores["extractors"]
    (run_copy / "scores.json").write_text(json.dumps(scores))
    run = load_run(run_copy)
    assert run.incomplete("broken.v1", "dev") == (2, 12)
    assert run.status("broken.v1")[0] == "incomplete"


def test_optional_files_may_be_missing(run_copy):
    for name in ("speed.json", "challenge.json", "errors.json"):
        (run_copy / name).unlink()
    run = load_run(run_copy)
    assert run.speed == {} and run.challenge == {} and run.failures == ()


def test_a_bare_score_report_is_a_run_of_one_split(run_copy):
    scores = json.loads((run_copy / "scores.json").read_text())
    (run_copy / "scores.json").write_text(json.dumps(scores["splits"]["dev"]))
    run = load_run(run_copy)
    assert list(run.splits) == ["dev"]


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda d: (d / "scores.json").unlink(), "missing: a run directory holds scores.json"),
        (lambda d: (d / "scores.json").write_text('{"splits": {'), "line 1: invalid JSON"),
        (lambda d: (d / "scores.json").write_bytes(b'{"a": "\xff"}'), "not UTF-8"),
        (lambda d: (d / "scores.json").write_text("[1, 2]"), "/: expected a JSON object"),
        (lambda d: (d / "scores.json").write_text('{"splits": {"dev": {"x": 1}}}'), "/splits: expected the scorer's report"),
        (lambda d: (d / "errors.json").write_text('{"errors": [{"document": "d01"}]}'), "errors.json: /0: missing the extractor's name"),
    ],
    ids=["no-scores", "bad-json", "not-utf8", "not-object", "no-reports", "failure-without-extractor"],
)
def test_bad_run_directories_are_named(run_copy, setup, message):
    setup(run_copy)
    with pytest.raises(InputError) as exc:
        load_run(run_copy)
    assert message in str(exc.value)


def test_a_report_missing_a_system_names_the_pointer(run_copy):
    scores = json.loads((run_copy / "scores.json").read_text())
    del scores["splits"]["dev"]["results"]["noisy.v1"]
    del scores["splits"]["seed"]["results"]["oracle.v1"]["pair"]["micro"]["f1"]
    (run_copy / "scores.json").write_text(json.dumps(scores))
    with pytest.raises(InputError) as exc:
        load_run(run_copy)
    text = str(exc.value)
    assert "/splits/seed/results/oracle.v1/pair/micro: missing f1" in text


def test_not_a_directory(tmp_path):
    with pytest.raises(InputError, match="not a directory"):
        load_run(tmp_path / "nowhere")
