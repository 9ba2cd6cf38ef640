"""Large synthetic corpora for speed and scale runs: news-style documents about fictional
officials, generated from sentence templates, fillers and neutral background sentences.

These documents are **synthetic**: they have no gold, are never part of a corpus split, and
are written only where the caller asks (``bench synth --out DIR``), never into ``seeds/`` or
``annotations/``. Their purpose is to measure throughput and memory on realistic lengths
(8 to 25 sentences, 300 to 700 words each), not quality.

Generation is deterministic: document ``i`` of seed ``S`` is drawn from its own
``random.Random("synth:S:i")``, so the first 100 documents of a 10,000-document corpus are the
100 documents of a 100-document corpus, and nothing depends on global random state or on
``PYTHONHASHSEED``.

Output formats (both are read by ``bench.corpus.read_documents``):

- ``jsonl`` (default): one file ``synth-seed<S>-<N>.jsonl``, one ``{"id", "text", "date",
  "provenance": "synthetic"}`` object a line; the text has no date prefix (the date is a field).
- ``txt``: a folder of ``<id>.txt`` files, each starting with ``date YYYY-MM-DD`` on its own
  line, like the seed documents.

A ``synth.json`` file next to the output records the generator, seed, count and word total.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .challenge.fillers import Person, Place, pools, sample_people, sample_places, sample_topics
from .errors import BenchError, ParameterError
from .jsonio import OutputError, make_folder, write_atomic
from .model import Document, Provenance

GENERATOR = "synth.v1"
FORMATS = ("jsonl", "txt")
MIN_SENTENCES, MAX_SENTENCES = 8, 25
MIN_WORDS, MAX_WORDS = 300, 700
SPLIT = "synthetic"
_FIRST_DATE = dt.date(2020, 1, 1)
_DAYS = 5 * 365


@dataclass(frozen=True, slots=True)
class _Cast:
    """Who and what one document is about."""

    people: list[Person]
    places: list[Place]  # places[0] hosts the story (the dateline city)
    topics: list[str]
    date: dt.date


class _Story:
    """The state of one article being written: who has been introduced (full name and title
    first, surname afterwards) and which sentence patterns were used (no pattern twice while
    unused ones remain)."""

    def __init__(self, rng: random.Random, cast: _Cast):
        self.rng = rng
        self.cast = cast
        self.introduced: set[str] = set()
        self.used: dict[str, set[int]] = {"event": {0}, "background": set()}  # 0: the lead

    def name(self, p: Person) -> str:
        if p.surname in self.introduced:
            return p.surname
        self.introduced.add(p.surname)
        return f"{p.title} {p.full}"

    def pick(self, kind: str, n: int) -> int:
        used = self.used[kind]
        if len(used) >= n:
            used.clear()
            used.add(0 if kind == "event" else -1)
        i = self.rng.choice([k for k in range(n) if k not in used])
        used.add(i)
        return i


def _event_sentence(st: _Story, first: bool = False) -> str:
    """A sentence that states (or denies, plans, hopes for) a visit, meeting or discussion."""
    rng, c = st.rng, st.cast
    a, b = rng.sample(c.people, 2)
    home, away = c.places[0], rng.choice(c.places[1:])
    t, day = rng.choice(c.topics), rng.choice(pools().weekdays)
    month = rng.choice(pools().months)
    k = 0 if first else st.pick("event", 12)
    na = st.name(a)
    if k == 0:
        return f"{na} arrived in {home.capital} on {day} for a two-day visit, the first by a senior official from {away.country} in several years."
    nb = st.name(b)
    if k == 1:
        return f"{na} met {nb} in {home.capital} on {day} and the two discussed {t}, according to a statement issued after the talks."
    if k == 2:
        return f"{nb} hosted {na} at the foreign ministry in {home.capital}, where they held talks on {t} that officials described as frank."
    if k == 3:
        return f"{na} is scheduled to travel to {away.capital} next month for further talks with {nb} on {t}, officials said."
    if k == 4:
        return f"{na} also spoke by phone with {nb} about {t}, the ministry said, without giving details of the call."
    if k == 5:
        return f"A planned meeting between {na} and {nb} in {away.capital} was called off at short notice, officials said on {day}."
    if k == 6:
        return f"{nb} denied that {b.pronoun('subj')} had met {na} privately during the summit in {away.capital}."
    if k == 7:
        return f"\u201cWe had a frank and useful exchange on {t},\u201d {na} told reporters after the meeting with {nb}."
    if k == 8:
        return f"{na} said {a.pronoun('subj')} hoped to visit {away.country} before the end of the year if the talks with {nb} make progress."
    if k == 9:
        return f"{na} and {nb} last met in {away.capital} in {month}, when they agreed to set up a working group on {t}."
    if k == 10:
        return f"{nb} will visit {home.country} later this year at the invitation of {na}, the statement said."
    return f"{na} and {nb} held a video call on {day} to prepare the meeting, focusing on {t}."


def _background_sentence(st: _Story) -> str:
    """A sentence with no interaction between people: the bulk of a news article."""
    rng, c = st.rng, st.cast
    home, away = c.places[0], rng.choice(c.places[1:])
    t = rng.choice(c.topics)
    n = rng.randint(2, 95)
    year = c.date.year - rng.randint(1, 12)
    k = st.pick("background", 20)
    if k == 0:
        return f"Trade between {home.country} and {away.country} reached {n} billion dollars last year, up {rng.randint(2, 30)} percent on the year before, according to official figures."
    if k == 1:
        return f"Analysts said the talks were unlikely to produce a breakthrough on {t} but could ease tensions that have built up over the past {rng.randint(2, 9)} months."
    if k == 2:
        return f"The issue of {t} has dominated relations between the two countries since {year}, when a dispute over the terms of an earlier agreement led to months of stalled negotiations."
    if k == 3:
        return f"{home.country} has repeatedly said it wants closer ties with its neighbours, while insisting that any agreement on {t} must respect its national interests."
    if k == 4:
        return f"Opposition lawmakers in {home.capital} criticised the government this week, saying it had made too many concessions on {t} without securing anything in return."
    if k == 5:
        return f"The ministry did not say how long the talks lasted or whether any agreements were signed, and a spokesperson declined to comment further when contacted on {rng.choice(pools().weekdays)}."
    if k == 6:
        return f"Inflation in {home.country} eased to {rng.randint(2, 12)}.{rng.randint(0, 9)} percent in {rng.choice(pools().months)}, official data showed, giving the central bank room to cut interest rates."
    if k == 7:
        return f"Officials have said a final decision on {t} is expected before the end of the year, although previous deadlines have passed without agreement."
    if k == 8:
        return f"{away.country} is one of the largest investors in {home.country}, with projects ranging from ports and railways to solar farms and telecommunications networks."
    if k == 9:
        return f"Security was tight in central {home.capital}, where police closed several streets around the government district for most of the day."
    if k == 10:
        return "The visit comes as both governments face pressure at home over rising prices, slow growth and a series of corruption scandals that have dented public trust."
    if k == 11:
        return f"Diplomats in {home.capital} said privately that the meeting was as much about signalling as substance, with both sides keen to show that dialogue remains open."
    if k == 12:
        a = rng.choice(c.people)
        return f"In a speech to parliament last week, {st.name(a)} said the country would continue to pursue what {a.pronoun('subj')} called a balanced and pragmatic foreign policy."
    if k == 13:
        return f"A joint commission set up in {year} to oversee cooperation on {t} has met only {rng.randint(2, 6)} times, and several of its working groups have never convened."
    if k == 14:
        return f"Regional experts noted that {away.country} has stepped up its diplomatic outreach across the region over the past year, opening new embassies and offering development loans."
    if k == 15:
        return f"Business groups welcomed the talks, saying that clearer rules on {t} would help companies plan investments that have been on hold for months."
    if k == 16:
        return f"The government has set aside {n} million dollars this year for programmes linked to {t}, a figure critics say falls far short of what is needed."
    if k == 17:
        return f"Local media reported that several ministers would accompany the delegation, though the final list had not been published by {rng.choice(pools().weekdays)} evening."
    if k == 18:
        return f"Relations between the two countries were strained in {year} after a row over fishing rights and the expulsion of two diplomats, but have improved steadily since."
    return "Human rights organisations urged both governments to put the treatment of migrants and detained journalists on the agenda, a request officials did not address publicly."


def _dateline(c: _Cast) -> str:
    return f"{c.places[0].capital.upper()}, {c.date:%B} {c.date.day} (Synthetic Wire) -- "


def _words(sentence: str) -> int:
    return sentence.count(" ") + 1


def synth_text(rng: random.Random, c: _Cast) -> str:
    """One article: a dateline lead, then paragraphs of one to three sentences, mixing event
    sentences (about a third) and background, until a drawn word target is reached."""
    st = _Story(rng, c)
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    sentences = [_event_sentence(st, first=True)]
    words = _words(sentences[0]) + _words(_dateline(c)) - 1
    for _ in range(10 * MAX_SENTENCES):  # bounded: every draw either fits or ends the text
        if len(sentences) >= MAX_SENTENCES:
            break
        s = _event_sentence(st) if rng.random() < 0.35 else _background_sentence(st)
        if words + _words(s) > MAX_WORDS:
            if words >= MIN_WORDS and len(sentences) >= MIN_SENTENCES:
                break
            continue  # too long for the room left: draw another
        sentences.append(s)
        words += _words(s)
        if words >= target and len(sentences) >= MIN_SENTENCES:
            break
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        k = 1 if i == 0 else rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i : i + k]))
        i += k
    return _dateline(c) + "\n\n".join(paragraphs)


def synth_document(seed: int, index: int) -> Document:
    """Document ``index`` of the corpus of ``seed`` (independent of the corpus size)."""
    rng = random.Random(f"synth:{seed}:{index}")
    cast = _Cast(
        people=sample_people(rng, rng.randint(2, 5)),
        places=sample_places(rng, rng.randint(3, 5)),
        topics=sample_topics(rng, rng.randint(2, 4)),
        date=_FIRST_DATE + dt.timedelta(days=rng.randrange(_DAYS)),
    )
    text = synth_text(rng, cast)
    return Document(
        f"synth-{seed}-{index:06d}", text, cast.date, 0, Provenance.SYNTHETIC, SPLIT,
        f"{GENERATOR} seed {seed}",
    )


def generate_documents(n: int, seed: int = 0) -> Iterator[Document]:
    """``n`` synthetic documents of ``seed``, lazily."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ParameterError("n", "generate_documents", ["an int >= 0"], n)
    for i in range(n):
        yield synth_document(seed, i)


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True, slots=True)
class SynthSummary:
    path: Path
    docs: int
    words: int
    format: str


def _refuse_gold_folders(out: Path) -> None:
    """Synthetic text must never land among the gold documents or annotations."""
    from .corpus import PROJECT_ROOT

    resolved = out.resolve()
    for name in ("seeds", "annotations"):
        guarded = (PROJECT_ROOT / name).resolve()
        if resolved == guarded or guarded in resolved.parents:
            raise BenchError(
                f"refusing to write synthetic documents into {out} (inside {name}/): synthetic "
                "text is never part of the gold corpus; choose a folder outside seeds/ and annotations/"
            )


def write_corpus(out: str | os.PathLike, n: int, seed: int = 0, fmt: str = "jsonl", force: bool = False) -> SynthSummary:
    """Write ``n`` documents of ``seed`` into the folder ``out`` (see the module docstring)."""
    if fmt not in FORMATS:
        raise ParameterError("format", "write_corpus", FORMATS, fmt)
    out = Path(out)
    _refuse_gold_folders(out)
    if out.exists() and not out.is_dir():
        raise BenchError(f"{out} exists and is not a folder")
    make_folder(out)
    words = 0
    if fmt == "jsonl":
        path = out / f"synth-seed{seed}-{n}.jsonl"
        if path.exists() and not force:
            raise BenchError(f"{path} exists; pass --force to overwrite it")
        try:
            fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as exc:
            raise OutputError(exc.errno, exc.strerror or str(exc), str(path)) from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                for doc in generate_documents(n, seed):
                    words += len(doc.text.split())
                    row = {"id": doc.id, "text": doc.text, "date": doc.date.isoformat(), "provenance": doc.provenance.value}
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            os.replace(tmp, path)
        except BaseException as exc:
            Path(tmp).unlink(missing_ok=True)
            if isinstance(exc, OSError) and not isinstance(exc, OutputError):
                raise OutputError(exc.errno, exc.strerror or str(exc), str(path)) from None
            raise
    else:
        path = out
        if any(out.glob("*.txt")) and not force:
            raise BenchError(f"{out} already holds .txt files; pass --force to add to them, or choose an empty folder")
        for doc in generate_documents(n, seed):
            words += len(doc.text.split())
            write_atomic(out / f"{doc.id}.txt", f"date {doc.date.isoformat()}\n{doc.text}")
    meta = {
        "generator": GENERATOR, "seed": seed, "docs": n, "words": words, "format": fmt,
        "provenance": Provenance.SYNTHETIC.value,
        "note": "synthetic text for speed and scale runs: no gold, not part of any corpus split",
    }
    write_atomic(out / "synth.json", json.dumps(meta, indent=2) + "\n")
    return SynthSummary(path, n, words, fmt)
