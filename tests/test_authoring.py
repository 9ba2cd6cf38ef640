"""Authoring: readable drafts resolved to gold with exact offsets."""

from __future__ import annotations

import json

import pytest

from bench.authoring import main, occurrences, resolve_draft
from bench.corpus import document_from_text
from bench.errors import InputError
from bench.jsonio import annotation_from_dict, load_annotation
from bench.validate import validate_annotation

SEED_ID = "000_12a61b80a6d06b2b"
TEXT = (
    "date 2023-10-16 Sergei Lavrov met Wang Yi in Beijing. Lavrov discussed trade with Wang Yi.\n\n"
    "Advertisement\n\n"
    "Lavrov later visited Shanghai. Lavrovian ideas spread, said LAVROV.\n\n"
    "Read more:\n\n"
    "Lavrov meets Wang Yi"
)
DOC = document_from_text("d1", TEXT)


def _at(needle: str, n: int = 1) -> int:
    """Offset of the n-th occurrence of ``needle`` (plain search, for the expected values)."""
    pos = -1
    for _ in range(n):
        pos = TEXT.index(needle, pos + 1)
    return pos


def _draft(**kw) -> dict:
    draft = {
        "doc_id": "d1",
        "out_of_scope": ["Advertisement", {"from": "Read more:"}],
        "entities": [
            {"id": "E1", "type": "PER", "name": "Sergei Lavrov", "mentions": ["Sergei Lavrov", "Lavrov"]},
            {"id": "E2", "type": "PER", "name": "Wang Yi", "mentions": ["Wang Yi"]},
        ],
        "relations": [],
    }
    draft.update(kw)
    return draft


def _mentions(gold: dict, i: int) -> list[tuple[int, int, str]]:
    return [(m["start"], m["end"], m["text"]) for m in gold["entities"][i]["mentions"]]


def _problems(draft: dict) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as info:
        resolve_draft(draft, DOC, "draft.json")
    return [(p.where, p.message) for p in info.value.problems]


def test_occurrences_are_whole_word_and_case_sensitive():
    assert occurrences(TEXT, "Lavrov") == [_at("Lavrov", n) for n in (1, 2, 3, 5)]  # not "Lavrovian"
    assert occurrences(TEXT, "lavrov") == []
    assert occurrences(TEXT, "Read more:") == [_at("Read more:")]


def test_plain_selector_takes_every_in_scope_occurrence_not_inside_a_longer_mention():
    gold = resolve_draft(_draft(), DOC)
    lavrov = _at("Sergei Lavrov")
    assert _mentions(gold, 0) == [
        (lavrov, lavrov + 13, "Sergei Lavrov"),
        (_at("Lavrov", 2), _at("Lavrov", 2) + 6, "Lavrov"),
        (_at("Lavrov", 3), _at("Lavrov", 3) + 6, "Lavrov"),
    ]  # not inside "Sergei Lavrov", not "Lavrovian", not "LAVROV", not under "Read more:"
    assert [m[0] for m in _mentions(gold, 1)] == [_at("Wang Yi", 1), _at("Wang Yi", 2)]


def test_nth_and_offset_selectors_pick_one_occurrence_in_the_whole_text():
    entities = [{"id": "E1", "type": "PER", "name": "Lavrov", "mentions": ["Lavrov#1", f"Lavrov@{_at('Lavrov', 5)}"]}]
    gold = resolve_draft(_draft(entities=entities), DOC)
    # #1 is the one inside "Sergei Lavrov"; @ may even point into an out-of-scope region
    assert [m[0] for m in _mentions(gold, 0)] == [_at("Lavrov", 1), _at("Lavrov", 5)]


def test_out_of_scope_regions():
    gold = resolve_draft(_draft(), DOC)
    ad = _at("Advertisement")
    assert gold["out_of_scope"] == [
        {"start": ad, "end": ad + len("Advertisement")},
        {"start": _at("Read more:"), "end": len(TEXT)},
    ]


def test_out_of_scope_from_stops_before_trailing_whitespace():
    doc = document_from_text("d2", "Lavrov met Wang Yi.\n\nRead more:\nLinks\n\n")
    gold = resolve_draft({"doc_id": "d2", "out_of_scope": [{"from": "Read more:"}], "entities": [], "relations": []}, doc)
    assert gold["out_of_scope"] == [{"start": 21, "end": 37}]


def test_relations_get_ids_defaults_triggers_and_evidence_sentences():
    relations = [
        {"type": "met", "head": "E1", "tail": "E2", "trigger": "met", "evidence": ["discussed trade"]},
        {
            "id": "R9", "type": "discussed", "head": "E1", "tail": "E2", "mode": "in_person", "trigger": "discussed",
            "realis": "ACTUAL", "polarity": "POS", "time": "2023-10-16", "event": "ev1", "note": "why",
            "topics": [{"label": "trade", "text": "trade"}],
        },
    ]
    gold = resolve_draft(_draft(relations=relations), DOC)
    r1, r2 = gold["relations"]
    s1 = [DOC.body_start, _at("Beijing.") + len("Beijing.")]
    s2 = [_at("Lavrov discussed"), _at("Wang Yi.") + len("Wang Yi.")]
    assert (r1["id"], r1["polarity"], r1["realis"]) == ("R1", "POS", "ACTUAL")
    assert r1["evidence"] == {"trigger": {"start": _at("met"), "end": _at("met") + 3, "text": "met"}, "sentences": [s1, s2]}
    assert r2["id"] == "R9"
    assert (r2["mode"], r2["time"], r2["event"], r2["note"]) == ("in_person", "2023-10-16", "ev1", "why")
    assert r2["topics"] == [{"label": "trade", "mentions": [{"start": _at("trade"), "end": _at("trade") + 5, "text": "trade"}]}]
    assert r2["evidence"]["sentences"] == [s2]


def test_resolved_gold_is_valid_and_loads():
    relations = [{"type": "met", "head": "E1", "tail": "E2", "trigger": "met"}]
    gold = resolve_draft(_draft(relations=relations), DOC)
    assert validate_annotation(gold, DOC) == []
    assert annotation_from_dict(gold).relations[0].evidence.trigger.text == "met"


@pytest.mark.parametrize(
    "draft_change, where, message",
    [
        ({"mentions": ["Putin"]}, "/entities/0/mentions/0", "'Putin' not found in document d1 (outside out-of-scope regions)"),
        ({"mentions": ["Lavrov#9"]}, "/entities/0/mentions/0", "'Lavrov' occurs 4 times; #9 does not exist"),
        ({"mentions": ["Lavrov@3"]}, "/entities/0/mentions/0", "'Lavrov' does not occur at offset 3; it occurs at ["),
        ({"mentions": ["#2"]}, "/entities/0/mentions/0", "empty selector '#2'"),
        ({"mentions": [{"text": "Lavrov"}]}, "/entities/0/mentions/0", 'expected a selector string ("text", "text#N" or "text@OFFSET"); got {"text": "Lavrov"}'),
    ],
)
def test_mention_errors(draft_change, where, message):
    entities = [dict({"id": "E1", "type": "PER", "name": "Lavrov"}, **draft_change)]
    [(got_where, got_message)] = _problems(_draft(entities=entities))
    assert got_where == where
    assert got_message.startswith(message)


def test_ambiguous_trigger_topic_and_evidence_are_errors():
    relations = [{
        "type": "discussed", "head": "E1", "tail": "E2", "mode": "in_person", "trigger": "Wang Yi",
        "evidence": ["Wang Yi"], "topics": [{"label": "x", "text": "Wang Yi"}],
    }]
    assert _problems(_draft(relations=relations)) == [
        ("/relations/0/topics/0", "'Wang Yi' selects 2 occurrences; add #N"),
        ("/relations/0/trigger", "'Wang Yi' selects 2 occurrences; add #N or @OFFSET"),
        ("/relations/0/evidence/0", "'Wang Yi' selects 2 occurrences; add #N or @OFFSET"),
    ]


def test_all_problems_are_reported_together():
    draft = _draft(out_of_scope=["Sponsored", {"from": "See also"}, 7])
    draft["entities"][1]["mentions"] = ["Wang", "Putin"]
    wheres = [w for w, _ in _problems(draft)]
    assert wheres == ["/out_of_scope/0", "/out_of_scope/1", "/out_of_scope/2", "/entities/1/mentions/1"]


@pytest.mark.parametrize(
    "draft, where",
    [
        ([], ""),
        ({"doc_id": "d1", "entities": {"E1": {}}}, "/entities"),
        ({"doc_id": "d1", "entities": ["E1"]}, "/entities/0"),
        ({"doc_id": "d1", "relations": [{"topics": "trade"}]}, "/relations/0/topics"),
    ],
)
def test_draft_of_the_wrong_shape(draft, where):
    assert [w for w, _ in _problems(draft)] == [where]


def test_main_writes_the_gold_and_reports(tmp_path, capsys):
    draft = {
        "doc_id": SEED_ID, "annotator": "t",
        "entities": [
            {"id": "E1", "type": "PER", "name": "Sergei Lavrov", "mentions": ["Sergei Lavrov"]},
            {"id": "E2", "type": "GPE", "name": "North Korea", "mentions": ["North Korea#1"]},
        ],
        "relations": [{"type": "visited", "head": "E1", "tail": "E2", "realis": "PLANNED", "trigger": "visit#1"}],
    }
    src = tmp_path / "d.json"
    src.write_text(json.dumps(draft), encoding="utf-8")
    out = tmp_path / "gold" / f"{SEED_ID}.json"
    assert main([str(src), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: 2 entities, 3 mentions, 1 relations"
    ann = load_annotation(out)
    assert ann.annotator == "t" and ann.relations[0].evidence.trigger.text == "visit"
    assert main([str(src)]) == 0  # without -o: the gold on stdout
    assert json.loads(capsys.readouterr().out)["doc_id"] == SEED_ID


@pytest.mark.parametrize(
    "content, message",
    [
        ("{oops", "line 1: invalid JSON"),
        ("[]", '/doc_id: a draft is a JSON object with a "doc_id" string'),
        ('{"doc_id": "nope"}', "unknown document 'nope'"),
        (json.dumps({"doc_id": SEED_ID, "entities": [{"id": "E1", "type": "PER", "name": "T", "mentions": ["Trump"]}]}), "'Trump' not found"),
    ],
)
def test_main_errors_are_messages_with_exit_2(tmp_path, capsys, content, message):
    src = tmp_path / "d.json"
    src.write_text(content, encoding="utf-8")
    assert main([str(src)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_main_missing_draft(tmp_path, capsys):
    assert main([str(tmp_path / "none.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
