"""Colours and markers shared by the figures, the briefs and the i2 chart: one place, so that a
kind of node looks the same everywhere.

The colours are Okabe and Ito's palette for colour-blind readers (blue, vermillion, bluish
green, orange, reddish purple, sky blue, black), with Paul Tol's muted colours (indigo, wine,
green, sand) for the kinds past seven; every kind also has its own marker, and every relation
family its own line style, so that no reading depends on colour alone.
"""
from __future__ import annotations

# kind -> (colour, marker)
KIND_STYLE = {
    "state": ("#0072B2", "s"),
    "agency": ("#009E73", "D"),
    "intl": ("#CC79A7", "h"),
    "group": ("#D55E00", "^"),
    "movement": ("#E69F00", "v"),
    "person": ("#4D4D4D", "o"),
    "news": ("#999999", "H"),
    "organization": ("#8C6D31", "8"),
    "meeting": ("#56B4E9", "*"),
    "attack": ("#000000", "X"),
    "statement": ("#117733", "P"),
    "agreement": ("#332288", "p"),
    "document": ("#8D6E63", "<"),
    "reaction": ("#882255", ">"),
    "legal-action": ("#AA4499", "d"),
    "call": ("#DDCC77", "<"),
}

# relation family -> (colour, line style, legend text)
FAMILY_STYLE = {
    "violence": ("#D55E00", "-", "perpetrated, blamed on"),
    "legal": ("#AA4499", (0, (6, 2)), "accused, arrested, extradited"),
    "pressure": ("#E69F00", (0, (5, 2, 1, 2)), "called on, reacted to"),
    "naming": ("#8C6D31", (0, (1, 1.5)), "named a group"),
    "agreement": ("#332288", "-", "signed an agreement"),
    "office": ("#4D4D4D", "-", "official, delegation, part of"),
    "statement": ("#117733", (0, (3, 2)), "issued a statement"),
    "meeting": ("#0072B2", "-", "took part in a meeting"),
    "event": ("#999999", (0, (2, 2)), "event to event"),
    "co-event": ("#B0B7BF", (0, (1, 2)), "same event only"),
}

# stance of a reaction -> colour (a diverging pair and a neutral, safe for colour-blind readers)
STANCE_COLOURS = {"critical": "#D55E00", "supportive": "#0072B2", "other": "#999999"}


def kind_colour(kind: str) -> str:
    return KIND_STYLE.get(kind, ("#999999", "o"))[0]
