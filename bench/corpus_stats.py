"""Counts of the corpus and of the phenomena its gold exercises, per split, computed from the files.

The table in ``seeds/README.md`` (between ``<!-- counts:start -->`` and ``<!-- counts:end -->``)
is written by this module, never typed, so it always matches the manifest, the documents and the
gold; ``tests/test_corpus_stats.py`` fails when it does not. Every count has a rule that a reader
can apply by hand (``COUNTS`` below, printed under the table):

- most counts come from the gold (``annotations/<id>.json``): relations by type, polarity, realis,
  mode, trigger and event id, mentions, out-of-scope regions;
- "reported speech" looks for an attribution cue in the sentence of each relation's trigger;
- "distractor documents" come from the manifest's ``phenomena`` tags, because a sentence in which
  named people co-occur *without* a relation leaves no trace in the gold.

Run ``python -m bench.corpus_stats`` to print the table, ``--write seeds/README.md`` to update the
README, ``--check seeds/README.md`` to fail (exit 1) when the README is out of date.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .corpus import iter_words, load_corpus
from .errors import BenchError, InputError, Problem
from .jsonio import write_atomic
from .model import Annotation, Document, Mode, Polarity, Realis, RelationType
from .text import normalize, sentence_of, sentence_spans

START_MARKER = "<!-- counts:start -->"
END_MARKER = "<!-- counts:end -->"

# The smallest counts the constructed corpus (dev and test together) was built to reach; the table
# prints them next to the actual counts so a shortfall is visible.
MINIMUMS = {
    "documents": 40, "relations": 200, "traps": 25, "phone_video": 15, "hosting": 15,
    "coreferent": 10, "planned": 10, "multi_party": 5, "reported_speech": 10,
}

HOSTING_TRIGGERS = frozenset({
    "host", "hosts", "hosted", "hosting", "played host",
    "receive", "receives", "received", "receiving",
    "welcomes", "welcomed", "welcoming",
})
# Bare "welcome" is left out: in "would be welcome at any time in Caracas" it is an adjective
# (an open invitation), not a reception.
DETERMINERS = ("the", "her", "his", "its", "their")
_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:" + "|".join(DETERMINERS) + r")\s+$", re.IGNORECASE)
ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|reported|announced|statement|readout|denied|declined to say)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """One document with its gold and its manifest tags: what every count is computed from."""

    doc: Document
    gold: Annotation
    tags: frozenset[str]


@dataclass(frozen=True, slots=True)
class Count:
    """A named count: its table label, the sentence that says how it is computed, and the
    function that computes it for one document (counts add up over documents)."""

    key: str
    label: str
    rule: str
    of: Callable[[DocumentFacts], int]


def _relations(f: DocumentFacts, rtype: RelationType | None = None):
    return [r for r in f.gold.relations if rtype is None or r.type is rtype]


def _sentences(f: DocumentFacts) -> int:
    return len(sentence_spans(f.doc.text, f.doc.body_start))


def _is_hosting(r) -> bool:
    t = r.evidence.trigger
    return t is not None and t.text.lower() in HOSTING_TRIGGERS


def _coreferent(f: DocumentFacts) -> int:
    n = 0
    for e in f.gold.entities:
        name = normalize(e.name)
        for m in e.mentions:
            before = f.doc.text[max(0, m.start - 8) : m.start]
            if _DETERMINER_BEFORE.search(before) and normalize(m.text) != name:
                n += 1
    return n


def _multi_party(f: DocumentFacts) -> int:
    """Events stored as the pairs of a meeting of three or more (GUIDELINES 6.2): at least three
    participants and at least three POS met pairs (a delegation and its leader received by one
    host are two pairs, not a three-party meeting)."""
    parties: dict[str, set[str]] = {}
    pairs: dict[str, set[frozenset[str]]] = {}
    for r in f.gold.relations:
        if r.type is RelationType.MET and r.polarity is Polarity.POS and r.event:
            parties.setdefault(r.event, set()).update((r.head, r.tail))
            pairs.setdefault(r.event, set()).add(frozenset((r.head, r.tail)))
    return sum(1 for e, members in parties.items() if len(members) >= 3 and len(pairs[e]) >= 3)


def _reported(f: DocumentFacts) -> int:
    spans = sentence_spans(f.doc.text, f.doc.body_start)
    n = 0
    for r in f.gold.relations:
        t = r.evidence.trigger
        s = sentence_of(spans, t.start) if t is not None else None
        if s is not None and ATTRIBUTION.search(f.doc.text[s.start : s.end]):
            n += 1
    return n


COUNTS: tuple[Count, ...] = (
    Count("documents", "documents", "files listed in the manifest for the split.", lambda f: 1),
    Count("sentences", "sentences", "sentences of the prose as `bench.text.sentence_spans` splits it (after the date prefix).", _sentences),
    Count("words", "words", "whitespace-separated words of the prose (`bench.corpus.iter_words`).", lambda f: iter_words([f.doc])),
    Count("entities", "entity clusters", "entity clusters in the gold.", lambda f: len(f.gold.entities)),
    Count("mentions", "mentions", "mention spans of all clusters.", lambda f: sum(len(e.mentions) for e in f.gold.entities)),
    Count("relations", "gold relations", "all gold relations, every polarity and realis.", lambda f: len(f.gold.relations)),
    Count("visited", "visited", "gold relations of type visited.", lambda f: len(_relations(f, RelationType.VISITED))),
    Count("met", "met", "gold relations of type met.", lambda f: len(_relations(f, RelationType.MET))),
    Count("discussed", "discussed", "gold relations of type discussed.", lambda f: len(_relations(f, RelationType.DISCUSSED))),
    Count(
        "required", "required positives",
        "relations a system must find: polarity POS and realis ACTUAL or PLANNED.",
        lambda f: sum(1 for r in f.gold.relations if r.polarity is Polarity.POS and r.realis in (Realis.ACTUAL, Realis.PLANNED)),
    ),
    Count(
        "traps", "traps (NEG relations)",
        "relations with polarity NEG (cancelled, denied, declined, refused, negated); predicting one is a trap hit.",
        lambda f: sum(1 for r in f.gold.relations if r.polarity is Polarity.NEG),
    ),
    Count(
        "phone_video", "phone or video contacts",
        "discussed relations with mode phone or video.",
        lambda f: sum(1 for r in _relations(f, RelationType.DISCUSSED) if r.mode in (Mode.PHONE, Mode.VIDEO)),
    ),
    Count(
        "hosting", "hosting relations",
        "relations whose trigger is a form of host, receive or welcome (" + ", ".join(f'"{t}"' for t in sorted(HOSTING_TRIGGERS)) + ").",
        lambda f: sum(1 for r in f.gold.relations if _is_hosting(r)),
    ),
    Count(
        "coreferent", "coreferent mentions",
        "mentions preceded by \"the\", \"her\", \"his\", \"its\" or \"their\" whose text is not the cluster's canonical name "
        "(\"the minister\", \"her counterpart\", \"the Qatari capital\", \"his Tunisian guest\").",
        _coreferent,
    ),
    Count(
        "planned", "planned relations",
        "relations with polarity POS and realis PLANNED.",
        lambda f: sum(1 for r in f.gold.relations if r.polarity is Polarity.POS and r.realis is Realis.PLANNED),
    ),
    Count(
        "multi_party", "multi-party meetings",
        "event ids whose POS met relations join at least three participants in at least three pairs "
        "(a meeting of three or more, stored as its pairs).",
        _multi_party,
    ),
    Count(
        "reported_speech", "reported-speech relations",
        "relations whose trigger sentence has an attribution cue (said, says, told, according to, reported, "
        "announced, statement, readout, denied, declined to say).",
        _reported,
    ),
    Count(
        "distractor_docs", "documents with distractors",
        "documents the manifest tags `distractor`: named people co-occur in a sentence that states no relation between them.",
        lambda f: int("distractor" in f.tags),
    ),
    Count(
        "boilerplate", "boilerplate regions",
        "out-of-scope regions in the gold (\"Read more\" lists, advertisements, follow-us lines).",
        lambda f: len(f.gold.out_of_scope),
    ),
)


def _manifest_tags(root: Path) -> dict[str, frozenset[str]]:
    path = root / "seeds" / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    tags: dict[str, frozenset[str]] = {}
    for i, d in enumerate(data.get("documents", [])):
        phen = d.get("phenomena", [])
        if not isinstance(phen, list) or not all(isinstance(p, str) for p in phen):
            raise InputError(Problem(str(path), f"/documents/{i}/phenomena", "expected a list of strings"))
        tags[d["id"]] = frozenset(phen)
    return tags


def collect(root: str | Path | None = None) -> dict[str, list[DocumentFacts]]:
    """Every manifest document with its gold and tags, by split (manifest order)."""
    corpus = load_corpus(root)
    tags = _manifest_tags(corpus.root)
    out: dict[str, list[DocumentFacts]] = {}
    for doc_id in corpus.ids():
        path = corpus.annotation_path(doc_id)
        if not path.exists():
            raise InputError(Problem(str(path), "", f"document {doc_id!r} has no gold file; every counted document needs one"))
        doc = corpus.document(doc_id)
        out.setdefault(doc.split or "", []).append(DocumentFacts(doc, corpus.annotation(doc_id), tags.get(doc_id, frozenset())))
    return out


def split_order(splits: Sequence[str]) -> list[str]:
    """seed, dev, test first (the corpus's own order), any other split after them."""
    known = [s for s in ("seed", "dev", "test") if s in splits]
    return known + sorted(s for s in splits if s not in known)


def count(facts: Sequence[DocumentFacts]) -> dict[str, int]:
    """Every count of ``COUNTS`` summed over ``facts``."""
    return {c.key: sum(c.of(f) for f in facts) for c in COUNTS}


def table(by_split: dict[str, list[DocumentFacts]]) -> dict[str, dict[str, int]]:
    """Counts per split, plus ``constructed`` (dev and test) and ``all``."""
    splits = split_order(list(by_split))
    out = {s: count(by_split[s]) for s in splits}
    constructed = [f for s in splits for f in by_split[s] if f.doc.provenance.value == "constructed"]
    out["constructed"] = count(constructed)
    out["all"] = count([f for s in splits for f in by_split[s]])
    return out


def format_markdown(counts: dict[str, dict[str, int]]) -> str:
    """The README block: the table, then one line per count saying how it is computed."""
    cols = list(counts)
    lines = [
        "| count | " + " | ".join(cols) + " | minimum for constructed |",
        "|---|" + "|".join("---:" for _ in cols) + "|---:|",
    ]
    for c in COUNTS:
        minimum = str(MINIMUMS[c.key]) if c.key in MINIMUMS else ""
        lines.append(f"| {c.label} | " + " | ".join(str(counts[s][c.key]) for s in cols) + f" | {minimum} |")
    lines += [
        "",
        "`constructed` is dev and test together (the documents written for the benchmark); `all` adds the seed. "
        "The last column is the smallest count the constructed corpus was built to reach.",
        "",
        "How each count is computed:",
        "",
    ]
    lines += [f"- **{c.label}**: {c.rule}" for c in COUNTS]
    return "\n".join(lines)


def replace_block(text: str, block: str, file: str = "<readme>") -> str:
    """``text`` with everything between the two markers replaced by ``block``."""
    start, end = text.find(START_MARKER), text.find(END_MARKER)
    if start < 0 or end < 0 or end < start:
        raise InputError(Problem(file, "", f"expected the markers {START_MARKER} and {END_MARKER}, in that order"))
    return text[: start + len(START_MARKER)] + "\n" + block + "\n" + text[end:]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus_stats", description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help="project root holding seeds/ and annotations/ (default: this checkout)")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--write", type=Path, metavar="README", help="replace the block between the count markers of README")
    group.add_argument("--check", type=Path, metavar="README", help="exit 1 if README's count block differs from the files")
    args = ap.parse_args(argv)
    try:
        block = format_markdown(table(collect(args.root)))
        target = args.write or args.check
        if target is None:
            print(block)
            return 0
        try:
            current = target.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(Problem(str(target), "", f"cannot read: {exc.strerror}")) from None
        updated = replace_block(current, block, str(target))
    except BenchError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.check:
        if updated != current:
            print(f"{target}: the count table is out of date; run python -m bench.corpus_stats --write {target}", file=sys.stderr)
            return 1
        print(f"{target}: counts match the files")
        return 0
    write_atomic(target, updated)
    print(f"wrote the count table into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
