"""The templates: every capability on both sides, and no template on both sides."""

from __future__ import annotations

import re

import pytest

from bench.challenge import CAPABILITIES, TEMPLATES, templates
from bench.challenge.templates import SIDES, TEST, TRAIN


def test_template_ids_are_unique():
    ids = [t.id for t in TEMPLATES]
    assert len(ids) == len(set(ids))


def test_every_template_has_a_known_side_and_capability():
    for t in TEMPLATES:
        assert t.side in SIDES, t.id
        assert t.capability in CAPABILITIES, t.id


def test_training_and_test_templates_are_disjoint_by_id_and_by_text():
    train, test = templates(TRAIN), templates(TEST)
    assert {t.id for t in train}.isdisjoint({t.id for t in test})
    assert {t.text for t in train}.isdisjoint({t.text for t in test})
    # also after removing markup: the same sentence pattern must not hide behind other brackets
    def bare(text):
        return re.sub(r"[\[\]<>]|\|[A-Z]>", "", text)

    assert {bare(t.text) for t in train}.isdisjoint({bare(t.text) for t in test})


@pytest.mark.parametrize("capability", list(CAPABILITIES))
def test_every_capability_has_templates_on_both_sides(capability):
    assert len(templates(TEST, capability)) >= 4
    assert len(templates(TRAIN, capability)) >= 3


def test_templates_filter_by_side_and_capability():
    got = templates(TEST, "negation")
    assert got and all(t.side == TEST and t.capability == "negation" for t in got)
    assert len(templates()) == len(TEMPLATES)
