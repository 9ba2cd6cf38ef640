"""What ``bench run`` writes into its run directory (see docs/run-directory.md).

The predictions per extractor and split, the ``scores.json`` envelope (format version,
package, git state, machine, config and scorer hashes, training data, corpus, per-extractor
status, the scores of each split and the partial scores of incomplete extractors), the
``challenge.json`` envelope (at most ``failed_examples`` failed cases per capability) and the
reports of ``bench.report``. ``git_info`` is also used by ``bench.experiments``.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from . import __version__
from .jsonio import dump_predictions, write_atomic
from .run_records import (
    COMPLETE,
    FAILED,
    INCOMPLETE,
    RUN_FORMAT,
    SKIPPED,
    Failure,
    _error_summary,
    _summary,
)


class OutputSteps:
    """Mixin of ``bench.runner.Runner``: uses its ``config``, ``out``, ``failures`` and
    ``fail``."""

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

