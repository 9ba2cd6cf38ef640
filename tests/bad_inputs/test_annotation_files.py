"""Annotation files given to ``bench validate`` and to the commands that load gold.

tests/test_validate.py checks each folder of tests/fixtures/broken/ against the validator's
function; here are the defects it knows that have no folder there (fixtures/annotations/, each
the clean seed annotation with one edit, including a key given twice in one object), the whole
broken set through the command line, files the JSON parser cannot follow, and names the file
system refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import PROJECT_ROOT

from .helpers import FIXTURES, SEED_ID, error_lines, run_bench

ANNOTATIONS = FIXTURES / "annotations"
BROKEN = PROJECT_ROOT / "tests" / "fixtures" / "broken"
LENGTH = f"the length of document {SEED_ID}"

# fixture folder -> (JSON pointer, message)
CASES = {
    "mention_listed_twice": ("/entities/1/mentions/1", "mention [67, 78) is listed twice in this entity (also /entities/1/mentions/0)"),
    "part_of_itself": ("/entities/3/part_of", "entity 'E4' is part_of itself"),
    "topics_on_visited": ("/relations/0/topics", "topics apply to discussed only; remove them from this visited relation"),
    "empty_topic_label": ("/relations/1/topics/0/label", "topic label is empty"),
    "topic_without_span": (
        "/relations/1/topics/0/mentions",
        "topic 'israel-hamas conflict' has no span in the text; give the words that state it",
    ),
    "topic_text_mismatch": (
        "/relations/1/topics/0/mentions/0",
        "topic text 'Israel-Hamas conflict' does not match the document text at [1448, 1483): "
        "'Israel-Hamas deteriorating conflict'",
    ),
    "out_of_scope_out_of_range": (
        "/out_of_scope/2",
        f"out-of-scope region offsets [2049, 3000) out of range: need 0 <= start < end <= 2277 ({LENGTH})",
    ),
    "evidence_sentence_reversed": (
        "/relations/0/evidence/sentences/0",
        f"evidence sentence offsets [162, 17) out of range: need 0 <= start < end <= 2277 ({LENGTH})",
    ),
    "duplicate_key": ("/entities/1/type", "key given twice in one object; JSON keeps only the last value: remove one"),
}


@pytest.fixture(autouse=True)
def _in_the_checkout(monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)  # bench validate prints paths relative to the working directory


def _shown(path: Path) -> str:
    return str(path.relative_to(PROJECT_ROOT))


@pytest.mark.parametrize("name", sorted(CASES))
def test_validator_defect_is_named_with_its_json_pointer(capsys, name):
    where, message = CASES[name]
    outcome = run_bench(capsys, "validate", ANNOTATIONS / name)
    file = _shown(ANNOTATIONS / name / f"{SEED_ID}.json")
    assert outcome.code == 1
    assert outcome.out.splitlines() == [f"{file}: {where}: {message}", "1 file, 1 problem"]


def test_every_fixture_folder_has_a_case():
    folders = {p.name for p in ANNOTATIONS.iterdir() if p.is_dir()}
    assert folders == set(CASES)


def test_the_whole_broken_set_through_the_command_line(capsys):
    """Every broken fixture is reported as ``file: where: message`` in one run: no traceback,
    no fixture silently passing, exit status 1."""
    folders = sorted(p for p in BROKEN.iterdir() if p.is_dir())
    outcome = run_bench(capsys, "validate", *folders)
    lines = outcome.out.splitlines()
    assert outcome.code == 1
    assert lines[-1].startswith(f"{len(folders)} files, ")
    for folder in folders:
        file = _shown(folder / f"{SEED_ID}.json")
        mine = [line for line in lines if line.startswith(f"{file}: ")]
        assert mine, f"{folder.name}: no problem reported"
        for line in mine:
            where = line[len(file) + 2 :].split(": ", 1)[0]
            assert where.startswith(("/", "line ")), line


def test_a_key_given_twice_is_refused_by_the_gold_loader(capsys):
    """JSON keeps the last of two equal keys without a word; loading gold refuses the file."""
    gold = ANNOTATIONS / "duplicate_key"
    outcome = run_bench(
        capsys, "score", "--pred", FIXTURES / "predictions" / "good.jsonl", "--split", "seed",
        "--gold", gold, "--bootstrap", "0",
    )
    assert outcome.code == 2
    assert error_lines(outcome, "score") == [
        f"{gold / f'{SEED_ID}.json'}: /entities/1/type: key given twice in one object; "
        "JSON keeps only the last value: remove one"
    ]


def test_an_annotation_naming_an_unknown_entity_is_refused_by_agreement(capsys):
    """``bench agreement`` reads annotations without their document; a relation naming an
    entity the file does not define is refused there, not matched as a stranger."""
    outcome = run_bench(capsys, "agreement", BROKEN / "unknown_entity", PROJECT_ROOT / "tests" / "fixtures" / "clean")
    assert outcome.code == 2
    assert error_lines(outcome, "agreement") == [
        f"{BROKEN / 'unknown_entity' / f'{SEED_ID}.json'}: /relations/0/head: relation 'R1' names unknown "
        "entity id 'E9'; known: E1, E2, E3, E4, E5"
    ]


def test_gold_that_does_not_fit_the_document_is_refused_by_the_oracle(capsys, tmp_path):
    """``oracle.v1 --param gold=DIR`` emits the gold of DIR: offsets outside the document are
    an error naming the file, the pointer and the document, not a crash."""
    gold = BROKEN / "offset_out_of_range"
    outcome = run_bench(
        capsys, "extract", "--extractor", "oracle.v1", "--param", f"gold={gold}", "--input", "seed",
        "--output", tmp_path / "oracle.jsonl",
    )
    assert outcome.code == 2
    assert error_lines(outcome, "extract") == [
        f"{gold / f'{SEED_ID}.json'}: /entities/1/mentions/0: mention of entity E2 offsets [67, 99999) are "
        f"outside document '{SEED_ID}' (length 2277): the gold does not fit this text (a changed document, "
        "or a gold error that bench validate reports)"
    ]
    assert not (tmp_path / "oracle.jsonl").exists()


def test_a_gold_file_nested_too_deeply_is_refused_by_the_gold_loader(capsys, tmp_path):
    (tmp_path / f"{SEED_ID}.json").write_text("[" * 100_000, encoding="utf-8")
    outcome = run_bench(
        capsys, "score", "--pred", FIXTURES / "predictions" / "good.jsonl", "--split", "seed",
        "--gold", tmp_path, "--bootstrap", "0",
    )
    assert error_lines(outcome, "score") == [f"{tmp_path / f'{SEED_ID}.json'}: invalid JSON: nested too deeply"]


def test_bench_validate_on_a_file_nested_too_deeply_and_an_over_long_name(capsys, tmp_path):
    deep = tmp_path / f"{SEED_ID}.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    long = tmp_path / ("a" * 300 + ".json")
    outcome = run_bench(capsys, "validate", deep, long)
    assert outcome.code == 1
    assert outcome.out.splitlines() == [
        f"{deep}: invalid JSON: nested too deeply",
        f"{long}: cannot read: File name too long",
        "2 files, 2 problems",
    ]
