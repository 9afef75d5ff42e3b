"""The errors ctkg raises. Each message says what happened, to what, and what to do next.

The CLI turns them into a message and an exit code: 0 success, 1 some data failed or did not
conform, 2 a usage or setup error.
"""
from __future__ import annotations


class KgError(Exception):
    """Base class: `str(error)` is the message a user sees."""

    exit_code = 2


class BadArticle(KgError):
    """An article that cannot be read as news text. The rest of a batch still loads."""

    exit_code = 1


class MissingPath(BadArticle):
    pass


class EmptyArticle(BadArticle):
    pass


class BinaryArticle(BadArticle):
    pass


class HugeArticle(BadArticle):
    pass


class NoArticles(KgError):
    pass


class UnknownQuery(KgError):
    pass


class UnknownEntity(KgError):
    pass


class BadQuery(KgError):
    pass


class QueryTimeout(KgError):
    pass


class StoreError(KgError):
    pass


def unreadable_store(path, error: BaseException) -> StoreError:
    """The StoreError for a store folder that Oxigraph could not open read-only: one whose
    creation was cut short (no CURRENT file, or column families missing) says how to finish it."""
    text = str(error)
    if "Column family not found" in text or ("CURRENT" in text and "No such file" in text):
        return StoreError(f"'{path}' is not a complete store: its creation was cut short (a kg build stopped "
                          f"while creating it). Run kg build --store {path} to finish it, or delete the folder.")
    return StoreError(f"'{path}' is not a readable store ({text}). Rebuild it with `kg build`, or point "
                      "--store at another folder.")


class BadGold(KgError):
    pass


class InconsistentOntology(KgError):
    exit_code = 1


class LoaderFault(BadArticle):
    """The loader itself failed on an article: a bug to report, not a fault of the article."""


class ParserMissing(KgError):
    """The trained English pipeline is missing or not the version the rules were written for."""


class BadPatternFile(KgError):
    """A line of a kg/patterns/ file that does not have the columns its file has."""


class BadRules(KgError):
    """A rule file that cannot be read: the message names the file and line."""


class UnknownFormat(KgError):
    """An export format kg does not write (`kg export --format`)."""


class UnknownGraph(KgError):
    """A graph selection (`--graph`) that names no graph of the store."""


class MalformedRdf(KgError):
    """An RDF file that does not parse: the message gives the line and column."""

    exit_code = 1


class UnsafeXml(KgError):
    """RDF/XML refused unread: an external DTD or entity, parameter entities or nested entities."""

    exit_code = 1


class MissingFile(KgError):
    """A file to import that is not there."""


class ServerUnreachable(StoreError):
    """The SPARQL server did not answer: refused, reset, timed out or gone."""


class ShapesNotSupported(KgError):
    """The shapes graph uses a SHACL feature this engine does not implement."""


class UnsupportedFormat(KgError):
    """A file name whose extension says a format kg cannot write."""


class NotInNetwork(UnknownEntity):
    """An entity the store knows that takes part in no relation of the network."""


class AmbiguousName(UnknownEntity):
    """A name that several entities, of different kinds, answer to: the message lists them."""
