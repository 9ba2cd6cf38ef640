"""relation-bench: a benchmark for diplomatic-interaction relation extraction."""
__version__ = "0.1.0"
