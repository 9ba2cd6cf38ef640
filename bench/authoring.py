"""Authoring gold: turn a readable annotation draft into a gold file with exact offsets.

Annotators write mentions as text, not offsets; this module finds the offsets, so a gold file
never carries a hand-typed offset. A draft is JSON:

```
{"doc_id": "c001", "annotator": "a1",
 "out_of_scope": ["Advertisement", {"from": "Read more:"}],
 "entities": [
   {"id": "E1", "type": "PER", "name": "Sergei Lavrov", "aliases": ["Lavrov"],
    "mentions": ["Sergei Lavrov", "Lavrov", "the two ministers#1"]},
   {"id": "E2", "type": "GPE", "name": "China", "mentions": ["China"]}],
 "relations": [
   {"type": "visited", "head": "E1", "tail": "E2", "realis": "ACTUAL", "polarity": "POS",
    "trigger": "arrived#1", "time": "2023-10-16", "evidence": ["Lavrov arrived in China"],
    "topics": [{"label": "ukraine war", "text": "the war in Ukraine#2"}]}]}
```

A mention string selects occurrences in the document text (whole words, case-sensitive):

- ``"Lavrov"``: every occurrence outside out-of-scope regions that is not inside a longer
  mention string of the draft (so "Lavrov" inside "Sergei Lavrov" is not taken twice);
- ``"Lavrov#2"``: only the second occurrence in the whole text (1-based);
- ``"Lavrov@1430"``: the occurrence that starts at offset 1430.

A relation's ``trigger`` uses the same selectors and must select one occurrence; its evidence
sentence is the sentence around the trigger, plus the sentence around each ``evidence``
snippet. Relation ids are assigned in order (R1, R2, ...) unless given.

Run: ``python -m bench.authoring DRAFT.json [-o annotations/ID.json]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from .corpus import load_corpus
from .errors import BenchError, InputError, Problem
from .jsonio import annotation_from_dict, dump_annotation, write_atomic
from .model import Document, Span
from .text import sentence_of, sentence_spans

_SELECTOR = re.compile(r"^(?P<text>.*?)(?:#(?P<nth>\d+)|@(?P<at>\d+))?$", re.S)


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of whole-word, case-sensitive occurrences of ``needle`` in ``text``."""
    left = r"(?<!\w)" if needle[:1].isalnum() else ""
    right = r"(?!\w)" if needle[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(needle) + right, text)]


class _Resolver:
    def __init__(self, doc: Document, file: str, out_of_scope: list[Span]):
        self.doc = doc
        self.file = file
        self.oos = out_of_scope
        self.problems: list[Problem] = []

    def select(self, selector: str, where: str, all_strings: list[str] | None = None) -> list[Span]:
        if not isinstance(selector, str):
            self.problems.append(Problem(self.file, where, f"expected a selector string (\"text\", \"text#N\" or \"text@OFFSET\"); got {json.dumps(selector)[:60]}"))
            return []
        m = _SELECTOR.match(selector)
        needle = m.group("text")
        if not needle:
            self.problems.append(Problem(self.file, where, f"empty selector {selector!r}"))
            return []
        starts = occurrences(self.doc.text, needle)
        if m.group("nth"):
            n = int(m.group("nth"))
            if not 1 <= n <= len(starts):
                self.problems.append(Problem(self.file, where, f"{needle!r} occurs {len(starts)} times; #{n} does not exist"))
                return []
            starts = [starts[n - 1]]
        elif m.group("at"):
            at = int(m.group("at"))
            if at not in starts:
                self.problems.append(Problem(self.file, where, f"{needle!r} does not occur at offset {at}; it occurs at {starts}"))
                return []
            starts = [at]
        else:
            starts = [s for s in starts if not self._in_oos(Span(s, s + len(needle)))]
            if all_strings:
                longer = [
                    Span(o, o + len(other))
                    for other in all_strings
                    if len(other) > len(needle) and needle in other
                    for o in occurrences(self.doc.text, other)
                ]
                starts = [s for s in starts if not any(L.contains(Span(s, s + len(needle))) for L in longer)]
        if not starts:
            self.problems.append(Problem(self.file, where, f"{needle!r} not found in document {self.doc.id} (outside out-of-scope regions)"))
        return [Span(s, s + len(needle)) for s in starts]

    def _in_oos(self, span: Span) -> bool:
        return any(o.overlaps(span) for o in self.oos)


def _out_of_scope(doc: Document, items: list, file: str, problems: list[Problem]) -> list[Span]:
    spans = []
    for i, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("from"), str):
            starts = occurrences(doc.text, item["from"])
            if not starts:
                problems.append(Problem(file, f"/out_of_scope/{i}", f"{item['from']!r} not found"))
                continue
            spans.append(Span(starts[0], len(doc.text.rstrip()) if doc.text.strip() else len(doc.text)))
        elif isinstance(item, str):
            starts = occurrences(doc.text, item)
            if not starts:
                problems.append(Problem(file, f"/out_of_scope/{i}", f"{item!r} not found"))
            spans.extend(Span(s, s + len(item)) for s in starts)
        else:
            problems.append(Problem(file, f"/out_of_scope/{i}", 'expected a string or {"from": "..."}'))
    return sorted(set(spans), key=lambda s: (s.start, s.end))


def _shape_problems(draft: object, file: str) -> list[Problem]:
    """Containers of the wrong kind, found before any selector is resolved."""
    if not isinstance(draft, dict):
        return [Problem(file, "", "a draft is a JSON object")]
    out = []

    def objects(value: object, where: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            out.append(Problem(file, where, "expected a list"))
            return []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                out.append(Problem(file, f"{where}/{i}", "expected an object"))
        return [item for item in value if isinstance(item, dict)]

    if not isinstance(draft.get("out_of_scope", []), list):
        out.append(Problem(file, "/out_of_scope", "expected a list"))
    for i, e in enumerate(objects(draft.get("entities"), "/entities")):
        if not isinstance(e.get("mentions", []), list):
            out.append(Problem(file, f"/entities/{i}/mentions", "expected a list of selectors"))
    for i, r in enumerate(objects(draft.get("relations"), "/relations")):
        objects(r.get("topics"), f"/relations/{i}/topics")
        if not isinstance(r.get("evidence", []), list):
            out.append(Problem(file, f"/relations/{i}/evidence", "expected a list of selectors"))
    return out


def resolve_draft(draft: dict, doc: Document, file: str = "<draft>") -> dict:
    """The gold JSON (as a dict) for ``draft`` over ``doc``; ``InputError`` lists every
    selector that does not resolve."""
    problems = _shape_problems(draft, file)
    if problems:
        raise InputError(problems)
    oos = _out_of_scope(doc, draft.get("out_of_scope", []), file, problems)
    rs = _Resolver(doc, file, oos)
    all_strings = [
        _SELECTOR.match(s).group("text")
        for e in (draft.get("entities") or [])
        for s in e.get("mentions", [])
        if isinstance(s, str)
    ]
    entities = []
    for i, e in enumerate(draft.get("entities") or []):
        spans: list[Span] = []
        for j, sel in enumerate(e.get("mentions", [])):
            spans.extend(rs.select(sel, f"/entities/{i}/mentions/{j}", all_strings))
        spans = sorted(set(spans), key=lambda s: (s.start, s.end))
        out = {k: e[k] for k in ("id", "type", "name") if k in e}
        if e.get("aliases"):
            out["aliases"] = e["aliases"]
        if e.get("part_of"):
            out["part_of"] = e["part_of"]
        out["mentions"] = [{"start": s.start, "end": s.end, "text": doc.text[s.start : s.end]} for s in spans]
        entities.append(out)
    sentences = sentence_spans(doc.text, doc.body_start)
    relations = []
    for i, r in enumerate((draft.get("relations") or []), 1):
        w = f"/relations/{i - 1}"
        rel = {
            "id": r.get("id", f"R{i}"),
            "type": r.get("type"),
            "head": r.get("head"),
            "tail": r.get("tail"),
            "polarity": r.get("polarity", "POS"),
            "realis": r.get("realis", "ACTUAL"),
        }
        for key in ("mode", "time", "event"):
            if r.get(key) is not None:
                rel[key] = r[key]
        if r.get("topics"):
            topics = []
            for k, t in enumerate(r["topics"]):
                sels = t.get("text", [])
                sels = sels if isinstance(sels, list) else [sels]
                ms = []
                for sel in sels:
                    found = rs.select(sel, f"{w}/topics/{k}")
                    if len(found) > 1:
                        problems.append(Problem(file, f"{w}/topics/{k}", f"{sel!r} selects {len(found)} occurrences; add #N"))
                    ms.extend(found[:1])
                topics.append({"label": t.get("label"), "mentions": [{"start": s.start, "end": s.end, "text": doc.text[s.start : s.end]} for s in ms]})
            rel["topics"] = topics
        ev_sents: list[Span] = []
        evidence: dict = {}
        if r.get("trigger"):
            found = rs.select(r["trigger"], f"{w}/trigger")
            if len(found) > 1:
                problems.append(Problem(file, f"{w}/trigger", f"{r['trigger']!r} selects {len(found)} occurrences; add #N or @OFFSET"))
            if found:
                t = found[0]
                evidence["trigger"] = {"start": t.start, "end": t.end, "text": doc.text[t.start : t.end]}
                s = sentence_of(sentences, t.start)
                if s:
                    ev_sents.append(s)
        for k, sel in enumerate(r.get("evidence", [])):
            found = rs.select(sel, f"{w}/evidence/{k}")
            if len(found) > 1:
                problems.append(Problem(file, f"{w}/evidence/{k}", f"{sel!r} selects {len(found)} occurrences; add #N or @OFFSET"))
            for sp in found[:1]:
                s = sentence_of(sentences, sp.start)
                if s and s not in ev_sents:
                    ev_sents.append(s)
        evidence["sentences"] = [[s.start, s.end] for s in sorted(ev_sents, key=lambda s: s.start)]
        rel["evidence"] = evidence
        if r.get("note"):
            rel["note"] = r["note"]
        relations.append(rel)
    problems.extend(rs.problems)
    if problems:
        raise InputError(problems)
    out = {"schema_version": 1, "doc_id": doc.id}
    if draft.get("annotator"):
        out["annotator"] = draft["annotator"]
    out.update({"entities": entities, "relations": relations, "out_of_scope": [{"start": s.start, "end": s.end} for s in oos]})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.authoring", description=__doc__.split("\n\n")[0])
    ap.add_argument("draft", type=Path)
    ap.add_argument("-o", "--output", type=Path, help="gold file to write (default: print)")
    ap.add_argument("--root", type=Path, default=None, help="project root holding seeds/")
    args = ap.parse_args(argv)
    try:
        draft = json.loads(args.draft.read_text(encoding="utf-8"))
        if not isinstance(draft, dict) or not isinstance(draft.get("doc_id"), str):
            raise InputError(Problem(str(args.draft), "/doc_id", "a draft is a JSON object with a \"doc_id\" string"))
        doc = load_corpus(args.root).document(draft["doc_id"])
        gold = resolve_draft(draft, doc, str(args.draft))
        text = dump_annotation(annotation_from_dict(gold, str(args.draft)))
    except json.JSONDecodeError as exc:
        print(f"{args.draft}: line {exc.lineno}: invalid JSON: {exc.msg}", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{args.draft}: cannot read: {exc}", file=sys.stderr)
        return 2
    except BenchError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.output:
        write_atomic(args.output, text)
        n_m = sum(len(e["mentions"]) for e in gold["entities"])
        print(f"{args.output}: {len(gold['entities'])} entities, {n_m} mentions, {len(gold['relations'])} relations")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
