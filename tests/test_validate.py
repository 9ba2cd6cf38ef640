"""The semantic validator and ``bench validate``.

Each folder of tests/fixtures/broken/ holds one annotation of the seed document with exactly
one defect; tests/fixtures/clean/ holds the same annotation without it. Each broken fixture
must produce exactly its own problem, at its own location.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import validate as validate_module
from bench.cli import main
from bench.corpus import PROJECT_ROOT
from bench.errors import Problem
from bench.jsonio import annotation_from_dict, load_annotation
from bench.validate import (
    annotation_files,
    iso_time_problem,
    schema_path,
    validate_annotation,
    validate_corpus,
)

SEED_ID = "000_12a61b80a6d06b2b"
FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken"
CLEAN = FIXTURES / "clean" / f"{SEED_ID}.json"

# fixture folder -> [(location, words the message must contain)]
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "invalid_json": [("line 75", "invalid JSON")],
    "bad_enum": [("/entities/0/type", "must be one of 'PER', 'ORG', 'GPE', 'LOC', 'FAC'; got 'PERSON'")],
    "missing_field": [("/relations/0/head", "missing required field")],
    "unknown_field": [("/entities/4/partof", "unknown field")],
    "doc_id_mismatch": [("/doc_id", "does not match the file name (expected '000_12a61b80a6d06b2b')")],
    "offset_out_of_range": [("/entities/1/mentions/0", "mention offsets [67, 99999) out of range")],
    "mention_text_mismatch": [
        ("/entities/1/mentions/0", "mention text 'North Corea' does not match the document text at [67, 78): 'North Korea'"),
    ],
    "trigger_text_mismatch": [("/relations/0/evidence/trigger", "trigger text 'visits' does not match")],
    "evidence_out_of_range": [
        ("/relations/0/evidence/sentences/0", "evidence sentence offsets [17, 99999) out of range"),
    ],
    "duplicate_entity_id": [("/entities/5/id", "duplicate entity id 'E2' (first at /entities/1)")],
    "duplicate_relation_id": [("/relations/2/id", "duplicate relation id 'R1' (first at /relations/0)")],
    "unknown_entity": [("/relations/0/head", "unknown entity id 'E9'")],
    "head_equals_tail": [("/relations/1/tail", "head and tail are the same entity 'E1'")],
    "wrong_argument_type": [
        ("/relations/0/tail", "visited: the destination (tail) 'E2' ('North Korea') is PER; allowed: ORG, GPE, LOC, FAC"),
    ],
    "mode_on_visited": [("/relations/0/mode", "mode applies to discussed only")],
    "discussed_without_mode": [("/relations/1/mode", "discussed needs a mode")],
    "discussed_without_topic": [("/relations/1/topics", "discussed needs at least one topic")],
    "duplicate_relation": [("/relations/2", "duplicates relation 'R2' (/relations/1)")],
    "part_of_cycle": [("/entities/3/part_of", "part_of cycle: E4 -> E5 -> E4")],
    "part_of_unknown": [("/entities/4/part_of", "part_of names unknown entity id 'E7'")],
    "entity_without_mentions": [("/entities/2/mentions", "entity 'E3' ('Wang Yi') has no mentions")],
    "mention_out_of_scope": [
        ("/entities/0/mentions/4", "mention [2070, 2076) lies in the out-of-scope region [2049, 2277)"),
    ],
    "trigger_outside_evidence": [
        ("/relations/0/evidence/trigger", "trigger [318, 323) lies outside every evidence sentence ([17, 162))"),
    ],
    "bad_time": [("/relations/0/time", "'October 18' is not an ISO 8601 date")],
    "no_evidence_sentence": [("/relations/1/evidence/sentences", "relation has no evidence sentence")],
    "overlapping_clusters": [
        ("/entities/5/mentions/0", "mention 'Lavrov' [49, 55) overlaps mention 'Sergei Lavrov' [42, 55) of entity 'E1'"),
    ],
    "evidence_not_a_sentence": [
        ("/relations/0/evidence/sentences/0", "evidence sentence [17, 100) is not a sentence of the document"),
    ],
    "mention_in_date_prefix": [("/entities/0/mentions/0", "mention [1, 5) lies in the date prefix [0, 17)")],
    "alias_not_in_text": [("/entities/2/aliases/0", "alias 'Mr Wang' does not occur in the document")],
    "argument_not_in_evidence": [
        ("/relations/1/tail", "tail 'E2' ('North Korea') has no mention in the relation's evidence sentences"),
    ],
    "evidence_out_of_scope": [
        ("/relations/0/evidence/sentences/1", "evidence sentence [2049, 2059) lies in the out-of-scope region [2049, 2277)"),
    ],
}


@pytest.fixture(params=["schema", "loader"])
def engine(request, monkeypatch):
    """Structural checks by the JSON Schema, or (without one) by the loader: both must give
    the same problems at the same places."""
    if request.param == "schema":
        assert schema_path() is not None, "the annotation JSON Schema is missing"
    else:
        monkeypatch.setattr(validate_module, "_schema_validator", lambda: None)
    return request.param


def _fixture(name: str) -> Path:
    return BROKEN / name / f"{SEED_ID}.json"


def test_every_broken_fixture_has_an_expectation():
    folders = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
    assert len(folders) >= 12
    assert folders == sorted(EXPECTED)


def test_clean_fixture_is_clean(seed_doc, engine):
    assert validate_annotation(CLEAN, seed_doc) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_fixture_gives_its_own_problem(name, seed_doc, engine):
    problems = validate_annotation(_fixture(name), seed_doc)
    got = [(p.where, p.message) for p in problems]
    assert len(problems) == len(EXPECTED[name]), got
    for p, (where, words) in zip(problems, EXPECTED[name], strict=True):
        assert p.where == where, got
        assert words in p.message, got
        assert str(p).startswith(f"{p.file}: {where}: ")
        assert p.file.endswith(f"{name}/{SEED_ID}.json")


def test_every_problem_of_a_file_is_reported_in_one_run(seed_doc, engine):
    data = json.loads(CLEAN.read_text(encoding="utf-8"))
    data["entities"][1]["mentions"][0]["text"] = "North Corea"
    data["relations"][0]["time"] = "soon"
    data["relations"][1]["tail"] = "E1"
    data["entities"][0]["type"] = "PERSON"
    wheres = [p.where for p in validate_annotation(data, seed_doc)]
    assert wheres == ["/entities/0/type", "/entities/1/mentions/0", "/relations/0/time", "/relations/1/tail"]


def test_accepts_a_model_a_dict_or_a_path(seed_doc):
    ann = load_annotation(CLEAN)
    assert validate_annotation(ann, seed_doc) == []
    assert validate_annotation(json.loads(CLEAN.read_text(encoding="utf-8")), seed_doc) == []
    assert validate_annotation(str(CLEAN), seed_doc) == []


def test_without_a_document_the_text_checks_are_left_out():
    data = json.loads(_fixture("mention_text_mismatch").read_text(encoding="utf-8"))
    assert validate_annotation(data, None) == []
    data["relations"][0]["head"] = "E9"
    assert [p.where for p in validate_annotation(data, None)] == ["/relations/0/head"]


def test_checked_against_another_document(seed_doc, corpus):
    other = corpus.document(next(i for i in corpus.ids() if i != SEED_ID))
    data = json.loads(CLEAN.read_text(encoding="utf-8"))
    problems = validate_annotation(data, other)
    assert problems[0].where == "/doc_id"
    assert f"is not the document it is checked against ({other.id!r})" in problems[0].message


def test_symmetric_duplicates_are_unordered_but_visited_is_directional(seed_doc):
    data = json.loads(CLEAN.read_text(encoding="utf-8"))
    r = dict(data["relations"][0], id="R3", head="E2", tail="E1")  # North Korea visited Lavrov?
    data["relations"].append(r)
    wheres = [p.where for p in validate_annotation(data, seed_doc)]
    assert "/relations/2" not in wheres  # reversed direction: not a duplicate (but a PER destination)
    assert wheres == ["/relations/2/tail"]


def test_duplicates_differ_by_polarity_realis_or_event(seed_doc):
    data = json.loads(CLEAN.read_text(encoding="utf-8"))
    for i, change in enumerate([{"polarity": "NEG"}, {"realis": "OTHER"}, {"event": "ev1"}]):
        data["relations"].append(dict(data["relations"][1], id=f"R{3 + i}", **change))
    assert validate_annotation(data, seed_doc) == []


def test_schema_version_must_be_the_supported_one(seed_doc):
    data = json.loads(CLEAN.read_text(encoding="utf-8"))
    data["schema_version"] = 2
    [p] = validate_annotation(data, seed_doc)
    assert (p.where, p.message) == ("/schema_version", "unsupported schema_version 2; this version of bench reads 1")


def test_top_level_must_be_an_object(seed_doc, tmp_path):
    path = tmp_path / f"{SEED_ID}.json"
    path.write_text("[1, 2]", encoding="utf-8")
    [p] = validate_annotation(path, seed_doc)
    assert p.message == "expected a JSON object at the top level"


@pytest.mark.parametrize(
    "value, ok",
    [
        ("2023", True), ("2023-10", True), ("2023-10-18", True), ("2023-10-18/2023-10-19", True),
        ("2023-09/2023-10-16", True), ("2023-10-16/2023-10", True), ("2023-10-16/2023-10-16", True),
        ("2023-13", False), ("2023-02-30", False), ("23-10-18", False), ("2023-10-18T10:00", False),
        ("2023-10-19/2023-10-18", False), ("2023/2024/2025", False), ("October 2023", False),
        ("", False), ("2023-10-18/", False),
    ],
)
def test_iso_time(value, ok):
    assert (iso_time_problem(value) is None) is ok


# --------------------------------------------------------------------------- the corpus


@pytest.fixture
def small_corpus(tmp_path, corpus):
    """A copy of the seed document, a manifest listing only it, and its clean annotation."""
    documents = json.loads(corpus.manifest_path.read_text(encoding="utf-8"))["documents"]
    entry = next(d for d in documents if d["id"] == SEED_ID)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    shutil.copyfile(PROJECT_ROOT / "seeds" / entry["file"], tmp_path / "seeds" / entry["file"])
    (tmp_path / "seeds" / "manifest.json").write_text(json.dumps({"version": 1, "documents": [entry]}))
    shutil.copyfile(CLEAN, tmp_path / "annotations" / f"{SEED_ID}.json")
    return tmp_path


def test_small_corpus_is_clean(small_corpus):
    assert validate_corpus(small_corpus) == []


def test_a_changed_seed_file_is_refused_with_a_sha256_error(small_corpus):
    seed = small_corpus / "seeds" / f"{SEED_ID}.txt"
    data = bytearray(seed.read_bytes())
    data[100] = ord("X") if data[100] != ord("X") else ord("Y")
    seed.write_bytes(bytes(data))
    problems = validate_corpus(small_corpus)
    assert len(problems) == 1
    p = problems[0]
    assert p.file.endswith(f"seeds/{SEED_ID}.txt")
    assert "sha256" in p.message and "does not match the manifest" in p.message
    assert "restore it" in p.message


def test_a_missing_seed_file(small_corpus):
    (small_corpus / "seeds" / f"{SEED_ID}.txt").unlink()
    [p] = validate_corpus(small_corpus)
    assert p.file.endswith("seeds/manifest.json")
    assert p.where == "/documents/0/file"
    assert "not found" in p.message


def test_a_document_without_annotation(small_corpus):
    (small_corpus / "annotations" / f"{SEED_ID}.json").unlink()
    [p] = validate_corpus(small_corpus)
    assert (p.where, p.message) == (
        "/documents/0", f"document {SEED_ID!r} has no annotation file annotations/{SEED_ID}.json",
    )
    # only the whole-corpus check asks for every document's gold
    assert validate_corpus(small_corpus, paths=[]) == []


def test_an_annotation_without_document(small_corpus):
    data = json.loads(CLEAN.read_text(encoding="utf-8"))
    data["doc_id"] = "zzz"
    (small_corpus / "annotations" / "zzz.json").write_text(json.dumps(data))
    [p] = validate_corpus(small_corpus)
    assert p.file.endswith("annotations/zzz.json")
    assert p.where == "/doc_id"
    assert p.message.startswith("no document 'zzz' in the manifest")
    assert SEED_ID in p.message  # lists the known ids


def test_drafts_agreement_and_schema_folders_are_not_gold(small_corpus):
    for sub in ("drafts", "agreement", "schema"):
        (small_corpus / "annotations" / sub).mkdir()
        (small_corpus / "annotations" / sub / "x.json").write_text("{not json")
    assert validate_corpus(small_corpus) == []


def test_a_broken_manifest(small_corpus):
    (small_corpus / "seeds" / "manifest.json").write_text('{"documents": [\n  {"id": }\n]}')
    problems = validate_corpus(small_corpus)
    assert problems[0].where == "line 2"
    assert "invalid JSON" in problems[0].message
    # the annotation is still checked, as one without a manifest document
    assert any(p.message.startswith(f"no document {SEED_ID!r}") for p in problems[1:])


def test_explicit_paths_and_folders(small_corpus):
    bad = _fixture("bad_time")
    problems = validate_corpus(small_corpus, paths=[BROKEN / "bad_time", CLEAN])
    assert [(Path(p.file).resolve(), p.where) for p in problems] == [(bad.resolve(), "/relations/0/time")]


def test_the_repository_gold_is_valid():
    """The manifest, every seed file and every gold file agree: the corpus validates clean,
    every manifest document has its gold."""
    problems = validate_corpus()
    assert [str(p) for p in problems] == []
    assert all(p.parent.name == "annotations" for p in annotation_files(PROJECT_ROOT))


def test_a_key_given_twice_and_nesting_too_deep_are_problems(seed_doc, tmp_path):
    """``json.loads`` keeps the last of two equal keys without a word; the validator names
    the key. Nesting past the parser's limit is a problem, not a RecursionError."""
    path = tmp_path / f"{SEED_ID}.json"
    raw = CLEAN.read_text(encoding="utf-8")
    path.write_text(raw.replace('"doc_id": ', '"doc_id": "x", "doc_id": ', 1), encoding="utf-8")
    [p] = validate_annotation(path, seed_doc)
    assert (p.where, p.message) == ("/doc_id", "key given twice in one object; JSON keeps only the last value: remove one")
    path.write_text('{"a": ' * 50_000, encoding="utf-8")
    [p] = validate_annotation(path, seed_doc)
    assert (p.where, p.message) == ("", "invalid JSON: nested too deeply")


LONG = "a" * 300  # longer than file systems allow in one name (255 bytes)


def test_names_the_file_system_refuses_are_problems(small_corpus, tmp_path):
    """An over-long annotation path, folder, root or manifest ``file`` is a problem naming
    it, never an OSError."""
    problems = validate_corpus(small_corpus, paths=[tmp_path / f"{LONG}.json", tmp_path / LONG])
    assert [(p.file, p.message) for p in problems] == [
        (str(tmp_path / f"{LONG}.json"), "cannot read: File name too long"),
        (str(tmp_path / LONG), "cannot read: File name too long"),
    ]
    problems = validate_corpus(tmp_path / LONG)
    assert [(p.file, p.message) for p in problems] == [
        (str(tmp_path / LONG / "seeds" / "manifest.json"), "cannot read: File name too long"),
        (str(tmp_path / LONG / "annotations"), "cannot read: File name too long"),
    ]
    manifest = small_corpus / "seeds" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["documents"][0]["file"] = f"{LONG}.txt"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    [p] = validate_corpus(small_corpus)
    assert (p.where, p.message) == (
        "/documents/0/file",
        f"cannot read document file {small_corpus / 'seeds' / f'{LONG}.txt'}: File name too long",
    )


# --------------------------------------------------------------------------- bench validate


def test_cli_clean(small_corpus, capsys):
    assert main(["validate", "--root", str(small_corpus)]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1] == "1 file (and the manifest), 0 problems"


def test_cli_reports_each_problem_and_a_summary(small_corpus, capsys):
    assert main(["validate", "--root", str(small_corpus), str(_fixture("bad_time")), str(_fixture("invalid_json")), "nope.json"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == "3 files, 3 problems"
    assert any(": /relations/0/time: 'October 18' is not an ISO 8601" in line for line in lines)
    assert any(": line 75: invalid JSON" in line for line in lines)
    assert "nope.json: file not found" in lines


def test_cli_never_prints_a_traceback(small_corpus, capsys):
    (small_corpus / "annotations" / "weird.json").write_bytes(b"\xff\xfe\x00garbage")
    (small_corpus / "annotations" / "list.json").write_text("[]")
    (small_corpus / "annotations" / "folder.json").mkdir()
    assert main(["validate", "--root", str(small_corpus)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert "not valid UTF-8" in captured.out
    assert "expected a JSON object at the top level" in captured.out


# --------------------------------------------------------------------------- robustness

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=8,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


_CLEAN_DATA = json.loads(CLEAN.read_text(encoding="utf-8"))
_CLEAN_PATHS = [p for p in _paths(_CLEAN_DATA) if p]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_CLEAN_PATHS), _JSON), min_size=1, max_size=3))
def test_any_damaged_annotation_gives_problems_not_exceptions(seed_doc, edits):
    data = copy.deepcopy(_CLEAN_DATA)
    for path, value in edits:
        node = data
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this place
    problems = validate_annotation(data, seed_doc)
    assert all(isinstance(p, Problem) and p.where.startswith(("/", "line")) or p.where == "" for p in problems)
    if data != _CLEAN_DATA and not problems:
        annotation_from_dict(data)  # what passes the validator must load
