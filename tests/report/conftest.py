"""Fixtures of the report tests: a fake run directory written once per session."""

from __future__ import annotations

import shutil

import pytest

from .fakerun import write_run


@pytest.fixture(scope="session")
def fake_run_dir(tmp_path_factory):
    """The fake run directory (read-only for tests; copy it with ``run_copy`` to change it)."""
    return write_run(tmp_path_factory.mktemp("fake-run") / "run")


@pytest.fixture
def run_copy(fake_run_dir, tmp_path):
    """A private copy of the fake run directory that a test may change."""
    dest = tmp_path / "run"
    shutil.copytree(fake_run_dir, dest)
    return dest


@pytest.fixture(scope="session")
def fake_run(fake_run_dir):
    from bench.report.rundir import load_run

    return load_run(fake_run_dir)


@pytest.fixture(scope="session")
def fake_html(fake_run):
    """report.html of the fake run, figures included (rendered once: the plots take a second)."""
    from bench.report.html import render_html

    return render_html(fake_run)
