"""Sentences: a rule-based splitter that knows abbreviations, initials, dotted acronyms,
decimals and closing quotes. No spaCy model is loaded: it costs well under a millisecond."""
from __future__ import annotations

import re

from kg.read.rules import _Rules
from kg.read.units import _Unit

# No sentence of news runs this long: one that does (a table flattened into text, a page with no
# full stops) is kept as text, with a warning on its article, but not parsed for facts, so that
# the cost of an article stays linear in its length (kg.extract.pipeline).
MAX_SENTENCE_CHARS = 5_000

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


def overlong_warnings(sentences) -> tuple[str, ...]:
    """A warning for each sentence too long to parse (MAX_SENTENCE_CHARS)."""
    return tuple(f"sentence {s.index + 1} is {len(s.text):,} characters long (over {MAX_SENTENCE_CHARS:,}): "
                 "kept as text, not read for facts; split it where it ends if it is several sentences"
                 for s in sentences if len(s.text) > MAX_SENTENCE_CHARS)
