"""Text utilities: sentence spans, tokens, normalisation, Dice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.model import Span
from bench.text import dice, document_sentences, normalize, sentence_of, sentence_spans, tokens


def _sentences(text: str, *args) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text, *args)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # abbreviations and initials do not end a sentence
        ("Mr. Lavrov met Wang Yi. They talked.", ["Mr. Lavrov met Wang Yi.", "They talked."]),
        ("He met Dr. Smith in St. Petersburg. Talks followed.", ["He met Dr. Smith in St. Petersburg.", "Talks followed."]),
        ("The U.S. said so. Then it left.", ["The U.S. said so.", "Then it left."]),
        ("J. K. Rowling wrote. Next.", ["J. K. Rowling wrote.", "Next."]),
        ("Talks on Jan. 5 ended. Next.", ["Talks on Jan. 5 ended.", "Next."]),
        # a number before the period does end one
        ("They met on March 5. Talks followed.", ["They met on March 5.", "Talks followed."]),
        ("The vote was 5.5 percent. Next one.", ["The vote was 5.5 percent.", "Next one."]),
        # quotes and brackets close the sentence they end
        ("“We will go,” he said. “And we did.” Then silence.", ["“We will go,” he said.", "“And we did.”", "Then silence."]),
        ('He said: "Yes." Then left.', ['He said: "Yes."', "Then left."]),
        ("He left (quietly.) Then we.", ["He left (quietly.)", "Then we."]),
        ("Why? Because! Yes.", ["Why?", "Because!", "Yes."]),
        ("Talks ended... Then more.", ["Talks ended...", "Then more."]),
        # a lower-case continuation is not a new sentence
        ("It was 5 p.m. and late. Next.", ["It was 5 p.m. and late.", "Next."]),
        # lines and blank lines always end one
        ("One.\n\nTwo.\nThree", ["One.", "Two.", "Three"]),
        ("Read more:\n\nHeadline one\nHeadline two", ["Read more:", "Headline one", "Headline two"]),
        ("A line\r\n\r\nanother", ["A line", "another"]),
        # whitespace is trimmed, nothing empty is returned
        ("   leading space. Trailing   ", ["leading space.", "Trailing"]),
        ("", []),
        ("\n\n \n", []),
    ],
)
def test_sentence_spans(text, expected):
    assert _sentences(text) == expected


def test_sentence_spans_offsets_are_into_the_whole_text():
    text = "date 2023-10-16 Lavrov met Wang. They talked."
    spans = sentence_spans(text, 16)
    assert spans == [Span(16, 32), Span(33, 45)]
    assert _sentences(text, 16) == ["Lavrov met Wang.", "They talked."]
    assert _sentences(text, 16, 31) == ["Lavrov met Wang"]


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"“”()AB1")), max_size=80))
def test_sentence_spans_are_ordered_disjoint_trimmed_and_in_range(text):
    spans = sentence_spans(text)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == text[s.start : s.end].strip()
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start
    # every non-space character belongs to a sentence
    covered = {i for s in spans for i in range(s.start, s.end)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_document_sentences_skip_the_date_prefix(seed_doc):
    spans = document_sentences(seed_doc)
    assert spans[0].start == seed_doc.body_start
    assert seed_doc.text[spans[0].start : spans[0].end].startswith("Russian Foreign Minister Sergei Lavrov will visit")
    assert "Advertisement" in [seed_doc.text[s.start : s.end] for s in spans]


def test_sentence_of():
    spans = [Span(0, 10), Span(12, 20), Span(25, 30)]
    assert sentence_of(spans, 0) == Span(0, 10)
    assert sentence_of(spans, 9) == Span(0, 10)
    assert sentence_of(spans, 10) is None  # between sentences
    assert sentence_of(spans, 12) == Span(12, 20)
    assert sentence_of(spans, 29) == Span(25, 30)
    assert sentence_of(spans, 30) is None
    assert sentence_of([], 3) is None


def test_tokens():
    assert tokens("The Israel-Hamas conflict’s toll, 2023!") == ["the", "israel-hamas", "conflict's", "toll", "2023"]
    assert tokens("  ") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("  the Russian Foreign Ministry’s ", "russian foreign ministry"),
        ("The U.S.", "u s"),
        ("Moscow's", "moscow"),
        ("Kim Jong-Un", "kim jong-un"),
        ("ＷＡＮＧ　Yi", "wang yi"),  # NFKC: full-width letters and space
        ("Straße", "strasse"),  # case folding
        ("Theresa May", "theresa may"),  # "the" only as a word
        ("“North  Korea”", "north korea"),
        ("", ""),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_normalize_is_idempotent():
    for text in ["The Russian Foreign Ministry’s", "  Kim   Jong Un ", "the U.S."]:
        assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (["war", "in", "ukraine"], ["ukraine", "war"], 0.8),
        (["a"], ["a"], 1.0),
        (["a", "a"], ["a"], 2 / 3),  # multiplicity counts
        (["a"], ["b"], 0.0),
        ([], ["a"], 0.0),
        ([], [], 0.0),
    ],
)
def test_dice(a, b, expected):
    assert dice(a, b) == pytest.approx(expected)
    assert dice(b, a) == pytest.approx(expected)  # symmetric


def test_an_abbreviation_ends_a_sentence_only_before_a_sentence_opener():
    from bench.text import sentence_spans

    t = "The envoy flew to the U.S. He met senators. Talks with the U.N. Security Council followed."
    assert [t[s.start:s.end] for s in sentence_spans(t)] == [
        "The envoy flew to the U.S.", "He met senators.", "Talks with the U.N. Security Council followed."
    ]
