"""Rule files: dependency patterns with named slots and example sentences, kept as data.

A rule file (kg/rules/FAMILY.yaml) is a YAML list of rules:

    - id: side-headed-by                  # unique in the file; recorded with every fact it yields
      pattern:                            # a spaCy DependencyMatcher pattern
        - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: {IN: [head, lead]}}}
        - {LEFT_ID: verb, REL_OP: ">", RIGHT_ID: side, RIGHT_ATTRS: {DEP: nsubjpass}}
        - {LEFT_ID: verb, REL_OP: ">>", RIGHT_ID: leader, RIGHT_ATTRS: {DEP: pobj}}
      fills: {side: side, leader: leader}  # slot -> pattern node; the family reads each slot
      sets: {action: Extradition}         # optional slot -> constant
      confidence: 0.8                     # optional, default 0.8
      examples:                           # at least one; the test suite runs every one
        - text: "The Indian side was headed by Vikram Rao."
          yields: [{state: India, leader: Vikram Rao}]

The file is checked when it loads: a rule that breaks the schema, or a pattern spaCy refuses,
is a BadRules error naming the file and the line. Adding a phrasing is adding a rule and its
example, not Python.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from kg.errors import BadRules

RULES = Path(__file__).resolve().parent.parent / "rules"
REL_OPS = {"<", ">", "<<", ">>", ".", ".*", ";", ";*", "$+", "$-", "$++", "$--", ">+", ">-", ">++", ">--",
           "<+", "<-", "<++", "<--"}
MATCHER_CACHE = 256   # combined matchers kept per rule file (kg.extract.rules.RuleSet._matcher_of)
RULE_KEYS = {"id", "pattern", "fills", "sets", "confidence", "examples", "note"}


@dataclass(frozen=True)
class Example:
    text: str
    yields: tuple[dict, ...]
    line: int


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: tuple[dict, ...]
    fills: tuple[tuple[str, str], ...]      # (slot, pattern node)
    sets: tuple[tuple[str, str], ...]       # (slot, constant)
    confidence: float
    examples: tuple[Example, ...]
    file: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @cached_property
    def requirements(self) -> tuple[frozenset[str], ...]:
        """For each node that names its words (LEMMA or LOWER), the words it allows: a sentence
        without one of each cannot match, and the matcher need not run on it."""
        found = []
        for node in self.pattern:
            for key in ("LEMMA", "LOWER", "ORTH"):
                value = node["RIGHT_ATTRS"].get(key)
                words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
                if words and all(isinstance(w, str) for w in words):
                    found.append(frozenset(w.lower() for w in words))
        return tuple(found)


@dataclass(frozen=True)
class RuleMatch:
    """One match of a rule in a sentence: each slot's token (or constant)."""

    rule: Rule
    tokens: tuple[tuple[str, object], ...]  # (slot, spaCy Token)
    constants: tuple[tuple[str, str], ...]

    def token(self, slot: str):
        return dict(self.tokens).get(slot)

    def constant(self, slot: str) -> str | None:
        return dict(self.constants).get(slot)


class RuleSet:
    """The rules of one file. A sentence runs only the rules whose words it has
    (Rule.requirements), which is most of the cost saved, and those in one DependencyMatcher
    (made for that set of rules, kept for the next sentence with the same set): the matcher's
    cost per call is a pass over the sentence, paid once rather than once per rule. Each rule is
    also compiled alone once, so that spaCy's checks name the rule that fails them."""

    def __init__(self, name: str, rules: tuple[Rule, ...]):
        self.name, self.rules = name, rules
        self._matchers: dict[str, object] | None = None
        self._combined: dict[tuple[str, ...], object] = {}
        # Each rule filed under the words of its narrowest requirement: a sentence looks up its own
        # words here rather than testing every rule; a rule that names no word is always tried.
        self._by_word: dict[str, list[int]] = {}
        self._always: list[int] = []
        for n, rule in enumerate(rules):
            if rule.requirements:
                for word in min(rule.requirements, key=len):
                    self._by_word.setdefault(word, []).append(n)
            else:
                self._always.append(n)

    def _compiled(self) -> dict[str, object]:
        if self._matchers is None:
            from spacy.matcher import DependencyMatcher

            from kg.extract.pipeline import english

            matchers = {}
            for rule in self.rules:
                matcher = DependencyMatcher(english().vocab, validate=True)
                try:
                    matcher.add(rule.id, [list(rule.pattern)])
                except Exception as error:  # spaCy says what is wrong with the pattern
                    detail = " ".join(line.strip() for line in str(error).strip().splitlines() if line.strip())
                    raise BadRules(f"{rule.where}: rule '{rule.id}': spaCy refuses its pattern: "
                                   f"{detail[:400]}\n"
                                   "  Fix the pattern (see spaCy's DependencyMatcher docs).") from None
                matchers[rule.id] = matcher
            self._matchers = matchers
        return self._matchers

    def check(self) -> None:
        """Compile every pattern now (spaCy's own checks), rather than on first use."""
        self._compiled()

    def candidates(self, doc) -> list[Rule]:
        """The rules whose words are all in the sentence (a cheap test before the matcher)."""
        words = doc.user_data.get("ctkg-words")
        if words is None:   # worked out once per sentence, for every rule file
            words = doc.user_data["ctkg-words"] = {t.lower_ for t in doc} | {t.lemma_.lower() for t in doc}
        tried = set(self._always)
        for word in words:
            tried.update(self._by_word.get(word, ()))
        return [self.rules[n] for n in sorted(tried)
                if all(required & words for required in self.rules[n].requirements)]

    def could_match(self, doc) -> bool:
        return bool(self.candidates(doc))

    def matches(self, doc) -> list[RuleMatch]:
        """Every match of every rule in `doc`, in rule-file order, then text order."""
        candidates = self.candidates(doc)
        if not candidates:
            return []
        by_rule: dict[str, list] = {}
        strings = doc.vocab.strings
        for match_id, token_ids in self._matcher_of(tuple(rule.id for rule in candidates))(doc):
            by_rule.setdefault(strings[match_id], []).append(token_ids)
        found = []
        for rule in candidates:
            names = [node["RIGHT_ID"] for node in rule.pattern]
            hits = []
            for token_ids in by_rule.get(rule.id, ()):
                by_node = {name: doc[i] for name, i in zip(names, token_ids)}
                slots = tuple((slot, by_node[node]) for slot, node in rule.fills)
                hits.append(RuleMatch(rule, slots, rule.sets))
            hits.sort(key=lambda m: min((t.i for _, t in m.tokens), default=0))
            found += hits
        return found

    def _matcher_of(self, ids: tuple[str, ...]):
        """One DependencyMatcher for the rules `ids` together (a sentence's candidates): the
        matcher reads the sentence once for all of them. Patterns were checked by `_compiled`;
        a set of rules seen before reuses its matcher (at most MATCHER_CACHE per file)."""
        matcher = self._combined.get(ids)
        if matcher is None:
            from spacy.matcher import DependencyMatcher

            from kg.extract.pipeline import english

            self._compiled()   # every pattern checked, alone, before any is combined
            matcher = DependencyMatcher(english().vocab)
            for rule in (r for r in self.rules if r.id in ids):
                matcher.add(rule.id, [list(rule.pattern)])
            if len(self._combined) >= MATCHER_CACHE:
                self._combined.pop(next(iter(self._combined)))
            self._combined[ids] = matcher
        return matcher


def rule_files() -> list[Path]:
    return sorted(RULES.glob("*.yaml"))


@lru_cache(maxsize=None)
def rule_set(name: str) -> RuleSet:
    """The checked rules of kg/rules/NAME.yaml."""
    return load_rules(RULES / f"{name}.yaml")


def load_rules(path: Path) -> RuleSet:
    shown = f"kg/rules/{path.name}" if path.parent == RULES else str(path)
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))   # libyaml when there
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise BadRules(f"{shown}:{line}: not valid YAML ({getattr(error, 'problem', error)}).\n"
                       "  Fix the file: each rule is a '- id: ...' item of a list.") from None
    except OSError as error:
        raise BadRules(f"{shown}: cannot read the rule file ({error.strerror}).") from None
    if root is None or not isinstance(root, yaml.SequenceNode):
        raise BadRules(f"{shown}:1: a rule file is a YAML list of rules ('- id: ...').")
    rules, seen = [], set()
    for node in root.value:
        rule = _rule(node, shown)
        if rule.id in seen:
            raise BadRules(f"{rule.where}: the rule id '{rule.id}' is used twice in the file.\n"
                           "  Give each rule its own id.")
        seen.add(rule.id)
        rules.append(rule)
    return RuleSet(path.stem, tuple(rules))


def _value(node):
    return yaml.SafeLoader(" ").construct_document(node) if node is not None else None


def _fail(shown: str, node, message: str, fix: str):
    raise BadRules(f"{shown}:{node.start_mark.line + 1}: {message}\n  {fix}")


def _rule(node, shown: str) -> Rule:
    if not isinstance(node, yaml.MappingNode):
        _fail(shown, node, "a rule must be a mapping (id, pattern, fills, examples).", "Start the rule with '- id: NAME'.")
    fields = {key.value: value for key, value in node.value}
    data = {key: _value(value) for key, value in fields.items()}
    unknown = set(data) - RULE_KEYS
    if unknown:
        _fail(shown, node, f"unknown key(s) {', '.join(sorted(unknown))} in a rule.",
              f"A rule has only: {', '.join(sorted(RULE_KEYS))}.")
    for key in ("id", "pattern", "fills", "examples"):
        if key not in data:
            _fail(shown, node, f"the rule has no '{key}'.", "Every rule has id, pattern, fills and examples.")
    rule_id = data["id"]
    if not isinstance(rule_id, str) or not rule_id.strip():
        _fail(shown, fields["id"], "the rule id must be a word.", "Write e.g. 'id: side-headed-by'.")
    names = _check_pattern(data["pattern"], fields["pattern"], shown, rule_id)
    fills = data["fills"]
    if not isinstance(fills, dict) or not fills:
        _fail(shown, fields["fills"], f"rule '{rule_id}': 'fills' must map slots to pattern nodes.",
              "Write e.g. 'fills: {leader: leader}'.")
    for slot, target in fills.items():
        if target not in names:
            _fail(shown, fields["fills"], f"rule '{rule_id}': slot '{slot}' names '{target}', which is no node "
                  "of the pattern.", f"Use one of: {', '.join(names)}.")
    sets = data.get("sets") or {}
    if not isinstance(sets, dict):
        _fail(shown, fields["sets"], f"rule '{rule_id}': 'sets' must map slots to constants.", "Write e.g. 'sets: {action: Arrest}'.")
    confidence = data.get("confidence", 0.8)
    if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        _fail(shown, fields.get("confidence", node), f"rule '{rule_id}': confidence must be a number in (0, 1].",
              "Write e.g. 'confidence: 0.8'.")
    examples = _examples(fields["examples"], shown, rule_id)
    return Rule(rule_id, tuple(data["pattern"]), tuple((str(k), str(v)) for k, v in fills.items()),
                tuple((str(k), str(v)) for k, v in sets.items()), float(confidence), examples, shown,
                node.start_mark.line + 1)


def _check_pattern(pattern, node, shown: str, rule_id: str) -> list[str]:
    if not isinstance(pattern, list) or not pattern:
        _fail(shown, node, f"rule '{rule_id}': the pattern must be a non-empty list of nodes.",
              "See the DependencyMatcher format at the top of kg/extract/rules.py.")
    names: list[str] = []
    for n, (item, item_node) in enumerate(zip(pattern, node.value)):
        if isinstance(item, dict) and not all(isinstance(item.get(k, ""), str) for k in ("RIGHT_ID", "LEFT_ID", "REL_OP")):
            _fail(shown, item_node, f"rule '{rule_id}': RIGHT_ID, LEFT_ID and REL_OP must be strings (YAML reads "
                  "on, off, yes, no as true or false).", 'Quote the word ("on") or choose another node name.')
        if not isinstance(item, dict) or "RIGHT_ID" not in item or "RIGHT_ATTRS" not in item:
            _fail(shown, item_node, f"rule '{rule_id}': each pattern node needs RIGHT_ID and RIGHT_ATTRS.",
                  "Write e.g. {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: lead}}.")
        if n == 0 and ("LEFT_ID" in item or "REL_OP" in item):
            _fail(shown, item_node, f"rule '{rule_id}': the first node is the anchor and has no LEFT_ID or REL_OP.",
                  "Move the relation to a later node.")
        if n > 0:
            if item.get("LEFT_ID") not in names:
                _fail(shown, item_node, f"rule '{rule_id}': LEFT_ID '{item.get('LEFT_ID')}' is not a node above it.",
                      f"Use one of: {', '.join(names)}.")
            if item.get("REL_OP") not in REL_OPS:
                _fail(shown, item_node, f"rule '{rule_id}': REL_OP '{item.get('REL_OP')}' is not a relation operator.",
                      "Use one of: > >> < << . ; $+ $- (see spaCy's DependencyMatcher).")
        if item["RIGHT_ID"] in names:
            _fail(shown, item_node, f"rule '{rule_id}': node '{item['RIGHT_ID']}' is defined twice.", "Rename one.")
        names.append(item["RIGHT_ID"])
    return names


def _examples(node, shown: str, rule_id: str) -> tuple[Example, ...]:
    items = _value(node)
    if not isinstance(items, list) or not items:
        _fail(shown, node, f"rule '{rule_id}' has no examples.", "Give at least one '- text: ...' with 'yields'.")
    examples = []
    for item, item_node in zip(items, node.value):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or \
                not isinstance(item.get("yields"), list) or not all(isinstance(y, dict) for y in item["yields"]):
            _fail(shown, item_node, f"rule '{rule_id}': an example needs 'text' and a list of 'yields'.",
                  "Write e.g. {text: 'X led the Indian side.', yields: [{leader: X, state: India}]}.")
        yields = tuple({str(k): str(v) for k, v in y.items()} for y in item["yields"])
        examples.append(Example(item["text"], yields, item_node.start_mark.line + 1))
    return tuple(examples)
