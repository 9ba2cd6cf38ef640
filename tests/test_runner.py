"""The experiment runner on a tiny corpus, with extractors written for the test: faults stay
local (an exception, a timeout, a crash, malformed output), the cache avoids recomputation,
runs are deterministic, and a real ``bench run`` killed half way resumes to the same scores.

The test extractor lives in a module written to a temporary folder (``PLUGIN``) so that both
this process and a ``bench run`` subprocess can import it; faults are switched on by its
parameters. It appends one line per document it extracts to its ``log`` file, which is how
the tests count work across processes. No spaCy here.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bench.config import load_config
from bench.corpus import sha256_text
from bench.registry import register, unregister
from bench.runner import (
    RunOptions,
    check_relations,
    git_info,
    results_table,
    run_experiment,
    strip_volatile,
)

PLUGIN = '''
"""Test extractor for bench.runner tests: 'X met Y' -> met(X, Y), with switchable faults."""
import os
import re
import time

from bench.model import ArgumentRef, PredictedRelation, RelationType

PATTERN = re.compile(r"([A-Z][a-z]+ [A-Z][a-z]+) met ([A-Z][a-z]+ [A-Z][a-z]+)")


class PairsExtractor:
    name = "pairs.v1"
    requires = ()
    trainable = False

    def __init__(self, log: str = "", fail_on: str = "", hang_on: str = "", crash_on: str = "",
                 bad_on: str = "", bad_kind: str = "offsets", delay: float = 0.0,
                 fail_build: bool = False, pid_file: str = "", child_process: bool = False):
        if fail_build:
            raise RuntimeError("cannot load the model")
        self.log, self.fail_on, self.hang_on, self.crash_on = log, fail_on, hang_on, crash_on
        self.bad_on, self.bad_kind, self.delay = bad_on, bad_kind, delay
        self.params = {"log": log, "fail_on": fail_on, "hang_on": hang_on, "crash_on": crash_on,
                       "bad_on": bad_on, "bad_kind": bad_kind, "delay": delay,
                       "fail_build": fail_build, "pid_file": pid_file, "child_process": child_process}
        self.child_process = child_process
        if pid_file:
            with open(pid_file, "a") as fh:
                fh.write(f"{os.getpid()}\\n")

    def extract(self, docs):
        if self.child_process:  # as spaCy does with n_process > 1
            import multiprocessing
            child = multiprocessing.get_context("fork").Process(target=time.sleep, args=(0.01,))
            child.start()
            child.join()
        out = []
        for doc in docs:
            if self.delay:
                time.sleep(self.delay)
            if doc.id == self.fail_on:
                raise RuntimeError(f"boom on {doc.id}")
            if doc.id == self.hang_on:
                time.sleep(3600)
            if doc.id == self.crash_on:
                os._exit(3)
            for m in PATTERN.finditer(doc.text):
                out.append(PredictedRelation(
                    doc.id, RelationType.MET, ArgumentRef(m.group(1), m.start(1), m.end(1)),
                    ArgumentRef(m.group(2), m.start(2), m.end(2))))
            if doc.id == self.bad_on:
                if self.bad_kind == "offsets":
                    out.append(PredictedRelation(doc.id, RelationType.MET, ArgumentRef("Anna Berg", 0, 10_000), ArgumentRef("X")))
                elif self.bad_kind == "dict":
                    out.append({"doc_id": doc.id, "type": "met"})
                elif self.bad_kind == "doc_id":
                    out.append(PredictedRelation("nowhere", RelationType.MET, ArgumentRef("A"), ArgumentRef("B")))
            if self.log:
                with open(self.log, "a") as fh:
                    fh.write(doc.id + "\\n")
        return out
'''

PEOPLE = [
    ("Anna Berg", "Carl Dahl"), ("Eva Lind", "Olof Stam"), ("Mia Holm", "Nils Ek"),
    ("Ida Rask", "Per Wall"), ("Sara Nord", "Jon Falk"), ("Lena Kvist", "Erik Sand"),
]


def _doc_and_gold(doc_id: str, a: str, b: str, negated: bool = False) -> tuple[str, dict]:
    text = f"date 2024-01-05 {a} met {b} in Oslo on Monday. They talked for an hour.\n"
    if negated:
        text = f"date 2024-01-05 {a} did not meet {b}. {a} met {b}'s deputy instead.\n"
    sa, sb = text.index(a), text.index(b)
    end = text.index(".") + 1
    gold = {
        "schema_version": 1,
        "doc_id": doc_id,
        "entities": [
            {"id": "E1", "type": "PER", "name": a, "mentions": [{"start": sa, "end": sa + len(a), "text": a}]},
            {"id": "E2", "type": "PER", "name": b, "mentions": [{"start": sb, "end": sb + len(b), "text": b}]},
        ],
        "relations": [
            {"id": "R1", "type": "met", "head": "E1", "tail": "E2", "polarity": "NEG" if negated else "POS",
             "realis": "ACTUAL", "evidence": {"sentences": [[16, end]]}},
        ],
        "out_of_scope": [],
    }
    return text, gold


def make_corpus(root: Path, n_dev: int = 3, n_test: int = 3) -> Path:
    """A corpus folder (seeds/manifest.json, seeds/*.txt, annotations/*.json): documents d1..
    in the dev split and t1.. in the test split, each stating one meeting."""
    (root / "seeds").mkdir(parents=True)
    (root / "annotations").mkdir()
    entries = []
    ids = [(f"d{i + 1}", "dev") for i in range(n_dev)] + [(f"t{i + 1}", "test") for i in range(n_test)]
    for k, (doc_id, split) in enumerate(ids):
        a, b = PEOPLE[k % len(PEOPLE)]
        text, gold = _doc_and_gold(doc_id, a, b, negated=(doc_id == "t2"))
        (root / "seeds" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (root / "annotations" / f"{doc_id}.json").write_text(json.dumps(gold), encoding="utf-8")
        entries.append({
            "id": doc_id, "file": f"{doc_id}.txt", "sha256": sha256_text(text),
            "provenance": "constructed", "split": split, "date": "2024-01-05",
        })
    (root / "seeds" / "manifest.json").write_text(json.dumps({"version": 1, "documents": entries}), encoding="utf-8")
    return root


def write_config(path: Path, root: Path, extractors: list[dict], **sections) -> Path:
    """A config for the tiny corpus: no speed, no challenge, a small bootstrap."""
    settings = {
        "corpus": {"root": str(root), "splits": ["dev", "test"]},
        "run": {"document_timeout": 30, "batch_documents": 16},
        "bootstrap": {"resamples": 200, "min_docs": 2, "rounds": 200, "seed": 3},
        "speed": {"enabled": False},
        "challenge": {"enabled": False},
    }
    for name, values in sections.items():
        settings.setdefault(name, {}).update(values)
    lines = []
    for name, values in settings.items():
        lines.append(f"[{name}]")
        lines += [f"{k} = {_toml(v)}" for k, v in values.items()]
        lines.append("")
    for e in extractors:
        lines.append("[[extractors]]")
        for k, v in e.items():
            if k == "params":
                inner = ", ".join(f"{pk} = {_toml(pv)}" for pk, pv in v.items())
                lines.append(f"params = {{ {inner} }}")
            else:
                lines.append(f"{k} = {_toml(v)}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _toml(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str | list):
        return json.dumps(v)
    return repr(v)


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plugin")
    (folder / "runner_plugin.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        yield folder
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop("runner_plugin", None)


@pytest.fixture
def pairs(plugin_dir):
    register("pairs.v1", "runner_plugin:PairsExtractor")
    yield
    unregister("pairs.v1")


@pytest.fixture
def corpus(tmp_path):
    return make_corpus(tmp_path / "corpus")


def stable(scores: dict) -> dict:
    """scores.json without its volatile fields, and without the git commit: in a working
    checkout a commit can land between two runs of a test."""
    return {k: v for k, v in strip_volatile(scores).items() if k != "git"}


def table_row(table: str, split: str, label: str) -> str:
    """The cells after ``label`` in the table of ``split`` (whitespace collapsed)."""
    block = table.split(f"split {split}:", 1)[1].split("\n\n", 1)[0]
    for line in block.splitlines():
        words = line.split()
        if words and words[0] == label:
            return " ".join(words[1:])
    raise AssertionError(f"no row {label!r} in split {split!r}:\n{block}")


def lines(path: Path) -> list[str]:
    return path.read_text().split() if path.exists() else []


def run(config: Path, out: Path, **options):
    """Run in-process; the reports (another module's work, and slower) only when asked."""
    options.setdefault("reports", False)
    return run_experiment(load_config(config), RunOptions(output=out, progress=False, **options), log=lambda m: None)


# --------------------------------------------------------------------------- a clean run


def test_clean_run_writes_the_documented_run_directory(tmp_path, corpus, pairs):
    log = tmp_path / "calls.log"
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1", "params": {"log": str(log)}}])
    result = run(cfg, tmp_path / "out")
    out = tmp_path / "out"
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [".cache", "errors.json", "predictions", "scores.json"]
    assert sorted(lines(log)) == ["d1", "d2", "d3", "t1", "t2", "t3"]
    scores = json.loads((out / "scores.json").read_text())
    assert scores["format_version"] == 1
    for key in ("package", "git", "machine", "created", "config", "config_hash", "scorer", "bootstrap", "corpus", "extractors", "splits", "timing", "cache"):
        assert key in scores, key
    assert scores["corpus"]["splits"]["dev"]["documents"] == 3
    assert len(scores["corpus"]["splits"]["dev"]["hash"]) == 16
    dev = scores["splits"]["dev"]
    assert dev["systems"] == ["pairs.v1"]
    assert dev["results"]["pairs.v1"]["pair"]["micro"]["f1"] == 1.0
    assert set(dev["per_document"]["pairs.v1"]["pair"]) == {"d1", "d2", "d3"}
    # t2 states a negated meeting that the pattern still matches: a trap, one false positive
    test = scores["splits"]["test"]["results"]["pairs.v1"]["pair"]["micro"]
    assert (test["tp"], test["fp"], test["fn"]) == (2, 1, 0)
    assert scores["extractors"]["pairs.v1"]["status"] == "complete"
    preds = (out / "predictions" / "pairs.v1" / "dev.jsonl").read_text().splitlines()
    assert [json.loads(p)["doc_id"] for p in preds] == ["d1", "d2", "d3"]
    assert json.loads((out / "errors.json").read_text())["errors"] == []
    assert "pairs.v1" in result.table and "split dev" in result.table


def test_reports_are_written_by_the_report_module_and_a_failure_is_recorded(tmp_path, corpus, pairs, monkeypatch):
    import bench.report

    calls = []
    monkeypatch.setattr(bench.report, "write_reports", lambda run_dir: calls.append(Path(run_dir)))
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1"}])
    result = run(cfg, tmp_path / "out", reports=True)
    assert calls == [tmp_path / "out"] and result.exit_code == 0

    def broken(run_dir):
        raise ValueError("no template")

    monkeypatch.setattr(bench.report, "write_reports", broken)
    result = run(cfg, tmp_path / "out", reports=True)
    assert result.exit_code == 1
    (err,) = json.loads((tmp_path / "out" / "errors.json").read_text())["errors"]
    assert err["kind"] == "report" and err["message"].startswith("writing the reports failed: ValueError: no template")
    assert json.loads((tmp_path / "out" / "scores.json").read_text())["errors"] == {"count": 1, "by_kind": {"report": 1}}


def test_results_table_is_rebuilt_from_the_json(tmp_path, corpus, pairs):
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1"}])
    result = run(cfg, tmp_path / "out")
    scores = json.loads((tmp_path / "out" / "scores.json").read_text())
    assert results_table(scores) == result.table
    # no realis predicted: strict 0; no evidence: evidence 0; no discussed relation: topic n/a (0/0)
    assert table_row(result.table, "dev", "pairs.v1") == "100.0 [100.0-100.0] 0.0 [0.0-0.0] 100.0 [100.0-100.0] n/a 0.0 [0.0-0.0] 100.0 100.0 -"


# --------------------------------------------------------------------------- faults


def test_extractor_raising_on_one_document_is_marked_incomplete(tmp_path, corpus, pairs):
    cfg = write_config(
        tmp_path / "exp.toml", corpus,
        [{"name": "pairs.v1", "label": "faulty", "params": {"fail_on": "d2"}}, {"name": "pairs.v1", "label": "clean"}],
        run={"batch_documents": 3},
    )
    result = run(cfg, tmp_path / "out")
    assert result.exit_code == 1
    scores = result.scores
    faulty = scores["extractors"]["faulty"]
    assert faulty["status"] == "incomplete"
    assert faulty["message"] == "incomplete: 1 of 6 documents failed"
    assert faulty["splits"]["dev"]["failed_documents"] == ["d2"]
    assert faulty["splits"]["test"]["status"] == "complete"
    # no misleading F1 for the faulty extractor on dev: it is scored apart, on what it finished
    assert scores["splits"]["dev"]["systems"] == ["clean"]
    assert scores["partial"]["dev"]["faulty"]["corpus"]["documents"] == ["d1", "d3"]
    assert scores["splits"]["test"]["systems"] == ["faulty", "clean"]
    (err,) = json.loads((tmp_path / "out" / "errors.json").read_text())["errors"]
    assert (err["extractor"], err["split"], err["document"], err["kind"]) == ("faulty", "dev", "d2", "exception")
    assert err["message"].startswith("RuntimeError: boom on d2 (at runner_plugin.py:")
    # the documents around the failing one were extracted in the per-document retry
    dev_preds = (tmp_path / "out" / "predictions" / "faulty" / "dev.jsonl").read_text().splitlines()
    assert [json.loads(p)["doc_id"] for p in dev_preds] == ["d1", "d3"]
    assert table_row(result.table, "dev", "faulty").startswith("incomplete: 1 of 3 documents failed (pair F1 100.0 on the 2 it finished")
    assert table_row(result.table, "test", "faulty").startswith("80.0 [")


def test_timeout_stops_a_runaway_extractor_and_the_run_goes_on(tmp_path, corpus, pairs):
    log = tmp_path / "calls.log"
    cfg = write_config(
        tmp_path / "exp.toml", corpus,
        [{"name": "pairs.v1", "label": "slow", "params": {"hang_on": "d2", "log": str(log)}}],
        run={"document_timeout": 0.5, "batch_documents": 2},
    )
    result = run(cfg, tmp_path / "out")
    slow = result.scores["extractors"]["slow"]
    assert slow["status"] == "incomplete"
    assert slow["splits"]["dev"]["failed_documents"] == ["d2"]
    (failure,) = result.failures
    assert failure.kind == "timeout" and failure.document == "d2"
    assert failure.message == "timed out after 0.5 s (document_timeout)"
    assert sorted(set(lines(log))) == ["d1", "d3", "t1", "t2", "t3"]
    assert result.scores["timing"]["extractors"]["slow"]["workers"] >= 2  # restarted after the kill


def test_extractor_may_start_processes_of_its_own(tmp_path, corpus, pairs):
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1", "params": {"child_process": True}}])
    result = run(cfg, tmp_path / "out")
    assert result.failures == () and result.exit_code == 0


def test_worker_crash_costs_one_document(tmp_path, corpus, pairs):
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1", "label": "crashy", "params": {"crash_on": "t1"}}])
    result = run(cfg, tmp_path / "out")
    (failure,) = result.failures
    assert (failure.kind, failure.split, failure.document) == ("crash", "test", "t1")
    assert failure.message == "the worker process died (exit code 3)"
    assert result.scores["extractors"]["crashy"]["splits"]["test"]["failed"] == 1
    assert result.scores["extractors"]["crashy"]["splits"]["dev"]["failed"] == 0


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("offsets", "relation 1: head offsets [0, 10000) are outside document 'd3' (length 81)"),
        ("dict", "relation 1: is a dict, not a bench.model.PredictedRelation"),
        ("doc_id", "relation 1: doc_id 'nowhere' is not one of the documents it was given"),
    ],
)
def test_malformed_output_is_reported_by_name_with_the_first_bad_record(tmp_path, corpus, pairs, kind, expected):
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1", "label": "sloppy", "params": {"bad_on": "d3", "bad_kind": kind}}])
    result = run(cfg, tmp_path / "out")
    (failure,) = result.failures
    assert (failure.extractor, failure.kind, failure.document) == ("sloppy", "malformed", "d3")
    assert failure.message == f"malformed output: {expected}"
    assert failure.record is not None
    assert failure.record.startswith("PredictedRelation(" if kind != "dict" else "{'doc_id': 'd3'")
    errors = json.loads((tmp_path / "out" / "errors.json").read_text())["errors"]
    assert errors[0]["record"] == failure.record
    assert result.scores["extractors"]["sloppy"]["status"] == "incomplete"


def test_extractor_that_cannot_be_built_fails_alone(tmp_path, corpus, pairs):
    cfg = write_config(
        tmp_path / "exp.toml", corpus,
        [{"name": "pairs.v1", "label": "broken", "params": {"fail_build": True}}, {"name": "pairs.v1", "label": "fine"}],
    )
    result = run(cfg, tmp_path / "out")
    broken = result.scores["extractors"]["broken"]
    assert broken["status"] == "failed"
    assert "could not build pairs.v1: RuntimeError: cannot load the model" in broken["message"]
    assert result.scores["extractors"]["fine"]["status"] == "complete"
    assert result.scores["splits"]["dev"]["systems"] == ["fine"]
    assert {f.kind for f in result.failures} == {"build"}
    assert table_row(result.table, "dev", "broken").startswith("failed: all 6 documents failed (build): could not build")


def test_optional_extractor_with_a_missing_extra_is_skipped(tmp_path, corpus, pairs, plugin_dir):
    (plugin_dir / "needs_extra.py").write_text(textwrap.dedent('''
        class NeedsExtra:
            name = "needsextra.v1"
            requires = ("no_such_package_for_tests",)
            extra = "fancy"
            def __init__(self):
                self.params = {}
            def extract(self, docs):
                return []
    '''), encoding="utf-8")
    register("needsextra.v1", "needs_extra:NeedsExtra")
    try:
        cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "needsextra.v1", "optional": True}, {"name": "pairs.v1"}])
        result = run(cfg, tmp_path / "out")
        assert result.exit_code == 0
        entry = result.scores["extractors"]["needsextra.v1"]
        assert entry["status"] == "skipped" and entry["message"] == "skipped: extra 'fancy' not installed"
        assert table_row(result.table, "test", "needsextra.v1") == "skipped: extra 'fancy' not installed"
        cfg = write_config(tmp_path / "exp2.toml", corpus, [{"name": "needsextra.v1"}])
        with pytest.raises(Exception, match=r"extra 'fancy' not installed; pip install 'relation-bench\[fancy\]'"):
            run(cfg, tmp_path / "out2")
    finally:
        unregister("needsextra.v1")


def test_check_relations_accepts_good_output_and_names_bad_offsets(corpus):
    from bench.corpus import load_corpus
    from bench.model import ArgumentRef, PredictedRelation, RelationType

    doc = load_corpus(corpus).document("d1")
    good = PredictedRelation("d1", RelationType.MET, ArgumentRef("Anna Berg", 16, 25), ArgumentRef("Carl Dahl"))
    records, problem, record = check_relations([good], {"d1": doc})
    assert problem is None and records[0]["head"] == {"text": "Anna Berg", "start": 16, "end": 25}
    shifted = PredictedRelation("d1", RelationType.MET, ArgumentRef("Anna Berg", 17, 26), ArgumentRef("Carl Dahl"))
    _, problem, _ = check_relations([good, shifted], {"d1": doc})
    assert problem == "relation 1: head offsets [17, 26) slice 'nna Berg ', not head.text 'Anna Berg'"


# --------------------------------------------------------------------------- cache, determinism


def test_cache_hit_avoids_recomputation(tmp_path, corpus, pairs):
    log = tmp_path / "calls.log"
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1", "params": {"log": str(log)}}])
    first = run(cfg, tmp_path / "out")
    assert len(lines(log)) == 6
    second = run(cfg, tmp_path / "out")
    assert len(lines(log)) == 6  # nothing extracted again
    assert second.scores["cache"]["hits"] == 6 and second.scores["cache"]["misses"] == 0
    assert stable(first.scores) == stable(second.scores)
    third = run(cfg, tmp_path / "out", fresh=True)
    assert len(lines(log)) == 12  # --fresh recomputes
    assert stable(third.scores) == stable(first.scores)


def test_a_changed_document_or_parameter_misses_the_cache(tmp_path, corpus, pairs):
    log = tmp_path / "calls.log"
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1", "params": {"log": str(log)}}])
    run(cfg, tmp_path / "out")
    cfg2 = write_config(tmp_path / "exp2.toml", corpus, [{"name": "pairs.v1", "params": {"log": str(log), "delay": 0.001}}])
    second = run(cfg2, tmp_path / "out")
    assert len(lines(log)) == 12
    # a damaged cache file is recomputed, not trusted
    params_hash = second.scores["extractors"]["pairs.v1"]["params_hash"]
    files = sorted((tmp_path / "out" / ".cache" / "predictions" / "pairs.v1" / params_hash).glob("*.json"))
    assert len(files) == 6
    files[0].write_text("{ truncated")
    result = run(cfg2, tmp_path / "out")
    assert len(lines(log)) == 13
    assert result.scores["cache"]["unreadable"] == 1
    assert stable(result.scores) == stable(second.scores)
    # a changed document text is a new key
    text = corpus / "seeds" / "d1.txt"
    manifest = json.loads((corpus / "seeds" / "manifest.json").read_text())
    new = text.read_text().replace("They talked", "They spoke")
    text.write_text(new)
    manifest["documents"][0]["sha256"] = sha256_text(new)
    (corpus / "seeds" / "manifest.json").write_text(json.dumps(manifest))
    run(cfg2, tmp_path / "out")
    assert lines(log)[13:] == ["d1"]


def test_two_runs_give_identical_scores_apart_from_volatile_fields(tmp_path, corpus, pairs):
    cfg = write_config(
        tmp_path / "exp.toml", corpus,
        [{"name": "pairs.v1", "label": "a"}, {"name": "pairs.v1", "label": "b", "params": {"fail_on": "t3"}}],
        bootstrap={"resamples": 300},
    )
    one = run(cfg, tmp_path / "one")
    two = run(cfg, tmp_path / "two", jobs=2)  # parallel extraction changes nothing
    a = json.loads((tmp_path / "one" / "scores.json").read_text())
    b = json.loads((tmp_path / "two" / "scores.json").read_text())
    assert a["created"] and a["timing"] and a["output"] != b["output"]
    assert stable(a) == stable(b)
    assert one.table == two.table
    assert (tmp_path / "one" / "errors.json").read_text() == (tmp_path / "two" / "errors.json").read_text()
    for split in ("dev", "test"):
        for label in ("a", "b"):
            assert (tmp_path / "one" / "predictions" / label / f"{split}.jsonl").read_bytes() == (
                tmp_path / "two" / "predictions" / label / f"{split}.jsonl"
            ).read_bytes()


def test_parallel_extraction_keeps_faults_apart(tmp_path, corpus, pairs):
    extractors = [
        {"name": "pairs.v1", "label": "slow", "params": {"hang_on": "d1"}},
        {"name": "pairs.v1", "label": "crashy", "params": {"crash_on": "t2"}},
        {"name": "pairs.v1", "label": "faulty", "params": {"fail_on": "d3"}},
        {"name": "pairs.v1", "label": "clean"},
    ]
    cfg = write_config(tmp_path / "exp.toml", corpus, extractors, run={"document_timeout": 0.5, "batch_documents": 2})
    serial = run(cfg, tmp_path / "serial", use_cache=False)
    parallel = run(cfg, tmp_path / "parallel", use_cache=False, jobs=3)
    assert [(f.extractor, f.split, f.document, f.kind) for f in parallel.failures] == [
        ("slow", "dev", "d1", "timeout"), ("crashy", "test", "t2", "crash"), ("faulty", "dev", "d3", "exception"),
    ]
    assert stable(parallel.scores) == stable(serial.scores)
    assert (tmp_path / "parallel" / "errors.json").read_text() == (tmp_path / "serial" / "errors.json").read_text()
    assert parallel.scores["splits"]["dev"]["systems"] == ["crashy", "clean"]


def test_challenge_suite_runs_and_its_failure_is_recorded(tmp_path, corpus, pairs):
    cfg = write_config(
        tmp_path / "exp.toml", corpus,
        [{"name": "pairs.v1", "label": "ok"}, {"name": "pairs.v1", "label": "bad", "params": {"fail_on": "ch-negation-0001"}}],
        challenge={"enabled": True, "failed_examples": 2},
    )
    result = run(cfg, tmp_path / "out")
    challenge = json.loads((tmp_path / "out" / "challenge.json").read_text())
    ok = challenge["extractors"]["ok"]
    assert ok["status"] == "complete" and ok["extractor"]["name"] == "pairs.v1"
    assert set(ok["capabilities"]) >= {"negation", "coordination"}
    kept = [f["capability"] for f in ok["failures"]]
    assert all(kept.count(c) <= 2 for c in kept)
    assert sum(ok["failures_total"].values()) == ok["overall"]["cases"] - ok["overall"]["passed"]
    bad = challenge["extractors"]["bad"]
    assert bad["status"] == "failed"
    (failure,) = result.failures
    assert (failure.extractor, failure.kind, failure.document) == ("bad", "challenge", None)
    assert "RuntimeError: boom on ch-negation-0001" in failure.message
    # the corpus splits of the same extractor are unaffected; the run still reports a fault
    assert result.scores["extractors"]["bad"]["status"] == "complete"
    assert result.exit_code == 1
    assert "challenge suite (seed 0" in result.table


# --------------------------------------------------------------------------- speed and its spaCy reference


def _speed_result(name: str, words_per_s: float, params: dict | None = None):
    from bench.speed import SpeedResult

    return SpeedResult(
        extractor=name, params=params or {}, documents=3, words=30, repeats=5, cold_start_s=0.5,
        first_call_s=0.01, pass_median_s=30 / words_per_s, pass_iqr_s=0.001,
        pass_times_s=(30 / words_per_s,) * 5, docs_per_s=round(3 * words_per_s / 30, 3),
        words_per_s=words_per_s, latency_p50_ms=1.0, latency_p95_ms=2.0, peak_rss_mb=50.0,
        harness_overhead=0.001, relations=0 if name == "spacy_pipeline" else 3,
    )


@pytest.fixture
def fake_speed(monkeypatch):
    """The speed subprocesses replaced by fixed figures (pairs.v1: 3,000 words/s, or its
    ``delay`` parameter x 10,000; the spaCy reference: 1,000 words/s); ``calls`` records what
    was measured."""
    import bench.speed
    import bench.speed_reference

    calls: list[tuple] = []

    def extractor(name, params, source, repeats, warmup, timeout, root):
        calls.append(("extractor", name, source, repeats, warmup))
        return _speed_result(name, 3000.0 if not params.get("delay") else params["delay"] * 10_000, params)

    def reference(which, params, source, repeats, warmup, timeout, root):
        calls.append(("reference", which, source, repeats, warmup))
        return _speed_result("spacy_pipeline", 1000.0, params)

    monkeypatch.setattr(bench.speed, "measure_in_subprocess", extractor)
    monkeypatch.setattr(bench.speed, "measure_reference_in_subprocess", reference)
    monkeypatch.setattr(bench.speed_reference, "unavailable", lambda: None)
    return calls


SPEED_ON = {"enabled": True, "split": "dev", "repeats": 5, "warmup": 0}


def test_speed_reports_each_extractor_against_the_spacy_reference(tmp_path, corpus, pairs, fake_speed):
    from bench.extractors.spacy_dep import SpacyDepExtractor

    cfg = write_config(
        tmp_path / "exp.toml", corpus,
        [{"name": "pairs.v1", "label": "fast"}, {"name": "pairs.v1", "label": "slow", "params": {"delay": 0.093}}],
        speed=SPEED_ON,
    )
    result = run(cfg, tmp_path / "out")
    assert result.exit_code == 0
    speed = json.loads((tmp_path / "out" / "speed.json").read_text())
    # the reference is measured once per run, on the speed split, with the same protocol settings
    assert [c for c in fake_speed if c[0] == "reference"] == [("reference", "spacy", "dev", 5, 0)]
    ref = speed["reference"]["spacy_pipeline"]
    assert ref["status"] == "complete" and ref["extractor"] == "spacy_pipeline" and ref["relations"] == 0
    assert ref["words_per_s"] == 1000.0 and "spacy_dep.v1" in ref["description"]
    assert set(speed["extractors"]["fast"]) - {"words_per_s_vs_spacy"} | {"description"} == set(ref)  # an extractor entry's fields
    # same pipeline, batch size and processes as spacy_dep.v1 by default
    assert ref["params"]["batch_size"] == SpacyDepExtractor().batch_size
    assert ref["params"]["disable"] == sorted(SpacyDepExtractor.DISABLE)
    assert speed["extractors"]["fast"]["words_per_s_vs_spacy"] == 3.0
    assert speed["extractors"]["slow"]["words_per_s_vs_spacy"] == 0.93
    # the console table: the ratio column and the reference's own row
    assert "× spaCy parse" in result.table
    rows = {line.split()[0]: line for line in result.table.splitlines() if line.startswith("  ")}
    assert "3.00×" in rows["fast"] and "0.93×" in rows["slow"]
    reference_row = next(line for line in result.table.splitlines() if "spaCy pipeline (reference)" in line)
    assert "1,000" in reference_row and "1.00×" in reference_row
    assert results_table(result.scores, speed) == result.table
    # cached like the extractors' figures: a second run measures nothing and says the same
    before = len(fake_speed)
    again = run(cfg, tmp_path / "out")
    assert len(fake_speed) == before
    assert json.loads((tmp_path / "out" / "speed.json").read_text())["reference"] == speed["reference"]
    assert again.speed["extractors"]["slow"]["words_per_s_vs_spacy"] == 0.93


def test_a_failed_or_missing_spacy_reference_never_fails_the_run(tmp_path, corpus, pairs, fake_speed, monkeypatch):
    import bench.speed
    import bench.speed_reference
    from bench.errors import BenchError

    def broken(*args):
        raise BenchError("speed: measuring the spacy reference failed: OSError: no model")

    monkeypatch.setattr(bench.speed, "measure_reference_in_subprocess", broken)
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1"}], speed=SPEED_ON)
    result = run(cfg, tmp_path / "out", use_cache=False)
    assert result.exit_code == 0 and result.failures == ()
    speed = json.loads((tmp_path / "out" / "speed.json").read_text())
    assert speed["reference"] == {"spacy_pipeline": {"status": "failed", "message": "speed: measuring the spacy reference failed: OSError: no model"}}
    assert speed["extractors"]["pairs.v1"]["status"] == "complete"
    assert "words_per_s_vs_spacy" not in speed["extractors"]["pairs.v1"]
    assert "× spaCy parse: not available; spaCy pipeline (reference): speed: measuring the spacy reference failed" in result.table
    row = next(line for line in result.table.splitlines() if line.startswith("  pairs.v1") and "," in line)
    assert row.split()[3] == "-"  # the ratio column

    monkeypatch.setattr(bench.speed_reference, "unavailable", lambda: "spaCy is not installed")
    result = run(cfg, tmp_path / "out", use_cache=False)
    assert result.exit_code == 0
    speed = json.loads((tmp_path / "out" / "speed.json").read_text())
    assert speed["reference"] == {"spacy_pipeline": {"status": "skipped", "message": "skipped: spaCy is not installed"}}
    assert "words_per_s_vs_spacy" not in speed["extractors"]["pairs.v1"]


def test_damaged_gold_stops_the_run_before_any_work(tmp_path, corpus, pairs):
    from bench.errors import InputError

    log = tmp_path / "calls.log"
    (corpus / "annotations" / "t2.json").write_text('{"doc_id": "t2", ', encoding="utf-8")
    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1", "params": {"log": str(log)}}])
    with pytest.raises(InputError, match=r"t2\.json: line 1: invalid JSON"):
        run(cfg, tmp_path / "out")
    assert lines(log) == []


def test_git_info_ignores_the_output_folder(tmp_path):
    repo = tmp_path / "repo"
    (repo / "results").mkdir(parents=True)
    (repo / "code.py").write_text("x = 1\n")
    (repo / "results" / "scores.json").write_text("{}\n")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for cmd in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-q", "-m", "x"]):
        subprocess.run(cmd, cwd=repo, check=True, env=env, capture_output=True)
    clean = git_info(repo)
    assert len(clean["commit"]) == 40 and clean["dirty"] is False
    (repo / "results" / "scores.json").write_text('{"new": 1}\n')  # a regenerated result
    assert git_info(repo)["dirty"] is True
    assert git_info(repo, output=repo / "results")["dirty"] is False
    (repo / "code.py").write_text("x = 2\n")
    assert git_info(repo, output=repo / "results")["dirty"] is True
    assert git_info(tmp_path / "elsewhere") == {"commit": None, "dirty": None}


def test_unknown_split_is_refused_before_any_work(tmp_path, corpus, pairs):
    from bench.errors import InputError

    cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "pairs.v1"}], corpus={"splits": ["dev", "tset"]})
    with pytest.raises(InputError, match="unknown split 'tset'; available: dev, test, all"):
        run(cfg, tmp_path / "out")
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- interruption


def _bench_run(plugin_dir: Path, config: Path, out: Path) -> subprocess.Popen:
    """A real ``bench run`` in a subprocess, with the test extractor registered first."""
    prelude = (
        "import sys; sys.path.insert(0, sys.argv.pop(1)); "
        "from bench.registry import register; register('pairs.v1', 'runner_plugin:PairsExtractor'); "
        "from bench.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    return subprocess.Popen(
        [sys.executable, "-c", prelude, str(plugin_dir), "run", str(config), "--out", str(out), "--no-progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_for(predicate, what: str, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def _gone(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _cached(out: Path) -> int:
    folder = out / ".cache" / "predictions"
    return len(list(folder.rglob("*.json"))) if folder.exists() else 0


@pytest.mark.slow
def test_interrupted_run_resumes_to_the_same_scores(tmp_path, plugin_dir, pairs):
    corpus = make_corpus(tmp_path / "corpus", n_dev=5, n_test=5)
    log = tmp_path / "calls.log"
    pids = tmp_path / "pids"
    cfg = write_config(
        tmp_path / "exp.toml", corpus,
        [{"name": "pairs.v1", "params": {"log": str(log), "delay": 0.25, "pid_file": str(pids)}}],
        run={"batch_documents": 1},
    )
    reference = run(cfg, tmp_path / "reference")
    log.unlink()

    # SIGINT half way: exit status 130, finished documents stay cached
    out = tmp_path / "interrupted"
    proc = _bench_run(plugin_dir, cfg, out)
    _wait_for(lambda: _cached(out) >= 3, "three cached documents")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    assert not (out / "scores.json").exists()
    done = _cached(out)
    assert 3 <= done < 10
    for pid in lines(pids):
        _wait_for(lambda pid=pid: _gone(int(pid)), f"worker {pid} to exit", 30)

    # SIGKILL of the resumed run: no clean-up at all; the worker notices and exits
    log.unlink()
    proc = _bench_run(plugin_dir, cfg, out)
    _wait_for(lambda: _cached(out) >= done + 2, "two more cached documents")
    proc.kill()
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    for pid in lines(pids):
        _wait_for(lambda pid=pid: _gone(int(pid)), f"worker {pid} to exit after SIGKILL", 30)
    after_kill = _cached(out)
    assert after_kill >= done + 2
    assert len(set(lines(log))) == len(lines(log))  # the resumed run redid no finished document

    # started again: only the unfinished documents are extracted
    log.unlink()
    proc = _bench_run(plugin_dir, cfg, out)
    stdout, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert len(lines(log)) == 10 - after_kill
    resumed = json.loads((out / "scores.json").read_text())
    assert resumed["cache"]["hits"] == after_kill
    assert stable(resumed) == stable(reference.scores)
    assert stdout == reference.table
    for split in ("dev", "test"):
        assert (out / "predictions" / "pairs.v1" / f"{split}.jsonl").read_bytes() == (
            tmp_path / "reference" / "predictions" / "pairs.v1" / f"{split}.jsonl"
        ).read_bytes()
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp") and "predictions" in p.parts and ".cache" not in p.parts]


def test_training_never_sees_a_test_split(tmp_path, corpus, plugin_dir):
    (plugin_dir / "trainable_plugin.py").write_text(textwrap.dedent('''
        class Learner:
            name = "learner.v1"
            trainable = True
            def __init__(self, log: str = ""):
                self.log = log
                self.params = {"log": log}
            def fit(self, examples):
                with open(self.log, "a") as fh:
                    for ex in examples:
                        fh.write(f"{ex.document.id} {ex.document.split}\\n")
            def extract(self, docs):
                return []
    '''), encoding="utf-8")
    register("learner.v1", "trainable_plugin:Learner")
    try:
        log = tmp_path / "fit.log"
        cfg = write_config(tmp_path / "exp.toml", corpus, [{"name": "learner.v1", "params": {"log": str(log)}}])
        result = run(cfg, tmp_path / "out")
        rows = [line.split() for line in log.read_text().splitlines()]
        ids = {r[0] for r in rows}
        assert {"d1", "d2", "d3"} <= ids
        assert not ids & {"t1", "t2", "t3"}
        assert not [r for r in rows if r[1] == "test"]
        training = result.scores["training"]
        assert training["examples"] == len(rows) and training["by_split"]["dev"] == 3
    finally:
        unregister("learner.v1")
