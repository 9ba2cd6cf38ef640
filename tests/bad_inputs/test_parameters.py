"""Command-line choices: unknown extractor names (listing the available ones), bad ``--param``
values, unknown split names, training choices, and output paths that cannot be written."""

from __future__ import annotations

import pytest

from bench.corpus import PROJECT_ROOT

from .helpers import FIXTURES, error_lines, run_bench

AVAILABLE = "classifier.v1, cooccurrence.v1, embedding.v1, oracle.v1, spacy_dep.v1, trigger.v1"
TEXT = FIXTURES / "documents" / "date_only.txt"


def extract(capsys, tmp_path, *options: str, source=TEXT, output=None):
    output = output if output is not None else tmp_path / "out.jsonl"
    return run_bench(capsys, "extract", *options, "--input", source, "--output", output)


def failed(outcome, command: str = "extract") -> list[str]:
    assert outcome.code == 2 and outcome.out == ""
    return error_lines(outcome, command)


def test_unknown_extractor_lists_the_available_ones_and_the_closest(capsys, tmp_path):
    outcome = extract(capsys, tmp_path, "--extractor", "trigr.v1")
    assert failed(outcome) == [
        f"unknown extractor 'trigr.v1'. Did you mean 'trigger.v1' or 'embedding.v1'? Available: {AVAILABLE}"
    ]


def test_unknown_extractor_in_the_challenge_command(capsys):
    outcome = run_bench(capsys, "challenge", "--extractor", "nope.v1")
    assert failed(outcome, "challenge") == [
        f"unknown extractor 'nope.v1'. Did you mean 'oracle.v1' or 'spacy_dep.v1'? Available: {AVAILABLE}"
    ]


# (extractor, --param, message)
BAD_PARAMS = [
    ("trigger.v1", "threshold", "--param 'threshold': expected KEY=VALUE, e.g. --param threshold=0.5"),
    ("trigger.v1", "=0.5", "--param '=0.5': expected KEY=VALUE, e.g. --param threshold=0.5"),
    ("classifier.v1", "nope=1", "classifier.v1 has no parameter 'nope'; its parameters are: 'C', 'threshold', 'seed', 'batch_size'"),
    ("classifier.v1", "C=abc", "The 'C' parameter of classifier.v1 must be a number; got 'abc' instead."),
    ("classifier.v1", "batch_size=true", "The 'batch_size' parameter of classifier.v1 must be an integer; got True instead."),
    ("classifier.v1", "threshold=2", "classifier.v1 rejected its parameters {'threshold': 2.0}: threshold must be between 0 and 1; got 2.0"),
    ("classifier.v1", "batch_size=-3", "classifier.v1 rejected its parameters {'batch_size': -3}: batch_size must be at least 1; got -3"),
    ("classifier.v1", "seed=-1", "classifier.v1 rejected its parameters {'seed': -1}: seed must be between 0 and 2**32 - 1; got -1"),
    ("cooccurrence.v1", "n_process=0", "cooccurrence.v1 rejected its parameters {'n_process': 0}: n_process must be at least 1; got 0"),
    ("oracle.v1", "gold=5", "The 'gold' parameter of oracle.v1 must be a string; got 5 instead."),
]


@pytest.mark.parametrize("name, param, message", BAD_PARAMS, ids=[f"{n}-{p}" for n, p, _ in BAD_PARAMS])
def test_bad_param_values_name_the_parameter_and_what_is_allowed(capsys, tmp_path, name, param, message):
    outcome = extract(capsys, tmp_path, "--extractor", name, "--param", param)
    assert failed(outcome) == [message]
    assert not (tmp_path / "out.jsonl").exists()


def test_a_param_given_twice(capsys, tmp_path):
    outcome = extract(capsys, tmp_path, "--extractor", "classifier.v1", "--param", "C=1", "--param", "C=2")
    assert failed(outcome) == ["--param 'C' given twice"]


def test_oracle_gold_folder_that_does_not_exist(capsys, tmp_path):
    outcome = extract(capsys, tmp_path, "--extractor", "oracle.v1", "--param", f"gold={tmp_path / 'gold'}")
    assert failed(outcome) == [
        f"{tmp_path / 'gold'}: gold folder not found; the 'gold' parameter of oracle.v1 names a folder of <doc_id>.json files"
    ]


def test_unknown_split_as_input(capsys, tmp_path):
    outcome = extract(capsys, tmp_path, "--extractor", "trigger.v1", source="tset")
    assert failed(outcome) == ["tset: not a file, a folder of .txt files, or a split; splits: dev, seed, test, all"]


def test_unknown_split_to_score(capsys):
    outcome = run_bench(capsys, "score", "--pred", FIXTURES / "predictions" / "good.jsonl", "--split", "tset", "--bootstrap", "0")
    assert failed(outcome, "score") == [
        f"{PROJECT_ROOT / 'seeds' / 'manifest.json'}: unknown split 'tset'; available: dev, seed, test, all"
    ]


def test_training_on_a_test_split_is_refused(capsys, tmp_path):
    outcome = extract(capsys, tmp_path, "--extractor", "classifier.v1", "--train", "test")
    assert failed(outcome) == [
        "refusing to train on 'test': it is evaluation data, and training on it would inflate every score "
        "measured on it; train on dev, the challenge training templates, 'bundled' or a training file"
    ]


def test_training_on_an_unknown_split(capsys, tmp_path):
    outcome = extract(capsys, tmp_path, "--extractor", "classifier.v1", "--train", "tset")
    assert failed(outcome) == ["unknown split 'tset'; the corpus has: dev, seed, test"]


def test_training_an_extractor_that_does_not_learn(capsys, tmp_path):
    outcome = extract(capsys, tmp_path, "--extractor", "trigger.v1", "--train", "default")
    assert failed(outcome) == ["trigger.v1 is not trainable; drop --train"]


def test_output_that_is_a_folder(capsys, tmp_path):
    outcome = extract(capsys, tmp_path, "--extractor", "trigger.v1", output=tmp_path)
    assert failed(outcome) == [f"{tmp_path}: cannot write: it is a folder; give a file name"]


def test_output_below_a_file(capsys, tmp_path):
    (tmp_path / "notes").write_text("a file, not a folder")
    target = tmp_path / "notes" / "out.jsonl"
    outcome = extract(capsys, tmp_path, "--extractor", "trigger.v1", output=target)
    assert failed(outcome) == [f"{target}: cannot write: {tmp_path / 'notes'} is a file, not a folder"]


def test_score_report_to_a_folder(capsys, tmp_path):
    outcome = run_bench(
        capsys, "score", "--pred", FIXTURES / "predictions" / "good.jsonl", "--split", "seed", "--bootstrap", "0",
        "--output", tmp_path,
    )
    assert failed(outcome, "score") == [f"{tmp_path}: cannot write: it is a folder; give a file name"]


LONG = "a" * 300  # a file name longer than file systems allow (255 bytes)


def test_file_names_the_file_system_refuses(capsys, tmp_path):
    """An over-long name is reported as the path and the system's reason, never an OSError
    traceback, wherever a command takes a path."""
    reason = "File name too long"
    outcome = extract(capsys, tmp_path, "--extractor", "trigger.v1", source=tmp_path / f"{LONG}.txt")
    assert failed(outcome) == [f"{tmp_path / f'{LONG}.txt'}: cannot read: {reason}"]
    outcome = extract(capsys, tmp_path, "--extractor", "trigger.v1", output=tmp_path / LONG / "out.jsonl")
    assert failed(outcome) == [f"{tmp_path / LONG / 'out.jsonl'}: cannot write: {reason}"]
    outcome = run_bench(capsys, "agreement", tmp_path / LONG, tmp_path)
    assert failed(outcome, "agreement") == [f"{tmp_path / LONG}: cannot read: {reason}"]
    outcome = run_bench(capsys, "score", "--root", tmp_path / LONG, "--pred", FIXTURES / "predictions" / "good.jsonl")
    assert failed(outcome, "score") == [f"{tmp_path / LONG / 'seeds' / 'manifest.json'}: cannot read: {reason}"]
    outcome = extract(capsys, tmp_path, "--extractor", "oracle.v1", "--param", f"gold={tmp_path / LONG}")
    assert failed(outcome) == [
        f"{tmp_path / LONG}: gold folder not found; the 'gold' parameter of oracle.v1 names a folder of <doc_id>.json files"
    ]
    outcome = extract(capsys, tmp_path, "--extractor", "classifier.v1", "--train", tmp_path / f"{LONG}.jsonl")
    assert failed(outcome) == [f"{tmp_path / f'{LONG}.jsonl'}: cannot read: {reason}"]
    outcome = run_bench(capsys, "score", "--pred", FIXTURES / "predictions" / "good.jsonl", "--gold", tmp_path / LONG)
    assert failed(outcome, "score") == [f"{tmp_path / LONG}: cannot read: {reason}"]
    outcome = run_bench(capsys, "score", "--pred", tmp_path / f"{LONG}.jsonl")
    assert failed(outcome, "score") == [f"{tmp_path / f'{LONG}.jsonl'}: cannot read: {reason}"]


def test_synthetic_corpus_below_a_file(capsys, tmp_path):
    (tmp_path / "notes").write_text("a file, not a folder")
    outcome = run_bench(capsys, "synth", "--docs", "2", "--out", tmp_path / "notes" / "synth", "--format", "txt")
    assert failed(outcome, "synth") == [f"{tmp_path / 'notes' / 'synth'}: cannot write: {tmp_path / 'notes'} is a file, not a folder"]
