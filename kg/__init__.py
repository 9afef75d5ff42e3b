"""ctkg: a knowledge graph of counter-terrorism and homeland-security cooperation."""

__version__ = "0.1.0"
