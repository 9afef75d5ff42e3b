"""`kg export`, `kg import`, `kg docs`: the graph out and in as RDF, and the ontology as HTML."""
from __future__ import annotations

import os
import sys
import time

import click
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from kg.cli.app import main, reports_errors, stderr, stdout, store_option

FORMAT_NAMES = ["turtle", "ntriples", "nquads", "trig", "jsonld", "xml"]
SELECTION_NAMES = ["all", "facts", "ontology", "reference", "inferred", "quarantine"]


@main.command()
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default=None,
              help="The RDF format (default: from the extension of -o, .ttl .nt .nq .trig .jsonld .rdf; "
                   "turtle on stdout). nquads, trig and jsonld keep the named graphs (one per article).")
@click.option("--graph", "selection", default="all", show_default=True, metavar="|".join(SELECTION_NAMES) + "|IRI",
              help="Which graphs: every graph, the articles' facts (with the reference descriptions they name), "
                   "the ontology, the reference data, "
                   "what the reasoner inferred, the articles kept aside, or the one graph with this IRI.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of stdout.")
@store_option
@reports_errors
def export(fmt: str | None, selection: str, output: str | None, store: str) -> None:
    """Write the graph as RDF: Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML.

    The export streams: a million triples are never all in memory. JSON-LD carries the
    project's context (ontology/context.jsonld), so it reads as plain JSON. Turtle, N-Triples
    and RDF/XML merge the selected graphs into one; to move a store, use nquads or trig. The
    facts (--graph facts) carry the reference descriptions of the entities they name.

    \b
    Example:
      kg export -o ctkg.nq
      kg export --graph facts -o facts.jsonld
    """
    from kg.export import export as run_export
    from kg.store import open_store

    started = time.perf_counter()
    opened = open_store(store, read_only=True)
    target = output if output else click.get_binary_stream("stdout")
    try:
        summary = run_export(opened, target, fmt, selection)
    except BrokenPipeError:   # the reader stopped early (kg export | head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    seconds = time.perf_counter() - started
    where = f" to {output}" if output else ""
    stderr.print(f"Exported {summary.quads} triples from {summary.graphs} graph(s) ({selection}) as {summary.format}{where} "
                 f"in {seconds:.1f} s.", highlight=False)


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default=None,
              help="The file's RDF format (default: from its extension).")
@click.option("--into", default=None, metavar="IRI",
              help="The graph for the file's triples that are in no named graph "
                   "(default: https://w3id.org/ctkg/graph/import/<file-stem>).")
@click.option("--replace", "replace", multiple=True, metavar="GRAPH",
              help="Let the file overwrite this graph of ctkg's own, which kg build writes (an IRI, or "
                   "ontology, reference, meta, inferred, articles, quarantine, all). Repeatable.")
@store_option
@reports_errors
def import_(file: str, fmt: str | None, into: str | None, replace: tuple[str, ...], store: str) -> None:
    """Load RDF from another system into a named graph of its own, validated graph by graph.

    The file's triples go into one graph (…/graph/import/<file-stem>, or --into), recorded in the
    meta graph with the file's name, digest and the time. A graph that fails the shapes is kept
    aside with its SHACL report (see kg validate); a file that does not parse is reported with
    its line, and nothing of it enters. RDF/XML with external entities or entity-expansion
    payloads is refused unexpanded. ctkg's own graphs (ontology, reference, meta, inferred,
    articles) are never overwritten unless --replace names them.

    \b
    Example:
      kg import their-data.ttl
      kg import backup.nq --store .kg-copy --replace all
    """
    from kg.importer import import_file
    from kg.store import open_store

    started = time.perf_counter()
    summary = import_file(open_store(store), file, fmt, into=into, replace=replace)
    seconds = time.perf_counter() - started
    table = Table(title=f"kg import {escape(file)} → {escape(store)}")
    for column in ("graph", "outcome", "triples"):
        table.add_column(column, overflow="fold")
    for outcome in summary.outcomes:
        table.add_row(Text(outcome.graph), outcome.status, str(outcome.triples))
    stderr.print(table)
    for outcome in summary.outcomes:
        if outcome.status == "kept aside":
            stderr.print(Text(f"{outcome.graph}: kept aside in {outcome.kept_in}: {outcome.message}\n"
                              "  See why with: kg validate", style="yellow"))
        elif outcome.status == "refused":
            stderr.print(Text(f"{outcome.graph}: refused: {outcome.message}", style="yellow"))
    stderr.print(f"Imported {summary.triples} triples in {seconds:.1f} s.", highlight=False)
    sys.exit(0 if summary.ok else 1)


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="The folder to write into (default: docs/ontology/ of the project, or of the "
                   "working folder when kg is installed from a wheel).")
@reports_errors
def docs(out_dir: str | None) -> None:
    """Render the ontology as HTML documentation with a figure of its main classes.

    Writes index.html and classes.svg; in a checkout, also refreshes the JSON-LD context
    ontology/context.jsonld from the ontology (an installed package ships it built).

    \b
    Example:
      kg docs            # then open docs/ontology/index.html
    """
    from pathlib import Path

    from kg.docs import DOCS_DIR, render_docs
    from kg.export import write_context
    from kg.paths import checkout_dir

    result = render_docs(Path(out_dir) if out_dir else DOCS_DIR)
    context = f"; JSON-LD context {write_context()}" if checkout_dir() else ""
    stdout.print(str(result.index), highlight=False)
    stderr.print(f"Documented {result.terms} terms: {result.index}, figure {result.figure}{context}.",
                 highlight=False)
