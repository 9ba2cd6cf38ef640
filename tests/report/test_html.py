"""report.html: self-contained, complete, and safe with hostile document text and plugin output.

The fake run carries ``<script>alert(1)</script>`` and ``"><img src=x onerror=alert(1)>``
in a document's text (shown in error sentences), in a plugin's predicted argument texts, in
a plugin's exception message (errors.json) and in the experiment description.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from bench.report.html import SCRIPT, csp, esc, heat_colour, highlight, render_html, script_hash
from bench.report.rundir import load_run

from .fakerun import IMG
from .fakerun import SCRIPT as INJECTED_SCRIPT


class Page(HTMLParser):
    """Every element with its attributes, the scripts' text and the visible text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def tags(self, name: str) -> list[dict]:
        return [a for t, a in self.elements if t == name]


def test_injection_never_becomes_markup(fake_html):
    page = Page(fake_html)
    assert page.scripts == [SCRIPT], "the only script is the report's own"
    for tag, attrs in page.elements:
        handlers = [a for a in attrs if a.lower().startswith("on")]
        assert not handlers, f"<{tag}> has event handler attribute(s) {handlers}"
    assert not [a for a in page.tags("img") if not a.get("src", "").startswith("data:image/png;base64,")]
    text = "".join(page.text)
    # The hostile strings are shown as text: in the sentence, the arguments, the failures.
    assert text.count(INJECTED_SCRIPT) >= 3
    assert text.count(IMG) >= 3
    assert "<script>" not in fake_html.replace(f"<script>{SCRIPT}</script>", "")
    assert "<img src=x" not in fake_html


def test_injected_text_in_a_sentence_is_escaped_and_marked(fake_html):
    """The d06 sentence holds the injection; noisy.v1 predicted it as arguments, so the error
    browser marks the escaped text."""
    assert f'<mark class="h">{esc(INJECTED_SCRIPT)}</mark>' in fake_html
    assert f'<mark class="t">{esc(IMG)}</mark>' in fake_html


def test_no_network_and_a_policy_that_allows_only_our_script(fake_html):
    page = Page(fake_html)
    for tag, attrs in page.elements:
        for key in ("src", "href", "action", "srcset", "poster", "data"):
            value = attrs.get(key)
            if value is None:
                continue
            assert value.startswith(("data:", "#")), f"<{tag} {key}={value!r}> would load something"
    assert not page.tags("iframe") and not page.tags("object") and not page.tags("embed")
    assert "@import" not in fake_html and "url(" not in fake_html
    meta = [a for a in page.tags("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1 and meta[0]["content"] == csp()
    assert script_hash() in meta[0]["content"] and "default-src 'none'" in meta[0]["content"]


def test_sections_tables_and_figures(fake_html, fake_run):
    page = Page(fake_html)
    ids = {a.get("id") for _, a in page.elements}
    assert {"results", "intervals", "pareto", "types", "challenge", "errors", "speed", "failures", "run"} <= ids
    results = [a for a in page.tags("table") if a.get("class") == "results"]
    assert len(results) == len(fake_run.splits)
    # interval plots for both splits, the Pareto view, per-type bars for both splits
    assert len(page.tags("img")) == 5
    assert all(a.get("alt") for a in page.tags("img"))
    text = "".join(page.text)
    assert "incomplete: 2 of 12 documents failed" in text
    assert "no CI1" in text and "1 No CI: only 1 document; a bootstrap interval needs at least 10." in text
    assert "12 documents scored: 0 real, 12 constructed" in text
    assert "1 document scored: 1 real, 0 constructed" in text
    assert "0123456789abcdef0123456789abcdef01234567" in text  # commit
    assert "fedcba9876543210" in text  # experiment config hash
    assert fake_run.meta["scorer"]["config_hash"] in text


def test_error_browser_lists_every_error_with_filters(fake_html, fake_run_dir):
    page = Page(fake_html)
    rows = [a for t, a in page.elements if t == "tr" and "data-kind" in a]
    scores = json.loads((fake_run_dir / "scores.json").read_text())
    expected = sum(len(e["records"]) for r in scores["splits"].values() for e in r["errors"].values())
    expected += sum(len(e["records"]) for p in scores["partial"].values() for r in p.values() for e in r["errors"].values())
    assert len(rows) == expected > 0
    assert {r["data-kind"] for r in rows} == {"FP", "FN"}
    assert {r["data-class"] for r in rows} >= {"unaligned_argument", "missed", "reversed_direction", "wrong_type"}
    filters = {a["data-filter"] for a in page.tags("select")}
    assert filters == {"split", "extractor", "kind", "class", "type"}
    options = [a["value"] for a in page.tags("option")]
    assert "noisy.v1" in options and "unaligned_argument" in options


def test_challenge_heat_map(fake_html, fake_run):
    page = Page(fake_html)
    heat = [a for a in page.tags("td") if a.get("style", "").startswith("background:#")]
    caps = len(fake_run.challenge["oracle.v1"]["capabilities"]) + 1  # + overall
    assert len(heat) == caps * len(fake_run.challenge)


def test_heat_colour_is_ordered_and_readable():
    dark = [heat_colour(x / 10)[0] for x in range(11)]
    lum = [sum(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in dark]
    assert lum == sorted(lum, reverse=True)
    assert heat_colour(0.9)[1] == "#ffffff" and heat_colour(0.1)[1] == "#1f2430"


def test_highlight_marks_arguments_without_trusting_text():
    out = highlight('Ann met "><b>Bo</b> today.', {"text": "Ann"}, {"name": "Bo"})
    assert out == '<mark class="h">Ann</mark> met &quot;&gt;&lt;b&gt;<mark class="t">Bo</mark>&lt;/b&gt; today.'
    # a surname stands for a full name that the sentence does not repeat
    assert highlight("Keller left.", {"name": "Bruno Keller"}, {"name": "Oslo"}) == '<mark class="h">Keller</mark> left.'
    # overlapping arguments: the first one wins, nothing is nested
    assert highlight("New York", {"text": "New York"}, {"text": "York"}) == '<mark class="h">New York</mark>'


def test_without_figures_and_without_optional_files(run_copy):
    for name in ("speed.json", "challenge.json", "errors.json"):
        (run_copy / name).unlink()
    page = Page(render_html(load_run(run_copy), figures=False))
    text = "".join(page.text)
    assert "No challenge results in this run." in text
    assert "No speed figures in this run." in text
    assert not page.tags("img")


def test_hostile_extractor_label_and_split_name_are_escaped(run_copy):
    """Labels come from configs; they are escaped like everything else."""
    raw = (run_copy / "scores.json").read_text()
    raw = raw.replace('"cooccurrence.v1"', json.dumps('co"><svg onload=alert(1)>'))
    (run_copy / "scores.json").write_text(raw)
    page = Page(render_html(load_run(run_copy), figures=False))
    assert not any(a for t, a in page.elements if any(k.startswith("on") for k in a))
    assert not page.tags("svg")
    assert re.search(r"co&quot;&gt;&lt;svg onload=alert\(1\)&gt;", render_html(load_run(run_copy), figures=False))
