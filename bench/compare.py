"""``bench compare BASE NEW``: did NEW get worse than BASE, beyond noise?

BASE and NEW are run directories of ``bench run`` (``scores.json``, ``speed.json``, ...) or
``scores.json`` files, or score reports of ``bench score --format json``. They must have been
scored the same way on the same documents; otherwise ``load_run``/``check_comparable`` refuse
with ``NotComparable``, which lists every difference (corpus hash per split, scorer version,
scoring configuration, splits, documents, extractor set).

``compare_runs`` builds the comparison document (JSON, ``format_version`` 1); the markdown,
text and JUnit renderings are made from that document only:

- **quality**: per extractor x split x tier, micro F1 of BASE and NEW from the stored
  per-document counts, the difference NEW - BASE, its paired bootstrap interval (the same
  resampled documents for both runs) and the paired approximate-randomisation p-value, both
  from ``bench.stats`` with BASE's bootstrap settings; the verdict of the F1 gate
  (``bench.gates``: fail only when the drop is beyond the threshold *and* significant);
- **multiple testing**: significance is decided on p-values adjusted over the family of
  quality checks of this comparison that have a p-value (``--correction holm``, the default:
  Holm–Bonferroni, which keeps the chance of any false alarm in the whole comparison at most
  alpha; ``--correction none``: the raw p-values). A check without a p-value (too few
  documents) is untested as before and is not counted in the family; neither are the
  completeness and speed checks. Each quality record keeps its raw ``p_value`` and adds
  ``p_adjusted`` (equal to ``p_value`` with ``none``, null without a test); the gates block
  records the ``correction`` and the ``family_size``;
- **completeness**: an extractor that completed a split in BASE but not in NEW (documents
  failed) fails every quality check of that split, and the verdict says so first;
- **speed**: per extractor, the ratio of median pass times from both ``speed.json`` files,
  with both interquartile ranges; gated only when asked for (``--fail speed:-20%``);
- **changes**: per extractor and split, the pair-tier relations that flipped between the
  runs (newly missed, newly spurious, newly found, no longer spurious) with document,
  sentence and taxonomy class, from the error records stored with the scores; without stored
  records, the documents whose counts changed.

Layout of the comparison document (abridged)::

    {"format_version": 1, "kind": "relation-bench comparison",
     "verdict": "pass" | "regression", "exit_code": 0 | 1,
     "regressions": ["trigger.v1 (dev, pair): F1 -0.084 [-0.12, -0.05], p=0.002, Holm p=0.018", ...],
     "warnings": [...], "summary": {"checks", "pass", "fail", "untested", "not_compared"},
     "base": {"kind", "commit", ...}, "new": {...}, "scorer": {...}, "bootstrap": {...},
     "gates": {"alpha", "correction": "holm" | "none", "family_size", "f1": [...], "speed",
               "rule"},
     "splits", "tiers", "extractors",
     "quality": [{"extractor", "split", "tier", "status", "base_f1", "new_f1", "difference",
                  "ci95", "p_value", "p_adjusted", "reason", "documents", "check", "note",
                  "beyond_threshold_by", "message"}],
     "completeness": [{"extractor", "split", "base", "new", "status", "message"}],
     "speed": {"gated", "available", "reason" | "extractors": [{"extractor", "status",
               "base_docs_per_s", "new_docs_per_s", "change", "base_iqr_s", ...}]},
     "changes": [{"extractor", "split", "tier": "pair", "error_classes", "documents",
                  "records", "newly_missed", "newly_spurious", "newly_found",
                  "no_longer_spurious"}],
     "notes": [...]}

``status`` is ``pass``, ``fail``, ``untested`` (too few documents for a test) or
``not_compared`` (an extractor skipped or incomplete in BASE). ``correction``,
``family_size`` and ``p_adjusted`` were added within ``format_version`` 1 (new keys only);
the renderers read a document without them as uncorrected.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BenchError, InputError, Problem
from .gates import (
    CORRECTION_NAMES,
    CORRECTION_TITLES,
    FAIL,
    PASS,
    UNTESTED,
    Gates,
    adjust_p_values,
    evaluate_speed,
    family_size,
    format_interval,
    format_p,
    format_p_adjusted,
)

FORMAT_VERSION = 1
NOT_COMPARED = "not_compared"
RUN_KIND = "relation-bench run"
COMPARE_KIND = "relation-bench comparison"
TYPE_NAMES = ("visited", "met", "discussed")  # bench.scoring.TYPE_NAMES
CHANGE_KINDS = ("newly_missed", "newly_spurious", "newly_found", "no_longer_spurious")
CHANGE_TITLES = {
    "newly_missed": "newly missed (true positive in BASE, false negative in NEW)",
    "newly_spurious": "newly spurious (false positive in NEW only)",
    "newly_found": "newly found (false negative in BASE, true positive in NEW)",
    "no_longer_spurious": "no longer spurious (false positive in BASE only)",
}
MAX_LISTED = 20  # flipped relations listed per kind and extractor/split in markdown and text
# A pull-request comment holds at most 65,536 characters: the markdown lists fewer flipped
# relations until it fits under this size (the JSON report always has all of them).
MAX_MARKDOWN = 60_000
DIGITS = 6


class NotComparable(BenchError):
    """BASE and NEW cannot be compared; ``differences`` lists each reason on its own line."""

    def __init__(self, differences: Sequence[str]):
        self.differences = list(differences)
        lines = "\n".join(f"  - {d}" for d in self.differences)
        super().__init__(f"BASE and NEW are not comparable:\n{lines}")


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True, slots=True)
class RunData:
    """One side of a comparison, read from disk.

    ``split_names`` are the splits the run was asked for, ``splits`` maps each split that was
    scored to its score report (the JSON of ``bench.score_report``);
    ``status[label][split]`` is ``(state, message)`` with state ``complete``, ``incomplete``,
    ``failed``, ``skipped`` or ``missing``; ``speed`` is the parsed speed.json or None.
    """

    role: str
    source: str
    kind: str  # "run" or "score"
    scorer_version: str
    scoring_config: Mapping[str, Any]
    scoring_hash: str
    bootstrap: Mapping[str, Any]
    splits: Mapping[str, Mapping[str, Any]]
    split_names: tuple[str, ...]
    corpus_hashes: Mapping[str, str | None]
    extractors: tuple[str, ...]
    status: Mapping[str, Mapping[str, tuple[str, str | None]]]
    extractor_info: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    unscored: Mapping[str, str] = field(default_factory=dict)
    partial: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    speed: Mapping[str, Any] | None = None
    speed_source: str | None = None
    experiment: Mapping[str, Any] | None = None
    commit: str | None = None
    dirty: bool | None = None

    def documents(self, split: str) -> tuple[str, ...]:
        return tuple(self.splits[split]["corpus"]["documents"])


def _read_json(path: Path, role: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(Problem(str(path), "", f"{role}: file not found")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Problem(str(path), "", f"{role}: cannot be read ({exc})")) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Problem(str(path), f"line {exc.lineno}", f"{role}: not valid JSON: {exc.msg}")) from None


def _need(data: Any, keys: Sequence[str], file: str, role: str, what: str, prefix: str = "") -> Any:
    """``data[k1][k2]...``, or an InputError naming the JSON pointer that is missing
    (``prefix`` is the pointer of ``data`` itself in the file)."""
    cur = data
    for i, k in enumerate(keys):
        if not isinstance(cur, Mapping) or k not in cur:
            pointer = prefix + "/" + "/".join(keys[: i + 1])
            raise InputError(Problem(file, pointer, f"{role}: missing; expected {what}"))
        cur = cur[k]
    return cur


def _check_score_report(report: Any, file: str, role: str, prefix: str) -> None:
    """Refuse a score report without the parts a paired comparison reads."""
    what = "a score report of bench score / bench.score_report (format_version 1)"
    for key in ("format_version", "scorer_version", "config", "config_hash", "corpus", "systems", "results", "per_document"):
        _need(report, [key], file, role, what, prefix)
    _need(report, ["corpus", "documents"], file, role, "the list of scored documents", prefix)
    version = report["format_version"]
    if version != 1:
        raise InputError(Problem(file, f"{prefix}/format_version", f"{role}: score report format_version {version!r}; this bench compare reads 1"))


def load_run(path: str | Path, role: str = "BASE") -> RunData:
    """Read a run directory, a run's ``scores.json`` or a ``bench score --format json`` file.

    ``role`` (BASE or NEW) goes into every error message.
    """
    path = Path(path)
    if path.is_dir():
        scores_path = path / "scores.json"
        if not scores_path.is_file():
            raise InputError(Problem(str(path), "", f"{role}: a directory without scores.json; expected a run directory written by bench run, or a scores.json file"))
    else:
        scores_path = path
    data = _read_json(scores_path, role)
    file = str(scores_path)
    if not isinstance(data, Mapping):
        raise InputError(Problem(file, "", f"{role}: expected a JSON object (a run's scores.json or a bench score report)"))
    if data.get("kind") == RUN_KIND:
        return _load_envelope(data, scores_path, role)
    if "per_document" in data and "results" in data:
        return _load_score_report(data, file, role)
    raise InputError(Problem(file, "", f"{role}: neither a run's scores.json (kind {RUN_KIND!r}) nor a bench score report (with results and per_document)"))


def _load_envelope(data: Mapping, scores_path: Path, role: str) -> RunData:
    file = str(scores_path)
    what = "a run's scores.json written by bench run"
    version = _need(data, ["format_version"], file, role, what)
    if version != 1:
        raise InputError(Problem(file, "/format_version", f"{role}: run format_version {version!r}; this bench compare reads 1"))
    scorer = _need(data, ["scorer"], file, role, what)
    splits = _need(data, ["splits"], file, role, what)
    extractors = _need(data, ["extractors"], file, role, what)
    corpus_splits = _need(data, ["corpus", "splits"], file, role, what)
    config = data.get("config") or {}
    order = list(config.get("corpus", {}).get("splits") or corpus_splits)
    for split, report in splits.items():
        _check_score_report(report, file, role, f"/splits/{split}")
    status: dict[str, dict[str, tuple[str, str | None]]] = {}
    for label, entry in extractors.items():
        per: dict[str, tuple[str, str | None]] = {}
        for split in order:
            report = splits.get(split)
            if report is not None and label in report.get("results", {}):
                per[split] = ("complete", None)
                continue
            if entry.get("status") in ("skipped", "failed") and split not in entry.get("splits", {}):
                per[split] = (entry["status"], entry.get("message"))
                continue
            s = entry.get("splits", {}).get(split)
            if s is not None and s.get("status") in ("incomplete", "failed"):
                failed, n = s.get("failed", 0), s.get("documents", 0)
                state = "failed" if n and failed >= n else "incomplete"
                per[split] = (state, s.get("message") or f"{state}: {failed} of {n} documents failed")
            elif entry.get("status") in ("skipped", "failed"):
                per[split] = (entry["status"], entry.get("message"))
            elif split in data.get("unscored", {}):
                per[split] = ("missing", data["unscored"][split])
            else:
                per[split] = ("missing", "not in the scores of this split")
        status[label] = per
    speed = None
    speed_source = None
    speed_path = scores_path.parent / "speed.json"
    if speed_path.is_file():
        speed = _read_json(speed_path, role)
        speed_source = str(speed_path)
        if not isinstance(speed, Mapping) or not isinstance(speed.get("extractors"), Mapping):
            raise InputError(Problem(str(speed_path), "/extractors", f"{role}: missing; expected speed.json written by bench run"))
    git = data.get("git") or {}
    return RunData(
        role=role,
        source=file,
        kind="run",
        scorer_version=str(scorer.get("version")),
        scoring_config=scorer.get("config") or {},
        scoring_hash=str(scorer.get("config_hash")),
        bootstrap=data.get("bootstrap") or {},
        splits={s: splits[s] for s in order if s in splits},
        split_names=tuple(order),
        corpus_hashes={s: (corpus_splits.get(s) or {}).get("hash") for s in order},
        extractors=tuple(extractors),
        status=status,
        extractor_info={k: v for k, v in extractors.items()},
        unscored=dict(data.get("unscored") or {}),
        partial=dict(data.get("partial") or {}),
        speed=speed,
        speed_source=speed_source,
        experiment=config or None,
        commit=git.get("commit"),
        dirty=git.get("dirty"),
    )


def _load_score_report(data: Mapping, file: str, role: str) -> RunData:
    _check_score_report(data, file, role, "")
    corpus = data["corpus"]
    split = str(corpus.get("split") or "all")
    systems = tuple(data["systems"])
    return RunData(
        role=role,
        source=file,
        kind="score",
        scorer_version=str(data["scorer_version"]),
        scoring_config=data["config"],
        scoring_hash=str(data["config_hash"]),
        bootstrap=data.get("bootstrap") or {},
        splits={split: data},
        split_names=(split,),
        corpus_hashes={split: corpus.get("hash")},
        extractors=systems,
        status={s: {split: ("complete", None)} for s in systems},
    )


# --------------------------------------------------------------------------- compatibility


def _short(values: Iterable[str], limit: int = 8) -> str:
    values = list(values)
    more = f" and {len(values) - limit} more" if len(values) > limit else ""
    return ", ".join(values[:limit]) + more


def check_comparable(
    base: RunData, new: RunData, splits: Sequence[str] | None = None, extractors: Sequence[str] | None = None
) -> tuple[list[str], list[str]]:
    """The splits and the extractors to compare; raises ``NotComparable`` listing every
    difference that makes the two runs incomparable. ``splits`` and ``extractors`` restrict
    the comparison (each must then be in both runs)."""
    diffs: list[str] = []
    if base.scorer_version != new.scorer_version:
        diffs.append(f"scorer version: BASE {base.scorer_version}, NEW {new.scorer_version}")
    if base.scoring_hash != new.scoring_hash:
        keys = sorted(set(base.scoring_config) | set(new.scoring_config))
        changed = [
            f"{k} (BASE {base.scoring_config.get(k)!r}, NEW {new.scoring_config.get(k)!r})"
            for k in keys if base.scoring_config.get(k) != new.scoring_config.get(k)
        ]
        detail = f": {'; '.join(changed)}" if changed else ""
        diffs.append(f"scoring configuration hash: BASE {base.scoring_hash}, NEW {new.scoring_hash}{detail}")
    if splits:
        chosen = list(dict.fromkeys(splits))
        for side, have in ((base, base.splits), (new, new.split_names)):
            missing = [s for s in chosen if s not in have]
            if missing:
                known = ", ".join(have) or "none"
                verb = "scored" if side is base else "run"
                diffs.append(f"split(s) {', '.join(missing)} not {verb} in {side.role} ({verb}: {known})")
    else:
        # every split BASE scored; a split NEW ran but could not score (every extractor failed
        # there) is compared too: its extractors count as failed.
        chosen = [s for s in base.split_names if s in base.splits and s in new.split_names]
        if set(base.split_names) != set(new.split_names):
            diffs.append(
                f"splits: BASE {', '.join(base.split_names) or 'none'}; NEW {', '.join(new.split_names) or 'none'} "
                "(use --split to compare the common ones)"
            )
    for split in chosen:
        if split not in base.splits or split not in new.split_names:
            continue
        hb, hn = base.corpus_hashes.get(split), new.corpus_hashes.get(split)
        if hb is not None and hn is not None and hb != hn:
            diffs.append(f"corpus hash of split {split}: BASE {hb}, NEW {hn} (the documents or their gold differ)")
        if split not in new.splits:
            continue
        db, dn = base.documents(split), new.documents(split)
        if set(db) != set(dn):
            only_b = sorted(set(db) - set(dn))
            only_n = sorted(set(dn) - set(db))
            parts = []
            if only_b:
                parts.append(f"only in BASE: {_short(only_b)}")
            if only_n:
                parts.append(f"only in NEW: {_short(only_n)}")
            diffs.append(f"documents of split {split}: {'; '.join(parts)}")
    if extractors:
        labels = list(dict.fromkeys(extractors))
        for side in (base, new):
            missing = [e for e in labels if e not in side.extractors]
            if missing:
                diffs.append(f"extractor(s) {', '.join(missing)} not in {side.role} (there: {', '.join(side.extractors) or 'none'})")
    elif set(base.extractors) != set(new.extractors):
        only_b = [e for e in base.extractors if e not in new.extractors]
        only_n = [e for e in new.extractors if e not in base.extractors]
        parts = []
        if only_b:
            parts.append(f"only in BASE: {', '.join(only_b)}")
        if only_n:
            parts.append(f"only in NEW: {', '.join(only_n)}")
        diffs.append(
            f"extractor set: {'; '.join(parts)} (an extractor keeps its place across versions through its "
            "label; use --extractor to compare the common ones)"
        )
    if not chosen and not diffs:
        diffs.append("no split scored in both")
    if diffs:
        raise NotComparable(diffs)
    return chosen, list(dict.fromkeys(extractors)) if extractors else list(base.extractors)


def _notes(base: RunData, new: RunData, labels: Sequence[str]) -> list[str]:
    """Differences that do not prevent a comparison but a reader should know about."""
    notes: list[str] = []
    for label in labels:
        b, n = base.extractor_info.get(label), new.extractor_info.get(label)
        if not b or not n:
            continue
        if b.get("name") != n.get("name"):
            notes.append(f"{label}: extractor changed from {b.get('name')} to {n.get('name')}")
        if b.get("params_hash") != n.get("params_hash"):
            bp, np_ = b.get("params") or {}, n.get("params") or {}
            changed = [f"{k} {bp.get(k)!r} -> {np_.get(k)!r}" for k in sorted(set(bp) | set(np_)) if bp.get(k) != np_.get(k)]
            notes.append(f"{label}: parameters changed ({', '.join(changed) or 'hash differs'})")
    if base.experiment and new.experiment:
        for section in sorted(set(base.experiment) | set(new.experiment)):
            if section in ("extractors", "corpus", "scoring", "experiment"):
                continue
            if base.experiment.get(section) != new.experiment.get(section):
                notes.append(f"experiment config section [{section}] differs between BASE and NEW")
    for split in base.split_names:
        if split not in base.splits:
            notes.append(f"split {split} not compared: BASE did not score it ({base.unscored.get(split, 'no scores')})")
    keys = ("seed", "resamples", "min_docs", "rounds", "confidence")
    if base.bootstrap and new.bootstrap and any(base.bootstrap.get(k) != new.bootstrap.get(k) for k in keys):
        notes.append("bootstrap settings differ; BASE's are used for the comparison")
    return notes


# --------------------------------------------------------------------------- quality


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), DIGITS)


def _systems(run: RunData, split: str, cache: dict) -> dict:
    """The ``SystemScore`` of every system of ``run``'s report on ``split``, rebuilt from its
    per-document counts by ``bench.score_report.scores_from_json`` (read once per split)."""
    from .score_report import scores_from_json

    key = (run.role, split)
    if key not in cache:
        where = f"/splits/{split}" if run.kind == "run" else ""
        try:
            cache[key] = {s.name: s for s in scores_from_json(run.splits[split])}
        except InputError as exc:
            raise InputError(Problem(run.source, where, f"{run.role}: {exc}")) from None
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise InputError(Problem(
                run.source, f"{where}/per_document",
                f"{run.role}: malformed per-document counts ({type(exc).__name__}: {exc}); expected {{system: {{tier: {{doc: {{type: [tp, fp, fn]}}}}}}}}",
            )) from None
    return cache[key]


def _bootstrap_config(b: Mapping[str, Any]):
    from .stats import BootstrapConfig

    d = BootstrapConfig()
    return BootstrapConfig(
        int(b.get("resamples", d.resamples)), int(b.get("seed", d.seed)), int(b.get("min_docs", d.min_docs)),
        int(b.get("rounds", d.rounds)), float(b.get("confidence", d.confidence)),
    )


def _quality(
    label: str, split: str, base: RunData, new: RunData, tiers: Sequence[str], gates: Gates, boot, plan, cache: dict
) -> list[dict]:
    """Every tier's comparison of one extractor on one split: NEW vs BASE on the same
    documents, with the resamples ``plan`` shared by every extractor of the split. The
    records are pending (``_pending``: the check and the comparison) until ``_apply_gates``
    has adjusted the p-values of the whole comparison."""
    from .stats import compare_systems

    doc_ids = base.documents(split)
    b = _systems(base, split, cache)[label]
    n = _systems(new, split, cache)[label]
    comps = {c.tier: c for c in compare_systems(n, b, boot, plan, statistics=("micro",))}
    return [
        {"extractor": label, "split": split, "tier": tier, "documents": len(doc_ids), "_pending": (gates.for_tier(tier), comps[tier])}
        for tier in tiers
    ]


def _apply_gates(quality: list[dict], gates: Gates) -> int:
    """Decide every pending F1 check of ``quality`` (in place) on its p-value adjusted with
    ``gates.correction`` over the family of pending checks that have a p-value; returns the
    size of that family. Checks without a p-value keep it None and are not counted."""
    pending = [i for i, q in enumerate(quality) if "_pending" in q]
    raw = [quality[i]["_pending"][1].p_value for i in pending]
    adjusted = adjust_p_values(raw, gates.correction)
    size = family_size(raw)
    for i, p_adj in zip(pending, adjusted, strict=True):
        q = quality[i]
        check, c = q["_pending"]
        ci = c.ci95.to_json()
        reason = c.p_value_reason or c.ci95.reason
        outcome = check.evaluate(
            c.f1_b, c.f1_a, ci, c.p_value, gates.alpha, reason,
            p_adjusted=p_adj, correction=gates.correction, family=size,
        )
        quality[i] = {
            "extractor": q["extractor"], "split": q["split"], "tier": q["tier"], "status": outcome.status,
            "base_f1": _r(c.f1_b), "new_f1": _r(c.f1_a), "difference": _r(c.f1_a - c.f1_b),
            "ci95": None if ci is None else [_r(x) for x in ci],
            "p_value": _r(c.p_value),
            "p_adjusted": _r(p_adj),
            "reason": reason,
            "documents": q["documents"],
            "check": check.spec, "note": outcome.note,
            "beyond_threshold_by": _r(outcome.beyond),
            "message": outcome.message,
        }
    return size


# --------------------------------------------------------------------------- changes


def _arg_key(a: Mapping[str, Any]) -> str:
    cluster = a.get("cluster")
    if cluster:
        return str(cluster)
    return "\0" + " ".join(str(a.get("text") or "").lower().split())


def _record_key(r: Mapping[str, Any]) -> tuple:
    h, t = _arg_key(r.get("head") or {}), _arg_key(r.get("tail") or {})
    if r.get("type") != "visited" and t < h:
        h, t = t, h
    return (r.get("doc_id"), r.get("type"), h, t)


def _arg_name(a: Mapping[str, Any]) -> str:
    if a.get("name") is None:
        return f"{a.get('text')!r} (unaligned)"
    if a.get("text") is not None and a["text"] != a["name"]:
        return f"{a['name']} ({a['text']!r})"
    return str(a["name"])


def _flip(r: Mapping[str, Any], cls: str | None = None) -> dict:
    arrow = " -> " if r.get("type") == "visited" else ", "
    klass = cls or r.get("class")
    related = r.get("related") or []
    if related and klass == "missed":
        klass = f"missed (predicted with an error: {', '.join(related)})"
    return {
        "doc_id": r.get("doc_id"),
        "type": r.get("type"),
        "relation": f"{r.get('type')}({_arg_name(r.get('head') or {})}{arrow}{_arg_name(r.get('tail') or {})})",
        "class": klass,
        "sentence": r.get("sentence"),
        "explanation": r.get("explanation"),
    }


def _changes(label: str, split: str, base: RunData, new: RunData) -> dict:
    """What moved between the runs for one extractor on one split (pair tier)."""
    rb, rn = base.splits[split], new.splits[split]
    eb = (rb.get("errors") or {}).get(label) or {}
    en = (rn.get("errors") or {}).get(label) or {}
    out: dict[str, Any] = {"extractor": label, "split": split, "tier": "pair"}
    cb, cn = eb.get("counts") or {}, en.get("counts") or {}
    classes = list(dict.fromkeys([*cb, *cn]))
    out["error_classes"] = {c: [cb.get(c, 0), cn.get(c, 0)] for c in classes if cb.get(c, 0) != cn.get(c, 0)}
    # documents whose pair-tier counts changed
    pb = (rb["per_document"].get(label) or {}).get("pair") or {}
    pn = (rn["per_document"].get(label) or {}).get("pair") or {}
    docs = []
    for d in base.documents(split):
        sb = [sum(pb.get(d, {}).get(t, [0, 0, 0])[i] for t in TYPE_NAMES) for i in range(3)]
        sn = [sum(pn.get(d, {}).get(t, [0, 0, 0])[i] for t in TYPE_NAMES) for i in range(3)]
        if sb != sn:
            docs.append({"doc_id": d, "base": sb, "new": sn})
    out["documents"] = docs
    if "records" not in eb or "records" not in en:
        missing = [side.role for side, e in ((base, eb), (new, en)) if "records" not in e]
        out["records"] = False
        out["records_reason"] = (
            f"{' and '.join(missing)} stored no error records (bench score --errors, or a run directory, stores them)"
        )
        for k in CHANGE_KINDS:
            out[k] = []
        return out
    out["records"] = True
    fn_b = {_record_key(r): r for r in eb["records"] if r.get("kind") == "false_negative"}
    fn_n = {_record_key(r): r for r in en["records"] if r.get("kind") == "false_negative"}
    fp_b = {_record_key(r): r for r in eb["records"] if r.get("kind") == "false_positive"}
    fp_n = {_record_key(r): r for r in en["records"] if r.get("kind") == "false_positive"}

    def order(keys):
        return sorted(keys, key=lambda k: tuple(str(x) for x in k))

    out["newly_missed"] = [_flip(fn_n[k]) for k in order(fn_n.keys() - fn_b.keys())]
    out["newly_spurious"] = [_flip(fp_n[k]) for k in order(fp_n.keys() - fp_b.keys())]
    out["newly_found"] = [_flip(fn_b[k], "found") for k in order(fn_b.keys() - fn_n.keys())]
    out["no_longer_spurious"] = [_flip(fp_b[k]) for k in order(fp_b.keys() - fp_n.keys())]
    return out


# --------------------------------------------------------------------------- speed


def _speed(base: RunData, new: RunData, extractors: Sequence[str], gates: Gates) -> dict:
    out: dict[str, Any] = {"gated": gates.speed is not None, "threshold": None if gates.speed is None else gates.speed.threshold}
    missing = [side.role for side in (base, new) if side.speed is None]
    if missing:
        out["available"] = False
        out["reason"] = f"{' and '.join(missing)} without speed.json"
        out["extractors"] = []
        return out
    sb, sn = base.speed, new.speed
    out["available"] = True
    out["split"] = sb.get("split")
    notes = []
    if sb.get("split") != sn.get("split") or sb.get("corpus_hash") != sn.get("corpus_hash"):
        out["available"] = False
        out["reason"] = (
            f"timed on different documents (BASE split {sb.get('split')} {sb.get('corpus_hash')}, "
            f"NEW split {sn.get('split')} {sn.get('corpus_hash')})"
        )
        out["extractors"] = []
        return out
    mb, mn = sb.get("machine") or {}, sn.get("machine") or {}
    if (mb.get("cpu"), mb.get("cores")) != (mn.get("cpu"), mn.get("cores")):
        notes.append(
            f"speed measured on different machines (BASE: {mb.get('cpu')}, {mb.get('cores')} cores; "
            f"NEW: {mn.get('cpu')}, {mn.get('cores')} cores)"
        )
    if (sb.get("repeats"), sb.get("warmup")) != (sn.get("repeats"), sn.get("warmup")):
        notes.append("speed protocols differ (repeats or warm-up)")
    out["notes"] = notes
    threshold = gates.speed.threshold if gates.speed is not None else None
    rows = []
    for label in extractors:
        xb = (sb["extractors"] or {}).get(label)
        xn = (sn["extractors"] or {}).get(label)
        row: dict[str, Any] = {"extractor": label}
        if not xb or not xn or xb.get("status") != "complete" or xn.get("status") != "complete":
            why = []
            for side, x in (("BASE", xb), ("NEW", xn)):
                if not x:
                    why.append(f"not timed in {side}")
                elif x.get("status") != "complete":
                    why.append(f"{side}: {x.get('message') or x.get('status')}")
            row.update(status=NOT_COMPARED, message="; ".join(why))
            rows.append(row)
            continue
        tb, tn = xb.get("pass_times_s") or [], xn.get("pass_times_s") or []
        if not tb or not tn:
            row.update(status=NOT_COMPARED, message="no pass times recorded")
            rows.append(row)
            continue
        outcome = evaluate_speed(tb, tn, threshold, gated=gates.speed is not None)
        from .gates import quartiles

        b1, bm, b3 = quartiles(tb)
        n1, nm, n3 = quartiles(tn)
        row.update(
            status=outcome.status, note=outcome.note, message=outcome.message,
            base_docs_per_s=xb.get("docs_per_s"), new_docs_per_s=xn.get("docs_per_s"),
            base_median_s=_r(bm), new_median_s=_r(nm), base_iqr_s=[_r(b1), _r(b3)], new_iqr_s=[_r(n1), _r(n3)],
            change=_r(bm / nm - 1.0) if nm > 0 else None,
            beyond_threshold_by=_r(outcome.beyond),
        )
        rows.append(row)
    out["extractors"] = rows
    return out


# --------------------------------------------------------------------------- the comparison


def compare_runs(
    base: RunData,
    new: RunData,
    gates: Gates,
    splits: Sequence[str] | None = None,
    extractors: Sequence[str] | None = None,
) -> dict:
    """The comparison document (see the module docstring); its ``exit_code`` is 0 when every
    gate passes and 1 on a regression. ``splits`` and ``extractors`` restrict the comparison.
    Raises ``NotComparable`` for incomparable runs, and when a speed gate is asked for but the
    runs carry no comparable speed figures."""
    from .stats import Resamples

    chosen, labels = check_comparable(base, new, splits, extractors)
    if gates.speed is not None and (base.speed is None or new.speed is None):
        missing = " and ".join(s.role for s in (base, new) if s.speed is None)
        raise NotComparable([f"--fail {gates.speed.spec} needs speed.json in both runs; {missing} has none (run without --no-speed)"])
    speed = _speed(base, new, labels, gates)
    if gates.speed is not None and not speed["available"]:
        raise NotComparable([f"--fail {gates.speed.spec}: speed cannot be compared: {speed['reason']}"])
    tiers = [t for t in base.scoring_config.get("tiers", ["pair"])]
    boot = _bootstrap_config(base.bootstrap)
    quality: list[dict] = []
    systems: dict = {}  # (role, split) -> {label: SystemScore}
    completeness: list[dict] = []
    changes: list[dict] = []
    plans = {}
    for split in chosen:
        n_docs = len(base.documents(split))
        ok = n_docs >= boot.min_docs and boot.resamples
        plans[split] = Resamples(n_docs, boot.resamples, boot.seed) if ok else None
    for label in labels:
        for split in chosen:
            plan = plans[split]
            n_docs = len(base.documents(split))
            sb, mb = base.status[label].get(split, ("missing", None))
            sn, mn = new.status[label].get(split, ("missing", None))
            if sb == "complete" and sn == "complete":
                quality += _quality(label, split, base, new, tiers, gates, boot, plan, systems)
                changes.append(_changes(label, split, base, new))
                continue
            entry = {"extractor": label, "split": split, "base": sb, "new": sn, "base_message": mb, "new_message": mn}
            if sb == "complete" and sn in ("incomplete", "failed"):
                msg = f"{sn} in NEW: {_strip_state(mn, sn)}"
                part = _partial_f1(new, split, label)
                if part:
                    msg += f" ({part})"
                entry.update(status=FAIL, message=msg)
                for tier in tiers:
                    quality.append({
                        "extractor": label, "split": split, "tier": tier, "status": FAIL,
                        "documents": n_docs, "check": "complete", "message": msg,
                    })
            else:
                entry.update(status=NOT_COMPARED, message=_not_compared(sb, mb, sn, mn))
                for tier in tiers:
                    quality.append({
                        "extractor": label, "split": split, "tier": tier, "status": NOT_COMPARED,
                        "documents": n_docs, "check": None, "message": entry["message"],
                    })
            completeness.append(entry)
    tested = _apply_gates(quality, gates)

    failures = [q for q in quality if q["status"] == FAIL and q.get("check") != "complete"]
    failures_speed = [s for s in speed["extractors"] if s["status"] == FAIL]
    incomplete = [c for c in completeness if c["status"] == FAIL]
    verdict_lines = [f"{c['extractor']} ({c['split']}) {c['message']}" for c in incomplete]
    verdict_lines += [
        f"{q['extractor']} ({q['split']}, {q['tier']}): {_headline_figures(q, gates.correction)}" for q in failures
    ]
    verdict_lines += [f"{s['extractor']} (speed): {_speed_headline(s)}" for s in failures_speed]
    checked = quality + (speed["extractors"] if gates.speed is not None else [])
    counts = {s: sum(1 for q in checked if q["status"] == s) for s in (PASS, FAIL, UNTESTED, NOT_COMPARED)}
    warnings = [
        f"{q['extractor']} ({q['split']}, {q['tier']}): F1 {q['difference']:+.3f}, drop beyond the threshold but not tested ({q['reason']})"
        for q in quality if q["status"] == UNTESTED and q.get("beyond_threshold_by") is not None
    ]
    warnings += [f"{c['extractor']} ({c['split']}): not compared: {c['message']}" for c in completeness if c["status"] == NOT_COMPARED]
    floor = _p_floor_warning(boot.rounds, tested, gates)
    if floor:
        warnings.append(floor)
    regression = bool(failures or failures_speed or incomplete)
    return {
        "format_version": FORMAT_VERSION,
        "kind": COMPARE_KIND,
        "verdict": "regression" if regression else "pass",
        "exit_code": 1 if regression else 0,
        "regressions": verdict_lines,
        "warnings": warnings,
        "summary": {"checks": len(checked), **counts},
        "base": _side(base),
        "new": _side(new),
        "scorer": {"version": base.scorer_version, "config_hash": base.scoring_hash},
        "bootstrap": boot.to_dict(),
        "gates": gates.to_dict(family_size=tested),
        "splits": chosen,
        "tiers": tiers,
        "extractors": labels,
        "quality": quality,
        "completeness": completeness,
        "speed": speed,
        "changes": changes,
        "notes": _notes(base, new, labels),
    }


def _p_floor_warning(rounds: int, family: int, gates: Gates) -> str | None:
    """A warning when no quality check can fail because the randomisation test cannot give
    a p-value small enough: its smallest is ``1 / (rounds + 1)``, which Holm's correction
    multiplies by the family size for the smallest p. None when a check can fail."""
    if not family or rounds <= 0:
        return None
    factor = family if gates.correction == "holm" else 1
    if factor / (rounds + 1) <= gates.alpha + 1e-12:
        return None
    needed = math.ceil(factor / gates.alpha - 1e-9) - 1
    after = f" after the {CORRECTION_NAMES[gates.correction]} correction over {family} checks" if factor > 1 else ""
    return (
        f"no quality check can fail: with {rounds} randomisation rounds no p-value can reach alpha {gates.alpha:g}{after} "
        f"(the smallest is 1/{rounds + 1}); BASE needs at least {needed} rounds"
    )


def _strip_state(message: str | None, state: str) -> str:
    if not message:
        return "documents failed"
    prefix = f"{state}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def _partial_f1(run: RunData, split: str, label: str) -> str | None:
    part = (run.partial.get(split) or {}).get(label)
    try:
        f1 = part["results"][label]["pair"]["micro"]["f1"]
        n = len(part["corpus"]["documents"])
    except (KeyError, TypeError):
        return None
    return f"pair F1 {f1:.3f} on the {n} documents it finished; not comparable"


def _not_compared(sb: str, mb: str | None, sn: str, mn: str | None) -> str:
    parts = []
    for role, state, msg in (("BASE", sb, mb), ("NEW", sn, mn)):
        if state != "complete":
            parts.append(f"{state} in {role}" + (f" ({_strip_state(msg, state)})" if msg else ""))
    return "; ".join(parts)


def _side(run: RunData) -> dict:
    out = {"kind": run.kind, "scorer_version": run.scorer_version}
    if run.commit:
        out["commit"] = run.commit
        out["dirty"] = run.dirty
    if run.experiment:
        out["experiment"] = (run.experiment.get("experiment") or {}).get("name")
    return out


def _headline_figures(q: Mapping[str, Any], correction: str) -> str:
    p = format_p_adjusted(q["p_value"], q.get("p_adjusted"), correction)
    return f"F1 {q['difference']:+.3f} {format_interval(q['ci95'])}, {p}"


def _speed_headline(s: Mapping[str, Any]) -> str:
    return (
        f"{100 * s['change']:+.1f}% docs/s (median pass {s['base_median_s']:.3f} s -> {s['new_median_s']:.3f} s, "
        f"IQR [{s['base_iqr_s'][0]:.3f}, {s['base_iqr_s'][1]:.3f}] vs [{s['new_iqr_s'][0]:.3f}, {s['new_iqr_s'][1]:.3f}])"
    )


# --------------------------------------------------------------------------- rendering


def _esc(text: Any, cell: bool = False) -> str:
    """Text from the data, safe in markdown: no HTML tag or entity survives (``&`` and ``<``
    escaped); in a table cell, pipes escaped too."""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;")
    s = s.replace("\n", " ")
    return s.replace("|", "\\|") if cell else s


def _mark(q: Mapping[str, Any]) -> str:
    if q["status"] == FAIL:
        return " ❌"
    if q["status"] == NOT_COMPARED:
        return ""
    if q["status"] == UNTESTED:
        return " ⚠" if q.get("beyond_threshold_by") is not None else ""
    if q.get("note") == "within noise":
        return " ~"
    if q.get("note") == "improved":
        return " ▲"
    return ""


def _delta_cell(q: Mapping[str, Any] | None) -> str:
    if q is None:
        return ""
    if q["status"] == NOT_COMPARED:
        return "n/a"
    if "difference" not in q:
        return "incomplete ❌"
    return f"{q['difference']:+.3f}{_mark(q)}"


def _headline(doc: Mapping[str, Any], markdown: bool) -> list[str]:
    regs = doc["regressions"]
    s = doc["summary"]
    tally = f"{s['checks']} checks: {s['pass']} passed, {s['fail']} failed"
    if s["untested"]:
        tally += f", {s['untested']} not tested (too few documents)"
    if s[NOT_COMPARED]:
        tally += f", {s[NOT_COMPARED]} not compared"
    h = "### " if markdown else ""
    if not regs:
        lines = [f"{h}✅ no regression", "", tally]
    elif len(regs) == 1:
        lines = [f"{h}❌ regression in {_esc(regs[0]) if markdown else regs[0]}", "", tally]
    else:
        who = list(dict.fromkeys(r.split(" (", 1)[0] for r in regs))
        who_s = ", ".join(who)
        lines = [f"{h}❌ {len(regs)} regressions in {_esc(who_s) if markdown else who_s}", ""]
        lines += [f"- {_esc(r) if markdown else r}" for r in regs]
        lines += ["", tally]
    for w in doc["warnings"]:
        lines.append(f"{'- ' if markdown else ''}⚠ {_esc(w) if markdown else w}")
    return lines


def _provenance_line(doc: Mapping[str, Any]) -> str:
    def side(name: str, s: Mapping[str, Any]) -> str:
        parts = [s["kind"] if s["kind"] == "run" else "score report"]
        if s.get("commit"):
            parts.append(f"commit {s['commit'][:10]}{' (uncommitted changes)' if s.get('dirty') else ''}")
        return f"{name}: {', '.join(parts)}"

    b = doc["bootstrap"]
    return (
        f"{side('BASE', doc['base'])}; {side('NEW', doc['new'])}; scorer {doc['scorer']['version']} "
        f"(config {doc['scorer']['config_hash']}); paired bootstrap {b['resamples']} resamples and "
        f"approximate randomisation {b['rounds']} rounds over documents, seed {b['seed']}"
    )


def _correction(doc: Mapping[str, Any]) -> str:
    """The correction of a comparison document; ``none`` for one written before it was recorded."""
    return str(doc["gates"].get("correction") or "none")


def _correction_name(doc: Mapping[str, Any]) -> str | None:
    """How the correction is named in print (``Holm``), None without one."""
    return CORRECTION_NAMES.get(_correction(doc))


def _gate_lines(doc: Mapping[str, Any]) -> list[str]:
    g = doc["gates"]
    name = _correction_name(doc)
    if name:
        n = g.get("family_size")
        over = f" over the {n} checks with a p-value" if n is not None else ""
        title = CORRECTION_TITLES.get(_correction(doc)) or name
        p_rule = f"{name}-adjusted p ≤ {g['alpha']:g} ({title} correction{over}; untested checks are not counted)"
    else:
        p_rule = f"p ≤ {g['alpha']:g} (no correction for multiple testing)"
    out = []
    for c in g["f1"]:
        thr = f"{-100 * c['threshold']:g}% of BASE's F1" if c["relative"] else f"{-c['threshold']:g}"
        where = f"{c['tier']} tier" if c["tier"] else "every tier"
        out.append(f"{c['spec']}: fail when micro F1 drops by more than {thr} ({where}) and {p_rule}")
    if g["speed"]:
        out.append(f"{g['speed']['spec']}: fail when docs/s drops by more than {-100 * g['speed']['threshold']:g}% and the interquartile ranges of pass time do not overlap")
    else:
        out.append("speed: shown, not gated")
    return out


def render_markdown(doc: Mapping[str, Any], max_chars: int = MAX_MARKDOWN) -> str:
    """Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``: verdict first, then
    the delta table, the speed table, every check with its interval and p-value (folded) and
    the flipped relations (folded). Fewer flipped relations are listed when the text would
    exceed ``max_chars``."""
    text = ""
    for limit in (MAX_LISTED, 10, 5, 2, 0):
        text = _markdown(doc, limit)
        if len(text) <= max_chars:
            return text
    return text


def _markdown(doc: Mapping[str, Any], limit: int) -> str:
    out = ["## Benchmark comparison", ""]
    out += _headline(doc, markdown=True)
    out += ["", f"<sub>{_esc(_provenance_line(doc))}</sub>", ""]
    out += _delta_table(doc, markdown=True)
    out.append("")
    out.append(
        "Δ micro F1 (NEW − BASE). ❌ regression: drop beyond the threshold and significant; "
        "~ drop beyond the threshold within noise; ⚠ drop beyond the threshold, too few documents to test; "
        "▲ significant improvement."
    )
    out += _speed_section(doc, markdown=True)
    name = _correction_name(doc)
    pv = f"p-value and {name}-adjusted p-value" if name else "p-value"
    out += ["", f"<details><summary>Every check: F1, 95% interval of the difference, {pv}</summary>", ""]
    out += _checks_table(doc, markdown=True)
    out += ["", "Gates:", ""]
    out += [f"- {_esc(line)}" for line in _gate_lines(doc)]
    out += ["", "</details>"]
    for ch in doc["changes"]:
        out += _changes_block(ch, markdown=True, limit=limit)
    if limit < MAX_LISTED and any(ch[k] or ch["documents"] for ch in doc["changes"] for k in CHANGE_KINDS):
        out += ["", f"(at most {limit} flipped relations listed per kind to fit a comment; the JSON report lists all)"]
    if doc["notes"]:
        out += ["", "Notes:", ""]
        out += [f"- {_esc(n)}" for n in doc["notes"]]
    return "\n".join(out) + "\n"


def render_text(doc: Mapping[str, Any]) -> str:
    """The same content as the markdown, as plain text for a terminal."""
    out = ["bench compare", ""]
    out += _headline(doc, markdown=False)
    out += ["", _provenance_line(doc), ""]
    out += _delta_table(doc, markdown=False)
    out += ["", "delta micro F1 (NEW - BASE); ❌ regression, ~ within noise, ⚠ untested drop, ▲ improvement"]
    out += _speed_section(doc, markdown=False)
    out += ["", "checks:"]
    out += _checks_table(doc, markdown=False)
    out += ["", "gates:"]
    out += [f"  {line}" for line in _gate_lines(doc)]
    for ch in doc["changes"]:
        out += _changes_block(ch, markdown=False)
    if doc["notes"]:
        out += ["", "notes:"]
        out += [f"  {n}" for n in doc["notes"]]
    return "\n".join(out) + "\n"


def _grid(header: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        return out + ["| " + " | ".join(r) + " |" for r in rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(r):
        return "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _index(doc: Mapping[str, Any]) -> dict[tuple[str, str, str], dict]:
    return {(q["extractor"], q["split"], q["tier"]): q for q in doc["quality"]}


def _delta_table(doc: Mapping[str, Any], markdown: bool) -> list[str]:
    idx = _index(doc)
    tiers = doc["tiers"]
    header = ["extractor", "split", "pair F1 BASE → NEW" if markdown else "pair F1 BASE -> NEW", *(f"Δ {t}" if markdown else t for t in tiers)]
    rows = []
    for label in doc["extractors"]:
        for split in doc["splits"]:
            pair = idx.get((label, split, "pair"))
            if pair is None:
                continue
            if "base_f1" in pair:
                f1 = f"{pair['base_f1']:.3f} → {pair['new_f1']:.3f}" if markdown else f"{pair['base_f1']:.3f} -> {pair['new_f1']:.3f}"
            else:
                f1 = _esc(pair["message"], cell=True) if markdown else pair["message"]
            name = _esc(label, cell=True) if markdown else label
            rows.append([name, split, f1, *(_delta_cell(idx.get((label, split, t))) for t in tiers)])
    return _grid(header, rows, markdown)


def _p_cell(p: float | None) -> str:
    return format_p(p).replace("p=", "").replace("p n/a", "n/a").replace("p<", "<")


def _checks_table(doc: Mapping[str, Any], markdown: bool) -> list[str]:
    name = _correction_name(doc)
    p_columns = ["p", f"{name} p"] if name else ["p"]
    header = ["extractor", "split", "tier", "BASE", "NEW", "Δ" if markdown else "delta", "95% CI", *p_columns, "result"]
    rows = []
    for q in doc["quality"]:
        if "base_f1" in q:
            res = q["status"] + (f" ({q['note']})" if q.get("note") else "")
            if q["status"] == UNTESTED:
                res += f": {q['reason']}"
            p_cells = [_p_cell(q["p_value"])] + ([_p_cell(q.get("p_adjusted"))] if name else [])
            row = [
                q["extractor"], q["split"], q["tier"], f"{q['base_f1']:.3f}", f"{q['new_f1']:.3f}",
                f"{q['difference']:+.3f}", format_interval(q["ci95"]), *p_cells,
                res,
            ]
        else:
            row = [q["extractor"], q["split"], q["tier"], "", "", "", "", *("" for _ in p_columns), f"{q['status']}: {q['message']}"]
        rows.append([_esc(c, cell=True) for c in row] if markdown else row)
    return _grid(header, rows, markdown)


def _speed_section(doc: Mapping[str, Any], markdown: bool) -> list[str]:
    sp = doc["speed"]
    title = "Speed" + (" (gated)" if sp["gated"] else " (shown, not gated)")
    out = ["", f"**{title}**", ""] if markdown else ["", title.lower() + ":"]
    if not sp["available"]:
        out.append(f"not compared: {sp['reason']}")
        return out
    header = ["extractor", "docs/s BASE", "docs/s NEW", "change", "IQR of pass time BASE", "IQR NEW", "result"]
    rows = []
    for s in sp["extractors"]:
        if s["status"] == NOT_COMPARED:
            row = [s["extractor"], "", "", "", "", "", f"not compared: {s['message']}"]
        else:
            mark = " ❌" if s["status"] == FAIL else ""
            res = s["status"] + (f" ({s['note']})" if s.get("note") else "")
            row = [
                s["extractor"], f"{s['base_docs_per_s']:,.1f}", f"{s['new_docs_per_s']:,.1f}",
                f"{100 * s['change']:+.1f}%{mark}",
                f"{s['base_iqr_s'][0]:.3f}-{s['base_iqr_s'][1]:.3f} s", f"{s['new_iqr_s'][0]:.3f}-{s['new_iqr_s'][1]:.3f} s", res,
            ]
        rows.append([_esc(c, cell=True) for c in row] if markdown else row)
    out += _grid(header, rows, markdown)
    for n in sp.get("notes", ()):
        out.append(f"{'- ' if markdown else ''}{_esc(n) if markdown else n}")
    return out


def _changes_block(ch: Mapping[str, Any], markdown: bool, limit: int = MAX_LISTED) -> list[str]:
    counts = {k: len(ch[k]) for k in CHANGE_KINDS}
    if not any(counts.values()) and not ch["documents"]:
        return []
    label = f"{ch['extractor']}, {ch['split']}"
    if ch["records"]:
        parts = [f"{counts[k]} {k.replace('_', ' ')}" for k in CHANGE_KINDS if counts[k]]
        summary = f"What changed: {label}: " + ", ".join(parts or ["counts moved"])
    else:
        summary = f"What changed: {label}: {len(ch['documents'])} document(s) with different counts"
    out = [""]
    if markdown:
        out += [f"<details><summary>{_esc(summary)} (pair tier)</summary>", ""]
    else:
        out += [summary[0].lower() + summary[1:] + " (pair tier)"]
    if ch["error_classes"]:
        moved = ", ".join(f"{c} {b} -> {n}" for c, (b, n) in ch["error_classes"].items())
        out.append(f"{'' if markdown else '  '}Error classes: {_esc(moved) if markdown else moved}")
        out.append("")
    if not ch["records"]:
        out.append(f"{'' if markdown else '  '}{ch['records_reason']}; documents whose counts changed ([tp, fp, fn] BASE -> NEW):")
        for d in ch["documents"][:limit]:
            out.append(f"{'- ' if markdown else '  '}{d['doc_id']}: {d['base']} -> {d['new']}")
        if len(ch["documents"]) > limit:
            out.append(f"{'- ' if markdown else '  '}... and {len(ch['documents']) - limit} more (see the JSON report)")
    for kind in CHANGE_KINDS:
        items = ch[kind]
        if not items:
            continue
        out.append(f"**{CHANGE_TITLES[kind]}**" if markdown else f"  {CHANGE_TITLES[kind]}:")
        if markdown:
            out.append("")
        for it in items[:limit]:
            if markdown:
                out.append(f"- `{_esc(it['doc_id'])}` {_esc(it['relation'])}: {_esc(it['class'])}")
                if it.get("sentence"):
                    out.append(f"  > {_esc(it['sentence'])}")
            else:
                out.append(f"    {it['doc_id']} {it['relation']}: {it['class']}")
                if it.get("sentence"):
                    out.append(f"      \"{it['sentence']}\"")
        if len(items) > limit:
            out.append(f"{'- ' if markdown else '    '}... and {len(items) - limit} more (see the JSON report)")
        out.append("")
    if markdown:
        out.append("</details>")
    elif out[-1] == "":
        out.pop()
    return out


def render_refusal_markdown(error: NotComparable | BenchError) -> str:
    """Markdown for a comparison that could not be made (exit 2), so CI shows why."""
    lines = ["## Benchmark comparison", "", "### ⚠ not compared: the input cannot be used", ""]
    diffs = getattr(error, "differences", None) or str(error).splitlines()
    lines += [f"- {_esc(d.strip())}" for d in diffs if d.strip()]
    return "\n".join(lines) + "\n"


def render_json(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
