"""RDF/XML checked whole by a hardened XML parser before the RDF/XML parser reads it.

    refuse_unsafe_xml(path)      # UnsafeXml naming the construct, MalformedRdf with the line

The whole document goes through defusedxml's expat reader (external references forbidden), with
checks of our own on every declaration it meets, wherever it sits in the file (a DOCTYPE after a
megabyte of comments is read like one on the first line):

- a DOCTYPE that loads an external DTD (SYSTEM or PUBLIC),
- an external entity (SYSTEM or PUBLIC), an unparsed entity, a parameter entity,
- an entity whose replacement text holds another reference or markup (the nesting a "billion
  laughs" payload needs, including one hidden behind a character reference such as `&#38;`),
- an entity longer than ENTITY_VALUE_LIMIT characters,
- and, as the document is read, text that entities make grow beyond the file's own size plus
  EXPANSION_ALLOWANCE characters (many uses of a long entity),

are refused before anything is expanded further. Simple text entities (`<!ENTITY rdf "http://...">`,
as ontology editors write them) pass. The reader keeps nothing of the document: its memory does not
grow with the file.
"""
from __future__ import annotations

from pathlib import Path
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from defusedxml.common import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from kg.errors import MalformedRdf, UnsafeXml

ENTITY_VALUE_LIMIT = 4096       # characters of one entity's replacement text
EXPANSION_ALLOWANCE = 1 << 20   # characters that entities may add beyond the file's own size
READ_CHUNK = 1 << 16


class _Refused(Exception):
    """Raised from inside the parser's handlers: stops the parse at once."""


class _HardenedReader(DefusedExpatParser):
    """defusedxml's expat reader, external references forbidden, with every DOCTYPE and entity
    declaration checked as the parser meets it."""

    def __init__(self) -> None:
        super().__init__(forbid_dtd=False, forbid_entities=False, forbid_external=True)

    def reset(self) -> None:
        super().reset()
        self._parser.StartDoctypeDeclHandler = self._doctype
        self._parser.EntityDeclHandler = self._entity
        self._parser.UnparsedEntityDeclHandler = self._unparsed

    @staticmethod
    def _doctype(name, system_id, public_id, has_internal_subset) -> None:
        if system_id or public_id:
            raise _Refused("its DOCTYPE loads an external DTD (SYSTEM or PUBLIC)")

    @staticmethod
    def _entity(name, is_parameter, value, base, system_id, public_id, notation) -> None:
        if is_parameter:
            raise _Refused(f"it declares a parameter entity (%{name})")
        if value is None:
            kind = "SYSTEM" if system_id else "PUBLIC"
            raise _Refused(f"it declares an external entity (&{name}; {kind} ...), which would make a "
                           "parser read another file or URL")
        if "&" in value or "<" in value:
            raise _Refused(f"its entity &{name}; expands other entities or markup: the shape of an "
                           "entity-expansion ('billion laughs') payload")
        if len(value) > ENTITY_VALUE_LIMIT:
            raise _Refused(f"its entity &{name}; is {len(value)} characters long")

    @staticmethod
    def _unparsed(name, base, system_id, public_id, notation) -> None:
        raise _Refused(f"it declares an unparsed external entity (&{name}; NDATA {notation})")


class _TextBudget(ContentHandler):
    """Counts the characters the parser delivers (entities expanded) against the file's size."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.seen = 0

    def characters(self, content: str) -> None:
        self.seen += len(content)
        if self.seen > self.limit:
            raise _Refused("its entities would expand to far more text than the file holds "
                           "(an entity-expansion payload)")


def refuse_unsafe_xml(path: str | Path) -> None:
    """UnsafeXml if the XML file holds a construct that could make a parser read other files or
    URLs or expand text without bound; MalformedRdf (with line and column) if it is not
    well-formed XML. Reads the whole file in chunks and keeps none of it."""
    path = Path(path)
    reader = _HardenedReader()
    reader.setContentHandler(_TextBudget(path.stat().st_size + EXPANSION_ALLOWANCE))
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(READ_CHUNK):
                reader.feed(chunk)
            reader.close()
    except _Refused as refusal:
        raise unsafe(path, str(refusal)) from None
    except DefusedXmlException as error:   # an external reference the reader met
        raise unsafe(path, f"it refers to an external resource ({type(error).__name__}: {error})") from None
    except SAXParseException as error:
        raise MalformedRdf(f"{path}: not valid RDF/XML at line {error.getLineNumber()}, column "
                           f"{error.getColumnNumber() + 1}: {error.getMessage()}.\n"
                           "  Nothing was imported. Fix the file there and run kg import again.") from None


def unsafe(path: Path, reason: str) -> UnsafeXml:
    return UnsafeXml(f"{path}: refused: {reason}. Nothing was imported and nothing was expanded.\n"
                     "  Remove the DOCTYPE, or export the data as Turtle or N-Triples, and run kg import again.")
