"""Regression gates of ``bench compare``: ``--fail`` specs parsed into checks, and the checks.

A spec is ``METRIC:THRESHOLD``, the largest drop allowed, written as a negative number:

- ``f1:-0.02``: micro F1 may drop by at most 0.02 (absolute) in every tier;
- ``f1:-5%``: micro F1 may drop by at most 5% of BASE's F1;
- ``strict.f1:-0.05``: a threshold for one tier (``pair``, ``strict``, ``lenient``, ``topic``,
  ``evidence``), overriding ``f1`` there;
- ``speed:-20%``: throughput (docs/s) may drop by at most 20%. Speed is only ever relative.

Each parsed spec is a check object that evaluates one comparison and returns an ``Outcome``
saying whether it passed, and if not, what failed and by how much. The rules (the same in
docs, README and report):

- **Quality** (``F1Check``): a comparison *fails* only when the drop is beyond the threshold
  (``NEW - BASE < -threshold``, or relative to BASE's F1 with ``%``) **and** significant: the
  paired approximate-randomisation p-value is at most ``alpha``. A drop beyond the threshold
  that is not significant passes, marked "within noise". With too few documents for a test
  there is no p-value: the comparison is *untested* and never fails (a gate that fails on
  noise gets switched off); a drop beyond the threshold is still flagged.
- **Multiple testing**: one comparison runs many quality checks (extractor x split x tier),
  and at alpha 0.05 about one check in twenty would be significant by chance alone. The
  p-values of the checks that were tested (those with a p-value; untested ones are not
  counted) are therefore adjusted together before the rule above is applied: by default
  with Holm–Bonferroni (``holm``, step-down; it keeps the chance of *any* false alarm in the
  comparison at most ``alpha``, whatever the dependence between the checks); ``none`` uses
  each raw p-value as it is. The comparison keeps both, ``p_value`` and ``p_adjusted``.
- **Speed** (``SpeedCheck``): the change is the ratio of the median pass times
  (BASE / NEW, i.e. NEW docs/s over BASE docs/s) minus one. It *fails* only when the change
  is beyond the threshold **and** the two runs' interquartile ranges of pass time do not
  overlap (NEW's first quartile is slower than BASE's third quartile).

When no ``f1`` spec is given, ``DEFAULT_F1`` (``f1:-0.02``) applies; speed is gated only when
asked for (timings on shared machines are too noisy to gate by default). The correction is
``DEFAULT_CORRECTION`` (``holm``) unless ``--correction none`` is given.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import BenchError

TIERS = ("pair", "strict", "lenient", "topic", "evidence")  # bench.scoring.TIERS
DEFAULT_F1 = "f1:-0.02"
DEFAULT_ALPHA = 0.05
CORRECTIONS = ("holm", "none")
DEFAULT_CORRECTION = "holm"
CORRECTION_NAMES = {"holm": "Holm", "none": None}  # as printed beside a p-value; None: nothing to name
CORRECTION_TITLES = {"holm": "Holm–Bonferroni", "none": None}  # as printed in a gate's description

PASS, FAIL, UNTESTED = "pass", "fail", "untested"
_EPS = 1e-12  # float slack: a drop of exactly the threshold is allowed
_SPEC = re.compile(r"^\s*([A-Za-z0-9_.]+)\s*:\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$")


class GateSpecError(BenchError, ValueError):
    """A ``--fail`` spec that cannot be parsed; the message shows the expected form."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one check: ``status`` (pass, fail, untested), a one-line ``message``
    with the figures, ``note`` (why it passed although something moved: "within noise",
    "significant improvement", ...) and ``beyond``: by how much the change exceeded the
    threshold (negative: further than allowed), None when it did not."""

    status: str
    message: str
    note: str | None = None
    beyond: float | None = None

    @property
    def failed(self) -> bool:
        return self.status == FAIL


def _fmt_threshold(value: float, relative: bool) -> str:
    return f"{100 * value:g}%" if relative else f"{value:g}"


def format_p(p: float | None) -> str:
    """``p=0.002``; ``p<0.001`` below a thousandth; ``p n/a`` without a test.

    >>> format_p(0.0021), format_p(0.00009), format_p(None)
    ('p=0.002', 'p<0.001', 'p n/a')
    """
    if p is None:
        return "p n/a"
    if p < 0.001:
        return "p<0.001"
    return f"p={p:.3f}"


def format_interval(ci: Sequence[float] | None) -> str:
    """``[-0.12, -0.05]``, or ``[n/a]`` without an interval."""
    if ci is None:
        return "[n/a]"
    return f"[{ci[0]:+.2f}, {ci[1]:+.2f}]".replace("+0.00", "0.00").replace("-0.00", "0.00")


def format_p_adjusted(p: float | None, p_adjusted: float | None, correction: str) -> str:
    """The raw p-value, followed by the adjusted one when a correction applies.

    >>> format_p_adjusted(0.008, 0.08, "holm"), format_p_adjusted(0.008, 0.008, "none")
    ('p=0.008, Holm p=0.080', 'p=0.008')
    >>> format_p_adjusted(None, None, "holm")
    'p n/a'
    """
    name = CORRECTION_NAMES.get(correction)
    if p is None or name is None or p_adjusted is None:
        return format_p(p)
    return f"{format_p(p)}, {name} {format_p(p_adjusted)}"


def holm(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm–Bonferroni adjusted p-values, in the order given.

    With the ``m`` p-values that are not None sorted ascending, ``p(1) <= ... <= p(m)``, the
    adjusted value of the i-th smallest is ``max over j <= i of min(1, (m - j + 1) * p(j))``.
    Calling significant every check whose adjusted p is at most ``alpha`` is Holm's step-down
    procedure (the smallest p is held to ``alpha / m``, the next to ``alpha / (m - 1)``, ...,
    stopping at the first that misses): the probability of one or more false alarms among the
    ``m`` checks is at most ``alpha``, whatever the dependence between them. An adjusted p is
    never below its raw p, never above 1, and the adjusted values keep the order of the raw
    ones. None (a check without a test) stays None and is not counted in ``m``; ties keep
    their given order.

    >>> [round(p, 6) for p in holm([0.01, 0.04, 0.03, 0.005])]
    [0.03, 0.06, 0.06, 0.02]
    >>> holm([0.2, None, 0.5])
    [0.4, None, 0.5]
    """
    ps = list(p_values)
    for p in ps:
        if p is not None and not (isinstance(p, int | float) and 0.0 <= p <= 1.0):
            raise ValueError(f"a p-value must be a number in [0, 1]; got {p!r}")
    tested = sorted((i for i, p in enumerate(ps) if p is not None), key=lambda i: ps[i])
    m = len(tested)
    out: list[float | None] = [None] * len(ps)
    running = 0.0
    for rank, i in enumerate(tested):
        running = max(running, min(1.0, (m - rank) * float(ps[i])))
        out[i] = running
    return out


def check_correction(correction: str) -> None:
    """Refuse a correction name that is not one of ``CORRECTIONS``."""
    if correction not in CORRECTIONS:
        raise GateSpecError(f"--correction {correction!r}: one of {', '.join(CORRECTIONS)}")


def adjust_p_values(p_values: Sequence[float | None], correction: str) -> list[float | None]:
    """The p-values of one family of checks adjusted with ``correction`` (one of
    ``CORRECTIONS``): ``holm`` (see ``holm``) or ``none`` (unchanged). None stays None.

    >>> adjust_p_values([0.01, None, 0.04], "none")
    [0.01, None, 0.04]
    """
    check_correction(correction)
    return holm(p_values) if correction == "holm" else list(p_values)


def family_size(p_values: Iterable[float | None]) -> int:
    """The number of checks a correction counts: those with a p-value."""
    return sum(1 for p in p_values if p is not None)


@dataclass(frozen=True, slots=True)
class F1Check:
    """Fail when micro F1 drops beyond ``threshold`` and the drop is significant.

    ``threshold`` is <= 0: an absolute F1 difference, or with ``relative`` a fraction of
    BASE's F1. ``tier`` None applies to every tier.

    >>> c = parse_fail("f1:-0.02")
    >>> c.evaluate(0.512, 0.428, (-0.12, -0.05), 0.002, 0.05).message
    'F1 -0.084 [-0.12, -0.05], p=0.002 (BASE 0.512, NEW 0.428): drop beyond 0.02 and significant at alpha 0.05'
    >>> c.evaluate(0.512, 0.428, (-0.12, -0.05), 0.002, 0.05, p_adjusted=0.12, correction="holm", family=60).message
    'F1 -0.084 [-0.12, -0.05], p=0.002, Holm p=0.120 (BASE 0.512, NEW 0.428): drop beyond 0.02 but not significant at alpha 0.05 after the Holm correction over 60 tests'
    """

    spec: str
    threshold: float
    relative: bool = False
    tier: str | None = None

    metric = "f1"

    def allowed_drop(self, base: float) -> float:
        """The most negative NEW - BASE that still passes."""
        return self.threshold * base if self.relative else self.threshold

    def describe(self) -> str:
        where = f" in the {self.tier} tier" if self.tier else ""
        return f"F1 drop beyond {_fmt_threshold(-self.threshold, self.relative)}{where} and significant"

    def evaluate(
        self,
        base: float,
        new: float,
        ci: Sequence[float] | None,
        p_value: float | None,
        alpha: float,
        reason: str | None = None,
        *,
        p_adjusted: float | None = None,
        correction: str = "none",
        family: int | None = None,
    ) -> Outcome:
        """The outcome for F1 ``base`` -> ``new`` with the interval ``ci`` of the difference and
        the paired p-value (None with ``reason`` when there are too few documents).

        With a ``correction`` other than ``none``, significance is decided on ``p_adjusted``
        (the p-value adjusted over the ``family`` of tested checks, see ``adjust_p_values``);
        the message shows both p-values and names the correction."""
        check_correction(correction)
        corrected = correction != "none" and p_value is not None
        if corrected and p_adjusted is None:
            raise ValueError(f"correction {correction!r} needs the adjusted p-value")
        p_decide = p_adjusted if corrected else p_value
        diff = new - base
        limit = self.allowed_drop(base)
        beyond = diff - limit if diff < limit - _EPS else None
        shown_p = format_p_adjusted(p_value, p_adjusted if corrected else None, correction)
        figures = f"F1 {diff:+.3f} {format_interval(ci)}, {shown_p} (BASE {base:.3f}, NEW {new:.3f})"
        thr = _fmt_threshold(-self.threshold, self.relative)
        significant = p_decide is not None and p_decide <= alpha + _EPS
        at = f"at alpha {alpha:g}"
        if corrected:
            at += f" after the {CORRECTION_NAMES[correction]} correction" + (f" over {family} tests" if family is not None else "")
        if p_value is None:
            why = reason or "no p-value"
            if beyond is not None:
                return Outcome(UNTESTED, f"{figures}: drop beyond {thr} but not tested ({why})", "drop untested", beyond)
            return Outcome(UNTESTED, f"{figures}: not tested ({why})", None, None)
        if beyond is not None and significant:
            return Outcome(FAIL, f"{figures}: drop beyond {thr} and significant {at}", None, beyond)
        if beyond is not None:
            return Outcome(PASS, f"{figures}: drop beyond {thr} but not significant {at}", "within noise", beyond)
        if significant and diff > 0:
            return Outcome(PASS, f"{figures}: significant improvement", "improved", None)
        if significant and diff < 0:
            return Outcome(PASS, f"{figures}: significant drop within {thr}", "small drop", None)
        return Outcome(PASS, figures, None, None)


@dataclass(frozen=True, slots=True)
class SpeedCheck:
    """Fail when throughput drops beyond ``threshold`` (a fraction <= 0, e.g. -0.2) and the
    interquartile ranges of the two runs' pass times do not overlap.

    >>> c = parse_fail("speed:-20%")
    >>> c.evaluate([1.0, 1.0, 1.1, 1.0, 0.9], [1.5, 1.5, 1.6, 1.4, 1.5]).status
    'fail'
    """

    spec: str
    threshold: float
    relative: bool = True

    metric = "speed"

    def describe(self) -> str:
        return f"throughput drop beyond {_fmt_threshold(-self.threshold, True)} and outside both runs' interquartile range"

    def evaluate(self, base_times: Sequence[float], new_times: Sequence[float]) -> Outcome:
        """The outcome for two runs' timed pass durations (seconds, one per repeat)."""
        return evaluate_speed(base_times, new_times, self.threshold, gated=True)


def quartiles(values: Sequence[float]) -> tuple[float, float, float]:
    """First quartile, median and third quartile (linear interpolation, like bench.speed).

    >>> quartiles([1, 2, 3, 4, 5])
    (2.0, 3.0, 4.0)
    """
    xs = sorted(float(v) for v in values)
    if not xs:
        raise BenchError("no pass times to compare")

    def q(p: float) -> float:
        pos = (len(xs) - 1) * p
        lo = int(pos)
        hi = min(lo + 1, len(xs) - 1)
        return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)

    return q(0.25), q(0.5), q(0.75)


def evaluate_speed(
    base_times: Sequence[float],
    new_times: Sequence[float],
    threshold: float | None,
    gated: bool,
) -> Outcome:
    """Speed outcome; with ``gated`` False (or no threshold) it never fails, but says whether
    the change would be beyond ``threshold`` and outside the spread."""
    b1, bm, b3 = quartiles(base_times)
    n1, nm, n3 = quartiles(new_times)
    change = bm / nm - 1.0 if nm > 0 else math.inf
    figures = (
        f"speed {100 * change:+.1f}% (median pass {bm:.3f} s -> {nm:.3f} s; "
        f"IQR [{b1:.3f}, {b3:.3f}] vs [{n1:.3f}, {n3:.3f}])"
    )
    slower_outside = n1 > b3 + _EPS
    faster_outside = n3 < b1 - _EPS
    if threshold is None:
        note = "slower, outside the spread" if slower_outside else ("faster, outside the spread" if faster_outside else None)
        return Outcome(PASS, figures + ("" if gated else "; not gated"), note, None)
    beyond = change - threshold if change < threshold - _EPS else None
    thr = _fmt_threshold(-threshold, True)
    if beyond is not None and slower_outside:
        if gated:
            return Outcome(FAIL, f"{figures}: drop beyond {thr} and outside both interquartile ranges", None, beyond)
        return Outcome(PASS, f"{figures}: drop beyond {thr}, outside the spread; not gated", "slower", beyond)
    if beyond is not None:
        return Outcome(PASS, f"{figures}: drop beyond {thr} but within the spread", "within noise", beyond)
    if faster_outside:
        return Outcome(PASS, f"{figures}: faster, outside the spread", "faster", None)
    return Outcome(PASS, figures + ("" if gated else "; not gated"), None, None)


Check = F1Check | SpeedCheck


def parse_fail(spec: str) -> Check:
    """Parse one ``--fail`` spec (forms in the module docstring) into a check.

    >>> parse_fail("f1:-0.02")
    F1Check(spec='f1:-0.02', threshold=-0.02, relative=False, tier=None)
    >>> parse_fail("speed:-20%")
    SpeedCheck(spec='speed:-20%', threshold=-0.2, relative=True)
    >>> parse_fail("f1:0.02")
    Traceback (most recent call last):
    ...
    bench.gates.GateSpecError: --fail 'f1:0.02': the threshold is the largest drop allowed, written as a negative number, e.g. f1:-0.02
    """
    text = spec.strip() if isinstance(spec, str) else spec
    if not isinstance(text, str) or ":" not in text:
        raise GateSpecError(f"--fail {spec!r}: expected METRIC:THRESHOLD, e.g. f1:-0.02, f1:-5%, strict.f1:-0.05 or speed:-20%")
    m = _SPEC.match(text)
    if m is None:
        raise GateSpecError(
            f"--fail {spec!r}: the threshold must be a number, optionally with %, e.g. f1:-0.02 or speed:-20%"
        )
    metric, number, percent = m.group(1).lower(), float(m.group(2)), bool(m.group(3))
    if metric not in _metrics():
        raise GateSpecError(f"--fail {spec!r}: unknown metric {m.group(1)!r}; one of {', '.join(_metrics())}")
    if number > 0:
        example = "speed:-20%" if metric == "speed" else f"{metric}:-0.02"
        raise GateSpecError(
            f"--fail {spec!r}: the threshold is the largest drop allowed, written as a negative number, e.g. {example}"
        )
    value = number / 100 if percent else number
    if metric == "speed":
        if not percent:
            raise GateSpecError(f"--fail {spec!r}: a speed threshold is relative; give a percentage, e.g. speed:-20%")
        if value <= -1:
            raise GateSpecError(f"--fail {spec!r}: a throughput drop of 100% or more cannot happen; use a value in (-100%, 0%]")
        return SpeedCheck(text, value)
    if value < -1:
        allowed = "[-100%, 0%]" if percent else "[-1, 0]"
        raise GateSpecError(f"--fail {spec!r}: F1 cannot drop by more than {'100%' if percent else '1'}; use a value in {allowed}")
    tier = metric.split(".", 1)[0] if "." in metric else None
    return F1Check(text, value, percent, tier)


def _metrics() -> tuple[str, ...]:
    return ("f1", *(f"{t}.f1" for t in TIERS), "speed")


@dataclass(frozen=True, slots=True)
class Gates:
    """The checks of one comparison: an F1 check per tier (or for all), an optional speed
    check, ``alpha`` and the multiple-testing ``correction`` of the F1 checks' p-values
    (one of ``CORRECTIONS``)."""

    f1: tuple[F1Check, ...]
    speed: SpeedCheck | None = None
    alpha: float = DEFAULT_ALPHA
    correction: str = DEFAULT_CORRECTION

    def for_tier(self, tier: str) -> F1Check:
        """The tier's own check, else the general one (there always is one)."""
        general = None
        for c in self.f1:
            if c.tier == tier:
                return c
            if c.tier is None:
                general = c
        return general if general is not None else parse_fail(DEFAULT_F1)

    def describe(self) -> list[str]:
        name = CORRECTION_NAMES.get(self.correction)
        rule = f"{name}-adjusted p <= {self.alpha:g}" if name else f"p <= {self.alpha:g}, no correction for multiple testing"
        out = [f"{c.spec}: {c.describe()} ({rule})" for c in self.f1]
        out.append(f"{self.speed.spec}: {self.speed.describe()}" if self.speed else "speed: shown, not gated (opt in with --fail speed:-20%)")
        return out

    def to_dict(self, family_size: int | None = None) -> dict:
        """The gates block of a comparison document; ``family_size`` (the number of F1 checks
        with a p-value, over which the correction ran) is added when given."""
        out: dict = {"alpha": self.alpha, "correction": self.correction}
        if family_size is not None:
            out["family_size"] = family_size
        return out | {
            "f1": [
                {"spec": c.spec, "tier": c.tier, "threshold": c.threshold, "relative": c.relative} for c in self.f1
            ],
            "speed": None if self.speed is None else {"spec": self.speed.spec, "threshold": self.speed.threshold},
            "rule": {
                "f1": (
                    "fail when NEW - BASE is below -threshold AND the paired approximate-randomisation p-value, "
                    "adjusted with the correction over every F1 check of the comparison that has a p-value, <= alpha; "
                    "too few documents: untested, never fails, not counted in the correction"
                ),
                "speed": "fail when the ratio of median pass times (BASE/NEW) - 1 is below the threshold AND NEW's first quartile pass time is above BASE's third quartile",
            },
        }


def parse_gates(specs: Iterable[str], alpha: float = DEFAULT_ALPHA, correction: str = DEFAULT_CORRECTION) -> Gates:
    """All ``--fail`` specs of one invocation, with ``--alpha`` and ``--correction``. Without
    an ``f1`` spec, ``DEFAULT_F1`` applies; two specs for the same metric are refused.

    >>> [c.spec for c in parse_gates([]).f1], parse_gates([]).speed, parse_gates([]).correction
    (['f1:-0.02'], None, 'holm')
    """
    if isinstance(alpha, bool) or not isinstance(alpha, int | float) or not 0.0 < alpha < 1.0:
        raise GateSpecError(f"--alpha must be a number in (0, 1); got {alpha!r}")
    check_correction(correction)
    checks = [parse_fail(s) for s in specs]
    seen: dict[str, str] = {}
    for c in checks:
        key = "speed" if isinstance(c, SpeedCheck) else (f"{c.tier}.f1" if c.tier else "f1")
        if key in seen:
            raise GateSpecError(f"--fail {c.spec!r}: {key} already has a threshold ({seen[key]!r}); give one per metric")
        seen[key] = c.spec
    f1 = tuple(c for c in checks if isinstance(c, F1Check))
    if not any(c.tier is None for c in f1):
        f1 = (parse_fail(DEFAULT_F1), *f1)
    speed = next((c for c in checks if isinstance(c, SpeedCheck)), None)
    return Gates(f1, speed, float(alpha), correction)
