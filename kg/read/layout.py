"""Sorting paragraphs into title, page chrome, metadata lines and body."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.read.datelines import (
    _BYLINE, _DATE_LINE, _DATELINE_LINE, _HEADER_DATE, _HEADER_FIELD, _PAGE_DATE, _PLACE, _Dateline,
    _date_parts, _find_dateline,
)
from kg.read.rules import _Rules
from kg.read.sentences import _boundaries
from kg.read.units import _ends_full_stop, _ends_sentence, _unit, _Unit


@dataclass
class _Layout:
    """What the paragraphs of a file turned out to be; filled in by _lay_out."""

    title: str | None = None
    body: list[_Unit] = field(default_factory=list)
    page_dates: list[tuple[str, tuple[int, int, int], str]] = field(default_factory=list)
    header_date: tuple[tuple[int, int, int], str] | None = None     # ymd, as written
    fields: dict[str, str] = field(default_factory=dict)            # "source": "PTI"
    bylines: list[str] = field(default_factory=list)
    byline_publisher: tuple[str, str] | None = None                 # name, its byline
    byline_place: str | None = None
    dateline_line: _Dateline | None = None                          # a dateline on its own line
    credits: list[tuple[str, str]] = field(default_factory=list)    # agency, how it was found


def _norm(text: str) -> str:
    return text.lower().strip(" :|»>-–—•*").strip()


def _chrome_kind(unit: _Unit, rules: _Rules) -> str | None:
    """'cut', 'next' or 'line' when the paragraph is chrome by a listed rule, else None."""
    norm = _norm(unit.text)
    if unit.words <= 8 and not _ends_full_stop(unit.text):
        if norm in rules.cut or norm.startswith(rules.cut_prefixes):
            return "cut"
        if norm in rules.next_:
            return "next"
    if norm in rules.lines or norm in rules.next_:
        return "line"
    if rules.prefixes.match(norm):
        return "line"
    if unit.text.count("|") + unit.text.count("»") + unit.text.count("›") >= 2 \
            and not _ends_sentence(unit.text):
        return "line"          # a menu or breadcrumb: "Home | News | World"
    return None


def _is_short(unit: _Unit) -> bool:
    return unit.words < 4 and not _ends_sentence(unit.text)


def _is_headline(unit: _Unit) -> bool:
    return 2 <= unit.words <= 40 and not _ends_full_stop(unit.text)


def _is_teaser(units: list[_Unit], i: int) -> bool:
    text = units[i].text
    if not text.endswith(("...", "…")):
        return False
    stem = text.rstrip(".… ").strip()
    return len(stem) > 10 and any(u.text.startswith(stem) for u in units[i + 1:i + 12])


def _reads_as_body(unit: _Unit, raw: str, rules: _Rules) -> bool:
    """The first paragraph of the body: a sentence that ends in a full stop, or a dateline."""
    if unit.words >= 6 and _ends_full_stop(unit.text):
        return True
    if unit.words >= 6 and _boundaries(raw, unit.start, unit.end, rules):
        return True
    dateline = _find_dateline(raw, unit, rules) if unit.words >= 4 else None
    return dateline is not None and (dateline.agency or dateline.when) is not None


def _metadata(raw: str, unit: _Unit, layout: _Layout, before_body: bool,
              rules: _Rules) -> _Unit | None:
    """Record the metadata a paragraph holds; return what is left of it, or None if nothing."""
    m = _HEADER_DATE.match(raw, unit.start, unit.end)
    if m and before_body and layout.header_date is None:
        parts = _date_parts(m)
        if parts:
            layout.header_date = (parts, m.group("iso"))
            return _unit(raw, m.end(), unit.end) if m.end() < unit.end else None
    if unit.words > 20:
        return unit
    m = _HEADER_FIELD.match(unit.text)
    if m and (before_body or m.group("key").lower() not in ("title", "headline")):
        layout.fields.setdefault(m.group("key").lower(), m.group("value").strip())
        return None
    m = _BYLINE.match(unit.text)
    if m and (m.group("rest") is not None or not _ends_full_stop(unit.text)):
        _byline(m.group("who"), m.group("rest") or "", layout, rules)
        return None
    if unit.words <= 15 and _page_date(unit.text, layout, anywhere=not _ends_full_stop(unit.text)):
        return None
    m = _DATE_LINE.match(unit.text) if before_body and unit.words <= 10 else None
    if m and (_date_parts(m) or (None,))[0] and not _ends_full_stop(unit.text):
        layout.page_dates.append(("Date line", _date_parts(m), m.group()))
        return None
    m = _DATELINE_LINE.fullmatch(unit.text)
    if m and before_body and _date_parts(m):
        layout.dateline_line = layout.dateline_line or _Dateline(
            m.group("place"), _date_parts(m), m.group("date"), None, -1, m.group("wday"))
        return None
    return unit


def _byline(who: str, rest: str, layout: _Layout, rules: _Rules) -> None:
    """Publisher, place and date of "By Jane Doe, Hindustan Times, New Delhi | Updated on ..."."""
    layout.bylines.append(who)
    parts = [p.strip() for p in who.split(",")] + [p.strip() for p in rest.split("|")]
    for i, part in enumerate(p for p in parts if p):
        if part in rules.agencies or part in rules.outlets:
            layout.byline_publisher = layout.byline_publisher or (part, who)
        elif _page_date(part, layout, anywhere=True):
            continue
        elif i and len(part.split()) <= 3 and re.fullmatch(_PLACE, part):
            layout.byline_place = layout.byline_place or part


def _page_date(text: str, layout: _Layout, anywhere: bool) -> bool:
    """A 'Published:'/'Updated:' date with a year; unless `anywhere`, at the start or after |."""
    m = _PAGE_DATE.search(text)
    if not m:
        return False
    if not anywhere and m.start("label") > 0 and not text[:m.start("label")].rstrip().endswith("|"):
        return False
    parts = _date_parts(m)
    if parts is None or parts[0] is None:
        return False
    label = " ".join(m.group("label").split()).capitalize()
    layout.page_dates.append((label, parts, text[m.start("label"):m.end()].strip()))
    return True


def _lay_out(raw: str, units: list[_Unit], rules: _Rules) -> _Layout:
    layout = _Layout()
    headlines: list[str] = []
    skip_headline = False
    for i, unit in enumerate(units):
        rest = _metadata(raw, unit, layout, not layout.body, rules)
        if rest is None:
            continue
        kind = _chrome_kind(rest, rules)
        if kind == "cut" and layout.body:
            break
        if rest.words <= 12:
            _credit(rest.text, layout, rules)
        if kind or _is_teaser(units, i) or (layout.body and _is_short(rest)):
            skip_headline = kind == "next"
            continue
        if skip_headline and _is_headline(rest):
            skip_headline = False
            continue
        skip_headline = False
        heading = rest.text.startswith("#")       # a Markdown heading
        if layout.body and heading:
            continue
        if layout.body or (not heading and _reads_as_body(rest, raw, rules)):
            layout.body.append(rest)
        elif _is_headline(rest) and not rest.text.endswith(("...", "…")):
            headlines.append(rest.text.lstrip("#").strip(" *_"))
    fields = layout.fields
    layout.title = fields.get("title") or fields.get("headline") or _pick_title(headlines)
    _drop_repeats_and_tail(layout.body)
    return layout


def _pick_title(headlines: list[str]) -> str | None:
    """The first headline-like line of four or more words before the body, else the last one. Lines
    in capitals ('U.S. DEPARTMENT OF STATE', 'STATEMENT BY X, SPOKESMAN') and those between them
    are a letterhead, passed over when a line of four or more words follows the last of them."""
    capitals = [i for i, text in enumerate(headlines) if _in_capitals(text)]
    after = [text for text in headlines[capitals[-1] + 1:] if len(text.split()) >= 4] if capitals else []
    if after:
        return after[0]         # the headline under a letterhead ('Office of the Spokesman' is part of it)
    for text in headlines:
        if len(text.split()) >= 4:
            return text
    return headlines[-1] if headlines else None


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_INPUTS = re.compile(r"\(?\s*(?:With inputs from|With agency inputs from|Source:?)\s+(.+?)\)?\s*$",
                     re.I)
_SLUG = re.compile(r"([A-Z]{2,5})()(?:[ ]+[A-Z]{2,4}){1,5}")     # "PTI SKU RT": a wire slug line
_CLOSING = re.compile(r"(?:\(\s*([^()]{2,40}?)\s*\)|[—–-]+\s*([^—–-]{2,40}?))\s*$")


def _credit(text: str, layout: _Layout, rules: _Rules) -> None:
    """Record "(With inputs from PTI)", and a closing "(IANS)", "- PTI" or "PTI AB CD" line."""
    m = _INPUTS.match(text)
    if m:
        found = rules.agency_re.search(m.group(1))
        if found:
            layout.credits.append((found.group(1), f"credit line '{text}'"))
        return
    m = _CLOSING.fullmatch(text) or _SLUG.fullmatch(text)
    name = m and (m.group(1) or m.group(2))
    if layout.body and name in rules.agencies:
        layout.credits.append((name, f"closing credit '{text}'"))


def _drop_repeats_and_tail(body: list[_Unit]) -> None:
    seen: set[str] = set()
    kept = []
    for unit in body:
        if unit.text not in seen:
            seen.add(unit.text)
            kept.append(unit)
    while len(kept) > 1 and _is_headline(kept[-1]) and not _ends_sentence(kept[-1].text):
        kept.pop()            # a list of headlines at the end: links to other stories
    body[:] = kept
