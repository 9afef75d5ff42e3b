"""Every rule file loads, and every example of every rule yields what it says, by that rule."""
import pytest

from kg.errors import BadRules
import importlib

from kg.extract.examples import extraction_of, rows
from kg.extract.rules import load_rules, rule_files, rule_set

EXAMPLES = [(path.stem, rule, n) for path in rule_files() for rule in rule_set(path.stem).rules
            for n in range(len(rule.examples))]


def test_every_rule_file_has_a_family_module_that_finds_and_renders():
    for path in rule_files():
        module = importlib.import_module(f"kg.extract.{path.stem}")
        assert callable(module.find) and callable(module.rows), path.name


@pytest.mark.parametrize("family,rule,n", EXAMPLES, ids=[f"{f}:{r.id}:{n}" for f, r, n in EXAMPLES])
def test_rule_example_yields_its_facts(family, rule, n, tmp_path):
    example = rule.examples[n]
    extraction, label = extraction_of(example.text, tmp_path)
    found = rows(family, extraction, label, rule.id)
    for wanted in example.yields:
        assert any(all(row.get(k) == v for k, v in wanted.items()) for row in found), (
            f"{rule.file}:{example.line}: rule '{rule.id}' should yield {wanted}; it yielded {found}")


def test_every_rule_pattern_compiles():
    for path in rule_files():
        rule_set(path.stem).check()


def _broken(tmp_path, text):
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadRules) as caught:
        load_rules(path).check()
    return str(caught.value)


RULE = """- id: r1
  pattern:
    - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: lead}}
  fills: {verb: verb}
  examples:
    - {text: "X led.", yields: [{leader: X}]}
"""


def test_a_rule_without_examples_is_named_by_file_and_line(tmp_path):
    message = _broken(tmp_path, RULE + "- id: r2\n  pattern:\n    - {RIGHT_ID: v, RIGHT_ATTRS: {LEMMA: head}}\n"
                                      "  fills: {verb: v}\n  examples: []\n")
    assert "broken.yaml:11:" in message and "has no examples" in message


def test_a_slot_naming_no_node_is_an_error(tmp_path):
    message = _broken(tmp_path, RULE.replace("fills: {verb: verb}", "fills: {verb: verbb}"))
    assert "broken.yaml:4:" in message and "no node of the pattern" in message


def test_a_left_id_not_defined_above_is_an_error(tmp_path):
    message = _broken(tmp_path, RULE.replace("    - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: lead}}\n",
                                             "    - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: lead}}\n"
                                             "    - {LEFT_ID: nope, REL_OP: '>', RIGHT_ID: x, RIGHT_ATTRS: {DEP: dobj}}\n"))
    assert "broken.yaml:4:" in message and "LEFT_ID 'nope'" in message


def test_invalid_yaml_names_the_line(tmp_path):
    message = _broken(tmp_path, RULE + "- id: [unclosed\n")
    assert "broken.yaml:" in message and "not valid YAML" in message


def test_a_pattern_spacy_refuses_is_named_by_file_and_line(tmp_path):
    message = _broken(tmp_path, RULE.replace("{LEMMA: lead}", "{LEMMA: lead, NOT_AN_ATTR: 1}"))
    assert "broken.yaml:1:" in message and "spaCy refuses" in message


def test_a_duplicate_rule_id_is_an_error(tmp_path):
    message = _broken(tmp_path, RULE + RULE)
    assert "broken.yaml:7:" in message and "used twice" in message


def test_a_node_named_by_a_yaml_boolean_is_an_error_that_says_to_quote_it(tmp_path):
    message = _broken(tmp_path, RULE.replace("{RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: lead}}",
                                             "{RIGHT_ID: on, RIGHT_ATTRS: {LEMMA: lead}}"))
    assert "broken.yaml:3:" in message and "Quote the word" in message


def test_a_sentence_without_the_words_a_rule_needs_is_not_matched(tmp_path):
    from kg.extract.pipeline import parse

    path = tmp_path / "r.yaml"
    path.write_text(RULE, encoding="utf-8")
    rules = load_rules(path)
    led, rested = parse(["The envoy led.", "The envoy rested."])
    assert rules.could_match(led) and [m.rule.id for m in rules.matches(led)] == ["r1"]
    assert not rules.could_match(rested) and rules.matches(rested) == []
