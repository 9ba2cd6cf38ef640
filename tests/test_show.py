"""``bench show``: a document's gold, readably."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.cli import main
from bench.commands.show import format_document, marked_sentence, relation_line
from bench.corpus import PROJECT_ROOT
from bench.jsonio import load_annotation
from bench.model import Span

SEED_ID = "000_12a61b80a6d06b2b"
CLEAN = Path(__file__).parent / "fixtures" / "clean" / f"{SEED_ID}.json"


@pytest.fixture
def small_corpus(tmp_path, corpus):
    """The seed document with the small clean annotation, plus a second document without
    gold."""
    documents = json.loads(corpus.manifest_path.read_text(encoding="utf-8"))["documents"]
    seed = next(d for d in documents if d["id"] == SEED_ID)
    other = next(d for d in documents if d["id"] != SEED_ID)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    for d in (seed, other):
        (tmp_path / "seeds" / d["file"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PROJECT_ROOT / "seeds" / d["file"], tmp_path / "seeds" / d["file"])
    (tmp_path / "seeds" / "manifest.json").write_text(json.dumps({"version": 1, "documents": [seed, other]}))
    shutil.copyfile(CLEAN, tmp_path / "annotations" / f"{SEED_ID}.json")
    return tmp_path


def test_marked_sentence():
    text = "Lavrov will visit Pyongyang. Then Beijing."
    assert marked_sentence(text, Span(0, 28), Span(12, 17)) == "Lavrov will [[visit]] Pyongyang."
    assert marked_sentence(text, Span(29, 42), Span(12, 17)) == "Then Beijing."  # trigger elsewhere
    assert marked_sentence(text, Span(29, 42), None) == "Then Beijing."


def test_relation_lines(seed_doc):
    ann = load_annotation(CLEAN)
    r1, r2 = ann.relations
    assert relation_line(ann, r1) == (
        "  R1  visited  Sergei Lavrov -> North Korea   PLANNED POS  time=2023-10-18/2023-10-19"
    )
    assert relation_line(ann, r2) == (
        "  R2  discussed  Sergei Lavrov <-> Wang Yi   ACTUAL POS  mode=in_person  time=2023-10-16"
    )


def test_format_document(seed_doc):
    out = format_document(seed_doc, load_annotation(CLEAN))
    lines = out.splitlines()
    assert lines[0] == f"{SEED_ID}  2023-10-16  real  split=seed"
    assert "5 entities, 10 mentions; 2 relations (visited 1, met 0, discussed 1); 2 required" in out
    assert "Russian Foreign Minister Sergei Lavrov will [[visit]] North Korea" in out
    assert 'topics: israel-hamas conflict ("Israel-Hamas deteriorating conflict")' in out
    assert "Lavrov [[discussed]] the Israel-Hamas" in out
    assert any(line.startswith("  E1  PER    4 mentions  Sergei Lavrov") for line in lines)
    assert any("Beijing   part of China (E4)" in line for line in lines)
    assert "[42, 55)" not in out  # offsets only with --all
    assert all(len(line) <= 100 for line in lines if not line.startswith("  R"))


def test_format_document_all_adds_offsets_and_out_of_scope(seed_doc):
    out = format_document(seed_doc, load_annotation(CLEAN), show_all=True)
    assert '"Sergei Lavrov" [42, 55)' in out
    assert "out of scope\n  [378, 391)  Advertisement" in out


def test_format_document_without_gold(seed_doc):
    assert format_document(seed_doc, None).endswith("no gold annotation yet\n")


def test_cli_one_document(small_corpus, capsys):
    assert main(["show", SEED_ID, "--root", str(small_corpus)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(SEED_ID)
    assert "[[visit]]" in out


def test_cli_every_document(small_corpus, capsys):
    assert main(["show", "--root", str(small_corpus)]) == 0
    out = capsys.readouterr().out
    assert out.count("  split=") == 2
    assert "no gold annotation yet" in out


def test_cli_unknown_id_lists_the_known_ones(small_corpus, capsys):
    assert main(["show", "000_12a61b80", "--root", str(small_corpus)]) == 2
    err = capsys.readouterr().err
    assert "unknown document '000_12a61b80'" in err
    assert f"Did you mean {SEED_ID}" in err
    assert "Known: " in err and SEED_ID in err


def test_cli_broken_gold_is_an_error_not_a_traceback(small_corpus, capsys):
    (small_corpus / "annotations" / f"{SEED_ID}.json").write_text("{}")
    assert main(["show", SEED_ID, "--root", str(small_corpus)]) == 2
    err = capsys.readouterr().err
    assert "missing required field" in err and "Traceback" not in err
    assert main(["show", "--root", str(small_corpus)]) == 2  # the other document is still shown
    captured = capsys.readouterr()
    assert "no gold annotation yet" in captured.out
    assert f"{SEED_ID}: cannot be shown" in captured.err


def test_every_bundled_document_shows(capsys):
    assert main(["show"]) == 0
    assert "Traceback" not in capsys.readouterr().err
