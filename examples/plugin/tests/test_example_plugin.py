"""The plugin's own tests: the conformance check every extractor author runs."""

from example_plugin import KeywordExtractor

from bench.conformance import check_extractor
from bench.corpus import document_from_text


def test_conforms():
    check_extractor(KeywordExtractor())


def test_finds_a_visit():
    doc = document_from_text("d1", "date 2024-05-02 Anna Berglund visited Vienna on Tuesday.")
    (rel,) = KeywordExtractor().extract([doc])
    assert (rel.head.text, rel.tail.text) == ("Anna Berglund", "Vienna")
    assert doc.text[rel.tail.start : rel.tail.end] == "Vienna"
