"""The quad store: an on-disk Oxigraph store, one named graph per article, and the loader's
lookup index in a store of its own beside it.

    kg.store.opening  the one opener (a folder, or a SPARQL server's URL)
    kg.store.writing  writing graphs atomically, the base graphs, listing graphs
    kg.store.index    the lookup index, kept equal to what the named graphs state
    kg.store.finders  the validation context: what is stored of the entities a graph names

The names callers use are importable from kg.store itself.
"""
from kg.paths import internal_query as sparql
from kg.store.finders import Descriptions, describe_triples, distinct_objects, pointed_at
from kg.store.index import (INDEX_MARK, INDEXED, LABEL_KEY, PREF_LABEL, SCAN_CAP, entities_by_label_key,
                            has_index, index_quads, rebuild_index)
from kg.store.opening import Store, embedded, open_store, store_folder
from kg.store.writing import (article_graphs, ensure_base_graphs, quarantined, replace_graph, stored_hash,
                              update_graphs, write_graph)
from kg.vocab import G_INFERRED, PREFIXES, from_ox, to_ox

__all__ = ["open_store", "store_folder", "Store", "embedded", "replace_graph", "write_graph", "update_graphs",
           "describe_triples", "Descriptions", "pointed_at", "distinct_objects", "stored_hash",
           "ensure_base_graphs", "article_graphs", "quarantined",
           "has_index", "rebuild_index", "entities_by_label_key", "index_quads", "INDEX_MARK", "INDEXED", "LABEL_KEY",
           "PREF_LABEL", "SCAN_CAP", "G_INFERRED", "PREFIXES", "sparql", "from_ox", "to_ox"]
