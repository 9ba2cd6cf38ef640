"""``Runner``'s speed section: ``speed.json``.

Each extractor that ran is timed with ``bench.speed`` in a fresh process (cold start apart
from steady state), then the bare spaCy pipeline (``bench.speed_reference``) by the same
protocol on the same documents; every extractor's words/s is also given as a multiple of the
reference's. Figures are cached per extractor, parameters, corpus, protocol and machine. A
failed reference is recorded in ``speed.json`` only, never as a failure of the run.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from .cache import stable_hash
from .errors import BenchError
from .run_records import COMPLETE, FAILED, RUN_FORMAT, SKIPPED, Failure, _summary


class SpeedSteps:
    """Mixin of ``bench.runner.Runner``: uses its ``config``, ``cache``, ``read_cache``,
    ``_bar``, ``fail`` and ``_advance``."""

    def _speed(self, runs) -> dict[str, Any]:
        from .corpus import load_corpus
        from .speed import SPEED_PROTOCOL_VERSION, machine_info, measure_in_subprocess
        from .speed_reference import FIRST_PASS_RATIO_KEY, RATIO_KEY, REFERENCE_NAME

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
                "extractor": run.name, "params_hash": run.params_hash, "code": run.code, "split": s.split,
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
        for key, ratio_key in (("words_per_s", RATIO_KEY), ("first_pass_words_per_s", FIRST_PASS_RATIO_KEY)):
            base = reference.get(key) if reference.get("status") == COMPLETE else None
            if isinstance(base, int | float) and base > 0:
                for label, entry in results.items():
                    rate = entry.get(key)
                    if entry.get("status") == COMPLETE and isinstance(rate, int | float):
                        results[label] = {**entry, ratio_key: round(rate / base, 3)}
        return {
            "format_version": RUN_FORMAT,
            "protocol_version": SPEED_PROTOCOL_VERSION,
            "split": s.split,
            "corpus_hash": split_hash,
            "repeats": s.repeats,
            "warmup": s.warmup,
            "machine": machine,
            "note": "each extractor timed in a fresh process: cold start (import, build, fit) apart from steady state; docs/s and words/s from the median of the timed passes; words_per_s_vs_spacy: words/s over that of the bare spaCy pipeline (reference) timed the same way on the same documents; first_pass_words_per_s(_vs_spacy): the same for the first pass over the documents, text new to the process (the timed passes repeat it, which favours extractors that memoise)",
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
