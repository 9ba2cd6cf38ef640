"""Inter-annotator agreement: cluster matching, pair-level F1, Cohen's kappa (checked against
scikit-learn), mention F1, the disagreement list and the command."""

from __future__ import annotations

import json
import math
import random
import warnings

import pytest
from sklearn.metrics import cohen_kappa_score

from bench.agreement import (
    PRF,
    cohen_kappa,
    compare,
    compare_paths,
    load_annotation_set,
    match_entities,
)
from bench.cli import main
from bench.errors import InputError
from bench.jsonio import save_annotation
from bench.model import (
    Annotation,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Mode,
    Polarity,
    Realis,
    Relation,
    RelationType,
    Topic,
)

TEXT = "Ana Silva met Kofi Mensah in Lima. Silva flew to Quito. Mensah phoned Ines Park about trade."


def _m(text: str, nth: int = 1) -> Mention:
    start = -1
    for _ in range(nth):
        start = TEXT.index(text, start + 1)
    return Mention(start, start + len(text), text)


def _ent(eid, etype, name, *mentions):
    return Entity(eid, EntityType(etype), name, tuple(mentions))


def _rel(rid, rtype, head, tail, realis="ACTUAL", polarity="POS", **kw):
    return Relation(rid, RelationType(rtype), head, tail, Polarity(polarity), Realis(realis), Evidence(), **kw)


ENTITIES_A = (
    _ent("ana", "PER", "Ana Silva", _m("Ana Silva"), _m("Silva", 2)),
    _ent("kofi", "PER", "Kofi Mensah", _m("Kofi Mensah"), _m("Mensah", 2)),
    _ent("lima", "GPE", "Lima", _m("Lima")),
    _ent("quito", "GPE", "Quito", _m("Quito")),
    _ent("ines", "PER", "Ines Park", _m("Ines Park")),
)
TRADE = (Topic("trade", (_m("trade"),)),)
A = Annotation("d1", ENTITIES_A, (
    _rel("R1", "met", "ana", "kofi"),
    _rel("R2", "visited", "ana", "quito"),
    _rel("R3", "discussed", "kofi", "ines", mode=Mode.PHONE, topics=TRADE),
))

# B: other ids; "Silva" missed; Kofi's cluster only shares an overlapping span; Quito found by
# name only (at other offsets); met written the other way round; the discussion is PLANNED;
# an extra visit to Lima; no Ines Park cluster at all.
ENTITIES_B = (
    _ent("p1", "PER", "Ana Silva", _m("Ana Silva")),
    _ent("p2", "PER", "Kofi Mensah", Mention(_m("Kofi Mensah").start, _m("Kofi Mensah").end - 1, "Kofi Mensa")),
    _ent("g1", "GPE", "Lima", _m("Lima")),
    _ent("g2", "LOC", "Quito", Mention(0, 3, "Ana")),
)
B = Annotation("d1", ENTITIES_B, (
    _rel("R1", "met", "p2", "p1"),
    _rel("R2", "visited", "p1", "g2"),
    _rel("R3", "visited", "p1", "g1"),
))


def test_entities_match_by_mentions_then_by_name():
    assert match_entities(A, B) == {"ana": "p1", "kofi": "p2", "lima": "g1", "quito": "g2"}


def test_hand_computed_agreement():
    r = compare({"d1": A}, {"d1": B})
    assert r.relations["met"] == PRF(1, 0, 0)  # unordered participants
    assert r.relations["visited"] == PRF(1, 1, 0)  # the Lima visit is only in B
    assert r.relations["discussed"] == PRF(0, 0, 1)  # Ines Park is not a cluster in B
    assert r.micro == PRF(2, 1, 1)
    assert r.micro.f1 == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    # mentions: A has 7, B 4; shared spans: "Ana Silva", "Lima"
    assert r.mentions == PRF(2, 2, 5)
    assert r.typed_mentions == PRF(2, 2, 5)
    assert r.entities == PRF(4, 0, 1)
    assert r.realis_pairs == (("ACTUAL", "ACTUAL"), ("ACTUAL", "ACTUAL"))
    d = r.disagreements
    assert [x["head"] for x in d["relations_only_in_a"]] == ["Kofi Mensah"]
    assert [(x["type"], x["tail"]) for x in d["relations_only_in_b"]] == [("visited", "Lima")]
    assert [x["name"] for x in d["entities_only_in_a"]] == ["Ines Park"]
    assert d["entity_types"] == [{"doc": "d1", "a": {"id": "quito", "name": "Quito", "type": "GPE"}, "b": {"id": "g2", "name": "Quito", "type": "LOC"}}]


def test_attribute_differences_and_kappa():
    b = Annotation("d1", ENTITIES_A, (
        _rel("R1", "met", "kofi", "ana", realis="PLANNED"),
        _rel("R2", "visited", "ana", "quito", polarity="NEG"),
        _rel("R3", "discussed", "kofi", "ines", mode=Mode.VIDEO, topics=(Topic("trade deal", (_m("trade"),)),)),
    ))
    r = compare({"d1": A}, {"d1": b})
    assert r.micro == PRF(3, 0, 0)
    got = {(x["type"], x["attribute"]): (x["a"], x["b"]) for x in r.disagreements["attributes"]}
    assert got == {
        ("met", "realis"): ("ACTUAL", "PLANNED"),
        ("visited", "polarity"): ("POS", "NEG"),
        ("discussed", "mode"): ("phone", "video"),
        ("discussed", "topics"): (["trade"], ["trade deal"]),
    }
    realis_a = [x for x, _ in r.realis_pairs]
    realis_b = [y for _, y in r.realis_pairs]
    assert r.realis_kappa == pytest.approx(cohen_kappa_score(realis_a, realis_b))


def test_f1_is_symmetric_and_precision_recall_swap():
    ab, ba = compare({"d1": A}, {"d1": B}), compare({"d1": B}, {"d1": A})
    assert ab.micro.f1 == ba.micro.f1
    assert (ab.micro.precision, ab.micro.recall) == (ba.micro.recall, ba.micro.precision)
    assert ab.mentions.f1 == ba.mentions.f1


def test_the_corpus_gold_agrees_with_itself():
    from bench.corpus import PROJECT_ROOT

    folder = PROJECT_ROOT / "annotations"
    r = compare_paths(folder, folder)
    assert r.documents and not r.only_in_a and not r.only_in_b
    assert r.micro.f1 == 1.0 and r.mentions.f1 == 1.0 and r.entities.f1 == 1.0
    assert r.polarity_kappa in (1.0, None) and r.realis_kappa in (1.0, None)
    assert all(v == [] for v in r.disagreements.values())


@pytest.mark.parametrize("seed", range(25))
def test_kappa_matches_scikit_learn(seed):
    rng = random.Random(seed)
    labels = ["ACTUAL", "PLANNED", "OTHER", "GENERIC"][: rng.randint(2, 4)]
    n = rng.randint(1, 60)
    a = [rng.choice(labels) for _ in range(n)]
    b = [x if rng.random() < 0.7 else rng.choice(labels) for x in a]
    ours = cohen_kappa(a, b)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn warns when kappa is undefined (one label)
        theirs = cohen_kappa_score(a, b)
    if ours is None:
        assert math.isnan(theirs)
    else:
        assert ours == pytest.approx(theirs)


def test_kappa_edge_cases():
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["POS", "POS"], ["POS", "POS"]) is None  # chance agreement 1: undefined
    assert cohen_kappa(["POS", "NEG"], ["POS", "NEG"]) == 1.0
    assert cohen_kappa(["POS", "NEG"], ["NEG", "POS"]) == -1.0
    with pytest.raises(ValueError):
        cohen_kappa(["POS"], [])


def test_prf_zero_division_is_undefined_not_zero():
    assert PRF().f1 is None and PRF().precision is None
    assert PRF(0, 0, 3).precision is None and PRF(0, 0, 3).recall == 0.0 and PRF(0, 0, 3).f1 == 0.0


def test_loading_reports_problems_with_the_file(tmp_path):
    save_annotation(A, tmp_path / "d1.json")
    save_annotation(A, tmp_path / "copy.json")
    with pytest.raises(InputError, match="also annotated"):
        load_annotation_set(tmp_path)
    (tmp_path / "copy.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"copy\.json.*invalid JSON"):
        load_annotation_set(tmp_path)
    with pytest.raises(InputError, match="not found"):
        load_annotation_set(tmp_path / "missing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no .json"):
        load_annotation_set(empty)


@pytest.fixture
def two_sets(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    save_annotation(A, a / "d1.json")
    save_annotation(B, b / "d1.json")
    save_annotation(Annotation("d2", (), ()), a / "d2.json")
    return a, b


def test_command_formats(two_sets, tmp_path, capsys):
    a, b = two_sets
    assert main(["agreement", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "only in A (not compared): d2" in out and "micro" in out and "Cohen's kappa, realis" in out
    assert "only in B: d1: visited(Ana Silva, Lima) POS ACTUAL" in out
    assert main(["agreement", str(a), str(b), "--format", "md"]) == 0
    assert "| micro |" in capsys.readouterr().out
    target = tmp_path / "report.json"
    assert main(["agreement", str(a), str(b), "--format", "json", "--output", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["relations"]["micro"]["f1"] == round(2 / 3, 4)
    assert data["documents"] == ["d1"] and data["only_in_a"] == ["d2"]
    assert data["realis"]["matched_relations"] == 2


def test_command_refuses_files_of_two_documents(two_sets, capsys):
    a, b = two_sets
    assert main(["agreement", str(a / "d2.json"), str(b / "d1.json")]) == 2
    assert "compare two annotations of one document" in capsys.readouterr().err
    assert main(["agreement", str(a / "d1.json"), str(b / "d1.json")]) == 0
