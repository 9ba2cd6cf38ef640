"""Candidate entity pairs, their features and their attributes, shared by the statistical
baselines (``classifier.v1`` and ``embedding.v1``).

A candidate is a pair of mentions in one sentence that could stand in a relation: two people
for ``met``/``discussed``, a person and a place for ``visited``. Two cheap resolutions widen
the net beyond names: a subject pronoun ("she will travel to Riyadh") stands for the person
mentioned last, and "the two ministers/leaders" stands for the last two people named.

``features`` describes a candidate as sparse string features (words between and around,
trigger lemmas, the dependency path between the two mentions, entity types, distance) for a
linear model. ``attributes`` reads polarity, realis and mode from cue words on the
dependency path, and ``topic_spans`` the objects of "discuss" and "talks on/about".

Labels for training come from gold: a candidate is positive for a type when the gold has a
relation of that type (any polarity or realis) between the clusters its two mentions belong
to, stated in the candidate's sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Annotation, Document, EntityType, Mode, Polarity, Realis, RelationType, Span
from ..text import normalize, sentence_spans
from .ner import EntityMention, entity_mentions

# Lemmas that signal a relation type; features and trigger spans use them.
TRIGGERS = {
    RelationType.VISITED: {
        "visit", "arrive", "travel", "fly", "land", "tour", "trip", "stop", "go",
        "come", "head", "reach", "host", "receive", "welcome", "journey", "stay",
    },
    RelationType.MET: {
        "meet", "meeting", "talk", "talks", "host", "receive", "welcome", "greet", "summit",
        "hold", "sit", "shake", "confer", "encounter", "sign",
    },
    RelationType.DISCUSSED: {
        "discuss", "talk", "talks", "discussion", "speak", "call", "phone", "telephone",
        "conversation", "exchange", "debate", "address", "raise", "negotiate", "review", "write",
    },
}
ALL_TRIGGERS = set().union(*TRIGGERS.values())
NEGATION_LEMMAS = {"cancel", "postpone", "deny", "scrap", "refuse", "decline", "shelve", "delay", "abandon", "scrub", "never", "not", "no"}
PLANNED_LEMMAS = {"will", "shall", "plan", "expect", "due", "schedule", "set", "intend", "prepare", "upcoming", "planned", "next", "invite", "invitation"}
OTHER_LEMMAS = {"hope", "wish", "would", "could", "might", "may", "if", "willing", "want", "like", "propose", "suggest", "ready", "seek", "urge", "ask"}
PHONE_LEMMAS = {"phone", "telephone", "call", "phoned", "telephoned"}
VIDEO_LEMMAS = {"video", "videoconference", "virtual", "virtually", "online", "videolink"}
WRITTEN_LEMMAS = {"write", "letter", "message", "wrote", "correspondence"}
_TWO = re.compile(r"\b(?:the two|both) (?:foreign |defence |defense |prime |top )?(?:ministers|leaders|presidents|men|women|sides|diplomats|officials|counterparts|premiers|chancellors|envoys|heads of state)\b", re.I)
_PRONOUNS = {"he", "she"}


@dataclass(frozen=True, slots=True)
class Party:
    """One side of a candidate: the mention reported as the argument, and the token whose
    syntax stands for it (the mention's root, or a pronoun / "the two ministers")."""

    mention: EntityMention
    token: Any  # spaCy Token
    via: str = "name"  # "name", "pronoun" or "two"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair in one sentence. ``kind`` is "visit" (head: person, tail: place) or "pair"
    (two people, for met and discussed)."""

    doc: Document
    sentence: Span
    kind: str
    head: Party
    tail: Party
    sent_tokens: tuple = field(default=(), compare=False)


def _sentence_tokens(sdoc, doc: Document, s: Span):
    span = sdoc.char_span(s.start - doc.body_start, s.end - doc.body_start, alignment_mode="expand")
    return tuple(span) if span is not None else ()


def candidates(doc: Document, sdoc) -> list[Candidate]:
    """Every candidate pair of ``doc`` (``sdoc``: the spaCy parse of ``doc.body``)."""
    mentions = entity_mentions(doc, sdoc)
    sentences = sentence_spans(doc.text, doc.body_start)
    out: list[Candidate] = []
    seen_persons: list[EntityMention] = []
    mi = 0
    for s in sentences:
        in_s = []
        while mi < len(mentions) and mentions[mi].start < s.end:
            if mentions[mi].start >= s.start:
                in_s.append(mentions[mi])
            mi += 1
        toks = _sentence_tokens(sdoc, doc, s)
        persons = [Party(m, sdoc[m.token_start : m.token_end].root) for m in in_s if m.type is EntityType.PER]
        places = [Party(m, sdoc[m.token_start : m.token_end].root) for m in in_s if m.is_place]
        names_here = {normalize(p.mention.text) for p in persons}
        if seen_persons:
            for t in toks:
                if t.lower_ in _PRONOUNS and t.dep_ in ("nsubj", "nsubjpass"):
                    ante = seen_persons[-1]
                    if normalize(ante.text) not in names_here:
                        persons.append(Party(ante, t, "pronoun"))
                        names_here.add(normalize(ante.text))
        for p in persons:
            for q in places:
                out.append(Candidate(doc, s, "visit", p, q, toks))
        named = [p for p in persons]
        for i, a in enumerate(named):
            for b in named[i + 1 :]:
                if not _same_person(a.mention.text, b.mention.text):
                    out.append(Candidate(doc, s, "pair", a, b, toks))
        m2 = _TWO.search(doc.text, s.start, s.end)
        if m2 and len({normalize(p.mention.text) for p in persons if p.via == "name"}) < 2:
            last_two = _last_distinct(seen_persons, 2)
            if len(last_two) == 2:
                anaphor = sdoc.char_span(m2.start() - doc.body_start, m2.end() - doc.body_start, alignment_mode="expand")
                tok = anaphor.root if anaphor is not None else toks[0]
                out.append(Candidate(doc, s, "pair", Party(last_two[0], tok, "two"), Party(last_two[1], tok, "two"), toks))
        seen_persons.extend(p.mention for p in persons if p.via == "name")
    return out


def _last_distinct(persons: list[EntityMention], n: int) -> list[EntityMention]:
    out: list[EntityMention] = []
    for m in reversed(persons):
        if not any(_same_person(m.text, o.text) for o in out):
            out.append(m)
        if len(out) == n:
            break
    return list(reversed(out))


def _same_person(a: str, b: str) -> bool:
    wa, wb = set(normalize(a).split()), set(normalize(b).split())
    return wa <= wb or wb <= wa


# --------------------------------------------------------------------------- features


def dependency_path(a, b) -> tuple[Any, list, list]:
    """``(lowest common ancestor, tokens up from a, tokens down to b)``; LCA None when the
    two tokens are in different parse trees."""
    up_a = [a, *a.ancestors]
    index_b = {t.i: k for k, t in enumerate([b, *b.ancestors])}
    chain_b = [b, *b.ancestors]
    for k, t in enumerate(up_a):
        if t.i in index_b:
            return t, up_a[:k], chain_b[: index_b[t.i]]
    return None, up_a, chain_b


def _bucket(n: int, edges=(0, 2, 5, 10, 20)) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _lemma(t) -> str:
    return (t.lemma_ or t.text).lower()


def features(c: Candidate) -> dict[str, float]:
    """Sparse binary features of a candidate, for a linear model."""
    f: dict[str, float] = {}

    def on(name: str) -> None:
        f[name] = 1.0

    h, t = c.head, c.tail
    on(f"kind={c.kind}")
    on(f"types={h.mention.type.value}-{t.mention.type.value}")
    on(f"via={h.via}-{t.via}")
    first, second = (h, t) if h.mention.start <= t.mention.start else (t, h)
    if c.kind == "visit":
        on(f"order={'head_first' if first is h else 'tail_first'}")
    toks = c.sent_tokens
    if toks:
        between = [x for x in toks if first.token.i < x.i < second.token.i and not x.is_punct] if first.via == second.via == "name" else []
        on(f"dist={_bucket(len(between))}")
        for x in between:
            on(f"between={_lemma(x)}")
            if x.pos_ == "VERB":
                on(f"between_verb={_lemma(x)}")
        for x in [x for x in toks if first.token.i - 3 <= x.i < first.token.i and not x.is_punct]:
            on(f"before={_lemma(x)}")
        after = [x for x in toks if x.i > second.token.i and not x.is_punct][:2]
        for x in after:
            on(f"after={_lemma(x)}")
        prev = [x for x in toks if x.i < t.token.i][-1:] if t.via == "name" else []
        for x in prev:
            on(f"tail_prev={_lemma(x)}")
        for x in toks:
            lem = _lemma(x)
            if lem in ALL_TRIGGERS:
                on(f"trigger={lem}")
            if x.dep_ == "ROOT":
                on(f"root={lem}")
            if lem in PHONE_LEMMAS or lem in VIDEO_LEMMAS or lem in WRITTEN_LEMMAS:
                on("remote_cue")
            if x.text in ("“", "”", '"'):
                on("quote")
    on(f"head_dep={h.token.dep_}")
    on(f"tail_dep={t.token.dep_}")
    lca, up, down = dependency_path(h.token, t.token)
    if lca is not None:
        on(f"lca={_lemma(lca)}")
        on(f"path_len={_bucket(len(up) + len(down), (1, 2, 3, 4, 6))}")
        path = "^".join(x.dep_ for x in up) + f"|{lca.pos_}|" + "v".join(x.dep_ for x in reversed(down))
        on(f"path={path}")
        for x in up[1:] + down[1:]:
            on(f"path_word={_lemma(x)}")
        for x in [lca, *lca.ancestors][:3]:
            if _lemma(x) in ALL_TRIGGERS:
                on(f"governor={_lemma(x)}")
    else:
        on("path=none")
    return f


# --------------------------------------------------------------------------- attributes


def _scope(c: Candidate) -> list:
    """Tokens whose cue words govern the candidate: the path's LCA, its ancestors, and their
    auxiliaries, negations and markers."""
    lca, _, _ = dependency_path(c.head.token, c.tail.token)
    anchor = lca if lca is not None else c.head.token
    chain = [anchor, *anchor.ancestors]
    scope = list(chain)
    for x in chain:
        scope.extend(ch for ch in x.children if ch.dep_ in ("aux", "auxpass", "neg", "advmod", "mark", "amod", "xcomp", "acomp", "prt"))
    return scope


def attributes(c: Candidate) -> tuple[Polarity, Realis]:
    """Polarity and realis from cue words governing the pair: negation and cancellation give
    NEG (a cancelled visit was a plan: PLANNED); "will", "is expected to", "plans" give
    PLANNED; "hopes", "would", "if" give OTHER; otherwise ACTUAL."""
    lemmas = {_lemma(x) for x in _scope(c)}
    deps = {x.dep_ for x in _scope(c)}
    polarity = Polarity.NEG if ("neg" in deps or lemmas & NEGATION_LEMMAS) else Polarity.POS
    if lemmas & OTHER_LEMMAS:
        realis = Realis.OTHER
    elif lemmas & PLANNED_LEMMAS or lemmas & {"cancel", "postpone", "scrap", "shelve", "delay", "abandon"}:
        realis = Realis.PLANNED
    else:
        realis = Realis.ACTUAL
    return polarity, realis


def mode(c: Candidate) -> Mode:
    """How a discussion took place, from cue words in the sentence."""
    lemmas = {_lemma(x) for x in c.sent_tokens} | {x.lower_ for x in c.sent_tokens}
    if lemmas & VIDEO_LEMMAS:
        return Mode.VIDEO
    if lemmas & PHONE_LEMMAS:
        return Mode.PHONE
    if lemmas & {"letter", "correspondence"} or ("write" in lemmas and "to" in lemmas):
        return Mode.WRITTEN
    if lemmas & (TRIGGERS[RelationType.MET] | {"visit", "arrive", "during"}):
        return Mode.IN_PERSON
    return Mode.UNSPECIFIED


def trigger_span(c: Candidate, rtype: RelationType) -> Span | None:
    """The trigger word nearest the pair's syntactic link, when it is a known trigger."""
    lca, _, _ = dependency_path(c.head.token, c.tail.token)
    chain = [lca, *lca.ancestors] if lca is not None else []
    words = TRIGGERS[rtype]
    for x in chain + list(c.sent_tokens):
        if _lemma(x) in words or x.lower_ in words:
            start = c.doc.body_start + x.idx
            return Span(start, start + len(x.text))
    return None


def topic_spans(c: Candidate) -> list[Span]:
    """Topics stated for a discussion in the candidate's sentence: the objects of "discuss"
    (each conjunct its own topic) and the objects of "talks/call on/about/over"."""
    heads = []
    for x in c.sent_tokens:
        lem = _lemma(x)
        if lem == "discuss":
            heads.extend(ch for ch in x.children if ch.dep_ in ("dobj", "obj", "nsubjpass"))
        elif lem in ("talk", "talks", "discussion", "call", "conversation", "speak", "write", "hold", "meet", "telephone", "phone"):
            for ch in x.children:
                if ch.dep_ == "prep" and ch.lower_ in ("on", "about", "over", "regarding", "concerning"):
                    heads.extend(g for g in ch.children if g.dep_ == "pobj")
    spans: list[Span] = []
    for h in heads:
        for tok in [h, *_conjuncts(h)]:
            keep = {tok.i}
            for ch in tok.children:
                if ch.dep_ not in ("conj", "cc", "punct", "appos", "relcl", "preconj"):
                    keep.update(d.i for d in ch.subtree)
            cut = {d.i for k in keep for d in [tok.doc[k]] if d.dep_ == "prep" and d.lower_ == "with" for d in d.subtree}
            keep -= cut
            lo = hi = tok.i  # the contiguous run of kept tokens around the head
            while lo - 1 in keep:
                lo -= 1
            while hi + 1 in keep:
                hi += 1
            doc = tok.doc
            while hi > lo and doc[hi].is_punct:
                hi -= 1
            start = c.doc.body_start + doc[lo].idx
            end = c.doc.body_start + doc[hi].idx + len(doc[hi].text)
            if c.sentence.start <= start < end <= c.sentence.end:
                spans.append(Span(start, end))
    return sorted(set(spans), key=lambda s: (s.start, s.end))


def _conjuncts(tok) -> list:
    out = []
    for ch in tok.children:
        if ch.dep_ == "conj":
            out.append(ch)
            out.extend(_conjuncts(ch))
    return out


# --------------------------------------------------------------------------- labels


def gold_labels(c: Candidate, gold: Annotation) -> set[RelationType]:
    """Relation types the gold states between the candidate's two clusters in its sentence."""
    head_ids = _clusters(gold, c.head.mention)
    tail_ids = _clusters(gold, c.tail.mention)
    if not head_ids or not tail_ids:
        return set()
    out = set()
    for r in gold.relations:
        if r.evidence.sentences and not any(s.overlaps(c.sentence) for s in r.evidence.sentences):
            continue
        forward = r.head in head_ids and r.tail in tail_ids
        backward = r.head in tail_ids and r.tail in head_ids
        if c.kind == "visit" and r.type is RelationType.VISITED and forward:
            out.add(r.type)
        elif c.kind == "pair" and r.type is not RelationType.VISITED and (forward or backward):
            out.add(r.type)
    return out


def _clusters(gold: Annotation, m: EntityMention) -> set[str]:
    span = Span(m.start, m.end)
    ids = {e.id for e in gold.entities for g in e.mentions if g.span.overlaps(span)}
    if not ids:
        key = normalize(m.text)
        ids = {e.id for e in gold.entities if key in {normalize(e.name), *map(normalize, e.aliases)}}
    return ids


def iter_candidates(nlp, docs: Iterable[Document], batch_size: int = 64):
    """``(document, spaCy doc, candidates)`` for each document."""
    from .ner import parse_bodies

    for doc, sdoc in parse_bodies(nlp, docs, batch_size):
        yield doc, sdoc, candidates(doc, sdoc)
