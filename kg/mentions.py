"""Article -> list[Mention]: known actors, places and topics by alias; officials by title rules.

Two passes over each sentence's tokens:
1. the reference alias index, longest match first (tolerant of case, hyphens, apostrophes);
2. people: capitalised runs of name tokens announced by a title ("Union Home Secretary Ajay
   Bhalla", "foreign ministry spokesperson Zhao Lijian"), an apposition ("Nathan Sales, State
   Department Coordinator for Counterterrorism"), "led by"/"headed by", or a speech verb.
Rules are data: kg/patterns/*.txt and the reference RDF.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache


from kg.article import Article, Sentence
from kg.extract.people import named_people
from kg.pattern_files import word_list
from kg.reference import Known, ReferenceIndex, normalise, reference_index, token_norm, tokens
from kg.terms import NamedNode, ctkg, rdf



@dataclass(frozen=True)
class Mention:
    """A span of an article that names something."""

    kind: str            # "known", "person", "demonym", "agency"
    text: str
    start: int           # offsets into Article.raw_text
    end: int
    sentence: int        # index of its sentence
    cls: NamedNode          # ctkg class (or skos:Concept for topics)
    iri: NamedNode | None = None       # for known things
    label: str | None = None        # preferred label (known) or the name as written
    title: str | None = None        # for people: the title as written
    title_start: int | None = None  # where the title begins (offset), when it precedes the name
    apposition: str | None = None   # a second title after the name ('Ambassador X, the US Coordinator for ...')


@lru_cache(maxsize=1)
def title_words() -> tuple[frozenset[str], frozenset[str]]:
    words, heads = set(), set()
    for line in word_list("titles.txt"):
        parts = line.split()
        words.add(parts[0])
        if len(parts) > 1 and parts[1] == "head":
            heads.add(parts[0])
    return frozenset(words), frozenset(heads)


@lru_cache(maxsize=1)
def descriptor_words() -> frozenset[str]:
    return frozenset(word_list("descriptors.txt"))


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    return frozenset(word_list("not-names.txt"))


SPEECH_VERBS = {"said", "says", "told", "added", "noted", "stated", "remarked", "asserted"}
LEAD_CUES = ("led by", "headed by", "chaired by", "co-chaired by", "counterpart", "extradition of",
             "arrest of", "extradite", "against", "attempt on", "plot to kill", "designation of", "listing of")


def find_mentions(article: Article, index: ReferenceIndex | None = None, docs: tuple | None = None) -> list[Mention]:
    """Known things by alias, and people: a name the model's NER reads as a person counts as one
    even when no title or cue announces it. `docs` are the sentences' parses (made here when not
    given; the loader parses once and passes them on)."""
    index = index or reference_index()
    if docs is None:
        from kg.extract.pipeline import parse

        docs = parse([s.text for s in article.sentences])
    found: list[Mention] = []
    for sentence in article.sentences:
        toks = [(t, s + sentence.start, e + sentence.start) for t, s, e in tokens(sentence.text)]
        known = _known_mentions(sentence, toks, index)
        if docs:
            known = _without_initials_of_names(known, docs[sentence.index], sentence)
        found.extend(known)
        demonyms = _demonym_mentions(sentence, toks, index, known)
        found.extend(demonyms)
        people = _people(article, sentence, toks, known + demonyms, index)
        if docs:
            people = _with_named_people(people, docs[sentence.index], sentence, known)
        found.extend(people)
    return found


# Entity types of the model that a title-announced name is not a person's under (places: the
# small model reads many people's names as ORG, so that label does not veto).
NOT_PERSON_ENTITIES = {"GPE", "LOC", "FAC"}


def _with_named_people(people: list[Mention], doc, sentence: Sentence, known: list[Mention]) -> list[Mention]:
    """People of the model's NER (kg/extract/people.py) beside those of the title rules: a
    candidate name it tags PERSON becomes a person, with the title the parse gives it; a name
    no title rule saw is added."""
    named = {(sentence.start + p.start, sentence.start + p.end): p for p in named_people(doc)}
    persons = [(sentence.start + e.start_char, sentence.start + e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    others = [(sentence.start + e.start_char, sentence.start + e.end_char) for e in doc.ents
              if e.label_ in NOT_PERSON_ENTITIES]
    kept, covered = [], []
    for m in people:
        if (any(a <= m.start and m.end <= b for a, b in others)
                and not any(a < m.end and m.start < b for a, b in persons)):
            continue   # 'the Northern District', 'Truth Social': the model reads a place or a name of a thing
        whole = next(((a, b) for (a, b) in named if a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                      and _hyphened(sentence.text[a - sentence.start:m.start - sentence.start],
                                    sentence.text[m.end - sentence.start:b - sentence.start])), None)
        if whole is not None:   # 'Abdullah Karim Al-Zahrani', 'Jean-Pierre Dubois': the name goes on past a hyphen
            a, b = whole
            name = sentence.text[a - sentence.start:b - sentence.start]
            m = replace(m, text=name, start=a, end=b, label=name)
        inside = next((p for (a, b), p in named.items() if a <= m.start and m.end <= b), None)
        if m.kind == "candidate" and inside is not None and len(m.text.split()) > 1:
            m = _named_mention(m.text, m.start, m.end, sentence, inside)
        within = next(((a, b) for (a, b) in named if m.start < a and b <= m.end), None)
        if within is not None:   # 'Meanwhile Sunil Varma': the model's name is the name
            a, b = within
            m = replace(m, text=sentence.text[a - sentence.start:b - sentence.start], start=a, end=b,
                        label=sentence.text[a - sentence.start:b - sentence.start])
        kept.append(m)
        covered.append((m.start, m.end))
    taken = covered + [(k.start, k.end) for k in known]
    for (a, b), person in named.items():
        if not any(x < b and a < y for x, y in taken):
            kept.append(_named_mention(sentence.text[a - sentence.start:b - sentence.start], a, b, sentence, person))
    return kept


def _hyphened(before: str, after: str) -> bool:
    """Whether the words the model's name has before and after a title rule's are parts of the name
    joined by hyphens ('Jean-' before 'Pierre Dubois'; '-Zahrani' after 'Abdullah Karim Al', ' al-Baghdadi'
    after 'Abu Bakr'), the run of capitalised words having stopped at the hyphen."""
    pieces = before.split() + after.split()
    return bool(pieces) and all("-" in piece for piece in pieces) and (not before or before.endswith("-"))


def _without_initials_of_names(known: list[Mention], doc, sentence: Sentence) -> list[Mention]:
    """'U.K. Bansal': initials that spell a known alias ('U.K.') are a name's when the model reads
    them as the start of a person's name."""
    starts = {sentence.start + e.start_char for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    return [k for k in known if not (k.start in starts and INITIALS.match(k.text))]


def _named_mention(text: str, start: int, end: int, sentence: Sentence, person) -> Mention:
    text = re.sub(r"['’]s$", "", text)
    title_start = sentence.start + person.title_start if person.title_start is not None else None
    second = person.apposition if person.apposition and _is_post_title(person.apposition) else None
    return Mention("person", text, start, start + len(text), sentence.index, ctkg.Person, label=text,
                   title=person.title, title_start=title_start, apposition=second)


def _known_mentions(sentence: Sentence, toks, index: ReferenceIndex) -> list[Mention]:
    """Actors, places and events first, longest match first; then topics in a pass of their own,
    so that a topic label ('pro-Khalistani elements') never hides an actor ('pro-Khalistani')."""
    return _scan(sentence, toks, index, topics=False) + _scan(sentence, toks, index, topics=True)


def _scan(sentence: Sentence, toks, index: ReferenceIndex, topics: bool) -> list[Mention]:
    norms = [token_norm(t) for t, _, _ in toks]
    found, i = [], 0
    while i < len(toks):
        hit = None
        length = 1
        while i + length <= len(toks) and tuple(norms[i : i + length]) in index.prefixes:
            key = tuple(norms[i : i + length])
            if key in index.by_tokens:
                surface = " ".join(t for t, _, _ in toks[i : i + length])
                known = index.lookup(key, surface, topics)
                if known is not None:
                    hit = (known, length)
            length += 1
        if hit is None:
            i += 1
            continue
        known, length = hit
        start, end = toks[i][1], toks[i + length - 1][2]
        found.append(_known_mention(known, sentence, start, end))
        i += length
    return found


def _known_mention(known: Known, sentence: Sentence, start: int, end: int) -> Mention:
    offset = sentence.start
    return Mention(
        kind="known",
        text=sentence.text[start - offset : end - offset],
        start=start,
        end=end,
        sentence=sentence.index,
        cls=known.cls,
        iri=known.iri,
        label=known.label,
    )


def covered_tokens(toks, spans) -> list[bool]:
    """For each token (text, start, end) in text order, whether it starts inside one of the
    (start, end) spans: a sort and a binary search per span, so a long sentence with many mentions
    costs no more than its length."""
    starts = [s for _, s, _ in toks]
    covered = [False] * len(toks)
    for a, b in spans:
        for k in range(bisect_left(starts, a), bisect_left(starts, b)):
            covered[k] = True
    return covered


def _demonym_mentions(sentence, toks, index: ReferenceIndex, known: list[Mention]) -> list[Mention]:
    """'the Indian delegation', 'the American side', 'Pakistani security agencies' name a state."""
    covered = covered_tokens(toks, {(m.start, m.end) for m in known})
    found = []
    for n, (t, s, e) in enumerate(toks):
        if not t[:1].isupper() or covered[n]:
            continue
        state = index.demonyms.get(normalise(t))
        if state is None:
            continue
        offset = sentence.start
        found.append(
            Mention("demonym", sentence.text[s - offset : e - offset], s, e, sentence.index,
                    state.cls, iri=state.iri, label=state.label)
        )
    return found


INITIALS = re.compile(r"(?:[A-Z]\.){1,3}$")


def _is_name_token(token: str) -> bool:
    if not token[:1].isupper():
        return False
    if len(token) == 1 or (len(token) == 2 and token.endswith(".")) or INITIALS.match(token):
        return True  # initials: "Nathan A Sales", "R.K. Mehta"
    if token_norm(token) in not_name_words():
        return False
    if len(token) > 1 and token.isupper() and len(token) > 3:
        return False  # an acronym, not a name
    return True


def _people(article: Article, sentence: Sentence, toks, known: list[Mention], index) -> list[Mention]:
    words, heads = title_words()
    in_known = covered_tokens(toks, [(m.start, m.end) for m in known])
    text, offset = sentence.text, sentence.start
    found, i = [], 0
    while i < len(toks):
        if in_known[i] or not _is_name_token(toks[i][0]):
            i += 1
            continue
        j = i
        while j < len(toks) and not in_known[j] and _is_name_token(toks[j][0]) and (j == i or _joined(text, offset, toks, j)):
            j += 1
        run = list(range(i, j))
        i = j if j > i else i + 1
        # Split the title off the run at its last title word: "Union Home Secretary | Ajay Bhalla",
        # "Finance Minister | Arun Jaitley"; without one, drop leading title words.
        # A title word after the name's first word ends no name: 'Director General of [Military
        # Operations]' is a title, not a person called Military.
        marked = [n for n in run if token_norm(toks[n][0]) in heads | descriptor_words()]
        k = run.index(marked[-1]) + 1 if marked else 0
        while k < len(run) and token_norm(toks[run[k]][0]) in words:
            k += 1
        name_idx = run[k:]
        if not name_idx or any(token_norm(toks[n][0]) in words for n in name_idx):
            continue
        name_idx = name_idx[:4]
        start, end = toks[name_idx[0]][1], toks[name_idx[-1]][2]
        title, title_start = _title_before(toks, name_idx[0], in_known, known, text, offset, run[0])
        if title and re.search(r"\b(?:for|of|in|on|at|to|the)$", title):
            continue   # the object of a title, not its holder: 'official for South Asia'
        title_after = _apposition_after(text, offset, end)
        evidence = (
            _has_head(title)
            or _has_head(title_after)
            or _lead_cue_before(text, offset, start)
            or _speech_after(text, offset, end)
        )
        if not evidence:
            # Not announced as a person here; entities.py keeps it only if it names a person
            # already known (earlier in this article, or in the store).
            found.append(Mention("candidate", text[start - offset : end - offset], start, end, sentence.index,
                                 ctkg.Person, label=text[start - offset : end - offset]))
            continue
        name = text[start - offset : end - offset]
        name = re.sub(r"['’]s$", "", name)
        end = start + len(name)
        second = None
        if title_after and _is_post_title(title_after) and not _is_post_title(title):
            title, title_start = title_after, None   # "his counterpart X, the acting deputy secretary ..."
        elif title_after and _is_post_title(title_after) and normalise(title_after) != normalise(title or ""):
            second = title_after                      # "Ambassador X, the US Coordinator for Counterterrorism"
        found.append(
            Mention("person", name, start, end, sentence.index, ctkg.Person, label=name,
                    title=title or title_after, title_start=title_start, apposition=second)
        )
    return found


def _joined(text: str, offset: int, toks, j: int) -> bool:
    """Whether token j continues the run begun before it (only spaces or an initial's dot between)."""
    if j == 0:
        return True
    gap = text[toks[j - 1][2] - offset : toks[j][1] - offset]
    return gap in (" ", ". ") and not (gap == ". " and len(toks[j - 1][0]) > 1)


def _title_before(toks, first: int, in_known, known: list[Mention], text: str, offset: int, run_start: int):
    """The title words right before a name, across case: 'foreign ministry spokesperson', the
    capitalised words of its run ('Finance Minister'), or a title and a comma ('his Indian
    counterpart, Ajit Doval')."""
    words, heads = title_words()
    k = first
    while k > 0:
        t = token_norm(toks[k - 1][0])
        gap = text[toks[k - 1][2] - offset : toks[k][1] - offset]
        after_comma = k in (first, run_start) and gap == ", " and (t in heads or t in descriptor_words()
                                                      or _title_phrase_before(toks, k - 1, in_known, text, offset))
        if gap not in (" ", "-") and not after_comma:
            break
        if (k - 1 >= run_start or after_comma or t in words or t in descriptor_words() or in_known[k - 1]
                or t.isdigit() or re.match(r"\d+/\d+", t)):
            k -= 1
            continue
        break
    while k < first and token_norm(toks[k][0]) in {"the", "of", "for", "in", "and", "on", "at"}:
        k += 1
    if k == first:
        return None, None
    start = toks[k][1]
    end = toks[first - 1][2]
    return text[start - offset : end - offset], start


def _title_phrase_before(toks, last: int, in_known, text: str, offset: int) -> bool:
    """Whether the words ending at token `last` are a title with a head word, before a comma:
    "Peru's Chief of the Joint Staff, [Major General X]"."""
    words, heads = title_words()
    in_phrase = lambda n: token_norm(toks[n][0]) in words or in_known[n]
    gap_before = lambda n: text[toks[n - 1][2] - offset : toks[n][1] - offset]
    k = last
    while k > 0 and in_phrase(k) and in_phrase(k - 1) and gap_before(k) in (" ", "-"):
        k -= 1
    if not in_phrase(last) or not any(token_norm(toks[n][0]) in heads for n in range(k, last + 1)):
        return False
    # Not itself the apposition of a name before it: 'X, spokesperson of the Ministry, [Y] said'.
    return k == 0 or not ("," in gap_before(k) and toks[k - 1][0][:1].isupper())


# An apposition: words up to the next comma, with parenthesised parts ('Joint Secretary (UN
# Political) in the Ministry of External Affairs').
APPOSITION = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+)?((?:[^,;:“”\"()]|\([^()]{1,40}\)){3,120}?)"
                        r"(?=[,;:“”\")]|\((?![^()]{1,40}\))|\.\s|\.$|$)")


def _apposition_after(text: str, offset: int, end: int) -> str | None:
    """', Joint Secretary for Counter-Terrorism, Ministry of External Affairs' after a name."""
    rest = text[end - offset :]
    match = APPOSITION.match(rest)
    if not match:
        return None
    phrase = match.group(1).strip()
    first = re.match(r"[\w-]+", phrase)
    if re.match(r"(?:and|or|but|who|which|whose)\b", phrase) or (
            first and re.fullmatch(r"[a-z]+(?:ing|ed)", first.group()) and first.group() not in title_words()[0]):
        return None   # the next item of a list, or a clause: 'X, and Deputy Secretary Y', 'X, promising'
    # Include a following ", Ministry of ..." organisation part.
    more = re.match(r",\s*((?:Ministry|Department|Office|Bureau|Agency)[^,;.]{0,80})", rest[match.end():])
    if more:
        phrase = phrase + ", " + more.group(1).strip()
    first_words = [token_norm(t) for t, _, _ in tokens(phrase)][:6]
    _, heads = title_words()
    if not any(w in heads or w in descriptor_words() for w in first_words):
        return None
    return phrase


def _is_post_title(title: str | None) -> bool:
    """A title that names a post ('Home Secretary'), not only a description ('his counterpart')."""
    _, heads = title_words()
    return bool(title) and any(token_norm(t) in heads for t, _, _ in tokens(title))


def _has_head(title: str | None) -> bool:
    if not title:
        return False
    _, heads = title_words()
    return any(token_norm(t) in heads | descriptor_words() for t, _, _ in tokens(title))


def _lead_cue_before(text: str, offset: int, start: int) -> bool:
    before = text[max(0, start - offset - 40) : start - offset].lower()
    return any(before.rstrip().endswith(cue) or f"{cue} " in before[-(len(cue) + 25):] for cue in LEAD_CUES)


def _speech_after(text: str, offset: int, end: int) -> bool:
    rest = text[end - offset : end - offset + 20]
    match = re.match(r"\s*,?\s*([a-z]+)", rest)
    return bool(match and match.group(1) in SPEECH_VERBS)
