"""Experiment configs given to ``bench run``: every problem is found before any work starts
and named with the file, its line and what is allowed (valid keys, valid extractors, valid
tiers). Fixtures: ``fixtures/configs/``."""

from __future__ import annotations

from .helpers import FIXTURES, error_lines, run_bench

CONFIGS = FIXTURES / "configs"
EXTRACTORS = "classifier.v1, cooccurrence.v1, embedding.v1, oracle.v1, spacy_dep.v1, trigger.v1"


def run(capsys, name: str, tmp_path):
    out = tmp_path / "run"
    outcome = run_bench(capsys, "run", CONFIGS / name, "--out", out, "--no-speed", "--no-challenge", "--no-progress")
    assert outcome.code == 2 and outcome.out == ""
    assert not out.exists(), "nothing is written for a config that cannot run"
    return error_lines(outcome, "run")


def test_unknown_key_in_a_table_lists_the_valid_keys(capsys, tmp_path):
    path = CONFIGS / "unknown_key.toml"
    assert run(capsys, "unknown_key.toml", tmp_path) == [
        f"{path}: line 3: [bootstrap] unknown key 'resample' (did you mean 'resamples'?); "
        "valid keys: resamples, seed, min_docs, rounds, confidence"
    ]


def test_unknown_table_lists_the_valid_ones(capsys, tmp_path):
    path = CONFIGS / "unknown_table.toml"
    assert run(capsys, "unknown_table.toml", tmp_path) == [
        f"{path}: line 4: unknown key or table 'scorer' (did you mean 'scoring'?); "
        "valid: experiment, corpus, run, scoring, bootstrap, speed, challenge, extractors"
    ]


def test_unknown_extractor_lists_the_valid_ones(capsys, tmp_path):
    path = CONFIGS / "unknown_extractor.toml"
    assert run(capsys, "unknown_extractor.toml", tmp_path) == [
        f"{path}: line 5: unknown extractor 'trigger.v9' (did you mean 'trigger.v1'?); valid extractors: {EXTRACTORS}"
    ]


def test_invalid_toml_names_the_line(capsys, tmp_path):
    path = CONFIGS / "invalid_toml.toml"
    assert run(capsys, "invalid_toml.toml", tmp_path) == [f"{path}: line 3: invalid TOML: Illegal character '\\n'"]


def test_values_of_the_wrong_type_or_range_are_all_reported(capsys, tmp_path):
    path = CONFIGS / "wrong_types.toml"
    assert sorted(run(capsys, "wrong_types.toml", tmp_path)) == sorted([
        f"{path}: line 2: [bootstrap] resamples must be an integer; got \"many\"",
        f"{path}: line 3: [bootstrap] seed must be at least 0; got -1",
        f"{path}: line 6: [run] document_timeout must be greater than 0; got 0",
        f"{path}: line 10: [[extractors]] entry 1: optional must be true or false; got \"yes\"",
    ])


def test_paths_that_would_write_outside_the_output_folder(capsys, tmp_path):
    path = CONFIGS / "output_outside.toml"
    assert run(capsys, "output_outside.toml", tmp_path) == [
        f"{path}: line 2: [run] output must not contain '..' (it cannot leave the output folder); "
        "use --out to choose another folder; got \"../../elsewhere\"",
        f"{path}: line 3: [run] cache_dir must be a relative path (it cannot leave the output folder); "
        "use --out to choose another folder; got \"/tmp/cache\"",
    ]


def test_unknown_tier_lists_the_valid_ones(capsys, tmp_path):
    path = CONFIGS / "unknown_tier.toml"
    assert run(capsys, "unknown_tier.toml", tmp_path) == [
        f"{path}: line 2: [scoring] tiers unknown tier 'exact'; valid tiers: pair, strict, lenient, topic, "
        "evidence; got [\"pair\", \"exact\"]"
    ]


def test_extractor_parameters_are_checked_against_the_constructor(capsys, tmp_path):
    path = CONFIGS / "unknown_parameter.toml"
    assert run(capsys, "unknown_parameter.toml", tmp_path) == [
        f"{path}: line 3: [[extractors]] entry 1: cooccurrence.v1 has no parameter 'batch' "
        "(did you mean 'batch_size'?); its parameters are: 'batch_size', 'n_process'",
        f"{path}: line 7: [[extractors]] entry 2: The 'C' parameter of classifier.v1 must be a number; "
        "got 'strong' instead.",
    ]


def test_a_config_without_extractors(capsys, tmp_path):
    path = CONFIGS / "no_extractors.toml"
    assert run(capsys, "no_extractors.toml", tmp_path) == [
        f"{path}: no extractors: add at least one [[extractors]] table with a name, e.g. name = \"trigger.v1\""
    ]


def test_a_config_file_that_does_not_exist(capsys, tmp_path):
    assert run(capsys, "nowhere.toml", tmp_path) == [f"{CONFIGS / 'nowhere.toml'}: config file not found"]


def test_unknown_split_lists_the_splits_of_the_corpus(capsys, tmp_path):
    from bench.corpus import PROJECT_ROOT

    assert run(capsys, "unknown_split.toml", tmp_path) == [
        f"{PROJECT_ROOT / 'seeds' / 'manifest.json'}: unknown split 'tset'; available: dev, seed, test, all"
    ]
