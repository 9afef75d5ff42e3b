"""The `kg` command line. Each command family registers itself on `main` when imported."""
from kg.cli.app import main

# Command modules register on import; add a module here when a command family lands.
from kg.cli import build, linked_data, network, query  # noqa: E402,F401
from kg.cli import shacl  # noqa: E402,F401
from kg.cli import brief  # noqa: E402,F401

__all__ = ["main"]
