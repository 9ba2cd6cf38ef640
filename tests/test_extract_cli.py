"""`bench extractors` and `bench extract` through the command line entry point."""

from __future__ import annotations

import json

import pytest

from bench import registry
from bench.cli import main
from bench.conformance import PROBE_TEXTS
from bench.model import ArgumentRef, PredictedRelation, RelationType


class Echo:
    """Emits met(first word, last word) for each document with two or more words."""

    name = "echo.v1"
    description = "test extractor"

    def __init__(self, upper: bool = False):
        self.params = {"upper": upper}
        self.fitted_on: list[str] | None = None

    def extract(self, docs):
        for doc in docs:
            words = doc.body.split()
            if len(words) >= 2:
                a, b = words[0], words[-1]
                sa = doc.text.index(a, doc.body_start)
                sb = doc.text.rindex(b)
                yield PredictedRelation(doc.id, RelationType.MET, ArgumentRef(a, sa, sa + len(a)), ArgumentRef(b, sb, sb + len(b)))


class TrainableEcho(Echo):
    name = "techo.v1"
    trainable = True
    last_fit: list = []

    def fit(self, examples):
        type(self).last_fit = [ex.document.id for ex in examples]


@pytest.fixture(autouse=True)
def echo():
    registry.register("echo.v1", Echo)
    registry.register("techo.v1", TrainableEcho)
    yield
    registry.unregister("echo.v1")
    registry.unregister("techo.v1")


def test_extractors_table_lists_built_ins(capsys):
    assert main(["extractors"]) == 0
    out = capsys.readouterr().out
    header, *rows = out.splitlines()
    assert header.split()[:5] == ["NAME", "VERSION", "INSTALLED", "NEEDS", "PACKAGE"]
    names = [r.split()[0] for r in rows if r.strip() and not r.startswith(" ")]
    for name in ("oracle.v1", "cooccurrence.v1", "classifier.v1", "echo.v1"):
        assert name in names
    oracle = next(r for r in rows if r.startswith("oracle.v1"))
    assert " v1 " in oracle and " yes " in oracle


def test_extractors_json(capsys):
    assert main(["extractors", "--format", "json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["classifier.v1"]["trainable"] is True
    assert rows["classifier.v1"]["needs"] == ["model", "training"]
    assert rows["embedding.v1"]["extra"] == "embed"
    assert rows["echo.v1"]["package"] is None


def test_extract_jsonl_input_writes_predictions(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in PROBE_TEXTS.items())
        + json.dumps({"id": "dated", "text": "Alpha went home", "date": "2024-01-02"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "sub" / "pred.jsonl"
    assert main(["extract", "--extractor", "echo.v1", "--param", "upper=true", "--input", str(src), "--output", str(out)]) == 0
    summary = capsys.readouterr().out.strip()
    assert summary.startswith("echo.v1: 3 documents, 3 relations, ") and summary.endswith(str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in rows] == ["probe-news", "probe-plain", "dated"]
    news = PROBE_TEXTS["probe-news"]
    assert rows[0]["head"] == {"text": "Foreign", "start": news.index("Foreign"), "end": news.index("Foreign") + 7}


def test_extract_folder_input_ignores_other_files(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(" date 2024-01-02 Anna met Bo\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    assert main(["extract", "--extractor", "echo.v1", "--input", str(tmp_path), "--output", str(out)]) == 0
    (row,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert row["doc_id"] == "a" and row["head"]["text"] == "Anna"


def test_oracle_over_seeds_folder(tmp_path, capsys, corpus):
    """The contract: `bench extract --extractor oracle.v1 --input seeds` emits the seed's gold."""
    out = tmp_path / "o.jsonl"
    assert main(["extract", "--extractor", "oracle.v1", "--input", str(corpus.root / "seeds"), "--output", str(out)]) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    seed_ids = [i for i in corpus.ids() if (corpus.root / "seeds" / f"{i}.txt").is_file() and corpus.annotation_path(i).is_file()]
    expected = sum(len(corpus.annotation(i).relations) for i in seed_ids)
    assert len(rows) == expected
    assert all(r["doc_id"] in seed_ids for r in rows)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--extractor", "nope.v1"], "unknown extractor 'nope.v1'"),
        (["--extractor", "echo.v1", "--param", "upper=maybe"], "The 'upper' parameter of echo.v1 must be a boolean"),
        (["--extractor", "echo.v1", "--param", "lower=1"], "echo.v1 has no parameter 'lower'"),
        (["--extractor", "echo.v1", "--param", "upper"], "expected KEY=VALUE"),
        (["--extractor", "echo.v1", "--train", "dev"], "echo.v1 is not trainable; drop --train"),
        (["--extractor", "techo.v1", "--train", "test"], "refusing to train on 'test'"),
        (["--extractor", "techo.v1", "--train", "seed"], "refusing to train on 'seed': it is evaluation data"),
    ],
)
def test_extract_errors_are_messages(argv, message, tmp_path, capsys):
    src = tmp_path / "d.txt"
    src.write_text("Anna met Bo", encoding="utf-8")
    code = main(["extract", *argv, "--input", str(src), "--output", str(tmp_path / "o.jsonl")])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "o.jsonl").exists()


def test_missing_input_is_a_message(tmp_path, capsys):
    code = main(["extract", "--extractor", "echo.v1", "--input", str(tmp_path / "missing.txt"), "--output", str(tmp_path / "o.jsonl")])
    assert code == 2 and "not a file, a folder of .txt files, or a split" in capsys.readouterr().err


def test_train_on_a_training_file(tmp_path, capsys):
    train = tmp_path / "train.jsonl"
    train.write_text(json.dumps({
        "id": "t1", "text": "Anna Berglund visited Oslo.",
        "entities": [{"id": "P", "type": "PER", "name": "Anna Berglund", "mentions": ["Anna Berglund"]},
                     {"id": "G", "type": "GPE", "name": "Oslo", "mentions": ["Oslo"]}],
        "relations": [{"type": "visited", "head": "P", "tail": "G", "trigger": "visited"}],
    }) + "\n", encoding="utf-8")
    src = tmp_path / "d.txt"
    src.write_text("Anna met Bo", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", "--extractor", "techo.v1", "--train", str(train), "--input", str(src), "--output", str(out)]) == 0
    assert TrainableEcho.last_fit == ["t1"]
    assert "(fit " in capsys.readouterr().out
