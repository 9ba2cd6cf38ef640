"""The extractor registry: every extractor, built-in or third-party, found by name.

Extractors are registered as entry points of the group ``relation_bench.extractors``, each a
lazy ``"module:attr"`` reference; the built-ins are declared in this project's pyproject.toml
exactly as a plugin declares its own. Nothing is imported until a name is asked for, so
``bench --help`` and ``bench extractors`` import no NLP library: listing imports only the
extractor modules (which keep heavy imports inside functions) and checks requirements with
``importlib.util.find_spec``, which locates a package without running it.

Tests and notebooks can register a class in-process with ``register(name, cls)``; such an
entry shadows an entry point of the same name until ``unregister(name)``.

Optional class attributes read for listings (see bench/extractors/base.py): ``description``
(one line), ``requires`` (importable module names; ``"a|b"`` means either), ``trainable``,
``needs`` (what a user must provide: ``"model"``, ``"training"``, ...) and ``extra`` (the
name of the pip extra that installs the requirements).
"""

from __future__ import annotations

import difflib
import importlib
import importlib.metadata
import importlib.util
import inspect
import json
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import BenchError, ParameterError

GROUP = "relation_bench.extractors"
NAME_PATTERN = re.compile(r"^(?P<family>[a-z0-9_]+)\.v(?P<version>\d+)$")


@dataclass(frozen=True, slots=True)
class ExtractorInfo:
    """What ``bench extractors`` shows about one registered extractor."""

    name: str
    family: str
    version: str
    target: str
    distribution: str | None
    description: str
    requires: tuple[str, ...]
    missing: tuple[str, ...]
    trainable: bool
    needs: tuple[str, ...]
    extra: str | None
    import_error: str | None = None

    @property
    def installed(self) -> bool:
        """True when the class imports and every requirement can be found."""
        return self.import_error is None and not self.missing


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    target: str  # "module:attr", or "<in-process>" for register()
    distribution: str | None
    obj: Any = None  # the registered object, for in-process entries


_LOCAL: dict[str, _Entry] = {}
_ENTRY_POINTS: dict[str, _Entry] | None = None


def split_name(name: str) -> tuple[str, str]:
    """``"trigger.v1"`` -> ``("trigger", "v1")``; a name without a suffix has version ``""``."""
    m = NAME_PATTERN.match(name)
    if not m:
        return name, ""
    return m.group("family"), f"v{m.group('version')}"


def _entry_points() -> dict[str, _Entry]:
    global _ENTRY_POINTS
    if _ENTRY_POINTS is None:
        found: dict[str, _Entry] = {}
        conflicts: dict[str, set[str]] = {}
        for ep in importlib.metadata.entry_points(group=GROUP):
            dist = ep.dist.name if getattr(ep, "dist", None) is not None else None
            entry = _Entry(ep.name, ep.value, dist)
            old = found.get(ep.name)
            if old is not None and old.target != entry.target:
                conflicts.setdefault(ep.name, {old.target}).add(entry.target)
            found.setdefault(ep.name, entry)
        for name, targets in conflicts.items():
            found[name] = _Entry(name, " | ".join(sorted(targets)), "CONFLICT")
        _ENTRY_POINTS = found
    return _ENTRY_POINTS


def refresh() -> None:
    """Forget the cached entry points (after installing or removing a plugin in-process)."""
    global _ENTRY_POINTS
    _ENTRY_POINTS = None
    importlib.invalidate_caches()


def _table() -> dict[str, _Entry]:
    table = dict(_entry_points())
    table.update(_LOCAL)
    return table


def register(name: str, obj: Any = None):
    """Register ``obj`` (a class or factory, or a ``"module:attr"`` string) as ``name`` for
    this process. Usable as a decorator: ``@register("keyword.v1")``."""
    if not NAME_PATTERN.match(name):
        raise BenchError(f"extractor name {name!r} must look like 'family.v1' (lower case, digits, underscores, a version suffix)")

    def add(target):
        if isinstance(target, str):
            _LOCAL[name] = _Entry(name, target, None)
        else:
            _LOCAL[name] = _Entry(name, "<in-process>", None, target)
        return target

    return add if obj is None else add(obj)


def unregister(name: str) -> None:
    """Remove an in-process registration (entry points cannot be removed)."""
    _LOCAL.pop(name, None)


def available() -> list[str]:
    """Registered names, sorted."""
    return sorted(_table())


def _unknown(name: str) -> BenchError:
    names = available()
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    listing = ", ".join(names) if names else "(none: is relation-bench installed?)"
    return BenchError(f"unknown extractor {name!r}.{hint} Available: {listing}")


def _lookup(name: str) -> _Entry:
    table = _table()
    if name in table:
        return table[name]
    if not split_name(name)[1]:  # a bare family name picks its highest version
        versions = [n for n in table if split_name(n)[0] == name and split_name(n)[1]]
        if versions:
            return table[max(versions, key=lambda n: int(split_name(n)[1][1:]))]
    raise _unknown(name)


def _load(entry: _Entry):
    if entry.obj is not None:
        return entry.obj
    if entry.distribution == "CONFLICT":
        raise BenchError(f"extractor {entry.name!r} is registered twice with different targets: {entry.target}; uninstall one of the packages")
    module_name, _, attr = entry.target.partition(":")
    try:
        obj = importlib.import_module(module_name)
        for part in attr.split(".") if attr else ():
            obj = getattr(obj, part)
    except ImportError as exc:
        raise BenchError(f"extractor {entry.name!r} ({entry.target}) cannot be imported: {exc}") from None
    except AttributeError:
        raise BenchError(f"extractor {entry.name!r}: module {module_name!r} has no attribute {attr!r}") from None
    return obj


def resolve(name: str):
    """The class (or factory) registered as ``name``, imported now."""
    return _load(_lookup(name))


def missing_requirements(requires: Iterable[str]) -> tuple[str, ...]:
    """Requirements that cannot be found; ``"a|b"`` is satisfied by either module.

    Uses ``find_spec``, which locates a top-level module without importing it.
    """
    missing = []
    for req in requires:
        options = [r.strip() for r in req.split("|") if r.strip()]
        if not any(_findable(o) for o in options):
            missing.append(req)
    return tuple(missing)


def _findable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def info(name: str) -> ExtractorInfo:
    """Listing information for one name (imports its module, not its requirements)."""
    entry = _lookup(name)
    family, version = split_name(entry.name)
    try:
        cls = _load(entry)
    except BenchError as exc:
        return ExtractorInfo(
            entry.name, family, version, entry.target, entry.distribution, "", (), (), False, (),
            None, str(exc),
        )
    doc = (inspect.getdoc(cls) or "").strip().splitlines()
    description = str(getattr(cls, "description", "") or (doc[0] if doc else ""))
    requires = tuple(getattr(cls, "requires", ()) or ())
    trainable = bool(getattr(cls, "trainable", callable(getattr(cls, "fit", None))))
    needs = tuple(getattr(cls, "needs", ()) or (("training",) if trainable else ()))
    return ExtractorInfo(
        entry.name, family, version, entry.target, entry.distribution, description, requires,
        missing_requirements(requires), trainable, needs, getattr(cls, "extra", None),
    )


def list_extractors() -> list[ExtractorInfo]:
    """Every registered extractor, sorted by name."""
    return [info(n) for n in available()]


# --------------------------------------------------------------------------- parameters


def coerce_value(raw: str) -> Any:
    """Turn a command-line value into a Python value: booleans, null, numbers and JSON are
    recognised; anything else stays a string.

    >>> [coerce_value(v) for v in ["3", "0.5", "true", "None", "[1, 2]", "spacy"]]
    [3, 0.5, True, None, [1, 2], 'spacy']
    """
    low = raw.strip().lower()
    if low in ("true", "yes"):
        return True
    if low in ("false", "no"):
        return False
    if low in ("none", "null"):
        return None
    for convert in (int, float):
        try:
            return convert(raw)
        except ValueError:
            pass
    if raw[:1] in "[{\"":
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            pass
    return raw


def parse_params(items: Iterable[str] | None) -> dict[str, Any]:
    """``["k=v", ...]`` from ``--param`` options -> a dict with coerced values."""
    out: dict[str, Any] = {}
    for item in items or ():
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise BenchError(f"--param {item!r}: expected KEY=VALUE, e.g. --param threshold=0.5")
        if key in out:
            raise BenchError(f"--param {key!r} given twice")
        out[key] = coerce_value(value)
    return out


def declared_parameters(cls) -> dict[str, inspect.Parameter]:
    """The keyword parameters a class's constructor declares (``self``, ``*args`` and
    ``**kwargs`` excluded)."""
    try:
        sig = inspect.signature(cls)
    except (TypeError, ValueError):
        return {}
    return {
        n: p for n, p in sig.parameters.items()
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    }


def _accepts_any_keyword(cls) -> bool:
    try:
        sig = inspect.signature(cls)
    except (TypeError, ValueError):
        return True
    return any(p.kind is p.VAR_KEYWORD for p in sig.parameters.values())


def _hints(cls) -> dict[str, Any]:
    target = cls.__init__ if inspect.isclass(cls) else cls
    try:
        return typing.get_type_hints(target)
    except Exception:  # unresolvable annotations: no type checking, not an error
        return {}


def validate_params(name: str, cls, params: dict[str, Any]) -> dict[str, Any]:
    """Check ``params`` against the constructor of ``cls``: unknown names, values outside a
    ``Literal[...]``, and values of the wrong kind for a typed or defaulted parameter.
    Returns the params with ints widened to float where a float is declared."""
    declared = declared_parameters(cls)
    unknown = [k for k in params if k not in declared]
    if unknown and not _accepts_any_keyword(cls):
        k = unknown[0]
        close = difflib.get_close_matches(k, list(declared), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        known = ", ".join(repr(d) for d in declared) or "none"
        raise BenchError(f"{name} has no parameter {k!r}{hint}; its parameters are: {known}")
    hints = _hints(cls)
    out = dict(params)
    for key, value in params.items():
        if key not in declared:
            continue
        hint = hints.get(key)
        default = declared[key].default
        out[key] = _check_value(name, key, value, hint, default)
    return out


_KINDS = {bool: "a boolean (true/false)", int: "an integer", float: "a number", str: "a string"}


def _check_value(owner: str, key: str, value: Any, hint: Any, default: Any) -> Any:
    allowed_types: tuple[type, ...] = ()
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Literal:
        if value not in args:
            raise ParameterError(key, owner, args, value)
        return value
    if hint in _KINDS:
        allowed_types = (hint,)
    elif origin in (typing.Union, types.UnionType):
        allowed_types = tuple(a for a in args if a in _KINDS)
        if type(None) in args and value is None:
            return None
        if any(a not in _KINDS and a is not type(None) for a in args):
            allowed_types = ()  # a type we do not check
    elif hint is None and default is not inspect.Parameter.empty and type(default) in _KINDS:
        allowed_types = (type(default),)
    if not allowed_types:
        return value
    if float in allowed_types and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, bool) and bool not in allowed_types:
        ok = False
    else:
        ok = isinstance(value, allowed_types)
    if not ok:
        kinds = " or ".join(_KINDS[t] for t in allowed_types)
        raise BenchError(f"The {key!r} parameter of {owner} must be {kinds}; got {value!r} instead.")
    return value


def get_extractor(name: str, **params: Any):
    """Build the extractor registered as ``name`` with ``params``.

    Raises ``BenchError`` for an unknown name (listing the available ones), missing
    requirements (with the install command), or parameters the constructor does not declare.
    """
    entry = _lookup(name)
    cls = _load(entry)
    requires = tuple(getattr(cls, "requires", ()) or ())
    missing = missing_requirements(requires)
    if missing:
        extra = getattr(cls, "extra", None)
        how = f"; install them with: pip install 'relation-bench[{extra}]'" if extra else ""
        raise BenchError(f"{entry.name} needs {', '.join(missing)}, which cannot be imported here{how}")
    params = validate_params(entry.name, cls, params)
    try:
        extractor = cls(**params)
    except ParameterError:
        raise
    except (TypeError, ValueError) as exc:
        raise BenchError(f"{entry.name} rejected its parameters {params!r}: {exc}") from None
    built = getattr(extractor, "name", None)
    if built != entry.name:
        raise BenchError(f"extractor registered as {entry.name!r} calls itself {built!r}; the two must agree (reports use the name)")
    return extractor
