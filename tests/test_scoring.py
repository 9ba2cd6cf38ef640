"""The scorer: hand-computed cases for every tier, the zero-division and macro rules,
hypothesis properties, and a cross-check against scikit-learn."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scorer_cases import SENT, TEXT, D, M, V, arg, entity, pred, relation, span_of, standard
from sklearn.metrics import precision_recall_fscore_support

from bench.errors import ParameterError
from bench.model import (
    Annotation,
    ArgumentRef,
    Document,
    EntityType,
    Polarity,
    PredictedRelation,
    Realis,
    RelationType,
)
from bench.scoring import (
    SCORER_VERSION,
    TIERS,
    TYPE_NAMES,
    Scorer,
    ScoringConfig,
    gold_as_predictions,
    match_topics,
    prf,
    score_corpus,
    tier_metrics,
)


def score(preds, tiers=TIERS, zero_division=0.0, cases=None):
    cases = cases or [standard()]
    docs = {d.id: d for d, _ in cases}
    gold = {a.doc_id: a for _, a in cases}
    return score_corpus(docs, gold, preds, tiers=tiers, zero_division=zero_division)


def counts(s, tier) -> dict[str, tuple[int, int, int]]:
    tot = s.totals(tier)
    return {n: tuple(int(x) for x in tot[i]) for i, n in enumerate(TYPE_NAMES)}


def a(selector):
    return arg(TEXT, selector)


# --------------------------------------------------------------------------- pair tier


def test_pair_tier_hand_computed():
    preds = [
        pred("d1", V, a("Lavrov#1"), a("Beijing")),  # TP
        pred("d1", M, a("Wang Yi"), a("Lavrov#2")),  # TP, arguments in the other order
        pred("d1", M, "Sergei Lavrov", "Wang Yi"),  # duplicate of the previous key: counts once
        pred("d1", M, a("Lavrov#3"), a("Blinken")),  # FP, trap (gold R4 is NEG)
        pred("d1", V, "Putin", "Pyongyang"),  # ignored: gold R5 is realis OTHER
        pred("d1", D, "Lavrov", "Putin"),  # FP
        pred("d1", M, "Lavrov", "Wang Yi", polarity="NEG"),  # NEG prediction: ignored by pair
    ]
    s = score(preds)
    assert counts(s, "pair") == {"visited": (1, 0, 0), "met": (1, 1, 0), "discussed": (0, 1, 1)}
    micro = s.metrics("pair")["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (2, 2, 1)
    assert micro["precision"] == pytest.approx(2 / 4)
    assert micro["recall"] == pytest.approx(2 / 3)
    assert micro["f1"] == pytest.approx(2 * 2 / (2 * 2 + 2 + 1))
    assert s.tallies["pair"] == {"trap_hits": 1, "ignored": 1}
    assert s.alignment["negative"] == 1
    assert s.alignment["duplicates"] == 1


def test_visited_is_directional_met_and_discussed_are_not():
    s = score([pred("d1", V, "Beijing", "Lavrov"), pred("d1", D, "Wang Yi", "Lavrov")])
    assert counts(s, "pair")["visited"] == (0, 1, 1)
    assert counts(s, "pair")["discussed"] == (1, 0, 0)


def test_documents_without_predictions_count_their_gold_as_missed():
    s = score([], cases=[standard("d1"), standard("d2")])
    assert counts(s, "pair") == {"visited": (0, 0, 2), "met": (0, 0, 2), "discussed": (0, 0, 2)}


def test_predictions_for_unscored_documents_are_counted_not_scored():
    s = score([pred("elsewhere", V, "Lavrov", "Beijing")])
    assert s.alignment["outside_documents"] == 1
    assert counts(s, "pair")["visited"] == (0, 0, 1)


def test_gold_duplicates_are_one_unit():
    doc, ann = standard()
    extra = relation(TEXT, "R9", V, "L", "B", sentence=0)  # a second visit, same key
    ann = dataclasses.replace(ann, relations=(*ann.relations, extra))
    s = score([pred("d1", V, "Lavrov", "Beijing")], cases=[(doc, ann)])
    assert counts(s, "pair")["visited"] == (1, 0, 0)


# --------------------------------------------------------------------------- strict tier


def test_strict_tier_hand_computed():
    preds = [
        pred("d1", V, "Lavrov", "Beijing", realis="ACTUAL"),  # TP
        pred("d1", V, "Putin", "Pyongyang", realis="OTHER"),  # TP: strict scores all gold
        pred("d1", M, "Lavrov", "Blinken", realis="ACTUAL", polarity="NEG"),  # TP: NEG claim
        pred("d1", M, "Lavrov", "Wang Yi"),  # FP: missing realis never matches; R2 missed
        pred("d1", D, "Lavrov", "Wang Yi", realis="PLANNED"),  # FP: wrong realis; R3 missed
    ]
    s = score(preds)
    assert counts(s, "strict") == {"visited": (2, 0, 0), "met": (1, 1, 1), "discussed": (0, 1, 1)}
    # pair ignores the NEG prediction and the OTHER gold; realis does not matter there
    assert counts(s, "pair") == {"visited": (1, 0, 0), "met": (1, 0, 0), "discussed": (1, 0, 0)}


def test_strict_missing_polarity_is_a_positive_claim():
    s = score([pred("d1", M, "Lavrov", "Blinken", realis="ACTUAL")])
    assert counts(s, "strict")["met"] == (0, 1, 2)


# --------------------------------------------------------------------------- lenient tier


def test_lenient_backs_off_from_the_country_to_the_city():
    s = score([pred("d1", V, "Lavrov", "China")])
    assert counts(s, "pair")["visited"] == (0, 1, 1)
    assert counts(s, "lenient")["visited"] == (1, 0, 0)


def test_lenient_backs_off_from_the_city_to_the_country():
    text = "Lavrov visited Beijing in China."
    ann = Annotation(
        "d2",
        (
            entity(text, "L", "Lavrov", ["Lavrov"]),
            entity(text, "B", "Beijing", ["Beijing"], EntityType.GPE, part_of="C"),
            entity(text, "C", "China", ["China"], EntityType.GPE),
        ),
        (relation(text, "R1", V, "L", "C", sentence=0),),
    )
    s = score([pred("d2", V, "Lavrov", "Beijing")], cases=[(Document("d2", text), ann)])
    assert counts(s, "pair")["visited"] == (0, 1, 1)
    assert counts(s, "lenient")["visited"] == (1, 0, 0)


def test_lenient_never_matches_a_sibling_and_is_one_to_one():
    s = score([pred("d1", V, "Lavrov", "Shanghai")])
    assert counts(s, "lenient")["visited"] == (0, 1, 1)
    # the exact match takes the gold; the back-off one is left over as a false positive
    s = score([pred("d1", V, "Lavrov", "Beijing"), pred("d1", V, "Lavrov", "China")])
    assert counts(s, "lenient")["visited"] == (1, 1, 0)


# --------------------------------------------------------------------------- topic tier


def test_topic_tier_hand_computed():
    p = pred("d1", D, "Lavrov", "Wang Yi", topics=["Ukraine war", "Gaza", "the Middle East situation"])
    s = score([p])
    # "Ukraine war" ~ label "ukraine war" (Dice 1.0); "the Middle East situation" ~ "the
    # Middle East" (Dice 6/7); "Gaza" matches nothing.
    assert counts(s, "topic")["discussed"] == (2, 1, 0)
    s = score([pred("d1", D, "Lavrov", "Wang Yi", topics=["the war"])])
    # {the, war} vs {the, war, in, ukraine}: Dice 4/6 >= 0.5
    assert counts(s, "topic")["discussed"] == (1, 0, 1)
    s = score([pred("d1", D, "Lavrov", "Wang Yi", topics=["war"])])
    # {war} vs {ukraine, war}: 2/3; vs {the, war, in, ukraine}: 2/5
    assert counts(s, "topic")["discussed"] == (1, 0, 1)
    s = score([pred("d1", D, "Lavrov", "Wang Yi", topics=["peace talks"])])
    assert counts(s, "topic")["discussed"] == (0, 1, 2)


def test_topic_duplicates_count_once_and_only_pair_matches_are_scored():
    p1 = pred("d1", D, "Lavrov", "Wang Yi", topics=["Ukraine war", "the war in Ukraine"])
    p2 = pred("d1", D, "Wang Yi", "Lavrov", topics=["ukraine war"])
    s = score([p1, p2])
    assert counts(s, "topic")["discussed"] == (1, 0, 1)
    s = score([pred("d1", D, "Lavrov", "Putin", topics=["Ukraine war"])])  # pair FP
    assert counts(s, "topic")["discussed"] == (0, 0, 0)


def test_topics_and_evidence_of_an_other_realis_relation_of_the_same_pair_are_optional():
    doc, ann = standard()
    hoped = relation(
        TEXT, "R6", D, "L", "W", realis="OTHER", sentence=4,
        topics=[("pyongyang", ["Pyongyang"])],
    )
    case = (doc, dataclasses.replace(ann, relations=(*ann.relations, hoped)))
    both = pred("d1", D, "Lavrov", "Wang Yi", topics=["Ukraine war", "Pyongyang"], evidence=(SENT[2], SENT[4]))
    s = score([both], cases=[case])
    assert counts(s, "topic")["discussed"] == (1, 0, 1)  # Pyongyang: neither TP nor FP
    assert counts(s, "evidence")["discussed"] == (1, 0, 0)  # sentence 4: neither TP nor FP
    s = score([pred("d1", D, "Lavrov", "Wang Yi", topics=["Pyongyang"])], cases=[case])
    assert counts(s, "topic")["discussed"] == (0, 0, 2)  # not required either


def test_match_topics_is_one_to_one_by_highest_dice():
    gold = [[["ukraine", "war"]], [["war", "crimes"]]]
    # "war crimes" goes to the second gold topic, "ukraine war" to the first.
    assert match_topics([("war", "crimes"), ("ukraine", "war")], gold) == (2, 0, 0)
    assert match_topics([], gold) == (0, 0, 2)


# --------------------------------------------------------------------------- evidence tier


def test_evidence_tier_hand_computed():
    s0, s1 = SENT[0], SENT[1]
    partial = span_of(TEXT, "visited Beijing")
    preds = [
        # gold sentence 0 (TP, a partial span counts for its sentence) and sentence 1 (FP)
        pred("d1", V, "Lavrov", "Beijing", evidence=(partial, s1)),
        # no evidence, no trigger: gold sentence 1 missed
        pred("d1", M, "Lavrov", "Wang Yi"),
        # trigger only: its sentence is the evidence (sentence 2, TP)
        pred("d1", D, "Lavrov", "Wang Yi", trigger=span_of(TEXT, "discussed")),
        # a pair-tier FP: its evidence is not scored
        pred("d1", M, "Lavrov", "Putin", evidence=(s0,)),
    ]
    s = score(preds)
    assert counts(s, "evidence") == {"visited": (1, 1, 0), "met": (0, 0, 1), "discussed": (1, 0, 0)}


def test_evidence_span_covering_two_sentences_counts_for_both():
    both = type(SENT[0])(SENT[0].start, SENT[1].end)
    s = score([pred("d1", V, "Lavrov", "Beijing", evidence=(both,))])
    assert counts(s, "evidence")["visited"] == (1, 1, 0)


# --------------------------------------------------------------------------- metrics rules


def test_zero_division_default_is_zero_and_is_recorded():
    s = score([])
    micro = s.metrics("pair")["micro"]
    assert micro["precision"] == 0.0 and micro["recall"] == 0.0 and micro["f1"] == 0.0
    assert micro["zero_division"] == ["precision"]
    s1 = score([], zero_division=1.0)
    assert s1.metrics("pair")["micro"]["precision"] == 1.0
    assert s1.metrics("pair")["micro"]["f1"] == 0.0  # 2tp/(2tp+fp+fn) is defined: 0
    assert s.config.to_dict()["zero_division"] == 0.0
    assert s.config.hash != s1.config.hash


def test_prf_with_nothing_at_all():
    assert prf(0, 0, 0, 0.5) == {
        "precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 0, "fp": 0, "fn": 0,
        "zero_division": ["precision", "recall", "f1"],
    }


def test_macro_excludes_types_without_gold_or_predictions_and_says_so():
    totals = np.array([[1, 1, 0], [0, 0, 0], [0, 0, 2]])  # visited, met (empty), discussed
    m = tier_metrics(totals)
    assert m["macro"]["types"] == ["visited", "discussed"]
    assert m["macro"]["excluded_types"] == ["met"]
    assert m["macro"]["f1"] == pytest.approx((2 / 3 + 0.0) / 2)
    assert m["macro"]["precision"] == pytest.approx((0.5 + 0.0) / 2)
    assert (m["macro"]["tp"], m["macro"]["fp"], m["macro"]["fn"]) == (1, 1, 2)
    assert m["micro"]["f1"] == pytest.approx(2 / (2 + 1 + 2))


def test_parameter_errors_name_the_parameter_and_the_choices():
    with pytest.raises(ParameterError, match=r"The 'tier' parameter of score must be one of 'pair'.*got 'exact' instead"):
        ScoringConfig(tiers=("exact",))
    with pytest.raises(ParameterError, match="'zero_division'"):
        ScoringConfig(zero_division=2)
    with pytest.raises(ParameterError, match="'tier'"):
        score([], tiers=("pair",)).metrics("topic")


def test_pair_tier_is_always_scored_and_tiers_keep_their_order():
    s = score([], tiers=("evidence", "strict"))
    assert s.tiers == ("pair", "strict", "evidence")


def test_config_records_version_and_hash():
    c = ScoringConfig()
    assert SCORER_VERSION == "1.0.0"
    assert len(c.hash) == 16 and c.hash == ScoringConfig().hash
    assert ScoringConfig(topic_threshold=0.6).hash != c.hash


def test_details_off_gives_identical_counts():
    doc, ann = standard()
    preds = [pred("d1", V, "Lavrov", "China"), pred("d1", M, "Lavrov", "Blinken")]
    on = Scorer({"d1": doc}, {"d1": ann}).score(preds)
    off = Scorer({"d1": doc}, {"d1": ann}).score(preds, details=False)
    for t in TIERS:
        assert (on.counts[t] == off.counts[t]).all()
    assert off.errors is None and off.alignment is None


def test_oracle_on_the_standard_case_scores_one_everywhere():
    doc, ann = standard()
    s = score(gold_as_predictions(ann))
    for t in TIERS:
        micro = s.metrics(t)["micro"]
        assert micro["f1"] == 1.0, t
    assert counts(s, "strict") == {"visited": (2, 0, 0), "met": (2, 0, 0), "discussed": (1, 0, 0)}
    assert s.error_counts() == dict.fromkeys(s.error_counts(), 0)


def test_seed_gold_as_predictions_scores_one(corpus):
    ids = [i for i in corpus.ids() if corpus.annotation_path(i).exists()]
    gold = {i: corpus.annotation(i) for i in ids}
    docs = {i: corpus.document(i) for i in ids}
    preds = [p for ann in gold.values() for p in gold_as_predictions(ann)]
    s = score_corpus(docs, gold, preds)
    for t in TIERS:
        tot = s.totals(t)
        assert tot[:, 1].sum() == 0 and tot[:, 2].sum() == 0, t


# --------------------------------------------------------------------------- properties

NAMES = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]
TOPICS = [("trade", "trade deals"), ("ukraine war", "the war in Ukraine"), ("climate", "climate policy")]


@st.composite
def corpora(draw, min_docs=1, max_docs=4):
    """Random documents ("Alpha met Bravo. ...") with random gold and part_of links."""
    n_docs = draw(st.integers(min_docs, max_docs))
    cases = []
    for d in range(n_docs):
        k = draw(st.integers(2, len(NAMES)))
        names = NAMES[:k]
        pairs = draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), min_size=1, max_size=5))
        text = " ".join(f"{h} met {t} on {TOPICS[i % 3][1]}." for i, (h, t) in enumerate(pairs))
        present = [n for n in names if n in text]
        ents = []
        for i, n in enumerate(present):
            count = text.count(n)
            parent = draw(st.sampled_from([None, *present[:i]])) if i else None
            ents.append(entity(text, n[0], n, [f"{n}#{j + 1}" for j in range(count)], EntityType.GPE, part_of=parent[0] if parent else None))
        rels = []
        for r in range(draw(st.integers(0, 6))):
            h, t = draw(st.sampled_from(present)), draw(st.sampled_from(present))
            if h == t:
                continue
            rtype = draw(st.sampled_from(list(RelationType)))
            topics = []
            if rtype is RelationType.DISCUSSED:
                label, surface = TOPICS[draw(st.integers(0, 2))]
                if surface in text:
                    topics = [(label, [surface])]
            rels.append(
                relation(
                    text, f"R{r}", rtype, h[0], t[0],
                    polarity=draw(st.sampled_from(["POS", "POS", "NEG"])),
                    realis=draw(st.sampled_from(["ACTUAL", "PLANNED", "OTHER", "GENERIC"])),
                    sentence=text.count(".", 0, text.index(h)) if h in text else None,
                    topics=topics,
                )
            )
        doc_id = f"doc{d}"
        cases.append((Document(doc_id, text), Annotation(doc_id, tuple(ents), tuple(rels))))
    return cases


@st.composite
def systems(draw, cases):
    """Predictions: some gold relations (perturbed), some random pairs, some unaligned."""
    preds = []
    for doc, ann in cases:
        for p in gold_as_predictions(ann):
            if draw(st.booleans()):
                continue
            if draw(st.booleans()):
                p = dataclasses.replace(p, realis=None, polarity=draw(st.sampled_from([None, Polarity.NEG])))
            if draw(st.booleans()):
                p = dataclasses.replace(p, head=ArgumentRef(p.head.text), tail=ArgumentRef(p.tail.text))
            preds.append(p)
        names = [e.name for e in ann.entities] + ["Zulu"]
        for _ in range(draw(st.integers(0, 4))):
            preds.append(
                PredictedRelation(
                    doc.id, draw(st.sampled_from(list(RelationType))),
                    ArgumentRef(draw(st.sampled_from(names))), ArgumentRef(draw(st.sampled_from(names))),
                    draw(st.sampled_from([None, *Realis])),
                )
            )
    return preds


def _score_cases(cases, preds, **kw):
    return score_corpus({d.id: d for d, _ in cases}, {a.doc_id: a for _, a in cases}, preds, **kw)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.data())
def test_property_gold_as_predictions_is_perfect(data):
    cases = data.draw(corpora())
    preds = [p for _, ann in cases for p in gold_as_predictions(ann)]
    s = _score_cases(cases, preds)
    for t in TIERS:
        tot = s.totals(t).sum(axis=0)
        assert tot[1] == 0 and tot[2] == 0, (t, tot)
        if tot[0]:
            assert s.metrics(t)["micro"]["f1"] == 1.0


@SETTINGS
@given(st.data())
def test_property_order_of_documents_and_predictions_is_irrelevant(data):
    from bench.score_report import score_to_json
    from bench.stats import BootstrapConfig

    cases = data.draw(corpora())
    preds = data.draw(systems(cases))
    seed = data.draw(st.integers(0, 2**16))
    rng = random.Random(seed)
    shuffled_preds = preds[:]
    rng.shuffle(shuffled_preds)
    shuffled_cases = cases[:]
    rng.shuffle(shuffled_cases)
    one = score_to_json([_score_cases(cases, preds)], BootstrapConfig(resamples=20, rounds=20, min_docs=2), errors=True)
    two = score_to_json([_score_cases(shuffled_cases, shuffled_preds)], BootstrapConfig(resamples=20, rounds=20, min_docs=2), errors=True)
    assert one == two


@SETTINGS
@given(st.data())
def test_property_swapping_symmetric_arguments_changes_nothing(data):
    cases = data.draw(corpora())
    preds = data.draw(systems(cases))
    swapped = [
        dataclasses.replace(p, head=p.tail, tail=p.head) if p.type.symmetric else p for p in preds
    ]
    a, b = _score_cases(cases, preds), _score_cases(cases, swapped)
    for t in TIERS:
        assert (a.counts[t] == b.counts[t]).all(), t


@SETTINGS
@given(st.data())
def test_property_duplicating_every_document_keeps_micro_scores(data):
    cases = data.draw(corpora())
    preds = data.draw(systems(cases))
    copies = []
    copy_preds = []
    for doc, ann in cases:
        new = "copy-" + doc.id
        copies.append((dataclasses.replace(doc, id=new), dataclasses.replace(ann, doc_id=new)))
    copy_preds = [dataclasses.replace(p, doc_id="copy-" + p.doc_id) for p in preds]
    a = _score_cases(cases, preds)
    b = _score_cases(cases + copies, preds + copy_preds)
    for t in TIERS:
        ma, mb = a.metrics(t)["micro"], b.metrics(t)["micro"]
        for k in ("precision", "recall", "f1"):
            assert ma[k] == pytest.approx(mb[k]), (t, k)
        assert mb["tp"] == 2 * ma["tp"]


@SETTINGS
@given(st.data())
def test_property_adding_a_false_positive_never_raises_precision(data):
    cases = data.draw(corpora())
    preds = data.draw(systems(cases))
    doc_id = cases[0][0].id
    extra = PredictedRelation(doc_id, data.draw(st.sampled_from(list(RelationType))), ArgumentRef("Nobody Known"), ArgumentRef("Alpha"), Realis.ACTUAL)
    zd = data.draw(st.sampled_from([0.0, 1.0]))
    a = _score_cases(cases, preds, zero_division=zd)
    b = _score_cases(cases, [*preds, extra], zero_division=zd)
    for t in ("pair", "strict", "lenient"):
        assert b.metrics(t)["micro"]["precision"] <= a.metrics(t)["micro"]["precision"], t


@SETTINGS
@given(st.data())
def test_property_lenient_is_never_harsher_than_pair(data):
    cases = data.draw(corpora())
    preds = data.draw(systems(cases))
    s = _score_cases(cases, preds)
    pair, lenient = s.totals("pair"), s.totals("lenient")
    assert (lenient[:, 0] >= pair[:, 0]).all()
    assert (lenient[:, 1] <= pair[:, 1]).all()
    assert (lenient[:, 2] <= pair[:, 2]).all()


@SETTINGS
@given(st.data())
def test_property_pair_tier_equals_sklearn_on_the_binary_labelling(data):
    """Each distinct (doc, type, key) is an item: y_true = it is a gold positive, y_pred = it
    was predicted (and is not ignored). sklearn's binary P/R/F1 must equal the pair tier."""
    cases = data.draw(corpora())
    preds = data.draw(systems(cases))
    zd = data.draw(st.sampled_from([0.0, 1.0]))
    s = _score_cases(cases, preds, zero_division=zd)
    gold_pos, gold_ignored, predicted = set(), set(), set()
    from bench.alignment import DocumentAligner

    def key(doc, rtype, h, t):
        return (doc, rtype.value, *((h, t) if rtype is RelationType.VISITED else sorted((h, t))))

    for doc, ann in cases:
        for r in ann.relations:
            k = key(doc.id, r.type, r.head, r.tail)
            (gold_pos if r.is_gold_positive else gold_ignored if r.polarity is Polarity.POS else set()).add(k)
        al = DocumentAligner(ann)
        for p in preds:
            if p.doc_id == doc.id and p.polarity is not Polarity.NEG:
                predicted.add(key(doc.id, p.type, al.key(p.head), al.key(p.tail)))
    gold_ignored -= gold_pos
    predicted -= gold_ignored
    for typ in (None, *TYPE_NAMES):
        items = sorted(k for k in gold_pos | predicted if typ is None or k[1] == typ)
        y_true = [k in gold_pos for k in items]
        y_pred = [k in predicted for k in items]
        if not items:
            continue
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", zero_division=zd)
        ours = s.metrics("pair")["micro"] if typ is None else s.metrics("pair")["per_type"][typ]
        assert ours["precision"] == pytest.approx(p)
        assert ours["recall"] == pytest.approx(r)
        assert ours["f1"] == pytest.approx(f)
