"""bench.corpus_stats: the count table of seeds/README.md matches the files, and every count
follows its stated rule on a tiny corpus whose counts are worked out by hand below."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bench import corpus_stats
from bench.authoring import resolve_draft
from bench.corpus import document_from_text
from bench.errors import InputError
from bench.jsonio import annotation_from_dict, dump_annotation

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "seeds" / "README.md"

# ----------------------------------------------------------------------------- the tiny corpus

SEED_TEXT = "date 2024-05-06 Ana Ruiz will visit Quito.\n\nAdvertisement\n\nBo Chen met Cy Diaz in Lima.\n"
SEED_DRAFT = {
    "doc_id": "s1", "out_of_scope": ["Advertisement"],
    "entities": [
        {"id": "ruiz", "type": "PER", "name": "Ana Ruiz", "mentions": ["Ana Ruiz"]},
        {"id": "quito", "type": "GPE", "name": "Quito", "mentions": ["Quito"]},
        {"id": "chen", "type": "PER", "name": "Bo Chen", "mentions": ["Bo Chen"]},
        {"id": "diaz", "type": "PER", "name": "Cy Diaz", "mentions": ["Cy Diaz"]},
        {"id": "lima", "type": "GPE", "name": "Lima", "mentions": ["Lima"]},
    ],
    "relations": [
        {"type": "visited", "head": "ruiz", "tail": "quito", "realis": "PLANNED", "event": "e1", "trigger": "visit"},
        {"type": "met", "head": "chen", "tail": "diaz", "event": "e2", "trigger": "met"},
    ],
}

DEV_TEXT = (
    "date 2024-05-06 LIMA, May 6 (Wire) -- Ana Ruiz hosted Bo Chen in Lima on Monday, the ministry said. "
    "The minister and her guest discussed fisheries. Ruiz also spoke by phone with Cy Diaz about trade. "
    "She did not meet Di Ezra. Ezra and Diaz both criticised the plan.\n"
)
DEV_DRAFT = {
    "doc_id": "d1",
    "entities": [
        {"id": "lima", "type": "GPE", "name": "Lima", "mentions": ["LIMA", "Lima"]},
        {"id": "wire", "type": "ORG", "name": "Wire", "mentions": ["Wire"]},
        {"id": "ruiz", "type": "PER", "name": "Ana Ruiz", "mentions": ["Ana Ruiz", "minister", "Ruiz"]},
        {"id": "chen", "type": "PER", "name": "Bo Chen", "mentions": ["Bo Chen", "guest"]},
        {"id": "ministry", "type": "ORG", "name": "ministry", "mentions": ["ministry"]},
        {"id": "diaz", "type": "PER", "name": "Cy Diaz", "mentions": ["Cy Diaz", "Diaz"]},
        {"id": "ezra", "type": "PER", "name": "Di Ezra", "mentions": ["Di Ezra", "Ezra"]},
    ],
    "relations": [
        {"type": "visited", "head": "chen", "tail": "lima", "event": "e1", "trigger": "hosted"},
        {"type": "met", "head": "ruiz", "tail": "chen", "event": "e1", "trigger": "hosted", "evidence": ["guest"]},
        {"type": "discussed", "head": "ruiz", "tail": "chen", "mode": "in_person", "event": "e1", "trigger": "discussed",
         "topics": [{"label": "fisheries", "text": "fisheries"}]},
        {"type": "discussed", "head": "ruiz", "tail": "diaz", "mode": "phone", "event": "e2", "trigger": "spoke",
         "topics": [{"label": "trade", "text": "trade"}]},
        {"type": "met", "head": "ruiz", "tail": "ezra", "polarity": "NEG", "event": "e3", "trigger": "meet"},
    ],
}

TEST_TEXT = (
    "date 2024-05-06 Ed Fox, Gil Hu and Ian Jo will meet in Oslo next week, according to a statement. "
    "Fox and Hu spoke by video about energy. Lu Ma welcomed Fox and Hu.\n"
)
TEST_DRAFT = {
    "doc_id": "t1",
    "entities": [
        {"id": "fox", "type": "PER", "name": "Ed Fox", "mentions": ["Ed Fox", "Fox"]},
        {"id": "hu", "type": "PER", "name": "Gil Hu", "mentions": ["Gil Hu", "Hu"]},
        {"id": "jo", "type": "PER", "name": "Ian Jo", "mentions": ["Ian Jo"]},
        {"id": "oslo", "type": "GPE", "name": "Oslo", "mentions": ["Oslo"]},
        {"id": "ma", "type": "PER", "name": "Lu Ma", "mentions": ["Lu Ma"]},
    ],
    "relations": [
        {"type": "met", "head": "fox", "tail": "hu", "realis": "PLANNED", "event": "oslo", "trigger": "meet"},
        {"type": "met", "head": "fox", "tail": "jo", "realis": "PLANNED", "event": "oslo", "trigger": "meet"},
        {"type": "met", "head": "hu", "tail": "jo", "realis": "PLANNED", "event": "oslo", "trigger": "meet"},
        {"type": "discussed", "head": "fox", "tail": "hu", "mode": "video", "event": "call", "trigger": "spoke",
         "topics": [{"label": "energy", "text": "energy"}]},
        {"type": "met", "head": "ma", "tail": "fox", "event": "welcome", "trigger": "welcomed"},
        {"type": "met", "head": "ma", "tail": "hu", "event": "welcome", "trigger": "welcomed"},
    ],
}

# Worked out by hand from the texts and drafts above (see each count's rule in COUNTS):
# - words: whitespace words after the date prefix: 5 + 1 + 7; 17 + 7 + 10 + 6 + 7; 17 + 8 + 6.
# - hosting: d1 "hosted" twice, t1 "welcomed" twice.
# - coreferent: d1 "The minister" and "her guest"; "the ministry" is its cluster's canonical name.
# - multi-party: t1 "oslo" (three participants, three pairs); "welcome" has three participants in
#   only two pairs.
# - reported speech: d1's first sentence ("said"), t1's first sentence ("according to"), three
#   relations there.
EXPECTED = {
    "seed": {
        "documents": 1, "sentences": 3, "words": 13, "entities": 5, "mentions": 5, "relations": 2,
        "visited": 1, "met": 1, "discussed": 0, "required": 2, "traps": 0, "phone_video": 0, "hosting": 0,
        "coreferent": 0, "planned": 1, "multi_party": 0, "reported_speech": 0, "distractor_docs": 0, "boilerplate": 1,
    },
    "dev": {
        "documents": 1, "sentences": 5, "words": 47, "entities": 7, "mentions": 13, "relations": 5,
        "visited": 1, "met": 2, "discussed": 2, "required": 4, "traps": 1, "phone_video": 1, "hosting": 2,
        "coreferent": 2, "planned": 0, "multi_party": 0, "reported_speech": 2, "distractor_docs": 1, "boilerplate": 0,
    },
    "test": {
        "documents": 1, "sentences": 3, "words": 31, "entities": 5, "mentions": 9, "relations": 6,
        "visited": 0, "met": 5, "discussed": 1, "required": 6, "traps": 0, "phone_video": 1, "hosting": 2,
        "coreferent": 0, "planned": 3, "multi_party": 1, "reported_speech": 3, "distractor_docs": 0, "boilerplate": 0,
    },
}


def _write_doc(root: Path, text: str, draft: dict, split: str, provenance: str, tags: list[str]) -> dict:
    doc_id = draft["doc_id"]
    (root / "seeds" / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
    gold = resolve_draft(draft, document_from_text(doc_id, text))
    (root / "annotations" / f"{doc_id}.json").write_text(dump_annotation(annotation_from_dict(gold)), encoding="utf-8")
    entry = {
        "id": doc_id, "file": f"{doc_id}.txt", "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "provenance": provenance, "split": split, "date": "2024-05-06", "source": "written for this test",
    }
    if tags:
        entry["phenomena"] = tags
    return entry


@pytest.fixture
def tiny(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    entries = [
        _write_doc(tmp_path, SEED_TEXT, SEED_DRAFT, "seed", "real", []),
        _write_doc(tmp_path, DEV_TEXT, DEV_DRAFT, "dev", "constructed", ["distractor"]),
        _write_doc(tmp_path, TEST_TEXT, TEST_DRAFT, "test", "constructed", []),
    ]
    (tmp_path / "seeds" / "manifest.json").write_text(json.dumps({"version": 1, "documents": entries}), encoding="utf-8")
    return tmp_path


def test_every_count_has_a_hand_worked_expectation():
    assert {c.key for c in corpus_stats.COUNTS} == set(EXPECTED["seed"])


@pytest.mark.parametrize("split", ["seed", "dev", "test"])
def test_each_count_on_the_tiny_corpus(tiny, split):
    counts = corpus_stats.table(corpus_stats.collect(tiny))
    assert counts[split] == EXPECTED[split]


def test_constructed_and_all_are_sums(tiny):
    counts = corpus_stats.table(corpus_stats.collect(tiny))
    assert list(counts) == ["seed", "dev", "test", "constructed", "all"]
    for key in EXPECTED["seed"]:
        assert counts["constructed"][key] == EXPECTED["dev"][key] + EXPECTED["test"][key]
        assert counts["all"][key] == sum(EXPECTED[s][key] for s in EXPECTED)


def test_markdown_table_lists_every_count_with_its_rule(tiny):
    block = corpus_stats.format_markdown(corpus_stats.table(corpus_stats.collect(tiny)))
    assert block.splitlines()[0] == "| count | seed | dev | test | constructed | all | minimum for constructed |"
    assert "| traps (NEG relations) | 0 | 1 | 0 | 1 | 1 | 25 |" in block
    assert "| multi-party meetings | 0 | 0 | 1 | 1 | 1 | 5 |" in block
    for c in corpus_stats.COUNTS:
        assert f"- **{c.label}**: {c.rule}" in block


def test_write_then_check(tiny, capsys):
    readme = tiny / "README.md"
    readme.write_text("# Corpus\n\n<!-- counts:start -->\nSTALE TABLE\n<!-- counts:end -->\n\nafter\n", encoding="utf-8")
    assert corpus_stats.main(["--root", str(tiny), "--check", str(readme)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert corpus_stats.main(["--root", str(tiny), "--write", str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Corpus\n\n<!-- counts:start -->\n| count |")
    assert text.endswith("<!-- counts:end -->\n\nafter\n") and "STALE TABLE" not in text
    assert corpus_stats.main(["--root", str(tiny), "--check", str(readme)]) == 0


def test_a_readme_without_markers_is_refused(tiny, capsys):
    readme = tiny / "README.md"
    readme.write_text("# Corpus\n", encoding="utf-8")
    assert corpus_stats.main(["--root", str(tiny), "--write", str(readme)]) == 2
    err = capsys.readouterr().err
    assert str(readme) in err and "<!-- counts:start -->" in err
    with pytest.raises(InputError):
        corpus_stats.replace_block("<!-- counts:end --> <!-- counts:start -->", "x")


def test_a_document_without_gold_is_refused(tiny, capsys):
    (tiny / "annotations" / "t1.json").unlink()
    with pytest.raises(InputError, match="'t1' has no gold file"):
        corpus_stats.collect(tiny)
    assert corpus_stats.main(["--root", str(tiny)]) == 2
    assert "t1.json" in capsys.readouterr().err


# ----------------------------------------------------------------------------- the real corpus


@pytest.fixture(scope="module")
def real_counts():
    return corpus_stats.table(corpus_stats.collect(ROOT))


def test_readme_table_is_what_the_files_give(real_counts):
    text = README.read_text(encoding="utf-8")
    assert corpus_stats.replace_block(text, corpus_stats.format_markdown(real_counts), str(README)) == text


def test_constructed_corpus_meets_its_minimums(real_counts):
    constructed = real_counts["constructed"]
    short = {k: (constructed[k], m) for k, m in corpus_stats.MINIMUMS.items() if constructed[k] < m}
    assert short == {}
    assert (real_counts["dev"]["documents"], real_counts["test"]["documents"]) == (48, 40)


def test_manifest_phenomena_tags_agree_with_the_gold():
    """Each constructed document's computable ``phenomena`` tags are exactly the counts its gold
    gives above zero (``distractor`` leaves no trace in the gold and is not checked)."""
    tag_count = {
        "trap": "traps", "phone_video": "phone_video", "hosting": "hosting", "coreference": "coreferent",
        "planned": "planned", "multi_party": "multi_party", "reported_speech": "reported_speech",
        "boilerplate": "boilerplate",
    }
    of = {c.key: c.of for c in corpus_stats.COUNTS}
    wrong = {}
    for facts in corpus_stats.collect(ROOT).values():
        for f in facts:
            if f.doc.provenance.value != "constructed":
                continue
            computed = {tag for tag, key in tag_count.items() if of[key](f) > 0}
            tagged = f.tags & set(tag_count)
            if tagged != computed:
                wrong[f.doc.id] = {"tagged, not in the gold": sorted(tagged - computed), "in the gold, not tagged": sorted(computed - tagged)}
    assert wrong == {}
