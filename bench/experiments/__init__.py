"""Derived experiments: the studies ``bench run`` cannot express as one config.

Each writes a results folder (a table in markdown and CSV, the figures as JSON, a plot where
one helps, and ``origin.json``: the command, commit, date and machine that produced it):

- ``tier_ablation``: how much each matching tier moves each extractor's F1 away from the
  ``pair`` tier, with paired bootstrap intervals, read from a run's ``scores.json``;
- ``learning_curve``: a trainable extractor's test F1 as its training data grows
  (stratified subsamples, several seeds each; never trained on a test split);
- ``speed_scaling``: throughput and peak memory over synthetic corpora of growing size,
  each measurement in a fresh process (``bench.speed``), with a linear fit of time on size.

Run them as ``python -m bench.experiments COMMAND`` (``--help`` lists the commands); the
committed results and the exact commands are in ``experiments/README.md``.
"""
