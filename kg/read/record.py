"""The records the read stage hands on: an Article, its Sentences, and what a reader found about
it outside the text (a page's metadata, a feed entry's fields) with how each was found."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    index: int      # 0-based position among the article's sentences
    start: int      # character offset into Article.raw_text
    end: int        # exclusive
    text: str       # == raw_text[start:end]


@dataclass(frozen=True)
class Article:
    id: str                      # its identity: the URL's slug, else the path under the folder given
    path: str                    # the path of the file, as given
    file_name: str
    content_hash: str            # "sha256:<hex>" of the file's (or the record's) bytes
    raw_text: str                # the text read (a page's main text); offsets refer to it
    title: str | None            # a headline, when the file has one
    publisher: str | None        # as written: "PTI", "ANI", "AP" ...
    published: dt.date | None    # the article's date, when known with its year
    month_day: tuple[int, int] | None   # (month, day) when only those are known
    date_method: str             # how the date was found, in words
    dateline: str | None         # the dateline place as written: "New Delhi", "Washington, DC"
    sentences: tuple[Sentence, ...]     # body sentences only; page chrome is left out
    warnings: tuple[str, ...] = ()      # e.g. "not UTF-8: read as Windows-1252"
    publisher_method: str = ""   # where the publisher was found, in words: "dateline '(PTI)'"
    url: str | None = None       # where the article was published, when known
    url_method: str = ""         # where the URL was found: "the page's canonical link"
    source_format: str = "text"  # "text", "html", "feed", "json-lines" or "warc"
    record: str | None = None    # which record of a file holding many: "line 3", "entry 2"

    @property
    def source(self) -> str:
        """The file, and the record in it when the file holds many: 'news.jsonl line 3'."""
        return f"{self.path} {self.record}" if self.record else self.path


@dataclass(frozen=True)
class Found:
    """What a reader found about an article outside its text, each with how it was found.
    The text's own signals are weighed against these in kg.read.text."""

    title: str | None = None
    url: str | None = None
    url_method: str = ""
    publisher: str | None = None
    publisher_method: str = ""
    published: dt.date | None = None       # a date the source states for the article
    date_method: str = ""
    fallback: dt.date | None = None        # a date guessed (htmldate's wide search): the text's come first
    fallback_method: str = ""
    record: str | None = None
    own_id: str | None = None    # a record's own identifier (a feed entry's id, a JSON 'id')
    source_format: str = "text"


@dataclass(frozen=True)
class Failed:
    """A file or record that gave no article: where, and the error that says why."""

    source: str
    error: Exception


@dataclass(frozen=True)
class Piece:
    """One article's text as a reader found it, before the text is read."""

    text: str
    found: Found
    data: bytes                  # the bytes its content hash is taken of
    warnings: tuple[str, ...] = ()
