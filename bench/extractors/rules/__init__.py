"""Shared rule resources of the rule-based baselines (``trigger.v1``, ``spacy_dep.v1``).

- ``lexicon``: title words, organisation head words, cue vocabularies;
- ``gazetteer``: countries (pycountry), capitals and cities, regions, demonyms;
- ``names``: a regex name and title finder;
- ``patterns``: compiled trigger, reference and gap expressions, and ``scan``: one pass over
  the words that tries each expression only where a match can begin;
- ``cues``: polarity and realis from negation, cancellation, denial and modality cues;
- ``timex``: time expressions resolved against the document date;
- ``topics``: topic spans after "discussed" and its kin;
- ``coref``: entity clusters, short names, descriptions, placeholders for members of groups
  named by country;
- ``boilerplate``: advertisement lines, "Read more" lists, follow-us lines, datelines;
- ``collect``: deduplication into document-level predictions;
- ``engine``: the frame reader that ties them together.

Nothing here imports spaCy.
"""
