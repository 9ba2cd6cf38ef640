"""``report.html``: one self-contained page with the results, the plots and an error browser.

Self-contained means no network: the styles and the one small script are inline, the figures
are PNG data URIs, and a Content-Security-Policy allows nothing else (no external script,
style, font or image; the inline script is allowed by its sha256 only). Open it from disk,
attach it to an e-mail, archive it with the run.

Document text and plugin output are untrusted. Every piece of text that reaches the page
goes through ``html.escape`` (attribute values included), the error browser highlights
arguments by splitting the sentence into escaped pieces (never by inserting markup into
text), and the script reads only ``data-`` attributes and never writes HTML. So a document
containing ``<script>`` shows the characters ``<script>``, and even an injection that got
through would be blocked by the policy.

Sections: results tables (per split: extractors x tiers, F1 with its interval drawn as a
small bar), F1 with interval bars, speed against F1 (the Pareto view), per-type F1, the
challenge pass rates as a capability x extractor heat map, the error browser (every false
positive and false negative, filterable by split, extractor, kind, class and type, with the
arguments marked in the sentence), speed figures, paired comparisons, failures, and the
run's provenance (commit, machine, versions, configuration and its hash).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from . import summary
from . import tables as T
from .rundir import Run


def esc(value: Any) -> str:
    """Text as HTML, quotes included (safe in element content and in attribute values).

    >>> esc('"><img src=x onerror=alert(1)>')
    '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'
    """
    return html.escape("" if value is None else str(value), quote=True)


# --------------------------------------------------------------------------- page parts

STYLE = """
:root{--ink:#1f2430;--muted:#5b6270;--faint:#8a909c;--line:#e3e6eb;--bg:#f5f6f8;--card:#fff;
--accent:#0b63b6;--head:#dbe9ff;--tail:#ffe3c2;--warn:#fff4d6;--warn-ink:#7a5200;--fp:#b42318;--fn:#6941c6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
header.top{background:#14213d;color:#f2f4f8;padding:28px 0 22px}
header.top .wrap{display:flex;flex-direction:column;gap:6px}
header.top h1{margin:0;font-size:26px;font-weight:650;letter-spacing:-.01em}
header.top p{margin:0;color:#c9d1e1;max-width:900px}
header.top .meta{font-size:13px;color:#aab4c8}
header.top code{color:#e8edf7}
nav.toc{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);backdrop-filter:blur(4px)}
nav.toc .wrap{display:flex;flex-wrap:wrap;gap:4px 18px;padding-top:9px;padding-bottom:9px;font-size:14px}
nav.toc a{color:var(--muted);text-decoration:none}
nav.toc a:hover{color:var(--accent)}
.wrap{max-width:1440px;margin:0 auto;padding:0 24px}
main.wrap{padding-top:22px;padding-bottom:40px}
section.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px 24px 22px;margin:0 0 22px;box-shadow:0 1px 2px rgba(20,33,61,.04)}
h2{font-size:20px;margin:0 0 6px;font-weight:650;letter-spacing:-.005em}
h3{font-size:16px;margin:22px 0 4px;font-weight:620}
h3:first-of-type{margin-top:12px}
p.lead{color:var(--muted);margin:0 0 12px;max-width:980px}
p.prov{color:var(--muted);font-size:13.5px;margin:0 0 8px}
.scroll{overflow-x:auto;margin:6px 0 4px}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:13.5px}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:right;vertical-align:top;white-space:nowrap}
th{background:#f1f3f6;font-weight:600;color:#2b3140}
thead tr:first-child th{border-bottom:1px solid #d5d9e0}
th.grp{text-align:center;border-left:2px solid #fff}
td.name,th.name{text-align:left;font-weight:600}
td.g0{border-left:1px solid var(--line)}
tbody tr:hover td{background:#f8fafc}
td.best .v{font-weight:700;color:#0a3d75}
.v{font-weight:500;display:block}
.ci{color:var(--faint);font-size:11.5px;display:block;line-height:1.3}
.nci{color:var(--warn-ink);font-size:11.5px;display:block;line-height:1.3}
td.f1{min-width:88px}
.bar{display:block;position:relative;height:6px;margin:4px 0 1px;background:#eef0f3;border-radius:3px}
.bar .rng{position:absolute;top:1px;bottom:1px;background:#8fb8e6;border-radius:3px}
.bar .pt{position:absolute;top:-2px;width:3px;height:10px;margin-left:-1px;background:#0b4f94;border-radius:1px}
td.incomplete{background:var(--warn);color:var(--warn-ink);text-align:left;font-style:italic;white-space:normal}
ul.notes{margin:8px 0 0;padding-left:20px;color:var(--muted);font-size:13px}
figure{margin:14px 0 6px}
figure img{display:block;width:100%;max-width:940px;height:auto;border:1px solid var(--line);border-radius:6px;background:#fff}
figcaption{color:var(--muted);font-size:13px;margin-top:6px}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:8px 22px}
table.heat td{text-align:center;min-width:74px;font-weight:500}
table.heat td.cap,table.heat th.cap{text-align:left;font-weight:600;background:#fff}
table.heat tr.overall td{border-top:2px solid #c9ced6;font-weight:700}
.legend{display:flex;align-items:center;gap:8px;font-size:12px;color:var(--muted);margin:8px 0 0}
.legend .ramp{width:180px;height:10px;border-radius:5px}
.filters{display:flex;flex-wrap:wrap;gap:10px 14px;align-items:end;margin:10px 0 10px;padding:12px 14px;background:#f7f8fa;border:1px solid var(--line);border-radius:8px}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:3px}
.filters select,.filters input{font:inherit;font-size:13.5px;padding:5px 8px;border:1px solid #cfd4dc;border-radius:6px;background:#fff;color:var(--ink);min-width:130px}
.filters input{min-width:220px}
.filters button{font:inherit;font-size:13px;padding:6px 12px;border:1px solid #cfd4dc;border-radius:6px;background:#fff;cursor:pointer}
.filters .count{margin-left:auto;font-size:13px;color:var(--muted)}
table.errors{width:100%;table-layout:fixed}
table.errors td,table.errors th{text-align:left;white-space:normal;overflow-wrap:anywhere}
table.errors td.why{color:var(--muted);font-size:12.5px}
table.failures{width:100%}
table.failures td,table.failures th{text-align:left;white-space:normal}
td.zero{color:#c3c7cf}
table.errors td.doc{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.errwrap{max-height:720px;overflow:auto;border:1px solid var(--line);border-radius:8px}
.errwrap thead th{position:sticky;top:0;z-index:1}
mark{padding:0 2px;border-radius:3px;color:inherit}
mark.h{background:var(--head);box-shadow:inset 0 -2px 0 #6aa1e6}
mark.t{background:var(--tail);box-shadow:inset 0 -2px 0 #e0a458}
.badge{display:inline-block;font-size:11.5px;font-weight:600;padding:1px 7px;border-radius:10px;background:#eef0f4;color:#3b4252;white-space:nowrap}
.badge.FP{background:#fde8e6;color:var(--fp)}
.badge.FN{background:#efe9fb;color:var(--fn)}
.arg{font-weight:600}
.arg.h{color:#0b4f94}
.arg.t{color:#9a5a06}
.sub{color:var(--faint);font-size:12px}
.none{color:var(--faint);font-style:italic}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:8px 0 0;font-size:14px}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
pre{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:12px;overflow:auto;max-height:480px}
details{margin:8px 0}
summary{cursor:pointer;color:var(--accent);font-weight:550}
footer{color:var(--faint);font-size:12.5px;text-align:center;padding:10px 0 30px}
@media print{nav.toc{display:none}.errwrap{max-height:none}section.card{break-inside:avoid}}
"""

# The error browser's filter: reads data- attributes and the filter controls, toggles the
# `hidden` property of rows. It never writes HTML.
SCRIPT = """
(function () {
  var table = document.getElementById('error-table');
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var search = document.getElementById('error-search');
  var count = document.getElementById('error-count');
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var want = {};
    selects.forEach(function (s) { if (s.value) { want[s.getAttribute('data-filter')] = s.value; } });
    var q = search ? search.value.trim().toLowerCase() : '';
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok = true;
      for (var k in want) { if (r.getAttribute('data-' + k) !== want[k]) { ok = false; break; } }
      if (ok && q) { ok = texts[i].indexOf(q) !== -1; }
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = shown + ' of ' + rows.length + ' shown'; }
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  if (search) { search.addEventListener('input', apply); }
  var reset = document.getElementById('error-reset');
  if (reset) {
    reset.addEventListener('click', function () {
      selects.forEach(function (s) { s.value = ''; });
      if (search) { search.value = ''; }
      apply();
    });
  }
  apply();
})();
"""


def script_hash(script: str = SCRIPT) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(script: str = SCRIPT) -> str:
    return (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src {script_hash(script)}; base-uri 'none'; form-action 'none'"
    )


# --------------------------------------------------------------------------- cells


def _pct(x: float) -> str:
    return f"{100 * max(0.0, min(1.0, x)):.1f}%"


def _interval_bar(c: T.Cell) -> str:
    """A strip under the F1: the interval as a band, the F1 as a tick (numbers only)."""
    if c.f1 is None:
        return ""
    parts = ['<span class="bar" aria-hidden="true">']
    if c.low is not None and c.high is not None:
        parts.append(f'<span class="rng" style="left:{_pct(c.low)};width:{_pct(c.high - c.low)}"></span>')
    parts.append(f'<span class="pt" style="left:{_pct(c.f1)}"></span></span>')
    return "".join(parts)


def _f1_cell(c: T.Cell | None, best: bool, footnotes: list[str]) -> str:
    if c is None or c.f1 is None:
        return f'<td class="g0">{T.NO_VALUE}</td>'
    cls = "g0 f1 best" if best else "g0 f1"
    value = f'<span class="v">{T.fmt(c.f1)}</span>'
    if c.low is not None and c.high is not None:
        extra = f'<span class="ci">[{T.fmt(c.low)}, {T.fmt(c.high)}]</span>'
    else:
        reason = c.reason or "no interval"
        if reason not in footnotes:
            footnotes.append(reason)
        n = footnotes.index(reason) + 1
        extra = f'<span class="nci" title="{esc(reason)}">no CI<sup>{n}</sup></span>'
    return f'<td class="{cls}">{value}{extra}{_interval_bar(c)}</td>'


def results_table_html(run: Run, split: str) -> str:
    """The results of one split: extractors as rows, tiers as column groups."""
    t = T.split_table(run, split)
    tiers = run.tiers
    head1 = ['<th class="name" rowspan="2">extractor</th>']
    head1 += [f'<th class="grp" colspan="3">{esc(tier)}</th>' for tier in tiers]
    head1.append('<th rowspan="2" title="documents per second, steady state">docs/s</th>')
    head2 = []
    for _ in tiers:
        head2 += ["<th>F1 [95% CI]</th>", "<th>P</th>", "<th>R</th>"]
    rows = []
    footnotes: list[str] = []
    for e in t.frame.index:
        cells = [f'<td class="name">{esc(e)}</td>']
        if e in t.incomplete:
            note = T.incomplete_note(run, e, split) or t.incomplete[e]
            cells.append(f'<td class="incomplete" colspan="{3 * len(tiers)}">{esc(note)}</td>')
        else:
            for tier in tiers:
                c = T.cell(run, split, e, tier)
                cells.append(_f1_cell(c, e in t.best.get(tier, ()), footnotes))
                cells.append(f"<td>{T.fmt(c.precision) if c else T.NO_VALUE}</td>")
                cells.append(f"<td>{T.fmt(c.recall) if c else T.NO_VALUE}</td>")
        cells.append(f"<td>{esc(T.fmt_rate(T.docs_per_s(run, e)))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    notes = [f"<li><sup>{i}</sup> No CI: {esc(r)}.</li>" for i, r in enumerate(footnotes, 1)]
    out = [
        f'<p class="prov">Provenance: {esc(t.provenance)}.</p>',
        '<div class="scroll"><table class="results">',
        "<thead><tr>" + "".join(head1) + "</tr><tr>" + "".join(head2) + "</tr></thead>",
        "<tbody>" + "".join(rows) + "</tbody></table></div>",
    ]
    if notes:
        out.append('<ul class="notes">' + "".join(notes) + "</ul>")
    return "\n".join(out)


def frame_html(frame, cls: str = "", index_label: str | None = None) -> str:
    """A formatted DataFrame (strings) as an escaped HTML table."""
    if frame.empty:
        return ""
    label = index_label if index_label is not None else (frame.index.name or "")
    head = f'<th class="name">{esc(label)}</th>' + "".join(f"<th>{esc(c)}</th>" for c in frame.columns)
    body = []
    for idx, row in frame.iterrows():
        body.append(
            f'<tr><td class="name">{esc(idx)}</td>' + "".join(f"<td>{esc(T.cell_text(v))}</td>" for v in row.tolist()) + "</tr>"
        )
    return f'<div class="scroll"><table class="{esc(cls)}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


# --------------------------------------------------------------------------- heat map

# A sequential scale (light to dark blue-green), perceptually ordered.
_RAMP = [(0.0, (247, 251, 255)), (0.25, (198, 219, 239)), (0.5, (107, 174, 214)), (0.75, (33, 113, 181)), (1.0, (8, 48, 107))]


def heat_colour(x: float) -> tuple[str, str]:
    """Background and text colour of a pass rate in [0, 1].

    >>> heat_colour(0.0), heat_colour(1.0)
    (('#f7fbff', '#1f2430'), ('#08306b', '#ffffff'))
    """
    x = max(0.0, min(1.0, float(x)))
    for (x0, c0), (x1, c1) in zip(_RAMP, _RAMP[1:], strict=False):
        if x <= x1:
            f = 0.0 if x1 == x0 else (x - x0) / (x1 - x0)
            rgb = tuple(round(a + (b - a) * f) for a, b in zip(c0, c1, strict=True))
            break
    lum = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    return "#{:02x}{:02x}{:02x}".format(*rgb), ("#ffffff" if lum < 140 else "#1f2430")


def challenge_html(run: Run) -> str:
    frame = T.challenge_frame(run)
    strict = T.challenge_frame(run, strict=True)
    failed = [
        (e, v) for e, v in run.challenge.items() if not isinstance(v.get("capabilities"), Mapping)
    ]
    if frame.empty and not failed:
        return '<p class="none">No challenge results in this run.</p>'
    out = []
    if not frame.empty:
        head = '<th class="cap">capability</th>' + "".join(f"<th>{esc(e)}</th>" for e in frame.columns)
        body = []
        for cap, row in frame.iterrows():
            cells = [f'<td class="cap">{esc(cap)}</td>']
            for e, v in row.items():
                if v != v:  # NaN
                    cells.append(f"<td>{T.NO_VALUE}</td>")
                    continue
                bg, fg = heat_colour(v)
                s = strict.loc[cap, e] if cap in strict.index and e in strict.columns else None
                title = f"{cap}, {e}: pass {100 * v:.1f}%" + (f", strict {100 * s:.1f}%" if s is not None and s == s else "")
                cells.append(f'<td style="background:{bg};color:{fg}" title="{esc(title)}">{100 * v:.1f}</td>')
            cls = ' class="overall"' if cap == "overall" else ""
            body.append(f"<tr{cls}>" + "".join(cells) + "</tr>")
        out.append(f'<div class="scroll"><table class="heat"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')
        lo, mid, hi = heat_colour(0)[0], heat_colour(0.5)[0], heat_colour(1)[0]
        out.append(
            f'<div class="legend">0%<span class="ramp" style="background:linear-gradient(90deg,{lo},{mid},{hi})"></span>100% '
            "pass rate; hover a cell for the strict rate (realis and mode too)</div>"
        )
    if failed:
        out.append('<ul class="notes">' + "".join(
            f"<li>{esc(e)}: {esc(v.get('message') or v.get('status') or 'no result')}</li>" for e, v in failed
        ) + "</ul>")
    return "\n".join(out)


# --------------------------------------------------------------------------- error browser


def _find(sentence: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping case-insensitive occurrences of ``needle`` in ``sentence`` that are
    not part of a longer word ("Korea" is not marked inside "Korean").

    >>> _find("Russia and Russian media", "russia")
    [(0, 6)]
    """
    needle = (needle or "").strip()
    if not needle:
        return []
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, sentence, re.IGNORECASE)]


def _needles(arg: Mapping) -> list[str]:
    """What to look for in the sentence for one argument: the predicted text, the entity's
    name, then the name's last word (a surname) as a fallback."""
    out = []
    for key in ("text", "name"):
        v = arg.get(key)
        if isinstance(v, str) and v.strip() and v not in out:
            out.append(v)
    name = arg.get("name")
    if isinstance(name, str) and " " in name.strip():
        last = name.split()[-1]
        if len(last) >= 3:
            out.append(last)
    return out


def highlight(sentence: str, head: Mapping, tail: Mapping) -> str:
    """The sentence as escaped HTML with the head and tail arguments in ``<mark>``.

    The markup is built around escaped pieces of the text, so the text can never add markup.

    >>> highlight("A met <b>.", {"text": "A"}, {"text": "<b>"})
    '<mark class="h">A</mark> met <mark class="t">&lt;b&gt;</mark>.'
    """
    spans: list[tuple[int, int, str]] = []
    for cls, arg in (("h", head), ("t", tail)):
        for needle in _needles(arg):
            hits = _find(sentence, needle)
            if hits:
                spans += [(a, b, cls) for a, b in hits]
                break
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out, pos = [], 0
    for a, b, cls in spans:
        if a < pos:
            continue  # overlaps a span already marked
        out.append(esc(sentence[pos:a]))
        out.append(f'<mark class="{cls}">{esc(sentence[a:b])}</mark>')
        pos = b
    out.append(esc(sentence[pos:]))
    return "".join(out)


def _arg_html(arg: Mapping, cls: str) -> str:
    text, name = arg.get("text"), arg.get("name")
    if name is None and text is not None:
        return f'<span class="arg {cls}">{esc(text)}</span> <span class="sub">(unaligned)</span>'
    if text is not None and name is not None and text != name:
        return f'<span class="arg {cls}">{esc(text)}</span> <span class="sub">= {esc(name)}</span>'
    return f'<span class="arg {cls}">{esc(name if name is not None else arg.get("cluster", "?"))}</span>'


def error_records(run: Run) -> list[tuple[str, str, Mapping, bool]]:
    """Every error record of the run: ``(split, extractor, record, partial)``; records of an
    incomplete extractor come from its scores on the documents it finished."""
    out = []
    for split, report in run.splits.items():
        for e, entry in (report.get("errors") or {}).items():
            for r in entry.get("records") or ():
                if isinstance(r, Mapping):
                    out.append((split, e, r, False))
        for e in run.extractors:
            part = run.partial(e, split)
            if part is None:
                continue
            for r in ((part.get("errors") or {}).get(e) or {}).get("records") or ():
                if isinstance(r, Mapping):
                    out.append((split, e, r, True))
    return out


def _counts_html(frame) -> str:
    """Error counts per extractor and class; zeros are muted so the errors stand out."""
    head = '<th class="name">extractor</th>' + "".join(f"<th>{esc(c)}</th>" for c in frame.columns)
    body = []
    for idx, row in frame.iterrows():
        cells = "".join('<td class="zero">0</td>' if int(v) == 0 else f"<td>{int(v)}</td>" for v in row.tolist())
        body.append(f'<tr><td class="name">{esc(idx)}</td>{cells}</tr>')
    return f'<div class="scroll"><table class="counts"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _options(name: str, label: str, values: Iterable[str]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
    return f'<label>{esc(label)}<select data-filter="{esc(name)}"><option value="">all</option>{opts}</select></label>'


def error_browser(run: Run) -> str:
    records = error_records(run)
    counts = []
    for split in run.splits:
        frame = T.error_counts_frame(run, split)
        if not frame.empty:
            counts.append(f"<h3>{esc(split)}: errors by class</h3>" + _counts_html(frame))
    if not records:
        has_records = any(
            "records" in (entry or {}) for r in run.splits.values() for entry in (r.get("errors") or {}).values()
        )
        msg = "No false positives or false negatives." if has_records else "The scores of this run carry no error records."
        return "\n".join(counts) + f'<p class="none">{msg}</p>'
    rows = []
    for split, e, r, partial in records:
        kind = "FP" if r.get("kind") == "false_positive" else "FN"
        cls = str(r.get("class", ""))
        rtype = str(r.get("type", ""))
        head, tail = r.get("head") or {}, r.get("tail") or {}
        arrow = " → " if rtype == "visited" else ", "
        rel = f'{esc(rtype)}({_arg_html(head, "h")}{arrow}{_arg_html(tail, "t")})'
        if r.get("predictions", 1) > 1:
            rel += f' <span class="sub">×{int(r["predictions"])} predictions</span>'
        sentence = r.get("sentence")
        sent = highlight(sentence, head, tail) if isinstance(sentence, str) and sentence else '<span class="none">no sentence (prediction without offsets)</span>'
        why = esc(r.get("explanation", ""))
        if partial:
            why += ' <span class="sub">(incomplete extractor; documents it finished)</span>'
        attrs = (
            f'data-split="{esc(split)}" data-extractor="{esc(e)}" data-kind="{kind}" '
            f'data-class="{esc(cls)}" data-type="{esc(rtype)}"'
        )
        rows.append(
            f"<tr {attrs}><td>{esc(split)}</td><td>{esc(e)}</td><td class=\"doc\">{esc(r.get('doc_id', ''))}</td>"
            f'<td><span class="badge {kind}">{kind}</span></td><td><span class="badge">{esc(cls)}</span></td>'
            f'<td class="rel">{rel}</td><td class="sent">{sent}</td><td class="why">{why}</td></tr>'
        )

    def values(i: int) -> list[str]:
        seen: list[str] = []
        for rec in records:
            v = (rec[0], rec[1])[i] if i < 2 else None
            if v is not None and v not in seen:
                seen.append(v)
        return seen

    classes = sorted({str(r.get("class", "")) for _, _, r, _ in records})
    types = [t for t in T.TYPES if any(r.get("type") == t for _, _, r, _ in records)]
    filters = (
        '<div class="filters" role="search">'
        + _options("split", "split", values(0))
        + _options("extractor", "extractor", values(1))
        + _options("kind", "kind", [k for k in ("FP", "FN") if any(("FP" if r.get("kind") == "false_positive" else "FN") == k for _, _, r, _ in records)])
        + _options("class", "class", classes)
        + _options("type", "type", types)
        + '<label>text<input id="error-search" type="search" placeholder="document, name, word..."></label>'
        + '<button id="error-reset" type="button">reset</button>'
        + f'<span class="count" id="error-count">{len(records)} errors</span></div>'
    )
    table = (
        '<div class="errwrap"><table class="errors" id="error-table">'
        '<colgroup><col style="width:4.5%"><col style="width:10%"><col style="width:10%"><col style="width:4%">'
        '<col style="width:12.5%"><col style="width:16%"><col style="width:27%"><col style="width:16%"></colgroup><thead><tr>'
        "<th>split</th><th>extractor</th><th>document</th><th>kind</th><th>class</th>"
        "<th>relation</th><th>sentence</th><th>why</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table></div>"
    )
    return "\n".join(counts) + (
        '<h3>Every false positive and false negative</h3><p class="lead">FP: a predicted relation that is not '
        "in the gold; FN: a gold relation no prediction matched. The class says why (pair tier). In the sentence, "
        '<mark class="h">head</mark> and <mark class="t">tail</mark> arguments are marked.</p>'
        + filters + table
    )


# --------------------------------------------------------------------------- other sections


def comparisons_html(run: Run) -> str:
    blocks = []
    for split, report in run.splits.items():
        comps = [c for c in report.get("comparisons") or () if isinstance(c, Mapping)]
        if not comps:
            continue
        rows = []
        for c in comps:
            ci = c.get("ci95")
            ci_s = f"[{ci[0]:+.3f}, {ci[1]:+.3f}]" if ci else esc(c.get("ci95_reason") or "n/a")
            p = c.get("p_value")
            p_s = f"{p:.4f}" if isinstance(p, int | float) else esc(c.get("p_value_reason") or "n/a")
            diff = c.get("difference")
            rows.append(
                f'<tr><td class="name">{esc(c.get("a"))} vs {esc(c.get("b"))}</td><td>{esc(c.get("tier"))}</td>'
                f'<td>{esc(c.get("metric", ""))}</td><td>{"" if diff is None else f"{diff:+.3f}"}</td><td>{ci_s}</td><td>{p_s}</td></tr>'
            )
        blocks.append(
            f"<details><summary>{esc(split)}: {len(comps)} paired comparisons</summary>"
            '<div class="scroll"><table><thead><tr><th class="name">A vs B</th><th>tier</th><th>statistic</th>'
            "<th>A − B</th><th>95% CI</th><th>p (AR)</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div></details>"
        )
    if not blocks:
        return '<p class="none">No paired comparisons (fewer than two systems scored on a split).</p>'
    return "\n".join(blocks)


def failures_html(run: Run) -> str:
    if not run.failures:
        return '<p class="none">No failures: every extractor finished every document.</p>'
    rows = "".join(
        f'<tr><td class="name">{esc(f.extractor)}</td><td>{esc(f.split or "")}</td><td class="doc">{esc(f.doc_id)}</td>'
        f'<td><span class="badge">{esc(f.kind)}</span></td><td class="msg" style="text-align:left;white-space:normal">{esc(f.message)}</td></tr>'
        for f in run.failures
    )
    return (
        '<div class="scroll"><table class="failures"><thead><tr><th>extractor</th><th>split</th><th>document</th>'
        f"<th>kind</th><th>message</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def speed_html(run: Run) -> str:
    frame = T.speed_frame(run)
    if frame.empty:
        return '<p class="none">No speed figures in this run.</p>'
    m = run.speed_meta
    bits = []
    if m.get("split"):
        bits.append(f"documents of split {esc(m['split'])}")
    if m.get("repeats"):
        bits.append(f"{esc(m['repeats'])} timed passes after {esc(m.get('warmup', 1))} warm-up")
    lead = (
        "Each extractor is timed in its own fresh process, so no extractor's loaded models or warm "
        "caches speed up another. Cold start (import, build, fit) is reported apart from steady state; "
        "docs/s and words/s come from the median pass, latency from one document at a time."
    )
    if bits:
        lead += " Measured on " + ", ".join(bits) + "."
    lead += (
        f" {esc(T.RATIO_HEADER)} is an extractor's words/s as a multiple of the bare spaCy pipeline's, "
        "timed in the same run on the same documents."
    )
    note = T.speed_reference_note(run)
    notes = f'<ul class="notes"><li>{esc(note)}</li></ul>' if note else ""
    return f'<p class="lead">{lead} Machine: {esc(summary.machine_line(run))}.</p>' + frame_html(frame, "speed") + notes


def run_html(run: Run) -> str:
    facts = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in summary.facts(run))
    parts = [f'<dl class="facts">{facts}</dl>']
    corpus = (run.meta.get("corpus") or {}).get("splits") if isinstance(run.meta.get("corpus"), Mapping) else None
    if isinstance(corpus, Mapping) and corpus:
        rows = "".join(
            f'<tr><td class="name">{esc(s)}</td><td>{esc(v.get("documents", ""))}</td><td>{esc(v.get("annotated", ""))}</td>'
            f'<td style="text-align:left">{esc(", ".join(f"{n} {p}" for p, n in (v.get("provenance") or {}).items()))}</td>'
            f'<td>{esc(v.get("words", ""))}</td><td><code>{esc(v.get("hash", ""))}</code></td></tr>'
            for s, v in corpus.items() if isinstance(v, Mapping)
        )
        parts.append(
            '<h3>Corpus</h3><div class="scroll"><table><thead><tr><th class="name">split</th><th>documents</th>'
            f"<th>with gold</th><th>provenance</th><th>words</th><th>hash</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
    notes = summary.notes(run)
    if notes:
        parts.append('<h3>Notes</h3><ul class="notes">' + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>")
    if run.config:
        parts.append(
            "<details><summary>Experiment configuration</summary><pre>"
            + esc(json.dumps(run.config, indent=2, ensure_ascii=False, sort_keys=False)) + "</pre></details>"
        )
    scorer = run.meta.get("scorer")
    if isinstance(scorer, Mapping) and scorer.get("config"):
        parts.append(
            "<details><summary>Scoring configuration</summary><pre>"
            + esc(json.dumps(scorer["config"], indent=2, ensure_ascii=False)) + "</pre></details>"
        )
    return "\n".join(parts)


def _figure(plot, caption: str) -> str:
    if plot is None:
        return ""
    data = base64.b64encode(plot.png).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{esc(plot.alt)}" loading="eager">'
        f"<figcaption>{esc(caption)}</figcaption></figure>"
    )


# --------------------------------------------------------------------------- page


def render_html(run: Run, figures: bool = True) -> str:
    """The whole report.html. ``figures=False`` leaves the plots out (faster, for tests of
    the rest of the page)."""
    from . import plots

    splits = list(run.splits)
    sha, dirty = summary.commit(run)
    meta_bits = []
    if sha:
        meta_bits.append(f"commit <code>{esc(sha[:12])}</code>{' (uncommitted changes)' if dirty else ''}")
    for label, value in summary.facts(run):
        if label in ("date", "scorer version", "scoring config hash", "experiment config hash"):
            meta_bits.append(f"{esc(label)} <code>{esc(value)}</code>")
    description = (run.config.get("experiment") or {}).get("description") if isinstance(run.config.get("experiment"), Mapping) else None

    sections: list[tuple[str, str, str]] = []
    results = [
        '<p class="lead">Micro-averaged over the relation types (pooled counts). F1 with its 95% paired '
        "bootstrap interval over documents (the strip under it: interval band and F1 tick on a 0 to 1 scale); the best complete extractor per "
        "tier in bold. An extractor that failed on some documents is marked incomplete instead of given a misleading F1.</p>"
    ]
    for split in splits:
        results.append(f"<h3>Split {esc(split)}</h3>" + results_table_html(run, split))
    for split, reason in run.unscored.items():
        results.append(f'<h3>Split {esc(split)}</h3><p class="none">Not scored: {esc(reason)}.</p>')
    if not splits and not run.unscored:
        results.append('<p class="none">No split was scored in this run.</p>')
    sections.append(("results", "Results", "\n".join(results)))

    if figures and splits:
        intervals = [_figure(plots.f1_intervals(run, s), f"{s}: micro F1 per tier with 95% bootstrap intervals.") for s in splits]
        sections.append(("intervals", "F1 with intervals", "".join(intervals)))
        head = run.headline_split
        pareto = plots.speed_vs_f1(run, head)
        sections.append((
            "pareto", "Speed vs F1",
            _figure(pareto, f"Documents per second (log scale) against pair F1 on {head}; the Pareto front joins the extractors that no other beats on both.")
            if pareto is not None else '<p class="none">No speed figures to plot against F1.</p>',
        ))
    types = []
    for s in splits:
        if figures:
            types.append(_figure(plots.per_type_bars(run, s), f"{s}: pair F1 of visited, met and discussed; n/a where a type has no gold and no prediction."))
        if "pair" in run.tiers:
            types.append(f"<h3>{esc(s)}: per-type F1 (pair tier)</h3>" + frame_html(T.per_type_frame(run, s, "pair"), "types", "extractor"))
    if types:
        sections.append(("types", "Per relation type", "".join(types)))
    challenge_lead = (
        '<p class="lead">CheckList-style cases by capability. A case passes when the predicted pairs equal the required '
        "gold pairs: nothing missing, nothing extra (an invariance case: predictions follow the change)."
    )
    cm = run.challenge_meta
    if cm.get("suite_version") is not None:
        challenge_lead += f" Suite version {esc(cm['suite_version'])}, seed {esc(cm.get('seed', 0))}."
    sections.append(("challenge", "Challenge suite", challenge_lead + "</p>" + challenge_html(run)))
    sections.append(("errors", "Error browser", error_browser(run)))
    sections.append(("speed", "Speed", speed_html(run)))
    sections.append(("comparisons", "Paired comparisons", '<p class="lead">Difference in F1 between two systems on the same documents, its 95% paired bootstrap interval and the approximate-randomisation p-value.</p>' + comparisons_html(run)))
    sections.append(("failures", "Failures", failures_html(run)))
    sections.append(("run", "Run", run_html(run)))

    nav = "".join(f'<a href="#{key}">{esc(title)}</a>' for key, title, _ in sections)
    body = "\n".join(
        f'<section class="card" id="{key}"><h2>{esc(title)}</h2>\n{content}\n</section>' for key, title, content in sections
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{esc(csp())}">
<meta name="generator" content="relation-bench report">
<link rel="icon" href="data:,">
<title>relation-bench results: {esc(run.name)}</title>
<style>{STYLE}</style>
</head>
<body>
<header class="top"><div class="wrap">
<h1>relation-bench results: {esc(run.name)}</h1>
{f"<p>{esc(description)}</p>" if description else ""}
<p class="meta">{" · ".join(meta_bits)}</p>
</div></header>
<nav class="toc"><div class="wrap">{nav}</div></nav>
<main class="wrap">
{body}
</main>
<footer>Generated by <code>bench report</code> from the run directory's JSON files; every number here is in scores.json, speed.json and challenge.json.</footer>
<script>{SCRIPT}</script>
</body>
</html>
"""
