"""Experiment configs: the TOML files under ``experiments/`` that ``bench run`` executes.

A config names the extractors (with their parameters), the corpus splits, the scoring tiers,
the bootstrap, the speed protocol, the challenge suite and where the run writes. It is read
with ``tomllib`` (data only: a config can never run code) into frozen dataclasses, and
checked completely before any work starts: every unknown key, unknown extractor, value of
the wrong type or out of range, and path that could write outside the output folder is
reported with its file and line, together with what is allowed.

Layout (every table and key optional except ``[[extractors]]``; defaults in parentheses)::

    [experiment]  name (the file's stem), description ("")
    [corpus]      root (the checkout; relative to the config file), splits (["seed", "dev", "test"])
    [run]         output ("runs/<name>"; relative to the working directory, no ".."),
                  cache_dir (".cache"; relative to output, no ".."),
                  document_timeout (120 s), build_timeout (900 s), batch_documents (16),
                  jobs (1: extractors extracting at once; not part of the config hash)
    [scoring]     tiers (all five), zero_division (0.0), topic_threshold (0.5)
    [bootstrap]   resamples (1000), seed (0), min_docs (10), rounds (10000), confidence (0.95)
    [speed]       enabled (true), split ("all"), repeats (5, at least 5), warmup (1), timeout (900 s)
    [challenge]   enabled (true), seed (0), timeout (900 s), failed_examples (5 per capability)
    [[extractors]] name ("family.vN"), params ({}), label (name), optional (false)

An ``optional`` extractor whose requirements are not installed is skipped with a note
("skipped: extra 'embed' not installed") instead of failing the run.

Timeouts: documents are extracted ``batch_documents`` at a time, and a batch may take
``document_timeout`` seconds per document it holds; a batch that overruns (or raises) is
retried one document at a time, each with ``document_timeout``. ``build_timeout`` bounds
building and fitting an extractor, ``[challenge] timeout`` one run of the suite and
``[speed] timeout`` one extractor's whole measurement.

Paths: ``output`` must be relative and stay below the working directory, and ``cache_dir``
below the output folder, so a config received from elsewhere cannot write anywhere else
(``bench run --out DIR`` chooses another folder explicitly). ``corpus.root`` is only read.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from types import MappingProxyType
from typing import Any

from .errors import BenchError, InputError, Problem

CONFIG_FORMAT = 1
ALL_TIERS = ("pair", "strict", "lenient", "topic", "evidence")  # bench.scoring.TIERS
DEFAULT_SPLITS = ("seed", "dev", "test")
LABEL_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+=@-]{0,79}$")
VERSIONED_NAME = re.compile(r"^[a-z0-9_]+\.v\d+$")


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """One extractor of an experiment. ``label`` names it in every table and folder (default:
    its name); two entries may share a name with different parameters and labels."""

    name: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    label: str = ""
    optional: bool = False

    @property
    def version(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "label": self.label, "params": _plain(self.params),
            "optional": self.optional,
        }


@dataclass(frozen=True, slots=True)
class ScoringSettings:
    tiers: tuple[str, ...] = ALL_TIERS
    zero_division: float = 0.0
    topic_threshold: float = 0.5


@dataclass(frozen=True, slots=True)
class BootstrapSettings:
    resamples: int = 1000
    seed: int = 0
    min_docs: int = 10
    rounds: int = 10_000
    confidence: float = 0.95


@dataclass(frozen=True, slots=True)
class SpeedSettings:
    """The speed protocol of ``bench.speed``: each extractor timed in a fresh process."""

    enabled: bool = True
    split: str = "all"
    repeats: int = 5
    warmup: int = 1
    timeout: float = 900.0


@dataclass(frozen=True, slots=True)
class ChallengeSettings:
    """The challenge suite (``bench.challenge``); ``failed_examples`` failed cases per
    capability are kept in challenge.json as examples."""

    enabled: bool = True
    seed: int = 0
    timeout: float = 900.0
    failed_examples: int = 5


@dataclass(frozen=True, slots=True)
class RunSettings:
    """How the run executes. ``output`` and ``cache_dir`` are locations and ``jobs`` a
    choice of parallelism, not part of the experiment: they stay out of the config hash."""

    output: str = ""
    cache_dir: str = ".cache"
    document_timeout: float = 120.0
    build_timeout: float = 900.0
    batch_documents: int = 16
    jobs: int = 1


@dataclass(frozen=True, slots=True)
class ExperimentConfig:
    """A parsed, checked experiment config."""

    name: str
    extractors: tuple[ExtractorSpec, ...]
    description: str = ""
    splits: tuple[str, ...] = DEFAULT_SPLITS
    corpus_root: str | None = None
    scoring: ScoringSettings = field(default_factory=ScoringSettings)
    bootstrap: BootstrapSettings = field(default_factory=BootstrapSettings)
    speed: SpeedSettings = field(default_factory=SpeedSettings)
    challenge: ChallengeSettings = field(default_factory=ChallengeSettings)
    run: RunSettings = field(default_factory=RunSettings)
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Everything that decides the results (locations excluded), in a fixed layout."""
        return {
            "format": CONFIG_FORMAT,
            "experiment": {"name": self.name, "description": self.description},
            "corpus": {"root": self.corpus_root, "splits": list(self.splits)},
            "extractors": [e.to_dict() for e in self.extractors],
            "scoring": {
                "tiers": list(self.scoring.tiers), "zero_division": self.scoring.zero_division,
                "topic_threshold": self.scoring.topic_threshold,
            },
            "bootstrap": _fields(self.bootstrap),
            "speed": _fields(self.speed),
            "challenge": _fields(self.challenge),
            "run": {
                "document_timeout": self.run.document_timeout,
                "build_timeout": self.run.build_timeout,
                "batch_documents": self.run.batch_documents,
            },
        }

    @property
    def hash(self) -> str:
        """sha256 (16 hex digits) of ``to_dict()``: comments, key order and output locations
        do not change it; any setting that changes results does."""
        text = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def output_dir(self, override: str | Path | None = None) -> Path:
        """The run directory: ``override`` (``--out``) or the config's ``run.output``."""
        return Path(override) if override is not None else Path(self.run.output)

    def cache_dir(self, output: Path) -> Path:
        """The prediction cache, inside the output folder (checked again after resolving
        symbolic links)."""
        path = output / self.run.cache_dir
        if not _inside(path, output):
            raise BenchError(f"cache_dir {self.run.cache_dir!r} resolves outside the output folder {str(output)!r}")
        return path

    def resolved_corpus_root(self) -> Path | None:
        if self.corpus_root is None:
            return None
        root = Path(self.corpus_root)
        if not root.is_absolute() and self.source is not None:
            root = Path(self.source).parent / root
        return root

    def extractor(self, label: str) -> ExtractorSpec:
        for e in self.extractors:
            if e.label == label:
                return e
        raise KeyError(label)


def _fields(obj) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in obj.__slots__}


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- schema


@dataclass(frozen=True, slots=True)
class _Key:
    """One setting: its kind, its default and an extra check returning a message or None."""

    kind: str  # int, number, bool, str, str_list, table
    default: Any
    check: Callable[[Any], str | None] | None = None


def _at_least(low):
    return lambda v: None if v >= low else f"must be at least {low}"


def _positive(v):
    return None if v > 0 else "must be greater than 0"


def _unit_interval(v):
    return None if 0.0 <= v <= 1.0 else "must be between 0 and 1"


def _open_unit(v):
    return None if 0.0 < v < 1.0 else "must be between 0 and 1 (exclusive)"


def _topic_threshold(v):
    return None if 0.0 < v <= 1.0 else "must be in (0, 1]"


def _tiers(v):
    bad = [t for t in v if t not in ALL_TIERS]
    if bad:
        return f"unknown tier {bad[0]!r}; valid tiers: {', '.join(ALL_TIERS)}"
    if not v:
        return "must name at least one tier"
    return None


def _splits(v):
    if not v:
        return "must name at least one split"
    if len(set(v)) != len(v):
        return "names a split twice"
    return None


def _relative_path(v):
    if not v.strip():
        return "must not be empty"
    for flavour in (PurePosixPath, PureWindowsPath):
        p = flavour(v)
        if p.is_absolute() or p.drive or p.root:
            return "must be a relative path (it cannot leave the output folder); use --out to choose another folder"
        if ".." in p.parts:
            return "must not contain '..' (it cannot leave the output folder); use --out to choose another folder"
    return None


SCHEMA: dict[str, dict[str, _Key]] = {
    "experiment": {
        "name": _Key("str", None),
        "description": _Key("str", ""),
    },
    "corpus": {
        "root": _Key("str", None),
        "splits": _Key("str_list", list(DEFAULT_SPLITS), _splits),
    },
    "run": {
        "output": _Key("str", None, _relative_path),
        "cache_dir": _Key("str", ".cache", _relative_path),
        "document_timeout": _Key("number", 120.0, _positive),
        "build_timeout": _Key("number", 900.0, _positive),
        "batch_documents": _Key("int", 16, _at_least(1)),
        "jobs": _Key("int", 1, _at_least(1)),
    },
    "scoring": {
        "tiers": _Key("str_list", list(ALL_TIERS), _tiers),
        "zero_division": _Key("number", 0.0, _unit_interval),
        "topic_threshold": _Key("number", 0.5, _topic_threshold),
    },
    "bootstrap": {
        "resamples": _Key("int", 1000, _at_least(0)),
        "seed": _Key("int", 0, _at_least(0)),
        "min_docs": _Key("int", 10, _at_least(2)),
        "rounds": _Key("int", 10_000, _at_least(0)),
        "confidence": _Key("number", 0.95, _open_unit),
    },
    "speed": {
        "enabled": _Key("bool", True),
        "split": _Key("str", "all"),
        "repeats": _Key("int", 5, _at_least(5)),
        "warmup": _Key("int", 1, _at_least(0)),
        "timeout": _Key("number", 900.0, _positive),
    },
    "challenge": {
        "enabled": _Key("bool", True),
        "seed": _Key("int", 0, _at_least(0)),
        "timeout": _Key("number", 900.0, _positive),
        "failed_examples": _Key("int", 5, _at_least(0)),
    },
}
EXTRACTOR_KEYS: dict[str, _Key] = {
    "name": _Key("str", None),
    "label": _Key("str", None),
    "params": _Key("table", {}),
    "optional": _Key("bool", False),
}
TOP_LEVEL = (*SCHEMA, "extractors")

_KIND_NAMES = {
    "int": "an integer", "number": "a number", "bool": "true or false", "str": "a string",
    "str_list": "a list of strings", "table": "a table ({ key = value, ... })",
}


def _kind_ok(kind: str, v: Any) -> bool:
    if kind == "int":
        return isinstance(v, int) and not isinstance(v, bool)
    if kind == "number":
        return isinstance(v, int | float) and not isinstance(v, bool)
    if kind == "bool":
        return isinstance(v, bool)
    if kind == "str":
        return isinstance(v, str)
    if kind == "str_list":
        return isinstance(v, list) and all(isinstance(x, str) for x in v)
    if kind == "table":
        return isinstance(v, dict)
    raise AssertionError(kind)


# --------------------------------------------------------------------------- line numbers


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(?:#.*)?$")
_KEYLINE = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*(?:\.\s*[A-Za-z0-9_\-]+\s*)*=")
_INLINE_KEY = re.compile(r"[{,]\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


class _Lines:
    """Where keys sit in the TOML text, to put a line number on every problem.

    tomllib gives values, not positions; this scan of the text is approximate (a key inside
    a multi-line string could mislead it) but only ever chooses which line a message names.
    """

    def __init__(self, text: str):
        self.keys: dict[tuple, int] = {}
        self.tables: dict[tuple, int] = {}
        table: tuple = ()
        index: int | None = None
        counts: dict[str, int] = {}
        for n, line in enumerate(text.splitlines(), 1):
            m = _HEADER.match(line)
            if m:
                name = m.group(2).strip().strip("\"'")
                if m.group(1) == "[[":
                    index = counts.get(name, 0)
                    counts[name] = index + 1
                else:
                    index = None
                table = (name,)
                self.tables.setdefault((name, index), n)
                continue
            k = _KEYLINE.match(line)
            if k:
                key = k.group(1).strip("\"'")
                self.keys.setdefault((table, index, key), n)
                for inner in _INLINE_KEY.finditer(line[k.end():]):
                    self.keys.setdefault((table + (key,), index, inner.group(1).strip("\"")), n)

    def of(self, table: tuple, key: str | None = None, index: int | None = None) -> str:
        n = None
        if key is not None:
            n = self.keys.get((table, index, key))
            if n is None and not table:  # a whole table: its header
                n = self.tables.get((key, None)) or self.tables.get((key, 0))
        if n is None and table:
            n = self.tables.get((table[0], index))
        return f"line {n}" if n else ""


# --------------------------------------------------------------------------- loading


def load_config(path: str | Path) -> ExperimentConfig:
    """Read and check an experiment config; ``InputError`` lists every problem with its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(Problem(str(path), "", "config file not found")) from None
    except IsADirectoryError:
        raise InputError(Problem(str(path), "", "expected a TOML file, got a directory")) from None
    except UnicodeDecodeError as exc:
        raise InputError(Problem(str(path), f"byte {exc.start}", "not valid UTF-8")) from None
    return parse_config(text, str(path))


def parse_config(text: str, file: str = "<config>") -> ExperimentConfig:
    """Parse config ``text`` (``file`` names it in messages and anchors relative paths)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f"line {m.group(1)}" if m else ""
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or "invalid TOML"
        raise InputError(Problem(file, where, f"invalid TOML: {msg}")) from None
    return _Builder(data, text, file).build()


class _Builder:
    def __init__(self, data: dict, text: str, file: str):
        self.data = data
        self.lines = _Lines(text)
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, table: tuple, key: str | None, message: str, index: int | None = None) -> None:
        self.problems.append(Problem(self.file, self.lines.of(table, key, index), message))

    def unknown(self, table: tuple, key: str, valid, index: int | None = None) -> None:
        where = f"[{table[0]}] " if table else ""
        if index is not None:
            where = f"[[{table[0]}]] entry {index + 1}: "
        close = difflib.get_close_matches(key, list(valid), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        self.problem(table, key, f"{where}unknown key {key!r}{hint}; valid keys: {', '.join(valid)}", index)

    def section(self, name: str) -> dict[str, Any]:
        """The values of one table, defaults filled in, each checked."""
        schema = SCHEMA[name]
        raw = self.data.get(name, {})
        out = {k: s.default for k, s in schema.items()}
        if not isinstance(raw, dict):
            self.problem((), name, f"{name!r} must be a table ([{name}]); got {type(raw).__name__}")
            return out
        for key, value in raw.items():
            spec = schema.get(key)
            if spec is None:
                self.unknown((name,), key, schema)
                continue
            checked = self.value((name,), key, value, spec, f"[{name}] {key}")
            if checked is not _BAD:
                out[key] = checked
        return out

    def value(self, table: tuple, key: str, value: Any, spec: _Key, label: str, index: int | None = None):
        if not _kind_ok(spec.kind, value):
            self.problem(table, key, f"{label} must be {_KIND_NAMES[spec.kind]}; got {_show(value)}", index)
            return _BAD
        if spec.check is not None:
            msg = spec.check(value)
            if msg:
                self.problem(table, key, f"{label} {msg}; got {_show(value)}", index)
                return _BAD
        if spec.kind == "number":
            return float(value)
        return value

    def build(self) -> ExperimentConfig:
        for key in self.data:
            if key not in TOP_LEVEL:
                close = difflib.get_close_matches(key, TOP_LEVEL, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.problem((), key, f"unknown key or table {key!r}{hint}; valid: {', '.join(TOP_LEVEL)}")
        experiment = self.section("experiment")
        corpus = self.section("corpus")
        run = self.section("run")
        scoring = self.section("scoring")
        boot = self.section("bootstrap")
        speed = self.section("speed")
        challenge = self.section("challenge")
        extractors = self.extractors()
        if self.problems:
            raise InputError(self.problems)
        name = experiment["name"] or Path(self.file).stem
        if run["output"] is None:
            run["output"] = f"runs/{_safe(name)}"
        return ExperimentConfig(
            name=name,
            description=experiment["description"],
            extractors=extractors,
            splits=tuple(corpus["splits"]),
            corpus_root=corpus["root"],
            scoring=ScoringSettings(tuple(scoring["tiers"]), scoring["zero_division"], scoring["topic_threshold"]),
            bootstrap=BootstrapSettings(**boot),
            speed=SpeedSettings(**speed),
            challenge=ChallengeSettings(**challenge),
            run=RunSettings(**run),
            source=self.file,
        )

    def extractors(self) -> tuple[ExtractorSpec, ...]:
        raw = self.data.get("extractors")
        if raw is None:
            self.problem((), None, "no extractors: add at least one [[extractors]] table with a name, e.g. name = \"trigger.v1\"")
            return ()
        if not isinstance(raw, list) or not all(isinstance(e, dict) for e in raw):
            self.problem((), "extractors", "extractors must be an array of tables: [[extractors]] name = \"...\"")
            return ()
        from . import registry

        available = registry.available()
        specs: list[ExtractorSpec] = []
        labels: dict[str, int] = {}
        for i, entry in enumerate(raw):
            table = ("extractors",)
            values: dict[str, Any] = {k: s.default for k, s in EXTRACTOR_KEYS.items()}
            ok = True
            for key, value in entry.items():
                spec = EXTRACTOR_KEYS.get(key)
                if spec is None:
                    self.unknown(table, key, EXTRACTOR_KEYS, i)
                    ok = False
                    continue
                checked = self.value(table, key, value, spec, f"[[extractors]] entry {i + 1}: {key}", i)
                if checked is _BAD:
                    ok = False
                else:
                    values[key] = checked
            name = values["name"]
            if name is None:
                self.problem(table, None, f"[[extractors]] entry {i + 1} has no name; e.g. name = \"trigger.v1\"", i)
                continue
            if not ok:
                continue
            if name not in available:
                close = difflib.get_close_matches(name, available, n=2, cutoff=0.5)
                hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
                self.problem(table, "name", f"unknown extractor {name!r}{hint}; valid extractors: {', '.join(available) or '(none registered)'}", i)
                continue
            if not VERSIONED_NAME.match(name):
                self.problem(table, "name", f"extractor name {name!r} must carry its version, like 'trigger.v1'", i)
                continue
            params = self.params(name, values["params"], values["optional"], i)
            if params is None:
                continue
            label = values["label"] or name
            if not LABEL_PATTERN.match(label):
                self.problem(table, "label", f"label {label!r} may hold only letters, digits and . _ + = @ - (it names a folder)", i)
                continue
            if label in labels:
                self.problem(table, "label" if values["label"] else "name", f"label {label!r} is used by entry {labels[label] + 1} too; give one of them another label = \"...\"", i)
                continue
            labels[label] = i
            specs.append(ExtractorSpec(name, MappingProxyType(params), label, values["optional"]))
        return tuple(specs)

    def params(self, name: str, params: dict, optional: bool, i: int) -> dict | None:
        """Check params against the extractor's constructor (importing its module only)."""
        from . import registry

        try:
            cls = registry.resolve(name)
        except BenchError as exc:
            if optional:
                return dict(params)  # checked when it runs; the run reports it skipped
            self.problem(("extractors",), "name", str(exc), i)
            return None
        try:
            return registry.validate_params(name, cls, dict(params))
        except BenchError as exc:
            self.problem(("extractors",), "params", f"[[extractors]] entry {i + 1}: {exc}", i)
            return None


class _Bad:
    def __repr__(self) -> str:
        return "<invalid>"


_BAD = _Bad()


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "run"
