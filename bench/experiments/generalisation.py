"""Before/after generalisation: two versions of an extractor on the same held-out documents.

A round of rule work is read on development documents only; whether it generalises shows on
documents it never saw. This study scores the predictions of the version before the round and
of the version after it on the same documents of a split, with the same gold and scorer, and
groups the documents by id pattern (short wire reports, each batch of news-length documents):

- per group and version: pair-tier micro F1 with its paired 95% bootstrap interval, precision,
  recall and trap hits;
- per group: the difference after - before, its paired bootstrap interval (the same document
  resamples for both versions) and the paired approximate-randomisation p-value.

Groups with fewer documents than the bootstrap's ``min_docs`` get no interval and no p-value,
and the row says so. The predictions are files (``bench extract`` output), so the "before"
version can be run once from its own checkout and its predictions committed beside the results.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..model import Annotation, Document
from ..predictions import read_predictions
from ..scoring import Scorer, ScoringConfig, SystemScore
from ..stats import BootstrapConfig, Resamples, bootstrap_ci, compare_systems, too_few_reason

TIER = "pair"


@dataclass(frozen=True, slots=True)
class Group:
    """A named set of documents of the split: ids matching any of ``patterns`` (glob)."""

    label: str
    patterns: tuple[str, ...]

    def select(self, ids: Sequence[str]) -> list[str]:
        return [i for i in ids if any(fnmatch.fnmatchcase(i, p) for p in self.patterns)]


def parse_group(text: str) -> Group:
    """``LABEL=GLOB[,GLOB...]`` ("news-length=n*"), or a bare glob used as its own label."""
    label, sep, rest = text.partition("=")
    patterns = tuple(p.strip() for p in (rest if sep else label).split(",") if p.strip())
    if not patterns or not label.strip():
        raise InputError(Problem("--group", "", f"expected LABEL=GLOB[,GLOB...], got {text!r}"))
    return Group(label.strip(), patterns)


@dataclass(frozen=True, slots=True)
class Row:
    """One extractor, one group: both versions and their paired difference."""

    extractor: str
    group: str
    n_docs: int
    before: dict[str, Any]
    after: dict[str, Any]
    difference: float
    ci95: list[float] | None
    p_value: float | None
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "extractor": self.extractor, "group": self.group, "documents": self.n_docs,
            "before": self.before, "after": self.after, "difference": self.difference,
            "difference_ci95": self.ci95, "p_value": self.p_value, "no_interval_reason": self.reason,
        }


def _summary(score: SystemScore, config: BootstrapConfig, resamples: Resamples | None) -> dict[str, Any]:
    m = score.metrics(TIER)["micro"]
    ci = bootstrap_ci(score, config, resamples, (TIER,))[TIER]["micro"] if resamples is not None else None
    return {
        "f1": m["f1"], "precision": m["precision"], "recall": m["recall"],
        "tp": int(m["tp"]), "fp": int(m["fp"]), "fn": int(m["fn"]),
        "f1_ci95": ci.to_json() if ci is not None else None,
        "trap_hits": int(score.tallies[TIER]["trap_hits"]),
    }


def compare_versions(
    extractor: str,
    before_file: Path,
    after_file: Path,
    docs: Mapping[str, Document],
    gold: Mapping[str, Annotation],
    groups: Sequence[Group],
    config: BootstrapConfig | None = None,
) -> list[Row]:
    """Score both prediction files on every group of ``docs`` (predictions for documents
    outside ``docs`` are left out) and compare them, paired."""
    config = config or BootstrapConfig()
    before_all, _ = read_predictions(before_file, docs, strict=True)
    after_all, _ = read_predictions(after_file, docs, strict=True)
    rows = []
    for g in groups:
        ids = g.select(sorted(docs))
        if not ids:
            raise InputError(Problem("--group", g.label, f"no document of the split matches {', '.join(g.patterns)}"))
        keep = set(ids)
        sub_docs = {i: docs[i] for i in ids}
        scorer = Scorer(sub_docs, {i: gold[i] for i in ids}, ScoringConfig(tiers=(TIER,)))
        b = scorer.score([p for p in before_all if p.doc_id in keep], "before", details=False)
        a = scorer.score([p for p in after_all if p.doc_id in keep], "after", details=False)
        reason = too_few_reason(len(ids), config)
        resamples = Resamples(len(ids), config.resamples, config.seed) if reason is None else None
        cmp = next(c for c in compare_systems(a, b, config, resamples, ("micro",)) if c.tier == TIER)
        rows.append(Row(extractor, g.label, len(ids), _summary(b, config, resamples), _summary(a, config, resamples),
                        cmp.difference, cmp.ci95.to_json(), cmp.p_value, reason))
    return rows


def _f(x: float) -> str:
    return f"{x:.3f}"


def _with_ci(d: dict[str, Any]) -> str:
    ci = d["f1_ci95"]
    return f"{_f(d['f1'])} [{_f(ci[0])}, {_f(ci[1])}]" if ci else _f(d["f1"])


def render_markdown(rows: Sequence[Row], before_label: str, after_label: str) -> str:
    """One table per extractor: groups as rows, both versions, the paired difference."""
    out = []
    for ex in dict.fromkeys(r.extractor for r in rows):
        out += [
            f"**{ex}**, pair tier, micro F1 with 95% paired bootstrap intervals over documents", "",
            f"| documents | n | before ({before_label}) | after ({after_label}) | after - before [95% CI] | p "
            "| P / R after | trap hits before / after |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in (r for r in rows if r.extractor == ex):
            diff = f"{r.difference:+.3f}"
            diff += f" [{r.ci95[0]:+.3f}, {r.ci95[1]:+.3f}]" if r.ci95 else f" ({r.reason})" if r.reason else ""
            p = f"{r.p_value:.3f}" if r.p_value is not None else "–"
            out.append(
                f"| {r.group} | {r.n_docs} | {_with_ci(r.before)} | {_with_ci(r.after)} | {diff} | {p} "
                f"| {_f(r.after['precision'])} / {_f(r.after['recall'])} | {r.before['trap_hits']} / {r.after['trap_hits']} |"
            )
        out.append("")
    return "\n".join(out)
