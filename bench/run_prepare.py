"""``Runner``'s preparation before any extraction: which extractors can run, on what data.

Resolving each extractor of the config (a light import) with its effective parameters,
skipping an optional one that cannot be imported or lacks its requirements
(``_prepare``); the training-data step, which loads
``bench.training.default_training_examples()`` once for all trainable extractors and hashes
it (``_training``; never a test split); and whether the challenge suite is available
(``_challenge_available``).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from collections import Counter

from .cache import code_fingerprint, stable_hash
from .errors import BenchError
from .run_records import FAILED, SKIPPED, Failure, _ExtractorRun, _summary


class PreparationSteps:
    """Mixin of ``bench.runner.Runner``: uses its ``config``, ``options``, ``log`` and
    ``fail``."""

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
        run.code = code_fingerprint(cls)
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
