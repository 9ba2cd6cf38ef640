"""Prediction files given to ``bench score``: each defect is a warning naming the file and the
line, the line is left out (or, for bad offsets, aligned by its text), the rest is scored, and
``--strict`` turns the warnings into an error. Fixtures: ``fixtures/predictions/``; each
predicts for the seed document, whose "Sergei Lavrov" is at [42, 55) and "North Korea" at
[67, 78)."""

from __future__ import annotations

import json

import pytest

from .helpers import FIXTURES, SEED_ID, error_lines, run_bench

PRED = FIXTURES / "predictions"
GOOD_LINE = (PRED / "good.jsonl").read_text(encoding="utf-8")


def score(capsys, path, *extra: str):
    """``bench score`` on the seed split, no bootstrap (one document has no interval)."""
    return run_bench(capsys, "score", "--pred", path, "--split", "seed", "--bootstrap", "0", *extra)


def warnings(outcome) -> list[str]:
    return [line for line in outcome.err_lines if line.startswith("bench score: warning: ")]


def pair_counts(capsys, path, *extra: str) -> dict:
    outcome = score(capsys, path, "--format", "json", *extra)
    report = json.loads(outcome.out)
    return report["results"][next(iter(report["results"]))]["pair"]["micro"]


# (fixture, line, message): one defect per file; "line not scored" means it was left out
LEFT_OUT = [
    ("missing_doc_id", 1, "doc_id: missing required field"),
    ("missing_type", 1, "type: missing required field"),
    ("missing_head", 1, "head: missing required field"),
    ("missing_tail", 1, "tail: missing required field"),
    ("head_text_not_a_string", 1, "head/text: expected str, got 42"),
    ("start_is_a_string", 1, 'tail/start: expected int, got "67"'),
    ("boolean_offsets", 1, "head/start: expected int, got true; head/end: expected int, got false"),
    ("unknown_relation_type", 1, "type: must be one of 'visited', 'met', 'discussed'; got 'attended'"),
    ("unknown_attribute_value", 1, "realis: must be one of 'ACTUAL', 'PLANNED', 'OTHER', 'GENERIC'; got 'LIKELY'"),
    ("unknown_document", 1, "unknown document 'c999'"),
    ("reversed_offsets", 1, "head: offsets must satisfy 0 <= start < end; got [55, 42)"),
    ("not_an_object", 1, "expected a JSON object"),
    ("empty_argument_text", 1, "tail/text: must not be empty"),
    ("invalid_json", 2, "invalid JSON (Expecting property name enclosed in double quotes at column 85)"),
]


@pytest.mark.parametrize("name, line, message", LEFT_OUT, ids=[c[0] for c in LEFT_OUT])
def test_a_bad_line_is_a_warning_with_file_and_line_and_is_not_scored(capsys, name, line, message):
    path = PRED / f"{name}.jsonl"
    outcome = score(capsys, path)
    assert outcome.code == 0
    assert warnings(outcome) == [f"bench score: warning: {path}: line {line}: {message}; line not scored"]
    assert "pair tier" in outcome.out  # the rest is scored


def test_offsets_out_of_range_are_ignored_and_the_argument_aligned_by_text(capsys):
    path = PRED / "offsets_out_of_range.jsonl"
    outcome = score(capsys, path)
    assert warnings(outcome) == [
        f"bench score: warning: {path}: line 1: tail offsets [9000, 9011) are outside document "
        f"'{SEED_ID}' (length 2277); offsets ignored, aligned by text"
    ]
    assert pair_counts(capsys, path)["tp"] == 1  # "North Korea" still aligns by its text


def test_offsets_not_slicing_the_stated_text_are_ignored_and_aligned_by_text(capsys):
    path = PRED / "offsets_not_slicing_the_text.jsonl"
    outcome = score(capsys, path)
    assert warnings(outcome) == [
        f"bench score: warning: {path}: line 1: head offsets [40, 53) slice 'r Sergei Lavr', "
        "not head.text 'Sergei Lavrov'; offsets ignored, aligned by text"
    ]
    assert pair_counts(capsys, path)["tp"] == 1


def test_blank_lines_are_skipped_and_do_not_shift_line_numbers(capsys):
    path = PRED / "blank_lines.jsonl"
    outcome = score(capsys, path)
    assert warnings(outcome) == [
        f"bench score: warning: {path}: line 4: type: must be one of 'visited', 'met', 'discussed'; "
        "got 'visted'; line not scored"
    ]
    assert pair_counts(capsys, path)["tp"] == 1


def test_every_defect_of_a_file_is_reported_and_recorded_in_the_json_report(capsys):
    path = PRED / "several_defects.jsonl"
    outcome = score(capsys, path, "--format", "json")
    prefix = f"bench score: warning: {path}: "
    assert [w.removeprefix(prefix).split(":")[0] for w in warnings(outcome)] == ["line 2", "line 3", "line 4"]
    problems = json.loads(outcome.out)["input_problems"]
    assert [(p["file"], p["line"], p["system"]) for p in problems] == [
        (str(path), 2, "several_defects"), (str(path), 3, "several_defects"), (str(path), 4, "several_defects"),
    ]
    assert problems[1]["message"] == "unknown document 'c999'; line not scored"


def test_strict_makes_every_problem_fatal_and_lists_them_all(capsys):
    path = PRED / "several_defects.jsonl"
    outcome = score(capsys, path, "--strict")
    assert outcome.code == 2
    assert outcome.out == ""
    assert error_lines(outcome, "score") == [
        f"{path}: line 2: invalid JSON (Expecting value at column 1); line not scored",
        f"{path}: line 3: unknown document 'c999'; line not scored",
        f"{path}: line 4: head offsets [40, 53) slice 'r Sergei Lavr', not head.text 'Sergei Lavrov'; "
        "offsets ignored, aligned by text",
    ]


def test_strict_accepts_a_clean_file(capsys):
    assert score(capsys, PRED / "good.jsonl", "--strict").code == 0


def test_an_empty_file_scores_as_no_predictions_and_says_so(capsys):
    path = PRED / "empty.jsonl"
    outcome = run_bench(capsys, "score", "--pred", path, "--bootstrap", "0")
    assert outcome.code == 0 and warnings(outcome) == []
    assert "note: no predictions at all; scored every annotated document" in outcome.out.splitlines()


def test_a_byte_order_mark_at_the_start_is_accepted(capsys, tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_LINE.encode("utf-8"))
    outcome = score(capsys, path)
    assert warnings(outcome) == []
    assert pair_counts(capsys, path)["tp"] == 1


def test_windows_line_endings_are_accepted(capsys, tmp_path):
    path = tmp_path / "crlf.jsonl"
    path.write_bytes((GOOD_LINE.strip() + "\r\n" + "{oops\r\n").encode("utf-8"))
    outcome = score(capsys, path)
    assert warnings(outcome) == [
        f"bench score: warning: {path}: line 2: invalid JSON (Expecting property name enclosed in "
        "double quotes at column 2); line not scored"
    ]


def test_a_file_that_is_not_utf8_is_refused(capsys, tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(GOOD_LINE.replace("Sergei", "S\u00e9rgei").encode("latin-1"))
    outcome = score(capsys, path)
    assert outcome.code == 2
    assert error_lines(outcome, "score") == [f"{path}: byte 73: not valid UTF-8"]


def test_a_missing_prediction_file(capsys, tmp_path):
    outcome = score(capsys, tmp_path / "nowhere.jsonl")
    assert (outcome.code, error_lines(outcome, "score")) == (2, [f"{tmp_path / 'nowhere.jsonl'}: prediction file not found"])


def test_a_folder_instead_of_a_prediction_file(capsys, tmp_path):
    outcome = score(capsys, tmp_path)
    assert (outcome.code, error_lines(outcome, "score")) == (2, [f"{tmp_path}: expected a JSONL file, got a directory"])


def test_a_line_nested_too_deeply_is_a_warning_and_the_rest_is_scored(capsys, tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(GOOD_LINE.strip() + "\n" + "[" * 100_000 + "\n", encoding="utf-8")
    outcome = score(capsys, path)
    assert outcome.code == 0
    assert warnings(outcome) == [
        f"bench score: warning: {path}: line 2: invalid JSON (nested too deeply); line not scored"
    ]
    assert pair_counts(capsys, path)["tp"] == 1


def test_a_prediction_file_name_the_file_system_refuses(capsys, tmp_path):
    path = tmp_path / ("a" * 300 + ".jsonl")
    outcome = score(capsys, path)
    assert (outcome.code, error_lines(outcome, "score")) == (2, [f"{path}: cannot read: File name too long"])
