"""Date expressions in sentences, resolved against the article's own date.

"From February 27 to February 29", "September 9-10", "held here on Wednesday", "on August 26,
2021", "in January 2022", "26/11". A day and month without a year take the article's year (the
year before, when the month lies after the article's month).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

RANGE_MD = re.compile(rf"\b(?:from\s+)?({MONTH_RE})\s+(\d{{1,2}})\s*(?:-|–|to|and)\s*(?:({MONTH_RE})\s+)?(\d{{1,2}})(?:,?\s+(\d{{4}}))?", re.I)
RANGE_DM = re.compile(rf"\b(\d{{1,2}})\s*(?:-|–|to|and)\s*(\d{{1,2}})\s+({MONTH_RE})(?:,?\s+(\d{{4}}))?", re.I)
SINGLE_MD = re.compile(rf"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
SINGLE_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})(?:,?\s+(\d{{4}}))?\b", re.I)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\s+(\d{{4}})\b", re.I)
WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)


@dataclass(frozen=True)
class DateSpan:
    start: dt.date | None
    end: dt.date | None
    month_day: tuple[int, int] | None      # when the year is unknown
    month_year: tuple[int, int] | None     # when only month and year are known
    how: str


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower().rstrip(".")[:3]]


def _make(year: int | None, month: int, day: int, ref: dt.date | None) -> dt.date | None:
    if year is None:
        if ref is None:
            return None
        year = ref.year - 1 if month > ref.month + 1 else ref.year
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, ref: dt.date | None, ref_month_day: tuple[int, int] | None = None) -> DateSpan | None:
    """The first date or date range in `text`, resolved against the article date `ref`."""
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
        return DateSpan(date, date, None, None, f"the weekday '{w.group(1)}' before the article date")
    return None


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
