"""Reading a run directory into one object the renderers share.

A run directory (written by ``bench run``; see docs/run-directory.md) holds:

- ``scores.json``: the envelope (versions, commit, machine, config and its hash) and, per
  split, the scorer's JSON report (``bench.score_report.score_to_json``, error records
  included);
- ``speed.json``: per extractor the figures of ``bench.speed.SpeedResult``;
- ``challenge.json``: per extractor the pass rates of ``bench.challenge.ChallengeResult``;
- ``errors.json``: the documents an extractor failed on (extractor, document, exception);
- ``predictions/<extractor>/<split>.jsonl``.

Only ``scores.json`` is required; a run without speed, challenge or failures simply has
none of those sections. A file that is present but malformed is an ``InputError`` naming the
file and the JSON pointer of the defect, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem

SCORES = "scores.json"
SPEED = "speed.json"
CHALLENGE = "challenge.json"
FAILURES = "errors.json"

# Where the envelope may keep its per-split reports, in order of preference.
_SPLIT_KEYS = ("splits", "scores", "by_split")


@dataclass(frozen=True, slots=True)
class Failure:
    """One document an extractor failed on: the run scored the rest without it."""

    extractor: str
    doc_id: str
    split: str | None
    kind: str
    message: str


@dataclass(frozen=True)
class Run:
    """Everything the reports show, read from one run directory.

    ``splits`` maps a split name to its scorer report (the layout documented in
    ``bench.score_report``); ``speed`` and ``challenge`` map an extractor label to its
    figures; ``meta`` is the envelope without the split reports.
    """

    path: Path
    meta: Mapping[str, Any]
    splits: Mapping[str, Mapping[str, Any]]
    speed: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    challenge: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    failures: tuple[Failure, ...] = ()
    speed_meta: Mapping[str, Any] = field(default_factory=dict)
    challenge_meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        cfg = self.config
        exp = cfg.get("experiment") if isinstance(cfg.get("experiment"), Mapping) else {}
        return str(exp.get("name") or self.meta.get("name") or self.path.name)

    @property
    def config(self) -> Mapping[str, Any]:
        cfg = self.meta.get("config")
        return cfg if isinstance(cfg, Mapping) else {}

    @property
    def extractors(self) -> list[str]:
        """Extractor labels in config order, then any other scored system in report order."""
        out: list[str] = []
        for e in self.config.get("extractors", ()) or ():
            if isinstance(e, Mapping):
                label = e.get("label") or e.get("name")
                if label and label not in out:
                    out.append(str(label))
        for label in self.extractor_info:
            if label not in out:
                out.append(label)
        for report in self.splits.values():
            for n in report.get("systems", ()):
                if n not in out:
                    out.append(n)
        for n in (*self.speed, *self.challenge):
            if n not in out:
                out.append(n)
        return out

    @property
    def extractor_info(self) -> Mapping[str, Mapping[str, Any]]:
        """What the runner recorded per extractor: status, message, per-split outcome."""
        info = self.meta.get("extractors")
        return {k: v for k, v in info.items() if isinstance(v, Mapping)} if isinstance(info, Mapping) else {}

    def status(self, extractor: str) -> tuple[str, str | None]:
        """``(status, message)``: complete, incomplete, failed or skipped."""
        info = self.extractor_info.get(extractor) or {}
        status = info.get("status")
        if status is None:
            status = "incomplete" if any(f.extractor == extractor and f.doc_id for f in self.failures) else "complete"
        return str(status), info.get("message")

    def reads_gold(self, extractor: str) -> bool:
        """Whether the extractor reads the gold (an oracle): a reference, not a competitor.

        Known from the runner's record (``needs`` holding "gold") or, for runs that do not
        record it, from the ``oracle`` family name."""
        info = self.extractor_info.get(extractor) or {}
        needs = info.get("needs")
        if isinstance(needs, list | tuple):
            return "gold" in needs
        if isinstance(info.get("needs_gold"), bool):
            return info["needs_gold"]
        name = info.get("name")
        if not name:
            for e in self.config.get("extractors", ()) or ():
                if isinstance(e, Mapping) and (e.get("label") or e.get("name")) == extractor:
                    name = e.get("name")
        return str(name or extractor).split(".", 1)[0] == "oracle"

    def split_extractors(self, split: str) -> list[str]:
        """The extractors a split's tables list: those scored on it and those that ran on it
        but did not finish every document (shown as incomplete)."""
        report = self.splits.get(split) or {"results": {}}
        return [e for e in self.extractors if e in report["results"] or self.incomplete(e, split)]

    def incomplete(self, extractor: str, split: str) -> tuple[int, int] | None:
        """``(failed, documents)`` when ``extractor`` failed on some documents of ``split``."""
        entry = ((self.extractor_info.get(extractor) or {}).get("splits") or {}).get(split)
        if isinstance(entry, Mapping) and entry.get("failed") is not None:
            failed = int(entry.get("failed") or 0)
            return (failed, int(entry.get("documents") or 0)) if failed else None
        failed = len(self.failed_documents(extractor, split))
        return (failed, len(self.documents(split))) if failed else None

    def partial(self, extractor: str, split: str) -> Mapping[str, Any] | None:
        """The scores of an incomplete extractor on the documents it finished (not
        comparable with the others; the reports only mention them)."""
        part = ((self.meta.get("partial") or {}).get(split) or {}).get(extractor)
        return part if _is_report(part) else None

    @property
    def unscored(self) -> Mapping[str, str]:
        """Splits of the config that have no scores, with the reason."""
        out = dict(self.meta.get("unscored") or {})
        for split in (self.config.get("corpus") or {}).get("splits") or ():
            if split not in self.splits and split not in out:
                out[split] = "no scores for this split"
        return out

    @property
    def tiers(self) -> list[str]:
        """The scoring tiers, in the scorer's order."""
        for report in self.splits.values():
            tiers = (report.get("config") or {}).get("tiers")
            if tiers:
                return list(tiers)
        return ["pair"]

    def documents(self, split: str) -> list[str]:
        """The ids of the documents scored on ``split``."""
        corpus = (self.splits.get(split) or {}).get("corpus") or {}
        return list(corpus.get("documents") or ())

    def failed_documents(self, extractor: str, split: str) -> set[str]:
        """The documents of ``split`` that ``extractor`` failed on."""
        entry = ((self.extractor_info.get(extractor) or {}).get("splits") or {}).get(split)
        if isinstance(entry, Mapping) and isinstance(entry.get("failed_documents"), list):
            return {str(d) for d in entry["failed_documents"]}
        docs = set(self.documents(split))
        out = set()
        for f in self.failures:
            if f.extractor != extractor or not f.doc_id:
                continue
            if f.split == split or (f.split is None and f.doc_id in docs):
                out.add(f.doc_id)
        return out

    @property
    def headline_split(self) -> str | None:
        """The split the README and the speed-vs-F1 view show: ``test`` when scored, else
        the last scored split of the run (None when nothing was scored)."""
        if "test" in self.splits:
            return "test"
        return list(self.splits)[-1] if self.splits else None


# --------------------------------------------------------------------------- reading


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Problem(str(path), "", f"not UTF-8 text ({exc.reason} at byte {exc.start})")) from None
    except OSError as exc:
        raise InputError(Problem(str(path), "", f"cannot be read: {exc.strerror or exc}")) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Problem(str(path), f"line {exc.lineno}", f"invalid JSON: {exc.msg}")) from None


def _is_report(value: Any) -> bool:
    return isinstance(value, Mapping) and isinstance(value.get("results"), Mapping) and "systems" in value


def _split_reports(envelope: Mapping, file: str) -> dict[str, Mapping]:
    for key in _SPLIT_KEYS:
        value = envelope.get(key)
        if isinstance(value, Mapping) and all(_is_report(v) for v in value.values()):
            return dict(value)
    if _is_report(envelope):  # a bare `bench score --format json` report
        split = (envelope.get("corpus") or {}).get("split") or "all"
        return {str(split): envelope}
    raise InputError(Problem(
        file, "/splits",
        "expected the scorer's report of every split: an object mapping a split name to "
        "{\"systems\": [...], \"results\": {...}, ...} (see docs/run-directory.md)",
    ))


def _check_report(report: Mapping, file: str, split: str) -> None:
    problems = []
    systems = report.get("systems")
    if not isinstance(systems, list) or not all(isinstance(s, str) for s in systems):
        problems.append(Problem(file, f"/splits/{split}/systems", "expected a list of system names"))
        raise InputError(problems)
    for name in systems:
        tiers = report["results"].get(name)
        if not isinstance(tiers, Mapping):
            problems.append(Problem(file, f"/splits/{split}/results/{name}", "missing: every listed system needs its results"))
            continue
        for tier, block in tiers.items():
            where = f"/splits/{split}/results/{name}/{tier}"
            if not isinstance(block, Mapping) or not isinstance(block.get("micro"), Mapping):
                problems.append(Problem(file, where, "expected {\"micro\": {...}, \"macro\": {...}, \"per_type\": {...}}"))
                continue
            missing = [k for k in ("precision", "recall", "f1", "tp", "fp", "fn") if k not in block["micro"]]
            if missing:
                problems.append(Problem(file, where + "/micro", f"missing {', '.join(missing)}"))
    if problems:
        raise InputError(problems)


def _by_extractor(data: Any, marker: str) -> dict[str, Mapping]:
    """``{label: entry}`` from the layouts a per-extractor file may take: a mapping by label
    (possibly under ``"extractors"``) or a list of records. Under ``"extractors"`` every
    entry is kept (one without ``marker`` carries a ``status`` and ``message``: failed or
    skipped); elsewhere only entries holding ``marker``."""
    if isinstance(data, Mapping):
        inner = data.get("extractors")
        if isinstance(inner, Mapping):
            return {str(k): v for k, v in inner.items() if isinstance(v, Mapping)}
        if isinstance(inner, list):
            return _by_extractor(inner, marker)
        return {str(k): v for k, v in data.items() if isinstance(v, Mapping) and marker in v}
    if isinstance(data, list):
        out = {}
        for rec in data:
            if not isinstance(rec, Mapping) or marker not in rec:
                continue
            label = rec.get("label") or _name(rec.get("extractor"))
            if label:
                out[str(label)] = rec
        return out
    return {}


def _name(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return value.get("label") or value.get("name")
    return value if isinstance(value, str) else None


def _failures(data: Any, file: str) -> tuple[Failure, ...]:
    records = data
    if isinstance(data, Mapping):
        records = next((data[k] for k in ("failures", "errors", "documents") if isinstance(data.get(k), list)), None)
        if records is None:
            raise InputError(Problem(file, "/", "expected a list of failures (extractor, document, error)"))
    if not isinstance(records, list):
        raise InputError(Problem(file, "/", "expected a list of failures (extractor, document, error)"))
    out = []
    for i, rec in enumerate(records):
        if not isinstance(rec, Mapping):
            raise InputError(Problem(file, f"/{i}", "expected an object"))
        extractor = rec.get("label") or _name(rec.get("extractor"))
        doc = rec.get("doc_id") or rec.get("document")
        if not extractor:
            raise InputError(Problem(file, f"/{i}", "missing the extractor's name ('extractor' or 'label')"))
        message = rec.get("message") or rec.get("error") or rec.get("exception") or ""
        out.append(Failure(
            str(extractor), str(doc) if doc is not None else "",
            str(rec["split"]) if rec.get("split") is not None else None,
            str(rec.get("kind") or rec.get("type") or "error"),
            str(message),
        ))
    return tuple(out)


def load_run(run_dir: str | Path) -> Run:
    """Read the run directory ``run_dir`` (see the module docstring)."""
    path = Path(run_dir)
    if not path.is_dir():
        raise InputError(Problem(str(path), "", "not a directory; expected a run directory written by `bench run`"))
    scores_file = path / SCORES
    if not scores_file.is_file():
        raise InputError(Problem(str(scores_file), "", "missing: a run directory holds scores.json (is this the output of `bench run`?)"))
    envelope = _read_json(scores_file)
    if not isinstance(envelope, Mapping):
        raise InputError(Problem(str(scores_file), "/", "expected a JSON object"))
    splits = _split_reports(envelope, str(scores_file))
    for split, report in splits.items():
        _check_report(report, str(scores_file), split)
    meta = {k: v for k, v in envelope.items() if not (k in _SPLIT_KEYS and isinstance(v, Mapping))}
    speed = challenge = speed_meta = challenge_meta = {}
    failures: tuple[Failure, ...] = ()
    if (path / SPEED).is_file():
        data = _read_json(path / SPEED)
        speed = _by_extractor(data, "docs_per_s")
        speed_meta = _without(data, "extractors")
    if (path / CHALLENGE).is_file():
        data = _read_json(path / CHALLENGE)
        challenge = _by_extractor(data, "capabilities")
        challenge_meta = _without(data, "extractors")
    if (path / FAILURES).is_file():
        failures = _failures(_read_json(path / FAILURES), str(path / FAILURES))
    return Run(path, meta, splits, speed, challenge, failures, speed_meta, challenge_meta)


def _without(data: Any, key: str) -> dict:
    return {k: v for k, v in data.items() if k != key} if isinstance(data, Mapping) else {}
