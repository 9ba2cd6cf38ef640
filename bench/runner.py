"""The experiment runner behind ``bench run CONFIG``: extract, cache, score, time, report.

For every extractor of the config, over every split: build it (a trainable one is fitted on
``bench.training.default_training_examples()``, never on a test split), extract the
documents that are not cached yet, check every predicted relation, cache each document's
predictions, then score each split with ``bench.scoring`` and ``bench.score_report``, run the
challenge suite, measure speed with ``bench.speed`` (a fresh process per extractor, and one
for the bare spaCy pipeline each throughput is compared with) and write the run directory
described in docs/run-directory.md.

Faults stay local:

- **Isolation and timeouts.** Each extractor runs in a worker process forked for it. The
  parent sends documents in batches (``batch_documents``) and waits at most
  ``document_timeout`` seconds per document; a worker that does not answer in time is killed
  (SIGKILL) and a new worker takes the remaining documents. A timeout by process rather than
  by ``signal.alarm`` in the main thread because a kill leaves no thread running, also stops
  code stuck inside a C extension (where a Python signal handler never runs) and cannot be
  swallowed by a plugin's ``except BaseException``. A plugin that crashes its process (a
  segfault, ``os._exit``) costs the documents of one call, not the run. The worker's stdout
  goes to stderr so a plugin's prints never mix with the table. The parent drives up to
  ``jobs`` workers at once from one thread (``_Scheduler``), so forking is always safe.
- **Per-document errors.** A batch that raises, times out or returns malformed relations is
  retried one document at a time, so each failure is pinned on its document. The failures
  are recorded (extractor, split, document, kind, summary; ``errors.json``); the extractor is
  marked ``incomplete: k of n documents failed`` and scored only apart, on the documents it
  finished (``partial``), never with a misleading F1 in the main table.
- **Malformed output.** Every relation must be a ``PredictedRelation`` for one of the
  documents of the call, with offsets inside the document that slice the stated text, and
  must survive the JSONL format. The first bad record is reported with the extractor's name.
- **Interruptions.** Each document's predictions are cached as soon as they arrive
  (``bench.cache``; atomic files), so a run killed at any point and started again recomputes
  only what was unfinished and produces the same scores.
- **Determinism.** Nothing here draws random numbers; the bootstrap is seeded from the config.
  Two runs of one config give identical ``scores.json`` apart from the fields named in
  ``VOLATILE_FIELDS`` (dates, durations, cache counts, the output path).

The worker uses the ``fork`` start method (Linux, macOS): it inherits the parent's state, so
extractors registered in-process with ``bench.registry.register`` run there too.

Where the code lives: this module holds the orchestration (``Runner.run``, ``RunOptions``,
``run_experiment``) and re-exports the public names of its parts:

- ``bench.run_records``: statuses, ``Failure``, ``RunResult``, fault summaries;
- ``bench.run_checks``: ``check_relations``, the check of an extractor's output;
- ``bench.run_workers``: the forked worker processes and their scheduler;
- ``bench.run_prepare``: resolving the extractors and the training-data step;
- ``bench.run_extraction``: per-extractor extraction, retries, caching, the challenge run;
- ``bench.run_speed``: the speed section (``speed.json``);
- ``bench.run_outputs``: the files of the run directory (``scores.json`` and the others);
- ``bench.run_console``: the progress bar and the results table.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .cache import PredictionCache
from .config import ExperimentConfig
from .errors import BenchError
from .jsonio import OutputError, write_atomic
from .run_checks import check_relations
from .run_console import RATIO_HEADER, REFERENCE_LABEL, _progress, results_table
from .run_extraction import ExtractionSteps
from .run_outputs import OutputSteps, git_info
from .run_prepare import PreparationSteps
from .run_records import (
    COMPLETE,
    FAILED,
    INCOMPLETE,
    MAX_MESSAGE,
    MAX_RECORD,
    RUN_FORMAT,
    SKIPPED,
    VOLATILE_FIELDS,
    Failure,
    RunResult,
    _error_summary,
    _ordered,
    strip_volatile,
)
from .run_speed import SpeedSteps
from .run_workers import _Scheduler

__all__ = [
    "COMPLETE",
    "FAILED",
    "INCOMPLETE",
    "MAX_MESSAGE",
    "MAX_RECORD",
    "RATIO_HEADER",
    "REFERENCE_LABEL",
    "RUN_FORMAT",
    "SKIPPED",
    "VOLATILE_FIELDS",
    "Failure",
    "RunOptions",
    "RunResult",
    "Runner",
    "check_relations",
    "git_info",
    "results_table",
    "run_experiment",
    "strip_volatile",
]


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Choices of one invocation that are not part of the experiment (not in its hash)."""

    output: Path | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    fresh: bool = False
    speed: bool = True
    challenge: bool = True
    reports: bool = True
    progress: bool = True
    jobs: int | None = None  # extractors extracting at once (default: the config's run.jobs)


class Runner(PreparationSteps, ExtractionSteps, SpeedSteps, OutputSteps):
    """Runs one experiment config; ``run()`` returns a ``RunResult``."""

    def __init__(self, config: ExperimentConfig, options: RunOptions | None = None, log: Callable[[str], None] | None = None):
        self.config = config
        self.options = options or RunOptions()
        self.out = config.output_dir(self.options.output)
        if self.options.cache_dir is not None:
            cache_root: Path | None = self.options.cache_dir
        else:
            cache_root = config.cache_dir(self.out)
        if not self.options.use_cache:
            cache_root = None
        self.cache = PredictionCache(cache_root)
        self.read_cache = self.options.use_cache and not self.options.fresh
        self._log = log
        self.failures: list[Failure] = []
        self._bar = None
        self._scheduler: _Scheduler | None = None

    # ------------------------------------------------------------ helpers

    def log(self, message: str) -> None:
        if self._log is not None:
            self._log(message)
        elif self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def _record(self, failures) -> None:
        """Record per-document failures; many with one message are logged as one line."""
        groups: dict[tuple, list[Failure]] = {}
        for f in failures:
            groups.setdefault((f.extractor, f.split, f.kind, f.message), []).append(f)
        for (label, split, kind, message), group in groups.items():
            for f in group:
                self.fail(f, quiet=len(group) > 3)
            if len(group) > 3:
                self.log(f"bench run: {label}: {split}: {len(group)} documents: {kind}: {message}")

    def fail(self, failure: Failure, quiet: bool = False) -> None:
        self.failures.append(failure)
        if quiet:
            return
        where = ", ".join(x for x in (failure.split, failure.document) if x)
        self.log(f"bench run: {failure.extractor}{': ' + where if where else ''}: {failure.kind}: {failure.message}")

    def _advance(self, description: str | None = None) -> None:
        if self._bar is not None:
            if description:
                self._bar.set_postfix_str(description, refresh=False)
            self._bar.update(1)

    # ------------------------------------------------------------ the run

    def run(self) -> RunResult:
        from .corpus import load_corpus

        started = time.perf_counter()
        created = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        config = self.config
        corpus = load_corpus(config.resolved_corpus_root())
        for split in (*config.splits, *([config.speed.split] if self._speed_on else [])):
            corpus.ids(split)  # an unknown split fails here, listing the known ones
        docs = {s: corpus.documents(s) for s in config.splits}
        # the gold is read before any work, so a damaged gold file stops the run at once
        gold = {
            s: {d.id: corpus.annotation(d.id) for d in docs[s] if corpus.annotation_path(d.id).is_file()}
            for s in config.splits
        }
        runs = [self._prepare(spec, corpus) for spec in config.extractors]
        examples, training = self._training(runs, corpus)
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(exc.errno, exc.strerror or str(exc), str(self.out)) from None

        challenge_on = self._challenge_available()
        # speed: one step per extractor and one for the spaCy reference
        steps = len(runs) * len(config.splits) + len(runs) * (bool(challenge_on) + self._speed_on) + self._speed_on
        self._bar = _progress(steps, self.options.progress)
        try:
            # heavier (trainable) extractors start first so that with jobs > 1 the light
            # ones run beside them; the order of work never changes the results
            order = sorted(runs, key=lambda r: not r.trainable)
            self._scheduler = _Scheduler(self.options.jobs or config.run.jobs)
            self._scheduler.run(self._extract_task(r, docs, corpus, examples, training, challenge_on) for r in order)
            self._write_predictions(runs, docs)
            t0 = time.perf_counter()
            scores = self._scores(runs, docs, gold, corpus, training, created)
            scoring_s = time.perf_counter() - t0
            write_atomic(self.out / "scores.json", json.dumps(scores, indent=1, ensure_ascii=False) + "\n")
            speed = self._speed(runs) if self._speed_on else None
        finally:
            if self._bar is not None:
                self._bar.close()
                self._bar = None
        challenge = self._challenge_json(runs) if challenge_on else None
        self.failures = _ordered(self.failures, runs, docs)
        scores["timing"] = {
            "total_s": round(time.perf_counter() - started, 3),
            "scoring_s": round(scoring_s, 3),
            "extractors": {r.label: {k: round(v, 3) for k, v in r.timing.items()} for r in runs},
        }
        scores["cache"] = {"directory": str(self.cache.root) if self.cache.root else None, **self.cache.stats.to_dict()}
        scores["errors"] = _error_summary(self.failures)
        write_atomic(self.out / "scores.json", json.dumps(scores, indent=1, ensure_ascii=False) + "\n")
        self._write_or_remove("speed.json", speed)
        self._write_or_remove("challenge.json", challenge)
        errors = {
            "format_version": RUN_FORMAT,
            "errors": [f.to_dict() for f in self.failures],
        }
        write_atomic(self.out / "errors.json", json.dumps(errors, indent=1, ensure_ascii=False) + "\n")
        if self.options.reports:
            self._reports(scores)
        table = results_table(scores, speed, challenge)
        bad = bool(self.failures) or any(r.status in (INCOMPLETE, FAILED) for r in runs)
        return RunResult(self.out, scores, speed, challenge, tuple(self.failures), table, 1 if bad else 0)

    @property
    def _speed_on(self) -> bool:
        return bool(self.options.speed and self.config.speed.enabled)


def run_experiment(config: ExperimentConfig, options: RunOptions | None = None, log=None) -> RunResult:
    """Run ``config`` and write its run directory (see docs/run-directory.md)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        raise BenchError("bench run needs the 'fork' process start method (Linux or macOS)")
    return Runner(config, options, log).run()

