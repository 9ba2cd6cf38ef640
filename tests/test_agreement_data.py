"""The committed agreement data in annotations/agreement/ reproduces from the annotation sets.

- ``agreement.json`` and the first table of ``agreement.md`` are exactly what ``bench agreement``
  computes from ``annotator_a/`` (the gold before adjudication) and ``annotator_b/`` (the second,
  independent annotation);
- the second table of ``agreement.md`` is exactly what it computes from the adjudicated gold in
  ``annotations/`` and ``annotator_b/``;
- both annotation sets are what their drafts resolve to, so no offset in them was typed by hand;
- every gold file in ``annotations/`` is what its draft resolves to (adjudication decisions are
  applied through the drafts).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.agreement import compare_paths, format_markdown
from bench.authoring import resolve_draft
from bench.jsonio import annotation_from_dict, dump_annotation

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT = ROOT / "annotations" / "agreement"
A_DIR = "annotations/agreement/annotator_a"
B_DIR = "annotations/agreement/annotator_b"
DOUBLY_ANNOTATED = {
    "000_12a61b80a6d06b2b", "c002", "c005", "c009", "c013", "c018", "c023", "c028", "c033", "c038",
}


@pytest.fixture()
def at_root(monkeypatch):
    """The reports name their inputs by the paths given, so compute them from the project root
    with the same relative paths the committed files were made with."""
    monkeypatch.chdir(ROOT)


def _resolved(draft_path: Path, corpus) -> str:
    draft = json.loads(draft_path.read_text(encoding="utf-8"))
    gold = resolve_draft(draft, corpus.document(draft["doc_id"]), str(draft_path))
    return dump_annotation(annotation_from_dict(gold, str(draft_path)))


def test_both_sets_cover_the_same_ten_documents():
    for side in ("annotator_a", "annotator_b"):
        assert {p.stem for p in (AGREEMENT / side).glob("*.json")} == DOUBLY_ANNOTATED
        assert {p.name.removesuffix(".draft.json") for p in (AGREEMENT / side / "drafts").glob("*.draft.json")} == DOUBLY_ANNOTATED


@pytest.mark.parametrize("side", ["annotator_a", "annotator_b"])
def test_each_annotation_set_is_what_its_drafts_resolve_to(side, corpus):
    for doc_id in sorted(DOUBLY_ANNOTATED):
        draft = AGREEMENT / side / "drafts" / f"{doc_id}.draft.json"
        committed = (AGREEMENT / side / f"{doc_id}.json").read_text(encoding="utf-8")
        assert _resolved(draft, corpus) == committed, f"{side}/{doc_id}.json differs from its draft"


def test_the_two_sets_are_by_different_annotators():
    for doc_id in DOUBLY_ANNOTATED:
        a = json.loads((AGREEMENT / "annotator_a" / f"{doc_id}.json").read_text(encoding="utf-8"))
        b = json.loads((AGREEMENT / "annotator_b" / f"{doc_id}.json").read_text(encoding="utf-8"))
        assert b["annotator"] == "b"
        assert a.get("annotator") != "b"


def test_committed_pre_adjudication_json_reproduces(at_root):
    committed = json.loads((AGREEMENT / "agreement.json").read_text(encoding="utf-8"))
    assert compare_paths(A_DIR, B_DIR).to_dict() == committed


def test_committed_pre_adjudication_markdown_reproduces(at_root):
    text = (AGREEMENT / "agreement.md").read_text(encoding="utf-8")
    assert format_markdown(compare_paths(A_DIR, B_DIR)) in text
