"""path -> Articles: the text of each news article a file holds, its metadata and provenance,
and its sentences with offsets.

`read_articles(path)` reads one file into its articles (and Failed records for what gives
none); `read_article(path)` reads a file of one article; `read_files(files, given)` reads a
batch, giving each article its identity (kg.read.identity); `find_articles(paths)` turns files
and folders into the list of files to read. Every offset indexes `Article.raw_text` exactly:
`raw_text[s.start:s.end] == s.text` for every sentence.

The package kg/read holds the stage, one module per step: formats (which reader a file needs,
by its content), files (finding and decoding files), html (trafilatura, htmldate), feed
(feedparser), jsonl, warc (warcio), identity, and for the text itself units (paragraphs),
rules, layout (chrome and metadata lines), datelines, sentences, published (publisher and
date) and text (the whole). A web page, feed entry, JSON line or archive record gives its
text and what it says about itself (title, URL, publisher, date, each with how it was
found); that text is then read like a plain-text file.

How a plain-text file is read, step by step:

1. Bytes. A missing path, a folder, an empty or whitespace-only file, a binary file (NUL
   bytes, a known binary signature, or over 10% control codes) and a file over `max_bytes`
   each raise their own `kg.errors.BadArticle` subclass. Text that is not UTF-8 is read as
   Windows-1252, then Latin-1, with a warning in `Article.warnings`; it never fails.
2. Paragraphs. Each line is a paragraph, unless the file is hard-wrapped (lines of at most
   100 characters that often stop mid-sentence near the full width), when blank lines
   separate paragraphs. A paragraph break always ends a sentence.
3. Page chrome (rules in kg/patterns/article_chrome.txt): menu and share lines, lines that
   start "Disclaimer:" or "Also read", bylines, "Updated:" lines, lines of fewer than four
   words with no full stop, a teaser that ends in "..." and begins a later paragraph, a
   repeated paragraph, a run of headline-like lines at the end, and everything after a
   "Related Stories"-type heading. The body begins at the first paragraph that reads as
   prose (six or more words ending in a full stop, or a dateline with a date or agency).
   Before it, the first headline-like line of four or more words (no full stop; a Markdown
   "# heading" too) is the title, unless a "Title:" field gives one; the rest is chrome. A
   letterhead (lines in capitals and those between them) is passed over when a headline follows.
4. Metadata. The dateline at the start of the body ("New Delhi, Feb 28 (PTI)", "Washington,
   DC [US], March 1 :", "WASHINGTON (Reuters) -", "New Delhi/Beijing:", "NEW DELHI,
   Thursday, Dec 19 (PTI)", "Beijing, 28 June 2017") gives the place as written, the day and
   month (and a weekday written with them), and the agency; it is cut from the first
   sentence. A leading " date 2025-02-15" field is cut the same way; "Title:", "Source:" and
   "URL:"-type header lines are read and left out. A dateline on a line of its own ("NEW
   DELHI, September 11, 2020 00:15 IST") counts too. The publisher comes from, in order: the
   dateline's agency, a "Source:" field, a byline ("By ANI |", "By Jane Doe, Hindustan
   Times, New Delhi |"; kg/patterns/article_publishers.txt lists the names), a closing
   credit "(ANI)" or "- PTI" at the very end, "(With inputs from PTI)", and last "PTI
   reported" in the final two paragraphs. An agency in brackets at the end of any other
   paragraph is a photo credit ("... Donald Trump. (AP)" in a lead paragraph) and is
   ignored, and dropped from the sentences. A paragraph that opens with "A", "The" and the
   like, or whose acronym in brackets runs on into the sentence ("Amended Letter of Agreement
   (ALOA) on ..."), does not open with a dateline.
5. Date, in order: a "date" field; a "Published:"/"Updated:" line or a date on a line of
   its own above the body, a timestamp too (its year joins the dateline's day and month
   when both are there and agree within a month); a dateline with a year; a dateline's
   day and month with the year inferred (see `_infer_year`: a weekday written with the
   dateline's date counts, one in the body does not); else no date, with month_day set
   when the dateline gave one. `date_method` says which, in words. Month and weekday names
   come from the calendar table in kg/dates.py.
6. Sentences: a rule-based splitter that knows abbreviations (kg/patterns/
   article_abbreviations.txt), initials, dotted acronyms ("U.S."), decimals and closing
   quotes. No spaCy model is loaded: the splitter costs well under a millisecond.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.errors import BadArticle, EmptyArticle, KgError
from kg.read.files import ARTICLE_SUFFIXES, find_articles, root_of
from kg.read.formats import read_pieces
from kg.read.identity import Identities, normal_url, path_key, record_key, url_key
from kg.read.record import Article, Failed, Found, Piece, Sentence
from kg.read.sentences import overlong_warnings
from kg.read.text import read_text

__all__ = ["ARTICLE_SUFFIXES", "Article", "Failed", "Found", "Sentence", "find_articles", "read_article",
           "read_articles", "read_files"]

MAX_BYTES = 5_000_000


def read_files(files: Sequence[Path], given: Sequence[str | Path] = (), *,
               max_bytes: int = MAX_BYTES) -> Iterator[Article | Failed]:
    """The articles of a batch of files, in order, each with a key no other file's article holds
    (`given` are the paths the user named: an article's key is its path under the folder given)."""
    identities = Identities()
    for file in files:
        yield from read_articles(file, root=root_of(Path(file), given), max_bytes=max_bytes,
                                 identities=identities)


def read_articles(path: str | Path, *, root: Path | None = None, max_bytes: int = MAX_BYTES,
                  identities: Identities | None = None) -> Iterator[Article | Failed]:
    """Every article the file holds, or a Failed record (file, line or entry, and the error)
    for each part that gives none."""
    shown, file = str(path), Path(path)
    identities = identities or Identities()
    file_key = path_key(file, root)
    for piece in read_pieces(file, shown, max_bytes):
        if isinstance(piece, Failed):
            yield piece
            continue
        where = f"{shown} {piece.found.record}" if piece.found.record else shown
        try:
            yield _article(piece, file, shown, where, file_key, identities)
        except KgError as error:
            yield Failed(where, error)


def read_article(path: str | Path, *, max_bytes: int = MAX_BYTES, root: Path | None = None) -> Article:
    """The (first) article of a file. Raises a kg.errors.BadArticle subclass."""
    for read in read_articles(path, root=root, max_bytes=max_bytes):
        if isinstance(read, Failed):
            raise read.error
        return read
    raise BadArticle(f"{path}: the file holds no article.")     # pragma: no cover (readers say why)


def _article(piece: Piece, file: Path, shown: str, where: str, file_key: str,
             identities: Identities) -> Article:
    raw, found = piece.text, piece.found
    if not raw.strip():
        raise EmptyArticle(f"{where}: the file holds only whitespace ({len(piece.data):,} bytes).\n"
                           "  Add the article's text or leave the file out.")
    parts = read_text(raw, where, found)
    url = normal_url(found.url) if found.url else None
    if url:
        key = identities.claim(url_key(url), url, file)
    else:
        local = record_key(file_key, found.record.replace(" ", "-"), found.own_id) if found.record else file_key
        key = identities.claim(local, str(file.resolve()) + "#" + (found.record or ""), file)
    return Article(
        id=key, path=shown, file_name=file.name,
        content_hash="sha256:" + hashlib.sha256(piece.data).hexdigest(),
        raw_text=raw, title=parts.title, publisher=parts.publisher,
        published=parts.published, month_day=parts.month_day, date_method=parts.date_method,
        dateline=parts.dateline, sentences=parts.sentences,
        warnings=piece.warnings + overlong_warnings(parts.sentences),
        publisher_method=parts.publisher_method, url=found.url.strip() if url else None,
        url_method=found.url_method if url else "", source_format=found.source_format, record=found.record)
