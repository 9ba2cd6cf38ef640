"""The out-of-tree plugin in examples/plugin/: installed like any third-party package, it is
listed by `bench extractors` and run by `bench extract`, with no change to bench/.

The package is built from a copy of its source (so the checkout stays clean) and installed
with pip into a temporary target folder, which the subprocesses get on PYTHONPATH; the
virtual environment itself is not modified. Offline: no index, no build isolation.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "examples" / "plugin"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def plugin_env(tmp_path_factory):
    work = tmp_path_factory.mktemp("plugin")
    source = work / "src"
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    target = work / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
         "--quiet", "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, f"installing the example plugin failed (setuptools >= 70.1 is needed):\n{proc.stderr}"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(target), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    yield env
    shutil.rmtree(work, ignore_errors=True)


def bench(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "bench", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
    )


def test_bench_extractors_lists_the_plugin(plugin_env):
    proc = bench(plugin_env, "extractors", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["name"]: r for r in json.loads(proc.stdout)}
    assert rows["keyword.v1"]["package"] == "relation-bench-example-plugin"
    assert rows["keyword.v1"]["installed"] is True
    assert "oracle.v1" in rows  # the built-ins are still there
    table = bench(plugin_env, "extractors").stdout
    assert any(line.startswith("keyword.v1") for line in table.splitlines())


def test_bench_extract_runs_the_plugin(plugin_env, tmp_path):
    docs = tmp_path / "docs.jsonl"
    text = "date 2024-05-02 Foreign Minister Anna Berglund visited Vienna on Tuesday."
    docs.write_text(
        json.dumps({"id": "n1", "text": text}) + "\n"
        + json.dumps({"id": "n2", "text": "Nothing happened."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "pred.jsonl"
    proc = bench(plugin_env, "extract", "--extractor", "keyword.v1", "--param", "verbs=visited|toured",
                 "--input", str(docs), "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "keyword.v1: 2 documents, 1 relations" in proc.stdout
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["doc_id"] == "n1" and row["type"] == "visited"
    start = text.index("Vienna")
    assert row["tail"] == {"text": "Vienna", "start": start, "end": start + len("Vienna")}


def test_plugin_not_visible_without_installing():
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = bench(env, "extract", "--extractor", "keyword.v1", "--input", "x", "--output", "y")
    assert proc.returncode == 2
    assert "unknown extractor 'keyword.v1'" in proc.stderr


def test_plugin_own_tests_pass(plugin_env):
    """The plugin author's own test suite, which calls bench.conformance.check_extractor."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(PLUGIN), str(PLUGIN / "tests")],
        capture_output=True, text=True, env=plugin_env, cwd=PLUGIN, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
