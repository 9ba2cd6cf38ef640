"""The shared rule resources: gazetteer, name finder, cues, time expressions, topics,
boilerplate and coreference helpers."""

from __future__ import annotations

import datetime as dt

import pytest

from bench.extractors.rules import boilerplate, cues, gazetteer, names, timex, topics
from bench.extractors.rules.coref import EntityTracker
from bench.model import EntityType, Polarity, Realis


def test_gazetteer_types_countries_cities_and_not_demonyms():
    assert gazetteer.lookup_place("North Korea").type is EntityType.GPE
    assert gazetteer.lookup_place("Beijing").country == "China"
    assert gazetteer.lookup_place("Middle East").type is EntityType.LOC
    assert gazetteer.lookup_place("Russian") is None
    assert gazetteer.demonym_country("North Korean") == "North Korea"
    assert gazetteer.lookup_place("Russia").name == "Russia"  # ISO says "Russian Federation"


def test_name_finder_splits_demonym_title_and_name():
    found = names.find_names("Japan's Defence Minister Kenji Arakawa met Chilean President Rosa Ibarra Mena in Tokyo.")
    got = [(m.text, m.type, m.nationality) for m in found]
    assert ("Kenji Arakawa", EntityType.PER, "Japan") in got
    assert ("Rosa Ibarra Mena", EntityType.PER, "Chile") in got
    assert ("Tokyo", EntityType.GPE, None) in got
    assert ("Japan", EntityType.GPE, None) in got


def test_name_finder_keeps_multiword_places_and_organisations():
    found = {m.text: m.type for m in names.find_names("On Monday New Delhi said the Ministry of External Affairs of India agreed.")}
    assert found["New Delhi"] is EntityType.GPE
    assert found["Ministry of External Affairs of India"] is EntityType.ORG


def test_cues_polarity_and_realis():
    assert cues.classify("will").realis is Realis.PLANNED
    assert cues.classify("is expected to").realis is Realis.PLANNED
    assert cues.classify("did not").polarity is Polarity.NEG
    assert cues.classify("has no plans to").polarity is Polarity.NEG
    assert cues.classify("has no plans to").realis is Realis.PLANNED
    assert cues.classify("hopes to").realis is Realis.OTHER
    assert cues.classify("", after=" was called off").polarity is Polarity.NEG
    assert cues.classify("", "officials denied reports that").polarity is Polarity.NEG
    assert cues.classify("usually").realis is Realis.GENERIC
    assert cues.classify("", future_time=True).realis is Realis.PLANNED
    assert cues.classify("") is cues.ACTUAL


def test_time_expressions_resolve_against_the_document_date():
    d = dt.date(2024, 5, 13)  # a Monday
    assert timex.resolve("on Monday", d) == "2024-05-13"
    assert timex.resolve("on Thursday", d, future=True) == "2024-05-16"
    assert timex.resolve("in March", d) == "2024-03"
    assert timex.resolve("in March", d, future=True) == "2025-03"
    assert timex.resolve("on June 3-4", d) == "2024-06-03/2024-06-04"
    assert timex.resolve("last week", d) == "2024-05-06/2024-05-12"
    assert timex.is_future("2024-06-03", d) is True
    assert timex.is_future("2024-05", d) is False


def test_topics_split_coordinated_items_and_stop_at_participants():
    t = "discussed grain exports, the conflict in Sudan and regional security with Kofi Boateng in Accra."
    cut = [(t.index("Kofi"), t.index(" in Accra"))]
    got = [p.text for p in topics.topic_spans(t, len("discussed"), len(t), cut)]
    assert got == ["grain exports", "the conflict in Sudan", "regional security"]


def test_boilerplate_covers_read_more_lists_and_markers():
    text = "A met B.\n\nAdvertisement\n\nC visited D.\n\nRead more:\n\nE meets F\n\nG visits H\n"
    spans = [text[s.start:s.end] for s in boilerplate.boilerplate_spans(text)]
    assert spans == ["Advertisement", "Read more:", "E meets F", "G visits H"]
    assert boilerplate.dateline_end("OSLO, May 2 (Wire) -- X met Y.", 0) == len("OSLO, May 2 (Wire) -- ")


@pytest.mark.parametrize("head", ["Related Coverage", "You may also like:", "More stories from Wire", "Most popular",
                                  "Recommended for you", "Further reading"])
def test_boilerplate_knows_the_common_link_list_headings(head):
    text = f"A met B.\n\n{head}\nE meets F in Paris\nG visits H\n"
    spans = [text[s.start:s.end] for s in boilerplate.boilerplate_spans(text)]
    assert spans == [head, "E meets F in Paris", "G visits H"]
    assert boilerplate.boilerplate_spans("A met B.\n\nMost ministers agreed.\n") == []


def test_coreference_short_names_and_descriptions():
    tr = EntityTracker()
    full = tr.person("Giulio Rastelli", 0, 15, nationality="Italy", title="defence minister")
    other = tr.person("Kaia Tamm", 20, 29, nationality="Estonia", title="defence minister")
    assert tr.person("Rastelli", 40, 48) is full
    assert tr.known_person("Tamm") is other
    assert tr.by_description("Estonia", {"minister"}) is other
    assert tr.by_description("Italy", set()) is full
    assert [c.name for c in tr.recent_persons(2)] == ["Kaia Tamm", "Giulio Rastelli"]


def test_scan_finds_what_the_expressions_find_everywhere(seed_doc):
    from bench.extractors.rules.patterns import REFERENCE, TRIGGER, scan
    from bench.extractors.rules.timex import TIME_EXPR

    from .phenomena import CASES

    for text in [seed_doc.text] + [c["text"] for c in CASES.values()]:
        trig, refs, _cues, times = scan(text)
        for rx, got in ((TRIGGER, trig), (REFERENCE, refs), (TIME_EXPR, times)):
            assert [(m.start(), m.end()) for m in got] == [(m.start(), m.end()) for m in rx.finditer(text)]


def test_name_finder_one_word_runs():
    found = {m.text: (m.type, m.nationality) for m in names.find_names("The minister met NATO officials in Oslo on Monday. Russian troops left. Choi agreed.")}
    assert "The" not in found and "Monday" not in found
    assert found["NATO"] == (EntityType.ORG, None)
    assert found["Oslo"] == (EntityType.GPE, None)
    assert found["Russian"] == (None, "Russia")
    assert found["Choi"] == (None, None)


def test_name_finder_splits_organisation_title_and_person():
    found = [(m.text, m.type, m.title) for m in names.find_names(
        "National Assembly Vice Chairwoman Phan Thi Diep met South Korean Unification Minister Han Seung-ryeol.")]
    assert ("National Assembly", EntityType.ORG, None) in found
    assert ("Phan Thi Diep", EntityType.PER, "vice chairwoman") in found
    assert ("Han Seung-ryeol", EntityType.PER, "unification minister") in found
    han = next(m for m in names.find_names("South Korean Unification Minister Han Seung-ryeol left.") if m.text == "Han Seung-ryeol")
    assert han.nationality == "South Korea"


def test_cues_postponement_doubt_and_requests():
    assert cues.classify("has postponed his").realis is Realis.PLANNED
    assert cues.classify("has postponed her", after=" with X indefinitely.").polarity is Polarity.NEG
    assert cues.classify("would", "The Commission declined to comment on reports that").realis is Realis.OTHER
    assert cues.classify("to", "X urged Y to").realis is Realis.OTHER
    assert cues.classify("had been invited to").polarity is Polarity.NEG
    assert cues.classify("has turned down an invitation to").realis is Realis.PLANNED
    assert cues.classify("hoped to", after=" but could not").realis is Realis.ACTUAL
    assert cues.classify("did not want to").realis is Realis.OTHER
    assert cues.classify("cancelled his").realis is Realis.PLANNED


def test_lower_case_copy_keeps_offsets():
    from bench.extractors.rules.engine import lower_same_length

    text = "İstanbul hosted talks."
    low = lower_same_length(text)
    assert len(low) == len(text) and low.endswith("hosted talks.")


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from bench.extractors.rules.engine import _outside  # noqa: E402
from bench.model import Span as _Span  # noqa: E402

_spans = st.tuples(st.integers(0, 200), st.integers(1, 40)).map(lambda t: _Span(t[0], t[0] + t[1]))


@given(st.lists(_spans, max_size=30), st.lists(_spans, max_size=30))
def test_outside_keeps_exactly_the_sentences_no_region_overlaps(sentences, regions):
    naive = [s for s in sentences if not any(o.contains(s) or s.overlaps(o) for o in regions)]
    assert _outside(sentences, regions) == naive


def test_open_slots_of_a_three_way_meeting_bind_without_crashing():
    """A proposed n-way meeting leaves open slots; the persons named next fill them. Binding a
    second slot once one is bound used to raise (clusters are not hashable)."""
    from bench.corpus import document_from_text
    from bench.extractors.rules.engine import RuleEngine
    from bench.model import Provenance

    text = (
        "date 2024-01-01\nOman has offered to host a three-way meeting of Kuwaiti, Saudi and Iranian officials "
        "in Muscat later this month, diplomats said. Omani Foreign Minister Hilal Al-Harthy, who visited "
        "Tehran in May, is due in Kuwait City on Sunday.\n\nThe council's secretary-general, Mishal Al-Sulaiti, "
        "wrote to Ali Talebi last week. The council's foreign ministers, together with Egyptian Foreign "
        "Minister Tarek Abdel-Ghaffar and Jordan's Ayman Al-Rawashdeh, are due to hold consultations in Jeddah.\n"
    )
    doc = document_from_text("slots", text, provenance=Provenance.CONSTRUCTED, split="x", source="x")
    rels = list(RuleEngine().extract_document(doc))
    assert any(r.type.value == "visited" and r.tail.text == "Tehran" for r in rels)


def test_regular_demonyms_are_derived_for_countries_the_table_lacks():
    """The hand table holds irregular demonyms; regular ones come from the country names."""
    for word, country in [("Djiboutian", "Djibouti"), ("Bhutanese", "Bhutan"), ("Mauritian", "Mauritius"),
                          ("Sierra Leonean", "Sierra Leone"), ("Moldovan", "Moldova"), ("Maldivian", "Maldives")]:
        assert gazetteer.demonym_country(word) == country, word
    assert gazetteer.demonym_country("Russian") == "Russia"  # the table wins
    assert gazetteer.demonym_country("Djibouti") is None  # a country name is not its demonym


def test_case_classes_are_the_characters_the_regex_engine_folds():
    import re

    from bench.extractors.rules.lexicon import PERSON_NOUNS
    from bench.extractors.rules.patterns import _case_class

    chars = set("".join(gazetteer.demonyms())) | set("".join(PERSON_NOUNS)) | set("İıKſ")
    everything = "".join(map(chr, range(0x110000)))
    near = set(re.findall("[" + "".join(re.escape(c) for c in chars) + "]", everything, re.I))
    for ch in chars:
        assert _case_class(ch, True) == {c for c in near if re.fullmatch(re.escape(ch), c, re.I)}, ch
        assert _case_class(ch, False) == {ch}


@given(st.lists(st.text("aAbBkKsSſK.- ", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text("aAbBkKsSſK.- x", max_size=14), st.booleans(), st.sampled_from(["", "x", r"\b", "$", r"[ab]x"]))
def test_word_alternation_matches_like_the_plain_alternation(words, text, ignorecase, after):
    import re

    from bench.extractors.rules.patterns import word_alternation

    flags = re.I if ignorecase else 0
    plain = re.compile("(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")" + after, flags)
    tree = re.compile("(?:" + word_alternation(words, ignorecase) + ")" + after, flags)
    for i in range(len(text) + 1):
        a, b = plain.match(text, i), tree.match(text, i)
        assert (a and a.span()) == (b and b.span())
    assert plain.findall(text) == tree.findall(text)


_TIME_TOKENS = ("on by from until since in early late mid- mid last next this later earlier today tomorrow yesterday "
                "tonight week month year spring summer autumn fall winter morning May Sept Sep. March Mar Monday "
                "sunday June 18 18-19 2024 ٢٠٢٤ 7 , . Lavrov met").split()


@given(st.lists(st.sampled_from(_TIME_TOKENS), max_size=6), st.sampled_from([" ", "  ", "\n", "-"]))
def test_every_time_expression_contains_a_needed_word(tokens, sep):
    from bench.extractors.rules.engine import _TIME_NEED
    from bench.extractors.rules.timex import TIME_EXPR

    text = sep.join(tokens)
    if TIME_EXPR.search(text):
        assert _TIME_NEED.search(text)


_GROUP_TOKENS = ("the his foreign prime deputy two ministers minister leaders heads of state government envoys "
                 "chiefs counterparts from of the Poland , and MINISTERS Heads İ ſ").split()


@given(st.lists(st.sampled_from(_GROUP_TOKENS), max_size=8), st.sampled_from([" ", "  ", "\n"]))
def test_every_country_group_contains_what_its_prefilter_needs(tokens, sep):
    from bench.extractors.rules.patterns import COUNTRY_GROUP, COUNTRY_GROUP_NEED

    text = sep.join(tokens) + sep
    for i in range(len(text)):
        if COUNTRY_GROUP.search(text, i):
            assert COUNTRY_GROUP_NEED.search(text, i)
