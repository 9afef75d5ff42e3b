"""Who published an article and when: the publisher from datelines, bylines and credits, and
the date from header fields, page lines and datelines, with a missing year inferred."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.dates import WEEKDAY_NAMES, is_real_date, month_number, weekday_number
from kg.read.datelines import _MON, _ORD, _Dateline
from kg.read.layout import _CLOSING, _Layout
from kg.read.rules import _Rules
from kg.read.units import _Unit


def _publisher(raw: str, layout: _Layout, dateline: _Dateline | None,
               rules: _Rules) -> tuple[str | None, str]:
    if dateline and dateline.agency:
        return dateline.agency, f"dateline '({dateline.agency})'"
    for key in ("source", "publisher", "agency"):
        if key in layout.fields and not re.search(r"://|www\.", layout.fields[key]):
            return layout.fields[key], f"the file's '{key}' field"
    if layout.byline_publisher:
        name, who = layout.byline_publisher
        return name, f"byline 'By {who}'"
    last = layout.body[-1] if layout.body else None
    if last:
        m = _CLOSING.search(raw, last.start, last.end)
        name = m and (m.group(1) or m.group(2))
        if name in rules.agencies:
            return name, f"closing credit '{m.group().strip()}'"
    if layout.credits:
        return layout.credits[0]
    return _reported_by(raw, layout.body[-2:], rules)


_REPORTED_AFTER = re.compile(r"\s+(?:has\s+|had\s+)?reported\b")
_REPORTED_BEFORE = re.compile(r"\breported(?:\s+by)?\s+(?:the\s+)?$")


def _reported_by(raw: str, units: list[_Unit], rules: _Rules) -> tuple[str | None, str]:
    """The weakest signal: "PTI reported" near the end of the article."""
    for unit in reversed(units):
        text = raw[unit.start:unit.end]
        for m in reversed(list(rules.agency_re.finditer(text))):
            if _REPORTED_AFTER.match(text, m.end()) or _REPORTED_BEFORE.search(text, 0, m.start()):
                return m.group(1), f"'{m.group(1)} reported' near the end of the text"
    return None, "no agency in a dateline, byline or credit"


# ---------------------------------------------------------------------------------------------
# The article's date

_YEAR = re.compile(r"(?<![\d,.$₹/])(?:19|20)\d\d(?![\d/]|,\d)")
_MONTH_BEFORE = re.compile(
    rf"(?:(?P<mon>{_MON})\.?[ \t]+(?:(?P<day>\d{{1,2}}){_ORD},?[ \t]+)?"
    rf"|(?P<day2>\d{{1,2}}){_ORD}[ \t]+(?P<mon2>{_MON})\.?,?[ \t]+)$")
_QUANTITY_BEFORE = re.compile(r"(?i:rs\.?|inr|usd|us\$|than|over|about|nearly|some|around|"
                              r"almost|least|approximately|total of)\s*$")
_QUANTITY_AFTER = re.compile(r"\s+(?i:people|persons|men|women|children|troops|soldiers|"
                             r"personnel|km|kms|kg|crore|lakh|million|billion|dollars|"
                             r"rupees|cases|deaths)\b")
_FUTURE = re.compile(r"\b(?:will|shall|next|upcoming|forthcoming|scheduled|to be held|"
                     r"expected to|plans? to|aims? to)\b")       # matched on lower case
_FUTURE_BEFORE = re.compile(r"(?i:by|until|till|before|through|vision|agenda|target)\s+$")
_FUTURE_AFTER = re.compile(r"\s+(?i:agenda|vision|goals?|targets?)\b")
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAY_NAMES)})\b")


@dataclass(frozen=True)
class _Mention:
    when: tuple[int, int, int]     # a date the text names; month and day default to 1
    text: str
    has_month: bool = True         # False for a bare year ("the 2016 raid")


def _past_mentions(sentences: list[str]) -> list[_Mention]:
    """Dates the text names, unless a future-tense word comes shortly before them."""
    found = []
    for sentence in sentences:
        if not _YEAR.search(sentence):
            continue
        low = sentence.lower()
        for m in _YEAR.finditer(sentence):
            before, after = sentence[max(0, m.start() - 30):m.start()], sentence[m.end():]
            if _QUANTITY_BEFORE.search(before) or _QUANTITY_AFTER.match(after):
                continue
            if _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(after):
                continue
            if _is_future(low, m.start()):
                continue
            if int(m.group()) <= dt.date.today().year:     # no article is from the future
                found.append(_mention(before, m))
    return found


def _is_future(low: str, at: int) -> bool:
    """A future-tense word ("will", "next", "scheduled" ...) in the 50 characters before `at`."""
    return _FUTURE.search(low, max(0, at - 50), max(at, 0)) is not None


def _mention(before: str, year: re.Match) -> _Mention:
    """A year and the month and day written just before it ("July 2023", "Aug 26, 2021")."""
    m = _MONTH_BEFORE.search(before)
    if not m:
        return _Mention((int(year.group()), 1, 1), year.group(), has_month=False)
    mon = m.group("mon") or m.group("mon2")
    day = int(m.group("day") or m.group("day2") or 1)
    return _Mention((int(year.group()), month_number(mon), min(day, 28)),
                    (m.group() + year.group()).strip())


def _weekdays(sentences: list[str]) -> list[str]:
    """Weekdays the text names, unless a future-tense word comes shortly before them."""
    return [m.group(1) for s in sentences for m in _WEEKDAY.finditer(s)
            if not _is_future(s.lower(), m.start())]


def _infer_year(month: int, day: int, sentences: list[str],
                weekday: str | None = None) -> tuple[int | None, str]:
    """The year of a dateline that gives only day and month, and how it was chosen.

    The evidence is the dates the text names ("held in January 2022", "the July 2023
    attack"), taken to be in the past unless a future-tense word ("will", "next",
    "scheduled" ...) comes within 50 characters before one or it reads as a target ("by
    2030", "Vision 2047"). The article is no earlier than the latest of them.

    A weekday written with the dateline's date ("Thursday, Nov 14") pins the year: the first
    year from that lower bound in which the date falls on that weekday. A weekday in the
    body ("met here on Wednesday") does not: it names a day in the week up to the dateline,
    and every year has each weekday in that week, so it is only reported.

    Without a dateline weekday the year is the first in which the dateline's day and month
    fall after the latest date named, if that date gives its month ("July 2023"). A bare
    year ("the 2016 raid") only bounds the date from below, so the year stays unknown, and
    so it does when the text names no date at all.
    """
    mentions = _past_mentions(sentences)
    label = f"{dt.date(2000, month, day):%b} {day}"
    if weekday:
        return _year_of_weekday(month, day, weekday, mentions, label)
    body_weekdays = _weekdays(sentences)
    if not mentions:
        return None, "year unknown: the text names no year" + _weekday_note(
            month, day, body_weekdays)
    latest = max(mentions, key=lambda m: m.when)
    if not latest.has_month:
        return None, (f"year unknown: the latest date the text mentions is the bare year "
                      f"'{latest.text}', which only says the article is not earlier")
    first = _first_year_after(latest.when, month, day)
    confirms = (f"the weekday '{body_weekdays[0]}' in the text fits any year" if body_weekdays
                else "no weekday confirms it")
    return first, (f"year {first}: the first year in which {label} falls after the latest date "
                   f"the text mentions ('{latest.text}'); {confirms}")


def _first_year_after(when: tuple[int, int, int], month: int, day: int) -> int:
    """The first year in which month/day falls on or after the date `when`."""
    first = when[0] + ((month, day) < when[1:])
    return next(y for y in range(first, first + 8) if is_real_date(y, month, day))


def _year_of_weekday(month: int, day: int, weekday: str, mentions: list[_Mention],
                     label: str) -> tuple[int | None, str]:
    """The year of "Thursday, Nov 14": the first after the latest date named that fits."""
    fits = _weekday_years(month, day, weekday)
    said = f"the dateline's weekday '{weekday}'"
    if not mentions:
        if len(fits) == 1:
            return fits[0], f"year {fits[0]}: the only year that fits {said}"
        recent = [y for y in fits if y >= 2000]
        return None, (f"year unknown: {said} fits {_listing(recent) or 'no year'} "
                      "and the text names no year to choose among them")
    latest = max(mentions, key=lambda m: m.when)
    later = [y for y in fits if (y, month, day) >= latest.when]
    if not later:
        return None, (f"year unknown: no year after the latest date the text mentions "
                      f"('{latest.text}') has {label} on a {weekday}")
    return later[0], (f"year {later[0]}: the first year after the latest date the text "
                      f"mentions ('{latest.text}') that fits {said}")


def _weekday_years(month: int, day: int, weekday: str) -> list[int]:
    """The years from 1990 to this one in which month/day falls on `weekday`."""
    number = weekday_number(weekday)
    return [y for y in range(1990, dt.date.today().year + 1)
            if is_real_date(y, month, day) and dt.date(y, month, day).weekday() == number]


def _weekday_note(month: int, day: int, body_weekdays: list[str]) -> str:
    """What a weekday in the body would say if it were the dateline's own day (it need not)."""
    if not body_weekdays:
        return ""
    name = body_weekdays[0]
    fits = [y for y in _weekday_years(month, day, name) if y >= 2000]
    return (f"; the weekday '{name}' in the text need not be the dateline's day "
            f"(as that day it would fit {_listing(fits)})")


def _listing(years: list[int]) -> str:
    words = [str(y) for y in years]
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


@dataclass(frozen=True)
class _When:
    published: dt.date | None
    month_day: tuple[int, int] | None
    method: str


def _date(layout: _Layout, dateline: _Dateline | None, sentences: list[str],
          given: tuple[dt.date, str] | None = None, fallback: tuple[dt.date, str] | None = None) -> _When:
    """The article's date. `given` is a date found outside the text (a page's metadata, a feed
    entry's field) and how: it counts as a 'Published' line above the body. `fallback` is a
    guess (htmldate's wide search) taken only when the text gives no date with its year."""
    when = _stated_date(layout, dateline, sentences, given)
    if when.published is None and fallback:
        dl = dateline.when if dateline else None
        return _with_dateline(fallback[0], fallback[1], dl, f"dateline '{dateline.when_text}'" if dl else "")
    return when


def _stated_date(layout: _Layout, dateline: _Dateline | None, sentences: list[str],
                 given: tuple[dt.date, str] | None) -> _When:
    if layout.header_date:
        (y, m, d), text = layout.header_date
        return _When(dt.date(y, m, d), None, f"the file's 'date' field ({text})")
    dl = dateline.when if dateline else None
    quoted = f"dateline '{dateline.when_text}'" if dl else ""
    if given:
        return _with_dateline(given[0], given[1], dl, quoted)
    if layout.page_dates:
        return _page_when(layout.page_dates, dl, quoted)
    if dl and dl[0]:
        return _When(dt.date(*dl), None, quoted)
    if dl:
        year, how = _infer_year(dl[1], dl[2], sentences, dateline.weekday)
        if year is None:
            return _When(None, (dl[1], dl[2]), f"{quoted}; {how}")
        return _When(dt.date(year, dl[1], dl[2]), None, f"{quoted}; {how}")
    return _When(None, None, "no date found: no dateline date, 'date' field or "
                             "'Published'/'Updated' line")


def _page_when(page_dates, dl, quoted: str) -> _When:
    """A page's 'Published'/'Updated' date; with a dateline, the dateline's day in its year."""
    page_dates = sorted(page_dates, key=lambda p: (not p[0].endswith("ublished"), p[1]))
    label, (y, m, d), text = page_dates[0]
    return _with_dateline(dt.date(y, m, d), f"the page's '{text}' line", dl, quoted)


def _with_dateline(page: dt.date, said: str, dl, quoted: str) -> _When:
    """A page's date (`said` says where it was found); with a dateline whose day and month fall
    within a month before it, the dateline's day in that year."""
    if dl:
        for year in (page.year, page.year - 1):
            if is_real_date(year, dl[1], dl[2]) and 0 <= (page - dt.date(year, dl[1], dl[2])).days <= 31:
                day = dt.date(year, dl[1], dl[2])
                if day == page:
                    return _When(page, None, f"{said}, which agrees with the {quoted}")
                return _When(day, None, f"{quoted}; year from {said}")
    return _When(page, None, said)
