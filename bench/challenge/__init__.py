"""The challenge suite: CheckList-style tests of the phenomena that break relation extractors.

Templates (``templates.py``) filled with fictional people, real countries and capitals,
topics and dates (``fillers.json``) give one- and two-sentence cases with exact gold, each
tagged by the capability it tests (``CAPABILITIES``). Generation is deterministic from a seed;
the test side has 80 cases per capability, the training side (disjoint templates) 40.

>>> cases = generate(seed=0)
>>> len(cases) >= 1000
True
>>> cases[0].id, cases[0].capability
('ch-negation-0001', 'negation')

``run_challenge(extractor)`` scores an extractor (pass rate per capability, see
``evaluate.py`` for what passing means); ``training_examples()`` gives the training side to a
learned extractor; ``dump_cases(DIR)`` writes the cases as JSONL.
"""

from .evaluate import (
    CapabilityScore,
    CaseOutcome,
    ChallengeResult,
    check_case,
    evaluate,
    relation_key,
    run_challenge,
)
from .suite import (
    CASES_PER_CAPABILITY,
    SUITE_VERSION,
    ChallengeCase,
    case_to_dict,
    dump_cases,
    dumps_cases,
    generate,
    suite_hash,
    training_examples,
)
from .templates import CAPABILITIES, INVARIANCE, SIDES, TEMPLATES, Template, templates

__all__ = [
    "CAPABILITIES",
    "CASES_PER_CAPABILITY",
    "INVARIANCE",
    "SIDES",
    "SUITE_VERSION",
    "TEMPLATES",
    "CapabilityScore",
    "CaseOutcome",
    "ChallengeCase",
    "ChallengeResult",
    "Template",
    "case_to_dict",
    "check_case",
    "dump_cases",
    "dumps_cases",
    "evaluate",
    "generate",
    "relation_key",
    "run_challenge",
    "suite_hash",
    "templates",
    "training_examples",
]
