"""The prediction cache: finished work that an interrupted or repeated run does not redo.

One file per (extractor, document), keyed by what decides an extractor's output on it:

- the extractor's name and version (``trigger.v1``: bump the version when the output
  changes; the cache trusts it),
- a hash of its parameters (defaults filled in),
- the document's sha256, id and date,
- a *context* hash for anything else the output depends on: the training data of a
  trainable extractor, the gold file an oracle reads, and the extractor's code
  (``code_fingerprint``: the source files of the package that defines it), so that an
  extractor whose rules changed under the same version is not served stale predictions.

Layout under the cache folder (by default ``<run dir>/.cache``)::

    predictions/<extractor name>/<params hash>/<document sha256[:16]>-<key digest[:16]>.json
    results/<kind>/<extractor name>-<key digest[:16]>.json     (challenge and speed results)

The folder holds a ``.gitignore`` of ``*`` (so a cache inside a committed results folder is
never committed) and a ``CACHEDIR.TAG`` (so backup tools skip it). Every file is written
atomically (``bench.jsonio.write_atomic``), so a run killed at any moment leaves complete
files or none. A file that cannot be read or does not match its key
(a truncated disk, a hash collision, an older format) is a miss and is recomputed; only
successes are stored, so a document that failed is tried again by the next run.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .jsonio import prediction_from_dict, write_atomic
from .model import PredictedRelation

CACHE_FORMAT = 1
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file marks the prediction cache of relation-bench (bench run); see bench/cache.py.\n"
)


def stable_hash(value: Any, length: int = 16) -> str:
    """sha256 of the canonical JSON of ``value`` (sorted keys), ``length`` hex digits.

    >>> stable_hash({"b": 1, "a": [1, 2]}) == stable_hash({"a": [1, 2], "b": 1})
    True
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:length]


_FINGERPRINTS: dict[str, str] = {}


def code_fingerprint(cls: type) -> str:
    """A hash of the source of the package that defines ``cls`` (every ``.py`` file under
    it, with its path), or of its module file when the module is not in a package; ``""``
    when the source cannot be found. Cached per package for the process.

    A change anywhere in the package (a rule of ``trigger.v1``, a shared helper) changes it:
    the cache errs towards recomputing.
    """
    import importlib
    import sys

    module = sys.modules.get(cls.__module__) or importlib.import_module(cls.__module__)
    package = module.__name__.rpartition(".")[0] if not hasattr(module, "__path__") else module.__name__
    target = sys.modules.get(package) if package else module
    files_root = getattr(target, "__path__", None)
    key = package or module.__name__
    if key in _FINGERPRINTS:
        return _FINGERPRINTS[key]
    h = hashlib.sha256()
    try:
        if files_root:
            base = Path(list(files_root)[0])
            for path in sorted(base.rglob("*.py")):
                h.update(str(path.relative_to(base)).encode())
                h.update(path.read_bytes())
        else:
            h.update(Path(module.__file__).read_bytes())
    except (OSError, TypeError, ValueError):
        _FINGERPRINTS[key] = ""
        return ""
    _FINGERPRINTS[key] = h.hexdigest()[:16]
    return _FINGERPRINTS[key]


@dataclass(frozen=True, slots=True)
class CacheKey:
    """What an extractor's output on one document depends on."""

    extractor: str
    version: str
    params_hash: str
    document_sha256: str
    document_id: str
    document_date: str | None = None
    context: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "extractor": self.extractor, "version": self.version, "params_hash": self.params_hash,
            "document_sha256": self.document_sha256, "document_id": self.document_id,
            "document_date": self.document_date, "context": self.context,
        }

    @property
    def digest(self) -> str:
        return stable_hash(self.to_dict(), 64)


@dataclass(slots=True)
class CacheStats:
    """Hits, misses and unreadable files of one run (reported, never part of the scores)."""

    hits: int = 0
    misses: int = 0
    stored: int = 0
    unreadable: int = 0
    unreadable_files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "hits": self.hits, "misses": self.misses, "stored": self.stored,
            "unreadable": self.unreadable,
        }


class PredictionCache:
    """Per-document predictions on disk. ``PredictionCache(None)`` is a cache that never
    hits and stores nothing (``bench run --no-cache``)."""

    def __init__(self, root: str | Path | None):
        self.root = Path(root) if root is not None else None
        self.stats = CacheStats()

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _write(self, path: Path, text: str) -> None:
        assert self.root is not None
        if not (self.root / ".gitignore").is_file():
            write_atomic(self.root / ".gitignore", "# the prediction cache of bench run: never committed\n*\n")
            write_atomic(self.root / "CACHEDIR.TAG", CACHEDIR_TAG)
        write_atomic(path, text)

    def path(self, key: CacheKey) -> Path:
        if self.root is None:
            raise ValueError("the cache is disabled")
        return (
            self.root / "predictions" / _folder(key.extractor) / key.params_hash
            / f"{key.document_sha256[:16]}-{key.digest[:16]}.json"
        )

    def get(self, key: CacheKey) -> list[PredictedRelation] | None:
        """The cached predictions for ``key``, or None (missing or unreadable)."""
        if self.root is None:
            self.stats.misses += 1
            return None
        data = self._read(self.path(key), key)
        if data is None:
            self.stats.misses += 1
            return None
        try:
            preds = [prediction_from_dict(d, str(self.path(key))) for d in data["predictions"]]
        except Exception:  # a damaged entry is recomputed, never trusted
            self._unreadable(self.path(key))
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return preds

    def put(self, key: CacheKey, records: list[dict[str, Any]]) -> None:
        """Store the predictions (as JSONL dicts, see ``bench.jsonio.prediction_to_dict``)."""
        if self.root is None:
            return
        payload = {"format": CACHE_FORMAT, "key": key.to_dict(), "predictions": records}
        self._write(self.path(key), json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")
        self.stats.stored += 1

    # ------------------------------------------------------------ whole results

    def result_path(self, kind: str, extractor: str, key: dict[str, Any]) -> Path:
        if self.root is None:
            raise ValueError("the cache is disabled")
        return self.root / "results" / kind / f"{_folder(extractor)}-{stable_hash(key)}.json"

    def get_result(self, kind: str, extractor: str, key: dict[str, Any]) -> Any | None:
        """A cached whole result (a challenge run, a speed measurement), or None."""
        if self.root is None:
            return None
        data = self._read(self.result_path(kind, extractor, key), None, key)
        return None if data is None else data.get("result")

    def put_result(self, kind: str, extractor: str, key: dict[str, Any], result: Any) -> None:
        if self.root is None:
            return
        payload = {"format": CACHE_FORMAT, "key": key, "result": result}
        self._write(self.result_path(kind, extractor, key), json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")

    # ------------------------------------------------------------ reading

    def _read(self, path: Path, key: CacheKey | None, raw_key: dict | None = None) -> dict | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            self._unreadable(path)
            return None
        expected = key.to_dict() if key is not None else raw_key
        if (
            not isinstance(data, dict)
            or data.get("format") != CACHE_FORMAT
            or data.get("key") != json.loads(json.dumps(expected))
            or (key is not None and not isinstance(data.get("predictions"), list))
        ):
            self._unreadable(path)
            return None
        return data

    def _unreadable(self, path: Path) -> None:
        self.stats.unreadable += 1
        self.stats.unreadable_files.append(str(path))


def _folder(name: str) -> str:
    """A file-system-safe folder name for an extractor name."""
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in name) or "_"
