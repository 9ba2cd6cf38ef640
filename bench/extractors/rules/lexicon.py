"""Word lists of the rule-based extractors: triggers per relation type, titles, organisation
head words, and the cue words of polarity, realis and contact mode.

Everything here is a phenomenon of English news prose ("X met Y", "X cancelled his visit to
Y", "X and Y spoke by phone"), never a name or a sentence of a particular document. The lists
are plain data so that both ``trigger.v1`` (regular expressions) and ``spacy_dep.v1`` (lemmas
and dependency labels) read the same vocabulary.
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
    Gazette Broadcasting Airlines Railways Council
    """.split()
)

# Facilities named as meeting places ("the White House", "the Great Hall of the People").
FAC_WORDS: frozenset[str] = frozenset("House Palace Hall Headquarters Airport Castle Residence".split())

# Capitalised words that never start or form a name by themselves.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    """
    The A An On In At During After Before Meanwhile However But And Or For With While This
    That These Those It He She They We I You His Her Their Its Our My Your Both Earlier Later
    Last Next Also Separately Following Ahead Despite Since As When Until Then There Here
    According Speaking Asked Read More Advertisement Advertisements Related Latest Follow
    Subscribe Share Click Watch Sign Photo Video File Image Credit Source Update Updated
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Today Yesterday Tomorrow Tonight
    If Although Though Whether Why What Who Whom Which Where How Some Many Several All Each
    Every No Not Neither Nor One Two Three Four Five Six Seven Eight Nine Ten First Second
    Third Mr Mrs Ms Dr Prof Sir Madam Dame Lord Lady Mr. Mrs. Ms. Dr. Prof. Speaking Instead
    Still Yet Even Just Only Once Over Under Among Between From To Of By Into Upon About
    Against Through Without Within Amid Amidst Such Other Another New Further Meanwhile Thus
    So Because Unlike Like Besides Nevertheless Moreover Furthermore Additionally Overall
    Finally Initially Previously Recently Currently Eventually Ties Talks Relations Officials
    Reporting Editing Writing Additional Reuters-style Breaking Exclusive Analysis Opinion
    Explainer Factbox Timeline Live Top Home News Sources Diplomats Analysts Critics
    Observers Experts State Foreign Defense Defence Prime Vice Deputy Ministry Minister
    President Premier Chancellor Secretary Ambassador Envoy King Queen Prince Emir Sheikh
    Sultan Pope Senator Governor Mayor Chairman Chief Commissioner Spokesman Spokeswoman
    Spokesperson Director General Leader Supreme Special Acting Former Top
    """.split()
)

# Courtesy titles: the capitalised words after them are a person's name.
HONORIFICS: frozenset[str] = frozenset("Mr Mrs Ms Dr Prof Sir Madam Dame Lord Lady".split())

# --- triggers -------------------------------------------------------------------------------
# Regular-expression alternatives, lower case, matched on word boundaries. Each group names
# the relation type it triggers; "host" and "receive" triggers give both met and visited.

VISIT_VERBS = (
    r"visit(?:s|ed|ing)?|pa(?:y|ys|id|ying)\s+(?:a|an|his|her|their|its)\s+(?:\w+\s+){0,2}visits?"
    r"|make\s+a\s+visit|made\s+a\s+visit|tour(?:s|ed|ing)?|toured"
)
VISIT_MOTION = (
    r"(?:arriv(?:e|es|ed|ing)|arrival|landed|land(?:s|ing)?|touch(?:ed|es)?\s+down)\s+(?:in|at)"
    r"|(?:travel(?:s|led|ed|ling|ing)?|trip|trips|journey(?:ed|s)?|flew|fly|flies|flying"
    r"|went|go(?:es)?|heads?|headed|heading|came|come|comes|coming|return(?:s|ed|ing)?"
    r"|back)\s+to"
    r"|(?:left|leave|leaves|leaving|depart(?:s|ed|ing)?|set\s+off|set\s+out)\s+for"
    r"|(?:stop(?:s|ped)?|stopover|stay(?:s|ed|ing)?)\s+in"
    r"|returned\s+from|back\s+from|visit(?:s)?\s+to|visit(?:s)?\s+by"
)
MEET = (
    r"met|meet(?:s|ing|ings)?|talks|held\s+talks|hold(?:s|ing)?\s+talks|summit|summits"
    r"|sat\s+down\s+with|sit(?:s|ting)?\s+down\s+with|conferred\s+with|confer(?:s|ring)?\s+with"
    r"|shook\s+hands\s+with|greet(?:s|ed|ing)?|negotiat(?:ed|ions|ion|es|ing)\s+with"
    r"|encounter(?:ed)?\s+with|get-together|face-to-face|tete-a-tete|audience\s+with"
)
HOST = r"host(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)"
DISCUSS = (
    r"discuss(?:es|ed|ing)?|discussions?|talk(?:s|ed)?\s+(?:about|on|over)|spoke\s+about"
    r"|speak(?:s|ing)?\s+about|exchang(?:e|ed|es|ing)\s+(?:of\s+)?views|exchanged\s+opinions"
    r"|focus(?:ed|ing|es)?\s+on|focused\s+on|centred\s+on|centered\s+on|conversation\s+(?:on|about)"
    r"|touch(?:ed|es)?\s+(?:up)?on|review(?:ed|s)?|deliberat(?:ed|ions)|consult(?:ed|ations)"
)

# Contact-mode cues: a phone or video contact is never ``met``.
PHONE = (
    r"(?:tele)?phone[ds]?|phone\s+call|call(?:ed|s)?|calling|over\s+the\s+phone|by\s+(?:tele)?phone"
    r"|telephone\s+(?:call|conversation|talks)|phone\s+(?:conversation|talks)|dialled|dialed"
)
VIDEO = (
    r"video\s*(?:call|link|conference|conferencing|chat)s?|videoconferenc(?:e|es|ing)|virtual(?:ly)?"
    r"|online\s+(?:meeting|summit|talks)|via\s+video|by\s+video|zoom\s+call"
)
WRITTEN = r"letters?|wrote\s+to|written\s+message|messages?\s+to|exchange\s+of\s+letters"

# --- polarity and realis cues ----------------------------------------------------------------
NEGATION = r"not|n't|never|no\s+longer|neither|nor"
CANCEL = (
    r"cancel(?:l?ed|s|ling|lation)?|called\s+off|call(?:s|ing)?\s+off|scrap(?:ped|s)?"
    r"|postpon(?:e|ed|es|ing|ement)|shelved|shelve[sd]?|aborted|axed|abandon(?:ed|s)?"
    r"|put\s+off|delayed\s+indefinitely|did\s+not\s+take\s+place|fell\s+through"
)
DENY = (
    r"den(?:y|ied|ies|ying|ial)|dismiss(?:ed|es)?|reject(?:ed|s)?|refut(?:ed|es)"
    r"|refus(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|ruled\s+out|rule[sd]?\s+out"
    r"|fail(?:ed|s)?\s+to|no\s+plans?|there\s+(?:was|were|will\s+be|is|are)\s+no|without"
    r"|snubbed|boycott(?:ed|s)?|false\s+(?:reports?|claims?)|untrue"
)
PLANNED = (
    r"will|'ll|shall|(?:is|are|was|were|be)\s+(?:set|scheduled|expected|due|slated|poised"
    r"|going|planning|planned|preparing|likely)\s+to|plan(?:s|ned|ning)?\s+to|intend(?:s|ed)?\s+to"
    r"|(?:is|are)\s+to|agreed\s+to|accepted\s+an\s+invitation|upcoming|forthcoming|planned"
    r"|scheduled|would|next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year)"
    r"|to\s+be\s+held|(?:is|are)\s+(?:visiting|meeting|travelling|traveling|heading)\s+\w+\s+next"
)
HYPOTHETICAL = (
    r"hope[sd]?\s+to|hoping\s+to|may|might|could|wants?\s+to|wanted\s+to|wish(?:es|ed)?\s+to"
    r"|would\s+like\s+to|seek(?:s|ing)?\s+to|sought\s+to|aim(?:s|ed)?\s+to|propos(?:e|ed|es|al)"
    r"|offer(?:ed|s)?\s+to|possible|possibility|potential|if|unless|should\s+(?:he|she|they|it)"
    r"|invit(?:e|ed|es|ing|ation)|urg(?:e|ed|es|ing)|call(?:ed|s)?\s+for|ready\s+to|willing\s+to"
    r"|consider(?:s|ed|ing)?|mulling|open\s+to|eager\s+to|keen\s+to|try(?:ing)?\s+to|tried\s+to"
    r"|would\s+welcome|in\s+talks\s+to|hope|hopes"
)
GENERIC = (
    r"usually|regularly|often|frequently|routinely|typically|traditionally|annually"
    r"|every\s+(?:year|month|week|summer|spring|autumn|winter)|each\s+(?:year|month)"
    r"|tend(?:s)?\s+to|customarily|habitually"
)

# Prepositions that open a separate scope for a nominal trigger ("after his trip to China"):
# the modal cues of the main clause do not reach into it.
SCOPE_PREPOSITIONS = r"after|before|following|during|ahead\s+of|since|on\s+the\s+sidelines\s+of"

# Words that end the topic phrase of a discussion.
TOPIC_STOPS = (
    r"with|during|while|when|after|before|at|in\s+(?:the\s+)?[A-Z]|on\s+(?:Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday)|according|said|says|told|amid|as\s+(?:part|they|he|she)"
    r"|and\s+(?:agreed|signed|said|vowed|pledged|called|urged|stressed|expressed|held|met|visited)"
    r"|but|which|who|where|the\s+(?:ministry|statement|foreign)"
)
