"""Checking an extractor's output against a phenomenon case of ``phenomena.CASES``."""

from __future__ import annotations

from bench.corpus import document_from_text
from bench.text import normalize

DATE = "2024-05-13"  # a Monday


def document(name: str, text: str):
    return document_from_text(name, f"date {DATE} {text}")


def keyed(preds):
    """{(type, head, tail): [prediction, ...]} with normalised names, symmetric types sorted."""
    out: dict = {}
    for p in preds:
        h, t = normalize(p.head.text), normalize(p.tail.text)
        if p.type.symmetric:
            h, t = sorted((h, t))
        out.setdefault((p.type.value, h, t), []).append(p)
    return out


def key(rel):
    rtype, h, t = rel
    h, t = normalize(h), normalize(t)
    if rtype != "visited":
        h, t = sorted((h, t))
    return (rtype, h, t)


def _same(pred: tuple, want: tuple) -> bool:
    """A predicted key matches a wanted one; a predicted short name ("Rastelli") matches the
    full name it is part of."""
    if pred[0] != want[0]:
        return False

    def name_ok(p: str, w: str) -> bool:
        return p == w or f" {p} " in f" {w} "

    if want[0] == "visited":
        return name_ok(pred[1], want[1]) and name_ok(pred[2], want[2])
    return (name_ok(pred[1], want[1]) and name_ok(pred[2], want[2])) or (
        name_ok(pred[1], want[2]) and name_ok(pred[2], want[1]))


def _find(table: dict, want: tuple) -> list:
    return [p for k, v in table.items() if _same(k, want) for p in v]


def check_case(extractor, name: str, case: dict) -> None:
    doc = document(name, case["text"])
    preds = list(extractor.extract([doc]))
    got = keyed(preds)
    pos = {k: [p for p in v if not p.is_negative] for k, v in got.items()}
    neg = {k: [p for p in v if p.is_negative] for k, v in got.items()}
    for rel in case.get("pos", []):
        assert _find(pos, key(rel)), f"{name}: missing {rel}; got {sorted(got)}"
    for rel in case.get("absent", []):
        assert not _find(pos, key(rel)), f"{name}: {rel} predicted as a positive claim"
    claims = {k: [p for p in v if not p.is_negative and p.realis.value in ("ACTUAL", "PLANNED")] for k, v in got.items()}
    for rel in case.get("not_claimed", []):
        assert not _find(claims, key(rel)), f"{name}: {rel} claimed as ACTUAL or PLANNED"
    for rel in case.get("neg", []):
        assert _find(neg, key(rel)), f"{name}: {rel} not predicted as NEG; got {sorted(got)}"
    for rtype, realis in case.get("realis", {}).items():
        for k, v in pos.items():
            if k[0] == rtype:
                assert all(p.realis.value == realis for p in v), f"{name}: {k} realis {[p.realis for p in v]}"
    for rtype, mode in case.get("mode", {}).items():
        for k, v in pos.items():
            if k[0] == rtype:
                assert all(p.mode.value == mode for p in v), f"{name}: {k} mode {[p.mode for p in v]}"
    for p in preds:
        for arg in (p.head, p.tail):
            assert doc.text[arg.start:arg.end] == arg.text
        assert p.doc_id == name
