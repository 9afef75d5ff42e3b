"""The year of an article whose dateline gives a month and day but no year ('WASHINGTON, Dec 19'),
from what the text says of events the reference data dates. Runs after the mentions, before
anything reads the article's date; returns a new Article (the read one is not changed).

Two constructions count as evidence; anything else leaves the year unknown (the article keeps its
month and day, and the facts keep the precision the report gives):
- An anniversary of a dated event, told in the past tense ('a speech in November that marked the
  eleventh anniversary of the Mumbai attacks'): the anniversary is a date the text mentions, and the
  year is the first in which the dateline's month and day fall after it, as kg/article.py does for
  a date written out in the text.
- A weekday in the lead sentence ('Islamabad, Dec 20: Pakistan on Friday rejected ...'): in the
  wire services' style the dateline's own day. The earliest the article can be is the latest event
  the text names (an article reports what has happened); the year is the first from then in which
  the dateline's month and day fall on that weekday.
The words are data: kg/patterns/anniversary-words.txt.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kg.article import Article
from kg.dates import WEEKDAYS, is_real_date, weekday_number
from kg.extract.numbers import ORDINALS
from kg.mentions import Mention
from kg.pattern_files import word_list
from kg.reference import ReferenceIndex

PAST_TAGS = {"VBD", "VBN"}


def dated(article: Article, mentions: list[Mention], docs, index: ReferenceIndex) -> Article:
    """`article` with its year when the text gives evidence for one (see the module's doc)."""
    if article.published is not None or article.month_day is None:
        return article
    month, day = article.month_day
    events = _dated_events(article, mentions, docs, index)
    anniversary = _latest_anniversary(article, docs, events)
    if anniversary is not None:
        when, said = anniversary
        year = _first_year_on_or_after(when, month, day)
        if year is not None:
            return _with_year(article, year, f"the first year in which the dateline's day falls after {said}")
    weekday = _lead_weekday(docs)
    if weekday is not None and events:
        latest, name = max((when, name) for when, name in events.values())
        fits = [y for y in range(latest.year, dt.date.today().year + 1)
                if is_real_date(y, month, day) and dt.date(y, month, day) >= latest
                and dt.date(y, month, day).weekday() == weekday_number(weekday)]
        if fits:
            return _with_year(article, fits[0], f"the first year after the latest event the text names ({name}, "
                                                f"{latest.isoformat()}) in which the dateline's day is a "
                                                f"{weekday.title()}, the weekday of the lead sentence")
    return article


def _with_year(article: Article, year: int, how: str) -> Article:
    month, day = article.month_day
    return replace(article, published=dt.date(year, month, day), month_day=None,
                   date_method=f"{article.date_method}; year {year}: {how}")


def _dated_events(article: Article, mentions: list[Mention], docs, index: ReferenceIndex) -> dict[int, tuple]:
    """(date, label) of each event of the reference data the text names, by where its mention
    starts: an attack by one of its names, or a place named as where an attack was ('the Mumbai
    and Pathankot attacks'), which dates it no later than the place's first attack on record."""
    dates = {iri: when for attacks in index.attacks_at.values() for iri, when in attacks}
    attack_words = set(word_list("attack-words.txt"))
    found = {}
    for m in mentions:
        if m.iri is None:
            continue
        if m.iri in dates:
            found[m.start] = (dates[m.iri], m.label or m.text)
        elif m.iri in index.attacks_at and _names_an_attack(article, docs, m, attack_words):
            first = min(when for _, when in index.attacks_at[m.iri])
            found[m.start] = (first, f"the first attack at {m.label or m.text} on record")
    return {start: (dt.date.fromisoformat(when[:10]), name) for start, (when, name) in found.items()
            if _iso(when)}


def _names_an_attack(article: Article, docs, m: Mention, attack_words: set[str]) -> bool:
    """Whether the place mention modifies an attack noun, alone or in a list ('the Mumbai and
    Pathankot attacks')."""
    base = article.sentences[m.sentence].start
    token = next((t for t in docs[m.sentence] if base + t.idx >= m.start), None)
    while token is not None and token.dep_ == "conj" and token.head is not token:
        token = token.head
    return (token is not None and token.dep_ in ("compound", "amod", "nmod", "poss")
            and token.head.lemma_.lower() in attack_words)


def _iso(text: str) -> bool:
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def _latest_anniversary(article: Article, docs, events: dict[int, tuple[dt.date, str]]):
    """The latest 'Nth anniversary of EVENT' told in the past tense, as (its date, how it reads)."""
    words = set(word_list("anniversary-words.txt"))
    found = []
    for sentence, doc in zip(article.sentences, docs):
        base = sentence.start
        for token in doc:
            if token.lemma_.lower() not in words or not _told_in_past(token):
                continue
            n = _ordinal(token)
            event = _event_of(token, events, base)
            if n and event is not None:
                (when, name) = event
                if is_real_date(when.year + n, when.month, when.day):
                    found.append((dt.date(when.year + n, when.month, when.day), f"the {_ordinal_text(token)} "
                                                                                   f"{token.text} of {name}"))
    if not found:
        return None
    when, words_said = max(found)
    return when, f"{words_said} ({when.isoformat()})"


def _ordinal(token) -> int | None:
    """'11th', 'eleventh' modifying the anniversary."""
    for child in token.children:
        text = child.lower_
        if child.dep_ in ("amod", "nummod") and text[:-2].isdigit() and text[-2:] in ("st", "nd", "rd", "th"):
            return int(text[:-2])
        if child.dep_ in ("amod", "nummod") and text in ORDINALS:
            return ORDINALS[text]
    return None


def _ordinal_text(token) -> str:
    return next((c.text for c in token.children if c.dep_ in ("amod", "nummod")), "")


def _event_of(token, events, base: int) -> tuple[dt.date, str] | None:
    """The dated event the anniversary's 'of' phrase names (`base`: the sentence's offset)."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            span = sorted((t for child in prep.children for t in child.subtree), key=lambda t: t.i)
            if not span:
                continue
            start, end = base + span[0].idx, base + span[-1].idx + len(span[-1].text)
            for offset, event in events.items():
                if start <= offset < end:
                    return event
    return None


def _told_in_past(token) -> bool:
    """Whether the clause the anniversary sits in is in the past tense ('marked', 'made ... on')."""
    head = token
    while head.head is not head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head.tag_ in PAST_TAGS


def _lead_weekday(docs) -> str | None:
    """A weekday the lead sentence names as when its main event happened ('Pakistan on Friday
    rejected ...', 'said on Tuesday')."""
    if not docs:
        return None
    for token in docs[0]:
        if token.lower_ in WEEKDAYS and (token.dep_ == "npadvmod" or token.head.lower_ == "on"):
            return token.lower_
    return None


def _first_year_on_or_after(when: dt.date, month: int, day: int) -> int | None:
    first = when.year + ((month, day) < (when.month, when.day))
    return next((y for y in range(first, first + 8) if is_real_date(y, month, day)), None)


