"""A 10 MB document through ``bench extract --extractor trigger.v1`` in its own process: it
completes and writes valid predictions whose offsets slice the text. Its peak resident memory
is measured (``getrusage(RUSAGE_CHILDREN)`` of a process that runs only that one command) and
printed for the record; no time or memory limit is asserted.

The document is the seed article followed by a long data appendix (one short line per row, as
wire pages of results or shipment lists have): every line is a sentence and a boilerplate
candidate, so per-line work that grows with the document shows at this size."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from bench.corpus import PROJECT_ROOT

from .helpers import SEED_ID

SIZE = 10_000_000


def large_text() -> str:
    article = (PROJECT_ROOT / "seeds" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    rows = [article, "\n\nAppendix: shipments listed in the ministry's statement\n\n"]
    n = sum(map(len, rows))
    i = 0
    while n < SIZE:
        row = f"{i:07d}, {(i * 37) % 1000}.{i % 10} tonnes, {(i * 91) % 10000} units, code {(i * 7919) % 100003:06d}\n"
        rows.append(row)
        n += len(row)
        i += 1
    return "".join(rows)


MEASURE = textwrap.dedent(
    """
    import json, resource, subprocess, sys
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr,
                      "peak_rss_kb": usage.ru_maxrss, "cpu_s": usage.ru_utime + usage.ru_stime}))
    """
)


def test_a_10_mb_document_is_processed_and_gives_valid_output(tmp_path):
    text = large_text()
    source = tmp_path / "big.txt"
    source.write_text(text, encoding="utf-8")
    assert source.stat().st_size >= SIZE
    out = tmp_path / "big.jsonl"
    command = [sys.executable, "-m", "bench", "extract", "--extractor", "trigger.v1", "--input", str(source), "--output", str(out)]
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True)
    result = json.loads(done.stdout)
    assert "Traceback" not in result["err"], result["err"]
    assert result["code"] == 0, result["err"]
    assert result["out"].startswith("trigger.v1: 1 documents, ")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records, "the seed article's relations are found"
    for r in records:
        assert r["doc_id"] == "big"
        for role in ("head", "tail"):
            if "start" in r[role]:
                assert text[r[role]["start"] : r[role]["end"]] == r[role]["text"]
    print(f"10 MB document: peak RSS {result['peak_rss_kb'] / 1024:.0f} MB, CPU {result['cpu_s']:.1f} s, {len(records)} relations")
