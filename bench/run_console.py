"""What ``bench run`` shows on the console: the progress bar and the results table.

The progress bar goes to stderr (``_progress``; tqdm without its monitor thread, since
workers are forked from this process). ``results_table`` renders the plain-text summary
printed at the end of a run (per split and extractor, F1 with its interval per tier; then
speed and challenge pass rates) from the JSON documents of the run directory only, so it can
be rebuilt later.
"""

from __future__ import annotations

import sys

from .run_records import COMPLETE, FAILED, INCOMPLETE, SKIPPED
from .speed_reference import RATIO_HEADER, REFERENCE_LABEL


def _progress(total: int, enabled: bool):
    if not enabled or total <= 0:
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: workers are forked from this process
    return tqdm(total=total, file=sys.stderr, unit="step", desc="bench run", dynamic_ncols=True, leave=False, disable=None)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _f1_cell(block: dict) -> str:
    if "f1" in block.get("zero_division", ()):
        return "n/a"  # 0/0: nothing to score in this tier (the JSON records the value used)
    ci = block.get("ci95")
    if not ci:
        return _pct(block["f1"])
    return f"{_pct(block['f1'])} [{_pct(ci[0])}-{_pct(ci[1])}]"


def _grid(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    full = [r for r in [header, *rows] if len(r) == len(header)]
    widths = [max(len(r[i]) for r in [*full, *rows] if i < len(r) and (i == 0 or r in full)) for i in range(len(header))]

    def line(r: list[str]) -> str:
        cells = []
        for i, c in enumerate(r):
            if len(r) < len(header) and i == len(r) - 1:
                cells.append(c)  # a message spanning the remaining columns
            else:
                cells.append(c.rjust(widths[i]) if i in right else c.ljust(widths[i]))
        return "  ".join(cells).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]




def results_table(scores: dict, speed: dict | None = None, challenge: dict | None = None) -> str:
    """The plain-text results of a run: per split, per extractor, micro F1 x 100 with its 95%
    interval per tier, pair-tier P and R, and docs/s; then speed and challenge pass rates.

    Works from the JSON documents of the run directory only, so it can be rebuilt later.
    """
    config = scores["config"]
    tiers = config["scoring"]["tiers"]
    out = [
        f"relation-bench run {config['experiment']['name']!r} (config {scores['config_hash']}, "
        f"scorer {scores['scorer']['version']} {scores['scorer']['config_hash']}, "
        f"bootstrap {scores['bootstrap']['resamples']} resamples, seed {scores['bootstrap']['seed']})",
    ]
    rates = {}
    if speed is not None:
        rates = {k: v.get("docs_per_s") for k, v in speed["extractors"].items() if v.get("status") == COMPLETE}
    extractors = scores["extractors"]
    for split in config["corpus"]["splits"]:
        info = scores["corpus"]["splits"].get(split, {})
        prov = ", ".join(f"{n} {p}" for p, n in info.get("provenance", {}).items())
        n = info.get("documents", "?")
        out += ["", f"split {split}: {n} document{'' if n == 1 else 's'} ({prov}), {info.get('annotated', '?')} with gold"]
        report = scores["splits"].get(split)
        if report is None:
            out.append(f"  not scored: {scores['unscored'].get(split, 'no scores')}")
        header = ["extractor", *tiers, "P", "R", "docs/s"]
        rows = []
        for label, entry in extractors.items():
            rate = rates.get(label)
            rate_s = "-" if rate is None else f"{rate:,.1f}"
            split_entry = entry["splits"].get(split)
            if entry["status"] in (SKIPPED, FAILED):
                rows.append([label, entry["message"] or entry["status"]])
                continue
            if split_entry is not None and split_entry["status"] == FAILED:
                rows.append([label, split_entry["message"]])
                continue
            if split_entry is not None and split_entry["status"] == INCOMPLETE:
                msg = split_entry["message"]
                part = scores.get("partial", {}).get(split, {}).get(label)
                if part is not None:
                    pair = part["results"][label]["pair"]["micro"]
                    msg += f" (pair F1 {_pct(pair['f1'])} on the {len(part['corpus']['documents'])} it finished; not comparable)"
                rows.append([label, msg])
                continue
            if report is None or label not in report["results"]:
                continue
            res = report["results"][label]
            pair = res["pair"]["micro"]
            rows.append([label, *(_f1_cell(res[t]["micro"]) if t in res else "-" for t in tiers), _pct(pair["precision"]), _pct(pair["recall"]), rate_s])
        if rows:
            out += ["  " + line for line in _grid(header, rows, set(range(1, len(header))))]
        if report is not None:
            reason = next((b["ci95_reason"] for r in report["results"].values() for b in [r["pair"]["micro"]] if b.get("ci95_reason")), None)
            note = f"(no intervals: {reason})" if reason else f"[95% bootstrap interval over documents, {report['bootstrap']['resamples']} resamples]"
            out.append(f"  micro F1 x 100 per tier {note}; P, R: pair tier; docs/s: speed protocol")
    if speed is not None:
        out += ["", f"speed on split {speed['split']!r} ({speed['repeats']} timed passes after {speed['warmup']} warm-up, a fresh process per extractor; {speed['machine'].get('cpu')}, {speed['machine'].get('cores')} cores)"]
        from .speed import ratio_text

        header = ["extractor", "docs/s", "words/s", RATIO_HEADER, "IQR s", "cold start s", "p50 ms", "p95 ms", "peak RSS MB", "overhead %"]
        rows = []
        reference = (speed.get("reference") or {}).get("spacy_pipeline") or {}

        def figures(label: str, r: dict, ratio: str) -> list[str]:
            return [
                label, f"{r['docs_per_s']:,.1f}", f"{r['words_per_s']:,.0f}", ratio, f"{r['pass_iqr_s']:.3f}",
                f"{r['cold_start_s']:.2f}", f"{r['latency_p50_ms']:.1f}", f"{r['latency_p95_ms']:.1f}",
                f"{r['peak_rss_mb']:.0f}", f"{100 * r['harness_overhead']:.2f}",
            ]

        for label, r in speed["extractors"].items():
            if r.get("status") != COMPLETE:
                rows.append([label, r.get("message") or r.get("status", "")])
                continue
            rows.append(figures(label, r, ratio_text(r.get("words_per_s_vs_spacy"))))
        if reference.get("status") == COMPLETE:
            rows.append(figures(REFERENCE_LABEL, reference, ratio_text(1.0)))
        out += ["  " + line for line in _grid(header, rows, set(range(1, len(header))))]
        if reference.get("status") == COMPLETE:
            out.append(f"  {RATIO_HEADER}: words/s as a multiple of the reference's, {reference.get('description') or 'the bare spaCy pipeline'}")
        elif reference:
            out.append(f"  {RATIO_HEADER}: not available; {REFERENCE_LABEL}: {reference.get('message') or reference.get('status')}")
    if challenge is not None:
        done = {k: v for k, v in challenge["extractors"].items() if v.get("status") == COMPLETE}
        out += ["", f"challenge suite (seed {challenge['seed']}, version {challenge['suite_version']}): pass % per capability"]
        if done:
            caps = list(dict.fromkeys(c for v in done.values() for c in v["capabilities"]))
            header = ["capability", *done]
            rows = [[c, *(_pct(v["capabilities"][c]["pass_rate"]) if c in v["capabilities"] else "-" for v in done.values())] for c in caps]
            rows.append(["overall", *(_pct(v["overall"]["pass_rate"]) for v in done.values())])
            rows.append(["macro", *(_pct(v["macro_pass_rate"]) for v in done.values())])
            out += ["  " + line for line in _grid(header, rows, set(range(1, len(header))))]
        for label, v in challenge["extractors"].items():
            if v.get("status") != COMPLETE:
                out.append(f"  {label}: {v.get('message') or v.get('status')}")
    n = scores.get("errors", {}).get("count", 0)
    if n:
        kinds = ", ".join(f"{k} {c}" for k, c in scores["errors"]["by_kind"].items())
        out += ["", f"{n} error(s) recorded ({kinds}); see errors.json"]
    return "\n".join(out) + "\n"
