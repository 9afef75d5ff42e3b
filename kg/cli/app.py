"""The `kg` command group and the options its commands share.

Commands live one module per command family beside this file; each is a thin layer that
parses options, calls one library function and prints. Results go to stdout; progress,
warnings and summaries to stderr.
"""
from __future__ import annotations

import functools
import sys

import click
from rich.console import Console
from rich.markup import escape

from kg.errors import KgError

# Messages are never cut or folded mid-path, and never read for emoji codes: 'xsd:date:' and
# 'urn:x:y' are RDF, not ':date:' and ':x:'. User text and RDF terms go through escape() or Text.
stderr = Console(stderr=True, soft_wrap=True, emoji=False)
stdout = Console(emoji=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ctkg")
def main() -> None:
    """ctkg: a knowledge graph of counter-terrorism cooperation, built from news articles.

    \b
    Example:
      kg build seeds/            # read the articles into the store (.kg/)
      kg query delegations       # ask a named question
    """


store_option = click.option(
    "--store",
    envvar="KG_STORE",
    default=".kg",
    show_default=True,
    help="The store: a folder (kg build creates it) or a SPARQL endpoint URL. Env: KG_STORE.",
)

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="How to print the results.",
)

output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to this file instead of stdout."
)


def reports_errors(command):
    """Turn a KgError into its message on stderr and its exit code; no traceback for users."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KgError as error:
            name = click.get_current_context().command_path
            stderr.print(f"[bold red]{escape(name)}:[/] {escape(str(error))}", highlight=False, markup=True)
            sys.exit(error.exit_code)

    return wrapper
