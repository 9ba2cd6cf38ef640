"""The committed agreement data in annotations/agreement/ reproduces from the annotation sets.

- ``agreement.json`` and the first table of ``agreement.md`` are exactly what ``bench agreement``
  computes from ``annotator_a/`` (the gold before adjudication) and ``annotator_b/`` (the second,
  independent annotation);
- the second table of ``agreement.md`` is exactly what it computes from the adjudicated gold in
  ``annotations/`` and ``annotator_b/``;
- the before/after table in ``ADJUDICATION.md`` shows those two computations;
- both annotation sets are what their drafts resolve to, so no offset in them was typed by hand;
- every gold file in ``annotations/`` is what its draft resolves to (adjudication decisions are
  applied through the drafts), and the rules the adjudication added to the guidelines hold in
  every gold file (checks that a schema cannot express; see GUIDELINES.md section 16).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.agreement import compare_paths, format_markdown
from bench.authoring import resolve_draft
from bench.jsonio import annotation_from_dict, dump_annotation, load_annotation
from bench.model import Mode, Polarity, RelationType
from bench.text import normalize

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT = ROOT / "annotations" / "agreement"
A_DIR = "annotations/agreement/annotator_a"
B_DIR = "annotations/agreement/annotator_b"
GOLD_DIR = "annotations"
GOLD_FILES = sorted((ROOT / "annotations").glob("*.json"))
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


def test_committed_post_adjudication_json_reproduces(at_root):
    committed = json.loads((AGREEMENT / "agreement_adjudicated.json").read_text(encoding="utf-8"))
    report = compare_paths(GOLD_DIR, B_DIR)
    assert set(report.documents) == DOUBLY_ANNOTATED
    assert report.to_dict() == committed


def test_committed_post_adjudication_markdown_reproduces(at_root):
    text = (AGREEMENT / "agreement.md").read_text(encoding="utf-8")
    before, after = text.split("## After adjudication", 1)
    assert format_markdown(compare_paths(A_DIR, B_DIR)) in before
    assert format_markdown(compare_paths(GOLD_DIR, B_DIR)) in after


def test_adjudication_log_figures_are_the_computed_ones(at_root):
    """The before/after table at the top of ADJUDICATION.md, row by row."""
    log = (AGREEMENT / "ADJUDICATION.md").read_text(encoding="utf-8")
    pre, post = compare_paths(A_DIR, B_DIR), compare_paths(GOLD_DIR, B_DIR)

    def rows(report):
        out = {f"pair F1, {t}": report.relations[t].f1 for t in report.relations}
        out["pair F1, micro"] = report.micro.f1
        out["Cohen's kappa, realis"] = report.realis_kappa
        out["Cohen's kappa, polarity"] = report.polarity_kappa
        out["mention span F1"] = report.mentions.f1
        return out

    a, b = rows(pre), rows(post)
    for name in a:
        assert f"| {name} | {a[name]:.3f} | {b[name]:.3f} |" in log, name


def test_adjudication_summary_table_adds_up():
    log = (AGREEMENT / "ADJUDICATION.md").read_text(encoding="utf-8")
    table = log.split("| kind | count |", 1)[1].split("\n\n", 1)[0]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.splitlines()[2:]]
    body, total = rows[:-1], rows[-1]
    for r in body:
        assert int(r[1]) == sum(int(x) for x in r[2:]), r[0]
    for col in range(1, 6):
        assert int(total[col].strip("*")) == sum(int(r[col]) for r in body)


# --------------------------------------------------------------------------- the adjudicated gold


@pytest.fixture(scope="module")
def gold():
    return {p.stem: load_annotation(p) for p in GOLD_FILES}


def test_every_gold_file_is_what_its_draft_resolves_to(corpus):
    assert {p.stem for p in GOLD_FILES} == set(corpus.ids())
    for path in GOLD_FILES:
        draft = ROOT / "annotations" / "drafts" / f"{path.stem}.draft.json"
        assert _resolved(draft, corpus) == path.read_text(encoding="utf-8"), f"{path.name} differs from its draft"


def test_neg_relations_never_share_an_event_with_pos_relations(gold):
    """GUIDELINES 7.4: a meeting that did not happen is not part of an occasion that did."""
    for doc_id, ann in gold.items():
        pos = {r.event for r in ann.relations if r.polarity is Polarity.POS}
        for r in ann.relations:
            if r.polarity is Polarity.NEG:
                assert r.event not in pos, f"{doc_id} {r.id}: NEG relation in the event {r.event!r} of POS relations"


def test_every_argument_is_named_in_the_evidence(gold):
    """GUIDELINES 9: the evidence sentences hold a mention of the head and of the tail."""
    for doc_id, ann in gold.items():
        spans = {e.id: [(m.start, m.end) for m in e.mentions] for e in ann.entities}
        for r in ann.relations:
            for arg in (r.head, r.tail):
                assert any(s.start <= a and b <= s.end for a, b in spans[arg] for s in r.evidence.sentences), (
                    f"{doc_id} {r.id}: no evidence sentence names {arg!r}"
                )


def test_in_person_discussions_list_no_sentence_their_meeting_lacks(gold):
    """GUIDELINES 6.3 and 9: an in-person discussion comes with its met, whose evidence covers it."""
    for doc_id, ann in gold.items():
        for r in ann.relations:
            if r.type is not RelationType.DISCUSSED or r.mode is not Mode.IN_PERSON:
                continue
            meetings = [
                m for m in ann.relations
                if m.type is RelationType.MET and {m.head, m.tail} == {r.head, r.tail}
                and (m.polarity, m.realis, m.event, m.time) == (r.polarity, r.realis, r.event, r.time)
            ]
            assert meetings, f"{doc_id} {r.id}: in-person discussion without its met"
            assert set(r.evidence.sentences) <= set(meetings[0].evidence.sentences), f"{doc_id} {r.id}"


def test_negated_discussions_have_mode_unspecified(gold):
    """GUIDELINES 6.3: a discussion that did not take place was carried by no channel."""
    for doc_id, ann in gold.items():
        for r in ann.relations:
            if r.type is RelationType.DISCUSSED and r.polarity is Polarity.NEG:
                assert r.mode is Mode.UNSPECIFIED, f"{doc_id} {r.id}"


def test_no_alias_repeats_a_mention_text(gold):
    """GUIDELINES 4: aliases are the forms that are not mention texts."""
    for doc_id, ann in gold.items():
        for e in ann.entities:
            texts = {normalize(m.text) for m in e.mentions}
            assert not [a for a in e.aliases if normalize(a) in texts], f"{doc_id} {e.id}"


def test_dateline_credits_are_org_mentions(gold, corpus):
    """GUIDELINES 2: the agency credit of a dateline ("BERLIN, March 12 (Wire) --") is an ORG
    mention in every document that has one."""
    credit = re.compile(r"\((\w+)\)\s*(?:--|:|—)")
    seen = 0
    for doc_id, ann in gold.items():
        text = corpus.document(doc_id).text
        first_line = text[: text.find("\n", text.find("\n") + 1)]
        for m in credit.finditer(first_line):
            seen += 1
            orgs = {(x.start, x.end) for e in ann.entities if e.type.value == "ORG" for x in e.mentions}
            assert (m.start(1), m.end(1)) in orgs, f"{doc_id}: dateline credit {m.group(1)!r} is not an ORG mention"
    assert seen >= 30


def test_a_place_named_only_in_the_dateline_is_never_a_destination(gold):
    """GUIDELINES 2 and 6.1: the dateline says where the report was filed. The constructed
    datelines spell the city in capitals ("BERLIN,"), so a GPE all of whose mentions are in
    capitals is named by the dateline alone."""
    checked = 0
    for doc_id, ann in gold.items():
        dateline_only = {e.id for e in ann.entities if e.type.value == "GPE" and all(m.text.isupper() for m in e.mentions)}
        checked += len(dateline_only)
        for r in ann.relations:
            assert not (r.type is RelationType.VISITED and r.tail in dateline_only), f"{doc_id} {r.id}"
    assert checked >= 10


# --------------------------------------------------------------------------- news-length study

NEWS = AGREEMENT / "news"
NEWS_DOCS = {"n002", "n006", "n010", "n014"}


def test_news_study_figures_reproduce(at_root):
    """agreement.md and agreement.json of the news-length study are what ``bench agreement``
    computes: before adjudication from the two annotators' sets, after from the gold."""
    before = compare_paths("annotations/agreement/news/annotator_a", "annotations/agreement/news/annotator_b")
    after = compare_paths(GOLD_DIR, "annotations/agreement/news/annotator_b")
    assert set(before.documents) == set(after.documents) == NEWS_DOCS
    assert before.to_dict() == json.loads((NEWS / "agreement.json").read_text(encoding="utf-8"))
    text = (NEWS / "agreement.md").read_text(encoding="utf-8")
    first, second = text.split("## After adjudication", 1)
    assert format_markdown(before) in first
    assert format_markdown(after) in second
    log = (NEWS / "ADJUDICATION.md").read_text(encoding="utf-8")
    rows = {"pair F1, micro": (before.micro.f1, after.micro.f1), "pair F1, met": (before.relations["met"].f1, after.relations["met"].f1),
            "Cohen's kappa, realis": (before.realis_kappa, after.realis_kappa),
            "Cohen's kappa, polarity": (before.polarity_kappa, after.polarity_kappa)}
    for name, (x, y) in rows.items():
        assert f"| {name} | {x:.3f} | {y:.3f} |" in log, name


def test_news_study_second_annotation_is_what_its_drafts_resolve_to(corpus):
    for path in sorted((NEWS / "annotator_b").glob("*.json")):
        draft = NEWS / "annotator_b" / "drafts" / f"{path.stem}.draft.json"
        assert _resolved(draft, corpus) == path.read_text(encoding="utf-8"), path.name
