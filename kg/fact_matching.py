"""How the evaluator compares a gold fact with a graph fact (kg/evaluate.py): names folded or
loosely worded, dates by prefix, classes by local name, counts as numbers, and the largest
one-to-one matching of gold facts to graph facts in an article."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from kg.vocab import slug

if TYPE_CHECKING:
    from kg.evaluate import FieldSpec, GoldFact, GraphFact, KindSpec, Value


def compared_name(text: str) -> str:
    """A name without case, accents, spaces, hyphens, apostrophes or other punctuation."""
    return slug(text).replace("-", "")


def loose_words(text: str) -> str:
    """Lower-cased words for loose comparison; "U.S." and "United States" both become "us"."""
    words = " ".join(slug(text.replace(".", "")).split("-"))
    return re.sub(r"\bunited states\b", "us", words)


def field_matches(field: FieldSpec, wanted, values: frozenset[Value]) -> bool:
    if field.compare == "bool":
        return wanted == any(v.text.lower() in ("true", "1") for v in values)
    if field.compare == "date":
        return any(v.text.startswith(wanted) for v in values)
    if field.compare == "int":
        return any(v.text.strip().lstrip("+").isdigit() and int(v.text) == wanted for v in values)
    if field.compare == "class":
        return any(re.split(r"[#/]", v.text)[-1] == wanted for v in values)
    names = wanted if isinstance(wanted, tuple) else (wanted,)
    if field.compare == "name":
        keys = {compared_name(name) for name in names}
        return any(compared_name(label) in keys for v in values for label in v.labels)
    return any(fuzz.token_set_ratio(loose_words(name), loose_words(label)) >= field.threshold
               for name in names for v in values for label in v.labels)


def fact_matches(spec: KindSpec, gold: GoldFact, graph: GraphFact) -> bool:
    """Whether every field the gold fact gives matches the graph fact."""
    by_name = {f.name: f for f in spec.fields}
    return all(field_matches(by_name[name], wanted, graph.get(name)) for name, wanted in gold.fields)


def max_matching(edges: list[list[int]]) -> dict[int, int]:
    """The largest one-to-one matching of gold facts to graph facts: {graph index: gold index}."""
    owner: dict[int, int] = {}

    def augment(gold_index: int, seen: set[int]) -> bool:
        for graph_index in edges[gold_index]:
            if graph_index in seen:
                continue
            seen.add(graph_index)
            if graph_index not in owner or augment(owner[graph_index], seen):
                owner[graph_index] = gold_index
                return True
        return False

    for gold_index in range(len(edges)):
        augment(gold_index, set())
    return owner
