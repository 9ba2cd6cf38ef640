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
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .cache import CacheKey, PredictionCache, stable_hash
from .config import ExperimentConfig
from .errors import BenchError
from .jsonio import (
    OutputError,
    dump_predictions,
    prediction_from_dict,
    prediction_to_dict,
    write_atomic,
)
from .model import ArgumentRef, Document, PredictedRelation, PredictedTopic, Span

RUN_FORMAT = 1
VOLATILE_FIELDS = ("created", "timing", "cache", "output")
MAX_MESSAGE = 600
MAX_RECORD = 400

COMPLETE, INCOMPLETE, FAILED, SKIPPED = "complete", "incomplete", "failed", "skipped"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Failure:
    """One fault: which extractor, where, what kind and what happened.

    ``kind`` is one of ``exception``, ``timeout``, ``crash`` (the worker process died),
    ``malformed`` (bad relations; ``record`` holds the first bad one), ``build`` (the
    extractor could not be built or fitted), ``challenge``, ``speed`` or ``report``.
    """

    extractor: str
    kind: str
    message: str
    split: str | None = None
    document: str | None = None
    record: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "extractor": self.extractor, "split": self.split, "document": self.document,
            "kind": self.kind, "message": self.message,
        }
        if self.record is not None:
            out["record"] = self.record
        return out


@dataclass(slots=True)
class _SplitOutcome:
    predictions: dict[str, list[PredictedRelation]] = field(default_factory=dict)
    failed: dict[str, Failure] = field(default_factory=dict)


@dataclass(slots=True)
class _ExtractorRun:
    """What happened to one extractor in this run (mutable while the run goes on)."""

    label: str
    name: str
    params: dict[str, Any]
    params_hash: str
    optional: bool
    trainable: bool
    needs_gold: bool = False
    status: str = COMPLETE
    message: str | None = None
    splits: dict[str, _SplitOutcome] = field(default_factory=dict)
    challenge: dict | None = None
    challenge_note: str | None = None
    timing: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RunResult:
    """The outcome of ``run_experiment``: the run directory, its documents and the table."""

    directory: Path
    scores: dict[str, Any]
    speed: dict[str, Any] | None
    challenge: dict[str, Any] | None
    failures: tuple[Failure, ...]
    table: str
    exit_code: int


# --------------------------------------------------------------------------- checking output


def check_relations(relations: Sequence[Any], docs: Mapping[str, Document]) -> tuple[list[dict], str | None, str | None]:
    """Turn an extractor's output into JSONL records, checking each relation.

    Returns ``(records, problem, first_bad_record)``: ``problem`` is None when every relation
    is well formed; otherwise it says what is wrong with the first bad one (whose ``repr``
    is the third item) and the records stop there.
    """
    records: list[dict] = []
    for i, r in enumerate(relations):
        problem = _relation_problem(r, docs)
        if problem is not None:
            return records, f"relation {i}: {problem}", _short(repr(r), MAX_RECORD)
        records.append(prediction_to_dict(r))
    return records, None, None


def _relation_problem(r: Any, docs: Mapping[str, Document]) -> str | None:
    if not isinstance(r, PredictedRelation):
        return f"is a {type(r).__name__}, not a bench.model.PredictedRelation"
    if not isinstance(r.doc_id, str) or r.doc_id not in docs:
        return f"doc_id {r.doc_id!r} is not one of the documents it was given"
    doc = docs[r.doc_id]
    try:
        prediction_from_dict(json.loads(json.dumps(prediction_to_dict(r))), "<output>")
    except Exception as exc:  # anything a plugin could put in a field
        return f"cannot be written as a prediction record: {_summary(exc, frames=False)}"
    n = len(doc.text)
    for role in ("head", "tail"):
        arg: ArgumentRef = getattr(r, role)
        if arg.start is None:
            continue
        if not 0 <= arg.start < arg.end <= n:
            return f"{role} offsets [{arg.start}, {arg.end}) are outside document {doc.id!r} (length {n})"
        if doc.text[arg.start : arg.end] != arg.text:
            return f"{role} offsets [{arg.start}, {arg.end}) slice {doc.text[arg.start:arg.end]!r}, not {role}.text {arg.text!r}"
    spans: list[tuple[str, Any]] = [(f"evidence {j}", s) for j, s in enumerate(r.evidence)]
    spans += [(f"topic {j}", t) for j, t in enumerate(r.topics) if isinstance(t, PredictedTopic) and t.start is not None]
    if r.trigger is not None:
        spans.append(("trigger", r.trigger))
    for what, s in spans:
        if not isinstance(s, Span | PredictedTopic) or not 0 <= s.start < s.end <= n:
            return f"{what} offsets are outside document {doc.id!r} (length {n}): {s!r}"
    return None


def _summary(exc: BaseException, frames: bool = True) -> str:
    """``Type: message (at file:line in function)``, the innermost frame only."""
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if frames and exc.__traceback__ is not None:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        text += f" (at {Path(last.filename).name}:{last.lineno} in {last.name})"
    return _short(text, MAX_MESSAGE)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --------------------------------------------------------------------------- the worker


def _die_with_parent(parent: int) -> None:
    """End this worker as soon as the runner's process ends, even in the middle of a long
    call (a killed ``bench run`` must not leave a model fitting for minutes): the kernel's
    parent-death signal on Linux, a watching thread elsewhere."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGKILL) != 0:  # PR_SET_PDEATHSIG
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(70)

        threading.Thread(target=watch, name="bench-run-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent ended before the signal was armed
        os._exit(70)


def _worker_main(conn, inherited, name: str, params: dict, examples, parent: int) -> None:
    """Body of a worker process: build (and fit) one extractor, then answer requests."""
    _die_with_parent(parent)
    for other in inherited:  # the parent's ends of this and other workers' pipes, so that
        other.close()  # the parent's death reads as end-of-file here too
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    try:
        os.dup2(2, 1)  # a plugin's prints go to stderr, never into the results table
    except OSError:
        pass
    sys.stdout = sys.stderr
    try:
        from .registry import get_extractor

        t0 = time.perf_counter()
        extractor = get_extractor(name, **params)
        built = time.perf_counter() - t0
        fitted = 0.0
        if examples is not None:
            t0 = time.perf_counter()
            extractor.fit(examples)
            fitted = time.perf_counter() - t0
        conn.send(("ready", {"build_s": built, "fit_s": fitted}))
    except BaseException as exc:  # noqa: BLE001 - any failure of a plugin is reported
        _send(conn, ("failed", "build", f"could not build {name}: {_summary(exc)}", None))
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if message[0] == "stop":
            return
        if message[0] == "extract":
            reply = _extract_reply(extractor, message[1])
        elif message[0] == "challenge":
            reply = _challenge_reply(extractor, message[1])
        else:
            reply = ("error", "exception", f"unknown request {message[0]!r}", None)
        if not _send(conn, reply):
            return


def _extract_reply(extractor, docs: list[Document]) -> tuple:
    try:
        out = extractor.extract(docs)
        if out is None:
            return ("error", "malformed", "extract() returned None; expected an iterable of PredictedRelation", None)
        relations = list(out)
    except BaseException as exc:  # noqa: BLE001
        return ("error", "exception", _summary(exc), None)
    records, problem, record = check_relations(relations, {d.id: d for d in docs})
    if problem is not None:
        return ("error", "malformed", f"malformed output: {problem}", record)
    return ("ok", records)


def _challenge_reply(extractor, seed: int) -> tuple:
    try:
        from .challenge import run_challenge

        return ("ok", run_challenge(extractor, seed=seed).to_dict())
    except BaseException as exc:  # noqa: BLE001
        return ("error", "challenge", f"challenge suite failed: {_summary(exc)}", None)


def _send(conn, message) -> bool:
    try:
        conn.send(message)
        return True
    except (BrokenPipeError, OSError):
        return False
    except Exception as exc:  # an unpicklable reply
        try:
            conn.send(("error", "malformed", f"reply could not be sent to the runner: {_summary(exc)}", None))
            return True
        except Exception:
            return False


class _Worker:
    """A forked process holding one built extractor. Its first message is ``("ready",
    info)`` or ``("failed", ...)``; then it answers each request with one reply."""

    def __init__(self, name: str, params: dict, examples, inherited: Sequence = ()):
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, [self.conn, *inherited], name, params, examples, os.getpid()),
            name=f"bench-run-{name}",  # not a daemon: an extractor may start processes of its own
        )
        self.process.start()
        child.close()

    @property
    def alive(self) -> bool:
        return self.process.is_alive() and not self.conn.closed

    def send(self, message: tuple) -> tuple | None:
        """Send a request; a reply tuple when the worker is already gone, else None."""
        try:
            self.conn.send(message)
        except (BrokenPipeError, OSError):
            return self.crashed()
        return None

    def receive(self) -> tuple:
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return self.crashed()

    def crashed(self) -> tuple:
        self.process.join(5)
        code = self.process.exitcode
        self.kill()
        if code is not None and code < 0:
            try:
                how = f"killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"killed by signal {-code}"
        else:
            how = f"exit code {code}"
        return ("error", "crash", f"the worker process died ({how})", None)

    def stop(self) -> None:
        if self.process.is_alive() and not self.conn.closed:
            try:
                self.conn.send(("stop",))
            except (BrokenPipeError, OSError):
                pass
            self.process.join(5)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        if not self.conn.closed:
            try:
                self.conn.close()
            except OSError:
                pass


@dataclass(frozen=True, slots=True)
class _Wait:
    """What an extraction task asks of the scheduler: send ``message`` (if any) to
    ``worker`` and hand back its next message, or a timeout reply after ``timeout`` s."""

    worker: _Worker
    timeout: float
    timeout_message: str
    message: tuple | None = None


@dataclass(slots=True)
class _Slot:
    """The worker of one extraction task: started on first use and again after a timeout
    or a crash killed it; ``broken`` once it could not be built."""

    run: _ExtractorRun
    params: dict
    examples: Any
    worker: _Worker | None = None
    broken: tuple | None = None  # the reply every later request gets


class _Scheduler:
    """Drives extraction tasks (generators yielding ``_Wait``), at most ``jobs`` at once,
    from this one thread: ``multiprocessing.connection.wait`` over the workers' pipes with
    the nearest deadline. No threads, so forking a new worker is always safe."""

    def __init__(self, jobs: int):
        self.jobs = max(1, jobs)
        self.workers: set[_Worker] = set()

    def start_worker(self, name: str, params: dict, examples) -> _Worker:
        alive = [w for w in self.workers if w.alive]
        worker = _Worker(name, params, examples, [w.conn for w in alive])
        self.workers = {*alive, worker}
        return worker

    def run(self, tasks) -> None:
        from collections import deque
        from multiprocessing.connection import wait

        queue = deque(tasks)
        waiting: list[tuple[Any, _Wait, float]] = []

        def advance(task, reply) -> None:
            while True:
                try:
                    request = task.send(reply)
                except StopIteration:
                    return
                if request.message is not None:
                    reply = request.worker.send(request.message)
                    if reply is not None:
                        continue  # the worker was already gone: answer at once
                waiting.append((task, request, time.monotonic() + request.timeout))
                return

        try:
            while queue or waiting:
                while queue and len(waiting) < self.jobs:
                    advance(queue.popleft(), None)
                if not waiting:
                    continue
                timeout = max(0.0, min(d for _, _, d in waiting) - time.monotonic())
                ready = wait([r.worker.conn for _, r, _ in waiting], timeout)
                now = time.monotonic()
                for item in list(waiting):
                    task, request, deadline = item
                    if request.worker.conn in ready:
                        waiting.remove(item)
                        advance(task, request.worker.receive())
                    elif now >= deadline:
                        waiting.remove(item)
                        request.worker.kill()
                        advance(task, ("error", "timeout", request.timeout_message, None))
        finally:  # normally nothing is left; after an interrupt, stop at once
            for worker in self.workers:
                worker.kill()
            for task, _, _ in waiting:
                task.close()
            self.workers = set()


# --------------------------------------------------------------------------- the runner


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


class Runner:
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

    # ------------------------------------------------------------ preparation

    def _prepare(self, spec, corpus) -> _ExtractorRun:
        """Resolve the extractor class (light import), its effective parameters and whether
        it can run here at all."""
        from . import registry

        try:
            cls = registry.resolve(spec.name)
        except BenchError as exc:
            if not spec.optional:
                raise
            run = _ExtractorRun(spec.label, spec.name, dict(spec.params), stable_hash(dict(spec.params)), True, False)
            run.status, run.message = SKIPPED, f"skipped: cannot be imported ({exc})"
            return run
        params = {
            n: p.default for n, p in registry.declared_parameters(cls).items()
            if p.default is not p.empty
        }
        params.update(spec.params)
        params = json.loads(json.dumps(params, sort_keys=True, default=str))
        trainable = bool(getattr(cls, "trainable", callable(getattr(cls, "fit", None)))) and callable(getattr(cls, "fit", None))
        run = _ExtractorRun(spec.label, spec.name, params, stable_hash(params), spec.optional, trainable)
        missing = registry.missing_requirements(tuple(getattr(cls, "requires", ()) or ()))
        if missing:
            extra = getattr(cls, "extra", None)
            why = f"extra {extra!r} not installed" if extra else f"requirements not installed: {', '.join(missing)}"
            if not spec.optional:
                how = f"pip install 'relation-bench[{extra}]'" if extra else f"install {', '.join(missing)}"
                raise BenchError(f"{spec.label}: {why}; {how}, or mark it optional = true in the config to skip it")
            run.status, run.message = SKIPPED, f"skipped: {why}"
        run.needs_gold = "gold" in tuple(getattr(cls, "needs", ()) or ())
        return run

    def _training(self, runs, corpus) -> tuple[list | None, dict | None]:
        """The training examples of the trainable extractors (computed once) and their hash."""
        if not any(r.trainable and r.status != SKIPPED for r in runs):
            return None, None
        from .jsonio import annotation_to_dict
        from .training import default_training_examples

        try:
            examples = default_training_examples(corpus_root=self.config.resolved_corpus_root())
        except Exception as exc:  # noqa: BLE001 - reported on every trainable extractor
            message = f"training data could not be loaded: {_summary(exc)}"
            for r in runs:
                if r.trainable and r.status != SKIPPED:
                    r.status, r.message = FAILED, message
                    self.fail(Failure(r.label, "build", message))
            return None, None
        digest = stable_hash(
            [[ex.document.id, ex.document.sha256, annotation_to_dict(ex.gold)] for ex in examples]
        )
        splits = Counter(ex.document.split or "other" for ex in examples)
        training = {
            "source": "bench.training.default_training_examples",
            "examples": len(examples),
            "by_split": dict(sorted(splits.items())),
            "hash": digest,
        }
        return examples, training

    def _challenge_available(self) -> bool:
        if not (self.options.challenge and self.config.challenge.enabled):
            return False
        try:
            if importlib.util.find_spec("bench.challenge") is None:
                return False
            module = importlib.import_module("bench.challenge")
        except Exception as exc:  # noqa: BLE001 - a broken suite must not stop the run
            self.log(f"bench run: challenge suite unavailable ({_summary(exc)}); skipped")
            return False
        return callable(getattr(module, "run_challenge", None))

    # ------------------------------------------------------------ extraction

    def _context(self, run: _ExtractorRun, doc: Document, corpus, training: dict | None) -> str:
        parts = []
        if run.trainable and training is not None:
            parts.append(f"training:{training['hash']}")
        if run.needs_gold:
            gold_dir = Path(run.params["gold"]) if run.params.get("gold") else corpus.root / "annotations"
            path = gold_dir / f"{doc.id}.json"
            parts.append(f"gold:{stable_hash(path.read_text(encoding='utf-8')) if path.is_file() else '-'}")
        return "|".join(parts)

    def _key(self, run: _ExtractorRun, doc: Document, corpus, training) -> CacheKey:
        return CacheKey(
            run.name, run.name.rsplit(".", 1)[-1], run.params_hash, doc.sha256 or "",
            doc.id, doc.date.isoformat() if doc.date else None, self._context(run, doc, corpus, training),
        )

    def _extract_task(self, run: _ExtractorRun, docs, corpus, examples, training, challenge_on: bool):
        """One extractor's extraction (and challenge run) as a task for ``_Scheduler``: a
        generator that yields ``_Wait`` requests and receives the worker's replies."""
        t0 = time.perf_counter()
        settings = self.config.run
        if run.status in (SKIPPED, FAILED):
            for split in self.config.splits:
                self._advance(f"{run.label} {split}: {run.status}")
            if challenge_on:
                self._advance()
            return
        pending: dict[str, list[tuple[Document, CacheKey]]] = {}
        for split in self.config.splits:
            outcome = run.splits.setdefault(split, _SplitOutcome())
            for doc in docs[split]:
                key = self._key(run, doc, corpus, training)
                cached = self.cache.get(key) if self.read_cache else None
                if cached is not None:
                    outcome.predictions[doc.id] = cached
                else:
                    pending.setdefault(split, []).append((doc, key))
        if challenge_on and run.needs_gold:
            # it would read the corpus gold files, and the challenge cases have none
            run.challenge_note = "skipped: reads the corpus gold files; the challenge cases have none"
            challenge_on = False
            self._advance(f"{run.label} challenge: skipped")
        challenge_key = None
        challenge_cached = None
        if challenge_on:
            from .challenge import SUITE_VERSION

            challenge_key = {
                "extractor": run.name, "params_hash": run.params_hash,
                "training": training["hash"] if run.trainable and training else None,
                "seed": self.config.challenge.seed, "suite_version": SUITE_VERSION,
            }
            if self.read_cache:
                challenge_cached = self.cache.get_result("challenge", run.label, challenge_key)
        slot = _Slot(run, dict(self.config.extractor(run.label).params), examples if run.trainable else None)
        try:
            for split in self.config.splits:
                items = pending.get(split, [])
                outcome = run.splits[split]
                for start in range(0, len(items), settings.batch_documents):
                    yield from self._batch(slot, split, items[start : start + settings.batch_documents], outcome)
                n_failed = len(outcome.failed)
                self._record(outcome.failed.values())
                self._advance(f"{run.label} {split}" + (f": {n_failed} failed" if n_failed else ""))
            if challenge_on:
                if challenge_cached is not None:
                    run.challenge = challenge_cached
                else:
                    run.challenge = yield from self._run_challenge(slot, challenge_key)
                self._advance(f"{run.label} challenge")
        finally:
            if slot.worker is not None:
                slot.worker.stop()
            run.timing["extraction_s"] = time.perf_counter() - t0
        self._settle(run)

    def _call(self, slot: _Slot, message: tuple, timeout: float, timeout_message: str):
        """Send ``message`` to the slot's worker (starting one first when there is none or
        the last one was killed) and return its reply (a sub-generator of a task)."""
        if slot.broken is not None:
            return slot.broken
        if slot.worker is None or not slot.worker.alive:
            if slot.worker is not None:
                slot.worker.kill()
            name, build_timeout = slot.run.name, self.config.run.build_timeout
            t0 = time.perf_counter()
            assert self._scheduler is not None
            slot.worker = self._scheduler.start_worker(name, slot.params, slot.examples)
            reply = yield _Wait(slot.worker, build_timeout, f"building {name} took longer than build_timeout ({build_timeout:g} s)")
            timing = slot.run.timing
            timing["workers"] = timing.get("workers", 0) + 1
            timing["start_s"] = timing.get("start_s", 0.0) + time.perf_counter() - t0
            if reply[0] != "ready":
                slot.worker.kill()
                message_ = reply[2] if reply[0] == "failed" else f"could not build {name}: {reply[2]}"
                slot.broken = ("error", "build", message_, None)  # every later document fails with it
                return slot.broken
            timing["fit_s"] = timing.get("fit_s", 0.0) + reply[1].get("fit_s", 0.0)
        reply = yield _Wait(slot.worker, timeout, timeout_message, message)
        return reply

    def _batch(self, slot: _Slot, split: str, items, outcome: _SplitOutcome):
        """Extract one batch; on any error retry its documents one at a time."""
        timeout = self.config.run.document_timeout
        reply = yield from self._call(
            slot, ("extract", [d for d, _ in items]), timeout * len(items),
            f"no answer within {timeout * len(items):g} s (document_timeout {timeout:g} s x {len(items)} documents)",
        )
        if reply[0] == "ok":
            by_doc: dict[str, list[dict]] = {d.id: [] for d, _ in items}
            for rec in reply[1]:
                by_doc[rec["doc_id"]].append(rec)
            for doc, key in items:
                self._store(outcome, doc, key, by_doc[doc.id])
            return
        if len(items) == 1 or slot.broken is not None:
            message = reply[2]
            if reply[1] == "timeout" and len(items) == 1:
                message = f"timed out after {timeout:g} s (document_timeout)"
            for doc, _ in items:
                outcome.failed[doc.id] = Failure(slot.run.label, reply[1], message, split, doc.id, reply[3] if len(items) == 1 else None)
            return
        for item in items:
            yield from self._batch(slot, split, [item], outcome)

    def _store(self, outcome: _SplitOutcome, doc: Document, key: CacheKey, records: list[dict]) -> None:
        preds = [prediction_from_dict(r, f"<{key.extractor} output>") for r in records]
        outcome.predictions[doc.id] = preds
        if self.cache.enabled:
            self.cache.put(key, records)

    def _run_challenge(self, slot: _Slot, key: dict):
        run = slot.run
        timeout = self.config.challenge.timeout
        t0 = time.perf_counter()
        reply = yield from self._call(
            slot, ("challenge", self.config.challenge.seed), timeout,
            f"the challenge suite took longer than {timeout:g} s",
        )
        run.timing["challenge_s"] = time.perf_counter() - t0
        if reply[0] != "ok":
            message = reply[2] if reply[1] == "challenge" else f"challenge suite not run: {reply[1]}: {reply[2]}"
            self.fail(Failure(run.label, "challenge", message))
            return None
        self.cache.put_result("challenge", run.label, key, reply[1])
        return reply[1]

    def _settle(self, run: _ExtractorRun) -> None:
        failed = sum(len(o.failed) for o in run.splits.values())
        total = sum(len(o.failed) + len(o.predictions) for o in run.splits.values())
        if failed and failed == total:
            kinds = sorted({f.kind for o in run.splits.values() for f in o.failed.values()})
            first = next(f for o in run.splits.values() for f in o.failed.values())
            run.status = FAILED
            run.message = f"failed: all {total} documents failed ({', '.join(kinds)}): {first.message}"
        elif failed:
            run.status = INCOMPLETE
            run.message = f"incomplete: {failed} of {total} documents failed"

    # ------------------------------------------------------------ outputs

    def _write_predictions(self, runs, docs) -> None:
        for run in runs:
            for split, outcome in run.splits.items():
                preds = [p for d in docs[split] for p in outcome.predictions.get(d.id, ())]
                write_atomic(self.out / "predictions" / run.label / f"{split}.jsonl", dump_predictions(preds))

    def _write_or_remove(self, name: str, data: dict | None) -> None:
        path = self.out / name
        if data is None:
            path.unlink(missing_ok=True)  # a stale file of an earlier run would mislead
        else:
            write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")

    def _scores(self, runs, docs, gold_by_split, corpus, training, created: str) -> dict[str, Any]:
        from .score_report import score_to_json
        from .scoring import SCORER_VERSION, Scorer, ScoringConfig
        from .speed import machine_info
        from .stats import BootstrapConfig

        config = self.config
        scoring = ScoringConfig(config.scoring.tiers, config.scoring.zero_division, config.scoring.topic_threshold)
        b = config.bootstrap
        boot = BootstrapConfig(b.resamples, b.seed, b.min_docs, b.rounds, b.confidence)
        splits: dict[str, Any] = {}
        partial: dict[str, Any] = {}
        unscored: dict[str, str] = {}
        corpus_info: dict[str, Any] = {}
        for split in config.splits:
            ids = [d.id for d in docs[split]]
            gold = gold_by_split[split]
            annotated = [i for i in ids if i in gold]
            unannotated = sorted(set(ids) - set(annotated))
            by_id = {d.id: d for d in docs[split]}
            provenance = Counter(by_id[i].provenance.value for i in annotated)
            block = {
                "split": split, "documents": annotated, "provenance": dict(sorted(provenance.items())),
                "unannotated": unannotated, "hash": corpus.hash(split),
            }
            corpus_info[split] = {
                "documents": len(ids), "annotated": len(annotated), "hash": block["hash"],
                "provenance": dict(sorted(Counter(d.provenance.value for d in docs[split]).items())),
                "words": sum(len(d.body.split()) for d in docs[split]),
            }
            if not annotated:
                unscored[split] = f"no gold files for the {len(ids)} document(s) of split {split!r}; predictions written, nothing scored"
                continue
            scorer = Scorer({i: by_id[i] for i in annotated}, gold, scoring)
            notes = [f"{len(unannotated)} document(s) of the split have no gold file and were not scored"] if unannotated else []
            complete = []
            for run in runs:
                outcome = run.splits.get(split)
                if run.status in (SKIPPED,) or outcome is None:
                    continue
                preds = [p for i in annotated for p in outcome.predictions.get(i, ())]
                if not outcome.failed:
                    complete.append(scorer.score(preds, run.label))
                    continue
                done = [i for i in annotated if i in outcome.predictions]
                if not done:
                    continue
                sub = Scorer({i: by_id[i] for i in done}, {i: gold[i] for i in done}, scoring)
                partial.setdefault(split, {})[run.label] = score_to_json(
                    [sub.score(preds, run.label)], boot, {**block, "documents": done, "partial": True},
                    errors=True,
                    notes=[f"{run.label} failed on {len(outcome.failed)} document(s) of this split; scored on the {len(done)} annotated document(s) it finished only"],
                )
            if complete:
                splits[split] = score_to_json(complete, boot, block, errors=True, notes=notes)
            else:
                unscored[split] = "no extractor completed this split"
        extractors = {}
        for run in runs:
            entry: dict[str, Any] = {
                "name": run.name, "version": run.name.rsplit(".", 1)[-1], "params": run.params,
                "params_hash": run.params_hash, "optional": run.optional, "trainable": run.trainable,
                "status": run.status, "message": run.message, "splits": {},
            }
            for split, outcome in run.splits.items():
                n, k = len(docs[split]), len(outcome.failed)
                status = COMPLETE if not k else (FAILED if k == n else INCOMPLETE)
                entry["splits"][split] = {
                    "status": status,
                    "documents": n,
                    "failed": k,
                    "failed_documents": sorted(outcome.failed),
                    "relations": sum(len(v) for v in outcome.predictions.values()),
                    "message": None if not k else (f"failed: all {n} documents failed" if k == n else f"incomplete: {k} of {n} documents failed"),
                }
            extractors[run.label] = entry
        return {
            "format_version": RUN_FORMAT,
            "kind": "relation-bench run",
            "package": {"name": "relation-bench", "version": __version__},
            "git": git_info(output=self.out),
            "machine": machine_info(),
            "created": created,
            "config_file": self.config.source,
            "config": config.to_dict(),
            "config_hash": config.hash,
            "scorer": {"version": SCORER_VERSION, "config": scoring.to_dict(), "config_hash": scoring.hash},
            "bootstrap": boot.to_dict(),
            "training": training,
            "corpus": {"root": config.corpus_root, "splits": corpus_info},
            "extractors": extractors,
            "splits": splits,
            "partial": partial,
            "unscored": unscored,
            "errors": _error_summary(self.failures),
            "output": str(self.out),
        }

    def _speed(self, runs) -> dict[str, Any]:
        from .corpus import load_corpus
        from .speed import SPEED_PROTOCOL_VERSION, machine_info, measure_in_subprocess
        from .speed_reference import RATIO_KEY, REFERENCE_NAME

        s = self.config.speed
        root = self.config.resolved_corpus_root()
        split_hash = load_corpus(root).hash(s.split)
        machine = machine_info()
        results: dict[str, Any] = {}
        for run in runs:
            if run.status in (SKIPPED, FAILED):
                results[run.label] = {"status": run.status, "message": run.message}
                self._advance(f"{run.label} speed: {run.status}")
                continue
            key = {
                "extractor": run.name, "params_hash": run.params_hash, "split": s.split,
                "corpus_hash": split_hash, "repeats": s.repeats, "warmup": s.warmup,
                "protocol": SPEED_PROTOCOL_VERSION, "machine": machine,
            }
            cached = self.cache.get_result("speed", run.label, key) if self.read_cache else None
            if cached is not None:
                results[run.label] = cached
                self._advance(f"{run.label} speed (cached)")
                continue
            if self._bar is not None:
                self._bar.set_postfix_str(f"{run.label} speed", refresh=True)
            t0 = time.perf_counter()
            try:
                res = measure_in_subprocess(
                    run.name, dict(self.config.extractor(run.label).params), s.split, s.repeats, s.warmup,
                    s.timeout, str(root) if root is not None else None,
                )
            except BenchError as exc:
                self.fail(Failure(run.label, "speed", str(exc)))
                results[run.label] = {"status": FAILED, "message": str(exc)}
            else:
                results[run.label] = {"status": COMPLETE, **res.to_dict()}
                self.cache.put_result("speed", run.label, key, results[run.label])
            run.timing["speed_s"] = time.perf_counter() - t0
            self._advance(f"{run.label} speed")
        reference = self._speed_reference(results, split_hash, machine)
        self._advance(f"spaCy reference speed{'' if reference.get('status') == COMPLETE else ': ' + str(reference.get('status'))}")
        base = reference.get("words_per_s") if reference.get("status") == COMPLETE else None
        if isinstance(base, int | float) and base > 0:
            for label, entry in results.items():
                rate = entry.get("words_per_s")
                if entry.get("status") == COMPLETE and isinstance(rate, int | float):
                    results[label] = {**entry, RATIO_KEY: round(rate / base, 3)}
        return {
            "format_version": RUN_FORMAT,
            "protocol_version": SPEED_PROTOCOL_VERSION,
            "split": s.split,
            "corpus_hash": split_hash,
            "repeats": s.repeats,
            "warmup": s.warmup,
            "machine": machine,
            "note": "each extractor timed in a fresh process: cold start (import, build, fit) apart from steady state; docs/s and words/s from the median of the timed passes; words_per_s_vs_spacy: words/s over that of the bare spaCy pipeline (reference) timed the same way on the same documents",
            "extractors": results,
            "reference": {REFERENCE_NAME: reference},
        }

    def _speed_reference(self, results: Mapping[str, Any], split_hash: str, machine: dict[str, Any]) -> dict[str, Any]:
        """The bare spaCy pipeline (``bench.speed_reference``) measured by the same protocol on
        the same documents, in a fresh process, cached like an extractor's figures. Skipped
        when spaCy is missing or no extractor was measured; a failure is recorded here only,
        never as a failure of the run."""
        from .speed import SPEED_PROTOCOL_VERSION, measure_reference_in_subprocess
        from .speed_reference import (
            REFERENCE_CLI,
            REFERENCE_NAME,
            describe,
            reference_params,
            unavailable,
        )

        s = self.config.speed
        try:
            if not any(r.get("status") == COMPLETE for r in results.values()):
                return {"status": SKIPPED, "message": "skipped: no extractor's speed was measured"}
            why = unavailable()
            if why:
                return {"status": SKIPPED, "message": f"skipped: {why}"}
            params = reference_params()
            description = describe(params)
        except Exception as exc:  # noqa: BLE001 - the reference never fails the run
            return {"status": FAILED, "message": f"the spaCy reference could not be prepared: {_summary(exc)}"}
        key = {
            "extractor": REFERENCE_NAME, "params_hash": stable_hash(params), "split": s.split,
            "corpus_hash": split_hash, "repeats": s.repeats, "warmup": s.warmup,
            "protocol": SPEED_PROTOCOL_VERSION, "machine": machine,
            "pipeline": description,  # names the spaCy and model versions
        }
        label = f"reference-{REFERENCE_NAME}"
        cached = self.cache.get_result("speed", label, key) if self.read_cache else None
        if cached is not None:
            return cached
        if self._bar is not None:
            self._bar.set_postfix_str("spaCy reference speed", refresh=True)
        root = self.config.resolved_corpus_root()
        try:
            res = measure_reference_in_subprocess(
                REFERENCE_CLI, params, s.split, s.repeats, s.warmup, s.timeout, str(root) if root is not None else None,
            )
        except Exception as exc:  # noqa: BLE001 - the reference never fails the run
            entry = {"status": FAILED, "message": str(exc) if isinstance(exc, BenchError) else _summary(exc)}
        else:
            entry = {"status": COMPLETE, **res.to_dict(), "description": description}
            self.cache.put_result("speed", label, key, entry)
        return entry

    def _challenge_json(self, runs) -> dict[str, Any]:
        from .challenge import SUITE_VERSION

        out: dict[str, Any] = {}
        for run in runs:
            if run.challenge is not None:
                out[run.label] = {"status": COMPLETE, **_trim_failures(run.challenge, self.config.challenge.failed_examples)}
            elif run.challenge_note is not None:
                out[run.label] = {"status": SKIPPED, "message": run.challenge_note}
            else:
                out[run.label] = {"status": run.status if run.status in (SKIPPED, FAILED) else FAILED, "message": run.message or "the challenge suite did not run (see errors.json)"}
        return {
            "format_version": RUN_FORMAT,
            "seed": self.config.challenge.seed,
            "suite_version": SUITE_VERSION,
            "extractors": out,
        }

    def _reports(self, scores: dict[str, Any]) -> None:
        """``bench.report.write_reports(run_dir)`` when that module exists; a failure is
        recorded (the results are written already) rather than raised."""
        try:
            if importlib.util.find_spec("bench.report") is None:
                return
            write_reports = getattr(importlib.import_module("bench.report"), "write_reports", None)
            if callable(write_reports):
                write_reports(self.out)
        except Exception as exc:  # noqa: BLE001 - the results are written; say what failed
            self.fail(Failure("report", "report", f"writing the reports failed: {_summary(exc)}"))
            scores["errors"] = _error_summary(self.failures)
            write_atomic(self.out / "scores.json", json.dumps(scores, indent=1, ensure_ascii=False) + "\n")
            errors = {"format_version": RUN_FORMAT, "errors": [f.to_dict() for f in self.failures]}
            write_atomic(self.out / "errors.json", json.dumps(errors, indent=1, ensure_ascii=False) + "\n")


def _trim_failures(result: dict, keep: int) -> dict:
    """The challenge result with at most ``keep`` failed cases per capability (the first in
    suite order); ``failures_total`` per capability says how many there were."""
    failures = result.get("failures", [])
    kept, seen = [], Counter()
    for f in failures:
        cap = f.get("capability")
        seen[cap] += 1
        if seen[cap] <= keep:
            kept.append(f)
    return {**result, "failures": kept, "failures_total": dict(sorted(seen.items())), "failures_kept_per_capability": keep}


def _ordered(failures: Sequence[Failure], runs, docs) -> list[Failure]:
    """Failures in a fixed order (extractor, split and document as in the config and the
    manifest; run-level faults after), whatever order parallel work met them in."""
    labels = {r.label: i for i, r in enumerate(runs)}
    splits = {s: i for i, s in enumerate(docs)}
    position = {(s, d.id): i for s, ds in docs.items() for i, d in enumerate(ds)}
    kinds = ("build", "exception", "timeout", "crash", "malformed", "challenge", "speed", "report")

    def key(f: Failure):
        return (
            labels.get(f.extractor, len(labels)), splits.get(f.split, len(splits)),
            position.get((f.split, f.document), -1), kinds.index(f.kind) if f.kind in kinds else len(kinds),
            f.message,
        )

    return sorted(failures, key=key)


def _error_summary(failures: Sequence[Failure]) -> dict[str, Any]:
    return {"count": len(failures), "by_kind": dict(sorted(Counter(f.kind for f in failures).items()))}


def _progress(total: int, enabled: bool):
    if not enabled or total <= 0:
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: workers are forked from this process
    return tqdm(total=total, file=sys.stderr, unit="step", desc="bench run", dynamic_ncols=True, leave=False, disable=None)


def git_info(root: Path | None = None, output: Path | None = None) -> dict[str, Any]:
    """The checkout's commit and whether its tracked files have uncommitted changes (None
    outside git). Files inside ``output`` do not count: regenerating committed results
    (experiments/results/reference) rewrites them by design."""
    from .corpus import PROJECT_ROOT

    root = root or PROJECT_ROOT
    command = ["git", "status", "--porcelain", "--untracked-files=no", "--", "."]
    if output is not None:
        try:
            inside = output.resolve().relative_to(Path(root).resolve())
        except ValueError:
            inside = None
        if inside is not None and inside.parts:
            command.append(f":(exclude){inside.as_posix()}")
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10,
        )
        if commit.returncode != 0:
            return {"commit": None, "dirty": None}
        status = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": None}
    return {"commit": commit.stdout.strip(), "dirty": bool(status.stdout.strip())}


def strip_volatile(scores: dict[str, Any]) -> dict[str, Any]:
    """``scores`` without the fields that differ between two runs of one config."""
    return {k: v for k, v in scores.items() if k not in VOLATILE_FIELDS}


def run_experiment(config: ExperimentConfig, options: RunOptions | None = None, log=None) -> RunResult:
    """Run ``config`` and write its run directory (see docs/run-directory.md)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        raise BenchError("bench run needs the 'fork' process start method (Linux or macOS)")
    return Runner(config, options, log).run()



# --------------------------------------------------------------------------- the results table


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _f1_cell(block: dict) -> str:
    if "f1" in block.get("zero_division", ()):
        return "n/a"  # 0/0: nothing to score in this tier (the JSON records the value used)
    ci = block.get("ci95")
    if not ci:
        return _pct(block["f1"])
    return f"{_pct(block['f1'])} [{_pct(ci[0])}-{_pct(ci[1])}]"


def _grid(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    full = [r for r in [header, *rows] if len(r) == len(header)]
    widths = [max(len(r[i]) for r in [*full, *rows] if i < len(r) and (i == 0 or r in full)) for i in range(len(header))]

    def line(r: list[str]) -> str:
        cells = []
        for i, c in enumerate(r):
            if len(r) < len(header) and i == len(r) - 1:
                cells.append(c)  # a message spanning the remaining columns
            else:
                cells.append(c.rjust(widths[i]) if i in right else c.ljust(widths[i]))
        return "  ".join(cells).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


RATIO_HEADER = "× spaCy parse"  # the speed table's column of words_per_s_vs_spacy
REFERENCE_LABEL = "spaCy pipeline (reference)"  # its row


def results_table(scores: dict, speed: dict | None = None, challenge: dict | None = None) -> str:
    """The plain-text results of a run: per split, per extractor, micro F1 x 100 with its 95%
    interval per tier, pair-tier P and R, and docs/s; then speed and challenge pass rates.

    Works from the JSON documents of the run directory only, so it can be rebuilt later.
    """
    config = scores["config"]
    tiers = config["scoring"]["tiers"]
    out = [
        f"relation-bench run {config['experiment']['name']!r} (config {scores['config_hash']}, "
        f"scorer {scores['scorer']['version']} {scores['scorer']['config_hash']}, "
        f"bootstrap {scores['bootstrap']['resamples']} resamples, seed {scores['bootstrap']['seed']})",
    ]
    rates = {}
    if speed is not None:
        rates = {k: v.get("docs_per_s") for k, v in speed["extractors"].items() if v.get("status") == COMPLETE}
    extractors = scores["extractors"]
    for split in config["corpus"]["splits"]:
        info = scores["corpus"]["splits"].get(split, {})
        prov = ", ".join(f"{n} {p}" for p, n in info.get("provenance", {}).items())
        n = info.get("documents", "?")
        out += ["", f"split {split}: {n} document{'' if n == 1 else 's'} ({prov}), {info.get('annotated', '?')} with gold"]
        report = scores["splits"].get(split)
        if report is None:
            out.append(f"  not scored: {scores['unscored'].get(split, 'no scores')}")
        header = ["extractor", *tiers, "P", "R", "docs/s"]
        rows = []
        for label, entry in extractors.items():
            rate = rates.get(label)
            rate_s = "-" if rate is None else f"{rate:,.1f}"
            split_entry = entry["splits"].get(split)
            if entry["status"] in (SKIPPED, FAILED):
                rows.append([label, entry["message"] or entry["status"]])
                continue
            if split_entry is not None and split_entry["status"] == FAILED:
                rows.append([label, split_entry["message"]])
                continue
            if split_entry is not None and split_entry["status"] == INCOMPLETE:
                msg = split_entry["message"]
                part = scores.get("partial", {}).get(split, {}).get(label)
                if part is not None:
                    pair = part["results"][label]["pair"]["micro"]
                    msg += f" (pair F1 {_pct(pair['f1'])} on the {len(part['corpus']['documents'])} it finished; not comparable)"
                rows.append([label, msg])
                continue
            if report is None or label not in report["results"]:
                continue
            res = report["results"][label]
            pair = res["pair"]["micro"]
            rows.append([label, *(_f1_cell(res[t]["micro"]) if t in res else "-" for t in tiers), _pct(pair["precision"]), _pct(pair["recall"]), rate_s])
        if rows:
            out += ["  " + line for line in _grid(header, rows, set(range(1, len(header))))]
        if report is not None:
            reason = next((b["ci95_reason"] for r in report["results"].values() for b in [r["pair"]["micro"]] if b.get("ci95_reason")), None)
            note = f"(no intervals: {reason})" if reason else f"[95% bootstrap interval over documents, {report['bootstrap']['resamples']} resamples]"
            out.append(f"  micro F1 x 100 per tier {note}; P, R: pair tier; docs/s: speed protocol")
    if speed is not None:
        out += ["", f"speed on split {speed['split']!r} ({speed['repeats']} timed passes after {speed['warmup']} warm-up, a fresh process per extractor; {speed['machine'].get('cpu')}, {speed['machine'].get('cores')} cores)"]
        from .speed import ratio_text

        header = ["extractor", "docs/s", "words/s", RATIO_HEADER, "IQR s", "cold start s", "p50 ms", "p95 ms", "peak RSS MB", "overhead %"]
        rows = []
        reference = (speed.get("reference") or {}).get("spacy_pipeline") or {}

        def figures(label: str, r: dict, ratio: str) -> list[str]:
            return [
                label, f"{r['docs_per_s']:,.1f}", f"{r['words_per_s']:,.0f}", ratio, f"{r['pass_iqr_s']:.3f}",
                f"{r['cold_start_s']:.2f}", f"{r['latency_p50_ms']:.1f}", f"{r['latency_p95_ms']:.1f}",
                f"{r['peak_rss_mb']:.0f}", f"{100 * r['harness_overhead']:.2f}",
            ]

        for label, r in speed["extractors"].items():
            if r.get("status") != COMPLETE:
                rows.append([label, r.get("message") or r.get("status", "")])
                continue
            rows.append(figures(label, r, ratio_text(r.get("words_per_s_vs_spacy"))))
        if reference.get("status") == COMPLETE:
            rows.append(figures(REFERENCE_LABEL, reference, ratio_text(1.0)))
        out += ["  " + line for line in _grid(header, rows, set(range(1, len(header))))]
        if reference.get("status") == COMPLETE:
            out.append(f"  {RATIO_HEADER}: words/s as a multiple of the reference's, {reference.get('description') or 'the bare spaCy pipeline'}")
        elif reference:
            out.append(f"  {RATIO_HEADER}: not available; {REFERENCE_LABEL}: {reference.get('message') or reference.get('status')}")
    if challenge is not None:
        done = {k: v for k, v in challenge["extractors"].items() if v.get("status") == COMPLETE}
        out += ["", f"challenge suite (seed {challenge['seed']}, version {challenge['suite_version']}): pass % per capability"]
        if done:
            caps = list(dict.fromkeys(c for v in done.values() for c in v["capabilities"]))
            header = ["capability", *done]
            rows = [[c, *(_pct(v["capabilities"][c]["pass_rate"]) if c in v["capabilities"] else "-" for v in done.values())] for c in caps]
            rows.append(["overall", *(_pct(v["overall"]["pass_rate"]) for v in done.values())])
            rows.append(["macro", *(_pct(v["macro_pass_rate"]) for v in done.values())])
            out += ["  " + line for line in _grid(header, rows, set(range(1, len(header))))]
        for label, v in challenge["extractors"].items():
            if v.get("status") != COMPLETE:
                out.append(f"  {label}: {v.get('message') or v.get('status')}")
    n = scores.get("errors", {}).get("count", 0)
    if n:
        kinds = ", ".join(f"{k} {c}" for k, c in scores["errors"]["by_kind"].items())
        out += ["", f"{n} error(s) recorded ({kinds}); see errors.json"]
    return "\n".join(out) + "\n"
