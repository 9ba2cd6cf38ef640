"""The synthetic corpus generator: realistic lengths, deterministic, marked synthetic, written
only where asked and never into the gold folders."""

from __future__ import annotations

import json

import pytest

from bench.cli import main
from bench.corpus import PROJECT_ROOT, read_documents
from bench.errors import BenchError, ParameterError
from bench.model import Provenance
from bench.synth import (
    MAX_SENTENCES,
    MAX_WORDS,
    MIN_SENTENCES,
    MIN_WORDS,
    generate_documents,
    synth_document,
    write_corpus,
)
from bench.text import sentence_spans


@pytest.fixture(scope="module")
def docs():
    return list(generate_documents(300, seed=7))


def test_documents_have_realistic_lengths(docs):
    for d in docs:
        words = len(d.text.split())
        sentences = len(sentence_spans(d.text))
        assert MIN_WORDS <= words <= MAX_WORDS, (d.id, words)
        assert MIN_SENTENCES <= sentences <= MAX_SENTENCES, (d.id, sentences)


def test_documents_are_marked_synthetic(docs):
    assert {d.provenance for d in docs} == {Provenance.SYNTHETIC}
    assert {d.split for d in docs} == {"synthetic"}
    assert all(d.id.startswith("synth-7-") and d.date is not None for d in docs)
    assert len({d.id for d in docs}) == len(docs)


def test_generation_is_deterministic_and_prefix_stable(docs):
    again = list(generate_documents(50, seed=7))
    assert [d.text for d in again] == [d.text for d in docs[:50]]
    assert synth_document(7, 123).text == docs[123].text
    other = list(generate_documents(50, seed=8))
    assert sum(a.text == b.text for a, b in zip(other, docs, strict=False)) == 0


def test_documents_vary(docs):
    assert len({d.text for d in docs}) == len(docs)
    leads = {d.text.split("\n", 1)[0] for d in docs}
    assert len(leads) > 250


def test_bad_count_is_refused():
    with pytest.raises(ParameterError):
        list(generate_documents(-1))


def test_jsonl_output_reads_back(tmp_path):
    summary = write_corpus(tmp_path, 20, seed=1)
    assert summary.path == tmp_path / "synth-seed1-20.jsonl"
    rows = [json.loads(line) for line in summary.path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"synth-1-{i:06d}" for i in range(20)]
    assert {r["provenance"] for r in rows} == {"synthetic"}
    back = read_documents(summary.path)
    assert [d.text for d in back] == [d.text for d in generate_documents(20, seed=1)]
    assert [d.date for d in back] == [d.date for d in generate_documents(20, seed=1)]
    meta = json.loads((tmp_path / "synth.json").read_text(encoding="utf-8"))
    assert meta["docs"] == 20 and meta["seed"] == 1 and meta["provenance"] == "synthetic"
    assert meta["words"] == sum(len(d.text.split()) for d in back) == summary.words
    with pytest.raises(BenchError, match="exists"):
        write_corpus(tmp_path, 20, seed=1)
    write_corpus(tmp_path, 20, seed=1, force=True)


def test_txt_output_has_a_date_prefix_and_reads_back(tmp_path):
    write_corpus(tmp_path, 5, seed=2, fmt="txt")
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == 5
    assert files[0].read_text(encoding="utf-8").startswith("date ")
    back = read_documents(tmp_path)
    expected = list(generate_documents(5, seed=2))
    assert [d.body for d in back] == [d.text for d in expected]
    assert [d.date for d in back] == [d.date for d in expected]
    with pytest.raises(BenchError, match="already holds"):
        write_corpus(tmp_path, 5, seed=2, fmt="txt")


@pytest.mark.parametrize("folder", ["seeds", "annotations", "seeds/synthetic"])
def test_never_writes_into_the_gold_folders(folder):
    target = PROJECT_ROOT / folder
    existed = target.exists()
    with pytest.raises(BenchError, match="never part of the gold corpus"):
        write_corpus(target, 3)
    assert target.exists() == existed


def test_command(tmp_path, capsys):
    assert main(["synth", "--docs", "12", "--seed", "3", "--out", str(tmp_path)]) == 0
    assert "12 synthetic documents" in capsys.readouterr().out
    assert (tmp_path / "synth-seed3-12.jsonl").is_file()
    assert main(["synth", "--docs", "0", "--out", str(tmp_path)]) == 2
    assert "--docs" in capsys.readouterr().err
