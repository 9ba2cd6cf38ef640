"""What passing a challenge case means, checked on hand-made predictions and small extractors."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace

import pytest
from challenge_helpers import GoldExtractor, NothingExtractor, gold_predictions

from bench.challenge import CAPABILITIES, check_case, evaluate, run_challenge
from bench.errors import BenchError
from bench.model import ArgumentRef, Polarity, PredictedRelation, Realis, RelationType


def _case(cases, template):
    return next(c for c in cases if c.template == template)


def _by_doc(preds):
    out = defaultdict(list)
    for p in preds:
        out[p.doc_id].append(p)
    return out


def _required(case):
    doc, gold = case.documents[0], case.gold[0]
    return gold_predictions(doc, gold, only_required=True)


def test_the_gold_passes_every_case_strictly_on_both_sides():
    for side in ("test", "train"):
        result = run_challenge(GoldExtractor(), seed=0, side=side)
        assert result.overall.passed == result.overall.strict == result.overall.cases
        assert result.failures == []


def test_without_attributes_the_gold_passes_but_not_strictly(test_cases):
    result = run_challenge(GoldExtractor(with_attributes=False))
    assert result.overall.passed == result.overall.cases
    # only cases with nothing required are strict without realis
    nothing_required = sum(
        all(not r.is_gold_positive for g in c.gold for r in g.relations) for c in test_cases
    )
    assert result.overall.strict == nothing_required


def test_predicting_nothing_passes_exactly_the_cases_that_require_nothing(test_cases):
    result = run_challenge(NothingExtractor())
    for cap in CAPABILITIES:
        cases = [c for c in test_cases if c.capability == cap]
        if cases[0].is_invariance:
            expected = len(cases)  # nothing follows any change, trivially
            strict = sum(all(not r.is_gold_positive for g in c.gold for r in g.relations) for c in cases)
        else:
            expected = strict = sum(not any(r.is_gold_positive for r in c.gold[0].relations) for c in cases)
        assert result.score(cap).passed == expected, cap
        assert result.score(cap).strict == strict, cap


def test_a_trap_hit_fails_and_a_negative_prediction_does_not(test_cases):
    case = _case(test_cases, "neg-01")  # "... did not meet B during her visit to L"
    doc, gold = case.documents[0], case.gold[0]
    everything = gold_predictions(doc, gold, with_attributes=False)  # NEG met as a positive claim
    out = check_case(case, _by_doc(everything))
    assert not out.passed and "NEG/OTHER" in out.reason and out.documents[0].trap_hits
    marked = gold_predictions(doc, gold)  # the met carries polarity NEG
    assert check_case(case, _by_doc(marked)).passed


def test_an_other_prediction_is_not_a_claim(test_cases):
    case = _case(test_cases, "hyp-01")  # "A hoped to visit L"
    doc, gold = case.documents[0], case.gold[0]
    (rel,) = gold_predictions(doc, gold)
    assert rel.realis is Realis.OTHER
    assert check_case(case, _by_doc([rel])).passed
    assert not check_case(case, _by_doc([replace(rel, realis=None)])).passed
    assert not check_case(case, _by_doc([replace(rel, realis=Realis.ACTUAL)])).passed


def test_missing_and_spurious_relations_fail(test_cases):
    case = _case(test_cases, "host-01")  # visited(B -> L) and met(A, B)
    required = _required(case)
    assert len(required) == 2 and check_case(case, _by_doc(required)).passed
    out = check_case(case, _by_doc(required[:1]))
    assert not out.passed and "missing" in out.reason
    visited = next(p for p in required if p.type is RelationType.VISITED)
    wrong_way = replace(visited, head=visited.tail, tail=visited.head)
    out = check_case(case, _by_doc([*required, wrong_way]))
    assert not out.passed and "spurious" in out.reason


def test_symmetric_relations_ignore_argument_order_and_visited_does_not(test_cases):
    case = _case(test_cases, "ph-04")  # met and discussed
    swapped = [replace(p, head=p.tail, tail=p.head) for p in _required(case)]
    assert check_case(case, _by_doc(swapped)).passed
    case = _case(test_cases, "plan-01")  # visited only
    swapped = [replace(p, head=p.tail, tail=p.head) for p in _required(case)]
    assert not check_case(case, _by_doc(swapped)).passed


def test_arguments_align_by_text_without_offsets_and_unaligned_ones_fail(test_cases):
    case = _case(test_cases, "ord-01")  # invariance pair; check its first document alone
    doc, gold = case.documents[0], case.gold[0]
    single = replace(case, documents=(doc,), gold=(gold,), mapping=())
    (p,) = gold_predictions(doc, gold, only_required=True)
    by_text = replace(p, head=ArgumentRef(p.head.text.upper()), tail=ArgumentRef(p.tail.text))
    assert check_case(single, _by_doc([by_text])).passed
    unknown = replace(p, tail=ArgumentRef("Somebody Else"))
    out = check_case(single, _by_doc([unknown]))
    assert not out.passed and "unaligned" in out.reason


def test_strict_needs_realis_and_mode(test_cases):
    case = _case(test_cases, "ph-01")  # discussed by phone
    (p,) = _required(case)
    assert check_case(case, _by_doc([p])).strict
    out = check_case(case, _by_doc([replace(p, mode=None)]))
    assert out.passed and not out.strict and "attributes" in out.reason
    case = _case(test_cases, "plan-01")  # PLANNED visit
    (p,) = _required(case)
    out = check_case(case, _by_doc([replace(p, realis=Realis.ACTUAL)]))
    assert out.passed and not out.strict


class _SurnameBiased:
    """Predicts a visit only for people whose surname sorts before 'M': not invariant."""

    name = "biased.v1"
    params: dict = {}

    def __init__(self, gold_by_doc):
        self.gold = gold_by_doc

    def extract(self, docs):
        for doc in docs:
            gold = self.gold[doc.id]
            for p in gold_predictions(doc, gold, only_required=True):
                if p.type is RelationType.VISITED and p.head.text.split()[-1] >= "M":
                    continue
                yield p


def test_invariance_fails_when_predictions_do_not_follow_the_swap(test_cases):
    cases = [c for c in test_cases if c.capability == "argument_order_invariance"]
    gold = {d.id: g for c in cases for d, g in zip(c.documents, c.gold, strict=True)}
    docs = [d for c in cases for d in c.documents]
    result = evaluate(cases, _SurnameBiased(gold).extract(docs))
    outcomes = {o.case_id: o for o in result.outcomes}
    for case in cases:
        a, b = case.gold
        visitors_a = {a.entities_by_id[r.head].name for r in a.relations if r.type is RelationType.VISITED and r.is_gold_positive}
        visitors_b = {b.entities_by_id[r.head].name for r in b.relations if r.type is RelationType.VISITED and r.is_gold_positive}
        kept_a = {n for n in visitors_a if n.split()[-1] < "M"}
        kept_b = {n for n in visitors_b if n.split()[-1] < "M"}
        follows = len(kept_a) == len(kept_b)  # one visitor per document: kept in both or dropped in both
        assert outcomes[case.id].passed == follows, case.id
    assert 0 < result.score("argument_order_invariance").passed < len(cases)


def test_a_consistent_but_wrong_extractor_passes_invariance_but_not_strict(test_cases):
    case = _case(test_cases, "ali-01")  # "A visited L" / "Surname visited L"
    preds = []
    for doc, gold in zip(case.documents, case.gold, strict=True):
        (p,) = gold_predictions(doc, gold, only_required=True)
        preds.append(replace(p, type=RelationType.MET))  # wrong type, in both documents
    out = check_case(case, _by_doc(preds))
    assert out.passed and not out.strict


def test_predictions_for_unknown_documents_are_counted_not_scored(test_cases):
    stray = PredictedRelation("not-a-case", RelationType.MET, ArgumentRef("A"), ArgumentRef("B"))
    result = evaluate(test_cases[:5], [stray])
    assert result.stray_predictions == 1 and result.overall.cases == 5


def test_result_json_and_table():
    result = run_challenge(NothingExtractor())
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data["capabilities"]) == set(CAPABILITIES)
    assert data["overall"]["cases"] == sum(v["cases"] for v in data["capabilities"].values())
    assert data["extractor"] == {"name": "nothing.v1", "params": {}}
    assert len(data["failures"]) == data["overall"]["cases"] - data["overall"]["passed"]
    failure = data["failures"][0]
    assert failure["texts"] and failure["reason"] and failure["expected"]
    table = result.table()
    for cap in CAPABILITIES:
        assert cap in table
    assert "overall" in table


def test_run_challenge_refuses_an_object_without_extract():
    with pytest.raises(BenchError, match="no extract"):
        run_challenge(object())


def test_negative_polarity_predictions_are_ignored(test_cases):
    case = _case(test_cases, "dis-02")  # nothing required
    doc, gold = case.documents[0], case.gold[0]
    a, b = (e.mentions[0] for e in gold.entities[:2])
    neg = PredictedRelation(doc.id, RelationType.MET, ArgumentRef(a.text, a.start, a.end), ArgumentRef(b.text, b.start, b.end), polarity=Polarity.NEG)
    assert check_case(case, _by_doc([neg])).passed
    assert not check_case(case, _by_doc([replace(neg, polarity=None)])).passed
