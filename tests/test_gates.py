"""``--fail`` specs and the checks they become: what passes, what fails, and by how much."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.gates import (
    CORRECTIONS,
    DEFAULT_CORRECTION,
    DEFAULT_F1,
    FAIL,
    PASS,
    UNTESTED,
    F1Check,
    GateSpecError,
    SpeedCheck,
    adjust_p_values,
    evaluate_speed,
    family_size,
    format_interval,
    format_p,
    format_p_adjusted,
    holm,
    parse_fail,
    parse_gates,
    quartiles,
)

# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("spec", "threshold", "relative", "tier"),
    [
        ("f1:-0.02", -0.02, False, None),
        ("F1:-0.02", -0.02, False, None),
        (" f1 : -0.1 ", -0.1, False, None),
        ("f1:-5%", -0.05, True, None),
        ("f1:0", 0.0, False, None),
        ("f1:-1", -1.0, False, None),
        ("strict.f1:-0.05", -0.05, False, "strict"),
        ("evidence.f1:-2.5%", -0.025, True, "evidence"),
        ("f1:-.02", -0.02, False, None),
        ("f1:-2e-2", -0.02, False, None),
    ],
)
def test_f1_specs(spec, threshold, relative, tier):
    c = parse_fail(spec)
    assert isinstance(c, F1Check)
    assert c.threshold == pytest.approx(threshold) and c.relative is relative and c.tier == tier


@pytest.mark.parametrize(("spec", "threshold"), [("speed:-20%", -0.2), ("speed:-0%", 0.0), ("speed:-99.5%", -0.995)])
def test_speed_specs(spec, threshold):
    c = parse_fail(spec)
    assert isinstance(c, SpeedCheck) and c.threshold == pytest.approx(threshold)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("f1-0.02", "expected METRIC:THRESHOLD"),
        ("f1:", "must be a number"),
        ("f1:abc", "must be a number"),
        ("f1:-0.02%%", "must be a number"),
        ("f2:-0.02", "unknown metric 'f2'; one of f1, pair.f1, strict.f1, lenient.f1, topic.f1, evidence.f1, speed"),
        ("macro.f1:-0.02", "unknown metric"),
        ("f1:0.02", "written as a negative number, e.g. f1:-0.02"),
        ("speed:20%", "e.g. speed:-20%"),
        ("speed:-0.2", "a speed threshold is relative"),
        ("speed:-100%", "(-100%, 0%]"),
        ("f1:-1.5", "F1 cannot drop by more than 1"),
        ("f1:-150%", "more than 100%"),
    ],
)
def test_bad_specs_say_what_is_expected(spec, message):
    with pytest.raises(GateSpecError) as exc:
        parse_fail(spec)
    assert message in str(exc.value)
    assert repr(spec) in str(exc.value)


def test_default_f1_gate_and_no_speed_gate():
    g = parse_gates([])
    assert [c.spec for c in g.f1] == [DEFAULT_F1] and g.speed is None and g.alpha == 0.05
    assert g.correction == DEFAULT_CORRECTION == "holm"
    assert g.for_tier("topic").spec == DEFAULT_F1


def test_tier_specific_threshold_overrides_the_general_one():
    g = parse_gates(["strict.f1:-0.1", "f1:-0.01"])
    assert g.for_tier("strict").spec == "strict.f1:-0.1"
    assert g.for_tier("pair").spec == "f1:-0.01"
    # only a tier spec: the default covers the other tiers
    g = parse_gates(["topic.f1:-0.2"])
    assert g.for_tier("topic").threshold == -0.2 and g.for_tier("pair").spec == DEFAULT_F1


def test_two_thresholds_for_one_metric_are_refused():
    with pytest.raises(GateSpecError, match="f1 already has a threshold"):
        parse_gates(["f1:-0.02", "f1:-5%"])
    with pytest.raises(GateSpecError, match="speed already has a threshold"):
        parse_gates(["speed:-10%", "speed:-20%"])


@pytest.mark.parametrize("alpha", [0, 1, -0.1, 1.5, True])
def test_alpha_must_be_a_probability(alpha):
    with pytest.raises(GateSpecError, match="--alpha"):
        parse_gates([], alpha)


def test_gates_describe_themselves():
    g = parse_gates(["f1:-0.02", "speed:-20%"], 0.01)
    lines = g.describe()
    assert lines[0].startswith("f1:-0.02: F1 drop beyond 0.02") and "Holm-adjusted p <= 0.01" in lines[0]
    assert lines[1].startswith("speed:-20%: throughput drop beyond 20%")
    d = g.to_dict()
    assert d["alpha"] == 0.01 and d["speed"]["threshold"] == -0.2 and d["f1"][0]["relative"] is False
    assert d["correction"] == "holm" and "family_size" not in d
    assert g.to_dict(family_size=12)["family_size"] == 12
    plain = parse_gates(["f1:-0.02"], 0.01, "none")
    assert "p <= 0.01, no correction for multiple testing" in plain.describe()[0]
    assert plain.to_dict(family_size=3)["correction"] == "none"


@pytest.mark.parametrize("correction", ["bonferroni", "Holm", "", None])
def test_unknown_correction_is_refused(correction):
    with pytest.raises(GateSpecError, match="--correction"):
        parse_gates([], 0.05, correction)
    with pytest.raises(GateSpecError, match="one of holm, none"):
        adjust_p_values([0.01], correction)


# --------------------------------------------------------------------------- Holm's correction


def holm_rejects(p_values, alpha):
    """Holm's procedure as it is usually stated, for comparison: walk the p-values from the
    smallest; the k-th (k = 0, 1, ...) is rejected while it is <= alpha / (m - k); stop at the
    first that is not."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    rejected = [False] * len(p_values)
    for k, i in enumerate(order):
        if p_values[i] > alpha / (len(p_values) - k):
            break
        rejected[i] = True
    return rejected


def test_holm_hand_computed():
    # sorted: 0.005 (x4 = 0.02), 0.01 (x3 = 0.03), 0.03 (x2 = 0.06), 0.04 (x1 = 0.04 -> 0.06)
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    # at alpha 0.05: 0.005 <= 0.05/4 and 0.01 <= 0.05/3 are rejected; 0.03 > 0.05/2 stops
    assert [p <= 0.05 for p in holm([0.01, 0.04, 0.03, 0.005])] == [True, False, False, True]
    assert holm_rejects([0.01, 0.04, 0.03, 0.005], 0.05) == [True, False, False, True]
    # step-down: less strict than Bonferroni (every p x3 would give 0.003, 0.6, 0.03)
    assert holm([0.001, 0.2, 0.01]) == pytest.approx([0.003, 0.2, 0.02])
    # capped at 1
    assert holm([0.5, 0.6]) == [1.0, 1.0]
    assert holm([0.3, 0.4, 0.9]) == pytest.approx([0.9, 0.9, 0.9])
    # ties share a value, whatever their order
    assert holm([0.01, 0.01, 0.5]) == pytest.approx([0.03, 0.03, 0.5])
    # one test, no test
    assert holm([0.03]) == [0.03] and holm([]) == []


def test_holm_leaves_untested_out_of_the_family():
    assert holm([None, 0.02, None, 0.04]) == pytest.approx([None, 0.04, None, 0.04])
    assert holm([None, None]) == [None, None]
    assert family_size([None, 0.02, None, 0.04]) == 2 and family_size([]) == 0


@pytest.mark.parametrize("bad", [1.5, -0.1, float("nan"), "0.01"])
def test_holm_refuses_what_is_not_a_p_value(bad):
    with pytest.raises(ValueError, match="a p-value must be a number in"):
        holm([0.01, bad])


p_lists = st.lists(st.one_of(st.none(), st.floats(0.0, 1.0)), max_size=60)


@given(p_lists)
def test_holm_properties(ps):
    adj = holm(ps)
    assert len(adj) == len(ps)
    tested = [(p, a) for p, a in zip(ps, adj, strict=True) if p is not None]
    assert all((p is None) == (a is None) for p, a in zip(ps, adj, strict=True))
    for p, a in tested:
        assert p <= a <= 1.0  # never below the raw p, capped at 1
        assert a <= min(1.0, len(tested) * p) + 1e-12  # never above Bonferroni
    ordered = [a for _, a in sorted(tested, key=lambda t: t[0])]
    assert ordered == sorted(ordered)  # monotone in the order of the raw p-values
    # the order of the input does not matter
    assert holm(list(reversed(ps))) == list(reversed(adj))
    assert adjust_p_values(ps, "none") == ps  # none leaves every p unchanged


@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=40), st.sampled_from([0.001, 0.01, 0.05, 0.1, 0.5]))
def test_holm_adjusted_p_below_alpha_is_holms_procedure(ps, alpha):
    assert [a <= alpha for a in holm(ps)] == holm_rejects(ps, alpha)


def test_format_p_adjusted():
    assert format_p_adjusted(0.008, 0.08, "holm") == "p=0.008, Holm p=0.080"
    assert format_p_adjusted(0.0001, 0.0009, "holm") == "p<0.001, Holm p<0.001"
    assert format_p_adjusted(0.008, 0.008, "none") == "p=0.008"
    assert format_p_adjusted(None, None, "holm") == "p n/a"
    assert set(CORRECTIONS) == {"holm", "none"}


# --------------------------------------------------------------------------- the F1 check


def test_f1_fails_only_beyond_threshold_and_significant():
    c = parse_fail("f1:-0.02")
    fail = c.evaluate(0.512, 0.428, (-0.12, -0.05), 0.002, 0.05)
    assert fail.status == FAIL and fail.failed
    assert fail.beyond == pytest.approx(-0.084 + 0.02)
    assert "drop beyond 0.02 and significant at alpha 0.05" in fail.message
    # the same drop, not significant: passes, "within noise"
    noise = c.evaluate(0.512, 0.428, (-0.2, 0.05), 0.2, 0.05)
    assert noise.status == PASS and noise.note == "within noise" and noise.beyond == pytest.approx(-0.064)
    # a significant drop within the threshold: passes
    small = c.evaluate(0.512, 0.50, (-0.02, -0.005), 0.001, 0.05)
    assert small.status == PASS and small.note == "small drop" and small.beyond is None


def test_f1_boundaries():
    c = parse_fail("f1:-0.02")
    # exactly the threshold is allowed; p exactly alpha is significant
    assert c.evaluate(0.5, 0.48, None, 0.05, 0.05).status == PASS
    assert c.evaluate(0.5, 0.4799, None, 0.05, 0.05).status == FAIL
    assert c.evaluate(0.5, 0.4799, None, 0.0501, 0.05).status == PASS
    zero = parse_fail("f1:0")
    assert zero.evaluate(0.5, 0.499, None, 0.01, 0.05).status == FAIL
    assert zero.evaluate(0.5, 0.5, None, 0.01, 0.05).status == PASS


def test_relative_f1_threshold_scales_with_base():
    c = parse_fail("f1:-10%")
    assert c.allowed_drop(0.5) == pytest.approx(-0.05)
    assert c.evaluate(0.5, 0.46, None, 0.001, 0.05).status == PASS
    assert c.evaluate(0.5, 0.44, None, 0.001, 0.05).status == FAIL
    # nothing to lose from zero
    assert c.evaluate(0.0, 0.0, None, 1.0, 0.05).status == PASS


def test_without_a_p_value_nothing_fails_but_a_large_drop_is_flagged():
    c = parse_fail("f1:-0.02")
    o = c.evaluate(1.0, 0.0, None, None, 0.05, "only 1 document; a p-value needs at least 10")
    assert o.status == UNTESTED and not o.failed and o.note == "drop untested"
    assert "not tested (only 1 document" in o.message and o.beyond == pytest.approx(-0.98)
    quiet = c.evaluate(1.0, 1.0, None, None, 0.05, "reason")
    assert quiet.status == UNTESTED and quiet.note is None and quiet.beyond is None


def test_improvement_is_named():
    o = parse_fail("f1:-0.02").evaluate(0.4, 0.5, (0.05, 0.15), 0.001, 0.05)
    assert o.status == PASS and o.note == "improved"


def test_f1_decides_on_the_adjusted_p_value():
    c = parse_fail("f1:-0.02")
    # significant alone, not after the correction: passes, within noise, and says why
    o = c.evaluate(0.5, 0.4, (-0.15, -0.05), 0.008, 0.05, p_adjusted=0.08, correction="holm", family=10)
    assert o.status == PASS and o.note == "within noise" and o.beyond == pytest.approx(-0.08)
    assert "p=0.008, Holm p=0.080" in o.message
    assert o.message.endswith("not significant at alpha 0.05 after the Holm correction over 10 tests")
    # significant after the correction too: fails
    o = c.evaluate(0.5, 0.4, (-0.15, -0.05), 0.001, 0.05, p_adjusted=0.01, correction="holm", family=10)
    assert o.status == FAIL and o.message.endswith("significant at alpha 0.05 after the Holm correction over 10 tests")
    # the adjusted p decides the other notes too
    o = c.evaluate(0.4, 0.5, (0.05, 0.15), 0.001, 0.05, p_adjusted=0.2, correction="holm", family=30)
    assert o.status == PASS and o.note is None
    # none: the raw p decides and the message is the uncorrected one
    o = c.evaluate(0.5, 0.4, (-0.15, -0.05), 0.008, 0.05, p_adjusted=0.08, correction="none", family=10)
    assert o.status == FAIL and o.message == c.evaluate(0.5, 0.4, (-0.15, -0.05), 0.008, 0.05).message
    # a correction without an adjusted p is a programming error, not a silent pass
    with pytest.raises(ValueError, match="needs the adjusted p-value"):
        c.evaluate(0.5, 0.4, None, 0.008, 0.05, correction="holm")
    with pytest.raises(GateSpecError, match="--correction"):
        c.evaluate(0.5, 0.4, None, 0.008, 0.05, p_adjusted=0.008, correction="sidak")


def test_untested_check_is_untested_whatever_the_correction():
    c = parse_fail("f1:-0.02")
    o = c.evaluate(1.0, 0.0, None, None, 0.05, "only 2 documents", p_adjusted=None, correction="holm", family=10)
    assert o.status == UNTESTED and o.note == "drop untested" and "p n/a" in o.message and "Holm" not in o.message


# --------------------------------------------------------------------------- the speed check


def test_quartiles_interpolate():
    assert quartiles([3, 1, 2, 5, 4]) == (2.0, 3.0, 4.0)
    assert quartiles([1.0]) == (1.0, 1.0, 1.0)
    assert quartiles([1, 2, 3, 4]) == (1.75, 2.5, 3.25)


def test_speed_fails_beyond_threshold_and_outside_both_spreads():
    c = parse_fail("speed:-20%")
    base = [1.0, 1.01, 0.99, 1.0, 1.02]
    slow = [1.5, 1.52, 1.49, 1.5, 1.51]
    o = c.evaluate(base, slow)
    assert o.status == FAIL
    assert o.beyond == pytest.approx((1.0 / 1.5 - 1) + 0.2)
    assert "speed -33.3%" in o.message and "outside both interquartile ranges" in o.message


def test_speed_drop_within_the_spread_passes():
    c = parse_fail("speed:-20%")
    base = [1.0, 1.0, 1.0, 1.0, 1.0]
    overlap = [0.9, 0.95, 1.5, 1.6, 1.7]  # median 1.5 but the first quartile 0.95 is inside BASE's spread
    o = c.evaluate(base, overlap)
    assert o.status == PASS and o.note == "within noise"


def test_small_slowdown_outside_the_spread_passes():
    c = parse_fail("speed:-20%")
    o = c.evaluate([1.0] * 5, [1.1] * 5)
    assert o.status == PASS and o.beyond is None


def test_ungated_speed_never_fails():
    o = evaluate_speed([1.0] * 5, [3.0] * 5, None, gated=False)
    assert o.status == PASS and o.note == "slower, outside the spread" and "not gated" in o.message
    o = evaluate_speed([1.0] * 5, [3.0] * 5, -0.2, gated=False)
    assert o.status == PASS and o.note == "slower"
    o = evaluate_speed([2.0] * 5, [1.0] * 5, -0.2, gated=True)
    assert o.status == PASS and o.note == "faster"


# --------------------------------------------------------------------------- formatting


def test_formatting():
    assert format_p(0.0021) == "p=0.002" and format_p(0.0004) == "p<0.001" and format_p(None) == "p n/a"
    assert format_interval((-0.1234, -0.0456)) == "[-0.12, -0.05]"
    assert format_interval((-0.001, 0.001)) == "[0.00, 0.00]"
    assert format_interval(None) == "[n/a]"
