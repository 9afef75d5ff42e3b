"""`kg query`, `kg sparql`, `kg serve`: ask the store questions, and serve it read-only."""
from __future__ import annotations

import signal
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from kg import query as q
from kg.cli.app import format_option, main, output_option, reports_errors, stderr, stdout, store_option
from kg.store import open_store
from kg.errors import BadQuery
from kg.query_worker import DEFAULT_MEMORY_MB


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("name", required=False)
@click.option("--list", "show_list", is_flag=True, help="List the named queries, their parameters and examples.")
@click.option("--iris", is_flag=True, help="Print IRIs instead of labels.")
@click.option(
    "--sparql", "show_sparql", is_flag=True, help="Print the query's SPARQL (with PREFIX lines) instead of running it."
)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD",
              help="Answer from the graph as reported up to this date: only articles published by then.")
@store_option
@format_option
@output_option
@click.pass_context
@reports_errors
def query(ctx: click.Context, name, show_list, iris, show_sparql, as_of, store, fmt, output) -> None:
    """Ask a named question: kg query NAME [--PARAM VALUE ...].

    A parameter names an entity by any of its labels or aliases (or its IRI).
    `kg query --list` shows every question, its parameters and an example.

    \b
    Example:
      kg query delegations --state India
      kg query attacks --group LeT --format csv > attacks.csv
      kg query timeline --actor Pakistan --as-of 2020-01-01
    """
    if show_list or not name:
        _print(_listing(), fmt, output, title="Named queries (kg query NAME [--PARAM VALUE ...])")
        return
    named = q.get_query(name)
    params = parse_params(ctx.args, named)
    if show_sparql:
        _write(q.with_prefixes(named.text), output)
        return
    result = q.run_named(open_store(store, read_only=True), name, params, iris=iris, as_of=as_of)
    _print(result, fmt, output, title=named.title)
    stderr.print(f"{len(result)} row{'s' if len(result) != 1 else ''}.", highlight=False)


def parse_params(args: list[str], named: q.NamedQuery) -> dict[str, str]:
    """`--state India --meeting=X` -> {'state': 'India', 'meeting': 'X'}. run_named then checks
    the names against the query's header."""
    params: dict[str, str] = {}
    tokens = list(args)
    while tokens:
        token = tokens.pop(0)
        if not token.startswith("--") or len(token) < 3:
            raise BadQuery(f"unexpected '{token}': give parameters as --NAME VALUE. Example: {named.example}")
        key, has_value, value = token[2:].partition("=")
        key = key.replace("-", "_")
        if not has_value:
            if not tokens:
                raise BadQuery(f"--{key} needs a value. Example: {named.example}")
            value = tokens.pop(0)
        if key in params:
            raise BadQuery(f"--{key} is given twice; give it once.")
        params[key] = value
    return params


def _listing() -> q.Result:
    rows = []
    for named in q.list_queries():
        params = " ".join(f"--{p.name}" + ("" if p.optional else " (required)") for p in named.params)
        rows.append((named.name, named.question, params, " ".join(named.columns), named.example))
    return q.literal_result(("name", "question", "parameters", "columns", "example"), rows)


def _print(result: q.Result, fmt: str, output: str | None, *, title: str | None = None) -> None:
    if fmt == "table":
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                Console(file=handle, width=200, color_system=None, emoji=False).print(q.to_table(result, title))
        else:
            stdout.print(q.to_table(result, title))
        return
    text = {"csv": q.to_csv, "tsv": q.to_tsv, "json": q.to_json}[fmt](result)
    _write(text, output)


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("query_text", metavar="QUERY|FILE")
@click.option(
    "--timeout",
    type=float,
    default=30.0,
    show_default=True,
    help="Stop a query that runs longer than this many seconds.",
)
@click.option("--max-memory", type=click.IntRange(min=64), default=DEFAULT_MEMORY_MB, show_default=True,
              metavar="MB", help="Stop a query that needs more memory than this many megabytes.")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE clauses call the servers they name (refused by default: nothing is sent out).")
@store_option
@format_option
@output_option
@reports_errors
def sparql(query_text, timeout, max_memory, allow_service, store, fmt, output) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over all the named graphs.

    QUERY|FILE is the query itself, a file holding it, or - for stdin. The prefixes ctkg:,
    id:, skos:, rdf:, rdfs:, owl:, xsd:, prov:, org:, sem:, schema:, time:, wd: and dcterms:
    need no PREFIX line. Updates are refused: the store changes only through kg build.
    CONSTRUCT and DESCRIBE print Turtle (JSON-LD with --format json). The default graph is
    the union of the named graphs, unless the query says FROM or FROM NAMED. SERVICE clauses
    are refused unless --allow-service. The query runs in a worker process that is stopped at
    --timeout or --max-memory.

    \b
    Example:
      kg sparql "SELECT ?s ?label WHERE { ?s a ctkg:State ; skos:prefLabel ?label }"
      kg sparql queries/delegations.rq --format csv
    """
    text = _query_source(query_text)
    answer = q.run_sparql(store, text, timeout_s=timeout, allow_service=allow_service, max_memory_mb=max_memory)
    if isinstance(answer, bool):
        _write(q.boolean_to_json(answer) if fmt == "json" else ("true\n" if answer else "false\n"), output)
    elif isinstance(answer, q.Result):
        _print(answer, fmt, output)
        stderr.print(f"{len(answer)} row{'s' if len(answer) != 1 else ''}.", highlight=False)
    else:
        _write(answer.serialize(format="json-ld" if fmt == "json" else "turtle"), output)
        stderr.print(f"{len(answer)} triple{'s' if len(answer) != 1 else ''}.", highlight=False)


def _query_source(argument: str) -> str:
    if argument == "-":
        return click.get_text_stream("stdin").read()
    path = Path(argument)
    if len(argument) < 1024 and "\n" not in argument and path.is_file():
        return path.read_text(encoding="utf-8")
    if argument.endswith(".rq") and " " not in argument:
        raise BadQuery(f"no query file '{argument}'. Check the path, or give the query text itself.")
    return argument


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=int, default=7878, show_default=True, help="The port to listen on.")
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help="Stop a query that runs longer than this many seconds (the client gets HTTP 503).",
)
@click.option("--max-memory", type=click.IntRange(min=64), default=DEFAULT_MEMORY_MB, show_default=True,
              metavar="MB", help="Stop a query that needs more memory than this many megabytes (HTTP 503).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Queries answered at once (one process each).")
@click.option("--cors", multiple=True, metavar="ORIGIN",
              help="Let web pages from this origin (e.g. http://localhost:8080, or *) read the answers. Repeatable.")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE clauses call the servers they name (refused with HTTP 403 by default).")
@reports_errors
def serve(store, host, port, timeout, max_memory, workers, cors, allow_service) -> None:
    """Serve the store as a read-only SPARQL endpoint, until Ctrl-C.

    Queries see the union of the named graphs unless they say FROM or FROM NAMED; updates and
    SERVICE clauses are refused (HTTP 403); a query past --timeout or --max-memory is stopped
    and answered HTTP 503. Do not run kg build on the same store while it is served: the
    endpoint reads the store as it was when it started.

    \b
    Example:
      kg serve --port 7878
      curl 'http://127.0.0.1:7878/query' --data-urlencode 'query=ASK { ?s ?p ?o }'
    """
    from kg.journal import build_running
    from kg.serve import start_server

    # `kill` (SIGTERM) stops the server as Ctrl-C does.
    signal.signal(signal.SIGTERM, _interrupt)
    if build_running(store):
        stderr.print(Text(f"Warning: kg build is writing '{store}' now; the endpoint will answer from the store "
                          "as it is at this moment. Serve it again when the build has finished.", style="yellow"))
    with start_server(store, host, port, timeout, cors=cors, allow_service=allow_service, workers=workers,
                      max_memory_mb=max_memory) as server:
        try:
            stderr.print(Text(
                f"Serving '{store}' read-only. SPARQL endpoint: {server.url}\n"
                f"Open {server.home} in a browser for a query form. Press Ctrl-C to stop."))
            click.echo(server.url)
            server.wait()
        except KeyboardInterrupt:
            stderr.print("Stopping the server.", highlight=False)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
