"""Constructed sentences, one phenomenon each, shared by the rule-baseline tests.

Fictional people, real countries and cities; none is taken from the corpus. Each case lists
the relations that must be predicted as positive claims (``pos``), those that must be
predicted as NEG (``neg``) and pairs that must not appear as positive claims (``absent``).
A relation is ``(type, head, tail)`` with names as written in the text; met and discussed are
compared without order.
"""

from __future__ import annotations

CASES = {
    "planned_visit": dict(
        text="Finnish Foreign Minister Aino Kettunen will visit Hanoi on June 3, the ministry said on Monday.",
        pos=[("visited", "Aino Kettunen", "Hanoi")], realis={"visited": "PLANNED"},
    ),
    "expected_to": dict(
        text="Chilean Foreign Minister Tomas Arrieta is expected to travel to Seoul next week.",
        pos=[("visited", "Tomas Arrieta", "Seoul")], realis={"visited": "PLANNED"},
    ),
    "cancelled_trip": dict(
        text="Norwegian Foreign Minister Solveig Brattli cancelled her trip to Nairobi because of a storm.",
        neg=[("visited", "Solveig Brattli", "Nairobi")], absent=[("visited", "Solveig Brattli", "Nairobi")],
    ),
    "called_off": dict(
        text="Dutch Defence Minister Pieter Zandvoort had been due to visit Lima, but the visit was called off.",
        absent=[("visited", "Pieter Zandvoort", "Lima")], neg=[("visited", "Pieter Zandvoort", "Lima")],
    ),
    "denial": dict(
        text="The ministry denied a report that Irish Foreign Minister Ciaran Moylett had secretly met Peruvian envoy Lucia Quispe Rojas in Madrid.",
        absent=[("met", "Ciaran Moylett", "Lucia Quispe Rojas")], neg=[("met", "Ciaran Moylett", "Lucia Quispe Rojas")],
    ),
    "did_not_meet": dict(
        text="Kenyan Trade Minister Wanjiru Kamau did not meet Canadian Trade Minister Paul Ostrowski in Geneva.",
        absent=[("met", "Wanjiru Kamau", "Paul Ostrowski")], neg=[("met", "Wanjiru Kamau", "Paul Ostrowski")],
    ),
    "no_plans": dict(
        text="Austrian Chancellor Markus Feldhofer has no plans to travel to Tehran this year.",
        absent=[("visited", "Markus Feldhofer", "Tehran")], neg=[("visited", "Markus Feldhofer", "Tehran")],
    ),
    "hosting": dict(
        text="Thai Prime Minister Somchai Rattanakul hosted Greek Prime Minister Nikos Pallas in Bangkok on Friday.",
        pos=[("met", "Somchai Rattanakul", "Nikos Pallas"), ("visited", "Nikos Pallas", "Bangkok")],
        absent=[("visited", "Somchai Rattanakul", "Bangkok")],
    ),
    "received_by": dict(
        text="Uruguayan Foreign Minister Elena Barrios was received by Indian Foreign Minister Arvind Kulkarni in New Delhi on Tuesday.",
        pos=[("met", "Elena Barrios", "Arvind Kulkarni"), ("visited", "Elena Barrios", "New Delhi")],
    ),
    "phone_call": dict(
        text="Polish Foreign Minister Marek Zielonka spoke by phone with his Japanese counterpart, Haruto Kamiyama, about energy security.",
        pos=[("discussed", "Marek Zielonka", "Haruto Kamiyama")], absent=[("met", "Marek Zielonka", "Haruto Kamiyama")],
        mode={"discussed": "phone"},
    ),
    "phone_call_no_topic": dict(
        text="Polish Foreign Minister Marek Zielonka spoke by phone with Japanese Foreign Minister Haruto Kamiyama on Monday.",
        absent=[("met", "Marek Zielonka", "Haruto Kamiyama"), ("discussed", "Marek Zielonka", "Haruto Kamiyama")],
    ),
    "video_conference": dict(
        text="Brazilian Finance Minister Rafael Monteiro and Egyptian Finance Minister Karim Sabry discussed debt relief during a video conference on Wednesday.",
        pos=[("discussed", "Rafael Monteiro", "Karim Sabry")], absent=[("met", "Rafael Monteiro", "Karim Sabry")],
        mode={"discussed": "video"},
    ),
    "conjoined_subjects": dict(
        text="Swedish Foreign Minister Ingrid Lofgren and Latvian Foreign Minister Janis Ozolins met in Riga on Monday.",
        pos=[("met", "Ingrid Lofgren", "Janis Ozolins")],
    ),
    "with_x": dict(
        text="Mexican Foreign Secretary Alma Urquidi held talks with Moroccan Foreign Minister Youssef Bennani in Rabat.",
        pos=[("met", "Alma Urquidi", "Youssef Bennani")],
    ),
    "three_party": dict(
        text="Czech Foreign Minister Tomas Hradil, Slovak Foreign Minister Juraj Kmet and Hungarian Foreign Minister Bela Szabados met in Prague.",
        pos=[("met", "Tomas Hradil", "Juraj Kmet"), ("met", "Tomas Hradil", "Bela Szabados"), ("met", "Juraj Kmet", "Bela Szabados")],
    ),
    "two_ministers": dict(
        text="Spanish Foreign Minister Lucia Ferrandiz met Nigerian Foreign Minister Chidi Okafor in Abuja on Monday. The two ministers discussed maritime security and fisheries.",
        pos=[("met", "Lucia Ferrandiz", "Chidi Okafor"), ("discussed", "Lucia Ferrandiz", "Chidi Okafor")],
        mode={"discussed": "in_person"},
    ),
    "short_name": dict(
        text="Italian Defence Minister Giulio Rastelli arrived in Warsaw on Sunday. On Monday Rastelli met Estonian Defence Minister Kaia Tamm.",
        pos=[("visited", "Giulio Rastelli", "Warsaw"), ("met", "Giulio Rastelli", "Kaia Tamm")],
    ),
    "boilerplate": dict(
        text="Belgian Foreign Minister Hugo Vermeulen visited Accra on Monday.\n\nRead more:\nGhanaian Foreign Minister Kofi Mensah meets Ivorian Foreign Minister Awa Kone in Abidjan\n",
        pos=[("visited", "Hugo Vermeulen", "Accra")],
        absent=[("met", "Kofi Mensah", "Awa Kone"), ("visited", "Kofi Mensah", "Abidjan")],
    ),
}
