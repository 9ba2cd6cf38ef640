"""The examples in the package's docstrings run and give what they show.

Every module of ``bench`` whose source holds a doctest is collected; a module is imported only
when it has one, so modules that load an NLP model at import would be slow here (none should:
models load lazily)."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import pytest

import bench


def _modules_with_doctests() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(bench.__path__, prefix="bench."):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue  # importing it runs the command line
        spec = importlib.util.find_spec(info.name)
        origin = Path(spec.origin) if spec and spec.origin else None
        if origin and origin.suffix == ".py" and ">>> " in origin.read_text(encoding="utf-8"):
            names.append(info.name)
    return sorted(names)


MODULES = _modules_with_doctests()


def test_the_core_modules_have_examples():
    assert {"bench.errors", "bench.jsonio", "bench.corpus", "bench.text", "bench.validate"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False, report=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}; run python -m pytest --doctest-modules {module.__file__}"
