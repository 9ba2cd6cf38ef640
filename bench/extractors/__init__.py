"""Extractors: the protocol every extractor satisfies, and the shipped baselines.

Each baseline lives in its own module and is registered through the entry-point group
``relation_bench.extractors`` exactly as a third-party plugin would be (see pyproject.toml).
"""

from .base import Extractor, TrainingExample

__all__ = ["Extractor", "TrainingExample"]
