"""path -> Article: the text of one news article, its metadata, and its sentences with offsets.

`read_article(path)` reads one file; `find_articles(paths)` turns files and folders into the
list of files to read. Every offset indexes `Article.raw_text`, the decoded file, exactly:
`raw_text[s.start:s.end] == s.text` for every sentence.

How a file is read, step by step:

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

import datetime as dt
import functools
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.dates import MONTH_PATTERN, WEEKDAY_NAMES, WEEKDAY_PATTERN, month_number, weekday_number
from kg.errors import (
    BadArticle,
    BinaryArticle,
    EmptyArticle,
    HugeArticle,
    KgError,
    MissingPath,
    NoArticles,
)


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
    publisher_method: str = ""   # where the publisher was found, in words: "dateline '(PTI)'"


ARTICLE_SUFFIXES = (".txt", ".md", ".text", "")
_NOT_ARTICLES = {"readme", "license", "licence", "changelog", "notice", "copying"}
_PATTERNS = Path(__file__).parent / "patterns"

# ---------------------------------------------------------------------------------------------
# Rules kept as data


@dataclass(frozen=True)
class _Rules:
    cut: frozenset[str]
    cut_prefixes: tuple[str, ...]
    next_: frozenset[str]
    lines: frozenset[str]
    prefixes: re.Pattern
    agencies: frozenset[str]
    outlets: frozenset[str]
    not_agencies: frozenset[str]
    agency_re: re.Pattern
    title_abbr: frozenset[str]
    number_abbr: frozenset[str]
    ending_abbr: frozenset[str]
    openers: frozenset[str]


def _sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for raw in (_PATTERNS / name).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif line:
            current.append(line)
    return sections


@functools.cache
def _rules() -> _Rules:
    chrome = _sections("article_chrome.txt")
    pubs = _sections("article_publishers.txt")
    abbr = _sections("article_abbreviations.txt")
    agencies = sorted(pubs["agency"], key=len, reverse=True)
    return _Rules(
        cut=frozenset(c for c in chrome["cut"] if not c.endswith("*")),
        cut_prefixes=tuple(c[:-1] for c in chrome["cut"] if c.endswith("*")),
        next_=frozenset(chrome["next"]),
        lines=frozenset(chrome["line"]),
        prefixes=re.compile("|".join(
            re.escape(p) + (r"(?!\w)" if p[-1].isalnum() else "") for p in chrome["prefix"])),
        agencies=frozenset(pubs["agency"]),
        outlets=frozenset(pubs["outlet"]),
        not_agencies=frozenset(pubs["not-agency"]),
        agency_re=re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, agencies)) + r")(?![\w-])"),
        title_abbr=frozenset(abbr["title"]),
        number_abbr=frozenset(abbr["number"]),
        ending_abbr=frozenset(abbr["ending"]),
        openers=frozenset(abbr["opener"]),
    )


# ---------------------------------------------------------------------------------------------
# Finding the files


def find_articles(paths: Sequence[str | Path]) -> tuple[list[Path], list[KgError]]:
    """Files to read, in order, and one error for each path that gave none.

    A file is kept as given. A folder is searched, with its subfolders, for files ending
    .txt, .md or .text or with no suffix, sorted by path; hidden files and folders and
    README/LICENSE-type files are skipped. A missing path is a MissingPath error, a folder
    with no articles a NoArticles error; the other paths are still returned.
    """
    found: list[Path] = []
    errors: list[KgError] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            errors.append(MissingPath(f"{given}: no such file or folder.\n"
                                      "  Check the path, or leave it out."))
            continue
        files = _folder_articles(path) if path.is_dir() else [path]
        if not files:
            errors.append(NoArticles(
                f"{given}: the folder holds no articles (no .txt, .md or .text files).\n"
                "  Put the article files there, or name the files themselves."))
        for file in files:
            key = os.path.abspath(file)
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found, errors


def _folder_articles(folder: Path) -> list[Path]:
    files = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            stem, suffix = os.path.splitext(name)
            if name.startswith(".") or suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if stem.lower() not in _NOT_ARTICLES:
                files.append(Path(top, name))
    return sorted(files)


# ---------------------------------------------------------------------------------------------
# Reading the bytes


_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt file is one)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    try:
        is_dir, size = path.is_dir(), path.stat().st_size
    except FileNotFoundError:
        raise MissingPath(f"{shown}: no such file.\n"
                          "  Check the path, or leave the file out.") from None
    except OSError as error:
        raise BadArticle(f"{shown}: the file cannot be read ({error.strerror}).\n"
                         "  Check its permissions, or leave it out.") from None
    if is_dir:
        raise BadArticle(f"{shown}: this is a folder, not an article file.\n"
                         "  Name a file, or pass the folder to `kg build`, which reads the "
                         ".txt, .md and .text files in it.")
    try:
        if size > max_bytes:
            raise HugeArticle(
                f"{shown}: the file is {_size(size)}, over the limit of {_size(max_bytes)} "
                "for one article.\n  Split it into one file per article, or raise the limit "
                f"with --max-bytes (for example --max-bytes {_round_up(size)}).")
        data = path.read_bytes()
    except OSError as error:
        raise BadArticle(f"{shown}: the file cannot be read ({error.strerror}).\n"
                         "  Check its permissions, or leave it out.") from None
    if not data:
        raise EmptyArticle(f"{shown}: the file is empty (0 bytes).\n"
                           "  Add the article's text or leave the file out.")
    return data


def _size(n: int) -> str:
    if n < 10_000:
        return f"{n:,} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.0f} kB ({n:,} bytes)"
    return f"{n / 1_000_000:.1f}".removesuffix(".0") + f" MB ({n:,} bytes)"


def _round_up(n: int) -> int:
    """A round number above n, to suggest as a limit: 12,345,678 -> 13,000,000."""
    step = 10 ** max(len(str(n)) - 2, 3)
    return (n // step + 1) * step


def _decode(data: bytes, shown: str) -> tuple[str, list[str]]:
    """The text and any warnings; raises BinaryArticle for what is not text."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise BinaryArticle(f"{shown}: the file is {kind}, not plain text.\n"
                                "  Save the article as plain text (UTF-8) and try again.")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), ["not UTF-8: read as UTF-16 (the file starts "
                                           "with its byte-order mark)"]
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryArticle(f"{shown}: the file is binary, not text (it holds NUL bytes).\n"
                            "  Save the article as plain text (UTF-8) and try again.")
    text, warnings = _decode_text(data)
    controls = len(_CONTROL.findall(text))
    if controls > 0.1 * len(text):
        raise BinaryArticle(
            f"{shown}: the file is binary, not text ({100 * controls // len(text)}% of its "
            "characters are control codes).\n"
            "  Save the article as plain text (UTF-8) and try again.")
    return text, warnings


def _decode_text(data: bytes) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), [
            "not UTF-8: read as Windows-1252; check the characters of names"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [
            "not UTF-8: read as Latin-1 (ISO-8859-1); check the characters of names"]


# ---------------------------------------------------------------------------------------------
# Paragraphs


@dataclass(frozen=True)
class _Unit:
    """A paragraph of the file: raw_text[start:end], trimmed of spaces."""

    start: int
    end: int
    text: str          # whitespace collapsed, for comparing
    words: int


_LINE = re.compile(r"\S[^\n\r\u2028\u2029\x85]*")
_CLOSERS = "\"'’”)]"


def _ends_sentence(text: str) -> bool:
    """Ends in . ! ? or …, perhaps followed by closing quotes or brackets."""
    return text.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _ends_full_stop(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(".")


def _paragraphs(text: str, start: int) -> list[_Unit]:
    lines: list[tuple[int, int, bool]] = []   # start, end, blank line before it
    last = start
    for m in _LINE.finditer(text, start):
        gap = text[last:m.start()]
        newlines = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
        end = m.start() + len(m.group().rstrip())
        lines.append((m.start(), end, newlines >= 2 or not lines))
        last = m.end()
    if _hard_wrapped(text, lines):
        blocks: list[list[int]] = []
        for s, e, blank in lines:
            if blank or not blocks:
                blocks.append([s, e])
            else:
                blocks[-1][1] = e
        lines = [(s, e, True) for s, e in blocks]
    return [_unit(text, s, e) for s, e, _ in lines]


def _unit(text: str, start: int, end: int) -> _Unit:
    words = text[start:end].split()
    return _Unit(start, end, " ".join(words), len(words))


def _hard_wrapped(text: str, lines: list[tuple[int, int, bool]]) -> bool:
    """Short lines that often stop mid-sentence near the full width and go on below."""
    if len(lines) < 4:
        return False
    lengths = sorted(e - s for s, e, _ in lines)
    if lengths[-1] > 100 or lengths[len(lengths) // 2] < 35:
        return False
    followed = [(s, e) for (s, e, _), nxt in zip(lines, lines[1:]) if not nxt[2]]
    wrapped = sum(1 for s, e in followed
                  if e - s >= 0.7 * lengths[-1] and not _ends_sentence(text[s:e]))
    return wrapped >= 2 and wrapped >= 0.4 * len(followed)


# ---------------------------------------------------------------------------------------------
# Dates and datelines

# Month and weekday names come from the one calendar table in kg/dates.py.
_MON = MONTH_PATTERN                   # "Sept", "SEPTEMBER", "dec" (its full stop not included)
_WDAY = WEEKDAY_PATTERN + r"\.?"       # "Thursday", "Thu.", "THURS"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = (rf"(?:(?P<mon>{_MON})\.?[ \t\xa0]+(?P<day>\d{{1,2}}){_ORD}(?!\d|:\d)"
         rf"(?:,?[ \t\xa0]+(?P<year>(?:19|20)\d\d)(?!\d))?"
         rf"|(?P<day2>\d{{1,2}}){_ORD}[ \t\xa0]+(?P<mon2>{_MON})\.?(?![a-z])"
         rf"(?:,?[ \t\xa0]+(?P<year2>(?:19|20)\d\d)(?!\d))?"
         rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))")

_ISO_TIME = r"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"   # "T15:45:00Z"
_HEADER_DATE = re.compile(
    r"(?i:date|dated|published)[ \t\xa0]*[:\s][ \t\xa0]*(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    r"(?:[T ]\d\d:\d\d(?::\d\d)?\S*)?\s*")
_HEADER_FIELD = re.compile(
    r"(?P<key>(?i:title|headline|source|publisher|agency|author|byline|url|link|dateline))"
    r"[ \t\xa0]*:[ \t\xa0]*(?P<value>.+)$")
_PAGE_DATE = re.compile(
    r"(?:^|\||(?<=\s))\s*(?P<label>(?i:last[ \t\xa0]+updated|first[ \t\xa0]+published|"
    r"updated|published|posted|dated|date))(?i:[ \t\xa0]+on|[ \t\xa0]+at)?"
    r"[ \t\xa0]*[:\-–]?[ \t\xa0]*"
    rf"(?:{_WDAY},?[ \t\xa0]+)?" + _DATE)
_BYLINE = re.compile(r"(?:(?:Written|Reported|Edited|Posted)[ \t\xa0]+[Bb]y|By):?[ \t\xa0]+"
                     r"(?P<who>[A-Z][^|\n]{0,100}?)[ \t\xa0]*(?:\|[ \t\xa0]*(?P<rest>.*))?$")

_WORD = r"[A-Z][\w.'’&-]*"
_PLACE = rf"{_WORD}(?:[ \xa0](?:{_WORD}|of|de|del|la|le|al|el|upon|on)){{0,4}}"
_DATELINE = re.compile(
    rf"[*_]{{0,3}}(?P<place>{_PLACE}(?:[ \xa0]?/[ \xa0]?{_PLACE})*"
    rf"(?:,[ \xa0](?!{_MON}\b|{_WDAY}[ ,(]){_PLACE})?)"
    rf"(?:[ \xa0]?\[[^\]\n]{{1,40}}\])?"
    rf"(?:,?[ \xa0]+(?P<wday>{_WDAY})(?=[ ,(]))?"
    rf"(?:,?[ \xa0]+(?P<date>{_DATE}))?"
    rf"(?:[ \xa0]*\((?P<agency>[^()\n]{{2,40}})\))?[*_]{{0,3}}"
    rf"[ \t\xa0]*(?P<sep>(?:[:—–]|-{{1,2}})(?=\s))?\s*")

_DATE_LINE = re.compile(           # "FEBRUARY 16, 2019 / 2:41 PM / UPDATED" on a line of its own
    rf"(?:{_WDAY},?[ \t\xa0]+)?" + _DATE + _ISO_TIME + r"(?![\w/-])")
_DATELINE_LINE = re.compile(       # "NEW DELHI, September 11, 2020 00:15 IST" on a line of its own
    rf"(?P<place>{_PLACE}(?:,[ \xa0](?!{_MON}\b|{_WDAY}[ ,]){_PLACE})?),?[ \xa0]+"
    rf"(?:(?P<wday>{_WDAY}),?[ \xa0]+)?(?P<date>{_DATE})"
    r"(?:[ ,]+\d{1,2}[:.]\d\d(?:[ \xa0]?[AaPp]\.?[Mm]\.?)?)?(?:[ \xa0]+[A-Z]{2,4})?")


@dataclass(frozen=True)
class _Dateline:
    place: str
    when: tuple[int | None, int, int] | None     # (year or None, month, day)
    when_text: str
    agency: str | None
    end: int                                       # offset where the sentence text begins
    weekday: str | None = None                     # a weekday written with the date: "Thursday"


def _date_parts(m: re.Match) -> tuple[int | None, int, int] | None:
    """(year, month, day) from a _DATE match, or None when it is not a real date."""
    if m.group("iso"):
        year, month, day = (int(x) for x in m.group("iso").split("-"))
    else:
        mon = m.group("mon") or m.group("mon2")
        month = month_number(mon)
        day = int(m.group("day") or m.group("day2"))
        text_year = m.group("year") or m.group("year2")
        year = int(text_year) if text_year else None
    try:
        dt.date(year or 2000, month, day)      # 2000 is a leap year: Feb 29 passes
    except ValueError:
        return None
    return year, month, day


def _find_dateline(raw: str, unit: _Unit, rules: _Rules) -> _Dateline | None:
    m = _DATELINE.match(raw, unit.start, unit.end)
    if not m or m.end() >= unit.end:
        return None
    agency = m.group("agency")
    if agency is not None and not _is_agency(agency.strip(), rules):
        agency = None
    when = _date_parts(m) if m.group("date") else None
    if m.group("date") and when is None:
        return None
    place = m.group("place")
    if not (agency or m.group("sep") or when):
        return None        # a place and a date need no colon or dash: "Beijing, 28 June 2017 China"
    if place.split()[0].lower() in rules.openers:
        return None        # "An Amended Letter of Agreement (ALOA) on ...": a sentence, not a place
    if agency and not (when or m.group("sep")) and agency.strip() not in rules.agencies \
            and not raw[m.end():m.end() + 1].isupper():
        return None        # an acronym in brackets, then the sentence goes on: a name, not an agency
    if not agency and not _plausible_place(place, raw[m.end():m.end() + 1], rules):
        return None
    weekday = m.group("wday") if when else None
    return _Dateline(place, when, m.group("date") or "", agency and agency.strip(), m.end(),
                     weekday)


def _plausible_place(place: str, following: str, rules: _Rules) -> bool:
    """A dateline without an agency ("New Delhi:") needs a short place and a capital after."""
    parts = re.split(r"[ ]?/[ ]?|, ", place)
    if any(len(part.split()) > 3 for part in parts):
        return False
    return place.split()[0].lower() not in rules.openers and following[:1].isupper()


def _is_agency(name: str, rules: _Rules) -> bool:
    if name in rules.agencies:
        return True
    return bool(re.fullmatch(r"[A-Z]{3,6}", name)) and name not in rules.not_agencies


# ---------------------------------------------------------------------------------------------
# Sorting paragraphs into title, chrome and body


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


# ---------------------------------------------------------------------------------------------
# Sentences

_END = re.compile(r"(?:[.!?]+|…)[\"'’”)\]]*(?=\s)")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\.?")
_CREDIT_ONLY = re.compile(r"\([^().!?\n]{1,40}\)")   # "(AP)", "(Photo: Reuters)"
_LETTER = re.compile(r"[^\W\d_]")
_WORDLIKE = re.compile(r"[^\W\d_]{2,}")


def _boundaries(raw: str, start: int, end: int, rules: _Rules) -> list[int]:
    """Offsets inside raw[start:end] where one sentence ends and the next may begin."""
    cuts = []
    for m in _END.finditer(raw, start, end):
        j = m.end()
        while j < end and raw[j].isspace():
            j += 1
        if j >= end or not _opens_sentence(raw, j, end):
            continue
        if m.group() == "." and _is_abbreviation(raw, m.start(), j, rules):
            continue
        cuts.append(m.end())
    return cuts


def _opens_sentence(raw: str, j: int, end: int) -> bool:
    c = raw[j]
    if c in "“‘\"'(":
        return j + 1 < end and (raw[j + 1].isupper() or raw[j + 1].isdigit())
    return c.isupper() or c.isdigit()


def _is_abbreviation(raw: str, dot: int, nxt: int, rules: _Rules) -> bool:
    m = _TOKEN_BEFORE.search(raw, max(0, dot - 30), dot)
    if not m:
        return False
    token = m.group(1).lstrip("“‘\"'([").rsplit("-", 1)[-1]     # "India-U.S." -> "U.S."
    low = token.lower()
    if low in rules.title_abbr:
        return True
    if low in rules.number_abbr and raw[nxt].isdigit():
        return True
    ambiguous = (low in rules.ending_abbr or (len(token) == 1 and token.isupper())
                 or _DOTTED.fullmatch(token + "."))
    if ambiguous:
        following = _ASCII_WORD.match(raw, nxt, nxt + 20)
        return not (following and following.group().lower() in rules.openers)
    return False


def _sentences(raw: str, body: list[_Unit], starts: dict[int, int],
               rules: _Rules) -> list[tuple[int, int]]:
    """Sentence spans of the body, in order; `starts` moves a paragraph's start (datelines)."""
    spans = []
    for unit in body:
        start = starts.get(unit.start, unit.start)
        edges = [start, *_boundaries(raw, start, unit.end, rules), unit.end]
        for a, b in zip(edges, edges[1:]):
            while a < b and raw[a].isspace():
                a += 1
            while b > a and raw[b - 1].isspace():
                b -= 1
            if b > a and not _CREDIT_ONLY.fullmatch(raw, a, b) and _LETTER.search(raw, a, b):
                spans.append((a, b))
    return spans


def _reads_as_prose(text: str) -> bool:
    """Four or more words, and letters (in words of two or more) are 60% of the characters."""
    words = _WORDLIKE.findall(text)
    chars = len(text) - text.count(" ")
    return len(words) >= 4 and sum(map(len, words)) >= 0.6 * chars


# ---------------------------------------------------------------------------------------------
# Publisher


def _publisher(raw: str, layout: _Layout, dateline: _Dateline | None,
               rules: _Rules) -> tuple[str | None, str]:
    if dateline and dateline.agency:
        return dateline.agency, f"dateline '({dateline.agency})'"
    for key in ("source", "publisher", "agency"):
        if key in layout.fields and not re.search(r"://|www\.", layout.fields[key]):
            return layout.fields[key], f"the file's '{key}' field"
    if layout.byline_publisher:
        name, who = layout.byline_publisher
        return name, f"byline 'By {who}'"
    last = layout.body[-1] if layout.body else None
    if last:
        m = _CLOSING.search(raw, last.start, last.end)
        name = m and (m.group(1) or m.group(2))
        if name in rules.agencies:
            return name, f"closing credit '{m.group().strip()}'"
    if layout.credits:
        return layout.credits[0]
    return _reported_by(raw, layout.body[-2:], rules)


_REPORTED_AFTER = re.compile(r"\s+(?:has\s+|had\s+)?reported\b")
_REPORTED_BEFORE = re.compile(r"\breported(?:\s+by)?\s+(?:the\s+)?$")


def _reported_by(raw: str, units: list[_Unit], rules: _Rules) -> tuple[str | None, str]:
    """The weakest signal: "PTI reported" near the end of the article."""
    for unit in reversed(units):
        text = raw[unit.start:unit.end]
        for m in reversed(list(rules.agency_re.finditer(text))):
            if _REPORTED_AFTER.match(text, m.end()) or _REPORTED_BEFORE.search(text, 0, m.start()):
                return m.group(1), f"'{m.group(1)} reported' near the end of the text"
    return None, "no agency in a dateline, byline or credit"


# ---------------------------------------------------------------------------------------------
# The article's date

_YEAR = re.compile(r"(?<![\d,.$₹/])(?:19|20)\d\d(?![\d/]|,\d)")
_MONTH_BEFORE = re.compile(
    rf"(?:(?P<mon>{_MON})\.?[ \t]+(?:(?P<day>\d{{1,2}}){_ORD},?[ \t]+)?"
    rf"|(?P<day2>\d{{1,2}}){_ORD}[ \t]+(?P<mon2>{_MON})\.?,?[ \t]+)$")
_QUANTITY_BEFORE = re.compile(r"(?i:rs\.?|inr|usd|us\$|than|over|about|nearly|some|around|"
                              r"almost|least|approximately|total of)\s*$")
_QUANTITY_AFTER = re.compile(r"\s+(?i:people|persons|men|women|children|troops|soldiers|"
                             r"personnel|km|kms|kg|crore|lakh|million|billion|dollars|"
                             r"rupees|cases|deaths)\b")
_FUTURE = re.compile(r"\b(?:will|shall|next|upcoming|forthcoming|scheduled|to be held|"
                     r"expected to|plans? to|aims? to)\b")       # matched on lower case
_FUTURE_BEFORE = re.compile(r"(?i:by|until|till|before|through|vision|agenda|target)\s+$")
_FUTURE_AFTER = re.compile(r"\s+(?i:agenda|vision|goals?|targets?)\b")
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAY_NAMES)})\b")


@dataclass(frozen=True)
class _Mention:
    when: tuple[int, int, int]     # a date the text names; month and day default to 1
    text: str
    has_month: bool = True         # False for a bare year ("the 2016 raid")


def _past_mentions(sentences: list[str]) -> list[_Mention]:
    """Dates the text names, unless a future-tense word comes shortly before them."""
    found = []
    for sentence in sentences:
        if not _YEAR.search(sentence):
            continue
        low = sentence.lower()
        for m in _YEAR.finditer(sentence):
            before, after = sentence[max(0, m.start() - 30):m.start()], sentence[m.end():]
            if _QUANTITY_BEFORE.search(before) or _QUANTITY_AFTER.match(after):
                continue
            if _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(after):
                continue
            if _is_future(low, m.start()):
                continue
            if int(m.group()) <= dt.date.today().year:     # no article is from the future
                found.append(_mention(before, m))
    return found


def _is_future(low: str, at: int) -> bool:
    """A future-tense word ("will", "next", "scheduled" ...) in the 50 characters before `at`."""
    return _FUTURE.search(low, max(0, at - 50), max(at, 0)) is not None


def _mention(before: str, year: re.Match) -> _Mention:
    """A year and the month and day written just before it ("July 2023", "Aug 26, 2021")."""
    m = _MONTH_BEFORE.search(before)
    if not m:
        return _Mention((int(year.group()), 1, 1), year.group(), has_month=False)
    mon = m.group("mon") or m.group("mon2")
    day = int(m.group("day") or m.group("day2") or 1)
    return _Mention((int(year.group()), month_number(mon), min(day, 28)),
                    (m.group() + year.group()).strip())


def _weekdays(sentences: list[str]) -> list[str]:
    """Weekdays the text names, unless a future-tense word comes shortly before them."""
    return [m.group(1) for s in sentences for m in _WEEKDAY.finditer(s)
            if not _is_future(s.lower(), m.start())]


def _infer_year(month: int, day: int, sentences: list[str],
                weekday: str | None = None) -> tuple[int | None, str]:
    """The year of a dateline that gives only day and month, and how it was chosen.

    The evidence is the dates the text names ("held in January 2022", "the July 2023
    attack"), taken to be in the past unless a future-tense word ("will", "next",
    "scheduled" ...) comes within 50 characters before one or it reads as a target ("by
    2030", "Vision 2047"). The article is no earlier than the latest of them.

    A weekday written with the dateline's date ("Thursday, Nov 14") pins the year: the first
    year from that lower bound in which the date falls on that weekday. A weekday in the
    body ("met here on Wednesday") does not: it names a day in the week up to the dateline,
    and every year has each weekday in that week, so it is only reported.

    Without a dateline weekday the year is the first in which the dateline's day and month
    fall after the latest date named, if that date gives its month ("July 2023"). A bare
    year ("the 2016 raid") only bounds the date from below, so the year stays unknown, and
    so it does when the text names no date at all.
    """
    mentions = _past_mentions(sentences)
    label = f"{dt.date(2000, month, day):%b} {day}"
    if weekday:
        return _year_of_weekday(month, day, weekday, mentions, label)
    body_weekdays = _weekdays(sentences)
    if not mentions:
        return None, "year unknown: the text names no year" + _weekday_note(
            month, day, body_weekdays)
    latest = max(mentions, key=lambda m: m.when)
    if not latest.has_month:
        return None, (f"year unknown: the latest date the text mentions is the bare year "
                      f"'{latest.text}', which only says the article is not earlier")
    first = _first_year_after(latest.when, month, day)
    confirms = (f"the weekday '{body_weekdays[0]}' in the text fits any year" if body_weekdays
                else "no weekday confirms it")
    return first, (f"year {first}: the first year in which {label} falls after the latest date "
                   f"the text mentions ('{latest.text}'); {confirms}")


def _first_year_after(when: tuple[int, int, int], month: int, day: int) -> int:
    """The first year in which month/day falls on or after the date `when`."""
    first = when[0] + ((month, day) < when[1:])
    return next(y for y in range(first, first + 8) if _valid(y, month, day))


def _year_of_weekday(month: int, day: int, weekday: str, mentions: list[_Mention],
                     label: str) -> tuple[int | None, str]:
    """The year of "Thursday, Nov 14": the first after the latest date named that fits."""
    fits = _weekday_years(month, day, weekday)
    said = f"the dateline's weekday '{weekday}'"
    if not mentions:
        if len(fits) == 1:
            return fits[0], f"year {fits[0]}: the only year that fits {said}"
        recent = [y for y in fits if y >= 2000]
        return None, (f"year unknown: {said} fits {_listing(recent) or 'no year'} "
                      "and the text names no year to choose among them")
    latest = max(mentions, key=lambda m: m.when)
    later = [y for y in fits if (y, month, day) >= latest.when]
    if not later:
        return None, (f"year unknown: no year after the latest date the text mentions "
                      f"('{latest.text}') has {label} on a {weekday}")
    return later[0], (f"year {later[0]}: the first year after the latest date the text "
                      f"mentions ('{latest.text}') that fits {said}")


def _weekday_years(month: int, day: int, weekday: str) -> list[int]:
    """The years from 1990 to this one in which month/day falls on `weekday`."""
    number = weekday_number(weekday)
    return [y for y in range(1990, dt.date.today().year + 1)
            if _valid(y, month, day) and dt.date(y, month, day).weekday() == number]


def _weekday_note(month: int, day: int, body_weekdays: list[str]) -> str:
    """What a weekday in the body would say if it were the dateline's own day (it need not)."""
    if not body_weekdays:
        return ""
    name = body_weekdays[0]
    fits = [y for y in _weekday_years(month, day, name) if y >= 2000]
    return (f"; the weekday '{name}' in the text need not be the dateline's day "
            f"(as that day it would fit {_listing(fits)})")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _listing(years: list[int]) -> str:
    words = [str(y) for y in years]
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


@dataclass(frozen=True)
class _When:
    published: dt.date | None
    month_day: tuple[int, int] | None
    method: str


def _date(layout: _Layout, dateline: _Dateline | None, sentences: list[str]) -> _When:
    if layout.header_date:
        (y, m, d), text = layout.header_date
        return _When(dt.date(y, m, d), None, f"the file's 'date' field ({text})")
    dl = dateline.when if dateline else None
    quoted = f"dateline '{dateline.when_text}'" if dl else ""
    if layout.page_dates:
        return _page_when(layout.page_dates, dl, quoted)
    if dl and dl[0]:
        return _When(dt.date(*dl), None, quoted)
    if dl:
        year, how = _infer_year(dl[1], dl[2], sentences, dateline.weekday)
        if year is None:
            return _When(None, (dl[1], dl[2]), f"{quoted}; {how}")
        return _When(dt.date(year, dl[1], dl[2]), None, f"{quoted}; {how}")
    return _When(None, None, "no date found: no dateline date, 'date' field or "
                             "'Published'/'Updated' line")


def _page_when(page_dates, dl, quoted: str) -> _When:
    """A page's 'Published'/'Updated' date; with a dateline, the dateline's day in its year."""
    page_dates = sorted(page_dates, key=lambda p: (not p[0].endswith("ublished"), p[1]))
    label, (y, m, d), text = page_dates[0]
    page = dt.date(y, m, d)
    if dl:
        for year in (y, y - 1):
            if _valid(year, dl[1], dl[2]) and 0 <= (page - dt.date(year, dl[1], dl[2])).days <= 31:
                day = dt.date(year, dl[1], dl[2])
                if day == page:
                    return _When(page, None,
                                 f"the page's '{text}' line, which agrees with the {quoted}")
                return _When(day, None, f"{quoted}; year from the page's '{text}' line")
    return _When(page, None, f"the page's '{text}' line")


# ---------------------------------------------------------------------------------------------
# The whole


def read_article(path: str | Path, *, max_bytes: int = 5_000_000) -> Article:
    """Read one news article file into an Article. Raises a kg.errors.BadArticle subclass."""
    shown, file = str(path), Path(path)
    data = _read_bytes(file, shown, max_bytes)
    raw, warnings = _decode(data, shown)
    if not raw.strip():
        raise EmptyArticle(f"{shown}: the file holds only whitespace ({len(data):,} bytes).\n"
                           "  Add the article's text or leave the file out.")
    rules = _rules()
    layout = _lay_out(raw, _paragraphs(raw, 0), rules)
    dateline = _body_dateline(raw, layout.body, rules)
    starts = {dateline[0].start: dateline[1].end} if dateline else {}
    spans = _sentences(raw, layout.body, starts, rules)
    texts = [raw[a:b] for a, b in spans]
    if not any(_reads_as_prose(t) for t in texts):
        raise BadArticle(_not_prose_message(shown, raw, texts))
    dl = _merge_datelines(dateline[1] if dateline else None, layout.dateline_line)
    publisher, publisher_method = _publisher(raw, layout, dl, rules)
    when = _date(layout, dl, texts)
    return Article(
        id=file.stem, path=shown, file_name=file.name,
        content_hash="sha256:" + hashlib.sha256(data).hexdigest(),
        raw_text=raw, title=layout.title, publisher=publisher,
        published=when.published, month_day=when.month_day, date_method=when.method,
        dateline=dl.place if dl else layout.fields.get("dateline") or layout.byline_place,
        sentences=tuple(Sentence(i, a, b, t) for i, ((a, b), t) in enumerate(zip(spans, texts))),
        warnings=tuple(warnings), publisher_method=publisher_method)


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
