"""``bench challenge``: the table, the JSON result, the dump, and errors as messages."""

from __future__ import annotations

import json

import pytest
from challenge_helpers import GoldExtractor

from bench import registry
from bench.challenge import CAPABILITIES, dumps_cases, generate
from bench.cli import main


@pytest.fixture
def gold_extractor():
    registry.register("challengegold.v1", GoldExtractor)
    yield "challengegold.v1"
    registry.unregister("challengegold.v1")


def test_runs_a_registered_extractor_and_writes_json(tmp_path, capsys, gold_extractor):
    out = tmp_path / "results.json"
    assert main(["challenge", "--extractor", gold_extractor, "--param", "with_attributes=true", "--output", str(out)]) == 0
    printed = capsys.readouterr().out
    for cap in CAPABILITIES:
        assert cap in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["extractor"] == {"name": "challengegold.v1", "params": {"seed": 0, "with_attributes": True}}
    assert data["overall"]["pass_rate"] == 1.0 and data["failures"] == []
    assert data["suite"]["seed"] == 0 and data["suite"]["side"] == "test" and data["suite"]["hash"]


def test_prints_failures_on_request(capsys, gold_extractor):
    assert main(["challenge", "--extractor", gold_extractor, "--param", "with_attributes=false", "--side", "train", "--failures", "1"]) == 0
    printed = capsys.readouterr().out
    assert "train side" in printed
    assert "FAIL" not in printed  # without attributes the required relations still pass


def test_dump_writes_the_cases(tmp_path, capsys):
    assert main(["challenge", "--dump", str(tmp_path), "--seed", "4", "--side", "train"]) == 0
    path = tmp_path / "challenge-train-seed4.jsonl"
    assert path.read_text(encoding="utf-8") == dumps_cases(generate(4, "train"))
    assert str(path) in capsys.readouterr().out


def test_errors_are_messages_not_tracebacks(capsys):
    assert main(["challenge"]) == 2
    assert "give --extractor" in capsys.readouterr().err
    assert main(["challenge", "--extractor", "no_such.v1"]) == 2
    assert "unknown extractor" in capsys.readouterr().err
