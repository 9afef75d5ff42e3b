"""Paragraphs: the units of a text that chrome rules, datelines and sentences work on."""
from __future__ import annotations

import re
from dataclasses import dataclass


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
