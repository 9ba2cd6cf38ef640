"""The extractor registry: lazy lookups over entry points, helpful failures, parameters."""

from __future__ import annotations

import subprocess
import sys
from typing import Literal

import pytest

from bench import registry
from bench.errors import BenchError, ParameterError

BUILT_INS = ("oracle.v1", "cooccurrence.v1", "trigger.v1", "spacy_dep.v1", "classifier.v1", "embedding.v1")


class Toy:
    name = "toy.v1"
    description = "a toy"
    requires = ()

    def __init__(self, mode: Literal["fast", "slow"] = "fast", threshold: float = 0.5, flag: bool = False, n: int = 3):
        self.params = {"mode": mode, "threshold": threshold, "flag": flag, "n": n}

    def extract(self, docs):
        return iter(())


@pytest.fixture
def toy():
    registry.register("toy.v1", Toy)
    yield Toy
    registry.unregister("toy.v1")


def test_built_ins_are_entry_points():
    for name in BUILT_INS:
        assert name in registry.available()
    info = registry.info("oracle.v1")
    assert info.target == "bench.extractors.oracle:OracleExtractor"
    assert info.distribution == "relation-bench"
    assert (info.family, info.version) == ("oracle", "v1")
    assert info.installed and not info.trainable


def test_unknown_name_lists_available_and_close_matches():
    with pytest.raises(BenchError) as err:
        registry.get_extractor("cooccurence.v1")
    msg = str(err.value)
    assert "unknown extractor 'cooccurence.v1'" in msg
    assert "Did you mean 'cooccurrence.v1'" in msg
    assert "oracle.v1" in msg and "classifier.v1" in msg


def test_register_in_process_and_family_name(toy):
    ex = registry.get_extractor("toy.v1", mode="slow")
    assert isinstance(ex, Toy) and ex.params["mode"] == "slow"
    assert isinstance(registry.get_extractor("toy"), Toy)  # bare family -> highest version
    registry.register("toy.v2", Toy)
    try:
        with pytest.raises(BenchError, match="registered as 'toy.v2' calls itself 'toy.v1'"):
            registry.get_extractor("toy")
    finally:
        registry.unregister("toy.v2")


def test_register_rejects_unversioned_names():
    with pytest.raises(BenchError, match="must look like 'family.v1'"):
        registry.register("Toy", Toy)


def test_register_as_decorator_and_string_target():
    @registry.register("deco.v1")
    class Deco(Toy):
        name = "deco.v1"

    registry.register("oracle_alias.v1", "bench.extractors.oracle:OracleExtractor")
    try:
        assert registry.resolve("deco.v1") is Deco
        with pytest.raises(BenchError, match="calls itself 'oracle.v1'"):
            registry.get_extractor("oracle_alias.v1")
    finally:
        registry.unregister("deco.v1")
        registry.unregister("oracle_alias.v1")


def test_broken_target_is_reported_not_raised_in_listing():
    registry.register("broken.v1", "bench.no_such_module:Thing")
    try:
        info = registry.info("broken.v1")
        assert not info.installed and "cannot be imported" in info.import_error
        with pytest.raises(BenchError, match="cannot be imported"):
            registry.get_extractor("broken.v1")
    finally:
        registry.unregister("broken.v1")


def test_missing_requirement_names_the_extra():
    class NeedsMissing(Toy):
        name = "needy.v1"
        requires = ("surely_not_an_installed_module_xyz", "json|also_missing_abc")
        extra = "embed"

    registry.register("needy.v1", NeedsMissing)
    try:
        info = registry.info("needy.v1")
        assert info.missing == ("surely_not_an_installed_module_xyz",)  # "json|..." is satisfied
        assert not info.installed
        with pytest.raises(BenchError, match=r"pip install 'relation-bench\[embed\]'"):
            registry.get_extractor("needy.v1")
    finally:
        registry.unregister("needy.v1")


@pytest.mark.parametrize(
    "raw, value",
    [("3", 3), ("-2", -2), ("0.25", 0.25), ("1e-3", 0.001), ("true", True), ("False", False),
     ("null", None), ('["a", 1]', ["a", 1]), ('{"k": 2}', {"k": 2}), ("spacy", "spacy"), ("[oops", "[oops")],
)
def test_coerce_value(raw, value):
    assert registry.coerce_value(raw) == value
    assert type(registry.coerce_value(raw)) is type(value)


def test_parse_params_errors():
    assert registry.parse_params(["a=1", "b=x=y"]) == {"a": 1, "b": "x=y"}
    with pytest.raises(BenchError, match="expected KEY=VALUE"):
        registry.parse_params(["novalue"])
    with pytest.raises(BenchError, match="given twice"):
        registry.parse_params(["a=1", "a=2"])


def test_parameter_validation_messages(toy):
    with pytest.raises(ParameterError) as err:
        registry.get_extractor("toy.v1", mode="medium")
    assert str(err.value) == "The 'mode' parameter of toy.v1 must be one of 'fast', 'slow'; got 'medium' instead."
    with pytest.raises(BenchError, match="The 'threshold' parameter of toy.v1 must be a number; got 'high' instead."):
        registry.get_extractor("toy.v1", threshold="high")
    with pytest.raises(BenchError, match="The 'n' parameter of toy.v1 must be an integer; got True instead."):
        registry.get_extractor("toy.v1", n=True)
    with pytest.raises(BenchError, match=r"toy.v1 has no parameter 'treshold' \(did you mean 'threshold'\?\)"):
        registry.get_extractor("toy.v1", treshold=0.2)
    ex = registry.get_extractor("toy.v1", threshold=1)  # an int where a float is declared
    assert ex.params["threshold"] == 1.0 and isinstance(ex.params["threshold"], float)


def test_listing_and_help_import_no_nlp_library():
    code = (
        "import sys\n"
        "from bench.cli import build_parser\n"
        "from bench.registry import list_extractors\n"
        "build_parser(); infos = list_extractors()\n"
        "heavy = [m for m in ('spacy', 'torch', 'sentence_transformers', 'sklearn') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "print(len(infos))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) >= 4
