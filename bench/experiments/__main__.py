"""``python -m bench.experiments COMMAND``: the derived experiments and their results folders.

Commands (each writes ``--out DIR``: README.md with the table, CSV, JSON, a plot where one
helps, and origin.json with the command, commit, date and machine):

  tier-ablation SOURCE   SOURCE is an experiment config (run first with ``bench run``
                         machinery, speed and challenge off) or a run directory / scores.json
  learning-curve         a trainable extractor (classifier.v1) fitted on growing stratified
                         subsamples of its training pool, scored on the test split
  speed-scaling          extractors timed on synthetic corpora of growing size, a fresh
                         process per measurement, with a linear fit of time on size
  generalisation         two versions of an extractor (prediction files) on the same
                         held-out documents, grouped, paired: F1 before/after and the difference

Exit status: 0 done, 2 unusable input (the message says what and where).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import BenchError

PROG = "python -m bench.experiments"


def _floats(text: str) -> list[float]:
    try:
        values = [float(x.rstrip("%")) / (100 if x.endswith("%") else 1) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated fractions like 0.1,0.25,1 or 10%,100%; got {text!r}") from None
    if not values or any(not 0 < v <= 1 for v in values):
        raise argparse.ArgumentTypeError(f"fractions must be in (0, 1]; got {text!r}")
    return values


def _ints(text: str) -> list[int]:
    """``0,1,2`` or a range ``0-4``."""
    try:
        if "-" in text and "," not in text:
            lo, hi = (int(x) for x in text.split("-", 1))
            values = list(range(lo, hi + 1))
        else:
            values = [int(x.replace("_", "")) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated whole numbers (or a range like 0-4); got {text!r}") from None
    if not values or any(v < 0 for v in values):
        raise argparse.ArgumentTypeError(f"expected non-negative whole numbers; got {text!r}")
    return values


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("tier-ablation", help="F1 of every tier vs pair, with paired bootstrap intervals",
                       description="example:\n  python -m bench.experiments tier-ablation experiments/ablation_tiers.toml --out experiments/results/ablation_tiers",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", type=Path, metavar="SOURCE", help="an experiment config (.toml; it is run first) or a run directory / scores.json")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="results folder to write")
    p.add_argument("--run-dir", type=Path, default=None, metavar="DIR", help="where a config's run goes (default: the config's run.output)")
    p.add_argument("--base", default="pair", help="the tier the others are compared with (default pair)")
    p.add_argument("--splits", default=None, help="comma-separated splits (default: every split of the run)")

    p = sub.add_parser("learning-curve", help="test F1 of a trainable extractor over training size",
                       description="example:\n  python -m bench.experiments learning-curve --out experiments/results/learning_curve",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="results folder to write")
    p.add_argument("--extractor", default="classifier.v1", help="a trainable extractor (default classifier.v1)")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="an extractor parameter (repeatable)")
    p.add_argument("--fractions", type=_floats, default=[0.1, 0.25, 0.5, 1.0], help="training fractions (default 0.1,0.25,0.5,1)")
    p.add_argument("--seeds", type=_ints, default=list(range(5)), help="subsampling seeds (default 0-4)")
    p.add_argument("--split", default="test", help="evaluation split (default test; evaluation only, nothing is tuned on it)")
    p.add_argument("--pool", choices=("runner", "bundled"), default="runner",
                   help="training pool: 'runner' = what bench run fits on (dev + challenge training templates; default), "
                        "'bundled' = the small hand-written training set")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="bootstrap resamples over the evaluation documents (default 1000)")
    p.add_argument("--bootstrap-seed", type=int, default=0, metavar="S")

    p = sub.add_parser("speed-scaling", help="time and memory over synthetic corpora of growing size",
                       description="example:\n  python -m bench.experiments speed-scaling --extractor trigger.v1 --extractor spacy_dep.v1:1000 --out experiments/results/speed_scaling",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="results folder to write")
    p.add_argument("--extractor", action="append", default=None, metavar="NAME[:MAX_DOCS]",
                   help="extractor to measure, optionally only on sizes up to MAX_DOCS (repeatable; default trigger.v1)")
    p.add_argument("--sizes", type=_ints, default=[100, 1000, 10000], help="corpus sizes in documents (default 100,1000,10000)")
    p.add_argument("--synth-seed", type=int, default=0, metavar="S", help="seed of the synthetic corpora (default 0)")
    p.add_argument("--work", type=Path, default=Path("runs/speed_scaling"), metavar="DIR", help="where the synthetic corpora are written (default runs/speed_scaling; not committed)")
    p.add_argument("--repeats", type=int, default=5, help="timed passes per measurement (at least 5)")
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--timeout", type=float, default=3600, help="seconds per measurement (default 3600)")

    p = sub.add_parser("generalisation", help="two versions of an extractor on the same documents, paired",
                       description="example:\n  python -m bench.experiments generalisation --split test "
                                   "--pair trigger.v1 before.jsonl after.jsonl --group 'short=c*' --group 'news=n*' "
                                   "--before-label 808a0ef --after-label reference --out experiments/results/generalisation",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="results folder to write")
    p.add_argument("--pair", nargs=3, action="append", required=True, metavar=("EXTRACTOR", "BEFORE", "AFTER"),
                   help="an extractor's predictions before and after (JSONL files; repeatable)")
    p.add_argument("--split", default="test", help="the split whose documents are scored (default test)")
    p.add_argument("--group", action="append", default=None, metavar="LABEL=GLOB[,GLOB]",
                   help="a group of documents by id pattern (repeatable; default: the whole split)")
    p.add_argument("--before-label", default="before", help="what the 'before' version is (a commit)")
    p.add_argument("--after-label", default="after", help="what the 'after' version is")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="bootstrap resamples over documents (default 1000)")
    p.add_argument("--bootstrap-seed", type=int, default=0, metavar="S")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args, argv)
    except BenchError as exc:
        print(f"{PROG} {args.command}: {exc}", file=sys.stderr)
        return 2


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- commands


def tier_ablation(args: argparse.Namespace, argv: list[str]) -> int:
    from . import tier_ablation as ta
    from .origin import current_origin, write_results

    origin = current_origin(argv)
    source = args.source
    run_command = None
    if source.suffix == ".toml":
        from ..config import load_config
        from ..runner import RunOptions, run_experiment

        config = load_config(source)
        run_dir = config.output_dir(args.run_dir)
        _log(f"running {source} into {run_dir} (speed and challenge off)")
        result = run_experiment(config, RunOptions(output=run_dir, speed=False, challenge=False, reports=False, progress=False), log=_log)
        run_command = f"bench run {source} --out {run_dir} --no-speed --no-challenge"
        source = result.directory
    scores, file = ta.read_scores(source)
    splits = [s.strip() for s in args.splits.split(",")] if args.splits else None
    ablation = ta.ablation_from_scores(scores, args.base, splits)
    table = ta.render_markdown(ablation)
    readme = _readme(
        "Matching-tier ablation",
        origin,
        f"Micro F1 x 100 of each extractor in each tier; in brackets after each tier, its difference from "
        f"the `{ablation.base}` tier and the paired 95% bootstrap interval of that difference "
        f"({ablation.source['bootstrap'].get('resamples')} resamples over documents, seed {ablation.source['bootstrap'].get('seed')}; "
        "the same resamples for every tier and extractor). `topic` and `evidence` are measured on the pair-tier "
        "true positives, so their difference compares two different quantities (see experiments/README.md).",
        table,
        extra=[
            f"Source run: config `{ablation.source['config_file']}` (hash {ablation.source['config_hash']}), "
            f"scorer {ablation.source['scorer']['version']} ({ablation.source['scorer']['config_hash']}), "
            f"run at commit `{(ablation.source.get('git') or {}).get('commit')}` on {ablation.source.get('created')}"
            + (f"; produced by `{run_command}`" if run_command else "") + ".",
            *(f"Note: {n}" for n in ablation.notes),
            "Files: `ablation.csv` (long format, fractions), `ablation.json` (every row with p-values), "
            "`scores.json` (the run's scores without individual error records; "
            f"`{PROG} tier-ablation {args.out}/scores.json --out DIR` recomputes this table from it).",
        ],
    )
    write_results(args.out, origin, {
        "README.md": readme,
        "ablation.json": ablation.to_dict(),
        "ablation.csv": ta.render_csv(ablation),
        "scores.json": json.dumps(ta.trimmed_scores(scores), ensure_ascii=False, separators=(",", ":")) + "\n",
    })
    print(table)
    _log(f"wrote {args.out}/ (README.md, ablation.json, ablation.csv, scores.json, origin.json) from {file}")
    return 0


def learning_curve(args: argparse.Namespace, argv: list[str]) -> int:
    from .. import registry
    from ..corpus import load_corpus
    from ..stats import BootstrapConfig
    from . import learning_curve as lc
    from .origin import current_origin, write_results

    origin = current_origin(argv)
    params = registry.parse_params(args.param)
    cls = registry.resolve(args.extractor)
    params = registry.validate_params(args.extractor, cls, params)
    probe = registry.get_extractor(args.extractor, **params)
    if not callable(getattr(probe, "fit", None)):
        raise BenchError(f"{args.extractor} has no fit(); a learning curve needs a trainable extractor")
    corpus = load_corpus()
    if args.split not in corpus.splits:
        raise BenchError(f"unknown split {args.split!r}; the corpus has: {', '.join(corpus.splits)}")
    ids = [i for i in corpus.ids(args.split) if corpus.annotation_path(i).is_file()]
    eval_docs = [corpus.document(i) for i in ids]
    eval_gold = {i: corpus.annotation(i) for i in ids}
    pool = lc.training_pool(args.pool)
    bootstrap = BootstrapConfig(resamples=args.bootstrap, seed=args.bootstrap_seed)
    points = lc.run_learning_curve(
        lambda: registry.get_extractor(args.extractor, **params), pool, eval_docs, eval_gold,
        args.fractions, args.seeds, bootstrap=bootstrap, eval_split=args.split, progress=_log,
    )
    curve = lc.LearningCurve(
        tuple(points), args.extractor, dict(getattr(probe, "params", params)), args.split, len(eval_docs),
        args.pool, dict(sorted(lc._split_sizes(pool).items())), tuple(points[0].f1), bootstrap.to_dict(),
    )
    table = lc.render_markdown(curve)
    pool_text = ", ".join(f"{k} {v}" for k, v in curve.pool_by_split.items())
    readme = _readme(
        f"Learning curve of {args.extractor}",
        origin,
        f"`{args.extractor}` ({', '.join(f'{k}={v}' for k, v in curve.params.items())}) fitted on stratified subsamples "
        f"of its training pool (`{args.pool}`: {sum(curve.pool_by_split.values())} examples: {pool_text}), "
        f"{len(args.seeds)} subsampling seeds per fraction (the full pool once), and scored on the "
        f"`{args.split}` split ({len(eval_docs)} documents). Micro F1 x 100. The evaluation split is only "
        "evaluated: no fraction, seed or parameter was chosen from it.",
        table + "\n![learning curve](learning_curve.png)\n",
        extra=["Files: `learning_curve.csv` (every run), `learning_curve.json` (every run with all tiers and intervals, and the summary), `learning_curve.png`."],
    )
    write_results(args.out, origin, {
        "README.md": readme,
        "learning_curve.json": curve.to_dict(),
        "learning_curve.csv": lc.render_csv(curve),
        "learning_curve.png": lc.plot_png(curve),
    })
    print(table)
    _log(f"wrote {args.out}/ (README.md, learning_curve.json, .csv, .png, origin.json)")
    return 0


def speed_scaling(args: argparse.Namespace, argv: list[str]) -> int:
    from .. import registry
    from . import speed_scaling as ss
    from .origin import current_origin, write_results

    origin = current_origin(argv)
    if args.repeats < 5:
        raise BenchError(f"--repeats must be at least 5 (a median and an interquartile range); got {args.repeats}")
    plans = [ss.ExtractorPlan.parse(x) for x in (args.extractor or ["trigger.v1"])]
    for plan in plans:
        registry.resolve(plan.name)  # an unknown name lists the available ones, before any work
    corpora = ss.prepare_corpora(args.work, args.sizes, args.synth_seed)
    points = ss.run_scaling(plans, corpora, args.repeats, args.warmup, args.timeout, progress=_log)
    table = ss.render_markdown(points)
    fits = {k: (v.to_dict() if v else None) for k, v in ss.fits(points).items()}
    caps = [f"`{p.name}` up to {p.max_docs:,} documents" for p in plans if p.max_docs]
    readme = _readme(
        "Speed scaling",
        origin,
        f"Synthetic corpora (`bench synth`, seed {args.synth_seed}) of {', '.join(f'{n:,}' for n in sorted(corpora))} documents; "
        f"each measurement in a fresh process (`bench.speed`: cold start apart, {args.warmup} warm-up pass, "
        f"{args.repeats} timed passes, median and IQR). "
        + (f"Measured on fewer sizes: {', '.join(caps)}. " if caps else "")
        + "Memory: the measuring process holds the documents and one pass's relations, so its peak RSS grows with "
        "the corpus whatever the extractor does. \"documents MB\" is the peak RSS of a fresh process that only reads "
        "the corpus; \"relations MB\" is the relations of a pass times their size in memory (measured with tracemalloc "
        "on the first documents); \"extractor MB\" is what remains: the extractor's libraries, models and working "
        "memory, the figure that should stay flat. \"load avg\" is the machine's 1-minute load average before the "
        "measurement (2 cores: above 2, other work competed for the CPU).",
        table + "\n![speed scaling](speed_scaling.png)\n",
        extra=["Files: `speed_scaling.csv`, `speed_scaling.json` (every measurement and the fits), `speed_scaling.png`. "
               "The corpora are regenerated by the command (deterministic), not committed."],
    )
    write_results(args.out, origin, {
        "README.md": readme,
        "speed_scaling.json": {
            "kind": "relation-bench speed scaling", "synth_seed": args.synth_seed,
            "sizes": sorted(corpora), "repeats": args.repeats, "warmup": args.warmup,
            "extractors": [{"name": p.name, "params": p.params, "max_docs": p.max_docs} for p in plans],
            "points": [p.to_dict() for p in points], "fits": fits,
        },
        "speed_scaling.csv": ss.render_csv(points),
        "speed_scaling.png": ss.plot_png(points),
    })
    print(table)
    _log(f"wrote {args.out}/ (README.md, speed_scaling.json, .csv, .png, origin.json)")
    return 0


def _readme(title: str, origin, what: str, table: str, extra: list[str] = ()) -> str:
    parts = [f"# {title}", "", origin.markdown(), "", what, "", table.rstrip(), ""]
    for line in extra:
        parts += [line, ""]
    return "\n".join(parts)


def generalisation(args: argparse.Namespace, argv: list[str]) -> int:
    from ..corpus import load_corpus
    from ..stats import BootstrapConfig
    from . import generalisation as gen
    from .origin import current_origin, write_results

    origin = current_origin(argv)
    corpus = load_corpus()
    if args.split not in corpus.splits:
        raise BenchError(f"unknown split {args.split!r}; the corpus has: {', '.join(corpus.splits)}")
    ids = [i for i in corpus.ids(args.split) if corpus.annotation_path(i).is_file()]
    docs = {i: corpus.document(i) for i in ids}
    gold = {i: corpus.annotation(i) for i in ids}
    groups = [gen.parse_group(g) for g in args.group] if args.group else [gen.Group(f"whole {args.split} split", ("*",))]
    config = BootstrapConfig(resamples=args.bootstrap, seed=args.bootstrap_seed)
    rows = []
    for extractor, before, after in args.pair:
        rows += gen.compare_versions(extractor, Path(before), Path(after), docs, gold, groups, config)
    table = gen.render_markdown(rows, args.before_label, args.after_label)
    readme = _readme(
        "Generalisation: before and after on the same held-out documents",
        origin,
        f"Both versions' predictions are scored on the same `{args.split}` documents with the same gold and scorer "
        f"(pair tier; paired bootstrap over documents, {config.resamples} resamples, seed {config.seed}; paired "
        f"approximate randomisation, {config.rounds} rounds). Groups of fewer than {config.min_docs} documents get "
        "no interval and no p-value.",
        table,
        extra=["Files: `generalisation.json` (every row, with precision, recall and counts)."],
    )
    write_results(args.out, origin, {
        "README.md": readme,
        "generalisation.json": {"split": args.split, "before": args.before_label, "after": args.after_label,
                                "bootstrap": config.to_dict(), "groups": [{"label": g.label, "patterns": list(g.patterns)} for g in groups],
                                "rows": [r.to_dict() for r in rows]},
    })
    print(table)
    _log(f"wrote {args.out}/ (README.md, generalisation.json, origin.json)")
    return 0


COMMANDS = {"tier-ablation": tier_ablation, "learning-curve": learning_curve, "speed-scaling": speed_scaling,
            "generalisation": generalisation}

if __name__ == "__main__":
    sys.exit(main())
