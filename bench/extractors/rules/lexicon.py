"""Word lists of the name finder: titles, words that make a person, organisation head words,
facility words and honorifics.

Everything here is a phenomenon of English news prose ("Foreign Minister", "the Ministry of
Defence"), never a name or a sentence of a particular document. The trigger expressions live in
``patterns.py`` and the polarity, realis and mode cues in ``cues.py``; each has one home.
"""

from __future__ import annotations

# --- titles ---------------------------------------------------------------------------------
# Words that make up an office held by a person ("Foreign Minister", "Secretary of State").
# Lower case; a capitalised run of these before a name is the person's title.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    minister ministers president presidents premier chancellor secretary secretaries
    ambassador ambassadors envoy envoys king queen prince princess crown emir sheikh sultan
    pope senator governor mayor chairman chairwoman chair chief commissioner spokesman
    spokeswoman spokesperson director general leader leaders vice deputy foreign defense
    defence prime state affairs trade finance interior economy economic commerce energy
    health education agriculture culture justice industry external home security national
    special first lady top diplomat diplomats counterpart counterparts head heads
    representative representatives delegate undersecretary under assistant acting former
    supreme commander admiral marshal colonel lieutenant officer official officials
    adviser advisor ministerial parliamentary speaker monarch ruler grand duke duchess
    emperor empress vizier crown-prince high commissioner attorney ceo founder pm fm
    """.split()
)

# Head words of an office title: a capitalised run that has one of these and goes on with
# other capitalised words is TITLE + NAME ("Unification Minister Han ...", "Major General
# Elaine ...", "National Assembly Vice Chairwoman ...").
TITLE_HEADS: frozenset[str] = frozenset(
    """
    minister president premier chancellor secretary ambassador envoy king queen prince princess
    emir sheikh sultan pope senator governor mayor chairman chairwoman chair chief commissioner
    spokesman spokeswoman spokesperson director general leader speaker commander admiral marshal
    colonel lieutenant officer adviser advisor diplomat representative delegate undersecretary
    monarch ruler duke duchess emperor empress vizier attorney ceo founder secretary-general pm fm
    """.split()
)

# Person-denoting nouns that, after "the two" / "both", refer back to people.
PERSON_NOUNS: frozenset[str] = frozenset(
    """
    ministers leaders presidents men women officials diplomats envoys sides counterparts
    delegations heads premiers chancellors statesmen politicians ambassadors secretaries
    chiefs rulers monarchs kings
    """.split()
)

# Head words that make a capitalised phrase an organisation.
ORG_WORDS: frozenset[str] = frozenset(
    """
    Ministry Ministries Agency Council Union Organization Organisation Nations Party Forum
    Bank Fund Committee Parliament Assembly Congress Commission Office Department Government
    Association Institute University Corporation Company Group News Times Post Press Army
    Navy Force Forces Guard Court Senate Cabinet Administration Authority Bureau Service
    Services Federation League Alliance Coalition Movement Front Network Television Radio
    Channel Agency Summit Conference Embassy Consulate Secretariat Kremlin Pentagon
    Duma Knesset Bundestag Politburo Command Centre Center Foundation Society Tribunal
    Mission Directorate Inc Ltd Corp Reuters Xinhua Bloomberg Journal Herald Daily Tribune
    Gazette Broadcasting Airlines Railways Council Cooperation Co-operation Community Partnership
    Initiative Dialogue Group Programme Program Pact Treaty Organisation Commonwealth
    """.split()
)

# Facilities named as meeting places ("the White House", "the Great Hall of the People").
FAC_WORDS: frozenset[str] = frozenset(
    "House Palace Hall Headquarters Airport Castle Residence Tomb Mausoleum Memorial Monument Museum Cathedral "
    "Church Temple Mosque Shrine Basilica Cemetery Guesthouse".split())
# Facility words that head a name from its first word when "of" follows ("Tomb of the Unknown
# Soldier", "Church of the Nativity", "Palace of Westminster").
FAC_OF_HEADS: frozenset[str] = frozenset(
    "Palace Tomb Mausoleum Memorial Monument Museum Cathedral Church Temple Mosque Shrine Basilica Cemetery".split())

# Courtesy titles: the capitalised words after them are a person's name.
HONORIFICS: frozenset[str] = frozenset("Mr Mrs Ms Dr Prof Sir Madam Dame Lord Lady".split())
