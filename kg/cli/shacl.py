"""`kg shacl`: validate any RDF file against any shapes with the project's SHACL engine."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import click
import pyoxigraph as ox
from rich.markup import escape

from kg.cli.app import main, stderr
from kg.errors import KgError, MalformedRdf, MissingFile
from kg.export import FORMATS
from kg.importer import FORMAT_NAMES, guess_format, refuse_unsafe_xml
from kg.shacl import Shapes
from kg.shacl.report import FORMATS as REPORT_FORMATS, serialize


def read_triples(path: str, what: str) -> list[tuple]:
    """The triples of an RDF file (every graph of a dataset), its blank nodes its own."""
    file = Path(path)
    if not file.is_file():
        raise MissingFile(f"{path}: no such {what} file. Check the path and run kg shacl again.")
    fmt = guess_format(file)
    if fmt == "xml":
        refuse_unsafe_xml(file)
    try:
        return [(q.subject, q.predicate, q.object)
                for q in ox.parse(path=str(file), format=FORMATS[fmt], rename_blank_nodes=True)]
    except SyntaxError as error:
        where = f" at line {error.lineno}, column {error.offset}" if error.lineno is not None else ""
        detail = re.sub(r"^Parser error (at|between) line \d+ (column \d+|between columns \d+ and \d+)( and line \d+ column \d+)?:\s*", "",
                        str(error.msg or error))
        raise MalformedRdf(f"{path}: the {what} are not valid {FORMAT_NAMES[fmt]}{where}: {detail}. "
                           "Fix the file and run kg shacl again.") from None
    except UnicodeDecodeError as error:
        raise MalformedRdf(f"{path}: not UTF-8 text ({error.reason} at byte {error.start}). "
                              "Save the file as UTF-8 and run kg shacl again.") from None


@main.command("shacl")
@click.argument("data", type=click.Path(dir_okay=False))
@click.option("--shapes", required=True, type=click.Path(dir_okay=False),
              help="The shapes graph (any RDF file: .ttl, .nt, .nq, .trig, .jsonld, .rdf).")
@click.option("--context", "contexts", multiple=True, type=click.Path(dir_okay=False),
              help="An RDF file added to the data graph whose own nodes are not reported on (the "
                   "ontology's class hierarchy, reference data). Repeat for several.")
@click.option("--format", "fmt", type=click.Choice(list(REPORT_FORMATS)), default="turtle", show_default=True,
              help="The validation report's format.")
def shacl(data: str, shapes: str, contexts: tuple[str, ...], fmt: str) -> None:
    """Validate the RDF file DATA against the SHACL shapes in --shapes; print the W3C validation
    report (sh:ValidationReport) on stdout.

    With --context, the triples of other files join the data graph (so that sh:class sees the
    ontology's rdfs:subClassOf, say), but their own nodes are not reported on.

    \b
    Exit codes: 0 conforms, 1 does not conform, 2 the shapes use a feature the engine
    refuses, or a file is missing or unreadable (the message is on stderr).
    \b
    Example:
      kg shacl mydata.ttl --shapes ontology/shapes.ttl --context ontology/ctkg.ttl
      kg shacl mydata.jsonld --shapes myshapes.ttl --format json-ld
    """
    try:
        compiled = Shapes.compile(read_triples(shapes, "shapes"))
        context = [t for path in contexts for t in read_triples(path, "context triples")]
        results = compiled.check(read_triples(data, "data"), context)
    except KgError as error:
        stderr.print(f"[bold red]kg shacl:[/] {escape(str(error))}", highlight=False, markup=True)
        sys.exit(2)
    sys.stdout.buffer.write(serialize(results, fmt))
    sys.stdout.flush()
    sys.exit(1 if results else 0)
