"""Property-based fuzzing of the loaders and the scorer.

Every loader gets generated malformed input: random bytes, damaged copies of good files
(characters deleted, inserted or replaced, lines cut) and structurally damaged JSON or TOML
(values replaced by random ones, keys removed or added). The property is the same for all:
the loader returns a value or raises one of the project's own errors (``BenchError``); any
other exception escapes and fails the test with its traceback, which is the bug to fix.

The scorer gets random *valid* input: real gold with random predictions that pass the
prediction format, and small random documents with random gold. It must never raise, its
figures must stay between 0 and 1, and what it counts as gold must not depend on the
predictions.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bench.authoring import resolve_draft
from bench.config import load_config, parse_config
from bench.corpus import (
    PROJECT_ROOT,
    date_prefix_problem,
    document_from_text,
    load_corpus,
    read_documents,
    read_manifest,
)
from bench.errors import BenchError, InputError, Problem
from bench.jsonio import annotation_from_dict, load_annotation, prediction_from_dict
from bench.model import (
    Annotation,
    Document,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Mode,
    Polarity,
    Realis,
    Relation,
    RelationType,
    Topic,
)
from bench.predictions import read_predictions
from bench.score_report import FORMATS, render, score_to_json
from bench.scoring import TIERS, Scorer
from bench.stats import BootstrapConfig
from bench.text import sentence_spans
from bench.validate import validate_annotation, validate_corpus

SEED_ID = "000_12a61b80a6d06b2b"
CLEAN = PROJECT_ROOT / "tests" / "fixtures" / "clean" / f"{SEED_ID}.json"
CONFIG = PROJECT_ROOT / "experiments" / "baselines.toml"

FUZZ = settings(
    max_examples=150, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)


def only_bench_errors(call, *args, **kwargs):
    """``call(...)``'s value, or None when it raised a ``BenchError``. Anything else
    propagates and fails the test."""
    try:
        return call(*args, **kwargs)
    except BenchError as exc:
        assert str(exc), "an error without a message"
        return None


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory(prefix="bench-fuzz-") as d:
        yield Path(d)


_counter = iter(range(10**9))


def fresh(workdir: Path, name: str) -> Path:
    """A new file path for one example (examples never see each other's files)."""
    folder = workdir / str(next(_counter))
    folder.mkdir()
    return folder / name


# --------------------------------------------------------------------------- strategies

SCALARS = (
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.integers(-3, 3000)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12)
    | st.text(alphabet="ab./\\:\x00", min_size=250, max_size=300)  # file names the file system refuses
)
JSON = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=10,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


@st.composite
def damaged_json(draw, base):
    """``base`` with 1-4 structural edits: a value replaced, a key removed or added, a list
    emptied or given a stranger."""
    data = copy.deepcopy(base)
    places = [p for p in _paths(base) if p]
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(places))
        node = data
        try:
            for key in path[:-1]:
                node = node[key]
            last = path[-1]
            action = draw(st.sampled_from(["replace", "replace", "remove", "add", "append"]))
            if action == "replace":
                node[last] = draw(JSON)
            elif action == "remove":
                del node[last]
            elif action == "add" and isinstance(node, dict):
                node[draw(st.text(max_size=8))] = draw(JSON)
            elif action == "append" and isinstance(node[last], list):
                node[last].append(draw(JSON))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this place
    return data


@st.composite
def damaged_text(draw, base: str):
    """``base`` with 1-5 character-level edits (delete a range, insert, replace, cut)."""
    text = base
    for _ in range(draw(st.integers(1, 5))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["delete", "insert", "replace", "cut"]))
        if action == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 20)) :]
        elif action == "insert":
            text = text[:i] + draw(st.text(min_size=1, max_size=6)) + text[i:]
        elif action == "replace":
            text = text[:i] + draw(st.sampled_from(list('{}[]",:=#\n\\\x00\ufeff0'))) + text[i + 1 :]
        else:
            text = text[:i]
    return text


# depths around the JSON parser's limit (the recursion limit, 1000 by default) and far past it
DEPTHS = st.one_of(st.integers(1, 1100), st.sampled_from([5000, 100_000]))


@st.composite
def nested_json(draw) -> str:
    """Arrays or objects nested deep, closed (valid JSON) or not."""
    depth = draw(DEPTHS)
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a": ', "}")]))
    closed = draw(st.booleans())
    return opener * depth + ("1" + closer * depth if closed else "")


def file_bytes(base_text: str, structured=None):
    """Bytes of a damaged file: random bytes, a text-damaged copy, a structurally damaged
    copy (JSON) or JSON nested too deeply, optionally with a byte order mark or Windows line
    endings."""
    options = [
        st.binary(max_size=200), damaged_text(base_text).map(lambda t: t.encode("utf-8", "surrogatepass")),
        nested_json().map(str.encode),
    ]
    if structured is not None:
        options.append(structured)
    return st.one_of(*options)


# --------------------------------------------------------------------------- annotation files

CLEAN_TEXT = CLEAN.read_text(encoding="utf-8")
CLEAN_DATA = json.loads(CLEAN_TEXT)


@FUZZ
@given(raw=file_bytes(CLEAN_TEXT, damaged_json(CLEAN_DATA).map(lambda d: json.dumps(d).encode())))
def test_fuzz_annotation_files(workdir, seed_doc, raw):
    path = fresh(workdir, f"{SEED_ID}.json")
    path.write_bytes(raw)
    ann = only_bench_errors(load_annotation, path)
    assert ann is None or isinstance(ann, Annotation)
    problems = validate_annotation(path, seed_doc)  # reports problems, never raises
    assert all(isinstance(p, Problem) for p in problems)


# --------------------------------------------------------------------------- prediction files

GOOD_RECORD = {
    "doc_id": SEED_ID, "type": "discussed",
    "head": {"text": "Lavrov", "start": 1427, "end": 1433}, "tail": {"text": "Wang Yi", "start": 1534, "end": 1541},
    "realis": "ACTUAL", "polarity": "POS", "mode": "in_person",
    "topics": [{"text": "Israel-Hamas deteriorating conflict", "start": 1448, "end": 1483, "label": "gaza"}, "ukraine"],
    "evidence": [[1427, 1580]], "trigger": [1434, 1443], "score": 0.9,
}
PREDICTION_LINE = st.one_of(
    damaged_json(GOOD_RECORD).map(lambda d: json.dumps(d, ensure_ascii=False)),
    st.just(json.dumps(GOOD_RECORD)),
    JSON.map(json.dumps),
    damaged_text(json.dumps(GOOD_RECORD)),
    st.sampled_from(["", "   ", "\t"]),
    nested_json(),
    # a field's value nested deep: quoting it back in a message nests as deep again
    st.tuples(st.sampled_from(sorted(GOOD_RECORD)), nested_json()).map(
        lambda kv: json.dumps(GOOD_RECORD)[:-1] + f', "{kv[0]}": {kv[1]}' + "}"
    ),
)


@st.composite
def prediction_files(draw) -> bytes:
    lines = draw(st.lists(PREDICTION_LINE, max_size=6))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines)
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text.encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def seed_gold(corpus):
    doc = corpus.document(SEED_ID)
    return {SEED_ID: doc}, {SEED_ID: corpus.annotation(SEED_ID)}


@FUZZ
@given(raw=st.one_of(prediction_files(), st.binary(max_size=200)))
def test_fuzz_prediction_files(workdir, seed_gold, raw):
    docs, gold = seed_gold
    path = fresh(workdir, "pred.jsonl")
    path.write_bytes(raw)
    read = only_bench_errors(read_predictions, path, docs)
    if read is None:
        return  # the file as a whole is unreadable (not UTF-8)
    preds, problems = read
    assert all(p.file == str(path) and p.where.startswith("line ") for p in problems)
    strict = only_bench_errors(read_predictions, path, docs, strict=True)
    assert (strict is None) == bool(problems)
    score = Scorer(docs, gold).score(preds, "fuzz")
    for tier in score.tiers:
        assert 0.0 <= score.metrics(tier)["micro"]["f1"] <= 1.0


# --------------------------------------------------------------------------- manifests

@pytest.fixture(scope="module")
def manifest_root(workdir):
    """A corpus root with the seed document; each example writes its own manifest."""
    root = workdir / "corpus"
    (root / "seeds").mkdir(parents=True)
    shutil.copyfile(PROJECT_ROOT / "seeds" / f"{SEED_ID}.txt", root / "seeds" / f"{SEED_ID}.txt")
    return root


SEED_ENTRY = next(
    d for d in json.loads((PROJECT_ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))["documents"]
    if d["id"] == SEED_ID
)
MANIFEST = {"version": 1, "documents": [SEED_ENTRY, dict(SEED_ENTRY, id="copy", split="dev", provenance="constructed")]}


@FUZZ
@given(raw=file_bytes(json.dumps(MANIFEST, indent=1), damaged_json(MANIFEST).map(lambda d: json.dumps(d).encode())))
def test_fuzz_manifests(manifest_root, raw):
    path = manifest_root / "seeds" / "manifest.json"
    path.write_bytes(raw)
    entries = only_bench_errors(read_manifest, path)
    if entries is None:
        return
    corpus = load_corpus(manifest_root)
    for split in [*corpus.splits, "all", "nope"]:
        only_bench_errors(corpus.documents, split)
    for doc_id in [*corpus.ids(), "nope"]:
        only_bench_errors(corpus.document, doc_id)


# --------------------------------------------------------------------------- the corpus validator

_LONG_NAME = "x" * 300  # a file name longer than file systems allow


@settings(FUZZ, max_examples=60)
@given(
    manifest=file_bytes(json.dumps(MANIFEST, indent=1), damaged_json(MANIFEST).map(lambda d: json.dumps(d).encode())),
    gold=file_bytes(CLEAN_TEXT, damaged_json(CLEAN_DATA).map(lambda d: json.dumps(d).encode())),
    extra=st.sampled_from(["other.json", f"{_LONG_NAME}.json", _LONG_NAME, f"{SEED_ID}.json"]),
)
def test_fuzz_validate_corpus(workdir, manifest, gold, extra):
    """``bench validate`` over a corpus whose manifest and gold file are damaged reports
    problems and never raises, with or without explicit paths (some the file system refuses)."""
    root = fresh(workdir, "corpus")
    (root / "seeds").mkdir(parents=True)
    (root / "annotations").mkdir()
    shutil.copyfile(PROJECT_ROOT / "seeds" / f"{SEED_ID}.txt", root / "seeds" / f"{SEED_ID}.txt")
    (root / "seeds" / "manifest.json").write_bytes(manifest)
    (root / "annotations" / f"{SEED_ID}.json").write_bytes(gold)
    for paths in (None, [root / "annotations", root / "annotations" / extra]):
        problems = validate_corpus(root, paths)
        assert all(isinstance(p, Problem) and p.message for p in problems)


# --------------------------------------------------------------------------- experiment configs

CONFIG_TEXT = CONFIG.read_text(encoding="utf-8")
TABLES = ["experiment", "corpus", "run", "scoring", "bootstrap", "speed", "challenge", "extractor", "misc"]
KEYS = [
    "name", "description", "root", "splits", "output", "cache_dir", "document_timeout", "build_timeout",
    "batch_documents", "tiers", "zero_division", "topic_threshold", "resamples", "seed", "min_docs", "rounds",
    "confidence", "enabled", "split", "repeats", "warmup", "timeout", "label", "params", "optional", "colour",
]
_TOML_STR = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='"\\'), max_size=10).map(lambda t: f'"{t}"')
TOML_VALUE = st.one_of(
    st.integers(-(2**63), 2**63 - 1).map(str), st.floats(-1e6, 1e6, allow_nan=False).map(repr),
    st.sampled_from(["true", "false", "inf", "nan", "0", "-1", "1e999"]), _TOML_STR,
    st.sampled_from(['"pair"', '"trigger.v1"', '"oracle.v1"', '"../x"', '"/abs"', '"dev"', '"C:\\\\x"']),
    st.lists(st.one_of(_TOML_STR, st.sampled_from(['"pair"', '"dev"', '"test"', '"exact"'])), max_size=3).map(lambda v: f"[{', '.join(v)}]"),
    st.dictionaries(st.sampled_from(["C", "batch_size", "threshold", "x"]), st.integers(-3, 3).map(str), max_size=2).map(
        lambda d: "{ " + ", ".join(f"{k} = {v}" for k, v in d.items()) + " }"
    ),
)


EXTRACTOR_NAMES = ['"oracle.v1"', '"trigger.v1"', '"nope.v1"', '"trigger"', "5"]


@st.composite
def toml_configs(draw) -> str:
    lines = []
    for table in draw(st.lists(st.sampled_from(TABLES), max_size=4, unique=True)):
        lines.append(f"[{table}]")
        for key in draw(st.lists(st.sampled_from(KEYS), max_size=4, unique=True)):
            lines.append(f"{key} = {draw(TOML_VALUE)}")
    for _ in range(draw(st.integers(0, 3))):
        lines.append("[[extractors]]")
        lines.append("name = " + draw(st.sampled_from(EXTRACTOR_NAMES)))
        for key in draw(st.lists(st.sampled_from(["params", "label", "optional", "weight"]), max_size=3, unique=True)):
            lines.append(f"{key} = {draw(TOML_VALUE)}")
    return "\n".join(lines) + "\n"


@FUZZ
@given(text=st.one_of(toml_configs(), damaged_text(CONFIG_TEXT), st.text(max_size=80)))
def test_fuzz_experiment_configs(text):
    config = only_bench_errors(parse_config, text, "fuzz.toml")
    if config is not None:
        assert config.extractors and len(config.hash) == 16
        assert not Path(config.run.output).is_absolute() and ".." not in Path(config.run.output).parts


@FUZZ
@given(raw=st.binary(max_size=120))
def test_fuzz_config_files(workdir, raw):
    path = fresh(workdir, "config.toml")
    path.write_bytes(raw)
    only_bench_errors(load_config, path)


# --------------------------------------------------------------------------- document inputs

GOOD_ROW = {"id": "d1", "text": "date 2023-10-16 Sergei Lavrov met Wang Yi in Beijing.", "date": "2023-10-16", "provenance": "constructed"}
DOCUMENT_LINE = st.one_of(
    damaged_json(GOOD_ROW).map(lambda d: json.dumps(d, ensure_ascii=False)),
    st.builds(lambda i, t: json.dumps({"id": i, "text": t}), st.sampled_from(["a", "b", "c"]), st.text(max_size=30)),
    JSON.map(json.dumps),
    damaged_text(json.dumps(GOOD_ROW)),
    st.just(""),
)
PREFIXES = st.sampled_from(["", "date 2023-10-16 ", "date 2023-13-45 ", " date 2024-02-30\n", "\ufeffdate 2023-10-16\r\n", "date 23-1-1 ", "date 2023-10-16"])


def _check_documents(docs) -> None:
    assert len({d.id for d in docs}) == len(docs)
    for d in docs:
        assert 0 <= d.body_start <= len(d.text)
        assert date_prefix_problem(d.text) is None


@FUZZ
@given(lines=st.lists(DOCUMENT_LINE, max_size=5), newline=st.sampled_from(["\n", "\r\n"]))
def test_fuzz_jsonl_document_files(workdir, lines, newline):
    path = fresh(workdir, "docs.jsonl")
    path.write_text(newline.join(lines), encoding="utf-8", errors="surrogatepass", newline="")
    docs = only_bench_errors(read_documents, path)
    if docs is not None:
        _check_documents(docs)


@FUZZ
@given(prefix=PREFIXES, body=st.text(max_size=60), raw=st.none() | st.binary(max_size=60), suffix=st.sampled_from([".txt", ".jsonl", ".json"]))
def test_fuzz_text_document_files(workdir, prefix, body, raw, suffix):
    path = fresh(workdir, f"doc{suffix}")
    path.write_bytes(raw if raw is not None else (prefix + body).encode("utf-8", "surrogatepass"))
    docs = only_bench_errors(read_documents, path)
    if docs is not None:
        _check_documents(docs)
    only_bench_errors(read_documents, path.parent)  # the folder (its .txt files)


# --------------------------------------------------------------------------- annotation drafts

DRAFT_TEXT = "date 2024-03-05 Anna Berglund met Markus Feldmann in Vienna. Berglund discussed energy prices with him."
DRAFT = {
    "doc_id": "d1", "out_of_scope": [],
    "entities": [
        {"id": "E1", "type": "PER", "name": "Anna Berglund", "mentions": ["Anna Berglund", "Berglund"]},
        {"id": "E2", "type": "PER", "name": "Markus Feldmann", "mentions": ["Markus Feldmann", "him"]},
        {"id": "E3", "type": "GPE", "name": "Vienna", "mentions": ["Vienna"]},
    ],
    "relations": [
        {"type": "met", "head": "E1", "tail": "E2", "trigger": "met"},
        {"type": "discussed", "head": "E1", "tail": "E2", "trigger": "discussed", "mode": "in_person",
         "topics": [{"label": "energy", "text": "energy prices"}]},
    ],
}
DRAFT_DOC = document_from_text("d1", DRAFT_TEXT)


@FUZZ
@given(draft=st.one_of(damaged_json(DRAFT), JSON))
def test_fuzz_annotation_drafts(draft):
    gold = only_bench_errors(resolve_draft, draft, DRAFT_DOC)
    if gold is not None:
        only_bench_errors(annotation_from_dict, gold)


# --------------------------------------------------------------------------- the scorer

@pytest.fixture(scope="module")
def real_gold(corpus):
    ids = corpus.ids("seed") + corpus.ids("dev")[:8]
    docs = {i: corpus.document(i) for i in ids}
    gold = {i: corpus.annotation(i) for i in ids}
    return docs, gold, Scorer(docs, gold)


@st.composite
def span_in(draw, text: str):
    if not text:
        return None
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 80)))
    return start, end


@st.composite
def argument(draw, doc: Document, ann: Annotation) -> dict:
    kind = draw(st.sampled_from(["mention", "name", "span", "text"]))
    mentions = [m for e in ann.entities for m in e.mentions]
    if kind == "mention" and mentions:
        m = draw(st.sampled_from(mentions))
        return {"text": m.text, "start": m.start, "end": m.end}
    if kind == "name" and ann.entities:
        e = draw(st.sampled_from(list(ann.entities)))
        return {"text": draw(st.sampled_from([e.name, *e.aliases, e.name.upper(), f"the {e.name}'s"]))}
    if kind == "span":
        span = draw(span_in(doc.text))
        if span is not None and doc.text[span[0] : span[1]].strip():
            return {"text": doc.text[span[0] : span[1]], "start": span[0], "end": span[1]}
    return {"text": draw(st.text(min_size=1, max_size=15).filter(str.strip))}


@st.composite
def predicted_records(draw, docs: dict[str, Document], gold: dict[str, Annotation]) -> dict:
    doc_id = draw(st.sampled_from(sorted(docs) + ["not-scored"]))
    doc = docs.get(doc_id) or next(iter(docs.values()))
    ann = gold.get(doc_id) or next(iter(gold.values()))
    rec: dict = {
        "doc_id": doc_id, "type": draw(st.sampled_from([t.value for t in RelationType])),
        "head": draw(argument(doc, ann)), "tail": draw(argument(doc, ann)),
    }
    optional = {
        "realis": st.sampled_from([r.value for r in Realis]),
        "polarity": st.sampled_from([p.value for p in Polarity]),
        "mode": st.sampled_from([m.value for m in Mode]),
        "topics": st.lists(st.one_of(st.text(max_size=20), st.builds(
            lambda s, label: {"text": doc.text[s[0]:s[1]] or "x", "start": s[0], "end": s[1], "label": label},
            span_in(doc.text).filter(bool), st.text(max_size=8),
        )), max_size=3),
        "evidence": st.lists(span_in(doc.text).filter(bool).map(list), max_size=3),
        "trigger": span_in(doc.text).filter(bool).map(list),
        "score": st.floats(0, 1),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            rec[key] = draw(strategy)
    return rec


def _check_score(score, gold_totals=None):
    for tier in score.tiers:
        m = score.metrics(tier)
        for block in [m["micro"], m["macro"], *m["per_type"].values()]:
            for key in ("precision", "recall", "f1"):
                assert block[key] is None or 0.0 <= block[key] <= 1.0, (tier, block)
    if gold_totals is not None:
        for tier in ("pair", "strict", "lenient"):
            if tier in score.tiers:
                tot = score.totals(tier).sum(axis=0)
                assert tot[0] + tot[2] == gold_totals[tier], tier  # tp + fn: the gold, whatever was predicted


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_scorer_on_real_gold_with_random_predictions(real_gold, data):
    docs, gold, scorer = real_gold
    records = data.draw(st.lists(predicted_records(docs, gold), max_size=25))
    preds = [prediction_from_dict(r) for r in records]  # valid by the prediction format
    empty = scorer.score([], "empty")
    totals = {t: empty.totals(t).sum(axis=0)[2] for t in ("pair", "strict", "lenient") if t in empty.tiers}
    score = scorer.score(preds, "fuzz")
    _check_score(score, totals)
    report = score_to_json([score, empty], BootstrapConfig(resamples=20, rounds=20, min_docs=2), errors=True)
    for fmt in FORMATS:
        assert render(report, fmt, errors=True)


NAMES = [("Anna Berglund", EntityType.PER), ("Markus Feldmann", EntityType.PER), ("Erik Dahl", EntityType.PER),
         ("Vienna", EntityType.GPE), ("Austria", EntityType.GPE), ("Lisbon", EntityType.GPE)]
FRAMES = ["{a} met {b} in {p}.", "{a} visited {p} on Monday.", "{a} and {b} discussed trade.", "{a} did not meet {b}.",
          "Read more: {p} news.", "{a} will travel to {p}."]


@st.composite
def random_gold(draw):
    """A small document of template sentences and gold that the validator accepts."""
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        a, b = draw(st.sampled_from(NAMES[:3])), draw(st.sampled_from(NAMES[:3]))
        p = draw(st.sampled_from(NAMES[3:]))
        parts.append(draw(st.sampled_from(FRAMES)).format(a=a[0], b=b[0], p=p[0]))
    prefix = draw(st.sampled_from(["", "date 2023-10-16 ", "date 2023-10-16\r\n"]))
    text = prefix + draw(st.sampled_from([" ", "\n\n", "\r\n"])).join(parts)
    doc = document_from_text("g", text)
    entities = []
    for i, (name, etype) in enumerate(NAMES):
        starts = [j for j in range(len(text)) if text.startswith(name, j)]
        if starts:
            parent = "E5" if name in ("Vienna",) and "Austria" in text else None
            entities.append(Entity(f"E{i + 1}", etype, name, tuple(Mention(s, s + len(name), name) for s in starts), (), parent))
    ids = {e.id: e for e in entities}
    sentences = sentence_spans(text, doc.body_start)
    relations = []
    for k in range(draw(st.integers(0, 6))):
        if len(ids) < 2:
            break
        rtype = draw(st.sampled_from(list(RelationType)))
        persons = [e for e in entities if e.type is EntityType.PER]
        places = [e for e in entities if e.type is EntityType.GPE]
        head = draw(st.sampled_from(persons)) if persons else None
        tail = draw(st.sampled_from(places if rtype is RelationType.VISITED else persons)) if (places if rtype is RelationType.VISITED else persons) else None
        if head is None or tail is None or head.id == tail.id:
            continue
        sentence = next((s for s in sentences if s.contains(head.mentions[0].span)), None)
        if sentence is None:
            continue
        topics = ()
        if rtype is RelationType.DISCUSSED:
            if "trade" not in text:
                continue
            s = text.index("trade")
            topics = (Topic("trade", (Mention(s, s + 5, "trade"),)),)
        relations.append(Relation(
            f"R{k}", rtype, head.id, tail.id, draw(st.sampled_from(list(Polarity))), draw(st.sampled_from(list(Realis))),
            Evidence(None, (sentence,)), Mode.UNSPECIFIED if rtype is RelationType.DISCUSSED else None, topics,
            event=draw(st.sampled_from([None, "ev1"])),
        ))
    ann = Annotation("g", tuple(entities), tuple(relations))
    assume(not validate_annotation(ann, doc))
    return doc, ann


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_fuzz_scorer_on_random_gold(data):
    doc, ann = data.draw(random_gold())
    docs, gold = {doc.id: doc}, {doc.id: ann}
    records = data.draw(st.lists(predicted_records(docs, gold), max_size=12))
    preds = [prediction_from_dict(r) for r in records]
    scorer = Scorer(docs, gold)
    empty = scorer.score([], "empty")
    totals = {t: empty.totals(t).sum(axis=0)[2] for t in TIERS if t in ("pair", "strict", "lenient")}
    _check_score(scorer.score(preds, "fuzz"), totals)
    from bench.scoring import gold_as_predictions

    perfect = scorer.score(gold_as_predictions(ann), "gold")
    for tier in perfect.tiers:
        tot = perfect.totals(tier).sum(axis=0)
        assert tot[1] == 0 and tot[2] == 0, (tier, tot)


def test_only_bench_errors_lets_other_exceptions_through():
    """The helper every fuzz test relies on: a bug (not a BenchError) must fail the test."""

    def buggy():
        raise KeyError("x")

    with pytest.raises(KeyError):
        only_bench_errors(buggy)
    assert only_bench_errors(lambda: (_ for _ in ()).throw(InputError("bad"))) is None
