"""``bench extract``: run one extractor over documents and write its predictions as JSONL.

Input is a corpus split name, a folder of ``.txt`` files, one ``.txt`` file, or a JSONL file
of ``{"id", "text", "date"}`` rows (see ``bench.corpus.read_documents``); any English news
text works. The output file is written atomically: an interrupted run leaves no half file.

A trainable extractor is fitted first: on ``--train SOURCE`` when given (a split such as
``dev``, or a training JSONL file), else on its default training data. Evaluation splits
(``test``, ``seed``) are refused as training data.
"""

from __future__ import annotations

import argparse
import sys
import time

HELP = "run an extractor over documents, write predictions"
EXAMPLE = "bench extract --extractor trigger.v1 --input seeds --output pred/trigger.jsonl"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--extractor", required=True, metavar="NAME", help="a registered name such as trigger.v1 (see `bench extractors`)")
    parser.add_argument(
        "--param", action="append", default=[], metavar="KEY=VALUE",
        help="an extractor parameter, repeatable; values are read as int, float, bool, null or JSON when they parse as such",
    )
    parser.add_argument("--input", required=True, metavar="PATH", help="a split name, a folder of .txt files, a .txt file, or a JSONL file of {id, text, date}")
    parser.add_argument("--output", required=True, metavar="PRED.jsonl", help="prediction JSONL to write")
    parser.add_argument(
        "--train", metavar="SOURCE", default=None,
        help="fit a trainable extractor on this first: 'default' (dev + challenge training templates, what `bench run` uses; also the default when --train is not given), 'bundled' (the small hand-written set), a split name, or a training JSONL file; never a test split",
    )


def run(args: argparse.Namespace) -> int:
    from ..corpus import iter_words, read_documents
    from ..errors import BenchError
    from ..jsonio import dump_predictions, write_atomic
    from ..registry import get_extractor, parse_params

    params = parse_params(args.param)
    extractor = get_extractor(args.extractor, **params)
    docs = read_documents(args.input)
    started = time.perf_counter()
    fit_seconds = 0.0
    if args.train is not None:
        if not callable(getattr(extractor, "fit", None)):
            raise BenchError(f"{extractor.name} is not trainable; drop --train")
        from ..training import training_examples

        examples = training_examples(args.train)
        overlap = {d.id for d in docs} & {ex.document.id for ex in examples}
        if overlap:
            print(f"bench extract: note: {len(overlap)} input document(s) are also training documents; results on them are optimistic", file=sys.stderr)
        extractor.fit(examples)
        fit_seconds = time.perf_counter() - started
    preds = list(extractor.extract(docs))
    seconds = time.perf_counter() - started
    write_atomic(args.output, dump_predictions(preds))
    words = iter_words(docs)
    rate = f", {words / seconds:,.0f} words/s" if seconds > 0 else ""
    fit = f" (fit {fit_seconds:.2f} s)" if args.train is not None else ""
    print(f"{extractor.name}: {len(docs)} documents, {len(preds)} relations, {seconds:.2f} s{fit}{rate} -> {args.output}")
    return 0
