"""``bench score`` end to end on a small corpus built in a temporary directory."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from scorer_cases import M, V, pred, standard

from bench.cli import main
from bench.corpus import sha256_text
from bench.jsonio import dump_annotation
from bench.predictions import write_predictions
from bench.scoring import TIERS, TYPE_NAMES, gold_as_predictions


@pytest.fixture
def corpus_root(tmp_path):
    """12 annotated test documents, 2 annotated dev documents, 1 dev document without gold."""
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    (root / "annotations").mkdir()
    entries = []
    gold = {}
    for i in range(15):
        doc_id = f"t{i:02d}" if i < 12 else f"v{i:02d}"
        doc, ann = standard(doc_id)
        (root / "seeds" / f"{doc_id}.txt").write_text(doc.text, encoding="utf-8", newline="")
        entries.append({
            "id": doc_id, "file": f"{doc_id}.txt", "sha256": sha256_text(doc.text),
            "provenance": "constructed" if i else "real", "split": "test" if i < 12 else "dev",
        })
        if i < 14:
            (root / "annotations" / f"{doc_id}.json").write_text(dump_annotation(ann), encoding="utf-8")
            gold[doc_id] = ann
    (root / "seeds" / "manifest.json").write_text(json.dumps({"version": 1, "documents": entries}), encoding="utf-8")
    return root, gold


def oracle(gold, ids):
    return [p for i in ids for p in gold_as_predictions(gold[i])]


def run(capsys, *argv):
    code = main(["score", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_report_layout_and_oracle(tmp_path, corpus_root, capsys):
    root, gold = corpus_root
    test_ids = [i for i in gold if i.startswith("t")]
    write_predictions(tmp_path / "oracle.jsonl", oracle(gold, test_ids))
    # a weaker system: the visited relations only, one reversed
    weak = [pred(i, V, "Lavrov", "Beijing") for i in test_ids[:8]] + [pred("t09", V, "Beijing", "Lavrov")]
    write_predictions(tmp_path / "weak.jsonl", weak)
    code, out, err = run(
        capsys, "--pred", str(tmp_path / "oracle.jsonl"), "--pred", str(tmp_path / "weak.jsonl"),
        "--root", str(root), "--split", "test", "--format", "json", "--bootstrap", "200", "--rounds", "200",
    )
    assert code == 0, err
    d = json.loads(out)
    assert d["format_version"] == 1 and d["scorer_version"] == "1.0.0"
    assert len(d["config_hash"]) == 16 and d["config"]["zero_division"] == 0.0
    assert d["bootstrap"]["seed"] == 0 and d["bootstrap"]["resamples"] == 200 and d["bootstrap"]["min_docs"] == 10
    assert d["corpus"]["split"] == "test" and d["corpus"]["documents"] == test_ids
    assert d["corpus"]["provenance"] == {"constructed": 11, "real": 1}
    assert d["systems"] == ["oracle", "weak"]
    for system in ("oracle", "weak"):
        assert list(d["results"][system]) == list(TIERS)
        for tier in TIERS:
            t = d["results"][system][tier]
            for block in (t["micro"], t["macro"], *(t["per_type"][ty] for ty in TYPE_NAMES)):
                assert {"precision", "recall", "f1", "tp", "fp", "fn", "ci95"} <= set(block)
                assert block["ci95"] is None or len(block["ci95"]) == 2
                if block["ci95"] is None:
                    assert block["ci95_reason"]
    for tier in TIERS:
        assert d["results"]["oracle"][tier]["micro"]["f1"] == 1.0
        assert d["results"]["oracle"][tier]["micro"]["ci95"] == [1.0, 1.0]
    weak_pair = d["results"]["weak"]["pair"]["micro"]
    assert (weak_pair["tp"], weak_pair["fp"], weak_pair["fn"]) == (8, 1, 36 - 8)
    comps = [c for c in d["comparisons"] if c["tier"] == "pair" and c["metric"] == "micro_f1"]
    assert len(comps) == 1 and comps[0]["a"] == "oracle" and comps[0]["b"] == "weak"
    assert comps[0]["difference"] > 0 and comps[0]["p_value"] is not None and comps[0]["ci95"][0] > 0
    assert d["per_document"]["weak"]["pair"]["t09"]["visited"] == [0, 1, 1]
    assert d["errors"]["weak"]["counts"]["reversed_direction"] == 1
    assert "records" not in d["errors"]["weak"]
    assert d["input_problems"] == []


def test_table_has_one_table_per_tier_and_the_comparisons(tmp_path, corpus_root, capsys):
    root, gold = corpus_root
    ids = [i for i in gold if i.startswith("t")]
    write_predictions(tmp_path / "a.jsonl", oracle(gold, ids))
    write_predictions(tmp_path / "b.jsonl", oracle(gold, ids[:6]))
    code, out, _ = run(capsys, "--pred", str(tmp_path / "a.jsonl"), "--pred", str(tmp_path / "b.jsonl"), "--name", "full", "--name", "half", "--root", str(root), "--bootstrap", "100", "--rounds", "100")
    assert code == 0
    for tier in TIERS:
        assert f"{tier} tier" in out
    assert out.count("full vs half") == 2 * len(TIERS)  # micro and macro under each tier
    assert "[1.00, 1.00]" in out
    assert "split inferred from the predicted documents: test" in out


def test_csv_and_markdown(tmp_path, corpus_root, capsys):
    root, gold = corpus_root
    write_predictions(tmp_path / "o.jsonl", oracle(gold, ["t00"]))
    code, out, _ = run(capsys, "--pred", str(tmp_path / "o.jsonl"), "--root", str(root), "--split", "test", "--format", "csv", "--bootstrap", "50", "--rounds", "50")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(TIERS) * 5  # micro, macro, three types
    pair = next(r for r in rows if r["tier"] == "pair" and r["average"] == "micro")
    assert (pair["tp"], pair["fn"]) == ("3", str(3 * 11))
    code, out, _ = run(capsys, "--pred", str(tmp_path / "o.jsonl"), "--root", str(root), "--split", "test", "--format", "md", "--bootstrap", "50", "--rounds", "50")
    assert "## pair tier" in out and "| system |" in out


def test_too_few_documents_print_the_reason_instead_of_an_interval(tmp_path, corpus_root, capsys):
    root, gold = corpus_root
    write_predictions(tmp_path / "o.jsonl", oracle(gold, ["v12"]))
    code, out, _ = run(capsys, "--pred", str(tmp_path / "o.jsonl"), "--root", str(root), "--format", "json")
    d = json.loads(out)
    assert d["corpus"]["split"] == "dev" and d["corpus"]["split_inferred"] is True
    assert d["corpus"]["documents"] == ["v12", "v13"]
    assert d["corpus"]["unannotated"] == ["v14"]
    micro = d["results"]["o"]["pair"]["micro"]
    assert micro["ci95"] is None
    assert micro["ci95_reason"] == "only 2 documents; a bootstrap interval needs at least 10"
    assert micro["recall"] == 0.5  # v13 has no prediction: its gold is missed


def test_bad_lines_warn_with_file_and_line_and_strict_fails(tmp_path, corpus_root, capsys):
    root, gold = corpus_root
    path = tmp_path / "p.jsonl"
    write_predictions(path, oracle(gold, ["t00"]))
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("{oops\n")
        fh.write(json.dumps({"doc_id": "ghost", "type": "met", "head": {"text": "a"}, "tail": {"text": "b"}}) + "\n")
    n = len(path.read_text().splitlines())
    code, out, err = run(capsys, "--pred", str(path), "--root", str(root), "--format", "json", "--bootstrap", "0")
    assert code == 0
    assert f"{path}: line {n - 1}: invalid JSON" in err
    assert f"{path}: line {n}: unknown document 'ghost'" in err
    problems = json.loads(out)["input_problems"]
    assert [(p["line"], p["system"]) for p in problems] == [(n - 1, "p"), (n, "p")]
    code, out, err = run(capsys, "--pred", str(path), "--root", str(root), "--strict")
    assert code == 2
    assert f"line {n - 1}" in err and "Traceback" not in err


def test_errors_flag_lists_records(tmp_path, corpus_root, capsys):
    root, gold = corpus_root
    path = tmp_path / "p.jsonl"
    write_predictions(path, [pred("t00", M, "Lavrov", "Blinken")])
    code, out, _ = run(capsys, "--pred", str(path), "--root", str(root), "--split", "test", "--errors", "--bootstrap", "0")
    assert "p FP trap: t00: met(Sergei Lavrov ('Lavrov'), Antony Blinken ('Blinken'))" in out
    assert "sentence mentioning both: Lavrov did not meet Blinken." in out
    code, out, _ = run(capsys, "--pred", str(path), "--root", str(root), "--split", "test", "--errors", "--format", "json", "--bootstrap", "0")
    records = json.loads(out)["errors"]["p"]["records"]
    assert records[0]["class"] == "trap" and records[0]["doc_id"] == "t00"


def test_option_errors_exit_2_with_a_message(tmp_path, corpus_root, capsys):
    root, gold = corpus_root
    path = tmp_path / "p.jsonl"
    write_predictions(path, [])
    code, _, err = run(capsys, "--pred", str(path), "--pred", str(path), "--root", str(root))
    assert code == 2 and "system names must be unique; p repeats" in err
    code, _, err = run(capsys, "--pred", str(path), "--name", "a", "--name", "b", "--root", str(root))
    assert code == 2 and "one --name per --pred" in err
    code, _, err = run(capsys, "--pred", str(path), "--root", str(root), "--split", "nope")
    assert code == 2 and "unknown split 'nope'" in err
    code, _, err = run(capsys, "--pred", str(tmp_path / "missing.jsonl"), "--root", str(root))
    assert code == 2 and "prediction file not found" in err
    code, _, err = run(capsys, "--pred", str(path), "--root", str(root), "--zero-division", "3")
    assert code == 2 and "'zero_division' parameter of score" in err


def test_output_file_and_empty_predictions(tmp_path, corpus_root, capsys):
    root, gold = corpus_root
    path = tmp_path / "empty.jsonl"
    write_predictions(path, [])
    out_file = tmp_path / "report.json"
    code, out, _ = run(capsys, "--pred", str(path), "--root", str(root), "--format", "json", "--output", str(out_file), "--bootstrap", "0")
    assert code == 0 and out == ""
    d = json.loads(out_file.read_text())
    assert d["corpus"]["split"] == "all" and "no predictions at all" in d["notes"][0]
    assert d["results"]["empty"]["pair"]["micro"]["zero_division"] == ["precision"]


def test_gold_directory_override(tmp_path, corpus_root, capsys):
    root, gold = corpus_root
    other = tmp_path / "other_gold"
    other.mkdir()
    ann = gold["t00"]
    ann = dataclasses.replace(ann, relations=ann.relations[:1])  # only R1 visited
    (other / "t00.json").write_text(dump_annotation(ann), encoding="utf-8")
    path = tmp_path / "p.jsonl"
    write_predictions(path, [pred("t00", V, "Lavrov", "Beijing")])
    code, out, _ = run(capsys, "--pred", str(path), "--root", str(root), "--gold", str(other), "--format", "json", "--bootstrap", "0")
    d = json.loads(out)
    assert d["corpus"]["documents"] == ["t00"]
    assert d["results"]["p"]["pair"]["micro"]["f1"] == 1.0


def test_gold_and_prediction_paths_the_file_system_refuses(tmp_path, corpus_root, capsys):
    root, _ = corpus_root
    path = tmp_path / "p.jsonl"
    write_predictions(path, [])
    long = tmp_path / ("a" * 300)
    code, out, err = run(capsys, "--pred", str(path), "--root", str(root), "--gold", str(long))
    assert (code, out) == (2, "")
    assert err.strip() == f"bench score: error: {long}: cannot read: File name too long"
    code, out, err = run(capsys, "--pred", str(long) + ".jsonl", "--root", str(root))
    assert (code, out) == (2, "")
    assert err.strip() == f"bench score: error: {long}.jsonl: cannot read: File name too long"
    missing = tmp_path / "missing"
    code, _, err = run(capsys, "--pred", str(path), "--root", str(root), "--gold", str(missing))
    assert code == 2 and err.strip() == f"bench score: error: {missing}: gold directory not found"


def test_docs_restricts_the_scored_documents_and_says_so(tmp_path, capsys):
    """--docs scores only the split's documents whose ids match the patterns."""
    import json as _json

    from bench.cli import main as cli_main
    from bench.corpus import load_corpus
    from bench.jsonio import dump_predictions
    from bench.scoring import gold_as_predictions

    corpus = load_corpus()
    ids = [i for i in corpus.ids("test") if i.startswith("n")]
    preds = [p for i in ids for p in gold_as_predictions(corpus.annotation(i))]
    path = tmp_path / "gold.jsonl"
    path.write_text(dump_predictions(preds), encoding="utf-8")
    out = tmp_path / "scores.json"
    assert cli_main(["score", "--pred", str(path), "--split", "test", "--docs", "n*", "--bootstrap", "0",
                     "--format", "json", "--output", str(out)]) == 0
    report = _json.loads(out.read_text(encoding="utf-8"))
    assert report["corpus"]["documents"] == ids
    assert report["results"]["gold"]["pair"]["micro"]["f1"] == 1.0
    assert any("--docs" in n for n in report["notes"])
    assert cli_main(["score", "--pred", str(path), "--split", "test", "--docs", "zz*", "--bootstrap", "0"]) == 2
    assert "matches no document" in capsys.readouterr().err
