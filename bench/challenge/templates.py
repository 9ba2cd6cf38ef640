"""The challenge templates: one or two sentences each, tagged by the capability they test,
with their gold written by slot (markup in ``bench/challenge/render.py``).

Every template has an id and a side. ``test`` templates generate the suite that is scored;
``train`` templates generate training cases for learned extractors (``training_examples``).
No template is on both sides: ids and texts are disjoint (a test checks it), so an extractor
trained on the training side has never seen a test sentence pattern.

Gold follows annotations/GUIDELINES.md: a meeting is ``met`` only face to face; a phone or
video call with a stated topic is ``discussed`` with its mode and never ``met``; a contact
without a topic is no relation; hosting ("A hosted B in L", "B was received by A in L") is
``visited(B -> L)`` plus ``met(A, B)``; negated and denied events are NEG ACTUAL, cancelled
ones NEG PLANNED, a visit postponed to a stated time stays POS PLANNED; hoped-for,
conditional, invited and urged events, and a claim the text reports together with its denial,
are OTHER; announced or scheduled ones are PLANNED. An in-person discussion comes with its
``met``. A meeting of three parties is stored as its three pairs with one event id. Pronouns
and plural groups are not mentions; the relations they carry are annotated.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Mode, Polarity, Realis, RelationType
from .render import RelSpec

TRAIN = "train"
TEST = "test"
SIDES = (TEST, TRAIN)

# Capability -> one line saying what it tests (shown in reports).
CAPABILITIES: dict[str, str] = {
    "negation": "negated events are NEG: 'did not meet', 'has never visited'",
    "cancellation": "cancelled or called-off events are NEG",
    "denial": "denied events are NEG: 'denied meeting', 'rejected claims that'",
    "planned_vs_actual": "scheduled events are PLANNED, past ones ACTUAL; both are required",
    "hypothetical": "hoped-for, conditional and invited events are OTHER: not to be predicted",
    "phone_video_vs_in_person": "a phone or video call is discussed (mode phone/video), never met",
    "passive": "passive voice: 'was received by', 'talks were held between'",
    "hosting": "'A hosted B in L' is visited(B -> L) and met(A, B)",
    "coordination": "'A and B met C': every pair; 'separately' splits the meeting",
    "titles_appositions": "titles and appositions name the person, not a relation to a place",
    "coreference": "relations stated through pronouns, 'the minister', 'her counterpart'",
    "distractor_comention": "people named together without interacting: no relation",
    "reported_speech": "relations inside reported speech and quotations",
    "argument_order_invariance": "swapping two names swaps the predictions (pairs of documents)",
    "alias_invariance": "full names or surnames only: the same predictions (pairs of documents)",
}

INVARIANCE = ("argument_order_invariance", "alias_invariance")

POS, NEG = Polarity.POS, Polarity.NEG
ACTUAL, PLANNED, OTHER = Realis.ACTUAL, Realis.PLANNED, Realis.OTHER
PHONE, VIDEO, IN_PERSON = Mode.PHONE, Mode.VIDEO, Mode.IN_PERSON


@dataclass(frozen=True, slots=True)
class Template:
    """One template. ``text`` (its sentences joined) is what the disjointness test compares."""

    id: str
    side: str
    capability: str
    sentences: tuple[str, ...]
    relations: tuple[RelSpec, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def visited(h: str, t: str, trigger: str, **kw) -> RelSpec:
    return RelSpec(RelationType.VISITED, h, t, trigger, **kw)


def met(h: str, t: str, trigger: str, **kw) -> RelSpec:
    return RelSpec(RelationType.MET, h, t, trigger, **kw)


def discussed(h: str, t: str, trigger: str, topics=("T",), mode: Mode = IN_PERSON, **kw) -> RelSpec:
    return RelSpec(RelationType.DISCUSSED, h, t, trigger, mode=mode, topics=tuple(topics), **kw)


def _t(tid: str, side: str, capability: str, *sentences: str, rels=()) -> Template:
    return Template(tid, side, capability, tuple(sentences), tuple(rels))


# fmt: off
TEMPLATES: tuple[Template, ...] = (
    # ------------------------------------------------------------------ negation
    _t("neg-01", TEST, "negation",
       "{A.title} did not [meet] {B} while [visiting] {L} for two days.",
       rels=[met("A", "B", "meet", polarity=NEG), visited("A", "L", "visiting")]),
    _t("neg-02", TEST, "negation",
       "{A} has never [visited] {X}, officials said on {DAY}.",
       rels=[visited("A", "X", "visited", polarity=NEG)]),
    _t("neg-03", TEST, "negation",
       "{A} and {B} did not [hold talks] in {L} on {DAY}.",
       rels=[met("A", "B", "hold talks", polarity=NEG, time="DAY")]),
    _t("neg-04", TEST, "negation",
       "{A.title} [arrived] in {L} on {DAY}.",
       "{A.Subj} did not [meet] {B.title}, who was abroad.",
       rels=[visited("A", "L", "arrived", time="DAY"), met("A", "B", "meet", polarity=NEG)]),
    _t("neg-05", TEST, "negation",
       "{A} [visited] {L} on {DAY} but did not [travel] on to {M}.",
       rels=[visited("A", "L", "visited", time="DAY"), visited("A", "M", "travel", polarity=NEG)]),
    _t("neg-t1", TRAIN, "negation",
       "{A} did not [travel] to {L} for the summit.",
       rels=[visited("A", "L", "travel", polarity=NEG)]),
    _t("neg-t2", TRAIN, "negation",
       "{A} [visited] {L} on {DAY} but did not [meet] {B.title}.",
       rels=[visited("A", "L", "visited", time="DAY"), met("A", "B", "meet", polarity=NEG)]),
    _t("neg-t3", TRAIN, "negation",
       "There was no [meeting] between {A} and {B} in {L} this week.",
       rels=[met("A", "B", "meeting", polarity=NEG)]),
    _t("neg-t4", TRAIN, "negation",
       "{A.title} has not [been] to {X} since taking office.",
       rels=[visited("A", "X", "been", polarity=NEG)]),

    # ------------------------------------------------------------------ cancellation
    _t("can-01", TEST, "cancellation",
       "{A} cancelled a planned [visit] to {L} on {DAY}.",
       rels=[visited("A", "L", "visit", polarity=NEG, realis=PLANNED)]),
    _t("can-02", TEST, "cancellation",
       "A [meeting] between {A} and {B} scheduled for {DAY} in {L} was called off.",
       rels=[met("A", "B", "meeting", polarity=NEG, realis=PLANNED)]),
    _t("can-03", TEST, "cancellation",
       "{A.title} called off {A.poss} [trip] to {X} at the last minute.",
       rels=[visited("A", "X", "trip", polarity=NEG, realis=PLANNED)]),
    _t("can-04", TEST, "cancellation",
       "{A} and {B} had been due to [hold talks] on {T} in {L}, but the meeting was cancelled.",
       rels=[met("A", "B", "hold talks", polarity=NEG, realis=PLANNED),
             discussed("A", "B", "hold talks", polarity=NEG, realis=PLANNED)]),
    _t("can-05", TEST, "cancellation",
       "{A} was expected to [meet] {B} in {L} on {DAY}.",
       "The talks were cancelled after a dispute over {T}.",
       rels=[met("A", "B", "meet", polarity=NEG, realis=PLANNED, sentences=(1,))]),
    _t("can-06", TEST, "cancellation",
       "{A} postponed {A.poss} [visit] to {L} until {MONTH}.",
       rels=[visited("A", "L", "visit", realis=PLANNED, time="MONTH",
                     note="postponed to a stated time: still planned (guidelines 7.2)")]),
    _t("can-t1", TRAIN, "cancellation",
       "{A} scrapped plans to [travel] to {L} next week.",
       rels=[visited("A", "L", "travel", polarity=NEG, realis=PLANNED)]),
    _t("can-t2", TRAIN, "cancellation",
       "The planned [talks] between {A} and {B} were cancelled on {DAY}.",
       rels=[met("A", "B", "talks", polarity=NEG, realis=PLANNED)]),
    _t("can-t3", TRAIN, "cancellation",
       "{A} has postponed {A.poss} [meeting] with {B} indefinitely.",
       rels=[met("A", "B", "meeting", polarity=NEG, realis=PLANNED)]),
    _t("can-t4", TRAIN, "cancellation",
       "{A} has put off {A.poss} [trip] to {X} until {MONTH}.",
       rels=[visited("A", "X", "trip", realis=PLANNED, time="MONTH")]),

    # ------------------------------------------------------------------ denial
    _t("den-01", TEST, "denial",
       "{A} denied [meeting] {B} in {L} last month.",
       rels=[met("A", "B", "meeting", polarity=NEG, time="last month")]),
    _t("den-02", TEST, "denial",
       "{X} denied reports that {A} had [visited] {L}.",
       rels=[visited("A", "L", "visited", polarity=NEG)]),
    _t("den-03", TEST, "denial",
       "{A.title} rejected claims that {A.subj} had secretly [met] {B}.",
       rels=[met("A", "B", "met", polarity=NEG)]),
    _t("den-04", TEST, "denial",
       "Reports said {A} had [travelled] to {L} to [meet] {B}.",
       "{A.last} denied the reports on {DAY}.",
       rels=[visited("A", "L", "travelled", realis=OTHER, sentences=(1,),
                     note="a claim and a denial, not settled by the text: OTHER (guidelines 6.5)"),
             met("A", "B", "meet", realis=OTHER, sentences=(1,),
                 note="a claim and a denial, not settled by the text: OTHER (guidelines 6.5)")]),
    _t("den-t1", TRAIN, "denial",
       "{A} denied that {A.subj} had [travelled] to {X}.",
       rels=[visited("A", "X", "travelled", polarity=NEG)]),
    _t("den-t2", TRAIN, "denial",
       "Officials denied that {A} and {B} [held talks] in {L}.",
       rels=[met("A", "B", "held talks", polarity=NEG)]),
    _t("den-t3", TRAIN, "denial",
       "{A} dismissed reports of a [meeting] with {B} as false.",
       rels=[met("A", "B", "meeting", polarity=NEG)]),

    # ------------------------------------------------------------------ planned vs actual
    _t("plan-01", TEST, "planned_vs_actual",
       "{A} will [visit] {L} next week.",
       rels=[visited("A", "L", "visit", realis=PLANNED, time="next week")]),
    _t("plan-02", TEST, "planned_vs_actual",
       "{A.title} is scheduled to [meet] {B} in {L} on {DAY}.",
       rels=[met("A", "B", "meet", realis=PLANNED, time="DAY")]),
    _t("plan-03", TEST, "planned_vs_actual",
       "{A} [arrived] in {L} on {DAY} and will [meet] {B} on {DAY2}.",
       rels=[visited("A", "L", "arrived", time="DAY"), met("A", "B", "meet", realis=PLANNED, time="DAY2")]),
    _t("plan-04", TEST, "planned_vs_actual",
       "{A} and {B} are set to [discuss] {T} when they [meet] in {L} later this month.",
       rels=[met("A", "B", "meet", realis=PLANNED, time="this month", event="talks"),
             discussed("A", "B", "discuss", realis=PLANNED, time="this month", event="talks")]),
    _t("plan-05", TEST, "planned_vs_actual",
       "{A} [met] {B} in {L} on {DAY}.",
       "{A.last} will [travel] to {M} next month.",
       rels=[met("A", "B", "met", time="DAY"), visited("A", "M", "travel", realis=PLANNED, time="next month")]),
    _t("plan-t1", TRAIN, "planned_vs_actual",
       "{A} plans to [visit] {X} in {MONTH}.",
       rels=[visited("A", "X", "visit", realis=PLANNED, time="MONTH")]),
    _t("plan-t2", TRAIN, "planned_vs_actual",
       "{A} [visited] {L} on {DAY}.",
       rels=[visited("A", "L", "visited", time="DAY")]),
    _t("plan-t3", TRAIN, "planned_vs_actual",
       "{A} is due to [hold talks] with {B} in {L} on {DAY}.",
       rels=[met("A", "B", "hold talks", realis=PLANNED, time="DAY")]),
    _t("plan-t4", TRAIN, "planned_vs_actual",
       "{A} [held talks] with {B} on {T} in {L} on {DAY}.",
       rels=[met("A", "B", "held talks", time="DAY"), discussed("A", "B", "held talks", time="DAY")]),

    # ------------------------------------------------------------------ hypothetical
    _t("hyp-01", TEST, "hypothetical",
       "{A} hoped to [visit] {L} before the end of the year.",
       rels=[visited("A", "L", "visit", realis=OTHER)]),
    _t("hyp-02", TEST, "hypothetical",
       "If the ceasefire holds, {A} could [meet] {B} in {L}.",
       rels=[met("A", "B", "meet", realis=OTHER)]),
    _t("hyp-03", TEST, "hypothetical",
       "{A} said {A.subj} would be willing to [meet] {B} to [discuss] {T}.",
       rels=[met("A", "B", "meet", realis=OTHER, event="talks"),
             discussed("A", "B", "discuss", realis=OTHER, event="talks")]),
    _t("hyp-04", TEST, "hypothetical",
       "{A} [visited] {L} on {DAY} and hoped to [meet] {B} later in the year.",
       rels=[visited("A", "L", "visited", time="DAY"), met("A", "B", "meet", realis=OTHER)]),
    _t("hyp-05", TEST, "hypothetical",
       "{B} invited {A} to [visit] {X}.",
       rels=[visited("A", "X", "visit", realis=OTHER)]),
    _t("hyp-t1", TRAIN, "hypothetical",
       "{A} wants to [visit] {L} soon.",
       rels=[visited("A", "L", "visit", realis=OTHER)]),
    _t("hyp-t2", TRAIN, "hypothetical",
       "{A} might [meet] {B} if relations improve.",
       rels=[met("A", "B", "meet", realis=OTHER)]),
    _t("hyp-t3", TRAIN, "hypothetical",
       "{A} urged {B} to [visit] {X}.",
       rels=[visited("B", "X", "visit", realis=OTHER)]),

    # ------------------------------------------------------------------ phone / video
    _t("ph-01", TEST, "phone_video_vs_in_person",
       "{A} [spoke by phone] with {B} about {T} on {DAY}.",
       rels=[discussed("A", "B", "spoke by phone", mode=PHONE, time="DAY")]),
    _t("ph-02", TEST, "phone_video_vs_in_person",
       "{A} and {B} held a [video call] on {DAY} to discuss {T}.",
       rels=[discussed("A", "B", "video call", mode=VIDEO, time="DAY")]),
    _t("ph-03", TEST, "phone_video_vs_in_person",
       "{A} telephoned {B} on {DAY}.",
       rels=[]),
    _t("ph-04", TEST, "phone_video_vs_in_person",
       "{A} [met] {B} in {L} on {DAY} to [discuss] {T}.",
       rels=[met("A", "B", "met", time="DAY", event="talks"),
             discussed("A", "B", "discuss", time="DAY", event="talks")]),
    _t("ph-05", TEST, "phone_video_vs_in_person",
       "{A} held a [phone call] with {B} on {DAY}.",
       "The call focused on {T}.",
       rels=[discussed("A", "B", "phone call", mode=PHONE, time="DAY", sentences=(1,))]),
    _t("ph-t1", TRAIN, "phone_video_vs_in_person",
       "{A} and {B} [discussed] {T} in a telephone call.",
       rels=[discussed("A", "B", "discussed", mode=PHONE)]),
    _t("ph-t2", TRAIN, "phone_video_vs_in_person",
       "{A} called {B} on {DAY}.",
       rels=[]),
    _t("ph-t3", TRAIN, "phone_video_vs_in_person",
       "{A} [held talks] with {B} in {L} on {T}.",
       rels=[met("A", "B", "held talks"), discussed("A", "B", "held talks")]),
    _t("ph-t4", TRAIN, "phone_video_vs_in_person",
       "{A} joined {B} by [video link] to discuss {T}.",
       rels=[discussed("A", "B", "video link", mode=VIDEO)]),

    # ------------------------------------------------------------------ passive
    _t("pas-01", TEST, "passive",
       "{B} was [received] by {A} in {L} on {DAY}.",
       rels=[visited("B", "L", "received", time="DAY"), met("A", "B", "received", time="DAY")]),
    _t("pas-02", TEST, "passive",
       "[Talks] were held between {A} and {B} in {L} on {DAY}.",
       rels=[met("A", "B", "Talks", time="DAY")]),
    _t("pas-03", TEST, "passive",
       "{L} was [visited] by {A.title} on {DAY}.",
       rels=[visited("A", "L", "visited", time="DAY")]),
    _t("pas-04", TEST, "passive",
       "{A} was [invited] to {L} by {B}.",
       rels=[visited("A", "L", "invited", realis=OTHER)]),
    _t("pas-05", TEST, "passive",
       "At a [meeting] in {L}, {T} was [discussed] by {A} and {B}.",
       rels=[met("A", "B", "meeting", event="talks"), discussed("A", "B", "discussed", event="talks")]),
    _t("pas-t1", TRAIN, "passive",
       "{A} was [welcomed] by {B} in {L} on {DAY}.",
       rels=[visited("A", "L", "welcomed", time="DAY"), met("A", "B", "welcomed", time="DAY")]),
    _t("pas-t2", TRAIN, "passive",
       "A [meeting] was held between {A} and {B} on {DAY}.",
       rels=[met("A", "B", "meeting", time="DAY")]),
    _t("pas-t3", TRAIN, "passive",
       "{X} was [visited] by {A} last week.",
       rels=[visited("A", "X", "visited", time="last week")]),

    # ------------------------------------------------------------------ hosting
    _t("host-01", TEST, "hosting",
       "{A} [hosted] {B} in {L} on {DAY}.",
       rels=[visited("B", "L", "hosted", time="DAY"), met("A", "B", "hosted", time="DAY")]),
    _t("host-02", TEST, "hosting",
       "{A.title} [welcomed] {B} to {L} for [talks] on {T}.",
       rels=[visited("B", "L", "welcomed", event="talks"), met("A", "B", "welcomed", event="talks"),
             discussed("A", "B", "talks", event="talks")]),
    _t("host-03", TEST, "hosting",
       "{A} will [host] {B} in {L} next week.",
       rels=[visited("B", "L", "host", realis=PLANNED, time="next week"),
             met("A", "B", "host", realis=PLANNED, time="next week")]),
    _t("host-04", TEST, "hosting",
       "{B.title} [arrived] in {L} on {DAY}.",
       "{B.Subj} was [hosted] by {A} for dinner.",
       rels=[visited("B", "L", "arrived", time="DAY"), met("A", "B", "hosted")]),
    _t("host-t1", TRAIN, "hosting",
       "{A} [hosted] a dinner for {B} in {L}.",
       rels=[visited("B", "L", "hosted"), met("A", "B", "hosted")]),
    _t("host-t2", TRAIN, "hosting",
       "{L} played [host] to {A} on {DAY}.",
       rels=[visited("A", "L", "host", time="DAY")]),
    _t("host-t3", TRAIN, "hosting",
       "{A} [received] {B} in {L} on {DAY}.",
       rels=[visited("B", "L", "received", time="DAY"), met("A", "B", "received", time="DAY")]),

    # ------------------------------------------------------------------ coordination
    _t("co-01", TEST, "coordination",
       "{A} and {B} [met] {C} in {L} on {DAY}.",
       rels=[met("A", "C", "met", time="DAY"), met("B", "C", "met", time="DAY"),
             met("A", "B", "met", time="DAY")]),
    _t("co-02", TEST, "coordination",
       "{A} and {B} [visited] {L} on {DAY}.",
       rels=[visited("A", "L", "visited", time="DAY"), visited("B", "L", "visited", time="DAY")]),
    _t("co-03", TEST, "coordination",
       "{A} [visited] {L} and {M} this week.",
       rels=[visited("A", "L", "visited"), visited("A", "M", "visited")]),
    _t("co-04", TEST, "coordination",
       "{A} [met] {B} and {C} separately in {L} on {DAY}.",
       rels=[met("A", "B", "met", time="DAY", event="b"), met("A", "C", "met", time="DAY", event="c")]),
    _t("co-05", TEST, "coordination",
       "{A}, {B} and {C} [discussed] {T} at a [meeting] in {L}.",
       rels=[met("A", "B", "meeting", event="m"), met("A", "C", "meeting", event="m"),
             met("B", "C", "meeting", event="m"),
             discussed("A", "B", "discussed", event="m"), discussed("A", "C", "discussed", event="m"),
             discussed("B", "C", "discussed", event="m")]),
    _t("co-t1", TRAIN, "coordination",
       "{A} [held joint talks] with {B} and {C} in {L}.",
       rels=[met("A", "B", "held joint talks"), met("A", "C", "held joint talks"),
             met("B", "C", "held joint talks")]),
    _t("co-t2", TRAIN, "coordination",
       "{A} and {B} [travelled] to {L} on {DAY}.",
       rels=[visited("A", "L", "travelled", time="DAY"), visited("B", "L", "travelled", time="DAY")]),
    _t("co-t3", TRAIN, "coordination",
       "{A} [toured] {X} and {Y} last week.",
       rels=[visited("A", "X", "toured", time="last week"), visited("A", "Y", "toured", time="last week")]),

    # ------------------------------------------------------------------ titles, appositions
    _t("tit-01", TEST, "titles_appositions",
       "{X}'s <foreign minister|A>, {A}, [met] {B} on {DAY}.",
       rels=[met("A", "B", "met", time="DAY")]),
    _t("tit-02", TEST, "titles_appositions",
       "{A}, a <senior adviser|A> to {B}, [arrived] in {L} on {DAY}.",
       rels=[visited("A", "L", "arrived", time="DAY")]),
    _t("tit-03", TEST, "titles_appositions",
       "{A.title} of {X} [met] {B.title} of {Y} on {DAY}.",
       rels=[met("A", "B", "met", time="DAY")]),
    _t("tit-04", TEST, "titles_appositions",
       "{A}, {X}'s <ambassador|A> to {Y}, [held talks] with {B} on {T}.",
       rels=[met("A", "B", "held talks"), discussed("A", "B", "held talks")]),
    _t("tit-05", TEST, "titles_appositions",
       "{A}, who [arrived] in {X.capital} on {DAY}, [met] {X}'s <president|B>, {B}.",
       rels=[visited("A", "X.capital", "arrived", time="DAY"), met("A", "B", "met")]),
    _t("tit-t1", TRAIN, "titles_appositions",
       "{A}, {X}'s <top diplomat|A>, [visited] {L}.",
       rels=[visited("A", "L", "visited")]),
    _t("tit-t2", TRAIN, "titles_appositions",
       "{A}, the <former envoy|A> of {X}, [met] {B} on {DAY}.",
       rels=[met("A", "B", "met", time="DAY")]),
    _t("tit-t3", TRAIN, "titles_appositions",
       "{A}, an <aide|A> to {B}, [travelled] to {L}.",
       rels=[visited("A", "L", "travelled")]),

    # ------------------------------------------------------------------ coreference
    _t("cor-01", TEST, "coreference",
       "{A.title} [arrived] in {L} on {DAY}.",
       "{A.Role} later [met] {B}.",
       rels=[visited("A", "L", "arrived", time="DAY"), met("A", "B", "met")]),
    _t("cor-02", TEST, "coreference",
       "{A} [landed] in {L} on {DAY}.",
       "{A.Subj} [held talks] with {B} on {T} the next day.",
       rels=[visited("A", "L", "landed", time="DAY"), met("A", "B", "held talks", time="DAY+1"),
             discussed("A", "B", "held talks", time="DAY+1")]),
    _t("cor-03", TEST, "coreference",
       "{B} [received] {A} in {L} on {DAY}.",
       "The two leaders [discussed] {T}.",
       rels=[visited("A", "L", "received", time="DAY", event="talks"),
             met("A", "B", "received", time="DAY", event="talks"),
             discussed("A", "B", "discussed", time="DAY", event="talks")]),
    _t("cor-04", TEST, "coreference",
       "{A} [met] {A.poss} <counterpart|B>, {B}, in {L} on {DAY}.",
       rels=[met("A", "B", "met", time="DAY")]),
    _t("cor-05", TEST, "coreference",
       "{A} [met] {B} in {L} on {DAY}.",
       "The next day {A.last} [travelled] to {M}, where {A.subj} [met] {C}.",
       rels=[met("A", "B", "met", time="DAY"), visited("A", "M", "travelled", time="DAY+1"),
             met("A", "C", "met#2", time="DAY+1")]),
    _t("cor-t1", TRAIN, "coreference",
       "{A} [visited] {L} on {DAY}.",
       "{A.Subj} also [met] {B}.",
       rels=[visited("A", "L", "visited", time="DAY"), met("A", "B", "met")]),
    _t("cor-t2", TRAIN, "coreference",
       "{A.title} [flew] to {L}.",
       "{A.Role} [held talks] with {B} on {T}.",
       rels=[visited("A", "L", "flew"), met("A", "B", "held talks"), discussed("A", "B", "held talks")]),
    _t("cor-t3", TRAIN, "coreference",
       "{B} [hosted] {A} in {L}.",
       "The two ministers [discussed] {T}.",
       rels=[visited("A", "L", "hosted", event="talks"), met("A", "B", "hosted", event="talks"),
             discussed("A", "B", "discussed", event="talks")]),

    # ------------------------------------------------------------------ distractor co-mention
    _t("dis-01", TEST, "distractor_comention",
       "{A} [visited] {L} a week after {B} [visited] {M}.",
       rels=[visited("A", "L", "visited"), visited("B", "M", "visited#2")]),
    _t("dis-02", TEST, "distractor_comention",
       "{A} criticised {B} over {T} in a speech on {DAY}.",
       rels=[]),
    _t("dis-03", TEST, "distractor_comention",
       "{A} called on {B} to release the detained journalists.",
       rels=[]),
    _t("dis-04", TEST, "distractor_comention",
       "{A} replaced {B} as interior minister in {MONTH}.",
       rels=[]),
    _t("dis-05", TEST, "distractor_comention",
       "{A} [met] {B} in {L} on {DAY}.",
       "Separately, {C} [visited] {M}.",
       rels=[met("A", "B", "met", time="DAY"), visited("C", "M", "visited")]),
    _t("dis-t1", TRAIN, "distractor_comention",
       "{A} praised {B} for the handling of {T}.",
       rels=[]),
    _t("dis-t2", TRAIN, "distractor_comention",
       "{A} and {B} were both named in the report on {T}.",
       rels=[]),
    _t("dis-t3", TRAIN, "distractor_comention",
       "{A} [arrived] in {L} on {DAY}, the same day {B} gave a speech on {T}.",
       rels=[visited("A", "L", "arrived", time="DAY")]),

    # ------------------------------------------------------------------ reported speech
    _t("rep-01", TEST, "reported_speech",
       "{A} [met] {B} in {L} on {DAY}, officials said.",
       rels=[met("A", "B", "met", time="DAY")]),
    _t("rep-02", TEST, "reported_speech",
       "“The meeting was productive,” {A} said after [talks] with {B} in {L}.",
       rels=[met("A", "B", "talks")]),
    _t("rep-03", TEST, "reported_speech",
       "{A} said {A.subj} would [visit] {X} in {MONTH}.",
       rels=[visited("A", "X", "visit", realis=PLANNED, time="MONTH")]),
    _t("rep-04", TEST, "reported_speech",
       "{A} told reporters that {A.subj} had not [met] {B}.",
       rels=[met("A", "B", "met", polarity=NEG)]),
    _t("rep-05", TEST, "reported_speech",
       "According to a government statement, {A} [discussed] {T} with {B} by phone on {DAY}.",
       rels=[discussed("A", "B", "discussed", mode=PHONE, time="DAY")]),
    _t("rep-t1", TRAIN, "reported_speech",
       "{A} [visited] {L} last week, the statement said.",
       rels=[visited("A", "L", "visited", time="last week")]),
    _t("rep-t2", TRAIN, "reported_speech",
       "{A} said {A.subj} had [met] {B} in {L}.",
       rels=[met("A", "B", "met")]),
    _t("rep-t3", TRAIN, "reported_speech",
       "Officials said {A} would [travel] to {L} on {DAY}.",
       rels=[visited("A", "L", "travel", realis=PLANNED, time="DAY")]),

    # ------------------------------------------------------------------ argument order (A <-> B)
    _t("ord-01", TEST, "argument_order_invariance",
       "{A} [met] {B} in {L} on {DAY}.",
       rels=[met("A", "B", "met", time="DAY")]),
    _t("ord-02", TEST, "argument_order_invariance",
       "{A} [hosted] {B} in {L}.",
       rels=[visited("B", "L", "hosted"), met("A", "B", "hosted")]),
    _t("ord-03", TEST, "argument_order_invariance",
       "{A} [visited] {L}, where {A.subj} [held talks] with {B} on {T}.",
       rels=[visited("A", "L", "visited"), met("A", "B", "held talks"), discussed("A", "B", "held talks")]),
    _t("ord-04", TEST, "argument_order_invariance",
       "{A} [spoke by phone] with {B} about {T}.",
       rels=[discussed("A", "B", "spoke by phone", mode=PHONE)]),
    _t("ord-05", TEST, "argument_order_invariance",
       "{A} did not [meet] {B} while [visiting] {L}.",
       rels=[met("A", "B", "meet", polarity=NEG), visited("A", "L", "visiting")]),
    _t("ord-t1", TRAIN, "argument_order_invariance",
       "{A} [received] {B} in {L}.",
       rels=[visited("B", "L", "received"), met("A", "B", "received")]),
    _t("ord-t2", TRAIN, "argument_order_invariance",
       "{A} [met] {B} to [discuss] {T}.",
       rels=[met("A", "B", "met", event="talks"), discussed("A", "B", "discuss", event="talks")]),
    _t("ord-t3", TRAIN, "argument_order_invariance",
       "{A} and {B} [discussed] {T} by video link.",
       rels=[discussed("A", "B", "discussed", mode=VIDEO)]),

    # ------------------------------------------------------------------ alias (full name vs surname)
    _t("ali-01", TEST, "alias_invariance",
       "{A.alias} [visited] {L} on {DAY}.",
       rels=[visited("A", "L", "visited", time="DAY")]),
    _t("ali-02", TEST, "alias_invariance",
       "{A.alias} [held talks] with {B.alias} in {L} on {T}.",
       rels=[met("A", "B", "held talks"), discussed("A", "B", "held talks")]),
    _t("ali-03", TEST, "alias_invariance",
       "{A} [arrived] in {L} on {DAY}.",
       "{A.alias} later [met] {B}.",
       rels=[visited("A", "L", "arrived", time="DAY"), met("A", "B", "met")]),
    _t("ali-04", TEST, "alias_invariance",
       "{A} and {B.title} [met] in {L} on {DAY}.",
       "{A.alias} invited {B.alias} to [visit] {X}.",
       rels=[met("A", "B", "met", time="DAY"), visited("B", "X", "visit", realis=OTHER)]),
    _t("ali-t1", TRAIN, "alias_invariance",
       "{A.alias} [met] {B.alias} in {L}.",
       rels=[met("A", "B", "met")]),
    _t("ali-t2", TRAIN, "alias_invariance",
       "{A.alias} [travelled] to {L} on {DAY}.",
       rels=[visited("A", "L", "travelled", time="DAY")]),
    _t("ali-t3", TRAIN, "alias_invariance",
       "{A} [flew] to {L}.",
       "{A.alias} [met] {B} on {DAY}.",
       rels=[visited("A", "L", "flew"), met("A", "B", "met", time="DAY")]),
)
# fmt: on


def templates(side: str | None = None, capability: str | None = None) -> list[Template]:
    """Templates of one side and/or capability, in definition order."""
    return [
        t for t in TEMPLATES
        if (side is None or t.side == side) and (capability is None or t.capability == capability)
    ]
