"""Literals: the lexical forms of the XSD datatypes, and the order SPARQL's < gives them.

`well_formed` decides sh:datatype's "not ill-formed" for every XSD datatype RDF uses (the
integer family with its value ranges, decimal, float, double, boolean, the string family, the
date and time types, the Gregorian fragments, the durations, hexBinary, base64Binary, anyURI);
an unknown datatype is taken as well formed, as RDF leaves it undefined. `compare` orders two
literals the way SPARQL's operators do (numbers across numeric types, dates, date-times, times,
strings, booleans), or says they cannot be ordered.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Callable

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

_TZ = r"(Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"-?(?:[1-9]\d{3,}|0\d{3})"
_TIME = r"(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?"
_FLOAT = re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN")

INTEGER_RANGES: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None), "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1),
    "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1), "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1), "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}

_PATTERNS = {
    "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    "float": _FLOAT,
    "double": _FLOAT,
    "boolean": re.compile(r"true|false|1|0"),
    "string": re.compile(r"[^\x00-\x08\x0b\x0c\x0e-\x1f]*"),
    "normalizedString": re.compile(r"[^\x00-\x1f]*"),
    "token": re.compile(r"([^\x00-\x20]+( [^\x00-\x20]+)*)?"),
    "language": re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*"),
    "NMTOKEN": re.compile(r"[\w.:-]+"),
    "Name": re.compile(r"[^\W\d.-][\w.:-]*"),
    "NCName": re.compile(r"[^\W\d.-][\w.-]*"),
    "date": re.compile(rf"({_YEAR})-(\d{{2}})-(\d{{2}}){_TZ}"),
    "dateTime": re.compile(rf"({_YEAR})-(\d{{2}})-(\d{{2}})T{_TIME}{_TZ}"),
    "dateTimeStamp": re.compile(rf"({_YEAR})-(\d{{2}})-(\d{{2}})T{_TIME}(Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))"),
    "time": re.compile(rf"{_TIME}{_TZ}"),
    "gYear": re.compile(rf"{_YEAR}{_TZ}"),
    "gYearMonth": re.compile(rf"{_YEAR}-(0[1-9]|1[0-2]){_TZ}"),
    "gMonth": re.compile(rf"--(0[1-9]|1[0-2]){_TZ}"),
    "gDay": re.compile(rf"---(0[1-9]|[12]\d|3[01]){_TZ}"),
    "gMonthDay": re.compile(rf"--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]){_TZ}"),
    "duration": re.compile(r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"),
    "dayTimeDuration": re.compile(r"-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"),
    "yearMonthDuration": re.compile(r"-?P(?=\d)(\d+Y)?(\d+M)?"),
    "hexBinary": re.compile(r"([0-9a-fA-F]{2})*"),
    "anyURI": re.compile(r"[^\x00-\x1f]*"),
}
_INTEGER = re.compile(r"[+-]?\d+")


def well_formed(literal: ox.Literal) -> bool:
    """Whether a typed literal's lexical form is legal for its datatype (unknown datatypes pass)."""
    return lexical_ok(literal.value, literal.datatype.value)


@functools.lru_cache(maxsize=1 << 14)
def lexical_ok(lexical: str, datatype: str) -> bool:
    if not datatype.startswith(XSD):
        return True
    name = datatype[len(XSD):]
    if name in INTEGER_RANGES:
        if _INTEGER.fullmatch(lexical) is None:
            return False
        low, high = INTEGER_RANGES[name]
        value = int(lexical)
        return (low is None or value >= low) and (high is None or value <= high)
    if name == "base64Binary":
        try:
            base64.b64decode(re.sub(r"\s", "", lexical), validate=True)
            return True
        except (binascii.Error, ValueError):
            return False
    pattern = _PATTERNS.get(name)
    if pattern is None:
        return True
    match = pattern.fullmatch(lexical)
    if match is None:
        return False
    if name in ("date", "dateTime", "dateTimeStamp"):
        year, month, day = (int(g) for g in match.groups()[:3])
        if not _real_day(year, month, day):
            return False
        if name != "date":
            return _real_time(*(int(g) for g in match.groups()[3:6]))
    if name == "time":
        return _real_time(*(int(g) for g in match.groups()[:3]))
    return True


def _real_day(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def _real_time(hour: int, minute: int, second: int) -> bool:
    return (hour < 24 and minute < 60 and second < 60) or (hour, minute, second) == (24, 0, 0)


# -- order ------------------------------------------------------------------------------------------

_NUMERIC = set(INTEGER_RANGES) | {"decimal", "float", "double"}


def order_key(term) -> tuple | None:
    """(kind, value) for ordering, or None when the term has no order (IRIs, blank nodes,
    ill-formed or unordered literals)."""
    if not isinstance(term, ox.Literal):
        return None
    return _order_key(term.value, term.datatype.value, term.language)


@functools.lru_cache(maxsize=1 << 14)
def _order_key(lexical: str, datatype: str, language: str | None):
    if datatype == RDF + "langString":
        return ("string@" + language.lower(), lexical)
    if not datatype.startswith(XSD) or not lexical_ok(lexical, datatype):
        return None
    name = datatype[len(XSD):]
    try:
        if name in _NUMERIC:
            if name in ("float", "double"):
                return ("number", float(lexical))
            return ("number", Decimal(lexical))
        if name == "date":
            return ("date", dt.date.fromisoformat(lexical[:10]))
        if name in ("dateTime", "dateTimeStamp"):
            return ("dateTime", dt.datetime.fromisoformat(lexical.replace("Z", "+00:00")))
        if name == "time":
            return ("time", dt.time.fromisoformat(lexical.replace("Z", "+00:00")))
        if name == "string":
            return ("string", lexical)
        if name == "boolean":
            return ("boolean", lexical in ("true", "1"))
    except (ValueError, InvalidOperation):
        return None
    return None


def compare(left, right, test: Callable[[object, object], bool]) -> bool:
    """test(left, right) on the literals' values; False when they cannot be ordered."""
    a, b = order_key(left), order_key(right)
    if a is None or b is None or a[0] != b[0]:
        return False
    try:
        return test(a[1], b[1])
    except TypeError:  # e.g. a zoned and an unzoned dateTime
        return False
