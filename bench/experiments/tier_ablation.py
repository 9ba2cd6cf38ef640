"""Matching-tier ablation: how far each tier moves each extractor's F1 away from ``pair``.

Input is a run's ``scores.json`` (``bench run``; docs/run-directory.md). For every scored
split and every extractor, the per-document counts of each tier are read back
(``bench.score_report.scores_from_json``) and one resampling plan of the documents, drawn
from the run's bootstrap seed, serves every tier and every extractor. So the difference
``F1(tier) - F1(pair)`` gets a *paired* percentile interval: both F1s are computed on the
same resampled documents. A paired approximate-randomisation p-value (the documents' counts
of the two tiers swapped at random) stands beside it. With fewer documents than the run's
``min_docs`` there is no interval, and the row says why.

Reading the deltas: ``strict`` and ``lenient`` score the same predicted pairs with a harder
or a softer match, so their delta is the cost or gain of that matching rule. ``topic`` and
``evidence`` are measured *on the pair-tier true positives* (topics of the matched discussed
relations; evidence sentences of every matched relation): their delta compares two different
quantities and says whether an extractor is better at finding pairs or at justifying them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import BenchError, InputError, Problem
from ..score_report import scores_from_json
from ..stats import (
    BootstrapConfig,
    Resamples,
    approximate_randomisation,
    bootstrap_statistics,
    percentile_interval,
    too_few_reason,
)

BASE_TIER = "pair"
STATISTIC = "micro"


@dataclass(frozen=True, slots=True)
class TierRow:
    """One extractor, one split, one tier: its micro F1 and its difference from the base tier.

    ``not_applicable`` is true when the tier's F1 was 0/0 (nothing to score in that tier, e.g.
    no gold topics); its value is then the run's ``zero_division`` and says nothing, so it
    has no delta, interval or p-value.
    """

    split: str
    extractor: str
    tier: str
    f1: float
    ci95: tuple[float, float] | None
    delta: float | None
    delta_ci95: tuple[float, float] | None
    p_value: float | None
    not_applicable: bool = False
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": self.split, "extractor": self.extractor, "tier": self.tier,
            "f1": _r(self.f1), "ci95": _pair(self.ci95),
            "delta": _r(self.delta), "delta_ci95": _pair(self.delta_ci95),
            "p_value": _r(self.p_value), "not_applicable": self.not_applicable,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Ablation:
    """The rows of every scored split, with where they came from."""

    rows: tuple[TierRow, ...]
    base: str
    tiers: tuple[str, ...]
    splits: tuple[str, ...]
    extractors: tuple[str, ...]
    source: dict[str, Any]
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "relation-bench tier ablation",
            "base_tier": self.base,
            "statistic": f"{STATISTIC}_f1",
            "tiers": list(self.tiers),
            "splits": list(self.splits),
            "extractors": list(self.extractors),
            "source": self.source,
            "notes": list(self.notes),
            "rows": [r.to_dict() for r in self.rows],
        }


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


def _pair(ci: tuple[float, float] | None) -> list[float] | None:
    return None if ci is None else [round(float(ci[0]), 6), round(float(ci[1]), 6)]


def bootstrap_config(report: Mapping[str, Any]) -> BootstrapConfig:
    """The bootstrap settings a score report was made with."""
    b = report.get("bootstrap") or {}
    return BootstrapConfig(
        resamples=int(b.get("resamples", 1000)), seed=int(b.get("seed", 0)),
        min_docs=int(b.get("min_docs", 10)), rounds=int(b.get("rounds", 10_000)),
        confidence=float(b.get("confidence", 0.95)),
    )


def tier_deltas(report: Mapping[str, Any], split: str, base: str = BASE_TIER) -> list[TierRow]:
    """The rows of one split's score report (the JSON of ``bench score``), every system and
    every tier, the base tier included (its delta is 0)."""
    tiers = tuple(report["config"]["tiers"])
    if base not in tiers:
        raise BenchError(f"the base tier {base!r} was not scored in split {split!r}; scored tiers: {', '.join(tiers)}")
    config = bootstrap_config(report)
    systems = scores_from_json(report)
    if not systems:
        return []
    n = len(systems[0].doc_ids)
    ci_reason = too_few_reason(n, config)
    p_reason = too_few_reason(n, config, "a p-value")
    plan = Resamples(n, config.resamples, config.seed) if ci_reason is None else None
    rows: list[TierRow] = []
    for score in systems:
        boot = bootstrap_statistics(score, plan, tiers) if plan is not None else None
        pvalues = None
        if p_reason is None:
            base_stack = np.stack([score.counts[base]] * len(tiers), axis=1)
            tier_stack = np.stack([score.counts[t] for t in tiers], axis=1)
            pvalues = approximate_randomisation(base_stack, tier_stack, config.rounds, config.seed, score.config.zero_division)[STATISTIC]
        base_f1 = score.metrics(base)["micro"]["f1"]
        for i, tier in enumerate(tiers):
            micro = score.metrics(tier)["micro"]
            undefined = "f1" in micro["zero_division"]
            ci = delta_ci = None
            if boot is not None and not undefined:
                iv = percentile_interval(boot[tier][STATISTIC], config.confidence)
                ci = (iv.low, iv.high)
                if tier != base:
                    dv = percentile_interval(boot[tier][STATISTIC] - boot[base][STATISTIC], config.confidence)
                    delta_ci = (dv.low, dv.high)
            p = None if pvalues is None or tier == base or undefined else float(pvalues[i])
            rows.append(TierRow(
                split=split, extractor=score.name, tier=tier, f1=micro["f1"], ci95=ci,
                delta=None if undefined else micro["f1"] - base_f1, delta_ci95=delta_ci, p_value=p,
                not_applicable=undefined, reason=ci_reason,
            ))
    return rows


def read_scores(path: str | Path) -> tuple[dict[str, Any], Path]:
    """``scores.json`` of a run directory (or the file itself)."""
    path = Path(path)
    file = path / "scores.json" if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(Problem(str(file), "", "not found; expected a run directory of `bench run` or its scores.json")) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(Problem(str(file), "", f"not a readable JSON file: {exc}")) from None
    if not isinstance(data, dict) or data.get("kind") != "relation-bench run" or "splits" not in data:
        raise InputError(Problem(str(file), "", "not the scores.json of a `bench run` run directory (docs/run-directory.md)"))
    return data, file


def ablation_from_scores(scores: Mapping[str, Any], base: str = BASE_TIER, splits: Sequence[str] | None = None) -> Ablation:
    """The ablation of every scored split of a run (``scores.json`` contents)."""
    config = scores["config"]
    wanted = list(splits) if splits else list(config["corpus"]["splits"])
    rows: list[TierRow] = []
    notes: list[str] = []
    done: list[str] = []
    for split in wanted:
        report = scores["splits"].get(split)
        if report is None:
            why = scores.get("unscored", {}).get(split, "not in this run")
            notes.append(f"split {split!r} not scored: {why}")
            continue
        rows += tier_deltas(report, split, base)
        done.append(split)
        for label in scores.get("partial", {}).get(split, {}):
            notes.append(f"{label} failed on some documents of {split!r}: left out (its F1 would not be comparable)")
    for label, entry in scores.get("extractors", {}).items():
        if entry.get("status") in ("skipped", "failed"):
            notes.append(f"{label}: {entry.get('message') or entry['status']}")
    if not rows:
        raise BenchError("no split of this run was scored; nothing to ablate")
    extractors = tuple(dict.fromkeys(r.extractor for r in rows))
    tiers = tuple(dict.fromkeys(r.tier for r in rows))
    source = {
        "config_file": scores.get("config_file"),
        "config_hash": scores.get("config_hash"),
        "scorer": {k: scores.get("scorer", {}).get(k) for k in ("version", "config_hash")},
        "bootstrap": {k: scores.get("bootstrap", {}).get(k) for k in ("seed", "resamples", "rounds", "confidence", "min_docs")},
        "corpus": {s: scores.get("corpus", {}).get("splits", {}).get(s, {}).get("hash") for s in done},
        "git": scores.get("git"),
        "created": scores.get("created"),
        "training": (scores.get("training") or {}).get("hash"),
    }
    return Ablation(tuple(rows), base, tiers, tuple(done), extractors, source, tuple(notes))


# --------------------------------------------------------------------------- rendering


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _signed(x: float) -> str:
    v = 100 * x
    if abs(v) < 0.05:
        return "0.0"
    return f"{v:+.1f}".replace("-", "\u2212")


def _cell(row: TierRow, base: str) -> str:
    if row.not_applicable:
        return "n/a (0/0)"
    if row.tier == base:
        return _pct(row.f1) + (f" [{_pct(row.ci95[0])}, {_pct(row.ci95[1])}]" if row.ci95 else "")
    text = f"{_pct(row.f1)} ({_signed(row.delta)}"
    if row.delta_ci95 is not None:
        text += f" [{_signed(row.delta_ci95[0])}, {_signed(row.delta_ci95[1])}]"
    return text + ")"


def render_markdown(ablation: Ablation) -> str:
    """One table per split: the base tier's F1 with its interval, then each tier's F1 with
    its difference from the base and the paired interval of that difference (x 100)."""
    base = ablation.base
    out: list[str] = []
    for split in ablation.splits:
        rows = [r for r in ablation.rows if r.split == split]
        reason = next((r.reason for r in rows if r.reason), None)
        out.append(f"### split `{split}`")
        out.append("")
        header = ["extractor", f"{base} F1 [95% CI]", *(f"{t} F1 (\u0394 [95% CI])" for t in ablation.tiers if t != base)]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        for label in ablation.extractors:
            by_tier = {r.tier: r for r in rows if r.extractor == label}
            if base not in by_tier:
                continue
            cells = [f"`{label}`", _cell(by_tier[base], base)]
            cells += [_cell(by_tier[t], base) if t in by_tier else "-" for t in ablation.tiers if t != base]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
        if reason:
            out.append(f"No intervals: {reason}.")
            out.append("")
    return "\n".join(out)


def render_csv(ablation: Ablation) -> str:
    """One row per split, extractor and tier (long format; fractions, not percentages)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["split", "extractor", "tier", "f1", "f1_ci_low", "f1_ci_high", f"delta_vs_{ablation.base}", "delta_ci_low", "delta_ci_high", "p_value", "not_applicable"])
    for r in ablation.rows:
        d = r.to_dict()
        ci, dci = d["ci95"] or [None, None], d["delta_ci95"] or [None, None]
        w.writerow([r.split, r.extractor, r.tier, d["f1"], ci[0], ci[1], d["delta"], dci[0], dci[1], d["p_value"], r.not_applicable])
    return buf.getvalue()


def trimmed_scores(scores: Mapping[str, Any]) -> dict[str, Any]:
    """``scores.json`` without the individual error records (the counts per class and the
    per-document counts stay), small enough to commit beside the table and enough to
    recompute it: ``python -m bench.experiments tier-ablation THIS_FILE``."""
    out = json.loads(json.dumps(scores))
    for block in [*out.get("splits", {}).values(), *(r for p in out.get("partial", {}).values() for r in p.values())]:
        for entry in (block.get("errors") or {}).values():
            if isinstance(entry, dict):
                entry.pop("records", None)
    return out
