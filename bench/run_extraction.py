"""``Runner``'s extraction: one task per extractor, run by ``bench.run_workers._Scheduler``.

For each extractor, the documents that are not cached yet are sent to its worker in batches
(``batch_documents``) with ``document_timeout`` seconds per document; a batch that raises,
times out or returns malformed relations is retried one document at a time, so each failure
is pinned on its document. Each document's predictions are cached as soon as they arrive
(the cache key names the extractor, its parameters, the document and, for a trainable
extractor, the training data). The challenge suite runs in the same worker afterwards.
``_settle`` marks the extractor incomplete or failed from its per-document failures.
"""

from __future__ import annotations

import time
from pathlib import Path

from .cache import CacheKey, stable_hash
from .jsonio import prediction_from_dict
from .model import Document
from .run_records import FAILED, INCOMPLETE, SKIPPED, Failure, _ExtractorRun, _SplitOutcome
from .run_workers import _Slot, _Wait


class ExtractionSteps:
    """Mixin of ``bench.runner.Runner``: uses its ``config``, ``cache``, ``read_cache``,
    ``_scheduler``, ``_record``, ``fail`` and ``_advance``."""

    def _context(self, run: _ExtractorRun, doc: Document, corpus, training: dict | None) -> str:
        parts = [f"code:{run.code}"] if run.code else []
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
                "extractor": run.name, "params_hash": run.params_hash, "code": run.code,
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
