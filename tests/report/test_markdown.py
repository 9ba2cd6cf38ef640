"""report.md: per split the provenance, the results table and its notes; nothing a markdown
viewer would render as HTML."""

from __future__ import annotations

import re

from bench.report.markdown import render_markdown
from bench.report.tables import frame_to_markdown, split_table

from .fakerun import SCRIPT


def test_report_md_sections_and_tables(fake_run):
    md = render_markdown(fake_run)
    assert md.startswith("# Results: fake\n")
    assert "## Split: seed" in md and "## Split: dev" in md
    assert md.index("## Split: seed") < md.index("## Split: dev")
    assert "Provenance: 1 document scored: 1 real, 0 constructed." in md
    assert "Provenance: 12 documents scored: 0 real, 12 constructed." in md
    # the same table as the pandas frame, verbatim
    assert frame_to_markdown(split_table(fake_run, "dev").frame) in md
    assert "| broken.v1 | incomplete: 2 of 12 documents failed |" in md
    assert "- No CI: only 1 document; a bootstrap interval needs at least 10." in md
    for section in ("## Speed", "## Challenge suite", "## Failures"):
        assert section in md
    assert "**scorer version**: 1.0.0" in md
    assert "**commit**: 0123456789abcdef0123456789abcdef01234567" in md


def test_report_md_has_no_raw_html_from_inputs(fake_run):
    md = render_markdown(fake_run)
    assert SCRIPT not in md
    assert not re.search(r"<(script|img)\b", md)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md  # the description and the failure message, escaped


def test_every_table_row_has_the_header_width(fake_run):
    md = render_markdown(fake_run)
    blocks = re.findall(r"((?:^\|.*\|$\n?)+)", md, flags=re.M)
    assert len(blocks) >= 7
    for block in blocks:
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in block.strip().splitlines()}
        assert len(widths) == 1, block


def test_unscored_split_and_skipped_extractor_are_said(run_copy):
    import json

    from bench.report.html import render_html
    from bench.report.rundir import load_run

    scores = json.loads((run_copy / "scores.json").read_text())
    scores["config"]["corpus"]["splits"].append("test")
    scores["unscored"] = {"test": "no gold files for the 20 document(s) of split 'test'"}
    scores["extractors"]["noisy.v1"].update(status="skipped", message="skipped: extra 'embed' not installed")
    (run_copy / "scores.json").write_text(json.dumps(scores))
    run = load_run(run_copy)
    md = render_markdown(run)
    assert "## Split: test\n\nNot scored: no gold files for the 20 document(s) of split 'test'." in md
    assert "- noisy.v1: skipped: extra 'embed' not installed" in md
    html = render_html(run, figures=False)
    assert "Not scored: no gold files for the 20 document(s) of split &#x27;test&#x27;." in html
