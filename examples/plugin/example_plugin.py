"""keyword.v1: "<Name> visited <Place>" by keywords and capitalised words.

An example of a relation-bench extractor plugin: a plain class, no base class, registered
through this package's entry point (see pyproject.toml). It finds a visit verb and takes the
capitalised words right before it as the visitor and right after it as the destination.
It fails on anything more indirect ("the minister, who arrived in Oslo"), on pronouns, and it
does not know negation: it exists to show the plugin interface, not to score well.
"""

import re

from bench.model import ArgumentRef, PredictedRelation, Realis, RelationType, Span
from bench.text import sentence_spans

NAME = r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*"


class KeywordExtractor:
    """visited(X -> Y) for "X <verb> Y", with X and Y runs of capitalised words."""

    name = "keyword.v1"
    description = "visits from 'X visited Y' keyword patterns (example plugin)"

    def __init__(self, verbs: str = "visited|arrived in|travelled to|traveled to|landed in"):
        self.params = {"verbs": verbs}
        self.pattern = re.compile(rf"({NAME}) (?:{verbs}) ({NAME})")

    def extract(self, docs):
        for doc in docs:
            for s in sentence_spans(doc.text, doc.body_start):
                for m in self.pattern.finditer(doc.text, s.start, s.end):
                    yield PredictedRelation(
                        doc.id, RelationType.VISITED,
                        ArgumentRef(m.group(1), m.start(1), m.end(1)),
                        ArgumentRef(m.group(2), m.start(2), m.end(2)),
                        realis=Realis.ACTUAL, evidence=(Span(s.start, s.end),),
                    )
