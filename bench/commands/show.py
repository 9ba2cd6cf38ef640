"""``bench show``: a document's gold, readably.

A header (id, date, provenance, split, counts), then one line per relation with its
arguments, realis, polarity, time, mode, event and topics, followed by the evidence sentence
with the trigger marked ``[[like this]]``; then the entity clusters with their mention counts.
``--all`` adds every evidence sentence, the annotator's notes, every mention with its offsets
and the out-of-scope regions. Without an id every document of the manifest is shown.
"""

from __future__ import annotations

import argparse
import textwrap
from collections import Counter
from pathlib import Path

from bench.model import Annotation, Document, Relation, RelationType, Span

HELP = "print a document's gold relations, readably"
EXAMPLE = "bench show 000_12a61b80a6d06b2b --all"

WIDTH = 100
INDENT = " " * 6


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("doc_id", nargs="?", metavar="DOC_ID", help="document id (default: every document)")
    parser.add_argument(
        "--all", action="store_true", dest="show_all",
        help="also every evidence sentence, notes, every mention with offsets, the out-of-scope regions",
    )
    parser.add_argument(
        "--root", type=Path, default=None,
        help="project root holding seeds/ and annotations/ (default: this checkout)",
    )


def _wrap(text: str, indent: str = INDENT) -> str:
    """``text`` with its whitespace collapsed, filled to WIDTH; continuation lines are
    indented as deep as the first line's prefix."""
    return textwrap.fill(
        " ".join(text.split()), width=WIDTH, initial_indent=indent,
        subsequent_indent=" " * len(indent), break_long_words=False, break_on_hyphens=False,
    )


def _wrap_items(items: list[str], indent: str = INDENT) -> str:
    """Comma-separated ``items`` filled to WIDTH, breaking only between items."""
    lines, line = [], indent
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "")
        if line.strip() and len(line) + 1 + len(piece) > WIDTH:
            lines.append(line)
            line = indent
        line += (" " if line.strip() else "") + piece
    lines.append(line)
    return "\n".join(lines)


def marked_sentence(text: str, sentence: Span, trigger: Span | None) -> str:
    """The sentence's text, the trigger inside it wrapped in ``[[ ]]``.

    >>> marked_sentence("Lavrov will visit Pyongyang.", Span(0, 28), Span(12, 17))
    'Lavrov will [[visit]] Pyongyang.'
    """
    s, e = sentence.start, sentence.end
    if trigger is None or not sentence.contains(trigger):
        return text[s:e]
    return f"{text[s:trigger.start]}[[{text[trigger.start:trigger.end]}]]{text[trigger.end:e]}"


def _name(ann: Annotation, entity_id: str) -> str:
    ent = ann.entities_by_id.get(entity_id)
    return ent.name if ent is not None else f"?{entity_id}"


def relation_line(ann: Annotation, r: Relation) -> str:
    """``R1  visited  Sergei Lavrov -> North Korea   PLANNED POS  time=...``"""
    arrow = "<->" if r.type.symmetric else "->"
    attrs = [f"{r.realis.value} {r.polarity.value}"]
    if r.mode is not None:
        attrs.append(f"mode={r.mode.value}")
    if r.time is not None:
        attrs.append(f"time={r.time}")
    if r.event is not None:
        attrs.append(f"event={r.event}")
    args = f"{_name(ann, r.head)} {arrow} {_name(ann, r.tail)}"
    return f"  {r.id}  {r.type.value}  {args}   " + "  ".join(attrs)


def _relation_block(doc: Document, ann: Annotation, r: Relation, show_all: bool) -> list[str]:
    lines = [relation_line(ann, r)]
    if r.topics:
        shown = []
        for t in r.topics:
            spans = "; ".join(f'"{m.text}"' for m in t.mentions)
            shown.append(f"{t.label} ({spans})" if spans else t.label)
        lines.append(_wrap("topics: " + ", ".join(shown)))
    trigger = r.evidence.trigger.span if r.evidence.trigger is not None else None
    sentences = sorted(r.evidence.sentences, key=lambda s: s.start)
    first = next((s for s in sentences if trigger is not None and s.contains(trigger)), None)
    if first is None and sentences:
        first = sentences[0]
    if first is not None:
        lines.append(_wrap(marked_sentence(doc.text, first, trigger)))
    elif trigger is not None:
        lines.append(_wrap(f"trigger: [[{r.evidence.trigger.text}]] (no evidence sentence)"))
    rest = [s for s in sentences if s != first]
    if rest and show_all:
        lines.extend(_wrap(doc.text[s.start : s.end], INDENT + "+ ") for s in rest)
    elif rest:
        lines.append(f"{INDENT}(+{len(rest)} more evidence sentence{'s' if len(rest) > 1 else ''}; --all shows them)")
    if r.note and show_all:
        lines.append(_wrap(f"note: {r.note}"))
    return lines


def _entity_block(ann: Annotation, show_all: bool) -> list[str]:
    """One line per cluster: id, type, mention count, name; then part_of and aliases, on the
    same line when they fit."""
    lines = []
    width = max((len(e.id) for e in ann.entities), default=0)
    for e in ann.entities:
        n = len(e.mentions)
        head = f"  {e.id.ljust(width)}  {e.type.value}  {n:>3} mention{' ' if n == 1 else 's'}  {e.name}"
        extras = []
        if e.part_of:
            extras.append(f"part of {_name(ann, e.part_of)} ({e.part_of})")
        if e.aliases:
            extras.append("aliases: " + "; ".join(e.aliases))
        line = "   ".join([head, *extras])
        if len(line) <= WIDTH or not extras:
            lines.append(line)
        else:
            lines.append(head)
            lines.extend(_wrap(x) for x in extras)
        if show_all:
            lines.append(_wrap_items([f'"{m.text}" [{m.start}, {m.end})' for m in e.mentions]))
    return lines


def header(doc: Document, ann: Annotation | None) -> list[str]:
    from bench.text import document_sentences

    date = doc.date.isoformat() if doc.date else "no date"
    lines = [f"{doc.id}  {date}  {doc.provenance.value}  split={doc.split or '-'}"]
    if doc.source:
        lines.append(_wrap(f"source: {doc.source}", ""))
    lines.append(f"{len(doc.text)} characters, {len(document_sentences(doc))} sentences")
    if ann is not None:
        by_type = Counter(r.type for r in ann.relations)
        per_type = ", ".join(f"{t.value} {by_type[t]}" for t in RelationType)
        positives = sum(r.is_gold_positive for r in ann.relations)
        mentions = sum(len(e.mentions) for e in ann.entities)
        lines.append(
            f"{len(ann.entities)} entities, {mentions} mentions; {len(ann.relations)} relations "
            f"({per_type}); {positives} required"
        )
    return lines


def format_document(doc: Document, ann: Annotation | None, show_all: bool = False) -> str:
    """The readable form of one document's gold (``ann`` None: no gold yet)."""
    lines = header(doc, ann)
    if ann is None:
        lines.append("no gold annotation yet")
        return "\n".join(lines) + "\n"
    lines += ["", "relations"]
    if not ann.relations:
        lines.append("  (none)")
    for r in ann.relations:
        lines.extend(_relation_block(doc, ann, r, show_all))
    lines += ["", "entities"]
    lines.extend(_entity_block(ann, show_all))
    if show_all:
        lines += ["", "out of scope"]
        lines.extend(_wrap(doc.text[s.start : s.end], f"  [{s.start}, {s.end})  ") for s in ann.out_of_scope)
        if not ann.out_of_scope:
            lines.append("  (none)")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    import difflib
    import sys

    from bench.corpus import load_corpus
    from bench.errors import BenchError, InputError, Problem

    corpus = load_corpus(args.root)
    ids = corpus.ids()
    if args.doc_id is not None and args.doc_id not in ids:
        close = difflib.get_close_matches(args.doc_id, ids, n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise InputError(
            Problem(str(corpus.manifest_path), "", f"unknown document {args.doc_id!r}.{hint} Known: {', '.join(ids)}")
        )
    status = 0
    for n, doc_id in enumerate([args.doc_id] if args.doc_id else ids):
        if n:
            print("\n" + "=" * WIDTH + "\n")
        try:
            doc = corpus.document(doc_id)
            path = corpus.annotation_path(doc_id)
            ann = corpus.annotation(doc_id) if path.exists() else None
        except BenchError as exc:
            if args.doc_id:
                raise
            print(f"{doc_id}: cannot be shown:\n{exc}", file=sys.stderr)
            status = 2
            continue
        sys.stdout.write(format_document(doc, ann, args.show_all))
    return status
