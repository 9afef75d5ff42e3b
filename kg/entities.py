"""Mentions -> entities: one entity per real actor, within the article and across the store.

- Known actors resolve to their reference IRI; so do known people (ontology/reference/people.ttl),
  by a full name the reference lists or by first and last name, and they act for the state the
  reference gives them: "President X" names no state, the reference does.
- People: "Nathan Sales" = "Nathan A Sales" (initials dropped), "Panun" = "Pannun" (doubled
  letters folded), "Tahawwur Rana" = "Tahawwur Hussain Rana" (middle names optional), and a lone
  "Bhalla" or "Khan" after the full name in the same article. Two people who share only a
  surname are not merged. This stage reads nothing but its article and the reference data; the
  person's name key (`ctkg:nameKey`) is what the resolution stage (kg/resolve.py) joins across
  articles.
- Each person gets the posts the article gives them: title, organization, state.
"""
from __future__ import annotations

import re
from dataclasses import replace, dataclass, field
from functools import lru_cache
from types import MappingProxyType


from kg.article import Article
from kg.mentions import Mention, title_words
from kg.pattern_files import table
from kg.reference import ReferenceIndex, normalise, reference_index, token_norm, tokens
from kg.terms import NamedNode, ctkg, mint

ORG_CLASSES = {ctkg.GovernmentAgency, ctkg.InternationalOrganization, ctkg.TerroristGroup,
               ctkg.SeparatistMovement, ctkg.NewsAgency}

@dataclass(frozen=True)
class Post:
    title: str
    organization: NamedNode | None
    state: NamedNode | None
    sentence: int
    rule: str


@dataclass
class Entity:
    iri: NamedNode
    cls: NamedNode
    label: str
    known: bool                      # from the reference data or already in the store
    aliases: set[str] = field(default_factory=set)
    name_key: str | None = None
    state: NamedNode | None = None      # for people: the state they act for
    state_sentence: int | None = None
    posts: list[Post] = field(default_factory=list)
    first_sentence: int = 0


@dataclass
class ArticleEntities:
    entities: dict[NamedNode, Entity]
    mentions: list[tuple[Mention, NamedNode]]     # every kept mention with its entity, in text order

    def in_sentence(self, index: int) -> list[tuple[Mention, NamedNode]]:
        return [(m, iri) for m, iri in self.mentions if m.sentence == index]

    def of_class(self, cls: NamedNode) -> list[Entity]:
        return [e for e in self.entities.values() if e.cls == cls]


def name_key(name: str) -> str:
    """First and last name, lower case, middle initials dropped, doubled letters folded; a
    name given by initials alone keeps them as its first part ('R K Mehta' = 'R.K. Mehta')."""
    parts = _name_parts(name)
    if not parts:
        return ""
    chosen = [parts[0], parts[-1]] if len(parts) > 1 else parts
    return "-".join(chosen)


@lru_cache(maxsize=1 << 14)
def _name_parts(name: str) -> tuple[str, ...]:
    """The folded parts of a name, as name_key compares them (cached: a name recurs in every
    comparison of a batch): leading initials joined into one part, later ones dropped."""
    words = [token_norm(t) for t, _, _ in tokens(name)]
    lead = 0
    while lead < len(words) - 1 and len(words[lead]) == 1:
        lead += 1
    parts = (["".join(words[:lead])] if lead > 1 else []) + [w for w in words[lead:] if len(w) > 1]
    return tuple(re.sub(r"(.)\1+", r"\1", p) for p in parts)


def find_entities(article: Article, mentions: list[Mention], index: ReferenceIndex | None = None) -> ArticleEntities:
    """One entity per actor the article names: its mentions joined within the article, people with
    the posts it gives them."""
    index = index or reference_index()
    entities: dict[NamedNode, Entity] = {}
    kept: list[tuple[Mention, NamedNode]] = []
    for m in mentions:
        if m.iri is not None:
            ent = entities.get(m.iri)
            if ent is None:
                ent = entities[m.iri] = Entity(m.iri, m.cls, m.label or m.text, True,
                                               first_sentence=m.sentence)
            kept.append((m, m.iri))
    people = sorted((m for m in mentions if m.kind == "person"),
                    key=lambda m: (-len(_name_parts(m.text)), m.start))
    candidates = sorted((m for m in mentions if m.kind == "candidate"),
                        key=lambda m: (-len(_name_parts(m.text)), m.start))
    for m in people + candidates:
        iri = _reference_person(m, entities, index)
        if iri is None and m.kind == "candidate":
            iri = _known_person(m, entities, index)
        elif iri is None:
            iri = _person(m, entities, index)
        if iri is None:
            continue
        kept.append((m, iri))
        person = entities[iri]
        person.aliases.add(m.text)
        person.first_sentence = min(person.first_sentence, m.sentence)
        if m.title:
            _add_post(article, person, m, mentions, index)
        if m.apposition:
            _add_post(article, person, replace(m, title=m.apposition, title_start=None, apposition=None), mentions, index)
    kept.sort(key=lambda pair: pair[0].start)
    return ArticleEntities(entities, kept)


def _reference_person(m: Mention, entities: dict[NamedNode, Entity], index: ReferenceIndex,
                      iri: NamedNode | None = None) -> NamedNode | None:
    """A person of the reference data (ontology/reference/people.ttl), named by one of its full
    names, or by first and last name (`iri`, as minted): an entity with the reference's label
    and the state it acts for, whatever state the article's titles give."""
    known = index.person(m.text) if iri is None else index.known.get(iri)
    if known is None or known.cls != ctkg.Person:
        return None
    if known.iri not in entities:
        entities[known.iri] = Entity(known.iri, ctkg.Person, known.label, True, name_key=name_key(known.label),
                                     state=index.person_states.get(known.iri), state_sentence=m.sentence,
                                     first_sentence=m.sentence)
    return known.iri


def _minted_person(text: str) -> NamedNode:
    """The IRI a name is given: its first and last name ('S. Jaishankar' -> person/jaishankar)."""
    first_last = [t for t, _, _ in tokens(text) if len(token_norm(t)) > 1] or [text]
    return mint("person", " ".join(dict.fromkeys([first_last[0], first_last[-1]])))


def _person(m: Mention, entities: dict[NamedNode, Entity], index) -> NamedNode | None:
    parts = _name_parts(m.text)
    if not parts:
        return None
    people = [e for e in entities.values() if e.cls == ctkg.Person]
    if len(parts) == 1 and len(tokens(m.text)) == 1:
        # A lone surname (or given name) refers back to one full name of this article.
        matches = [p for p in people if parts[0] in _name_parts(p.label)]
        return matches[0].iri if len(matches) == 1 else None
    key = name_key(m.text)
    for p in people:
        if p.name_key == key and _compatible(parts, _name_parts(p.label)):
            return p.iri
    iri = _minted_person(m.text)
    if _reference_person(m, entities, index, iri) is not None:
        return iri    # 'Narendra D. Modi': a known person's first and last name
    entities[iri] = Entity(iri, ctkg.Person, m.text, False, name_key=key, first_sentence=m.sentence)
    return iri


def _known_person(m: Mention, entities: dict[NamedNode, Entity], index) -> NamedNode | None:
    """A name with no cue of its own ('the extradition of Tahawwur Rana', 'Rana's appeal') is a
    person only if it names one already met: in this article or in the reference data."""
    parts = _name_parts(m.text)
    people = [e for e in entities.values() if e.cls == ctkg.Person]
    if len(parts) == 1:
        matches = [p for p in people if parts[0] == _name_parts(p.label)[-1]]
        return matches[0].iri if len(matches) == 1 else None
    if len(parts) < 2:
        return None
    key = name_key(m.text)
    for p in people:
        if p.name_key == key and _compatible(parts, _name_parts(p.label)):
            return p.iri
    return _reference_person(m, entities, index, _minted_person(m.text))


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names may be absent from one form: 'tahawur rana' ~ 'tahawur husain rana'."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return all(p in long for p in short)


@lru_cache(maxsize=1)
def _post_defaults() -> list[tuple[str, str, str]]:
    return [(normalise(title), state, org) for title, state, org in table("post-organizations.tsv", 3)]


@lru_cache(maxsize=1)
def _state_hints() -> dict[str, str]:
    return {word.lower(): state for word, state in table("state-hints.tsv", 2)}


def _add_post(article: Article, person: Entity, m: Mention, mentions: list[Mention], index) -> None:
    # What a title's parentheses hold qualifies the post ('Joint Secretary (UN Political)'): it
    # names neither its organization nor its state.
    outside = re.sub(r"\([^()]*\)", " ", m.title)
    inside = [k for k in _mentions_in_title(m, mentions, index) if k.text in outside]
    inside += _organization_after_name(article, m, mentions)
    org = next((k.iri for k in inside if k.cls in ORG_CLASSES and k.iri), None)
    state = next((k.iri for k in inside if k.cls == ctkg.State and k.iri), None)
    title = _clean_title(m.title, inside)
    words = [token_norm(t) for t, _, _ in tokens(title)]
    _, heads = title_words()
    if not any(w in heads for w in words):
        if state and person.state is None:
            person.state, person.state_sentence = state, m.sentence
        return  # a descriptor such as "separatist" or "accused", not a post
    if state is None:
        state = _state_from_hints(words, index)
    if org is None:
        org = _org_from_context(article, m, mentions, title, index)
    if state is None and org is not None:
        states = index.states_of(org)
        state = states[0] if states else None
    known_state = index.person_states.get(person.iri)
    if known_state is not None and state != known_state:
        # A known person's posts are in the state the reference data gives: a post's state is
        # functional, and a second state would make two states one.
        state = known_state
        org = org if org is not None and known_state in index.states_of(org) else None
    if state is None:
        state = _state_from_context(article, m, title, mentions, index)
    if org is None:
        org, state = _default_org(title, state, index)
    if state is not None and person.state is None:
        person.state, person.state_sentence = state, m.sentence
    title = title[:1].upper() + title[1:]
    post = Post(title, org, state, m.sentence, "title-before-name" if m.title_start else "apposition")
    for n, other in enumerate(person.posts):
        if _one_post(other.title, post.title):
            if len(post.title) > len(other.title):   # keep the fuller title: 'Union Home Secretary'
                person.posts[n] = Post(post.title, post.organization or other.organization,
                                       post.state or other.state, post.sentence, post.rule)
            return
    person.posts.append(post)


def _one_post(a: str, b: str) -> bool:
    """'Home Secretary' and 'Union Home Secretary' in one article: one post, the fuller title kept."""
    a, b = normalise(re.sub(r"counter[\s-]+", "counter", a)), normalise(re.sub(r"counter[\s-]+", "counter", b))
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


POST_NOMINAL = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")


def _organization_after_name(article: Article, m: Mention, mentions: list[Mention]) -> list[Mention]:
    """'Joint Secretary X of the Ministry of External Affairs', 'Vice President Y of the United
    States': the state or organization named right after a name that a title precedes."""
    if m.title_start is None:
        return []
    after = [k for k in mentions if k.iri and k.sentence == m.sentence and k.start >= m.end
             and k.cls in ORG_CLASSES | {ctkg.State}]
    first = min(after, key=lambda k: k.start, default=None)
    if first is None or not POST_NOMINAL.fullmatch(article.raw_text[m.end:first.start]):
        return []
    return [first]


def _mentions_in_title(m: Mention, mentions: list[Mention], index) -> list[Mention]:
    if m.title_start is not None:
        return [k for k in mentions if k.iri and m.title_start <= k.start and k.end <= m.start]
    # An apposition after the name: known things inside it, within the same sentence.
    found = []
    from kg.mentions import _known_mentions  # the same matcher, over the apposition only
    from kg.article import Sentence

    title_sentence = Sentence(m.sentence, m.end, m.end + len(m.title) + 4, m.title)
    toks = tokens(m.title)
    for k in _known_mentions(title_sentence, [(t, s + m.end, e + m.end) for t, s, e in toks], index):
        found.append(k)
    for t, _, _ in toks:
        demonym = index.demonyms.get(normalise(t))
        if demonym is not None and t[:1].isupper():
            found.append(Mention("demonym", t, 0, 0, m.sentence, demonym.cls, demonym.iri, demonym.label))
    return found


def _clean_title(title: str, inside: list[Mention]) -> str:
    """'the acting deputy secretary in the US Department of Homeland Security' -> 'acting deputy secretary'."""
    text = title
    for k in inside:
        if k.text and k.cls in ORG_CLASSES - {ctkg.TerroristGroup} | {ctkg.State}:
            text = text.replace(k.text, " ")
    parts = re.split(r",|\b(?:in|at|of the|with)\s+(?:the\s+)?(?=\s|$)"
                     r"|\s(?:in|at) the (?=[A-Z]|(?:ministry|department|office|bureau|agency)\b)", text)
    # 'her Indian counterpart, National Security Adviser': the part that names a post.
    _, heads = title_words()
    text = next((p for p in parts if any(token_norm(t) in heads for t, _, _ in tokens(p))), parts[0])
    text = re.sub(r"\b(?:the|a|an|his|her|top|senior official performing the duties of)\b", " ", text,
                  flags=re.I)
    text = re.sub(r"\b(?:in|at|of|for|and)\s*$", "", text.strip())
    text = re.sub(r"^\s*[’']s\b", "", text)
    text = re.sub(r"^\s*office\s+of\s+", "", text, flags=re.I)   # 'the office of Attorney X'
    return re.sub(r"\s+", " ", text).strip(" ,-")


def _state_from_hints(words: list[str], index) -> NamedNode | None:
    for word in words:
        state_label = _state_hints().get(word)
        if state_label:
            known = index.lookup(tuple(normalise(state_label).split()), state_label)
            if known is not None:
                return known.iri
    return None


@lru_cache(maxsize=1)
def _title_states() -> dict[str, frozenset[str]]:
    """kg/patterns/title-states.tsv: a bare title -> the states that have it as a post."""
    return {normalise(title): frozenset(s.strip() for s in states.split(","))
            for title, states in table("title-states.tsv", 2)}


def _titled_states(title: str) -> frozenset[str] | None:
    words = normalise(title).split()
    while len(words) > 1 and words[0] in {"union", "acting", "then", "former", "current", "federal", "senior"}:
        words = words[1:]
    return _title_states().get(" ".join(words))


_CAPITALS: dict[int, MappingProxyType] = {}


def capital_states(index: ReferenceIndex) -> MappingProxyType:
    """Place IRI -> state IRI for the capitals of kg/patterns/capitals.tsv ('Washington' for the US),
    worked out once per reference index."""
    if id(index) not in _CAPITALS:
        _CAPITALS.clear()
        _CAPITALS[id(index)] = _capital_states(index)
    return _CAPITALS[id(index)]


def _capital_states(index: ReferenceIndex) -> MappingProxyType:
    found: dict[NamedNode, NamedNode] = {}
    for capital, state in table("capitals.tsv", 2):
        place = index.lookup(tuple(normalise(capital).split()), capital)
        known = index.lookup(tuple(normalise(state).split()), state)
        if place is not None and known is not None and place.cls == ctkg.Place:
            found[place.iri] = known.iri
    return MappingProxyType(found)


# A place phrase that sets where an official speaks: "In Canberra, Deputy Secretary X said".
PLACE_PHRASE = re.compile(r"^(?:[A-Z][a-z]+\s+){0,2}(?:in|at)\s+(?:the\s+)?$", re.I)
ABROAD_TITLES = {"ambassador", "envoy", "commissioner", "consul", "attache", "attaché"}


def _state_from_context(article: Article, m: Mention, title: str, mentions: list[Mention], index):
    """The state of a post whose title names none, from a place phrase that opens its sentence:
    "In Canberra, Deputy Secretary X", "At the State Department, spokeswoman Y" (a state, its
    capital, or one state's agency); with a title of kg/patterns/title-states.tsv, only a state
    listed for it. Other states of the sentence or the article are not used: "Pakistan rejected
    the remarks of Prime Minister X" names a state that is not X's."""
    listed = _titled_states(title)
    if listed is None and ABROAD_TITLES & set(normalise(title).split()):
        return None
    capitals = capital_states(index)
    sentence = article.sentences[m.sentence]

    def state_of(k: Mention) -> NamedNode | None:
        if k.cls == ctkg.GovernmentAgency:
            states = index.states_of(k.iri)
            return states[0] if len(states) == 1 else None
        return k.iri if k.cls == ctkg.State else capitals.get(k.iri)

    opening = [k for k in mentions if k.sentence == m.sentence and k.iri and k.start < m.start
               and PLACE_PHRASE.match(sentence.text[: k.start - sentence.start]) and state_of(k)]
    state = state_of(opening[0]) if opening else None
    return state if state is not None and (listed is None or index.label(state) in listed) else None


def _org_from_context(article: Article, m: Mention, mentions: list[Mention], title: str, index):
    """'foreign ministry spokesperson' after 'the Chinese foreign ministry' is China's ministry."""
    words = [token_norm(t) for t, _, _ in tokens(title)]
    generic = {"ministry", "office", "department"} & set(words)
    # 'Secretary (Internal Security) in the ministry': the ministry the article last named.
    anaphor = re.search(r"\b(?:in|at|of) the (ministry|department|office)\b", m.title or "")
    if not generic and not anaphor:
        return None
    for k in sorted(mentions, key=lambda k: -k.start):
        if k.start >= m.start or k.sentence < m.sentence - 3 or k.cls != ctkg.GovernmentAgency:
            continue
        label_words = set(normalise(k.text).split())
        if anaphor and anaphor.group(1) in set(normalise(index.label(k.iri) or k.text).split()):
            return k.iri
        if generic & label_words and (label_words & set(words)) - generic - {"the"}:
            return k.iri
    return None


def _default_org(title: str, state: NamedNode | None, index) -> tuple[NamedNode | None, NamedNode | None]:
    """The organization a title implies (kg/patterns/post-organizations.tsv) for the post's state;
    with no state known, only a title that the table gives to one state alone."""
    key = normalise(title)
    rows = [(s, o) for t, s, o in _post_defaults() if t in key]
    if state is not None:
        rows = [(s, o) for s, o in rows if index.label(state) == s]
    elif len({s for s, _ in rows}) != 1 or len(_titled_states(title) or ()) > 1:
        return None, None   # a title that several states have: the state must come from the article
    for state_label, org_label in rows:
        for known, _ in index.by_tokens.get(tuple(normalise(org_label).split()), []):
            states = index.states_of(known.iri)
            if states and (state is None or state in states):
                return known.iri, state or states[0]
    return None, state


def default_organization(title: str, state: NamedNode) -> NamedNode | None:
    return _default_org(title, state, reference_index())[0]
