"""The results of a run as pandas tables, and their markdown, CSV and LaTeX renderings.

Two kinds of table, built from the same numbers so no rendering can disagree with another:

- ``results_frame``: the long, numeric table (one row per split x extractor x tier x
  average), written as ``results.csv``: what a script or a notebook reads;
- ``split_table``: per split, extractors as rows and tiers as column groups, each group
  "F1 [95% CI]", "P", "R", then docs/s: what a paper shows. A cell reads
  ``0.812 [0.731, 0.880]``, or ``0.812 (no CI: 1 document)`` when the scorer gave no interval
  (the reason goes into a note under the table), or ``incomplete: 2 of 20 documents failed``
  when the extractor failed on some documents of the split (its F1 would be misleading).

Every table reports micro-averaged figures (pooled counts); macro and per-type values are in
``results_frame`` and in the per-type table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..speed import ratio_text
from ..speed_reference import (
    FIRST_PASS_HEADER,
    FIRST_PASS_RATIO_KEY,
    RATIO_HEADER,
    RATIO_KEY,
    REFERENCE_LABEL,
)
from .rundir import Run

TYPES = ("visited", "met", "discussed")
NO_VALUE = "–"
F1_HEADER = "F1 [95% CI]"
SPEED_GROUP = "speed"
SPEED_HEADER = "docs/s"


# --------------------------------------------------------------------------- numbers


def fmt(x: float | None, digits: int = 3) -> str:
    """A score with a fixed number of digits, or a dash when there is none.

    >>> fmt(0.8125), fmt(None)
    ('0.812', '–')
    """
    return NO_VALUE if x is None else f"{x:.{digits}f}"


def fmt_rate(x: float | None) -> str:
    """A throughput with about three significant digits.

    >>> fmt_rate(12345.6), fmt_rate(42.42), fmt_rate(0.1234)
    ('12,346', '42.4', '0.12')
    """
    if x is None:
        return NO_VALUE
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def short_reason(reason: str | None) -> str:
    """The few words a table cell can hold of why an interval is missing.

    >>> short_reason("only 1 document; a bootstrap interval needs at least 10")
    '1 document'
    >>> short_reason("bootstrap disabled (0 resamples)")
    'bootstrap disabled'
    """
    if not reason:
        return "see note"
    m = re.match(r"only (\d+ documents?)", reason)
    if m:
        return m.group(1)
    if reason.startswith("bootstrap disabled"):
        return "bootstrap disabled"
    return "see note"


def provenance_line(run: Run, split: str, with_split: bool = True) -> str:
    """How many real and constructed documents a split scored.

    Reports always say which they scored (real documents are the seed articles, verbatim;
    constructed ones were written for the benchmark).
    """
    corpus = run.splits[split].get("corpus") or {}
    docs = corpus.get("documents") or ()
    prov = dict(corpus.get("provenance") or {})
    parts = [f"{prov.pop('real', 0)} real", f"{prov.pop('constructed', 0)} constructed"]
    parts += [f"{v} {k}" for k, v in sorted(prov.items())]
    n = len(docs) or sum(int(v) for v in (corpus.get("provenance") or {}).values())
    noun = "document" if n == 1 else "documents"
    text = f"{n} {noun} scored: {', '.join(parts)}"
    return f"{split}: {text}" if with_split else text


# --------------------------------------------------------------------------- cells


@dataclass(frozen=True, slots=True)
class Cell:
    """One extractor's micro scores in one tier of one split, and how to show them."""

    f1: float | None
    low: float | None
    high: float | None
    precision: float | None
    recall: float | None
    reason: str | None = None
    failed: int = 0
    documents: int = 0

    @property
    def complete(self) -> bool:
        return self.failed == 0

    @property
    def text(self) -> str:
        """The F1 cell: ``0.812 [0.731, 0.880]``, ``0.812 (no CI: ...)`` or incomplete."""
        if not self.complete:
            return f"incomplete: {self.failed} of {self.documents} documents failed"
        if self.f1 is None:
            return NO_VALUE
        if self.low is None or self.high is None:
            return f"{fmt(self.f1)} (no CI: {short_reason(self.reason)})"
        return f"{fmt(self.f1)} [{fmt(self.low)}, {fmt(self.high)}]"


def cell(run: Run, split: str, extractor: str, tier: str, block: str = "micro", rtype: str | None = None) -> Cell | None:
    """The scores of ``extractor`` in ``tier`` on ``split`` (None when it was not scored).

    ``block`` is micro or macro; with ``rtype`` the per-type scores of that relation type.
    """
    incomplete = run.incomplete(extractor, split)
    if incomplete:
        return Cell(None, None, None, None, None, None, *incomplete)
    report = run.splits.get(split) or {"results": {}}
    t = (report["results"].get(extractor) or {}).get(tier)
    if not t:
        return None
    m = (t.get("per_type") or {}).get(rtype) if rtype else t.get(block)
    if not m:
        return None
    ci = m.get("ci95")
    return Cell(
        m.get("f1"), ci[0] if ci else None, ci[1] if ci else None, m.get("precision"), m.get("recall"),
        m.get("ci95_reason"), 0, len(run.documents(split)),
    )


def docs_per_s(run: Run, extractor: str) -> float | None:
    """Steady-state documents per second of ``extractor`` (None when not measured)."""
    figures = run.speed.get(extractor)
    value = figures.get("docs_per_s") if figures else None
    return float(value) if isinstance(value, int | float) and value == value else None


def incomplete_note(run: Run, extractor: str, split: str) -> str | None:
    """Why an extractor has no F1 on a split: which documents failed, and its scores on the
    documents it finished (said to be not comparable)."""
    counts = run.incomplete(extractor, split)
    if not counts:
        return None
    failed = sorted(run.failed_documents(extractor, split))
    shown = ", ".join(failed[:8]) + (", ..." if len(failed) > 8 else "")
    note = f"{extractor}: incomplete: {counts[0]} of {counts[1]} documents failed"
    if shown:
        note += f" ({shown})"
    part = run.partial(extractor, split)
    if part is not None:
        pair = ((part["results"].get(extractor) or {}).get("pair") or {}).get("micro") or {}
        n = len((part.get("corpus") or {}).get("documents") or ())
        if pair.get("f1") is not None:
            note += f"; pair F1 {fmt(pair['f1'])} on the {n} annotated documents it finished, not comparable with the others"
    return note + "."


# --------------------------------------------------------------------------- tables


def results_frame(run: Run) -> pd.DataFrame:
    """Every number of the run, long and numeric: one row per split x extractor x tier x
    average (micro, macro, and each relation type)."""
    rows = []
    for split, report in run.splits.items():
        documents = len(run.documents(split))
        for extractor in run.split_extractors(split):
            counts = run.incomplete(extractor, split)
            if counts:  # no scores, only the fact: k of n documents failed
                rows.append({
                    "split": split, "extractor": extractor, "tier": "", "average": "", "type": "",
                    "documents": counts[1], "failed_documents": counts[0], "complete": False,
                    "docs_per_s": docs_per_s(run, extractor),
                })
                continue
            tiers = report["results"].get(extractor)
            if not tiers:
                continue
            failed = 0
            for tier, t in tiers.items():
                blocks = [("micro", "", t["micro"]), ("macro", "", t["macro"])]
                blocks += [("type", ty, t["per_type"][ty]) for ty in TYPES if ty in t.get("per_type", {})]
                for average, rtype, m in blocks:
                    ci = m.get("ci95") or [None, None]
                    rows.append({
                        "split": split, "extractor": extractor, "tier": tier, "average": average,
                        "type": rtype, "precision": m.get("precision"), "recall": m.get("recall"),
                        "f1": m.get("f1"), "ci95_low": ci[0], "ci95_high": ci[1],
                        "ci95_reason": m.get("ci95_reason") or "", "tp": m.get("tp"),
                        "fp": m.get("fp"), "fn": m.get("fn"), "documents": documents,
                        "failed_documents": failed, "complete": failed == 0,
                        "docs_per_s": docs_per_s(run, extractor),
                    })
    columns = [
        "split", "extractor", "tier", "average", "type", "precision", "recall", "f1", "ci95_low",
        "ci95_high", "ci95_reason", "tp", "fp", "fn", "documents", "failed_documents", "complete",
        "docs_per_s",
    ]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class SplitTable:
    """The paper table of one split: formatted cells, their notes and the provenance line.

    ``frame`` has the extractors as index and ``(tier, metric)`` columns; ``best`` names, per
    tier, the complete extractor(s) with the highest F1 (the HTML report marks them).
    """

    split: str
    frame: pd.DataFrame
    notes: tuple[str, ...]
    provenance: str
    best: Mapping[str, frozenset[str]] = field(default_factory=dict)
    incomplete: Mapping[str, str] = field(default_factory=dict)


def split_table(run: Run, split: str, tiers: Sequence[str] | None = None) -> SplitTable:
    """Extractors as rows, tiers as column groups (F1 [95% CI], P, R), then docs/s."""
    tiers = list(tiers or run.tiers)
    extractors = run.split_extractors(split)
    columns = pd.MultiIndex.from_tuples(
        [(t, h) for t in tiers for h in (F1_HEADER, "P", "R")] + [(SPEED_GROUP, SPEED_HEADER)]
    )
    data = []
    reasons: list[str] = []
    incomplete: dict[str, str] = {}
    best: dict[str, frozenset[str]] = {}
    for tier in tiers:
        scored = {e: cell(run, split, e, tier) for e in extractors}
        values = {e: c.f1 for e, c in scored.items() if c is not None and c.complete and c.f1 is not None}
        if values:
            top = max(values.values())
            best[tier] = frozenset(e for e, v in values.items() if v == top)
    for e in extractors:
        row = []
        for tier in tiers:
            c = cell(run, split, e, tier)
            if c is None:
                row += [NO_VALUE] * 3
                continue
            if not c.complete:
                incomplete[e] = c.text
                row += [c.text, NO_VALUE, NO_VALUE]
                continue
            if c.low is None and c.reason and c.reason not in reasons:
                reasons.append(c.reason)
            row += [c.text, fmt(c.precision), fmt(c.recall)]
        row.append(fmt_rate(docs_per_s(run, e)))
        data.append(row)
    frame = pd.DataFrame(data, index=pd.Index(extractors, name="extractor"), columns=columns)
    notes = [f"No CI: {r}." for r in reasons]
    notes += [incomplete_note(run, e, split) for e in incomplete]
    return SplitTable(split, frame, tuple(notes), provenance_line(run, split, with_split=False), best, incomplete)


def per_type_frame(run: Run, split: str, tier: str = "pair") -> pd.DataFrame:
    """Per relation type F1 (with interval) of every extractor on one split and tier."""
    report = run.splits[split]
    extractors = run.split_extractors(split)
    data = []
    for e in extractors:
        row = []
        for ty in TYPES:
            c = cell(run, split, e, tier, rtype=ty)
            block = (((report["results"].get(e) or {}).get(tier) or {}).get("per_type") or {}).get(ty) or {}
            if c is None:
                row.append(NO_VALUE)
            elif "f1" in (block.get("zero_division") or ()):
                row.append(NO_VALUE)  # no gold and no prediction of this type
            else:
                row.append(c.text)
        data.append(row)
    return pd.DataFrame(data, index=pd.Index(extractors, name="extractor"), columns=list(TYPES))


def fmt_ratio(x: float | None) -> str:
    """A throughput ratio to the spaCy reference, or a dash when there is none.

    >>> fmt_ratio(18.437), fmt_ratio(0.931), fmt_ratio(None)
    ('18.4×', '0.93×', '–')
    """
    return ratio_text(x, NO_VALUE)


def speed_reference(run: Run) -> Mapping | None:
    """The entry of the bare spaCy pipeline in ``speed.json`` (``reference.spacy_pipeline``:
    its figures, or a status and message), or None when the run has none (older runs)."""
    ref = run.speed_meta.get("reference")
    entry = ref.get("spacy_pipeline") if isinstance(ref, Mapping) else None
    return entry if isinstance(entry, Mapping) else None


def speed_reference_note(run: Run) -> str | None:
    """What the ratio column compares with, or why it is empty (plain text, one sentence)."""
    ref = speed_reference(run)
    if ref is not None and isinstance(ref.get("words_per_s"), int | float):
        what = ref.get("description") or "the bare spaCy pipeline"
        return (
            f"{RATIO_HEADER}: words/s as a multiple of the reference's, measured in the same run on "
            f"the same documents by the same protocol: {what}. {FIRST_PASS_HEADER}: the same ratio "
            "for the first pass over the documents, text new to the process (the timed passes repeat "
            "the same documents, which favours an extractor that memoises work on repeated text)."
        )
    if ref is not None:
        why = ref.get("message") or ref.get("status") or "not measured"
        return f"{RATIO_HEADER}: no spaCy reference in this run ({why})."
    return f"{RATIO_HEADER}: no spaCy reference in this run (speed.json has no reference entry)."


def speed_frame(run: Run) -> pd.DataFrame:
    """The speed figures per extractor (``bench.speed.SpeedResult``), formatted; the column
    ``× spaCy parse`` is ``words_per_s_vs_spacy``, and a last row gives the spaCy reference's
    own figures when the run measured it."""
    rows = []

    def figures(label: str, s: Mapping, ratio: str, first_ratio: str) -> dict:
        def num(key, digits=2):
            v = s.get(key)
            return NO_VALUE if not isinstance(v, int | float) else f"{v:,.{digits}f}"

        median, iqr = s.get("pass_median_s"), s.get("pass_iqr_s")
        return {
            "extractor": label,
            "docs/s": fmt_rate(s.get("docs_per_s")),
            "words/s": fmt_rate(s.get("words_per_s")),
            RATIO_HEADER: ratio,
            FIRST_PASS_HEADER: first_ratio,
            "pass s (IQR)": NO_VALUE if median is None else f"{median:.3f} ({(iqr or 0):.3f})",
            "p50 ms": num("latency_p50_ms"),
            "p95 ms": num("latency_p95_ms"),
            "peak RSS MB": num("peak_rss_mb", 0),
            "cold start s": num("cold_start_s"),
            "docs × passes": f"{s.get('documents', NO_VALUE)} × {s.get('repeats', NO_VALUE)}",
            "overhead": NO_VALUE if s.get("harness_overhead") is None else f"{100 * s['harness_overhead']:.2f}%",
        }

    for e in run.extractors:
        s = run.speed.get(e)
        if not s:
            continue
        if not isinstance(s.get("docs_per_s"), int | float):
            message = s.get("message") or s.get("status") or "not measured"
            rows.append({"extractor": e, "docs/s": f"not measured: {message}"})
            continue
        rows.append(figures(e, s, fmt_ratio(s.get(RATIO_KEY)), fmt_ratio(s.get(FIRST_PASS_RATIO_KEY))))
    if not rows:
        return pd.DataFrame()
    ref = speed_reference(run)
    if ref is not None and isinstance(ref.get("docs_per_s"), int | float):
        rows.append(figures(REFERENCE_LABEL, ref, fmt_ratio(1.0),
                            fmt_ratio(1.0 if isinstance(ref.get("first_pass_words_per_s"), int | float) else None)))
    return pd.DataFrame(rows).fillna("").set_index("extractor")


def challenge_frame(run: Run, strict: bool = False) -> pd.DataFrame:
    """Capability x extractor pass rates (fractions, NaN where an extractor lacks one)."""
    key = "strict_pass_rate" if strict else "pass_rate"
    extractors = [e for e in run.extractors if isinstance((run.challenge.get(e) or {}).get("capabilities"), Mapping)]
    caps: list[str] = []
    for e in extractors:
        for c in run.challenge[e].get("capabilities", {}):
            if c not in caps:
                caps.append(c)
    data = {
        e: [((run.challenge[e].get("capabilities") or {}).get(c) or {}).get(key) for c in caps]
        for e in extractors
    }
    frame = pd.DataFrame(data, index=pd.Index(caps, name="capability"), dtype="float64")
    if extractors:
        overall = [((run.challenge[e].get("overall") or {}).get(key)) for e in extractors]
        frame.loc["overall"] = pd.Series(overall, index=extractors, dtype="float64")
    return frame


def error_counts_frame(run: Run, split: str) -> pd.DataFrame:
    """Per extractor the number of pair-tier errors of each taxonomy class on one split."""
    errors = (run.splits.get(split) or {}).get("errors") or {}
    rows = {e: dict(errors[e].get("counts") or {}) for e in run.extractors if isinstance(errors.get(e), Mapping)}
    if not rows:
        return pd.DataFrame()
    frame = pd.DataFrame.from_dict(rows, orient="index").fillna(0).astype(int)
    frame.index.name = "extractor"
    return frame


# --------------------------------------------------------------------------- renderings


def md_escape(text: str) -> str:
    """Text safe in a markdown table cell: no pipes, no inline HTML, no code spans.

    >>> md_escape("a|b <script>")
    'a\\\\|b &lt;script&gt;'
    """
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("`", "\\`").replace("\n", " ")


def frame_to_markdown(frame: pd.DataFrame, index_name: str | None = None) -> str:
    """A GitHub-flavoured markdown table; MultiIndex columns are joined ("pair F1 [95% CI]").
    Numeric columns are right-aligned."""
    index_name = index_name or frame.index.name or ""
    headers = [index_name]
    for col in frame.columns:
        if isinstance(col, tuple):
            group, name = col
            headers.append(name if group == SPEED_GROUP else f"{group} {name}")
        else:
            headers.append(str(col))
    align = ["---"] + ["---:" for _ in frame.columns]
    lines = ["| " + " | ".join(md_escape(h) for h in headers) + " |", "|" + "|".join(align) + "|"]
    for idx, row in frame.iterrows():
        cells = [md_escape(idx)] + [md_escape(cell_text(v)) for v in row.tolist()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cell_text(v) -> str:
    """A table value as text: a dash for a missing one (None or NaN)."""
    if v is None or (isinstance(v, float) and v != v):
        return NO_VALUE
    return str(v)


def to_csv(run: Run) -> str:
    """``results_frame`` as CSV (numbers unformatted; empty where there is no value)."""
    return results_frame(run).to_csv(index=False, lineterminator="\n", float_format="%.6g")


def to_latex(run: Run) -> str:
    """One booktabs table per split (``\\usepackage{booktabs}``), tiers as column groups."""
    parts = [
        "% Generated by `bench report` from the run's scores.json; do not edit by hand.",
        "% Needs \\usepackage{booktabs}. Micro-averaged scores; F1 with its 95% bootstrap interval.",
    ]
    for split in run.splits:
        t = split_table(run, split)
        frame = t.frame.copy()
        frame.index.name = None
        frame.columns = pd.MultiIndex.from_tuples(
            [("", h) if g == SPEED_GROUP else (g, h) for g, h in frame.columns]
        )
        caption = f"Results on the {split} split. {t.provenance[0].upper()}{t.provenance[1:]}."
        if t.notes:
            caption += " " + " ".join(t.notes)
        latex = frame.to_latex(
            escape=True, multicolumn=True, multicolumn_format="c", caption=caption,
            label=f"tab:results-{re.sub(r'[^A-Za-z0-9-]', '-', split)}",
            column_format="l" + "r" * len(frame.columns),
        )
        parts.append(latex)
    return "\n".join(parts).rstrip() + "\n"
