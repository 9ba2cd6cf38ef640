"""``bench challenge``: run an extractor over the challenge suite and print the pass rate per
capability; optionally write the result as JSON, or write the suite's cases as JSONL.

The suite is generated from its seed on every run (byte-identical for the same seed); see
``bench/challenge/`` for the templates and what passing a case means.
"""

from __future__ import annotations

import argparse
import json
import sys

HELP = "run the challenge suite, pass rate per capability"
EXAMPLE = "bench challenge --extractor cooccurrence.v1 --output results/challenge.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--extractor", metavar="NAME", help="a registered name such as trigger.v1 (see `bench extractors`)")
    parser.add_argument(
        "--param", action="append", default=[], metavar="KEY=VALUE",
        help="an extractor parameter, repeatable; values are read as int, float, bool, null or JSON when they parse as such",
    )
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="generation seed (default 0)")
    parser.add_argument("--side", choices=("test", "train"), default="test", help="which templates to run (default test)")
    parser.add_argument("--output", metavar="RESULTS.json", help="write the result (rates and every failed case) as JSON")
    parser.add_argument(
        "--dump", metavar="DIR",
        help="write the cases of --side as DIR/challenge-<side>-seed<S>.jsonl (with --extractor, also run it)",
    )
    parser.add_argument(
        "--train", metavar="SOURCE",
        help="fit a trainable extractor on this first: 'default' (dev + challenge training templates, what `bench run` uses), 'bundled' (the small hand-written set), a split name, or a training JSONL file",
    )
    parser.add_argument("--failures", type=int, default=0, metavar="N", help="print up to N failed cases per capability")


def run(args: argparse.Namespace) -> int:
    from ..challenge import dump_cases, run_challenge
    from ..errors import BenchError

    if args.extractor is None and args.dump is None:
        raise BenchError("give --extractor NAME to run the suite, or --dump DIR to write its cases")
    if args.failures < 0:
        raise BenchError(f"--failures must be 0 or more; got {args.failures}")
    if args.dump is not None:
        for path in dump_cases(args.dump, args.seed, [args.side]):
            print(f"wrote {path}")
    if args.extractor is None:
        return 0

    from .. import __version__
    from ..jsonio import write_atomic
    from ..registry import get_extractor, parse_params

    extractor = get_extractor(args.extractor, **parse_params(args.param))
    if args.train is not None:
        if not callable(getattr(extractor, "fit", None)):
            raise BenchError(f"{extractor.name} is not trainable; drop --train")
        from ..training import training_examples

        extractor.fit(training_examples(args.train))
    result = run_challenge(extractor, seed=args.seed, side=args.side)
    params = json.dumps(result.params, sort_keys=True) if result.params else "default parameters"
    print(
        f"challenge suite {result.suite_version} (seed {result.seed}, {result.side} side, "
        f"{result.overall.cases} cases, hash {result.suite_hash}); {result.extractor}, {params}"
    )
    print(result.table())
    print(
        "pass: predicted positive pairs equal the required ones (no NEG/OTHER hit); "
        "invariance: predictions follow the change. strict: also realis and mode."
    )
    if result.stray_predictions:
        print(f"note: {result.stray_predictions} predictions named documents outside the suite and were ignored", file=sys.stderr)
    if args.failures:
        shown: dict[str, int] = {}
        for o in result.failures:
            if shown.get(o.capability, 0) >= args.failures:
                continue
            shown[o.capability] = shown.get(o.capability, 0) + 1
            print(f"\nFAIL {o.case_id} [{o.template}] {o.reason}")
            for text in o.texts:
                print(f"  | {text}")
    if args.output:
        data = {"bench_version": __version__, **result.to_dict()}
        write_atomic(args.output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        print(f"wrote {args.output}")
    return 0
