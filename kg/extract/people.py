"""People the model's NER finds, with the title the parse attaches to them.

The title is read from the noun phrase, not from a list of positions: the words before the name
that modify it ('Deputy Director General [Ravi Kapoor]', "Pakistan's foreign office spokesperson
[X]") or an apposition after it ('[X], a Joint Secretary in the Ministry of External Affairs,').
Whether a title names a post is decided later, by the title words of kg/patterns/titles.txt.
"""
from __future__ import annotations

from dataclasses import dataclass

PRE_NOMINAL = {"compound", "amod", "poss", "case", "nmod", "punct"}


@dataclass(frozen=True)
class NamedPerson:
    start: int                 # character offsets in the sentence
    end: int
    title: str | None
    title_start: int | None    # where a title before the name begins (offset in the sentence)
    apposition: str | None = None   # a second title after the name, when one also precedes it


def named_people(doc) -> list[NamedPerson]:
    """Every PERSON entity of a sentence with at least two words, with its title if it has one."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len([t for t in ent if t.is_alpha]) < 2 or not ent.text[:1].isupper():
            continue
        if ent.text.isupper() and len(ent.text) > 4:
            continue  # an acronym or a shouted heading, not a name
        before = _title_before(ent)
        if before is not None:
            after = _apposition(ent)
            found.append(NamedPerson(ent.start_char, ent.end_char, before.text, before.start_char,
                                     after if after and after != before.text else None))
        else:
            found.append(NamedPerson(ent.start_char, ent.end_char, _apposition(ent), None))
    return found


def _title_before(ent):
    """The modifiers of the name's noun phrase to its left, from the first capitalised or title word."""
    root = ent.root
    i = ent.start
    doc = ent.doc
    while i > 0:
        token = doc[i - 1]
        if token.dep_ not in PRE_NOMINAL or not (token.head == root or token.head.i >= i - 1 and token.head.i < ent.end
                                                 or token.head.i in range(i - 1, ent.end)):
            break
        if token.dep_ == "punct" and token.text not in ("-", "’s", "'s"):
            break
        i -= 1
    while i < ent.start and (doc[i].dep_ in ("case", "punct") or doc[i].is_stop):
        i += 1
    return doc[i:ent.start] if i < ent.start else None


def _apposition(ent):
    """'X, a Joint Secretary in the Ministry of External Affairs, ...' -> that apposition's words."""
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            words = [t for t in child.subtree if not (t.dep_ == "relcl" or any(a.dep_ == "relcl" and a.i > child.i
                                                                                for a in t.ancestors))]
            span = ent.doc[words[0].i: words[-1].i + 1] if words else None
            if span is not None and span[0].lower_ in ("a", "an", "the"):
                span = span[1:]
            return span.text.strip(" ,") if span is not None and len(span) else None
    return None
