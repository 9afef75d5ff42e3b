"""Small questions about a dependency parse that every rule family asks.

These follow dependency labels (spaCy's English scheme), never the characters of a sentence.
"""
from __future__ import annotations

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = {"who", "which", "that", "whom"}


def subject_of(verb):
    """The subject of a verb: its own, else that of the verb it is coordinated with ('X was the
    host and led ...'); a relative pronoun stands for the noun its clause hangs on ('X, who led')."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return antecedent(child)
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        elif verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
            return verb.head
        else:
            return None
        seen += 1
    return None


def antecedent(token):
    """'who' in 'X, who led the side' stands for X."""
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def conjuncts(token) -> list:
    """The token and the tokens coordinated with it: 'X, Y and Z' -> [X, Y, Z]."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(conjuncts(child))
    return found


def object_of(verb, deps=("dobj", "attr", "oprd")):
    for child in verb.children:
        if child.dep_ in deps:
            return child
    return None


def prep_objects(token, prepositions: tuple[str, ...]) -> list:
    """Objects of the token's prepositions: 'team from [New Delhi]', 'side under [X]'."""
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in prepositions:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def modifiers(token) -> list:
    """The words that qualify a noun: 'the [Indian] side', '[India]'s delegation', 'the [US] team',
    'the team [from New Delhi]'."""
    found = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")]
    found += prep_objects(token, ("from", "of", "for"))
    return found


def named_by(token) -> list:
    """The token, and the names in apposition to it: 'his counterpart, Kristie Canegallo' ->
    [counterpart, Canegallo]; a person may be named by either."""
    return [token] + [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]


def in_clause(token, top, clauses: frozenset[str] | set[str]) -> bool:
    """Whether the path from a token up to `top` passes through a clause of its own (one of
    `clauses`, e.g. relcl, acl): words there describe something else."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in clauses:
            return True
        token = token.head
    return False
