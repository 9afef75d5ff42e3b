"""JSON lines -> one piece per line: an object with the article's text and, when known, its
title, URL, date, publisher and id. Common news-API and crawler field names are read too
(NewsAPI, news-please, GDELT, the Guardian's content API; FIELDS lists them in order).

A line that is not JSON, not an object, or has no text is reported with its line number and the
other lines are read. A file whose first non-blank character is '[' is read as one JSON array of
such objects ("item 3")."""
from __future__ import annotations

import datetime as dt
import email.utils
import json
from collections.abc import Iterator

from kg.errors import BadArticle
from kg.read.html import fragment_text, looks_like_fragment
from kg.read.record import Failed, Found, Piece

FIELDS = {
    "text": ("text", "body", "content", "maintext", "full_text", "article", "articleBody",
             "bodyText", "fields.bodyText", "description", "summary"),
    "title": ("title", "headline", "webTitle", "fields.headline"),
    "url": ("url", "link", "canonical_url", "source_url", "webUrl", "href"),
    "published": ("published", "published_at", "publishedAt", "datePublished", "date_publish",
                  "pubDate", "webPublicationDate", "date", "seendate"),
    "publisher": ("publisher", "source.name", "source", "source_name", "site_name", "sitename",
                  "source_domain", "domain"),
    "id": ("id", "uuid", "guid", "_id"),
}


def looks_like_json(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:1]
    return head in ("{", "[")


def read_json_lines(text: str, shown: str, max_bytes: int) -> Iterator[Piece | Failed]:
    if text.lstrip("\ufeff \t\r\n").startswith("["):
        yield from _array(text, shown)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{shown}:{n}"
        if len(line.encode()) > max_bytes:
            yield Failed(f"{shown} line {n}", BadArticle(
                f"{where}: the line is {len(line.encode()):,} bytes, over the limit of {max_bytes:,} for "
                "one article.\n  Split it, or raise the limit with --max-bytes."))
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failed(f"{shown} line {n}", BadArticle(
                f"{where}: the line is not JSON ({error.msg} at column {error.colno}).\n"
                "  Fix or remove the line; the other lines are read."))
            continue
        yield _piece(value, shown, f"line {n}", where, line.encode())


def _array(text: str, shown: str) -> Iterator[Piece | Failed]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        yield Failed(shown, BadArticle(f"{shown}:{error.lineno}: the file is not JSON ({error.msg} at "
                                       f"column {error.colno}).\n  Fix the file, or write one article "
                                       "per line (JSON lines) so one bad line costs only itself."))
        return
    for n, value in enumerate(items if isinstance(items, list) else [items], 1):
        yield _piece(value, shown, f"item {n}", f"{shown} item {n}",
                     json.dumps(value, ensure_ascii=False, sort_keys=True).encode())


def _piece(value, shown: str, record: str, where: str, data: bytes) -> Piece | Failed:
    source = f"{shown} {record}"
    if not isinstance(value, dict):
        return Failed(source, BadArticle(
            f"{where}: a JSON {type(value).__name__} where an object was expected.\n"
            '  Write one object per line: {"text": "...", "title": "...", "url": "..."}.'))
    text, _ = _field(value, "text")
    if not isinstance(text, str) or not text.strip():
        return Failed(source, BadArticle(
            f"{where}: the object has no article text (looked for the fields "
            f"{', '.join(FIELDS['text'][:5])} ...).\n  Add the text under \"text\", or leave the line out."))
    if looks_like_fragment(text):
        text = fragment_text(text)
    warnings = []
    published, date_key = _field(value, "published")
    day = _date(published)
    if published and day is None:
        warnings.append(f"{record}: the '{date_key}' value {published!r} is not a date; the date "
                        "is read from the text")
    title, _ = _field(value, "title")
    url, url_key = _field(value, "url")
    publisher, publisher_key = _field(value, "publisher")
    own_id, _ = _field(value, "id")
    url = url if isinstance(url, str) and url.strip() else None
    publisher = publisher if isinstance(publisher, str) and publisher.strip() else None
    found = Found(
        title=" ".join(title.split()) if isinstance(title, str) and title.strip() else None,
        url=url, url_method=f"the JSON field '{url_key}'" if url else "",
        publisher=publisher, publisher_method=f"the JSON field '{publisher_key}'" if publisher else "",
        published=day, date_method=f"the JSON field '{date_key}' ({published})" if day else "",
        record=record, own_id=str(own_id) if own_id not in (None, "") else None,
        source_format="json-lines")
    return Piece(text, found, data, tuple(warnings))


def _field(value: dict, kind: str):
    """The first field of `kind` present (a dotted name looks inside an object), and its name."""
    for name in FIELDS[kind]:
        found = value
        for part in name.split("."):
            found = found.get(part) if isinstance(found, dict) else None
        if found not in (None, "", [], {}) and not (kind != "text" and isinstance(found, dict)):
            return found, name
    return None, ""


def _date(value) -> dt.date | None:
    """ISO 8601 ('2024-03-05', '2024-03-05T10:00:00Z'), GDELT's '20240305T100000Z', or RFC 822."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for candidate in (text[:10], f"{text[:4]}-{text[4:6]}-{text[6:8]}" if text[:8].isdigit() else ""):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
