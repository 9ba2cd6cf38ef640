"""The corpus: date prefixes, the manifest, sha256 pinning, and reading documents from a split,
a folder, a .txt file or JSONL."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from bench.corpus import (
    PROJECT_ROOT,
    document_from_text,
    iter_words,
    load_corpus,
    parse_date_prefix,
    read_documents,
    read_manifest,
)
from bench.errors import CorpusError, InputError
from bench.model import Provenance

SEED_ID = "000_12a61b80a6d06b2b"
OCT16 = dt.date(2023, 10, 16)


# --------------------------------------------------------------------------- date prefix


@pytest.mark.parametrize(
    "text, date, body",
    [
        ("date 2023-10-16 Lavrov will visit.", OCT16, "Lavrov will visit."),  # same line
        ("date 2023-10-16\nLavrov will visit.", OCT16, "Lavrov will visit."),  # own line
        ("date 2023-10-16\r\n\r\nLavrov will visit.", OCT16, "Lavrov will visit."),  # CRLF, blank line
        (" date 2023-10-16 Lavrov will visit.", OCT16, "Lavrov will visit."),  # leading space
        ("\n\n  date 2023-10-16\n  Lavrov will visit.", OCT16, "Lavrov will visit."),  # leading blank lines
        ("date 2023-10-16\tLavrov will visit.", OCT16, "Lavrov will visit."),  # tab
        ("Lavrov will visit.", None, "Lavrov will visit."),  # no prefix
        ("The date 2023-10-16 was set.", None, "The date 2023-10-16 was set."),  # not at the start
        ("date 2023-13-45 Lavrov", None, "date 2023-13-45 Lavrov"),  # impossible date: no prefix
        ("date 2023-10-16", None, "date 2023-10-16"),  # nothing after it
        ("date: 2023-10-16 Lavrov", None, "date: 2023-10-16 Lavrov"),  # other spelling
    ],
)
def test_date_prefix(text, date, body):
    parsed, start = parse_date_prefix(text)
    assert parsed == date
    assert text[start:] == body
    doc = document_from_text("d", text)
    assert (doc.date, doc.body, doc.text) == (date, body, text)  # offsets stay raw


def test_seed_document(seed_doc):
    assert seed_doc.date == OCT16
    assert seed_doc.text.startswith(" date 2023-10-16 Russian Foreign Minister")
    assert seed_doc.body.startswith("Russian Foreign Minister Sergei Lavrov")
    assert seed_doc.text[seed_doc.body_start :] == seed_doc.body
    assert seed_doc.provenance is Provenance.REAL
    assert seed_doc.split == "seed"
    assert seed_doc.text == (PROJECT_ROOT / "seeds" / f"{SEED_ID}.txt").read_bytes().decode("utf-8")


def test_a_date_keyword_overrides_the_prefix():
    doc = document_from_text("d", "date 2023-10-16 x", date=dt.date(2020, 1, 1))
    assert doc.date == dt.date(2020, 1, 1) and doc.body == "x"


def test_iter_words_counts_prose_only():
    assert iter_words([document_from_text("d", "date 2023-10-16 one two  three\n")]) == 3


# --------------------------------------------------------------------------- manifest


def test_bundled_manifest_loads_every_document(corpus):
    assert SEED_ID in corpus.ids()
    assert "seed" in corpus.splits
    for doc in corpus.documents():
        assert doc.sha256 == corpus.entry(doc.id).sha256


def test_unknown_split_and_document_list_what_exists(corpus):
    with pytest.raises(InputError, match="unknown split 'nope'; available: .*seed"):
        corpus.ids("nope")
    with pytest.raises(InputError, match=f"unknown document 'nope'; known: {SEED_ID}"):
        corpus.document("nope")


@pytest.fixture
def corpus_copy(tmp_path, corpus):
    documents = json.loads(corpus.manifest_path.read_text(encoding="utf-8"))["documents"]
    entry = next(d for d in documents if d["id"] == SEED_ID)
    (tmp_path / "seeds").mkdir()
    shutil.copyfile(PROJECT_ROOT / "seeds" / entry["file"], tmp_path / "seeds" / entry["file"])
    (tmp_path / "seeds" / "manifest.json").write_text(json.dumps({"version": 1, "documents": [entry]}))
    return tmp_path


def test_a_changed_byte_is_refused(corpus_copy):
    path = corpus_copy / "seeds" / f"{SEED_ID}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Lavrov", "Lavrow", 1), encoding="utf-8")
    with pytest.raises(CorpusError, match="sha256 .* does not match the manifest's") as info:
        load_corpus(corpus_copy).document(SEED_ID)
    assert info.value.problems[0].file == str(path)


def test_manifest_problems_have_pointers(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({"documents": [
        {"id": "a", "file": "a.txt", "sha256": "0", "provenance": "real", "split": "dev"},
        {"id": "a", "file": "b.txt", "sha256": "0", "provenance": "made up", "split": "dev"},
        {"id": "c", "file": "c.txt", "sha256": "0", "provenance": "real", "split": "dev", "date": "16 Oct"},
        {"id": "d"},
    ]}))
    with pytest.raises(CorpusError) as info:
        read_manifest(path)
    got = [(p.where, p.message) for p in info.value.problems]
    assert got == [
        ("/documents/1/id", "duplicate document id 'a'"),
        ("/documents/1/provenance", "must be one of 'real', 'constructed', 'synthetic'; got 'made up'"),
        ("/documents/2/date", "expected YYYY-MM-DD; got '16 Oct'"),
        ("/documents/3", "missing or non-string fields: file, sha256, provenance, split"),
    ]


def test_manifest_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text('{"documents": [\n\n  oops\n]}')
    with pytest.raises(CorpusError) as info:
        read_manifest(path)
    assert info.value.problems[0].where == "line 3"


def test_manifest_not_a_list(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text('{"documents": {}}')
    with pytest.raises(CorpusError, match="/documents: expected a list of documents"):
        read_manifest(path)


# --------------------------------------------------------------------------- read_documents


def test_read_documents_from_a_split(corpus):
    docs = read_documents("seed")
    assert [d.id for d in docs] == corpus.ids("seed")
    assert docs[0].provenance is Provenance.REAL


def test_read_documents_from_a_folder(tmp_path):
    (tmp_path / "b.txt").write_text("date 2023-10-16\nLavrov met Wang Yi.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("No date here.\r\nSecond line.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored")
    docs = read_documents(tmp_path)
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].text == "No date here.\r\nSecond line."  # no newline translation
    assert docs[1].date == OCT16 and docs[1].body == "Lavrov met Wang Yi."
    assert docs[1].source == str(tmp_path / "b.txt")


def test_read_documents_from_one_text_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(" date 2023-10-16 Putin hosted Kim.", encoding="utf-8")
    [doc] = read_documents(path)
    assert (doc.id, doc.date, doc.body) == ("story", OCT16, "Putin hosted Kim.")


def test_read_documents_from_jsonl(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [
        {"id": "x1", "text": "Putin hosted Kim.", "date": "2023-09-13"},
        {"id": "x2", "text": "date 2023-10-16 Lavrov arrived."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    docs = read_documents(path)
    assert [(d.id, d.date, d.body) for d in docs] == [
        ("x1", dt.date(2023, 9, 13), "Putin hosted Kim."),
        ("x2", OCT16, "Lavrov arrived."),
    ]


def test_jsonl_errors_name_their_lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "\n".join([
            json.dumps({"id": "x1", "text": "fine"}),
            "{broken",
            json.dumps({"id": "x3"}),
            json.dumps({"id": "x1", "text": "again"}),
            json.dumps({"id": "x5", "text": "t", "date": "Monday"}),
        ]),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_documents(path)
    got = [(p.file, p.where) for p in info.value.problems]
    assert got == [(str(path), f"line {n}") for n in (2, 3, 4, 5)]
    messages = [p.message for p in info.value.problems]
    assert messages[0].startswith("invalid JSON")
    assert "expected" in messages[1]
    assert messages[2] == "duplicate document id 'x1'"
    assert messages[3] == "date must be YYYY-MM-DD; got 'Monday'"


def test_read_documents_bad_sources(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="folder has no .txt files"):
        read_documents(tmp_path / "empty")
    with pytest.raises(InputError, match="not a file, a folder of .txt files, or a split; splits: .*seed"):
        read_documents("no-such-split")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match="byte 3: not valid UTF-8"):
        read_documents(bad)


def test_jsonl_text_may_hold_unicode_line_separators(tmp_path):
    path = tmp_path / "docs.jsonl"
    text = "Lavrov arrived.\u2028Wang Yi met him.\x85 End."
    rows = [{"id": "x1", "text": text}, {"id": "x2", "text": "second"}]
    path.write_text("\r\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert [d.text for d in read_documents(path)] == [text, "second"]


def test_manifest_entry_that_is_not_an_object(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text('{"documents": ["a.txt"]}')
    with pytest.raises(CorpusError, match="/documents/0: expected an object"):
        read_manifest(path)


def test_manifest_not_utf8(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_bytes(b'{"documents": ["caf\xe9"]}')
    with pytest.raises(CorpusError, match="byte 19: not valid UTF-8"):
        read_manifest(path)


def test_jsonl_rows_keep_their_provenance(tmp_path):
    from bench.corpus import read_documents
    from bench.model import Provenance

    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": "s1", "text": "A met B.", "provenance": "synthetic"}\n{"id": "s2", "text": "C met D."}\n')
    docs = read_documents(f)
    assert [d.provenance for d in docs] == [Provenance.SYNTHETIC, Provenance.CONSTRUCTED]
    f.write_text('{"id": "s1", "text": "A met B.", "provenance": "invented"}\n')
    with pytest.raises(InputError, match="line 1: provenance must be one of"):
        read_documents(f)
