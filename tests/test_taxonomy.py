"""The error taxonomy: one hand-built case per class, with the record a user reads."""

from __future__ import annotations

import pytest
from scorer_cases import SENT, TEXT, D, M, V, arg, pred, standard

from bench.scoring import score_corpus
from bench.taxonomy import ERROR_CLASSES


def errors_of(preds):
    doc, ann = standard()
    s = score_corpus({"d1": doc}, {"d1": ann}, preds)
    return s, s.errors


def only_fp(preds):
    s, records = errors_of(preds)
    fps = [r for r in records if r.kind == "false_positive"]
    assert len(fps) == 1, fps
    return fps[0]


def sentence(i: int) -> str:
    return TEXT[SENT[i].start : SENT[i].end]


@pytest.mark.parametrize(
    "prediction, expected, gold_id",
    [
        (pred("d1", V, arg(TEXT, "Lavrov#2"), arg(TEXT, "Wang Yi")), "wrong_type", "R2"),
        (pred("d1", V, arg(TEXT, "Beijing"), arg(TEXT, "Lavrov#1")), "reversed_direction", "R1"),
        (pred("d1", V, "Lavrov", "Pyongyang"), "one_argument_wrong", "R1"),
        (pred("d1", M, arg(TEXT, "Lavrov#2"), "Emmanuel Macron"), "unaligned_argument", None),
        (pred("d1", M, arg(TEXT, "Lavrov#3"), arg(TEXT, "Blinken")), "trap", "R4"),
        (pred("d1", M, "Putin", "Blinken"), "spurious_pair", None),
    ],
)
def test_each_false_positive_class(prediction, expected, gold_id):
    r = only_fp([prediction])
    assert r.error == expected
    assert r.doc_id == "d1"
    assert r.prediction == prediction
    assert (r.gold.id if r.gold else None) == gold_id
    assert r.explanation


def test_wrong_type_record_is_readable():
    r = only_fp([pred("d1", V, arg(TEXT, "Lavrov#2"), arg(TEXT, "Wang Yi"))])
    assert r.sentence == sentence(1)
    assert r.head == {"text": "Lavrov", "cluster": "L", "name": "Sergei Lavrov", "aligned_by": "offsets"}
    assert r.tail["name"] == "Wang Yi"
    assert "met" in r.explanation and "R2" in r.explanation
    d = r.to_dict()
    assert d["class"] == "wrong_type" and d["gold"]["id"] == "R2"
    assert d["prediction"]["head"] == {"text": "Lavrov", "start": 49, "end": 55}


def test_unaligned_record_names_the_unaligned_role():
    r = only_fp([pred("d1", M, "Emmanuel Macron", arg(TEXT, "Lavrov#2"))])
    assert r.explanation.startswith("the head matches no gold entity")
    assert r.head == {"text": "Emmanuel Macron", "cluster": None, "name": None, "aligned_by": "unaligned"}
    assert r.sentence == sentence(1)  # from the other argument's offsets


def test_trap_is_also_counted_as_a_trap_hit():
    s, _ = errors_of([pred("d1", M, "Lavrov", "Blinken")])
    assert s.tallies["pair"]["trap_hits"] == 1
    assert s.error_counts()["trap"] == 1


def test_prediction_without_offsets_gets_the_sentence_mentioning_both_arguments():
    r = only_fp([pred("d1", V, "Putin", "Lavrov")])
    assert r.sentence is None and r.sentence_source is None  # never in one sentence
    r = only_fp([pred("d1", D, "Lavrov", "Blinken")])
    assert r.sentence == sentence(3) and r.sentence_source == "co-mention"
    r = only_fp([pred("d1", D, arg(TEXT, "Lavrov#3"), "Blinken")])
    assert r.sentence == sentence(3) and r.sentence_source == "prediction"


def test_missed_gold_with_the_errors_that_point_at_it():
    s, records = errors_of([pred("d1", V, "Beijing", "Lavrov"), pred("d1", M, "Lavrov", "Wang Yi")])
    missed = [r for r in records if r.kind == "false_negative"]
    assert [(r.error, r.type, r.gold.id) for r in missed] == [("missed", "visited", "R1"), ("missed", "discussed", "R3")]
    visited = missed[0]
    assert visited.related == ("reversed_direction",)
    assert "reversed_direction" in visited.explanation
    assert visited.sentence == sentence(0) and visited.sentence_source == "gold"
    assert visited.head == {"cluster": "L", "name": "Sergei Lavrov"}
    assert missed[1].related == ()


def test_every_class_is_counted_and_counts_match_records():
    preds = [
        pred("d1", V, "Lavrov", "Wang Yi"),
        pred("d1", V, "Beijing", "Lavrov"),
        pred("d1", V, "Lavrov", "Pyongyang"),
        pred("d1", M, "Lavrov", "Macron"),
        pred("d1", M, "Lavrov", "Blinken"),
        pred("d1", M, "Putin", "Blinken"),
    ]
    s, records = errors_of(preds)
    counts = s.error_counts()
    assert set(counts) == set(ERROR_CLASSES)
    assert counts == {
        "wrong_type": 1, "reversed_direction": 1, "one_argument_wrong": 1,
        "unaligned_argument": 1, "trap": 1, "spurious_pair": 1, "missed": 3,
    }
    from collections import Counter

    assert Counter(r.error for r in records) == Counter({k: v for k, v in counts.items() if v})
    pair = s.totals("pair")
    assert counts["missed"] == pair[:, 2].sum()
    assert sum(v for k, v in counts.items() if k != "missed") == pair[:, 1].sum()


def test_duplicates_collapse_into_one_record_with_a_fixed_representative():
    p1 = pred("d1", M, "Putin", "Blinken", realis="ACTUAL")
    p2 = pred("d1", M, "Blinken", "Putin")
    r1 = only_fp([p1, p2])
    r2 = only_fp([p2, p1])
    assert r1 == r2
    assert r1.predictions == 2


def test_ignored_predictions_are_not_errors():
    s, records = errors_of([pred("d1", V, "Putin", "Pyongyang")])
    assert [r for r in records if r.kind == "false_positive"] == []
    assert s.tallies["pair"]["ignored"] == 1
