"""Constructed sentences, one phenomenon each, shared by the rule-baseline tests.

Fictional people, real countries and cities; none is taken from the corpus. Each case lists
the relations that must be predicted as positive claims (``pos``), those that must be
predicted as NEG (``neg``), pairs that must not appear as positive claims (``absent``) and
pairs that may appear only as NEG or with realis OTHER or GENERIC (``not_claimed``: a wish,
an invitation, a possibility). A relation is ``(type, head, tail)`` with names as written in the text; met and discussed are
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

    "metonymy_capital_said": dict(
        text="Beijing said on Tuesday that Foreign Minister Liu Qiang would travel to Brasilia next week.",
        pos=[("visited", "Liu Qiang", "Brasilia")], realis={"visited": "PLANNED"},
        absent=[("visited", "Beijing", "Brasilia")],
    ),
    "metonymy_possessive_ministry": dict(
        text="Moscow's foreign ministry said Deputy Foreign Minister Pavel Orlov met Iranian Ambassador Reza Farahani on Monday to discuss grain deliveries.",
        pos=[("met", "Pavel Orlov", "Reza Farahani"), ("discussed", "Pavel Orlov", "Reza Farahani")],
        absent=[("met", "Moscow", "Pavel Orlov"), ("met", "Moscow", "Reza Farahani")],
    ),
    "phone_call_in_a_call": dict(
        text="In a phone call on Thursday, Canadian Prime Minister Claire Dubuc and Mexican President Arturo Salinas Vega discussed tariffs on steel.",
        pos=[("discussed", "Claire Dubuc", "Arturo Salinas Vega")], absent=[("met", "Claire Dubuc", "Arturo Salinas Vega")],
        mode={"discussed": "phone"},
    ),
    "phone_no_topic_office_said": dict(
        text="Ukrainian President Taras Melnyk spoke with Finnish President Eero Laine by telephone on Friday, his office said.",
        absent=[("met", "Taras Melnyk", "Eero Laine"), ("discussed", "Taras Melnyk", "Eero Laine")],
    ),
    "called_to_discuss": dict(
        text="Finnish President Eero Laine arrived in Oslo on Monday. Later that day he called Ukrainian President Taras Melnyk to discuss air defence.",
        pos=[("visited", "Eero Laine", "Oslo"), ("discussed", "Eero Laine", "Taras Melnyk")],
        absent=[("met", "Eero Laine", "Taras Melnyk")], mode={"discussed": "phone"},
    ),
    "quote_then_talks": dict(
        text="\u201cWe had a very productive meeting,\u201d Kenyan Foreign Minister Amina Oduya said after talks with her Ghanaian counterpart, Kwesi Boateng, in Accra on Friday.",
        pos=[("met", "Amina Oduya", "Kwesi Boateng")],
    ),
    "coref_the_prime_minister": dict(
        text="Japanese Prime Minister Hiroshi Tanabe arrived in Manila on Sunday. The prime minister met Philippine President Isabel Cortez on Monday, and the two leaders discussed maritime security.",
        pos=[("visited", "Hiroshi Tanabe", "Manila"), ("met", "Hiroshi Tanabe", "Isabel Cortez"), ("discussed", "Hiroshi Tanabe", "Isabel Cortez")],
    ),
    "postponed_still_planned": dict(
        text="Argentine President Lucas Ferreyra has postponed his visit to Madrid until May, his spokesman said.",
        pos=[("visited", "Lucas Ferreyra", "Madrid")], realis={"visited": "PLANNED"},
    ),
    "postponed_indefinitely": dict(
        text="Argentine President Lucas Ferreyra has postponed indefinitely a planned trip to Rome.",
        absent=[("visited", "Lucas Ferreyra", "Rome")], neg=[("visited", "Lucas Ferreyra", "Rome")],
    ),
    "planned_meeting_cancelled": dict(
        text="A planned meeting between Chilean Foreign Minister Rosa Vial and her Peruvian counterpart, Hugo Salas, was cancelled after the border incident.",
        absent=[("met", "Rosa Vial", "Hugo Salas")], neg=[("met", "Rosa Vial", "Hugo Salas")],
    ),
    "will_not_attend": dict(
        text="Italian Prime Minister Marco Bellini will not attend the climate summit in Nairobi, his office said on Sunday.",
        absent=[("visited", "Marco Bellini", "Nairobi")],
    ),
    "due_to_arrive": dict(
        text="Swiss President Urs Keller is due to arrive in Hanoi on Thursday for a three-day state visit.",
        pos=[("visited", "Urs Keller", "Hanoi")], realis={"visited": "PLANNED"},
    ),
    "meeting_scrapped": dict(
        text="Swiss President Urs Keller had been scheduled to meet Vietnamese President Tran Van Minh on Friday, but the meeting was scrapped.",
        absent=[("met", "Urs Keller", "Tran Van Minh")], neg=[("met", "Urs Keller", "Tran Van Minh")],
    ),
    "read_more_list_long": dict(
        text=("Danish Foreign Minister Mette Holm visited Reykjavik on Tuesday.\n\nRead more:\n\n"
              "Norway's Ola Brekke meets Swedish envoy in Stockholm\n\nIcelandic PM Sigrun Jonsdottir to visit Copenhagen\n\n"
              "Faroe fishing talks stall again\n"),
        pos=[("visited", "Mette Holm", "Reykjavik")],
        absent=[("visited", "Sigrun Jonsdottir", "Copenhagen"), ("visited", "Ola Brekke", "Stockholm")],
    ),
    "hosted_at_palace": dict(
        text="Indonesian President Budi Hartono hosted Singaporean Prime Minister Lim Wei Jie at the Bogor Palace on Tuesday.",
        pos=[("met", "Budi Hartono", "Lim Wei Jie"), ("visited", "Lim Wei Jie", "Bogor Palace")],
        absent=[("visited", "Budi Hartono", "Bogor Palace")],
    ),
    "welcomed_by_passive": dict(
        text="Singaporean Prime Minister Lim Wei Jie was welcomed by Indonesian President Budi Hartono in Jakarta on Tuesday.",
        pos=[("met", "Budi Hartono", "Lim Wei Jie"), ("visited", "Lim Wei Jie", "Jakarta")],
    ),
    "host_description_later": dict(
        text="Singaporean Prime Minister Lim Wei Jie met Indonesian President Budi Hartono in Singapore in May. Hartono will host the Singaporean leader in Jakarta next month.",
        pos=[("met", "Budi Hartono", "Lim Wei Jie"), ("visited", "Lim Wei Jie", "Jakarta")],
        absent=[("visited", "Lim Wei Jie", "Singapore")],
    ),
    "delegation_led_by": dict(
        text="A Palestinian delegation led by Khaled Nasser visited Cairo on Thursday.",
        pos=[("visited", "Khaled Nasser", "Cairo")],
    ),
    "denied_met": dict(
        text="The ministry denied that Foreign Minister Ana Costa had met rebel leader Jorge Pinto in Luanda.",
        absent=[("met", "Ana Costa", "Jorge Pinto")], neg=[("met", "Ana Costa", "Jorge Pinto")],
    ),
    "dismissed_reports": dict(
        text="Brazilian Foreign Minister Ana Costa dismissed reports of a meeting with Jorge Pinto as false.",
        absent=[("met", "Ana Costa", "Jorge Pinto")],
    ),
    "urged_to_visit": dict(
        text="South Korean President Lee Min-ho urged Japanese Prime Minister Kenta Park to visit Seoul.",
        not_claimed=[("visited", "Kenta Park", "Seoul")],
    ),
    "invited_to_visit": dict(
        text="Portuguese President Ana Costa invited Angolan President Jorge Pinto to visit Lisbon.",
        not_claimed=[("visited", "Jorge Pinto", "Lisbon")],
    ),
    "may_travel": dict(
        text="Portuguese President Ana Costa may travel to Luanda later this year.",
        not_claimed=[("visited", "Ana Costa", "Luanda")],
    ),
    "represented_by": dict(
        text="The leaders of France, Germany and Italy met in Rome on Friday. France was represented by President Claire Moreau, Germany by Chancellor Dieter Haas and Italy by Prime Minister Paolo Ricci.",
        pos=[("met", "Claire Moreau", "Dieter Haas"), ("met", "Claire Moreau", "Paolo Ricci"), ("met", "Dieter Haas", "Paolo Ricci"),
             ("visited", "Claire Moreau", "Rome"), ("visited", "Dieter Haas", "Rome")],
        absent=[("visited", "Paolo Ricci", "Rome")],
    ),
    "ministers_from_gathered": dict(
        text="Foreign ministers from Kenya, Uganda and Tanzania met in Dar es Salaam on Monday. Kenya's Grace Wambui, Uganda's Peter Okello and Tanzania's Juma Mrisho signed a border agreement.",
        pos=[("met", "Grace Wambui", "Peter Okello"), ("met", "Grace Wambui", "Juma Mrisho"), ("met", "Peter Okello", "Juma Mrisho"),
             ("visited", "Grace Wambui", "Dar es Salaam"), ("visited", "Peter Okello", "Dar es Salaam")],
        absent=[("visited", "Juma Mrisho", "Dar es Salaam")],
    ),
    "before_flying_to": dict(
        text="Chinese Foreign Minister Zhao Lin met Brazilian President Ana Ribeiro in Brasilia on Friday before flying to Lima.",
        pos=[("met", "Zhao Lin", "Ana Ribeiro"), ("visited", "Zhao Lin", "Lima"), ("visited", "Zhao Lin", "Brasilia")],
        absent=[("visited", "Ana Ribeiro", "Lima")],
    ),
    "after_meeting_flew": dict(
        text="After meeting Brazilian President Ana Ribeiro, Chinese Foreign Minister Zhao Lin flew to Lima.",
        pos=[("met", "Zhao Lin", "Ana Ribeiro"), ("visited", "Zhao Lin", "Lima")],
        absent=[("visited", "Ana Ribeiro", "Lima")],
    ),
    "was_in_for_conference": dict(
        text="Mexican Foreign Minister Lucia Ortega, who was in Ottawa for a trade conference, met Canadian Trade Minister Paul Girard.",
        pos=[("visited", "Lucia Ortega", "Ottawa"), ("met", "Lucia Ortega", "Paul Girard")],
    ),
    "meeting_was_held_between": dict(
        text="A meeting was held between Moroccan Foreign Minister Youssef Alami and Spanish Foreign Minister Elena Ruiz on Wednesday.",
        pos=[("met", "Youssef Alami", "Elena Ruiz")],
    ),
    "apposition_former_envoy": dict(
        text="Beatriz Castillo, the former envoy of Sweden, met Andreas Demir on Thursday.",
        pos=[("met", "Beatriz Castillo", "Andreas Demir")],
    ),
    "apposition_aide": dict(
        text="Achieng Pham, an aide to Nikos Choi, travelled to Paris.",
        pos=[("visited", "Achieng Pham", "Paris")], absent=[("visited", "Nikos Choi", "Paris")],
    ),
    "bare_surnames": dict(
        text="Choi met Georgiou in Tallinn.",
        pos=[("met", "Choi", "Georgiou")],
    ),
    "unnamed_counterpart": dict(
        text="Dutch Foreign Minister Femke de Graaf met her Belgian counterpart in Brussels on Monday to discuss energy prices.",
        pos=[("met", "Femke de Graaf", "Belgian counterpart"), ("discussed", "Femke de Graaf", "Belgian counterpart")],
    ),
    "hosted_dinner": dict(
        text="Takeshi Pham hosted a dinner for Mikael Otieno in Madrid.",
        pos=[("met", "Takeshi Pham", "Mikael Otieno"), ("visited", "Mikael Otieno", "Madrid")],
    ),
    "joined_by_video": dict(
        text="Zeynep Haddad joined Claire Tehrani by video link to discuss nuclear safety.",
        pos=[("discussed", "Zeynep Haddad", "Claire Tehrani")], absent=[("met", "Zeynep Haddad", "Claire Tehrani")],
        mode={"discussed": "video"},
    ),
    "was_visited_by": dict(
        text="Argentina was visited by Andreas Iyer last week.",
        pos=[("visited", "Andreas Iyer", "Argentina")],
    ),
    "three_way_hosted_by_country": dict(
        text=("Kenya hosted a three-way meeting of trade ministers on Monday focused on tariffs and rail links. "
              "Kenyan Trade Minister Grace Wambui, Ugandan Trade Minister Peter Okello and Rwandan Trade Minister Alice Uwase agreed to meet again in June."),
        pos=[("met", "Grace Wambui", "Peter Okello"), ("met", "Peter Okello", "Alice Uwase"), ("discussed", "Grace Wambui", "Alice Uwase"),
             ("visited", "Peter Okello", "Kenya")],
        absent=[("visited", "Grace Wambui", "Kenya")],
    ),
    "their_ministers": dict(
        text="Chile, Peru and Bolivia agreed on a lithium pact on Friday as their foreign ministers met in Lima.",
        absent=[("visited", "Chile", "Lima")],
    ),
    "returning_home_not_visit": dict(
        text="Sri Lankan Foreign Minister Nimal Perera will fly to Chennai on Friday before returning to Colombo.",
        pos=[("visited", "Nimal Perera", "Chennai")], absent=[("visited", "Nimal Perera", "Colombo")],
    ),
    "dateline_not_visit": dict(
        text="WARSAW, May 13 (Wire) -- Polish Foreign Minister Jan Nowicki said on Monday he would travel to Vilnius next week.",
        pos=[("visited", "Jan Nowicki", "Vilnius")], absent=[("visited", "Jan Nowicki", "Warsaw")],
    ),
    "talks_in_capital_visit": dict(
        text="Turkish Foreign Minister Selin Aydin held talks with Greek Foreign Minister Nikos Dimas in Athens on Monday.",
        pos=[("met", "Selin Aydin", "Nikos Dimas"), ("visited", "Selin Aydin", "Athens")],
        absent=[("visited", "Nikos Dimas", "Athens")],
    ),
    "discussed_no_place_no_met": dict(
        text="Turkish Foreign Minister Selin Aydin discussed the migration deal with Greek Foreign Minister Nikos Dimas.",
        pos=[("discussed", "Selin Aydin", "Nikos Dimas")], absent=[("met", "Selin Aydin", "Nikos Dimas")],
        mode={"discussed": "unspecified"},
    ),
    "letter": dict(
        text="Turkish President Emre Kaya sent a letter to Greek Prime Minister Nikos Dimas about the island dispute.",
        absent=[("met", "Emre Kaya", "Nikos Dimas")],
    ),
    "virtual_summit": dict(
        text="Indian Prime Minister Ravi Menon and Australian Prime Minister Kate Doyle held a virtual summit on Thursday on critical minerals.",
        pos=[("discussed", "Ravi Menon", "Kate Doyle")], absent=[("met", "Ravi Menon", "Kate Doyle")], mode={"discussed": "video"},
    ),
    "long_article": dict(
        text=("NAIROBI, May 13 (Wire) -- Ethiopian Prime Minister Dawit Bekele arrived in Nairobi on Monday for a two-day visit, "
              "Kenya's foreign ministry said. Bekele held talks with Kenyan President Ruth Kamau at State House, where the two "
              "leaders discussed the regional power grid and cross-border trade. \u201cOur partnership is stronger than ever,\u201d Kamau "
              "told reporters after the meeting. Bekele is expected to travel to Mombasa on Tuesday to tour the port before "
              "returning to Addis Ababa. A planned visit by Bekele to Kampala was called off last week. Separately, Kamau spoke by "
              "phone with Ugandan President Moses Kato about the Lake Victoria fisheries dispute.\n\nRead more:\n\n"
              "Kenya and Uganda leaders meet in Entebbe\n\nEthiopia's Bekele visits Djibouti\n"),
        pos=[("visited", "Dawit Bekele", "Nairobi"), ("met", "Dawit Bekele", "Ruth Kamau"), ("discussed", "Dawit Bekele", "Ruth Kamau"),
             ("visited", "Dawit Bekele", "Mombasa"), ("discussed", "Ruth Kamau", "Moses Kato"), ("visited", "Dawit Bekele", "State House")],
        absent=[("visited", "Dawit Bekele", "Kampala"), ("met", "Ruth Kamau", "Moses Kato"), ("visited", "Dawit Bekele", "Addis Ababa"),
                ("visited", "Dawit Bekele", "Djibouti")],
        neg=[("visited", "Dawit Bekele", "Kampala")],
    ),

    "delegation_led_by_org_visitor": dict(
        text="A Hamas delegation led by Musa Khalil visited Moscow on Thursday.",
        pos=[("visited", "Musa Khalil", "Moscow"), ("visited", "Hamas delegation", "Moscow")],
    ),
    "organisation_met_through_members": dict(
        text="Swiss President Urs Keller met Hamas leaders in Doha on Friday.",
        pos=[("met", "Urs Keller", "Hamas")],
    ),
    "talks_dominated_by": dict(
        text="Talks between Indian Foreign Minister Ravi Menon and Chinese Foreign Minister Liu Qiang in Beijing on Monday were dominated by the border dispute.",
        pos=[("met", "Ravi Menon", "Liu Qiang"), ("discussed", "Ravi Menon", "Liu Qiang"), ("visited", "Ravi Menon", "Beijing")],
        mode={"discussed": "in_person"},
    ),
    "top_of_the_agenda": dict(
        text="Indian Foreign Minister Ravi Menon met Chinese Foreign Minister Liu Qiang in Beijing on Monday, with the border dispute at the top of the agenda.",
        pos=[("met", "Ravi Menon", "Liu Qiang"), ("discussed", "Ravi Menon", "Liu Qiang")],
    ),
    "meeting_on_topic": dict(
        text="Indian Foreign Minister Ravi Menon held a meeting with Chinese Foreign Minister Liu Qiang on border trade.",
        pos=[("met", "Ravi Menon", "Liu Qiang"), ("discussed", "Ravi Menon", "Liu Qiang")],
    ),
    "negated_discussion": dict(
        text="Indian Foreign Minister Ravi Menon did not discuss the border dispute with Chinese Foreign Minister Liu Qiang.",
        absent=[("discussed", "Ravi Menon", "Liu Qiang"), ("met", "Ravi Menon", "Liu Qiang")],
        neg=[("discussed", "Ravi Menon", "Liu Qiang")],
    ),
    "declined_invitation": dict(
        text="Indian Foreign Minister Ravi Menon turned down an invitation to visit Islamabad.",
        absent=[("visited", "Ravi Menon", "Islamabad")],
    ),
    "played_host_country": dict(
        text="Norway played host to Mozambique's foreign minister, Alda Mucavele, on Tuesday.",
        pos=[("visited", "Alda Mucavele", "Norway")], absent=[("met", "Norway", "Alda Mucavele")],
    ),
    "returned_from": dict(
        text="Indian Foreign Minister Ravi Menon returned from Tokyo on Sunday.",
        pos=[("visited", "Ravi Menon", "Tokyo")],
    ),
    "arrived_from_no_visit": dict(
        text="Indian Foreign Minister Ravi Menon, who arrived from Tokyo on Sunday, will leave for Seoul on Tuesday.",
        pos=[("visited", "Ravi Menon", "Seoul")], absent=[("visited", "Ravi Menon", "Tokyo")],
        realis={"visited": "PLANNED"},
    ),
    "flew_back_home": dict(
        text="Indian Foreign Minister Ravi Menon flew back to New Delhi on Sunday after talks in Seoul.",
        absent=[("visited", "Ravi Menon", "New Delhi")],
    ),
    "courtesy_call_on": dict(
        text="Indian Foreign Minister Ravi Menon arrived in Hanoi on Monday. He also called on Vice President Lin Hao.",
        pos=[("visited", "Ravi Menon", "Hanoi"), ("met", "Ravi Menon", "Lin Hao")],
        absent=[("discussed", "Ravi Menon", "Lin Hao")],
    ),
    "called_on_to_urging": dict(
        text="Indian Foreign Minister Ravi Menon called on Chinese Foreign Minister Liu Qiang to ease the border standoff.",
        absent=[("met", "Ravi Menon", "Liu Qiang")],
    ),
    "agreed_to_meet_again_no_visit": dict(
        text="Indian Foreign Minister Ravi Menon met Nepalese Foreign Minister Sita Karki in Delhi on Monday. The two ministers agreed to meet again in Kathmandu next year.",
        pos=[("met", "Ravi Menon", "Sita Karki")], absent=[("visited", "Ravi Menon", "Kathmandu")],
    ),
    "quote_first_person": dict(
        text="\u201cI will travel to Kabul next week to discuss the water treaty,\u201d Pakistani Foreign Minister Farah Qureshi told reporters on Monday.",
        pos=[("visited", "Farah Qureshi", "Kabul")], realis={"visited": "PLANNED"},
    ),
    "quote_said_before": dict(
        text="Pakistani Foreign Minister Farah Qureshi said on Monday: \u201cI met the Afghan envoy, Abdul Rahimi, in Doha last week.\u201d",
        pos=[("met", "Farah Qureshi", "Abdul Rahimi")],
    ),
    "the_minister_coref": dict(
        text="Pakistani Foreign Minister Farah Qureshi arrived in Doha on Sunday. The minister later met Qatari Prime Minister Khalid Al-Thani.",
        pos=[("visited", "Farah Qureshi", "Doha"), ("met", "Farah Qureshi", "Khalid Al-Thani")],
    ),
    "she_subject_next_sentence": dict(
        text="Pakistani Foreign Minister Farah Qureshi arrived in Doha on Sunday for talks with Qatari officials. She is due to travel to Muscat on Wednesday.",
        pos=[("visited", "Farah Qureshi", "Doha"), ("visited", "Farah Qureshi", "Muscat")],
    ),
    "capital_metonymy_hosted": dict(
        text="Beijing hosted Brazilian President Ana Ribeiro for a three-day state visit.",
        pos=[("visited", "Ana Ribeiro", "Beijing")], absent=[("met", "Beijing", "Ana Ribeiro")],
    ),
    "spokesman_source_not_participant": dict(
        text="Chinese Foreign Minister Liu Qiang will visit Canberra next week, foreign ministry spokesman Wang Lei told a news briefing in Beijing.",
        pos=[("visited", "Liu Qiang", "Canberra")], absent=[("visited", "Wang Lei", "Canberra"), ("visited", "Liu Qiang", "Beijing")],
    ),
    "visit_country_and_city": dict(
        text="Kenyan President Ruth Kamau began a state visit to Japan on Monday, arriving in Tokyo in the morning.",
        pos=[("visited", "Ruth Kamau", "Japan"), ("visited", "Ruth Kamau", "Tokyo")],
    ),
    "multiple_destinations": dict(
        text="Kenyan President Ruth Kamau will visit Seoul, Tokyo and Manila later this month.",
        pos=[("visited", "Ruth Kamau", "Seoul"), ("visited", "Ruth Kamau", "Tokyo"), ("visited", "Ruth Kamau", "Manila")],
    ),
    "sidelines_meeting": dict(
        text="On the sidelines of the G20 summit in New Delhi, Kenyan President Ruth Kamau met Brazilian President Ana Ribeiro.",
        pos=[("met", "Ruth Kamau", "Ana Ribeiro")],
    ),
    "in_person_discussed_with_place": dict(
        text="Kenyan President Ruth Kamau discussed vaccine production with Brazilian President Ana Ribeiro in Brasilia on Tuesday.",
        pos=[("discussed", "Ruth Kamau", "Ana Ribeiro"), ("met", "Ruth Kamau", "Ana Ribeiro")], mode={"discussed": "in_person"},
    ),
    "telephone_conversation_noun": dict(
        text="During a telephone conversation on Friday, Kamau and Ribeiro discussed the coffee trade.",
        pos=[("discussed", "Kamau", "Ribeiro")], absent=[("met", "Kamau", "Ribeiro")], mode={"discussed": "phone"},
    ),
    "long_news_article_two": dict(
        text=("TOKYO, June 3 (Wire) -- Japan's foreign minister, Aiko Morita, will travel to Canberra next week for talks with "
              "her Australian counterpart, Liam Fraser, on undersea cables and rare earths, Tokyo's foreign ministry said on Monday.\n\n"
              "\u201cThe minister looks forward to a frank exchange of views,\u201d ministry spokesman Kenji Sato told reporters.\n\n"
              "Morita had been due to visit Wellington in April, but that trip was postponed indefinitely after a cabinet reshuffle. "
              "She spoke by phone with New Zealand Foreign Minister Tama Ruatapu on Sunday about the delay.\n\n"
              "Fraser, who hosted Indonesian Foreign Minister Dewi Santoso in Sydney last month, has invited Morita to visit Perth "
              "as well. Canberra has denied a newspaper report that Fraser secretly met Chinese envoy Zhou Ming in Singapore.\n\n"
              "Advertisement\n\nRead more:\n\nJapan, Australia to deepen defence ties\n\nMorita meets Ruatapu in Auckland\n"),
        pos=[("visited", "Aiko Morita", "Canberra"), ("met", "Aiko Morita", "Liam Fraser"), ("discussed", "Aiko Morita", "Liam Fraser"),
             ("discussed", "Aiko Morita", "Tama Ruatapu"), ("met", "Liam Fraser", "Dewi Santoso"), ("visited", "Dewi Santoso", "Sydney")],
        absent=[("visited", "Aiko Morita", "Wellington"), ("met", "Aiko Morita", "Tama Ruatapu"), ("met", "Liam Fraser", "Zhou Ming"),
                ("visited", "Aiko Morita", "Auckland"), ("visited", "Kenji Sato", "Canberra")],
        not_claimed=[("visited", "Aiko Morita", "Perth")],
    ),

    "article_cairo_consultations": dict(
        text=("CAIRO, Feb 4 (Wire) -- Egypt's foreign minister, Samir Abdel-Fattah, received his Jordanian counterpart, Omar Haddadin, "
              "in Cairo on Sunday for talks on the humanitarian situation in Gaza and the reconstruction of damaged hospitals, the "
              "Egyptian foreign ministry said.\n\n"
              "The two ministers also discussed preparations for an Arab League summit scheduled for March, according to a statement "
              "carried by the state news agency MENA.\n\n"
              "\u201cOur positions are fully aligned,\u201d Abdel-Fattah told a joint news conference after the meeting. \u201cWe agreed to "
              "continue our consultations in the coming weeks.\u201d\n\n"
              "Haddadin, who flew in from Amman on Saturday night, is expected to travel to Riyadh on Tuesday to meet Saudi Foreign "
              "Minister Faisal Al-Otaibi. A stop in Doha that had been planned for Wednesday was cancelled, a Jordanian official said.\n\n"
              "Cairo has also invited Turkish Foreign Minister Mehmet Yildiz to visit next month, but Ankara has not confirmed the trip.\n\n"
              "Separately, Abdel-Fattah spoke by phone with U.S. Secretary of State Karen Whitfield about efforts to secure a ceasefire. "
              "Whitfield is due in the region later this month, the State Department said.\n\n"
              "Read more:\nJordan's King Talal meets Egyptian President Adel Mansour in Aqaba\nSaudi Arabia to host Arab League summit\n"),
        pos=[("met", "Samir Abdel-Fattah", "Omar Haddadin"), ("visited", "Omar Haddadin", "Cairo"),
             ("discussed", "Samir Abdel-Fattah", "Omar Haddadin"), ("visited", "Omar Haddadin", "Riyadh"),
             ("met", "Omar Haddadin", "Faisal Al-Otaibi"), ("discussed", "Samir Abdel-Fattah", "Karen Whitfield")],
        absent=[("visited", "Omar Haddadin", "Amman"), ("met", "Samir Abdel-Fattah", "Karen Whitfield"),
                ("visited", "Omar Haddadin", "Doha"), ("met", "Talal", "Adel Mansour"), ("visited", "Samir Abdel-Fattah", "Cairo")],
    ),
    "article_jakarta_trilateral": dict(
        text=("JAKARTA, Aug 12 (Wire) -- Foreign ministers from Indonesia, Malaysia and the Philippines met in Jakarta on Monday to "
              "discuss maritime security in the Celebes Sea and joint patrols against piracy.\n\n"
              "Indonesia's Retno Wulandari, who chaired the meeting, said the three had agreed to set up a hotline between their coast "
              "guards. Malaysia was represented by Anwar Hisham and the Philippines by Teresa Lacson, who arrived on Sunday and will "
              "leave for Singapore on Tuesday.\n\n"
              "Lacson later held separate talks with Indonesian Defence Minister Bambang Prakoso at the defence ministry, where they "
              "discussed arms purchases.\n\n"
              "The ministers are due to meet again in Kuala Lumpur in November. Hisham, speaking to reporters, said he hoped Thai "
              "Foreign Minister Somsak Chaiyo could join them then."),
        pos=[("met", "Retno Wulandari", "Anwar Hisham"), ("met", "Retno Wulandari", "Teresa Lacson"), ("met", "Anwar Hisham", "Teresa Lacson"),
             ("discussed", "Retno Wulandari", "Anwar Hisham"), ("discussed", "Anwar Hisham", "Teresa Lacson"),
             ("visited", "Anwar Hisham", "Jakarta"), ("visited", "Teresa Lacson", "Jakarta"), ("visited", "Teresa Lacson", "Singapore"),
             ("met", "Teresa Lacson", "Bambang Prakoso"), ("discussed", "Teresa Lacson", "Bambang Prakoso")],
        absent=[("visited", "Retno Wulandari", "Jakarta"), ("visited", "Retno Wulandari", "Kuala Lumpur"),
                ("visited", "Anwar Hisham", "Kuala Lumpur"), ("met", "Bambang Prakoso", "Anwar Hisham")],
        not_claimed=[("met", "Somsak Chaiyo", "Retno Wulandari"), ("met", "Somsak Chaiyo", "Anwar Hisham")],
    ),
    "article_brussels_kyiv_trip": dict(
        text=("BRUSSELS, Nov 20 (Wire) -- European Commission President Ursula Brandt will travel to Kyiv on Thursday for her fifth "
              "visit since the start of the war, her spokesman said on Monday.\n\n"
              "Brandt is scheduled to meet Ukrainian President Viktor Hlushko and address the Ukrainian parliament. The trip had been "
              "delayed by a week because of security concerns.\n\n"
              "Hungarian Prime Minister Laszlo Kertesz, who had been expected to accompany her, pulled out on Sunday. His office denied "
              "that Kertesz had spoken with Russian President Dmitri Sokolov about the war in recent days.\n\n"
              "Brandt held a video call with Hlushko last week on the reconstruction fund. On Friday she met Polish President Marek "
              "Zielinski in Warsaw, where the two leaders discussed grain imports and the EU's eastern border.\n\n"
              "The Commission declined to comment on reports that Brandt would visit Moscow next year."),
        pos=[("visited", "Ursula Brandt", "Kyiv"), ("met", "Ursula Brandt", "Viktor Hlushko"), ("discussed", "Ursula Brandt", "Viktor Hlushko"),
             ("met", "Ursula Brandt", "Marek Zielinski"), ("discussed", "Ursula Brandt", "Marek Zielinski")],
        absent=[("visited", "Laszlo Kertesz", "Kyiv"), ("discussed", "Laszlo Kertesz", "Dmitri Sokolov"), ("met", "Laszlo Kertesz", "Viktor Hlushko")],
        not_claimed=[("visited", "Ursula Brandt", "Moscow")],
    ),
    "article_addis_summit": dict(
        text=("ADDIS ABABA, March 9 (Wire) -- Nigerian President Bola Adeyemi arrived in Addis Ababa on Saturday for an African Union "
              "summit, his office said.\n\n"
              "Adeyemi was welcomed at Bole International Airport by Ethiopian Prime Minister Tesfaye Alemu, and the two leaders later "
              "held talks at the National Palace on trade and regional security.\n\n"
              "On the sidelines of the summit, Adeyemi also met Kenyan President Grace Njeri and South African President Thabo Mokoena. "
              "Nairobi said Njeri had discussed the Sudan crisis with Mokoena during a breakfast meeting on Sunday.\n\n"
              "Ghana's president, Kwame Asante, did not attend the summit. He sent his vice president, Ama Boateng, instead.\n\n"
              "Adeyemi is due to fly to Nairobi on Monday before returning to Abuja."),
        pos=[("visited", "Bola Adeyemi", "Addis Ababa"), ("met", "Bola Adeyemi", "Tesfaye Alemu"), ("visited", "Bola Adeyemi", "Bole International Airport"),
             ("visited", "Bola Adeyemi", "National Palace"), ("discussed", "Bola Adeyemi", "Tesfaye Alemu"),
             ("met", "Bola Adeyemi", "Grace Njeri"), ("met", "Bola Adeyemi", "Thabo Mokoena"), ("met", "Grace Njeri", "Thabo Mokoena"),
             ("discussed", "Grace Njeri", "Thabo Mokoena"), ("visited", "Bola Adeyemi", "Nairobi")],
        absent=[("visited", "Bola Adeyemi", "Abuja"), ("visited", "Kwame Asante", "Addis Ababa"), ("met", "Nairobi", "Thabo Mokoena"),
                ("visited", "Tesfaye Alemu", "National Palace")],
    ),

    "headline_infinitive_plan": dict(
        text="Greek PM Nikos Pallas to visit Ankara next week\n\nGreek Prime Minister Nikos Pallas will travel to Ankara next week, his office said.",
        pos=[("visited", "Nikos Pallas", "Ankara")], realis={"visited": "PLANNED"},
    ),
    "according_to_met": dict(
        text="According to the Kremlin, Russian President Dmitri Sokolov met Iranian President Hassan Rostami in Tehran on Tuesday.",
        pos=[("met", "Dmitri Sokolov", "Hassan Rostami")],
        absent=[("met", "Kremlin", "Dmitri Sokolov")],
    ),
    "possessive_visit": dict(
        text="Sokolov's visit to Tehran was his first since 2019.",
        pos=[("visited", "Sokolov", "Tehran")],
    ),
    "on_a_visit_to": dict(
        text="Chilean President Camila Rojas, who is on a three-day visit to Spain, met Spanish Prime Minister Javier Ortega in Madrid on Monday.",
        pos=[("visited", "Camila Rojas", "Spain"), ("met", "Camila Rojas", "Javier Ortega"), ("visited", "Camila Rojas", "Madrid")],
        absent=[("visited", "Javier Ortega", "Madrid"), ("visited", "Javier Ortega", "Spain")],
    ),
    "meeting_between_took_place_in": dict(
        text="The meeting between Chilean President Camila Rojas and Spanish Prime Minister Javier Ortega took place at the Moncloa Palace.",
        pos=[("met", "Camila Rojas", "Javier Ortega")],
    ),
    "told_during_meeting": dict(
        text="Chilean President Camila Rojas told Spanish Prime Minister Javier Ortega during their meeting in Madrid that Chile would double its lithium exports.",
        pos=[("met", "Camila Rojas", "Javier Ortega")],
    ),
    "will_host_no_place": dict(
        text="Spanish Prime Minister Javier Ortega will host Portuguese Prime Minister Rui Matos next week.",
        pos=[("met", "Javier Ortega", "Rui Matos")], realis={"met": "PLANNED"},
    ),
    "phone_conversation_in_which": dict(
        text="Ortega held a phone conversation with French President Claire Moreau on Thursday in which they discussed migration.",
        pos=[("discussed", "Ortega", "Claire Moreau")], absent=[("met", "Ortega", "Claire Moreau")], mode={"discussed": "phone"},
    ),
    "exchanged_views_by_phone": dict(
        text="Spanish Prime Minister Javier Ortega and French President Claire Moreau exchanged views on migration by phone.",
        pos=[("discussed", "Javier Ortega", "Claire Moreau")], absent=[("met", "Javier Ortega", "Claire Moreau")], mode={"discussed": "phone"},
    ),
    "first_meeting_since": dict(
        text="Spanish Prime Minister Javier Ortega and Moroccan Prime Minister Aziz Bennani met for the first time since the crisis began.",
        pos=[("met", "Javier Ortega", "Aziz Bennani")],
    ),
    "paragraph_pronoun_start": dict(
        text=("Brazilian Foreign Minister Paulo Viana arrived in Luanda on Monday. He met Angolan President Joao Lourenco Neto on Tuesday. "
              "They discussed oil investment and a new air link."),
        pos=[("visited", "Paulo Viana", "Luanda"), ("met", "Paulo Viana", "Joao Lourenco Neto"), ("discussed", "Paulo Viana", "Joao Lourenco Neto")],
    ),
    "visit_by_passive_guest": dict(
        text="A visit by Brazilian Foreign Minister Paulo Viana to Maputo is planned for July, the ministry said.",
        pos=[("visited", "Paulo Viana", "Maputo")], realis={"visited": "PLANNED"},
    ),
    "not_visit_own_capital": dict(
        text="Brazilian President Lula Pereira met Argentine President Sofia Maldonado in Brasilia on Monday.",
        pos=[("met", "Lula Pereira", "Sofia Maldonado"), ("visited", "Sofia Maldonado", "Brasilia")],
        absent=[("visited", "Lula Pereira", "Brasilia")],
    ),
    "talks_with_in_city_pronoun": dict(
        text="Argentine President Sofia Maldonado landed in Brasilia on Sunday. On Monday she held talks with her Brazilian counterpart, Lula Pereira, on beef exports.",
        pos=[("visited", "Sofia Maldonado", "Brasilia"), ("met", "Sofia Maldonado", "Lula Pereira"), ("discussed", "Sofia Maldonado", "Lula Pereira")],
    ),
    "refused_to_meet": dict(
        text="Argentine President Sofia Maldonado refused to meet opposition leader Carlos Ibarra during her stay in Madrid.",
        absent=[("met", "Sofia Maldonado", "Carlos Ibarra")], neg=[("met", "Sofia Maldonado", "Carlos Ibarra")],
    ),
    "never_met": dict(
        text="Maldonado has never met Venezuelan President Hugo Arreaza, her spokesman said.",
        absent=[("met", "Maldonado", "Hugo Arreaza")],
    ),
    "toured_facility": dict(
        text="Argentine President Sofia Maldonado arrived in Seoul on Monday and toured the Hyundai shipyard in Ulsan on Tuesday.",
        pos=[("visited", "Sofia Maldonado", "Seoul"), ("visited", "Sofia Maldonado", "Ulsan")],
    ),
    "greeted_at_airport": dict(
        text="Argentine President Sofia Maldonado was greeted at the airport in Seoul by South Korean Foreign Minister Park Ji-hoon.",
        pos=[("met", "Sofia Maldonado", "Park Ji-hoon"), ("visited", "Sofia Maldonado", "Seoul")],
    ),

    "met_list_of_people": dict(
        text="During his stay in Nairobi, Japanese Foreign Minister Kenji Sato met Kenyan President Ruth Kamau, Foreign Minister Peter Odhiambo and opposition leader Grace Wanjiku.",
        pos=[("met", "Kenji Sato", "Ruth Kamau"), ("met", "Kenji Sato", "Peter Odhiambo"), ("met", "Kenji Sato", "Grace Wanjiku")],
        absent=[("met", "Ruth Kamau", "Grace Wanjiku")],
    ),
    "reported_would_visit": dict(
        text="The Thai foreign ministry said on Tuesday that Foreign Minister Somchai Wongsa would visit Phnom Penh next week.",
        pos=[("visited", "Somchai Wongsa", "Phnom Penh")], realis={"visited": "PLANNED"},
    ),
    "said_he_would_travel": dict(
        text="Thai Foreign Minister Somchai Wongsa said he would travel to Vientiane after the elections.",
        pos=[("visited", "Somchai Wongsa", "Vientiane")], realis={"visited": "PLANNED"},
    ),
    "spokesman_not_antecedent": dict(
        text=("Thai Foreign Minister Somchai Wongsa arrived in Hanoi on Monday. Ministry spokesman Anan Boonmee told reporters the visit "
              "would last three days. He will meet Vietnamese President Tran Duc Long on Tuesday."),
        pos=[("visited", "Somchai Wongsa", "Hanoi"), ("met", "Somchai Wongsa", "Tran Duc Long")],
        absent=[("met", "Anan Boonmee", "Tran Duc Long")],
    ),
    "they_discussed_after_call": dict(
        text="Polish President Anna Nowak and Lithuanian President Rimas Petrauskas spoke by phone on Tuesday. They discussed energy security and the Baltic grid.",
        pos=[("discussed", "Anna Nowak", "Rimas Petrauskas")], absent=[("met", "Anna Nowak", "Rimas Petrauskas")],
        mode={"discussed": "phone"},
    ),
    "cancelled_planned_meeting_with": dict(
        text="Polish President Anna Nowak cancelled a planned meeting with Hungarian Prime Minister Gabor Toth after the row over sanctions.",
        absent=[("met", "Anna Nowak", "Gabor Toth")], neg=[("met", "Anna Nowak", "Gabor Toth")],
    ),
    "put_off_until_next_year": dict(
        text="Nowak's visit to Budapest has been put off until next year, her office said.",
        pos=[("visited", "Nowak", "Budapest")], realis={"visited": "PLANNED"},
    ),
    "is_visiting_progressive": dict(
        text="Polish President Anna Nowak is visiting Canada this week and will meet Canadian Prime Minister Mark Leduc in Ottawa on Thursday.",
        pos=[("visited", "Anna Nowak", "Canada"), ("met", "Anna Nowak", "Mark Leduc")],
    ),
    "when_he_visits": dict(
        text="Chinese Premier Li Wei will hold talks with German Chancellor Jonas Krause when he visits Berlin next month.",
        pos=[("met", "Li Wei", "Jonas Krause"), ("visited", "Li Wei", "Berlin")],
        absent=[("visited", "Jonas Krause", "Berlin")],
    ),
    "countries_held_talks": dict(
        text="Washington and Beijing held talks on trade in Geneva on Tuesday, officials said.",
        pos=[("met", "Washington", "Beijing")], absent=[("met", "Geneva", "Beijing")],
    ),
    "beijing_said_not_participant": dict(
        text="Beijing said on Monday that Chinese Foreign Minister Wang Lei had met his Indian counterpart, Arjun Rao, in Delhi.",
        pos=[("met", "Wang Lei", "Arjun Rao")], absent=[("met", "Beijing", "Wang Lei"), ("met", "Beijing", "Arjun Rao")],
    ),
    "host_counterpart_desc": dict(
        text="Indian Foreign Minister Arjun Rao welcomed Chinese Foreign Minister Wang Lei in Delhi on Monday. Rao told his guest that border calm was essential.",
        pos=[("met", "Arjun Rao", "Wang Lei"), ("visited", "Wang Lei", "Delhi")],
        absent=[("visited", "Arjun Rao", "Delhi")],
    ),
    "chinese_leader_desc": dict(
        text="Brazilian President Ana Ribeiro arrived in Beijing on Sunday. She will meet Chinese President Zhao Ming on Monday, and the Chinese leader will host a banquet in her honour.",
        pos=[("visited", "Ana Ribeiro", "Beijing"), ("met", "Ana Ribeiro", "Zhao Ming")],
    ),
    "ex_president_visit": dict(
        text="Former US President Robert Hale paid a private visit to Taipei last week.",
        pos=[("visited", "Robert Hale", "Taipei")],
    ),
    "arrived_for_summit_attend": dict(
        text="Leaders from across Africa arrived in Kigali on Saturday. Ghanaian President Kwame Ofori will attend the summit in Kigali, his office said.",
        pos=[("visited", "Kwame Ofori", "Kigali")],
    ),
    "trip_cut_short": dict(
        text="Ghanaian President Kwame Ofori cut short a visit to London on Friday and flew home.",
        pos=[("visited", "Kwame Ofori", "London")],
    ),
    "joint_talks_all_pairs": dict(
        text="Norwegian Foreign Minister Ingrid Dahl held joint talks with her Swedish and Danish counterparts, Erik Lund and Mette Skov, in Oslo.",
        pos=[("met", "Ingrid Dahl", "Erik Lund"), ("met", "Ingrid Dahl", "Mette Skov"), ("met", "Erik Lund", "Mette Skov")],
    ),

    "received_letter_not_met": dict(
        text="Nigerian President Bola Adeyemi received a letter from Ghanaian President Kwame Ofori on Monday.",
        absent=[("met", "Bola Adeyemi", "Kwame Ofori")],
    ),
    "welcomed_proposal_not_met": dict(
        text="Nigerian President Bola Adeyemi welcomed Ghanaian President Kwame Ofori's proposal for a regional force.",
        absent=[("met", "Bola Adeyemi", "Kwame Ofori")],
    ),
    "received_call_from": dict(
        text="Nigerian President Bola Adeyemi received a phone call from Ghanaian President Kwame Ofori about the border closure.",
        pos=[("discussed", "Bola Adeyemi", "Kwame Ofori")], absent=[("met", "Bola Adeyemi", "Kwame Ofori")],
        mode={"discussed": "phone"},
    ),
    "criticised_visit": dict(
        text="Chinese Foreign Minister Wang Lei criticised US Senator Mark Ellis's visit to Taipei.",
        pos=[("visited", "Mark Ellis", "Taipei")], absent=[("visited", "Wang Lei", "Taipei")],
    ),
    "born_in_not_visit": dict(
        text="Kenyan Foreign Minister Peter Odhiambo, who was born in Kisumu and studied in London, met British Foreign Secretary Laura Hughes on Monday.",
        pos=[("met", "Peter Odhiambo", "Laura Hughes")],
        absent=[("visited", "Peter Odhiambo", "London"), ("visited", "Peter Odhiambo", "Kisumu")],
    ),
    "generic_often_visit": dict(
        text="Chinese leaders often visit Africa at the start of the year.",
        absent=[],
    ),
    "meeting_expected_to_focus": dict(
        text="German Chancellor Jonas Krause's meeting with French President Claire Moreau on Friday is expected to focus on defence spending.",
        pos=[("met", "Jonas Krause", "Claire Moreau"), ("discussed", "Jonas Krause", "Claire Moreau")],
        realis={"met": "PLANNED", "discussed": "PLANNED"},
    ),
    "hosted_conference_no_relation": dict(
        text="Egyptian President Adel Mansour hosted a conference on water security in Cairo on Sunday.",
        absent=[("visited", "Adel Mansour", "Cairo")],
    ),
    "met_wife_unnamed_no_crash": dict(
        text="Swedish King Carl Gustaf met the president's wife at the palace.",
        absent=[],
    ),
    "award_in_city": dict(
        text="Kenyan President Ruth Kamau will receive an honorary degree in Dublin next week.",
        absent=[("met", "Ruth Kamau", "Dublin")],
    ),
    "ship_arrived_no_person": dict(
        text="A Turkish navy ship carrying aid arrived in Port Sudan on Tuesday, the defence ministry said.",
        absent=[("visited", "Turkish navy", "Port Sudan")],
    ),
    "former_trip_relative": dict(
        text="Indian Prime Minister Ravi Menon, who visited Moscow last year, will travel to Kyiv on Friday.",
        pos=[("visited", "Ravi Menon", "Moscow"), ("visited", "Ravi Menon", "Kyiv")],
    ),
    "two_visits_one_sentence": dict(
        text="Australian Foreign Minister Kate Doyle will visit Fiji and Samoa next week before stopping in Wellington for talks with New Zealand Foreign Minister Tama Ruatapu.",
        pos=[("visited", "Kate Doyle", "Fiji"), ("visited", "Kate Doyle", "Samoa"), ("visited", "Kate Doyle", "Wellington"),
             ("met", "Kate Doyle", "Tama Ruatapu")],
        absent=[("visited", "Tama Ruatapu", "Wellington")],
    ),
    "hosting_members_of_country_group": dict(
        text=("The presidents of Chile, Peru and Bolivia are scheduled to meet in Santiago on June 4 to discuss lithium exports. "
              "Chilean President Camila Rojas will host Peru's Diego Salas and Bolivia's Ana Quispe at La Moneda palace."),
        pos=[("met", "Camila Rojas", "Diego Salas"), ("met", "Camila Rojas", "Ana Quispe"), ("met", "Diego Salas", "Ana Quispe"),
             ("visited", "Diego Salas", "Santiago"), ("visited", "Ana Quispe", "Santiago"), ("visited", "Diego Salas", "La Moneda palace")],
        absent=[("visited", "Camila Rojas", "Santiago"), ("visited", "Camila Rojas", "La Moneda palace")],
        realis={"visited": "PLANNED", "met": "PLANNED"},
    ),
    "cancelled_stop_on_her_way": dict(
        text=("Pakistani Foreign Minister Farah Qureshi arrived in Tashkent on Monday. A planned stop in Dushanbe on her way home "
              "has been cancelled, the foreign office said."),
        pos=[("visited", "Farah Qureshi", "Tashkent")], neg=[("visited", "Farah Qureshi", "Dushanbe")],
        absent=[("visited", "Farah Qureshi", "Dushanbe")],
    ),
    "hoped_but_could_not": dict(
        text="Chilean President Camila Rojas had hoped to visit Lima in May but could not because of the floods.",
        absent=[("visited", "Camila Rojas", "Lima")], neg=[("visited", "Camila Rojas", "Lima")],
    ),
    "declined_invitation_to_visit": dict(
        text="Colombian Foreign Minister Lucia Reyes has turned down an invitation to visit Quito, her office said.",
        absent=[("visited", "Lucia Reyes", "Quito")],
    ),
    "visited_but_did_not_meet": dict(
        text="Irish President Aoife Brennan visited Nairobi on Thursday but did not meet Kenyan President Ruth Kamau.",
        pos=[("visited", "Aoife Brennan", "Nairobi")], absent=[("met", "Aoife Brennan", "Ruth Kamau")],
    ),

    "article_doha_mediation": dict(
        text=("DOHA, Sept 9 (Wire) -- Qatari Prime Minister Sheikh Hamad Al-Kuwari met Sudanese army chief Abdel Karim Osman in Doha on Sunday "
              "as part of renewed mediation efforts, the Qatari foreign ministry said.\n\n"
              "Al-Kuwari later held a separate meeting with a delegation from the Rapid Support Forces led by Ibrahim Dagalo, the "
              "ministry added, without giving details.\n\n"
              "\u201cWe are encouraged by the willingness of both sides to engage,\u201d ministry spokesman Majed Al-Rumaihi told reporters. "
              "He said the talks had focused on a humanitarian ceasefire and the opening of aid corridors.\n\n"
              "Osman, who flew in from Port Sudan on Saturday, is expected to travel on to Cairo on Tuesday to brief Egyptian President "
              "Adel Mansour. A meeting between Osman and Dagalo, which mediators had hoped to arrange, did not take place.\n\n"
              "U.S. envoy Tom Perriello, who was also in Doha, spoke separately with both delegations.\n\n"
              "Also read: Sudan's rival generals agree to talks in Jeddah\n"),
        pos=[("met", "Hamad Al-Kuwari", "Abdel Karim Osman"), ("visited", "Abdel Karim Osman", "Doha"),
             ("met", "Hamad Al-Kuwari", "Ibrahim Dagalo"), ("visited", "Abdel Karim Osman", "Cairo"),
             ("met", "Abdel Karim Osman", "Adel Mansour")],
        absent=[("met", "Abdel Karim Osman", "Ibrahim Dagalo"), ("visited", "Abdel Karim Osman", "Port Sudan"),
                ("visited", "Majed Al-Rumaihi", "Doha"), ("visited", "Hamad Al-Kuwari", "Doha"), ("visited", "Abdel Karim Osman", "Jeddah")],
    ),
    "article_pacific_forum": dict(
        text=("SUVA, Aug 21 (Wire) -- Pacific Islands Forum leaders gathered in Suva on Wednesday for their annual summit, with climate "
              "finance and deep-sea mining at the top of the agenda.\n\n"
              "Australian Prime Minister Kate Doyle, who arrived on Tuesday evening, held talks with Fijian Prime Minister Sitiveni "
              "Rabuka Jr on the sidelines of the summit and announced new funding for coastal defences. New Zealand Prime Minister "
              "Tama Ruatapu is due to arrive on Thursday.\n\n"
              "Doyle had planned to visit Honiara after the summit, but the stop was scrapped because of unrest in the Solomon "
              "Islands capital, her office said. She will instead fly to Port Moresby on Friday for talks with Papua New Guinea's "
              "prime minister, James Marape-Kua.\n\n"
              "China's special envoy for Pacific affairs, Qian Bo, is also in Suva and met several island leaders, Chinese state "
              "media reported."),
        pos=[("met", "Kate Doyle", "Sitiveni Rabuka Jr"), ("visited", "Kate Doyle", "Port Moresby"), ("met", "Kate Doyle", "James Marape-Kua")],
        absent=[("visited", "Kate Doyle", "Honiara"), ("met", "Kate Doyle", "Qian Bo"), ("visited", "Sitiveni Rabuka Jr", "Suva")],
        neg=[("visited", "Kate Doyle", "Honiara")],
    ),
    "article_latam_phone_and_trip": dict(
        text=("MEXICO CITY, Jan 15 (Wire) -- Mexican President Lucia Ortega spoke by telephone on Monday with U.S. President Daniel "
              "Carver about migration and fentanyl trafficking, her office said, days before a planned trip by Foreign Secretary "
              "Raul Medina to Washington.\n\n"
              "Medina will meet Secretary of State Helen Brooks on Friday to prepare a summit between the two presidents in March, "
              "the foreign ministry said. Ortega has not visited the United States since taking office in 2022.\n\n"
              "Carver's spokeswoman, Dana Hill, said the two leaders had also discussed tariffs on steel. Ortega later received "
              "Guatemalan President Ana Morales at the National Palace, where they signed an agreement on border crossings."),
        pos=[("discussed", "Lucia Ortega", "Daniel Carver"), ("visited", "Raul Medina", "Washington"), ("met", "Raul Medina", "Helen Brooks"),
             ("met", "Lucia Ortega", "Ana Morales"), ("visited", "Ana Morales", "National Palace")],
        absent=[("visited", "Lucia Ortega", "United States"), ("visited", "Dana Hill", "Washington"), ("met", "Helen Brooks", "Lucia Ortega")],
    ),

    "headline_present_tense": dict(
        text="Kenyan president to host Ethiopian PM in Nairobi\n\nKenyan President Ruth Kamau will host Ethiopian Prime Minister Dawit Bekele in Nairobi on Thursday, State House said.",
        pos=[("met", "Ruth Kamau", "Dawit Bekele"), ("visited", "Dawit Bekele", "Nairobi")], realis={"met": "PLANNED", "visited": "PLANNED"},
    ),
    "multi_nation_tour": dict(
        text=("Indian Prime Minister Ravi Menon, who is on a five-nation tour of Africa that has taken him to Nigeria, Ghana and Senegal, "
              "arrived in Abidjan on Friday."),
        pos=[("visited", "Ravi Menon", "Abidjan"), ("visited", "Ravi Menon", "Nigeria"), ("visited", "Ravi Menon", "Ghana"),
             ("visited", "Ravi Menon", "Senegal")],
    ),
    "greeted_on_arrival_by": dict(
        text="Indian Prime Minister Ravi Menon was greeted on arrival by Ivorian Prime Minister Alassane Kone.",
        pos=[("met", "Ravi Menon", "Alassane Kone")],
    ),
    "margins_of_assembly": dict(
        text="Japanese Foreign Minister Aiko Morita held a bilateral meeting with Brazilian Foreign Minister Paulo Viana on the margins of the UN General Assembly in New York on Tuesday.",
        pos=[("met", "Aiko Morita", "Paulo Viana")],
    ),
    "talks_held_at_palace_apposition": dict(
        text="The talks between Morita and Viana, held at the Itamaraty Palace, lasted two hours.",
        absent=[("met", "Itamaraty Palace", "Morita")],
    ),
    "state_banquet_for": dict(
        text="Japanese Emperor Naruhito Akihiro hosted a state banquet for Brazilian President Ana Ribeiro at the Imperial Palace in Tokyo.",
        pos=[("met", "Naruhito Akihiro", "Ana Ribeiro"), ("visited", "Ana Ribeiro", "Imperial Palace"), ("visited", "Ana Ribeiro", "Tokyo")],
    ),
    "article_tokyo_visit_pronouns": dict(
        text=("TOKYO, May 13 (Wire) -- Brazilian President Ana Ribeiro began a four-day state visit to Japan on Monday, the first by a "
              "Brazilian leader in a decade.\n\n"
              "She held talks with Japanese Prime Minister Kenta Ishida at his official residence, where the two leaders discussed "
              "ethanol exports and a free trade agreement with Mercosur, according to a Japanese government spokesperson.\n\n"
              "Ishida said he hoped to visit Brasilia next year. Ribeiro invited him to attend the climate conference in Belem in "
              "November, Brazilian officials said.\n\n"
              "On Wednesday, Ribeiro will travel to Osaka to meet business leaders before flying home on Thursday.\n\n"
              "Her trip comes weeks after Chinese President Zhao Ming hosted Ishida in Beijing, a visit that Tokyo described as "
              "constructive."),
        pos=[("visited", "Ana Ribeiro", "Japan"), ("met", "Ana Ribeiro", "Kenta Ishida"), ("discussed", "Ana Ribeiro", "Kenta Ishida"),
             ("visited", "Ana Ribeiro", "Osaka"), ("met", "Zhao Ming", "Kenta Ishida"), ("visited", "Kenta Ishida", "Beijing")],
        not_claimed=[("visited", "Kenta Ishida", "Brasilia"), ("visited", "Kenta Ishida", "Belem")],
        absent=[("visited", "Zhao Ming", "Beijing"), ("met", "Ana Ribeiro", "Zhao Ming")],
    ),
    "fronted_place_meeting": dict(
        text="Meanwhile, in Oslo, Chilean Foreign Minister Rosa Ibarra met Norwegian Foreign Minister Erik Solhaug on Friday.",
        pos=[("met", "Rosa Ibarra", "Erik Solhaug"), ("visited", "Rosa Ibarra", "Oslo")],
        absent=[("visited", "Erik Solhaug", "Oslo")],
    ),
    "question_is_open": dict(
        text="Asked whether she would travel to Kabul, Dutch Foreign Minister Femke de Ruiter said no decision had been made.",
        not_claimed=[("visited", "Femke de Ruiter", "Kabul")],
    ),
    "past_verb_bare_month": dict(
        text="date 2024-01-05\nGhanaian Foreign Minister Kofi Asante met Japanese Foreign Minister Ren Takeda in Accra in April.",
        pos=[("met", "Kofi Asante", "Ren Takeda")], realis={"met": "ACTUAL"},
    ),
    "adverb_motion": dict(
        text="The ministry denied that Latvian Foreign Minister Ilze Ozola had travelled secretly to Minsk last month to meet Belarusian envoy Pavel Krot.",
        neg=[("visited", "Ilze Ozola", "Minsk"), ("met", "Ilze Ozola", "Pavel Krot")],
        absent=[("visited", "Ilze Ozola", "Minsk"), ("met", "Ilze Ozola", "Pavel Krot")],
    ),
    "due_in": dict(
        text="Omani Foreign Minister Salim Al-Busaidi Nasser is due in Nairobi on Sunday.",
        pos=[("visited", "Salim Al-Busaidi Nasser", "Nairobi")], realis={"visited": "PLANNED"},
    ),
    "working_lunch": dict(
        text="Czech Foreign Minister Petr Dvorak Hlavac held a working lunch with Irish Foreign Minister Niamh Brennan in Prague.",
        pos=[("met", "Petr Dvorak Hlavac", "Niamh Brennan")],
    ),
    "attended_summit_place": dict(
        text="Ugandan President Grace Okello Amony attended the African Union summit in Addis Ababa on Sunday.",
        pos=[("visited", "Grace Okello Amony", "Addis Ababa")], absent=[("visited", "Grace Okello Amony", "African Union")],
    ),
    "object_pronoun_not_subject": dict(
        text=("Danish Foreign Minister Lars Holm Madsen travelled to Riga in May. "
              "Latvian Foreign Minister Ilze Ozola visited Copenhagen in June and held talks with him on energy links."),
        pos=[("met", "Ilze Ozola", "Lars Holm Madsen"), ("discussed", "Ilze Ozola", "Lars Holm Madsen")],
    ),
    "plural_counterparts_by_nationality": dict(
        text=("Kenya's foreign minister, Amina Wanjiku Otieno, hosted her Ugandan and Tanzanian counterparts in Nairobi on Monday. "
              "Ugandan Foreign Minister Joseph Okot Mugisha and Tanzania's Neema Salum Mwinyi later flew home."),
        pos=[("met", "Amina Wanjiku Otieno", "Joseph Okot Mugisha"), ("met", "Amina Wanjiku Otieno", "Neema Salum Mwinyi"),
             ("visited", "Joseph Okot Mugisha", "Nairobi"), ("visited", "Neema Salum Mwinyi", "Nairobi")],
    ),
    "counterparts_from_countries_listed": dict(
        text=("Chilean Foreign Minister Rosa Ibarra hosted her counterparts from Peru and Bolivia, Luis Quispe Flores and "
              "Marta Choque Apaza, at the La Moneda palace in Santiago."),
        pos=[("met", "Rosa Ibarra", "Luis Quispe Flores"), ("met", "Rosa Ibarra", "Marta Choque Apaza"),
             ("visited", "Luis Quispe Flores", "Santiago"), ("visited", "Marta Choque Apaza", "Santiago")],
        absent=[("visited", "Rosa Ibarra", "Santiago")],
    ),
    "regional_adjective_not_a_person": dict(
        text="Chinese Foreign Minister Li Qiang Wei met Thai Foreign Minister Prasert Wongsa as Southeast Asian claimants sought a deal.",
        pos=[("met", "Li Qiang Wei", "Prasert Wongsa")], absent=[("met", "Southeast Asian", "Li Qiang Wei")],
    ),
    "attended_in_person_joins": dict(
        text=("The summit of the East African Community was hosted by Kenyan President Daniel Mutua Kamau at State House in Nairobi. "
              "Rwandan President Alice Uwase Mukama and Burundian Foreign Minister Eric Ndayizeye attended in person."),
        pos=[("met", "Daniel Mutua Kamau", "Alice Uwase Mukama"), ("met", "Daniel Mutua Kamau", "Eric Ndayizeye"),
             ("met", "Alice Uwase Mukama", "Eric Ndayizeye"), ("visited", "Alice Uwase Mukama", "Nairobi")],
        absent=[("met", "Daniel Mutua Kamau", "East African Community")],
    ),
    "letter_from_to": dict(
        text="Slovak Foreign Minister Juraj Hrnciar delivered a letter from President Zuzana Holla to Croatian President Ivo Maric inviting him to a summit on energy.",
        pos=[("discussed", "Zuzana Holla", "Ivo Maric")], mode={"discussed": "written"},
        absent=[("met", "Zuzana Holla", "Ivo Maric")],
    ),
    "sent_a_letter": dict(
        text="Estonian Foreign Minister Kaja Tamm sent Finnish Foreign Minister Mikko Lahti a letter last week setting out the cable repair plan.",
        pos=[("discussed", "Kaja Tamm", "Mikko Lahti")], mode={"discussed": "written"}, absent=[("met", "Kaja Tamm", "Mikko Lahti")],
    ),
    "wrote_to": dict(
        text="The secretary-general, Mariam Al-Sabah Hussein, wrote to Iranian Foreign Minister Reza Karimi last week urging Iran to halt drilling.",
        pos=[("discussed", "Mariam Al-Sabah Hussein", "Reza Karimi")], mode={"discussed": "written"},
    ),
    "subject_pronoun_after_when": dict(
        text="Zimbabwean envoy Tendai Moyo Chirwa last visited Lusaka in June, when he met Zambian President Mwila Banda Phiri.",
        pos=[("visited", "Tendai Moyo Chirwa", "Lusaka"), ("met", "Tendai Moyo Chirwa", "Mwila Banda Phiri")],
    ),
    "n_way_meeting_of_named_members": dict(
        text=("The Georgian capital will host a three-way meeting on Friday of Armenian Foreign Minister Aram Petrosyan Hakobyan, "
              "Azerbaijani Foreign Minister Elnur Mammadov and Georgian Foreign Minister Nino Beridze on border demarcation."),
        pos=[("met", "Aram Petrosyan Hakobyan", "Elnur Mammadov"), ("met", "Elnur Mammadov", "Nino Beridze"),
             ("met", "Aram Petrosyan Hakobyan", "Nino Beridze"), ("discussed", "Aram Petrosyan Hakobyan", "Elnur Mammadov")],
        absent=[("visited", "Nino Beridze", "Georgian capital")],
    ),
    "joined_by": dict(
        text=("Later, Finnish President Aino Virtanen and Swedish Prime Minister Karl Lindqvist were joined by Norwegian Prime Minister "
              "Ola Haugland for talks on Arctic security."),
        pos=[("met", "Aino Virtanen", "Ola Haugland"), ("met", "Karl Lindqvist", "Ola Haugland"),
             ("discussed", "Aino Virtanen", "Ola Haugland")],
    ),
    "official_named_after_description": dict(
        text=("Qatar's foreign minister flew to Muscat on Sunday for talks on shipping. Foreign Minister Hamad Al-Kuwari Nasser was "
              "received by his Omani counterpart, Badr Al-Hinai Said, and the two ministers discussed maritime security."),
        pos=[("visited", "Hamad Al-Kuwari Nasser", "Muscat"), ("met", "Hamad Al-Kuwari Nasser", "Badr Al-Hinai Said"),
             ("discussed", "Hamad Al-Kuwari Nasser", "Badr Al-Hinai Said")],
        absent=[("discussed", "foreign minister", "Hamad Al-Kuwari Nasser")],
    ),
    "demonym_short_name_adjective": dict(
        text="Kuwaiti Foreign Minister Salem Al-Sabah Jaber was received at the Saudi foreign ministry in Riyadh.",
        pos=[("visited", "Salem Al-Sabah Jaber", "Riyadh")], absent=[("visited", "Salem Al-Sabah Jaber", "Saudi")],
    ),
    "expected_in": dict(
        text="Indian Foreign Minister Rohan Mehta Kapoor is expected in Canberra in July for talks on critical minerals.",
        pos=[("visited", "Rohan Mehta Kapoor", "Canberra")], realis={"visited": "PLANNED"},
    ),
    "attended_meeting_of_body_in_city": dict(
        text="Serbian Foreign Minister Dragan Petrovic Jovic attended a meeting of foreign ministers of the Organization for Security and Co-operation in Europe in Vienna.",
        pos=[("visited", "Dragan Petrovic Jovic", "Vienna")],
    ),
    "the_ministers_not_prime_minister": dict(
        text=("Irish Foreign Minister Sean Keane Dolan met his counterpart, Ana Ruiz Prado, in Madrid. Prime Minister Tomas Brennan "
              "Healy later praised the visit. The two ministers discussed fishing quotas."),
        pos=[("discussed", "Sean Keane Dolan", "Ana Ruiz Prado")],
        absent=[("discussed", "Tomas Brennan Healy", "Sean Keane Dolan")],
    ),
    "question_answered_no": dict(
        text=("Asked whether Greek Foreign Minister Nikos Dimas Varvitsiotis would meet Turkish Foreign Minister Emre Aksoy Yilmaz "
              "in Vienna, a spokesman said: \"Nothing of that kind is on the schedule.\""),
        neg=[("met", "Nikos Dimas Varvitsiotis", "Emre Aksoy Yilmaz")], absent=[("met", "Nikos Dimas Varvitsiotis", "Emre Aksoy Yilmaz")],
    ),
    "request_turned_down": dict(
        text=("Swiss envoy Lukas Brunner Keller had asked to meet detained opposition leader Min Aung Thu during the trip, "
              "a request the authorities turned down."),
        absent=[("met", "Lukas Brunner Keller", "Min Aung Thu")],
    ),
    "travel_day_to": dict(
        text="From Lome, Ghanaian Foreign Minister Kwame Asare Boateng is due to travel on Friday to Abuja for talks.",
        pos=[("visited", "Kwame Asare Boateng", "Abuja")], realis={"visited": "PLANNED"},
    ),
    "visit_to_by_postponed": dict(
        text="A state visit to Lusaka by Malawian President Grace Phiri Banda, which had been planned for May, has been postponed to July.",
        pos=[("visited", "Grace Phiri Banda", "Lusaka")], realis={"visited": "PLANNED"},
    ),
    "counterpart_is_one_of_the_ministers": dict(
        text=("Chadian Foreign Minister Idriss Mahamat Abakar was received by Prime Minister Ali Oumar Saleh and later held "
              "talks with his Nigerien counterpart, Aissa Moussa Garba. The two ministers discussed border security."),
        pos=[("met", "Idriss Mahamat Abakar", "Aissa Moussa Garba"), ("discussed", "Idriss Mahamat Abakar", "Aissa Moussa Garba")],
        absent=[("discussed", "Ali Oumar Saleh", "Idriss Mahamat Abakar")],
    ),
    "spent_day_in_where_talks": dict(
        text="Belgian Foreign Minister Sofie Maes Peeters spent Tuesday in Vilnius, where she held talks with Lithuanian Foreign Minister Jonas Kairys.",
        pos=[("visited", "Sofie Maes Peeters", "Vilnius"), ("met", "Sofie Maes Peeters", "Jonas Kairys")], realis={"visited": "ACTUAL"},
    ),
    "relative_clause_object_pronoun": dict(
        text=("Canadian Prime Minister Luc Gagnon Roy's visit to Brussels last October produced warm words from Commission "
              "President Anna Weber Klein, who received him at the Berlaymont."),
        pos=[("met", "Anna Weber Klein", "Luc Gagnon Roy"), ("visited", "Luc Gagnon Roy", "Berlaymont")],
        absent=[("visited", "Anna Weber Klein", "Berlaymont")],
    ),
    "last_month_name_is_past": dict(
        text="date 2024-01-15\nPeruvian President Rosa Quispe Mamani's visit to Quito last October ended without a deal.",
        pos=[("visited", "Rosa Quispe Mamani", "Quito")], realis={"visited": "ACTUAL"},
    ),
    "scheduled_but_postponed_until": dict(
        text="Estonian Foreign Minister Kadri Tamm Lepp had been scheduled to visit Tbilisi this month, but her trip was postponed until early next year.",
        pos=[("visited", "Kadri Tamm Lepp", "Tbilisi")], realis={"visited": "PLANNED"},
    ),
    "quoted_i_with_pronoun_attribution": dict(
        text=("Austrian Foreign Minister Klaus Berger Hofer praised the talks. \"When I called on President Amara Diallo Keita this "
              "morning, he asked me a simple question,\" he said."),
        pos=[("met", "Klaus Berger Hofer", "Amara Diallo Keita")],
    ),
    "is_hosting_progressive": dict(
        text="Irish Foreign Minister Aoife Keane Daly is hosting her Portuguese counterpart, Joao Serra Lopes, at Iveagh House in Dublin.",
        pos=[("met", "Aoife Keane Daly", "Joao Serra Lopes"), ("visited", "Joao Serra Lopes", "Dublin")],
        absent=[("visited", "Aoife Keane Daly", "Dublin")],
    ),
    "meeting_under_way_between": dict(
        text=("A three-way meeting is under way on the sidelines between Finnish Minister Elina Koskinen Lahti, Swedish Minister "
              "Johan Berg Lind and Norwegian Minister Kari Dahl Moen."),
        pos=[("met", "Elina Koskinen Lahti", "Johan Berg Lind"), ("met", "Johan Berg Lind", "Kari Dahl Moen"),
             ("met", "Elina Koskinen Lahti", "Kari Dahl Moen")],
    ),
    "their_is_the_whole_conjoined_subject": dict(
        text="Chilean Minister Rosa Ibarra Soto, Peruvian Minister Luis Quispe Flores and Bolivian Minister Marta Choque Apaza held their first three-way meeting in Lima.",
        pos=[("met", "Rosa Ibarra Soto", "Luis Quispe Flores"), ("met", "Rosa Ibarra Soto", "Marta Choque Apaza"),
             ("met", "Luis Quispe Flores", "Marta Choque Apaza")],
    ),
    "two_offices_before_name": dict(
        text=("Danish Foreign Minister Lars Holm Madsen flew on to Oslo and is due to hold talks with Norway's deputy prime "
              "minister and foreign minister, Kari Dahl Moen, on Arctic security."),
        pos=[("met", "Lars Holm Madsen", "Kari Dahl Moen"), ("discussed", "Lars Holm Madsen", "Kari Dahl Moen")],
        absent=[("met", "deputy prime minister", "Kari Dahl Moen")],
    ),
    "the_city_of_name": dict(
        text="Mexican Foreign Minister Alba Torres Rivas made an unannounced visit to the northern border city of Tijuana on Sunday.",
        pos=[("visited", "Alba Torres Rivas", "Tijuana")],
    ),
    "quote_then_inverted_speaker_after_meeting": dict(
        text=("\"The door is open,\" said Icelandic Foreign Minister Helga Sigurdottir Berg after meeting Estonian Prime Minister "
              "Kaspar Lind Rebane in Tallinn."),
        pos=[("met", "Helga Sigurdottir Berg", "Kaspar Lind Rebane")],
    ),
    "fronted_after_talks_with": dict(
        text="After talks with his Georgian counterpart Levan Beridze Tsomaia, Armenian Foreign Minister Aram Petrosyan Hakobyan said the border would reopen.",
        pos=[("met", "Aram Petrosyan Hakobyan", "Levan Beridze Tsomaia")],
        absent=[("met", "Levan Beridze Tsomaia", "Levan Beridze Tsomaia")],
    ),
    "purpose_infinitive_keeps_first_realis": dict(
        text="Omani Foreign Minister Salim Al-Harthy and Yemeni Foreign Minister Nabil Al-Saqqaf met in Muscat on Thursday to discuss prisoner exchanges.",
        pos=[("met", "Salim Al-Harthy", "Nabil Al-Saqqaf"), ("discussed", "Salim Al-Harthy", "Nabil Al-Saqqaf")],
        realis={"discussed": "ACTUAL", "met": "ACTUAL"},
    ),
    "delegation_leader_does_not_meet_it": dict(
        text="A Vietnamese delegation led by Deputy Foreign Minister Tran Quoc Hung arrived in Manila for talks with Philippine officials.",
        pos=[("visited", "Tran Quoc Hung", "Manila")],
        absent=[("met", "Vietnamese delegation", "Tran Quoc Hung")],
    ),
    "sent_a_delegation_to": dict(
        text="Hungary sent a delegation to Belgrade on Monday, headed by state secretary Zoltan Farkas Nagy.",
        pos=[("visited", "delegation", "Belgrade"), ("visited", "Zoltan Farkas Nagy", "Belgrade")],
        absent=[("visited", "Hungary", "Belgrade")],
    ),
    "promised_to_send_is_planned": dict(
        text="The Malian leader promised to send a delegation to Niamey in the coming weeks.",
        pos=[("visited", "delegation", "Niamey")], realis={"visited": "PLANNED"},
    ),
    "facility_name_of_the": dict(
        text="Paraguayan President Ramon Benitez Ayala laid a wreath at the Mausoleum of the Liberators in Caracas.",
        pos=[("visited", "Ramon Benitez Ayala", "Mausoleum of the Liberators"), ("visited", "Ramon Benitez Ayala", "Caracas")],
    ),
    "adverbial_aside_between_subject_and_verb": dict(
        text="Slovak Prime Minister Juraj Kollar Hudec, on his first trip abroad since taking office, arrived in Prague on Monday.",
        pos=[("visited", "Juraj Kollar Hudec", "Prague")],
    ),
    "occasion_brought_together": dict(
        text=("The forum in Nairobi brought together Ghanaian President Kofi Mensah Boateng, Zambian President Mwila Banda "
              "and Tanzanian President Neema Mushi."),
        pos=[("met", "Kofi Mensah Boateng", "Mwila Banda"), ("met", "Mwila Banda", "Neema Mushi"),
             ("met", "Kofi Mensah Boateng", "Neema Mushi"), ("visited", "Mwila Banda", "Nairobi")],
    ),
    "with_possessive_noun_then_name": dict(
        text=("Cypriot Foreign Minister Andreas Kyprianou Loizou arrived in Athens on Monday. \"I am here to talk about energy "
              "with my good friend Dimitris Vlachos Sotiriou,\" Kyprianou Loizou said."),
        pos=[("discussed", "Andreas Kyprianou Loizou", "Dimitris Vlachos Sotiriou")],
    ),
    "time_of_an_earlier_event_is_not_this_ones": dict(
        text=("The two ministers, who last met in Oslo in January, will sign a fisheries accord when Icelandic Foreign "
              "Minister Sigrun Magnusdottir Berg visits Torshavn next month."),
        pos=[("visited", "Sigrun Magnusdottir Berg", "Torshavn")], realis={"visited": "PLANNED"},
    ),
    "raised_topic_with_person": dict(
        text=("Canadian Foreign Minister Claire Beaulieu Roy said she raised the case of detained writer Omar Haddad with "
              "Egyptian Foreign Minister Karim Mansour Adel during their meeting in Cairo."),
        pos=[("discussed", "Claire Beaulieu Roy", "Karim Mansour Adel"), ("met", "Claire Beaulieu Roy", "Karim Mansour Adel")],
        absent=[("met", "Claire Beaulieu Roy", "Omar Haddad"), ("met", "Omar Haddad", "Karim Mansour Adel")],
    ),
    "raised_without_a_partner_is_nothing": dict(
        text="The central bank raised its key rate with effect from Monday, Governor Tomasz Wrona Bielski said.",
        absent=[("discussed", "central bank", "Tomasz Wrona Bielski")],
    ),
    "time_clause_under_future_main_clause": dict(
        text="Irish Foreign Minister Niamh Brennan Walsh will raise fishing quotas with her hosts when she visits Reykjavik.",
        pos=[("visited", "Niamh Brennan Walsh", "Reykjavik")], realis={"visited": "PLANNED"},
    ),
    "seat_of_government_leader": dict(
        text=("Russian President Anatoly Vereshchagin arrived in Baku on Monday. The Kremlin leader was greeted at the airport "
              "by Azerbaijani President Elnur Mammadov Aliyev."),
        pos=[("met", "Anatoly Vereshchagin", "Elnur Mammadov Aliyev")],
        absent=[("met", "Kremlin", "Elnur Mammadov Aliyev")],
    ),
    "arrival_time_before_place": dict(
        text="Peruvian Foreign Minister Elena Quispe Mamani arrived late on Sunday in Canberra for a three-day visit.",
        pos=[("visited", "Elena Quispe Mamani", "Canberra")],
    ),
    "arrivals_join_a_hosted_gathering": dict(
        text=("The meeting is being hosted by Austria's foreign minister, Lukas Gruber Haider, at the Hofburg. "
              "Slovenian Foreign Minister Matej Kovac Zupan has arrived at the Hofburg. "
              "Croatian Foreign Minister Ivana Horvat Babic has also arrived."),
        pos=[("met", "Lukas Gruber Haider", "Matej Kovac Zupan"), ("met", "Lukas Gruber Haider", "Ivana Horvat Babic"),
             ("met", "Matej Kovac Zupan", "Ivana Horvat Babic"), ("visited", "Ivana Horvat Babic", "Hofburg")],
    ),
    "letter_with_time_before_addressee": dict(
        text=("Danish Foreign Minister Mette Lund Holm sent a letter last week to Icelandic Foreign Minister Bjarni Olafsson "
              "Thor setting out proposals on fishing quotas."),
        pos=[("discussed", "Mette Lund Holm", "Bjarni Olafsson Thor")], mode={"discussed": "written"},
        absent=[("met", "Mette Lund Holm", "Bjarni Olafsson Thor")],
    ),
    "arabic_particle_names_and_appositions": dict(
        text=("The Arab League's secretary-general, Hisham Fathi al-Masri, held a video call on Tuesday with Jordan's foreign "
              "minister, Rania Khaled al-Zoubi, and her Iraqi counterpart, Fuad Karim al-Obeidi, on water sharing."),
        pos=[("discussed", "Hisham Fathi al-Masri", "Rania Khaled al-Zoubi"), ("discussed", "Hisham Fathi al-Masri", "Fuad Karim al-Obeidi"),
             ("discussed", "Rania Khaled al-Zoubi", "Fuad Karim al-Obeidi")],
        mode={"discussed": "video"}, realis={"discussed": "ACTUAL"},
        absent=[("met", "Hisham Fathi al-Masri", "Rania Khaled al-Zoubi")],
    ),
    "long_apposition_between_subject_and_verb": dict(
        text=("Tomas Ribeiro Lacerda, a former Portuguese diplomat who was named the United Nations envoy for Western Sahara "
              "in March, was received in Rabat by Moroccan Foreign Minister Youssef Amrani Idrissi."),
        pos=[("met", "Tomas Ribeiro Lacerda", "Youssef Amrani Idrissi"), ("visited", "Tomas Ribeiro Lacerda", "Rabat")],
        absent=[("met", "Western Sahara", "Youssef Amrani Idrissi")],
    ),
    "later_event_cancelled_is_not_this_one": dict(
        text=("Finnish President Aino Virtanen Laine visited Oslo in March, but a planned return visit by Norwegian Prime "
              "Minister Erik Dahl Berge in June was called off."),
        pos=[("visited", "Aino Virtanen Laine", "Oslo")],
    ),
    "object_her_before_a_time": dict(
        text=("Chilean President Camila Fuentes Rojas met Peruvian President Rosa Quispe Mamani in Lima. Fuentes Rojas wrote to "
              "her last week proposing a summit on lithium."),
        pos=[("discussed", "Camila Fuentes Rojas", "Rosa Quispe Mamani")], mode={"discussed": "written"},
    ),
    "facility_of_city_names_both": dict(
        text="Kenyan President Wanjiku Kamau Njeri will visit the port of Mombasa on Thursday with Ugandan President Okello Mugisha.",
        pos=[("visited", "Wanjiku Kamau Njeri", "Mombasa"), ("visited", "Wanjiku Kamau Njeri", "port")],
    ),
    "host_brings_together_and_topic_place": dict(
        text=("Indonesian President Budi Santoso Wirawan brought together Malaysian Prime Minister Azlan Hamid Yusof and Thai "
              "Prime Minister Prayut Chanwong Suk for talks on the crisis in Myanmar."),
        pos=[("met", "Budi Santoso Wirawan", "Azlan Hamid Yusof"), ("met", "Azlan Hamid Yusof", "Prayut Chanwong Suk")],
        absent=[("visited", "Azlan Hamid Yusof", "Myanmar"), ("visited", "Prayut Chanwong Suk", "Myanmar")],
    ),
    "phoned_to_brief_him_is_no_meeting": dict(
        text=("Qatari Foreign Minister Khalid Al-Attiyah Nasser telephoned Kuwaiti Foreign Minister Salem Al-Sabah Jaber on "
              "Wednesday to brief him on the Cairo talks."),
        pos=[("discussed", "Khalid Al-Attiyah Nasser", "Salem Al-Sabah Jaber")], mode={"discussed": "phone"},
        absent=[("met", "Khalid Al-Attiyah Nasser", "Salem Al-Sabah Jaber")],
    ),
    "possessive_is_not_the_subject_of_a_coordinated_verb": dict(
        text=("Nepali Prime Minister Gyan Prasad Koirala has not visited India. His predecessor, Ram Bahadur Karki, flew to "
              "New Delhi in 2023 and held talks with Indian Prime Minister Vikram Rao Menon on power trade."),
        pos=[("met", "Ram Bahadur Karki", "Vikram Rao Menon"), ("visited", "Ram Bahadur Karki", "New Delhi")],
        absent=[("met", "Gyan Prasad Koirala", "Vikram Rao Menon")],
    ),
    "possessive_owner_before_facility": dict(
        text="Indian Foreign Secretary Arjun Mehta Rao was received by Prime Minister Hari Bhattarai at the prime minister's official residence in Baluwatar.",
        pos=[("visited", "Arjun Mehta Rao", "prime minister's official residence"), ("visited", "Arjun Mehta Rao", "Baluwatar")],
    ),
    "no_meeting_was_planned": dict(
        text=("Ukrainian Foreign Minister Oksana Melnyk Bondar arrived in Ankara. A presidential aide said no meeting between "
              "Melnyk Bondar and Turkish President Mehmet Kaya Demir was planned."),
        neg=[("met", "Oksana Melnyk Bondar", "Mehmet Kaya Demir")], absent=[("met", "Oksana Melnyk Bondar", "Mehmet Kaya Demir")],
    ),
    "passive_met_by_agent": dict(
        text=("Kazakh Foreign Minister Nurlan Abenov Saparov flew in on Wednesday. He was met at Beijing Capital International "
              "Airport by Chinese Vice Foreign Minister Liang Wenjie."),
        pos=[("met", "Nurlan Abenov Saparov", "Liang Wenjie")],
    ),
    "the_three_again_paragraphs_later": dict(
        text=("Chinese Foreign Minister Wu Hanming met Kazakhstan's Aidar Nurgaliyev, Kyrgyzstan's Bakyt Toktomushev and "
              "Uzbekistan's Javlon Saidov in Beijing. The three ministers flew in on Wednesday. "
              "Vice Foreign Minister Liang Wenjie saw them off at the airport. Chinese officials praised the visit. "
              "Next week the three ministers are scheduled to hold talks with Russian Foreign Minister Pavel Sorokin Ilyin."),
        pos=[("met", "Javlon Saidov", "Pavel Sorokin Ilyin"), ("met", "Aidar Nurgaliyev", "Pavel Sorokin Ilyin")],
        absent=[("met", "Liang Wenjie", "Pavel Sorokin Ilyin"), ("met", "Wu Hanming", "Pavel Sorokin Ilyin")],
    ),
    "topic_place_after_a_noun_phrase": dict(
        text=("Chinese Foreign Minister Wu Hanming travelled to Tashkent in January and was hosted by Uzbek Foreign Minister "
              "Javlon Saidov for talks on a planned industrial zone in the Fergana Valley."),
        pos=[("visited", "Wu Hanming", "Tashkent"), ("met", "Wu Hanming", "Javlon Saidov")],
        absent=[("visited", "Wu Hanming", "Fergana Valley")],
    ),
    "measure_of_talks_keeps_the_subject": dict(
        text=("Maltese Prime Minister Carmelo Vella Borg received Tunisian President Hedi Ben Salah in Valletta. The two held "
              "more than three hours of talks on migration."),
        pos=[("discussed", "Carmelo Vella Borg", "Hedi Ben Salah")],
    ),
    "the_delegation_later_shares_with_its_leader": dict(
        text=("A European Commission delegation led by Trade Commissioner Elsa Lindqvist Moreau arrived in Skopje on Monday. "
              "The delegation travels on to Tirana on Wednesday, where the commissioner is due to meet Albanian Prime Minister "
              "Ardit Hoxha Leka."),
        pos=[("visited", "Elsa Lindqvist Moreau", "Tirana"), ("met", "Elsa Lindqvist Moreau", "Ardit Hoxha Leka")],
        realis={"met": "PLANNED"},
    ),
    "left_origin_for_destination_and_plural_group": dict(
        text=("Swedish Defence Minister Karin Ek Lind, Finnish Defence Minister Mikko Aho Salo and Norwegian Defence Minister "
              "Sigurd Brekke Dahl met in Copenhagen on Monday. Aho Salo spoke by phone with Turkish Defence Minister Kemal "
              "Arslan Koc about arms exports. The ministers later left Christiansborg for the Karup air base."),
        pos=[("visited", "Karin Ek Lind", "Karup air base"), ("visited", "Mikko Aho Salo", "Karup air base")],
        absent=[("visited", "Kemal Arslan Koc", "Karup air base")],
    ),
    "letter_to_two_and_quoted_topic": dict(
        text=("African Union Commission chairperson Moussa Diallo Keita wrote to Sudanese leader General Omar Hamdan Idris and "
              "Ethiopian Prime Minister Getachew Alemu Tadesse on Monday urging both leaders to \"exercise maximum restraint\"."),
        pos=[("discussed", "Moussa Diallo Keita", "Omar Hamdan Idris"), ("discussed", "Moussa Diallo Keita", "Getachew Alemu Tadesse")],
        mode={"discussed": "written"},
        absent=[("discussed", "Omar Hamdan Idris", "Getachew Alemu Tadesse")],
    ),
    "the_two_leaders_are_not_a_counterpart_minister": dict(
        text=("Sudanese leader General Omar Hamdan Idris and Ethiopian Prime Minister Getachew Alemu Tadesse are at odds. "
              "Sudan's foreign minister, Amira Nour Hassan, and her Ethiopian counterpart, Tesfaye Woldu Bekele, spoke by video "
              "on Tuesday about the border. The two leaders last met in January, when both travelled to Djibouti."),
        pos=[("met", "Omar Hamdan Idris", "Getachew Alemu Tadesse")],
        absent=[("met", "Tesfaye Woldu Bekele", "Getachew Alemu Tadesse")],
    ),
    "countries_in_talks_in_a_third_country": dict(
        text="Armenia and Azerbaijan held a fifth round of talks in Almaty on delimiting their border.",
        pos=[("met", "Armenia", "Azerbaijan"), ("discussed", "Armenia", "Azerbaijan")],
        absent=[("visited", "Armenia", "Almaty"), ("visited", "Azerbaijan", "Almaty")],
    ),
    "discussed_during_talks_is_in_person": dict(
        text="Vietnam and Laos discussed hydropower during talks in Hanoi on Tuesday.",
        pos=[("met", "Vietnam", "Laos"), ("discussed", "Vietnam", "Laos")], mode={"discussed": "in_person"},
    ),
    "skipped_an_occasion_is_a_negated_visit": dict(
        text="Slovak President Juraj Hudec Kral skipped the European Council summit in Granada, sending his foreign minister instead.",
        neg=[("visited", "Juraj Hudec Kral", "Granada")], absent=[("visited", "Juraj Hudec Kral", "Granada")],
    ),
    "pulled_out_of_a_future_summit_is_neg_planned": dict(
        text="Mexican President Lorena Vidal Cruz will stay away from next month's summit in Lima, her office said.",
        neg=[("visited", "Lorena Vidal Cruz", "Lima")], absent=[("visited", "Lorena Vidal Cruz", "Lima")],
        realis={"visited": "PLANNED"},
    ),
    "dismissed_reports_that_would_travel": dict(
        text="The ministry dismissed reports that Iranian President Hossein Karimi Tabar would travel to Caracas this summer.",
        neg=[("visited", "Hossein Karimi Tabar", "Caracas")], realis={"visited": "PLANNED"},
    ),
    "the_guest_of_the_latest_hosting": dict(
        text=("Latvian Prime Minister Evika Silina Ozola hosted Icelandic Prime Minister Bjarni Gudmundsson Thor in Riga. "
              "The guest later toured the Freedom Monument."),
        pos=[("visited", "Bjarni Gudmundsson Thor", "Freedom Monument")],
        absent=[("visited", "Evika Silina Ozola", "Freedom Monument")],
    ),
    "unnamed_counterpart_named_in_the_next_sentence": dict(
        text=("Czech President Petr Dvorak Novak received his Slovak counterpart in Prague on Tuesday. Slovak President Juraj "
              "Hudec Kral said the talks were frank."),
        pos=[("met", "Petr Dvorak Novak", "Juraj Hudec Kral"), ("visited", "Juraj Hudec Kral", "Prague")],
    ),
    "attendance_list_joins_an_anonymous_summit": dict(
        text=("Central American leaders meeting in Tegucigalpa agreed on Friday to study a customs union. Honduran President "
              "Rosa Maldonado Reyes, who hosted the gathering, opened it with an appeal for unity. Among those who attended "
              "were Guatemalan President Jorge Arevalo Pineda and Salvadoran President Ana Cienfuegos Duarte."),
        pos=[("met", "Jorge Arevalo Pineda", "Ana Cienfuegos Duarte"), ("met", "Rosa Maldonado Reyes", "Ana Cienfuegos Duarte"),
             ("visited", "Jorge Arevalo Pineda", "Tegucigalpa")],
        absent=[("visited", "Rosa Maldonado Reyes", "Tegucigalpa")],
    ),
    "country_modified_facility": dict(
        text=("Lithuanian Deputy Defence Minister Rasa Jonaitis Kaz was hosted by U.S. Defense Secretary Daniel Whitcombe at "
              "the U.S. mission to NATO for talks on air defence."),
        pos=[("met", "Rasa Jonaitis Kaz", "Daniel Whitcombe"), ("visited", "Rasa Jonaitis Kaz", "mission")],
        absent=[("visited", "Rasa Jonaitis Kaz", "NATO")],
    ),
    "dinner_guest_of": dict(
        text=("In Rome on Tuesday, Croatian President Ivo Juric Babic was the dinner guest of Italian Prime Minister Chiara "
              "Benetti Sforza at Villa Madama, where talks focused on migration."),
        pos=[("met", "Ivo Juric Babic", "Chiara Benetti Sforza"), ("visited", "Ivo Juric Babic", "Villa Madama"),
             ("discussed", "Ivo Juric Babic", "Chiara Benetti Sforza")],
    ),
    "same_object_pronoun_twice_in_a_sentence": dict(
        text=("Croatian President Ivo Juric Babic spoke by phone with Italian President Lorenzo Savini Monti about Ukraine. "
              "The final leg took him to Warsaw, where Polish President Tomasz Wierzba Nowak received him at the "
              "Presidential Palace for talks on a common position for the NATO summit in Washington."),
        pos=[("met", "Ivo Juric Babic", "Tomasz Wierzba Nowak"), ("visited", "Ivo Juric Babic", "Warsaw")],
        absent=[("met", "Lorenzo Savini Monti", "Tomasz Wierzba Nowak"), ("visited", "Ivo Juric Babic", "Washington")],
    ),
    "indirect_talks_are_no_meeting": dict(
        text=("Iranian Deputy Foreign Minister Kamal Rezaei Nouri and U.S. envoy Thomas Whitfield Gray held indirect talks in "
              "Muscat on the release of detainees."),
        pos=[("discussed", "Kamal Rezaei Nouri", "Thomas Whitfield Gray")],
        absent=[("met", "Kamal Rezaei Nouri", "Thomas Whitfield Gray")],
    ),
}
