"""The scoring report: the versioned JSON document and its renderings (table, csv, md).

``score_to_json`` builds the JSON document (format_version 1; the layout is a public
contract, documented in docs/scoring.md). Every other format is rendered *from that
document*, so a table and the JSON can never disagree.

Layout (abridged)::

    {"format_version": 1, "scorer_version": "1.0.0", "config": {...}, "config_hash": "...",
     "bootstrap": {"seed": 0, "resamples": 1000, "min_docs": 10, ...},
     "corpus": {"split": "all", "documents": [...], "provenance": {"real": 1}, "hash": "..."},
     "systems": ["a", "b"],
     "results": {system: {tier: {"micro": M, "macro": M, "per_type": {type: M}, ...}}},
     "comparisons": [{"a", "b", "tier", "metric", "difference", "ci95", "p_value", ...}],
     "alignment": {system: {...}}, "per_document": {system: {tier: {doc: {type: [tp, fp, fn]}}}},
     "errors": {system: {"tier": "pair", "counts": {...}, "records": [...]}},
     "input_problems": [...], "notes": [...]}

where each ``M`` holds ``precision``, ``recall``, ``f1``, ``tp``, ``fp``, ``fn``,
``zero_division`` and ``ci95`` (``[low, high]`` of the F1, or null with ``ci95_reason``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence

from .errors import BenchError, ParameterError, Problem
from .scoring import ERROR_CLASSES, ERROR_TIER, SCORER_VERSION, TYPE_NAMES, SystemScore
from .stats import (
    BootstrapConfig,
    Interval,
    Resamples,
    bootstrap_statistics,
    compare_systems,
    percentile_interval,
    too_few_reason,
)

FORMAT_VERSION = 1
FORMATS = ("table", "json", "csv", "md")
DIGITS = 6


def _round(x):
    return None if x is None else round(float(x), DIGITS)


def _block(metrics: dict, interval) -> dict:
    out = {k: _round(metrics[k]) for k in ("precision", "recall", "f1")}
    out.update({k: metrics[k] for k in ("tp", "fp", "fn")})
    out["zero_division"] = list(metrics["zero_division"])
    for k in ("types", "excluded_types"):
        if k in metrics:
            out[k] = list(metrics[k])
    out["ci95"] = None if interval.low is None else [_round(interval.low), _round(interval.high)]
    if interval.reason is not None:
        out["ci95_reason"] = interval.reason
    return out


def problem_to_dict(p: Problem, system: str | None = None) -> dict:
    """A reading problem as JSON: file, line number (when the problem has one), message."""
    m = re.fullmatch(r"line (\d+)", p.where or "")
    out = {"file": p.file, "line": int(m.group(1)) if m else None, "message": p.message}
    if not m and p.where:
        out["where"] = p.where
    if system is not None:
        out["system"] = system
    return out


def score_to_json(
    scores: Sequence[SystemScore] | Mapping[str, SystemScore],
    bootstrap: BootstrapConfig | None = None,
    corpus: Mapping | None = None,
    input_problems: Iterable[Problem | dict] = (),
    errors: bool = False,
    notes: Iterable[str] = (),
) -> dict:
    """The versioned JSON report of one or more systems scored on the same documents.

    Computes the bootstrap intervals (one resampling plan shared by every system) and, for
    every pair of systems in the given order, the paired comparisons. ``errors=True`` adds
    the individual error records (the counts per class are always present).
    """
    systems = list(scores.values()) if isinstance(scores, Mapping) else list(scores)
    if not systems:
        raise BenchError("nothing to report: no scored systems")
    names = [s.name for s in systems]
    if len(set(names)) != len(names):
        raise BenchError(f"system names must be unique; got {names}")
    first = systems[0]
    for s in systems[1:]:
        if s.doc_ids != first.doc_ids:
            raise BenchError(f"systems {first.name!r} and {s.name!r} were scored on different documents")
        if s.config.hash != first.config.hash:
            raise BenchError(f"systems {first.name!r} and {s.name!r} were scored with different configurations")
    bootstrap = bootstrap or BootstrapConfig()
    n = len(first.doc_ids)
    reason = too_few_reason(n, bootstrap)
    boot = None
    if reason is None:
        plan = Resamples(n, bootstrap.resamples, bootstrap.seed)
        boot = {s.name: bootstrap_statistics(s, plan) for s in systems}

    def interval(system: str, tier: str, stat: str) -> Interval:
        if boot is None:
            return Interval(None, None, reason)
        return percentile_interval(boot[system][tier][stat], bootstrap.confidence)

    results: dict = {}
    for s in systems:
        per_tier = {}
        for tier in s.tiers:
            m = s.metrics(tier)
            block = {
                "micro": _block(m["micro"], interval(s.name, tier, "micro")),
                "macro": _block(m["macro"], interval(s.name, tier, "macro")),
                "per_type": {t: _block(m["per_type"][t], interval(s.name, tier, t)) for t in TYPE_NAMES},
            }
            block.update(s.tallies.get(tier, {}))
            per_tier[tier] = block
        results[s.name] = per_tier

    comparisons = []
    for i, a in enumerate(systems):
        for b in systems[i + 1 :]:
            for c in compare_systems(a, b, bootstrap, boot=boot):
                d = c.to_dict()
                for k in ("f1_a", "f1_b", "difference", "p_value"):
                    d[k] = _round(d[k])
                if d["ci95"] is not None:
                    d["ci95"] = [_round(x) for x in d["ci95"]]
                comparisons.append(d)

    problems = [p if isinstance(p, dict) else problem_to_dict(p) for p in input_problems]
    err_block = {}
    for s in systems:
        if s.error_totals is None:
            continue
        entry = {"tier": ERROR_TIER, "counts": s.error_counts()}
        if errors:
            entry["records"] = [e.to_dict() for e in s.errors]
        err_block[s.name] = entry
    return {
        "format_version": FORMAT_VERSION,
        "scorer_version": SCORER_VERSION,
        "config": first.config.to_dict(),
        "config_hash": first.config.hash,
        "bootstrap": bootstrap.to_dict(),
        "corpus": dict(corpus) if corpus is not None else {"documents": list(first.doc_ids)},
        "systems": names,
        "results": results,
        "comparisons": comparisons,
        "alignment": {s.name: dict(s.alignment) for s in systems if s.alignment is not None},
        "per_document": {s.name: {t: s.document_counts(t) for t in s.tiers} for s in systems},
        "errors": err_block,
        "input_problems": problems,
        "notes": list(notes),
    }


# --------------------------------------------------------------------------- reading back


def scores_from_json(report: Mapping) -> list[SystemScore]:
    """Rebuild the ``SystemScore`` of every system in a report from its per-document counts,
    so a later comparison (``bench.stats.compare_systems``) runs paired tests without
    rescoring. Only the counts come back (no error records or alignment statistics).

    Raises ``InputError`` for a report of another format version or whose configuration
    hash does not match its configuration under this scorer version.
    """
    import numpy as np

    from .errors import InputError
    from .scoring import ScoringConfig

    version = report.get("format_version") if isinstance(report, Mapping) else None
    if version != FORMAT_VERSION:
        raise InputError(f"score report format_version {version!r} is not supported; expected {FORMAT_VERSION}")
    cfg = report["config"]
    config = ScoringConfig(tuple(cfg["tiers"]), cfg["zero_division"], cfg.get("topic_dice_threshold", 0.5))
    if report.get("scorer_version") == SCORER_VERSION and config.hash != report.get("config_hash"):
        raise InputError(
            f"score report config_hash {report.get('config_hash')!r} does not match its config "
            f"({config.hash!r} under scorer {SCORER_VERSION}); the report was edited or is corrupt"
        )
    out = []
    for name in report["systems"]:
        per_doc = report["per_document"][name]
        doc_ids = tuple(sorted(per_doc[config.tiers[0]]))
        counts = {
            t: np.array([[per_doc[t][d][ty] for ty in TYPE_NAMES] for d in doc_ids], dtype=np.int64).reshape(len(doc_ids), 3, 3)
            for t in config.tiers
        }
        out.append(SystemScore(name, doc_ids, counts, config))
    return out


# --------------------------------------------------------------------------- rendering


def render(report: dict, fmt: str = "table", errors: bool = False) -> str:
    """The report in ``fmt`` (table, json, csv or md). ``errors`` lists error records in the
    table and md formats (when the report carries them)."""
    if fmt not in FORMATS:
        raise ParameterError("format", "score", FORMATS, fmt)
    if fmt == "json":
        import json

        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _csv(report)
    return _text(report, markdown=fmt == "md", errors=errors)


def _f(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def _type_cell(block: dict) -> str:
    """A per-type F1, or "-" when the type has no gold and no predictions (0/0)."""
    return "-" if "f1" in block["zero_division"] else _f(block["f1"])


def _cell(block: dict) -> str:
    ci = block.get("ci95")
    if ci is None:
        return f"{_f(block['f1'])}"
    return f"{_f(block['f1'])} [{ci[0]:.2f}, {ci[1]:.2f}]"


def _grid(header: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return out
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(r):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        return "  ".join(cells).rstrip()

    return [line(header)] + [line(r) for r in rows]


def _corpus_line(report: dict) -> str:
    c = report.get("corpus", {})
    docs = c.get("documents", [])
    prov = c.get("provenance") or {}
    prov_s = ", ".join(f"{k} {v}" for k, v in prov.items())
    split = c.get("split")
    b = report["bootstrap"]
    parts = [f"{len(docs)} document{'s' if len(docs) != 1 else ''}"]
    if split:
        parts.insert(0, f"split {split}")
    if prov_s:
        parts.append(prov_s)
    parts.append(f"bootstrap {b['resamples']} resamples, seed {b['seed']}")
    parts.append(f"scorer {report['scorer_version']}, config {report['config_hash']}")
    return "; ".join(parts)


def _text(report: dict, markdown: bool, errors: bool) -> str:
    out: list[str] = []
    heading = "## " if markdown else ""
    out.append(f"{'# ' if markdown else ''}Scores ({_corpus_line(report)})")
    tiers = [t for t in report["config"]["tiers"]]
    reasons: set[str] = set()
    for tier in tiers:
        out.append("")
        out.append(f"{heading}{tier} tier")
        if markdown:
            out.append("")
        header = ["system", "P", "R", "F1 micro [95% CI]", "F1 macro [95% CI]", *TYPE_NAMES, "tp", "fp", "fn"]
        extra = tier in ("pair", "lenient")
        if extra:
            header += ["traps", "ignored"]
        rows = []
        for name in report["systems"]:
            t = report["results"][name].get(tier)
            if t is None:
                continue
            mi, ma = t["micro"], t["macro"]
            for blk in (mi, ma, *t["per_type"].values()):
                if blk.get("ci95_reason"):
                    reasons.add(blk["ci95_reason"])
            row = [
                name, _f(mi["precision"]), _f(mi["recall"]), _cell(mi), _cell(ma),
                *(_type_cell(t["per_type"][ty]) for ty in TYPE_NAMES),
                str(mi["tp"]), str(mi["fp"]), str(mi["fn"]),
            ]
            if extra:
                row += [str(t.get("trap_hits", 0)), str(t.get("ignored", 0))]
            rows.append(row)
        out += _grid(header, rows, markdown)
        comps = [c for c in report["comparisons"] if c["tier"] == tier]
        if comps:
            out.append("")
            out.append("comparisons (A - B, paired over documents):" if not markdown else "Comparisons (A - B, paired over documents):")
            if markdown:
                out.append("")
            crows = []
            for c in comps:
                ci = c["ci95"]
                ci_s = f"[{ci[0]:+.3f}, {ci[1]:+.3f}]" if ci is not None else "n/a"
                p_s = f"{c['p_value']:.4f}" if c["p_value"] is not None else "n/a"
                crows.append([f"{c['a']} vs {c['b']}", c["metric"], f"{c['difference']:+.3f}", ci_s, p_s])
            out += _grid(["A vs B", "metric", "difference", "95% CI", "p (AR)"], crows, markdown)
    if reasons:
        out.append("")
        out += [f"no intervals: {r}" for r in sorted(reasons)]
    zd = report["config"]["zero_division"]
    out.append("")
    out.append(
        f"0/0 counts as {zd:g} (zero_division; '-' marks a type with no gold and no predictions); "
        "macro averages the types with gold or predictions; duplicate predictions of one relation count once; "
        "traps: predictions of a relation the text negates (false positives); ignored: predictions of "
        "OTHER/GENERIC gold (neither TP nor FP)."
    )
    if report.get("errors"):
        out.append("")
        out.append(f"{heading}errors ({ERROR_TIER} tier)")
        if markdown:
            out.append("")
        header = ["system", *ERROR_CLASSES]
        rows = [[n, *(str(e["counts"].get(c, 0)) for c in ERROR_CLASSES)] for n, e in report["errors"].items()]
        out += _grid(header, rows, markdown)
        if errors:
            for name, e in report["errors"].items():
                for r in e.get("records", ()):
                    out.append("")
                    out += _record_lines(name, r, markdown)
    for note in report.get("notes", ()):
        out.append(f"note: {note}")
    return "\n".join(out) + "\n"


def _record_lines(system: str, r: dict, markdown: bool) -> list[str]:
    def name(a: dict) -> str:
        if a.get("name") is None:
            return f"{a.get('text')!r} (unaligned)"
        if a.get("text") is not None and a["text"] != a["name"]:
            return f"{a['name']} ({a['text']!r})"
        return str(a["name"])

    arrow = " -> " if r["type"] == "visited" else ", "
    kind = "FP" if r["kind"] == "false_positive" else "FN"
    rel = f"{r['type']}({name(r['head'])}{arrow}{name(r['tail'])})"
    bullet = "- " if markdown else ""
    lines = [f"{bullet}{system} {kind} {r['class']}: {r['doc_id']}: {rel}"]
    pad = "  "
    lines.append(f"{pad}why: {r['explanation']}")
    if r.get("sentence"):
        label = "sentence mentioning both" if r.get("sentence_source") == "co-mention" else "sentence"
        lines.append(f"{pad}{label}: {r['sentence']}")
    if r.get("predictions", 1) > 1:
        lines.append(f"{pad}({r['predictions']} predictions collapsed onto this relation)")
    return lines


def _csv(report: dict) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["system", "tier", "average", "type", "precision", "recall", "f1", "ci95_low", "ci95_high", "tp", "fp", "fn"])
    for name in report["systems"]:
        for tier, t in report["results"][name].items():
            rows = [("micro", "", t["micro"]), ("macro", "", t["macro"])]
            rows += [("type", ty, b) for ty, b in t["per_type"].items()]
            for avg, ty, b in rows:
                ci = b["ci95"] or [None, None]
                w.writerow([
                    name, tier, avg, ty, b["precision"], b["recall"], b["f1"],
                    "" if ci[0] is None else ci[0], "" if ci[1] is None else ci[1],
                    b["tp"], b["fp"], b["fn"],
                ])
    return buf.getvalue()
