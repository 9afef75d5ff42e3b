"""How results print: CSV, TSV, SPARQL 1.1 Query Results JSON, a table."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Iterable

from pyoxigraph import BlankNode, Literal, NamedNode

from kg.query.engine import Result, Term, Value
from kg.query.labels import XSD


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(result: Result) -> str:
    """CSV with a header row of the column names."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_cell(value) for value in row] for row in result.rows)
    return out.getvalue()


def to_tsv(result: Result) -> str:
    """Tab-separated values with a header row; tabs and line breaks in values become spaces."""
    lines = ["\t".join(result.columns)]
    for row in result.rows:
        lines.append("\t".join(re.sub(r"[\t\r\n]+", " ", _cell(value)) for value in row))
    return "\n".join(lines) + "\n"


def to_json(result: Result) -> str:
    """The SPARQL 1.1 Query Results JSON format, from the RDF terms (IRIs, not labels)."""
    bindings = [
        {column: _json_term(term) for column, term in zip(result.columns, row) if term is not None}
        for row in result.terms
    ]
    document = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def boolean_to_json(answer: bool) -> str:
    return json.dumps({"head": {}, "boolean": bool(answer)}) + "\n"


def _json_term(term: Term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def to_table(result: Result, title: str | None = None):
    """A rich Table of the result (cells are plain text, never markup)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", show_lines=False)
    for column in result.columns:
        table.add_column(column)
    for row in result.rows:
        table.add_row(*(Text(_cell(value)) for value in row))
    return table


def literal_result(columns: Iterable[str], rows: Iterable[Iterable[str]]) -> Result:
    """A Result of plain strings (for listings printed with the same formats)."""
    text_rows = tuple(tuple(rows_item) for rows_item in rows)
    terms = tuple(tuple(Literal(value) for value in row) for row in text_rows)
    return Result(tuple(columns), text_rows, terms)
