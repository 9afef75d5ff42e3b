"""Dependency questions the groups-named family asks: which groups a list names, and who names
them (spaCy's English labels; the list of names is also read over the mentions, since the parser
often breaks a long list of hyphenated names)."""
from __future__ import annotations

import re

from kg.extract.grammar import antecedent

# prepositions that open the members of a class: 'groups including X', 'groups such as X', 'like X'
INCLUDING = {"including", "include", "like", "as", "notably", "especially", "namely", "particularly"}
# what joins two names of one list: commas, 'and', 'or', 'as well as', a bracketed alias, 'the'
LIST_GAP = re.compile(r"^[\s,;/()]*(?:(?:and|or|as well as|along with|plus)\s+)?(?:the\s+)?[\s(]*$", re.I)
# a name modifies another noun: 'LeT operative X', 'JeM chief X', "LeT's operations manager"
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "nummod"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "csubj"}


def list_tokens(token) -> list:
    """The token and what stands in a list with it: conjuncts, appositions and the members a
    class noun opens ('groups including X and Y'); never words inside a clause of its own."""
    found, todo = [], [token]
    while todo:
        word = todo.pop()
        if word in found:
            continue
        found.append(word)
        for child in word.children:
            if child.dep_ in ("conj", "appos", "npadvmod", "dep"):
                todo.append(child)
            elif child.dep_ == "prep" and child.lower_ in INCLUDING:
                todo.extend(c for c in child.children if c.dep_ in ("pobj", "dobj"))
    return found


def modifies_other_noun(token, same, other_name) -> bool:
    """'LeT' in 'LeT operative X', "LeT's chief": the name qualifies a common noun or a person's
    name outside its own mention (`same(word)`: the word is inside the mention; `other_name(word)`:
    the word is in a mention that is no person's, which a broken parse of a list may hang it on)."""
    while token.dep_ in MODIFIER_DEPS or (token.dep_ == "punct" and same(token.head)):
        head = token.head
        if head.i == token.i:
            return False
        if not same(head):
            return token.dep_ != "nummod" and (head.pos_ == "NOUN" or not other_name(head))
        token = head
    return False


def list_span(things: list, first, text: str) -> list:
    """The mentions of one list in text order around `first`: each pair apart only by list
    punctuation ('X, Y (Z) and the W')."""
    things = sorted(things, key=lambda t: t.start)
    at = next((n for n, t in enumerate(things) if t is first), None)
    if at is None:
        return [first]
    found = [first]
    for n in range(at + 1, len(things)):
        if not LIST_GAP.match(text[things[n - 1].end:things[n].start]):
            break
        found.append(things[n])
    for n in range(at - 1, -1, -1):
        if not LIST_GAP.match(text[things[n].end:things[n + 1].start]):
            break
        found.insert(0, things[n])
    return found


def governing_subjects(token, asking: set[str]) -> list:
    """Who does what a word belongs to: the subjects of the nearest verb above it that has one, past
    the addressee of a verb of asking ('urged Pakistan to act against X' is the urger's), and past
    a subject that holds the word itself; the agent of a passive. A broken parse of a long list
    may give a verb two subjects; all are returned. Empty when no verb above has one."""
    word = token
    for _ in range(8):
        verb = word
        if verb.pos_ in ("VERB", "AUX"):
            subjects = _subjects_here(verb, token)
            if subjects and not (verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.lemma_.lower() in asking):
                return subjects
        if word.head.i == word.i:
            return []
        word = word.head
    return []


def _subjects_here(verb, inside) -> list:
    found = []
    for child in verb.children:
        if child.dep_ == "nsubj" and not _contains(child, inside):
            found.append(antecedent(child))
        if child.dep_ == "nsubjpass":
            agents = [c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
            found.extend(agents[:1] if agents else ([] if _contains(child, inside) else [child]))
    return found


def _contains(top, token) -> bool:
    return top.left_edge.i <= token.i <= top.right_edge.i
