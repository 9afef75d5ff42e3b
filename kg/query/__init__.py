"""Ask the store questions: the named queries of queries/*.rq, free SPARQL, and their printing.

Reads the store, never writes it. Reading a store while another process (kg build) writes it is
undefined behaviour in Oxigraph: query a store between builds.

    kg.query.catalogue  the named queries, their headers parsed
    kg.query.engine     prefixes, the dataset a query sees, the VALUES template for parameters
    kg.query.labels     a user's text to IRIs, IRIs to the labels they print as
    kg.query.running    running a named query as its .rq file says
    kg.query.worker     free SPARQL in a worker process (kg.query_worker) with time and memory limits
    kg.query.formats    CSV, TSV, JSON and tables

The names callers use are importable from kg.query itself.
"""
from kg.query.catalogue import NamedQuery, Param, get_query, list_queries, load_query, parse_header
from kg.query.engine import (Result, Term, Value, bind_values, fill_template, iri_term, names_dataset, prefixes, run,
                             select, template, with_prefixes)
from kg.query.formats import boolean_to_json, literal_result, to_csv, to_json, to_table, to_tsv
from kg.query.labels import (bind_numbered, compact_iri, display, fetch_labels, literal_value, resolve_label)
from kg.query.running import RESERVED_PARAMS, numbered_rows, parameter_iris, run_named
from kg.query.worker import explain_syntax_error, refuse_updates, run_sparql
from kg.store.opening import store_folder


__all__ = ["NamedQuery", "Param", "get_query", "list_queries", "load_query", "parse_header", "Result", "Term", "Value",
           "bind_values", "fill_template", "iri_term", "names_dataset", "prefixes", "run", "select", "template",
           "with_prefixes", "boolean_to_json", "literal_result", "to_csv", "to_json", "to_table", "to_tsv",
           "bind_numbered", "compact_iri", "display", "fetch_labels", "literal_value", "resolve_label",
           "RESERVED_PARAMS", "numbered_rows", "parameter_iris", "run_named", "explain_syntax_error",
           "refuse_updates", "run_sparql", "store_folder"]
