"""oracle.v1 emits the gold: every relation with its attributes, arguments taken from the
evidence sentence, nothing for documents without gold, and a clear error on changed text."""

from __future__ import annotations

import pytest

from bench.authoring import resolve_draft
from bench.conformance import check_extractor
from bench.corpus import document_from_text
from bench.errors import InputError
from bench.extractors.oracle import OracleExtractor
from bench.jsonio import annotation_from_dict, save_annotation
from bench.model import Mode, Polarity, Realis, RelationType, Span

TEXT = (
    " date 2024-03-05 Anna Berglund met Markus Feldmann in Vienna. "
    "Later Feldmann said Berglund had discussed energy prices with him. "
    "Berglund did not travel to Prague."
)
DRAFT = {
    "doc_id": "d1",
    "entities": [
        {"id": "E1", "type": "PER", "name": "Anna Berglund", "mentions": ["Anna Berglund", "Berglund"]},
        {"id": "E2", "type": "PER", "name": "Markus Feldmann", "mentions": ["Markus Feldmann", "Feldmann"]},
        {"id": "E3", "type": "GPE", "name": "Vienna", "mentions": ["Vienna"]},
        {"id": "E4", "type": "GPE", "name": "Prague", "mentions": ["Prague"]},
    ],
    "relations": [
        {"type": "met", "head": "E1", "tail": "E2", "trigger": "met"},
        {"type": "discussed", "head": "E1", "tail": "E2", "trigger": "discussed", "mode": "in_person",
         "topics": [{"label": "energy", "text": "energy prices"}]},
        {"type": "visited", "head": "E1", "tail": "E4", "trigger": "travel", "polarity": "NEG", "realis": "OTHER"},
    ],
}


@pytest.fixture
def gold_dir(tmp_path):
    doc = document_from_text("d1", TEXT)
    save_annotation(annotation_from_dict(resolve_draft(DRAFT, doc)), tmp_path / "d1.json")
    return tmp_path


def test_emits_every_gold_relation_with_attributes(gold_dir):
    doc = document_from_text("d1", TEXT)
    met, discussed, visited = OracleExtractor(gold=str(gold_dir)).extract([doc])
    assert (met.type, met.head.text, met.tail.text) == (RelationType.MET, "Anna Berglund", "Markus Feldmann")
    assert met.polarity is Polarity.POS and met.realis is Realis.ACTUAL
    assert doc.text[met.trigger.start : met.trigger.end] == "met"
    # the arguments of the second relation come from its own evidence sentence
    assert (discussed.head.text, discussed.tail.text) == ("Berglund", "Feldmann")
    assert discussed.head.start > TEXT.index("Later")
    assert discussed.mode is Mode.IN_PERSON
    assert [(t.text, t.label) for t in discussed.topics] == [("energy prices", "energy")]
    assert discussed.evidence == (Span(TEXT.index("Later"), TEXT.index(" Berglund did")),)
    # NEG and OTHER relations are emitted too (strict tier scores against the whole gold)
    assert visited.polarity is Polarity.NEG and visited.realis is Realis.OTHER


def test_documents_without_gold_give_nothing(gold_dir):
    docs = [document_from_text("elsewhere", "Anna Berglund met Markus Feldmann."), document_from_text("d1", TEXT)]
    out = list(OracleExtractor(gold=str(gold_dir)).extract(docs))
    assert {r.doc_id for r in out} == {"d1"} and len(out) == 3


def test_changed_text_is_refused(gold_dir):
    changed = document_from_text("d1", TEXT.replace("Anna", "Anne"))
    with pytest.raises(InputError, match="does not match document 'd1'"):
        list(OracleExtractor(gold=str(gold_dir)).extract([changed]))


def test_conforms(gold_dir):
    check_extractor(OracleExtractor(gold=str(gold_dir)))
    check_extractor(OracleExtractor())


def test_corpus_gold_round_trips(corpus):
    """For every bundled document with gold, the oracle emits exactly its relations."""
    oracle = OracleExtractor()
    for doc_id in corpus.ids():
        if not corpus.annotation_path(doc_id).is_file():
            continue
        gold = corpus.annotation(doc_id)
        out = list(oracle.extract([corpus.document(doc_id)]))
        assert [(r.type, r.polarity, r.realis) for r in out] == [(g.type, g.polarity, g.realis) for g in gold.relations]
