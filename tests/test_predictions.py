"""Reading prediction JSONL: every defect reported with its line, nothing dropped silently."""

from __future__ import annotations

import json

import pytest
from scorer_cases import SENT, TEXT, M, V, arg, pred, standard

from bench.errors import InputError
from bench.model import ArgumentRef, Realis
from bench.predictions import read_predictions, write_predictions

DOC = standard()[0]
DOCS = {DOC.id: DOC}


def write_lines(tmp_path, lines) -> str:
    path = tmp_path / "pred.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return str(path)


def good(**over):
    rec = {"doc_id": "d1", "type": "visited", "head": {"text": "Lavrov"}, "tail": {"text": "Beijing"}}
    rec.update(over)
    return rec


def test_round_trip(tmp_path):
    preds = [
        pred("d1", V, arg(TEXT, "Lavrov#1"), arg(TEXT, "Beijing"), realis="ACTUAL", evidence=(SENT[0],)),
        pred("d1", M, "Lavrov", "Wang Yi", topics=["trade"], score=0.5),
    ]
    path = tmp_path / "p.jsonl"
    write_predictions(path, preds)
    back, problems = read_predictions(path, DOCS)
    assert back == preds and problems == []


def test_each_bad_line_is_reported_with_its_number_and_left_out(tmp_path):
    path = write_lines(
        tmp_path,
        [
            good(),  # 1 ok
            "{not json",  # 2
            "",  # 3 blank: skipped silently (not a prediction)
            json.dumps([1, 2]),  # 4
            good(doc_id=None),  # 5 missing doc_id
            good(type="attended"),  # 6 unknown type
            {"doc_id": "d1", "type": "met", "head": {"text": "Lavrov"}},  # 7 missing tail
            good(doc_id="nowhere"),  # 8 unknown document
            good(head={"text": "Lavrov", "start": 5}),  # 9 start without end
            good(realis="MAYBE"),  # 10 bad attribute
        ],
    )
    preds, problems = read_predictions(path, DOCS)
    assert len(preds) == 1
    by_line = {int(p.where.split()[1]): p.message for p in problems}
    assert sorted(by_line) == [2, 4, 5, 6, 7, 8, 9, 10]
    assert all(p.file == path for p in problems)
    assert "invalid JSON" in by_line[2]
    assert "expected a JSON object" in by_line[4]
    assert by_line[5].startswith("doc_id: missing required field")
    assert "'visited', 'met', 'discussed'; got 'attended'" in by_line[6]
    assert by_line[7].startswith("tail: missing required field")
    assert by_line[8] == "unknown document 'nowhere'; line not scored"
    assert "give both start and end" in by_line[9]
    assert "realis" in by_line[10] and "'MAYBE'" in by_line[10]
    assert all(m.endswith("line not scored") for m in by_line.values())
    assert str(problems[0]) == f"{path}: line 2: " + by_line[2]


def test_offsets_that_do_not_slice_the_text_are_reported_and_dropped(tmp_path):
    bad_slice = good(head={"text": "Lavrov", "start": 1, "end": 7})
    out_of_range = good(tail={"text": "Beijing", "start": 1000, "end": 1007})
    path = write_lines(tmp_path, [bad_slice, out_of_range])
    preds, problems = read_predictions(path, DOCS)
    assert [p.head for p in preds] == [ArgumentRef("Lavrov"), ArgumentRef("Lavrov")]
    assert preds[1].tail == ArgumentRef("Beijing")
    assert "head offsets [1, 7) slice 'avrov ', not head.text 'Lavrov'; offsets ignored, aligned by text" in problems[0].message
    assert "outside document 'd1'" in problems[1].message
    assert [p.where for p in problems] == ["line 1", "line 2"]


def test_without_documents_only_the_format_is_checked(tmp_path):
    path = write_lines(tmp_path, [good(doc_id="anything", realis="PLANNED")])
    preds, problems = read_predictions(path)
    assert problems == [] and preds[0].realis is Realis.PLANNED


def test_strict_makes_problems_fatal_and_lists_them_all(tmp_path):
    path = write_lines(tmp_path, [good(), "nope", good(type="x")])
    with pytest.raises(InputError) as info:
        read_predictions(path, DOCS, strict=True)
    assert [p.where for p in info.value.problems] == ["line 2", "line 3"]


def test_missing_file_and_bad_encoding(tmp_path):
    with pytest.raises(InputError, match="prediction file not found"):
        read_predictions(tmp_path / "none.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"doc_id": "\xff"}\n')
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_predictions(bad)


def test_byte_order_mark_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(("\ufeff" + json.dumps(good()) + "\r\n" + json.dumps(good()) + "\r\n").encode("utf-8"))
    preds, problems = read_predictions(path, DOCS)
    assert len(preds) == 2 and problems == []


def test_lines_nested_too_deeply_are_reported_and_left_out(tmp_path):
    """Nesting past the parser's limit, and nesting just below it (where quoting the value
    back in a message would overflow), are line problems, not a RecursionError."""
    import sys

    limit = sys.getrecursionlimit()
    deep = ["[" * 100_000]
    rest = json.dumps(good())[len('{"doc_id": "d1"'):]  # ', "type": ...}'
    near = ['{"doc_id": ' + "[" * n + "]" * n + rest for n in range(limit - 150, limit + 10, 10)]
    path = write_lines(tmp_path, [good(), *deep, *near])
    preds, problems = read_predictions(path, DOCS)
    assert len(preds) == 1
    assert [p.where for p in problems] == [f"line {n}" for n in range(2, 3 + len(near))]
    assert problems[0].message == "invalid JSON (nested too deeply); line not scored"
    assert all(
        p.message.endswith("; line not scored")
        and ("nested too deeply" in p.message or p.message.startswith("doc_id: expected str"))
        for p in problems
    )


def test_a_path_the_file_system_refuses_is_an_input_error(tmp_path):
    path = tmp_path / ("a" * 300 + ".jsonl")
    with pytest.raises(InputError) as info:
        read_predictions(path)
    assert [str(p) for p in info.value.problems] == [f"{path}: cannot read: File name too long"]
