"""RSS and Atom feeds -> one piece per entry, through feedparser: the entry's content (else its
summary) as text, with its link, title, published date, id and publisher when the feed gives one."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator

from kg.errors import BadArticle
from kg.read.html import fragment_text, looks_like_fragment
from kg.read.record import Failed, Found, Piece

_FEED_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*|<\?[^>]*>\s*)*"
                         r"<(?:rss|feed|rdf:RDF)[\s>]", re.S | re.I)


def looks_like_feed(text: str) -> bool:
    return _FEED_START.match(text[:4000]) is not None


def read_feed(data: bytes, shown: str) -> Iterator[Piece | Failed]:
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    warnings: tuple[str, ...] = ()
    if parsed.bozo:
        where, what = _problem(parsed.bozo_exception)
        if not parsed.entries:
            yield Failed(shown, BadArticle(
                f"{shown}{where}: the feed does not parse ({what}).\n  Check that the file is a whole "
                "RSS or Atom feed (a download cut short ends like this), or save it again."))
            return
        warnings = (f"the feed is not well-formed ({what}{where and ', line ' + where[1:]}); "
                    "its entries were read as far as the parser could",)
    if not parsed.entries:
        yield Failed(shown, BadArticle(f"{shown}: the feed holds no entries.\n"
                                       "  Check that it is the feed you meant, or leave it out."))
        return
    publisher = parsed.feed.get("publisher") or None
    for n, entry in enumerate(parsed.entries, 1):
        yield _entry(entry, n, shown, publisher, warnings)


def _problem(error: Exception) -> tuple[str, str]:
    line = getattr(error, "getLineNumber", lambda: None)()
    message = getattr(error, "getMessage", lambda: str(error))()
    return (f":{line}" if line else ""), message


def _entry(entry, n: int, shown: str, publisher: str | None, warnings) -> Piece | Failed:
    record = f"entry {n}"
    title = " ".join((entry.get("title") or "").split()) or None
    contents = [c.get("value", "") for c in entry.get("content", [])]
    text = max(contents, key=len, default="") or entry.get("summary", "")
    if looks_like_fragment(text):
        text = fragment_text(text)
    if not text.strip():
        named = f" ('{title}')" if title else ""
        return Failed(f"{shown} {record}", BadArticle(
            f"{shown} {record}{named}: the entry has no text (no content and no summary).\n"
            "  The feed gives only a link: save the linked page and build from it."))
    published, how = _published(entry)
    source = entry.get("source") or {}
    name = entry.get("publisher") or source.get("title") or publisher
    link = entry.get("link") or None
    found = Found(title=title, url=link, url_method="the feed entry's link" if link else "",
                  publisher=name, publisher_method="the feed's publisher" if name else "",
                  published=published, date_method=how, record=record,
                  own_id=entry.get("id") or None, source_format="feed")
    data = json.dumps([title, link, entry.get("id"), how, text], ensure_ascii=False).encode()
    return Piece(text, found, data, warnings)


def _published(entry) -> tuple[dt.date | None, str]:
    for key, label in (("published", "published date"), ("updated", "updated date"),
                       ("created", "created date")):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(*parsed[:3]), f"the feed entry's {label} '{entry.get(key)}'"
    return None, ""

