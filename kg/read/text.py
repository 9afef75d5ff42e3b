"""Plain text -> the parts of an Article: title, body sentences with offsets, dateline,
publisher and date, each with how it was found.

The text's own signals and what a reader found outside it (`Found`: a page's metadata, a
feed entry's fields) are weighed here: a dateline's agency names the publisher before a site
name does (a wire story on a newspaper's site is the agency's), a page's published date counts
as a 'Published' line above the body (a dateline's day and month take its year), and a title
found outside the text comes before a headline-like first line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kg.errors import BadArticle
from kg.read.datelines import _Dateline, _find_dateline
from kg.read.layout import _lay_out
from kg.read.published import _date, _publisher
from kg.read.record import Found, Sentence
from kg.read.rules import _rules, _Rules
from kg.read.sentences import _LETTER, _reads_as_prose, _sentences
from kg.read.units import _paragraphs, _Unit


@dataclass(frozen=True)
class TextParts:
    title: str | None
    publisher: str | None
    publisher_method: str
    published: dt.date | None
    month_day: tuple[int, int] | None
    date_method: str
    dateline: str | None
    sentences: tuple[Sentence, ...]


def read_text(raw: str, shown: str, found: Found = Found()) -> TextParts:
    """The parts of the article in `raw`; raises BadArticle when no line reads as a sentence."""
    rules = _rules()
    layout = _lay_out(raw, _paragraphs(raw, 0), rules)
    dateline = _body_dateline(raw, layout.body, rules)
    starts = {dateline[0].start: dateline[1].end} if dateline else {}
    spans = _sentences(raw, layout.body, starts, rules)
    texts = [raw[a:b] for a, b in spans]
    if not any(_reads_as_prose(t) for t in texts):
        if found.source_format in ("html", "warc"):
            raise BadArticle(_no_main_text(shown, raw))
        raise BadArticle(_not_prose_message(shown, raw, texts))
    dl = _merge_datelines(dateline[1] if dateline else None, layout.dateline_line)
    publisher, publisher_method = _publisher(raw, layout, dl, rules)
    if found.publisher and not (dl and dl.agency):
        publisher, publisher_method = found.publisher, found.publisher_method
    given = (found.published, found.date_method) if found.published else None
    fallback = (found.fallback, found.fallback_method) if found.fallback else None
    when = _date(layout, dl, texts, given, fallback)
    return TextParts(
        title=found.title or layout.title, publisher=publisher, publisher_method=publisher_method,
        published=when.published, month_day=when.month_day, date_method=when.method,
        dateline=dl.place if dl else layout.fields.get("dateline") or layout.byline_place,
        sentences=tuple(Sentence(i, a, b, t) for i, ((a, b), t) in enumerate(zip(spans, texts))))


def _merge_datelines(body: _Dateline | None, line: _Dateline | None) -> _Dateline | None:
    """The body's dateline, with the date of a dateline line above the body when it has none."""
    if body is None or line is None:
        return body or line
    if body.when is None:
        return _Dateline(body.place, line.when, line.when_text, body.agency, body.end,
                         line.weekday)
    return body


def _body_dateline(raw: str, body: list[_Unit], rules: _Rules) -> tuple[_Unit, _Dateline] | None:
    """The dateline at the start of one of the body's first three paragraphs."""
    for unit in body[:3]:
        found = _find_dateline(raw, unit, rules)
        if found:
            return unit, found
    return None


def _not_prose_message(shown: str, raw: str, sentences: list[str]) -> str:
    chars = max(len(raw) - sum(raw.count(c) for c in " \n\r\t"), 1)
    share = 100 * len(_LETTER.findall(raw)) // chars
    if share < 50:
        why = f"only {share}% of its characters are letters and no line reads as a sentence"
    elif not sentences:
        why = "every line looks like page chrome (menus, links, headlines), none like a sentence"
    else:
        why = "no line reads as a sentence of words"
    return (f"{shown}: the text does not read as an article: {why}.\n"
            "  Check that the file holds the article's text, not a web page's menus, a "
            "scrambled copy or another kind of file.")


def _no_main_text(shown: str, raw: str) -> str:
    kept = " ".join(raw.split())
    kept = kept if len(kept) <= 80 else kept[:77] + "..."
    return (f"{shown}: the page has no main text that reads as an article (all that was kept of it: "
            f"'{kept}').\n  Check that the file is the article's page (not a section front, a login "
            "or cookie page), or save the article's text as a .txt file.")
