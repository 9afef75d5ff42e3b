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


class BadGold(KgError):
    pass


class InconsistentOntology(KgError):
    exit_code = 1


class LoaderFault(BadArticle):
    """The loader itself failed on an article: a bug to report, not a fault of the article."""


class ParserMissing(KgError):
    """The trained English pipeline is missing or not the version the rules were written for."""


class BadRules(KgError):
    """A rule file that cannot be read: the message names the file and line."""
