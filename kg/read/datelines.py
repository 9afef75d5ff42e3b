"""Datelines and the date patterns they share with page lines: "New Delhi, Feb 28 (PTI)"."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.dates import MONTH_PATTERN, WEEKDAY_PATTERN, month_number
from kg.read.rules import _Rules
from kg.read.units import _Unit

# Month and weekday names come from the one calendar table in kg/dates.py.
_MON = MONTH_PATTERN                   # "Sept", "SEPTEMBER", "dec" (its full stop not included)
_WDAY = WEEKDAY_PATTERN + r"\.?"       # "Thursday", "Thu.", "THURS"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = (rf"(?:(?P<mon>{_MON})\.?[ \t\xa0]+(?P<day>\d{{1,2}}){_ORD}(?!\d|:\d)"
         rf"(?:,?[ \t\xa0]+(?P<year>(?:19|20)\d\d)(?!\d))?"
         rf"|(?P<day2>\d{{1,2}}){_ORD}[ \t\xa0]+(?P<mon2>{_MON})\.?(?![a-z])"
         rf"(?:,?[ \t\xa0]+(?P<year2>(?:19|20)\d\d)(?!\d))?"
         rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))")

_ISO_TIME = r"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"   # "T15:45:00Z"
_HEADER_DATE = re.compile(
    r"(?i:date|dated|published)[ \t\xa0]*[:\s][ \t\xa0]*(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    r"(?:[T ]\d\d:\d\d(?::\d\d)?\S*)?\s*")
_HEADER_FIELD = re.compile(
    r"(?P<key>(?i:title|headline|source|publisher|agency|author|byline|url|link|dateline))"
    r"[ \t\xa0]*:[ \t\xa0]*(?P<value>.+)$")
_PAGE_DATE = re.compile(
    r"(?:^|\||(?<=\s))\s*(?P<label>(?i:last[ \t\xa0]+updated|first[ \t\xa0]+published|"
    r"updated|published|posted|dated|date))(?i:[ \t\xa0]+on|[ \t\xa0]+at)?"
    r"[ \t\xa0]*[:\-–]?[ \t\xa0]*"
    rf"(?:{_WDAY},?[ \t\xa0]+)?" + _DATE)
_BYLINE = re.compile(r"(?:(?:Written|Reported|Edited|Posted)[ \t\xa0]+[Bb]y|By):?[ \t\xa0]+"
                     r"(?P<who>[A-Z][^|\n]{0,100}?)[ \t\xa0]*(?:\|[ \t\xa0]*(?P<rest>.*))?$")

_WORD = r"[A-Z][\w.'’&-]*"
_PLACE = rf"{_WORD}(?:[ \xa0](?:{_WORD}|of|de|del|la|le|al|el|upon|on)){{0,4}}"
_DATELINE = re.compile(
    rf"[*_]{{0,3}}(?P<place>{_PLACE}(?:[ \xa0]?/[ \xa0]?{_PLACE})*"
    rf"(?:,[ \xa0](?!{_MON}\b|{_WDAY}[ ,(]){_PLACE})?)"
    rf"(?:[ \xa0]?\[[^\]\n]{{1,40}}\])?"
    rf"(?:,?[ \xa0]+(?P<wday>{_WDAY})(?=[ ,(]))?"
    rf"(?:,?[ \xa0]+(?P<date>{_DATE}))?"
    rf"(?:[ \xa0]*\((?P<agency>[^()\n]{{2,40}})\))?[*_]{{0,3}}"
    rf"[ \t\xa0]*(?P<sep>(?:[:—–]|-{{1,2}})(?=\s))?\s*")

_DATE_LINE = re.compile(           # "FEBRUARY 16, 2019 / 2:41 PM / UPDATED" on a line of its own
    rf"(?:{_WDAY},?[ \t\xa0]+)?" + _DATE + _ISO_TIME + r"(?![\w/-])")
_DATELINE_LINE = re.compile(       # "NEW DELHI, September 11, 2020 00:15 IST" on a line of its own
    rf"(?P<place>{_PLACE}(?:,[ \xa0](?!{_MON}\b|{_WDAY}[ ,]){_PLACE})?),?[ \xa0]+"
    rf"(?:(?P<wday>{_WDAY}),?[ \xa0]+)?(?P<date>{_DATE})"
    r"(?:[ ,]+\d{1,2}[:.]\d\d(?:[ \xa0]?[AaPp]\.?[Mm]\.?)?)?(?:[ \xa0]+[A-Z]{2,4})?")


@dataclass(frozen=True)
class _Dateline:
    place: str
    when: tuple[int | None, int, int] | None     # (year or None, month, day)
    when_text: str
    agency: str | None
    end: int                                       # offset where the sentence text begins
    weekday: str | None = None                     # a weekday written with the date: "Thursday"


def _date_parts(m: re.Match) -> tuple[int | None, int, int] | None:
    """(year, month, day) from a _DATE match, or None when it is not a real date."""
    if m.group("iso"):
        year, month, day = (int(x) for x in m.group("iso").split("-"))
    else:
        mon = m.group("mon") or m.group("mon2")
        month = month_number(mon)
        day = int(m.group("day") or m.group("day2"))
        text_year = m.group("year") or m.group("year2")
        year = int(text_year) if text_year else None
    try:
        dt.date(year or 2000, month, day)      # 2000 is a leap year: Feb 29 passes
    except ValueError:
        return None
    return year, month, day


def _find_dateline(raw: str, unit: _Unit, rules: _Rules) -> _Dateline | None:
    m = _DATELINE.match(raw, unit.start, unit.end)
    if not m or m.end() >= unit.end:
        return None
    agency = m.group("agency")
    if agency is not None and not _is_agency(agency.strip(), rules):
        agency = None
    when = _date_parts(m) if m.group("date") else None
    if m.group("date") and when is None:
        return None
    place = m.group("place")
    if not (agency or m.group("sep") or when):
        return None        # a place and a date need no colon or dash: "Beijing, 28 June 2017 China"
    if place.split()[0].lower() in rules.openers:
        return None        # "An Amended Letter of Agreement (ALOA) on ...": a sentence, not a place
    if agency and not (when or m.group("sep")) and agency.strip() not in rules.agencies \
            and not raw[m.end():m.end() + 1].isupper():
        return None        # an acronym in brackets, then the sentence goes on: a name, not an agency
    if not agency and not _plausible_place(place, raw[m.end():m.end() + 1], rules):
        return None
    weekday = m.group("wday") if when else None
    return _Dateline(place, when, m.group("date") or "", agency and agency.strip(), m.end(),
                     weekday)


def _plausible_place(place: str, following: str, rules: _Rules) -> bool:
    """A dateline without an agency ("New Delhi:") needs a short place and a capital after."""
    parts = re.split(r"[ ]?/[ ]?|, ", place)
    if any(len(part.split()) > 3 for part in parts):
        return False
    return place.split()[0].lower() not in rules.openers and following[:1].isupper()


def _is_agency(name: str, rules: _Rules) -> bool:
    if name in rules.agencies:
        return True
    return bool(re.fullmatch(r"[A-Z]{3,6}", name)) and name not in rules.not_agencies
