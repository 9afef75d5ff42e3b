"""The reading rules kept as data: page chrome, publishers and abbreviations (kg/patterns/)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

_PATTERNS = Path(__file__).parent.parent / "patterns"


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
