"""Experiment configs: parsing, defaults, the hash, and every kind of bad config with its
message (file, line, what is allowed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.config import ALL_TIERS, ExperimentConfig, load_config, parse_config
from bench.errors import BenchError, InputError

MINIMAL = """
[[extractors]]
name = "oracle.v1"
"""

FULL = """
# comment
[experiment]
name = "demo"
description = "a small run"

[corpus]
splits = ["dev"]

[run]
output = "runs/demo"
cache_dir = "cache"
document_timeout = 5
batch_documents = 4

[scoring]
tiers = ["pair", "strict"]

[bootstrap]
resamples = 200
seed = 7

[speed]
enabled = false
repeats = 6

[challenge]
enabled = false

[[extractors]]
name = "trigger.v1"

[[extractors]]
name = "cooccurrence.v1"
params = { batch_size = 8 }
label = "cooc-small"
"""


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_config(text, "exp.toml")
    return [str(p) for p in info.value.problems]


def test_minimal_config_gets_documented_defaults():
    c = parse_config(MINIMAL, "experiments/mini.toml")
    assert c.name == "mini"
    assert c.splits == ("seed", "dev", "test")
    assert c.scoring.tiers == ALL_TIERS
    assert c.bootstrap.resamples == 1000 and c.bootstrap.seed == 0
    assert c.speed.repeats == 5 and c.speed.enabled
    assert c.run.output == "runs/mini"
    assert [e.label for e in c.extractors] == ["oracle.v1"]
    assert c.extractors[0].version == "v1"


def test_full_config_is_read_into_frozen_settings():
    c = parse_config(FULL, "exp.toml")
    assert c.name == "demo" and c.splits == ("dev",)
    assert c.run.document_timeout == 5.0 and isinstance(c.run.document_timeout, float)
    assert c.run.batch_documents == 4
    assert c.scoring.tiers == ("pair", "strict")
    assert (c.bootstrap.resamples, c.bootstrap.seed) == (200, 7)
    assert not c.speed.enabled and c.speed.repeats == 6
    assert [e.label for e in c.extractors] == ["trigger.v1", "cooc-small"]
    assert dict(c.extractor("cooc-small").params) == {"batch_size": 8}
    with pytest.raises(AttributeError):
        c.name = "other"  # frozen
    with pytest.raises(TypeError):
        c.extractors[1].params["batch_size"] = 9  # read-only mapping


def test_hash_ignores_comments_order_and_locations_but_not_settings():
    base = parse_config(FULL, "exp.toml")
    reordered = FULL.replace("# comment\n", "# another comment\n").replace('output = "runs/demo"', 'output = "elsewhere"')
    assert parse_config(reordered, "exp.toml").hash == base.hash
    changed = FULL.replace("seed = 7", "seed = 8")
    assert parse_config(changed, "exp.toml").hash != base.hash
    assert isinstance(base.to_dict()["extractors"][1]["params"], dict)


def test_baselines_config_loads():
    root = Path(__file__).resolve().parent.parent
    c = load_config(root / "experiments" / "baselines.toml")
    names = [e.name for e in c.extractors]
    assert names[:5] == ["oracle.v1", "cooccurrence.v1", "trigger.v1", "spacy_dep.v1", "classifier.v1"]
    assert c.extractor("embedding.v1").optional
    assert c.splits == ("seed", "dev", "test")
    assert c.speed.repeats >= 5
    assert set(c.scoring.tiers) == set(ALL_TIERS)


def test_unknown_key_names_the_line_and_lists_valid_keys():
    text = MINIMAL + "\n[speed]\nrepeat = 5\n"
    (msg,) = problems(text)
    assert msg.startswith("exp.toml: line 6: [speed] unknown key 'repeat'")
    assert "did you mean 'repeats'?" in msg
    assert "valid keys: enabled, split, repeats, warmup, timeout" in msg


def test_unknown_table_and_unknown_extractor_key():
    text = "[sped]\nrepeats = 5\n\n[[extractors]]\nname = \"oracle.v1\"\nparmas = {}\n"
    msgs = problems(text)
    assert any(m.startswith("exp.toml: line 1: unknown key or table 'sped' (did you mean 'speed'?)") for m in msgs)
    assert any("line 6" in m and "unknown key 'parmas'" in m and "did you mean 'params'" in m for m in msgs)


def test_unknown_extractor_lists_the_valid_ones():
    (msg,) = problems('[[extractors]]\nname = "triger.v1"\n')
    assert msg.startswith("exp.toml: line 2: unknown extractor 'triger.v1' (did you mean 'trigger.v1'")
    assert "valid extractors:" in msg
    for name in ("oracle.v1", "trigger.v1", "cooccurrence.v1"):
        assert name in msg


def test_extractor_name_needs_a_version():
    # a bare family name is not accepted even though the registry would resolve it
    (msg,) = problems('[[extractors]]\nname = "trigger"\n')
    assert "unknown extractor 'trigger'" in msg and "trigger.v1" in msg


def test_unknown_parameter_is_reported_with_the_extractors_parameters():
    (msg,) = problems('[[extractors]]\nname = "cooccurrence.v1"\nparams = { batchsize = 8 }\n')
    assert msg.startswith("exp.toml: line 3:")
    assert "no parameter 'batchsize'" in msg and "'batch_size'" in msg


def test_parameter_of_wrong_type_is_reported():
    (msg,) = problems('[[extractors]]\nname = "cooccurrence.v1"\nparams = { batch_size = "big" }\n')
    assert "batch_size" in msg and "integer" in msg


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("[speed]\nrepeats = \"5\"", "[speed] repeats must be an integer; got \"5\""),
        ("[speed]\nrepeats = 3", "[speed] repeats must be at least 5; got 3"),
        ("[speed]\nenabled = 1", "[speed] enabled must be true or false; got 1"),
        ("[bootstrap]\nseed = -1", "[bootstrap] seed must be at least 0; got -1"),
        ("[bootstrap]\nconfidence = 1.5", "[bootstrap] confidence must be between 0 and 1 (exclusive); got 1.5"),
        ("[bootstrap]\nresamples = 2.5", "[bootstrap] resamples must be an integer; got 2.5"),
        ("[run]\ndocument_timeout = 0", "[run] document_timeout must be greater than 0; got 0"),
        ("[run]\ndocument_timeout = true", "[run] document_timeout must be a number; got true"),
        ("[scoring]\ntiers = [\"pair\", \"loose\"]", "unknown tier 'loose'; valid tiers: pair, strict, lenient, topic, evidence"),
        ("[scoring]\ntiers = \"pair\"", "[scoring] tiers must be a list of strings"),
        ("[corpus]\nsplits = [\"dev\", \"dev\"]", "[corpus] splits names a split twice"),
        ("[corpus]\nsplits = []", "[corpus] splits must name at least one split"),
    ],
)
def test_bad_values_are_reported_with_line_and_expectation(snippet, expected):
    msgs = problems(MINIMAL + "\n" + snippet + "\n")
    assert len(msgs) == 1
    assert expected in msgs[0]
    assert msgs[0].startswith("exp.toml: line 6: ")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("output", "../outside"),
        ("output", "/tmp/elsewhere"),
        ("output", "runs/../../x"),
        ("output", "C:\\\\runs"),
        ("cache_dir", "../cache"),
        ("cache_dir", "/var/cache/bench"),
    ],
)
def test_paths_cannot_leave_the_output_folder(key, value):
    msgs = problems(MINIMAL + f'\n[run]\n{key} = "{value}"\n')
    assert len(msgs) == 1
    assert f"[run] {key} must" in msgs[0]
    assert "cannot leave the output folder" in msgs[0]


def test_cache_dir_through_a_symlink_is_refused(tmp_path):
    c = parse_config(MINIMAL + '\n[run]\ncache_dir = "link/cache"\n', "exp.toml")
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(tmp_path)
    with pytest.raises(BenchError, match="resolves outside the output folder"):
        c.cache_dir(out)
    assert c.cache_dir(tmp_path / "plain") == tmp_path / "plain" / "link" / "cache"


def test_duplicate_labels_and_missing_extractors():
    twice = MINIMAL + MINIMAL
    (msg,) = problems(twice)
    assert "label 'oracle.v1' is used by entry 1 too" in msg
    assert "line 6" in msg
    (msg,) = problems("[speed]\nrepeats = 5\n")
    assert "no extractors" in msg


def test_label_must_be_a_safe_folder_name():
    (msg,) = problems(MINIMAL + 'label = "../x"\n')
    assert "label '../x' may hold only" in msg


def test_invalid_toml_names_the_line():
    (msg,) = problems('[[extractors]]\nname = "oracle.v1"\nparams = {\n')
    assert msg.startswith("exp.toml: line 3") and "invalid TOML" in msg


def test_several_problems_are_reported_together():
    msgs = problems('[speed]\nrepeats = 1\nwarmup = -1\n[[extractors]]\nname = "nope.v1"\n')
    assert len(msgs) == 3


def test_optional_extractor_that_cannot_be_imported_is_kept(monkeypatch):
    from bench.registry import register, unregister

    register("missingmod.v1", "no_such_module_anywhere:Thing")
    try:
        c = parse_config('[[extractors]]\nname = "missingmod.v1"\noptional = true\n', "exp.toml")
        assert c.extractors[0].optional
        (msg,) = problems('[[extractors]]\nname = "missingmod.v1"\n')
        assert "cannot be imported" in msg
    finally:
        unregister("missingmod.v1")


def test_load_config_file_errors(tmp_path):
    with pytest.raises(InputError, match="config file not found"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe[[extractors]]")
    with pytest.raises(InputError, match="not valid UTF-8"):
        load_config(bad)


def test_corpus_root_is_relative_to_the_config_file(tmp_path):
    path = tmp_path / "exp" / "c.toml"
    path.parent.mkdir()
    path.write_text('[corpus]\nroot = "../corpus"\n' + MINIMAL, encoding="utf-8")
    c: ExperimentConfig = load_config(path)
    assert c.resolved_corpus_root() == tmp_path / "exp" / ".." / "corpus"
