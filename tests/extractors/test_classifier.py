"""classifier.v1: trained on training data only, deterministic, attributes from cues."""

from __future__ import annotations

import json
import re
import sys

import pytest

from bench.conformance import check_extractor
from bench.corpus import document_from_text
from bench.errors import InputError
from bench.extractors import classifier as clf_module
from bench.extractors.classifier import ClassifierExtractor
from bench.model import Mode, Polarity, Realis, RelationType
from bench.training import (
    BUNDLED_FILE as FIXTURE,
)
from bench.training import (
    bundled_examples as fixture_examples,
)
from bench.training import (
    read_training_file,
    training_examples,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fitted():
    return ClassifierExtractor().fit(list(fixture_examples()))


def run(extractor, text):
    return {(r.type, r.head.text, r.tail.text): r for r in extractor.extract([document_from_text("t", text)])}


def test_bundled_training_set_is_well_formed_and_not_from_the_seed(seed_doc):
    examples = fixture_examples()
    assert len(examples) >= 50
    assert sum(len(ex.gold.relations) for ex in examples) >= 80
    types = {r.type for ex in examples for r in ex.gold.relations}
    assert types == set(RelationType)
    assert {r.polarity for ex in examples for r in ex.gold.relations} == set(Polarity)
    seed_words = re.findall(r"\w+", seed_doc.text)
    seed_6grams = {tuple(seed_words[i : i + 6]) for i in range(len(seed_words) - 5)}
    for ex in examples:
        words = re.findall(r"\w+", ex.document.text)
        shared = [g for g in (tuple(words[i : i + 6]) for i in range(len(words) - 5)) if g in seed_6grams]
        assert not shared, f"{FIXTURE.name}: {ex.document.id} shares {shared[0]} with the seed article"


def test_finds_unseen_visit_meeting_and_discussion(fitted):
    found = run(fitted, "date 2024-06-01 Prime Minister Erik Dahl arrived in Lisbon on Monday. "
                        "Dahl met President Sofia Mendes and discussed renewable energy.")
    visit = found[(RelationType.VISITED, "Erik Dahl", "Lisbon")]
    assert visit.polarity is Polarity.POS and visit.realis is Realis.ACTUAL
    assert (RelationType.MET, "Dahl", "Sofia Mendes") in found
    discussed = found[(RelationType.DISCUSSED, "Dahl", "Sofia Mendes")]
    assert [t.text for t in discussed.topics] == ["renewable energy"]
    assert discussed.mode is Mode.IN_PERSON
    assert 0.5 <= discussed.score <= 1.0


def test_negation_plans_and_phone_calls(fitted):
    neg = run(fitted, "Foreign Minister Erik Dahl did not travel to Lisbon.")
    assert all(r.polarity is Polarity.NEG for r in neg.values() if r.type is RelationType.VISITED)
    planned = run(fitted, "President Sofia Mendes will visit Madrid next week.")
    assert planned[(RelationType.VISITED, "Sofia Mendes", "Madrid")].realis is Realis.PLANNED
    phone = run(fitted, "Prime Minister Erik Dahl spoke by phone with President Sofia Mendes about fishing quotas.")
    assert not any(t is RelationType.MET for t, _, _ in phone)  # a phone call is never met
    call = phone[(RelationType.DISCUSSED, "Erik Dahl", "Sofia Mendes")]
    assert call.mode is Mode.PHONE


def test_deterministic_and_cached(fitted):
    text = "Chancellor Ines Kraft hosted Prime Minister Tomas Novak in Vienna for talks on migration."
    again = ClassifierExtractor().fit(list(fixture_examples()))
    assert again._models is fitted._models  # the per-process cache
    clf_module._MODELS.clear()
    retrained = ClassifierExtractor().fit(list(fixture_examples()))
    assert run(retrained, text) == run(fitted, text)


def test_threshold_trades_recall_for_precision():
    text = "Chancellor Ines Kraft hosted Prime Minister Tomas Novak in Vienna for talks on migration and then flew to Rome."
    low = ClassifierExtractor(threshold=0.05).fit(list(fixture_examples()))
    high = ClassifierExtractor(threshold=0.95).fit(list(fixture_examples()))
    assert set(run(high, text)) <= set(run(low, text))
    assert len(run(low, text)) > len(run(high, text))


def test_parameters_are_validated():
    with pytest.raises(ValueError, match="threshold"):
        ClassifierExtractor(threshold=1.5)
    with pytest.raises(ValueError, match="C must be positive"):
        ClassifierExtractor(C=0)


def test_fits_itself_on_default_training_data(seed_doc):
    ex = ClassifierExtractor()
    rels = list(ex.extract([seed_doc]))
    assert ex._models is not None and rels
    assert all(seed_doc.text[r.head.start : r.head.end] == r.head.text for r in rels)


def test_conforms(fitted):
    check_extractor(fitted)


def test_training_files_nested_too_deeply_name_the_file_and_line(tmp_path):
    """A line nested past the JSON parser's limit is a problem of that line, not a
    RecursionError; so are selectors nested just below it (quoted back in their message)."""
    limit = sys.getrecursionlimit()
    good = {"id": "x", "text": "Lavrov met Wang Yi.", "relations": [],
            "entities": [{"id": "E1", "type": "PER", "name": "Lavrov", "mentions": ["@"]}]}
    lines = ["[" * 100_000] + [
        json.dumps(good).replace('"@"', "[" * n + "]" * n) for n in range(limit - 150, limit + 10, 10)
    ]
    path = tmp_path / "train.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_training_file(path)
    problems = info.value.problems
    assert str(problems[0]) == f"{path}: line 1: invalid JSON: nested too deeply"
    lines_named = {p.where if p.file == str(path) else f"line {p.file.rsplit(':', 1)[1]}" for p in problems}
    assert lines_named == {f"line {n}" for n in range(1, len(lines) + 1)}


def test_a_training_path_the_file_system_refuses_is_an_input_error(tmp_path):
    source = str(tmp_path / ("a" * 300 + ".jsonl"))
    with pytest.raises(InputError) as info:
        training_examples(source)
    assert [str(p) for p in info.value.problems] == [f"{source}: cannot read: File name too long"]
