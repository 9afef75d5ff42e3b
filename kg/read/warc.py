"""Web archives (WARC, gzipped or not) -> one piece per HTML response record, through warcio,
with the record's target URI as the URL when the page names none. Other records (requests,
metadata, images, scripts) are skipped and counted; the count is noted on the archive's last
article, or is the error when the archive holds no HTML page."""
from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import replace
from collections.abc import Iterator
from pathlib import Path

from kg.errors import BadArticle, KgError
from kg.read.html import page_text
from kg.read.record import Failed, Piece

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_warc(head: bytes) -> bool:
    """'WARC/1.x' at the start, perhaps inside gzip (a .warc.gz is gzipped record by record)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc(path: Path, shown: str, max_bytes: int) -> Iterator[Piece | Failed]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from kg.read.files import _decode_text

    skipped: Counter[str] = Counter()
    last: Piece | None = None
    n = 0
    with path.open("rb") as stream:
        try:
            for n, record in enumerate(ArchiveIterator(stream), 1):
                kind = _kind(record)
                if kind is not None:
                    skipped[kind] += 1
                    continue
                where = f"{shown} record {n}"
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield Failed(where, BadArticle(
                        f"{where}: the page is over the limit of {max_bytes:,} bytes for one article.\n"
                        "  Raise the limit with --max-bytes, or leave the record out."))
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                html, warnings = _decode_text(data, _charset(record))
                try:
                    text, found = page_text(html, where, url, "the archive record's WARC-Target-URI")
                except KgError as error:
                    yield Failed(where, error)
                    continue
                if last is not None:
                    yield last
                last = Piece(text, replace(found, record=f"record {n}", source_format="warc"), data,
                             tuple(warnings))
        except ArchiveLoadFailed as error:
            yield Failed(shown, BadArticle(
                f"{shown}: the web archive cannot be read after record {n} ({error.msg}).\n"
                "  The records before it were read; check that the file is whole (not cut short)."))
    note = _skipped_note(skipped, n)
    if last is not None:
        yield Piece(last.text, last.found, last.data, last.warnings + ((note,) if note else ()))
    elif n == 0:
        yield Failed(shown, BadArticle(f"{shown}: the web archive holds no records.\n"
                                       "  Check that it is the archive you meant, or leave it out."))
    else:
        yield Failed(shown, BadArticle(
            f"{shown}: the web archive holds no HTML page: {note}.\n"
            "  Only HTML response records are read as articles."))


def _kind(record) -> str | None:
    """Why a record is skipped ('request', 'image/jpeg'), or None for an HTML response."""
    if record.rec_type != "response":
        return record.rec_type
    if record.http_headers is None:
        return "response without HTTP headers"
    content = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content not in _HTML_TYPES:
        return content or "response without a Content-Type"
    status = record.http_headers.get_statuscode()
    return None if status in (None, "200") else f"HTTP status {status}"


def _charset(record) -> str | None:
    content = record.http_headers.get_header("Content-Type") or ""
    for part in content.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None


def _skipped_note(skipped: Counter, total: int) -> str:
    if not skipped:
        return ""
    kinds = ", ".join(f"{count} {kind}" for kind, count in skipped.most_common())
    return f"{sum(skipped.values())} of {total} archive records skipped, not HTML pages ({kinds})"
