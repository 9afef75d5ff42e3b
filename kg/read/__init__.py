"""The read stage, one module per step; kg.article is its entry point (see its docstring)."""
