"""``bench run`` on the command line: help, exit statuses, output options, and one end-to-end
run of real baselines (spaCy included) with speed, challenge and reports."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from test_runner import PLUGIN, make_corpus, table_row, write_config

from bench.cli import main
from bench.registry import register, unregister

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def plugin(tmp_path_factory):
    import sys

    folder = tmp_path_factory.mktemp("cli_plugin")
    (folder / "cli_plugin.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    sys.path.insert(0, str(folder))
    register("pairs.v1", "cli_plugin:PairsExtractor")
    try:
        yield folder
    finally:
        unregister("pairs.v1")
        sys.path.remove(str(folder))
        sys.modules.pop("cli_plugin", None)


@pytest.fixture
def corpus(tmp_path):
    return make_corpus(tmp_path / "corpus")


def test_help_shows_an_example_and_the_options(capsys):
    with pytest.raises(SystemExit) as info:
        main(["run", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "bench run experiments/baselines.toml" in out
    for option in ("--out", "--no-speed", "--no-challenge", "--cache-dir", "--no-cache", "--fresh", "--no-progress", "--no-report"):
        assert option in out


def test_run_prints_the_table_and_exits_0(tmp_path, corpus, plugin, capsys):
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1"}])
    code = main(["run", str(cfg), "--out", str(tmp_path / "out"), "--no-progress", "--no-report"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert table_row(captured.out, "dev", "pairs.v1").startswith("100.0 [100.0-100.0]")
    assert f"bench run: wrote {tmp_path / 'out'}/ (scores.json, errors.json, predictions/)" in captured.err
    assert (tmp_path / "out" / "scores.json").is_file()


def test_output_defaults_to_the_configs_run_output(tmp_path, corpus, plugin, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1"}], run={"output": "runs/here"})
    assert main(["run", str(cfg), "--no-progress", "--no-report", "--no-speed"]) == 0
    assert (tmp_path / "runs" / "here" / "scores.json").is_file()
    assert (tmp_path / "runs" / "here" / ".cache" / "predictions").is_dir()


def test_incomplete_extractor_exits_1_and_says_so(tmp_path, corpus, plugin, capsys):
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1", "params": {"fail_on": "t1"}}])
    code = main(["run", str(cfg), "--out", str(tmp_path / "out"), "--no-progress", "--no-report"])
    captured = capsys.readouterr()
    assert code == 1
    assert table_row(captured.out, "test", "pairs.v1").startswith("incomplete: 1 of 3 documents failed")
    assert "bench run: pairs.v1: test, t1: exception: RuntimeError: boom on t1" in captured.err


def test_bad_config_exits_2_with_the_line(tmp_path, capsys):
    cfg = tmp_path / "exp.toml"
    cfg.write_text('[[extractors]]\nname = "oracle.v1"\n\n[speed]\nrepeats = 2\n', encoding="utf-8")
    assert main(["run", str(cfg), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"bench run: error: {cfg}: line 5: [speed] repeats must be at least 5; got 2" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_jobs_must_be_positive(tmp_path, capsys):
    assert main(["run", str(tmp_path / "exp.toml"), "--jobs", "0"]) == 2
    assert "bench run: error: --jobs must be at least 1; got 0" in capsys.readouterr().err


def test_missing_config_exits_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope.toml")]) == 2
    assert "config file not found" in capsys.readouterr().err


def test_no_cache_and_cache_dir(tmp_path, corpus, plugin, capsys):
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1"}])
    assert main(["run", str(cfg), "--out", str(tmp_path / "a"), "--no-progress", "--no-report", "--no-cache"]) == 0
    assert not (tmp_path / "a" / ".cache").exists()
    assert json.loads((tmp_path / "a" / "scores.json").read_text())["cache"]["directory"] is None
    shared = tmp_path / "shared-cache"
    assert main(["run", str(cfg), "--out", str(tmp_path / "b"), "--no-progress", "--no-report", "--cache-dir", str(shared)]) == 0
    assert main(["run", str(cfg), "--out", str(tmp_path / "c"), "--no-progress", "--no-report", "--cache-dir", str(shared)]) == 0
    assert json.loads((tmp_path / "c" / "scores.json").read_text())["cache"]["hits"] == 6
    assert not (tmp_path / "c" / ".cache").exists()


@pytest.mark.slow
def test_end_to_end_with_real_baselines(tmp_path, capsys):
    """oracle.v1, trigger.v1 and cooccurrence.v1 (spaCy) on the real seed split, with the
    speed protocol, the challenge suite and the reports."""
    cfg = tmp_path / "smoke.toml"
    cfg.write_text(textwrap.dedent(f"""
        [experiment]
        name = "smoke"
        [corpus]
        root = "{ROOT}"
        splits = ["seed"]
        [speed]
        split = "seed"
        repeats = 5
        warmup = 0
        [[extractors]]
        name = "oracle.v1"
        [[extractors]]
        name = "trigger.v1"
        [[extractors]]
        name = "cooccurrence.v1"
    """), encoding="utf-8")
    out = tmp_path / "run"
    code = main(["run", str(cfg), "--out", str(out), "--no-progress"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    scores = json.loads((out / "scores.json").read_text())
    seed = scores["splits"]["seed"]
    assert seed["systems"] == ["oracle.v1", "trigger.v1", "cooccurrence.v1"]
    for tier, block in seed["results"]["oracle.v1"].items():
        assert block["micro"]["f1"] == 1.0, tier
    assert seed["results"]["cooccurrence.v1"]["pair"]["micro"]["fp"] > 0
    assert seed["results"]["oracle.v1"]["pair"]["micro"]["ci95"] is None  # one document: no interval
    speed = json.loads((out / "speed.json").read_text())
    assert speed["split"] == "seed"
    for label in ("oracle.v1", "trigger.v1", "cooccurrence.v1"):
        entry = speed["extractors"][label]
        assert entry["status"] == "complete" and entry["repeats"] == 5 and entry["docs_per_s"] > 0
    challenge = json.loads((out / "challenge.json").read_text())
    assert challenge["extractors"]["oracle.v1"]["status"] == "skipped"
    assert challenge["extractors"]["trigger.v1"]["status"] == "complete"
    assert set(challenge["extractors"]["trigger.v1"]["capabilities"]) >= {"negation", "passive"}
    assert json.loads((out / "errors.json").read_text())["errors"] == []
    assert "speed on split 'seed'" in captured.out and "challenge suite" in captured.out
    assert table_row(captured.out, "seed", "oracle.v1").startswith("100.0 100.0 100.0 100.0 100.0 100.0 100.0")
    for line in (out / "predictions" / "cooccurrence.v1" / "seed.jsonl").read_text().splitlines():
        assert json.loads(line)["doc_id"] == "000_12a61b80a6d06b2b"
    import importlib.util

    if importlib.util.find_spec("bench.report") is not None:
        assert (out / "report.md").is_file() and (out / "report.html").is_file()
