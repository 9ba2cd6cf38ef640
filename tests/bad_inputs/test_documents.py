"""Documents given to ``bench extract --input``: text files that are not UTF-8, empty, only
whitespace, only a date prefix or a malformed one, Windows line endings and a byte order mark;
JSONL document files with duplicate ids, missing text, bad dates or no rows. Every refusal
names the file, the line and the document; every accepted document keeps raw-text offsets."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bench.corpus import read_documents

from .helpers import FIXTURES, error_lines, run_bench

DOCS = FIXTURES / "documents"
ROW = '{"id": str, "text": str, "date": "YYYY-MM-DD" (optional)}'
ARTICLE = (
    "Russian Foreign Minister Sergei Lavrov will visit North Korea on October 18-19.\r\n"
    "\r\n"
    "On Monday, Lavrov arrived in Beijing and met Chinese Foreign Minister Wang Yi.\r\n"
)


def extract(capsys, source, output):
    return run_bench(capsys, "extract", "--extractor", "trigger.v1", "--input", source, "--output", output)


def predictions(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_offsets_slice(records: list[dict], text: str) -> None:
    for r in records:
        for role in ("head", "tail"):
            arg = r[role]
            if "start" in arg:
                assert text[arg["start"] : arg["end"]] == arg["text"], (role, r)


# --------------------------------------------------------------------------- text files


def test_a_text_file_that_is_not_utf8_names_line_and_byte(capsys, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("date 2023-10-16\nSergei Lavrov met Wang Yi in P\u00e9kin.\n".encode("latin-1"))
    outcome = extract(capsys, path, tmp_path / "out.jsonl")
    assert outcome.code == 2
    assert error_lines(outcome, "extract") == [
        f"{path}: line 2, byte 46: not valid UTF-8 text (byte 0xe9); expected UTF-8: re-save the file as UTF-8"
    ]
    assert not (tmp_path / "out.jsonl").exists()


def test_every_bad_file_of_a_folder_is_reported_at_once(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("date 2023-10-16 Lavrov met Wang Yi.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfeL\x00a\x00")  # UTF-16
    (tmp_path / "c.txt").write_text("date 2023-10-32\nLavrov met Wang Yi.", encoding="utf-8")
    outcome = extract(capsys, tmp_path, tmp_path / "out.jsonl")
    assert outcome.code == 2
    assert error_lines(outcome, "extract") == [
        f"{tmp_path / 'b.txt'}: line 1, byte 0: not valid UTF-8 text (byte 0xff); expected UTF-8: re-save the file as UTF-8",
        f"{tmp_path / 'c.txt'}: line 1: document 'c': date prefix 'date 2023-10-32' is not a calendar date "
        "(day is out of range for month); expected 'date YYYY-MM-DD', e.g. 'date 2023-10-16'",
    ]


@pytest.mark.parametrize("name", ["empty", "whitespace_only", "date_only"])
def test_a_document_without_prose_gives_no_relations_and_a_valid_file(capsys, tmp_path, name):
    out = tmp_path / "out.jsonl"
    outcome = extract(capsys, DOCS / f"{name}.txt", out)
    assert outcome.code == 0
    assert outcome.out.startswith("trigger.v1: 1 documents, 0 relations, ")
    assert out.read_text(encoding="utf-8") == ""


def test_a_document_of_only_a_date_prefix_has_that_date_and_no_prose():
    [doc] = read_documents(DOCS / "date_only.txt")
    assert (doc.date, doc.body) == (dt.date(2023, 10, 16), "")


def test_a_malformed_date_prefix_is_refused(capsys, tmp_path):
    path = DOCS / "malformed_date.txt"
    outcome = extract(capsys, path, tmp_path / "out.jsonl")
    assert outcome.code == 2
    assert error_lines(outcome, "extract") == [
        f"{path}: line 1: document 'malformed_date': date prefix 'date 2023-13-45' is not a calendar date "
        "(month must be in 1..12); expected 'date YYYY-MM-DD', e.g. 'date 2023-10-16'"
    ]


def test_windows_line_endings_keep_raw_text_offsets(capsys, tmp_path):
    """``\\r\\n`` is two characters of the file: offsets count both, so they slice the raw text."""
    path = tmp_path / "crlf.txt"
    raw = "date 2023-10-16\r\n" + ARTICLE
    path.write_bytes(raw.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    assert extract(capsys, path, out).code == 0
    records = predictions(out)
    assert any(r["head"].get("start", 0) > raw.index("On Monday") for r in records)  # past two \r\n
    assert_offsets_slice(records, raw)
    [doc] = read_documents(path)
    assert doc.text == raw and doc.date == dt.date(2023, 10, 16)


def test_a_byte_order_mark_is_a_character_of_the_text_and_the_date_is_still_read(capsys, tmp_path):
    path = tmp_path / "bom.txt"
    raw = "\ufeffdate 2023-10-16\n" + ARTICLE
    path.write_bytes(raw.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    assert extract(capsys, path, out).code == 0
    assert_offsets_slice(predictions(out), raw)
    [doc] = read_documents(path)
    assert (doc.text, doc.date) == (raw, dt.date(2023, 10, 16))
    assert doc.body.startswith("Russian Foreign Minister")


# --------------------------------------------------------------------------- JSONL documents


def test_jsonl_duplicate_document_ids(capsys, tmp_path):
    path = DOCS / "duplicate_ids.jsonl"
    outcome = extract(capsys, path, tmp_path / "out.jsonl")
    assert outcome.code == 2
    assert error_lines(outcome, "extract") == [f"{path}: line 3: duplicate document id 'd1'"]


def test_jsonl_rows_without_text(capsys, tmp_path):
    path = DOCS / "missing_text.jsonl"
    outcome = extract(capsys, path, tmp_path / "out.jsonl")
    assert error_lines(outcome, "extract") == [
        f"{path}: line 2: document 'd2': missing 'text'; expected {ROW}",
        f"{path}: line 3: document 'd3': missing 'text'; expected {ROW}",
        f"{path}: line 4: document 'd4': 'text' is [\"Putin\", \"hosted\", \"Kim\"]; expected {ROW}",
    ]


def test_jsonl_bad_dates_in_the_field_and_in_the_prefix(capsys, tmp_path):
    path = DOCS / "bad_date.jsonl"
    outcome = extract(capsys, path, tmp_path / "out.jsonl")
    assert error_lines(outcome, "extract") == [
        f"{path}: line 1: date must be YYYY-MM-DD; got '2023-13-45'",
        f"{path}: line 2: document 'd2': date prefix 'date 2023-02-30' is not a calendar date "
        "(day is out of range for month); expected 'date YYYY-MM-DD', e.g. 'date 2023-10-16'",
    ]


def test_jsonl_lines_that_are_not_json_objects(capsys, tmp_path):
    path = DOCS / "not_json.jsonl"
    outcome = extract(capsys, path, tmp_path / "out.jsonl")
    assert error_lines(outcome, "extract") == [
        f"{path}: line 2: invalid JSON: Expecting value (column 1); expected one document {ROW} per line",
        f"{path}: line 3: expected a JSON object {ROW}; got list",
    ]


def test_an_empty_jsonl_file_is_not_silently_zero_documents(capsys, tmp_path):
    path = DOCS / "empty.jsonl"
    outcome = extract(capsys, path, tmp_path / "out.jsonl")
    assert outcome.code == 2
    assert error_lines(outcome, "extract") == [f"{path}: no documents in the file; expected JSONL, one document {ROW} per line"]


def test_jsonl_line_nested_too_deeply(capsys, tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": "Lavrov met Wang Yi."}) + "\n" + "[" * 100_000 + "\n", encoding="utf-8")
    outcome = extract(capsys, path, tmp_path / "out.jsonl")
    assert error_lines(outcome, "extract") == [
        f"{path}: line 2: invalid JSON: nested too deeply; expected one document {ROW} per line"
    ]
