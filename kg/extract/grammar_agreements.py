"""Reading a document's name off the parse: the noun phrase its head noun heads, cleaned.

'the 1960 Lake Tana Water Accord' -> 'Lake Tana Water Accord'; 'an Amended Letter of Agreement
(ALOA) on drug control, signed by ...' -> 'Amended Letter of Agreement on drug control'. The
words kept are the head's modifiers on its left (not its article, possessor, year or a bare
adjective such as 'new') and, on its right, a number ('Resolution 2178') and the phrases that say
what the document is about ('of Agreement', 'on drug control'); never a clause, an apposition or
a coordinated second document.
"""
from __future__ import annotations

import re

LEFT_DROPPED = {"det", "poss", "predet", "case", "punct", "cc", "conj", "advmod", "prep"}
ABOUT = {"of", "on", "for", "against", "concerning", "regarding"}
INSIDE_DROPPED = {"relcl", "acl", "appos", "advcl", "parataxis"}
DOTTED = re.compile(r"\b((?:[A-Z]\.){2,})")


def name_head(token, kinds) -> object:
    """The noun whose phrase is the name: 'Annex' in 'General Security of Military Information
    Annex' is named by 'General Security ...'; 'Act' in 'Section 5 of the Y Act' by 'Section'."""
    while token.dep_ == "pobj" and token.head.lower_ == "of":
        outer = token.head.head
        if outer.pos_ not in ("NOUN", "PROPN") or not outer.text[:1].isupper():
            break
        if outer.lower_ not in kinds and outer.pos_ != "PROPN":
            break
        token = outer
    return token


def name_tokens(head, kinds=()) -> list:
    """The tokens of the document's name, in text order. `kinds` are the head nouns of documents:
    a second document coordinated inside the name ('Section 5 of the Y Act and Order 9') is left out."""
    kept = [head]
    left = [c for c in head.children if c.i < head.i and c.dep_ not in LEFT_DROPPED
            and not _is_year(c) and not _bare_adjective(c)]
    if left:
        start = min(x.i for c in left for x in _inside(c, kinds))
        kept.extend(head.doc[start:head.i])    # a noun's left modifiers are contiguous: 'Norway-Chile ... Initiative'
    for child in head.children:
        if child.i > head.i and child.dep_ == "prep" and child.lower_ in ABOUT:
            kept.extend(_inside(child, kinds))
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if after is not None and after.like_num and not _is_year(after):
        kept.append(after)
    return sorted(set(kept), key=lambda t: t.i)


def _inside(token, kinds=()) -> list:
    found = [token]
    children = list(token.children)
    other_document = any(c.dep_ == "conj" and c.lower_ in kinds for c in children)
    for child in children:
        if child.dep_ in INSIDE_DROPPED or (child.dep_ == "punct" and child.text in "()[],;"):
            continue
        if child.dep_ == "prep" and child.lower_ not in ABOUT:
            continue    # 'on maritime security [in Santiago]', 'cooperation [between X and Y]'
        if other_document and child.dep_ in ("conj", "cc"):
            continue
        found.extend(_inside(child, kinds))
    return found


def _is_year(token) -> bool:
    return token.like_num and token.text.isdigit() and len(token.text) == 4 and 1800 <= int(token.text) <= 2100


def _bare_adjective(token) -> bool:
    """'a new MoU', 'a landmark pact', 'two agreements': words that describe, not name."""
    if token.dep_ in ("nummod", "quantmod") and not token.text[:1].isdigit():
        return True
    return token.dep_ == "amod" and token.pos_ in ("ADJ", "VERB") and token.text.islower() and not list(token.children)


def text_of(tokens) -> str:
    """The name as written, its dotted abbreviations undotted ('U.N.' -> 'UN')."""
    text = ""
    for n, token in enumerate(tokens):
        gap = n + 1 < len(tokens) and tokens[n + 1].i == token.i + 1
        text += token.text + (token.whitespace_ if gap else " ")
    text = DOTTED.sub(lambda m: m.group(1).replace(".", ""), text.strip())
    return re.sub(r"\s+", " ", text).strip(" ,;:-")
