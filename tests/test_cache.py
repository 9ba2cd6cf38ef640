"""The prediction cache: keys, round trips, damaged files, atomic writes, the disabled cache."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bench.cache import _FINGERPRINTS, CacheKey, PredictionCache, code_fingerprint, stable_hash
from bench.jsonio import prediction_to_dict
from bench.model import (
    ArgumentRef,
    Document,
    Mode,
    Polarity,
    PredictedRelation,
    PredictedTopic,
    Realis,
    RelationType,
    Span,
)

KEY = CacheKey("trigger.v1", "v1", stable_hash({"a": 1}), "ab" * 32, "c001", "2024-03-12", "")
PRED = PredictedRelation(
    "c001", RelationType.DISCUSSED, ArgumentRef("Anna Berg", 3, 12), ArgumentRef("Carl Dahl"),
    realis=Realis.ACTUAL, polarity=Polarity.POS, mode=Mode.PHONE,
    topics=(PredictedTopic("trade", 20, 25, "trade"),), evidence=(Span(0, 40),), trigger=Span(13, 19), score=0.75,
)


def test_round_trip(tmp_path):
    cache = PredictionCache(tmp_path)
    assert cache.get(KEY) is None
    cache.put(KEY, [prediction_to_dict(PRED)])
    assert cache.get(KEY) == [PRED]
    assert cache.stats.to_dict() == {"hits": 1, "misses": 1, "stored": 1, "unreadable": 0}


def test_empty_result_is_a_hit_not_a_miss(tmp_path):
    cache = PredictionCache(tmp_path)
    cache.put(KEY, [])
    assert cache.get(KEY) == []


@pytest.mark.parametrize(
    "change",
    [
        {"extractor": "trigger.v2"},
        {"version": "v2"},
        {"params_hash": stable_hash({"a": 2})},
        {"document_sha256": "cd" * 32},
        {"document_id": "c002"},
        {"document_date": None},
        {"context": "training:1234"},
    ],
)
def test_every_part_of_the_key_matters(tmp_path, change):
    cache = PredictionCache(tmp_path)
    cache.put(KEY, [prediction_to_dict(PRED)])
    assert cache.get(replace(KEY, **change)) is None


def test_params_hash_does_not_depend_on_key_order():
    assert stable_hash({"C": 1.0, "seed": 0}) == stable_hash({"seed": 0, "C": 1.0})
    assert stable_hash({"C": 1.0}) != stable_hash({"C": 2.0})


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_text("{ half a fi"),
        lambda p: p.write_bytes(b"\xff\xfe\x00"),
        lambda p: p.write_text(json.dumps({"format": 999})),
        lambda p: p.write_text(json.dumps({**json.loads(p.read_text()), "key": {"extractor": "other.v1"}})),
        lambda p: p.write_text(json.dumps({**json.loads(p.read_text()), "predictions": [{"doc_id": "c001"}]})),
        lambda p: p.write_text(json.dumps({**json.loads(p.read_text()), "predictions": "nope"})),
    ],
)
def test_damaged_entry_is_a_miss_and_is_counted(tmp_path, damage):
    cache = PredictionCache(tmp_path)
    cache.put(KEY, [prediction_to_dict(PRED)])
    damage(cache.path(KEY))
    assert cache.get(KEY) is None
    assert cache.stats.unreadable == 1
    assert cache.stats.unreadable_files == [str(cache.path(KEY))]
    cache.put(KEY, [prediction_to_dict(PRED)])  # recomputed work replaces it
    assert cache.get(KEY) == [PRED]


def test_writes_leave_no_temporary_files(tmp_path):
    cache = PredictionCache(tmp_path)
    for i in range(5):
        cache.put(replace(KEY, document_id=f"c{i:03d}"), [])
    files = [p for p in (tmp_path / "predictions").rglob("*") if p.is_file()]
    assert len(files) == 5
    assert all(p.suffix == ".json" and not p.name.startswith(".") for p in files)


def test_cache_folder_ignores_itself_for_git_and_backups(tmp_path):
    cache = PredictionCache(tmp_path / "c")
    cache.put(KEY, [])
    assert (tmp_path / "c" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_layout_is_per_extractor_and_parameters(tmp_path):
    cache = PredictionCache(tmp_path)
    path = cache.path(KEY)
    assert path.relative_to(tmp_path).parts[:3] == ("predictions", "trigger.v1", KEY.params_hash)
    assert path.name.startswith(KEY.document_sha256[:16])


def test_whole_results(tmp_path):
    cache = PredictionCache(tmp_path)
    key = {"extractor": "trigger.v1", "seed": 0}
    assert cache.get_result("challenge", "trigger.v1", key) is None
    cache.put_result("challenge", "trigger.v1", key, {"overall": 0.5})
    assert cache.get_result("challenge", "trigger.v1", key) == {"overall": 0.5}
    assert cache.get_result("challenge", "trigger.v1", {**key, "seed": 1}) is None
    cache.result_path("challenge", "trigger.v1", key).write_text("garbage")
    assert cache.get_result("challenge", "trigger.v1", key) is None


def test_disabled_cache_never_hits_and_writes_nothing(tmp_path):
    cache = PredictionCache(None)
    assert not cache.enabled
    cache.put(KEY, [prediction_to_dict(PRED)])
    cache.put_result("speed", "trigger.v1", {}, {"x": 1})
    assert cache.get(KEY) is None
    assert cache.get_result("speed", "trigger.v1", {}) is None
    assert cache.stats.misses == 1 and cache.stats.stored == 0
    with pytest.raises(ValueError):
        cache.path(KEY)


def test_odd_extractor_names_stay_inside_the_cache(tmp_path):
    cache = PredictionCache(tmp_path / "c")
    key = replace(KEY, extractor="../../evil.v1")
    cache.put(key, [])
    path = cache.path(key)
    assert path.resolve().is_relative_to((tmp_path / "c").resolve())
    assert cache.get(key) == []


def test_code_fingerprint_follows_the_source_of_the_extractors_package(tmp_path, monkeypatch):
    """A rule changed under the same extractor version changes the fingerprint, so a run's
    cache does not serve predictions of the old code."""
    import importlib
    import sys

    pkg = tmp_path / "fp_plugin_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "rules.py").write_text("WORDS = ['met']\n")
    (pkg / "extractor.py").write_text("class Ex:\n    name = 'fp.v1'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    mod = importlib.import_module("fp_plugin_pkg.extractor")
    first = code_fingerprint(mod.Ex)
    assert len(first) == 16 and code_fingerprint(mod.Ex) == first
    (pkg / "rules.py").write_text("WORDS = ['met', 'visited']\n")  # a helper module, not the class's own file
    _FINGERPRINTS.pop("fp_plugin_pkg", None)
    assert code_fingerprint(mod.Ex) != first
    for name in [m for m in sys.modules if m.startswith("fp_plugin_pkg")]:
        del sys.modules[name]


def test_runner_cache_keys_carry_the_code_fingerprint():
    from bench import registry
    from bench.run_extraction import ExtractionSteps
    from bench.run_records import _ExtractorRun

    run = _ExtractorRun("t", "trigger.v1", {}, "h", False, False, code=code_fingerprint(registry.resolve("trigger.v1")))
    doc = Document("d1", "date 2024-01-01 A met B.\n", sha256="abc")
    key = ExtractionSteps()._key(run, doc, None, None)
    assert key.context == f"code:{run.code}" and run.code
    assert key.digest != replace(key, context="code:0000000000000000").digest
