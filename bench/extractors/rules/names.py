"""A regex name finder: capitalised runs split into nationality, title and name, typed with
the gazetteer and the organisation head words. No statistical model.

``find_names(text, start, end)`` returns :class:`NameMention` items in text order, offsets
into ``text``. It runs one regular expression over the text and does Python work per
capitalised run only, so it keeps up with hundreds of thousands of words per second.

Typing rules, in order (each a phenomenon of news prose, none a particular name):

1. leading function words ("On Thursday", "Meanwhile") are dropped;
2. a possessive place ("Japan's Defence Minister ...") is split off as a place mention and
   becomes the nationality of what follows;
3. "of"/"for" join a run only after an office or organisation word ("Ministry of Foreign
   Affairs", "Secretary of State"); elsewhere they split it ("... Ruthven-Moss of the
   United Nations Command");
4. a run in the gazetteer is a place; one containing an organisation head word is an ORG
   (a facility word, FAC); an all-capital short run is an ORG acronym;
5. a run with an office title followed by name words is organisation + title + person:
   everything up to the last title head word is the title, a leading organisation name is an
   ORG of its own ("National Assembly Vice Chairwoman NAME", "Unification Minister NAME",
   "Major General NAME");
6. otherwise a demonym and title words are peeled off the front ("Russian Foreign Minister
   Sergei Lavrov"); what remains is a person when a title or honorific preceded it or it has
   at least two words; a single unknown word stays untyped (``type`` None) until the
   coreference tracker recognises it as part of a name seen earlier, or the engine finds it
   in a person's slot ("Choi met Georgiou").

Most runs are one word ("The", "Monday", "Beijing"); those are typed by dictionary lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import EntityType
from .gazetteer import demonyms, lookup_place, places
from .lexicon import FAC_OF_HEADS, FAC_WORDS, HONORIFICS, ORG_WORDS, TITLE_HEADS, TITLE_WORDS

_UPPER = "A-Z" + "".join(
    chr(c) for c in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)) if chr(c).isupper()
)
_TOK_REST = rf"(?:(?:\.[{_UPPER}])+\.?|(?:[\w'’-]*\w)?(?:['’]s?)?)"  # after the capital
_TOK = rf"[{_UPPER}]{_TOK_REST}"
_PARTICLE = r"(?:de|da|do|dos|das|di|du|del|della|van|von|der|den|ter|bin|bint|ibn|al|el|es|la|le|y|of|for|the|and|on)"
# A run opens with a capital not preceded by a word character, an apostrophe or a hyphen. The
# capital comes first and the character before it is checked after it (``(?<!...)`` two
# characters back): an expression that begins with a character class lets the regex engine
# skip to the next capital instead of trying the look-behind at every position.
# An Arabic article or kinship particle joined to a capitalised word ("al-Nour", "bin-Zayed") is a
# name word of its own, though it begins in lower case; it may open a run too ("al-Tayeb said"),
# by branches that each begin with a letter, so the skipping still works.
_HYPHEN_PARTICLE = rf"(?:al|el|ul|as|ash|at|ad|az|ar|an|bin|ibn|abu|abd)-{_TOK}"
_HYPHEN_NAME = re.compile(_HYPHEN_PARTICLE)
_NB = r"(?<![\w'’-].)"  # after the run's first letter: no word character, apostrophe or hyphen before it
_HYPHEN_OPEN = rf"a{_NB}(?:l|s|sh|t|d|z|r|n|bu|bd)-{_TOK}|e{_NB}l-{_TOK}|u{_NB}l-{_TOK}|b{_NB}in-{_TOK}|i{_NB}bn-{_TOK}"
NAME_RUN = re.compile(
    rf"(?:[{_UPPER}]{_NB}{_TOK_REST}|{_HYPHEN_OPEN})(?:(?:\s+{_PARTICLE})*\s+(?:{_TOK}|{_HYPHEN_PARTICLE}))*")


def _lower_word(tok: str) -> bool:
    """A particle ("of", "bin", "de"), not a name word: lower case and not "al-Nour"."""
    return tok[0].islower() and _HYPHEN_NAME.fullmatch(tok) is None

# Capitalised words that are never names by themselves and are dropped from a run's front.
FUNCTION_CAPS: frozenset[str] = frozenset(
    """
    The A An On In At During After Before Meanwhile However But And Or For With While This
    That These Those It He She They We I You His Her Their Its Our My Your Both Earlier Later
    Last Next Also Separately Following Ahead Despite Since As When Until Then There Here
    According Speaking Asked Read More Advertisement Advertisements Related Latest Follow
    Subscribe Share Click Watch Sign Photo Video File Image Credit Source Update Updated
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
    Oct Nov Dec Today Yesterday Tomorrow Tonight If Although Though Whether Why What Who Whom
    Which Where How Some Many Several All Each Every No Not Neither Nor One Two Three Four Five
    Six Seven Eight Nine Ten First Second Third Instead Still Yet Even Just Only Once Over Under
    Among Between From To Of By Into Upon About Against Through Without Within Amid Amidst Such
    Other Another New Further Thus So Because Unlike Like Besides Nevertheless Moreover
    Furthermore Additionally Overall Finally Initially Previously Recently Currently
    Eventually Ties Talks Relations Officials Reporting Editing Writing Additional Breaking
    Exclusive Analysis Opinion Explainer Factbox Timeline Live Top Home News Sources Diplomats
    Analysts Critics Observers Experts Opposition Wire Agency Press
    """.split()
)
# Words after which "of"/"for"/"the"/"and" may continue a run.
_JOINERS = frozenset(w.lower() for w in ORG_WORDS | FAC_WORDS) | TITLE_WORDS | {"republic", "state", "kingdom", "hall", "people"}
_PLACES = places()
_DEMONYMS = demonyms()
_MONTHS_DAYS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December".split()
)


@dataclass(frozen=True, slots=True)
class NameMention:
    """A capitalised name with its type (None: not yet known), nationality and title."""

    start: int
    end: int
    text: str
    type: EntityType | None
    nationality: str | None = None
    title: str | None = None
    honorific: bool = False
    lead: int = -1  # start of the whole run (demonym and title included)
    hint: EntityType | None = None  # a type suggested by a statistical tagger, used when nothing else decides


def _strip_possessive(tok: str) -> str:
    last = tok[-1]
    if last == "s":
        if len(tok) > 2 and tok[-2] in "'’":
            return tok[:-2]
        return tok
    if last in "'’" and len(tok) > 1:
        return tok[:-1]
    return tok


def _single(tok: str, ms: int) -> NameMention | None:
    """The name of a one-word run (most runs are one word: "The", "Monday", "Beijing",
    "Lavrov"), typed as ``_classify`` types it, with dictionary lookups only."""
    typed = _single_type(tok)
    if typed is None:
        return None
    base, etype, nationality, title = typed
    return NameMention(ms, ms + len(base), base, etype, nationality, title, False, ms)


@lru_cache(maxsize=65536)
def _single_type(tok: str) -> tuple[str, EntityType | None, str | None, str | None] | None:
    """``_single`` without offsets: (name, type, nationality, title), or None; a pure
    function of the word, cached (the same words recur in every document)."""
    base = _strip_possessive(tok)
    key = base.rstrip(".")
    if key in FUNCTION_CAPS or tok.rstrip(".") in HONORIFICS or key in _MONTHS_DAYS:
        return None
    p = lookup_place(tok)
    if p is not None:
        return base, p.type, None, None
    if base in ORG_WORDS:
        return base, EntityType.ORG, None, None
    dem = _DEMONYMS.get(base)
    if dem is not None:
        return base, None, dem, None
    low = base.lower()
    if low in TITLE_WORDS:
        return base, None, None, low
    if base.isupper() and len(base.replace(".", "")) <= 6:
        return base, EntityType.ORG, None, None
    return base, None, None, None


def _split_run(text: str, base: int) -> list[tuple[int, int, list[str], list[int]]]:
    """Split a capitalised run into sub-runs at possessives and at particles that do not
    continue an office or organisation name. Returns (start, end, tokens, token starts)."""
    toks = [(m.start() + base, m.group(0)) for m in _NON_SPACE.finditer(text)]
    runs: list[list[tuple[int, str]]] = [[]]
    prev_joins = False
    for i, (pos, tok) in enumerate(toks):
        low = tok.lower()
        if _lower_word(tok):  # a particle
            if low in ("of", "for", "the", "and", "on") and not prev_joins:
                runs.append([])
                continue
            if low == "on" and not (i + 1 < len(toks) and toks[i + 1][1] not in FUNCTION_CAPS):
                runs.append([])  # "the Security Council on Tuesday"
                continue
            if low == "and" and not (i + 1 < len(toks) and toks[i + 1][1].lower() in _JOINERS):
                runs.append([])
                continue
            runs[-1].append((pos, tok))
            continue
        runs[-1].append((pos, tok))
        stripped = _strip_possessive(tok)
        prev_joins = stripped.lower() in _JOINERS
        if stripped != tok and tok[-1] in "s'’":
            runs.append([])
            prev_joins = False
    out = []
    for run in runs:
        while run and _lower_word(run[-1][1]):
            run.pop()
        while run and _lower_word(run[0][1]):
            run.pop(0)
        if run:
            words = [t for _, t in run]
            starts = [p for p, _ in run]
            out.append((starts[0], starts[-1] + len(words[-1]), words, starts))
    return out


# Regional adjectives ("Southeast Asian", "Latin American", "Gulf Arab"): capitalised, but neither
# a name nor the demonym of one country.
_REGION_ADJECTIVES = frozenset(
    "Asian African American European Arab Arabian Eastern Western Southern Northern Nordic Baltic Balkan "
    "Pacific Caribbean Atlantic Arctic Mediterranean Caucasian Scandinavian Andean Amazonian Sahelian Latin".split()
)
_REGION_WORDS = _REGION_ADJECTIVES | frozenset(
    "North South East West Southeast Southwest Northeast Northwest Central Latin Middle Far Sub-Saharan Gulf "
    "Horn Near Trans".split()
)


def _classify(words: list[str], starts: list[int], nationality: str | None,
              honorific: bool) -> tuple[int, int, EntityType | None, str | None, str | None]:
    """Type a run already stripped of function words: (first, last) token index kept, type,
    nationality, title."""
    return _classify_words(tuple(words), nationality, honorific)


@lru_cache(maxsize=65536)
def _classify_words(words: tuple[str, ...], nationality: str | None,
                    honorific: bool) -> tuple[int, int, EntityType | None, str | None, str | None]:
    """``_classify``: a pure function of the words, cached."""
    n = len(words)
    last = _strip_possessive(words[-1])
    clean = list(words[:-1]) + [last]
    joined = " ".join(clean)
    if lookup_place(joined) is not None:
        p = _PLACES.get(joined) or lookup_place(joined)
        return 0, n, p.type, None, None
    dem = _DEMONYMS
    if clean[-1] in _REGION_ADJECTIVES and all(w in _REGION_WORDS for w in clean) and joined not in dem:
        return 0, n, None, None, None  # "Southeast Asian claimants", "Gulf Arab neighbours": an adjective
    d0 = 2 if n >= 3 and f"{clean[0]} {clean[1]}" in dem else 1 if n >= 2 and clean[0] in dem else 0
    split = _title_split(clean[d0:])
    if split is not None:
        k, org_end = split[0] + d0, split[1] + d0
        title = " ".join(clean[org_end:k + 1]).lower()
        nat = nationality
        if nat is None and d0:
            nat = dem[" ".join(clean[:d0])]
        return k + 1, n, EntityType.PER, nat, title
    if any(_strip_possessive(w) in FAC_WORDS for w in clean[1:]) or (n >= 2 and clean[0] in FAC_OF_HEADS):
        return 0, n, EntityType.FAC, nationality, None
    if any(_strip_possessive(w) in ORG_WORDS for w in clean):
        return 0, n, EntityType.ORG, nationality, None
    i = 0
    if n >= 2 and f"{clean[0]} {clean[1]}" in dem:
        nationality, i = dem[f"{clean[0]} {clean[1]}"], 2
    elif clean[0] in dem and n > 1:
        nationality, i = dem[clean[0]], 1
    elif clean[0] in dem:
        return 0, n, None, dem[clean[0]], None
    t0 = i
    while i < n and (clean[i].lower() in TITLE_WORDS or (_lower_word(clean[i]) and i > t0)):
        i += 1
    title = " ".join(clean[t0:i]).lower() or None
    rest = clean[i:]
    if not rest:
        return t0, n, None, nationality, title  # a bare title: "Prime Minister"
    rest_text = " ".join(rest)
    if lookup_place(rest_text) is not None and title is None:
        return i, n, lookup_place(rest_text).type, None, None
    if all(w.isupper() and len(w.replace(".", "")) <= 6 for w in rest) and title is None:
        return i, n, EntityType.ORG, nationality, None
    if title or honorific or len(rest) >= 2:
        return i, n, EntityType.PER, nationality, title
    return i, n, None, nationality, title


def _starts_with_place(words: list[str]) -> bool:
    """Whether the run opens with a multiword place or demonym ("New Zealand Foreign
    Minister ...", "New Delhi's ...")."""
    for n in (3, 2):
        if len(words) >= n:
            head = " ".join(words[:n - 1] + [_strip_possessive(words[n - 1])])
            if head in _PLACES or head in _DEMONYMS:
                return True
    return False


def _is_head(word: str) -> bool:
    low = word.lower()
    return low in TITLE_HEADS or any(part in TITLE_HEADS for part in low.split("-")[-1:])


@lru_cache(maxsize=65536)
def _title_split_words(clean: tuple[str, ...]) -> tuple[int, int] | None:
    """``_title_split``: a pure function of the words, cached."""
    return _title_split(list(clean))


def _title_split(clean: list[str]) -> tuple[int, int] | None:
    """Where an office title ends inside a run that goes on with a person's name, and where
    a leading organisation name ends: "National Assembly Vice Chairwoman NAME" -> (index of
    "Chairwoman", 2); "Unification Minister NAME" -> (1, 0); None when no title head word is
    followed by name words ("General Assembly", "Foreign Minister")."""
    n = len(clean)
    k = None
    for i in range(n - 2, -1, -1):
        if _is_head(clean[i]):
            k = i
            break
    if k is None:
        return None
    rest = clean[k + 1:]
    if any(w.lower() in TITLE_WORDS or _strip_possessive(w) in ORG_WORDS or _strip_possessive(w) in FAC_WORDS
           or _lower_word(w) for w in rest):
        return None
    if lookup_place(" ".join(rest)) is not None or all(w.isupper() for w in rest):
        return None
    # the title starts after the last organisation word before the head ("National Assembly")
    org_end = 0
    for i in range(k):
        if _strip_possessive(clean[i]) in ORG_WORDS:
            org_end = i + 1
    return k, org_end


_LOWER_NEXT = re.compile(r" [a-z]")
_NON_SPACE = re.compile(r"\S+")


def find_names(text: str, start: int = 0, end: int | None = None) -> list[NameMention]:
    """Capitalised names in ``text[start:end]``, typed; offsets into ``text``.

    >>> [(m.text, m.type, m.nationality, m.title) for m in find_names(
    ...     "Russian Foreign Minister Sergei Lavrov met Wang Yi in Beijing.")]  # doctest: +NORMALIZE_WHITESPACE
    [('Sergei Lavrov', <EntityType.PER: 'PER'>, 'Russia', 'foreign minister'),
     ('Wang Yi', <EntityType.PER: 'PER'>, None, None), ('Beijing', <EntityType.GPE: 'GPE'>, None, None)]
    """
    end = len(text) if end is None else end
    out: list[NameMention] = []
    for m in NAME_RUN.finditer(text, start, end):
        run = m.group(0)
        if len(run.split(None, 1)) == 1:
            single = _single(run, m.start())
            if single is not None and single.type is EntityType.GPE and _LOWER_NEXT.match(text, m.end()):
                dem = _DEMONYMS.get(single.text)
                if dem is not None:  # "the Saudi foreign ministry": a demonym that is also a short name
                    single = NameMention(single.start, single.end, single.text, None, dem, None, False, single.start)
            if single is not None:
                out.append(single)
            continue
        for _s, _e, words, starts in _split_run(run, m.start()):
            honorific = False
            nationality = None
            whole = " ".join(_strip_possessive(w) if k == len(words) - 1 else w for k, w in enumerate(words))
            p = lookup_place(whole) if len(words) > 1 and words[0] not in ("The", "the") else None
            if p is not None and whole in _PLACES:
                e = starts[-1] + len(_strip_possessive(words[-1]))
                out.append(NameMention(starts[0], e, text[starts[0]:e], p.type, None, None, False, starts[0]))
                continue
            while words and (_strip_possessive(words[0]).rstrip(".") in FUNCTION_CAPS or words[0].rstrip(".") in HONORIFICS) \
                    and lookup_place(" ".join(words)) is None and not _starts_with_place(words):
                if words[0].rstrip(".") in HONORIFICS:
                    honorific = True
                words, starts = words[1:], starts[1:]
            if not words:
                continue
            # A possessive place inside a run was split off by _split_run; a preceding
            # possessive place of the previous sub-run gives the nationality.
            if out and out[-1].end + 3 >= starts[0] and out[-1].type in (EntityType.GPE,) and text[out[-1].end:starts[0]].strip() in ("’s", "'s"):
                nationality = lookup_place(out[-1].text).name if lookup_place(out[-1].text) else None
            i, j, etype, nat, title = _classify(words, starts, nationality, honorific)
            run_start = starts[0]
            if etype is EntityType.PER and i > 1:
                split = _title_split_words(tuple(_strip_possessive(w) for w in words))
                if split is not None and split[1] > 0:
                    oe = starts[split[1] - 1] + len(words[split[1] - 1])
                    out.append(NameMention(starts[0], oe, text[starts[0]:oe], EntityType.ORG, None, None, False, starts[0]))
            words, starts = words[i:j], starts[i:j]
            if not words:
                continue
            ms = starts[0]
            last = words[-1]
            stripped = _strip_possessive(last)
            if stripped != last and stripped:
                last = stripped
            if etype is None and len(words) == 1 and (stripped in _MONTHS_DAYS):
                continue
            me = starts[-1] + len(last)
            out.append(NameMention(ms, me, text[ms:me], etype, nat, title, honorific, run_start))
    return out
