"""The forked worker processes of ``bench run`` and the scheduler that drives them.

Each extractor runs in a worker process forked for it (``_Worker``, whose body is
``_worker_main``): it builds (and fits) the extractor, then answers ``extract`` and
``challenge`` requests, checking every reply with ``bench.run_checks.check_relations``. Its
stdout goes to stderr, it ignores SIGINT and it dies with the runner's process. The parent
drives up to ``jobs`` extraction tasks at once from one thread (``_Scheduler``): a task is a
generator yielding ``_Wait`` requests, and a worker that does not answer before its deadline
is killed (SIGKILL). No threads, so forking a new worker is always safe. ``_Slot`` holds one
task's current worker, restarted after a timeout or a crash.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .model import Document
from .run_checks import check_relations
from .run_records import _ExtractorRun, _summary


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
