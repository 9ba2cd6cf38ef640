"""What a user or a CI job sees: ``bench`` as its own process on one bad input of each kind
exits with status 2 and prints one ``bench COMMAND: error:`` message, never a traceback."""

from __future__ import annotations

import pytest

from .helpers import FIXTURES, run_bench_process

CASES = {
    "predictions": (
        ["score", "--pred", FIXTURES / "predictions" / "several_defects.jsonl", "--split", "seed", "--bootstrap", "0", "--strict"],
        "line 2: invalid JSON",
    ),
    "annotation": (
        ["score", "--pred", FIXTURES / "predictions" / "good.jsonl", "--split", "seed", "--bootstrap", "0",
         "--gold", FIXTURES / "annotations" / "duplicate_key"],
        "/entities/1/type: key given twice",
    ),
    "document": (
        ["extract", "--extractor", "trigger.v1", "--input", FIXTURES / "documents" / "malformed_date.txt", "--output", "{tmp}/out.jsonl"],
        "line 1: document 'malformed_date': date prefix 'date 2023-13-45' is not a calendar date",
    ),
    "config": (
        ["run", FIXTURES / "configs" / "unknown_extractor.toml", "--out", "{tmp}/run", "--no-progress"],
        "line 5: unknown extractor 'trigger.v9'",
    ),
    "parameter": (
        ["extract", "--extractor", "classifier.v1", "--param", "batch_size=-3", "--input", "seed", "--output", "{tmp}/out.jsonl"],
        "batch_size must be at least 1; got -3",
    ),
    "output": (
        ["extract", "--extractor", "trigger.v1", "--input", FIXTURES / "documents" / "empty.txt", "--output", "{tmp}"],
        "cannot write: it is a folder",
    ),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_bad_input_in_a_real_process_gives_a_message_not_a_traceback(tmp_path, kind):
    argv, words = CASES[kind]
    argv = [str(a).replace("{tmp}", str(tmp_path)) for a in argv]
    outcome = run_bench_process(*argv)
    assert outcome.code == 2
    assert outcome.err.startswith(f"bench {argv[0]}: error: ")
    assert words in outcome.err
    assert outcome.out == ""
