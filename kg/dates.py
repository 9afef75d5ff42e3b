"""The calendar table, and date expressions in sentences resolved against the article's date.

The table (MONTH_NAMES, WEEKDAY_NAMES, MONTHS, WEEKDAYS, WEEKDAY_NUMBERS, MONTH_PATTERN,
WEEKDAY_PATTERN, MONTH_RE, month_number, weekday_number) is the one list of month and
weekday names and abbreviations ("Sept", "Thurs") for the whole package.

`find_date(text, ref)`: "From February 27 to February 29", "September 9-10", "Dec. 3", "on
August 26, 2021", "in January 2022", "held here on Wednesday" (the latest Wednesday on or
before the article date), and at month precision "last month", "earlier this month",
"September last year". A day and month without a year take the article's year (the year
before, when the month lies after the article's month). Nothing here reads today's date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# The calendar: the one table of month and weekday names. kg/article.py builds its patterns
# from these; other modules may import them too.

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# lower-case name or abbreviation -> 1..12: "january", "jan", "sept"
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# lower-case weekday names, in the order of dt.date.weekday()
WEEKDAYS = [name.lower() for name in WEEKDAY_NAMES]
# lower-case name or abbreviation -> 0..6 (Monday is 0): "thursday", "thu", "thurs"
WEEKDAY_NUMBERS = {name: i for i, name in enumerate(WEEKDAYS)}
WEEKDAY_NUMBERS.update({name[:3]: i for name, i in list(WEEKDAY_NUMBERS.items())})
WEEKDAY_NUMBERS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})


def _any_of(names) -> str:
    """A case-blind regex alternation of the names, longest first so "sept" beats "sep"."""
    return "(?i:" + "|".join(sorted(names, key=len, reverse=True)) + r")(?![A-Za-z])"


# A month or weekday name or abbreviation, in any case, not followed by more letters; the
# full stop of an abbreviation ("Sept.") is left to the pattern that uses it.
MONTH_PATTERN = _any_of(MONTHS)
WEEKDAY_PATTERN = _any_of(WEEKDAY_NUMBERS)
MONTH_RE = MONTH_PATTERN + r"\.?"       # a month with its optional full stop: "Dec.", "Sept"


def month_number(name: str) -> int:
    """1..12 for a month name or abbreviation in any case: "Sept." -> 9. KeyError if none."""
    return MONTHS[name.lower().rstrip(".")]


def weekday_number(name: str) -> int:
    """0..6 (Monday is 0) for a weekday name or abbreviation: "Thurs." -> 3."""
    return WEEKDAY_NUMBERS[name.lower().rstrip(".")]


# ---------------------------------------------------------------------------------------------
# Dates in a sentence

RANGE_MD = re.compile(rf"\b(?:from\s+)?({MONTH_RE})\s+(\d{{1,2}})\s*(?:-|–|to|and)\s*(?:({MONTH_RE})\s+)?(\d{{1,2}})(?:,?\s+(\d{{4}}))?", re.I)
RANGE_DM = re.compile(rf"\b(\d{{1,2}})\s*(?:-|–|to|and)\s*(\d{{1,2}})\s+({MONTH_RE})(?:,?\s+(\d{{4}}))?", re.I)
SINGLE_MD = re.compile(rf"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
SINGLE_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})(?:,?\s+(\d{{4}}))?\b", re.I)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\s+(\d{{4}})\b", re.I)
WEEKDAY = re.compile(rf"\bon\s+({'|'.join(WEEKDAY_NAMES)})\b", re.I)
LAST_MONTH = re.compile(r"\blast\s+month\b", re.I)
THIS_MONTH = re.compile(r"\b(?:earlier\s+|later\s+)?this\s+month\b", re.I)
TODAY = re.compile(r"\b(today|yesterday)\b", re.I)
DAYS_OF = re.compile(r"\b(two|three|four|five|[2-5])\s+days\s+of\b", re.I)       # "ended two days of talks"
DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
MONTH_OF_YEAR = re.compile(rf"\b({MONTH_RE})\s+(last|this)\s+year\b", re.I)    # "September last year"
LAST_NAMED_MONTH = re.compile(rf"\blast\s+({MONTH_PATTERN})", re.I)              # "last November"
BARE_MONTH = re.compile(rf"\b(?:in|during)\s+(?:early\s+|mid-?|late\s+)?({MONTH_PATTERN})(?!\s*\.?\s*\d)", re.I)  # "in March"


@dataclass(frozen=True)
class DateSpan:
    start: dt.date | None
    end: dt.date | None
    month_day: tuple[int, int] | None      # when the year is unknown
    month_year: tuple[int, int] | None     # when only month and year are known
    how: str


_month = month_number


def _make(year: int | None, month: int, day: int, ref: dt.date | None) -> dt.date | None:
    if year is None:
        if ref is None:
            return None
        year = ref.year - 1 if month > ref.month + 1 else ref.year
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, ref: dt.date | None, ref_month_day: tuple[int, int] | None = None,
              bare_months: bool = False) -> DateSpan | None:
    """The first date or date range in `text`, resolved against the article date `ref`.
    With `bare_months`, "in March" (no day, no year) is read too, at month precision: the latest
    March on or before the article's month (callers that know the phrase dates an event)."""
    for pattern, order in ((RANGE_MD, "md"), (RANGE_DM, "dm")):
        m = pattern.search(text)
        if m:
            if order == "md":
                m1, d1, m2, d2, year = _month(m.group(1)), int(m.group(2)), m.group(3), int(m.group(4)), m.group(5)
                m2 = _month(m2) if m2 else m1
            else:
                d1, d2, m1, year = int(m.group(1)), int(m.group(2)), _month(m.group(3)), m.group(4)
                m2 = m1
            if d1 > 31 or d2 > 31:
                continue
            y = int(year) if year else None
            start, end = _make(y, m1, d1, ref), _make(y, m2, d2, ref)
            if start and end and end < start:
                continue
            return DateSpan(start, end, None if start else (m1, d1), None, "date range in the sentence")
    m = MONTH_YEAR.search(text)
    single = SINGLE_MD.search(text) or SINGLE_DM.search(text)
    if single:
        groups = single.groups()
        if groups[0].isdigit():
            day, month, year = int(groups[0]), _month(groups[1]), groups[2]
        else:
            month, day, year = _month(groups[0]), int(groups[1]), groups[2]
        if 1 <= day <= 31 and not (m and m.start() == single.start() and not year and day > 31):
            y = int(year) if year else None
            date = _make(y, month, day, ref)
            return DateSpan(date, date, None if date else (month, day), None, "date in the sentence")
    if m:
        return DateSpan(None, None, None, (_month(m.group(1)), int(m.group(2))), "month and year only")
    w = WEEKDAY.search(text)
    if w and ref is not None:
        target = WEEKDAYS.index(w.group(1).lower())
        back = (ref.weekday() - target) % 7
        date = ref - dt.timedelta(days=back)
        days = DAYS_OF.search(text)
        if days:   # "ended two days of talks on Tuesday": the span ends that day
            count = DAY_COUNTS.get(days.group(1).lower()) or int(days.group(1))
            return DateSpan(date - dt.timedelta(days=count - 1), date, None, None,
                            f"{days.group()} ending on the weekday '{w.group(1)}' before the article date")
        return DateSpan(date, date, None, None, f"the weekday '{w.group(1)}' before the article date")
    t = TODAY.search(text)
    if t and ref is not None:
        date = ref - dt.timedelta(days=1 if t.group(1).lower() == "yesterday" else 0)
        return DateSpan(date, date, None, None, f"'{t.group(1)}', from the article date")
    return _relative_month(text, ref, bare_months)


def _latest_month(month: int, ref: dt.date, strictly_before: bool) -> tuple[int, int]:
    """(month, year) of the latest such month before (or, when not strict, in) the article's month."""
    if month < ref.month or (month == ref.month and not strictly_before):
        return (month, ref.year)
    return (month, ref.year - 1)


def _relative_month(text: str, ref: dt.date | None, bare_months: bool = False) -> DateSpan | None:
    """A month named relative to the article date, at month precision: "last month",
    "earlier this month", "September last year", "last November" (the latest November before
    the article's month). Needs the article date."""
    if ref is None:
        return None
    m = LAST_NAMED_MONTH.search(text)
    if m and m.group(1)[0].isupper():   # "last May", never "at last may"
        return DateSpan(None, None, None, _latest_month(_month(m.group(1)), ref, True), f"'{m.group()}'")
    m = MONTH_OF_YEAR.search(text)
    if m:
        year = ref.year - 1 if m.group(2).lower() == "last" else ref.year
        return DateSpan(None, None, None, (_month(m.group(1)), year), f"'{m.group()}'")
    m = LAST_MONTH.search(text)
    if m:
        first_of_month = ref.replace(day=1)
        before = first_of_month - dt.timedelta(days=1)
        return DateSpan(None, None, None, (before.month, before.year), f"'{m.group()}'")
    m = THIS_MONTH.search(text)
    if m:
        return DateSpan(None, None, None, (ref.month, ref.year), f"'{m.group()}'")
    m = BARE_MONTH.search(text) if bare_months else None
    if m and m.group(1)[0].isupper() and not re.match(r"\s+(?:last|this|next)\s+year", text[m.end():], re.I):
        return DateSpan(None, None, None, _latest_month(_month(m.group(1)), ref, False), f"'{m.group()}'")
    return None


def next_weekday(name: str, ref: dt.date) -> dt.date:
    """The first such weekday after the article date: "opens on Sunday" in a report of what is to come."""
    ahead = (weekday_number(name) - ref.weekday()) % 7
    return ref + dt.timedelta(days=ahead or 7)


def day_month_code(code: str) -> tuple[int, int] | None:
    """'26/11' -> (11, 26) (day first, as in India); '9/11' -> (9, 11) (month first, as in the US)."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", code)
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if a > 12 and b <= 12:
        return (b, a)
    if a <= 12 and b <= 31:
        return (a, b)
    return None


def is_real_date(year: int, month: int, day: int) -> bool:
    """Whether year-month-day is a day of the calendar (no February 30)."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
