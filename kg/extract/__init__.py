"""Extraction: one article's parsed sentences and the reference data in, frozen facts out.

    pipeline   the trained English pipeline (spaCy, en_core_web_sm 3.8.0), loaded once
    rules      rule files (kg/rules/*.yaml): dependency patterns with named slots and examples
    scene      what the earlier steps found in the article, read-only, as the rules see it
    people     people the model's NER finds that no title announces
    delegations, reactions, legal, agreements   one module per event family

Each family reads only its article (its sentences, their parses, the mentions) and returns a
`Found` of facts; none writes into what an earlier step produced.
"""
