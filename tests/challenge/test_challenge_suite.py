"""Generating the suite: size, determinism, valid gold, disjoint sides, invariance pairs."""

from __future__ import annotations

import hashlib
import os
import random
import re
import subprocess
import sys
from collections import Counter

import pytest

from bench.challenge import (
    CAPABILITIES,
    CASES_PER_CAPABILITY,
    INVARIANCE,
    dump_cases,
    dumps_cases,
    generate,
    training_examples,
)
from bench.errors import ParameterError
from bench.model import Provenance
from bench.text import normalize, sentence_spans
from bench.validate import validate_annotation


def test_at_least_1000_test_cases_balanced_over_capabilities(test_cases, train_cases):
    assert len(test_cases) >= 1000
    assert Counter(c.capability for c in test_cases) == {c: CASES_PER_CAPABILITY["test"] for c in CAPABILITIES}
    assert Counter(c.capability for c in train_cases) == {c: CASES_PER_CAPABILITY["train"] for c in CAPABILITIES}


def test_ids_are_unique_across_both_sides(test_cases, train_cases):
    case_ids = [c.id for c in test_cases + train_cases]
    doc_ids = [d.id for c in test_cases + train_cases for d in c.documents]
    assert len(case_ids) == len(set(case_ids))
    assert len(doc_ids) == len(set(doc_ids))
    assert test_cases[6].id == "ch-negation-0007"
    assert train_cases[0].id == "ch-train-negation-0001"


def test_regeneration_is_byte_identical(test_cases):
    assert dumps_cases(generate(seed=0)) == dumps_cases(test_cases)


def test_generation_does_not_touch_global_random_state():
    random.seed(12345)
    before = random.getstate()
    generate(seed=3, side="train")
    assert random.getstate() == before


def _hash_in_subprocess(hashseed: str) -> str:
    code = (
        "import hashlib; from bench.challenge import dumps_cases, generate;"
        "print(hashlib.sha256(dumps_cases(generate(0)).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.slow
def test_regeneration_is_byte_identical_across_processes_and_hash_seeds(test_cases):
    here = hashlib.sha256(dumps_cases(test_cases).encode()).hexdigest()
    assert _hash_in_subprocess("1") == here
    assert _hash_in_subprocess("2") == here


def test_another_seed_gives_other_cases_with_the_same_shape(test_cases):
    other = generate(seed=1)
    assert [c.id for c in other] == [c.id for c in test_cases]
    assert [c.template for c in other] == [c.template for c in test_cases]
    same = sum(a.documents[0].text == b.documents[0].text for a, b in zip(other, test_cases, strict=True))
    assert same < len(test_cases) // 10


def test_generate_rejects_bad_parameters():
    with pytest.raises(ParameterError, match="'side' parameter"):
        generate(side="dev")
    with pytest.raises(ParameterError, match="'seed' parameter"):
        generate(seed="0")


def test_every_gold_is_valid_and_follows_the_guidelines(test_cases, train_cases):
    for case in test_cases + train_cases:
        for doc, gold in zip(case.documents, case.gold, strict=True):
            assert gold.doc_id == doc.id
            assert validate_annotation(gold, doc) == [], (case.id, doc.text)
            # evidence sentences are the spans bench.text gives
            spans = set(sentence_spans(doc.text))
            assert {s for r in gold.relations for s in r.evidence.sentences} <= spans, doc.text
            # no normalised name, alias or mention text belongs to two clusters
            owner: dict[str, str] = {}
            for e in gold.entities:
                for form in {normalize(x) for x in (e.name, *e.aliases, *(m.text for m in e.mentions))}:
                    assert owner.setdefault(form, e.id) == e.id, (doc.text, form)
                for m in e.mentions:
                    assert normalize(m.text) not in {"she", "he", "her", "his", "him", "two leaders", "two ministers"}
            # one required relation per pair key at most, so pair-level checks are unambiguous
            keys = [(r.type, *sorted((r.head, r.tail))) if r.type.symmetric else (r.type, r.head, r.tail) for r in gold.relations]
            assert len(keys) == len(set(keys)), doc.text


def test_documents_are_constructed_and_marked_by_side(test_cases, train_cases):
    for case in test_cases + train_cases:
        for doc in case.documents:
            assert doc.provenance is Provenance.CONSTRUCTED
            assert doc.split == f"challenge-{case.side}"
            assert doc.date is not None and doc.body_start == 0


def test_invariance_cases_are_pairs_with_a_complete_mapping(test_cases):
    for case in test_cases:
        if case.capability not in INVARIANCE:
            assert not case.is_invariance and case.mapping == ()
            continue
        assert case.is_invariance
        a, b = case.gold
        mapping = dict(case.mapping)
        assert sorted(mapping) == sorted(e.id for e in a.entities)
        assert sorted(mapping.values()) == sorted(e.id for e in b.entities)
        names_a = {e.id: e.name for e in a.entities}
        names_b = {e.id: e.name for e in b.entities}
        text_a, text_b = (d.text for d in case.documents)
        if case.capability == "argument_order_invariance":
            # the two people swap places; everything else stays
            people = [e for e in a.entities if e.type.value == "PER"]
            assert len(people) == 2
            p, q = (names_a[e.id] for e in people)
            swapped = text_b.replace(p, "\0").replace(q, p).replace("\0", q)
            assert _no_pronouns(swapped) == _no_pronouns(text_a)
            for x, y in mapping.items():
                if names_a[x] not in (p, q):
                    assert names_a[x] == names_b[y]
        else:
            # the same participants, named by surname in the second document
            for x, y in mapping.items():
                assert names_b[y] in (names_a[x], names_a[x].split()[-1])
            assert len(text_b) < len(text_a)


def _no_pronouns(text: str) -> str:
    """Swapping a woman and a man also swaps the pronouns that refer to them."""
    return re.sub(r"\b([Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im)\b", "PRONOUN", text)


def test_training_examples_come_from_the_training_side_only(test_cases):
    examples = training_examples(seed=0)
    n_single = CASES_PER_CAPABILITY["train"] * (len(CAPABILITIES) - len(INVARIANCE))
    assert len(examples) == n_single + 2 * CASES_PER_CAPABILITY["train"] * len(INVARIANCE)
    assert all(ex.document.split == "challenge-train" and ex.gold.doc_id == ex.document.id for ex in examples)
    test_texts = {d.text for c in test_cases for d in c.documents}
    assert not test_texts & {ex.document.text for ex in examples}


def test_the_training_data_module_takes_the_training_side():
    from bench.training import challenge_examples, check_training_splits

    got = challenge_examples()
    splits = {ex.document.split for ex in got}
    assert got and splits == {"challenge-train"}
    check_training_splits(sorted(splits))  # accepted as training data
    with pytest.raises(Exception, match="refusing"):
        check_training_splits(["challenge-test"])


def test_dump_cases_writes_jsonl_per_side(tmp_path, test_cases):
    paths = dump_cases(tmp_path, seed=0)
    assert [p.name for p in paths] == ["challenge-test-seed0.jsonl", "challenge-train-seed0.jsonl"]
    content = paths[0].read_text(encoding="utf-8")
    assert content == dumps_cases(test_cases)
    assert content.count("\n") == len(test_cases)
