"""Which reader a file needs, told by its content (the suffix only decides which files a folder
offers): a web archive by its 'WARC/' header (gzipped or not), a feed by its <rss>, <feed> or
<rdf:RDF> root, JSON lines by a first '{' (a JSON array by '['), a web page by its doctype,
<html> or markup, and anything else as plain text. Each reader yields Pieces (an article's
text and what was found about it) and, for what gives no article, Failed records."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError
from kg.read.feed import looks_like_feed, read_feed
from kg.read.files import _decode, _read_bytes
from kg.read.html import looks_like_html, page_text
from kg.read.jsonl import looks_like_json, read_json_lines
from kg.read.record import Failed, Found, Piece
from kg.read.warc import looks_like_warc, read_warc

CONTAINER_FACTOR = 200     # a feed or JSON-lines file may be this many times one article's limit


def sniff(path: Path) -> str:
    """'warc', 'feed', 'json-lines', 'html' or 'text', from the file's first 64 kB."""
    try:
        with path.open("rb") as stream:
            head = stream.read(65536)
    except OSError:
        return "text"           # the text reader says what is wrong with the path
    if looks_like_warc(head):
        return "warc"
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    if looks_like_feed(text):
        return "feed"
    if looks_like_json(text):
        return "json-lines"
    return "html" if looks_like_html(text) else "text"


def read_pieces(path: Path, shown: str, max_bytes: int) -> Iterator[Piece | Failed]:
    """The articles' texts a file holds, by its kind; a file that cannot be read is one Failed."""
    kind = sniff(path)
    if kind == "warc":
        yield from read_warc(path, shown, max_bytes)
        return
    container = kind in ("feed", "json-lines")
    try:
        data = _read_bytes(path, shown, max_bytes * CONTAINER_FACTOR if container else max_bytes)
        if kind == "feed":
            yield from read_feed(data, shown)
            return
        text, warnings = _decode(data, shown)
        if kind == "json-lines":
            yield from read_json_lines(text, shown, max_bytes)
        elif kind == "html":
            main, found = page_text(text, shown)
            yield Piece(main, found, data, tuple(warnings))
        else:
            yield Piece(text, Found(), data, tuple(warnings))
    except KgError as error:
        yield Failed(shown, error)
