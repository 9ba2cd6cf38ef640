"""Where a run's numbers come from: versions, commit, machine, configuration, settings.

Both the markdown and the HTML report open with these facts, so a reader can tell whether
two reports are comparable (same scorer version and scoring-config hash) before reading a
single number.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .rundir import Run


def _first(meta: Mapping, *keys: str) -> Any:
    for k in keys:
        if meta.get(k) not in (None, ""):
            return meta[k]
    return None


def commit(run: Run) -> tuple[str | None, bool | None]:
    """The git commit of the run and whether the work tree had uncommitted changes."""
    git = run.meta.get("git")
    if isinstance(git, Mapping):
        return git.get("commit"), git.get("dirty")
    return _first(run.meta, "commit", "git_commit"), _first(run.meta, "dirty", "git_dirty")


def _nested(run: Run, key: str, inner: str):
    value = run.meta.get(key)
    return value.get(inner) if isinstance(value, Mapping) else None


def package_version(run: Run) -> str | None:
    v = _nested(run, "package", "version") or _first(run.meta, "bench_version", "package_version", "version")
    return None if v is None else str(v)


def scorer_version(run: Run) -> str | None:
    v = _nested(run, "scorer", "version") or _first(run.meta, "scorer_version")
    if v is None:
        versions = {r.get("scorer_version") for r in run.splits.values()} - {None}
        v = ", ".join(sorted(versions)) or None
    return v


def scoring_config_hashes(run: Run) -> list[str]:
    """The scorer's configuration hash(es); one value when every split was scored alike."""
    hashes = []
    h = _nested(run, "scorer", "config_hash")
    if h:
        hashes.append(h)
    for r in run.splits.values():
        h = r.get("config_hash")
        if h and h not in hashes:
            hashes.append(h)
    return hashes


def bootstrap(run: Run) -> Mapping[str, Any]:
    if isinstance(run.meta.get("bootstrap"), Mapping):
        return run.meta["bootstrap"]
    for r in run.splits.values():
        if isinstance(r.get("bootstrap"), Mapping):
            return r["bootstrap"]
    return {}


def machine(run: Run) -> Mapping[str, Any]:
    m = run.meta.get("machine")
    if isinstance(m, Mapping):
        return m
    for s in run.speed.values():
        if isinstance(s.get("machine"), Mapping):
            return s["machine"]
    return {}


def machine_line(run: Run, short: bool = False) -> str:
    """CPU, cores, platform and Python of the machine that ran it (``short``: CPU and cores)."""
    m = machine(run)
    if not m:
        return "unknown"
    parts = [str(m.get("cpu") or "unknown CPU")]
    if m.get("cores"):
        parts.append(f"{m['cores']} cores")
    if short:
        return ", ".join(parts)
    if m.get("platform"):
        parts.append(str(m["platform"]))
    if m.get("python"):
        parts.append(f"Python {m['python']}")
    return ", ".join(parts)


def facts(run: Run) -> list[tuple[str, str]]:
    """``(label, value)`` pairs describing the run, in reading order (plain text)."""
    out: list[tuple[str, str]] = [("experiment", run.name)]
    sha, dirty = commit(run)
    if sha:
        out.append(("commit", f"{sha}{' (uncommitted changes)' if dirty else ''}"))
    created = _first(run.meta, "created", "datetime", "date", "started")
    if created:
        out.append(("date", str(created)))
    version = package_version(run)
    if version:
        out.append(("relation-bench", str(version)))
    sv = scorer_version(run)
    if sv:
        out.append(("scorer version", sv))
    hashes = scoring_config_hashes(run)
    if hashes:
        out.append(("scoring config hash", ", ".join(hashes)))
    ch = _first(run.meta, "config_hash")
    if ch:
        out.append(("experiment config hash", str(ch)))
    b = bootstrap(run)
    if b:
        conf = b.get("confidence", 0.95)
        out.append((
            "uncertainty",
            f"{round(100 * conf)}% paired percentile bootstrap over documents, {b.get('resamples')} "
            f"resamples, seed {b.get('seed')}, at least {b.get('min_docs')} documents; "
            f"A vs B: paired approximate randomisation, {b.get('rounds')} rounds",
        ))
    out.append(("machine", machine_line(run)))
    timing = run.meta.get("timing")
    if isinstance(timing, Mapping) and isinstance(timing.get("total_s"), int | float):
        out.append(("run time", f"{timing['total_s']:.1f} s"))
    return out


def notes(run: Run) -> list[str]:
    """Notes of the run and of its splits (skipped extractors, inferred splits, ...)."""
    out = [str(n) for n in run.meta.get("notes") or () if n]
    for split, r in run.splits.items():
        out += [f"{split}: {n}" for n in r.get("notes") or () if n]
        for p in r.get("input_problems") or ():
            if isinstance(p, Mapping):
                line = f" line {p['line']}" if p.get("line") else ""
                who = f"{p['system']}: " if p.get("system") else ""
                out.append(f"{split}: {who}{p.get('file', '')}{line}: {p.get('message', '')}")
    for label in run.extractors:
        status, message = run.status(label)
        if status in ("skipped", "failed"):
            out.append(f"{label}: {message or status}")
    for s in run.meta.get("skipped") or ():
        if isinstance(s, Mapping):
            out.append(f"skipped {s.get('label') or s.get('name')}: {s.get('reason', '')}")
        else:
            out.append(f"skipped: {s}")
    return out
