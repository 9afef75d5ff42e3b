"""Dependency questions the reactions family asks: who acts, which state a noun phrase names, and
what was said (spaCy's English labels, never character offsets)."""
from __future__ import annotations

import re

from kg.extract.grammar import antecedent, conjuncts

QUOTE = re.compile(r"[“\"‘]([^”\"’]{3,300})[”\"’]")
NP_LEFT = ("compound", "amod", "poss", "nmod", "npadvmod")
STANCE_DEPS = ("dobj", "ccomp", "oprd", "attr", "xcomp", "acomp")
# nouns for what an actor issues; the document speaks for its issuer
DOCUMENTS = {"statement", "readout", "message", "post", "tweet", "note", "release", "transcript", "communique",
             "communiqué", "letter", "comment", "comments", "remarks"}


def actor_tokens(verb, speaker=None) -> list:
    """Who acts: the named speaker, else the active subject of the verb or of the verb it hangs on
    ('X welcomed it, calling it ...'); the agent of a passive ('was rejected by X'). A document
    speaks for whoever issued it: 'according to a readout issued by X', 'a statement from X said',
    'X put out a statement saying ...'."""
    if speaker is not None:
        return conjuncts(_issuer(speaker) or speaker)
    seen = 0
    while verb is not None and seen < 3:
        for child in verb.children:
            if child.dep_ == "nsubj":
                return conjuncts(_issuer(child) or antecedent(child))
            if child.dep_ == "nsubjpass":
                agents = [c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
                return conjuncts(agents[0]) if agents else []
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in DOCUMENTS:
            issuer = _issuer(verb.head)
            if issuer is not None:
                return conjuncts(issuer)
            if verb.head.dep_ != "dobj":
                return []
            verb, seen = verb.head.head, seen + 1      # 'X issued a statement saying ...'
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
            return []
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return []
        verb, seen = verb.head, seen + 1
    return []


def _issuer(noun):
    """Who issued a document noun: 'a readout [issued by X]', 'a statement [from X]' (None when the
    noun is no document or names no issuer)."""
    if noun.lemma_.lower() not in DOCUMENTS:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ == "acl":
            agents = [c for a in child.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
            if agents:
                return agents[0]
    return None


def np_states(scene, i: int, token) -> list:
    """The states a noun phrase names around its head: "[Pakistan]'s Foreign Office", 'the
    [Chinese] ministry', '[State Department] spokesman X', 'X, the [State Department]'s official',
    'spokesperson of [India]'s ministry'. Relative clauses ('who was in India') are not read."""
    words = []
    for child in token.children:
        if child.dep_ in NP_LEFT and child.i < token.i or child.dep_ == "appos":
            words.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("of", "at", "in"):
            words.extend(t for t in child.subtree if t is not child)
    own = scene.thing_at(i, token)
    found = []
    for word in words:
        if word.dep_ in ("relcl", "acl") or any(a.dep_ in ("relcl", "acl") for a in word.ancestors if a.i != token.i
                                                 and token in a.ancestors):
            continue
        thing = scene.thing_at(i, word)
        if thing is None or (own is not None and thing.iri == own.iri):
            continue
        state = scene.state_of(i, word)
        if state is not None and state not in found:
            found.append(state)
    return found


def stance_of(anchor) -> str:
    """What was said: the quoted words, else the verb's object or clause, at most 200 characters."""
    sent = anchor.sent
    quoted = QUOTE.search(sent.text)
    if quoted:
        return _clean(quoted.group(1))
    if anchor.pos_ == "VERB":
        parts = [c for c in anchor.children if c.dep_ in STANCE_DEPS or (c.dep_ == "prep" and c.lower_ in ("as", "at", "to", "over"))]
        if parts:
            start = min(t.i for p in parts for t in p.subtree)
            end = max(t.i for p in parts for t in p.subtree)
            return _clean(anchor.doc[start:end + 1].text)
        return _clean(anchor.doc[anchor.i + 1:sent.end].text)
    root = sent.root
    return _clean(" ".join(t.text_with_ws for t in root.subtree if t.i > max(x.i for x in anchor.subtree)).strip())


def words_of(token) -> set[str]:
    """The lower-case words and lemmas of a token's subtree."""
    return {w for t in token.subtree for w in (t.lower_, t.lemma_.lower())}


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:\"'“”‘’")[:200]
