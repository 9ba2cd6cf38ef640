"""JUnit XML of a comparison, for the test-report views of CI systems.

One ``<testsuite>`` per extractor, holding one ``<testcase>`` per split x tier (name
``"dev pair F1"``): a regression is a ``<failure>`` whose message carries the figures (F1
difference, interval, raw and multiplicity-adjusted p-value, see ``bench.gates.holm``) and the
rule that failed; a comparison without a test (too few
documents) or without both sides (an extractor skipped) is ``<skipped>`` with the reason; a
pass carries its figures in ``<system-out>``. With a speed gate, a ``speed`` suite holds one
test case per extractor. An input that cannot be compared gives one test case with an
``<error>``. No times, dates or paths are written, so the output of a comparison is stable.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

from .gates import FAIL, UNTESTED

NOT_COMPARED = "not_compared"


def _case(suite: ET.Element, classname: str, name: str, status: str, message: str, kind: str) -> None:
    case = ET.SubElement(suite, "testcase", {"classname": classname, "name": name})
    if status == FAIL:
        ET.SubElement(case, "failure", {"message": message, "type": kind}).text = message
    elif status in (UNTESTED, NOT_COMPARED):
        ET.SubElement(case, "skipped", {"message": message})
    else:
        ET.SubElement(case, "system-out").text = message


def _suite(parent: ET.Element, name: str, cases: Sequence[tuple[str, str, str, str]], kind: str) -> tuple[int, int, int]:
    failures = sum(1 for c in cases if c[2] == FAIL)
    skipped = sum(1 for c in cases if c[2] in (UNTESTED, NOT_COMPARED))
    suite = ET.SubElement(parent, "testsuite", {
        "name": name, "tests": str(len(cases)), "failures": str(failures), "errors": "0", "skipped": str(skipped),
    })
    for classname, case_name, status, message in cases:
        _case(suite, classname, case_name, status, message, kind)
    return len(cases), failures, skipped


def _document(suites: list[tuple[str, list[tuple[str, str, str, str]], str]]) -> str:
    root = ET.Element("testsuites", {"name": "bench compare"})
    totals = [0, 0, 0]
    for name, cases, kind in suites:
        for i, n in enumerate(_suite(root, name, cases, kind)):
            totals[i] += n
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", "0")
    root.set("skipped", str(totals[2]))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render_junit(doc: Mapping[str, Any]) -> str:
    """JUnit XML of a comparison document of ``bench.compare.compare_runs``."""
    suites: list[tuple[str, list[tuple[str, str, str, str]], str]] = []
    for label in doc["extractors"]:
        cases = [
            (label, f"{q['split']} {q['tier']} F1", q["status"], q["message"])
            for q in doc["quality"] if q["extractor"] == label
        ]
        if cases:
            suites.append((label, cases, "regression"))
    speed = doc["speed"]
    if speed["gated"] and speed["available"]:
        cases = [
            (s["extractor"], "speed", s["status"], s["message"]) for s in speed["extractors"]
        ]
        if cases:
            suites.append(("speed", cases, "speed regression"))
    return _document(suites)


def render_junit_error(message: str) -> str:
    """JUnit XML for a comparison that could not be made: one test case with an error."""
    root = ET.Element("testsuites", {"name": "bench compare", "tests": "1", "failures": "0", "errors": "1", "skipped": "0"})
    suite = ET.SubElement(root, "testsuite", {"name": "bench compare", "tests": "1", "failures": "0", "errors": "1", "skipped": "0"})
    case = ET.SubElement(suite, "testcase", {"classname": "bench compare", "name": "inputs are comparable"})
    ET.SubElement(case, "error", {"message": message.splitlines()[0] if message else "", "type": "not comparable"}).text = message
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

