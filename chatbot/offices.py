"""The office a question asks about ("der russische Außenminister", "the White House press
secretary", "Wer spricht für das russische Außenministerium?"), as the German word the
articles use and whose office it is. Finding who holds it in the articles is
`holders.office_holders`."""

from __future__ import annotations

import re

from chatbot.places import country_of
from chatbot.words import is_stop

# offices a position question may ask about, as asked -> the German word the articles use
_ROLES = {
    "foreign minister": "außenminister",
    "secretary of state": "außenminister",
    "defence minister": "verteidigungsminister",
    "defense minister": "verteidigungsminister",
    "defence secretary": "verteidigungsminister",
    "defense secretary": "verteidigungsminister",
    "secretary of defense": "verteidigungsminister",
    "secretary of defence": "verteidigungsminister",
    "minister of defense": "verteidigungsminister",
    "minister of defence": "verteidigungsminister",
    "prime minister": "premierminister",
    "president": "präsident",
    "chancellor": "kanzler",
    "außenminister": "außenminister",
    "verteidigungsminister": "verteidigungsminister",
    "premierminister": "premierminister",
    "ministerpräsident": "ministerpräsident",
    "regierungschef": "regierungschef",
    "präsident": "präsident",
    "kanzler": "kanzler",
    "bundeskanzler": "kanzler",
    "secretary general": "generalsekretär",
    "secretary-general": "generalsekretär",
    "generalsekretär": "generalsekretär",
    "national security adviser": "sicherheitsberater",
    "national security advisor": "sicherheitsberater",
    "security adviser": "sicherheitsberater",
    "security advisor": "sicherheitsberater",
    "sicherheitsberater": "sicherheitsberater",
    "military officer": "generalstabschef",
    "military chief": "generalstabschef",
    "army chief": "generalstabschef",
    "chief of the general staff": "generalstabschef",
    "generalstabschef": "generalstabschef",
    "press secretary": "sprecher",
    "spokeswoman": "sprecher",
    "spokesman": "sprecher",
    "spokesperson": "sprecher",
    "sprecherin": "sprecher",
    "sprecher": "sprecher",
    "vice president": "vizepräsident",
    "vizepräsident": "vizepräsident",
    # who follows or stands in for someone: "Scholz's successor" is not Scholz
    "successor": "nachfolger",
    "predecessor": "vorgänger",
    "deputy": "stellvertreter",
    "nachfolger": "nachfolger",
    "vorgänger": "vorgänger",
    "stellvertreter": "stellvertreter",
}
# offices held relative to a person, not a country: "Scholz's successor" is someone else than Scholz
RELATIONS = frozenset({"nachfolger", "vorgänger", "stellvertreter"})
_ROLE_NAMES = "|".join(sorted(_ROLES, key=len, reverse=True))  # the longest first: "vice president", "president"
_ROLE_RE = re.compile(
    r"(?:\b(?:der|die|the)\s+)?(?P<nat>[^\W\d_]+)(?:['’]s)?[\s\-]+(?P<role>"
    + _ROLE_NAMES
    + r")(?:in|innen|en|n|es|s)?\b",  # "Präsidentin", "des Präsidenten", "des Kanzlers"
    re.I,
)


# the office before whom it belongs to: "die Sprecherin des russischen Außenministeriums",
# "the spokeswoman of the Russian foreign ministry", "Wer spricht für das Weiße Haus?"
_ROLE_OF_RE = re.compile(
    r"\b(?:(?P<role>" + _ROLE_NAMES + r")(?:in|innen|en|n|es|s)?|(?P<speaks>spricht|sprach|speaks|spoke))\s+"
    r"(?:des|der|von|für|of|for)\s+(?:(?:dem|den|das|die|the)\s+)?(?P<nat>[^\W\d_]+)(?:\s+[A-ZÄÖÜ][^\W\d_]+)?",
    re.I,
)


# the office before a country in the genitive, no article between: "Präsident Russlands", "Kanzler Deutschlands"
_ROLE_GENITIVE = re.compile(r"\b(?P<role>" + _ROLE_NAMES + r")(?:in)?\s+(?P<nat>[A-ZÄÖÜ][^\W\d_]+s)\b", re.I)


def office(plain: str) -> tuple[tuple[str, str], str] | None:
    """The office a question asks about, with the country it belongs to, and the phrase as
    written: "der russische Außenminister" -> (("russische", "außenminister"), "der
    russische Außenminister"); "Ukraine's foreign minister" -> (("Ukraine", "außenminister"), …);
    "die Sprecherin des russischen Außenministeriums", "Wer spricht für das russische
    Außenministerium?" -> (("russischen", "sprecher"), …). Who it belongs to may be no
    country ("des Weißen Hauses"): then any holder of the office is a candidate. `plain`
    is the question without what it quotes (`words.outside_quotes`)."""
    for m in _ROLE_RE.finditer(plain):
        nat = m.group("nat")
        if not is_stop(nat):
            # "the Russian foreign ministry spokeswoman": the country before what speaks for it
            owner = _OWNER_BEFORE.search(plain[: m.start("nat")]) if _INSTITUTION_WORD.match(nat) else None
            if owner and country_of(owner.group("nat")):
                return (owner.group("nat"), _ROLES[m.group("role").lower()]), plain[owner.start("nat") : m.end()]
            return (nat, _ROLES[m.group("role").lower()]), m.group()
    for m in _ROLE_OF_RE.finditer(plain):
        if m.group("speaks") and not _INSTITUTION.match(plain, m.start("nat")):
            continue  # "Wer spricht für die Ukraine?" asks who stands up for it, not for its spokesperson
        role = _ROLES[m.group("role").lower()] if m.group("role") else "sprecher"  # who speaks for it
        return (m.group("nat"), role), m.group()
    for m in _ROLE_GENITIVE.finditer(plain):  # "Wer ist Präsident Russlands?": the country's, in the genitive
        if country_of(m.group("nat")):
            return (m.group("nat"), _ROLES[m.group("role").lower()]), m.group()
    bare = _SPOKESPERSON.search(plain)  # "Was sagt die Sprecherin?": whoever speaks for someone in the articles
    if bare:
        return ("", "sprecher"), bare.group()
    which = _WHICH_ROLE.search(plain)  # "Which vice president …?", "Welcher Vizepräsident …?": any holder
    if which:
        return ("", _ROLES[which.group("role").lower()]), which.group()
    the = _THE_CABINET_ROLE.search(plain)  # "the Secretary of Defense", "der Verteidigungsminister": any holder
    return (("", _ROLES[the.group("role").lower()]), the.group()) if the else None


# an office asked for by "which", no country named: "Which vice president …?", "Welcher Generalsekretär …?"
_WHICH_ROLE = re.compile(
    r"\b(?:which|welche[rsmn]?)\s+(?P<role>" + _ROLE_NAMES + r")(?:in|en|n|s)?\b",
    re.I,
)
# a minister, secretary or adviser named by the office alone ("the Secretary of Defense"); "the
# president" alone may be anyone's
_CABINET = re.compile(r"minister|secretary|advis|berater|generalstab|chief")
_CABINET_NAMES = "|".join(sorted((r for r in _ROLES if _CABINET.search(r)), key=len, reverse=True))
_THE_CABINET_ROLE = re.compile(
    # one holder ("in": "die Außenministerin"), not several ("the military chiefs"); nor one whose
    # owner or name follows ("der Verteidigungsminister Großbritanniens", "… Pete Hegseth", "the
    # Secretary General of …")
    r"\b(?:der|die|den|dem|des|the)\s+(?P<role>" + _CABINET_NAMES + r")(?:in)?\b"
    r"(?!\s+(?-i:[A-ZÄÖÜ])|\s+(?:of|des|der|von)\b)",
    re.I,
)
_INSTITUTION_WORD = re.compile(r"^(?:ministry|office|house|government|department|kremlin|ministerium|amt)$", re.I)
_OWNER_BEFORE = re.compile(r"(?P<nat>[^\W\d_]+)\s+(?:[^\W\d_]+\s+)?$")  # "Russian foreign "


# an office's holder named by the office alone, as the articles write it: "Der russische
# Außenminister hat bereits erklärt …", "die Außenamtssprecherin"
_HELD = "|".join(sorted(set(_ROLES.values()) - RELATIONS, key=len, reverse=True))
_HOLDER = re.compile(
    rf"\b(?:der|die|dem|den)\s+(?:[a-zäöü][\w\-]*\s+){{0,2}}(?P<office>[\w\-]*(?:{_HELD}))(?:in)?\b", re.I
)


def holders_named(text: str) -> list[str]:
    """The offices whose holder `text` names by the office, as the words written ("Der russische
    Außenminister hat erklärt …" -> ["Außenminister"]); a "who" question may be answered by
    them when the text names no one by name."""
    return [m.group("office") for m in _HOLDER.finditer(text)]


_SPOKESPERSON = re.compile(
    r"\b(?:der|die|the)\s+(?:sprecherin|sprecher|spokeswoman|spokesman|spokesperson|press\s+secretary)\b", re.I
)


# what a spokesperson speaks for: "das russische Außenministerium", "das Weiße Haus", "the Kremlin"
_INSTITUTION = re.compile(
    r"(?:[\w\-]+\s+){0,2}[\w\-]*(?:ministerium|ministry|haus|house|regierung|government|kreml|kremlin|amt)\b", re.I
)
