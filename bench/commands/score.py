"""``bench score``: score prediction files against the gold.

One table per tier (pair, strict, lenient, topic, evidence), systems as rows, 95% bootstrap
intervals in the cells, the pairwise comparisons (F1 difference, its interval, the
approximate-randomisation p-value) under each table. ``--format json`` writes the versioned
report described in docs/scoring.md.

Which documents are scored: ``--split NAME`` (or ``all``) scores every annotated document of
that split. Without ``--split`` the split is inferred from the predictions: every split that
holds at least one predicted document is scored in full (so a system that skips a document
still pays for its gold), and the report says which. Documents in the scored split(s)
without any prediction count as predicted-empty. Documents without a gold file are not
scored and are listed in the report.

Prediction lines that cannot be read are reported as warnings with their file and line and
recorded under ``input_problems``; ``--strict`` makes them fatal.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import sys
from collections import Counter
from pathlib import Path

HELP = "score prediction files against the gold"
EXAMPLE = "bench score --pred pred/trigger.jsonl --pred pred/cooccurrence.jsonl --split test"

MAX_WARNINGS = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..score_report import FORMATS
    from ..stats import DEFAULT_MIN_DOCS, DEFAULT_RESAMPLES, DEFAULT_ROUNDS, DEFAULT_SEED

    parser.add_argument("--pred", action="append", required=True, metavar="PRED.jsonl", help="prediction JSONL file; repeat to compare systems")
    parser.add_argument("--name", action="append", default=[], metavar="NAME", help="system name for the matching --pred (default: the file stem)")
    parser.add_argument("--split", default=None, metavar="SPLIT", help="split to score, or 'all' (default: every split the predictions touch)")
    parser.add_argument("--docs", default=None, metavar="PATTERNS",
                        help="score only the split's documents whose ids match these comma-separated glob patterns (e.g. 'n*' or 'c021,c022'); the report says so")
    parser.add_argument("--root", type=Path, default=None, help="project root holding seeds/ and annotations/ (default: this checkout)")
    parser.add_argument("--gold", type=Path, default=None, metavar="DIR", help="directory of gold files <doc_id>.json (default: ROOT/annotations)")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("--output", "-o", type=Path, default=None, metavar="FILE", help="write the report here instead of stdout")
    parser.add_argument("--bootstrap", type=int, default=DEFAULT_RESAMPLES, metavar="N", help=f"bootstrap resamples (default {DEFAULT_RESAMPLES}; 0 disables intervals)")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, metavar="R", help=f"approximate-randomisation rounds (default {DEFAULT_ROUNDS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S", help=f"seed of the resampling (default {DEFAULT_SEED})")
    parser.add_argument("--min-docs", type=int, default=DEFAULT_MIN_DOCS, metavar="N", help=f"fewest documents for an interval or p-value (default {DEFAULT_MIN_DOCS})")
    parser.add_argument("--zero-division", type=float, default=0.0, metavar="X", help="value of a 0/0 precision, recall or F1 (default 0.0)")
    parser.add_argument("--strict", action="store_true", help="fail on any invalid prediction line instead of warning")
    parser.add_argument("--errors", action="store_true", help="list every false positive and false negative with its class and sentence")


def _names(args) -> list[str]:
    from ..errors import InputError

    if args.name and len(args.name) != len(args.pred):
        raise InputError(f"give one --name per --pred ({len(args.pred)} prediction files, {len(args.name)} names)")
    names = list(args.name) or [Path(p).stem for p in args.pred]
    dupes = sorted(n for n, c in Counter(names).items() if c > 1)
    if dupes:
        raise InputError(f"system names must be unique; {', '.join(dupes)} repeats (use --name)")
    return names


def _gold_hash(doc_ids, docs, gold_dir: Path) -> str:
    h = hashlib.sha256()
    for d in sorted(doc_ids):
        h.update(d.encode())
        h.update((docs[d].sha256 or "").encode())
        h.update((gold_dir / f"{d}.json").read_bytes())
    return h.hexdigest()[:16]


def run(args: argparse.Namespace) -> int:
    from ..corpus import load_corpus
    from ..errors import BenchError, InputError, Problem
    from ..jsonio import load_annotation, write_atomic
    from ..predictions import read_predictions
    from ..score_report import problem_to_dict, render, score_to_json
    from ..scoring import Scorer, ScoringConfig
    from ..stats import BootstrapConfig

    names = _names(args)
    config = ScoringConfig(zero_division=args.zero_division)
    boot = BootstrapConfig(args.bootstrap, args.seed, args.min_docs, args.rounds)
    corpus = load_corpus(args.root)
    gold_dir = args.gold if args.gold is not None else corpus.root / "annotations"
    try:
        gold_is_dir = gold_dir.is_dir()
    except OSError as exc:  # a name the file system refuses (too long, ...)
        raise InputError(Problem(str(gold_dir), "", f"cannot read: {exc.strerror}")) from None
    if not gold_is_dir:
        raise InputError(Problem(str(gold_dir), "", "gold directory not found"))
    all_docs = {d.id: d for d in corpus.documents("all")}

    systems = []
    problems: list[dict] = []
    for name, path in zip(names, args.pred, strict=True):
        preds, probs = read_predictions(path, all_docs, strict=args.strict)
        problems += [problem_to_dict(p, name) for p in probs]
        systems.append((name, preds))

    notes: list[str] = []
    split = args.split
    inferred = False
    if split is None:
        touched = sorted({corpus.entry(p.doc_id).split for _, preds in systems for p in preds})
        inferred = True
        if not touched:
            split_ids = corpus.ids("all")
            split = "all"
            notes.append("no predictions at all; scored every annotated document")
        else:
            split_ids = [i for s in touched for i in corpus.ids(s)]
            split = "+".join(touched)
            notes.append(f"split inferred from the predicted documents: {split} (use --split to choose)")
    else:
        split_ids = corpus.ids(split)
    if args.docs:
        patterns = [x.strip() for x in args.docs.split(",") if x.strip()]
        chosen = [i for i in split_ids if any(fnmatch.fnmatchcase(i, pat) for pat in patterns)]
        if not chosen:
            raise BenchError(f"--docs {args.docs!r} matches no document of split {split!r}")
        notes.append(f"documents restricted by --docs {args.docs}: {len(chosen)} of the split's {len(split_ids)}")
        split_ids = chosen
    annotated = [i for i in split_ids if (gold_dir / f"{i}.json").is_file()]
    unannotated = sorted(set(split_ids) - set(annotated))
    if unannotated:
        notes.append(f"{len(unannotated)} document(s) of the split have no gold file and were not scored")
    if not annotated:
        raise InputError(Problem(str(gold_dir), "", f"no gold files for the documents of split {split!r}; nothing to score"))
    gold = {i: load_annotation(gold_dir / f"{i}.json") for i in annotated}
    docs = {i: all_docs[i] for i in annotated}
    scorer = Scorer(docs, gold, config)
    scores = []
    for name, preds in systems:
        score = scorer.score(preds, name)
        outside = score.alignment["outside_documents"] if score.alignment else 0
        if outside:
            notes.append(f"{name}: {outside} prediction(s) for documents outside the scored set were not scored")
        scores.append(score)

    provenance = Counter(docs[i].provenance.value for i in annotated)
    corpus_block = {
        "split": split,
        "split_inferred": inferred,
        "documents": sorted(annotated),
        "provenance": dict(sorted(provenance.items())),
        "unannotated": unannotated,
        "hash": _gold_hash(annotated, docs, gold_dir),
        "root": str(corpus.root),
    }
    report = score_to_json(scores, boot, corpus_block, problems, errors=args.errors, notes=notes)

    if problems:
        for p in problems[:MAX_WARNINGS]:
            line = f"line {p['line']}: " if p.get("line") else ""
            print(f"bench score: warning: {p['file']}: {line}{p['message']}", file=sys.stderr)
        if len(problems) > MAX_WARNINGS:
            print(f"bench score: warning: ... and {len(problems) - MAX_WARNINGS} more (all listed under input_problems in --format json)", file=sys.stderr)
    text = render(report, args.format, errors=args.errors)
    if args.output is not None:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
