"""path -> Article: the text of one news article, its metadata, and its sentences with offsets.

(Contract; the reader is being written.)
"""
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
    id: str                      # the file stem, e.g. "000_b0ef47220d57cd1c"
    path: str                    # the path as given
    file_name: str
    content_hash: str            # "sha256:<hex>" of the file's bytes
    raw_text: str                # the decoded file text; offsets refer to it
    title: str | None            # a headline, when the file has one
    publisher: str | None        # as written: "PTI", "ANI", "AP" ...
    published: dt.date | None    # the article's date, when known with its year
    month_day: tuple[int, int] | None   # (month, day) when only those are known
    date_method: str             # how the date was found, in words
    dateline: str | None         # the dateline place as written: "New Delhi", "Washington, DC"
    sentences: tuple[Sentence, ...]     # body sentences only; page chrome is left out
    warnings: tuple[str, ...] = ()      # e.g. "not UTF-8: read as Windows-1252"
