"""The corpus manifest (``seeds/manifest.json``) as ``bench score --root`` reads it: missing,
not JSON, an entry without its fields, a document file that changed (sha256) or is gone. Each
corpus here is a copy of the seed document, its gold and a manifest listing only it."""

from __future__ import annotations

import json
import shutil

import pytest

from bench.corpus import PROJECT_ROOT

from .helpers import FIXTURES, SEED_ID, error_lines, run_bench


@pytest.fixture
def root(tmp_path):
    documents = json.loads((PROJECT_ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))["documents"]
    entry = next(d for d in documents if d["id"] == SEED_ID)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    shutil.copyfile(PROJECT_ROOT / "seeds" / entry["file"], tmp_path / "seeds" / entry["file"])
    shutil.copyfile(PROJECT_ROOT / "annotations" / f"{SEED_ID}.json", tmp_path / "annotations" / f"{SEED_ID}.json")
    write_manifest(tmp_path, [entry])
    return tmp_path


def write_manifest(root, documents) -> None:
    (root / "seeds" / "manifest.json").write_text(json.dumps({"version": 1, "documents": documents}, indent=1), encoding="utf-8")


def entries(root) -> list[dict]:
    return json.loads((root / "seeds" / "manifest.json").read_text(encoding="utf-8"))["documents"]


def score(capsys, root):
    return run_bench(
        capsys, "score", "--root", root, "--pred", FIXTURES / "predictions" / "good.jsonl",
        "--split", "seed", "--bootstrap", "0",
    )


def test_the_copied_corpus_scores(capsys, root):
    assert score(capsys, root).code == 0


def test_manifest_missing(capsys, root):
    (root / "seeds" / "manifest.json").unlink()
    outcome = score(capsys, root)
    assert outcome.code == 2
    assert error_lines(outcome, "score") == [
        f"{root / 'seeds' / 'manifest.json'}: manifest not found; a corpus root holds seeds/manifest.json "
        "(the documents) and annotations/ (their gold)"
    ]


def test_manifest_not_json(capsys, root):
    (root / "seeds" / "manifest.json").write_text('{"version": 1, "documents": [\n  {"id": "x",}\n]}', encoding="utf-8")
    outcome = score(capsys, root)
    assert error_lines(outcome, "score") == [
        f"{root / 'seeds' / 'manifest.json'}: line 2: invalid JSON: Expecting property name enclosed in double quotes (column 14)"
    ]


def test_manifest_entry_without_sha256(capsys, root):
    [entry] = entries(root)
    del entry["sha256"]
    write_manifest(root, [entry])
    outcome = score(capsys, root)
    assert error_lines(outcome, "score") == [
        f"{root / 'seeds' / 'manifest.json'}: /documents/0: missing or non-string fields: sha256"
    ]


def test_document_changed_after_annotation_sha256_mismatch(capsys, root):
    seed = root / "seeds" / f"{SEED_ID}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Lavrov", "Lavrow", 1), encoding="utf-8")
    outcome = score(capsys, root)
    assert outcome.code == 2
    [message] = error_lines(outcome, "score")
    assert message.startswith(f"{seed}: document '{SEED_ID}': sha256 ")
    assert message.endswith(
        "does not match the manifest's da78cb420149...: the file changed after it was annotated; "
        "restore it (gold offsets depend on its exact bytes)"
    )


def test_document_file_missing(capsys, root):
    (root / "seeds" / f"{SEED_ID}.txt").unlink()
    outcome = score(capsys, root)
    assert error_lines(outcome, "score") == [
        f"{root / 'seeds' / 'manifest.json'}: /documents/0/file: document '{SEED_ID}': file "
        f"{root / 'seeds' / f'{SEED_ID}.txt'} not found; restore it, or remove the entry from the manifest"
    ]


def test_manifest_with_an_unknown_provenance_and_a_duplicate_id(capsys, root):
    [entry] = entries(root)
    write_manifest(root, [entry, dict(entry, provenance="scraped")])
    outcome = score(capsys, root)
    manifest = root / "seeds" / "manifest.json"
    assert error_lines(outcome, "score") == [
        f"{manifest}: /documents/1/id: duplicate document id '{SEED_ID}'",
        f"{manifest}: /documents/1/provenance: must be one of 'real', 'constructed', 'synthetic'; got 'scraped'",
    ]


def test_manifest_with_a_key_given_twice(capsys, root):
    path = root / "seeds" / "manifest.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"split": "seed"', '"split": "seed", "split": "test"'), encoding="utf-8")
    outcome = score(capsys, root)
    assert error_lines(outcome, "score") == [
        f"{path}: /documents/0/split: key given twice in one object; JSON keeps only the last value: remove one"
    ]


def test_manifest_file_outside_the_seeds_folder(capsys, root):
    [entry] = entries(root)
    write_manifest(root, [dict(entry, file="../annotations/" + f"{SEED_ID}.json")])
    outcome = score(capsys, root)
    assert error_lines(outcome, "score") == [
        f"{root / 'seeds' / 'manifest.json'}: /documents/0/file: must be a path relative to seeds/ without '..'; "
        f"got '../annotations/{SEED_ID}.json'"
    ]


def test_manifest_file_name_the_file_system_refuses(capsys, root):
    [entry] = entries(root)
    write_manifest(root, [dict(entry, file="a" * 300 + ".txt")])
    outcome = score(capsys, root)
    assert error_lines(outcome, "score") == [
        f"{root / 'seeds' / 'manifest.json'}: /documents/0/file: document '{SEED_ID}': file name cannot be used: File name too long"
    ]


def test_manifest_nested_too_deeply(capsys, root):
    path = root / "seeds" / "manifest.json"
    path.write_text('{"documents": ' + "[" * 100_000, encoding="utf-8")
    outcome = score(capsys, root)
    assert error_lines(outcome, "score") == [f"{path}: invalid JSON: nested too deeply"]
