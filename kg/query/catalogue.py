"""The catalogue of named queries: the files queries/NAME.rq, their headers parsed.

A named query is a file `queries/NAME.rq` that begins with a header:

    # title: Delegation leaders
    # question: Who led each state's delegation at each meeting?
    # param: meeting  a meeting, by label or alias (optional)
    # columns: meeting start state leader
    # example: kg query delegations --meeting "India-US Homeland Security Dialogue"

Its SELECT projects exactly the columns, in order, and its ORDER BY is the order of the rows.
Each parameter `name` appears in the query as the template `VALUES ?name { UNDEF }`, written
exactly so (kg.query.running.bind_values fills it with the IRIs the user's text names; left as it
is, the query runs unfiltered, as it does in `kg sparql` or over HTTP).
The internal queries kg runs itself are in kg/sparql/ (kg.paths.internal_query).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UnknownQuery
from kg.paths import QUERY_DIR


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: `--name VALUE`, the label or alias of an entity."""

    name: str
    description: str
    optional: bool


@dataclass(frozen=True)
class NamedQuery:
    """One queries/NAME.rq file: its header, parsed, and its SPARQL text."""

    name: str
    title: str
    question: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    example: str
    text: str

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)



def parse_header(name: str, text: str) -> NamedQuery:
    """The NamedQuery of the .rq `text`, from its leading `# key: value` comment lines."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = re.match(r"#\s*(\w+):\s*(.*)$", line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            param_name, _, description = value.partition(" ")
            description = description.strip()
            params.append(Param(param_name, description, "(optional)" in description))
        else:
            fields[key] = value
    return NamedQuery(
        name=name,
        title=fields.get("title", ""),
        question=fields.get("question", ""),
        params=tuple(params),
        columns=tuple(fields.get("columns", "").split()),
        example=fields.get("example", ""),
        text=text,
    )


def load_query(path: Path) -> NamedQuery:
    return parse_header(path.stem, path.read_text(encoding="utf-8"))


def list_queries(query_dir: Path | None = None) -> list[NamedQuery]:
    """The named queries analysts can run, by name (internal `_` files left out)."""
    folder = query_dir or QUERY_DIR
    return [load_query(path) for path in sorted(folder.glob("*.rq")) if not path.stem.startswith("_")]


def get_query(name: str, query_dir: Path | None = None) -> NamedQuery:
    """The named query `name`; UnknownQuery, with the closest names, if there is none."""
    path = (query_dir or QUERY_DIR) / f"{name}.rq"
    if re.fullmatch(r"[A-Za-z0-9][\w-]*", name) and path.is_file():
        return load_query(path)   # without reading every other query file
    queries = {query.name: query for query in list_queries(query_dir)}
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f" Did you mean {either(close)}?" if close else ""
    raise UnknownQuery(f"no query named '{name}'.{hint} (kg query --list shows them all)")


def either(names: list[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


