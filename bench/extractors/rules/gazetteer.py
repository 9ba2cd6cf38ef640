"""Place names and demonyms: is this token a country, a capital or a major city?

Typing a name as a place from a list is allowed by the guidelines (it is not world knowledge
about events); the lists never say who went where. Countries come from ``pycountry`` (ISO
3166, maintained upstream) plus the short forms news uses ("Russia", "the US", "Britain");
capitals, major cities, regions and demonym adjectives are hand-listed below because no
installed package carries them.

Demonyms ("Russian", "North Korean") are *not* mentions of a country: they only tell the
nationality of the person or body they modify ("the Russian minister").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...model import EntityType

# Short and common forms of country names that ISO 3166 spells differently.
_COUNTRY_ALIASES: dict[str, str] = {
    "Russia": "Russia", "Russian Federation": "Russia",
    "US": "United States", "U.S.": "United States", "USA": "United States",
    "U.S.A.": "United States", "United States": "United States",
    "United States of America": "United States", "America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "United Kingdom": "United Kingdom",
    "England": "United Kingdom", "Scotland": "United Kingdom", "Wales": "United Kingdom",
    "North Korea": "North Korea", "DPRK": "North Korea", "South Korea": "South Korea",
    "Korea": "South Korea", "ROK": "South Korea",
    "Iran": "Iran", "Syria": "Syria", "Vietnam": "Vietnam", "Viet Nam": "Vietnam",
    "Laos": "Laos", "Bolivia": "Bolivia", "Venezuela": "Venezuela", "Tanzania": "Tanzania",
    "Moldova": "Moldova", "Taiwan": "Taiwan", "Palestine": "Palestine",
    "Palestinian territories": "Palestine", "Gaza": "Palestine", "Gaza Strip": "Palestine",
    "West Bank": "Palestine", "Turkey": "Turkey", "Türkiye": "Turkey", "Turkiye": "Turkey",
    "Czech Republic": "Czechia", "Czechia": "Czechia", "Macedonia": "North Macedonia",
    "Burma": "Myanmar", "Ivory Coast": "Côte d'Ivoire", "Cote d'Ivoire": "Côte d'Ivoire",
    "Cape Verde": "Cabo Verde", "East Timor": "Timor-Leste", "Swaziland": "Eswatini",
    "Holland": "Netherlands", "Netherlands": "Netherlands", "UAE": "United Arab Emirates",
    "Emirates": "United Arab Emirates", "Vatican": "Holy See", "Vatican City": "Holy See",
    "Holy See": "Holy See", "Kosovo": "Kosovo", "Brunei": "Brunei", "Micronesia": "Micronesia",
    "Congo": "Congo", "DR Congo": "DR Congo", "DRC": "DR Congo",
    "Democratic Republic of Congo": "DR Congo",
    "Democratic Republic of the Congo": "DR Congo", "Republic of Congo": "Congo",
    "Saudi": "Saudi Arabia", "Bosnia": "Bosnia and Herzegovina",
}

# Capitals and major cities with their country (the country is for ``part_of`` and for
# "the Chinese capital"-style descriptions; it is never used to invent a relation).
_CITIES: dict[str, str] = {
    # Europe
    "Moscow": "Russia", "St Petersburg": "Russia", "St. Petersburg": "Russia",
    "Saint Petersburg": "Russia", "Sochi": "Russia", "Vladivostok": "Russia", "Kazan": "Russia",
    "Kyiv": "Ukraine", "Kiev": "Ukraine", "Lviv": "Ukraine", "Odesa": "Ukraine",
    "Odessa": "Ukraine", "Kharkiv": "Ukraine", "Minsk": "Belarus", "Warsaw": "Poland",
    "Krakow": "Poland", "Berlin": "Germany", "Munich": "Germany", "Bonn": "Germany",
    "Hamburg": "Germany", "Frankfurt": "Germany", "Paris": "France", "Marseille": "France",
    "Strasbourg": "France", "London": "United Kingdom", "Edinburgh": "United Kingdom",
    "Dublin": "Ireland", "Madrid": "Spain", "Barcelona": "Spain", "Lisbon": "Portugal",
    "Rome": "Italy", "Milan": "Italy", "Vienna": "Austria", "Bern": "Switzerland",
    "Geneva": "Switzerland", "Zurich": "Switzerland", "Davos": "Switzerland",
    "Brussels": "Belgium", "Amsterdam": "Netherlands", "The Hague": "Netherlands",
    "Luxembourg": "Luxembourg", "Copenhagen": "Denmark", "Oslo": "Norway",
    "Stockholm": "Sweden", "Helsinki": "Finland", "Reykjavik": "Iceland", "Tallinn": "Estonia",
    "Riga": "Latvia", "Vilnius": "Lithuania", "Prague": "Czechia", "Bratislava": "Slovakia",
    "Budapest": "Hungary", "Bucharest": "Romania", "Sofia": "Bulgaria", "Belgrade": "Serbia",
    "Zagreb": "Croatia", "Ljubljana": "Slovenia", "Sarajevo": "Bosnia and Herzegovina",
    "Podgorica": "Montenegro", "Skopje": "North Macedonia", "Tirana": "Albania",
    "Pristina": "Kosovo", "Athens": "Greece", "Thessaloniki": "Greece", "Nicosia": "Cyprus",
    "Valletta": "Malta", "Chisinau": "Moldova", "Ankara": "Turkey", "Istanbul": "Turkey",
    "Antalya": "Turkey", "Tbilisi": "Georgia", "Yerevan": "Armenia", "Baku": "Azerbaijan",
    "Monaco": "Monaco", "Andorra la Vella": "Andorra", "San Marino": "San Marino",
    # Asia
    "Beijing": "China", "Shanghai": "China", "Guangzhou": "China", "Shenzhen": "China",
    "Hong Kong": "China", "Macau": "China", "Xi'an": "China", "Chengdu": "China",
    "Wuhan": "China", "Tianjin": "China", "Hangzhou": "China", "Taipei": "Taiwan",
    "Tokyo": "Japan", "Osaka": "Japan", "Kyoto": "Japan", "Hiroshima": "Japan",
    "Seoul": "South Korea", "Busan": "South Korea", "Pyongyang": "North Korea",
    "Ulaanbaatar": "Mongolia", "New Delhi": "India", "Delhi": "India", "Mumbai": "India",
    "Islamabad": "Pakistan", "Karachi": "Pakistan", "Lahore": "Pakistan", "Kabul": "Afghanistan",
    "Dhaka": "Bangladesh", "Kathmandu": "Nepal", "Thimphu": "Bhutan", "Colombo": "Sri Lanka",
    "Male": "Maldives", "Bangkok": "Thailand", "Hanoi": "Vietnam", "Ho Chi Minh City": "Vietnam",
    "Vientiane": "Laos", "Phnom Penh": "Cambodia", "Naypyidaw": "Myanmar", "Yangon": "Myanmar",
    "Kuala Lumpur": "Malaysia", "Singapore": "Singapore", "Jakarta": "Indonesia",
    "Bali": "Indonesia", "Manila": "Philippines", "Dili": "Timor-Leste",
    "Bandar Seri Begawan": "Brunei", "Astana": "Kazakhstan", "Almaty": "Kazakhstan",
    "Tashkent": "Uzbekistan", "Samarkand": "Uzbekistan", "Bishkek": "Kyrgyzstan",
    "Dushanbe": "Tajikistan", "Ashgabat": "Turkmenistan",
    # Middle East and North Africa
    "Tehran": "Iran", "Baghdad": "Iraq", "Erbil": "Iraq", "Damascus": "Syria",
    "Beirut": "Lebanon", "Amman": "Jordan", "Jerusalem": "Israel", "Tel Aviv": "Israel",
    "Ramallah": "Palestine", "Gaza City": "Palestine", "Riyadh": "Saudi Arabia",
    "Jeddah": "Saudi Arabia", "Doha": "Qatar", "Abu Dhabi": "United Arab Emirates",
    "Dubai": "United Arab Emirates", "Manama": "Bahrain", "Kuwait City": "Kuwait",
    "Muscat": "Oman", "Sanaa": "Yemen", "Aden": "Yemen", "Cairo": "Egypt",
    "Sharm el-Sheikh": "Egypt", "Tripoli": "Libya", "Tunis": "Tunisia", "Algiers": "Algeria",
    "Rabat": "Morocco", "Casablanca": "Morocco", "Marrakech": "Morocco", "Khartoum": "Sudan",
    # Sub-Saharan Africa
    "Addis Ababa": "Ethiopia", "Nairobi": "Kenya", "Kampala": "Uganda", "Kigali": "Rwanda",
    "Dodoma": "Tanzania", "Dar es Salaam": "Tanzania", "Mogadishu": "Somalia",
    "Djibouti": "Djibouti", "Asmara": "Eritrea", "Juba": "South Sudan", "Abuja": "Nigeria",
    "Lagos": "Nigeria", "Accra": "Ghana", "Dakar": "Senegal", "Bamako": "Mali",
    "Niamey": "Niger", "Ouagadougou": "Burkina Faso", "Abidjan": "Côte d'Ivoire",
    "Yamoussoukro": "Côte d'Ivoire", "Conakry": "Guinea", "Freetown": "Sierra Leone",
    "Monrovia": "Liberia", "Lome": "Togo", "Porto-Novo": "Benin", "Cotonou": "Benin",
    "Yaounde": "Cameroon", "Libreville": "Gabon", "Malabo": "Equatorial Guinea",
    "Kinshasa": "DR Congo", "Brazzaville": "Congo", "Luanda": "Angola", "Lusaka": "Zambia",
    "Harare": "Zimbabwe", "Lilongwe": "Malawi", "Maputo": "Mozambique", "Gaborone": "Botswana",
    "Windhoek": "Namibia", "Pretoria": "South Africa", "Johannesburg": "South Africa",
    "Cape Town": "South Africa", "Durban": "South Africa", "Antananarivo": "Madagascar",
    "N'Djamena": "Chad", "Bangui": "Central African Republic", "Nouakchott": "Mauritania",
    # Americas
    "Washington": "United States", "Washington, D.C.": "United States", "New York": "United States",
    "Los Angeles": "United States", "San Francisco": "United States", "Chicago": "United States",
    "Camp David": "United States", "Ottawa": "Canada", "Toronto": "Canada", "Montreal": "Canada",
    "Vancouver": "Canada", "Mexico City": "Mexico", "Havana": "Cuba", "Kingston": "Jamaica",
    "Port-au-Prince": "Haiti", "Santo Domingo": "Dominican Republic",
    "Guatemala City": "Guatemala", "San Salvador": "El Salvador", "Tegucigalpa": "Honduras",
    "Managua": "Nicaragua", "San Jose": "Costa Rica", "Panama City": "Panama",
    "Bogota": "Colombia", "Caracas": "Venezuela", "Quito": "Ecuador", "Lima": "Peru",
    "La Paz": "Bolivia", "Santiago": "Chile", "Buenos Aires": "Argentina",
    "Montevideo": "Uruguay", "Asuncion": "Paraguay", "Brasilia": "Brazil",
    "Rio de Janeiro": "Brazil", "Sao Paulo": "Brazil", "São Paulo": "Brazil",
    "Georgetown": "Guyana", "Paramaribo": "Suriname",
    # Oceania
    "Canberra": "Australia", "Sydney": "Australia", "Melbourne": "Australia",
    "Wellington": "New Zealand", "Auckland": "New Zealand", "Suva": "Fiji",
    "Port Moresby": "Papua New Guinea", "Honiara": "Solomon Islands",
}

# Regions and geographic areas (LOC): destinations, never countries.
_REGIONS: tuple[str, ...] = (
    "Middle East", "Europe", "Asia", "Africa", "Latin America", "South America",
    "North America", "Central Asia", "Southeast Asia", "South Asia", "East Asia",
    "Eastern Europe", "Western Europe", "Balkans", "Caucasus", "South Caucasus", "Gulf",
    "Persian Gulf", "Arctic", "Antarctica", "Sahel", "Horn of Africa", "Indo-Pacific",
    "Pacific", "Crimea", "Donbas", "Donbass", "Kashmir", "Sinai", "Golan Heights",
    "Korean Peninsula", "Taiwan Strait", "South China Sea", "Black Sea", "Baltic",
    "Mediterranean", "Scandinavia", "Siberia", "Nagorno-Karabakh",
)

# Demonym adjectives (and their plural nouns) -> country. Not mentions of the country.
_DEMONYMS: dict[str, str] = {
    "Russian": "Russia", "Chinese": "China", "North Korean": "North Korea",
    "South Korean": "South Korea", "Korean": "South Korea", "American": "United States",
    "US": "United States", "U.S.": "United States", "British": "United Kingdom",
    "UK": "United Kingdom", "English": "United Kingdom", "Scottish": "United Kingdom",
    "French": "France", "German": "Germany", "Italian": "Italy", "Spanish": "Spain",
    "Portuguese": "Portugal", "Dutch": "Netherlands", "Belgian": "Belgium", "Swiss": "Switzerland",
    "Austrian": "Austria", "Irish": "Ireland", "Danish": "Denmark", "Norwegian": "Norway",
    "Swedish": "Sweden", "Finnish": "Finland", "Icelandic": "Iceland", "Estonian": "Estonia",
    "Latvian": "Latvia", "Lithuanian": "Lithuania", "Polish": "Poland", "Czech": "Czechia",
    "Slovak": "Slovakia", "Hungarian": "Hungary", "Romanian": "Romania", "Bulgarian": "Bulgaria",
    "Serbian": "Serbia", "Serb": "Serbia", "Croatian": "Croatia", "Slovenian": "Slovenia",
    "Bosnian": "Bosnia and Herzegovina", "Montenegrin": "Montenegro", "Albanian": "Albania",
    "Kosovar": "Kosovo", "Macedonian": "North Macedonia", "Greek": "Greece",
    "Cypriot": "Cyprus", "Maltese": "Malta", "Moldovan": "Moldova", "Ukrainian": "Ukraine",
    "Belarusian": "Belarus", "Turkish": "Turkey", "Georgian": "Georgia", "Armenian": "Armenia",
    "Azerbaijani": "Azerbaijan", "Azeri": "Azerbaijan", "Japanese": "Japan",
    "Mongolian": "Mongolia", "Taiwanese": "Taiwan", "Indian": "India", "Pakistani": "Pakistan",
    "Afghan": "Afghanistan", "Bangladeshi": "Bangladesh", "Nepali": "Nepal",
    "Nepalese": "Nepal", "Sri Lankan": "Sri Lanka", "Thai": "Thailand",
    "Vietnamese": "Vietnam", "Laotian": "Laos", "Cambodian": "Cambodia",
    "Burmese": "Myanmar", "Malaysian": "Malaysia", "Singaporean": "Singapore",
    "Indonesian": "Indonesia", "Filipino": "Philippines", "Philippine": "Philippines",
    "Kazakh": "Kazakhstan", "Uzbek": "Uzbekistan", "Kyrgyz": "Kyrgyzstan", "Tajik": "Tajikistan",
    "Turkmen": "Turkmenistan", "Iranian": "Iran", "Iraqi": "Iraq", "Syrian": "Syria",
    "Lebanese": "Lebanon", "Jordanian": "Jordan", "Israeli": "Israel",
    "Palestinian": "Palestine", "Saudi": "Saudi Arabia", "Qatari": "Qatar",
    "Emirati": "United Arab Emirates", "Bahraini": "Bahrain", "Kuwaiti": "Kuwait",
    "Omani": "Oman", "Yemeni": "Yemen", "Egyptian": "Egypt", "Libyan": "Libya",
    "Tunisian": "Tunisia", "Algerian": "Algeria", "Moroccan": "Morocco", "Sudanese": "Sudan",
    "Ethiopian": "Ethiopia", "Kenyan": "Kenya", "Ugandan": "Uganda", "Rwandan": "Rwanda",
    "Tanzanian": "Tanzania", "Somali": "Somalia", "Eritrean": "Eritrea",
    "South Sudanese": "South Sudan", "Nigerian": "Nigeria", "Ghanaian": "Ghana",
    "Senegalese": "Senegal", "Malian": "Mali", "Nigerien": "Niger", "Ivorian": "Côte d'Ivoire",
    "Guinean": "Guinea", "Liberian": "Liberia", "Cameroonian": "Cameroon",
    "Gabonese": "Gabon", "Congolese": "Congo", "Angolan": "Angola", "Zambian": "Zambia",
    "Zimbabwean": "Zimbabwe", "Malawian": "Malawi", "Mozambican": "Mozambique",
    "Namibian": "Namibia", "South African": "South Africa", "Malagasy": "Madagascar",
    "Chadian": "Chad", "Canadian": "Canada", "Mexican": "Mexico", "Cuban": "Cuba",
    "Jamaican": "Jamaica", "Haitian": "Haiti", "Guatemalan": "Guatemala",
    "Salvadoran": "El Salvador", "Honduran": "Honduras", "Nicaraguan": "Nicaragua",
    "Costa Rican": "Costa Rica", "Panamanian": "Panama", "Colombian": "Colombia",
    "Venezuelan": "Venezuela", "Ecuadorian": "Ecuador", "Peruvian": "Peru",
    "Bolivian": "Bolivia", "Chilean": "Chile", "Argentine": "Argentina",
    "Argentinian": "Argentina", "Uruguayan": "Uruguay", "Paraguayan": "Paraguay",
    "Brazilian": "Brazil", "Australian": "Australia", "New Zealand": "New Zealand",
    "Fijian": "Fiji", "European": "Europe", "African": "Africa", "Asian": "Asia",
    "Arab": "Arab world",
}


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: the canonical name, its entity type and its country (if a city)."""

    name: str
    type: EntityType
    country: str | None = None


def _clean_country_names() -> dict[str, str]:
    """ISO 3166 names without the inverted "Korea, Republic of" forms, mapped to one name."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        canonical = common or c.name
        if "," in canonical:
            canonical = getattr(c, "official_name", None) or canonical
        for form in (c.name, common, getattr(c, "official_name", None)):
            if form and "," not in form:
                out[form] = canonical
                if form.startswith("the "):
                    out[form[4:]] = canonical
    for alias, canonical in _COUNTRY_ALIASES.items():
        out[alias] = canonical
    return out


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Every place name the gazetteer knows, keyed by its exact surface form."""
    out: dict[str, Place] = {}
    for form, canonical in _clean_country_names().items():
        out[form] = Place(canonical, EntityType.GPE)
    for region in _REGIONS:
        out.setdefault(region, Place(region, EntityType.LOC))
    for city, country in _CITIES.items():
        out.setdefault(city, Place(city, EntityType.GPE, country))
    return out


def _derived_demonyms(countries: dict[str, str]) -> dict[str, str]:
    """Regular demonyms of the countries the hand-written table lacks, by the suffix rules of
    English ("Djibouti" -> "Djiboutian", "Moldova" -> "Moldovan", "Bhutan" -> "Bhutanese",
    "Mauritius" -> "Mauritian", "Maldives" -> "Maldivian", "Sierra Leone" -> "Sierra Leonean",
    "Luxembourg" -> "Luxembourgish").
    A rule may also produce a form English does not use ("Bhutanian"); such a word never
    occurs in text, so it costs nothing. Irregular demonyms belong in ``_DEMONYMS``."""
    known = set(_DEMONYMS.values())
    out: dict[str, str] = {}
    for form, canonical in countries.items():
        if canonical in known or form != canonical or any(w in form.split() for w in ("of", "and", "the", "Republic", "Islands", "Island", "State", "Saint")):
            continue
        words = form.split()
        if len(words) > 2:
            continue
        last = words[-1]
        if last.endswith("us"):
            forms = [last[:-2] + "an", last + "ian"]
        elif last.endswith("es"):
            forms = [last[:-2] + "ian"]
        elif last.endswith("a"):
            forms = [last + "n"]
        elif last.endswith("e"):
            forms = [last + "an"]
        elif last.endswith("i"):
            forms = [last + "an"]
        elif last.endswith("o"):
            forms = [last[:-1] + "an", last + "an"]
        elif last.endswith("y"):
            forms = [last[:-1] + "ian"]
        else:
            forms = [last + "ese", last + "ian", last + "i", last + "ish"]
        for f in forms:
            dem = " ".join(words[:-1] + [f])
            if dem not in _DEMONYMS and dem not in countries:
                out.setdefault(dem, canonical)
    return out


@lru_cache(maxsize=1)
def _all_demonyms() -> dict[str, str]:
    return {**_derived_demonyms(_clean_country_names()), **_DEMONYMS}


def demonyms() -> dict[str, str]:
    """Demonym adjective -> country name (canonical, as in :func:`places`): the hand-written
    table, then the regular forms derived for the other countries."""
    return dict(_all_demonyms())


def lookup_place(name: str) -> Place | None:
    """The gazetteer entry for a surface form (a leading "the" and a possessive ignored).

    >>> lookup_place("Beijing").country
    'China'
    >>> lookup_place("the United States").name
    'United States'
    >>> lookup_place("Russian") is None
    True
    """
    table = _TABLE or _table()
    p = table.get(name)
    if p is not None:
        return p
    key = name.strip()
    for suffix in ("’s", "'s", "’", "'"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    if key in table:
        return table[key]
    if key[:4].lower() == "the ":
        return table.get(key[4:])
    return None


_TABLE: dict[str, Place] = {}


def _table() -> dict[str, Place]:
    """``places()`` kept in a module global: ``lookup_place`` runs for every capitalised run."""
    _TABLE.update(places())
    return _TABLE


def demonym_country(word: str) -> str | None:
    """The country a demonym adjective refers to, or None.

    >>> demonym_country("North Korean")
    'North Korea'
    """
    return _all_demonyms().get(word.strip())


def country_of(name: str) -> str | None:
    """The country of a place (itself for a country), from the gazetteer alone."""
    p = lookup_place(name)
    if p is None:
        return None
    if p.country:
        return p.country
    return p.name if p.type is EntityType.GPE else None


# Seats of government that news uses for the government or its leader ("the Kremlin leader",
# "a White House official"): the country each stands for.
_SEATS = {"Kremlin": "Russia", "White House": "United States", "Elysee": "France", "Élysée": "France",
          "Downing Street": "United Kingdom", "Zhongnanhai": "China", "Blue House": "South Korea"}


def seat_country(name: str) -> str | None:
    """The country a seat of government stands for ("Kremlin" -> "Russia"), else None."""
    return _SEATS.get(name)

